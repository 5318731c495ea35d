// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"fmt"
	"strings"
	"testing"
)

// jsonapiExport is an invented CMS export in JSON:API: two resources of
// a collection, an office and a tag among the included resources.
const jsonapiExport = `{
  "jsonapi": {"version": "1.0", "meta": {"links": {"self": {"href": "http://jsonapi.org/format/1.0/"}}}},
  "data": [
    {
      "type": "node--dienst",
      "id": "0a1b2c3d-0000-4000-8000-000000000001",
      "links": {"self": {"href": "https://cms.beispiel.example/jsonapi/node/dienst/0a1b2c3d"}},
      "attributes": {
        "drupal_internal__nid": 7,
        "langcode": "de",
        "revision_timestamp": "2026-02-01T10:00:00+00:00",
        "revision_log": "Gebühr angepasst",
        "status": true,
        "title": "Beispielbox mieten",
        "created": "2024-01-01T08:00:00+00:00",
        "changed": "2026-02-01T10:00:00+00:00",
        "path": {"alias": "/dienste/beispielbox", "pid": 12, "langcode": "de"},
        "body": {
          "value": "<p>Die Beispielbox steht am Musterplatz.</p>\r\n<h2>Wer darf mieten?</h2>\r\n<p>Alle Vereine aus Beispielstadt.</p>",
          "format": "full_html",
          "processed": "<p>Die Beispielbox steht am Musterplatz.</p>\n<h2>Wer darf mieten?</h2>\n<p>Alle Vereine aus Beispielstadt.</p>\n<ul><li>Schlüssel im Bürgerbüro</li></ul>",
          "summary": "Kurz: eine Box."
        },
        "field_leika_schluessel": "99123456000000",
        "field_gebuehr": {"value": "<p>12,50 Euro je Tag.</p>", "format": "basic_html", "processed": "<p>12,50 Euro je Tag.</p>"},
        "field_online_antrag": {"uri": "https://service.beispiel.example/box", "title": "Box online reservieren", "options": []},
        "field_stand": "2026-03-01"
      },
      "relationships": {
        "node_type": {"data": {"type": "node_type--node_type", "id": "ffff", "meta": {"drupal_internal__target_id": "dienst"}}},
        "field_zustaendige_stelle": {"data": {"type": "node--amt", "id": "amt-1"}, "links": {"related": {"href": "https://cms.beispiel.example/x"}}},
        "field_tags": {"data": [{"type": "taxonomy_term--tags", "id": "tag-1"}]}
      }
    },
    {
      "type": "node--dienst",
      "id": "weird/id",
      "attributes": {"title": "Musterschein verlängern", "body": {"value": "Den Musterschein verlängert das Beispielamt.", "format": "plain_text", "processed": ""}}
    }
  ],
  "included": [
    {"type": "node--amt", "id": "amt-1", "attributes": {"drupal_internal__nid": 3, "title": "Beispielamt", "field_telefon": "0999 12-34", "field_email": "amt@beispiel.example",
      "field_zeiten": {"value": "<p>Montag 8 bis 12 Uhr</p>", "format": "basic_html", "processed": "<p>Montag 8 bis 12 Uhr</p>"}}},
    {"type": "taxonomy_term--tags", "id": "tag-1", "attributes": {"drupal_internal__tid": 4, "name": "Vereine und Ehrenamt", "weight": 2}},
    {"type": "node--amt", "id": "amt-2", "attributes": {"title": "Nicht verlinktes Amt", "field_telefon": "0999 99"}}
  ],
  "meta": {"count": 2},
  "links": {"self": {"href": "https://cms.beispiel.example/jsonapi/node/dienst"}}
}`

// TestJSONAPIExport checks that a JSON:API document is read a document
// per resource of data ("<file>/<id>"): titled by its title attribute,
// dated by its own date, its formatted body read once (the processed
// HTML, its headings opening sections), its other fields sections headed
// by their names without "field_", the office its relationship names
// among the included resources its contact, a tag a section; ids,
// internal ids, revisions, codes, paths, timestamps, links and meta no
// text; the resources not linked no text of it.
func TestJSONAPIExport(t *testing.T) {
	docs, err := parseServiceJSON([]byte(jsonapiExport))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("%d documents", len(docs))
	}
	d := docs[0]
	if d.subID != "0a1b2c3d-0000-4000-8000-000000000001" || d.title != "Beispielbox mieten" || d.updated.Format("2006-01-02") != "2026-03-01" {
		t.Errorf("subID %q, title %q, updated %v", d.subID, d.title, d.updated)
	}
	want := []Section{
		{Text: "Die Beispielbox steht am Musterplatz."},
		{Heading: "Wer darf mieten?", Text: "Alle Vereine aus Beispielstadt.\n- Schlüssel im Bürgerbüro"},
		{Heading: "Kosten", Facet: FacetKosten, Text: "12,50 Euro je Tag."},
		{Heading: "Online-Dienst", Facet: FacetOnline, Text: "Box online reservieren: https://service.beispiel.example/box"},
		{Heading: "Zuständige Stelle", Facet: FacetZustaendigkeit, Text: "Beispielamt\nTelefon: 0999 12-34\nEmail: amt@beispiel.example\nZeiten: Montag 8 bis 12 Uhr"},
		{Heading: "Tags", Text: "Vereine und Ehrenamt"},
	}
	if len(d.sections) != len(want) {
		t.Fatalf("sections %q", d.sections)
	}
	for i, w := range want {
		if d.sections[i] != w {
			t.Errorf("section %d:\n got %q\nwant %q", i, d.sections[i], w)
		}
	}
	var all strings.Builder
	for _, s := range d.sections {
		all.WriteString(s.Heading + " " + s.Text + "\n")
	}
	for _, not := range []string{"Kurz: eine Box", "Gebühr angepasst", "/dienste", "2026-02-01", "full_html", "99123456000000", "href", "jsonapi", "Nicht verlinktes", "node--", "0a1b2c3d"} {
		if strings.Contains(all.String(), not) {
			t.Errorf("text holds %q:\n%s", not, all.String())
		}
	}
	if d := docs[1]; d.subID != "musterschein-verlaengern" || len(d.sections) != 1 || d.sections[0].Text != "Den Musterschein verlängert das Beispielamt." {
		t.Errorf("second resource: %q %q", d.subID, d.sections)
	}
	// A single resource is the file's document.
	one, err := parseServiceJSON([]byte(`{"data": {"type": "node--seite", "id": "1", "attributes": {"title": "Beispielseite", "body": {"value": "<p>Text der Seite.</p>", "format": "basic_html"}}}}`))
	if err != nil || len(one) != 1 || one[0].subID != "" || one[0].title != "Beispielseite" || one[0].sections[0].Text != "Text der Seite." {
		t.Errorf("single resource: %+v, %v", one, err)
	}
}

// TestJSONAPIOtherJSON checks that JSON that only looks like JSON:API (a
// "data" key holding records that are no resource objects) is read as
// records, as before, and that a JSON:API document whose resources have
// no title, or that has too many resources, is refused with its reason.
func TestJSONAPIOtherJSON(t *testing.T) {
	docs, err := parseServiceJSON([]byte(`{"data": [{"id": "a", "type": "leistung", "titel": "Beispielpass", "beschreibung": "Den Beispielpass gibt es im Bürgerbüro."}]}`))
	if err != nil || len(docs) != 1 || docs[0].title != "Beispielpass" {
		t.Errorf("records under data: %+v, %v", docs, err)
	}
	_, err = parseServiceJSON([]byte(`{"data": [{"type": "node--x", "id": "1", "attributes": {"body": {"value": "Text", "format": "plain_text"}}}]}`))
	if err == nil || !strings.Contains(err.Error(), "JSON:API-Ressource 1") || !strings.Contains(err.Error(), "kein Titel") {
		t.Errorf("no title: %v", err)
	}
	var many strings.Builder
	many.WriteString(`{"data": [`)
	for i := range maxJSONAPIResources + 1 {
		if i > 0 {
			many.WriteString(",")
		}
		fmt.Fprintf(&many, `{"type": "t", "id": "%d"}`, i)
	}
	many.WriteString(`]}`)
	if _, err := parseServiceJSON([]byte(many.String())); err == nil || !strings.Contains(err.Error(), "Ressourcen") {
		t.Errorf("too many resources: %v", err)
	}
}
