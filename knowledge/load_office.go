// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"

	"github.com/musterstadt/lotse/knowledge/german"
)

// oleMagic starts every OLE compound file. Encrypted DOCX/PPTX files and the
// old binary .doc/.ppt formats are such files, not ZIP archives.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// officeZip is an Office document's archive together with the budget its
// decompression is booked against.
type officeZip struct {
	*zip.Reader
	b *budget
}

func openZip(data []byte, b *budget) (*officeZip, error) {
	if bytes.HasPrefix(data, oleMagic) {
		return nil, errors.New("verschlüsselt oder altes Office-Binärformat")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fileErrorf(err, "kein gültiges Office-Dokument")
	}
	if len(zr.File) > b.lim.MaxEntries {
		return nil, fileErrorf(nil, "Archiv mit zu vielen Einträgen (%d, höchstens %d)", len(zr.File), b.lim.MaxEntries)
	}
	// The sizes an archive declares are checked up front (cheap) and the
	// bytes actually decompressed while reading (declarations may lie).
	var declared uint64
	for _, f := range zr.File {
		declared += f.UncompressedSize64
	}
	if declared > uint64(b.lim.MaxUnpackedBytes) {
		return nil, fmt.Errorf("%w (%d Bytes angegeben, höchstens %d; Zip-Bombe?)", errUnpackLimit, declared, b.lim.MaxUnpackedBytes)
	}
	return &officeZip{zr, b}, nil
}

// readZipFile decompresses one entry, booking its bytes against the
// file's budget.
func readZipFile(zr *officeZip, name string) ([]byte, error) {
	f, err := zr.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return zr.b.readAll(f)
}

// coreProps reads title and modification date from docProps/core.xml.
func coreProps(zr *officeZip) (title string, modified time.Time) {
	b, err := readZipFile(zr, "docProps/core.xml")
	if err != nil {
		return "", time.Time{}
	}
	var cp struct {
		Title    string `xml:"title"`
		Modified string `xml:"modified"`
	}
	if xml.Unmarshal(b, &cp) != nil {
		return "", time.Time{}
	}
	modified, _ = parseDate(cp.Modified)
	return strings.TrimSpace(cp.Title), modified
}

// parseDOCX reads word/document.xml. A paragraph styled Title becomes the
// title, else a first paragraph styled Heading 1 that is the only one, or
// a first paragraph set in bold; the title of the file's properties
// ("DA 3-2026 Abwesenheiten") only when the text has none. Paragraphs
// styled as headings ("Heading1", "Überschrift1" …, or with an outline
// level) open sections; all other paragraphs are text.
func parseDOCX(data []byte, b *budget) (parsedDoc, error) {
	var pd parsedDoc
	zr, err := openZip(data, b)
	if err != nil {
		return pd, err
	}
	body, err := readZipFile(zr, "word/document.xml")
	if errors.Is(err, errUnpackLimit) {
		return pd, err
	}
	if err != nil {
		return pd, errors.New("kein Word-Dokument: word/document.xml fehlt")
	}
	styles := docxHeadingStyles(zr)
	numbers := docxNumbering(zr)
	var propTitle string
	propTitle, pd.updated = coreProps(zr)

	dec := xml.NewDecoder(bytes.NewReader(body))
	var (
		doc     docOutline
		para    strings.Builder
		style   string
		outline = -1
		inText  bool
		tables  int      // depth of the tables the paragraph stands in
		cell    []string // the paragraphs of the table cell being read
		row     []string // the cells of the table row being read
		rows    int      // rows of the outermost table so far
		inPPr   bool     // in the paragraph's properties, not a run's
		inRun   bool
		runBold bool   // the run being read is bold
		runText bool   // the run being read has text
		boldRun int    // runs with text of the paragraph that are bold
		textRun int    // runs with text of the paragraph
		paras   int    // paragraphs with text so far
		firstH1 string // the first paragraph, when styled Heading 1
		h1s     int    // paragraphs styled Heading 1
		numID   = ""   // the paragraph's list (numPr), "" for its style's
		numLvl  = -1   // its level in the list, -1 for its style's
		inNumPr bool
	)
	endPara := func() {
		text := strings.TrimSpace(para.String())
		para.Reset()
		if text != "" {
			// Word's automatic number or bullet ("1.", "a)", "•").
			if label := numbers.label(style, numID, numLvl); label != "" {
				text = label + " " + text
			}
		}
		numID, numLvl = "", -1
		lvl := outline + 1
		l, ok := styles[style]
		if ok {
			lvl = l
		}
		titleStyle := ok && l == 0
		bold := textRun > 0 && boldRun == textRun
		style, outline, boldRun, textRun = "", -1, 0, 0
		if text == "" {
			return
		}
		paras++
		if lvl <= 0 && tables == 0 && bold && boldHeading(text) {
			// Editors who use no heading styles set headings in bold
			// ("Was kostet das?"); the first such paragraph, before
			// any text, is the title.
			if paras == 1 && (propTitle == "" || containsWords(text, propTitle)) {
				pd.title = text
				return
			}
			lvl = boldHeadingLevel
		}
		if tables > 0 {
			// A table's cell, styled as a heading or not ("Frist" over a
			// column), belongs to its row; it opens no section.
			cell = append(cell, text)
			return
		}
		switch {
		case lvl == 0: // Title style, or a paragraph without a heading's
			// outline level: the first one is the title of a file
			// without one in its properties.
			if pd.title == "" && (titleStyle || propTitle == "") {
				pd.title = text
				return
			}
			doc.line(text)
		case lvl > 0 && lvl <= 6:
			if lvl == 1 {
				if h1s++; paras == 1 {
					firstH1 = text
				}
			}
			doc.heading(lvl, text)
		default:
			doc.line(text)
		}
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return pd, fileErrorf(err, "Word-Dokument beschädigt")
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "pStyle":
				style = xmlAttr(t, "val")
			case "outlineLvl":
				if n, err := strconv.Atoi(xmlAttr(t, "val")); err == nil {
					outline = n
				}
			case "t":
				inText = true
			case "pPr":
				inPPr = true
			case "numPr":
				inNumPr = inPPr
			case "numId":
				if inNumPr {
					numID = xmlAttr(t, "val")
				}
			case "ilvl":
				if inNumPr {
					if n, err := strconv.Atoi(xmlAttr(t, "val")); err == nil {
						numLvl = n
					}
				}
			case "r":
				inRun, runBold, runText = true, false, false
			case "b":
				if inRun && !inPPr {
					v := xmlAttr(t, "val")
					runBold = v == "" || v == "1" || v == "true" || v == "on"
				}
			case "tbl":
				if tables == 0 {
					rows = 0
				}
				tables++
			case "tc":
				if tables == 1 {
					cell = nil
				}
			case "tab":
				para.WriteByte('\t')
			case "br", "cr":
				para.WriteByte('\n')
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "pPr":
				inPPr = false
			case "numPr":
				inNumPr = false
			case "r":
				if runText {
					textRun++
					if runBold {
						boldRun++
					}
				}
				inRun = false
			case "p":
				endPara()
			case "tc":
				if tables == 1 {
					row = append(row, strings.Join(cell, " "))
					cell = nil
				}
			case "tr":
				if tables == 1 {
					doc.tableRow(row, rows == 0)
					rows++
					row = nil
				}
			case "tbl":
				tables--
			}
		case xml.CharData:
			if inText {
				para.Write(t)
				if len(bytes.TrimSpace(t)) > 0 {
					runText = true
				}
			}
		}
	}
	pd.sections = doc.done()
	onlyHeading1Title(&pd, firstH1, h1s)
	if pd.title == "" {
		pd.title = propTitle
	}
	return pd, nil
}

// docOutline gathers the sections of a word processor's document (Word,
// OpenDocument) paragraph by paragraph: a heading opens a section at its
// level under the headings above it, other paragraphs are its lines.
type docOutline struct {
	stack    []string
	levels   []int
	cur      Section
	lines    []string
	sections []Section
}

// line adds a paragraph to the current section.
func (o *docOutline) line(text string) { o.lines = append(o.lines, text) }

// heading opens a section headed text at level lvl: the headings of its
// level and below end.
func (o *docOutline) heading(lvl int, text string) {
	o.flush()
	for len(o.levels) > 0 && o.levels[len(o.levels)-1] >= lvl {
		o.levels, o.stack = o.levels[:len(o.levels)-1], o.stack[:len(o.stack)-1]
	}
	o.levels, o.stack = append(o.levels, lvl), append(o.stack, text)
	o.cur = Section{Heading: strings.Join(o.stack, " › ")}
}

// tableRow adds a table's row as a line of a Markdown table; the first
// row is the table's head.
func (o *docOutline) tableRow(row []string, first bool) {
	o.lines = append(o.lines, "| "+strings.Join(row, " | ")+" |")
	if first {
		o.lines = append(o.lines, "|"+strings.Repeat(" --- |", len(row)))
	}
}

func (o *docOutline) flush() {
	o.cur.Text = strings.Join(o.lines, "\n")
	o.sections = append(o.sections, o.cur)
	o.lines = nil
}

// done ends the last section and returns them all.
func (o *docOutline) done() []Section {
	o.flush()
	return o.sections
}

// onlyHeading1Title makes the only level-1 heading of a document without
// a title its title when it stands first ("Fischereischein beantragen"
// over "Wer bekommt …?"); its sections lose it from their headings.
func onlyHeading1Title(pd *parsedDoc, firstH1 string, h1s int) {
	if pd.title != "" || firstH1 == "" || h1s != 1 {
		return
	}
	pd.title = firstH1
	for i, s := range pd.sections {
		if s.Heading == firstH1 {
			pd.sections[i].Heading = ""
		} else {
			pd.sections[i].Heading = strings.TrimPrefix(s.Heading, firstH1+" › ")
		}
	}
}

// docxNumbers are a Word file's lists (word/numbering.xml) and the
// lists its paragraph styles carry (word/styles.xml), with the counters
// of the paragraphs read so far.
type docxNumbers struct {
	abstract map[string]string           // numId → abstractNumId
	start    map[string]map[int]int      // numId → level → startOverride
	levels   map[string]map[int]numLevel // abstractNumId → level → format
	styles   map[string]numRef           // paragraph style → its list
	counts   map[string][]int            // abstractNumId → counter per level
	started  map[string]bool             // numIds whose overrides are applied
}

// numLevel is a list level's format: "decimal", "lowerLetter", "bullet"
// …, the label's text ("%1.", "%1.%2", "•") and the first number.
type numLevel struct {
	format, text string
	start        int
}

// numRef is a list and a level.
type numRef struct {
	id  string
	lvl int
}

// maxNumLevels is the number of levels of a Word list.
const maxNumLevels = 9

// docxNumbering reads the lists of a Word file; nil when it has none.
func docxNumbering(zr *officeZip) *docxNumbers {
	b, err := readZipFile(zr, "word/numbering.xml")
	if err != nil {
		return nil
	}
	type val struct {
		Val string `xml:"val,attr"`
	}
	var nx struct {
		Abstract []struct {
			ID     string `xml:"abstractNumId,attr"`
			Levels []struct {
				Ilvl   int `xml:"ilvl,attr"`
				Start  val `xml:"start"`
				Format val `xml:"numFmt"`
				Text   val `xml:"lvlText"`
			} `xml:"lvl"`
		} `xml:"abstractNum"`
		Nums []struct {
			ID        string `xml:"numId,attr"`
			Abstract  val    `xml:"abstractNumId"`
			Overrides []struct {
				Ilvl  int `xml:"ilvl,attr"`
				Start val `xml:"startOverride"`
			} `xml:"lvlOverride"`
		} `xml:"num"`
	}
	if xml.Unmarshal(b, &nx) != nil {
		return nil
	}
	n := &docxNumbers{
		abstract: map[string]string{}, start: map[string]map[int]int{}, levels: map[string]map[int]numLevel{},
		styles: map[string]numRef{}, counts: map[string][]int{}, started: map[string]bool{},
	}
	for _, a := range nx.Abstract {
		lv := map[int]numLevel{}
		for _, l := range a.Levels {
			start, err := strconv.Atoi(l.Start.Val)
			if err != nil {
				start = 1
			}
			if l.Ilvl >= 0 && l.Ilvl < maxNumLevels {
				lv[l.Ilvl] = numLevel{format: l.Format.Val, text: l.Text.Val, start: start}
			}
		}
		n.levels[a.ID] = lv
	}
	for _, m := range nx.Nums {
		n.abstract[m.ID] = m.Abstract.Val
		for _, o := range m.Overrides {
			if s, err := strconv.Atoi(o.Start.Val); err == nil {
				if n.start[m.ID] == nil {
					n.start[m.ID] = map[int]int{}
				}
				n.start[m.ID][o.Ilvl] = s
			}
		}
	}
	if sb, err := readZipFile(zr, "word/styles.xml"); err == nil {
		var st struct {
			Styles []struct {
				ID  string `xml:"styleId,attr"`
				PPr struct {
					NumPr *struct {
						Ilvl  val `xml:"ilvl"`
						NumID val `xml:"numId"`
					} `xml:"numPr"`
				} `xml:"pPr"`
			} `xml:"style"`
		}
		if xml.Unmarshal(sb, &st) == nil {
			for _, s := range st.Styles {
				if np := s.PPr.NumPr; np != nil && np.NumID.Val != "" {
					lvl, _ := strconv.Atoi(np.Ilvl.Val)
					n.styles[s.ID] = numRef{np.NumID.Val, lvl}
				}
			}
		}
	}
	return n
}

// label counts a paragraph of the list numID (or its style's list) at
// level lvl and returns the number or bullet Word shows before it:
// "1.", "a)", "2.1", "-" for a bullet; "" for a paragraph of no list.
func (n *docxNumbers) label(style, numID string, lvl int) string {
	if n == nil {
		return ""
	}
	if ref, ok := n.styles[style]; ok {
		if numID == "" {
			numID = ref.id
		}
		if lvl < 0 {
			lvl = ref.lvl
		}
	}
	lvl = max(lvl, 0)
	abs, ok := n.abstract[numID]
	if numID == "" || numID == "0" || !ok || lvl >= maxNumLevels {
		return ""
	}
	levels := n.levels[abs]
	counts := n.counts[abs]
	if counts == nil {
		counts = make([]int, maxNumLevels)
		for i := range counts {
			counts[i] = -1
		}
	}
	if !n.started[numID] {
		// A list that restarts its numbering ("startOverride").
		n.started[numID] = true
		for l, s := range n.start[numID] {
			if l >= 0 && l < maxNumLevels {
				counts[l] = s - 1
			}
		}
	}
	for l := 0; l <= lvl; l++ {
		if counts[l] < 0 {
			counts[l] = levels[l].start - 1
			if _, ok := levels[l]; !ok {
				counts[l] = 0
			}
		}
	}
	counts[lvl]++
	for l := lvl + 1; l < maxNumLevels; l++ {
		counts[l] = -1 // a deeper level starts again
	}
	n.counts[abs] = counts
	f := levels[lvl]
	switch f.format {
	case "bullet":
		return "-"
	case "none", "":
		if f.text == "" {
			return ""
		}
	}
	var b strings.Builder
	text := f.text
	for i := 0; i < len(text); i++ {
		if text[i] == '%' && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '9' {
			l := int(text[i+1] - '1')
			if l <= lvl {
				b.WriteString(formatNumber(max(counts[l], 0), levels[l].format))
			}
			i++
			continue
		}
		b.WriteByte(text[i])
	}
	return strings.TrimSpace(b.String())
}

// formatNumber writes n as a list level's format shows it.
func formatNumber(n int, format string) string {
	switch format {
	case "lowerLetter", "upperLetter":
		if n < 1 {
			return strconv.Itoa(n)
		}
		var r []byte
		for k := (n - 1) / 26; k >= 0; k-- {
			r = append(r, byte('a'+(n-1)%26)) // Word repeats the letter: "aa" after "z"
		}
		if format == "upperLetter" {
			return strings.ToUpper(string(r))
		}
		return string(r)
	case "lowerRoman", "upperRoman":
		r := roman(n)
		if format == "lowerRoman" {
			return strings.ToLower(r)
		}
		return r
	case "decimalZero":
		if n < 10 {
			return "0" + strconv.Itoa(n)
		}
	}
	return strconv.Itoa(n)
}

// roman writes n in Roman numerals.
func roman(n int) string {
	if n < 1 || n > 3999 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// boldHeadingLevel is the level of a heading set in bold: below every
// styled heading.
const boldHeadingLevel = 6

// maxBoldHeading is the longest bold paragraph read as a heading.
const maxBoldHeading = 100

// boldHeading reports whether a paragraph set all in bold reads as a
// heading: short, and not a sentence that ends in a full stop.
func boldHeading(text string) bool {
	return utf8.RuneCountInString(text) <= maxBoldHeading && !strings.HasSuffix(text, ".") && !strings.Contains(text, "\n")
}

// containsWords reports whether every word of short is a word of long:
// a document's property title "Reisepass" names the heading "Reisepass
// beantragen".
func containsWords(long, short string) bool {
	ws := german.Words(short)
	if len(ws) == 0 {
		return false
	}
	have := map[string]bool{}
	for _, w := range german.Words(long) {
		have[w] = true
	}
	for _, w := range ws {
		if !have[w] {
			return false
		}
	}
	return true
}

// docxHeadingStyles maps style IDs to heading levels: 0 for the title
// style, 1–6 for headings. It reads word/styles.xml so that localised style
// names ("Überschrift 1") are recognised, and falls back to the usual IDs.
func docxHeadingStyles(zr *officeZip) map[string]int {
	m := map[string]int{"Title": 0, "Titel": 0}
	for i := 1; i <= 6; i++ {
		m["Heading"+strconv.Itoa(i)] = i
		m["berschrift"+strconv.Itoa(i)] = i
		m["Uberschrift"+strconv.Itoa(i)] = i
		m["Überschrift"+strconv.Itoa(i)] = i
	}
	b, err := readZipFile(zr, "word/styles.xml")
	if err != nil {
		return m
	}
	var st struct {
		Styles []struct {
			ID   string `xml:"styleId,attr"`
			Name struct {
				Val string `xml:"val,attr"`
			} `xml:"name"`
		} `xml:"style"`
	}
	if xml.Unmarshal(b, &st) != nil {
		return m
	}
	for _, s := range st.Styles {
		name := strings.ToLower(strings.ReplaceAll(s.Name.Val, " ", ""))
		switch {
		case name == "title" || name == "titel":
			m[s.ID] = 0
		case strings.HasPrefix(name, "heading") || strings.HasPrefix(name, "überschrift"):
			digits := strings.TrimLeft(name, "abcdefghijklmnopqrstuvwxyzü")
			if n, err := strconv.Atoi(digits); err == nil && n >= 1 && n <= 6 {
				m[s.ID] = n
			}
		}
	}
	return m
}

func xmlAttr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// parsePPTX reads the slides of a presentation in order. Each slide becomes
// a section headed by its title placeholder (or "Folie N"); the text of the
// other shapes, paragraph by paragraph, is its text. The first slide's
// title is the document title unless docProps/core.xml has one.
func parsePPTX(data []byte, b *budget) (parsedDoc, error) {
	var pd parsedDoc
	zr, err := openZip(data, b)
	if err != nil {
		return pd, err
	}
	pd.title, pd.updated = coreProps(zr)
	type slide struct {
		n    int
		name string
	}
	var slides []slide
	for _, f := range zr.File {
		dir, base := path.Split(f.Name)
		if dir != "ppt/slides/" || !strings.HasPrefix(base, "slide") || !strings.HasSuffix(base, ".xml") {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(base, "slide"), ".xml"))
		if err != nil {
			continue
		}
		slides = append(slides, slide{n, f.Name})
	}
	if len(slides) == 0 {
		return pd, errors.New("keine Folien gefunden")
	}
	slices.SortFunc(slides, func(a, b slide) int { return a.n - b.n })
	for i, s := range slides {
		x, err := readZipFile(zr, s.name)
		if errors.Is(err, errUnpackLimit) {
			return pd, err
		}
		if err != nil {
			return pd, fileErrorf(err, "Folie %d nicht lesbar", s.n)
		}
		title, body, err := slideText(x)
		if err != nil {
			return pd, fileErrorf(err, "Folie %d beschädigt", s.n)
		}
		if i == 0 && pd.title == "" && title != "" {
			pd.title = title
			if strings.TrimSpace(body) == "" {
				continue
			}
		}
		h := title
		if h == "" {
			h = "Folie " + strconv.Itoa(i+1)
		}
		pd.sections = append(pd.sections, Section{Heading: h, Text: body})
	}
	return pd, nil
}

// slideText returns the title placeholder text and the remaining text of
// one slide, one paragraph per line.
func slideText(b []byte) (title, body string, err error) {
	dec := xml.NewDecoder(bytes.NewReader(b))
	var (
		depthShape int
		isTitle    bool
		inText     bool
		para       strings.Builder
		titleParts []string
		lines      []string
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "sp":
				depthShape++
				isTitle = false
			case "ph":
				if ty := xmlAttr(t, "type"); ty == "title" || ty == "ctrTitle" {
					isTitle = true
				}
			case "t":
				inText = true
			case "br":
				para.WriteByte(' ')
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "sp":
				depthShape--
			case "t":
				inText = false
			case "p":
				if s := strings.TrimSpace(para.String()); s != "" {
					if isTitle {
						titleParts = append(titleParts, s)
					} else {
						lines = append(lines, s)
					}
				}
				para.Reset()
			}
		case xml.CharData:
			if inText {
				para.Write(t)
			}
		}
	}
	return strings.Join(titleParts, " "), strings.Join(lines, "\n"), nil
}

// parsePDF extracts the text of every page; each page is a section
// "Seite N", unless the text has paragraphs ("§ 3 …"), which then are the
// sections, or headings set in a larger or bold font (pdfOutline), which
// then open sections across the pages. The title is the document
// properties' unless the first page shows a fuller one in its largest
// font (pdfTitle). Facet names standing alone on a line still open
// sections. Encrypted PDFs are refused.
func parsePDF(data []byte, b *budget) (parsedDoc, error) {
	var pd parsedDoc
	if !bytes.HasPrefix(bytes.TrimLeft(data, "\x00\t\r\n "), []byte("%PDF")) {
		return pd, errors.New("kein PDF (Kopfzeile %PDF fehlt)")
	}
	if err := checkPDFStreams(data, b); err != nil {
		return pd, err
	}
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if errors.Is(err, pdf.ErrInvalidPassword) || strings.Contains(err.Error(), "encrypt") {
			return pd, fileErrorf(nil, "PDF ist verschlüsselt")
		}
		return pd, fileErrorf(err, "PDF beschädigt")
	}
	info := r.Trailer().Key("Info").Key("Title").Text()
	pages, err := pdfPages(r, b.lim)
	if err != nil {
		return pd, err
	}
	var read [][]pdfTextLine
	for i, p := range pages {
		lines, err := pdfPageText(p)
		if err != nil {
			return pd, fileErrorf(err, "PDF-Seite %d beschädigt", i+1)
		}
		for k := range lines {
			// The marks of heading lines are the loader's own.
			lines[k].text = pdfMarkRE.ReplaceAllString(lines[k].text, "")
		}
		// The text of all pages counts against the budget too: many
		// pages may show the same large stream.
		if err := b.spend(int64(len(pdfLinesText(lines)))); err != nil {
			return pd, fmt.Errorf("PDF-Text %w", err)
		}
		read = append(read, lines)
	}
	if len(read) == 0 {
		return pd, fileErrorf(nil, "PDF ohne Seiten")
	}
	styled, shown, headings := pdfOutline(read)
	pd.title = pdfTitle(info, shown)
	for i, lines := range styled {
		var text strings.Builder
		for _, l := range lines {
			switch {
			case l.level < 0 && pd.title == shown:
				continue // the title, not its text
			case l.level > 0 && headings >= pdfMinFontHeadings:
				text.WriteRune(pdfMarkBase + rune(l.level))
			}
			text.WriteString(l.text)
			text.WriteByte('\n')
		}
		pd.sections = append(pd.sections, Section{Heading: "Seite " + strconv.Itoa(i+1), Text: cleanPDFText(text.String())})
	}
	dropRunningLines(pd.sections)
	for i := range pd.sections {
		pd.sections[i].Text = joinWrappedLines(pd.sections[i].Text)
	}
	plain := make([]Section, len(pd.sections))
	for i, s := range pd.sections {
		plain[i] = Section{Heading: s.Heading, Text: pdfMarkRE.ReplaceAllString(s.Text, "")}
	}
	split := paragraphSections(plain)
	if len(split) != len(plain) && len(split) > 0 && split[0].Heading == "" && (pd.title == "" || pdfFileTitleRE.MatchString(pd.title)) {
		// A statute without a title of its own in the properties or
		// in a larger font (a scanned gazette page): its title is the
		// block before its first § that names its kind and its date.
		if title, rest, ok := statuteTitle(split[0].Text); ok {
			pd.title, split[0].Text = title, rest
		}
	}
	if len(split) == len(plain) {
		split = split[:0:0]
		if headings >= pdfMinFontHeadings {
			// Headings set in a larger or bold font.
			split = pdfFontSections(pd.sections)
		} else {
			// No §§: a page of announcements is split at their
			// headlines.
			for _, sec := range plain {
				split = append(split, headlineSections(sec)...)
			}
		}
	}
	pd.sections = split
	return pd, nil
}

// bulletRE matches a list item's start: a bullet or a number.
var bulletRE = regexp.MustCompile(`^(?:[•\-–*▪●]\s|\d{1,2}[.)]\s)`)

// labelledRE matches a line that opens with a short label and a colon
// ("Samstag: 10:00 bis 14:00 Uhr", "Herausgeber: Stadt …").
var labelledRE = regexp.MustCompile(`^\p{L}[\p{L} .\-]{0,30}:\s`)

// minHeadlineBody is the length of the paragraph that must follow a
// headline.
const minHeadlineBody = 80

// headlineSections splits a PDF page at the headlines of its items (an
// Amtsblatt's announcements, a leaflet's topics): a line of at most
// maxHeadingLine runes that starts with a capital, ends in no stop, comma
// or colon and is followed by a paragraph of at least minHeadlineBody
// runes that ends a sentence; a question ("Was darf verbrannt werden?")
// is one whatever follows, a topic after a finished sentence is one over
// a list. A page with fewer than two such lines is
// returned as it was.
func headlineSections(page Section) []Section {
	lines := strings.Split(page.Text, "\n")
	head := make([]bool, len(lines))
	n := 0
	for i := 0; i+1 < len(lines); i++ {
		t, next := strings.TrimSpace(lines[i]), strings.TrimSpace(lines[i+1])
		if t == "" || utf8.RuneCountInString(t) > maxHeadingLine || strings.ContainsAny(t[len(t)-1:], ".,;:") {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(t); !unicode.IsUpper(r) {
			continue
		}
		question := strings.HasSuffix(t, "?")
		// A topic over a list, after a sentence ended ("… vollen
		// Monate." / "Befreiung und Ermäßigung" / "• steuerfrei …").
		listHead := bulletRE.MatchString(next) && i > 0 && strings.HasSuffix(strings.TrimSpace(lines[i-1]), ".")
		if !question && !listHead && (utf8.RuneCountInString(next) < minHeadlineBody || !strings.ContainsAny(next[len(next)-1:], ".:") || labelledRE.MatchString(next)) {
			continue // "Herausgeber: …" after a signature is no item
		}
		if i > 0 && labelledRE.MatchString(strings.TrimSpace(lines[i-1])) && utf8.RuneCountInString(lines[i-1]) <= maxHeadingLine {
			continue // "Montag geschlossen" among "Samstag: 10 bis 14 Uhr"
		}
		head[i] = true
		n++
	}
	if n < 2 {
		return []Section{page}
	}
	return splitAtHeadings(lines, head, page.Heading, false)
}

// pdfPages walks the page tree itself instead of trusting /Count (the
// library's page lookup loops forever on a tree whose /Kids point back up
// and walks a billion times for a forged /Count). Depth, nodes and pages
// are bounded; every page's chain of /Parent links, which the library
// follows to find inherited resources, must end within the depth limit.
func pdfPages(r *pdf.Reader, lim Limits) ([]pdf.Page, error) {
	var pages []pdf.Page
	nodes := 0
	var walk func(v pdf.Value, depth int) error
	walk = func(v pdf.Value, depth int) error {
		if depth > lim.MaxDepth {
			return fmt.Errorf("PDF-Seitenbaum zu tief oder zyklisch (mehr als %d Ebenen)", lim.MaxDepth)
		}
		if nodes++; nodes > 4*lim.MaxPages {
			return fmt.Errorf("PDF-Seitenbaum mit zu vielen Knoten (mehr als %d)", 4*lim.MaxPages)
		}
		switch v.Key("Type").Name() {
		case "Pages":
			kids := v.Key("Kids")
			for i := 0; i < kids.Len(); i++ {
				if err := walk(kids.Index(i), depth+1); err != nil {
					return err
				}
			}
		case "Page":
			if len(pages) >= lim.MaxPages {
				return fmt.Errorf("PDF mit zu vielen Seiten (mehr als %d)", lim.MaxPages)
			}
			parents := 0
			for p := v.Key("Parent"); !p.IsNull(); p = p.Key("Parent") {
				if parents++; parents > lim.MaxDepth {
					return fmt.Errorf("PDF-Seite mit zyklischer /Parent-Kette")
				}
			}
			pages = append(pages, pdf.Page{V: v})
		}
		return nil
	}
	if err := walk(r.Trailer().Key("Root").Key("Pages"), 0); err != nil {
		return nil, err
	}
	return pages, nil
}

// pageNumberRE matches a page's running head or foot that numbers it:
// "Seite 2 von 5", "Seite 2/5", "- 2 -".
var pageNumberRE = regexp.MustCompile(`(?i)\bSeite\s+\d+\s*(?:von|/)\s*\d+\b|^[-–]\s*\d+\s*[-–]$`)

// dropRunningLines removes the running heads and feet of a PDF's pages:
// lines that number the page, and lines that stand on two or more pages
// alike, digits aside ("Amtsblatt Nr. 4/2026 – Seite 1 von 2").
func dropRunningLines(pages []Section) {
	seen := map[string]int{}
	shape := func(l string) string {
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return '#'
			}
			return r
		}, l)
	}
	for _, p := range pages {
		onPage := map[string]bool{}
		for _, l := range strings.Split(p.Text, "\n") {
			if k := shape(l); !onPage[k] {
				onPage[k] = true
				seen[k]++
			}
		}
	}
	for i, p := range pages {
		var keep []string
		for _, l := range strings.Split(p.Text, "\n") {
			if pageNumberRE.MatchString(l) || len(pages) > 1 && seen[shape(l)] > 1 && len(l) < 120 {
				continue
			}
			keep = append(keep, l)
		}
		pages[i].Text = strings.Join(keep, "\n")
	}
}

// newItemRE matches the start of a line that begins an item of its own: a
// numbered paragraph, an enumeration, a § or a bullet.
var newItemRE = regexp.MustCompile(`^(?:\(\d{1,2}[a-z]?\)|\d{1,2}\.\s|[a-z]{1,3}\)\s|§|[-•–]\s)`)

// joinWrappedLines joins the lines a PDF broke inside a sentence: a word
// hyphenated at the line's end ("weni-" "ger" → "weniger"; "an-" "und" stays
// "an- und") and a line that fills the page's width without ending a
// sentence, when the next one begins no item of its own. Short lines
// (headings) and table rows (cells joined by pdfCellSep) stay as they
// are.
func joinWrappedLines(text string) string {
	lines := strings.Split(text, "\n")
	width := 0
	for _, l := range lines {
		if !pdfMarked(l) {
			width = max(width, utf8.RuneCountInString(l))
		}
	}
	var out []string
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		for i+1 < len(lines) {
			next := lines[i+1]
			first, _ := utf8.DecodeRuneInString(next)
			if pdfMarked(l) || pdfMarked(next) {
				break // a heading set in its font is a line of its own
			}
			if hyphenated(l) && unicode.IsLower(first) {
				if w, _, _ := strings.Cut(next, " "); w == "und" || w == "oder" || w == "bis" || w == "sowie" {
					l += " " + next // "an- und abmelden"
				} else {
					l = l[:len(l)-1] + next
				}
				i++
				continue
			}
			if l != "" && !strings.ContainsAny(l[len(l)-1:], ".:;!?") && utf8.RuneCountInString(l)*4 >= width*3 && !newItemRE.MatchString(next) && first != utf8.RuneError &&
				!strings.Contains(l, pdfCellSep) && !strings.Contains(next, pdfCellSep) {
				l += " " + next
				i++
				continue
			}
			break
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// hyphenated reports whether line l ends with a word cut by a hyphen: a
// lower-case letter, then "-".
func hyphenated(l string) bool {
	if !strings.HasSuffix(l, "-") || len(l) < 2 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(l[:len(l)-1])
	return unicode.IsLower(r)
}

// cleanPDFText trims the lines of extracted page text and drops empty runs.
func cleanPDFText(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
