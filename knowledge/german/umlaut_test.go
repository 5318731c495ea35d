// SPDX-License-Identifier: EUPL-1.2

package german

import "testing"

func TestRestoreUmlauts(t *testing.T) {
	known := map[string]bool{"fuer": true, "buergeramt": true, "gueltig": true, "muell": true, "oeffnungszeiten": true, "tschuess": true, "haengt": true, "uebermorgen": true}
	for w, want := range map[string]string{
		"fur":            "fuer",
		"burgeramt":      "buergeramt",
		"gultig":         "gueltig",
		"mull":           "muell",
		"offnungszeiten": "oeffnungszeiten",
		"tschuss":        "tschuess",
		"hangt":          "haengt",
		"ubermorgen":     "uebermorgen",
		"haus":           "", // "au" holds no umlaut
		"neu":            "",
		"xyz":            "",
	} {
		if got := RestoreUmlauts(w, func(s string) bool { return known[s] }); got != want {
			t.Errorf("RestoreUmlauts(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestUntranspose(t *testing.T) {
	known := map[string]bool{"donnerstag": true, "verloren": true, "menschen": true, "samstag": true, "tschuess": true}
	for w, want := range map[string]string{
		"donnesrtag": "donnerstag",
		"velroren":   "verloren",
		"mneschen":   "menschen",
		"smastag":    "samstag",
		"tscühss":    "tschuess",
		"samstag":    "", // the word as it is is the caller's to check
		"tag":        "",
		"xyzzy":      "",
	} {
		if got := Untranspose(w, func(s string) bool { return known[s] }); got != want {
			t.Errorf("Untranspose(%q) = %q, want %q", w, got, want)
		}
	}
}

// A dropped letter of a doubled consonant, of "tz" or of "ck" is written
// back when the spelling is known; a known word, a short one and one no
// doubling makes known stay.
func TestRedouble(t *testing.T) {
	known := map[string]bool{"bekommt": true, "bitte": true, "mutterschutz": true, "kommen": true, "zurueck": true}
	for in, want := range map[string]string{
		"bekomt": "bekommt", "bite": "bitte", "mutterschuz": "mutterschutz", "komen": "kommen",
		"zurük": "zurueck", "kan": "", "paket": "", "bitte": "",
	} {
		if got := Redouble(in, func(s string) bool { return known[s] }); got != want {
			t.Errorf("Redouble(%q) = %q, want %q", in, got, want)
		}
	}
}

// A dropped vowel is written back when exactly one spelling is known; a
// short word, a known one and one with two known spellings stay.
func TestRevowel(t *testing.T) {
	known := map[string]bool{"heiraten": true, "beantragen": true, "personalausweis": true, "gebrauchen": true, "gebraucht": true, "mieter": true, "meister": true}
	for in, want := range map[string]string{
		"heirten": "heiraten", "beantrgen": "beantragen", "persnalausweis": "personalausweis",
		"heiraten": "", "mster": "", "meistr": "meister", "miter": "",
	} {
		if got := Revowel(in, func(s string) bool { return known[s] }); got != want {
			t.Errorf("Revowel(%q) = %q, want %q", in, got, want)
		}
	}
}
