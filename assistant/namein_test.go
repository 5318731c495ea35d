// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"slices"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/knowledge"
)

// nameIn gives the answer of its former scans (nameInReference), whether
// the question's stems are also listed longest first (score's sets, whose
// scans stop early) or not: every line of the bundled base as the
// question, against the stems of its own words and of the other lines'
// words as one-word names.
func TestNameInMatchesReference(t *testing.T) {
	a := mustAssistant(t, nil)
	// Compounds whose parts the question says apart, and the other way
	// round ("Gewerbe … anmelden", "Nachnamen ändern").
	lines := []string{
		"muss ich mein Gewerbe vor dem Start anmelden", "Vaterschaft anerkennen lassen",
		"meinen Nachnamen ändern nach der Hochzeit", "brauche ich die Genehmigung vom Bauamt",
		"Bestätigung dass ich schwanger bin", "sie hat ein Studentenvisum gebucht",
		"wo finde ich die Satzung über den Friedhof", "Kindergartenplatz gesucht",
	}
	for _, l := range lines {
		for _, w := range []string{"gewerbeanmeldung", "vaterschaftsanerkennung", "namensaenderung",
			"namensaenderungserklaerung", "baugenehmigung", "schwangerschaftsbestaetigung", "visum",
			"friedhofssatzung", "kindergarten"} {
			lines = append(lines, l+" "+w)
		}
	}
	for _, text := range prefilterTexts(t) {
		for _, l := range strings.Split(text, "\n") {
			if len(words(l)) >= 3 {
				lines = append(lines, l)
			}
		}
	}
	names := map[string]bool{}
	for i, l := range lines {
		if i%7 != 0 && i >= 80 {
			continue
		}
		for _, w := range words(l) {
			names[stem(w)] = true
		}
	}
	checked, found := 0, 0
	for i, l := range lines {
		if i%5 != 0 && i >= 8 {
			continue
		}
		plain := newStemSet(a.lex.terms(l).stems)
		sorted := plain.longestFirst()
		// A set whose list lacks keys of has, as exactNamesApart leaves
		// one: longestFirst's hasBits still cover every key.
		half := stemSet{has: plain.has, list: plain.list[:len(plain.list)/2]}
		halfSorted := half.longestFirst()
		for n := range names {
			name := []string{n}
			want := nameInReference(name, plain)
			if got := nameIn(name, plain); got != want {
				t.Fatalf("nameIn(%q) for %q: %v, the reference %v", n, l, got, want)
			}
			if got := nameIn(name, sorted); got != want {
				t.Fatalf("nameIn(%q) for %q longest first: %v, the reference %v", n, l, got, want)
			}
			if got, want := nameIn(name, halfSorted), nameInReference(name, half); got != want {
				t.Fatalf("nameIn(%q) for half of %q longest first: %v, the reference %v", n, l, got, want)
			}
			checked++
			if want {
				found++
			}
		}
	}
	t.Logf("%d names checked, %d found", checked, found)
	if checked < 10_000 || found < 100 {
		t.Fatalf("only %d names checked, %d found: the sample is too small", checked, found)
	}
}

// nameInReference and splitsIntoReference are nameIn and splitsInto as
// they were before the question's stems were listed longest first and
// the pairs of bytes of a name were looked at before a search.
func nameInReference(name []string, stems stemSet) bool {
	for _, s := range name {
		if stems.has[s] {
			continue
		}
		found := false
		if len(s) >= minHeadName && len(name) == 1 {
			for _, w := range stems.list {
				// A word shorter by more than two bytes neither holds s
				// nor nearly is it. A short name counts only as the head
				// a compound ends in ("Studentenvisum" names "Visum").
				if len(s) < 6 {
					if len(w) > len(s) && strings.HasSuffix(w, s) && !inseparablePrefix[w[:len(w)-len(s)]] {
						found = true
						break
					}
					continue
				}
				if p, _, ok := strings.Cut(w, s); len(w)+2 >= len(s) && (ok && !inseparablePrefix[p] || !ok && nearMiss(w, s)) {
					found = true
					break
				}
			}
			// A compound whose parts the question says apart: "Gewerbe
			// … anmelden" names "Gewerbeanmeldung".
			found = found || splitsIntoReference(s, stems)
		}
		if !found {
			return false
		}
	}
	return true
}

// splitsInto reports whether the stem s of a compound is two stems of
// stems joined, with or without a linking "e", "s", "es" or "n"
// ("gewerb" + "e" + "anmeld"); the first may be made a noun by a suffix
// ("schwanger" → "Schwangerschafts|bestätigung", whose stem lost its
// "-er").
func splitsIntoReference(s string, stems stemSet) bool {
	if len(s) < 8 {
		return false
	}
	for _, a := range stems.list {
		if len(a) < 4 || len(a) >= len(s) || !strings.HasPrefix(s, a) {
			continue
		}
		for _, suffix := range nounSuffixes {
			rest, ok := strings.CutPrefix(s[len(a):], suffix)
			if !ok {
				continue
			}
			for _, link := range compoundLinks {
				if b, ok := strings.CutPrefix(rest, link); ok && len(b) >= 4 && stems.has[b] {
					return true
				}
			}
		}
	}
	// The question's word is a compound of the first part, or the
	// title's word has a third part: "Nachnamen ändern" names
	// "Namensänderung" and "Namensänderungserklärung", "die Genehmigung
	// … ins Bauamt" names "Baugenehmigung".
	for _, b := range stems.list {
		if strings.HasSuffix(b, "rn") || strings.HasSuffix(b, "ln") {
			// The verb's root, as its noun in "-ung" has it: "ändern",
			// "Änderung"; "wechseln", "Wechsel".
			b = b[:len(b)-1]
		}
		if len(b) < 4 || len(s)-len(b) < 3 {
			continue // too short, or too long to stand at index 3 or later
		}
		i := strings.Index(s, b)
		if i < 3 {
			continue
		}
		head := s[:i]
		for _, link := range genitiveLinks {
			p, ok := strings.CutSuffix(head, link)
			if !ok || len(p) < 3 || inseparablePrefix[p] {
				continue
			}
			for _, w := range stems.list {
				if w != b && (w == p || len(w) >= len(p)+3 && (strings.HasSuffix(w, p) || strings.HasPrefix(w, p)) || len(w) >= 5 && strings.HasSuffix(p, w)) {
					return true
				}
			}
		}
	}
	return false
}

// A verb an inseparable prefix makes of a name is no name: "wir sind nicht
// verheiratet" names no "Heirat". A compound still names its head: "Studentenvisum" names "Visum",
// "Bauantrag" names "Antrag".
func TestNameInNotInPrefixedVerb(t *testing.T) {
	a := mustAssistant(t, nil)
	for text, want := range map[string]bool{
		"wir sind nicht verheiratet, falls das wichtig ist": false,
		"wann können wir heiraten":                          true,
		"die heirat ist im mai":                             true,
	} {
		set := newStemSet(a.lex.terms(text).stems)
		if got := nameIn([]string{stem("heirat")}, set); got != want {
			t.Errorf("nameIn(heirat) in %q = %v, want %v", text, got, want)
		}
	}
	if set := newStemSet(a.lex.terms("wo reiche ich den bauantrag ein").stems); !nameIn([]string{stem("antrag")}, set) {
		t.Errorf("Bauantrag does not name Antrag")
	}
}

// TestLawTitleNamesMatterWithObject: a statute's long title names its
// matter together with the matter's object ("Zulassung von Personen"); the
// matter alone ("Zulassung" of a car) does not name it, the title's other
// words and its short title do.
func TestLawTitleNamesMatterWithObject(t *testing.T) {
	a := mustAssistant(t, nil)
	d := knowledge.Document{ID: "fev", Kind: knowledge.KindLaw, Title: "Verordnung über die Zulassung von Personen zum Straßenverkehr (Fahrerlaubnis-Verordnung - FeV)"}
	_, names := a.lex.docTerms(d)
	has := func(n ...string) bool {
		return slices.ContainsFunc(names, func(m []string) bool { return slices.Equal(m, n) })
	}
	if has(stem("zulassung")) || !has(stem("zulassung"), stem("personen")) || !has(stem("fahrerlaubnis")) {
		t.Errorf("names = %v", names)
	}
	// A service's title names by each of its words as ever.
	d = knowledge.Document{ID: "z", Kind: knowledge.KindService, Title: "Zulassung von Fahrzeugen"}
	if _, names = a.lex.docTerms(d); !slices.ContainsFunc(names, func(m []string) bool { return slices.Equal(m, []string{stem("zulassung")}) }) {
		t.Errorf("service names = %v", names)
	}
}
