// SPDX-License-Identifier: EUPL-1.2

package desk

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"
	"golang.org/x/crypto/bcrypt"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/ticketing"
)

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// convStore keeps conversations in the ticketing store as JSON, like
// cmd/lotse's adapter.
type convStore struct{ st *ticketing.Store }

var _ assistant.ConversationStore = convStore{}

func (c convStore) Load(ctx context.Context, id string) (*assistant.Conversation, error) {
	rec, err := c.st.LoadConversation(ctx, id)
	if errors.Is(err, ticketing.ErrNotFound) {
		return nil, assistant.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	var conv assistant.Conversation
	if err := json.Unmarshal(rec.Data, &conv); err != nil {
		return nil, err
	}
	return &conv, nil
}

func (c convStore) Save(ctx context.Context, conv *assistant.Conversation) error {
	data, err := json.Marshal(conv)
	if err != nil {
		return err
	}
	return c.st.SaveConversation(ctx, ticketing.ConversationRecord{ID: conv.ID, Audience: string(conv.Audience), Channel: conv.Channel,
		UserID: conv.UserID, Data: data, CreatedAt: conv.CreatedAt, UpdatedAt: conv.UpdatedAt})
}

// liveCall is one call to the fake LiveChat.
type liveCall struct {
	Method, Conv, From, Text string
	Held                     bool
}

// fakeLive records calls and applies them to the conversation store, as
// the web channel does.
type fakeLive struct {
	mu    sync.Mutex
	calls []liveCall
	store convStore
	err   error
}

var _ LiveChat = (*fakeLive)(nil)

func (f *fakeLive) AgentMessage(ctx context.Context, convID, from, text string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, liveCall{Method: "AgentMessage", Conv: convID, From: from, Text: text})
	if f.err != nil {
		return f.err
	}
	c, err := f.store.Load(ctx, convID)
	if err != nil {
		return err
	}
	c.Entries = append(c.Entries, assistant.Entry{Role: assistant.RoleAgent, Text: text})
	return f.store.Save(ctx, c)
}

func (f *fakeLive) SetAgentHeld(ctx context.Context, convID string, held bool, agent string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, liveCall{Method: "SetAgentHeld", Conv: convID, From: agent, Held: held})
	if f.err != nil {
		return f.err
	}
	c, err := f.store.Load(ctx, convID)
	if err != nil {
		return err
	}
	c.AgentHeld = held
	return f.store.Save(ctx, c)
}

func (f *fakeLive) AgentTyping(convID, from string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, liveCall{Method: "AgentTyping", Conv: convID, From: from})
}

func (f *fakeLive) Calls() []liveCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]liveCall(nil), f.calls...)
}

// env is a running desk with its store, service, clock and fakes.
type env struct {
	t      *testing.T
	st     *ticketing.Store
	svc    *ticketing.Service
	conv   convStore
	live   *fakeLive
	clock  *clock
	srv    *Server
	router chi.Router
	http   *httptest.Server
}

const testPassword = "richtig-langes-passwort"

func mustEnv(t *testing.T, opt func(*Config)) *env {
	t.Helper()
	return mustEnvWith(t, nil, opt)
}

// mustEnvWith is mustEnv with a hook for the ticketing configuration (e.g.
// a Deliverer); the service is not started.
func mustEnvWith(t *testing.T, tickets func(*ticketing.Config), opt func(*Config)) *env {
	t.Helper()
	ctx := context.Background()
	st, err := ticketing.Open(ctx, filepath.Join(t.TempDir(), "lotse.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	e := &env{t: t, st: st, conv: convStore{st}, clock: newClock()}
	e.live = &fakeLive{store: e.conv}
	tcfg := ticketing.Config{Store: st, Now: e.clock.Now}
	if tickets != nil {
		tickets(&tcfg)
	}
	e.svc, err = ticketing.New(tcfg)
	if err != nil {
		t.Fatalf("ticketing.New: %v", err)
	}
	cfg := Config{Tickets: e.svc, Store: st, Conversations: e.conv, Live: e.live, Now: e.clock.Now, PollInterval: 50 * time.Millisecond}
	if opt != nil {
		opt(&cfg)
	}
	e.srv, err = New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	r := chi.NewRouter()
	e.srv.Routes(r)
	e.router = r
	e.http = httptest.NewServer(r)
	t.Cleanup(func() {
		e.srv.Shutdown(context.Background())
		e.http.Close()
	})
	// Test accounts get cheap hashes (bcrypt's minimum cost) to keep the
	// race detector fast; AddUser's real cost is tested in TestUserHelpers.
	hash, err := bcrypt.GenerateFromPassword([]byte(testPassword), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []struct{ name, role string }{{"anna", RoleAgent}, {"admin", RoleAdmin}} {
		if _, err := st.CreateUser(ctx, ticketing.User{Username: u.name, PasswordHash: string(hash), Role: u.role, CreatedAt: e.clock.Now()}); err != nil {
			t.Fatalf("CreateUser %s: %v", u.name, err)
		}
	}
	return e
}

// client is a browser-like client with a cookie jar that does not follow
// redirects.
type client struct {
	e    *env
	http *http.Client
	csrf string
}

func (e *env) client() *client {
	jar, _ := cookiejar.New(nil)
	return &client{e: e, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

var csrfRE = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// get fetches path and returns status and body; it remembers the page's
// CSRF token.
func (c *client) get(path string) (int, string) {
	c.e.t.Helper()
	resp, err := c.http.Get(c.e.http.URL + path)
	if err != nil {
		c.e.t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if m := csrfRE.FindSubmatch(b); m != nil {
		c.csrf = string(m[1])
	}
	return resp.StatusCode, string(b)
}

// post submits a form; the CSRF token is added unless the form has one.
func (c *client) post(path string, form url.Values) (int, string, *http.Response) {
	c.e.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	if _, ok := form["csrf"]; !ok {
		form.Set("csrf", c.csrf)
	}
	resp, err := c.http.PostForm(c.e.http.URL+path, form)
	if err != nil {
		c.e.t.Fatalf("POST %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp
}

// login logs in and fails the test unless it worked.
func (c *client) login(user, pw string) {
	c.e.t.Helper()
	if code, body := c.tryLogin(user, pw); code != http.StatusSeeOther {
		c.e.t.Fatalf("login %s: status %d\n%s", user, code, body)
	}
	c.get("/desk/") // pick up the session's CSRF token
}

func (c *client) tryLogin(user, pw string) (int, string) {
	c.e.t.Helper()
	c.get("/desk/login")
	code, body, _ := c.post("/desk/login", url.Values{"username": {user}, "password": {pw}, "csrf": {c.csrf}})
	return code, body
}

// escalate commits an escalation ticket for a stored web conversation and
// returns the ticket.
func (e *env) escalate(convID string, entries []assistant.Entry) ticketing.Ticket {
	e.t.Helper()
	ctx := context.Background()
	now := e.clock.Now()
	conv := &assistant.Conversation{ID: convID, Audience: "citizen", Channel: "web", Lang: "de", Entries: entries, CreatedAt: now, UpdatedAt: now}
	if err := e.conv.Save(ctx, conv); err != nil {
		e.t.Fatal(err)
	}
	var tr []ticketing.Message
	for _, en := range entries {
		tr = append(tr, ticketing.Message{Role: en.Role, Text: en.Text, At: en.At})
	}
	t, err := e.svc.Escalate(ctx, ticketing.Escalation{ConversationID: convID, Channel: "web", Audience: "citizen", Lang: "de",
		Intent: "service_info", Reason: "low_confidence", Summary: "Frage zum Reisepass", Transcript: tr, Confidence: 0.3})
	if err != nil {
		e.t.Fatal(err)
	}
	return t
}

var passportChat = []assistant.Entry{
	{Role: assistant.RoleUser, Text: "Was kostet ein Reisepass?"},
	{Role: assistant.RoleAssistant, Text: "Ein Reisepass kostet 70 Euro.", Intent: assistant.IntentServiceInfo,
		Sources: []assistant.Source{{ID: "leistungen/reisepass", Title: "Reisepass beantragen", URL: "https://www.musterstadt.example/leistungen/reisepass"}}},
	{Role: assistant.RoleUser, Text: "Und wie lange dauert das?"},
	{Role: assistant.RoleAssistant, Text: "Das weiß ich leider nicht.", Intent: assistant.IntentServiceInfo},
}

// auditHas reports whether an audit entry with who, action and target
// exists.
func (e *env) auditHas(who, action, target string) bool {
	e.t.Helper()
	entries, err := e.st.ListAudit(context.Background(), ticketing.AuditFilter{Limit: 1000})
	if err != nil {
		e.t.Fatal(err)
	}
	for _, a := range entries {
		if a.Who == who && a.Action == action && a.Target == target {
			return true
		}
	}
	return false
}

func (e *env) dumpAudit() string {
	entries, _ := e.st.ListAudit(context.Background(), ticketing.AuditFilter{Limit: 1000})
	var b strings.Builder
	for _, a := range entries {
		fmt.Fprintf(&b, "%s %s %s %s\n", a.Who, a.Action, a.Target, a.Detail)
	}
	return b.String()
}
