// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// faqKeys are the key pairs a front matter list of questions and answers
// uses, as static site themes name them.
var faqKeys = [][2]string{{"frage", "antwort"}, {"question", "answer"}, {"q", "a"}}

// maxFrontMatterFAQ bounds the questions read from one front matter.
const maxFrontMatterFAQ = 500

// frontMatterFAQ returns the questions and answers a YAML front matter
// keeps as a list of objects that pair a question with an answer
// ("faq: [{frage: …, antwort: …}]", also "question"/"answer" and
// "q"/"a", under any key): a site generator's template renders them, so
// they are the page's text. Each becomes a section headed by its
// question, its answer (Markdown) the text. A list with an item that
// lacks either is no such list.
func frontMatterFAQ(src string) []Section {
	var m map[string]any
	if err := yaml.Unmarshal([]byte(src), &m); err != nil {
		return nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys) // a stable order whatever the map's
	var out []Section
	for _, k := range keys {
		items, ok := m[k].([]any)
		if !ok || len(items) == 0 {
			continue
		}
		secs := faqItems(items)
		if len(out)+len(secs) > maxFrontMatterFAQ {
			break
		}
		out = append(out, secs...)
	}
	return out
}

// faqItems reads a list whose every item pairs a question with an
// answer, nil for any other list.
func faqItems(items []any) []Section {
	var out []Section
	for _, it := range items {
		obj, ok := it.(map[string]any)
		if !ok {
			return nil
		}
		lower := make(map[string]any, len(obj))
		for k, v := range obj {
			lower[strings.ToLower(k)] = v
		}
		found := false
		for _, p := range faqKeys {
			q, qok := lower[p[0]].(string)
			a, aok := lower[p[1]].(string)
			if !qok || !aok || strings.TrimSpace(q) == "" || strings.TrimSpace(a) == "" {
				continue
			}
			h := strings.Join(strings.Fields(q), " ")
			out = append(out, Section{Heading: h, Text: strings.TrimSpace(markdownExtensions(stripMarkdownHTML(a)))})
			found = true
			break
		}
		if !found {
			return nil
		}
	}
	return out
}

// templateTagRE matches the tags of Liquid and Jinja templates that a
// site generator leaves in a page's source: "{% include … %}",
// "{%- if … -%}", "{{ page.title }}", "{# Kommentar #}". Markup, no text.
var templateTagRE = regexp.MustCompile(`\{%-?.{0,300}?-?%\}|\{\{-?\s*[^{}<%]{0,300}?-?\}\}|\{#.{0,300}?#\}`)

// liquidCommentRE matches a Liquid or Jinja comment block, dropped with
// its content.
var liquidCommentRE = regexp.MustCompile(`(?s)\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}`)

// dropTemplateTags removes template tags from a line outside its code
// spans (`{{ .Werte }}` in backticks is text the reader sees).
func dropTemplateTags(line string) string {
	if !strings.Contains(line, "{%") && !strings.Contains(line, "{{") && !strings.Contains(line, "{#") {
		return line
	}
	var b strings.Builder
	for i := 0; i < len(line); {
		j := strings.IndexByte(line[i:], '`')
		if j < 0 {
			b.WriteString(templateTagRE.ReplaceAllString(line[i:], ""))
			break
		}
		b.WriteString(templateTagRE.ReplaceAllString(line[i:i+j], ""))
		i += j
		run := i
		for run < len(line) && line[run] == '`' {
			run++
		}
		if end := closingTicks(line[run:], run-i); end >= 0 {
			b.WriteString(line[i : run+end+(run-i)])
			i = run + end + (run - i)
		} else {
			b.WriteString(line[i:run])
			i = run
		}
	}
	return b.String()
}
