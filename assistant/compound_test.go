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

// A statute's long paragraph is read sentence by sentence; a short one
// and an enumeration joined to its opening stay whole.
func TestSentencesOfLongParagraphs(t *testing.T) {
	long := "(1) Die Erlaubnis gilt für zwölf Monate. Sie kann auf Antrag um bis zu sechs Monate verlängert werden, wenn die Voraussetzungen weiter vorliegen und die Behörde keine Bedenken hat. Über den Antrag entscheidet die zuständige Behörde innerhalb eines Monats nach Eingang der vollständigen Unterlagen."
	short := "(2) Die Gebühr beträgt 20 Euro."
	enum := "(3) Keine Erlaubnis braucht, wer\n1. nur gelegentlich tätig ist oder\n2. bei einer Behörde arbeitet."
	got := sentencesOfLongParagraphs([]string{long, short, enum})
	if len(got) != 5 || got[0] != "(1) Die Erlaubnis gilt für zwölf Monate." || got[3] != short || got[4] != enum {
		t.Errorf("sentencesOfLongParagraphs = %q", got)
	}
}
