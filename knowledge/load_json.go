// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
)

// ServiceJSON is the schema of a .json service description: one object per
// file, or an array of them. Every facet has its own field, so no guessing
// is needed; empty fields are left out of the document. Example:
//
//	{
//	  "id": "reisepass",                          // optional; names the document in an array
//	  "title": "Reisepass beantragen",            // required
//	  "synonyms": ["Pass", "Reisedokument"],
//	  "url": "https://www.musterstadt.example/leistungen/reisepass",
//	  "updated": "2026-10-12",
//	  "beschreibung": "Einen Reisepass brauchen Sie …",
//	  "zustaendige_stelle": "Bürgerbüro, Marktplatz 1",
//	  "voraussetzungen": "Hauptwohnsitz in Musterstadt",
//	  "unterlagen": ["Personalausweis", "biometrisches Passfoto"],
//	  "kosten": "70,00 Euro",
//	  "bearbeitungsdauer": "4 bis 6 Wochen",
//	  "termin": "Termin online buchen",
//	  "online": "https://…",
//	  "rechtsgrundlage": "Passgesetz",
//	  "fristen": "keine"
//	}
//
// A single object becomes the document named by the file's path; in an
// array, each element becomes "<path>/<id>" and needs an id.
type ServiceJSON struct {
	ID                string   `json:"id"`
	Title             string   `json:"title"`
	Synonyms          []string `json:"synonyms"`
	URL               string   `json:"url"`
	Updated           string   `json:"updated"`
	Beschreibung      string   `json:"beschreibung"`
	ZustaendigeStelle string   `json:"zustaendige_stelle"`
	Voraussetzungen   string   `json:"voraussetzungen"`
	Unterlagen        []string `json:"unterlagen"`
	Kosten            string   `json:"kosten"`
	Bearbeitungsdauer string   `json:"bearbeitungsdauer"`
	Termin            string   `json:"termin"`
	Online            string   `json:"online"`
	Rechtsgrundlage   string   `json:"rechtsgrundlage"`
	Fristen           string   `json:"fristen"`
}

func parseServiceJSON(data []byte) ([]parsedDoc, error) {
	data = bytes.TrimSpace(data)
	if docs, ok, err := parseJSONAPI(data); ok {
		// A JSON:API document (a CMS's export): its resources.
		return docs, err
	}
	if docs, ok, err := parseOParl(data); ok {
		// A council information system's OParl objects.
		return docs, err
	}
	if docs, ok, err := parseGeoJSON(data); ok {
		// A GIS layer: a place per feature.
		return docs, err
	}
	if docs, ok, err := parseOpen311(data); ok {
		// A defect-reporting service's Open311 service list.
		return docs, err
	}
	var items []ServiceJSON
	multi := len(data) > 0 && data[0] == '['
	var err error
	if multi {
		err = json.Unmarshal(data, &items)
	} else {
		var one ServiceJSON
		err = json.Unmarshal(data, &one)
		items = []ServiceJSON{one}
	}
	if err != nil || !slices.ContainsFunc(items, func(s ServiceJSON) bool { return strings.TrimSpace(s.Title) != "" }) {
		// Not our schema: a record exported from a service catalogue
		// ("leistungsname", nested lists and objects) is read by its keys.
		if docs, gerr := parseRecordJSON(data, multi); gerr == nil {
			return docs, nil
		} else if err == nil {
			err = gerr
		}
		return nil, fileErrorf(err, "JSON fehlerhaft")
	}
	var out []parsedDoc
	for i, s := range items {
		if strings.TrimSpace(s.Title) == "" {
			return nil, fileErrorf(nil, "JSON-Eintrag %d: title fehlt", i+1)
		}
		upd, err := parseDate(s.Updated)
		if err != nil {
			return nil, fileErrorf(err, "JSON-Eintrag %d: updated", i+1)
		}
		pd := parsedDoc{title: s.Title, synonyms: s.Synonyms, url: s.URL, updated: upd, kind: string(KindService)}
		if multi {
			if s.ID == "" {
				return nil, fileErrorf(nil, "JSON-Eintrag %d: id fehlt", i+1)
			}
			pd.subID = s.ID
		}
		add := func(h string, f Facet, text string) {
			if strings.TrimSpace(text) != "" {
				pd.sections = append(pd.sections, Section{Heading: h, Facet: f, Text: text})
			}
		}
		var list strings.Builder
		for _, u := range s.Unterlagen {
			list.WriteString("- " + u + "\n")
		}
		add("", FacetOverview, s.Beschreibung)
		add("Zuständige Stelle", FacetZustaendigkeit, s.ZustaendigeStelle)
		add("Voraussetzungen", FacetVoraussetzungen, s.Voraussetzungen)
		add("Benötigte Unterlagen", FacetUnterlagen, list.String())
		add("Kosten", FacetKosten, s.Kosten)
		add("Bearbeitungsdauer", FacetDauer, s.Bearbeitungsdauer)
		add("Termin", FacetTermin, s.Termin)
		add("Online-Dienst", FacetOnline, s.Online)
		add("Rechtsgrundlage", FacetRechtsgrundlage, s.Rechtsgrundlage)
		add("Fristen", FacetFristen, s.Fristen)
		if len(pd.sections) == 0 {
			return nil, fileErrorf(errNoText, "JSON-Eintrag %d", i+1)
		}
		out = append(out, pd)
	}
	if len(out) == 0 {
		return nil, fileErrorf(nil, "JSON enthält keine Leistung")
	}
	return out, nil
}
