// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

const (
	// maxCustomElements bounds the custom elements of a page whose
	// attributes are read; later ones keep only their light DOM.
	maxCustomElements = 5000
	// maxCustomAttr bounds the length of one attribute value read as
	// text; a longer one is data, not text for the reader.
	maxCustomAttr = 2000
)

// customHeadingAttrs name a custom element's heading, in order of
// preference.
var customHeadingAttrs = []string{"heading", "headline", "title"}

// customTextAttrs are the attributes of a custom element that carry text
// for the reader besides its heading, in the order they are read, each
// with the label its line gets ("" for none): a component library's
// contact card, teaser or notice. Technical attributes (href, src, image,
// slot, target, logo, icon, variant, ids and dates) are never read.
var customTextAttrs = []struct{ name, label string }{
	{"subheading", ""}, {"subtitle", ""}, {"description", ""}, {"text", ""}, {"summary", ""},
	{"name", ""}, {"position", ""}, {"role-title", ""}, {"unit", ""}, {"department", ""},
	{"organization", ""}, {"organisation", ""}, {"office", ""}, {"room", "Zimmer"},
	{"address", "Anschrift"}, {"street", ""}, {"city", ""},
	{"phone", "Telefon"}, {"telephone", "Telefon"}, {"tel", "Telefon"}, {"mobile", "Mobil"},
	{"fax", "Fax"}, {"email", "E-Mail"}, {"mail", "E-Mail"},
	{"hours", "Öffnungszeiten"}, {"opening-hours", "Öffnungszeiten"},
}

// customElement reports whether n is a custom element (a Web Component):
// an element whose tag name holds a hyphen, which the HTML standard
// reserves for them.
func customElement(n *html.Node) bool {
	return n.Type == html.ElementNode && n.DataAtom == 0 && strings.Contains(n.Data, "-")
}

// customText returns the value of n's attribute key as a line of text,
// "" when it is missing, blank or too long.
func customText(n *html.Node, key string) string {
	v := strings.TrimSpace(collapseSpace(attr(n, key)))
	if len(v) > maxCustomAttr {
		return ""
	}
	return v
}

// customHeading returns the heading a custom element's attributes give
// it: heading, headline or title, else a label on an element that holds
// content of its own (a group, not a field), else "".
func customHeading(n *html.Node) string {
	for _, k := range customHeadingAttrs {
		if h := customText(n, k); h != "" {
			return h
		}
	}
	if customText(n, "value") == "" && strings.TrimSpace(textOfAll(n)) != "" {
		return customText(n, "label")
	}
	return ""
}

// customElementText writes the text that the custom elements below body
// hold only in attributes into their light DOM, where the walker reads
// it, as the component would render it: a heading attribute (heading,
// headline, title, or label on a group) a heading element before the
// element's content, at the level its heading-level (or level) names or
// its container's heading-level gives, else one below the heading of
// the custom element it stands in, else 2; the first one a page without
// an <h1> shows before any other heading its <h1> (a hero's heading, the
// page's title); a label with a value one line "label: value"; the
// attributes of customTextAttrs (a contact card's name, unit, phone,
// e-mail …; a name only beside a phone number, an address or the like)
// a line each. Bounded by maxCustomElements and maxCustomAttr.
func customElementText(root, body *html.Node) {
	var elems []*html.Node
	firstHeading := true // no heading element or heading attribute seen yet
	heroAt := -1
	stack := []*html.Node{body}
	for len(stack) > 0 && len(elems) < maxCustomElements {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode {
			switch {
			case headingLevel(n.DataAtom) > 0:
				firstHeading = false
			case customElement(n):
				if firstHeading && customHeading(n) != "" && explicitLevel(n) == 0 {
					heroAt = len(elems)
				}
				if customHeading(n) != "" {
					firstHeading = false
				}
				elems = append(elems, n)
			}
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	if len(elems) == 0 {
		return
	}
	if findFirst(root, func(n *html.Node) bool { return n.DataAtom == atom.H1 }) != nil {
		heroAt = -1
	}
	levels := map[*html.Node]int{}
	for i, n := range elems {
		var add []*html.Node
		if h := customHeading(n); h != "" {
			lvl := customLevel(n, levels)
			if i == heroAt {
				lvl = 1
			}
			levels[n] = lvl
			add = append(add, textElement(headingAtom(lvl), h))
		}
		if l, v := customText(n, "label"), customText(n, "value"); l != "" && v != "" {
			add = append(add, textElement(atom.P, strings.TrimSuffix(l, ":")+": "+v))
		} else if v != "" {
			add = append(add, textElement(atom.P, v))
		}
		contact := false
		for _, a := range customTextAttrs {
			contact = contact || a.label != "" && customText(n, a.name) != ""
		}
		for _, a := range customTextAttrs {
			v := customText(n, a.name)
			if v == "" || a.name == "name" && !contact {
				// A name alone names an icon or a slot, not a person.
				continue
			}
			if a.label != "" {
				v = a.label + ": " + v
			}
			add = append(add, textElement(atom.P, v))
		}
		first := n.FirstChild
		for _, c := range add {
			n.InsertBefore(c, first)
		}
	}
}

// explicitLevel returns the heading level n's own heading-level or level
// attribute names, 0 for none.
func explicitLevel(n *html.Node) int {
	for _, k := range []string{"heading-level", "level"} {
		if l, err := strconv.Atoi(attr(n, k)); err == nil && l >= 1 && l <= 6 {
			return l
		}
	}
	return 0
}

// customLevel returns the level of a custom element's heading: its own
// heading-level, else its nearest custom container's heading-level
// (the level of the items' headings) or one below the nearest custom
// element with a heading, else 2.
func customLevel(n *html.Node, levels map[*html.Node]int) int {
	if l := explicitLevel(n); l > 0 {
		return l
	}
	for p := n.Parent; p != nil; p = p.Parent {
		if !customElement(p) {
			continue
		}
		if l, ok := levels[p]; ok {
			return min(l+1, 6)
		}
		if l := explicitLevel(p); l > 0 {
			return l
		}
	}
	return 2
}

// headingAtom returns the heading element of level lvl (1–6).
func headingAtom(lvl int) atom.Atom {
	return []atom.Atom{atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6}[min(max(lvl, 1), 6)-1]
}

// textElement returns an element a holding the text s.
func textElement(a atom.Atom, s string) *html.Node {
	e := &html.Node{Type: html.ElementNode, Data: a.String(), DataAtom: a}
	e.AppendChild(&html.Node{Type: html.TextNode, Data: s})
	return e
}
