package assistant

import (
	"fmt"
	"regexp"
	"strings"

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

// maxSectionRunes bounds a quoted section; a longer one is replaced by the
// retrieved passage inside it.
const maxSectionRunes = 1500

// maxArticleRunes is the size up to which an article (IT how-to, notice)
// is quoted whole.
const maxArticleRunes = 2500

var urlRE = regexp.MustCompile(`https?://[^\s<>()"„“”]+[^\s<>()"„“”.,;:!?]`)

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
		if s.Facet == f && strings.TrimSpace(s.Text) != "" {
			out = append(out, s)
		}
	}
	return out
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

// isIntro reports whether heading is that of d's introduction.
func isIntro(d knowledge.Document, heading string) bool {
	in, ok := intro(d)
	return ok && in.Heading == heading
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

// quoteSection makes a quote of a section, or of the passage inside it when
// the section is too long to quote whole.
func quoteSection(s knowledge.Section, p *knowledge.Passage) quote {
	text := strings.TrimSpace(s.Text)
	if p != nil && len([]rune(text)) > maxSectionRunes {
		text = strings.TrimSpace(p.Text)
	}
	// Answers are plain text: Markdown markers go (plainText in llm.go),
	// the words stay.
	return quote{label: label(s.Heading), facet: s.Facet, text: plainText(text)}
}

// selectQuotes picks what to quote from candidate c for the facets asked.
// It reports false for missing when a facet was asked but the document has
// no such section (the best passage is quoted instead).
func selectQuotes(lx *lexicon, c candidate, facets []knowledge.Facet, simple bool, q queryTerms) (qs []quote, missing bool) {
	d := c.doc
	have := map[string]bool{}
	add := func(q quote) {
		if q.text == "" || have[q.text] {
			return
		}
		have[q.text] = true
		qs = append(qs, q)
	}
	var best *knowledge.Passage
	if len(c.passages) > 0 {
		best = &c.passages[0]
	}
	bestQuote := func() {
		if best == nil {
			return
		}
		if s, ok := sectionOf(d, *best); ok {
			add(quoteSection(s, best))
			return
		}
		add(quote{label: label(best.Section), facet: best.Facet, text: plainText(strings.TrimSpace(best.Text))})
	}

	wholeArticle := d.Kind != knowledge.KindService && docRunes(d) <= maxArticleRunes
	if len(facets) > 0 && (d.Kind == knowledge.KindService || hasFacet(d, facets) || !wholeArticle) {
		for _, f := range facets {
			for _, s := range sectionsFor(d, f) {
				add(quoteSection(s, passageIn(c.passages, s.Heading)))
			}
		}
		if len(qs) == 0 {
			// No section of that name: quote the sections that speak of it
			// ("Die notwendige Gebühr (derzeit 13 Euro …)" under
			// "Erforderliche Dokumente"), the best passage and the
			// sections with the question's own words.
			missing = true
			for _, s := range lx.sectionsSpeakingOf(d, facets, maxExtraSections) {
				add(quoteSection(s, passageIn(c.passages, s.Heading)))
			}
			if len(qs) == 0 || (best != nil && !isIntro(d, best.Section)) {
				bestQuote()
			}
			for _, s := range sectionsWith(c, q, 1) {
				add(quoteSection(s, passageIn(c.passages, s.Heading)))
			}
		}
		return untitle(qs, d.Title), missing
	}

	if wholeArticle && !simple {
		for _, s := range d.Sections {
			if strings.TrimSpace(s.Text) != "" {
				add(quoteSection(s, nil))
			}
		}
		return untitle(qs, d.Title), false
	}
	in, hasIntro := intro(d)
	if simple {
		if hasIntro {
			add(quoteSection(in, nil))
		} else {
			bestQuote()
		}
		return untitle(qs, d.Title), false
	}
	if hasIntro {
		add(quoteSection(in, nil))
	}
	if d.Kind == knowledge.KindService {
		for _, f := range []knowledge.Facet{knowledge.FacetKosten, knowledge.FacetUnterlagen} {
			for _, s := range sectionsFor(d, f) {
				add(quoteSection(s, passageIn(c.passages, s.Heading)))
			}
		}
	}
	// The passage retrieval ranked highest says what the question was
	// about ("Kann ich den Pass per Post bekommen?"); quote it too, and the
	// sections that hold the question's own words ("wie sperr ich den").
	bestQuote()
	for _, s := range sectionsWith(c, q, maxExtraSections) {
		add(quoteSection(s, passageIn(c.passages, s.Heading)))
	}
	return untitle(qs, d.Title), false
}

// sectionsSpeakingOf returns up to n sections of d, in reading order,
// whose text uses the cue words of one of facets (a cost in "Euro", a
// "Frist"), for documents without sections named after the facet.
func (lx *lexicon) sectionsSpeakingOf(d knowledge.Document, facets []knowledge.Facet, n int) []knowledge.Section {
	var out []knowledge.Section
	for _, sec := range d.Sections {
		if len(out) >= n {
			break
		}
		ws := words(sec.Text)
		for _, f := range facets {
			if lx.match("facet_"+string(f), ws) || lx.match("text_"+string(f), ws) {
				out = append(out, sec)
				break
			}
		}
	}
	return out
}

// maxExtraSections bounds the sections an overview adds for the
// question's own words.
const maxExtraSections = 2

// sectionsWith returns up to n titled sections of c's document that
// contain a content word of the question which is not one of the
// document's names.
func sectionsWith(c candidate, q queryTerms, n int) []knowledge.Section {
	named := map[string]bool{}
	for _, name := range c.nameSets {
		for _, s := range name {
			named[s] = true
		}
	}
	var out []knowledge.Section
	for i, sec := range c.doc.Sections {
		if len(out) >= n || i == 0 {
			continue
		}
		tokens := map[string]bool{}
		for _, w := range words(sec.Text) {
			tokens[stem(w)] = true
		}
		for _, s := range q.content {
			if len(s) >= 4 && !named[s] && tokenMatch(tokens, s) {
				out = append(out, sec)
				break
			}
		}
	}
	return out
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

func passageIn(ps []knowledge.Passage, heading string) *knowledge.Passage {
	for i := range ps {
		if ps[i].Section == heading {
			return &ps[i]
		}
	}
	return nil
}

func docRunes(d knowledge.Document) int {
	n := 0
	for _, s := range d.Sections {
		n += len([]rune(s.Text))
	}
	return n
}

// composeAnswer frames the quotes of one document: a frame sentence without
// facts, the verbatim quotes with their section labels, and the next step.
func composeAnswer(m *messages, lang string, c candidate, qs []quote, missing, simple bool) composed {
	d := c.doc
	var b strings.Builder
	switch {
	case simple:
		for i, q := range qs {
			if i > 0 {
				b.WriteString("\n\n")
			}
			if q.label != "" {
				fmt.Fprintf(&b, "%s – %s:\n", d.Title, q.label)
			} else {
				fmt.Fprintf(&b, "%s:\n", d.Title)
			}
			b.WriteString(q.text)
		}
	case missing:
		if len(qs) == 1 && qs[0].label != "" {
			b.WriteString(fmt.Sprintf(m.FrameSection, m.kindName(d.Kind), d.Title, qs[0].label))
			writeQuotes(&b, qs, false)
			break
		}
		b.WriteString(fmt.Sprintf(m.FrameOverview, m.kindName(d.Kind), d.Title))
		writeQuotes(&b, qs, true)
	case len(qs) == 1 && qs[0].label != "":
		b.WriteString(fmt.Sprintf(m.FrameSection, m.kindName(d.Kind), d.Title, qs[0].label))
		writeQuotes(&b, qs, false)
	default:
		b.WriteString(fmt.Sprintf(m.FrameOverview, m.kindName(d.Kind), d.Title))
		writeQuotes(&b, qs, true)
	}
	if !simple {
		if next := nextStep(m, d, qs); next != "" {
			b.WriteString("\n\n")
			b.WriteString(next)
		}
		if lang != "de" && m.SourceGerman != "" {
			b.WriteString("\n\n")
			b.WriteString(m.SourceGerman)
		}
	}
	out := composed{text: b.String(), quotes: qs}
	out.sources = []Source{sourceOf(c, qs)}
	return out
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
func nextStep(m *messages, d knowledge.Document, qs []quote) string {
	quoted := map[knowledge.Facet]bool{}
	all := ""
	for _, q := range qs {
		quoted[q.facet] = true
		all += "\n" + q.text
	}
	if !quoted[knowledge.FacetOnline] {
		for _, s := range sectionsFor(d, knowledge.FacetOnline) {
			if u := urlRE.FindString(s.Text); u != "" && !strings.Contains(all, u) {
				return fmt.Sprintf(m.NextOnline, u)
			}
		}
	}
	if !quoted[knowledge.FacetTermin] {
		for _, s := range sectionsFor(d, knowledge.FacetTermin) {
			if u := urlRE.FindString(s.Text); u != "" {
				if strings.Contains(all, u) {
					return ""
				}
				return fmt.Sprintf(m.NextTerminURL, u)
			}
			return fmt.Sprintf(m.NextTermin, label(s.Heading))
		}
	}
	return ""
}

// sourceOf cites candidate c with the first quoted text as snippet.
func sourceOf(c candidate, qs []quote) Source {
	src := Source{ID: c.doc.ID, Title: c.doc.Title, URL: c.doc.URL}
	if len(c.passages) > 0 && c.passages[0].URL != "" {
		src.URL = c.passages[0].URL
	}
	if len(qs) > 0 {
		src.Snippet = truncateRunes(qs[0].text, 200)
	}
	return src
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}
