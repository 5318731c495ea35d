// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/musterstadt/lotse/knowledge/german"
)

// frontMatter is the YAML block at the top of a Markdown file. Every field
// is optional and overrides knowledge.yaml.
type frontMatter struct {
	Title    string   `yaml:"title"`
	Synonyms []string `yaml:"synonyms"`
	Updated  string   `yaml:"updated"`
	// Lastmod and Date are the dates static site generators (Hugo,
	// Jekyll, MkDocs) write; updated wins over lastmod over date.
	Lastmod  string `yaml:"lastmod"`
	Date     string `yaml:"date"`
	URL      string `yaml:"url"`
	Audience string `yaml:"audience"`
	Kind     string `yaml:"kind"`
	Lang     string `yaml:"lang"`
	// Names: the document's names in other languages, by language code.
	Names map[string][]string `yaml:"names"`
}

// parseMarkdown reads a Markdown file with optional YAML front matter.
// ATX headings (# to ######) open sections; the first level-1 heading is
// the title unless the front matter has one. Text is kept verbatim, except
// for raw HTML, which is reduced to what a reader sees (stripMarkdownHTML).
func parseMarkdown(data []byte) (parsedDoc, error) {
	var pd parsedDoc
	var faq []Section // questions and answers of the front matter
	if !utf8.Valid(data) {
		return pd, fmt.Errorf("kein gültiges UTF-8")
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.TrimPrefix(text, "\ufeff")
	if rest, ok := strings.CutPrefix(text, "---\n"); ok {
		end := strings.Index(rest, "\n---")
		if end < 0 {
			return pd, fileErrorf(nil, "Front Matter nicht abgeschlossen")
		}
		var fm frontMatter
		if err := yaml.Unmarshal([]byte(rest[:end]), &fm); err != nil {
			return pd, fileErrorf(err, "Front Matter fehlerhaft")
		}
		if err := pd.applyFrontMatter(fm); err != nil {
			return pd, err
		}
		faq = frontMatterFAQ(rest[:end])
		text = rest[end+len("\n---"):]
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			text = text[i+1:]
		} else {
			text = ""
		}
	}
	if rest, ok := strings.CutPrefix(text, "+++\n"); ok {
		// Hugo's TOML front matter, read into the same fields.
		end := strings.Index(rest, "\n+++")
		if end < 0 {
			return pd, fileErrorf(nil, "Front Matter nicht abgeschlossen")
		}
		fm, err := tomlFrontMatter(rest[:end])
		if err != nil {
			return pd, fileErrorf(err, "Front Matter fehlerhaft")
		}
		if err := pd.applyFrontMatter(fm); err != nil {
			return pd, err
		}
		text = rest[end+len("\n+++"):]
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			text = text[i+1:]
		} else {
			text = ""
		}
	}
	if strings.HasPrefix(text, "% ") {
		// A pandoc title block: "% Title", then "% author" and "% date"
		// lines; the title names the document, the rest is metadata.
		lines := strings.Split(text, "\n")
		n := 0
		for n < len(lines) && strings.HasPrefix(lines[n], "%") {
			n++
		}
		if pd.title == "" {
			pd.title = strings.Join(strings.Fields(strings.TrimPrefix(lines[0], "%")), " ")
		}
		text = strings.Join(lines[n:], "\n")
	}
	if strings.Contains(text, "comment") {
		text = liquidCommentRE.ReplaceAllString(text, "")
	}
	text = stripMarkdownHTML(markdownHTMLTables(text))
	text = markdownFootnotes(obsidianMarkdown(markdownExtensions(text)))
	var (
		stack   []string // heading texts by level-1
		levels  []int
		cur     Section
		buf     []string
		inFence bool
	)
	flush := func() {
		cur.Text = strings.Join(buf, "\n")
		pd.sections = append(pd.sections, cur)
		buf = nil
	}
	for _, line := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			inFence = !inFence
		}
		level, heading := 0, ""
		if !inFence {
			level, heading = atxHeading(line)
		}
		if level == 0 {
			buf = append(buf, line)
			continue
		}
		if level == 1 && pd.title == "" && len(pd.sections) == 0 && strings.TrimSpace(strings.Join(buf, "")) == "" {
			pd.title = heading
			continue
		}
		if level == 1 && heading == pd.title {
			continue
		}
		flush()
		for len(levels) > 0 && levels[len(levels)-1] >= level {
			levels, stack = levels[:len(levels)-1], stack[:len(stack)-1]
		}
		levels, stack = append(levels, level), append(stack, heading)
		cur = Section{Heading: strings.Join(stack, " › ")}
	}
	flush()
	pd.sections = append(pd.sections, faq...)
	return pd, nil
}

// applyFrontMatter takes the document's metadata from its front matter.
func (pd *parsedDoc) applyFrontMatter(fm frontMatter) error {
	upd, err := parseDate(fm.Updated)
	if err != nil {
		return fileErrorf(err, "Front Matter: updated")
	}
	for _, s := range []string{fm.Lastmod, fm.Date} {
		if upd.IsZero() {
			// Another generator's field: a date it cannot read
			// is no error of ours.
			upd, _ = parseDate(s)
		}
	}
	pd.title, pd.synonyms, pd.updated = fm.Title, fm.Synonyms, upd
	pd.url, pd.audience, pd.kind, pd.lang = fm.URL, fm.Audience, fm.Kind, fm.Lang
	pd.names = fm.Names
	return nil
}

// shortcodeRE matches a Hugo shortcode ("{{< hinweis titel="…" >}}",
// "{{% /note %}}"): markup of the site generator, no text.
var shortcodeRE = regexp.MustCompile(`\{\{[<%].{0,300}?[%>]\}\}`)

// tocMarkerRE matches a line that only asks the renderer for a table of
// contents: GitLab's and Azure DevOps' "[[_TOC_]]", Python-Markdown's
// "[TOC]", Redmine's and others' "{{toc}}" (Hugo's "{{< toc >}}" is a
// shortcode). Markup, no text.
var tocMarkerRE = regexp.MustCompile(`(?i)^\s*(?:\[\[_?toc_?\]\]|\[toc\]|\{\{[<%]?\s*toc\s*[%>]?\}\}|\$\{toc\})\s*$`)

// admonitionRE matches the first line of an MkDocs or Python-Markdown
// admonition ("!!! note \"Kurz gesagt\"", "??? tip"): its type is markup,
// its title in quotes text.
var admonitionRE = regexp.MustCompile(`^(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+[\w-]+)*\s*(?:"([^"]*)")?\s*$`)

// markdownExtensions rewrites what static site generators add to
// Markdown so that the parser reads text: setext headings (a line
// underlined with "===" or "---") become ATX headings, shortcodes and
// table-of-contents markers ("[[_TOC_]]", "[TOC]", "{{toc}}") are
// dropped, an admonition's marker line leaves its title and its indented
// body its text. Fenced code stays as it is.
func markdownExtensions(text string) string {
	lines := strings.Split(text, "\n")
	out := make([]string, 0, len(lines))
	inFence, inAdmonition := false, false
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			inFence = !inFence
		}
		if inFence {
			out = append(out, line)
			continue
		}
		if inAdmonition {
			switch {
			case strings.HasPrefix(line, "    "):
				line = line[4:]
			case strings.HasPrefix(line, "\t"):
				line = line[1:]
			case trimmed != "":
				inAdmonition = false
			}
		}
		if m := admonitionRE.FindStringSubmatch(line); m != nil {
			inAdmonition = true
			if t := strings.TrimSpace(m[1]); t != "" {
				out = append(out, t)
			}
			continue
		}
		if tocMarkerRE.MatchString(line) {
			continue
		}
		if strings.Contains(line, "{{") || strings.Contains(line, "{%") || strings.Contains(line, "{#") {
			line = dropTemplateTags(shortcodeRE.ReplaceAllString(line, ""))
			if strings.TrimSpace(line) == "" && trimmed != "" {
				continue // a line that held shortcodes or template tags only
			}
		}
		if lvl := setextLevel(lines, i); lvl > 0 {
			out = append(out, strings.Repeat("#", lvl)+" "+strings.TrimSpace(line))
			i++ // the underline
			continue
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// setextLevel returns 1 or 2 when lines[i] is a setext heading: one line
// of text after a blank line (or the start), no list item, table row,
// quote or ATX heading, underlined by the next line with "=" (level 1)
// or "-" (level 2) alone, at least three of them; 0 otherwise.
func setextLevel(lines []string, i int) int {
	if i+1 >= len(lines) {
		return 0
	}
	t := strings.TrimSpace(lines[i])
	if t == "" || i > 0 && strings.TrimSpace(lines[i-1]) != "" || strings.HasPrefix(lines[i], "    ") {
		return 0
	}
	if listLineRE.MatchString(t) || strings.HasPrefix(t, "|") || strings.HasPrefix(t, ">") || strings.HasPrefix(t, "#") {
		return 0
	}
	u := strings.TrimSpace(lines[i+1])
	if len(u) < 3 {
		return 0
	}
	switch {
	case strings.Trim(u, "=") == "":
		return 1
	case strings.Trim(u, "-") == "":
		return 2
	}
	return 0
}

// atxHeading returns the level and text of a Markdown ATX heading line, or
// level 0.
func atxHeading(line string) (int, string) {
	if len(line) > 0 && line[0] == ' ' {
		line = strings.TrimLeft(line, " ")
	}
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || (n < len(line) && line[n] != ' ' && line[n] != '\t') {
		return 0, ""
	}
	h := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(headingAttrRE.ReplaceAllString(line[n:], "")), "#"))
	if h == "" {
		return 0, ""
	}
	return n, h
}

// parseDate accepts the date forms found in front matter and feeds.
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{
		time.DateOnly, time.RFC3339, time.RFC3339Nano, "2006-01-02 15:04", "2006-01-02 15:04:05",
		"02.01.2006", time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700",
		"Mon, 2 Jan 2006 15:04:05 MST", "2 Jan 2006 15:04:05 -0700",
	} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("unbekanntes Datumsformat %q", s)
}

// parseText reads a plain text file. The first line is the title when it
// is short; lines that name a facet alone ("Kosten:") open sections, see
// splitLabelLines.
func parseText(data []byte) (parsedDoc, error) {
	var pd parsedDoc
	if bytes.IndexByte(data, 0) >= 0 {
		return pd, fileErrorf(nil, "Binärdatei, kein Text")
	}
	if !utf8.Valid(data) {
		data = windows1252ToUTF8(data)
	}
	text := strings.TrimPrefix(strings.ReplaceAll(string(data), "\r\n", "\n"), "\ufeff")
	text = strings.TrimLeft(text, "\n \t")
	if dokuWiki(text) {
		// A wiki page in its raw syntax: the Markdown it stands for.
		return parseMarkdown([]byte(dokuWikiMarkdown(text)))
	}
	if title, body, sig, ok := mailText(text); ok {
		// A mail saved as text: its header is no text.
		return mailDoc(title, body, sig), nil
	}
	first, rest, _ := strings.Cut(text, "\n")
	if second, after, _ := strings.Cut(rest, "\n"); letterhead(first, second) {
		// The issuer's line above the title: the title is the line
		// below it, the issuer the text's first line.
		pd.title = strings.TrimSpace(second)
		pd.sections = textSections(after)
		issuer := strings.TrimSpace(first)
		if len(pd.sections) > 0 && pd.sections[0].Heading == "" {
			pd.sections[0].Text = issuer + "\n" + pd.sections[0].Text
		} else {
			pd.sections = append([]Section{{Text: issuer}}, pd.sections...)
		}
		return pd, nil
	}
	if title, head, after, ok := noticeHead(text); ok {
		// An official notice's head: the issuer's lines and the kind
		// of notice above the title, as its text's first lines.
		pd.title = title
		pd.sections = textSections(after)
		if len(pd.sections) > 0 && pd.sections[0].Heading == "" {
			pd.sections[0].Text = head + "\n" + pd.sections[0].Text
		} else {
			pd.sections = append([]Section{{Text: head}}, pd.sections...)
		}
		return pd, nil
	}
	if t := strings.TrimSpace(first); t != "" && utf8.RuneCountInString(t) <= 100 {
		if _, isLabel := labelLine(t); !isLabel {
			pd.title, text = t, rest
			// A title underlined with "=====" or "-----" (as text
			// files and Markdown's setext headings do): the rule is no
			// text.
			if line, after, _ := strings.Cut(text, "\n"); len(strings.TrimSpace(line)) >= 3 && strings.Trim(strings.TrimSpace(line), "=-") == "" {
				text = after
			}
		}
	}
	pd.sections = textSections(text)
	return pd, nil
}

// textSections cuts a plain text below its title into sections: at a
// statute's paragraphs, or else at its heading lines.
func textSections(text string) []Section {
	text = joinHyphenatedLines(boxTables(text))
	text, underlined := underlinedHeadings(text)
	secs := paragraphSections([]Section{{Text: text}})
	if len(secs) == 1 && secs[0].Heading == "" {
		secs = headingLineSections(secs[0].Text, underlined)
	}
	return secs
}

// issuerWords are the words (folded) that name an issuer of documents:
// a town, its offices and companies. A word ending in "amt"
// ("Standesamt") names one too.
var issuerWords = map[string]bool{
	"stadt": true, "stadtwerke": true, "gemeinde": true, "landkreis": true, "kreis": true, "markt": true,
	"stadtverwaltung": true, "gemeindeverwaltung": true, "kreisverwaltung": true, "verwaltung": true, "magistrat": true,
	"eigenbetrieb": true, "zweckverband": true, "fachbereich": true, "fachdienst": true, "referat": true,
	"abteilung": true, "dezernat": true, "buergermeister": true, "buergermeisterin": true, "gmbh": true,
}

// documentTypes are the stems (folded) of the words by which a title
// names the kind of document it heads: "Merkblatt Musterfeuer",
// "Informationsblatt zur Hundesteuer".
var documentTypes = []string{
	"merkblatt", "infoblatt", "informationsblatt", "hinweisblatt", "faltblatt", "merkzettel", "leitfaden",
	"checkliste", "anleitung", "ratgeber", "wegweiser", "dienstanweisung", "rundschreiben", "richtlinie",
	"bekanntmachung", "satzung", "amtsblatt", "mitteilungsblatt", "antrag", "formular",
}

// letterhead reports whether first is a letterhead line above the title
// second, as a leaflet saved by Word as text begins ("Stadtwerke
// Beispiel – Eigenbetrieb Wasser" over "Merkblatt
// Musterzähler"): first names an issuer and no kind of document,
// second, directly below it and short, names a kind of document.
func letterhead(first, second string) bool {
	first, second = strings.TrimSpace(first), strings.TrimSpace(second)
	if first == "" || second == "" || utf8.RuneCountInString(first) > 100 || utf8.RuneCountInString(second) > 100 {
		return false
	}
	if _, isLabel := labelLine(second); isLabel || strings.Contains(second, ": ") {
		return false
	}
	issuer := false
	for _, w := range german.Words(first) {
		if issuerWords[w] || len(w) > 4 && strings.HasSuffix(w, "amt") {
			issuer = true
		}
	}
	return issuer && !namesDocumentType(first) && namesDocumentType(second)
}

// maxNoticeHeadLines bounds the issuer's lines of a notice's head.
const maxNoticeHeadLines = 3

// noticeHead reads the head of an official notice saved as text: a block
// of at most maxNoticeHeadLines short lines whose first names an issuer
// ("Stadt Beispiel" / "Der Bürgermeister – Wahlamt"), then, each set
// apart by blank lines, a line naming the kind of document ("Öffentliche
// Bekanntmachung") and a line that is the title. It returns the title,
// the head's other lines (issuer and kind, one a line) and the text after
// the title; ok is false for any other beginning.
func noticeHead(text string) (title, head, after string, ok bool) {
	rest := text
	next := func() []string { // the next paragraph's lines
		rest = strings.TrimLeft(rest, "\n \t")
		par, tail, _ := strings.Cut(rest, "\n\n")
		rest = tail
		var lines []string
		for _, l := range strings.Split(par, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		return lines
	}
	issuer, kind, titled := next(), next(), next()
	if len(issuer) == 0 || len(issuer) > maxNoticeHeadLines || len(kind) != 1 || len(titled) != 1 {
		return "", "", "", false
	}
	named := false
	for _, w := range german.Words(issuer[0]) {
		named = named || issuerWords[w] || len(w) > 4 && strings.HasSuffix(w, "amt")
	}
	if !named {
		return "", "", "", false
	}
	for _, l := range issuer {
		if utf8.RuneCountInString(l) > 100 || strings.ContainsAny(l[len(l)-1:], ".:;,") || namesDocumentType(l) {
			return "", "", "", false
		}
	}
	k, t := kind[0], titled[0]
	if utf8.RuneCountInString(k) > 60 || !namesDocumentType(k) || strings.ContainsAny(k[len(k)-1:], ".:;,") {
		return "", "", "", false
	}
	if utf8.RuneCountInString(t) > 150 || strings.ContainsAny(t[len(t)-1:], ".:;,") {
		return "", "", "", false
	}
	if _, isLabel := labelLine(t); isLabel {
		return "", "", "", false
	}
	return t, strings.Join(append(issuer, k), "\n"), rest, true
}

// namesDocumentType reports whether a word of line starts with one of
// documentTypes.
func namesDocumentType(line string) bool {
	for _, w := range german.Words(line) {
		for _, d := range documentTypes {
			if strings.HasPrefix(w, d) {
				return true
			}
		}
	}
	return false
}

// joinHyphenatedLines joins the words a hard-wrapped text cut at a line's
// end ("Brücken-" / "straße" → "Brückenstraße"; "an-" / "und abmelden"
// keeps its hyphen, as on a PDF page).
func joinHyphenatedLines(text string) string {
	lines := strings.Split(text, "\n")
	var out []string
	for i := 0; i < len(lines); i++ {
		l := strings.TrimRight(lines[i], " \t")
		for i+1 < len(lines) && hyphenated(l) {
			next := strings.TrimSpace(lines[i+1])
			first, _ := utf8.DecodeRuneInString(next)
			if !unicode.IsLower(first) {
				break
			}
			switch w, _, _ := strings.Cut(next, " "); w {
			case "und", "oder", "bis", "sowie":
				l += " " + next // "an- und abmelden"
			default:
				l = l[:len(l)-1] + next
			}
			i++
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// underlinedHeadings finds the headings a plain text underlines with
// "====" or "----" (at least three, the line's own) and returns the text
// without the underlines, with the headings' line numbers.
func underlinedHeadings(text string) (string, map[int]bool) {
	lines := strings.Split(text, "\n")
	var out []string
	heads := map[int]bool{}
	for i := 0; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		if i+1 < len(lines) && t != "" && utf8.RuneCountInString(t) <= maxHeadingLine {
			u := strings.TrimSpace(lines[i+1])
			if len(u) >= 3 && (strings.Trim(u, "=") == "" || strings.Trim(u, "-") == "") {
				heads[len(out)] = true
				out = append(out, lines[i])
				i++
				continue
			}
		}
		if len(t) >= 3 && (strings.Trim(t, "=") == "" || strings.Trim(t, "-") == "") {
			continue // a rule under a block of lines: no text
		}
		out = append(out, lines[i])
	}
	return strings.Join(out, "\n"), heads
}

// numberedHeadlineRE matches a headline numbered as an item of a
// bulletin ("2. Vollsperrung der Brückenstraße").
var numberedHeadlineRE = regexp.MustCompile(`^\d{1,2}\.\s+\p{Lu}`)

// maxHeadingLine bounds the length of a plain-text line read as a heading.
const maxHeadingLine = 80

// minHeadedParagraph is the length of the paragraph that a headline set
// apart by blank lines must head.
const minHeadedParagraph = 60

// headingLineSections splits plain text at its heading lines: a short line
// after a blank one, directly followed by its paragraph, that ends in no
// full stop, comma or colon ("Woran erkenne ich ein gesperrtes Konto?",
// "Kennwort selbst zurücksetzen"). Text with fewer than two such lines is
// one section, as before.
//
// Lines a text underlines (underlined, by line number) are headings
// whatever follows them; a numbered headline ("2. Vollsperrung der
// Brückenstraße") is one where an unnumbered one would be.
func headingLineSections(text string, underlined map[int]bool) []Section {
	lines := strings.Split(text, "\n")
	heading := make([]bool, len(lines))
	width := 0
	for _, l := range lines {
		if t := strings.TrimSpace(l); !strings.HasPrefix(t, "|") {
			// A table's rows are no lines of the text's width.
			width = max(width, utf8.RuneCountInString(t))
		}
	}
	n := 0
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if underlined[i] {
			heading[i] = true
			n++
			continue
		}
		if t == "" || i+1 >= len(lines) || i > 0 && strings.TrimSpace(lines[i-1]) != "" {
			continue
		}
		if next := strings.TrimSpace(lines[i+1]); next == "" {
			// A headline set apart by a blank line on both sides heads
			// the paragraph after it.
			// A table below it counts as such a paragraph.
			if i+2 >= len(lines) || utf8.RuneCountInString(strings.TrimSpace(lines[i+2])) < minHeadedParagraph && !strings.HasPrefix(strings.TrimSpace(lines[i+2]), "| ") {
				continue
			}
		}
		if utf8.RuneCountInString(t) > maxHeadingLine || strings.ContainsAny(t[len(t)-1:], ".,;:") || strings.HasPrefix(t, "-") || strings.HasPrefix(t, "*") || strings.HasPrefix(t, "•") {
			continue
		}
		if next := strings.TrimSpace(lines[i+1]); next != "" && (utf8.RuneCountInString(t)*4 >= width*3 || strings.HasPrefix(next, "http") || strings.HasPrefix(next, "www.")) {
			// The first line of a hard-wrapped paragraph, as long as
			// the text is wide, or a line that goes on in a web
			// address, is no headline.
			continue
		}
		if strings.Contains(t, "   ") || strings.HasSuffix(t, "-") {
			// Columns set with blanks ("Montag bis Freitag   8 bis
			// 12 Uhr", a table's head), a word cut at the line's end.
			continue
		}
		if strings.Contains(t, " · ") {
			// A byline of parts set apart by middle dots ("Stadt
			// Beispiel · Bauamt · Stand 1.2.2026") is no headline.
			continue
		}
		if strings.Contains(t, ",") || labelledRE.MatchString(t) {
			// "Birkenried, 1. Dezember 2026" above a signature,
			// "Dienstag: 14:00 bis 18:00 Uhr" in a list of hours.
			continue
		}
		if r, _ := utf8.DecodeRuneInString(t); !unicode.IsUpper(r) && !numberedHeadlineRE.MatchString(t) {
			continue
		}
		heading[i] = true
		n++
	}
	if n < 2 {
		return []Section{{Text: text}}
	}
	return splitAtHeadings(lines, heading, "", true)
}

// splitAtHeadings cuts lines into sections at the lines head marks: each
// heads the lines after it, under base ("Seite 2 › Headline"; the line
// alone when base is empty), and the lines before the first belong to
// base. With nest, a headline directly over another stays in its path.
// Sections without text are left out.
func splitAtHeadings(lines []string, head []bool, base string, nest bool) []Section {
	var out []Section
	cur := Section{Heading: base}
	var buf []string
	flush := func() {
		cur.Text = strings.TrimSpace(strings.Join(buf, "\n"))
		if cur.Text != "" {
			out = append(out, cur)
		}
	}
	for i, l := range lines {
		if !head[i] {
			buf = append(buf, l)
			continue
		}
		flush()
		h := strings.TrimSpace(l)
		if base != "" {
			h = base + " › " + h
		}
		if nest && cur.Text == "" && cur.Heading != "" {
			h = cur.Heading + " › " + h // a headline over a headline
		}
		cur, buf = Section{Heading: h}, nil
	}
	flush()
	return out
}

// windows1252ToUTF8 converts the bytes of a file that is not UTF-8 to UTF-8,
// reading them as Windows-1252, the code page Windows editors save text
// and pages in: Latin-1 (ISO 8859-1) but for 0x80–0x9F, where Latin-1
// has control characters no text uses and Windows-1252 the euro sign,
// typographic quotes and dashes ("„Kältehilfe“ – 1 €"). The five bytes
// Windows-1252 leaves undefined stay Latin-1's.
func windows1252ToUTF8(b []byte) []byte {
	var out bytes.Buffer
	for _, c := range b {
		if c >= 0x80 && c < 0xA0 && cp1252[c-0x80] != 0 {
			out.WriteRune(cp1252[c-0x80])
			continue
		}
		out.WriteRune(rune(c))
	}
	return out.Bytes()
}

// cp1252 holds the characters of Windows-1252's bytes 0x80–0x9F; 0 where
// the code page defines none.
var cp1252 = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}
