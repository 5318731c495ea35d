// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"flag"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/knowledge"
)

// The PDF and DOCX files of the ninth fictional town's knowledge root
// (evals/corpora/tannhausen, see evals/cases/tannhausen/README.md) are
// written from the texts in tannhausen_texts_test.go. After changing a
// text, rewrite the files with
//
//	go test ./evals -run TestTannhausenBinaries -update-tannhausen
//
// and commit both. Without the flag the test fails when a committed file
// differs from what its text produces.
var updateTannhausen = flag.Bool("update-tannhausen", false, "rewrite the PDF and DOCX files of evals/corpora/tannhausen from their texts")

// tannhausenRoot is the Tannhausen knowledge root, relative to this
// package.
const tannhausenRoot = "corpora/tannhausen"

// tannhausenXZuFiMeta are values of the XZuFi export's metadata
// elements (message id, timestamp, author of the header, service id and
// key, amounts, type code): identifiers, dates and codes an answer must
// never quote, left out of the loaded text.
var tannhausenXZuFiMeta = []string{"3b6f1e8a", "2026-11-02T07:45", "Amt für Bürgerdienste und Ordnung", "TH-L-000417", "99102012000000", "13.00", "2/3"}

// tannhausenTitles are the titles of the pages laid out with tables:
// their first line in bold, without the site's name that <title> adds.
var tannhausenTitles = map[string]string{
	"rathaus/personalausweis":              "Personalausweis beantragen",
	"rathaus/kirchenaustritt":              "Kirchenaustritt erklären",
	"rathaus/beglaubigung":                 "Beglaubigung von Kopien und Unterschriften",
	"rathaus/ausschank-vereinsfest":        "Ausschank bei Festen (Gestattung)",
	"rathaus/buergerbuero-oeffnungszeiten": "Bürgerbüro – Öffnungszeiten und Kontakt",
	"intranet/it-hilfe/follow-me-drucken":  "Drucken mit Follow-Me",
	// The Word file's title paragraph, not its properties' title
	// "DA 3-2026 Abwesenheiten".
	"intranet/dienstanweisungen/krankmeldung-urlaub": "Dienstanweisung Nr. 3/2026 über Krankmeldung, Urlaub und Arbeitsbefreiung",
}

// tannhausenBoldHeads are sections the layout-table pages' bold lines
// open (some of them name no facet, so only the bold line makes them
// one), and the contact box beside the main text, a section of its own.
var tannhausenBoldHeads = map[string][]string{
	"rathaus/ausschank-vereinsfest":       {"Was ist beim Jugendschutz zu beachten?", "Sperrzeit", "Ihr Kontakt › Ordnungsamt"},
	"rathaus/beglaubigung":                {"Was wir beglaubigen", "Was wir nicht beglaubigen", "Ihr Kontakt › Bürgerbüro"},
	"rathaus/personalausweis":             {"Vorläufiger Personalausweis", "Verlust"},
	"intranet/it-hilfe/follow-me-drucken": {"Wie lange bleiben Druckaufträge gespeichert?", "Farbe und Papier", "Störungen"},
}

// tannhausenCaseDirs are the case folders over the Tannhausen root: the
// iteration half and the held-out half.
var tannhausenCaseDirs = []string{"tannhausen", "tannhausen-heldout"}

func tannhausenBinaries() []corpusBinary {
	return []corpusBinary{
		{"ortsrecht/hallengebuehrensatzung.pdf", func() ([]byte, error) {
			return tannhausenPDF("Hallengebührensatzung", "Stadt Tannhausen – Hallengebührensatzung vom 24. Juni 2026", "Microsoft® Word für Microsoft 365", thHallengebuehren, []int{60, 90, 330, 410, 490}, 40)
		}},
		{"intranet/dienstanweisungen/krankmeldung-urlaub.docx", func() ([]byte, error) {
			return corpusDOCX("DA 3-2026 Abwesenheiten", "Hauptamt SG Personal", "2026-06-30T14:05:00Z", thAbwesenheiten)
		}},
	}
}

func TestTannhausenBinaries(t *testing.T) {
	checkCorpusBinaries(t, tannhausenRoot, tannhausenBinaries(), *updateTannhausen, "update-tannhausen")
}

// loadTannhausen loads the Tannhausen root as lotse does; a skipped file
// fails the test.
func loadTannhausen(t *testing.T) []knowledge.Document {
	t.Helper()
	return loadCorpus(t, "tannhausen", tannhausenRoot)
}

// tannhausenPDF lays text out as corpusPDF does (paragraphs wrapped at a
// fixed width, "#" and "§" lines as headings, a footer with the page
// number), except that a paragraph of "| a | b | … |" lines is a table:
// each cell is its own text object at its column's x position (cols),
// wrapped inside its cell when longer than wrap characters (the second
// column only; the others are short), the first row in bold, and a row
// as high as its tallest cell — as a word processor exports a table with
// a long room name next to the amounts.
func tannhausenPDF(title, footer, producer, text string, cols []int, wrap int) ([]byte, error) {
	const (
		width   = 92
		top     = 800
		bottom  = 70
		leading = 13
	)
	type cell struct {
		x     int
		lines []string
		bold  bool
	}
	var rows [][]cell // one block of lines; a paragraph line is a row of one cell at x=60
	line := func(s string) { rows = append(rows, []cell{{x: 60, lines: []string{s}}}) }
	for _, para := range strings.Split(strings.TrimSpace(text), "\n\n") {
		para = strings.TrimSpace(para)
		switch {
		case strings.HasPrefix(para, "|"):
			for i, r := range strings.Split(para, "\n") {
				cells := strings.Split(strings.Trim(strings.TrimSpace(r), "|"), "|")
				if len(cells) != len(cols) {
					return nil, fmt.Errorf("table row %q has %d cells, want %d", r, len(cells), len(cols))
				}
				var row []cell
				for j, c := range cells {
					c = strings.TrimSpace(c)
					ls := []string{c}
					if j == 1 {
						ls = wrapLine(c, wrap)
					}
					row = append(row, cell{x: cols[j], lines: ls, bold: i == 0})
				}
				rows = append(rows, row)
			}
		case strings.HasPrefix(para, "#"):
			line("")
			line(strings.TrimSpace(strings.TrimLeft(para, "#")))
		case strings.HasPrefix(para, "§"):
			line("")
			line(para)
		default:
			for _, l := range strings.Split(para, "\n") {
				for _, w := range wrapLine(strings.TrimSpace(l), width) {
					line(w)
				}
			}
		}
	}
	height := func(r []cell) int {
		n := 0
		for _, c := range r {
			n = max(n, len(c.lines))
		}
		return n
	}
	var pages [][][]cell
	var cur [][]cell
	y := top
	for _, r := range rows {
		h := height(r)
		if y-(h-1)*leading < bottom {
			pages, cur, y = append(pages, cur), nil, top
			if len(r) == 1 && r[0].lines[0] == "" {
				continue
			}
		}
		cur = append(cur, r)
		y -= h * leading
	}
	pages = append(pages, cur)

	var objs []string
	objs = append(objs, "<< /Type /Catalog /Pages 2 0 R >>")
	kids := make([]string, len(pages))
	for i := range pages {
		kids[i] = fmt.Sprintf("%d 0 R", 5+2*i)
	}
	objs = append(objs, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages)))
	objs = append(objs, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	objs = append(objs, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
	for i, pg := range pages {
		var c strings.Builder
		y := top
		for _, r := range pg {
			for _, cl := range r {
				font := "F1"
				if cl.bold {
					font = "F2"
				}
				for k, l := range cl.lines {
					if l == "" {
						continue
					}
					s, err := pdfLiteral(l)
					if err != nil {
						return nil, err
					}
					fmt.Fprintf(&c, "BT /%s 10 Tf %d %d Td %s Tj ET\n", font, cl.x, y-k*leading, s)
				}
			}
			y -= height(r) * leading
		}
		s, err := pdfLiteral(fmt.Sprintf("%s – Seite %d von %d", footer, i+1, len(pages)))
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&c, "BT /F1 8 Tf 60 40 Td %s Tj ET\n", s)
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>", 6+2*i))
		objs = append(objs, fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", c.Len(), c.String()))
	}
	return assemblePDF(objs, title, producer)
}

func TestTannhausenCorpusLoads(t *testing.T) {
	docs := loadTannhausen(t)
	checkShape(t, corpusShape{
		name: "tannhausen", dir: tannhausenRoot, organization: "Stadt Tannhausen",
		documents: 18,
		kinds: map[knowledge.Kind]int{
			knowledge.KindService: 9, knowledge.KindNotice: 4, knowledge.KindLaw: 1,
			knowledge.KindInstruction: 1, knowledge.KindArticle: 3,
		},
		formats: map[string]int{"html": 6, "md": 4, "rss": 3, "txt": 2, "pdf": 1, "docx": 1, "xml": 1},
		audiences: map[string]knowledge.Audience{
			"intranet/": knowledge.Employee, "amtsblatt/": knowledge.All, "aktuelles/": knowledge.All,
		},
		// The layout tables' menus, breadcrumb and footer are
		// navigation by their links, not by their elements: no
		// "Startseite" or "Impressum" is loaded (checkShape).
		// The layout-table pages' text (entities decoded), the Markdown
		// pages' tables, the feed entries, the Amtsblatt across its hard
		// line breaks, the PDF table's rows and the Word file's lists and
		// table arrive.
		extracted: map[string][]string{
			"rathaus/personalausweis":              {"22,80 Euro", "37,00 Euro", "drei bis vier Wochen"},
			"rathaus/buergerbuero-oeffnungszeiten": {"8:00 bis 18:00 Uhr", "Jelena Marković"},
			"themen/stadtbibliothek":               {"15,00 Euro", "0,50 Euro je Medium"},
			"ortsrecht/hallengebuehrensatzung":     {"Hallengebührensatzung", "650,00", "mehr als acht Wochen", "Diese Satzung tritt am 1. September 2026 in Kraft."},
			// Word's numbers of the lists' items.
			"intranet/dienstanweisungen/krankmeldung-urlaub": {"bis 9:00 Uhr", "länger als drei Kalendertage", "2 Arbeitstage", "4. Dauert die Arbeitsunfähigkeit", "a) Privat Versicherte", "b) Die Amtsleitung"},
			"amtsblatt/amtsblatt-2026-50":                    {"vom 24. Dezember 2026 bis 1. Januar 2027", "26. Februar 2027"},
			// The entries' XHTML content, not only their summaries.
			"aktuelles/pressemitteilungen/hallenbad-schliesst-ueber-die-feiertage-zur-revision":       {"Jahreskarten werden um 17 Tage"},
			"aktuelles/pressemitteilungen/weihnachtsmarkt-auf-dem-marktplatz":                         {"Geöffnet ist am Freitag"},
			"aktuelles/pressemitteilungen/winterdienst-das-muessen-anliegerinnen-und-anlieger-wissen": {"Breite von mindestens 1,20 Metern"},
			"leistungen/xzufi/fuehrungszeugnis":                                                       {"13,00 Euro", "gebührenfrei"},
		},
	}, docs)
	// What the loaders make of the layouts this root is about, logged for
	// the README: the layout tables' chrome (menus, breadcrumb, contact
	// box, print links, footer), Hugo's shortcodes and setext headings,
	// MkDocs' admonitions, the Atom entries' XHTML content, the Amtsblatt's
	// hyphenated line ends and underlines, the PDF table's rows, the Word
	// numbering.
	// What the loaders no longer keep: Hugo's shortcodes, MkDocs'
	// admonition markers, the underlines of setext headings and of the
	// plain texts' headlines, words cut at a hard-wrapped line's end, the
	// layout tables' breadcrumb, print links, "nach oben" and the
	// intranet's banner links.
	gone := []string{"{{<", "!!!", "=====", "Brücken- straße", "Brücken-\nstraße",
		"Sie befinden sich hier", "Seite drucken", "weiterempfehlen", "Leichte Sprache", "nach oben", "Speiseplan", "Telefonbuch", "Schnellzugriff"}
	for _, d := range docs {
		text := docText(d)
		for _, s := range []string{"Seitenaufrufe"} {
			if strings.Contains(text, s) {
				t.Logf("%s: %q is in the loaded text", d.ID, s)
			}
		}
		for _, s := range gone {
			if strings.Contains(text, s) {
				t.Errorf("%s: %q is in the loaded text", d.ID, s)
			}
		}
		if d.Format == "md" || d.Format == "txt" {
			for _, l := range strings.Split(text, "\n") {
				if l = strings.TrimSpace(l); len(l) >= 3 && (strings.Trim(l, "=") == "" || strings.Trim(l, "-") == "") {
					t.Errorf("%s: a heading's underline %q is in the loaded text", d.ID, l)
				}
			}
		}
		var heads []string
		for _, s := range d.Sections {
			heads = append(heads, s.Heading)
		}
		t.Logf("%s (%s, %s): title %q, sections %q", d.ID, d.Format, d.Kind, d.Title, heads)
		if want, ok := tannhausenTitles[d.ID]; ok && d.Title != want {
			t.Errorf("%s: title %q, want %q", d.ID, d.Title, want)
		}
		for _, h := range tannhausenBoldHeads[d.ID] {
			if !slices.Contains(heads, d.Title+" › "+h) {
				t.Errorf("%s: no section %q: %q", d.ID, h, heads)
			}
		}
		for _, s := range d.Sections {
			// The contact box is not part of the last bold line's
			// section, and the intranet's left column heads nothing.
			if strings.HasPrefix(d.ID, "rathaus/") && strings.Contains(s.Text, "Telefon 07435") && !strings.Contains(s.Heading, "Ihr Kontakt") {
				t.Errorf("%s: the contact box is in the section %q", d.ID, s.Heading)
			}
			if d.ID == "intranet/it-hilfe/follow-me-drucken" && strings.HasSuffix(s.Heading, "Formulare") {
				t.Errorf("%s: the left column's last link heads the section %q", d.ID, s.Heading)
			}
		}
		if d.ID == "intranet/dienstanweisungen/krankmeldung-urlaub" && !slices.Contains(heads, d.Title+" › 1 Geltungsbereich") {
			// Word numbers the headings "%1": "1 Geltungsbereich".
			t.Errorf("%s: the heading's number is lost: %q", d.ID, heads)
		}
		if d.ID == "amtsblatt/amtsblatt-2026-50" && !slices.Contains(heads, d.Title+" › 2. Vollsperrung der Brückenstraße") {
			t.Errorf("%s: the numbered headline \"2. Vollsperrung der Brückenstraße\" heads no section: %q", d.ID, heads)
		}
		if d.ID == "intranet/it-hilfe/servicedesk" && slices.ContainsFunc(heads, func(h string) bool { return strings.Contains(h, "7:30") }) {
			t.Errorf("%s: a line of hours heads a section: %q", d.ID, heads)
		}
		if d.ID == "themen/briefwahl" && !slices.ContainsFunc(heads, func(h string) bool { return strings.HasSuffix(h, "› Bis wann?") }) {
			t.Errorf("%s: no section for the setext heading \"Bis wann?\": %q", d.ID, heads)
		}
		if d.ID == "leistungen/xzufi/fuehrungszeugnis" {
			if d.Format != "xml" || d.Title != "Führungszeugnis beantragen" {
				t.Errorf("%s: format %q, title %q", d.ID, d.Format, d.Title)
			}
			for _, s := range tannhausenXZuFiMeta {
				if strings.Contains(text, s) {
					t.Errorf("%s: metadata %q is in the loaded text", d.ID, s)
				}
			}
		}
		if d.ID == "ortsrecht/hallengebuehrensatzung" {
			// The fee table's rows stay rows, their cells in order.
			if row := "1 | Stadthalle, großer Saal mit Bühne (bis 600 Personen) | 180,00 | 650,00 | 1.200,00\n2 | Stadthalle"; !strings.Contains(text, row) {
				t.Errorf("%s: the fee table's row %q is not in the loaded text", d.ID, row)
			}
			for _, s := range d.Sections {
				if strings.Contains(s.Text, "650,00") {
					t.Logf("%s: the fee schedule as loaded, under %q:\n%s", d.ID, s.Heading, s.Text)
				}
			}
		}
	}
}

// TestTannhausenCasesMatchCorpus checks the Tannhausen cases against the
// corpus they run on (see checkCorpusCases and
// evals/cases/tannhausen/README.md).
// Each half: the 20 first-round cases and the 6 of the second round
// (IDs with "-r2-"), alike in mix, so both halves keep the same one.
func TestTannhausenCasesMatchCorpus(t *testing.T) {
	checkCorpusCases(t, loadTannhausen(t), tannhausenCaseDirs, caseMix{
		cases: 26, employees: 3, langs: 3, escalations: 2, scope: 1, laws: 3, notices: 2, followups: 3,
	})
}
