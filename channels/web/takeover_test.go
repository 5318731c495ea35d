// SPDX-License-Identifier: EUPL-1.2

package web

import (
	"context"
	"iter"
	"testing"

	"github.com/musterstadt/lotse/assistant"
)

// heldChatter answers like the assistant: the AI disclosure opens the first
// answer (as a token of its own, then in the answer's text), and while an
// agent holds the conversation it sends only a notice and an empty answer.
type heldChatter struct{}

func (heldChatter) Turn(_ context.Context, conv *assistant.Conversation, msg assistant.Message) iter.Seq2[assistant.Chunk, error] {
	return func(yield func(assistant.Chunk, error) bool) {
		conv.Entries = append(conv.Entries, assistant.Entry{Role: assistant.RoleUser, Text: msg.Text})
		if conv.AgentHeld {
			if yield(assistant.Chunk{Kind: assistant.ChunkNotice, Text: "Eine Mitarbeiterin betreut dieses Gespräch."}, nil) {
				yield(assistant.Chunk{Kind: assistant.ChunkAnswer, Answer: &assistant.Answer{Lang: "de"}}, nil)
			}
			return
		}
		d := assistant.Disclosure("de") + "\n\n"
		if !yield(assistant.Chunk{Kind: assistant.ChunkToken, Text: d}, nil) || !yield(assistant.Chunk{Kind: assistant.ChunkToken, Text: "Antwort."}, nil) {
			return
		}
		conv.Entries = append(conv.Entries, assistant.Entry{Role: assistant.RoleAssistant, Text: d + "Antwort."})
		yield(assistant.Chunk{Kind: assistant.ChunkAnswer, Answer: &assistant.Answer{Text: d + "Antwort.", Lang: "de", Intent: assistant.IntentServiceInfo}}, nil)
	}
}

// TestWSDisclosureOnceNoEmptyAnswerTyping: the socket gets the first answer
// without the disclosure the welcome already carried; while an agent holds
// the conversation a message gets its echo and the notice but no (empty)
// answer; the agent's typing reaches the socket as agent_typing, not
// numbered.
func TestWSDisclosureOnceNoEmptyAnswerTyping(t *testing.T) {
	env := mustServe(t, func(c *Config) { c.Chat = heldChatter{} })
	ctx := context.Background()
	c := mustDial(t, env, "/ws", nil)
	if ev := c.next(); ev["type"] != "welcome" || ev["text"] != assistant.Disclosure("de") {
		t.Fatalf("welcome %v", ev)
	}
	c.sendJSON(map[string]any{"type": "message", "text": "Frage"})
	ans, before := c.until("answer")
	if ans["text"] != "Antwort." {
		t.Errorf("answer text %q, want it without the disclosure", ans["text"])
	}
	for _, ev := range before {
		if ev["type"] == "token" && ev["text"] != "Antwort." {
			t.Errorf("token %q", ev["text"])
		}
	}
	if stored := env.store.only(t).Entries; stored[len(stored)-1].Text != assistant.Disclosure("de")+"\n\nAntwort." {
		t.Errorf("stored answer %q: the conversation keeps the disclosure", stored[len(stored)-1].Text)
	}

	convID := env.store.only(t).ID
	if err := env.srv.SetAgentHeld(ctx, convID, true, "Erika"); err != nil {
		t.Fatal(err)
	}
	c.until("handoff")
	c.sendJSON(map[string]any{"type": "message", "text": "Hallo?"})
	notice, got := c.until("notice")
	if len(got) != 1 || got[0]["type"] != "user_message" || notice["text"] != "Eine Mitarbeiterin betreut dieses Gespräch." {
		t.Errorf("held turn: %v then %v", got, notice)
	}
	env.srv.AgentTyping(convID, "Erika")
	ev := c.next()
	if ev["type"] != "agent_typing" || ev["from"] != "Erika" || ev["seq"] != nil {
		t.Errorf("typing %v, want agent_typing from Erika without seq (and no answer before it)", ev)
	}
	env.srv.AgentTyping("unknown", "Erika") // nobody listening: nothing happens
}
