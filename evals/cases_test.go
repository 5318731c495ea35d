// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
)

func ptr[T any](v T) *T { return &v }

func TestLoadCasesDirectory(t *testing.T) {
	got, err := LoadCases(filepath.Join("testdata", "good"))
	if err != nil {
		t.Fatal(err)
	}
	a := filepath.Join("testdata", "good", "a.yaml")
	b := filepath.Join("testdata", "good", "b.yml")
	want := []Case{
		{
			ID: "reisepass-kosten", Question: "Was kostet ein Reisepass, wenn ich 30 bin?", Lang: "de",
			Expect: Expect{Sources: []string{"leistungen/reisepass"}, Facts: []string{"70,00 Euro"}, Intent: assistant.IntentServiceInfo},
			File:   a, Line: 2,
		},
		{
			ID: "vpn-employee", Question: "VPN geht nicht", Audience: knowledge.Employee,
			History: []string{"Hallo", "Ich bin im Homeoffice."},
			Expect:  Expect{Intent: assistant.IntentITIncident, Escalate: ptr(true)},
			File:    a, Line: 9,
		},
		{
			ID: "leak-check", Question: "Wie komme ich ins VPN?", Audience: knowledge.Citizen,
			Expect: Expect{ForbidSources: []string{"intern/**"}, Escalate: ptr(false)},
			File:   b, Line: 3,
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("LoadCases mismatch (-want +got):\n%s", diff)
	}
}

func TestLoadCasesErrors(t *testing.T) {
	bad := func(name string) string { return filepath.Join("testdata", "bad", name) }
	tests := []struct {
		name  string
		paths []string
		want  []string // substrings of the error
	}{
		{"unknown field", []string{bad("unknown-field.yaml")}, []string{bad("unknown-field.yaml") + `:5: unknown field "source"`}},
		{"syntax", []string{bad("syntax.yaml")}, []string{bad("syntax.yaml") + ":3:"}},
		{"missing id and question", []string{bad("missing.yaml")}, []string{
			bad("missing.yaml") + ":4: missing id",
			bad("missing.yaml") + `:5: case "no-question": missing question`,
		}},
		{"bad values", []string{bad("values.yaml")}, []string{
			bad("values.yaml") + `:4: case "v1": audience "mayor"`,
			bad("values.yaml") + `:8: case "v2": intent "weather"`,
			bad("values.yaml") + `:12: case "v3": source "leistungen/[x": malformed glob`,
		}},
		{"duplicate ids across files", []string{bad("dup1.yaml"), bad("dup2.yaml")}, []string{
			bad("dup2.yaml") + `:5: duplicate id "same" (first at ` + bad("dup1.yaml") + ":2)",
		}},
		{"wrong top level", []string{bad("toplevel.yaml")}, []string{bad("toplevel.yaml") + `:1: unknown field "tests"`}},
		{"wrong type", []string{bad("type.yaml")}, []string{bad("type.yaml") + ":5: cannot unmarshal"}},
		{"two documents", []string{bad("twodocs.yaml")}, []string{bad("twodocs.yaml") + ":4: more than one YAML document"}},
		{"more bad values", []string{bad("more.yaml")}, []string{
			bad("more.yaml") + `:2: id "mit leerzeichen" contains whitespace`,
			bad("more.yaml") + `:4: case "mit leerzeichen": lang "deutsch"`,
			bad("more.yaml") + `:5: case "mit leerzeichen": history turn 1 is empty`,
			bad("more.yaml") + `:7: case "mit leerzeichen": empty fact`,
			bad("more.yaml") + `:8: case "mit leerzeichen": forbid_sources "intern/[a": malformed glob`,
		}},
		{"empty file", []string{bad("empty.yaml")}, []string{bad("empty.yaml") + ":1: empty file"}},
		{"missing file", []string{bad("nope.yaml")}, []string{"nope.yaml", "no such file"}},
		{"no paths", nil, []string{"no case files"}},
		{"directory without cases", []string{filepath.Join("testdata", "nocases")}, []string{"no *.yaml"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadCases(tt.paths...)
			if err == nil {
				t.Fatal("LoadCases succeeded, want an error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q\ndoes not contain %q", err, w)
				}
			}
		})
	}
}

func TestWriteCasesRoundTrip(t *testing.T) {
	cases, err := LoadCases(filepath.Join("testdata", "good"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteCases(&buf, cases); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "out.yaml")
	mustWrite(t, file, buf.String())
	got, err := LoadCases(file)
	if err != nil {
		t.Fatalf("LoadCases of written cases: %v\n%s", err, buf.String())
	}
	strip := func(cs []Case) []Case {
		out := make([]Case, len(cs))
		for i, c := range cs {
			c.File, c.Line = "", 0
			out[i] = c
		}
		return out
	}
	if diff := cmp.Diff(strip(cases), strip(got)); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", diff)
	}
	if strings.Contains(buf.String(), "file") || strings.Contains(buf.String(), "line") {
		t.Errorf("written YAML contains File/Line:\n%s", buf.String())
	}
}

func TestLoadCasesTicket(t *testing.T) {
	p := filepath.Join(t.TempDir(), "ticket.yaml")
	data := "cases:\n  - id: t1\n    history: [\"drucker geht nicht\"]\n    question: \"ja\"\n    expect: {ticket: true}\n  - id: t2\n    question: \"danke\"\n    expect: {ticket: false}\n  - id: t3\n    question: \"hallo\"\n"
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	cases, err := LoadCases(p)
	if err != nil {
		t.Fatal(err)
	}
	got := []*bool{cases[0].Expect.Ticket, cases[1].Expect.Ticket, cases[2].Expect.Ticket}
	if got[0] == nil || !*got[0] || got[1] == nil || *got[1] || got[2] != nil {
		t.Errorf("tickets = %v %v %v, want true, false, unset", got[0], got[1], got[2])
	}
	if err := os.WriteFile(p, []byte("cases:\n  - id: t1\n    question: q\n    expect: {ticket: maybe}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadCases(p); err == nil || !strings.Contains(err.Error(), "ticket.yaml:4") {
		t.Errorf("ticket: maybe loaded, err = %v; want an error at line 4", err)
	}
}
