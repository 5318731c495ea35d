// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// minimalPDF writes a one-page PDF with Helvetica as /F1 whose content
// stream is content.
func minimalPDF(content string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(content), content),
	}
	return pdfFile("1.4", objs)
}

// A fee table whose cells are text objects of their own, one cell
// wrapped over two lines: each row is one line with its cells in order,
// the wrapped cell whole; a line set in two objects (a bold lead-in) is
// one line with a blank.
func TestPDFTableRowsStayRows(t *testing.T) {
	var c strings.Builder
	line := func(x, y int, s string) { fmt.Fprintf(&c, "BT /F1 10 Tf %d %d Td (%s) Tj ET\n", x, y, s) }
	line(60, 800, "Gebuehren fuer die Nutzung der Raeume werden wie folgt erhoben, je Tag.")
	line(60, 787, "Kosten:")
	line(100, 787, "siehe Tabelle")
	// Header row, then two rows; the second row's room wraps.
	line(60, 760, "Nr.")
	line(90, 760, "Raum")
	line(330, 760, "Verein")
	line(410, 760, "Privat")
	line(60, 747, "1")
	line(90, 747, "Gemeindesaal mit Kueche und")
	line(90, 734, "Nebenraum")
	line(330, 747, "40,00")
	line(410, 747, "95,00")
	line(60, 721, "2")
	line(330, 721, "15,00")
	line(410, 721, "30,00")
	line(90, 721, "Kegelbahn")
	line(60, 700, "Die Gebuehren sind im Voraus zu zahlen.")
	pd, err := parsePDF(minimalPDF(c.String()), newBudget(Limits{}.withDefaults(), nil))
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, s := range pd.sections {
		text = append(text, s.Text)
	}
	got := strings.Join(text, "\n")
	for _, want := range []string{
		"\nKosten: siehe Tabelle\n",
		"\nNr. | Raum | Verein | Privat\n1 | Gemeindesaal mit Kueche und Nebenraum | 40,00 | 95,00\n2 | Kegelbahn | 15,00 | 30,00\nDie Gebuehren",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("want %q in\n%s", want, got)
		}
	}
}

// styledPDF writes a one-page PDF whose document properties hold the
// title info, with Helvetica as /F1 and Helvetica-Bold as /F2, whose
// content stream is content.
func styledPDF(info, content string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(content), content),
		fmt.Sprintf("<< /Title (%s) /Producer (Textverarbeitung) >>", info),
	}
	var buf bytes.Buffer
	buf.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = buf.Len()
		fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := buf.Len()
	fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&buf, "trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, len(objs), xref)
	return buf.Bytes()
}

// A leaflet exported from a word processor whose author set the title
// larger and bold over two lines, the headings in 12 pt bold and a
// subheading in the body's size but bold, none numbered; its properties
// hold only a working title. The title is the largest line at the top
// of the page with the line below it, not the working title and not a
// heading; the headings open sections, the subheading one below its
// heading; a paragraph set in bold over three lines is text. A font set
// at 1 pt and scaled by the text matrix is as large as the scale.
func TestPDFFontOutline(t *testing.T) {
	var c strings.Builder
	y := 800
	line := func(font string, size int, s string) {
		fmt.Fprintf(&c, "BT /%s %d Tf 56 %d Td (%s) Tj ET\n", font, size, y, s)
		y -= size + 4
	}
	line("F1", 9, "Gemeinde Beispielfeld - Gruenflaechenamt")
	line("F2", 16, "Merkblatt: Modellflug und Drachen steigen")
	line("F2", 16, "im Stadtpark")
	line("F1", 10, "Der Stadtpark ist fuer alle da. Dieses Merkblatt sagt, wo und wann Sie dort Modelle fliegen und Drachen")
	line("F1", 10, "steigen lassen duerfen und worauf Sie dabei achten muessen, damit niemand gestoert oder verletzt wird.")
	line("F2", 12, "Wo darf ich fliegen?")
	line("F1", 10, "Auf der grossen Wiese noerdlich des Teichs, nicht ueber den Spielplaetzen und nicht ueber dem Rosengarten.")
	line("F1", 10, "Halten Sie zu Spaziergaengern mindestens zwanzig Meter Abstand.")
	line("F2", 10, "Achtung: Ueber dem Teich brueten im Fruehjahr Schwaene und Enten, die durch Modelle und Drachen sehr")
	line("F2", 10, "leicht aufgeschreckt werden. Von Maerz bis Juni ist das Fliegen im Umkreis von fuenfzig Metern um den")
	line("F2", 10, "Teich deshalb nicht erlaubt.")
	// Set at 1 pt and scaled by the text matrix, as some exporters do.
	fmt.Fprintf(&c, "BT /F2 1 Tf 12 0 0 12 56 %d Tm (Drohnen mit Kamera) Tj ET\n", y)
	y -= 16
	line("F1", 10, "Drohnen mit Kamera duerfen im Stadtpark nur mit einer Erlaubnis der Gemeinde fliegen, die Sie schriftlich")
	line("F1", 10, "beim Gruenflaechenamt beantragen. Die Erlaubnis kostet 25 Euro und gilt fuer einen Tag.")
	line("F2", 10, "Ausnahmen fuer Vereine")
	line("F1", 10, "Eingetragene Modellflugvereine erhalten eine Jahreserlaubnis fuer feste Flugtage, die die Gemeinde auf ihrer")
	line("F1", 10, "Internetseite bekannt gibt.")
	pd, err := parsePDF(styledPDF("Merkblatt Modellflug", c.String()), newBudget(Limits{}.withDefaults(), nil))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Merkblatt: Modellflug und Drachen steigen im Stadtpark"; pd.title != want {
		t.Errorf("title %q, want %q", pd.title, want)
	}
	var heads []string
	all := ""
	for _, s := range pd.sections {
		heads = append(heads, s.Heading)
		all += s.Text + "\n"
	}
	want := []string{"", "Wo darf ich fliegen?", "Drohnen mit Kamera", "Drohnen mit Kamera › Ausnahmen fuer Vereine"}
	if strings.Join(heads, "\n") != strings.Join(want, "\n") {
		t.Errorf("headings %q, want %q", heads, want)
	}
	if strings.Contains(all, "im Stadtpark\n") || strings.Contains(all, "Merkblatt: Modellflug") {
		t.Errorf("the title stands in the text:\n%s", all)
	}
	for _, s := range pd.sections {
		if s.Heading == "Wo darf ich fliegen?" && !strings.Contains(s.Text, "Achtung: Ueber dem Teich") {
			t.Errorf("the bold paragraph is not the text of its section: %q", s.Text)
		}
		if s.Heading == "" && !strings.Contains(s.Text, "Gemeinde Beispielfeld") {
			t.Errorf("the letterhead above the title is lost: %q", s.Text)
		}
	}

	// A letterhead set larger than the title the properties hold: the
	// properties' title stays.
	var d strings.Builder
	fmt.Fprintf(&d, "BT /F2 18 Tf 56 800 Td (Gemeinde Beispielfeld) Tj ET\n")
	fmt.Fprintf(&d, "BT /F1 10 Tf 56 770 Td (Wer einen Gehweg fuer einen Verkaufsstand oder Tische nutzen will, braucht eine Erlaubnis.) Tj ET\n")
	pd, err = parsePDF(styledPDF("Sondernutzung von Gehwegen", d.String()), newBudget(Limits{}.withDefaults(), nil))
	if err != nil {
		t.Fatal(err)
	}
	if pd.title != "Sondernutzung von Gehwegen" {
		t.Errorf("title %q, want the properties' title", pd.title)
	}
}

func TestPDFTitle(t *testing.T) {
	for _, tc := range []struct{ info, shown, want string }{
		{"", "Hinweise zum Laubfegen", "Hinweise zum Laubfegen"},
		{"Microsoft Word - laub_v2.docx", "Hinweise zum Laubfegen", "Hinweise zum Laubfegen"},
		{"Dokument1", "Hinweise zum Laubfegen", "Hinweise zum Laubfegen"},
		{"Laubfegen", "Hinweise zum Laubfegen im Herbst", "Hinweise zum Laubfegen im Herbst"},           // a working title
		{"DA 3-2027 Laub", "Dienstanweisung über das Laub", "Dienstanweisung über das Laub"},            // an abbreviation
		{"Hinweise zum Laubfegen", "Gemeinde Beispielfeld", "Hinweise zum Laubfegen"},                   // a letterhead
		{"Hinweise zum Laubfegen im Herbst", "Merkblatt Laubfegen", "Hinweise zum Laubfegen im Herbst"}, // shorter
		{"Satzung über die Straßenreinigung", "", "Satzung über die Straßenreinigung"},
	} {
		if got := pdfTitle(tc.info, tc.shown); got != tc.want {
			t.Errorf("pdfTitle(%q, %q) = %q, want %q", tc.info, tc.shown, got, tc.want)
		}
	}
}

// pdfFile writes objs as the numbered objects of a PDF of the given
// version, with its cross-reference table and trailer (object 1 the
// catalog).
func pdfFile(version string, objs []string) []byte {
	var buf bytes.Buffer
	buf.WriteString("%PDF-" + version + "\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = buf.Len()
		fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := buf.Len()
	fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&buf, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return buf.Bytes()
}
