// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"encoding/xml"
	"errors"
	"path"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxEPUBChapters bounds the documents of an EPUB's spine that are read.
const maxEPUBChapters = 1000

// parseEPUB reads an EPUB book (2 or 3) from its OPF package, which
// META-INF/container.xml names: dc:title the title, the spine's XHTML
// documents in their order, each by the HTML rules with its headings one
// level down (a chapter's <h1> a section, its <h2>s subsections) and its
// <aside> boxes as text of the chapter; the navigation document, the
// NCX, style sheets and images are not read. Its entries are booked
// against the archive's budget like an Office document's.
func parseEPUB(data []byte, b *budget) (parsedDoc, error) {
	zr, err := openZip(data, b)
	if err != nil {
		return parsedDoc{}, err
	}
	container, err := readZipFile(zr, "META-INF/container.xml")
	if errors.Is(err, errUnpackLimit) {
		return parsedDoc{}, err
	}
	if err != nil {
		return parsedDoc{}, errors.New("kein EPUB: META-INF/container.xml fehlt")
	}
	var c struct {
		Rootfiles []struct {
			Path string `xml:"full-path,attr"`
			Type string `xml:"media-type,attr"`
		} `xml:"rootfiles>rootfile"`
	}
	if err := xml.Unmarshal(container, &c); err != nil || len(c.Rootfiles) == 0 {
		return parsedDoc{}, fileErrorf(err, "EPUB ohne Paketdatei (container.xml)")
	}
	opfPath := c.Rootfiles[0].Path
	opf, err := readZipFile(zr, opfPath)
	if err != nil {
		return parsedDoc{}, fileErrorf(err, "EPUB-Paketdatei %s nicht lesbar", opfPath)
	}
	var pkg struct {
		Title    []string `xml:"metadata>title"`
		Manifest []struct {
			ID    string `xml:"id,attr"`
			Href  string `xml:"href,attr"`
			Type  string `xml:"media-type,attr"`
			Props string `xml:"properties,attr"`
		} `xml:"manifest>item"`
		Spine []struct {
			IDRef string `xml:"idref,attr"`
		} `xml:"spine>itemref"`
	}
	dec := xml.NewDecoder(bytes.NewReader(opf))
	dec.Strict = false
	dec.CharsetReader = charsetReader
	if err := dec.Decode(&pkg); err != nil {
		return parsedDoc{}, fileErrorf(err, "EPUB-Paketdatei beschädigt")
	}
	type item struct{ href, typ, props string }
	items := map[string]item{}
	for _, it := range pkg.Manifest {
		items[it.ID] = item{it.Href, it.Type, it.Props}
	}
	title := ""
	if len(pkg.Title) > 0 {
		title = strings.Join(strings.Fields(pkg.Title[0]), " ")
	}
	var out bytes.Buffer
	out.WriteString("<html><head><title>" + html.EscapeString(title) + "</title></head><body><main>")
	if title != "" {
		out.WriteString("<h1>" + html.EscapeString(title) + "</h1>")
	}
	base := path.Dir(opfPath)
	read := 0
	for _, ref := range pkg.Spine {
		it, ok := items[ref.IDRef]
		if !ok || strings.Contains(it.props, "nav") || !strings.Contains(it.typ, "html") {
			continue
		}
		if read++; read > maxEPUBChapters {
			break
		}
		name := path.Join(base, it.href)
		if i := strings.IndexByte(name, '#'); i >= 0 {
			name = name[:i]
		}
		x, err := readZipFile(zr, name)
		if errors.Is(err, errUnpackLimit) {
			return parsedDoc{}, err
		}
		if err != nil {
			continue
		}
		if err := epubChapter(&out, x); err != nil {
			continue
		}
	}
	out.WriteString("</main></body></html>")
	pd, err := parseHTML(out.Bytes())
	if err != nil {
		return pd, err
	}
	if title != "" {
		pd.title = title
	}
	return pd, nil
}

// epubChapter writes the body of an XHTML chapter to out, its headings
// one level down and its <aside>s as boxes of its text.
func epubChapter(out *bytes.Buffer, x []byte) error {
	doc, err := html.Parse(bytes.NewReader(x))
	if err != nil {
		return err
	}
	body := findFirst(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body })
	if body == nil {
		return errNoText
	}
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if l := headingLevel(n.DataAtom); l > 0 && l < 6 {
				n.DataAtom = headingAtoms[l+1]
				n.Data = n.DataAtom.String()
			}
			if n.DataAtom == atom.Aside || n.DataAtom == atom.Section || n.DataAtom == atom.Header || n.DataAtom == atom.Footer {
				n.DataAtom, n.Data = atom.Div, "div"
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(body)
	out.WriteString("<div>")
	for c := body.FirstChild; c != nil; c = c.NextSibling {
		if err := html.Render(out, c); err != nil {
			return err
		}
	}
	out.WriteString("</div>")
	return nil
}

// headingAtoms are the heading elements by level.
var headingAtoms = [...]atom.Atom{0, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6}
