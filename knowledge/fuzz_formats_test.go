// SPDX-License-Identifier: EUPL-1.2

package knowledge_test

import "testing"

// Fuzz targets of the formats added for the fifteenth town's exports:
// YAML data files, web archives, flat OpenDocument files, MediaWiki
// exports, two-column text and Obsidian notes (see fuzz_test.go).

func FuzzLoadYAML(f *testing.F) {
	f.Add([]byte("titel: Fragen\neinleitung: >-\n  Lead\nkategorien:\n  - name: A\n    fragen:\n      - frage: F?\n        antwort: |\n          A.\n        tags: [x]\n"))
	f.Add([]byte("a: &a [x, x]\nb: [*a, *a]\ntitel: T\n"))
	f.Add([]byte("- title: A\n  text: B\n- {title: C}\n"))
	f.Add([]byte("? [a]\n: b\n"))
	f.Fuzz(func(t *testing.T, data []byte) { checkLoad(t, "doc.yml", "yaml", data) })
}

func FuzzLoadMHT(f *testing.F) {
	f.Add([]byte("From: <x>\r\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"b\"\r\nContent-Location: u\r\n\r\n--b\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: u\r\n\r\n<h1>T=C3=A4</h1><p>x=\r\ny</p>\r\n--b\r\nContent-Type: image/gif\r\nContent-Transfer-Encoding: base64\r\n\r\nR0lG\r\n--b--\r\n"))
	f.Add([]byte("Content-Type: text/html\r\n\r\n<p>a</p>"))
	f.Fuzz(func(t *testing.T, data []byte) { checkLoad(t, "doc.mht", "mht", data) })
}

func FuzzLoadFlatODF(f *testing.F) {
	f.Add([]byte(`<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:mimetype="application/vnd.oasis.opendocument.text"><office:meta><dc:title>T</dc:title></office:meta><office:body><office:text><text:h text:outline-level="1">H</text:h><text:p>A<text:s text:c="3"/>B<text:soft-page-break/>C</text:p></office:text></office:body></office:document>`))
	f.Add([]byte(`<office:document office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body><office:spreadsheet><table:table><table:table-row><table:table-cell/></table:table-row></table:table></office:spreadsheet></office:body></office:document>`))
	f.Fuzz(func(t *testing.T, data []byte) { checkLoad(t, "doc.fodt", "fodt", data) })
}

func FuzzLoadMediaWiki(f *testing.F) {
	f.Add([]byte(`<mediawiki><page><title>T</title><ns>0</ns><revision><text>{{Infobox|a=b}}
== H ==
# x '''y''' [[a|b]] {{T|z}}
{| 
! a !! b
|-
| c || d
|}
[[Kategorie:K]]</text></revision></page></mediawiki>`))
	f.Add([]byte(`<mediawiki><page><title>T</title><revision><text>{{{{{{</text></revision></page></mediawiki>`))
	f.Fuzz(func(t *testing.T, data []byte) { checkLoad(t, "doc.xml", "xml", data) })
}

func FuzzLoadTextColumns(f *testing.F) {
	f.Add([]byte("   Links eins zwei drei vier fünf        Rechts eins zwei drei vier fünf\n   Links sechs sieben acht neun          Rechts sechs sieben acht neun\n   Links zehn elf zwölf dreizehn         Rechts zehn elf zwölf dreizehn\n\f     Seite 2 von 2\n"))
	f.Fuzz(func(t *testing.T, data []byte) { checkLoad(t, "doc.txt", "txt", data) })
}

func FuzzLoadObsidian(f *testing.F) {
	f.Add([]byte("# T\n\n> [!info] A\n> b [[c|d]] ![[e]] %% f %% #g/h\n\n`#i` [[j#k]]\n"))
	f.Fuzz(func(t *testing.T, data []byte) { checkLoad(t, "doc.md", "md", data) })
}
