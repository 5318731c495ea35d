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

// TestHTMLWordWebPage checks a document Word saved as a web page: the
// paragraph in Word's title style is the title, not the first <h1>, and
// the <h1>s (numbered by Word's list markup) are sections side by side;
// a table whose every cell holds one short paragraph is read row by row,
// its bold head row a line of cells, not headings; a table with a cell
// of several paragraphs keeps its lines.
func TestHTMLWordWebPage(t *testing.T) {
	title, got := htmlSections(t, `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><title>DA Muster</title></head><body lang=DE>
<div class=WordSection1>
<p class=MsoTitle><span lang=DE>Dienstanweisung über den Beispielraum<o:p></o:p></span></p>
<p class=MsoNormal>Gültig ab 1. Mai.</p>
<h1><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]><span lang=DE>Zweck<o:p></o:p></span></h1>
<p class=MsoNormal>Der Raum dient Besprechungen.</p>
<h1><![if !supportLists]><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]><span lang=DE>Schlüssel<o:p></o:p></span></h1>
<table class=MsoTableGrid border=1>
 <tr>
  <td width=189 valign=top>
  <p class=MsoNormal><b><span lang=DE>Raum<o:p></o:p></span></b></p>
  </td>
  <td width=189 valign=top>
  <p class=MsoNormal><b><span lang=DE>Schlüssel bei<o:p></o:p></span></b></p>
  </td>
 </tr>
 <tr>
  <td width=189 valign=top>
  <p class=MsoNormal><span lang=DE>Beispielraum 1<o:p></o:p></span></p>
  </td>
  <td width=189 valign=top>
  <p class=MsoNormal><span lang=DE>Erika Muster<o:p></o:p></span></p>
  </td>
 </tr>
</table>
<table><tr><td><p>Erster Absatz.</p><p>Zweiter Absatz.</p></td><td><p>Rechts</p></td></tr></table>
</div></body></html>`)
	if title != "Dienstanweisung über den Beispielraum" {
		t.Errorf("title %q", title)
	}
	for h, want := range map[string]string{
		"":             "Gültig ab 1. Mai.",
		"1. Zweck":     "Der Raum dient Besprechungen.",
		"2. Schlüssel": "Raum  Schlüssel bei\nBeispielraum 1  Erika Muster\nErster Absatz.\nZweiter Absatz.\nRechts",
	} {
		if got[h] != want {
			t.Errorf("section %q holds %q, want %q (all: %q)", h, got[h], want, got)
		}
	}
}
