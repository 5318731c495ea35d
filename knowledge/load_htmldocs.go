// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Headings set by a page's stylesheet, as an online word processor
// exports a document as HTML (Google Docs' "Webseite (.html)"): no
// heading elements, the title a paragraph of class "title", each heading
// a paragraph whose only span has a class the <style> block makes bold
// and larger than the body text (".c3{font-weight:700;font-size:13pt}"),
// the links through a redirector ("https://www.google.com/url?q=…").

// maxStyledHeadings bounds the paragraphs a page's stylesheet turns into
// headings.
const maxStyledHeadings = 2000

// cssSimpleSelectorRE matches a selector that is one class (".c3") or
// one element name ("p", "body").
var cssSimpleSelectorRE = regexp.MustCompile(`^\s*(?:\.([A-Za-z_][\w-]*)|([a-z][a-z0-9]*))\s*$`)

// cssFontSizeRE matches a font size in points or pixels.
var cssFontSizeRE = regexp.MustCompile(`font-size\s*:\s*([0-9]+(?:\.[0-9]+)?)\s*(pt|px)`)

// cssFontWeightRE matches a font weight.
var cssFontWeightRE = regexp.MustCompile(`font-weight\s*:\s*([a-z0-9]+)`)

// cssFont is what a rule says about its text's font: its size in points
// (0 unset) and whether it is bold (weight 600 and more, "bold").
type cssFont struct {
	size float64
	bold bool
}

// fontOf reads the font size and weight of declarations.
func fontOf(decl string) cssFont {
	decl = strings.ToLower(decl)
	var f cssFont
	if m := cssFontSizeRE.FindStringSubmatch(decl); m != nil {
		if v, err := strconv.ParseFloat(m[1], 64); err == nil {
			f.size = v
			if m[2] == "px" {
				f.size = v * 0.75
			}
		}
	}
	if m := cssFontWeightRE.FindStringSubmatch(decl); m != nil {
		if m[1] == "bold" || m[1] == "bolder" {
			f.bold = true
		} else if v, err := strconv.Atoi(m[1]); err == nil && v >= 600 {
			f.bold = true
		}
	}
	return f
}

// pageCSS returns the text of the page's <style> sheets, at most
// maxStyleSheet bytes.
func pageCSS(root *html.Node) string {
	var css strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if css.Len() >= maxStyleSheet {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Style {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.TextNode {
					css.WriteString(c.Data[:min(len(c.Data), maxStyleSheet)])
					css.WriteByte('\n')
				}
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(root)
	return css.String()
}

// styledHeadings turns the paragraphs a page's stylesheet sets as
// headings into heading elements, so that the walker opens sections at
// them: a paragraph whose only content is one span of a class the
// stylesheet makes bold and larger than the body text (the size of the
// rule for p, else body) becomes <h2> (<h3>, <h4> for the smaller of
// several such sizes); a paragraph of class "title" larger than the body
// text becomes the page's <h1> when it has none. Links through Google's
// redirector are given their target. A page without a body size in its
// stylesheet is left as it is.
func styledHeadings(root *html.Node) {
	css := pageCSS(root)
	if css == "" {
		return
	}
	classes := map[string]cssFont{}
	var body float64
	var bodyFromP bool
	for _, m := range cssRuleRE.FindAllStringSubmatch(css, maxStyleRules) {
		for _, sel := range strings.Split(m[1], ",") {
			s := cssSimpleSelectorRE.FindStringSubmatch(sel)
			if s == nil {
				continue
			}
			f := fontOf(m[2])
			switch {
			case s[1] != "":
				c := classes[s[1]]
				if f.size > 0 {
					c.size = f.size
				}
				c.bold = c.bold || f.bold
				classes[s[1]] = c
			case s[2] == "p" && f.size > 0:
				body, bodyFromP = f.size, true
			case s[2] == "body" && f.size > 0 && !bodyFromP:
				body = f.size
			}
		}
	}
	if body == 0 {
		return
	}
	// spanFont is the font of a span by its classes and inline style.
	spanFont := func(n *html.Node) cssFont {
		var f cssFont
		for _, c := range strings.Fields(attr(n, "class")) {
			cf, ok := classes[c]
			if !ok {
				continue
			}
			if cf.size > 0 {
				f.size = cf.size
			}
			f.bold = f.bold || cf.bold
		}
		if st := attr(n, "style"); st != "" {
			sf := fontOf(st)
			if sf.size > 0 {
				f.size = sf.size
			}
			f.bold = f.bold || sf.bold
		}
		return f
	}
	type candidate struct {
		p    *html.Node
		size float64
	}
	var cands []candidate
	var title *html.Node
	hasH1 := false
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.H1:
				hasH1 = true
			case atom.A:
				if t := redirectTarget(attr(n, "href")); t != "" {
					for i := range n.Attr {
						if n.Attr[i].Key == "href" {
							n.Attr[i].Val = t
						}
					}
				}
			case atom.P:
				if title == nil && hasToken(attr(n, "class"), map[string]bool{"title": true}) && classes["title"].size > body {
					title = n
					return
				}
				if len(cands) < maxStyledHeadings {
					if span := onlySpan(n); span != nil {
						if f := spanFont(span); f.bold && f.size > body {
							if h := strings.TrimSpace(collapseSpace(textOf(n))); countLetters(h) >= 2 && boldHeading(h) && len(strings.Fields(h)) <= maxHeadingWords {
								cands = append(cands, candidate{n, f.size})
							}
						}
					}
				}
				return
			case atom.Table, atom.Ul, atom.Ol:
				// A bold cell or item is no heading of the page.
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(root)
	if title != nil && !hasH1 && strings.TrimSpace(textOf(title)) != "" {
		title.DataAtom, title.Data = atom.H1, "h1"
	}
	var sizes []float64
	for _, c := range cands {
		if !slices.Contains(sizes, c.size) {
			sizes = append(sizes, c.size)
		}
	}
	slices.Sort(sizes)
	slices.Reverse(sizes)
	levels := []atom.Atom{atom.H2, atom.H3, atom.H4}
	for _, c := range cands {
		a := levels[min(slices.Index(sizes, c.size), len(levels)-1)]
		c.p.DataAtom, c.p.Data = a, a.String()
	}
}

// onlySpan returns the one span that holds all of paragraph p's text
// (other children blank), else nil.
func onlySpan(p *html.Node) *html.Node {
	var span *html.Node
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
		case c.Type == html.ElementNode && c.DataAtom == atom.Span && span == nil:
			span = c
		default:
			return nil
		}
	}
	if span == nil || findFirst(span, func(m *html.Node) bool {
		return m != span && m.Type == html.ElementNode && m.DataAtom != atom.B && m.DataAtom != atom.Strong
	}) != nil {
		return nil
	}
	return span
}

// redirectTarget returns the target of a link through Google's
// redirector ("https://www.google.com/url?q=https://…&sa=D"), else "".
func redirectTarget(href string) string {
	if !strings.HasPrefix(href, "https://www.google.com/url?") && !strings.HasPrefix(href, "http://www.google.com/url?") {
		return ""
	}
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	q := u.Query().Get("q")
	if !strings.HasPrefix(q, "http://") && !strings.HasPrefix(q, "https://") && !strings.HasPrefix(q, "mailto:") {
		return ""
	}
	return q
}
