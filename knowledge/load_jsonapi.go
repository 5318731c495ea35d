// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// jsonapiMembers are the members a JSON:API document may have at its top
// (https://jsonapi.org/format/#document-top-level), jsonapiResourceMembers
// those of a resource object; JSON with any other is no JSON:API.
var (
	jsonapiMembers         = map[string]bool{"data": true, "errors": true, "meta": true, "jsonapi": true, "links": true, "included": true}
	jsonapiResourceMembers = map[string]bool{"type": true, "id": true, "lid": true, "attributes": true, "relationships": true, "links": true, "meta": true}
)

// Bounds of a JSON:API document: the resources of data and included
// together, and the linked resources read into one document.
const (
	maxJSONAPIResources = 20_000
	maxJSONAPILinks     = 50
)

// jsonapiResource is a resource object: its type and id identify it,
// its attributes hold its fields, its relationships name other
// resources by type and id.
type jsonapiResource struct {
	Type          string          `json:"type"`
	ID            string          `json:"id"`
	Attributes    json.RawMessage `json:"attributes"`
	Relationships json.RawMessage `json:"relationships"`
}

// jsonapiSubID matches an id that can name a document below its file.
var jsonapiSubID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._~-]{0,99}$`)

// parseJSONAPI reads a JSON:API document (https://jsonapi.org, as Drupal,
// Strapi and other CMS export their content): ok is false for any other
// JSON. Each resource of data is a document (a single one the file's,
// those of an array "<file>/<id>", or by the title's slug when the id
// cannot name a path) titled by its title attribute (or
// another of the usual title keys). Its attributes are read as a
// record's keys are, with these rules of the format: a formatted text
// ({"value", "format", "processed", "summary"}) is read once, its
// processed HTML or else its value (its summary only when both are
// empty); HTML in a text attribute (body, description …) is read by the
// HTML walker, its headings opening sections; a "field_" prefix (Drupal's
// mark of a field) is no word of a heading; identifiers, internal ids,
// revisions, codes, paths and timestamps are metadata. The resources of
// included that a relationship names by type and id are sections headed
// by the relationship (a linked office with its address, phone and hours
// its contact); links and meta are left out.
func parseJSONAPI(data []byte) (docs []parsedDoc, ok bool, err error) {
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		return nil, false, nil
	}
	raw, hasData := top["data"]
	if !hasData {
		return nil, false, nil
	}
	for k := range top {
		if !jsonapiMembers[k] {
			return nil, false, nil
		}
	}
	raw = bytes.TrimSpace(raw)
	multi := len(raw) > 0 && raw[0] == '['
	var objs []map[string]json.RawMessage
	if multi {
		err = json.Unmarshal(raw, &objs)
	} else {
		var one map[string]json.RawMessage
		if err = json.Unmarshal(raw, &one); one != nil {
			objs = []map[string]json.RawMessage{one}
		}
	}
	if err != nil || !slices.ContainsFunc(objs, func(o map[string]json.RawMessage) bool { return len(o) > 0 }) || slices.ContainsFunc(objs, notResource) {
		// Not resource objects: some other JSON with a "data" key.
		return nil, false, nil
	}
	primary := make([]jsonapiResource, len(objs))
	for i, o := range objs {
		json.Unmarshal(o["type"], &primary[i].Type)
		json.Unmarshal(o["id"], &primary[i].ID)
		primary[i].Attributes, primary[i].Relationships = o["attributes"], o["relationships"]
	}
	var included []jsonapiResource
	if inc, ok := top["included"]; ok && json.Unmarshal(inc, &included) != nil {
		return nil, true, fileErrorf(nil, "JSON:API: included ist keine Liste von Ressourcen")
	}
	if len(primary)+len(included) > maxJSONAPIResources {
		return nil, true, fileErrorf(nil, "JSON:API mit mehr als %d Ressourcen", maxJSONAPIResources)
	}
	if len(primary) == 0 {
		return nil, true, fileErrorf(nil, "JSON:API-Dokument ohne Ressourcen")
	}
	byID := map[string]jsonapiResource{}
	for _, r := range included {
		byID[r.Type+"\x00"+r.ID] = r
	}
	for i, r := range primary {
		pd, err := jsonapiDoc(r, byID)
		if err != nil {
			return nil, true, fmt.Errorf("JSON:API-Ressource %d (%s): %w", i+1, r.Type, err)
		}
		if multi {
			pd.subID = r.ID
			if !jsonapiSubID.MatchString(pd.subID) {
				pd.subID = slugify(pd.title)
			}
			if pd.subID == "" {
				pd.subID = fmt.Sprintf("ressource-%d", i+1)
			}
		}
		docs = append(docs, pd)
	}
	return docs, true, nil
}

// notResource reports whether o is no resource object: it has no type
// (a string) or a member a resource object has not.
func notResource(o map[string]json.RawMessage) bool {
	var typ string
	if json.Unmarshal(o["type"], &typ) != nil || typ == "" {
		return true
	}
	for k := range o {
		if !jsonapiResourceMembers[k] {
			return true
		}
	}
	return false
}

// jsonapiDoc is the document of one resource.
func jsonapiDoc(r jsonapiResource, included map[string]jsonapiResource) (parsedDoc, error) {
	var pd parsedDoc
	attrs, raw, err := jsonapiAttributes(r.Attributes)
	if err != nil {
		return pd, err
	}
	byKey := map[string]string{} // normalised key → key
	for _, k := range attrs.keys {
		byKey[recordKey(k)] = k
	}
	used := map[string]bool{}
	k, title := jsonapiTitle(attrs)
	if title == "" {
		return pd, errors.New("kein Titel (title, name …)")
	}
	pd.title, used[k] = title, true
	// The date the record was last changed, before timestamps are
	// dropped as codes.
	for _, n := range append(slices.Clone(recordKeys.updated), "changed") {
		for _, k := range raw.keys {
			s, ok := raw.values[k].(string)
			if !ok || recordKey(jsonapiName(k)) != n || len(s) < 10 || !pd.updated.IsZero() {
				continue
			}
			if t, err := parseDate(s[:10]); err == nil {
				pd.updated = t
			}
		}
	}
	// The texts first, HTML by its headings; then every other attribute
	// a section headed by its name.
	for _, n := range recordKeys.text {
		k, ok := byKey[n]
		if !ok || used[k] {
			continue
		}
		used[k] = true
		if s, ok := attrs.values[k].(string); ok && looksHTML(s) {
			pd.sections = append(pd.sections, htmlFieldSections(s)...)
		} else if t := recordText(attrs.values[k], 0); t != "" {
			pd.sections = append(pd.sections, Section{Facet: FacetOverview, Text: t})
		}
	}
	for _, k := range attrs.keys {
		if used[k] || metaKey(k) || jsonapiMetaKey(k) {
			continue
		}
		if t := recordText(attrs.values[k], 0); t != "" {
			pd.sections = append(pd.sections, jsonapiSection(k, t))
		}
	}
	pd.sections = append(pd.sections, jsonapiLinked(r.Relationships, included)...)
	if len(pd.sections) == 0 {
		return pd, errNoText
	}
	return pd, nil
}

// jsonapiSection is the section of an attribute or a relationship named
// k: headed by its name without a "field_" prefix, by the facet's usual
// heading when the name names a facet.
func jsonapiSection(k, text string) Section {
	h := keyHeading(jsonapiName(k))
	f := headingFacet(h)
	if f != FacetNone {
		h = facetHeading(f, h)
	}
	return Section{Heading: h, Facet: f, Text: text}
}

// jsonapiName is a member's name without Drupal's "field_" prefix.
func jsonapiName(k string) string {
	if n, ok := strings.CutPrefix(k, "field_"); ok && n != "" {
		return n
	}
	return k
}

// jsonapiMetaKey reports whether an attribute holds a CMS's bookkeeping,
// not text: an internal id ("drupal_internal__nid") or a revision's
// data ("revision_log", "revision_timestamp").
func jsonapiMetaKey(k string) bool {
	n := strings.ToLower(k)
	return strings.Contains(n, "internal") || strings.HasPrefix(n, "revision")
}

// jsonapiTitle returns the key and the text of a resource's title: the
// first of the usual title keys that holds text.
func jsonapiTitle(attrs record) (string, string) {
	for _, n := range recordKeys.title {
		for _, k := range attrs.keys {
			if recordKey(k) != n {
				continue
			}
			if s, ok := attrs.values[k].(string); ok && strings.TrimSpace(s) != "" {
				return k, strings.TrimSpace(s)
			}
		}
	}
	return "", ""
}

// jsonapiAttributes decodes a resource's attributes in their order, each
// value cleaned (jsonapiValue), a field's prefix dropped from its key;
// attributes left without a value are dropped. It also returns them as
// decoded.
func jsonapiAttributes(raw json.RawMessage) (out, rec record, err error) {
	out = record{values: map[string]any{}}
	if raw = bytes.TrimSpace(raw); len(raw) == 0 || string(raw) == "null" {
		return out, record{values: map[string]any{}}, nil
	}
	rec, err = decodeRecord(raw)
	if err != nil {
		return out, rec, fmt.Errorf("attributes: %w", err)
	}
	for _, k := range rec.keys {
		if jsonapiMetaKey(k) {
			continue
		}
		v := jsonapiValue(rec.values[k], 0)
		if v == nil {
			continue
		}
		n := jsonapiName(k)
		if _, dup := out.values[n]; dup {
			n = k
		}
		out.keys = append(out.keys, n)
		out.values[n] = v
	}
	return out, rec, nil
}

// jsonapiValue cleans an attribute's value for reading: a formatted text
// becomes its text, a code (jsonapiCode) and a bookkeeping key are
// dropped, an object or list left empty is nil.
func jsonapiValue(v any, depth int) any {
	if depth > maxRecordDepth {
		return nil
	}
	switch v := v.(type) {
	case string:
		if jsonapiCode(v) {
			return nil
		}
		return v
	case []any:
		var out []any
		for _, e := range v {
			if c := jsonapiValue(e, depth+1); c != nil {
				out = append(out, c)
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	case map[string]any:
		if t, ok := formattedText(v); ok {
			if strings.TrimSpace(t) == "" {
				return nil
			}
			return t
		}
		out := map[string]any{}
		for k, e := range v {
			if jsonapiMetaKey(k) {
				continue
			}
			if c := jsonapiValue(e, depth+1); c != nil {
				out[jsonapiName(k)] = c
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	case nil:
		return nil
	}
	return v // numbers and flags, metadata to recordText
}

// formattedText returns the text of a formatted text field (a CMS's
// {"value": "<p>…</p>", "format": "full_html", "processed": "<p>…</p>",
// "summary": "…"}): the processed HTML, else the value as written, else
// the summary; ok is false for any other object.
func formattedText(m map[string]any) (string, bool) {
	value, isText := m["value"].(string)
	if !isText && m["value"] != nil {
		return "", false
	}
	_, hasFormat := m["format"]
	_, hasProcessed := m["processed"]
	if !hasFormat && !hasProcessed {
		return "", false
	}
	for _, k := range []string{"processed", "value", "summary"} {
		if s, ok := m[k].(string); ok && strings.TrimSpace(s) != "" {
			return s, true
		}
	}
	if value != "" {
		return value, true
	}
	return "", true
}

// jsonapiCode reports whether s is a code rather than text a person
// reads: a value without spaces of at most three runes ("de") or with a
// digit, a slash or an underscore in it ("2026-10-12T09:14:03+00:00",
// "/leistungen/x", "full_html", "99108006000000"), unless it is an
// address (a URL, an e-mail address) or a phone number.
func jsonapiCode(s string) bool {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return true
	case strings.ContainsFunc(s, unicode.IsSpace),
		strings.Contains(s, "://"), strings.HasPrefix(s, "mailto:"), strings.HasPrefix(s, "tel:"),
		strings.Contains(s, "@") && strings.Contains(s, "."),
		phoneRE.MatchString(s) && !isoDateRE.MatchString(s) && (s[0] == '+' || s[0] == '0' || strings.ContainsAny(s, "/-().")):
		return false
	}
	return utf8.RuneCountInString(s) <= 3 || strings.ContainsAny(s, "0123456789/_")
}

// phoneRE matches a phone number written without spaces ("+49-9999-123",
// "0999/12-3", "0999123"; one of digits alone starts with 0 or +, other
// numbers are identifiers); isoDateRE a date as ISO 8601 writes it.
var (
	phoneRE   = regexp.MustCompile(`^\+?\d[\d/().-]{3,18}\d$`)
	isoDateRE = regexp.MustCompile(`^\d{4}-\d\d-\d\d`)
)

// jsonapiLinked returns the sections of the included resources a
// resource's relationships name: each headed by its relationship, its
// text the resource's title and its other attributes ("Telefon: …"); one
// that holds contact data is a contact section. At most maxJSONAPILinks
// resources are read; a relationship to a resource not included adds
// nothing.
func jsonapiLinked(raw json.RawMessage, included map[string]jsonapiResource) []Section {
	if raw = bytes.TrimSpace(raw); len(raw) == 0 || raw[0] != '{' || len(included) == 0 {
		return nil
	}
	rels, err := decodeRecord(raw)
	if err != nil {
		return nil
	}
	var out []Section
	n := 0
	for _, k := range rels.keys {
		rel, _ := rels.values[k].(map[string]any)
		var texts []string
		for _, e := range asList(rel["data"]) {
			id, _ := e.(map[string]any)
			typ, _ := id["type"].(string)
			rid, _ := id["id"].(string)
			res, ok := included[typ+"\x00"+rid]
			if !ok {
				continue
			}
			if n++; n > maxJSONAPILinks {
				return out
			}
			if t := jsonapiResourceText(res); t != "" {
				texts = append(texts, t)
			}
		}
		if len(texts) == 0 {
			continue
		}
		s := jsonapiSection(k, strings.Join(texts, "\n\n"))
		if s.Facet == FacetNone && contactValueRE.MatchString(s.Text) && contactWordRE.MatchString(s.Text) {
			s.Facet = FacetZustaendigkeit
		}
		out = append(out, s)
	}
	return out
}

// jsonapiResourceText is a linked resource as text: its title, then its
// other attributes, a line each, labelled by their names ("Telefon:
// 0999 12-3").
func jsonapiResourceText(r jsonapiResource) string {
	attrs, _, err := jsonapiAttributes(r.Attributes)
	if err != nil {
		return ""
	}
	var lines []string
	tk, title := jsonapiTitle(attrs)
	if title != "" {
		lines = append(lines, title)
	}
	for _, k := range attrs.keys {
		if k == tk || metaKey(k) {
			continue
		}
		t := recordText(attrs.values[k], 1)
		if t == "" {
			continue
		}
		if !plainKey(k) {
			t = keyHeading(k) + ": " + t
		}
		lines = append(lines, t)
	}
	return strings.Join(lines, "\n")
}

// htmlFieldSections reads an HTML fragment (a CMS field's formatted text) as
// a page's main text is read: its headings open sections (relative to
// the document), its blocks are lines.
func htmlFieldSections(s string) []Section {
	nodes, err := html.ParseFragment(strings.NewReader(s), nil)
	if err != nil {
		return []Section{{Facet: FacetOverview, Text: strings.TrimSpace(stripTags(s))}}
	}
	w := &htmlWalker{}
	for _, n := range nodes {
		expandRowspans(n)
		w.walk(n, false)
	}
	w.flush()
	secs := w.sections
	if w.title != "" {
		// A level-1 heading in a field is its first line.
		secs = append([]Section{{Text: w.title}}, secs...)
	}
	return secs
}
