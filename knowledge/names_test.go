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
