// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"context"
	"encoding/json"
	"iter"
)

// Model is a chat model. It is declared here so that only the adapter in
// assistant/openai imports an LLM client. Implementations honour ctx: when
// it is cancelled the request to the provider is aborted.
type Model interface {
	// Stream generates a reply and yields its text deltas in order. An error
	// ends the stream; a provider's rate limit or server error is an error
	// like any other (the assistant then answers offline).
	Stream(ctx context.Context, req ModelRequest) iter.Seq2[string, error]
	// Call asks the model to call exactly one of tools and returns that call.
	Call(ctx context.Context, req ModelRequest, tools []Tool) (ToolCall, error)
}

// ModelMessage is one chat message sent to a model. Role is "system",
// "user" or "assistant".
type ModelMessage struct {
	Role    string
	Content string
}

// ModelRequest is one request to a model.
type ModelRequest struct {
	Messages    []ModelMessage
	MaxTokens   int     // 0: provider default
	Temperature float32 // 0: deterministic as far as the provider allows
}

// Tool is a function the model may call; Parameters is a JSON Schema object.
type Tool struct {
	Name        string
	Description string
	Parameters  json.RawMessage
}

// ToolCall is the model's choice of tool with its JSON arguments.
type ToolCall struct {
	Name      string
	Arguments json.RawMessage
}
