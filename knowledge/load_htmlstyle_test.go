// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestHTMLMailNewsletter checks an HTML mail of nested layout tables:
// a cell set bold by its inline style, alone in its row, heads the cells
// after it in its table, as a bold paragraph heads a page's text; the
// hidden preheader (not displayed and shrunk to nothing, or hidden from
// Outlook) and the offer to view the mail in a browser are no text; a
// link styled bold (a button) heads nothing, and a panel merely not
// displayed is read.
func TestHTMLMailNewsletter(t *testing.T) {
	title, got := htmlSections(t, `<html><head><title>Beispielbrief Mai</title></head><body>
<div style="display:none;font-size:1px;max-height:0px;overflow:hidden;">Vorschautext für das Postfach &#847; &zwnj;</div>
<table role="presentation"><tr><td>
<table role="presentation" width="600">
<tr><td style="font-size:11px">Wird diese Mail nicht richtig dargestellt? <a href="https://beispiel.example/web">Im Browser ansehen</a></td></tr>
<tr><td><!--[if mso]><span style="mso-hide:all">Nur für Outlook</span><![endif]--><span style="mso-hide:all;">Verborgen</span>Liebe Leserinnen und Leser, hier die Neuigkeiten.</td></tr>
<tr><td><table role="presentation">
<tr><td style="font-size:19px;font-weight:bold;color:#123456;">Der Beispielmarkt kommt</td></tr>
<tr><td style="font-size:15px">Am 3. Mai öffnet der Markt von 8 bis 13 Uhr.</td></tr>
<tr><td><table><tr><td><a href="https://beispiel.example/a" style="font-weight:bold;">Mehr erfahren</a></td></tr></table></td></tr>
</table></td></tr>
<tr><td><table role="presentation">
<tr><td style="font-weight: 700">Musterweg gesperrt</td></tr>
<tr><td>Vom 5. bis 9. Mai ist der Musterweg gesperrt.<div style="display:none">Umleitung über die Beispielgasse.</div></td></tr>
</table></td></tr>
</table></td></tr></table></body></html>`)
	if title != "Beispielbrief Mai" {
		t.Errorf("title %q", title)
	}
	for h, want := range map[string]string{
		"":                        "Liebe Leserinnen und Leser, hier die Neuigkeiten.",
		"Der Beispielmarkt kommt": "Am 3. Mai öffnet der Markt von 8 bis 13 Uhr.\nMehr erfahren",
		"Musterweg gesperrt":      "Vom 5. bis 9. Mai ist der Musterweg gesperrt.\nUmleitung über die Beispielgasse.",
	} {
		if got[h] != want {
			t.Errorf("section %q holds %q, want %q (all: %q)", h, got[h], want, got)
		}
	}
	for h, text := range got {
		for _, no := range []string{"Vorschautext", "Browser", "Verborgen"} {
			if strings.Contains(h+text, no) {
				t.Errorf("%q is read: %q %q", no, h, text)
			}
		}
	}
}
