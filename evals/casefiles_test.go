package evals

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

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
	for _, dir := range []string{"shared", "musterstadt", "redteam"} {
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
			if dir == "musterstadt" {
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
