// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusRoot returns a root of the shared public corpus, skipping the test
// when the corpus is not there.
func corpusRoot(t testing.TB, name string) Root {
	t.Helper()
	dir := filepath.Join("..", "..", "shared", "corpus", name)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus %s not present: %v", name, err)
	}
	return Root{Name: name, FS: os.DirFS(dir)}
}

func TestLoadSharedCorpus(t *testing.T) {
	for _, name := range []string{"services-de", "it-kb"} {
		t.Run(name, func(t *testing.T) {
			root := corpusRoot(t, name)
			docs, skipped, err := LoadRoots(context.Background(), []Root{root}, nil)
			if err != nil {
				t.Fatalf("LoadRoots: %v", err)
			}
			if len(docs) == 0 {
				t.Fatal("no documents loaded")
			}
			for _, s := range skipped {
				t.Logf("skipped %s: %s", s.Source, s.Reason)
				if s.Reason == "" {
					t.Errorf("%s skipped without a reason", s.Source)
				}
			}
			// The licence files are excluded by the roots' knowledge.yaml.
			licence := false
			for _, s := range skipped {
				licence = licence || strings.Contains(s.Source, "LICENSE")
			}
			if !licence {
				t.Error("LICENSE files not listed as skipped")
			}
			t.Logf("%d documents, %d skipped", len(docs), len(skipped))
		})
	}
}

func TestSearchSharedCorpus(t *testing.T) {
	services := corpusRoot(t, "services-de")
	itkb := corpusRoot(t, "it-kb")
	b := mustOpen(t, Config{Roots: []Root{services, itkb}})
	r := b.Report()
	t.Logf("%d documents, %d chunks in %v", r.Documents, r.Chunks, r.Duration)
	tests := []struct {
		text, wantPrefix string
		aud              Audience
	}{
		{"Wohnsitz anmelden nach Umzug", "tramitit-de-germany/anmeldung_des_wohnsitzes", Citizen},
		{"Kfz abmelden", "tramitit-de-germany/abmeldung_eines_fahrzeugs", Citizen},
		{"Einbürgerung beantragen", "tramitit-de-germany/antrag_auf_einburgerung", Citizen},
	}
	for _, tt := range tests {
		ps := mustSearch(t, b, Query{Text: tt.text, Audience: tt.aud, K: 3})
		found := false
		for _, p := range ps {
			found = found || strings.HasPrefix(p.DocID, tt.wantPrefix)
		}
		if !found {
			t.Errorf("Search(%q) = %v, want %s in the top 3", tt.text, ids(ps), tt.wantPrefix)
		}
	}
	for _, p := range mustSearch(t, b, Query{Text: "Passwort zurücksetzen Konto", Audience: Citizen, K: 50}) {
		if !p.Audience.VisibleTo(Citizen) {
			t.Errorf("citizen query returned IT article %s", p.DocID)
		}
	}
}
