// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

// recordingMailer records mails instead of sending them.
type recordingMailer struct {
	mu  sync.Mutex
	got []Mail
}

func (r *recordingMailer) Send(_ context.Context, m Mail) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, m)
	return nil
}

func testStatusTokenShowsOnlyItsTicket(t *testing.T, open opener) {
	s, clock := mustService(t, Config{Store: open(t), Mailer: &recordingMailer{}, StatusURL: "https://lotse.example/status", StatusTokenTTL: 30 * 24 * time.Hour})
	ctx := context.Background()
	a := mustEscalate(t, s, Escalation{ConversationID: "a", Summary: "A", Contact: "a@example.org"})
	b := mustEscalate(t, s, Escalation{ConversationID: "b", Summary: "B", Contact: "b@example.org"})
	noMail := mustEscalate(t, s, Escalation{ConversationID: "c", Summary: "C", Contact: "0171 2345678"})
	for _, tk := range []Ticket{a, b, noMail} {
		if _, err := s.AddNote(ctx, Note{TicketID: tk.ID, Author: "anna", Text: "Antwort an " + tk.Summary}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddNote(ctx, Note{TicketID: tk.ID, Author: "anna", Text: "geheim " + tk.Summary, Internal: true}); err != nil {
			t.Fatal(err)
		}
	}
	ta, _ := s.Get(ctx, a.ID)
	tb, _ := s.Get(ctx, b.ID)
	tc, _ := s.Get(ctx, noMail.ID)
	if ta.StatusToken == "" || tb.StatusToken == "" || ta.StatusToken == tb.StatusToken || tc.StatusToken != "" {
		t.Fatalf("tokens a=%q b=%q c=%q", ta.StatusToken, tb.StatusToken, tc.StatusToken)
	}
	mails, err := s.Mails(ctx, a.ID)
	if err != nil || len(mails) != 1 || !strings.Contains(mails[0].Body, "https://lotse.example/status/"+ta.StatusToken) {
		t.Fatalf("mails of a: %+v, %v", mails, err)
	}
	v, err := s.StatusByToken(ctx, ta.StatusToken)
	if err != nil {
		t.Fatal(err)
	}
	if v.Key != a.Key || len(v.Replies) != 1 || v.Replies[0].Text != "Antwort an A" {
		t.Errorf("status of a = %+v", v)
	}
	for _, bad := range []string{"", "x", strings.Repeat("A", 22), ta.StatusToken + "x", strings.ToUpper(ta.StatusToken)} {
		if _, err := s.StatusByToken(ctx, bad); !errors.Is(err, ErrNotFound) {
			t.Errorf("token %q: err %v, want ErrNotFound", bad, err)
		}
	}
	// The person answers on the status page: the note lands on a, is not
	// mailed back, and b is untouched.
	if err := s.AddStatusMessage(ctx, ta.StatusToken, "Danke, und wann ist er fertig?"); err != nil {
		t.Fatal(err)
	}
	if ms, _ := s.Mails(ctx, a.ID); len(ms) != 1 {
		t.Errorf("the person's own message was mailed back: %d mails", len(ms))
	}
	notes, _ := s.Notes(ctx, a.ID)
	if last := notes[len(notes)-1]; last.Author != CitizenAuthor || last.Text != "Danke, und wann ist er fertig?" {
		t.Errorf("last note of a = %+v", last)
	}
	if nb, _ := s.Notes(ctx, b.ID); len(nb) != 2 {
		t.Errorf("b has %d notes", len(nb))
	}
	// Resolved: the link works for the TTL, then answers not found.
	if _, err := s.Update(ctx, a.ID, Patch{Status: ptr(StatusResolved), Resolution: ptr("fertig")}, "anna"); err != nil {
		t.Fatal(err)
	}
	clock.Add(29 * 24 * time.Hour)
	if _, err := s.StatusByToken(ctx, ta.StatusToken); err != nil {
		t.Errorf("token within TTL: %v", err)
	}
	clock.Add(2 * 24 * time.Hour)
	if _, err := s.StatusByToken(ctx, ta.StatusToken); !errors.Is(err, ErrNotFound) {
		t.Errorf("expired token: err %v, want ErrNotFound", err)
	}
	if err := s.AddStatusMessage(ctx, ta.StatusToken, "noch da?"); !errors.Is(err, ErrNotFound) {
		t.Errorf("message on an expired token: %v", err)
	}
}

func testPrivacyCoversMails(t *testing.T, open opener) {
	s, clock := mustService(t, Config{Store: open(t), Mailer: &recordingMailer{}})
	ctx := context.Background()
	tk := mustEscalate(t, s, Escalation{ConversationID: "p", Summary: "P", Contact: "max@example.org"})
	if _, err := s.AddNote(ctx, Note{TicketID: tk.ID, Author: "anna", Text: "Antwort"}); err != nil {
		t.Fatal(err)
	}
	cur, _ := s.Get(ctx, tk.ID)
	data, err := s.store.SubjectData(ctx, Subject{Contact: "max@example.org"})
	if err != nil || len(data.Mails[tk.Key]) != 1 {
		t.Fatalf("export lacks the mail: %+v, %v", data.Mails, err)
	}
	if _, err := s.store.EraseSubject(ctx, Subject{Contact: "max@example.org"}, "dpo", clock.Now()); err != nil {
		t.Fatal(err)
	}
	if ms, _ := s.Mails(ctx, tk.ID); len(ms) != 0 {
		t.Errorf("%d mails kept after erasure", len(ms))
	}
	if _, err := s.StatusByToken(ctx, cur.StatusToken); !errors.Is(err, ErrNotFound) {
		t.Errorf("status link works after erasure: %v", err)
	}
}
