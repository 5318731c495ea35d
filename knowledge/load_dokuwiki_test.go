// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// A DokuWiki page saved as .txt in its raw syntax is read as the
// Markdown it stands for: "======" the title, fewer "=" deeper headings,
// the emphasis, links, boxes, macros, tags and "^" header cells reduced
// to their text, list items and code kept; a web address keeps its
// "//", and a MediaWiki text (fewer "=" higher) or a text with one
// framed line stays plain text.
func TestParseTextDokuWiki(t *testing.T) {
	src := "====== Beispieldrucker einrichten ======\n\n" +
		"<WRAP center round tip 80%>\nDer Drucker steht im **Raum 3**.\n</WRAP>\n~~NOTOC~~\n\n" +
		"===== Treiber =====\n\nLaden Sie den Treiber von https://beispiel.example/treiber oder aus //[[it:software|dem Softwarekatalog]]//.\n\n" +
		"  - Katalog öffnen\n  - ''Beispieltreiber'' wählen\n\n" +
		"==== Fehler 42 ====\n\n^ Meldung ^ Abhilfe ^\n| Papierstau | Klappe öffnen |\n\n<code>\nneustart **jetzt**\n</code>\n\n" +
		"----\n{{tag>drucker beispiel}}\n"
	pd, err := parseText([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if pd.title != "Beispieldrucker einrichten" {
		t.Errorf("title %q", pd.title)
	}
	got := map[string]string{}
	for _, s := range pd.sections {
		got[s.Heading] = strings.TrimSpace(s.Text)
	}
	for h, want := range map[string]string{
		"":                    "Der Drucker steht im Raum 3.",
		"Treiber":             "Laden Sie den Treiber von https://beispiel.example/treiber oder aus dem Softwarekatalog.\n\n1. Katalog öffnen\n2. Beispieltreiber wählen",
		"Treiber › Fehler 42": "| Meldung | Abhilfe |\n| Papierstau | Klappe öffnen |\n\n```\nneustart **jetzt**\n```",
	} {
		if got[h] != want {
			t.Errorf("section %q holds %q, want %q (all: %q)", h, got[h], want, got)
		}
	}
	for _, plain := range []string{
		"== Abschnitt ==\nText.\n=== Unterabschnitt ===\nMehr Text.\n",
		"Hinweis\n\n=== Achtung ===\nText.\n",
	} {
		pd, err := parseText([]byte(plain))
		if err != nil {
			t.Fatal(err)
		}
		var all strings.Builder
		for _, s := range pd.sections {
			all.WriteString(s.Heading + "\n" + s.Text)
		}
		if !strings.Contains(pd.title+all.String(), "===") {
			t.Errorf("%q read as DokuWiki: %q %q", plain, pd.title, all.String())
		}
	}
}
