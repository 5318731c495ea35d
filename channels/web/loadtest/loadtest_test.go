// SPDX-License-Identifier: EUPL-1.2

package loadtest

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/channels/web"
)

// slowChatter answers every message after a short pause.
type slowChatter struct{}

func (slowChatter) Turn(ctx context.Context, conv *assistant.Conversation, msg assistant.Message) iter.Seq2[assistant.Chunk, error] {
	return func(yield func(assistant.Chunk, error) bool) {
		select {
		case <-time.After(5 * time.Millisecond):
		case <-ctx.Done():
			yield(assistant.Chunk{}, ctx.Err())
			return
		}
		if !yield(assistant.Chunk{Kind: assistant.ChunkToken, Text: "Antwort"}, nil) {
			return
		}
		yield(assistant.Chunk{Kind: assistant.ChunkAnswer, Answer: &assistant.Answer{Text: "Antwort auf: " + msg.Text}}, nil)
	}
}

type memStore struct {
	mu sync.Mutex
	m  map[string][]byte
}

func (s *memStore) Load(_ context.Context, id string) (*assistant.Conversation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.m[id]
	if !ok {
		return nil, assistant.ErrNotFound
	}
	var c assistant.Conversation
	return &c, json.Unmarshal(b, &c)
}

func (s *memStore) Save(_ context.Context, c *assistant.Conversation) error {
	b, err := json.Marshal(c)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[c.ID] = b
	return err
}

// unlimited switches off the server's rate limits, which the tool's
// active sessions (asking without pause) would exceed at once.
func unlimited(c *web.Config) {
	c.IPRate = web.RateLimit{PerMinute: -1}
	c.SessionRate = web.RateLimit{PerMinute: -1}
	c.FrameRate = web.RateLimit{PerMinute: -1}
}

// mustServe starts a web server with slowChatter on loopback; opt may
// change its config.
func mustServe(tb testing.TB, opt func(*web.Config)) *httptest.Server {
	tb.Helper()
	cfg := web.Config{Chat: slowChatter{}, Store: &memStore{m: map[string][]byte{}}}
	if opt != nil {
		opt(&cfg)
	}
	srv, err := web.New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	r := chi.NewRouter()
	srv.Routes(r)
	hs := httptest.NewServer(r)
	tb.Cleanup(func() {
		srv.Shutdown(context.Background())
		hs.Close()
	})
	return hs
}

func TestRunSmall(t *testing.T) {
	hs := mustServe(t, unlimited)

	start := time.Now()
	res, err := Run(context.Background(), Options{URL: hs.URL + "/ws", Connected: 20, Active: 5, Duration: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	t.Logf("20 connected, 5 active, 2 s: %d answers, %d errors, p50 %v, p95 %v, p99 %v", res.Answers, res.Errors, res.P50, res.P95, res.P99)
	if res.Connected != 20 || res.Errors != 0 || res.Answers < 50 {
		t.Errorf("result %+v", res)
	}
	if !(res.P50 > 0 && res.P50 <= res.P95 && res.P95 <= res.P99 && res.P99 < time.Second) {
		t.Errorf("percentiles %v %v %v", res.P50, res.P95, res.P99)
	}
	if took > 4*time.Second {
		t.Errorf("run took %v, want about 2 s", took)
	}
}

func TestRunRefusesBadOptions(t *testing.T) {
	tests := []struct {
		name string
		o    Options
		want string
	}{
		{"private address", Options{URL: "ws://10.0.0.1/ws", Connected: 1, Duration: time.Second}, "loopback"},
		{"public host", Options{URL: "https://lotse.musterstadt.example/ws", Connected: 1, Duration: time.Second}, "loopback"},
		{"bad scheme", Options{URL: "ftp://127.0.0.1/ws", Connected: 1, Duration: time.Second}, "scheme"},
		{"too many", Options{URL: "ws://127.0.0.1/ws", Connected: MaxConnected + 1, Duration: time.Second}, "Connected"},
		{"no sessions", Options{URL: "ws://127.0.0.1/ws", Duration: time.Second}, "Connected"},
		{"active > connected", Options{URL: "ws://127.0.0.1/ws", Connected: 2, Active: 3, Duration: time.Second}, "Active"},
		{"too long", Options{URL: "ws://127.0.0.1/ws", Connected: 1, Duration: time.Hour}, "Duration"},
		{"no duration", Options{URL: "ws://127.0.0.1/ws", Connected: 1}, "Duration"},
		{"too many abusers", Options{URL: "ws://127.0.0.1/ws", Connected: 1, Duration: time.Second, Abusers: MaxAbusers + 1}, "Abusers"},
		{"negative REST abusers", Options{URL: "ws://127.0.0.1/ws", Connected: 1, Duration: time.Second, RESTAbusers: -1}, "Abusers"},
		{"REST elsewhere", Options{URL: "ws://127.0.0.1/ws", Connected: 1, Duration: time.Second, RESTAbusers: 1, RESTURL: "http://10.0.0.1/api/v1/chat"}, "loopback"},
		{"REST not HTTP", Options{URL: "ws://127.0.0.1/ws", Connected: 1, Duration: time.Second, RESTAbusers: 1, RESTURL: "ws://127.0.0.1/api/v1/chat"}, "http"},
		{"negative think", Options{URL: "ws://127.0.0.1/ws", Connected: 1, Duration: time.Second, Think: -time.Second}, "Think"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Run(context.Background(), tt.o)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err %v, want mention of %q", err, tt.want)
			}
		})
	}
	for _, host := range []string{"127.0.0.1", "127.8.9.10", "::1", "localhost", "::ffff:127.0.0.1"} {
		if !isLoopback(host) {
			t.Errorf("%s not loopback", host)
		}
	}
}

func TestRunCountsRefusedConnections(t *testing.T) {
	// A listener that was closed: every handshake fails.
	hs := httptest.NewServer(nil)
	url := hs.URL
	hs.Close()
	res, err := Run(context.Background(), Options{URL: url + "/ws", Connected: 3, Active: 1, Duration: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if res.Errors != 3 || res.Connected != 0 || res.Answers != 0 {
		t.Errorf("result %+v", res)
	}
}

func TestPercentile(t *testing.T) {
	var d []time.Duration
	for i := 1; i <= 100; i++ {
		d = append(d, time.Duration(i)*time.Millisecond)
	}
	if percentile(d, 50) != 50*time.Millisecond || percentile(d, 95) != 95*time.Millisecond || percentile(d, 99) != 99*time.Millisecond {
		t.Errorf("percentiles %v %v %v", percentile(d, 50), percentile(d, 95), percentile(d, 99))
	}
	if percentile(nil, 50) != 0 || percentile(d[:1], 99) != time.Millisecond {
		t.Error("edge cases")
	}
}

func TestCheckOptionsRESTURL(t *testing.T) {
	tests := []struct{ url, ws, rest string }{
		{"http://127.0.0.1:8080/ws", "ws://127.0.0.1:8080/ws", "http://127.0.0.1:8080/api/v1/chat"},
		{"wss://localhost/intern/ws", "wss://localhost/intern/ws", "https://localhost/intern/api/v1/chat"},
	}
	for _, tt := range tests {
		o := Options{URL: tt.url, Connected: 1, Duration: time.Second}
		ws, rest, err := checkOptions(&o)
		if err != nil || ws != tt.ws || rest != tt.rest {
			t.Errorf("checkOptions(%s) = %s, %s, %v; want %s, %s", tt.url, ws, rest, err, tt.ws, tt.rest)
		}
	}
}

func TestHeaderForwardedFor(t *testing.T) {
	o := Options{Header: http.Header{"X-Remote-User": {"m.muster"}}}
	if h := header(o, "198.18.0.0", 0); h.Get("X-Forwarded-For") != "" || h.Get("X-Remote-User") != "m.muster" {
		t.Errorf("without ForwardedFor: %v", h)
	}
	o.ForwardedFor = true
	for _, tt := range []struct {
		base string
		n    int
		want string
	}{
		{"198.18.0.0", 0, "198.18.0.1"},
		{"198.18.0.0", 1999, "198.18.7.208"},
		{"198.19.128.0", 5, "198.19.128.6"},
	} {
		if got := header(o, tt.base, tt.n).Get("X-Forwarded-For"); got != tt.want {
			t.Errorf("header(%s, %d) = %s, want %s", tt.base, tt.n, got, tt.want)
		}
	}
	if o.Header.Get("X-Forwarded-For") != "" {
		t.Error("header changed the caller's Header")
	}
}

// abuseServer has the default limits and trusts the loopback proxy, so
// that every simulated client (Options.ForwardedFor) has its own address.
func abuseServer(tb testing.TB) *httptest.Server {
	return mustServe(tb, func(c *web.Config) {
		c.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}
	})
}

// TestRunWithAbusers checks the abuse mode: the abusers flood and are
// refused, the normal sessions (within the default limits) are not.
func TestRunWithAbusers(t *testing.T) {
	// A small address burst, so that the REST abuser is refused soon even
	// on a slow machine; the normal sessions ask at most three times.
	hs := mustServe(t, func(c *web.Config) {
		c.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}
		c.IPRate = web.RateLimit{PerMinute: 60, Burst: 3}
	})
	res, err := Run(context.Background(), Options{
		URL: hs.URL + "/ws", Connected: 4, Active: 2, Duration: 2 * time.Second, Think: time.Second,
		ForwardedFor: true, Abusers: 2, RESTAbusers: 1,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", res)
	if res.Connected != 4 || res.Errors != 0 || res.RateLimited != 0 || res.Answers < 2 {
		t.Errorf("normal clients: %+v", res)
	}
	a := res.Abuse
	if a.Sent <= a.Answers || a.RateLimited == 0 || a.Dials < 2 {
		t.Errorf("WebSocket abusers: %+v", a)
	}
	if a.RESTSent == 0 || a.RESTLimited == 0 || a.RESTSent != a.RESTLimited+a.RESTOK {
		t.Errorf("REST abuser: %+v", a)
	}
}

func TestRunAbuseNeedsAbusers(t *testing.T) {
	if _, _, err := RunAbuse(context.Background(), Options{URL: "ws://127.0.0.1/ws", Connected: 1, Duration: time.Second}); err == nil {
		t.Error("RunAbuse without abusers")
	}
}

// BenchmarkAbuse compares the answer latency of normal clients without
// and with abusers (the server has its default limits; every simulated
// client has its own address). Run it once:
//
//	go test -run '^$' -bench BenchmarkAbuse -benchtime 1x ./channels/web/loadtest/
//
// It reports quiet_p95_ms and abused_p95_ms; the goal is abused ≤ 2×
// quiet. Normal clients ask every 5 s, the pace the default per-session
// limit (12 per minute) allows.
func BenchmarkAbuse(b *testing.B) {
	hs := abuseServer(b)
	opts := Options{
		URL: hs.URL + "/ws", Connected: 60, Active: 60, Duration: 15 * time.Second, Think: 5 * time.Second,
		ForwardedFor: true, Abusers: 10, RESTAbusers: 2,
	}
	var quiet, abused Result
	for b.Loop() {
		var err error
		quiet, abused, err = RunAbuse(context.Background(), opts)
		if err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("quiet:  %+v", quiet)
	b.Logf("abused: %+v", abused)
	b.ReportMetric(float64(quiet.P95)/float64(time.Millisecond), "quiet_p95_ms")
	b.ReportMetric(float64(abused.P95)/float64(time.Millisecond), "abused_p95_ms")
	b.ReportMetric(float64(abused.Abuse.Sent+abused.Abuse.RESTSent), "abuser_msgs")
	b.ReportMetric(float64(abused.RateLimited+abused.Errors), "normal_errors")
	b.ReportMetric(0, "ns/op")
}
