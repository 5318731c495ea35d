// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/knowledge"
)

// The PDF, RTF, XLSX and Windows-1252 files of the eleventh fictional
// town's knowledge root (evals/corpora/holunderbach, see
// evals/cases/holunderbach/README.md) are written from the texts in
// holunderbach_texts_test.go. After changing a text, rewrite the files
// with
//
//	go test ./evals -run TestHolunderbachBinaries -update-holunderbach
//
// and commit both. Without the flag the test fails when a committed file
// differs from what its text produces.
var updateHolunderbach = flag.Bool("update-holunderbach", false, "rewrite the PDF, RTF, XLSX and Windows-1252 files of evals/corpora/holunderbach from their texts")

// holunderbachRoot is the Holunderbach knowledge root, relative to this
// package.
const holunderbachRoot = "corpora/holunderbach"

// holunderbachCaseDirs are the case folders over the Holunderbach root:
// the iteration half and the held-out half.
var holunderbachCaseDirs = []string{"holunderbach", "holunderbach-heldout"}

// holunderbachGaps are the files of the root no loader reads, with the
// kind their folder gives them. Each skipped one is logged and replaced
// by a stand-in holding its text, so that the cases over it can still be
// checked against what a loader would have to keep. Any other skipped
// file fails the test.
// Empty since the Excel workbook is read (session 12).
var holunderbachGaps = map[string]knowledge.Kind{}

// holunderbachNavigation are the files the loaders skip as navigation,
// a page of links only (since session 12): logged, no stand-in, as no
// case draws an answer from them.
var holunderbachNavigation = map[string]bool{
	"index.html": true,
}

// holunderbachLost are the files the loaders read but whose content they
// lose: the loaded document is logged and replaced by a stand-in of the
// same ID holding the content's text. A file listed here whose loaded
// text holds the marker fails the test, so that the list shrinks with
// the loaders. Empty since the single-page app's JSON blob is read
// (session 12).
var holunderbachLost = map[string]string{}

func holunderbachBinaries() []corpusBinary {
	return []corpusBinary{
		{"merkblaetter/feuerwerk-laerm.pdf", func() ([]byte, error) {
			return holunderbachPDF("Merkblatt Feuerwerk", "Stadt Holunderbach · Ordnungsamt · Stand: November 2026", "Microsoft® Word für Microsoft 365", hbFeuerwerk)
		}},
		{"intern/dienstanweisungen/hausrecht-bedrohung.pdf", func() ([]byte, error) {
			return holunderbachPDF("DA 7-2026 Hausrecht", "DA 7/2026 · Hauptamt", "Microsoft® Word 2019", hbHausrecht)
		}},
		{"bekanntmachungen/2026-12-01-kaeltehilfe.txt", func() ([]byte, error) {
			return windows1252(strings.ReplaceAll(hbKaeltehilfe, "\n", "\r\n"))
		}},
		{"bekanntmachungen/2026-11-25-schoeffenwahl.rtf", func() ([]byte, error) {
			return holunderbachRTF(hbSchoeffenwahl)
		}},
		{"gebuehren/gebuehrenverzeichnis-2027.xlsx", func() ([]byte, error) {
			return holunderbachXLSX("Gebühren 2027", "Kämmerei Holunderbach", "2026-11-20T08:41:12Z", hbGebuehren)
		}},
	}
}

func TestHolunderbachBinaries(t *testing.T) {
	checkCorpusBinaries(t, holunderbachRoot, holunderbachBinaries(), *updateHolunderbach, "update-holunderbach")
}

// loadHolunderbach loads the Holunderbach root as lotse does; a skipped
// file fails the test unless it is one of holunderbachGaps, which is
// replaced by its stand-in, and a document of holunderbachLost is
// replaced by its stand-in.
func loadHolunderbach(t *testing.T) []knowledge.Document {
	t.Helper()
	return loadTown(t, "holunderbach", holunderbachRoot, townGaps{gaps: holunderbachGaps, lost: holunderbachLost, navigation: holunderbachNavigation, standIns: one(holunderbachStandIn)})
}

// holunderbachStandIn is a document holding the text of a gap file or a
// lost page: the XLSX rows as "a | b | …" lines with the amounts as Excel
// shows them, the RTF letter's text from holunderbach_texts_test.go
// without its markup, the iCalendar file's events (unfolded, unescaped
// SUMMARY, DESCRIPTION and LOCATION), and the strings of a single-page
// app's JSON blob without their HTML tags.
func holunderbachStandIn(t *testing.T, rel string, kind knowledge.Kind) knowledge.Document {
	t.Helper()
	aud := knowledge.Citizen
	switch {
	case strings.HasPrefix(rel, "intern/"):
		aud = knowledge.Employee
	case strings.HasPrefix(rel, "aktuelles/"), strings.HasPrefix(rel, "bekanntmachungen/"):
		aud = knowledge.All
	}
	id := strings.TrimSuffix(rel, path.Ext(rel))
	var text string
	switch path.Ext(rel) {
	case ".xlsx":
		var lines []string
		for _, row := range xlsxRows(hbGebuehren) {
			if len(row) >= 4 {
				if f, err := strconv.ParseFloat(row[3], 64); err == nil {
					row[3] = germanAmount(f)
				}
			}
			lines = append(lines, strings.TrimSpace(strings.Join(row, " | ")))
		}
		text = strings.Join(lines, "\n")
	case ".rtf":
		var lines []string
		for _, l := range strings.Split(strings.TrimSpace(hbSchoeffenwahl), "\n") {
			for _, p := range []string{"# ", "B ", "T "} {
				l = strings.TrimPrefix(l, p)
			}
			lines = append(lines, strings.TrimSpace(strings.ReplaceAll(l, `\t`, "")))
		}
		text = strings.Join(lines, "\n")
	case ".ics":
		b, err := os.ReadFile(path.Join(holunderbachRoot, rel))
		if err != nil {
			t.Fatal(err)
		}
		unfolded := strings.ReplaceAll(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n ", "")
		var lines []string
		for _, l := range strings.Split(unfolded, "\n") {
			for _, p := range []string{"SUMMARY:", "DESCRIPTION:", "LOCATION:"} {
				if v, ok := strings.CutPrefix(l, p); ok {
					v = strings.NewReplacer(`\n`, "\n", `\,`, ",", `\;`, ";", `\\`, `\`).Replace(v)
					lines = append(lines, v)
				}
			}
		}
		text = strings.Join(lines, "\n")
	case ".html":
		b, err := os.ReadFile(path.Join(holunderbachRoot, rel))
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`(?s)<script id="__NEXT_DATA__" type="application/json">(.*?)</script>`).FindSubmatch(b)
		if m == nil {
			t.Fatalf("%s: no JSON blob", rel)
		}
		var blob map[string]any
		if err := json.Unmarshal(m[1], &blob); err != nil {
			t.Fatal(err)
		}
		var texts []string
		var collect func(v any)
		collect = func(v any) {
			switch v := v.(type) {
			case string:
				texts = append(texts, regexp.MustCompile(`<[^>]+>`).ReplaceAllString(v, "\n"))
			case []any:
				for _, e := range v {
					collect(e)
				}
			case map[string]any:
				keys := make([]string, 0, len(v))
				for k := range v {
					keys = append(keys, k)
				}
				slices.Sort(keys)
				for _, k := range keys {
					if k != "id" && k != "__typename" && k != "url" && k != "slug" {
						collect(v[k])
					}
				}
			}
		}
		props, _ := blob["props"].(map[string]any)
		pageProps, _ := props["pageProps"].(map[string]any)
		collect(pageProps["page"])
		text = strings.Join(texts, "\n")
	default:
		t.Fatalf("no stand-in for %s", rel)
	}
	return knowledge.Document{
		ID: id, Title: path.Base(id), Kind: kind, Audience: aud, Lang: "de", Label: "stand-in",
		Source: "holunderbach/" + rel, Format: strings.TrimPrefix(path.Ext(rel), "."),
		Sections: []knowledge.Section{{Heading: path.Base(id), Text: text}},
	}
}

// germanAmount writes f as Excel shows a number formatted "#,##0.00" in
// a German locale: "1.150,00".
func germanAmount(f float64) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String() + "," + frac
}

// xlsxRows splits a text of holunderbachXLSX into rows of cells.
func xlsxRows(text string) [][]string {
	var rows [][]string
	for _, l := range strings.Split(strings.TrimSpace(text), "\n") {
		var row []string
		for _, c := range strings.Split(l, "|") {
			row = append(row, strings.TrimSpace(c))
		}
		rows = append(rows, row)
	}
	return rows
}

// windows1252 encodes s in Windows-1252, as an editor on Windows saves a
// text file: Latin-1 letters as their byte, the typographic characters
// of 0x80–0x9F (€, „, “, –) as theirs.
func windows1252(s string) ([]byte, error) {
	var b []byte
	for _, r := range s {
		switch {
		case r < 0x80 || r >= 0xA0 && r < 0x100:
			b = append(b, byte(r))
		default:
			c, ok := winAnsi[r]
			if !ok {
				return nil, fmt.Errorf("character %q has no Windows-1252 code", r)
			}
			b = append(b, c)
		}
	}
	return b, nil
}

// holunderbachPDF sets text on A4 pages as a word processor exports a
// document whose author marked headings by font alone: "# " the title in
// 16 pt Helvetica-Bold, "## " a heading in 12 pt Helvetica-Bold, other
// paragraphs in 10 pt Helvetica, wrapped at a fixed width, one text
// object per line; no heading is numbered. A footer line holds footer and
// the page number.
func holunderbachPDF(title, footer, producer, text string) ([]byte, error) {
	const (
		width  = 95
		top    = 790
		bottom = 72
	)
	type line struct {
		s    string
		size int
		bold bool
		skip int // space above the line
	}
	var lines []line
	for _, para := range strings.Split(strings.TrimSpace(text), "\n\n") {
		para = strings.TrimSpace(para)
		switch {
		case strings.HasPrefix(para, "## "):
			lines = append(lines, line{para[3:], 12, true, 12})
		case strings.HasPrefix(para, "# "):
			for _, l := range wrapLine(para[2:], 60) {
				lines = append(lines, line{l, 16, true, 0})
			}
		default:
			for i, l := range wrapLine(para, width) {
				skip := 0
				if i == 0 {
					skip = 6
				}
				lines = append(lines, line{l, 10, false, skip})
			}
		}
	}
	var pages [][]line
	var cur []line
	y := top
	for _, l := range lines {
		h := l.skip + l.size + 3
		if y-h < bottom {
			pages, cur, y = append(pages, cur), nil, top
		}
		cur = append(cur, l)
		y -= h
	}
	pages = append(pages, cur)

	var objs []string
	objs = append(objs, "<< /Type /Catalog /Pages 2 0 R >>")
	kids := make([]string, len(pages))
	for i := range pages {
		kids[i] = fmt.Sprintf("%d 0 R", 5+2*i)
	}
	objs = append(objs, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages)))
	objs = append(objs, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	objs = append(objs, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
	for i, pg := range pages {
		var c strings.Builder
		y := top
		for k, l := range pg {
			if k > 0 {
				y -= l.skip
			}
			s, err := pdfLiteral(l.s)
			if err != nil {
				return nil, err
			}
			font := "F1"
			if l.bold {
				font = "F2"
			}
			fmt.Fprintf(&c, "BT /%s %d Tf 56.7 %d Td %s Tj ET\n", font, l.size, y, s)
			y -= l.size + 3
		}
		s, err := pdfLiteral(fmt.Sprintf("%s · Seite %d von %d", footer, i+1, len(pages)))
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&c, "BT /F1 8 Tf 56.7 40 Td %s Tj ET\n", s)
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>", 6+2*i))
		objs = append(objs, fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", c.Len(), c.String()))
	}
	return assemblePDF(objs, title, producer)
}

// holunderbachRTF writes text as WordPad saves a letter: an ANSI header
// with code page 1252, a font and a colour table, the generator; one
// \par per line, "# " a bold line in 14 pt, "B " a bold line, "T " a line
// whose "\t" are tabs to a stop at 9.5 cm; letters outside ASCII as \'xx
// in Windows-1252, blank lines left out (paragraphs have space after).
func holunderbachRTF(text string) ([]byte, error) {
	enc := func(s string) (string, error) {
		var b strings.Builder
		for _, r := range s {
			switch {
			case r == '\\' || r == '{' || r == '}':
				b.WriteByte('\\')
				b.WriteRune(r)
			case r < 0x80:
				b.WriteRune(r)
			case r >= 0xA0 && r < 0x100:
				fmt.Fprintf(&b, "\\'%02x", r)
			default:
				c, ok := winAnsi[r]
				if !ok {
					return "", fmt.Errorf("character %q has no Windows-1252 code", r)
				}
				fmt.Fprintf(&b, "\\'%02x", c)
			}
		}
		return b.String(), nil
	}
	var b strings.Builder
	b.WriteString("{\\rtf1\\ansi\\ansicpg1252\\deff0\\nouicompat\\deflang1031{\\fonttbl{\\f0\\fnil\\fcharset0 Calibri;}{\\f1\\fswiss\\fprq2\\fcharset0 Arial;}}\r\n")
	b.WriteString("{\\colortbl ;\\red0\\green0\\blue0;\\red31\\green78\\blue121;}\r\n")
	b.WriteString("{\\*\\generator Riched20 10.0.19041}\\viewkind4\\uc1 \r\n")
	for _, l := range strings.Split(strings.TrimSpace(text), "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		var pre, post string
		switch {
		case strings.HasPrefix(l, "# "):
			l, pre, post = l[2:], "\\cf2\\b\\fs28 ", "\\cf0\\b0\\fs22"
		case strings.HasPrefix(l, "B "):
			l, pre, post = l[2:], "\\b ", "\\b0"
		case strings.HasPrefix(l, "T "):
			l, pre = l[2:], "\\tx5386 "
		}
		s, err := enc(l)
		if err != nil {
			return nil, err
		}
		s = strings.ReplaceAll(s, `\\t`, `\tab `)
		fmt.Fprintf(&b, "\\pard\\sa200\\sl276\\slmult1\\f0\\fs22\\lang7 %s%s%s\\par\r\n", pre, s, post)
	}
	b.WriteString("}\r\n\x00")
	return []byte(b.String()), nil
}

// holunderbachXLSX writes the rows of text (see xlsxRows) as an Excel
// workbook with one sheet named sheet: the first row the title (bold,
// merged over the columns), a blank row, the header row (bold), then the
// rows; strings in the shared strings table, a number in the fourth
// column as a number cell in the format "#,##0.00", the first column's
// numbers as numbers. The properties name creator and modified.
func holunderbachXLSX(sheet, creator, modified, text string) ([]byte, error) {
	esc := func(s string) string {
		return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
	}
	rows := xlsxRows(text)
	var shared []string
	index := map[string]int{}
	str := func(s string) int {
		if i, ok := index[s]; ok {
			return i
		}
		index[s] = len(shared)
		shared = append(shared, s)
		return index[s]
	}
	cols := "ABCDE"
	var data strings.Builder
	count := 0
	for i, row := range rows {
		r := i + 1
		if i > 0 {
			r = i + 2 // a blank row below the title
		}
		fmt.Fprintf(&data, `<row r="%d">`, r)
		for j, cell := range row {
			if cell == "" || j >= len(cols) {
				continue
			}
			ref := fmt.Sprintf("%c%d", cols[j], r)
			style := 0
			if i <= 1 {
				style = 1
			}
			if i >= 2 && (j == 0 || j == 3) {
				if _, err := strconv.ParseFloat(cell, 64); err == nil {
					s := 0
					if j == 3 {
						s = 2
					}
					fmt.Fprintf(&data, `<c r="%s" s="%d"><v>%s</v></c>`, ref, s, cell)
					continue
				}
			}
			count++
			fmt.Fprintf(&data, `<c r="%s" s="%d" t="s"><v>%d</v></c>`, ref, style, str(cell))
		}
		data.WriteString(`</row>`)
	}
	var sst strings.Builder
	for _, s := range shared {
		sst.WriteString(`<si><t xml:space="preserve">` + esc(s) + `</t></si>`)
	}
	const main = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	files := []struct{ name, data string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"docProps/app.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><AppVersion>16.0300</AppVersion></Properties>`},
		{"docProps/core.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>` + esc(creator) + `</dc:creator><cp:lastModifiedBy>` + esc(creator) + `</cp:lastModifiedBy><dcterms:modified xsi:type="dcterms:W3CDTF">` + modified + `</dcterms:modified></cp:coreProperties>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook ` + main + `><bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name="` + esc(sheet) + `" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'` + esc(sheet) + `'!$3:$3</definedName></definedNames></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
		{"xl/styles.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`},
		{"xl/sharedStrings.xml", fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, count, len(shared)) + sst.String() + `</sst>`},
		{"xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet ` + main + `><dimension ref="A1:E` + strconv.Itoa(len(rows)+1) + `"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols><col min="1" max="1" width="6" customWidth="1"/><col min="2" max="2" width="14" customWidth="1"/><col min="3" max="3" width="62" customWidth="1"/><col min="4" max="4" width="16" customWidth="1"/><col min="5" max="5" width="40" customWidth="1"/></cols><sheetData>` + data.String() + `</sheetData><mergeCells count="1"><mergeCell ref="A1:E1"/></mergeCells><pageSetup paperSize="9" orientation="landscape"/></worksheet>`},
	}
	return zipParts(files)
}

func TestHolunderbachCorpusLoads(t *testing.T) {
	docs := loadHolunderbach(t)
	checkShape(t, corpusShape{
		name: "holunderbach", dir: holunderbachRoot, organization: "Stadt Holunderbach",
		documents: 15,
		kinds: map[knowledge.Kind]int{
			knowledge.KindService: 8, knowledge.KindNotice: 3, knowledge.KindLaw: 1,
			knowledge.KindInstruction: 1, knowledge.KindArticle: 2,
		},
		audiences: map[string]knowledge.Audience{
			"intern/": knowledge.Employee, "aktuelles/": knowledge.All, "bekanntmachungen/": knowledge.All,
		},
		// The FAQ's answers, the pseudo-headings' paragraphs, the grid's
		// cells, the HTML table inside Markdown, the PDFs' text under
		// their bold headings, the Windows-1252 notice, the ticket
		// system's FAQ fields and the wiki page arrive.
		extracted: map[string][]string{
			"buergerservice/grundsteuer":                   {"15. August und 15. November", "495 Prozent", "25 Prozent"},
			"buergerservice/winterdienst-gehwege":          {"1,20 Metern", "9:00 bis 20:00 Uhr"},
			"einrichtungen/oeffnungszeiten":                {"14:00–16:00", "7:30–11:30"},
			"freizeit/jugendzentrum":                       {"5 Euro je Stunde", "bis 20:00 Uhr"},
			"ortsrecht/obdachlosenunterkuenfte-satzung":    {"265,00 Euro", "dritten Werktag", "50 Prozent"},
			"merkblaetter/feuerwerk-laerm":                 {"innerhalb des Wallrings", "ganztägig Ruhe"},
			"bekanntmachungen/2026-12-01-kaeltehilfe":      {"18:00 bis 8:00 Uhr", "Kältebus"},
			"intern/it-hilfe/kennwort-geaendert-anmeldung": {"VPN-Verbindung"},
			"intern/it-hilfe/anrufe-umleiten":              {"Anrufe weiterleiten an"},
			"intern/dienstanweisungen/hausrecht-bedrohung": {"Strg + Umschalt + F12", "drei Arbeitstagen"},
		},
	}, docs)
	// What the loaders make of the layouts this root is about, logged for
	// the README: the index page of links, the FAQ of <h3> questions,
	// the <strong>/<br> pseudo-headings, the single-page app, the CSS
	// grid of role="row", the Markdown with HTML tables, the PDFs whose
	// headings are only bold and larger, the Windows-1252 notice, the
	// ticket system's print view, the wiki page.
	logLoaded(t, docs, []string{"Inhalte werden geladen", "JavaScript", "[[_TOC_]]", "Gedruckt von", "FAQ#", "Znuny", "Kategorie:", "Seite 1 von", "<table", "<td", "<br>", "<details", "Startseite"})
	for _, d := range docs {
		if want, ok := holunderbachTitles[d.ID]; ok && d.Title != want {
			t.Errorf("%s: title %q, want %q", d.ID, d.Title, want)
		}
		var heads []string
		for _, s := range d.Sections {
			heads = append(heads, s.Heading)
		}
		for _, h := range holunderbachHeadings[d.ID] {
			if !slices.Contains(heads, d.Title+" › "+h) {
				t.Errorf("%s: no section %q in %q", d.ID, h, heads)
			}
		}
	}
}

// holunderbachTitles and holunderbachHeadings are what the loaders make
// of the PDFs set by font alone (the title in the largest font, not the
// Info title; the bold, larger headings, not under "Seite 1") and of
// the ticket system's print view (the FAQ's title without its number,
// its fields as sections) since branch loaders18.
var (
	holunderbachTitles = map[string]string{
		"merkblaetter/feuerwerk-laerm":                 "Merkblatt: Feuerwerk, Silvester und Ruhezeiten",
		"intern/dienstanweisungen/hausrecht-bedrohung": "Dienstanweisung über das Hausrecht und das Verhalten bei Bedrohungen",
		"intern/it-hilfe/kennwort-geaendert-anmeldung": "Nach Kennwortänderung ständig Anmeldefenster (Outlook, Teams)",
	}
	holunderbachHeadings = map[string][]string{
		"merkblaetter/feuerwerk-laerm":                 {"Wo ist Feuerwerk verboten?", "Bußgelder"},
		"intern/dienstanweisungen/hausrecht-bedrohung": {"Hausrecht", "Stiller Alarm"},
		"intern/it-hilfe/kennwort-geaendert-anmeldung": {"Symptom", "Problem", "Lösung"},
	}
)

// TestHolunderbachCasesMatchCorpus checks the Holunderbach cases against
// the corpus they run on (see checkCorpusCases and
// evals/cases/holunderbach/README.md).
// Each half: the 20 first-round cases and the 8 of the second round
// (IDs with "-r2-"), alike in mix, so both halves keep the same one.
func TestHolunderbachCasesMatchCorpus(t *testing.T) {
	checkCorpusCases(t, loadHolunderbach(t), holunderbachCaseDirs, caseMix{
		cases: 28, employees: 4, langs: 3, escalations: 2, scope: 1, laws: 3, notices: 3, followups: 4,
	})
}
