// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"container/list"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/knowledge/german"
)

// docInfo is what the assistant derives from one document to match
// questions against it: the stems of its words, its names, and its text cut
// into units with their stems. Deriving it costs a pass over the whole
// text, which for a statute is hundreds of kilobytes; a turn looks at up to
// eight documents, so the result is cached.
type docInfo struct {
	tokens  map[string]bool // stems of every word
	names   [][]string      // stemmed names: synonyms and title words
	nameTok map[string]bool // every stem of names
	nameSet stemSet         // nameTok, listed
	units   [][]textUnit    // per section, in reading order
	// headings are the stems of each section's heading, for a statute,
	// whose paragraph titles say what their sentences are about.
	headings []map[string]bool
	runes    int        // length of the text
	title    []string   // titleStems of the document
	head     []string   // stem of the title's first distinctive word, or nil
	choices  [][]string // titleChoices of the document's title
	// hyphenParts are the stems of the title's words joined by a hyphen
	// ("kita" and "platz" of "Kita-Platz"): a part names the document as
	// a word of its own, not as the head of another compound
	// ("Marktplatz").
	hyphenParts map[string]bool

	// passages memoises the stems of the passage texts turns look at
	// (passageTokens): the same sections are retrieved turn after turn.
	pmu      sync.Mutex
	passages map[passageKey]stemSet
	quotes   map[string]stemSet // quoteStems, by the quote's text
	// quoteVals memoises quoteValues, by the quote's text.
	quoteVals map[string][]valuedUnit
	// facts memoises readFacts of the quotes' joined text: an answer in
	// another language reads the lead facts of its quotes with a dozen
	// regular expressions, and the same sections are quoted turn after
	// turn.
	facts map[string]leadFacts
	// sitLines memoises sitLinesOf by a unit's text: a question that
	// states the asker's age or status weighs every unit of the document
	// with situationLine, and a statute has thousands.
	sitLines map[string][]sitLine
	sections []stemSet // sectionTokens, per section once used

	// urls are the first URL of each section's text (sectionURL), read
	// once: the next step offers the online or appointment section's
	// link on every answer from the document.
	urlOnce sync.Once
	urls    []string

	// short are the document's shortNames in lower case, made once: a
	// question for a value looks for them in the quotes of every answer
	// the document is retrieved for (referenced).
	shortOnce sync.Once
	short     []string

	// matched memoises tokenMatch over tokens: a statute has thousands of
	// distinct words, and each question word is looked up for several
	// features.
	matched matchMemo
	mu      sync.Mutex // guards answering

	// days are the days of the calendar the document names, read once
	// when a question names one (dates.go).
	daysOnce sync.Once
	days     []dayOfYear

	answering map[knowledge.Facet][]unitRef // memo of answeringUnits
	refers    matchMemo                     // memo of refersTo, by title

	// scanOnce makes headed and nav, which usefulSection reads of every
	// section on every turn that looks for one: a statute has hundreds.
	scanOnce sync.Once
	headed   []stemSet // per section, the stems of its heading and units
	nav      []bool    // per section, whether it is a list of links (navigation)

	// dated memoises datedUnits by the quoted text; noticeOnce makes
	// notice, the dated units of a notice (announced reads both on every
	// turn that asks a date).
	dated      map[string][]datedUnit
	noticeOnce sync.Once
	notice     []datedUnit

	// ageOnce makes ages, the age rule of every unit (ageRuleOf), when a
	// question first states an age: bestUnitsBeyond and ageRulesOut then
	// ask every unit, and a statute has thousands.
	ageOnce sync.Once
	ages    [][]ageRule // per section and unit

	// enumOnce makes enum, which bestUnitsBeyond reads for every unit of
	// a statute on every turn.
	enumOnce sync.Once
	enum     [][]enumItem // per section and unit

	// indexOnce makes index, for a document of many units.
	indexOnce sync.Once
	index     *unitIndex

	nameOnce sync.Once
	nameText string // nameText of the document, made on first use
}

// daysOf returns the days of the calendar doc names in its title and
// text; doc is the document d was derived from.
func (d *docInfo) daysOf(doc knowledge.Document) []dayOfYear {
	d.daysOnce.Do(func() {
		var b strings.Builder
		b.WriteString(doc.Title)
		for _, s := range doc.Sections {
			b.WriteString("\n")
			b.WriteString(s.Heading)
			b.WriteString("\n")
			b.WriteString(s.Text)
		}
		d.days = readDates(german.Fold(b.String()))
	})
	return d.days
}

// maxRefersMemo bounds the memoised titles per document.
const maxRefersMemo = 256

// sectionScan returns, per section of doc (the document d was derived
// from), the stems of its heading's words and its units' (memoised
// sets) and whether it is a list of links, made on first use. The sets
// are shared: callers must not change them.
func (d *docInfo) sectionScan(doc knowledge.Document) (headed []stemSet, nav []bool) {
	d.scanOnce.Do(func() {
		d.headed = make([]stemSet, len(doc.Sections))
		d.nav = make([]bool, len(doc.Sections))
		for i, s := range doc.Sections {
			d.nav[i] = navigation(s.Text)
			tokens := map[string]bool{}
			for _, w := range words(s.Heading) {
				tokens[stem(w)] = true
			}
			for _, u := range d.units[i] {
				for st := range u.stems {
					tokens[st] = true
				}
			}
			d.headed[i] = newStemSet(tokens).memoised()
		}
	})
	return d.headed, d.nav
}

// datedUnits returns the units of text, a quote from d, as datedUnitOf
// reads them, memoised as the quotes' values are. The units are shared:
// callers must not change them.
func (d *docInfo) datedUnits(a *Assistant, text string) []datedUnit {
	return memoStems(&d.pmu, &d.dated, text, func() []datedUnit {
		us := splitUnits(text)
		out := make([]datedUnit, len(us))
		for i, u := range us {
			out[i] = a.datedUnitOf(u)
		}
		return out
	})
}

// noticeUnits returns the units of every section of doc (the document d
// was derived from) as announced weighs a notice's (a list joined to the
// sentence that opens it), read by datedUnitOf once. The units are
// shared: callers must not change them.
func (d *docInfo) noticeUnits(a *Assistant, doc knowledge.Document) []datedUnit {
	d.noticeOnce.Do(func() {
		for _, s := range doc.Sections {
			for _, u := range withItems(splitUnits(a.clean(s.Text, false))) {
				d.notice = append(d.notice, a.datedUnitOf(u))
			}
		}
	})
	return d.notice
}

// unitAges returns the age rule of every unit of d, per section and
// unit, read on first use. The slices are shared: callers must not
// change them.
func (d *docInfo) unitAges() [][]ageRule {
	d.ageOnce.Do(func() {
		d.ages = make([][]ageRule, len(d.units))
		for si, units := range d.units {
			d.ages[si] = make([]ageRule, len(units))
			for ui, un := range units {
				d.ages[si][ui] = ageRuleOf(un.text)
			}
		}
	})
	return d.ages
}

// enumItems returns, per section and unit of d, whether the unit is an
// item of an enumeration (enumItemRE) and the units its sentence opens
// and ends with (sentenceAround), made on first use: the items of a long
// enumeration each looked back over all items before them. The slices
// are shared: callers must not change them.
func (d *docInfo) enumItems() [][]enumItem {
	d.enumOnce.Do(func() {
		d.enum = make([][]enumItem, len(d.units))
		for si, units := range d.units {
			item := make([]bool, len(units))
			for ui, un := range units {
				item[ui] = enumItemRE.MatchString(un.text)
			}
			d.enum[si] = make([]enumItem, len(units))
			for ui := range units {
				if item[ui] {
					open, end := sentenceAround(units, item, ui)
					d.enum[si][ui] = enumItem{item: true, open: open, end: end}
				}
			}
		}
	})
	return d.enum
}

// minIndexedUnits is the fewest units for which a document gets a
// unitIndex: a turn scans a smaller one's units as fast.
const minIndexedUnits = 256

// unitIndex lists the units of a document by the stems they hold, so that
// the units a question word hits (queryTerms.hitIn over each unit's set)
// are found by scanning the document's distinct stems once, not every
// unit's: a federal code has thousands of units, and a turn asks each of
// them for every word of the question.
type unitIndex struct {
	off   []int              // off[si]: the number of the first unit of section si
	n     int                // units in all
	stems []string           // the distinct stems of all units
	post  map[string][]int32 // the units (numbered) that hold a stem
	mu    sync.Mutex
	memo  map[unitHitKey][]uint64 // bounded by maxUnitHitMemo
}

// unitHitKey names one set of units: those whose set matches s (match),
// holds it exactly (holdsAnyExact) or has it (has).
type unitHitKey struct {
	kind uint8 // hitMatch, hitExact or hitHas
	s    string
}

const (
	hitMatch uint8 = iota
	hitExact
	hitHas
)

// maxUnitHitMemo bounds the unit sets a unitIndex keeps: a few dozen
// questions' words, a few hundred bytes each.
const maxUnitHitMemo = 512

// unitIndex returns d's index of units, made on first use, or nil when d
// has fewer than minIndexedUnits units.
func (d *docInfo) unitIndex() *unitIndex {
	d.indexOnce.Do(func() {
		n := 0
		for _, units := range d.units {
			n += len(units)
		}
		if n < minIndexedUnits {
			return
		}
		ix := &unitIndex{off: make([]int, len(d.units)), n: n, post: map[string][]int32{}}
		i := 0
		for si, units := range d.units {
			ix.off[si] = i
			for _, un := range units {
				for _, st := range un.set.list {
					if ix.post[st] == nil {
						ix.stems = append(ix.stems, st)
					}
					ix.post[st] = append(ix.post[st], int32(i))
				}
				i++
			}
		}
		d.index = ix
	})
	return d.index
}

// hitIn returns the units (as a bit set by number) whose set q.hitIn
// finds s in.
func (ix *unitIndex) hitIn(q queryTerms, s string) []uint64 {
	out := make([]uint64, (ix.n+63)/64)
	or := func(bits []uint64) {
		for i, b := range bits {
			out[i] |= b
		}
	}
	if q.compound[s] {
		or(ix.units(hitExact, s))
	} else {
		or(ix.units(hitMatch, s))
	}
	for _, a := range q.alts[s] {
		or(ix.units(hitMatch, a))
	}
	for _, j := range q.joined[s] {
		or(ix.units(hitHas, j))
	}
	return out
}

// units returns the set of units of kind k for s, memoised. The set is
// shared: callers must not change it.
func (ix *unitIndex) units(k uint8, s string) []uint64 {
	return memoBounded(&ix.mu, &ix.memo, unitHitKey{k, s}, maxUnitHitMemo, func() []uint64 { return ix.scan(k, s) })
}

// scan computes the set of units of kind k for s.
func (ix *unitIndex) scan(k uint8, s string) []uint64 {
	bits := make([]uint64, (ix.n+63)/64)
	add := func(t string) {
		for _, u := range ix.post[t] {
			bits[u/64] |= 1 << (u % 64)
		}
	}
	switch k {
	case hitHas:
		add(s)
	case hitExact:
		// holdsAnyExact over each unit's stems.
		for _, t := range ix.stems {
			if holdsStemExact(t, s) {
				add(t)
			}
		}
	default:
		// stemSet.match: the stem, its form with an "s", or, for a
		// stem of five bytes or more, one that holds it (holdsAny).
		add(s)
		add(s + "s")
		if len(s) >= 5 {
			for _, t := range ix.stems {
				if holdsStem(t, s) {
					add(t)
				}
			}
		}
	}
	return bits
}

// refersTo is refersTo(doc, title), memoised; doc is the document d was
// derived from.
func (d *docInfo) refersTo(doc knowledge.Document, title string) bool {
	return d.refers.lookup(title, maxRefersMemo, func() bool { return refersTo(doc, title) })
}

// maxMatchMemo bounds the memoised lookups per document.
const maxMatchMemo = 4096

// has reports whether the stem s occurs among d's words as tokenMatch
// defines it.
func (d *docInfo) has(s string) bool {
	return d.matched.lookup(s, maxMatchMemo, func() bool { return tokenMatch(d.tokens, s) })
}

// nameTok returns the stems of c's names: its document memo's nameSet,
// or computed from nameSets for a candidate without one.
func (c *candidate) nameTok() stemSet {
	if c.info != nil {
		return c.info.nameSet
	}
	return newStemSet(nameTokens(c.nameSets))
}

// sectionTokens returns the stems of every unit of section i, computed on
// first use. The map is shared: callers must not change it.
// sectionURL returns firstURL of the text of doc's section i, doc being
// the document d was derived from; d may be nil.
func (d *docInfo) sectionURL(doc knowledge.Document, i int) string {
	if d == nil {
		return firstURL(doc.Sections[i].Text)
	}
	d.urlOnce.Do(func() {
		d.urls = make([]string, len(doc.Sections))
		for j, sec := range doc.Sections {
			d.urls[j] = firstURL(sec.Text)
		}
	})
	if len(d.urls) != len(doc.Sections) {
		return firstURL(doc.Sections[i].Text)
	}
	return d.urls[i]
}

// lowerShortNames returns shortNames of doc, the document d was derived
// from, in lower case.
func (d *docInfo) lowerShortNames(doc knowledge.Document) []string {
	d.shortOnce.Do(func() {
		for _, n := range shortNames(doc) {
			d.short = append(d.short, strings.ToLower(n))
		}
	})
	return d.short
}

func (d *docInfo) sectionTokens(i int) stemSet {
	d.pmu.Lock()
	defer d.pmu.Unlock()
	if d.sections == nil {
		d.sections = make([]stemSet, len(d.units))
	}
	if d.sections[i].has == nil {
		tokens := map[string]bool{}
		for _, u := range d.units[i] {
			for st := range u.stems {
				tokens[st] = true
			}
		}
		d.sections[i] = newStemSet(tokens).memoised()
	}
	return d.sections[i]
}

// passageKey is a passage text as passageTokens reads it: a heading and a
// text, joined by a blank.
type passageKey struct{ heading, text string }

// maxPassageMemo bounds the memoised passage texts per document: a turn
// looks at three, and each memo holds no more stems than the document's
// units already do, so with docCacheSize documents the memos stay a
// fraction of the cache.
const maxPassageMemo = 32

// passageStems returns the stems of the words of heading + " " + text,
// memoised. The map is shared: callers must not change it.
func (d *docInfo) passageStems(heading, text string) stemSet {
	return memoStems(&d.pmu, &d.passages, passageKey{heading, text}, func() stemSet {
		m := map[string]bool{}
		for _, w := range words(heading + " " + text) {
			m[stem(w)] = true
		}
		return newStemSet(m).memoised()
	})
}

// quoteStems returns the stems of the words of text, a quote from d, as
// its units count them (a zu-infinitive as its verb), memoised as the
// passages are: the same sections are quoted turn after turn.
func (d *docInfo) quoteStems(text string) stemSet {
	return memoStems(&d.pmu, &d.quotes, text, func() stemSet {
		m := map[string]bool{}
		for _, w := range words(text) {
			m[stem(german.DropZuInfix(w))] = true
		}
		return newStemSet(m)
	})
}

// valuedUnit is a unit of a quote with the kinds of value it states and
// the stems of its words (nil when it states none).
type valuedUnit struct {
	vals  valueKind
	stems map[string]bool
}

// quoteValues returns the units of text, a quote from d, with the values
// each states (unitValues) and, for those that state one, the stems of
// their words, memoised as the quotes' stems are: the same sections are
// quoted turn after turn. The maps are shared: callers must not change
// them.
func (d *docInfo) quoteValues(a *Assistant, text string) []valuedUnit {
	return memoStems(&d.pmu, &d.quoteVals, text, func() []valuedUnit {
		var out []valuedUnit
		for _, u := range splitUnits(text) {
			ws := words(u)
			vu := valuedUnit{vals: a.unitValues(u, ws)}
			if vu.vals != 0 {
				vu.stems = make(map[string]bool, len(ws))
				for _, w := range ws {
					vu.stems[stem(w)] = true
				}
			}
			out = append(out, vu)
		}
		return out
	})
}

// readFacts is readFacts(text), memoised on d, the document text was
// quoted from; a nil d reads text afresh. The facts' slices are shared:
// callers must not change them.
func (d *docInfo) readFacts(text string) leadFacts {
	if d == nil {
		return readFacts(text)
	}
	return memoStems(&d.pmu, &d.facts, text, func() leadFacts { return readFacts(text) })
}

// maxSitLinesMemo bounds the units' texts whose lines sitLines keeps per
// document: more than a statute of a few hundred pages has, a few hundred
// kilobytes at most, since most hold no line.
const maxSitLinesMemo = 8192

// situationLine is situationLine(text, s) with the lines of text for
// the asker's age and status memoised on d, the document text is a unit
// of; a nil d reads them afresh.
func (d *docInfo) situationLine(text string, s situation) string {
	if d == nil {
		return situationLine(text, s)
	}
	return situationLineOf(text, s, func(text string) []sitLine {
		return memoBounded(&d.pmu, &d.sitLines, text, maxSitLinesMemo, func() []sitLine { return sitLinesOf(text) })
	})
}

// memoStems returns (*memo)[k], computing and storing it on a miss; the
// memo, guarded by mu, is emptied when it holds maxPassageMemo entries.
func memoStems[K comparable, V any](mu *sync.Mutex, memo *map[K]V, k K, compute func() V) V {
	return memoBounded(mu, memo, k, maxPassageMemo, compute)
}

// memoBounded is memoStems with the memo emptied when it holds limit
// entries.
func memoBounded[K comparable, V any](mu *sync.Mutex, memo *map[K]V, k K, limit int, compute func() V) V {
	mu.Lock()
	v, ok := (*memo)[k]
	mu.Unlock()
	if ok {
		return v
	}
	v = compute()
	mu.Lock()
	if *memo == nil || len(*memo) >= limit {
		*memo = map[K]V{}
	}
	(*memo)[k] = v
	mu.Unlock()
	return v
}

// hit reports whether the content stem s, or one of its alternatives,
// occurs in c's document.
func (c *candidate) hit(q queryTerms, s string) bool {
	if c.info == nil {
		return q.hit(c.tokens, s)
	}
	if q.compound[s] && tokenMatchExact(c.info.tokens, s) || !q.compound[s] && c.info.has(s) {
		return true
	}
	for _, a := range q.alts[s] {
		if c.info.has(a) {
			return true
		}
	}
	for _, j := range q.joined[s] {
		if c.info.tokens[j] {
			return true
		}
	}
	return false
}

// textUnit is one sentence or list item of a section.
type textUnit struct {
	text  string
	stems map[string]bool
	set   stemSet   // stems as a stemSet, for the scans of hitIn and match
	words []string  // folded words
	meta  bool      // a header line ("Aktenzeichen: …"), quoted only for where-to-go questions
	noise bool      // a table rule, an empty table, a link to another page
	vals  valueKind // the kinds of value it states (an amount, a time span, a date)
	faq   []string  // the stems its question asks, when it is an entry of questions and answers (faq.go)
	// faqNamed are the stems of that question that are the document's
	// own names.
	faqNamed []string
}

// docCacheSize bounds the cached documents; beyond it the least recently
// used is dropped.
const docCacheSize = 256

// docCache is a small LRU of docInfo keyed by document ID.
type docCache struct {
	mu    sync.Mutex
	ll    *list.List
	items map[string]*list.Element
}

type docEntry struct {
	id   string
	ver  docVersion
	info *docInfo
}

func newDocCache() *docCache {
	return &docCache{ll: list.New(), items: map[string]*list.Element{}}
}

// docVersion identifies a version of a document: a reindexed file changes
// its update time, its title, its length or its synonyms. It is compared
// field by field, so that a lookup builds no key.
type docVersion struct {
	updated  time.Time
	title    string
	n        int
	synonyms []string
}

func versionOf(d knowledge.Document) docVersion {
	n := 0
	for _, s := range d.Sections {
		n += len(s.Text) + len(s.Heading)
	}
	return docVersion{updated: d.Updated, title: d.Title, n: n, synonyms: d.Synonyms}
}

func (v docVersion) same(o docVersion) bool {
	return v.updated.Equal(o.updated) && v.title == o.title && v.n == o.n && slices.Equal(v.synonyms, o.synonyms)
}

// info returns the derived data of d, computing it on a miss. The cache
// holds one version per document ID: a newer one replaces it.
func (a *Assistant) info(d knowledge.Document) *docInfo {
	ver := versionOf(d)
	c := a.docs
	c.mu.Lock()
	if e, ok := c.items[d.ID]; ok && e.Value.(*docEntry).ver.same(ver) {
		c.ll.MoveToFront(e)
		info := e.Value.(*docEntry).info
		c.mu.Unlock()
		return info
	}
	c.mu.Unlock()
	info := a.derive(d)
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[d.ID]; ok {
		if old := e.Value.(*docEntry); old.ver.same(ver) {
			return old.info
		}
		c.ll.Remove(e)
	}
	c.items[d.ID] = c.ll.PushFront(&docEntry{id: d.ID, ver: ver, info: info})
	for c.ll.Len() > docCacheSize {
		last := c.ll.Back()
		c.ll.Remove(last)
		delete(c.items, last.Value.(*docEntry).id)
	}
	return info
}

// derive computes docInfo for d.
func (a *Assistant) derive(d knowledge.Document) *docInfo {
	info := &docInfo{}
	info.tokens, info.names = a.lex.docTerms(d)
	for _, tok := range strings.Fields(d.Title) {
		if !strings.Contains(strings.Trim(tok, "-"), "-") {
			continue
		}
		if info.hyphenParts == nil {
			info.hyphenParts = map[string]bool{}
		}
		for _, w := range words(tok) {
			info.hyphenParts[stem(w)] = true
		}
	}
	info.nameTok = nameTokens(info.names)
	info.nameSet = newStemSet(info.nameTok).memoised()
	info.title = a.titleStems(d)
	if d.Kind != knowledge.KindLaw {
		// (A statute's title is its formal name: "Gesetz zum Elterngeld
		// und zur Elternzeit" lists no items of a page.)
		info.choices = titleChoices(d.Title)
	}
	for _, w := range words(d.Title) {
		if !a.lex.has("noise", w) && !a.lex.has("generic_title", w) && len([]rune(w)) >= 3 {
			info.head = []string{stem(w)}
			break
		}
	}
	info.units = make([][]textUnit, len(d.Sections))
	if d.Kind == knowledge.KindLaw || d.Kind == knowledge.KindArticle || d.Kind == knowledge.KindInstruction {
		info.headings = make([]map[string]bool, len(d.Sections))
		for i, s := range d.Sections {
			info.headings[i] = map[string]bool{}
			for _, w := range words(s.Heading) {
				info.headings[i][stem(w)] = true
			}
		}
	}
	for i, s := range d.Sections {
		info.runes += runeLen(s.Text)
		text := a.cleanText(s.Text, true) // each section once: no need to memoise
		us := splitUnits(text)
		if d.Kind == knowledge.KindLaw {
			us = sentencesOfLongParagraphs(joinEnumerations(us))
		}
		// A statute's authorisation of the government to issue an
		// ordinance, and the list of what the ordinance may rule, say
		// nothing a person does or gets: they are never quoted.
		authorizing := d.Kind == knowledge.KindLaw && authorizationTitle(s.Heading)
		// A table whose amounts carry no currency because its head or
		// the line above it says it ("Gebühren je Tag in Euro").
		euroTable := strings.Contains(text, "|") && (currencyNoteRE.MatchString(text) || currencyNoteRE.MatchString(s.Heading))
		inAuth := false
		for _, u := range us {
			if d.Kind == knowledge.KindLaw {
				switch {
				case authorizesRE.MatchString(u):
					inAuth = true
				case !enumItemRE.MatchString(u):
					inAuth = false
				}
			}
			// Nor is its enacting formula ("Auf Grund von § 4 der
			// Gemeindeordnung … hat der Stadtrat … folgende Satzung
			// beschlossen:") or the date line under its title.
			enacting := d.Kind == knowledge.KindLaw && (enactingRE.MatchString(u) || issuedOnRE.MatchString(u))
			x := textUnit{text: u, stems: map[string]bool{}, meta: isMetaLine(a.lex, u), noise: noiseUnit(u) || authorizing || inAuth || enacting, words: words(u)}
			for _, w := range x.words {
				x.stems[stem(german.DropZuInfix(w))] = true // "anzuzeigen" meets "anzeigen"
			}
			a.addCompoundHeads(x.stems, x.words)
			x.vals = a.unitValues(u, x.words)
			if euroTable && strings.Contains(u, "|") && bareAmountRE.MatchString(u) {
				x.vals |= valMoney
			}
			x.faq, x.faqNamed = a.faqAsked(u, info.nameTok, s.Facet == knowledge.FacetFAQ)
			for _, cl := range clauses(u) {
				// "Sie holen ihn … ab" says "abholen".
				if v := separableVerb(a.lex, words(cl)); v != "" {
					x.stems[stem(v)] = true
					info.tokens[stem(v)] = true
				}
			}
			x.set = newStemSet(x.stems)
			info.units[i] = append(info.units[i], x)
		}
	}
	return info
}

// clauses splits a unit at commas, semicolons, colons and full stops; a
// full stop after a digit is an ordinal ("bis zum 1. Oktober ab"), no
// end of a clause.
func clauses(u string) []string {
	var out []string
	start := 0
	for i := 0; i < len(u); i++ {
		switch u[i] {
		case '.':
			if i > 0 && u[i-1] >= '0' && u[i-1] <= '9' {
				continue
			}
		case ',', ';', ':':
		default:
			continue
		}
		if i > start {
			out = append(out, u[start:i])
		}
		start = i + 1
	}
	if start < len(u) {
		out = append(out, u[start:])
	}
	return out
}

// cleanMemo memoises clean: the same sections are quoted turn after turn,
// and cleaning one runs several expressions and the lexicon over every
// line. It holds at most maxCleanMemo texts and maxCleanBytes bytes of
// texts and results, and starts afresh when full.
type cleanMemo struct {
	mu    sync.Mutex
	m     map[cleanKey]string
	bytes int
}

type cleanKey struct {
	text       string
	keepOffice bool
}

const (
	maxCleanMemo  = 1024
	maxCleanBytes = 4 << 20
)

func (c *cleanMemo) get(k cleanKey) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.m[k]
	return s, ok
}

func (c *cleanMemo) put(k cleanKey, s string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := len(k.text) + len(s)
	if c.m == nil || len(c.m) >= maxCleanMemo || c.bytes+n > maxCleanBytes {
		c.m, c.bytes = make(map[cleanKey]string), 0
	}
	if _, ok := c.m[k]; !ok {
		c.m[k] = s
		c.bytes += n
	}
}

// joinEnumerations joins a statute's sentence that runs through an
// enumeration into one unit: "Der Tod eines Menschen muss dem Standesamt
// …," and its numbered items and "spätestens am dritten auf den Tod
// folgenden Werktag angezeigt werden." say one thing, whose parts alone
// answer nothing. A sentence is joined only when it closes within
// maxBlockRunes.
func joinEnumerations(us []string) []string {
	out := make([]string, 0, len(us))
	for i := 0; i < len(us); i++ {
		if !opensEnumeration(us[i]) {
			out = append(out, us[i])
			continue
		}
		n := runeLen(us[i])
		end := -1
		for j := i + 1; j < len(us) && n+runeLen(us[j]) <= maxBlockRunes; j++ {
			n += runeLen(us[j])
			if strings.HasSuffix(strings.TrimSpace(us[j]), ".") {
				end = j
				break
			}
		}
		if end < 0 {
			out = append(out, us[i])
			continue
		}
		out = append(out, strings.Join(us[i:end+1], "\n"))
		i = end
	}
	return out
}

// maxParagraphRunes is the longest paragraph of a statute read as one
// unit; a longer one is read sentence by sentence.
const maxParagraphRunes = 280

// sentencesOfLongParagraphs splits a statute's long paragraphs into their
// sentences: "(1) Das Wohngeld soll für zwölf Monate bewilligt werden."
// answers how long, the conditions under which the period may be cut or
// extended that follow in the same paragraph do not. An enumeration
// joined to its opening sentence stays whole.
func sentencesOfLongParagraphs(us []string) []string {
	out := make([]string, 0, len(us))
	for _, u := range us {
		if runeLen(u) <= maxParagraphRunes || strings.Contains(u, "\n") {
			out = append(out, u)
			continue
		}
		out = append(out, splitSentences(u)...)
	}
	return out
}

// opensEnumeration reports whether unit u ends where a list goes on with
// the sentence: with a comma or a colon.
func opensEnumeration(u string) bool {
	u = strings.TrimSpace(u)
	return strings.HasSuffix(u, ",") || strings.HasSuffix(u, ":")
}

// authorizesRE matches the clause of a statute that empowers a ministry or
// the government to rule by ordinance ("wird ermächtigt, durch
// Rechtsverordnung …").
var authorizesRE = regexp.MustCompile(`(?i)\b(?:wird|werden|ist|sind)\s+(?:[\pL-]+\s+){0,3}?ermächtigt\b`)

// authorizationTitle reports whether a statute section's heading ("§ 34 –
// Verordnungsermächtigung", "§ 7a – Beleihung") names nothing but
// authorisations, or its entry into force ("§ 11 Inkrafttreten", "§ 20 –
// Inkrafttreten, Außerkrafttreten"): neither says what a person does or
// gets. "§ 14 – Anzeigepflicht; Verordnungsermächtigung" names a duty as
// well.
func authorizationTitle(heading string) bool {
	t := label(heading)
	if i := strings.LastIndex(t, "–"); i >= 0 {
		t = t[i+len("–"):]
	}
	parts := strings.FieldsFunc(t, func(r rune) bool { return r == ';' || r == ',' })
	if len(parts) == 0 {
		return false
	}
	for _, p := range parts {
		low := strings.ToLower(strings.TrimSpace(p))
		if !strings.Contains(low, "ermächtigung") && low != "beleihung" && !strings.Contains(low, "inkrafttreten") && !strings.Contains(low, "außerkrafttreten") {
			return false
		}
	}
	return true
}

// enactingRE matches a statute's enacting formula: it opens with the
// authority it rests on and says that the body passed or the ministry
// issues it.
var enactingRE = regexp.MustCompile(`(?is)^\s*(?:auf\s*grund|aufgrund|gemäß|gestützt auf)\b.{0,800}?\b(?:beschlossen|erlassen|verordnet|verordnen|beschließt|verkündet)\b`)

// issuedOnRE matches the line under a statute's title that gives the day it
// was issued: "vom 14. März 2019", "Vom 21. Juni 2005".
var issuedOnRE = regexp.MustCompile(`(?i)^\s*vom\s+\d{1,2}\.\s*[[:alpha:]äöüÄÖÜ]+\s+\d{4}\s*$`)

// currencyNoteRE matches a note that the amounts of a table are in euros:
// "in Euro", "in EUR", "(€)", "Betrag in €".
var currencyNoteRE = regexp.MustCompile(`(?i)\bin\s+(?:euro|eur)\b|\bin\s+€|\(\s*(?:€|eur|euro)\s*\)`)

// bareAmountRE matches an amount with cents and without a currency:
// "650,00", "1.200,00".
var bareAmountRE = regexp.MustCompile(`(?:^|[\s|])\d{1,3}(?:\.\d{3})*,\d{2}(?:$|[\s|])`)

// minHeadCompound is the shortest word whose compound head counts.
const minHeadCompound = 8

// addCompoundHeads adds to stems the heads of the compounds among words
// that the knowledge base splits into known parts: a sentence about an
// "Ehevorbereitungskurs" speaks of a "Kurs". Heads shorter than four
// letters ("-amt") say too little. Stems of five letters or more already
// match inside longer words (tokenMatch); the short ones do only here.
func (a *Assistant) addCompoundHeads(stems map[string]bool, words []string) {
	cs, ok := a.cfg.Retriever.(compoundSplitter)
	if !ok {
		return
	}
	for _, w := range words {
		if len(w) < minHeadCompound {
			continue
		}
		h := cs.CompoundHead(w)
		if h == "" {
			// "ehevorbereitungskursen": the index's parts are stems,
			// and "kursen" is none.
			h = cs.CompoundHead(stem(w))
		}
		if h = stem(h); len(h) >= 4 {
			stems[h] = true
		}
	}
}
