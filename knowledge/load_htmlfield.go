// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

const (
	// maxLabelledFields bounds the fields of a page rewritten.
	maxLabelledFields = 2000
	// fieldHeadingLevel is the level of a section a field's label
	// above its value opens: below the page's title and its <h2>/<h3>.
	fieldHeadingLevel = 4
	// maxInlineField is the longest field (label and value, bytes) read
	// as one line "Label: value".
	maxInlineField = 200
)

// identifierRE matches a value that is only an identifier: a long run of
// digits (a service's key, a record number), no phone number (which has
// blanks or hyphens) and no amount.
var identifierRE = regexp.MustCompile(`^\d{8,}$`)

// hasClass reports whether n's class attribute holds one of names.
func hasClass(n *html.Node, names ...string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		for _, name := range names {
			if c == name {
				return true
			}
		}
	}
	return false
}

// labelledFields rewrites the labelled fields of a content system's
// entity (Drupal's field markup: a field whose class says where its
// label stands, "field--label-above" or "field--label-inline", Drupal 7's
// "field-label-above"/"field-label-inline", holding its "field__label"
// and its "field__item"s) as the page shows them: the label above its
// value a heading (level fieldHeadingLevel) over the value, so that every
// such field opens a section; the label inline one line "Label: value",
// the value's items parted by ", " (one whose value holds paragraphs,
// lists or tables or is longer than maxInlineField a heading over it as
// above); an inline field whose value is only
// a long number (a service's key, an identifier) dropped as metadata.
// Bounded by maxLabelledFields.
func labelledFields(body *html.Node) {
	var fields []*html.Node
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if len(fields) >= maxLabelledFields {
			return
		}
		if n.Type == html.ElementNode && hasClass(n, "field--label-above", "field--label-inline", "field-label-above", "field-label-inline") {
			fields = append(fields, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(body)
	// Inner fields first: an inline field inside a field above (a
	// contact's phone) is a line before its container is looked at.
	for i := len(fields) - 1; i >= 0; i-- {
		f := fields[i]
		label := findFirst(f, func(m *html.Node) bool { return m != f && hasClass(m, "field__label", "field-label") })
		if label == nil || label.Parent == nil {
			continue
		}
		name := strings.TrimSuffix(strings.TrimSpace(collapseSpace(textOfAll(label))), ":")
		if name == "" {
			continue
		}
		// An inline label before paragraphs or a long text heads it
		// as a label above does: the value is a section's text.
		if hasClass(f, "field--label-above", "field-label-above") || len(wordsOf(f)) > maxInlineField || findFirst(f, func(m *html.Node) bool {
			return m.Type == html.ElementNode && (m.DataAtom == atom.P || m.DataAtom == atom.Ul || m.DataAtom == atom.Ol || m.DataAtom == atom.Table)
		}) != nil {
			h := textElement(headingAtom(fieldHeadingLevel), name)
			label.Parent.InsertBefore(h, label)
			label.Parent.RemoveChild(label)
			continue
		}
		var values []string
		for c := f.FirstChild; c != nil; c = c.NextSibling {
			if c == label || c.Type != html.ElementNode {
				continue
			}
			if v := wordsOf(c); v != "" {
				values = append(values, v)
			}
		}
		value := strings.Join(values, ", ")
		for c := f.FirstChild; c != nil; {
			next := c.NextSibling
			f.RemoveChild(c)
			c = next
		}
		if value == "" || identifierRE.MatchString(value) {
			continue
		}
		f.AppendChild(textElement(atom.P, name+": "+value))
	}
}

// wordsOf returns the text below n on one line, its text nodes parted
// by blanks (two paragraphs are two sentences, not one word), the
// elements that are no text (scripts, styles, forms …) left out.
func wordsOf(n *html.Node) string {
	var parts []string
	var rec func(*html.Node)
	rec = func(m *html.Node) {
		if m.Type == html.ElementNode && skippedElements[m.DataAtom] {
			return
		}
		if m.Type == html.TextNode {
			parts = append(parts, m.Data)
		}
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return strings.TrimSpace(collapseSpace(strings.Join(parts, " ")))
}
