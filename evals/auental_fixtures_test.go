// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"flag"
	"testing"
)

// The PDF and DOCX files of the Auental test corpus (evals/corpora/auental)
// are written from the texts in auental_texts_test.go. After changing a
// text, rewrite the files with
//
//	go test ./evals -run TestAuentalBinaries -update-auental
//
// and commit both. Without the flag the test fails when a committed file
// differs from what its text produces.
var updateAuental = flag.Bool("update-auental", false, "rewrite the PDF and DOCX files of evals/corpora/auental from their texts")

// auentalRoot is the Auental knowledge root, relative to this package.
const auentalRoot = "corpora/auental"

func auentalBinaries() []corpusBinary {
	return []corpusBinary{
		{"satzungen/benutzungsgebuehrensatzung.pdf", func() ([]byte, error) {
			return corpusPDF("Benutzungsgebührensatzung der Gemeinde Auental", "Benutzungsgebührensatzung", "Gemeinde Auental, Hauptamt", auGebuehrensatzung)
		}},
		{"mitarbeiterportal/dienstanweisungen/zeiterfassung-korrekturen.docx", func() ([]byte, error) {
			return corpusDOCX("Dienstanweisung Arbeitszeiterfassung", "Hauptamt, Personal und Organisation", "2026-03-16T08:15:00Z", auZeiterfassung)
		}},
	}
}

func TestAuentalBinaries(t *testing.T) {
	checkCorpusBinaries(t, auentalRoot, auentalBinaries(), *updateAuental, "update-auental")
}
