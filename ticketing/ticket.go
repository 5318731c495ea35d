// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"errors"
	"time"

	"github.com/musterstadt/lotse/assistant"
)

// ErrNotFound is returned for a missing item. Status also returns it for a
// ticket that belongs to somebody else, so that the two cannot be told apart.
var ErrNotFound = errors.New("ticketing: not found")

// ErrInvalid is wrapped by errors about bad input (unknown status, empty
// summary, ...). The message after the prefix is safe to show to a desk user.
var ErrInvalid = errors.New("ticketing: invalid input")

// Ticket kinds.
const (
	KindEscalation = "escalation" // a conversation handed to a human
	KindIncident   = "incident"   // an IT incident from the intake dialog
)

// Ticket statuses.
const (
	StatusNew        = "new"
	StatusOpen       = "open"
	StatusInProgress = "in_progress"
	StatusWaiting    = "waiting"
	StatusResolved   = "resolved"
	StatusClosed     = "closed"
)

// Priorities, P1 most urgent.
const (
	P1 = "P1"
	P2 = "P2"
	P3 = "P3"
	P4 = "P4"
)

// Ticket is an escalation or an IT incident.
type Ticket struct {
	ID             int64             `json:"id"`
	Key            string            `json:"key"`                    // local key shown to users, "LOT-42"
	ExternalKey    string            `json:"external_key,omitempty"` // key in the external system (Jira), set by the outbox
	Kind           string            `json:"kind"`                   // KindEscalation or KindIncident
	Priority       string            `json:"priority"`               // P1..P4
	Status         string            `json:"status"`                 // StatusNew..StatusClosed
	Audience       string            `json:"audience"`               // "citizen" or "employee"
	Channel        string            `json:"channel"`                // "web", "phone", "api"
	Lang           string            `json:"lang"`
	Summary        string            `json:"summary"`
	Description    string            `json:"description,omitempty"`
	Transcript     []Message         `json:"transcript,omitempty"`
	Sources        []Source          `json:"sources,omitempty"`
	Slots          map[string]string `json:"slots,omitempty"`
	Service        string            `json:"service,omitempty"` // IT service ID from the catalog (incidents)
	Impact         int               `json:"impact,omitempty"`  // 1 high .. 3 low (incidents)
	Urgency        int               `json:"urgency,omitempty"` // 1 high .. 3 low (incidents)
	Contact        string            `json:"contact,omitempty"` // only with the user's consent
	ReporterID     string            `json:"reporter_id,omitempty"`
	ConversationID string            `json:"conversation_id,omitempty"`
	Intent         string            `json:"intent,omitempty"`
	Confidence     float64           `json:"confidence,omitempty"`
	OutageID       int64             `json:"outage_id,omitempty"` // known outage it is linked to (LinkOutage, MarkMajorIncident)
	Assignee       string            `json:"assignee,omitempty"`
	CreatedAt      time.Time         `json:"created_at"`
	UpdatedAt      time.Time         `json:"updated_at"`
	ResolvedAt     time.Time         `json:"resolved_at,omitzero"`
	Resolution     string            `json:"resolution,omitempty"`
	// StatusToken is the secret of the ticket's status page, set with the
	// first mail; never shown on the desk or sent to an external system.
	StatusToken string `json:"-"`
}

// Open reports whether the ticket still needs work.
func (t Ticket) Open() bool { return t.Status != StatusResolved && t.Status != StatusClosed }

// Message is one transcript entry of a ticket: the conversation's entry as
// the assistant recorded it.
type Message = assistant.Entry

// Source is a document the assistant cited before the handoff.
type Source = assistant.Source

// Note is a desk note on a ticket. Internal notes are never shown to the
// reporter.
type Note struct {
	ID       int64     `json:"id"`
	TicketID int64     `json:"ticket_id"`
	Author   string    `json:"author"`
	Text     string    `json:"text"`
	Internal bool      `json:"internal"`
	At       time.Time `json:"at"`
}

// Outage is a known IT outage (major incident). While Active, incident
// reports for the same service are linked to it instead of opening tickets.
type Outage struct {
	ID            int64     `json:"id"`
	Service       string    `json:"service"` // IT service ID from the catalog
	Title         string    `json:"title"`
	PublicMessage string    `json:"public_message"` // shown to reporters
	Start         time.Time `json:"start"`
	ETA           time.Time `json:"eta,omitzero"` // expected end, zero if unknown
	End           time.Time `json:"end,omitzero"`
	Affected      int       `json:"affected"` // number of reporters linked to it
	Active        bool      `json:"active"`
	Tickets       int       `json:"tickets"` // number of tickets linked to it (read only)
}
