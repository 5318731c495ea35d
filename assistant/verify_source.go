// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"regexp"
	"strings"
)

// What the cited passages say, indexed for the claim checks.

// sourceIndex holds what a source says, in the forms the checks compare.
type sourceIndex struct {
	keys    map[string]bool // numbers, dates, times, durations, weekdays
	lower   string          // the text in lower case, for links
	norm    string          // folded words with umlauts as stem writes them, space-delimited
	phones  []string        // digits of phone numbers
	money   bool            // the source states amounts of money ("eur:" keys)
	amounts []amountLine    // each amount of money with the words of its clause
	topic   map[string]bool // words of the titles and headings
	clauses []polClause
}

// newSourceIndex indexes texts; the yes/no facts are read from statements
// only (headings state nothing).
func newSourceIndex(texts, statements []string) *sourceIndex {
	ix := &sourceIndex{keys: map[string]bool{}}
	// Figures are read as in answers ("116 116", "8.00 - 12.30 Uhr").
	text := localFigures(strings.Join(texts, "\n"), "de")
	for _, f := range numberFacts(text, true) {
		ix.keys[f.key] = true
		if strings.HasPrefix(f.key, "n:") && currencyNear(text, f.start, f.end) {
			ix.keys["eur:"+f.key] = true
			ix.money = true
		}
	}
	for _, d := range findDurations(text) {
		for _, k := range d.keys() {
			ix.keys[k] = true
		}
		ix.keys[num(d.value)] = true
	}
	for _, f := range spelledNumbers(text) {
		ix.keys[f.key] = true
		if currencyNear(text, f.start, f.end) {
			ix.keys["eur:"+f.key] = true
			ix.money = true
		}
	}
	for _, f := range monthDates(text, true) {
		ix.keys[f.key] = true
	}
	for _, f := range weekdayMentions(text, true) {
		ix.keys[f.key] = true
	}
	ix.lower = strings.ToLower(text)
	ix.norm = " " + normWords(text) + " "
	for _, m := range phoneClaimRE.FindAllString(text, -1) {
		if d, ok := phoneDigits(m); ok {
			ix.phones = append(ix.phones, d)
		}
	}
	for _, t := range statements {
		t = localFigures(t, "de")
		for _, sent := range answerSentences(t) {
			for _, loc := range phoneClaimRE.FindAllStringIndex(sent, -1) {
				if d, ok := phoneDigits(sent[loc[0]:loc[1]]); ok {
					ws := qualifierWords(clauseAround(blank(sent, loc[0], loc[1]), loc[0], loc[1]))
					ix.amounts = append(ix.amounts, amountLine{key: "tel:" + d, words: ws})
				}
			}
			for _, d := range findDurations(sent) {
				ws := qualifierWords(clauseAround(blank(sent, d.start, d.end), d.start, d.end))
				for _, k := range d.keys() {
					ix.amounts = append(ix.amounts, amountLine{key: k, words: ws})
				}
			}
			for _, f := range numberFacts(sent, true) {
				if strings.HasPrefix(f.key, "n:") && currencyNear(sent, f.start, f.end) {
					ix.amounts = append(ix.amounts, amountLine{key: f.key, words: qualifierWords(clauseAround(blank(sent, f.start, f.end), f.start, f.end))})
				}
			}
		}
		ix.clauses = append(ix.clauses, polarityClauses(t)...)
	}
	return ix
}

// amountLine is an amount of money, a duration or a phone number in a
// source with the words that say what it is for ("Antragstellende unter 24
// Jahren", "Beratung").
type amountLine struct {
	key   string
	words map[string]bool
}

// boundElsewhere reports an amount that the source states, but for
// something else: another amount's clause shares clearly more words with
// the answer's clause than any clause of this amount ("ab 24 Jahren …
// 37,50 Euro" where the source has "ab 24 Jahren: 70,00 Euro" and "unter
// 24 Jahren: 37,50 Euro").
func (ix *sourceIndex) boundElsewhere(key, clause string) bool {
	ws := qualifierWords(clause)
	own, other := -1, -1
	kind, _, _ := strings.Cut(key, ":")
	for _, a := range ix.amounts {
		if !strings.HasPrefix(a.key, kind+":") {
			continue // amounts compete with amounts, durations with durations
		}
		n := 0
		for w := range ws {
			if a.words[w] && !ix.topic[w] {
				n++
			}
		}
		if a.key == key {
			own = max(own, n)
		} else {
			other = max(other, n)
		}
	}
	return own >= 0 && other > own && (other >= 2 || own == 0)
}

// clauseAround returns the clause of s around s[start:end]: from the last
// comma, semicolon or line break before it to the next after it.
func clauseAround(s string, start, end int) string {
	from := strings.LastIndexAny(s[:start], ";\n")
	for _, sep := range []string{", ", ". "} {
		if i := strings.LastIndex(s[:start], sep); i > from {
			from = i
		}
	}
	to := len(s)
	if i := strings.IndexAny(s[end:], ";\n"); i >= 0 {
		to = end + i
	}
	for _, sep := range []string{", ", ". "} {
		if i := strings.Index(s[end:], sep); i >= 0 && end+i < to {
			to = end + i
		}
	}
	return s[from+1 : to]
}

// amountNoise are words that say nothing about what an amount is for.
var amountNoise = map[string]bool{
	"der": true, "die": true, "das": true, "den": true, "dem": true, "des": true, "ein": true, "eine": true, "einen": true,
	"einem": true, "einer": true, "eines": true, "und": true, "oder": true, "ist": true, "sind": true, "es": true, "sie": true,
	"ihr": true, "ihre": true, "fuer": true, "mit": true, "von": true, "zu": true, "im": true, "in": true, "am": true,
	"an": true, "auf": true, "bei": true, "kostet": true, "kosten": true, "betraegt": true, "euro": true, "eur": true,
	"cent": true, "zahlen": true, "telefon": true, "tel": true, "telefonisch": true, "anrufen": true, "rufen": true, "the": true, "a": true, "is": true, "are": true, "it": true, "for": true, "of": true,
	"to": true, "costs": true, "cost": true, "euros": true, "pay": true, "you": true,
}

// qualifierWords are the folded words of a clause that may say what an
// amount is for, figures included, stemmed.
func qualifierWords(clause string) map[string]bool {
	out := map[string]bool{}
	for _, t := range wordTokens(clause) {
		switch w := t.folded; {
		case w == "" || amountNoise[w]:
		case strings.ContainsAny(t.text, "0123456789"):
			if isDigits(t.text) && len(t.text) <= 3 {
				out[w] = true // "ab 24 Jahren"; not "8:00" or "70,00"
			}
		default:
			out[stem(w)] = true
		}
	}
	return out
}

// has reports whether the normalized word stem st occurs in the source,
// also inside a compound.
func (ix *sourceIndex) has(st string) bool { return strings.Contains(ix.norm, st) }

// normWords folds s and writes umlauts as stem does.
func normWords(s string) string {
	ws := words(s)
	for i, w := range ws {
		ws[i] = normWord(w)
	}
	return strings.Join(ws, " ")
}

func normWord(w string) string { return umlautNorm.Replace(w) }

var umlautNorm = strings.NewReplacer("ae", "a", "oe", "o", "ue", "u")

// phoneClaimRE finds phone numbers: a leading 0 or +, then at least five more
// digits, with spaces, slashes, dashes and brackets between.
var phoneClaimRE = regexp.MustCompile(`(?:\+|\b0)[\d()][\d \t/()\-]{4,}\d`)

// phoneDigits returns the digits of a phone number with +49 and 0049
// written as 0; ok is false for fewer than six digits.
func phoneDigits(s string) (string, bool) {
	d := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
	switch {
	case strings.HasPrefix(s, "+49"):
		d = "0" + strings.TrimPrefix(d, "49")
	case strings.HasPrefix(d, "0049"):
		d = "0" + strings.TrimPrefix(d, "0049")
	}
	return d, len(d) >= 6
}

// bestQuote returns the sentence of the passages at cites that shares the
// most words (at least three, or two when it has no more) with body, and
// its passage: what the source says about what a refused sentence was
// about. Words of the titles do not count.
func (v *verifier) bestQuote(body string, cites []int) (string, int, bool) {
	ix := v.index(cites)
	ws := qualifierWords(body)
	best, bestP, bestN := "", -1, 0
	for _, p := range cites {
		for _, sent := range answerSentences(v.ps[p].Text) {
			sent = strings.TrimSpace(strings.TrimLeft(sent, "-*• "))
			sw := qualifierWords(sent)
			n := 0
			for w := range ws {
				if sw[w] && !ix.topic[w] {
					n++
				}
			}
			if n > bestN && len([]rune(sent)) <= maxQuoteRunes {
				best, bestP, bestN = sent, p, n
			}
		}
	}
	need := min(3, len(ws)-countIn(ws, ix.topic))
	return best, bestP, bestN >= max(need, 2)
}

// maxQuoteRunes bounds a source sentence put in place of a refused one.
const maxQuoteRunes = 300

func countIn(ws, set map[string]bool) int {
	n := 0
	for w := range ws {
		if set[w] {
			n++
		}
	}
	return n
}
