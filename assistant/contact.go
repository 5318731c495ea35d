// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// This file is the contact capture of a handoff: after the ticket is
// opened, the assistant offers the ways back to the person that fit the
// channel (stay in the chat, a reply by e-mail, a call back), states the
// purpose and retention of what they give (Art. 13 DSGVO) before anything
// is stored, and attaches an address or number given later in the same
// conversation to the open ticket.

// ContactAttacher is implemented by Tickets that can add a contact to a
// ticket after it was opened. Without it the assistant offers no contact
// capture.
type ContactAttacher interface {
	// AttachContact sets the contact (an e-mail address or a phone number
	// the person gave with consent) of the ticket key if r is its
	// reporter; ErrNotFound otherwise.
	AttachContact(ctx context.Context, key, contact string, r Requester) error
}

// Handover defaults.
const (
	// DefaultChatWait is the expected wait for an agent in the chat during
	// service hours.
	DefaultChatWait = 15 * time.Minute
	// DefaultPrivacyURL is the text of Art. 13 GDPR, linked when the city
	// configured no privacy page.
	DefaultPrivacyURL = "https://eur-lex.europa.eu/legal-content/DE/TXT/?uri=CELEX:32016R0679#d1e2254-1-1"
	// DefaultContactRetentionDays is how long a contact is kept when
	// Config.ContactRetentionDays is 0.
	DefaultContactRetentionDays = 30
)

// slotContactFor holds the key of the ticket a contact given next is
// attached to.
const slotContactFor = "contact_for"

// contactOffer returns the sentences after "handed over, ticket key":
// the ways back that fit the channel, and the consent sentence. It
// returns "" when no contact can be attached (phone: the dialog asks
// itself; no ContactAttacher).
func (a *Assistant) contactOffer(t *turn, key string) string {
	if _, ok := a.cfg.Tickets.(ContactAttacher); !ok || t.conv.Channel == "phone" {
		return ""
	}
	var parts []string
	if w := a.waitSentence(t); w != "" {
		parts = append(parts, w)
	}
	if a.cfg.EmailReplies {
		parts = append(parts, t.m.ContactByMail)
	}
	parts = append(parts, t.m.ContactByPhone)
	parts = append(parts, fmt.Sprintf(t.m.ContactConsent, key, a.contactRetentionDays(), a.privacyURL()))
	setSlot(t.conv, slotContactFor, key)
	return strings.Join(parts, " ")
}

// waitSentence is the honest expected wait for the chat: during service
// hours the configured wait, outside them the next opening (a public
// holiday counts as closed). Without a calendar it says nothing; on a
// channel without a live chat (REST) it says when the team is back.
func (a *Assistant) waitSentence(t *turn) string {
	h := a.cfg.ServiceHours
	if h == nil {
		return ""
	}
	now := a.cfg.Now()
	if h.Open(now) {
		if t.conv.Channel != "web" {
			return ""
		}
		wait := a.cfg.ChatWait
		if wait <= 0 {
			wait = DefaultChatWait
		}
		return fmt.Sprintf(t.m.WaitOpen, int(wait.Round(time.Minute)/time.Minute))
	}
	next, ok := h.NextOpen(now)
	if !ok {
		return ""
	}
	return fmt.Sprintf(t.m.WaitClosed, formatOpening(next.In(h.loc), t.lang, t.m))
}

// formatOpening names a time for a person: "Montag, 7. Dezember, 8:00
// Uhr", "Monday, 7 December, 08:00", and in the other languages the
// weekday of m with the date in numbers.
func formatOpening(at time.Time, lang string, m *messages) string {
	switch lang {
	case "de":
		days := [...]string{"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"}
		months := [...]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}
		return fmt.Sprintf("%s, %d. %s, %d:%02d Uhr", days[at.Weekday()], at.Day(), months[at.Month()-1], at.Hour(), at.Minute())
	case "en":
		return at.Format("Monday, 2 January, 15:04")
	}
	day := m.Weekdays[(int(at.Weekday())+6)%7] // Monday first
	if day == "" {
		return at.Format("02.01.2006 15:04")
	}
	return day + ", " + at.Format("02.01., 15:04")
}

func (a *Assistant) contactRetentionDays() int {
	if a.cfg.ContactRetentionDays > 0 {
		return a.cfg.ContactRetentionDays
	}
	return DefaultContactRetentionDays
}

func (a *Assistant) privacyURL() string {
	if a.cfg.PrivacyURL != "" {
		return a.cfg.PrivacyURL
	}
	return DefaultPrivacyURL
}

// maxContactExtraWords is how many other words a message may hold besides
// an address or number to count as giving it ("meine Nummer ist …"); a
// longer message is a question that happens to contain one.
const maxContactExtraWords = 8

// givenContact returns the e-mail address or phone number the message
// gives, if it is mainly that; kind is "email" or "phone". E-mail is only
// taken when replies by e-mail are offered.
func (a *Assistant) givenContact(raw string) (contact, kind string) {
	text := stripMarkup(raw)
	if a.cfg.EmailReplies {
		if m := emailRE.FindStringIndex(text); m != nil {
			rest := text[:m[0]] + " " + text[m[1]:]
			if len(strings.Fields(rest)) <= maxContactExtraWords {
				return text[m[0]:m[1]], "email"
			}
		}
	}
	if m := phoneRE.FindStringIndex(text); m != nil {
		rest := text[:m[0]] + " " + text[m[1]:]
		digits := 0
		for _, r := range text[m[0]:m[1]] {
			if r >= '0' && r <= '9' {
				digits++
			}
		}
		if digits >= 6 && len(strings.Fields(rest)) <= maxContactExtraWords {
			return strings.Join(strings.Fields(text[m[0]:m[1]]), " "), "phone"
		}
	}
	return "", ""
}

// takeContact attaches a contact given in this turn to the conversation's
// open ticket and confirms it back. ok is false when the message gives no
// contact: the turn goes on as usual.
func (a *Assistant) takeContact(ctx context.Context, t *turn) (ans Answer, ok bool, err error) {
	key := t.conv.Slots[slotContactFor]
	ca, can := a.cfg.Tickets.(ContactAttacher)
	if key == "" || !can {
		return Answer{}, false, nil
	}
	contact, kind := a.givenContact(t.raw)
	if contact == "" {
		return Answer{}, false, nil
	}
	ans = Answer{Intent: IntentHuman, Confidence: 1}
	err = ca.AttachContact(ctx, key, contact, Requester{ConversationID: t.conv.ID, UserID: t.conv.UserID})
	switch {
	case errors.Is(err, ErrNotFound):
		// The ticket is gone (erased): forget it and answer as usual.
		deleteSlot(t.conv, slotContactFor)
		return Answer{}, false, nil
	case err != nil:
		if isCtxErr(ctx, err) {
			return Answer{}, false, err
		}
		a.cfg.Logger.Error("assistant: attach contact failed", "conversation", t.conv.ID, "ticket", key, "err", err)
		ans.Text = t.m.ContactFailed
		return ans, true, nil
	}
	deleteSlot(t.conv, slotContactFor)
	if kind == "email" {
		ans.Text = fmt.Sprintf(t.m.ContactSavedMail, key, contact)
	} else {
		ans.Text = fmt.Sprintf(t.m.ContactSavedPhone, key, spellDigits(contact))
	}
	return ans, true, nil
}

// spellDigits writes a phone number so that it can be checked digit by
// digit: "0171 2345678" → "0 1 7 1 – 2 3 4 5 6 7 8".
func spellDigits(number string) string {
	var groups []string
	for _, g := range strings.FieldsFunc(number, func(r rune) bool { return r == ' ' || r == '/' || r == '-' || r == '(' || r == ')' }) {
		groups = append(groups, strings.Join(strings.Split(g, ""), " "))
	}
	return strings.Join(groups, " – ")
}
