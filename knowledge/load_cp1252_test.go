// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// A text file or page saved on Windows is Windows-1252, not Latin-1: its
// euro sign, typographic quotes and dashes (bytes 0x80–0x9F) are read as
// those characters, not as control characters, and its umlauts as
// umlauts.
func TestWindows1252Text(t *testing.T) {
	src := []byte("Beispielamt \x96 Mitteilung\r\n\r\nDie \x84Teestube\x93 ist ge\xf6ffnet, Eintritt 2 \x80.\r\n")
	pd, err := parseText(src)
	if err != nil {
		t.Fatal(err)
	}
	if pd.title != "Beispielamt – Mitteilung" {
		t.Errorf("title %q", pd.title)
	}
	var text string
	for _, s := range pd.sections {
		text += s.Text
	}
	if !strings.Contains(text, "Die „Teestube“ ist geöffnet, Eintritt 2 €.") {
		t.Errorf("text %q", text)
	}
	page, err := parseHTML([]byte("<html><body><h1>Beispiel</h1><p>Preis: 5 \x80 \x96 \x84erm\xe4\xdfigt\x93</p></body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	if got := page.sections[0].Text; got != "Preis: 5 € – „ermäßigt“" {
		t.Errorf("page text %q", got)
	}
}
