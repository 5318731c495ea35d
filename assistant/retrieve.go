// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/knowledge/german"
)

// retrieveK is the number of passages asked for per turn.
const retrieveK = 8

// maxCandidates is how many of the retrieved documents are considered for
// the answer.
const maxCandidates = retrieveK

// retrieval is the result of one search with the documents behind it.
type retrieval struct {
	aud      knowledge.Audience // who asks
	passages []knowledge.Passage
	docIDs   []string // unique document IDs in rank order
	cands    []candidate
	// hits[i*len(hitTerms)+k] memoises cands[i].hit for hitTerms[k], the
	// content words score was given; features asks the same again.
	hitTerms []string
	hits     []bool
}

// hitsOf fills hits for the content words of q.
func (r *retrieval) hitsOf(q queryTerms) {
	r.hitTerms = q.content
	r.hits = make([]bool, len(r.cands)*len(q.content))
	for k, s := range q.content {
		any := false
		for i := range r.cands {
			h := r.cands[i].hit(q, s)
			r.hits[i*len(q.content)+k] = h
			any = any || h
		}
		if any || len(s) < minHeadLen+minModifierLen {
			continue
		}
		// A compound no candidate holds ("kaninchenzuchtverein") is
		// the kind of thing its head names: German puts it last. The
		// head counts where the sources use it ("Vereinen"), when few
		// candidates do: "Eingang", "Verfahren" or "Anmeldung" say
		// little of "Posteingang", "Fachverfahren", "Sperrmüllanmeldung".
		n := 0
		for i := range r.cands {
			if holdsHead(r.cands[i].tokens, s) {
				n++
			}
		}
		if n == 0 || n > maxHeadDocs {
			continue
		}
		for i := range r.cands {
			r.hits[i*len(q.content)+k] = holdsHead(r.cands[i].tokens, s)
		}
	}
}

// holdsHead reports whether tokens hold the head of the compound s, a
// word long enough to be one after a part long enough to be another
// ("verein" of "kaninchenzuchtverein", "bibliothek" of
// "stadtbibliothek"; not "pass" of "reisepass", not "stellung" of
// "ausstellung").
func holdsHead(tokens map[string]bool, s string) bool {
	for j := minModifierLen; len(s)-j >= minHeadLen; j++ {
		if tokens[s[j:]] {
			return true
		}
	}
	return false
}

// minHeadLen and minModifierLen bound holdsHead; maxHeadDocs is how many
// candidates may hold a head for it to tell them apart.
const (
	maxHeadDocs    = 2
	minHeadLen     = 6
	minModifierLen = 6
)

// hit reports cands[i].hit(q, asked[k]), from the memo when asked are the
// words it holds.
func (r *retrieval) hit(i, k int, q queryTerms, asked []string) bool {
	if len(r.hits) == len(r.cands)*len(asked) && slices.Equal(r.hitTerms, asked) {
		return r.hits[i*len(asked)+k]
	}
	return r.cands[i].hit(q, asked[k])
}

// candidate is a retrieved document that may answer the question.
type candidate struct {
	doc        knowledge.Document
	rank       int
	score      float64              // best passage score of the document
	passages   []knowledge.Passage  // the document's retrieved passages, best first
	named      int                  // length of the document names the question mentions
	strong     int                  // length of the longest name it shares with few candidates
	coverage   float64              // share of the question's content words found in the document
	matched    [][]string           // the names the question mentions
	ownNamed   bool                 // a name is mentioned in the asker's own words, not only by a life event
	strongName []string             // the name behind strong
	head       []string             // stem of the title's first distinctive word
	primary    bool                 // the question mentions head
	tokens     map[string]bool      // stems of the document's words
	nameSets   [][]string           // stemmed names: synonyms and title words
	feat       [numFeatures]float64 // choice features (choose.go)
	info       *docInfo             // derived data of doc (doccache.go)
}

// search runs one retrieval and loads the top documents. Search errors
// are returned wrapped; the caller decides how to degrade.
func (a *Assistant) search(ctx context.Context, text, situation string, aud knowledge.Audience, facet knowledge.Facet, lang string) (retrieval, error) {
	start := a.cfg.Now()
	ps, err := a.cfg.Retriever.Search(ctx, knowledge.Query{Text: text, Context: situation, Audience: aud, Facet: facet, Lang: lang, K: retrieveK})
	if a.cfg.Metrics != nil {
		a.cfg.Metrics.Retrieval(a.cfg.Now().Sub(start).Seconds())
	}
	if err != nil {
		return retrieval{}, fmt.Errorf("assistant: search: %w", err)
	}
	docs := 0 // the passages' documents: a candidate is large
	for i, p := range ps {
		if !slices.ContainsFunc(ps[:i], func(o knowledge.Passage) bool { return o.DocID == p.DocID }) {
			docs++
		}
	}
	r := retrieval{aud: aud, passages: ps, cands: make([]candidate, 0, min(docs, maxCandidates))}
	if docs > 0 {
		r.docIDs = make([]string, 0, docs)
	}
	// candOf[j] is the candidate of docIDs[j], -1 for none; a handful of
	// IDs are looked up faster in a list than in a map.
	var candBuf [retrieveK]int
	candOf := candBuf[:0]
	for j, p := range ps {
		k := slices.Index(r.docIDs, p.DocID)
		if k < 0 {
			r.docIDs = append(r.docIDs, p.DocID)
			if len(r.cands) >= maxCandidates {
				candOf = append(candOf, -1)
				continue
			}
			doc, found := a.document(p.DocID, aud)
			if !found {
				// The retriever enforces the audience; a passage of a
				// document we may not load is dropped, not shown.
				candOf = append(candOf, -1)
				continue
			}
			candOf = append(candOf, len(r.cands))
			// The first passage is ps's own (capped: a second one is
			// appended to a copy).
			r.cands = append(r.cands, candidate{doc: doc, rank: len(r.docIDs) - 1, score: p.Score, passages: ps[j : j+1 : j+1]})
			continue
		}
		if i := candOf[k]; i >= 0 {
			r.cands[i].passages = append(r.cands[i].passages, p)
		}
	}
	for i := range r.cands {
		c := &r.cands[i]
		info := a.info(c.doc)
		c.tokens, c.nameSets, c.info, c.head = info.tokens, info.names, info, info.head
	}
	return r, nil
}

// docTerms returns the stems of all words of a document and its names:
// each synonym and each distinctive title word as a set of stems.
func (lx *lexicon) docTerms(d knowledge.Document) (map[string]bool, [][]string) {
	tokens := map[string]bool{}
	add := func(s string) {
		for _, w := range words(s) {
			tokens[stem(german.DropZuInfix(w))] = true
		}
	}
	add(d.Title)
	for _, s := range d.Synonyms {
		add(s)
	}
	for _, s := range d.Sections {
		add(s.Heading)
		add(s.Text)
	}
	var names [][]string
	addName := func(s string, dropGeneric bool) {
		var n []string
		for _, w := range words(s) {
			if lx.has("noise", w) || (dropGeneric && lx.has("generic_title", w)) || len([]rune(w)) < 3 {
				continue
			}
			n = append(n, stem(w))
		}
		if len(n) > 0 {
			names = append(names, n)
		}
	}
	tws := words(d.Title)
	for i, w := range tws {
		if d.Kind == knowledge.KindLaw && i+2 < len(tws) && tws[i+1] == "von" {
			// A statute's long title names a matter with its object:
			// "Verordnung über die Zulassung von Personen …" is about
			// admitting persons, and "Zulassung" alone (of a car) does
			// not name it; the two together do.
			addName(w+" "+tws[i+2], true)
			continue
		}
		if !lx.facetWord(w) && !lx.has("foreign_country", w) {
			// "Online" in "Online-Terminvergabe …" is what a question asks
			// about, not the name of a service; nor is a country the name
			// of a guide about it ("… Conversion Guide: USA & Germany"
			// for "ich will in den USA arbeiten").
			addName(w, true)
		}
	}
	// The whole title counts as a name too, generic verbs included:
	// "Online-Abmeldung eines Fahrzeugs" names "Fahrzeug abmelden".
	var whole []string
	for _, w := range words(d.Title) {
		if !lx.has("noise", w) && len([]rune(w)) >= 3 {
			whole = append(whole, stem(w))
		}
	}
	if len(whole) > 1 {
		names = append(names, whole)
	}
	for _, s := range d.Synonyms {
		addName(s, false)
	}
	// The file name is a name its editors gave: "umschreibung_eines_
	// auslandischen_fuhrerscheins" names a page titled "Foreign Driver's
	// License Conversion Guide".
	if slug := knowledge.SlugWords(d.ID); slug != "" && !strings.EqualFold(slug, d.Title) {
		// Only as a whole: one word of a file name ("wahl" in
		// "wahl-wahlhelfer") may be a generic one.
		add(slug)
		var whole []string
		for _, w := range words(slug) {
			if !lx.has("noise", w) && len([]rune(w)) >= 3 {
				whole = append(whole, stem(w))
			}
		}
		if len(whole) > 0 {
			names = append(names, whole)
		}
		var own []string // the file name's words but its generic ones
		for _, w := range words(slug) {
			if !lx.has("noise", w) && !lx.has("generic_title", w) && len([]rune(w)) >= 3 {
				own = append(own, stem(w))
			}
		}
		if len(own) == 1 && len(whole) > 1 && len(own[0]) >= minSlugCompound {
			// "sozialversicherungsausweis_beantragen" is named by
			// "Sozialversicherungsausweis" alone, whatever its title
			// calls it ("Sozialversicherungskarte").
			names = append(names, own)
		}
		if titleApart(d) {
			// A German page under a title in another language has its
			// German names only in the file name: its distinctive words
			// name it as a German title's would ("umschreiben" names
			// "umschreibung_eines_auslandischen_fuhrerscheins").
			for _, w := range words(slug) {
				if !lx.facetWord(w) {
					addName(w, true)
				}
			}
		}
	}
	return tokens, names
}

// minSlugCompound is the shortest stem (in bytes) that names a page as
// the one specific word of its file name: a long compound, not "wahl" or
// "fahrzeug" that many pages share.
const minSlugCompound = 10

// titleApart reports whether most words of d's title are absent from its
// text: a title in another language than the page ("Foreign Driver's
// License Conversion Guide" over a German guide), whose words name
// nothing the page says.
func titleApart(d knowledge.Document) bool {
	var title []string
	for _, w := range words(d.Title) {
		if len([]rune(w)) >= 4 {
			title = append(title, stem(w))
		}
	}
	if len(title) < 2 {
		return false
	}
	body := map[string]bool{}
	for _, s := range d.Sections {
		// Only the text: headings may repeat the title as a path.
		for _, w := range words(s.Text) {
			body[stem(w)] = true
		}
	}
	in := 0
	for _, s := range title {
		if body[s] {
			in++
		}
	}
	return in*2 < len(title)
}

// facetWord reports whether w alone is a facet cue ("online", "kosten").
func (lx *lexicon) facetWord(w string) bool {
	for _, f := range facetOrder {
		if lx.match("facet_"+string(f), []string{w}) {
			return true
		}
	}
	return false
}

// queryTerms are the stemmed words of a question.
type queryTerms struct {
	stems   map[string]bool
	content []string // stems of content words: no noise, no facet cue words
	// alts are other words for a content stem that count as it (the names
	// towns give an office people call "Bürgeramt").
	alts map[string][]string
	// inName are the stems of words that belong to a name of several
	// words the question uses ("service desk"); alone they name nothing.
	inName map[string]bool
	// purpose are the stems of what a thing the asker needs is for ("ich
	// brauche ein Führungszeugnis für die Jugendarbeit im Sportverein"):
	// evidence only for pages the question names.
	purpose map[string]bool
	// requester are the stems of whoever wants a paper of the asker ("die
	// Kita will ne Meldebescheinigung sehen"): they name nothing, and the
	// page they would name gets no evidence from them.
	requester map[string]bool
	// joined are the compounds a content stem forms with its neighbour in
	// the question ("service desk" → "servicedesk"); a source that has the
	// compound as a word has the stem.
	joined map[string][]string
	// eventOnly are the stems only a life event added ("umgezogen" adds
	// "ummelden"): words of the services the event leads to, not words the
	// asker wrote.
	eventOnly map[string]bool
	// official are the words town halls write for words the question
	// says, by the word said ("perso" → "personalausweis"); they are in
	// stems and alts too. Each names a title that has it as a word, not
	// one of its parts ("Personen").
	official map[string][]string
	// compound are the content stems of compounds whose last part people
	// say another way ("dienstwag"): real words, never a typo of a word
	// a letter off ("Dienstag").
	compound map[string]bool
	// clipped are the content stems of words clipped from the sources'
	// word ("perso" of "Personalausweis"): they count as words of their
	// own, not inside others ("Person", "persönlich"), and their official
	// word stays.
	clipped map[string]bool
	// listed are the content stems the lexicon's offices and
	// [alternative] gave alternatives of their own; dropKnownWords keeps
	// those.
	listed map[string]bool
}

// minOwnName is the shortest name (in bytes of its stems) that makes a
// life event the asker's situation rather than the topic: "Platz" in "der
// LKW braucht Platz" names no "Kita-Platz".
const minOwnName = 6

// own returns q without the stems only a life event added.
func (q queryTerms) own() queryTerms {
	if len(q.eventOnly) == 0 {
		return q
	}
	o := q
	o.stems = make(map[string]bool, len(q.stems))
	for s := range q.stems {
		if !q.eventOnly[s] {
			o.stems[s] = true
		}
	}
	return o
}

// hitIn is hit over a stemSet.
func (q queryTerms) hitIn(ts stemSet, s string) bool {
	if q.clipped[s] {
		if ts.has[s] {
			return true
		}
	} else if q.compound[s] && holdsAnyExact(ts.list, s) || !q.compound[s] && ts.match(s) {
		return true
	}
	for _, a := range q.alts[s] {
		if ts.match(a) {
			return true
		}
	}
	for _, j := range q.joined[s] {
		if ts.has[j] {
			return true
		}
	}
	return false
}

// hit reports whether the content stem s, or one of its alternatives,
// occurs among tokens.
func (q queryTerms) hit(tokens map[string]bool, s string) bool {
	if q.clipped[s] {
		if tokens[s] {
			return true
		}
	} else if q.compound[s] && tokenMatchExact(tokens, s) || !q.compound[s] && tokenMatch(tokens, s) {
		return true
	}
	for _, a := range q.alts[s] {
		if tokenMatch(tokens, a) {
			return true
		}
	}
	for _, j := range q.joined[s] {
		if tokens[j] {
			return true
		}
	}
	return false
}

// elapsedWords say that a stretch of time has passed ("zwei Wochen her",
// "… rum", "… vorbei", "… um", "… vergangen"): the asker's story.
var elapsedWords = map[string]bool{"her": true, "rum": true, "vorbei": true, "um": true, "vergangen": true}

func (lx *lexicon) terms(text string) queryTerms {
	ws := lx.words(text)
	q := queryTerms{stems: map[string]bool{}}
	facetWord := make([]bool, len(ws)) // by index: the words a facet cue or a time phrase covers
	lx.facetSpans(ws, func(fi int, sp [2]int) {
		for i := sp[0]; i < sp[1]; i++ {
			// The words a gap spans are the question's own: "muss
			// man ~ haben" in "muss man einen Personalausweis haben".
			if lx.literalIn(lx.facets.secs[fi], ws[i]) && !isWeekday(ws[i]) {
				facetWord[i] = true
			}
		}
	})
	// "meine neue Adresse": a facet word that names the asker's own
	// matter is a word of the question.
	for _, sp := range lx.spans("own_matter", ws) {
		for i := sp[0]; i < sp[1]; i++ {
			facetWord[i] = false
		}
	}
	// "vor zwei Jahren", "seit 3 Wochen": when something happened is the
	// asker's story, not what the question names.
	for i := 0; i+2 < len(ws); i++ {
		if timePrepositions[ws[i]] && (isDigits(ws[i+1]) || numberWord(ws[i+1])) && timeUnit(ws[i+2]) {
			facetWord[i+2] = true
		}
		// "ist schon 2 Monate her", "drei Wochen her", "jetzt sind zwei
		// Wochen rum"
		if (isDigits(ws[i]) || numberWord(ws[i])) && timeUnit(ws[i+1]) && elapsedWords[ws[i+2]] {
			facetWord[i+1], facetWord[i+2] = true, true
		}
	}
	markTimeFrames(ws, facetWord)
	seen := map[string]bool{}
	var said map[string][]string // content stems whose word a colloquial rule was written for: the sources' words
	// Each word without a zu-infix and its stem, for the joined pairs
	// below.
	var zuBuf, stemBuf [32]string
	zus, wstems := zuBuf[:0], stemBuf[:0]
	if len(ws) > len(zuBuf) {
		zus, wstems = make([]string, 0, len(ws)), make([]string, 0, len(ws))
	}
	for i, w := range ws {
		w = german.DropZuInfix(w)
		s := stem(w)
		zus, wstems = append(zus, w), append(wstems, s)
		q.stems[s] = true
		if n := nounStemOfVerb(w); n != "" {
			q.stems[n] = true
		}
		// (A word of two letters is an abbreviation the rules spell
		// out, "FS", or none.)
		short := len([]rune(w)) < 3 && len(lx.colloquial[s]) == 0
		if facetWord[i] || lx.has("noise", w) || lx.has("followup_pronoun", w) || short || isDigits(w) || seen[s] {
			continue
		}
		seen[s] = true
		q.content = append(q.content, s)
		if to := lx.colloquialOf(w, s); len(to) > 0 {
			if said == nil {
				said = map[string][]string{}
			}
			said[s] = to
		}
		// "unterschreiben" and the source's "Unterschrift", "Teilnahme"
		// and "teilnehmen": a strong verb and the noun made from it
		// count as each other.
		d := german.DerivedNoun(german.DropParticiple(w))
		if d == "" {
			d = german.DerivingVerb(w)
		}
		if d = stem(d); d != "" && d != s {
			if q.alts == nil {
				q.alts = map[string][]string{}
			}
			q.alts[s] = append(q.alts[s], d)
		}
		// "am Wahlsonntag" is "am Wahltag" of the sources.
		if d := german.DayOfWeekdayCompound(w); d != "" {
			if q.alts == nil {
				q.alts = map[string][]string{}
			}
			q.alts[s] = append(q.alts[s], stem(d))
		}
	}
	// An office named after its matter ("Grundbuchamt",
	// "Nachlassgericht") is asked about that matter: "Dokumente für das
	// Grundbuch beglaubigen wir nicht" answers "eine Kopie fürs
	// Grundbuchamt".
	for _, s := range q.content {
		if m := officeMatter(s); m != "" {
			if q.alts == nil {
				q.alts = map[string][]string{}
			}
			q.alts[s] = append(q.alts[s], m)
		}
	}
	// Two words that the sources write as one name: "Vaterschaft
	// anerkennen" names "Vaterschaftsanerkennung", "Gewerbe anmelden"
	// "Gewerbeanmeldung" (the stems of -en and -ung meet), with or
	// without the linking s.
	for i := 0; i+1 < len(ws); i++ {
		a, b := ws[i], zus[i+1]
		if len([]rune(a)) < 3 || len([]rune(b)) < 4 || lx.has("noise", a) || lx.has("noise", b) || isDigits(a) || isDigits(b) {
			continue
		}
		j := stem(a + b)
		q.stems[j] = true
		if !strings.HasSuffix(a, "s") {
			q.stems[stem(a+"s"+b)] = true
		}
		// A source that writes the two as one word ("Servicedesk" for
		// "Service Desk") has both of them.
		if q.joined == nil {
			q.joined = map[string][]string{}
		}
		sa := wstems[i] // stem(a), when a has no zu-infix
		if zus[i] != a {
			sa = stem(a)
		}
		for _, sw := range [2]string{sa, wstems[i+1]} {
			q.joined[sw] = append(q.joined[sw], j)
		}
	}
	// "Perso" names what the sources call "Personalausweis", in a title
	// as in a sentence.
	for _, s := range q.content {
		to := said[s]
		if len(to) == 0 {
			continue
		}
		if slices.ContainsFunc(to, func(t string) bool { return len(t) > len(s) && strings.HasPrefix(t, s) }) {
			if q.clipped == nil {
				q.clipped = map[string]bool{}
			}
			q.clipped[s] = true
		}
		if q.alts == nil {
			q.alts = map[string][]string{}
		}
		for _, t := range to {
			if q.stems[t] {
				continue
			}
			if q.official == nil {
				q.official = map[string][]string{}
			}
			q.stems[t] = true
			q.alts[s] = append(q.alts[s], t)
			q.official[s] = append(q.official[s], t)
		}
	}
	// "Dienstwagen" is what the sources call "Dienstfahrzeug": a
	// compound whose last part people say another way has the sources'
	// word there as its alternative.
	for _, s := range q.content {
		for i := minCompoundModifier; len(s)-i >= minCompoundHeadStem; i++ {
			for _, t := range lx.heads[s[i:]] {
				// An alternative to match the sources' words, not a
				// word that names documents: "Anwohnerparkausweis"
				// names no Personalausweis.
				alt := stem(s[:i] + t)
				if q.stems[alt] || slices.Contains(q.alts[s], alt) {
					continue
				}
				if q.alts == nil {
					q.alts = map[string][]string{}
				}
				if q.compound == nil {
					q.compound = map[string]bool{}
				}
				q.alts[s] = append(q.alts[s], alt)
				q.compound[s] = true
			}
		}
	}
	return q
}

// minCompoundModifier and minCompoundHeadStem are the shortest first part
// and the shortest stem of the last part of a compound whose last part is
// said another way.
const (
	minCompoundModifier = 3
	minCompoundHeadStem = 3
)

// timePrepositions open a phrase of when something began: "vor zwei
// Jahren", "seit 3 Wochen" ("nach drei Minuten" may be what is asked).
var timePrepositions = map[string]bool{"vor": true, "seit": true}

// nounStemOfVerb returns, for a verb in "-ern" ("verlängern", "fördern",
// "ändern"), the stem its noun in "-ung" has ("Verlängerung" →
// "verlanger"), which the light stemmer cuts differently; "" for other
// words and when both stems are the same.
func nounStemOfVerb(w string) string {
	base, ok := strings.CutSuffix(w, "ern")
	if !ok || len([]rune(base)) < 3 {
		return ""
	}
	if n := stem(base + "erung"); n != stem(w) {
		return n
	}
	return ""
}

// frameWords open a phrase of when something happens: "Ende des Monats",
// "nächste Woche", "Anfang Juni".
var frameWords = map[string]bool{
	"ende": true, "anfang": true, "mitte": true, "naechste": true, "naechsten": true, "naechster": true, "naechstem": true,
	"kommende": true, "kommenden": true, "kommendem": true, "letzte": true, "letzten": true, "letztem": true, "vorige": true, "vorigen": true, "vorigem": true,
	"diese": true, "diesen": true, "dieses": true, "end": true, "next": true, "last": true, "this": true,
}

// markTimeFrames marks in covered the words of phrases that say when
// something happens ("ziehe Ende Monat um", "nächste Woche", "Anfang
// Juni"): the asker's timing, not what the question names. A month alone
// may be what is asked ("wann holt ihr im Januar die Bäume").
func markTimeFrames(ws []string, covered []bool) {
	for i, w := range ws {
		if frameWords[w] {
			j := i + 1
			if j < len(ws) && (ws[j] == "des" || ws[j] == "der" || ws[j] == "of" || ws[j] == "the") {
				j++
			}
			if j < len(ws) && (timeUnit(ws[j]) || isMonth(ws[j]) || season(ws[j])) {
				for k := i; k <= j; k++ {
					covered[k] = true
				}
			}
		}
	}
}

// season reports whether the folded word w names a season ("nächsten
// Sommer").
func season(w string) bool {
	switch w {
	case "fruehling", "fruehjahr", "sommer", "herbst", "winter", "spring", "summer", "autumn", "fall":
		return true
	}
	return false
}

// isMonth reports whether the folded word w is a month's full name.
func isMonth(w string) bool {
	_, ok := months[w]
	return ok && len([]rune(w)) > 3
}

// numberWord reports whether w is a German number word up to twelve or a
// round ten.
func numberWord(w string) bool {
	switch w {
	case "ein", "einem", "einer", "zwei", "drei", "vier", "fuenf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwoelf", "zwanzig", "dreissig":
		return true
	}
	return false
}

// timeUnit reports whether the folded word w is a unit of time.
func timeUnit(w string) bool {
	for _, u := range []string{"jahr", "monat", "woche", "tag", "stunde", "minute"} {
		if strings.HasPrefix(w, u) && len(w) <= len(u)+2 {
			return true
		}
	}
	return false
}

// isWeekday reports whether the folded word w names a day of the week: it
// asks for the opening hours and is a word of its own too ("eine Trauung
// am Samstag").
func isWeekday(w string) bool {
	for _, d := range []string{"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"} {
		if strings.HasPrefix(w, d) {
			return true
		}
	}
	return false
}

// officeMatter returns the matter an office is named after ("grundbuch"
// for "grundbuchamt"), or "" for a word that names no such office or whose
// first part is too short to be a matter of its own ("standesamt",
// "bürgeramt").
func officeMatter(s string) string {
	for _, head := range []string{"amt", "amts", "behord", "gericht", "gerichts"} {
		if m, ok := strings.CutSuffix(s, head); ok && len(m) >= minMatterLen {
			return strings.TrimSuffix(m, "s")
		}
	}
	return ""
}

// minMatterLen is the shortest first part of an office's name that names
// a matter.
const minMatterLen = 8

func isDigits(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}

// score fills named, strong and coverage of every candidate for the
// question q. Words and names that most candidates share ("beantragen",
// "Bürgerbüro") say little about which document is meant, so coverage
// weighs them less and strong ignores them.
func (r *retrieval) score(q queryTerms, generic map[string]bool) {
	n := len(r.cands)
	r.hitsOf(q)
	weight := make([]float64, len(q.content)) // by index into q.content
	for k := range q.content {
		df := 0
		for i := range r.cands {
			if r.hit(i, k, q, q.content) {
				df++
			}
		}
		weight[k] = 1
		if n >= 3 && df*2 > n {
			weight[k] = 0.3
		}
	}
	stems, own := newStemSet(q.stems), stemSet{}
	said := exactNamesApart(namingSet(q, stems), r.cands).longestFirst()
	if len(q.eventOnly) > 0 {
		own = exactNamesApart(newStemSet(q.own().stems), r.cands).longestFirst()
	}
	for i := range r.cands {
		c := &r.cands[i]
		c.named, c.strong, c.strongName, c.matched, c.ownNamed = 0, 0, nil, nil, false
		c.primary = len(c.head) > 0 && nameIn(c.head, said) && !(len(c.head) == 1 && q.requester[c.head[0]])
		for _, name := range c.nameSets {
			if len(name) == 1 && q.inName[name[0]] || !nameIn(name, said) {
				continue
			}
			if len(name) == 1 && len(name[0]) < 6 && !said.has[name[0]] && c.info != nil && c.info.hyphenParts[name[0]] {
				// "Marktplatz" holds the "Platz" of "Kita-Platz" only as
				// a head of its own.
				continue
			}
			l := joinedLen(name)
			if len(q.eventOnly) > 0 && l >= minOwnName && nameIn(name, own) && slices.ContainsFunc(name, func(s string) bool { return !generic[s] && !officeStem(s) }) {
				c.ownNamed = true
			}
			shared := 0
			for j := range r.cands {
				if hasName(r.cands[j].nameSets, name) {
					shared++
				}
			}
			if n >= 4 && shared*3 > 2*n {
				// A title word more than two thirds of the candidates
				// share ("Deutschland" in every guide's title) names none
				// of them; one that three of five papers about the
				// Personalausweis share still names them.
				continue
			}
			c.named += l
			c.matched = append(c.matched, name)
			if (n < 4 || shared <= 2) && l > c.strong {
				c.strong, c.strongName = l, name
			}
		}
		c.coverage = 0
		total, hit := 0.0, 0.0
		for k := range q.content {
			total += weight[k]
			if r.hit(i, k, q, q.content) {
				hit += weight[k]
			}
		}
		if total > 0 {
			c.coverage = hit / total
		}
	}
	r.lawsNamedByMatter(stems)
}

// namingSet is stems, the question's stems, for nameIn: the official words
// for everyday ones name only what has them as words ("personalausweis"
// holds no "Personen"), so they are left out of the list nameIn scans for
// compounds and typos.
func namingSet(q queryTerms, stems stemSet) stemSet {
	if len(q.official) == 0 {
		return stems
	}
	said := stemSet{has: stems.has, list: slices.Clone(stems.list)}
	said.list = slices.DeleteFunc(said.list, func(s string) bool {
		for _, to := range q.official {
			if slices.Contains(to, s) {
				return true
			}
		}
		return false
	})
	return said
}

// exactNamesApart returns said without the words that are, as they
// stand, a one-word name of a candidate among the words nameIn looks
// inside: "Kinderreisepass" names the children's passport, not also the
// "Reisepass" it holds.
func exactNamesApart(said stemSet, cands []candidate) stemSet {
	// The candidates' one-word names as bits (wordBit): a stem whose bit
	// none of them has is none of them, without the scan below.
	var bits [4]uint64
	for i := range cands {
		for _, n := range cands[i].nameSets {
			if len(n) == 1 {
				k, b := wordBit(n[0])
				bits[k] |= b
			}
		}
	}
	exact := func(s string) bool {
		if k, b := wordBit(s); bits[k]&b == 0 {
			return false
		}
		for i := range cands { // by index: a candidate is large
			for _, n := range cands[i].nameSets {
				if len(n) == 1 && n[0] == s {
					return true
				}
			}
		}
		return false
	}
	if !slices.ContainsFunc(said.list, exact) {
		return said
	}
	return stemSet{has: said.has, list: slices.DeleteFunc(slices.Clone(said.list), exact)}
}

// dropKnownWords takes back the official words of the everyday words the
// retrieved documents use themselves: where the sources write
// "Nummernschild", the word needs no translation, and its official word
// ("Kennzeichen", on every vehicle page) would only blur which page is
// meant.
func (q *queryTerms) dropKnownWords(r retrieval) {
	for s, to := range q.official {
		if q.clipped[s] || !slices.ContainsFunc(r.cands, func(c candidate) bool { return c.info != nil && c.info.tokens[s] }) {
			continue
		}
		for _, t := range to {
			delete(q.stems, t)
		}
		if !q.listed[s] {
			// (An alternative the lexicon gives the word as well stays:
			// "Kurtaxe" meets the "Kurabgabe" of a bylaw's sentence
			// whatever names the documents.)
			q.alts[s] = slices.DeleteFunc(q.alts[s], func(a string) bool { return slices.Contains(to, a) })
		}
		delete(q.official, s)
	}
}

// minHeadName is the shortest one-word name found as the head of a
// compound of the question.
const minHeadName = 5

// nameIn reports whether every stem of a name occurs in the question as a
// word; a long one-word name may also hide in a compound or a typo the
// user wrote ("kindergartenplatz" names "Kindergarten"), a short one as
// the compound's head ("studentenvisum" names "Visum").
func nameIn(name []string, stems stemSet) bool {
	for _, s := range name {
		if stems.mayHave(s) && stems.has[s] {
			continue
		}
		// A compound whose parts the question says apart: "Gewerbe
		// … anmelden" names "Gewerbeanmeldung".
		if len(s) < minHeadName || len(name) != 1 || !holdsName(stems, s) && !splitsInto(s, stems) {
			return false
		}
	}
	return true
}

// holdsName reports whether a word of stems holds the one-word name s or
// nearly is it: a word shorter by more than two bytes neither holds s
// nor nearly is it, and a short name counts only as the head a compound
// ends in ("Studentenvisum" names "Visum") or as what a facet's word is
// of ("Visumtermin", "Visumkosten").
func holdsName(stems stemSet, s string) bool {
	ws, sorted := stems.list, false
	if stems.byLen != nil {
		// Longest first: the scan ends at the first word too short.
		ws, sorted = stems.byLen, true
	}
	if len(s) < 6 {
		for _, w := range ws {
			if len(w) <= len(s) {
				if sorted {
					return false
				}
				continue
			}
			if strings.HasSuffix(w, s) && !inseparablePrefix[w[:len(w)-len(s)]] {
				return true
			}
			if rest, ok := strings.CutPrefix(w, s); ok && facetHead(rest) {
				return true
			}
		}
		return false
	}
	for _, w := range ws {
		if len(w)+2 < len(s) {
			if sorted {
				return false
			}
			continue
		}
		if p, _, ok := strings.Cut(w, s); ok && !inseparablePrefix[p] || !ok && nearMiss(w, s) {
			return true
		}
	}
	return false
}

// facetHeads are the stems of the words that ask a facet as the head of a
// compound whose first part names the thing asked about ("Visum|termin",
// "Pass|kosten", "Visums|antrag").
var facetHeads = map[string]bool{"termin": true, "kost": true, "gebuhr": true, "frist": true, "antrag": true, "formular": true, "unterlag": true}

// facetHead reports whether rest, a compound's stem after its first part,
// is a facet's word, with or without a linking "s" or "es".
func facetHead(rest string) bool {
	if facetHeads[rest] {
		return true
	}
	for _, link := range []string{"es", "s"} {
		if r, ok := strings.CutPrefix(rest, link); ok && facetHeads[r] {
			return true
		}
	}
	return false
}

// splitsInto reports whether the stem s of a compound is two stems of
// stems joined, with or without a linking "e", "s", "es" or "n"
// ("gewerb" + "e" + "anmeld"); the first may be made a noun by a suffix
// ("schwanger" → "Schwangerschafts|bestätigung", whose stem lost its
// "-er").
func splitsInto(s string, stems stemSet) bool {
	if len(s) < 8 {
		return false
	}
	ws, sorted := stems.list, false
	if stems.byLen != nil {
		// Longest first: a part of at least 4 bytes ends the scans
		// below at the first shorter word.
		ws, sorted = stems.byLen, true
	}
	for _, a := range ws {
		if len(a) < 4 && sorted {
			break
		}
		if len(a) < 4 || len(a) >= len(s) || !strings.HasPrefix(s, a) {
			continue
		}
		for _, suffix := range nounSuffixes {
			rest, ok := strings.CutPrefix(s[len(a):], suffix)
			if !ok {
				continue
			}
			for _, link := range compoundLinks {
				if b, ok := strings.CutPrefix(rest, link); ok && len(b) >= 4 && stems.has[b] {
					return true
				}
			}
		}
	}
	// The question's word is a compound of the first part, or the
	// title's word has a third part: "Nachnamen ändern" names
	// "Namensänderung" and "Namensänderungserklärung", "die Genehmigung
	// … ins Bauamt" names "Baugenehmigung". A word that stands in s at
	// index 3 or later begins with a pair of bytes that s has there:
	// the others are passed over without a search.
	var pairs uint64
	for i := 3; i+1 < len(s); i++ {
		pairs |= pairBit(s[i], s[i+1])
	}
	if stems.lasts != nil {
		for _, l := range stems.lasts {
			if len(s)-len(l.part) >= 3 && pairs&l.bit != 0 && endsIn(s, l.part, stems) {
				return true
			}
		}
		return false
	}
	for _, b := range ws {
		if len(b) < 4 && sorted {
			break // (and shorter still without its last byte)
		}
		if strings.HasSuffix(b, "rn") || strings.HasSuffix(b, "ln") {
			// The verb's root, as its noun in "-ung" has it: "ändern",
			// "Änderung"; "wechseln", "Wechsel".
			b = b[:len(b)-1]
		}
		if len(b) < 4 || len(s)-len(b) < 3 || pairs&pairBit(b[0], b[1]) == 0 {
			continue // too short, too long or not there at index 3 or later
		}
		if endsIn(s, b, stems) {
			return true
		}
	}
	return false
}

// endsIn reports whether the stem b stands in s at index 3 or later
// (its first place) after a first part that a stem of stems begins or
// ends with, or is, with or without a linking "e", "s", "es", "n", "en"
// or "ens": splitsInto's second way.
func endsIn(s, b string, stems stemSet) bool {
	i := strings.Index(s, b)
	if i < 3 {
		return false
	}
	head := s[:i]
	for _, link := range genitiveLinks {
		p, ok := strings.CutSuffix(head, link)
		if !ok || len(p) < 3 || inseparablePrefix[p] {
			// (A prefix is no first part: "ver|sich|erung" holds no
			// "sich" after a word that begins with "ver".)
			continue
		}
		for _, w := range stems.list {
			if w != b && (w == p || len(w) >= len(p)+3 && (strings.HasSuffix(w, p) || strings.HasPrefix(w, p)) || len(w) >= 5 && strings.HasSuffix(p, w)) {
				return true
			}
		}
	}
	return false
}

// lastPart is a stem as splitsInto looks for it inside a compound, with
// the bit of its first two bytes: a verb's root as its noun in "-ung"
// has it ("ändern", "Änderung"; "wechseln", "Wechsel").
type lastPart struct {
	part string
	bit  uint64
}

// lastParts returns the stems of list as splitsInto looks for them, those
// of 4 bytes or more.
func lastParts(list []string) []lastPart {
	out := make([]lastPart, 0, len(list))
	for _, b := range list {
		if strings.HasSuffix(b, "rn") || strings.HasSuffix(b, "ln") {
			b = b[:len(b)-1]
		}
		if len(b) >= 4 {
			out = append(out, lastPart{b, pairBit(b[0], b[1])})
		}
	}
	return out
}

// pairBit is the bit of a pair of bytes in a 64-bit set of pairs.
func pairBit(a, b byte) uint64 { return 1 << ((uint(a)*31 + uint(b)) & 63) }

// headModifier returns the question's stem that is the first part of the
// title word s whose second part is a kind of legal text ("friedhof" of
// "Friedhofssatzung"), or "".
func headModifier(s string, stems stemSet) string {
	for _, a := range stems.list {
		if len(a) < 4 || len(a) >= len(s) || !strings.HasPrefix(s, a) {
			continue
		}
		for _, link := range compoundLinks {
			if b, ok := strings.CutPrefix(s[len(a):], link); ok && documentHead(b) {
				return a
			}
		}
	}
	return ""
}

// lawsNamedByMatter lets the question name a bylaw or statute by the
// matter its title's compound starts with ("Friedhof" the
// "Friedhofssatzung"), unless a service among the candidates is named
// after the same matter: "Gewerbe abmelden" asks the service, not the
// "Gewerbeordnung".
func (r *retrieval) lawsNamedByMatter(stems stemSet) {
	for i := range r.cands {
		c := &r.cands[i]
		if c.named > 0 || c.doc.Kind != knowledge.KindLaw {
			continue
		}
		for _, name := range c.nameSets {
			if len(name) != 1 {
				continue
			}
			m := headModifier(name[0], stems)
			if m == "" || slices.ContainsFunc(r.cands, func(o candidate) bool {
				return o.doc.Kind != knowledge.KindLaw && slices.ContainsFunc(o.nameSets, func(n []string) bool {
					return slices.ContainsFunc(n, func(s string) bool { return strings.HasPrefix(s, m) })
				})
			}) {
				continue
			}
			c.named += len(m)
			c.matched = append(c.matched, name)
			if len(m) > c.strong {
				c.strong, c.strongName = len(m), name
			}
		}
	}
}

// documentHead reports whether the stem s is a kind of legal text that
// heads a compound whose first part names its matter: "Friedhofssatzung"
// is named by "Friedhof", "Gebührenordnung" by "Gebühren".
func documentHead(s string) bool {
	switch s {
	case "satz", "ordn", "verordn", "gesetz", "richtlini", "dienstanweis", "regel": // light stems of Satzung, Ordnung, …
		return true
	}
	return false
}

// compoundLinks are the letters that join the parts of a compound
// ("Gewerbe|anmeldung", "Friedhof|s|satzung"); genitiveLinks add the "-ens"
// of "Namens|änderung".
var (
	compoundLinks = []string{"", "e", "s", "es", "n", "en"}
	genitiveLinks = []string{"", "e", "s", "es", "n", "en", "ens"}
)

// nounSuffixes turn an adjective or verb stem into the noun a compound
// starts with; "erschaft" because the light stem drops "-er".
var nounSuffixes = []string{"", "schaft", "erschaft", "heit", "keit", "igkeit", "ung"}

// tokenMatch reports whether the stem s occurs among tokens: exactly,
// inside a compound ("ausweis" in "personalausweis"), or as a near miss of
// a long word ("gewerbeanmeldnug" for "gewerbeanmeldung").
func tokenMatch(tokens map[string]bool, s string) bool {
	if tokens[s] || tokens[s+"s"] {
		// "bus" and "Bussen" (stem "buss"): a short noun that doubles
		// its last letter in the plural.
		return true
	}
	if len(s) < 5 {
		return false
	}
	for t := range tokens {
		if holdsStem(t, s) {
			return true
		}
	}
	return false
}

// holdsStem reports whether the word t holds the stem s as tokenMatch
// means it: inside a compound, as a near miss, or with the same head.
func holdsStem(t, s string) bool {
	if len(t)+2 < len(s) {
		// Too short to hold s or to be a near miss of it (at most two
		// bytes apart); a long word may still share its head.
		return sameCompoundHead(s, t)
	}
	return strings.Contains(t, s) || nearMiss(s, t) || sameCompoundHead(s, t)
}

// stemSet is a set of stems that is also scanned in full (tokenMatch,
// nameIn): ranging over a slice costs a fraction of ranging over a map,
// and every scan here only asks whether some member fits.
type stemSet struct {
	has  map[string]bool
	list []string // the members, in no particular order
	// memo keeps the results of match's scan for a set that outlives a
	// turn (a document's sections, passages and names); nil for others.
	memo *matchMemo
	// byLen holds the members longest first for nameIn's scans of a
	// question's stems (longestFirst); nil for other sets.
	byLen []string
	// lasts are the members as splitsInto looks for them (lastParts),
	// made with byLen.
	lasts []lastPart
	// hasBits has the wordBit of every key of has, made with byLen: a
	// stem whose bit is clear is no key, without a lookup (nameIn); nil
	// for other sets.
	hasBits *[4]uint64
}

// matchMemo is a bounded memo of a scan for a word: the question words of
// turn after turn meet the same sections and documents.
type matchMemo struct {
	mu sync.Mutex
	m  map[string]bool
}

// lookup returns the memoised result for s, or scan's, which it keeps
// while the memo holds fewer than max results; a full memo keeps what it
// holds and adds no more.
func (m *matchMemo) lookup(s string, max int, scan func() bool) bool {
	m.mu.Lock()
	v, ok := m.m[s]
	m.mu.Unlock()
	if ok {
		return v
	}
	v = scan()
	m.mu.Lock()
	if m.m == nil {
		m.m = map[string]bool{}
	}
	if len(m.m) < max {
		m.m[s] = v
	}
	m.mu.Unlock()
	return v
}

// maxSetMemo bounds the stems memoised per set: a dozen questions'
// content words; a full memo keeps what it holds and adds no more. A
// document keeps up to maxPassageMemo passage sets besides its sections
// and names, and the cache docCacheSize documents, so a few KB a set is
// the most to hold.
const maxSetMemo = 64

// minMemoSet is the fewest members for which a set memoises its scans: a
// smaller one is scanned about as fast as a memo is looked up.
const minMemoSet = 16

// memoised returns ts with a memo of its scans, or ts itself when it is
// small.
func (ts stemSet) memoised() stemSet {
	if len(ts.list) >= minMemoSet {
		ts.memo = &matchMemo{}
	}
	return ts
}

// longestFirst returns ts with its members also listed longest first, for
// nameIn: a scan for a long name ends at the first word too short to hold
// it. The list keeps its order.
func (ts stemSet) longestFirst() stemSet {
	ts.byLen = slices.Clone(ts.list)
	slices.SortFunc(ts.byLen, func(a, b string) int { return len(b) - len(a) })
	ts.lasts = lastParts(ts.byLen)
	ts.hasBits = new([4]uint64)
	for s := range ts.has { // (the list may lack keys: exactNamesApart)
		k, b := wordBit(s)
		ts.hasBits[k] |= b
	}
	return ts
}

// mayHave reports whether s may be a key of has: false only when it is
// none (hasBits, for a set made longestFirst).
func (ts *stemSet) mayHave(s string) bool {
	if ts.hasBits == nil {
		return true
	}
	k, b := wordBit(s)
	return ts.hasBits[k]&b != 0
}

func newStemSet(m map[string]bool) stemSet {
	list := make([]string, 0, len(m))
	for s := range m {
		list = append(list, s)
	}
	return stemSet{has: m, list: list}
}

// match is tokenMatch over the set.
func (ts stemSet) match(s string) bool {
	if ts.has[s] || ts.has[s+"s"] {
		return true
	}
	if len(s) < 5 {
		return false
	}
	if ts.memo != nil {
		return ts.memo.lookup(s, maxSetMemo, func() bool { return holdsAny(ts.list, s) })
	}
	return holdsAny(ts.list, s)
}

// holdsStemExact is holdsStem without typos: s inside t, or the same
// head.
func holdsStemExact(t, s string) bool {
	return strings.Contains(t, s) || sameCompoundHead(s, t)
}

// tokenMatchExact is tokenMatch without typos (holdsStemExact).
func tokenMatchExact(tokens map[string]bool, s string) bool {
	if tokens[s] || tokens[s+"s"] {
		return true
	}
	for t := range tokens {
		if holdsStemExact(t, s) {
			return true
		}
	}
	return false
}

// holdsAnyExact is holdsAny without typos (holdsStemExact).
func holdsAnyExact(list []string, s string) bool {
	return slices.ContainsFunc(list, func(t string) bool { return holdsStemExact(t, s) })
}

// holdsAny reports whether a stem of list holds s (holdsStem).
func holdsAny(list []string, s string) bool {
	for _, t := range list {
		if holdsStem(t, s) {
			return true
		}
	}
	return false
}

// sameCompoundHead reports whether two long compounds share most of their
// end, where German puts the head of a compound: "anwohnerparkausweis"
// and "bewohnerparkausweis" name the same thing, "gewerbeanmeldung" and
// "wohnsitzanmeldung" do not.
func sameCompoundHead(a, b string) bool {
	if len(a) < 10 || len(b) < 10 {
		return false
	}
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n >= 8 && 10*n >= 6*min(len(a), len(b))
}

// nearMiss reports whether two long words differ only near their end, as
// typos do ("reisepas", "gewerbeanmeldnug").
func nearMiss(a, b string) bool {
	if len(a) == len(b) && len(a) >= 6 && transposed(a, b) {
		// Two neighbouring letters swapped ("anmleden").
		return true
	}
	if len(a) < 7 || len(b) < 7 || len(a)-len(b) > 2 || len(b)-len(a) > 2 {
		return false
	}
	p := commonPrefix(a, b)
	if p >= 6 && p >= min(len(a), len(b))-2 {
		return true
	}
	// One letter left out, added or changed inside a long word
	// ("spermuell" for "sperrmuell"): the same start and one edit.
	return p >= 2 && oneEdit(a, b)
}

// transposed reports whether a and b, of equal length, differ only by
// two neighbouring bytes swapped.
func transposed(a, b string) bool {
	i := commonPrefix(a, b)
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

// oneEdit reports whether a and b differ by one inserted, deleted or
// changed byte.
func oneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := commonPrefix(a, b)
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:]
	}
	return a[i:] == b[i+1:]
}

// hasName reports whether names contains name.
func hasName(names [][]string, name []string) bool {
	for _, n := range names {
		if sameName(n, name) {
			return true
		}
	}
	return false
}

// sameName reports whether two names read alike, joined by blanks
// (strings.Join(a, " ") == strings.Join(b, " ")), without joining them.
func sameName(a, b []string) bool {
	if len(a) == 1 && len(b) == 1 {
		return a[0] == b[0] // most names are one word
	}
	if joinedLen(a) != joinedLen(b) {
		return false
	}
	ra, rb := joinedReader{words: a}, joinedReader{words: b}
	for {
		ca, ok := ra.next()
		cb, _ := rb.next()
		if !ok {
			return true // the same length: both end here
		}
		if ca != cb {
			return false
		}
	}
}

// joinedReader reads the bytes of words joined by blanks.
type joinedReader struct {
	words []string
	w, i  int // the word, and the byte in it, read next
}

func (r *joinedReader) next() (byte, bool) {
	for r.w < len(r.words) {
		if r.i < len(r.words[r.w]) {
			r.i++
			return r.words[r.w][r.i-1], true
		}
		r.w, r.i = r.w+1, 0
		if r.w < len(r.words) {
			return ' ', true
		}
	}
	return 0, false
}

// joinedLen is len(strings.Join(name, " ")).
func joinedLen(name []string) int {
	n := max(len(name)-1, 0)
	for _, s := range name {
		n += len(s)
	}
	return n
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// relevantCoverage is the share of content words a document must contain
// to count as relevant when the question does not name it.
const relevantCoverage = 0.34

func (c candidate) relevant() bool { return c.named > 0 || c.coverage >= relevantCoverage }

func hasFacet(d knowledge.Document, facets []knowledge.Facet) bool {
	return slices.ContainsFunc(facets, func(f knowledge.Facet) bool { return hasSection(d, f) })
}

// hasSection reports whether sectionsFor(d, f) is not empty.
func hasSection(d knowledge.Document, f knowledge.Facet) bool {
	return slices.ContainsFunc(d.Sections, func(s knowledge.Section) bool {
		return s.Facet == f && strings.TrimSpace(s.Text) != ""
	})
}

// sameNames reports whether the question names neither document more than
// the other: every name it mentions belongs to both ("Tonne" for the
// yellow and the blue bin).
func sameNames(a, b candidate) bool {
	for _, n := range a.matched {
		if !hasName(b.nameSets, n) {
			return false
		}
	}
	for _, n := range b.matched {
		if !hasName(a.nameSets, n) {
			return false
		}
	}
	return true
}

func sameFacetText(a, b knowledge.Document, facets []knowledge.Facet) bool {
	for _, f := range facets {
		sa, sb := sectionsFor(a, f), sectionsFor(b, f)
		if len(sa) > 0 && len(sb) > 0 && strings.TrimSpace(sa[0].Text) == strings.TrimSpace(sb[0].Text) {
			return true
		}
	}
	return false
}

// confidence turns the retrieval signals of the chosen candidate into a
// number between 0 and 1. It is a heuristic: retrieval scores are only
// comparable within one result list, so it rests on how much of the
// question the document covers and whether the question names it.
func confidence(c candidate, followUp bool) float64 {
	if !c.relevantTo() && !followUp {
		return 0.1
	}
	// How much of the question the document answers, wherever the words
	// are: all of it, the passage retrieval found, or its names.
	v := 0.3 + 0.5*max(c.coverage, c.feat[featPassage], c.feat[featTitle])
	if c.named > 0 || c.feat[featEvent] > 0 || c.feat[featDistinct] > 0 {
		// The question names the document, states its life event, or
		// shares a long word with it that few candidates hold
		// (a product name such as "Fachprogramm X1").
		v += 0.2
	}
	if c.feat[featFacetTerm] > 0 && c.feat[featAnswersAsked] > 0 {
		// A section of the facet asked holds the question's words and
		// a sentence with them states the value asked for: the answer
		// is that sentence, however few of the asker's other words the
		// document shares.
		v += 0.1
	}
	if followUp {
		v += 0.15
	}
	switch {
	case v > 0.99:
		v = 0.99
	case v < 0:
		v = 0
	}
	return v
}

// lowConfidence is the confidence below which a human is offered: an
// answer from a document that holds less than about a third of the
// question's words and neither is named nor states its life event. A
// statute's paragraph that answers a long question told in the asker's
// own words holds about that much; an offer after every such answer
// buries the offers that matter (measured on the natural cases, not on the
// held-out half).
const lowConfidence = 0.45

// officeStem reports whether the stem s names an office ("burgerburo",
// "standesamt"): the asker who names where to go names no service of
// their own choosing.
func officeStem(s string) bool {
	for _, suf := range officeSuffixes {
		if ss := stem(suf); len(s) > len(ss)+2 && strings.HasSuffix(s, ss) {
			return true
		}
	}
	return false
}
