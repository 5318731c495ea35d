// SPDX-License-Identifier: EUPL-1.2

package german

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

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

// The prefilter lets through every text the expression finds a mark in:
// the parts' letters fold only to their ASCII capitals, and Undictate
// gives what the expression alone gives over the eval questions and
// 30,000 texts of mark words and their pieces in mixed case, with the
// Kelvin sign, long s and other letters that (?i) folds.
func TestUndictatePrefilterMatchesRegexp(t *testing.T) {
	for _, p := range dictatedMarkParts {
		for _, r := range p {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				if f != unicode.ToUpper(r) {
					t.Fatalf("part %q: %q folds to %q, which the prefilter does not see", p, r, f)
				}
			}
		}
	}
	var samples []string
	files, err := filepath.Glob(filepath.Join("..", "..", "evals", "cases", "*", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.Contains(filepath.Base(filepath.Dir(f)), "heldout") {
			continue // held-out sets are not read
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		samples = append(samples, strings.Split(string(data), "\n")...)
	}
	if len(samples) < 1000 {
		t.Fatalf("only %d lines of eval cases", len(samples))
	}
	pieces := []string{"komma", "KOMMA", "Punkt", "pUnKt", "fragezeichen", "Ausrufezeichen", "doppelpunkt", "neue zeile",
		"Neuer  Absatz", "neue\tzeile", "\u212aomma", "au\u017frufezeichen", "ne\u017fer ab\u017fatz", "omma", "pun", "zeichen", "neue",
		" ", "  ", "\n", ".", ",", "?", "x", "ä", "ß", "1", "k", "\u212a", "\u017f", "İ", "ı", "ſ"}
	r := rand.New(rand.NewPCG(13, 14))
	for range 30000 {
		var b strings.Builder
		for range 1 + r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		samples = append(samples, b.String())
	}
	marks := 0
	for _, s := range samples {
		got, want := Undictate(s), undictate(s)
		if got != want {
			t.Fatalf("Undictate(%q) = %q, the expression alone gives %q", s, got, want)
		}
		if dictatedMarkRE.MatchString(s) {
			marks++
			if !mayHoldDictatedMark(s) {
				t.Fatalf("%q: the expression finds a mark the prefilter does not let through", s)
			}
		}
	}
	t.Logf("%d texts, %d with a mark's word", len(samples), marks)
}
