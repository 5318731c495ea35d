// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

const odpNS = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"`

// odpOf returns an OpenDocument presentation whose office:presentation
// holds pages, with a master page whose footer no slide should show.
func odpOf(t *testing.T, pages string) []byte {
	t.Helper()
	return zipOf(t,
		"mimetype", "application/vnd.oasis.opendocument.presentation",
		"content.xml", `<?xml version="1.0" encoding="UTF-8"?><office:document-content `+odpNS+`><office:body><office:presentation>`+pages+`</office:presentation></office:body></office:document-content>`,
		"styles.xml", `<office:document-styles `+odpNS+`><office:master-styles><draw:frame presentation:class="footer"><draw:text-box><text:p>Fußzeile der Vorlage</text:p></draw:text-box></draw:frame></office:master-styles></office:document-styles>`,
		"meta.xml", `<office:document-meta `+odpNS+`><office:meta><dc:title>Entwurf Vortrag</dc:title><dc:date>2026-03-02T08:09:10</dc:date></office:meta></office:document-meta>`,
	)
}

// TestODPSlides checks that an Impress presentation is read slide by
// slide: the first slide's title frame the title (not meta.xml's), each
// slide a section headed by its title frame, the subtitle and outline
// frames its lines, list items "- " indented by depth, a table row a
// line of cells, the notes after the slide's text, the thumbnail, the
// footer frames, a comment and the master page's footer left out, a
// slide without a title "Folie N", an empty slide skipped.
func TestODPSlides(t *testing.T) {
	frame := func(class, body string) string {
		return `<draw:frame presentation:class="` + class + `"><draw:text-box>` + body + `</draw:text-box></draw:frame>`
	}
	notes := func(text string) string {
		return `<presentation:notes><draw:page-thumbnail presentation:class="page"/>` + frame("notes", `<text:p>`+text+`</text:p>`) + `</presentation:notes>`
	}
	data := odpOf(t, `<draw:page draw:name="page1">`+frame("title", `<text:p>Neues Hallenbad</text:p>`)+frame("subtitle", `<text:p>Bürgerforum am <text:span>3. März</text:span></text:p>`)+notes("Begrüßung durch die Leitung.")+`</draw:page>
<draw:page draw:name="page2">`+frame("title", `<text:p>Was kostet</text:p><text:p>der Eintritt?</text:p>`)+frame("outline", `<text:list><text:list-item><text:p>Erwachsene 5 Euro</text:p></text:list-item><text:list-item><text:p>Kinder frei</text:p><text:list><text:list-item><text:p>bis<text:s text:c="2"/>12 Jahre</text:p></text:list-item></text:list></text:list-item></text:list>`)+`<office:annotation><text:p>noch klären</text:p></office:annotation>`+frame("footer", `<text:p>Folienfuß</text:p>`)+frame("page-number", `<text:p>2</text:p>`)+notes("Oft gefragt.")+`</draw:page>
<draw:page draw:name="page3"><draw:frame><draw:text-box><text:p>Öffnungszeiten</text:p></draw:text-box></draw:frame><draw:frame><table:table><table:table-row><table:table-cell><text:p>Montag</text:p></table:table-cell><table:table-cell><text:p>geschlossen</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell><text:p>Dienstag</text:p></table:table-cell><table:table-cell><text:p>7–21 Uhr</text:p></table:table-cell></table:table-row></table:table></draw:frame></draw:page>
<draw:page draw:name="page4">`+frame("title", `<text:p/>`)+`</draw:page>`)
	pd, err := parseODP(data, newBudget(Limits{}, nil))
	if err != nil {
		t.Fatal(err)
	}
	if pd.title != "Neues Hallenbad" || pd.updated.IsZero() {
		t.Errorf("title %q, date %v", pd.title, pd.updated)
	}
	want := []Section{
		{Heading: "Neues Hallenbad", Text: "Bürgerforum am 3. März\nBegrüßung durch die Leitung."},
		{Heading: "Was kostet der Eintritt?", Text: "- Erwachsene 5 Euro\n- Kinder frei\n  - bis 12 Jahre\nOft gefragt."},
		{Heading: "Folie 3", Text: "Öffnungszeiten\nMontag | geschlossen\nDienstag | 7–21 Uhr"},
	}
	if len(pd.sections) != len(want) {
		t.Fatalf("sections %q", pd.sections)
	}
	for i, w := range want {
		if pd.sections[i] != w {
			t.Errorf("section %d:\n got %q\nwant %q", i, pd.sections[i], w)
		}
	}
	// Without a title frame on the first slide, meta.xml's title.
	pd, err = parseODP(odpOf(t, `<draw:page>`+frame("outline", `<text:p>Nur Text</text:p>`)+`</draw:page>`), newBudget(Limits{}, nil))
	if err != nil || pd.title != "Entwurf Vortrag" || len(pd.sections) != 1 || pd.sections[0].Heading != "Folie 1" {
		t.Errorf("meta title: %q, %q, %v", pd.title, pd.sections, err)
	}
	// No slides, no content.xml: errors, not empty documents.
	if _, err := parseODP(odpOf(t, ``), newBudget(Limits{}, nil)); err == nil {
		t.Error("a presentation without slides was read")
	}
	if _, err := parseODP(zipOf(t, "mimetype", "x"), newBudget(Limits{}, nil)); err == nil || !strings.Contains(err.Error(), "content.xml") {
		t.Errorf("without content.xml: %v", err)
	}
	// Through the loader: the extension is known.
	if f, ok := formatOf(".odp"); !ok || f != "odp" {
		t.Errorf("formatOf(.odp) = %q, %v", f, ok)
	}
	docs, _, err := parseFile("odp", data, newBudget(Limits{}, nil))
	if err != nil || len(docs) != 1 {
		t.Errorf("parseFile: %d documents, %v", len(docs), err)
	}
}
