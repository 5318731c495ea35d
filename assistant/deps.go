// SPDX-License-Identifier: EUPL-1.2

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

// ErrUnavailable is returned (wrapped) by stores whose database cannot be
// reached; channels answer "try again shortly" instead of an internal
// error, and nothing the user sent is taken as delivered.
var ErrUnavailable = errors.New("store unavailable")

// Retriever finds passages and documents. It is declared here so that the
// assistant can be tested with a hand-written fake; *knowledge.Base
// implements it. Implementations enforce the audience: Document returns
// false for a document the audience may not see.
type Retriever interface {
	Search(ctx context.Context, q knowledge.Query) ([]knowledge.Passage, error)
	Document(id string, aud knowledge.Audience) (knowledge.Document, bool)
}

// documentViewer is a Retriever that lends a document without copying it
// (*knowledge.Base); the assistant only reads documents.
type documentViewer interface {
	DocumentView(id string, aud knowledge.Audience) (knowledge.Document, bool)
}

// wordKnower is a Retriever that tells whether a word occurs in its texts
// (*knowledge.Base), against which a word typed without umlauts is
// spelled back.
type wordKnower interface {
	KnowsWord(folded string) bool
}

// compoundSplitter is a Retriever that splits a compound into the words
// of its texts (*knowledge.Base), so that a question's "Kurs" finds the
// sentence about an "Ehevorbereitungskurs".
type compoundSplitter interface {
	CompoundHead(folded string) string
}

// document is Retriever.Document, without the copy where the retriever
// can lend the document.
func (a *Assistant) document(id string, aud knowledge.Audience) (knowledge.Document, bool) {
	if v, ok := a.cfg.Retriever.(documentViewer); ok {
		return v.DocumentView(id, aud)
	}
	return a.cfg.Retriever.Document(id, aud)
}

// ConversationStore keeps conversations between turns. Load returns
// ErrNotFound for an unknown ID. Save replaces the stored conversation.
type ConversationStore interface {
	Load(ctx context.Context, id string) (*Conversation, error)
	Save(ctx context.Context, c *Conversation) error
}

// Tickets is the assistant's view of ticketing. It is declared here so that
// assistant (and every channel) does not import ticketing; ticketing uses
// these types, and (*ticketing.Service).ForAssistant implements it.
// Implementations commit locally before returning a key: a returned key is
// never lost.
type Tickets interface {
	// Escalate commits a handoff packet and returns the ticket key shown to
	// the user.
	Escalate(ctx context.Context, e Escalation) (key string, err error)
	// OpenIncident commits the incident ticket of a finished intake and
	// returns its key.
	OpenIncident(ctx context.Context, in Incident) (key string, err error)
	// ActiveOutage returns the newest active known outage of the IT
	// service, and false when there is none.
	ActiveOutage(ctx context.Context, service string) (Outage, bool, error)
	// JoinOutage records r as affected by the outage (once per reporter)
	// and returns the outage with its new count. An unknown outage is an
	// error.
	JoinOutage(ctx context.Context, outageID string, r Requester) (Outage, error)
	// Status returns the status of the ticket key if r is its reporter. For
	// an unknown key and for a ticket of somebody else it returns
	// ErrNotFound, so that the two cannot be told apart.
	Status(ctx context.Context, key string, r Requester) (TicketStatus, error)
}

// ITCatalog is the IT service catalog and the triage rules the incident
// dialog consults; ticketing owns both (catalog.yaml and the ITIL impact ×
// urgency matrix). Declared here so that assistant does not import
// ticketing; *ticketing.Service implements it.
type ITCatalog interface {
	// MatchService returns the ID of the IT service the text talks about.
	MatchService(text string) (id string, ok bool)
	// ServiceName returns the display name of the service in lang ("de",
	// "en"), or "" for an unknown ID.
	ServiceName(id, lang string) string
	// IncidentPriority returns the priority (P1..P4) of an incident with
	// the slots (see the Slot* constants).
	IncidentPriority(slots map[string]string) string
}

// whereAsker is an ITCatalog that tells for which services the intake
// asks where the incident is (*ticketing.Service); without it, it asks
// for every service.
type whereAsker interface {
	AsksWhere(serviceID string) bool
}

// Incident slot names, the keys of Incident.Slots. Values of
// SlotOthersAffected and SlotCanWork are the Affected* and CanWork*
// constants or "unknown".
const (
	SlotService        = "service"
	SlotSymptom        = "symptom"
	SlotSince          = "since"
	SlotLocation       = "location"
	SlotOthersAffected = "others_affected"
	SlotCanWork        = "can_work"
)

// Values of the incident slots others_affected and can_work.
const (
	AffectedNo   = "no"   // only the reporter
	AffectedSome = "some" // several people
	AffectedAll  = "all"  // the whole department, building or everyone

	CanWorkNo     = "no"     // cannot work at all
	CanWorkPartly = "partly" // impaired
	CanWorkYes    = "yes"    // can work (with a workaround)
)

// Incident is the report of a finished IT incident intake.
type Incident struct {
	ConversationID string
	UserID         string
	Channel        string
	Lang           string
	Slots          map[string]string // the Slot* values, all set
	Summary        string            // one line for the ticket title
	Description    string            // the slots with their labels, for the desk
	Transcript     []Entry
}

// Outage is a known outage of an IT service as the incident dialog shows
// it: the public message only, never the internal title.
type Outage struct {
	ID       string
	Service  string
	Message  string    // public message; empty means none
	ETA      time.Time // zero when unknown
	Affected int       // reporters counted so far
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
	// Brief is the readable offline summary for the desk, in German, one
	// fact a line: the service concerned, what the person wants, what
	// Lotse already answered with sources, why it was handed over,
	// language and contact (see Assistant.brief).
	Brief string
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
