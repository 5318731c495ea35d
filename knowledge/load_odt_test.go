// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

// odtOf returns an OpenDocument text holding the given entries.
func odtOf(t *testing.T, entries map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"mimetype", "content.xml", "meta.xml"} {
		data, ok := entries[name]
		if !ok {
			continue
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const odtNS = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"`

// TestODTText checks that an OpenDocument text is read like a Word file:
// the paragraph styled Title (through an automatic style) is the title,
// headings open sections by outline level, list items and table rows are
// lines, comments, footnotes and a table of contents are left out, and
// meta.xml gives the date, and the title when the text has none.
func TestODTText(t *testing.T) {
	content := `<?xml version="1.0" encoding="UTF-8"?><office:document-content ` + odtNS + `>
<office:automatic-styles><style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/></office:automatic-styles>
<office:body><office:text><text:sequence-decls><text:sequence-decl text:name="Table"/></text:sequence-decls>
<text:table-of-content><text:index-body><text:p>1 Beispielregel ........ 1</text:p></text:index-body></text:table-of-content>
<text:p text:style-name="P1">Musteranweisung über Beispiele</text:p>
<text:p text:style-name="Text_20_body">Diese Anweisung gilt<text:s text:c="2"/>für alle.<office:annotation><dc:creator>Erika</dc:creator><text:p>Noch prüfen!</text:p></office:annotation></text:p>
<text:h text:outline-level="1">1 Beispielregel</text:h>
<text:p>Beispiele werden gebucht.<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>Fußnote.</text:p></text:note-body></text:note></text:p>
<text:h text:outline-level="2">1.1 Liste</text:h>
<text:list><text:list-item><text:p>erstens</text:p></text:list-item><text:list-item><text:p>zweitens<text:line-break/>mit Umbruch</text:p></text:list-item></text:list>
<table:table><table:table-header-rows><table:table-row><table:table-cell><text:p>Art</text:p></table:table-cell><table:table-cell><text:p>Frist</text:p></table:table-cell></table:table-row></table:table-header-rows>
<table:table-row><table:table-cell><text:p>Muster</text:p></table:table-cell><table:table-cell><text:p>2 Tage</text:p></table:table-cell></table:table-row></table:table>
</office:text></office:body></office:document-content>`
	meta := `<?xml version="1.0" encoding="UTF-8"?><office:document-meta ` + odtNS + `><office:meta><dc:title>MA 1/2027</dc:title><dc:date>2027-01-15T09:30:00.123456789</dc:date></office:meta></office:document-meta>`
	pd, err := parseODT(odtOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content, "meta.xml": meta}), newBudget(Limits{}, nil))
	if err != nil {
		t.Fatal(err)
	}
	if pd.title != "Musteranweisung über Beispiele" || pd.updated.Format("2006-01-02") != "2027-01-15" {
		t.Errorf("title %q, updated %v", pd.title, pd.updated)
	}
	got := map[string]string{}
	for _, s := range pd.sections {
		got[s.Heading] += s.Text
	}
	for h, want := range map[string]string{
		"":                            "Diese Anweisung gilt  für alle.",
		"1 Beispielregel":             "Beispiele werden gebucht.",
		"1 Beispielregel › 1.1 Liste": "- erstens\n- zweitens\nmit Umbruch\n| Art | Frist |\n| --- | --- |\n| Muster | 2 Tage |",
	} {
		if got[h] != want {
			t.Errorf("section %q = %q, want %q (all %q)", h, got[h], want, got)
		}
	}
	all := strings.Join([]string{got[""], got["1 Beispielregel"]}, "\n")
	for _, not := range []string{"Noch prüfen", "Erika", "Fußnote", "........"} {
		if strings.Contains(all, not) {
			t.Errorf("%q is text: %q", not, got)
		}
	}
	// Without a Title paragraph, meta.xml names the document.
	pd, err = parseODT(odtOf(t, map[string]string{"content.xml": `<office:document-content ` + odtNS + `><office:body><office:text><text:p>Nur Text.</text:p></office:text></office:body></office:document-content>`, "meta.xml": meta}), newBudget(Limits{}, nil))
	if err != nil || pd.title != "MA 1/2027" {
		t.Errorf("title %q, err %v", pd.title, err)
	}
	if _, err := parseODT(odtOf(t, map[string]string{"meta.xml": meta}), newBudget(Limits{}, nil)); err == nil {
		t.Error("an archive without content.xml was read")
	}
	if _, err := parseODT(odtOf(t, map[string]string{"content.xml": content}), newBudget(Limits{MaxUnpackedBytes: 100}, nil)); err == nil {
		t.Error("the unpacked bytes were not bounded")
	}
}
