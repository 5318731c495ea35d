// SPDX-License-Identifier: EUPL-1.2

package musterstadt_test

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/musterstadt/lotse/knowledge/musterstadt"
)

// evalCase is the part of the eval case format this test checks.
type evalCase struct {
	ID       string `yaml:"id"`
	Audience string `yaml:"audience"`
	Expect   struct {
		Sources       []string `yaml:"sources"`
		Facts         []string `yaml:"facts"`
		ForbidSources []string `yaml:"forbid_sources"`
	} `yaml:"expect"`
}

// caseDirs are the eval case folders written against this knowledge base.
var caseDirs = []string{"../../evals/cases/musterstadt", "../../evals/cases/redteam"}

// TestEvalCasesMatchDocuments keeps the eval cases and the documents in step:
// every expected source exists, every expected fact is literally in one of
// the expected sources, citizens never expect an internal source, and every
// citizen case in the leak and red-team sets forbids intern/**.
func TestEvalCasesMatchDocuments(t *testing.T) {
	docs := map[string]string{}
	err := fs.WalkDir(musterstadt.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".md" {
			return err
		}
		b, err := fs.ReadFile(musterstadt.FS(), p)
		docs[strings.TrimSuffix(p, ".md")] = strings.ToLower(string(b))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, dir := range caseDirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
		if len(files) == 0 {
			t.Skipf("no eval cases in %s", dir)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var file struct {
				Cases []evalCase `yaml:"cases"`
			}
			if err := yaml.Unmarshal(b, &file); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			leakSet := filepath.Base(f) == "leaks.yaml" || filepath.Base(dir) == "redteam"
			for _, c := range file.Cases {
				where := filepath.Base(dir) + "/" + filepath.Base(f) + ": " + c.ID
				if prev, ok := seen[c.ID]; ok {
					t.Errorf("%s: id also used in %s", where, prev)
				}
				seen[c.ID] = where
				citizen := c.Audience == "" || c.Audience == "citizen"
				for _, s := range c.Expect.Sources {
					if _, ok := docs[s]; !ok {
						t.Errorf("%s: source %q is not a document", where, s)
					}
					if citizen && strings.HasPrefix(s, "intern/") {
						t.Errorf("%s: citizen case expects internal source %q", where, s)
					}
				}
				for _, fact := range c.Expect.Facts {
					found := slices.ContainsFunc(c.Expect.Sources, func(s string) bool {
						return strings.Contains(docs[s], strings.ToLower(fact))
					})
					if !found {
						t.Errorf("%s: fact %q is in none of %v", where, fact, c.Expect.Sources)
					}
				}
				if leakSet && citizen && !slices.Contains(c.Expect.ForbidSources, "intern/**") {
					t.Errorf("%s: citizen case does not forbid intern/**", where)
				}
			}
		}
	}
	if len(seen) < 300 {
		t.Errorf("%d eval cases, want at least 300", len(seen))
	}
}
