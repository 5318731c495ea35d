// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestHTMLLegacyIntranetPage checks a page of an old intranet laid out
// in a table without headings: the first bold line in a larger font is
// the title, not the site's <title>, when it names the kind of
// document; the last cell, centred and in a small font, is the footer;
// the bold lines below open sections.
func TestHTMLLegacyIntranetPage(t *testing.T) {
	page := `<html><head><title>Intranet - Dienstanweisungen</title></head><body><table>
<tr><td width="160"><font size="1"><a href="a.htm">Start</a><br><a href="b.htm">Telefonliste</a><br><a href="c.htm">Speiseplan</a></font></td>
<td><font face="Verdana" size="2"><font size="4" color="#5B2A5E"><b>Dienstanweisung 3/2024: Beispielräume</b></font><br><br>
Gültig ab 1. Juli 2024.<br><br>
<br><b>1. Schlüssel</b><br>
Die Schlüssel liegen in der Poststelle.<br><br>
</font></td></tr>
<tr><td colspan="2" align="center"><font size="1" color="#808080">Hauptamt &middot; letzte &Auml;nderung 12.06.2024 &middot; <a href="mailto:w@beispiel.example">Webmaster</a></font></td></tr>
</table></body></html>`
	title, got := htmlSections(t, page)
	if title != "Dienstanweisung 3/2024: Beispielräume" {
		t.Errorf("title %q", title)
	}
	all := ""
	for h, text := range got {
		all += h + "\n" + text + "\n"
	}
	if strings.Contains(all, "letzte Änderung") || strings.Contains(all, "Webmaster") {
		t.Errorf("footer read: %q", got)
	}
	if got["1. Schlüssel"] != "Die Schlüssel liegen in der Poststelle." {
		t.Errorf("sections %q", got)
	}
	// A <title> that says all the line says and more stays the title; a
	// last cell in the normal size is text.
	title, got = htmlSections(t, strings.NewReplacer(
		"<title>Intranet - Dienstanweisungen</title>", "<title>Dienstanweisung 3/2024: Beispielräume (Stand Juli)</title>",
		`<font size="1" color="#808080">`, `<font size="3">`,
	).Replace(page))
	if title != "Dienstanweisung 3/2024: Beispielräume (Stand Juli)" {
		t.Errorf("title %q", title)
	}
	all = ""
	for h, text := range got {
		all += h + "\n" + text + "\n"
	}
	if !strings.Contains(all, "letzte Änderung") {
		t.Errorf("last cell in normal size lost: %q", got)
	}
}
