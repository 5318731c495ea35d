// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Subject names the person of a data-protection request (DSGVO Art. 15
// access, Art. 17 erasure). Exactly one field is set.
//
// A subject named by an identifier (Contact, IBAN, Name) is searched in
// every stored text: conversations, tickets (every text field), notes,
// outbox errors and the audit log, in the normal form of textMatcher.
type Subject struct {
	ConversationID string `json:"conversation_id,omitempty"` // a chat or call (the session ID the user was shown)
	Contact        string `json:"contact,omitempty"`         // a phone number or e-mail address the person gave
	IBAN           string `json:"iban,omitempty"`            // a bank account the person gave
	Name           string `json:"name,omitempty"`            // the person's name as they gave it ("Erika Mustermann")
	UserID         string `json:"user_id,omitempty"`         // an authenticated employee
	TicketKey      string `json:"ticket_key,omitempty"`      // a ticket key the person was given ("LOT-42"); covers its conversation too
}

func (s Subject) validate() error {
	n := 0
	for _, v := range []string{s.ConversationID, s.Contact, s.IBAN, s.Name, s.UserID, s.TicketKey} {
		if strings.TrimSpace(v) != "" {
			n++
		}
	}
	if n != 1 {
		return fmt.Errorf("%w: name exactly one of conversation, contact, IBAN, name, user or ticket", ErrInvalid)
	}
	if s.Name != "" && len([]rune(strings.TrimSpace(s.Name))) < 3 {
		return fmt.Errorf("%w: a name of fewer than three letters would match too much", ErrInvalid)
	}
	return nil
}

// SubjectData is everything the store holds about a subject.
type SubjectData struct {
	Subject       Subject              `json:"subject"`
	Conversations []ConversationRecord `json:"conversations"`
	Tickets       []Ticket             `json:"tickets"`
	Notes         map[string][]Note    `json:"notes"`           // by ticket key
	Mails         map[string][]Mail    `json:"mails,omitempty"` // sent to the person, by ticket key
	// MentionedIn are notes on other people's tickets that mention the
	// subject (identifier subjects only).
	MentionedIn []Note `json:"mentioned_in_notes,omitempty"`
	// Audit are audit entries that mention the subject (identifier
	// subjects only).
	Audit []AuditEntry `json:"audit,omitempty"`
	// OutboxErrors are delivery errors that quote the subject, by outbox
	// row (the outbox holds no payloads; they are built from the ticket).
	OutboxErrors map[int64]string `json:"outbox_errors,omitempty"`
}

// scope is what a subject covers.
type scope struct {
	convIDs []string
	tickets []Ticket
	notes   []Note           // mentioning notes on tickets outside the scope
	audit   []AuditEntry     // mentioning audit entries
	outbox  map[int64]string // mentioning outbox errors
}

func (sc scope) empty() bool {
	return len(sc.convIDs) == 0 && len(sc.tickets) == 0 && len(sc.notes) == 0 && len(sc.audit) == 0 && len(sc.outbox) == 0
}

type querier interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	QueryRowContext(context.Context, string, ...any) *sql.Row
}

// subjectScope finds what sub covers: for an ID subject as subjectIDScope
// does; for an identifier subject every conversation, ticket, note, outbox
// error and audit entry whose text mentions it. The tables are read row by
// row; a request for erasure is rare and its completeness matters more
// than its speed.
func (s *Store) subjectScope(ctx context.Context, q querier, sub Subject) (scope, error) {
	match := subjectMatcher(sub)
	if match == nil {
		convIDs, tickets, err := s.subjectIDScope(ctx, q, sub)
		return scope{convIDs: convIDs, tickets: tickets}, err
	}
	var sc scope
	err := eachRow(ctx, q, `SELECT id, data FROM conversations ORDER BY id`, func(r *sql.Rows) error {
		var id string
		var data []byte
		if err := r.Scan(&id, &data); err != nil {
			return err
		}
		if match(id) || match(string(data)) {
			sc.convIDs = append(sc.convIDs, id)
		}
		return nil
	})
	if err != nil {
		return sc, err
	}
	inConv := map[string]bool{}
	for _, id := range sc.convIDs {
		inConv[id] = true
	}
	inScope := map[int64]bool{}
	err = eachRow(ctx, q, `SELECT `+ticketColumns+` FROM tickets ORDER BY id`, func(r *sql.Rows) error {
		t, err := scanTicket(r)
		if err != nil {
			return err
		}
		if inConv[t.ConversationID] || ticketMentions(t, match) {
			sc.tickets = append(sc.tickets, t)
			inScope[t.ID] = true
		}
		return nil
	})
	if err != nil {
		return sc, err
	}
	err = eachRow(ctx, q, `SELECT id, ticket_id, author, text, internal, at FROM notes ORDER BY id`, func(r *sql.Rows) error {
		var n Note
		var at int64
		if err := r.Scan(&n.ID, &n.TicketID, &n.Author, &n.Text, &n.Internal, &at); err != nil {
			return err
		}
		n.At = fromTS(at)
		if !match(n.Text) {
			return nil
		}
		if !inScope[n.TicketID] {
			// The note is about someone else's ticket; only the note
			// mentions the subject.
			sc.notes = append(sc.notes, n)
		}
		return nil
	})
	if err != nil {
		return sc, err
	}
	err = eachRow(ctx, q, `SELECT id, last_error FROM outbox WHERE last_error != '' ORDER BY id`, func(r *sql.Rows) error {
		var id int64
		var e string
		if err := r.Scan(&id, &e); err != nil {
			return err
		}
		if match(e) {
			if sc.outbox == nil {
				sc.outbox = map[int64]string{}
			}
			sc.outbox[id] = e
		}
		return nil
	})
	if err != nil {
		return sc, err
	}
	err = eachRow(ctx, q, `SELECT id, who, action, target, detail, at FROM audit_log ORDER BY id`, func(r *sql.Rows) error {
		var e AuditEntry
		var at int64
		if err := r.Scan(&e.ID, &e.Who, &e.Action, &e.Target, &e.Detail, &at); err != nil {
			return err
		}
		e.At = fromTS(at)
		if match(e.Who) || match(e.Target) || match(e.Detail) {
			sc.audit = append(sc.audit, e)
		}
		return nil
	})
	return sc, err
}

// ticketMentions reports whether any personal text of t mentions the
// subject.
func ticketMentions(t Ticket, match textMatcher) bool {
	if match(t.Contact) || match(t.Summary) || match(t.Description) || match(t.Resolution) || match(t.ReporterID) {
		return true
	}
	for _, m := range t.Transcript {
		if match(m.Text) {
			return true
		}
	}
	for k, v := range t.Slots {
		if match(k) || match(fmt.Sprint(v)) {
			return true
		}
	}
	return false
}

// eachRow runs query and calls fn for every row.
func eachRow(ctx context.Context, q querier, query string, fn func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// subjectIDScope finds the conversations and tickets that belong to a
// subject named by an ID: the named conversation or the user's
// conversations, and every ticket opened from them or carrying the user.
func (s *Store) subjectIDScope(ctx context.Context, q querier, sub Subject) (convIDs []string, tickets []Ticket, err error) {
	var convQuery string
	var convArg string
	if sub.TicketKey != "" {
		var conv string
		err := q.QueryRowContext(ctx, `SELECT conversation_id FROM tickets WHERE key = ?`, sub.TicketKey).Scan(&conv)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, nil, err
		}
		sub.ConversationID = conv
	}
	switch {
	case sub.ConversationID != "":
		convQuery, convArg = `SELECT id FROM conversations WHERE id = ?`, sub.ConversationID
	case sub.UserID != "":
		convQuery, convArg = `SELECT id FROM conversations WHERE user_id = ?`, sub.UserID
	}
	if convQuery != "" {
		rows, err := q.QueryContext(ctx, convQuery, convArg)
		if err != nil {
			return nil, nil, err
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, nil, err
			}
			convIDs = append(convIDs, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, nil, err
		}
	}
	where := []string{}
	args := []any{}
	if sub.ConversationID != "" {
		where, args = append(where, "conversation_id = ?"), append(args, sub.ConversationID)
	}
	if sub.UserID != "" {
		where, args = append(where, "reporter_id = ?"), append(args, sub.UserID)
	}
	if sub.TicketKey != "" {
		where, args = append(where, "key = ?"), append(args, sub.TicketKey)
	}
	for _, id := range convIDs {
		where, args = append(where, "conversation_id = ?"), append(args, id)
	}
	rows, err := q.QueryContext(ctx, `SELECT `+ticketColumns+` FROM tickets WHERE `+strings.Join(where, " OR ")+` ORDER BY id`, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		t, err := scanTicket(rows)
		if err != nil {
			return nil, nil, err
		}
		tickets = append(tickets, t)
	}
	return convIDs, tickets, rows.Err()
}

// SubjectData collects what the store holds about sub, for an access
// request. It returns ErrNotFound when there is nothing.
func (s *Store) SubjectData(ctx context.Context, sub Subject) (SubjectData, error) {
	if err := sub.validate(); err != nil {
		return SubjectData{}, err
	}
	sc, err := s.subjectScope(ctx, s.db, sub)
	if err != nil {
		return SubjectData{}, fmt.Errorf("ticketing: subject data: %w", err)
	}
	out := SubjectData{Subject: sub, Tickets: sc.tickets, Notes: map[string][]Note{},
		MentionedIn: sc.notes, Audit: sc.audit, OutboxErrors: sc.outbox}
	for _, id := range sc.convIDs {
		c, err := s.LoadConversation(ctx, id)
		if err != nil {
			return SubjectData{}, err
		}
		out.Conversations = append(out.Conversations, c)
	}
	for _, t := range sc.tickets {
		ns, err := s.notes(ctx, t.ID)
		if err != nil {
			return SubjectData{}, err
		}
		if len(ns) > 0 {
			out.Notes[t.Key] = ns
		}
		ms, err := s.mails(ctx, t.ID)
		if err != nil {
			return SubjectData{}, err
		}
		if len(ms) > 0 {
			if out.Mails == nil {
				out.Mails = map[string][]Mail{}
			}
			out.Mails[t.Key] = ms
		}
	}
	if sc.empty() {
		return out, ErrNotFound
	}
	return out, nil
}

// Erasure says what EraseSubject removed.
type Erasure struct {
	Conversations int      // deleted
	Tickets       []string // keys of anonymised tickets
	External      []string // external keys (Jira) whose copies must be erased there too
	Notes         int      // mentioning notes on other tickets, blanked
	Audit         int      // mentioning audit entries, blanked
	Outbox        int      // mentioning outbox errors, cleared
	// Scrubbed is true when the database files were rewritten so that the
	// erased bytes are gone from them (see Store.Scrub); false when another
	// process held the file open and the scrub must be repeated.
	Scrubbed bool
}

// ErasedText replaces personal text in anonymised tickets.
const ErasedText = "[gelöscht auf Antrag]"

// EraseSubject deletes the subject's conversations and anonymises their
// tickets (transcript, contact, reporter, summary, description, slots and
// notes are removed; key, kind, priority, status and times stay for the
// statistics). Everything happens in one transaction and is written to the
// audit log under actor. It returns ErrNotFound when there is nothing.
func (s *Store) EraseSubject(ctx context.Context, sub Subject, actor string, now time.Time) (Erasure, error) {
	if err := sub.validate(); err != nil {
		return Erasure{}, err
	}
	var out Erasure
	err := s.tx(ctx, func(tx *dbTx) error {
		sc, err := s.subjectScope(ctx, tx, sub)
		if err != nil {
			return err
		}
		if sc.empty() {
			return ErrNotFound
		}
		convIDs, tickets := sc.convIDs, sc.tickets
		for _, id := range convIDs {
			if _, err := tx.ExecContext(ctx, `DELETE FROM conversations WHERE id = ?`, id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM outage_affected WHERE reporter = ?`, id); err != nil {
				return err
			}
			// The live events repeat the conversation's messages.
			if _, err := tx.ExecContext(ctx, `DELETE FROM web_events WHERE conversation_id = ?`, id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM web_sessions WHERE conversation_id = ?`, id); err != nil {
				return err
			}
		}
		out.Conversations = len(convIDs)
		for _, t := range tickets {
			if _, err := tx.ExecContext(ctx, `DELETE FROM mails WHERE ticket_id = ?`, t.ID); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE tickets SET transcript = '[]', slots = '{}', contact = '', status_token = '',
				reporter_id = '', conversation_id = '', summary = ?, description = '', updated_at = ? WHERE id = ?`,
				ErasedText, ts(now), t.ID); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM notes WHERE ticket_id = ?`, t.ID); err != nil {
				return err
			}
			out.Tickets = append(out.Tickets, t.Key)
			if t.ExternalKey != "" {
				out.External = append(out.External, t.ExternalKey)
			}
		}
		if sub.UserID != "" {
			if _, err := tx.ExecContext(ctx, `DELETE FROM outage_affected WHERE user_id = ?`, sub.UserID); err != nil {
				return err
			}
		}
		for _, n := range sc.notes {
			if _, err := tx.ExecContext(ctx, `UPDATE notes SET text = ? WHERE id = ?`, ErasedText, n.ID); err != nil {
				return err
			}
		}
		out.Notes = len(sc.notes)
		for id := range sc.outbox {
			if _, err := tx.ExecContext(ctx, `UPDATE outbox SET last_error = ? WHERE id = ?`, ErasedText, id); err != nil {
				return err
			}
		}
		out.Outbox = len(sc.outbox)
		for _, e := range sc.audit {
			// The entry stays as evidence that something happened; what
			// names the person goes.
			if _, err := tx.ExecContext(ctx, `UPDATE audit_log SET who = CASE WHEN ? THEN ? ELSE who END,
				target = CASE WHEN ? THEN ? ELSE target END, detail = ? WHERE id = ?`,
				subjectMatcher(sub)(e.Who), ErasedText, subjectMatcher(sub)(e.Target), ErasedText, ErasedText, e.ID); err != nil {
				return err
			}
		}
		out.Audit = len(sc.audit)
		_, err = tx.ExecContext(ctx, `INSERT INTO audit_log (who, action, target, detail, at) VALUES (?, 'privacy.erase', ?, ?, ?)`,
			actor, subjectLabel(sub), fmt.Sprintf("conversations=%d tickets=%s", out.Conversations, strings.Join(out.Tickets, ",")), ts(now))
		return err
	})
	if errors.Is(err, ErrNotFound) {
		return Erasure{}, ErrNotFound
	}
	if err != nil {
		return Erasure{}, fmt.Errorf("ticketing: erase subject: %w", err)
	}
	scrubbed, err := s.Scrub(ctx)
	if err != nil {
		return out, fmt.Errorf("ticketing: erased, but scrubbing the database files failed: %w", err)
	}
	out.Scrubbed = scrubbed
	return out, nil
}

// Scrub makes deleted and overwritten data unrecoverable from the database
// files: every connection runs with secure_delete (freed content is
// overwritten with zeros), VACUUM rewrites the database without free pages,
// and a TRUNCATE checkpoint copies the write-ahead log into the database
// and cuts the log file to zero bytes, so the old page images in it are
// gone. It reports false when another connection (a running `lotse serve`)
// kept the checkpoint from finishing; the log is then scrubbed at the next
// scrub or checkpoint. File-system and disk-level copies (snapshots,
// backups, SSD remapping) are outside its reach.
//
// On PostgreSQL, VACUUM FULL rewrites the tables that hold personal data
// into new files without the dead row versions and reports true; the
// server's write-ahead log, replicas and backups are outside its reach
// (the database administrators' retention rules apply there).
func (s *Store) Scrub(ctx context.Context) (bool, error) {
	if s.d.name == "postgres" {
		if _, err := s.db.ExecContext(ctx, `VACUUM FULL conversations, tickets, notes, mails, outbox, outage_affected, audit_log, web_sessions, web_events`); err != nil {
			return false, fmt.Errorf("vacuum: %w", err)
		}
		return true, nil
	}
	if _, err := s.db.ExecContext(ctx, `VACUUM`); err != nil {
		return false, fmt.Errorf("vacuum: %w", err)
	}
	var busy, logFrames, checkpointed int
	if err := s.db.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &logFrames, &checkpointed); err != nil {
		return false, fmt.Errorf("checkpoint: %w", err)
	}
	return busy == 0, nil
}

// subjectLabel names the subject in the audit log without repeating a
// contact in clear text.
func subjectLabel(sub Subject) string {
	switch {
	case sub.ConversationID != "":
		return "conversation:" + sub.ConversationID
	case sub.UserID != "":
		return "user:" + sub.UserID
	case sub.TicketKey != "":
		return "ticket:" + sub.TicketKey
	case sub.IBAN != "":
		return "iban:" + masked(compactUpper(sub.IBAN))
	case sub.Name != "":
		return "name:" + masked(sub.Name)
	}
	return "contact:" + masked(sub.Contact)
}

// masked keeps the last three characters of s.
func masked(s string) string {
	r := []rune(s)
	return strings.Repeat("*", max(0, len(r)-3)) + string(r[max(0, len(r)-3):])
}
