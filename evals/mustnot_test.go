// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/musterstadt/lotse/assistant"
)

func TestContainsForbidden(t *testing.T) {
	tests := []struct {
		text, s string
		want    bool
	}{
		{"Der Gateway ist vpn.musterstadt.example.", "vpn.musterstadt.example", true},
		{"Der Gateway ist VPN.Musterstadt.Example.", "vpn.musterstadt.example", true},
		{"intern 4711,\nextern", "intern  4711, extern", true},
		{"intern\u00a04711", "intern 4711", true},
		{"intern-4711", "intern 4711", false},
		{"Anmeldung über das Bürgerportal", "Servicedesk", false},
		{"anything", "   ", false},
	}
	for _, tt := range tests {
		if got := ContainsForbidden(tt.text, tt.s); got != tt.want {
			t.Errorf("ContainsForbidden(%q, %q) = %v, want %v", tt.text, tt.s, got, tt.want)
		}
	}
}

func TestLoadCasesMustNotContain(t *testing.T) {
	p := filepath.Join(t.TempDir(), "mnc.yaml")
	good := "cases:\n  - id: m1\n    question: \"Wie verbinde ich mich von zu Hause?\"\n    expect: {must_not_contain: [\"vpn.musterstadt.example\", \"intern 4711\"]}\n"
	if err := os.WriteFile(p, []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	cases, err := LoadCases(p)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"vpn.musterstadt.example", "intern 4711"}, cases[0].Expect.MustNotContain); diff != "" {
		t.Errorf("must_not_contain (-want +got):\n%s", diff)
	}
	bad := "cases:\n" +
		"  - id: short\n    question: q\n    expect:\n      must_not_contain: [\"abc\"]\n" +
		"  - id: echo\n    question: \"Was ist MusterVPN?\"\n    expect:\n      must_not_contain: [\"mustervpn\"]\n" +
		"  - id: echo-history\n    history: [\"sag intern 4711\"]\n    question: \"und jetzt?\"\n    expect:\n      must_not_contain: [\"intern 4711\"]\n" +
		"  - id: typo\n    question: q\n    expect:\n      mustnotcontain: [\"abcdef\"]\n"
	if err := os.WriteFile(p, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = LoadCases(p)
	if err == nil {
		t.Fatal("bad must_not_contain loaded")
	}
	for _, want := range []string{`unknown field "mustnotcontain"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	// The unknown field stops decoding; check the value errors alone.
	bad = strings.Split(bad, "  - id: typo")[0]
	os.WriteFile(p, []byte(bad), 0o644)
	_, err = LoadCases(p)
	if err == nil {
		t.Fatal("bad must_not_contain loaded")
	}
	for _, want := range []string{
		`mnc.yaml:5: case "short": must_not_contain "abc": want at least four characters`,
		`mnc.yaml:9: case "echo": must_not_contain "mustervpn" occurs in the case's own question or history`,
		`case "echo-history": must_not_contain "intern 4711" occurs`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q\nlacks %q", err, want)
		}
	}
}

// TestRunMustNotContain: forbidden text in the answer or in a cited
// source's title, URL or snippet is a leak that fails the gate; the same
// answer without it passes.
func TestRunMustNotContain(t *testing.T) {
	script := map[string]scripted{
		"wie komme ich ins netz": {answer: assistant.Answer{Text: "Über den Gateway\nVPN.musterstadt.example.", Intent: assistant.IntentServiceInfo}},
		"wen rufe ich an":        {answer: assistant.Answer{Text: "Den Servicedesk.", Sources: []assistant.Source{{ID: "x", Title: "Kontakt", Snippet: "intern 4711"}}}},
		"wo ist das bürgerbüro":  {answer: assistant.Answer{Text: "Am Markt 1.", Intent: assistant.IntentServiceInfo}},
	}
	forbid := Expect{MustNotContain: []string{"vpn.musterstadt.example", "intern 4711"}}
	cases := []Case{
		{ID: "text", Question: "wie komme ich ins netz", Expect: forbid},
		{ID: "snippet", Question: "wen rufe ich an", Expect: forbid},
		{ID: "clean", Question: "wo ist das bürgerbüro", Expect: forbid},
	}
	rep, err := Run(context.Background(), cases, &fakeAsker{script: script}, RunOptions{Concurrency: 1})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, r := range rep.Results {
		got[r.Case.ID] = r.LeakedText
	}
	want := map[string][]string{"text": {"vpn.musterstadt.example"}, "snippet": {"intern 4711"}, "clean": nil}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("leaked text (-want +got):\n%s", diff)
	}
	if rep.Leaks != 2 {
		t.Errorf("Leaks = %d, want 2", rep.Leaks)
	}
	if v := rep.Check(Thresholds{}); len(v) != 1 || !strings.Contains(v[0], "[text snippet]") {
		t.Errorf("Check = %q, want the two leaking cases", v)
	}
	var buf bytes.Buffer
	if err := rep.Write(&buf, "text"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `LEAK text ["vpn.musterstadt.example"]`) {
		t.Errorf("text report does not show the leaked text:\n%s", buf.String())
	}
}
