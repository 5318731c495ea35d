// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func testSubjectDataAndErasure(t *testing.T, open opener) {
	ctx := context.Background()
	st := open(t)
	svc, clock := mustService(t, Config{Store: st})
	now := clock.Now()
	for _, c := range []ConversationRecord{
		{ID: "conv-a", Audience: "citizen", Channel: "web", Data: []byte(`{"entries":[{"text":"Meine Nummer ist 0171 1234567"}]}`), CreatedAt: now, UpdatedAt: now},
		{ID: "conv-b", Audience: "citizen", Channel: "web", Data: []byte(`{}`), CreatedAt: now, UpdatedAt: now},
	} {
		if err := st.SaveConversation(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	a := mustEscalate(t, svc, Escalation{ConversationID: "conv-a", Channel: "web", Audience: "citizen", Summary: "Rückruf zum Reisepass",
		Contact: "0171 1234567", Transcript: []Message{{Role: "user", Text: "Bitte rufen Sie mich an: 0171 1234567", At: now}}})
	b := mustEscalate(t, svc, Escalation{ConversationID: "conv-b", Channel: "web", Audience: "citizen", Summary: "Andere Person"})
	if _, err := svc.AddNote(ctx, Note{TicketID: a.ID, Author: "agent", Text: "Rückruf vereinbart"}); err != nil {
		t.Fatal(err)
	}

	for _, sub := range []Subject{{ConversationID: "conv-a"}, {Contact: "0171 1234567"}} {
		d, err := st.SubjectData(ctx, sub)
		if err != nil {
			t.Fatalf("SubjectData(%+v): %v", sub, err)
		}
		if len(d.Tickets) != 1 || d.Tickets[0].Key != a.Key {
			t.Errorf("SubjectData(%+v) tickets = %+v, want only %s", sub, d.Tickets, a.Key)
		}
		if len(d.Notes[a.Key]) != 1 {
			t.Errorf("SubjectData(%+v) notes = %+v", sub, d.Notes)
		}
	}
	if _, err := st.SubjectData(ctx, Subject{Contact: "nobody@example.org"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown subject: err = %v, want ErrNotFound", err)
	}
	if _, err := st.SubjectData(ctx, Subject{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("empty subject: err = %v, want ErrInvalid", err)
	}

	er, err := st.EraseSubject(ctx, Subject{ConversationID: "conv-a"}, "admin", now.Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if er.Conversations != 1 || len(er.Tickets) != 1 || er.Tickets[0] != a.Key {
		t.Errorf("erasure = %+v", er)
	}
	if _, err := st.LoadConversation(ctx, "conv-a"); !errors.Is(err, ErrNotFound) {
		t.Errorf("conversation survived erasure: %v", err)
	}
	got, err := svc.Get(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Contact != "" || len(got.Transcript) != 0 || got.Summary != ErasedText || got.ConversationID != "" {
		t.Errorf("ticket not anonymised: %+v", got)
	}
	if ns, _ := svc.Notes(ctx, a.ID); len(ns) != 0 {
		t.Errorf("notes survived erasure: %+v", ns)
	}
	// The other person's data is untouched.
	if other, _ := svc.Get(ctx, b.ID); other.Summary != "Andere Person" {
		t.Errorf("erasure touched another ticket: %+v", other)
	}
	if _, err := st.LoadConversation(ctx, "conv-b"); err != nil {
		t.Errorf("erasure touched another conversation: %v", err)
	}
	audit, err := st.ListAudit(ctx, AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range audit {
		if e.Action == "privacy.erase" {
			found = true
			if strings.Contains(e.Target+e.Detail, "1234567") {
				t.Errorf("audit entry repeats personal data: %+v", e)
			}
		}
	}
	if !found {
		t.Error("erasure not in the audit log")
	}
	if _, err := st.EraseSubject(ctx, Subject{ConversationID: "conv-a"}, "admin", now); !errors.Is(err, ErrNotFound) {
		t.Errorf("second erasure: err = %v, want ErrNotFound", err)
	}
}
