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
