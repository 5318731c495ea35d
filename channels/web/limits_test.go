// SPDX-License-Identifier: EUPL-1.2

package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/gorilla/websocket"
	"golang.org/x/time/rate"
)

// sleepRecorder replaces Server.sleep: it records the waits and returns at
// once.
type sleepRecorder struct {
	mu sync.Mutex
	d  []time.Duration
}

func (r *sleepRecorder) sleep(_ context.Context, d time.Duration) {
	r.mu.Lock()
	r.d = append(r.d, d)
	r.mu.Unlock()
}

func (r *sleepRecorder) waits() []time.Duration {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]time.Duration(nil), r.d...)
}

// postRaw posts body to path and returns the response and its body.
func postRaw(t *testing.T, env *testEnv, path, body string, hdr map[string]string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, env.http.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestClientAddr(t *testing.T) {
	srv := &Server{cfg: Config{TrustedProxies: []netip.Prefix{
		netip.MustParsePrefix("127.0.0.0/8"),
		netip.MustParsePrefix("10.0.0.0/8"),
		netip.MustParsePrefix("fd00::/8"),
	}}}
	tests := []struct {
		name   string
		remote string
		xff    []string
		want   string
	}{
		{"untrusted peer, no header", "203.0.113.9:5000", nil, "203.0.113.9"},
		{"untrusted peer's header is ignored", "203.0.113.9:5000", []string{"198.51.100.1"}, "203.0.113.9"},
		{"trusted peer without header", "127.0.0.1:5000", nil, "127.0.0.1"},
		{"trusted peer names the client", "127.0.0.1:5000", []string{"198.51.100.1"}, "198.51.100.1"},
		{"right-most untrusted wins over a spoofed left part", "10.0.0.1:443", []string{"6.6.6.6, 198.51.100.1, 10.0.0.2"}, "198.51.100.1"},
		{"several header lines read right to left", "10.0.0.1:443", []string{"6.6.6.6", "198.51.100.1", "10.0.0.2"}, "198.51.100.1"},
		{"only trusted hops: the left-most one", "10.0.0.1:443", []string{"10.0.0.3, 10.0.0.2"}, "10.0.0.3"},
		{"garbage stops at the last believed hop", "10.0.0.1:443", []string{"<script>, 10.0.0.2"}, "10.0.0.2"},
		{"garbage right at the proxy: the proxy", "10.0.0.1:443", []string{"unknown"}, "10.0.0.1"},
		{"empty items are skipped", "10.0.0.1:443", []string{"198.51.100.1, , "}, "198.51.100.1"},
		{"ports and brackets", "[fd00::1]:443", []string{"[2001:db8::5]:4711"}, "2001:db8::5"},
		{"IPv4-mapped peer", "[::ffff:127.0.0.1]:5000", []string{"198.51.100.1:80"}, "198.51.100.1"},
		{"no address at all", "pipe", nil, "invalid IP"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &http.Request{RemoteAddr: tt.remote, Header: http.Header{}}
			for _, v := range tt.xff {
				r.Header.Add("X-Forwarded-For", v)
			}
			if got := srv.clientAddr(r).String(); got != tt.want {
				t.Errorf("clientAddr = %s, want %s", got, tt.want)
			}
		})
	}
	// A long chain is read only up to maxForwardedHops.
	r := &http.Request{RemoteAddr: "10.0.0.1:1", Header: http.Header{"X-Forwarded-For": {"198.51.100.1" + strings.Repeat(", 10.0.0.9", 100)}}}
	if got := srv.clientAddr(r).String(); got != "10.0.0.9" {
		t.Errorf("long chain: %s", got)
	}
}

func TestAddrKey(t *testing.T) {
	tests := []struct{ addr, want string }{
		{"198.51.100.7", "198.51.100.7"},
		{"2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"},
		{"2001:db8:1:2:bbbb::9", "2001:db8:1:2::/64"}, // same household
		{"2001:db8:1:3::1", "2001:db8:1:3::/64"},
	}
	for _, tt := range tests {
		if got := addrKey(netip.MustParseAddr(tt.addr)); got != tt.want {
			t.Errorf("addrKey(%s) = %s, want %s", tt.addr, got, tt.want)
		}
	}
	if addrKey(netip.Addr{}) != "unknown" {
		t.Error("zero address")
	}
}

func TestLimiter(t *testing.T) {
	clk := newClock()
	cfg := Config{Now: clk.Now, IPRate: RateLimit{PerMinute: 60, Burst: 3}, SessionRate: RateLimit{PerMinute: 30, Burst: 2}, MaxTrackedClients: 100}
	l := newLimiter(&cfg)

	type result struct {
		OK    bool
		Retry time.Duration
	}
	allow := func(ip, sess string) result {
		ok, retry := l.allow(ip, sess)
		return result{ok, retry}
	}
	// The session's burst of 2 runs out first; a refusal takes no token
	// from the address.
	got := []result{allow("a", "s1"), allow("a", "s1"), allow("a", "s1")}
	want := []result{{true, 0}, {true, 0}, {false, 2 * time.Second}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("session burst (-want +got):\n%s", diff)
	}
	// The address has one token left, for another session.
	if r := allow("a", "s2"); !r.OK {
		t.Fatalf("address refused too early: %+v", r)
	}
	if r := allow("a", "s3"); r.OK || r.Retry != time.Second {
		t.Fatalf("address burst: %+v, want refusal for 1 s", r)
	}
	// Another address is not affected.
	if r := allow("b", ""); !r.OK {
		t.Fatalf("other address: %+v", r)
	}
	clk.Advance(time.Second)
	if r := allow("a", "s3"); !r.OK {
		t.Fatalf("after a second: %+v", r)
	}
	clk.Advance(1500 * time.Millisecond)
	if r := allow("", "s1"); !r.OK {
		t.Fatalf("session after refill: %+v", r)
	}

	// Buckets that have filled up again are swept.
	if ips, sessions := l.sizes(); ips != 2 || sessions != 3 {
		t.Fatalf("tracked %d addresses, %d sessions", ips, sessions)
	}
	clk.Advance(2 * time.Minute)
	l.allow("c", "")
	if ips, sessions := l.sizes(); ips != 1 || sessions != 0 {
		t.Errorf("after sweep: %d addresses, %d sessions, want 1, 0", ips, sessions)
	}

	// The tables never outgrow MaxTrackedClients, even when every bucket
	// is in use.
	for i := range 1000 {
		l.allow(fmt.Sprintf("flood-%d", i), fmt.Sprintf("s-%d", i))
	}
	if ips, sessions := l.sizes(); ips > 100 || sessions > 100 {
		t.Errorf("tables grew to %d addresses, %d sessions, cap 100", ips, sessions)
	}
	if l.ip.evicted == 0 {
		t.Error("no bucket was evicted")
	}

	// Switched off: always allowed.
	off := newLimiter(&Config{Now: clk.Now, IPRate: RateLimit{PerMinute: -1}, SessionRate: RateLimit{PerMinute: -1}})
	for range 100 {
		if ok, _ := off.allow("a", "s"); !ok {
			t.Fatal("switched-off limiter refused")
		}
	}
}

func TestRESTRateLimit(t *testing.T) {
	t.Run("per address", func(t *testing.T) {
		rec := &sleepRecorder{}
		env := mustServe(t, func(c *Config) {
			c.IPRate = RateLimit{PerMinute: 60, Burst: 3}
			c.SessionRate = RateLimit{PerMinute: -1}
			c.RefusalDelay = 500 * time.Millisecond
			c.sleep = rec.sleep
		})
		from := map[string]string{"X-Forwarded-For": "198.51.100.1"} // via the trusted loopback proxy
		for i := range 3 {
			if status, body := post(t, env, "/api/v1/chat", `{"message":"Hallo"}`, from); status != 200 {
				t.Fatalf("request %d: %d %v", i, status, body)
			}
		}
		// Every request counts, even one with a bad body.
		resp, body := postRaw(t, env, "/api/v1/chat", `{"message":`, from)
		if resp.StatusCode != 429 || !contains(body, `"code":"rate_limited"`) || resp.Header.Get("Retry-After") != "1" {
			t.Fatalf("4th request: %d %s Retry-After %q", resp.StatusCode, body, resp.Header.Get("Retry-After"))
		}
		if n := len(env.chat.calls); n != 3 {
			t.Errorf("chatter called %d times, want 3", n)
		}
		// The refusal was held back for min(Retry-After, RefusalDelay).
		if diff := cmp.Diff([]time.Duration{500 * time.Millisecond}, rec.waits()); diff != "" {
			t.Errorf("refusal delays (-want +got):\n%s", diff)
		}
		// Another client behind the same proxy is not affected.
		if status, _ := post(t, env, "/api/v1/chat", `{"message":"Hallo"}`, map[string]string{"X-Forwarded-For": "198.51.100.2"}); status != 200 {
			t.Errorf("other client: %d", status)
		}
		env.clock.Advance(time.Second)
		if status, _ := post(t, env, "/api/v1/chat", `{"message":"Hallo"}`, from); status != 200 {
			t.Errorf("after Retry-After: %d", status)
		}
	})
	t.Run("per session", func(t *testing.T) {
		env := mustServe(t, func(c *Config) {
			c.IPRate = RateLimit{PerMinute: -1}
			c.SessionRate = RateLimit{PerMinute: 20, Burst: 2}
			c.RefusalDelay = -1
		})
		_, body := post(t, env, "/api/v1/chat", `{"message":"eins"}`, nil)
		sid := body["session_id"].(string)
		msg := `{"session_id":"` + sid + `","message":"zwei"}`
		if status, _ := post(t, env, "/api/v1/chat", msg, nil); status != 200 {
			t.Fatalf("second: %d", status)
		}
		resp, b := postRaw(t, env, "/api/v1/chat", msg, nil)
		if resp.StatusCode != 429 || resp.Header.Get("Retry-After") != "3" || !contains(b, "3 Sekunden") {
			t.Errorf("third: %d %s Retry-After %q", resp.StatusCode, b, resp.Header.Get("Retry-After"))
		}
		// The refused message was not processed.
		if n := len(env.chat.calls); n != 2 {
			t.Errorf("chatter called %d times, want 2", n)
		}
		// A new session may talk.
		if status, _ := post(t, env, "/api/v1/chat", `{"message":"neu"}`, nil); status != 200 {
			t.Errorf("new session: %d", status)
		}
	})
}

// rateLimitedEvent checks ev is a rate_limited error with retry_after.
func rateLimitedEvent(t *testing.T, ev map[string]any, retry float64) {
	t.Helper()
	if ev["type"] != "error" || ev["code"] != "rate_limited" || ev["retry_after"] != retry || ev["seq"] != nil || !contains(fmt.Sprint(ev["message"]), "erneut") {
		t.Errorf("got %v, want rate_limited error with retry_after %v", ev, retry)
	}
}

func TestWSRateLimit(t *testing.T) {
	t.Run("per session", func(t *testing.T) {
		env := mustServe(t, func(c *Config) {
			c.IPRate = RateLimit{PerMinute: -1}
			c.SessionRate = RateLimit{PerMinute: 30, Burst: 2}
		})
		c := mustDial(t, env, "/ws", nil)
		c.until("welcome")
		c.sendJSON(map[string]any{"type": "message", "text": "eins"})
		ans, _ := c.until("answer")
		c.sendJSON(map[string]any{"type": "feedback", "answer_id": ans["answer_id"], "rating": "up"}) // counts too
		c.until("notice")
		for _, frame := range []map[string]any{
			{"type": "message", "text": "zwei"},
			{"type": "request_human"},
			{"type": "feedback", "answer_id": ans["answer_id"], "rating": "down"},
		} {
			c.sendJSON(frame)
			rateLimitedEvent(t, c.next(), 2)
		}
		if n := len(env.chat.calls); n != 1 {
			t.Errorf("chatter called %d times, want 1", n)
		}
		// Typing and resume are not limited, and the connection is open.
		c.sendJSON(map[string]any{"type": "typing"})
		env.clock.Advance(2 * time.Second)
		c.sendJSON(map[string]any{"type": "message", "text": "nochmal"})
		if ans, _ := c.until("answer"); ans["text"] != "Antwort auf: nochmal" {
			t.Errorf("after waiting: %v", ans)
		}
	})
	t.Run("per address over several connections", func(t *testing.T) {
		env := mustServe(t, func(c *Config) {
			c.IPRate = RateLimit{PerMinute: 60, Burst: 2}
			c.SessionRate = RateLimit{PerMinute: -1}
		})
		a := mustDial(t, env, "/ws", nil)
		b := mustDial(t, env, "/ws", nil)
		other := mustDial(t, env, "/ws", http.Header{"X-Forwarded-For": {"198.51.100.7"}})
		for _, c := range []*wsClient{a, b, other} {
			c.until("welcome")
		}
		a.sendJSON(map[string]any{"type": "message", "text": "a"})
		a.until("answer")
		b.sendJSON(map[string]any{"type": "message", "text": "b"})
		b.until("answer")
		a.sendJSON(map[string]any{"type": "message", "text": "a2"})
		rateLimitedEvent(t, a.next(), 1)
		other.sendJSON(map[string]any{"type": "message", "text": "anderer Anschluss"})
		other.until("answer")
	})
}

// TestWSRateLimitedMessageIsNotProcessed sends two messages at once with a
// burst of one: the second is refused and never reaches the assistant or
// the stored conversation.
func TestWSRateLimitedMessageIsNotProcessed(t *testing.T) {
	env := mustServe(t, func(c *Config) { c.SessionRate = RateLimit{PerMinute: 6, Burst: 1} })
	c := mustDial(t, env, "/ws", nil)
	c.until("welcome")
	c.sendJSON(map[string]any{"type": "message", "text": "eins"})
	c.sendJSON(map[string]any{"type": "message", "text": "zwei"})
	var gotError, gotAnswer bool
	for !gotError || !gotAnswer {
		switch ev := c.next(); ev["type"] {
		case "error":
			rateLimitedEvent(t, ev, 10)
			gotError = true
		case "answer":
			gotAnswer = true
		}
	}
	env.srv.turns.Wait()
	for _, call := range env.chat.calls {
		if call.Msg.Text == "zwei" {
			t.Error("the refused message reached the chatter")
		}
	}
	if n := len(env.store.only(t).Entries); n != 2 {
		t.Errorf("stored %d entries, want 2", n)
	}
}

func TestWSFramePacing(t *testing.T) {
	rec := &sleepRecorder{}
	env := mustServe(t, func(c *Config) {
		c.FrameRate = RateLimit{PerMinute: 60, Burst: 3}
		c.sleep = rec.sleep
	})
	c := mustDial(t, env, "/ws", nil)
	c.until("welcome")
	for range 6 {
		c.sendJSON(map[string]any{"type": "typing"})
	}
	c.sendJSON(map[string]any{"type": "message", "text": "Hallo"})
	c.until("answer")
	// Frames 4 to 7 each waited for the next token of the 1/s bucket
	// (the test clock stands still, so the waits add up).
	want := []time.Duration{time.Second, 2 * time.Second, 3 * time.Second, 4 * time.Second}
	if diff := cmp.Diff(want, rec.waits()); diff != "" {
		t.Errorf("read pauses (-want +got):\n%s", diff)
	}
}

func TestWSConnectionCap(t *testing.T) {
	env := mustServe(t, func(c *Config) { c.MaxConnsPerIP = 2 })
	a := mustDial(t, env, "/ws", nil)
	a.until("welcome")
	b := mustDial(t, env, "/ws", nil)
	b.until("welcome")
	_, resp, err := websocket.DefaultDialer.Dial(wsURL(env, "/ws"), nil)
	if err == nil || resp == nil || resp.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("third connection: err %v resp %v", err, resp)
	}
	body, _ := io.ReadAll(resp.Body)
	if !contains(string(body), `"code":"too_many_connections"`) {
		t.Errorf("body %s", body)
	}
	// Another address may connect; a closed connection frees its place.
	mustDial(t, env, "/ws", http.Header{"X-Forwarded-For": {"198.51.100.7"}}).until("welcome")
	a.ws.Close()
	waitFor(t, "a free place", func() bool {
		ws, _, err := websocket.DefaultDialer.Dial(wsURL(env, "/ws"), nil)
		if err != nil {
			return false
		}
		ws.Close()
		return true
	})
}

func TestNewValidatesLimits(t *testing.T) {
	ok := Config{Chat: &fakeChatter{}, Store: newMemStore()}
	tests := []struct {
		name string
		mod  func(*Config)
	}{
		{"rate without burst", func(c *Config) { c.IPRate = RateLimit{PerMinute: 10} }},
		{"burst without rate", func(c *Config) { c.SessionRate = RateLimit{Burst: 3} }},
		{"frame rate without burst", func(c *Config) { c.FrameRate = RateLimit{PerMinute: 10, Burst: -1} }},
		{"tiny table", func(c *Config) { c.MaxTrackedClients = 5 }},
		{"tiny conversation", func(c *Config) { c.MaxConversationEntries = 3 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := ok
			tt.mod(&cfg)
			if _, err := New(cfg); err == nil {
				t.Error("New accepted invalid config")
			}
		})
	}
	srv, err := New(ok)
	if err != nil {
		t.Fatal(err)
	}
	want := []any{RateLimit{30, 10}, RateLimit{12, 5}, RateLimit{120, 20}, 20, 50000, time.Second, 200}
	got := []any{srv.cfg.IPRate, srv.cfg.SessionRate, srv.cfg.FrameRate, srv.cfg.MaxConnsPerIP, srv.cfg.MaxTrackedClients, srv.cfg.RefusalDelay, srv.cfg.MaxConversationEntries}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("defaults (-want +got):\n%s", diff)
	}
}

func TestWSSocketReadBufferIsSmall(t *testing.T) {
	env := mustServe(t, nil)
	c := mustDial(t, env, "/ws", nil)
	c.until("welcome")
	env.srv.mu.Lock()
	var conns []*conn
	for sc := range env.srv.conns {
		conns = append(conns, sc)
	}
	env.srv.mu.Unlock()
	if len(conns) != 1 {
		t.Fatalf("%d connections", len(conns))
	}
	tc, ok := conns[0].ws.NetConn().(*net.TCPConn)
	if !ok {
		t.Skipf("not a TCP connection: %T", conns[0].ws.NetConn())
	}
	raw, err := tc.SyscallConn()
	if err != nil {
		t.Fatal(err)
	}
	var size int
	var serr error
	if err := raw.Control(func(fd uintptr) { size, serr = syscall.GetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF) }); err != nil || serr != nil {
		t.Fatal(err, serr)
	}
	// Linux reports twice the size set, for its bookkeeping.
	if size > 2*socketReadBuffer {
		t.Errorf("receive buffer %d bytes, want at most %d", size, 2*socketReadBuffer)
	}
}

// TestEmployeesAreLimitedByName: the intranet proxy may be the only
// address all employees come from; each employee has the per-address
// budget for themselves.
func TestEmployeesAreLimitedByName(t *testing.T) {
	env := mustServe(t, func(c *Config) {
		c.IPRate = RateLimit{PerMinute: 60, Burst: 1}
		c.SessionRate = RateLimit{PerMinute: -1}
		c.MaxConnsPerIP = 1
		c.RefusalDelay = -1
	})
	as := func(user string) map[string]string { return map[string]string{"X-Remote-User": user} }
	if status, _ := post(t, env, "/intern/api/v1/chat", `{"message":"VPN"}`, as("m.muster")); status != 200 {
		t.Fatalf("first employee: %d", status)
	}
	if status, _ := post(t, env, "/intern/api/v1/chat", `{"message":"VPN"}`, as("e.andere")); status != 200 {
		t.Errorf("second employee behind the same proxy: %d", status)
	}
	if status, body := post(t, env, "/intern/api/v1/chat", `{"message":"VPN"}`, as("m.muster")); status != 429 {
		t.Errorf("first employee again: %d %v", status, body)
	}
	mustDial(t, env, "/intern/ws", http.Header{"X-Remote-User": {"m.muster"}}).until("welcome")
	mustDial(t, env, "/intern/ws", http.Header{"X-Remote-User": {"e.andere"}}).until("welcome")
	if _, resp, err := websocket.DefaultDialer.Dial(wsURL(env, "/intern/ws"), http.Header{"X-Remote-User": {"m.muster"}}); err == nil || resp.StatusCode != 429 {
		t.Errorf("second socket of one employee: %v", err)
	}
	// The citizens' budget of the proxy address is separate.
	if status, _ := post(t, env, "/api/v1/chat", `{"message":"Hallo"}`, nil); status != 200 {
		t.Errorf("citizen: %d", status)
	}
}

// TestLimitsSharedByInstances: with Instances set, each instance enforces
// its share of the address, session and connection limits, so that the
// instances together allow no more than the configured limit.
func TestLimitsSharedByInstances(t *testing.T) {
	cfg := Config{IPRate: RateLimit{PerMinute: 30, Burst: 10}, SessionRate: RateLimit{PerMinute: 12, Burst: 5}, FrameRate: RateLimit{PerMinute: -1},
		MaxConnsPerIP: 5, Instances: 2}
	cfg.setDefaults()
	cfg.shareLimits()
	want := Config{IPRate: RateLimit{PerMinute: 15, Burst: 5}, SessionRate: RateLimit{PerMinute: 6, Burst: 2}, MaxConnsPerIP: 2}
	if cfg.IPRate != want.IPRate || cfg.SessionRate != want.SessionRate || cfg.MaxConnsPerIP != want.MaxConnsPerIP || cfg.FrameRate.PerMinute != -1 {
		t.Errorf("shares: IP %+v session %+v conns %d frames %+v", cfg.IPRate, cfg.SessionRate, cfg.MaxConnsPerIP, cfg.FrameRate)
	}
	one := Config{IPRate: RateLimit{PerMinute: 30, Burst: 10}, MaxConnsPerIP: -1, Instances: 1}
	one.setDefaults()
	one.shareLimits()
	if one.IPRate != (RateLimit{PerMinute: 30, Burst: 10}) || one.MaxConnsPerIP != -1 {
		t.Errorf("one instance changed its limits: %+v %d", one.IPRate, one.MaxConnsPerIP)
	}
	if _, err := New(Config{Chat: &fakeChatter{}, Store: newMemStore(), Instances: 65}); err == nil {
		t.Error("65 instances accepted")
	}
}

// fakeBuckets is a TokenBuckets in memory, like the shared table.
type fakeBuckets struct {
	mu    sync.Mutex
	m     map[string]*rate.Limiter
	fail  error
	takes int
}

func (f *fakeBuckets) TakeToken(_ context.Context, key string, perSec float64, burst int) (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail != nil {
		return false, f.fail
	}
	f.takes++
	b, ok := f.m[key]
	if !ok {
		b = rate.NewLimiter(rate.Limit(perSec), burst)
		f.m[key] = b
	}
	return b.Allow(), nil
}

func (f *fakeBuckets) DeleteIdleRateBuckets(context.Context, time.Time) (int, error) { return 0, nil }

// TestSharedBucketsHoldAcrossInstances: two instances with shared buckets
// let one client through exactly as often as the limit allows in total;
// when the buckets fail, each instance falls back on its share, which
// still holds the total.
func TestSharedBucketsHoldAcrossInstances(t *testing.T) {
	for _, broken := range []bool{false, true} {
		buckets := &fakeBuckets{m: make(map[string]*rate.Limiter)}
		if broken {
			buckets.fail = errors.New("database gone")
		}
		opt := func(c *Config) {
			c.Buckets = buckets
			c.Instances = 2
			c.IPRate = RateLimit{PerMinute: 1, Burst: 4}
			c.SessionRate = RateLimit{PerMinute: -1}
			c.RefusalDelay = -1
		}
		envs := []*testEnv{mustServe(t, opt), mustServe(t, opt)}
		ok := 0
		for i := range 12 {
			resp, err := http.Post(envs[i%2].http.URL+"/api/v1/chat", "application/json", strings.NewReader(`{"message":"Hallo"}`))
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				ok++
			}
		}
		if ok != 4 {
			t.Errorf("broken buckets %v: %d of 12 messages accepted over two instances, want the burst of 4", broken, ok)
		}
		if !broken && buckets.takes != 12 {
			t.Errorf("%d takes from the shared buckets, want 12", buckets.takes)
		}
	}
}
