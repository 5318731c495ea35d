// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/musterstadt/lotse/knowledge"
)

// maxSummaryRunes bounds the extractive summary of a handoff.
const maxSummaryRunes = 600

// handoff brings in a human. With ticketing it escalates the conversation
// and tells the user the ticket key; without, it says how to reach the
// service team. A failed escalation is retried on the next turn.
func (a *Assistant) handoff(ctx context.Context, t *turn, intent Intent, reason string) (Answer, error) {
	ans := Answer{Intent: intent, HandoffOffered: true, Confidence: 1}
	h := &Handoff{Reason: reason, Summary: a.summary(t)}
	ans.Handoff = h
	if a.cfg.Tickets == nil {
		ans.Text = t.m.NoTickets + " " + a.contact(t.m)
		return ans, nil
	}
	key, summary, err := a.escalate(ctx, t, intent, reason)
	if err != nil {
		if isCtxErr(ctx, err) {
			return Answer{}, err
		}
		a.cfg.Logger.Error("assistant: escalation failed; retrying next turn", "conversation", t.conv.ID, "reason", reason, "err", err)
		setSlot(t.conv, slotHandoffPending, reason)
		ans.Text = t.m.EscalateFail
		if a.cfg.HumanContact != "" {
			ans.Text += " " + fmt.Sprintf(t.m.ContactVia, a.cfg.HumanContact)
		}
		return ans, nil
	}
	deleteSlot(t.conv, slotHandoffPending)
	h.Ticket, h.Summary = key, summary
	ans.Text = fmt.Sprintf(t.m.Escalated, key)
	if offer := a.contactOffer(t, key); offer != "" {
		ans.Text += "\n\n" + offer
	}
	return ans, nil
}

// retryEscalation retries an escalation that failed in an earlier turn.
// On success the user learns the ticket key before this turn's answer.
func (a *Assistant) retryEscalation(ctx context.Context, t *turn, reason string) error {
	key, _, err := a.escalate(ctx, t, IntentHuman, reason)
	if err != nil {
		if isCtxErr(ctx, err) {
			return err
		}
		a.cfg.Logger.Error("assistant: escalation retry failed", "conversation", t.conv.ID, "err", err)
		return nil
	}
	deleteSlot(t.conv, slotHandoffPending)
	text := fmt.Sprintf(t.m.EscalateLater, key)
	t.emit(Chunk{Kind: ChunkNotice, Text: text})
	t.prefix = append(t.prefix, text)
	return nil
}

// escalate sends the handoff packet to ticketing, retrying once at once,
// and returns the ticket key and the packet's summary (see
// escalationSummary).
func (a *Assistant) escalate(ctx context.Context, t *turn, intent Intent, reason string) (key, summary string, err error) {
	conv := t.conv
	e := Escalation{
		ConversationID: conv.ID,
		Channel:        conv.Channel,
		Audience:       conv.Audience,
		UserID:         conv.UserID,
		Lang:           t.lang,
		Intent:         intent,
		Reason:         reason,
		Transcript:     a.transcript(t),
		Sources:        shownSources(conv),
		Confidence:     t.conf,
	}
	extractive := a.summary(t)
	if extractive == "" {
		extractive = summaryNoQuestion
	}
	e.Summary = a.escalationSummary(ctx, extractive, e)
	e.Brief = a.brief(conv.Entries, t.desk, e)
	key, err = a.commitEscalation(ctx, e)
	if err != nil {
		return "", "", err
	}
	return key, e.Summary, nil
}

// commitEscalation sends the packet to ticketing, retrying once at once.
func (a *Assistant) commitEscalation(ctx context.Context, e Escalation) (key string, err error) {
	for attempt := 0; attempt < 2; attempt++ {
		key, err = a.cfg.Tickets.Escalate(ctx, e)
		if err == nil && key != "" {
			return key, nil
		}
		if err == nil {
			err = errors.New("empty ticket key")
		}
		if isCtxErr(ctx, err) {
			break
		}
	}
	return "", fmt.Errorf("assistant: escalate: %w", err)
}

// contact says how to reach the service team without a ticket.
func (a *Assistant) contact(m *messages) string {
	if a.cfg.HumanContact != "" {
		return fmt.Sprintf(m.ContactVia, a.cfg.HumanContact)
	}
	return m.ContactNone
}

// transcript returns the conversation with the current user message,
// personal data redacted: the packet may leave the city's systems (Jira).
func (a *Assistant) transcript(t *turn) []Entry {
	out := make([]Entry, 0, len(t.conv.Entries)+1)
	for _, e := range t.conv.Entries {
		e.Text = Redact(e.Text)
		e.Sources = append([]Source(nil), e.Sources...)
		out = append(out, e)
	}
	return append(out, Entry{Role: RoleUser, Text: t.desk, At: a.cfg.Now()})
}

// summary is an extractive summary of what the user asked: their messages
// in order, redacted, without greetings, thanks and bare requests for a
// human, cut to maxSummaryRunes.
func (a *Assistant) summary(t *turn) string { return a.summaryOf(t.conv.Entries, t.desk) }

// summaryOf is summary over the entries and, unless empty, the current
// (already redacted) message.
func (a *Assistant) summaryOf(entries []Entry, current string) string {
	var parts []string
	add := func(text string) {
		sig := a.lex.signals(text)
		if sig.smalltalk != "" || sig.affirm || (sig.human && len(a.lex.terms(text).content) <= 2) {
			return
		}
		text = strings.Join(strings.Fields(text), " ")
		for _, p := range parts {
			if p == text {
				return
			}
		}
		parts = append(parts, text)
	}
	for _, e := range entries {
		if e.Role == RoleUser {
			add(Redact(e.Text))
		}
	}
	if current != "" {
		add(current)
	}
	return joinSummary(parts)
}

// joinSummary joins the summary parts into sentences and keeps the newest
// maxSummaryRunes.
func joinSummary(parts []string) string {
	for i, p := range parts {
		if i == len(parts)-1 {
			break
		}
		if !strings.HasSuffix(p, ".") && !strings.HasSuffix(p, "?") && !strings.HasSuffix(p, "!") && !strings.HasSuffix(p, "…") {
			parts[i] = p + "."
		}
	}
	s := strings.Join(parts, " ")
	if r := []rune(s); len(r) > maxSummaryRunes {
		s = string(r[len(r)-maxSummaryRunes:])
		s = "…" + s
	}
	return s
}

// shownSources returns the sources shown so far, without duplicates.
func shownSources(c *Conversation) []Source {
	var out []Source
	seen := map[string]bool{}
	for _, e := range c.Entries {
		for _, s := range e.Sources {
			if !seen[s.ID] {
				seen[s.ID] = true
				out = append(out, s)
			}
		}
	}
	return out
}

// ticketStatus answers "Stand von INC-1234?". For an unknown key and for a
// ticket of somebody else the answer is the same neutral sentence.
func (a *Assistant) ticketStatus(ctx context.Context, t *turn) (Answer, error) {
	ans := Answer{Intent: IntentTicketStatus, Confidence: 1}
	key := t.sig.ticketKey
	switch {
	case a.cfg.Tickets == nil:
		ans.Text = t.m.TicketNoDesk
		return a.offer(t, ans, "requested"), nil
	case key == "":
		ans.Text = t.m.TicketAskKey
		return ans, nil
	}
	st, err := a.cfg.Tickets.Status(ctx, key, Requester{ConversationID: t.conv.ID, UserID: t.conv.UserID})
	switch {
	case errors.Is(err, ErrNotFound):
		ans.Text = t.m.TicketUnknown
		return ans, nil
	case err != nil:
		if isCtxErr(ctx, err) {
			return Answer{}, err
		}
		a.cfg.Logger.Error("assistant: ticket status failed", "conversation", t.conv.ID, "key", key, "err", err)
		ans.Text = t.m.TicketError
		return ans, nil
	}
	if st.Key == "" {
		st.Key = key
	}
	lines := []string{fmt.Sprintf(t.m.TicketStatus, st.Key, statusWords(t.m, st.Status))}
	if !st.Updated.IsZero() {
		layout := "2006-01-02 15:04"
		if t.lang == "de" {
			layout = "02.01.2006, 15:04 Uhr"
		}
		lines = append(lines, fmt.Sprintf(t.m.TicketUpdated, st.Updated.Format(layout)))
	}
	if st.Summary != "" {
		lines = append(lines, fmt.Sprintf(t.m.TicketSummary, Redact(st.Summary)))
	}
	ans.Text = strings.Join(lines, "\n")
	return ans, nil
}

// incident passes the message to the incident intake, or, without
// ticketing, answers from the IT articles and offers a human.
func (a *Assistant) incident(ctx context.Context, t *turn) (Answer, error) {
	conv := t.conv
	if a.cfg.Tickets == nil {
		ans, err := a.serve(ctx, t, IntentITIncident)
		if err != nil {
			return Answer{}, err
		}
		ans.Intent = IntentITIncident
		if !ans.HandoffOffered {
			ans = a.offer(t, ans, "incident")
		}
		return ans, nil
	}
	own := map[string]string{}
	var intake map[string]string
	for k, v := range conv.Slots {
		if ownSlot(k) {
			own[k] = v
			continue
		}
		if intake == nil {
			intake = map[string]string{}
		}
		intake[k] = v
	}
	reply, err := a.intake.step(ctx, incidentStep{
		ConversationID: conv.ID,
		UserID:         conv.UserID,
		Channel:        conv.Channel,
		Lang:           t.lang,
		Slots:          intake,
		Text:           t.desk,
		Transcript:     a.transcript(t),
	})
	if err != nil {
		if isCtxErr(ctx, err) {
			return Answer{}, err
		}
		a.cfg.Logger.Error("assistant: incident intake failed", "conversation", conv.ID, "err", err)
		return a.offer(t, Answer{Text: t.m.IncidentError, Intent: IntentITIncident}, "incident"), nil
	}
	slots := own
	if !reply.Done {
		for k, v := range reply.Slots {
			if !ownSlot(k) {
				slots[k] = v
			}
		}
		slots[slotIntake] = "active"
	} else {
		delete(slots, slotIntake)
	}
	conv.Slots = nil
	for k, v := range slots {
		setSlot(conv, k, v)
	}
	ans := Answer{Text: reply.Text, Intent: IntentITIncident, Confidence: 1}
	if aff := reply.Slots[SlotOthersAffected]; !reply.Done && len(intake) == 0 && aff != AffectedSome && aff != AffectedAll {
		// The intake's first question: an IT article the message names
		// may fix one person's problem before anyone has to come (not
		// an outage that many share).
		if src, ok := a.selfHelp(ctx, t); ok {
			ans.Text += "\n\n" + selfHelpPointer(t.m.SelfHelp, src.Title, src.URL)
			ans.Sources = append(ans.Sources, src)
		}
	}
	if reply.TicketKey != "" {
		ans.HandoffOffered = true
		ans.Handoff = &Handoff{Reason: "incident", Summary: a.summary(t), Ticket: reply.TicketKey}
	}
	return ans, nil
}

// selfHelp returns the IT article among the first retrieved for the
// message that the message names (by its title or a synonym); false when
// there is none or retrieval fails (the intake goes on without it).
func (a *Assistant) selfHelp(ctx context.Context, t *turn) (Source, bool) {
	q := a.understand(t)
	r, err := a.retrieve(ctx, t, q)
	if err != nil {
		return Source{}, false
	}
	for _, c := range r.cands {
		if c.rank >= maxSelfHelpRank {
			break
		}
		if c.doc.Kind == knowledge.KindArticle && c.named > 0 && c.doc.Audience != knowledge.Citizen {
			return sourceOf(c, nil), true
		}
	}
	return Source{}, false
}

// maxSelfHelpRank bounds how far down retrieval's list a self-help
// article may stand.
const maxSelfHelpRank = 3

// historyEntries and historyTokens bound the history handed to a model.
const (
	historyEntries = 12
	historyTokens  = 2000
)

// recentHistory returns the last entries of a conversation for a prompt:
// at most 12, within about 2000 tokens (estimated as runes/4), oldest
// first, with personal data redacted. The newest entry is kept even when
// it alone is too long; its text is then cut from the front.
func recentHistory(entries []Entry) []Entry {
	var out []Entry
	budget := historyTokens * 4
	for i := len(entries) - 1; i >= 0 && len(out) < historyEntries; i-- {
		e := entries[i]
		e.Text = Redact(e.Text)
		n := len([]rune(e.Text))
		if n > budget {
			if len(out) > 0 {
				break
			}
			r := []rune(e.Text)
			e.Text = string(r[len(r)-budget:])
			n = budget
		}
		budget -= n
		out = append(out, e)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// statusWords says a ticket status in words ("in Bearbeitung", not
// "in_progress"); a status from an external system that is not one of
// ticketing's is shown as it is, redacted.
func statusWords(m *messages, status string) string {
	switch status {
	case "new":
		return m.StatusNew
	case "open":
		return m.StatusOpen
	case "in_progress":
		return m.StatusInProgress
	case "waiting":
		return m.StatusWaiting
	case "resolved":
		return m.StatusResolved
	case "closed":
		return m.StatusClosed
	}
	return Redact(status)
}

// selfHelpPointer fills the pointer to an article (format: title, then
// address); an article without an address is named alone, with no empty
// "()".
func selfHelpPointer(format, title, url string) string {
	if url != "" {
		return fmt.Sprintf(format, title, url)
	}
	return strings.TrimSpace(strings.TrimSuffix(fmt.Sprintf(format, title, ""), "()"))
}
