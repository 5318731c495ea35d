// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestHTMLHiddenUntilFound checks that a panel hidden "until-found" (the
// browser shows it on a search or a click) is read under the heading of
// its button, while hidden content of any other state stays dropped, and
// that a visually hidden heading labelling a menu or a footer opens no
// section and keeps its block from counting as content.
func TestHTMLHiddenUntilFound(t *testing.T) {
	page := `<html><body>
<div id="navMain"><h2 class="sr-only">Menü</h2><ul><li><a href="/a">Rathaus</a></li><li><a href="/b">Freizeit</a></li></ul></div>
<div id="inhalt"><h1>Hundesteuer</h1>
<p>Wer in der Stadt einen Hund hält, meldet ihn innerhalb von zwei Wochen bei der Steuerstelle an.</p>
<h2>Fragen</h2>
<h3><button aria-expanded="false" aria-controls="p1">Wie hoch ist die Steuer?</button></h3>
<div id="p1" hidden="until-found"><p>Für den ersten Hund 96 Euro im Jahr.</p></div>
<h3><button aria-expanded="false" aria-controls="p2">Gibt es eine Marke?</button></h3>
<div id="p2" hidden><p>Entwurf, noch nicht freigegeben.</p></div>
</div>
<div id="seitenFooter"><h2 class="sr-only">Fußbereich</h2><ul><li><a href="/i">Impressum</a></li></ul><p>© Beispielstadt</p></div>
</body></html>`
	title, got := htmlSections(t, page)
	if title != "Hundesteuer" {
		t.Errorf("title %q", title)
	}
	if want := "Für den ersten Hund 96 Euro im Jahr."; got["Fragen › Wie hoch ist die Steuer?"] != want {
		t.Errorf("until-found panel read as %q, want %q (all: %q)", got["Fragen › Wie hoch ist die Steuer?"], want, got)
	}
	var all strings.Builder
	for h, s := range got {
		all.WriteString(h + "\n" + s + "\n")
	}
	for _, left := range []string{"Entwurf", "Menü", "Fußbereich", "© Beispielstadt"} {
		if strings.Contains(all.String(), left) {
			t.Errorf("%q is read as text: %q", left, got)
		}
	}
}
