// SPDX-License-Identifier: EUPL-1.2

package assistant_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
)

// TestGermanWordInCyrillicFindsItsPage checks that a Ukrainian or Russian
// question naming a German benefit or document in Cyrillic letters
// ("Кіндергельд", "Аусвайс") is answered from the page of that name, and
// that a question in Arabic asking when the asker will get something
// asks for the processing time.
func TestGermanWordInCyrillicFindsItsPage(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de}\n")},
		"leistungen/wandergeld.md": {Data: []byte("# Wandergeld beantragen\n\nDas Wandergeld wird nicht automatisch gezahlt; Sie müssen es beantragen.\n\n" +
			"## Bearbeitungsdauer\n\nDie Bearbeitung dauert etwa sechs Wochen.\n")},
		"leistungen/geburt.md": {Data: []byte("# Geburt anzeigen\n\nNach der Geburt eines Kindes zeigt die Klinik die Geburt beim Standesamt an.\n")},
		"leistungen/wanderausweis.md": {Data: []byte("# Wanderausweis\n\nDen Wanderausweis erhalten Sie im Bürgerbüro.\n\n" +
			"## Bearbeitungsdauer\n\nDer Wanderausweis ist nach drei Wochen abholbereit.\n")},
	}
	kb, err := knowledge.Open(context.Background(), knowledge.Config{Roots: []knowledge.Root{{Name: "t", FS: root}}})
	if err != nil {
		t.Fatal(err)
	}
	a := mustBaseAssistant(t, kb)
	for _, tt := range []struct{ q, doc, fact string }{
		{"У нас народилася дитина. Вандергельд нараховується автоматично?", "leistungen/wandergeld", "nicht automatisch"},
		{"Когда получу вандераусвайс?", "leistungen/wanderausweis", "drei Wochen"},
		{"متى سأحصل على Wanderausweis؟", "leistungen/wanderausweis", "drei Wochen"},
	} {
		ans, err := a.Ask(context.Background(), &assistant.Conversation{ID: "c", Audience: knowledge.Citizen}, assistant.Message{Text: tt.q})
		if err != nil {
			t.Fatal(err)
		}
		ids := make([]string, 0, len(ans.Sources))
		for _, s := range ans.Sources {
			ids = append(ids, s.ID)
		}
		if !slices.Contains(ids, tt.doc) || !strings.Contains(ans.Text, tt.fact) {
			t.Errorf("%q: sources %v, want %s with %q in\n%s", tt.q, ids, tt.doc, tt.fact, ans.Text)
		}
	}
}
