// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

// odsSkipped are the elements inside a spreadsheet's cells whose text is
// no cell text: comments, notes, and drawings anchored in a cell.
var odsSkipped = map[string]bool{"annotation": true, "note": true, "frame": true, "custom-shape": true, "shapes": true}

// maxODSSpan bounds a repetition (table:number-columns-repeated,
// table:number-rows-repeated) and the column a repeated empty cell may
// move the next one to: LibreOffice fills a row to its last column
// (16384) and a sheet to its last row (1048576) that way.
const maxODSSpan = 1 << 24

// odsSheet is a table of an OpenDocument spreadsheet with its rows.
type odsSheet struct {
	name string
	rows [][]string
}

// parseODS reads an OpenDocument spreadsheet (LibreOffice Calc's .ods)
// as parseXLSX reads an Excel workbook, through the same bounded archive
// and within the same bounds of sheets, rows and columns: each table of
// content.xml a section headed by its name, a row a line of a table with
// " | " between its cells, the first row its head, the first sheet's
// merged title row the title (else meta.xml's title, else another
// sheet's title row; a title row too long for a title is a line above
// its table). A cell is read
// by the text it shows (its <text:p> paragraphs, "28,00 €", not its
// office:value 28), its value only when it shows none; the cells a
// merged cell covers and comments are left out; a cell repeated
// (table:number-columns-repeated) stands as often as it is repeated,
// repeated empty cells and rows only move the next one.
func parseODS(data []byte, b *budget) (parsedDoc, error) {
	content, metaTitle, updated, err := openODF(data, b, "kein OpenDocument-Tabellendokument: content.xml fehlt")
	if err != nil {
		return parsedDoc{}, err
	}
	return odsContent(content, metaTitle, updated)
}

// odsContent reads an OpenDocument spreadsheet's content (content.xml,
// or a flat file's office:document) as parseODS describes.
func odsContent(content []byte, metaTitle string, updated time.Time) (parsedDoc, error) {
	var pd parsedDoc
	sheets, err := odsSheets(content)
	if err != nil {
		return pd, err
	}
	pd.updated = updated
	for i, sh := range sheets {
		if i == 1 && pd.title == "" {
			// The first sheet has no title row: the file's title
			// names the document before another sheet's title row.
			pd.title = metaTitle
		}
		addSheet(&pd, sh.name, sh.rows)
	}
	if pd.title == "" {
		pd.title = metaTitle
	}
	if len(pd.sections) == 0 {
		return pd, errNoText
	}
	return pd, nil
}

// odsSheets reads the tables of a spreadsheet's content.xml, each row
// the cells with text at their columns (a skipped column an empty cell),
// trailing empty cells and rows without text dropped.
func odsSheets(content []byte) ([]odsSheet, error) {
	var (
		sheets      []odsSheet
		sheet       *odsSheet
		spreadsheet bool // content.xml holds an office:spreadsheet
		tables      int  // depth of the tables being read
		inRow       bool
		row         []string
		rowRepeat   int
		col         int // the column of the cell being read
		inCell      bool
		covered     bool // the cell is covered by a merged one
		colRepeat   int
		value       string // the cell's value, when it shows no text
		text        strings.Builder
		paras       int // the cell's paragraphs so far
		inPara      int // depth of the paragraphs being read
		skip        int // depth inside skipped elements
	)
	repeat := func(t xml.StartElement, name string) int {
		n, err := strconv.ParseUint(strings.TrimSpace(xmlAttr(t, name)), 10, 64)
		switch {
		case errors.Is(err, strconv.ErrRange):
			return maxODSSpan
		case err != nil || n < 1:
			return 1
		}
		return int(min(n, maxODSSpan))
	}
	dec := xml.NewDecoder(bytes.NewReader(content))
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fileErrorf(err, "OpenDocument-Tabelle beschädigt")
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 || inCell && odsSkipped[t.Name.Local] {
				skip++
				continue
			}
			switch t.Name.Local {
			case "spreadsheet":
				spreadsheet = true
			case "table":
				if tables++; tables > 1 || !spreadsheet {
					continue
				}
				if len(sheets) >= maxXLSXSheets {
					return nil, fileErrorf(nil, "Tabellendokument mit mehr als %d Tabellenblättern", maxXLSXSheets)
				}
				name := strings.TrimSpace(xmlAttr(t, "name"))
				if name == "" {
					name = fmt.Sprintf("Tabelle %d", len(sheets)+1)
				}
				sheets = append(sheets, odsSheet{name: name})
				sheet = &sheets[len(sheets)-1]
			case "table-row":
				if tables == 1 && sheet != nil {
					inRow, row, col = true, nil, 0
					rowRepeat = repeat(t, "number-rows-repeated")
				}
			case "table-cell", "covered-table-cell":
				if tables == 1 && inRow {
					inCell, covered = true, t.Name.Local == "covered-table-cell"
					colRepeat = repeat(t, "number-columns-repeated")
					value = odsValue(t)
					text.Reset()
					paras = 0
				}
			case "p", "h":
				if inCell {
					if inPara == 0 && paras > 0 {
						text.WriteByte(' ')
					}
					inPara++
				}
			case "s", "tab", "line-break":
				if inPara > 0 {
					text.WriteByte(' ')
				}
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			switch t.Name.Local {
			case "table":
				if tables--; tables == 0 {
					sheet = nil
				}
			case "p", "h":
				if inCell && inPara > 0 {
					if inPara--; inPara == 0 {
						paras++
					}
				}
			case "table-cell", "covered-table-cell":
				if !inCell || tables != 1 {
					continue
				}
				inCell = false
				s := xlsxCellText(text.String())
				if s == "" {
					s = value
				}
				if covered || s == "" {
					col = min(col+colRepeat, maxODSSpan)
					continue
				}
				for range colRepeat {
					if col >= maxXLSXCols {
						return nil, fileErrorf(nil, "Tabellenblatt %q nicht lesbar: mehr als %d Spalten", sheet.name, maxXLSXCols)
					}
					for len(row) < col {
						row = append(row, "")
					}
					row = append(row, s)
					col++
				}
			case "table-row":
				if !inRow || tables != 1 {
					continue
				}
				inRow = false
				if len(row) == 0 {
					continue
				}
				if len(sheet.rows)+rowRepeat > maxXLSXRows {
					return nil, fileErrorf(nil, "Tabellenblatt %q nicht lesbar: mehr als %d Zeilen", sheet.name, maxXLSXRows)
				}
				for range rowRepeat {
					sheet.rows = append(sheet.rows, row)
				}
			}
		case xml.CharData:
			if inPara > 0 && skip == 0 && text.Len() < 4*maxCSVCell {
				text.Write(t)
			}
		}
	}
	if !spreadsheet {
		return nil, errors.New("kein OpenDocument-Tabellendokument: keine office:spreadsheet")
	}
	return sheets, nil
}

// odsValue is the text of a cell's value by its type, for a cell that
// shows no text of its own: a number as short as it is ("2,5"), a
// percentage with " %", a date as "02.01.2027", a truth value as "ja"
// or "nein".
func odsValue(t xml.StartElement) string {
	switch xmlAttr(t, "value-type") {
	case "string":
		return xlsxCellText(xmlAttr(t, "string-value"))
	case "float", "currency", "percentage":
		f, err := strconv.ParseFloat(strings.TrimSpace(xmlAttr(t, "value")), 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return ""
		}
		if xmlAttr(t, "value-type") == "percentage" {
			return xlsxNumber(f, "0%")
		}
		return xlsxNumber(f, "")
	case "date":
		v := strings.TrimSpace(xmlAttr(t, "date-value"))
		if d, err := time.Parse("2006-01-02", v[:min(len(v), 10)]); err == nil {
			return d.Format("02.01.2006")
		}
	case "boolean":
		if xmlAttr(t, "boolean-value") == "true" {
			return "ja"
		}
		return "nein"
	}
	return ""
}
