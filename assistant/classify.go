// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/musterstadt/lotse/prompts"
)

// classifyIntents are the intents the model may choose, in schema order.
var classifyIntents = []Intent{
	IntentServiceInfo, IntentITIncident, IntentTicketStatus, IntentHuman,
	IntentSmalltalk, IntentOutOfScope, IntentAbuse,
}

// classifyTool is the tool the model calls to classify a message.
func classifyTool() Tool {
	schema := map[string]any{
		"type": "object",
		"properties": map[string]any{
			"intent": map[string]any{
				"type":        "string",
				"enum":        classifyIntents,
				"description": "Die Absicht der Nachricht.",
			},
		},
		"required":             []string{"intent"},
		"additionalProperties": false,
	}
	b, _ := json.Marshal(schema) // a map of strings cannot fail
	return Tool{
		Name:        "classify_intent",
		Description: "Ordnet die Nachricht genau einer Absicht zu.",
		Parameters:  b,
	}
}

// classifyLLM asks the model for the intent of text with one tool call,
// bounded by classifyTimeout. It returns false on any failure, and for an
// answer that is not one of the intents, so that the caller falls back to
// its rules.
func (a *Assistant) classifyLLM(ctx context.Context, text string, lang string) (Intent, bool) {
	if a.cfg.Model == nil {
		return "", false
	}
	system, user, err := a.llmPrompts().Classify(prompts.ClassifyData{
		Organization: a.texts.org, OrganizationEN: a.texts.orgEN, Lang: lang, Text: truncateLLM(Redact(text), maxLLMQuestion),
	})
	if err != nil {
		a.llmLogger().Error("assistant: render classify prompt", "err", err)
		return "", false
	}
	ctx, cancel := context.WithTimeout(ctx, classifyTimeout)
	defer cancel()
	tool := classifyTool()
	start := time.Now()
	call, err := a.cfg.Model.Call(ctx, ModelRequest{
		Messages:  []ModelMessage{{Role: "system", Content: system}, {Role: "user", Content: user}},
		MaxTokens: 50,
	}, []Tool{tool})
	if err == nil && call.Name != tool.Name {
		err = fmt.Errorf("assistant: classify: model called %q", call.Name)
	}
	var args struct {
		Intent Intent `json:"intent"`
	}
	if err == nil {
		if jerr := json.Unmarshal(call.Arguments, &args); jerr != nil {
			err = fmt.Errorf("assistant: classify: arguments: %w", jerr)
		} else if !slices.Contains(classifyIntents, args.Intent) {
			err = fmt.Errorf("assistant: classify: unknown intent %q", args.Intent)
		}
	}
	if m := a.cfg.Metrics; m != nil {
		m.ModelCall(time.Since(start).Seconds(), err)
	}
	if err != nil {
		a.llmLogger().Info("assistant: model classification failed, using rules", "err", err)
		return "", false
	}
	return args.Intent, true
}
