// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/musterstadt/lotse/knowledge/german"
)

// parseRecordJSON reads JSON that is not ServiceJSON: records as service
// catalogues and portals export them (one object per file or an array of
// objects), with their own key names, lists and nested objects. The title
// is the first of the usual title keys; text keys ("volltext",
// "beschreibung") open the document; every other key with text becomes a
// section headed by the key ("erforderlicheUnterlagen" → "Erforderliche
// Unterlagen", its facet found as any heading's); identifiers, codes,
// numbers and flags are metadata and are left out.
func parseRecordJSON(data []byte, multi bool) ([]parsedDoc, error) {
	var raws []json.RawMessage
	if multi {
		if err := json.Unmarshal(data, &raws); err != nil {
			return nil, err
		}
	} else if inner, ok := wrappedRecords(data); ok {
		raws, multi = inner, true
	} else {
		raws = []json.RawMessage{data}
	}
	records := make([]record, 0, len(raws))
	for _, raw := range raws {
		r, err := decodeRecord(raw)
		if err != nil {
			return nil, err
		}
		records = append(records, r)
	}
	var out []parsedDoc
	for i, rec := range records {
		pd, err := recordDoc(rec.values, rec.keys)
		if err != nil {
			return nil, fmt.Errorf("JSON-Eintrag %d: %w", i+1, err)
		}
		if multi {
			id, _ := rec.values["id"].(string)
			if id == "" {
				id = slugify(pd.title)
			}
			pd.subID = id
		}
		out = append(out, pd)
	}
	if len(out) == 0 {
		return nil, errors.New("JSON enthält keinen Eintrag")
	}
	return out, nil
}

// wrappedRecords returns the records of an export that wraps them in an
// object ({"export": {…header…}, "leistungen": [{…}, {…}]}): an object
// without a title of its own, one of whose keys holds an array of
// objects and no other does. The other keys (the export's system,
// timestamp, count) are the export's header, not text.
func wrappedRecords(data []byte) ([]json.RawMessage, bool) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, false
	}
	var found []json.RawMessage
	for k, v := range top {
		if slices.Contains(recordKeys.title, recordKey(k)) {
			return nil, false
		}
		var arr []json.RawMessage
		if v = bytes.TrimSpace(v); len(v) == 0 || v[0] != '[' || json.Unmarshal(v, &arr) != nil || len(arr) == 0 {
			continue
		}
		if slices.ContainsFunc(arr, func(e json.RawMessage) bool { e = bytes.TrimSpace(e); return len(e) == 0 || e[0] != '{' }) {
			continue
		}
		if found != nil {
			return nil, false
		}
		found = arr
	}
	return found, found != nil
}

// recordKeys are the key names, folded and without separators, a record
// keeps its title, address, date and other names under. The text keys
// come in the order they open a document: a short description is its
// lead.
var recordKeys = struct{ title, url, updated, synonyms, text []string }{
	title:    []string{"title", "titel", "leistungsname", "name", "bezeichnung", "ueberschrift", "headline"},
	url:      []string{"url", "link", "uri", "webseite", "website"},
	updated:  []string{"updated", "stand", "aktualisiert", "lastmodified", "modified", "geaendert", "datum", "date"},
	synonyms: []string{"synonyms", "synonyme", "suchbegriffe", "stichwoerter", "stichworte", "schlagwoerter", "schlagworte", "keywords", "tags"},
	text: []string{"kurztext", "kurzbeschreibung", "zusammenfassung", "summary", "abstract", "teaser", "einleitung",
		"volltext", "beschreibung", "description", "text", "inhalt", "content", "body", "html"},
}

// partKeys are the keys, folded and without separators, under which an
// object in a list of a record's parts ({"ueberschrift": …, "html": …},
// {"frage": …, "antwort": …}) holds its heading and its text; a type code
// beside them ("typ": "voraussetzungen") may name the part's facet.
var partKeys = struct{ heading, text, kind []string }{
	heading: []string{"ueberschrift", "titel", "title", "headline", "heading", "frage", "question", "name", "bezeichnung"},
	text:    []string{"html", "text", "inhalt", "content", "body", "beschreibung", "antwort", "answer", "volltext"},
	kind:    []string{"typ", "type", "art"},
}

// record is one JSON object with its keys in the order written.
type record struct {
	values map[string]any
	keys   []string
}

// decodeRecord decodes one JSON object, keeping the order of its keys:
// the sections follow it.
func decodeRecord(raw json.RawMessage) (record, error) {
	r := record{values: map[string]any{}}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return r, errors.New("kein JSON-Objekt")
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return r, err
		}
		k, _ := t.(string)
		var v any
		if err := dec.Decode(&v); err != nil {
			return r, err
		}
		if _, seen := r.values[k]; !seen {
			r.keys = append(r.keys, k)
		}
		r.values[k] = v
	}
	return r, nil
}

func recordDoc(rec map[string]any, keys []string) (parsedDoc, error) {
	byKey := map[string]string{} // normalised key → key
	for _, k := range keys {
		byKey[recordKey(k)] = k
	}
	first := func(names []string) (string, string) {
		for _, n := range names {
			if k, ok := byKey[n]; ok {
				if s, ok := rec[k].(string); ok && strings.TrimSpace(s) != "" {
					return k, strings.TrimSpace(s)
				}
			}
		}
		return "", ""
	}
	var pd parsedDoc
	used := map[string]bool{}
	var k string
	k, pd.title = first(recordKeys.title)
	if pd.title == "" {
		return pd, errors.New("kein Titel (title, leistungsname, name …)")
	}
	used[k] = true
	k, pd.url = first(recordKeys.url)
	used[k] = true
	if k, upd := first(recordKeys.updated); upd != "" {
		used[k] = true
		if len(upd) > 10 && upd[4] == '-' {
			upd = upd[:10] // "2026-03-30T13:40:00+02:00"
		}
		if t, err := parseDate(upd); err == nil {
			pd.updated = t
		}
	}
	for _, n := range recordKeys.synonyms {
		if k, ok := byKey[n]; ok {
			used[k] = true
			for _, v := range asList(rec[k]) {
				if s, ok := v.(string); ok && strings.TrimSpace(s) != "" {
					pd.synonyms = append(pd.synonyms, strings.TrimSpace(s))
				}
			}
		}
	}
	for _, n := range recordKeys.text {
		if k, ok := byKey[n]; ok && !used[k] {
			used[k] = true
			if t := recordText(rec[k], 0); t != "" {
				pd.sections = append(pd.sections, Section{Facet: FacetOverview, Text: t})
			}
		}
	}
	for _, k := range keys {
		if used[k] || metaKey(k) {
			continue
		}
		t := recordText(rec[k], 0)
		if t == "" {
			continue
		}
		h := keyHeading(k)
		f := headingFacet(h)
		if f != FacetNone {
			h = facetHeading(f, h)
		}
		if parts := recordParts(rec[k]); (f == FacetNone || f == FacetFAQ) && parts != nil {
			pd.sections = append(pd.sections, parts...)
			continue
		}
		if parts := groupedParts(rec[k]); (f == FacetNone || f == FacetFAQ) && parts != nil {
			pd.sections = append(pd.sections, parts...)
			continue
		}
		pd.sections = append(pd.sections, Section{Heading: h, Facet: f, Text: t})
	}
	if len(pd.sections) == 0 {
		return pd, errNoText
	}
	return pd, nil
}

// recordParts returns the sections of a list of a record's parts: every
// element an object with a heading and a text (partKeys), as a portal
// exports a service's "abschnitte" or its questions and answers; each
// is a section headed by its heading, with the facet the heading names,
// or else the one its type code names. Other values of the object follow
// its text as by recordText. A list of anything else is no parts (nil).
func recordParts(v any) []Section {
	list, ok := v.([]any)
	if !ok || len(list) == 0 {
		return nil
	}
	var out []Section
	for _, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			return nil
		}
		hk, h := firstString(m, partKeys.heading)
		tk, text := firstString(m, partKeys.text)
		if h == "" || text == "" || hk == tk {
			return nil
		}
		text = recordText(text, 0)
		_, kind := firstString(m, partKeys.kind)
		rest := map[string]any{}
		for k, val := range m {
			if k != hk && k != tk && !slices.Contains(partKeys.kind, recordKey(k)) && !slices.Contains(recordKeys.synonyms, recordKey(k)) {
				rest[k] = val
			}
		}
		if more := recordText(rest, 0); more != "" {
			text += "\n" + more
		}
		f := headingFacet(h)
		if f == FacetNone && kind != "" {
			f = labelFacet(keyHeading(kind))
		}
		out = append(out, Section{Heading: h, Facet: f, Text: text})
	}
	return out
}

// groupedParts returns the sections of a list of groups of parts, as an
// FAQ groups its questions by category ({"name": "Umzug", "fragen":
// [{"frage": …, "antwort": …}]}): every element an object with a
// heading and one list that recordParts reads; each part is a section
// headed by its heading under the group's, and a text of the group
// itself (its description) a section headed by the group. A list of
// anything else is no groups (nil).
func groupedParts(v any) []Section {
	list, ok := v.([]any)
	if !ok || len(list) == 0 {
		return nil
	}
	var out []Section
	for _, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			return nil
		}
		hk, h := firstString(m, partKeys.heading)
		if h == "" {
			return nil
		}
		var parts []Section
		rest := map[string]any{}
		for k, val := range m {
			if k == hk || metaKey(k) || slices.Contains(recordKeys.synonyms, recordKey(k)) {
				continue
			}
			if p := recordParts(val); p != nil {
				if parts != nil {
					return nil
				}
				parts = p
				continue
			}
			rest[k] = val
		}
		if parts == nil {
			return nil
		}
		if t := recordText(rest, 0); t != "" {
			out = append(out, Section{Heading: h, Facet: headingFacet(h), Text: t})
		}
		for _, p := range parts {
			p.Heading = h + " › " + p.Heading
			out = append(out, p)
		}
	}
	return out
}

// firstString returns the first key of m among names (folded, without
// separators) that holds a string with text, and that text.
func firstString(m map[string]any, names []string) (string, string) {
	for _, n := range names {
		for k, v := range m {
			if recordKey(k) != n {
				continue
			}
			if s, ok := v.(string); ok && strings.TrimSpace(s) != "" {
				return k, strings.TrimSpace(s)
			}
		}
	}
	return "", ""
}

// maxRecordDepth bounds how deep recordText follows nested values.
const maxRecordDepth = 6

// recordText renders a value as text: a string as it is (a code without
// spaces only where it is a value of its own, not an identifier; HTML
// reduced to its text, a block a line), a list
// as one line per element, an object as its values, labelled by key where
// the key says more than the value ("Telefon: …"), an address-like object
// of short values on one line.
func recordText(v any, depth int) string {
	if depth > maxRecordDepth {
		return ""
	}
	switch v := v.(type) {
	case string:
		if looksHTML(v) {
			return htmlToText(v)
		}
		return strings.TrimSpace(v)
	case []any:
		var b strings.Builder
		for _, e := range v {
			t := recordText(e, depth+1)
			if t == "" {
				continue
			}
			t = strings.ReplaceAll(t, "\n", "; ")
			if depth == 0 {
				b.WriteString("- ")
			}
			b.WriteString(t)
			b.WriteString("\n")
		}
		if depth > 0 {
			return strings.TrimSpace(strings.ReplaceAll(strings.TrimSpace(b.String()), "\n", "; "))
		}
		return strings.TrimSpace(b.String())
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			// A number or flag beside the text ("betrag": 65.0) is
			// metadata; the object is read by its texts.
			if !metaKey(k) && recordText(v[k], depth+1) != "" {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys) // decoded objects keep no order; a stable one
		sort.SliceStable(keys, func(i, j int) bool { return keyRank(keys[i]) < keyRank(keys[j]) })
		if len(keys) == 2 && plainKey(keys[0]) {
			// {"bezeichnung": "Gewerbeanmeldung", "betrag": "26,00 Euro"}
			name, val := recordText(v[keys[0]], depth+1), recordText(v[keys[1]], depth+1)
			if strings.HasPrefix(val, name) {
				// {"bezeichnung": "Essen", "text": "Essen 3,50 Euro je Tag"}
				return val
			}
			return name + ": " + val
		}
		short := true
		for _, k := range keys {
			s, ok := v[k].(string)
			if !ok || strings.Contains(strings.TrimSpace(s), " ") && len(s) > 40 {
				short = false
			}
		}
		var parts []string
		for _, k := range keys {
			t := recordText(v[k], depth+1)
			if t == "" {
				continue
			}
			if !short && !plainKey(k) {
				t = keyHeading(k) + ": " + t
			}
			parts = append(parts, t)
		}
		if short && len(parts) > 1 && allAddressKeys(keys) {
			// "Rathausgasse 2, 67491 Weidenfels"
			var b strings.Builder
			for i, k := range keys {
				t := recordText(v[k], depth+1)
				if t == "" {
					continue
				}
				if b.Len() > 0 {
					if keyRank(k) == 4 || keyRank(k) == 5 && (i == 0 || keyRank(keys[i-1]) < 4) {
						b.WriteString(",")
					}
					b.WriteString(" ")
				}
				b.WriteString(t)
			}
			return b.String()
		}
		sep := "\n"
		if depth > 0 {
			sep = ", "
		}
		return strings.Join(parts, sep)
	}
	return "" // numbers and flags are metadata
}

// keyRank orders an object's keys for reading: its name first.
func keyRank(k string) int {
	if plainKey(k) {
		return 0
	}
	switch recordKey(k) { // an address in its usual order
	case "strasse", "street":
		return 1
	case "hausnummer", "housenumber":
		return 2
	case "zusatz":
		return 3
	case "postleitzahl", "plz", "postalcode":
		return 4
	case "ort", "stadt", "city":
		return 5
	}
	return 6
}

// plainKey reports whether k names what its value is called
// ("bezeichnung", "name"): the value is read without the key.
func plainKey(k string) bool {
	switch recordKey(k) {
	case "bezeichnung", "name", "titel", "title", "label", "tage", "text", "url", "link":
		return true
	}
	return false
}

// allAddressKeys reports whether keys are the parts of a postal address.
func allAddressKeys(keys []string) bool {
	for _, k := range keys {
		switch recordKey(k) {
		case "strasse", "street", "hausnummer", "housenumber", "postleitzahl", "plz", "postalcode", "ort", "stadt", "city", "zusatz":
		default:
			return false
		}
	}
	return true
}

// metaKey reports whether the key k holds an identifier or code rather
// than text a person reads: "id", "leistungsschluessel", "typisierung",
// "sprache", "uuid", "version", the currency code beside every amount
// ("waehrung": "EUR").
func metaKey(k string) bool {
	n := recordKey(k)
	if n == "id" || strings.HasSuffix(n, "id") && len(n) <= 4 || strings.HasSuffix(n, "schluessel") || strings.HasSuffix(n, "uuid") {
		return true
	}
	switch n {
	case "typisierung", "sprache", "lang", "language", "version", "vertrauensniveau", "status", "type", "typ", "kennung", "code",
		"waehrung", "currency", "currencycode":
		return true
	}
	return false
}

// recordKey folds a key and drops its separators: "zustaendige_stelle",
// "zuständigeStelle" and "Zuständige Stelle" are one key.
func recordKey(k string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, german.Fold(k))
}

// keyHeading makes a heading of a key: "erforderlicheUnterlagen" →
// "Erforderliche Unterlagen", "zustaendige_stelle" → "Zustaendige Stelle".
func keyHeading(k string) string {
	var b strings.Builder
	prev := rune(0)
	for _, r := range k {
		switch {
		case r == '_' || r == '-' || r == '.':
			b.WriteRune(' ')
		case unicode.IsUpper(r) && unicode.IsLower(prev):
			b.WriteRune(' ')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
		prev = r
	}
	words := strings.Fields(b.String())
	for i, w := range words {
		rs := []rune(w)
		if i == 0 || len(rs) > 3 {
			rs[0] = unicode.ToUpper(rs[0])
		}
		words[i] = string(rs)
	}
	return strings.Join(words, " ")
}

// facetHeading is the heading a section of facet f gets: the usual German
// name of the facet ("Zuständige Stelle" for "zustaendigeStelle"), or the
// key's own heading for a facet without one.
func facetHeading(f Facet, h string) string {
	if name, ok := facetHeadings[f]; ok {
		return name
	}
	return h
}

// facetHeadings are the German section names of the facets, as the
// loaders of known schemas write them.
var facetHeadings = map[Facet]string{
	FacetZustaendigkeit:  "Zuständige Stelle",
	FacetVoraussetzungen: "Voraussetzungen",
	FacetUnterlagen:      "Benötigte Unterlagen",
	FacetKosten:          "Kosten",
	FacetDauer:           "Bearbeitungsdauer",
	FacetTermin:          "Termin",
	FacetOnline:          "Online-Dienst",
	FacetRechtsgrundlage: "Rechtsgrundlage",
	FacetFristen:         "Fristen",
}

func asList(v any) []any {
	if l, ok := v.([]any); ok {
		return l
	}
	return []any{v}
}
