// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"encoding/json"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Bounds of a page's data island: the JSON read from its <script>
// elements, the depth followed into it and the sections made of it.
const (
	maxIslandBytes    = 2 << 20
	maxIslandDepth    = 12
	maxIslandSections = 400
)

// minShellLetters is the most letters a page's visible text may hold for
// the page to be an app's shell ("Inhalte werden geladen …"), whose
// content stands in a data island.
const minShellLetters = 100

// islandHeadingKeys are the keys, folded and without separators, under
// which a part of a data island (a block of a headless CMS's page) holds
// its heading. Not "name": a person's or a place's name is a line of its
// part, not a heading.
var islandHeadingKeys = []string{"heading", "headline", "title", "titel", "ueberschrift", "frage", "question"}

// islandSkippedKeys are the keys, folded and without separators, of a
// data island's technical parts: search engine data repeating the page,
// addresses of pages and images, the build's and router's state.
var islandSkippedKeys = map[string]bool{
	"seo": true, "slug": true, "href": true, "src": true, "srcset": true, "image": true, "images": true, "img": true,
	"icon": true, "media": true, "thumbnail": true, "asset": true, "assets": true, "locale": true, "locales": true,
	"defaultlocale": true, "query": true, "buildid": true, "scriptloader": true, "classname": true, "style": true,
	"url": true, "uri": true, "link": true, "path": true, "route": true, "template": true, "layout": true,
}

// technicalValueRE matches a value of a data island without a blank that
// no reader reads: a path, an address, a hash or UUID, a timestamp.
var technicalValueRE = regexp.MustCompile(`^(?:[/#.]|https?:|www\.|[0-9a-fA-F-]{8,}$|\d{4}-\d{2}-\d{2}T)|://`)

// dataIsland reads the content of a pre-rendered single-page app from
// the JSON in its <script type="application/json"> (Next.js's
// "__NEXT_DATA__", Nuxt's state) or <script type="application/ld+json">
// elements, whose body holds only the app's shell: of the islands, the
// one with the most text; in it, the object with a title that holds the
// most text is the page. Its title is the page's title; a part with a
// heading and text of its own (a block) is a section headed by it; other
// values are lines of the section they stand in (HTML reduced to its
// text, a list an item a line, an object as a record's value).
// Navigation, search engine data, identifiers, addresses and flags are
// left out. Nothing is executed; JSON beyond maxIslandBytes is not read.
func dataIsland(root *html.Node) (string, []Section) {
	var blobs []any
	total := 0
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Script {
			typ, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(attr(n, "type"))), ";")
			if typ = strings.TrimSpace(typ); (typ == "application/json" || typ == "application/ld+json") && n.FirstChild != nil {
				data := n.FirstChild.Data
				if total+len(data) <= maxIslandBytes {
					total += len(data)
					var v any
					if json.Unmarshal([]byte(data), &v) == nil {
						blobs = append(blobs, v)
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
	best, bestN := any(nil), 0
	for _, v := range blobs {
		if n := islandLetters(v, 0); n > bestN {
			best, bestN = v, n
		}
	}
	if best == nil {
		return "", nil
	}
	page, _ := islandPage(best, 0)
	m, ok := page.(map[string]any)
	if !ok {
		m = map[string]any{"content": best}
	}
	r := &islandReader{}
	tk, title := firstString(m, recordKeys.title)
	r.object(m, nil, 0, tk)
	return title, r.secs
}

// islandPage returns the object below v with a title (recordKeys.title)
// that holds the most text, and its letters; the shallower one of two
// holding as much.
func islandPage(v any, depth int) (any, int) {
	if depth > maxIslandDepth {
		return nil, 0
	}
	var best any
	bestN := 0
	switch v := v.(type) {
	case map[string]any:
		if _, t := firstString(v, recordKeys.title); t != "" {
			best, bestN = v, islandLetters(v, depth)
		}
		for _, k := range slices.Sorted(mapKeys(v)) {
			if islandSkipped(k) {
				continue
			}
			if c, n := islandPage(v[k], depth+1); n > bestN {
				best, bestN = c, n
			}
		}
	case []any:
		for _, e := range v {
			if c, n := islandPage(e, depth+1); n > bestN {
				best, bestN = c, n
			}
		}
	}
	return best, bestN
}

// mapKeys returns the keys of m.
func mapKeys(m map[string]any) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// islandLetters counts the letters of the text a data island's value
// holds, its technical parts aside.
func islandLetters(v any, depth int) int {
	if depth > maxIslandDepth {
		return 0
	}
	switch v := v.(type) {
	case string:
		if islandString(v) == "" {
			return 0
		}
		return countLetters(v)
	case map[string]any:
		n := 0
		for k, e := range v {
			if !islandSkipped(k) {
				n += islandLetters(e, depth+1)
			}
		}
		return n
	case []any:
		n := 0
		for _, e := range v {
			n += islandLetters(e, depth+1)
		}
		return n
	}
	return 0
}

// islandSkipped reports whether a data island's key holds no text for a
// reader: an identifier or code (metaKey), a framework's own key
// ("__typename", "@context"), navigation (a menu, a footer), search engine
// data, an address.
func islandSkipped(k string) bool {
	if strings.HasPrefix(k, "_") || strings.HasPrefix(k, "@") || metaKey(k) || hasChromeToken(k) {
		return true
	}
	return islandSkippedKeys[recordKey(k)]
}

// islandString returns a data island's string as text: HTML reduced to
// its text; "" for a technical value or one of less than two letters
// or digits.
func islandString(s string) string {
	s = strings.TrimSpace(s)
	if alnumCount(s) < 2 || !strings.ContainsAny(s, " \n\t") && technicalValueRE.MatchString(s) {
		return ""
	}
	if looksHTML(s) {
		return htmlToText(s)
	}
	return s
}

// islandReader makes sections of a data island's page.
type islandReader struct {
	secs []Section
}

// line adds a line to the section headed h.
func (r *islandReader) line(h, t string) {
	if t = strings.TrimSpace(t); t == "" || len(r.secs) >= maxIslandSections {
		return
	}
	if n := len(r.secs); n > 0 && r.secs[n-1].Heading == h {
		r.secs[n-1].Text += "\n" + t
		return
	}
	r.secs = append(r.secs, Section{Heading: h, Text: t})
}

// islandPart reports whether v is a part of a page with a heading and
// text of its own (a block), and returns its heading key and heading.
func islandPart(v any) (map[string]any, string, string) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, "", ""
	}
	k, h := firstString(m, islandHeadingKeys)
	if h == "" || utf8.RuneCountInString(h) > 160 {
		return nil, "", ""
	}
	rest := 0
	for key, e := range m {
		if key != k && !islandSkipped(key) {
			rest += islandLetters(e, 1)
		}
	}
	if rest == 0 {
		return nil, "", ""
	}
	return m, k, h
}

// object reads an object of the page under the heading path path, its
// key skip aside: its text keys first (recordKeys.text), then the others
// in the order of keyRank.
func (r *islandReader) object(m map[string]any, path []string, depth int, skip string) {
	if depth > maxIslandDepth {
		return
	}
	h := strings.Join(path, " › ")
	keys := slices.Sorted(mapKeys(m))
	sort.SliceStable(keys, func(i, j int) bool { return islandKeyRank(keys[i]) < islandKeyRank(keys[j]) })
	for _, k := range keys {
		if k == skip || islandSkipped(k) {
			continue
		}
		switch v := m[k].(type) {
		case string:
			r.line(h, islandString(v))
		case map[string]any:
			if part, hk, ph := islandPart(v); part != nil {
				r.object(part, append(slices.Clip(path), ph), depth+1, hk)
				continue
			}
			r.line(h, islandValue(v, depth))
		case []any:
			for _, e := range v {
				if part, hk, ph := islandPart(e); part != nil {
					r.object(part, append(slices.Clip(path), ph), depth+1, hk)
					continue
				}
				if t := islandValue(e, depth); t != "" {
					r.line(h, "- "+strings.ReplaceAll(t, "\n", "; "))
				}
			}
		}
	}
}

// islandKeyRank orders a data island object's keys for reading: text
// keys ("teaser", "body") in recordKeys.text's order, then the others.
func islandKeyRank(k string) int {
	if i := slices.Index(recordKeys.text, recordKey(k)); i >= 0 {
		return i
	}
	return len(recordKeys.text) + keyRank(k)
}

// islandValue renders a value without a heading of its own on one line
// or a few: a record's value (recordText) without its technical parts.
func islandValue(v any, depth int) string {
	switch v := v.(type) {
	case string:
		return islandString(v)
	case map[string]any:
		clean := map[string]any{}
		for k, e := range v {
			if !islandSkipped(k) {
				if s, ok := e.(string); ok {
					if s = islandString(s); s == "" {
						continue
					}
					e = s
				}
				clean[k] = e
			}
		}
		return recordText(clean, depth+1)
	case []any:
		var parts []string
		for _, e := range v {
			if t := islandValue(e, depth+1); t != "" {
				parts = append(parts, t)
			}
		}
		return strings.Join(parts, "; ")
	}
	return ""
}
