// SPDX-License-Identifier: EUPL-1.2

package desk

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"
)

// loginGuard serialises the password checks of one account, so that the
// failed-login counter is read, checked and written by one request at a
// time (parallel guesses cannot all see the same count), and throttles
// login attempts per client address.
type loginGuard struct {
	now    func() time.Time
	limit  int           // attempts per address and window
	window time.Duration // length of an address's window

	mu       sync.Mutex
	accounts map[string]*accountLock
	addrs    map[netip.Addr]*addrWindow
}

type accountLock struct {
	mu   sync.Mutex
	refs int // requests holding or waiting for mu; the entry goes at 0
}

type addrWindow struct {
	start time.Time
	n     int
}

// maxTrackedAddrs bounds the address table; beyond it, expired windows are
// dropped, and if none has expired new addresses share one window.
const maxTrackedAddrs = 100000

func newLoginGuard(now func() time.Time, limit int, window time.Duration) *loginGuard {
	return &loginGuard{now: now, limit: limit, window: window,
		accounts: map[string]*accountLock{}, addrs: map[netip.Addr]*addrWindow{}}
}

// lockAccount waits until no other login of name is being checked and
// returns the function that releases it.
func (g *loginGuard) lockAccount(name string) func() {
	g.mu.Lock()
	l := g.accounts[name]
	if l == nil {
		l = &accountLock{}
		g.accounts[name] = l
	}
	l.refs++
	g.mu.Unlock()
	l.mu.Lock()
	return func() {
		l.mu.Unlock()
		g.mu.Lock()
		if l.refs--; l.refs == 0 {
			delete(g.accounts, name)
		}
		g.mu.Unlock()
	}
}

// allow books one attempt for addr and reports whether it is within the
// limit, and if not, how long until the window ends.
func (g *loginGuard) allow(addr netip.Addr) (bool, time.Duration) {
	now := g.now()
	g.mu.Lock()
	defer g.mu.Unlock()
	w := g.addrs[addr]
	if w == nil {
		if len(g.addrs) >= maxTrackedAddrs {
			for a, x := range g.addrs {
				if now.Sub(x.start) >= g.window {
					delete(g.addrs, a)
				}
			}
			if len(g.addrs) >= maxTrackedAddrs {
				addr = netip.Addr{} // the overflow shares one window
			}
		}
		if w = g.addrs[addr]; w == nil {
			w = &addrWindow{start: now}
			g.addrs[addr] = w
		}
	}
	if now.Sub(w.start) >= g.window {
		w.start, w.n = now, 0
	}
	if w.n >= g.limit {
		return false, w.start.Add(g.window).Sub(now)
	}
	w.n++
	return true, 0
}

// refund returns the attempt of a successful login, so that people who
// share an address (an office behind NAT) are throttled only by failures.
func (g *loginGuard) refund(addr netip.Addr) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if w := g.addrs[addr]; w != nil && w.n > 0 {
		w.n--
	}
}

// clientAddr is the address a login attempt is throttled by: the peer, or
// for a trusted proxy the last address it appended to X-Forwarded-For.
// IPv6 addresses count per /64, since one host usually holds the prefix.
func (s *Server) clientAddr(r *http.Request) netip.Addr {
	var addr netip.Addr
	if s.fromTrustedProxy(r) {
		if xff := r.Header.Values("X-Forwarded-For"); len(xff) > 0 {
			parts := strings.Split(xff[len(xff)-1], ",")
			addr, _ = netip.ParseAddr(strings.TrimSpace(parts[len(parts)-1]))
		}
	}
	if !addr.IsValid() {
		host, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			host = r.RemoteAddr
		}
		addr, _ = netip.ParseAddr(host)
	}
	addr = addr.Unmap()
	if addr.Is6() {
		if p, err := addr.Prefix(64); err == nil {
			addr = p.Addr()
		}
	}
	return addr
}
