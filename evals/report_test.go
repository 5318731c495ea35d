// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// mustReport runs the hand-computed example with a fake clock.
func mustReport(tb testing.TB) Report {
	tb.Helper()
	cases, script := metricsCases()
	clock := &fakeClock{now: time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)}
	rep, err := Run(context.Background(), cases, &fakeAsker{clock: clock, script: script}, RunOptions{Concurrency: 1, Now: clock.Now})
	if err != nil {
		tb.Fatal(err)
	}
	return rep
}

func TestReportJSON(t *testing.T) {
	rep := mustReport(t)
	rep.Thresholds = GateThresholds()
	var buf bytes.Buffer
	if err := rep.Write(&buf, "json"); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, buf.String())
	}
	for _, key := range []string{"cases", "hit1", "hit5", "mrr10", "citation_accuracy", "fact_recall",
		"intent_accuracy", "escalation_precision", "escalation_recall", "leaks", "latency_p50_ms",
		"latency_p95_ms", "failures", "by_audience", "by_intent", "by_lang"} {
		if _, ok := got[key]; !ok {
			t.Errorf("JSON report lacks key %q", key)
		}
	}
	wantNums := map[string]float64{
		"cases": 8, "hit1": 0.2, "hit5": 0.4, "mrr10": 0.5, "citation_accuracy": 0.6, "fact_recall": 0.5,
		"intent_accuracy": 0.75, "escalation_precision": 0.5, "escalation_recall": 0.5, "leaks": 1,
		"latency_p50_ms": 400, "latency_p95_ms": 800,
	}
	for k, want := range wantNums {
		if got[k] != want {
			t.Errorf("%s = %v, want %v", k, got[k], want)
		}
	}
	fails, _ := got["failures"].([]any)
	if len(fails) != 7 {
		t.Fatalf("failures has %d entries, want 7", len(fails))
	}
	first := fails[0].(map[string]any)
	if first["id"] != "c1" || first["question"] != "q1" || first["answer"] == "" {
		t.Errorf("first failure = %v", first)
	}
	if diff := cmp.Diff([]any{"4 bis 6 Wochen"}, first["missing_facts"]); diff != "" {
		t.Errorf("missing facts mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]any{"min_hit5": 0.95, "min_facts": 0.95, "min_intent": 0.85, "min_esc_precision": 0.0, "min_esc_recall": 0.0}, got["thresholds"]); diff != "" {
		t.Errorf("thresholds mismatch (-want +got):\n%s", diff)
	}
	emp := got["by_audience"].(map[string]any)["employee"].(map[string]any)
	if emp["cases"] != 1.0 || emp["hit5"] != nil {
		t.Errorf("by_audience.employee = %v, want 1 case and hit5 null", emp)
	}
}

func TestReportMarkdown(t *testing.T) {
	rep := mustReport(t)
	rep.Thresholds = GateThresholds()
	rep.Results[1].Answer = "Antwort mit | Pipe\nund Zeilenumbruch " + strings.Repeat("x", 300)
	var buf bytes.Buffer
	if err := rep.Write(&buf, "markdown"); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	for _, want := range []string{
		"## Summary",
		"| Metric | Value | Threshold | Status | Meaning |",
		"| hit@5 | 0.40 (2/5) | ≥ 0.95 | **FAIL** |",
		"| Fact recall | 0.50 (2/4) | ≥ 0.95 | **FAIL** |",
		"| Leaks | 1 | = 0 | **FAIL** |",
		"| Latency p95 | 800 ms |",
		"## By audience",
		"| employee | 1 | 0 |",
		"## By expected intent",
		"| service_info | 2 |",
		"## By language",
		"| en | 1 |",
		"## Failures (7)",
		"| Case | Question | Expected | Retrieved (top 5) | Cited | Answer (first 200 characters) | Failed checks |",
		"| c3 | q3 | sources: leistungen/* | x1, x2, x3, x4, x5 | leistungen/fundsachen |",
		`Antwort mit \| Pipe und Zeilenumbruch xxx`,
		"LEAK intern/it/vpn",
		"[employee] (after: h5) q5",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	if strings.Contains(md, strings.Repeat("x", 201)) {
		t.Error("markdown answer cell is longer than 200 characters")
	}
	for _, line := range strings.Split(strings.TrimSpace(md), "\n") {
		if strings.HasPrefix(line, "|") && !strings.HasSuffix(line, "|") {
			t.Errorf("broken table row: %q", line)
		}
	}
}

func TestReportText(t *testing.T) {
	rep := mustReport(t)
	var buf bytes.Buffer
	if err := rep.Write(&buf, ""); err != nil {
		t.Fatal(err)
	}
	txt := buf.String()
	for _, want := range []string{
		"cases 8  passed 1  hit@1 0.20  hit@5 0.40  mrr@10 0.50",
		"leaks 1  latency p50 400 ms p95 800 ms",
		"audience=employee: cases 1",
		"FAIL c3 [source]: want source leistungen/* (first retrieved at rank 6), retrieved x1, x2, x3, x4, x5, cited leistungen/fundsachen",
		`FAIL c1 [facts]: missing facts ["4 bis 6 Wochen"]`,
		"FAIL c7 [error]: error: question: model down",
	} {
		if !strings.Contains(txt, want) {
			t.Errorf("text report lacks %q\n%s", want, txt)
		}
	}
	if strings.Contains(txt, "FAIL c8") {
		t.Error("passing case c8 listed as failure")
	}
}

func TestReportBadFormat(t *testing.T) {
	var buf bytes.Buffer
	if err := mustReport(t).Write(&buf, "html"); err == nil || !strings.Contains(err.Error(), `"html"`) {
		t.Errorf("Write(html) error = %v, want unknown format", err)
	}
}
