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
func TestErlenstadeCasesMatchCorpus(t *testing.T) {
	checkCorpusCases(t, loadCorpus(t, "erlenstade", erlenstadeRoot), erlenstadeCaseDirs, caseMix{
		cases: 20, employees: 2, langs: 2, escalations: 1, scope: 1, laws: 1, notices: 2, followups: 3,
	})
}
