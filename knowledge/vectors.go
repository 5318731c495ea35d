// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"math"
	"runtime"
	"slices"
	"sync"
)

// vectors is a flat cosine scan over the chunk embeddings, stored row by
// row in one contiguous slice, the very memory the chromem-go collections
// hold (each chromem document's embedding is a row of it). Rows citizens
// may read are kept as runs of consecutive rows, so a citizen query never
// scores an employee chunk and still reads memory sequentially.
//
// It answers every vector query: BenchmarkDenseQuery measures it against
// chromem-go's own query and against the memory-bandwidth bound at 1k, 10k
// and 100k rows; it is several times faster than chromem at every size and
// returns the same chunks with the same scores (TestDenseChromemMatchesFlat).
type vectors struct {
	dim     int
	data    []float32 // n rows of dim values
	n       int
	citizen []span // runs of rows visible to citizens, ascending
	all     []span // every row
	// keys holds *[]uint64, the rank keys of a finished single-worker
	// scan, for the next one (a query's only allocation besides its result).
	keys sync.Pool
}

// span is the rows lo ≤ r < hi.
type span struct{ lo, hi int }

// Above parallelRows rows a scan runs on several goroutines.
//
// The scan is exact at every size. An approximate first pass over the
// first quarter of the dimensions, rescoring the best 1,024 rows exactly,
// read 3.8× less memory at 100k rows but found only 0.85 of the exact top
// 10 on the shared corpus replicated to 100k chunks (TestRecall100k), so
// it was removed: the exact scan stays within 2× of the memory bound.
const parallelRows = 16_384

// scanBlock is the number of rows scored per kernel call: small enough
// for the scores to stay in L1, large enough to amortise the call.
const scanBlock = 256

// newVectors wraps data, n packed rows of dim values.
func newVectors(data []float32, dim int, visibleToCitizen func(int) bool) *vectors {
	v := &vectors{dim: dim, data: data}
	if dim == 0 {
		return v
	}
	v.n = len(data) / dim
	if v.n > 0 {
		v.all = []span{{0, v.n}}
	}
	for r := 0; r < v.n; r++ {
		if !visibleToCitizen(r) {
			continue
		}
		if k := len(v.citizen) - 1; k >= 0 && v.citizen[k].hi == r {
			v.citizen[k].hi++
		} else {
			v.citizen = append(v.citizen, span{r, r + 1})
		}
	}
	return v
}

func spanRows(spans []span) int {
	n := 0
	for _, s := range spans {
		n += s.hi - s.lo
	}
	return n
}

// search returns the n rows most similar to the unit vector q, best first,
// ties by row. all selects every row (employees); otherwise only citizen
// rows count.
func (v *vectors) search(q []float32, all bool, n int) []scored {
	return v.searchInto(q, all, n, nil)
}

// searchInto is search, in dst's storage when the scan runs on one core.
func (v *vectors) searchInto(q []float32, all bool, n int, dst []scored) []scored {
	if v.n == 0 || n <= 0 {
		return nil
	}
	spans := v.citizen
	if all {
		spans = v.all
	}
	if spanRows(spans) > parallelRows {
		return scanSpans(v.data, v.dim, q, spans, n)
	}
	buf, _ := v.keys.Get().(*[]uint64)
	if buf == nil {
		buf = new([]uint64)
	}
	h := topNWith(n, *buf)
	h.scan(v.data, v.dim, q, spans)
	out := h.sortedInto(dst)
	*buf = h.keys[:0]
	v.keys.Put(buf)
	return out
}

// scanSpans scores the rows of matrix (stride dims) in spans against q and
// returns the best n, best first, ties by row.
func scanSpans(matrix []float32, dims int, q []float32, spans []span, n int) []scored {
	rows := spanRows(spans)
	workers := 1
	if rows > parallelRows {
		workers = min(runtime.GOMAXPROCS(0), 8)
	}
	if workers == 1 {
		h := newTopN(n)
		h.scan(matrix, dims, q, spans)
		return h.sorted()
	}
	heaps := make([]topN, workers)
	for w := range heaps {
		heaps[w] = newTopN(n)
	}
	var wg sync.WaitGroup
	per := (rows + workers - 1) / workers
	for w, part := range splitSpans(spans, per) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			heaps[w].scan(matrix, dims, q, part)
		}()
	}
	wg.Wait()
	merged := newTopN(n)
	for _, h := range heaps {
		h.prune()
		merged.keys = append(merged.keys, h.keys...)
	}
	if len(merged.keys) > merged.max {
		merged.prune()
	}
	return merged.sorted()
}

// splitSpans cuts spans into consecutive groups of at most per rows.
func splitSpans(spans []span, per int) [][]span {
	var out [][]span
	var cur []span
	room := per
	for _, s := range spans {
		for s.lo < s.hi {
			take := min(s.hi-s.lo, room)
			cur = append(cur, span{s.lo, s.lo + take})
			s.lo += take
			room -= take
			if room == 0 {
				out = append(out, cur)
				cur, room = nil, per
			}
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// scan offers every row of spans, scored in blocks by the dot kernel.
func (h *topN) scan(matrix []float32, dims int, q []float32, spans []span) {
	var buf [scanBlock]float32
	for _, s := range spans {
		for lo := s.lo; lo < s.hi; lo += scanBlock {
			hi := min(lo+scanBlock, s.hi)
			out := buf[:hi-lo]
			dotRows(q, matrix[lo*dims:hi*dims], out)
			for i, sim := range out {
				// Most rows score below the worst kept one: skip them
				// without a call (ties go to offer, which orders by row).
				if h.full && sim < h.floor {
					continue
				}
				h.offer(lo+i, sim)
			}
		}
	}
}

// topN keeps the max best rows, by score, then by the lower row. Rows
// are collected unsorted as rank keys; when 2·max+16 have gathered
// (pruneAt), a selection cuts them to the best max, whose worst score
// becomes the floor below which later rows are dropped at once. On a scan
// that is a few linear selections of a hundred or so integers: far cheaper
// than a heap operation per accepted row. (A first cut at 4·max+16 let
// more rows in before there was a floor: 1 % more instructions per turn
// of BenchConversation; at max+16 the cuts come too often.)
type topN struct {
	keys  []uint64
	max   int
	floor float32 // the max-th best score, once full
	full  bool
}

func newTopN(n int) topN { return topN{max: n, keys: make([]uint64, 0, pruneAt(n))} }

// pruneAt is how many keys a topN of n gathers before it cuts them to n.
func pruneAt(n int) int { return 2*n + 16 }

// topNWith is newTopN over buf's storage, grown when it is too small.
func topNWith(n int, buf []uint64) topN {
	if cap(buf) < pruneAt(n) {
		return newTopN(n)
	}
	return topN{max: n, keys: buf[:0]}
}

// rankKey packs a score and a row into one integer that orders like the
// ranking: a higher score gives a greater key, and of equal scores the
// lower row does. Scores are never NaN (vectors are normalised).
func rankKey(row int, sim float32) uint64 {
	if sim == 0 {
		sim = 0 // −0 ties with +0, as in float comparison
	}
	b := math.Float32bits(sim)
	if b&(1<<31) != 0 {
		b = ^b
	} else {
		b |= 1 << 31
	}
	return uint64(b)<<32 | uint64(^uint32(row))
}

// unrank inverts rankKey.
func unrank(k uint64) scored {
	b := uint32(k >> 32)
	if b&(1<<31) != 0 {
		b &^= 1 << 31
	} else {
		b = ^b
	}
	return scored{int(^uint32(k)), float64(math.Float32frombits(b))}
}

func (h *topN) offer(row int, sim float32) {
	if h.full && sim < h.floor {
		return
	}
	h.keys = append(h.keys, rankKey(row, sim))
	if len(h.keys) >= pruneAt(h.max) {
		h.prune()
	}
}

func (h *topN) prune() {
	if len(h.keys) < h.max {
		return
	}
	selectGreatest(h.keys, h.max)
	h.keys = h.keys[:h.max]
	h.full, h.floor = true, float32(unrank(h.keys[h.max-1]).score)
}

// sorted returns the kept rows, best first.
func (h *topN) sorted() []scored { return h.sortedInto(nil) }

// sortedInto is sorted in dst's storage when it is large enough.
func (h *topN) sortedInto(dst []scored) []scored {
	h.prune()
	slices.Sort(h.keys)
	out := dst[:0]
	if out == nil || cap(out) < len(h.keys) {
		out = make([]scored, len(h.keys))
	}
	out = out[:len(h.keys)]
	for i, k := range h.keys {
		out[len(out)-1-i] = unrank(k)
	}
	return out
}

// selectGreatest reorders a so that a[:k] are its k greatest elements and
// a[k-1] is the least of them (quickselect). 0 < k ≤ len(a). The elements
// are distinct (rank keys). Each pass partitions without a branch on the
// comparison (Lomuto, the count advanced by it): the keys arrive in no
// order, and a branch on each would be mispredicted half the time.
func selectGreatest(a []uint64, k int) {
	// a[:lo] are greater than a[lo:], a[hi:] less than a[:hi], and
	// lo ≤ k-1 < hi.
	lo, hi := 0, len(a)
	for hi-lo > 1 {
		// The median of the first, middle and last as the pivot, at
		// the end of the range.
		mid, last := lo+(hi-lo)/2, hi-1
		if a[mid] > a[last] {
			a[mid], a[last] = a[last], a[mid]
		}
		if a[lo] > a[last] {
			a[lo], a[last] = a[last], a[lo]
		}
		if a[lo] > a[mid] {
			a[lo], a[mid] = a[mid], a[lo]
		}
		a[mid], a[last] = a[last], a[mid] // a[lo] ≤ pivot ≤ old a[last], now at mid
		p := a[last]
		j := lo
		for i := lo; i < last; i++ {
			x := a[i]
			a[i] = a[j]
			a[j] = x
			j += greater(x, p)
		}
		a[last], a[j] = a[j], p
		switch {
		case j == k-1:
			return
		case j < k-1:
			lo = j + 1
		default:
			hi = j
		}
	}
}

// greater is 1 when x > p, else 0.
func greater(x, p uint64) int {
	if x > p {
		return 1
	}
	return 0
}
