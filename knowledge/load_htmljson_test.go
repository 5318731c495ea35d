// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestHTMLDataIsland checks that a pre-rendered single-page app whose
// body holds only a spinner and a <noscript> line is read from the JSON
// it was rendered from: the page object's title is the title, a block
// with a heading and text a section, HTML in values reduced to text,
// a list of label/value items a line each; navigation, search engine
// data, framework keys, paths and identifiers are left out. A page with
// visible text keeps it and ignores its JSON.
func TestHTMLDataIsland(t *testing.T) {
	const island = `<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"page":{
"id":"9f2c1e3a-0000-4a6e-9d2f-123456789abc","slug":"/beispielamt/fundbuero","title":"Fundbüro im Beispielamt",
"updatedAt":"2026-10-01T08:00:00.000Z","seo":{"metaTitle":"Fundbüro | Beispielstadt","metaDescription":"Suchmaschinentext"},
"blocks":[
 {"__typename":"HeroBlock","heading":"Fundbüro im Beispielamt","teaser":"Hier geben Sie Fundsachen ab und fragen nach Verlorenem."},
 {"__typename":"TextBlock","heading":"Fahrräder","body":"<p>Gefundene Fahrräder bewahren wir <strong>drei Monate</strong> auf.</p><p>Danach werden sie versteigert.</p>","image":{"url":"/media/rad.jpg","alt":"Ein Fahrrad"}},
 {"__typename":"FactsBlock","heading":"Gut zu wissen","items":[{"label":"Gebühr","value":"keine für den Verlierer"},{"label":"Abholung","value":"mit Ausweis"}]},
 {"__typename":"ContactBlock","heading":"Ansprechpartner","persons":[{"name":"Erika Beispiel","phone":"0999 123-45","email":"fund@beispiel.example"}]}
]},"navigation":{"main":[{"label":"Startseite","href":"/"},{"label":"Rathausmenü","href":"/rathaus"}]}}},
"page":"/[...slug]","buildId":"abcDEF123","locale":"de"}</script>`
	title, got := htmlSections(t, `<!DOCTYPE html><html><head><title>Fundbüro | Beispielstadt</title></head><body>
<div id="__next"><div class="loader" role="status"><span class="spinner"></span><span>Inhalte werden geladen …</span></div></div>
<noscript><p>Bitte aktivieren Sie JavaScript.</p></noscript>`+island+`</body></html>`)
	if title != "Fundbüro im Beispielamt" {
		t.Errorf("title %q, want the page object's", title)
	}
	for h, want := range map[string]string{
		"Fundbüro im Beispielamt": "Hier geben Sie Fundsachen ab und fragen nach Verlorenem.",
		"Fahrräder":               "Gefundene Fahrräder bewahren wir drei Monate auf.\nDanach werden sie versteigert.",
		"Gut zu wissen":           "- Gebühr: keine für den Verlierer\n- Abholung: mit Ausweis",
		"Ansprechpartner":         "- Erika Beispiel, fund@beispiel.example, 0999 123-45",
	} {
		if got[h] != want {
			t.Errorf("section %q holds %q, want %q (all: %q)", h, got[h], want, got)
		}
	}
	var all strings.Builder
	for h, s := range got {
		all.WriteString(h + "\n" + s + "\n")
	}
	for _, left := range []string{"Inhalte werden geladen", "JavaScript", "Suchmaschinentext", "Rathausmenü", "HeroBlock", "/media", "9f2c1e3a", "2026-10-01", "abcDEF123", "Ein Fahrrad"} {
		if strings.Contains(all.String(), left) {
			t.Errorf("%q is read as text: %q", left, got)
		}
	}

	// A page with text of its own is read as it shows itself.
	title, got = htmlSections(t, `<html><head><title>Fundbüro</title></head><body><main><h1>Fundbüro</h1>
<p>Das Fundbüro nimmt Fundsachen an und gibt sie ihren Eigentümern zurück, wenn sie sich mit einem Ausweis melden.</p>
<p>Fundsachen bewahren wir sechs Monate auf; danach gehen sie an den Finder.</p></main>`+island+`</body></html>`)
	if title != "Fundbüro" || got["Fahrräder"] != "" {
		t.Errorf("a page with visible text read from its JSON: title %q, sections %q", title, got)
	}
}
