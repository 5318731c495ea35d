// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestHTMLCustomElements checks that the text a Web Components page
// holds only in attributes is read as the components show it: a hero's
// heading the title of a page without <h1>, a label with a value a line
// "label: value", the items of a container with heading-level headings
// at that level over their light DOM, a group's label a heading, a
// contact card's name, unit, phone and e-mail lines under its heading;
// links, images, icons and slots never read; and that a page with an
// <h1> keeps it as its title.
func TestHTMLCustomElements(t *testing.T) {
	page := `<html><head><title>Seite – Beispielort</title></head><body><x-header site-name="Beispielort"></x-header><main>
<x-hero heading="Angelschein" kicker="Freizeit" image="/b/see.jpg" image-alt="Ein See"></x-hero>
<x-lead><p>Wer angeln will, braucht einen Schein.</p></x-lead>
<x-facts><x-fact label="Kosten" value="20 Taler"></x-fact><x-fact label="Dauer:" value="eine Woche" href="https://portal.example/angeln"></x-fact></x-facts>
<x-accordion heading-level="3"><x-accordion-item heading="Wer bekommt ihn?" open><p>Alle ab 14.</p></x-accordion-item><x-accordion-item heading="Wo gilt er?"><p>An allen Seen.</p><x-note label="Achtung"><p>Nicht im Schutzgebiet.</p></x-note></x-accordion-item></x-accordion>
<x-icon name="pfeil-rechts"></x-icon>
<x-contact-card heading="Ansprechpartner" name="Kai Muster" unit="Ordnungsamt" phone="01234 56-7" email="amt@beispiel.example" photo="/k.jpg"></x-contact-card>
</main></body></html>`
	title, got := htmlSections(t, page)
	if title != "Angelschein" {
		t.Errorf("title %q", title)
	}
	for h, want := range map[string]string{
		"":                      "Wer angeln will, braucht einen Schein.\nKosten: 20 Taler\nDauer: eine Woche",
		"Wer bekommt ihn?":      "Alle ab 14.",
		"Wo gilt er?":           "An allen Seen.",
		"Wo gilt er? › Achtung": "Nicht im Schutzgebiet.",
		"Ansprechpartner":       "Kai Muster\nOrdnungsamt\nTelefon: 01234 56-7\nE-Mail: amt@beispiel.example",
	} {
		if got[h] != want {
			t.Errorf("section %q holds %q, want %q (all: %q)", h, got[h], want, got)
		}
	}
	for h, s := range got {
		for _, no := range []string{"pfeil", "portal.example", "see.jpg", "Ein See", "Freizeit", "k.jpg"} {
			if strings.Contains(h+s, no) {
				t.Errorf("%q read: %q %q", no, h, s)
			}
		}
	}
	// An <h1> stays the title; the hero's heading heads a section.
	title, got = htmlSections(t, strings.Replace(page, "<main>", "<main><h1>Angeln in Beispielort</h1>", 1))
	if title != "Angeln in Beispielort" || got["Angelschein"] == "" {
		t.Errorf("with <h1>: title %q, sections %q", title, got)
	}
}
