// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
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
	x, y, size float64
	text       strings.Builder
}

// pdfLine is a line of a page's text: the objects on one baseline, and
// the x positions its cells start at.
type pdfLine struct {
	y, size float64
	cells   []pdfCell
}

type pdfCell struct {
	x, end float64 // start, and estimated end
	text   string
}

// pdfPageText returns the text of one page, a line per baseline: text
// objects that share a baseline (a table row whose cells are objects of
// their own) are one line, ordered by x, with pdfCellSep between objects
// set apart by more than a character's width and a blank between the
// others; the continuation of a wrapped cell (below a cell that is not
// the row's first, at its x) goes on in that cell. Lines keep the order
// in which the page draws them.
func pdfPageText(p pdf.Page) (text string, err error) {
	defer func() {
		if r := recover(); r != nil {
			text, err = "", fmt.Errorf("%v", r)
		}
	}()
	if p.V.IsNull() || p.V.Key("Contents").Kind() == pdf.Null {
		return "", nil
	}
	encs := map[string]pdf.TextEncoding{}
	var (
		enc        pdf.TextEncoding
		size       = 10.0
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
			cur = &pdfObject{x: tx, y: ty, size: size}
			objs = append(objs, cur)
		}
		for _, r := range enc.Decode(s) {
			cur.text.WriteRune(r)
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
			tx, ty = 0, 0
			start()
		case "ET":
			start()
		case "Tf":
			if n == 2 {
				name := args[0].Name()
				e, ok := encs[name]
				if !ok {
					f := p.Font(name)
					e = f.Encoder()
					encs[name] = e
				}
				enc = e
				if s := args[1].Float64(); s > 0 {
					size = s
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
	return layoutPDFObjects(objs), nil
}

// layoutPDFObjects arranges text objects in lines (see pdfPageText).
func layoutPDFObjects(objs []*pdfObject) string {
	var lines []*pdfLine
	for _, o := range objs {
		t := o.text.String()
		if strings.TrimSpace(t) == "" {
			continue
		}
		width := float64(utf8.RuneCountInString(t)) * o.size * 0.5
		cell := pdfCell{x: o.x, end: o.x + width, text: t}
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
	var b strings.Builder
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
		}
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
			return true
		}
	}
	return false
}
