// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"bytes"
	"context"
	"net/http"
	"net/netip"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/musterstadt/lotse/ticketing/pgtest"
)

// TestBenchChatComparesOneWithTwoInstances runs a tiny `lotse bench chat`
// comparison against two in-process instances (SQLite, each its own data
// dir): every turn is answered, the proxy spreads requests evenly, and on
// one instance every follow-up is resolved from the conversation. It
// asserts no timing.
func TestBenchChatComparesOneWithTwoInstances(t *testing.T) {
	ctx := context.Background()
	cfg := DefaultConfig()
	cfg.RateIPPerMinute, cfg.RateSessionPerMin = -1, -1
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

// TestRateLimitHoldsAcrossInstances measures the limits of two instances
// behind the round-robin proxy: one client floods them with concurrent
// REST chat requests. On PostgreSQL the shared token buckets let exactly
// the configured burst through; two SQLite instances (nothing shared)
// divide the limit by LOTSE_INSTANCES, and without it let twice as many
// through.
func TestRateLimitHoldsAcrossInstances(t *testing.T) {
	ctx := context.Background()
	accepted := func(t *testing.T, instances int, dbURL string) int {
		cfg := DefaultConfig()
		cfg.DatabaseURL = dbURL
		cfg.RateIPPerMinute = 6 // burst 2 in total
		cfg.RateSessionPerMin = -1
		cfg.Instances = instances
		cfg.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}
		urls, stop, err := spawnInstances(ctx, 2, cfg)
		if err != nil {
			t.Fatal(err)
		}
		defer stop()
		proxy, err := startRoundRobinProxy(urls)
		if err != nil {
			t.Fatal(err)
		}
		defer proxy.Close()
		var (
			mu sync.Mutex
			ok int
			wg sync.WaitGroup
		)
		for range 20 {
			wg.Go(func() {
				req, _ := http.NewRequest(http.MethodPost, proxy.URL+"/api/v1/chat", strings.NewReader(`{"message":"Was kostet ein Reisepass?"}`))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("X-Forwarded-For", "203.0.113.7")
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Error(err)
					return
				}
				resp.Body.Close()
				switch resp.StatusCode {
				case http.StatusOK:
					mu.Lock()
					ok++
					mu.Unlock()
				case http.StatusTooManyRequests:
				default:
					t.Errorf("status %d", resp.StatusCode)
				}
			})
		}
		wg.Wait()
		return ok
	}
	if got := accepted(t, 2, ""); got != 2 {
		t.Errorf("SQLite, LOTSE_INSTANCES=2: %d of 20 messages accepted, want the burst of 2", got)
	}
	if got := accepted(t, 1, ""); got != 4 {
		t.Errorf("SQLite, LOTSE_INSTANCES=1 on two instances: %d of 20 accepted, want 4 (each instance its own burst)", got)
	}
	t.Run("postgres", func(t *testing.T) {
		if got := accepted(t, 2, pgtest.URL(t)); got != 2 {
			t.Errorf("PostgreSQL, shared buckets: %d of 20 messages accepted, want the burst of 2", got)
		}
	})
}
