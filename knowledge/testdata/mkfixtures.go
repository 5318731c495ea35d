// SPDX-License-Identifier: EUPL-1.2

//go:build ignore

// mkfixtures writes the binary test fixtures (DOCX, PPTX, PDF and their
// broken variants) below testdata/stadt. Run it from the knowledge folder:
//
//	go run testdata/mkfixtures.go
package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	dir := filepath.Join("testdata", "stadt")
	write := func(name string, b []byte) {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			log.Fatal(err)
		}
	}
	write("leistungen/gewerbe-anmelden.docx", docx())
	write("intern/it/schulung-drucker.pptx", pptx())
	write("leistungen/hundesteuer.pdf", pdf())
	write("kaputt/kaputt.docx", []byte("PK\x03\x04 das ist kein vollständiges ZIP"))
	write("kaputt/verschluesselt.docx", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...))
	write("kaputt/kaputt.pptx", zipOf(map[string]string{"[Content_Types].xml": "<Types/>"}))
	write("kaputt/kaputt.pdf", []byte("%PDF-1.4\n1 0 obj << /Type /Catalog abgeschnitten"))
	write("kaputt/verschluesselt.pdf", encryptedPDF())
}

func zipOf(files map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range sortedKeys(files) {
		w, err := zw.Create(name)
		if err != nil {
			log.Fatal(err)
		}
		w.Write([]byte(files[name]))
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	return buf.Bytes()
}

func sortedKeys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	for i := range ks {
		for j := i + 1; j < len(ks); j++ {
			if ks[j] < ks[i] {
				ks[i], ks[j] = ks[j], ks[i]
			}
		}
	}
	return ks
}

func docx() []byte {
	para := func(style, text string) string {
		ppr := ""
		if style != "" {
			ppr = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
		}
		return `<w:p>` + ppr + `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
	}
	body := para("Titel", "Gewerbe anmelden") +
		para("", "Wer ein Gewerbe beginnt, muss es beim Gewerbeamt anmelden.") +
		para("berschrift1", "Benötigte Unterlagen") +
		para("", "Personalausweis oder Reisepass") +
		para("", "bei Handwerksbetrieben die Handwerkskarte") +
		para("berschrift1", "Gebühren") +
		para("", "Die Gewerbeanmeldung kostet 26 Euro.") +
		para("berschrift2", "Ermäßigung") +
		para("", "Für Nebenerwerb gelten 15 Euro.")
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`
	styles := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/></w:style>
</w:styles>`
	return zipOf(map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml":   doc,
		"word/styles.xml":     styles,
	})
}

func pptx() []byte {
	slide := func(title string, lines ...string) string {
		var body strings.Builder
		for _, l := range lines {
			body.WriteString(`<a:p><a:r><a:t>` + l + `</a:t></a:r></a:p>`)
		}
		return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<p:sld xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:cSld><p:spTree>
<p:sp><p:nvSpPr><p:cNvPr id="2" name="Titel"/><p:cNvSpPr/><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:txBody><a:p><a:r><a:t>` + title + `</a:t></a:r></a:p></p:txBody></p:sp>
<p:sp><p:nvSpPr><p:cNvPr id="3" name="Inhalt"/><p:cNvSpPr/><p:nvPr><p:ph idx="1"/></p:nvPr></p:nvSpPr><p:txBody>` + body.String() + `</p:txBody></p:sp>
</p:spTree></p:cSld></p:sld>`
	}
	return zipOf(map[string]string{
		"[Content_Types].xml":    `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"ppt/slides/slide1.xml":  slide("Druckerschulung"),
		"ppt/slides/slide2.xml":  slide("Papierstau beheben", "Klappe A öffnen", "Papier vorsichtig herausziehen"),
		"ppt/slides/slide10.xml": slide("Toner wechseln", "Tonerkartusche aus dem Lager Raum 0.12 holen"),
		"ppt/slides/slide3.xml":  slide("Netzwerkdrucker verbinden", "Druckerwarteschlange \\\\druck01 auswählen"),
	})
}

// pdfString escapes s as a PDF literal string in WinAnsi (Latin-1) bytes.
func pdfString(s string) string {
	var b strings.Builder
	b.WriteByte('(')
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 128:
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "\\%03o", r)
		}
	}
	b.WriteByte(')')
	return b.String()
}

func pdf() []byte {
	page := func(lines ...string) string {
		var c strings.Builder
		y := 780
		for _, l := range lines {
			fmt.Fprintf(&c, "BT /F1 12 Tf 72 %d Td %s Tj ET\n", y, pdfString(l))
			y -= 16
		}
		return c.String()
	}
	pages := []string{
		page("Hundesteuer", "Wer in Teststadt einen Hund hält, muss ihn anmelden und Hundesteuer zahlen."),
		page("Kosten:", "Für den ersten Hund 96 Euro im Jahr, für jeden weiteren 150 Euro.", "Fristen:", "Die Anmeldung muss binnen zwei Wochen erfolgen."),
	}
	var objs []string
	objs = append(objs, "<< /Type /Catalog /Pages 2 0 R >>")
	kids := ""
	for i := range pages {
		kids += fmt.Sprintf("%d 0 R ", 4+2*i)
	}
	objs = append(objs, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, len(pages)))
	objs = append(objs, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	for i, content := range pages {
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 5+2*i))
		objs = append(objs, fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(content), content))
	}
	objs = append(objs, "<< /Title (Hundesteuer) >>")
	var buf bytes.Buffer
	buf.WriteString("%PDF-1.4\n")
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

func encryptedPDF() []byte {
	var buf bytes.Buffer
	buf.WriteString("%PDF-1.4\n")
	xref := buf.Len()
	buf.WriteString("xref\n0 1\n0000000000 65535 f \n")
	fmt.Fprintf(&buf, "trailer\n<< /Size 1 /ID [(%s)] /Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /O (%s) /U (%s) /P 0 >> >>\n",
		strings.Repeat("K", 16), strings.Repeat("o", 32), strings.Repeat("u", 32))
	fmt.Fprintf(&buf, "startxref\n%d\n%%%%EOF\n", xref)
	return buf.Bytes()
}
