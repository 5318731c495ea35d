// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestSubjectMatcher(t *testing.T) {
	tests := []struct {
		sub  Subject
		text string
		want bool
	}{
		{Subject{Contact: "erika@example.org"}, `{"text":"Schreiben Sie an Erika@Example.org bitte"}`, true},
		{Subject{Contact: "erika@example.org"}, "erika@example.com", false},
		{Subject{Contact: "0171 1234567"}, "Rückruf unter +49 (171) 123 45 67 erbeten", true},
		{Subject{Contact: "+49 171 1234567"}, "Tel. 0171/1234567", true},
		{Subject{Contact: "+49 171 1234567"}, "Tel. 0049 171-1234567", true},
		{Subject{Contact: "030 1234567"}, "+49 (0)30 123 45 67", true},
		{Subject{Contact: "030 1234567"}, "Az. 12, dann +49 30 1234567", true},
		{Subject{Contact: "030 1234567"}, "Ticket 030 1234 und 567", false},
		{Subject{Contact: "030 1234567"}, "0301234568", false},
		{Subject{IBAN: "DE89 3704 0044 0532 0130 00"}, "IBAN de89370400440532013000 für die Erstattung", true},
		{Subject{IBAN: "DE89370400440532013000"}, "DE89 3704 0044 0532 0130 00", true},
		{Subject{IBAN: "DE89370400440532013000"}, "DE89 3704 0044 0532 0130 01", false},
		{Subject{Name: "Erika Mustermann"}, "Ich bin erika  mustermann aus Köln", true},
		{Subject{Name: "Müller"}, "Frau Müller hat angerufen", true},
		{Subject{Name: "Müller"}, "Müllerstraße 5", false},
		{Subject{Name: "Anna"}, "Annahme verweigert", false},
	}
	for _, tt := range tests {
		if got := subjectMatcher(tt.sub)(tt.text); got != tt.want {
			t.Errorf("%+v in %q = %v, want %v", tt.sub, tt.text, got, tt.want)
		}
	}
}

const (
	testIBAN        = "DE89 3704 0044 0532 0130 00"
	testIBANCompact = "DE89370400440532013000"
)

// TestEraseByIdentifierFindsEverything reproduces findings 6 and 7 of
// issue 20: export by an e-mail address found nothing although stored
// conversations held it, and after an erasure the IBAN was still in the
// database file and its write-ahead log. Now every stored text is searched
// and the files are scanned byte by byte after the erasure.
func TestEraseByIdentifierFindsEverything(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := Open(ctx, filepath.Join(dir, "lotse.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	svc, clock := mustService(t, Config{Store: st})
	now := clock.Now()
	for _, c := range []ConversationRecord{
		{ID: "c-mail", Audience: "citizen", Channel: "web", Data: []byte(`{"entries":[{"text":"Meine Adresse: erika.m@example.org, IBAN ` + testIBAN + `"}]}`), CreatedAt: now, UpdatedAt: now},
		{ID: "c-other", Audience: "citizen", Channel: "web", Data: []byte(`{"entries":[{"text":"Wann hat das Bürgerbüro offen?"}]}`), CreatedAt: now, UpdatedAt: now},
	} {
		if err := st.SaveConversation(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	// A ticket of a phone call (no conversation link) with the IBAN in the
	// transcript, and another person's ticket whose note mentions the IBAN.
	a := mustEscalate(t, svc, Escalation{ConversationID: "call-1", Channel: "phone", Audience: "citizen", Summary: "Erstattung Gebühr",
		Transcript: []Message{{Role: "user", Text: "Bitte auf " + strings.ReplaceAll(testIBAN, " ", "") + " überweisen", At: now}}})
	b := mustEscalate(t, svc, Escalation{ConversationID: "c-other", Channel: "web", Audience: "citizen", Summary: "Öffnungszeiten"})
	if _, err := svc.AddNote(ctx, Note{TicketID: b.ID, Author: "agent", Text: "Verwechslung mit Konto " + testIBAN}); err != nil {
		t.Fatal(err)
	}
	if err := st.Audit(ctx, AuditEntry{Who: "agent", Action: "ticket.note", Target: b.Key, Detail: "IBAN " + testIBAN + " geprüft", At: now}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.db.ExecContext(ctx, `INSERT INTO outbox (ticket_id, action, next_attempt_at, created_at, last_error) VALUES (?, 'create', 0, 0, ?)`,
		a.ID, "jira 400: field description: IBAN "+testIBAN+" rejected; contact erika.m@example.org"); err != nil {
		t.Fatal(err)
	}
	// Make the data old enough to sit in the database file, not only in
	// the log.
	if _, err := st.db.ExecContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`); err != nil {
		t.Fatal(err)
	}

	d, err := st.SubjectData(ctx, Subject{Contact: "Erika.M@example.org"})
	if err != nil {
		t.Fatalf("export by e-mail: %v", err)
	}
	if len(d.Conversations) != 1 || d.Conversations[0].ID != "c-mail" || len(d.OutboxErrors) != 1 {
		t.Errorf("export by e-mail: %d conversations, %d outbox errors", len(d.Conversations), len(d.OutboxErrors))
	}
	d, err = st.SubjectData(ctx, Subject{IBAN: testIBANCompact})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Conversations) != 1 || len(d.Tickets) != 1 || d.Tickets[0].Key != a.Key || len(d.MentionedIn) != 1 || len(d.Audit) != 1 || len(d.OutboxErrors) != 1 {
		t.Errorf("export by IBAN: conv %d, tickets %v, notes %d, audit %d, outbox %d",
			len(d.Conversations), d.Tickets, len(d.MentionedIn), len(d.Audit), len(d.OutboxErrors))
	}

	er, err := st.EraseSubject(ctx, Subject{IBAN: testIBAN}, "admin", now.Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if er.Conversations != 1 || len(er.Tickets) != 1 || er.Notes != 1 || er.Audit != 1 || er.Outbox != 1 || !er.Scrubbed {
		t.Errorf("erasure = %+v", er)
	}
	if _, err := st.LoadConversation(ctx, "c-other"); err != nil {
		t.Errorf("another person's conversation went: %v", err)
	}
	if got, _ := svc.Get(ctx, b.ID); got.Summary != "Öffnungszeiten" {
		t.Errorf("another person's ticket was anonymised: %+v", got)
	}
	scan := func(when string) {
		t.Helper()
		files, _ := filepath.Glob(filepath.Join(dir, "lotse.db*"))
		if len(files) == 0 {
			t.Fatal("no database files")
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, needle := range []string{testIBAN, testIBANCompact, "0532 0130", "erika.m@example.org"} {
				if bytes.Contains(b, []byte(needle)) {
					t.Errorf("%s: %s still holds %q (%d bytes)", when, filepath.Base(f), needle, len(b))
				}
			}
		}
	}
	scan("after erase")
	st.Close()
	scan("after close")
}
