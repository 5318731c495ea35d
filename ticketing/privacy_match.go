// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// textMatcher reports whether a stored text mentions the subject. Stored
// texts are free text and JSON written by people and by the assistant, so
// identifiers are compared in a normal form: e-mail addresses without
// case, phone numbers by their digits (with +49 or 0049 read as a leading
// 0, whatever the blanks, brackets, dashes and slashes between them), IBANs
// without blanks and case, names as whole words without case.
type textMatcher func(text string) bool

// subjectMatcher returns the matcher for a subject named by an identifier,
// or nil for a subject named by an ID (conversation, user, ticket).
func subjectMatcher(sub Subject) textMatcher {
	switch {
	case sub.IBAN != "":
		want := compactUpper(sub.IBAN)
		return func(text string) bool { return strings.Contains(compactUpper(text), want) }
	case sub.Name != "":
		want := strings.Join(strings.Fields(strings.ToLower(sub.Name)), " ")
		return func(text string) bool {
			return containsWord(strings.Join(strings.Fields(strings.ToLower(text)), " "), want)
		}
	case strings.Contains(sub.Contact, "@"):
		want := strings.ToLower(strings.TrimSpace(sub.Contact))
		return func(text string) bool { return strings.Contains(strings.ToLower(text), want) }
	case sub.Contact != "":
		want := phoneDigits(sub.Contact)
		if len(want) < 5 {
			// Too short to be a phone number: compare as written.
			want := strings.TrimSpace(sub.Contact)
			return func(text string) bool { return strings.Contains(text, want) }
		}
		return func(text string) bool {
			for _, run := range phoneRuns(text) {
				if strings.Contains(phoneDigits(run), want) {
					return true
				}
			}
			return false
		}
	}
	return nil
}

// compactUpper removes all white space and upper-cases s.
func compactUpper(s string) string {
	var b strings.Builder
	for _, r := range s {
		if !unicode.IsSpace(r) {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

// containsWord reports whether w occurs in s not inside a longer word.
func containsWord(s, w string) bool {
	if w == "" {
		return false
	}
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(w)
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if (start == 0 || !isWordRune(before)) && (end == len(s) || !isWordRune(after)) {
			return true
		}
		i = start + 1
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// phoneDigits keeps the digits of a phone number, reading a leading +49 or
// 0049 as the national 0 and another leading + as 00.
func phoneDigits(s string) string {
	s = strings.TrimSpace(s)
	var b strings.Builder
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '+' && i == 0:
			b.WriteString("00")
		}
	}
	d := b.String()
	if rest, ok := strings.CutPrefix(d, "0049"); ok {
		d = "0" + strings.TrimPrefix(rest, "0") // "+49 (0)30 …"
	}
	return d
}

// phoneRuns returns the maximal runs of s made of digits and the characters
// people put between them in phone numbers.
func phoneRuns(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		in := (r >= '0' && r <= '9') || strings.ContainsRune("+()/-. \u00a0", r)
		switch {
		case r == '+' && start >= 0: // a + starts a new number
			out = append(out, s[start:i])
			start = i
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}
