// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// A GIS exports its layers as GeoJSON: a FeatureCollection whose
// features each have a geometry and a flat object of properties
// (upper-case as the database names them: "BEZEICHNUNG", "ORTSTEIL",
// "OBJECTID", "GlobalID"). Read as a generic record it is one block of
// "Properties:" lines; read by its meaning it is a place per feature: a
// section headed by the feature's name, its other properties labelled
// lines, the geometry, the reference system, the database's ids and
// edit stamps left out.

// maxGeoFeatures bounds the features read from one collection.
const maxGeoFeatures = 10000

// geoNameKeys are the properties (folded, without separators) that name
// a feature, in the order they are preferred.
var geoNameKeys = []string{"name", "bezeichnung", "titel", "title", "standort", "standortname", "bez", "label"}

// geoTimestampRE matches a date with a time of day, as databases stamp
// their edits ("2026-09-30T00:00:00Z").
var geoTimestampRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$`)

// geoFeature is one feature of a collection.
type geoFeature struct {
	Type       string          `json:"type"`
	Properties json.RawMessage `json:"properties"`
}

// parseGeoJSON reads a GeoJSON FeatureCollection (or a single Feature)
// as one document, a section per feature; ok is false for other JSON.
// The collection's name titles the document when it is words, not a
// layer's identifier ("Containerstandplaetze_Beispiel"); else the file's
// name does.
func parseGeoJSON(data []byte) (docs []parsedDoc, ok bool, err error) {
	if !bytes.Contains(data, []byte(`"Feature`)) {
		return nil, false, nil
	}
	var top struct {
		Type     string       `json:"type"`
		Name     string       `json:"name"`
		Features []geoFeature `json:"features"`
	}
	if json.Unmarshal(data, &top) != nil {
		return nil, false, nil
	}
	switch top.Type {
	case "FeatureCollection":
	case "Feature":
		var f geoFeature
		if json.Unmarshal(data, &f) != nil {
			return nil, false, nil
		}
		top.Features = []geoFeature{f}
	default:
		return nil, false, nil
	}
	if len(top.Features) > maxGeoFeatures {
		return nil, true, fileErrorf(nil, "GeoJSON mit mehr als %d Objekten", maxGeoFeatures)
	}
	var pd parsedDoc
	if n := strings.TrimSpace(top.Name); strings.Contains(n, " ") {
		pd.title = n
	}
	for _, f := range top.Features {
		if f.Type != "Feature" || len(bytes.TrimSpace(f.Properties)) == 0 || bytes.Equal(bytes.TrimSpace(f.Properties), []byte("null")) {
			continue
		}
		rec, err := decodeRecord(f.Properties)
		if err != nil {
			continue
		}
		if s, ok := geoSection(rec); ok {
			pd.sections = append(pd.sections, s)
		}
	}
	if len(pd.sections) == 0 {
		return nil, true, fileErrorf(errNoText, "GeoJSON")
	}
	return []parsedDoc{pd}, true, nil
}

// geoSection makes a feature's section of its properties: headed by its
// name, the others "Label: value" lines in the order written.
func geoSection(rec record) (Section, bool) {
	nameKey, name := "", ""
	for _, want := range geoNameKeys {
		for _, k := range rec.keys {
			if recordKey(k) != want {
				continue
			}
			if s, ok := rec.values[k].(string); ok && strings.TrimSpace(s) != "" {
				nameKey, name = k, strings.TrimSpace(s)
				break
			}
		}
		if name != "" {
			break
		}
	}
	var lines []string
	for _, k := range rec.keys {
		if k == nameKey || geoMetaKey(k) {
			continue
		}
		v := geoValue(rec.values[k])
		if v == "" {
			continue
		}
		lines = append(lines, geoLabel(k)+": "+v)
	}
	if name == "" && len(lines) == 0 {
		return Section{}, false
	}
	return Section{Heading: name, Text: strings.Join(lines, "\n")}, true
}

// geoMetaKey reports whether a property is the database's and no one's
// to read: an id ("OBJECTID", "GlobalID", "STANDORT_ID", "FID"), a
// shape's measures, an edit stamp's author.
func geoMetaKey(k string) bool {
	if metaKey(k) {
		return true
	}
	n := recordKey(k)
	if strings.HasSuffix(n, "id") && (strings.HasSuffix(k, "ID") || strings.HasSuffix(k, "_id") || strings.HasSuffix(k, "Id")) {
		return true
	}
	switch n {
	case "fid", "oid", "objectid", "globalid", "shapelength", "shapearea", "shapeleng", "createduser", "lastediteduser",
		"createddate", "lastediteddate", "editor", "creator":
		return true
	}
	return false
}

// geoValue renders a property's value: text as it is, a number as
// written, a flag as "ja"/"nein", nested values by recordText; an edit
// stamp (a date with a time of day) and null are none.
func geoValue(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		s := strings.TrimSpace(v)
		if geoTimestampRE.MatchString(s) {
			return ""
		}
		return s
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		if v {
			return "ja"
		}
		return "nein"
	}
	return strings.ReplaceAll(recordText(v, 1), "\n", "; ")
}

// geoLabel makes a label of a property's name: "EINWURFZEITEN" →
// "Einwurfzeiten", "ORTS_TEIL" → "Orts teil", "oeffnungszeiten" →
// "Oeffnungszeiten".
func geoLabel(k string) string {
	if strings.IndexFunc(k, unicode.IsLower) < 0 {
		k = strings.ToLower(k)
	}
	return keyHeading(k)
}
