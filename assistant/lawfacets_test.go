// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/musterstadt/lotse/knowledge"
)

// A federal code has a section and a value for every facet somewhere, so
// that it has a fee section with amounts says nothing about a question:
// facet_term and answers are left to shorter documents (a bylaw of a few
// §§ keeps them).
func TestFederalCodeFacetsSayNothing(t *testing.T) {
	law := func(n int) string {
		var b strings.Builder
		b.WriteString("---\ntitle: Gesetz über Beispielgebühren\n---\n")
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&b, "# § %d – Gebühren für Amtshandlung %d\n\n(1) Für die Amtshandlung Nummer %d wird eine Gebühr von %d Euro erhoben. Die Gebühr ist mit der Bekanntgabe fällig und innerhalb von zwei Wochen bei der Stadtkasse zu zahlen.\n\n", i, i, i, 10+i)
		}
		return b.String()
	}
	for _, tt := range []struct {
		sections int
		want     float64
	}{{4, 1}, {400, 0}} {
		root := fstest.MapFS{
			"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: law}\n")},
			"g/gebuehren.md": {Data: []byte(law(tt.sections))},
		}
		kb, err := knowledge.Open(context.Background(), knowledge.Config{Roots: []knowledge.Root{{Name: "t", FS: root}}})
		if err != nil {
			t.Fatal(err)
		}
		a, err := New(Config{Retriever: kb, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
		if err != nil {
			t.Fatal(err)
		}
		tr := &turn{conv: newConv(knowledge.Citizen), raw: "was kostet die amtshandlung bei der stadtkasse", red: "was kostet die amtshandlung bei der stadtkasse", lang: "de"}
		tr.query, tr.m, tr.sig = tr.red, a.texts.msgsFor("de", false), a.lex.signals(tr.red)
		q := a.understand(tr)
		r, err := a.retrieve(context.Background(), tr, q)
		if err != nil || len(r.cands) == 0 {
			t.Fatalf("%d §§: retrieval %v, %d candidates", tt.sections, err, len(r.cands))
		}
		a.features(&r, q)
		f := r.cands[0].feat
		if f[featFacetTerm] != tt.want || f[featAnswers] != tt.want {
			t.Errorf("%d §§: facet_term %v, answers %v; want %v", tt.sections, f[featFacetTerm], f[featAnswers], tt.want)
		}
	}
}
