// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Mail is one e-mail to the person who reported a ticket: a desk reply or
// the resolution, with the ticket key and the status link.
type Mail struct {
	ID        int64
	TicketID  int64
	TicketKey string
	To        string
	Subject   string
	Body      string // plain text
	MessageID string // unique local part; the Mailer adds the domain
	CreatedAt time.Time
}

// Mailer sends mails. ticketing/smtp implements it over SMTP. Send must
// return an error unless the server accepted the mail; the outbox retries
// until it does. Mails carry a stable Message-ID, so that a resend after a
// crash between acceptance and bookkeeping can be recognised as the same
// mail.
type Mailer interface {
	Send(ctx context.Context, m Mail) error
}

// CitizenAuthor is the author of a note the person wrote on the status
// page; such notes are never mailed back.
const CitizenAuthor = "Anfragende Person (Statusseite)"

// emailContact reports whether a ticket's contact is an e-mail address.
func emailContact(c string) bool {
	at := strings.IndexByte(c, '@')
	return at > 0 && at < len(c)-1 && !strings.ContainsAny(c, " \r\n")
}

// newToken returns an unguessable URL-safe token (128 bits).
func newToken() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// mailTexts are the sentences of a mail in one language.
type mailTexts struct {
	subject, greeting, reply, resolved, status, noReply, closing string
}

var mailDE = mailTexts{
	subject:  "Ihr Anliegen %s",
	greeting: "Guten Tag,",
	reply:    "zu Ihrem Anliegen %s hat Ihnen das Service-Team geantwortet:",
	resolved: "Ihr Anliegen %s ist erledigt. Das Service-Team schreibt dazu:",
	status:   "Den Stand Ihres Anliegens sehen Sie hier; dort können Sie auch antworten:",
	noReply:  "Bitte antworten Sie nicht auf diese E-Mail; Antworten an diese Adresse werden nicht gelesen.",
	closing:  "Mit freundlichen Grüßen\nIhr Service-Team",
}

var mailEN = mailTexts{
	subject:  "Your request %s",
	greeting: "Hello,",
	reply:    "the service team has replied to your request %s:",
	resolved: "Your request %s has been resolved. The service team writes:",
	status:   "You can see the status of your request here and reply there:",
	noReply:  "Please do not reply to this e-mail; replies to this address are not read.",
	closing:  "Kind regards\nThe service team",
}

// composeMail writes the mail for a reply (resolved false) or the
// resolution of t, in German or, for a ticket in another language,
// English. statusURL is the ticket's status link, empty for none.
func composeMail(t Ticket, text string, resolved bool, statusURL string) (subject, body string) {
	m := mailDE
	if t.Lang != "" && t.Lang != "de" {
		m = mailEN
	}
	intro := m.reply
	if resolved {
		intro = m.resolved
	}
	parts := []string{m.greeting, fmt.Sprintf(intro, t.Key), strings.TrimSpace(text)}
	if statusURL != "" {
		parts = append(parts, m.status+"\n"+statusURL)
	}
	parts = append(parts, m.noReply, m.closing)
	return fmt.Sprintf(m.subject, t.Key), strings.Join(parts, "\n\n") + "\n"
}

// statusLink returns the status page URL for a token, empty without a
// configured base.
func (s *Service) statusLink(token string) string {
	if s.statusURL == "" || token == "" {
		return ""
	}
	return strings.TrimRight(s.statusURL, "/") + "/" + token
}

// mailFor returns the mail to queue for a reply or resolution on t, or nil
// when no mail is sent (no Mailer, or no e-mail contact).
func (s *Service) mailFor(t *Ticket, text string, resolved bool) *Mail {
	if s.mailer == nil || !emailContact(t.Contact) || strings.TrimSpace(text) == "" {
		return nil
	}
	if t.StatusToken == "" {
		t.StatusToken = newToken()
	}
	subject, body := composeMail(*t, text, resolved, s.statusLink(t.StatusToken))
	return &Mail{TicketID: t.ID, TicketKey: t.Key, To: t.Contact, Subject: subject, Body: body,
		MessageID: "lotse." + strings.ToLower(t.Key) + "." + newToken(), CreatedAt: s.now()}
}

// insertMail writes m, the ticket's status token and the outbox row that
// sends m, inside tx.
func insertMail(ctx context.Context, tx *dbTx, m *Mail, token string) error {
	if _, err := tx.ExecContext(ctx, `UPDATE tickets SET status_token = ? WHERE id = ? AND status_token = ''`, token, m.TicketID); err != nil {
		return err
	}
	id, err := insertID(ctx, tx, `INSERT INTO mails (ticket_id, recipient, subject, body, message_id, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
		m.TicketID, m.To, m.Subject, m.Body, m.MessageID, ts(m.CreatedAt))
	if err != nil {
		return err
	}
	m.ID = id
	_, err = tx.ExecContext(ctx, `INSERT INTO outbox (ticket_id, action, next_attempt_at, created_at, ref) VALUES (?, ?, ?, ?, ?)`,
		m.TicketID, actionMail, ts(m.CreatedAt), ts(m.CreatedAt), m.ID)
	return err
}

// mailByID returns a stored mail.
func (s *Store) mailByID(ctx context.Context, id int64) (Mail, error) {
	var m Mail
	var created int64
	err := s.db.QueryRowContext(ctx, `SELECT m.id, m.ticket_id, t.key, m.recipient, m.subject, m.body, m.message_id, m.created_at
		FROM mails m JOIN tickets t ON t.id = m.ticket_id WHERE m.id = ?`, id).
		Scan(&m.ID, &m.TicketID, &m.TicketKey, &m.To, &m.Subject, &m.Body, &m.MessageID, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return Mail{}, ErrNotFound
	}
	if err != nil {
		return Mail{}, fmt.Errorf("ticketing: read mail %d: %w", id, err)
	}
	m.CreatedAt = fromTS(created)
	return m, nil
}

// Mails returns the mails of a ticket, oldest first (for the desk and
// tests).
func (s *Service) Mails(ctx context.Context, ticketID int64) ([]Mail, error) {
	return s.store.mails(ctx, ticketID)
}

func (s *Store) mails(ctx context.Context, ticketID int64) ([]Mail, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT m.id, m.ticket_id, t.key, m.recipient, m.subject, m.body, m.message_id, m.created_at
		FROM mails m JOIN tickets t ON t.id = m.ticket_id WHERE m.ticket_id = ? ORDER BY m.id`, ticketID)
	if err != nil {
		return nil, fmt.Errorf("ticketing: list mails: %w", err)
	}
	defer rows.Close()
	var out []Mail
	for rows.Next() {
		var m Mail
		var created int64
		if err := rows.Scan(&m.ID, &m.TicketID, &m.TicketKey, &m.To, &m.Subject, &m.Body, &m.MessageID, &created); err != nil {
			return nil, fmt.Errorf("ticketing: list mails: %w", err)
		}
		m.CreatedAt = fromTS(created)
		out = append(out, m)
	}
	return out, rows.Err()
}

// StatusView is what the status page shows: the key, the status, the
// public replies and the person's own messages — nothing else about the
// ticket.
type StatusView struct {
	Key     string
	Status  string
	Lang    string
	Updated time.Time
	Replies []Note // public notes, oldest first
	Open    bool
}

// TicketByToken returns the ticket of a status token if the token is
// still valid: while the ticket is open, and for TokenTTL after it was
// resolved. Unknown and expired tokens give ErrNotFound.
func (s *Service) TicketByToken(ctx context.Context, token string) (Ticket, error) {
	if len(token) < 16 || len(token) > 64 {
		return Ticket{}, ErrNotFound
	}
	row := s.store.db.QueryRowContext(ctx, `SELECT `+ticketColumns+` FROM tickets WHERE status_token = ?`, token)
	t, err := scanTicket(row)
	if errors.Is(err, sql.ErrNoRows) {
		return Ticket{}, ErrNotFound
	}
	if err != nil {
		return Ticket{}, fmt.Errorf("ticketing: ticket by token: %w", err)
	}
	if !t.Open() && !t.ResolvedAt.IsZero() && s.now().Sub(t.ResolvedAt) > s.tokenTTL {
		return Ticket{}, ErrNotFound
	}
	return t, nil
}

// StatusByToken returns the status page of a token (see TicketByToken).
func (s *Service) StatusByToken(ctx context.Context, token string) (StatusView, error) {
	t, err := s.TicketByToken(ctx, token)
	if err != nil {
		return StatusView{}, err
	}
	notes, err := s.store.notes(ctx, t.ID)
	if err != nil {
		return StatusView{}, err
	}
	v := StatusView{Key: t.Key, Status: t.Status, Lang: t.Lang, Updated: t.UpdatedAt, Open: t.Open()}
	for _, n := range notes {
		if !n.Internal {
			v.Replies = append(v.Replies, n)
		}
	}
	return v, nil
}

// AddStatusMessage adds the person's message from the status page to the
// ticket as a public note by CitizenAuthor (never mailed back). A waiting
// ticket goes back to "open"; a resolved one is reopened.
func (s *Service) AddStatusMessage(ctx context.Context, token, text string) error {
	t, err := s.TicketByToken(ctx, token)
	if err != nil {
		return err
	}
	if _, err := s.AddNote(ctx, Note{TicketID: t.ID, Author: CitizenAuthor, Text: text}); err != nil {
		return err
	}
	if t.Status == StatusWaiting || !t.Open() {
		_, err = s.Update(ctx, t.ID, Patch{Status: ptr(StatusOpen)}, CitizenAuthor)
	}
	return err
}

func ptr[T any](v T) *T { return &v }

// StatusTokenFor returns the status token of the ticket with the key if it
// was opened with (or later given) the e-mail address, creating the token
// when the ticket has none yet; the same validity as TicketByToken
// applies. A wrong key, a wrong address and an expired ticket all give
// ErrNotFound.
func (s *Service) StatusTokenFor(ctx context.Context, key, email string) (string, error) {
	email = strings.TrimSpace(email)
	k := s.normalizeKey(key)
	if k == "" || !emailContact(email) {
		return "", ErrNotFound
	}
	t, err := s.store.ticketByKey(ctx, k)
	if err != nil {
		return "", err
	}
	if !strings.EqualFold(strings.TrimSpace(t.Contact), email) {
		return "", ErrNotFound
	}
	if !t.Open() && !t.ResolvedAt.IsZero() && s.now().Sub(t.ResolvedAt) > s.tokenTTL {
		return "", ErrNotFound
	}
	if t.StatusToken != "" {
		return t.StatusToken, nil
	}
	token := newToken()
	if _, err := s.store.db.ExecContext(ctx, `UPDATE tickets SET status_token = ? WHERE id = ? AND status_token = ''`, token, t.ID); err != nil {
		return "", fmt.Errorf("ticketing: status token: %w", err)
	}
	t, err = s.store.ticketByID(ctx, t.ID)
	if err != nil {
		return "", err
	}
	return t.StatusToken, nil
}
