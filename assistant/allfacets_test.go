// SPDX-License-Identifier: EUPL-1.2

package assistant_test

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A question that asks two facets of a statute is answered by the
// sentence that speaks of both ("elektronische … unentgeltlich"), not by a
// fee paragraph for the paper and an electronic procedure elsewhere.
func TestStatuteSentenceForAllFacets(t *testing.T) {
	law := `---
title: Gesetz über Beispielbescheinigungen
---
# § 1 – Gebühren

(1) Für eine Bescheinigung auf Papier wird eine Gebühr von 10 Euro erhoben.

(2) Die Gebühr ist bei der Ausgabe zu zahlen.

# § 2 – Elektronisches Verfahren

(1) Die Behörde kann Anträge elektronisch entgegennehmen.

(2) Das elektronische Verfahren ist barrierefrei zu gestalten.

# § 3 – Bescheinigung über den Wohnsitz

(1) Die Behörde erteilt auf Antrag eine Bescheinigung über den Wohnsitz.

(2) Die elektronische Bescheinigung über den Wohnsitz wird unentgeltlich erteilt.
`
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: law}\n")},
		"g/beispiel.md":  {Data: []byte(law)},
	}
	a := mustMapAssistant(t, root)
	ans := askCitizen(t, a, "Kostet die Bescheinigung über den Wohnsitz auch was, wenn ich sie mir digital hole?")
	if !strings.Contains(ans.Text, "unentgeltlich erteilt") || strings.Contains(ans.Text, "10 Euro") {
		t.Errorf("answer does not quote the sentence for both facets alone:\n%s", ans.Text)
	}
}
