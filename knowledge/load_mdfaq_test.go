// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestMarkdownFrontMatterFAQ checks that a front matter list pairing
// questions with answers (frage/antwort, question/answer, q/a) becomes
// sections headed by the questions, after the body, an answer's
// Markdown list kept; that a list of other objects adds nothing; and
// that Liquid and Jinja tags leave the text while code keeps them.
func TestMarkdownFrontMatterFAQ(t *testing.T) {
	src := "---\ntitle: Beispielbad\nfaq:\n  - frage: \"Wann ist offen?\"\n    antwort: \"Von 9 bis 19 Uhr.\"\n" +
		"  - frage: Was kostet es?\n    antwort: |\n      Zwei Preise:\n      - Kinder 2 Taler,\n      - Erwachsene 4 Taler.\n" +
		"more:\n  - Q: Gibt es Schließfächer?\n    A: Ja, am Eingang.\n" +
		"links:\n  - title: Anfahrt\n    url: /anfahrt\n---\n\nDas Bad am See.\n\n{% include faq.html items=page.faq %}\n" +
		"Heute {{ site.oeffnung }} geöffnet.{# intern #}\n\n{% comment %}\nNicht zeigen.\n{% endcomment %}\n" +
		"Schreiben Sie `{{ wert }}` so.\n\n```\n{% raw %}{{ bleibt }}{% endraw %}\n```\n"
	pd, err := parseMarkdown([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	var order []string
	for _, s := range pd.sections {
		got[s.Heading] = strings.TrimSpace(s.Text)
		order = append(order, s.Heading)
	}
	for h, want := range map[string]string{
		"":                       "Das Bad am See.\n\nHeute  geöffnet.\n\n\nSchreiben Sie `{{ wert }}` so.\n\n```\n{% raw %}{{ bleibt }}{% endraw %}\n```",
		"Wann ist offen?":        "Von 9 bis 19 Uhr.",
		"Was kostet es?":         "Zwei Preise:\n- Kinder 2 Taler,\n- Erwachsene 4 Taler.",
		"Gibt es Schließfächer?": "Ja, am Eingang.",
	} {
		if got[h] != want {
			t.Errorf("section %q holds %q, want %q (all: %q)", h, got[h], want, order)
		}
	}
	if len(pd.sections) != 4 || pd.sections[0].Heading != "" {
		t.Errorf("sections %q", order)
	}
}
