// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

const odsNS = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"`

// odsOf returns an OpenDocument spreadsheet whose office:spreadsheet
// holds tables.
func odsOf(t *testing.T, tables string) []byte {
	t.Helper()
	return zipOf(t,
		"mimetype", "application/vnd.oasis.opendocument.spreadsheet",
		"content.xml", `<?xml version="1.0" encoding="UTF-8"?><office:document-content `+odsNS+`><office:body><office:spreadsheet>`+tables+`</office:spreadsheet></office:body></office:document-content>`,
		"meta.xml", `<office:document-meta `+odsNS+`><office:meta><dc:title>Arbeitstitel Preise</dc:title><dc:date>2026-05-04T10:11:12.13</dc:date></office:meta></office:document-meta>`,
	)
}

// TestODSSheets checks that an OpenDocument spreadsheet is read as an
// Excel workbook is: a table a section headed by its name, the merged
// title row the title (before meta.xml's), the first row the head, a
// cell by the text it shows (not its value), its paragraphs joined, a
// comment left out, a covered cell skipped, a repeated cell repeated,
// repeated empty cells and rows only moving the next one, a cell that
// shows nothing by its value.
func TestODSSheets(t *testing.T) {
	data := odsOf(t, `<table:table table:name="Preise">
<table:table-column table:number-columns-repeated="4"/>
<table:table-row><table:table-cell table:number-columns-spanned="4" office:value-type="string"><text:p>Preisliste Musterbad 2027</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="2"/><table:covered-table-cell office:value-type="string"><text:p>verdeckt</text:p></table:covered-table-cell></table:table-row>
<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="4"/></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>Angebot</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Preis</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2" office:value-type="string"><text:p>Hinweis</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16380"/></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>Einzelkarte</text:p><text:p>Erwachsene</text:p></table:table-cell><table:table-cell office:value-type="currency" office:currency="EUR" office:value="4.5" calcext:value-type="currency"><text:p>4,50 €</text:p></table:table-cell><table:table-cell office:value-type="string"><office:annotation><dc:creator>Erika</dc:creator><text:p>noch prüfen</text:p></office:annotation><text:p>mit <text:span>Sauna</text:span><text:s text:c="3"/>ab 16 Uhr</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>Kurs</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="12"/><table:table-cell/><table:table-cell office:value-type="string"><text:p>je Termin</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
</table:table>
<table:table table:name="Zeiten"><table:table-row><table:table-cell office:value-type="string"><text:p>Tag</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Öffnung</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="date" office:date-value="2027-01-02"><text:p>Sa, 2. Januar</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>10–18 Uhr</text:p></table:table-cell></table:table-row></table:table>
<table:table table:name="Leer"><table:table-row><table:table-cell table:number-columns-repeated="5"/></table:table-row></table:table>`)
	pd, err := parseODS(data, newBudget(Limits{}, nil))
	if err != nil {
		t.Fatal(err)
	}
	if pd.title != "Preisliste Musterbad 2027" {
		t.Errorf("title %q", pd.title)
	}
	if pd.updated.IsZero() {
		t.Error("meta.xml's date not read")
	}
	want := []Section{
		{Heading: "Preise", Text: "| Angebot | Preis | Hinweis | Hinweis |\n| --- | --- | --- | --- |\n| Einzelkarte Erwachsene | 4,50 € | mit Sauna ab 16 Uhr |\n| Kurs | 12 |  | je Termin |"},
		{Heading: "Zeiten", Text: "| Tag | Öffnung |\n| --- | --- |\n| Sa, 2. Januar | 10–18 Uhr |"},
	}
	if len(pd.sections) != len(want) {
		t.Fatalf("sections %q", pd.sections)
	}
	for i, w := range want {
		if pd.sections[i] != w {
			t.Errorf("section %d:\n got %q\nwant %q", i, pd.sections[i], w)
		}
	}
	// Without a merged title row on the first sheet (or one too long
	// for a title), meta.xml's title, not another sheet's.
	pd, err = parseODS(odsOf(t, `<table:table table:name="A"><table:table-row><table:table-cell office:value-type="string"><text:p>`+strings.Repeat("Sehr lange Überschrift ", 5)+`</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>Tarif</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Preis</text:p></table:table-cell></table:table-row></table:table>
<table:table table:name="B"><table:table-row><table:table-cell office:value-type="string"><text:p>Zonen der Tarife</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>Zone</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Straßen</text:p></table:table-cell></table:table-row></table:table>`), newBudget(Limits{}, nil))
	if err != nil || pd.title != "Arbeitstitel Preise" || !strings.HasPrefix(pd.sections[0].Text, "Sehr lange") || !strings.HasPrefix(pd.sections[1].Text, "Zonen der Tarife\n") {
		t.Errorf("meta title: %q, %q, %v", pd.title, pd.sections, err)
	}
	// Through the loader: the extension is known.
	if f, ok := formatOf(".ods"); !ok || f != "ods" {
		t.Errorf("formatOf(.ods) = %q, %v", f, ok)
	}
	docs, _, err := parseFile("ods", data, newBudget(Limits{}, nil))
	if err != nil || len(docs) != 1 {
		t.Errorf("parseFile: %d documents, %v", len(docs), err)
	}
}

// TestODSBounds checks that a spreadsheet past the bounds of a workbook
// is refused, not read in part, however its rows and cells are repeated,
// and that a file that is no spreadsheet says so.
func TestODSBounds(t *testing.T) {
	cell := `<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>`
	for name, tc := range map[string]struct{ tables, want string }{
		"rows repeated":  {`<table:table table:name="A"><table:table-row table:number-rows-repeated="1000000">` + cell + `</table:table-row></table:table>`, "Zeilen"},
		"rows":           {`<table:table table:name="A">` + strings.Repeat(`<table:table-row>`+cell+`</table:table-row>`, maxXLSXRows+1) + `</table:table>`, "Zeilen"},
		"cells repeated": {`<table:table table:name="A"><table:table-row><table:table-cell table:number-columns-repeated="99999999999" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>`, "Spalten"},
		"far cell":       {`<table:table table:name="A"><table:table-row><table:table-cell table:number-columns-repeated="99999999999999999999"/><table:table-cell table:number-columns-repeated="5000"/>` + cell + `</table:table-row></table:table>`, "Spalten"},
		"sheets":         {strings.Repeat(`<table:table table:name="A"><table:table-row>`+cell+`</table:table-row></table:table>`, maxXLSXSheets+1), "Tabellenblättern"},
		"empty":          {`<table:table table:name="A"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>`, "kein Text"},
	} {
		if _, err := parseODS(odsOf(t, tc.tables), newBudget(Limits{}, nil)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", name, err, tc.want)
		}
	}
	big := odsOf(t, `<table:table table:name="A"><table:table-row>`+strings.Repeat(cell, 50)+`</table:table-row></table:table>`)
	if _, err := parseODS(big, newBudget(Limits{MaxUnpackedBytes: 1024}, nil)); err == nil || !strings.Contains(err.Error(), "entpackt zu groß") {
		t.Errorf("past the archive's bound: %v", err)
	}
	odt := zipOf(t, "content.xml", `<office:document-content `+odsNS+`><office:body><office:text><text:p>Brief</text:p></office:text></office:body></office:document-content>`)
	if _, err := parseODS(odt, newBudget(Limits{}, nil)); err == nil || !strings.Contains(err.Error(), "Tabellendokument") {
		t.Errorf("a text document read as a spreadsheet: %v", err)
	}
	if _, err := parseODS(zipOf(t, "xl/workbook.xml", "<w/>"), newBudget(Limits{}, nil)); err == nil {
		t.Error("a workbook without content.xml was read")
	}
	if _, err := parseODS([]byte("kein Archiv"), newBudget(Limits{}, nil)); err == nil {
		t.Error("a file that is no archive was read")
	}
	broken := zipOf(t, "content.xml", `<office:document-content `+odsNS+`><office:body><office:spreadsheet><table:table table:name="A"><table:table-row>`)
	if _, err := parseODS(broken, newBudget(Limits{}, nil)); err == nil {
		t.Error("a cut content.xml was read")
	}
}
