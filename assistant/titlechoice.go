// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A title that lists what a page covers ("Abfalltonnen bestellen,
// tauschen, abmelden", "Fundsachen abgeben und abholen", "Geburtsurkunde,
// Eheurkunde, Sterbeurkunde bestellen") names its topic once and its
// items one by one. An item the question names ("was kostet es, wenn wir
// die Tonne tauschen") is what it asks about, not the page's name: the
// sentence about that item answers, not any sentence of the page.

// titleTokenRE splits a title into words and the marks that coordinate
// them.
var titleTokenRE = regexp.MustCompile(`[\p{L}\p{N}][\p{L}\p{N}.'’-]*|[,/:;()–—|]| - `)

// titleChoices returns the stems of the coordinated items of title, one
// group per coordination: each item is the word next to a comma, a slash,
// "und", "oder", "sowie" or "bzw.". Numbers, truncated parts ("An- und
// Abmeldung") and words shorter than three letters are no items.
func titleChoices(title string) [][]string {
	toks := titleTokenRE.FindAllString(title, -1)
	coord := func(t string) bool {
		switch strings.ToLower(t) {
		case ",", "/", "und", "oder", "sowie", "bzw.", "bzw":
			return true
		}
		return false
	}
	item := func(t string) bool {
		// A word (the marks the expression finds begin with none of
		// letters), long enough, without digits, not cut off.
		r, _ := utf8.DecodeRuneInString(t)
		return unicode.IsLetter(r) && utf8.RuneCountInString(t) >= 3 && !strings.ContainsAny(t, "0123456789") && !strings.HasSuffix(t, "-") && !coord(t)
	}
	var groups [][]string
	var cur []string
	flush := func() {
		if len(cur) >= 2 {
			groups = append(groups, cur)
		}
		cur = nil
	}
	for i := 0; i+2 < len(toks); i++ {
		if !item(toks[i]) || !coord(toks[i+1]) {
			continue
		}
		j := i + 2
		if toks[i+1] == "," && j < len(toks) && coord(toks[j]) {
			j++ // "A, und B"
		}
		if j >= len(toks) || !item(toks[j]) {
			flush()
			continue
		}
		a, b := stemOfTitleWord(toks[i]), stemOfTitleWord(toks[j])
		if len(cur) == 0 || cur[len(cur)-1] != a {
			flush()
			cur = []string{a}
		}
		cur = append(cur, b)
		i = j - 1
	}
	flush()
	return groups
}

func stemOfTitleWord(w string) string {
	ws := words(w)
	if len(ws) == 0 {
		return ""
	}
	return stem(ws[len(ws)-1])
}

// askedChoices returns the items of the document's title choices that the
// question's content words name, where they name some of a group's items
// and not all of them.
func askedChoices(groups [][]string, terms queryTerms) map[string]bool {
	var out map[string]bool
	for _, g := range groups {
		var named []string
		items := 0
		for _, it := range g {
			one := newStemSet(map[string]bool{it: true})
			n := len(named)
			for _, s := range terms.content {
				if s == it || terms.hitIn(one, s) {
					named = append(named, s)
				}
			}
			if len(named) > n {
				items++
			}
		}
		if items == 0 || items >= len(g) {
			continue
		}
		if out == nil {
			out = map[string]bool{}
		}
		for _, s := range named {
			out[s] = true
		}
	}
	return out
}
