// SPDX-License-Identifier: EUPL-1.2

package assistant_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// A message that asks yes or no in one part and a facet in another gets
// both answered: the deadline's paragraph does not answer whether it may
// be done in writing, the sentence that holds the part's own words does —
// also in a federal code, whose other paragraphs are not searched for a
// word the quotes leave out.
func TestYesNoPartNextToFacet(t *testing.T) {
	var law strings.Builder
	law.WriteString("---\ntitle: Gesetz über das Meldewesen\n---\n")
	law.WriteString("# § 17 – Anmeldung, Abmeldung\n\n(2) Wer aus einer Wohnung auszieht und keine neue Wohnung im Inland bezieht, hat sich innerhalb von zwei Wochen nach dem Auszug bei der Meldebehörde abzumelden.\n\n")
	law.WriteString("# § 23 – Erfüllung der allgemeinen Meldepflicht\n\n(6) Die Abmeldung in das Ausland kann schriftlich oder elektronisch erfolgen.\n\n")
	for i := 30; i < 160; i++ {
		// A federal code's length: paragraphs that rule other matters.
		fmt.Fprintf(&law, "# § %d – Verzeichnis der Register %d\n\n(1) Die Registerbehörde führt das Verzeichnis Nummer %d über Datenübermittlungen an Behörden und öffentliche Stellen. (2) Die Einträge werden nach Ablauf der Aufbewahrung gelöscht, soweit keine Übermittlungssperre besteht und die Behörde sie nicht mehr benötigt, um ihre gesetzlichen Aufgaben zu erfüllen.\n\n", i, i, i)
	}
	a := mustMapAssistant(t, fstest.MapFS{
		"knowledge.yaml":  {Data: []byte("defaults: {audience: citizen, lang: de, kind: law}\n")},
		"g/meldewesen.md": {Data: []byte(law.String())},
	})
	ans := askCitizen(t, a, "wir ziehen im märz nach norwegen. kann ich mich auch schriftlich abmelden wenn wir schon weg sind? und wie lange hab ich nach dem auszug zeit dafür")
	for _, want := range []string{"innerhalb von zwei Wochen", "kann schriftlich oder elektronisch erfolgen"} {
		if !strings.Contains(ans.Text, want) {
			t.Errorf("%q is not quoted:\n%s", want, ans.Text)
		}
	}
}
