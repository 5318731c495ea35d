// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestHTMLDialogs checks that a <dialog> opened by a button of the main
// text is read as part of the section that holds the button, wherever
// the dialog stands (here after </main>), its title and close button
// dropped, whether the button names it by a data-* attribute, by
// commandfor, by a quoted id in onclick or only says it opens a dialog
// (paired by order); a dialog no button opens stays out.
func TestHTMLDialogs(t *testing.T) {
	title, got := htmlSections(t, `<html><body><main><h1>Beispielabgabe</h1><p>Vorweg.</p>
<section><h2>Höhe</h2><p>Es gibt zwei Sätze.</p><button data-modal-open="d-hoehe">Mehr</button><p>Nach dem Knopf.</p></section>
<section><h2>Fristen</h2><p>Kurz gesagt: bald.</p><button commandfor="d-frist" command="show-modal">Mehr</button></section>
<section><h2>Befreiung</h2><button onclick="document.getElementById('d-befreiung').showModal()">Mehr</button></section>
<section><h2>Raten</h2><button aria-haspopup="dialog">Mehr</button></section>
</main><footer>Fuß</footer>
<dialog id="d-hoehe" aria-labelledby="d-hoehe-t"><form method="dialog"><button>×</button></form><h2 id="d-hoehe-t">Höhe der Abgabe</h2><p>Der Satz beträgt 12 Taler.</p><h3>Ausnahmen</h3><p>Vereine zahlen 6 Taler.</p></dialog>
<dialog id="d-frist"><h2>Fristen</h2><p>Zahlbar bis zum 3. Mond.</p></dialog>
<div role="dialog" id="d-befreiung"><h2>Befreiung</h2><p>Auf Antrag bei Armut.</p></div>
<dialog><h2>Ratenzahlung</h2><p>Bis zu vier Raten.</p></dialog>
<dialog id="d-werbung"><p>Newsletter bestellen!</p></dialog>
</body></html>`)
	if title != "Beispielabgabe" {
		t.Errorf("title %q", title)
	}
	for h, want := range map[string]string{
		"Höhe":             "Es gibt zwei Sätze.\nDer Satz beträgt 12 Taler.\nNach dem Knopf.",
		"Höhe › Ausnahmen": "Vereine zahlen 6 Taler.",
		"Fristen":          "Kurz gesagt: bald.\nZahlbar bis zum 3. Mond.",
		"Befreiung":        "Auf Antrag bei Armut.",
		"Raten":            "Bis zu vier Raten.",
	} {
		if got[h] != want {
			t.Errorf("section %q holds %q, want %q (all: %q)", h, got[h], want, got)
		}
	}
	for h, s := range got {
		for _, no := range []string{"Newsletter", "×", "Höhe der Abgabe", "Fuß"} {
			if strings.Contains(h+s, no) {
				t.Errorf("%q read: %q %q", no, h, s)
			}
		}
	}
}
