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
