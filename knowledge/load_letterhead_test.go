// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestTextLetterheadAboveTitle checks that a leaflet saved by Word as
// text, whose first line is the issuer ("Gemeinde Beispiel –
// Ordnungsamt") and whose second names the kind of document, is titled
// by the second line and keeps the issuer as its first line of text;
// a first line that names a kind of document itself stays the title.
func TestTextLetterheadAboveTitle(t *testing.T) {
	pd, err := parseText([]byte("Gemeinde Beispiel – Ordnungsamt\r\nInformationsblatt Musterfeuer im Garten\r\nStand: März 2027\r\n\r\nWann ist ein Musterfeuer erlaubt?\r\nVon April bis September nur mit Anzeige beim Ordnungsamt, spätestens eine Woche vorher.\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if pd.title != "Informationsblatt Musterfeuer im Garten" {
		t.Errorf("title %q", pd.title)
	}
	if len(pd.sections) == 0 || pd.sections[0].Heading != "" || !strings.HasPrefix(pd.sections[0].Text, "Gemeinde Beispiel – Ordnungsamt\nStand: März 2027") {
		t.Errorf("sections %+v", pd.sections)
	}
	for _, text := range []string{
		"Amtsblatt der Gemeinde Beispiel\nMerkblatt-Beilage\n\nText.",
		"Gemeinde Beispiel\nBürgerbüro, Am Markt 1\n\nText.",
	} {
		pd, err := parseText([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		if first, _, _ := strings.Cut(text, "\n"); pd.title != first {
			t.Errorf("%q: title %q, want its first line", text, pd.title)
		}
	}
}
