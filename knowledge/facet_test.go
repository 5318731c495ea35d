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
