// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/musterstadt/lotse/knowledge"
)

// citationRE matches [1], [1, 2], [1; 3] and [1-3].
var citationRE = regexp.MustCompile(`\[\s*(\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*)\s*\]`)

// parseCitation returns the numbers of one marker's inside ("1, 3-4").
func parseCitation(inner string) []int {
	var out []int
	for part := range strings.FieldsFuncSeq(inner, func(r rune) bool { return r == ',' || r == ';' }) {
		part = strings.TrimSpace(part)
		lo, hi, isRange := strings.Cut(strings.ReplaceAll(part, "–", "-"), "-")
		a, _ := strconv.Atoi(strings.TrimSpace(lo))
		b := a
		if isRange {
			b, _ = strconv.Atoi(strings.TrimSpace(hi))
		}
		if b < a || b-a > 20 {
			b = a
		}
		for n := a; n <= b; n++ {
			out = append(out, n)
		}
	}
	return out
}

// renumberCitations rewrites the markers of text so that [k] refers to the
// k-th source, merges passages of the same document into one source, and
// returns the cleaned text with the sources in order of first citation.
func renumberCitations(text string, ps []knowledge.Passage, cited []int) (string, []Source) {
	r := newRenumberer(ps)
	for _, i := range cited {
		r.source(i)
	}
	return strings.TrimSpace(r.rewrite(text)), r.sources
}

// renumberer numbers the sources of an answer in order of first citation
// while the answer streams: [k] refers to the k-th source, and passages of
// one document share a source.
type renumberer struct {
	ps      []knowledge.Passage
	number  map[int]int    // passage index -> 1-based source number
	byDoc   map[string]int // document key -> 1-based source number
	sources []Source
}

func newRenumberer(ps []knowledge.Passage) renumberer {
	return renumberer{ps: ps, number: map[int]int{}, byDoc: map[string]int{}}
}

// source returns the source number of passage i, adding it if needed.
func (r *renumberer) source(i int) int {
	if n, ok := r.number[i]; ok {
		return n
	}
	p := r.ps[i]
	key := p.DocID
	if key == "" {
		key = p.Title + "\x00" + p.URL
	}
	n, ok := r.byDoc[key]
	if !ok {
		r.sources = append(r.sources, Source{ID: p.DocID, Title: p.Title, URL: p.URL, Snippet: snippet(p.Text)})
		n = len(r.sources)
		r.byDoc[key] = n
	}
	r.number[i] = n
	return n
}

// rewrite renumbers the markers of a piece of the answer and removes its
// Markdown (see plainText), keeping the surrounding whitespace.
func (r *renumberer) rewrite(text string) string {
	out := citationRE.ReplaceAllStringFunc(text, func(m string) string {
		inner := citationRE.FindStringSubmatch(m)[1]
		var ns []int
		for _, n := range parseCitation(inner) {
			if n < 1 || n > len(r.ps) {
				continue
			}
			if k := r.source(n - 1); !slices.Contains(ns, k) {
				ns = append(ns, k)
			}
		}
		slices.Sort(ns)
		parts := make([]string, len(ns))
		for i, n := range ns {
			parts[i] = strconv.Itoa(n)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	})
	return markdownToPlain(out)
}

func snippet(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return truncateLLM(s, maxSnippetRunes)
}

// The Markdown a model adds despite the prompt: links, bold and italic
// markers, headings and "* " bullets.
var (
	linkRE     = regexp.MustCompile(`\[([^\[\]\n]+)\]\((https?://[^\s)]+)\)`)
	emphasisRE = regexp.MustCompile(`\*\*|__`)
	headingRE  = regexp.MustCompile(`(?m)^[ \t]*#{1,6}[ \t]+`)
	bulletRE   = regexp.MustCompile(`(?m)^([ \t]*)\*[ \t]+`)
)

// plainText removes Markdown emphasis and headings, writes links as
// "label (url)" and turns "* " bullets into "- ", since Answer.Text is
// plain text.
func plainText(s string) string { return strings.TrimSpace(markdownToPlain(s)) }

func markdownToPlain(s string) string {
	// Each expression runs only when s holds what it needs.
	if strings.Contains(s, "](") {
		s = linkRE.ReplaceAllString(s, "$1 ($2)")
	}
	if strings.Contains(s, "**") || strings.Contains(s, "__") {
		s = emphasisRE.ReplaceAllString(s, "")
	}
	if strings.IndexByte(s, '#') >= 0 {
		s = headingRE.ReplaceAllString(s, "")
	}
	if strings.IndexByte(s, '*') >= 0 {
		s = bulletRE.ReplaceAllString(s, "$1- ")
	}
	return s
}
