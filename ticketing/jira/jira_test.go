// SPDX-License-Identifier: EUPL-1.2

package jira_test

import (
	"context"
	"encoding/base64"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/musterstadt/lotse/ticketing"
	"github.com/musterstadt/lotse/ticketing/jira"
	"github.com/musterstadt/lotse/ticketing/jira/fakejira"
)

const (
	testToken    = "pat-s3cr3t-token-value"
	testEmail    = "lotse@musterstadt.example"
	testAPIToken = "cloud-api-t0ken-value"
)

var berlin = time.FixedZone("CET", 3600)

// sampleTicket is an escalation with a two-message transcript.
func sampleTicket(key string) ticketing.Ticket {
	at := time.Date(2026, 11, 26, 13, 5, 0, 0, time.UTC)
	return ticketing.Ticket{
		Key:         key,
		Kind:        ticketing.KindEscalation,
		Priority:    ticketing.P2,
		Audience:    "citizen",
		Channel:     "web",
		Lang:        "de",
		Summary:     "Reisepass verloren,\nwas nun?",
		Description: "Die Bürgerin hat ihren Reisepass im Urlaub verloren.",
		Contact:     "erika@example.org",
		Transcript: []ticketing.Message{
			{Role: "user", Text: "Ich habe meinen Reisepass verloren.", At: at},
			{Role: "assistant", Text: "Das tut mir leid. Ich verbinde Sie mit dem Bürgerbüro.", At: at.Add(30 * time.Second)},
		},
		CreatedAt: at,
	}
}

// mustNew returns a Client for cfg pointed at srv.
func mustNew(tb testing.TB, srv *fakejira.Server, cfg jira.Config) *jira.Client {
	tb.Helper()
	cfg.BaseURL = srv.URL()
	c, err := jira.New(cfg)
	if err != nil {
		tb.Fatalf("jira.New: %v", err)
	}
	return c
}

// newFake starts a fake Jira expecting the PAT and returns it with a
// service desk client and an issue-API client.
func newFake(tb testing.TB) *fakejira.Server {
	tb.Helper()
	srv := fakejira.New(fakejira.Options{Token: testToken, ProjectKey: "ITSD"})
	tb.Cleanup(srv.Close)
	return srv
}

// testIndexDelay replaces the 10s wait after a lost create.
const testIndexDelay = 50 * time.Millisecond

func serviceDeskConfig() jira.Config {
	return jira.Config{Token: testToken, ServiceDeskID: "1", RequestTypeID: "10", IncidentRequestTypeID: "11", Location: berlin, IndexDelay: testIndexDelay}
}

func issueConfig() jira.Config {
	return jira.Config{Token: testToken, ProjectKey: "ITSD", IncidentIssueType: "Incident", Labels: []string{"buergerbuero"}, Location: berlin, IndexDelay: testIndexDelay}
}

func TestNewValidates(t *testing.T) {
	tests := []struct {
		name string
		cfg  jira.Config
		want []string // substrings of the error; none means valid
	}{
		{"pat and service desk", jira.Config{BaseURL: "https://jira.example", Token: "t", ServiceDeskID: "1", RequestTypeID: "2"}, nil},
		{"cloud and project", jira.Config{BaseURL: "https://x.atlassian.net", Email: "a@b", APIToken: "t", ProjectKey: "IT"}, nil},
		{"nothing", jira.Config{}, []string{"base URL required", "authentication required", "delivery target required"}},
		{"relative url", jira.Config{BaseURL: "jira.example", Token: "t", ProjectKey: "IT"}, []string{"absolute http(s) URL"}},
		{"credentials in url", jira.Config{BaseURL: "https://u:p@jira.example", Token: "t", ProjectKey: "IT"}, []string{"must not contain credentials"}},
		{"two auth methods", jira.Config{BaseURL: "https://jira.example", Token: "t", Email: "a@b", APIToken: "x", ProjectKey: "IT"}, []string{"not both"}},
		{"email without token", jira.Config{BaseURL: "https://jira.example", Email: "a@b", ProjectKey: "IT"}, []string{"both Email and APIToken"}},
		{"desk without type", jira.Config{BaseURL: "https://jira.example", Token: "t", ServiceDeskID: "1"}, []string{"ServiceDeskID needs RequestTypeID"}},
		{"type without desk", jira.Config{BaseURL: "https://jira.example", Token: "t", RequestTypeID: "1", ProjectKey: "IT"}, []string{"RequestTypeID needs ServiceDeskID"}},
		{"bad status map", jira.Config{BaseURL: "https://jira.example", Token: "t", ProjectKey: "IT", StatusMap: map[string]string{"Triage": "sortiert"}}, []string{`unknown local status "sortiert"`}},
		{"label with space", jira.Config{BaseURL: "https://jira.example", Token: "t", ProjectKey: "IT", Labels: []string{"a b"}}, []string{`label "a b"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := jira.New(tt.cfg)
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("New: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("New: no error, want %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
			if tt.cfg.Token != "" && strings.Contains(err.Error(), tt.cfg.Token+"x") {
				t.Errorf("error contains the token")
			}
		})
	}
}

func TestMarkerLabel(t *testing.T) {
	for in, want := range map[string]string{"LOT-42": "lotse-lot-42", "lot 7": "lotse-lot-7", `A"B`: "lotse-a-b"} {
		if got := jira.MarkerLabel(in); got != want {
			t.Errorf("MarkerLabel(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDeliverServiceDesk(t *testing.T) {
	srv := newFake(t)
	c := mustNew(t, srv, serviceDeskConfig())
	tk := sampleTicket("LOT-42")

	key, err := c.Deliver(t.Context(), tk)
	if err != nil {
		t.Fatalf("Deliver: %v", err)
	}
	is, ok := srv.Issue(key)
	if !ok {
		t.Fatalf("issue %s not in fake Jira", key)
	}
	if is.ServiceDeskID != "1" || is.RequestTypeID != "10" {
		t.Errorf("service desk %q, request type %q; want 1, 10", is.ServiceDeskID, is.RequestTypeID)
	}
	if want := "Reisepass verloren, was nun?"; is.Summary != want {
		t.Errorf("summary %q, want %q", is.Summary, want)
	}
	if is.Priority != "High" {
		t.Errorf("priority %q, want High for P2", is.Priority)
	}
	if diff := cmp.Diff([]string{"lotse-lot-42", "lotse", "escalation"}, is.Labels); diff != "" {
		t.Errorf("labels (-want +got):\n%s", diff)
	}
	for _, want := range []string{
		"{noformat}\nDie Bürgerin hat ihren Reisepass im Urlaub verloren.\n{noformat}",
		"*Lotse-Ticket:* LOT-42", "*Priorität:* P2", "*Kanal:* web", "*Zielgruppe:* Bürger/innen",
		"*Kontakt:* erika@example.org", "*Erstellt:* 26.11.2026 14:05:00 CET",
	} {
		if !strings.Contains(is.Description, want) {
			t.Errorf("description lacks %q:\n%s", want, is.Description)
		}
	}

	if len(is.Comments) != 1 {
		t.Fatalf("got %d comments, want the transcript", len(is.Comments))
	}
	cm := is.Comments[0]
	if !cm.Internal {
		t.Error("transcript comment is public, want internal")
	}
	want := "*Gesprächsverlauf zu LOT-42* (von Lotse übermittelt)\n{noformat}\n" +
		"[26.11.2026 14:05:00 CET] Bürger/in:\n  Ich habe meinen Reisepass verloren.\n" +
		"[26.11.2026 14:05:30 CET] Lotse (Assistent):\n  Das tut mir leid. Ich verbinde Sie mit dem Bürgerbüro.\n" +
		"{noformat}"
	if diff := cmp.Diff(want, cm.Body); diff != "" {
		t.Errorf("transcript (-want +got):\n%s", diff)
	}

	// An incident goes to the incident request type.
	inc := sampleTicket("LOT-43")
	inc.Kind, inc.Service, inc.Priority = ticketing.KindIncident, "vpn", ticketing.P1
	key, err = c.Deliver(t.Context(), inc)
	if err != nil {
		t.Fatalf("Deliver incident: %v", err)
	}
	is, _ = srv.Issue(key)
	if is.RequestTypeID != "11" || is.Priority != "Highest" || !slices.Contains(is.Labels, "vpn") || !slices.Contains(is.Labels, "incident") {
		t.Errorf("incident: request type %q, priority %q, labels %q", is.RequestTypeID, is.Priority, is.Labels)
	}
}

func TestDeliverIssueAPI(t *testing.T) {
	tests := []struct {
		name       string
		opts       fakejira.Options
		cfg        jira.Config
		searchPath string
	}{
		{"personal access token", fakejira.Options{Token: testToken},
			jira.Config{Token: testToken}, "/rest/api/2/search"},
		{"cloud basic auth", fakejira.Options{Email: testEmail, APIToken: testAPIToken},
			jira.Config{Email: testEmail, APIToken: testAPIToken}, "/rest/api/2/search/jql"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := fakejira.New(tt.opts)
			defer srv.Close()
			cfg := issueConfig()
			cfg.Token, cfg.Email, cfg.APIToken = tt.cfg.Token, tt.cfg.Email, tt.cfg.APIToken
			c := mustNew(t, srv, cfg)

			tk := sampleTicket("LOT-7")
			tk.Kind, tk.Service, tk.Priority = ticketing.KindIncident, "E-Mail Postfach", ticketing.P4
			tk.Slots = map[string]string{"gerät": "Laptop [alt]"}
			key, err := c.Deliver(t.Context(), tk)
			if err != nil {
				t.Fatalf("Deliver: %v", err)
			}
			is, _ := srv.Issue(key)
			if is.Type != "Incident" || is.Project != "ITSD" || is.Priority != "Low" {
				t.Errorf("type %q, project %q, priority %q", is.Type, is.Project, is.Priority)
			}
			if diff := cmp.Diff([]string{"lotse-lot-7", "lotse", "incident", "E-Mail-Postfach", "buergerbuero"}, is.Labels); diff != "" {
				t.Errorf("labels (-want +got):\n%s", diff)
			}
			if !strings.Contains(is.Description, `* gerät: Laptop \[alt\]`) {
				t.Errorf("slots not listed with escaped markup:\n%s", is.Description)
			}
			if len(is.Comments) != 1 || !strings.HasPrefix(is.Comments[0].Body, "*Gesprächsverlauf zu LOT-7*") {
				t.Errorf("comments = %+v, want the transcript", is.Comments)
			}
			var paths []string
			for _, r := range srv.Requests() {
				paths = append(paths, r.Method+" "+r.Path)
			}
			wantPaths := []string{"GET " + tt.searchPath, "POST /rest/api/2/issue", "POST /rest/api/2/issue/" + key + "/comment"}
			if diff := cmp.Diff(wantPaths, paths); diff != "" {
				t.Errorf("requests (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDeliverEscalationUsesIssueType(t *testing.T) {
	srv := newFake(t)
	c := mustNew(t, srv, jira.Config{Token: testToken, ProjectKey: "ITSD"})
	tk := sampleTicket("LOT-8")
	tk.Transcript = nil
	tk.Summary = "  "
	tk.Priority = "P9"
	key, err := c.Deliver(t.Context(), tk)
	if err != nil {
		t.Fatalf("Deliver: %v", err)
	}
	is, _ := srv.Issue(key)
	if is.Type != "Task" || is.Summary != "Anfrage LOT-8 aus Lotse" || is.Priority != "Medium" {
		t.Errorf("type %q, summary %q, priority %q (Jira default Medium expected)", is.Type, is.Summary, is.Priority)
	}
	if len(is.Comments) != 0 {
		t.Errorf("got %d comments for an empty transcript", len(is.Comments))
	}
}

func TestDeliverIsIdempotent(t *testing.T) {
	srv := newFake(t)
	for _, cfg := range []jira.Config{serviceDeskConfig(), issueConfig()} {
		c := mustNew(t, srv, cfg)
		tk := sampleTicket("LOT-" + cfg.ProjectKey + "1")
		first, err := c.Deliver(t.Context(), tk)
		if err != nil {
			t.Fatalf("first Deliver: %v", err)
		}
		for range 3 {
			again, err := c.Deliver(t.Context(), tk)
			if err != nil {
				t.Fatalf("repeated Deliver: %v", err)
			}
			if again != first {
				t.Errorf("repeated Deliver = %s, want %s", again, first)
			}
		}
		marker := jira.MarkerLabel(tk.Key)
		if n := srv.Creations(marker); n != 1 {
			t.Errorf("%d issues created for %s, want 1", n, marker)
		}
		is, _ := srv.Issue(first)
		if len(is.Comments) != 1 {
			t.Errorf("%d comments, want exactly one transcript", len(is.Comments))
		}
	}
}

// A transcript that failed to arrive is added by the retry, exactly once.
func TestDeliverRetriesMissingTranscript(t *testing.T) {
	srv := newFake(t)
	c := mustNew(t, srv, serviceDeskConfig())
	tk := sampleTicket("LOT-50")
	srv.Inject(fakejira.OpAddComment, fakejira.Fault{Status: http.StatusInternalServerError})

	if key, err := c.Deliver(t.Context(), tk); err == nil {
		t.Fatalf("Deliver = %s, nil; want the comment error", key)
	} else if errors.Is(err, jira.ErrPermanent) {
		t.Errorf("500 on the comment is permanent: %v", err)
	}
	key, err := c.Deliver(t.Context(), tk)
	if err != nil {
		t.Fatalf("retry: %v", err)
	}
	is, _ := srv.Issue(key)
	if n := srv.Creations(jira.MarkerLabel(tk.Key)); n != 1 || len(is.Comments) != 1 {
		t.Errorf("%d issues, %d comments; want 1 and 1", n, len(is.Comments))
	}

	// The comment landed but its answer was lost: the retry sees it.
	tk2 := sampleTicket("LOT-51")
	srv.Inject(fakejira.OpAddComment, fakejira.Fault{DropAfter: true})
	if _, err := c.Deliver(t.Context(), tk2); err == nil {
		t.Fatal("Deliver with a dropped comment answer succeeded")
	}
	key, err = c.Deliver(t.Context(), tk2)
	if err != nil {
		t.Fatalf("retry: %v", err)
	}
	is, _ = srv.Issue(key)
	if len(is.Comments) != 1 {
		t.Errorf("%d comments, want 1", len(is.Comments))
	}
}

func TestDeliverAfterDroppedCreate(t *testing.T) {
	for _, cfg := range []jira.Config{serviceDeskConfig(), issueConfig()} {
		srv := newFake(t)
		c := mustNew(t, srv, cfg)
		tk := sampleTicket("LOT-60")
		srv.Inject(fakejira.OpCreate, fakejira.Fault{DropAfter: true})
		_, err := c.Deliver(t.Context(), tk)
		if err == nil {
			t.Fatal("Deliver succeeded although the answer was dropped")
		}
		if errors.Is(err, jira.ErrPermanent) {
			t.Errorf("dropped connection is permanent: %v", err)
		}
		if rae, ok := errors.AsType[*ticketing.RetryAfterError](err); !ok || rae.After != testIndexDelay {
			t.Errorf("lost create: %v, want a RetryAfterError of the index delay", err)
		}
		key, err := c.Deliver(t.Context(), tk)
		if err != nil {
			t.Fatalf("retry: %v", err)
		}
		issues := srv.IssuesWithLabel(jira.MarkerLabel(tk.Key))
		if len(issues) != 1 || issues[0].Key != key {
			t.Fatalf("issues with marker: %d, want exactly %s", len(issues), key)
		}
		if len(issues[0].Comments) != 1 {
			t.Errorf("%d comments, want the transcript once", len(issues[0].Comments))
		}
	}
}

func TestDeliverErrors(t *testing.T) {
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name       string
		fault      fakejira.Fault
		op         fakejira.Op
		cfg        func(*jira.Config)
		retryAfter time.Duration // > 0: want a RetryAfterError with this wait
		permanent  bool
		contains   string
	}{
		{name: "429 seconds", op: fakejira.OpSearch, fault: fakejira.Fault{Status: 429, RetryAfter: "2"}, retryAfter: 2 * time.Second, contains: "HTTP 429"},
		{name: "503 http date", op: fakejira.OpCreate, fault: fakejira.Fault{Status: 503, RetryAfter: now.Add(90 * time.Second).Format(http.TimeFormat)}, retryAfter: 90 * time.Second, contains: "HTTP 503"},
		{name: "503 huge wait capped", op: fakejira.OpCreate, fault: fakejira.Fault{Status: 503, RetryAfter: "86400"}, retryAfter: jira.DefaultMaxRetryAfter},
		{name: "503 date in the past", op: fakejira.OpCreate, fault: fakejira.Fault{Status: 503, RetryAfter: now.Add(-time.Minute).Format(http.TimeFormat)}, contains: "HTTP 503"},
		{name: "503 without header", op: fakejira.OpCreate, fault: fakejira.Fault{Status: 503}, contains: "scripted fault 503"},
		{name: "429 garbage header", op: fakejira.OpSearch, fault: fakejira.Fault{Status: 429, RetryAfter: "soon"}, contains: "HTTP 429"},
		{name: "500", op: fakejira.OpCreate, fault: fakejira.Fault{Status: 500}, contains: "HTTP 500 Internal Server Error"},
		{name: "502 on comment", op: fakejira.OpAddComment, fault: fakejira.Fault{Status: 502}, contains: "add transcript"},
		{name: "dropped create", op: fakejira.OpCreate, fault: fakejira.Fault{Drop: true}, retryAfter: testIndexDelay, contains: "create request for LOT-1"},
		{name: "dropped search", op: fakejira.OpSearch, fault: fakejira.Fault{Drop: true}, contains: "search lotse-lot-1"},
		{name: "index delay disabled", op: fakejira.OpCreate, fault: fakejira.Fault{Drop: true}, cfg: func(c *jira.Config) { c.IndexDelay = -1 }, contains: "EOF"},
		{name: "unknown request type", cfg: func(c *jira.Config) { c.RequestTypeID = "99" }, permanent: true, contains: "request type you are trying to use does not exist"},
		{name: "unknown priority", cfg: func(c *jira.Config) { c.PriorityMap = map[string]string{"P2": "Dringend"} }, permanent: true, contains: "Priority name 'Dringend' is not valid"},
		{name: "wrong token", cfg: func(c *jira.Config) { c.Token = "wrong-token-123" }, permanent: true, contains: "HTTP 401 Unauthorized: You are not authenticated"},
		{name: "unknown project", cfg: func(c *jira.Config) { *c = issueConfig(); c.ProjectKey = "NOPE" }, permanent: true, contains: `project: valid project is required (got "NOPE")`},
		{name: "forbidden", op: fakejira.OpCreate, fault: fakejira.Fault{Status: 403}, permanent: true, contains: "HTTP 403"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFake(t)
			cfg := serviceDeskConfig()
			cfg.Now = func() time.Time { return now }
			if tt.cfg != nil {
				tt.cfg(&cfg)
			}
			c := mustNew(t, srv, cfg)
			if tt.op != "" {
				srv.Inject(tt.op, tt.fault)
			}
			key, err := c.Deliver(t.Context(), sampleTicket("LOT-1"))
			if err == nil {
				t.Fatalf("Deliver = %q, nil; want an error", key)
			}
			t.Logf("error: %v", err)
			if key != "" {
				t.Errorf("Deliver returned key %q with an error", key)
			}
			rae, isRetryAfter := errors.AsType[*ticketing.RetryAfterError](err)
			switch {
			case tt.retryAfter > 0 && !isRetryAfter:
				t.Errorf("error %v is no RetryAfterError", err)
			case tt.retryAfter > 0 && rae.After != tt.retryAfter:
				t.Errorf("RetryAfter = %s, want %s", rae.After, tt.retryAfter)
			case tt.retryAfter == 0 && isRetryAfter:
				t.Errorf("unexpected RetryAfterError %v", err)
			}
			if got := errors.Is(err, jira.ErrPermanent); got != tt.permanent {
				t.Errorf("errors.Is(%v, ErrPermanent) = %v, want %v", err, got, tt.permanent)
			}
			if !strings.Contains(err.Error(), tt.contains) {
				t.Errorf("error %q does not contain %q", err, tt.contains)
			}
			for _, secret := range []string{testToken, cfg.Token} {
				if strings.Contains(err.Error(), secret) {
					t.Errorf("error %q contains the token", err)
				}
			}
		})
	}
}

func TestDeliverHonoursContext(t *testing.T) {
	srv := newFake(t)
	c := mustNew(t, srv, serviceDeskConfig())
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := c.Deliver(ctx, sampleTicket("LOT-2"))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Deliver with a cancelled ctx: %v, want context.Canceled", err)
	}
	if len(srv.Issues()) != 0 {
		t.Error("an issue was created despite the cancelled ctx")
	}
}

func TestDeliverRejectsTicketWithoutKey(t *testing.T) {
	srv := newFake(t)
	c := mustNew(t, srv, serviceDeskConfig())
	_, err := c.Deliver(t.Context(), ticketing.Ticket{Summary: "x"})
	if !errors.Is(err, ticketing.ErrInvalid) || !errors.Is(err, jira.ErrPermanent) {
		t.Errorf("Deliver without key: %v, want ErrInvalid and ErrPermanent", err)
	}
	if len(srv.Requests()) != 0 {
		t.Error("Jira was contacted for a ticket without key")
	}
}

// A hostile or broken server that echoes the request headers must not get
// the credentials into an error message (which ends up in the outbox and
// the desk).
func TestErrorsNeverContainCredentials(t *testing.T) {
	echo := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		auth := r.Header.Get("Authorization")
		_, _ = w.Write([]byte(`{"errorMessages":["bad credentials: ` + auth + `"],"errors":{"auth":"` + auth + `"}}`))
	}))
	defer echo.Close()
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
		_, _ = w.Write([]byte("upstream said: " + r.Header.Get("Authorization")))
	}))
	defer plain.Close()

	cfgs := map[string]jira.Config{
		"pat":   {Token: testToken, ProjectKey: "ITSD"},
		"cloud": {Email: testEmail, APIToken: testAPIToken, ProjectKey: "ITSD"},
	}
	for name, cfg := range cfgs {
		for _, srvURL := range []string{echo.URL, plain.URL} {
			cfg.BaseURL = srvURL
			c, err := jira.New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			_, derr := c.Deliver(t.Context(), sampleTicket("LOT-3"))
			_, serr := c.ExternalStatus(t.Context(), "ITSD-1")
			for _, err := range []error{derr, serr} {
				if err == nil {
					t.Fatalf("%s: no error from a failing server", name)
				}
				msg := err.Error()
				t.Logf("%s: %s", name, msg)
				for _, secret := range []string{testToken, testAPIToken, base64.StdEncoding.EncodeToString([]byte(testEmail + ":" + testAPIToken))} {
					if strings.Contains(msg, secret) {
						t.Errorf("%s: error %q contains %q", name, msg, secret)
					}
				}
				if !strings.Contains(msg, "[redacted]") {
					t.Errorf("%s: error %q lost the redacted message", name, msg)
				}
			}
		}
	}
}

func TestExternalStatus(t *testing.T) {
	srv := newFake(t)
	cfg := serviceDeskConfig()
	cfg.StatusMap = map[string]string{"Triage": ticketing.StatusNew}
	c := mustNew(t, srv, cfg)
	key, err := c.Deliver(t.Context(), sampleTicket("LOT-70"))
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.AddComment(key, "Petra Sachbearbeiterin", "Wir kümmern uns darum.", false); err != nil {
		t.Fatal(err)
	}
	if err := srv.AddComment(key, "Petra Sachbearbeiterin", "intern: Rückruf nötig", true); err != nil {
		t.Fatal(err)
	}

	st, err := c.ExternalStatus(t.Context(), key)
	if err != nil {
		t.Fatalf("ExternalStatus: %v", err)
	}
	if st.Status != ticketing.StatusOpen {
		t.Errorf("status %q, want %q for Waiting for support", st.Status, ticketing.StatusOpen)
	}
	if len(st.Comments) != 1 || st.Comments[0].Author != "Petra Sachbearbeiterin" || st.Comments[0].Body != "Wir kümmern uns darum." || st.Comments[0].Created.IsZero() {
		t.Errorf("comments = %+v, want only the public agent comment", st.Comments)
	}
	if st.Updated.IsZero() {
		t.Error("Updated is zero")
	}

	statuses := []struct{ name, category, want string }{
		{"Waiting for customer", "indeterminate", ticketing.StatusWaiting},
		{"Warten auf Rückmeldung", "indeterminate", ticketing.StatusWaiting},
		{"In Progress", "indeterminate", ticketing.StatusInProgress},
		{"Eskaliert", "indeterminate", ticketing.StatusInProgress},
		{"Resolved", "done", ticketing.StatusResolved},
		{"Closed", "done", ticketing.StatusClosed},
		{"Abgelehnt", "done", ticketing.StatusClosed},
		{"Erledigt", "done", ticketing.StatusResolved},
		{"Offen", "new", ticketing.StatusOpen},
		{"triage", "new", ticketing.StatusNew},
		{"Seltsam", "", ""},
	}
	for _, s := range statuses {
		if err := srv.SetStatus(key, s.name, s.category); err != nil {
			t.Fatal(err)
		}
		st, err := c.ExternalStatus(t.Context(), key)
		if err != nil {
			t.Fatal(err)
		}
		if st.Status != s.want {
			t.Errorf("Jira status %q (%s) → %q, want %q", s.name, s.category, st.Status, s.want)
		}
	}

	_, err = c.ExternalStatus(t.Context(), "ITSD-999")
	if !errors.Is(err, ticketing.ErrNotFound) || !errors.Is(err, jira.ErrPermanent) {
		t.Errorf("missing issue: %v, want ErrNotFound", err)
	}
	srv.Inject(fakejira.OpGetIssue, fakejira.Fault{Status: 429, RetryAfter: "7"})
	_, err = c.ExternalStatus(t.Context(), key)
	if rae, ok := errors.AsType[*ticketing.RetryAfterError](err); !ok || rae.After != 7*time.Second {
		t.Errorf("429: %v, want RetryAfterError of 7s", err)
	}
}

func TestTranscriptIsSafeAndFits(t *testing.T) {
	srv := newFake(t)
	c := mustNew(t, srv, issueConfig())
	tk := sampleTicket("LOT-80")
	tk.Transcript = []ticketing.Message{
		{Role: "user", Text: "Erste Frage {noformat} [klick|http://evil.example] *fett*"},
	}
	long := strings.Repeat("Sehr lange Nachricht. ", 300) // about 6600 characters
	for range 30 {
		tk.Transcript = append(tk.Transcript, ticketing.Message{Role: "agent", Text: long})
	}
	tk.Transcript = append(tk.Transcript, ticketing.Message{Role: "user", Text: "Letzte Nachricht"})
	tk.Summary = strings.Repeat("x", 400)

	key, err := c.Deliver(t.Context(), tk)
	if err != nil {
		t.Fatalf("Deliver: %v", err)
	}
	is, _ := srv.Issue(key)
	if n := len([]rune(is.Summary)); n != 255 {
		t.Errorf("summary has %d characters, want 255", n)
	}
	body := is.Comments[0].Body
	if strings.Count(body, "{noformat}") != 2 {
		t.Errorf("user text closed the noformat block:\n%.300s", body)
	}
	for _, want := range []string{"Erste Frage { noformat} [klick|http://evil.example] *fett*", "Letzte Nachricht", "Nachrichten ausgelassen", "(gekürzt)", "Servicedesk:"} {
		if !strings.Contains(body, want) {
			t.Errorf("transcript lacks %q", want)
		}
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name      string
		cfg       func(*jira.Config)
		down      bool
		permanent bool
		contains  string
	}{
		{name: "service desk ok"},
		{name: "project ok", cfg: func(c *jira.Config) { *c = issueConfig() }},
		{name: "unknown request type", cfg: func(c *jira.Config) { c.IncidentRequestTypeID = "77" }, permanent: true, contains: "check service desk 1 request type 77: HTTP 404"},
		{name: "unknown service desk", cfg: func(c *jira.Config) { c.ServiceDeskID = "9" }, permanent: true, contains: "service desk you are trying to view does not exist"},
		{name: "unknown project", cfg: func(c *jira.Config) { *c = issueConfig(); c.ProjectKey = "XY" }, permanent: true, contains: "No project could be found with key 'XY'"},
		{name: "service desk with its project", cfg: func(c *jira.Config) { c.ProjectKey = "itsd" }},
		{name: "service desk of another project", cfg: func(c *jira.Config) { c.ProjectKey = "HR" }, permanent: true, contains: `it belongs to project "ITSD", but ProjectKey is "HR"`},
		{name: "wrong token", cfg: func(c *jira.Config) { c.Token = "nope" }, permanent: true, contains: "check credentials: HTTP 401"},
		{name: "jira down", down: true, contains: "HTTP 503"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFake(t)
			if tt.down {
				srv.SetDown(fakejira.Down503)
			}
			cfg := serviceDeskConfig()
			if tt.cfg != nil {
				tt.cfg(&cfg)
			}
			err := mustNew(t, srv, cfg).Check(t.Context())
			if tt.contains == "" {
				if err != nil {
					t.Fatalf("Check: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.contains) {
				t.Fatalf("Check: %v, want an error containing %q", err, tt.contains)
			}
			if got := errors.Is(err, jira.ErrPermanent); got != tt.permanent {
				t.Errorf("permanent = %v, want %v", got, tt.permanent)
			}
			if len(srv.Issues()) != 0 {
				t.Error("Check created an issue")
			}
		})
	}
}

// Jira's error texts are kept, but bounded: five messages of at most 300
// characters, cut at a character boundary.
func TestErrorMessagesAreBounded(t *testing.T) {
	long := strings.Repeat("ä", 1000)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`{"errorMessages":["` + long + `","b","c","d","e","f","g"]}`))
	}))
	defer srv.Close()
	c, err := jira.New(jira.Config{BaseURL: srv.URL, Token: testToken, ProjectKey: "ITSD"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Deliver(t.Context(), sampleTicket("LOT-9"))
	ae, ok := errors.AsType[*jira.APIError](err)
	if !ok {
		t.Fatalf("error %v is no APIError", err)
	}
	if len(ae.Messages) != 5 || ae.Messages[4] != "e" {
		t.Errorf("messages %q, want the first five", ae.Messages)
	}
	if first := []rune(ae.Messages[0]); len(first) != 300 || !utf8.ValidString(ae.Messages[0]) || first[299] != '…' {
		t.Errorf("first message has %d characters, valid UTF-8 %v", len(first), utf8.ValidString(ae.Messages[0]))
	}
}
