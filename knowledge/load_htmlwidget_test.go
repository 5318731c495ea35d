// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestHTMLTemplatePanels checks that the answers of a script-driven FAQ
// — a button toggling a <template> whose markup the page renders on a
// click, the ARIA attributes bound by the framework (":aria-expanded",
// "x-bind:aria-controls") — are sections headed by their questions,
// under the heading they stand below, and that the text after them goes
// on under that heading; a template that repeats data (x-for) and a
// button that toggles nothing stay out.
func TestHTMLTemplatePanels(t *testing.T) {
	_, got := htmlSections(t, `<html><body><main><h1>Beispielplatz</h1>
<section x-data="{ auf: 0 }"><h2>Häufige Fragen</h2>
<div><button type="button" @click="auf = 1" :aria-expanded="auf === 1">Wann ist der Platz geöffnet?</button>
<template x-if="auf === 1"><div><p>Täglich von 8 bis 20 Uhr.</p></div></template></div>
<div><button type="button" x-on:click="auf = 2" x-bind:aria-expanded="auf === 2">Darf ich grillen?</button>
<template x-if="auf === 2"><p>Nur auf der Wiese am Teich.</p><p>Bitte löschen Sie die Glut.</p></template></div>
<button type="button" aria-expanded="false" aria-controls="antwort3">Kostet der Platz Eintritt?</button>
<p>Zwischentext.</p>
<div id="antwort3" hidden><p>Nein, der Eintritt ist frei.</p></div>
<template x-for="e in eintraege"><p x-text="e.text">Platzhaltertext</p></template>
<button type="button" @click="teilen()">Seite teilen</button>
</section>
<p>Zum Schluss.</p>
</main></body></html>`)
	for h, want := range map[string]string{
		"Häufige Fragen › Wann ist der Platz geöffnet?": "Täglich von 8 bis 20 Uhr.",
		"Häufige Fragen › Darf ich grillen?":            "Nur auf der Wiese am Teich.\nBitte löschen Sie die Glut.",
		"Häufige Fragen › Kostet der Platz Eintritt?":   "Nein, der Eintritt ist frei.",
		"Häufige Fragen": "Zwischentext.\nZum Schluss.",
	} {
		if got[h] != want {
			t.Errorf("section %q holds %q, want %q (all: %q)", h, got[h], want, got)
		}
	}
	all := strings.Join(func() []string {
		var v []string
		for h, s := range got {
			v = append(v, h, s)
		}
		return v
	}(), "\n")
	for _, no := range []string{"Platzhaltertext", "Seite teilen"} {
		if strings.Contains(all, no) {
			t.Errorf("%q is read: %q", no, got)
		}
	}
}

// TestHTMLTabs checks that tabs (a role="tablist" of role="tab" labels
// over role="tabpanel" panes) are read as sections, each pane headed by
// its tab's label — matched by aria-labelledby, by aria-controls or by
// their order — though the tab list carries a menu's class names ("nav
// nav-tabs") and a pane is hidden, and that a skip link to the content
// is no text.
func TestHTMLTabs(t *testing.T) {
	_, got := htmlSections(t, `<html><body>
<a class="visually-hidden-focusable" href="#inhalt">Zum Inhalt springen</a>
<div id="inhalt"><h1>Beispielschein</h1><p>Den Schein beantragen Sie im Amt.</p>
<ul class="nav nav-tabs" role="tablist">
<li class="nav-item"><button class="nav-link" id="t-1" role="tab" aria-controls="p-1">Ablauf</button></li>
<li class="nav-item"><button class="nav-link" id="t-2" role="tab" aria-controls="p-2">Gebühren</button></li>
</ul>
<div class="tab-content">
<div id="p-1" role="tabpanel" aria-labelledby="t-1"><p>Sie füllen den Antrag aus.</p></div>
<div id="p-2" role="tabpanel" hidden><table><tr><th>Schein</th><td>10,00 Euro</td></tr></table></div>
</div>
<div role="tablist" class="menu"><a role="tab">Erstens</a><a role="tab">Zweitens</a></div>
<section role="tabpanel"><p>Der erste Teil.</p></section>
<section role="tabpanel"><p>Der zweite Teil.</p></section>
</div></body></html>`)
	for h, want := range map[string]string{
		"":         "Den Schein beantragen Sie im Amt.",
		"Ablauf":   "Sie füllen den Antrag aus.",
		"Gebühren": "Schein 10,00 Euro",
		"Erstens":  "Der erste Teil.",
		"Zweitens": "Der zweite Teil.",
	} {
		if got[h] != want {
			t.Errorf("section %q holds %q, want %q (all: %q)", h, got[h], want, got)
		}
	}
}
