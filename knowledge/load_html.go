// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/musterstadt/lotse/knowledge/german"
)

// parseHTML extracts the main text of a web page. Navigation, header,
// footer, sidebars, scripts, styles and forms are dropped; when the page has
// a <main>, an element with role="main" or an <article>, only that is read.
// Headings h1–h6 open sections; the first h1 (or else <title>) is the title.
func parseHTML(data []byte) (parsedDoc, error) {
	var pd parsedDoc
	if bytes.IndexByte(data, 0) >= 0 {
		return pd, fileErrorf(nil, "Binärdatei, kein HTML")
	}
	if !utf8.Valid(data) {
		data = legacyHTML(data)
	}
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return pd, fileErrorf(err, "HTML nicht lesbar")
	}
	inlineSrcdoc(root, 0)
	gutenbergBlocks(root)
	styledHeadings(root)
	ariaTables(root)
	expandRowspans(root)
	var pageTitle string
	if t := findFirst(root, func(n *html.Node) bool { return n.DataAtom == atom.Title }); t != nil {
		pageTitle = strings.TrimSpace(collapseSpace(textOf(t)))
	}
	body := findFirst(root, func(n *html.Node) bool {
		return n.DataAtom == atom.Main || attr(n, "role") == "main"
	})
	if body == nil {
		body = findFirst(root, func(n *html.Node) bool { return n.DataAtom == atom.Article })
	}
	if body == nil {
		body = findFirst(root, func(n *html.Node) bool { return n.DataAtom == atom.Body })
	}
	if body == nil {
		return pd, errNoText
	}
	legacyTitleAndFooter(root, body, pageTitle)
	customElementText(root, body)
	labelledFields(body)
	w := &htmlWalker{pageTitle: pageTitle, root: root, items: listNumbers(root), norms: normHeadings(body)}
	if w.dialogs = pairDialogs(root, body); len(w.dialogs) > 0 {
		w.opened = map[*html.Node]bool{}
		for _, d := range w.dialogs {
			w.opened[d] = true
		}
	}
	w.walk(body, false)
	for _, box := range sideContacts(body) {
		// A contact box beside the main text: a section of its own
		// after it, under no heading of the main text.
		w.flush()
		w.stack, w.levels, w.heading = nil, nil, ""
		w.walkAside(box, false)
	}
	w.flush()
	if shell(w) {
		// A single-page app's shell: its content is the JSON it was
		// rendered from: schema.org data read by its types, else the
		// island with the most text.
		if title, secs := jsonLDPage(root); sectionLetters(secs) > minShellLetters {
			pd.sections, pd.title = secs, title
			if pd.title == "" {
				pd.title = pageTitle
			}
			return pd, nil
		}
		if title, secs := dataIsland(root); sectionLetters(secs) > minShellLetters {
			pd.sections, pd.title = secs, title
			if pd.title == "" {
				pd.title = pageTitle
			}
			return pd, nil
		}
	}
	if linkIndex(body) {
		return pd, fileErrorf(nil, "Verweisseite: nur Links auf andere Seiten, kein eigener Text (Navigation)")
	}
	pd.sections = append(dropAttachmentLists(w.sections), faqJSONLD(root, textOf(body))...)
	pd.title = w.title
	if pd.title == "" {
		pd.title = pageTitle
	}
	pd.title = withoutRecordNumber(withoutSpacePrefix(pd.title))
	if strings.TrimSpace(textOf(body)) == "" {
		return pd, errNoText
	}
	return pd, nil
}

// legacyHTML decodes a page that is not UTF-8 by the character set its
// <meta charset> or <meta http-equiv="Content-Type"> declares, found as
// the HTML standard's prescan finds it (in the first 1024 bytes; labels
// as the WHATWG Encoding standard maps them, so that "iso-8859-1" and
// "us-ascii" are Windows-1252): a page in ISO-8859-15 has its euro sign
// at 0xA4, one in ISO-8859-2 its "ł" at 0xB3 (an ISO 8859 page's bytes
// 0x80–0x9F, control codes there, as Windows-1252's characters, as
// browsers read them). A page that declares
// UTF-8 or Windows-1252, or nothing, is read as Windows-1252: old pages
// are often that whatever their meta tag says, and Latin-1 decoding
// never fails and gets umlauts right.
func legacyHTML(data []byte) []byte {
	if e, name, _ := charset.DetermineEncoding(data, ""); e != nil && name != "utf-8" && name != "windows-1252" && name != "replacement" && !strings.HasPrefix(name, "utf-16") {
		if strings.HasPrefix(name, "iso-8859-") {
			// Its bytes 0x80–0x9F as Windows-1252's, as browsers
			// read them.
			return []byte(isoLatinText(data, e))
		}
		if out, err := e.NewDecoder().Bytes(data); err == nil {
			return out
		}
	}
	return windows1252ToUTF8(data)
}

// shell reports whether the page w read has almost no visible text: an
// app's shell with a spinner and a line for those without JavaScript.
func shell(w *htmlWalker) bool {
	return countLetters(w.title)+sectionLetters(w.sections) < minShellLetters
}

// sectionLetters counts the letters of the sections' headings and texts.
func sectionLetters(secs []Section) int {
	n := 0
	for _, s := range secs {
		n += countLetters(s.Heading) + countLetters(s.Text)
	}
	return n
}

type htmlWalker struct {
	pageTitle   string // the page's <title>
	title       string
	stack       []string
	levels      []int
	heading     string
	lines       []string
	line        strings.Builder
	sections    []Section
	inLink      int                       // depth of the links the walker is in
	inBold      int                       // depth of the <b> and <strong> the walker is in
	inValueCell int                       // depth of the table cells holding values (no blocks but <br>s) the walker is in
	links       lineLinks                 // the links of the line being read
	titleStyled bool                      // the title is a paragraph in a word processor's title style
	root        *html.Node                // the document, for the elements an id names
	ids         map[string]*html.Node     // root's elements by id (byID)
	tabs        []tab                     // the labels of the last tab list read
	panels      int                       // the tab panels read since
	consumed    map[*html.Node]bool       // panels read before their place (at their button)
	dialogs     map[*html.Node]*html.Node // the dialog each button of the main text opens (pairDialogs)
	opened      map[*html.Node]bool       // the dialogs of dialogs, read at their buttons only
	items       map[*html.Node]string     // the numbers of ordered lists' items ("1.", "(2)", "c)"; listNumbers)
	norms       map[*html.Node]string     // the blocks that head a statute's paragraphs (normHeadings)
}

// lineLinks counts the links of a line and the text around them.
type lineLinks struct {
	n, run, maxRun   int // links, links in a row so far, the longest row
	linked, unlinked int // letters and digits inside and outside links
	bold             int // letters and digits set in bold
	cells            int // table cells the line spans, layout cells aside
}

// skippedElements are not part of a page's main text.
var skippedElements = map[atom.Atom]bool{
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Form: true, atom.Svg: true, atom.Iframe: true, atom.Button: true, atom.Head: true,
}

// skipped reports whether element n is not part of the main text. A
// button is a control, except the one that opens an accordion's entry
// ("<h3><button aria-expanded=…>Kann ich …?</button></h3>", also with
// the attribute bound by a framework, ":aria-expanded"): its label is
// the entry's question. A <template> is inert markup, read only as the
// panel such a button shows (disclosurePanel).
//
// A <header> inside the page's main text that holds a heading is the
// head of its article (title, kicker, lead), not the page's banner, as
// HTML defines it; an <aside> inside it that holds contact data is the
// contact card of its article (the office, its staff, their phone
// numbers), not the page's sidebar.
func skipped(n *html.Node) bool {
	if n.DataAtom == atom.Button && disclosureButton(n) {
		return false
	}
	if n.DataAtom == atom.Header && inMainText(n) && findFirst(n, func(m *html.Node) bool { return headingLevel(m.DataAtom) > 0 }) != nil {
		return chrome(n)
	}
	if n.DataAtom == atom.Aside && inMainText(n) && contactData(n) {
		return chrome(n)
	}
	return skippedElements[n.DataAtom] || chrome(n) || cmsChrome(n) || breadcrumbLine(n) || sideLinkCell(n)
}

// Bounds of a layout table's side cell read as navigation: its letters
// and the share of them in links.
const (
	maxSideCellLetters = 400
	sideLinkShare      = 0.5
)

// sideLinkCell reports whether n is a side cell of a page's layout
// table that holds a box of links ("Schnellzugriff: Formulare,
// Öffnungszeiten"): a cell beside the one that holds the page's h1 or
// h2, itself without a heading or contact data, short, most of its text
// links.
func sideLinkCell(n *html.Node) bool {
	if n.DataAtom != atom.Td || n.Parent == nil || n.Parent.DataAtom != atom.Tr {
		return false
	}
	main := false
	for c := n.Parent.FirstChild; c != nil && !main; c = c.NextSibling {
		main = c != n && c.DataAtom == atom.Td && findFirst(c, func(m *html.Node) bool { return m.DataAtom == atom.H1 || m.DataAtom == atom.H2 }) != nil
	}
	if !main || findFirst(n, func(m *html.Node) bool { return headingLevel(m.DataAtom) > 0 }) != nil || contactData(n) {
		return false
	}
	links, linked, all := linkCounts(n, func(m *html.Node) bool {
		return m.DataAtom == atom.Script || m.DataAtom == atom.Style || m.DataAtom == atom.Noscript || m.DataAtom == atom.Template
	})
	return links >= 2 && all > 0 && all <= maxSideCellLetters && float64(linked) >= sideLinkShare*float64(all)
}

// maxBreadcrumbRunes bounds the text of a breadcrumb line.
const maxBreadcrumbRunes = 300

// breadcrumbLeads are the words (folded, at the start of a block) that
// introduce a page's path.
var breadcrumbLeads = []string{"sie sind hier", "sie befinden sich hier", "you are here"}

// breadcrumbLine reports whether n is a block that shows the page's
// path as a line ("Sie sind hier: Startseite » Bürgerservice » …")
// without a class that says so: its text begins with the words that
// introduce a path, it links to another page, and it is short.
func breadcrumbLine(n *html.Node) bool {
	if n.Type != html.ElementNode || n.DataAtom != atom.Div && n.DataAtom != atom.P && n.DataAtom != atom.Td && n.DataAtom != atom.Span {
		return false
	}
	first := n.FirstChild
	for first != nil && first.Type == html.TextNode && strings.TrimSpace(first.Data) == "" {
		first = first.NextSibling
	}
	if first == nil || first.Type != html.TextNode {
		return false
	}
	lead := german.Fold(strings.TrimSpace(first.Data))
	if !slices.ContainsFunc(breadcrumbLeads, func(w string) bool { return strings.HasPrefix(lead, w) }) {
		return false
	}
	if findFirst(n, func(m *html.Node) bool { return m.DataAtom == atom.A && hasAttr(m, "href") }) == nil ||
		findFirst(n, func(m *html.Node) bool {
			return headingLevel(m.DataAtom) > 0 || m != n && blockElements[m.DataAtom] && m.DataAtom != atom.Ol && m.DataAtom != atom.Ul && m.DataAtom != atom.Li
		}) != nil {
		return false
	}
	return utf8.RuneCountInString(textOfAll(n)) <= maxBreadcrumbRunes
}

// contactWordRE matches the words that label contact data.
var contactWordRE = regexp.MustCompile(`(?i)\b(?:telefon|tel\.|fon|e-mail|email|ansprechpartner(?:in)?|kontakt|phone|contact)\b`)

// contactValueRE matches a phone number or an e-mail address.
var contactValueRE = regexp.MustCompile(`\d[\d /()-]{4,}\d|[\w.+-]+@[\w-]+\.[\w.-]+`)

// contactData reports whether element n holds contact data: a tel: link,
// a mailto: link with an address, or a word that labels contact data
// ("Telefon", "E-Mail", "Ansprechpartner") beside a phone number or an
// e-mail address.
func contactData(n *html.Node) bool {
	link := findFirst(n, func(m *html.Node) bool {
		h := strings.ToLower(strings.TrimSpace(attr(m, "href")))
		return m.DataAtom == atom.A && (strings.HasPrefix(h, "tel:") || strings.HasPrefix(h, "mailto:") && strings.Contains(h, "@"))
	})
	if link != nil {
		return true
	}
	// Its text nodes apart: "Rathaus<br>Telefon" holds the word "Telefon".
	var words []string
	var rec func(*html.Node)
	rec = func(m *html.Node) {
		if m.Type == html.TextNode {
			words = append(words, m.Data)
		}
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	t := strings.Join(words, " ")
	return contactWordRE.MatchString(t) && contactValueRE.MatchString(t)
}

// chromeRoles are the ARIA landmarks of a page's frame.
var chromeRoles = map[string]bool{"navigation": true, "banner": true, "contentinfo": true, "complementary": true, "search": true}

// chromeTokens are the words of class names and ids that mark a page's
// frame in the usual CMS themes, English and German ("risMenue",
// "main-menu", "breadcrumb", "fusszeile"). Not "Kopf" or "header": an
// accordion's or a table's head is content.
var chromeTokens = map[string]bool{
	"nav": true, "navi": true, "navbar": true, "navigation": true, "menu": true, "menue": true, "mainmenu": true,
	"breadcrumb": true, "breadcrumbs": true, "brotkrumen": true, "footer": true, "fuss": true, "fusszeile": true,
	"sidebar": true, "seitenleiste": true, "cookie": true, "cookies": true,
	"consent": true, "skiplinks": true, "skiplink": true, "share": true, "social": true, "teilen": true,
	"toolbar": true, "masthead": true,
}

// chrome reports whether element n is part of a page's frame by its
// landmark role or its class names and id, where the page has no
// <nav>/<header>/<footer> to say so. An element that holds a page's h1
// or h2 is content whatever its class.
func chrome(n *html.Node) bool {
	if n.Type != html.ElementNode || n.DataAtom == atom.Body || n.DataAtom == atom.Html {
		return false
	}
	hit := chromeRoles[strings.ToLower(attr(n, "role"))]
	if !hit {
		for _, a := range n.Attr {
			if (a.Key == "class" || a.Key == "id") && hasChromeToken(a.Val) {
				hit = true
				break
			}
		}
	}
	if !hit {
		// A page's head or a wiki's metadata box: chrome when it holds
		// no heading at all (an accordion's "kopf" is a heading) and
		// stands outside the page's main text (a record's head inside
		// <article> or <main> holds its key and its office).
		if inMainText(n) || tablePart(n) {
			return false
		}
		for _, a := range n.Attr {
			if (a.Key == "class" || a.Key == "id") && hasToken(a.Val, weakChromeTokens) {
				if hasToken(a.Val, headTokens) && !bannerAtTop(n) {
					return false
				}
				return headingLevel(n.DataAtom) == 0 && findFirst(n, func(m *html.Node) bool { return headingLevel(m.DataAtom) > 0 }) == nil && normHeading(n) == ""
			}
		}
		return false
	}
	return findFirst(n, func(m *html.Node) bool { return (m.DataAtom == atom.H1 || m.DataAtom == atom.H2) && !visuallyHidden(m) }) == nil
}

// inMainText reports whether an ancestor of n is the page's main text:
// <main>, <article> or an element with the role "main".
func inMainText(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Main || p.DataAtom == atom.Article || strings.EqualFold(attr(p, "role"), "main") {
			return true
		}
	}
	return false
}

// weakChromeTokens are the words of class names and ids that mark a
// page's frame only where the element holds no heading: "header" and
// "Kopf" also name an accordion's or a table's head.
var weakChromeTokens = map[string]bool{
	"header": true, "kopf": true, "kopfbereich": true, "pagetree": true, "metadata": true, "metadaten": true, "labels": true, "splitter": true,
}

// hasChromeToken splits class names and ids into words (at spaces,
// hyphens, underscores and lower-to-upper case changes) and looks them up
// in chromeTokens.
func hasChromeToken(v string) bool { return hasToken(v, chromeTokens) }

// hasToken reports whether a word of the class names or id v is in set.
func hasToken(v string, set map[string]bool) bool {
	var w []rune
	check := func() bool {
		ok := len(w) > 0 && set[german.Fold(string(w))]
		w = w[:0]
		return ok
	}
	prev := rune(0)
	for _, r := range v {
		switch {
		case !unicode.IsLetter(r):
			if check() {
				return true
			}
		case unicode.IsUpper(r) && unicode.IsLower(prev):
			if check() {
				return true
			}
			w = append(w, unicode.ToLower(r))
		default:
			w = append(w, unicode.ToLower(r))
		}
		prev = r
	}
	return check()
}

// headingClasses are the words of class names that CMS editors give a
// paragraph style for headings where the page has no heading elements
// below its title ("<p class=\"zwischenueberschrift\">Sprechstunde</p>",
// "<div class=\"text-headline\">").
var headingClasses = map[string]bool{
	"ueberschrift": true, "zwischenueberschrift": true, "zwischentitel": true,
	"headline": true, "subheadline": true, "heading": true, "subheading": true,
}

// wordTitle reports whether n is a paragraph in the title style of the
// word processor that saved the page as HTML: Word's "MsoTitle" (also
// its variants of a title over several paragraphs, "MsoTitleCxSpFirst").
func wordTitle(n *html.Node) bool {
	if n.DataAtom != atom.P && n.DataAtom != atom.Div {
		return false
	}
	for _, c := range strings.Fields(attr(n, "class")) {
		if len(c) >= len("msotitle") && strings.EqualFold(c[:len("msotitle")], "msotitle") {
			return true
		}
	}
	return false
}

// classHeadingLevel is the level of a section opened by a paragraph
// styled as a heading: below <h1>–<h3>, which may group such paragraphs.
const classHeadingLevel = 4

// classHeading returns the text of n when n is a paragraph or a block
// styled as a heading by its class name, holding a short line that is no
// sentence and no block of its own; else "".
func classHeading(n *html.Node) string {
	if n.DataAtom != atom.P && n.DataAtom != atom.Div {
		return ""
	}
	if !hasToken(attr(n, "class"), headingClasses) {
		return ""
	}
	if findFirst(n, func(m *html.Node) bool {
		return m != n && m.Type == html.ElementNode && blockElements[m.DataAtom] && m.DataAtom != atom.Br
	}) != nil {
		return ""
	}
	h := strings.TrimSpace(collapseSpace(textOf(n)))
	if countLetters(h) < 2 || !boldHeading(h) || len(strings.Fields(h)) > maxHeadingWords {
		return ""
	}
	return h
}

var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Ul: true, atom.Ol: true,
	atom.Li: true, atom.Table: true, atom.Tr: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Br: true, atom.Hr: true, atom.Address: true,
	atom.Figure: true, atom.Figcaption: true, atom.Details: true, atom.Summary: true,
}

// tablePart reports whether n is a part of a table its role declares
// (a row group, a row or a cell of a table built with ARIA roles): its
// "kopf" is the table's head row, content. A layout table's cells have
// no role and stay subject to the frame's class names.
func tablePart(n *html.Node) bool {
	role := strings.ToLower(strings.TrimSpace(attr(n, "role")))
	a, ok := ariaTableElements[role]
	return ok && a != atom.Table
}

// layoutCell reports whether n is a table cell that lays out a page
// rather than holding a value: it holds a table, paragraphs, lists or
// line breaks. Its text is lines of their own, not part of its row's.
func layoutCell(n *html.Node) bool {
	if n.DataAtom != atom.Td && n.DataAtom != atom.Th {
		return false
	}
	return findFirst(n, func(m *html.Node) bool { return m != n && blockElements[m.DataAtom] && m.DataAtom != atom.Hr }) != nil &&
		!brokenValueCell(n) && !paragraphRow(n)
}

// paragraphCell reports whether table cell n holds one paragraph and
// nothing else, a short value, as word processors write every cell of a
// table ("<td><p class=MsoNormal><b>Kasse</b></p></td>").
func paragraphCell(n *html.Node) bool {
	var para *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			return false
		case c.Type != html.ElementNode:
		case para != nil || c.DataAtom != atom.P && c.DataAtom != atom.Div:
			return false
		default:
			para = c
		}
	}
	return para != nil && valueCell(para)
}

// paragraphRow reports whether cell n stands in a row of a data table
// whose every cell holds one short paragraph or a value (paragraphCell,
// valueCell): the row is one line of values, as a table of values
// without paragraphs is.
func paragraphRow(n *html.Node) bool {
	if !paragraphCell(n) || n.Parent == nil || n.Parent.DataAtom != atom.Tr {
		return false
	}
	cells := childElements(n.Parent, atom.Td, atom.Th)
	return len(cells) >= 2 && allOf(cells, func(c *html.Node) bool { return paragraphCell(c) || valueCell(c) })
}

// maxBrokenCell is the longest text of a table's value cell whose <br>s
// part values rather than lines.
const maxBrokenCell = 120

// brokenValueCell reports whether n is a data table's cell whose only
// blocks are <br>s parting short values ("8:00–12:30<br>14:00–18:00"),
// without links or bold lines (a layout cell's menu or box): its table
// is one of data (two rows of two cells or more, a header cell, or the
// role of a table), and no cell of its row holds blocks other than <br>s
// or a long text. Its values stay on its
// row's line, parted by " / ".
func brokenValueCell(n *html.Node) bool {
	if !valueCell(n) || n.Parent == nil || n.Parent.DataAtom != atom.Tr || findFirst(n, func(m *html.Node) bool {
		return m.DataAtom == atom.A || m.DataAtom == atom.B || m.DataAtom == atom.Strong
	}) != nil {
		return false
	}
	cells := childElements(n.Parent, atom.Td, atom.Th)
	if len(cells) < 2 || !allOf(cells, valueCell) {
		return false
	}
	var table *html.Node
	for p := n.Parent; p != nil && table == nil; p = p.Parent {
		if p.DataAtom == atom.Table {
			table = p
		}
	}
	if table == nil {
		return false
	}
	rows := 0
	var count func(*html.Node)
	count = func(m *html.Node) {
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type != html.ElementNode || c.DataAtom == atom.Table:
			case c.DataAtom == atom.Tr:
				if len(childElements(c, atom.Td, atom.Th)) >= 2 {
					rows++
				}
			default:
				count(c)
			}
		}
	}
	count(table)
	return rows >= 2 || ariaTableElements[strings.ToLower(strings.TrimSpace(attr(table, "role")))] == atom.Table ||
		findFirst(table, func(m *html.Node) bool { return m.DataAtom == atom.Th }) != nil
}

// allOf reports whether ok holds for every node of ns.
func allOf(ns []*html.Node, ok func(*html.Node) bool) bool {
	for _, n := range ns {
		if !ok(n) {
			return false
		}
	}
	return true
}

// valueCell reports whether a table cell holds no blocks but <br>s and a
// short text.
func valueCell(n *html.Node) bool {
	return findFirst(n, func(m *html.Node) bool {
		return m != n && blockElements[m.DataAtom] && m.DataAtom != atom.Hr && m.DataAtom != atom.Br
	}) == nil && utf8.RuneCountInString(strings.TrimSpace(collapseSpace(textOf(n)))) <= maxBrokenCell
}

func headingLevel(a atom.Atom) int {
	switch a {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

func (w *htmlWalker) endLine() {
	s := strings.TrimSpace(w.line.String())
	switch {
	case s == "" || w.links.navigation() || printChrome(s) || w.links.n > 0 && mailChrome(s):
	case w.boldLine(s):
		// A cell of its own ("<td><b>Ihr Kontakt</b></td>") heads
		// the bold lines of the table's other cells.
		lvl := boldLevel + 1
		if w.links.cells == 1 {
			lvl = boldLevel
		}
		w.line.Reset()
		w.links = lineLinks{}
		h := strings.TrimSpace(strings.TrimSuffix(s, ":"))
		if w.title == "" && len(w.lines) == 0 && len(w.sections) == 0 && titlePart(w.pageTitle, h) {
			// The page's first line, in bold, is its title when the
			// <title> holds it beside the site's name ("Stadt … -
			// Ausschank bei Festen"), as an <h1> would be.
			w.title = h
			break
		}
		w.openSection(lvl, h)
	default:
		w.lines = append(w.lines, s)
	}
	w.line.Reset()
	w.links = lineLinks{}
}

// boldLevel is the level of a section opened by a bold line that is a
// table cell's only text, below every heading element; other bold lines
// are one level deeper.
const boldLevel = 7

// boldLine reports whether line s, set all in bold and standing alone,
// heads a section, as pages without heading elements set their
// subheadings ("<b>Gebühren</b><br>"): short, not a sentence, with
// letters; not a list item, not the cells of a table's row ("<td><b>Art
// </b></td><td><b>Gebühr</b></td>").
func (w *htmlWalker) boldLine(s string) bool {
	l := w.links
	all := l.linked + l.unlinked
	return l.bold == all && countLetters(s) >= 2 && l.cells <= 1 && !strings.HasPrefix(s, "- ") &&
		boldHeading(s) && len(strings.Fields(s)) <= maxHeadingWords
}

// withoutSpacePrefix drops the name of a wiki's space from a page title
// ("Beispiel-Wiki : Drucker einrichten" → "Drucker einrichten"), as Confluence
// and its likes write it into <title> and <h1>: a short prefix of at most
// four words before " : ", a colon set apart by blanks, which German and
// English text never writes.
func withoutSpacePrefix(t string) string {
	prefix, rest, ok := strings.Cut(t, " : ")
	rest = strings.TrimSpace(rest)
	if !ok || countLetters(rest) < 2 || len(strings.Fields(prefix)) > 4 || strings.TrimSpace(prefix) == "" {
		return t
	}
	return rest
}

// attachmentHeadings are the headings (folded, without a colon) of the
// list of files a wiki page or CMS shows below its text.
var attachmentHeadings = map[string]bool{
	"attachments": true, "anhaenge": true, "dateianhaenge": true,
}

// attachmentLineRE matches a line that names a file: "plan.png
// (image/png)", "Antrag.pdf".
var attachmentLineRE = regexp.MustCompile(`\.[A-Za-z0-9]{2,5}\b`)

// dropAttachmentLists leaves out a section headed "Attachments" or
// "Anhänge" whose every line names a file: the page's list of attached
// files is navigation, not its text.
func dropAttachmentLists(secs []Section) []Section {
	out := secs[:0]
	for _, s := range secs {
		h := s.Heading
		if i := strings.LastIndex(h, "›"); i >= 0 {
			h = h[i+len("›"):]
		}
		h = german.Fold(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(h), ":")))
		if attachmentHeadings[h] && strings.TrimSpace(s.Text) != "" && allLines(s.Text, func(l string) bool {
			return attachmentLineRE.MatchString(l) && utf8.RuneCountInString(l) <= maxKickerLen*2
		}) {
			continue
		}
		out = append(out, s)
	}
	return out
}

// allLines reports whether every line of text with text in it is ok.
func allLines(text string, ok func(string) bool) bool {
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" && !ok(l) {
			return false
		}
	}
	return true
}

// titleSeparators part a <title> into the page's own title and the
// site's name and sections ("Beispielamt | Stadt Musterort").
var titleSeparators = []string{" - ", " – ", " — ", " | ", " · ", " :: "}

// titlePart reports whether h is a part of the page title t: all of it,
// or what stands between separators or t's ends.
func titlePart(t, h string) bool {
	t, h = strings.Join(strings.Fields(t), " "), strings.Join(strings.Fields(h), " ")
	if h == "" {
		return false
	}
	for off := 0; off < len(t); {
		i := strings.Index(t[off:], h)
		if i < 0 {
			return false
		}
		before, after := t[:off+i], t[off+i+len(h):]
		sepOK := func(s string, suffix bool) bool {
			if s == "" {
				return true
			}
			for _, sep := range titleSeparators {
				if suffix && strings.HasSuffix(s, sep) || !suffix && strings.HasPrefix(s, sep) {
					return true
				}
			}
			return false
		}
		if sepOK(before, true) && sepOK(after, false) {
			return true
		}
		off += i + 1
	}
	return false
}

// countLetters counts the letters of s.
func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// openSection starts a section headed h at level lvl: the headings of
// its level and below end.
func (w *htmlWalker) openSection(lvl int, h string) {
	w.flush()
	for len(w.levels) > 0 && w.levels[len(w.levels)-1] >= lvl {
		w.levels, w.stack = w.levels[:len(w.levels)-1], w.stack[:len(w.stack)-1]
	}
	w.levels, w.stack = append(w.levels, lvl), append(w.stack, h)
	w.heading = strings.Join(w.stack, " › ")
}

// closeBold ends the sections opened by bold lines beyond the first n
// headings: a bold line heads the text of its table cell or table, not
// what follows the cell (a contact box beside the main text).
func (w *htmlWalker) closeBold(n int) {
	if len(w.levels) <= n || w.levels[len(w.levels)-1] < boldLevel {
		return
	}
	w.flush()
	for len(w.levels) > n && w.levels[len(w.levels)-1] >= boldLevel {
		w.levels, w.stack = w.levels[:len(w.levels)-1], w.stack[:len(w.stack)-1]
	}
	w.heading = strings.Join(w.stack, " › ")
}

// text writes a text node's content to the line, counting its letters
// as inside or outside a link. Text with a letter or digit outside a
// link ends a row of links; separators ("|", ">", "·") do not.
func (w *htmlWalker) text(s string) {
	w.line.WriteString(s)
	n := alnumCount(s)
	if w.inBold > 0 {
		w.links.bold += n
	}
	if w.inLink > 0 {
		w.links.linked += n
		return
	}
	w.links.unlinked += n
	if n > 0 {
		w.links.run = 0
	}
}

// link counts a link of the line: one more in the current row.
func (l *lineLinks) link() {
	l.n++
	l.run++
	l.maxRun = max(l.maxRun, l.run)
}

// navigation reports whether a line is a menu, a breadcrumb or a
// footer's links rather than text: a row of at least minLinkRow links
// separated by nothing but separators, with no more other text than
// twice the links' ("Sie befinden sich hier: Startseite > Rathaus > …",
// "© 2026 … | Impressum | Datenschutz | Barrierefreiheit"), or a line of
// two links or more and nothing else ("nach oben | zurück").
func (l lineLinks) navigation() bool {
	return l.maxRun >= minLinkRow && l.unlinked <= 2*l.linked || l.n >= 2 && l.unlinked == 0
}

// minLinkRow is the shortest row of links that makes a line navigation.
const minLinkRow = 3

// alnumCount counts the letters and digits of s.
func alnumCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// linkDenseElements are the elements whose text, when it is mostly link
// text, is a page's navigation: the cells of a layout table, blocks and
// lists.
var linkDenseElements = map[atom.Atom]bool{
	atom.Td: true, atom.Th: true, atom.Div: true, atom.Ul: true, atom.Ol: true,
}

// linkDense reports whether element n is a menu laid out without <nav>:
// it holds two links or more, at least linkShare of its letters are link
// text (the links hidden by their class names count too) and it holds no
// heading — a left column of links under a bold "Bürgerservice", a cell
// of "Seite drucken" and "Seite weiterempfehlen".
func linkDense(n *html.Node) bool {
	if !linkDenseElements[n.DataAtom] || findFirst(n, func(m *html.Node) bool { return headingLevel(m.DataAtom) > 0 }) != nil {
		return false
	}
	links, linked, all := linkCounts(n, func(m *html.Node) bool {
		return m.DataAtom == atom.Script || m.DataAtom == atom.Style || m.DataAtom == atom.Noscript || m.DataAtom == atom.Template
	})
	return links >= 2 && all > 0 && float64(linked) >= linkShare*float64(all)
}

// linkIndex reports whether a page's content is only links to other
// pages, an index ("A bis Z", a site map) under letter or group
// headings: at least minIndexLinks links outside the page's frame, and
// at least indexLinkShare of the letters outside headings link text.
// Such a page is navigation, as a menu is; read, its one-link lines
// would stand as sections beside the pages they point to.
func linkIndex(body *html.Node) bool {
	links, linked, all := linkCounts(body, func(m *html.Node) bool {
		return m != body && skipped(m) || headingLevel(m.DataAtom) > 0
	})
	return links >= minIndexLinks && all > 0 && float64(linked) >= indexLinkShare*float64(all)
}

// linkCounts counts below n the links (elements <a href>), the letters
// and digits of their text and those of all text, passing over the
// elements skip accepts.
func linkCounts(n *html.Node, skip func(*html.Node) bool) (links, linked, all int) {
	var rec func(m *html.Node, inLink bool)
	rec = func(m *html.Node, inLink bool) {
		switch m.Type {
		case html.TextNode:
			c := alnumCount(m.Data)
			all += c
			if inLink {
				linked += c
			}
			return
		case html.ElementNode:
			if skip(m) {
				return
			}
			if m.DataAtom == atom.A && hasAttr(m, "href") {
				links++
				inLink = true
			}
		}
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			rec(c, inLink)
		}
	}
	rec(n, false)
	return links, linked, all
}

// minIndexLinks and indexLinkShare make a page an index of links
// (linkIndex).
const (
	minIndexLinks  = 5
	indexLinkShare = 0.9
)

// linkShare is the share of link text that makes a cell or block a menu.
const linkShare = 0.7

func (w *htmlWalker) flush() {
	w.endLine()
	w.sections = append(w.sections, Section{Heading: w.heading, Text: strings.Join(w.lines, "\n")})
	w.lines = nil
}

func (w *htmlWalker) walk(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		switch t := collapseSpace(n.Data); {
		case pre:
			w.text(n.Data)
		case t == " " && w.inValueCell > 0 && n.Parent != nil && paragraphCell(n.Parent):
			// The blanks around a value cell's paragraph.
		default:
			w.text(withoutPluginTags(t))
		}
		return
	case html.ElementNode:
		if w.consumed[n] || w.opened[n] {
			return
		}
		if d := w.dialogs[n]; d != nil {
			// A button that opens a dialog: the dialog is read here.
			if w.consumed == nil {
				w.consumed = map[*html.Node]bool{}
			}
			if !w.consumed[d] {
				w.consumed[d] = true
				w.walkDialog(d, pre)
			}
			return
		}
		link := n.DataAtom == atom.A && hasAttr(n, "href")
		if link && (w.skipLink(n) || backLink(n)) {
			return
		}
		if w.widget(n, pre) {
			return
		}
		if link {
			// A link hidden by its class ("fuss") still belongs to
			// the line's row of links.
			w.links.link()
		}
		if skipped(n) || attr(n, "aria-hidden") == "true" || hiddenAttr(n) || hiddenStyle(n) {
			if link {
				w.links.linked += alnumCount(textOfAll(n))
			}
			return
		}
		if linkDense(n) {
			return
		}
		if n.DataAtom == atom.Aside {
			// Not skipped: an article's contact card.
			w.walkAside(n, pre)
			return
		}
		if link {
			w.inLink++
			defer func() { w.inLink-- }()
		}
		if wordTitle(n) && (w.title == "" || w.titleStyled && len(w.lines) == 0 && w.line.Len() == 0) {
			// A word processor's title paragraph: the page's title,
			// the <h1>s below it its sections.
			if h := strings.TrimSpace(collapseSpace(textOf(n))); h != "" {
				w.endLine()
				w.title = strings.TrimSpace(w.title + " " + h)
				w.titleStyled = true
				return
			}
		}
		if h := classHeading(n); h != "" {
			w.endLine()
			w.openSection(classHeadingLevel, h)
			return
		}
		if h := w.norms[n]; h != "" {
			w.endLine()
			w.openSection(normHeadingLevel, h)
			return
		}
		if lvl := headingLevel(n.DataAtom); lvl > 0 {
			h := strings.TrimSpace(collapseSpace(textOf(n)))
			if h == "" || hiddenLabelHeading(n) {
				return
			}
			if lvl == 1 && w.title == "" {
				w.title = h
				return
			}
			w.endLine()
			kicker := w.takeKicker(n)
			w.openSection(lvl, h)
			w.lines = append(w.lines, kicker...)
			return
		}
		if n.DataAtom == atom.B || n.DataAtom == atom.Strong || n.DataAtom != atom.A && styleBold(n) {
			// Bold by its element or by its inline style, as mails
			// and page builders set it; a link styled bold is a
			// button.
			w.inBold++
			defer func() { w.inBold-- }()
		}
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.Pre && !pre && w.prosePre(n) {
		return
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.Table {
		// A ticket system's print view of a record.
		if pairs := recordProperties(n); pairs != nil {
			w.walkProperties(pairs)
			return
		}
		if fieldTable(n) {
			w.walkFields(n, pre)
			return
		}
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.Dl && dlOfSections(n) {
		w.walkSections(n, pre)
		return
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.Details {
		if sum, h := detailsSummary(n); sum != nil {
			w.walkDetails(n, sum, h, pre)
			return
		}
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.Br && w.inValueCell > 0 {
		// A value cell's <br> parts its values on the row's line.
		w.line.WriteString(" / ")
		return
	}
	block := n.Type == html.ElementNode && (blockElements[n.DataAtom] || layoutCell(n))
	if block && w.inValueCell > 0 && (n.DataAtom == atom.P || n.DataAtom == atom.Div) {
		// The paragraph of a cell of values (paragraphRow) stays on
		// its row's line.
		block = false
		if !strings.HasSuffix(w.line.String(), " ") {
			w.line.WriteString(" ")
		}
	}
	if n.Type == html.ElementNode && (n.DataAtom == atom.Table || block && n.DataAtom != atom.Tr && (n.DataAtom == atom.Td || n.DataAtom == atom.Th)) {
		// A bold line heads the rest of its layout cell or table.
		defer w.closeBold(len(w.levels))
	}
	if block {
		w.endLine()
		if n.DataAtom == atom.Li {
			if l := w.items[n]; l != "" {
				w.line.WriteString(l + " ")
			} else {
				w.line.WriteString("- ")
			}
		}
	}
	if n.Type == html.ElementNode && (n.DataAtom == atom.Td || n.DataAtom == atom.Th) {
		w.line.WriteString(" ")
		if !block {
			w.links.cells++ // a layout cell's lines are its own
			w.inValueCell++
			defer func() { w.inValueCell-- }()
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, pre || n.DataAtom == atom.Pre)
	}
	if block {
		w.endLine()
	}
}

// widget reads n when it is a part of a disclosure widget: a tab list
// (its labels kept to head the panes, not read as text), a tab panel (a
// section headed by its tab's label, read though hidden) or a button
// that shows a panel (the panel a section headed by the button's label,
// read at the button). It reports whether it read n.
func (w *htmlWalker) widget(n *html.Node, pre bool) bool {
	switch strings.ToLower(strings.TrimSpace(attr(n, "role"))) {
	case "tablist":
		// A page's tabs, not its navigation, whatever their classes.
		if tabs := readTabList(n); len(tabs) > 0 {
			w.tabs, w.panels = tabs, 0
			return true
		}
	case "tabpanel":
		if skippedElements[n.DataAtom] {
			return false
		}
		h := w.tabLabel(n, w.panels)
		w.panels++
		if h == "" || findFirst(n, func(m *html.Node) bool { return headingLevel(m.DataAtom) > 0 }) != nil {
			// Its own heading heads it.
			w.endLine()
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				w.walk(c, pre)
			}
			w.endLine()
			return true
		}
		w.walkPanel(n, h, pre)
		return true
	}
	if panel, h := disclosurePanel(n); panel != nil {
		if w.consumed == nil {
			w.consumed = map[*html.Node]bool{}
		}
		w.consumed[panel] = true
		w.walkPanel(panel, h, pre)
		return true
	}
	if panel, h := accordionPanel(n); panel != nil {
		if w.consumed == nil {
			w.consumed = map[*html.Node]bool{}
		}
		w.consumed[panel] = true
		w.walkPanel(panel, h, pre)
		return true
	}
	return false
}

// skipLink reports whether link n (an <a href>) jumps to a place of its
// own page from outside the page's main text, standing alone between
// elements: a skip link ("Direkt zum Inhalt", "Zur Navigation") or a
// link back to the top, part of the page's frame.
func (w *htmlWalker) skipLink(n *html.Node) bool {
	frag, ok := strings.CutPrefix(strings.TrimSpace(attr(n, "href")), "#")
	if !ok || frag == "" || inMainText(n) {
		return false
	}
	for _, s := range []*html.Node{n.PrevSibling, n.NextSibling} {
		if s != nil && s.Type == html.TextNode && strings.TrimSpace(s.Data) != "" {
			return false
		}
	}
	return w.byID(frag) != nil
}

// byID returns the element of the document whose id is id (or the
// anchor of that name), nil when there is none. The index is built once
// a page.
func (w *htmlWalker) byID(id string) *html.Node {
	if w.root == nil {
		return nil
	}
	if w.ids == nil {
		w.ids = map[string]*html.Node{}
		var rec func(*html.Node)
		rec = func(m *html.Node) {
			if m.Type == html.ElementNode {
				keys := []string{attr(m, "id")}
				if m.DataAtom == atom.A {
					keys = append(keys, attr(m, "name"))
				}
				for _, k := range keys {
					if _, seen := w.ids[k]; k != "" && !seen {
						w.ids[k] = m
					}
				}
			}
			for c := m.FirstChild; c != nil; c = c.NextSibling {
				rec(c)
			}
		}
		rec(w.root)
	}
	return w.ids[id]
}

// maxKickers is how many short lines may stand before a heading as its
// kicker; maxKickerLen is the longest.
const (
	maxKickers   = 2
	maxKickerLen = 80
)

// dateRE matches a date as pages write it: "03.12.2026", "2026-12-03",
// "3. Dezember 2026".
var dateRE = regexp.MustCompile(`\b\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\.\s+(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b`)

// takeKicker takes from the lines read so far those of a heading's
// kicker and returns them: the short lines of the elements before the
// heading h that open its parent, an item of one heading (a news
// teaser's meta line, "<time>01.02.2027</time> · Verkehr", before its
// <h2>), at least one of them dated. They belong to the heading's
// section, not to the end of the section before it.
func (w *htmlWalker) takeKicker(h *html.Node) []string {
	headings := 0
	for c := h.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && findFirst(c, func(m *html.Node) bool { return headingLevel(m.DataAtom) > 0 }) != nil {
			headings++
		}
	}
	if headings != 1 {
		return nil
	}
	var parts []string
	dated := false
	for c := h.Parent.FirstChild; c != nil && c != h; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if strings.TrimSpace(c.Data) != "" {
				return nil
			}
			continue
		case html.CommentNode:
			continue
		case html.ElementNode:
		default:
			return nil
		}
		if skipped(c) {
			continue
		}
		t := strings.TrimSpace(collapseSpace(textOf(c)))
		if t == "" {
			continue
		}
		if len(parts) == maxKickers || utf8.RuneCountInString(t) > maxKickerLen || headingLevel(c.DataAtom) > 0 ||
			findFirst(c, func(m *html.Node) bool { return headingLevel(m.DataAtom) > 0 }) != nil {
			return nil
		}
		if dateRE.MatchString(t) || findFirst(c, func(m *html.Node) bool { return m.DataAtom == atom.Time }) != nil {
			dated = true
		}
		parts = append(parts, t)
	}
	if !dated {
		return nil
	}
	// The lines they were read as end the lines read so far.
	want := strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
	for k := 1; k <= len(w.lines) && k <= maxKickers*2; k++ {
		tail := w.lines[len(w.lines)-k:]
		got := strings.Join(strings.Fields(strings.Join(tail, " ")), " ")
		if got == want {
			kicker := slices.Clone(tail)
			w.lines = w.lines[:len(w.lines)-k]
			return kicker
		}
		if len(got) > len(want) {
			break
		}
	}
	return nil
}

// walkSections reads a definition list whose terms head sections of
// their own ("<dt>Gebühren</dt><dd><ul>…</ul></dd>"): each term opens a
// section under the current heading, as a heading one level deeper would.
func (w *htmlWalker) walkSections(dl *html.Node, pre bool) {
	outer := w.heading
	for c := dl.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Dt {
			w.flush()
			w.heading = strings.Join(append(slices.Clip(w.stack), strings.TrimSpace(collapseSpace(textOf(c)))), " › ")
			continue
		}
		w.walk(c, pre)
	}
	w.flush()
	w.heading = outer
}

// detailsSummary returns the <summary> of a <details> element (an
// accordion's entry) and its text when that text can head a section:
// short, with letters, no heading element inside (that heads by itself).
func detailsSummary(n *html.Node) (*html.Node, string) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom != atom.Summary {
			continue
		}
		if findFirst(c, func(m *html.Node) bool { return headingLevel(m.DataAtom) > 0 }) != nil {
			return nil, ""
		}
		h := strings.TrimSpace(collapseSpace(textOf(c)))
		if countLetters(h) < 2 || len(strings.Fields(h)) > maxSummaryWords {
			return nil, ""
		}
		return c, h
	}
	return nil, ""
}

// maxSummaryWords is the longest <summary> that heads its entry: an
// accordion's question ("Kann jemand anderes die Bescheinigung für mich
// abholen?") is longer than a heading set in bold.
const maxSummaryWords = 16

// walkDetails reads an accordion's entry (<details>) as a section headed
// by its <summary>, one level below the heading it stands under, and
// returns to that heading after it.
func (w *htmlWalker) walkDetails(n, sum *html.Node, h string, pre bool) {
	w.endLine()
	depth, lvl := len(w.levels), 2
	if depth > 0 {
		lvl = w.levels[depth-1] + 1
	}
	w.openSection(lvl, h)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c != sum {
			w.walk(c, pre)
		}
	}
	w.endLine()
	w.flush()
	w.levels, w.stack = w.levels[:depth], w.stack[:depth]
	w.heading = strings.Join(w.stack, " › ")
}

// walkAside reads an article's contact card (<aside>) as a section of its
// own: headed by its heading, or else by its label or "Kontakt", one
// level below the heading it stands under; the text after it goes on
// under that heading.
func (w *htmlWalker) walkAside(n *html.Node, pre bool) {
	w.endLine()
	depth := len(w.levels)
	hd := findFirst(n, func(m *html.Node) bool { return headingLevel(m.DataAtom) > 0 })
	if hd != nil && hiddenBelow(n, hd) {
		// Its heading stands in an element the walk passes over (a
		// <header> outside the main text): it heads the card all
		// the same.
		if h := strings.TrimSpace(collapseSpace(textOfAll(hd))); h != "" {
			w.openSection(headingLevel(hd.DataAtom), h)
		}
	}
	if hd == nil {
		h := strings.TrimSpace(collapseSpace(attr(n, "aria-label")))
		if countLetters(h) < 2 || len(strings.Fields(h)) > maxHeadingWords {
			h = "Kontakt"
		}
		lvl := 2
		if depth > 0 {
			lvl = w.levels[depth-1] + 1
		}
		w.openSection(lvl, h)
	}
	stack, levels, heading := slices.Clone(w.stack), slices.Clone(w.levels), w.heading
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, pre)
	}
	w.endLine()
	w.flush()
	if len(stack) > depth {
		// The section the card opened itself ends with it.
		stack, levels = stack[:depth], levels[:depth]
		heading = strings.Join(stack, " › ")
	}
	w.stack, w.levels, w.heading = stack, levels, heading
}

// hiddenBelow reports whether m, below n, stands in an element the walk
// skips.
func hiddenBelow(n, m *html.Node) bool {
	for p := m; p != nil && p != n; p = p.Parent {
		if skipped(p) {
			return true
		}
	}
	return false
}

// maxContactBox is the most letters a box of contact data beside the
// main text may hold: a person's or an office's name, room, phone,
// e-mail and hours, not a column of text.
const maxContactBox = 600

// sideContacts returns the contact boxes that stand beside the page's
// main text body, in the columns next to it (a TYPO3 page's side column,
// an <aside> or a role="complementary" region): a box headed by a
// heading of its own ("Ansprechpartnerin", "Kontakt") that holds contact
// data (contactData) and little else. The page's banner, navigation,
// search and footer are passed over, and so is a box without a heading
// (the site's address in a sidebar).
func sideContacts(body *html.Node) []*html.Node {
	if body.DataAtom == atom.Body {
		return nil
	}
	var out []*html.Node
	for a := body; a.Parent != nil && a.Parent.DataAtom != atom.Html; a = a.Parent {
		for s := a.Parent.FirstChild; s != nil; s = s.NextSibling {
			if s != a {
				out = append(out, contactBoxes(s, 0)...)
			}
		}
	}
	return out
}

// maxContactDepth bounds how deep below a column a contact box is sought.
const maxContactDepth = 12

// contactBoxes returns the smallest elements below n, n included, that
// hold contact data under one heading (sideContacts), at most
// maxContactDepth levels below the column.
func contactBoxes(n *html.Node, depth int) []*html.Node {
	if n.Type != html.ElementNode || depth > maxContactDepth || sideFrame(n) || !contactData(n) {
		return nil
	}
	headings := 0
	var rec func(*html.Node)
	rec = func(m *html.Node) {
		if headingLevel(m.DataAtom) > 0 {
			headings++
		}
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	if headings == 0 {
		return nil
	}
	if headings == 1 {
		if countLetters(textOfAll(n)) > maxContactBox {
			return nil
		}
		return []*html.Node{n}
	}
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, contactBoxes(c, depth+1)...)
	}
	return out
}

// sideFrame reports whether n, beside the main text, is the page's frame
// rather than a complementary region: its banner, navigation, search,
// forms or footer, by element, landmark role or class names, or hidden.
// A sidebar is complementary, not frame.
func sideFrame(n *html.Node) bool {
	if n.DataAtom != atom.Aside && skippedElements[n.DataAtom] || attr(n, "aria-hidden") == "true" || hiddenAttr(n) {
		return true
	}
	if role := strings.ToLower(attr(n, "role")); chromeRoles[role] && role != "complementary" {
		return true
	}
	for _, a := range n.Attr {
		if (a.Key == "class" || a.Key == "id") && hasToken(a.Val, frameTokens) {
			return true
		}
	}
	return false
}

// frameTokens are chromeTokens but the names of a sidebar.
var frameTokens = func() map[string]bool {
	m := map[string]bool{}
	for k := range chromeTokens {
		if k != "sidebar" && k != "seitenleiste" {
			m[k] = true
		}
	}
	return m
}()

// maxTermLen is the longest definition term that can head a section.
const maxTermLen = 60

// minSectionDefinition is the length of a definition long enough to be a
// section's text rather than the value of a label ("Telefon: …").
const minSectionDefinition = 80

// dlOfSections reports whether the definition list dl is a page's outline
// rather than a list of short labelled values: every term is short, and
// some definition holds lists, paragraphs or a long text.
func dlOfSections(dl *html.Node) bool {
	long := false
	for c := dl.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Dt:
			if utf8.RuneCountInString(strings.TrimSpace(collapseSpace(textOf(c)))) > maxTermLen {
				return false
			}
		case atom.Dd:
			if utf8.RuneCountInString(strings.TrimSpace(collapseSpace(textOf(c)))) >= minSectionDefinition ||
				findFirst(c, func(m *html.Node) bool {
					return m != c && (m.DataAtom == atom.Ul || m.DataAtom == atom.Ol || m.DataAtom == atom.P || m.DataAtom == atom.Table)
				}) != nil {
				long = true
			}
		}
	}
	return long
}

func findFirst(n *html.Node, pred func(*html.Node) bool) *html.Node {
	if n.Type == html.ElementNode && pred(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findFirst(c, pred); f != nil {
			return f
		}
	}
	return nil
}

func textOf(n *html.Node) string { return textBelow(n, skipped) }

// textOfAll returns all text below n, skipped elements included.
func textOfAll(n *html.Node) string {
	return textBelow(n, func(*html.Node) bool { return false })
}

// textBelow returns the text below n, leaving out the elements skip
// reports.
func textBelow(n *html.Node, skip func(*html.Node) bool) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.ElementNode && skip(n) {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.DataAtom == atom.Br {
			// "Satzung …<br>vom 9. Mai": two words, not one.
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// collapseSpace replaces runs of white space by one blank, keeping a
// leading and trailing blank if there was one, so that inline elements keep
// their word boundaries.
func collapseSpace(s string) string {
	if s == "" {
		return s
	}
	f := strings.Fields(s)
	out := strings.Join(f, " ")
	if len(f) == 0 {
		return " "
	}
	if isSpaceByte(s[0]) {
		out = " " + out
	}
	if isSpaceByte(s[len(s)-1]) {
		out += " "
	}
	return out
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// maxFAQEntries bounds the questions read from a page's structured data.
const maxFAQEntries = 200

// faqJSONLD returns the questions and answers a page states in its
// structured data (a schema.org FAQPage in <script type="application/ld+
// json">) and not in its visible text, one section per question: search
// engines show them, so the town's editors put answers there that the
// page itself may leave out. Markup in answers is dropped; anything that
// is not a FAQPage is ignored.
func faqJSONLD(root *html.Node, visible string) []Section {
	seen := strings.Join(strings.Fields(visible), " ")
	var out []Section
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Script {
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
				var v any
				if json.Unmarshal([]byte(n.FirstChild.Data), &v) == nil {
					for _, qa := range faqEntries(v, 0) {
						if len(out) >= maxFAQEntries {
							return
						}
						if strings.Contains(seen, strings.Join(strings.Fields(qa[1]), " ")) {
							continue // the page shows it already
						}
						out = append(out, Section{Heading: qa[0], Facet: FacetFAQ, Text: qa[1]})
					}
				}
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(root)
	return out
}

// faqEntries returns the (question, answer) pairs of the schema.org
// Question objects in v: a FAQPage's mainEntity, also inside an @graph
// or a list of objects.
func faqEntries(v any, depth int) [][2]string {
	if depth > maxRecordDepth {
		return nil
	}
	switch v := v.(type) {
	case []any:
		var out [][2]string
		for _, e := range v {
			out = append(out, faqEntries(e, depth+1)...)
		}
		return out
	case map[string]any:
		if isType(v["@type"], "Question") {
			q, _ := v["name"].(string)
			var a string
			if ans, ok := v["acceptedAnswer"].(map[string]any); ok {
				a, _ = ans["text"].(string)
			}
			q, a = strings.TrimSpace(stripTags(q)), strings.TrimSpace(stripTags(a))
			if q != "" && a != "" {
				return [][2]string{{q, a}}
			}
			return nil
		}
		var out [][2]string
		for _, k := range []string{"@graph", "mainEntity"} {
			if e, ok := v[k]; ok {
				out = append(out, faqEntries(e, depth+1)...)
			}
		}
		return out
	}
	return nil
}

// isType reports whether a JSON-LD @type value (a string or a list) is t.
func isType(v any, t string) bool {
	switch v := v.(type) {
	case string:
		return v == t
	case []any:
		for _, e := range v {
			if s, ok := e.(string); ok && s == t {
				return true
			}
		}
	}
	return false
}

// stripTags returns the text of an HTML fragment.
func stripTags(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return s
	}
	var b strings.Builder
	for _, n := range nodes {
		b.WriteString(textOf(n))
		b.WriteByte(' ')
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
