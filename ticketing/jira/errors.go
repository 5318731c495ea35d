// SPDX-License-Identifier: EUPL-1.2

package jira

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	gojira "github.com/andygrunwald/go-jira"

	"github.com/musterstadt/lotse/ticketing"
)

// ErrPermanent is matched (errors.Is) by errors that a retry will not fix
// without a change of configuration or data: Jira rejected the request (400,
// 405, 409, 410, 413, 422), the credentials (401, 403) or the target (404).
var ErrPermanent = errors.New("jira: permanent failure")

// APIError is an error answer (a non-2xx status) from Jira.
//
// Transport failures are not APIErrors; they are returned wrapped, so that
// errors.Is(err, context.DeadlineExceeded) and the like keep working. A 429
// or 503 answer with a usable Retry-After header arrives wrapped in a
// *ticketing.RetryAfterError.
type APIError struct {
	Op         string   // what the client tried, e.g. "create issue"
	StatusCode int      // HTTP status
	Messages   []string // Jira's errorMessages and field errors, secrets removed
}

// Error implements error. It never contains credentials.
func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "jira: %s: HTTP %d %s", e.Op, e.StatusCode, http.StatusText(e.StatusCode))
	if len(e.Messages) > 0 {
		b.WriteString(": ")
		b.WriteString(strings.Join(e.Messages, "; "))
	}
	return b.String()
}

// Permanent reports whether retrying the same request cannot succeed.
func (e *APIError) Permanent() bool {
	switch e.StatusCode {
	case http.StatusBadRequest, http.StatusUnauthorized, http.StatusForbidden,
		http.StatusNotFound, http.StatusMethodNotAllowed, http.StatusConflict,
		http.StatusGone, http.StatusRequestEntityTooLarge, http.StatusUnprocessableEntity:
		return true
	}
	return false
}

// Is makes errors.Is(err, ErrPermanent) true for permanent failures.
func (e *APIError) Is(target error) bool { return target == ErrPermanent && e.Permanent() }

// goJiraBoilerplate is the text go-jira adds to every non-2xx error, and
// the status line it prefixes to a plain-text body; both repeat what
// APIError says already.
var goJiraBoilerplate = regexp.MustCompile(`(?:: )?request failed\. Please analyze the request body for more details\. Status code: \d+|^\d{3} [A-Za-z ]+: `)

// Limits for the Jira messages kept in an APIError.
const (
	maxMessages   = 5
	maxMessageLen = 300
	maxErrorBody  = 64 << 10
)

// apiError turns the answer to a failed go-jira call into an error. resp is
// nil for transport failures. The messages come from the error body if the
// go-jira call left it unread, else from go-jira's error.
func (c *Client) apiError(op string, resp *gojira.Response, err error) error {
	if resp == nil || resp.Response == nil {
		if err == nil {
			err = errors.New("no response")
		}
		return fmt.Errorf("jira: %s: %w", op, &redacted{err: err, secrets: c.secrets})
	}
	var msgs []string
	if jerr, ok := errors.AsType[*gojira.Error](err); ok {
		msgs = append(msgs, jerr.ErrorMessages...)
		for _, field := range sortedKeys(jerr.Errors) {
			msgs = append(msgs, field+": "+jerr.Errors[field])
		}
	} else if resp.Body != nil {
		msgs = readErrorBody(resp.Body)
	}
	if len(msgs) == 0 && err != nil {
		// go-jira consumed a non-JSON body into its error text.
		if m := goJiraBoilerplate.ReplaceAllString(err.Error(), ""); strings.TrimSpace(m) != "" {
			msgs = []string{strings.TrimSuffix(strings.TrimSpace(m), ":")}
		}
	}
	if resp.Body != nil {
		resp.Body.Close()
	}
	return c.statusError(op, resp.Response, msgs)
}

// statusError builds the error for a non-2xx response whose body has been
// reduced to msgs.
func (c *Client) statusError(op string, resp *http.Response, msgs []string) error {
	ae := &APIError{Op: op, StatusCode: resp.StatusCode}
	for _, m := range msgs {
		if len(ae.Messages) == maxMessages {
			break
		}
		m = strings.TrimSpace(c.redact(m))
		if m == "" {
			continue
		}
		ae.Messages = append(ae.Messages, truncateRunes(m, maxMessageLen, "…"))
	}
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
		if d, ok := c.retryAfter(resp.Header.Get("Retry-After")); ok {
			return &ticketing.RetryAfterError{After: d, Err: ae}
		}
	}
	return ae
}

// readErrorBody extracts Jira's error messages from an error body: the
// JSON shape {"errorMessages":[...],"errors":{...}} of the REST API, the
// {"errorMessage":"..."} of the service desk API, or plain text.
func readErrorBody(r io.Reader) []string {
	data, err := io.ReadAll(io.LimitReader(r, maxErrorBody))
	if err != nil || len(data) == 0 {
		return nil
	}
	var body struct {
		ErrorMessages []string          `json:"errorMessages"`
		Errors        map[string]string `json:"errors"`
		ErrorMessage  string            `json:"errorMessage"`
	}
	if json.Unmarshal(data, &body) == nil {
		var msgs []string
		if body.ErrorMessage != "" {
			msgs = append(msgs, body.ErrorMessage)
		}
		msgs = append(msgs, body.ErrorMessages...)
		for _, field := range sortedKeys(body.Errors) {
			msgs = append(msgs, field+": "+body.Errors[field])
		}
		if len(msgs) > 0 {
			return msgs
		}
	}
	text := strings.Join(strings.Fields(string(data)), " ")
	if strings.HasPrefix(text, "<") {
		return nil // an HTML error page from a proxy says nothing useful
	}
	return []string{text}
}

// retryAfter parses a Retry-After header: delay seconds or an HTTP date.
// It caps the result at MaxRetryAfter and rejects waits that are not
// positive.
func (c *Client) retryAfter(h string) (time.Duration, bool) {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0, false
	}
	var d time.Duration
	if secs, err := strconv.ParseInt(h, 10, 64); err == nil {
		if secs > int64(c.cfg.MaxRetryAfter/time.Second) {
			return c.cfg.MaxRetryAfter, true
		}
		d = time.Duration(secs) * time.Second
	} else if at, err := http.ParseTime(h); err == nil {
		d = at.Sub(c.now())
	} else {
		return 0, false
	}
	if d <= 0 {
		return 0, false
	}
	return min(d, c.cfg.MaxRetryAfter), true
}

// redact removes credentials from s.
func (c *Client) redact(s string) string {
	for _, secret := range c.secrets {
		if secret != "" {
			s = strings.ReplaceAll(s, secret, "[redacted]")
		}
	}
	return s
}

// redacted wraps a transport error so that its message cannot leak
// credentials while errors.Is and errors.As still see the original.
type redacted struct {
	err     error
	secrets []string
}

func (r *redacted) Error() string {
	s := r.err.Error()
	for _, secret := range r.secrets {
		if secret != "" {
			s = strings.ReplaceAll(s, secret, "[redacted]")
		}
	}
	return s
}

func (r *redacted) Unwrap() error { return r.err }

// basicCredential is the base64 form of the basic-auth credentials, as it
// appears in an Authorization header.
func basicCredential(user, password string) string {
	return base64.StdEncoding.EncodeToString([]byte(user + ":" + password))
}
