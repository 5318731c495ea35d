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

// A question in which form a matter is filed ("geht das auch auf
// Papier?") is answered by the statute's sentence that says so, wherever
// its § stands.
func TestStatuteFormOfFiling(t *testing.T) {
	law := "---\ntitle: Gesetz über das Beispielgeld (Beispielgeldgesetz)\n---\n" +
		"# § 1 – Berechtigte\n\n(1) Anspruch auf Beispielgeld hat, wer seinen Wohnsitz im Inland hat und ein Kind betreut.\n\n" +
		"# § 2 – Höhe\n\n(1) Das Beispielgeld beträgt monatlich 300 Euro. Es wird für höchstens zwölf Monate gezahlt.\n\n" +
		"# § 7 – Antragstellung\n\n(1) Das Beispielgeld ist schriftlich zu beantragen. Es wird rückwirkend nur für die letzten drei Monate vor Beginn des Monats gezahlt, in dem der Antrag eingegangen ist.\n\n" +
		"# § 8 – Auszahlung\n\n(1) Das Beispielgeld wird monatlich im Voraus auf ein Konto überwiesen.\n\n"
	for i := 9; i <= 40; i++ {
		// A federal code's other paragraphs on the same matter.
		law += fmt.Sprintf("# § %d – Mitwirkung %d\n\n(1) Wer Beispielgeld beantragt, teilt der Stelle die Tatsache Nummer %d mit, die für den Anspruch erheblich ist, und legt auf Verlangen Nachweise vor.\n\n", i, i, i)
	}
	root := fstest.MapFS{
		"knowledge.yaml":    {Data: []byte("defaults: {audience: citizen, lang: de, kind: law}\n")},
		"g/beispielgeld.md": {Data: []byte(law)},
	}
	kb, err := knowledge.Open(context.Background(), knowledge.Config{Roots: []knowledge.Root{{Name: "t", FS: root}}})
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(Config{Retriever: kb, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ans, err := a.Ask(context.Background(), newConv(knowledge.Citizen), Message{Text: "wir haben keinen computer, muss man das beispielgeld online beantragen oder geht das auch auf papier"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Text, "ist schriftlich zu beantragen") {
		t.Errorf("answer lacks the form of filing:\n%s", ans.Text)
	}
}
