// SPDX-License-Identifier: EUPL-1.2

// Package web is Lotse's browser channel: the REST chat API, the WebSocket
// chat protocol with resumable sessions, the embeddable widget and the demo
// and intranet pages, and the authentication of employees behind the
// intranet's reverse proxy.
//
// It is not the assistant: every message goes through a Chatter (in
// production *assistant.Assistant) exactly as the phone channel's do, and
// the audience of a conversation comes only from the route and the proxy's
// identity header, never from the client. It is not the service desk
// either; the desk drives live takeovers through Server.AgentMessage and
// Server.SetAgentHeld.
//
// It protects itself: rate limits per client address and session, paced
// socket reads, a cap on sockets per address, a CORS allowlist, strict
// security headers on every answer and bounded conversations (see
// PROTOCOL.md, "Limits"). It is not a firewall: volumetric attacks are the
// reverse proxy's job.
//
// The wire protocol is documented in PROTOCOL.md.
package web

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/gorilla/websocket"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
)

// Chatter runs one conversation turn. It is declared here, by its consumer,
// so that the channel can be tested with a scripted fake; *assistant.Assistant
// implements it. The stream's last chunk is a ChunkAnswer; an error ends it.
// Turn appends the user's and the assistant's entries to conv; the channel
// saves conv afterwards.
type Chatter interface {
	Turn(ctx context.Context, conv *assistant.Conversation, msg assistant.Message) iter.Seq2[assistant.Chunk, error]
}

// Metrics receives the channel's gauges. It is declared here so that web
// does not import a metrics library; cmd/lotse adapts Prometheus.
type Metrics interface {
	// ConnOpened and ConnClosed move the gauge of open WebSocket connections.
	ConnOpened()
	ConnClosed()
}

// Feedback is a user's rating of one answer.
type Feedback struct {
	ConversationID string
	AnswerID       string
	Audience       knowledge.Audience
	Rating         string // "up" or "down"
	Comment        string // optional, as typed by the user (may contain personal data)
	Question       string // the message the answer replied to
	Answer         string
	Intent         assistant.Intent
	Sources        []assistant.Source
	At             time.Time
}

// FeedbackSink receives ratings, e.g. the desk's knowledge-gap report. It is
// declared here because web is its only producer. Record must not block for
// long; an error is logged and the user still gets a thank-you.
type FeedbackSink interface {
	Record(ctx context.Context, f Feedback) error
}

// Config holds the dependencies and limits of a Server. Chat and Store are
// required; every other field may be left zero (see the field for its
// default).
type Config struct {
	// Chat answers messages; in production an *assistant.Assistant.
	Chat Chatter
	// Store keeps conversations between turns.
	Store assistant.ConversationStore
	// Feedback receives thumbs up/down; nil means ratings are only logged.
	Feedback FeedbackSink
	// Metrics may be nil.
	Metrics Metrics
	// Logger; nil means slog.Default().
	Logger *slog.Logger
	// Disclosure returns the AI disclosure shown when a chat starts; nil
	// means assistant.Disclosure.
	Disclosure func(lang string) string

	// AllowedOrigins lists the origins ("https://www.musterstadt.de") that
	// may open the WebSocket or POST to the API from a browser; the
	// citizen REST API answers CORS requests from exactly these origins.
	// Empty means same-origin only. Requests without an Origin header
	// (non-browser clients) are always allowed.
	AllowedOrigins []string
	// TrustedProxies are the addresses of the reverse proxies whose
	// EmployeeHeader and X-Forwarded-For are believed. Empty means no
	// employee can log in and every client is known by its peer address.
	TrustedProxies []netip.Prefix
	// EmployeeHeader carries the employee's user name; default "X-Remote-User".
	EmployeeHeader string

	// MaxMessageChars bounds a message's text; default
	// assistant.MaxMessageRunes (4000 characters).
	MaxMessageChars int
	// MaxFrameBytes bounds one WebSocket frame; default 16 KiB. A larger
	// frame closes the connection with 1009.
	MaxFrameBytes int64
	// MaxBodyBytes bounds a REST request body; default 64 KiB.
	MaxBodyBytes int64
	// SessionTTL is how long an idle session can be resumed; default 30 min.
	SessionTTL time.Duration
	// ResumeEvents is how many numbered events a session keeps for resume;
	// default 50.
	ResumeEvents int
	// SendBuffer is the number of queued outgoing messages per connection
	// before the client counts as too slow; default 256.
	SendBuffer int
	// WriteTimeout bounds every socket write; default 10 s.
	WriteTimeout time.Duration
	// PingInterval is the time between pings; a peer silent for two
	// intervals is disconnected. Default 30 s.
	PingInterval time.Duration
	// TurnTimeout bounds one WebSocket turn (which outlives its socket);
	// default 2 min.
	TurnTimeout time.Duration
	// FrameAncestors are extra origins allowed to frame the pages (CSP
	// frame-ancestors, besides 'self').
	FrameAncestors []string

	// IPRate limits the chat messages of one client address (IPv4, or
	// IPv6 /64): REST chat requests and WebSocket message, request_human
	// and feedback frames together. Default 30 per minute, burst 10.
	IPRate RateLimit
	// SessionRate limits the chat messages of one session, counted like
	// IPRate. Default 12 per minute, burst 5.
	SessionRate RateLimit
	// FrameRate paces the reading of every WebSocket frame (of any type) of
	// one connection: frames beyond it wait unread, which throttles a
	// flooding client by TCP back-pressure. Default 120 per minute (2 per
	// second), burst 20.
	FrameRate RateLimit
	// MaxConnsPerIP bounds the open WebSockets of one client address; the
	// next handshake gets 429 too_many_connections. Default 20; negative
	// means no bound.
	MaxConnsPerIP int
	// Buckets, when set, holds the IPRate and SessionRate buckets for all
	// instances (shared database): the limits then hold exactly, however
	// the load balancer spreads a client. When it fails, each instance
	// decides with its own share (see Instances).
	Buckets TokenBuckets
	// Instances is the number of instances behind the load balancer. Each
	// enforces its share of MaxConnsPerIP, and without Buckets (or when
	// they fail) of IPRate and SessionRate: PerMinute, Burst and the cap
	// divided by Instances, at least 1, so that a client never gets more
	// than the limit in total. Default 1.
	Instances int
	// MaxTrackedClients bounds each rate-limit table (addresses, sessions);
	// default 50,000.
	MaxTrackedClients int
	// RefusalDelay is the longest a REST request refused by a rate limit
	// waits before its 429 (it waits at most its Retry-After), so that a
	// client flooding over one connection is slowed down. Default 1 s;
	// negative means no delay.
	RefusalDelay time.Duration
	// MaxConversationEntries bounds a conversation: a message to a
	// conversation that holds this many entries starts a new session
	// (with a notice) and is answered there. Default 200, at least 10.
	MaxConversationEntries int
	// Sessions keeps the sessions and their events where every instance
	// finds them (several instances behind a load balancer); nil means
	// this process only. Notifier is then required.
	Sessions SessionStore
	// Notifier tells the other instances about new events; required with
	// Sessions, ignored without.
	Notifier Notifier

	// Now; nil means time.Now.
	Now func() time.Time
	// sleep waits for d or until ctx ends (frame pacing, refusal delays);
	// nil means a timer. Tests record the waits instead.
	sleep func(ctx context.Context, d time.Duration)
}

func (c *Config) setDefaults() {
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.Disclosure == nil {
		c.Disclosure = assistant.Disclosure
	}
	if c.EmployeeHeader == "" {
		c.EmployeeHeader = "X-Remote-User"
	}
	if c.MaxMessageChars == 0 {
		c.MaxMessageChars = assistant.MaxMessageRunes
	}
	if c.MaxFrameBytes == 0 {
		c.MaxFrameBytes = 16 << 10
	}
	if c.MaxBodyBytes == 0 {
		c.MaxBodyBytes = 64 << 10
	}
	if c.SessionTTL == 0 {
		c.SessionTTL = 30 * time.Minute
	}
	if c.ResumeEvents == 0 {
		c.ResumeEvents = 50
	}
	if c.SendBuffer == 0 {
		c.SendBuffer = 256
	}
	if c.WriteTimeout == 0 {
		c.WriteTimeout = 10 * time.Second
	}
	if c.PingInterval == 0 {
		c.PingInterval = 30 * time.Second
	}
	if c.TurnTimeout == 0 {
		c.TurnTimeout = 2 * time.Minute
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.sleep == nil {
		c.sleep = sleepCtx
	}
	if c.IPRate == (RateLimit{}) {
		c.IPRate = RateLimit{PerMinute: 30, Burst: 10}
	}
	if c.SessionRate == (RateLimit{}) {
		c.SessionRate = RateLimit{PerMinute: 12, Burst: 5}
	}
	if c.FrameRate == (RateLimit{}) {
		c.FrameRate = RateLimit{PerMinute: 120, Burst: 20}
	}
	if c.MaxConnsPerIP == 0 {
		c.MaxConnsPerIP = 20
	}
	if c.Instances == 0 {
		c.Instances = 1
	}
	if c.MaxTrackedClients == 0 {
		c.MaxTrackedClients = 50000
	}
	if c.RefusalDelay == 0 {
		c.RefusalDelay = time.Second
	}
	if c.MaxConversationEntries == 0 {
		c.MaxConversationEntries = 200
	}
}

func (c *Config) validate() error {
	switch {
	case c.Chat == nil:
		return errors.New("web: Config.Chat is required")
	case c.Store == nil:
		return errors.New("web: Config.Store is required")
	case c.MaxMessageChars < 1 || c.MaxFrameBytes < 1024 || c.MaxBodyBytes < 1024:
		return errors.New("web: message, frame and body limits must be positive (frames and bodies at least 1 KiB)")
	case c.ResumeEvents < 1 || c.SendBuffer < 8:
		return errors.New("web: ResumeEvents must be positive and SendBuffer at least 8")
	case c.SessionTTL < 0 || c.WriteTimeout < 0 || c.PingInterval < 0 || c.TurnTimeout < 0:
		return errors.New("web: durations must not be negative")
	case !c.IPRate.valid() || !c.SessionRate.valid() || !c.FrameRate.valid():
		return errors.New("web: a rate limit needs PerMinute > 0 and Burst >= 1 (or PerMinute < 0 to switch it off)")
	case c.MaxTrackedClients < 100:
		return errors.New("web: MaxTrackedClients must be at least 100")
	case c.MaxConversationEntries < 10:
		return errors.New("web: MaxConversationEntries must be at least 10")
	case c.Instances < 1 || c.Instances > 64:
		return errors.New("web: Instances must be between 1 and 64")
	case c.Sessions != nil && c.Notifier == nil:
		return errors.New("web: Config.Notifier is required with Config.Sessions")
	}
	if !isHeaderName(c.EmployeeHeader) {
		return fmt.Errorf("web: EmployeeHeader %q is not a header name", c.EmployeeHeader)
	}
	for _, o := range c.AllowedOrigins {
		if _, err := normalizeOrigin(o); err != nil {
			return fmt.Errorf("web: AllowedOrigins: %w", err)
		}
	}
	return nil
}

// Server serves the web channel. Create it with New, mount it with Routes
// and stop it with Shutdown.
type Server struct {
	cfg      Config
	log      *slog.Logger
	hub      *hub
	origins  map[string]bool
	upgrader websocket.Upgrader
	pages    *pages
	lim      *limiter
	secure   func(http.Handler) http.Handler // SecurityHeaders(FrameAncestors)

	refusalSlots chan struct{} // bounds the REST refusals delayed at once
	sleep        func(ctx context.Context, d time.Duration)

	baseCtx    context.Context // parent of WebSocket turns; cancelled by Shutdown when draining times out
	cancelBase context.CancelFunc

	mu      sync.Mutex
	closing bool
	conns   map[*conn]struct{}
	turns   sync.WaitGroup
	// connsPerIP counts the open WebSockets per client address key.
	connsPerIP map[string]int
}

// New validates cfg and returns a Server.
func New(cfg Config) (*Server, error) {
	cfg.setDefaults()
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	cfg.shareLimits()
	s := &Server{
		cfg:     cfg,
		log:     cfg.Logger,
		hub:     newHub(cfg.Now, cfg.SessionTTL, cfg.ResumeEvents),
		origins: make(map[string]bool),
		conns:   make(map[*conn]struct{}),
		lim:     newLimiter(&cfg),
		secure:  SecurityHeaders(cfg.FrameAncestors),

		refusalSlots: make(chan struct{}, maxDelayedRefusals),
		sleep:        cfg.sleep,
		connsPerIP:   make(map[string]int),
	}
	for _, o := range cfg.AllowedOrigins {
		n, _ := normalizeOrigin(o)
		s.origins[n] = true
	}
	s.upgrader = websocket.Upgrader{
		HandshakeTimeout: cfg.WriteTimeout,
		ReadBufferSize:   4096,
		WriteBufferSize:  4096,
		// The origin is checked before Upgrade so that a refusal is a JSON 403.
		CheckOrigin: func(*http.Request) bool { return true },
	}
	p, err := newPages()
	if err != nil {
		return nil, err
	}
	s.pages = p
	s.baseCtx, s.cancelBase = context.WithCancel(context.Background())
	s.hub.log = cfg.Logger
	if cfg.Sessions != nil {
		s.hub.store = cfg.Sessions
		s.hub.publishShared = s.publishShared
		listening := make(chan struct{})
		go func() {
			close(listening)
			cfg.Notifier.Listen(s.baseCtx, s.onNote)
		}()
		<-listening
	}
	return s, nil
}

// Routes mounts the channel on r:
//
//	GET  /                      citizen demo page
//	GET  /intern                employee chat page (trusted proxy header)
//	GET  /widget.js, /widget.css, /static/*   embedded assets
//	POST /api/v1/chat           REST chat, citizen audience (CORS for AllowedOrigins)
//	OPTIONS /api/v1/chat        CORS preflight
//	POST /intern/api/v1/chat    REST chat, employee audience (same origin only)
//	GET  /ws                    WebSocket chat, citizen audience
//	GET  /intern/ws             WebSocket chat, employee audience
//
// Every answer of these routes carries the security headers of
// SecurityHeaders(FrameAncestors). Routes also sets r's NotFound and
// MethodNotAllowed handlers to JSON errors with the same headers.
func (s *Server) Routes(r chi.Router) {
	r.NotFound(s.NotFound)
	r.MethodNotAllowed(s.MethodNotAllowed)
	r.Group(func(r chi.Router) {
		r.Use(s.secure, s.recoverer)
		r.Get("/widget.js", s.serveAsset("widget.js"))
		r.Get("/widget.css", s.serveAsset("widget.css"))
		r.Get("/static/page.css", s.serveAsset("page.css"))
		r.Get("/", s.handleIndex)
		r.With(s.cors, s.checkOrigin).Post("/api/v1/chat", s.handleChat(knowledge.Citizen))
		r.Options("/api/v1/chat", s.preflight)
		r.With(s.checkOrigin).Get("/ws", s.handleWS(knowledge.Citizen))

		r.Route("/intern", func(r chi.Router) {
			r.Use(s.employeeOnly)
			r.Get("/", s.handleIntern)
			r.With(s.checkOrigin).Post("/api/v1/chat", s.handleChat(knowledge.Employee))
			r.With(s.checkOrigin).Get("/ws", s.handleWS(knowledge.Employee))
		})
	})
}

// NotFound answers 404 with a JSON error.
func (s *Server) NotFound(w http.ResponseWriter, r *http.Request) {
	s.secure(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, s.log, errNotFound)
	})).ServeHTTP(w, r)
}

// MethodNotAllowed answers 405 with a JSON error.
func (s *Server) MethodNotAllowed(w http.ResponseWriter, r *http.Request) {
	s.secure(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, s.log, errMethodNotAllowed)
	})).ServeHTTP(w, r)
}

// Shutdown stops accepting new sockets and turns, waits for running turns
// to finish (their answers are still delivered and buffered), then closes
// every socket with 1001 "going away". When ctx ends first, running turns
// are cancelled and the sockets closed anyway; ctx's error is returned.
// Shutdown is idempotent. Call it before stopping the http.Server, whose own
// Shutdown does not know hijacked WebSocket connections.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.closing = true
	s.mu.Unlock()

	drained := make(chan struct{})
	go func() { s.turns.Wait(); close(drained) }()
	var err error
	select {
	case <-drained:
	case <-ctx.Done():
		err = fmt.Errorf("web: shutdown: %w", ctx.Err())
		s.cancelBase()
	}

	s.mu.Lock()
	conns := make([]*conn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	s.mu.Unlock()
	for _, c := range conns {
		c.close(websocket.CloseGoingAway, "Server wird neu gestartet")
	}
	for _, c := range conns {
		select {
		case <-c.finished:
		case <-ctx.Done():
			if err == nil {
				err = fmt.Errorf("web: shutdown: %w", ctx.Err())
			}
			c.ws.Close()
		}
	}
	s.cancelBase()
	return err
}

func (s *Server) isClosing() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closing
}

// checkOrigin refuses browser requests from origins that may not use the
// chat. Requests without Origin (curl, the load tool, servers) pass.
func (s *Server) checkOrigin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.originAllowed(r) {
			writeError(w, r, s.log, errForbiddenOrigin)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) originAllowed(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	n, err := normalizeOrigin(origin)
	if err != nil {
		return false
	}
	if s.origins[n] {
		return true
	}
	u, _ := url.Parse(n)
	return strings.EqualFold(u.Host, r.Host)
}

// normalizeOrigin returns scheme://host[:port] in lower case.
func normalizeOrigin(o string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(o))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || (u.Path != "" && u.Path != "/") {
		return "", fmt.Errorf("invalid origin %q", o)
	}
	return strings.ToLower(u.Scheme + "://" + u.Host), nil
}

func isHeaderName(h string) bool {
	if h == "" {
		return false
	}
	for _, r := range h {
		if !(r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

// recoverer turns a panic in a handler into a logged JSON 500.
func (s *Server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				writeError(w, r, s.log, fmt.Errorf("web: panic: %v", v))
			}
		}()
		next.ServeHTTP(w, r)
	})
}
