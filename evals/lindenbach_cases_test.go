// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"path/filepath"
	"testing"

	"github.com/musterstadt/lotse/knowledge"
)

// lindenbachCaseDirs are the case folders over the Lindenbach root: the
// iteration half and the held-out half.
var lindenbachCaseDirs = []string{"lindenbach", "lindenbach-heldout"}

// TestLindenbachCasesMatchCorpus checks the Lindenbach cases against the
// corpus they run on: every expected source is a document of the root,
// every fact stands literally in the text the loaders extract from one of
// its case's sources, and both halves keep the mix their headers state.
func TestLindenbachCasesMatchCorpus(t *testing.T) {
	docs := loadLindenbach(t)
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	kindOf := map[string]knowledge.Kind{}
	for _, d := range docs {
		kindOf[d.ID] = d.Kind
	}
	seen := map[string]string{}
	for _, dir := range lindenbachCaseDirs {
		cases, err := LoadCases(filepath.Join("cases", dir))
		if err != nil {
			t.Fatal(err)
		}
		checkSourcesExist(t, cases, ids)
		var employees, langs, escalations, scope, laws, notices, followups int
		for _, c := range cases {
			if prev, dup := seen[c.ID]; dup {
				t.Errorf("case %q in %s and %s", c.ID, prev, dir)
			}
			seen[c.ID] = dir
			if c.Audience == knowledge.Employee {
				employees++
			}
			if c.Lang != "" && c.Lang != "de" {
				langs++
			}
			if c.Expect.Escalate != nil && *c.Expect.Escalate {
				escalations++
			}
			if c.Expect.Intent == "out_of_scope" {
				scope++
			}
			if len(c.History) > 0 || len(c.Expect.Facts) > 1 {
				followups++
			}
			for _, s := range c.Expect.Sources {
				for _, d := range docs {
					if MatchSource(s, d.ID) {
						switch d.Kind {
						case knowledge.KindLaw:
							laws++
						case knowledge.KindNotice:
							notices++
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
		if len(cases) != 25 || employees != 2 || langs != 2 || escalations != 1 || scope != 1 || laws != 1 || notices != 1 || followups != 3 {
			t.Errorf("%s: %d cases, %d employee, %d other-language, %d escalation, %d out-of-scope, %d bylaw, %d press-release, %d follow-up/multi cases; want 25, 2, 2, 1, 1, 1, 1, 3", dir, len(cases), employees, langs, escalations, scope, laws, notices, followups)
		}
	}
}
