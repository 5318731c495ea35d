// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestMDX checks that an MDX page is read as Markdown with its JSX: a
// component's title prop heads its children, a list of questions passed
// as a prop gives a section per question, an exported array passed by
// name is a table with the columns prop as head, a callout (a component
// with a type) stays in its text with its title as lead-in; imports, exports,
// comments and technical props are dropped.
func TestMDX(t *testing.T) {
	page := `---
title: Hallenbad
sidebar_position: 2
---

import { Hinweis } from '@/components/Hinweis'
import bild from './bad.jpg'

export const tarife = [
  { gruppe: 'Erwachsene', preis: '5,00 €' },
  { gruppe: "Kinder", preis: '2,50 €' },
]

# Hallenbad

<img src={bild} alt="Das Becken von oben" width={300} />

Das Hallenbad hat ein Sportbecken und ein Lehrschwimmbecken.

<Hinweis type="warning" title="Sauna geschlossen">
  Die Sauna ist bis Ende März wegen Umbau geschlossen.
</Hinweis>

## Eintritt

<Tabelle rows={tarife} columns={['Gruppe', 'Preis']} />

## Fragen

<Fragen
  items={[
    { frage: 'Gibt es Schwimmkurse?', antwort: 'Ja, für Kinder ab fünf Jahren, jeden Samstag.' },
  ]}
/>

{/* interne Notiz: Preise prüfen */}
`
	pd, err := parseMDX([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if pd.title != "Hallenbad" {
		t.Errorf("title %q", pd.title)
	}
	got := map[string]string{}
	var all strings.Builder
	for _, s := range pd.sections {
		got[s.Heading] += strings.TrimSpace(s.Text)
		all.WriteString(s.Heading + "\n" + s.Text + "\n")
	}
	if !strings.Contains(got[""], "Sauna geschlossen:\nDie Sauna ist bis Ende März") {
		t.Errorf("the callout is not in the text with its title as lead-in: %q", got)
	}
	if !strings.Contains(got["Eintritt"], "| Gruppe | Preis |") || !strings.Contains(got["Eintritt"], "| Kinder | 2,50 € |") {
		t.Errorf("the exported table reads %q", got["Eintritt"])
	}
	if got["Fragen › Gibt es Schwimmkurse?"] != "Ja, für Kinder ab fünf Jahren, jeden Samstag." {
		t.Errorf("the question reads %q (all: %q)", got["Fragen › Gibt es Schwimmkurse?"], got)
	}
	for _, left := range []string{"import", "export", "Notiz", "bad.jpg", "von oben", "warning", "sidebar"} {
		if strings.Contains(all.String(), left) {
			t.Errorf("%q is read as text: %q", left, all.String())
		}
	}
}
