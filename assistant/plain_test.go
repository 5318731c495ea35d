// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"context"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/knowledge/musterstadt"
)

func TestPlainRuleErrors(t *testing.T) {
	tests := []struct {
		text string
		want string // "" for no error
	}{
		{"Das kostet 70,00 Euro.", ""},
		{"Sie brauchen:\nEin Foto.\nIhren alten Pass.", ""},
		{"Mehr dazu: https://www.example.test/a/very/long/path?with=query", ""},
		{"Öffnungszeiten:\nMontag, Dienstag: 8:00 bis 12:30 Uhr.", ""},
		{"Sie brauchen ein Foto, das nicht älter als sechs Monate ist.", "nested"},
		{"Das dauert drei Wochen.", "number as word"},
		{"Bringen Sie z. B. Ihren Pass mit.", "abbreviation"},
		{"Bringen Sie ggf. Ihren Pass mit.", "abbreviation"},
		{"Eins zwo drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn.", "words"},
	}
	for _, tt := range tests {
		errs := strings.Join(plainRuleErrors(tt.text), "; ")
		if (tt.want == "") != (errs == "") || !strings.Contains(errs, tt.want) {
			t.Errorf("plainRuleErrors(%q) = %q, want %q", tt.text, errs, tt.want)
		}
	}
	if got := plainLine("- ein aktuelles Foto, z. B. vom Fotostudio"); got != "Ein aktuelles Foto, zum Beispiel vom Fotostudio." {
		t.Errorf("plainLine = %q", got)
	}
	if got := plainLine("- Nachweis, dass Sie hier wohnen"); got != "" {
		t.Errorf("plainLine kept a nested clause: %q", got)
	}
}

// TestPlainLanguageOverBundledCases asks every German question of the
// bundled case set in Einfache Sprache and checks the rules on every
// sentence outside the quote: at most 15 words, numbers as digits, no
// abbreviations, no nested clauses. The facts come before the quote.
func TestPlainLanguageOverBundledCases(t *testing.T) {
	kb, err := knowledge.Open(context.Background(), knowledge.Config{Roots: []knowledge.Root{{Name: "musterstadt", FS: musterstadt.FS()}}})
	if err != nil {
		t.Fatal(err)
	}
	a := mustAssistant(t, func(c *Config) { c.Retriever = kb })
	asked, withFacts := 0, 0
	for _, c := range readEvalCases(t, "../evals/cases/musterstadt") {
		if c.Lang != "" && c.Lang != "de" {
			continue
		}
		aud := c.Audience
		if aud == "" {
			aud = knowledge.Citizen
		}
		conv := newConv(aud)
		conv.Simple = true
		if aud == knowledge.Employee {
			conv.UserID = "u-test"
		}
		var ans Answer
		for _, q := range append(c.History, c.Question) {
			ans, err = a.Ask(context.Background(), conv, Message{Text: q, Lang: "de"})
			if err != nil {
				t.Fatalf("%s: %v", c.ID, err)
			}
		}
		asked++
		outside := plainOutside(ans.Text)
		for _, e := range plainRuleErrors(outside) {
			t.Errorf("%s (%q): %s", c.ID, c.Question, e)
		}
		if strings.Contains(ans.Text, plainQuoteMark) && strings.Contains(outside, "Das kostet") {
			withFacts++
		}
	}
	if asked < 200 {
		t.Errorf("asked %d German cases, want the bundled set (over 200)", asked)
	}
	if withFacts == 0 {
		t.Error("no simple answer stated a cost before the quote")
	}
}

// plainOutside returns the parts of a simple answer outside the quote:
// everything before plainQuoteMark and from "Mehr dazu:" on.
func plainOutside(text string) string {
	before, rest, ok := strings.Cut(text, plainQuoteMark)
	if !ok {
		return text
	}
	if i := strings.Index(rest, "\n\nMehr dazu: "); i >= 0 {
		return before + rest[i:]
	}
	return before
}
