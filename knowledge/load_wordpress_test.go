// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestHTMLBlockEditorMarkup checks a post as WordPress's block editor
// stores it: a dynamic block's text standing only in its self-closing
// comment is read where it stands (repeated rows a line each, field keys
// and ids left out), an accordion below the page's text whose classes
// say "header" is read with its buttons heading its panes, and an
// unrendered shortcode is removed.
func TestHTMLBlockEditorMarkup(t *testing.T) {
	page := `<!-- wp:paragraph -->
<p>Die Stadtbücherei verleiht Bücher, Filme und Spiele an alle, die einen Leseausweis haben.</p>
<!-- /wp:paragraph -->
<!-- wp:heading --><h2 class="wp-block-heading">Gebühren</h2><!-- /wp:heading -->
<!-- wp:acme/tabelle {"name":"acme/tabelle","data":{"posten_0_art":"Jahresausweis für Erwachsene","_posten_0_art":"field_abc123","posten_0_betrag":"15 Euro im Jahr","posten_1_art":"Versäumnisgebühr je Medium","posten_1_betrag":"1 Euro je Woche","posten":2,"_posten":"field_abc124"},"mode":"preview"} /-->
<!-- wp:heading --><h2 class="wp-block-heading">Fragen</h2><!-- /wp:heading -->
<div class="acc-wrap acc-header-left"><div class="acc-pane"><div class="acc-header-wrap"><button class="acc-header" type="button"><span>Kann ich verlängern?</span></button></div><div class="acc-panel acc-panel-hidden"><p>Ja, zweimal online, wenn niemand das Medium vorgemerkt hat.</p></div></div></div>
<!-- wp:shortcode -->
[anfrage-formular id="12" title="Frage an die Bücherei"]
<!-- /wp:shortcode -->
<!-- wp:block {"ref":77} /-->`
	_, got := htmlSections(t, page)
	if want := "- Jahresausweis für Erwachsene: 15 Euro im Jahr\n- Versäumnisgebühr je Medium: 1 Euro je Woche"; got["Gebühren"] != want {
		t.Errorf("dynamic block read as %q, want %q (all: %q)", got["Gebühren"], want, got)
	}
	if want := "Ja, zweimal online, wenn niemand das Medium vorgemerkt hat."; got["Fragen › Kann ich verlängern?"] != want {
		t.Errorf("accordion pane read as %q, want %q (all: %q)", got["Fragen › Kann ich verlängern?"], want, got)
	}
	var all strings.Builder
	for h, s := range got {
		all.WriteString(h + "\n" + s + "\n")
	}
	for _, left := range []string{"field_", "anfrage-formular", "preview", "acme/"} {
		if strings.Contains(all.String(), left) {
			t.Errorf("%q is read as text: %q", left, got)
		}
	}

	// A page's head at its top is still its banner.
	_, got = htmlSections(t, `<html><body><div class="site-header"><p>Stadtbücherei Beispielstadt – Startseite – Kontakt</p></div>
<div class="inhalt"><h1>Leseausweis</h1><p>Den Leseausweis bekommen Sie an der Theke gegen Vorlage Ihres Ausweises, für Kinder mit Unterschrift der Eltern.</p></div></body></html>`)
	if strings.Contains(got[""], "Startseite") {
		t.Errorf("the page's head is read as text: %q", got)
	}
}

// A scripted accordion whose heads are no buttons (Contao's
// <div class="toggler"> before <div class="accordion">) is read with each
// head heading its pane, as a button's accordion is.
func TestHTMLTogglerAccordion(t *testing.T) {
	page := `<html><body><h1>Namensänderung</h1><p>Den Familiennamen ändern Sie nur aus wichtigem Grund.</p>
<section class="ce_accordionSingle ce_accordion block">
<div class="toggler">Welche Unterlagen brauche ich?</div>
<div class="accordion"><div><ul><li>formloser Antrag mit Begründung</li><li>Geburtsurkunde</li><li>erweitertes Führungszeugnis</li></ul></div></div>
</section>
<section class="ce_accordionSingle ce_accordion block">
<div class="toggler">Was kostet es?</div>
<div class="accordion"><div><p>Zwischen 150 und 1.100 Euro.</p></div></div>
</section>
<div class="toggle-hint">Alle öffnen</div><p>Stand: Mai</p>
</body></html>`
	_, got := htmlSections(t, page)
	if want := "- formloser Antrag mit Begründung\n- Geburtsurkunde\n- erweitertes Führungszeugnis"; got["Welche Unterlagen brauche ich?"] != want {
		t.Errorf("pane read as %q, want %q (all: %q)", got["Welche Unterlagen brauche ich?"], want, got)
	}
	if want := "Zwischen 150 und 1.100 Euro."; got["Was kostet es?"] != want {
		t.Errorf("pane read as %q, want %q (all: %q)", got["Was kostet es?"], want, got)
	}
}
