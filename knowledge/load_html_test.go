// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// htmlSections parses a page and returns its title and its sections'
// texts by heading.
func htmlSections(t *testing.T, page string) (string, map[string]string) {
	t.Helper()
	pd, err := parseHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, s := range pd.sections {
		if got[s.Heading] != "" && s.Text != "" {
			got[s.Heading] += "\n"
		}
		got[s.Heading] += s.Text
	}
	return pd.title, got
}

// TestHTMLContactAside checks that a contact card in an <aside> inside
// the article (phone, mail, staff) is a section of its own, headed by
// its heading or else its label, and that the text after it goes on
// under the heading before it; an aside outside the main text, or one
// without contact data, stays the page's frame.
func TestHTMLContactAside(t *testing.T) {
	_, got := htmlSections(t, `<html><body>
<aside class="sidebar"><p>Rathaus<br>Telefon 0999 100-0</p></aside>
<main><article><h1>Beispielschein</h1>
<h2>Ablauf</h2><p>Sie füllen den Antrag aus.</p>
<aside aria-label="Ansprechpartner"><p>Amt für Beispiele</p><p>Erika Muster<br>Telefon 0999 123-45<br>amt@beispiel.example</p></aside>
<p>Danach prüft das Amt den Antrag.</p>
<aside class="related"><p>Das könnte Sie auch interessieren</p><a href="/a">Musterschein</a></aside>
<aside><h3>Ihr Kontakt</h3><p>Bürgeramt Muster<br><a href="tel:+49999777">0999 777</a></p></aside>
</article></main></body></html>`)
	for h, text := range map[string]string{
		"Ablauf":                   "Sie füllen den Antrag aus.\nDanach prüft das Amt den Antrag.",
		"Ablauf › Ansprechpartner": "Amt für Beispiele\nErika Muster\nTelefon 0999 123-45\namt@beispiel.example",
		"Ablauf › Ihr Kontakt":     "Bürgeramt Muster\n0999 777",
	} {
		if got[h] != text {
			t.Errorf("section %q holds %q, want %q (all: %q)", h, got[h], text, got)
		}
	}
	all := strings.Join(func() []string {
		var v []string
		for _, t := range got {
			v = append(v, t)
		}
		return v
	}(), "\n")
	for _, chrome := range []string{"Rathaus", "interessieren"} {
		if strings.Contains(all, chrome) {
			t.Errorf("%q of an aside without an article's contact data is text: %q", chrome, got)
		}
	}
}

// TestHTMLSideColumnContact checks that a contact box in the column
// beside the main text (a CMS's side column outside role="main", its
// heading in a <header>) is a section of its own after the main text,
// headed by its heading, while the side column's other boxes, a box of
// contact data without a heading, the page's banner and its footer stay
// the page's frame.
func TestHTMLSideColumnContact(t *testing.T) {
	_, got := htmlSections(t, `<html><body>
<header><h2>Stadt Musterort</h2><p>Telefon 0999 100-0</p></header>
<div class="row">
<div class="col-main" role="main"><h1>Beispielschein</h1><h2>Ablauf</h2><p>Sie füllen den Antrag aus.</p></div>
<div class="col-side">
<section class="box"><header class="frame-header"><h3>Ihre Ansprechpartnerin</h3></header>
<p>Erika Muster<br>Amt für Beispiele, Zimmer 12<br>Telefon 0999 123-45<br><a href="mailto:amt@beispiel.example">amt@beispiel.example</a></p></section>
<section class="box"><h3>Verwandte Themen</h3><p>Musterschein und Zweitschein</p></section>
<div class="box"><p>Rathaus Musterort<br>Telefon 0999 100-0</p></div>
</div></div>
<footer><h2>Kontakt</h2><p>Rathaus, Telefon 0999 100-0</p></footer>
</body></html>`)
	for h, want := range map[string]string{
		"Ablauf":                 "Sie füllen den Antrag aus.",
		"Ihre Ansprechpartnerin": "Erika Muster\nAmt für Beispiele, Zimmer 12\nTelefon 0999 123-45\namt@beispiel.example",
	} {
		if got[h] != want {
			t.Errorf("section %q holds %q, want %q (all: %q)", h, got[h], want, got)
		}
	}
	for h, text := range got {
		if text != "" && h != "Ablauf" && h != "Ihre Ansprechpartnerin" {
			t.Errorf("section %q holds %q: the page's frame is read", h, text)
		}
	}
}

// TestHTMLRowspanRepeated checks that a cell spanning rows is repeated
// in each row it spans, at its column, also at a row's end, and that a
// span ends with its row group.
func TestHTMLRowspanRepeated(t *testing.T) {
	_, got := htmlSections(t, `<html><body><main><h1>Beispielgebühren</h1><table>
<thead><tr><th rowspan="2">Art</th><th>Leistung</th><th>Gebühr</th></tr><tr><th>Name</th><th>Euro</th></tr></thead>
<tbody>
<tr><th rowspan="3">Scheine</th><td>Beispielschein</td><td rowspan="2">10,00 Euro</td></tr>
<tr><td>Zweitschein</td></tr>
<tr><td>Musterschein</td><td>5,00 Euro</td></tr>
<tr><td colspan="2" rowspan="2">Sonstiges</td><td>frei</td></tr>
<tr><td>2,00 Euro</td></tr>
</tbody>
<tbody><tr><td>Ausweis</td><td>eigenes Feld</td><td>1,00 Euro</td></tr></tbody>
</table></main></body></html>`)
	want := strings.Join([]string{
		"Art Leistung Gebühr",
		"Art Name Euro",
		"Scheine Beispielschein 10,00 Euro",
		"Scheine Zweitschein 10,00 Euro",
		"Scheine Musterschein 5,00 Euro",
		"Sonstiges frei",
		"Sonstiges 2,00 Euro",
		"Ausweis eigenes Feld 1,00 Euro",
	}, "\n")
	if got[""] != want {
		t.Errorf("table read as\n%s\nwant\n%s", got[""], want)
	}
}

// TestHTMLTeaserKeepsItsDate checks that a news list's teaser whose
// dated meta line stands before its heading keeps that line, instead of
// the teaser before it; a short line before a heading among several in
// one element stays where it is.
func TestHTMLTeaserKeepsItsDate(t *testing.T) {
	_, got := htmlSections(t, `<html><body><main><h1>Neues</h1><p>Alle Meldungen.</p>
<section><p>Stand: 01.01.2027</p><h2>Kosten</h2><p>10 Euro.</p><h2>Dauer</h2><p>Zwei Tage.</p></section>
<div class="item"><div class="meta"><time datetime="2027-02-01">01.02.2027</time> | Verkehr</div><h3>Beispielstraße gesperrt</h3><p>Die Straße ist gesperrt.</p></div>
<div class="item"><span>5. März 2027</span><h3>Musterfest</h3><p>Das Fest beginnt um 10 Uhr.</p></div>
</main></body></html>`)
	for h, text := range map[string]string{
		"":                                "Alle Meldungen.\nStand: 01.01.2027",
		"Dauer":                           "Zwei Tage.",
		"Dauer › Beispielstraße gesperrt": "01.02.2027 | Verkehr\nDie Straße ist gesperrt.",
		"Dauer › Musterfest":              "5. März 2027\nDas Fest beginnt um 10 Uhr.",
		"Kosten":                          "10 Euro.",
	} {
		if got[h] != text {
			t.Errorf("section %q holds %q, want %q (all: %q)", h, got[h], text, got)
		}
	}
}

// TestHTMLWikiExport checks that a wiki's export (Confluence's "Export
// to HTML") is titled by the page's own title without the space's name
// before " : ", and that its list of attached files is no section; a
// section named alike that holds text stays.
func TestHTMLWikiExport(t *testing.T) {
	page := `<html><head><title>Beispiel-Wiki : Musterdrucker einrichten</title></head><body><div id="main">
<h1 id="title-heading"><span id="title-text">Beispiel-Wiki : Musterdrucker einrichten</span></h1>
<div id="main-content"><h2>Schritte</h2><p>Drucker auswählen.</p></div>
<div class="pageSection"><h2 id="attachments">Attachments:</h2><div class="greybox"><a href="a/1.png">drucker.png</a> (image/png)<br/><a href="a/2.pdf">Anleitung.pdf</a> (application/pdf)<br/></div></div>
</div></body></html>`
	title, got := htmlSections(t, page)
	if title != "Musterdrucker einrichten" {
		t.Errorf("title %q", title)
	}
	if _, ok := got["Attachments:"]; ok || got["Schritte"] != "Drucker auswählen." {
		t.Errorf("sections %q", got)
	}
	title, got = htmlSections(t, `<html><head><title>Verein : Satzung | Stadt</title></head><body><main><h1>Satzung: Beispielverein</h1>
<h2>Anhänge</h2><p>Die Anhänge zur Satzung liegen im Rathaus aus.</p></main></body></html>`)
	if title != "Satzung: Beispielverein" || got["Anhänge"] == "" {
		t.Errorf("title %q, sections %q", title, got)
	}
}

// TestHTMLClassHeadings checks that paragraphs a CMS styles as headings
// by a class name ("zwischenueberschrift", "headline") open sections
// where the page has no heading elements below its title, and that a
// long paragraph or a block with that class stays text.
func TestHTMLClassHeadings(t *testing.T) {
	title, got := htmlSections(t, `<html><body><div id="inhalt"><h1>Beispielberatung</h1>
<p>Die Stadt berät Sie beim Antrag.</p>
<p class="zwischenueberschrift">Sprechzeiten</p>
<p>Montags von 9 bis 12 Uhr.</p>
<div class="text-headline">Was Sie mitbringen</div>
<ul><li>Ausweis</li></ul>
<p class="headline">Dieser Absatz ist lang und ein ganzer Satz, also keine Überschrift.</p>
</div></body></html>`)
	if title != "Beispielberatung" {
		t.Errorf("title %q", title)
	}
	if got["Sprechzeiten"] != "Montags von 9 bis 12 Uhr." {
		t.Errorf("Sprechzeiten: %q (all %q)", got["Sprechzeiten"], got)
	}
	if s := got["Was Sie mitbringen"]; !strings.Contains(s, "- Ausweis") || !strings.Contains(s, "keine Überschrift") {
		t.Errorf("Was Sie mitbringen: %q (all %q)", s, got)
	}
	if !strings.Contains(got[""], "Die Stadt berät Sie") {
		t.Errorf("lead: %q", got[""])
	}
}

// TestHTMLAriaTable checks that a table laid out with CSS from <div>s
// with ARIA roles (table, rowgroup, row, columnheader, rowheader, cell)
// is read as a table: each row one line with its name and its cells in
// order, the header row too (its class "kopf" names a table's head, not
// the page's), instead of one line per cell.
func TestHTMLAriaTable(t *testing.T) {
	_, got := htmlSections(t, `<html><body><div id="inhalt"><h1>Sprechzeiten</h1>
<div role="table" class="grid">
 <div role="rowgroup" class="grid-kopf"><div role="row"><div role="columnheader">Stelle</div><div role="columnheader">Montag</div><div role="columnheader">Dienstag</div></div></div>
 <div role="rowgroup">
  <div role="row"><div role="rowheader">Beispielamt</div><div role="cell">8–12</div><div role="cell">geschlossen</div></div>
  <div role="row"><div role="rowheader">Musterbüro</div><div role="cell">9–11</div><div role="cell">14–16</div></div>
 </div>
</div>
<div role="row">kein Tabellenteil</div>
</div></body></html>`)
	text := got[""]
	for _, want := range []string{"Stelle Montag Dienstag", "Beispielamt 8–12 geschlossen", "Musterbüro 9–11 14–16", "kein Tabellenteil"} {
		if !strings.Contains(strings.Join(strings.Fields(text), " "), want) {
			t.Errorf("no line %q in %q", want, text)
		}
	}
	if strings.Contains(text, "Beispielamt\n") {
		t.Errorf("cells on lines of their own: %q", text)
	}
}

// TestHTMLBrInValueCell checks that a <br> parting a data table's cell
// keeps the cell's values on its row's line, parted by " / ", in a
// <table> and in a table of ARIA roles, while a layout table's cell of
// paragraphs or of a long text keeps its lines.
func TestHTMLBrInValueCell(t *testing.T) {
	_, got := htmlSections(t, `<html><body><main><h1>Beispielzeiten</h1>
<h2>Tabelle</h2><table><tr><th>Stelle</th><th>Montag</th><th>Dienstag</th></tr>
<tr><th>Beispielamt</th><td>8:00–12:00<br>14:00–16:00</td><td>geschlossen</td></tr></table>
<h2>Raster</h2><div role="table"><div role="row"><div role="rowheader">Musterbad</div><div role="cell">7:00–9:00<br/>17:00–21:00</div><div role="cell">10:00–20:00</div></div></div>
<h2>Layout</h2><table><tr><td><p>Erster Absatz.</p><p>Zweiter Absatz.</p></td><td>Rathaus<br>Zimmer 3</td></tr></table>
</main></body></html>`)
	for h, want := range map[string]string{
		"Tabelle": "Stelle Montag Dienstag\nBeispielamt 8:00–12:00 / 14:00–16:00 geschlossen",
		"Raster":  "Musterbad 7:00–9:00 / 17:00–21:00 10:00–20:00",
		"Layout":  "Erster Absatz.\nZweiter Absatz.\nRathaus\nZimmer 3",
	} {
		if got[h] != want {
			t.Errorf("section %q holds %q, want %q (all: %q)", h, got[h], want, got)
		}
	}
}

// TestHTMLLinkIndex checks that a page whose content is only links to
// other pages under letter headings (an "A bis Z" index) is skipped as
// navigation, its frame not counted, while a page of text with links,
// and a short list of links with a sentence around it, are read.
func TestHTMLLinkIndex(t *testing.T) {
	var items strings.Builder
	for _, l := range []string{"A", "B", "M", "S", "Z"} {
		items.WriteString(`<h2>` + l + `</h2><ul><li><a href="/` + l + `.html">Beispielleistung ` + l + `</a></li></ul>`)
	}
	index := `<html><head><title>Leistungen von A bis Z</title></head><body><header><p>Musterort</p></header><div id="inhalt"><h1>Leistungen von A bis Z</h1>` + items.String() + `</div><footer><p>Musterort · Am Markt 1 · <a href="/impressum">Impressum</a></p></footer></body></html>`
	if _, err := parseHTML([]byte(index)); err == nil || !strings.Contains(err.Error(), "Navigation") {
		t.Errorf("link index read: %v", err)
	}
	page := `<html><body><main><h1>Beispielschein</h1><p>Den Beispielschein beantragen Sie im Bürgerbüro. Er kostet 10,00 Euro und gilt drei Jahre.</p><h2>Formulare</h2><ul><li><a href="/a.pdf">Antrag</a></li><li><a href="/b.pdf">Vollmacht</a></li><li><a href="/c.pdf">Merkblatt</a></li><li><a href="/d.pdf">Gebühren</a></li><li><a href="/e.pdf">Datenschutz</a></li></ul></main></body></html>`
	pd, err := parseHTML([]byte(page))
	if err != nil || pd.title != "Beispielschein" {
		t.Errorf("page with links: %q, %v", pd.title, err)
	}
}
