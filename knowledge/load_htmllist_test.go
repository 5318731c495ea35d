// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"testing"
)

// TestHTMLStatuteBlocks checks a bylaw page as legal information systems
// set it: the § headings are <div>s of two spans with a class ("kopf")
// that elsewhere marks a page's frame, and open sections; the Absätze
// are an <ol> without numbers of its own that a CSS counter numbers
// "(1)", "(2)"; an inner <ol> keeps "1.", "2.", one of lower-alpha
// class "a)"; a <br> in the title is a blank; an appendix heading opens
// a section; a metadata box outside the main text ("…-metadaten") is
// no text; and a page that cites one article in a block keeps it as
// text.
func TestHTMLStatuteBlocks(t *testing.T) {
	title, got := htmlSections(t, `<html><head><style>
ol.abs { counter-reset: a; list-style: none; }
ol.abs > li { counter-increment: a; }
ol.abs > li::before { content: "(" counter(a) ")"; }
ol.buchst { list-style-type: lower-alpha; }
</style></head><body>
<div class="doc-metadaten"><table><tr><td>Gliederung</td><td>1-2-3</td></tr></table></div>
<h1>Satzung über das Beispielwesen<br><span>vom 1. Mai 2020</span></h1>
<div class="n-kopf"><span class="nr">§ 1</span> <span class="t">Zweck</span></div>
<ol class="abs"><li>Die Satzung regelt das Beispielwesen.</li><li>Sie gilt überall.</li></ol>
<div class="n-kopf"><span class="nr">§ 2</span> <span class="t">Gebühren</span></div>
<ol class="abs"><li>Die Gebühr beträgt<ol><li>für Erwachsene 3 Taler,</li><li>für Kinder 1 Taler.</li></ol></li><li>Befreit sind<ol class="buchst" start="2"><li>Vereine,</li><li>Schulen.</li></ol></li></ol>
<div class="n-kopf"><span class="nr">Anlage</span> <span class="t">Tarife (zu § 2 Abs. 1)</span></div>
<p>Tariftext.</p>
</body></html>`)
	if title != "Satzung über das Beispielwesen vom 1. Mai 2020" {
		t.Errorf("title %q", title)
	}
	if got[""] != "" {
		t.Errorf("metadata read: %q", got[""])
	}
	for h, want := range map[string]string{
		"§ 1 Zweck":                     "(1) Die Satzung regelt das Beispielwesen.\n(2) Sie gilt überall.",
		"§ 2 Gebühren":                  "(1) Die Gebühr beträgt\n1. für Erwachsene 3 Taler,\n2. für Kinder 1 Taler.\n(2) Befreit sind\nb) Vereine,\nc) Schulen.",
		"Anlage Tarife (zu § 2 Abs. 1)": "Tariftext.",
	} {
		if got[h] != want {
			t.Errorf("section %q holds %q, want %q (all: %q)", h, got[h], want, got)
		}
	}
	// One article cited in a block of a service page is no heading; a
	// list without numbers stays "- ".
	_, got = htmlSections(t, `<html><body><main><h1>Beispielerlaubnis</h1><h2>Rechtsgrundlage</h2><div class="wert">Art. 7 Beispielgesetz (BspG)</div><h2>Schritte</h2><ol style="list-style-type:none"><li>Antrag</li></ol><ul><li>Ausweis</li></ul></main></body></html>`)
	if got["Rechtsgrundlage"] != "Art. 7 Beispielgesetz (BspG)" || got["Schritte"] != "- Antrag\n- Ausweis" {
		t.Errorf("service page: %q", got)
	}
}
