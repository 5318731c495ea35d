// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestCatalogueRecordJSON checks that a service record exported from a
// catalogue (its own key names, lists, nested objects, identifiers) is
// read: title, date and address from the usual keys, the texts first, one
// section per key with the facet its heading names, no identifiers.
func TestCatalogueRecordJSON(t *testing.T) {
	data := []byte(`{
  "id": "B-0815.7",
  "leistungsschluessel": "12345678901234",
  "leistungsname": "Beispielerlaubnis beantragen",
  "stand": "2026-02-01T08:00:00+01:00",
  "sprache": "de",
  "kurztext": "Wer ein Beispiel veranstaltet, braucht eine Beispielerlaubnis.",
  "erforderlicheUnterlagen": ["Personalausweis", "Lageplan des Beispiels"],
  "kosten": [{"bezeichnung": "Erlaubnis für einen Tag", "betrag": "15,00 Euro"}, {"bezeichnung": "Verlängerung", "betrag": "gebührenfrei"}],
  "bearbeitungsdauer": "Etwa zwei Wochen.",
  "zustaendigeStelle": {
    "id": "OE-9",
    "bezeichnung": "Beispielamt",
    "anschrift": {"ort": "Beispielstadt", "strasse": "Am Beispiel", "postleitzahl": "99999", "hausnummer": "7"},
    "telefon": "0999 123-4",
    "oeffnungszeiten": [{"tage": "Montag bis Freitag", "zeiten": "8:00 bis 12:00 Uhr"}]
  },
  "onlineDienst": {"bezeichnung": "Erlaubnis online beantragen", "url": "https://service.example/erlaubnis", "vertrauensniveau": "substantiell"},
  "gebuehrenpflichtig": true
}`)
	docs, err := parseServiceJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("got %d documents, want 1", len(docs))
	}
	d := docs[0]
	if d.title != "Beispielerlaubnis beantragen" || d.updated.Format("2006-01-02") != "2026-02-01" {
		t.Errorf("title %q, updated %v", d.title, d.updated)
	}
	want := []struct {
		heading string
		facet   Facet
		text    string
	}{
		{"", FacetOverview, "Wer ein Beispiel veranstaltet"},
		{"Benötigte Unterlagen", FacetUnterlagen, "- Lageplan des Beispiels"},
		{"Kosten", FacetKosten, "- Erlaubnis für einen Tag: 15,00 Euro\n- Verlängerung: gebührenfrei"},
		{"Bearbeitungsdauer", FacetDauer, "Etwa zwei Wochen."},
		{"Zuständige Stelle", FacetZustaendigkeit, "Anschrift: Am Beispiel 7, 99999 Beispielstadt"},
		{"Online-Dienst", FacetOnline, "Erlaubnis online beantragen: https://service.example/erlaubnis"},
	}
	if len(d.sections) != len(want) {
		t.Fatalf("sections %+v, want %d", d.sections, len(want))
	}
	var all strings.Builder
	for i, w := range want {
		s := d.sections[i]
		all.WriteString(s.Text)
		if s.Heading != w.heading || s.Facet != w.facet || !strings.Contains(s.Text, w.text) {
			t.Errorf("section %d = %q [%s] %q, want %q [%s] containing %q", i, s.Heading, s.Facet, s.Text, w.heading, w.facet, w.text)
		}
	}
	for _, meta := range []string{"B-0815.7", "12345678901234", "OE-9", "substantiell", "true"} {
		if strings.Contains(all.String(), meta) {
			t.Errorf("metadata %q is quoted as text", meta)
		}
	}
	if !strings.Contains(d.sections[4].Text, "Montag bis Freitag: 8:00 bis 12:00 Uhr") {
		t.Errorf("opening hours lost: %q", d.sections[4].Text)
	}
}

// TestRecordJSONWithoutTitleIsAnError checks that a JSON file no reader
// understands is a clear error, not an empty document.
func TestRecordJSONWithoutTitleIsAnError(t *testing.T) {
	for _, data := range []string{`{"foo": [1, 2]}`, `[{"beschreibung": "Text ohne Titel"}]`, `"nur ein Text"`} {
		if _, err := parseServiceJSON([]byte(data)); err == nil {
			t.Errorf("%s: no error", data)
		}
	}
}
