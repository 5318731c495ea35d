// SPDX-License-Identifier: EUPL-1.2

package callsim

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"
)

// BenchOptions configure a load test: Calls simulated calls at the same
// time, each asking Questions in order and then saying goodbye.
type BenchOptions struct {
	// Options set the server and the gateway; CallID and Speak are ignored.
	Options
	// Calls is the number of concurrent calls; default 50.
	Calls int
	// Questions are asked by every call, one per turn; default three
	// questions about city services.
	Questions []string
}

// BenchResult summarizes the webhook response times of a load test.
type BenchResult struct {
	Calls    int
	Requests int
	Failed   int // calls that ended with an error
	P50      time.Duration
	P95      time.Duration
	P99      time.Duration
	Max      time.Duration
	Elapsed  time.Duration
}

// String formats r for a console.
func (r BenchResult) String() string {
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
	return fmt.Sprintf("%d calls, %d webhooks in %s, %d failed: p50 %s, p95 %s, p99 %s, max %s",
		r.Calls, r.Requests, r.Elapsed.Round(time.Millisecond), r.Failed, ms(r.P50), ms(r.P95), ms(r.P99), ms(r.Max))
}

// DefaultBenchQuestions are asked when BenchOptions.Questions is empty.
var DefaultBenchQuestions = []string{
	"Was kostet ein Reisepass?",
	"Welche Unterlagen brauche ich für den Personalausweis?",
	"Wann hat das Bürgeramt geöffnet?",
}

// Bench runs a load test against a running server and measures every
// webhook's response time as the gateway sees it. It returns the first
// call error, if any, together with the figures of all calls.
func Bench(ctx context.Context, o BenchOptions) (BenchResult, error) {
	if o.Calls <= 0 {
		o.Calls = 50
	}
	qs := o.Questions
	if len(qs) == 0 {
		qs = DefaultBenchQuestions
	}
	// Each question may be followed by "Möchten Sie mehr wissen?"; "nein"
	// would end the call, so the script asks the next question instead.
	script := strings.Join(qs, "\n") + "\ntschüss\n"
	if o.Client == nil {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.MaxIdleConnsPerHost = o.Calls
		o.Client = &http.Client{Timeout: 30 * time.Second, Transport: tr}
		defer tr.CloseIdleConnections()
	}
	o.Speak = false

	var (
		mu    sync.Mutex
		times []time.Duration
		errs  []error
		wg    sync.WaitGroup
	)
	observe := func(d time.Duration) {
		mu.Lock()
		times = append(times, d)
		mu.Unlock()
	}
	start := time.Now()
	for i := range o.Calls {
		wg.Go(func() {
			co := o.Options
			co.CallID = fmt.Sprintf("%s-bench-%d", newCallID(co.Gateway), i)
			if err := run(ctx, co, strings.NewReader(script), io.Discard, observe); err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	res := BenchResult{Calls: o.Calls, Requests: len(times), Failed: len(errs), Elapsed: time.Since(start)}
	slices.Sort(times)
	res.P50, res.P95, res.P99 = Percentile(times, 50), Percentile(times, 95), Percentile(times, 99)
	if len(times) > 0 {
		res.Max = times[len(times)-1]
	}
	if len(errs) > 0 {
		return res, fmt.Errorf("callsim: %d of %d calls failed: %w", len(errs), o.Calls, errors.Join(errs[0]))
	}
	return res, nil
}

// Percentile returns the p-th percentile (nearest rank) of sorted.
func Percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(math.Ceil(float64(len(sorted))*p/100)) - 1
	return sorted[min(max(rank, 0), len(sorted)-1)]
}
