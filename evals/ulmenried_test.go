// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"flag"
	"testing"

	"github.com/musterstadt/lotse/knowledge"
)

// The PDF and DOCX files of the fifth fictional town's knowledge root
// (evals/corpora/ulmenried, see evals/cases/ulmenried/README.md) are
// written from the texts in ulmenried_texts_test.go. After changing a
// text, rewrite the files with
//
//	go test ./evals -run TestUlmenriedBinaries -update-ulmenried
//
// and commit both. Without the flag the test fails when a committed file
// differs from what its text produces.
var updateUlmenried = flag.Bool("update-ulmenried", false, "rewrite the PDF and DOCX files of evals/corpora/ulmenried from their texts")

// ulmenriedRoot is the Ulmenried knowledge root, relative to this package.
const ulmenriedRoot = "corpora/ulmenried"

// ulmenriedCaseDirs are the case folders over the Ulmenried root: the
// iteration half and the held-out half.
var ulmenriedCaseDirs = []string{"ulmenried", "ulmenried-heldout"}

func ulmenriedBinaries() []corpusBinary {
	// The bylaws' footers carry the gazette issue they were published in,
	// as the town's PDF exports do; corpusPDF adds the page count.
	return []corpusBinary{
		{"bekanntmachungen/satzungen/abfallgebuehrensatzung.pdf", func() ([]byte, error) {
			return corpusPDF("Abfallgebührensatzung der Stadt Ulmenried", "Amtsblatt der Stadt Ulmenried Nr. 7/2026 vom 27. November 2026", "Stadt Ulmenried, Hauptamt – Amtsblatt", ulAbfallgebuehren)
		}},
		{"bekanntmachungen/satzungen/elternbeitragssatzung.pdf", func() ([]byte, error) {
			return corpusPDF("Elternbeitragssatzung der Stadt Ulmenried", "Amtsblatt der Stadt Ulmenried Nr. 4/2026 vom 30. April 2026", "Stadt Ulmenried, Hauptamt – Amtsblatt", ulElternbeitraege)
		}},
		{"mitarbeiternetz/anweisungen/it-stoerung-melden.docx", func() ([]byte, error) {
			return corpusDOCX("Dienstanweisung Nr. 3/2026 IT-Störungen", "Abteilung IT und Digitalisierung", "2026-05-20T11:40:00Z", ulITStoerung)
		}},
		{"mitarbeiternetz/anweisungen/krankmeldung-ablauf.docx", func() ([]byte, error) {
			return corpusDOCX("Arbeitsanweisung Arbeitsunfähigkeit melden", "Personal und Organisation", "2026-01-27T14:05:00Z", ulKrankmeldung)
		}},
	}
}

func TestUlmenriedBinaries(t *testing.T) {
	checkCorpusBinaries(t, ulmenriedRoot, ulmenriedBinaries(), *updateUlmenried, "update-ulmenried")
}

func TestUlmenriedCorpusLoads(t *testing.T) {
	docs := checkCorpusShape(t, corpusShape{
		name: "ulmenried", dir: ulmenriedRoot, organization: "Stadt Ulmenried",
		documents: 18,
		kinds: map[knowledge.Kind]int{
			knowledge.KindService: 10, knowledge.KindNotice: 2, knowledge.KindLaw: 2,
			knowledge.KindInstruction: 2, knowledge.KindArticle: 2,
		},
		formats: map[string]int{"html": 13, "md": 1, "pdf": 2, "docx": 2},
		audiences: map[string]knowledge.Audience{
			"mitarbeiternetz/": knowledge.Employee, "rathaus-online/pressemitteilungen/": knowledge.All,
		},
		// The binary formats' text arrives: the title, a line of a fee
		// table or a step, and a sentence from the end of each file; and
		// the answers of an accordion in the page's main text.
		extracted: map[string][]string{
			"bekanntmachungen/satzungen/abfallgebuehrensatzung": {"Abfallgebührensatzung", "120 Liter 216,00 Euro 66,00 Euro", "Diese Satzung tritt am 1. Januar 2027 in Kraft."},
			"bekanntmachungen/satzungen/elternbeitragssatzung":  {"Elternbeitragssatzung", "bis 50.000 Euro 96 Euro 134 Euro 172 Euro", "§ 8 Inkrafttreten"},
			"mitarbeiternetz/anweisungen/it-stoerung-melden":    {"Melden von IT-Störungen", "Durchwahl 4444", "isb@ulmenried.example"},
			"mitarbeiternetz/anweisungen/krankmeldung-ablauf":   {"Arbeitsunfähigkeit melden", "bis spätestens 9:00 Uhr", "Durchwahl 131 bis 136"},
			"rathaus-online/leistungen/reisepass-beantragen":    {"Leistungsschlüssel: 99088008001000", "13,00 Euro und ist ein Jahr gültig"},
			"rathaus-online/leistungen/fahrradbox-mieten":       {"Andere Gegenstände nicht."},
		},
	})
	for _, d := range docs {
		if d.ID == "bekanntmachungen/satzungen/abfallgebuehrensatzung" && len(d.Sections) < 2 {
			t.Errorf("abfallgebuehrensatzung: %d sections, want one per page (at least 2)", len(d.Sections))
		}
	}
}

// TestUlmenriedCasesMatchCorpus checks the Ulmenried cases against the
// corpus they run on (see checkCorpusCases and
// evals/cases/ulmenried/README.md).
// Each half: the 20 first-round cases and the 10 of the second round
// (IDs with "-r2-"), alike in mix, so both halves keep the same one.
func TestUlmenriedCasesMatchCorpus(t *testing.T) {
	checkCorpusCases(t, loadCorpus(t, "ulmenried", ulmenriedRoot), ulmenriedCaseDirs, caseMix{
		cases: 30, employees: 3, langs: 4, escalations: 1, scope: 2, laws: 3, notices: 3, followups: 4,
	})
}
