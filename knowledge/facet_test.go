// SPDX-License-Identifier: EUPL-1.2

package knowledge

import "testing"

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
	} {
		if got := headingFacet(h); got != want {
			t.Errorf("headingFacet(%q) = %q, want %q", h, got, want)
		}
	}
}
