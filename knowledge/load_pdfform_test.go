// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"fmt"
	"strings"
	"testing"
)

// formPDF writes a one-page fillable form: content is the printed text
// (Helvetica as /F1), widgets the page's widget annotations.
func formPDF(content string, widgets []string) []byte {
	var refs []string
	for i := range widgets {
		refs = append(refs, fmt.Sprintf("%d 0 R", 6+i))
	}
	objs := []string{
		fmt.Sprintf("<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [%s] >> >>", strings.Join(refs, " ")),
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R /Annots [%s] >>", strings.Join(refs, " ")),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(content), content),
	}
	objs = append(objs, widgets...)
	return pdfFile("1.7", objs)
}

// TestPDFFormFields checks that a fillable form's fields add their
// tooltips and filled-in values to the lines of their labels: a text
// field right of its label, a check box left of its label, a tooltip
// standing on the field above a widget; a widget without a tooltip or a
// value adds nothing, and a label with its hint is no heading.
func TestPDFFormFields(t *testing.T) {
	var c strings.Builder
	line := func(x, y int, s string) { fmt.Fprintf(&c, "BT /F1 10 Tf %d %d Td (%s) Tj ET\n", x, y, s) }
	line(56, 800, "Antrag auf einen Beispielschein fuer alle, die im Beispielort wohnen und einen Schein brauchen.")
	line(56, 770, "Anschrift")
	line(56, 748, "Geburtsort")
	line(72, 726, "Kopie des Ausweises")
	line(56, 704, "Unterschrift")
	line(56, 680, "Die Gebuehr betraegt zehn Taler und wird bei der Abholung bezahlt.")
	pd, err := parsePDF(formPDF(c.String(), []string{
		"<< /Type /Annot /Subtype /Widget /FT /Tx /T (adr) /TU (Strasse und Hausnummer, wo Sie wohnen) /Rect [230 766 539 782] /V () >>",
		"<< /Type /Annot /Subtype /Widget /FT /Tx /T (ort) /Rect [230 744 539 760] /V (Musterhausen) >>",
		"<< /Type /Annot /Subtype /Widget /Rect [56 725 66 735] /AS /Ja /Parent << /FT /Btn /T (kopie) /TU (Ohne Kopie keine Bearbeitung) /V /Ja >> >>",
		"<< /Type /Annot /Subtype /Widget /FT /Tx /T (sig) /Rect [230 700 539 716] /V () >>",
	}), newBudget(Limits{}.withDefaults(), nil))
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, s := range pd.sections {
		text = append(text, s.Heading+"\n"+s.Text)
	}
	got := strings.Join(text, "\n")
	for _, want := range []string{
		"\nAnschrift | Strasse und Hausnummer, wo Sie wohnen\n",
		"\nGeburtsort | Musterhausen\n",
		"\nKopie des Ausweises | Ja (Ohne Kopie keine Bearbeitung)\n",
		"\nUnterschrift\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("want %q in\n%s", want, got)
		}
	}
	for _, s := range pd.sections {
		if strings.Contains(s.Heading, "Anschrift") {
			t.Errorf("a label heads a section: %q", s.Heading)
		}
	}
}
