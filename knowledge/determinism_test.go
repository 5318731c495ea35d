// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

// evalCasesDir holds the bundled eval cases; the tests below only read
// their questions, so knowledge does not depend on the evals package.
var evalCasesDir = filepath.Join("..", "evals", "cases", "musterstadt")

// evalQueries returns one query per eval case and history turn, with the
// case's audience and the facet the question names.
func evalQueries(tb testing.TB) []Query {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(evalCasesDir, "*.yaml"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no eval case files in %s (%v)", evalCasesDir, err)
	}
	var qs []Query
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var cf struct {
			Cases []struct {
				Question string   `yaml:"question"`
				Audience Audience `yaml:"audience"`
				History  []string `yaml:"history"`
			} `yaml:"cases"`
		}
		if err := yaml.Unmarshal(data, &cf); err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		for _, c := range cf.Cases {
			for _, text := range append(c.History, c.Question) {
				qs = append(qs, Query{Text: text, Audience: c.Audience, Facet: DetectFacet(text), K: 10})
			}
		}
	}
	if len(qs) < 100 {
		tb.Fatalf("only %d eval questions found", len(qs))
	}
	return qs
}

// searchAll runs every query in every mode against b and returns the
// results keyed by mode and question.
func searchAll(tb testing.TB, b *Base, qs []Query) map[string][]Passage {
	tb.Helper()
	out := map[string][]Passage{}
	for _, m := range allModes {
		b.cfg.Mode = m
		for i, q := range qs {
			out[fmt.Sprintf("%s/%03d %s", m, i, q.Text)] = mustSearch(tb, b, q)
		}
	}
	b.cfg.Mode = ModeHybrid
	return out
}

// TestSearchIsDeterministic builds the Musterstadt index twice and expects
// identical passages, scores and order for every eval question in every
// mode: ties break by score, DocID and chunk, never by map or segment order.
func TestSearchIsDeterministic(t *testing.T) {
	qs := evalQueries(t)
	first := searchAll(t, mustOpen(t, Config{Roots: []Root{musterstadtRoot()}}), qs)
	second := searchAll(t, mustOpen(t, Config{Roots: []Root{musterstadtRoot()}}), qs)
	if diff := cmp.Diff(first, second); diff != "" {
		t.Errorf("two builds of the same sources rank differently (-first +second):\n%s", diff)
	}
}

// TestSearchSameOnChromemAndFlat runs the eval questions once with the
// vectors queried through chromem and once through the flat scan.
func TestSearchSameOnChromemAndFlat(t *testing.T) {
	qs := evalQueries(t)
	b := mustOpen(t, Config{Roots: []Root{musterstadtRoot()}})
	ix := b.cur.Load()
	if ix.dense.viaChromem {
		t.Fatal("a built index queries through chromem; it should use the flat scan")
	}
	viaFlat := searchAll(t, b, qs)
	ix.dense.viaChromem = true
	viaChromem := searchAll(t, b, qs)
	if diff := cmp.Diff(viaChromem, viaFlat); diff != "" {
		t.Errorf("chromem and flat scan rank differently (-chromem +flat):\n%s", diff)
	}
}

// TestSearchTiesByDocID indexes identical documents under different IDs:
// equal scores must come out in DocID order in every mode, also when more
// documents tie than one index query fetches.
func TestSearchTiesByDocID(t *testing.T) {
	for _, copies := range []int{3, 80} {
		root, dir := copyFixture(t)
		var want []string
		for i := range copies {
			// Written in reverse so that file order is not ID order.
			id := fmt.Sprintf("leistungen/gleich-%03d", copies-1-i)
			writeFile(t, filepath.Join(dir, filepath.FromSlash(id)+".md"),
				"# Zebrafinkenzucht anmelden\n\nDie Zebrafinkenzucht melden Sie beim Ordnungsamt an.\n")
		}
		for i := range min(copies, 5) {
			want = append(want, fmt.Sprintf("leistungen/gleich-%03d", i))
		}
		b := mustOpen(t, Config{Roots: []Root{root}})
		for _, m := range allModes {
			b.cfg.Mode = m
			got := ids(mustSearch(t, b, Query{Text: "Zebrafinkenzucht anmelden", K: 5}))
			got = got[:min(len(got), len(want))]
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%d copies, mode %s (-want +got):\n%s", copies, m, diff)
			}
		}
	}
}
