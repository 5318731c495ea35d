// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// chatBenchScript is what every simulated citizen of the instance
// comparison says, one conversation after another: a question, a follow-up
// that only makes sense with the conversation's history, another question
// and another follow-up. The follow-ups are resolved only when the turn
// finds the conversation, whichever instance serves it.
var chatBenchScript = []struct {
	text     string
	followUp bool
}{
	{"Was kostet ein Reisepass?", false},
	{"Und wie lange dauert das?", true},
	{"Welche Unterlagen brauche ich für den Personalausweis?", false},
	{"Und was kostet der?", true},
}

// chatCompareOptions configures runChatCompare.
type chatCompareOptions struct {
	URLs          []string // base URLs of the instances; the first is measured alone
	Citizens      int      // conversations in flight
	Conversations int      // conversations per target and round
	Rounds        int
	ForwardedFor  bool // each citizen sends its own X-Forwarded-For address
}

// chatTargetResult is one target's figures over all rounds.
type chatTargetResult struct {
	P50, P95          time.Duration
	TurnsPerSec       float64
	Turns, Errors     int64
	FollowUps, Solved int64 // follow-ups asked, and answered from the conversation's topic
}

// runChatCompare drives REST web chat conversations (chatBenchScript)
// against the first instance alone and against all instances behind a
// loopback round-robin reverse proxy without sticky sessions, in
// interleaved rounds so that machine load hits both targets alike, and
// prints throughput, latency and how many follow-ups were resolved.
func runChatCompare(ctx context.Context, o chatCompareOptions, stdout io.Writer) error {
	if o.Citizens < 1 || o.Conversations < 1 || o.Rounds < 1 || o.Citizens > 1000 || o.Conversations > 100_000 || o.Rounds > 100 {
		return errors.New("bench chat: want 1 ≤ citizens ≤ 1000, 1 ≤ conversations ≤ 100000, 1 ≤ rounds ≤ 100")
	}
	if len(o.URLs) < 2 {
		return errors.New("bench chat: the comparison needs at least two instances")
	}
	proxy, err := startRoundRobinProxy(o.URLs)
	if err != nil {
		return fmt.Errorf("bench chat: %w", err)
	}
	defer proxy.Close()

	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = o.Citizens
	client := &http.Client{Timeout: 60 * time.Second, Transport: tr}
	defer tr.CloseIdleConnections()

	var one, all chatTally
	for range o.Rounds {
		one.add(chatRound(ctx, client, o.URLs[0], o))
		all.add(chatRound(ctx, client, proxy.URL, o))
	}
	a, b := one.result(), all.result()
	fmt.Fprintf(stdout, "REST conversations of %d turns (question, follow-up, question, follow-up), %d citizens, %d rounds × %d conversations per target\n",
		len(chatBenchScript), o.Citizens, o.Rounds, o.Conversations)
	fmt.Fprintf(stdout, "%-26s %10s %10s %10s %12s %7s\n", "", "p50", "p95", "turns/s", "follow-ups", "errors")
	row := func(name string, r chatTargetResult) {
		fmt.Fprintf(stdout, "%-26s %10v %10v %10.1f %5d of %-4d %7d\n", name, r.P50.Round(time.Microsecond), r.P95.Round(time.Microsecond),
			r.TurnsPerSec, r.Solved, r.FollowUps, r.Errors)
	}
	row("1 instance", a)
	row(fmt.Sprintf("%d instances, round robin", len(o.URLs)), b)
	fmt.Fprintf(stdout, "%-26s %10.2f× %9.2f× %9.2f×\n", "ratio (all / one)", ratio(b.P50, a.P50), ratio(b.P95, a.P95), b.TurnsPerSec/max(a.TurnsPerSec, 1e-9))
	fmt.Fprintf(stdout, "proxy requests per instance %v\n", proxy.spread())
	if a.Errors > 0 || b.Errors > 0 {
		return fmt.Errorf("bench chat: %d turns failed on one instance, %d behind the proxy", a.Errors, b.Errors)
	}
	return nil
}

// chatTally collects the measurements of several rounds of one target.
type chatTally struct {
	lat               []time.Duration
	took              time.Duration
	errors            int64
	followUps, solved int64
}

func (t *chatTally) add(r chatTally) {
	t.lat = append(t.lat, r.lat...)
	t.took += r.took
	t.errors += r.errors
	t.followUps += r.followUps
	t.solved += r.solved
}

func (t *chatTally) result() chatTargetResult {
	s := summarize(t.lat, t.took, t.errors)
	return chatTargetResult{P50: s.P50, P95: s.P95, TurnsPerSec: s.PerSec, Turns: int64(len(t.lat)), Errors: t.errors,
		FollowUps: t.followUps, Solved: t.solved}
}

// chatRound runs o.Conversations conversations against base on o.Citizens
// workers and returns what it measured.
func chatRound(ctx context.Context, client *http.Client, base string, o chatCompareOptions) chatTally {
	var (
		mu   sync.Mutex
		out  chatTally
		next atomic.Int64
		wg   sync.WaitGroup
	)
	start := time.Now()
	for w := range o.Citizens {
		wg.Go(func() {
			xff := ""
			if o.ForwardedFor {
				xff = fmt.Sprintf("10.%d.%d.%d", 100+w/65536%100, w/256%256, w%256)
			}
			for next.Add(1) <= int64(o.Conversations) && ctx.Err() == nil {
				r := chatConversation(ctx, client, base, xff)
				mu.Lock()
				out.add(r)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	out.took = time.Since(start)
	return out
}

// chatConversation plays chatBenchScript in one session. A follow-up counts
// as resolved when its answer cites a source of the answer before it.
func chatConversation(ctx context.Context, client *http.Client, base, xff string) chatTally {
	var t chatTally
	session := ""
	var prev []string
	for _, step := range chatBenchScript {
		start := time.Now()
		ans, err := benchConversationPost(ctx, client, base, session, step.text, xff)
		d := time.Since(start)
		if step.followUp {
			t.followUps++
		}
		if err != nil {
			t.errors++
			prev = nil
			continue
		}
		t.lat = append(t.lat, d)
		session = ans.SessionID
		ids := make([]string, 0, len(ans.Answer.Sources))
		for _, s := range ans.Answer.Sources {
			ids = append(ids, s.ID)
		}
		if step.followUp && slices.ContainsFunc(ids, func(id string) bool { return slices.Contains(prev, id) }) {
			t.solved++
		}
		prev = ids
	}
	return t
}

// conversationReply is the part of a REST chat answer the bench reads.
type conversationReply struct {
	SessionID string `json:"session_id"`
	Answer    struct {
		Sources []struct {
			ID string `json:"id"`
		} `json:"sources"`
	} `json:"answer"`
}

func benchConversationPost(ctx context.Context, client *http.Client, base, session, msg, xff string) (conversationReply, error) {
	body, _ := json.Marshal(map[string]string{"session_id": session, "message": msg})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/v1/chat", strings.NewReader(string(body)))
	if err != nil {
		return conversationReply{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	if xff != "" {
		req.Header.Set("X-Forwarded-For", xff)
	}
	resp, err := client.Do(req)
	if err != nil {
		return conversationReply{}, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return conversationReply{}, err
	}
	if resp.StatusCode != http.StatusOK {
		return conversationReply{}, fmt.Errorf("status %d: %.200s", resp.StatusCode, raw)
	}
	var r conversationReply
	if err := json.Unmarshal(raw, &r); err != nil {
		return conversationReply{}, fmt.Errorf("decode answer: %w", err)
	}
	return r, nil
}

// roundRobinProxy is a loopback reverse proxy that sends each request
// (REST or WebSocket) to the next instance in turn: no sticky sessions, as
// a load balancer in front of several instances may behave.
type roundRobinProxy struct {
	URL      string
	backends []*url.URL
	counts   []atomic.Int64
	next     atomic.Uint64
	srv      *http.Server
}

func startRoundRobinProxy(urls []string) (*roundRobinProxy, error) {
	p := &roundRobinProxy{counts: make([]atomic.Int64, len(urls))}
	for _, raw := range urls {
		u, err := url.Parse(raw)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("instance URL %q: want http://host:port", raw)
		}
		p.backends = append(p.backends, u)
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = 256
	rp := &httputil.ReverseProxy{
		Transport: tr,
		Rewrite: func(r *httputil.ProxyRequest) {
			i := int((p.next.Add(1) - 1) % uint64(len(p.backends)))
			p.counts[i].Add(1)
			r.SetURL(p.backends[i])
			// Pass the client's X-Forwarded-For on unchanged: the instances
			// trust loopback and then count each simulated citizen apart.
			if v := r.In.Header.Values("X-Forwarded-For"); len(v) > 0 {
				r.Out.Header["X-Forwarded-For"] = v
			}
		},
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p.URL = localURL(ln.Addr())
	p.srv = &http.Server{Handler: rp, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = p.srv.Serve(ln) }()
	return p, nil
}

// spread returns how many requests each instance got.
func (p *roundRobinProxy) spread() []int64 {
	out := make([]int64, len(p.counts))
	for i := range p.counts {
		out[i] = p.counts[i].Load()
	}
	return out
}

func (p *roundRobinProxy) Close() error { return p.srv.Close() }

// spawnInstances starts n Lotse instances in this process for the
// comparison: the configuration from the environment (LOTSE_DATABASE_URL,
// the knowledge roots, the LLM), each with its own temporary data dir and
// index, on loopback. It returns their URLs and a
// function that stops them.
func spawnInstances(ctx context.Context, n int, base Config) ([]string, func(), error) {
	var (
		urls  []string
		stops []func()
	)
	stopAll := func() {
		for _, f := range slices.Backward(stops) {
			f()
		}
	}
	for i := range n {
		dir, err := os.MkdirTemp("", "lotse-bench-chat-")
		if err != nil {
			stopAll()
			return nil, nil, err
		}
		cfg := base
		cfg.Addr, cfg.DataDir, cfg.Watch, cfg.DebugAddr = "127.0.0.1:0", dir, false, ""
		srv, err := startServer(ctx, cfg, newLogger(io.Discard, "error"))
		if err != nil {
			os.RemoveAll(dir)
			stopAll()
			return nil, nil, fmt.Errorf("instance %d: %w", i+1, err)
		}
		urls = append(urls, srv.URL())
		stops = append(stops, func() {
			sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
			defer cancel()
			_ = srv.Shutdown(sctx)
			os.RemoveAll(dir)
		})
	}
	return urls, stopAll, nil
}
