// SPDX-License-Identifier: EUPL-1.2

package german

import "strings"

// maxUmlautSpots bounds the vowels RestoreUmlauts tries: 2^4 spellings of
// one word at most.
const maxUmlautSpots = 4

// RestoreUmlauts returns the folded spelling of the folded word w with its
// umlauts written back ("fur" → "fuer", "burgeramt" → "buergeramt",
// "gultig" → "gueltig"), as people write who have no umlauts on their
// keyboard, when known accepts that spelling; "" when w has no vowel that
// could be one or no spelling is known. Spellings with fewer umlauts are
// tried first. A "u" after "a", "e" or "q" is no umlaut ("Bau", "neu",
// "Quelle").
func RestoreUmlauts(w string, known func(string) bool) string {
	var spots [maxUmlautSpots]int
	n := 0
	for i := 0; i < len(w) && n < maxUmlautSpots; i++ {
		c := w[i]
		if c != 'a' && c != 'o' && c != 'u' {
			continue
		}
		if i+1 < len(w) && w[i+1] == 'e' {
			continue // already spelled out, or a diphthong of its own
		}
		if c == 'u' && i > 0 && (w[i-1] == 'a' || w[i-1] == 'e' || w[i-1] == 'q') {
			continue
		}
		if c == 'a' && i+1 < len(w) && (w[i+1] == 'u' || w[i+1] == 'i' || w[i+1] == 'y') {
			continue // "au", "ai": no "ä" there
		}
		spots[n] = i
		n++
	}
	if n == 0 {
		return ""
	}
	buf := make([]byte, 0, len(w)+n)
	// By the number of umlauts, then by position: masks in order of
	// their bit count.
	for k := 1; k <= n; k++ {
		for mask := 1; mask < 1<<n; mask++ {
			if bitCount(mask) != k {
				continue
			}
			buf = buf[:0]
			j := 0
			for i := 0; i < len(w); i++ {
				buf = append(buf, w[i])
				if j < n && spots[j] == i {
					if mask&(1<<j) != 0 {
						buf = append(buf, 'e')
					}
					j++
				}
			}
			if s := string(buf); known(s) {
				return s
			}
		}
	}
	return ""
}

func bitCount(m int) int {
	n := 0
	for ; m != 0; m &= m - 1 {
		n++
	}
	return n
}

// minTransposedLen is the shortest word whose swapped letters are put
// back: in shorter words a swap makes another word too often.
const minTransposedLen = 5

// Untranspose returns the folded spelling of the lower-case word w with
// two neighbouring letters swapped back ("donnesrtag" → "donnerstag",
// "tscühss" → "tschuess"), the commonest slip in typing, when known
// accepts that folded spelling; "" when no swap gives a known word or w
// is shorter than five letters.
func Untranspose(w string, known func(string) bool) string {
	rs := []rune(w)
	if len(rs) < minTransposedLen {
		return ""
	}
	for i := 0; i+1 < len(rs); i++ {
		if rs[i] == rs[i+1] {
			continue
		}
		rs[i], rs[i+1] = rs[i+1], rs[i]
		if s := Normalize(string(rs)); known(s) {
			return s
		}
		rs[i], rs[i+1] = rs[i+1], rs[i]
	}
	return ""
}

// minRedoubledLen is the shortest word Redouble writes back: "bite" and
// "bitte".
const minRedoubledLen = 4

// doubled are the consonants German writes doubled after a short vowel,
// and so the ones a typist drops one of ("bekomt", "bite", "komen").
const doubled = "bdfglmnprst"

// Redouble returns the folded spelling of the lower-case word w with a
// dropped letter of a doubled consonant written back ("bekomt" →
// "bekommt", "bite" → "bitte"), or the "t" of "tz" and the "c" of "ck"
// ("mutterschuz" → "mutterschutz", "paket" stays), when known accepts
// that folded spelling; "" when none does or w is shorter than four
// letters. The first known spelling from the word's start is taken.
func Redouble(w string, known func(string) bool) string {
	rs := []rune(w)
	if len(rs) < minRedoubledLen {
		return ""
	}
	buf := make([]rune, 0, len(rs)+1)
	try := func(i int, ins rune) string {
		if s := inserted(&buf, rs, i, ins); known(s) {
			return s
		}
		return ""
	}
	for i, r := range rs {
		if i > 0 && rs[i-1] == r || i+1 < len(rs) && rs[i+1] == r {
			continue // doubled already
		}
		var ins rune
		switch {
		case strings.ContainsRune(doubled, r) && i > 0:
			ins = r
		case r == 'z' && i > 0 && rs[i-1] != 't':
			ins = 't'
		case r == 'k' && i > 0 && rs[i-1] != 'c':
			ins = 'c'
		default:
			continue
		}
		if s := try(i, ins); s != "" {
			return s
		}
	}
	return ""
}

// minRevowelledLen is the shortest word Revowel writes a vowel back into:
// in shorter words an added vowel makes another word too often.
const minRevowelledLen = 6

// vowels are the letters a typist drops from a word most often without
// noticing ("heirten", "beantrgen").
const vowels = "aeiou"

// Revowel returns the folded spelling of the lower-case word w with one
// dropped vowel written back ("heirten" → "heiraten", "beantrgen" →
// "beantragen") when known accepts exactly one such spelling; "" when
// none or several do, or w is shorter than six letters.
func Revowel(w string, known func(string) bool) string {
	rs := []rune(w)
	if len(rs) < minRevowelledLen {
		return ""
	}
	buf := make([]rune, 0, len(rs)+1)
	found := ""
	for i := 0; i <= len(rs); i++ {
		for _, v := range vowels {
			if i > 0 && rs[i-1] == v {
				continue // "heiraaten" is "heiraten" with the vowel after it
			}
			s := inserted(&buf, rs, i, v)
			if s == found || !known(s) {
				continue
			}
			if found != "" {
				return "" // two words within one vowel: no slip to undo
			}
			found = s
		}
	}
	return found
}

// inserted returns the folded spelling of rs with r put in at index i,
// built in *buf (reused across the tries of one word).
func inserted(buf *[]rune, rs []rune, i int, r rune) string {
	*buf = append(append(append((*buf)[:0], rs[:i]...), r), rs[i:]...)
	return Normalize(string(*buf))
}
