// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const executeCases = `cases:
  - id: c
    question: q
    expect:
      sources: [reisepass]
      facts: ["70,00 Euro"]
      intent: service_info
`

func TestExecute(t *testing.T) {
	dir := t.TempDir()
	casesFile := filepath.Join(dir, "cases.yaml")
	mustWrite(t, casesFile, executeCases)
	badFile := filepath.Join(dir, "bad.yaml")
	mustWrite(t, badFile, "cases:\n  - id: x\n    question: q\n    expect: {facts: [a], colour: red}\n")
	leakFile := filepath.Join(dir, "leak.yaml")
	mustWrite(t, leakFile, "cases:\n  - id: l\n    question: q\n    expect: {forbid_sources: [\"leistungen/**\"]}\n")

	tests := []struct {
		name     string
		opts     Options
		wantCode int
		wantErr  string // substring; empty means nil error
		wantOut  string // substring of stdout
	}{
		{"default passes", Options{Cases: []string{casesFile}, Thresholds: GateThresholds()}, ExitOK, "", "hit@5 1.00"},
		{"markdown", Options{Cases: []string{casesFile}, Format: "markdown"}, ExitOK, "", "## Summary"},
		{"compare fails gate", Options{Cases: []string{casesFile}, Format: "text", CompareKey: "retrieval", CompareValues: []string{"good", "bad"}, Thresholds: GateThresholds()},
			ExitFailed, "retrieval=bad: hit@5: 0.000 below minimum 0.95", "retrieval"},
		{"leak fails without thresholds", Options{Cases: []string{leakFile}}, ExitFailed, "leaks: 1 case(s)", "leaks 1"},
		{"bad case file", Options{Cases: []string{badFile}}, ExitBadInput, `bad.yaml:4: unknown field "colour"`, ""},
		{"missing case file", Options{Cases: []string{filepath.Join(dir, "nope.yaml")}}, ExitBadInput, "nope.yaml", ""},
		{"bad format", Options{Cases: []string{casesFile}, Format: "pdf"}, ExitBadInput, `unknown report format "pdf"`, ""},
		{"values without key", Options{Cases: []string{casesFile}, CompareValues: []string{"a"}}, ExitBadInput, "without a setting key", ""},
		{"key without values", Options{Cases: []string{casesFile}, CompareKey: "retrieval"}, ExitBadInput, "no values", ""},
		{"bad threshold", Options{Cases: []string{casesFile}, Thresholds: Thresholds{MinHit5: 90}}, ExitBadInput, "outside 0..1", ""},
		{"build fails", Options{Cases: []string{casesFile}, CompareKey: "retrieval", CompareValues: []string{"broken"}}, ExitBadInput, "unknown retrieval broken", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := &settingBuilder{}
			var out bytes.Buffer
			code, err := Execute(context.Background(), tt.opts, b.build, &out)
			if code != tt.wantCode {
				t.Errorf("exit code %d, want %d (err %v)", code, tt.wantCode, err)
			}
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("err = %v, want nil", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("err = %v, want it to contain %q", err, tt.wantErr)
			}
			if !strings.Contains(out.String(), tt.wantOut) {
				t.Errorf("stdout lacks %q:\n%s", tt.wantOut, out.String())
			}
			if tt.wantCode == ExitBadInput && out.Len() > 0 {
				t.Errorf("bad input wrote a report:\n%s", out.String())
			}
		})
	}
}

func TestExecuteOutFile(t *testing.T) {
	dir := t.TempDir()
	casesFile := filepath.Join(dir, "cases.yaml")
	mustWrite(t, casesFile, executeCases)
	outFile := filepath.Join(dir, "report.json")
	b := &settingBuilder{}
	var stdout bytes.Buffer
	code, err := Execute(context.Background(), Options{Cases: []string{casesFile}, Format: "json", Out: outFile}, b.build, &stdout)
	if code != ExitOK || err != nil {
		t.Fatalf("Execute = %d, %v", code, err)
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout = %q, want the report in the file only", stdout.String())
	}
	data, err := os.ReadFile(outFile)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(data, &got); err != nil || got["hit5"] != 1.0 {
		t.Errorf("report file = %s (err %v)", data, err)
	}
	if len(b.built) != 1 || b.built[0] != "good" || len(b.released) != 1 {
		t.Errorf("built %v released %v, want the default setting once", b.built, b.released)
	}
}

// --turns writes every turn, history first, one JSON object a line, with
// the answer's text and sources.
func TestExecuteTurnsFile(t *testing.T) {
	dir := t.TempDir()
	casesFile := filepath.Join(dir, "cases.yaml")
	mustWrite(t, casesFile, "cases:\n  - id: h\n    history: [q]\n    question: q\n    expect: {sources: [reisepass]}\n")
	turnsFile := filepath.Join(dir, "turns.jsonl")
	b := &settingBuilder{}
	var stdout bytes.Buffer
	code, err := Execute(context.Background(), Options{Cases: []string{casesFile}, Turns: turnsFile}, b.build, &stdout)
	if code != ExitOK || err != nil {
		t.Fatalf("Execute = %d, %v", code, err)
	}
	data, err := os.ReadFile(turnsFile)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) != 2 {
		t.Fatalf("turns file has %d lines, want 2:\n%s", len(lines), data)
	}
	for i, l := range lines {
		var tr Turn
		if err := json.Unmarshal([]byte(l), &tr); err != nil {
			t.Fatal(err)
		}
		if tr.Case != "h" || tr.Turn != i+1 || tr.Answer.Text == "" {
			t.Errorf("line %d = %s", i+1, l)
		}
	}
	code, err = Execute(context.Background(), Options{Cases: []string{casesFile}, Turns: turnsFile, CompareKey: "retrieval", CompareValues: []string{"good"}}, b.build, &stdout)
	if code != ExitBadInput || err == nil {
		t.Errorf("turns with a comparison: Execute = %d, %v, want bad input", code, err)
	}
}

// Parts run through their own assistants and are reported and gated with
// the cases as one set: a good part and a bad one give hit@5 0.5 over two
// cases, which fails a gate of 0.95 that the good part alone meets.
func TestExecuteParts(t *testing.T) {
	dir := t.TempDir()
	casesFile := filepath.Join(dir, "cases.yaml")
	mustWrite(t, casesFile, executeCases)
	good, bad := &settingBuilder{}, &settingBuilder{}
	badBuild := func(ctx context.Context, _ map[string]string) (Asker, func(), error) {
		return bad.build(ctx, map[string]string{"retrieval": "bad"})
	}
	var out bytes.Buffer
	opts := Options{Cases: []string{casesFile}, Format: "json", Thresholds: GateThresholds(), Parts: []Part{{Cases: []string{casesFile}, Build: badBuild}}}
	code, err := Execute(context.Background(), opts, good.build, &out)
	if code != ExitFailed || err == nil || !strings.Contains(err.Error(), "hit@5") {
		t.Fatalf("Execute = %d, %v; want the pooled gate to fail on hit@5", code, err)
	}
	var got map[string]any
	if err := json.Unmarshal(out.Bytes(), &got); err != nil || got["cases"] != 2.0 || got["hit5"] != 0.5 {
		t.Errorf("pooled report = %s (err %v), want 2 cases and hit@5 0.5", out.String(), err)
	}
	if len(good.built) != 1 || len(bad.built) != 1 || len(good.released) != 1 || len(bad.released) != 1 {
		t.Errorf("built %v/%v released %v/%v, want each assistant once", good.built, bad.built, good.released, bad.released)
	}
	opts.CompareKey, opts.CompareValues = "retrieval", []string{"good"}
	if code, err := Execute(context.Background(), opts, good.build, &out); code != ExitBadInput || err == nil {
		t.Errorf("parts with a comparison = %d, %v; want bad input", code, err)
	}
}
