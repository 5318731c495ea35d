// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestHTMLCMSChrome checks that a MediaWiki page's edit links, site
// notice, "Aus …" line and "Abgerufen von …" footer and a Joomla
// article's info block and unrendered plugin tags are no text.
func TestHTMLCMSChrome(t *testing.T) {
	title, got := htmlSections(t, `<html><body><div id="content">
<div id="siteNotice"><p>Wartungsfenster heute Abend.</p></div>
<h1>Beispielregel</h1><div id="bodyContent"><div id="siteSub">Aus Beispielwiki</div>
<div class="mw-parser-output"><p>Erster Absatz.</p>
<h2><span class="mw-headline">Ablauf</span><span class="mw-editsection"><span>[</span><a href="?action=edit">Bearbeiten</a><span>]</span></span></h2>
<p>Zweiter Absatz.</p>
<dl class="article-info text-muted"><dt>Details</dt><dd>Geschrieben von: Redaktion</dd><dd>Zugriffe: 7</dd></dl>
<p>{loadmoduleid 12}</p><p>Dritter {loadposition seite} Absatz.</p></div>
<div class="printfooter">Abgerufen von „https://wiki.example/x“</div></div></div></body></html>`)
	if title != "Beispielregel" {
		t.Errorf("title %q", title)
	}
	for h, want := range map[string]string{
		"":       "Erster Absatz.",
		"Ablauf": "Zweiter Absatz.\nDritter  Absatz.",
	} {
		if got[h] != want {
			t.Errorf("section %q holds %q, want %q (all: %q)", h, got[h], want, got)
		}
	}
	for h, s := range got {
		for _, no := range []string{"Bearbeiten", "Wartung", "Aus Beispielwiki", "Abgerufen", "Zugriffe", "{load"} {
			if strings.Contains(h+s, no) {
				t.Errorf("%q read: %q %q", no, h, s)
			}
		}
	}
}
