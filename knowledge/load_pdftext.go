// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"

	"github.com/musterstadt/lotse/knowledge/german"
)

// pdfCellSep stands between the cells of a table row that a PDF draws as
// text objects on one baseline.
const pdfCellSep = " | "

// pdfRowLookback is how many lines back a text object may join the line
// of its baseline: the cells of a table row come one after the other,
// each perhaps wrapped over lines of its own, but the columns of a page
// set in two columns are far apart.
const pdfRowLookback = 8

// pdfObject is the text a PDF shows from one position: a text object
// (BT … ET), or the part of one after a move to another line.
type pdfObject struct {
	x, y, size    float64
	letters, bold int // its letters, and those set in a bold font
	text          strings.Builder
}

// pdfLine is a line of a page's text: the objects on one baseline, and
// the x positions its cells start at.
type pdfLine struct {
	y, size float64
	cells   []pdfCell
}

type pdfCell struct {
	x, end        float64 // start, and estimated end
	size          float64
	letters, bold int
	text          string
}

// pdfTextLine is a line of a page's text with the font it is set in: its
// largest size, and whether all its letters are bold.
type pdfTextLine struct {
	text string
	size float64
	bold bool
}

// pdfPageText returns the text of one page, a line per baseline: text
// objects that share a baseline (a table row whose cells are objects of
// their own) are one line, ordered by x, with pdfCellSep between objects
// set apart by more than a character's width and a blank between the
// others; the continuation of a wrapped cell (below a cell that is not
// the row's first, at its x) goes on in that cell. Lines keep the order
// in which the page draws them. Each line keeps the size of its font
// (scaled by the text matrix) and whether its font is bold.
func pdfPageText(p pdf.Page) (lines []pdfTextLine, err error) {
	defer func() {
		if r := recover(); r != nil {
			lines, err = nil, fmt.Errorf("%v", r)
		}
	}()
	if p.V.IsNull() || p.V.Key("Contents").Kind() == pdf.Null {
		return nil, nil
	}
	type font struct {
		enc  pdf.TextEncoding
		bold bool
	}
	fonts := map[string]font{}
	var (
		enc        pdf.TextEncoding
		bold       bool
		tfSize     = 10.0
		scale      = 1.0 // the text matrix's vertical scale
		tx, ty, tl float64
		objs       []*pdfObject
		cur        *pdfObject
	)
	start := func() { cur = nil }
	show := func(s string) {
		if enc == nil {
			return // no font set: nothing readable
		}
		if cur == nil {
			cur = &pdfObject{x: tx, y: ty, size: tfSize * scale}
			objs = append(objs, cur)
		}
		for _, r := range enc.Decode(s) {
			cur.text.WriteRune(r)
			if unicode.IsLetter(r) {
				cur.letters++
				if bold {
					cur.bold++
				}
			}
		}
	}
	moveTo := func(x, y float64) {
		if math.Abs(y-ty) > 0.5 || cur == nil {
			start()
		}
		tx, ty = x, y
	}
	pdf.Interpret(p.V.Key("Contents"), func(stk *pdf.Stack, op string) {
		n := stk.Len()
		args := make([]pdf.Value, n)
		for i := n - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		switch op {
		case "BT":
			tx, ty, scale = 0, 0, 1
			start()
		case "ET":
			start()
		case "Tf":
			if n == 2 {
				name := args[0].Name()
				f, ok := fonts[name]
				if !ok {
					pf := p.Font(name)
					f = font{pf.Encoder(), boldFont(pf)}
					fonts[name] = f
				}
				enc, bold = f.enc, f.bold
				if s := args[1].Float64(); s > 0 {
					tfSize = s
				}
			}
		case "TL":
			if n == 1 {
				tl = args[0].Float64()
			}
		case "Td", "TD":
			if n == 2 {
				if op == "TD" {
					tl = -args[1].Float64()
				}
				moveTo(tx+args[0].Float64(), ty+args[1].Float64())
			}
		case "Tm":
			if n == 6 {
				// A font set at 1 pt and scaled by the matrix is as
				// large as the scale.
				if d := math.Hypot(args[2].Float64(), args[3].Float64()); d > 0 {
					scale = d
				}
				moveTo(args[4].Float64(), args[5].Float64())
			}
		case "T*":
			moveTo(tx, ty-tl)
			start()
		case "'", "\"":
			moveTo(tx, ty-tl)
			start()
			if n >= 1 {
				show(args[n-1].RawString())
			}
		case "Tj":
			if n == 1 {
				show(args[0].RawString())
			}
		case "TJ":
			if n == 1 {
				v := args[0]
				for i := 0; i < v.Len(); i++ {
					if x := v.Index(i); x.Kind() == pdf.String {
						show(x.RawString())
					}
				}
			}
		}
	})
	return layoutPDFObjects(formFieldObjects(p, objs)), nil
}

// boldFontRE matches the name of a bold face ("Helvetica-Bold",
// "ABCDEE+Arial,Bold", "Calibri-Semibold", "OpenSans-Black").
var boldFontRE = regexp.MustCompile(`(?i)bold|black|heavy|demi|semibold`)

// boldFont reports whether f is a bold face: by its name, or by the weight
// or the ForceBold flag of its descriptor.
func boldFont(f pdf.Font) bool {
	if boldFontRE.MatchString(f.BaseFont()) {
		return true
	}
	d := f.V.Key("FontDescriptor")
	if d.IsNull() {
		for i, fs := 0, f.V.Key("DescendantFonts"); i < fs.Len() && d.IsNull(); i++ {
			d = fs.Index(i).Key("FontDescriptor")
		}
	}
	return d.Key("FontWeight").Float64() >= 600 || d.Key("Flags").Int64()&(1<<18) != 0
}

// layoutPDFObjects arranges text objects in lines (see pdfPageText).
func layoutPDFObjects(objs []*pdfObject) []pdfTextLine {
	var lines []*pdfLine
	for _, o := range objs {
		t := o.text.String()
		if strings.TrimSpace(t) == "" {
			continue
		}
		width := float64(utf8.RuneCountInString(t)) * o.size * 0.5
		cell := pdfCell{x: o.x, end: o.x + width, text: t, size: o.size, letters: o.letters, bold: o.bold}
		var line *pdfLine
		for i := len(lines) - 1; i >= 0 && i >= len(lines)-pdfRowLookback; i-- {
			if math.Abs(lines[i].y-o.y) <= 0.5 {
				line = lines[i]
				break
			}
		}
		if line == nil {
			if l := len(lines); l > 0 && continuesCell(lines[l-1], o) {
				continue
			}
			lines = append(lines, &pdfLine{y: o.y, size: o.size, cells: []pdfCell{cell}})
			continue
		}
		line.cells = append(line.cells, cell)
	}
	out := make([]pdfTextLine, 0, len(lines))
	for _, l := range lines {
		slices.SortStableFunc(l.cells, func(a, c pdfCell) int {
			switch {
			case a.x < c.x:
				return -1
			case a.x > c.x:
				return 1
			}
			return 0
		})
		var b strings.Builder
		tl := pdfTextLine{}
		letters, bold := 0, 0
		for i, c := range l.cells {
			if i > 0 {
				prev := l.cells[i-1]
				// Widths are estimated (half the font size a
				// character): a gap counts when it is wider than a
				// character and than the estimate's error.
				switch gap := c.x - prev.end; {
				case gap > math.Max(l.size, 0.15*(prev.end-prev.x)):
					b.WriteString(pdfCellSep)
				case !strings.HasSuffix(prev.text, " ") && !strings.HasPrefix(c.text, " "):
					b.WriteByte(' ')
				}
			}
			b.WriteString(c.text)
			if c.letters > 0 {
				tl.size = math.Max(tl.size, c.size)
			}
			letters, bold = letters+c.letters, bold+c.bold
		}
		tl.text, tl.bold = b.String(), letters > 0 && bold == letters
		out = append(out, tl)
	}
	return out
}

// pdfLinesText returns the text of lines, a line each.
func pdfLinesText(lines []pdfTextLine) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l.text)
		b.WriteByte('\n')
	}
	return b.String()
}

// continuesCell reports whether o, on a baseline of its own, continues a
// wrapped cell of the row l just above it: l has cells, o starts at the x
// of one that is not the row's first, within three lines below. The
// text goes on in that cell.
func continuesCell(l *pdfLine, o *pdfObject) bool {
	if len(l.cells) < 2 || o.y >= l.y || l.y-o.y > 3*l.size*1.5 {
		return false
	}
	for i := 1; i < len(l.cells); i++ {
		c := &l.cells[i]
		if math.Abs(c.x-o.x) <= 1 {
			t := strings.TrimSpace(o.text.String())
			c.text = strings.TrimRight(c.text, " ") + " " + t
			c.end = math.Max(c.end, o.x+float64(utf8.RuneCountInString(t))*o.size*0.5)
			c.letters, c.bold = c.letters+o.letters, c.bold+o.bold
			return true
		}
	}
	return false
}

// The font outline of a PDF (pdfOutline): a line set clearly larger than
// the body text, or in bold where the body text is not, is a heading; the
// largest line at the top of the first page is the title.
const (
	// pdfLargerFont is how much larger than the body text a line must
	// be set to be a heading or the title.
	pdfLargerFont = 1.15
	// pdfTitleTop is how many lines may stand above the title on the
	// first page (a letterhead, a kicker).
	pdfTitleTop = 3
	// pdfMaxTitleLines is how many lines a title may be set in.
	pdfMaxTitleLines = 3
	// pdfMinFontHeadings is how many headings by font a PDF must have
	// to be split at them.
	pdfMinFontHeadings = 2
)

// pdfMarkBase is the first of the runes that mark a heading line's level
// in a PDF's text between reading and splitting it (level 1 is
// pdfMarkBase+1). They are Unicode noncharacters, which no text holds;
// any in a file's text are dropped when it is read.
const (
	pdfMarkBase = '\uFDD0'
	pdfMarkLast = '\uFDEF'
)

// pdfMarkRE matches the marks of heading lines.
var pdfMarkRE = regexp.MustCompile(`[\x{FDD0}-\x{FDEF}]`)

// pdfStyledLine is a line of a PDF's text with its role in the outline:
// -1 the title, 0 text, 1… a heading's level.
type pdfStyledLine struct {
	text  string
	level int
}

// pdfOutline finds the outline a PDF's fonts give: the body text's size
// (the one most letters are set in); headings, lines clearly larger than
// it (pdfLargerFont) or set in bold where the body text is not, short, no
// sentence, no list item and no table row, a heading wrapped over two
// lines one; and the title, the largest line at the top of the first page
// (within pdfTitleTop lines) when it is clearly larger than the body
// text, with the lines of its size that follow it. Larger headings are
// higher levels. It returns the pages' lines with their roles, the title
// (or "") and how many headings it found.
func pdfOutline(pages [][]pdfTextLine) (out [][]pdfStyledLine, title string, headings int) {
	sizeLetters := map[float64]int{}
	boldLetters := map[float64]int{}
	for _, p := range pages {
		for _, l := range p {
			n := countLetters(l.text)
			k := pdfSizeKey(l.size)
			sizeLetters[k] += n
			if l.bold {
				boldLetters[k] += n
			}
		}
	}
	body, most := 0.0, 0
	for k, n := range sizeLetters {
		if n > most || n == most && k < body {
			body, most = k, n
		}
	}
	out = make([][]pdfStyledLine, len(pages))
	if body <= 0 {
		for i, p := range pages {
			for _, l := range p {
				out[i] = append(out[i], pdfStyledLine{text: l.text})
			}
		}
		return out, "", 0
	}
	bodyBold := boldLetters[body]*2 > sizeLetters[body]
	larger := func(l pdfTextLine) bool { return l.size >= body*pdfLargerFont }
	// The title: the largest line near the top of page 1.
	titleFrom, titleTo := 0, 0 // the title's lines on page 1
	if len(pages) > 0 {
		top, maxSize := 0, 0.0
		for _, l := range pages[0] {
			if countLetters(l.text) >= 2 {
				maxSize = math.Max(maxSize, l.size)
			}
		}
		for i, l := range pages[0] {
			if countLetters(l.text) < 2 {
				continue
			}
			if top++; top > pdfTitleTop {
				break
			}
			if !larger(l) || math.Abs(l.size-maxSize) > 0.25 || strings.Contains(l.text, pdfCellSep) {
				continue
			}
			var parts []string
			for j := i; j < len(pages[0]) && j-i < pdfMaxTitleLines && math.Abs(pages[0][j].size-maxSize) <= 0.25 && countLetters(pages[0][j].text) > 0; j++ {
				parts = append(parts, strings.TrimSpace(pages[0][j].text))
			}
			title = joinHeadingLines(parts)
			titleFrom, titleTo = i, i+len(parts)
			break
		}
	}
	// The headings' styles, larger first, bold before regular.
	type style struct {
		size float64
		bold bool
	}
	isHead := func(l pdfTextLine) (style, bool) {
		t := strings.TrimSpace(l.text)
		if countLetters(t) < 2 || utf8.RuneCountInString(t) > maxHeadingLine || strings.Contains(t, pdfCellSep) ||
			bulletRE.MatchString(t) || newItemRE.MatchString(t) && !strings.HasPrefix(t, "§") {
			return style{}, false
		}
		if r, _ := utf8.DecodeRuneInString(t); !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '§' {
			return style{}, false
		}
		switch {
		case larger(l) && !strings.ContainsAny(t[len(t)-1:], ",;"):
			return style{pdfSizeKey(l.size), l.bold}, true
		case l.bold && !bodyBold && l.size >= body-0.25 && !strings.ContainsAny(t[len(t)-1:], ".,;:"):
			return style{pdfSizeKey(l.size), true}, true
		}
		return style{}, false
	}
	inTitle := func(page, i int) bool { return page == 0 && i >= titleFrom && i < titleTo }
	var styles []style
	for pi, p := range pages {
		for i, l := range p {
			if inTitle(pi, i) {
				continue
			}
			if s, ok := isHead(l); ok && !slices.Contains(styles, s) {
				styles = append(styles, s)
			}
		}
	}
	slices.SortFunc(styles, func(a, b style) int {
		switch {
		case a.size != b.size:
			return cmpFloat(b.size, a.size)
		case a.bold != b.bold && a.bold:
			return -1
		case a.bold != b.bold:
			return 1
		}
		return 0
	})
	for pi, p := range pages {
		for i := 0; i < len(p); i++ {
			l := p[i]
			if inTitle(pi, i) {
				out[pi] = append(out[pi], pdfStyledLine{text: l.text, level: -1})
				continue
			}
			s, ok := isHead(l)
			if !ok {
				out[pi] = append(out[pi], pdfStyledLine{text: l.text})
				continue
			}
			// A run of lines in the heading's style: two lines a
			// heading wrapped, more a paragraph set in bold.
			j := i + 1
			for j < len(p) && !inTitle(pi, j) {
				if s2, ok := isHead(p[j]); !ok || s2 != s {
					break
				}
				j++
			}
			first := strings.TrimSpace(l.text)
			switch {
			case j-i == 1:
				out[pi] = append(out[pi], pdfStyledLine{text: first, level: slices.Index(styles, s) + 1})
				headings++
			case j-i == 2 && !strings.ContainsAny(first[len(first)-1:], ".?!:"):
				h := joinHeadingLines([]string{first, strings.TrimSpace(p[i+1].text)})
				out[pi] = append(out[pi], pdfStyledLine{text: h, level: slices.Index(styles, s) + 1})
				headings++
			default:
				for k := i; k < j; k++ {
					out[pi] = append(out[pi], pdfStyledLine{text: p[k].text})
				}
			}
			i = j - 1
		}
	}
	return out, title, headings
}

// pdfSizeKey rounds a font size to half a point.
func pdfSizeKey(s float64) float64 { return math.Round(s*2) / 2 }

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// joinHeadingLines joins the lines a title or heading is set in, a word
// hyphenated at a line's end whole again.
func joinHeadingLines(parts []string) string {
	var b strings.Builder
	for i, p := range parts {
		switch {
		case i == 0:
		case hyphenated(parts[i-1]):
			s := b.String()
			b.Reset()
			b.WriteString(s[:len(s)-1])
		default:
			b.WriteByte(' ')
		}
		b.WriteString(p)
	}
	return b.String()
}

// pdfFileTitleRE matches a PDF title that names a file or is a program's
// default rather than the document's title ("Microsoft Word -
// Merkblatt_v3.docx", "Dokument1", "Untitled").
var pdfFileTitleRE = regexp.MustCompile(`(?i)\.(?:docx?|odt|rtf|pdf|txt|indd|pages|pptx?|xlsx?)$|^microsoft (?:word|powerpoint|excel)\b|^(?:untitled|unbenannt|ohne titel|dokument\s*\d*|document\s*\d*|titel|title)$|^[^\s]*_[^\s]*$`)

// pdfTitle chooses between the title of a PDF's document properties
// (info) and the title it shows in its largest font at the top of its
// first page (shown): the shown one when the properties have none, or a
// file's name or a program's default, or a working title — shorter than
// the shown one and sharing a word with it ("Merkblatt Feuerwerk" for
// "Merkblatt: Feuerwerk, Silvester und Ruhezeiten", "DA 7-2026
// Hausrecht" for the instruction's full name); else the properties'
// title (the shown line may be a letterhead or a kind of document, such
// as "Merkblatt", above a title the properties hold).
func pdfTitle(info, shown string) string {
	info, shown = strings.TrimSpace(info), strings.TrimSpace(shown)
	switch {
	case shown == "":
		return info
	case info == "" || pdfFileTitleRE.MatchString(info):
		return shown
	case countLetters(shown) > countLetters(info) && sharesWord(info, shown):
		return shown
	}
	return info
}

// sharesWord reports whether a word of a of three letters or more stands
// in b, folded, as a word or the start of one (of five letters or more:
// "Hausrecht" in "Hausrechts").
func sharesWord(a, b string) bool {
	split := func(s string) []string {
		return strings.FieldsFunc(german.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	bw := split(b)
	for _, w := range split(a) {
		if countLetters(w) < 3 {
			continue
		}
		for _, v := range bw {
			if v == w || len(w) >= 5 && strings.HasPrefix(v, w) {
				return true
			}
		}
	}
	return false
}

// pdfFontSections cuts a PDF's pages, read with the marks of their
// heading lines (pdfOutline), into sections at those headings: the pages
// run on into each other, a heading heads the text up to the next of its
// level or a higher one, under the headings above it ("Gebühren ›
// Ermäßigung"); the text before the first heading is the section without
// one. Sections without text are left out.
func pdfFontSections(pages []Section) []Section {
	var out []Section
	var stack []string
	var levels []int
	var buf []string
	flush := func() {
		if t := strings.TrimSpace(strings.Join(buf, "\n")); t != "" {
			out = append(out, Section{Heading: strings.Join(stack, " › "), Text: t})
		}
		buf = nil
	}
	for _, p := range pages {
		for _, l := range strings.Split(p.Text, "\n") {
			r, size := utf8.DecodeRuneInString(l)
			if !pdfMarked(l) {
				buf = append(buf, pdfMarkRE.ReplaceAllString(l, ""))
				continue
			}
			flush()
			lvl := int(r - pdfMarkBase)
			for len(levels) > 0 && levels[len(levels)-1] >= lvl {
				levels, stack = levels[:len(levels)-1], stack[:len(stack)-1]
			}
			levels, stack = append(levels, lvl), append(stack, strings.TrimSpace(pdfMarkRE.ReplaceAllString(l[size:], "")))
		}
	}
	flush()
	return out
}

// pdfMarked reports whether line l is marked as a heading (pdfOutline).
func pdfMarked(l string) bool {
	r, _ := utf8.DecodeRuneInString(l)
	return r > pdfMarkBase && r <= pdfMarkLast
}
