// SPDX-License-Identifier: EUPL-1.2

// Package openai adapts an OpenAI-compatible chat completions API to
// assistant.Model: OpenAI itself, Azure OpenAI (with AzureAPIVersion), and
// local servers such as Ollama, vLLM or llama.cpp (base URL
// http://host:port/v1).
//
// It is the only package that imports github.com/sashabaranov/go-openai.
// It streams text and performs tool calls; it does not build prompts, retry
// or fall back: the assistant decides what to do when a call fails.
package openai

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strings"

	oai "github.com/sashabaranov/go-openai"

	"github.com/musterstadt/lotse/assistant"
)

// Config selects the provider.
type Config struct {
	// BaseURL is the API base, e.g. "https://api.openai.com/v1" (the
	// default when empty), "http://localhost:11434/v1" for Ollama, or for
	// Azure the resource endpoint "https://NAME.openai.azure.com".
	BaseURL string
	// Model is the model name; for Azure, the deployment name. Required.
	Model string
	// APIKey is sent as bearer token (as api-key header for Azure). Local
	// servers usually need none.
	APIKey string
	// HTTPClient is used for all requests; nil means a client without
	// timeout, so that the caller's context alone decides.
	HTTPClient *http.Client
	// AzureAPIVersion, when set, switches to the Azure OpenAI URL scheme
	// and authentication, e.g. "2024-10-21".
	AzureAPIVersion string
}

// Model is a chat model behind an OpenAI-compatible API. It is safe for
// concurrent use.
type Model struct {
	client *oai.Client
	model  string
}

var _ assistant.Model = (*Model)(nil)

// New validates cfg and returns a Model. It does not contact the provider.
func New(cfg Config) (*Model, error) {
	if strings.TrimSpace(cfg.Model) == "" {
		return nil, errors.New("openai: model required")
	}
	if cfg.BaseURL != "" {
		u, err := url.Parse(cfg.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("openai: base URL %q is not an http(s) URL", cfg.BaseURL)
		}
	}
	var cc oai.ClientConfig
	if cfg.AzureAPIVersion != "" {
		if cfg.BaseURL == "" {
			return nil, errors.New("openai: Azure needs the resource endpoint as base URL")
		}
		if cfg.APIKey == "" {
			return nil, errors.New("openai: Azure needs an API key")
		}
		cc = oai.DefaultAzureConfig(cfg.APIKey, cfg.BaseURL)
		cc.APIVersion = cfg.AzureAPIVersion
		// The model name is the deployment name; do not rewrite it.
		cc.AzureModelMapperFunc = func(model string) string { return model }
	} else {
		cc = oai.DefaultConfig(cfg.APIKey)
		if cfg.BaseURL != "" {
			cc.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
		}
	}
	if cfg.HTTPClient != nil {
		cc.HTTPClient = cfg.HTTPClient
	}
	return &Model{client: oai.NewClientWithConfig(cc), model: cfg.Model}, nil
}

// Stream sends req with "stream": true and yields the text deltas as they
// arrive. The stream ends after the provider's [DONE]; any failure is
// yielded once as an error (an *HTTPError when the provider answered with
// an error status) and ends the stream. Cancelling ctx aborts the HTTP
// request; the error then wraps context.Cause(ctx).
func (m *Model) Stream(ctx context.Context, req assistant.ModelRequest) iter.Seq2[string, error] {
	return func(yield func(string, error) bool) {
		stream, err := m.client.CreateChatCompletionStream(ctx, m.request(req))
		if err != nil {
			yield("", m.wrap(ctx, "chat stream", err))
			return
		}
		defer stream.Close()
		for {
			resp, err := stream.Recv()
			if errors.Is(err, io.EOF) {
				if ctx.Err() != nil {
					yield("", m.wrap(ctx, "chat stream", ctx.Err()))
				}
				return
			}
			if err != nil {
				yield("", m.wrap(ctx, "chat stream", err))
				return
			}
			for _, c := range resp.Choices {
				if c.Index != 0 || c.Delta.Content == "" {
					continue
				}
				if !yield(c.Delta.Content, nil) {
					return
				}
			}
		}
	}
}

// Call sends req with tools and tool_choice "required" and returns the
// first tool call, which must name one of tools and carry a JSON object.
// Some local servers answer with the call as JSON text instead of a tool
// call; with a single tool, such a JSON object is accepted as its
// arguments.
func (m *Model) Call(ctx context.Context, req assistant.ModelRequest, tools []assistant.Tool) (assistant.ToolCall, error) {
	if len(tools) == 0 {
		return assistant.ToolCall{}, errors.New("openai: call: no tools")
	}
	r := m.request(req)
	for _, t := range tools {
		r.Tools = append(r.Tools, oai.Tool{Type: oai.ToolTypeFunction, Function: &oai.FunctionDefinition{
			Name: t.Name, Description: t.Description, Parameters: t.Parameters,
		}})
	}
	r.ToolChoice = "required"
	resp, err := m.client.CreateChatCompletion(ctx, r)
	if err != nil {
		return assistant.ToolCall{}, m.wrap(ctx, "tool call", err)
	}
	if len(resp.Choices) == 0 {
		return assistant.ToolCall{}, errors.New("openai: tool call: response has no choices")
	}
	msg := resp.Choices[0].Message
	known := func(name string) bool {
		return slices.ContainsFunc(tools, func(t assistant.Tool) bool { return t.Name == name })
	}
	if len(msg.ToolCalls) > 0 {
		tc := msg.ToolCalls[0]
		if !known(tc.Function.Name) {
			return assistant.ToolCall{}, fmt.Errorf("openai: tool call: model called unknown tool %q", tc.Function.Name)
		}
		args := json.RawMessage(tc.Function.Arguments)
		if !isJSONObject(args) {
			return assistant.ToolCall{}, fmt.Errorf("openai: tool call %s: arguments are not a JSON object", tc.Function.Name)
		}
		return assistant.ToolCall{Name: tc.Function.Name, Arguments: args}, nil
	}
	if call, ok := callFromContent(msg.Content, tools); ok {
		return call, nil
	}
	return assistant.ToolCall{}, errors.New("openai: tool call: model answered without a tool call")
}

// request converts req. Reasoning models (o1, o3, o4, gpt-5 …) take
// max_completion_tokens and no temperature; the others get max_tokens,
// which local servers understand, and a temperature that is sent even
// when 0 (the JSON field is omitted when empty, which would mean the
// provider's default, often 1).
func (m *Model) request(req assistant.ModelRequest) oai.ChatCompletionRequest {
	r := oai.ChatCompletionRequest{Model: m.model}
	for _, msg := range req.Messages {
		r.Messages = append(r.Messages, oai.ChatCompletionMessage{Role: msg.Role, Content: msg.Content})
	}
	if isReasoningModel(m.model) {
		r.MaxCompletionTokens = req.MaxTokens
		return r
	}
	// Deprecated for OpenAI's reasoning models only; local servers
	// (llama.cpp, Ollama, older vLLM) read max_tokens and ignore
	// max_completion_tokens, see the comment above.
	//lint:ignore SA1019 max_tokens is the field OpenAI-compatible local servers understand
	r.MaxTokens = req.MaxTokens
	r.Temperature = req.Temperature
	if r.Temperature == 0 {
		r.Temperature = math.SmallestNonzeroFloat32
	}
	return r
}

func isReasoningModel(model string) bool {
	for _, p := range []string{"o1", "o3", "o4", "gpt-5", "gpt-6"} {
		if strings.HasPrefix(model, p) {
			return true
		}
	}
	return false
}

// HTTPError is a request the provider answered with an error status, such
// as 429 (rate limit) or a 5xx.
type HTTPError struct {
	Op         string // "chat stream" or "tool call"
	StatusCode int
	Err        error // the *openai.APIError or *openai.RequestError of go-openai
}

func (e *HTTPError) Error() string {
	return fmt.Sprintf("openai: %s: HTTP %d: %v", e.Op, e.StatusCode, e.Err)
}

func (e *HTTPError) Unwrap() error { return e.Err }

// Temporary reports whether retrying later may succeed (429 and 5xx).
func (e *HTTPError) Temporary() bool {
	return e.StatusCode == http.StatusTooManyRequests || e.StatusCode >= 500
}

func (m *Model) wrap(ctx context.Context, op string, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("openai: %s: %w", op, context.Cause(ctx))
	}
	if apiErr, ok := errors.AsType[*oai.APIError](err); ok && apiErr.HTTPStatusCode > 0 {
		return &HTTPError{Op: op, StatusCode: apiErr.HTTPStatusCode, Err: err}
	}
	if reqErr, ok := errors.AsType[*oai.RequestError](err); ok && reqErr.HTTPStatusCode > 0 {
		return &HTTPError{Op: op, StatusCode: reqErr.HTTPStatusCode, Err: err}
	}
	return fmt.Errorf("openai: %s: %w", op, err)
}

func isJSONObject(b []byte) bool {
	var v map[string]json.RawMessage
	return json.Unmarshal(b, &v) == nil && v != nil
}

// callFromContent accepts a tool call written as text: either
// {"name": …, "arguments": {…}} for any of tools, or, with a single tool,
// the bare arguments object. Markdown code fences are ignored.
func callFromContent(content string, tools []assistant.Tool) (assistant.ToolCall, bool) {
	s := strings.TrimSpace(content)
	s = strings.TrimPrefix(s, "```json")
	s = strings.TrimPrefix(s, "```")
	s = strings.TrimSuffix(s, "```")
	s = strings.TrimSpace(s)
	if !isJSONObject([]byte(s)) {
		return assistant.ToolCall{}, false
	}
	var named struct {
		Name       string          `json:"name"`
		Arguments  json.RawMessage `json:"arguments"`
		Parameters json.RawMessage `json:"parameters"`
	}
	if json.Unmarshal([]byte(s), &named) == nil && named.Name != "" {
		args := named.Arguments
		if args == nil {
			args = named.Parameters
		}
		// Some servers send the arguments as a JSON string.
		var str string
		if json.Unmarshal(args, &str) == nil {
			args = json.RawMessage(str)
		}
		for _, t := range tools {
			if t.Name == named.Name && isJSONObject(args) {
				return assistant.ToolCall{Name: t.Name, Arguments: args}, true
			}
		}
		return assistant.ToolCall{}, false
	}
	if len(tools) == 1 {
		return assistant.ToolCall{Name: tools[0].Name, Arguments: json.RawMessage(s)}, true
	}
	return assistant.ToolCall{}, false
}
