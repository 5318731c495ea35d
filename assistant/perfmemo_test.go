// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/musterstadt/lotse/knowledge"
)

// replaceWords replaces what `\p{L}+` matches, in order, as regexp does:
// the same result and the same words handed to f (three kinds of f), over
// the scanners' samples and 7,000 random texts with letters of other
// scripts, marks that are no letters and invalid UTF-8.
func TestReplaceWordsMatchesRegexp(t *testing.T) {
	re := regexp.MustCompile(`\p{L}+`)
	pieces := []string{"Ж", "ж", "ب", "中", "ª", "º", "µ", "\u0301", "\u00a0", "½", "²", "\uFFFD", "Ÿ", "ǅ", "\xc3", "\xe2\x82"}
	r := rand.New(rand.NewPCG(7, 8))
	check := func(s string) {
		t.Helper()
		for _, f := range []func(string) string{
			func(w string) string { return w },
			strings.ToUpper,
			func(w string) string {
				if len(w)%2 == 0 {
					return "<" + w + ">"
				}
				return w
			},
		} {
			var gotWords, wantWords []string
			got := replaceWords(s, func(w string) string { gotWords = append(gotWords, w); return f(w) })
			want := re.ReplaceAllStringFunc(s, func(w string) string { wantWords = append(wantWords, w); return f(w) })
			if got != want {
				t.Fatalf("replaceWords(%q) = %q, regexp gives %q", s, got, want)
			}
			if diff := cmp.Diff(wantWords, gotWords); diff != "" {
				t.Fatalf("replaceWords(%q) words (-regexp +got):\n%s", s, diff)
			}
		}
	}
	for _, s := range scanSamples {
		check(s)
	}
	for range 7000 {
		s := randomText(r)
		for range r.IntN(6) {
			at := r.IntN(len(s) + 1)
			s = s[:at] + pieces[r.IntN(len(pieces))] + s[at:]
		}
		check(s)
	}
}

// A quote's units, the values they state and their stems are what
// quotesState read from them before they were memoised, and a second
// look returns the memoised units.
func TestQuoteValuesAsComputed(t *testing.T) {
	a := mustAssistant(t, nil)
	info := a.info(knowledge.Document{ID: "memo", Title: "Reisepass", Sections: []knowledge.Section{{Text: "Der Reisepass kostet 70 Euro."}}})
	text := "Die Gebühr beträgt 13 Euro.\nDer Reisepass ist zehn Jahre gültig.\nGültiger Lichtbildausweis\nAm 17.03.2026 geschlossen."
	got := info.quoteValues(a, text)
	var want []valuedUnit
	for _, u := range splitUnits(text) {
		ws := words(u)
		vu := valuedUnit{vals: a.unitValues(u, ws)}
		if vu.vals != 0 {
			vu.stems = map[string]bool{}
			for _, w := range ws {
				vu.stems[stem(w)] = true
			}
		}
		want = append(want, vu)
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(valuedUnit{})); diff != "" {
		t.Fatalf("quoteValues (-want +got):\n%s", diff)
	}
	if len(got) != 4 || got[0].vals&valMoney == 0 || got[1].vals&valSpan == 0 || got[2].vals != 0 || got[2].stems != nil {
		t.Fatalf("quoteValues = %+v: want money, a span, nothing, …", got)
	}
	again := info.quoteValues(a, text)
	if len(again) != len(got) || &again[0] != &got[0] {
		t.Fatal("second quoteValues computed the units again")
	}
}

// locators finds what locatorRE finds, over messages with and without
// slashes and backslashes.
func TestLocatorsMatchRegexp(t *testing.T) {
	samples := append([]string{
		"siehe https://example.org/a/b und ftp://x", `Laufwerk \\server\share\ordner`, "Datei /home/user/docs/x.txt fehlt",
		"nur /tmp", "a/b/c", " /a/b/", "HTTPS://EXAMPLE.ORG", "1/2/3", "/a/b /c/d /e/f /g/h /i/j",
	}, scanSamples...)
	pieces := []string{"/", `\`, "://", "http", "a", " ", ".", "x1"}
	r := rand.New(rand.NewPCG(9, 10))
	for range 20000 {
		s := randomText(r)
		for range r.IntN(5) {
			at := r.IntN(len(s) + 1)
			s = s[:at] + pieces[r.IntN(len(pieces))] + s[at:]
		}
		samples = append(samples, s)
	}
	for _, s := range samples {
		if got, want := locators(s), locatorRE.FindAllString(s, 4); !cmp.Equal(got, want) {
			t.Fatalf("locators(%q) = %q, locatorRE finds %q", s, got, want)
		}
	}
}

// firstURL and decimalSizes find what their expressions find, over texts
// with and without what every match holds.
func TestRegexpShortcutsMatch(t *testing.T) {
	samples := append([]string{
		"Online: https://service.example.org/antrag.", "http://x.de, (https://y.de/a)", "HTTP://GROSS.DE", "httpx", "htt",
		"1,8 km", "1,8km und 2,5 Liter", "3, 4 m", ",5 m", "12,75 m²", "a,b", "1,8 ² m",
	}, scanSamples...)
	pieces := []string{"http", "s", "://", ",", "1", "9", " ", "km", "m²", "."}
	r := rand.New(rand.NewPCG(11, 12))
	for range 20000 {
		s := randomText(r)
		for range r.IntN(6) {
			at := r.IntN(len(s) + 1)
			s = s[:at] + pieces[r.IntN(len(pieces))] + s[at:]
		}
		samples = append(samples, s)
	}
	for _, s := range samples {
		if got, want := firstURL(s), urlRE.FindString(s); got != want {
			t.Fatalf("firstURL(%q) = %q, urlRE finds %q", s, got, want)
		}
		if got, want := decimalSizes(s), decimalSizeRE.FindAllStringSubmatch(s, -1); !cmp.Equal(got, want) {
			t.Fatalf("decimalSizes(%q) = %q, decimalSizeRE finds %q", s, got, want)
		}
	}
}

// facetSpans gives, facet by facet, what spans gives for each facet
// section, in the same order: over messages made of the facet patterns'
// own words (prefixes filled in, gaps filled with other words) and others.
func TestFacetSpansMatchSpans(t *testing.T) {
	a := mustAssistant(t, nil)
	lx := a.lex
	if !slices.IsSorted(lx.facets.free) {
		t.Fatal("the free patterns are not in facet and lexicon order")
	}
	var vocab []string
	for _, f := range facetOrder {
		for _, p := range lx.sections["facet_"+string(f)] {
			for _, w := range p {
				switch {
				case w == "~":
				case strings.HasSuffix(w, "*"):
					vocab = append(vocab, strings.TrimSuffix(w, "*")+"en")
				case strings.HasPrefix(w, "*"):
					vocab = append(vocab, "haupt"+strings.TrimPrefix(w, "*"))
				default:
					vocab = append(vocab, w)
				}
			}
		}
	}
	vocab = append(vocab, "bitte", "antrag", "und", "reisepass", "montag", "ich", "x")
	r := rand.New(rand.NewPCG(13, 14))
	messages := [][]string{nil, {"was", "kostet", "ein", "reisepass"}, {"wie", "lange", "dauert", "das"}}
	for range 5000 {
		var ws []string
		for range r.IntN(14) {
			ws = append(ws, vocab[r.IntN(len(vocab))])
		}
		messages = append(messages, ws)
	}
	matched := 0
	for _, ws := range messages {
		got := make([][][2]int, len(facetOrder))
		lx.facetSpans(ws, func(fi int, sp [2]int) { got[fi] = append(got[fi], sp) })
		for fi, f := range facetOrder {
			want := lx.spans("facet_"+string(f), ws)
			if !cmp.Equal(got[fi], want) {
				t.Fatalf("facetSpans(%q) for %s = %v, spans gives %v", ws, f, got[fi], want)
			}
			matched += len(want)
		}
	}
	if matched < 1000 {
		t.Fatalf("only %d spans in the samples: the test checks too little", matched)
	}
}

// A section's URL is firstURL of its text, read once per document, and
// the same without a docInfo.
func TestSectionURLAsComputed(t *testing.T) {
	a := mustAssistant(t, nil)
	doc := knowledge.Document{ID: "memo-url", Title: "Bewohnerparkausweis", Sections: []knowledge.Section{
		{Heading: "Online", Facet: knowledge.FacetOnline, Text: "Beantragen Sie ihn online: https://service.example/parken."},
		{Heading: "Termin", Facet: knowledge.FacetTermin, Text: "Einen Termin vereinbaren Sie telefonisch."},
		{Heading: "Kosten", Facet: knowledge.FacetKosten, Text: "30 Euro (siehe http://example.test/gebuehren, Seite 2)"},
	}}
	info := a.info(doc)
	for range 2 {
		for i, s := range doc.Sections {
			want := firstURL(s.Text)
			if got := info.sectionURL(doc, i); got != want {
				t.Fatalf("section %d: %q, firstURL %q", i, got, want)
			}
			if got := (*docInfo)(nil).sectionURL(doc, i); got != want {
				t.Fatalf("section %d without info: %q, firstURL %q", i, got, want)
			}
		}
	}
}

// calendarDay with the holidays and day words stemmed once (dayWordStems)
// says what stemming them on every call said, for the stems of every word
// of the eval questions (held-out sets not read), of the day tables' own
// words and of their prefixes.
func TestCalendarDayMatchesStemmingEachCall(t *testing.T) {
	reference := func(st string) bool {
		if monthStem(st) {
			return true
		}
		if _, ok := weekdayIndex[st]; ok && len(st) > 2 {
			return true
		}
		for d := range holidays {
			if !strings.Contains(d, " ") && stem(d) == st {
				return true
			}
		}
		for _, d := range []string{"sonnabend", "ostern", "pfingsten", "feiertag", "feiertage", "wochenende", "brueckentag"} {
			if stem(d) == st {
				return true
			}
		}
		return false
	}
	seen := map[string]bool{}
	add := func(text string) {
		for _, w := range words(text) {
			for _, st := range []string{w, stem(w)} {
				for i := range len(st) + 1 {
					seen[st[:i]] = true
				}
			}
		}
	}
	for d := range holidays {
		add(d)
	}
	for m := range months {
		add(m)
	}
	for d := range weekdayIndex {
		add(d)
	}
	add("sonnabend ostern pfingsten feiertag feiertage wochenende brueckentag Feiertagen Wochenenden Ostersonntag")
	files, err := filepath.Glob(filepath.Join("..", "evals", "cases", "*", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.Contains(filepath.Base(filepath.Dir(f)), "heldout") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		add(string(data))
	}
	days := 0
	for st := range seen {
		got, want := calendarDay(st), reference(st)
		if got != want {
			t.Fatalf("calendarDay(%q) = %v, stemming each call gives %v", st, got, want)
		}
		if got {
			days++
		}
	}
	if len(seen) < 10000 || days < 20 {
		t.Fatalf("only %d stems compared, %d of them days", len(seen), days)
	}
}

// exactNamesApart, which passes over a stem whose wordBit no one-word name
// of the candidates has, leaves what comparing the stem with every name
// leaves: over random stems and names drawn from one vocabulary.
func TestExactNamesApartMatchesScan(t *testing.T) {
	reference := func(said stemSet, cands []candidate) []string {
		return slices.DeleteFunc(slices.Clone(said.list), func(s string) bool {
			for i := range cands {
				for _, n := range cands[i].nameSets {
					if len(n) == 1 && n[0] == s {
						return true
					}
				}
			}
			return false
		})
	}
	vocab := []string{"reisepass", "personalausweis", "buergeramt", "beantrag", "kost", "pass", "ausweis", "termin", "gewerb", "anmeld", "kinderreisepass", "a", "ab", "abc"}
	r := rand.New(rand.NewPCG(21, 22))
	pick := func(n int) []string {
		var out []string
		for range n {
			out = append(out, vocab[r.IntN(len(vocab))])
		}
		return out
	}
	for range 3000 {
		said := newStemSet(map[string]bool{})
		for _, s := range pick(r.IntN(8)) {
			if !said.has[s] {
				said.has[s] = true
				said.list = append(said.list, s)
			}
		}
		cands := make([]candidate, r.IntN(6))
		for i := range cands {
			for range r.IntN(5) {
				cands[i].nameSets = append(cands[i].nameSets, pick(1+r.IntN(2)))
			}
		}
		if got, want := exactNamesApart(said, cands).list, reference(said, cands); !cmp.Equal(got, want, cmpopts.EquateEmpty()) {
			t.Fatalf("exactNamesApart(%q) = %q, want %q", said.list, got, want)
		}
	}
}
