// SPDX-License-Identifier: EUPL-1.2

package german

import "testing"

func TestUndictate(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"hallo Komma ich hab den antrag abgegeben Punkt wie lange dauert das Fragezeichen",
			"hallo, ich hab den antrag abgegeben. wie lange dauert das?"},
		{"kann ich den pass hier beantragen Fragezeichen", "kann ich den pass hier beantragen?"},
		{"das ist super Ausrufezeichen neue Zeile danke", "das ist super!\n danke"},
		// One word of a mark inside a sentence is a word.
		{"ich bin um Punkt acht da, geht das?", "ich bin um Punkt acht da, geht das?"},
		{"zwei Komma fünf Prozent", "zwei Komma fünf Prozent"},
		// Parts of words stay.
		{"Treffpunkt am Rathaus Kommazahl", "Treffpunkt am Rathaus Kommazahl"},
		{"", ""},
	} {
		if got := Undictate(tt.in); got != tt.want {
			t.Errorf("Undictate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
