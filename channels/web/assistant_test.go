// SPDX-License-Identifier: EUPL-1.2

package web

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
)

// The production Chatter.
var _ Chatter = (*assistant.Assistant)(nil)

// oneDocRetriever knows one citizen document about passports.
type oneDocRetriever struct{}

var passport = knowledge.Document{
	ID: "leistungen/reisepass", Title: "Reisepass", URL: "https://www.musterstadt.example/leistungen/reisepass",
	Audience: knowledge.Citizen, Kind: knowledge.KindService, Lang: "de",
	Sections: []knowledge.Section{
		{Heading: "Reisepass", Text: "Den Reisepass beantragen Sie persönlich im Bürgerbüro."},
		{Heading: "Reisepass › Kosten", Facet: knowledge.FacetKosten, Text: "Ein Reisepass kostet 70 Euro, für Personen unter 24 Jahren 37,50 Euro."},
	},
}

func (oneDocRetriever) Search(_ context.Context, q knowledge.Query) ([]knowledge.Passage, error) {
	if !passport.Audience.VisibleTo(q.Audience) {
		return nil, nil
	}
	var out []knowledge.Passage
	for i, s := range passport.Sections {
		out = append(out, knowledge.Passage{
			DocID: passport.ID, Title: passport.Title, Section: s.Heading, Facet: s.Facet, Text: s.Text,
			URL: passport.URL, Audience: passport.Audience, Kind: passport.Kind, Lang: "de", Score: 2 - float64(i),
		})
	}
	return out, nil
}

func (oneDocRetriever) Document(id string, aud knowledge.Audience) (knowledge.Document, bool) {
	if id != passport.ID || !passport.Audience.VisibleTo(aud) {
		return knowledge.Document{}, false
	}
	return passport, true
}

// TestWithRealAssistant wires the channel to the real assistant and its
// memory store, as cmd/lotse does.
func TestWithRealAssistant(t *testing.T) {
	a, err := assistant.New(assistant.Config{Retriever: oneDocRetriever{}, Now: func() time.Time { return time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	env := mustServe(t, func(c *Config) {
		c.Chat = a
		c.Store = assistant.NewMemoryStore()
		c.Disclosure = nil
	})
	status, body := post(t, env, "/api/v1/chat", `{"message":"Was kostet ein Reisepass?"}`, nil)
	if status != http.StatusOK {
		t.Fatalf("status %d %v", status, body)
	}
	ans := body["answer"].(map[string]any)
	sources, _ := ans["sources"].([]any)
	if !strings.Contains(ans["text"].(string), "70 Euro") || len(sources) == 0 || sources[0].(map[string]any)["id"] != "leistungen/reisepass" {
		t.Errorf("answer %v", ans)
	}

	c := mustDial(t, env, "/ws", http.Header{"Accept-Language": {"en-GB,en;q=0.9"}})
	if w := c.next(); w["text"] != assistant.Disclosure("en") {
		t.Errorf("welcome for an English browser: %v", w["text"])
	}
	c.sendJSON(map[string]any{"type": "message", "text": "Was kostet ein Reisepass?"})
	answer, _ := c.until("answer")
	if !strings.Contains(answer["text"].(string), "70 Euro") {
		t.Errorf("ws answer %v", answer)
	}
}

func TestAssistantInputErrorsMap(t *testing.T) {
	tests := []struct {
		err    error
		status int
		code   string
	}{
		{assistant.ErrEmptyMessage, 400, "empty_message"},
		{assistant.ErrTooLong, 413, "too_long"},
		{context.DeadlineExceeded, 504, "timeout"},
		{errors.New("boom"), 500, "internal"},
	}
	for _, tt := range tests {
		env := mustServe(t, nil)
		env.chat.fail = tt.err
		status, body := post(t, env, "/api/v1/chat", `{"message":"Hallo"}`, nil)
		if status != tt.status || errCode(body) != tt.code {
			t.Errorf("%v: got %d %v", tt.err, status, body)
		}
	}
}

func TestPreferredLang(t *testing.T) {
	for in, want := range map[string]string{"de-DE,de;q=0.9,en;q=0.8": "de", "EN": "en", "": "", "*": "", "tr;q=1": "tr", "<x>": ""} {
		if got := preferredLang(in); got != want {
			t.Errorf("preferredLang(%q) = %q, want %q", in, got, want)
		}
	}
}
