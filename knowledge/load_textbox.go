// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"unicode/utf8"
)

const (
	// maxBoxTableLines bounds the lines of one box-drawing table; a
	// longer run is left as written.
	maxBoxTableLines = 2000
	// maxBoxTableCells bounds the cells of a row.
	maxBoxTableCells = 50
)

// boxRule reports whether line is a rule of a box-drawing table: only
// box-drawing characters (U+2500–U+257F) and blanks, at least one of
// them a line ("├───┼───┤", "└───┴───┘").
func boxRule(line string) bool {
	t := strings.TrimSpace(line)
	if t == "" {
		return false
	}
	for _, r := range t {
		if (r < 0x2500 || r > 0x257F) && r != ' ' {
			return false
		}
	}
	return true
}

// boxBar reports whether r is a vertical bar of a box-drawing table.
func boxBar(r rune) bool { return r == '│' || r == '║' || r == '┃' }

// boxCells returns the cells of a row line of a box-drawing table ("│ a
// │ b │"), trimmed, and whether line is one.
func boxCells(line string) ([]string, bool) {
	t := strings.TrimSpace(line)
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	if len(t) < 2 || !boxBar(first) || !boxBar(last) {
		return nil, false
	}
	if strings.Count(t, string(first))+strings.Count(t, string(last)) > 2*(maxBoxTableCells+1) {
		return nil, false
	}
	var cells []string
	var cell strings.Builder
	for i, r := range t {
		if i == 0 {
			continue
		}
		if boxBar(r) {
			cells = append(cells, strings.TrimSpace(cell.String()))
			cell.Reset()
			continue
		}
		cell.WriteRune(r)
	}
	return cells, true
}

// boxTables rewrites the box-drawing tables of a plain text as rows of
// cells: a table is a run of lines of box rules ("┌─┬─┐", "├─┼─┤") and
// rows ("│ a │ b │"); the rows between two rules are one row when rules
// part every row, each wrapped line's cells joined to the cell above;
// without rules between the rows, a line whose first cell is empty goes
// on the row above. A row is a line "| a | b |", the first row a head
// ("| --- |") when a rule parts it from the rest; the rules are dropped.
// Runs longer than maxBoxTableLines stay as written.
func boxTables(text string) string {
	if !strings.ContainsAny(text, "│║┃") {
		return text
	}
	lines := strings.Split(text, "\n")
	var out []string
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && j-i < maxBoxTableLines {
			if _, ok := boxCells(lines[j]); !ok && !boxRule(lines[j]) {
				break
			}
			j++
		}
		rows := 0
		for _, l := range lines[i:j] {
			if _, ok := boxCells(l); ok {
				rows++
			}
		}
		if rows == 0 || j-i >= maxBoxTableLines {
			out = append(out, lines[i:max(j, i+1)]...)
			i = max(j, i+1)
			continue
		}
		out = append(out, boxTable(lines[i:j])...)
		i = j
	}
	return strings.Join(out, "\n")
}

// boxTable returns the rows of one box-drawing table (see boxTables).
func boxTable(lines []string) []string {
	// The groups of row lines between rules.
	var groups [][][]string
	var cur [][]string
	for _, l := range lines {
		if cells, ok := boxCells(l); ok {
			cur = append(cur, cells)
			continue
		}
		if len(cur) > 0 {
			groups = append(groups, cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		groups = append(groups, cur)
	}
	ruled := len(groups) > 2 // rules part the body's rows too
	var rows [][]string
	head := false
	for g, group := range groups {
		start := len(rows)
		for k, cells := range group {
			cont := k > 0 && (ruled || len(cells) > 0 && cells[0] == "" && len(rows[len(rows)-1]) == len(cells))
			if !cont {
				rows = append(rows, cells)
				continue
			}
			last := rows[len(rows)-1]
			for c, v := range cells {
				if c >= len(last) {
					last = append(last, v)
				} else if v != "" {
					last[c] = strings.TrimSpace(last[c] + " " + v)
				}
			}
			rows[len(rows)-1] = last
		}
		if g == 0 && len(groups) > 1 && len(rows)-start == 1 {
			head = true
		}
	}
	var out []string
	for r, cells := range rows {
		out = append(out, "| "+strings.Join(cells, " | ")+" |")
		if r == 0 && head {
			out = append(out, "|"+strings.Repeat(" --- |", len(cells)))
		}
	}
	return out
}
