// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestGeoJSONFeatures checks a GIS layer exported as GeoJSON: a section
// per feature headed by its name-like property, the others labelled
// lines in the order written; geometry, reference system, ids and edit
// stamps left out; a layer identifier as name leaves the title to the
// file.
func TestGeoJSONFeatures(t *testing.T) {
	docs, _, err := parseFile("json", []byte(`{"type":"FeatureCollection","name":"Standorte_Beispiel",
"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},
"features":[
{"type":"Feature","id":"A-1","geometry":{"type":"Point","coordinates":[11.6,50.7]},
 "properties":{"OBJECTID":1,"STANDORT_ID":"A-1","BEZEICHNUNG":"Markt","ORTSTEIL":"Altstadt","EINWURFZEITEN":"werktags 7 bis 20 Uhr","PLAETZE":4,"BARRIEREFREI":true,"LETZTE_AENDERUNG":"2026-09-30T00:00:00Z","GlobalID":"{4f1a}"}},
{"type":"Feature","geometry":null,"properties":{"name":"Bahnhof","hinweis":"Nur Glas."}},
{"type":"Feature","geometry":null,"properties":null}
]}`), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].title != "" {
		t.Fatalf("docs %+v", docs)
	}
	var got []string
	for _, s := range docs[0].sections {
		got = append(got, s.Heading+": "+s.Text)
	}
	want := "Markt: Ortsteil: Altstadt\nEinwurfzeiten: werktags 7 bis 20 Uhr\nPlaetze: 4\nBarrierefrei: ja|Bahnhof: Hinweis: Nur Glas."
	if strings.Join(got, "|") != want {
		t.Errorf("sections\n%q\nwant\n%q", strings.Join(got, "|"), want)
	}
	// A collection named in words is titled by its name; other JSON with
	// "Feature" in it is no GeoJSON.
	docs, _, err = parseFile("json", []byte(`{"type":"FeatureCollection","name":"Glascontainer in Beispielstadt","features":[{"type":"Feature","properties":{"name":"Markt"}}]}`), nil)
	if err != nil || docs[0].title != "Glascontainer in Beispielstadt" {
		t.Errorf("named collection: %v %+v", err, docs)
	}
	if _, ok, _ := parseGeoJSON([]byte(`{"title":"Feature-Liste","text":"Neue Features"}`)); ok {
		t.Error("a record mentioning features taken for GeoJSON")
	}
}
