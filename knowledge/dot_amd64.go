// SPDX-License-Identifier: EUPL-1.2

//go:build amd64 && !purego

package knowledge

import "golang.org/x/sys/cpu"

//go:noescape
func dotRowsAVX2(q, m *float32, dim, rows int, out *float32)

// simdDot reports whether dot and dotRows use the AVX2 kernel for vectors
// of dim dimensions.
func simdDot(dim int) bool {
	return dim > 0 && dim%8 == 0 && cpu.X86.HasAVX2 && cpu.X86.HasFMA
}

// dotRows sets out[r] to the inner product of q and row r of m (rows of
// len(q) values, packed) for every r < len(out).
func dotRows(q, m, out []float32) {
	dim := len(q)
	if len(out) == 0 {
		return
	}
	m = m[:len(out)*dim] // bounds check before handing pointers to assembly
	if !simdDot(dim) {
		dotRowsGeneric(q, m, out)
		return
	}
	dotRowsAVX2(&q[0], &m[0], dim, len(out), &out[0])
}

// dot is the inner product of two vectors of equal length.
func dot(a, b []float32) float32 {
	b = b[:len(a)]
	if !simdDot(len(a)) {
		return dotGeneric(a, b)
	}
	var s float32
	dotRowsAVX2(&a[0], &b[0], len(a), 1, &s)
	return s
}
