// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
	"unicode/utf16"
)

// utf16Bytes encodes s as UTF-16 of the given byte order, with a byte
// order mark when bom is set.
func utf16Bytes(s string, bigEndian, bom bool) []byte {
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	var b []byte
	for _, u := range units {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

// TestUnicodeTextFiles checks that a text saved as "Unicode" (UTF-16
// with a byte order mark, as Notepad saves it), as UTF-16 big endian, as
// UTF-16 without a mark or as UTF-8 with a mark is read as any other
// text: its first line the title, the mark no character of it; a page in
// UTF-16 too. A binary file stays one.
func TestUnicodeTextFiles(t *testing.T) {
	const notice = "Aufruf an die Beispielhelfer\r\n\r\nGesucht werden Helferinnen für den Musterlauf am 3. März.\r\nDas Erfrischungsgeld beträgt 25 € je Einsatz.\r\n"
	for name, data := range map[string][]byte{
		"utf-16le bom": utf16Bytes(notice, false, true),
		"utf-16be bom": utf16Bytes(notice, true, true),
		"utf-16le":     utf16Bytes(notice, false, false),
		"utf-8 bom":    append([]byte("\xef\xbb\xbf"), notice...),
	} {
		docs, _, err := parseFile("txt", data, newBudget(Limits{}, nil))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		pd := docs[0]
		if pd.title != "Aufruf an die Beispielhelfer" {
			t.Errorf("%s: title %q", name, pd.title)
		}
		var text string
		for _, s := range pd.sections {
			text += s.Text
		}
		if !strings.Contains(text, "Das Erfrischungsgeld beträgt 25 € je Einsatz.") || strings.ContainsAny(text, "\x00\ufeff") {
			t.Errorf("%s: text %q", name, text)
		}
	}
	page := utf16Bytes(`<html><head><meta charset="utf-16"></head><body><h1>Beispielseite</h1><p>Gebühr 5 €</p></body></html>`, false, true)
	docs, _, err := parseFile("html", page, newBudget(Limits{}, nil))
	if err != nil {
		t.Fatal(err)
	}
	if docs[0].title != "Beispielseite" || docs[0].sections[0].Text != "Gebühr 5 €" {
		t.Errorf("page: %q %q", docs[0].title, docs[0].sections)
	}
	if _, _, err := parseFile("txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x01\x00"), newBudget(Limits{}, nil)); err == nil {
		t.Error("a binary file was read as text")
	}
}
