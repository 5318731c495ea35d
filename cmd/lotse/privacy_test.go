// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPrivacyExportAndErase(t *testing.T) {
	dataDir := t.TempDir()
	srv := mustStartServer(t, func(c *Config) { c.DataDir = dataDir })
	_, first, _ := postChat(t, srv.URL(), `{"message":"Was kostet ein Reisepass? Ich heiße Erika Mustermann."}`)
	_, _, raw := postChat(t, srv.URL(), `{"session_id":`+jsonString(first.SessionID)+`,"message":"Ich möchte bitte mit einem Menschen sprechen."}`)
	var withTicket struct {
		Answer struct {
			Ticket string `json:"ticket"`
		} `json:"answer"`
	}
	if err := json.Unmarshal(raw, &withTicket); err != nil || withTicket.Answer.Ticket == "" {
		t.Fatalf("handoff opened no ticket: %s", raw)
	}
	key := withTicket.Answer.Ticket
	if err := srv.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}

	privacy := func(args ...string) string {
		t.Helper()
		var out, errb bytes.Buffer
		if err := run(context.Background(), append(append([]string{"privacy"}, args...), "--data", dataDir), envFrom(nil), nil, &out, &errb); err != nil {
			t.Fatalf("privacy %v: %v\n%s", args, err, errb.String())
		}
		return out.String()
	}
	export := privacy("export", "--ticket", key)
	var doc struct {
		Conversations []struct{ ID string }  `json:"conversations"`
		Tickets       []struct{ Key string } `json:"tickets"`
	}
	if err := json.Unmarshal([]byte(export), &doc); err != nil {
		t.Fatalf("export is not JSON: %v\n%s", err, export)
	}
	if len(doc.Conversations) != 1 || !strings.Contains(export, "Erika Mustermann") {
		t.Errorf("export lacks the conversation:\n%s", export)
	}
	if len(doc.Tickets) != 1 {
		t.Errorf("export has %d tickets, want the handoff ticket", len(doc.Tickets))
	}

	if dry := privacy("erase", "--ticket", key); !strings.Contains(dry, "--yes") {
		t.Errorf("erase without --yes should only report: %s", dry)
	}
	if still := privacy("export", "--ticket", key); !strings.Contains(still, "Erika") {
		t.Error("a dry run erased data")
	}
	if done := privacy("erase", "--ticket", key, "--yes"); !strings.Contains(done, "Gelöscht: 1 Gespräche") {
		t.Errorf("erase output: %s", done)
	}
	// The ticket stays for the statistics, anonymised; the conversation is gone.
	after := privacy("export", "--ticket", key)
	if strings.Contains(after, "Erika") || strings.Contains(after, `"role"`) || !strings.Contains(after, "gelöscht auf Antrag") {
		t.Errorf("personal data left after erasure:\n%s", after)
	}
}

func TestPrivacyBadInput(t *testing.T) {
	for _, args := range [][]string{
		{"privacy"},
		{"privacy", "shred"},
		{"privacy", "export"},
		{"privacy", "export", "--session", "a", "--contact", "b"},
	} {
		var out, errb bytes.Buffer
		args = append(args, "--data", t.TempDir())
		if args[1] == "--data" {
			args = args[:1]
		}
		// LOTSE_DATA_DIR too, so that a run without --data never writes
		// into the source tree.
		env := envFrom(map[string]string{"LOTSE_DATA_DIR": t.TempDir()})
		if err := run(context.Background(), args, env, nil, &out, &errb); err == nil {
			t.Errorf("run %v: no error", args)
		}
	}
}

// TestPrivacyFindsIdentifiersInConversations reproduces findings 6 and 7
// of issue 20 through the command: a citizen writes an e-mail address and
// an IBAN into two chats; `privacy export --contact` finds both chats, and
// after `privacy erase --iban` neither lotse.db nor its log holds the IBAN.
func TestPrivacyFindsIdentifiersInConversations(t *testing.T) {
	dataDir := t.TempDir()
	srv := mustStartServer(t, func(c *Config) { c.DataDir = dataDir })
	const mail, iban = "erika.muster@example.org", "DE89 3704 0044 0532 0130 00"
	postChat(t, srv.URL(), `{"message":"Was kostet ein Reisepass? Antwort bitte an `+mail+`"}`)
	postChat(t, srv.URL(), `{"message":"Bitte erstatten Sie die Gebühr auf `+iban+`, Rückfragen an `+mail+`"}`)
	if err := srv.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	privacy := func(args ...string) string {
		t.Helper()
		var out, errb bytes.Buffer
		if err := run(context.Background(), append(append([]string{"privacy"}, args...), "--data", dataDir), envFrom(nil), nil, &out, &errb); err != nil {
			t.Fatalf("privacy %v: %v\n%s", args, err, errb.String())
		}
		return out.String()
	}
	var doc struct {
		Conversations []struct{ ID string } `json:"conversations"`
	}
	export := privacy("export", "--contact", mail)
	if err := json.Unmarshal([]byte(export), &doc); err != nil {
		t.Fatalf("export by e-mail: %v\n%s", err, export)
	}
	if len(doc.Conversations) != 2 {
		t.Errorf("export by e-mail found %d conversations, want 2", len(doc.Conversations))
	}
	if done := privacy("erase", "--iban", strings.ReplaceAll(iban, " ", ""), "--yes"); !strings.Contains(done, "Gelöscht: 1 Gespräche") {
		t.Errorf("erase by IBAN: %s", done)
	}
	files, _ := filepath.Glob(filepath.Join(dataDir, "lotse.db*"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(iban)) || bytes.Contains(b, []byte("0532 0130")) {
			t.Errorf("%s still holds the erased IBAN", filepath.Base(f))
		}
	}
	// The other chat (only the e-mail) is still there.
	export = privacy("export", "--contact", mail)
	if err := json.Unmarshal([]byte(export), &doc); err != nil || len(doc.Conversations) != 1 {
		t.Errorf("after erasing by IBAN, export by e-mail: %v, %d conversations", err, len(doc.Conversations))
	}
}
