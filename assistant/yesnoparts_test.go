// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"slices"
	"strings"
	"testing"
)

func TestYesNoParts(t *testing.T) {
	lx := mustLexicon(t)
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"Kann ich vorher direkt im Amt wählen, und wo ist das?", []string{"Kann ich vorher direkt im Amt wählen"}},
		{"wir ziehen weg. kann ich mich schriftlich abmelden? und wie lange hab ich zeit", []string{"kann ich mich schriftlich abmelden?"}},
		// Every part asks a facet, or none does: nothing to add.
		{"Was kostet der Pass und wie lange dauert es?", nil},
		{"Kann ich mich schriftlich abmelden?", nil},
		// A comma before "und" that goes on telling cuts nothing.
		{"Ich bin umgezogen, und meine Frau auch. Was kostet die Ummeldung?", nil},
	} {
		if got := lx.yesNoParts(tt.text, "", false); !slices.Equal(got, tt.want) {
			t.Errorf("yesNoParts(%q) = %q, want %q", tt.text, got, tt.want)
		}
		// A part read already is taken as read, not read again.
		for _, read := range append(slices.Clone(tt.want), tt.text) {
			if got := lx.yesNoParts(tt.text, read, lx.asksFacetOrValue(read)); !slices.Equal(got, tt.want) {
				t.Errorf("yesNoParts(%q) with %q read = %q, want %q", tt.text, read, got, tt.want)
			}
		}
	}
}

// A flood of questions is read only so far.
func TestYesNoPartsBounded(t *testing.T) {
	lx := mustLexicon(t)
	text := "Was kostet der Reisepass?" + strings.Repeat(" Kann ich den Antrag auch schriftlich stellen?", 100)
	if got := lx.yesNoParts(text, "", false); len(got) > maxAskingParts {
		t.Errorf("yesNoParts read %d parts, want at most %d", len(got), maxAskingParts)
	}
}
