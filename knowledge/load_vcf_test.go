// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestVCF checks that a file of vCards gives a section per card: its
// name with title and organisation the heading, phone (a tel: URI as a
// number), e-mail and address labelled lines, its note as text;
// quoted-printable values with soft line breaks decoded, folded lines
// unfolded, escaped commas unescaped; UID and REV left out.
func TestVCF(t *testing.T) {
	data := "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Gesine M=C3=BCller\r\n" +
		"ORG:Beispielstadt;Friedhofsverwaltung\r\nTITLE:Friedhofsmeisterin\r\nTEL;WORK;VOICE:0999 12-30\r\n" +
		"NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Sprechzeit dienstags, Grabst=\r\n=C3=A4tten nach Vereinbarung.\r\nREV:20260101T000000Z\r\nEND:VCARD\r\n" +
		"BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:Standesamt Beispielstadt\r\nTEL;VALUE=uri;TYPE=work:tel:+49-999-12-40\r\n" +
		"EMAIL:standesamt@beispiel.example\r\nADR;TYPE=work:;Zimmer 3;Marktplatz 1;Beispielstadt;;99999;Deutschland\r\n" +
		"NOTE:Trauungen freitags\\, samstags nur im\r\n  Sommer.\r\nUID:urn:uuid:1234-5678\r\nEND:VCARD\r\n"
	ds, format, err := parseFile("vcf", []byte(data), nil)
	if err != nil || len(ds) != 1 || format != "vcf" {
		t.Fatalf("%d documents as %q, error %v", len(ds), format, err)
	}
	got := map[string]string{}
	var all strings.Builder
	for _, s := range ds[0].sections {
		got[s.Heading] = s.Text
		all.WriteString(s.Heading + "\n" + s.Text + "\n")
	}
	if want := "Telefon: 0999 12-30\nSprechzeit dienstags, Grabstätten nach Vereinbarung."; got["Gesine Müller, Friedhofsmeisterin (Beispielstadt, Friedhofsverwaltung)"] != want {
		t.Errorf("first card %q, want %q (all: %q)", got["Gesine Müller, Friedhofsmeisterin (Beispielstadt, Friedhofsverwaltung)"], want, got)
	}
	if want := "Telefon: +49 999 12 40\nE-Mail: standesamt@beispiel.example\nAdresse: Zimmer 3, Marktplatz 1, 99999 Beispielstadt\nTrauungen freitags, samstags nur im Sommer."; got["Standesamt Beispielstadt"] != want {
		t.Errorf("second card %q, want %q (all: %q)", got["Standesamt Beispielstadt"], want, got)
	}
	for _, left := range []string{"urn:uuid", "20260101", "VERSION", "=C3"} {
		if strings.Contains(all.String(), left) {
			t.Errorf("%q is read as text: %q", left, all.String())
		}
	}
}
