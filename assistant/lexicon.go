// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	_ "embed"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/knowledge/german"
)

//go:embed lexicon.txt
var lexiconText string

// languagesText is the vocabulary of public services in the languages
// residents ask in (lexicon_languages.txt), read after lexiconText.
//
//go:embed lexicon_languages.txt
var languagesText string

// lexicon holds the word lists of the offline dialogue engine, parsed from
// lexicon.txt: one list of patterns per section.
type lexicon struct {
	sections map[string][]pattern
	sets     map[string]*wordSet // each section's single-word entries, for has
	// anchors index each section's patterns by a word they cannot match
	// without (built by check), so that match and spans try only the
	// patterns whose word a message contains.
	anchors map[string]anchorIndex
	// facets indexes the patterns of every facet section at once (built
	// by check), for facetSpans.
	facets    facetIndex
	translate []translation
	// events are life events stated as situations ("wir heiraten",
	// "Oma ist gestorben") with the general German words of the services
	// they lead to; checked in order, a word used by one entry is not used
	// by a later one.
	events []translation
	// offices are the general names people use for town offices
	// ("Bürgeramt", "Rathaus") with the names towns give them.
	offices []translation
	// alternatives are everyday words with the words of official German
	// for the same thing ("melden" → "anzeigen", "mitkommen" →
	// "persönlich erscheinen").
	alternatives []translation
	// statuses are the words for the asker's status ("ich bin Student")
	// with the words fee tables use for it ("Studierende").
	statuses []translation
	// genericStems are the stems of [generic_title]: verbs and nouns of
	// procedure ("anmelden", "Beantragung") that name no service alone.
	genericStems map[string]bool
	// eventIndex and officeIndex list events and offices followed by
	// alternatives (officeOrAlternative) by their anchor words.
	eventIndex, officeIndex translationIndex
	// colloquial leads from the stem of a word people say to the stems
	// of the words town halls write for it ("perso" → "personalausweis"),
	// the retriever's own rules (knowledge.Colloquial).
	// A rule leads from a form of its own word ("Rollern" of "Roller"),
	// not from another word the stemmer cuts alike ("rollen", "Rolle"):
	// colloquialOf.
	colloquial map[string][]colloquialRule
	// heads leads from the stem of a word people say as the last part
	// of a compound to the stems of the sources' words ("wag" of
	// "Dienstwagen" → "fahrzeug"): knowledge.ColloquialHeads.
	heads map[string][]string
	// vocab are the words of every entry, and wild the prefixes of its
	// "word*" entries (of four letters and more): the German the lexicon
	// knows, against which a word typed without umlauts is spelled back.
	vocab map[string]bool
	wild  []string
	// sortedVocab are the words of vocab in order, for completing words
	// cut short.
	sortedVocab []string
	// memo is nil but in a turn's copy of the lexicon (reading), where it
	// keeps the words of the texts the turn splits (words).
	memo *wordMemo
}

// translationIndex lists the entries of a list of translations (as
// indices) by their anchor word; entries without one are in free.
type translationIndex struct {
	byWord   map[string][]int
	free     []int
	freeLead []lead // the lead of each free entry's pattern
}

func newTranslationIndex(n int, at func(int) *translation) translationIndex {
	x := translationIndex{byWord: map[string][]int{}}
	for i := range n {
		if a := at(i).anchor; a != "" {
			x.byWord[a] = append(x.byWord[a], i)
		} else {
			x.free = append(x.free, i)
			x.freeLead = append(x.freeLead, at(i).pattern.lead())
		}
	}
	return x
}

// candidates returns, in list order, the indices of the entries that may
// match ws (translation.mayMatch): those anchored on one of its words and
// the free ones that may lead a match there. buf is reused for the
// result.
func (x translationIndex) candidates(ws []string, buf []int) []int {
	out := appendLeading(buf[:0], x.free, x.freeLead, ws)
	for _, w := range ws {
		out = append(out, x.byWord[w]...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// appendLeading appends to out those of the entries free without an
// anchor word whose pattern's lead (leads, by index into free) begins a
// word of ws: the others match nowhere in ws.
func appendLeading(out, free []int, leads []lead, ws []string) []int {
	if len(free) == 0 {
		return out
	}
	begun := leadsOf(ws)
	for k, i := range free {
		if begun.mayLead(leads[k]) {
			out = append(out, i)
		}
	}
	return out
}

// officeOrAlternative returns the i-th entry of offices followed by
// alternatives, without joining the two lists.
func (lx *lexicon) officeOrAlternative(i int) *translation {
	if i < len(lx.offices) {
		return &lx.offices[i]
	}
	return &lx.alternatives[i-len(lx.offices)]
}

// translation adds the German words de to the search for a question in
// another language that contains pattern.
type translation struct {
	pattern pattern
	de      string
	// anchor is a word every match contains (patternAnchor), "" for a
	// pattern without one.
	anchor string
	// employee is true for an alternative that holds only for an
	// employee's question ("zuhause" is the remote access to the office
	// network, not where a citizen is at four o'clock).
	employee bool
}

// mayMatch reports whether t's pattern can match ws: a pattern with an
// anchor matches only words that contain it. It spares trying the pattern
// at every position of a message that lacks the word.
func (t *translation) mayMatch(ws []string) bool {
	return t.anchor == "" || slices.Contains(ws, t.anchor)
}

// pattern is one lexicon entry: a sequence of words, where a word ending in
// "*" is a prefix and "~" is a gap of zero to three words.
type pattern []string

// requiredSections are the sections the code relies on; loadLexicon fails
// when one is missing so that a broken edit of lexicon.txt fails at startup.
var requiredSections = []string{
	"abuse", "frustration", "frustration_reply", "human", "human_request", "human_strong", "presence", "someone_required", "per_person", "nobody", "what_now", "situation_foreign", "out_of_scope_strong", "out_of_scope_citizen",
	"smalltalk_greet", "smalltalk_thanks", "smalltalk_bye", "smalltalk_who", "smalltalk_filler", "done_report",
	"incident", "incident_gone", "mislaid", "howto", "ticket_word", "ticket_request", "status", "case_specific", "own_application", "usual", "frame", "out_of_scope", "own_business", "admin", "human_callback", "self_correction",
	"followup_start", "followup_pronoun", "followup_contrast", "affirm", "noise", "generic_title", "value_free", "value_span", "value_before", "ask_money", "ask_age", "text_age", "ask_time", "ask_trouble", "text_trouble", "ask_consequence", "text_consequence", "ask_notify", "text_notify", "ask_duty", "text_duty", "ask_who", "audience_heading", "ask_allowed", "text_allowed", "ask_informed", "text_informed", "ask_office", "text_office", "ask_several", "text_several", "ask_exception", "text_exception", "ask_receive", "text_fee", "length", "size_limit", "cost_word", "validity", "counts_as", "own_matter", "permission", "obligation", "still_pay", "opening", "documents_requested", "bring_documents", "relocated", "proxy_person", "situation_absent", "ask_form", "text_form", "text_power_of_attorney", "text_proxy", "text_in_person",
	"stop_de", "stop_en", "stop_tr", "stop_pl", "stop_ru", "stop_uk",
}

// loadLexicon parses lexicon.txt and lexicon_languages.txt, with the
// shared German and English yes words added to [affirm].
func loadLexicon() (*lexicon, error) {
	lx, err := parseLexicon(lexiconText + "\n" + languagesText + "\n[affirm]\n" + strings.Join(german.YesWords(), "\n") + "\n")
	if err != nil {
		return nil, err
	}
	lx.heads = map[string][]string{}
	for from, to := range knowledge.ColloquialHeads() {
		// The stemmer cuts the end of a compound as it cuts the last
		// word ("dienstwagen" → "dienstwag"): the head is keyed by the
		// stem it has in a compound.
		key := stem(from)
		if inner, ok := strings.CutPrefix(stem(compoundProbe+from), compoundProbe); ok && inner != "" {
			key = inner
		}
		for _, t := range to {
			if strings.Contains(t, from) {
				// "ausweis" → "personalausweis" names one kind of
				// the thing: a "Parkausweis" is no Personalausweis.
				continue
			}
			lx.heads[key] = append(lx.heads[key], stem(t))
		}
	}
	lx.colloquial = map[string][]colloquialRule{}
	for from, to := range knowledge.Colloquial() {
		r := colloquialRule{said: from}
		for _, t := range to {
			r.to = append(r.to, stem(t))
		}
		lx.colloquial[stem(from)] = append(lx.colloquial[stem(from)], r)
	}
	return lx, nil
}

func parseLexicon(text string) (*lexicon, error) {
	lx := &lexicon{sections: map[string][]pattern{}, sets: map[string]*wordSet{}}
	section := ""
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = line[1 : len(line)-1]
			if _, ok := lx.sections[section]; !ok {
				lx.sections[section] = nil
				lx.sets[section] = &wordSet{words: map[string]bool{}}
			}
			continue
		}
		if section == "" {
			return nil, fmt.Errorf("lexicon line %d: entry outside a section", i+1)
		}
		if section == "translate" || section == "life_event" || section == "office" || section == "alternative" || section == "alternative_employee" || section == "situation_status" {
			from, to, ok := strings.Cut(line, "=>")
			if !ok || strings.TrimSpace(to) == "" {
				return nil, fmt.Errorf("lexicon line %d: want \"pattern => German words\"", i+1)
			}
			p := parsePattern(from)
			tr := translation{pattern: p, de: strings.TrimSpace(to), anchor: patternAnchor(p)}
			switch section {
			case "translate":
				lx.translate = append(lx.translate, tr)
			case "office":
				lx.offices = append(lx.offices, tr)
			case "alternative":
				lx.alternatives = append(lx.alternatives, tr)
			case "alternative_employee":
				tr.employee = true
				lx.alternatives = append(lx.alternatives, tr)
			case "situation_status":
				lx.statuses = append(lx.statuses, tr)
			default:
				lx.events = append(lx.events, tr)
			}
			continue
		}
		p := parsePattern(line)
		if len(p) == 0 {
			continue
		}
		lx.sections[section] = append(lx.sections[section], p)
		if len(p) == 1 && !strings.Contains(p[0], "*") && p[0] != "~" {
			lx.sets[section].words[p[0]] = true
		}
		if len(p) == 1 && strings.Count(p[0], "*") == 1 && strings.HasSuffix(p[0], "*") {
			ws := lx.sets[section]
			ws.heads = append(ws.heads, strings.TrimSuffix(p[0], "*"))
		}
	}
	return lx.check()
}

// parsePattern parses one lexicon entry.
func parsePattern(line string) pattern {
	var p pattern
	for _, w := range strings.Fields(line) {
		switch {
		case w == "~":
			p = append(p, w)
		case strings.HasSuffix(w, "*"):
			p = append(p, fold(strings.TrimSuffix(w, "*"))+"*")
		case strings.HasPrefix(w, "*"):
			p = append(p, "*"+fold(strings.TrimPrefix(w, "*")))
		default:
			p = append(p, strings.Fields(fold(w))...)
		}
	}
	return p
}

// anchorIndex lists the patterns of one section (as indices into
// lexicon.sections) by their anchor: the first word of the pattern that is
// neither a gap nor a prefix, which every match contains. Patterns without
// one are in free and always tried.
type anchorIndex struct {
	ps     []pattern // the section's patterns, so that one lookup finds both
	byWord map[string][]int
	free   []int
	// literal and wild are the words of the section's patterns other
	// than gaps, plain and with a "*", for literalIn.
	literal map[string]bool
	wild    []string
	// anchorBits has wordBit set for every anchor word: a word whose
	// bit is clear anchors nothing, without a lookup in byWord.
	anchorBits [4]uint64
	// leads is the lead of each pattern of ps, and freeLead that of each
	// pattern of free: a pattern matches only from a word its lead
	// begins, and is passed over without reading it when none does.
	leads    []lead
	freeLead []lead
}

// lead is what a word must begin with for a pattern to match from it:
// the first n (at most two) bytes of b, those its first word spells out;
// n is 0 when any word may start a match (a gap, a compound's head).
type lead struct {
	b [2]byte
	n uint8
}

// begins reports whether a match of a pattern with lead l may start at
// the word w.
func (l lead) begins(w string) bool {
	switch l.n {
	case 0:
		return true
	case 1:
		return w != "" && w[0] == l.b[0]
	}
	return len(w) >= 2 && w[0] == l.b[0] && w[1] == l.b[1]
}

// leadSet is the set of the first bytes of a list of words and of the
// pairs of the first two bytes of its words of two bytes or more.
type leadSet struct {
	first [4]uint64
	pairs [16]uint64 // by pairIndex
}

// pairIndex folds two bytes into one of 1,024 bits: letters (a–z) keep
// their pairs apart; other bytes may share a bit, which only lets a
// pattern through that cannot match.
func pairIndex(b0, b1 byte) uint { return uint(b0&31)<<5 | uint(b1&31) }

// leadsOf returns the leadSet of words.
func leadsOf(words []string) leadSet {
	var s leadSet
	for _, w := range words {
		if w == "" {
			continue
		}
		s.first[w[0]>>6] |= 1 << (w[0] & 63)
		if len(w) >= 2 {
			k := pairIndex(w[0], w[1])
			s.pairs[k>>6] |= 1 << (k & 63)
		}
	}
	return s
}

// mayLead reports whether a pattern with lead l may match words whose
// leads are s: l.n is 0 (any word may start a match) or l begins one of
// them, as far as s tells.
func (s *leadSet) mayLead(l lead) bool {
	switch l.n {
	case 0:
		return true
	case 1:
		return s.first[l.b[0]>>6]&(1<<(l.b[0]&63)) != 0
	}
	k := pairIndex(l.b[0], l.b[1])
	return s.pairs[k>>6]&(1<<(k&63)) != 0
}

// wordBit is one of 256 bits chosen by a word's length and its first,
// second and last bytes; a quick filter before a map lookup.
func wordBit(w string) (int, uint64) {
	if w == "" {
		return 0, 1
	}
	h := uint(len(w))*7 + uint(w[0])*131 + uint(w[len(w)-1])*31
	if len(w) > 1 {
		h += uint(w[1]) * 17
	}
	h &= 255
	return int(h >> 6), 1 << (h & 63)
}

// mayAnchor reports whether w may be an anchor of the section: false
// means it is none.
func (x *anchorIndex) mayAnchor(w string) bool {
	i, b := wordBit(w)
	return x.anchorBits[i]&b != 0
}

// patternAnchor returns the first word of p that is neither a gap nor a
// prefix, which every match contains, or "" when there is none.
func patternAnchor(p pattern) string {
	for _, w := range p {
		if w != "~" && !strings.Contains(w, "*") {
			return w
		}
	}
	return ""
}

func newAnchorIndex(ps []pattern) anchorIndex {
	x := anchorIndex{ps: ps, byWord: map[string][]int{}, literal: map[string]bool{}}
	for _, p := range ps {
		for _, w := range p {
			switch {
			case w == "~":
			case strings.HasPrefix(w, "*") || strings.HasSuffix(w, "*"):
				x.wild = append(x.wild, w)
			default:
				x.literal[w] = true
			}
		}
	}
	for i, p := range ps {
		x.leads = append(x.leads, p.lead())
		anchor := patternAnchor(p)
		if anchor == "" {
			x.free = append(x.free, i)
			x.freeLead = append(x.freeLead, p.lead())
			continue
		}
		x.byWord[anchor] = append(x.byWord[anchor], i)
		k, b := wordBit(anchor)
		x.anchorBits[k] |= b
	}
	return x
}

// candidates returns, in lexicon order, the indices of the section's
// patterns that may match words: those anchored on one of the words and
// the free ones that may lead a match. buf is reused for the result.
func (x anchorIndex) candidates(words []string, buf []int) []int {
	out := appendLeading(buf[:0], x.free, x.freeLead, words)
	for _, w := range words {
		if x.mayAnchor(w) {
			out = append(out, x.byWord[w]...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out) // a repeated word adds its patterns again
}

// check fails for a lexicon that lacks a section the code relies on, and
// builds the anchor index.
func (lx *lexicon) check() (*lexicon, error) {
	required := append([]string(nil), requiredSections...)
	for _, f := range facetOrder {
		required = append(required, "facet_"+string(f))
	}
	for _, s := range required {
		if len(lx.sections[s]) == 0 {
			return nil, fmt.Errorf("lexicon: section [%s] missing or empty", s)
		}
	}
	lx.anchors = map[string]anchorIndex{}
	for name, ps := range lx.sections {
		lx.anchors[name] = newAnchorIndex(ps)
	}
	lx.facets = newFacetIndex(lx.anchors)
	lx.eventIndex = newTranslationIndex(len(lx.events), func(i int) *translation { return &lx.events[i] })
	lx.officeIndex = newTranslationIndex(len(lx.offices)+len(lx.alternatives), lx.officeOrAlternative)
	lx.genericStems = map[string]bool{}
	if ws := lx.sets["generic_title"]; ws != nil {
		for w := range ws.words {
			lx.genericStems[stem(w)] = true
		}
	}
	lx.vocab = map[string]bool{}
	addWords := func(p pattern) {
		for _, w := range p {
			switch {
			case w == "~" || strings.HasPrefix(w, "*"):
			case strings.HasSuffix(w, "*"):
				if len(w) > 4 {
					lx.wild = append(lx.wild, strings.TrimSuffix(w, "*"))
				}
			default:
				lx.vocab[w] = true
			}
		}
	}
	for _, ps := range lx.sections {
		for _, p := range ps {
			addWords(p)
		}
	}
	for i, trs := range [][]translation{lx.translate, lx.events, lx.offices, lx.alternatives, lx.statuses} {
		for _, tr := range trs {
			if i > 0 {
				// Not the words of other languages: "burgeramt" is how
				// a keyboard without umlauts writes "Bürgeramt".
				addWords(tr.pattern)
			}
			for _, w := range words(tr.de) {
				lx.vocab[w] = true
			}
		}
	}
	// The words of time the code knows: "nachste Woche", "Donnesrtag".
	for w := range frameWords {
		lx.vocab[w] = true
	}
	for w := range months {
		lx.vocab[w] = true
	}
	for _, d := range []string{"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"} {
		lx.vocab[d], lx.vocab[d+"s"] = true, true
	}
	slices.Sort(lx.wild)
	lx.wild = slices.Compact(lx.wild)
	lx.sortedVocab = slices.Sorted(maps.Keys(lx.vocab))
	return lx, nil
}

// knows reports whether the folded word w is a word of the lexicon or
// starts with the prefix of one of its "word*" entries.
func (lx *lexicon) knows(w string) bool { return lx.knowsPrefix(w, false) }

// knowsMostOf is knows with a prefix that is at least half of w: a slip
// of a long word that meets a short prefix ("erinnerungen" swapped to
// "reinnerungen" and "rein*") is no spelling the lexicon knows.
func (lx *lexicon) knowsMostOf(w string) bool { return lx.knowsPrefix(w, true) }

// knowsPrefix is knows, with only prefixes of at least half of w when
// most is set.
func (lx *lexicon) knowsPrefix(w string, most bool) bool {
	if lx.vocab[w] {
		return true
	}
	// The prefixes are sorted: the one w may start with is at or before
	// the place w would take.
	i, found := slices.BinarySearch(lx.wild, w)
	if found {
		return true // the word is a prefix itself ("flieg" of "flieg*")
	}
	for j := i - 1; j >= 0 && j >= i-maxPrefixProbe; j-- {
		if p := lx.wild[j]; strings.HasPrefix(w, p) && (!most || 2*len(p) >= len(w)) {
			return true
		}
	}
	return false
}

// maxPrefixProbe is how many sorted prefixes before a word knows tries:
// the prefixes of a word sort right before it, with few others between.
const maxPrefixProbe = 8

// has reports whether word (folded) is a single-word entry of section,
// or starts with the prefix of a "word*" entry.
func (lx *lexicon) has(section, word string) bool {
	return lx.sets[section].has(word)
}

// has reports whether word is one of ws's words or starts with one of its
// prefixes; a nil ws (no such section) has none.
func (ws *wordSet) has(word string) bool {
	if ws == nil {
		return false
	}
	if ws.words[word] {
		return true
	}
	for _, h := range ws.heads {
		if strings.HasPrefix(word, h) {
			return true
		}
	}
	return false
}

// wordSet is a section's single-word entries: the words, and the
// prefixes of its "word*" entries ("bekomm*"), which has checks after
// the words.
type wordSet struct {
	words map[string]bool
	heads []string
}

// match reports whether any entry of section occurs in words. Any will
// do, so it tries the candidates as the anchor index lists them, without
// putting them in order: the free ones, then those of each word.
func (lx *lexicon) match(section string, words []string) bool {
	x := lx.anchors[section]
	ps := x.ps
	if len(x.free) > 0 {
		begun := leadsOf(words)
		for k, i := range x.free {
			if !begun.mayLead(x.freeLead[k]) {
				continue
			}
			if _, ok := ps[i].findLead(x.freeLead[k], words); ok {
				return true
			}
		}
	}
	for _, w := range words {
		if !x.mayAnchor(w) {
			continue
		}
		for _, i := range x.byWord[w] {
			if _, ok := ps[i].findLead(x.leads[i], words); ok {
				return true
			}
		}
	}
	return false
}

// spans returns the [start,end) word ranges of all occurrences of entries
// of section in words.
func (lx *lexicon) spans(section string, words []string) [][2]int {
	var out [][2]int
	var buf [16]int
	x := lx.anchors[section]
	ps := x.ps
	for _, i := range x.candidates(words, buf[:0]) {
		p, lead := ps[i], x.leads[i]
		for start := 0; start < len(words); {
			if !lead.begins(words[start]) {
				start++
				continue
			}
			end, ok := p.matchAt(words, start)
			if ok {
				out = append(out, [2]int{start, end})
			}
			start++
		}
	}
	return out
}

// find returns the first start position where p matches words.
func (p pattern) find(words []string) (int, bool) { return p.findLead(p.lead(), words) }

// findLead is find for a pattern whose lead is l.
func (p pattern) findLead(l lead, words []string) (int, bool) {
	for start := range words {
		if !l.begins(words[start]) {
			continue
		}
		if _, ok := p.matchAt(words, start); ok {
			return start, true
		}
	}
	return -1, false
}

// lead returns what a word must begin with for p to match from it: the
// first bytes (up to two) that p's first word spells out when that is a
// word or a prefix, none when any word may start a match (a gap, a
// compound's head). It spares trying p at every position of a message.
func (p pattern) lead() lead {
	if len(p) == 0 || p[0] == "~" || strings.HasPrefix(p[0], "*") {
		return lead{}
	}
	w := strings.TrimSuffix(p[0], "*")
	if len(w) >= 2 {
		return lead{b: [2]byte{w[0], w[1]}, n: 2}
	}
	return lead{b: [2]byte{w[0]}, n: 1}
}

// literalLen is the number of bytes p spells out: its words without the
// prefix and suffix marks, gaps not counted.
func (p pattern) literalLen() int {
	n := 0
	for _, w := range p {
		if w != "~" {
			n += len(strings.Trim(w, "*"))
		}
	}
	return n
}

// matchAt matches p at words[start:] and returns the end of the match.
// literalIn reports whether w matches a word (not a gap) of an entry of
// section.
func (lx *lexicon) literalIn(section, w string) bool {
	x := lx.anchors[section]
	if x.literal[w] {
		return true
	}
	for _, p := range x.wild {
		if wordMatches(p, w) {
			return true
		}
	}
	return false
}

func (p pattern) matchAt(words []string, start int) (int, bool) {
	return matchFrom(p, words, start)
}

func matchFrom(p pattern, words []string, i int) (int, bool) {
	if len(p) == 0 {
		return i, true
	}
	if p[0] == "~" {
		for gap := 0; gap <= 3 && i+gap <= len(words); gap++ {
			if end, ok := matchFrom(p[1:], words, i+gap); ok {
				return end, true
			}
		}
		return 0, false
	}
	if i >= len(words) || !wordMatches(p[0], words[i]) {
		return 0, false
	}
	return matchFrom(p[1:], words, i+1)
}

func wordMatches(pat, w string) bool {
	if prefix, ok := strings.CutSuffix(pat, "*"); ok {
		return strings.HasPrefix(w, prefix)
	}
	if head, ok := strings.CutPrefix(pat, "*"); ok {
		// "*laden" is a compound's head: "Handyladen", "Laden".
		return strings.HasSuffix(w, head)
	}
	return pat == w
}

// fold, words and stem are the assistant's names for the shared German
// analysis (package german): the matching form of a sentence, its words,
// and the light stem of a folded word.
func fold(s string) string { return german.Normalize(s) }

func words(s string) []string {
	ws := german.NormalWords(s)
	for i, w := range ws {
		if std, ok := german.StandardWord(w); ok {
			ws[i] = std
		}
	}
	return ws
}

func stem(w string) string {
	s := german.LightStem(german.DropParticiple(w))
	// The noun made of an adjective meets it: "Ungültigkeit" and
	// "ungültig", "Zuständigkeit" and "zuständig".
	for _, suf := range []string{"keit", "heit"} {
		if rest, ok := strings.CutSuffix(s, suf); ok && len(rest) >= 5 {
			return rest
		}
	}
	return s
}

// germanTerms returns the German words the translate section adds for
// text, or "" when nothing matches.
func (lx *lexicon) germanTerms(text string) string {
	ws := lx.words(text)
	bare, stripped := stripProclitics(ws)
	type hit struct {
		start, end int
		de         string
		spec       int // bytes of the pattern's own words: "evlendi*" says more than "evlen*"
	}
	var hits []hit
	for i := range lx.translate {
		t := &lx.translate[i]
		for _, seq := range [][]string{ws, bare} {
			if !t.mayMatch(seq) {
				if !stripped {
					break
				}
				continue
			}
			if start, ok := t.pattern.find(seq); ok {
				end, _ := t.pattern.matchAt(seq, start)
				hits = append(hits, hit{start, end, t.de, t.pattern.literalLen()})
				break
			}
			if !stripped {
				break
			}
		}
	}
	// What the asker names as an exception ("oprócz dowodu osobistego",
	// "apart from their passports", "кроме паспорта", "kimlik kartı
	// dışında") is what they have already, not what they ask about.
	var besides []besidesSpan
	if len(hits) > 1 {
		besides = lx.besidesSpans(ws)
	}
	// A term inside a longer one that matched says less: "справка о
	// регистрации" is a Meldebescheinigung, not a registration; and of
	// two over the same words the one spelled out further: "evlendim"
	// (married already) is "geheiratet", not the "evlen…" of marrying.
	var out []string
	for i, h := range hits {
		if inBesides(besides, h.start, h.end) || namedMoreClosely(h.de, ws) {
			continue
		}
		inside := false
		for j, o := range hits {
			if i != j && o.start <= h.start && h.end <= o.end && (o.end-o.start > h.end-h.start || o.start == h.start && o.end == h.end && o.spec > h.spec) {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, h.de)
		}
	}
	return strings.Join(out, " ")
}

// minCompoundHead is the length of the shortest German word whose
// compounds namedMoreClosely looks for.
const minCompoundHead = 6

// namedMoreClosely reports whether the asker wrote, among ws, a German
// compound ending in one of the words of a translation de: "نقلت محلي إلى
// عنوان جديد … (Gewerbeummeldung)" names the change of a business
// registration; "new address" → "Ummeldung Wohnsitz" is the asker's
// description of it, not a second matter.
func namedMoreClosely(de string, ws []string) bool {
	for _, d := range words(de) {
		if len(d) < minCompoundHead {
			continue
		}
		for _, w := range ws {
			if len(w) > len(d) && strings.HasSuffix(w, d) {
				return true
			}
		}
	}
	return false
}

// maxBesidesGap is how many words (a determiner, an adjective) may stand
// between a word of exception and the term it excepts: "apart from their
// passports", "oprócz mojego dowodu".
const maxBesidesGap = 2

// besidesSpans returns the word ranges of ws that a word of exception
// takes as its object: the words after an entry of [besides_before]
// ("apart from", "oprócz", "кроме") and those before one of
// [besides_after] ("dışında"), up to maxBesidesGap+1 words each.
func (lx *lexicon) besidesSpans(ws []string) []besidesSpan {
	var out []besidesSpan
	for _, sp := range lx.spans("besides_before", ws) {
		out = append(out, besidesSpan{sp[1], min(len(ws), sp[1]+maxBesidesGap+1), false})
	}
	for _, sp := range lx.spans("besides_after", ws) {
		out = append(out, besidesSpan{max(0, sp[0]-maxBesidesGap-1), sp[0], true})
	}
	return out
}

// besidesSpan is the object of a word of exception: words [lo,hi), after
// it or, for a postposition, before it.
type besidesSpan struct {
	lo, hi int
	post   bool
}

// inBesides reports whether the term at words [start,end) is the object of
// a word of exception: it begins in the span after one, or ends in the
// span before a postposition.
func inBesides(spans []besidesSpan, start, end int) bool {
	for _, sp := range spans {
		if !sp.post && start >= sp.lo && start < sp.hi || sp.post && end > sp.lo && end <= sp.hi {
			return true
		}
	}
	return false
}

// arabicProclitics are the prefixes Arabic writes onto a word: the
// article and the conjunctions and prepositions before it, longest first.
var arabicProclitics = []string{"وبال", "وال", "بال", "كال", "فال", "لل", "ال", "و", "ب", "ل", "ف"}

// stripProclitics returns ws with the proclitics cut off Arabic words
// ("لجواز" → "جواز", "الكلاب" → "كلاب") where at least three letters
// remain, and whether it cut any.
func stripProclitics(ws []string) ([]string, bool) {
	out := make([]string, len(ws))
	cut := false
	for i, w := range ws {
		out[i] = w
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.Is(unicode.Arabic, r) {
			continue
		}
		for _, p := range arabicProclitics {
			if rest, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(rest) >= 3 {
				out[i], cut = rest, true
				break
			}
		}
	}
	return out, cut
}

// replaceWords returns s with every run of letters (what the expression
// `\p{L}+` matches, in the same order) replaced by f's result for it, as
// regexp's ReplaceAllStringFunc with that expression does, without
// running the expression; s itself when f changes no word.
func replaceWords(s string, f func(string) string) string {
	var b strings.Builder
	changed := false
	last := 0 // s[:last] is in b
	for i := 0; i < len(s); {
		start, end := nextWord(s, i)
		if start == end {
			break
		}
		i = end
		word := s[start:end]
		r := f(word)
		if r == word {
			continue
		}
		if !changed {
			changed = true
			b.Grow(len(s))
		}
		b.WriteString(s[last:start])
		b.WriteString(r)
		last = end
	}
	if !changed {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// nextWord returns the bounds of the first run of letters in s at or after
// byte i; start == end == len(s) when there is none. ASCII letters are
// told apart by their bytes, other runes by unicode.L.
func nextWord(s string, i int) (start, end int) {
	isLetter := func(i int) (bool, int) {
		if c := s[i]; c < utf8.RuneSelf {
			return (c|0x20) >= 'a' && (c|0x20) <= 'z', 1
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		return unicode.Is(unicode.L, r), w
	}
	for i < len(s) {
		ok, w := isLetter(i)
		if ok {
			break
		}
		i += w
	}
	start = i
	for i < len(s) {
		ok, w := isLetter(i)
		if !ok {
			break
		}
		i += w
	}
	return start, i
}

// maxSpelledWords bounds the words of one message spelled back, and
// maxSpellLookups the spellings of them looked up among the sources'
// words (a word tries up to a few hundred).
const (
	maxSpelledWords = 40
	maxSpellLookups = 2000
)

// spellBack corrects the slips of typing that make a German word
// unknown: umlauts typed as plain vowels ("fur den Fuhrerschein",
// "Burgeramt", "gultig"), two neighbouring letters swapped
// ("donnesrtag", "velroren") and a letter of a doubled consonant dropped
// ("bekomt", "bite"). A word neither the lexicon nor the sources
// know is replaced by the corrected spelling one of them knows; known
// words stay as typed ("schon", "zahlen").
func (a *Assistant) spellBack(text string) string {
	kw, _ := a.cfg.Retriever.(wordKnower)
	// exact: a word of an entry or of the sources; known also takes a
	// word an entry's prefix covers ("gueltig*" and "gueltiges"), which
	// a slip can hit as well ("ummeldne"), so a prefix spares a word
	// only when no exact spelling is within one slip.
	lookups := 0 // of the sources' words, bounded per message
	exact := func(w string) bool {
		if a.lex.vocab[w] {
			return true
		}
		if kw == nil || lookups >= maxSpellLookups {
			return false
		}
		lookups++
		return kw.KnowsWord(w)
	}
	n := 0
	return replaceWords(text, func(raw string) string {
		if len(raw) < 3 || n >= maxSpelledWords {
			return raw
		}
		n++
		w := fold(raw)
		if exact(w) {
			return raw
		}
		ascii := asciiLetters(raw)
		lower := strings.ToLower(raw)
		correct := func(ok func(string) bool) string {
			r := ""
			if ascii {
				r = german.RestoreUmlauts(w, ok)
			}
			if r == "" {
				r = german.Untranspose(lower, ok)
			}
			if r == "" && ascii {
				// Both slips in one word: "geoffnte", "tscuhss".
				german.Untranspose(lower, func(s string) bool {
					r = german.RestoreUmlauts(s, ok)
					return r != ""
				})
			}
			if r == "" {
				// A letter of a doubled consonant dropped: "bekomt",
				// "bite", "mutterschuz".
				r = german.Redouble(lower, ok)
			}
			if r == "" {
				// A vowel dropped: "heirten", "beantrgen".
				r = german.Revowel(lower, ok)
			}
			return r
		}
		// An exact spelling first; a word no exact spelling is near may
		// meet an entry's prefix ("Resiepas" → "reisepas", "reise*").
		// (The sources were asked for every spelling already.)
		r := correct(exact)
		if r == "" && !a.lex.knows(w) {
			r = correct(a.lex.knowsMostOf)
		}
		if r == "" {
			return raw
		}
		if first, _ := utf8.DecodeRuneInString(raw); unicode.IsUpper(first) {
			r = strings.ToUpper(r[:1]) + r[1:]
		}
		return r
	})
}

// asciiLetters reports whether s is made of ASCII letters only: a word
// with an umlaut or "ß" is written in full.
func asciiLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
			return false
		}
	}
	return true
}

// compoundProbe is a first part put before a word to see how the stemmer
// ends it inside a compound.
const compoundProbe = "haus"

// colloquialRule is one rule of knowledge.Colloquial: the word people
// say, and the stems of the words town halls write for it.
type colloquialRule struct {
	said string
	to   []string
}

// colloquialOf returns the sources' words for the word w people say, whose
// stem is s: those of the rules written for w or one of its inflected
// forms (w is the rule's word with an ending, or the rule's word is w with
// "n", "e" or "s"), none for another word of the same stem.
func (lx *lexicon) colloquialOf(w, s string) []string {
	var out []string
	for _, r := range lx.colloquial[s] {
		rest, short := strings.CutPrefix(r.said, w)
		// ("Welpen" said as "Welpe"; "Roller" is no "Rolle".)
		if strings.HasPrefix(w, r.said) || short && (rest == "n" || rest == "e" || rest == "s") {
			out = append(out, r.to...)
		}
	}
	return out
}
