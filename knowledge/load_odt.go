// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/musterstadt/lotse/knowledge/german"
)

// odtSkipped are the elements of an OpenDocument text whose content is
// no text of the document: comments, tracked deletions, footnotes (their
// body would break the paragraph they stand in), a generated table of
// contents or index (it repeats the headings), forms and declarations.
var odtSkipped = map[string]bool{
	"annotation": true, "tracked-changes": true, "note": true, "table-of-content": true,
	"alphabetical-index": true, "illustration-index": true, "table-index": true, "bibliography": true,
	"sequence-decls": true, "variable-decls": true, "user-field-decls": true, "forms": true,
	// A flat file's parts beside its content: the page's header and
	// footer, settings, scripts.
	"master-styles": true, "settings": true, "scripts": true, "font-face-decls": true,
}

// maxODTSpaces bounds the blanks one <text:s text:c="…"/> may stand for.
const maxODTSpaces = 64

// parseODT reads an OpenDocument text (LibreOffice Writer's .odt) as
// parseDOCX reads a Word file, through the same bounded archive: the
// paragraphs of content.xml in order; a heading (text:h) opens a section
// at its outline level; a list item is a line starting with "- "; a
// table row a line of a Markdown table, the first row its head. The
// title is a paragraph styled "Title" (also through an automatic style
// based on it), else the only level-1 heading when it stands first, else
// the title of meta.xml; meta.xml's date is the document's. Comments,
// footnotes, tracked deletions and a generated table of contents are
// left out.
func parseODT(data []byte, b *budget) (parsedDoc, error) {
	content, metaTitle, updated, err := openODF(data, b, "kein OpenDocument-Text: content.xml fehlt")
	if err != nil {
		return parsedDoc{}, err
	}
	return odtContent(content, metaTitle, updated)
}

// odtContent reads an OpenDocument text's content (content.xml, or a
// flat file's office:document) as parseODT describes.
func odtContent(content []byte, metaTitle string, updated time.Time) (parsedDoc, error) {
	var pd parsedDoc
	pd.updated = updated

	var (
		parents = map[string]string{} // automatic style → the style it is based on
		doc     docOutline
		para    strings.Builder
		inPara  int    // depth of the paragraphs (text:p, text:h) being read
		heading = -1   // the outline level of the text:h being read
		pStyle  string // the style of the paragraph being read
		skip    int    // depth inside skipped elements
		items   int    // depth of the list items being read
		tables  int    // depth of the tables being read
		cell    []string
		row     []string
		rows    int
		paras   int    // paragraphs with text so far
		firstH1 string // the first paragraph, when a level-1 heading
		h1s     int
	)
	isTitle := func(style string) bool {
		for range 8 {
			if strings.EqualFold(style, "Title") {
				return true
			}
			p, ok := parents[style]
			if !ok {
				return false
			}
			style = p
		}
		return false
	}
	endPara := func() {
		text := strings.TrimSpace(para.String())
		para.Reset()
		lvl, style := heading, pStyle
		heading, pStyle = -1, ""
		if text == "" {
			return
		}
		paras++
		switch {
		case tables > 0:
			cell = append(cell, text)
		case isTitle(style) && pd.title == "":
			pd.title = text
		case lvl > 0:
			if lvl == 1 {
				if h1s++; paras == 1 {
					firstH1 = text
				}
			}
			doc.heading(min(lvl, 6), text)
		case items > 0:
			doc.line("- " + text)
		default:
			doc.line(text)
		}
	}
	dec := xml.NewDecoder(bytes.NewReader(content))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return pd, fileErrorf(err, "OpenDocument-Text beschädigt")
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 || odtSkipped[t.Name.Local] {
				skip++
				continue
			}
			switch t.Name.Local {
			case "style":
				if p := xmlAttr(t, "parent-style-name"); p != "" {
					parents[xmlAttr(t, "name")] = p
				}
			case "p", "h":
				if inPara == 0 {
					pStyle = xmlAttr(t, "style-name")
					if t.Name.Local == "h" {
						heading = 1
						if n, err := strconv.Atoi(xmlAttr(t, "outline-level")); err == nil && n > 0 {
							heading = n
						}
					}
				} else {
					para.WriteByte(' ')
				}
				inPara++
			case "s":
				n, err := strconv.Atoi(xmlAttr(t, "c"))
				if err != nil || n < 1 {
					n = 1
				}
				para.WriteString(strings.Repeat(" ", min(n, maxODTSpaces)))
			case "tab":
				para.WriteByte('\t')
			case "line-break":
				para.WriteByte('\n')
			case "list-item", "list-header":
				items++
			case "table":
				if tables == 0 {
					rows = 0
				}
				tables++
			case "table-cell", "covered-table-cell":
				if tables == 1 {
					cell = nil
				}
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			switch t.Name.Local {
			case "p", "h":
				if inPara--; inPara == 0 {
					endPara()
				}
			case "list-item", "list-header":
				items--
			case "table-cell":
				if tables == 1 {
					row = append(row, strings.Join(cell, " "))
					cell = nil
				}
			case "table-row":
				if tables == 1 && len(row) > 0 {
					doc.tableRow(row, rows == 0)
					rows++
				}
				row = nil
			case "table":
				tables--
			}
		case xml.CharData:
			if inPara > 0 && skip == 0 {
				para.Write(bytes.ReplaceAll(bytes.ReplaceAll(t, []byte("\n"), []byte(" ")), []byte("\r"), nil))
			}
		}
	}
	pd.sections = doc.done()
	onlyHeading1Title(&pd, firstH1, h1s)
	if kindOnlyTitle(pd.title) && metaTitle != "" && metaTitle != pd.title {
		// A title paragraph that only names the kind of document
		// ("Öffentliche Bekanntmachung"): the file's title names the
		// document, the kind is its text's first line.
		if len(pd.sections) > 0 && pd.sections[0].Heading == "" {
			pd.sections[0].Text = pd.title + "\n" + pd.sections[0].Text
		} else {
			pd.sections = append([]Section{{Text: pd.title}}, pd.sections...)
		}
		pd.title = ""
	}
	if pd.title == "" {
		pd.title = metaTitle
	}
	return pd, nil
}

// kindAdjectives are the words (folded) that qualify a kind of document
// in a title that names nothing else: "Öffentliche Bekanntmachung".
var kindAdjectives = map[string]bool{
	"oeffentliche": true, "oeffentlicher": true, "amtliche": true, "amtlicher": true, "neue": true, "wichtige": true,
}

// kindOnlyTitle reports whether title names only a kind of document
// (documentTypes), at most with an adjective: "Öffentliche
// Bekanntmachung", "Merkblatt", not "Merkblatt Hundesteuer".
func kindOnlyTitle(title string) bool {
	ws := german.Words(title)
	if len(ws) == 0 || len(ws) > 3 {
		return false
	}
	for _, w := range ws {
		if kindAdjectives[w] {
			continue
		}
		if !slices.ContainsFunc(documentTypes, func(d string) bool { return strings.HasPrefix(w, d) }) {
			return false
		}
	}
	return true
}

// odtMeta reads the title and date of an OpenDocument file's meta.xml.
func odtMeta(zr *officeZip) (title string, updated time.Time) {
	b, err := readZipFile(zr, "meta.xml")
	if err != nil {
		return "", time.Time{}
	}
	var m struct {
		Meta struct {
			Title string `xml:"title"`
			Date  string `xml:"date"`
		} `xml:"meta"`
	}
	if xml.Unmarshal(b, &m) != nil {
		return "", time.Time{}
	}
	d := strings.TrimSpace(m.Meta.Date)
	if len(d) > 19 {
		d = d[:19] // fractions of a second and a zone
	}
	if t, err := time.Parse("2006-01-02T15:04:05", d); err == nil {
		updated = t
	}
	return strings.TrimSpace(m.Meta.Title), updated
}

// openODF opens an OpenDocument package: its content.xml, and the title
// and date of its meta.xml. A package without content.xml is the error
// missing (the budget's limit passes as it is).
func openODF(data []byte, b *budget, missing string) (content []byte, metaTitle string, updated time.Time, err error) {
	zr, err := openZip(data, b)
	if err != nil {
		return nil, "", time.Time{}, err
	}
	content, err = readZipFile(zr, "content.xml")
	if errors.Is(err, errUnpackLimit) {
		return nil, "", time.Time{}, err
	}
	if err != nil {
		return nil, "", time.Time{}, errors.New(missing)
	}
	metaTitle, updated = odtMeta(zr)
	return content, metaTitle, updated, nil
}
