// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestYAMLDataFAQ checks a static site's YAML data file of questions
// grouped by category: the title key is the title, the folded lead the
// lead, each question a section under its category's name with its
// answer's wrapped lines joined; comments, tags and ids are left out.
func TestYAMLDataFAQ(t *testing.T) {
	docs, format, err := parseFile("yaml", []byte(`# Pflege: Beispielamt
titel: Häufige Fragen
id: faq-1
einleitung: >-
  Das Amt hilft
  gern.
kategorien:
  - name: Umzug
    fragen:
      - frage: Bis wann melde ich mich an?
        antwort: |
          Innerhalb von zwei
          Wochen.

          - mit Ausweis
          - mit Bestätigung
        tags: [anmeldung, umzug]
  - name: Fundsachen
    beschreibung: Das Fundbüro ist im Rathaus.
    fragen:
      - frage: Wo frage ich nach?
        antwort: Im Rathaus.
`), nil)
	if err != nil {
		t.Fatal(err)
	}
	if format != "yaml" || len(docs) != 1 || docs[0].title != "Häufige Fragen" {
		t.Fatalf("format %q, docs %+v", format, docs)
	}
	var got []string
	for _, s := range docs[0].sections {
		got = append(got, s.Heading+": "+s.Text)
	}
	want := []string{
		": Das Amt hilft gern.",
		"Umzug › Bis wann melde ich mich an?: Innerhalb von zwei Wochen.\n\n- mit Ausweis\n- mit Bestätigung",
		"Fundsachen: Das Fundbüro ist im Rathaus.",
		"Fundsachen › Wo frage ich nach?: Im Rathaus.",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sections\n%q\nwant\n%q", got, want)
	}
	for _, no := range []string{"anmeldung", "faq-1", "Pflege"} {
		if strings.Contains(strings.Join(got, "|"), no) {
			t.Errorf("%q is read", no)
		}
	}
}

// TestYAMLDataHostile checks that a YAML file that is no record, is
// malformed, or expands its aliases beyond the bound is skipped with a
// reason, not loaded.
func TestYAMLDataHostile(t *testing.T) {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for i, n := range []string{"b", "c", "d", "e", "f", "g", "h"} {
		_ = i
		bomb += n + ": &" + n + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n"
		prev = n
	}
	bomb += "titel: Bombe\n"
	for name, in := range map[string]string{
		"scalar":    "nur ein Satz",
		"malformed": "titel: [offen",
		"no title":  "services:\n  - port: 80\n",
		"aliases":   bomb,
		"binary":    "titel: a\x00b",
	} {
		if docs, _, err := parseFile("yaml", []byte(in), nil); err == nil {
			t.Errorf("%s: loaded %+v", name, docs)
		}
	}
}
