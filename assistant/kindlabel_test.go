// SPDX-License-Identifier: EUPL-1.2

package assistant_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
)

// TestFrameNamesTheKindOfDocument checks that an answer announces its
// source by the document's kind, or by the label its knowledge root gives
// it, and never calls a statute or a citizen page an IT knowledge base.
func TestFrameNamesTheKindOfDocument(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de}\n" +
			"folders:\n  - match: \"satzungen/**\"\n    kind: law\n    label: Satzung der Gemeinde\n" +
			"  - match: \"presse/**\"\n    kind: notice\n")},
		"gesetze/bspg.md": {Data: []byte("% Beispielgesetz (BspG)\n\n# § 1 – Geltungsbereich\n\nDas Gesetz gilt für Beispiele.\n\n" +
			"# § 2 – Gültigkeitsdauer\n\nEine Beispielurkunde ist zehn Jahre gültig.\n\n# § 3 – Gebühren\n\nDie Urkunde kostet 5 Euro.\n")},
		"satzungen/baumschutz.md": {Data: []byte("# Baumschutzsatzung\n\nWer einen geschützten Baum fällen will, braucht eine Fällgenehmigung.\n")},
		"presse/marktfest.md":     {Data: []byte("# Marktfest am Samstag\n\nDas Marktfest beginnt am Samstag um 10 Uhr auf dem Marktplatz.\n")},
		"info/spielplaetze.md":    {Data: []byte("# Spielplätze\n\nDie Spielplätze sind von 8 bis 20 Uhr geöffnet.\n")},
	}
	kb, err := knowledge.Open(context.Background(), knowledge.Config{Roots: []knowledge.Root{{Name: "t", FS: root}}})
	if err != nil {
		t.Fatal(err)
	}
	a := mustBaseAssistant(t, kb)
	tests := []struct{ q, frame string }{
		{"Wie lange ist die Beispielurkunde gültig?", "steht in der Rechtsvorschrift"},
		{"Darf ich einen Baum fällen?", "steht in der Satzung der Gemeinde"},
		{"Wann beginnt das Marktfest?", "steht in der Bekanntmachung"},
		{"Wann sind die Spielplätze geöffnet?", "steht in der Veröffentlichung"},
	}
	for _, tt := range tests {
		ans, err := a.Ask(context.Background(), &assistant.Conversation{ID: "k", Audience: knowledge.Citizen}, assistant.Message{Text: tt.q})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(ans.Text, tt.frame) || strings.Contains(ans.Text, "IT-Wissensdatenbank") {
			t.Errorf("%q: want %q in\n%s", tt.q, tt.frame, ans.Text)
		}
	}
}
