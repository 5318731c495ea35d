// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestHTMLStyledHeadings checks a document an online word processor
// exported as HTML: the paragraph of class "title" is the title, a
// paragraph whose only span has a class the stylesheet makes bold and
// larger than the body text heads a section (the larger of two such
// sizes above the smaller), a bold span of body size, a bold sentence
// and a bold list item stay text, and a redirected link keeps its text.
func TestHTMLStyledHeadings(t *testing.T) {
	const page = `<html><head><style type="text/css">.c1{font-weight:400;font-size:11pt}.c2{font-weight:700;font-size:14pt}.c3{color:#000;font-weight:700;font-size:12pt}.c4{font-weight:700}.title{font-size:26pt;color:#000}.subtitle{font-size:15pt}p{margin:0;font-size:11pt}</style></head>
<body><p class="title"><span class="c1" style="font-size:26pt">Beispielausweis</span></p>
<p class="subtitle"><span class="c1">Hinweise des Bürgeramts</span></p>
<p><span class="c1">Den Ausweis gibt es im Bürgeramt.</span></p>
<p><span class="c2">Beantragen</span></p>
<p><span class="c1">Sie bringen ein Foto mit.</span></p>
<p><span class="c3">Unterlagen</span></p>
<p><span class="c4">Wichtig</span></p>
<p><span class="c3">Das Foto darf nicht älter als sechs Monate sein.</span></p>
<ul><li><span class="c3">Pass</span></li></ul>
<p><span class="c2">Kosten</span></p>
<p><span class="c1">Er kostet 10 Euro, siehe <a href="https://www.google.com/url?q=https://beispiel.example/gebuehren&amp;sa=D">Gebühren</a>.</span></p>
</body></html>`
	title, got := htmlSections(t, page)
	if title != "Beispielausweis" {
		t.Errorf("title %q", title)
	}
	for h, want := range map[string]string{
		"":                        "Hinweise des Bürgeramts\nDen Ausweis gibt es im Bürgeramt.",
		"Beantragen":              "Sie bringen ein Foto mit.",
		"Beantragen › Unterlagen": "Wichtig\nDas Foto darf nicht älter als sechs Monate sein.\n- Pass",
		"Kosten":                  "Er kostet 10 Euro, siehe Gebühren.",
	} {
		if got[h] != want {
			t.Errorf("section %q holds %q, want %q (all: %q)", h, got[h], want, got)
		}
	}
	// Without a body size in the stylesheet nothing is a heading.
	_, plain := htmlSections(t, strings.Replace(page, "p{margin:0;font-size:11pt}", "", 1))
	if _, ok := plain["Beantragen"]; ok {
		t.Errorf("heading without a body size: %q", plain)
	}
}

// TestRedirectTarget checks that only a redirector's link with a web
// target is unwrapped.
func TestRedirectTarget(t *testing.T) {
	for in, want := range map[string]string{
		"https://www.google.com/url?q=https://beispiel.example/a&sa=D": "https://beispiel.example/a",
		"https://www.google.com/url?q=javascript:alert(1)":             "",
		"https://beispiel.example/url?q=https://x.example":             "",
	} {
		if got := redirectTarget(in); got != want {
			t.Errorf("redirectTarget(%q) = %q, want %q", in, got, want)
		}
	}
}
