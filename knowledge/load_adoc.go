// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// An AsciiDoc page (.adoc, .asciidoc), as documentation teams write it
// for Asciidoctor: the "= " line names the document, the header under it
// (author, revision, ":name: value" attributes) is metadata, "==" to
// "======" open sections, lists, admonitions and tables are read as a
// reader sees them rendered, listing blocks ("----") as written.

var (
	// adocHeadingRE matches a section title ("== Erste Schritte", also
	// the symmetric "== Titel ==" and Markdown's "## Titel").
	adocHeadingRE = regexp.MustCompile(`^(={1,6}|#{1,6})[ \t]+(\S.*?)(?:[ \t]+[=#]+)?[ \t]*$`)
	// adocAttrRE matches an attribute entry (":toc: left", ":sectnums!:").
	adocAttrRE = regexp.MustCompile(`^:(!?[\w][\w-]*!?):(?:[ \t]+(.*))?$`)
	// adocBlockAttrRE matches a block attribute line ("[source,bash]",
	// "[cols=\"1,2\",options=\"header\"]", "[[anker]]", "[#anker.rolle]").
	adocBlockAttrRE = regexp.MustCompile(`^\[\[?([^\[\]]*)\]?\]$`)
	// adocDelimRE matches a block delimiter line.
	adocDelimRE = regexp.MustCompile(`^(?:-{4,}|\.{4,}|={4,}|\*{4,}|_{4,}|\+{4,}|/{4,}|--)$`)
	// adocListRE matches an item of an unordered ("* ", "** ", "- ") or
	// ordered (". ", ".. ", "1. ") list.
	adocListRE = regexp.MustCompile(`^[ \t]*(\*{1,5}|-|\.{1,5}|\d{1,3}\.)[ \t]+(\S.*)$`)
	// adocLabeledRE matches an item of a description list
	// ("Begriff:: Erklärung", "Begriff;;").
	adocLabeledRE = regexp.MustCompile(`^[ \t]*([^\s\[:][^\[]*?)(?:::+|;;)(?:[ \t]+(.*))?$`)
	// adocAdmonitionRE matches an admonition paragraph ("NOTE: …").
	adocAdmonitionRE = regexp.MustCompile(`^(NOTE|TIP|IMPORTANT|WARNING|CAUTION):[ \t]+(.*)$`)
	// adocMacroLineRE matches a block macro or preprocessor line that
	// holds no text for a reader ("include::x.adoc[]", "toc::[]",
	// "ifdef::env[]", "image::bild.png[…]").
	adocMacroLineRE = regexp.MustCompile(`^(?:include|ifdef|ifndef|ifeval|endif|toc|image|video|audio)::[^\[]*\[.*\]$`)
	// adocUIRE matches the UI macros kbd:[…], btn:[…] and menu:…[…].
	adocUIRE = regexp.MustCompile(`(kbd|btn):\[([^\]]*)\]|menu:([^\[\s]+)\[([^\]]*)\]`)
	// adocXrefRE matches a cross reference ("<<anker>>", "<<anker,Text>>",
	// "xref:anker[Text]").
	adocXrefRE = regexp.MustCompile(`<<([^<>,]+)(?:,\s*([^<>]*))?>>|xref:([^\[\s]+)\[([^\]]*)\]`)
	// adocLinkRE matches a link with its text ("https://…[Text]",
	// "link:datei.pdf[Text]", "mailto:a@b[Text]") and inline images.
	adocLinkRE = regexp.MustCompile(`(?:link:|image:|(?:https?|ftp|mailto|irc):)([^\s\[]*)\[([^\]]*)\]`)
	// adocFootnoteRE matches a footnote ("footnote:[Text]") and a
	// passthrough ("pass:[Text]").
	adocFootnoteRE = regexp.MustCompile(`(footnote|pass):[\w-]*\[([^\]]*)\]`)
	// adocAnchorRE matches an inline anchor ("[[anker]]", "[[anker,Text]]").
	adocAnchorRE = regexp.MustCompile(`\[\[[^\[\]]*\]\]`)
	// adocStrongRE and friends match the formatting marks of bold,
	// italic, monospaced and highlighted text.
	adocUnconstrainedRE = regexp.MustCompile(`\*\*(.+?)\*\*|__(.+?)__|##(.+?)##|` + "``(.+?)``")
	adocConstrainedRE   = regexp.MustCompile(`(^|[^\p{L}\p{N}_*` + "`" + `#])(?:\[[\w.#-]*\])?([*_#` + "`" + `])(\S|\S.*?\S)([*_#` + "`" + `])($|[^\p{L}\p{N}_*` + "`" + `#])`)
	// adocAttrRefRE matches an attribute reference ("{produkt}").
	adocAttrRefRE = regexp.MustCompile(`\{([\w][\w-]*)\}`)
)

// adocAdmonitions are the German labels of the admonition types, as a
// German renderer shows them.
var adocAdmonitions = map[string]string{
	"NOTE": "Hinweis", "TIP": "Tipp", "IMPORTANT": "Wichtig", "WARNING": "Warnung", "CAUTION": "Vorsicht",
}

// adocBuiltinAttrs are the attributes Asciidoctor defines for characters.
var adocBuiltinAttrs = map[string]string{
	"nbsp": " ", "sp": " ", "empty": "", "zwsp": "", "amp": "&", "lt": "<", "gt": ">",
	"startsb": "[", "endsb": "]", "vbar": "|", "caret": "^", "asterisk": "*", "tilde": "~",
	"apos": "'", "quot": "\"", "backslash": `\`, "backtick": "`", "plus": "+", "deg": "°",
	"two-colons": "::", "two-semicolons": ";;", "cpp": "C++",
}

// maxAdocTableCells bounds the cells of one table.
const maxAdocTableCells = 20000

// adocReader carries the state of parseAsciiDoc.
type adocReader struct {
	attrs   map[string]string // document attributes, for references
	anchors map[string]string // anchor id → the title it stands over
	pd      parsedDoc
	stack   []string // heading texts by level
	levels  []int
	cur     Section
	buf     []string
	counter []int // numbers of the ordered lists by depth
	style   string
	lastTxt bool // the line before was text of a paragraph or an item
}

// parseAsciiDoc reads an AsciiDoc file.
func parseAsciiDoc(data []byte) (parsedDoc, error) {
	if !utf8.Valid(data) {
		return parsedDoc{}, fmt.Errorf("kein gültiges UTF-8")
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.TrimPrefix(text, "\ufeff")
	lines := strings.Split(text, "\n")
	r := &adocReader{attrs: map[string]string{}, anchors: map[string]string{}}
	r.collectAnchors(lines)
	i := r.header(lines)
	for i < len(lines) {
		i = r.line(lines, i)
	}
	r.flush()
	if r.pd.title == "" && len(r.pd.sections) == 1 && strings.TrimSpace(r.pd.sections[0].Text) == "" {
		return r.pd, errNoText
	}
	return r.pd, nil
}

// collectAnchors maps the ids of anchors set over section titles
// ("[[id]]" or "[#id]" on the line before) to the titles, for the
// cross references that name them.
func (r *adocReader) collectAnchors(lines []string) {
	for i := 0; i+1 < len(lines); i++ {
		m := adocBlockAttrRE.FindStringSubmatch(strings.TrimSpace(lines[i]))
		if m == nil {
			continue
		}
		id := m[1]
		if strings.HasPrefix(lines[i], "[#") {
			id = strings.TrimPrefix(id, "#")
			if k := strings.IndexAny(id, ".%,"); k >= 0 {
				id = id[:k]
			}
		} else if !strings.HasPrefix(lines[i], "[[") {
			continue
		} else if k := strings.IndexByte(id, ','); k >= 0 {
			id = id[:k]
		}
		if h := adocHeadingRE.FindStringSubmatch(lines[i+1]); h != nil && id != "" {
			r.anchors[id] = h[2]
		}
	}
}

// header reads the document title and the header under it and returns
// the index of the first line of the body.
func (r *adocReader) header(lines []string) int {
	i := 0
	for i < len(lines) && (strings.TrimSpace(lines[i]) == "" || strings.HasPrefix(lines[i], "//")) {
		i++
	}
	if i >= len(lines) || !strings.HasPrefix(lines[i], "= ") {
		return 0
	}
	r.pd.title = r.inline(strings.TrimSpace(strings.TrimPrefix(lines[i], "= ")))
	i++
	// The author and revision lines and the attribute entries run to
	// the first blank line.
	for i < len(lines) && strings.TrimSpace(lines[i]) != "" {
		if m := adocAttrRE.FindStringSubmatch(lines[i]); m != nil {
			r.attrs[m[1]] = strings.TrimSpace(m[2])
		}
		i++
	}
	return i
}

func (r *adocReader) flush() {
	r.cur.Text = strings.Join(r.buf, "\n")
	r.pd.sections = append(r.pd.sections, r.cur)
	r.buf = nil
}

// emit adds a line of text to the current section; blank lines do not
// pile up.
func (r *adocReader) emit(s string) {
	if s == "" && (len(r.buf) == 0 || r.buf[len(r.buf)-1] == "") {
		return
	}
	r.buf = append(r.buf, s)
}

// line reads the block starting at lines[i] and returns the index of the
// line after it.
func (r *adocReader) line(lines []string, i int) int {
	raw := lines[i]
	t := strings.TrimSpace(raw)
	switch {
	case t == "":
		r.emit("")
		r.lastTxt = false
		if r.style == "" {
			// A blank line ends a list only when a paragraph follows.
			if j := i + 1; j < len(lines) && !adocListRE.MatchString(lines[j]) && strings.TrimSpace(lines[j]) != "" && strings.TrimSpace(lines[j]) != "+" {
				r.counter = nil
			}
		}
		return i + 1
	case strings.HasPrefix(t, "//") && !strings.HasPrefix(t, "////"):
		return i + 1 // a comment
	case adocAttrRE.MatchString(raw):
		m := adocAttrRE.FindStringSubmatch(raw)
		r.attrs[m[1]] = strings.TrimSpace(m[2])
		return i + 1
	case t == "'''" || t == "<<<" || t == "+" || adocMacroLineRE.MatchString(t):
		return i + 1
	case t == "|===" || t == ",===" || t == ":===" || t == "!===":
		return r.table(lines, i)
	case adocDelimRE.MatchString(t):
		return r.delimited(lines, i)
	}
	if m := adocBlockAttrRE.FindStringSubmatch(t); m != nil {
		if strings.HasPrefix(t, "[[") || strings.HasPrefix(t, "[#") {
			return i + 1 // an anchor
		}
		r.style = m[1]
		return i + 1
	}
	if m := adocHeadingRE.FindStringSubmatch(raw); m != nil && (raw[0] == '=' || r.pd.title != "" || len(m[1]) > 1) {
		r.heading(len(m[1]), r.inline(m[2]))
		return i + 1
	}
	if strings.HasPrefix(t, ".") && len(t) > 1 && t[1] != '.' && t[1] != ' ' && t[1] != '\t' {
		// A block title (".Beispiel") is a caption over its block.
		r.emit(r.inline(t[1:]))
		r.lastTxt = false
		return i + 1
	}
	style := r.style
	r.style = ""
	if m := adocAdmonitionRE.FindStringSubmatch(t); m != nil {
		r.emit(adocAdmonitions[m[1]] + ": " + r.inline(m[2]))
		r.lastTxt = true
		return i + 1
	}
	if m := adocListRE.FindStringSubmatch(raw); m != nil {
		r.listItem(m[1], r.inline(m[2]))
		r.lastTxt = true
		return i + 1
	}
	if m := adocLabeledRE.FindStringSubmatch(raw); m != nil && !strings.Contains(m[1], "://") {
		term := r.inline(strings.TrimSpace(m[1]))
		if def := strings.TrimSpace(m[2]); def != "" {
			r.emit(term + ": " + r.inline(def))
		} else {
			r.emit(term + ":")
		}
		r.lastTxt = true
		return i + 1
	}
	s := r.inline(strings.TrimSuffix(t, " +"))
	if label, ok := adocAdmonitions[strings.ToUpper(style)]; ok && !r.lastTxt {
		s = label + ": " + s
	}
	if r.lastTxt && len(r.buf) > 0 && strings.HasPrefix(raw, " ") {
		// An indented line under a list item continues it.
		r.buf[len(r.buf)-1] += " " + s
		return i + 1
	}
	r.emit(s)
	r.lastTxt = true
	return i + 1
}

// heading opens a section of the given level (2 for "==").
func (r *adocReader) heading(level int, h string) {
	if level == 1 && r.pd.title == "" && len(r.pd.sections) == 0 && strings.TrimSpace(strings.Join(r.buf, "")) == "" {
		r.pd.title = h
		return
	}
	r.flush()
	for len(r.levels) > 0 && r.levels[len(r.levels)-1] >= level {
		r.levels, r.stack = r.levels[:len(r.levels)-1], r.stack[:len(r.stack)-1]
	}
	r.levels, r.stack = append(r.levels, level), append(r.stack, h)
	r.cur = Section{Heading: strings.Join(r.stack, " › ")}
	r.counter, r.style, r.lastTxt = nil, "", false
}

// listItem adds an item of a list whose marker is mark.
func (r *adocReader) listItem(mark, text string) {
	depth := len(mark)
	ordered := mark[0] == '.' || mark[0] >= '0' && mark[0] <= '9'
	if mark == "-" || mark[0] >= '0' && mark[0] <= '9' {
		depth = 1
	}
	for len(r.counter) < depth {
		r.counter = append(r.counter, 0)
	}
	r.counter = r.counter[:depth]
	indent := strings.Repeat("  ", depth-1)
	if !ordered {
		r.emit(indent + "- " + text)
		return
	}
	n := r.counter[depth-1] + 1
	if mark[0] >= '0' && mark[0] <= '9' {
		n, _ = strconv.Atoi(strings.TrimSuffix(mark, "."))
	}
	r.counter[depth-1] = n
	r.emit(indent + strconv.Itoa(n) + ". " + text)
}

// delimited reads a delimited block: a listing or literal block as
// written, a comment dropped, a passthrough as its text, any other block
// (example, sidebar, quote, open) by the rules of the body.
func (r *adocReader) delimited(lines []string, i int) int {
	delim := strings.TrimSpace(lines[i])
	style := r.style
	r.style = ""
	end := blockEnd(lines, i, delim)
	body := lines[i+1 : end]
	next := end + 1
	switch delim[0] {
	case '-', '.':
		if delim == "--" {
			break
		}
		r.emit("")
		r.buf = append(r.buf, body...)
		r.emit("")
		r.lastTxt = false
		return next
	case '/':
		return next
	case '+':
		r.emit(stripTags(strings.Join(body, "\n")))
		return next
	}
	if label, ok := adocAdmonitions[strings.ToUpper(style)]; ok {
		r.emit(label + ":")
	}
	for j := 0; j < len(body); {
		j = r.line(body, j)
	}
	r.lastTxt = false
	return next
}

// blockEnd returns the line after i that closes the block opened by
// delim at line i, or len(lines) when none does.
func blockEnd(lines []string, i int, delim string) int {
	for j := i + 1; j < len(lines); j++ {
		if strings.TrimSpace(lines[j]) == delim {
			return j
		}
	}
	return len(lines)
}

// table reads a table ("|===" to "|===") as lines of cells parted by
// " | ", the head row first.
func (r *adocReader) table(lines []string, i int) int {
	delim := strings.TrimSpace(lines[i])
	sep := delim[:1]
	cols := adocCols(r.style)
	r.style = ""
	end := blockEnd(lines, i, delim)
	var cells []string
	firstLine := -1
	for j := i + 1; j < end && len(cells) < maxAdocTableCells; j++ {
		l := strings.TrimSpace(lines[j])
		if l == "" {
			continue
		}
		if sep == "," {
			// CSV data: a line a row.
			parts := strings.Split(l, ",")
			if cols == 0 {
				cols = len(parts)
			}
			cells = append(cells, parts...)
			continue
		}
		parts := strings.Split(l, sep)
		if firstLine < 0 && strings.HasPrefix(l, sep) {
			firstLine = len(parts) - 1
		}
		for k, p := range parts {
			if k == 0 {
				// Text before the first separator continues the last
				// cell, unless it is a cell's specifier ("2+", "a").
				if p = strings.TrimSpace(p); p != "" && !adocCellSpec(p) && len(cells) > 0 {
					cells[len(cells)-1] += " " + p
				}
				continue
			}
			// A specifier of the next cell stands at the end of this one.
			if k+1 < len(parts) {
				if f := strings.Fields(p); len(f) > 0 && adocCellSpec(f[len(f)-1]) && len(f) > 1 {
					p = strings.TrimSuffix(strings.TrimSpace(p), f[len(f)-1])
				}
			}
			cells = append(cells, strings.TrimSpace(p))
		}
	}
	if cols == 0 {
		cols = max(firstLine, 1)
	}
	r.emit("")
	for k := 0; k < len(cells); k += cols {
		row := cells[k:min(k+cols, len(cells))]
		out := make([]string, 0, len(row))
		for _, c := range row {
			out = append(out, r.inline(c))
		}
		if strings.TrimSpace(strings.Join(out, "")) == "" {
			continue
		}
		r.emit(strings.Join(out, " | "))
	}
	r.emit("")
	r.lastTxt = false
	return end + 1
}

// adocCellSpecRE matches a table cell's specifier ("2+", "3*", ".2+^", "a", "h").
var adocCellSpecRE = regexp.MustCompile(`^(?:\d*(?:\.\d+)?[+*])?[<^>]?(?:\.[<^>])?[adehlms]?$`)

func adocCellSpec(s string) bool { return s != "" && adocCellSpecRE.MatchString(s) }

// adocCols returns the number of columns a table's attribute line gives
// ("cols=\"1,2\"", "cols=3", "cols=\"3*\""), 0 for none.
func adocCols(attrs string) int {
	i := strings.Index(attrs, "cols=")
	if i < 0 {
		return 0
	}
	v := attrs[i+len("cols="):]
	if strings.HasPrefix(v, `"`) || strings.HasPrefix(v, "'") {
		q := v[:1]
		v = v[1:]
		if k := strings.Index(v, q); k >= 0 {
			v = v[:k]
		}
	} else if k := strings.IndexByte(v, ','); k >= 0 {
		v = v[:k]
	}
	if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
		return min(max(n, 0), 100)
	}
	n := 0
	for _, c := range strings.Split(v, ",") {
		if k := strings.IndexByte(c, '*'); k > 0 {
			if m, err := strconv.Atoi(strings.TrimSpace(c[:k])); err == nil {
				n += m
				continue
			}
		}
		n++
	}
	return min(n, 100)
}

// inline reduces a line's inline markup to its text.
func (r *adocReader) inline(s string) string {
	if strings.ContainsAny(s, "{") {
		s = adocAttrRefRE.ReplaceAllStringFunc(s, func(m string) string {
			name := m[1 : len(m)-1]
			if v, ok := r.attrs[name]; ok {
				return v
			}
			if v, ok := adocBuiltinAttrs[name]; ok {
				return v
			}
			return m
		})
	}
	s = adocAnchorRE.ReplaceAllString(s, "")
	s = adocUIRE.ReplaceAllStringFunc(s, func(m string) string {
		sm := adocUIRE.FindStringSubmatch(m)
		if sm[1] != "" {
			return sm[2]
		}
		items := []string{sm[3]}
		for _, p := range strings.Split(sm[4], ">") {
			if p = strings.TrimSpace(p); p != "" {
				items = append(items, p)
			}
		}
		return strings.Join(items, " > ")
	})
	s = adocXrefRE.ReplaceAllStringFunc(s, func(m string) string {
		sm := adocXrefRE.FindStringSubmatch(m)
		id, text := sm[1], sm[2]
		if sm[3] != "" {
			id, text = sm[3], sm[4]
		}
		if text = strings.TrimSpace(text); text != "" {
			return text
		}
		id = strings.TrimSpace(strings.TrimPrefix(id, "#"))
		if t, ok := r.anchors[id]; ok {
			return t
		}
		return id
	})
	s = adocFootnoteRE.ReplaceAllStringFunc(s, func(m string) string {
		sm := adocFootnoteRE.FindStringSubmatch(m)
		if sm[1] == "footnote" {
			return " (" + sm[2] + ")"
		}
		return sm[2]
	})
	s = adocLinkRE.ReplaceAllStringFunc(s, func(m string) string {
		sm := adocLinkRE.FindStringSubmatch(m)
		text := strings.TrimSpace(sm[2])
		if k := strings.IndexByte(text, ','); k >= 0 && strings.Contains(text[k:], "=") {
			text = strings.TrimSpace(text[:k]) // "Text,window=_blank"
		}
		if text == "" && !strings.HasPrefix(m, "image:") {
			return strings.TrimSuffix(m, "[]")
		}
		return text
	})
	for range 3 {
		t := adocUnconstrainedRE.ReplaceAllString(s, "$1$2$3$4")
		t = adocConstrainedRE.ReplaceAllStringFunc(t, func(m string) string {
			sm := adocConstrainedRE.FindStringSubmatch(m)
			if sm[2] != sm[4] {
				return m
			}
			return sm[1] + sm[3] + sm[5]
		})
		if t == s {
			break
		}
		s = t
	}
	return s
}
