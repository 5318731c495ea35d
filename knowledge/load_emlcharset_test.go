// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestMailLatinC1 checks a mail labelled ISO-8859-15 whose subject and
// body hold Windows-1252's en dash and quotes (0x96, 0x84, 0x93), as
// Outlook writes them: they are read as those characters, and the euro
// sign of ISO-8859-15 (0xA4) stays one; a page labelled ISO-8859-15 is
// read the same way.
func TestMailLatinC1(t *testing.T) {
	mail := "From: Beispielamt <amt@beispiel.example>\r\n" +
		"Subject: =?ISO-8859-15?Q?Markt_2026_=96_drei_Tage?=\r\n" +
		"Date: Fri, 20 Nov 2026 10:00:00 +0100\r\n" +
		"MIME-Version: 1.0\r\n" +
		"Content-Type: text/plain; charset=ISO-8859-15\r\n" +
		"Content-Transfer-Encoding: quoted-printable\r\n\r\n" +
		"Der =84Markt=93 kostet 3 =A4 =96 f=FCr alle.\r\n"
	docs, _, err := parseFile("eml", []byte(mail), nil)
	if err != nil {
		t.Fatal(err)
	}
	if docs[0].title != "Markt 2026 – drei Tage" {
		t.Errorf("title %q", docs[0].title)
	}
	var text strings.Builder
	for _, s := range docs[0].sections {
		text.WriteString(s.Text)
	}
	if !strings.Contains(text.String(), "Der „Markt“ kostet 3 € – für alle.") {
		t.Errorf("text %q", text.String())
	}
	page := "<html><head><meta charset=\"iso-8859-15\"><title>T</title></head><body><h1>Markt \x96 drei Tage</h1><p>Es kostet 3 \xa4.</p></body></html>"
	pd, err := parseHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if pd.title != "Markt – drei Tage" || !strings.Contains(pd.sections[0].Text, "3 €") {
		t.Errorf("page: title %q, sections %q", pd.title, pd.sections)
	}
}
