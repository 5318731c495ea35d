// SPDX-License-Identifier: EUPL-1.2

package desk

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"log/slog"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/musterstadt/lotse/ticketing"
)

// change is what the event stream tells the queue page. The page knows the
// version it was rendered from and reloads its list when they differ.
type change struct {
	Version string   `json:"version"`
	New     []string `json:"new,omitempty"` // keys of tickets that appeared
}

// snapshot is the state the poller compares.
type snapshot struct {
	version string
	keys    map[string]bool
}

// hub polls for ticket changes while at least one browser listens and fans
// them out. Subscribers get a buffered channel of one; a slow reader only
// misses intermediate versions (not the tickets they announced as new),
// never blocks the poller.
type hub struct {
	poll     func(ctx context.Context) (snapshot, error)
	interval time.Duration
	log      *slog.Logger

	mu      sync.Mutex
	subs    map[chan change]struct{}
	running bool
	closed  bool
	last    snapshot

	stop chan struct{}
	wg   sync.WaitGroup
}

func newHub(poll func(ctx context.Context) (snapshot, error), interval time.Duration, log *slog.Logger) *hub {
	return &hub{poll: poll, interval: interval, log: log, subs: make(map[chan change]struct{}), stop: make(chan struct{})}
}

// subscribe registers a listener and starts the poller if needed. It
// returns false after shutdown.
func (h *hub) subscribe() (chan change, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, false
	}
	ch := make(chan change, 1)
	h.subs[ch] = struct{}{}
	if h.running && h.last.version != "" {
		// The page may be older than the poller's last look: let the
		// client compare.
		ch <- change{Version: h.last.version}
	}
	if !h.running {
		h.running = true
		h.wg.Add(1)
		go h.run()
	}
	return ch, true
}

func (h *hub) unsubscribe(ch chan change) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.subs, ch)
}

// run polls until shutdown or until nobody listens any more.
func (h *hub) run() {
	defer h.wg.Done()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		select {
		case <-h.stop:
			cancel()
		case <-ctx.Done():
		}
	}()
	first := true
	t := time.NewTicker(h.interval)
	defer t.Stop()
	for {
		snap, err := h.poll(ctx)
		if err != nil {
			if ctx.Err() == nil {
				h.log.Warn("desk: poll tickets", "err", err)
			}
		} else {
			h.publish(snap, first)
			first = false
		}
		select {
		case <-h.stop:
			return
		case <-t.C:
		}
		h.mu.Lock()
		if len(h.subs) == 0 {
			h.running = false
			h.mu.Unlock()
			return
		}
		h.mu.Unlock()
	}
}

func (h *hub) publish(snap snapshot, first bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	prev := h.last
	h.last = snap
	if !first && snap.version == prev.version {
		return
	}
	c := change{Version: snap.version}
	for k := range snap.keys {
		if !first && prev.keys != nil && !prev.keys[k] {
			c.New = append(c.New, k)
		}
	}
	slices.Sort(c.New)
	for ch := range h.subs {
		out := c
		select {
		case old := <-ch:
			// The unread older change gives way, but the tickets it
			// announced as new stay announced.
			if len(old.New) > 0 {
				out.New = slices.Compact(slices.Sorted(slices.Values(append(slices.Clone(old.New), c.New...))))
			}
		default:
		}
		ch <- out
	}
}

// shutdown stops the poller and ends every stream.
func (h *hub) shutdown() {
	h.mu.Lock()
	h.closed = true
	close(h.stop)
	h.mu.Unlock()
	h.wg.Wait()
}

// fingerprint summarises the open tickets and the total count: any new
// ticket and any change of an open ticket (including resolving it) changes
// the version.
func (s *Server) fingerprint(ctx context.Context) (snapshot, error) {
	open, err := s.cfg.Tickets.List(ctx, ticketing.Filter{OpenOnly: true, Limit: 500})
	if err != nil {
		return snapshot{}, err
	}
	total, err := s.cfg.Tickets.Count(ctx, ticketing.Filter{})
	if err != nil {
		return snapshot{}, err
	}
	h := fnv.New64a()
	fmt.Fprintf(h, "%d;", total)
	keys := make(map[string]bool, len(open))
	for _, t := range open {
		keys[t.Key] = true
		fmt.Fprintf(h, "%s|%s|%s|%s|%d;", t.Key, t.Status, t.Priority, t.Assignee, t.UpdatedAt.UnixNano())
	}
	return snapshot{version: fmt.Sprintf("%x", h.Sum64()), keys: keys}, nil
}

// handleEvents streams ticket changes as Server-Sent Events ("tickets"
// events with a JSON change) until the client leaves or the server shuts
// down.
func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	ch, ok := s.hub.subscribe()
	if !ok {
		http.Error(w, "Der Dienst wird beendet.", http.StatusServiceUnavailable)
		return
	}
	defer s.hub.unsubscribe(ch)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	// Each write gets its own deadline; in between, the stream may idle
	// longer than the http.Server's WriteTimeout.
	write := func(format string, args ...any) bool {
		rc.SetWriteDeadline(time.Now().Add(10 * time.Second))
		fmt.Fprintf(w, format, args...)
		if err := rc.Flush(); err != nil {
			return false
		}
		rc.SetWriteDeadline(time.Time{})
		return true
	}
	w.WriteHeader(http.StatusOK)
	if !write("retry: 3000\n\n") {
		return
	}
	keepalive := time.NewTicker(20 * time.Second)
	defer keepalive.Stop()
	for {
		var ok bool
		select {
		case <-r.Context().Done():
			return
		case <-s.hub.stop:
			return
		case <-keepalive.C:
			ok = write(": keepalive\n\n")
		case c := <-ch:
			b, _ := json.Marshal(c)
			ok = write("event: tickets\ndata: %s\n\n", b)
		}
		if !ok {
			return
		}
	}
}
