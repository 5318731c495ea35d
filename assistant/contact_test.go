// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"
)

// contactTickets is fakeTickets that also keeps contacts given later. It
// records, for each attached contact, whether the consent sentence had
// been shown in the conversation before.
type contactTickets struct {
	*fakeTickets
	conv     *Conversation
	mu       sync.Mutex
	attached map[string]string // ticket key → contact
	informed []bool            // per attach: consent sentence shown before
}

func (c *contactTickets) AttachContact(_ context.Context, key, contact string, r Requester) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if r.ConversationID != c.conv.ID {
		return ErrNotFound
	}
	shown := false
	for _, e := range c.conv.Entries {
		if e.Role == RoleAssistant && strings.Contains(e.Text, "Art. 13 DSGVO") {
			shown = true
		}
	}
	if c.attached == nil {
		c.attached = map[string]string{}
	}
	c.attached[key] = contact
	c.informed = append(c.informed, shown)
	return nil
}

func TestContactGivenLaterAttachesToOpenTicket(t *testing.T) {
	conv := &Conversation{ID: "c-contact", Channel: "web", Audience: "citizen"}
	ct := &contactTickets{fakeTickets: &fakeTickets{}, conv: conv}
	a := mustAssistant(t, func(c *Config) {
		c.Tickets = ct
		c.EmailReplies = true
		c.PrivacyURL = "https://www.musterstadt.example/datenschutz"
	})
	ctx := context.Background()
	ans, err := a.Ask(ctx, conv, Message{Text: "Ich möchte mit einem Mitarbeiter sprechen", Lang: "de"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"LOT-1", "E-Mail-Adresse", "Telefonnummer", "Art. 13 DSGVO", "https://www.musterstadt.example/datenschutz", "30 Tage"} {
		if !strings.Contains(ans.Text, want) {
			t.Errorf("handoff answer lacks %q:\n%s", want, ans.Text)
		}
	}
	if len(ct.attached) != 0 {
		t.Fatalf("contact stored before the person gave one: %v", ct.attached)
	}
	// Something else first, then the address.
	if _, err := a.Ask(ctx, conv, Message{Text: "Danke!", Lang: "de"}); err != nil {
		t.Fatal(err)
	}
	ans, err = a.Ask(ctx, conv, Message{Text: "Meine Mail ist max.muster@example.org", Lang: "de"})
	if err != nil {
		t.Fatal(err)
	}
	if got := ct.attached["LOT-1"]; got != "max.muster@example.org" {
		t.Fatalf("attached %q to LOT-1, want the address", got)
	}
	if len(ct.escalations) != 1 {
		t.Errorf("%d tickets, want the one open ticket", len(ct.escalations))
	}
	if !strings.Contains(ans.Text, "max.muster@example.org") || !strings.Contains(ans.Text, "LOT-1") || len(ans.Sources) != 0 {
		t.Errorf("contact not confirmed back (or answered as a question): %+v", ans)
	}
	for i, ok := range ct.informed {
		if !ok {
			t.Errorf("contact %d stored before the consent sentence was shown", i)
		}
	}
	// Once given, a number later is a message like any other.
	if _, err := a.Ask(ctx, conv, Message{Text: "0171 2345678", Lang: "de"}); err != nil {
		t.Fatal(err)
	}
	if len(ct.informed) != 1 {
		t.Errorf("a second contact was attached without a new offer")
	}
}

func TestContactPhoneNumberConfirmedDigitByDigit(t *testing.T) {
	conv := &Conversation{ID: "c-phone", Channel: "web", Audience: "citizen"}
	ct := &contactTickets{fakeTickets: &fakeTickets{}, conv: conv}
	a := mustAssistant(t, func(c *Config) { c.Tickets = ct })
	ctx := context.Background()
	ans, err := a.Ask(ctx, conv, Message{Text: "Mitarbeiter", Lang: "de"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(ans.Text, "E-Mail") {
		t.Errorf("e-mail offered without SMTP: %s", ans.Text)
	}
	ans, err = a.Ask(ctx, conv, Message{Text: "Bitte rufen Sie mich an: 0171 2345678", Lang: "de"})
	if err != nil {
		t.Fatal(err)
	}
	if ct.attached["LOT-1"] != "0171 2345678" {
		t.Fatalf("attached %v", ct.attached)
	}
	if !strings.Contains(ans.Text, "0 1 7 1 – 2 3 4 5 6 7 8") {
		t.Errorf("number not read back digit by digit: %s", ans.Text)
	}
}

func TestNoContactTakenWithoutHandoff(t *testing.T) {
	conv := &Conversation{ID: "c-none", Channel: "web", Audience: "citizen"}
	ct := &contactTickets{fakeTickets: &fakeTickets{}, conv: conv}
	a := mustAssistant(t, func(c *Config) { c.Tickets = ct; c.EmailReplies = true })
	if _, err := a.Ask(context.Background(), conv, Message{Text: "max@example.org", Lang: "de"}); err != nil {
		t.Fatal(err)
	}
	if len(ct.attached) != 0 {
		t.Errorf("contact attached without a handoff: %v", ct.attached)
	}
}

func TestWaitMessageNamesNextWorkingDay(t *testing.T) {
	cet := time.FixedZone("CET", 3600)
	hours, err := ParseServiceHours("Mo-Do 08:00-16:00; Fr 08:00-12:30", "", cet)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		now  time.Time
		want string
	}{
		{"evening before the weekend", time.Date(2026, 11, 27, 14, 0, 0, 0, cet), "Montag, 30. November, 8:00 Uhr"},
		{"Christmas Eve to after the holidays", time.Date(2026, 12, 24, 18, 0, 0, 0, cet), "Montag, 28. Dezember, 8:00 Uhr"},
		{"Maundy Thursday over Easter", time.Date(2026, 4, 2, 17, 0, 0, 0, cet), "Dienstag, 7. April, 8:00 Uhr"},
		{"early morning", time.Date(2026, 11, 26, 6, 30, 0, 0, cet), "Donnerstag, 26. November, 8:00 Uhr"},
		{"on Ascension Day", time.Date(2026, 5, 14, 10, 0, 0, 0, cet), "Freitag, 15. Mai, 8:00 Uhr"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conv := &Conversation{ID: "c-wait", Channel: "web", Audience: "citizen"}
			ct := &contactTickets{fakeTickets: &fakeTickets{}, conv: conv}
			a := mustAssistant(t, func(c *Config) {
				c.Tickets, c.ServiceHours = ct, hours
				c.Now = func() time.Time { return tt.now }
			})
			ans, err := a.Ask(context.Background(), conv, Message{Text: "Mitarbeiter", Lang: "de"})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(ans.Text, "ab "+tt.want) {
				t.Errorf("wait message lacks %q:\n%s", tt.want, ans.Text)
			}
		})
	}
	t.Run("open", func(t *testing.T) {
		conv := &Conversation{ID: "c-open", Channel: "web", Audience: "citizen"}
		ct := &contactTickets{fakeTickets: &fakeTickets{}, conv: conv}
		a := mustAssistant(t, func(c *Config) {
			c.Tickets, c.ServiceHours, c.ChatWait = ct, hours, 20*time.Minute
			c.Now = func() time.Time { return time.Date(2026, 11, 26, 10, 0, 0, 0, cet) }
		})
		ans, err := a.Ask(context.Background(), conv, Message{Text: "Mitarbeiter", Lang: "de"})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(ans.Text, "im Chat bleiben") || !strings.Contains(ans.Text, "20 Minuten") {
			t.Errorf("no expected wait during service hours:\n%s", ans.Text)
		}
	})
}

func TestHolidaysComputed(t *testing.T) {
	easter := map[int]string{2024: "2024-03-31", 2025: "2025-04-20", 2026: "2026-04-05", 2027: "2027-03-28", 2038: "2038-04-25", 2285: "2285-03-22"}
	for y, want := range easter {
		if got := easterSunday(y).Format("2006-01-02"); got != want {
			t.Errorf("Easter %d = %s, want %s", y, got, want)
		}
	}
	h, err := ParseServiceHours("Mo-Fr 08:00-16:00", "SN", time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		date string
		name string
	}{
		{"2027-05-17", "Pfingstmontag"},
		{"2026-10-03", "Tag der Deutschen Einheit"},
		{"2026-11-18", "Buß- und Bettag"},
		{"2030-04-19", "Karfreitag"},
	} {
		d, _ := time.Parse("2006-01-02", tt.date)
		if name, ok := h.Holiday(d.Add(10 * time.Hour)); !ok || name != tt.name {
			t.Errorf("%s: holiday %q %v, want %q", tt.date, name, ok, tt.name)
		}
	}
	if _, ok := h.Holiday(time.Date(2026, 11, 1, 10, 0, 0, 0, time.UTC)); ok {
		t.Errorf("Allerheiligen is no holiday in Saxony")
	}
}

func TestParseServiceHoursErrors(t *testing.T) {
	for _, spec := range []string{"", "Mo-Fr", "Xx 08:00-16:00", "Mo 16:00-08:00", "Mo 25:00-26:00", strings.Repeat("Mo 08:00-09:00;", 50)} {
		if _, err := ParseServiceHours(spec, "", time.UTC); err == nil {
			t.Errorf("ParseServiceHours(%.30q) = nil error", spec)
		}
	}
	if _, err := ParseServiceHours("Mo-Fr 08:00-16:00", "XX", time.UTC); err == nil {
		t.Errorf("unknown Land accepted")
	}
}

func TestWaitMessageInTurkish(t *testing.T) {
	cet := time.FixedZone("CET", 3600)
	hours, err := ParseServiceHours("Mo-Fr 08:00-16:00", "", cet)
	if err != nil {
		t.Fatal(err)
	}
	conv := &Conversation{ID: "c-tr", Channel: "web", Audience: "citizen"}
	ct := &contactTickets{fakeTickets: &fakeTickets{}, conv: conv}
	a := mustAssistant(t, func(c *Config) {
		c.Tickets, c.ServiceHours = ct, hours
		c.Now = func() time.Time { return time.Date(2026, 12, 24, 18, 0, 0, 0, cet) }
	})
	ans, err := a.Ask(context.Background(), conv, Message{Text: "Mitarbeiter", Lang: "tr"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Text, "Pazartesi, 28.12., 08:00") || strings.Contains(ans.Text, "%!") {
		t.Errorf("Turkish wait message:\n%s", ans.Text)
	}
}
