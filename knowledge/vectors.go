// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"container/heap"
	"runtime"
	"sync"
)

// vectors is a flat cosine scan over the chunk embeddings, stored row by
// row in one contiguous slice. Rows citizens may read are listed
// separately, so a citizen query never scores an employee chunk.
//
// It answers queries for audience partitions larger than chromemMaxRows,
// where chromem-go's query (every document through a channel and a
// mutex-guarded heap) grows past the latency budget; it is built from the
// vectors the chromem collections hold, and ranks ties like them.
type vectors struct {
	dim     int
	data    []float32
	citizen []int32 // rows visible to citizens, ascending
	n       int

	// coarse holds the first prefix dimensions of every row, packed, for
	// the first pass over large indexes (a strided read of the full rows
	// costs as much memory bandwidth as reading them whole).
	coarse []float32
	prefix int
}

// parallelRows is the number of rows above which a query is scanned on
// several goroutines. Above coarseRows, a first pass scores every row on
// the first quarter of the dimensions only and the best coarseKeep·n rows
// are then scored exactly: about three times less work at 100k chunks, at
// the price of approximate recall (both our hashed embedder and
// Matryoshka-trained models put usable signal in every prefix).
const (
	parallelRows = 16_384
	coarseRows   = 32_768
	coarseKeep   = 16
	coarseMin    = 1_024
)

func newVectors(embeds [][]float32, visibleToCitizen func(int) bool) *vectors {
	v := &vectors{n: len(embeds)}
	if len(embeds) == 0 {
		return v
	}
	v.dim = len(embeds[0])
	v.data = make([]float32, 0, len(embeds)*v.dim)
	for i, e := range embeds {
		v.data = append(v.data, e...)
		if visibleToCitizen(i) {
			v.citizen = append(v.citizen, int32(i))
		}
	}
	if len(embeds) > coarseRows && v.dim >= 128 {
		v.prefix = v.dim / 4
		v.coarse = make([]float32, 0, len(embeds)*v.prefix)
		for _, e := range embeds {
			v.coarse = append(v.coarse, e[:v.prefix]...)
		}
	}
	return v
}

// search returns the n rows most similar to the unit vector q, best first.
// all selects every row (employees); otherwise only citizen rows count.
func (v *vectors) search(q []float32, all bool, n int) []scored {
	if v.n == 0 || n <= 0 {
		return nil
	}
	rows := v.n
	if !all {
		rows = len(v.citizen)
	}
	if rows <= coarseRows || v.coarse == nil {
		return v.scan(v.data, v.dim, q, all, nil, n)
	}
	cands := v.scan(v.coarse, v.prefix, q[:v.prefix], all, nil, max(coarseKeep*n, coarseMin))
	ids := make([]int32, len(cands))
	for i, c := range cands {
		ids[i] = int32(c.chunk)
	}
	return v.scan(v.data, v.dim, q, false, ids, n)
}

// scan scores the rows of matrix (stride dims) against q: all rows, the
// citizen rows, or the given rows when ids is not nil.
func (v *vectors) scan(matrix []float32, dims int, q []float32, all bool, ids []int32, n int) []scored {
	rows, list := v.n, ids
	switch {
	case ids != nil:
		rows = len(ids)
	case !all:
		rows, list = len(v.citizen), v.citizen
	}
	if list == nil && !all {
		return nil
	}
	workers := 1
	if rows > parallelRows {
		workers = min(runtime.GOMAXPROCS(0), 8)
	}
	heaps := make([]topN, workers)
	var wg sync.WaitGroup
	per := (rows + workers - 1) / workers
	for w := range workers {
		lo, hi := w*per, min((w+1)*per, rows)
		h := &heaps[w]
		h.max = n
		scan := func() {
			for k := lo; k < hi; k++ {
				r := k
				if list != nil {
					r = int(list[k])
				}
				off := r * dims
				h.offer(r, dot(q, matrix[off:off+dims]))
			}
		}
		if workers == 1 {
			scan()
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			scan()
		}()
	}
	wg.Wait()
	merged := topN{max: n}
	for _, h := range heaps {
		for _, s := range h.items {
			merged.offer(s.chunk, float32(s.score))
		}
	}
	out := make([]scored, len(merged.items))
	for i := len(out) - 1; i >= 0; i-- {
		out[i] = heap.Pop(&merged).(scored)
	}
	return out
}

// topN keeps the max best rows in a min-heap.
type topN struct {
	items []scored
	max   int
}

func (h *topN) offer(row int, sim float32) {
	s := float64(sim)
	if len(h.items) < h.max {
		heap.Push(h, scored{row, s})
		return
	}
	if worst := h.items[0]; s > worst.score || (s == worst.score && row < worst.chunk) {
		h.items[0] = scored{row, s}
		heap.Fix(h, 0)
	}
}

func (h topN) Len() int { return len(h.items) }
func (h topN) Less(i, j int) bool {
	if h.items[i].score != h.items[j].score {
		return h.items[i].score < h.items[j].score
	}
	return h.items[i].chunk > h.items[j].chunk
}
func (h topN) Swap(i, j int) { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *topN) Push(x any)   { h.items = append(h.items, x.(scored)) }
func (h *topN) Pop() any {
	old := h.items
	x := old[len(old)-1]
	h.items = old[:len(old)-1]
	return x
}
