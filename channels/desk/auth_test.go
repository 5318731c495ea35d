// SPDX-License-Identifier: EUPL-1.2

package desk

import (
	"context"
	"errors"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/musterstadt/lotse/ticketing"
)

func TestLoginAndLogout(t *testing.T) {
	e := mustEnv(t, nil)
	c := e.client()
	if code, _ := c.get("/desk/"); code != http.StatusSeeOther {
		t.Fatalf("queue without login: status %d, want redirect", code)
	}
	c.login("anna", testPassword)
	code, body := c.get("/desk/")
	if code != http.StatusOK || !strings.Contains(body, "Angemeldet: anna") {
		t.Fatalf("queue after login: %d\n%s", code, body)
	}
	if !e.auditHas("anna", "user.login", "user:anna") {
		t.Errorf("no login audit entry:\n%s", e.dumpAudit())
	}
	if code, _, _ := c.post("/desk/logout", nil); code != http.StatusSeeOther {
		t.Fatalf("logout: %d", code)
	}
	if code, _ := c.get("/desk/"); code != http.StatusSeeOther {
		t.Errorf("queue after logout: status %d, want redirect", code)
	}
	if !e.auditHas("anna", "user.logout", "user:anna") {
		t.Error("no logout audit entry")
	}
}

func TestSessionCookieAttributes(t *testing.T) {
	e := mustEnv(t, func(c *Config) { c.SecureCookies = true })
	c := e.client()
	c.get("/desk/login")
	_, _, resp := c.post("/desk/login", url.Values{"username": {"anna"}, "password": {testPassword}, "csrf": {c.csrf}})
	var found bool
	for _, ck := range resp.Cookies() {
		if ck.Name != sessionCookie {
			continue
		}
		found = true
		if !ck.HttpOnly || !ck.Secure || ck.SameSite != http.SameSiteStrictMode || len(ck.Value) < 43 {
			t.Errorf("session cookie %+v: want HttpOnly, Secure, SameSite=Strict, 32 random bytes", ck)
		}
		// Only the hash of the token is kept server-side.
		e.srv.sess.mu.Lock()
		_, raw := e.srv.sess.m[ck.Value]
		_, hashed := e.srv.sess.m[tokenKey(ck.Value)]
		e.srv.sess.mu.Unlock()
		if raw || !hashed {
			t.Errorf("session stored raw=%v hashed=%v", raw, hashed)
		}
	}
	if !found {
		t.Fatal("no session cookie")
	}
	if got := resp.Header.Get("Content-Security-Policy"); !strings.Contains(got, "script-src 'self'") || strings.Contains(got, "unsafe-inline") || !strings.Contains(got, "frame-ancestors 'none'") {
		t.Errorf("CSP %q", got)
	}
}

func TestWrongPasswordAndLockout(t *testing.T) {
	e := mustEnv(t, func(c *Config) { c.LockoutThreshold = 3; c.LockoutDuration = 15 * time.Minute })
	c := e.client()
	for i := range 3 {
		code, body := c.tryLogin("anna", "falsches-passwort-123")
		if code != http.StatusUnauthorized || !strings.Contains(body, "Anmeldung fehlgeschlagen") {
			t.Fatalf("attempt %d: %d", i+1, code)
		}
	}
	u, err := e.st.GetUserByName(context.Background(), "anna")
	if err != nil {
		t.Fatal(err)
	}
	if want := e.clock.Now().Add(15 * time.Minute); !u.LockedUntil.Equal(want) {
		t.Errorf("LockedUntil = %v, want %v", u.LockedUntil, want)
	}
	// Locked: even the right password fails, with the same message.
	if code, _ := c.tryLogin("anna", testPassword); code != http.StatusUnauthorized {
		t.Errorf("locked login: status %d, want 401", code)
	}
	// Unknown users get the same answer.
	if code, body := c.tryLogin("niemand", testPassword); code != http.StatusUnauthorized || !strings.Contains(body, "Anmeldung fehlgeschlagen") {
		t.Errorf("unknown user: %d", code)
	}
	e.clock.Add(15*time.Minute + time.Second)
	c.login("anna", testPassword)
	u, _ = e.st.GetUserByName(context.Background(), "anna")
	if u.FailedLogins != 0 || !u.LockedUntil.IsZero() {
		t.Errorf("after success: failed=%d locked=%v, want reset", u.FailedLogins, u.LockedUntil)
	}
	if !e.auditHas("anna", "user.login_failed", "user:anna") {
		t.Error("failed logins not audited")
	}
}

func TestLockoutWindow(t *testing.T) {
	e := mustEnv(t, func(c *Config) { c.LockoutThreshold = 3; c.LockoutWindow = 10 * time.Minute })
	c := e.client()
	fail := func() {
		t.Helper()
		if code, _ := c.tryLogin("anna", "falsches-passwort-123"); code != http.StatusUnauthorized {
			t.Fatalf("wrong password: %d", code)
		}
	}
	fail()
	fail()
	e.clock.Add(11 * time.Minute) // the two failures leave the window
	fail()
	fail()
	u, _ := e.st.GetUserByName(context.Background(), "anna")
	if !u.LockedUntil.IsZero() || u.FailedLogins != 2 {
		t.Errorf("locked=%v failed=%d, want unlocked with 2 failures", u.LockedUntil, u.FailedLogins)
	}
	fail()
	u, _ = e.st.GetUserByName(context.Background(), "anna")
	if u.LockedUntil.IsZero() {
		t.Error("third failure within the window did not lock")
	}
}

func TestDisabledUserCannotLogIn(t *testing.T) {
	e := mustEnv(t, nil)
	c := e.client()
	c.login("anna", testPassword)
	if err := DisableUser(context.Background(), e.st, "test", "anna", true); err != nil {
		t.Fatal(err)
	}
	// The running session ends at the next request.
	if code, _ := c.get("/desk/"); code != http.StatusSeeOther {
		t.Errorf("disabled user's session: status %d, want redirect", code)
	}
	if code, _ := e.client().tryLogin("anna", testPassword); code != http.StatusUnauthorized {
		t.Errorf("disabled login: %d", code)
	}
}

func TestSessionExpiry(t *testing.T) {
	e := mustEnv(t, func(c *Config) { c.SessionTTL = time.Hour })
	c := e.client()
	c.login("anna", testPassword)
	e.clock.Add(59 * time.Minute)
	if code, _ := c.get("/desk/"); code != http.StatusOK {
		t.Fatalf("before expiry: %d", code)
	}
	e.clock.Add(time.Minute)
	if code, _ := c.get("/desk/"); code != http.StatusSeeOther {
		t.Errorf("after expiry: status %d, want redirect to login", code)
	}
	if code, _, _ := c.post("/desk/logout", nil); code != http.StatusUnauthorized {
		t.Errorf("POST after expiry: status %d, want 401", code)
	}
}

func TestCSRF(t *testing.T) {
	e := mustEnv(t, nil)
	tk := e.escalate("c-csrf", passportChat)
	c := e.client()
	c.login("anna", testPassword)
	path := "/desk/tickets/" + itoa(tk.ID) + "/note"
	tests := []struct {
		name string
		csrf []string
	}{
		{"missing", nil},
		{"empty", []string{""}},
		{"wrong", []string{"AAAA" + c.csrf[4:]}},
		{"other session's", []string{otherCSRF(t, e)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			form := url.Values{"note": {"geheim"}}
			if tt.csrf != nil {
				form["csrf"] = tt.csrf
			} else {
				form["csrf"] = nil
			}
			resp, err := c.http.PostForm(e.http.URL+path, form)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusForbidden {
				t.Errorf("status %d, want 403", resp.StatusCode)
			}
		})
	}
	notes, _ := e.svc.Notes(context.Background(), tk.ID)
	if len(notes) != 0 {
		t.Errorf("a note was stored despite bad CSRF: %+v", notes)
	}
	// The header works as well as the field.
	req, _ := http.NewRequest(http.MethodPost, e.http.URL+path, strings.NewReader("note=mit+Header"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set(csrfHeader, c.csrf)
	resp, err := c.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Errorf("with header: status %d", resp.StatusCode)
	}
	// Cross-origin form posts are refused before the token is looked at.
	req, _ = http.NewRequest(http.MethodPost, e.http.URL+path, strings.NewReader("note=x&csrf="+url.QueryEscape(c.csrf)))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	resp, err = c.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site: status %d, want 403", resp.StatusCode)
	}
	// The login form has its own token.
	c2 := e.client()
	code, _, _ := c2.post("/desk/login", url.Values{"username": {"anna"}, "password": {testPassword}, "csrf": {"x"}})
	if code != http.StatusForbidden {
		t.Errorf("login without form token: %d, want 403", code)
	}
}

func otherCSRF(t *testing.T, e *env) string {
	t.Helper()
	o := e.client()
	o.login("admin", testPassword)
	return o.csrf
}

func TestAdminOnly(t *testing.T) {
	e := mustEnv(t, nil)
	o, err := e.svc.CreateOutage(context.Background(), ticketing.Outage{Service: "vpn", Title: "VPN gestört"}, "test")
	if err != nil {
		t.Fatal(err)
	}
	agent := e.client()
	agent.login("anna", testPassword)
	admin := e.client()
	admin.login("admin", testPassword)
	tests := []struct {
		method, path string
		form         url.Values
		adminStatus  int
	}{
		{"GET", "/desk/users", nil, http.StatusOK},
		{"GET", "/desk/audit", nil, http.StatusOK},
		{"POST", "/desk/users", url.Values{"username": {"bert"}, "password": {testPassword}, "role": {"agent"}}, http.StatusSeeOther},
		{"POST", "/desk/users/bert/password", url.Values{"password": {"noch-ein-langes-passwort"}}, http.StatusSeeOther},
		{"POST", "/desk/users/bert/role", url.Values{"role": {"admin"}}, http.StatusSeeOther},
		{"POST", "/desk/users/bert/disable", nil, http.StatusSeeOther},
		{"POST", "/desk/users/bert/enable", nil, http.StatusSeeOther},
		{"POST", "/desk/outages/" + itoa(o.ID) + "/close", nil, http.StatusSeeOther},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			for _, who := range []struct {
				c    *client
				want int
			}{{agent, http.StatusForbidden}, {admin, tt.adminStatus}} {
				var code int
				var body string
				if tt.method == "GET" {
					code, body = who.c.get(tt.path)
				} else {
					form := url.Values{}
					for k, v := range tt.form {
						form[k] = v
					}
					code, body, _ = who.c.post(tt.path, form)
				}
				if code != who.want {
					t.Errorf("%s: status %d, want %d\n%.300s", who.c.name(), code, who.want, body)
				}
			}
		})
	}
	// The agent's nav hides the admin pages.
	if _, body := agent.get("/desk/"); strings.Contains(body, "/desk/users") {
		t.Error("agent sees the admin navigation")
	}
	for _, a := range []string{"user.create", "user.password", "user.role", "user.disable", "user.enable"} {
		if !e.auditHas("admin", a, "user:bert") {
			t.Errorf("no audit entry %s", a)
		}
	}
	if !e.auditHas("admin", "outage.close", "outage:"+itoa(o.ID)) {
		t.Errorf("no outage.close audit entry:\n%s", e.dumpAudit())
	}
}

func (c *client) name() string {
	for _, ck := range c.http.Jar.Cookies(mustURL(c.e.http.URL + "/desk/")) {
		if ck.Name == sessionCookie {
			c.e.srv.sess.mu.Lock()
			defer c.e.srv.sess.mu.Unlock()
			if s, ok := c.e.srv.sess.m[tokenKey(ck.Value)]; ok {
				return s.user
			}
		}
	}
	return "anonymous"
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

func TestUserHelpers(t *testing.T) {
	e := mustEnv(t, nil)
	ctx := context.Background()
	tests := []struct {
		name, user, pw, role string
		want                 error
	}{
		{"short password", "carla", "zu-kurz", RoleAgent, ErrBadInput},
		{"bad role", "carla", testPassword, "root", ErrBadInput},
		{"bad name", "Carla Meier", testPassword, RoleAgent, ErrBadInput},
		{"taken", "anna", testPassword, RoleAgent, ticketing.ErrConflict},
		{"ok", "carla", testPassword, RoleAgent, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := AddUser(ctx, e.st, "cli", tt.user, tt.pw, tt.role)
			if !errors.Is(err, tt.want) && !(tt.want == nil && err == nil) {
				t.Errorf("AddUser = %v, want %v", err, tt.want)
			}
		})
	}
	u, err := e.st.GetUserByName(ctx, "carla")
	if err != nil {
		t.Fatal(err)
	}
	if cost, err := bcrypt.Cost([]byte(u.PasswordHash)); err != nil || cost < 10 {
		t.Errorf("bcrypt cost %d, %v", cost, err)
	}
	if err := SetPassword(ctx, e.st, "cli", "carla", "kurz"); !errors.Is(err, ErrBadInput) {
		t.Errorf("SetPassword short = %v", err)
	}
	if err := SetPassword(ctx, e.st, "cli", "nobody", testPassword); !errors.Is(err, ticketing.ErrNotFound) {
		t.Errorf("SetPassword unknown = %v", err)
	}
	if err := SetPassword(ctx, e.st, "cli", "carla", "ein-ganz-neues-passwort"); err != nil {
		t.Fatal(err)
	}
	c := e.client()
	if code, _ := c.tryLogin("carla", testPassword); code != http.StatusUnauthorized {
		t.Errorf("old password still works: %d", code)
	}
	c.login("carla", "ein-ganz-neues-passwort")
	if !e.auditHas("cli", "user.password", "user:carla") || !e.auditHas("cli", "user.create", "user:carla") {
		t.Errorf("helpers not audited:\n%s", e.dumpAudit())
	}
}

func TestSSOHeader(t *testing.T) {
	e := mustEnv(t, func(c *Config) {
		c.SSOHeader = "X-Remote-User"
		c.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}
	})
	get := func(user string) int {
		req, _ := http.NewRequest(http.MethodGet, e.http.URL+"/desk/", nil)
		req.Header.Set("X-Remote-User", user)
		resp, err := (&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := get("anna"); code != http.StatusOK {
		t.Errorf("SSO known user: %d", code)
	}
	if code := get("niemand"); code != http.StatusSeeOther {
		t.Errorf("SSO unknown user: %d, want redirect to login", code)
	}
	// From an untrusted address the header is ignored.
	e2 := mustEnv(t, func(c *Config) {
		c.SSOHeader = "X-Remote-User"
		c.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}
	})
	e = e2
	if code := get("anna"); code != http.StatusSeeOther {
		t.Errorf("SSO from untrusted address: %d, want redirect", code)
	}
}

func itoa(i int64) string { return strconv.FormatInt(i, 10) }
