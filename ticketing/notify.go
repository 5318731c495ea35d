// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
)

// Notifier posts a JSON message about a P1 ticket to a webhook. The body
// has a "text" field, which chat tools with incoming webhooks (Mattermost,
// Slack, Rocket.Chat) show as is, plus the ticket fields for automation:
//
//	{"text": "P1 LOT-7: VPN: keine Verbindung", "key": "LOT-7",
//	 "priority": "P1", "kind": "incident", "service": "vpn",
//	 "summary": "VPN: keine Verbindung", "created_at": "2026-11-26T08:00:00Z"}
//
// The payload carries no transcript and no contact data.
type Notifier struct {
	URL    string
	Client *http.Client // nil means http.DefaultClient; ctx sets the deadline
}

type notification struct {
	Text      string    `json:"text"`
	Key       string    `json:"key"`
	Priority  string    `json:"priority"`
	Kind      string    `json:"kind"`
	Service   string    `json:"service,omitempty"`
	Summary   string    `json:"summary"`
	CreatedAt time.Time `json:"created_at"`
}

// Notify posts the notification for t. A 2xx status is success; 429 and
// 503 with a Retry-After header give a *RetryAfterError; anything else an
// error.
func (n *Notifier) Notify(ctx context.Context, t Ticket) error {
	body, err := json.Marshal(notification{
		Text:      fmt.Sprintf("%s %s: %s", t.Priority, t.Key, t.Summary),
		Key:       t.Key,
		Priority:  t.Priority,
		Kind:      t.Kind,
		Service:   t.Service,
		Summary:   t.Summary,
		CreatedAt: t.CreatedAt.UTC(),
	})
	if err != nil {
		return fmt.Errorf("ticketing: notify %s: %w", t.Key, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, n.URL, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("ticketing: notify %s: %w", t.Key, err)
	}
	req.Header.Set("Content-Type", "application/json")
	c := n.Client
	if c == nil {
		c = http.DefaultClient
	}
	resp, err := c.Do(req)
	if err != nil {
		return fmt.Errorf("ticketing: notify %s: %w", t.Key, err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode/100 == 2 {
		return nil
	}
	err = fmt.Errorf("ticketing: notify %s: webhook answered %s", t.Key, resp.Status)
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
		if d, ok := parseRetryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			return &RetryAfterError{After: d, Err: err}
		}
	}
	return err
}

// parseRetryAfter reads a Retry-After header in seconds or as an HTTP date.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.Atoi(v); err == nil && secs >= 0 {
		return time.Duration(secs) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}
