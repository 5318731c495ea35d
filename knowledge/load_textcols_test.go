// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestLayoutColumns checks a two-column page as pdftotext -layout writes
// it: the left column is read before the right one, a line across both
// columns ends them, the page footer after a form feed is dropped, and a
// table of short labels and values (page 2) keeps its lines.
func TestLayoutColumns(t *testing.T) {
	in := "" +
		"   BEISPIELBUS                                Fahrzeiten\n" +
		"   Der Bus im Beispieltal fährt nur,          Montag bis Freitag von 6 bis 20 Uhr\n" +
		"   wenn Sie ihn vorher bestellen.             am Samstag von 8 bis 18 Uhr\n" +
		"\n" +
		"   So bestellen Sie                           Preise\n" +
		"   Telefon: 0999 12 34 56 oder über           Eine Fahrt kostet 2 Euro,\n" +
		"   die App, spätestens eine Stunde            Kinder fahren umsonst mit.\n" +
		"   vor der Fahrt.\n" +
		"            Herausgegeben von der Beispielgesellschaft im Auftrag der Stadt\n" +
		"\f" +
		"   Nord        Bahnhof · Markt\n" +
		"   Süd         Kirche · Schule\n" +
		"   West        Friedhof · Freibad\n" +
		"\n" +
		"                                      Seite 2 von 2\n"
	got := string(layoutColumns([]byte(in)))
	want := "" +
		"BEISPIELBUS\n" +
		"Der Bus im Beispieltal fährt nur,\n" +
		"wenn Sie ihn vorher bestellen.\n" +
		"\n" +
		"So bestellen Sie\n" +
		"Telefon: 0999 12 34 56 oder über\n" +
		"die App, spätestens eine Stunde\n" +
		"vor der Fahrt.\n" +
		"\n" +
		"Fahrzeiten\n" +
		"Montag bis Freitag von 6 bis 20 Uhr\n" +
		"am Samstag von 8 bis 18 Uhr\n" +
		"\n" +
		"Preise\n" +
		"Eine Fahrt kostet 2 Euro,\n" +
		"Kinder fahren umsonst mit.\n" +
		"\n" +
		"Herausgegeben von der Beispielgesellschaft im Auftrag der Stadt\n" +
		"\f" +
		"   Nord        Bahnhof · Markt\n" +
		"   Süd         Kirche · Schule\n" +
		"   West        Friedhof · Freibad\n" +
		"\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// Text with a single column, and a label table alone, are returned
	// as they are.
	for _, same := range []string{
		"Ein Absatz\nmit zwei Zeilen.\n",
		"Name:       Beispiel\nTelefon:    0999 1\nE-Mail:     a@b.example\n",
	} {
		if got := string(layoutColumns([]byte(same))); got != same {
			t.Errorf("changed %q to %q", same, got)
		}
	}
	// Hostile: over-long lines and many lines are left alone.
	long := strings.Repeat(strings.Repeat("x", 30)+"     "+strings.Repeat("y", 500)+"\n", 10)
	if got := string(layoutColumns([]byte(long))); got != long {
		t.Error("over-long lines were split")
	}
}
