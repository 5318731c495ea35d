// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/musterstadt/lotse/knowledge"
)

// The PDF and DOCX files of the fictional towns' test corpora
// (evals/corpora/*) are written from texts kept in Go files, so that they
// can be read, reviewed and changed like the Markdown, HTML and text pages
// beside them. Each town lists its files as corpusBinary values and checks
// them with checkCorpusBinaries.

// corpusBinary is one generated file of a corpus.
type corpusBinary struct {
	path  string // slash-separated, relative to the corpus root
	build func() ([]byte, error)
}

// checkCorpusBinaries fails when a committed file under root differs from
// what its text produces; with update it rewrites the files instead.
// flagName names the update flag in the failure message.
func checkCorpusBinaries(t *testing.T, root string, bins []corpusBinary, update bool, flagName string) {
	t.Helper()
	for _, b := range bins {
		want, err := b.build()
		if err != nil {
			t.Fatalf("%s: %v", b.path, err)
		}
		p := filepath.Join(root, filepath.FromSlash(b.path))
		if update {
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("%v (write it with -%s)", err, flagName)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from its text; rewrite it with go test ./evals -run %s -%s", p, t.Name(), flagName)
		}
	}
}

// corpusPDF lays text out on A4 pages in Helvetica, as a word processor's PDF
// export would: paragraphs (separated by blank lines) wrapped at a fixed
// width, one text object per line, a footer with the page number. A line
// that starts with "§" or "#" is a heading and stands alone ("#" is dropped).
func corpusPDF(title, footer, producer, text string) ([]byte, error) {
	const (
		width   = 92 // characters per line
		top     = 800
		bottom  = 70
		leading = 13
	)
	var lines []string
	for _, para := range strings.Split(strings.TrimSpace(text), "\n\n") {
		para = strings.TrimSpace(para)
		switch {
		case strings.HasPrefix(para, "#"):
			lines = append(lines, "", strings.TrimSpace(strings.TrimLeft(para, "#")))
		case strings.HasPrefix(para, "§"):
			lines = append(lines, "", para)
		default:
			// A paragraph's own line breaks (list items) are kept.
			for _, l := range strings.Split(para, "\n") {
				lines = append(lines, wrapLine(strings.TrimSpace(l), width)...)
			}
		}
	}
	var pages [][]string
	var cur []string
	y := top
	for _, l := range lines {
		if y < bottom {
			pages, cur, y = append(pages, cur), nil, top
			if l == "" {
				continue
			}
		}
		cur = append(cur, l)
		y -= leading
	}
	pages = append(pages, cur)

	var objs []string
	objs = append(objs, "<< /Type /Catalog /Pages 2 0 R >>")
	kids := make([]string, len(pages))
	for i := range pages {
		kids[i] = fmt.Sprintf("%d 0 R", 4+2*i)
	}
	objs = append(objs, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages)))
	objs = append(objs, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	for i, pg := range pages {
		var c strings.Builder
		y := top
		for _, l := range pg {
			if l != "" {
				s, err := pdfLiteral(l)
				if err != nil {
					return nil, err
				}
				fmt.Fprintf(&c, "BT /F1 10 Tf 60 %d Td %s Tj ET\n", y, s)
			}
			y -= leading
		}
		s, err := pdfLiteral(fmt.Sprintf("%s – Seite %d von %d", footer, i+1, len(pages)))
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&c, "BT /F1 8 Tf 60 40 Td %s Tj ET\n", s)
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 5+2*i))
		objs = append(objs, fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", c.Len(), c.String()))
	}
	return assemblePDF(objs, title, producer)
}

// assemblePDF writes the objects objs (catalog first), an info dictionary
// with title and producer, the cross-reference table and the trailer.
func assemblePDF(objs []string, title, producer string) ([]byte, error) {
	t, err := pdfLiteral(title)
	if err != nil {
		return nil, err
	}
	p, err := pdfLiteral(producer)
	if err != nil {
		return nil, err
	}
	objs = append(objs, fmt.Sprintf("<< /Title %s /Producer %s >>", t, p))
	return writePDF("%PDF-1.4\n", objs), nil
}

// writePDF writes a PDF file of the header line(s) and the objects objs
// (the catalog first, the info dictionary last), with its cross-reference
// table and trailer.
func writePDF(header string, objs []string) []byte {
	var buf bytes.Buffer
	buf.WriteString(header)
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = buf.Len()
		fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := buf.Len()
	fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&buf, "trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, len(objs), xref)
	return buf.Bytes()
}

// wrapLine breaks s at spaces into lines of at most width characters.
func wrapLine(s string, width int) []string {
	var out []string
	var cur []string
	n := 0
	for _, w := range strings.Fields(s) {
		l := len([]rune(w))
		if n > 0 && n+1+l > width {
			out = append(out, strings.Join(cur, " "))
			cur, n = nil, 0
		}
		if n > 0 {
			n++
		}
		cur = append(cur, w)
		n += l
	}
	if len(cur) > 0 {
		out = append(out, strings.Join(cur, " "))
	}
	return out
}

// winAnsi holds the characters of WinAnsiEncoding outside Latin-1 that the
// texts use.
var winAnsi = map[rune]byte{'€': 0x80, '„': 0x84, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97}

// pdfLiteral escapes s as a PDF string in WinAnsiEncoding.
func pdfLiteral(s string) (string, error) {
	var b strings.Builder
	b.WriteByte('(')
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 128:
			b.WriteRune(r)
		case r < 256:
			fmt.Fprintf(&b, "\\%03o", r)
		default:
			c, ok := winAnsi[r]
			if !ok {
				return "", fmt.Errorf("character %q has no WinAnsi code", r)
			}
			fmt.Fprintf(&b, "\\%03o", c)
		}
	}
	b.WriteByte(')')
	return b.String(), nil
}

// corpusDOCX writes a Word document whose author is creator. Each line of text is a paragraph: "T "
// the title, "# " and "## " headings, "B " body text set in bold with no
// style (as editors mark a title or a section by hand), "- " a list item,
// "N " a paragraph numbered by Word's list numbering (1., 2., … through
// the document; the number is not in the paragraph's text but in
// word/numbering.xml, written only when a paragraph uses it), "NN " a
// paragraph on the list's second level (a), b), …, restarting under each
// "N "), "#N " a Heading 1 numbered by a list of its own (1, 2, …, the
// number again only in word/numbering.xml), "| a | b |" a table row
// (consecutive rows form one table), anything else body text.
func corpusDOCX(title, creator, modified, text string) ([]byte, error) {
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	para := func(style, s string) string {
		ppr := ""
		if style != "" {
			ppr = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
		}
		return `<w:p>` + ppr + `<w:r><w:t xml:space="preserve">` + html.EscapeString(s) + `</w:t></w:r></w:p>`
	}
	bold := func(s string) string {
		return `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">` + html.EscapeString(s) + `</w:t></w:r></w:p>`
	}
	numbered := func(s string) string {
		return `<w:p><w:pPr><w:pStyle w:val="Listenabsatz"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">` + html.EscapeString(s) + `</w:t></w:r></w:p>`
	}
	nested := func(s string) string {
		return `<w:p><w:pPr><w:pStyle w:val="Listenabsatz"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">` + html.EscapeString(s) + `</w:t></w:r></w:p>`
	}
	numberedHeading := func(s string) string {
		return `<w:p><w:pPr><w:pStyle w:val="berschrift1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">` + html.EscapeString(s) + `</w:t></w:r></w:p>`
	}
	var body strings.Builder
	var rows []string
	numbering, secondLevel, headingNumbers := false, false, false
	endTable := func() {
		if len(rows) == 0 {
			return
		}
		body.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="Tabellenraster"/></w:tblPr>`)
		for _, r := range rows {
			body.WriteString(`<w:tr>`)
			for _, cell := range strings.Split(strings.Trim(r, "|"), "|") {
				body.WriteString(`<w:tc>` + para("", strings.TrimSpace(cell)) + `</w:tc>`)
			}
			body.WriteString(`</w:tr>`)
		}
		body.WriteString(`</w:tbl>`)
		rows = nil
	}
	for _, l := range strings.Split(strings.TrimSpace(text), "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "|") {
			rows = append(rows, l)
			continue
		}
		endTable()
		switch {
		case l == "":
		case strings.HasPrefix(l, "T "):
			body.WriteString(para("Titel", l[2:]))
		case strings.HasPrefix(l, "#N "):
			body.WriteString(numberedHeading(l[3:]))
			numbering, headingNumbers = true, true
		case strings.HasPrefix(l, "NN "):
			body.WriteString(nested(l[3:]))
			numbering, secondLevel = true, true
		case strings.HasPrefix(l, "B "):
			body.WriteString(bold(l[2:]))
		case strings.HasPrefix(l, "## "):
			body.WriteString(para("berschrift2", l[3:]))
		case strings.HasPrefix(l, "# "):
			body.WriteString(para("berschrift1", l[2:]))
		case strings.HasPrefix(l, "- "):
			body.WriteString(para("Listenabsatz", l[2:]))
		case strings.HasPrefix(l, "N "):
			body.WriteString(numbered(l[2:]))
			numbering = true
		default:
			body.WriteString(para("", l))
		}
	}
	endTable()
	files := []struct{ name, data string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`},
		{"docProps/core.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>` + html.EscapeString(title) + `</dc:title><dc:creator>` + html.EscapeString(creator) + `</dc:creator><dcterms:modified xsi:type="dcterms:W3CDTF">` + modified + `</dcterms:modified></cp:coreProperties>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ` + ns + `><w:body>` + body.String() + `</w:body></w:document>`},
		{"word/styles.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ` + ns + `><w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style><w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/></w:style><w:style w:type="paragraph" w:styleId="Listenabsatz"><w:name w:val="List Paragraph"/></w:style><w:style w:type="table" w:styleId="Tabellenraster"><w:name w:val="Table Grid"/></w:style></w:styles>`},
	}
	if numbering {
		files[0].data = strings.Replace(files[0].data, `</Types>`, `<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`, 1)
		files = append(files,
			struct{ name, data string }{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`},
			struct{ name, data string }{"word/numbering.xml", numberingXML(ns, secondLevel, headingNumbers)},
		)
	}
	return zipParts(files)
}

// numberingXML is word/numbering.xml for corpusDOCX: the list of "N "
// paragraphs (decimal, "1."), with a second level ("a)") when nested, and
// a list of its own for numbered headings ("1") when headings.
func numberingXML(ns string, nested, headings bool) string {
	lvl2 := ""
	if nested {
		lvl2 = `<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/><w:lvlJc w:val="left"/></w:lvl>`
	}
	abstract, nums := "", ""
	if headings {
		abstract = `<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="berschrift1"/><w:lvlText w:val="%1"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>`
		nums = `<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`
	}
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ` + ns + `><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl>` + lvl2 + `</w:abstractNum>` + abstract + `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` + nums + `</w:numbering>`
}

// corpusPPTX writes a presentation whose author is creator, one slide per
// element of slides: the first line of an element is the slide's title
// (in a title placeholder), each further line a paragraph of a text box.
func corpusPPTX(title, creator, modified string, slides []string) ([]byte, error) {
	const ns = `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"`
	shape := func(id int, name, ph string, paras []string) string {
		var b strings.Builder
		b.WriteString(fmt.Sprintf(`<p:sp><p:nvSpPr><p:cNvPr id="%d" name="%s"/><p:cNvSpPr/><p:nvPr>%s</p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/>`, id, name, ph))
		for _, p := range paras {
			b.WriteString(`<a:p><a:r><a:rPr lang="de-DE"/><a:t>` + html.EscapeString(p) + `</a:t></a:r></a:p>`)
		}
		b.WriteString(`</p:txBody></p:sp>`)
		return b.String()
	}
	files := []struct{ name, data string }{
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="ppt/presentation.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`},
		{"docProps/core.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>` + html.EscapeString(title) + `</dc:title><dc:creator>` + html.EscapeString(creator) + `</dc:creator><dcterms:modified xsi:type="dcterms:W3CDTF">` + modified + `</dcterms:modified></cp:coreProperties>`},
	}
	var types, ids, rels strings.Builder
	for i, s := range slides {
		n := i + 1
		lines := strings.Split(strings.TrimSpace(s), "\n")
		body := shape(2, "Titel 1", `<p:ph type="title"/>`, lines[:1]) + shape(3, "Textplatzhalter 2", `<p:ph idx="1"/>`, lines[1:])
		files = append(files, struct{ name, data string }{fmt.Sprintf("ppt/slides/slide%d.xml", n), `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<p:sld ` + ns + `><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>` + body + `</p:spTree></p:cSld></p:sld>`})
		types.WriteString(fmt.Sprintf(`<Override PartName="/ppt/slides/slide%d.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slide+xml"/>`, n))
		ids.WriteString(fmt.Sprintf(`<p:sldId id="%d" r:id="rId%d"/>`, 255+n, n))
		rels.WriteString(fmt.Sprintf(`<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide" Target="slides/slide%d.xml"/>`, n, n))
	}
	files = append(files,
		struct{ name, data string }{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` + types.String() + `</Types>`},
		struct{ name, data string }{"ppt/presentation.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<p:presentation ` + ns + `><p:sldIdLst>` + ids.String() + `</p:sldIdLst><p:sldSz cx="12192000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>`},
		struct{ name, data string }{"ppt/_rels/presentation.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() + `</Relationships>`},
	)
	return zipParts(files)
}

// zipParts packs the parts of an Office file into a ZIP archive with a
// fixed time stamp, so that the bytes are reproducible.
func zipParts(files []struct{ name, data string }) ([]byte, error) {
	return zipArchive(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), "", files)
}

// odfPackage packs an OpenDocument file: its "mimetype" entry stored
// first, as the format requires, then the parts, all with the time stamp.
func odfPackage(mediaType string, stamp time.Time, files []struct{ name, data string }) ([]byte, error) {
	return zipArchive(stamp, mediaType, files)
}

// zipArchive packs files deflated with the time stamp, after a stored
// "mimetype" entry holding mimetype unless it is "".
func zipArchive(stamp time.Time, mimetype string, files []struct{ name, data string }) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	if mimetype != "" {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store, Modified: stamp})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(mimetype)); err != nil {
			return nil, err
		}
	}
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(f.data)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// logLoaded logs what the loaders made of a town's files, for its README:
// each document's title and headings, the marks of its source layout
// still in the loaded text, a control character left by a wrong
// encoding, and with -v every section's text.
func logLoaded(t *testing.T, docs []knowledge.Document, marks []string) {
	t.Helper()
	for _, d := range docs {
		text := docText(d)
		var heads []string
		for _, s := range d.Sections {
			heads = append(heads, s.Heading)
		}
		t.Logf("%s (%s, %s): title %q, sections %q", d.ID, d.Format, d.Kind, d.Title, heads)
		for _, s := range marks {
			if strings.Contains(text, s) {
				t.Logf("%s: %q is in the loaded text", d.ID, s)
			}
		}
		for _, r := range text {
			if r >= 0x80 && r < 0xA0 || r == utf8.RuneError || r == 0 {
				t.Logf("%s: control character %U in the loaded text (encoding)", d.ID, r)
				break
			}
		}
		if testing.Verbose() {
			for _, s := range d.Sections {
				t.Logf("%s › %q:\n%s", d.ID, s.Heading, s.Text)
			}
		}
	}
}
