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
	fmt.Fprintf(&buf, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return buf.Bytes()
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
