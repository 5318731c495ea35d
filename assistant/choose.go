// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/musterstadt/lotse/knowledge"
)

// The features by which the answer's document is chosen among the
// retrieved ones. Each is a number in [0, 1] computed from the question
// and one candidate; the choice is the candidate with the largest weighted
// sum. No feature knows a particular knowledge base: they read the
// retrieval ranking, the document's own title, synonyms and section
// headings, and the question's words, facets and life events.
const (
	featRank         = iota // 1/(1+rank) in the retrieval ranking
	featScore               // best passage score relative to the first document's
	featCoverage            // share of the question's content words in the document (rarer words weigh more)
	featTitle               // share of the question's content words among the document's names
	featTitleFull           // share of the title's words the question names
	featNamed               // the question names one of the document's names
	featStrong              // … a name few candidates share
	featPrimary             // the question names the title's head word
	featFacet               // share of the asked facets the document has a section for
	featEvent               // share of the life-event words among the document's names
	featNotice              // the document is a dated notice
	featRefTitle            // the question names a document this one only refers to
	featFacetTerm           // a section of an asked facet holds one of the question's words
	featPassage             // share of the question's content words in the document's retrieved sections
	featSituation           // the document's names speak of the asker's situation (a child, a loss)
	featDistinct            // the document holds a long word of the question that at most two candidates hold
	featAnswers             // share of the asked facets answered by a value ("13 Euro", "drei Monate") the document states
	featInternal            // an employee asks and the document is for employees only
	featAnswersAsked        // share of the asked facets answered by a value in a sentence that holds the question's own words
	featStatus              // the document's names speak of the asker's status (unemployed, student, retired)
	featDate                // the document names a day of the calendar the question names
	featPhase               // the document's title names the asker's step (a renewal, a first time): 1, or the other step: -1
	numFeatures
)

// FeatureNames names the choice features in order, for weights files and
// reports.
var FeatureNames = [numFeatures]string{
	"rank", "score", "coverage", "title", "title_full", "named", "strong",
	"primary", "facet", "event", "notice", "ref_title", "facet_term", "passage", "situation", "distinct", "answers",
	"internal", "answers_asked", "status", "date", "phase",
}

// Weights are the weights of the choice features, by name.
type Weights map[string]float64

//go:embed choice_weights.json
var defaultWeightsJSON []byte

// weightsFile is the format of choice_weights.json, written by
// `lotse eval tune`.
type weightsFile struct {
	Comment string  `json:"comment,omitempty"`
	Weights Weights `json:"weights"`
}

// DefaultWeights returns the built-in weights of the choice features.
func DefaultWeights() (Weights, error) {
	return ParseWeights(defaultWeightsJSON)
}

// ParseWeights reads a weights file as `lotse eval tune` writes it. Every
// feature must have a weight; unknown names are errors.
func ParseWeights(b []byte) (Weights, error) {
	var f weightsFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("assistant: weights: %w", err)
	}
	known := map[string]bool{}
	for _, n := range FeatureNames {
		known[n] = true
		if _, ok := f.Weights[n]; !ok {
			return nil, fmt.Errorf("assistant: weights: no weight for feature %q", n)
		}
	}
	for n, v := range f.Weights {
		if !known[n] {
			return nil, fmt.Errorf("assistant: weights: unknown feature %q", n)
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("assistant: weights: feature %q: not a number", n)
		}
	}
	return f.Weights, nil
}

// FormatWeights writes w in the format ParseWeights reads.
func FormatWeights(w Weights, comment string) ([]byte, error) {
	b, err := json.MarshalIndent(weightsFile{Comment: comment, Weights: w}, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

func (w Weights) vector() [numFeatures]float64 {
	var v [numFeatures]float64
	for i, n := range FeatureNames {
		v[i] = w[n]
	}
	return v
}

// ChoiceCandidate is one candidate of a choice with its features, for
// `lotse eval tune`.
type ChoiceCandidate struct {
	DocID    string
	Features [numFeatures]float64
	// Relevant is false for a candidate that cannot answer at all; the
	// choice takes a relevant candidate before any other.
	Relevant bool
}

// Score is the weighted sum of c's features.
func (c ChoiceCandidate) Score(w Weights) float64 {
	v := w.vector()
	s := 0.0
	for i, f := range c.Features {
		s += v[i] * f
	}
	return s
}

// features computes the choice features of every candidate of r for q.
// r.score must have run.
func (a *Assistant) features(r *retrieval, q question) {
	a.computeFeatures(r, q, true)
}

// relevanceFeatures computes only the features that confidence,
// relevantTo and namesDoc read (coverage, title, passage, event, distinct
// and the cheap ones beside them), for a retrieval nobody chooses from:
// a follow-up's. The others (the facet's answers, the full title, the
// situation, dates, references to other titles) stay 0.
func (a *Assistant) relevanceFeatures(r *retrieval, q question) {
	a.computeFeatures(r, q, false)
}

// computeFeatures is features, or relevanceFeatures when all is false.
func (a *Assistant) computeFeatures(r *retrieval, q question, all bool) {
	if len(r.cands) == 0 {
		return
	}
	top := r.cands[0].score
	asked := append([]string(nil), q.terms.content...)
	// Rarer words weigh more: a word every candidate has says little.
	weight := make([]float64, len(asked)) // by index into asked
	for k := range asked {
		df := 0
		for i := range r.cands {
			if r.hit(i, k, q.terms, asked) {
				df++
			}
		}
		weight[k] = 1 / math.Max(1, float64(df))
	}
	// A life event is the topic only while the asker's own words name no
	// service: "Ich bin umgezogen und will meinen Perso verlängern" asks
	// about the Personalausweis; the move is the situation.
	ownNamed := slices.ContainsFunc(r.cands, func(c candidate) bool { return c.ownNamed && c.strong > 0 }) || ownWordsElsewhere(r, q)
	stems := newStemSet(q.terms.stems)
	inName := make([]bool, len(asked)) // per candidate: asked[k] is in its names
	for i := range r.cands {
		c := &r.cands[i]
		var f [numFeatures]float64
		byEvent := ownNamed && !c.ownNamed
		f[featRank] = 1 / float64(1+c.rank)
		if top > 0 {
			f[featScore] = math.Min(1, c.score/top)
		}
		total, hitDoc, hitName := 0.0, 0.0, 0.0
		names := c.nameTok()
		aside := make([]bool, len(asked))
		for k, s := range asked {
			total += weight[k]
			inName[k] = q.terms.hitIn(names, s)
			if inName[k] && q.terms.requester[s] {
				// A word that names nothing alone ("die Kita" that
				// wants a paper of the asker) is no evidence for the
				// page it would name: that page speaks of it
				// throughout.
				inName[k], aside[k] = false, true
				continue
			}
			if q.terms.purpose[s] && c.named == 0 {
				// What the paper the asker names is needed for ("ein
				// Führungszeugnis für die Jugendarbeit im Sportverein")
				// tells which of its pages fits, not that a page the
				// asker does not name fits.
				aside[k] = true
				continue
			}
			if r.hit(i, k, q.terms, asked) {
				hitDoc += weight[k]
			}
			if inName[k] {
				hitName += weight[k]
			}
		}
		if total > 0 {
			f[featCoverage] = hitDoc / total
			f[featTitle] = hitName / total
		}
		if total > 0 {
			// Evidence in one place: a statute contains every word
			// somewhere, the paragraph retrieval found holds the
			// question's words or not.
			ps := passageTokens(c)
			hit := 0.0
			for k, s := range asked {
				if !aside[k] && (q.terms.hitIn(ps, s) || inName[k]) {
					hit += weight[k]
				}
			}
			f[featPassage] = hit / total
		}
		var title []string
		if all {
			title = c.titleStems(a)
		}
		if len(title) > 0 {
			n := 0.0
			for _, s := range title {
				switch {
				case q.terms.requester[s]:
				case stems.has[s]:
					n++
				case stemIn(s, stems):
					// Only inside another word of the question:
					// "Zulassungsstelle" names the office, less
					// the "Fahrzeug zulassen" its title says.
					n += 0.5
				}
			}
			f[featTitleFull] = n / float64(len(title))
		}
		if c.named > 0 && !byEvent {
			f[featNamed] = 1
		}
		if c.strong > 0 && !byEvent {
			f[featStrong] = 1
		}
		if c.primary {
			f[featPrimary] = 1
		}
		if len(q.facets) > 0 && all {
			n := 0
			for _, fc := range q.facets {
				if hasSection(c.doc, fc) && !(q.amountOnly && fc == knowledge.FacetKosten) {
					// An amount the asker states ("es kämen 8 Euro
					// raus") asks for no fee: a fee schedule's section
					// is no sign of the answer.
					n++
				}
			}
			f[featFacet] = float64(n) / float64(len(q.facets))
			if facetHolds(c.doc, c.info, q) && !(q.amountOnly && len(q.facets) == 1) {
				f[featFacetTerm] = 1
			}
			typed, answered, asked := 0, 0, 0
			for _, fc := range q.facets {
				if facetValues(fc) == 0 {
					continue
				}
				typed++
				if a.docAnswers(c.doc, c.info, fc) {
					answered++
					if a.answersAsked(c.doc, c.info, fc, q.terms) {
						asked++
					}
				}
			}
			if typed > 0 {
				f[featAnswers] = float64(answered) / float64(typed)
				f[featAnswersAsked] = float64(asked) / float64(typed)
			}
			if c.doc.Kind == knowledge.KindLaw && a.docRunes(*c) > maxBylawRunes {
				// A federal code has a section and a value for every
				// facet somewhere: that says nothing about the question.
				f[featFacetTerm], f[featAnswers] = 0, 0
			}
		}
		if len(q.events) > 0 && !byEvent {
			n := 0.0
			for _, s := range q.events {
				switch {
				case names.match(s):
					n++
				case c.doc.Kind == knowledge.KindLaw && c.headingHolds(s):
					// A statute's paragraph titles name its matters
					// ("§ 4 Ruhezeiten"), less than a title does: a
					// statute has many.
					n += 0.5
				}
			}
			f[featEvent] = n / float64(len(q.events))
		}
		if c.doc.Kind == knowledge.KindNotice {
			f[featNotice] = 1
		}
		if r.aud == knowledge.Employee && c.doc.Audience == knowledge.Employee {
			// An employee's question about the screen lock is about
			// the workplace, not the residents' registration.
			f[featInternal] = 1
		}
		for _, s := range q.sit.words() {
			if !all {
				break // only choosing reads the situation
			}
			if names.match(s) {
				if slices.Contains(q.sit.status, s) {
					// "ich bin arbeitslos gemeldet" and "Arbeitslosengeld".
					f[featStatus] = 1
					continue
				}
				f[featSituation] = 1
			}
		}
		if all && (q.sit.renew || q.sit.first) {
			// "meine Parkvignette läuft aus, kann ich sie verlängern"
			// asks the renewal's page, not the first issue's.
			renew, first := a.titlePhase(c.doc)
			switch {
			case q.sit.renew && renew || q.sit.first && first:
				f[featPhase] = 1
			case q.sit.renew && first || q.sit.first && renew:
				f[featPhase] = -1
			}
		}
		if all && len(q.dates) > 0 && namesDay(c.info.daysOf(c.doc), q.dates) {
			// "am 17. Dezember" and the notice of that day's closure.
			f[featDate] = 1
		}
		for k, s := range asked {
			// "Gewerbeabmeldung" in the question and in two of eight
			// documents says more than its share of the words.
			if len(s) >= minDistinctLen && weight[k] >= 0.5 && c.tokens[s] && !officeStem(s) {
				// (An office, "Stadtverwaltung", says where, not what:
				// the page that happens to name it is no better for it.)
				f[featDistinct] = 1
				break
			}
		}
		c.feat = f
	}
	if !all {
		return
	}
	// A document that only points to another ("siehe „Verlust des
	// Personalausweises melden“") is not the answer when the question
	// names that other one better.
	for i := range r.cands {
		for j := range r.cands {
			if i != j && r.cands[j].feat[featTitle] > r.cands[i].feat[featTitle] && r.cands[i].info.runes <= maxReferringRunes && r.cands[i].info.refersTo(r.cands[i].doc, r.cands[j].doc.Title) {
				r.cands[i].feat[featRefTitle] = 1
			}
		}
	}
}

// titlePhase reports whether d's title speaks of a renewal
// ("Passverlängerung", "Verlängerung") or of a first time ("erstmalige
// Ausstellung").
func (a *Assistant) titlePhase(d knowledge.Document) (renew, first bool) {
	for _, w := range words(d.Title) {
		ws := []string{w}
		renew = renew || a.lex.match("situation_renew", ws)
		first = first || a.lex.match("situation_first", ws)
	}
	return renew, first
}

// refersTo reports whether d mentions the title of another document in
// its text; a list of links to related pages does not count.
func refersTo(d knowledge.Document, title string) bool {
	if len(title) < 8 {
		return false
	}
	for _, s := range d.Sections {
		if strings.Contains(s.Text, title) && !navigation(s.Text) {
			return true
		}
	}
	return false
}

// maxReferringRunes is the longest document checked for references to
// others: a page that says "siehe …" is short; a statute is not checked.
const maxReferringRunes = 20000

// passageTokens returns the stems of the sections that hold c's retrieved
// passages, with their headings.
//
// The stems of each text come from the document's memo (docInfo); the
// result may be that memo's map, so callers must not change it.
func passageTokens(c *candidate) stemSet {
	type text struct{ section, heading, text string }
	var keys [3]text
	n := 0
	for i, p := range c.passages {
		if i >= 3 || slices.ContainsFunc(keys[:n], func(k text) bool { return k.section == p.Section }) {
			continue
		}
		k := text{section: p.Section, heading: p.Section, text: p.Text}
		if s, ok := sectionOf(c.doc, p); ok && (len(s.Text) <= 4*maxBlockRunes || runeLen(s.Text) <= 4*maxBlockRunes) {
			k.heading, k.text = s.Heading, s.Text
		}
		keys[n] = k
		n++
	}
	if n == 1 && c.info != nil {
		return c.info.passageStems(keys[0].heading, keys[0].text)
	}
	out := map[string]bool{}
	for _, k := range keys[:n] {
		if c.info != nil {
			for _, s := range c.info.passageStems(k.heading, k.text).list {
				out[s] = true
			}
			continue
		}
		for _, w := range words(k.heading + " " + k.text) {
			out[stem(w)] = true
		}
	}
	return newStemSet(out)
}

// titleStems is a.titleStems(c.doc), from the document's memo when there
// is one.
func (c candidate) titleStems(a *Assistant) []string {
	if c.info != nil {
		return c.info.title
	}
	return a.titleStems(c.doc)
}

// titleStems returns the stems of the title's words that can name a
// service: no noise words, at least three letters.
func (a *Assistant) titleStems(d knowledge.Document) []string {
	var out []string
	for _, w := range words(d.Title) {
		if a.lex.has("noise", w) || len([]rune(w)) < 3 {
			continue
		}
		out = append(out, stem(w))
	}
	return out
}

// headingHolds reports whether a section heading of c's document holds
// the stem s (a paragraph title of a statute).
func (c candidate) headingHolds(s string) bool {
	if c.info == nil {
		return false
	}
	for _, h := range c.info.headings {
		if tokenMatch(h, s) {
			return true
		}
	}
	return false
}

// stemIn reports whether s is among the question's stems, or hides in one
// of its compounds ("ausweis" in "personalausweisverlust").
func stemIn(s string, stems stemSet) bool {
	if stems.has[s] {
		return true
	}
	if len(s) < 5 {
		return false
	}
	for _, w := range stems.list {
		// A word shorter by more than two bytes neither holds s nor
		// nearly is it.
		if len(w)+2 >= len(s) && (strings.Contains(w, s) || nearMiss(w, s)) {
			return true
		}
	}
	return false
}

func nameTokens(names [][]string) map[string]bool {
	out := map[string]bool{}
	for _, n := range names {
		for _, s := range n {
			out[s] = true
		}
	}
	return out
}

// choice is the outcome of choosing: the candidates ordered by score.
type choice struct {
	order []int // indexes into retrieval.cands, best first
	score []float64
}

// choose scores every candidate with w and orders them, best first; ties
// keep the retrieval order. Candidates that are not relevant to the
// question come last.
func (r *retrieval) choose(w Weights) choice {
	v := w.vector()
	ch := choice{score: make([]float64, len(r.cands))}
	for i, c := range r.cands {
		s := 0.0
		for k, f := range c.feat {
			s += v[k] * f
		}
		ch.score[i] = s
		ch.order = append(ch.order, i)
	}
	sort.SliceStable(ch.order, func(x, y int) bool {
		a, b := ch.order[x], ch.order[y]
		ra, rb := r.cands[a].relevantTo(), r.cands[b].relevantTo()
		if ra != rb {
			return ra
		}
		return ch.score[a] > ch.score[b]
	})
	return ch
}

// relevantTo reports whether the candidate can answer at all: the question
// names it, states a life event it is about, or most of the question's
// words are in it, or it is retrieval's first and its retrieved passage
// holds a good share of them.
func (c candidate) relevantTo() bool {
	return c.relevant() || c.feat[featEvent] > 0 || c.feat[featDistinct] > 0 || (c.rank == 0 && c.feat[featPassage] >= minPassageShare) ||
		// Retrieval's first document answers the facet asked with a
		// value in a sentence that holds the question's own words
		// ("was kostet so eine Anfrage" and "Bauvoranfrage: 150,00 Euro
		// bis 1500,00 Euro").
		(c.rank == 0 && c.feat[featFacetTerm] > 0 && c.feat[featAnswersAsked] > 0)
}

// minDistinctLen is the length of a stem long enough to be a specific
// compound ("gewerbeabmeld") rather than a common word.
const minDistinctLen = 10

// minPassageShare is the share of the question's words retrieval's first
// passage must hold to count as relevant on its own.
const minPassageShare = 0.3

// aboveWithFacet returns the best-scored candidate that scores above
// candidate i, is no notice and has a section for every facet asked
// (relevant or not); -1 when there is none.
func (ch choice) aboveWithFacet(r retrieval, i int) int {
	best := -1
	for j, c := range r.cands {
		if ch.score[j] <= ch.score[i] || c.doc.Kind == knowledge.KindNotice || c.feat[featFacet] != 1 {
			continue
		}
		if best < 0 || ch.score[j] > ch.score[best] {
			best = j
		}
	}
	return best
}

// best returns the chosen candidate, or -1 when none is relevant.
func (ch choice) best(r retrieval) int {
	if len(ch.order) == 0 || !r.cands[ch.order[0]].relevantTo() {
		return -1
	}
	return ch.order[0]
}

// trace returns the candidates with their features, for tuning.
func (r retrieval) trace() []ChoiceCandidate {
	out := make([]ChoiceCandidate, 0, len(r.cands))
	for _, c := range r.cands {
		out = append(out, ChoiceCandidate{DocID: c.doc.ID, Features: c.feat, Relevant: c.relevantTo()})
	}
	return out
}

// maxClarifyWords is the longest question, in content words, that may get
// an either/or question back.
const maxClarifyWords = 3

// clarifyMargin is how close, in score, a second candidate must come to the
// first for an either/or question.
const clarifyMargin = 0.02

// rival returns a second candidate worth an either/or question, or -1: the
// two are close in score, both relevant, of the same kind, the question
// names neither more than the other, and both carry the question's key
// term in their names.
func (ch choice) rival(r retrieval, q question, w Weights) int {
	if len(ch.order) < 2 {
		return -1
	}
	i, j := ch.order[0], ch.order[1]
	a, b := r.cands[i], r.cands[j]
	if !a.relevantTo() || !b.relevantTo() || a.doc.Kind != b.doc.Kind || a.doc.Title == b.doc.Title {
		return -1
	}
	// Close on what the question says: the retriever's order alone
	// does not tell two services apart that the question names alike.
	sa, sb := questionScore(a, w), questionScore(b, w)
	if sb < sa-clarifyMargin*math.Max(1, math.Abs(sa)) {
		return -1
	}
	if !sameNames(a, b) || a.feat[featTitleFull] != b.feat[featTitleFull] {
		return -1
	}
	// A question of more than a few words says enough to answer from the
	// better candidate.
	if len(q.terms.content) > maxClarifyWords {
		return -1
	}
	key := keyTerm(r, q)
	if key == "" || !namesKey(a, key) || !namesKey(b, key) {
		return -1
	}
	if len(q.facets) > 0 && (sameFacetText(a.doc, b.doc, q.facets) || !hasFacet(a.doc, q.facets) || !hasFacet(b.doc, q.facets)) {
		// Asking back is worth it only when both have an answer and the
		// answers differ.
		return -1
	}
	return j
}

// namesKey reports whether one of c's names is the key term, or holds it
// as a part of a compound long enough to be one ("ausweis" in
// "personalausweis"); a short word inside another ("perso" in
// "persönlich") is none.
func namesKey(c candidate, key string) bool {
	names := c.nameTok()
	if names.has[key] {
		return true
	}
	return len(key) >= minCompoundPart && names.match(key)
}

// minCompoundPart is the shortest key term looked for inside a name.
const minCompoundPart = 6

// questionScore is c's score without the retrieval rank and score.
func questionScore(c candidate, w Weights) float64 {
	v := w.vector()
	s := 0.0
	for k, f := range c.feat {
		if k != featRank && k != featScore {
			s += v[k] * f
		}
	}
	return s
}

// keyTerm is the question's most distinctive content word: the one found
// in the fewest candidates' names, among those found in some.
func keyTerm(r retrieval, q question) string {
	best, bestDF := "", math.MaxInt
	for _, s := range q.terms.content {
		df := 0
		for _, c := range r.cands {
			if c.nameTok().match(s) {
				df++
			}
		}
		if df > 0 && df < bestDF {
			best, bestDF = s, df
		}
	}
	return best
}

// facetHolds reports whether a section of a facet q asks for holds one of
// q's content words: "Wann hat das Bürgeramt auf?" is answered by a
// service whose Zuständigkeit names the Bürgerbüro, not by a notice about
// it.
func facetHolds(d knowledge.Document, info *docInfo, q question) bool {
	for i, s := range d.Sections {
		if !containsFacet(q.facets, s.Facet) {
			continue
		}
		tokens := info.sectionTokens(i)
		for _, c := range q.terms.content {
			if q.terms.hitIn(tokens, c) {
				return true
			}
		}
	}
	return false
}

// reason names the features by which candidate i beat candidate j, largest
// weighted difference first: "title +0.75, facet_term +1.50".
func (ch choice) reason(r retrieval, i, j int, w Weights) string {
	v := w.vector()
	type diff struct {
		name string
		d    float64
	}
	var ds []diff
	for k := range numFeatures {
		if d := v[k] * (r.cands[i].feat[k] - r.cands[j].feat[k]); d > 0.005 {
			ds = append(ds, diff{FeatureNames[k], d})
		}
	}
	sort.Slice(ds, func(a, b int) bool { return ds[a].d > ds[b].d })
	var parts []string
	for k, d := range ds {
		if k == 3 {
			break
		}
		parts = append(parts, fmt.Sprintf("%s +%.2f", d.name, d.d))
	}
	return strings.Join(parts, ", ")
}

// minOwnCoverage is the share of the asker's words a document must hold
// to be what the asker's own words are about.
const minOwnCoverage = 0.4

// ownWordsElsewhere reports whether the asker's own words point away
// from the documents a life event leads to without naming a service:
// "neu hergezogen … ein Auto mit altem Kennzeichen, muss ich das
// ändern" is about the car. The documents the event names hold none of
// the asker's words, and another document holds a good share of them.
func ownWordsElsewhere(r *retrieval, q question) bool {
	if len(q.events) == 0 || len(q.terms.content) < 3 {
		return false
	}
	byEvent, other := false, false
	for _, c := range r.cands {
		names, n := c.nameTok(), 0
		for _, s := range q.events {
			if names.match(s) {
				n++
			}
		}
		evented := n*2 > len(q.events)
		switch {
		case evented && c.coverage > 0:
			return false
		case evented:
			byEvent = true
		case c.coverage >= minOwnCoverage && c.relevant():
			other = true
		}
	}
	return byEvent && other
}
