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
func TestLindenbachCasesMatchCorpus(t *testing.T) {
	checkCorpusCases(t, loadLindenbach(t), lindenbachCaseDirs, caseMix{
		cases: 25, employees: 2, langs: 2, escalations: 1, scope: 1, laws: 1, notices: 1, followups: 3,
	})
}
