// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"testing"

	"github.com/musterstadt/lotse/knowledge"
)

// auentalCaseDirs are the case folders over the Auental root: the
// iteration half and the held-out half.
var auentalCaseDirs = []string{"auental", "auental-heldout"}

func TestAuentalCorpusLoads(t *testing.T) {
	docs := checkCorpusShape(t, corpusShape{
		name: "auental", dir: auentalRoot, organization: "Gemeinde Auental",
		documents: 24,
		kinds: map[knowledge.Kind]int{
			knowledge.KindService: 15, knowledge.KindNotice: 4, knowledge.KindLaw: 2,
			knowledge.KindInstruction: 1, knowledge.KindArticle: 2,
		},
		formats:   map[string]int{"html": 7, "md": 8, "txt": 2, "json": 3, "rss": 2, "pdf": 1, "docx": 1},
		audiences: map[string]knowledge.Audience{"mitarbeiterportal/": knowledge.Employee, "presse/": knowledge.All},
		// Text from every format whose file is not read as it stands: the
		// end of the PDF and the DOCX, fields of the JSON records, and the
		// feed's items.
		extracted: map[string][]string{
			"satzungen/benutzungsgebuehrensatzung":                          {"Benutzungsgebührensatzung", "mindestens jedoch 5,40 Euro", "Diese Satzung tritt am 1. Januar 2026 in Kraft."},
			"mitarbeiterportal/dienstanweisungen/zeiterfassung-korrekturen": {"Arbeitszeiterfassung mit ZeitAu", "bis zum fünften Arbeitstag des Folgemonats", "Durchwahl 211"},
			"buergerservice/leistungen/familie/betreuung/ferienbetreuung":   {"30,00 Euro für jedes Geschwisterkind", "15. Januar bis 28. Februar"},
			"buergerservice/leistungen/familie/betreuung/schulmittagessen":  {"bis 8:00 Uhr am selben Tag"},
			"buergerservice/leistungen/freizeit/buechereiausweis":           {"ermäßigt 7,50 Euro"},
		},
	})
	var feed int
	for _, d := range docs {
		if d.Format == "rss" && d.Kind == knowledge.KindNotice && !d.Updated.IsZero() {
			feed++
		}
	}
	if feed != 2 {
		t.Errorf("%d dated notices from the feed, want 2", feed)
	}
}

// TestAuentalCasesMatchCorpus checks the Auental cases against the corpus
// they run on (see checkCorpusCases and evals/cases/auental/README.md).
// Each half: the 20 first-round cases, the 6 of the second round (IDs
// with "-r2-") and the 6 of the third (IDs with "-r3-"), alike in mix,
// so both halves keep the same one.
func TestAuentalCasesMatchCorpus(t *testing.T) {
	checkCorpusCases(t, loadCorpus(t, "auental", auentalRoot), auentalCaseDirs, caseMix{
		cases: 32, employees: 3, langs: 4, escalations: 1, scope: 1, laws: 3, notices: 2, followups: 5,
	})
}
