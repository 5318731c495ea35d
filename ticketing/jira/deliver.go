// SPDX-License-Identifier: EUPL-1.2

package jira

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	gojira "github.com/andygrunwald/go-jira"

	"github.com/musterstadt/lotse/ticketing"
)

// Deliver creates the Jira issue for t, or finds the one an earlier attempt
// created, and makes sure the transcript comment is on it. It returns the
// issue key ("ITSD-123").
//
// Idempotency: Deliver first searches for the marker label of t.Key (see
// MarkerLabel) and creates an issue only when none exists. The transcript
// comment is checked the same way: on a retry, Deliver reads the comments
// of the found issue and adds the transcript only if it is missing. So a
// failure at any step (create, comment) may simply be retried: the outcome
// is one issue with one transcript comment. If the comment fails after the
// issue was created, Deliver returns the error (and no key), so that the
// outbox retries and the transcript is not lost.
//
// Jira's search index is updated asynchronously, so a retry that comes
// right after a creation whose answer was lost might not see the new issue
// yet. Deliver therefore answers a transport failure during the create
// with a *ticketing.RetryAfterError of Config.IndexDelay.
//
// Errors: *ticketing.RetryAfterError for 429/503 with Retry-After; an error
// matching ErrPermanent for answers a retry cannot fix (bad request,
// credentials, unknown project or request type); other errors (5xx,
// network, ctx) are temporary. No error contains credentials.
func (c *Client) Deliver(ctx context.Context, t ticketing.Ticket) (string, error) {
	if strings.TrimSpace(t.Key) == "" {
		return "", fmt.Errorf("jira: deliver: ticket without key: %w", errors.Join(ticketing.ErrInvalid, ErrPermanent))
	}
	marker := MarkerLabel(t.Key)
	key, err := c.findByLabel(ctx, marker)
	if err != nil {
		return "", err
	}
	created := key == ""
	if created {
		if c.cfg.ServiceDeskID != "" {
			key, err = c.createRequest(ctx, t)
		} else {
			key, err = c.createIssue(ctx, t)
		}
		if err != nil {
			return "", c.lostCreate(ctx, err)
		}
		c.log.DebugContext(ctx, "jira: created issue", "ticket", t.Key, "issue", key)
	} else {
		c.log.DebugContext(ctx, "jira: found issue of an earlier attempt", "ticket", t.Key, "issue", key)
	}
	if err := c.ensureTranscript(ctx, key, t, !created); err != nil {
		return "", err
	}
	return key, nil
}

// lostCreate turns a transport failure during a create, after which the
// issue may exist without our knowing its key, into a request to wait
// IndexDelay before the retry searches for it. Answers from Jira (an
// APIError) and ctx ends are returned as they are.
func (c *Client) lostCreate(ctx context.Context, err error) error {
	if c.cfg.IndexDelay <= 0 || ctx.Err() != nil {
		return err
	}
	if _, ok := errors.AsType[*APIError](err); ok {
		return err
	}
	if _, ok := errors.AsType[*ticketing.RetryAfterError](err); ok {
		return err
	}
	return &ticketing.RetryAfterError{After: c.cfg.IndexDelay, Err: err}
}

// findByLabel returns the key of the oldest issue carrying label, or "" if
// there is none.
func (c *Client) findByLabel(ctx context.Context, label string) (string, error) {
	jql := fmt.Sprintf("labels = %s", jqlString(label))
	if c.cfg.ProjectKey != "" {
		jql = fmt.Sprintf("project = %s AND %s", jqlString(c.cfg.ProjectKey), jql)
	}
	jql += " ORDER BY created ASC"
	var (
		issues []gojira.Issue
		resp   *gojira.Response
		err    error
	)
	fields := []string{"created"}
	if c.cloud {
		issues, resp, err = c.jc.Issue.SearchV2JQLWithContext(ctx, jql, &gojira.SearchOptionsV2{MaxResults: 5, Fields: fields})
	} else {
		issues, resp, err = c.jc.Issue.SearchWithContext(ctx, jql, &gojira.SearchOptions{MaxResults: 5, Fields: fields})
	}
	if err != nil {
		return "", c.apiError("search "+label, resp, err)
	}
	resp.Body.Close()
	if len(issues) == 0 {
		return "", nil
	}
	// Jira orders by created already; sort again so that a server that
	// ignores ORDER BY still yields the oldest issue.
	slices.SortStableFunc(issues, func(a, b gojira.Issue) int {
		return createdOf(a).Compare(createdOf(b))
	})
	return issues[0].Key, nil
}

func createdOf(i gojira.Issue) time.Time {
	if i.Fields == nil {
		return time.Time{}
	}
	return time.Time(i.Fields.Created)
}

// createIssue creates a plain Jira issue with POST /rest/api/2/issue.
func (c *Client) createIssue(ctx context.Context, t ticketing.Ticket) (string, error) {
	typ := c.cfg.IssueType
	if t.Kind == ticketing.KindIncident {
		typ = c.cfg.IncidentIssueType
	}
	fields := &gojira.IssueFields{
		Project:     gojira.Project{Key: c.cfg.ProjectKey},
		Type:        gojira.IssueType{Name: typ},
		Summary:     summary(t),
		Description: c.description(t),
		Labels:      c.labels(t),
	}
	if name := c.cfg.PriorityMap[t.Priority]; name != "" {
		fields.Priority = &gojira.Priority{Name: name}
	}
	issue, resp, err := c.jc.Issue.CreateWithContext(ctx, &gojira.Issue{Fields: fields})
	if err != nil {
		// On a non-2xx status go-jira leaves the body unread; on a 2xx
		// with a bad body it has closed it already.
		if resp != nil && resp.StatusCode >= 200 && resp.StatusCode < 300 {
			return "", fmt.Errorf("jira: create issue for %s: reading the answer: %w", t.Key, err)
		}
		return "", c.apiError("create issue for "+t.Key, resp, err)
	}
	if issue.Key == "" {
		return "", fmt.Errorf("jira: create issue for %s: answer without issue key", t.Key)
	}
	return issue.Key, nil
}

// requestCreate is the body of POST /rest/servicedeskapi/request.
type requestCreate struct {
	ServiceDeskID      string         `json:"serviceDeskId"`
	RequestTypeID      string         `json:"requestTypeId"`
	RequestFieldValues map[string]any `json:"requestFieldValues"`
}

// requestCreated is the part of the answer we use.
type requestCreated struct {
	IssueID  string `json:"issueId"`
	IssueKey string `json:"issueKey"`
}

type namedValue struct {
	Name string `json:"name"`
}

// createRequest creates a Jira Service Management customer request. go-jira
// v1 has no call for it, so the request is built with the go-jira client,
// which keeps authentication and transport in one place.
func (c *Client) createRequest(ctx context.Context, t ticketing.Ticket) (string, error) {
	typ := c.cfg.RequestTypeID
	if t.Kind == ticketing.KindIncident {
		typ = c.cfg.IncidentRequestTypeID
	}
	values := map[string]any{
		"summary":     summary(t),
		"description": c.description(t),
		"labels":      c.labels(t),
	}
	if name := c.cfg.PriorityMap[t.Priority]; name != "" {
		values["priority"] = namedValue{Name: name}
	}
	body := requestCreate{ServiceDeskID: c.cfg.ServiceDeskID, RequestTypeID: typ, RequestFieldValues: values}
	var out requestCreated
	if err := c.call(ctx, "create request for "+t.Key, http.MethodPost, "rest/servicedeskapi/request", body, &out); err != nil {
		return "", err
	}
	if out.IssueKey == "" {
		return "", fmt.Errorf("jira: create request for %s: answer without issue key", t.Key)
	}
	return out.IssueKey, nil
}

// commentCreate is the body of POST /rest/api/2/issue/{key}/comment. The
// property marks the comment as internal in Jira Service Management, so the
// transcript is for agents only; plain Jira just stores the property.
type commentCreate struct {
	Body       string            `json:"body"`
	Properties []commentProperty `json:"properties,omitempty"`
}

type commentProperty struct {
	Key   string `json:"key"`
	Value any    `json:"value"`
}

// commentPage is the answer of GET /rest/api/2/issue/{key}/comment, and the
// "comment" field of an issue.
type commentPage struct {
	StartAt    int           `json:"startAt"`
	MaxResults int           `json:"maxResults"`
	Total      int           `json:"total"`
	Comments   []commentJSON `json:"comments"`
}

type commentJSON struct {
	ID     string `json:"id"`
	Author struct {
		DisplayName string `json:"displayName"`
		Name        string `json:"name"`
	} `json:"author"`
	Body      string `json:"body"`
	Created   string `json:"created"`
	JSDPublic *bool  `json:"jsdPublic"` // Jira Service Management only
}

// ensureTranscript adds the transcript comment to key unless t has no
// transcript or, when check is set, the comment is there already.
func (c *Client) ensureTranscript(ctx context.Context, key string, t ticketing.Ticket, check bool) error {
	if len(t.Transcript) == 0 {
		return nil
	}
	if check {
		found, err := c.hasTranscript(ctx, key, t.Key)
		if err != nil {
			return err
		}
		if found {
			return nil
		}
	}
	body := commentCreate{
		Body: c.transcript(t),
		Properties: []commentProperty{
			{Key: "sd.public.comment", Value: map[string]bool{"internal": true}},
		},
	}
	path := "rest/api/2/issue/" + url.PathEscape(key) + "/comment"
	if err := c.call(ctx, "add transcript to "+key, http.MethodPost, path, body, nil); err != nil {
		return err
	}
	return nil
}

// hasTranscript pages through the comments of key looking for the
// transcript of ticketKey.
func (c *Client) hasTranscript(ctx context.Context, key, ticketKey string) (bool, error) {
	const pageSize = 100
	for start := 0; ; {
		q := url.Values{"startAt": {strconv.Itoa(start)}, "maxResults": {strconv.Itoa(pageSize)}, "orderBy": {"created"}}
		path := "rest/api/2/issue/" + url.PathEscape(key) + "/comment?" + q.Encode()
		var page commentPage
		if err := c.call(ctx, "read comments of "+key, http.MethodGet, path, nil, &page); err != nil {
			return false, err
		}
		for _, cm := range page.Comments {
			if isTranscript(cm.Body, ticketKey) {
				return true, nil
			}
		}
		start += len(page.Comments)
		if len(page.Comments) == 0 || start >= page.Total {
			return false, nil
		}
	}
}

// call sends a JSON request through the go-jira client and decodes a JSON
// answer into out (if not nil). Non-2xx answers become errors as described
// at Deliver.
func (c *Client) call(ctx context.Context, op, method, path string, in, out any) error {
	req, err := c.jc.NewRequestWithContext(ctx, method, path, in)
	if err != nil {
		return fmt.Errorf("jira: %s: %w", op, err)
	}
	req.Header.Set("Accept", "application/json")
	resp, err := c.jc.Do(req, nil)
	if err != nil {
		return c.apiError(op, resp, err)
	}
	defer resp.Body.Close()
	if out == nil {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxErrorBody))
		return nil
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return fmt.Errorf("jira: %s: decoding the answer: %w", op, err)
	}
	return nil
}

// jqlString quotes s as a JQL string literal.
func jqlString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// Check verifies the configuration against Jira, for a fail-fast start:
// the credentials (GET /rest/api/2/myself) and the delivery target (the
// service desk, its request types and that ProjectKey, if set, is the
// desk's project; or the project). It creates nothing.
// Errors are as described at Deliver; a wrong ID or key matches
// ErrPermanent.
func (c *Client) Check(ctx context.Context) error {
	if err := c.call(ctx, "check credentials", http.MethodGet, "rest/api/2/myself", nil, nil); err != nil {
		return err
	}
	if c.cfg.ServiceDeskID != "" {
		var desk struct {
			ProjectKey string `json:"projectKey"`
		}
		path := "rest/servicedeskapi/servicedesk/" + url.PathEscape(c.cfg.ServiceDeskID)
		if err := c.call(ctx, "check service desk "+c.cfg.ServiceDeskID, http.MethodGet, path, nil, &desk); err != nil {
			return err
		}
		// The idempotency search is limited to ProjectKey: a different
		// project would hide every earlier issue and duplicate tickets.
		if c.cfg.ProjectKey != "" && !strings.EqualFold(desk.ProjectKey, c.cfg.ProjectKey) {
			return fmt.Errorf("jira: check service desk %s: it belongs to project %q, but ProjectKey is %q: %w",
				c.cfg.ServiceDeskID, desk.ProjectKey, c.cfg.ProjectKey, ErrPermanent)
		}
		for _, rt := range slices.Compact([]string{c.cfg.RequestTypeID, c.cfg.IncidentRequestTypeID}) {
			path := "rest/servicedeskapi/servicedesk/" + url.PathEscape(c.cfg.ServiceDeskID) + "/requesttype/" + url.PathEscape(rt)
			if err := c.call(ctx, fmt.Sprintf("check service desk %s request type %s", c.cfg.ServiceDeskID, rt), http.MethodGet, path, nil, nil); err != nil {
				return err
			}
		}
	}
	if c.cfg.ProjectKey != "" {
		path := "rest/api/2/project/" + url.PathEscape(c.cfg.ProjectKey)
		if err := c.call(ctx, "check project "+c.cfg.ProjectKey, http.MethodGet, path, nil, nil); err != nil {
			return err
		}
	}
	return nil
}
