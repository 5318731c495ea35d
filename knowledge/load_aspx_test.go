// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"html"
	"strings"
	"testing"
)

// TestASPXSharePointPage checks that a SharePoint page saved as .aspx is
// read from its XML island: mso:Title the title, mso:Description the
// lead, the escaped canvas read as HTML; directives, web part JSON,
// banner, byline and content type left out.
func TestASPXSharePointPage(t *testing.T) {
	canvas := `<div><div data-sp-canvascontrol="" data-sp-controldata="{&quot;controlType&quot;:4,&quot;id&quot;:&quot;abc-123&quot;}"><div data-sp-rte=""><h2>Urlaubsantrag</h2><p>Urlaub beantragen Sie spätestens zwei Wochen vorher im Personalportal.</p></div></div></div>`
	page := `<%@ Page Inherits="Beispiel.Seite" %><%@ Register Tagprefix="X" Namespace="Y" %>
<html xmlns:mso="urn:schemas-microsoft-com:office:office"><head>
<!--[if gte mso 9]><xml><mso:CustomDocumentProperties>
<mso:Title msdt:dt="string">Urlaub und Gleitzeit</mso:Title>
<mso:Description msdt:dt="string">Regeln für alle Beschäftigten</mso:Description>
<mso:_AuthorByline msdt:dt="string">[&quot;i:0#.f|membership|personal@beispiel.example&quot;]</mso:_AuthorByline>
<mso:BannerImageUrl msdt:dt="string">https://intranet.example/banner.jpg</mso:BannerImageUrl>
<mso:ContentTypeId msdt:dt="string">0x0101009D1C</mso:ContentTypeId>
<mso:CanvasContent1 msdt:dt="string">` + html.EscapeString(canvas) + `</mso:CanvasContent1>
</mso:CustomDocumentProperties></xml><![endif]-->
</head><body></body></html>`
	pd, err := parseASPX([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if pd.title != "Urlaub und Gleitzeit" {
		t.Errorf("title %q", pd.title)
	}
	var all strings.Builder
	got := map[string]string{}
	for _, s := range pd.sections {
		got[s.Heading] += strings.TrimSpace(s.Text)
		all.WriteString(s.Heading + "\n" + s.Text + "\n")
	}
	if got["Urlaubsantrag"] != "Urlaub beantragen Sie spätestens zwei Wochen vorher im Personalportal." {
		t.Errorf("canvas read as %q", got)
	}
	if !strings.Contains(all.String(), "Regeln für alle Beschäftigten") {
		t.Errorf("the description is lost: %q", got)
	}
	for _, left := range []string{"Inherits", "controlType", "membership", "banner", "0x0101"} {
		if strings.Contains(all.String(), left) {
			t.Errorf("%q is read as text: %q", left, all.String())
		}
	}
}
