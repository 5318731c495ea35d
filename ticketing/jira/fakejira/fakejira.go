// SPDX-License-Identifier: EUPL-1.2

// Package fakejira is an in-memory Jira for tests: an httptest server that
// speaks the parts of the Jira REST API and the Jira Service Management API
// that Lotse uses, checks the real request shapes (authentication,
// content type, required fields) and can be told to fail in scripted ways.
//
// It is a test double, not a Jira emulator: JQL is limited to
// `[project = X AND] labels = "x" [ORDER BY created ASC|DESC]`, and
// workflows, permissions and custom fields do not exist. It imports only
// the standard library so that any package's tests can use it.
package fakejira

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// TimeLayout is Jira's timestamp format.
const TimeLayout = "2006-01-02T15:04:05.000-0700"

// Options configure a Server. The zero value accepts any credentials, the
// project "ITSD" and the service desk "1" with request types "10" and "11".
type Options struct {
	// Token, if set, must arrive as "Authorization: Bearer <Token>".
	Token string
	// Email and APIToken, if set, must arrive as HTTP basic auth.
	Email, APIToken string

	// ProjectKey is the project of issues and service desk requests;
	// default "ITSD".
	ProjectKey string
	// ServiceDeskID and RequestTypeIDs are the accepted service desk and
	// its request types; default "1" and {"10", "11"}.
	ServiceDeskID  string
	RequestTypeIDs []string
	// IssueTypes are the accepted issue type names; default Task, Incident,
	// Service Request, Bug.
	IssueTypes []string
	// Priorities are the accepted priority names; default Highest, High,
	// Medium, Low, Lowest.
	Priorities []string
	// Now returns the time stamped on issues and comments; default
	// time.Now.
	Now func() time.Time
}

// Op classifies requests for fault injection and the request log.
type Op string

// The operations the server knows.
const (
	OpAny          Op = "any" // matches every request (faults only)
	OpCreate       Op = "create"
	OpSearch       Op = "search"
	OpGetIssue     Op = "get-issue"
	OpAddComment   Op = "add-comment"
	OpListComments Op = "list-comments"
	OpUnknown      Op = "unknown"
)

// Fault is one scripted misbehaviour, used for the next matching request.
type Fault struct {
	// Status, if not 0, is answered with a Jira error body instead of
	// handling the request.
	Status int
	// RetryAfter is sent as Retry-After header with Status.
	RetryAfter string
	// Drop closes the connection without an answer, before handling.
	Drop bool
	// DropAfter handles the request (the issue or comment is created),
	// then closes the connection without an answer, as if the network
	// failed on the way back.
	DropAfter bool
	// Hang blocks before handling until the client gives up (its ctx ends
	// or its process dies) or the server closes; nothing is created.
	Hang bool
}

// Down modes for SetDown.
type Down int

// Ways of being down.
const (
	Up       Down = iota
	Down503       // answer every request with 503 and no Retry-After
	DownDrop      // close every connection without an answer
)

// Issue is an issue as stored by the server.
type Issue struct {
	ID             string
	Key            string
	Project        string
	Type           string
	Summary        string
	Description    string
	Priority       string
	Labels         []string
	Status         string
	StatusCategory string // "new", "indeterminate" or "done"
	ServiceDeskID  string // set for service desk requests
	RequestTypeID  string
	Comments       []Comment
	Created        time.Time
	Updated        time.Time
}

// Comment is a comment on an issue.
type Comment struct {
	ID       string
	Author   string
	Body     string
	Internal bool // set through the property sd.public.comment
	Created  time.Time
}

// Request is one logged request.
type Request struct {
	Op     Op
	Method string
	Path   string
	Query  string    // decoded query string, e.g. the JQL of a search
	Status int       // 0 when the connection was dropped or hung
	At     time.Time // arrival (wall clock)
}

// Server is a fake Jira. It is safe for concurrent use.
type Server struct {
	opts   Options
	srv    *httptest.Server
	closed chan struct{} // closed by Close, releases hung requests
	once   sync.Once

	mu       sync.Mutex
	issues   []*Issue
	nextID   int
	faults   map[Op][]Fault
	down     Down
	log      []Request
	creates  map[string]int // label → number of issues created with it
	comments int
}

// New starts a fake Jira; Close stops it.
func New(opts Options) *Server {
	if opts.ProjectKey == "" {
		opts.ProjectKey = "ITSD"
	}
	if opts.ServiceDeskID == "" {
		opts.ServiceDeskID = "1"
	}
	if opts.RequestTypeIDs == nil {
		opts.RequestTypeIDs = []string{"10", "11"}
	}
	if opts.IssueTypes == nil {
		opts.IssueTypes = []string{"Task", "Incident", "Service Request", "Bug"}
	}
	if opts.Priorities == nil {
		opts.Priorities = []string{"Highest", "High", "Medium", "Low", "Lowest"}
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	s := &Server{opts: opts, closed: make(chan struct{}), faults: map[Op][]Fault{}, creates: map[string]int{}, nextID: 10000}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /rest/api/2/issue", s.handleCreateIssue)
	mux.HandleFunc("POST /rest/servicedeskapi/request", s.handleCreateRequest)
	mux.HandleFunc("GET /rest/api/2/search", s.handleSearch)
	mux.HandleFunc("POST /rest/api/2/search", s.handleSearch)
	mux.HandleFunc("GET /rest/api/2/search/jql", s.handleSearch)
	mux.HandleFunc("POST /rest/api/2/search/jql", s.handleSearch)
	mux.HandleFunc("GET /rest/api/2/issue/{key}", s.handleGetIssue)
	mux.HandleFunc("GET /rest/api/2/issue/{key}/comment", s.handleListComments)
	mux.HandleFunc("POST /rest/api/2/issue/{key}/comment", s.handleAddComment)
	mux.HandleFunc("GET /rest/api/2/myself", s.handleMyself)
	mux.HandleFunc("GET /rest/api/2/project/{key}", s.handleProject)
	mux.HandleFunc("GET /rest/servicedeskapi/servicedesk/{id}", s.handleServiceDesk)
	mux.HandleFunc("GET /rest/servicedeskapi/servicedesk/{id}/requesttype/{rt}", s.handleRequestType)
	s.srv = httptest.NewServer(s.middleware(mux))
	return s
}

// URL is the base URL of the server.
func (s *Server) URL() string { return s.srv.URL }

// Close shuts the server down.
func (s *Server) Close() {
	s.once.Do(func() { close(s.closed) })
	s.srv.Close()
}

// Inject queues faults for the next requests of op (OpAny: any request).
// Faults for the specific op are used before OpAny faults.
func (s *Server) Inject(op Op, faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[op] = append(s.faults[op], faults...)
}

// PendingFaults returns how many injected faults for op have not been used
// yet; a test can wait for it to reach 0 to know a request has arrived.
func (s *Server) PendingFaults(op Op) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.faults[op])
}

// SetDown takes the server down (Down503, DownDrop) or up again (Up).
func (s *Server) SetDown(d Down) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.down = d
}

// Issues returns a copy of all issues, oldest first.
func (s *Server) Issues() []Issue {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Issue, len(s.issues))
	for i, is := range s.issues {
		out[i] = is.clone()
	}
	return out
}

// Issue returns a copy of the issue key.
func (s *Server) Issue(key string) (Issue, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if is := s.find(key); is != nil {
		return is.clone(), true
	}
	return Issue{}, false
}

// IssuesWithLabel returns copies of the issues carrying label.
func (s *Server) IssuesWithLabel(label string) []Issue {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Issue
	for _, is := range s.issues {
		if slices.Contains(is.Labels, label) {
			out = append(out, is.clone())
		}
	}
	return out
}

// Creations returns how many issues were created carrying label, including
// ones whose answer was dropped.
func (s *Server) Creations(label string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.creates[label]
}

// Requests returns the request log, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.log)
}

// SetStatus moves an issue to a status of the given category ("new",
// "indeterminate", "done"), as an agent would.
func (s *Server) SetStatus(key, name, category string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	is := s.find(key)
	if is == nil {
		return fmt.Errorf("fakejira: no issue %s", key)
	}
	is.Status, is.StatusCategory, is.Updated = name, category, s.opts.Now()
	return nil
}

// AddComment adds a comment as an agent would; internal comments are
// hidden from customers in Jira Service Management.
func (s *Server) AddComment(key, author, body string, internal bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	is := s.find(key)
	if is == nil {
		return fmt.Errorf("fakejira: no issue %s", key)
	}
	s.addComment(is, author, body, internal)
	return nil
}

func (s *Server) addComment(is *Issue, author, body string, internal bool) Comment {
	s.comments++
	now := s.opts.Now()
	c := Comment{ID: strconv.Itoa(20000 + s.comments), Author: author, Body: body, Internal: internal, Created: now}
	is.Comments = append(is.Comments, c)
	is.Updated = now
	return c
}

func (s *Server) find(key string) *Issue {
	for _, is := range s.issues {
		if strings.EqualFold(is.Key, key) || is.ID == key {
			return is
		}
	}
	return nil
}

func (is *Issue) clone() Issue {
	c := *is
	c.Labels = slices.Clone(is.Labels)
	c.Comments = slices.Clone(is.Comments)
	return c
}

// opOf classifies a request.
func opOf(r *http.Request) Op {
	p := r.URL.Path
	switch {
	case r.Method == http.MethodPost && (p == "/rest/api/2/issue" || p == "/rest/servicedeskapi/request"):
		return OpCreate
	case strings.HasPrefix(p, "/rest/api/2/search"):
		return OpSearch
	case strings.HasPrefix(p, "/rest/api/2/issue/") && strings.HasSuffix(p, "/comment"):
		if r.Method == http.MethodPost {
			return OpAddComment
		}
		return OpListComments
	case strings.HasPrefix(p, "/rest/api/2/issue/") && r.Method == http.MethodGet:
		return OpGetIssue
	}
	return OpUnknown
}

// recorder remembers the status written, for the request log.
type recorder struct {
	http.ResponseWriter
	status int
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

// middleware applies down mode, scripted faults, authentication and
// content-type checks, and logs every request.
func (s *Server) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Wall clock without the monotonic reading: the outbox schedules
		// retries by the wall clock it persists, so gaps between requests
		// must be measured on that clock too.
		arrived := time.Now().Round(0)
		query, _ := url.QueryUnescape(r.URL.RawQuery)
		op := opOf(r)
		rec := &recorder{ResponseWriter: w}
		s.mu.Lock()
		down := s.down
		f, hasFault := s.popFault(op)
		s.mu.Unlock()
		// record logs the request once. Paths that hang up call it before
		// closing the connection, so that the log keeps the order in which
		// clients saw the requests end.
		logged := false
		record := func() {
			if logged {
				return
			}
			logged = true
			s.mu.Lock()
			s.log = append(s.log, Request{Op: op, Method: r.Method, Path: r.URL.Path, Query: query, Status: rec.status, At: arrived})
			s.mu.Unlock()
		}
		defer record()

		switch {
		case down == DownDrop:
			record()
			hangUp(w)
			return
		case down == Down503:
			writeError(rec, http.StatusServiceUnavailable, "Jira is down for maintenance")
			return
		case hasFault && f.Drop:
			record()
			hangUp(w)
			return
		case hasFault && f.Hang:
			select {
			case <-r.Context().Done():
			case <-s.closed:
			}
			record()
			hangUp(w)
			return
		case hasFault && f.Status != 0:
			if f.RetryAfter != "" {
				rec.Header().Set("Retry-After", f.RetryAfter)
			}
			writeError(rec, f.Status, fmt.Sprintf("scripted fault %d", f.Status))
			return
		}

		if !s.authorized(r) {
			writeError(rec, http.StatusUnauthorized, "You are not authenticated. Authentication required to perform this operation.")
			return
		}
		if r.Method == http.MethodPost && !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
			writeError(rec, http.StatusUnsupportedMediaType, "Content-Type must be application/json")
			return
		}
		if hasFault && f.DropAfter {
			// Handle the request against a throw-away writer, then hang up.
			next.ServeHTTP(httptest.NewRecorder(), r)
			record()
			hangUp(w)
			return
		}
		next.ServeHTTP(rec, r)
	})
}

// popFault takes the next fault for op, or for any op. s.mu must be held.
func (s *Server) popFault(op Op) (Fault, bool) {
	for _, o := range []Op{op, OpAny} {
		if q := s.faults[o]; len(q) > 0 {
			s.faults[o] = q[1:]
			return q[0], true
		}
	}
	return Fault{}, false
}

func (s *Server) authorized(r *http.Request) bool {
	h := r.Header.Get("Authorization")
	switch {
	case s.opts.Token != "":
		return h == "Bearer "+s.opts.Token
	case s.opts.Email != "" || s.opts.APIToken != "":
		want := "Basic " + base64.StdEncoding.EncodeToString([]byte(s.opts.Email+":"+s.opts.APIToken))
		return h == want
	}
	return true
}

// hangUp closes the connection without writing a response.
func hangUp(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic("fakejira: response writer cannot hijack")
	}
	if conn, _, err := hj.Hijack(); err == nil {
		conn.Close()
	}
}

// writeError writes Jira's REST error body.
func writeError(w http.ResponseWriter, status int, msgs ...string) {
	writeJSON(w, status, map[string]any{"errorMessages": msgs, "errors": map[string]string{}})
}

func writeFieldErrors(w http.ResponseWriter, fields map[string]string) {
	writeJSON(w, http.StatusBadRequest, map[string]any{"errorMessages": []string{}, "errors": fields})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func decodeBody(r *http.Request, v any) error {
	dec := json.NewDecoder(io.LimitReader(r.Body, 1<<20))
	return dec.Decode(v)
}

// createIssueBody is what POST /rest/api/2/issue accepts; unknown fields
// are refused as Jira refuses fields that are not on the create screen.
type createIssueBody struct {
	Fields map[string]json.RawMessage `json:"fields"`
}

type named struct {
	Name string `json:"name"`
	Key  string `json:"key"`
	ID   string `json:"id"`
}

var createScreen = []string{"project", "issuetype", "summary", "description", "priority", "labels"}

func (s *Server) handleCreateIssue(w http.ResponseWriter, r *http.Request) {
	var body createIssueBody
	if err := decodeBody(r, &body); err != nil || body.Fields == nil {
		writeError(w, http.StatusBadRequest, "Can not deserialize the request: no fields object")
		return
	}
	errs := map[string]string{}
	for name := range body.Fields {
		if !slices.Contains(createScreen, name) {
			errs[name] = fmt.Sprintf("Field '%s' cannot be set. It is not on the appropriate screen, or unknown.", name)
		}
	}
	var project, typ, prio named
	var summary, description string
	var labels []string
	unmarshalField(body.Fields, "project", &project, errs)
	unmarshalField(body.Fields, "issuetype", &typ, errs)
	unmarshalField(body.Fields, "summary", &summary, errs)
	unmarshalField(body.Fields, "description", &description, errs)
	unmarshalField(body.Fields, "labels", &labels, errs)
	if _, ok := body.Fields["priority"]; ok {
		unmarshalField(body.Fields, "priority", &prio, errs)
		if !slices.Contains(s.opts.Priorities, prio.Name) {
			errs["priority"] = fmt.Sprintf("Priority name '%s' is not valid", prio.Name)
		}
	}
	if project.Key != s.opts.ProjectKey {
		errs["project"] = "project is required"
		if project.Key != "" {
			errs["project"] = fmt.Sprintf("valid project is required (got %q)", project.Key)
		}
	}
	if !slices.Contains(s.opts.IssueTypes, typ.Name) {
		errs["issuetype"] = "valid issue type is required"
	}
	s.checkText(summary, description, labels, errs)
	if len(errs) > 0 {
		writeFieldErrors(w, errs)
		return
	}
	s.mu.Lock()
	is := s.create(typ.Name, summary, description, prio.Name, labels, "To Do")
	s.mu.Unlock()
	writeJSON(w, http.StatusCreated, map[string]string{"id": is.ID, "key": is.Key, "self": s.self(is)})
}

func unmarshalField(fields map[string]json.RawMessage, name string, v any, errs map[string]string) {
	raw, ok := fields[name]
	if !ok {
		return
	}
	if err := json.Unmarshal(raw, v); err != nil {
		errs[name] = fmt.Sprintf("Field '%s' has the wrong shape: %v", name, err)
	}
}

// checkText applies Jira's rules for summary, description and labels.
func (s *Server) checkText(summary, description string, labels []string, errs map[string]string) {
	switch {
	case strings.TrimSpace(summary) == "":
		errs["summary"] = "You must specify a summary of the issue."
	case strings.ContainsAny(summary, "\r\n"):
		errs["summary"] = "The summary is invalid because it contains newline characters."
	case len([]rune(summary)) > 255:
		errs["summary"] = "Summary must be less than 255 characters."
	}
	if len([]rune(description)) > 32767 {
		errs["description"] = "The entered text is too long. It exceeds the allowed limit of 32,767 characters."
	}
	for _, l := range labels {
		if l == "" || strings.ContainsAny(l, " \t\r\n") || len([]rune(l)) > 255 {
			errs["labels"] = fmt.Sprintf("The label '%s' contains spaces which is invalid.", l)
		}
	}
}

// create stores a new issue. s.mu must be held.
func (s *Server) create(typ, summary, description, prio string, labels []string, status string) *Issue {
	s.nextID++
	now := s.opts.Now()
	is := &Issue{
		ID:             strconv.Itoa(s.nextID),
		Key:            fmt.Sprintf("%s-%d", s.opts.ProjectKey, len(s.issues)+1),
		Project:        s.opts.ProjectKey,
		Type:           typ,
		Summary:        summary,
		Description:    description,
		Priority:       prio,
		Labels:         slices.Clone(labels),
		Status:         status,
		StatusCategory: "new",
		Created:        now,
		Updated:        now,
	}
	if is.Priority == "" {
		is.Priority = "Medium"
	}
	s.issues = append(s.issues, is)
	for _, l := range labels {
		s.creates[l]++
	}
	return is
}

func (s *Server) self(is *Issue) string {
	return s.srv.URL + "/rest/api/2/issue/" + is.ID
}

// requestBody is what POST /rest/servicedeskapi/request accepts.
type requestBody struct {
	ServiceDeskID      string                     `json:"serviceDeskId"`
	RequestTypeID      string                     `json:"requestTypeId"`
	RequestFieldValues map[string]json.RawMessage `json:"requestFieldValues"`
}

// writeSDError writes the service desk API's error body.
func writeSDError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]any{"errorMessage": msg, "i18nErrorMessage": map[string]any{"i18nKey": "sd.fake.error", "parameters": []string{}}})
}

func (s *Server) handleCreateRequest(w http.ResponseWriter, r *http.Request) {
	var body requestBody
	if err := decodeBody(r, &body); err != nil {
		writeSDError(w, http.StatusBadRequest, "Can not deserialize the request: "+err.Error())
		return
	}
	switch {
	case body.ServiceDeskID == "":
		writeSDError(w, http.StatusBadRequest, "serviceDeskId is required")
		return
	case body.ServiceDeskID != s.opts.ServiceDeskID:
		writeSDError(w, http.StatusNotFound, "The service desk you are trying to view does not exist.")
		return
	case body.RequestTypeID == "":
		writeSDError(w, http.StatusBadRequest, "requestTypeId is required")
		return
	case !slices.Contains(s.opts.RequestTypeIDs, body.RequestTypeID):
		writeSDError(w, http.StatusBadRequest, "The request type you are trying to use does not exist.")
		return
	case body.RequestFieldValues == nil:
		writeSDError(w, http.StatusBadRequest, "requestFieldValues is required")
		return
	}
	errs := map[string]string{}
	for name := range body.RequestFieldValues {
		if !slices.Contains(createScreen, name) {
			errs[name] = fmt.Sprintf("Field '%s' is not valid for this request type.", name)
		}
	}
	var summary, description string
	var labels []string
	var prio named
	unmarshalField(body.RequestFieldValues, "summary", &summary, errs)
	unmarshalField(body.RequestFieldValues, "description", &description, errs)
	unmarshalField(body.RequestFieldValues, "labels", &labels, errs)
	if _, ok := body.RequestFieldValues["priority"]; ok {
		unmarshalField(body.RequestFieldValues, "priority", &prio, errs)
		if !slices.Contains(s.opts.Priorities, prio.Name) {
			errs["priority"] = fmt.Sprintf("Priority name '%s' is not valid", prio.Name)
		}
	}
	s.checkText(summary, description, labels, errs)
	if len(errs) > 0 {
		var msgs []string
		for _, k := range sortedKeys(errs) {
			msgs = append(msgs, k+": "+errs[k])
		}
		writeSDError(w, http.StatusBadRequest, strings.Join(msgs, " "))
		return
	}
	s.mu.Lock()
	is := s.create("Service Request", summary, description, prio.Name, labels, "Waiting for support")
	is.ServiceDeskID, is.RequestTypeID = body.ServiceDeskID, body.RequestTypeID
	created := is.Created
	s.mu.Unlock()
	writeJSON(w, http.StatusCreated, map[string]any{
		"_expands":      []string{"participant", "status", "sla", "requestType", "serviceDesk"},
		"issueId":       is.ID,
		"issueKey":      is.Key,
		"requestTypeId": is.RequestTypeID,
		"serviceDeskId": is.ServiceDeskID,
		"createdDate": map[string]any{
			"iso8601":     created.Format("2006-01-02T15:04:05-0700"),
			"jira":        created.Format(TimeLayout),
			"epochMillis": created.UnixMilli(),
		},
		"requestFieldValues": []map[string]any{
			{"fieldId": "summary", "label": "Summary", "value": summary},
			{"fieldId": "description", "label": "Description", "value": description},
		},
		"currentStatus": map[string]any{"status": "Waiting for support", "statusCategory": "NEW"},
		"_links":        map[string]string{"web": s.srv.URL + "/servicedesk/customer/portal/1/" + is.Key},
	})
}

// jqlPattern is the JQL the fake understands.
var jqlPattern = regexp.MustCompile(`(?i)^\s*(?:project\s*=\s*("(?:[^"\\]|\\.)*"|[A-Za-z0-9_]+)\s+AND\s+)?labels\s*=\s*("(?:[^"\\]|\\.)*"|[^\s"]+)\s*(?:ORDER\s+BY\s+created\s*(ASC|DESC)?)?\s*$`)

func unquoteJQL(s string) string {
	if strings.HasPrefix(s, `"`) && strings.HasSuffix(s, `"`) && len(s) >= 2 {
		s = s[1 : len(s)-1]
		s = strings.NewReplacer(`\"`, `"`, `\\`, `\`).Replace(s)
	}
	return s
}

func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) {
	jql := r.URL.Query().Get("jql")
	fields := r.URL.Query().Get("fields")
	maxResults := 50
	if v := r.URL.Query().Get("maxResults"); v != "" {
		if n, err := strconv.Atoi(v); err == nil && n > 0 {
			maxResults = n
		}
	}
	if r.Method == http.MethodPost {
		var body struct {
			JQL        string   `json:"jql"`
			MaxResults int      `json:"maxResults"`
			Fields     []string `json:"fields"`
		}
		if err := decodeBody(r, &body); err != nil {
			writeError(w, http.StatusBadRequest, "Can not deserialize the search request")
			return
		}
		jql, fields = body.JQL, strings.Join(body.Fields, ",")
		if body.MaxResults > 0 {
			maxResults = body.MaxResults
		}
	}
	m := jqlPattern.FindStringSubmatch(jql)
	if m == nil {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("Error in the JQL Query: the fake understands only labels = \"x\" (got %q)", jql))
		return
	}
	project, label, desc := unquoteJQL(m[1]), unquoteJQL(m[2]), strings.EqualFold(m[3], "DESC")

	s.mu.Lock()
	var hits []map[string]any
	for _, is := range s.issues {
		if (project == "" || strings.EqualFold(project, is.Project)) && slices.Contains(is.Labels, label) {
			hits = append(hits, s.issueJSON(is, fields))
		}
	}
	s.mu.Unlock()
	if desc {
		slices.Reverse(hits)
	}
	total := len(hits)
	if len(hits) > maxResults {
		hits = hits[:maxResults]
	}
	if hits == nil {
		hits = []map[string]any{}
	}
	if strings.HasSuffix(r.URL.Path, "/jql") {
		writeJSON(w, http.StatusOK, map[string]any{"issues": hits, "isLast": true})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"expand": "schema,names", "startAt": 0, "maxResults": maxResults, "total": total, "issues": hits})
}

// issueJSON renders an issue as the REST API does, limited to the
// comma-separated fields (all when empty or "*all"). s.mu must be held.
func (s *Server) issueJSON(is *Issue, fields string) map[string]any {
	all := map[string]any{
		"summary":     is.Summary,
		"description": is.Description,
		"labels":      is.Labels,
		"issuetype":   map[string]any{"name": is.Type},
		"project":     map[string]any{"key": is.Project},
		"priority":    map[string]any{"name": is.Priority},
		"status": map[string]any{
			"name":           is.Status,
			"statusCategory": map[string]any{"key": is.StatusCategory, "name": categoryName(is.StatusCategory)},
		},
		"created": is.Created.Format(TimeLayout),
		"updated": is.Updated.Format(TimeLayout),
		"comment": s.commentsJSON(is, 0, len(is.Comments)),
	}
	out := all
	if fields != "" && fields != "*all" && fields != "*navigable" {
		out = map[string]any{}
		for f := range strings.SplitSeq(fields, ",") {
			if v, ok := all[strings.TrimSpace(f)]; ok {
				out[strings.TrimSpace(f)] = v
			}
		}
	}
	return map[string]any{"id": is.ID, "key": is.Key, "self": s.self(is), "fields": out}
}

func categoryName(key string) string {
	switch key {
	case "new":
		return "To Do"
	case "indeterminate":
		return "In Progress"
	case "done":
		return "Done"
	}
	return key
}

func (s *Server) commentsJSON(is *Issue, start, maxResults int) map[string]any {
	list := []map[string]any{}
	for i, c := range is.Comments {
		if i < start || len(list) >= maxResults {
			continue
		}
		cm := map[string]any{
			"id":      c.ID,
			"self":    s.self(is) + "/comment/" + c.ID,
			"author":  map[string]any{"displayName": c.Author, "name": strings.ToLower(strings.ReplaceAll(c.Author, " ", "."))},
			"body":    c.Body,
			"created": c.Created.Format(TimeLayout),
			"updated": c.Created.Format(TimeLayout),
		}
		if is.ServiceDeskID != "" {
			cm["jsdPublic"] = !c.Internal
		}
		list = append(list, cm)
	}
	return map[string]any{"startAt": start, "maxResults": maxResults, "total": len(is.Comments), "comments": list}
}

func (s *Server) handleGetIssue(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	is := s.find(r.PathValue("key"))
	if is == nil {
		writeError(w, http.StatusNotFound, "Issue Does Not Exist")
		return
	}
	writeJSON(w, http.StatusOK, s.issueJSON(is, r.URL.Query().Get("fields")))
}

func (s *Server) handleListComments(w http.ResponseWriter, r *http.Request) {
	start, _ := strconv.Atoi(r.URL.Query().Get("startAt"))
	maxResults, err := strconv.Atoi(r.URL.Query().Get("maxResults"))
	if err != nil || maxResults <= 0 {
		maxResults = 50
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	is := s.find(r.PathValue("key"))
	if is == nil {
		writeError(w, http.StatusNotFound, "Issue Does Not Exist")
		return
	}
	writeJSON(w, http.StatusOK, s.commentsJSON(is, max(start, 0), maxResults))
}

func (s *Server) handleAddComment(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Body       string `json:"body"`
		Properties []struct {
			Key   string          `json:"key"`
			Value json.RawMessage `json:"value"`
		} `json:"properties"`
	}
	if err := decodeBody(r, &body); err != nil {
		writeError(w, http.StatusBadRequest, "Can not deserialize the comment")
		return
	}
	if strings.TrimSpace(body.Body) == "" {
		writeFieldErrors(w, map[string]string{"comment": "Comment body can not be empty!"})
		return
	}
	if len([]rune(body.Body)) > 32767 {
		writeFieldErrors(w, map[string]string{"comment": "The entered text is too long. It exceeds the allowed limit of 32,767 characters."})
		return
	}
	internal := false
	for _, p := range body.Properties {
		if p.Key == "sd.public.comment" {
			var v struct {
				Internal bool `json:"internal"`
			}
			if err := json.Unmarshal(p.Value, &v); err != nil {
				writeFieldErrors(w, map[string]string{"properties": "sd.public.comment must be {\"internal\": bool}"})
				return
			}
			internal = v.Internal
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	is := s.find(r.PathValue("key"))
	if is == nil {
		writeError(w, http.StatusNotFound, "Issue Does Not Exist")
		return
	}
	c := s.addComment(is, "Lotse Service Account", body.Body, internal)
	writeJSON(w, http.StatusCreated, map[string]any{
		"id":      c.ID,
		"self":    s.self(is) + "/comment/" + c.ID,
		"author":  map[string]any{"displayName": c.Author},
		"body":    c.Body,
		"created": c.Created.Format(TimeLayout),
		"updated": c.Created.Format(TimeLayout),
	})
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func (s *Server) handleMyself(w http.ResponseWriter, r *http.Request) {
	name := s.opts.Email
	if name == "" {
		name = "lotse"
	}
	writeJSON(w, http.StatusOK, map[string]any{"name": name, "displayName": "Lotse Service Account", "active": true})
}

func (s *Server) handleProject(w http.ResponseWriter, r *http.Request) {
	if !strings.EqualFold(r.PathValue("key"), s.opts.ProjectKey) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("No project could be found with key '%s'.", r.PathValue("key")))
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": "10000", "key": s.opts.ProjectKey, "name": "IT-Servicedesk"})
}

func (s *Server) handleRequestType(w http.ResponseWriter, r *http.Request) {
	if r.PathValue("id") != s.opts.ServiceDeskID {
		writeSDError(w, http.StatusNotFound, "The service desk you are trying to view does not exist.")
		return
	}
	if !slices.Contains(s.opts.RequestTypeIDs, r.PathValue("rt")) {
		writeSDError(w, http.StatusNotFound, "The request type you are trying to view does not exist.")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": r.PathValue("rt"), "name": "Anfrage", "serviceDeskId": s.opts.ServiceDeskID})
}

func (s *Server) handleServiceDesk(w http.ResponseWriter, r *http.Request) {
	if r.PathValue("id") != s.opts.ServiceDeskID {
		writeSDError(w, http.StatusNotFound, "The service desk you are trying to view does not exist.")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": s.opts.ServiceDeskID, "projectId": "10000", "projectName": "IT-Servicedesk", "projectKey": s.opts.ProjectKey})
}
