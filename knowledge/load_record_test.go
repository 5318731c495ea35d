// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestCatalogueRecordJSON checks that a service record exported from a
// catalogue (its own key names, lists, nested objects, identifiers) is
// read: title, date and address from the usual keys, the texts first, one
// section per key with the facet its heading names, no identifiers.
func TestCatalogueRecordJSON(t *testing.T) {
	data := []byte(`{
  "id": "B-0815.7",
  "leistungsschluessel": "12345678901234",
  "leistungsname": "Beispielerlaubnis beantragen",
  "stand": "2026-02-01T08:00:00+01:00",
  "sprache": "de",
  "kurztext": "Wer ein Beispiel veranstaltet, braucht eine Beispielerlaubnis.",
  "erforderlicheUnterlagen": ["Personalausweis", "Lageplan des Beispiels"],
  "kosten": [{"bezeichnung": "Erlaubnis für einen Tag", "betrag": "15,00 Euro"}, {"bezeichnung": "Verlängerung", "betrag": "gebührenfrei"}],
  "bearbeitungsdauer": "Etwa zwei Wochen.",
  "zustaendigeStelle": {
    "id": "OE-9",
    "bezeichnung": "Beispielamt",
    "anschrift": {"ort": "Beispielstadt", "strasse": "Am Beispiel", "postleitzahl": "99999", "hausnummer": "7"},
    "telefon": "0999 123-4",
    "oeffnungszeiten": [{"tage": "Montag bis Freitag", "zeiten": "8:00 bis 12:00 Uhr"}]
  },
  "onlineDienst": {"bezeichnung": "Erlaubnis online beantragen", "url": "https://service.example/erlaubnis", "vertrauensniveau": "substantiell"},
  "gebuehrenpflichtig": true
}`)
	docs, err := parseServiceJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("got %d documents, want 1", len(docs))
	}
	d := docs[0]
	if d.title != "Beispielerlaubnis beantragen" || d.updated.Format("2006-01-02") != "2026-02-01" {
		t.Errorf("title %q, updated %v", d.title, d.updated)
	}
	want := []struct {
		heading string
		facet   Facet
		text    string
	}{
		{"", FacetOverview, "Wer ein Beispiel veranstaltet"},
		{"Benötigte Unterlagen", FacetUnterlagen, "- Lageplan des Beispiels"},
		{"Kosten", FacetKosten, "- Erlaubnis für einen Tag: 15,00 Euro\n- Verlängerung: gebührenfrei"},
		{"Bearbeitungsdauer", FacetDauer, "Etwa zwei Wochen."},
		{"Zuständige Stelle", FacetZustaendigkeit, "Anschrift: Am Beispiel 7, 99999 Beispielstadt"},
		{"Online-Dienst", FacetOnline, "Erlaubnis online beantragen: https://service.example/erlaubnis"},
	}
	if len(d.sections) != len(want) {
		t.Fatalf("sections %+v, want %d", d.sections, len(want))
	}
	var all strings.Builder
	for i, w := range want {
		s := d.sections[i]
		all.WriteString(s.Text)
		if s.Heading != w.heading || s.Facet != w.facet || !strings.Contains(s.Text, w.text) {
			t.Errorf("section %d = %q [%s] %q, want %q [%s] containing %q", i, s.Heading, s.Facet, s.Text, w.heading, w.facet, w.text)
		}
	}
	for _, meta := range []string{"B-0815.7", "12345678901234", "OE-9", "substantiell", "true"} {
		if strings.Contains(all.String(), meta) {
			t.Errorf("metadata %q is quoted as text", meta)
		}
	}
	if !strings.Contains(d.sections[4].Text, "Montag bis Freitag: 8:00 bis 12:00 Uhr") {
		t.Errorf("opening hours lost: %q", d.sections[4].Text)
	}
}

// TestRecordJSONWithoutTitleIsAnError checks that a JSON file no reader
// understands is a clear error, not an empty document.
func TestRecordJSONWithoutTitleIsAnError(t *testing.T) {
	for _, data := range []string{`{"foo": [1, 2]}`, `[{"beschreibung": "Text ohne Titel"}]`, `"nur ein Text"`} {
		if _, err := parseServiceJSON([]byte(data)); err == nil {
			t.Errorf("%s: no error", data)
		}
	}
}

// TestDefinitionListOfSections checks that a page outlined as a
// definition list ("<dt>Gebühren</dt><dd><ul>…</ul></dd>") gets one
// section per term, while a list of short labelled values stays one block
// of lines.
func TestDefinitionListOfSections(t *testing.T) {
	page := `<html><body><main><h1>Beispielbad</h1><p>Das Beispielbad ist ein Freibad.</p>
<dl>
 <dt>Öffnungszeiten</dt><dd><ul><li>Montag bis Freitag 9 bis 20 Uhr</li></ul></dd>
 <dt>Eintritt frei für</dt><dd>Kinder unter sechs Jahren in Begleitung eines Erwachsenen und Begleitpersonen von Menschen mit Behinderung.</dd>
 <dt>Eintrittspreise</dt><dd><ul><li>Tageskarte 4,00 Euro</li><li>Saisonkarte 70,00 Euro</li></ul></dd>
</dl>
<h2>Kontakt</h2>
<dl><dt>Telefon</dt><dd>0999 1</dd><dt>E-Mail</dt><dd>bad@example.org</dd></dl>
</main></body></html>`
	pd, err := parseHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	var heads []string
	for _, s := range pd.sections {
		heads = append(heads, s.Heading)
	}
	want := []string{"", "Öffnungszeiten", "Eintritt frei für", "Eintrittspreise", "", "Kontakt"}
	if strings.Join(heads, "|") != strings.Join(want, "|") {
		t.Fatalf("headings %q, want %q", heads, want)
	}
	if !strings.Contains(pd.sections[3].Text, "Saisonkarte 70,00 Euro") || strings.Contains(pd.sections[1].Text, "Saisonkarte") {
		t.Errorf("prices not in their own section: %+v", pd.sections)
	}
	if last := pd.sections[len(pd.sections)-1]; !strings.Contains(last.Text, "Telefon\n0999 1") {
		t.Errorf("short labelled values split: %q", last.Text)
	}
}

// TestPlainTextHeadingLines checks that a plain-text article whose
// paragraphs stand under short lines of their own gets one section per
// such line, and that text without two of them stays one section.
func TestPlainTextHeadingLines(t *testing.T) {
	text := "Beispielkonto gesperrt\n\nIT-Hilfe | Stand: 01.01.2026\n\nWoran erkenne ich die Sperre?\nDie Anmeldung meldet, dass das Konto gesperrt ist.\n\n" +
		"Kennwort selbst zurücksetzen\nSie setzen es unter https://kennwort.example zurück.\n- mindestens 12 Zeichen\n\nSonst gilt:\nRufen Sie an.\n"
	pd, err := parseText([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	var heads []string
	for _, s := range pd.sections {
		heads = append(heads, s.Heading)
	}
	if pd.title != "Beispielkonto gesperrt" || strings.Join(heads, "|") != "|Woran erkenne ich die Sperre?|Kennwort selbst zurücksetzen" {
		t.Fatalf("title %q, headings %q", pd.title, heads)
	}
	if !strings.Contains(pd.sections[2].Text, "mindestens 12 Zeichen") {
		t.Errorf("list lost from its section: %q", pd.sections[2].Text)
	}
	notice, err := parseText([]byte("Amtsblatt Nr. 1\n\nBekanntmachung des Bauhofs\n\nNeue Öffnungszeiten des Beispielhofs\n\nDer Beispielhof hat ab Januar neue Öffnungszeiten, die hier stehen:\n\n" +
		"Dienstag: 14:00 bis 18:00 Uhr\nFreitag: 13:00 bis 18:00 Uhr\n\nBeispielstadt, 1. Dezember 2026\nDer Bürgermeister\n"))
	if err != nil {
		t.Fatal(err)
	}
	var nh []string
	for _, s := range notice.sections {
		nh = append(nh, s.Heading)
	}
	if j := strings.Join(nh, "|"); strings.Contains(j, "Dienstag") || strings.Contains(j, "Beispielstadt,") {
		t.Errorf("notice sections %q: hours and a place with its date are no headings", nh)
	}
	one, err := parseText([]byte("Titel\n\nEin Absatz ohne Überschriften.\n\nNoch ein Absatz.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(one.sections) != 1 {
		t.Errorf("text without heading lines split: %+v", one.sections)
	}
}

// A Word document whose editors set headings in bold rather than in a
// heading style gets a section per bold line, and its first bold line is
// the title; a bold sentence stays text.
func TestDOCXBoldHeadings(t *testing.T) {
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	p := func(bold bool, s string) string {
		rpr := ""
		if bold {
			rpr = `<w:rPr><w:b/></w:rPr>`
		}
		return `<w:p><w:r>` + rpr + `<w:t>` + s + `</w:t></w:r></w:p>`
	}
	doc := `<w:document ` + ns + `><w:body>` + p(true, "Beispielschein beantragen") + p(false, "Sachbearbeitung: Frau Muster, Aktenzeichen 1.2-BS") +
		p(true, "Was kostet das?") + p(false, "Der Beispielschein kostet 12,00 Euro.") +
		p(true, "Wichtig: Bringen Sie den alten Schein mit.") + p(true, "Was ist zu tun?") + p(false, "Stellen Sie den Antrag im Bürgerbüro.") +
		`</w:body></w:document>`
	pd, err := parseDOCX(wordDocument(t, doc), newBudget(Limits{}, nil))
	if err != nil {
		t.Fatal(err)
	}
	var heads []string
	for _, s := range pd.sections {
		heads = append(heads, s.Heading)
	}
	if pd.title != "Beispielschein beantragen" || strings.Join(heads, "|") != "|Was kostet das?|Was ist zu tun?" {
		t.Fatalf("title %q, headings %q", pd.title, heads)
	}
	if !strings.Contains(pd.sections[1].Text, "Wichtig: Bringen Sie den alten Schein mit.") {
		t.Errorf("a bold sentence was taken for a heading: %+v", pd.sections)
	}
	if f := headingFacet("Was ist zu tun?"); f != FacetAblauf {
		t.Errorf("headingFacet(Was ist zu tun?) = %s", f)
	}
	if f := headingFacet("Wer darf anliefern?"); f != FacetVoraussetzungen {
		t.Errorf("headingFacet(Wer darf anliefern?) = %s", f)
	}
}

// A page's schema.org FAQPage answers what its visible text does not say
// become sections; answers the page shows are not read twice.
func TestFAQJSONLD(t *testing.T) {
	page := `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
{"@type":"FAQPage","mainEntity":[
 {"@type":"Question","name":"Was kostet der Beispieltausch?","acceptedAnswer":{"@type":"Answer","text":"Der Tausch kostet 25,00 Euro."}},
 {"@type":"Question","name":"Wo gibt es den Beispielkalender?","acceptedAnswer":{"@type":"Answer","text":"<p>Im <b>Bürgerbüro</b> und in der App.</p>"}}]}]}
</script></head><body><main><h1>Beispieltonnen</h1><p>Der Tausch kostet 25,00 Euro.</p></main></body></html>`
	pd, err := parseHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	var faq []Section
	for _, s := range pd.sections {
		if s.Facet == FacetFAQ {
			faq = append(faq, s)
		}
	}
	if len(faq) != 1 || faq[0].Heading != "Wo gibt es den Beispielkalender?" || faq[0].Text != "Im Bürgerbüro und in der App." {
		t.Errorf("FAQ sections %+v, want the calendar's answer alone, without markup", faq)
	}
}

// A page whose frame is made of <div>s (a council information system, a
// CMS theme) loses its menu, breadcrumb and footer by their class names,
// ids and landmark roles; a box with the page's heading stays, and so
// does a record's head inside the page's <article>.
func TestDivChromeIsDropped(t *testing.T) {
	page := `<html><body><div id="header" class="wiki-header"><div class="logo">Beispiel-Wiki der Verwaltung</div></div>
<div class="page-metadata">Erstellt von A. Muster, zuletzt geändert am 1. Nov. 2026</div><div class="plugin_pagetree"><ul><li>Startseite Wiki</li></ul></div>
<div id="risKopf"><ul id="risMenue"><li>Sitzungskalender</li><li>Gremien</li></ul></div>
<div class="breadcrumb">Start › Ortsrecht</div><div role="navigation">Suche</div>
<div id="risInhalt"><div class="content-head"><h1>Beispielsatzung</h1></div><p>§ 1 Die Satzung gilt für Beispiele.</p></div>
<div class="akkordeon"><h3 class="akkordeon-kopf">Gilt die Satzung auch sonntags?</h3><div>Ja.</div></div>
<div class="cookie-hinweis">Wir verwenden Cookies.</div><div id="risFuss">Erstellt mit Beispielsystem | Impressum</div></body></html>`
	pd, err := parseHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, s := range pd.sections {
		all.WriteString(s.Heading + "\n" + s.Text + "\n")
	}
	for _, chrome := range []string{"Sitzungskalender", "Start › Ortsrecht", "Suche", "Cookies", "Impressum", "Beispiel-Wiki", "zuletzt geändert", "Startseite Wiki"} {
		if strings.Contains(all.String(), chrome) {
			t.Errorf("chrome %q indexed:\n%s", chrome, all.String())
		}
	}
	if pd.title != "Beispielsatzung" || !strings.Contains(all.String(), "Die Satzung gilt für Beispiele.") || !strings.Contains(all.String(), "Gilt die Satzung auch sonntags?") {
		t.Errorf("content lost: title %q\n%s", pd.title, all.String())
	}

	// A record's head inside the page's article holds its key and office.
	pd, err = parseHTML([]byte(`<html><body><div class="site-header">Beispielstadt</div><main><article><h1>Beispielausweis</h1>
<div class="leistung-kopf"><p>Leistungsschlüssel: 0815</p><p>Zuständig: Beispielamt</p></div><p>Der Ausweis kostet 5 Euro.</p></article></main></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	all.Reset()
	for _, s := range pd.sections {
		all.WriteString(s.Heading + "\n" + s.Text + "\n")
	}
	if !strings.Contains(all.String(), "Zuständig: Beispielamt") || strings.Contains(all.String(), "Beispielstadt") {
		t.Errorf("a record's head in <article> lost or the page's head kept:\n%s", all.String())
	}
}

// A PDF page of announcements without §§ is split at their headlines; a
// signature, a list of opening hours and the imprint are no headlines.
func TestPDFAnnouncementHeadlines(t *testing.T) {
	page := Section{Heading: "Seite 1", Text: "Amtsblatt der Beispielstadt\nAmtliche Bekanntmachungen\n" +
		"Beispielbüro am 11. Dezember geschlossen\nWegen einer Umstellung bleibt das Beispielbüro am Freitag, 11. Dezember, ganztägig geschlossen. Termine werden verlegt.\n" +
		"Der Bürgermeister\nNeue Öffnungszeiten der Beispielbücherei ab Januar\nDie Beispielbücherei ändert ab Montag, 4. Januar, ihre Öffnungszeiten und ist dann so geöffnet:\n" +
		"Samstag: 10 bis 14 Uhr\nMontag geschlossen\nBisher war die Bücherei montags von 14 bis 18 Uhr geöffnet, und die Rückgabebox bleibt jederzeit nutzbar.\n" +
		"Der Bürgermeister\nHerausgeber: Beispielstadt, Marktplatz 1. Das Amtsblatt erscheint wöchentlich und ist im Rathaus erhältlich.\n"}
	var heads []string
	for _, s := range headlineSections(page) {
		heads = append(heads, s.Heading)
	}
	want := "Seite 1|Seite 1 › Beispielbüro am 11. Dezember geschlossen|Seite 1 › Neue Öffnungszeiten der Beispielbücherei ab Januar"
	if strings.Join(heads, "|") != want {
		t.Errorf("headings %q", heads)
	}
}

// A portal's export wraps its records in an object with a header: each
// record of the array is a document named by its id, and the header
// (system, timestamp, count) is no text.
func TestRecordJSONWrappedExport(t *testing.T) {
	docs, err := parseServiceJSON([]byte(`{
  "export": {"system": "Beispielportal 1.0", "erstellt": "2026-01-02T03:04:05+01:00", "anzahl": 2},
  "eintraege": [
    {"id": "e-1", "titel": "Beispielschein beantragen", "kurzbeschreibung": "Den Schein gibt es im Amt.",
     "gebuehren": [{"bezeichnung": "je Schein", "betrag": 12.5, "text": "12,50 Euro je Schein"}]},
    {"id": "e-2", "titel": "Musterkarte verlängern", "kurzbeschreibung": "Die Karte gilt ein Jahr."}
  ]
}`))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].subID != "e-1" || docs[1].subID != "e-2" {
		t.Fatalf("got %d documents: %+v", len(docs), docs)
	}
	if docs[0].title != "Beispielschein beantragen" {
		t.Errorf("title %q", docs[0].title)
	}
	var text strings.Builder
	for _, s := range docs[0].sections {
		text.WriteString(s.Heading + "\n" + s.Text + "\n")
	}
	if !strings.Contains(text.String(), "12,50 Euro je Schein") {
		t.Errorf("the fee is lost:\n%s", text.String())
	}
	for _, meta := range []string{"Beispielportal", "2026-01-02T03", "anzahl"} {
		if strings.Contains(text.String(), meta) {
			t.Errorf("the export's header %q is in the text:\n%s", meta, text.String())
		}
	}
	// An object with a title of its own stays one record, its list of
	// objects a section.
	one, err := parseServiceJSON([]byte(`{"titel": "Beispielhalle mieten", "raeume": [{"name": "Saal", "preis": "100,00 Euro"}]}`))
	if err != nil || len(one) != 1 || one[0].title != "Beispielhalle mieten" {
		t.Errorf("a record with a list of objects: %d documents, %v", len(one), err)
	}
}

// TestRecordJSONParts checks how a portal's record with parts is read: a
// list of objects with a heading and an HTML text gives a section each
// (the facet named by the heading or else by the part's type), HTML in
// any value is reduced to its text, keywords are synonyms, the short
// description is the lead, and neither a currency code nor an amount as
// a number stands beside each fee.
func TestRecordJSONParts(t *testing.T) {
	data := []byte(`{
  "id": "x-1",
  "titel": "Beispielkurs für Kinder",
  "schlagworte": ["Musterkurs", "Kinderkurs"],
  "kurzbeschreibung": "Ein Kurs für Kinder im Beispielhaus.",
  "inhalte": [
    {"typ": "beschreibung", "ueberschrift": "Was wird gemacht?", "html": "<p>Basteln und Spielen.</p><p>Jeden Tag <b>neu</b>.</p>"},
    {"typ": "fristen", "ueberschrift": "Anmeldeschluss", "html": "<p>Bis 1. März.</p>"},
    {"typ": "sonstiges", "ueberschrift": "Welche Unterlagen brauche ich?", "html": "<ul><li>Ausweis</li><li>Foto</li></ul>"}
  ],
  "preise": [
    {"bezeichnung": "je Woche", "betrag": 40.0, "waehrung": "EUR", "text": "40,00 Euro je Woche und Kind"},
    {"bezeichnung": "Essen", "betrag": 3.5, "waehrung": "EUR", "text": "Essen 3,50 Euro je Tag"}
  ],
  "hinweis": "Bitte <br>Hausschuhe mitbringen.</br>"
}`)
	docs, err := parseServiceJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	if strings.Join(d.synonyms, ",") != "Musterkurs,Kinderkurs" {
		t.Errorf("synonyms %q", d.synonyms)
	}
	want := []struct {
		heading string
		facet   Facet
		text    string
	}{
		{"", FacetOverview, "Ein Kurs für Kinder im Beispielhaus."},
		{"Was wird gemacht?", FacetOverview, "Basteln und Spielen.\nJeden Tag neu."},
		{"Anmeldeschluss", FacetFristen, "Bis 1. März."},
		{"Welche Unterlagen brauche ich?", FacetUnterlagen, "- Ausweis\n- Foto"},
		{"Kosten", FacetKosten, "- je Woche: 40,00 Euro je Woche und Kind\n- Essen 3,50 Euro je Tag"},
		{"Hinweis", FacetNone, "Bitte\nHausschuhe mitbringen."},
	}
	if len(d.sections) != len(want) {
		t.Fatalf("sections %+v, want %d", d.sections, len(want))
	}
	for i, w := range want {
		if s := d.sections[i]; s.Heading != w.heading || s.Facet != w.facet || s.Text != w.text {
			t.Errorf("section %d = %q [%s] %q, want %q [%s] %q", i, s.Heading, s.Facet, s.Text, w.heading, w.facet, w.text)
		}
	}
	for _, s := range d.sections {
		if strings.Contains(s.Text, "<") || strings.Contains(s.Text, "EUR") || strings.Contains(s.Text, "40.0") || strings.Contains(s.Text, "Musterkurs") {
			t.Errorf("markup, currency code, number or keyword in the text: %q", s.Text)
		}
	}
}
