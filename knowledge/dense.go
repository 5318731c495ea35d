// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	chromem "github.com/philippgille/chromem-go"
)

// The chromem-go collections of one index generation: one per audience
// partition, so that a citizen query never even scores an employee chunk.
// Every chromem document is one chunk; its ID is the chunk's index and its
// metadata name the document and the chunk.
const (
	citizenCollection  = "citizen"  // chunks of citizen and all documents
	employeeCollection = "employee" // every chunk

	metaDoc   = "doc"   // document ID
	metaChunk = "chunk" // chunk index within the generation
)

// chromemMaxRows is the largest audience partition that is queried through
// chromem-go; larger partitions are queried with the flat scan (vectors),
// built from the same vectors. chromem's QueryEmbedding is exact, but every
// stored document passes a channel (for the metadata filter) and a
// mutex-guarded heap, and its documents lie scattered over the heap, so it
// costs about 0.4–0.5 µs per chunk up to 12k chunks and more beyond, once
// the vectors no longer fit the cache. BenchmarkDenseQuery (256
// dimensions, 50 results, two shared cores, two runs) measured for chromem
// 0.4–0.5 ms at 1k chunks, 3.8–4.7 ms at 10k, 5.5–6.1 ms at 12k, 6.7–8.5 ms
// at 14k, 9.3–10.9 ms at 16k, 9.8–12.7 ms at 20k and 52–63 ms at 100k;
// for the flat scan 0.1, 1.1, 1.5, 1.5, 2.3, 1.1–1.4 and 3.3–3.5 ms. A
// whole hybrid search through chromem took p95 4.8–6 ms at 10k chunks, the
// size of the 10 ms target, 9.4–13 ms with 11.7k citizen chunks (just
// below this threshold) and 16 ms at 16k and 20k; the flat scan keeps 100k
// chunks at about 20–23 ms p95, inside the 60 ms target. Municipal
// knowledge bases (a few hundred services and articles, a few thousand
// chunks) stay far below the threshold, so chromem answers their queries.
const chromemMaxRows = 12_000

// Dense candidates are fetched with a margin and rescored, so that ties and
// rounding differences at the cut cannot make the result depend on the
// store's internal order. tieEps bounds the difference between chromem's
// and our dot product of the same normalised vectors.
const (
	tieMargin = 16
	tieEps    = 1e-4
)

// denseIndex is the vector store of one generation. The chromem-go
// collections are the store of record: they are what is persisted and,
// up to chromemMaxRows chunks per partition, what answers queries.
type denseIndex struct {
	db      *chromem.DB
	parts   [2]*chromem.Collection // citizen, employee
	embeds  [][]float32            // per chunk; the very slices the collections hold
	dim     int
	maxRows int      // partitions above it are searched by flat
	flat    *vectors // nil unless a partition exceeds maxRows
}

const (
	partCitizen = iota
	partEmployee
)

// chunkMeta says which document a chunk belongs to and whether citizens
// may read it.
type chunkMeta func(c int) (docID string, citizen bool)

// chromemEmbedding adapts our embedder to chromem.EmbeddingFunc. chromem
// never needs it as long as every document comes with its embedding and
// every query with QueryEmbedding, which is how this package uses it; it
// is set anyway, because a collection without one silently falls back to
// chromem's default, which calls OpenAI.
func chromemEmbedding(embed EmbedFunc) chromem.EmbeddingFunc {
	return func(ctx context.Context, text string) ([]float32, error) {
		if embed == nil {
			return nil, errors.New("knowledge: no embedder configured")
		}
		v, err := embed(ctx, text)
		if err != nil {
			return nil, err
		}
		return normalize(slices.Clone(v)), nil
	}
}

// newDenseIndex stores the embeddings, one per chunk and already
// normalised, in chromem collections created with embed, and builds the
// flat scan when a partition exceeds maxRows.
func newDenseIndex(ctx context.Context, embeds [][]float32, meta chunkMeta, embed EmbedFunc, maxRows int) (*denseIndex, error) {
	d := &denseIndex{db: chromem.NewDB(), embeds: embeds, maxRows: maxRows}
	ef := chromemEmbedding(embed)
	for i, name := range []string{citizenCollection, employeeCollection} {
		col, err := d.db.CreateCollection(name, nil, ef)
		if err != nil {
			return nil, fmt.Errorf("knowledge: creating vector collection: %w", err)
		}
		d.parts[i] = col
	}
	if len(embeds) > 0 {
		d.dim = len(embeds[0])
	}
	for c, v := range embeds {
		if c%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		docID, citizen := meta(c)
		doc := chromem.Document{
			ID:        strconv.Itoa(c),
			Metadata:  map[string]string{metaDoc: docID, metaChunk: strconv.Itoa(c)},
			Embedding: v,
		}
		if err := d.parts[partEmployee].AddDocument(ctx, doc); err != nil {
			return nil, fmt.Errorf("knowledge: storing vector of %s: %w", docID, err)
		}
		if citizen {
			if err := d.parts[partCitizen].AddDocument(ctx, doc); err != nil {
				return nil, fmt.Errorf("knowledge: storing vector of %s: %w", docID, err)
			}
		}
	}
	if d.parts[partEmployee].Count() > maxRows {
		d.flat = newVectors(embeds, func(c int) bool { _, citizen := meta(c); return citizen })
	}
	return d, nil
}

// loadDenseIndex reads vectors written by export and rebuilds the index
// from them. The persisted store must hold exactly one vector per chunk,
// each naming the document meta names; anything else is errStale.
func loadDenseIndex(ctx context.Context, r io.ReadSeeker, chunks int, meta chunkMeta, embed EmbedFunc, maxRows int) (*denseIndex, error) {
	db := chromem.NewDB()
	if err := db.ImportFromReader(r, ""); err != nil {
		return nil, fmt.Errorf("reading vectors: %w", err)
	}
	col := db.GetCollection(employeeCollection, chromemEmbedding(embed))
	if col == nil {
		return nil, fmt.Errorf("%w: no vector collection %q", errStale, employeeCollection)
	}
	if n := col.Count(); n != chunks {
		return nil, fmt.Errorf("%w: %d vectors for %d chunks", errStale, n, chunks)
	}
	embeds := make([][]float32, chunks)
	for c := range embeds {
		doc, err := col.GetByID(ctx, strconv.Itoa(c))
		if err != nil {
			return nil, fmt.Errorf("%w: vector of chunk %d: %w", errStale, c, err)
		}
		if id, _ := meta(c); doc.Metadata[metaDoc] != id {
			return nil, fmt.Errorf("%w: vector of chunk %d belongs to %q, not %q", errStale, c, doc.Metadata[metaDoc], id)
		}
		if c > 0 && len(doc.Embedding) != len(embeds[0]) {
			return nil, fmt.Errorf("%w: vectors of %d and %d dimensions", errStale, len(embeds[0]), len(doc.Embedding))
		}
		embeds[c] = doc.Embedding
	}
	// The imported collection is dropped: rebuilding both partitions from
	// one copy of the vectors keeps a loaded index as small as a built one.
	return newDenseIndex(ctx, embeds, meta, embed, maxRows)
}

// export writes the employee collection, which holds every chunk's vector,
// with chromem's persistence. The citizen partition is derived from the
// documents' audience when loading and not written twice.
func (d *denseIndex) export(w io.Writer) error {
	return d.db.ExportToWriter(w, false, "", employeeCollection)
}

// search returns the n chunks whose vectors are most similar to the unit
// vector q, best first, ties by chunk index (which is document ID order).
// all selects the employee partition, otherwise the citizen one.
func (d *denseIndex) search(ctx context.Context, q []float32, all bool, n int) ([]scored, error) {
	p := partCitizen
	if all {
		p = partEmployee
	}
	rows := d.parts[p].Count()
	if rows == 0 || n <= 0 {
		return nil, nil
	}
	if rows > d.maxRows && d.flat != nil {
		return d.flat.search(q, all, n), nil
	}
	return d.query(ctx, d.parts[p], rows, q, n)
}

// query asks chromem for the best n+tieMargin chunks, rescores them with
// dot (the flat scan's arithmetic, so both paths rank identically) and cuts
// at n. If a chunk chromem left out could still reach the cut, which only
// happens with tied or nearly tied vectors, it asks again for twice as
// many: chromem keeps the best results by its own similarity, so every
// chunk it left out scores at most the least similarity it returned.
func (d *denseIndex) query(ctx context.Context, col *chromem.Collection, rows int, q []float32, n int) ([]scored, error) {
	want := min(n+tieMargin, rows)
	for {
		res, err := col.QueryEmbedding(ctx, q, want, nil, nil)
		if err != nil {
			return nil, fmt.Errorf("knowledge: vector query: %w", err)
		}
		out := make([]scored, 0, len(res))
		least := math.Inf(1)
		for _, r := range res {
			c, err := strconv.Atoi(r.ID)
			if err != nil || c < 0 || c >= len(d.embeds) {
				return nil, fmt.Errorf("knowledge: vector store returned unknown chunk %q", r.ID)
			}
			least = min(least, float64(r.Similarity))
			out = append(out, scored{c, float64(dot(q, d.embeds[c]))})
		}
		sortByChunk(out)
		if len(out) <= n {
			return out, nil
		}
		if want >= rows || least+tieEps < out[n-1].score {
			return out[:n], nil
		}
		want = min(2*want, rows)
	}
}

// sortByChunk orders hits by score, best first, and equal scores by chunk
// index. Chunks are numbered in document ID order and, within a document,
// in reading order, so this is the order score, DocID, chunk.
func sortByChunk(hits []scored) {
	slices.SortFunc(hits, func(a, b scored) int {
		if a.score != b.score {
			if a.score > b.score {
				return -1
			}
			return 1
		}
		return a.chunk - b.chunk
	})
}
