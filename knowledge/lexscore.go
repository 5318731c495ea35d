// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"sync"

	"github.com/blevesearch/bleve/v2/search"
	bleveapi "github.com/blevesearch/bleve_index_api"
)

// Lexical queries are scored here, from bleve's own postings, rather than
// by running a bleve query per question. A question is a disjunction of
// 20–30 term queries (each stem in the body and the title field); for
// every one bleve opened a term reader on every segment, built a searcher
// and a scorer, and walked them all through a heap of document matches
// from a pool, then a top-N collector: on the bundled base (389 chunks)
// that was about 120 µs and 60 KB of garbage per query, a fifth of the
// CPU of a whole answer over REST. The postings of one term in one field
// never change within an index generation, so they are read from bleve
// once (the document numbers, frequencies and norms bleve scores with) and
// kept; a query then adds up the same BM25 terms bleve would, in the same
// order and with the same formulas, over a scratch array.
//
// The query this scores is the one lexSearchBleve sends: a boolean query
// whose must clause is the disjunction of one term query per stem and
// field (body with the stem's weight as boost, title with weight ×
// titleBoost), filtered for citizens by the term "citizen" in the vis
// field. For it, bleve's score of a chunk is
//
//	coord × Σ over the matching term queries of bm25 × queryWeight
//
// with bm25 = idf·(tf·k1) / (tf + k1·(1 − b + b·fieldLength/avgLength)),
// tf = √freq, fieldLength = 1/norm², idf = ln(1 + (N − n + 0.5)/(n + 0.5))
// (N documents, n of them with the term in the field), avgLength the
// field's dictionary cardinality over N rounded up, queryWeight =
// boost·idf·queryNorm, queryNorm = 1/√Σ(boost·idf)² over all term queries
// (those of absent terms included) and coord = matching/all term queries.
// The filter does not score. These are the formulas of bleve v2.6.3
// (search/scorer, search/searcher); TestLexScoreMatchesBleve runs every
// query both ways (lexSearchBleve keeps the bleve query) on the bundled
// base, built and loaded from disk, a synthetic corpus and the shared
// corpus, and must stay green through a bleve upgrade. The ranking rounds
// scores to float32 anyway, far above the last bits in which a different
// order of the sum could differ.

// maxCachedPostings bounds the postings one generation keeps (12 bytes
// each, at most 48 MiB); past it the cache is emptied and refilled by
// later queries.
const maxCachedPostings = 4 << 20

// postings are one term's postings in one field: per posting the chunk
// and the term's score in it before the query's weight, which depends on
// nothing else (scoreTerm). read leaves score nil; get fills it in.
type postings struct {
	docTerm uint64 // documents with the term in the field, as bleve counts them
	chunk   []int32
	freq    []uint32  // the term's frequency in the chunk (read)
	norm    []float32 // bleve's norm of the field (a float32 in bleve's segments too, so nothing is lost)
	idf     float64
	score   []float64
}

// scoreTerms sets p's idf and the score of each posting as bleve's
// TermQueryScorer computes them for a term query over field, so that a
// query only weighs and adds them; the frequencies and norms are no longer
// needed then. The postings stay 12 bytes each.
func (ls *lexScorer) scoreTerms(p *postings, field string) {
	avg := ls.avgLen[field]
	bm25 := avg > 0
	if bm25 {
		p.idf = math.Log(1 + (float64(ls.docTotal)-float64(p.docTerm)+0.5)/
			(float64(p.docTerm)+0.5))
	} else {
		p.idf = 1.0 + math.Log(float64(ls.docTotal)/float64(p.docTerm+1.0))
	}
	p.score = make([]float64, len(p.chunk))
	for i := range p.chunk {
		tf := math.Sqrt(float64(p.freq[i]))
		norm := float64(p.norm[i])
		if bm25 {
			fieldLength := 1 / (norm * norm)
			p.score[i] = p.idf * (tf * search.BM25_k1) /
				(tf + search.BM25_k1*(1-search.BM25_b+(search.BM25_b*fieldLength/avg)))
		} else {
			p.score[i] = tf * norm * p.idf
		}
	}
	p.freq, p.norm = nil, nil
}

// lexScorer holds one generation's lexical statistics and postings.
type lexScorer struct {
	once     sync.Once
	err      error
	docTotal uint64
	avgLen   map[string]float64 // per field; 0 means bleve would score tf-idf
	citizen  []bool             // per chunk: visible to citizens per the vis field

	mu     sync.RWMutex
	cache  map[string]*postings // by field + "\x00" + term
	cached int                  // postings held in cache
	limit  int                  // most postings held; 0 means maxCachedPostings (tests lower it)

	scratch sync.Pool // *lexScratch
}

// lexScratch is one query's accumulator over all chunks.
type lexScratch struct {
	sum     []float64
	matched []int32
	touched []int32
	keys    []uint64    // the rank keys' storage (topNWith)
	terms   []string    // the query's terms, sorted
	clauses []lexClause // the query's term queries
}

func (ls *lexScorer) init(ix *index) {
	ls.once.Do(func() { ls.err = ls.load(ix) })
}

// load reads the statistics bleve's BM25 scoring uses and the citizen
// filter's postings.
func (ls *lexScorer) load(ix *index) error {
	adv, err := ix.lex.Advanced()
	if err != nil {
		return err
	}
	r, err := adv.Reader()
	if err != nil {
		return err
	}
	defer r.Close()
	if ls.docTotal, err = r.DocCount(); err != nil {
		return err
	}
	ls.avgLen = map[string]float64{}
	for _, f := range []string{fieldBody, fieldTitle} {
		card := 0
		if br, ok := r.(bleveapi.BM25Reader); ok {
			if card, err = br.FieldCardinality(f); err != nil {
				return err
			}
		}
		if ls.docTotal == 0 && card == 0 {
			ls.avgLen[f] = 0
			continue
		}
		ls.avgLen[f] = math.Ceil(float64(card) / float64(ls.docTotal))
	}
	ls.citizen = make([]bool, len(ix.chunks))
	vis, err := ls.read(context.Background(), ix, r, fieldVis, string(Citizen))
	if err != nil {
		return err
	}
	for _, c := range vis.chunk {
		ls.citizen[c] = true
	}
	ls.cache = map[string]*postings{}
	ls.scratch.New = func() any {
		return &lexScratch{sum: make([]float64, len(ix.chunks)), matched: make([]int32, len(ix.chunks))}
	}
	return nil
}

// read reads one term's postings in one field from bleve.
func (ls *lexScorer) read(ctx context.Context, ix *index, r bleveapi.IndexReader, field, term string) (*postings, error) {
	tfr, err := r.TermFieldReader(ctx, []byte(term), field, true, true, false)
	if err != nil {
		return nil, err
	}
	defer tfr.Close()
	p := &postings{docTerm: tfr.Count()}
	var tfd bleveapi.TermFieldDoc
	for {
		d, err := tfr.Next(&tfd)
		if err != nil {
			return nil, err
		}
		if d == nil {
			break
		}
		id, err := r.ExternalID(d.ID)
		if err != nil {
			return nil, err
		}
		c, err := strconv.Atoi(id)
		if err != nil || c < 0 || c >= len(ix.chunks) {
			continue
		}
		if d.Freq > math.MaxUint32 || float64(float32(d.Norm)) != d.Norm {
			return nil, fmt.Errorf("posting of %q in %s: frequency %d or norm %v out of range", term, field, d.Freq, d.Norm)
		}
		p.chunk = append(p.chunk, int32(c))
		p.freq = append(p.freq, uint32(d.Freq))
		p.norm = append(p.norm, float32(d.Norm))
	}
	return p, nil
}

// get returns the postings of term in field, reading them on first use.
func (ls *lexScorer) get(ctx context.Context, ix *index, field, term string) (*postings, error) {
	// The key is built on the stack for the lookup (m[string(b)] does
	// not allocate) and as a string only for a miss.
	var buf [64]byte
	kb := append(append(append(buf[:0], field...), 0), term...)
	ls.mu.RLock()
	p := ls.cache[string(kb)]
	ls.mu.RUnlock()
	if p != nil {
		return p, nil
	}
	key := string(kb)
	adv, err := ix.lex.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	p, err = ls.read(ctx, ix, r, field, term)
	r.Close()
	if err != nil {
		return nil, err
	}
	ls.scoreTerms(p, field)
	ls.mu.Lock()
	if q := ls.cache[key]; q != nil {
		p = q
	} else {
		limit := ls.limit
		if limit <= 0 {
			limit = maxCachedPostings
		}
		if ls.cached+len(p.chunk) > limit {
			clear(ls.cache)
			ls.cached = 0
		}
		ls.cache[key] = p
		ls.cached += len(p.chunk)
	}
	ls.mu.Unlock()
	return p, nil
}

// lexClause is one term query of the disjunction.
type lexClause struct {
	p      *postings
	idf    float64
	boost  float64
	weight float64 // queryWeight
}

// lexSearch returns the n best chunks for the weighted stems, as
// lexSearchBleve would: scores rounded to float32, ties by chunk.
func (ix *index) lexSearch(ctx context.Context, terms map[string]float64, aud Audience, n int) ([]scored, error) {
	return ix.lexSearchInto(ctx, terms, aud, n, nil)
}

// lexSearchInto is lexSearch appending to dst[:0].
func (ix *index) lexSearchInto(ctx context.Context, terms map[string]float64, aud Audience, n int, dst []scored) ([]scored, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	ls := &ix.lexScore
	ls.init(ix)
	if ls.err != nil {
		return nil, fmt.Errorf("knowledge: lexical search: %w", ls.err)
	}
	sc := ls.scratch.Get().(*lexScratch)
	defer func() {
		for _, c := range sc.touched {
			sc.sum[c], sc.matched[c] = 0, 0
		}
		sc.touched = sc.touched[:0]
		clear(sc.terms)
		clear(sc.clauses) // no postings held from the pool
		sc.terms, sc.clauses = sc.terms[:0], sc.clauses[:0]
		ls.scratch.Put(sc)
	}()
	keys := sc.terms[:0]
	for t := range terms {
		keys = append(keys, t)
	}
	slices.Sort(keys)
	sc.terms = keys
	clauses := sc.clauses[:0]
	defer func() { sc.clauses = clauses }()
	for _, t := range keys {
		w := terms[t]
		for _, f := range [2]string{fieldBody, fieldTitle} {
			p, err := ls.get(ctx, ix, f, t)
			if err != nil {
				return nil, fmt.Errorf("knowledge: lexical search: %w", err)
			}
			boost := w
			if f == fieldTitle {
				boost = w * titleBoost
			}
			clauses = append(clauses, lexClause{p: p, boost: boost, idf: p.idf})
		}
	}
	if len(clauses) == 0 {
		return nil, nil
	}
	// The query norm as bleve's boolean searcher sets it on every term
	// query: the sum of the squared weights in clause order.
	sumSq := 0.0
	for _, cl := range clauses {
		sum := cl.boost * cl.idf
		sumSq += sum * sum
	}
	queryNorm := 1.0 / math.Sqrt(sumSq)
	for i := range clauses {
		clauses[i].weight = clauses[i].boost * clauses[i].idf * queryNorm
	}

	for _, cl := range clauses {
		p := cl.p
		for i, c := range p.chunk {
			s := p.score[i] // as bleve's TermQueryScorer computes it
			if cl.weight != 1.0 {
				s = s * cl.weight
			}
			if sc.matched[c] == 0 {
				sc.touched = append(sc.touched, c)
			}
			sc.sum[c] += s
			sc.matched[c]++
		}
	}
	top := topNWith(n, sc.keys)
	total := float64(len(clauses))
	for _, c := range sc.touched {
		if aud != Employee && !ls.citizen[c] {
			continue
		}
		score := sc.sum[c] * (float64(sc.matched[c]) / total)
		top.offer(int(c), float32(score))
	}
	out := top.sortedInto(dst)
	sc.keys = top.keys[:0]
	return out, nil
}
