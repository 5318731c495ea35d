// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/channels/phone/callsim"
	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/knowledge/musterstadt"
)

// BenchmarkBundledTurn answers every question of the bundled and the
// natural case sets over the bundled base, one turn each in a fresh
// conversation, and reports the per-turn latency percentiles (issue #13:
// p95 ≤ 10 ms). Run: go test -run '^$' -bench BundledTurn ./evals/
func BenchmarkBundledTurn(b *testing.B) {
	cases, err := LoadCases(filepath.Join("cases", "musterstadt"), filepath.Join("cases", "natural", "musterstadt"))
	if err != nil {
		b.Fatal(err)
	}
	asker, release, err := offlineBuilder([]knowledge.Root{{Name: "musterstadt", FS: musterstadt.FS()}})(context.Background(), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer release()
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := cases[i%len(cases)]
		conv := &assistant.Conversation{ID: "bench", Audience: c.audience(), Channel: Channel}
		start := time.Now()
		if _, err := asker.Ask(context.Background(), conv, assistant.Message{Text: c.Question}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(lat)
	if len(lat) > 0 {
		b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
	}
}

// BenchmarkBenchConversation asks what `lotse bench answer` asks, in the
// same order, over the bundled base: each conversation the phone bench's
// questions and a follow-up, then a fresh one. It is the engine's share of
// that benchmark without HTTP and SQLite, to profile one turn end to end:
// go test -run '^$' -bench BenchConversation -benchmem -cpuprofile cpu.out ./evals/
func BenchmarkBenchConversation(b *testing.B) {
	questions := append(slices.Clone(callsim.DefaultBenchQuestions), "Und wie lange dauert das?")
	asker, release, err := offlineBuilder([]knowledge.Root{{Name: "musterstadt", FS: musterstadt.FS()}})(context.Background(), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer release()
	var conv *assistant.Conversation
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := i % len(questions)
		if k == 0 {
			conv = &assistant.Conversation{ID: "bench", Audience: knowledge.Citizen, Channel: Channel}
		}
		ans, err := asker.Ask(context.Background(), conv, assistant.Message{Text: questions[k]})
		if err != nil {
			b.Fatal(err)
		}
		if ans.Text == "" {
			b.Fatalf("%q: empty answer", questions[k])
		}
	}
}

// BenchmarkBenchConversationTurn times each of BenchConversation's
// questions alone, the conversation before it asked untimed: two of them
// continue the conversation (follow-ups) and cost more than the others.
// go test -run '^$' -bench BenchConversationTurn -benchmem ./evals/
func BenchmarkBenchConversationTurn(b *testing.B) {
	questions := append(slices.Clone(callsim.DefaultBenchQuestions), "Und wie lange dauert das?")
	asker, release, err := offlineBuilder([]knowledge.Root{{Name: "musterstadt", FS: musterstadt.FS()}})(context.Background(), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer release()
	for k := range questions {
		b.Run(fmt.Sprint(k+1), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				conv := &assistant.Conversation{ID: "bench", Audience: knowledge.Citizen, Channel: Channel}
				for _, q := range questions[:k] {
					if _, err := asker.Ask(context.Background(), conv, assistant.Message{Text: q}); err != nil {
						b.Fatal(err)
					}
				}
				b.StartTimer()
				if _, err := asker.Ask(context.Background(), conv, assistant.Message{Text: questions[k]}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
