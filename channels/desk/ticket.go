// SPDX-License-Identifier: EUPL-1.2

package desk

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/ticketing"
)

// maxText bounds replies, notes, resolutions and review comments.
const maxText = 4000

// entryView is one transcript entry on the case page.
type entryView struct {
	Index     int
	Role      string
	RoleLabel string
	Text      string
	Intent    string
	Sources   []assistant.Source
	// Verification tells when the model's answer was replaced or
	// sentences of it were refused, and why.
	Verification *assistant.Verification
	At           time.Time
	IsAnswer     bool
	Review       *reviewRecord // latest review of this answer
}

// ticketView is the data of the case page.
type ticketView struct {
	T          ticketing.Ticket
	SLA        queueRow
	Entries    []entryView // from the stored conversation, with sources
	Transcript []ticketing.Message
	ConvFound  bool
	Notes      []ticketing.Note
	Outages    []ticketing.Outage // active ones, to link to
	Linked     *ticketing.Outage  // the outage the ticket is linked to, if any
	LinkFixed  bool               // linked to an active outage: no relinking
	External   bool               // an external system (Jira) is configured
	JiraQueued bool               // a delivery to Jira is pending
	Users      []string           // enabled accounts, to assign to
	Outbox     []ticketing.OutboxEntry
	Live       bool // the ticket's web chat can be taken over
	Held       bool // an agent holds the chat
	CanMajor   bool
	Priorities []option
	Slots      []slotView
	Errors     map[string]string
	Values     map[string]string
}

type slotView struct{ Name, Value string }

// ticketID returns the ID of the ticket the URL names, by its key
// ("/desk/tickets/LOT-6", any case) or by its internal number.
func (s *Server) ticketID(r *http.Request) (int64, error) {
	p := chi.URLParam(r, "id")
	if id, err := strconv.ParseInt(p, 10, 64); err == nil {
		if id <= 0 {
			return 0, fmt.Errorf("desk: ticket id: %w", ticketing.ErrNotFound)
		}
		return id, nil
	}
	t, err := s.cfg.Tickets.GetByKey(r.Context(), p)
	if err != nil {
		return 0, err
	}
	return t.ID, nil
}

func roleLabel(role assistant.Role) string {
	switch role {
	case assistant.RoleUser:
		return "Anfragende Person"
	case assistant.RoleAssistant:
		return "Lotse (digitaler Assistent)"
	case assistant.RoleAgent:
		return "Service-Desk"
	case assistant.RoleSystem:
		return "Hinweis"
	}
	return string(role)
}

// loadConversation returns the ticket's stored conversation, or nil when
// it has none or it is gone (retention).
func (s *Server) loadConversation(ctx context.Context, t ticketing.Ticket) (*assistant.Conversation, error) {
	if t.ConversationID == "" {
		return nil, nil
	}
	c, err := s.cfg.Conversations.Load(ctx, t.ConversationID)
	if errors.Is(err, assistant.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("desk: load conversation %s: %w", t.ConversationID, err)
	}
	return c, nil
}

func (s *Server) liveCapable(t ticketing.Ticket, conv *assistant.Conversation) bool {
	return s.cfg.Live != nil && conv != nil && t.Channel == "web" && t.Open()
}

func (s *Server) ticketData(ctx context.Context, id int64) (ticketView, error) {
	t, err := s.cfg.Tickets.Get(ctx, id)
	if err != nil {
		return ticketView{}, err
	}
	v := ticketView{T: t, SLA: s.slaRow(t, s.cfg.Now()), Transcript: t.Transcript, Priorities: priorityOptions[1:],
		CanMajor: t.Service != "" && t.OutageID == 0 && t.Kind == ticketing.KindIncident}
	for k, val := range t.Slots {
		v.Slots = append(v.Slots, slotView{slotName(k), slotValue(k, val)})
	}
	sortSlots(v.Slots)
	conv, err := s.loadConversation(ctx, t)
	if err != nil {
		return ticketView{}, err
	}
	if conv != nil {
		v.ConvFound = true
		v.Held = conv.AgentHeld
		if v.Entries, err = s.entries(ctx, conv, 0, true); err != nil {
			return ticketView{}, err
		}
	}
	v.Live = s.liveCapable(t, conv)
	v.External = s.cfg.Tickets.HasExternal()
	if t.OutageID != 0 {
		o, err := s.cfg.Tickets.GetOutage(ctx, t.OutageID)
		switch {
		case err == nil:
			v.Linked, v.LinkFixed = &o, o.Active
		case !errors.Is(err, ticketing.ErrNotFound):
			return ticketView{}, err
		}
	}
	if v.Notes, err = s.cfg.Tickets.Notes(ctx, id); err != nil {
		return ticketView{}, err
	}
	if v.Outages, err = s.cfg.Tickets.ActiveOutages(ctx); err != nil {
		return ticketView{}, err
	}
	users, err := s.cfg.Store.ListUsers(ctx)
	if err != nil {
		return ticketView{}, err
	}
	for _, u := range users {
		if !u.Disabled {
			v.Users = append(v.Users, u.Username)
		}
	}
	pending, err := s.cfg.Tickets.PendingOutbox(ctx)
	if err != nil {
		return ticketView{}, err
	}
	for _, e := range pending {
		if e.TicketID == id {
			v.Outbox = append(v.Outbox, e)
			v.JiraQueued = v.JiraQueued || e.Action == "deliver"
		}
	}
	return v, nil
}

// entries returns the conversation's entries from index from on, with
// their latest reviews when withReviews is set (the live view skips that
// look-up: new entries are not reviewed yet).
func (s *Server) entries(ctx context.Context, conv *assistant.Conversation, from int, withReviews bool) ([]entryView, error) {
	reviews := map[int]reviewRecord{}
	if withReviews {
		var err error
		if reviews, err = s.reviewsOf(ctx, conv.ID); err != nil {
			return nil, err
		}
	}
	var out []entryView
	for i := from; i < len(conv.Entries); i++ {
		e := conv.Entries[i]
		ev := entryView{Index: i, Role: string(e.Role), RoleLabel: roleLabel(e.Role), Text: e.Text, Intent: string(e.Intent),
			Sources: e.Sources, Verification: e.Verification, At: e.At, IsAnswer: e.Role == assistant.RoleAssistant}
		if r, ok := reviews[i]; ok {
			ev.Review = &r
		}
		out = append(out, ev)
	}
	return out, nil
}

// handleTranscript serves the entries of the ticket's conversation from
// index "from" on, as list items for the case page's live view, with the
// total count in X-Entry-Count; 204 when there is nothing new.
func (s *Server) handleTranscript(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := s.ticketID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	from, err := strconv.Atoi(r.URL.Query().Get("from"))
	if err != nil || from < 0 {
		http.Error(w, "from: Zahl ab 0 erwartet", http.StatusBadRequest)
		return
	}
	t, err := s.cfg.Tickets.Get(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	conv, err := s.loadConversation(ctx, t)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if conv == nil || from >= len(conv.Entries) {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	entries, err := s.entries(ctx, conv, from, false)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("X-Entry-Count", strconv.Itoa(len(conv.Entries)))
	s.renderPartial(w, r, "ticket", "entries", page{User: principalFrom(ctx), Data: ticketView{T: t, Entries: entries}})
}

func sortSlots(s []slotView) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].Name < s[j-1].Name; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func (s *Server) handleTicket(w http.ResponseWriter, r *http.Request) {
	id, err := s.ticketID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v, err := s.ticketData(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "ticket", v.T.Key+": "+v.T.Summary, v)
}

// fieldError is bad input for one form field; the case page shows it next
// to the field and keeps what was typed.
type fieldError struct {
	Field, Msg string
}

func (e *fieldError) Error() string { return e.Field + ": " + e.Msg }

func textField(r *http.Request, name, what string, required bool) (string, error) {
	v := strings.TrimSpace(r.PostFormValue(name))
	switch {
	case required && v == "":
		return "", &fieldError{name, "Bitte geben Sie " + what + " ein."}
	case utf8.RuneCountInString(v) > maxText:
		return "", &fieldError{name, fmt.Sprintf("Der Text ist zu lang (höchstens %d Zeichen).", maxText)}
	}
	return v, nil
}

var docIDRE = regexp.MustCompile(`^[\p{Ll}\p{Lu}0-9_.-]+(/[\p{Ll}\p{Lu}0-9_.-]+)*$`)

// handleTyping tells the citizen's widget that the agent is typing a reply
// to a live web chat (desk.js posts it while the reply field changes,
// at most every few seconds). It answers 204, or 409 when the ticket's
// chat cannot be reached live.
func (s *Server) handleTyping(w http.ResponseWriter, r *http.Request) {
	id, err := s.ticketID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ctx := r.Context()
	t, err := s.cfg.Tickets.Get(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	conv, err := s.loadConversation(ctx, t)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !s.liveCapable(t, conv) {
		w.WriteHeader(http.StatusConflict)
		return
	}
	s.cfg.Live.AgentTyping(conv.ID, principalFrom(ctx).Name)
	w.WriteHeader(http.StatusNoContent)
}

// handleTicketAction runs one POST action of the case page and redirects
// back, or shows the page again with the error next to its field.
func (s *Server) handleTicketAction(w http.ResponseWriter, r *http.Request) {
	id, err := s.ticketID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	action := chi.URLParam(r, "action")
	run, ok := s.ticketActions()[action]
	if !ok {
		s.renderError(w, r, http.StatusNotFound, "Diese Aktion gibt es nicht.")
		return
	}
	ctx := r.Context()
	t, err := s.cfg.Tickets.Get(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	err = run(ctx, r, principalFrom(ctx), t)
	var fe *fieldError
	switch {
	case err == nil:
		http.Redirect(w, r, fmt.Sprintf("/desk/tickets/%s?ok=%s#main", url.PathEscape(t.Key), action), http.StatusSeeOther)
	case errors.As(err, &fe):
		s.ticketFormError(w, r, http.StatusBadRequest, id, fe.Field, fe.Msg)
	default:
		if status, msg, ok := userMessage(err); ok && (status == http.StatusBadRequest || status == http.StatusConflict) {
			s.ticketFormError(w, r, status, id, actionField[action], msg)
			return
		}
		s.fail(w, r, err)
	}
}

// actionField is the field that shows a service error of an action.
var actionField = map[string]string{
	"assign": "assignee", "reply": "reply", "note": "note", "priority": "priority",
	"link-outage": "outage", "major-incident": "major", "push-jira": "jira", "resolve": "resolution",
	"takeover": "takeover", "release": "takeover", "review": "review", "claim": "assignee", "reopen": "resolution",
}

func (s *Server) ticketFormError(w http.ResponseWriter, r *http.Request, status int, id int64, field, msg string) {
	v, err := s.ticketData(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v.Errors = map[string]string{field: msg}
	v.Values = map[string]string{}
	for k := range r.PostForm {
		if k != csrfField {
			v.Values[k] = r.PostFormValue(k)
		}
	}
	s.render(w, r, status, "ticket", v.T.Key+": Eingabe prüfen", v)
}

type ticketAction func(ctx context.Context, r *http.Request, p principal, t ticketing.Ticket) error

func ptr[T any](v T) *T { return &v }

func (s *Server) ticketActions() map[string]ticketAction {
	return map[string]ticketAction{
		"claim": func(ctx context.Context, r *http.Request, p principal, t ticketing.Ticket) error {
			patch := ticketing.Patch{Assignee: ptr(p.Name)}
			if t.Status == ticketing.StatusNew || t.Status == ticketing.StatusOpen {
				patch.Status = ptr(ticketing.StatusInProgress)
			}
			_, err := s.cfg.Tickets.Update(ctx, t.ID, patch, p.Name)
			return err
		},
		"assign": func(ctx context.Context, r *http.Request, p principal, t ticketing.Ticket) error {
			who := strings.TrimSpace(r.PostFormValue("assignee"))
			if who != "" {
				u, err := s.cfg.Store.GetUserByName(ctx, who)
				if errors.Is(err, ticketing.ErrNotFound) || err == nil && u.Disabled {
					return &fieldError{"assignee", "Dieses Konto gibt es nicht oder es ist gesperrt."}
				}
				if err != nil {
					return err
				}
			}
			_, err := s.cfg.Tickets.Update(ctx, t.ID, ticketing.Patch{Assignee: &who}, p.Name)
			return err
		},
		"reply": func(ctx context.Context, r *http.Request, p principal, t ticketing.Ticket) error {
			text, err := textField(r, "reply", "eine Antwort", true)
			if err != nil {
				return err
			}
			conv, err := s.loadConversation(ctx, t)
			if err != nil {
				return err
			}
			if err := s.takeOn(ctx, p, t); err != nil {
				return err
			}
			if !s.liveCapable(t, conv) {
				_, err := s.cfg.Tickets.AddNote(ctx, ticketing.Note{TicketID: t.ID, Author: p.Name, Text: text})
				return err
			}
			if !conv.AgentHeld {
				if err := s.cfg.Live.SetAgentHeld(ctx, conv.ID, true, p.Name); err != nil {
					return s.liveError("reply", err)
				}
				s.audit(ctx, p.Name, "chat.takeover", t.Key, "conversation "+conv.ID+" (with reply)")
			}
			if err := s.cfg.Live.AgentMessage(ctx, conv.ID, p.Name, text); err != nil {
				return s.liveError("reply", err)
			}
			s.audit(ctx, p.Name, "ticket.reply", t.Key, "live chat "+conv.ID)
			// The reply is also a public note: it shows on the status page
			// and, with an e-mail contact, is mailed (the chat tab may be
			// closed).
			_, err = s.cfg.Tickets.AddNote(ctx, ticketing.Note{TicketID: t.ID, Author: p.Name, Text: text})
			return err
		},
		"note": func(ctx context.Context, r *http.Request, p principal, t ticketing.Ticket) error {
			text, err := textField(r, "note", "eine Notiz", true)
			if err != nil {
				return err
			}
			_, err = s.cfg.Tickets.AddNote(ctx, ticketing.Note{TicketID: t.ID, Author: p.Name, Text: text, Internal: true})
			return err
		},
		"priority": func(ctx context.Context, r *http.Request, p principal, t ticketing.Ticket) error {
			pr := r.PostFormValue("priority")
			if !validOption(priorityOptions[1:], pr) {
				return &fieldError{"priority", "Bitte wählen Sie P1, P2, P3 oder P4."}
			}
			_, err := s.cfg.Tickets.Update(ctx, t.ID, ticketing.Patch{Priority: &pr}, p.Name)
			return err
		},
		"link-outage": func(ctx context.Context, r *http.Request, p principal, t ticketing.Ticket) error {
			oid, err := strconv.ParseInt(r.PostFormValue("outage"), 10, 64)
			if err != nil || oid <= 0 {
				return &fieldError{"outage", "Bitte wählen Sie eine Störung."}
			}
			_, err = s.cfg.Tickets.LinkOutage(ctx, t.ID, oid, p.Name) // audited there
			return err
		},
		"push-jira": func(ctx context.Context, r *http.Request, p principal, t ticketing.Ticket) error {
			return s.cfg.Tickets.Redeliver(ctx, t.ID, p.Name) // audited there
		},
		"major-incident": func(ctx context.Context, r *http.Request, p principal, t ticketing.Ticket) error {
			_, err := s.cfg.Tickets.MarkMajorIncident(ctx, t.ID, p.Name)
			return err
		},
		"resolve": func(ctx context.Context, r *http.Request, p principal, t ticketing.Ticket) error {
			text, err := textField(r, "resolution", "die Lösung", true)
			if err != nil {
				return err
			}
			if _, err = s.cfg.Tickets.Update(ctx, t.ID, ticketing.Patch{Status: ptr(ticketing.StatusResolved), Resolution: &text}, p.Name); err != nil {
				return err
			}
			s.resolutionToChat(ctx, p, t, text)
			return nil
		},
		"reopen": func(ctx context.Context, r *http.Request, p principal, t ticketing.Ticket) error {
			_, err := s.cfg.Tickets.Update(ctx, t.ID, ticketing.Patch{Status: ptr(ticketing.StatusOpen)}, p.Name)
			return err
		},
		"takeover": func(ctx context.Context, r *http.Request, p principal, t ticketing.Ticket) error {
			if err := s.setHeld(ctx, p, t, true); err != nil {
				return err
			}
			return s.takeOn(ctx, p, t)
		},
		"release": func(ctx context.Context, r *http.Request, p principal, t ticketing.Ticket) error {
			return s.setHeld(ctx, p, t, false)
		},
		"review": s.review,
	}
}

// resolutionToChat closes the loop in the web chat the ticket came from:
// the person sees the resolution there (by e-mail it goes through the
// outbox). The ticket is resolved already, so a failure is only logged.
func (s *Server) resolutionToChat(ctx context.Context, p principal, t ticketing.Ticket, text string) {
	conv, err := s.loadConversation(ctx, t)
	if err != nil || !s.liveCapable(t, conv) {
		return
	}
	msg := fmt.Sprintf("Ihr Anliegen %s ist erledigt: %s", t.Key, text)
	if t.Lang != "" && t.Lang != "de" {
		msg = fmt.Sprintf("Your request %s has been resolved: %s", t.Key, text)
	}
	if err := s.cfg.Live.AgentMessage(ctx, conv.ID, p.Name, msg); err != nil {
		s.log.Warn("desk: resolution to the chat", "ticket", t.Key, "err", err)
	}
}

// takeOn assigns the ticket to the agent who takes over the chat or
// replies, and moves a new or open ticket to "in Bearbeitung". A ticket
// another agent holds keeps its assignee.
func (s *Server) takeOn(ctx context.Context, p principal, t ticketing.Ticket) error {
	var patch ticketing.Patch
	if t.Assignee == "" {
		patch.Assignee = ptr(p.Name)
	}
	if t.Status == ticketing.StatusNew || t.Status == ticketing.StatusOpen {
		patch.Status = ptr(ticketing.StatusInProgress)
	}
	if patch.Assignee == nil && patch.Status == nil {
		return nil
	}
	_, err := s.cfg.Tickets.Update(ctx, t.ID, patch, p.Name)
	return err
}

func (s *Server) setHeld(ctx context.Context, p principal, t ticketing.Ticket, held bool) error {
	conv, err := s.loadConversation(ctx, t)
	if err != nil {
		return err
	}
	if !s.liveCapable(t, conv) {
		return &fieldError{"takeover", "Dieses Gespräch ist kein offener Web-Chat und kann nicht übernommen werden."}
	}
	if err := s.cfg.Live.SetAgentHeld(ctx, conv.ID, held, p.Name); err != nil {
		return s.liveError("takeover", err)
	}
	action := "chat.takeover"
	if !held {
		action = "chat.release"
	}
	s.audit(ctx, p.Name, action, t.Key, "conversation "+conv.ID)
	return nil
}

// liveError turns a failure of the web channel into a message for the
// takeover field; a vanished conversation is expected, the rest is logged.
func (s *Server) liveError(field string, err error) error {
	if errors.Is(err, assistant.ErrNotFound) {
		return &fieldError{field, "Das Gespräch ist nicht mehr gespeichert."}
	}
	s.log.Error("desk: live chat", "err", err)
	return &fieldError{field, "Der Web-Chat hat die Aktion nicht angenommen. Bitte versuchen Sie es noch einmal."}
}
