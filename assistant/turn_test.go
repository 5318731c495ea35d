// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/musterstadt/lotse/knowledge"
)

func TestNewValidates(t *testing.T) {
	if _, err := New(Config{}); err == nil {
		t.Fatal("New without retriever: want error")
	}
	a, err := New(Config{Retriever: mustFakeRetriever(t)})
	if err != nil {
		t.Fatal(err)
	}
	if a.cfg.Logger == nil || a.cfg.Now == nil || a.cfg.FirstTokenTimeout != DefaultFirstTokenTimeout {
		t.Errorf("defaults not filled: %+v", a.cfg)
	}
}

func TestTurnRejectsBadInput(t *testing.T) {
	a := mustAssistant(t, nil)
	tests := []struct {
		name string
		text string
		want error
	}{
		{"empty", "", ErrEmptyMessage},
		{"blank", " \n\t ", ErrEmptyMessage},
		{"too long", strings.Repeat("ä", MaxMessageRunes+1), ErrTooLong},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newConv(knowledge.Citizen)
			_, err := a.Ask(context.Background(), c, Message{Text: tt.text})
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if len(c.Entries) != 0 || c.Lang != "" {
				t.Errorf("conversation changed: %+v", c)
			}
		})
	}
	// Exactly the limit is fine.
	if _, err := a.Ask(context.Background(), newConv(knowledge.Citizen), Message{Text: strings.Repeat("a", MaxMessageRunes)}); err != nil {
		t.Errorf("message of %d runes: %v", MaxMessageRunes, err)
	}
}

func TestTurnRecordsEntriesAndState(t *testing.T) {
	a := mustAssistant(t, nil)
	c := newConv(knowledge.Citizen)
	ans := mustAsk(t, a, c, "Was kostet ein Reisepass?")
	if len(c.Entries) != 2 {
		t.Fatalf("entries = %d, want 2", len(c.Entries))
	}
	want := Entry{Role: RoleUser, Text: "Was kostet ein Reisepass?", At: testNow}
	if diff := cmp.Diff(want, c.Entries[0]); diff != "" {
		t.Errorf("user entry (-want +got):\n%s", diff)
	}
	got := c.Entries[1]
	if got.Role != RoleAssistant || got.Text != ans.Text || got.Intent != IntentServiceInfo || len(got.Sources) == 0 {
		t.Errorf("assistant entry = %+v", got)
	}
	if c.Focus != "leistungen/reisepass" || c.Lang != "de" || !c.UpdatedAt.Equal(testNow) || !c.CreatedAt.Equal(testNow) {
		t.Errorf("state: focus %q lang %q updated %v created %v", c.Focus, c.Lang, c.UpdatedAt, c.CreatedAt)
	}
	if ans.Mode != "extractive" || ans.Lang != "de" {
		t.Errorf("mode %q lang %q", ans.Mode, ans.Lang)
	}
}

func TestTurnStreamEndsWithAnswer(t *testing.T) {
	a := mustAssistant(t, nil)
	var kinds []ChunkKind
	for ch, err := range a.Turn(context.Background(), newConv(knowledge.Citizen), Message{Text: "Hallo"}) {
		if err != nil {
			t.Fatal(err)
		}
		kinds = append(kinds, ch.Kind)
	}
	if len(kinds) == 0 || kinds[len(kinds)-1] != ChunkAnswer {
		t.Fatalf("chunks = %v, want the last to be ChunkAnswer", kinds)
	}
}

func TestTurnConsumerMayStopEarly(t *testing.T) {
	a := mustAssistant(t, nil)
	for range a.Turn(context.Background(), newConv(knowledge.Citizen), Message{Text: "Was kostet ein Reisepass?"}) {
		break // must not panic
	}
}

func TestTurnAgentHeld(t *testing.T) {
	fr := mustFakeRetriever(t)
	a := mustAssistant(t, func(c *Config) { c.Retriever = fr })
	c := newConv(knowledge.Citizen)
	c.AgentHeld = true
	var notices []string
	var final *Answer
	for ch, err := range a.Turn(context.Background(), c, Message{Text: "Was kostet ein Reisepass?"}) {
		if err != nil {
			t.Fatal(err)
		}
		switch ch.Kind {
		case ChunkNotice:
			notices = append(notices, ch.Text)
		case ChunkAnswer:
			final = ch.Answer
		}
	}
	if diff := cmp.Diff([]string{"Eine Mitarbeiterin / ein Mitarbeiter betreut dieses Gespräch."}, notices); diff != "" {
		t.Errorf("notices (-want +got):\n%s", diff)
	}
	if final == nil || final.Text != "" || final.Mode != "agent" {
		t.Errorf("answer = %+v, want empty text in mode agent", final)
	}
	if len(c.Entries) != 1 || c.Entries[0].Role != RoleUser {
		t.Errorf("entries = %+v, want only the user's", c.Entries)
	}
	if len(fr.queries) != 0 {
		t.Errorf("retrieval ran %d times while an agent holds the chat", len(fr.queries))
	}
}

func TestTurnCancelledContext(t *testing.T) {
	a := mustAssistant(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	c := newConv(knowledge.Citizen)
	_, err := a.Ask(ctx, c, Message{Text: "Was kostet ein Reisepass?"})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestTurnCancelledDuringRetrievalKeepsUserEntry(t *testing.T) {
	fr := mustFakeRetriever(t)
	fr.err = context.Canceled
	a := mustAssistant(t, func(c *Config) { c.Retriever = fr })
	c := newConv(knowledge.Citizen)
	_, err := a.Ask(context.Background(), c, Message{Text: "Was kostet ein Reisepass?"})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if len(c.Entries) != 1 || c.Entries[0].Text != "Was kostet ein Reisepass?" {
		t.Errorf("entries = %+v, want the user's message kept", c.Entries)
	}
}

func TestRetrievalErrorDegrades(t *testing.T) {
	fr := mustFakeRetriever(t)
	fr.err = errors.New("index on fire")
	a := mustAssistant(t, func(c *Config) { c.Retriever = fr })
	ans := mustAsk(t, a, newConv(knowledge.Citizen), "Was kostet ein Reisepass?")
	if !ans.HandoffOffered || strings.Contains(ans.Text, "fire") {
		t.Errorf("answer = %+v, want a handoff offer without internals", ans)
	}
}

func TestDisclosureOnlyOnFirstAnswer(t *testing.T) {
	a := mustAssistant(t, nil)
	c := newConv(knowledge.Citizen)
	first := mustAsk(t, a, c, "Hallo")
	if !strings.HasPrefix(first.Text, Disclosure("de")) {
		t.Errorf("first answer lacks the disclosure: %q", first.Text)
	}
	second := mustAsk(t, a, c, "Was kostet ein Reisepass?")
	if strings.Contains(second.Text, "KI-Assistent") {
		t.Errorf("second answer repeats the disclosure: %q", second.Text)
	}
	if !strings.HasSuffix(second.Text, messagesDE.HumanHint) {
		t.Errorf("second answer lacks the hint how to reach a human: %q", second.Text)
	}
	firstService := mustAsk(t, a, newConv(knowledge.Citizen), "Was kostet ein Reisepass?")
	if strings.Count(firstService.Text, "„Mitarbeiter“") != 1 {
		t.Errorf("first answer repeats how to reach a human: %q", firstService.Text)
	}
	en := mustAsk(t, a, newConv(knowledge.Citizen), "How much does a passport cost?")
	if !strings.HasPrefix(en.Text, Disclosure("en")) {
		t.Errorf("English first answer lacks the English disclosure: %q", en.Text)
	}
}

func TestDisclosureText(t *testing.T) {
	tests := []struct{ lang, want string }{
		{"de", "Hinweis: Sie schreiben mit Lotse"},
		{"", "Hinweis: Sie schreiben mit Lotse"},
		{"en", "Note: you are writing with Lotse"},
		{"tr", "Not: Lotse ile yazışıyorsunuz"},
		{"ar", "ملاحظة: أنت تكتب إلى Lotse"},
		{"uk", "Примітка: ви пишете Lotse"},
		{"ru", "Примечание: вы пишете Lotse"},
		{"pl", "Uwaga: piszesz z Lotse"},
		{"EN-gb", "Note: you are writing with Lotse"},
	}
	for _, tt := range tests {
		if got := Disclosure(tt.lang); !strings.HasPrefix(got, tt.want) {
			t.Errorf("Disclosure(%q) = %q, want prefix %q", tt.lang, got, tt.want)
		}
	}
}

func TestMetricsAreReported(t *testing.T) {
	m := &fakeMetrics{}
	a := mustAssistant(t, func(c *Config) { c.Metrics = m })
	c := newConv(knowledge.Citizen)
	mustAsk(t, a, c, "Was kostet ein Reisepass?")
	mustAsk(t, a, c, "Mitarbeiter")
	if m.answered["service_info/extractive"] != 1 || m.answered["human/extractive"] != 1 {
		t.Errorf("answered = %v", m.answered)
	}
	if m.handoffs["requested"] != 1 || m.retr == 0 {
		t.Errorf("handoffs = %v, retrievals = %d", m.handoffs, m.retr)
	}
}

func TestRecentHistory(t *testing.T) {
	var entries []Entry
	for i := range 20 {
		entries = append(entries, Entry{Role: RoleUser, Text: strings.Repeat("x", i+1)})
	}
	got := recentHistory(entries)
	if len(got) != historyEntries || got[len(got)-1].Text != entries[19].Text || got[0].Text != entries[8].Text {
		t.Errorf("recentHistory kept %d entries, first %q", len(got), got[0].Text)
	}
	long := []Entry{
		{Role: RoleUser, Text: strings.Repeat("a", 5000)},
		{Role: RoleAssistant, Text: strings.Repeat("b", 5000)},
		{Role: RoleUser, Text: "Meine Mail ist max@example.org"},
	}
	got = recentHistory(long)
	if len(got) != 2 {
		t.Fatalf("token budget: kept %d entries, want 2", len(got))
	}
	if strings.Contains(got[1].Text, "max@example.org") {
		t.Errorf("history not redacted: %q", got[1].Text)
	}
	huge := recentHistory([]Entry{{Role: RoleUser, Text: strings.Repeat("z", 20000)}})
	if n := len([]rune(huge[0].Text)); n != historyTokens*4 {
		t.Errorf("oversized newest entry cut to %d runes, want %d", n, historyTokens*4)
	}
}
