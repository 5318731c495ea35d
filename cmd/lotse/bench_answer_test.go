// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"bytes"
	"context"
	"io"
	"regexp"
	"strings"
	"testing"
)

// TestBenchAnswerComparesWithBareHandler runs a tiny `lotse bench answer`
// and checks that both targets answered every request and the ratios are
// printed. It asserts no timing.
func TestBenchAnswerComparesWithBareHandler(t *testing.T) {
	var out bytes.Buffer
	err := runBenchAnswer(context.Background(), []string{"--concurrency", "2", "--requests", "8", "--rounds", "2"}, &out, io.Discard)
	if err != nil {
		t.Fatalf("bench answer: %v\n%s", err, out.String())
	}
	// With the process's CPU time known, a CPU/request column and its
	// ratio follow requests/s.
	cpu := ""
	if _, ok := processCPU(); ok {
		cpu = `\s+\S+`
	}
	for _, re := range []string{
		`concurrency 2, 2 rounds × 8 requests per target, \d+-byte answer`,
		`(?m)^bare handler\s+\S+\s+\S+\s+\d+` + cpu + `\s+0$`,
		`(?m)^Lotse answer\s+\S+\s+\S+\s+\d+` + cpu + `\s+0$`,
		`(?m)^ratio\s+[\d.]+×\s+[\d.]+×\s+[\d.]+×` + strings.ReplaceAll(cpu, `\S+`, `[\d.]+×`) + `$`,
	} {
		if !regexp.MustCompile(re).MatchString(out.String()) {
			t.Errorf("output lacks %s:\n%s", re, out.String())
		}
	}
	if err := runBenchAnswer(context.Background(), []string{"--concurrency", "0"}, &out, io.Discard); err == nil {
		t.Error("concurrency 0 accepted")
	}
}
