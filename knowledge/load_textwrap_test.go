// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// A hard-wrapped bulletin as plain text: words cut at line ends are
// whole again, underlined and numbered headlines open sections, their
// underlines are no text, and a paragraph's first line, a line that goes
// on in a web address, a column table's head and a line of hours set in
// columns head nothing.
func TestPlainTextHardWrapped(t *testing.T) {
	src := `MITTEILUNGSBLATT BEISPIELDORF

BEKANNTMACHUNGEN
================

1. Sperrung der Lindenallee

Wegen Arbeiten an der Kanalisation wird die Linden-
allee vom 3. bis 14. Mai gesperrt. Anlieger können die Zufahrt über
den Feldweg nutzen; die Umleitung ist aus- und eingeschildert.

2. Sitzung des Ortschaftsrats

Der Ortschaftsrat tagt am 6. Mai um 19 Uhr im Dorfgemeinschaftshaus.
Die Unterlagen stehen im Ratsinformationssystem unter
https://rats.beispieldorf.example bereit.

Sprechzeiten
------------

Montag bis Freitag   8:00 bis 12:00 Uhr
Donnerstag           14:00 bis 18:00 Uhr

Leerung fällt auf          wird nachgeholt am
Montag, 1. Mai             Dienstag, 2. Mai
`
	pd, err := parseText([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var heads []string
	var all strings.Builder
	for _, s := range pd.sections {
		heads = append(heads, s.Heading)
		all.WriteString(s.Text + "\n")
	}
	want := "BEKANNTMACHUNGEN › 1. Sperrung der Lindenallee|2. Sitzung des Ortschaftsrats|Sprechzeiten"
	if got := strings.Join(heads, "|"); got != want {
		t.Errorf("headings %q, want %q", got, want)
	}
	text := all.String()
	for _, w := range []string{"die Lindenallee vom 3. bis 14. Mai", "aus- und eingeschildert"} {
		if !strings.Contains(strings.Join(strings.Fields(text), " "), w) {
			t.Errorf("%q missing in\n%s", w, text)
		}
	}
	for _, not := range []string{"====", "----", "Linden-"} {
		if strings.Contains(text, not) {
			t.Errorf("%q in\n%s", not, text)
		}
	}
}
