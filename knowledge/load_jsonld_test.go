// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestHTMLJSONLDGraph checks that an app shell whose text stands only in
// schema.org JSON-LD is read by the types of its @graph: the service's
// name the title, its description the lead, its offers a "Kosten"
// section, its provider and hours a "Kontakt" section, each question of
// a FAQPage a section; breadcrumbs, ids, URLs, identifiers and dates are
// left out.
func TestHTMLJSONLDGraph(t *testing.T) {
	page := `<!doctype html><html><head><title>Sperrmüll | Beispielportal</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebPage","@id":"https://portal.example/sperrmuell#page","name":"Sperrmüll","dateModified":"2026-03-01T10:00:00+01:00"},
 {"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"Startportal"}]},
 {"@type":"GovernmentService","name":"Sperrmüllabholung","description":"Der Bauhof holt sperrige Möbel auf Anmeldung vor dem Haus ab.",
  "identifier":{"@type":"PropertyValue","value":"4711000"},
  "provider":{"@type":"GovernmentOrganization","name":"Bauhof Beispielstadt","telephone":"0999 55-10","address":{"@type":"PostalAddress","streetAddress":"Werkstraße 2","postalCode":"99999","addressLocality":"Beispielstadt"}},
  "availableChannel":{"@type":"ServiceChannel","servicePhone":{"@type":"ContactPoint","hoursAvailable":{"@type":"OpeningHoursSpecification","dayOfWeek":["https://schema.org/Friday"],"opens":"08:00","closes":"12:00"}}},
  "offers":[{"@type":"Offer","name":"Abholung bis 3 Kubikmeter","description":"kostenlos einmal im Jahr"},{"@type":"Offer","name":"Jede weitere Abholung","price":"30.00","priceCurrency":"EUR"}]},
 {"@type":"FAQPage","mainEntity":[{"@type":"Question","name":"Was zählt als Sperrmüll?","acceptedAnswer":{"@type":"Answer","text":"<p>Möbel und <strong>Matratzen</strong>, keine Elektrogeräte.</p>"}}]}
]}</script></head><body><div id="root"></div><noscript>Bitte JavaScript einschalten.</noscript></body></html>`
	title, got := htmlSections(t, page)
	if title != "Sperrmüllabholung" {
		t.Errorf("title %q, want the service's name", title)
	}
	for h, want := range map[string]string{
		"":                         "Der Bauhof holt sperrige Möbel auf Anmeldung vor dem Haus ab.",
		"Kosten":                   "- Abholung bis 3 Kubikmeter: kostenlos einmal im Jahr\n- Jede weitere Abholung: 30,00 Euro",
		"Kontakt":                  "Bauhof Beispielstadt\nAdresse: Werkstraße 2, 99999 Beispielstadt\nTelefon: 0999 55-10\nSprechzeiten: Freitag: 08:00 bis 12:00 Uhr",
		"Was zählt als Sperrmüll?": "Möbel und Matratzen, keine Elektrogeräte.",
	} {
		if got[h] != want {
			t.Errorf("section %q holds %q, want %q (all: %q)", h, got[h], want, got)
		}
	}
	var all strings.Builder
	for h, s := range got {
		all.WriteString(h + "\n" + s + "\n")
	}
	for _, left := range []string{"Startportal", "4711000", "2026-03-01", "https:", "JavaScript"} {
		if strings.Contains(all.String(), left) {
			t.Errorf("%q is read as text: %q", left, got)
		}
	}
}
