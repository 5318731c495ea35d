// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// flatODF wraps a body in a flat OpenDocument file of mimetype kind.
func flatODF(kind, meta, body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.` + kind + `">
<office:meta>` + meta + `</office:meta>
<office:styles><style:style style:name="Title" style:family="paragraph"/></office:styles>
<office:automatic-styles><style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard"><style:header><text:p>Amtsblatt Beispielstadt Nr. 1</text:p></style:header></style:master-page></office:master-styles>
<office:body>` + body + `</office:body></office:document>`
}

// TestFlatODT checks a flat OpenDocument text: read by the ODT rules
// (headings, a table, a footnote left out, a soft page break inside a
// word joined, text:s a blank), the page header left out, its date from
// the meta; a title paragraph that only names the kind of document
// yields to the file's title and stays as the first line.
func TestFlatODT(t *testing.T) {
	data := flatODF("text", `<dc:title>Sperrung Beispielbrücke</dc:title><dc:date>2026-12-02T15:03:55.02</dc:date>`, `<office:text>
<text:p text:style-name="P1">Öffentliche Bekanntmachung</text:p>
<text:p>Die Brücke<text:s/>wird gesperrt.</text:p>
<text:h text:outline-level="1">Dauer</text:h>
<text:p>Vom 11. Januar an<text:note text:note-class="footnote"><text:note-body><text:p>Fußnote.</text:p></text:note-body></text:note> in der Unte<text:soft-page-break/>ren Straße.</text:p>
<table:table><table:table-row><table:table-cell><text:p>Was</text:p></table:table-cell><table:table-cell><text:p>Wann</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>Sperrung</text:p></table:table-cell><table:table-cell><text:p>ab 11.01.</text:p></table:table-cell></table:table-row></table:table>
</office:text>`)
	docs, format, err := parseFile("fodt", []byte(data), nil)
	if err != nil {
		t.Fatal(err)
	}
	pd := docs[0]
	if format != "fodt" || pd.title != "Sperrung Beispielbrücke" || pd.updated.Format("2006-01-02") != "2026-12-02" {
		t.Errorf("format %q, title %q, updated %v", format, pd.title, pd.updated)
	}
	var all []string
	for _, s := range pd.sections {
		all = append(all, s.Heading+": "+s.Text)
	}
	got := strings.Join(all, "|")
	for _, want := range []string{": Öffentliche Bekanntmachung\nDie Brücke wird gesperrt.", "Dauer: Vom 11. Januar an in der Unteren Straße.", "| Sperrung | ab 11.01. |"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in %q", want, got)
		}
	}
	for _, no := range []string{"Amtsblatt", "Fußnote"} {
		if strings.Contains(got, no) {
			t.Errorf("%q read: %q", no, got)
		}
	}
	// A title paragraph that names the document stays its title.
	docs, _, err = parseFile("fodt", []byte(flatODF("text", `<dc:title>Datei</dc:title>`, `<office:text><text:p text:style-name="Title">Merkblatt Hundesteuer</text:p><text:p>Text.</text:p></office:text>`)), nil)
	if err != nil || docs[0].title != "Merkblatt Hundesteuer" {
		t.Errorf("named title: %v %+v", err, docs)
	}
}

// TestFlatODS checks a flat spreadsheet, and that XML that is no flat
// OpenDocument file is skipped.
func TestFlatODS(t *testing.T) {
	data := flatODF("spreadsheet", `<dc:title>Preise</dc:title>`, `<office:spreadsheet><table:table table:name="Holz">
<table:table-row><table:table-cell office:value-type="string"><text:p>Sorte</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Preis</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>Buche</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>38,00 €</text:p></table:table-cell></table:table-row>
</table:table></office:spreadsheet>`)
	docs, _, err := parseFile("fodt", []byte(data), nil)
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	for _, s := range docs[0].sections {
		text.WriteString(s.Text)
	}
	if !strings.Contains(text.String(), "Buche") || !strings.Contains(text.String(), "38,00 €") {
		t.Errorf("sheet %+v", docs[0])
	}
	for _, bad := range []string{"<rss><channel/></rss>", "kein XML", flatODF("graphics", "", "<office:drawing/>")} {
		if _, _, err := parseFile("fodt", []byte(bad), nil); err == nil {
			t.Errorf("read %q", bad)
		}
	}
}
