// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestCSVExcelSepLine checks a CSV as Excel saves it on a German
// Windows: the first line "sep=;" names the separator and is no title,
// Windows-1252 bytes (€ as 0x80) are read, and the rows after a blank
// row that fill only their first cell are text after the table; such a
// row inside the table (no blank row before it) stays a row.
func TestCSVExcelSepLine(t *testing.T) {
	in := "sep=;\r\nSorte;Einheit;Preis\r\nBuche;Raummeter;38,00 \x80\r\nEiche;Raummeter;34,00 \x80\r\n;;\r\nBestellung: Forstamt, Telefon 0999 1;;\r\nHinweis: nur im Herbst.;;\r\n"
	docs, _, err := parseFile("csv", []byte(in), nil)
	if err != nil {
		t.Fatal(err)
	}
	pd := docs[0]
	if pd.title != "" {
		t.Errorf("title %q, want none (the file's name)", pd.title)
	}
	var got []string
	for _, s := range pd.sections {
		got = append(got, s.Heading+": "+s.Text)
	}
	want := "Buche: Einheit: Raummeter\nPreis: 38,00 €|Eiche: Einheit: Raummeter\nPreis: 34,00 €|: Bestellung: Forstamt, Telefon 0999 1\nHinweis: nur im Herbst."
	if strings.Join(got, "|") != want {
		t.Errorf("sections\n%q\nwant\n%q", strings.Join(got, "|"), want)
	}
	// A sep line naming a comma; a last row with its first cell only but
	// no blank row before it stays a row of the table.
	docs, _, err = parseFile("csv", []byte("sep=,\nName,Ort\nA,Markt\nB,Anger\nC,\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(docs[0].sections); n != 3 || docs[0].sections[2].Heading != "C" {
		t.Errorf("sections %+v", docs[0].sections)
	}
}
