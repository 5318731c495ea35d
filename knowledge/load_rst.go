// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Bounds of a reStructuredText file: the substitutions defined and the
// rows of a list table.
const (
	maxRSTSubstitutions = 500
	maxRSTRows          = 2000
)

// rstAdmonitions name the admonition directives' lead-ins.
var rstAdmonitions = map[string]string{
	"note": "Hinweis", "hint": "Hinweis", "tip": "Tipp", "important": "Wichtig", "warning": "Warnung",
	"caution": "Vorsicht", "attention": "Achtung", "danger": "Gefahr", "error": "Fehler", "seealso": "Siehe auch",
}

var (
	rstDirectiveRE    = regexp.MustCompile(`^\.\.\s+([A-Za-z][\w:-]*)::\s*(.*)$`)
	rstSubstDefRE     = regexp.MustCompile(`^\.\.\s+\|([^|]+)\|\s+replace::\s*(.*)$`)
	rstRoleRE         = regexp.MustCompile(":([A-Za-z][\\w:-]*):`([^`]+)`")
	rstLiteralRE      = regexp.MustCompile("``([^`]+)``")
	rstRefRE          = regexp.MustCompile("`([^`<]+?)\\s*(?:<[^>]+>)?`__?")
	rstSubstRE        = regexp.MustCompile(`\|([^|\s][^|]*)\|`)
	rstFieldRE        = regexp.MustCompile(`^:([^:]+):\s*(.*)$`)
	rstEnumRE         = regexp.MustCompile(`^(\d+|[a-zA-Z]|#)[.)]\s+`)
	rstBulletRE       = regexp.MustCompile(`^[-*+•]\s+`)
	rstListTableRowRE = regexp.MustCompile(`^\*\s+-\s+(.*)$`)
)

// rstAdornment reports whether l is a section adornment: one punctuation
// character repeated, at least three times.
func rstAdornment(l string) (rune, bool) {
	l = strings.TrimRight(l, " ")
	if utf8.RuneCountInString(l) < 3 {
		return 0, false
	}
	c, _ := utf8.DecodeRuneInString(l)
	if !unicode.IsPunct(c) && !unicode.IsSymbol(c) {
		return 0, false
	}
	for _, r := range l {
		if r != c {
			return 0, false
		}
	}
	return c, true
}

// parseRST reads a reStructuredText file: its title and sections by
// their adornments (over- and underlined or underlined, levels in the
// order the styles first appear); the field list under the title
// (:Autor:, :Stand: …) dropped as metadata; .. contents::, targets,
// comments and other directives without text dropped; substitution
// definitions applied (|X| → its text); note, warning and the other
// admonitions paragraphs led by "Hinweis:", "Warnung:" …; roles as
// their text (:kbd:`x` → x, :menuselection:`A --> B` → "A → B",
// :doc:/:ref: → the title or target); inline literals without quotes;
// paragraphs and list items with their continuation lines joined; a
// list-table rows of cells parted by " | ", its :header-rows: the head.
// The result is read as Markdown.
func parseRST(data []byte) (parsedDoc, error) {
	if !utf8.Valid(data) {
		return parsedDoc{}, fmt.Errorf("kein gültiges UTF-8")
	}
	text := strings.ReplaceAll(strings.TrimPrefix(string(data), "\ufeff"), "\r\n", "\n")
	lines := strings.Split(strings.ReplaceAll(text, "\t", "    "), "\n")
	subst := map[string]string{}
	for _, l := range lines {
		if m := rstSubstDefRE.FindStringSubmatch(strings.TrimSpace(l)); m != nil && len(subst) < maxRSTSubstitutions {
			subst[m[1]] = m[2]
		}
	}
	inline := func(s string) string {
		s = rstSubstRE.ReplaceAllStringFunc(s, func(m string) string {
			if v, ok := subst[m[1:len(m)-1]]; ok {
				return v
			}
			return m
		})
		s = rstRoleRE.ReplaceAllStringFunc(s, func(m string) string {
			sm := rstRoleRE.FindStringSubmatch(m)
			role, body := sm[1], sm[2]
			if i := strings.LastIndex(body, "<"); i > 0 && strings.HasSuffix(body, ">") {
				body = strings.TrimSpace(body[:i]) // "title <target>"
			}
			if role == "menuselection" || role == "guilabel" {
				body = strings.ReplaceAll(body, "-->", "→")
			}
			return body
		})
		s = rstLiteralRE.ReplaceAllString(s, "$1")
		s = rstRefRE.ReplaceAllString(s, "$1")
		return s
	}
	styles := map[string]int{} // adornment style → level
	var out []string
	var para []string
	flush := func() {
		if len(para) > 0 {
			p := inline(strings.Join(para, " "))
			out = append(out, p)
			if !strings.HasSuffix(p, ":") {
				// A paragraph ending in a colon leads into what follows
				// (a list, a table) and stays with it.
				out = append(out, "")
			}
			para = nil
		}
	}
	indentOf := func(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }
	// block returns the indented lines after line i (the directive's
	// body), dedented, and the index of the last.
	block := func(i int) ([]string, int) {
		var body []string
		j := i + 1
		min := -1
		for ; j < len(lines); j++ {
			l := lines[j]
			if strings.TrimSpace(l) == "" {
				body = append(body, "")
				continue
			}
			if indentOf(l) == 0 {
				break
			}
			if min < 0 || indentOf(l) < min {
				min = indentOf(l)
			}
			body = append(body, l)
		}
		for k, l := range body {
			if len(l) >= min && min > 0 {
				body[k] = l[min:]
			}
		}
		for len(body) > 0 && body[len(body)-1] == "" {
			body = body[:len(body)-1]
		}
		return body, j - 1
	}
	afterTitle := false
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		trim := strings.TrimSpace(l)
		// A section title: over- and underlined, or underlined.
		if c, ok := rstAdornment(l); ok && i+2 < len(lines) && strings.TrimSpace(lines[i+1]) != "" {
			if c2, ok2 := rstAdornment(lines[i+2]); ok2 && c2 == c {
				flush()
				style := "o" + string(c)
				if _, ok := styles[style]; !ok {
					styles[style] = len(styles) + 1
				}
				out = append(out, strings.Repeat("#", min(styles[style], 6))+" "+inline(strings.TrimSpace(lines[i+1])), "")
				afterTitle = styles[style] == 1
				i += 2
				continue
			}
		}
		if trim != "" && indentOf(l) == 0 && i+1 < len(lines) {
			if c, ok := rstAdornment(lines[i+1]); ok && utf8.RuneCountInString(strings.TrimSpace(lines[i+1])) >= utf8.RuneCountInString(trim)-2 && len(para) == 0 {
				flush()
				style := "u" + string(c)
				if _, ok := styles[style]; !ok {
					styles[style] = len(styles) + 1
				}
				out = append(out, strings.Repeat("#", min(styles[style], 6))+" "+inline(trim), "")
				afterTitle = styles[style] == 1
				i++
				continue
			}
		}
		if trim == "" {
			flush()
			continue
		}
		if indentOf(l) == 0 && strings.HasPrefix(trim, "..") {
			flush()
			m := rstDirectiveRE.FindStringSubmatch(trim)
			body, end := block(i)
			i = end
			if m == nil {
				continue // a comment, a target or a substitution
			}
			name := strings.ToLower(m[1])
			// The directive's options precede its content.
			k := 0
			for k < len(body) && rstFieldRE.MatchString(body[k]) {
				k++
			}
			options := body[:k]
			content := body[k:]
			switch {
			case rstAdmonitions[name] != "" || name == "admonition":
				lead := rstAdmonitions[name]
				if name == "admonition" {
					lead = strings.TrimSpace(m[2])
				} else if strings.TrimSpace(m[2]) != "" {
					content = append([]string{m[2]}, content...)
				}
				var ps []string
				var cur []string
				for _, c := range append(content, "") {
					if strings.TrimSpace(c) == "" {
						if len(cur) > 0 {
							ps = append(ps, inline(strings.Join(cur, " ")))
							cur = nil
						}
						continue
					}
					cur = append(cur, strings.TrimSpace(c))
				}
				if len(ps) > 0 {
					ps[0] = lead + ": " + ps[0]
					for _, p := range ps {
						out = append(out, p, "")
					}
				}
			case name == "list-table":
				out = append(out, rstListTable(m[2], options, content, inline)...)
			case name == "code-block" || name == "code" || name == "sourcecode" || name == "parsed-literal" || name == "line-block":
				for _, c := range content {
					if strings.TrimSpace(c) != "" {
						out = append(out, "    "+c)
					}
				}
				out = append(out, "")
			case name == "rubric" || name == "topic" || name == "sidebar":
				if t := strings.TrimSpace(m[2]); t != "" {
					out = append(out, inline(t)+":", "")
				}
				out = append(out, rstParagraphs(content, inline)...)
			}
			continue
		}
		if afterTitle && indentOf(l) == 0 && rstFieldRE.MatchString(trim) && len(para) == 0 {
			// The document's fields (docinfo): metadata.
			_, end := block(i)
			i = end
			continue
		}
		afterTitle = false
		if m := rstEnumRE.FindString(trim); m != "" || rstBulletRE.MatchString(trim) {
			if len(para) == 0 || rstEnumRE.MatchString(para[0]) || rstBulletRE.MatchString(para[0]) {
				flush()
				item := []string{trim}
				j := i + 1
				for ; j < len(lines) && strings.TrimSpace(lines[j]) != "" && indentOf(lines[j]) > indentOf(l); j++ {
					item = append(item, strings.TrimSpace(lines[j]))
				}
				i = j - 1
				s := inline(strings.Join(item, " "))
				if strings.HasPrefix(s, "#") {
					s = "-" + s[1:]
				}
				if rstBulletRE.MatchString(s) {
					s = "- " + rstBulletRE.ReplaceAllString(s, "")
				}
				out = append(out, strings.Repeat("  ", indentOf(l)/3)+s)
				continue
			}
		}
		if strings.HasSuffix(trim, "::") {
			// A literal block follows.
			trim = strings.TrimSuffix(strings.TrimSuffix(trim, "::"), " ")
			if trim != "" {
				trim += ":"
			}
		}
		para = append(para, trim)
	}
	flush()
	return parseMarkdown([]byte(strings.Join(out, "\n")))
}

// rstParagraphs joins the lines of each paragraph of a directive's body.
func rstParagraphs(content []string, inline func(string) string) []string {
	var out, cur []string
	for _, c := range append(content, "") {
		if strings.TrimSpace(c) == "" {
			if len(cur) > 0 {
				out = append(out, inline(strings.Join(cur, " ")), "")
				cur = nil
			}
			continue
		}
		cur = append(cur, strings.TrimSpace(c))
	}
	return out
}

// rstListTable renders a list-table's body as Markdown table rows: each
// "* - " a row, each "- " below it a cell, continuation lines joined;
// the first :header-rows: rows the head; its title a line above.
func rstListTable(title string, options, body []string, inline func(string) string) []string {
	head := 0
	for _, o := range options {
		if m := rstFieldRE.FindStringSubmatch(o); m != nil && m[1] == "header-rows" {
			fmt.Sscan(m[2], &head)
		}
	}
	var rows [][]string
	for _, l := range body {
		t := strings.TrimSpace(l)
		switch {
		case t == "":
		case rstListTableRowRE.MatchString(l):
			if len(rows) >= maxRSTRows {
				break
			}
			rows = append(rows, []string{rstListTableRowRE.FindStringSubmatch(l)[1]})
		case strings.HasPrefix(t, "- ") && len(rows) > 0:
			rows[len(rows)-1] = append(rows[len(rows)-1], strings.TrimPrefix(t, "- "))
		case len(rows) > 0:
			r := rows[len(rows)-1]
			r[len(r)-1] += " " + t
		}
	}
	var out []string
	if t := strings.TrimSpace(title); t != "" {
		out = append(out, inline(t), "")
	}
	for i, r := range rows {
		for k := range r {
			r[k] = strings.ReplaceAll(inline(r[k]), "|", "/")
		}
		out = append(out, "| "+strings.Join(r, " | ")+" |")
		if i == 0 {
			sep := "|" + strings.Repeat(" --- |", len(r))
			if head == 0 {
				// No head row: an empty head keeps the first row a row.
				out = append(out[:len(out)-1], "|"+strings.Repeat("  |", len(r)), sep, out[len(out)-1])
			} else {
				out = append(out, sep)
			}
		}
	}
	return append(out, "")
}
