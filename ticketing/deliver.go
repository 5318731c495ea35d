// SPDX-License-Identifier: EUPL-1.2

// Package ticketing owns tickets: the ticket model, the built-in SQLite store
// (which also keeps conversations, desk users and the audit log), the outbox
// that delivers tickets to an external system exactly once, the IT service
// catalog, ITIL triage, the incident intake dialog and the known-outage
// registry.
//
// ticketing imports the SQLite driver and the standard library only; the
// Jira delivery lives in ticketing/jira. It must not import assistant or
// channels: cmd/lotse adapts Service to assistant.Tickets.
package ticketing

import (
	"context"
	"fmt"
	"time"
)

// Deliverer sends a ticket to an external system (e.g. Jira Service
// Management). It is exported here because it has two implementations in
// this domain: none (the built-in store alone) and ticketing/jira.
//
// Deliver must be idempotent per Ticket.Key: the implementation first looks
// for an existing external ticket carrying the local key marker and returns
// its key instead of creating a second one. The outbox may call Deliver
// again for the same ticket after a crash or a timeout.
//
// Deliver returns the external key (e.g. "ITSD-123") on success. On a
// temporary failure it returns an error; the outbox retries with backoff.
// A *RetryAfterError asks the outbox to wait exactly RetryAfterError.After
// before the next attempt (HTTP 429/503 with Retry-After).
type Deliverer interface {
	Deliver(ctx context.Context, t Ticket) (externalKey string, err error)
}

// StatusReader reads back the status and the public comments of an external
// ticket. A Deliverer may implement it; the Syncer uses it for open tickets
// that carry an external key. It returns ErrNotFound when the external
// ticket does not exist (any more).
type StatusReader interface {
	ExternalStatus(ctx context.Context, externalKey string) (ExternalStatus, error)
}

// ExternalStatus is the state of a ticket in the external system.
type ExternalStatus struct {
	// Status is one of the local statuses (StatusNew ... StatusClosed); the
	// adapter maps its own workflow onto them. Unknown values are ignored.
	Status   string
	Comments []ExternalComment // public comments, oldest first
	Updated  time.Time
}

// ExternalComment is one comment on an external ticket.
type ExternalComment struct {
	Author  string
	Body    string
	Created time.Time
}

// RetryAfterError tells the outbox to wait exactly After before retrying
// (e.g. an HTTP 429 or 503 response with a Retry-After header).
type RetryAfterError struct {
	After time.Duration
	Err   error
}

// Error implements error.
func (e *RetryAfterError) Error() string {
	return fmt.Sprintf("retry after %s: %v", e.After, e.Err)
}

// Unwrap returns the underlying error.
func (e *RetryAfterError) Unwrap() error { return e.Err }
