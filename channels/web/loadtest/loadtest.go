// Package loadtest drives a Lotse WebSocket chat endpoint with many
// concurrent sessions and measures the time from sending a question to
// receiving its final answer. cmd/lotse exposes it as "lotse bench chat".
//
// It is a measuring tool for the machine it runs on, not a stress tool for
// other hosts: it refuses any target that is not a loopback address, and
// both the number of sessions and the duration are bounded.
package loadtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// Limits of a run.
const (
	MaxConnected = 2000
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
}

// Result summarizes a run. Latencies are from sending a question to its
// "answer" event.
type Result struct {
	P50, P95, P99 time.Duration
	Answers       int // answers received
	Errors        int // failed handshakes, dropped connections and error events
	Connected     int // sessions that were greeted
}

var defaultQuestions = []string{
	"Was kostet ein Reisepass?",
	"Wie melde ich meinen Wohnsitz um?",
	"Welche Unterlagen brauche ich für den Personalausweis?",
	"Wann hat das Bürgerbüro geöffnet?",
	"Wie hoch ist die Hundesteuer?",
}

// Run opens opts.Connected sessions, lets opts.Active of them chat until
// opts.Duration has passed or ctx ends, and returns the measurements. It
// returns an error only for invalid options.
func Run(ctx context.Context, opts Options) (Result, error) {
	target, err := checkOptions(&opts)
	if err != nil {
		return Result{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Duration)
	defer cancel()

	var (
		mu        sync.Mutex
		latencies []time.Duration
		res       Result
		wg        sync.WaitGroup
		dialSlots = make(chan struct{}, 32) // bounded handshake burst
	)
	record := func(lat time.Duration, answers, errs, greeted int) {
		mu.Lock()
		defer mu.Unlock()
		if lat > 0 {
			latencies = append(latencies, lat)
		}
		res.Answers += answers
		res.Errors += errs
		res.Connected += greeted
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
			c, err := dial(ctx, target, opts.Header)
			<-dialSlots
			if err != nil {
				if ctx.Err() == nil {
					record(0, 0, 1, 0)
				}
				return
			}
			defer c.close()
			record(0, 0, 0, 1)
			if i < opts.Active {
				c.chat(ctx, opts.Questions, i, record)
			} else {
				c.idle(ctx, record)
			}
		}()
	}
	wg.Wait()

	slices.Sort(latencies)
	res.P50 = percentile(latencies, 50)
	res.P95 = percentile(latencies, 95)
	res.P99 = percentile(latencies, 99)
	return res, nil
}

func checkOptions(o *Options) (string, error) {
	switch {
	case o.Connected < 1 || o.Connected > MaxConnected:
		return "", fmt.Errorf("loadtest: Connected must be 1..%d, got %d", MaxConnected, o.Connected)
	case o.Active < 0 || o.Active > o.Connected:
		return "", fmt.Errorf("loadtest: Active must be 0..Connected (%d), got %d", o.Connected, o.Active)
	case o.Duration <= 0 || o.Duration > MaxDuration:
		return "", fmt.Errorf("loadtest: Duration must be in (0, %v], got %v", MaxDuration, o.Duration)
	}
	if len(o.Questions) == 0 {
		o.Questions = defaultQuestions
	}
	u, err := url.Parse(o.URL)
	if err != nil {
		return "", fmt.Errorf("loadtest: URL: %w", err)
	}
	switch u.Scheme {
	case "ws", "wss":
	case "http":
		u.Scheme = "ws"
	case "https":
		u.Scheme = "wss"
	default:
		return "", fmt.Errorf("loadtest: URL %q: scheme must be ws, wss, http or https", o.URL)
	}
	if !isLoopback(u.Hostname()) {
		return "", fmt.Errorf("loadtest: URL %q: only loopback hosts (127.0.0.0/8, ::1, localhost) may be targeted", o.URL)
	}
	return u.String(), nil
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

// dial connects and waits for the welcome.
func dial(ctx context.Context, target string, hdr http.Header) (*client, error) {
	d := websocket.Dialer{
		HandshakeTimeout: 10 * time.Second,
		// Dial only loopback addresses, whatever "localhost" resolves to.
		NetDialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			c, err := (&net.Dialer{}).DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			if ap, err := netip.ParseAddrPort(c.RemoteAddr().String()); err != nil || !ap.Addr().Unmap().IsLoopback() {
				c.Close()
				return nil, fmt.Errorf("loadtest: %s is not a loopback address", c.RemoteAddr())
			}
			return c, nil
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

// chat asks questions one after another until ctx ends.
func (c *client) chat(ctx context.Context, questions []string, n int, record func(time.Duration, int, int, int)) {
	stop := context.AfterFunc(ctx, func() { c.ws.SetReadDeadline(time.Now()) })
	defer stop()
	for q := n; ctx.Err() == nil; q++ {
		msg, _ := json.Marshal(map[string]string{"type": "message", "text": questions[q%len(questions)]})
		start := time.Now()
		c.ws.SetWriteDeadline(time.Now().Add(10 * time.Second))
		if err := c.ws.WriteMessage(websocket.TextMessage, msg); err != nil {
			if ctx.Err() == nil {
				record(0, 0, 1, 0)
			}
			return
		}
		for {
			ev, err := c.read()
			if err != nil {
				if ctx.Err() == nil {
					record(0, 0, 1, 0)
				}
				return
			}
			if ev.Type == "answer" {
				record(time.Since(start), 1, 0, 0)
				break
			}
			if ev.Type == "error" {
				record(0, 0, 1, 0)
				break
			}
		}
	}
}

// idle holds the session open, answering pings, until ctx ends.
func (c *client) idle(ctx context.Context, record func(time.Duration, int, int, int)) {
	stop := context.AfterFunc(ctx, func() { c.ws.SetReadDeadline(time.Now()) })
	defer stop()
	for {
		if _, err := c.read(); err != nil {
			if ctx.Err() == nil {
				record(0, 0, 1, 0)
			}
			return
		}
	}
}
