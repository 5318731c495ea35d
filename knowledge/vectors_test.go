// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestVectorsSearch(t *testing.T) {
	e := NewOfflineEmbedder(256)
	ctx := context.Background()
	// More rows than parallelRows, so that the scan runs on several
	// goroutines where there are cores.
	n := 2*parallelRows + 5000
	embeds := make([][]float32, n)
	for i := range embeds {
		v, err := e(ctx, fmt.Sprintf("Dokument %d über Thema %d und Amt %d", i, i%97, i%13))
		if err != nil {
			t.Fatal(err)
		}
		embeds[i] = v
	}
	target := 12345
	embeds[target], _ = e(ctx, "Hundesteuer Anmeldung Hundemarke")
	secret := 22222
	embeds[secret], _ = e(ctx, "Hundesteuer Anmeldung Hundemarke intern")
	vs := testNewVectors(embeds, func(i int) bool { return i != secret })
	q, _ := e(ctx, "Hundesteuer Anmeldung Hundemarke")

	for _, all := range []bool{true, false} {
		got := vs.search(q, all, 5)
		if len(got) != 5 || got[0].chunk != target {
			t.Fatalf("all=%v: got %v, want row %d first", all, got, target)
		}
		for i := 1; i < len(got); i++ {
			if got[i].score > got[i-1].score {
				t.Errorf("results not sorted: %v", got)
			}
		}
		foundSecret := false
		for _, s := range got {
			foundSecret = foundSecret || s.chunk == secret
		}
		if foundSecret != all {
			t.Errorf("all=%v: secret row returned = %v", all, foundSecret)
		}
	}
	small := testNewVectors(embeds[:10], func(int) bool { return true })
	if got := small.search(q, false, 50); len(got) != 10 {
		t.Errorf("small index returned %d rows, want 10", len(got))
	}
	if got := testNewVectors(nil, nil).search(q, true, 5); got != nil {
		t.Errorf("empty index returned %v", got)
	}
}

// testNewVectors packs copies of embeds into a flat scan.
func testNewVectors(embeds [][]float32, visibleToCitizen func(int) bool) *vectors {
	data, dim := packVectors(slices.Clone(embeds))
	return newVectors(data, dim, visibleToCitizen)
}

// selectGreatest leaves the k greatest of distinct keys first, the least
// of them at k-1, for every k of random arrays of many sizes, sorted,
// reversed and random.
func TestSelectGreatest(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for n := 1; n <= 300; n += 1 + n/8 {
		for _, order := range []string{"random", "ascending", "descending"} {
			seen := map[uint64]bool{}
			a := make([]uint64, 0, n)
			for len(a) < n {
				if x := r.Uint64() >> r.IntN(60); !seen[x] {
					seen[x] = true
					a = append(a, x)
				}
			}
			switch order {
			case "ascending":
				slices.Sort(a)
			case "descending":
				slices.Sort(a)
				slices.Reverse(a)
			}
			want := slices.Clone(a)
			slices.Sort(want)
			slices.Reverse(want)
			for k := 1; k <= n; k += 1 + k/4 {
				got := slices.Clone(a)
				selectGreatest(got, k)
				if got[k-1] != want[k-1] {
					t.Fatalf("n=%d %s k=%d: a[k-1] = %d, want %d", n, order, k, got[k-1], want[k-1])
				}
				top := slices.Clone(got[:k])
				slices.Sort(top)
				slices.Reverse(top)
				if !slices.Equal(top, want[:k]) {
					t.Fatalf("n=%d %s k=%d: first k are not the k greatest", n, order, k)
				}
			}
		}
	}
}
