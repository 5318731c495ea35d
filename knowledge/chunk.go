// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// chunkTarget is the size in characters up to which paragraphs of one
// section are kept together in a chunk.
const chunkTarget = 800

// chunk is one retrievable piece of a section.
type chunk struct {
	Doc     int // index into the index's documents
	Section string
	Facet   Facet
	Text    string
}

// chunkDocument cuts every section of doc into chunks of about chunkTarget
// characters, on paragraph boundaries where possible, then on line and
// sentence boundaries. Each chunk keeps its section's heading path and facet.
//
// A section that only lists other documents of the base by their titles
// ("Related Posts", "Siehe auch") is not cut into chunks when the document
// has text of its own: its words are the other documents' names, and
// retrieved, it would stand for the question about them. It stays in the
// document. titles are the linkKeys of every document's title.
func chunkDocument(docIdx int, doc *Document, titles map[string]bool) []chunk {
	var out []chunk
	related := make([]bool, len(doc.Sections))
	own := false
	for i, s := range doc.Sections {
		related[i] = relatedList(s.Text, titles)
		own = own || !related[i] && strings.TrimSpace(s.Text) != ""
	}
	for i, s := range doc.Sections {
		if own && related[i] {
			continue
		}
		for _, t := range splitText(s.Text, chunkTarget) {
			out = append(out, chunk{Doc: docIdx, Section: s.Heading, Facet: s.Facet, Text: t})
		}
	}
	return out
}

// splitText packs paragraphs into pieces of at most max characters. A
// paragraph longer than max is split at line ends, a line longer than max at
// sentence ends, and a sentence longer than max at the last blank before max.
func splitText(text string, max int) []string {
	text = strings.TrimSpace(text)
	if utf8.RuneCountInString(text) <= max {
		if text == "" {
			return nil
		}
		return []string{text}
	}
	var units []string
	for _, p := range strings.Split(text, "\n\n") {
		units = append(units, splitUnit(strings.TrimSpace(p), max)...)
	}
	var out []string
	var cur strings.Builder
	curLen := 0
	for _, u := range units {
		if u == "" {
			continue
		}
		ul := utf8.RuneCountInString(u)
		if curLen > 0 && curLen+2+ul > max {
			out = append(out, cur.String())
			cur.Reset()
			curLen = 0
		}
		if curLen > 0 {
			cur.WriteString("\n\n")
			curLen += 2
		}
		cur.WriteString(u)
		curLen += ul
	}
	if curLen > 0 {
		out = append(out, cur.String())
	}
	return out
}

// splitUnit breaks one paragraph that is too long at line ends, then
// sentence ends, then blanks. The pieces rejoin in splitText with blank lines,
// so short lines of a long list end up in the same piece again only if they
// came from different paragraphs; lines of one paragraph are joined with \n.
func splitUnit(p string, max int) []string {
	if utf8.RuneCountInString(p) <= max {
		return []string{p}
	}
	var pieces []string
	for _, sep := range []string{"\n", ". "} {
		if strings.Contains(p, sep) {
			parts := strings.SplitAfter(p, sep)
			var cur strings.Builder
			for _, part := range parts {
				if cur.Len() > 0 && utf8.RuneCountInString(cur.String())+utf8.RuneCountInString(part) > max {
					pieces = append(pieces, strings.TrimSpace(cur.String()))
					cur.Reset()
				}
				cur.WriteString(part)
			}
			if cur.Len() > 0 {
				pieces = append(pieces, strings.TrimSpace(cur.String()))
			}
			var out []string
			for _, pc := range pieces {
				out = append(out, splitUnit(pc, max)...)
			}
			return out
		}
	}
	// One long run without line or sentence ends: cut at blanks.
	var out []string
	r := []rune(p)
	for len(r) > max {
		cut := max
		for i := max; i > max/2; i-- {
			if r[i] == ' ' {
				cut = i
				break
			}
		}
		out = append(out, strings.TrimSpace(string(r[:cut])))
		r = r[cut:]
	}
	if s := strings.TrimSpace(string(r)); s != "" {
		out = append(out, s)
	}
	return out
}

// mdLinkItemRE matches a line that is only a Markdown link, as a list
// item or alone; the first group is the link's text.
var mdLinkItemRE = regexp.MustCompile(`^\s*(?:[-*•]\s+)?\[([^\]]+)\]\([^)]+\)\s*$`)

// relatedList reports whether text is a list of links to other documents
// of the base: at least two lines, more than half of them links, and most
// links named by a document's title (titles holds their linkKeys).
func relatedList(text string, titles map[string]bool) bool {
	if !strings.Contains(text, "](") {
		return false
	}
	lines, links, named := 0, 0, 0
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		lines++
		if m := mdLinkItemRE.FindStringSubmatch(l); m != nil {
			links++
			if titles[linkKey(m[1])] {
				named++
			}
		}
	}
	return lines >= 2 && links*2 > lines && named*2 > links
}

// linkKey is how a link's text is compared with a title: case, white
// space and punctuation at its ends ignored.
func linkKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(strings.Trim(s, " .:;,!?")), " "))
}
