// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"flag"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/knowledge"
)

// The DOCX and PDF files of the seventh fictional town's knowledge root
// (evals/corpora/kastanienau, see evals/cases/kastanienau/README.md) are
// written from the texts in kastanienau_texts_test.go. After changing a
// text, rewrite the files with
//
//	go test ./evals -run TestKastanienauBinaries -update-kastanienau
//
// and commit both. Without the flag the test fails when a committed file
// differs from what its text produces.
var updateKastanienau = flag.Bool("update-kastanienau", false, "rewrite the DOCX and PDF files of evals/corpora/kastanienau from their texts")

// kastanienauRoot is the Kastanienau knowledge root, relative to this
// package.
const kastanienauRoot = "corpora/kastanienau"

// kastanienauCaseDirs are the case folders over the Kastanienau root: the
// iteration half and the held-out half.
var kastanienauCaseDirs = []string{"kastanienau", "kastanienau-heldout"}

func kastanienauBinaries() []corpusBinary {
	docx := func(path, title, creator, modified, text string) corpusBinary {
		return corpusBinary{path, func() ([]byte, error) { return corpusDOCX(title, creator, modified, text) }}
	}
	return []corpusBinary{
		docx("leistungen/bewohnerparkausweis.docx", "Bewohnerparkausweis", "Schäfer-Ohm, Annette", "2026-10-02T10:41:00Z", ksBewohnerpark),
		docx("leistungen/hundesteuer-anmelden.docx", "Hundesteuer", "Okonkwo, Daniel", "2026-09-15T08:03:00Z", ksHundesteuer),
		docx("leistungen/eheschliessung-anmelden.docx", "Eheschließung", "Lindqvist, Maren", "2026-08-01T13:27:00Z", ksEhe),
		docx("leistungen/fuehrungszeugnis.docx", "Führungszeugnis", "Demir, Serkan", "2026-10-20T07:55:00Z", ksFuehrungszeugnis),
		docx("leistungen/sperrmuell-abholung.docx", "Sperrmüll", "Wendland, Petra", "2026-11-05T11:12:00Z", ksSperrmuell),
		docx("leistungen/fischereischein.docx", "Fischereischein", "Baumgartner, Josef", "2026-03-11T09:30:00Z", ksFischereischein),
		docx("leistungen/reisepass-beantragen.docx", "Reisepass", "Pereira, Luisa", "2026-11-03T14:48:00Z", ksReisepass),
		{"bekanntmachungen/amtsblatt-2026-49.pdf", func() ([]byte, error) {
			return corpusPDF("Amtsblatt der Stadt Kastanienau Nr. 49/2026", "Amtsblatt der Stadt Kastanienau, Nr. 49 vom 3. Dezember 2026", "Stadt Kastanienau, Hauptamt – Amtsblatt", ksAmtsblatt)
		}},
		{"intranet/anweisungen/arbeitszeit-gleitzeit.pdf", func() ([]byte, error) {
			return corpusPDF("Dienstanweisung Nr. 4/2026 Gleitende Arbeitszeit", "Dienstanweisung Nr. 4/2026 – Gleitende Arbeitszeit", "Stadt Kastanienau, Hauptamt – Personal", ksGleitzeit)
		}},
	}
}

func TestKastanienauBinaries(t *testing.T) {
	checkCorpusBinaries(t, kastanienauRoot, kastanienauBinaries(), *updateKastanienau, "update-kastanienau")
}

func TestKastanienauCorpusLoads(t *testing.T) {
	docs := checkCorpusShape(t, corpusShape{
		name: "kastanienau", dir: kastanienauRoot, organization: "Stadt Kastanienau",
		documents: 17,
		kinds: map[knowledge.Kind]int{
			knowledge.KindService: 11, knowledge.KindNotice: 2, knowledge.KindLaw: 1,
			knowledge.KindInstruction: 1, knowledge.KindArticle: 2,
		},
		formats: map[string]int{"docx": 7, "html": 5, "pdf": 2, "md": 2, "txt": 1},
		audiences: map[string]knowledge.Audience{
			"intranet/": knowledge.Employee, "stadtportal/presse/": knowledge.All, "bekanntmachungen/": knowledge.All,
		},
		chrome: map[string]string{
			"ortsrecht/sondernutzungssatzung": "the council information system's menu, head data table and footer are divs and a table, not header, nav or footer elements",
		},
		// The Word documents' text and tables, the PDFs', the bylaw's fee
		// schedule and an accordion answer arrive.
		extracted: map[string][]string{
			"leistungen/reisepass-beantragen":            {"Reisepass beantragen", "70,00 Euro", "innerhalb von drei Werktagen"},
			"leistungen/hundesteuer-anmelden":            {"Hund anmelden (Hundesteuer)", "144,00 Euro", "steueramt@kastanienau.example"},
			"bekanntmachungen/amtsblatt-2026-49":         {"Bürgerbüro am 11. Dezember 2026 geschlossen", "Samstag: 10:00 bis 14:00 Uhr"},
			"intranet/anweisungen/arbeitszeit-gleitzeit": {"innerhalb von fünf Arbeitstagen", "höchstens zwei Gleittage im Monat"},
			"ortsrecht/sondernutzungssatzung":            {"Sondernutzungssatzung", "60,00 Euro", "Diese Satzung tritt am 1. November 2026 in Kraft."},
			"stadtportal/buergerbuero-fragen":            {"Fundsachen sechs Monate auf"},
			"stadtportal/wohnsitz-anmelden":              {"Meldebescheinigung kostet 8,00 Euro"},
		},
	})
	// What the loaders make of the layouts this root is about, logged for
	// the README: the clerk and file-number line of the Word files (an
	// answer must never quote it), the sections of a Word file whose title
	// and questions are bold paragraphs, the FAQPage JSON-LD (one of its
	// answers stands only there) and its markup.
	for _, d := range docs {
		text := docText(d)
		for _, s := range []string{"Aktenzeichen", "@type", "acceptedAnswer", "schema.org"} {
			if strings.Contains(text, s) {
				t.Logf("%s: %q is in the loaded text", d.ID, s)
			}
		}
		if d.Format == "docx" {
			t.Logf("%s: title %q, %d sections", d.ID, d.Title, len(d.Sections))
		}
		if d.ID == "stadtportal/abfalltonnen" && !strings.Contains(text, "Eigenkompostierung") {
			t.Logf("%s: an answer that stands only in the page's FAQPage JSON-LD is not in the loaded text", d.ID)
		}
	}
}

// TestKastanienauCasesMatchCorpus checks the Kastanienau cases against the
// corpus they run on (see checkCorpusCases and
// evals/cases/kastanienau/README.md).
// Each half: the 20 first-round cases and the 6 of the second round
// (IDs with "-r2-"), alike in mix, so both halves keep the same one.
func TestKastanienauCasesMatchCorpus(t *testing.T) {
	checkCorpusCases(t, loadCorpus(t, "kastanienau", kastanienauRoot), kastanienauCaseDirs, caseMix{
		cases: 26, employees: 3, langs: 3, escalations: 2, scope: 1, laws: 3, notices: 2, followups: 4,
	})
}
