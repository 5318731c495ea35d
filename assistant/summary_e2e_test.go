// SPDX-License-Identifier: EUPL-1.2

package assistant_test

// End-to-end tests of the escalation summary: the real assistant/openai
// adapter talks HTTP to the fakellm server, and a recording Tickets keeps
// the packets.

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/assistant/openai"
	"github.com/musterstadt/lotse/assistant/openai/fakellm"
	"github.com/musterstadt/lotse/knowledge"
)

// recordingTickets keeps every escalation and hands out keys.
type recordingTickets struct {
	mu   sync.Mutex
	esc  []assistant.Escalation
	next int
}

var _ assistant.Tickets = (*recordingTickets)(nil)

func (r *recordingTickets) Escalate(ctx context.Context, e assistant.Escalation) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.esc = append(r.esc, e)
	r.next++
	return "LOT-" + string(rune('0'+r.next)), nil
}

func (r *recordingTickets) OpenIncident(context.Context, assistant.Incident) (string, error) {
	return "", errors.New("recordingTickets: no incidents in these tests")
}

func (r *recordingTickets) ActiveOutage(context.Context, string) (assistant.Outage, bool, error) {
	return assistant.Outage{}, false, nil
}

func (r *recordingTickets) JoinOutage(context.Context, string, assistant.Requester) (assistant.Outage, error) {
	return assistant.Outage{}, assistant.ErrNotFound
}

func (r *recordingTickets) MatchService(string) (string, bool)        { return "", false }
func (r *recordingTickets) ServiceName(string, string) string         { return "" }
func (r *recordingTickets) IncidentPriority(map[string]string) string { return "P4" }

func (r *recordingTickets) Status(context.Context, string, assistant.Requester) (assistant.TicketStatus, error) {
	return assistant.TicketStatus{}, assistant.ErrNotFound
}

func (r *recordingTickets) escalations() []assistant.Escalation {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]assistant.Escalation(nil), r.esc...)
}

// The raw personal data of the conversation and what the model may see
// instead.
var (
	summaryPII     = []string{"DE89 3704 0044 0532 0130 00", "DE89370400440532013000", "max.mustermann@example.de", "0171 2345678", "01712345678"}
	summaryMarkers = []string{"[IBAN]", "[E-MAIL]", "[TELEFON]"}
)

const (
	summaryQuestion = "Was kostet ein Reisepass? Meine IBAN ist DE89 3704 0044 0532 0130 00, Mail max.mustermann@example.de"
	summaryHuman    = "Ich möchte bitte mit einem Mitarbeiter sprechen, rufen Sie mich an unter 0171 2345678"
	modelSummary    = "Die Person fragt nach den Kosten eines Reisepasses. Der Assistent hat die Gebühren genannt. Sie möchte zurückgerufen werden."
)

// isSummaryRequest tells the summary prompt from the answer prompt.
func isSummaryRequest(r fakellm.Request) bool {
	return len(r.Messages) > 0 && strings.Contains(r.Messages[0].Content, "Service-Desks")
}

// summaryScript classifies by keyword, answers questions with a cited
// sentence and summary requests with summary.
func summaryScript(summary fakellm.Reply) func(fakellm.Request) fakellm.Reply {
	return func(r fakellm.Request) fakellm.Reply {
		switch {
		case len(r.Tools) > 0:
			intent := "service_info"
			if strings.Contains(r.Text(), "Mitarbeiter") {
				intent = "human"
			}
			return fakellm.Reply{ToolCall: &fakellm.ToolCall{Name: "classify_intent", Arguments: `{"intent":"` + intent + `"}`}}
		case isSummaryRequest(r):
			return summary
		}
		return fakellm.Reply{Text: "Ab 24 Jahren kostet der Reisepass 70,00 Euro [1]."}
	}
}

func summaryAssistant(t *testing.T, fake *fakellm.Server, tickets assistant.Tickets, timeout time.Duration) *assistant.Assistant {
	t.Helper()
	m, err := openai.New(openai.Config{BaseURL: fake.URL, Model: "test-model"})
	if err != nil {
		t.Fatal(err)
	}
	a, err := assistant.New(assistant.Config{
		Retriever:         e2eRetriever{},
		Model:             m,
		Tickets:           tickets,
		FirstTokenTimeout: 2 * time.Second,
		SummaryTimeout:    timeout,
		Logger:            slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// escalateConversation asks about the passport and then for a person, and
// returns the second answer and the one escalation.
func escalateConversation(t *testing.T, a *assistant.Assistant, tickets *recordingTickets) (assistant.Answer, assistant.Escalation) {
	t.Helper()
	conv := &assistant.Conversation{ID: "sum", Audience: knowledge.Citizen, Channel: "web"}
	for _, q := range []string{summaryQuestion, summaryHuman} {
		ans, err := a.Ask(context.Background(), conv, assistant.Message{Text: q})
		if err != nil {
			t.Fatalf("Ask(%q): %v", q, err)
		}
		if q == summaryHuman {
			esc := tickets.escalations()
			if len(esc) != 1 {
				t.Fatalf("%d escalations, want 1; answer %+v", len(esc), ans)
			}
			return ans, esc[0]
		}
	}
	panic("unreachable")
}

// wantExtractive checks that s is the extractive summary: the redacted
// question, without the bare request for a person.
func wantExtractive(t *testing.T, s string) {
	t.Helper()
	if !strings.HasPrefix(s, "Was kostet ein Reisepass? Meine IBAN ist [IBAN]") || strings.Contains(s, modelSummary) {
		t.Errorf("summary = %q, want the extractive summary", s)
	}
}

func TestEscalationSummaryFromModel(t *testing.T) {
	fake := e2eFake(t)
	fake.SetReply(summaryScript(fakellm.Reply{Text: "**Anliegen:** " + modelSummary + "\n"}))
	tickets := &recordingTickets{}
	a := summaryAssistant(t, fake, tickets, 2*time.Second)
	ans, esc := escalateConversation(t, a, tickets)

	if esc.Summary != "Anliegen: "+modelSummary {
		t.Errorf("escalation summary = %q, want the model's summary as plain text", esc.Summary)
	}
	if ans.Handoff == nil || ans.Handoff.Ticket != "LOT-1" || ans.Handoff.Summary != esc.Summary {
		t.Errorf("handoff = %+v, want ticket LOT-1 with the packet's summary", ans.Handoff)
	}
	if strings.Contains(ans.Text, modelSummary) {
		t.Errorf("the citizen sees the desk summary: %q", ans.Text)
	}

	var summaryReqs int
	for _, r := range fake.Requests() {
		text := r.Text()
		for _, raw := range summaryPII {
			if strings.Contains(text, raw) {
				t.Errorf("the model received raw PII %q:\n%s", raw, text)
			}
		}
		if !isSummaryRequest(r) {
			continue
		}
		summaryReqs++
		for _, m := range summaryMarkers {
			if !strings.Contains(text, m) {
				t.Errorf("summary request lacks %s:\n%s", m, text)
			}
		}
		for _, want := range []string{"<transcript>", "Grund der Übergabe: requested", "Ab 24 Jahren kostet der Reisepass", "„Reisepass beantragen“"} {
			if !strings.Contains(text, want) {
				t.Errorf("summary request lacks %q:\n%s", want, text)
			}
		}
		if r.MaxTokens <= 0 || r.MaxTokens > 400 {
			t.Errorf("summary request max tokens = %d, want a small bound", r.MaxTokens)
		}
	}
	if summaryReqs != 1 {
		t.Errorf("%d summary requests, want 1", summaryReqs)
	}
}

func TestEscalationSummaryFallback(t *testing.T) {
	tests := []struct {
		name  string
		reply fakellm.Reply
	}{
		{"500", fakellm.Reply{Status: 500}},
		{"429", fakellm.Reply{Status: 429, RetryAfter: "1"}},
		{"empty", fakellm.Reply{Text: "  \n "}},
		{"aborted", fakellm.Reply{Text: "Die Person fragt nach", AbortAfter: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := e2eFake(t)
			fake.SetReply(summaryScript(tt.reply))
			tickets := &recordingTickets{}
			a := summaryAssistant(t, fake, tickets, 2*time.Second)
			ans, esc := escalateConversation(t, a, tickets)
			wantExtractive(t, esc.Summary)
			if ans.Handoff == nil || ans.Handoff.Ticket == "" {
				t.Errorf("handoff = %+v, want a ticket despite the failed summary", ans.Handoff)
			}
		})
	}
}

func TestEscalationSummaryTimeout(t *testing.T) {
	fake := e2eFake(t)
	fake.SetReply(summaryScript(fakellm.Reply{Text: modelSummary, FirstChunkDelay: 10 * time.Second}))
	tickets := &recordingTickets{}
	a := summaryAssistant(t, fake, tickets, 300*time.Millisecond)
	conv := &assistant.Conversation{ID: "sum", Audience: knowledge.Citizen, Channel: "web"}
	if _, err := a.Ask(context.Background(), conv, assistant.Message{Text: summaryQuestion}); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	ans, err := a.Ask(context.Background(), conv, assistant.Message{Text: summaryHuman})
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("handoff took %v with a 300ms summary timeout", d)
	}
	esc := tickets.escalations()
	if len(esc) != 1 || ans.Handoff == nil || ans.Handoff.Ticket == "" {
		t.Fatalf("escalations %d, handoff %+v", len(esc), ans.Handoff)
	}
	wantExtractive(t, esc[0].Summary)
	select {
	case <-fake.Canceled():
	case <-time.After(5 * time.Second):
		t.Error("the summary request was not cancelled after the timeout")
	}
}

func TestEscalationSummaryCapped(t *testing.T) {
	fake := e2eFake(t)
	long := strings.Repeat("Die Person schildert ihr Anliegen ausführlich und mehrfach. ", 60)
	fake.SetReply(summaryScript(fakellm.Reply{Text: long}))
	tickets := &recordingTickets{}
	a := summaryAssistant(t, fake, tickets, 2*time.Second)
	_, esc := escalateConversation(t, a, tickets)
	if n := len([]rune(esc.Summary)); n > 600 || n < 100 {
		t.Errorf("summary has %d runes, want at most 600: %q", n, esc.Summary)
	}
	if !strings.HasPrefix(esc.Summary, "Die Person schildert") || !strings.HasSuffix(esc.Summary, "…") {
		t.Errorf("summary = %q, want the model's start, cut with …", esc.Summary)
	}
}

// Every prompt (classification, answer, summary) names the configured
// organisation, not the example town.
func TestModelPromptsNameOrganization(t *testing.T) {
	fake := e2eFake(t)
	fake.SetReply(summaryScript(fakellm.Reply{Text: modelSummary}))
	tickets := &recordingTickets{}
	m, err := openai.New(openai.Config{BaseURL: fake.URL, Model: "test-model"})
	if err != nil {
		t.Fatal(err)
	}
	a, err := assistant.New(assistant.Config{
		Retriever: e2eRetriever{}, Model: m, Tickets: tickets,
		Organization: "Gemeinde Beispielheim", OrganizationEN: "Municipality of Beispielheim",
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	ans, _ := escalateConversation(t, a, tickets)
	if ans.Handoff == nil || ans.Handoff.Summary != modelSummary {
		t.Fatalf("handoff %+v, want the model's summary", ans.Handoff)
	}
	conv := &assistant.Conversation{ID: "en", Audience: knowledge.Citizen, Channel: "web"}
	if _, err := a.Ask(context.Background(), conv, assistant.Message{Text: "How much does a passport cost?", Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]bool{}
	for _, r := range fake.Requests() {
		system := r.Messages[0].Content
		kind := "answer"
		switch {
		case len(r.Tools) > 0:
			kind = "classify"
		case isSummaryRequest(r):
			kind = "summary"
		case strings.HasPrefix(system, "You are"):
			kind = "answer.en"
		}
		kinds[kind] = true
		want := "Gemeinde Beispielheim"
		if kind == "answer.en" {
			want = "Municipality of Beispielheim"
		}
		if !strings.Contains(system, want) || strings.Contains(system, "Musterstadt") {
			t.Errorf("%s system prompt does not name %q only:\n%s", kind, want, system)
		}
	}
	for _, k := range []string{"classify", "answer", "summary", "answer.en"} {
		if !kinds[k] {
			t.Errorf("no %s request seen; got %v", k, kinds)
		}
	}
}
