// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// stripMarkdownHTML removes from Markdown the raw HTML a reader never sees
// as text, so that answers cannot quote it: HTML comments vanish with
// their content (also across lines, and an unclosed one to the end, as a
// renderer hides it), script and style elements likewise, and every other
// tag is reduced to its content ("<a href=…>Formular</a>" becomes
// "Formular"). Fenced code blocks, code spans, backslash escapes,
// autolinks (<https://…>, <name@example.org>) and a "<" that opens no tag
// ("Kinder < 6 Jahre") stay as they are, because a renderer shows them.
// Block-level tags leave a blank so that words around them stay apart.
func stripMarkdownHTML(text string) string {
	if !strings.Contains(text, "<") {
		return text
	}
	s := htmlStripper{}
	var out strings.Builder
	out.Grow(len(text))
	inFence := false
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			out.WriteByte('\n')
		}
		if !s.inComment && s.skipTo == "" {
			// The same fence rule as parseMarkdown's heading scan.
			trimmed := strings.TrimSpace(line)
			if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
				inFence = !inFence
				out.WriteString(line)
				continue
			}
			if inFence {
				out.WriteString(line)
				continue
			}
		}
		out.WriteString(s.line(line))
	}
	return out.String()
}

// htmlStripper carries the state of stripMarkdownHTML from line to line.
type htmlStripper struct {
	inComment bool
	skipTo    string // "</script" or "</style" while dropping such an element
}

// line strips one line outside fenced code.
func (s *htmlStripper) line(line string) string {
	var b strings.Builder
	changed := false
	for j := 0; j < len(line); {
		switch {
		case s.inComment:
			changed = true
			k := strings.Index(line[j:], "-->")
			if k < 0 {
				j = len(line)
				continue
			}
			j += k + len("-->")
			s.inComment = false
			continue
		case s.skipTo != "":
			changed = true
			k := strings.Index(strings.ToLower(line[j:]), s.skipTo)
			if k < 0 {
				j = len(line)
				continue
			}
			j += k
			if n, _, _ := htmlTag(line[j:]); n > 0 {
				j += n
			} else {
				j += len(s.skipTo)
			}
			s.skipTo = ""
			continue
		}
		c := line[j]
		switch {
		case c == '\\' && j+1 < len(line) && isASCIIPunct(line[j+1]):
			b.WriteString(line[j : j+2])
			j += 2
			continue
		case c == '`':
			run := j
			for run < len(line) && line[run] == '`' {
				run++
			}
			ticks := line[j:run]
			if end := closingTicks(line[run:], len(ticks)); end >= 0 {
				b.WriteString(line[j : run+end+len(ticks)])
				j = run + end + len(ticks)
			} else {
				b.WriteString(ticks)
				j = run
			}
			continue
		case c == '<' && strings.HasPrefix(line[j:], "<!--"):
			changed = true
			s.inComment = true
			j += len("<!--")
			continue
		case c == '<':
			if n, name, closing := htmlTag(line[j:]); n > 0 {
				changed = true
				if !closing && (name == "script" || name == "style") && !strings.HasSuffix(line[j:j+n], "/>") {
					s.skipTo = "</" + name
				}
				if !inlineTags[name] && b.Len() > 0 {
					if last := b.String()[b.Len()-1]; last != ' ' && last != '\t' {
						b.WriteByte(' ')
					}
				}
				j += n
				continue
			}
		}
		b.WriteByte(c)
		j++
	}
	if !changed {
		return line
	}
	// A line that held only markup becomes empty, not a line of blanks.
	return strings.TrimRight(b.String(), " \t")
}

// htmlTag reports the length of the HTML tag at the start of s ("<a
// href='x'>", "</b>", "<br/>"), its lower-case name and whether it is a
// closing tag; n is 0 when s does not start with a complete tag on this
// line. A tag name is an ASCII letter followed by letters, digits and
// hyphens, then a blank, "/" or ">", so autolinks are no tags.
func htmlTag(s string) (n int, name string, closing bool) {
	if len(s) < 3 || s[0] != '<' {
		return 0, "", false
	}
	i := 1
	if s[i] == '/' {
		closing = true
		i++
	}
	start := i
	if i >= len(s) || !isASCIILetter(s[i]) {
		return 0, "", false
	}
	for i < len(s) && (isASCIILetter(s[i]) || s[i] >= '0' && s[i] <= '9' || s[i] == '-') {
		i++
	}
	name = strings.ToLower(s[start:i])
	if i >= len(s) || (s[i] != '>' && s[i] != '/' && s[i] != ' ' && s[i] != '\t') {
		return 0, "", false
	}
	var quote byte
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1, name, closing
		}
	}
	return 0, "", false
}

// closingTicks returns the offset in s of a run of exactly n backticks, or
// -1.
func closingTicks(s string, n int) int {
	for i := 0; i < len(s); {
		if s[i] != '`' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == '`' {
			j++
		}
		if j-i == n {
			return i
		}
		i = j
	}
	return -1
}

// inlineTags are the tags that sit inside running text; removing them
// must not put a blank between the letters around them.
var inlineTags = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "cite": true, "code": true,
	"data": true, "del": true, "dfn": true, "em": true, "font": true, "i": true, "ins": true,
	"kbd": true, "mark": true, "q": true, "s": true, "samp": true, "small": true, "span": true,
	"strong": true, "sub": true, "sup": true, "time": true, "u": true, "var": true,
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// maxMarkdownTableLines bounds the lines an HTML table inside Markdown
// may span to be read as a table; a longer one is stripped as other HTML.
const maxMarkdownTableLines = 2000

// markdownHTMLTables reads the HTML tables a Markdown file holds (a wiki
// page's or a bylaw's <table> between its paragraphs) as the Word and
// Excel readers read tables: the caption a line, each row a line of
// cells with " | " between them, a row of header cells (or the table's
// <thead>) its head, a <br> in a cell " / ". A table starts on a line of
// its own outside fenced code; one without its end is left to
// stripMarkdownHTML.
func markdownHTMLTables(text string) string {
	if !strings.Contains(strings.ToLower(text), "<table") {
		return text
	}
	lines := strings.Split(text, "\n")
	var out []string
	inFence := false
	for i := 0; i < len(lines); i++ {
		trimmed := strings.TrimSpace(lines[i])
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			inFence = !inFence
		}
		if inFence || !strings.HasPrefix(strings.ToLower(trimmed), "<table") {
			out = append(out, lines[i])
			continue
		}
		end := -1
		for j := i; j < len(lines) && j-i < maxMarkdownTableLines; j++ {
			if strings.Contains(strings.ToLower(lines[j]), "</table>") {
				end = j
				break
			}
		}
		if end < 0 {
			out = append(out, lines[i])
			continue
		}
		rows := htmlTableLines(strings.Join(lines[i:end+1], "\n"))
		if rows == nil {
			out = append(out, lines[i])
			continue
		}
		out = append(out, "")
		out = append(out, rows...)
		out = append(out, "")
		// Text after the table's end on its line stays.
		if k := strings.Index(strings.ToLower(lines[end]), "</table>"); k+len("</table>") < len(lines[end]) {
			out = append(out, lines[end][k+len("</table>"):])
		}
		i = end
	}
	return strings.Join(out, "\n")
}

// htmlTableLines returns the lines of the first table in fragment: its
// caption, then its rows as docOutline.tableRow writes them. Nil when
// it holds no row.
func htmlTableLines(fragment string) []string {
	root, err := html.Parse(strings.NewReader(fragment))
	if err != nil {
		return nil
	}
	table := findFirst(root, func(n *html.Node) bool { return n.Type == html.ElementNode && n.DataAtom == atom.Table })
	if table == nil {
		return nil
	}
	var o docOutline
	var rows []*html.Node
	headRows := map[*html.Node]bool{}
	for c := table.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type != html.ElementNode:
		case c.DataAtom == atom.Caption:
			if t := strings.TrimSpace(cellText(c)); t != "" {
				o.line(t)
			}
		case c.DataAtom == atom.Thead || c.DataAtom == atom.Tbody || c.DataAtom == atom.Tfoot:
			for _, tr := range childElements(c, atom.Tr) {
				rows = append(rows, tr)
				headRows[tr] = c.DataAtom == atom.Thead
			}
		case c.DataAtom == atom.Tr:
			rows = append(rows, c)
		}
	}
	n := 0
	for _, tr := range rows {
		cells := childElements(tr, atom.Td, atom.Th)
		var row []string
		head := headRows[tr]
		allTh := len(cells) > 0
		for _, c := range cells {
			row = append(row, strings.TrimSpace(cellText(c)))
			allTh = allTh && c.DataAtom == atom.Th
		}
		if strings.TrimSpace(strings.Join(row, "")) == "" {
			continue
		}
		o.tableRow(row, n == 0 && (head || allTh && len(cells) > 1))
		n++
	}
	if n == 0 {
		return nil
	}
	return o.lines
}

// cellText is the text of a table cell on one line, a <br> as " / ".
func cellText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && n.DataAtom == atom.Br:
			b.WriteString(" / ")
		case n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style):
		default:
			if n.Type == html.ElementNode && blockElements[n.DataAtom] {
				b.WriteString(" ")
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}
