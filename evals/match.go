// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"path"
	"strings"
	"unicode"
)

// MatchSource reports whether the expected-source pattern matches the
// document ID id. A pattern matches when it equals the ID, equals the ID's
// last path element ("reisepass" matches "leistungen/reisepass"), or
// matches it as a glob: each "/"-separated segment is matched with
// path.Match, and a segment "**" matches any number of segments,
// including none ("intern/**" matches "intern/it/vpn").
func MatchSource(pattern, id string) bool {
	if pattern == id || pattern == path.Base(id) {
		return true
	}
	return matchGlob(strings.Split(pattern, "/"), strings.Split(id, "/"))
}

// matchGlob matches pattern segments against name segments.
func matchGlob(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			// Collapse repeated "**" and try every split point.
			for len(pat) > 0 && pat[0] == "**" {
				pat = pat[1:]
			}
			if len(pat) == 0 {
				return true
			}
			for i := range len(name) + 1 {
				if matchGlob(pat, name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		ok, err := path.Match(pat[0], name[0])
		if err != nil || !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return len(name) == 0
}

// matchAny reports whether any pattern matches id.
func matchAny(patterns []string, id string) bool {
	for _, p := range patterns {
		if MatchSource(p, id) {
			return true
		}
	}
	return false
}

// ContainsFact reports whether text contains fact. The comparison ignores
// case, treats any run of white space (including no-break spaces) as one
// space, and ignores thousands separators between digits, so "1.000 Euro"
// matches "1000 euro" and "1 000 EUR" matches "1000 EUR". A decimal comma
// with two digits ("71,20") is not a thousands separator and must match as
// written.
func ContainsFact(text, fact string) bool {
	f := NormalizeFact(fact)
	if f == "" {
		return false
	}
	return strings.Contains(NormalizeFact(text), f)
}

// NormalizeFact returns s in the form ContainsFact compares: lower case,
// single spaces, no thousands separators.
func NormalizeFact(s string) string {
	s = strings.Join(strings.Fields(strings.ToLower(s)), " ")
	r := []rune(s)
	var b strings.Builder
	for i, c := range r {
		if isGroupSep(c) && i > 0 && unicode.IsDigit(r[i-1]) && isThousandsGroup(r[i+1:]) {
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

// isGroupSep reports whether c may separate groups of thousands. After
// strings.Fields every space is a plain ' '.
func isGroupSep(c rune) bool {
	switch c {
	case '.', ',', ' ', '\'', '’':
		return true
	}
	return false
}

// isThousandsGroup reports whether r starts with exactly three digits.
func isThousandsGroup(r []rune) bool {
	if len(r) < 3 {
		return false
	}
	for _, c := range r[:3] {
		if !unicode.IsDigit(c) {
			return false
		}
	}
	return len(r) == 3 || !unicode.IsDigit(r[3])
}

// ContainsForbidden reports whether text contains s, ignoring case and
// treating every run of white space (including no-break spaces) as one
// blank. It is the match of Expect.MustNotContain: strict on purpose, so
// that a leak cannot hide behind a line break, and forgiving nothing else.
func ContainsForbidden(text, s string) bool {
	n := collapseSpace(strings.ToLower(s))
	return n != "" && strings.Contains(collapseSpace(strings.ToLower(text)), n)
}

// collapseSpace trims s and replaces every run of white space by one blank.
func collapseSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}
