// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// A MediaWiki export (Spezial:Exportieren, dumpBackup.php) is XML with
// the root mediawiki: the wiki's siteinfo, then a page element per page
// with its title and revisions, each revision's wikitext in its text
// element. A page is a document: its title the title, its last
// revision's wikitext read as Markdown would be written (headings "==
// … ==", lists "#" and "*", '''bold''' and ''italic'' as plain words,
// tables "{| … |}" as rows of cells, links by their labels, an infobox
// as labelled lines, a template with one text argument as that text);
// categories, magic words ("__TOC__"), comments, references, the
// siteinfo, contributors, ids and checksums are left out.

// Bounds of a MediaWiki export: its bytes, the pages read, and how deep
// templates may nest.
const (
	maxMediaWikiBytes = 32 << 20
	maxMediaWikiPages = 2000
	maxTemplateDepth  = 16
)

// mwExport is the part of an export the loader reads.
type mwExport struct {
	Pages []struct {
		Title     string    `xml:"title"`
		NS        int       `xml:"ns"`
		Redirect  *struct{} `xml:"redirect"`
		Revisions []struct {
			Timestamp string `xml:"timestamp"`
			Text      string `xml:"text"`
		} `xml:"revision"`
	} `xml:"page"`
}

// mediaWikiRoot reports whether data is an XML document whose root is
// mediawiki.
func mediaWikiRoot(data []byte) bool {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for range 64 {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		if t, ok := tok.(xml.StartElement); ok {
			return t.Name.Local == "mediawiki"
		}
	}
	return false
}

// mwSkippedNamespaces are the namespaces whose pages are no articles:
// users, files, the interface, templates, help, categories, modules.
var mwSkippedNamespaces = map[int]bool{2: true, 6: true, 8: true, 10: true, 12: true, 14: true, 828: true}

// parseMediaWiki reads the pages of a MediaWiki export.
func parseMediaWiki(data []byte) ([]parsedDoc, error) {
	if len(data) > maxMediaWikiBytes {
		return nil, fileErrorf(nil, "MediaWiki-Export größer als %d Bytes", maxMediaWikiBytes)
	}
	var ex mwExport
	dec := xml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&ex); err != nil && err != io.EOF {
		return nil, fileErrorf(err, "MediaWiki-Export nicht lesbar")
	}
	if len(ex.Pages) > maxMediaWikiPages {
		return nil, fileErrorf(nil, "MediaWiki-Export mit mehr als %d Seiten", maxMediaWikiPages)
	}
	var out []parsedDoc
	for _, p := range ex.Pages {
		if p.Redirect != nil || len(p.Revisions) == 0 || p.NS < 0 || p.NS%2 == 1 || mwSkippedNamespaces[p.NS] {
			continue
		}
		rev := p.Revisions[len(p.Revisions)-1]
		md := wikitextMarkdown(rev.Text)
		pd, err := parseMarkdown([]byte(md))
		if err != nil || len(pd.sections) == 0 {
			continue
		}
		pd.title = strings.TrimSpace(p.Title)
		if t, err := time.Parse(time.RFC3339, strings.TrimSpace(rev.Timestamp)); err == nil {
			pd.updated = t
		}
		out = append(out, pd)
	}
	if len(out) == 0 {
		return nil, fileErrorf(errNoText, "MediaWiki-Export ohne Artikel")
	}
	if len(out) > 1 {
		seen := map[string]bool{}
		for i := range out {
			id := slugify(out[i].title)
			for n := 2; seen[id]; n++ {
				id = slugify(out[i].title) + "-" + strconv.Itoa(n)
			}
			seen[id] = true
			out[i].subID = id
		}
	}
	return out, nil
}

var (
	// mwCommentRE matches an HTML comment of wikitext.
	mwCommentRE = regexp.MustCompile(`(?s)<!--.*?(?:-->|$)`)
	// mwRefRE matches a reference, which wikitext writes where it is cited.
	mwRefRE = regexp.MustCompile(`(?s)<ref[^>/]*/>|<ref[^>]*>.*?</ref>`)
	// mwMagicRE matches a behaviour switch ("__TOC__", "__NOTOC__").
	mwMagicRE = regexp.MustCompile(`__[A-ZÄÖÜ]+__`)
	// mwHeadingRE matches a heading line "== Title ==".
	mwHeadingRE = regexp.MustCompile(`^(={1,6})\s*(.*?)\s*(={1,6})\s*$`)
	// mwCategoryRE matches links that are no text: categories, files,
	// interwiki language links.
	mwCategoryRE = regexp.MustCompile(`(?i)\[\[\s*(?:kategorie|category|datei|file|bild|image|media|medium)\s*:[^\]]*\]\]`)
	// mwLinkRE matches an internal link "[[target|label]]".
	mwLinkRE = regexp.MustCompile(`\[\[([^\[\]|]*)(?:\|([^\[\]]*))?\]\]`)
	// mwExtLinkRE matches an external link "[https://… label]".
	mwExtLinkRE = regexp.MustCompile(`\[((?:https?|mailto|ftp):[^\s\]]+)(?:\s+([^\]]*))?\]`)
	// mwBoldRE and mwItalicRE match emphasis.
	mwBoldRE   = regexp.MustCompile(`'''(.+?)'''`)
	mwItalicRE = regexp.MustCompile(`''(.+?)''`)
	// mwBreakRE matches a line break tag.
	mwBreakRE = regexp.MustCompile(`(?i)<br\s*/?>`)
)

// wikitextMarkdown writes wikitext as Markdown.
func wikitextMarkdown(text string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = mwCommentRE.ReplaceAllString(text, "")
	text = mwRefRE.ReplaceAllString(text, "")
	text = mwMagicRE.ReplaceAllString(text, "")
	text = expandTemplates(text, 0)
	text = mwCategoryRE.ReplaceAllString(text, "")
	var out []string
	number := map[int]int{} // the next number of a numbered list, by its depth
	lines := strings.Split(text, "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		t := strings.TrimSpace(l)
		if t == "" || !strings.HasPrefix(t, "#") {
			clear(number)
		}
		switch {
		case strings.HasPrefix(t, "{|"):
			var table []string
			for ; i < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[i]), "|}"); i++ {
				table = append(table, lines[i])
			}
			out = append(out, "")
			out = append(out, wikiTable(table)...)
			out = append(out, "")
			continue
		case mwHeadingRE.MatchString(t):
			m := mwHeadingRE.FindStringSubmatch(t)
			lvl := min(len(m[1]), len(m[3]))
			out = append(out, "", strings.Repeat("#", lvl)+" "+wikiInline(m[2]), "")
			continue
		case t != "" && strings.ContainsRune("#*:;", rune(t[0])):
			marks := t[:len(t)-len(strings.TrimLeft(t, "#*:;"))]
			item := wikiInline(strings.TrimSpace(t[len(marks):]))
			indent := strings.Repeat("  ", len(marks)-1)
			switch marks[len(marks)-1] {
			case '#':
				d := len(marks)
				for k := range number {
					if k > d {
						delete(number, k)
					}
				}
				number[d]++
				out = append(out, indent+strconv.Itoa(number[d])+". "+item)
			case '*':
				out = append(out, indent+"- "+item)
			case ';':
				term, def, _ := strings.Cut(item, " : ")
				out = append(out, "", "**"+strings.TrimSpace(term)+"**")
				if strings.TrimSpace(def) != "" {
					out = append(out, strings.TrimSpace(def))
				}
			default: // ':' an indented line
				out = append(out, "", item)
			}
			continue
		case t == "----":
			out = append(out, "")
			continue
		}
		out = append(out, wikiInline(l))
	}
	return strings.Join(out, "\n")
}

// wikiInline writes a line's inline markup as Markdown: links by their
// labels, emphasis, line breaks.
func wikiInline(s string) string {
	s = mwLinkRE.ReplaceAllStringFunc(s, func(m string) string {
		sm := mwLinkRE.FindStringSubmatch(m)
		if sm[2] != "" {
			return sm[2]
		}
		t := sm[1]
		if i := strings.LastIndex(t, ":"); i >= 0 && !strings.Contains(t[:i], " ") && i < len(t)-1 {
			t = t[i+1:] // "Benutzer:M.Brandt" → "M.Brandt"
		}
		return strings.TrimPrefix(t, "#")
	})
	s = mwExtLinkRE.ReplaceAllStringFunc(s, func(m string) string {
		sm := mwExtLinkRE.FindStringSubmatch(m)
		if strings.TrimSpace(sm[2]) != "" {
			return strings.TrimSpace(sm[2])
		}
		return sm[1]
	})
	s = mwBoldRE.ReplaceAllString(s, "$1")
	s = mwItalicRE.ReplaceAllString(s, "$1")
	s = mwBreakRE.ReplaceAllString(s, " ")
	return s
}

// wikiTable writes a wikitext table ("{|" to before "|}") as a Markdown
// table: a row per "|-", header cells "!" and "!!", data cells "|" and
// "||", a cell's attributes ("style=… |") left out, the caption "|+" a
// line above it.
func wikiTable(lines []string) []string {
	var rows [][]string
	var caption string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			rows = append(rows, cur)
		}
		cur = nil
	}
	cell := func(c string) string {
		if i := strings.Index(c, "|"); i >= 0 && !strings.Contains(c[:i], "[[") && strings.Contains(c[:i], "=") {
			c = c[i+1:] // attributes
		}
		return strings.ReplaceAll(strings.TrimSpace(wikiInline(c)), "|", "/")
	}
	for _, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(t, "{|"):
		case strings.HasPrefix(t, "|+"):
			caption = wikiInline(strings.TrimSpace(t[2:]))
		case strings.HasPrefix(t, "|-"):
			flush()
		case strings.HasPrefix(t, "!"):
			for _, c := range strings.Split(t[1:], "!!") {
				cur = append(cur, cell(c))
			}
		case strings.HasPrefix(t, "|"):
			for _, c := range strings.Split(t[1:], "||") {
				cur = append(cur, cell(c))
			}
		case t != "" && len(cur) > 0:
			cur[len(cur)-1] += " " + cell(t) // a cell's text over more lines
		}
	}
	flush()
	var out []string
	if caption != "" {
		out = append(out, caption, "")
	}
	for i, r := range rows {
		out = append(out, "| "+strings.Join(r, " | ")+" |")
		if i == 0 {
			out = append(out, "|"+strings.Repeat(" --- |", len(r)))
		}
	}
	return out
}

// expandTemplates replaces the templates ("{{Name|arg|key=value}}") of
// text, innermost first: an infobox (or any template with named
// arguments only) by its arguments as labelled lines, a template with
// one positional argument by that argument ("{{Taste|P}}" → "P"), one
// with several by them joined, one without arguments by nothing.
func expandTemplates(text string, depth int) string {
	if depth > maxTemplateDepth || !strings.Contains(text, "{{") {
		return text
	}
	var b strings.Builder
	for {
		start := strings.Index(text, "{{")
		if start < 0 {
			b.WriteString(text)
			return b.String()
		}
		// Find the matching "}}", counting nested templates.
		level, end := 0, -1
		for i := start; i+1 < len(text); i++ {
			switch text[i : i+2] {
			case "{{":
				level++
				i++
			case "}}":
				level--
				i++
				if level == 0 {
					end = i + 1
				}
			}
			if end >= 0 {
				break
			}
		}
		if end < 0 {
			b.WriteString(text)
			return b.String()
		}
		b.WriteString(text[:start])
		inner := expandTemplates(text[start+2:end-2], depth+1)
		b.WriteString(templateText(inner))
		text = text[end:]
	}
}

// templateText renders one template's inside (its nested templates
// expanded) as described at expandTemplates.
func templateText(inner string) string {
	args := splitTemplateArgs(inner)[1:] // the template's name is no text
	var positional []string
	var named []string
	for _, a := range args {
		k, v, ok := strings.Cut(a, "=")
		if ok && !strings.ContainsAny(k, "[{<\n") && strings.TrimSpace(k) != "" {
			if v = strings.TrimSpace(v); v != "" {
				named = append(named, strings.TrimSpace(k)+": "+wikiInline(v))
			}
			continue
		}
		if a = strings.TrimSpace(a); a != "" {
			positional = append(positional, a)
		}
	}
	switch {
	case len(named) > 0 && len(positional) == 0:
		return "\n" + strings.Join(named, "\n") + "\n"
	case len(positional) > 0:
		return strings.Join(positional, " ")
	}
	return ""
}

// splitTemplateArgs splits a template's inside at the "|" that are not
// inside a link ("[[a|b]]").
func splitTemplateArgs(s string) []string {
	var parts []string
	level, last := 0, 0
	for i := 0; i < len(s); i++ {
		switch {
		case strings.HasPrefix(s[i:], "[["):
			level++
			i++
		case strings.HasPrefix(s[i:], "]]") && level > 0:
			level--
			i++
		case s[i] == '|' && level == 0:
			parts = append(parts, s[last:i])
			last = i + 1
		}
	}
	return append(parts, s[last:])
}
