// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestMailSavedAsText checks that a mail saved as plain text is named by
// its subject (without "AW:" and a list's tag), that its header is no
// text, its quoted lines and the original below are dropped and its
// signature is a section of its own; a letter with a "Betreff:" line but
// no sender stays a plain text.
func TestMailSavedAsText(t *testing.T) {
	pd, err := parseText([]byte("From: Beispielamt <amt@beispiel.example>\r\nSent: Monday, 4 January 2027 10:00\r\nTo: Alle <alle@beispiel.example>\r\nSubject: AW: [Info] Neue Musterformulare\r\n  ab Februar\r\n\r\n" +
		"Hallo zusammen,\r\n\r\nab 1. Februar gelten die neuen Musterformulare.\r\n\r\n> Gelten die alten noch?\r\n> Gruß\r\n\r\n-- \r\nBeispielamt\r\nTelefon 0999 12-3\r\n\r\n-----Ursprüngliche Nachricht-----\r\nVon: Erika Muster\r\nAlte Frage.\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if pd.title != "Neue Musterformulare ab Februar" {
		t.Errorf("title %q", pd.title)
	}
	var all strings.Builder
	for _, s := range pd.sections {
		all.WriteString(s.Heading + ": " + s.Text + "\n")
	}
	got := all.String()
	for _, want := range []string{"ab 1. Februar gelten die neuen Musterformulare.", "Kontakt: Beispielamt\nTelefon 0999 12-3"} {
		if !strings.Contains(got, want) {
			t.Errorf("text %q lacks %q", got, want)
		}
	}
	for _, not := range []string{"From:", "amt@beispiel", "Subject", "Gelten die alten", "Alte Frage", "Erika"} {
		if strings.Contains(got, not) {
			t.Errorf("text %q holds %q", got, not)
		}
	}
	pd, err = parseText([]byte("Beispielamt\nBetreff: Ihr Antrag vom 1. Januar\n\nSehr geehrte Damen und Herren,\nwir bestätigen den Eingang.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if pd.title != "Beispielamt" {
		t.Errorf("a letter was read as a mail: title %q", pd.title)
	}
}
