// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestHTMLBreadcrumbLine checks that a page's path shown as a line
// without a class that says so ("Sie sind hier: Startseite » …") is no
// text, while a paragraph that begins with the same words but is text
// (no links, or long) stays.
func TestHTMLBreadcrumbLine(t *testing.T) {
	_, got := htmlSections(t, `<html><body><table><tr><td class="mitte">
<div class="pfad">Sie sind hier: <a href="/">Startseite</a> &raquo; <a href="/a">Bürgerservice</a> &raquo; Beispiel</div>
<h1>Beispiel</h1>
<p>Sie sind hier richtig, wenn Sie einen Ausweis brauchen.</p>
<h2>Kosten</h2><p>10 Euro.</p>
</td></tr></table></body></html>`)
	all := ""
	for h, text := range got {
		all += h + "\n" + text + "\n"
	}
	if strings.Contains(all, "Startseite") {
		t.Errorf("path read: %q", got)
	}
	if !strings.Contains(all, "Sie sind hier richtig") {
		t.Errorf("paragraph lost: %q", got)
	}
}

// TestHTMLSideLinkCell checks a page laid out in a table: the right
// column's box of links beside the cell with the page's h1 is
// navigation; a side cell with contact data, and a cell of a table of
// data with a link, stay text.
func TestHTMLSideLinkCell(t *testing.T) {
	_, got := htmlSections(t, `<html><body><table><tr>
<td class="mitte"><h1>Beispielstelle</h1><p>Die Beispielstelle hilft bei Streit.</p>
<table><tr><td>Gebühr</td><td>25 Euro</td><td>das <a href="/a">Antrag</a>sformular</td></tr></table></td>
<td class="rechts"><div class="box"><b>Schnellzugriff</b><br><a href="/f">Formulare</a><br><a href="/o">Öffnungszeiten</a></div></td>
<td class="rechts2"><b>Kontakt</b><br>Telefon 0999 123-4<br><a href="mailto:stelle@beispiel.example">E-Mail</a><br><a href="/k">Karte</a></td>
</tr></table></body></html>`)
	all := ""
	for h, text := range got {
		all += h + "\n" + text + "\n"
	}
	if strings.Contains(all, "Schnellzugriff") || strings.Contains(all, "Formulare") {
		t.Errorf("link box read: %q", got)
	}
	for _, want := range []string{"Antragsformular", "0999 123-4"} {
		if !strings.Contains(all, want) {
			t.Errorf("%q lost: %q", want, got)
		}
	}
}
