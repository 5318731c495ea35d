// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/musterstadt/lotse/knowledge/german"
)

// The print views of ticket systems and knowledge bases (an FAQ article,
// a ticket, a change printed from the agent's interface) set a record as
// tables: a table of its properties (category, state, rating, created,
// changed …) in label/value pairs, and a table of its fields, each
// field's name in a header row of its own above its content ("Symptom",
// "Problem", "Lösung"). Their titles carry the record's number ("FAQ#1234:
// …", "Ticket#2026… – …").

// tableRows returns the rows of table n, those in its row groups
// included, not those of tables inside it.
func tableRows(n *html.Node) []*html.Node {
	var rows []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type != html.ElementNode:
		case c.DataAtom == atom.Thead || c.DataAtom == atom.Tbody || c.DataAtom == atom.Tfoot:
			rows = append(rows, childElements(c, atom.Tr)...)
		case c.DataAtom == atom.Tr:
			rows = append(rows, c)
		}
	}
	return rows
}

// recordCell returns the text of a cell on one line.
func recordCell(n *html.Node) string { return strings.TrimSpace(collapseSpace(textOf(n))) }

// fieldTable reports whether table n holds a record's fields: one cell a
// row, the first a header cell, each header cell short (a field's name,
// not a sentence) and followed by a row of data, at least two fields.
func fieldTable(n *html.Node) bool {
	rows := tableRows(n)
	if len(rows) < 4 {
		return false
	}
	fields := 0
	for i, tr := range rows {
		cells := childElements(tr, atom.Td, atom.Th)
		if len(cells) != 1 {
			return false
		}
		if cells[0].DataAtom != atom.Th {
			if i == 0 {
				return false
			}
			continue
		}
		h := fieldName(recordCell(cells[0]))
		if countLetters(h) < 2 || utf8.RuneCountInString(h) > maxTermLen || len(strings.Fields(h)) > maxHeadingWords || !boldHeading(h) {
			return false
		}
		if i+1 == len(rows) {
			return false
		}
		if next := childElements(rows[i+1], atom.Td, atom.Th); len(next) != 1 || next[0].DataAtom != atom.Td {
			return false
		}
		fields++
	}
	return fields >= 2
}

// visibilityRE matches the mark a ticket system sets after a field's name
// to say who sees it: "Symptom (öffentlich)", "Kommentar (intern)".
var visibilityRE = regexp.MustCompile(`(?i)\s*\((?:öffentlich|oeffentlich|intern|extern|public|internal|external)\)$`)

// fieldName returns the name of a record's field as it heads its content:
// without a colon and without the mark of who sees it.
func fieldName(s string) string {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), ":"))
	return strings.TrimSpace(visibilityRE.ReplaceAllString(s, ""))
}

// walkFields reads a record's fields (fieldTable): each field a section
// headed by its name, under the current heading, as a definition list of
// sections is read.
func (w *htmlWalker) walkFields(n *html.Node, pre bool) {
	w.endLine()
	outer := w.heading
	for _, tr := range tableRows(n) {
		cell := childElements(tr, atom.Td, atom.Th)[0]
		if cell.DataAtom == atom.Th {
			w.flush()
			w.heading = strings.Join(append(w.stack[:len(w.stack):len(w.stack)], fieldName(recordCell(cell))), " › ")
			continue
		}
		for c := cell.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c, pre)
		}
		w.endLine()
	}
	w.flush()
	w.heading = outer
}

// recordMetadata are the names (folded, without a colon) of a record's
// properties that say how it is kept, not what it says: its state, its
// rating, who created and changed it when, its language, its views, when
// it was printed.
var recordMetadata = map[string]bool{
	"status": true, "state": true, "zustand": true, "sichtbarkeit": true, "visibility": true,
	"bewertung": true, "bewertungen": true, "rating": true, "votes": true, "stimmen": true,
	"aufrufe": true, "views": true, "sprache": true, "language": true,
	"erstellt": true, "erstellt am": true, "erstellt von": true, "angelegt": true, "angelegt am": true, "angelegt von": true,
	"created": true, "created by": true, "created on": true,
	"geaendert": true, "geaendert am": true, "geaendert von": true, "zuletzt geaendert": true, "zuletzt geaendert von": true,
	"letzte aenderung": true, "aktualisiert": true, "zuletzt aktualisiert": true,
	"changed": true, "changed by": true, "last changed": true, "modified": true, "last modified": true, "updated": true, "last updated": true,
	"gedruckt": true, "gedruckt am": true, "gedruckt von": true, "printed": true, "printed by": true, "printed on": true,
}

// minRecordMetadata is how many of a properties table's labels must name
// a record's metadata for the table to be a record's properties.
const minRecordMetadata = 2

// recordProperties returns the label/value pairs of table n when it holds
// a record's properties: every row one pair or more, a label a header
// cell or a cell ending in a colon, a value a short data cell; at least
// three pairs, at least minRecordMetadata of them the record's metadata.
func recordProperties(n *html.Node) [][2]string {
	var pairs [][2]string
	meta := 0
	for _, tr := range tableRows(n) {
		cells := childElements(tr, atom.Td, atom.Th)
		if len(cells) == 0 || len(cells)%2 != 0 {
			return nil
		}
		for i := 0; i < len(cells); i += 2 {
			label, value := recordCell(cells[i]), recordCell(cells[i+1])
			if cells[i].DataAtom != atom.Th && !strings.HasSuffix(label, ":") || cells[i+1].DataAtom != atom.Td || !valueCell(cells[i+1]) {
				return nil
			}
			name := strings.TrimSpace(strings.TrimSuffix(label, ":"))
			if countLetters(name) < 2 || len(strings.Fields(name)) > maxHeadingWords {
				return nil
			}
			if recordMetadata[german.Fold(name)] {
				meta++
			}
			pairs = append(pairs, [2]string{name, value})
		}
	}
	if len(pairs) < 3 || meta < minRecordMetadata {
		return nil
	}
	return pairs
}

// walkProperties reads a record's properties: a line "Name: value" for
// each that says what the record is about (its category, its keywords),
// none for its metadata (recordMetadata) or a property without a value.
func (w *htmlWalker) walkProperties(pairs [][2]string) {
	w.endLine()
	for _, p := range pairs {
		if recordMetadata[german.Fold(p[0])] || p[1] == "" {
			continue
		}
		w.lines = append(w.lines, p[0]+": "+p[1])
	}
}

// recordNumberRE matches the number of a record before its title:
// "FAQ#10042: ", "Ticket#2026120310000012 – ", "Bug #123: ".
var recordNumberRE = regexp.MustCompile(`^\p{L}[\p{L}.\-]{0,15}\s?#\s?\d+\s*(?::|–|—|-)\s+`)

// withoutRecordNumber drops the record's number from a title set as a
// ticket system prints it ("FAQ#10042: Kein Ton im Headset" → "Kein Ton
// im Headset"), when a title of two letters or more remains.
func withoutRecordNumber(t string) string {
	loc := recordNumberRE.FindStringIndex(t)
	if loc == nil || countLetters(t[loc[1]:]) < 2 {
		return t
	}
	return strings.TrimSpace(t[loc[1]:])
}

// printChromeRE matches a line of a print view's frame that says when and
// by whom the page was printed or which page it is ("Gedruckt von … am
// 03.12.2026 14:02", "Seite 1 von 2", "Helpdesk 7.1 · Seite 1"), or asks
// to print it ("FAQ-Artikel drucken", "Drucken").
var printChromeRE = regexp.MustCompile(`(?i)^(?:(?:gedruckt|ausgedruckt|druckdatum|printed)\b.*\d.*|(?:.*\s[·|–—-]\s+)?(?:seite|page)\s+\d+(?:\s*(?:von|/|of)\s*\d+)?|(?:[\p{L}-]+\s)?(?:drucken|ausdrucken)|print(?:\s[\p{L}-]+)?)$`)

// maxPrintChrome is the longest line printChromeRE may drop.
const maxPrintChrome = 120

// printChrome reports whether line s is a print view's frame (printChromeRE).
func printChrome(s string) bool {
	return utf8.RuneCountInString(s) <= maxPrintChrome && printChromeRE.MatchString(s)
}
