// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// A help desk's FAQ article as its print view sets it: a line of who
// printed it when, the title with the article's number, a table of
// properties (two pairs a row), a table of fields whose names stand in
// header rows of their own with who sees them, a footer with the page's
// number and a line asking to print it. The title is the article's own,
// each field a section headed by its name, the properties that say what
// the article is about lines of their own, and the metadata and the
// print view's frame gone.
func TestHTMLTicketPrintView(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>KB#517: Headset wird in Videokonferenzen nicht erkannt - Wissensdatenbank</title></head>
<body>
<div class="oben"><span>Gedruckt von Service Desk (sd) am 02.02.2027 09:15</span></div>
<div class="inhalt">
<h1>KB#517: Headset wird in Videokonferenzen nicht erkannt</h1>
<table class="eigenschaften">
<tr><th>Kategorie:</th><td>Audio und Video</td><th>Status:</th><td>öffentlich (alle)</td></tr>
<tr><th>Sprache:</th><td>de</td><th>Bewertung:</th><td>92 % (12 Stimmen)</td></tr>
<tr><th>Schlüsselwörter:</th><td>Headset Mikrofon USB Videokonferenz</td><th>Erstellt:</th><td>11.04.2026 08:02</td></tr>
<tr><th>Erstellt von:</th><td>Brandt, Ilka</td><th>Zuletzt geändert:</th><td>30.01.2027 17:45</td></tr>
</table>
<table class="felder">
<tr><th>Symptom (öffentlich)</th></tr>
<tr><td><p>Das Headset ist eingesteckt, aber die Konferenzsoftware zeigt nur das eingebaute Mikrofon des Notebooks an.</p></td></tr>
<tr><th>Ursache (öffentlich)</th></tr>
<tr><td><p>Die Software wählt das Gerät beim Start aus und bemerkt ein später eingestecktes Headset nicht.</p></td></tr>
<tr><th>Lösung (öffentlich)</th></tr>
<tr><td><ol><li>Schließen Sie die Konferenzsoftware ganz.</li><li>Stecken Sie das Headset direkt am Notebook ein, nicht an der Dockingstation.</li><li>Starten Sie die Software neu und wählen Sie unter Geräte das Headset.</li></ol></td></tr>
<tr><th>Kommentar (intern)</th></tr>
<tr><td>Betrifft nur die Notebook-Serie von 2025; Treiber-Update ist beantragt.</td></tr>
</table>
</div>
<div class="unten"><span>Artikel drucken</span><br><span>Wissensdatenbank 3.2 · Seite 1 von 1</span></div>
</body></html>`
	pd, err := parseHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Headset wird in Videokonferenzen nicht erkannt"; pd.title != want {
		t.Errorf("title %q, want %q", pd.title, want)
	}
	var heads []string
	text := map[string]string{}
	all := ""
	for _, s := range pd.sections {
		if strings.TrimSpace(s.Text) == "" {
			continue
		}
		heads = append(heads, s.Heading)
		text[s.Heading] = s.Text
		all += s.Text + "\n"
	}
	if want := []string{"", "Symptom", "Ursache", "Lösung", "Kommentar"}; strings.Join(heads, "|") != strings.Join(want, "|") {
		t.Errorf("headings %q, want %q", heads, want)
	}
	if want := "Kategorie: Audio und Video\nSchlüsselwörter: Headset Mikrofon USB Videokonferenz"; text[""] != want {
		t.Errorf("properties %q, want %q", text[""], want)
	}
	if !strings.Contains(text["Lösung"], "Dockingstation") {
		t.Errorf("the solution's text is not under its name: %q", text["Lösung"])
	}
	for _, gone := range []string{"Status", "Bewertung", "Stimmen", "Erstellt", "Zuletzt geändert", "Brandt", "Sprache", "Gedruckt", "Seite 1", "drucken", "(öffentlich)"} {
		if strings.Contains(all, gone) {
			t.Errorf("%q is in the text:\n%s", gone, all)
		}
	}
}

// A table of labels and values with one label of a record's metadata
// (a service's fees and a "Stand"), a table of one column whose header
// rows name groups of short values: both are read as before.
func TestHTMLTablesThatAreNoRecord(t *testing.T) {
	page := `<html><body><h1>Angelkarte</h1>
<table><tr><th>Gebühr:</th><td>12 Euro</td></tr><tr><th>Zuständig:</th><td>Bürgeramt</td></tr><tr><th>Stand:</th><td>01.02.2027</td></tr><tr><th>Sprache:</th><td>Deutsch, Englisch</td></tr></table>
<table><tr><th>Hauptsaison</th><td>April bis Oktober</td></tr><tr><th>Nebensaison</th><td>November bis März</td></tr></table>
</body></html>`
	pd, err := parseHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	all := ""
	for _, s := range pd.sections {
		if s.Heading != "" {
			t.Errorf("section %q opened", s.Heading)
		}
		all += s.Text + "\n"
	}
	for _, want := range []string{"Sprache:", "Deutsch, Englisch", "Hauptsaison", "April bis Oktober"} {
		if !strings.Contains(all, want) {
			t.Errorf("%q is lost:\n%s", want, all)
		}
	}
}

func TestWithoutRecordNumber(t *testing.T) {
	for in, want := range map[string]string{
		"FAQ#10042: Kein Ton im Headset":            "Kein Ton im Headset",
		"Ticket#2027020110000031 – Drucker offline": "Drucker offline",
		"Bug #123: Export bricht ab":                "Export bricht ab",
		"#1 Tipp: Kennwort ändern":                  "#1 Tipp: Kennwort ändern",
		"Sprechstunde Nr. 4: Rente":                 "Sprechstunde Nr. 4: Rente",
		"FAQ#7: 12":                                 "FAQ#7: 12",
		"Antrag auf Erlass der Hundesteuer":         "Antrag auf Erlass der Hundesteuer",
	} {
		if got := withoutRecordNumber(in); got != want {
			t.Errorf("withoutRecordNumber(%q) = %q, want %q", in, got, want)
		}
	}
}
