// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestNamesInOtherLanguages: front matter's names: map gives a document
// names in other languages; they are searched like synonyms, and bad
// names skip the file with a clear reason.
func TestNamesInOtherLanguages(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: service}\n")},
		"a/sondernutzung.md": {Data: []byte("---\ntitle: Sondernutzungserlaubnis beantragen\nnames:\n  en: [Street use permit, Permit for using the street]\n  tr: [Yol kullanım izni]\n---\n" +
			"Für einen Verkaufsstand auf dem Gehweg brauchen Sie eine Erlaubnis.\n\n## Kosten\n\n25,00 Euro je Tag.\n")},
		"a/bad-lang.md": {Data: []byte("---\ntitle: Eins\nnames:\n  english: [One]\n---\nText.\n")},
		"a/too-long.md": {Data: []byte("---\ntitle: Zwei\nnames:\n  en: [\"" + strings.Repeat("x", 200) + "\"]\n---\nText.\n")},
		"a/no-names.md": {Data: []byte("# Drei\n\nText ohne Namen.\n")},
	}
	kb := mustOpen(t, Config{Roots: []Root{{Name: "t", FS: root}}})
	d, ok := kb.Document("a/sondernutzung", Citizen)
	if !ok {
		t.Fatal("document not loaded")
	}
	if got := d.Names["en"]; !slices.Equal(got, []string{"Street use permit", "Permit for using the street"}) || d.Names["tr"][0] != "Yol kullanım izni" {
		t.Errorf("names = %v", d.Names)
	}
	ps, err := kb.Search(context.Background(), Query{Text: "street use permit", Audience: Citizen, Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) == 0 || ps[0].DocID != "a/sondernutzung" {
		t.Errorf("search by English name: %+v", ps)
	}
	if _, ok := kb.Document("a/no-names", Citizen); !ok {
		t.Error("document without names not loaded")
	}
	reasons := map[string]string{}
	for _, s := range kb.Report().Skipped {
		reasons[s.Source] = s.Reason
	}
	for src, want := range map[string]string{"t/a/bad-lang.md": "Sprachcode", "t/a/too-long.md": "zu lang"} {
		if !strings.Contains(reasons[src], want) {
			t.Errorf("%s skipped with %q, want %q (all: %v)", src, reasons[src], want, reasons)
		}
	}
}

// TestNamesInKnowledgeYAML: a town's editors give documents names in other
// languages in knowledge.yaml, by the document's path with or without its
// extension. They are merged with the front matter's, searched like
// synonyms, and a path that names no document is reported; a bad entry
// stops the root with a clear error.
func TestNamesInKnowledgeYAML(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: service}\n" +
			"names:\n" +
			"  a/sondernutzung: {en: [Sidewalk stall permit], uk: [Дозвіл на торгівлю на тротуарі]}\n" +
			"  a/hundesteuer.md: {tr: [Köpek vergisi], ar: [ضريبة الكلاب]}\n" +
			"  a/fehlt: {en: [Missing]}\n")},
		"a/sondernutzung.md": {Data: []byte("---\ntitle: Sondernutzungserlaubnis beantragen\nnames:\n  en: [Street use permit]\n---\n" +
			"Für einen Verkaufsstand auf dem Gehweg brauchen Sie eine Erlaubnis.\n\n## Kosten\n\n25,00 Euro je Tag.\n")},
		"a/hundesteuer.md": {Data: []byte("# Hundesteuer\n\nWer einen Hund hält, zahlt Hundesteuer.\n\n## Kosten\n\n96,00 Euro im Jahr.\n")},
		"a/parken.md":      {Data: []byte("# Bewohnerparkausweis\n\nMit dem Ausweis parken Sie in Ihrem Viertel.\n")},
	}
	kb := mustOpen(t, Config{Roots: []Root{{Name: "t", FS: root}}})
	d, ok := kb.Document("a/sondernutzung", Citizen)
	if !ok {
		t.Fatal("document not loaded")
	}
	if got := d.Names["en"]; !slices.Equal(got, []string{"Street use permit", "Sidewalk stall permit"}) {
		t.Errorf("en names = %v, want the front matter's, then knowledge.yaml's", got)
	}
	if h, _ := kb.Document("a/hundesteuer", Citizen); !slices.Equal(h.Names["tr"], []string{"Köpek vergisi"}) || len(h.Names["ar"]) != 1 {
		t.Errorf("names by file path = %v", h.Names)
	}
	for _, q := range []struct{ text, lang, doc string }{
		{"sidewalk stall permit", "en", "a/sondernutzung"},
		{"дозвіл на торгівлю на тротуарі", "uk", "a/sondernutzung"},
		{"köpek vergisi", "tr", "a/hundesteuer"},
		{"ضريبة الكلاب", "ar", "a/hundesteuer"},
	} {
		ps, err := kb.Search(context.Background(), Query{Text: q.text, Audience: Citizen, Lang: q.lang})
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) == 0 || ps[0].DocID != q.doc {
			t.Errorf("search %q (%s): %+v, want %s first", q.text, q.lang, ps, q.doc)
		}
	}
	var reported bool
	for _, s := range kb.Report().Skipped {
		reported = reported || (s.Source == "t/knowledge.yaml" && strings.Contains(s.Reason, "a/fehlt"))
	}
	if !reported {
		t.Errorf("a name for a missing document is not reported: %+v", kb.Report().Skipped)
	}

	for name, yaml := range map[string]string{
		"language code": "names:\n  a/hundesteuer: {english: [Dog tax]}\n",
		"path":          "names:\n  ../x: {en: [X]}\n",
		"too many":      "names:\n  a/hundesteuer: {en: [a, b, c, d, e, f, g, h, i]}\n",
	} {
		bad := fstest.MapFS{"knowledge.yaml": {Data: []byte(yaml)}, "a/hundesteuer.md": root["a/hundesteuer.md"]}
		_, err := Open(context.Background(), Config{Roots: []Root{{Name: "bad", FS: bad}}})
		if err == nil || !strings.Contains(err.Error(), "names") {
			t.Errorf("%s: err = %v, want a clear error about names", name, err)
		}
	}
}

// The built-in rules from a word people say to the one town halls write
// come as single words, and verbs are left out.
func TestColloquial(t *testing.T) {
	c := Colloquial()
	if !slices.Contains(c["perso"], "personalausweis") {
		t.Errorf("perso → %v, want personalausweis", c["perso"])
	}
	if !slices.Contains(c["pin"], "geheimnummer") {
		t.Errorf("pin → %v, want geheimnummer", c["pin"])
	}
	if !slices.Contains(c["nummernschild"], "kennzeichen") {
		t.Errorf("nummernschild → %v, want kennzeichen", c["nummernschild"])
	}
	if !slices.Contains(c["kurtaxe"], "kurabgabe") || len(c["ziehe"]) > 0 {
		t.Errorf("kurtaxe → %v (want kurabgabe), ziehe → %v (a verb: want none)", c["kurtaxe"], c["ziehe"])
	}
	for from, to := range map[string]string{"angelschein": "fischereischein", "grabstein": "grabmal",
		// Nouns that end like a verb, marked by their capital letter.
		"lappen": "fahrerlaubnis", "wagen": "fahrzeug", "knoellchen": "verwarnungsgeld", "parkticket": "verwarnungsgeld", "hochzeit": "eheschliessung"} {
		if !slices.Contains(c[from], to) {
			t.Errorf("%s → %v, want %s", from, c[from], to)
		}
	}
	listed := map[string]bool{"ziehe": true, "ziehen": true}
	nouns := map[string]bool{} // the words the rules capitalise
	for _, w := range strings.FieldsFunc(builtinSynonyms, func(r rune) bool { return r == ',' || r == '\n' || r == '=' || r == '>' }) {
		if w = strings.TrimSpace(w); w != strings.ToLower(w) {
			nouns[strings.ToLower(w)] = true
		}
	}
	for from, to := range c {
		if verbForm(from, listed) && !nouns[from] || strings.Contains(from, " ") {
			t.Errorf("%q is a verb or several words", from)
		}
		for _, w := range to {
			if strings.Contains(w, " ") {
				t.Errorf("%q → %q: several words", from, w)
			}
		}
	}
	c["perso"] = nil
	if len(Colloquial()["perso"]) == 0 {
		t.Error("Colloquial shares its map between callers")
	}
}
