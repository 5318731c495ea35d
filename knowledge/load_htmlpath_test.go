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
