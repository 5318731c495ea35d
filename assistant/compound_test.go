// SPDX-License-Identifier: EUPL-1.2

package assistant

import "testing"

// A title's compound is named by its parts said apart, by a verb for its
// noun in "-ung", and by a compound of its first part.
func TestSplitsInto(t *testing.T) {
	a := mustAssistant(t, nil)
	tests := []struct {
		title, question string
		want            bool
	}{
		{"Gewerbeanmeldung", "wie kann ich mein gewerbe anmelden", true},
		{"Namensänderungserklärung", "ich möchte meinen nachnamen ändern lassen", true},
		{"Namensänderung", "kann ich meinen vornamen ändern", true},
		{"Namensänderung", "ich möchte meine adresse ändern", false},
		{"Gewerbeanmeldung", "wie kann ich meinen hund anmelden", false},
	}
	for _, tt := range tests {
		s := stem(words(tt.title)[0])
		if got := splitsInto(s, newStemSet(a.lex.terms(tt.question).stems)); got != tt.want {
			t.Errorf("splitsInto(%q, %q) = %v, want %v", s, tt.question, got, tt.want)
		}
	}
}
