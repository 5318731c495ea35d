// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/musterstadt/lotse/knowledge"
)

func TestTitleChoices(t *testing.T) {
	tests := []struct {
		title string
		want  [][]string
	}{
		{"Wertstofftonnen bestellen, tauschen, kündigen", [][]string{{stem("bestellen"), stem("tauschen"), stem("kuendigen")}}},
		{"Leihräder ausleihen und zurückgeben", [][]string{{stem("ausleihen"), stem("zurueckgeben")}}},
		{"Geburtsurkunde, Eheurkunde, Sterbeurkunde bestellen", [][]string{{stem("geburtsurkunde"), stem("eheurkunde"), stem("sterbeurkunde")}}},
		{"Musikschule: Anmeldung, Unterricht und Gebühren", [][]string{{stem("anmeldung"), stem("unterricht"), stem("gebuehren")}}},
		// A truncated part and dates are no items.
		{"Hund: An- und Abmeldung", nil},
		{"Bürgerbüro am 24. und 31. Dezember geschlossen", nil},
		{"Personalausweis beantragen", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, titleChoices(tt.title)); diff != "" {
			t.Errorf("titleChoices(%q) (-want +got):\n%s", tt.title, diff)
		}
	}
}

// A title's general verb ("melden", "anfordern", "bestellen",
// "vereinbaren") names no document on its own: "wo meld ich mich da" does
// not name "Verlust des Personalausweises melden".
func TestGeneralVerbOfTitleNamesNothing(t *testing.T) {
	a := mustAssistant(t, nil)
	for _, title := range []string{"Verlust des Personalausweises melden", "Geburtsurkunde anfordern", "Termin vereinbaren"} {
		d := knowledge.Document{ID: "x/" + title, Title: title, Kind: knowledge.KindService}
		for _, n := range a.info(d).names {
			if len(n) == 1 && (n[0] == stem("melden") || n[0] == stem("anfordern") || n[0] == stem("vereinbaren")) {
				t.Errorf("%q has the one-word name %v", title, n)
			}
		}
	}
}
