// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// statuteTitleStartRE matches the first line of a statute's title: its
// kind of statute first ("Satzung der Stadt …", "Polizeiverordnung
// über …", "Gebührenordnung für …", "Erste Satzung zur Änderung …",
// "2. Änderungssatzung …").
var statuteTitleStartRE = regexp.MustCompile(`^(?:(?:\d{1,2}\.|Erste|Zweite|Dritte|Vierte|Fünfte|Sechste|Siebte|Achte|Neunte|Zehnte)\s+)?(?:\p{Lu}\p{Ll}*(?:satzung|ordnung|richtlinien?|statut)|Satzung|Ordnung|Verordnung|Richtlinien?|Statut)\b`)

// statuteDateLineRE matches the line of a statute's title that dates it
// ("vom 14. März 2019", "vom 03.12.2026"), or a title line that ends so.
var statuteDateLineRE = regexp.MustCompile(`(?:^|\s)vom\s+\d{1,2}\.\s*(?:\d{1,2}\.\s*|\p{L}+\s+)\d{4}\s*$`)

// maxStatuteTitleLines and maxStatuteTitle bound a statute's title.
const (
	maxStatuteTitleLines = 4
	maxStatuteTitle      = 300
)

// statuteTitle finds a statute's title in the text before its first §
// (intro): the block of lines that begins with the kind of statute and
// ends with the line that dates it ("vom 14. März 2019"), the last such
// block. It returns the title in one line, without its date, and the
// intro without the title and without what stands above it (the end of
// the notice printed before it in a gazette, a running head), its date
// first; ok is false when intro holds no such block.
func statuteTitle(intro string) (title, rest string, ok bool) {
	lines := strings.Split(intro, "\n")
	for end := len(lines) - 1; end >= 0; end-- {
		if !statuteDateLineRE.MatchString(strings.TrimSpace(lines[end])) {
			continue
		}
		for start := end; start >= 0 && start > end-maxStatuteTitleLines; start-- {
			t := strings.TrimSpace(lines[start])
			if t == "" || start < end && strings.HasSuffix(t, ".") {
				break // a blank line or a sentence's end: above the title
			}
			if !statuteTitleStartRE.MatchString(t) {
				continue
			}
			var parts []string
			for _, l := range lines[start : end+1] {
				parts = append(parts, strings.TrimSpace(l))
			}
			title = strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
			loc := statuteDateLineRE.FindStringIndex(title)
			date := strings.TrimSpace(title[loc[0]:])
			title = strings.TrimSpace(title[:loc[0]])
			if countLetters(title) < 2 || utf8.RuneCountInString(title) > maxStatuteTitle {
				return "", intro, false
			}
			// The date stays in the text, as the first line of the
			// preamble.
			rest = strings.TrimSpace(date + "\n" + strings.Join(lines[end+1:], "\n"))
			return title, rest, true
		}
		return "", intro, false
	}
	return "", intro, false
}
