// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/musterstadt/lotse/assistant"
)

// Config configures a Service. Store is required; every other field has a
// default.
type Config struct {
	Store *Store
	// Catalog is the IT service catalog; nil means DefaultCatalog().
	Catalog *Catalog
	// Deliverer sends tickets to an external system; nil means there is
	// none and tickets live only in the built-in store. If it also
	// implements StatusReader, the Syncer reads status and comments back.
	Deliverer Deliverer
	// NotifyURL is the webhook that gets a JSON POST for every P1 ticket;
	// empty disables notifications. Notifications go through the outbox.
	NotifyURL string
	// HTTPClient posts the webhook; nil means a client with a 10s timeout.
	HTTPClient *http.Client
	// Logger gets operational logs; nil discards them.
	Logger *slog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Location is used for times shown to users (outage ETA); nil means
	// time.Local.
	Location *time.Location
	// KeyPrefix prefixes local ticket keys; default "LOT" ("LOT-42").
	KeyPrefix string
	// Outbox tunes the delivery worker; zero values take defaults.
	Outbox OutboxConfig
	// SyncInterval is how often the Syncer reads external status back;
	// default 5 minutes.
	SyncInterval time.Duration
	// Mailer sends desk replies and resolutions to a reporter who gave an
	// e-mail address, through the outbox; nil means no mail is sent.
	Mailer Mailer
	// StatusURL is the public base of the status pages
	// ("https://lotse.example/status"); a mail links StatusURL/<token>.
	// Empty means mails carry no link.
	StatusURL string
	// StatusTokenTTL is how long a status link works after the ticket was
	// resolved; default 30 days.
	StatusTokenTTL time.Duration
}

// Service is the ticketing API used by the assistant (through an adapter in
// cmd/lotse) and the service desk. It is safe for concurrent use.
type Service struct {
	store     *Store
	catalog   *Catalog
	deliverer Deliverer
	notifyURL string
	log       *slog.Logger
	now       func() time.Time
	loc       *time.Location
	prefix    string
	outbox    *Outbox
	syncer    *Syncer
	mailer    Mailer
	statusURL string
	tokenTTL  time.Duration
}

// New validates cfg and builds a Service. Call Start to run the outbox
// worker and the syncer, and Shutdown to stop them.
func New(cfg Config) (*Service, error) {
	if cfg.Store == nil {
		return nil, fmt.Errorf("ticketing: new service: %w: store required", ErrInvalid)
	}
	if cfg.Catalog == nil {
		cfg.Catalog = DefaultCatalog()
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Location == nil {
		cfg.Location = time.Local
	}
	if cfg.KeyPrefix == "" {
		cfg.KeyPrefix = "LOT"
	}
	if strings.ContainsAny(cfg.KeyPrefix, "- ") {
		return nil, fmt.Errorf("ticketing: new service: %w: key prefix %q must not contain '-' or spaces", ErrInvalid, cfg.KeyPrefix)
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: 10 * time.Second}
	}
	if cfg.SyncInterval <= 0 {
		cfg.SyncInterval = 5 * time.Minute
	}
	s := &Service{
		store:     cfg.Store,
		catalog:   cfg.Catalog,
		deliverer: cfg.Deliverer,
		notifyURL: cfg.NotifyURL,
		log:       cfg.Logger,
		now:       cfg.Now,
		loc:       cfg.Location,
		prefix:    strings.ToUpper(cfg.KeyPrefix),
		mailer:    cfg.Mailer,
		statusURL: cfg.StatusURL,
		tokenTTL:  cfg.StatusTokenTTL,
	}
	if s.tokenTTL <= 0 {
		s.tokenTTL = 30 * 24 * time.Hour
	}
	var notifier *Notifier
	if cfg.NotifyURL != "" {
		notifier = &Notifier{URL: cfg.NotifyURL, Client: cfg.HTTPClient}
	}
	oc := cfg.Outbox
	oc.Store, oc.Deliverer, oc.Notifier, oc.Logger, oc.Now = cfg.Store, cfg.Deliverer, notifier, cfg.Logger, cfg.Now
	oc.Mailer = cfg.Mailer
	s.outbox = NewOutbox(oc)
	if sr, ok := cfg.Deliverer.(StatusReader); ok {
		s.syncer = NewSyncer(SyncerConfig{Store: cfg.Store, Reader: sr, Interval: cfg.SyncInterval, Logger: cfg.Logger, Now: cfg.Now})
	}
	return s, nil
}

// Start runs the outbox worker and, if the Deliverer can read status back,
// the Syncer.
func (s *Service) Start() {
	s.outbox.Start()
	if s.syncer != nil {
		s.syncer.Start()
	}
}

// Shutdown stops the syncer and the outbox worker and waits for them.
// Undelivered outbox rows stay in the store and are picked up after the
// next Start. It is safe to call more than once.
func (s *Service) Shutdown() {
	if s.syncer != nil {
		s.syncer.Shutdown()
	}
	s.outbox.Shutdown()
}

// Catalog returns the IT service catalog in use.
func (s *Service) Catalog() *Catalog { return s.catalog }

// outboxActions returns the side effects a new ticket with priority p needs.
func (s *Service) outboxActions(p string) []string {
	var a []string
	if s.deliverer != nil {
		a = append(a, actionDeliver)
	}
	if s.notifyURL != "" && p == P1 {
		a = append(a, actionNotify)
	}
	return a
}

// create commits t together with its outbox rows and wakes the worker.
func (s *Service) create(ctx context.Context, t *Ticket) error {
	now := s.now()
	t.CreatedAt, t.UpdatedAt = now, now
	if t.Status == "" {
		t.Status = StatusNew
	}
	if err := s.store.createTicket(ctx, t, s.prefix, s.outboxActions(t.Priority), now); err != nil {
		return err
	}
	// The ticket is committed; an audit failure must not turn a kept
	// promise into an error for the user.
	if err := s.store.Audit(ctx, AuditEntry{Who: "assistant", Action: "ticket.create", Target: t.Key,
		Detail: fmt.Sprintf("%s %s via %s", t.Kind, t.Priority, t.Channel), At: now}); err != nil {
		s.log.Warn("audit ticket creation", "ticket", t.Key, "err", err)
	}
	s.outbox.Kick()
	return nil
}

// Escalation is the handoff packet of a conversation. The assistant
// defines it (it builds the packet); ticketing stores it.
type Escalation = assistant.Escalation

// Escalate commits an escalation ticket and, when an external system or a
// P1 notification is configured, its outbox rows, in one transaction. A
// returned ticket is durable; any write failure is returned as an error.
// Escalations get priority P3; the desk re-prioritises. An escalation
// without summary and without a user message in the transcript is
// ErrInvalid.
func (s *Service) Escalate(ctx context.Context, e Escalation) (Ticket, error) {
	summary := strings.TrimSpace(e.Summary)
	if summary == "" {
		for i := len(e.Transcript) - 1; i >= 0; i-- {
			if e.Transcript[i].Role == "user" && strings.TrimSpace(e.Transcript[i].Text) != "" {
				summary = strings.TrimSpace(e.Transcript[i].Text)
				break
			}
		}
	}
	if summary == "" {
		return Ticket{}, fmt.Errorf("ticketing: escalate: %w: no summary and no user message", ErrInvalid)
	}
	desc := summary
	switch {
	case strings.TrimSpace(e.Brief) != "":
		desc = strings.TrimSpace(e.Brief) + "\n\nZusammenfassung: " + summary
	case e.Reason != "":
		desc = "Grund der Übergabe: " + ReasonLabel(e.Reason) + "\n\n" + summary
	}
	t := Ticket{
		Kind:           KindEscalation,
		Priority:       P3,
		Status:         StatusNew,
		Audience:       string(e.Audience),
		Channel:        e.Channel,
		Lang:           e.Lang,
		Summary:        truncate(oneLine(summary), 200),
		Description:    desc,
		Transcript:     e.Transcript,
		Sources:        e.Sources,
		Contact:        e.Contact,
		ReporterID:     e.UserID,
		ConversationID: e.ConversationID,
		Intent:         string(e.Intent),
		Confidence:     e.Confidence,
		Slots:          map[string]string{},
	}
	if e.Reason != "" {
		t.Slots["reason"] = e.Reason
	}
	if err := s.create(ctx, &t); err != nil {
		return Ticket{}, err
	}
	return t, nil
}

// Requester identifies who asks for a ticket's status.
type Requester = assistant.Requester

// TicketStatus is what a reporter may learn about their ticket.
type TicketStatus = assistant.TicketStatus

// Status returns the status of the ticket with the key if r reported it:
// same conversation, or same authenticated user. Unknown keys and tickets
// of somebody else both give ErrNotFound. Keys are accepted in any case
// and with a space instead of the dash ("lot 42"); a bare number gets the
// prefix.
func (s *Service) Status(ctx context.Context, key string, r Requester) (TicketStatus, error) {
	key = s.normalizeKey(key)
	if key == "" {
		return TicketStatus{}, ErrNotFound
	}
	t, err := s.store.ticketByKey(ctx, key)
	if err != nil {
		return TicketStatus{}, err
	}
	owner := (r.ConversationID != "" && r.ConversationID == t.ConversationID) ||
		(r.UserID != "" && r.UserID == t.ReporterID)
	if !owner {
		return TicketStatus{}, ErrNotFound
	}
	return TicketStatus{Key: t.Key, Status: t.Status, Summary: t.Summary, Updated: t.UpdatedAt}, nil
}

func (s *Service) normalizeKey(key string) string {
	k := strings.ToUpper(strings.TrimSpace(key))
	k = strings.TrimPrefix(k, "#")
	k = strings.Join(strings.FieldsFunc(k, func(r rune) bool { return r == ' ' || r == '-' || r == '_' }), "-")
	if _, err := strconv.ParseInt(k, 10, 64); err == nil {
		return s.prefix + "-" + k
	}
	if rest, ok := strings.CutPrefix(k, s.prefix); ok {
		rest = strings.TrimPrefix(rest, "-")
		if _, err := strconv.ParseInt(rest, 10, 64); err == nil {
			return s.prefix + "-" + rest
		}
	}
	return ""
}

// ---- desk API ----

// List returns tickets matching f, by priority (P1 first) and then by age
// (oldest first).
func (s *Service) List(ctx context.Context, f Filter) ([]Ticket, error) {
	return s.store.listTickets(ctx, f, s.now())
}

// Count returns the number of tickets matching f (Limit and Offset are
// ignored), for paging.
func (s *Service) Count(ctx context.Context, f Filter) (int, error) {
	return s.store.countTickets(ctx, f, s.now())
}

// Get returns the ticket with the ID, or ErrNotFound.
func (s *Service) Get(ctx context.Context, id int64) (Ticket, error) {
	return s.store.ticketByID(ctx, id)
}

// GetByKey returns the ticket with the local key, or ErrNotFound. It does
// not check ownership: it is for the desk, not for reporters.
func (s *Service) GetByKey(ctx context.Context, key string) (Ticket, error) {
	k := s.normalizeKey(key)
	if k == "" {
		return Ticket{}, ErrNotFound
	}
	return s.store.ticketByKey(ctx, k)
}

// Notes returns the notes of a ticket, oldest first.
func (s *Service) Notes(ctx context.Context, ticketID int64) ([]Note, error) {
	return s.store.notes(ctx, ticketID)
}

// Patch changes desk fields of a ticket; nil fields stay unchanged.
type Patch struct {
	Status     *string
	Priority   *string
	Assignee   *string
	Resolution *string
}

func validStatus(s string) bool {
	switch s {
	case StatusNew, StatusOpen, StatusInProgress, StatusWaiting, StatusResolved, StatusClosed:
		return true
	}
	return false
}

func validPriority(p string) bool { return p == P1 || p == P2 || p == P3 || p == P4 }

// Update applies p to the ticket with the ID on behalf of actor and writes
// an audit entry. Resolving sets ResolvedAt; reopening clears it. Raising
// the priority to P1 queues the P1 notification in the same transaction. An
// unknown status or priority is ErrInvalid; an unknown ID ErrNotFound.
func (s *Service) Update(ctx context.Context, id int64, p Patch, actor string) (Ticket, error) {
	t, err := s.store.ticketByID(ctx, id)
	if err != nil {
		return Ticket{}, err
	}
	now := s.now()
	wasOpen := t.Open()
	var changes []string
	if p.Status != nil && *p.Status != t.Status {
		if !validStatus(*p.Status) {
			return Ticket{}, fmt.Errorf("ticketing: update %s: %w: unknown status %q", t.Key, ErrInvalid, *p.Status)
		}
		changes = append(changes, fmt.Sprintf("status %s→%s", t.Status, *p.Status))
		t.Status = *p.Status
		if t.Open() {
			t.ResolvedAt = time.Time{}
		} else if t.ResolvedAt.IsZero() {
			t.ResolvedAt = now
		}
	}
	var actions []string
	if p.Priority != nil && *p.Priority != t.Priority {
		if !validPriority(*p.Priority) {
			return Ticket{}, fmt.Errorf("ticketing: update %s: %w: unknown priority %q", t.Key, ErrInvalid, *p.Priority)
		}
		changes = append(changes, fmt.Sprintf("priority %s→%s", t.Priority, *p.Priority))
		t.Priority = *p.Priority
		if t.Priority == P1 && s.notifyURL != "" {
			actions = append(actions, actionNotify) // raised to P1: page now
		}
	}
	if p.Assignee != nil && *p.Assignee != t.Assignee {
		changes = append(changes, fmt.Sprintf("assignee %q→%q", t.Assignee, *p.Assignee))
		t.Assignee = *p.Assignee
	}
	if p.Resolution != nil && *p.Resolution != t.Resolution {
		changes = append(changes, "resolution")
		t.Resolution = *p.Resolution
	}
	if len(changes) == 0 {
		return t, nil
	}
	t.UpdatedAt = now
	var mail *Mail
	if p.Status != nil && *p.Status == StatusResolved && wasOpen {
		// Closing the loop: the person learns the resolution by mail.
		mail = s.mailFor(&t, t.Resolution, true)
	}
	if err := s.store.updateTicketFields(ctx, t, actions, mail); err != nil {
		return Ticket{}, err
	}
	if len(actions) > 0 || mail != nil {
		s.outbox.Kick()
	}
	s.audit(ctx, actor, "ticket.update", t.Key, strings.Join(changes, "; "))
	return t, nil
}

// AddNote adds a note to a ticket on behalf of n.Author (audited). Empty
// text is ErrInvalid; an unknown ticket ErrNotFound.
func (s *Service) AddNote(ctx context.Context, n Note) (Note, error) {
	if strings.TrimSpace(n.Text) == "" || n.Author == "" {
		return Note{}, fmt.Errorf("ticketing: add note: %w: author and text required", ErrInvalid)
	}
	t, err := s.store.ticketByID(ctx, n.TicketID)
	if err != nil {
		return Note{}, err
	}
	n.At = s.now()
	var mail *Mail
	if !n.Internal && n.Author != CitizenAuthor {
		mail = s.mailFor(&t, n.Text, false)
	}
	if err := s.store.addNote(ctx, &n, mail, t.StatusToken); err != nil {
		return Note{}, err
	}
	if mail != nil {
		s.outbox.Kick()
	}
	kind := "public"
	if n.Internal {
		kind = "internal"
	}
	s.audit(ctx, n.Author, "ticket.note", t.Key, kind)
	return n, nil
}

// OutboxStats returns the number of pending outbox rows and the age of the
// oldest one, for metrics.
func (s *Service) OutboxStats(ctx context.Context) (depth int, oldest time.Duration, err error) {
	return s.store.OutboxStats(ctx, s.now())
}

// PendingOutbox lists undelivered outbox rows with attempts, last error
// and age (OutboxEntry.Age), oldest first, for the desk.
func (s *Service) PendingOutbox(ctx context.Context) ([]OutboxEntry, error) {
	return s.store.ListOutbox(ctx)
}

// audit writes an audit entry; a failure is logged, not returned, because
// the audited action has already been committed.
func (s *Service) audit(ctx context.Context, who, action, target, detail string) {
	if err := s.store.Audit(ctx, AuditEntry{Who: who, Action: action, Target: target, Detail: detail, At: s.now()}); err != nil {
		s.log.Error("write audit entry", "action", action, "target", target, "err", err)
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// truncate cuts s to at most n runes, marking a cut with "…".
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// AttachContact sets the contact of the ticket with the key if r reported
// it (same conversation or same authenticated user): an e-mail address or
// phone number the person gave with consent after the ticket was opened.
// Unknown keys and tickets of somebody else give ErrNotFound; an empty or
// overlong contact is ErrInvalid. The change is audited without the
// contact itself.
func (s *Service) AttachContact(ctx context.Context, key, contact string, r Requester) error {
	contact = strings.TrimSpace(contact)
	if contact == "" || utf8.RuneCountInString(contact) > maxContactRunes || strings.ContainsAny(contact, "\r\n") {
		return fmt.Errorf("ticketing: attach contact: %w: contact empty, too long or on several lines", ErrInvalid)
	}
	key = s.normalizeKey(key)
	if key == "" {
		return ErrNotFound
	}
	t, err := s.store.ticketByKey(ctx, key)
	if err != nil {
		return err
	}
	owner := (r.ConversationID != "" && r.ConversationID == t.ConversationID) ||
		(r.UserID != "" && r.UserID == t.ReporterID)
	if !owner {
		return ErrNotFound
	}
	if err := s.store.setContact(ctx, t.ID, contact, s.now()); err != nil {
		return err
	}
	kind := "phone"
	if strings.Contains(contact, "@") {
		kind = "email"
	}
	s.audit(ctx, "assistant", "ticket.contact", t.Key, kind)
	return nil
}

// maxContactRunes bounds a contact (RFC 5321 allows 254 for an address).
const maxContactRunes = 254

// ReasonLabel says why a conversation was handed over, in German (see
// assistant.ReasonLabel).
func ReasonLabel(r string) string { return assistant.ReasonLabel(r) }
