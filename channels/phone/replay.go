// SPDX-License-Identifier: EUPL-1.2

package phone

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Replay protection. A signed webhook proves that the gateway sent it, not
// that it is sent for the first time: whoever captured one (a log, a proxy)
// could post it again and make the dialog process the same turn twice.
// Every signed request is therefore remembered by a digest of what the
// signature covers, and a repeat is answered with the response of the
// first, without reaching the dialog. The gateways' own retries after a
// timeout are such repeats and get the same idempotent answer.
//
// Jambonz signs a timestamp and refuses requests more than
// JambonzTolerance (5 min) from the server's clock, so its window of
// replay is closed by the timestamp and the cache only has to cover it.
// Jambonz signs body and timestamp, not the URL, so its requests are
// remembered by those; polls for a pending answer ("?pending=…") are not
// cached, because they legitimately repeat and only read the call's state
// (a replay with such a query asks the assistant nothing and opens no
// ticket).
// Twilio signs no timestamp; its requests are remembered for ReplayTTL
// (24 h, far beyond Twilio's longest call of 4 h). At most maxReplayBodies
// responses are kept; older repeats within the TTL get a neutral answer
// that ends the call, and are still not processed.

// ReplayTTL is how long a signed webhook is remembered.
const ReplayTTL = 24 * time.Hour

// Only requests with a valid signature enter the cache, so only the
// gateway can fill it; the bounds are sized for a busy city's day.
const (
	maxReplayKeys   = 100000 // about 20 MB of digests and entries
	maxReplayBodies = 10000  // responses of the newest requests, about 20 MB
)

type replayKey [sha256.Size]byte

func replayKeyOf(parts ...string) replayKey {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	var k replayKey
	h.Sum(k[:0])
	return k
}

// reply is a rendered webhook response.
type reply struct {
	status int
	ctype  string
	body   []byte
}

type replayEntry struct {
	at   time.Time
	seq  int           // position in the cache's insertion order, counted from the start
	done chan struct{} // closed when the first request's reply is known
	r    *reply        // nil once dropped for space
}

type replayCache struct {
	now func() time.Time
	ttl time.Duration

	mu       sync.Mutex
	m        map[replayKey]*replayEntry
	queue    []replayKey // insertion order
	base     int         // seq of queue[0]
	head     int         // queue[head:] are in m
	bodyHead int         // queue[bodyHead:] still have their reply
}

func newReplayCache(now func() time.Time, ttl time.Duration) *replayCache {
	return &replayCache{now: now, ttl: ttl, m: map[replayKey]*replayEntry{}}
}

// serve answers the request identified by k: the first time by calling
// handle and remembering its reply, every later time with that reply. It
// reports whether the request was a replay.
func (c *replayCache) serve(w http.ResponseWriter, r *http.Request, k replayKey, neutral reply, handle func() reply) bool {
	c.mu.Lock()
	c.expire()
	e, seen := c.m[k]
	if !seen {
		e = &replayEntry{at: c.now(), seq: c.base + len(c.queue), done: make(chan struct{})}
		c.m[k] = e
		c.queue = append(c.queue, k)
		c.trim()
	}
	c.mu.Unlock()
	if !seen {
		rep := handle()
		c.mu.Lock()
		if c.m[k] == e && e.seq-c.base >= c.bodyHead {
			e.r = &rep
		}
		c.mu.Unlock()
		close(e.done)
		rep.write(w)
		return false
	}
	select {
	case <-e.done:
	case <-r.Context().Done():
		return true
	}
	c.mu.Lock()
	rep := e.r
	c.mu.Unlock()
	if rep == nil {
		rep = &neutral
	}
	rep.write(w)
	return true
}

func (rep reply) write(w http.ResponseWriter) {
	if rep.ctype != "" {
		w.Header().Set("Content-Type", rep.ctype)
	}
	if rep.status != 0 && rep.status != http.StatusOK {
		w.WriteHeader(rep.status)
	}
	_, _ = w.Write(rep.body)
}

// expire forgets entries older than the TTL. Called with mu held.
func (c *replayCache) expire() {
	cut := c.now().Add(-c.ttl)
	for c.head < len(c.queue) {
		e := c.m[c.queue[c.head]]
		if e != nil && e.at.After(cut) {
			break
		}
		c.pop()
	}
	c.compact()
}

// trim enforces the bounds on keys and replies. Called with mu held.
func (c *replayCache) trim() {
	for len(c.queue)-c.head > maxReplayKeys {
		c.pop()
	}
	for len(c.queue)-c.bodyHead > maxReplayBodies {
		if e := c.m[c.queue[c.bodyHead]]; e != nil {
			e.r = nil
		}
		c.bodyHead++
	}
	c.compact()
}

func (c *replayCache) pop() {
	delete(c.m, c.queue[c.head])
	c.head++
	c.bodyHead = max(c.bodyHead, c.head)
}

func (c *replayCache) compact() {
	if c.head > 1024 && c.head > len(c.queue)/2 {
		n := copy(c.queue, c.queue[c.head:])
		c.queue = c.queue[:n]
		c.base += c.head
		c.bodyHead -= c.head
		c.head = 0
	}
}

// nonceParam is the query parameter that makes every callback URL this
// server hands a gateway unique. The gateway signs the URL it posts to, so
// two turns that carry the same parameters (two silences in a row) still
// differ in their signature, and only a replay repeats one.
const nonceParam = "n"

// stampNonce returns acts with one fresh nonce added to every callback
// path (gather actions and redirects).
func stampNonce(acts []Action) []Action {
	var b [9]byte
	_, _ = rand.Read(b[:])
	n := base64.RawURLEncoding.EncodeToString(b[:])
	out := make([]Action, len(acts))
	for i, a := range acts {
		switch a := a.(type) {
		case Gather:
			a.ActionPath = withParam(a.ActionPath, nonceParam, n)
			out[i] = a
		case Redirect:
			a.Path = withParam(a.Path, nonceParam, n)
			out[i] = a
		default:
			out[i] = a
		}
	}
	return out
}

func withParam(path, k, v string) string {
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return path + sep + url.QueryEscape(k) + "=" + url.QueryEscape(v)
}
