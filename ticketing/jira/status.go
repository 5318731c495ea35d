// SPDX-License-Identifier: EUPL-1.2

package jira

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/musterstadt/lotse/ticketing"
)

// issueStatus is the part of GET /rest/api/2/issue/{key} that
// ExternalStatus reads.
type issueStatus struct {
	Key    string `json:"key"`
	Fields struct {
		Status *struct {
			Name           string `json:"name"`
			StatusCategory struct {
				Key string `json:"key"` // "new", "indeterminate" or "done"
			} `json:"statusCategory"`
		} `json:"status"`
		Updated string       `json:"updated"`
		Comment *commentPage `json:"comment"`
	} `json:"fields"`
}

// ExternalStatus reads the status, the public comments and the time of the
// last change of the Jira issue key.
//
// The Jira status is mapped to a local status (ticketing.StatusOpen ...):
// first through Config.StatusMap, then by well-known names ("Waiting for
// customer" → waiting, "Closed" → closed) and finally by the status
// category (new → open, indeterminate → in_progress, done → resolved). An
// unmappable status yields "".
//
// Comments leave out the transcript comment that Deliver added and, in Jira
// Service Management, internal comments; they are ordered oldest first.
// A missing issue yields an error matching ticketing.ErrNotFound (and
// ErrPermanent); other errors are as described at Deliver.
func (c *Client) ExternalStatus(ctx context.Context, key string) (ticketing.ExternalStatus, error) {
	if strings.TrimSpace(key) == "" {
		return ticketing.ExternalStatus{}, fmt.Errorf("jira: read status: empty issue key: %w", ticketing.ErrInvalid)
	}
	op := "read status of " + key
	path := "rest/api/2/issue/" + url.PathEscape(key) + "?" + url.Values{"fields": {"status,comment,updated"}}.Encode()
	var is issueStatus
	if err := c.call(ctx, op, http.MethodGet, path, nil, &is); err != nil {
		if ae, ok := errors.AsType[*APIError](err); ok && ae.StatusCode == http.StatusNotFound {
			return ticketing.ExternalStatus{}, fmt.Errorf("%w: %w", ticketing.ErrNotFound, err)
		}
		return ticketing.ExternalStatus{}, err
	}

	var st ticketing.ExternalStatus
	if s := is.Fields.Status; s != nil {
		st.Status = c.mapStatus(s.Name, s.StatusCategory.Key)
	}
	st.Updated = parseJiraTime(is.Fields.Updated)
	if is.Fields.Comment != nil {
		for _, cm := range is.Fields.Comment.Comments {
			if cm.JSDPublic != nil && !*cm.JSDPublic || isTranscript(cm.Body, "") {
				continue
			}
			st.Comments = append(st.Comments, ticketing.ExternalComment{
				Author:  cmp.Or(cm.Author.DisplayName, cm.Author.Name),
				Body:    cm.Body,
				Created: parseJiraTime(cm.Created),
			})
		}
		slices.SortStableFunc(st.Comments, func(a, b ticketing.ExternalComment) int {
			return a.Created.Compare(b.Created)
		})
	}
	return st, nil
}

// mapStatus maps a Jira status to a local one; see ExternalStatus.
func (c *Client) mapStatus(name, category string) string {
	n := strings.ToLower(strings.TrimSpace(name))
	if s, ok := c.statusMap[n]; ok {
		return s
	}
	switch {
	case n == "waiting for support" || n == "wartet auf support" || n == "warten auf support":
		return ticketing.StatusOpen // JSM's first status: the agents' turn
	case strings.Contains(n, "wait") || strings.Contains(n, "warte") || strings.Contains(n, "pending") || strings.Contains(n, "rückmeldung"):
		return ticketing.StatusWaiting
	case n == "closed" || n == "geschlossen" || n == "canceled" || n == "cancelled" || n == "abgebrochen" || n == "declined" || n == "abgelehnt":
		return ticketing.StatusClosed
	case n == "resolved" || n == "done" || n == "erledigt" || n == "gelöst" || n == "fertig":
		return ticketing.StatusResolved
	case n == "in progress" || n == "work in progress" || n == "in arbeit" || n == "in bearbeitung":
		return ticketing.StatusInProgress
	case n == "open" || n == "offen" || n == "to do" || n == "zu erledigen" || n == "new" || n == "neu" || n == "reopened":
		return ticketing.StatusOpen
	}
	switch category {
	case "new":
		return ticketing.StatusOpen
	case "indeterminate":
		return ticketing.StatusInProgress
	case "done":
		return ticketing.StatusResolved
	}
	return ""
}

// jiraTimeLayouts are the timestamp forms of the Jira REST API:
// "2026-11-26T14:35:33.000+0100" and, from some proxies, RFC 3339.
var jiraTimeLayouts = []string{
	"2006-01-02T15:04:05.000-0700",
	"2006-01-02T15:04:05-0700",
	time.RFC3339Nano,
}

// parseJiraTime parses a Jira timestamp; it returns the zero time for an
// empty or unparsable value.
func parseJiraTime(s string) time.Time {
	for _, layout := range jiraTimeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}
