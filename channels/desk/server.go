// SPDX-License-Identifier: EUPL-1.2

// Package desk is the service-desk console: agents log in with local
// accounts (or a trusted proxy's SSO header), work the queue of escalations
// and incidents with SLA clocks, read the full transcript of a case with the
// sources the assistant showed, answer, take over a live web chat, manage
// known outages, review the assistant's answers and see what it could not
// answer (knowledge gaps). Reviewed answers become eval cases (ExportReviews).
//
// desk is not the ticket system: every change goes through ticketing.Service
// (which audits it) or is audited here through ticketing.Store. It is not the
// chat either: a live takeover drives the web channel through the LiveChat
// interface. Pages are server-rendered html/template with one small static
// script for live updates (Server-Sent Events); no inline script or style.
package desk

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/netip"
	"sync"
	"time"

	"github.com/go-chi/chi/v5"
	"golang.org/x/crypto/bcrypt"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/ticketing"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// LiveChat is the desk's view of the web channel for live takeovers. It is
// declared here, by its consumer, so that desk does not import channels/web
// and can be tested with a fake; *web.Server implements it.
//
// Both methods return an error wrapping assistant.ErrNotFound when the
// conversation is not stored.
type LiveChat interface {
	// AgentMessage shows the agent's reply in the citizen's widget at once
	// (an agent_message event) and stores it in the conversation.
	AgentMessage(ctx context.Context, convID, from, text string) error
	// SetAgentHeld holds (the assistant stays silent) or releases the
	// conversation; the widget sees agent_joined or agent_left.
	SetAgentHeld(ctx context.Context, convID string, held bool, agentName string) error
	// AgentTyping shows "<from> (Service-Team) schreibt …" in the widget
	// for a few seconds; nothing is stored.
	AgentTyping(convID, from string)
}

// Roles of desk accounts.
const (
	RoleAgent = "agent" // works tickets, outages, reviews
	RoleAdmin = "admin" // also manages users, closes outages, reads the audit log
)

// Config holds the dependencies of a Server. Tickets, Store and
// Conversations are required; Live may be nil (no live takeover then);
// every other field has a default.
type Config struct {
	// Tickets is the ticket service; every ticket change goes through it.
	Tickets *ticketing.Service
	// Store is the same store the service uses: users, audit log,
	// conversation listing.
	Store *ticketing.Store
	// Conversations loads the assistant's conversations for transcripts.
	Conversations assistant.ConversationStore
	// Live drives live takeovers of web chats; nil hides the takeover.
	Live LiveChat
	// Logins keeps logins for every instance (several instances behind a
	// load balancer); nil keeps them in this process's memory.
	Logins LoginStore
	// Logger; nil discards logs.
	Logger *slog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// SecureCookies sets the Secure flag on cookies (behind HTTPS).
	SecureCookies bool
	// SessionTTL is how long a login lasts; default 8 h.
	SessionTTL time.Duration
	// TrustedProxies are the reverse proxies whose SSOHeader is believed.
	TrustedProxies []netip.Prefix
	// SSOHeader, when set, carries the desk username of a user the proxy
	// has authenticated; it is accepted only from TrustedProxies and only
	// for an existing, enabled account.
	SSOHeader string
	// SLA is the time to resolve per priority; missing priorities take the
	// defaults P1 1 h, P2 4 h, P3 8 h (one business day), P4 72 h.
	SLA map[string]time.Duration
	// LockoutThreshold is the number of failed logins within LockoutWindow
	// that lock an account; default 5. A successful login resets the count.
	LockoutThreshold int
	// LockoutWindow is how far back failed logins count; default 15 min.
	LockoutWindow time.Duration
	// LockoutDuration is how long a locked account stays locked; default
	// 15 min.
	LockoutDuration time.Duration
	// LoginAttemptsPerAddress is how many login attempts one client
	// address may make per LoginAddressWindow; default 20. Successful
	// logins are not counted.
	LoginAttemptsPerAddress int
	// LoginAddressWindow is the window of LoginAttemptsPerAddress; default
	// 1 min.
	LoginAddressWindow time.Duration
	// Instances is the number of instances that share
	// LoginAttemptsPerAddress: each allows its share (divided by
	// Instances, at least 1). Default 1.
	Instances int
	// PollInterval is how often the live-update poller looks for ticket
	// changes while a browser listens; default 2 s.
	PollInterval time.Duration
	// MaxGapConversations bounds how many recent conversations the
	// knowledge-gap report reads; default 5000.
	MaxGapConversations int
}

// DefaultSLA returns the default resolution times per priority.
func DefaultSLA() map[string]time.Duration {
	return map[string]time.Duration{
		ticketing.P1: time.Hour,
		ticketing.P2: 4 * time.Hour,
		ticketing.P3: 8 * time.Hour,
		ticketing.P4: 72 * time.Hour,
	}
}

// Server is the service-desk console. Create it with New, mount it with
// Routes and stop it with Shutdown.
type Server struct {
	cfg   Config
	log   *slog.Logger
	pages map[string]*template.Template
	// statusTmpl is the person's status page (status.go).
	statusTmpl *template.Template
	sess       *sessions
	hub        *hub
	login      *loginGuard
	// dummyHash makes a login of an unknown, locked or disabled user cost
	// as much time as one of a known user; it is made on first use.
	dummyHash func() []byte

	shutdownOnce sync.Once
}

// New validates cfg, fills defaults and returns a Server.
func New(cfg Config) (*Server, error) {
	switch {
	case cfg.Tickets == nil:
		return nil, errors.New("desk: Config.Tickets is required")
	case cfg.Store == nil:
		return nil, errors.New("desk: Config.Store is required")
	case cfg.Conversations == nil:
		return nil, errors.New("desk: Config.Conversations is required")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.SessionTTL <= 0 {
		cfg.SessionTTL = 8 * time.Hour
	}
	sla := DefaultSLA()
	for p, d := range cfg.SLA {
		if _, ok := sla[p]; !ok {
			return nil, fmt.Errorf("desk: SLA for unknown priority %q", p)
		}
		if d <= 0 {
			return nil, fmt.Errorf("desk: SLA for %s must be positive", p)
		}
		sla[p] = d
	}
	cfg.SLA = sla
	if cfg.LockoutThreshold <= 0 {
		cfg.LockoutThreshold = 5
	}
	if cfg.LockoutWindow <= 0 {
		cfg.LockoutWindow = 15 * time.Minute
	}
	if cfg.LockoutDuration <= 0 {
		cfg.LockoutDuration = 15 * time.Minute
	}
	if cfg.LoginAttemptsPerAddress <= 0 {
		cfg.LoginAttemptsPerAddress = 20
	}
	if cfg.Instances > 1 {
		cfg.LoginAttemptsPerAddress = max(1, cfg.LoginAttemptsPerAddress/cfg.Instances)
	}
	if cfg.LoginAddressWindow <= 0 {
		cfg.LoginAddressWindow = time.Minute
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = 2 * time.Second
	}
	if cfg.MaxGapConversations <= 0 {
		cfg.MaxGapConversations = 5000
	}
	pages, err := parsePages()
	if err != nil {
		return nil, err
	}
	dummy := sync.OnceValue(func() []byte {
		h, _ := bcrypt.GenerateFromPassword([]byte(randomToken()), bcryptCost) // fails only for > 72 bytes
		return h
	})
	statusTmpl, err := parseStatusPage()
	if err != nil {
		return nil, fmt.Errorf("desk: parse status page: %w", err)
	}
	s := &Server{cfg: cfg, log: cfg.Logger, pages: pages, statusTmpl: statusTmpl, sess: newSessions(cfg.Now, cfg.Logins, cfg.Logger), dummyHash: dummy}
	s.hub = newHub(s.fingerprint, cfg.PollInterval, cfg.Logger)
	s.login = newLoginGuard(cfg.Now, cfg.LoginAttemptsPerAddress, cfg.LoginAddressWindow)
	return s, nil
}

// Routes mounts the console under /desk on r:
//
//	GET  /desk/login, POST /desk/login, POST /desk/logout
//	GET  /desk/                      queue (filters in the query string)
//	GET  /desk/events                Server-Sent Events: ticket changes
//	GET  /desk/tickets/{id}          case view ({id}: key "LOT-6" or internal number)
//	GET  /desk/tickets/{id}/transcript?from=N   new transcript entries (live view)
//	POST /desk/tickets/{id}/{action} claim, assign, reply, note, priority,
//	                                 link-outage, major-incident, push-jira,
//	                                 resolve, reopen, takeover, release, review
//	GET  /desk/gaps, /desk/gaps.csv  knowledge gaps
//	GET  /desk/outages, POST /desk/outages, POST /desk/outages/{id}[/close]
//	GET  /desk/users, POST /desk/users[/{name}/{action}]   (admin)
//	GET  /desk/audit                 (admin)
//	GET  /desk/static/*              CSS and JS
//	GET  /status/{token}, POST /status/{token}   the person's status page (status.go)
//
// and the JSON API (api.go; same authentication, CSRF token in the
// X-CSRF-Token header, errors as {"error":{"code","message"}}):
//
//	GET   /desk/api/v1/session                 user, role, csrf_token
//	GET   /desk/api/v1/tickets                 ?status=&priority=&kind=&channel=&audience=&lang=&older_than=&limit=&offset=
//	GET   /desk/api/v1/tickets/{id}            ticket with notes
//	PATCH /desk/api/v1/tickets/{id}            status, priority, assignee, resolution
//	POST  /desk/api/v1/tickets/{id}/notes      text, internal
//	GET   /desk/api/v1/outages, POST /desk/api/v1/outages, PATCH /desk/api/v1/outages/{id}
//	POST  /desk/api/v1/outages/{id}/close      (admin)
func (s *Server) Routes(r chi.Router) {
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	cop := http.NewCrossOriginProtection()
	r.Route("/status", s.statusRoutes)
	r.Route("/desk", func(r chi.Router) {
		r.Use(securityHeaders, cop.Handler, s.limitBody)
		r.Handle("/static/*", http.StripPrefix("/desk/static/", http.FileServerFS(static)))
		r.Get("/login", s.handleLoginForm)
		r.Post("/login", s.handleLogin)
		r.Route("/api/v1", s.apiRoutes)
		r.Group(func(r chi.Router) {
			r.Use(s.requireSession, s.checkCSRF)
			r.Post("/logout", s.handleLogout)
			r.Get("/", s.handleQueue)
			r.Get("/events", s.handleEvents)
			r.Get("/tickets/{id}", s.handleTicket)
			r.Get("/tickets/{id}/transcript", s.handleTranscript)
			r.Post("/tickets/{id}/typing", s.handleTyping)
			r.Post("/tickets/{id}/{action}", s.handleTicketAction)
			r.Get("/gaps", s.handleGaps)
			r.Get("/gaps.csv", s.handleGapsCSV)
			r.Get("/outages", s.handleOutages)
			r.Post("/outages", s.handleOutageCreate)
			r.Post("/outages/{id}", s.handleOutageUpdate)
			r.Group(func(r chi.Router) {
				r.Use(requireAdmin)
				r.Post("/outages/{id}/close", s.handleOutageClose)
				r.Get("/users", s.handleUsers)
				r.Post("/users", s.handleUserCreate)
				r.Post("/users/{name}/{action}", s.handleUserAction)
				r.Get("/audit", s.handleAudit)
			})
		})
	})
}

// Shutdown stops the live-update poller and ends open event streams. It is
// idempotent.
func (s *Server) Shutdown(ctx context.Context) error {
	s.shutdownOnce.Do(s.hub.shutdown)
	return ctx.Err()
}

// securityHeaders sets a CSP without inline script or style, forbids
// framing and sniffing, and keeps pages out of caches.
func securityHeaders(next http.Handler) http.Handler {
	const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}

// maxBody bounds form bodies.
const maxBody = 64 << 10

func (s *Server) limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		}
		next.ServeHTTP(w, r)
	})
}
