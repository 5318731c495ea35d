// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"
)

// maxODPSlides bounds the slides read of one presentation; later ones
// are left out.
const maxODPSlides = 2000

// odpFrameSkipped are the presentation classes of frames that hold no
// text of the slide: the footer, header, date and page number repeated
// on every slide, and the thumbnail a notes page shows of its slide.
var odpFrameSkipped = map[string]bool{
	"footer": true, "header": true, "date-time": true, "page-number": true, "page": true,
}

// odpSlide is one slide being read: its title frame's paragraphs, the
// other frames' lines and the speaker's notes.
type odpSlide struct {
	title []string
	lines []string
	notes []string
}

// parseODP reads an OpenDocument presentation (LibreOffice Impress's
// .odp) as parsePPTX reads a PowerPoint file, through the same bounded
// archive: each draw:page of content.xml is a section headed by its
// title frame (presentation:class "title"), else "Folie N"; the other
// frames (subtitle, outline, text boxes) give its lines, a list item a
// line starting with "- ", indented two blanks a level for nested lists,
// a table row a line of cells parted by " | "; the speaker's notes
// (presentation:notes) follow the slide's text. The first slide's title
// is the document's title (as an OpenDocument text's Title paragraph is),
// else meta.xml's; meta.xml's date is the document's. The master pages
// (styles.xml) with their footers are not read; footer, header, date and
// page-number frames of a slide are left out, as are comments.
func parseODP(data []byte, b *budget) (parsedDoc, error) {
	content, metaTitle, updated, err := openODF(data, b, "keine OpenDocument-Präsentation: content.xml fehlt")
	if err != nil {
		return parsedDoc{}, err
	}
	return odpContent(content, metaTitle, updated)
}

// odpContent reads an OpenDocument presentation's content (content.xml,
// or a flat file's office:document) as parseODP describes.
func odpContent(content []byte, metaTitle string, updated time.Time) (parsedDoc, error) {
	var pd parsedDoc
	pd.updated = updated

	var (
		slides  []odpSlide
		cur     *odpSlide
		depth   int    // element depth inside the current slide
		skip    int    // depth inside skipped elements
		class   string // presentation class of the frame being read
		classAt int    // the depth where that frame began
		notes   bool   // inside the slide's notes
		notesAt int
		lists   int // depth of the lists being read
		items   int // depth of the list items being read
		inPara  int
		para    strings.Builder
		tables  int
		cell    []string
		row     []string
	)
	endPara := func() {
		text := strings.Join(strings.Fields(para.String()), " ")
		para.Reset()
		if text == "" || cur == nil {
			return
		}
		switch {
		case tables > 0:
			cell = append(cell, text)
		case notes:
			cur.notes = append(cur.notes, text)
		case class == "title":
			cur.title = append(cur.title, text)
		case items > 0:
			cur.lines = append(cur.lines, strings.Repeat("  ", max(lists-1, 0))+"- "+text)
		default:
			cur.lines = append(cur.lines, text)
		}
	}
	dec := xml.NewDecoder(bytes.NewReader(content))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return pd, fileErrorf(err, "OpenDocument-Präsentation beschädigt")
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if cur == nil {
				if t.Name.Local == "page" && len(slides) < maxODPSlides {
					slides = append(slides, odpSlide{})
					cur, depth, class, notes, lists, items, inPara, tables = &slides[len(slides)-1], 0, "", false, 0, 0, 0, 0
				}
				continue
			}
			depth++
			if skip > 0 || odtSkipped[t.Name.Local] || odpFrameSkipped[xmlAttr(t, "class")] {
				skip++
				continue
			}
			if c := xmlAttr(t, "class"); c != "" && class == "" {
				class, classAt = c, depth
			}
			switch t.Name.Local {
			case "notes":
				notes, notesAt = true, depth
			case "p", "h":
				if inPara > 0 {
					para.WriteByte(' ')
				}
				inPara++
			case "s", "tab", "line-break":
				para.WriteByte(' ')
			case "list":
				lists++
			case "list-item", "list-header":
				items++
			case "table":
				tables++
			case "table-cell", "covered-table-cell":
				if tables == 1 {
					cell = nil
				}
			}
		case xml.EndElement:
			if cur == nil {
				continue
			}
			if depth == 0 { // the draw:page ends
				cur = nil
				continue
			}
			if skip > 0 {
				skip--
				depth--
				continue
			}
			switch t.Name.Local {
			case "p", "h":
				if inPara--; inPara == 0 {
					endPara()
				}
			case "list":
				lists--
			case "list-item", "list-header":
				items--
			case "table-cell":
				if tables == 1 {
					row = append(row, strings.Join(cell, " "))
					cell = nil
				}
			case "table-row":
				if tables == 1 && len(row) > 0 && strings.TrimSpace(strings.Join(row, "")) != "" {
					cur.lines = append(cur.lines, strings.Join(row, " | "))
				}
				row = nil
			case "table":
				tables--
			}
			if depth == classAt {
				class, classAt = "", 0
			}
			if depth == notesAt {
				notes, notesAt = false, 0
			}
			depth--
		case xml.CharData:
			if cur != nil && inPara > 0 && skip == 0 {
				para.Write(t)
			}
		}
	}
	if len(slides) == 0 {
		return pd, errors.New("keine Folien gefunden")
	}
	for i, s := range slides {
		title := strings.Join(s.title, " ")
		body := strings.Join(append(s.lines, s.notes...), "\n")
		if i == 0 && title != "" {
			pd.title = title
			if body == "" {
				continue
			}
		}
		if title == "" && body == "" {
			continue
		}
		h := title
		if h == "" {
			h = "Folie " + strconv.Itoa(i+1)
		}
		pd.sections = append(pd.sections, Section{Heading: h, Text: body})
	}
	if pd.title == "" {
		pd.title = metaTitle
	}
	return pd, nil
}
