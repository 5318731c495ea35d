// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"testing"

	"github.com/musterstadt/lotse/knowledge"
)

// loadLindenbach loads the Lindenbach knowledge root with the knowledge
// package's loaders, as lotse does.
func loadLindenbach(t *testing.T) []knowledge.Document {
	t.Helper()
	return loadCorpus(t, "lindenbach", lindenbachRoot)
}

func TestLindenbachCorpusLoads(t *testing.T) {
	docs := checkCorpusShape(t, corpusShape{
		name: "lindenbach", dir: lindenbachRoot, organization: "Stadt Lindenbach",
		documents: 31,
		kinds: map[knowledge.Kind]int{
			knowledge.KindService: 22, knowledge.KindNotice: 4, knowledge.KindLaw: 2,
			knowledge.KindInstruction: 2, knowledge.KindArticle: 1,
		},
		formats:   map[string]int{"html": 9, "md": 13, "txt": 5, "pdf": 2, "docx": 2},
		audiences: map[string]knowledge.Audience{"intranet/": knowledge.Employee, "aktuelles/": knowledge.All},
		// The binary formats' text arrives: a sentence from the last page
		// of each PDF and from the end of each DOCX, and their titles.
		extracted: map[string][]string{
			"ortsrecht/hundesteuersatzung":                      {"Hundesteuersatzung der Stadt Lindenbach", "für den zweiten Hund 120,00 Euro", "Diese Satzung tritt am 1. Januar 2022 in Kraft."},
			"ortsrecht/friedhofssatzung":                        {"Friedhofssatzung der Stadt Lindenbach", "Hunde sind an der kurzen Leine zu führen", "§ 18 Inkrafttreten"},
			"intranet/dienstanweisungen/vpn-zugang-beantragen":  {"Fernzugriff (VPN) für mobiles Arbeiten", "innerhalb von fünf Arbeitstagen", "Geben Sie die Fehlermeldung von LinConnect an."},
			"intranet/dienstanweisungen/druckerstoerung-melden": {"Störungen an Druckern und Multifunktionsgeräten melden", "MFG-2-07", "nach 24 Stunden automatisch gelöscht"},
		},
	})
	for _, d := range docs {
		if d.ID == "ortsrecht/hundesteuersatzung" && len(d.Sections) < 2 {
			t.Errorf("hundesteuersatzung: %d sections, want one per page (at least 2)", len(d.Sections))
		}
	}
}
