// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

// zipOf returns an archive holding the given entries in the given order
// (name, data, name, data …).
func zipOf(t *testing.T, entries ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(entries); i += 2 {
		w, err := zw.Create(entries[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(entries[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const xlsxNS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// TestXLSXSheets checks that an Excel workbook is read as a table per
// sheet: the sheet's name heads its section, a merged title row is the
// title, the first row is the head, shared and inline strings and
// numbers are cells at their columns, a number formatted with decimals
// keeps them after a German decimal comma, a date is a German date, and
// the sheets come in the workbook's order by their relationships.
func TestXLSXSheets(t *testing.T) {
	data := zipOf(t,
		"xl/workbook.xml", `<workbook `+xlsxNS+`><sheets><sheet name="Preise" sheetId="1" r:id="rId7"/><sheet name="Termine" sheetId="2" r:id="rId8"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="worksheet" Target="worksheets/blatt9.xml"/><Relationship Id="rId8" Type="worksheet" Target="/xl/worksheets/blatt2.xml"/></Relationships>`,
		"xl/styles.xml", `<styleSheet `+xlsxNS+`><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00\ &quot;€&quot;"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="4"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>`,
		"xl/sharedStrings.xml", `<sst `+xlsxNS+`><si><t>Preisliste Musterhalle</t></si><si><t>Angebot</t></si><si><r><t>Preis</t></r><r><rPr><b/></rPr><t xml:space="preserve"> in Euro</t></r><rPh><t>ぷ</t></rPh></si><si><t>Saalmiete</t></si></sst>`,
		"xl/worksheets/blatt9.xml", `<worksheet `+xlsxNS+`><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c></row>
<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="s"><v>2</v></c><c r="C3" t="inlineStr"><is><t>Hinweis</t></is></c></row>
<row r="4"><c r="A4" t="s"><v>3</v></c><c r="B4" s="1"><v>1150</v></c><c r="C4" t="inlineStr"><is><t>je Tag</t></is></c></row>
<row r="5"><c r="A5" t="inlineStr"><is><t>Stuhl</t></is></c><c r="B5" s="3"><v>2.5</v></c></row>
<row r="6"><c r="A6"><v>7</v></c><c r="C6" t="inlineStr"><is><t>ohne Preis</t></is></c></row>
</sheetData></worksheet>`,
		"xl/worksheets/blatt2.xml", `<worksheet `+xlsxNS+`><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>Termin</t></is></c><c r="B1" t="inlineStr"><is><t>Datum</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>Eröffnung</t></is></c><c r="B2" s="2"><v>46388</v></c></row>
</sheetData></worksheet>`,
	)
	pd, err := parseXLSX(data, newBudget(Limits{}, nil))
	if err != nil {
		t.Fatal(err)
	}
	if pd.title != "Preisliste Musterhalle" {
		t.Errorf("title %q", pd.title)
	}
	want := []Section{
		{Heading: "Preise", Text: "| Angebot | Preis in Euro | Hinweis |\n| --- | --- | --- |\n| Saalmiete | 1.150,00 | je Tag |\n| Stuhl | 2,50 |\n| 7 |  | ohne Preis |"},
		{Heading: "Termine", Text: "| Termin | Datum |\n| --- | --- |\n| Eröffnung | 01.01.2027 |"},
	}
	if len(pd.sections) != len(want) {
		t.Fatalf("sections %q", pd.sections)
	}
	for i, w := range want {
		if pd.sections[i] != w {
			t.Errorf("section %d:\n got %q\nwant %q", i, pd.sections[i], w)
		}
	}
	// Through the loader: the extension is known.
	if f, ok := formatOf(".xlsx"); !ok || f != "xlsx" {
		t.Errorf("formatOf(.xlsx) = %q, %v", f, ok)
	}
}

// TestXLSXBounds checks that a workbook past its bounds is refused, not
// read in part, and that a file that is no workbook says so.
func TestXLSXBounds(t *testing.T) {
	var rows strings.Builder
	for range maxXLSXRows + 1 {
		rows.WriteString(`<row><c t="inlineStr"><is><t>x</t></is></c></row>`)
	}
	data := zipOf(t,
		"xl/workbook.xml", `<workbook `+xlsxNS+`><sheets><sheet name="A" sheetId="1"/></sheets></workbook>`,
		"xl/worksheets/sheet1.xml", `<worksheet `+xlsxNS+`><sheetData>`+rows.String()+`</sheetData></worksheet>`,
	)
	if _, err := parseXLSX(data, newBudget(Limits{}, nil)); err == nil || !strings.Contains(err.Error(), "Zeilen") {
		t.Errorf("too many rows: %v", err)
	}
	wide := zipOf(t,
		"xl/workbook.xml", `<workbook `+xlsxNS+`><sheets><sheet name="A" sheetId="1"/></sheets></workbook>`,
		"xl/worksheets/sheet1.xml", `<worksheet `+xlsxNS+`><sheetData><row><c r="ZZ1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`,
	)
	if _, err := parseXLSX(wide, newBudget(Limits{}, nil)); err == nil || !strings.Contains(err.Error(), "Spalten") {
		t.Errorf("too many columns: %v", err)
	}
	if _, err := parseXLSX(zipOf(t, "word/document.xml", "<w/>"), newBudget(Limits{}, nil)); err == nil {
		t.Error("a Word file read as a workbook")
	}
}
