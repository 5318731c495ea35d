// SPDX-License-Identifier: EUPL-1.2

package phone

import (
	"context"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/musterstadt/lotse/channels/phone/callsim"
)

// realisticAsker answers like the offline assistant after 5–20 ms.
func realisticAsker() *fakeAsker {
	return &fakeAsker{delay: func() time.Duration { return time.Duration(5+rand.IntN(16)) * time.Millisecond }}
}

func TestLoadTest(t *testing.T) {
	for _, gw := range []string{callsim.Twilio, callsim.Jambonz} {
		t.Run(gw, func(t *testing.T) {
			a := realisticAsker()
			res, err := LoadTest(context.Background(), a, LoadOptions{Gateway: gw, Calls: 10})
			if err != nil {
				t.Fatal(err)
			}
			if res.Requests != 10*5 || res.Failed != 0 {
				t.Errorf("result %+v", res)
			}
			if got := len(a.questions()); got != 10*3 {
				t.Errorf("assistant asked %d questions, want 30", got)
			}
			// Speed is measured by BenchmarkWebhookP95, not asserted here.
			if res.P95 <= 0 {
				t.Errorf("p95 %v not measured", res.P95)
			}
		})
	}
}

// BenchmarkWebhookP95 measures webhook response times under 50 concurrent
// calls (5 webhooks each) with an assistant that takes 5–20 ms. Target
// offline: p95 ≤ 300 ms.
func BenchmarkWebhookP95(b *testing.B) {
	for _, gw := range []string{callsim.Twilio, callsim.Jambonz} {
		b.Run(gw, func(b *testing.B) {
			var worst, p50 time.Duration
			var reqs int
			for b.Loop() {
				res, err := LoadTest(context.Background(), realisticAsker(), LoadOptions{Gateway: gw, Calls: 50})
				if err != nil {
					b.Fatal(err)
				}
				worst = max(worst, res.P95)
				p50 = max(p50, res.P50)
				reqs += res.Requests
			}
			b.ReportMetric(float64(worst.Microseconds())/1000, "p95_ms")
			b.ReportMetric(float64(p50.Microseconds())/1000, "p50_ms")
			b.ReportMetric(float64(reqs)/float64(b.N), "webhooks/op")
			if worst > 300*time.Millisecond {
				b.Logf("p95 %v above the 300 ms target", worst)
			}
		})
	}
}
