// SPDX-License-Identifier: EUPL-1.2

package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"math"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// RateLimit is a token bucket: on average PerMinute events per minute, and
// up to Burst at once after a quiet spell. The zero value means "use the
// default"; a negative PerMinute switches the limit off.
type RateLimit struct {
	PerMinute float64
	Burst     int
}

func (l RateLimit) off() bool { return l.PerMinute < 0 }

func (l RateLimit) limit() rate.Limit { return rate.Limit(l.PerMinute / 60) }

func (l RateLimit) valid() bool { return l.off() || (l.PerMinute > 0 && l.Burst >= 1) }

// share returns one instance's share of l among n instances.
func (l RateLimit) share(n int) RateLimit {
	if l.off() || n <= 1 {
		return l
	}
	return RateLimit{PerMinute: l.PerMinute / float64(n), Burst: max(1, l.Burst/n)}
}

// shareLimits turns the limits of the whole deployment into this
// instance's share (see Config.Instances): always the connection cap, and
// the rates when there are no shared Buckets. A client spread over the
// instances by the load balancer gets at most the configured limit in
// total; one held on a single instance gets that instance's share.
func (c *Config) shareLimits() {
	n := c.Instances
	if n <= 1 {
		return
	}
	if c.Buckets == nil {
		c.IPRate = c.IPRate.share(n)
		c.SessionRate = c.SessionRate.share(n)
	}
	if c.MaxConnsPerIP > 0 {
		c.MaxConnsPerIP = max(1, c.MaxConnsPerIP/n)
	}
}

// limiterSweepEvery is how often (by Config.Now) the limiter tables drop
// buckets that are full again.
const limiterSweepEvery = time.Minute

// bucketTable holds one token bucket per key: a client address or a
// session token. Its size is bounded: buckets that have filled up again
// carry no state and are swept, and when the table is full anyway the
// oldest-looking tenth is dropped (which can only be generous to the
// dropped keys, never unfair to anybody else).
type bucketTable struct {
	rl      RateLimit
	max     int
	m       map[string]*rate.Limiter
	evicted int // buckets dropped while still in use (tests, logs)
}

func newBucketTable(rl RateLimit, max int) *bucketTable {
	if rl.off() {
		return nil
	}
	return &bucketTable{rl: rl, max: max, m: make(map[string]*rate.Limiter)}
}

// get returns key's bucket, creating it (and making room) when needed.
func (t *bucketTable) get(key string, now time.Time) *rate.Limiter {
	if b, ok := t.m[key]; ok {
		return b
	}
	if len(t.m) >= t.max {
		t.sweep(now)
	}
	if len(t.m) >= t.max {
		drop := max(1, t.max/10)
		for k := range t.m { // random order
			delete(t.m, k)
			t.evicted++
			if drop--; drop == 0 {
				break
			}
		}
	}
	b := rate.NewLimiter(t.rl.limit(), t.rl.Burst)
	t.m[key] = b
	return b
}

// wait is how long until key's bucket holds a token; 0 means now.
func (t *bucketTable) wait(key string, now time.Time) time.Duration {
	b := t.get(key, now)
	tokens := b.TokensAt(now)
	if tokens >= 1 {
		return 0
	}
	return time.Duration(math.Ceil((1 - tokens) / float64(b.Limit()) * float64(time.Second)))
}

// sweep drops the buckets that are full: a new bucket would be the same.
func (t *bucketTable) sweep(now time.Time) {
	for k, b := range t.m {
		if b.TokensAt(now) >= float64(t.rl.Burst) {
			delete(t.m, k)
		}
	}
}

// TokenBuckets is a set of token buckets that all instances share (a table
// of the shared database), so that IPRate and SessionRate hold in total
// however the load balancer spreads a client's messages. It is declared
// here, by its consumer; *ticketing.Store implements it.
type TokenBuckets interface {
	// TakeToken takes one token from the bucket key, which refills at rate
	// tokens per second up to burst (a new bucket is full), and reports
	// whether there was one.
	TakeToken(ctx context.Context, key string, rate float64, burst int) (bool, error)
	// DeleteIdleRateBuckets deletes the buckets unused since t.
	DeleteIdleRateBuckets(ctx context.Context, t time.Time) (int, error)
}

// sharedBucketTimeout bounds one call of TokenBuckets; when it fails, the
// limiter decides with this instance's buckets.
const sharedBucketTimeout = 2 * time.Second

// limiter enforces Config.IPRate and Config.SessionRate on chat messages:
// with Config.Buckets in the shared buckets, else (and when they fail) in
// this process.
type limiter struct {
	now     func() time.Time
	shared  TokenBuckets // nil: this process only
	log     *slog.Logger
	ipRate  RateLimit
	sesRate RateLimit

	mu        sync.Mutex
	ip, sess  *bucketTable // nil when switched off
	lastSweep time.Time
}

func newLimiter(cfg *Config) *limiter {
	local := func(rl RateLimit) RateLimit { return rl }
	if cfg.Buckets != nil {
		// The shared buckets hold the whole limits; this instance falls
		// back on its share.
		local = func(rl RateLimit) RateLimit { return rl.share(cfg.Instances) }
	}
	return &limiter{
		now:     cfg.Now,
		shared:  cfg.Buckets,
		log:     cfg.Logger,
		ipRate:  cfg.IPRate,
		sesRate: cfg.SessionRate,
		ip:      newBucketTable(local(cfg.IPRate), cfg.MaxTrackedClients),
		sess:    newBucketTable(local(cfg.SessionRate), cfg.MaxTrackedClients),
	}
}

// allowShared is allow on the shared buckets. A message refused by the
// session's bucket has still cost a token of the address's (the shared
// take is not one transaction); that errs on the strict side.
func (l *limiter) allowShared(ipKey, sessKey string) (bool, time.Duration, error) {
	ctx, cancel := context.WithTimeout(context.Background(), sharedBucketTimeout)
	defer cancel()
	take := func(rl RateLimit, key string) (bool, time.Duration, error) {
		if rl.off() || key == "" {
			return true, 0, nil
		}
		ok, err := l.shared.TakeToken(ctx, key, rl.PerMinute/60, rl.Burst)
		if err != nil || ok {
			return ok, 0, err
		}
		// The time one token takes to come back.
		return false, time.Duration(math.Ceil(60/rl.PerMinute)) * time.Second, nil
	}
	ok, retry, err := take(l.ipRate, sharedKey("ip", ipKey))
	if err != nil || !ok {
		return ok, retry, err
	}
	return take(l.sesRate, sharedKey("session", sessKey))
}

// sharedKey names a shared bucket; a session token (a credential) only by
// its hash.
func sharedKey(kind, key string) string {
	if key == "" {
		return ""
	}
	if kind == "session" {
		h := sha256.Sum256([]byte(key))
		key = hex.EncodeToString(h[:16])
	}
	return "web:" + kind + ":" + key
}

// allow takes one token from the bucket of the client address ipKey and
// one from that of the session sessKey; an empty key is not limited. When
// either bucket is empty it takes none and returns how long until both
// hold a token.
func (l *limiter) allow(ipKey, sessKey string) (ok bool, retry time.Duration) {
	if l.shared != nil {
		ok, retry, err := l.allowShared(ipKey, sessKey)
		if err == nil {
			l.sweepShared()
			return ok, retry
		}
		l.log.Warn("web: shared rate limit unavailable; this instance decides alone", "err", err)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if now.Sub(l.lastSweep) >= limiterSweepEvery {
		l.lastSweep = now
		for _, t := range []*bucketTable{l.ip, l.sess} {
			if t != nil {
				t.sweep(now)
			}
		}
	}
	type take struct {
		t   *bucketTable
		key string
	}
	var takes []take
	if l.ip != nil && ipKey != "" {
		takes = append(takes, take{l.ip, ipKey})
	}
	if l.sess != nil && sessKey != "" {
		takes = append(takes, take{l.sess, sessKey})
	}
	for _, tk := range takes {
		retry = max(retry, tk.t.wait(tk.key, now))
	}
	if retry > 0 {
		return false, retry
	}
	for _, tk := range takes {
		tk.t.get(tk.key, now).AllowN(now, 1)
	}
	return true, 0
}

// sharedIdle is how long a shared bucket stays unused before it is
// deleted; any bucket of the channel's limits is full again by then.
const sharedIdle = time.Hour

// sweepShared deletes idle shared buckets, at most once per
// limiterSweepEvery, in the background.
func (l *limiter) sweepShared() {
	l.mu.Lock()
	now := l.now()
	due := now.Sub(l.lastSweep) >= limiterSweepEvery
	if due {
		l.lastSweep = now
	}
	l.mu.Unlock()
	if !due {
		return
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), sharedBucketTimeout)
		defer cancel()
		if _, err := l.shared.DeleteIdleRateBuckets(ctx, now.Add(-sharedIdle)); err != nil {
			l.log.Warn("web: deleting idle rate buckets", "err", err)
		}
	}()
}

// sizes returns the number of tracked addresses and sessions (tests).
func (l *limiter) sizes() (ips, sessions int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.ip != nil {
		ips = len(l.ip.m)
	}
	if l.sess != nil {
		sessions = len(l.sess.m)
	}
	return ips, sessions
}

// maxForwardedHops bounds how much of X-Forwarded-For is read.
const maxForwardedHops = 16

// clientAddr returns the address a request comes from: the peer, or, when
// the peer is one of TrustedProxies, the right-most address of
// X-Forwarded-For that is not a trusted proxy itself. Addresses further
// left were written by the client and are never believed. The result is
// the zero Addr only when RemoteAddr is not an address (tests).
func (s *Server) clientAddr(r *http.Request) netip.Addr {
	addr, ok := parseAddr(r.RemoteAddr)
	if !ok || !s.trusted(addr) {
		return addr
	}
	values := r.Header.Values("X-Forwarded-For")
	hops := 0
	for i := len(values) - 1; i >= 0; i-- {
		list := values[i]
		for list != "" {
			var item string
			if j := strings.LastIndexByte(list, ','); j >= 0 {
				list, item = list[:j], list[j+1:]
			} else {
				list, item = "", list
			}
			item = strings.TrimSpace(item)
			if item == "" {
				continue
			}
			a, ok := parseAddr(item)
			if !ok {
				return addr // garbage from the client: the last hop we believe
			}
			addr = a
			if !s.trusted(a) {
				return a
			}
			if hops++; hops == maxForwardedHops {
				return addr
			}
		}
	}
	return addr
}

// parseAddr parses "ip", "ip:port" or "[ipv6]:port".
func parseAddr(s string) (netip.Addr, bool) {
	if a, err := netip.ParseAddr(s); err == nil {
		return a.Unmap().WithZone(""), true
	}
	host, _, err := net.SplitHostPort(s)
	if err != nil {
		return netip.Addr{}, false
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}, false
	}
	return a.Unmap().WithZone(""), true
}

func (s *Server) trusted(a netip.Addr) bool {
	for _, p := range s.cfg.TrustedProxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// clientKey names the client of a request for the per-address limits
// (IPRate, MaxConnsPerIP): an employee, authenticated by the intranet
// proxy, by name — all employees may come through the one proxy address —
// and everybody else by address (addrKey of clientAddr).
func (s *Server) clientKey(r *http.Request) string {
	if u := employeeFrom(r.Context()); u != "" {
		return "employee:" + u
	}
	return addrKey(s.clientAddr(r))
}

// addrKey is the key of an address in the limiter tables: IPv4 addresses
// count one by one, IPv6 addresses by their /64 network, which is what one
// household or phone usually has.
func addrKey(a netip.Addr) string {
	switch {
	case !a.IsValid():
		return "unknown"
	case a.Is4():
		return a.String()
	}
	p, _ := a.Prefix(64)
	return p.String()
}

// acquireConn counts a new WebSocket of the address key; it fails when the
// address already has MaxConnsPerIP open.
func (s *Server) acquireConn(key string) bool {
	if s.cfg.MaxConnsPerIP < 0 {
		return true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.connsPerIP[key] >= s.cfg.MaxConnsPerIP {
		return false
	}
	s.connsPerIP[key]++
	return true
}

func (s *Server) releaseConn(key string) {
	if s.cfg.MaxConnsPerIP < 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.connsPerIP[key]--; s.connsPerIP[key] <= 0 {
		delete(s.connsPerIP, key)
	}
}

// maxDelayedRefusals bounds the REST requests held back at once by
// delayRefusal; beyond it, refusals are answered at once.
const maxDelayedRefusals = 512

// delayRefusal holds back the answer to a refused REST request for
// min(retry, RefusalDelay), so that a client which ignores Retry-After and
// floods over one connection is slowed down to about one request per
// delay instead of burning the server's CPU.
func (s *Server) delayRefusal(ctx context.Context, retry time.Duration) {
	d := min(retry, s.cfg.RefusalDelay)
	if d <= 0 {
		return
	}
	select {
	case s.refusalSlots <- struct{}{}:
		defer func() { <-s.refusalSlots }()
	default:
		return
	}
	s.sleep(ctx, d)
}

// sleepCtx waits for d or until ctx ends.
func sleepCtx(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}
