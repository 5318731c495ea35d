// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// OParl (https://oparl.org) is the standard in which German council
// information systems publish their meetings, papers, bodies and
// persons as JSON objects whose "type" names the schema
// ("https://schema.oparl.org/1.1/Meeting"). Such an object is read by
// its meaning, not as a generic record: a meeting is its name, when and
// where it takes place in German ("Beginn: Donnerstag, 21. Januar 2027,
// 18:30 Uhr", "Ort: …") and its agenda; the system's ids, URLs, file
// metadata and created/modified stamps are left out.

// oparlTypePrefix starts the type of every OParl object.
const oparlTypePrefix = "https://schema.oparl.org/"

// Bounds of an OParl file: the objects read as documents and the lines
// of one list (agenda items, files, members).
const (
	maxOParlObjects = 5000
	maxOParlItems   = 1000
)

// oparlLabels are the German labels of the properties read as lines
// "Label: value", in the order they are written.
var oparlLabels = []struct{ key, label string }{
	{"start", "Beginn"}, {"end", "Ende"}, {"shortName", "Kurzbezeichnung"}, {"reference", "Aktenzeichen"}, {"paperType", "Art"},
	{"organizationType", "Art"}, {"classification", "Einordnung"}, {"meetingState", "Status"},
	{"formOfAddress", "Anrede"}, {"title", "Titel"}, {"affix", "Namenszusatz"}, {"role", "Funktion"},
	{"post", "Funktion"}, {"date", "Datum"}, {"startDate", "Beginn"}, {"endDate", "Ende"},
	{"votingRight", "Stimmrecht"},
	{"phone", "Telefon"}, {"email", "E-Mail"}, {"contactName", "Kontakt"}, {"contactEmail", "E-Mail"},
	{"result", "Ergebnis"}, {"resolutionText", "Beschluss"}, {"status", "Status"},
	{"streetAddress", "Straße"}, {"postalCode", "Postleitzahl"}, {"locality", "Ort"}, {"room", "Raum"},
}

// oparlFileLabels are the properties of an object that name files, with
// the German words for them.
var oparlFileLabels = []struct{ key, label string }{
	{"invitation", "Einladung"}, {"resultsProtocol", "Ergebnisprotokoll"}, {"verbatimProtocol", "Wortprotokoll"},
	{"mainFile", "Hauptdokument"}, {"resolutionFile", "Beschluss"}, {"auxiliaryFile", "Anlage"},
}

// oparlText are the properties that hold running text.
var oparlText = []string{"description", "text", "body", "keyword"}

// parseOParl reads an OParl object, an array of them or an OParl list
// ({"data": [...], "pagination": …}); ok is false for any other JSON.
func parseOParl(data []byte) (docs []parsedDoc, ok bool, err error) {
	if !bytes.Contains(data, []byte(oparlTypePrefix)) {
		return nil, false, nil
	}
	var v any
	if json.Unmarshal(data, &v) != nil {
		return nil, false, nil
	}
	var objs []map[string]any
	switch t := v.(type) {
	case map[string]any:
		if oparlType(t) != "" {
			objs = []map[string]any{t}
		} else if list, isList := t["data"].([]any); isList {
			objs = oparlObjects(list)
		}
	case []any:
		objs = oparlObjects(t)
	}
	if len(objs) == 0 {
		return nil, false, nil
	}
	if len(objs) > maxOParlObjects {
		return nil, true, fileErrorf(nil, "OParl: mehr als %d Objekte", maxOParlObjects)
	}
	seen := map[string]bool{}
	for i, o := range objs {
		pd := oparlDoc(o)
		if len(pd.sections) == 0 && pd.title == "" {
			continue
		}
		if len(objs) > 1 || v != nil && isArray(v) {
			id := oparlSubID(o, i)
			for seen[id] {
				id += "-" + strconv.Itoa(i+1)
			}
			seen[id] = true
			pd.subID = id
		}
		docs = append(docs, pd)
	}
	if len(docs) == 0 {
		return nil, true, fileErrorf(errNoText, "OParl")
	}
	return docs, true, nil
}

func isArray(v any) bool { _, ok := v.([]any); return ok }

// oparlObjects returns the OParl objects of a list; nil when an item is
// none.
func oparlObjects(list []any) []map[string]any {
	var out []map[string]any
	for _, it := range list {
		o, ok := it.(map[string]any)
		if !ok || oparlType(o) == "" {
			return nil
		}
		out = append(out, o)
	}
	return out
}

// oparlType returns the type name of an OParl object ("Meeting"), "" for
// anything else.
func oparlType(o map[string]any) string {
	t, _ := o["type"].(string)
	rest, ok := strings.CutPrefix(t, oparlTypePrefix)
	if !ok {
		return ""
	}
	if i := strings.LastIndexByte(rest, '/'); i >= 0 {
		rest = rest[i+1:]
	}
	return rest
}

// oparlSubIDRE matches the last part of an object's id that can name a
// document below its file.
var oparlSubIDRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._~-]{0,99}$`)

// oparlSubID names the i-th object of a file by its type and the last
// part of its id ("meeting-2417"), or by its place.
func oparlSubID(o map[string]any, i int) string {
	id, _ := o["id"].(string)
	id = strings.TrimRight(id, "/")
	if k := strings.LastIndexByte(id, '/'); k >= 0 {
		id = id[k+1:]
	}
	if !oparlSubIDRE.MatchString(id) {
		id = strconv.Itoa(i + 1)
	}
	return strings.ToLower(oparlType(o)) + "-" + id
}

// oparlDoc reads one OParl object.
func oparlDoc(o map[string]any) parsedDoc {
	var pd parsedDoc
	typ := oparlType(o)
	pd.title = oparlName(o)
	if typ == "AgendaItem" {
		pd.title = agendaLine(o)
	}
	if t, err := parseDate(str(o["modified"])); err == nil {
		pd.updated = t
	}
	var lines []string
	if b, _ := o["cancelled"].(bool); b {
		lines = append(lines, "Abgesagt.")
	}
	for _, l := range oparlLabels {
		if typ == "Location" && (l.key == "streetAddress" || l.key == "postalCode" || l.key == "locality" || l.key == "room") {
			continue // the address is one line below
		}
		if typ != "Person" && l.key == "title" {
			continue
		}
		if s := oparlValue(l.key, o[l.key]); s != "" {
			lines = append(lines, l.label+": "+s)
		}
	}
	if loc, ok := o["location"].(map[string]any); ok {
		if s := oparlPlace(loc); s != "" {
			lines = append(lines, "Ort: "+s)
		}
	} else if typ == "Location" {
		if s := oparlPlace(o); s != "" {
			lines = append(lines, "Anschrift: "+s)
		}
	}
	for _, k := range []string{"organization", "body", "underDirectionOf", "person", "meeting"} {
		if names := oparlNames(o[k]); len(names) > 0 {
			lines = append(lines, oparlRefLabel(k)+": "+strings.Join(names, ", "))
		}
	}
	if len(lines) > 0 {
		pd.sections = append(pd.sections, Section{Text: strings.Join(lines, "\n")})
	}
	for _, k := range oparlText {
		if typ == "Location" && k == "description" {
			continue
		}
		if s := strings.TrimSpace(str(o[k])); s != "" && !urlLike(s) {
			pd.sections = append(pd.sections, Section{Text: s})
		}
	}
	if items := asList(o["agendaItem"]); len(items) > 0 {
		var b []string
		for _, it := range items[:min(len(items), maxOParlItems)] {
			if m, ok := it.(map[string]any); ok {
				if l := agendaLine(m); l != "" {
					b = append(b, l)
				}
			}
		}
		if len(b) > 0 {
			pd.sections = append(pd.sections, Section{Heading: "Tagesordnung", Text: strings.Join(b, "\n")})
		}
	}
	var files []string
	for _, f := range oparlFileLabels {
		for _, name := range oparlNames(o[f.key]) {
			files = append(files, f.label+": "+name)
		}
	}
	if len(files) > 0 {
		pd.sections = append(pd.sections, Section{Heading: "Dateien", Text: strings.Join(files, "\n")})
	}
	if cs := asList(o["consultation"]); len(cs) > 0 {
		var b []string
		for _, c := range cs[:min(len(cs), maxOParlItems)] {
			if m, ok := c.(map[string]any); ok {
				parts := oparlNames(m["organization"])
				if r := str(m["role"]); r != "" {
					parts = append(parts, r)
				}
				if len(parts) > 0 {
					b = append(b, "- "+strings.Join(parts, ", "))
				}
			}
		}
		if len(b) > 0 {
			pd.sections = append(pd.sections, Section{Heading: "Beratungsfolge", Text: strings.Join(b, "\n")})
		}
	}
	if ms := asList(o["membership"]); len(ms) > 0 {
		var b []string
		for _, m := range ms[:min(len(ms), maxOParlItems)] {
			if mm, ok := m.(map[string]any); ok {
				parts := append(oparlNames(mm["organization"]), oparlNames(mm["person"])...)
				if r := str(mm["role"]); r != "" {
					parts = append(parts, r)
				}
				if len(parts) > 0 {
					b = append(b, "- "+strings.Join(parts, ", "))
				}
			}
		}
		if len(b) > 0 {
			pd.sections = append(pd.sections, Section{Heading: "Mitgliedschaften", Text: strings.Join(b, "\n")})
		}
	}
	return pd
}

// oparlRefLabel names the objects a property refers to.
func oparlRefLabel(k string) string {
	switch k {
	case "organization":
		return "Gremium"
	case "body":
		return "Körperschaft"
	case "underDirectionOf":
		return "Federführung"
	case "person":
		return "Person"
	}
	return "Sitzung"
}

// agendaLine is an agenda item's line: "TOP 4: Neubau …", marked
// "(nichtöffentlich)" when not public, its result after it.
func agendaLine(m map[string]any) string {
	name := strings.TrimSpace(str(m["name"]))
	if name == "" {
		return ""
	}
	if n := strings.TrimSpace(str(m["number"])); n != "" {
		name = "TOP " + n + ": " + name
	}
	if p, ok := m["public"].(bool); ok && !p {
		name += " (nichtöffentlich)"
	}
	if r := strings.TrimSpace(str(m["result"])); r != "" {
		name += " – " + r
	}
	return name
}

// oparlName is an object's name: name, or else the person's full name,
// or its file name.
func oparlName(o map[string]any) string {
	for _, k := range []string{"name", "fileName"} {
		if s := strings.TrimSpace(str(o[k])); s != "" {
			return s
		}
	}
	var parts []string
	for _, k := range []string{"title", "givenName", "familyName"} {
		if s := strings.TrimSpace(str(o[k])); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ")
}

// oparlNames returns the names of the embedded objects of a property (an
// object or a list of them); references by URL have none.
func oparlNames(v any) []string {
	var out []string
	for _, it := range asList(v) {
		if m, ok := it.(map[string]any); ok {
			if n := oparlName(m); n != "" {
				out = append(out, n)
			}
		}
		if len(out) >= maxOParlItems {
			break
		}
	}
	return out
}

// oparlPlace is a location as one line: its description, then the room,
// street and town that the description does not already name.
func oparlPlace(loc map[string]any) string {
	var parts []string
	desc := strings.TrimSpace(str(loc["description"]))
	if desc != "" {
		parts = append(parts, desc)
	}
	town := strings.TrimSpace(strings.TrimSpace(str(loc["postalCode"])) + " " + strings.TrimSpace(str(loc["locality"])))
	for _, s := range []string{str(loc["room"]), str(loc["streetAddress"]), town, str(loc["subLocality"])} {
		if s = strings.TrimSpace(s); s != "" && !strings.Contains(desc, s) {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// oparlValue is the text of a labelled property: a date or time in
// German, a boolean as "ja"/"nein", a string that is no URL; "" for
// anything else.
func oparlValue(k string, v any) string {
	switch t := v.(type) {
	case string:
		s := strings.TrimSpace(t)
		if s == "" || urlLike(s) {
			return ""
		}
		if tm, err := time.Parse(time.RFC3339, s); err == nil {
			return germanDateTime(tm)
		}
		if tm, err := time.Parse(time.DateOnly, s); err == nil {
			return germanDate(tm)
		}
		return s
	case bool:
		if k == "votingRight" {
			if t {
				return "ja"
			}
			return "nein"
		}
	case []any:
		var out []string
		for _, it := range t {
			if s, ok := it.(string); ok && !urlLike(s) && strings.TrimSpace(s) != "" {
				out = append(out, strings.TrimSpace(s))
			}
		}
		return strings.Join(out, ", ")
	}
	return ""
}

// germanDate writes a day as "Donnerstag, 21. Januar 2027".
func germanDate(t time.Time) string {
	return fmt.Sprintf("%s, %d. %s %d", icsWeekdays[t.Weekday()], t.Day(), icsMonths[t.Month()-1], t.Year())
}

// germanDateTime writes a time, in its own offset, as "Donnerstag, 21.
// Januar 2027, 18:30 Uhr".
func germanDateTime(t time.Time) string {
	return germanDate(t) + fmt.Sprintf(", %d:%02d Uhr", t.Hour(), t.Minute())
}

func str(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	}
	return ""
}

// urlLike reports whether s is a web address or an address of an API.
func urlLike(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}
