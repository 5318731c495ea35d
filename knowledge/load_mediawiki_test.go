// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// mwExportOf wraps pages (title, namespace, wikitext) in an export.
func mwExportOf(pages ...[3]string) string {
	var b strings.Builder
	b.WriteString(`<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="de"><siteinfo><sitename>Beispielwiki</sitename></siteinfo>`)
	for _, p := range pages {
		b.WriteString("<page><title>" + p[0] + "</title><ns>" + p[1] + "</ns><id>1</id><revision><id>1</id><timestamp>2026-01-01T00:00:00Z</timestamp><contributor><username>Alt</username></contributor><text>Alte Fassung</text><sha1>x</sha1></revision>")
		b.WriteString("<revision><id>2</id><timestamp>2026-10-07T13:22:09Z</timestamp><contributor><username>Neu</username><id>12</id></contributor><text xml:space=\"preserve\">" + p[2] + "</text><sha1>abc123</sha1></revision></page>")
	}
	b.WriteString("</mediawiki>")
	return b.String()
}

// TestMediaWikiExport checks a page of a MediaWiki export: its title,
// the last revision's wikitext with headings, numbered and bulleted
// lists, emphasis, a table as rows of cells, links by their labels, an
// infobox as labelled lines, a one-argument template as its text;
// categories, magic words, comments, contributors and checksums left
// out; pages of other namespaces (templates, categories) skipped.
func TestMediaWikiExport(t *testing.T) {
	wikitext := `{{Infobox Anleitung
| Raum = Saal 1
| Verantwortlich = [[Benutzer:A.B|Anna Beispiel]]
}}
__TOC__
Der Saal hat einen Beamer.

== Beamer ==
# Beamer einschalten.
# Taste '''Quelle''' drücken, dann {{Taste|P}}.
{{Hinweis|Kein Bild? Rufen Sie die [[IT-Hotline]] an.}}
&lt;!-- TODO: Fotos --&gt;
{| class="wikitable"
! Gerät !! Bei Störung
|-
| Beamer || style="color:red" | IT -199
|}
* [https://beispiel.example Webseite]
[[Kategorie:Technik]]`
	docs, format, err := parseFile("rss", []byte(mwExportOf([3]string{"Saaltechnik", "0", wikitext}, [3]string{"Vorlage:Taste", "10", "&lt;kbd&gt;{{{1}}}&lt;/kbd&gt;"})), nil)
	if err != nil {
		t.Fatal(err)
	}
	if format != "xml" || len(docs) != 1 || docs[0].title != "Saaltechnik" || docs[0].subID != "" {
		t.Fatalf("format %q, docs %+v", format, docs)
	}
	if docs[0].updated.Format("2006-01-02") != "2026-10-07" {
		t.Errorf("updated %v", docs[0].updated)
	}
	var all strings.Builder
	for _, s := range docs[0].sections {
		all.WriteString(s.Heading + "\n" + s.Text + "\n")
	}
	got := all.String()
	for _, want := range []string{"Raum: Saal 1", "Verantwortlich: Anna Beispiel", "Der Saal hat einen Beamer.", "1. Beamer einschalten.\n2. Taste Quelle drücken, dann P.",
		"Kein Bild? Rufen Sie die IT-Hotline an.", "| Gerät | Bei Störung |", "| Beamer | IT -199 |", "- Webseite"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	for _, no := range []string{"TOC", "TODO", "Kategorie", "Technik", "'''", "{{", "[[", "abc123", "Neu", "Alte Fassung", "wikitable", "color"} {
		if strings.Contains(got, no) {
			t.Errorf("%q read:\n%s", no, got)
		}
	}
	// Two articles: a document each, told apart by their titles.
	docs, _, err = parseFile("rss", []byte(mwExportOf([3]string{"Drucker", "0", "Text eins."}, [3]string{"Scanner", "0", "Text zwei."})), nil)
	if err != nil || len(docs) != 2 || docs[0].subID == docs[1].subID || docs[0].subID == "" {
		t.Errorf("two pages: %v %+v", err, docs)
	}
}

// TestMediaWikiHostile checks templates nested beyond the bound and
// unclosed ones: the text is read in bounded time, not lost.
func TestMediaWikiHostile(t *testing.T) {
	deep := strings.Repeat("{{a|", 200) + "Kern" + strings.Repeat("}}", 200)
	open := strings.Repeat("{{", 50000) + "Text"
	for _, w := range []string{deep, open, strings.Repeat("{| \n", 1000)} {
		_ = wikitextMarkdown(w)
	}
	if got := wikitextMarkdown(strings.Repeat("{{a|", 5) + "Kern" + strings.Repeat("}}", 5)); strings.TrimSpace(got) != "Kern" {
		t.Errorf("nested templates: %q", got)
	}
}
