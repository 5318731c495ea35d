// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"flag"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/knowledge"
)

// The PDF and DOCX files of the eighth fictional town's knowledge root
// (evals/corpora/birkenried, see evals/cases/birkenried/README.md) are
// written from the texts in birkenried_texts_test.go. After changing a
// text, rewrite the files with
//
//	go test ./evals -run TestBirkenriedBinaries -update-birkenried
//
// and commit both. Without the flag the test fails when a committed file
// differs from what its text produces.
var updateBirkenried = flag.Bool("update-birkenried", false, "rewrite the PDF and DOCX files of evals/corpora/birkenried from their texts")

// birkenriedRoot is the Birkenried knowledge root, relative to this
// package.
const birkenriedRoot = "corpora/birkenried"

// birkenriedCaseDirs are the case folders over the Birkenried root: the
// iteration half and the held-out half.
var birkenriedCaseDirs = []string{"birkenried", "birkenried-heldout"}

func birkenriedBinaries() []corpusBinary {
	pdf := func(path, title, footer, producer, text string) corpusBinary {
		return corpusBinary{path, func() ([]byte, error) { return corpusPDF(title, footer, producer, text) }}
	}
	return []corpusBinary{
		pdf("merkblaetter/merkblatt-brauchtumsfeuer.pdf", "Merkblatt Brauchtumsfeuer", "Stadt Birkenried – Merkblatt Brauchtumsfeuer", "Microsoft Word für Microsoft 365", brMerkblattFeuer),
		pdf("merkblaetter/merkblatt-hundesteuer.pdf", "Merkblatt Hundesteuer", "Stadt Birkenried – Merkblatt Hundesteuer", "Microsoft Word für Microsoft 365", brMerkblattHund),
		pdf("ortsrecht/friedhofssatzung.pdf", "Friedhofssatzung der Stadt Birkenried", "Friedhofssatzung der Stadt Birkenried vom 21. Oktober 2025", "Stadt Birkenried, Hauptamt – Ortsrecht", brFriedhofssatzung),
		{"intranet/dienstanweisungen/dienstreisen.docx", func() ([]byte, error) {
			return corpusDOCX("DA Dienstreisen", "Okafor, Chiamaka", "2026-02-18T09:12:00Z", brDienstreisen)
		}},
	}
}

func TestBirkenriedBinaries(t *testing.T) {
	checkCorpusBinaries(t, birkenriedRoot, birkenriedBinaries(), *updateBirkenried, "update-birkenried")
}

func TestBirkenriedCorpusLoads(t *testing.T) {
	docs := checkCorpusShape(t, corpusShape{
		name: "birkenried", dir: birkenriedRoot, organization: "Stadt Birkenried",
		documents: 19,
		kinds: map[knowledge.Kind]int{
			knowledge.KindService: 11, knowledge.KindNotice: 4, knowledge.KindLaw: 1,
			knowledge.KindInstruction: 1, knowledge.KindArticle: 2,
		},
		formats: map[string]int{"html": 7, "md": 4, "pdf": 3, "txt": 2, "rss": 2, "docx": 1},
		audiences: map[string]knowledge.Audience{
			"intranet/": knowledge.Employee, "amtsblatt/": knowledge.All, "aktuelles/": knowledge.All,
		},
		chrome: map[string]string{
			"intranet/it-wiki/vpn-mobiles-arbeiten": "the wiki's header, page tree, metadata line and labels are divs whose class names name no frame",
		},
		// The PDFs' lists and tables, the Word table and numbered
		// paragraphs, the feed's items and the fee table's rows arrive.
		extracted: map[string][]string{
			"merkblaetter/merkblatt-brauchtumsfeuer":  {"spätestens zwei Wochen vorher", "mindestens 50 Meter"},
			"merkblaetter/merkblatt-hundesteuer":      {"240,00 Euro", "zum 1. Juli"},
			"ortsrecht/friedhofssatzung":              {"Ruhezeit für Aschen beträgt 15 Jahre", "780,00 Euro"},
			"intranet/dienstanweisungen/dienstreisen": {"0,35 Euro je Kilometer", "innerhalb von sechs Monaten"},
			"buergerservice/reisepass-beantragen":     {"37,50 Euro", "70,00 Euro", "32,00 Euro"},
			"buergerservice/gewerbe-anmelden":         {"26,00 Euro"},
		},
	})
	// What the loaders make of the layouts this root is about, logged for
	// the README: the CMS pages' chrome (cookie notice, menu, breadcrumb,
	// sidebar with contact persons, print and share links), the wiki's
	// metadata line and labels, the Word list numbers, the sections of
	// the pages whose headings are questions.
	for _, d := range docs {
		text := docText(d)
		for _, s := range []string{"Cookies", "Sie sind hier", "Ansprechpartner", "Seite drucken", "Seite teilen", "Impressum", "Leichte Sprache", "Startseite", "Zimmer 0.14", "zuletzt geändert", "Stichwörter", "Bereitgestellt von", "Seitenbaum", "1. Diese Dienstanweisung", "[ ]"} {
			if strings.Contains(text, s) {
				t.Logf("%s: %q is in the loaded text", d.ID, s)
			}
		}
		var heads []string
		for _, s := range d.Sections {
			heads = append(heads, s.Heading)
		}
		t.Logf("%s (%s, %s): title %q, sections %q", d.ID, d.Format, d.Kind, d.Title, heads)
	}
}

// TestBirkenriedCasesMatchCorpus checks the Birkenried cases against the
// corpus they run on (see checkCorpusCases and
// evals/cases/birkenried/README.md).
// Each half: the 20 first-round cases and the 6 of the second round
// (IDs with "-r2-"), alike in mix, so both halves keep the same one.
func TestBirkenriedCasesMatchCorpus(t *testing.T) {
	checkCorpusCases(t, loadCorpus(t, "birkenried", birkenriedRoot), birkenriedCaseDirs, caseMix{
		cases: 26, employees: 4, langs: 3, escalations: 2, scope: 1, laws: 3, notices: 3, followups: 4,
	})
}
