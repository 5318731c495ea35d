// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"fmt"
	"strings"
	"testing"
)

// A scanned statute without a title in its properties or in a larger
// font (a gazette page's text layer) is titled by the block before its
// first § that begins with its kind and ends with its date; the date
// stays as the preamble's first line, and the end of the notice printed
// above it leaves the text. Without such a block the title stays empty
// (the file's name), and the text before the § as it is.
func TestPDFStatuteTitleBeforeFirstParagraph(t *testing.T) {
	build := func(lines ...string) []byte {
		var c strings.Builder
		for i, l := range lines {
			fmt.Fprintf(&c, "BT /F1 10 Tf 60 %d Td (%s) Tj ET\n", 800-14*i, l)
		}
		return minimalPDF(c.String())
	}
	body := []string{
		`Auf Grund von \247 4 der Gemeindeordnung hat der Gemeinderat folgende Satzung beschlossen:`,
		`\247 1 Geltungsbereich`,
		`Die Satzung gilt fuer die Beispielhalle der Gemeinde.`,
		`\247 2 Gebuehren`,
		`Die Miete betraegt 50 Euro je Tag.`,
	}
	pd, err := parsePDF(build(append([]string{
		`Die Sprechstunde des Ortsbeirats entfaellt am 3. Mai. Wir bitten um Beachtung.`,
		`Erste Satzung der Gemeinde Musterort ueber die Benutzung`,
		`der Beispielhalle (Hallensatzung)`,
		`vom 2. Februar 2026`,
	}, body...)...), newBudget(Limits{}.withDefaults(), nil))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Erste Satzung der Gemeinde Musterort ueber die Benutzung der Beispielhalle (Hallensatzung)"; pd.title != want {
		t.Errorf("title %q, want %q", pd.title, want)
	}
	if len(pd.sections) != 3 || pd.sections[0].Heading != "" || !strings.HasPrefix(pd.sections[0].Text, "vom 2. Februar 2026\nAuf Grund von") {
		t.Errorf("sections %q", pd.sections)
	}
	for _, s := range pd.sections {
		if strings.Contains(s.Text, "Sprechstunde") || strings.Contains(s.Text, "Hallensatzung") {
			t.Errorf("section %q holds %q", s.Heading, s.Text)
		}
	}
	pd, err = parsePDF(build(append([]string{`Die Beispielhalle steht allen Vereinen offen.`}, body...)...), newBudget(Limits{}.withDefaults(), nil))
	if err != nil {
		t.Fatal(err)
	}
	if pd.title != "" || !strings.HasPrefix(pd.sections[0].Text, "Die Beispielhalle steht") {
		t.Errorf("without a title block: title %q, sections %q", pd.title, pd.sections)
	}
}
