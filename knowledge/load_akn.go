// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"strings"
)

// Bounds of a mixed-content XML document read as a whole (Akoma Ntoso,
// Confluence's storage format): its elements and their depth.
const (
	maxMixedElements = 50_000
	maxMixedDepth    = 64
)

// mixedNode is an element of an XML document with its text where it
// stands: a text node has only text, an element its local name, its
// prefix, its attributes and its children in order.
type mixedNode struct {
	name, space string
	text        string
	attrs       []xml.Attr
	kids        []*mixedNode
}

// decodeMixed reads data into a tree of elements and text, bounded in
// depth and element count; its root holds the top-level nodes (a
// fragment may have several). Prefixes without a declared namespace are
// kept as they stand ("ac:link"); no entity or DTD is resolved.
func decodeMixed(data []byte) (*mixedNode, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = charsetReader
	root := &mixedNode{}
	stack := []*mixedNode{root}
	deep, n := 0, 0
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fileErrorf(err, "XML beschädigt")
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if n++; n > maxMixedElements {
				return nil, fileErrorf(nil, "XML mit zu vielen Elementen (mehr als %d)", maxMixedElements)
			}
			if deep > 0 || len(stack) > maxMixedDepth {
				deep++
				continue
			}
			e := &mixedNode{name: t.Name.Local, space: t.Name.Space, attrs: t.Attr}
			p := stack[len(stack)-1]
			p.kids = append(p.kids, e)
			stack = append(stack, e)
		case xml.EndElement:
			if deep > 0 {
				deep--
				continue
			}
			// Close up to the element named (a fragment's unclosed
			// elements end with their parent).
			for i := len(stack) - 1; i > 0; i-- {
				if stack[i].name == t.Name.Local {
					stack = stack[:i]
					break
				}
			}
		case xml.CharData:
			if deep == 0 {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, &mixedNode{text: string(t)})
			}
		}
	}
	return root, nil
}

// mixedText returns the text below n, its parts parted by blanks where
// elements meet.
func mixedText(n *mixedNode) string {
	var b strings.Builder
	var rec func(*mixedNode)
	rec = func(m *mixedNode) {
		if m.name == "" {
			b.WriteString(m.text)
			return
		}
		for _, k := range m.kids {
			rec(k)
		}
	}
	rec(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// akomaNtosoRoot reports whether data's first element is Akoma Ntoso's
// root (akomaNtoso, in any namespace or prefix: LegalDocML.de and
// others).
func akomaNtosoRoot(data []byte) bool {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	dec.CharsetReader = charsetReader
	for range 200 {
		tok, err := dec.RawToken()
		if err != nil {
			return false
		}
		if t, ok := tok.(xml.StartElement); ok {
			return strings.EqualFold(t.Name.Local, "akomaNtoso")
		}
	}
	return false
}

// aknHierarchy are Akoma Ntoso's containers with a number and a
// heading, each a section one level below the one it stands in.
var aknHierarchy = map[string]bool{
	"article": true, "section": true, "chapter": true, "part": true, "title": true, "book": true,
	"subsection": true, "subchapter": true, "subpart": true, "division": true, "rule": true,
}

// aknSkipped are Akoma Ntoso's elements of metadata and markup that hold
// no text for a reader.
var aknSkipped = map[string]bool{
	"meta": true, "marker": true, "eol": true, "eop": true, "img": true, "componentRef": true, "noteRef": true,
}

// parseAkomaNtoso reads a bylaw or law in Akoma Ntoso XML (LegalDocML.de
// among others): docTitle and shortTitle the title, the preface's and
// preamble's text (date, formula) lines of the intro; each article (and
// chapter, section …) a section headed by its num and heading ("§ 4
// Befreiungen"); each paragraph a paragraph led by its num ("(1)"); a
// list its intro followed by its points with their numbers; the
// conclusions as text; each attachment a section headed by its preface,
// its tables rows of cells. Metadata (FRBR, lifecycle), eIds, GUIDs and
// markers are left out. It is rendered as HTML and read by the HTML
// rules.
func parseAkomaNtoso(data []byte) (parsedDoc, error) {
	root, err := decodeMixed(data)
	if err != nil {
		return parsedDoc{}, err
	}
	r := &aknRenderer{}
	r.b.WriteString("<html><body><main>")
	for _, k := range root.kids {
		r.node(k, 1, "")
	}
	r.b.WriteString("</main></body></html>")
	return parseHTML([]byte(r.b.String()))
}

// aknRenderer writes an Akoma Ntoso tree as HTML.
type aknRenderer struct {
	b     strings.Builder
	title bool                // the title was written
	done  map[*mixedNode]bool // nodes written before their place (an attachment's preface)
}

// node writes n at heading level lvl; prefix ("(1)") leads the first
// block of text written below it.
func (r *aknRenderer) node(n *mixedNode, lvl int, prefix string) string {
	if n.name == "" || r.done[n] {
		return prefix
	}
	name := n.name
	switch {
	case aknSkipped[name]:
		return prefix
	case name == "longTitle" || name == "docTitle" && !r.title:
		r.title = true
		fmt.Fprintf(&r.b, "<h1>%s</h1>", html.EscapeString(mixedText(n)))
		return prefix
	case aknHierarchy[name]:
		var head []string
		for _, k := range n.kids {
			if k.name == "num" || k.name == "heading" || k.name == "subheading" {
				if t := mixedText(k); t != "" {
					head = append(head, t)
				}
			}
		}
		l := min(lvl+1, 6)
		if len(head) > 0 {
			fmt.Fprintf(&r.b, "<h%d>%s</h%d>", l, html.EscapeString(strings.Join(head, " ")), l)
		}
		for _, k := range n.kids {
			if k.name != "num" && k.name != "heading" && k.name != "subheading" {
				r.node(k, l, "")
			}
		}
		return prefix
	case name == "attachment":
		// Its preface heads it.
		var head string
		if pf := findMixed(n, "preface", 3); pf != nil {
			head = mixedText(pf)
			if r.done == nil {
				r.done = map[*mixedNode]bool{}
			}
			r.done[pf] = true
		}
		l := min(lvl+1, 6)
		if head != "" {
			fmt.Fprintf(&r.b, "<h%d>%s</h%d>", l, html.EscapeString(head), l)
		}
		r.children(n, l, "")
		return prefix
	case name == "paragraph" || name == "subparagraph" || name == "point" || name == "indent" || name == "alinea" || name == "level":
		p := prefix
		for _, k := range n.kids {
			if k.name == "num" {
				if t := mixedText(k); t != "" {
					p = strings.TrimSpace(p + " " + t)
				}
			}
		}
		if (name == "point" || name == "indent" || name == "alinea") && findMixed(n, "list", 4) == nil && findMixed(n, "table", 4) == nil {
			var parts []string
			for _, k := range n.kids {
				if k.name != "num" && !aknSkipped[k.name] {
					if t := mixedText(k); t != "" || k.name == "" && strings.TrimSpace(k.text) != "" {
						parts = append(parts, strings.TrimSpace(k.text+t))
					}
				}
			}
			fmt.Fprintf(&r.b, "<li>%s</li>", html.EscapeString(strings.TrimSpace(p+" "+strings.Join(parts, " "))))
			return prefix
		}
		if name == "point" || name == "indent" || name == "alinea" {
			r.b.WriteString("<li>")
			p = r.blocks(n, lvl, p)
			if p != "" {
				r.b.WriteString(html.EscapeString(p))
			}
			r.b.WriteString("</li>")
			return prefix
		}
		r.blocks(n, lvl, p)
		return ""
	case name == "list" || name == "blockList":
		p := prefix
		for _, k := range n.kids {
			if k.name == "intro" || k.name == "listIntroduction" {
				p = r.text(k, p)
			}
		}
		r.b.WriteString("<ul>")
		for _, k := range n.kids {
			if k.name != "intro" && k.name != "listIntroduction" && k.name != "wrapUp" && k.name != "listWrapUp" {
				if k.name == "item" {
					r.b.WriteString("<li>")
					r.blocks(k, lvl, "")
					r.b.WriteString("</li>")
					continue
				}
				r.node(k, lvl, "")
			}
		}
		r.b.WriteString("</ul>")
		for _, k := range n.kids {
			if k.name == "wrapUp" || k.name == "listWrapUp" {
				p = r.text(k, p)
			}
		}
		return p
	case name == "table":
		r.b.WriteString("<table>")
		for _, tr := range n.kids {
			if tr.name != "tr" {
				continue
			}
			r.b.WriteString("<tr>")
			for _, c := range tr.kids {
				if c.name == "th" || c.name == "td" {
					fmt.Fprintf(&r.b, "<%s>%s</%s>", c.name, html.EscapeString(mixedText(c)), c.name)
				}
			}
			r.b.WriteString("</tr>")
		}
		r.b.WriteString("</table>")
		return prefix
	case name == "p" || name == "intro" || name == "wrapUp" || name == "heading" || name == "num" || name == "tblock" || name == "blockContainer" && !hasBlocks(n):
		return r.text(n, prefix)
	}
	// A container: its children.
	return r.blocks(n, lvl, prefix)
}

// children writes n's children but those named skip.
func (r *aknRenderer) children(n *mixedNode, lvl int, skip string) {
	for _, k := range n.kids {
		if k.name != skip {
			r.node(k, lvl, "")
		}
	}
}

// blocks writes n's children but its num, the first block led by prefix;
// it returns prefix when no block took it.
func (r *aknRenderer) blocks(n *mixedNode, lvl int, prefix string) string {
	for _, k := range n.kids {
		if k.name == "num" {
			continue
		}
		if k.name == "" {
			if strings.TrimSpace(k.text) != "" {
				prefix = r.text(k, prefix)
			}
			continue
		}
		prefix = r.node(k, lvl, prefix)
	}
	return prefix
}

// text writes n's text as a paragraph led by prefix and returns "" (the
// prefix is taken); an empty text leaves prefix for the next block.
func (r *aknRenderer) text(n *mixedNode, prefix string) string {
	t := mixedText(n)
	if n.name == "" {
		t = strings.Join(strings.Fields(n.text), " ")
	}
	if t == "" {
		return prefix
	}
	if prefix != "" {
		t = prefix + " " + t
	}
	fmt.Fprintf(&r.b, "<p>%s</p>", html.EscapeString(t))
	return ""
}

// hasBlocks reports whether n has children that are blocks of their own.
func hasBlocks(n *mixedNode) bool {
	for _, k := range n.kids {
		if k.name == "p" || k.name == "list" || k.name == "blockList" || k.name == "table" {
			return true
		}
	}
	return false
}

// findMixed returns the first element named name below n, at most depth
// levels down.
func findMixed(n *mixedNode, name string, depth int) *mixedNode {
	if depth < 0 {
		return nil
	}
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
		if f := findMixed(k, name, depth-1); f != nil {
			return f
		}
	}
	return nil
}
