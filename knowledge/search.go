// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Retrieval tuning. rrfK is the usual constant of reciprocal rank fusion;
// fusedFacetBoost lifts chunks of the facet the question asks for when a
// document's representative chunk is chosen, in every mode.
const (
	rrfK            = 60
	minCandidates   = 50
	titleBoost      = 1.5
	fusedFacetBoost = 1.1
	maxK            = 50
)

type scored struct {
	chunk int
	score float64
}

// search runs one query against this index generation. aud is Citizen or
// Employee; the audience filter is part of both index queries, so chunks a
// citizen may not read are never scored, let alone returned.
func (ix *index) search(ctx context.Context, q Query, aud Audience, k int, mode Mode, embed EmbedFunc, offline *offlineEmbedder, dt denseTuning) ([]Passage, error) {
	if len(ix.chunks) == 0 {
		return nil, nil
	}
	n := max(minCandidates, 4*k)
	terms, extra := ix.queryTerms(q.Text)
	if strings.TrimSpace(q.Context) != "" {
		// The situation's words widen the search; the question's own
		// words decide ("umgezogen, Perso verlängern" is about the Perso).
		ct, cx := ix.queryTerms(q.Context)
		for t, w := range ct {
			terms[t] = max(terms[t], w*weightContext)
		}
		extra = append(append(extra, strings.Fields(q.Context)...), cx...)
	}

	// The fused score per chunk, in a scratch array over all chunks; the
	// chunks with a score are listed in touched. The scratch also lends
	// its storage to the candidate lists of this search.
	fs := ix.fusion()
	defer ix.releaseFusion(fs)

	var lexHits, denseHits []scored
	if mode != ModeDense && len(terms) > 0 {
		var err error
		if lexHits, err = ix.lexSearchInto(ctx, ix.pruneCommon(terms), aud, n, fs.lex); err != nil {
			return nil, err
		}
		if cap(lexHits) > cap(fs.lex) {
			fs.lex = lexHits[:0]
		}
	}
	if mode != ModeLexical {
		// The dense query is the question's topic: its facet words would
		// pull the same section of every service (the facet boost below
		// takes care of the facet).
		text := q.Text
		if len(extra) > 0 {
			text += "\n" + strings.Join(extra, " ")
		}
		if q.Facet != FacetNone {
			text = withoutFacetCues(text)
		}
		var err error
		if denseHits, err = ix.denseSearch(ctx, text, aud, n, embed, offline, fs); err != nil {
			return nil, err
		}
		if cap(denseHits) > cap(fs.dense) {
			fs.dense = denseHits[:0]
		}
		if mode == ModeHybrid && dt.floor > 0 {
			// Below the floor, the dense retriever may still confirm a
			// lexical hit but not bring in a chunk of its own.
			for _, h := range lexHits {
				fs.inLex[h.chunk] = true
			}
			denseHits = slices.DeleteFunc(denseHits, func(s scored) bool { return s.score < dt.floor && !fs.inLex[s.chunk] })
			for _, h := range lexHits {
				fs.inLex[h.chunk] = false
			}
		}
	}

	add := func(c int, v float64, assign bool) {
		if !fs.has[c] {
			fs.has[c] = true
			fs.touched = append(fs.touched, int32(c))
		}
		if assign {
			fs.fused[c] = v
		} else {
			fs.fused[c] += v
		}
	}
	switch mode {
	case ModeLexical:
		for _, h := range lexHits {
			add(h.chunk, h.score, true)
		}
	case ModeDense:
		for _, h := range denseHits {
			add(h.chunk, h.score, true)
		}
	default:
		for r, h := range lexHits {
			add(h.chunk, 1/float64(rrfK+r+1), false)
		}
		for r, h := range denseHits {
			add(h.chunk, dt.weight/float64(rrfK+r+1), false)
		}
	}
	// Documents are ranked by their best chunk; the facet only chooses
	// which of a document's chunks represents it, so that "Was kostet ein
	// Reisepass" finds the Reisepass first and then its Kosten section,
	// rather than the Kosten section of some other pass. The result does
	// not depend on the order in which the chunks are visited.
	aggs := fs.aggs[:0]
	defer func() { fs.aggs = aggs[:0] }()
	for _, c32 := range fs.touched {
		c := int(c32)
		s := fs.fused[c]
		if !ix.docs[ix.chunks[c].Doc].Audience.VisibleTo(aud) {
			continue // unreachable through the index filters; kept as a last guard
		}
		boosted := s
		if q.Facet != FacetNone && ix.chunks[c].Facet == q.Facet {
			boosted *= fusedFacetBoost
		}
		d := ix.chunks[c].Doc
		ai := fs.docAgg[d] - 1
		if ai < 0 {
			aggs = append(aggs, docAgg{rank: s, best: c, bestScore: boosted})
			fs.docAgg[d] = int32(len(aggs))
			fs.docs = append(fs.docs, int32(d))
			continue
		}
		a := &aggs[ai]
		a.rank = max(a.rank, s)
		if boosted > a.bestScore || (boosted == a.bestScore && c < a.best) {
			a.best, a.bestScore = c, boosted
		}
	}
	ranked := fs.ranked[:0]
	defer func() { fs.ranked = ranked[:0] }()
	for _, a := range aggs {
		ranked = append(ranked, scored{a.best, a.rank})
	}
	// Equal scores: by DocID (ranked holds one chunk per document).
	slices.SortFunc(ranked, func(a, b scored) int {
		if a.score != b.score {
			if a.score > b.score {
				return -1
			}
			return 1
		}
		return strings.Compare(ix.docs[ix.chunks[a.chunk].Doc].ID, ix.docs[ix.chunks[b.chunk].Doc].ID)
	})
	if mode == ModeHybrid {
		var keep []int
		if lead, ok := ix.clearLead(lexHits); ok {
			keep = append(keep, lead)
		}
		keep = ix.rareHolders(ctx, terms, aud, keep)
		kDocs := k
		if q.Facet != FacetNone {
			kDocs-- // collapse may give the first document two passages
		}
		keepAmongK(ranked, keep, ix, kDocs)
	}
	return ix.collapse(ranked, q.Facet, k), nil
}

// rareHolders appends to keep the document whose chunk scores best for
// the rarest word the asker wrote, when that word stands in at most a
// handful of chunks: a product or form name ("Formular K-17",
// "AktenPro") says more than the everyday words around it, which the
// fusion may rank higher. A long compound among the rare words
// ("Stadtbibliothek" beside "Arbeit" in "nach der Arbeit in die
// Stadtbibliothek") names the matter more surely than the rarest word,
// which may be an everyday one that few chunks happen to hold; its
// document is kept too.
func (ix *index) rareHolders(ctx context.Context, terms map[string]float64, aud Audience, keep []int) []int {
	limit := max(rareChunks, len(ix.chunks)/1000)
	rare, df, long, common := "", 0, "", 0
	for t, w := range terms {
		n := ix.vocab.df[t]
		if w >= weightOriginal && n > limit {
			common++
		}
		if w < weightOriginal || n == 0 || n > limit {
			continue
		}
		if rare == "" || n < df || n == df && t < rare {
			rare, df = t, n
		}
		if utf8.RuneCountInString(t) >= minRareCompound && (long == "" || len(t) > len(long) || len(t) == len(long) && t < long) {
			long = t
		}
	}
	if rare == "" || common == 0 {
		// A rare word among none that are common ("ich bin umgezogen")
		// is the whole question; the fusion ranks it as it is.
		return keep
	}
	if long == rare {
		long = ""
	}
	for _, t := range []string{rare, long} {
		if t == "" {
			continue
		}
		hits, err := ix.lexSearch(ctx, map[string]float64{t: 1}, aud, 1)
		if err != nil || len(hits) == 0 {
			continue
		}
		if d := ix.chunks[hits[0].chunk].Doc; !slices.Contains(keep, d) {
			keep = append(keep, d)
		}
	}
	return keep
}

// minRareCompound is the length of a rare word long enough to be a
// compound that names a matter ("stadtbibliothek").
const minRareCompound = 12

// rareChunks is the most chunks a word may stand in to count as rare in a
// small index; larger ones allow one in a thousand.
const rareChunks = 3

// clearLeadRatio is how far the lexical retriever's best document must
// score above the next document's best chunk to keep a place among the k
// whatever the fusion says.
const clearLeadRatio = 1.5

// clearLead returns the document of the lexical ranking's first chunk when
// it scores clearly above every other document's chunks.
func (ix *index) clearLead(lex []scored) (int, bool) {
	if len(lex) == 0 {
		return 0, false
	}
	lead := ix.chunks[lex[0].chunk].Doc
	for _, h := range lex[1:] {
		if ix.chunks[h.chunk].Doc != lead {
			return lead, lex[0].score >= clearLeadRatio*h.score
		}
	}
	return lead, true
}

// keepAmongK moves the documents keep, most important first, into the
// first k places of ranked when they rank lower, taking the last places
// not already held by one of them. Fusion by rank can bury the one
// document that holds the question's rare words under documents both
// retrievers rank middling (the offline embedder finds similar
// boilerplate everywhere); the choice of the answer then weighs it with
// the others.
func keepAmongK(ranked []scored, keep []int, ix *index, k int) {
	k = min(k, len(ranked))
	docAt := func(i int) int { return ix.chunks[ranked[i].chunk].Doc }
	var moved []int // positions beyond k to bring in
	var keptBuf [2]int
	kept := keptBuf[:0] // the kept documents: a handful, so a list
	for _, d := range keep {
		i := slices.IndexFunc(ranked, func(r scored) bool { return ix.chunks[r.chunk].Doc == d })
		switch {
		case i < 0 || slices.Contains(kept, d):
		case i < k:
			kept = append(kept, d)
		default:
			kept = append(kept, d)
			moved = append(moved, i)
		}
	}
	if len(moved) == 0 {
		return
	}
	// The last places of the first k that no kept document holds give way.
	var dropBuf [64]bool
	var dropped []bool
	if k <= len(dropBuf) {
		dropped = dropBuf[:k]
	} else {
		dropped = make([]bool, k)
	}
	drop := len(moved)
	for i := k - 1; i >= 0 && drop > 0; i-- {
		if !slices.Contains(kept, docAt(i)) {
			dropped[i] = true
			drop--
		}
	}
	// The first k without the dropped, the moved, the dropped, the rest.
	rest := make([]scored, 0, len(ranked))
	for i := range k {
		if !dropped[i] {
			rest = append(rest, ranked[i])
		}
	}
	for _, i := range moved {
		rest = append(rest, ranked[i])
	}
	for i := range k {
		if dropped[i] {
			rest = append(rest, ranked[i])
		}
	}
	for i := k; i < len(ranked); i++ {
		if !slices.Contains(moved, i) {
			rest = append(rest, ranked[i])
		}
	}
	copy(ranked, rest)
}

// fusionScratch is one search's scratch space over the chunks and
// documents of a generation; every entry is back at its zero value when
// it returns to the pool.
type fusionScratch struct {
	fused   []float64 // per chunk
	has     []bool    // per chunk: fused holds a score
	inLex   []bool    // per chunk: a lexical hit (hybrid floor)
	touched []int32   // chunks with has set
	docAgg  []int32   // per document: 1 + index of its aggregate, 0 for none
	docs    []int32   // documents with docAgg set

	// Storage lent to one search, its contents left as they are.
	lex, dense, ranked []scored
	aggs               []docAgg
	query              []float32 // the normalised query vector
}

// docAgg is a document's aggregate in the fusion: documents are ranked by
// their best chunk.
type docAgg struct {
	rank      float64 // best unboosted chunk score
	best      int     // best chunk after the facet boost
	bestScore float64
}

func (ix *index) fusion() *fusionScratch {
	if fs, ok := ix.fusionPool.Get().(*fusionScratch); ok {
		return fs
	}
	return &fusionScratch{
		fused: make([]float64, len(ix.chunks)), has: make([]bool, len(ix.chunks)),
		inLex: make([]bool, len(ix.chunks)), docAgg: make([]int32, len(ix.docs)),
	}
}

func (ix *index) releaseFusion(fs *fusionScratch) {
	for _, c := range fs.touched {
		fs.fused[c], fs.has[c] = 0, false
	}
	for _, d := range fs.docs {
		fs.docAgg[d] = 0
	}
	fs.touched, fs.docs = fs.touched[:0], fs.docs[:0]
	ix.fusionPool.Put(fs)
}

// collapse turns documents, ranked and each with its best chunk, into
// passages. When the question asks
// for a facet and the best document has a chunk of that facet, that chunk
// comes first and the document's best chunk, if different, second.
func (ix *index) collapse(ranked []scored, facet Facet, k int) []Passage {
	if len(ranked) == 0 {
		return nil
	}
	out := make([]Passage, 0, max(1, min(k, len(ranked)+1)))
	for _, r := range ranked {
		d := ix.chunks[r.chunk].Doc
		if len(out) == 0 && facet != FacetNone && ix.chunks[r.chunk].Facet != facet {
			for _, c := range ix.byDoc[d] {
				if ix.chunks[c].Facet == facet {
					out = append(out, ix.passage(c, r.score))
					break
				}
			}
		}
		out = append(out, ix.passage(r.chunk, r.score))
		if len(out) >= k {
			break
		}
	}
	if len(out) > k {
		out = out[:k]
	}
	return out
}

func (ix *index) passage(c int, score float64) Passage {
	ch := &ix.chunks[c]
	d := &ix.docs[ch.Doc]
	return Passage{
		DocID:    d.ID,
		Title:    d.Title,
		Section:  ch.Section,
		Facet:    ch.Facet,
		Text:     ch.Text,
		URL:      d.URL,
		Audience: d.Audience,
		Kind:     d.Kind,
		Lang:     d.Lang,
		Updated:  d.Updated,
		Score:    score,
	}
}

// Terms in more than commonShare of all chunks are dropped from lexical
// queries over indexes of at least commonMinChunks chunks: they add almost
// nothing to BM25 (low idf) but make the disjunction walk long posting
// lists. At least two terms always stay.
const (
	commonShare     = 0.12
	commonMinChunks = 2000
)

func (ix *index) pruneCommon(terms map[string]float64) map[string]float64 {
	n := len(ix.chunks)
	if n < commonMinChunks {
		return terms
	}
	limit := int(commonShare * float64(n))
	kept := map[string]float64{}
	for t, w := range terms {
		if ix.vocab.df[t] <= limit {
			kept[t] = w
		}
	}
	if len(kept) >= 2 || len(kept) == len(terms) {
		return kept
	}
	// Keep the two rarest terms.
	keys := make([]string, 0, len(terms))
	for t := range terms {
		keys = append(keys, t)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if d := ix.vocab.df[a] - ix.vocab.df[b]; d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	for _, t := range keys[:min(2, len(keys))] {
		kept[t] = terms[t]
	}
	return kept
}

// lexSearchBleve runs the lexical query through bleve. Searches use
// lexSearch, which scores the same query from cached postings;
// TestLexScoreMatchesBleve checks that both rank alike.
func (ix *index) lexSearchBleve(ctx context.Context, terms map[string]float64, aud Audience, n int) ([]scored, error) {
	keys := make([]string, 0, len(terms))
	for t := range terms {
		keys = append(keys, t)
	}
	slices.Sort(keys)
	var should []query.Query
	for _, t := range keys {
		w := terms[t]
		bq := bleve.NewTermQuery(t)
		bq.SetField(fieldBody)
		bq.SetBoost(w)
		tq := bleve.NewTermQuery(t)
		tq.SetField(fieldTitle)
		tq.SetBoost(w * titleBoost)
		should = append(should, bq, tq)
	}
	bq := bleve.NewBooleanQuery()
	bq.AddMust(bleve.NewDisjunctionQuery(should...))
	if aud != Employee {
		vq := bleve.NewTermQuery(string(Citizen))
		vq.SetField(fieldVis)
		bq.AddFilter(vq)
	}
	// bleve numbers documents in the order its batch (a map) yields them,
	// so from one build to the next, hits with equal scores come out in a
	// different order and the sums of a chunk's term scores differ in the
	// last bit. Scores are therefore rounded to float32 precision (far
	// below any real difference between BM25 scores) and more hits than
	// needed are fetched and sorted by score and chunk; when the last of
	// the n kept ties with the least fetched, the query is repeated for
	// more, so that no tied chunk is cut off by bleve's order.
	size := n + tieMargin
	for {
		req := bleve.NewSearchRequestOptions(bq, size, 0, false)
		req.Fields = nil
		req.IncludeLocations = false
		res, err := ix.lex.SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("knowledge: lexical search: %w", err)
		}
		out := make([]scored, 0, len(res.Hits))
		least := math.Inf(1)
		for _, h := range res.Hits {
			score := float64(float32(h.Score))
			least = min(least, score)
			c, err := strconv.Atoi(h.ID)
			if err != nil || c < 0 || c >= len(ix.chunks) {
				continue
			}
			out = append(out, scored{c, score})
		}
		sortByChunk(out)
		if len(out) <= n {
			return out, nil
		}
		if uint64(len(res.Hits)) >= res.Total || out[n-1].score > least {
			return out[:n], nil
		}
		size *= 2
	}
}

// denseSearch returns the n chunks nearest to text, in the storage fs
// lends (nil for none).
func (ix *index) denseSearch(ctx context.Context, text string, aud Audience, n int, embed EmbedFunc, offline *offlineEmbedder, fs *fusionScratch) ([]scored, error) {
	if ix.dense == nil || ix.dense.dim == 0 {
		return nil, nil
	}
	if offline != nil && fs != nil && offline.dim == ix.dense.dim {
		// The offline embedder writes into the scratch; its vector is
		// normalised again as any embedder's is below.
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("knowledge: embedding query: %w", err)
		}
		q := slices.Grow(fs.query[:0], offline.dim)[:offline.dim]
		clear(q)
		fs.query = normalize(offline.embedInto(q, text))
		return ix.dense.searchInto(ctx, fs.query, aud == Employee, n, fs.dense)
	}
	qv, err := embed(ctx, text)
	if err != nil {
		return nil, fmt.Errorf("knowledge: embedding query: %w", err)
	}
	if len(qv) != ix.dense.dim {
		return nil, fmt.Errorf("knowledge: query embedding has %d dimensions, index has %d", len(qv), ix.dense.dim)
	}
	var dst []scored
	if fs != nil {
		// The embedder's vector may be its own: normalise a copy.
		fs.query = normalize(append(fs.query[:0], qv...))
		qv, dst = fs.query, fs.dense
	} else {
		qv = normalize(slices.Clone(qv))
	}
	return ix.dense.searchInto(ctx, qv, aud == Employee, n, dst)
}
