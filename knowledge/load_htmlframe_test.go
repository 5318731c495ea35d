// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"html"
	"strings"
	"testing"
)

// TestHTMLIframeSrcdoc checks that the document of an <iframe srcdoc>
// (entity-escaped HTML) is read where the frame stands, its headings
// opening sections and its script, style and <base> dropped, and that a
// frame with only a src, an oversized srcdoc and frames nested too deep
// add nothing.
func TestHTMLIframeSrcdoc(t *testing.T) {
	inner := `<!DOCTYPE html><html><head><base target="_top"><style>h2{color:red}</style></head><body>
<p>Noch offen bis Jahresende.</p><h2>Wie viel gibt es?</h2><p>Es gibt 77 Taler je Antrag.</p>
<iframe srcdoc="&lt;p&gt;Tiefer Rahmen&lt;/p&gt;&lt;iframe srcdoc='&amp;lt;p&amp;gt;Zu tief&amp;lt;/p&amp;gt;'&gt;&lt;/iframe&gt;"></iframe>
<script>var geheim = 1;</script></body></html>`
	page := `<html><head><title>Liste | Beispielort</title></head><body><main><h1>Beispielzuschuss</h1><p>Vorab.</p>
<iframe title="Portal" srcdoc="` + html.EscapeString(inner) + `"></iframe>
<iframe src="https://portal.example/fremd"></iframe>
<iframe srcdoc="` + strings.Repeat("x", maxSrcdoc+1) + `"></iframe>
<h2>Danach</h2><p>Schluss.</p></main></body></html>`
	title, got := htmlSections(t, page)
	if title != "Beispielzuschuss" {
		t.Errorf("title %q", title)
	}
	for h, want := range map[string]string{
		"":                  "Vorab.\nNoch offen bis Jahresende.",
		"Wie viel gibt es?": "Es gibt 77 Taler je Antrag.\nTiefer Rahmen",
		"Danach":            "Schluss.",
	} {
		if got[h] != want {
			t.Errorf("section %q holds %q, want %q (all: %q)", h, got[h], want, got)
		}
	}
	for _, s := range got {
		for _, no := range []string{"geheim", "Zu tief", "color", "xxxx"} {
			if strings.Contains(s, no) {
				t.Errorf("%q read: %q", no, s)
			}
		}
	}
}
