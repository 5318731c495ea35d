// SPDX-License-Identifier: EUPL-1.2

//go:build !amd64 || purego

package knowledge

// dotRows sets out[r] to the inner product of q and row r of m (rows of
// len(q) values, packed) for every r < len(out).
func dotRows(q, m, out []float32) {
	dotRowsGeneric(q, m[:len(out)*len(q)], out)
}

// dot is the inner product of two vectors of equal length.
func dot(a, b []float32) float32 { return dotGeneric(a, b) }
