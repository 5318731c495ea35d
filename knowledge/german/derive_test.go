// SPDX-License-Identifier: EUPL-1.2

package german

import "testing"

func TestDerivedNoun(t *testing.T) {
	for w, want := range map[string]string{
		"unterschreiben":  "unterschrift",
		"unterschreibe":   "unterschrift",
		"teilnehmen":      "teilnahme",
		"zurueckgeben":    "rueckgabe",
		"einsehen":        "einsicht",
		"austreten":       "austritt",
		"anschliessen":    "anschluss",
		"verbieten":       "verbot",
		"vorlegen":        "vorlage",
		"vorsehen":        "", // no "Vorsicht"
		"ziehen":          "", // no prefix, no "Zug"
		"zahlen":          "",
		"unterschreibung": "",
	} {
		if got := DerivedNoun(w); got != want {
			t.Errorf("DerivedNoun(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestDerivingVerb(t *testing.T) {
	for w, want := range map[string]string{
		"unterschrift":   "unterschreib",
		"unterschriften": "unterschreib",
		"teilnahme":      "teilnehm",
		"rueckgabe":      "zurueckgeb",
		"einsicht":       "einseh",
		"vorsicht":       "",
		"schrift":        "",
		"anschrift":      "anschreib",
	} {
		if got := DerivingVerb(w); got != want {
			t.Errorf("DerivingVerb(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestDayOfWeekdayCompound(t *testing.T) {
	for w, want := range map[string]string{
		"wahlsonntag":   "wahltag",
		"marktsamstag":  "markttag",
		"wahlsonntags":  "wahltag",
		"sonntag":       "",
		"sonntags":      "",
		"sonntagmorgen": "",
		"amsonntag":     "",
		"feiertag":      "",
	} {
		if got := DayOfWeekdayCompound(w); got != want {
			t.Errorf("DayOfWeekdayCompound(%q) = %q, want %q", w, got, want)
		}
	}
}
