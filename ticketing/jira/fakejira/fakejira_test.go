// SPDX-License-Identifier: EUPL-1.2

package fakejira

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

const token = "fake-token"

// send posts or gets body (JSON unless contentType says otherwise) with
// the PAT and returns status and body.
func send(t *testing.T, s *Server, method, path, contentType, auth, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, s.URL()+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// The fake refuses what real Jira refuses, so that tests against it catch
// wrong request shapes.
func TestRejectsWrongShapes(t *testing.T) {
	s := New(Options{Token: token})
	defer s.Close()
	bearer := "Bearer " + token
	tests := []struct {
		name, method, path, ctype, auth, body string
		status                                int
		contains                              string
	}{
		{"no auth", "GET", "/rest/api/2/search?jql=labels%3Dx", "", "", "", 401, "not authenticated"},
		{"wrong token", "GET", "/rest/api/2/search?jql=labels%3Dx", "", "Bearer other", "", 401, "not authenticated"},
		{"form body", "POST", "/rest/api/2/issue", "application/x-www-form-urlencoded", bearer, "a=b", 415, "application/json"},
		{"no fields", "POST", "/rest/api/2/issue", "application/json", bearer, `{}`, 400, "no fields"},
		{"missing project and type", "POST", "/rest/api/2/issue", "application/json", bearer, `{"fields":{"summary":"x"}}`, 400, "project is required"},
		{"unknown field", "POST", "/rest/api/2/issue", "application/json", bearer, `{"fields":{"project":{"key":"ITSD"},"issuetype":{"name":"Task"},"summary":"x","watches":{}}}`, 400, "Field 'watches' cannot be set"},
		{"newline summary", "POST", "/rest/api/2/issue", "application/json", bearer, `{"fields":{"project":{"key":"ITSD"},"issuetype":{"name":"Task"},"summary":"a\nb"}}`, 400, "newline"},
		{"label with space", "POST", "/rest/api/2/issue", "application/json", bearer, `{"fields":{"project":{"key":"ITSD"},"issuetype":{"name":"Task"},"summary":"x","labels":["a b"]}}`, 400, "contains spaces"},
		{"labels as string", "POST", "/rest/api/2/issue", "application/json", bearer, `{"fields":{"project":{"key":"ITSD"},"issuetype":{"name":"Task"},"summary":"x","labels":"a"}}`, 400, "wrong shape"},
		{"request without desk", "POST", "/rest/servicedeskapi/request", "application/json", bearer, `{"requestTypeId":"10","requestFieldValues":{"summary":"x"}}`, 400, "serviceDeskId is required"},
		{"request without type", "POST", "/rest/servicedeskapi/request", "application/json", bearer, `{"serviceDeskId":"1","requestFieldValues":{"summary":"x"}}`, 400, "requestTypeId is required"},
		{"request without summary", "POST", "/rest/servicedeskapi/request", "application/json", bearer, `{"serviceDeskId":"1","requestTypeId":"10","requestFieldValues":{"description":"x"}}`, 400, "summary"},
		{"request with fields wrapper", "POST", "/rest/servicedeskapi/request", "application/json", bearer, `{"serviceDeskId":"1","requestTypeId":"10","fields":{"summary":"x"}}`, 400, "requestFieldValues is required"},
		{"unsupported jql", "GET", "/rest/api/2/search?jql=summary~x", "", bearer, "", 400, "Error in the JQL Query"},
		{"empty comment", "POST", "/rest/api/2/issue/ITSD-1/comment", "application/json", bearer, `{"body":" "}`, 400, "can not be empty"},
		{"comment on missing issue", "POST", "/rest/api/2/issue/ITSD-9/comment", "application/json", bearer, `{"body":"x"}`, 404, "Issue Does Not Exist"},
		{"missing issue", "GET", "/rest/api/2/issue/ITSD-9", "", bearer, "", 404, "Issue Does Not Exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := send(t, s, tt.method, tt.path, tt.ctype, tt.auth, tt.body)
			if status != tt.status || !strings.Contains(body, tt.contains) {
				t.Errorf("got %d %s, want %d containing %q", status, body, tt.status, tt.contains)
			}
		})
	}
	if n := len(s.Issues()); n != 0 {
		t.Errorf("%d issues created by rejected requests", n)
	}
}

func TestCreateSearchAndComment(t *testing.T) {
	now := time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)
	s := New(Options{Email: "a@example.org", APIToken: "tok", Now: func() time.Time { return now }})
	defer s.Close()
	basic := "Basic YUBleGFtcGxlLm9yZzp0b2s=" // a@example.org:tok

	status, body := send(t, s, "POST", "/rest/servicedeskapi/request", "application/json", basic,
		`{"serviceDeskId":"1","requestTypeId":"10","requestFieldValues":{"summary":"Drucker","priority":{"name":"High"},"labels":["lotse-lot-1","lotse"]}}`)
	if status != 201 || !strings.Contains(body, `"issueKey":"ITSD-1"`) {
		t.Fatalf("create request: %d %s", status, body)
	}
	status, body = send(t, s, "POST", "/rest/api/2/issue/ITSD-1/comment", "application/json", basic,
		`{"body":"hallo","properties":[{"key":"sd.public.comment","value":{"internal":true}}]}`)
	if status != 201 {
		t.Fatalf("comment: %d %s", status, body)
	}
	for _, path := range []string{
		"/rest/api/2/search?jql=" + `labels+%3D+%22lotse-lot-1%22&fields=created`,
		"/rest/api/2/search/jql?jql=" + `project+%3D+ITSD+AND+labels+%3D+lotse-lot-1+ORDER+BY+created+ASC`,
	} {
		status, body = send(t, s, "GET", path, "", basic, "")
		var res struct {
			Issues []struct {
				Key    string         `json:"key"`
				Fields map[string]any `json:"fields"`
			} `json:"issues"`
		}
		if err := json.Unmarshal([]byte(body), &res); status != 200 || err != nil {
			t.Fatalf("search %s: %d %s", path, status, body)
		}
		if len(res.Issues) != 1 || res.Issues[0].Key != "ITSD-1" {
			t.Errorf("search %s found %+v", path, res.Issues)
		}
		if strings.Contains(path, "fields=created") && (len(res.Issues[0].Fields) != 1 || res.Issues[0].Fields["created"] != "2026-11-26T10:00:00.000+0000") {
			t.Errorf("fields %v, want only created in Jira's format", res.Issues[0].Fields)
		}
	}
	status, body = send(t, s, "GET", "/rest/api/2/search?jql=labels+%3D+other", "", basic, "")
	if status != 200 || !strings.Contains(body, `"issues":[]`) || !strings.Contains(body, `"total":0`) {
		t.Errorf("search without hit: %d %s", status, body)
	}
	status, body = send(t, s, "GET", "/rest/api/2/issue/ITSD-1?fields=status,comment", "", basic, "")
	if status != 200 || !strings.Contains(body, `"jsdPublic":false`) || !strings.Contains(body, `"name":"Waiting for support"`) {
		t.Errorf("get issue: %d %s", status, body)
	}
	is, _ := s.Issue("ITSD-1")
	if s.Creations("lotse-lot-1") != 1 || is.Priority != "High" || len(is.Comments) != 1 || !is.Comments[0].Internal {
		t.Errorf("stored issue %+v", is)
	}
}

func TestFaults(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	s.Inject(OpSearch, Fault{Status: 429, RetryAfter: "2"})
	s.Inject(OpAny, Fault{Drop: true})
	s.Inject(OpCreate, Fault{DropAfter: true})
	// A fresh connection per request: a pooled connection the fake already
	// hung up on could otherwise swallow a request before it arrives, which
	// would make the request log below depend on timing.
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}

	req, _ := http.NewRequestWithContext(t.Context(), "GET", s.URL()+"/rest/api/2/search?jql=labels%3Dx", nil)
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 429 || resp.Header.Get("Retry-After") != "2" {
		t.Errorf("scripted 429: %d, Retry-After %q", resp.StatusCode, resp.Header.Get("Retry-After"))
	}

	create := func() error {
		req, _ := http.NewRequestWithContext(t.Context(), "POST", s.URL()+"/rest/api/2/issue", strings.NewReader(
			`{"fields":{"project":{"key":"ITSD"},"issuetype":{"name":"Task"},"summary":"x","labels":["m"]}}`))
		req.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		return err
	}
	// The create-specific DropAfter comes before the OpAny Drop.
	if err := create(); err == nil || s.Creations("m") != 1 {
		t.Errorf("DropAfter: err %v, %d creations; want an error and 1", err, s.Creations("m"))
	}
	if err := create(); err == nil || s.Creations("m") != 1 {
		t.Errorf("Drop: err %v, %d creations; want an error and still 1", err, s.Creations("m"))
	}
	if err := create(); err != nil || s.Creations("m") != 2 {
		t.Errorf("no fault left: err %v, %d creations", err, s.Creations("m"))
	}

	s.SetDown(DownDrop)
	if err := create(); err == nil {
		t.Error("DownDrop answered")
	}
	s.SetDown(Down503)
	req, _ = http.NewRequestWithContext(t.Context(), "GET", s.URL()+"/rest/api/2/issue/ITSD-1", nil)
	if resp, err := client.Do(req); err != nil {
		t.Errorf("Down503: %v", err)
	} else {
		resp.Body.Close()
		if resp.StatusCode != 503 {
			t.Errorf("Down503 answered %s", resp.Status)
		}
	}
	s.SetDown(Up)
	if err := create(); err != nil {
		t.Errorf("up again: %v", err)
	}

	var ops []string
	for _, r := range s.Requests() {
		ops = append(ops, string(r.Op)+" "+http.StatusText(r.Status))
	}
	want := "search Too Many Requests,create ,create ,create Created,create ,get-issue Service Unavailable,create Created"
	if got := strings.Join(ops, ","); got != want {
		t.Errorf("request log\n got %s\nwant %s", got, want)
	}
}
