// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// Report formats accepted by Report.Write and Comparison.Write.
const (
	FormatText     = "text"     // compact, for a terminal
	FormatMarkdown = "markdown" // for people: tables with explanations
	FormatJSON     = "json"     // for machines
)

// checkFormat validates a report format; "" means text.
func checkFormat(format string) (string, error) {
	switch format {
	case "":
		return FormatText, nil
	case FormatText, FormatMarkdown, FormatJSON:
		return format, nil
	case "md":
		return FormatMarkdown, nil
	}
	return "", fmt.Errorf("evals: unknown report format %q, want text, markdown or json", format)
}

// Write writes the report in format: "text", "markdown" (or "md") or "json".
func (r Report) Write(w io.Writer, format string) error {
	f, err := checkFormat(format)
	if err != nil {
		return err
	}
	switch f {
	case FormatJSON:
		err = r.writeJSON(w)
	case FormatMarkdown:
		err = r.writeMarkdown(w)
	default:
		err = r.writeText(w)
	}
	if err != nil {
		return fmt.Errorf("evals: writing %s report: %w", f, err)
	}
	return nil
}

// rateJSON is a rate in JSON: a number, or null when undefined.
func rateJSON(r Rate) *float64 {
	if !r.Defined() {
		return nil
	}
	v := round(r.Value(), 4)
	return &v
}

func round(v float64, digits int) float64 {
	p := 1.0
	for range digits {
		p *= 10
	}
	return float64(int64(v*p+0.5)) / p
}

func ms(d time.Duration) float64 { return round(float64(d)/float64(time.Millisecond), 1) }

// metricsJSON is Metrics in the JSON report.
type metricsJSON struct {
	Cases               int      `json:"cases"`
	Passed              int      `json:"passed"`
	Hit1                *float64 `json:"hit1"`
	Hit5                *float64 `json:"hit5"`
	MRR10               *float64 `json:"mrr10"`
	CitationAccuracy    *float64 `json:"citation_accuracy"`
	FactRecall          *float64 `json:"fact_recall"`
	IntentAccuracy      *float64 `json:"intent_accuracy"`
	EscalationPrecision *float64 `json:"escalation_precision"`
	EscalationRecall    *float64 `json:"escalation_recall"`
	Leaks               int      `json:"leaks"`
	Turns               int      `json:"turns"`
	LatencyP50ms        float64  `json:"latency_p50_ms"`
	LatencyP95ms        float64  `json:"latency_p95_ms"`
}

func toJSON(m Metrics) metricsJSON {
	return metricsJSON{
		Cases:               m.Cases,
		Passed:              m.Passed,
		Hit1:                rateJSON(m.Hit1),
		Hit5:                rateJSON(m.Hit5),
		MRR10:               rateJSON(m.MRR10),
		CitationAccuracy:    rateJSON(m.Citation),
		FactRecall:          rateJSON(m.Facts),
		IntentAccuracy:      rateJSON(m.Intent),
		EscalationPrecision: rateJSON(m.EscPrecision),
		EscalationRecall:    rateJSON(m.EscRecall),
		Leaks:               m.Leaks,
		Turns:               m.Turns,
		LatencyP50ms:        ms(m.LatencyP50),
		LatencyP95ms:        ms(m.LatencyP95),
	}
}

// failureJSON is one failed case in the JSON report.
type failureJSON struct {
	ID        string   `json:"id"`
	File      string   `json:"file,omitempty"`
	Line      int      `json:"line,omitempty"`
	Question  string   `json:"question"`
	Audience  string   `json:"audience"`
	Lang      string   `json:"lang,omitempty"`
	Failed    []string `json:"failed"`
	Expect    Expect   `json:"expect"`
	Retrieved []string `json:"retrieved"`
	Cited     []string `json:"cited"`
	Intent    string   `json:"intent,omitempty"`
	Escalated bool     `json:"escalated"`
	Missing   []string `json:"missing_facts,omitempty"`
	Leaked    []string `json:"leaked,omitempty"`
	LeakedTxt []string `json:"leaked_text,omitempty"`
	Answer    string   `json:"answer"`
	Error     string   `json:"error,omitempty"`
}

func (r Report) writeJSON(w io.Writer) error {
	out := struct {
		metricsJSON
		Thresholds *Thresholds            `json:"thresholds,omitempty"`
		ByAudience map[string]metricsJSON `json:"by_audience"`
		ByIntent   map[string]metricsJSON `json:"by_intent"`
		ByLang     map[string]metricsJSON `json:"by_lang"`
		Failures   []failureJSON          `json:"failures"`
	}{
		metricsJSON: toJSON(r.Metrics),
		ByAudience:  map[string]metricsJSON{},
		ByIntent:    map[string]metricsJSON{},
		ByLang:      map[string]metricsJSON{},
		Failures:    []failureJSON{},
	}
	if r.Thresholds != (Thresholds{}) {
		t := r.Thresholds
		out.Thresholds = &t
	}
	for k, m := range r.ByAudience {
		out.ByAudience[k] = toJSON(m)
	}
	for k, m := range r.ByIntent {
		out.ByIntent[k] = toJSON(m)
	}
	for k, m := range r.ByLang {
		out.ByLang[k] = toJSON(m)
	}
	for _, res := range r.Failures() {
		out.Failures = append(out.Failures, failureJSON{
			ID:        res.Case.ID,
			File:      res.Case.File,
			Line:      res.Case.Line,
			Question:  res.Case.Question,
			Audience:  string(res.Case.audience()),
			Lang:      res.Case.Lang,
			Failed:    res.Failed,
			Expect:    res.Case.Expect,
			Retrieved: nonNil(res.Retrieved),
			Cited:     nonNil(res.Cited),
			Intent:    string(res.Intent),
			Escalated: res.Escalated,
			Missing:   res.Missing,
			Leaked:    res.Leaked,
			LeakedTxt: res.LeakedText,
			Answer:    res.Answer,
			Error:     res.Err,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// fmtRate formats a rate for text and tables; "–" when undefined.
func fmtRate(r Rate) string {
	if !r.Defined() {
		return "–"
	}
	return fmt.Sprintf("%.2f", r.Value())
}

// fmtRateCount formats a rate with its count, e.g. "0.90 (27/30)".
func fmtRateCount(r Rate, whole bool) string {
	if !r.Defined() {
		return "– (0)"
	}
	if whole {
		return fmt.Sprintf("%.2f (%d/%d)", r.Value(), int(r.Num+0.5), r.Den)
	}
	return fmt.Sprintf("%.2f (n=%d)", r.Value(), r.Den)
}

func fmtMs(d time.Duration) string {
	return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond))
}

func (r Report) writeText(w io.Writer) error {
	m := r.Metrics
	var b strings.Builder
	fmt.Fprintf(&b, "cases %d  passed %d  hit@1 %s  hit@5 %s  mrr@10 %s  citation %s  facts %s  intent %s  escalation P %s R %s  leaks %d  latency p50 %s p95 %s\n",
		m.Cases, m.Passed, fmtRate(m.Hit1), fmtRate(m.Hit5), fmtRate(m.MRR10), fmtRate(m.Citation),
		fmtRate(m.Facts), fmtRate(m.Intent), fmtRate(m.EscPrecision), fmtRate(m.EscRecall), m.Leaks,
		fmtMs(m.LatencyP50), fmtMs(m.LatencyP95))
	for _, g := range []struct {
		name string
		m    map[string]Metrics
	}{{"audience", r.ByAudience}, {"intent", r.ByIntent}, {"lang", r.ByLang}} {
		for _, k := range sortedKeys(g.m) {
			gm := g.m[k]
			fmt.Fprintf(&b, "  %s=%s: cases %d  hit@5 %s  facts %s  intent %s  leaks %d\n",
				g.name, k, gm.Cases, fmtRate(gm.Hit5), fmtRate(gm.Facts), fmtRate(gm.Intent), gm.Leaks)
		}
	}
	for _, res := range r.Failures() {
		fmt.Fprintf(&b, "FAIL %s [%s]: %s\n", res.Case.ID, strings.Join(res.Failed, ","), failureDetail(res))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// failureDetail explains the failed checks of res in one line.
func failureDetail(res Result) string {
	var parts []string
	e := res.Case.Expect
	for _, f := range res.Failed {
		switch f {
		case CheckError:
			parts = append(parts, "error: "+res.Err)
		case CheckSource:
			why := "not retrieved in the top 10"
			switch {
			case res.Rank > 5:
				why = fmt.Sprintf("first retrieved at rank %d", res.Rank)
			case res.Rank > 0:
				why = fmt.Sprintf("retrieved at rank %d but not cited", res.Rank)
			}
			parts = append(parts, fmt.Sprintf("want source %s (%s), retrieved %s, cited %s",
				strings.Join(e.Sources, "|"), why, list(top(res.Retrieved, 5)), list(res.Cited)))
		case CheckFacts:
			parts = append(parts, fmt.Sprintf("missing facts %q", res.Missing))
		case CheckIntent:
			parts = append(parts, fmt.Sprintf("intent %s, want %s", orDash(string(res.Intent)), e.Intent))
		case CheckEscalate:
			parts = append(parts, fmt.Sprintf("escalated %t, want %t", res.Escalated, *e.Escalate))
		case CheckTicket:
			parts = append(parts, fmt.Sprintf("ticket %s, want opened %t", orDash(res.Ticket), *e.Ticket))
		case CheckLeak:
			if len(res.Leaked) > 0 {
				parts = append(parts, fmt.Sprintf("LEAK %s", list(res.Leaked)))
			}
			if len(res.LeakedText) > 0 {
				parts = append(parts, fmt.Sprintf("LEAK text %q", res.LeakedText))
			}
		}
	}
	return strings.Join(parts, "; ")
}

func top(s []string, n int) []string { return s[:min(n, len(s))] }

func list(s []string) string {
	if len(s) == 0 {
		return "(none)"
	}
	return strings.Join(s, ", ")
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// metricRow describes one metric in the markdown summary.
type metricRow struct {
	name, value, threshold, status, meaning string
}

func (r Report) summaryRows() []metricRow {
	m, t := r.Metrics, r.Thresholds
	minRow := func(name string, rate Rate, min float64, meaning string) metricRow {
		row := metricRow{name: name, value: fmtRateCount(rate, name != "MRR@10"), threshold: "–", meaning: meaning}
		if min > 0 {
			row.threshold = fmt.Sprintf("≥ %.2f", min)
			row.status = "ok"
			if !rate.Defined() || rate.Value() < min {
				row.status = "**FAIL**"
			}
		}
		return row
	}
	leakStatus := "ok"
	if m.Leaks > 0 {
		leakStatus = "**FAIL**"
	}
	return []metricRow{
		{"Cases", fmt.Sprintf("%d (%d passed)", m.Cases, m.Passed), "–", "", "questions asked, each in a new conversation"},
		minRow("hit@1", m.Hit1, 0, "the expected document was retrieved first and cited"),
		minRow("hit@5", m.Hit5, t.MinHit5, "the expected document was among the first 5 retrieved and cited"),
		minRow("MRR@10", m.MRR10, 0, "1/rank of the expected document in the first 10 retrieved, averaged"),
		minRow("Citation accuracy", m.Citation, 0, "the answer cites an expected document"),
		minRow("Fact recall", m.Facts, t.MinFacts, "expected facts (amounts, documents, steps) found in the answer text"),
		minRow("Intent accuracy", m.Intent, t.MinIntent, "the assistant understood what the user wanted"),
		minRow("Escalation precision", m.EscPrecision, t.MinEscPrecision, "offered handoffs that were expected"),
		minRow("Escalation recall", m.EscRecall, t.MinEscRecall, "expected handoffs that were offered"),
		{"Leaks", fmt.Sprint(m.Leaks), "= 0", leakStatus, "cases that retrieved or cited a document the asker may not see"},
		{"Latency p50", fmtMs(m.LatencyP50), "–", "", fmt.Sprintf("median time per turn (%d turns)", m.Turns)},
		{"Latency p95", fmtMs(m.LatencyP95), "–", "", "95th percentile time per turn"},
	}
}

func (r Report) writeMarkdown(w io.Writer) error {
	var b strings.Builder
	b.WriteString("# Lotse eval report\n\n")
	b.WriteString("Each case is a question sent to the assistant in a new conversation; the answer is checked against the documents it should cite, facts it should contain, the intent and whether a human should be brought in. A dash means no case measured the metric.\n\n")
	b.WriteString("## Summary\n\n| Metric | Value | Threshold | Status | Meaning |\n|---|---|---|---|---|\n")
	for _, row := range r.summaryRows() {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", row.name, row.value, row.threshold, row.status, row.meaning)
	}
	for _, g := range []struct {
		title string
		m     map[string]Metrics
	}{{"By audience", r.ByAudience}, {"By expected intent", r.ByIntent}, {"By language", r.ByLang}} {
		fmt.Fprintf(&b, "\n## %s\n\n", g.title)
		b.WriteString("| Group | Cases | Passed | hit@1 | hit@5 | MRR@10 | Citation | Facts | Intent | Esc. P | Esc. R | Leaks |\n")
		b.WriteString("|---|---|---|---|---|---|---|---|---|---|---|---|\n")
		for _, k := range sortedKeys(g.m) {
			m := g.m[k]
			fmt.Fprintf(&b, "| %s | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %d |\n",
				mdCell(k), m.Cases, m.Passed, fmtRate(m.Hit1), fmtRate(m.Hit5), fmtRate(m.MRR10),
				fmtRate(m.Citation), fmtRate(m.Facts), fmtRate(m.Intent), fmtRate(m.EscPrecision),
				fmtRate(m.EscRecall), m.Leaks)
		}
	}
	fails := r.Failures()
	fmt.Fprintf(&b, "\n## Failures (%d)\n\n", len(fails))
	if len(fails) == 0 {
		b.WriteString("None: every case passed all of its checks.\n")
	} else {
		b.WriteString("| Case | Question | Expected | Retrieved (top 5) | Cited | Answer (first 200 characters) | Failed checks |\n")
		b.WriteString("|---|---|---|---|---|---|---|\n")
		for _, res := range fails {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n",
				mdCell(res.Case.ID), mdCell(questionCell(res.Case)), mdCell(expectedCell(res.Case.Expect)),
				mdCell(list(top(res.Retrieved, 5))), mdCell(list(res.Cited)),
				mdCell(answerCell(res)), mdCell(failureDetail(res)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func questionCell(c Case) string {
	q := c.Question
	if len(c.History) > 0 {
		q = "(after: " + strings.Join(c.History, " / ") + ") " + q
	}
	if c.audience() != "citizen" {
		q = "[" + string(c.audience()) + "] " + q
	}
	return q
}

func expectedCell(e Expect) string {
	var parts []string
	if len(e.Sources) > 0 {
		parts = append(parts, "sources: "+strings.Join(e.Sources, ", "))
	}
	if len(e.Facts) > 0 {
		parts = append(parts, "facts: "+strings.Join(e.Facts, "; "))
	}
	if e.Intent != "" {
		parts = append(parts, "intent: "+string(e.Intent))
	}
	if e.Escalate != nil {
		parts = append(parts, fmt.Sprintf("escalate: %t", *e.Escalate))
	}
	if len(e.ForbidSources) > 0 {
		parts = append(parts, "never: "+strings.Join(e.ForbidSources, ", "))
	}
	if len(e.MustNotContain) > 0 {
		parts = append(parts, fmt.Sprintf("never says: %q", e.MustNotContain))
	}
	return strings.Join(parts, " · ")
}

func answerCell(res Result) string {
	if res.Err != "" {
		return "error: " + res.Err
	}
	a := []rune(res.Answer)
	if len(a) > 200 {
		return string(a[:200]) + "…"
	}
	return string(a)
}

// mdCell makes s safe inside a Markdown table cell.
func mdCell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.ReplaceAll(s, `\`, `\\`)
	s = strings.ReplaceAll(s, "|", `\|`)
	s = strings.ReplaceAll(s, "<", "&lt;")
	return s
}

// newTab returns a tabwriter for aligned text tables.
func newTab(w io.Writer) *tabwriter.Writer {
	return tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
}
