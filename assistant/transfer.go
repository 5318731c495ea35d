// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"context"
	"errors"
)

// summaryNoQuestion is the desk summary of a handover before the person
// said what it is about (the desk reads German).
const summaryNoQuestion = "Möchte direkt mit einer Mitarbeiterin oder einem Mitarbeiter sprechen; ein Anliegen wurde noch nicht genannt."

// ErrNoTickets is returned by Transfer when the assistant has no Tickets.
var ErrNoTickets = errors.New("assistant: no ticketing configured")

// Handover says why and how a channel hands a conversation to a human.
type Handover struct {
	Reason  string // "requested" when empty; else the reason the assistant offered the handoff for
	Lang    string // the conversation's language when empty
	Contact string // a callback contact, only with the user's explicit consent
}

// Transfer hands the conversation over to a human outside a turn, for a
// channel that connects the person itself (the phone dials the service
// desk after it). It opens the handoff ticket with the packet every
// handoff sends — redacted transcript, shown sources, the desk summary —
// and returns the ticket key, which names a committed ticket. The intent
// is that of the last answer about a topic, else human. conv is not
// changed; the channel records the handover. Without Tickets it returns
// ErrNoTickets.
func (a *Assistant) Transfer(ctx context.Context, conv *Conversation, h Handover) (string, error) {
	if a.cfg.Tickets == nil {
		return "", ErrNoTickets
	}
	e := Escalation{
		ConversationID: conv.ID,
		Channel:        conv.Channel,
		Audience:       conv.Audience,
		UserID:         conv.UserID,
		Lang:           h.Lang,
		Intent:         IntentHuman,
		Reason:         h.Reason,
		Sources:        shownSources(conv),
		Contact:        h.Contact,
	}
	if e.Lang == "" {
		e.Lang = conv.Lang
	}
	if e.Reason == "" {
		e.Reason = "requested"
	}
	for _, en := range conv.Entries {
		en.Text = Redact(en.Text)
		en.Sources = append([]Source(nil), en.Sources...)
		e.Transcript = append(e.Transcript, en)
		if en.Role == RoleAssistant && en.Intent != "" && en.Intent != IntentHuman && en.Intent != IntentSmalltalk {
			e.Intent = en.Intent
		}
	}
	extractive := a.summaryOf(conv.Entries, "")
	if extractive == "" {
		// Asked for a person before asking anything: the ticket still
		// needs a summary the desk can read.
		extractive = summaryNoQuestion
	}
	e.Summary = a.escalationSummary(ctx, extractive, e)
	e.Brief = a.brief(conv.Entries, "", e)
	return a.commitEscalation(ctx, e)
}
