// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"regexp"
	"strconv"
	"strings"
)

// A DokuWiki page in its raw syntax, as the wiki keeps it in a .txt
// file: read as the Markdown it stands for.

// dokuHeadingRE matches a DokuWiki heading line ("====== Titel ======"):
// two to six "=" on either side, more of them the higher the level.
var dokuHeadingRE = regexp.MustCompile(`^[ \t]*(={2,6})[ \t]*(\S.*?)[ \t]*={2,6}[ \t]*$`)

// minDokuHeadings is how many heading lines make a text DokuWiki markup.
const minDokuHeadings = 2

// dokuWiki reports whether text is a DokuWiki page: at least two lines
// framed by runs of "=", the first of them with the most "=" (the page's
// title comes first and is the highest heading; in MediaWiki's syntax
// fewer "=" are higher, and its first heading is no higher than those
// after it).
func dokuWiki(text string) bool {
	n, first := 0, 0
	for _, l := range strings.Split(text, "\n") {
		m := dokuHeadingRE.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		if n == 0 {
			first = len(m[1])
		} else if len(m[1]) > first {
			return false
		}
		n++
	}
	return n >= minDokuHeadings && first > 2
}

var (
	// dokuLinkRE matches an internal or external link, with its text
	// after "|" or without ("[[ns:seite|Text]]", "[[https://…]]").
	dokuLinkRE = regexp.MustCompile(`\[\[([^\]|]*)(?:\|([^\]]*))?\]\]`)
	// dokuMediaRE matches an embedded file, a tag list or a plugin's
	// call ("{{bild.png?200|Beschriftung}}", "{{tag>a b}}").
	dokuMediaRE = regexp.MustCompile(`\{\{([^}|]*)(?:\|([^}]*))?\}\}`)
	// dokuMacroRE matches a control macro ("~~NOTOC~~").
	dokuMacroRE = regexp.MustCompile(`~~[A-Z_]+(?::[^~]*)?~~`)
	// dokuBlockTagRE matches the tags of boxes and formatting plugins
	// ("<WRAP center round info 60%>", "</WRAP>", "<note tip>", "<del>").
	dokuBlockTagRE = regexp.MustCompile(`(?i)</?(?:wrap|note|del|sup|sub|nowiki|html|php|color|hidden|box|well|alert)\b[^>]*>`)
	// dokuEmphasisRE matches bold, underlined, monospaced and percent-
	// escaped text ("**fett**", "__unterstrichen__", "''X:\Pfad''", "%%[[roh]]%%").
	dokuEmphasisRE = regexp.MustCompile(`\*\*(.+?)\*\*|__(.+?)__|''(.+?)''|%%(.+?)%%`)
	// dokuItalicRE matches italic text ("//kursiv//"), not the slashes of
	// a web address ("https://").
	dokuItalicRE = regexp.MustCompile(`(^|[^:/])//([^/\s](?:[^/]|/[^/])*?)//`)
	// dokuListRE matches a list item: two spaces or more, "*" (bullets)
	// or "-" (numbers), its text.
	dokuListRE = regexp.MustCompile(`^( {2,}|\t+)([*-])\s*(.*)$`)
	// dokuCodeRE matches the tags of a code or file block, alone on
	// their line ("<code bash>", "</file>").
	dokuCodeRE = regexp.MustCompile(`(?i)^\s*</?(?:code|file)\b[^>]*>\s*$`)
	// dokuInlineCodeRE matches a code block set within a line.
	dokuInlineCodeRE = regexp.MustCompile(`(?i)<(?:code|file)\b[^>]*>(.*?)</(?:code|file)>`)
)

// dokuWikiMarkdown rewrites a DokuWiki page as Markdown: headings by
// their number of "=" (six level 1 … two level 5), bold, italic,
// underlined and monospaced text plain, a link its text (or its target),
// embedded files their caption, tags, macros ("~~NOTOC~~") and the tags
// of boxes ("<WRAP …>") dropped, "^" header cells table cells, list items
// "- " (bullets) or numbered, code blocks fenced and kept as written, a
// forced line break ("\\") a line break, a horizontal rule dropped.
func dokuWikiMarkdown(text string) string {
	var out []string
	inCode := false
	number := map[int]int{} // the next number of a numbered list, by its depth
	for _, l := range strings.Split(text, "\n") {
		if dokuCodeRE.MatchString(l) {
			inCode = !strings.HasPrefix(strings.TrimSpace(l), "</")
			out = append(out, "```")
			continue
		}
		if inCode {
			out = append(out, l)
			continue
		}
		if m := dokuHeadingRE.FindStringSubmatch(l); m != nil {
			clear(number)
			out = append(out, strings.Repeat("#", 7-len(m[1]))+" "+dokuInline(m[2]))
			continue
		}
		t := strings.TrimSpace(l)
		if len(t) >= 4 && strings.Trim(t, "-") == "" {
			continue // a horizontal rule
		}
		if m := dokuListRE.FindStringSubmatch(l); m != nil {
			depth := len(m[1])
			for d := range number {
				if d > depth {
					delete(number, d)
				}
			}
			item := dokuInline(m[3])
			indent := strings.Repeat("  ", max(depth/2-1, 0))
			if m[2] == "-" {
				number[depth]++
				out = append(out, indent+strconv.Itoa(number[depth])+". "+item)
			} else {
				out = append(out, indent+"- "+item)
			}
			continue
		}
		clear(number)
		if strings.HasPrefix(t, "^") || strings.HasPrefix(t, "|") {
			// A table row; "^" parts header cells.
			out = append(out, dokuInline(strings.ReplaceAll(t, "^", "|")))
			continue
		}
		line := dokuInline(l)
		if strings.TrimSpace(line) == "" && t != "" {
			continue // a line of markup only
		}
		out = append(out, strings.Split(line, "\n")...)
	}
	return strings.Join(out, "\n")
}

// dokuInline reduces a line's inline markup to its text.
func dokuInline(s string) string {
	s = dokuMacroRE.ReplaceAllString(s, "")
	s = dokuBlockTagRE.ReplaceAllString(s, "")
	s = dokuInlineCodeRE.ReplaceAllString(s, "$1")
	s = dokuMediaRE.ReplaceAllString(s, "$2")
	s = dokuLinkRE.ReplaceAllStringFunc(s, func(m string) string {
		p := dokuLinkRE.FindStringSubmatch(m)
		if t := strings.TrimSpace(p[2]); t != "" {
			return t
		}
		return strings.TrimSpace(p[1])
	})
	s = dokuEmphasisRE.ReplaceAllString(s, "$1$2$3$4")
	s = dokuItalicRE.ReplaceAllString(s, "$1$2")
	s = strings.ReplaceAll(s, `\\ `, "\n")
	s = strings.TrimSuffix(s, `\\`)
	return s
}
