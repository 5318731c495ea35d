// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestPDFCopyText checks that a text copied out of a PDF reads with
// plain words: ligatures spelled out, words split by soft hyphens
// joined, running heads that differ only in the page number dropped,
// the heading below the first one the title.
func TestPDFCopyText(t *testing.T) {
	text := "Mitteilungsblatt Beispielstadt · Ausgabe 4 · Seite 7\n\nSperrung der Brücke\n\n" +
		"Die Brücke über den Mühlbach wird für Fahrzeuge über 3,5 Tonnen ge\u00ad\nsperrt. Die Umleitung ist ausge\u00adschildert; der Rad\ufb02uss bleibt oﬀen.\n" +
		"\f\nMitteilungsblatt Beispielstadt · Ausgabe 4 · Seite 8\n\nFußgänger können die Brücke weiter nutzen.\n"
	ds, _, err := parseFile("txt", []byte(text), nil)
	if err != nil || len(ds) != 1 {
		t.Fatalf("%d documents, error %v", len(ds), err)
	}
	pd := ds[0]
	if pd.title != "Sperrung der Brücke" {
		t.Errorf("title %q", pd.title)
	}
	var all strings.Builder
	for _, s := range pd.sections {
		all.WriteString(s.Heading + "\n" + s.Text + "\n")
	}
	got := all.String()
	for _, want := range []string{"gesperrt.", "ausgeschildert", "Radfluss", "offen", "Fußgänger können"} {
		if !strings.Contains(got, want) {
			t.Errorf("text lacks %q: %q", want, got)
		}
	}
	for _, left := range []string{"Mitteilungsblatt", "\u00ad", "\ufb02", "\ufb00"} {
		if strings.Contains(got, left) {
			t.Errorf("%q is left in the text: %q", left, got)
		}
	}
}
