// SPDX-License-Identifier: EUPL-1.2

package desk

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"log/slog"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/musterstadt/lotse/ticketing"
)

const (
	sessionCookie = "lotse_desk"
	loginCookie   = "lotse_desk_login" // pre-session CSRF token of the login form
	csrfField     = "csrf"
	csrfHeader    = "X-CSRF-Token"
)

// session is one login. Only the SHA-256 of its cookie token is kept.
type session struct {
	user    string
	csrf    string
	expires time.Time
}

// Login is a desk login as a LoginStore keeps it.
type Login struct {
	User    string
	CSRF    string
	Expires time.Time
}

// LoginStore keeps desk logins where every instance behind a load
// balancer finds them, so that a desk user may land on any instance. It is
// declared here, by its consumer; without one (Config.Logins nil) logins
// live in this process's memory and a restart logs everybody out. Keys are
// the hex SHA-256 of the cookie token: the store never sees a token.
type LoginStore interface {
	// CreateLogin stores a login under key.
	CreateLogin(ctx context.Context, key string, l Login) error
	// Login returns the login of key; ok is false when there is none
	// (expiry is the caller's business).
	Login(ctx context.Context, key string) (l Login, ok bool, err error)
	// DeleteLogin deletes the login of key, if any.
	DeleteLogin(ctx context.Context, key string) error
	// DeleteLogins deletes every login of user, and every login that
	// expired before now.
	DeleteLogins(ctx context.Context, user string, now time.Time) error
}

// loginStoreTimeout bounds each call of a LoginStore.
const loginStoreTimeout = 5 * time.Second

// sessions keeps logins in memory, or in the LoginStore when there is one.
type sessions struct {
	now   func() time.Time
	store LoginStore // nil: m
	log   *slog.Logger
	mu    sync.Mutex
	m     map[string]*session // key: hex SHA-256 of the cookie token
}

func newSessions(now func() time.Time, store LoginStore, log *slog.Logger) *sessions {
	return &sessions{now: now, store: store, log: log, m: make(map[string]*session)}
}

func (ss *sessions) storeCtx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), loginStoreTimeout)
}

func randomToken() string {
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand)
	return base64.RawURLEncoding.EncodeToString(b)
}

func tokenKey(tok string) string {
	h := sha256.Sum256([]byte(tok))
	return hex.EncodeToString(h[:])
}

// create starts a session and returns its cookie token.
func (ss *sessions) create(user string, ttl time.Duration) (string, *session) {
	tok := randomToken()
	s := &session{user: user, csrf: randomToken(), expires: ss.now().Add(ttl)}
	if ss.store != nil {
		ctx, cancel := ss.storeCtx()
		defer cancel()
		if err := ss.store.CreateLogin(ctx, tokenKey(tok), Login{User: user, CSRF: s.csrf, Expires: s.expires}); err != nil {
			// The cookie then leads nowhere; the user logs in again.
			ss.log.Error("desk: storing a login", "user", user, "err", err)
		}
		return tok, s
	}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	now := ss.now()
	for k, o := range ss.m { // sweep expired sessions; logins are rare
		if !now.Before(o.expires) {
			delete(ss.m, k)
		}
	}
	ss.m[tokenKey(tok)] = s
	return tok, s
}

// get returns the live session of tok.
func (ss *sessions) get(tok string) (*session, bool) {
	if tok == "" {
		return nil, false
	}
	k := tokenKey(tok)
	if ss.store != nil {
		ctx, cancel := ss.storeCtx()
		defer cancel()
		l, ok, err := ss.store.Login(ctx, k)
		if err != nil {
			ss.log.Error("desk: reading a login", "err", err)
			return nil, false
		}
		if !ok || !ss.now().Before(l.Expires) {
			return nil, false
		}
		return &session{user: l.User, csrf: l.CSRF, expires: l.Expires}, true
	}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	s, ok := ss.m[k]
	if !ok {
		return nil, false
	}
	if !ss.now().Before(s.expires) {
		delete(ss.m, k)
		return nil, false
	}
	return s, true
}

func (ss *sessions) drop(tok string) {
	if ss.store != nil {
		ctx, cancel := ss.storeCtx()
		defer cancel()
		if err := ss.store.DeleteLogin(ctx, tokenKey(tok)); err != nil {
			ss.log.Error("desk: deleting a login", "err", err)
		}
		return
	}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	delete(ss.m, tokenKey(tok))
}

// dropUser ends every session of user.
func (ss *sessions) dropUser(user string) {
	if ss.store != nil {
		ctx, cancel := ss.storeCtx()
		defer cancel()
		if err := ss.store.DeleteLogins(ctx, user, ss.now()); err != nil {
			ss.log.Error("desk: deleting logins", "user", user, "err", err)
		}
		return
	}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	for k, s := range ss.m {
		if s.user == user {
			delete(ss.m, k)
		}
	}
}

// principal is the logged-in user of a request.
type principal struct {
	Name string
	Role string
	CSRF string
}

// IsAdmin reports whether the user has the admin role.
func (p principal) IsAdmin() bool { return p.Role == RoleAdmin }

type ctxKey struct{}

func withPrincipal(ctx context.Context, p principal) context.Context {
	return context.WithValue(ctx, ctxKey{}, p)
}

func principalFrom(ctx context.Context) principal {
	p, _ := ctx.Value(ctxKey{}).(principal)
	return p
}

// requireSession lets a request through with a valid session of an enabled
// account, or with a trusted proxy's SSO header, and redirects to the login
// page otherwise (401 for the event stream).
func (s *Server) requireSession(next http.Handler) http.Handler {
	return s.withSession(next, s.unauthenticated, s.serverError)
}

// withSession resolves the request's desk session (cookie, or the trusted
// proxy's SSO header, which opens one) and re-reads the account, so that a
// disabled or demoted user loses access at once. Without a valid session it
// calls unauth; a store failure goes to fail. The console and the JSON API
// share it and differ only in how they answer.
func (s *Server) withSession(next http.Handler, unauth func(http.ResponseWriter, *http.Request), fail func(http.ResponseWriter, *http.Request, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var sess *session
		if c, err := r.Cookie(sessionCookie); err == nil {
			sess, _ = s.sess.get(c.Value)
		}
		if sess == nil {
			if name, ok := s.ssoUser(r); ok {
				var tok string
				tok, sess = s.sess.create(name, s.cfg.SessionTTL)
				s.setSessionCookie(w, tok)
				s.audit(r.Context(), name, "user.login", userTarget(name), "sso")
			}
		}
		if sess == nil {
			unauth(w, r)
			return
		}
		u, err := s.cfg.Store.GetUserByName(r.Context(), sess.user)
		if err != nil || u.Disabled {
			if err != nil && !errors.Is(err, ticketing.ErrNotFound) {
				fail(w, r, err)
				return
			}
			s.sess.dropUser(sess.user)
			unauth(w, r)
			return
		}
		ctx := withPrincipal(r.Context(), principal{Name: u.Username, Role: u.Role, CSRF: sess.csrf})
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func (s *Server) unauthenticated(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodGet && r.URL.Path != "/desk/events" && r.URL.Query().Get("partial") == "" {
		http.Redirect(w, r, "/desk/login", http.StatusSeeOther)
		return
	}
	http.Error(w, "Bitte melden Sie sich an.", http.StatusUnauthorized)
}

// ssoUser returns the username in the SSO header when the request comes
// straight from a trusted proxy and the account exists and is enabled.
func (s *Server) ssoUser(r *http.Request) (string, bool) {
	if s.cfg.SSOHeader == "" {
		return "", false
	}
	name := strings.TrimSpace(r.Header.Get(s.cfg.SSOHeader))
	if name == "" || !s.fromTrustedProxy(r) {
		return "", false
	}
	u, err := s.cfg.Store.GetUserByName(r.Context(), strings.ToLower(name))
	if err != nil || u.Disabled {
		return "", false
	}
	return u.Username, true
}

func (s *Server) fromTrustedProxy(r *http.Request) bool {
	ap, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		return false
	}
	addr := ap.Addr().Unmap()
	for _, p := range s.cfg.TrustedProxies {
		if p.Contains(addr) {
			return true
		}
	}
	return false
}

// checkCSRF rejects every state-changing request whose synchronizer token
// (form field "csrf" or header X-CSRF-Token) is not the session's.
// Cross-origin requests are refused before, by http.CrossOriginProtection;
// the token also covers browsers that send neither Sec-Fetch-Site nor
// Origin.
func (s *Server) checkCSRF(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			next.ServeHTTP(w, r)
			return
		}
		p := principalFrom(r.Context())
		got := r.Header.Get(csrfHeader)
		if got == "" {
			got = r.PostFormValue(csrfField)
		}
		if p.CSRF == "" || subtle.ConstantTimeCompare([]byte(got), []byte(p.CSRF)) != 1 {
			s.renderError(w, r, http.StatusForbidden, "Die Sicherheitsprüfung des Formulars ist fehlgeschlagen. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// requireAdmin answers 403 to anybody who is not an admin.
func requireAdmin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !principalFrom(r.Context()).IsAdmin() {
			http.Error(w, "Diese Aktion ist Administratorinnen und Administratoren vorbehalten.", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) setSessionCookie(w http.ResponseWriter, tok string) {
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookie, Value: tok, Path: "/desk",
		MaxAge: int(s.cfg.SessionTTL / time.Second), HttpOnly: true,
		Secure: s.cfg.SecureCookies, SameSite: http.SameSiteStrictMode,
	})
}

func (s *Server) clearCookie(w http.ResponseWriter, name string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: "", Path: "/desk", MaxAge: -1, HttpOnly: true,
		Secure: s.cfg.SecureCookies, SameSite: http.SameSiteStrictMode})
}

// loginPage is the data of the login form.
type loginPage struct {
	CSRF     string
	Username string
	Error    string
}

func (s *Server) handleLoginForm(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		if _, ok := s.sess.get(c.Value); ok {
			http.Redirect(w, r, "/desk/", http.StatusSeeOther)
			return
		}
	}
	s.renderLogin(w, r, http.StatusOK, "", "")
}

func (s *Server) renderLogin(w http.ResponseWriter, r *http.Request, status int, user, msg string) {
	tok := randomToken()
	http.SetCookie(w, &http.Cookie{Name: loginCookie, Value: tok, Path: "/desk", MaxAge: 3600, HttpOnly: true,
		Secure: s.cfg.SecureCookies, SameSite: http.SameSiteStrictMode})
	s.render(w, r, status, "login", "Anmelden", loginPage{CSRF: tok, Username: user, Error: msg})
}

const loginThrottled = "Zu viele Anmeldeversuche von Ihrer Adresse. Bitte warten Sie eine Minute und versuchen Sie es dann erneut."

const loginFailed = "Anmeldung fehlgeschlagen: Benutzername oder Passwort ist falsch, oder das Konto ist vorübergehend gesperrt."

func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	c, err := r.Cookie(loginCookie)
	if err != nil || c.Value == "" || subtle.ConstantTimeCompare([]byte(c.Value), []byte(r.PostFormValue(csrfField))) != 1 {
		s.renderError(w, r, http.StatusForbidden, "Die Sicherheitsprüfung des Anmeldeformulars ist fehlgeschlagen. Bitte laden Sie die Anmeldeseite neu.")
		return
	}
	name := strings.ToLower(strings.TrimSpace(r.PostFormValue("username")))
	pw := r.PostFormValue("password")
	if name == "" || pw == "" {
		s.renderLogin(w, r, http.StatusBadRequest, name, "Bitte geben Sie Benutzername und Passwort ein.")
		return
	}
	addr := s.clientAddr(r)
	if ok, wait := s.login.allow(addr); !ok {
		s.audit(ctx, name, "user.login_throttled", userTarget(name), "too many attempts from "+addr.String())
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		s.renderLogin(w, r, http.StatusTooManyRequests, name, loginThrottled)
		return
	}
	// One check at a time per account: the failed-login count read below
	// is the one the next request sees, however many arrive in parallel.
	release := sync.OnceFunc(s.login.lockAccount(name))
	defer release()
	u, err := s.cfg.Store.GetUserByName(ctx, name)
	if errors.Is(err, ticketing.ErrNotFound) {
		// Nothing to count: the dummy check need not wait in line.
		release()
		bcrypt.CompareHashAndPassword(s.dummyHash(), []byte(pw)) // same cost as a known user
		s.audit(ctx, name, "user.login_failed", userTarget(name), "unknown user")
		s.renderLogin(w, r, http.StatusUnauthorized, name, loginFailed)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	now := s.cfg.Now()
	if u.Disabled || now.Before(u.LockedUntil) {
		release()
		// The account's own hash costs what a normal attempt costs; the
		// result is ignored, the answer is the same either way.
		bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte(pw))
		reason := "locked"
		if u.Disabled {
			reason = "disabled"
		}
		s.audit(ctx, name, "user.login_failed", userTarget(name), reason)
		s.renderLogin(w, r, http.StatusUnauthorized, name, loginFailed)
		return
	}
	if bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte(pw)) != nil {
		if u.FailedLogins > 0 {
			last, err := s.lastFailedLogin(ctx, name)
			if err != nil {
				s.serverError(w, r, err)
				return
			}
			if last.Before(now.Add(-s.cfg.LockoutWindow)) {
				u.FailedLogins = 0 // earlier failures are outside the window
			}
		}
		u.FailedLogins++
		detail := "wrong password"
		if u.FailedLogins >= s.cfg.LockoutThreshold {
			u.LockedUntil = now.Add(s.cfg.LockoutDuration)
			u.FailedLogins = 0
			detail = "wrong password; locked until " + u.LockedUntil.UTC().Format(time.RFC3339)
		}
		if err := s.cfg.Store.UpdateUser(ctx, u); err != nil {
			s.serverError(w, r, err)
			return
		}
		s.audit(ctx, name, "user.login_failed", userTarget(name), detail)
		s.renderLogin(w, r, http.StatusUnauthorized, name, loginFailed)
		return
	}
	if u.FailedLogins != 0 || !u.LockedUntil.IsZero() {
		u.FailedLogins, u.LockedUntil = 0, time.Time{}
		if err := s.cfg.Store.UpdateUser(ctx, u); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	s.login.refund(addr)
	tok, _ := s.sess.create(u.Username, s.cfg.SessionTTL)
	s.setSessionCookie(w, tok)
	s.clearCookie(w, loginCookie)
	s.audit(ctx, u.Username, "user.login", userTarget(u.Username), "password")
	http.Redirect(w, r, "/desk/", http.StatusSeeOther)
}

// lastFailedLogin returns the time of the newest failed login of name
// (from the audit log), or the zero time.
func (s *Server) lastFailedLogin(ctx context.Context, name string) (time.Time, error) {
	entries, err := s.cfg.Store.ListAudit(ctx, ticketing.AuditFilter{Who: name, Target: userTarget(name), Limit: 50})
	if err != nil {
		return time.Time{}, err
	}
	for _, e := range entries {
		if e.Action == "user.login_failed" {
			return e.At, nil
		}
	}
	return time.Time{}, nil
}

func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		s.sess.drop(c.Value)
	}
	p := principalFrom(r.Context())
	s.audit(r.Context(), p.Name, "user.logout", userTarget(p.Name), "")
	s.clearCookie(w, sessionCookie)
	http.Redirect(w, r, "/desk/login", http.StatusSeeOther)
}

// audit writes an audit entry for a committed action; a failure is logged.
func (s *Server) audit(ctx context.Context, who, action, target, detail string) {
	if err := s.cfg.Store.Audit(ctx, ticketing.AuditEntry{Who: who, Action: action, Target: target, Detail: detail, At: s.cfg.Now()}); err != nil {
		s.log.Error("desk: write audit entry", "action", action, "target", target, "err", err)
	}
}
