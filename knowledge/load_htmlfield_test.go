// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestHTMLLabelledFields checks a content system's entity fields: a
// label above its value opens a section (also one no facet word names),
// an inline label and its short value are one line "Label: value", an
// inline label before a paragraph heads it, a field inside a field is a
// line of its section, and an inline field holding only a long number
// is left out as an identifier.
func TestHTMLLabelledFields(t *testing.T) {
	title, got := htmlSections(t, `<html><body><main><h1>Beispielschein</h1><article>
<div class="field field--name-field-key field--label-inline"><div class="field__label">Schlüssel</div><div class="field__item">12345678901234</div></div>
<div class="field field--label-hidden field__item"><p>Der Schein erlaubt das Beispielen.</p></div>
<div class="field field--label-inline"><div class="field__label">Gebühr</div><div class="field__item"><p>Zehn Taler, ermäßigt fünf.</p></div></div>
<div class="field field--label-inline"><div class="field__label">Dauer</div><div class="field__item">zwei Tage</div></div>
<div class="field field--label-above"><div class="field__label">Anmerkungen</div><div class="field__item"><p>Bitte pünktlich kommen.</p></div></div>
<div class="field field--label-above"><div class="field__label">Stelle</div><div class="field__item"><div class="field field--label-hidden">Beispielamt</div><div class="field field--label-inline"><div class="field__label">Telefon</div><div class="field__item">0123 45-6</div></div></div></div>
<div class="field-label-inline"><div class="field-label">Stand:</div><div class="field-items"><div class="field-item">1.2.2026</div></div></div>
</article></main></body></html>`)
	if title != "Beispielschein" {
		t.Errorf("title %q", title)
	}
	for h, want := range map[string]string{
		"":            "Der Schein erlaubt das Beispielen.",
		"Gebühr":      "Zehn Taler, ermäßigt fünf.\nDauer: zwei Tage",
		"Anmerkungen": "Bitte pünktlich kommen.",
		"Stelle":      "Beispielamt\nTelefon: 0123 45-6\nStand: 1.2.2026",
	} {
		if got[h] != want {
			t.Errorf("section %q holds %q, want %q (all: %q)", h, got[h], want, got)
		}
	}
	for h, s := range got {
		if strings.Contains(h+s, "12345678901234") || strings.Contains(h+s, "Schlüssel") {
			t.Errorf("identifier read: %q %q", h, s)
		}
	}
}
