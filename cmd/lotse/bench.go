// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/musterstadt/lotse/channels/phone/callsim"
	"github.com/musterstadt/lotse/channels/web/loadtest"
)

// runBench load-tests a running server on loopback: `lotse bench chat`
// holds many WebSocket sessions, lets some of them chat, and reports answer
// latency percentiles, errors and the server's resident memory.
func runBench(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	const usage = "usage: lotse bench chat [--url http://127.0.0.1:8080] [--connected N] [--active N] [--duration D] | lotse bench chat --url URL1,URL2 | --spawn N [--citizens N] [--conversations N] [--rounds N] | lotse bench phone [--url …] [--calls N] | lotse bench answer [--concurrency N] [--requests N] [--rounds N]"
	if len(args) == 0 {
		return errors.New(usage)
	}
	switch args[0] {
	case "chat":
	case "phone":
		return runBenchPhone(ctx, args[1:], getenv, stdout, stderr)
	case "answer":
		return runBenchAnswer(ctx, args[1:], stdout, stderr)
	default:
		return errors.New(usage)
	}
	fs := flag.NewFlagSet("lotse bench chat", flag.ContinueOnError)
	fs.SetOutput(stderr)
	base := fs.String("url", "http://127.0.0.1:8080", "base URL of a running `lotse serve` (loopback only); several, comma-separated, compare one instance with all behind a round-robin proxy")
	spawn := fs.Int("spawn", 0, "start this many instances in this process (configuration from LOTSE_*, own temporary data dirs) and compare one with all")
	citizens := fs.Int("citizens", 10, "comparison: conversations in flight")
	conversations := fs.Int("conversations", 50, "comparison: conversations per target and round")
	rounds := fs.Int("rounds", 3, "comparison: interleaved rounds")
	connected := fs.Int("connected", 2000, "sessions opened and held")
	active := fs.Int("active", 100, "sessions that chat")
	duration := fs.Duration("duration", 30*time.Second, "length of the run")
	think := fs.Duration("think", 5*time.Second, "pause of a chatting session between answer and next question")
	forwarded := fs.Bool("forwarded-for", true, "give each session its own X-Forwarded-For address (start the server with LOTSE_TRUSTED_PROXIES=127.0.0.1/32)")
	abusers := fs.Int("abusers", 0, "extra sessions that flood the server, ignoring rate limits")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	urls := splitList(*base)
	if *spawn > 0 || len(urls) > 1 {
		o := chatCompareOptions{URLs: urls, Citizens: *citizens, Conversations: *conversations, Rounds: *rounds, ForwardedFor: *forwarded}
		if *spawn > 0 {
			if *spawn < 2 || *spawn > 8 {
				return errors.New("bench chat: --spawn wants 2 to 8 instances")
			}
			cfg := DefaultConfig()
			if err := loadEnv(&cfg, getenv); err != nil {
				return fmt.Errorf("bench chat: %w", err)
			}
			if err := cfg.Validate(); err != nil {
				return fmt.Errorf("bench chat: %w", err)
			}
			cfg.RateIPPerMinute, cfg.RateSessionPerMin = -1, -1
			var stop func()
			var err error
			if o.URLs, stop, err = spawnInstances(ctx, *spawn, cfg); err != nil {
				return fmt.Errorf("bench chat: %w", err)
			}
			defer stop()
			o.ForwardedFor = false // the spawned instances run without rate limits
		}
		return runChatCompare(ctx, o, stdout)
	}
	res, err := loadtest.Run(ctx, loadtest.Options{
		URL:          strings.TrimRight(*base, "/") + "/ws",
		Connected:    *connected,
		Active:       *active,
		Duration:     *duration,
		Think:        *think,
		ForwardedFor: *forwarded,
		Abusers:      *abusers,
	})
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	fmt.Fprintf(stdout, "sessions connected  %d of %d (%d chatting)\n", res.Connected, *connected, *active)
	fmt.Fprintf(stdout, "answers             %d\n", res.Answers)
	fmt.Fprintf(stdout, "errors              %d\n", res.Errors)
	fmt.Fprintf(stdout, "rate-limited        %d\n", res.RateLimited)
	fmt.Fprintf(stdout, "answer latency      p50 %v  p95 %v  p99 %v\n", res.P50.Round(time.Millisecond/10), res.P95.Round(time.Millisecond/10), res.P99.Round(time.Millisecond/10))
	if rss, err := serverRSS(ctx, *base); err == nil {
		fmt.Fprintf(stdout, "server RSS          %.0f MiB\n", rss/(1<<20))
	} else {
		fmt.Fprintf(stdout, "server RSS          unknown (%v)\n", err)
	}
	return nil
}

// serverRSS reads process_resident_memory_bytes from the server's /metrics.
func serverRSS(ctx context.Context, base string) (float64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(base, "/")+"/metrics", nil)
	if err != nil {
		return 0, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "process_resident_memory_bytes "); ok {
			return strconv.ParseFloat(strings.TrimSpace(v), 64)
		}
	}
	return 0, errors.New("no process_resident_memory_bytes in /metrics")
}

// runBenchPhone plays concurrent calls against a running server's voice
// webhooks (simulator credentials from the data dir, or the configured
// gateway secret) and reports the webhook response times.
func runBenchPhone(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var o callsim.BenchOptions
	cfg, _, err := parseConfig("bench phone", args, getenv, stderr, func(fs *flag.FlagSet, c *Config) {
		fs.StringVar(&o.BaseURL, "url", "", "base URL of the running server (default: the simulator's)")
		fs.IntVar(&o.Calls, "calls", 50, "concurrent calls")
	})
	if err != nil {
		return err
	}
	call, err := callOptions(cfg, o.BaseURL, "twilio")
	if err != nil {
		return fmt.Errorf("bench phone: %w", err)
	}
	calls := o.Calls
	o.Options, o.Calls = call, calls
	res, err := callsim.Bench(ctx, o)
	if err != nil {
		return fmt.Errorf("bench phone: %w", err)
	}
	fmt.Fprintf(stdout, "calls               %d (%d failed)\n", res.Calls, res.Failed)
	fmt.Fprintf(stdout, "webhook requests    %d in %v\n", res.Requests, res.Elapsed.Round(time.Millisecond))
	fmt.Fprintf(stdout, "webhook latency     p50 %v  p95 %v  p99 %v  max %v\n", res.P50.Round(time.Millisecond/10),
		res.P95.Round(time.Millisecond/10), res.P99.Round(time.Millisecond/10), res.Max.Round(time.Millisecond/10))
	return nil
}
