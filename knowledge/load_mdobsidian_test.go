// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestObsidianMarkdown checks a note from an Obsidian vault: callouts
// as labelled lines with their quoted body as text, wikilinks as their
// labels or note names, embeds, %% comments and tags dropped; a heading,
// a "#" in inline and fenced code and a number ("Nr. #3") stay.
func TestObsidianMarkdown(t *testing.T) {
	pd, err := parseMarkdown([]byte(`---
tags: [it/technik]
---
# Beispielterminal

Die Regeln stehen in der [[DA Arbeitszeit|Dienstanweisung]] und in [[Hausordnung#Zeiten]]. ![[terminal.png]]

> [!warning]- Ausweis vergessen
> Buchen Sie mit der PIN.

> [!tip]
> Im Portal geht es auch.

## Störungen %% nur intern %%

Rufen Sie Raum #3 an oder schreiben Sie ` + "`#ticket`" + `. #it/hardware #personal
%% Notiz
über zwei Zeilen %%
Verwandt: [[Dienstausweis]], #it/hardware

` + "```" + `
#kein-tag [[bleibt]]
` + "```" + `
`))
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, s := range pd.sections {
		all.WriteString(s.Heading + "\n" + s.Text + "\n")
	}
	got := all.String()
	for _, want := range []string{
		"in der Dienstanweisung und in Hausordnung.",
		"Warnung: Ausweis vergessen\nBuchen Sie mit der PIN.",
		"Tipp:\nIm Portal geht es auch.",
		"Störungen",
		"Rufen Sie Raum #3 an oder schreiben Sie `#ticket`.",
		"Verwandt: Dienstausweis\n",
		"#kein-tag [[bleibt]]",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	for _, no := range []string{"[!", "terminal.png", "nur intern", "Notiz", "#it/", "#personal", "%%"} {
		if strings.Contains(got, no) {
			t.Errorf("%q read:\n%s", no, got)
		}
	}
	if pd.title != "Beispielterminal" {
		t.Errorf("title %q", pd.title)
	}
}

// Plain Markdown is no vault: a link to an anchor and a "#" in the text
// stay as they are.
func TestObsidianLeavesPlainMarkdown(t *testing.T) {
	for _, text := range []string{
		"See the end of the document, in the [Roihu section](#roihu-signing).",
		"Der Drucker #A12 steht im Flur.",
	} {
		if got := obsidianMarkdown(text); got != text {
			t.Errorf("obsidianMarkdown(%q) = %q", text, got)
		}
	}
	if got := obsidianMarkdown("Siehe [[Notiz]] und [Teil](#teil)."); !strings.Contains(got, "(#teil)") {
		t.Errorf("an anchor link in a note lost its target: %q", got)
	}
}
