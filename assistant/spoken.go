// SPDX-License-Identifier: EUPL-1.2

package assistant

import "strings"

// Part is a piece of an answer in one language, for a channel that speaks
// it with a voice of that language: an answer in another language than
// German holds the German quote of its source.
type Part struct {
	Text  string
	Lang  string
	Quote bool // the quoted German source
}

// Parts splits an answer text in language lang into the asker's language
// and the German quote: the text up to the mark that the source is German
// (its last sentence included), the quote, and the lines after it (next
// step, link, offer of a person). An answer in German, or without a
// German quote, is one part.
func Parts(text, lang string) []Part {
	lang = normLangOrDE(lang)
	if lang == "de" {
		return []Part{{Text: text, Lang: lang}}
	}
	m := defaultTexts().msgs(lang)
	if m.SourceGerman == "" {
		return []Part{{Text: text, Lang: lang}}
	}
	i := strings.Index(text, m.SourceGerman)
	if i < 0 {
		return []Part{{Text: text, Lang: lang}}
	}
	head := text[:i+len(m.SourceGerman)]
	rest := strings.Split(text[i+len(m.SourceGerman):], "\n\n")
	n := 0
	for n < len(rest) && !ownParagraph(m, rest[n]) {
		n++
	}
	parts := []Part{{Text: strings.TrimSpace(head), Lang: lang}}
	if q := strings.TrimSpace(strings.Join(rest[:n], "\n\n")); q != "" {
		parts = append(parts, Part{Text: q, Lang: "de", Quote: true})
	}
	if tail := strings.TrimSpace(strings.Join(rest[n:], "\n\n")); tail != "" {
		parts = append(parts, Part{Text: tail, Lang: lang})
	}
	return parts
}

// ownParagraph reports whether p is one of the asker's-language sentences
// that follow the quote of an answer.
func ownParagraph(m *messages, p string) bool {
	p = strings.TrimSpace(p)
	for _, s := range []string{m.NextOnline, m.NextTerminURL, m.NextTermin, m.MoreAt, m.HumanHint, m.OfferHuman, m.Related} {
		prefix, _, _ := strings.Cut(s, "%")
		prefix = strings.TrimSpace(prefix)
		if prefix != "" && strings.HasPrefix(p, prefix) {
			return true
		}
	}
	return false
}
