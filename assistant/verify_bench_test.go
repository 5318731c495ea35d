// SPDX-License-Identifier: EUPL-1.2

package assistant_test

import (
	"context"
	"io"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/assistant/openai"
	"github.com/musterstadt/lotse/assistant/openai/fakellm"
	"github.com/musterstadt/lotse/knowledge"
)

// BenchmarkFirstVerifiedSentence measures what verifying by sentence costs
// the citizen: the time until the first verified sentence reaches the
// channel, against the time until the model's first token arrives, with
// the fake model streaming one word every 5 ms (about 200 tokens per
// second, a fast local model). Reported as p95 over the iterations:
// first-token-p95-ms, first-sentence-p95-ms and their difference.
func BenchmarkFirstVerifiedSentence(b *testing.B) {
	const answer = "Ab 24 Jahren kostet der Reisepass 70,00 Euro [1]. Unter 24 Jahren sind es 37,50 Euro [1]. Den Pass beantragen Sie im Bürgerbüro Musterstadt [1]."
	fake := fakellm.New()
	b.Cleanup(fake.Close)
	fake.SetReply(func(r fakellm.Request) fakellm.Reply {
		if len(r.Tools) > 0 {
			return fakellm.Reply{ToolCall: &fakellm.ToolCall{Name: "classify_intent", Arguments: `{"intent":"service_info"}`}}
		}
		return fakellm.Reply{Text: answer, ChunkDelay: 5 * time.Millisecond}
	})
	m, err := openai.New(openai.Config{BaseURL: fake.URL, Model: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	a, err := assistant.New(assistant.Config{Retriever: e2eRetriever{}, Model: m, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	req := assistant.ModelRequest{Messages: []assistant.ModelMessage{{Role: "user", Content: "x"}}}
	var firstToken, firstSentence []float64
	for b.Loop() {
		start := time.Now()
		for tok, err := range m.Stream(context.Background(), req) {
			if err != nil {
				b.Fatal(err)
			}
			if tok != "" {
				firstToken = append(firstToken, float64(time.Since(start).Microseconds())/1000)
				break
			}
		}
		conv := &assistant.Conversation{ID: "bench", Audience: knowledge.Citizen, Channel: "web",
			Entries: []assistant.Entry{{Role: assistant.RoleAssistant, Text: "Hallo"}}}
		start = time.Now()
		got := false
		for c, err := range a.Turn(context.Background(), conv, assistant.Message{Text: "Was kostet ein Reisepass?"}) {
			if err != nil {
				b.Fatal(err)
			}
			if !got && c.Kind == assistant.ChunkToken && strings.Contains(c.Text, "[1]") {
				firstSentence = append(firstSentence, float64(time.Since(start).Microseconds())/1000)
				got = true
			}
		}
		if !got {
			b.Fatal("no verified sentence streamed")
		}
	}
	p95 := func(xs []float64) float64 {
		s := slices.Clone(xs)
		slices.Sort(s)
		return s[(len(s)*95+99)/100-1]
	}
	b.ReportMetric(p95(firstToken), "first-token-p95-ms")
	b.ReportMetric(p95(firstSentence), "first-sentence-p95-ms")
	b.ReportMetric(p95(firstSentence)-p95(firstToken), "cost-p95-ms")
}
