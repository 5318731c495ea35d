// SPDX-License-Identifier: EUPL-1.2

package openai

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/musterstadt/lotse/assistant"
)

// TestIntegration talks to a real OpenAI-compatible endpoint. It runs only
// with LOTSE_INTEGRATION=1 and LOTSE_LLM_MODEL set (make integration), for
// example against Ollama:
//
//	LOTSE_INTEGRATION=1 LOTSE_LLM_BASE_URL=http://localhost:11434/v1 \
//	LOTSE_LLM_MODEL=llama3.1 go test -run Integration ./assistant/openai/
func TestIntegration(t *testing.T) {
	if os.Getenv("LOTSE_INTEGRATION") == "" || os.Getenv("LOTSE_LLM_MODEL") == "" {
		t.Skip("set LOTSE_INTEGRATION=1 and LOTSE_LLM_* to test against a real model")
	}
	m, err := New(Config{
		BaseURL:         os.Getenv("LOTSE_LLM_BASE_URL"),
		Model:           os.Getenv("LOTSE_LLM_MODEL"),
		APIKey:          os.Getenv("LOTSE_LLM_API_KEY"),
		AzureAPIVersion: os.Getenv("LOTSE_LLM_AZURE_API_VERSION"),
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()

	t.Run("stream", func(t *testing.T) {
		req := assistant.ModelRequest{Messages: []assistant.ModelMessage{
			{Role: "system", Content: "Antworte mit genau einem Wort."},
			{Role: "user", Content: "Wie heißt die Hauptstadt von Deutschland?"},
		}, MaxTokens: 20}
		var b strings.Builder
		n := 0
		for tok, err := range m.Stream(ctx, req) {
			if err != nil {
				t.Fatal(err)
			}
			b.WriteString(tok)
			n++
		}
		if !strings.Contains(b.String(), "Berlin") {
			t.Errorf("answer %q in %d chunks", b.String(), n)
		}
	})
	t.Run("tool call", func(t *testing.T) {
		tool := assistant.Tool{
			Name:        "classify_intent",
			Description: "Ordnet die Nachricht einer Absicht zu.",
			Parameters:  json.RawMessage(`{"type":"object","properties":{"intent":{"type":"string","enum":["human","smalltalk"]}},"required":["intent"]}`),
		}
		call, err := m.Call(ctx, assistant.ModelRequest{Messages: []assistant.ModelMessage{
			{Role: "system", Content: "Klassifiziere die Nachricht mit dem Werkzeug classify_intent."},
			{Role: "user", Content: "Ich möchte bitte mit einem Menschen sprechen."},
		}}, []assistant.Tool{tool})
		if err != nil {
			t.Fatal(err)
		}
		var args struct {
			Intent string `json:"intent"`
		}
		if err := json.Unmarshal(call.Arguments, &args); err != nil || args.Intent != "human" {
			t.Errorf("call %s %s", call.Name, call.Arguments)
		}
	})
}
