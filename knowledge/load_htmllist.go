// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Bounds of reading a page's list numbers: the bytes of its <style>
// sheets read, the rules looked at and the list items numbered.
const (
	maxStyleSheet = 64 << 10
	maxStyleRules = 2000
	maxListItems  = 20000
)

// normHeadingLevel is the level of a section opened by a statute's
// paragraph heading set as a plain block: below a page's <h1> and <h2>,
// which may name the statute and its parts.
const normHeadingLevel = 3

// normHeadingRE matches the heading of a statute's paragraph or appendix
// as a block of a web page shows it: "§ 6 Ablösung", "Art. 2 Zweck",
// "Anlage Richtzahlen (zu § 3 Abs. 1)", "Anlage 2"; at most a short title
// after the number, not ending as a sentence does.
var normHeadingRE = regexp.MustCompile(`^(?:(?:§|Art\.|Artikel)\s*\d{1,3}\s*[a-z]?(?:\s+\p{Lu}[^;:]{0,100})?|Anlage(?:\s+\d{1,2}[a-z]?)?(?:\s+[\p{Lu}(][^;:]{0,120})?)$`)

// normHeading returns the text of n when n is a block that holds only
// the heading of a statute's paragraph or appendix (normHeadingRE) — a
// <div> or <p> of inline parts, as legal information systems set "§ 6"
// and "Ablösung" in two spans without a heading element; else "".
func normHeading(n *html.Node) string {
	if n.Type != html.ElementNode || n.DataAtom != atom.P && n.DataAtom != atom.Div {
		return ""
	}
	if findFirst(n, func(m *html.Node) bool {
		return m != n && m.Type == html.ElementNode && (blockElements[m.DataAtom] || headingLevel(m.DataAtom) > 0)
	}) != nil {
		return ""
	}
	// All its text: textOf would ask chrome, which asks this.
	h := strings.TrimSpace(collapseSpace(textOfAll(n)))
	if len(h) > 160 || strings.HasSuffix(h, ".") || !normHeadingRE.MatchString(h) {
		return ""
	}
	return h
}

// maxNormHeadings bounds the paragraph headings of a page looked for.
const maxNormHeadings = 2000

// normHeadings returns the blocks below body that head a statute's
// paragraphs or appendices (normHeading), when there are at least two of
// them: a page of a bylaw, not a field that cites one article.
func normHeadings(body *html.Node) map[*html.Node]string {
	heads := map[*html.Node]string{}
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if len(heads) >= maxNormHeadings || n.Type == html.ElementNode && skippedElements[n.DataAtom] {
			return
		}
		if h := normHeading(n); h != "" {
			heads[n] = h
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(body)
	if len(heads) < 2 {
		return nil
	}
	return heads
}

// counterStyle is how a stylesheet numbers the items of a list by a CSS
// counter: "(" counter(abs) ")" is prefix "(", suffix ")".
type counterStyle struct {
	prefix, suffix, style string
}

var (
	// cssRuleRE matches a rule of a stylesheet: its selectors and its
	// declarations.
	cssRuleRE = regexp.MustCompile(`([^{}]+)\{([^{}]*)\}`)
	// cssClassRE matches a class in a selector.
	cssClassRE = regexp.MustCompile(`\.([A-Za-z_][\w-]*)`)
	// cssCounterContentRE matches a content declaration that writes a
	// counter between two strings.
	cssCounterContentRE = regexp.MustCompile(`content\s*:\s*(?:"([^"]{0,8})"|'([^']{0,8})')?\s*counter\(\s*[\w-]+\s*(?:,\s*([\w-]+)\s*)?\)\s*(?:"([^"]{0,8})"|'([^']{0,8})')?`)
	// cssListStyleRE matches a list's numbering style.
	cssListStyleRE = regexp.MustCompile(`list-style(?:-type)?\s*:\s*([\w-]+)`)
)

// pageListStyles reads the page's <style> sheets for the numbering of
// lists by class: the counters written before the items of a list of
// that class (li::before { content: "(" counter(abs) ")" }), and the
// list-style-type a class sets.
func pageListStyles(root *html.Node) (counters map[string]counterStyle, types map[string]string) {
	css := pageCSS(root)
	if css == "" {
		return nil, nil
	}
	counters, types = map[string]counterStyle{}, map[string]string{}
	for _, m := range cssRuleRE.FindAllStringSubmatch(css, maxStyleRules) {
		decl := strings.ToLower(m[2])
		for _, sel := range strings.Split(m[1], ",") {
			classes := cssClassRE.FindAllStringSubmatch(sel, -1)
			if len(classes) == 0 {
				continue
			}
			class := classes[len(classes)-1][1]
			if strings.Contains(sel, ":before") && strings.Contains(sel, "li") {
				if c := cssCounterContentRE.FindStringSubmatch(decl); c != nil {
					counters[class] = counterStyle{prefix: c[1] + c[2], suffix: c[4] + c[5], style: c[3]}
				}
				continue
			}
			if strings.Contains(sel, ":") || strings.Contains(sel, " li") || strings.Contains(sel, ">") {
				continue
			}
			if t := cssListStyleRE.FindStringSubmatch(decl); t != nil {
				types[class] = t[1]
			}
		}
	}
	return counters, types
}

// listNumbers returns the number each item of an ordered list shows: a
// list numbered by a CSS counter of its class as the counter writes it
// ("(1)", "(2)" for the Absätze of a bylaw, whatever the list's element);
// an <ol> by its type attribute or its class's or inline list-style-type:
// "1.", "a)", "i."; none for list-style "none" without a counter. Its
// start attribute is honoured. Items of other lists stay "- ".
func listNumbers(root *html.Node) map[*html.Node]string {
	counters, types := pageListStyles(root)
	labels := map[*html.Node]string{}
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if len(labels) >= maxListItems {
			return
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Ol || n.DataAtom == atom.Ul) {
			numberList(n, counters, types, labels)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(root)
	return labels
}

// numberList writes the numbers of list n's items into labels.
func numberList(n *html.Node, counters map[string]counterStyle, types map[string]string, labels map[*html.Node]string) {
	var cs *counterStyle
	style := ""
	for _, c := range strings.Fields(attr(n, "class")) {
		if s, ok := counters[c]; ok {
			cs = &s
		}
		if t, ok := types[c]; ok {
			style = t
		}
	}
	if t := inlineStyle(n)["list-style-type"]; t != "" {
		style = t
	}
	if cs == nil && n.DataAtom != atom.Ol {
		return
	}
	switch attr(n, "type") {
	case "a":
		style = "lower-alpha"
	case "A":
		style = "upper-alpha"
	case "i":
		style = "lower-roman"
	case "I":
		style = "upper-roman"
	case "1":
		style = "decimal"
	}
	if cs == nil && style == "none" {
		return
	}
	i, err := strconv.Atoi(attr(n, "start"))
	if err != nil || i < 0 || i > 1e6 {
		i = 1
	}
	for c := n.FirstChild; c != nil && len(labels) < maxListItems; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom != atom.Li {
			continue
		}
		switch {
		case cs != nil:
			labels[c] = cs.prefix + cssNumber(i, cs.style) + cs.suffix
		case strings.HasSuffix(style, "-alpha") || strings.HasSuffix(style, "-latin"):
			labels[c] = cssNumber(i, style) + ")"
		default:
			labels[c] = cssNumber(i, style) + "."
		}
		i++
	}
}

// cssNumber writes n in a CSS list-style-type: decimal, lower-alpha,
// upper-alpha, lower-roman, upper-roman (others as decimal).
func cssNumber(n int, style string) string {
	switch style {
	case "lower-alpha", "lower-latin":
		return formatNumber(n, "lowerLetter")
	case "upper-alpha", "upper-latin":
		return formatNumber(n, "upperLetter")
	case "lower-roman":
		return formatNumber(n, "lowerRoman")
	case "upper-roman":
		return formatNumber(n, "upperRoman")
	}
	return strconv.Itoa(n)
}
