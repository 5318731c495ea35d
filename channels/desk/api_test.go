// SPDX-License-Identifier: EUPL-1.2

package desk

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/netip"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/ticketing"
)

// apiClient is a logged-in client of the JSON API that knows its CSRF
// token (from GET /desk/api/v1/session).
type apiClient struct {
	*client
	token string
}

func (e *env) apiClient(user string) *apiClient {
	e.t.Helper()
	c := &apiClient{client: e.client()}
	c.login(user, testPassword)
	var info apiSessionInfo
	if code, body := c.call(http.MethodGet, "/session", "", &info); code != http.StatusOK || info.User != user || info.CSRFToken == "" {
		e.t.Fatalf("GET /session: status %d, %+v\n%s", code, info, body)
	}
	c.token = info.CSRFToken
	return c
}

// call sends a request to /desk/api/v1+path with the CSRF token (if
// known) and a JSON body (if not empty), decodes a 2xx answer into out
// and returns status and body.
func (c *apiClient) call(method, path, body string, out any) (int, string) {
	c.e.t.Helper()
	return c.do(method, path, body, map[string]string{"X-CSRF-Token": c.token, "Content-Type": "application/json"}, out)
}

func (c *client) do(method, path, body string, header map[string]string, out any) (int, string) {
	c.e.t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, c.e.http.URL+"/desk/api/v1"+path, rd)
	if err != nil {
		c.e.t.Fatal(err)
	}
	for k, v := range header {
		if v != "" {
			req.Header.Set(k, v)
		}
	}
	resp, err := c.http.Do(req)
	if err != nil {
		c.e.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if ct := resp.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		c.e.t.Errorf("%s %s: Content-Type %q", method, path, ct)
	}
	if out != nil && resp.StatusCode/100 == 2 {
		if err := json.Unmarshal(b, out); err != nil {
			c.e.t.Fatalf("%s %s: decode %s: %v", method, path, b, err)
		}
	}
	return resp.StatusCode, string(b)
}

// apiErrorBody is the error answer of the API.
type apiErrorBody struct {
	Error struct{ Code, Message string }
}

func errorCode(t *testing.T, body string) apiErrorBody {
	t.Helper()
	var e apiErrorBody
	if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error.Code == "" || e.Error.Message == "" {
		t.Fatalf("not an API error: %s (%v)", body, err)
	}
	return e
}

func TestAPIRequiresLogin(t *testing.T) {
	e := mustEnv(t, nil)
	tk := e.escalate("c-auth", passportChat)
	c := e.client()
	for _, rq := range []struct{ method, path, body string }{
		{http.MethodGet, "/session", ""},
		{http.MethodGet, "/tickets", ""},
		{http.MethodGet, "/tickets/" + itoa(tk.ID), ""},
		{http.MethodPatch, "/tickets/" + itoa(tk.ID), `{"priority":"P1"}`},
		{http.MethodPost, "/tickets/" + itoa(tk.ID) + "/notes", `{"text":"x","internal":true}`},
		{http.MethodGet, "/outages", ""},
		{http.MethodPost, "/outages/1/close", ""},
	} {
		code, body := c.do(rq.method, rq.path, rq.body, map[string]string{"Content-Type": "application/json", "X-CSRF-Token": "egal"}, nil)
		if code != http.StatusUnauthorized || errorCode(t, body).Error.Code != "unauthorized" {
			t.Errorf("%s %s without login: %d %s", rq.method, rq.path, code, body)
		}
	}
	if got, _ := e.svc.Get(context.Background(), tk.ID); got.Priority == ticketing.P1 {
		t.Error("unauthenticated PATCH changed the ticket")
	}

	// A disabled account's session stops working at once.
	a := e.apiClient("anna")
	u, _ := e.st.GetUserByName(context.Background(), "anna")
	u.Disabled = true
	if err := e.st.UpdateUser(context.Background(), u); err != nil {
		t.Fatal(err)
	}
	if code, _ := a.call(http.MethodGet, "/tickets", "", nil); code != http.StatusUnauthorized {
		t.Errorf("disabled account: status %d, want 401", code)
	}
}

func TestAPISSO(t *testing.T) {
	e := mustEnv(t, func(c *Config) {
		c.SSOHeader = "X-Remote-User"
		c.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}
	})
	c := e.client()
	var info apiSessionInfo
	if code, body := c.do(http.MethodGet, "/session", "", map[string]string{"X-Remote-User": "Anna"}, &info); code != http.StatusOK || info.User != "anna" || info.Role != RoleAgent {
		t.Fatalf("SSO: status %d %s", code, body)
	}
	if code, _ := e.client().do(http.MethodGet, "/session", "", map[string]string{"X-Remote-User": "mallory"}, nil); code != http.StatusUnauthorized {
		t.Errorf("SSO for an unknown account: status %d, want 401", code)
	}
	// The SSO login started a session; its token allows changes.
	o := `{"service":"vpn","title":"VPN gestört"}`
	if code, body := c.do(http.MethodPost, "/outages", o, map[string]string{"Content-Type": "application/json", "X-CSRF-Token": info.CSRFToken}, nil); code != http.StatusCreated {
		t.Errorf("POST with the SSO session's token: %d %s", code, body)
	}
}

func TestAPICSRF(t *testing.T) {
	e := mustEnv(t, nil)
	ctx := context.Background()
	tk := e.escalate("c-csrf", passportChat)
	out, err := e.svc.CreateOutage(ctx, ticketing.Outage{Service: "vpn", Title: "VPN gestört"}, "test")
	if err != nil {
		t.Fatal(err)
	}
	c := e.apiClient("admin")
	for _, token := range []string{"", "falsch"} {
		h := map[string]string{"Content-Type": "application/json", "X-CSRF-Token": token}
		for _, rq := range []struct{ method, path, body string }{
			{http.MethodPatch, "/tickets/" + itoa(tk.ID), `{"priority":"P1"}`},
			{http.MethodPost, "/tickets/" + itoa(tk.ID) + "/notes", `{"text":"Hallo","internal":true}`},
			{http.MethodPost, "/outages", `{"service":"email","title":"Mail"}`},
			{http.MethodPatch, "/outages/" + itoa(out.ID), `{"title":"neu"}`},
			{http.MethodPost, "/outages/" + itoa(out.ID) + "/close", ""},
		} {
			code, body := c.do(rq.method, rq.path, rq.body, h, nil)
			if code != http.StatusForbidden || errorCode(t, body).Error.Code != "csrf" {
				t.Errorf("%s %s with token %q: %d %s", rq.method, rq.path, token, code, body)
			}
		}
	}
	got, _ := e.svc.Get(ctx, tk.ID)
	notes, _ := e.svc.Notes(ctx, tk.ID)
	outs, _ := e.svc.ListOutages(ctx, 0)
	if got.Priority == ticketing.P1 || len(notes) != 0 || len(outs) != 1 || !outs[0].Active || outs[0].Title != "VPN gestört" {
		t.Errorf("requests without a valid token changed data: %+v, %d notes, %+v", got, len(notes), outs)
	}
	// GETs need no token.
	if code, _ := c.do(http.MethodGet, "/tickets", "", nil, nil); code != http.StatusOK {
		t.Errorf("GET without token: %d", code)
	}
}

func TestAPICloseOutageAdminOnly(t *testing.T) {
	e := mustEnv(t, nil)
	ctx := context.Background()
	o, err := e.svc.CreateOutage(ctx, ticketing.Outage{Service: "vpn", Title: "VPN gestört"}, "test")
	if err != nil {
		t.Fatal(err)
	}
	path := "/outages/" + itoa(o.ID) + "/close"
	code, body := e.apiClient("anna").call(http.MethodPost, path, "", nil)
	if code != http.StatusForbidden || errorCode(t, body).Error.Code != "forbidden" {
		t.Errorf("agent closes: %d %s", code, body)
	}
	if got, _ := e.svc.GetOutage(ctx, o.ID); !got.Active {
		t.Fatal("agent closed the outage")
	}
	var closed ticketing.Outage
	e.clock.Add(time.Hour)
	if code, body := e.apiClient("admin").call(http.MethodPost, path, "", &closed); code != http.StatusOK || closed.Active || !closed.End.Equal(e.clock.Now()) {
		t.Fatalf("admin closes: %d %s", code, body)
	}
	if !e.auditHas("admin", "outage.close", "outage:"+itoa(o.ID)) || e.auditHas("anna", "outage.close", "outage:"+itoa(o.ID)) {
		t.Errorf("close audit wrong:\n%s", e.dumpAudit())
	}
	if code, _ := e.apiClient("admin").call(http.MethodPost, "/outages/999/close", "", nil); code != http.StatusNotFound {
		t.Errorf("close unknown outage: %d, want 404", code)
	}
}

// seedTickets commits four tickets with different attributes; the first is
// five hours older than the others.
func seedTickets(t *testing.T, e *env) map[string]ticketing.Ticket {
	t.Helper()
	ctx := context.Background()
	out := map[string]ticketing.Ticket{}
	for _, s := range []struct {
		name, channel, audience, lang, priority, status string
	}{
		{"old", "web", "citizen", "de", ticketing.P3, ""},
		{"phone", "phone", "citizen", "de", ticketing.P2, ""},
		{"english", "web", "citizen", "en", ticketing.P3, ticketing.StatusInProgress},
		{"done", "web", "employee", "de", ticketing.P4, ticketing.StatusClosed},
	} {
		tk, err := e.svc.Escalate(ctx, ticketing.Escalation{ConversationID: "c-" + s.name, Channel: s.channel, Audience: knowledge.Audience(s.audience), Lang: s.lang,
			Intent: "service_info", Reason: "requested", Summary: "Vorgang " + s.name})
		if err != nil {
			t.Fatal(err)
		}
		p := ticketing.Patch{Priority: &s.priority}
		if s.status != "" {
			p.Status = &s.status
		}
		if tk, err = e.svc.Update(ctx, tk.ID, p, "test"); err != nil {
			t.Fatal(err)
		}
		out[s.name] = tk
		if s.name == "old" {
			e.clock.Add(5 * time.Hour)
		}
	}
	return out
}

func TestAPIListTickets(t *testing.T) {
	e := mustEnv(t, nil)
	seeded := seedTickets(t, e)
	c := e.apiClient("anna")
	tests := []struct {
		query string
		want  []string // summaries' suffixes in the service's order
		total int
	}{
		{"", []string{"phone", "old", "english"}, 3}, // open ones, by priority, then oldest first
		{"?status=all", []string{"phone", "old", "english", "done"}, 4},
		{"?status=closed", []string{"done"}, 1},
		{"?status=in_progress", []string{"english"}, 1},
		{"?priority=P3", []string{"old", "english"}, 2},
		{"?channel=phone", []string{"phone"}, 1},
		{"?lang=en", []string{"english"}, 1},
		{"?audience=employee&status=all", []string{"done"}, 1},
		{"?kind=incident", nil, 0},
		{"?older_than=4h", []string{"old"}, 1},
		{"?limit=1", []string{"phone"}, 3},
		{"?limit=2&offset=1", []string{"old", "english"}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var got apiTicketList
			if code, body := c.call(http.MethodGet, "/tickets"+tt.query, "", &got); code != http.StatusOK {
				t.Fatalf("status %d %s", code, body)
			}
			var names []string
			for _, tk := range got.Tickets {
				names = append(names, strings.TrimPrefix(tk.Summary, "Vorgang "))
			}
			if diff := cmp.Diff(tt.want, names); diff != "" || got.Total != tt.total {
				t.Errorf("tickets (-want +got):\n%s total %d, want %d", diff, got.Total, tt.total)
			}
		})
	}
	// The list carries the ticket fields the desk needs.
	var got apiTicketList
	c.call(http.MethodGet, "/tickets?channel=phone", "", &got)
	if len(got.Tickets) != 1 || got.Tickets[0].Key != seeded["phone"].Key || got.Tickets[0].Priority != ticketing.P2 || got.Tickets[0].Channel != "phone" {
		t.Errorf("list entry %+v", got.Tickets)
	}
}

func TestAPIGetTicket(t *testing.T) {
	e := mustEnv(t, nil)
	ctx := context.Background()
	tk := e.escalate("c-get", passportChat)
	if _, err := e.svc.AddNote(ctx, ticketing.Note{TicketID: tk.ID, Author: "admin", Text: "Rückruf vereinbart", Internal: true}); err != nil {
		t.Fatal(err)
	}
	c := e.apiClient("anna")
	var got apiTicket
	if code, body := c.call(http.MethodGet, "/tickets/"+itoa(tk.ID), "", &got); code != http.StatusOK {
		t.Fatalf("status %d %s", code, body)
	}
	if got.Key != tk.Key || got.Summary != "Frage zum Reisepass" || len(got.Transcript) != len(passportChat) {
		t.Errorf("ticket %+v", got.Ticket)
	}
	if len(got.Notes) != 1 || got.Notes[0].Text != "Rückruf vereinbart" || !got.Notes[0].Internal || got.Notes[0].Author != "admin" {
		t.Errorf("notes %+v", got.Notes)
	}
	for _, path := range []string{"/tickets/999", "/tickets/abc", "/tickets/-1", "/gibtsnicht"} {
		code, body := c.call(http.MethodGet, path, "", nil)
		if code != http.StatusNotFound || errorCode(t, body).Error.Code != "not_found" {
			t.Errorf("GET %s: %d %s", path, code, body)
		}
	}
	if code, body := c.call(http.MethodDelete, "/tickets/"+itoa(tk.ID), "", nil); code != http.StatusMethodNotAllowed || errorCode(t, body).Error.Code != "method_not_allowed" {
		t.Errorf("DELETE: %d %s", code, body)
	}
}

func TestAPIPatchTicket(t *testing.T) {
	e := mustEnv(t, nil)
	ctx := context.Background()
	tk := e.escalate("c-patch", passportChat)
	c := e.apiClient("anna")
	path := "/tickets/" + itoa(tk.ID)

	var got apiTicket
	code, body := c.call(http.MethodPatch, path, `{"status":"in_progress","priority":"P2","assignee":"Admin"}`, &got)
	if code != http.StatusOK {
		t.Fatalf("patch: %d %s", code, body)
	}
	if got.Status != ticketing.StatusInProgress || got.Priority != ticketing.P2 || got.Assignee != "admin" || got.Notes == nil {
		t.Errorf("answer %+v", got)
	}
	if stored, _ := e.svc.Get(ctx, tk.ID); stored.Status != ticketing.StatusInProgress || stored.Priority != ticketing.P2 || stored.Assignee != "admin" {
		t.Errorf("stored %+v", stored)
	}
	if !e.auditHas("anna", "ticket.update", tk.Key) {
		t.Errorf("update not audited as anna:\n%s", e.dumpAudit())
	}

	// Resolving needs a resolution.
	code, body = c.call(http.MethodPatch, path, `{"status":"resolved"}`, nil)
	if code != http.StatusBadRequest || !strings.Contains(errorCode(t, body).Error.Message, "resolution") {
		t.Errorf("resolve without resolution: %d %s", code, body)
	}
	if code, body = c.call(http.MethodPatch, path, `{"status":"resolved","resolution":"Auskunft am Telefon gegeben"}`, &got); code != http.StatusOK ||
		got.Status != ticketing.StatusResolved || got.Resolution != "Auskunft am Telefon gegeben" || got.ResolvedAt.IsZero() {
		t.Errorf("resolve: %d %s", code, body)
	}
	// Unassigning with an empty assignee.
	var unassigned apiTicket // fresh: an empty assignee is omitted from the JSON
	if code, body = c.call(http.MethodPatch, path, `{"assignee":""}`, &unassigned); code != http.StatusOK || unassigned.Assignee != "" || unassigned.Status != ticketing.StatusResolved {
		t.Errorf("unassign: %d %s", code, body)
	}
	if code, _ = c.call(http.MethodPatch, "/tickets/999", `{"priority":"P1"}`, nil); code != http.StatusNotFound {
		t.Errorf("patch unknown ticket: %d, want 404", code)
	}
}

func TestAPIAddNote(t *testing.T) {
	e := mustEnv(t, nil)
	ctx := context.Background()
	tk := e.escalate("c-note", passportChat)
	c := e.apiClient("anna")
	var n ticketing.Note
	code, body := c.call(http.MethodPost, "/tickets/"+itoa(tk.ID)+"/notes", `{"text":"  Bürgerin ruft morgen an  ","internal":true}`, &n)
	if code != http.StatusCreated || n.ID == 0 || n.Author != "anna" || n.Text != "Bürgerin ruft morgen an" || !n.Internal {
		t.Fatalf("add note: %d %s", code, body)
	}
	notes, err := e.svc.Notes(ctx, tk.ID)
	if err != nil || len(notes) != 1 || notes[0].ID != n.ID {
		t.Errorf("stored notes %+v, %v", notes, err)
	}
	if !e.auditHas("anna", "ticket.note", tk.Key) {
		t.Errorf("note not audited:\n%s", e.dumpAudit())
	}
	if code, _ := c.call(http.MethodPost, "/tickets/999/notes", `{"text":"x","internal":false}`, nil); code != http.StatusNotFound {
		t.Errorf("note on unknown ticket: %d, want 404", code)
	}
}

func TestAPIOutages(t *testing.T) {
	e := mustEnv(t, nil)
	ctx := context.Background()
	c := e.apiClient("anna")
	var o ticketing.Outage
	code, body := c.call(http.MethodPost, "/outages", `{"service":"vpn","title":"VPN gestört","public_message":"Wir arbeiten daran.","eta":"2026-11-26T12:30:00+01:00"}`, &o)
	if code != http.StatusCreated || o.ID == 0 || !o.Active || o.Service != "vpn" || o.PublicMessage != "Wir arbeiten daran." ||
		!o.ETA.Equal(time.Date(2026, 11, 26, 11, 30, 0, 0, time.UTC)) {
		t.Fatalf("create: %d %s", code, body)
	}
	if !e.auditHas("anna", "outage.create", "outage:"+itoa(o.ID)) {
		t.Errorf("create not audited:\n%s", e.dumpAudit())
	}
	path := "/outages/" + itoa(o.ID)
	o = ticketing.Outage{} // fresh: a cleared eta is omitted from the JSON
	code, body = c.call(http.MethodPatch, path, `{"title":"VPN: Anmeldung gestört","eta":""}`, &o)
	if code != http.StatusOK || o.Title != "VPN: Anmeldung gestört" || !o.ETA.IsZero() || o.PublicMessage != "Wir arbeiten daran." || o.Service != "vpn" {
		t.Fatalf("patch: %d %s", code, body)
	}
	if !e.auditHas("anna", "outage.update", "outage:"+itoa(o.ID)) {
		t.Errorf("update not audited:\n%s", e.dumpAudit())
	}
	var list apiOutageList
	if code, _ := c.call(http.MethodGet, "/outages", "", &list); code != http.StatusOK || len(list.Outages) != 1 || list.Outages[0].Title != "VPN: Anmeldung gestört" {
		t.Errorf("list %+v", list)
	}
	if _, err := e.svc.CloseOutage(ctx, o.ID, "admin"); err != nil {
		t.Fatal(err)
	}
	if code, _ := c.call(http.MethodGet, "/outages?active=true", "", &list); code != http.StatusOK || len(list.Outages) != 0 {
		t.Errorf("active list %+v", list)
	}
	code, body = c.call(http.MethodPatch, path, `{"title":"zu spät"}`, nil)
	if code != http.StatusConflict || errorCode(t, body).Error.Code != "conflict" {
		t.Errorf("patch closed outage: %d %s", code, body)
	}
	if got, _ := e.svc.GetOutage(ctx, o.ID); got.Title != "VPN: Anmeldung gestört" {
		t.Errorf("closed outage changed: %+v", got)
	}
}

func TestAPIBadInput(t *testing.T) {
	e := mustEnv(t, nil)
	ctx := context.Background()
	tk := e.escalate("c-bad", passportChat)
	o, err := e.svc.CreateOutage(ctx, ticketing.Outage{Service: "vpn", Title: "VPN gestört"}, "test")
	if err != nil {
		t.Fatal(err)
	}
	c := e.apiClient("anna")
	tp, op := "/tickets/"+itoa(tk.ID), "/outages/"+itoa(o.ID)
	tests := []struct {
		name, method, path, body string
		ctype                    string // default application/json
		status                   int
		code, msg                string
	}{
		{"unknown field", http.MethodPatch, tp, `{"prio":"P1"}`, "", 400, "bad_request", `Unbekanntes Feld "prio"`},
		{"malformed", http.MethodPatch, tp, `{"priority":`, "", 400, "bad_request", "Ungültiges JSON"},
		{"wrong type", http.MethodPatch, tp, `{"priority":1}`, "", 400, "bad_request", `Feld "priority": falscher Typ (Text erwartet)`},
		{"trailing data", http.MethodPatch, tp, `{"priority":"P1"} {}`, "", 400, "bad_request", "weitere Daten"},
		{"empty body", http.MethodPatch, tp, "", "", 400, "bad_request", "leer"},
		{"not JSON", http.MethodPatch, tp, `priority=P1`, "application/x-www-form-urlencoded", 415, "unsupported_media_type", "JSON"},
		{"too large", http.MethodPost, tp + "/notes", `{"text":"` + strings.Repeat("x", maxAPIBody) + `","internal":true}`, "", 413, "too_large", "zu groß"},
		{"nothing to change", http.MethodPatch, tp, `{}`, "", 400, "bad_request", "Nichts zu ändern"},
		{"bad status", http.MethodPatch, tp, `{"status":"erledigt"}`, "", 400, "bad_request", `status: unbekannter Wert "erledigt"`},
		{"status all", http.MethodPatch, tp, `{"status":"all"}`, "", 400, "bad_request", "status"},
		{"bad priority", http.MethodPatch, tp, `{"priority":"P0"}`, "", 400, "bad_request", "priority"},
		{"unknown assignee", http.MethodPatch, tp, `{"assignee":"mallory"}`, "", 400, "bad_request", "assignee"},
		{"long resolution", http.MethodPatch, tp, `{"resolution":"` + strings.Repeat("x", maxText+1) + `"}`, "", 400, "bad_request", "zu lang"},
		{"empty note", http.MethodPost, tp + "/notes", `{"text":"  ","internal":true}`, "", 400, "bad_request", "text"},
		{"note without internal", http.MethodPost, tp + "/notes", `{"text":"Hallo"}`, "", 400, "bad_request", "internal"},
		{"outage without service", http.MethodPost, "/outages", `{"title":"x"}`, "", 400, "bad_request", "service"},
		{"unknown service", http.MethodPost, "/outages", `{"service":"teleport","title":"x"}`, "", 400, "bad_request", `unbekannter IT-Dienst "teleport"`},
		{"outage without title", http.MethodPost, "/outages", `{"service":"vpn","title":" "}`, "", 400, "bad_request", "title"},
		{"bad eta", http.MethodPost, "/outages", `{"service":"vpn","title":"x","eta":"morgen"}`, "", 400, "bad_request", "RFC 3339"},
		{"patch outage empty title", http.MethodPatch, op, `{"title":""}`, "", 400, "bad_request", "title"},
		{"patch outage nothing", http.MethodPatch, op, `{}`, "", 400, "bad_request", "Nichts zu ändern"},
		{"bad filter", http.MethodGet, "/tickets?priority=P9", "", "", 400, "bad_request", "priority"},
		{"bad status filter", http.MethodGet, "/tickets?status=offen", "", "", 400, "bad_request", "status"},
		{"bad older_than", http.MethodGet, "/tickets?older_than=gestern", "", "", 400, "bad_request", "older_than"},
		{"negative older_than", http.MethodGet, "/tickets?older_than=-1h", "", "", 400, "bad_request", "older_than"},
		{"limit too big", http.MethodGet, "/tickets?limit=501", "", "", 400, "bad_request", "limit"},
		{"negative offset", http.MethodGet, "/tickets?offset=-1", "", "", 400, "bad_request", "offset"},
		{"unknown parameter", http.MethodGet, "/tickets?assignee=anna", "", "", 400, "bad_request", `"assignee"`},
		{"bad active", http.MethodGet, "/outages?active=ja", "", "", 400, "bad_request", "active"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := map[string]string{"X-CSRF-Token": c.token, "Content-Type": "application/json"}
			if tt.ctype != "" {
				h["Content-Type"] = tt.ctype
			}
			code, body := c.do(tt.method, tt.path, tt.body, h, nil)
			eb := errorCode(t, body)
			if code != tt.status || eb.Error.Code != tt.code || !strings.Contains(eb.Error.Message, tt.msg) {
				t.Errorf("got %d %s; want %d %s containing %q", code, body, tt.status, tt.code, tt.msg)
			}
		})
	}
	// Nothing was changed or added.
	got, _ := e.svc.Get(ctx, tk.ID)
	notes, _ := e.svc.Notes(ctx, tk.ID)
	outs, _ := e.svc.ListOutages(ctx, 0)
	if got.Priority != tk.Priority || got.Status != tk.Status || got.Assignee != "" || got.Resolution != "" || len(notes) != 0 ||
		len(outs) != 1 || outs[0].Title != "VPN gestört" {
		t.Errorf("bad input changed data: %+v, notes %v, outages %+v", got, notes, outs)
	}
	entries, _ := e.st.ListAudit(ctx, ticketing.AuditFilter{Who: "anna", Limit: 100})
	if slices.ContainsFunc(entries, func(a ticketing.AuditEntry) bool { return a.Action != "user.login" }) {
		t.Errorf("bad input was audited as a change:\n%s", e.dumpAudit())
	}
}
