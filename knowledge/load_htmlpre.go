// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Prose in <pre>: a notice pasted from a gazette or a word processor
// into a preformatted block keeps the line breaks of its paper, cut
// words and centred heads. Such a block is read by the rules of a plain
// text: the words cut at a line's end whole again, the lines of a
// paragraph joined, its head line the page's title when the page has no
// heading of its own. A <pre> that holds code, commands, a table or art
// stays as written.

// minPreWords is the fewest words a <pre> of prose has.
const minPreWords = 30

// proseSymbols are the characters of code, commands and drawn tables.
const proseSymbols = "{}[]<>=;$#\\|*_~^`@%&+"

// prose reports whether s is running text rather than code: enough
// words, mostly letters, few of the symbols of code, and sentences (at
// least two lines end or break one).
func prose(s string) bool {
	if len(strings.Fields(s)) < minPreWords {
		return false
	}
	letters, symbols, other := 0, 0, 0
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
		case unicode.IsLetter(r):
			letters++
		case strings.ContainsRune(proseSymbols, r) || r >= 0x2500 && r <= 0x257F:
			symbols++
		default:
			other++
		}
	}
	all := letters + symbols + other
	if all == 0 || letters*100 < all*75 || symbols*100 > all*2 {
		return false
	}
	sentences := 0
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if strings.HasSuffix(l, ".") || strings.Contains(l, ". ") {
			sentences++
		}
	}
	return sentences >= 2
}

// headLine reports whether l can head a text: short, with letters, no
// sentence (it ends in no ".", ",", ";" or ":"), no label line and no
// list item.
func headLine(l string) bool {
	if l == "" || utf8.RuneCountInString(l) > 100 || countLetters(l) < 3 || listLineRE.MatchString(l) {
		return false
	}
	if strings.ContainsAny(l[len(l)-1:], ".,;:") {
		return false
	}
	_, label := labelLine(l)
	return !label
}

// proseText reads the text of a <pre> of prose: its lines trimmed and
// their runs of blanks (columns typed with the space bar) one blank, the
// lines of a paragraph joined and the words cut at a line's end whole
// again (joinWrappedLines' rules: a line that fills the block's width
// without ending a sentence goes on in the next, unless that begins an
// item). The block's head, the short lines above its first paragraph, is
// returned apart: title its last line (the notice's title under its
// letterhead), head the lines above it.
func proseText(s string) (title string, head []string, body string) {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	out := strings.Split(joinWrappedLines(strings.Trim(strings.Join(lines, "\n"), "\n")), "\n")
	last, i := -1, 0
	for ; i < len(out); i++ {
		if out[i] == "" {
			continue
		}
		if !headLine(out[i]) {
			break
		}
		last = i
	}
	if last < 0 || i == len(out) {
		return "", nil, strings.Join(out, "\n")
	}
	for _, l := range out[:last] {
		if l != "" {
			head = append(head, l)
		}
	}
	return out[last], head, strings.Trim(strings.Join(out[last+1:], "\n"), "\n")
}

// prosePre reads a <pre> of prose as plain text, its sections after the
// one it stands in, and reports whether it did.
func (w *htmlWalker) prosePre(n *html.Node) bool {
	raw := textOfAll(n)
	if !prose(raw) {
		return false
	}
	title, head, body := proseText(raw)
	w.endLine()
	if title != "" && w.title == "" && len(w.sections) == 0 {
		// No <h1> before it: the notice's head line is the page's
		// title, not the <title> (often the list's). The letterhead
		// above it and a dated meta line before the block ("18.12.2026
		// · Bekanntmachung") are the notice's head, no text of it.
		w.title = title
		if metaLines(w.lines) {
			w.lines = nil
		}
	} else if title != "" {
		w.lines = append(w.lines, head...)
		w.lines = append(w.lines, title)
	}
	for i, s := range textSections(body) {
		if i == 0 && s.Heading == "" {
			w.lines = append(w.lines, s.Text)
			continue
		}
		w.flush()
		h := s.Heading
		if w.heading != "" {
			h = w.heading + " › " + h
		}
		w.sections = append(w.sections, Section{Heading: h, Text: s.Text})
	}
	w.flush()
	return true
}

// metaLines reports whether lines are a page's meta line before its
// text: at most maxKickers short lines, one of them with a date.
func metaLines(lines []string) bool {
	if len(lines) == 0 || len(lines) > maxKickers {
		return false
	}
	dated := false
	for _, l := range lines {
		if utf8.RuneCountInString(l) > maxKickerLen {
			return false
		}
		dated = dated || dateRE.MatchString(l)
	}
	return dated
}

// backLinkRE matches the text of a link back to a list or the page
// before ("« Zurück zur Übersicht", "Zurück", "‹ zurück zur Liste",
// "Back to overview").
var backLinkRE = regexp.MustCompile(`(?i)^[«‹<←\s]*(?:zurück|back)(?:\s+(?:zur|zum|zu|to(?:\s+the)?)\s+[\p{L} -]{1,40})?[\s»›>]*$`)

// backLink reports whether link n is a link back to a list standing
// alone in its block: navigation, no text of the page.
func backLink(n *html.Node) bool {
	t := strings.TrimSpace(collapseSpace(textOfAll(n)))
	if !backLinkRE.MatchString(t) || n.Parent == nil {
		return false
	}
	return strings.TrimSpace(collapseSpace(textOfAll(n.Parent))) == t
}
