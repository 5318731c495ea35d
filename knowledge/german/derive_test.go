// SPDX-License-Identifier: EUPL-1.2

package german

import (
	"slices"
	"testing"
)

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

// The particles by first byte are nounPrefixes that begin with that byte
// in the verb's (noun's) spelling, in the list's order, each once.
func TestSpellingsByFirst(t *testing.T) {
	for _, c := range []struct {
		byFirst *[256][]spelling
		of      func(spelling) string
	}{{nounPrefixesByVerb, func(p spelling) string { return p.verb }}, {nounPrefixesByNoun, func(p spelling) string { return p.noun }}} {
		n := 0
		for b := range 256 {
			var want []spelling
			for _, p := range nounPrefixes {
				if c.of(p)[0] == byte(b) {
					want = append(want, p)
				}
			}
			if !slices.Equal(c.byFirst[b], want) {
				t.Errorf("by %q: %v, want %v", byte(b), c.byFirst[b], want)
			}
			n += len(c.byFirst[b])
		}
		if n != len(nounPrefixes) {
			t.Errorf("%d of %d particles listed", n, len(nounPrefixes))
		}
	}
}
