// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestTextBoxTables checks that a plain text's box-drawing tables are
// read as rows of cells: with rules between all rows, a row's wrapped
// lines joined cell by cell; with a rule under the head only, a line
// with an empty first cell going on the row above; the head marked, the
// rules dropped; a headline over a table still heads it; a byline of
// parts set apart by middle dots under the title is no headline.
func TestTextBoxTables(t *testing.T) {
	text := `Beispielhilfe: Wen rufe ich an?
Beispielamt · Technik · Stand 01.02.2026

Hier steht, wen Sie wann erreichen, und zwar in zwei Tabellen, die unten folgen.

Zeiten

┌──────────────┬─────────────┐
│ Wann         │ Wer         │
├──────────────┼─────────────┤
│ Mo–Fr        │ Technik,    │
│ 8–16 Uhr     │ Zimmer 3    │
├──────────────┼─────────────┤
│ sonst        │ Notdienst   │
└──────────────┴─────────────┘

Stufen

╔═══════╦══════════════════╗
║ Stufe ║ Beispiel         ║
╠═══════╬══════════════════╣
║ 1     ║ nichts geht      ║
║       ║ mehr             ║
║ 2     ║ langsam          ║
╚═══════╩══════════════════╝
`
	pd, err := parseText([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, s := range pd.sections {
		got[s.Heading] = s.Text
	}
	for h, want := range map[string]string{
		"Zeiten": "| Wann | Wer |\n| --- | --- |\n| Mo–Fr 8–16 Uhr | Technik, Zimmer 3 |\n| sonst | Notdienst |",
		"Stufen": "| Stufe | Beispiel |\n| --- | --- |\n| 1 | nichts geht mehr |\n| 2 | langsam |",
	} {
		if strings.TrimSpace(got[h]) != want {
			t.Errorf("section %q holds %q, want %q (all %q)", h, got[h], want, got)
		}
	}
	if !strings.HasPrefix(got[""], "Beispielamt · Technik") {
		t.Errorf("byline: %q", got)
	}
	// Text without tables is left as it is, and a bar in prose too.
	if s := "a │ b\nc"; boxTables(s) != s {
		t.Errorf("boxTables(%q) = %q", s, boxTables(s))
	}
}
