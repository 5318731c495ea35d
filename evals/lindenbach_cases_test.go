// SPDX-License-Identifier: EUPL-1.2

package evals

import "testing"

// lindenbachCaseDirs are the case folders over the Lindenbach root: the
// iteration half and the held-out half.
var lindenbachCaseDirs = []string{"lindenbach", "lindenbach-heldout"}

// TestLindenbachCasesMatchCorpus checks the Lindenbach cases against the
// corpus they run on: every expected source is a document of the root,
// every fact stands literally in the text the loaders extract from one of
// its case's sources, and both halves keep the mix their headers state.
// Each half: the 25 first-round cases and the 6 of the second round
// (IDs with "-r2-"), alike in mix, so both halves keep the same one.
func TestLindenbachCasesMatchCorpus(t *testing.T) {
	checkCorpusCases(t, loadLindenbach(t), lindenbachCaseDirs, caseMix{
		cases: 31, employees: 3, langs: 3, escalations: 1, scope: 1, laws: 2, notices: 1, followups: 4,
	})
}
