// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime/pprof"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/musterstadt/lotse/channels/phone/callsim"
)

// answerBenchQuestions are asked in turn by every session of `lotse bench
// answer`: three questions over the bundled base and a follow-up.
var answerBenchQuestions = append(slices.Clone(callsim.DefaultBenchQuestions), "Und wie lange dauert das?")

// answerBenchResult is one target's figures over all rounds.
type answerBenchResult struct {
	P50, P95 time.Duration
	PerSec   float64
	Errors   int64
	// CPU is the process's CPU time per request (server and client, which
	// share the process), 0 when the system cannot tell. It depends less
	// on what else the machine runs than the throughput does.
	CPU time.Duration
}

// runBenchAnswer compares the cost of an answer with the cost of the
// transport: it starts Lotse in-process (offline, bundled knowledge, a
// temporary data dir, rate limits off) and a bare net/http handler that
// returns the bytes of a real answer, and sends both the same REST chat
// requests at the same concurrency, in interleaved rounds so that machine
// load hits both alike. It prints both and their ratios.
func runBenchAnswer(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("lotse bench answer", flag.ContinueOnError)
	fs.SetOutput(stderr)
	conc := fs.Int("concurrency", 10, "requests in flight")
	perRound := fs.Int("requests", 500, "requests per target and round")
	rounds := fs.Int("rounds", 4, "interleaved rounds")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the whole run (server and client) to this file")
	memProfile := fs.String("memprofile", "", "write a profile of the allocations of the whole run (server and client) to this file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *conc < 1 || *perRound < 1 || *rounds < 1 || *conc > 1000 || *perRound > 100_000 || *rounds > 100 {
		return errors.New("bench answer: want 1 ≤ concurrency ≤ 1000, 1 ≤ requests ≤ 100000, 1 ≤ rounds ≤ 100")
	}
	dir, err := os.MkdirTemp("", "lotse-bench-answer-")
	if err != nil {
		return fmt.Errorf("bench answer: %w", err)
	}
	defer os.RemoveAll(dir)
	cfg := DefaultConfig()
	cfg.Addr, cfg.DataDir, cfg.Watch = "127.0.0.1:0", dir, false
	cfg.RateIPPerMinute, cfg.RateSessionPerMin = -1, -1
	srv, err := startServer(ctx, cfg, newLogger(io.Discard, "error"))
	if err != nil {
		return fmt.Errorf("bench answer: %w", err)
	}
	defer func() {
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()

	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = *conc
	client := &http.Client{Timeout: 30 * time.Second, Transport: tr}
	defer tr.CloseIdleConnections()

	// The bare handler answers with the bytes of a real answer.
	sample, err := benchPost(ctx, client, srv.URL(), "", answerBenchQuestions[0])
	if err != nil {
		return fmt.Errorf("bench answer: first answer: %w", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("bench answer: %w", err)
	}
	bare := &http.Server{ReadHeaderTimeout: 10 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, io.LimitReader(r.Body, 64<<10))
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		_, _ = w.Write(sample.raw)
	})}
	go func() { _ = bare.Serve(ln) }()
	defer bare.Close()
	bareURL := localURL(ln.Addr())

	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return fmt.Errorf("bench answer: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("bench answer: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	if *memProfile != "" {
		defer func() {
			if err := writeAllocProfile(*memProfile); err != nil {
				fmt.Fprintf(stderr, "bench answer: %v\n", err)
			}
		}()
	}
	var bareLat, lotseLat []time.Duration
	var bareTime, lotseTime, bareCPU, lotseCPU time.Duration
	var bareErr, lotseErr atomic.Int64
	_, cpuOK := processCPU()
	for range *rounds {
		lat, took, cpu := answerRound(ctx, client, bareURL, *conc, *perRound, &bareErr)
		bareLat, bareTime, bareCPU = append(bareLat, lat...), bareTime+took, bareCPU+cpu
		lat, took, cpu = answerRound(ctx, client, srv.URL(), *conc, *perRound, &lotseErr)
		lotseLat, lotseTime, lotseCPU = append(lotseLat, lat...), lotseTime+took, lotseCPU+cpu
	}
	b := summarize(bareLat, bareTime, bareErr.Load())
	l := summarize(lotseLat, lotseTime, lotseErr.Load())
	b.CPU, l.CPU = perRequest(bareCPU, len(bareLat)), perRequest(lotseCPU, len(lotseLat))
	fmt.Fprintf(stdout, "REST chat, concurrency %d, %d rounds × %d requests per target, %d-byte answer\n", *conc, *rounds, *perRound, len(sample.raw))
	if !cpuOK {
		fmt.Fprintf(stdout, "%-22s %10s %10s %12s %7s\n", "", "p50", "p95", "requests/s", "errors")
		fmt.Fprintf(stdout, "%-22s %10v %10v %12.0f %7d\n", "bare handler", b.P50.Round(time.Microsecond), b.P95.Round(time.Microsecond), b.PerSec, b.Errors)
		fmt.Fprintf(stdout, "%-22s %10v %10v %12.0f %7d\n", "Lotse answer", l.P50.Round(time.Microsecond), l.P95.Round(time.Microsecond), l.PerSec, l.Errors)
		fmt.Fprintf(stdout, "%-22s %9.1f× %9.1f× %11.1f×\n", "ratio", ratio(l.P50, b.P50), ratio(l.P95, b.P95), b.PerSec/max(l.PerSec, 1e-9))
	} else {
		fmt.Fprintf(stdout, "%-22s %10s %10s %12s %12s %7s\n", "", "p50", "p95", "requests/s", "CPU/request", "errors")
		fmt.Fprintf(stdout, "%-22s %10v %10v %12.0f %12v %7d\n", "bare handler", b.P50.Round(time.Microsecond), b.P95.Round(time.Microsecond), b.PerSec, b.CPU.Round(time.Microsecond), b.Errors)
		fmt.Fprintf(stdout, "%-22s %10v %10v %12.0f %12v %7d\n", "Lotse answer", l.P50.Round(time.Microsecond), l.P95.Round(time.Microsecond), l.PerSec, l.CPU.Round(time.Microsecond), l.Errors)
		fmt.Fprintf(stdout, "%-22s %9.1f× %9.1f× %11.1f× %11.1f×\n", "ratio", ratio(l.P50, b.P50), ratio(l.P95, b.P95), b.PerSec/max(l.PerSec, 1e-9), ratio(l.CPU, b.CPU))
	}
	if l.Errors > 0 || b.Errors > 0 {
		return fmt.Errorf("bench answer: %d Lotse and %d bare requests failed", l.Errors, b.Errors)
	}
	return nil
}

// writeAllocProfile writes the heap profile, whose alloc_space and
// alloc_objects samples count every allocation since the start.
func writeAllocProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func ratio(a, b time.Duration) float64 { return float64(a) / float64(max(b, 1)) }

func summarize(lat []time.Duration, took time.Duration, errs int64) answerBenchResult {
	slices.Sort(lat)
	return answerBenchResult{
		P50: callsim.Percentile(lat, 50), P95: callsim.Percentile(lat, 95),
		PerSec: float64(len(lat)) / max(took.Seconds(), 1e-9), Errors: errs,
	}
}

// perRequest is cpu spread over n requests, 0 for none.
func perRequest(cpu time.Duration, n int) time.Duration {
	if n == 0 {
		return 0
	}
	return cpu / time.Duration(n)
}

// answerRound sends n chat requests to base on conc workers. Each worker
// keeps a session for one pass over answerBenchQuestions, then starts a
// new one, like a person asking a few questions. It returns the latencies,
// the wall time and the CPU time of the process during the round.
func answerRound(ctx context.Context, client *http.Client, base string, conc, n int, errs *atomic.Int64) ([]time.Duration, time.Duration, time.Duration) {
	var (
		mu   sync.Mutex
		lat  = make([]time.Duration, 0, n)
		next atomic.Int64
		wg   sync.WaitGroup
	)
	start := time.Now()
	cpu0, _ := processCPU()
	for range conc {
		wg.Go(func() {
			session := ""
			for k := 0; ; k++ {
				if next.Add(1) > int64(n) || ctx.Err() != nil {
					return
				}
				q := answerBenchQuestions[k%len(answerBenchQuestions)]
				if k%len(answerBenchQuestions) == 0 {
					session = ""
				}
				t := time.Now()
				res, err := benchPost(ctx, client, base, session, q)
				d := time.Since(t)
				if err != nil {
					errs.Add(1)
					continue
				}
				if res.SessionID != "" {
					session = res.SessionID
				}
				mu.Lock()
				lat = append(lat, d)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	took := time.Since(start)
	cpu1, _ := processCPU()
	return lat, took, cpu1 - cpu0
}

type chatReply struct {
	SessionID string `json:"session_id"`
	raw       []byte
}

// benchPost sends one REST chat message and reads the whole answer.
func benchPost(ctx context.Context, client *http.Client, base, session, msg string) (chatReply, error) {
	body, _ := json.Marshal(map[string]string{"session_id": session, "message": msg})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/v1/chat", bytes.NewReader(body))
	if err != nil {
		return chatReply{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return chatReply{}, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return chatReply{}, err
	}
	if resp.StatusCode != http.StatusOK {
		return chatReply{}, fmt.Errorf("status %d: %.200s", resp.StatusCode, raw)
	}
	var r chatReply
	if err := json.Unmarshal(raw, &r); err != nil {
		return chatReply{}, fmt.Errorf("decode answer: %w", err)
	}
	r.raw = raw
	return r, nil
}
