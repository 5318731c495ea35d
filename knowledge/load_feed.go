// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/musterstadt/lotse/knowledge/german"
	"golang.org/x/net/html"
)

// parseFeed reads an RSS 2.0 or Atom feed. Every item or entry becomes a
// notice document "<path>/<slug>" with its own date and link; HTML in
// descriptions is reduced to text. Other XML files are refused with
// errNotFeed (parseFile reads them as records, parseXMLRecords).
func parseFeed(data []byte) ([]parsedDoc, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	dec.CharsetReader = charsetReader
	var rootName string
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil, fileErrorf(err, "XML beschädigt")
		}
		if se, ok := tok.(xml.StartElement); ok {
			rootName = se.Name.Local
			break
		}
	}
	switch rootName {
	case "rss":
		return parseRSS(data)
	case "feed":
		return parseAtom(data)
	}
	return nil, fileErrorf(errNotFeed, "XML ist kein RSS- oder Atom-Feed (Wurzel <%s>)", rootName)
}

func parseRSS(data []byte) ([]parsedDoc, error) {
	var f struct {
		Channel struct {
			Items []struct {
				Title       string `xml:"title"`
				Link        string `xml:"link"`
				GUID        string `xml:"guid"`
				Description string `xml:"description"`
				Content     string `xml:"encoded"`
				PubDate     string `xml:"pubDate"`
				Date        string `xml:"date"`
			} `xml:"item"`
		} `xml:"channel"`
	}
	if err := decodeXML(data, &f); err != nil {
		return nil, fileErrorf(err, "RSS beschädigt")
	}
	var items []feedItem
	for _, it := range f.Channel.Items {
		body := it.Content
		if strings.TrimSpace(body) == "" {
			body = it.Description
		}
		date := it.PubDate
		if date == "" {
			date = it.Date
		}
		items = append(items, feedItem{title: it.Title, link: it.Link, id: it.GUID, body: body, date: date})
	}
	return feedDocs(items)
}

func parseAtom(data []byte) ([]parsedDoc, error) {
	var f struct {
		Entries []struct {
			Title string `xml:"title"`
			ID    string `xml:"id"`
			Links []struct {
				Href string `xml:"href,attr"`
				Rel  string `xml:"rel,attr"`
			} `xml:"link"`
			Summary   string   `xml:"summary"`
			Content   atomText `xml:"content"`
			Updated   string   `xml:"updated"`
			Published string   `xml:"published"`
		} `xml:"entry"`
	}
	if err := decodeXML(data, &f); err != nil {
		return nil, fileErrorf(err, "Atom beschädigt")
	}
	var items []feedItem
	for _, e := range f.Entries {
		it := feedItem{title: e.Title, id: e.ID, body: e.Content.body(), date: e.Updated}
		if strings.TrimSpace(it.body) == "" {
			it.body = e.Summary
		}
		if it.date == "" {
			it.date = e.Published
		}
		for _, l := range e.Links {
			if l.Rel == "" || l.Rel == "alternate" {
				it.link = l.Href
				break
			}
		}
		items = append(items, it)
	}
	return feedDocs(items)
}

// atomText is an Atom text construct (content): text or escaped HTML as
// character data, or, with type="xhtml", XHTML markup inside it.
type atomText struct {
	Type  string `xml:"type,attr"`
	Text  string `xml:",chardata"`
	Inner string `xml:",innerxml"`
}

// body returns the construct as feedDocs reads a body: escaped HTML and
// text as they are, XHTML as the HTML it is (namespace prefixes such as
// "xhtml:" dropped), which htmlToText reduces like any HTML content.
func (t atomText) body() string {
	if strings.EqualFold(strings.TrimSpace(t.Type), "xhtml") {
		return xhtmlPrefixRE.ReplaceAllString(t.Inner, "<$1")
	}
	return t.Text
}

// xhtmlPrefixRE matches a namespace prefix of an XHTML tag ("<xhtml:p",
// "</h:div").
var xhtmlPrefixRE = regexp.MustCompile(`<(/?)[A-Za-z][\w.-]*:`)

func decodeXML(data []byte, v any) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = charsetReader
	return dec.Decode(v)
}

// charsetReader lets feeds declared as ISO 8859-1 or Windows-1252 be read;
// other encodings are refused with a clear error.
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "us-ascii", "ascii":
		b, err := io.ReadAll(r)
		if err != nil {
			return nil, err
		}
		return bytes.NewReader(windows1252ToUTF8(b)), nil
	}
	return nil, fileErrorf(nil, "Zeichensatz %q wird nicht unterstützt", label)
}

type feedItem struct{ title, link, id, body, date string }

func feedDocs(items []feedItem) ([]parsedDoc, error) {
	if len(items) == 0 {
		return nil, fileErrorf(nil, "Feed ohne Einträge")
	}
	var out []parsedDoc
	used := map[string]bool{}
	for i, it := range items {
		text := htmlToText(it.body)
		if strings.TrimSpace(text) == "" {
			text = it.title
		}
		upd, _ := parseDate(it.date)
		slug := slugify(it.title)
		if slug == "" {
			slug = "eintrag-" + strconv.Itoa(i+1)
		}
		for n := 2; used[slug]; n++ {
			slug = slugify(it.title) + "-" + strconv.Itoa(n)
		}
		used[slug] = true
		out = append(out, parsedDoc{
			subID:    slug,
			title:    strings.TrimSpace(it.title),
			url:      strings.TrimSpace(it.link),
			kind:     string(KindNotice),
			updated:  upd,
			sections: []Section{{Text: text}},
		})
	}
	return out, nil
}

// looksHTML reports whether a value of a record (JSON, XML) is escaped
// HTML rather than text: it closes an element or breaks a line.
func looksHTML(s string) bool {
	return strings.Contains(s, "</") || strings.Contains(s, "<br")
}

// htmlToText reduces an HTML fragment (as found in feed descriptions) to
// its text, one block per line. Plain text passes through unchanged.
func htmlToText(s string) string {
	if !strings.Contains(s, "<") {
		return strings.TrimSpace(s)
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), nil)
	if err != nil {
		return strings.TrimSpace(s)
	}
	w := &htmlWalker{}
	for _, n := range nodes {
		expandRowspans(n)
		w.walk(n, false)
	}
	w.flush()
	return w.plainText()
}

// plainText is what the walker read as text: its title, then each
// section's heading and text, a line each.
func (w *htmlWalker) plainText() string {
	var parts []string
	for _, sec := range w.sections {
		if sec.Heading != "" {
			parts = append(parts, sec.Heading)
		}
		if sec.Text != "" {
			parts = append(parts, sec.Text)
		}
	}
	if w.title != "" {
		parts = append([]string{w.title}, parts...)
	}
	return strings.Join(parts, "\n")
}

// slugify makes a lower-case ASCII slug: "Bürgerbüro geschlossen!" gives
// "buergerbuero-geschlossen".
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range german.Fold(s) {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 60 {
			break
		}
	}
	return strings.Trim(b.String(), "-")
}
