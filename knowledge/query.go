// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"slices"
	"strings"
	"sync"

	"github.com/musterstadt/lotse/knowledge/german"
)

// A rule adds terms to a query that contains a key: a synonym, a colloquial
// word or an English administrative term.
type rule struct {
	targets [][]token
	weight  float64
	// known: a target counts only when the index holds its words (a
	// translation into the language of some of the sources).
	known bool
}

// token is one analysed word: the folded surface form and its stem.
type token struct {
	word, stem string
}

// ruleSet holds the query expansion rules keyed by the stems of their
// left-hand side joined with blanks.
type ruleSet struct {
	groups [][]string // the roots' groups, kept for persistence
	rules  map[string][]rule
	maxLen int // longest key in tokens
	// words maps the folded words of one-word keys to their keys, so that a
	// typo can be corrected against the word as written ("gewerbeanmeldnug"
	// is one edit from "gewerbeanmeldung", not from its light stem).
	words map[string]string

	// fixes memoises correct (the rules never change once built), bounded
	// by maxFixes like the vocabulary's corrections.
	mu    sync.Mutex
	fixes map[string]string
}

// Weights of query terms by where they came from.
const (
	weightOriginal = 1.0
	weightGlossary = 1.0 // translations replace words the index cannot match
	// weightTranslation: an English word of the sources for a German word
	// asked, beside the German word, which may match too.
	weightTranslation = 0.8
	weightSynonym     = 0.7
	weightCorrected   = 0.8
	weightPart        = 0.8
	// minRuleModifier and minRuleHead are the shortest first part and the
	// shortest last part of a compound whose last part a rule replaces.
	minRuleModifier = 3
	minRuleHead     = 4
	weightContext   = 0.5 // Query.Context: the asker's situation, not the question
	// minRetypedCompound is the shortest word a typo correction may
	// replace although it splits into known parts.
	minRetypedCompound = 12
)

func tokenize(st *stemmer, s string) []token {
	var out []token
	for _, w := range german.Words(s) {
		if german.StopWord(w) || len(w) < 2 {
			continue
		}
		out = append(out, token{w, st.stem(w)})
	}
	return out
}

// tokensKey is the key under which rules are stored and looked up: the
// light stems of the words. Rules match on light stems rather than Snowball
// stems because Snowball conflates too much for whole-word synonyms
// ("persönlich" and "Perso" share the stem "perso").
func tokensKey(ts []token) string {
	ss := make([]string, len(ts))
	for i, t := range ts {
		ss[i] = german.LightStem(t.word)
	}
	return strings.Join(ss, " ")
}

// newRuleSet compiles the built-in synonyms, the English glossary and the
// groups from the roots' synonyms.txt files.
func newRuleSet(groups [][]string) *ruleSet {
	rs := &ruleSet{groups: groups, rules: map[string][]rule{}, words: map[string]string{}}
	st := newStemmer()
	add := func(from string, to []string, w float64, known bool) {
		key := tokenize(st, from)
		if len(key) == 0 {
			return
		}
		var targets [][]token
		for _, t := range to {
			if tt := tokenize(st, t); len(tt) > 0 && tokensKey(tt) != tokensKey(key) {
				targets = append(targets, tt)
			}
		}
		if len(targets) == 0 {
			return
		}
		k := tokensKey(key)
		rs.rules[k] = append(rs.rules[k], rule{targets: targets, weight: w, known: known})
		if len(key) == 1 {
			rs.words[key[0].word] = k
		}
		rs.maxLen = max(rs.maxLen, len(key))
	}
	addGroup := func(g []string, w float64, known bool) {
		for i, from := range g {
			others := make([]string, 0, len(g)-1)
			others = append(others, g[:i]...)
			others = append(others, g[i+1:]...)
			add(from, others, w, known)
		}
	}
	parse := func(text string, w float64, known bool) {
		for _, line := range strings.Split(text, "\n") {
			line = strings.TrimSpace(line)
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			if lhs, rhs, ok := strings.Cut(line, "=>"); ok {
				to := splitList(rhs)
				for _, from := range splitList(lhs) {
					add(from, to, w, known)
				}
				continue
			}
			addGroup(splitList(line), w, known)
		}
	}
	parse(builtinSynonyms, weightSynonym, false)
	parse(englishGlossary, weightGlossary, false)
	parse(germanGlossary, weightTranslation, true)
	for _, g := range groups {
		addGroup(g, weightSynonym, false)
	}
	return rs
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// queryTerms turns question text into weighted index terms: the analysed
// words, their expansions by rules, compound parts and typo corrections.
// Only terms the vocabulary knows are kept, except that an unknown word is
// kept as it is when nothing better is found (it then simply matches nothing).
//
// extra lists the words the rules added, for the dense query.
func (ix *index) queryTerms(text string) (terms map[string]float64, extra []string) {
	terms, extra, _ = ix.queryTermsCounted(text)
	return terms, extra
}

// Bounds on the analysis of one question. Correction and decompounding
// cost up to quadratic time in the length of a word, and a question is
// whatever a stranger typed; so only words of at most maxFuzzyWord bytes
// are tried, and at most maxFuzzyPerQuery of them per question. Real
// questions have a handful of unknown words; the rest of a flood simply
// matches nothing.
const (
	maxFuzzyWord     = 40
	maxFuzzyPerQuery = 24
)

// queryWork counts the expensive steps of analysing one question.
type queryWork struct {
	fuzzy   int // words tried for decompounding or correction
	skipped int // words too long or over the per-question cap, taken as they are
}

// fuzzyOK books one expensive attempt for word w and reports whether it
// may be made.
func (qw *queryWork) fuzzyOK(w string) bool {
	if len(w) > maxFuzzyWord || qw.fuzzy >= maxFuzzyPerQuery {
		qw.skipped++
		return false
	}
	qw.fuzzy++
	return true
}

func (ix *index) queryTermsCounted(text string) (terms map[string]float64, extra []string, work queryWork) {
	st := newStemmer()
	toks := tokenize(st, text)
	terms = map[string]float64{}
	put := func(t string, w float64) {
		if w > terms[t] {
			terms[t] = w
		}
	}
	var isKey func(string) bool // ix.isRuleKey, made for the first word split
	var resolve func(tk token, w float64, depth int)
	// expand adds the targets of rule r a query word met, with weight w;
	// a translation only where the index holds it, and never to the
	// dense query's words (rule.known).
	expand := func(r rule, w float64, depth int) {
		for _, target := range r.targets {
			if !ix.usable(r, target) {
				continue
			}
			for _, t := range target {
				resolve(t, w, depth)
				if !r.known {
					extra = append(extra, t.word)
				}
			}
		}
	}
	resolve = func(tk token, w float64, depth int) {
		if ix.vocab.has(tk.stem) {
			put(tk.stem, w)
			return
		}
		if p := german.DropParticiple(tk.word); p != tk.word {
			// A participle meets its verb: "abgemeldet" → abmeld.
			if ps := st.stem(p); ix.vocab.has(ps) {
				put(ps, w)
				return
			}
		}
		if sg, ok := strings.CutSuffix(tk.word, "s"); ok && len(sg) >= 2 {
			// An English plural the stemmer keeps: "PDFs", "VMs".
			if ss := st.stem(sg); ix.vocab.has(ss) {
				put(ss, w)
				return
			}
		}
		if z := german.DropZuInfix(tk.word); z != tk.word {
			// "abzumelden" meets "abmelden".
			if zs := st.stem(z); ix.vocab.has(zs) {
				put(zs, w)
				return
			}
		}
		if !work.fuzzyOK(tk.word) {
			put(tk.stem, w)
			return
		}
		if depth == 0 {
			if len(tk.word) >= minRetypedCompound {
				// A long compound a letter off a word of the index is a
				// slip of typing, whatever parts it splits into:
				// "Rundfunkbetrag" is the "Rundfunkbeitrag", not a
				// Rundfunk and a Betrag. Its parts still count.
				if c := ix.vocab.correct(tk.stem); len(c) >= minRetypedCompound-2 {
					put(c, w*weightCorrected)
				}
			}
			if isKey == nil {
				isKey = ix.isRuleKey
			}
			if parts := ix.vocab.decompoundQuery(tk.word, st, isKey); parts != nil {
				for _, p := range parts {
					key, isRule := strings.CutPrefix(p, rulePart)
					if !isRule {
						put(p, w*weightPart)
						continue
					}
					// A part the index lacks but a rule knows:
					// "Kindergartenplatz" → Kita + Platz.
					for _, r := range ix.rules.rules[german.LightStem(key)] {
						expand(r, w*weightPart*r.weight, depth+1)
					}
				}
				return
			}
		}
		if c := ix.vocab.correct(tk.stem); c != "" {
			put(c, w*weightCorrected)
			return
		}
		put(tk.stem, w)
	}
	seen := make(map[string]bool, len(toks))
	for _, tk := range toks {
		if !seen[tk.word] { // a repeated word is resolved once
			seen[tk.word] = true
			resolve(tk, weightOriginal, 0)
		}
	}
	// Two words the sources write as one ("Service Desk" for
	// "Servicedesk", "Bürger Büro"): the joined word counts when the
	// index knows it.
	for i := 0; i+1 < len(toks); i++ {
		if j := st.stem(toks[i].word + german.DropZuInfix(toks[i+1].word)); ix.vocab.has(j) {
			put(j, weightOriginal)
		}
	}
	// Expansion by rules, longest keys first; a key must match a run of
	// query tokens exactly, and words inside a matched run do not match
	// shorter keys ("Auto ummelden" is a car, not a change of address).
	covered := make([]bool, len(toks))
	light := make([]string, len(toks)) // tokensKey's words, stemmed once
	for i, tk := range toks {
		light[i] = german.LightStem(tk.word)
	}
	var keyBuf [128]byte // a rule key is looked up without building a string
	for n := min(ix.rules.maxLen, len(toks)); n >= 1; n-- {
		for i := 0; i+n <= len(toks); i++ {
			if slices.Contains(covered[i:i+n], true) {
				continue
			}
			rules := ix.rules.rules[string(joinWords(keyBuf[:0], light[i:i+n]))] // tokensKey(toks[i:i+n])
			if len(rules) > 0 && n > 1 {
				for j := i; j < i+n; j++ {
					covered[j] = true
				}
			}
			extra = slices.Grow(extra, ruleWords(rules))
			for _, r := range rules {
				expand(r, r.weight, 0)
			}
		}
	}
	// A compound the index lacks whose last part has a rule: the same
	// compound with the part's official word ("Dienstwagen" →
	// "Dienstfahrzeug", "Firmenauto" → "Firmenfahrzeug") counts when the
	// index knows it.
	for _, tk := range toks {
		if len(tk.word) < 2*minRuleHead || len(tk.word) > maxFuzzyWord || ix.vocab.has(tk.stem) {
			// (A word the resolution above found no stem for; a
			// lookup per split of a bounded word, no budget of its own.)
			continue
		}
		for i := minRuleModifier; len(tk.word)-i >= minRuleHead; i++ {
			for _, r := range ix.rules.rules[german.LightStem(tk.word[i:])] {
				for _, target := range r.targets {
					if !ix.usable(r, target) {
						continue
					}
					if len(target) != 1 {
						continue
					}
					if c := st.stem(tk.word[:i] + target[0].word); ix.vocab.has(c) {
						put(c, weightPart*r.weight)
						extra = append(extra, tk.word[:i]+target[0].word)
					}
				}
			}
		}
	}
	// Typo-corrected words get their rules too ("Fürerschein" → Fahrerlaubnis).
	for i, tk := range toks {
		ls := light[i]
		if ix.vocab.has(tk.stem) || len(ix.rules.rules[ls]) > 0 || !work.fuzzyOK(ls) {
			continue
		}
		if c := ix.rules.correct(tk.word, ls); c != "" {
			for _, r := range ix.rules.rules[c] {
				expand(r, r.weight*weightCorrected, 0)
			}
		}
	}
	return terms, extra, work
}

// isRuleKey reports whether a compound part counts as a rule's key: only
// when the rule leads to a word the index has. A town's synonyms may name
// "Glascontainer" and "Altglas" where its sources write only "Glas" and
// "Containern", and then the word must be split into those.
func (ix *index) isRuleKey(part string) bool {
	for _, r := range ix.rules.rules[german.LightStem(part)] {
		for _, target := range r.targets {
			if slices.ContainsFunc(target, func(t token) bool { return ix.vocab.has(t.stem) }) {
				return true
			}
		}
	}
	return false
}

// usable reports whether a rule's target may join a query: always, but a
// translation only when the index holds every word of it (rule.known).
func (ix *index) usable(r rule, target []token) bool {
	if !r.known {
		return true
	}
	for _, t := range target {
		if !ix.vocab.has(t.stem) {
			return false
		}
	}
	return true
}

// ruleWords counts the words of the targets of rules: what their
// expansion adds to extra, which grows once instead of word by word.
func ruleWords(rules []rule) int {
	n := 0
	for _, r := range rules {
		for _, t := range r.targets {
			n += len(t)
		}
	}
	return n
}

// correct finds a one-word rule key within one edit of the light stem ls,
// or the key of a one-word rule whose word is within one edit of the
// folded word w.
func (rs *ruleSet) correct(w, ls string) string {
	if len(ls) < 5 || len(ls) > maxFuzzyWord || len(w) > maxFuzzyWord {
		return ""
	}
	key := w + "\x00" + ls
	rs.mu.Lock()
	fix, ok := rs.fixes[key]
	rs.mu.Unlock()
	if ok {
		return fix
	}
	fix = rs.nearest(w, ls)
	rs.mu.Lock()
	if rs.fixes == nil || len(rs.fixes) >= maxFixes {
		rs.fixes = make(map[string]string)
	}
	rs.fixes[key] = fix
	rs.mu.Unlock()
	return fix
}

// nearest is correct without the memo.
func (rs *ruleSet) nearest(w, ls string) string {
	// Rule keys are few (a few hundred); scanning them is cheap.
	best := ""
	for k := range rs.rules {
		if !strings.Contains(k, " ") && editDistance1(ls, k) && (best == "" || k < best) {
			best = k
		}
	}
	if best != "" {
		return best
	}
	for word, k := range rs.words {
		if editDistance1(w, word) && (best == "" || k < best) {
			best = k
		}
	}
	return best
}

// editDistance1 reports whether a and b differ by exactly one insertion,
// deletion, substitution or adjacent transposition.
func editDistance1(a, b string) bool {
	if a == b {
		return false
	}
	la, lb := len(a), len(b)
	if la-lb > 1 || lb-la > 1 {
		return false
	}
	i := 0
	for i < la && i < lb && a[i] == b[i] {
		i++
	}
	switch {
	case la == lb:
		if a[i+1:] == b[i+1:] {
			return true
		}
		return i+1 < la && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case la > lb:
		return a[i+1:] == b[i:]
	default:
		return a[i:] == b[i+1:]
	}
}

// joinWords appends ws joined by blanks to b: strings.Join(ws, " ") as
// bytes.
func joinWords(b []byte, ws []string) []byte {
	for i, w := range ws {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, w...)
	}
	return b
}
