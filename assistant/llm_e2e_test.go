// SPDX-License-Identifier: EUPL-1.2

package assistant_test

// End-to-end tests of the LLM path: Assistant.Ask with the real
// assistant/openai adapter talking HTTP to the fakellm server.

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/assistant/openai"
	"github.com/musterstadt/lotse/assistant/openai/fakellm"
	"github.com/musterstadt/lotse/knowledge"
)

var e2ePass = knowledge.Document{
	ID: "leistungen/reisepass", Title: "Reisepass beantragen", URL: "https://www.musterstadt.example/leistungen/reisepass",
	Audience: knowledge.Citizen, Kind: knowledge.KindService, Lang: "de",
	Synonyms: []string{"Pass", "Reisepass"},
	Sections: []knowledge.Section{
		{Heading: "Reisepass beantragen", Facet: knowledge.FacetOverview, Text: "Einen Reisepass beantragen Sie persönlich im Bürgerbüro."},
		{Heading: "Reisepass beantragen › Kosten", Facet: knowledge.FacetKosten, Text: "- Antragstellende ab 24 Jahren: 70,00 Euro\n- Antragstellende unter 24 Jahren: 37,50 Euro"},
		{Heading: "Reisepass beantragen › Zuständige Stelle", Facet: knowledge.FacetZustaendigkeit, Text: "Bürgerbüro Musterstadt, Marktplatz 1, 12345 Musterstadt"},
	},
}

// e2eRetriever returns every section of the one document.
type e2eRetriever struct{}

func (e2eRetriever) Search(ctx context.Context, q knowledge.Query) ([]knowledge.Passage, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []knowledge.Passage
	for i, s := range e2ePass.Sections {
		score := 1.0 / float64(i+1)
		if s.Facet == q.Facet {
			score += 2
		}
		out = append(out, knowledge.Passage{DocID: e2ePass.ID, Title: e2ePass.Title, Section: s.Heading, Facet: s.Facet,
			Text: s.Text, URL: e2ePass.URL, Audience: e2ePass.Audience, Kind: e2ePass.Kind, Lang: "de", Score: score})
	}
	return out, nil
}

func (e2eRetriever) Document(id string, aud knowledge.Audience) (knowledge.Document, bool) {
	if id == e2ePass.ID && e2ePass.Audience.VisibleTo(aud) {
		return e2ePass, true
	}
	return knowledge.Document{}, false
}

// e2eScript answers tool calls with service_info and streams text.
func e2eScript(text string, stream fakellm.Reply) func(fakellm.Request) fakellm.Reply {
	return func(r fakellm.Request) fakellm.Reply {
		if len(r.Tools) > 0 {
			return fakellm.Reply{ToolCall: &fakellm.ToolCall{Name: "classify_intent", Arguments: `{"intent":"service_info"}`}}
		}
		stream.Text = text
		return stream
	}
}

func e2eAssistant(t *testing.T, fake *fakellm.Server, timeout time.Duration) *assistant.Assistant {
	t.Helper()
	m, err := openai.New(openai.Config{BaseURL: fake.URL, Model: "test-model"})
	if err != nil {
		t.Fatal(err)
	}
	a, err := assistant.New(assistant.Config{
		Retriever:         e2eRetriever{},
		Model:             m,
		FirstTokenTimeout: timeout,
		Logger:            slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func e2eFake(t *testing.T) *fakellm.Server {
	t.Helper()
	f := fakellm.New()
	t.Cleanup(f.Close)
	return f
}

const piiQuestion = "Was kostet ein Reisepass? Meine IBAN ist DE89 3704 0044 0532 0130 00, Mail max.mustermann@example.de"

func TestLLMEndToEnd(t *testing.T) {
	fake := e2eFake(t)
	fake.SetReply(e2eScript("Ab 24 Jahren kostet der Reisepass 70,00 Euro [1].", fakellm.Reply{}))
	a := e2eAssistant(t, fake, 2*time.Second)

	conv := &assistant.Conversation{ID: "e2e", Audience: knowledge.Citizen, Channel: "web"}
	var tokens strings.Builder
	var final *assistant.Answer
	for c, err := range a.Turn(context.Background(), conv, assistant.Message{Text: piiQuestion}) {
		if err != nil {
			t.Fatal(err)
		}
		switch c.Kind {
		case assistant.ChunkToken:
			tokens.WriteString(c.Text)
		case assistant.ChunkAnswer:
			final = c.Answer
		}
	}
	if final == nil {
		t.Fatal("no answer chunk")
	}
	if final.Mode != "llm" || !strings.Contains(final.Text, "70,00 Euro [1]") {
		t.Fatalf("answer mode %q text %q", final.Mode, final.Text)
	}
	if len(final.Sources) != 1 || final.Sources[0].ID != "leistungen/reisepass" {
		t.Errorf("sources %+v", final.Sources)
	}
	if !strings.Contains(tokens.String(), "Ab 24 Jahren kostet der Reisepass 70,00 Euro [1].") {
		t.Errorf("streamed tokens %q", tokens.String())
	}

	reqs := fake.Requests()
	var sawTool, sawStream bool
	for _, r := range reqs {
		sawTool = sawTool || len(r.Tools) > 0
		sawStream = sawStream || r.Stream
		text := r.Text()
		for _, raw := range []string{"DE89 3704 0044 0532 0130 00", "DE89370400440532013000", "max.mustermann@example.de"} {
			if strings.Contains(text, raw) {
				t.Errorf("the model received raw PII %q", raw)
			}
		}
		if !strings.Contains(text, "[IBAN]") || !strings.Contains(text, "[E-MAIL]") {
			t.Errorf("request lacks placeholders:\n%s", text)
		}
	}
	if !sawTool || !sawStream {
		t.Errorf("requests: tool call %v, stream %v", sawTool, sawStream)
	}
}

func TestLLMEndToEndProviderErrors(t *testing.T) {
	tests := []struct {
		name  string
		reply fakellm.Reply
	}{
		{"429", fakellm.Reply{Status: 429, RetryAfter: "1"}},
		{"500", fakellm.Reply{Status: 500}},
		{"invented fee", fakellm.Reply{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := e2eFake(t)
			if tt.name == "invented fee" {
				fake.SetReply(e2eScript("Der Reisepass kostet 99,00 Euro [1].", fakellm.Reply{}))
			} else {
				fake.ReplyWith(tt.reply)
			}
			a := e2eAssistant(t, fake, 2*time.Second)
			ans, err := a.Ask(context.Background(), &assistant.Conversation{ID: "e", Audience: knowledge.Citizen, Channel: "web"},
				assistant.Message{Text: "Was kostet ein Reisepass?"})
			if err != nil {
				t.Fatal(err)
			}
			if ans.Mode != "fallback" || !strings.Contains(ans.Text, "70,00 Euro") || strings.Contains(ans.Text, "99,00") {
				t.Errorf("mode %q text %q, want the offline answer", ans.Mode, ans.Text)
			}
		})
	}
}

func TestLLMEndToEndFirstTokenTimeout(t *testing.T) {
	fake := e2eFake(t)
	fake.SetReply(e2eScript("Ab 24 Jahren 70,00 Euro [1].", fakellm.Reply{FirstChunkDelay: 10 * time.Second}))
	a := e2eAssistant(t, fake, 300*time.Millisecond)
	start := time.Now()
	ans, err := a.Ask(context.Background(), &assistant.Conversation{ID: "e", Audience: knowledge.Citizen, Channel: "web"},
		assistant.Message{Text: "Was kostet ein Reisepass?"})
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("answer took %v with a 300ms first-token timeout", d)
	}
	if ans.Mode != "fallback" || !strings.Contains(ans.Text, "70,00 Euro") {
		t.Errorf("mode %q text %q", ans.Mode, ans.Text)
	}
	select {
	case <-fake.Canceled():
	case <-time.After(5 * time.Second):
		t.Error("the model request was not cancelled after the timeout")
	}
}

func TestLLMEndToEndCancel(t *testing.T) {
	fake := e2eFake(t)
	fake.SetReply(e2eScript("Ab 24 Jahren 70,00 Euro [1].", fakellm.Reply{FirstChunkDelay: 10 * time.Second}))
	a := e2eAssistant(t, fake, 30*time.Second)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	start := time.Now()
	_, err := a.Ask(ctx, &assistant.Conversation{ID: "e", Audience: knowledge.Citizen, Channel: "web"},
		assistant.Message{Text: "Was kostet ein Reisepass?"})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("cancel took %v", d)
	}
	select {
	case <-fake.Canceled():
	case <-time.After(5 * time.Second):
		t.Error("the fake server did not see the request cancelled")
	}
}

func TestLLMEndToEndQuoteFirstPassage(t *testing.T) {
	fake := e2eFake(t)
	fake.SetReply(fakellm.QuoteFirstPassage)
	a := e2eAssistant(t, fake, 2*time.Second)
	ans, err := a.Ask(context.Background(), &assistant.Conversation{ID: "e", Audience: knowledge.Citizen, Channel: "web"},
		assistant.Message{Text: "Was kostet ein Reisepass?"})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Mode != "llm" || len(ans.Sources) != 1 || !strings.Contains(ans.Text, "70,00 Euro [1]") {
		t.Errorf("mode %q sources %v text %q", ans.Mode, ans.Sources, ans.Text)
	}
}
