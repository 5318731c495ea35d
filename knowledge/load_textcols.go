// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// A PDF converted with `pdftotext -layout` keeps the page's layout in
// blanks: a flyer's two columns stand side by side on every line, parted
// by a gutter (a run of blanks ending at the same column), and a form
// feed parts the pages. Read line by line, the columns interleave; read
// column by column, the text is whole again.

// Bounds of the column reading: the lines of a page looked at and the
// width of a line in runes.
const (
	maxColumnLines = 5000
	maxColumnWidth = 400
)

// minGutter is the narrowest run of blanks that parts two columns.
const minGutter = 3

// minColumnProse is the median width in runes of a column's parts on
// the lines that have both, below which the two sides are a table of
// labels and values, not two columns of running text.
const minColumnProse = 18

// pageFooterRE matches a page's footer line "Seite 2 von 3".
var pageFooterRE = regexp.MustCompile(`^\s*(?:-\s*)?Seite\s+\d{1,4}\s+(?:von|/)\s+\d{1,4}(?:\s*-)?\s*$`)

// blankRunRE matches a run of two or more blanks.
var blankRunRE = regexp.MustCompile(`[ \t]{2,}`)

// layoutColumns returns a text laid out as pdftotext -layout lays out a
// page with its columns read one after the other: on a page whose lines
// share a gutter (most lines with text on both sides of a run of at
// least minGutter blanks ending at the same column, at most a quarter of the
// lines crossing it, both sides running text), the left column's lines come before the
// right column's, each a block between full-width lines; the runs of
// blanks inside a column are collapsed. On a text with form feeds, a
// page's last line "Seite n von m" is dropped. Any other text is
// returned as it is.
func layoutColumns(data []byte) []byte {
	if !utf8.Valid(data) || !strings.Contains(string(data), "   ") {
		return data
	}
	s := string(data)
	crlf := strings.Contains(s, "\r\n")
	if crlf {
		s = strings.ReplaceAll(s, "\r\n", "\n")
	}
	pages := strings.Split(s, "\f")
	changed := false
	for i, p := range pages {
		lines := strings.Split(p, "\n")
		if len(pages) > 1 {
			for j := len(lines) - 1; j >= 0; j-- {
				if strings.TrimSpace(lines[j]) == "" {
					continue
				}
				if pageFooterRE.MatchString(lines[j]) {
					lines = append(lines[:j:j], lines[j+1:]...)
					changed = true
				}
				break
			}
		}
		if out, ok := readColumns(lines); ok {
			lines, changed = out, true
		}
		pages[i] = strings.Join(lines, "\n")
	}
	if !changed {
		return data
	}
	s = strings.Join(pages, "\f")
	if crlf {
		s = strings.ReplaceAll(s, "\n", "\r\n")
	}
	return []byte(s)
}

// readColumns reads a page's lines column by column when they share a
// gutter (see layoutColumns); ok is false when they do not.
func readColumns(lines []string) ([]string, bool) {
	if len(lines) > maxColumnLines || len(lines) < 3 {
		return nil, false
	}
	rows := make([][]rune, len(lines))
	nonBlank := 0
	ends := map[int]int{} // column where text resumes after a gutter → lines
	for i, l := range lines {
		if strings.ContainsRune(l, '\t') {
			return nil, false
		}
		r := []rune(strings.TrimRight(l, " "))
		if len(r) > maxColumnWidth {
			return nil, false
		}
		rows[i] = r
		if len(r) == 0 {
			continue
		}
		nonBlank++
		start := 0
		for start < len(r) && r[start] == ' ' {
			start++
		}
		seen := map[int]bool{}
		for j := start; j < len(r); {
			if r[j] != ' ' {
				j++
				continue
			}
			k := j
			for k < len(r) && r[k] == ' ' {
				k++
			}
			if k-j >= minGutter && k < len(r) && !seen[k] {
				seen[k] = true
				ends[k]++
			}
			j = k
		}
	}
	gutter, both := 0, 0
	for c, n := range ends {
		if n > both || n == both && c < gutter {
			gutter, both = c, n
		}
	}
	if both < 3 || both*5 < nonBlank*2 {
		return nil, false
	}
	// A line crosses the gutter when it has text in the blanks before
	// the gutter's column.
	crosses := func(r []rune) bool {
		for c := gutter - minGutter; c < gutter && c < len(r); c++ {
			if c >= 0 && r[c] != ' ' {
				return true
			}
		}
		return false
	}
	var lefts, rights []int
	crossing := 0
	for _, r := range rows {
		if len(r) == 0 {
			continue
		}
		if crosses(r) {
			crossing++
			continue
		}
		l := strings.TrimSpace(string(r[:min(gutter, len(r))]))
		if len(r) > gutter && l != "" {
			lefts = append(lefts, utf8.RuneCountInString(l))
			rights = append(rights, utf8.RuneCountInString(strings.TrimSpace(string(r[gutter:]))))
		}
	}
	if crossing*4 > nonBlank || medianInt(lefts) < minColumnProse || medianInt(rights) < minColumnProse {
		return nil, false
	}
	var out, left, right []string
	flush := func() {
		out = append(out, trimBlankLines(left)...)
		if len(left) > 0 && len(right) > 0 {
			out = append(out, "")
		}
		out = append(out, trimBlankLines(right)...)
		left, right = nil, nil
	}
	for _, r := range rows {
		if len(r) > 0 && crosses(r) {
			// A line across the page (a heading over both columns)
			// ends the columns above it.
			flush()
			out = append(out, "", strings.TrimSpace(blankRunRE.ReplaceAllString(string(r), " ")), "")
			continue
		}
		l, rt := "", ""
		if len(r) > gutter {
			l, rt = string(r[:gutter]), string(r[gutter:])
		} else {
			l = string(r)
		}
		left = append(left, strings.TrimSpace(blankRunRE.ReplaceAllString(l, " ")))
		right = append(right, strings.TrimSpace(blankRunRE.ReplaceAllString(rt, " ")))
	}
	flush()
	// Runs of blank lines as one.
	var keep []string
	for i, l := range out {
		if l == "" && (i == 0 || out[i-1] == "") {
			continue
		}
		keep = append(keep, l)
	}
	keep = trimBlankLines(keep)
	if lines[len(lines)-1] == "" {
		keep = append(keep, "") // the page's last line break
	}
	return keep, true
}

// trimBlankLines drops the blank lines at the start and end of lines.
func trimBlankLines(lines []string) []string {
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// medianInt returns the median of ns, 0 for none.
func medianInt(ns []int) int {
	if len(ns) == 0 {
		return 0
	}
	s := slices.Clone(ns)
	slices.Sort(s)
	return s[len(s)/2]
}
