// SPDX-License-Identifier: EUPL-1.2

package desk

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/musterstadt/lotse/ticketing"
)

// parallelLogins sends one login per password, all at once, each from its
// own browser, and returns the status codes in the order of pws.
func parallelLogins(t *testing.T, e *env, user string, pws []string) []int {
	t.Helper()
	codes := make([]int, len(pws))
	errs := make([]error, len(pws))
	var start, done sync.WaitGroup
	start.Add(1)
	for i, pw := range pws {
		done.Add(1)
		go func() {
			defer done.Done()
			jar, _ := cookiejar.New(nil)
			hc := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
			resp, err := hc.Get(e.http.URL + "/desk/login")
			if err != nil {
				errs[i] = err
				return
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			m := csrfRE.FindSubmatch(b)
			if m == nil {
				errs[i] = io.ErrUnexpectedEOF
				return
			}
			start.Wait()
			resp, err = hc.PostForm(e.http.URL+"/desk/login", url.Values{"username": {user}, "password": {pw}, "csrf": {string(m[1])}})
			if err != nil {
				errs[i] = err
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			codes[i] = resp.StatusCode
		}()
	}
	start.Done()
	done.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	return codes
}

func (e *env) auditCount(action, detailPrefix string) int {
	entries, err := e.st.ListAudit(context.Background(), ticketing.AuditFilter{Limit: 1000})
	if err != nil {
		e.t.Fatal(err)
	}
	n := 0
	for _, a := range entries {
		if a.Action == action && strings.HasPrefix(a.Detail, detailPrefix) {
			n++
		}
	}
	return n
}

// TestLockoutHoldsUnderParallelGuesses reproduces finding 3 of issue 20:
// 60 parallel wrong passwords for one account used to be checked all, and
// the account never locked. Now exactly LockoutThreshold guesses are
// checked, the account locks, and the rest are refused as locked.
func TestLockoutHoldsUnderParallelGuesses(t *testing.T) {
	e := mustEnv(t, func(c *Config) { c.LoginAttemptsPerAddress = 1000 }) // the account lock alone
	pws := make([]string, 60)
	for i := range pws {
		pws[i] = "falsch-geraten-" + strings.Repeat("x", i%7+1)
	}
	for i, code := range parallelLogins(t, e, "anna", pws) {
		if code != http.StatusUnauthorized {
			t.Errorf("guess %d: status %d", i, code)
		}
	}
	u, err := e.st.GetUserByName(context.Background(), "anna")
	if err != nil {
		t.Fatal(err)
	}
	if u.LockedUntil.IsZero() {
		t.Error("account not locked after 60 parallel wrong guesses")
	}
	if n := e.auditCount("user.login_failed", "wrong password"); n != 5 {
		t.Errorf("%d passwords checked, want exactly the threshold 5", n)
	}
	if n := e.auditCount("user.login_failed", "locked"); n != 55 {
		t.Errorf("%d guesses refused as locked, want 55", n)
	}

	// The right password in a later parallel batch is refused too.
	mixed := append(make([]string, 0, 30), pws[:29]...)
	mixed = append(mixed, testPassword)
	for i, code := range parallelLogins(t, e, "anna", mixed) {
		if code != http.StatusUnauthorized {
			t.Errorf("mixed batch, attempt %d: status %d (locked account must refuse)", i, code)
		}
	}
}

// TestLoginThrottlePerAddress: one address gets LoginAttemptsPerAddress
// attempts per window; the rest are answered 429 before any password is
// checked; a successful login does not use up the allowance.
func TestLoginThrottlePerAddress(t *testing.T) {
	e := mustEnv(t, func(c *Config) { c.LoginAttemptsPerAddress = 10; c.LockoutThreshold = 1000 })
	c := e.client()
	c.login("anna", testPassword) // refunded
	pws := make([]string, 60)
	for i := range pws {
		pws[i] = "falsch-" + strings.Repeat("y", i%5+1)
	}
	got := map[int]int{}
	for _, code := range parallelLogins(t, e, "admin", pws) {
		got[code]++
	}
	if got[http.StatusUnauthorized] != 10 || got[http.StatusTooManyRequests] != 50 {
		t.Errorf("statuses %v, want 10×401 and 50×429", got)
	}
	if n := e.auditCount("user.login_failed", "wrong password"); n != 10 {
		t.Errorf("%d passwords checked, want 10", n)
	}
	if code, _ := e.client().tryLogin("anna", testPassword); code != http.StatusTooManyRequests {
		t.Errorf("within the window even a right password waits: %d", code)
	}
	e.clock.Add(61e9)
	e.client().login("anna", testPassword)
}
