// SPDX-License-Identifier: EUPL-1.2

package assistant_test

import (
	"context"
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

// The issue's examples: the source says 37,00 Euro, an appointment is
// required and the service is not online.
var verifyDoc = knowledge.Document{
	ID: "leistungen/personalausweis", Title: "Personalausweis beantragen", URL: "https://www.musterstadt.example/leistungen/personalausweis",
	Audience: knowledge.Citizen, Kind: knowledge.KindService, Lang: "de",
	Sections: []knowledge.Section{
		{Heading: "Personalausweis beantragen › Kosten", Facet: knowledge.FacetKosten, Text: "Personen ab 24 Jahren: 37,00 Euro"},
		{Heading: "Personalausweis beantragen › Termin", Facet: knowledge.FacetTermin, Text: "Termin erforderlich. Nicht online verfügbar, nur persönlich im Bürgerbüro."},
	},
}

type verifyRetriever struct{}

func (verifyRetriever) Search(ctx context.Context, q knowledge.Query) ([]knowledge.Passage, error) {
	var out []knowledge.Passage
	for i, s := range verifyDoc.Sections {
		out = append(out, knowledge.Passage{DocID: verifyDoc.ID, Title: verifyDoc.Title, Section: s.Heading, Facet: s.Facet,
			Text: s.Text, URL: verifyDoc.URL, Audience: verifyDoc.Audience, Kind: verifyDoc.Kind, Lang: "de", Score: 1 / float64(i+1)})
	}
	return out, ctx.Err()
}

func (verifyRetriever) Document(id string, aud knowledge.Audience) (knowledge.Document, bool) {
	return verifyDoc, id == verifyDoc.ID
}

// passageWith returns the marker of the passage of the request holding s.
func passageWith(r fakellm.Request, s string) string {
	for i, p := range r.Passages() {
		if strings.Contains(p, s) {
			return "[" + string(rune('1'+i)) + "]"
		}
	}
	return "[1]"
}

func TestVerifierRefusesTheIssueExamples(t *testing.T) {
	tests := []struct {
		name, answer, kind string
	}{
		{"amount in words", "Der Personalausweis kostet zehn Euro {Kosten}.", "amount"},
		{"polarity", "Sie brauchen keinen Termin und können ihn online beantragen {Termin}.", "polarity"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := fakellm.New()
			t.Cleanup(fake.Close)
			fake.SetReply(func(r fakellm.Request) fakellm.Reply {
				if len(r.Tools) > 0 {
					return fakellm.Reply{ToolCall: &fakellm.ToolCall{Name: "classify_intent", Arguments: `{"intent":"service_info"}`}}
				}
				text := strings.ReplaceAll(tt.answer, "{Kosten}", " "+passageWith(r, "37,00"))
				return fakellm.Reply{Text: strings.ReplaceAll(text, "{Termin}", " "+passageWith(r, "Termin erforderlich"))}
			})
			m, err := openai.New(openai.Config{BaseURL: fake.URL, Model: "test-model"})
			if err != nil {
				t.Fatal(err)
			}
			a, err := assistant.New(assistant.Config{Retriever: verifyRetriever{}, Model: m, FirstTokenTimeout: 2 * time.Second,
				Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
			if err != nil {
				t.Fatal(err)
			}
			conv := &assistant.Conversation{ID: "v", Audience: knowledge.Citizen, Channel: "web"}
			var streamed strings.Builder
			var final *assistant.Answer
			for c, err := range a.Turn(context.Background(), conv, assistant.Message{Text: "Was kostet der Personalausweis und brauche ich einen Termin?"}) {
				if err != nil {
					t.Fatal(err)
				}
				if c.Kind == assistant.ChunkToken {
					streamed.WriteString(c.Text)
				}
				if c.Kind == assistant.ChunkAnswer {
					final = c.Answer
				}
			}
			wrong := strings.SplitN(tt.answer, " {", 2)[0]
			if strings.Contains(streamed.String(), wrong) || strings.Contains(final.Text, wrong) {
				t.Errorf("the refused sentence was shown: streamed %q, final %q", streamed.String(), final.Text)
			}
			if final.Mode != "fallback" {
				t.Errorf("mode %q, want the offline answer", final.Mode)
			}
			v := final.Verification
			if v == nil || v.Replaced != "unsupported_fact" || len(v.Refused) != 1 || v.Refused[0].Kind != tt.kind {
				t.Fatalf("verification %+v, want one %s refusal and the answer replaced", v, tt.kind)
			}
			// The reason is recorded with the transcript for the desk.
			last := conv.Entries[len(conv.Entries)-1]
			if last.Verification == nil || last.Verification.Refused[0].Kind != tt.kind {
				t.Errorf("transcript entry verification %+v", last.Verification)
			}
		})
	}
}
