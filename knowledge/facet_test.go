// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"io/fs"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/musterstadt/lotse/knowledge/german"
	"github.com/musterstadt/lotse/knowledge/musterstadt"
)

func TestEnglishHeadingsAndContactQuestions(t *testing.T) {
	for h, want := range map[string]Facet{"Contact": FacetZustaendigkeit, "Required documents": FacetUnterlagen, "Fees": FacetKosten, "Processing time": FacetDauer} {
		if got := headingFacet(h); got != want {
			t.Errorf("headingFacet(%q) = %q, want %q", h, got, want)
		}
	}
	for q, want := range map[string]Facet{"How can I reach the service desk?": FacetZustaendigkeit, "Wie erreiche ich das Jugendamt?": FacetZustaendigkeit} {
		if got := DetectFacet(q); got != want {
			t.Errorf("DetectFacet(%q) = %q, want %q", q, got, want)
		}
	}
}

func TestSlugWords(t *testing.T) {
	for id, want := range map[string]string{
		"tramitit-de-germany/umschreibung_eines_auslandischen_fuhrerscheins": "umschreibung eines auslandischen fuhrerscheins",
		"csc-user-guide/accounts/how-to-change-password":                     "how change password",
		"PAuswG-BJNR134610009":                 "",
		"leistungen/personalausweis":           "personalausweis",
		"tramitit-de-germany/gewerbeabmeldung": "gewerbeabmeldung",
		"csc-user-guide/support/contact":       "",
	} {
		if got := SlugWords(id); got != want {
			t.Errorf("SlugWords(%q) = %q, want %q", id, got, want)
		}
	}
}

// A page titled with a facet's name alone is that facet's page; a title
// that goes on names a service.
func TestTitleFacet(t *testing.T) {
	secs := normalizeSections("Contact", []Section{{Heading: "Technical support", Text: "Phone: 0123 4567"}, {Heading: "Fees", Text: "none"}})
	if secs[0].Facet != FacetZustaendigkeit || secs[1].Facet != FacetKosten {
		t.Errorf("facets of a contact page = %q, %q; want zustaendigkeit, kosten", secs[0].Facet, secs[1].Facet)
	}
	if secs := normalizeSections("Kosten der Unterkunft", []Section{{Heading: "Wer bekommt sie", Text: "…"}}); secs[0].Facet != FacetNone {
		t.Errorf("a service titled \"Kosten der Unterkunft\" got facet %q", secs[0].Facet)
	}
}

// The headings of service descriptions as German portals publish them
// (the federal FIM catalogue's fields and the portals built on it) name
// their facet, in statement and in question form.
func TestPortalHeadings(t *testing.T) {
	for h, want := range map[string]Facet{
		"Leistungsbeschreibung":                 FacetOverview,
		"Kurztext":                              FacetOverview,
		"Volltext":                              FacetOverview,
		"Leistungsdetails":                      FacetOverview,
		"An wen muss ich mich wenden?":          FacetZustaendigkeit,
		"Ansprechpunkt":                         FacetZustaendigkeit,
		"Zuständige Stelle":                     FacetZustaendigkeit,
		"Hinweise zur Zuständigkeit":            FacetZustaendigkeit,
		"Welche Unterlagen werden benötigt?":    FacetUnterlagen,
		"Erforderliche Unterlagen":              FacetUnterlagen,
		"Welche Gebühren fallen an?":            FacetKosten,
		"Kosten (Gebühren, Auslagen, etc.)":     FacetKosten,
		"Welche Fristen muss ich beachten?":     FacetFristen,
		"Frist":                                 FacetFristen,
		"§ 7 Entstehung und Fälligkeit":         FacetFristen,
		"Sprechstunde":                          FacetZustaendigkeit,
		"Wie lange dauert die Bearbeitung?":     FacetDauer,
		"Durchschnittliche Bearbeitungszeit":    FacetDauer,
		"Bearbeitungsdauer":                     FacetDauer,
		"Voraussetzungen":                       FacetVoraussetzungen,
		"Wer kann den Antrag stellen?":          FacetVoraussetzungen,
		"Verfahrensablauf":                      FacetAblauf,
		"Wie läuft das Verfahren ab?":           FacetAblauf,
		"Rechtsgrundlage(n)":                    FacetRechtsgrundlage,
		"Rechtsgrundlagen":                      FacetRechtsgrundlage,
		"Online-Verfahren":                      FacetOnline,
		"Onlineverfahren":                       FacetOnline,
		"Kann ich das online erledigen?":        FacetOnline,
		"Was sollte ich noch wissen?":           FacetNone,
		"Hinweise (Besonderheiten)":             FacetNone,
		"Welche Kosten entstehen und wer zahlt": FacetKosten,
		"3. Beantragung":                        FacetAblauf,
		"So beantragen Sie":                     FacetAblauf,
	} {
		if got := headingFacet(h); got != want {
			t.Errorf("headingFacet(%q) = %q, want %q", h, got, want)
		}
	}
}

// Plain-text pages set their headings as lines of their own: a question
// or phrase that names a facet opens a section, so does any question
// between blank lines; an item of an enumeration does not.
func TestPlainTextHeadings(t *testing.T) {
	text := "Leistungsbeschreibung\n\nWer heiraten will, meldet die Ehe an.\n\n" +
		"Welche Gebühren fallen an?\n\nDie Anmeldung kostet 55,00 Euro.\n\n" +
		"Was sollte ich noch wissen?\n\nDie Trauung ist auch samstags möglich.\n\n" +
		"Gespeichert werden\n\na) eine Anschrift oder:\n\nb) der Name.\n"
	secs := normalizeSections("Eheschließung", []Section{{Text: text}})
	var got []string
	for _, s := range secs {
		got = append(got, s.Heading+"|"+string(s.Facet))
	}
	want := []string{"Eheschließung › Leistungsbeschreibung|ueberblick", "Eheschließung › Welche Gebühren fallen an?|kosten", "Eheschließung › Was sollte ich noch wissen?|"}
	if len(got) != len(want) {
		t.Fatalf("sections = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("section %d = %q, want %q", i, got[i], want[i])
		}
	}
	if !strings.Contains(secs[2].Text, "a) eine Anschrift oder:") {
		t.Errorf("an enumeration item opened a section: %q", secs[2].Text)
	}
}

// A bylaw extracted from a PDF is read § by §, not page by page; a
// sentence that starts with a reference heads nothing.
func TestParagraphSections(t *testing.T) {
	pages := []Section{
		{Heading: "Seite 1", Text: "Satzung der Stadt\nAufgrund der Gemeindeordnung hat der Rat beschlossen:\n§ 1 Geltungsbereich\nDiese Satzung gilt für die Grünanlagen.\n§ 2 Verhalten in den Anlagen\nGrillen ist nur auf den Grillplätzen erlaubt."},
		{Heading: "Seite 2", Text: "§ 1 gilt entsprechend.\nSeite 2 von 2\n§ 3 Inkrafttreten\nDiese Satzung tritt am Tag nach der Bekanntmachung in Kraft.\n" +
			"Anlage zur Satzung: Gebührenverzeichnis\nGebühren in Euro\nGrillplatz | 20,00"},
	}
	secs := paragraphSections(pages)
	var heads []string
	for _, s := range secs {
		heads = append(heads, s.Heading)
	}
	want := []string{"", "§ 1 Geltungsbereich", "§ 2 Verhalten in den Anlagen", "§ 3 Inkrafttreten", "Anlage zur Satzung: Gebührenverzeichnis"}
	if strings.Join(heads, "|") != strings.Join(want, "|") {
		t.Fatalf("headings = %q, want %q", heads, want)
	}
	if headingFacet(secs[4].Heading) != FacetKosten || strings.Contains(secs[3].Text, "Grillplatz") {
		t.Errorf("the appendix's fee schedule: heading %q, § 3 %q", secs[4].Heading, secs[3].Text)
	}
	if !strings.Contains(secs[2].Text, "§ 1 gilt entsprechend.") {
		t.Errorf("a sentence starting with a reference was cut off: %q", secs[2].Text)
	}
	if one := []Section{{Heading: "Seite 1", Text: "Nur ein § 1 Hinweis ohne weitere Paragraphen"}}; len(paragraphSections(one)) != 1 || paragraphSections(one)[0].Heading != "Seite 1" {
		t.Error("a text without paragraphs was re-cut")
	}
}

// A plain-text page's title underlined with "=====" has no rule in its
// text.
func TestTextTitleUnderline(t *testing.T) {
	pd, err := parseText([]byte("Seeplakette\n===========\n\nLeistungsbeschreibung\n\nWer auf dem Stadtsee Boot fährt, braucht sie.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if pd.title != "Seeplakette" || strings.Contains(pd.sections[0].Text, "===") {
		t.Errorf("title %q, text %q", pd.title, pd.sections[0].Text)
	}
}

// A document without synonyms of its own is named by the synonym groups
// whose term its title names; one with its own keeps them.
func TestTitleSynonyms(t *testing.T) {
	docs := []Document{
		{ID: "a", Title: "Ehrenamtskarte – Verlängerung"},
		{ID: "b", Title: "Halteverbot für einen Umzug", Synonyms: []string{"Halteverbotszone"}},
	}
	titleSynonyms(docs, [][]string{{"Ehrenamtskarte", "Ehrenamtsausweis", "Engagementkarte"}, {"Umzug", "Ummeldung"}})
	if !slices.Contains(docs[0].Synonyms, "Ehrenamtsausweis") {
		t.Errorf("synonyms of a = %q, want the group", docs[0].Synonyms)
	}
	if slices.Contains(docs[1].Synonyms, "Ummeldung") {
		t.Errorf("synonyms of b = %q, want its own only", docs[1].Synonyms)
	}
}

// A bylaw named after its matter ("Stellplatzsatzung", "Friedhofssatzung")
// is named by the group of that matter; a title that only begins with a
// group's word is not.
func TestTitleSynonymsOfABylawsMatter(t *testing.T) {
	docs := []Document{
		{ID: "a", Title: "Stellplatzsatzung (StS)"},
		{ID: "b", Title: "Friedhofssatzung der Stadt"},
		{ID: "c", Title: "Stellplatzvermietung am Bahnhof"},
	}
	titleSynonyms(docs, [][]string{{"Stellplatz", "Parkplatz", "Garage"}, {"Friedhof", "Kirchhof"}})
	if !slices.Contains(docs[0].Synonyms, "Parkplatz") || !slices.Contains(docs[1].Synonyms, "Kirchhof") {
		t.Errorf("synonyms = %q, %q; want the groups of the bylaws' matters", docs[0].Synonyms, docs[1].Synonyms)
	}
	if len(docs[2].Synonyms) != 0 {
		t.Errorf("synonyms of c = %q, want none", docs[2].Synonyms)
	}
}

// A title that says a group's word inflected ("Kleingärten" for the
// group's "Kleingarten") is named by the group.
func TestTitleSynonymsInflected(t *testing.T) {
	docs := []Document{{ID: "a", Title: "Satzung über die Nutzung der Kleingärten"}}
	titleSynonyms(docs, [][]string{{"Kleingarten", "Schrebergarten"}})
	if !slices.Contains(docs[0].Synonyms, "Schrebergarten") {
		t.Errorf("synonyms = %q, want the group", docs[0].Synonyms)
	}
}

func TestFacetLabels(t *testing.T) {
	got := FacetLabels(FacetZustaendigkeit)
	for _, want := range []string{"kontakt", "oeffnungszeiten", "contact"} {
		if !slices.Contains(got, want) {
			t.Errorf("FacetLabels(Zuständigkeit) = %v, want %q among them", got, want)
		}
	}
}

// isFacetCue's ASCII path decides as folding and trimming the word does.
func TestIsFacetCueMatchesFold(t *testing.T) {
	words := []string{"Kosten", "kosten?", "„Kosten“", "(Unterlagen)", "WAS", "kostet", "Gebühren:", "gebuehren", "Öffnungszeiten",
		"how", "long?", "...", "", "-", "Termin-", "&", "3", "Reisepass", "Dauer!", "wie", "lange", "Ärger", "x2y", "Kosten2"}
	for w := range facetCueWords {
		words = append(words, w, strings.ToUpper(w), "("+w+")", w+"?!")
	}
	for _, w := range words {
		want := facetCueWords[strings.TrimFunc(german.Fold(w), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })]
		if got := isFacetCue(nil, w); got != want {
			t.Errorf("isFacetCue(%q) = %v, want %v", w, got, want)
		}
	}
}

// DetectFacet finds what its former scan found (every cue of several
// words, then every cue of one word, each in the list's order, searched
// in the padded text): over every line of the bundled base and random
// sequences of cue words and other words.
func TestDetectFacetMatchesScan(t *testing.T) {
	scan := func(text string) Facet {
		words := strings.FieldsFunc(german.Fold(text), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		})
		joined := " " + strings.Join(words, " ") + " "
		for _, pass := range []bool{true, false} {
			for i, c := range questionCues {
				if strings.Contains(c.cue, " ") == pass && strings.Contains(joined, paddedCues[i]) {
					return c.facet
				}
			}
		}
		return FacetNone
	}
	var texts []string
	err := fs.WalkDir(musterstadt.FS(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(musterstadt.FS(), path)
		texts = append(texts, strings.Split(string(b), "\n")...)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var pool []string
	for _, c := range questionCues {
		pool = append(pool, strings.Fields(c.cue)...)
	}
	pool = append(pool, "Kosten?", "WO", "Öffnungszeiten", "wie", "ich", "den", "Pass", "lange", "can", "i")
	r := rand.New(rand.NewPCG(3, 4))
	for range 20_000 {
		ws := make([]string, 1+r.IntN(8))
		for i := range ws {
			ws[i] = pool[r.IntN(len(pool))]
		}
		texts = append(texts, strings.Join(ws, " "))
	}
	found := 0
	for _, text := range texts {
		want := scan(text)
		if got := DetectFacet(text); got != want {
			t.Fatalf("DetectFacet(%q) = %q, the scan %q", text, got, want)
		}
		if want != FacetNone {
			found++
		}
	}
	if found < 1000 {
		t.Fatalf("only %d of %d texts ask for a facet", found, len(texts))
	}
}
