// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxRowspan bounds the rows one cell may span when spans are expanded.
const maxRowspan = 200

// expandRowspans repeats the text of a table cell that spans several
// rows (rowspan) in each row it spans, at its column, so that every row
// read as a line names its group ("Scheine Zweitschein 5,00 Euro", not
// "Zweitschein 5,00 Euro"). Spans end with their row group (thead,
// tbody, tfoot), as HTML defines them; a layout cell (one holding
// blocks) is left as it is, and so is a span of 0 or of more than
// maxRowspan rows.
func expandRowspans(root *html.Node) {
	var tables []*html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Table {
			tables = append(tables, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(root)
	for _, t := range tables {
		var loose []*html.Node // rows straight under the table
		for c := t.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type != html.ElementNode:
			case c.DataAtom == atom.Thead || c.DataAtom == atom.Tbody || c.DataAtom == atom.Tfoot:
				expandGroup(childElements(c, atom.Tr))
			case c.DataAtom == atom.Tr:
				loose = append(loose, c)
			}
		}
		expandGroup(loose)
	}
}

// spanned is a cell still spanning rows below: a copy of it goes to
// each of them.
type spanned struct {
	cell *html.Node
	cols int // its colspan
	left int // rows still to fill
}

// expandGroup expands the row spans of one row group.
func expandGroup(rows []*html.Node) {
	pending := map[int]*spanned{} // by first column
	for _, tr := range rows {
		col := 0
		insert := func(before *html.Node) {
			for {
				s := pending[col]
				if s == nil {
					return
				}
				tr.InsertBefore(copyCell(s.cell), before)
				if s.left--; s.left == 0 {
					delete(pending, col)
				}
				col += s.cols
			}
		}
		for _, td := range childElements(tr, atom.Td, atom.Th) {
			insert(td)
			cols := spanAttr(td, "colspan", 1)
			if rs := spanAttr(td, "rowspan", 1); rs > 1 && rs <= maxRowspan && !layoutCell(td) {
				pending[col] = &spanned{cell: td, cols: cols, left: rs - 1}
			}
			col += cols
		}
		// Spans right of the row's last cell.
		for {
			next := -1
			for c := range pending {
				if c >= col && (next < 0 || c < next) {
					next = c
				}
			}
			if next < 0 {
				break
			}
			col = next
			insert(nil)
		}
	}
}

// copyCell returns a cell of n's kind holding n's text.
func copyCell(n *html.Node) *html.Node {
	c := &html.Node{Type: html.ElementNode, Data: n.Data, DataAtom: n.DataAtom}
	c.AppendChild(&html.Node{Type: html.TextNode, Data: strings.TrimSpace(collapseSpace(textOf(n)))})
	return c
}

// spanAttr returns the row or column span of a cell, def when it has
// none or an unreadable one.
func spanAttr(n *html.Node, key string, def int) int {
	v, err := strconv.Atoi(strings.TrimSpace(attr(n, key)))
	if err != nil || v < 1 {
		return def
	}
	return min(v, maxRowspan)
}

// childElements returns the element children of n that are of one of
// the kinds as.
func childElements(n *html.Node, as ...atom.Atom) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		for _, a := range as {
			if c.DataAtom == a {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// ariaTableElements map the ARIA roles of a table built from other
// elements to the table elements they stand for.
var ariaTableElements = map[string]atom.Atom{
	"table": atom.Table, "grid": atom.Table, "treegrid": atom.Table,
	"rowgroup": atom.Tbody, "row": atom.Tr,
	"cell": atom.Td, "gridcell": atom.Td, "columnheader": atom.Th, "rowheader": atom.Th,
}

// ariaTables turns a table laid out with CSS from <div>s or <span>s with
// ARIA roles ("<div role=\"table\">", "role=\"row\"", "role=\"cell\"",
// "role=\"columnheader\"") into the table elements its roles name, so
// that it is read as a table, a row a line, as a screen reader reads it.
// Only the parts of an element whose role is table or grid count; a row
// or cell outside one keeps its element.
func ariaTables(root *html.Node) {
	var rec func(n *html.Node, inTable bool)
	rec = func(n *html.Node, inTable bool) {
		if n.Type == html.ElementNode && (n.DataAtom == atom.Div || n.DataAtom == atom.Span) {
			role := strings.ToLower(strings.TrimSpace(attr(n, "role")))
			if a, ok := ariaTableElements[role]; ok && (inTable || a == atom.Table) {
				n.DataAtom, n.Data = a, a.String()
				inTable = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c, inTable)
		}
	}
	rec(root, false)
}
