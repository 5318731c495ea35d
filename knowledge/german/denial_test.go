// SPDX-License-Identifier: EUPL-1.2

package german

import "testing"

func TestDropDenied(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// Something set aside in favour of something else is cut.
		{"ich will mein auto nicht abmelden sondern nur ummelden", "ich will mein auto nur ummelden"},
		{"Ich will mein Auto nicht abmelden, sondern ummelden.", "Ich will mein Auto ummelden."},
		{"keinen reisepass, einen kinderreisepass für meine tochter", "einen kinderreisepass für meine tochter"},
		{"nicht den personalausweis, den reisepass hab ich verloren", "den reisepass hab ich verloren"},
		{"er ist nicht verloren, gestohlen.", "er ist gestohlen."},
		{"das ist nicht für mich, für mein kind", "das ist für mein kind"},
		{"ich brauche keinen neuen führerschein, nur einen internationalen", "ich brauche nur einen internationalen"},
		{"den perso brauch ich nicht, sondern den pass", "den pass"},
		{"Statt dem alten Führerschein will ich den neuen", "will ich den neuen"},
		{"statt einem Neuantrag eine Verlängerung", "eine Verlängerung"},
		{"Ich ziehe nicht allein um, sondern mit meiner Freundin", "Ich ziehe um, mit meiner Freundin"},
		{"ich melde das auto nicht ab sondern um", "ich melde das auto um"},
		// A plain negation, an addition and a clause stay.
		{"ich habe keinen Termin, geht das trotzdem?", "ich habe keinen Termin, geht das trotzdem?"},
		{"wir sind nicht verheiratet, unser kind kommt im juni", "wir sind nicht verheiratet, unser kind kommt im juni"},
		{"nicht nur den Pass, sondern auch den Ausweis", "nicht nur den Pass, sondern auch den Ausweis"},
		{"der drucker druckt nicht, sondern blinkt", "der drucker druckt nicht, sondern blinkt"},
		{"ich will mich nicht ummelden, ich ziehe ins ausland", "ich will mich nicht ummelden, ich ziehe ins ausland"},
		{"statt hier zu tippen, rufen Sie mich an", "statt hier zu tippen, rufen Sie mich an"},
		{"wann findet die Trauung statt?", "wann findet die Trauung statt?"},
		{"der Antrag ist nicht mehr gültig, sondern abgelaufen", "der Antrag ist nicht mehr gültig, sondern abgelaufen"},
		{"nicht. sondern", "nicht. sondern"},
		{"ich bin nicht verheiratet, leider", "ich bin nicht verheiratet, leider"},
		{"kein", "kein"},
	} {
		if got := DropDenied(tc.in); got != tc.want {
			t.Errorf("DropDenied(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
