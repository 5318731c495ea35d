// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

const ticketColumns = `id, key, external_key, kind, priority, status, audience, channel, lang,
	summary, description, transcript, sources, slots, service, impact, urgency, contact,
	reporter_id, conversation_id, intent, confidence, outage_id, assignee,
	created_at, updated_at, resolved_at, resolution, status_token`

type rowScanner interface{ Scan(dest ...any) error }

func scanTicket(r rowScanner) (Ticket, error) {
	var (
		t                            Ticket
		transcript, sources, slots   string
		created, updated, resolvedAt int64
	)
	err := r.Scan(&t.ID, &t.Key, &t.ExternalKey, &t.Kind, &t.Priority, &t.Status, &t.Audience,
		&t.Channel, &t.Lang, &t.Summary, &t.Description, &transcript, &sources, &slots,
		&t.Service, &t.Impact, &t.Urgency, &t.Contact, &t.ReporterID, &t.ConversationID,
		&t.Intent, &t.Confidence, &t.OutageID, &t.Assignee, &created, &updated, &resolvedAt,
		&t.Resolution, &t.StatusToken)
	if err != nil {
		return Ticket{}, err
	}
	if err := json.Unmarshal([]byte(transcript), &t.Transcript); err != nil {
		return Ticket{}, fmt.Errorf("decode transcript of ticket %d: %w", t.ID, err)
	}
	if err := json.Unmarshal([]byte(sources), &t.Sources); err != nil {
		return Ticket{}, fmt.Errorf("decode sources of ticket %d: %w", t.ID, err)
	}
	if err := json.Unmarshal([]byte(slots), &t.Slots); err != nil {
		return Ticket{}, fmt.Errorf("decode slots of ticket %d: %w", t.ID, err)
	}
	t.CreatedAt, t.UpdatedAt, t.ResolvedAt = fromTS(created), fromTS(updated), fromTS(resolvedAt)
	return t, nil
}

func marshalJSON(v any, empty string) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	if string(b) == "null" {
		return empty, nil
	}
	return string(b), nil
}

// insertTicket inserts t in tx and sets t.ID and t.Key (prefix + "-" + ID).
func insertTicket(ctx context.Context, tx *dbTx, t *Ticket, prefix string) error {
	transcript, err := marshalJSON(t.Transcript, "[]")
	if err != nil {
		return err
	}
	sources, err := marshalJSON(t.Sources, "[]")
	if err != nil {
		return err
	}
	slots, err := marshalJSON(t.Slots, "{}")
	if err != nil {
		return err
	}
	// The key needs the ID; a unique placeholder keeps the UNIQUE index happy
	// until the UPDATE below, inside the same transaction.
	id, err := insertID(ctx, tx, `INSERT INTO tickets (key, external_key, kind, priority, status,
		audience, channel, lang, summary, description, transcript, sources, slots, service, impact,
		urgency, contact, reporter_id, conversation_id, intent, confidence, outage_id, assignee,
		created_at, updated_at, resolved_at, resolution)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		"pending-"+newToken(), t.ExternalKey, t.Kind, t.Priority, t.Status, t.Audience, t.Channel, t.Lang, t.Summary,
		t.Description, transcript, sources, slots, t.Service, t.Impact, t.Urgency, t.Contact,
		t.ReporterID, t.ConversationID, t.Intent, t.Confidence, t.OutageID, t.Assignee,
		ts(t.CreatedAt), ts(t.UpdatedAt), ts(t.ResolvedAt), t.Resolution)
	if err != nil {
		return err
	}
	key := fmt.Sprintf("%s-%d", prefix, id)
	if _, err := tx.ExecContext(ctx, `UPDATE tickets SET key = ? WHERE id = ?`, key, id); err != nil {
		return err
	}
	if t.ConversationID != "" {
		if _, err := tx.ExecContext(ctx, `UPDATE conversations SET linked_ticket = ? WHERE id = ?`, key, t.ConversationID); err != nil {
			return err
		}
	}
	t.ID, t.Key = id, key
	return nil
}

// createTicket commits t and one outbox row per action in one transaction.
func (s *Store) createTicket(ctx context.Context, t *Ticket, prefix string, actions []string, now time.Time) error {
	err := s.tx(ctx, func(tx *dbTx) error {
		if err := insertTicket(ctx, tx, t, prefix); err != nil {
			return err
		}
		for _, a := range actions {
			if _, err := tx.ExecContext(ctx, `INSERT INTO outbox (ticket_id, action, next_attempt_at, created_at) VALUES (?, ?, ?, ?)`,
				t.ID, a, ts(now), ts(now)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.ID, t.Key = 0, ""
		return fmt.Errorf("ticketing: create ticket: %w", err)
	}
	return nil
}

func (s *Store) ticketByID(ctx context.Context, id int64) (Ticket, error) {
	t, err := scanTicket(s.db.QueryRowContext(ctx, `SELECT `+ticketColumns+` FROM tickets WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Ticket{}, ErrNotFound
	}
	if err != nil {
		return Ticket{}, fmt.Errorf("ticketing: get ticket %d: %w", id, err)
	}
	return t, nil
}

func (s *Store) ticketByKey(ctx context.Context, key string) (Ticket, error) {
	t, err := scanTicket(s.db.QueryRowContext(ctx, `SELECT `+ticketColumns+` FROM tickets WHERE key = ?`, key))
	if errors.Is(err, sql.ErrNoRows) {
		return Ticket{}, ErrNotFound
	}
	if err != nil {
		return Ticket{}, fmt.Errorf("ticketing: get ticket %s: %w", key, err)
	}
	return t, nil
}

// Filter selects tickets for the desk. Zero fields do not filter.
type Filter struct {
	Status    string        // one status; see OpenOnly for "everything not resolved or closed"
	OpenOnly  bool          // only tickets that are not resolved or closed
	Priority  string        // P1..P4
	Kind      string        // KindEscalation or KindIncident
	Channel   string        // "web", "phone", ...
	Audience  string        // "citizen" or "employee"
	Lang      string        // "de", "en", ...
	OlderThan time.Duration // only tickets created more than this long ago
	// Text, when set, keeps tickets whose key, summary, description,
	// resolution, contact, transcript, notes or stored conversation
	// contain it (case-insensitive for ASCII letters); at most
	// MaxSearchRunes are used.
	Text   string
	Limit  int // default 50, at most 500
	Offset int
}

// MaxSearchRunes bounds the text of a ticket search.
const MaxSearchRunes = 200

// likeEscaper escapes the wildcards of a LIKE pattern.
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

func (f Filter) where(now time.Time, d *dialect) (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, v any) {
		conds = append(conds, cond)
		args = append(args, v)
	}
	if f.Status != "" {
		add("status = ?", f.Status)
	}
	if f.OpenOnly {
		conds = append(conds, "status NOT IN ('resolved', 'closed')")
	}
	if f.Priority != "" {
		add("priority = ?", f.Priority)
	}
	if f.Kind != "" {
		add("kind = ?", f.Kind)
	}
	if f.Channel != "" {
		add("channel = ?", f.Channel)
	}
	if f.Audience != "" {
		add("audience = ?", f.Audience)
	}
	if f.Lang != "" {
		add("lang = ?", f.Lang)
	}
	if f.OlderThan > 0 {
		add("created_at < ?", ts(now.Add(-f.OlderThan)))
	}
	if text := strings.TrimSpace(f.Text); text != "" {
		if r := []rune(text); len(r) > MaxSearchRunes {
			text = string(r[:MaxSearchRunes])
		}
		pat := "%" + likeEscaper.Replace(text) + "%"
		like := d.like + ` ? ESCAPE '\'`
		conds = append(conds, `(key `+like+` OR summary `+like+` OR description `+like+`
			OR resolution `+like+` OR contact `+like+` OR transcript `+like+`
			OR id IN (SELECT ticket_id FROM notes WHERE text `+like+`)
			OR (conversation_id != '' AND conversation_id IN (SELECT id FROM conversations WHERE `+d.blobText+` `+like+`)))`)
		for range 8 {
			args = append(args, pat)
		}
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

func (s *Store) listTickets(ctx context.Context, f Filter, now time.Time) ([]Ticket, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	limit = min(limit, 500)
	where, args := f.where(now, s.d)
	args = append(args, limit, max(f.Offset, 0))
	rows, err := s.db.QueryContext(ctx, `SELECT `+ticketColumns+` FROM tickets`+where+
		` ORDER BY priority ASC, created_at ASC, id ASC LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("ticketing: list tickets: %w", err)
	}
	defer rows.Close()
	var out []Ticket
	for rows.Next() {
		t, err := scanTicket(rows)
		if err != nil {
			return nil, fmt.Errorf("ticketing: list tickets: %w", err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("ticketing: list tickets: %w", err)
	}
	return out, nil
}

func (s *Store) countTickets(ctx context.Context, f Filter, now time.Time) (int, error) {
	where, args := f.where(now, s.d)
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM tickets`+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("ticketing: count tickets: %w", err)
	}
	return n, nil
}

// updateTicketFields writes the mutable desk fields of t (not the outage
// link, which LinkOutage and MarkMajorIncident set in their own
// transactions) and adds outbox rows for actions, in one transaction.
func (s *Store) updateTicketFields(ctx context.Context, t Ticket, actions []string, mail *Mail) error {
	err := s.tx(ctx, func(tx *dbTx) error {
		res, err := tx.ExecContext(ctx, `UPDATE tickets SET status = ?, priority = ?, assignee = ?,
			resolution = ?, resolved_at = ?, updated_at = ? WHERE id = ?`,
			t.Status, t.Priority, t.Assignee, t.Resolution, ts(t.ResolvedAt), ts(t.UpdatedAt), t.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		for _, a := range actions {
			if _, err := tx.ExecContext(ctx, `INSERT INTO outbox (ticket_id, action, next_attempt_at, created_at) VALUES (?, ?, ?, ?)`,
				t.ID, a, ts(t.UpdatedAt), ts(t.UpdatedAt)); err != nil {
				return err
			}
		}
		if mail != nil {
			return insertMail(ctx, tx, mail, t.StatusToken)
		}
		return nil
	})
	if errors.Is(err, ErrNotFound) {
		return err
	}
	if err != nil {
		return fmt.Errorf("ticketing: update ticket %d: %w", t.ID, err)
	}
	return nil
}

// addNote adds a note and, when mail is set, the mail that carries it to
// the reporter with its outbox row, in one transaction.
func (s *Store) addNote(ctx context.Context, n *Note, mail *Mail, token string) error {
	err := s.tx(ctx, func(tx *dbTx) error {
		id, err := insertID(ctx, tx, `INSERT INTO notes (ticket_id, author, text, internal, at) VALUES (?, ?, ?, ?, ?) RETURNING id`,
			n.TicketID, n.Author, n.Text, boolInt(n.Internal), ts(n.At))
		if err != nil {
			return err
		}
		n.ID = id
		if _, err := tx.ExecContext(ctx, `UPDATE tickets SET updated_at = CASE WHEN updated_at < ? THEN ? ELSE updated_at END WHERE id = ?`, ts(n.At), ts(n.At), n.TicketID); err != nil {
			return err
		}
		if mail != nil {
			return insertMail(ctx, tx, mail, token)
		}
		return nil
	})
	if err != nil {
		if isForeignKeyViolation(err) {
			return ErrNotFound
		}
		return fmt.Errorf("ticketing: add note: %w", err)
	}
	return nil
}

func (s *Store) notes(ctx context.Context, ticketID int64) ([]Note, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, ticket_id, author, text, internal, at FROM notes WHERE ticket_id = ? ORDER BY at, id`, ticketID)
	if err != nil {
		return nil, fmt.Errorf("ticketing: list notes: %w", err)
	}
	defer rows.Close()
	var out []Note
	for rows.Next() {
		var n Note
		var internal int
		var at int64
		if err := rows.Scan(&n.ID, &n.TicketID, &n.Author, &n.Text, &internal, &at); err != nil {
			return nil, fmt.Errorf("ticketing: list notes: %w", err)
		}
		n.Internal, n.At = internal != 0, fromTS(at)
		out = append(out, n)
	}
	return out, rows.Err()
}

// setContact sets the contact of a ticket.
func (s *Store) setContact(ctx context.Context, id int64, contact string, now time.Time) error {
	res, err := s.db.ExecContext(ctx, `UPDATE tickets SET contact = ?, updated_at = ? WHERE id = ?`, contact, ts(now), id)
	if err != nil {
		return fmt.Errorf("ticketing: set contact: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// ClearContactsResolvedBefore removes the contact (e-mail address or phone
// number) and the mails sent of every ticket resolved or closed before t: a contact is kept
// only to answer the person, for the retention period after the ticket
// was finished. It returns the number of tickets changed.
func (s *Store) ClearContactsResolvedBefore(ctx context.Context, t time.Time) (int, error) {
	var n int64
	err := s.tx(ctx, func(tx *dbTx) error {
		// The mails sent to the person hold the address too.
		if _, err := tx.ExecContext(ctx, `DELETE FROM mails WHERE ticket_id IN (SELECT id FROM tickets
			WHERE status IN ('resolved', 'closed') AND resolved_at > 0 AND resolved_at < ?)`, ts(t)); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE tickets SET contact = '' WHERE contact != ''
			AND status IN ('resolved', 'closed') AND resolved_at > 0 AND resolved_at < ?`, ts(t))
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("ticketing: clear old contacts: %w", err)
	}
	return int(n), nil
}
