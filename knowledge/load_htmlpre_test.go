// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestHTMLProsePre checks that a notice pasted into a <pre> is read as
// plain text — its centred head line the title in place of the list's
// <title>, the letterhead above it and the dated meta line before the
// block dropped as the notice's head, hard-wrapped lines joined into
// paragraphs, words cut at a line's end whole again, items kept apart —
// that a link back to the list is dropped, and that a <pre> of code
// stays as written.
func TestHTMLProsePre(t *testing.T) {
	title, got := htmlSections(t, `<html><head><title>Alle Meldungen | Beispielort</title></head><body><main>
<div class="meta">01.04.2031 · Bekanntgabe</div>
<pre>
                 GEMEINDE BEISPIELORT

        Aufruf zur Teilnahme am Frühjahrsputz

Am Samstag sammeln alle Freiwilligen im ganzen Ort den Müll auf
und bringen ihn zum Bauhof. Handschuhe und Säcke stellt die Gemein-
de bereit. Treffpunkt ist um neun Uhr am Brunnen vor der Kirche.

Zeit:   Samstag, 5. April, 9 Uhr
  1. Einteilung der Gruppen nach Straßen und Wegen im ganzen Ort,
     jeweils mit einer Leitung
  2. Gemeinsames Essen

Wer mitmachen will, meldet sich bis Freitag im Rathaus an. Danke.
</pre>
<p><a href="/meldungen">« Zurück zur Übersicht</a></p>
<pre>
if (x &lt; 3) { y = f(x); } // noch keine Prosa, auch wenn hier viele
Wörter stehen, die fast wie ein Satz aussehen. So ist es eben.
for i in a b c; do echo "$i"; done # mehr Wörter für die Zählung hier
und dort und da. Ende.
</pre>
</main></body></html>`)
	if title != "Aufruf zur Teilnahme am Frühjahrsputz" {
		t.Errorf("title %q", title)
	}
	want := "Am Samstag sammeln alle Freiwilligen im ganzen Ort den Müll auf und bringen ihn zum Bauhof. Handschuhe und Säcke stellt die Gemeinde bereit. Treffpunkt ist um neun Uhr am Brunnen vor der Kirche.\n\n" +
		"Zeit: Samstag, 5. April, 9 Uhr\n" +
		"1. Einteilung der Gruppen nach Straßen und Wegen im ganzen Ort, jeweils mit einer Leitung\n" +
		"2. Gemeinsames Essen\n\n" +
		"Wer mitmachen will, meldet sich bis Freitag im Rathaus an. Danke.\n" +
		"if (x < 3) { y = f(x); } // noch keine Prosa"
	if !strings.HasPrefix(got[""], want) {
		t.Errorf("text %q, want it to start with %q", got[""], want)
	}
	if !strings.Contains(got[""], "\nWörter stehen, die fast") {
		t.Errorf("code joined: %q", got[""])
	}
	for _, no := range []string{"Zurück", "GEMEINDE", "Bekanntgabe"} {
		if strings.Contains(got[""], no) {
			t.Errorf("%q read: %q", no, got[""])
		}
	}
}
