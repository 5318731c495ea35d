// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestEPUB checks that an EPUB book is read from its package: dc:title
// the title, the spine's chapters in the spine's order (not the
// manifest's), a chapter's <h1> a section with its <h2>s below, an
// <aside> box as text; the navigation document and the NCX not read.
func TestEPUB(t *testing.T) {
	chapter := func(h1, h2, body string) string {
		return `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>` + h1 +
			`</title></head><body><section><h1>` + h1 + `</h1><h2>` + h2 + `</h2><p>` + body + `</p></section></body></html>`
	}
	data := zipOf(t,
		"mimetype", "application/epub+zip",
		"META-INF/container.xml", `<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="BUCH/paket.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`,
		"BUCH/paket.opf", `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Ratgeber für Vereine</dc:title><dc:identifier>urn:uuid:0000</dc:identifier></metadata>
<manifest><item id="inhalt" href="inhalt.xhtml" media-type="application/xhtml+xml" properties="nav"/><item id="b" href="k/zwei.xhtml" media-type="application/xhtml+xml"/><item id="a" href="k/eins.xhtml" media-type="application/xhtml+xml"/><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/></manifest>
<spine toc="ncx"><itemref idref="inhalt"/><itemref idref="a"/><itemref idref="b"/></spine></package>`,
		"BUCH/inhalt.xhtml", `<html xmlns="http://www.w3.org/1999/xhtml"><body><nav><ol><li><a href="k/eins.xhtml">Inhaltsverzeichnis Gründung</a></li></ol></nav></body></html>`,
		"BUCH/toc.ncx", `<ncx><navMap><navPoint><navLabel><text>NCX-Eintrag</text></navLabel></navPoint></navMap></ncx>`,
		"BUCH/k/eins.xhtml", strings.Replace(chapter("Gründung", "Satzung", "Sieben Mitglieder unterschreiben die Satzung."), "</section>", `<aside><p>Tipp: Eine Mustersatzung gibt es beim Amtsgericht.</p></aside></section>`, 1),
		"BUCH/k/zwei.xhtml", chapter("Zuschüsse", "Antrag", "Den Zuschuss beantragen Sie bis zum 31. März."),
	)
	pd, err := parseEPUB(data, newBudget(Limits{}, nil))
	if err != nil {
		t.Fatal(err)
	}
	if pd.title != "Ratgeber für Vereine" {
		t.Errorf("title %q", pd.title)
	}
	var heads []string
	var all strings.Builder
	for _, s := range pd.sections {
		if s.Text == "" {
			continue // a heading with subsections only
		}
		heads = append(heads, s.Heading)
		all.WriteString(s.Heading + "\n" + s.Text + "\n")
	}
	if got, want := strings.Join(heads, " | "), "Gründung › Satzung | Zuschüsse › Antrag"; got != want {
		t.Errorf("sections %q, want %q", got, want)
	}
	if !strings.Contains(all.String(), "Tipp: Eine Mustersatzung") {
		t.Errorf("the aside box is lost: %q", all.String())
	}
	for _, left := range []string{"Inhaltsverzeichnis", "NCX-Eintrag", "urn:uuid"} {
		if strings.Contains(all.String(), left) {
			t.Errorf("%q is read as text: %q", left, all.String())
		}
	}
}
