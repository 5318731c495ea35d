// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/knowledge/musterstadt"
)

// docIDs returns the document IDs of a knowledge root: file paths without
// extension, with "/" separators.
func docIDs(tb testing.TB, root fs.FS) []string {
	tb.Helper()
	var ids []string
	err := fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		ids = append(ids, strings.TrimSuffix(p, path.Ext(p)))
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return ids
}

// checkSourcesExist fails for an expected source that matches no document,
// so that a typo in a case cannot pass as a retrieval miss.
func checkSourcesExist(t *testing.T, cases []Case, ids []string) {
	t.Helper()
	for _, c := range cases {
		for _, s := range c.Expect.Sources {
			found := false
			for _, id := range ids {
				if MatchSource(s, id) {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("%s: case %q: expected source %q matches no document", c.where(), c.ID, s)
			}
		}
	}
}

func TestCaseFilesLoad(t *testing.T) {
	for _, dir := range []string{"shared", "musterstadt", "redteam", "natural/musterstadt", "natural/shared", "natural-heldout/musterstadt", "natural-heldout/shared", "natural-fresh/musterstadt", "natural-fresh/shared"} {
		t.Run(dir, func(t *testing.T) {
			p := filepath.Join("cases", dir)
			if _, err := os.Stat(p); err != nil {
				t.Skipf("no case directory %s", p)
			}
			cases, err := LoadCases(p)
			if err != nil {
				t.Fatal(err)
			}
			if dir == "shared" && len(cases) < 60 {
				t.Errorf("%d shared-corpus cases, want at least 60", len(cases))
			}
			if dir == "natural/musterstadt" && len(cases) < 100 {
				t.Errorf("%d natural cases over the bundled base, want at least 100", len(cases))
			}
			if dir == "natural/shared" && len(cases) < 50 {
				t.Errorf("%d natural shared-corpus cases, want at least 50", len(cases))
			}
			if dir == "redteam" {
				emp, guarded := 0, 0
				for _, c := range cases {
					if c.Audience == knowledge.Employee {
						emp++
					}
					if len(c.Expect.MustNotContain) > 0 {
						guarded++
					}
				}
				if emp < 20 || guarded < 40 {
					t.Errorf("red team: %d employee cases (want ≥ 20), %d with must_not_contain (want ≥ 40)", emp, guarded)
				}
			}
			if dir == "musterstadt" || dir == "natural/musterstadt" || dir == "natural-heldout/musterstadt" || dir == "natural-fresh/musterstadt" || dir == "redteam" {
				checkSourcesExist(t, cases, docIDs(t, musterstadt.FS()))
			}
		})
	}
}

func TestSharedCasesMatchCorpus(t *testing.T) {
	corpus := sharedCorpus(t)
	cases, err := LoadCases(filepath.Join("cases", "shared"))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, root := range []string{"services-de", "it-kb"} {
		ids = append(ids, docIDs(t, os.DirFS(filepath.Join(corpus, root)))...)
	}
	checkSourcesExist(t, cases, ids)

	// Every fact is literally in at least one expected source.
	for _, c := range cases {
		for _, f := range c.Expect.Facts {
			found := false
			for _, s := range c.Expect.Sources {
				for _, root := range []string{"services-de", "it-kb"} {
					data, err := os.ReadFile(filepath.Join(corpus, root, filepath.FromSlash(s)+".md"))
					if err == nil && ContainsFact(string(data), f) {
						found = true
					}
				}
			}
			if !found {
				t.Errorf("%s: case %q: fact %q is in none of its expected sources", c.where(), c.ID, f)
			}
		}
	}
}

// sharedCorpus returns the path of the shared corpus or skips the test.
func sharedCorpus(t *testing.T) string {
	t.Helper()
	p := filepath.Join("..", "..", "shared", "corpus")
	if _, err := os.Stat(filepath.Join(p, "services-de")); err != nil {
		t.Skipf("shared corpus not found at %s", p)
	}
	return p
}

// checkFactsInSources fails for a fact that is literally in none of the
// documents its case expects as sources, so that a fact cannot be one only
// a whole-corpus paste would contain. Cases without sources are skipped.
func checkFactsInSources(t *testing.T, cases []Case, roots ...fs.FS) {
	t.Helper()
	texts := map[string]string{}
	for _, root := range roots {
		err := fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(root, p)
			if err != nil {
				return err
			}
			id := strings.TrimSuffix(p, path.Ext(p))
			texts[id] += string(data)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range cases {
		if len(c.Expect.Sources) == 0 {
			continue
		}
		for _, f := range c.Expect.Facts {
			found := false
			for id, text := range texts {
				if matchAny(c.Expect.Sources, id) && ContainsFact(text, f) {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("%s: case %q: fact %q is in none of its expected sources", c.where(), c.ID, f)
			}
		}
	}
}

func TestNaturalCasesMatchBundledBase(t *testing.T) {
	for _, dir := range []string{"natural", "natural-heldout", "natural-fresh"} {
		cases, err := LoadCases(filepath.Join("cases", dir, "musterstadt"))
		if err != nil {
			t.Fatal(err)
		}
		checkFactsInSources(t, cases, musterstadt.FS())
	}
}

// naturalSharedRoots are the knowledge roots the natural shared-corpus
// cases run with.
var naturalSharedRoots = []string{"services-de", "laws-de", "it-kb"}

func TestNaturalSharedCasesMatchCorpus(t *testing.T) {
	corpus := sharedCorpus(t)
	var (
		ids   []string
		roots []fs.FS
	)
	for _, r := range naturalSharedRoots {
		dir := filepath.Join(corpus, r)
		if _, err := os.Stat(dir); err != nil {
			t.Skipf("shared corpus root %s not found", dir)
		}
		roots = append(roots, os.DirFS(dir))
		ids = append(ids, docIDs(t, roots[len(roots)-1])...)
	}
	for _, dir := range []string{"natural", "natural-heldout", "natural-fresh"} {
		cases, err := LoadCases(filepath.Join("cases", dir, "shared"))
		if err != nil {
			t.Fatal(err)
		}
		checkSourcesExist(t, cases, ids)
		checkFactsInSources(t, cases, roots...)
	}
}
