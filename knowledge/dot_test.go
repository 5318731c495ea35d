// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestDotKernels checks the dot product kernels against a float64
// reference at dimensions the SIMD kernel takes (multiples of 8, with and
// without a 32-float remainder) and ones it leaves to plain Go, and that a
// row scored alone equals the same row scored in a batch, bit for bit:
// the chromem path rescores single rows, the flat scan scores batches.
func TestDotKernels(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, dim := range []int{1, 7, 8, 16, 24, 40, 64, 100, 256, 264, 1536} {
		const rows = 37
		q := make([]float32, dim)
		m := make([]float32, rows*dim)
		for i := range q {
			q[i] = float32(r.NormFloat64())
		}
		for i := range m {
			m[i] = float32(r.NormFloat64())
		}
		out := make([]float32, rows)
		dotRows(q, m, out)
		for row := range rows {
			v := m[row*dim : (row+1)*dim]
			var want float64
			for i := range q {
				want += float64(q[i]) * float64(v[i])
			}
			if got := dot(q, v); math.Abs(float64(got)-want) > 1e-4*math.Sqrt(float64(dim)) {
				t.Errorf("dim %d row %d: dot = %v, want %v", dim, row, got, want)
			}
			if single := dot(q, v); single != out[row] {
				t.Errorf("dim %d row %d: alone %v, in a batch %v", dim, row, single, out[row])
			}
		}
		// Only len(out) rows are read.
		dotRows(q, m[:dim], out[:1])
		if out[0] != dot(q, m[:dim]) {
			t.Errorf("dim %d: one-row batch differs", dim)
		}
	}
}

// TestTopN checks the flat scan's top n (rank keys and quickselect)
// against a full sort, with many tied scores, negative scores and zeros of
// both signs.
func TestTopN(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for trial := range 500 {
		rows := 1 + r.IntN(600)
		all := make([]scored, rows)
		for i := range all {
			v := float32(r.IntN(1+trial%20)-5) / 7
			if v == 0 && r.IntN(2) == 0 {
				v = float32(math.Copysign(0, -1))
			}
			all[i] = scored{i, float64(v)}
		}
		r.Shuffle(rows, func(i, j int) { all[i], all[j] = all[j], all[i] })
		n := 1 + r.IntN(80)
		h := newTopN(n)
		for _, s := range all {
			h.offer(s.chunk, float32(s.score))
		}
		got := h.sorted()
		want := slices.Clone(all)
		sortByChunk(want)
		want = want[:min(n, rows)]
		if !slices.Equal(got, want) {
			t.Fatalf("rows=%d n=%d: got %v, want %v", rows, n, got, want)
		}
	}
}
