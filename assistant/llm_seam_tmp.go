package assistant

// Temporary seam until llm.go and redact.go land; the LLM engineer deletes
// this file.

import (
	"context"

	"github.com/musterstadt/lotse/knowledge"
)

type generateInput struct {
	Conv     *Conversation
	Question string
	Lang     string
	Simple   bool
	Passages []knowledge.Passage
	Fallback Answer
}

func (a *Assistant) generate(ctx context.Context, in generateInput, yield func(Chunk) bool) Answer {
	return in.Fallback
}

func (a *Assistant) classifyLLM(ctx context.Context, text string, lang string) (Intent, bool) {
	return "", false
}
