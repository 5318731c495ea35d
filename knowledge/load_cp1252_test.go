// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// A text file or page saved on Windows is Windows-1252, not Latin-1: its
// euro sign, typographic quotes and dashes (bytes 0x80–0x9F) are read as
// those characters, not as control characters, and its umlauts as
// umlauts.
func TestWindows1252Text(t *testing.T) {
	src := []byte("Beispielamt \x96 Mitteilung\r\n\r\nDie \x84Teestube\x93 ist ge\xf6ffnet, Eintritt 2 \x80.\r\n")
	pd, err := parseText(src)
	if err != nil {
		t.Fatal(err)
	}
	if pd.title != "Beispielamt – Mitteilung" {
		t.Errorf("title %q", pd.title)
	}
	var text string
	for _, s := range pd.sections {
		text += s.Text
	}
	if !strings.Contains(text, "Die „Teestube“ ist geöffnet, Eintritt 2 €.") {
		t.Errorf("text %q", text)
	}
	page, err := parseHTML([]byte("<html><body><h1>Beispiel</h1><p>Preis: 5 \x80 \x96 \x84erm\xe4\xdfigt\x93</p></body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	if got := page.sections[0].Text; got != "Preis: 5 € – „ermäßigt“" {
		t.Errorf("page text %q", got)
	}
}

// A page that declares its character set in a <meta> element is read in
// it: ISO-8859-15 has the euro sign at 0xA4 and "Š" at 0xA6 (Windows-1252
// "¤" and "¦"), whether declared by http-equiv or by charset; ISO-8859-2
// its own letters. A page declared ISO-8859-1 or not at all is read as
// Windows-1252, as browsers read it.
func TestDeclaredCharsetHTML(t *testing.T) {
	for _, tc := range []struct{ name, head, body, want string }{
		{"http-equiv iso-8859-15", `<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15">`, "Geb\xfchr 12,00 \xa4, Steinmetz \xa6ubert", "Gebühr 12,00 €, Steinmetz Šubert"},
		{"meta charset", `<meta charset='iso8859-15'>`, "Preis 3 \xa4", "Preis 3 €"},
		{"iso-8859-2", `<meta http-equiv="content-type" content="text/html;charset=iso-8859-2">`, "Beispielgasse in \xa3\xf3d\xbc", "Beispielgasse in Łódź"},
		{"iso-8859-1 is windows-1252", `<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">`, "Preis 5 \x80, Gr\xfc\xdfe", "Preis 5 €, Grüße"},
		{"undeclared", ``, "Preis 5 \x80 \xa4", "Preis 5 € ¤"},
	} {
		page, err := parseHTML([]byte("<html><head>" + tc.head + "<title>Beispiel</title></head><body><h1>Beispiel</h1><p>" + tc.body + "</p></body></html>"))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := page.sections[0].Text; got != tc.want {
			t.Errorf("%s: text %q, want %q", tc.name, got, tc.want)
		}
	}
}
