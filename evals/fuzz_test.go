// SPDX-License-Identifier: EUPL-1.2

package evals_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/musterstadt/lotse/evals"
)

// FuzzLoadCases feeds arbitrary bytes to the case parser as one case file.
// It must never panic; an error must name the file; loaded cases must have
// an ID, a question and their file and line, and survive a round trip
// through WriteCases.
//
//	go test -run '^$' -fuzz '^FuzzLoadCases$' -fuzztime 2m -parallel 1 ./evals/
func FuzzLoadCases(f *testing.F) {
	for _, dir := range []string{"cases/redteam", "cases/musterstadt"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
		for _, p := range files {
			b, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
	}
	f.Add([]byte("cases:\n  - id: a\n    question: q\n    audience: employee\n    lang: en\n    history: [x, y]\n    expect: {sources: [\"intern/**\"], facts: [\"1,00\"], intent: human, escalate: true, forbid_sources: [\"a/*/b\"]}\n"))
	f.Add([]byte("cases:\n  - id: a\n    question: q\n  - id: a\n    question: r\n"))
	f.Add([]byte("cases:\n  - {id: x, question: y, expect: {forbid_sources: [\"[\"]}}\n"))
	f.Add([]byte("cases: &a [*a]\n"))
	f.Add([]byte("cases:\n  - id: !!binary AAAA\n    question: <<: {}\n"))
	f.Add([]byte("\xef\xbb\xbfcases: []\n"))
	f.Add([]byte("cases:\n  - id: a\n    question: \"\\u0000\\x1b\"\n    unknown: 1\n"))

	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "fuzz-cases.yaml")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		cases, err := evals.LoadCases(path)
		if err != nil {
			if !strings.Contains(err.Error(), path) {
				t.Fatalf("error does not name the file %s: %v", path, err)
			}
			return
		}
		for _, c := range cases {
			if c.ID == "" || strings.TrimSpace(c.Question) == "" {
				t.Errorf("case without ID or question accepted: %+v", c)
			}
			if c.File != path || c.Line < 1 {
				t.Errorf("case %q located at %s:%d, want %s:>0", c.ID, c.File, c.Line, path)
			}
		}
		if len(cases) == 0 {
			return
		}
		// What WriteCases writes, LoadCases must read back unchanged.
		var buf bytes.Buffer
		if err := evals.WriteCases(&buf, cases); err != nil {
			t.Fatalf("WriteCases: %v", err)
		}
		again := filepath.Join(t.TempDir(), "again.yaml")
		if err := os.WriteFile(again, buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		back, err := evals.LoadCases(again)
		if err != nil {
			t.Fatalf("cases written by WriteCases do not load: %v\n%s", err, buf.String())
		}
		ignore := cmpopts.IgnoreFields(evals.Case{}, "File", "Line")
		if diff := cmp.Diff(cases, back, ignore, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("round trip through WriteCases changed the cases (-read +reread):\n%s\nwritten:\n%s", diff, buf.String())
		}
	})
}
