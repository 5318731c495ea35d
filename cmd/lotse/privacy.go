// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/musterstadt/lotse/ticketing"
)

// runPrivacy answers data-protection requests: `export` writes everything
// stored about a person as JSON (DSGVO Art. 15), `erase` deletes their
// conversations and anonymises their tickets (Art. 17).
func runPrivacy(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	const usage = "usage: lotse privacy export|erase (--session ID | --ticket KEY | --contact PHONE_OR_EMAIL | --iban IBAN | --name NAME | --user NAME) [--out FILE] [--yes]"
	if len(args) > 0 && args[0] == "scrub" {
		return runScrub(ctx, args[1:], getenv, stdout, stderr)
	}
	if len(args) == 0 || (args[0] != "export" && args[0] != "erase") {
		return errors.New(usage)
	}
	action := args[0]
	var sub ticketing.Subject
	var out, actor string
	var yes bool
	cfg, _, err := parseConfig("privacy "+action, args[1:], getenv, stderr, func(fs *flag.FlagSet, c *Config) {
		fs.StringVar(&sub.ConversationID, "session", "", "conversation (session) ID")
		fs.StringVar(&sub.Contact, "contact", "", "phone number or e-mail address the person gave (searched in every stored text)")
		fs.StringVar(&sub.IBAN, "iban", "", "IBAN the person gave (searched in every stored text)")
		fs.StringVar(&sub.Name, "name", "", "the person's name (searched as whole words in every stored text)")
		fs.StringVar(&sub.UserID, "user", "", "employee user name")
		fs.StringVar(&sub.TicketKey, "ticket", "", "ticket key the person was given (covers its conversation)")
		fs.StringVar(&out, "out", "", "export: write to this file instead of stdout")
		fs.BoolVar(&yes, "yes", false, "erase: really erase (without it, only say what would be erased)")
		fs.StringVar(&actor, "actor", "cli", "name written to the audit log")
	})
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()

	data, err := st.SubjectData(ctx, sub)
	if errors.Is(err, ticketing.ErrNotFound) {
		fmt.Fprintln(stdout, "Zu dieser Person sind keine Daten gespeichert.")
		return nil
	}
	if err != nil {
		return fmt.Errorf("privacy: %w", err)
	}
	if action == "export" {
		return writeExport(stdout, out, data)
	}
	if !yes {
		fmt.Fprintf(stdout, "Würde löschen: %d Gespräche; anonymisieren: %d Tickets; schwärzen: %d Notizen, %d Audit-Einträge, %d Outbox-Fehler. Mit --yes ausführen.\n",
			len(data.Conversations), len(data.Tickets), len(data.MentionedIn), len(data.Audit), len(data.OutboxErrors))
		return nil
	}
	er, err := st.EraseSubject(ctx, sub, actor, time.Now())
	if err != nil {
		return fmt.Errorf("privacy: %w", err)
	}
	fmt.Fprintf(stdout, "Gelöscht: %d Gespräche; anonymisiert: %d Tickets %v; geschwärzt: %d Notizen, %d Audit-Einträge, %d Outbox-Fehler.\n",
		er.Conversations, len(er.Tickets), er.Tickets, er.Notes, er.Audit, er.Outbox)
	if !er.Scrubbed {
		fmt.Fprintln(stdout, "Achtung: Ein anderer Prozess (lotse serve?) hält die Datenbank offen; das Write-Ahead-Log konnte nicht geleert werden. Nach dem Beenden erneut ausführen oder `lotse privacy scrub` aufrufen.")
	}
	if len(er.External) > 0 {
		fmt.Fprintf(stdout, "Achtung: Kopien in Jira müssen dort gelöscht werden: %v\n", er.External)
	}
	return nil
}

// runScrub rewrites the database files so that erased data is gone from
// them; `privacy erase` does it too, but cannot finish while `lotse serve`
// holds the database open.
func runScrub(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, _, err := parseConfig("privacy scrub", args, getenv, stderr, nil)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	done, err := st.Scrub(ctx)
	if err != nil {
		return fmt.Errorf("privacy: scrub: %w", err)
	}
	if !done {
		return errors.New("privacy: scrub: another process holds the database open; stop it and run again")
	}
	fmt.Fprintln(stdout, "Datenbankdateien bereinigt: gelöschte Inhalte sind überschrieben, das Write-Ahead-Log ist leer.")
	return nil
}

// writeExport writes the subject's data as indented JSON; stored
// conversations are embedded as JSON, not as opaque bytes.
func writeExport(stdout io.Writer, out string, d ticketing.SubjectData) error {
	type conv struct {
		ID        string          `json:"id"`
		Channel   string          `json:"channel"`
		CreatedAt time.Time       `json:"created_at"`
		UpdatedAt time.Time       `json:"updated_at"`
		Data      json.RawMessage `json:"data"`
	}
	doc := struct {
		ExportedAt    time.Time                   `json:"exported_at"`
		Subject       ticketing.Subject           `json:"subject"`
		Conversations []conv                      `json:"conversations"`
		Tickets       []ticketing.Ticket          `json:"tickets"`
		Notes         map[string][]ticketing.Note `json:"notes"`
		MentionedIn   []ticketing.Note            `json:"mentioned_in_notes,omitempty"`
		Audit         []ticketing.AuditEntry      `json:"audit,omitempty"`
		OutboxErrors  map[int64]string            `json:"outbox_errors,omitempty"`
	}{ExportedAt: time.Now().UTC(), Subject: d.Subject, Tickets: d.Tickets, Notes: d.Notes,
		MentionedIn: d.MentionedIn, Audit: d.Audit, OutboxErrors: d.OutboxErrors}
	for _, c := range d.Conversations {
		raw := json.RawMessage(c.Data)
		if !json.Valid(raw) {
			raw, _ = json.Marshal(string(c.Data))
		}
		doc.Conversations = append(doc.Conversations, conv{ID: c.ID, Channel: c.Channel, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt, Data: raw})
	}
	w := stdout
	if out != "" {
		f, err := os.OpenFile(out, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
		if err != nil {
			return fmt.Errorf("privacy: %w", err)
		}
		defer f.Close()
		w = f
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
