// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"bytes"
	"context"
	"regexp"
	"testing"
)

// TestBenchChatComparesOneWithTwoInstances runs a tiny `lotse bench chat`
// comparison against two in-process instances (SQLite, each its own data
// dir): every turn is answered, the proxy spreads requests evenly, and on
// one instance every follow-up is resolved from the conversation. It
// asserts no timing.
func TestBenchChatComparesOneWithTwoInstances(t *testing.T) {
	ctx := context.Background()
	cfg := DefaultConfig()
	urls, stop, err := spawnInstances(ctx, 2, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	var out bytes.Buffer
	err = runChatCompare(ctx, chatCompareOptions{URLs: urls, Citizens: 2, Conversations: 4, Rounds: 1}, &out)
	if err != nil {
		t.Fatalf("bench chat: %v\n%s", err, out.String())
	}
	for _, re := range []string{
		`4 turns \(question, follow-up, question, follow-up\), 2 citizens, 1 rounds × 4 conversations per target`,
		`(?m)^1 instance\s+\S+\s+\S+\s+[\d.]+\s+8 of 8\s+0$`,
		`(?m)^2 instances, round robin\s+\S+\s+\S+\s+[\d.]+\s+\d+ of 8\s+0$`,
		`(?m)^ratio \(all / one\)\s+[\d.]+×\s+[\d.]+×\s+[\d.]+×$`,
		`(?m)^proxy requests per instance \[8 8\]$`,
	} {
		if !regexp.MustCompile(re).MatchString(out.String()) {
			t.Errorf("output lacks %s:\n%s", re, out.String())
		}
	}
	if err := runChatCompare(ctx, chatCompareOptions{URLs: urls[:1], Citizens: 1, Conversations: 1, Rounds: 1}, &out); err == nil {
		t.Error("a comparison with one instance was accepted")
	}
	if err := runChatCompare(ctx, chatCompareOptions{URLs: urls, Citizens: 0, Conversations: 1, Rounds: 1}, &out); err == nil {
		t.Error("0 citizens accepted")
	}
}
