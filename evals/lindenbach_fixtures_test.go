// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"flag"
	"testing"
)

// The PDF and DOCX files of the Lindenbach test corpus (evals/corpora/
// lindenbach) are written from the texts in this file, so that they can be
// read, reviewed and changed like the Markdown, HTML and text pages beside
// them. After changing a text, rewrite the files with
//
//	go test ./evals -run TestLindenbachBinaries -update-lindenbach
//
// and commit both. Without the flag the test fails when a committed file
// differs from what its text produces.
var updateLindenbach = flag.Bool("update-lindenbach", false, "rewrite the PDF and DOCX files of evals/corpora/lindenbach from their texts")

// lindenbachRoot is the Lindenbach knowledge root, relative to this package.
const lindenbachRoot = "corpora/lindenbach"

// The producer of the Lindenbach PDFs and the author of its DOCX files.
const (
	lbProducer = "Lindenbach Ortsrecht"
	lbCreator  = "Abteilung IT und Digitalisierung"
)

func lindenbachBinaries() []corpusBinary {
	return []corpusBinary{
		{"ortsrecht/hundesteuersatzung.pdf", func() ([]byte, error) {
			return corpusPDF("Hundesteuersatzung der Stadt Lindenbach", "Hundesteuersatzung", lbProducer, lbHundesteuersatzung)
		}},
		{"ortsrecht/friedhofssatzung.pdf", func() ([]byte, error) {
			return corpusPDF("Friedhofssatzung der Stadt Lindenbach", "Friedhofssatzung", lbProducer, lbFriedhofssatzung)
		}},
		{"intranet/dienstanweisungen/vpn-zugang-beantragen.docx", func() ([]byte, error) {
			return corpusDOCX("Dienstanweisung Fernzugriff (VPN)", lbCreator, "2025-02-17T09:00:00Z", lbVPNAnweisung)
		}},
		{"intranet/dienstanweisungen/druckerstoerung-melden.docx", func() ([]byte, error) {
			return corpusDOCX("Arbeitsanweisung Störungen an Druckern", lbCreator, "2026-05-06T10:30:00Z", lbDruckerAnweisung)
		}},
	}
}

func TestLindenbachBinaries(t *testing.T) {
	checkCorpusBinaries(t, lindenbachRoot, lindenbachBinaries(), *updateLindenbach, "update-lindenbach")
}
