// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/musterstadt/lotse/knowledge"
)

// fakeRetriever is a scripted Retriever over the documents in
// testdata/docs.json. It scores sections by shared word prefixes, boosts
// the asked facet, enforces the audience like knowledge.Base does, and
// records the queries it saw.
type fakeRetriever struct {
	docs []knowledge.Document
	err  error // returned by Search when set

	mu      sync.Mutex
	queries []knowledge.Query
}

var _ Retriever = (*fakeRetriever)(nil)

func mustFakeRetriever(tb testing.TB) *fakeRetriever {
	tb.Helper()
	b, err := os.ReadFile("testdata/docs.json")
	if err != nil {
		tb.Fatal(err)
	}
	var docs []knowledge.Document
	if err := json.Unmarshal(b, &docs); err != nil {
		tb.Fatal(err)
	}
	return &fakeRetriever{docs: docs}
}

// fakeGlossary stands in for the cross-lingual synonyms of the real index.
var fakeGlossary = map[string]string{"passport": "reisepass", "dog": "hundesteuer", "pasaport": "reisepass", "paszport": "reisepass"}

func fakeTokens(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if g, ok := fakeGlossary[w]; ok {
			w = g
		}
		if len([]rune(w)) >= 4 {
			out = append(out, w)
		}
	}
	return out
}

func fakeMatch(q, t string) bool {
	if q == t {
		return true
	}
	n := 5
	if len(q) < n || len(t) < n {
		return false
	}
	return q[:n] == t[:n] || strings.Contains(t, q)
}

func (f *fakeRetriever) Search(ctx context.Context, q knowledge.Query) ([]knowledge.Passage, error) {
	f.mu.Lock()
	f.queries = append(f.queries, q)
	f.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if f.err != nil {
		return nil, f.err
	}
	qt := fakeTokens(q.Text)
	var out []knowledge.Passage
	for _, d := range f.docs {
		if !d.Audience.VisibleTo(q.Audience) {
			continue
		}
		names := fakeTokens(d.Title + " " + strings.Join(d.Synonyms, " "))
		for _, s := range d.Sections {
			score := 0.0
			for _, w := range qt {
				for _, n := range names {
					if fakeMatch(w, n) {
						score += 2
						break
					}
				}
				for _, t := range fakeTokens(s.Text) {
					if fakeMatch(w, t) {
						score++
						break
					}
				}
			}
			if score == 0 {
				continue
			}
			if q.Facet != "" && s.Facet == q.Facet {
				score += 1.5
			}
			out = append(out, knowledge.Passage{
				DocID: d.ID, Title: d.Title, Section: s.Heading, Facet: s.Facet, Text: s.Text,
				URL: d.URL, Audience: d.Audience, Kind: d.Kind, Lang: d.Lang, Score: score,
			})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	k := q.K
	if k == 0 {
		k = 5
	}
	if len(out) > k {
		out = out[:k]
	}
	return out, nil
}

func (f *fakeRetriever) Document(id string, aud knowledge.Audience) (knowledge.Document, bool) {
	for _, d := range f.docs {
		if d.ID == id && d.Audience.VisibleTo(aud) {
			return d, true
		}
	}
	return knowledge.Document{}, false
}

// fakeTickets is a hand-written Tickets that records what it received.
type fakeTickets struct {
	mu          sync.Mutex
	escalations []Escalation
	escalateErr error // returned while failEscalate > 0
	failCount   int
	steps       []incidentStep
	replies     []incidentReply // returned in order
	incidentErr error
	statuses    map[string]TicketStatus // key → status; owner is statusOwner
	statusOwner string                  // conversation ID allowed to see statuses
	statusErr   error
}

var (
	_ Tickets   = (*fakeTickets)(nil)
	_ ITCatalog = (*fakeTickets)(nil)
)

// The scripted dialog never reaches these.
func (f *fakeTickets) OpenIncident(context.Context, Incident) (string, error) {
	return "", errors.New("fake: not scripted")
}
func (f *fakeTickets) ActiveOutage(context.Context, string) (Outage, bool, error) {
	return Outage{}, false, nil
}
func (f *fakeTickets) JoinOutage(context.Context, string, Requester) (Outage, error) {
	return Outage{}, errors.New("fake: not scripted")
}
func (f *fakeTickets) MatchService(string) (string, bool)        { return "", false }
func (f *fakeTickets) ServiceName(string, string) string         { return "" }
func (f *fakeTickets) IncidentPriority(map[string]string) string { return "P4" }

func (f *fakeTickets) Escalate(ctx context.Context, e Escalation) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.failCount > 0 {
		f.failCount--
		return "", f.escalateErr
	}
	f.escalations = append(f.escalations, e)
	return "LOT-" + string(rune('0'+len(f.escalations))), nil
}

// step is the scripted incident dialog (see mustAssistant).
func (f *fakeTickets) step(ctx context.Context, s incidentStep) (incidentReply, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.steps = append(f.steps, s)
	if f.incidentErr != nil {
		return incidentReply{}, f.incidentErr
	}
	if len(f.replies) == 0 {
		return incidentReply{}, errors.New("fake: no scripted reply")
	}
	r := f.replies[0]
	f.replies = f.replies[1:]
	return r, nil
}

func (f *fakeTickets) Status(ctx context.Context, key string, r Requester) (TicketStatus, error) {
	if f.statusErr != nil {
		return TicketStatus{}, f.statusErr
	}
	st, ok := f.statuses[key]
	if !ok || r.ConversationID != f.statusOwner {
		return TicketStatus{}, ErrNotFound
	}
	return st, nil
}

// fakeMetrics counts what the assistant reports.
type fakeMetrics struct {
	mu       sync.Mutex
	answered map[string]int
	handoffs map[string]int
	retr     int
}

var _ Metrics = (*fakeMetrics)(nil)

func (m *fakeMetrics) Answered(i Intent, mode string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.answered == nil {
		m.answered = map[string]int{}
	}
	m.answered[string(i)+"/"+mode]++
}
func (m *fakeMetrics) CitationReplaced(string) {}
func (m *fakeMetrics) ClaimRefused(string)     {}
func (m *fakeMetrics) Handoff(reason string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.handoffs == nil {
		m.handoffs = map[string]int{}
	}
	m.handoffs[reason]++
}
func (m *fakeMetrics) ModelCall(float64, error) {}
func (m *fakeMetrics) Retrieval(float64)        { m.mu.Lock(); m.retr++; m.mu.Unlock() }

var testNow = time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)

func quietLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// mustAssistant builds an Assistant over the fake retriever; mod may
// change the config first.
func mustAssistant(tb testing.TB, mod func(*Config)) *Assistant {
	tb.Helper()
	cfg := Config{Retriever: mustFakeRetriever(tb), Logger: quietLogger(), Now: func() time.Time { return testNow }}
	if mod != nil {
		mod(&cfg)
	}
	a, err := New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	if f, ok := cfg.Tickets.(*fakeTickets); ok {
		a.intake = f // the fake scripts the incident dialog's replies
	}
	return a
}

func newConv(aud knowledge.Audience) *Conversation {
	return &Conversation{ID: "c1", Audience: aud, Channel: "web"}
}

// mustAsk runs one turn and fails the test on error.
func mustAsk(tb testing.TB, a *Assistant, c *Conversation, text string) Answer {
	tb.Helper()
	ans, err := a.Ask(context.Background(), c, Message{Text: text})
	if err != nil {
		tb.Fatalf("Ask(%q): %v", text, err)
	}
	return ans
}

// body strips the disclosure from a first answer.
func body(a Answer) string {
	for _, l := range []string{"de", "en"} {
		a.Text = strings.TrimPrefix(a.Text, Disclosure(l)+"\n\n")
	}
	return a.Text
}
