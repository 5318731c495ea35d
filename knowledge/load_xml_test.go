// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"fmt"
	"strings"
	"testing"
)

// An invented export of a service editor's system: a transfer element
// with a message header around one record, escaped HTML, identifiers,
// codes, amounts and an address in parts.
const xmlRecordFixture = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE x [ <!ENTITY boom "BOOM"> <!ENTITY ext SYSTEM "file:///etc/passwd"> ]>
<ex:transfer xmlns:ex="urn:example">
  <ex:header>
    <ex:messageUUID>0f0e0d0c-1111-2222-3333-444455556666</ex:messageUUID>
    <ex:author>Redaktion Musterdorf</ex:author>
  </ex:header>
  <ex:service>
    <ex:id>MD-0042</ex:id>
    <ex:leistungsschluessel>99050012000000</ex:leistungsschluessel>
    <ex:stand>2026-04-01</ex:stand>
    <ex:leistungsname>Hundesteuer anmelden</ex:leistungsname>
    <ex:kurztext>Wer einen Hund hält, meldet ihn zur Hundesteuer an.</ex:kurztext>
    <ex:volltext format="text/html">&lt;p&gt;Die Anmeldung ist binnen zwei Wochen fällig.&lt;/p&gt;&lt;p&gt;Sie erhalten eine Steuermarke.&lt;/p&gt;</ex:volltext>
    <ex:unterlagen>
      <ex:unterlage>Nachweis der Haftpflichtversicherung</ex:unterlage>
      <ex:unterlage>Chipnummer des Hundes</ex:unterlage>
    </ex:unterlagen>
    <ex:kosten>
      <ex:kostenposition><ex:betrag>96.00</ex:betrag><ex:beschreibung>Der erste Hund kostet 96 Euro im Jahr.</ex:beschreibung></ex:kostenposition>
      <ex:kostenposition><ex:betrag>144.00</ex:betrag><ex:beschreibung>Jeder weitere Hund kostet 144 Euro im Jahr.</ex:beschreibung></ex:kostenposition>
    </ex:kosten>
    <ex:hinweis>&boom; &ext;</ex:hinweis>
    <ex:zustaendigeStelle>
      <ex:bezeichnung>Steueramt</ex:bezeichnung>
      <ex:anschrift><ex:strasse>Dorfplatz</ex:strasse><ex:hausnummer>1</ex:hausnummer><ex:postleitzahl>12345</ex:postleitzahl><ex:ort>Musterdorf</ex:ort></ex:anschrift>
      <ex:telefon>01234 567-89</ex:telefon>
    </ex:zustaendigeStelle>
  </ex:service>
</ex:transfer>`

func TestParseXMLRecord(t *testing.T) {
	ds, format, err := parseFile("rss", []byte(xmlRecordFixture), nil)
	if err != nil {
		t.Fatal(err)
	}
	if format != "xml" || len(ds) != 1 {
		t.Fatalf("format %q, %d documents", format, len(ds))
	}
	d, err := ds[0].document(&rootConfig{}, "l/hund.xml", "l/hund", ds[0].updated)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Hundesteuer anmelden" {
		t.Errorf("title %q", d.Title)
	}
	if d.Updated.Format("2006-01-02") != "2026-04-01" {
		t.Errorf("updated %v", d.Updated)
	}
	var all strings.Builder
	for _, s := range d.Sections {
		fmt.Fprintf(&all, "## %s\n%s\n", s.Heading, s.Text)
	}
	text := all.String()
	for _, want := range []string{
		"Wer einen Hund hält", "binnen zwei Wochen fällig.\nSie erhalten eine Steuermarke.",
		"Benötigte Unterlagen\n- Nachweis der Haftpflichtversicherung\n- Chipnummer des Hundes",
		"## Hundesteuer anmelden › Kosten\n- Der erste Hund kostet 96 Euro im Jahr.\n- Jeder weitere Hund kostet 144 Euro im Jahr.",
		"Zuständige Stelle\nSteueramt", "Dorfplatz 1, 12345 Musterdorf", "01234 567-89",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
	for _, not := range []string{"MD-0042", "99050012000000", "0f0e0d0c", "Redaktion Musterdorf", "96.00", "BOOM", "root:", "<p>"} {
		if strings.Contains(text, not) {
			t.Errorf("%q in\n%s", not, text)
		}
	}
}

func TestParseXMLRecordList(t *testing.T) {
	x := `<katalog><leistung><name>Fundsache abholen</name><text>Im Fundbüro.</text></leistung>` +
		`<leistung><name>Fundsache melden</name><text>Bitte vorbeibringen.</text></leistung></katalog>`
	ds, err := parseXMLRecords([]byte(x))
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 2 || ds[0].subID != "fundsache-abholen" || ds[1].title != "Fundsache melden" {
		t.Fatalf("got %+v", ds)
	}
}

func TestParseXMLRecordBounds(t *testing.T) {
	if _, err := parseXMLRecords([]byte(`<config><setting>an</setting></config>`)); err == nil || !strings.Contains(err.Error(), "kein Datensatz") {
		t.Errorf("untitled XML: %v", err)
	}
	var b strings.Builder
	b.WriteString("<r><name>Viel</name>")
	for range maxXMLElements {
		b.WriteString("<e/>")
	}
	b.WriteString("</r>")
	if _, err := parseXMLRecords([]byte(b.String())); err == nil || !strings.Contains(err.Error(), "zu vielen Elementen") {
		t.Errorf("too many elements: %v", err)
	}
	deep := strings.Repeat("<d>", 200) + "tief" + strings.Repeat("</d>", 200)
	ds, err := parseXMLRecords([]byte("<r><name>Tief</name><text>oben</text>" + deep + "</r>"))
	if err != nil || len(ds) != 1 {
		t.Fatalf("deep XML: %v", err)
	}
	for _, s := range ds[0].sections {
		if strings.Contains(s.Text, "tief") {
			t.Errorf("text below the depth bound read: %q", s.Text)
		}
	}
}
