// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"time"
)

// A flat OpenDocument file (.fodt, .fods, .fodp, as LibreOffice saves
// "Flat XML") is the package's meta.xml, styles.xml and content.xml in
// one XML document, office:document, its office:mimetype naming the
// kind. It is read by the rules of its kind's packaged loader; the page
// header and footer of its master styles are left out, as they are of a
// package, whose styles.xml is not read.

// maxFlatODFBytes bounds a flat OpenDocument file.
const maxFlatODFBytes = 32 << 20

// parseFlatODF reads a flat OpenDocument text, spreadsheet or
// presentation.
func parseFlatODF(data []byte) (parsedDoc, error) {
	if len(data) > maxFlatODFBytes {
		return parsedDoc{}, fileErrorf(nil, "OpenDocument-Datei größer als %d Bytes", maxFlatODFBytes)
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	var root xml.StartElement
	for {
		tok, err := dec.Token()
		if err != nil {
			return parsedDoc{}, fileErrorf(err, "keine flache OpenDocument-Datei")
		}
		if t, ok := tok.(xml.StartElement); ok {
			root = t
			break
		}
	}
	if root.Name.Local != "document" {
		return parsedDoc{}, fileErrorf(nil, "keine flache OpenDocument-Datei (Wurzel %s statt office:document)", root.Name.Local)
	}
	title, updated := flatODFMeta(data)
	mt := xmlAttr(root, "mimetype")
	switch {
	case strings.HasSuffix(mt, ".text") || mt == "":
		return odtContent(data, title, updated)
	case strings.HasSuffix(mt, ".spreadsheet"):
		return odsContent(data, title, updated)
	case strings.HasSuffix(mt, ".presentation"):
		return odpContent(data, title, updated)
	}
	return parsedDoc{}, fileErrorf(nil, "OpenDocument-Art %q nicht unterstützt", mt)
}

// flatODFMeta reads the title and date of a flat OpenDocument file's
// office:meta, as odtMeta reads a package's meta.xml.
func flatODFMeta(data []byte) (title string, updated time.Time) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err == io.EOF || err != nil {
			return "", time.Time{}
		}
		t, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if t.Name.Local == "body" {
			return "", time.Time{} // no meta before the body
		}
		if t.Name.Local != "meta" {
			continue
		}
		var m struct {
			Title string `xml:"title"`
			Date  string `xml:"date"`
		}
		if dec.DecodeElement(&m, &t) != nil {
			return "", time.Time{}
		}
		d := strings.TrimSpace(m.Date)
		if len(d) > 19 {
			d = d[:19]
		}
		if tm, err := time.Parse("2006-01-02T15:04:05", d); err == nil {
			updated = tm
		}
		return strings.TrimSpace(m.Title), updated
	}
}
