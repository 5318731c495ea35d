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
type Subject struct {
	ConversationID string // a chat or call (the session ID the user was shown)
	Contact        string // a phone number or e-mail address the person gave
	UserID         string // an authenticated employee
	TicketKey      string // a ticket key the person was given ("LOT-42"); covers its conversation too
}

func (s Subject) validate() error {
	n := 0
	for _, v := range []string{s.ConversationID, s.Contact, s.UserID, s.TicketKey} {
		if strings.TrimSpace(v) != "" {
			n++
		}
	}
	if n != 1 {
		return fmt.Errorf("%w: name exactly one of conversation, contact, user or ticket", ErrInvalid)
	}
	return nil
}

// SubjectData is everything the store holds about a subject.
type SubjectData struct {
	Subject       Subject              `json:"subject"`
	Conversations []ConversationRecord `json:"conversations"`
	Tickets       []Ticket             `json:"tickets"`
	Notes         map[string][]Note    `json:"notes"` // by ticket key
}

// subjectScope finds the conversations and tickets that belong to sub: the
// named conversation or the user's conversations, and every ticket opened
// from them or carrying the contact or user.
func (s *Store) subjectScope(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, sub Subject) (convIDs []string, tickets []Ticket, err error) {
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
	if sub.Contact != "" {
		where, args = append(where, "contact = ?"), append(args, sub.Contact)
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
	convIDs, tickets, err := s.subjectScope(ctx, s.db, sub)
	if err != nil {
		return SubjectData{}, fmt.Errorf("ticketing: subject data: %w", err)
	}
	out := SubjectData{Subject: sub, Tickets: tickets, Notes: map[string][]Note{}}
	for _, id := range convIDs {
		c, err := s.LoadConversation(ctx, id)
		if err != nil {
			return SubjectData{}, err
		}
		out.Conversations = append(out.Conversations, c)
	}
	for _, t := range tickets {
		ns, err := s.notes(ctx, t.ID)
		if err != nil {
			return SubjectData{}, err
		}
		if len(ns) > 0 {
			out.Notes[t.Key] = ns
		}
	}
	if len(out.Conversations) == 0 && len(out.Tickets) == 0 {
		return out, ErrNotFound
	}
	return out, nil
}

// Erasure says what EraseSubject removed.
type Erasure struct {
	Conversations int      // deleted
	Tickets       []string // keys of anonymised tickets
	External      []string // external keys (Jira) whose copies must be erased there too
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
	err := s.tx(ctx, func(tx *sql.Tx) error {
		convIDs, tickets, err := s.subjectScope(ctx, tx, sub)
		if err != nil {
			return err
		}
		if len(convIDs) == 0 && len(tickets) == 0 {
			return ErrNotFound
		}
		for _, id := range convIDs {
			if _, err := tx.ExecContext(ctx, `DELETE FROM conversations WHERE id = ?`, id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM outage_affected WHERE reporter = ?`, id); err != nil {
				return err
			}
		}
		out.Conversations = len(convIDs)
		for _, t := range tickets {
			if _, err := tx.ExecContext(ctx, `UPDATE tickets SET transcript = '[]', slots = '{}', contact = '',
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
	return out, nil
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
	}
	return "contact:" + strings.Repeat("*", max(0, len(sub.Contact)-3)) + sub.Contact[max(0, len(sub.Contact)-3):]
}
