// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"testing"

	"github.com/musterstadt/lotse/knowledge"
)

// erlenstadeRoot is the knowledge root of the fourth fictional town,
// relative to this package (see evals/cases/erlenstade/README.md).
const erlenstadeRoot = "corpora/erlenstade"

// erlenstadeCaseDirs are the case folders over the Erlenstade root: the
// iteration half and the held-out half.
var erlenstadeCaseDirs = []string{"erlenstade", "erlenstade-heldout"}

func TestErlenstadeCorpusLoads(t *testing.T) {
	checkCorpusShape(t, corpusShape{
		name: "erlenstade", dir: erlenstadeRoot, organization: "Stadt Erlenstade",
		documents: 16,
		kinds: map[knowledge.Kind]int{
			knowledge.KindService: 11, knowledge.KindNotice: 2, knowledge.KindLaw: 1,
			knowledge.KindInstruction: 1, knowledge.KindArticle: 1,
		},
		formats:   map[string]int{"html": 3, "md": 6, "txt": 4, "json": 3},
		audiences: map[string]knowledge.Audience{"intern/": knowledge.Employee, "amtsblatt/": knowledge.All},
		// Fields of the JSON records, one of them from a file holding two.
		extracted: map[string][]string{
			"dienstleistungen-a-z/h/hundesteuer":                        {"für den zweiten Hund 144,00 Euro", "Hundesteuersatzung"},
			"dienstleistungen-a-z/p/parkausweise/handwerkerparkausweis": {"250,00 Euro je Fahrzeug und Jahr"},
			"dienstleistungen-a-z/p/parkausweise/bewohnerparkausweis":   {"30,00 Euro für ein Jahr"},
		},
	})
}

// TestErlenstadeCasesMatchCorpus checks the Erlenstade cases against the
// corpus they run on (see checkCorpusCases and
// evals/cases/erlenstade/README.md).
// Each half: the 20 first-round cases and the 6 of the second round
// (IDs with "-r2-"), alike in mix, so both halves keep the same one.
func TestErlenstadeCasesMatchCorpus(t *testing.T) {
	checkCorpusCases(t, loadCorpus(t, "erlenstade", erlenstadeRoot), erlenstadeCaseDirs, caseMix{
		cases: 26, employees: 3, langs: 3, escalations: 1, scope: 1, laws: 2, notices: 2, followups: 4,
	})
}
