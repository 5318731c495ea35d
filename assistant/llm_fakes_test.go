// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"context"
	"errors"
	"io"
	"iter"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/musterstadt/lotse/knowledge"
)

// llmScript is one scripted model reply.
type llmScript struct {
	tokens     []string
	firstDelay time.Duration // before the first token; honours ctx
	tokenDelay time.Duration // between tokens; honours ctx
	err        error         // returned instead of (or, with errAfter, after) tokens
	errAfter   int           // yield err after this many tokens
	call       ToolCall      // for Call
	callErr    error
}

// llmFakeModel is a hand-written Model: it replies from a script and
// records every request. Like real adapters, it honours ctx.
type llmFakeModel struct {
	mu       sync.Mutex
	script   func(req ModelRequest) llmScript
	requests []ModelRequest
	tools    [][]Tool
}

var _ Model = (*llmFakeModel)(nil)

func replying(s llmScript) *llmFakeModel {
	return &llmFakeModel{script: func(ModelRequest) llmScript { return s }}
}

func (m *llmFakeModel) record(req ModelRequest, tools []Tool) llmScript {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests = append(m.requests, req)
	m.tools = append(m.tools, tools)
	return m.script(req)
}

func (m *llmFakeModel) Requests() []ModelRequest {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]ModelRequest(nil), m.requests...)
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}

func (m *llmFakeModel) Stream(ctx context.Context, req ModelRequest) iter.Seq2[string, error] {
	s := m.record(req, nil)
	return func(yield func(string, error) bool) {
		if err := sleepCtx(ctx, s.firstDelay); err != nil {
			yield("", err)
			return
		}
		for i, tok := range s.tokens {
			if s.err != nil && s.errAfter == i {
				yield("", s.err)
				return
			}
			if i > 0 {
				if err := sleepCtx(ctx, s.tokenDelay); err != nil {
					yield("", err)
					return
				}
			}
			if !yield(tok, nil) {
				return
			}
		}
		if s.err != nil {
			yield("", s.err)
		}
	}
}

func (m *llmFakeModel) Call(ctx context.Context, req ModelRequest, tools []Tool) (ToolCall, error) {
	s := m.record(req, tools)
	if err := sleepCtx(ctx, s.firstDelay); err != nil {
		return ToolCall{}, err
	}
	return s.call, s.callErr
}

// llmMetrics records the model metrics.
type llmMetrics struct {
	mu         sync.Mutex
	replaced   []string
	refused    []string
	modelCalls int
	modelErrs  int
}

var _ Metrics = (*llmMetrics)(nil)

func (m *llmMetrics) Answered(Intent, string) {}
func (m *llmMetrics) CitationReplaced(reason string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.replaced = append(m.replaced, reason)
}
func (m *llmMetrics) ClaimRefused(kind string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.refused = append(m.refused, kind)
}
func (m *llmMetrics) Handoff(string) {}
func (m *llmMetrics) ModelCall(_ float64, err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.modelCalls++
	if err != nil {
		m.modelErrs++
	}
}
func (m *llmMetrics) Retrieval(float64) {}

// collectChunks returns a yield func that records chunks.
func collectChunks(out *[]Chunk) func(Chunk) bool {
	return func(c Chunk) bool {
		*out = append(*out, c)
		return true
	}
}

func tokensOf(cs []Chunk) string {
	var b strings.Builder
	for _, c := range cs {
		if c.Kind == ChunkToken {
			b.WriteString(c.Text)
		}
	}
	return b.String()
}

func noticesOf(cs []Chunk) []string {
	var out []string
	for _, c := range cs {
		if c.Kind == ChunkNotice {
			out = append(out, c.Text)
		}
	}
	return out
}

var errFake500 = errors.New("openai: chat stream: HTTP 500: server error")

// Passages as Turn hands them to generate.
var (
	pKosten = knowledge.Passage{
		DocID: "leistungen/reisepass", Title: "Reisepass beantragen", Section: "Reisepass beantragen › Kosten",
		Facet: knowledge.FacetKosten, URL: "https://www.musterstadt.example/leistungen/reisepass",
		Text: "- Antragstellende ab 24 Jahren: 70,00 Euro\n- Antragstellende unter 24 Jahren: 37,50 Euro\n- Zuschlag für den Express-Reisepass: 32,00 Euro",
	}
	pStelle = knowledge.Passage{
		DocID: "leistungen/reisepass", Title: "Reisepass beantragen", Section: "Reisepass beantragen › Zuständige Stelle",
		Facet: knowledge.FacetZustaendigkeit, URL: "https://www.musterstadt.example/leistungen/reisepass",
		Text: "- Bürgerbüro Musterstadt, Marktplatz 1, 12345 Musterstadt\n- Telefon: 0123 456-100\n- Öffnungszeiten: Montag 8:00 bis 12:30 Uhr, Donnerstag 8:00 bis 18:00 Uhr",
	}
	pAusweis = knowledge.Passage{
		DocID: "leistungen/personalausweis", Title: "Personalausweis beantragen", Section: "Personalausweis beantragen › Kosten",
		Facet: knowledge.FacetKosten, URL: "https://www.musterstadt.example/leistungen/personalausweis",
		Text: "Ab 24 Jahren: 37,00 Euro. Unter 24 Jahren: 22,80 Euro.",
	}
	pNotice = knowledge.Passage{
		DocID: "hinweise/schliessung", Title: "Bürgerbüro geschlossen", Text: "Am 14.06.2026 bleibt das Bürgerbüro geschlossen. Ab 2026-06-15 gelten wieder die üblichen Zeiten.",
	}
)

func llmFallback() Answer {
	return Answer{
		Text:       "Ein Reisepass kostet ab 24 Jahren 70,00 Euro. (Quelle: Reisepass beantragen)",
		Sources:    []Source{{ID: "leistungen/reisepass", Title: "Reisepass beantragen"}},
		Retrieved:  []string{"leistungen/reisepass", "leistungen/personalausweis"},
		Intent:     IntentServiceInfo,
		Confidence: 0.8,
		Lang:       "de",
		Mode:       "fallback",
	}
}

// llmAssistant builds an Assistant around model without the other
// dependencies generate does not use.
func llmAssistant(model Model, m Metrics, timeout time.Duration) *Assistant {
	return &Assistant{cfg: Config{Model: model, Metrics: m, FirstTokenTimeout: timeout, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}}
}
