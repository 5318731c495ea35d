// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/knowledge"
)

// Helpers shared by the tests over the fictional towns' knowledge roots
// (evals/corpora/*) and the cases written for them.

// loadCorpus loads the knowledge root in dir (relative to this package)
// under name with the knowledge package's loaders, as lotse does, and
// fails the test for every file the loaders skip.
func loadCorpus(t *testing.T, name, dir string) []knowledge.Document {
	t.Helper()
	docs, skipped := loadRoot(t, name, dir)
	for _, s := range skipped {
		t.Errorf("skipped %s: %s", s.Source, s.Reason)
	}
	return docs
}

// loadRoot loads the knowledge root in dir under name as lotse does and
// returns what the loaders read and what they skipped, whose sources are
// relative to the root after the name ("<name>/…").
func loadRoot(t *testing.T, name, dir string) ([]knowledge.Document, []knowledge.Skipped) {
	t.Helper()
	root := knowledge.Root{Name: name, FS: os.DirFS(dir)}
	docs, skipped, err := knowledge.LoadRoots(context.Background(), []knowledge.Root{root}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return docs, skipped
}

// townGaps is what a town's tests know the loaders do not read yet, and
// the stand-ins that hold the text they should have read.
type townGaps struct {
	// gaps are files the loaders skip, by the kind they would be; a gap
	// file the loaders read now fails the test, to shrink the list.
	gaps map[string]knowledge.Kind
	// lost are documents the loaders read without their content, by a
	// string of that content; one that holds it now fails the test.
	lost map[string]string
	// navigation are files rightly skipped as navigation.
	navigation map[string]bool
	// standIns returns the documents holding the text of a gap file or
	// of a lost document (the first one stands in for a lost document).
	standIns func(t *testing.T, rel string, kind knowledge.Kind) []knowledge.Document
}

// loadTown loads the town's root in dir under name as lotse does and puts
// g's stand-ins in place of the gap files and the lost documents; any
// other skipped file fails the test. The documents are sorted by ID.
func loadTown(t *testing.T, name, dir string, g townGaps) []knowledge.Document {
	t.Helper()
	docs, skipped := loadRoot(t, name, dir)
	prefix := name + "/"
	read := map[string]bool{}
	for _, d := range docs {
		read[strings.TrimPrefix(d.Source, prefix)] = true
	}
	for rel := range g.gaps {
		if read[rel] {
			t.Errorf("%s is read by the loaders now; drop it from the town's gaps", rel)
		}
	}
	for _, s := range skipped {
		rel := strings.TrimPrefix(s.Source, prefix)
		if g.navigation[rel] {
			t.Logf("%s skipped as navigation (%s)", rel, s.Reason)
			continue
		}
		kind, gap := g.gaps[rel]
		if !gap {
			t.Errorf("skipped %s: %s", s.Source, s.Reason)
			continue
		}
		t.Logf("%s not read by the loaders (%s); checked against a stand-in", rel, s.Reason)
		docs = append(docs, g.standIns(t, rel, kind)...)
	}
	for i, d := range docs {
		marker, lost := g.lost[d.ID]
		if !lost {
			continue
		}
		if strings.Contains(docText(d), marker) {
			t.Errorf("%s: its content (%q) is loaded now; drop it from the town's lost documents", d.ID, marker)
			continue
		}
		t.Logf("%s: content lost by the loaders (sections %d, title %q); checked against a stand-in", d.ID, len(d.Sections), d.Title)
		sd := g.standIns(t, strings.TrimPrefix(d.Source, prefix), d.Kind)[0]
		sd.Audience, sd.Label = d.Audience, d.Label
		docs[i] = sd
	}
	slices.SortFunc(docs, func(a, b knowledge.Document) int { return strings.Compare(a.ID, b.ID) })
	return docs
}

// one adapts a stand-in function that returns one document to
// townGaps.standIns.
func one(f func(t *testing.T, rel string, kind knowledge.Kind) knowledge.Document) func(*testing.T, string, knowledge.Kind) []knowledge.Document {
	return func(t *testing.T, rel string, kind knowledge.Kind) []knowledge.Document {
		return []knowledge.Document{f(t, rel, kind)}
	}
}

// docText is everything of a document a fact may stand in: title, section
// headings and texts.
func docText(d knowledge.Document) string {
	var b strings.Builder
	b.WriteString(d.Title)
	for _, s := range d.Sections {
		b.WriteString("\n" + s.Heading + "\n" + s.Text)
	}
	return b.String()
}

// corpusShape is what a fictional town's root must load as.
type corpusShape struct {
	name, dir    string                 // root name and folder, as for loadCorpus
	organization string                 // from knowledge.yaml
	documents    int                    // total
	kinds        map[knowledge.Kind]int // documents per kind
	formats      map[string]int         // documents per loader format
	// audiences maps an ID prefix to the audience its documents have;
	// documents matching no prefix are for citizens.
	audiences map[string]knowledge.Audience
	// extracted maps a document ID to strings its loaded text must hold
	// (checks that PDF, DOCX, JSON and feed text arrives).
	extracted map[string][]string
	// chrome maps a document ID to why the loaders still index its site
	// navigation or footer: logged instead of failed, so that a root can
	// keep a page as its system exports it.
	chrome map[string]string
}

// checkCorpusShape loads a root and checks it against want: document
// counts by kind and format, audience by folder, German, a label from
// knowledge.yaml on every document, no site navigation or footer in the
// text, the given strings extracted, and the organisation's name. It
// returns the documents.
func checkCorpusShape(t *testing.T, want corpusShape) []knowledge.Document {
	t.Helper()
	docs := loadCorpus(t, want.name, want.dir)
	checkShape(t, want, docs)
	return docs
}

// checkShape checks docs, the documents of the root want describes, as
// checkCorpusShape does.
func checkShape(t *testing.T, want corpusShape, docs []knowledge.Document) {
	t.Helper()
	if len(docs) != want.documents {
		t.Errorf("%d documents, want %d", len(docs), want.documents)
	}
	kinds := map[knowledge.Kind]int{}
	formats := map[string]int{}
	byID := map[string]knowledge.Document{}
	for _, d := range docs {
		kinds[d.Kind]++
		formats[d.Format]++
		byID[d.ID] = d
		if d.Lang != "de" {
			t.Errorf("%s: language %q, want de", d.ID, d.Lang)
		}
		if d.Label == "" {
			t.Errorf("%s: no label from knowledge.yaml", d.ID)
		}
		if text := docText(d); strings.Contains(text, "Startseite") || strings.Contains(text, "Impressum") {
			if why, known := want.chrome[d.ID]; known {
				t.Logf("%s: site navigation or footer was indexed (%s)", d.ID, why)
			} else {
				t.Errorf("%s: site navigation or footer was indexed", d.ID)
			}
		}
		aud := knowledge.Citizen
		for prefix, a := range want.audiences {
			if strings.HasPrefix(d.ID, prefix) {
				aud = a
			}
		}
		if d.Audience != aud {
			t.Errorf("%s: audience %q, want %q", d.ID, d.Audience, aud)
		}
	}
	for k, n := range want.kinds {
		if kinds[k] != n {
			t.Errorf("%d documents of kind %s, want %d (all kinds: %v)", kinds[k], k, n, kinds)
		}
	}
	for f, n := range want.formats {
		if formats[f] != n {
			t.Errorf("%d documents in format %s, want %d (all formats: %v)", formats[f], f, n, formats)
		}
	}
	for id, strs := range want.extracted {
		d, ok := byID[id]
		if !ok {
			t.Errorf("%s not loaded", id)
			continue
		}
		for _, s := range strs {
			if !ContainsFact(docText(d), s) {
				t.Errorf("%s: %q not extracted", id, s)
			}
		}
	}
	org := knowledge.Organization([]knowledge.Root{{Name: want.name, FS: os.DirFS(want.dir)}})
	if org != want.organization {
		t.Errorf("organization %q, want %q", org, want.organization)
	}
}

// caseMix is the stated mix of a half of a town's cases.
type caseMix struct {
	cases, employees, langs, escalations, scope, laws, notices, followups int
}

// checkCorpusCases checks the cases in the case folders dirs (relative to
// cases/) against the documents of the root they run on: every expected
// source is a document, every fact stands literally in the loaded text of
// one of its case's sources, no case ID repeats across the folders, and
// each folder keeps the mix want states. A case counts as a follow-up when
// it has history or asks for more than one fact; as a bylaw or notice case
// once per expected source of that kind.
func checkCorpusCases(t *testing.T, docs []knowledge.Document, dirs []string, want caseMix) {
	t.Helper()
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	seen := map[string]string{}
	for _, dir := range dirs {
		cases, err := LoadCases(filepath.Join("cases", dir))
		if err != nil {
			t.Fatal(err)
		}
		checkSourcesExist(t, cases, ids)
		got := caseMix{cases: len(cases)}
		for _, c := range cases {
			if prev, dup := seen[c.ID]; dup {
				t.Errorf("case %q in %s and %s", c.ID, prev, dir)
			}
			seen[c.ID] = dir
			if c.Audience == knowledge.Employee {
				got.employees++
			}
			if c.Lang != "" && c.Lang != "de" {
				got.langs++
			}
			if c.Expect.Escalate != nil && *c.Expect.Escalate {
				got.escalations++
			}
			if c.Expect.Intent == "out_of_scope" {
				got.scope++
			}
			if len(c.History) > 0 || len(c.Expect.Facts) > 1 {
				got.followups++
			}
			for _, s := range c.Expect.Sources {
				for _, d := range docs {
					if MatchSource(s, d.ID) {
						switch d.Kind {
						case knowledge.KindLaw:
							got.laws++
						case knowledge.KindNotice:
							got.notices++
						}
					}
				}
			}
			for _, f := range c.Expect.Facts {
				found := false
				for _, d := range docs {
					if matchAny(c.Expect.Sources, d.ID) && ContainsFact(docText(d), f) {
						found = true
						break
					}
				}
				if !found {
					t.Errorf("%s: case %q: fact %q is in none of its expected sources", c.where(), c.ID, f)
				}
			}
		}
		if got != want {
			t.Errorf("%s: mix %+v, want %+v", dir, got, want)
		}
	}
}
