// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// Bounds of an XML document read as a record (parseXMLRecords).
const (
	maxXMLDepth    = 32     // deeper elements are not read
	maxXMLElements = 50_000 // a document with more is refused
)

// xmlNode is an element of an XML document as parseXMLRecords reads it:
// its local name, its text and its child elements in order.
type xmlNode struct {
	name     string
	html     bool // the text is escaped HTML (format="text/html")
	text     strings.Builder
	children []*xmlNode
}

// errNotFeed marks XML that is neither RSS nor Atom.
var errNotFeed = errors.New("kein RSS- oder Atom-Feed")

// parseXMLRecords reads an XML document that is not a feed as the record
// it describes, the way parseRecordJSON reads a JSON record: elements are
// keys, repeated elements lists, leaves values. A service catalogue's
// export (XZuFi and its likes) wraps its record in a transfer element
// with a message header: header elements ("nachrichtenkopf", "header")
// are left out, wrappers of one record are stepped into, and a wrapper of
// several records gives a document each. Identifiers, codes and
// timestamps (a leaf whose text is one token holding a digit, outside an
// address) are metadata and left out; escaped HTML is reduced to text.
// Attributes are not read; no DTD or external entity is resolved
// (encoding/xml does neither), and depth and element count are bounded.
func parseXMLRecords(data []byte) ([]parsedDoc, error) {
	root, err := decodeXMLTree(data)
	if err != nil {
		return nil, err
	}
	v, keys := xmlValue(root, 0)
	for depth := 0; depth < maxXMLDepth; depth++ {
		m, ok := v.(map[string]any)
		if !ok {
			break
		}
		if titled(m, keys) {
			pd, err := recordDoc(m, keys)
			if err != nil {
				return nil, err
			}
			return []parsedDoc{pd}, nil
		}
		if len(keys) != 1 {
			break
		}
		// A wrapper: one element around the record or its list.
		node := findXMLChild(root, keys[0])
		if node == nil {
			break
		}
		if _, ok := m[keys[0]].([]any); ok && len(node.children) > 1 && sameNames(node.children) {
			return xmlRecordList(node)
		}
		root = node
		v, keys = xmlValue(root, depth+1)
	}
	if m, ok := v.([]any); ok && len(m) > 0 && len(root.children) > 1 && sameNames(root.children) {
		return xmlRecordList(root)
	}
	return nil, errNoRecord
}

// xmlRecordList makes a document of every titled record among the
// children of a wrapper of several records.
func xmlRecordList(wrapper *xmlNode) ([]parsedDoc, error) {
	var out []parsedDoc
	used := map[string]bool{}
	for _, c := range wrapper.children {
		v, keys := xmlValue(c, 1)
		m, ok := v.(map[string]any)
		if !ok || !titled(m, keys) {
			continue
		}
		pd, err := recordDoc(m, keys)
		if err != nil {
			continue
		}
		base := slugify(pd.title)
		slug := base
		for n := 2; used[slug]; n++ {
			slug = base + "-" + strconv.Itoa(n)
		}
		used[slug] = true
		pd.subID = slug
		out = append(out, pd)
	}
	if len(out) == 0 {
		return nil, errNoRecord
	}
	return out, nil
}

var errNoRecord = fileErrorf(nil, "XML ist kein RSS- oder Atom-Feed und kein Datensatz mit Titel (name, titel, bezeichnung …)")

// titled reports whether a record has a title key with text.
func titled(m map[string]any, keys []string) bool {
	for _, k := range keys {
		for _, n := range recordKeys.title {
			if recordKey(k) == n {
				if s, ok := m[k].(string); ok && strings.TrimSpace(s) != "" {
					return true
				}
			}
		}
	}
	return false
}

func findXMLChild(n *xmlNode, name string) *xmlNode {
	for _, c := range n.children {
		if c.name == name {
			return c
		}
	}
	return nil
}

// decodeXMLTree reads data into a tree of elements, bounded in depth and
// element count.
func decodeXMLTree(data []byte) (*xmlNode, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = charsetReader
	var (
		root  *xmlNode
		stack []*xmlNode
		deep  int // open elements below maxXMLDepth, not read
		n     int
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fileErrorf(err, "XML beschädigt")
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if n++; n > maxXMLElements {
				return nil, fileErrorf(nil, "XML mit zu vielen Elementen (mehr als %d)", maxXMLElements)
			}
			if deep > 0 || len(stack) >= maxXMLDepth {
				deep++
				continue
			}
			e := &xmlNode{name: t.Name.Local}
			f := strings.ToLower(xmlAttr(t, "format") + xmlAttr(t, "type") + xmlAttr(t, "mimeType"))
			e.html = strings.Contains(f, "html")
			if len(stack) == 0 {
				if root != nil {
					continue
				}
				root = e
			} else {
				p := stack[len(stack)-1]
				p.children = append(p.children, e)
			}
			stack = append(stack, e)
		case xml.EndElement:
			if deep > 0 {
				deep--
				continue
			}
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if deep == 0 && len(stack) > 0 {
				stack[len(stack)-1].text.Write(t)
			}
		}
	}
	if root == nil {
		return nil, fileErrorf(nil, "XML ohne Element")
	}
	return root, nil
}

// xmlValue turns an element into the value a JSON record would hold: a
// leaf its text (nil for metadata), an element of one repeated child name
// a list, any other element a map with its keys in order. An element
// left with one value is that value.
func xmlValue(n *xmlNode, depth int) (any, []string) {
	if depth > maxXMLDepth {
		return nil, nil
	}
	if len(n.children) == 0 {
		s := strings.TrimSpace(n.text.String())
		if n.html || looksHTML(s) {
			s = htmlToText(s)
		}
		if s == "" {
			return nil, nil
		}
		return s, nil
	}
	if len(n.children) > 1 && sameNames(n.children) {
		var list []any
		for _, c := range n.children {
			if v, _ := xmlValue(c, depth+1); v != nil {
				list = append(list, v)
			}
		}
		if len(list) == 0 {
			return nil, nil
		}
		return list, nil
	}
	m := map[string]any{}
	var keys []string
	var repeated map[string]bool
	for _, c := range n.children {
		if headerElement(c.name) || metaKey(c.name) {
			continue
		}
		v, _ := xmlValue(c, depth+1)
		if v == nil {
			continue
		}
		if s, ok := v.(string); ok && codeValue(s) && !valueKey(c.name) {
			continue
		}
		prev, seen := m[c.name]
		switch {
		case !seen:
			keys = append(keys, c.name)
			m[c.name] = v
		case repeated[c.name]:
			m[c.name] = append(prev.([]any), v)
		default:
			if repeated == nil {
				repeated = map[string]bool{}
			}
			repeated[c.name] = true
			m[c.name] = []any{prev, v}
		}
	}
	if len(keys) == 0 {
		return nil, nil
	}
	if len(keys) == 1 {
		// {"kostenposition": {"beschreibung": "…"}} reads as its text.
		if _, isMap := m[keys[0]].(map[string]any); !isMap {
			return m[keys[0]], nil
		}
	}
	return m, keys
}

// valueKey reports whether an element holds a value that is read even
// when it is one token with a digit: a part of an address, a date the
// record is dated by, a link, a phone or fax number.
func valueKey(name string) bool {
	if allAddressKeys([]string{name}) {
		return true
	}
	n := recordKey(name)
	for _, l := range [][]string{recordKeys.updated, recordKeys.url, {"telefon", "telephone", "phone", "tel", "fax", "telefax", "mobil", "email", "mail"}} {
		for _, k := range l {
			if n == k {
				return true
			}
		}
	}
	return false
}

// sameNames reports whether all elements have one name.
func sameNames(ns []*xmlNode) bool {
	for _, c := range ns[1:] {
		if c.name != ns[0].name {
			return false
		}
	}
	return true
}

// headerElement reports whether an element's name marks a message's or
// document's header, whose content is metadata: "nachrichtenkopf",
// "header", "head", "metadata".
func headerElement(name string) bool {
	n := recordKey(name)
	return strings.HasSuffix(n, "kopf") || strings.HasSuffix(n, "header") || n == "head" || n == "meta" || n == "metadata"
}

// codeValue reports whether a leaf's text is an identifier, code, number
// or timestamp rather than text: one token holding a digit
// ("TH-L-000417", "2026-10-28", "13.00", "2/3").
func codeValue(s string) bool {
	if strings.ContainsFunc(s, unicode.IsSpace) {
		return false
	}
	return strings.ContainsFunc(s, unicode.IsDigit)
}
