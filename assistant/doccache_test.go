// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/musterstadt/lotse/knowledge"
)

// TestCleanMemoBounded fills the memo of clean from several goroutines
// (run with -race) and checks that it keeps within its bounds and returns
// what was put.
func TestCleanMemoBounded(t *testing.T) {
	var c cleanMemo
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 3 * maxCleanMemo {
				k := cleanKey{text: fmt.Sprintf("text %d %d", g, i), keepOffice: i%2 == 0}
				c.put(k, strings.ToUpper(k.text))
				if s, ok := c.get(k); ok && s != strings.ToUpper(k.text) {
					t.Errorf("get(%q) = %q", k.text, s)
				}
			}
		})
	}
	wg.Wait()
	if len(c.m) > maxCleanMemo || c.bytes > maxCleanBytes {
		t.Errorf("memo holds %d texts, %d bytes; want ≤ %d, ≤ %d", len(c.m), c.bytes, maxCleanMemo, maxCleanBytes)
	}
	big := strings.Repeat("x", maxCleanBytes/3)
	for i := range 4 {
		c.put(cleanKey{text: big + fmt.Sprint(i)}, big)
	}
	if c.bytes > maxCleanBytes {
		t.Errorf("memo holds %d bytes, want ≤ %d", c.bytes, maxCleanBytes)
	}
	if _, ok := c.get(cleanKey{text: big + "3"}); !ok {
		t.Error("the last text put is not in the memo")
	}
}

// TestCleanMemoisedAsUncached checks that clean answers from its memo
// what cleanText computes.
func TestCleanMemoisedAsUncached(t *testing.T) {
	a := mustAssistant(t, nil)
	text := "**Gebühr:** 37,50 Euro\n\n| a | b |\n|---|---|\n\nAktenzeichen: 12-3\nSiehe [Seite](/x)."
	for _, keep := range []bool{false, true} {
		want := a.cleanText(text, keep)
		for range 2 {
			if got := a.clean(text, keep); got != want {
				t.Errorf("clean(…, %v) = %q, want %q", keep, got, want)
			}
		}
	}
}

// TestSameNameIsJoinedEquality compares sameName with joining the names,
// including words that hold blanks or are empty.
func TestSameNameIsJoinedEquality(t *testing.T) {
	names := [][]string{nil, {}, {""}, {"", ""}, {"a"}, {"a", ""}, {"", "a"}, {"a b"}, {"a", "b"}, {"ab"}, {"a", "c"},
		{"reisepass"}, {"reisepas", "s"}, {"reise", "pass"}, {"reise pass"}, {"kind", "reisepass"}, {"kindreisepass"}}
	for _, a := range names {
		for _, b := range names {
			if got, want := sameName(a, b), strings.Join(a, " ") == strings.Join(b, " "); got != want {
				t.Errorf("sameName(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
}

// TestUnitAgeAndSituationLinesAsUncached checks that a document's memo
// gives each unit the age rule ageFits reads from its text, and that
// situationLine from the memo's lines answers as it does from the text,
// for ages, a child, an adult and a status, twice (the second time from
// the memo).
func TestUnitAgeAndSituationLinesAsUncached(t *testing.T) {
	a := mustAssistant(t, nil)
	doc := knowledge.Document{ID: "test/gebuehren", Title: "Beispielkarte beantragen", Kind: knowledge.KindService, Sections: []knowledge.Section{
		{Heading: "Beispielkarte beantragen › Kosten", Facet: knowledge.FacetKosten, Text: "- Antragstellende ab 21 Jahren: 41,00 Euro\n- Antragstellende unter 21 Jahren: 19,50 Euro\n- Studierende: 12,00 Euro\n- ermäßigt: 8,00 Euro"},
		{Heading: "Beispielkarte beantragen › Voraussetzungen", Facet: knowledge.FacetVoraussetzungen, Text: "Kinder von 6 bis 13 Jahren brauchen eine Begleitung. Wer das 17. Lebensjahr vollendet hat, zahlt 5,00 Euro. Jugendliche bis 15 Jahre kommen frei."},
		{Heading: "§ 3 Gebühren", Text: "(1) Für Personen, die das 65. Lebensjahr noch nicht vollendet haben, beträgt die Gebühr 30,00 Euro.\n(2) Die Frist beträgt zwei Jahre."},
	}}
	info := a.info(doc)
	sits := []situation{{}, {age: 9}, {age: 16}, {age: 40}, {age: 70}, {child: true}, {adult: true}, {status: []string{"studierend"}}, {status: []string{"ermassigt"}}}
	n := 0
	for si, units := range info.units {
		for ui, un := range units {
			for _, s := range sits {
				wf, ws := ageFits(un.text, s)
				if gf, gs := info.unitAges()[si][ui].fits(s); gf != wf || gs != ws {
					t.Errorf("%q, %+v: unit's rule fits %v, %v; ageFits %v, %v", un.text, s, gf, gs, wf, ws)
				}
				want := situationLine(un.text, s)
				for range 2 {
					if got := info.situationLine(un.text, s); got != want {
						t.Errorf("%q, %+v: memo's situationLine %q, want %q", un.text, s, got, want)
					}
				}
				if want != "" {
					n++
				}
			}
		}
	}
	if n == 0 {
		t.Error("no unit has a situation line: the fixture tests nothing")
	}
}

// TestSectionScanAsUncached checks that the memo's per-section stems and
// link lists are what usefulSection read from each section on every turn
// before: the stems of its heading and units, and navigation of its text.
func TestSectionScanAsUncached(t *testing.T) {
	a := mustAssistant(t, nil)
	doc := knowledge.Document{ID: "test/beispiel", Title: "Beispielausweis verlängern", Kind: knowledge.KindService, Sections: []knowledge.Section{
		{Heading: "Beispielausweis verlängern", Text: "Den Beispielausweis verlängern Sie im Beispielamt."},
		{Heading: "Beispielausweis verlängern › Unterlagen", Facet: knowledge.FacetUnterlagen, Text: "- alter Beispielausweis\n- Lichtbild"},
		{Heading: "Weitere Seiten", Text: "- [Beispielpass](/beispielpass)\n- [Beispielkarte](/beispielkarte)"},
	}}
	info := a.info(doc)
	sets, nav := info.sectionScan(doc)
	for i, s := range doc.Sections {
		tokens := map[string]bool{}
		for _, w := range words(s.Heading) {
			tokens[stem(w)] = true
		}
		for _, u := range info.units[i] {
			for st := range u.stems {
				tokens[st] = true
			}
		}
		if len(tokens) != len(sets[i].list) {
			t.Errorf("section %d: %d stems, want %d", i, len(sets[i].list), len(tokens))
		}
		for _, x := range append(sets[i].list, "beispielausweis", "lichtbil", "verlaeng", "unterlage", "karte") {
			if got, want := sets[i].match(x), tokenMatch(tokens, x); got != want {
				t.Errorf("section %d: match(%q) = %v, want %v", i, x, got, want)
			}
		}
		if nav[i] != navigation(s.Text) {
			t.Errorf("section %d: navigation %v, want %v", i, nav[i], navigation(s.Text))
		}
	}
	if !nav[2] {
		t.Error("the list of links is no navigation: the fixture tests less than it should")
	}
}

// TestUnitIndexHitsAsUnitSets checks that a document of many units finds
// through its unitIndex the units queryTerms.hitIn finds in each unit's
// set: a word, a typo, a compound held exactly, alternatives and joined
// words, twice (the second time from the memo).
func TestUnitIndexHitsAsUnitSets(t *testing.T) {
	a := mustAssistant(t, nil)
	var b strings.Builder
	words := []string{"Beispielgebühr", "Musterantrag", "Probekarte", "Testbescheid", "Fahrzeugbeispiel", "Beispielfrist"}
	for i := range 2 * minIndexedUnits {
		fmt.Fprintf(&b, "(%d) Der %s wird nach %d Tagen mit dem %s erteilt.\n", i%9+1, words[i%len(words)], i%30+1, words[(i/len(words))%len(words)])
	}
	doc := knowledge.Document{ID: "test/satzung", Title: "Beispielsatzung", Kind: knowledge.KindLaw, Sections: []knowledge.Section{{Heading: "§ 1 Beispiele", Text: b.String()}}}
	info := a.info(doc)
	ix := info.unitIndex()
	if ix == nil {
		t.Fatal("a document of many units has no index")
	}
	q := queryTerms{
		compound: map[string]bool{stem("probekarte"): true},
		alts:     map[string][]string{stem("testbescheid"): {stem("musterantrag")}},
		joined:   map[string][]string{stem("beispiel"): {stem("beispielfrist")}},
	}
	for _, w := range []string{"beispielgebuehr", "musterantrg", "probekarte", "testbescheid", "beispiel", "tagen", "erteilt", "karte", "nichtda"} {
		s := stem(w)
		for range 2 {
			bits := ix.hitIn(q, s)
			found := 0
			for si, units := range info.units {
				for ui, un := range units {
					n := ix.off[si] + ui
					got := bits[n/64]&(1<<(n%64)) != 0
					if want := q.hitIn(un.set, s); got != want {
						t.Fatalf("%q in %q: index %v, set %v", s, un.text, got, want)
					}
					if got {
						found++
					}
				}
			}
			if w == "beispielgebuehr" && found == 0 {
				t.Errorf("%q hits no unit: the fixture tests less than it should", w)
			}
		}
	}
}

// TestEnumItemsAsScanned checks the memo's enumeration items of a
// statute against a scan of its units as bestUnitsBeyond made it on every
// turn: each item's sentence opens with the unit before the items (one
// that ends no sentence) and ends with the unit after them (one that goes
// on in lower case).
func TestEnumItemsAsScanned(t *testing.T) {
	a := mustAssistant(t, nil)
	doc := knowledge.Document{ID: "test/beispielsatzung", Title: "Beispielsatzung", Kind: knowledge.KindLaw, Sections: []knowledge.Section{
		{Heading: "§ 2 Befreiung", Text: "(1) Von der Beispielabgabe ist befreit, wer\n1. das Beispielamt betreibt,\n2. eine Probeanlage nutzt oder\n3. im Musterbezirk wohnt,\nsofern er dies anzeigt.\n(2) Die Befreiung gilt ein Jahr.\na) für Vereine und\nb) für Stiftungen.\nDas Nähere regelt die Probeordnung."},
	}}
	info := a.info(doc)
	got := info.enumItems()
	items := 0
	for si, units := range info.units {
		for ui, un := range units {
			want := enumItem{item: enumItemRE.MatchString(un.text)}
			if want.item {
				items++
				want.open, want.end = -1, -1
				for j := ui - 1; j >= 0; j-- {
					if !enumItemRE.MatchString(units[j].text) {
						if !endsSentence(units[j].text) {
							want.open = j
						}
						break
					}
				}
				for j := ui + 1; j < len(units); j++ {
					if !enumItemRE.MatchString(units[j].text) {
						if continuesSentence(units[j].text) {
							want.end = j
						}
						break
					}
				}
			}
			if got[si][ui] != want {
				t.Errorf("%q: %+v, want %+v", un.text, got[si][ui], want)
			}
		}
	}
	if items < 3 {
		t.Errorf("%d enumeration items: the fixture tests less than it should", items)
	}
}

// TestDatedUnitsAsRead checks that the memo's dated units of a quote and
// of a notice are the units datedUnitOf reads from the text, the second
// time from the memo.
func TestDatedUnitsAsRead(t *testing.T) {
	a := mustAssistant(t, nil)
	doc := knowledge.Document{ID: "test/hinweis", Title: "Beispielhof geschlossen", Kind: knowledge.KindNotice, Sections: []knowledge.Section{
		{Heading: "Beispielhof geschlossen", Text: "Ab Dienstag, 5. Januar 2027, gilt:\n- Der Beispielhof öffnet samstags erst um 10 Uhr.\n- Die Annahme von Probegut endet um 14 Uhr.\nAm 24. Dezember 2026 bleibt der Beispielhof geschlossen. Fragen beantwortet das Musteramt."},
	}}
	info := a.info(doc)
	var want []datedUnit
	for _, u := range withItems(splitUnits(a.clean(doc.Sections[0].Text, false))) {
		want = append(want, a.datedUnitOf(u))
	}
	text := doc.Sections[0].Text
	dated := 0
	for range 2 {
		if got := info.noticeUnits(a, doc); !reflect.DeepEqual(got, want) {
			t.Errorf("noticeUnits = %+v, want %+v", got, want)
		}
		var wantQ []datedUnit
		for _, u := range splitUnits(text) {
			wantQ = append(wantQ, a.datedUnitOf(u))
		}
		got := info.datedUnits(a, text)
		if !reflect.DeepEqual(got, wantQ) {
			t.Errorf("datedUnits = %+v, want %+v", got, wantQ)
		}
		for _, u := range got {
			if u.words != nil {
				dated++
			}
		}
	}
	if dated == 0 {
		t.Error("no unit states a date: the fixture tests less than it should")
	}
}

// TestAgeRuleNeedsYearWord checks the word ageRuleOf requires before it
// runs the age expressions: whatever one of them matches holds "jahr" or
// "year" in some case, and containsFoldASCII finds it.
func TestAgeRuleNeedsYearWord(t *testing.T) {
	lines := []string{
		"ab 18 Jahren: 20,00 Euro", "unter 14 JAHREN frei", "Kinder von 6 bis 12 Jahren", "from 16 years", "up to 3 YEARS",
		"wer das 16. Lebensjahr vollendet hat, zahlt 5,00 Euro", "noch nicht 24 Jahre alt ist, 22,80 Euro",
		"nach Vollendung des 65. LEBENSJAHRES 10,00 Euro", "bis 17 jAhRe", "über 60 Jahre", "fahren ab 18", "Verfahren 12 Euro",
	}
	matched := 0
	for _, u := range lines {
		for _, re := range []*regexp.Regexp{ageFromRE, ageUntilRE, ageNotYetRE, ageReachedRE, ageRangeRE} {
			if re.MatchString(u) {
				matched++
				if !containsFoldASCII(u, "jahr") && !containsFoldASCII(u, "year") {
					t.Errorf("%q: %v matches, but no year word is found", u, re)
				}
			}
		}
	}
	if matched < 8 {
		t.Errorf("%d matches: the lines test less than they should", matched)
	}
	for u, want := range map[string]bool{"JAHRE": true, "Lebensjahr": true, "years": true, "fahren": false, "Jah r": false} {
		if got := containsFoldASCII(u, "jahr") || containsFoldASCII(u, "year"); got != want {
			t.Errorf("year word in %q: %v, want %v", u, got, want)
		}
	}
}
