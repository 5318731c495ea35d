// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Bounds of the block editor's markup: the comment of a dynamic block
// read, the blocks read and the lines one gives.
const (
	maxBlockComment = 256 << 10
	maxBlocks       = 2000
	maxBlockLines   = 500
	maxBlockDepth   = 8
)

// blockCommentRE matches a self-closing block comment of WordPress's block
// editor, " wp:namespace/name {attributes} /": a dynamic block, which
// saves no HTML, only its attributes.
var blockCommentRE = regexp.MustCompile(`^\s*wp:[a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?\s+(\{.*\})\s*/\s*$`)

// repeaterKeyRE matches a field key of a repeated row ("zeilen_0_preis",
// "rows_12_label"): the repeater's name, the row, the field.
var repeaterKeyRE = regexp.MustCompile(`^(.+)_(\d+)_([^_].*)$`)

// wpShortcodeRE matches an unrendered shortcode in square brackets with
// attributes ("[contact-form-7 id="3" title="Anfrage"]") or a closing
// one ("[/gallery]").
var wpShortcodeRE = regexp.MustCompile(`\[(?:[a-z][a-z0-9_-]*(?:\s+[a-z][a-z0-9_-]*=(?:"[^"\]]*"|'[^'\]]*'|[^\s\]"']+))+\s*/?|/[a-z][a-z0-9_-]*)\]`)

// gutenbergBlocks reads what the block editor's markup keeps outside
// its HTML: a self-closing block comment ("<!-- wp:acf/prices {"data":
// {…}} /-->", a dynamic block) becomes a paragraph per text value of its
// attributes where it stands (repeated rows "name_N_field" a line each
// with their values parted by ": "); keys beginning with "_" (a field's
// key), values without a blank (ids, class names, field keys, flags)
// and numbers are left out. Unrendered shortcodes with attributes
// ("[contact-form-7 id="318" …]") are removed from the text.
func gutenbergBlocks(root *html.Node) {
	var comments, texts []*html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		switch n.Type {
		case html.CommentNode:
			if len(comments) < maxBlocks && len(n.Data) <= maxBlockComment && strings.HasPrefix(strings.TrimSpace(n.Data), "wp:") {
				comments = append(comments, n)
			}
		case html.TextNode:
			if strings.Contains(n.Data, "[") {
				texts = append(texts, n)
			}
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(root)
	if len(comments) == 0 {
		return
	}
	for _, t := range texts {
		t.Data = wpShortcodeRE.ReplaceAllString(t.Data, "")
	}
	for _, c := range comments {
		m := blockCommentRE.FindStringSubmatch(c.Data)
		if m == nil || c.Parent == nil {
			continue
		}
		lines := blockLines([]byte(m[1]))
		if len(lines) == 0 {
			continue
		}
		div := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
		for _, l := range lines {
			p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
			p.AppendChild(&html.Node{Type: html.TextNode, Data: l})
			div.AppendChild(p)
		}
		c.Parent.InsertBefore(div, c)
		c.Parent.RemoveChild(c)
	}
}

// blockLines returns the text values of a block's attributes in their
// order, repeated rows joined to a line each.
func blockLines(data []byte) []string {
	var pairs [][2]string
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var walk func(key string, depth int) bool
	walk = func(key string, depth int) bool {
		tok, err := dec.Token()
		if err != nil || depth > maxBlockDepth || len(pairs) >= maxBlockLines {
			return false
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{':
				for dec.More() {
					kt, err := dec.Token()
					if err != nil {
						return false
					}
					k, _ := kt.(string)
					if !walk(k, depth+1) {
						return false
					}
				}
				_, err = dec.Token()
				return err == nil
			case '[':
				for dec.More() {
					if !walk(key, depth+1) {
						return false
					}
				}
				_, err = dec.Token()
				return err == nil
			}
		case string:
			if !strings.HasPrefix(key, "_") && strings.ContainsAny(strings.TrimSpace(t), " \n") {
				if s := islandString(t); s != "" {
					pairs = append(pairs, [2]string{key, s})
				}
			}
		}
		return true
	}
	walk("", 0)
	var lines []string
	rowAt := map[string]int{} // repeater and row → index of its line
	for _, p := range pairs {
		if m := repeaterKeyRE.FindStringSubmatch(p[0]); m != nil {
			row := m[1] + "\x00" + m[2]
			if i, ok := rowAt[row]; ok {
				lines[i] += ": " + p[1]
				continue
			}
			rowAt[row] = len(lines)
			lines = append(lines, p[1])
			continue
		}
		lines = append(lines, p[1])
	}
	for _, i := range rowAt {
		lines[i] = fmt.Sprintf("- %s", lines[i])
	}
	return lines
}

// bannerAtTop reports whether n, an element whose class or id calls it a
// page's head ("header", "kopf"), stands at the top of the page: no text
// of the page precedes it but that of its frame (navigation, skip links
// and the like by their class). An accordion's "header" after the page's
// text is a part of its widget, not the page's banner. Visits at most
// maxBannerNodes nodes; past them n is taken as below text.
func bannerAtTop(n *html.Node) bool {
	letters, visited := 0, 0
	var count func(*html.Node) bool
	count = func(m *html.Node) bool {
		visited++
		if visited > maxBannerNodes {
			return false
		}
		switch m.Type {
		case html.TextNode:
			letters += countLetters(m.Data)
			return letters <= maxBannerLetters
		case html.ElementNode:
			if skippedElements[m.DataAtom] || chromeRoles[strings.ToLower(attr(m, "role"))] || hasChromeToken(attr(m, "class")) || hasChromeToken(attr(m, "id")) {
				return true
			}
		}
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			if !count(c) {
				return false
			}
		}
		return true
	}
	for x := n; x != nil && x.DataAtom != atom.Body; x = x.Parent {
		for s := x.PrevSibling; s != nil; s = s.PrevSibling {
			if !count(s) {
				return false
			}
		}
	}
	return true
}

// Bounds of bannerAtTop: the letters of text allowed before a page's
// head (a logo's name, a language switch) and the nodes visited.
const (
	maxBannerLetters = 80
	maxBannerNodes   = 5000
)

// headTokens are the words of weakChromeTokens that call an element a
// page's head, which stands at its top (bannerAtTop).
var headTokens = map[string]bool{"header": true, "kopf": true, "kopfbereich": true}

// accordionTokens are the words of class names that mark an accordion's
// parts ("kt-accordion-pane", "collapse", "toggle-item").
var accordionTokens = map[string]bool{
	"accordion": true, "accordeon": true, "akkordeon": true, "collapse": true, "collapsible": true,
	"toggle": true, "toggler": true, "expand": true, "expander": true, "faq": true, "pane": true,
}

// accordionPanel returns the pane a plain <button> of an accordion
// opens and its label, or nil: a button without ARIA state (a page
// builder's accordion sets it by script) that is, or stands within
// three levels of, an element whose class names an accordion's part,
// with a short label of letters; its pane is the element right after it
// or after the wrappers that hold only it, and holds text. Another
// element is asked as a toggler (togglerPanel).
func accordionPanel(btn *html.Node) (*html.Node, string) {
	if btn.Type == html.ElementNode && btn.DataAtom != atom.Button {
		return togglerPanel(btn)
	}
	if btn.Type != html.ElementNode || btn.DataAtom != atom.Button || disclosureButton(btn) || strings.EqualFold(attr(btn, "type"), "submit") {
		return nil, ""
	}
	marked := false
	p := btn
	for i := 0; i < 4 && p != nil && !marked; i, p = i+1, p.Parent {
		marked = p.Type == html.ElementNode && hasToken(attr(p, "class"), accordionTokens)
	}
	if !marked {
		return nil, ""
	}
	h, ok := accordionLabel(btn)
	if !ok {
		return nil, ""
	}
	at := btn
	for i := 0; i < 3; i++ {
		next := nextElement(at)
		if next != nil {
			if next.DataAtom == atom.Button || headingLevel(next.DataAtom) > 0 || countLetters(textOfAll(next)) == 0 {
				return nil, ""
			}
			return next, h
		}
		if at.Parent == nil || countLetters(textOfAll(at.Parent)) != countLetters(textOfAll(btn)) {
			return nil, ""
		}
		at = at.Parent
	}
	return nil, ""
}

// accordionLabel returns the text of an accordion's head n when it can
// label a section: n stands in no heading and no form, and its text is a
// short label with letters.
func accordionLabel(n *html.Node) (string, bool) {
	for p := n.Parent; p != nil; p = p.Parent {
		if headingLevel(p.DataAtom) > 0 || p.DataAtom == atom.Form {
			return "", false
		}
	}
	h := strings.TrimSpace(collapseSpace(textOfAll(n)))
	if countLetters(h) < 2 || len(strings.Fields(h)) > maxSummaryWords {
		return "", false
	}
	return h, true
}

// nextElement returns the element after n among its siblings; nil when
// text stands between them or there is none.
func nextElement(n *html.Node) *html.Node {
	for c := n.NextSibling; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return nil
		}
		if c.Type == html.ElementNode {
			return c
		}
	}
	return nil
}

// togglerTokens are the words of class names that call an element other
// than a button the head an accordion's script makes clickable
// (Contao's <div class="toggler">, "accordion-toggle", "js-trigger").
var togglerTokens = map[string]bool{"toggler": true, "toggle": true, "trigger": true}

// togglerPanel returns the pane a scripted accordion's head n opens and
// its label, or nil: n is no heading and stands in none, its class names
// it a toggler, its text is a short label of letters, and the element
// right after it (no text between) has a class that names an accordion's
// part and holds text.
func togglerPanel(n *html.Node) (*html.Node, string) {
	if headingLevel(n.DataAtom) > 0 || skippedElements[n.DataAtom] || !hasToken(attr(n, "class"), togglerTokens) {
		return nil, ""
	}
	h, ok := accordionLabel(n)
	if !ok {
		return nil, ""
	}
	next := nextElement(n)
	if next == nil || headingLevel(next.DataAtom) > 0 || next.DataAtom == atom.Button || hasToken(attr(next, "class"), togglerTokens) ||
		!hasToken(attr(next, "class"), accordionTokens) || countLetters(textOfAll(next)) == 0 {
		return nil, ""
	}
	return next, h
}
