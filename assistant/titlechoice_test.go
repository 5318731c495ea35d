// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"testing"

	"github.com/google/go-cmp/cmp"
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
