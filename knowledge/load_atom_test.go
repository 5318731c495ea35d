// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// An Atom entry's XHTML content (type="xhtml", with or without a
// namespace prefix) is read as HTML content is, not dropped for the
// summary; escaped HTML content reads as before.
func TestAtomXHTMLContent(t *testing.T) {
	feed := `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:xhtml="http://www.w3.org/1999/xhtml">
  <title>Neuigkeiten</title>
  <entry>
    <title>Freibad öffnet</title><id>urn:a</id><updated>2026-05-01T08:00:00Z</updated>
    <summary>Das Freibad öffnet.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Das Freibad öffnet am 15. Mai.</p><ul><li>Kinder zahlen 2 Euro.</li></ul></div></content>
  </entry>
  <entry>
    <title>Markt verlegt</title><id>urn:b</id><updated>2026-05-02T08:00:00Z</updated>
    <summary>Kurz.</summary>
    <content type="xhtml"><xhtml:div><xhtml:p>Der Wochenmarkt steht am Rathaus.</xhtml:p></xhtml:div></content>
  </entry>
  <entry>
    <title>Alt</title><id>urn:c</id><updated>2026-05-03T08:00:00Z</updated>
    <content type="html">&lt;p&gt;Wie &lt;b&gt;bisher&lt;/b&gt;.&lt;/p&gt;</content>
  </entry>
</feed>`
	ds, err := parseFeed([]byte(feed))
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 3 {
		t.Fatalf("%d entries", len(ds))
	}
	for i, want := range []string{"Das Freibad öffnet am 15. Mai.\n- Kinder zahlen 2 Euro.", "Der Wochenmarkt steht am Rathaus.", "Wie bisher."} {
		got := ds[i].sections[0].Text
		if got != want {
			t.Errorf("entry %d: %q, want %q", i+1, got, want)
		}
		if strings.Contains(got, "<") {
			t.Errorf("entry %d: markup in %q", i+1, got)
		}
	}
}
