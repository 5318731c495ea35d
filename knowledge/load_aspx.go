// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"html"
	"regexp"
	"strings"
)

// aspxDirectiveRE matches ASP.NET's server directives and code blocks
// ("<%@ Page … %>", "<%= … %>"): markup of the server, no text.
var aspxDirectiveRE = regexp.MustCompile(`(?s)<%.*?%>`)

// aspxFieldRE matches a field of a SharePoint page's XML island
// ("<mso:Title msdt:dt="string">…</mso:Title>").
var aspxFieldRE = regexp.MustCompile(`(?s)<mso:([A-Za-z0-9_]+)(?:\s[^>]*)?>([^<]*)</mso:([A-Za-z0-9_]+)>`)

// aspxContentFields are the fields of a SharePoint page that hold its
// text as escaped HTML: a modern page's canvas, a publishing page's
// content, a wiki page's text.
var aspxContentFields = []string{"CanvasContent1", "PublishingPageContent", "WikiField"}

// parseASPX reads a SharePoint page saved as .aspx: its text stands in
// the XML island of its <head> (inside "<!--[if gte mso 9]>"), not in
// its body. mso:Title is the title, mso:Description the lead, the
// content fields (CanvasContent1, PublishingPageContent, WikiField)
// are unescaped and read by the HTML rules — the web parts' text, their
// data-sp-controldata JSON being attributes; the banner, content type,
// author byline and the <%@ … %> directives are left out. A page
// without such fields is read as an HTML page.
func parseASPX(data []byte) (parsedDoc, error) {
	data = aspxDirectiveRE.ReplaceAll(data, nil)
	fields := map[string]string{}
	for _, m := range aspxFieldRE.FindAllSubmatch(data, -1) {
		if string(m[1]) == string(m[3]) {
			if _, seen := fields[string(m[1])]; !seen {
				fields[string(m[1])] = string(m[2])
			}
		}
	}
	var content strings.Builder
	for _, f := range aspxContentFields {
		if v := strings.TrimSpace(fields[f]); v != "" {
			content.WriteString(html.UnescapeString(v))
		}
	}
	if content.Len() == 0 {
		return parseHTML(data)
	}
	title := strings.TrimSpace(html.UnescapeString(fields["Title"]))
	var page bytes.Buffer
	page.WriteString("<html><head><title>" + html.EscapeString(title) + "</title></head><body><main>")
	if title != "" {
		page.WriteString("<h1>" + html.EscapeString(title) + "</h1>")
	}
	if d := strings.TrimSpace(html.UnescapeString(fields["Description"])); d != "" {
		page.WriteString("<p>" + html.EscapeString(d) + "</p>")
	}
	page.WriteString(content.String())
	page.WriteString("</main></body></html>")
	return parseHTML(page.Bytes())
}
