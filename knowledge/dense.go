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

// Dense candidates are fetched with a margin and rescored, so that ties and
// rounding differences at the cut cannot make the result depend on the
// store's internal order. tieEps bounds the difference between chromem's
// and our dot product of the same normalised vectors.
const (
	tieMargin = 16
	tieEps    = 1e-4
)

// denseIndex is the vector store of one generation. The chromem-go
// collections are the store of record: they hold every vector and are what
// is persisted. Queries run on the flat scan (vectors) over the same
// memory: every chromem document's embedding is a row of flat.data.
//
// How queries run was decided by measurement (BenchmarkDenseQuery, which
// prints both paths against the memory-bandwidth bound in one run): on two
// cores shared with other work (load 8–15), chromem-go's QueryEmbedding
// (every document through a channel for the metadata filter and a
// mutex-guarded heap, a plain-Go dot product, documents scattered over the
// heap) took 0.41–0.44 ms at 1k rows, 4.1–4.5 ms at 10k and 110–150 ms at
// 100k, 4.5–12× a memcpy of the bytes it reads; the exact flat scan with
// the AVX2 kernel 0.03, 0.4–0.5 and 15–19 ms, 0.8–1.4× the bound (at 100k
// the machine's memory bandwidth, shared with the other work, was the
// limit of both). The flat scan is faster at every size, so chromem
// answers queries only when a test asks it to (viaChromem), to check that
// both rank identically.
type denseIndex struct {
	db         *chromem.DB
	parts      [2]*chromem.Collection // citizen, employee
	embeds     [][]float32            // per chunk; rows of flat.data, the very slices the collections hold
	dim        int
	flat       *vectors
	viaChromem bool // query the collections instead of flat (tests)
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
// flat scan over the same memory. It packs the vectors into one slice and
// points embeds' elements at their rows of it, so the caller's copies
// become garbage.
func newDenseIndex(ctx context.Context, embeds [][]float32, meta chunkMeta, embed EmbedFunc) (*denseIndex, error) {
	data, dim := packVectors(embeds)
	d := &denseIndex{db: chromem.NewDB(), embeds: embeds}
	ef := chromemEmbedding(embed)
	for i, name := range []string{citizenCollection, employeeCollection} {
		col, err := d.db.CreateCollection(name, nil, ef)
		if err != nil {
			return nil, fmt.Errorf("knowledge: creating vector collection: %w", err)
		}
		d.parts[i] = col
	}
	d.dim = dim
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
	d.flat = newVectors(data, dim, func(c int) bool { _, citizen := meta(c); return citizen })
	return d, nil
}

// packVectors copies embeds, all of one length, into one slice, row after
// row, and points every element of embeds at its row (capacity cut at the
// row's end, so an append can never spill into the next row).
func packVectors(embeds [][]float32) ([]float32, int) {
	if len(embeds) == 0 {
		return nil, 0
	}
	dim := len(embeds[0])
	data := make([]float32, len(embeds)*dim)
	for c, v := range embeds {
		row := data[c*dim : (c+1)*dim : (c+1)*dim]
		copy(row, v)
		embeds[c] = row
	}
	return data, dim
}

// loadDenseIndex reads vectors written by export and rebuilds the index
// from them. The persisted store must hold exactly one vector per chunk,
// each naming the document meta names; anything else is errStale.
func loadDenseIndex(ctx context.Context, r io.ReadSeeker, chunks int, meta chunkMeta, embed EmbedFunc) (*denseIndex, error) {
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
	return newDenseIndex(ctx, embeds, meta, embed)
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
	return d.searchInto(ctx, q, all, n, nil)
}

// searchInto is search, in dst's storage when the flat scan runs.
func (d *denseIndex) searchInto(ctx context.Context, q []float32, all bool, n int, dst []scored) ([]scored, error) {
	p := partCitizen
	if all {
		p = partEmployee
	}
	rows := d.parts[p].Count()
	if rows == 0 || n <= 0 {
		return nil, nil
	}
	if !d.viaChromem {
		return d.flat.searchInto(q, all, n, dst), nil
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
