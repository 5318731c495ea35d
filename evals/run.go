// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
)

// Asker answers one user message in a conversation. It is declared here so
// that the runner can be tested with scripted answers; *assistant.Assistant
// implements it, and it is the same entry point every channel uses.
// Implementations append to conv and may keep state in it between turns.
type Asker interface {
	Ask(ctx context.Context, conv *assistant.Conversation, msg assistant.Message) (assistant.Answer, error)
}

// Builder makes an Asker for one setting, e.g. {"retrieval": "lexical"};
// an empty or nil setting means the default configuration. The returned
// function releases what the Asker holds (indexes, connections) and must be
// called once the run is over; it may be nil.
type Builder func(ctx context.Context, setting map[string]string) (Asker, func(), error)

// EmployeeUserID is the user ID of the authenticated employee that employee
// cases run as.
const EmployeeUserID = "eval-employee"

// Channel is the channel name of eval conversations.
const Channel = "eval"

// RunOptions tune Run.
type RunOptions struct {
	// Concurrency is the number of cases run at the same time; 0 means 2.
	Concurrency int
	// Now is the clock used for latencies; nil means time.Now.
	Now func() time.Time
	// Logger receives one debug line per case; nil means no logging.
	Logger *slog.Logger
	// Simple runs every case in Einfache Sprache, as a case's Simple
	// field does for one.
	Simple bool
	// KeepTurns keeps every turn's answer in Result.Turns (`lotse eval
	// --turns`).
	KeepTurns bool
}

// Check names, as recorded in Result.Failed.
const (
	CheckSource   = "source"   // no expected source retrieved in the top 5 and cited
	CheckFacts    = "facts"    // a fact is missing from the answer
	CheckIntent   = "intent"   // the intent differs
	CheckEscalate = "escalate" // a handoff was expected and not offered, or the reverse
	CheckTicket   = "ticket"   // a ticket was expected and not opened, or the reverse
	CheckLeak     = "leak"     // a forbidden document was retrieved or cited, or forbidden text said
	CheckError    = "error"    // Ask returned an error
)

// Result is the outcome of one case.
type Result struct {
	Case Case
	// Retrieved are the document IDs retrieved for the final turn, best first.
	Retrieved []string
	// Cited are the IDs of the answer's sources, best first.
	Cited  []string
	Answer string
	Intent assistant.Intent
	// Escalated is true when the answer offered or started a handoff.
	Escalated bool
	// Ticket is the key of the ticket the answer opened, empty for none.
	Ticket string
	// Hit1 and Hit5 are set when an expected source is the first / among
	// the first five retrieved documents and is cited.
	Hit1, Hit5 bool
	// Rank is the 1-based rank of the first expected source within the
	// first ten retrieved documents, 0 when there is none.
	Rank int
	// CitedExpected is true when an expected source is cited.
	CitedExpected bool
	// FactsFound counts the expected facts found in the answer; Missing
	// lists the others.
	FactsFound int
	Missing    []string
	// Leaked lists retrieved or cited IDs matching a forbidden glob.
	Leaked []string
	// LeakedText lists the MustNotContain strings the answer contains.
	LeakedText []string
	// Latencies of every turn of the case, history first.
	Latencies []time.Duration
	// Failed names the checks that failed (Check* constants), in order.
	Failed []string
	// Err is the error of Ask, if any; the case then counts as a miss.
	Err string
	// Choice holds the candidates of the final turn's choice of document
	// with their features (`lotse eval tune`); empty when the answer was
	// not chosen by the scoring function.
	Choice []assistant.ChoiceCandidate `json:"-"`
	// Turns holds every turn's answer, history first, when
	// RunOptions.KeepTurns is set.
	Turns []Turn `json:"-"`
}

// Turn is one turn of a case as `lotse eval --turns` writes it: the
// message and everything the answer says (its choice features
// included), so that two versions of the engine can be compared turn by
// turn. Latencies are left out.
type Turn struct {
	Case    string                      `json:"case"`
	Turn    int                         `json:"turn"`
	Message string                      `json:"message"`
	Answer  assistant.Answer            `json:"answer"`
	Choice  []assistant.ChoiceCandidate `json:"choice,omitempty"`
	Error   string                      `json:"error,omitempty"`
}

// Passed reports whether every check of the case held.
func (r Result) Passed() bool { return len(r.Failed) == 0 }

// Run asks every case in a fresh conversation and measures the answers.
// Cases run concurrently (opts.Concurrency); the results keep the order of
// cases. An error of Ask fails that case only; Run itself fails only when
// ctx ends.
func Run(ctx context.Context, cases []Case, asker Asker, opts RunOptions) (Report, error) {
	n := opts.Concurrency
	if n <= 0 {
		n = 2
	}
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	results := make([]Result, len(cases))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(n, max(len(cases), 1)) {
		wg.Go(func() {
			for i := range next {
				c := cases[i]
				c.Simple = c.Simple || opts.Simple
				results[i] = runCase(ctx, c, asker, now, opts.KeepTurns)
				if opts.Logger != nil {
					opts.Logger.Debug("eval case", "id", cases[i].ID, "failed", results[i].Failed)
				}
			}
		})
	}
feed:
	for i := range cases {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return Report{}, fmt.Errorf("evals: run: %w", err)
	}
	return NewReport(results), nil
}

// runCase runs one case in a new conversation and scores the final answer.
func runCase(ctx context.Context, c Case, asker Asker, now func() time.Time, keepTurns bool) Result {
	res := Result{Case: c}
	start := now()
	conv := &assistant.Conversation{
		ID:        "eval-" + c.ID,
		Audience:  c.audience(),
		Channel:   Channel,
		CreatedAt: start,
		UpdatedAt: start,
		Simple:    c.Simple,
	}
	if conv.Audience == knowledge.Employee {
		conv.UserID = EmployeeUserID
	}
	var ans assistant.Answer
	for i, text := range append(slices.Clone(c.History), c.Question) {
		t0 := now()
		a, err := asker.Ask(ctx, conv, assistant.Message{Text: text})
		res.Latencies = append(res.Latencies, now().Sub(t0))
		if keepTurns {
			tr := Turn{Case: c.ID, Turn: i + 1, Message: text, Answer: a, Choice: a.Choice}
			if err != nil {
				tr.Error = err.Error()
			}
			res.Turns = append(res.Turns, tr)
		}
		if err != nil {
			turn := "question"
			if i < len(c.History) {
				turn = fmt.Sprintf("history turn %d", i+1)
			}
			res.Err = fmt.Sprintf("%s: %v", turn, err)
			res.Missing = slices.Clone(c.Expect.Facts)
			res.Failed = []string{CheckError}
			return res
		}
		ans = a
	}
	score(&res, ans)
	return res
}

// score fills the checks of res from the final answer.
func score(res *Result, ans assistant.Answer) {
	e := res.Case.Expect
	res.Retrieved = slices.Clone(ans.Retrieved)
	for _, s := range ans.Sources {
		res.Cited = append(res.Cited, s.ID)
	}
	res.Answer = ans.Text
	res.Choice = ans.Choice
	res.Intent = ans.Intent
	res.Escalated = ans.HandoffOffered || ans.Handoff != nil
	if ans.Handoff != nil {
		res.Ticket = ans.Handoff.Ticket
	}

	if len(e.Sources) > 0 {
		for i, id := range res.Retrieved {
			if i >= 10 {
				break
			}
			if !matchAny(e.Sources, id) {
				continue
			}
			if res.Rank == 0 {
				res.Rank = i + 1
			}
			if i < 5 && slices.Contains(res.Cited, id) {
				res.Hit5 = true
				if i == 0 {
					res.Hit1 = true
				}
			}
		}
		for _, id := range res.Cited {
			if matchAny(e.Sources, id) {
				res.CitedExpected = true
			}
		}
		if !res.Hit5 {
			res.Failed = append(res.Failed, CheckSource)
		}
	}
	for _, f := range e.Facts {
		if ContainsFact(ans.Text, f) {
			res.FactsFound++
		} else {
			res.Missing = append(res.Missing, f)
		}
	}
	if len(res.Missing) > 0 {
		res.Failed = append(res.Failed, CheckFacts)
	}
	if e.Intent != "" && ans.Intent != e.Intent {
		res.Failed = append(res.Failed, CheckIntent)
	}
	if e.Escalate != nil && *e.Escalate != res.Escalated {
		res.Failed = append(res.Failed, CheckEscalate)
	}
	if e.Ticket != nil && *e.Ticket != (res.Ticket != "") {
		res.Failed = append(res.Failed, CheckTicket)
	}
	if len(e.ForbidSources) > 0 {
		seen := map[string]bool{}
		for _, id := range append(slices.Clone(res.Retrieved), res.Cited...) {
			if !seen[id] && matchAny(e.ForbidSources, id) {
				res.Leaked = append(res.Leaked, id)
			}
			seen[id] = true
		}
	}
	if len(e.MustNotContain) > 0 {
		shown := []string{ans.Text}
		for _, src := range ans.Sources {
			shown = append(shown, src.Title, src.URL, src.Snippet)
		}
		all := strings.Join(shown, "\n")
		for _, f := range e.MustNotContain {
			if ContainsForbidden(all, f) {
				res.LeakedText = append(res.LeakedText, f)
			}
		}
	}
	if len(res.Leaked) > 0 || len(res.LeakedText) > 0 {
		res.Failed = append(res.Failed, CheckLeak)
	}
}

// Rate is a ratio measured over the cases that define it. Den is zero when
// no case defines the metric; the rate is then undefined, not zero.
type Rate struct {
	Num float64 // sum of the per-case values (hits, reciprocal ranks, facts found)
	Den int     // number of cases (or facts) measured
}

// Defined reports whether any case measured the rate.
func (r Rate) Defined() bool { return r.Den > 0 }

// Value returns Num/Den, or 0 when the rate is undefined.
func (r Rate) Value() float64 {
	if r.Den == 0 {
		return 0
	}
	return r.Num / float64(r.Den)
}

// Metrics summarise a set of results.
type Metrics struct {
	Cases  int // number of cases
	Passed int // cases whose checks all held

	Hit1     Rate // expected source first retrieved and cited
	Hit5     Rate // expected source in the top 5 retrieved and cited
	MRR10    Rate // mean reciprocal rank of the first expected source in the top 10 retrieved
	Citation Rate // an expected source is cited
	Facts    Rate // facts found / facts expected, over all facts
	Intent   Rate // intent as expected
	// EscPrecision is the share of expected escalations among the answers
	// that offered a handoff; EscRecall the share of expected escalations
	// that were offered. Both count cases with expect.escalate only.
	EscPrecision Rate
	EscRecall    Rate
	Leaks        int // cases that retrieved or cited a forbidden document

	Turns      int           // turns asked, history included
	LatencyP50 time.Duration // per turn
	LatencyP95 time.Duration // per turn
}

// computeMetrics aggregates results.
func computeMetrics(results []Result) Metrics {
	var m Metrics
	var lat []time.Duration
	for _, r := range results {
		m.Cases++
		if r.Passed() {
			m.Passed++
		}
		e := r.Case.Expect
		if len(e.Sources) > 0 {
			m.Hit1.Den++
			m.Hit5.Den++
			m.MRR10.Den++
			m.Citation.Den++
			if r.Hit1 {
				m.Hit1.Num++
			}
			if r.Hit5 {
				m.Hit5.Num++
			}
			if r.Rank > 0 {
				m.MRR10.Num += 1 / float64(r.Rank)
			}
			if r.CitedExpected {
				m.Citation.Num++
			}
		}
		m.Facts.Den += len(e.Facts)
		m.Facts.Num += float64(r.FactsFound)
		if e.Intent != "" {
			m.Intent.Den++
			if r.Err == "" && r.Intent == e.Intent {
				m.Intent.Num++
			}
		}
		if e.Escalate != nil {
			if r.Escalated {
				m.EscPrecision.Den++
				if *e.Escalate {
					m.EscPrecision.Num++
				}
			}
			if *e.Escalate {
				m.EscRecall.Den++
				if r.Escalated {
					m.EscRecall.Num++
				}
			}
		}
		if len(r.Leaked) > 0 || len(r.LeakedText) > 0 {
			m.Leaks++
		}
		lat = append(lat, r.Latencies...)
	}
	m.Turns = len(lat)
	m.LatencyP50 = percentile(lat, 50)
	m.LatencyP95 = percentile(lat, 95)
	return m
}

// percentile returns the nearest-rank p-th percentile of d, 0 for none.
func percentile(d []time.Duration, p int) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	// Nearest rank: ceil(p/100 * n), 1-based.
	rank := (p*len(s) + 99) / 100
	rank = max(rank, 1)
	return s[rank-1]
}

// Report is the outcome of a run: overall metrics, metrics per audience,
// expected intent and language, and every case's result.
type Report struct {
	Metrics
	ByAudience map[string]Metrics
	ByIntent   map[string]Metrics // by expected intent; cases without one under "-"
	ByLang     map[string]Metrics // by case language; cases without one under "-"
	Results    []Result
	// Thresholds, when set, are shown next to the metrics in reports.
	Thresholds Thresholds
}

// NewReport computes a report from results.
func NewReport(results []Result) Report {
	r := Report{
		Metrics:    computeMetrics(results),
		ByAudience: groupBy(results, func(c Case) string { return string(c.audience()) }),
		ByIntent:   groupBy(results, func(c Case) string { return string(c.Expect.Intent) }),
		ByLang:     groupBy(results, func(c Case) string { return c.Lang }),
		Results:    results,
	}
	return r
}

func groupBy(results []Result, key func(Case) string) map[string]Metrics {
	groups := map[string][]Result{}
	for _, r := range results {
		k := key(r.Case)
		if k == "" {
			k = "-"
		}
		groups[k] = append(groups[k], r)
	}
	out := make(map[string]Metrics, len(groups))
	for k, g := range groups {
		out[k] = computeMetrics(g)
	}
	return out
}

// Failures returns the results with a failed check, in case order.
func (r Report) Failures() []Result {
	var out []Result
	for _, res := range r.Results {
		if !res.Passed() {
			out = append(out, res)
		}
	}
	return out
}

// sortedKeys returns the keys of m in order.
func sortedKeys(m map[string]Metrics) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Thresholds are the minimum rates a run must reach. A zero threshold is
// not checked. Leaks are always checked: any leak is a violation.
type Thresholds struct {
	MinHit5   float64 `json:"min_hit5"`   // hit@5, 0..1
	MinFacts  float64 `json:"min_facts"`  // fact recall, 0..1
	MinIntent float64 `json:"min_intent"` // intent accuracy, 0..1
	// MinEscPrecision and MinEscRecall bound escalation precision and
	// recall, 0..1.
	MinEscPrecision float64 `json:"min_esc_precision"`
	MinEscRecall    float64 `json:"min_esc_recall"`
}

// GateThresholds returns the CI gate over the bundled Musterstadt base:
// hit@5 ≥ 0.95, fact recall ≥ 0.95, intent accuracy ≥ 0.85 and no leak.
func GateThresholds() Thresholds {
	return Thresholds{MinHit5: 0.95, MinFacts: 0.95, MinIntent: 0.85}
}

// Check returns the violations of t, one message each; none means the run
// passes. A threshold on a metric that no case measured is a violation,
// because the gate could not be checked.
func (r Report) Check(t Thresholds) []string {
	var v []string
	check := func(name string, rate Rate, min float64) {
		if min <= 0 {
			return
		}
		switch {
		case !rate.Defined():
			v = append(v, fmt.Sprintf("%s: not measured (no case expects it), minimum %.2f", name, min))
		case rate.Value() < min:
			v = append(v, fmt.Sprintf("%s: %.3f below minimum %.2f", name, rate.Value(), min))
		}
	}
	check("hit@5", r.Hit5, t.MinHit5)
	check("fact recall", r.Facts, t.MinFacts)
	check("intent accuracy", r.Intent, t.MinIntent)
	check("escalation precision", r.EscPrecision, t.MinEscPrecision)
	check("escalation recall", r.EscRecall, t.MinEscRecall)
	if r.Leaks > 0 {
		var ids []string
		for _, res := range r.Results {
			if len(res.Leaked) > 0 || len(res.LeakedText) > 0 {
				ids = append(ids, res.Case.ID)
			}
		}
		v = append(v, fmt.Sprintf("leaks: %d case(s) retrieved or cited a forbidden document or said forbidden text: %v", r.Leaks, ids))
	}
	return v
}
