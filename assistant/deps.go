package assistant

import (
	"context"
	"errors"
	"time"

	"github.com/musterstadt/lotse/knowledge"
)

// ErrNotFound is returned by stores and ticket lookups for a missing (or,
// for tickets, not-owned) item.
var ErrNotFound = errors.New("not found")

// Retriever finds passages and documents. It is declared here so that the
// assistant can be tested with a hand-written fake; *knowledge.Base
// implements it. Implementations enforce the audience: Document returns
// false for a document the audience may not see.
type Retriever interface {
	Search(ctx context.Context, q knowledge.Query) ([]knowledge.Passage, error)
	Document(id string, aud knowledge.Audience) (knowledge.Document, bool)
}

// ConversationStore keeps conversations between turns. Load returns
// ErrNotFound for an unknown ID. Save replaces the stored conversation.
type ConversationStore interface {
	Load(ctx context.Context, id string) (*Conversation, error)
	Save(ctx context.Context, c *Conversation) error
}

// Tickets is the assistant's view of ticketing. It is declared here so that
// assistant does not import ticketing; cmd/lotse adapts the real service.
// Implementations commit locally before returning a key: a returned key is
// never lost.
type Tickets interface {
	// Escalate commits a handoff packet and returns the ticket key shown to
	// the user.
	Escalate(ctx context.Context, e Escalation) (key string, err error)
	// Incident advances the IT incident intake of a conversation by one user
	// message: it fills slots, asks for what is missing, matches known
	// outages and, once the user confirmed, opens the ticket.
	Incident(ctx context.Context, s IncidentStep) (IncidentReply, error)
	// Status returns the status of the ticket key if r is its reporter. For
	// an unknown key and for a ticket of somebody else it returns
	// ErrNotFound, so that the two cannot be told apart.
	Status(ctx context.Context, key string, r Requester) (TicketStatus, error)
}

// Escalation is the packet a human needs to take over a conversation.
type Escalation struct {
	ConversationID string
	Channel        string
	Audience       knowledge.Audience
	UserID         string
	Lang           string
	Intent         Intent
	Reason         string
	Summary        string
	Transcript     []Entry
	Sources        []Source
	Confidence     float64
	Contact        string // only with the user's explicit consent
}

// IncidentStep is one user message in an IT incident intake.
type IncidentStep struct {
	ConversationID string
	UserID         string
	Lang           string
	Slots          map[string]string // state from earlier steps, nil at the start
	Text           string
	Transcript     []Entry
}

// IncidentReply is ticketing's answer to an IncidentStep.
type IncidentReply struct {
	Slots     map[string]string // state to keep for the next step
	Text      string            // what to say to the user
	Done      bool              // the intake is finished (ticket opened, linked to an outage, or abandoned)
	TicketKey string            // set when a ticket was opened
	OutageID  string            // set when the report was linked to a known outage
	Priority  string            // P1..P4 once triaged
}

// Requester identifies who asks about a ticket.
type Requester struct {
	ConversationID string
	UserID         string // authenticated employee, empty for citizens
}

// TicketStatus is what a reporter may learn about their ticket.
type TicketStatus struct {
	Key     string
	Status  string
	Summary string
	Updated time.Time
}
