// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// textFormats are the loaders that read a text file's characters
// themselves (not an archive's or a PDF's): their files may be saved in
// any Unicode encoding.
var textFormats = map[string]bool{"md": true, "txt": true, "html": true, "csv": true, "json": true, "ics": true, "adoc": true, "mdx": true, "aspx": true, "rst": true, "vcf": true, "yaml": true}

// unicodeText returns the bytes of a text file as UTF-8 when the file
// says it is Unicode by a byte order mark, as Windows editors save
// "Unicode" (UTF-16 little endian, FF FE) and "UTF-8 with BOM" (EF BB
// BF): UTF-8 without its mark, UTF-16 and UTF-32 of either byte order
// decoded (an unpaired surrogate or a cut code unit becomes U+FFFD). A
// text in UTF-16 without a mark is recognised by its zero bytes, which
// stand in every other place while the text is Latin script. Any other
// file is returned as it is, for the loader to check (a binary file's
// NUL bytes) and decode (Windows-1252).
func unicodeText(data []byte) []byte {
	var enc encoding.Encoding
	n := 0
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}):
		enc, n = utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM), 4
	case bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}):
		enc, n = utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM), 4
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		enc, n = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), 2
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		enc, n = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), 2
	default:
		switch utf16Unmarked(data) {
		case 1:
			enc = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
		case 2:
			enc = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
		default:
			return data
		}
	}
	out, err := enc.NewDecoder().Bytes(data[n:])
	if err != nil {
		// The decoders replace what they cannot read; an error is no
		// Unicode text after all.
		return data
	}
	return out
}

// utf16Unmarked recognises UTF-16 without a byte order mark by its
// first code units (up to 512): at least 8 of them, nine in ten a
// Latin-1 character other than NUL, its zero byte second (little
// endian, 1) or first (big endian, 2); 0 for anything else. A binary
// file's zero bytes do not keep to every other place.
func utf16Unmarked(data []byte) int {
	n := min(len(data), 1024) / 2
	if n < 8 || len(data)%2 != 0 {
		return 0
	}
	le, be := 0, 0
	for i := range n {
		lo, hi := data[2*i], data[2*i+1]
		switch {
		case hi == 0 && lo != 0:
			le++
		case lo == 0 && hi != 0:
			be++
		}
	}
	switch {
	case le*10 >= n*9:
		return 1
	case be*10 >= n*9:
		return 2
	}
	return 0
}
