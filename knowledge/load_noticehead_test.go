// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestTextNoticeHead checks that an official notice saved as text is
// titled by its title below the issuer's lines and the line naming the
// kind of notice, which stay the first lines of its text; and that a
// text whose first paragraphs are no such head keeps its first line as
// the title.
func TestTextNoticeHead(t *testing.T) {
	notice := "Gemeinde Beispieldorf\nDie Bürgermeisterin – Ordnungsamt\n\nAmtliche Bekanntmachung\n\nSperrung der Brückengasse für das Sommerfest\n\nBeispieldorf, 2. Mai 2027\n\nVom 1. bis 3. Juli ist die Brückengasse für den Verkehr gesperrt. Anlieger dürfen bis 10 Uhr einfahren und ihre Einkäufe ausladen.\n\nUmleitung\nDie Umleitung führt über den Marktweg und ist ausgeschildert, auch für Radfahrer und den Bus.\n\nFragen\nDas Ordnungsamt beantwortet Fragen unter der Nummer 0123 45-67 oder per E-Mail an das Amt.\n"
	pd, err := parseText([]byte(notice))
	if err != nil {
		t.Fatal(err)
	}
	if pd.title != "Sperrung der Brückengasse für das Sommerfest" {
		t.Errorf("title %q", pd.title)
	}
	if len(pd.sections) == 0 || !strings.HasPrefix(pd.sections[0].Text, "Gemeinde Beispieldorf\nDie Bürgermeisterin – Ordnungsamt\nAmtliche Bekanntmachung\n") {
		t.Errorf("head: %q", pd.sections)
	}
	for _, s := range pd.sections {
		if strings.Contains(s.Heading, "Bekanntmachung") || strings.Contains(s.Heading, "Gemeinde") {
			t.Errorf("the head heads a section: %q", s.Heading)
		}
	}
	// No kind of notice below the issuer: the first line stays the
	// title, as before.
	pd, err = parseText([]byte("Gemeinde Beispieldorf\n\nSommerfest 2027\n\nAm 1. Juli feiern wir, und alle sind eingeladen, mitzufeiern und mitzuhelfen.\n"))
	if err != nil || pd.title != "Gemeinde Beispieldorf" {
		t.Errorf("without a kind line: title %q, %v", pd.title, err)
	}
}
