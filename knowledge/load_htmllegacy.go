// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Pages of an old intranet or site built with FrontPage or Dreamweaver
// (HTML 3.2) have no heading elements and no landmarks: the page's title
// is a bold line set in a larger <font>, the <title> the site's name
// ("Intranet Stadtverwaltung - Dienstanweisungen"), and the footer the
// layout table's last cell, centred in a small font ("Hauptamt · letzte
// Änderung 12.06.2024 · Webmaster").

// maxLegacyFooterRunes bounds the text of a footer cell.
const maxLegacyFooterRunes = 300

// legacyTitleAndFooter rewrites such a page so that the walker reads it
// as it is meant: the first bold line in a larger font before any
// heading, on a page without an h1 or a word processor's title
// paragraph, becomes its h1 when it names the kind of document it heads
// ("Dienstanweisung Nr. 7/2024: …", "Merkblatt …"; a line that names
// none may be a section's head, and the <title> stays), unless the
// page's <title> holds all its words (and so says more); the body's
// last cell with text, when it is centred and all in a small font, is
// removed as the footer.
func legacyTitleAndFooter(root, body *html.Node, pageTitle string) {
	if findFirst(root, func(n *html.Node) bool { return n.DataAtom == atom.H1 || wordTitle(n) }) == nil {
		var found *html.Node
		var rec func(*html.Node) bool // false: stop
		rec = func(n *html.Node) bool {
			if n.Type != html.ElementNode {
				return true
			}
			if headingLevel(n.DataAtom) > 0 {
				return false
			}
			if skipped(n) || linkDense(n) {
				return true
			}
			if largeFont(n) && boldText(n) {
				if h := strings.TrimSpace(collapseSpace(textOf(n))); countLetters(h) >= 2 && boldHeading(h) && len(strings.Fields(h)) <= 2*maxHeadingWords && namesDocumentType(h) {
					found = n
					return false
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if !rec(c) {
					return false
				}
			}
			return true
		}
		rec(body)
		if found != nil && pageTitle != "" && containsWords(pageTitle, textOf(found)) {
			// The <title> says all the line says and more
			// ("Rathaus-Newsletter Dezember 2026"): it stays the title.
			found = nil
		}
		if found != nil {
			found.DataAtom, found.Data, found.Attr = atom.H1, "h1", nil
		}
	}
	var last *html.Node
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Td && strings.TrimSpace(textOfAll(n)) != "" {
			last = n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(body)
	if last != nil && last.Parent != nil && centred(last) && smallText(last) && headingFree(last) &&
		utf8.RuneCountInString(strings.TrimSpace(textOfAll(last))) <= maxLegacyFooterRunes {
		last.Parent.RemoveChild(last)
	}
}

// headingFree reports whether n holds no heading.
func headingFree(n *html.Node) bool {
	return findFirst(n, func(m *html.Node) bool { return headingLevel(m.DataAtom) > 0 }) == nil
}

// fontSize returns the size an element sets for its text, in HTML's
// steps 1–7 (3 the normal size), 0 when it sets none: <font size>
// (absolute or relative "+1", "-1"), <big>/<small>, an inline
// font-size in points or pixels.
func fontSize(n *html.Node) int {
	switch n.DataAtom {
	case atom.Small:
		return 2
	case atom.Big:
		return 4
	case atom.Font:
		v := strings.TrimSpace(attr(n, "size"))
		if v == "" {
			break
		}
		rel := v[0] == '+' || v[0] == '-'
		k, err := strconv.Atoi(strings.TrimPrefix(v, "+"))
		if err != nil {
			break
		}
		if rel {
			k += 3
		}
		return max(1, min(7, k))
	}
	if f := fontOf(attr(n, "style")); f.size > 0 {
		switch {
		case f.size >= 18:
			return 5
		case f.size >= 13.5:
			return 4
		case f.size <= 8:
			return 1
		case f.size <= 10:
			return 2
		}
		return 3
	}
	return 0
}

// largeFont reports whether n sets its text larger than normal.
func largeFont(n *html.Node) bool { return fontSize(n) >= 4 }

// boldText reports whether all of n's text is bold: n is bold, inside a
// bold element, or its text is all inside bold elements.
func boldText(n *html.Node) bool {
	isBold := func(m *html.Node) bool {
		return m.DataAtom == atom.B || m.DataAtom == atom.Strong || m.DataAtom != atom.A && styleBold(m)
	}
	for p := n; p != nil; p = p.Parent {
		if isBold(p) {
			return true
		}
	}
	plain := false
	var rec func(m *html.Node, bold bool)
	rec = func(m *html.Node, bold bool) {
		if m.Type == html.TextNode && strings.TrimSpace(m.Data) != "" && !bold {
			plain = true
		}
		for c := m.FirstChild; c != nil && !plain; c = c.NextSibling {
			rec(c, bold || isBold(c))
		}
	}
	rec(n, false)
	return !plain
}

// centred reports whether cell n centres its content: its align
// attribute or style, or its only block child's.
func centred(n *html.Node) bool {
	is := func(m *html.Node) bool {
		return strings.EqualFold(attr(m, "align"), "center") || strings.Contains(strings.ReplaceAll(strings.ToLower(attr(m, "style")), " ", ""), "text-align:center") || m.DataAtom == atom.Center
	}
	if is(n) {
		return true
	}
	var only *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) == "" {
			continue
		}
		if only != nil {
			return false
		}
		only = c
	}
	return only != nil && only.Type == html.ElementNode && is(only)
}

// smallText reports whether all of n's text is set in a small font
// (size 2 or less): each text node has an element between it and n,
// or n itself, that makes it small.
func smallText(n *html.Node) bool {
	if s := fontSize(n); s > 0 && s <= 2 {
		return true
	}
	ok, any := true, false
	var rec func(m *html.Node, small bool)
	rec = func(m *html.Node, small bool) {
		if m.Type == html.TextNode && strings.TrimSpace(m.Data) != "" {
			any = true
			if !small {
				ok = false
			}
		}
		for c := m.FirstChild; c != nil && ok; c = c.NextSibling {
			s := small
			if c.Type == html.ElementNode {
				if f := fontSize(c); f > 2 {
					s = false
				} else if f > 0 {
					s = true
				}
			}
			rec(c, s)
		}
	}
	rec(n, false)
	return ok && any
}
