// SPDX-License-Identifier: EUPL-1.2

package knowledge

import "testing"

// TestRelatedListsAreNotRetrieved checks that a section listing other
// documents by their titles is not cut into chunks when its document has
// text of its own, and that a page of nothing but such links still is.
func TestRelatedListsAreNotRetrieved(t *testing.T) {
	docs := []Document{
		{ID: "a", Title: "Wohnsitz anmelden", Sections: []Section{
			{Heading: "Verfahren", Text: "Melden Sie sich innerhalb von zwei Wochen an."},
			{Heading: "Related Posts", Text: "- [Wohnsitz abmelden](https://example.org/b/)\n- [Gewerbe anmelden](https://example.org/c/)\n- [Ein Ratgeber anderswo](https://example.net/)"},
		}},
		{ID: "b", Title: "Wohnsitz abmelden", Sections: []Section{
			{Heading: "Verfahren", Text: "Abmelden können Sie sich eine Woche vor dem Auszug."},
			// Links whose texts name no document of the base are the
			// document's own content: forms to download.
			{Heading: "Formulare", Text: "- [Abmeldeformular (PDF)](https://example.org/abmeldung.pdf)\n- [Vollmacht (PDF)](https://example.org/vollmacht.pdf)"},
		}},
		{ID: "c", Title: "Gewerbe anmelden", Sections: []Section{
			{Heading: "Siehe auch", Text: "[Wohnsitz anmelden](a.md)\n[Wohnsitz abmelden](b.md)"},
		}},
	}
	got := map[string]bool{}
	for _, c := range chunkAll(docs) {
		got[docs[c.Doc].ID+" › "+c.Section] = true
	}
	want := map[string]bool{
		"a › Verfahren":  true,
		"b › Verfahren":  true,
		"b › Formulare":  true,
		"c › Siehe auch": true, // the page has nothing else
	}
	for k := range want {
		if !got[k] {
			t.Errorf("no chunk of %s", k)
		}
	}
	for k := range got {
		if !want[k] {
			t.Errorf("chunk of %s: a list of other documents' titles", k)
		}
	}
}
