// SPDX-License-Identifier: EUPL-1.2

// Package loadtest drives a Lotse WebSocket chat endpoint with many
// concurrent sessions and measures the time from sending a question to
// receiving its final answer. cmd/lotse exposes it as "lotse bench chat".
// With Options.Abusers and Options.RESTAbusers it adds clients that flood
// the server, to measure how well the normal clients are protected from
// them (RunAbuse compares a quiet run with an abused one).
//
// It is a measuring tool for the machine it runs on, not a stress tool for
// other hosts: it refuses any target that is not a loopback address, and
// the number of sessions and abusers and the duration are bounded.
package loadtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

// Limits of a run.
const (
	MaxConnected = 2000
	MaxAbusers   = 200
	MaxDuration  = 10 * time.Minute
)

// Options describe a run.
type Options struct {
	// URL of the WebSocket endpoint, e.g. "ws://127.0.0.1:8080/ws"; http
	// and https URLs are turned into ws and wss. The host must be a
	// loopback address or "localhost".
	URL string
	// Connected is the number of sessions opened and held, 1..MaxConnected.
	Connected int
	// Active is how many of them ask questions, one after the other,
	// 0..Connected.
	Active int
	// Duration of the run, up to MaxDuration.
	Duration time.Duration
	// Questions are asked round-robin; empty means a built-in German set.
	Questions []string
	// Header is sent with each handshake (e.g. the employee header for
	// /intern/ws behind a local proxy); may be nil.
	Header http.Header
	// Think is how long an active session waits after an answer before
	// its next question; 0 means it asks at once. With Think, the active
	// sessions also start spread over the first Think rather than all at
	// once, as people do.
	Think time.Duration
	// ForwardedFor gives every session and abuser its own address from
	// the benchmarking range 198.18.0.0/15 in X-Forwarded-For, so that a
	// server which trusts the loopback proxy applies its per-address
	// limits to each of them rather than to all together.
	ForwardedFor bool

	// Abusers are extra WebSocket sessions, 0..MaxAbusers, that send
	// questions as fast as the server reads them, ignore rate-limit errors
	// and reconnect when dropped. They are counted in Result.Abuse, not in
	// the latencies.
	Abusers int
	// RESTAbusers are extra clients, 0..MaxAbusers, that post questions
	// to RESTURL one after the other as fast as the server answers,
	// ignoring 429s.
	RESTAbusers int
	// RESTURL is the REST chat endpoint for RESTAbusers; empty means URL
	// with its last path element "ws" replaced by "api/v1/chat". It must
	// be a loopback address as well.
	RESTURL string
}

// Result summarizes a run. Latencies are from sending a question to its
// "answer" event.
type Result struct {
	P50, P95, P99 time.Duration
	Answers       int // answers received
	Errors        int // failed handshakes, dropped connections and error events
	RateLimited   int // rate_limited error events (also counted in Errors)
	Connected     int // sessions that were greeted
	Abuse         AbuseResult
}

// AbuseResult counts what the abusers did and got.
type AbuseResult struct {
	Sent        int // WebSocket messages sent
	RateLimited int // rate_limited errors received for them
	Answers     int // answers received anyway
	Dials       int // handshakes tried (the first and reconnects)
	RESTSent    int // REST requests completed
	RESTLimited int // of those, answered 429
	RESTOK      int // of those, answered 200
}

var defaultQuestions = []string{
	"Was kostet ein Reisepass?",
	"Wie melde ich meinen Wohnsitz um?",
	"Welche Unterlagen brauche ich für den Personalausweis?",
	"Wann hat das Bürgerbüro geöffnet?",
	"Wie hoch ist die Hundesteuer?",
}

// Run opens opts.Connected sessions, lets opts.Active of them chat until
// opts.Duration has passed or ctx ends, meanwhile runs the abusers, and
// returns the measurements. It returns an error only for invalid options.
func Run(ctx context.Context, opts Options) (Result, error) {
	target, restTarget, err := checkOptions(&opts)
	if err != nil {
		return Result{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Duration)
	defer cancel()

	var (
		mu        sync.Mutex
		latencies []time.Duration
		res       Result
		abuse     abuseCounters
		wg        sync.WaitGroup
		dialSlots = make(chan struct{}, 32) // bounded handshake burst
	)
	record := func(d delta) {
		mu.Lock()
		defer mu.Unlock()
		if d.latency > 0 {
			latencies = append(latencies, d.latency)
		}
		res.Answers += d.answers
		res.Errors += d.errors
		res.RateLimited += d.rateLimited
		res.Connected += d.greeted
	}
	for i := range opts.Connected {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case dialSlots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			c, err := dial(ctx, target, header(opts, "198.18.0.0", i), false)
			<-dialSlots
			if err != nil {
				if ctx.Err() == nil {
					record(delta{errors: 1})
				}
				return
			}
			defer c.close()
			record(delta{greeted: 1})
			if i < opts.Active {
				var start time.Duration
				if opts.Think > 0 {
					start = opts.Think * time.Duration(i) / time.Duration(opts.Active)
				}
				c.chat(ctx, opts.Questions, i, start, opts.Think, record)
			} else {
				c.idle(ctx, record)
			}
		}()
	}
	for i := range opts.Abusers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			abuseWS(ctx, target, header(opts, "198.19.0.0", i), opts.Questions[i%len(opts.Questions)], &abuse)
		}()
	}
	if opts.RESTAbusers > 0 {
		hc := &http.Client{Transport: &http.Transport{
			DialContext:         loopbackDial,
			MaxIdleConnsPerHost: opts.RESTAbusers,
		}}
		defer hc.CloseIdleConnections()
		for i := range opts.RESTAbusers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				abuseREST(ctx, hc, restTarget, header(opts, "198.19.128.0", i), opts.Questions[i%len(opts.Questions)], &abuse)
			}()
		}
	}
	wg.Wait()

	slices.Sort(latencies)
	res.P50 = percentile(latencies, 50)
	res.P95 = percentile(latencies, 95)
	res.P99 = percentile(latencies, 99)
	res.Abuse = abuse.result()
	return res, nil
}

// RunAbuse measures how much abusers slow down normal clients: it runs
// opts without any abusers (quiet), then opts as given (abused), each for
// opts.Duration, against the same server.
func RunAbuse(ctx context.Context, opts Options) (quiet, abused Result, err error) {
	if opts.Abusers == 0 && opts.RESTAbusers == 0 {
		return Result{}, Result{}, errors.New("loadtest: RunAbuse needs Abusers or RESTAbusers")
	}
	q := opts
	q.Abusers, q.RESTAbusers = 0, 0
	if quiet, err = Run(ctx, q); err != nil {
		return Result{}, Result{}, err
	}
	abused, err = Run(ctx, opts)
	return quiet, abused, err
}

// delta is what one client reports to Run.
type delta struct {
	latency                               time.Duration
	answers, errors, rateLimited, greeted int
}

// header returns opts.Header plus, with ForwardedFor, the n-th address
// after base.
func header(opts Options, base string, n int) http.Header {
	h := opts.Header.Clone()
	if !opts.ForwardedFor {
		return h
	}
	if h == nil {
		h = http.Header{}
	}
	b := netip.MustParseAddr(base).As4()
	v := uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
	v += uint32(n) + 1
	h.Set("X-Forwarded-For", netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}).String())
	return h
}

// abuseCounters are updated by many flooding goroutines at once.
type abuseCounters struct {
	sent, rateLimited, answers, dials atomic.Int64
	restSent, restLimited, restOK     atomic.Int64
}

func (a *abuseCounters) result() AbuseResult {
	return AbuseResult{
		Sent: int(a.sent.Load()), RateLimited: int(a.rateLimited.Load()), Answers: int(a.answers.Load()), Dials: int(a.dials.Load()),
		RESTSent: int(a.restSent.Load()), RESTLimited: int(a.restLimited.Load()), RESTOK: int(a.restOK.Load()),
	}
}

// checkOptions validates o, fills in defaults and returns the WebSocket
// and REST targets.
func checkOptions(o *Options) (ws, rest string, err error) {
	switch {
	case o.Connected < 1 || o.Connected > MaxConnected:
		return "", "", fmt.Errorf("loadtest: Connected must be 1..%d, got %d", MaxConnected, o.Connected)
	case o.Active < 0 || o.Active > o.Connected:
		return "", "", fmt.Errorf("loadtest: Active must be 0..Connected (%d), got %d", o.Connected, o.Active)
	case o.Duration <= 0 || o.Duration > MaxDuration:
		return "", "", fmt.Errorf("loadtest: Duration must be in (0, %v], got %v", MaxDuration, o.Duration)
	case o.Abusers < 0 || o.Abusers > MaxAbusers || o.RESTAbusers < 0 || o.RESTAbusers > MaxAbusers:
		return "", "", fmt.Errorf("loadtest: Abusers and RESTAbusers must be 0..%d, got %d and %d", MaxAbusers, o.Abusers, o.RESTAbusers)
	case o.Think < 0:
		return "", "", fmt.Errorf("loadtest: Think must not be negative, got %v", o.Think)
	}
	if len(o.Questions) == 0 {
		o.Questions = defaultQuestions
	}
	u, err := url.Parse(o.URL)
	if err != nil {
		return "", "", fmt.Errorf("loadtest: URL: %w", err)
	}
	restScheme := "http"
	switch u.Scheme {
	case "ws":
	case "wss":
		restScheme = "https"
	case "http":
		u.Scheme = "ws"
	case "https":
		u.Scheme, restScheme = "wss", "https"
	default:
		return "", "", fmt.Errorf("loadtest: URL %q: scheme must be ws, wss, http or https", o.URL)
	}
	if !isLoopback(u.Hostname()) {
		return "", "", fmt.Errorf("loadtest: URL %q: only loopback hosts (127.0.0.0/8, ::1, localhost) may be targeted", o.URL)
	}
	ws = u.String()
	if o.RESTURL == "" {
		r := *u
		r.Scheme = restScheme
		r.Path = strings.TrimSuffix(r.Path, "ws") + "api/v1/chat"
		rest = r.String()
	} else {
		r, err := url.Parse(o.RESTURL)
		if err != nil || (r.Scheme != "http" && r.Scheme != "https") {
			return "", "", fmt.Errorf("loadtest: RESTURL %q: must be an http or https URL", o.RESTURL)
		}
		if !isLoopback(r.Hostname()) {
			return "", "", fmt.Errorf("loadtest: RESTURL %q: only loopback hosts (127.0.0.0/8, ::1, localhost) may be targeted", o.RESTURL)
		}
		rest = r.String()
	}
	return ws, rest, nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.Unmap().IsLoopback()
}

func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := (len(sorted)*p + 99) / 100 // nearest rank
	return sorted[max(i-1, 0)]
}

type client struct {
	ws *websocket.Conn
}

type serverEvent struct {
	Type string `json:"type"`
	Code string `json:"code"`
}

// abuserSendBuffer is the kernel send buffer of an abuser's socket. On one
// machine the abusers share the CPU with the server and the normal
// sessions; with the default buffer (megabytes), pushing a flood into it
// would cost this machine more than the server's handling of it. An
// abuser elsewhere would pay for that itself, so a run keeps it small.
const abuserSendBuffer = 64 << 10

// dial connects and waits for the welcome. small makes the socket's send
// buffer abuserSendBuffer.
func dial(ctx context.Context, target string, hdr http.Header, small bool) (*client, error) {
	d := websocket.Dialer{
		HandshakeTimeout: 10 * time.Second,
		NetDialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			c, err := loopbackDial(ctx, network, addr)
			if tc, ok := c.(*net.TCPConn); ok && small {
				tc.SetWriteBuffer(abuserSendBuffer)
			}
			return c, err
		},
	}
	ws, _, err := d.DialContext(ctx, target, hdr)
	if err != nil {
		return nil, err
	}
	c := &client{ws: ws}
	stop := context.AfterFunc(ctx, func() { ws.SetReadDeadline(time.Now()) })
	defer stop()
	ev, err := c.read()
	if err != nil || ev.Type != "welcome" {
		ws.Close()
		return nil, errors.Join(errors.New("loadtest: no welcome"), err)
	}
	return c, nil
}

// loopbackDial dials only loopback addresses, whatever "localhost"
// resolves to.
func loopbackDial(ctx context.Context, network, addr string) (net.Conn, error) {
	c, err := (&net.Dialer{}).DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	if ap, err := netip.ParseAddrPort(c.RemoteAddr().String()); err != nil || !ap.Addr().Unmap().IsLoopback() {
		c.Close()
		return nil, fmt.Errorf("loadtest: %s is not a loopback address", c.RemoteAddr())
	}
	return c, nil
}

func (c *client) read() (serverEvent, error) {
	var ev serverEvent
	_, data, err := c.ws.ReadMessage()
	if err != nil {
		return ev, err
	}
	return ev, json.Unmarshal(data, &ev)
}

func (c *client) close() {
	c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""), time.Now().Add(time.Second))
	c.ws.Close()
}

// chat waits for start, then asks questions one after another, think
// apart, until ctx ends.
func (c *client) chat(ctx context.Context, questions []string, n int, start, think time.Duration, record func(delta)) {
	stop := context.AfterFunc(ctx, func() { c.ws.SetReadDeadline(time.Now()) })
	defer stop()
	if start > 0 {
		select {
		case <-time.After(start):
		case <-ctx.Done():
		}
	}
	for q := n; ctx.Err() == nil; q++ {
		msg, _ := json.Marshal(map[string]string{"type": "message", "text": questions[q%len(questions)]})
		start := time.Now()
		c.ws.SetWriteDeadline(time.Now().Add(10 * time.Second))
		if err := c.ws.WriteMessage(websocket.TextMessage, msg); err != nil {
			if ctx.Err() == nil {
				record(delta{errors: 1})
			}
			return
		}
		for {
			ev, err := c.read()
			if err != nil {
				if ctx.Err() == nil {
					record(delta{errors: 1})
				}
				return
			}
			if ev.Type == "answer" {
				record(delta{latency: time.Since(start), answers: 1})
				break
			}
			if ev.Type == "error" {
				d := delta{errors: 1}
				if ev.Code == "rate_limited" {
					d.rateLimited = 1
				}
				record(d)
				break
			}
		}
		if think > 0 {
			select {
			case <-time.After(think):
			case <-ctx.Done():
			}
		}
	}
}

// idle holds the session open, answering pings, until ctx ends.
func (c *client) idle(ctx context.Context, record func(delta)) {
	stop := context.AfterFunc(ctx, func() { c.ws.SetReadDeadline(time.Now()) })
	defer stop()
	for {
		if _, err := c.read(); err != nil {
			if ctx.Err() == nil {
				record(delta{errors: 1})
			}
			return
		}
	}
}

// abuseWS floods target with question until ctx ends: one goroutine
// writes as fast as the server reads, another drains the answers and
// errors; a dropped connection is dialled again.
func abuseWS(ctx context.Context, target string, hdr http.Header, question string, n *abuseCounters) {
	msg, _ := json.Marshal(map[string]string{"type": "message", "text": question})
	for ctx.Err() == nil {
		n.dials.Add(1)
		c, err := dial(ctx, target, hdr, true)
		if err != nil {
			select { // refused (e.g. too many sockets): try again soon
			case <-time.After(100 * time.Millisecond):
			case <-ctx.Done():
			}
			continue
		}
		stop := context.AfterFunc(ctx, func() { c.ws.Close() }) // unblocks both
		drained := make(chan struct{})
		go func() {
			defer close(drained)
			for {
				ev, err := c.read()
				if err != nil {
					c.ws.Close() // unblocks the writer
					return
				}
				switch {
				case ev.Type == "answer":
					n.answers.Add(1)
				case ev.Type == "error" && ev.Code == "rate_limited":
					n.rateLimited.Add(1)
				}
			}
		}()
		for ctx.Err() == nil {
			if err := c.ws.WriteMessage(websocket.TextMessage, msg); err != nil {
				break
			}
			n.sent.Add(1)
		}
		c.ws.Close()
		<-drained
		stop()
	}
}

// abuseREST posts question to target one request after the other until
// ctx ends, whatever the answers say.
func abuseREST(ctx context.Context, hc *http.Client, target string, hdr http.Header, question string, n *abuseCounters) {
	body, _ := json.Marshal(map[string]string{"message": question})
	for ctx.Err() == nil {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, strings.NewReader(string(body)))
		if err != nil {
			return
		}
		for k, v := range hdr {
			req.Header[k] = v
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := hc.Do(req)
		if err != nil {
			select {
			case <-time.After(100 * time.Millisecond):
			case <-ctx.Done():
			}
			continue
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		n.restSent.Add(1)
		switch resp.StatusCode {
		case http.StatusTooManyRequests:
			n.restLimited.Add(1)
		case http.StatusOK:
			n.restOK.Add(1)
		}
	}
}
