// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/musterstadt/lotse/evals"
)

// The eval's clock is pinned: a time, a day at 10:00 German time, the
// reference time by default, the real clock only when asked.
func TestEvalClock(t *testing.T) {
	for v, want := range map[string]string{
		"2027-01-04T08:30:00+01:00": "2027-01-04T08:30:00+01:00",
		"2027-01-04":                "2027-01-04T10:00:00+01:00",
		evalReferenceTime:           evalReferenceTime,
	} {
		now, err := evalClock(v)
		if err != nil || now == nil {
			t.Fatalf("evalClock(%q) = %v", v, err)
		}
		if got := now().Format(time.RFC3339); got != want {
			t.Errorf("evalClock(%q)() = %s, want %s", v, got, want)
		}
	}
	if now, err := evalClock("wall"); err != nil || now != nil {
		t.Errorf(`evalClock("wall"): nil clock %v, %v; want the real clock (nil)`, now == nil, err)
	}
	if _, err := evalClock("morgen"); err == nil {
		t.Error(`evalClock("morgen"): want an error`)
	}
}

// A question about "morgen" is answered for the day after the eval's
// clock: the bundled notice of a closure on 24 December is found on the
// 23rd and not on the 5th.
func TestEvalNowMovesRelativeDays(t *testing.T) {
	dir := t.TempDir()
	cases := filepath.Join(dir, "c.yaml")
	if err := os.WriteFile(cases, []byte(`cases:
  - id: morgen
    question: "hat das bürgerbüro morgen geöffnet"
    expect: {sources: ["hinweise/buergerbuero-geschlossen-heiligabend"]}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(now string) error {
		var out, errb bytes.Buffer
		return runEval(context.Background(), []string{"--data", t.TempDir(), "--cases", cases, "--now", now, "--min-hit5", "1"}, func(string) string { return "" }, &out, &errb)
	}
	if err := run("2026-12-23"); err != nil {
		t.Errorf("on 23 December: %v", err)
	}
	var ee exitError
	if err := run("2026-12-05"); !errors.As(err, &ee) || ee.code != evals.ExitFailed {
		t.Errorf("on 5 December: %v, want the threshold missed", err)
	}
	if err := run("übermorgen"); !errors.As(err, &ee) || ee.code != evals.ExitBadInput || !strings.Contains(err.Error(), "--now") {
		t.Errorf("bad --now: %v, want exit %d", err, evals.ExitBadInput)
	}
}
