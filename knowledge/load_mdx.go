// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Bounds of an MDX page: the exported values and JSX elements read and
// the depth of a JavaScript literal.
const (
	maxMDXExports  = 200
	maxMDXElements = 5000
	maxJSDepth     = 16
)

// mdxTextProps are the props of a JSX element that carry text: the
// heading of the element's children (or a line of their own), as
// Docusaurus, Nextra and design systems name them.
var mdxTextProps = []string{"title", "heading", "headline", "label", "summary", "caption", "titel", "ueberschrift"}

// mdxQuestionKeys and mdxAnswerKeys name a question and its answer in a
// list of objects passed as a prop.
var (
	mdxQuestionKeys = map[string]bool{"question": true, "frage": true, "q": true, "title": true, "titel": true, "summary": true}
	mdxAnswerKeys   = map[string]bool{"answer": true, "antwort": true, "a": true, "text": true, "content": true, "body": true, "inhalt": true}
)

var (
	mdxCommentRE = regexp.MustCompile(`(?s)\{/\*.*?\*/\}`)
	mdxTagRE     = regexp.MustCompile(`^\s*<(/?)([A-Za-z][\w.]*)`)
	mdxPropRE    = regexp.MustCompile(`\s([A-Za-z][\w-]*)=`)
	mdxExportRE  = regexp.MustCompile(`^export\s+(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*`)
)

// parseMDX reads an MDX page as Markdown: front matter, headings and
// lists as Markdown's; import and export lines and {/* … */} comments
// dropped; a JSX element's children read as Markdown (dedented), its
// text props (title, label, heading …) a heading one level below the
// current one over them (or a line of their own when it has none);
// a list of objects passed as a prop (items={[{frage, antwort}]}) a
// heading per question with its answer, else a table; a prop naming an
// array the file exports (rows={preise}) that array as a table, its
// columns prop the head; src, alt, width, type, value and other
// technical props dropped. Nothing is executed.
func parseMDX(data []byte) (parsedDoc, error) {
	if !utf8.Valid(data) {
		return parsedDoc{}, fmt.Errorf("kein gültiges UTF-8")
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.TrimPrefix(text, "\ufeff")
	var out strings.Builder
	if rest, ok := strings.CutPrefix(text, "---\n"); ok {
		if end := strings.Index(rest, "\n---"); end >= 0 {
			nl := strings.IndexByte(rest[end+1:], '\n')
			if nl < 0 {
				nl = len(rest) - end - 1
			}
			out.WriteString("---\n" + rest[:end+1+nl] + "\n")
			text = rest[end+1+nl:]
		}
	}
	text = mdxCommentRE.ReplaceAllString(text, "")
	lines := strings.Split(text, "\n")
	exports := map[string]any{}
	level := 1 // of the last Markdown heading
	elements := 0
	var stack []int // the heading level each open element set, or -1
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		trim := strings.TrimSpace(line)
		if strings.HasPrefix(trim, "import ") && len(stack) == 0 {
			continue
		}
		if m := mdxExportRE.FindStringSubmatch(trim); m != nil && len(stack) == 0 {
			src, end := jsExpression(lines, i, len(m[0])+strings.Index(line, trim))
			if len(exports) < maxMDXExports {
				if v, ok := parseJS(src); ok {
					exports[m[1]] = v
				}
			}
			i = end
			continue
		}
		if strings.HasPrefix(trim, "export ") && len(stack) == 0 {
			continue
		}
		if h := strings.TrimLeft(trim, "#"); len(stack) == 0 && len(h) < len(trim) && strings.HasPrefix(h, " ") {
			level = len(trim) - len(h)
		}
		m := mdxTagRE.FindStringSubmatch(line)
		if m == nil {
			if len(stack) > 0 {
				line = trim
			}
			out.WriteString(line + "\n")
			continue
		}
		if elements++; elements > maxMDXElements {
			break
		}
		if m[1] == "/" {
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			continue
		}
		tag, end, selfClosing := jsxTag(lines, i)
		i = end
		props := jsxProps(tag)
		cur := level
		for _, l := range stack {
			if l > 0 {
				cur = l
			}
		}
		set := -1
		for _, k := range mdxTextProps {
			if v, ok := props[k].(string); ok && strings.TrimSpace(v) != "" {
				if selfClosing {
					out.WriteString("\n" + strings.TrimSpace(v) + "\n\n")
				} else if _, box := props["type"].(string); box {
					// A callout's title (an admonition of a kind): the
					// lead-in of its box, in the text it stands in.
					out.WriteString("\n" + strings.TrimSpace(v) + ":\n")
				} else {
					set = min(cur+1, 6)
					out.WriteString("\n" + strings.Repeat("#", set) + " " + strings.TrimSpace(v) + "\n\n")
				}
				break
			}
		}
		for _, k := range propOrder(tag) {
			if k == "columns" || k == "cols" || k == "headers" {
				continue // the head of the table another prop holds
			}
			v := props[k]
			if name, ok := v.(jsName); ok {
				v = exports[string(name)]
			}
			list, ok := v.([]any)
			if !ok {
				continue
			}
			var cols []string
			if c, ok := props["columns"].([]any); ok {
				for _, x := range c {
					if s, ok := x.(string); ok {
						cols = append(cols, s)
					}
				}
			}
			out.WriteString(mdxList(list, cols, min(cur+1, 6)))
		}
		if !selfClosing {
			stack = append(stack, set)
		}
	}
	return parseMarkdown([]byte(out.String()))
}

// jsName is a bare identifier in a JSX expression (a variable).
type jsName string

// jsObject is a JavaScript object literal with its keys in order.
type jsObject struct {
	keys []string
	vals map[string]any
}

// mdxList renders a list of objects as a heading per question with its
// answer, or as a table (cols its head, else the objects' keys); a list
// of strings as a Markdown list.
func mdxList(list []any, cols []string, level int) string {
	var b strings.Builder
	var objs []jsObject
	for _, e := range list {
		switch e := e.(type) {
		case string:
			b.WriteString("- " + e + "\n")
		case jsObject:
			objs = append(objs, e)
		}
	}
	if len(objs) == 0 {
		return b.String() + "\n"
	}
	q, a := "", ""
	for _, k := range objs[0].keys {
		lk := strings.ToLower(k)
		if mdxQuestionKeys[lk] && q == "" {
			q = k
		} else if mdxAnswerKeys[lk] && a == "" {
			a = k
		}
	}
	if q != "" && a != "" {
		for _, o := range objs {
			qs, _ := o.vals[q].(string)
			as, _ := o.vals[a].(string)
			if qs != "" && as != "" {
				fmt.Fprintf(&b, "\n%s %s\n\n%s\n", strings.Repeat("#", level), strings.TrimSpace(qs), strings.TrimSpace(as))
			}
		}
		return b.String() + "\n"
	}
	keys := objs[0].keys
	head := cols
	if len(head) != len(keys) {
		head = keys
	}
	b.WriteString("\n| " + strings.Join(head, " | ") + " |\n|" + strings.Repeat(" --- |", len(head)) + "\n")
	for _, o := range objs {
		var cells []string
		for _, k := range keys {
			s, _ := o.vals[k].(string)
			if f, ok := o.vals[k].(float64); ok {
				s = fmt.Sprint(f)
			}
			cells = append(cells, strings.ReplaceAll(s, "|", "/"))
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	return b.String() + "\n"
}

// jsxTag returns the opening tag starting on line i, which may span
// lines up to its ">" outside quotes and braces, the line it ends on and
// whether it closes itself ("/>").
func jsxTag(lines []string, i int) (string, int, bool) {
	var b strings.Builder
	depth := 0
	var quote rune
	for j := i; j < len(lines); j++ {
		for _, r := range lines[j] {
			b.WriteRune(r)
			switch {
			case quote != 0:
				if r == quote {
					quote = 0
				}
			case r == '"' || r == '\'' || r == '`':
				quote = r
			case r == '{':
				depth++
			case r == '}':
				depth--
			case r == '>' && depth <= 0:
				s := b.String()
				return s, j, strings.HasSuffix(strings.TrimSpace(s), "/>")
			}
		}
		b.WriteByte('\n')
	}
	return b.String(), len(lines) - 1, true
}

// jsExpression returns the JavaScript expression starting at column col
// of line i up to where its brackets close, and the line it ends on.
func jsExpression(lines []string, i, col int) (string, int) {
	var b strings.Builder
	depth := 0
	var quote rune
	started := false
	for j := i; j < len(lines); j++ {
		l := lines[j]
		if j == i && col <= len(l) {
			l = l[col:]
		}
		for _, r := range l {
			b.WriteRune(r)
			switch {
			case quote != 0:
				if r == quote {
					quote = 0
				}
			case r == '"' || r == '\'' || r == '`':
				quote = r
			case r == '[' || r == '{' || r == '(':
				depth++
				started = true
			case r == ']' || r == '}' || r == ')':
				depth--
			}
		}
		b.WriteByte('\n')
		if depth <= 0 && (started || strings.TrimSpace(b.String()) != "") {
			return b.String(), j
		}
	}
	return b.String(), len(lines) - 1
}

// jsxProps returns the props of an opening tag: strings, literals
// ({[…]}, {{…}}) as values, bare names as jsName.
func jsxProps(tag string) map[string]any {
	props := map[string]any{}
	p := &jsParser{s: []rune(tag)}
	// Skip "<Name".
	for p.i < len(p.s) && !unicode.IsSpace(p.s[p.i]) && p.s[p.i] != '>' && p.s[p.i] != '/' {
		p.i++
	}
	for p.i < len(p.s) {
		p.space()
		start := p.i
		for p.i < len(p.s) && (unicode.IsLetter(p.s[p.i]) || unicode.IsDigit(p.s[p.i]) || p.s[p.i] == '-' || p.s[p.i] == '_') {
			p.i++
		}
		if p.i == start {
			p.i++
			continue
		}
		key := string(p.s[start:p.i])
		p.space()
		if p.i >= len(p.s) || p.s[p.i] != '=' {
			continue
		}
		p.i++
		p.space()
		if p.i >= len(p.s) {
			break
		}
		switch p.s[p.i] {
		case '"', '\'':
			props[key] = p.str()
		case '{':
			p.i++
			v, ok := p.value(0)
			if ok {
				props[key] = v
			}
			for p.i < len(p.s) && p.s[p.i] != '}' {
				p.i++
			}
			p.i++
		}
	}
	return props
}

// propOrder returns the names of a tag's props in their order.
func propOrder(tag string) []string {
	var out []string
	for _, m := range mdxPropRE.FindAllStringSubmatch(tag, -1) {
		out = append(out, m[1])
	}
	return out
}

// parseJS parses a JavaScript literal (arrays, objects, strings,
// numbers, names).
func parseJS(src string) (any, bool) {
	p := &jsParser{s: []rune(src)}
	return p.value(0)
}

// jsParser reads JavaScript literals; anything else (calls, operators)
// ends the value read.
type jsParser struct {
	s []rune
	i int
}

func (p *jsParser) space() {
	for p.i < len(p.s) && (unicode.IsSpace(p.s[p.i]) || p.s[p.i] == ',') {
		p.i++
	}
}

func (p *jsParser) str() string {
	q := p.s[p.i]
	p.i++
	var b strings.Builder
	for p.i < len(p.s) && p.s[p.i] != q {
		if p.s[p.i] == '\\' && p.i+1 < len(p.s) {
			p.i++
		}
		b.WriteRune(p.s[p.i])
		p.i++
	}
	p.i++
	return b.String()
}

func (p *jsParser) value(depth int) (any, bool) {
	p.space()
	if p.i >= len(p.s) || depth > maxJSDepth {
		return nil, false
	}
	switch c := p.s[p.i]; {
	case c == '"' || c == '\'' || c == '`':
		return p.str(), true
	case c == '[':
		p.i++
		var list []any
		for {
			p.space()
			if p.i >= len(p.s) {
				return list, false
			}
			if p.s[p.i] == ']' {
				p.i++
				return list, true
			}
			v, ok := p.value(depth + 1)
			if !ok {
				return list, false
			}
			list = append(list, v)
		}
	case c == '{':
		p.i++
		o := jsObject{vals: map[string]any{}}
		for {
			p.space()
			if p.i >= len(p.s) {
				return o, false
			}
			if p.s[p.i] == '}' {
				p.i++
				return o, true
			}
			var key string
			if p.s[p.i] == '"' || p.s[p.i] == '\'' {
				key = p.str()
			} else {
				start := p.i
				for p.i < len(p.s) && (unicode.IsLetter(p.s[p.i]) || unicode.IsDigit(p.s[p.i]) || p.s[p.i] == '_' || p.s[p.i] == '$') {
					p.i++
				}
				key = string(p.s[start:p.i])
				if key == "" {
					return o, false
				}
			}
			p.space()
			if p.i < len(p.s) && p.s[p.i] == ':' {
				p.i++
				v, ok := p.value(depth + 1)
				if !ok {
					return o, false
				}
				o.vals[key] = v
			} else {
				o.vals[key] = jsName(key) // shorthand {a}
			}
			o.keys = append(o.keys, key)
		}
	default:
		start := p.i
		for p.i < len(p.s) && (unicode.IsLetter(p.s[p.i]) || unicode.IsDigit(p.s[p.i]) || strings.ContainsRune("_$.-", p.s[p.i])) {
			p.i++
		}
		if p.i == start {
			return nil, false
		}
		w := string(p.s[start:p.i])
		var f float64
		if _, err := fmt.Sscan(w, &f); err == nil {
			return f, true
		}
		return jsName(w), true
	}
}
