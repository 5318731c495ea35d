// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"fmt"
	"strings"
	"testing"
)

// mhtArchive writes a web archive of parts, each a Content-Type, a
// transfer encoding, a Content-Location and a body.
func mhtArchive(root string, parts ...[4]string) string {
	var b strings.Builder
	b.WriteString("From: <Gespeichert von einem Browser>\r\nSnapshot-Content-Location: https://beispiel.example/seite\r\n" +
		"Subject: =?utf-8?Q?Beispiel?=\r\nMIME-Version: 1.0\r\n" + root +
		"Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----=_Teil_1\"\r\n\r\nMehrteilige Nachricht.\r\n\r\n")
	for _, p := range parts {
		fmt.Fprintf(&b, "------=_Teil_1\r\nContent-Type: %s\r\nContent-Transfer-Encoding: %s\r\nContent-Location: %s\r\n\r\n%s\r\n\r\n", p[0], p[1], p[2], p[3])
	}
	b.WriteString("------=_Teil_1--\r\n")
	return b.String()
}

// TestMHTWebArchive checks a page saved as a web archive: its
// quoted-printable HTML part (soft line breaks, UTF-8 bytes) is read by
// the HTML rules, the stylesheet and the image are no text, and the part
// the root's Content-Location names is the page.
func TestMHTWebArchive(t *testing.T) {
	page := "<html><head><title>Beispiel</title></head><body><h1>Sands=C3=A4cke</h1><h2>Ausga=\r\nbe</h2><p>Am Bauhof, Beispielweg 4, gibt es Sands=C3=A4cke.</p></body></html>"
	css := [4]string{"text/css", "quoted-printable", "https://beispiel.example/a.css", "body{color:red}"}
	img := [4]string{"image/gif", "base64", "https://beispiel.example/a.gif", "R0lGODlhAQABAAAAACw="}
	docs, format, err := parseFile("mht", []byte(mhtArchive("", [4]string{"text/html; charset=\"utf-8\"", "quoted-printable", "https://beispiel.example/seite", page}, css, img)), nil)
	if err != nil {
		t.Fatal(err)
	}
	if format != "mht" || docs[0].title != "Sandsäcke" {
		t.Fatalf("format %q, title %q", format, docs[0].title)
	}
	var all []string
	for _, s := range docs[0].sections {
		if s.Text != "" {
			all = append(all, s.Heading+": "+s.Text)
		}
	}
	if got := strings.Join(all, "|"); got != "Ausgabe: Am Bauhof, Beispielweg 4, gibt es Sandsäcke." {
		t.Errorf("sections %q", got)
	}
	// A frame first, the page named by the root's Content-Location
	// second.
	frame := [4]string{"text/html", "7bit", "https://beispiel.example/rahmen", "<html><body><h1>Rahmen</h1><p>Werbung.</p></body></html>"}
	docs, _, err = parseFile("mht", []byte(mhtArchive("Content-Location: https://beispiel.example/seite\r\n", frame, [4]string{"text/html; charset=utf-8", "quoted-printable", "https://beispiel.example/seite", page})), nil)
	if err != nil || docs[0].title != "Sandsäcke" {
		t.Errorf("named page: %v %+v", err, docs)
	}
	// No HTML part, not a message at all, too many parts.
	many := make([][4]string, maxMailParts+1)
	for i := range many {
		many[i] = css
	}
	for name, in := range map[string]string{
		"no html":  mhtArchive("", css, img),
		"no mime":  "<html><body>kein Archiv</body></html>",
		"too many": mhtArchive("", many...),
	} {
		if _, _, err := parseFile("mht", []byte(in), nil); err == nil {
			t.Errorf("%s: read", name)
		}
	}
}
