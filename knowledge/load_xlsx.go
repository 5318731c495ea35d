// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Bounds of a workbook (parseXLSX), besides the archive's (openZip): a
// workbook with more sheets, shared strings, rows or columns is refused,
// as a CSV file with too many rows is; a longer cell is cut.
const (
	maxXLSXSheets  = 100
	maxXLSXStrings = 200_000
	maxXLSXRows    = maxCSVRows
	maxXLSXCols    = maxCSVFields
)

// parseXLSX reads an Excel workbook (.xlsx) as the Word and OpenDocument
// readers read a document, with the same archive bounds: each sheet named
// in xl/workbook.xml a section headed by its name, each row a line of a
// table with " | " between its cells and the first row its head (rows
// above it that fill only their first cell, a merged title, are the
// document's title or lines before the table). Cells are shared strings
// (xl/sharedStrings.xml), inline strings or numbers; a number formatted
// with decimals (a fee as "#,##0.00") is written as German text
// ("1.150,00"), a date as "02.01.2027". The title of the file's
// properties, when set, is the title.
func parseXLSX(data []byte, b *budget) (parsedDoc, error) {
	var pd parsedDoc
	zr, err := openZip(data, b)
	if err != nil {
		return pd, err
	}
	wb, err := readZipFile(zr, "xl/workbook.xml")
	if errors.Is(err, errUnpackLimit) {
		return pd, err
	}
	if err != nil {
		return pd, errors.New("keine Excel-Arbeitsmappe: xl/workbook.xml fehlt")
	}
	sheets, err := xlsxSheets(zr, wb)
	if err != nil {
		return pd, err
	}
	shared, err := xlsxSharedStrings(zr)
	if err != nil {
		return pd, err
	}
	formats := xlsxNumberFormats(zr)
	pd.title, pd.updated = coreProps(zr)
	for _, sh := range sheets {
		x, err := readZipFile(zr, sh.file)
		if errors.Is(err, errUnpackLimit) {
			return pd, err
		}
		if err != nil {
			continue // a chart sheet or a missing part
		}
		rows, err := xlsxRows(x, shared, formats)
		if err != nil {
			return pd, fileErrorf(err, "Tabellenblatt %q nicht lesbar", sh.name)
		}
		addSheet(&pd, sh.name, rows)
	}
	if len(pd.sections) == 0 {
		return pd, errNoText
	}
	return pd, nil
}

// addSheet adds a spreadsheet's sheet (Excel, OpenDocument) to pd as a
// section headed by the sheet's name: its rows lines of a table, the
// first its head; rows above it that fill only their first cell (a
// merged title) are the document's title, when it has none yet, or
// lines before the table. A sheet without text adds nothing.
func addSheet(pd *parsedDoc, name string, rows [][]string) {
	var o docOutline
	// Title lines above the table (a merged title row).
	for len(rows) > 1 && len(rows[0]) == 1 && countLetters(rows[0][0]) >= 2 {
		if pd.title == "" && utf8.RuneCountInString(rows[0][0]) <= maxHeadingLine {
			pd.title = rows[0][0]
		} else {
			o.line(rows[0][0])
		}
		rows = rows[1:]
	}
	for i, r := range rows {
		o.tableRow(r, i == 0)
	}
	o.cur.Heading = name
	sec := o.done()
	if len(sec) == 1 && strings.TrimSpace(sec[0].Text) != "" {
		pd.sections = append(pd.sections, sec[0])
	}
}

// xlsxSheet is a worksheet as the workbook names it.
type xlsxSheet struct{ name, file string }

// xlsxSheets returns the workbook's sheets in order, each with the part
// its relationship names (xl/_rels/workbook.xml.rels), else
// xl/worksheets/sheetN.xml by position.
func xlsxSheets(zr *officeZip, wb []byte) ([]xlsxSheet, error) {
	var w struct {
		Sheets []struct {
			Name  string     `xml:"name,attr"`
			Attrs []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(wb, &w); err != nil {
		return nil, fileErrorf(err, "xl/workbook.xml beschädigt")
	}
	if len(w.Sheets) > maxXLSXSheets {
		return nil, fileErrorf(nil, "Arbeitsmappe mit mehr als %d Tabellenblättern", maxXLSXSheets)
	}
	targets := map[string]string{}
	if rels, err := readZipFile(zr, "xl/_rels/workbook.xml.rels"); err == nil {
		var r struct {
			Rel []struct {
				ID     string `xml:"Id,attr"`
				Target string `xml:"Target,attr"`
			} `xml:"Relationship"`
		}
		if xml.Unmarshal(rels, &r) == nil {
			for _, x := range r.Rel {
				t := x.Target
				if strings.HasPrefix(t, "/") {
					t = strings.TrimPrefix(t, "/")
				} else {
					t = path.Join("xl", t)
				}
				targets[x.ID] = t
			}
		}
	}
	var out []xlsxSheet
	for i, s := range w.Sheets {
		file := fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)
		for _, a := range s.Attrs {
			if a.Name.Local == "id" {
				if t, ok := targets[a.Value]; ok {
					file = t
				}
			}
		}
		name := strings.TrimSpace(s.Name)
		if name == "" {
			name = fmt.Sprintf("Tabelle %d", i+1)
		}
		out = append(out, xlsxSheet{name, file})
	}
	if len(out) == 0 {
		return nil, errors.New("keine Tabellenblätter gefunden")
	}
	return out, nil
}

// xlsxSharedStrings reads the shared strings table: each <si> its text
// runs joined, phonetic runs (<rPh>) left out.
func xlsxSharedStrings(zr *officeZip) ([]string, error) {
	x, err := readZipFile(zr, "xl/sharedStrings.xml")
	if errors.Is(err, errUnpackLimit) {
		return nil, err
	}
	if err != nil {
		return nil, nil // a workbook of numbers and inline strings only
	}
	var (
		out    []string
		cur    strings.Builder
		inT    bool
		inRPh  bool
		inItem bool
	)
	dec := xml.NewDecoder(bytes.NewReader(x))
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fileErrorf(err, "xl/sharedStrings.xml beschädigt")
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inItem = true
				cur.Reset()
			case "rPh":
				inRPh = true
			case "t":
				inT = inItem && !inRPh
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				if len(out) >= maxXLSXStrings {
					return nil, fileErrorf(nil, "Arbeitsmappe mit mehr als %d Texten", maxXLSXStrings)
				}
				out = append(out, xlsxCellText(cur.String()))
				inItem = false
			case "rPh":
				inRPh = false
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT && cur.Len() < 4*maxCSVCell {
				cur.Write(t)
			}
		}
	}
	return out, nil
}

// xlsxNumberFormats returns the number format code of each cell style
// (xl/styles.xml's cellXfs, by index): a built-in format's code, or the
// workbook's own (numFmts).
func xlsxNumberFormats(zr *officeZip) []string {
	x, err := readZipFile(zr, "xl/styles.xml")
	if err != nil {
		return nil
	}
	var st struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			ID int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if xml.Unmarshal(x, &st) != nil {
		return nil
	}
	custom := map[int]string{}
	for _, f := range st.NumFmts {
		custom[f.ID] = f.Code
	}
	out := make([]string, 0, len(st.Xfs))
	for _, xf := range st.Xfs {
		code, ok := custom[xf.ID]
		if !ok {
			code = xlsxBuiltinFormats[xf.ID]
		}
		out = append(out, code)
	}
	return out
}

// xlsxBuiltinFormats are the number formats Excel does not write into a
// workbook, by id, as far as they change how a number reads.
var xlsxBuiltinFormats = map[int]string{
	1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
	5: "#,##0 €", 6: "#,##0 €", 7: "#,##0.00 €", 8: "#,##0.00 €",
	9: "0%", 10: "0.00%", 14: "dd.mm.yyyy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy",
	18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
	22: "dd.mm.yyyy hh:mm", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mm:ss.0", 37: "#,##0", 38: "#,##0", 39: "#,##0.00", 40: "#,##0.00",
	43: "#,##0.00", 44: "#,##0.00 €",
}

// xlsxRows reads a worksheet's rows, each a row of cells at their column
// (a skipped column an empty cell), trailing empty cells and rows
// without text dropped.
func xlsxRows(x []byte, shared []string, formats []string) ([][]string, error) {
	var (
		rows  [][]string
		row   []string
		col   int    // the column of the cell being read
		typ   string // its type (t)
		style int    // its style (s)
		val   strings.Builder
		inV   bool // in <v> or an inline string's <t>
		inRow bool
	)
	dec := xml.NewDecoder(bytes.NewReader(x))
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				inRow, row = true, nil
			case "c":
				if !inRow {
					continue
				}
				col = len(row)
				if c, ok := xlsxColumn(xmlAttr(t, "r")); ok {
					col = c
				}
				typ = xmlAttr(t, "t")
				style, _ = strconv.Atoi(xmlAttr(t, "s"))
				val.Reset()
			case "v", "t":
				inV = inRow
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v", "t":
				inV = false
			case "c":
				if !inRow || col >= maxXLSXCols {
					if col >= maxXLSXCols {
						return nil, fmt.Errorf("mehr als %d Spalten", maxXLSXCols)
					}
					continue
				}
				text := xlsxValue(val.String(), typ, style, shared, formats)
				if text == "" {
					continue
				}
				for len(row) < col {
					row = append(row, "")
				}
				row = append(row, text)
			case "row":
				inRow = false
				if len(row) == 0 {
					continue
				}
				if len(rows) >= maxXLSXRows {
					return nil, fmt.Errorf("mehr als %d Zeilen", maxXLSXRows)
				}
				rows = append(rows, row)
			}
		case xml.CharData:
			if inV && val.Len() < 4*maxCSVCell {
				val.Write(t)
			}
		}
	}
	return rows, nil
}

// xlsxColumn returns the 0-based column of a cell reference ("C12" → 2).
func xlsxColumn(ref string) (int, bool) {
	n := 0
	i := 0
	for ; i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z'; i++ {
		n = n*26 + int(ref[i]-'A'+1)
		if n > maxXLSXCols+1 {
			return maxXLSXCols, true
		}
	}
	if i == 0 {
		return 0, false
	}
	return n - 1, true
}

// xlsxValue is a cell's text: a shared or inline string, a boolean, or a
// number written by its format.
func xlsxValue(v, typ string, style int, shared []string, formats []string) string {
	switch typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(shared) {
			return ""
		}
		return shared[i]
	case "inlineStr", "str":
		return xlsxCellText(v)
	case "b":
		if strings.TrimSpace(v) == "1" {
			return "ja"
		}
		return "nein"
	case "e":
		return ""
	}
	v = strings.TrimSpace(v)
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return xlsxCellText(v)
	}
	code := ""
	if style >= 0 && style < len(formats) {
		code = formats[style]
	}
	return xlsxNumber(f, code)
}

// xlsxNumber writes a number as a German reader reads it in the cell: a
// date format as "02.01.2027", a percentage as "20 %", a format with
// decimals ("0.00", "#,##0.00") with as many after a decimal comma and
// one with "#,##" with thousands points; else as short as it is
// ("1150", "2,5").
func xlsxNumber(f float64, code string) string {
	if t, ok := xlsxTime(f, code); ok {
		return t
	}
	c := strings.ToLower(code)
	if i := strings.IndexByte(c, ';'); i >= 0 {
		c = c[:i] // the format of positive numbers
	}
	if strings.Contains(c, "yy") || strings.Contains(c, "d") && strings.Contains(c, "m") && !strings.Contains(c, "0") {
		if f > 0 && f < 2958466 {
			d := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).Add(time.Duration(f * 24 * float64(time.Hour)))
			if strings.Contains(c, "h") {
				return d.Format("02.01.2006 15:04")
			}
			return d.Format("02.01.2006")
		}
	}
	percent := strings.Contains(c, "%")
	if percent {
		f *= 100
	}
	decimals := -1
	if i := strings.Index(c, "0."); i >= 0 {
		decimals = 0
		for _, r := range c[i+2:] {
			if r != '0' && r != '#' {
				break
			}
			decimals++
		}
	} else if strings.Contains(c, "0") {
		decimals = 0
	}
	s := strconv.FormatFloat(f, 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	if strings.Contains(c, "#,##") || strings.Contains(c, "#.##") {
		intPart = thousands(intPart)
	}
	s = intPart
	if frac != "" {
		s += "," + frac
	}
	if percent {
		s += " %"
	}
	return s
}

// thousands puts a point between each three digits of an integer's
// digits ("1150" → "1.150").
func thousands(digits string) string {
	sign := ""
	if strings.HasPrefix(digits, "-") {
		sign, digits = "-", digits[1:]
	}
	if len(digits) <= 3 {
		return sign + digits
	}
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return sign + b.String()
}

// xlsxCellText is a cell's string on one line, cut at maxCSVCell runes.
func xlsxCellText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > maxCSVCell {
		s = string([]rune(s)[:maxCSVCell])
	}
	return s
}
