// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/musterstadt/lotse/knowledge"
)

// quote is one verbatim piece of a source inside an answer.
type quote struct {
	label string // section label as written in the source, "" for the intro
	facet knowledge.Facet
	text  string
}

// composed is an offline answer before disclosure and handoff lines.
type composed struct {
	text    string
	sources []Source
	quotes  []quote
}

var urlRE = regexp.MustCompile(`https?://[^\s<>()"„“”]+[^\s<>()"„“”.,;:!?]`)

// firstURL returns the first URL urlRE finds in s, "" for none. Every
// URL starts with "http", so a text without it skips the expression.
func firstURL(s string) string {
	if !strings.Contains(s, "http") {
		return ""
	}
	return urlRE.FindString(s)
}

// label returns the last element of a heading path.
func label(heading string) string {
	if i := strings.LastIndex(heading, "›"); i >= 0 {
		heading = heading[i+len("›"):]
	}
	return strings.TrimSpace(heading)
}

// sectionsFor returns the document's sections of facet f.
func sectionsFor(d knowledge.Document, f knowledge.Facet) []knowledge.Section {
	var out []knowledge.Section
	for _, s := range d.Sections {
		if isSectionFor(s, f) {
			out = append(out, s)
		}
	}
	return out
}

// isSectionFor reports whether s is a section of facet f with text.
func isSectionFor(s knowledge.Section, f knowledge.Facet) bool {
	return s.Facet == f && strings.TrimSpace(s.Text) != ""
}

// intro returns the document's introduction: the first section when it is
// untitled or an overview.
func intro(d knowledge.Document) (knowledge.Section, bool) {
	for i, s := range d.Sections {
		if strings.TrimSpace(s.Text) == "" {
			continue
		}
		if s.Facet == knowledge.FacetOverview || (i == 0 && (s.Facet == knowledge.FacetNone || label(s.Heading) == "" || label(s.Heading) == d.Title)) {
			return s, true
		}
		break
	}
	return knowledge.Section{}, false
}

// isIntro reports whether heading, or its label, is that of d's
// introduction.
func isIntro(d knowledge.Document, heading string) bool {
	in, ok := intro(d)
	return ok && label(in.Heading) == label(heading)
}

// sectionOf returns the document section that holds passage p.
func sectionOf(d knowledge.Document, p knowledge.Passage) (knowledge.Section, bool) {
	for _, s := range d.Sections {
		if s.Heading == p.Section && strings.Contains(s.Text, strings.TrimSpace(firstLine(p.Text))) {
			return s, true
		}
	}
	for _, s := range d.Sections {
		if s.Heading == p.Section {
			return s, true
		}
	}
	return knowledge.Section{}, false
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// docRunes is the length of c's document in runes, as its memo counted
// it once: a federal code runs to hundreds of kilobytes, too long to
// count on every turn that asks whether it is short.
func (a *Assistant) docRunes(c candidate) int {
	if c.info != nil {
		return c.info.runes
	}
	return a.info(c.doc).runes
}

// composeAnswer frames the quotes of one document: a frame sentence without
// facts naming the document and its kind, the line that holds for the
// asker's situation, the verbatim quotes with their section labels, the
// next step and the link to the whole document.
func composeAnswer(m *messages, lang string, c candidate, qs []quote, lead string, simple bool, kind string) composed {
	d := c.doc
	if simple {
		return composePlain(m, c, qs, lead)
	}
	// Another language than the source's: the facts that survive
	// translation come first in the asker's language, then the quotes,
	// marked as German.
	foreign := lang != "de" && (d.Lang == "" || d.Lang == "de") && m.SourceGerman != ""
	var b strings.Builder
	size := 512 // frame, lead, next step and link
	for _, q := range qs {
		size += len(q.label) + len(q.text) + 8
	}
	b.Grow(size)
	title := shownTitle(d, lang)
	switch {
	case len(qs) == 1 && qs[0].label != "":
		b.WriteString(fmt.Sprintf(m.FrameSection, kind, title, qs[0].label))
	default:
		b.WriteString(fmt.Sprintf(m.FrameOverview, kind, title))
	}
	if foreign {
		if lines := leadLines(m, c.info, qs, lead); len(lines) > 0 {
			b.WriteString("\n")
			b.WriteString(strings.Join(lines, "\n"))
		}
		b.WriteString("\n\n")
		b.WriteString(m.SourceGerman)
	}
	writeLead(&b, m, lead)
	writeQuotes(&b, qs, !(len(qs) == 1 && qs[0].label != ""))
	if next := nextStep(m, d, c.info, qs); next != "" {
		b.WriteString("\n\n")
		b.WriteString(next)
	}
	if u := sourceURL(c); u != "" && m.MoreAt != "" {
		b.WriteString("\n\n")
		b.WriteString(fmt.Sprintf(m.MoreAt, u))
	}
	out := composed{text: b.String(), quotes: qs}
	out.sources = []Source{sourceOf(c, qs)}
	return out
}

// shownTitle is how an answer in lang names document d: by its name in
// that language from the knowledge base (names: in front matter) with the
// German title beside it, else by its title.
func shownTitle(d knowledge.Document, lang string) string {
	if ns := d.Names[lang]; len(ns) > 0 && lang != "de" {
		return ns[0] + " (" + d.Title + ")"
	}
	return d.Title
}

// writeLead puts the line that holds for the asker first.
func writeLead(b *strings.Builder, m *messages, lead string) {
	if lead == "" {
		return
	}
	b.WriteString("\n\n")
	b.WriteString(m.ForYou + " " + lead)
}

// sourceURL is the link to candidate c's document.
func sourceURL(c candidate) string {
	if len(c.passages) > 0 && c.passages[0].URL != "" {
		return c.passages[0].URL
	}
	return c.doc.URL
}

func writeQuotes(b *strings.Builder, qs []quote, labelled bool) {
	for _, q := range qs {
		b.WriteString("\n\n")
		if labelled && q.label != "" {
			b.WriteString(q.label)
			b.WriteString(":\n")
		}
		b.WriteString(q.text)
	}
}

// nextStep suggests what to do next: the online service when the document
// links one, else how to make an appointment; it skips what the quotes
// already say.
func nextStep(m *messages, d knowledge.Document, info *docInfo, qs []quote) string {
	quoted := map[knowledge.Facet]bool{}
	all := ""
	for _, q := range qs {
		quoted[q.facet] = true
		all += "\n" + q.text
	}
	if !quoted[knowledge.FacetOnline] {
		for i, s := range d.Sections {
			if !isSectionFor(s, knowledge.FacetOnline) {
				continue
			}
			if u := info.sectionURL(d, i); u != "" && !strings.Contains(all, u) {
				return fmt.Sprintf(m.NextOnline, u)
			}
		}
	}
	if i := slices.IndexFunc(d.Sections, func(s knowledge.Section) bool { return isSectionFor(s, knowledge.FacetTermin) }); i >= 0 && !quoted[knowledge.FacetTermin] {
		u := info.sectionURL(d, i)
		switch {
		case u == "":
			return fmt.Sprintf(m.NextTermin, label(d.Sections[i].Heading))
		case strings.Contains(all, u):
			return ""
		default:
			return fmt.Sprintf(m.NextTerminURL, u)
		}
	}
	return ""
}

// sourceOf cites candidate c with the first quoted text as snippet.
func sourceOf(c candidate, qs []quote) Source {
	src := Source{ID: c.doc.ID, Title: c.doc.Title, URL: sourceURL(c)}
	if len(qs) > 0 {
		src.Snippet = truncateRunes(qs[0].text, 200)
	}
	return src
}

func truncateRunes(s string, n int) string {
	if len(s) <= n {
		return s // no more runes than bytes
	}
	if utf8.ValidString(s) {
		// The first n runes, cut in place instead of through a []rune.
		i := 0
		for k := range s {
			if i == n {
				return s[:k]
			}
			i++
		}
		return s
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}

// untitle drops labels that only repeat the document title (the intro).
func untitle(qs []quote, title string) []quote {
	for i := range qs {
		if qs[i].label == title {
			qs[i].label = ""
		}
	}
	return qs
}
