// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestParseOParl checks that an OParl Meeting is read by its meaning —
// its name the title, its start and end as German dates in their own
// offset, its place as "Ort: …", "Abgesagt." when cancelled, an agenda
// of "TOP n: …" lines marking the items not public, its files by name —
// with ids, URLs, MIME types and timestamps left out; that a list of
// OParl objects gives a document each; and that JSON without an OParl
// type is left to the other loaders.
func TestParseOParl(t *testing.T) {
	src := `{"id": "https://ris.example/oparl/meeting/7", "type": "https://schema.oparl.org/1.1/Meeting",
 "name": "5. Sitzung des Beispielausschusses", "cancelled": true,
 "start": "2031-03-04T17:00:00+01:00", "end": "2031-03-04T19:15:00+01:00",
 "location": {"id": "https://ris.example/oparl/location/1", "type": "https://schema.oparl.org/1.1/Location",
   "description": "Bürgerhaus, Saal 2", "room": "Saal 2", "streetAddress": "Am Anger 3", "postalCode": "99999", "locality": "Beispielstadt"},
 "organization": ["https://ris.example/oparl/organization/4"],
 "invitation": {"type": "https://schema.oparl.org/1.1/File", "name": "Einladung zur 5. Sitzung", "mimeType": "application/pdf", "size": 123,
   "accessUrl": "https://ris.example/f/1"},
 "agendaItem": [
   {"type": "https://schema.oparl.org/1.1/AgendaItem", "number": "1", "name": "Begrüßung", "public": true, "created": "2031-02-01T10:00:00+01:00"},
   {"type": "https://schema.oparl.org/1.1/AgendaItem", "number": "2", "name": "Grundstücke", "public": false}],
 "web": "https://ris.example/sitzung/7", "created": "2031-02-01T10:00:00+01:00", "modified": "2031-02-02T10:00:00+01:00"}`
	docs, _, err := parseFile("json", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].title != "5. Sitzung des Beispielausschusses" {
		t.Fatalf("docs %+v", docs)
	}
	got := map[string]string{}
	var all strings.Builder
	for _, s := range docs[0].sections {
		got[s.Heading] = s.Text
		all.WriteString(s.Heading + "\n" + s.Text + "\n")
	}
	for h, want := range map[string]string{
		"":             "Abgesagt.\nBeginn: Dienstag, 4. März 2031, 17:00 Uhr\nEnde: Dienstag, 4. März 2031, 19:15 Uhr\nOrt: Bürgerhaus, Saal 2, Am Anger 3, 99999 Beispielstadt",
		"Tagesordnung": "TOP 1: Begrüßung\nTOP 2: Grundstücke (nichtöffentlich)",
		"Dateien":      "Einladung: Einladung zur 5. Sitzung",
	} {
		if got[h] != want {
			t.Errorf("section %q holds %q, want %q", h, got[h], want)
		}
	}
	for _, no := range []string{"https://", "application/pdf", "2031-02-01", "123"} {
		if strings.Contains(all.String(), no) {
			t.Errorf("%q read: %s", no, all.String())
		}
	}
	list := `{"data": [{"id": "https://ris.example/oparl/paper/11", "type": "https://schema.oparl.org/1.1/Paper", "name": "Antrag auf eine Bank", "reference": "V-11/2031", "date": "2031-01-05"},
 {"id": "https://ris.example/oparl/paper/12", "type": "https://schema.oparl.org/1.1/Paper", "name": "Bericht zum Teich"}], "pagination": {"totalElements": 2}}`
	docs, _, err = parseFile("json", []byte(list), nil)
	if err != nil || len(docs) != 2 || docs[0].subID != "paper-11" || docs[0].sections[0].Text != "Aktenzeichen: V-11/2031\nDatum: Sonntag, 5. Januar 2031" {
		t.Errorf("list read as %+v, %v", docs, err)
	}
	if _, ok, _ := parseOParl([]byte(`{"type": "Meeting", "name": "x"}`)); ok {
		t.Errorf("a JSON without an OParl type read as OParl")
	}
}
