// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Bounds of a CSV file (parseCSV): a file with more rows or columns is
// refused, as an XML document with too many elements is; a longer cell
// is cut.
const (
	maxCSVRows   = 20_000
	maxCSVFields = 200
	maxCSVCell   = 4_000 // runes
)

// csvSeparators are the separators a CSV file is tried with: Excel and
// German open-data portals write ";", others "," or a tab.
var csvSeparators = []rune{';', ',', '\t'}

// parseCSV reads a table exported as CSV (open data, a fee list, a
// spreadsheet saved as text): UTF-8 with or without a byte order mark,
// else Latin-1; CRLF or LF; ";", "," or tab as separator, whichever
// splits the first rows into the most columns alike; quoted cells may
// hold separators and line breaks.
//
// Rows above the header that fill only their first cell (a spreadsheet's
// title line "Gebührenverzeichnis 2026;;;") give the title and a lead;
// else the title comes from the file name. Each data row is a section
// headed by its name (the cell of the first column that names things,
// such as a facility, a service or a fee item, not a column of a few
// repeated values such as a weekday) with one "Header: value" line per
// other non-empty cell; where names repeat (a tour on several dates),
// the heading adds the cell of the first column that differs in every
// row ("Führung – 16.01.2027") and the name stays a line too. Not a table with " | " between the
// cells: a question such as "hat das Musteramt am Donnerstag auf" needs
// the row's name and the weekday's column name beside the value, and a
// row of cells would leave "Donnerstag" in a header line of another
// chunk, so that neither retrieval nor the extractive answer could tell
// which of the row's times is Thursday's. A file without a header row
// (its first row holds values: a number or time without letters, an
// empty or a repeated cell) keeps its rows as lines of cells with " | "
// between them, as tables of other formats are read.
//
// Excel's first line "sep=;" names the separator and is no row. Rows
// after a blank row below the table that fill only their first cell
// (who takes orders, a note) are text after the table.
func parseCSV(data []byte) (pd parsedDoc, err error) {
	if bytes.IndexByte(data, 0) >= 0 {
		return pd, fileErrorf(nil, "Binärdatei, kein CSV")
	}
	if !utf8.Valid(data) {
		data = windows1252ToUTF8(data)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var sep rune
	if m := csvSepLineRE.FindSubmatch(data); m != nil {
		// Excel's separator line ("sep=;"): it names the separator and
		// is no row.
		sep, _ = utf8.DecodeRune(m[1])
		data = data[len(m[0]):]
	} else {
		sep = csvSeparator(data)
	}
	rows, blankBefore, err := readCSV(data, sep)
	if err != nil {
		return pd, err
	}
	// Notes below the table, after a blank row, each in its first cell
	// ("Bestellung: …", "Hinweis: …"): text after the table.
	var notes []string
	if n := len(rows); n > 2 {
		i := n
		for i > 1 && onlyFirstCell(rows[i-1]) {
			i--
		}
		if i < n && blankBefore[i] {
			for _, r := range rows[i:] {
				notes = append(notes, r[0])
			}
			rows = rows[:i]
		}
	}
	defer func() {
		if err == nil && len(notes) > 0 {
			pd.sections = append(pd.sections, Section{Text: strings.Join(notes, "\n")})
		}
	}()
	// Title lines above the header.
	var lead []string
	for len(rows) > 0 && onlyFirstCell(rows[0]) {
		if pd.title == "" && utf8.RuneCountInString(rows[0][0]) <= maxHeadingLine {
			pd.title = rows[0][0]
		} else {
			lead = append(lead, rows[0][0])
		}
		rows = rows[1:]
	}
	if len(lead) > 0 {
		pd.sections = append(pd.sections, Section{Text: strings.Join(lead, "\n")})
	}
	if len(rows) == 0 {
		return pd, nil
	}
	if !csvHeader(rows[0]) || len(rows) == 1 {
		var lines []string
		for _, r := range rows {
			if l := strings.Join(nonEmpty(r), pdfCellSep); l != "" {
				lines = append(lines, l)
			}
		}
		pd.sections = append(pd.sections, Section{Text: strings.Join(lines, "\n")})
		return pd, nil
	}
	header, rows := rows[0], rows[1:]
	name := csvNameColumn(rows, len(header))
	key := csvKeyColumn(rows, name)
	for _, r := range rows {
		var lines []string
		for i, c := range r {
			if i == name && key < 0 || c == "" {
				continue
			}
			h := ""
			if i < len(header) {
				h = header[i]
			}
			if h == "" {
				lines = append(lines, c)
				continue
			}
			lines = append(lines, h+": "+c)
		}
		s := Section{Text: strings.Join(lines, "\n")}
		if name < len(r) {
			s.Heading = r[name]
			if key >= 0 && key < len(r) && r[key] != "" && s.Heading != "" {
				// Rows of the same name told apart ("Führung –
				// 16.01."); the name stays a line of the row too.
				s.Heading += " – " + r[key]
			}
		}
		if s.Heading == "" && s.Text == "" {
			continue
		}
		pd.sections = append(pd.sections, s)
	}
	return pd, nil
}

// csvSeparator returns the separator that splits the first rows of data
// into the most columns, the same number in every row.
func csvSeparator(data []byte) rune {
	sample := data
	if len(sample) > 64<<10 {
		sample = sample[:64<<10]
	}
	best, bestScore := csvSeparators[0], -1
	for _, sep := range csvSeparators {
		r := csv.NewReader(bytes.NewReader(sample))
		r.Comma, r.FieldsPerRecord, r.LazyQuotes = sep, -1, true
		n, cols, alike := 0, 0, true
		for n < 20 {
			rec, err := r.Read()
			if err != nil {
				break
			}
			if n == 0 {
				cols = len(rec)
			} else if len(rec) != cols {
				alike = false
			}
			n++
		}
		score := cols
		if !alike {
			score /= 2
		}
		if cols > 1 && score > bestScore {
			best, bestScore = sep, score
		}
	}
	return best
}

// csvSepLineRE matches Excel's first line that names the separator.
var csvSepLineRE = regexp.MustCompile(`^sep=([^\r\n])\r?\n`)

// readCSV reads the rows of data, each cell trimmed, bounded by
// maxCSVRows, maxCSVFields and maxCSVCell. Rows without any text are
// dropped; blankBefore holds the indexes of the rows that follow one.
func readCSV(data []byte, sep rune) (rows [][]string, blankBefore map[int]bool, err error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma, r.FieldsPerRecord, r.LazyQuotes = sep, -1, true
	r.ReuseRecord = false
	blankBefore = map[int]bool{}
	blank := false
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, fileErrorf(err, "CSV nicht lesbar")
		}
		if len(rec) > maxCSVFields {
			return nil, nil, fileErrorf(nil, "CSV mit mehr als %d Spalten", maxCSVFields)
		}
		empty := true
		for i, c := range rec {
			c = strings.TrimSpace(c)
			if utf8.RuneCountInString(c) > maxCSVCell {
				c = string([]rune(c)[:maxCSVCell])
			}
			rec[i] = c
			if c != "" {
				empty = false
			}
		}
		if empty {
			blank = true
			continue
		}
		if len(rows) >= maxCSVRows {
			return nil, nil, fileErrorf(nil, "CSV mit mehr als %d Zeilen", maxCSVRows)
		}
		if blank && len(rows) > 0 {
			blankBefore[len(rows)] = true
		}
		blank = false
		rows = append(rows, rec)
	}
	if len(rows) == 0 {
		return nil, nil, errNoText
	}
	return rows, blankBefore, nil
}

// onlyFirstCell reports whether a row fills its first cell only, as a
// title line above a table does, and there are further cells it leaves
// empty or none.
func onlyFirstCell(r []string) bool {
	if r[0] == "" || countLetters(r[0]) < 2 {
		return false
	}
	for _, c := range r[1:] {
		if c != "" {
			return false
		}
	}
	return len(r) > 1
}

// csvHeader reports whether a row names columns: at least two cells,
// every one filled, with letters, short, and no name repeated.
func csvHeader(r []string) bool {
	if len(r) < 2 {
		return false
	}
	seen := map[string]bool{}
	for _, c := range r {
		if c == "" || countLetters(c) == 0 || utf8.RuneCountInString(c) > maxTermLen || seen[strings.ToLower(c)] {
			return false
		}
		seen[strings.ToLower(c)] = true
	}
	return true
}

// csvNameColumn returns the column whose cells name a row: the first in
// which most cells start with a letter (not an id or a number) and most
// differ (not a weekday or a category that a few values repeat), else
// the first in which most cells start with a letter.
func csvNameColumn(rows [][]string, cols int) int {
	first := -1
	for i := range cols {
		named := 0
		seen := map[string]bool{}
		for _, r := range rows {
			if i < len(r) {
				if c, _ := utf8.DecodeRuneInString(r[i]); unicode.IsLetter(c) {
					named++
					seen[r[i]] = true
				}
			}
		}
		if named*2 <= len(rows) {
			continue
		}
		if len(seen)*2 > named {
			return i
		}
		if first < 0 {
			first = i
		}
	}
	return max(first, 0)
}

// csvKeyColumn returns the column before name whose cells tell rows of
// the same name apart (a date, a number): filled in most rows, no value
// twice; -1 when the names do not repeat or no column does.
func csvKeyColumn(rows [][]string, name int) int {
	names := map[string]bool{}
	repeated := false
	for _, r := range rows {
		if name < len(r) && r[name] != "" {
			repeated = repeated || names[r[name]]
			names[r[name]] = true
		}
	}
	if !repeated {
		return -1
	}
	for i := range name {
		seen := map[string]bool{}
		filled, unique := 0, true
		for _, r := range rows {
			if i >= len(r) || r[i] == "" {
				continue
			}
			filled++
			unique = unique && !seen[r[i]]
			seen[r[i]] = true
		}
		if unique && filled*2 > len(rows) {
			return i
		}
	}
	return -1
}

// nonEmpty returns the cells of r that hold text.
func nonEmpty(r []string) []string {
	var out []string
	for _, c := range r {
		if c != "" {
			out = append(out, c)
		}
	}
	return out
}
