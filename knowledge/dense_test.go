// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	chromem "github.com/philippgille/chromem-go"
)

// errEmbedCalled is what panicEmbedder panics with.
var errEmbedCalled = errors.New("embedder called")

// panicEmbedder fails the test loudly if anything embeds text: the vector
// store gets every vector precomputed.
func panicEmbedder(context.Context, string) ([]float32, error) { panic(errEmbedCalled) }

// testVectors embeds n texts with the offline embedder; every tenth chunk
// is for employees only.
func testVectors(tb testing.TB, texts []string) ([][]float32, chunkMeta) {
	tb.Helper()
	e := NewOfflineEmbedder(offlineDim)
	embeds := make([][]float32, len(texts))
	for i, t := range texts {
		v, err := e(context.Background(), t)
		if err != nil {
			tb.Fatal(err)
		}
		embeds[i] = v
	}
	meta := func(c int) (string, bool) { return fmt.Sprintf("dok/%05d", c), c%10 != 9 }
	return embeds, meta
}

// mustDense builds a dense index; viaChromem makes it answer queries
// through chromem-go's own query instead of the flat scan.
func mustDense(tb testing.TB, embeds [][]float32, meta chunkMeta, embed EmbedFunc, viaChromem bool) *denseIndex {
	tb.Helper()
	d, err := newDenseIndex(context.Background(), embeds, meta, embed)
	if err != nil {
		tb.Fatalf("newDenseIndex: %v", err)
	}
	d.viaChromem = viaChromem
	return d
}

func mustDenseSearch(tb testing.TB, d *denseIndex, q []float32, all bool, n int) []scored {
	tb.Helper()
	got, err := d.search(context.Background(), q, all, n)
	if err != nil {
		tb.Fatalf("search: %v", err)
	}
	return got
}

// TestDenseChromemMatchesFlat checks that the chromem path and the flat
// scan rank the same chunks with the same scores, in both partitions.
func TestDenseChromemMatchesFlat(t *testing.T) {
	root, titles := synthCorpus(3000)
	l, err := loadRoots(context.Background(), []Root{root}, nil, loadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for i := range l.docs {
		for _, c := range chunkDocument(i, &l.docs[i], nil) {
			texts = append(texts, embedText(&c))
		}
	}
	embeds, meta := testVectors(t, texts)
	viaChromem := mustDense(t, embeds, meta, panicEmbedder, true)
	viaFlat := mustDense(t, embeds, meta, panicEmbedder, false)
	e := NewOfflineEmbedder(offlineDim)
	for i, q := range synthQueries(titles, 40) {
		qv, _ := e(context.Background(), q.Text)
		for _, all := range []bool{false, true} {
			for _, n := range []int{1, 5, 58} {
				a := mustDenseSearch(t, viaChromem, qv, all, n)
				b := mustDenseSearch(t, viaFlat, qv, all, n)
				if len(a) != n {
					t.Fatalf("query %d: chromem returned %d hits, want %d", i, len(a), n)
				}
				if diff := cmp.Diff(b, a, cmp.AllowUnexported(scored{}), cmp.Comparer(func(x, y float64) bool { return math.Abs(x-y) <= 1e-6 })); diff != "" {
					t.Errorf("query %q all=%v n=%d: chromem and flat differ (-flat +chromem):\n%s", q.Text, all, n, diff)
				}
				for _, h := range a {
					if _, citizen := meta(h.chunk); !all && !citizen {
						t.Errorf("citizen partition returned employee chunk %d", h.chunk)
					}
				}
			}
		}
	}
}

// TestDenseTiesAtTheCut stores more identical vectors than one chromem
// query fetches; both paths must return the lowest chunk indexes, in order.
func TestDenseTiesAtTheCut(t *testing.T) {
	texts := make([]string, 400)
	for i := range texts {
		texts[i] = fmt.Sprintf("Anderes Thema %d über Amt %d", i, i%17)
	}
	for i := 100; i < 300; i++ {
		texts[i] = "Sperrmüll anmelden Abholung"
	}
	embeds, meta := testVectors(t, texts)
	q := slices.Clone(embeds[100])
	for _, viaChromem := range []bool{true, false} {
		d := mustDense(t, embeds, meta, panicEmbedder, viaChromem)
		for _, all := range []bool{true, false} {
			got := mustDenseSearch(t, d, q, all, 50)
			var want []int
			for c := 100; len(want) < 50; c++ {
				if _, citizen := meta(c); all || citizen {
					want = append(want, c)
				}
			}
			var chunks []int
			for _, h := range got {
				chunks = append(chunks, h.chunk)
			}
			if diff := cmp.Diff(want, chunks); diff != "" {
				t.Errorf("viaChromem=%v all=%v: tied chunks (-want +got):\n%s", viaChromem, all, diff)
			}
		}
	}
}

// TestDenseNeverUsesDefaultEmbedder makes sure that the collections hold
// our embedding function, never chromem's default (which calls OpenAI),
// both after a build and after loading, and that neither building,
// loading nor searching embeds anything.
func TestDenseNeverUsesDefaultEmbedder(t *testing.T) {
	embeds, meta := testVectors(t, []string{"Reisepass beantragen", "Hundesteuer", "VPN einrichten", "Wohngeld", "Kita-Platz"})
	built := mustDense(t, embeds, meta, panicEmbedder, false)
	var buf bytes.Buffer
	if err := built.export(&buf); err != nil {
		t.Fatal(err)
	}
	loaded, err := loadDenseIndex(context.Background(), bytes.NewReader(buf.Bytes()), len(embeds), meta, panicEmbedder)
	if err != nil {
		t.Fatalf("loadDenseIndex: %v", err)
	}
	for name, d := range map[string]*denseIndex{"built": built, "loaded": loaded} {
		if got := mustDenseSearch(t, d, embeds[1], false, 2); len(got) != 2 || got[0].chunk != 1 {
			t.Errorf("%s: search = %v, want chunk 1 first", name, got)
		}
		for _, col := range d.parts {
			func() {
				defer func() {
					if r := recover(); r != errEmbedCalled {
						t.Errorf("%s: text query on collection %q did not reach our embedder (recovered %v)", name, col.Name, r)
					}
				}()
				col.Query(context.Background(), "Reisepass", 1, nil, nil)
			}()
		}
	}
}

// TestDenseAdapterNormalises checks the chromem.EmbeddingFunc adapter.
func TestDenseAdapterNormalises(t *testing.T) {
	raw := []float32{3, 4}
	ef := chromemEmbedding(func(context.Context, string) ([]float32, error) { return raw, nil })
	got, err := ef(context.Background(), "x")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]float32{0.6, 0.8}, got); diff != "" {
		t.Errorf("adapter (-want +got):\n%s", diff)
	}
	if raw[0] != 3 {
		t.Error("adapter changed the embedder's vector in place")
	}
	if _, err := chromemEmbedding(nil)(context.Background(), "x"); err == nil {
		t.Error("adapter without embedder returned no error")
	}
	boom := errors.New("boom")
	if _, err := chromemEmbedding(func(context.Context, string) ([]float32, error) { return nil, boom })(context.Background(), "x"); !errors.Is(err, boom) {
		t.Errorf("adapter error = %v, want boom", err)
	}
}

func TestLoadDenseIndexRejectsMismatches(t *testing.T) {
	embeds, meta := testVectors(t, []string{"eins", "zwei", "drei"})
	var buf bytes.Buffer
	if err := mustDense(t, embeds, meta, panicEmbedder, false).export(&buf); err != nil {
		t.Fatal(err)
	}
	otherDocs := func(c int) (string, bool) { return fmt.Sprintf("anders/%d", c), true }
	var empty bytes.Buffer
	if err := chromem.NewDB().ExportToWriter(&empty, false, ""); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		data   []byte
		chunks int
		meta   chunkMeta
		stale  bool
	}{
		{"more chunks than vectors", buf.Bytes(), 4, meta, true},
		{"fewer chunks than vectors", buf.Bytes(), 2, meta, true},
		{"other documents", buf.Bytes(), 3, otherDocs, true},
		{"no collection", empty.Bytes(), 3, meta, true},
		{"not a chromem export", []byte("kaputt"), 3, meta, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := loadDenseIndex(context.Background(), bytes.NewReader(tc.data), tc.chunks, tc.meta, panicEmbedder)
			if err == nil {
				t.Fatal("loaded")
			}
			if errors.Is(err, errStale) != tc.stale {
				t.Errorf("error %v: stale = %v, want %v", err, !tc.stale, tc.stale)
			}
		})
	}
}
