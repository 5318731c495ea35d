// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func testAttachContact(t *testing.T, open opener) {
	s, _ := mustService(t, Config{Store: open(t)})
	ctx := context.Background()
	tk := mustEscalate(t, s, Escalation{ConversationID: "conv-1", Channel: "web", Summary: "Frage zum Reisepass"})
	if err := s.AttachContact(ctx, tk.Key, "max@example.org", Requester{ConversationID: "conv-2"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("other conversation: err = %v, want ErrNotFound", err)
	}
	if err := s.AttachContact(ctx, "LOT-999", "max@example.org", Requester{ConversationID: "conv-1"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown key: err = %v, want ErrNotFound", err)
	}
	for _, bad := range []string{"", "a\nb", strings.Repeat("x", 300)} {
		if err := s.AttachContact(ctx, tk.Key, bad, Requester{ConversationID: "conv-1"}); !errors.Is(err, ErrInvalid) {
			t.Errorf("contact %.20q: err = %v, want ErrInvalid", bad, err)
		}
	}
	if err := s.AttachContact(ctx, strings.ToLower(tk.Key), " max@example.org ", Requester{ConversationID: "conv-1"}); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetByKey(ctx, tk.Key)
	if err != nil {
		t.Fatal(err)
	}
	if got.Contact != "max@example.org" {
		t.Errorf("contact = %q", got.Contact)
	}
}

func testClearContactsResolvedBefore(t *testing.T, open opener) {
	s, clock := mustService(t, Config{Store: open(t)})
	ctx := context.Background()
	done := mustEscalate(t, s, Escalation{ConversationID: "a", Summary: "eins", Contact: "max@example.org"})
	pending := mustEscalate(t, s, Escalation{ConversationID: "b", Summary: "zwei", Contact: "0171 2345678"})
	if _, err := s.Update(ctx, done.ID, Patch{Status: ptr(StatusResolved)}, "agent"); err != nil {
		t.Fatal(err)
	}
	clock.Add(31 * 24 * time.Hour)
	n, err := s.store.ClearContactsResolvedBefore(ctx, clock.Now().AddDate(0, 0, -30))
	if err != nil || n != 1 {
		t.Fatalf("cleared %d, err %v; want 1", n, err)
	}
	if got, _ := s.Get(ctx, done.ID); got.Contact != "" {
		t.Errorf("contact of the resolved ticket kept: %q", got.Contact)
	}
	if got, _ := s.Get(ctx, pending.ID); got.Contact == "" {
		t.Errorf("contact of the open ticket removed")
	}
}

func testEscalationDescriptionIsTheBrief(t *testing.T, open opener) {
	s, _ := mustService(t, Config{Store: open(t)})
	brief := "Leistung: Reisepass beantragen (leistungen/reisepass)\nAnliegen: Die Person fragt nach den Kosten zu „Reisepass beantragen“."
	tk := mustEscalate(t, s, Escalation{ConversationID: "c", Summary: "Was kostet ein Reisepass?", Reason: "requested", Brief: brief})
	if !strings.HasPrefix(tk.Description, brief) || !strings.Contains(tk.Description, "Was kostet ein Reisepass?") {
		t.Errorf("description = %q", tk.Description)
	}
	plain := mustEscalate(t, s, Escalation{ConversationID: "d", Summary: "Frage", Reason: "requested"})
	if !strings.Contains(plain.Description, "Grund der Übergabe: auf Wunsch der Person") {
		t.Errorf("description without brief = %q", plain.Description)
	}
}
