// SPDX-License-Identifier: EUPL-1.2

package evals

// The texts of the Lärchenhain corpus's generated files (see
// laerchenhain_test.go). Stadt Lärchenhain is fictional; the texts were
// written for this corpus. The Tourist-Info's dates of guided tours are a
// CSV file saved by Excel ("CSV (Trennzeichen-getrennt)": semicolons,
// Windows-1252, CRLF, no byte order mark); the building office's form
// for a house number is a fillable PDF (AcroForm) made with Acrobat from
// a Word document (see laerchenhainFormPDF); the slides of the fibre
// information evening are a LibreOffice Impress presentation (see
// laerchenhainODP).

// lhStadtfuehrungen is tourismus/stadtfuehrungen-2027.csv, one line a
// row as Excel writes it: cells parted by ";", a cell quoted only when it
// holds a ";" or a quote (quotes doubled).
const lhStadtfuehrungen = `Datum;Tag;Uhrzeit;Führung;Treffpunkt;Dauer;Preis Erwachsene;Preis ermäßigt;Anmeldung;Hinweise
16.01.2027;Sa;14:00;Altstadtführung „Lärchen, Flöße und Lebkuchen“;Tourist-Info am Marktplatz;90 Minuten;8,00 €;5,00 €;nicht nötig;
29.01.2027;Fr;19:30;Nachtwächterführung;am Stadtturm;75 Minuten;10,00 €;6,00 €;empfohlen;Laternen werden gestellt
13.02.2027;Sa;10:30;Kinderführung „Auf den Spuren der Flößer“;Flößerbrunnen, Untere Vorstadt;60 Minuten;4,00 €;4,00 €;nicht nötig;"für Kinder von 6 bis 12 Jahren; eine Begleitperson frei"
20.02.2027;Sa;14:00;Altstadtführung „Lärchen, Flöße und Lebkuchen“;Tourist-Info am Marktplatz;90 Minuten;8,00 €;5,00 €;nicht nötig;
26.02.2027;Fr;19:30;Nachtwächterführung;am Stadtturm;75 Minuten;10,00 €;6,00 €;empfohlen;Laternen werden gestellt
27.02.2027;Sa;15:00;Brauereiführung mit Verkostung;Hof der Brauerei Lärchenbräu, Brauhausgasse 3;120 Minuten;16,00 €;–;erforderlich, bis zwei Tage vorher;ab 18 Jahren, zwei Bier inklusive
13.03.2027;Sa;14:00;Altstadtführung „Lärchen, Flöße und Lebkuchen“;Tourist-Info am Marktplatz;90 Minuten;8,00 €;5,00 €;nicht nötig;
20.03.2027;Sa;10:30;Kinderführung „Auf den Spuren der Flößer“;Flößerbrunnen, Untere Vorstadt;60 Minuten;4,00 €;4,00 €;nicht nötig;"für Kinder von 6 bis 12 Jahren; eine Begleitperson frei"
26.03.2027;Fr;19:30;Nachtwächterführung;am Stadtturm;75 Minuten;10,00 €;6,00 €;empfohlen;Laternen werden gestellt
27.03.2027;Sa;14:00;Osterbrunnen-Führung durch die Vorstädte;Tourist-Info am Marktplatz;90 Minuten;8,00 €;5,00 €;nicht nötig;die Brunnen sind vom 20.03. bis 11.04. geschmückt
;;;Gruppenführung nach Wunsch;nach Vereinbarung;90 Minuten;75,00 € je Gruppe bis 25 Personen;;Tourist-Info, Telefon 09877 4021-400;auch auf Englisch und Tschechisch
;;;Ermäßigt zahlen: Schüler, Studierende, Menschen mit Schwerbehindertenausweis, Inhaber der Ehrenamtskarte;;;;;;
`

// lhHausnummer is formulare/antrag-hausnummer.pdf: "T " a line of the
// letterhead or title set larger and bold, "H " a bold heading, "F name |
// label | tooltip" a text field with its label printed before it, "C name
// | label | tooltip" a check box with its label printed after it, "- " a
// bullet of the notes, an empty line a space; other lines as printed.
const lhHausnummer = `
T Stadt Lärchenhain
Bauamt – Vermessung und Hausnummern · Marktplatz 1 · 95699 Lärchenhain · Telefon 09877 4021-620

T Antrag auf Zuteilung einer Hausnummer
nach § 126 Abs. 3 Baugesetzbuch

H 1. Antragstellerin oder Antragsteller (Eigentümer oder Bauherr)
F name | Name, Vorname | Name und Vorname der Eigentümerin oder des Eigentümers, bei Firmen die Firma
F anschrift | Anschrift | Straße, Hausnummer, Postleitzahl und Ort Ihrer jetzigen Anschrift
F telefon | Telefon | Tagsüber erreichbar, für Rückfragen
F email | E-Mail | Freiwillig
H 2. Baugrundstück
F gemarkung | Gemarkung | Gemarkung laut Grundbuch, z. B. Lärchenhain, Oberau oder Fichtenreuth
F flurnummer | Flurnummer | Flurnummer laut Grundbuch oder Baugenehmigung, z. B. 1234/5
F strasse | Straße (soweit bekannt) | Straße, an der der Hauseingang liegt
H 3. Vorhaben
C wohngebaeude | Neubau Wohngebäude | 
C gewerbe | Neubau Gewerbegebäude | 
C teilung | Teilung oder zusätzlicher Hauseingang | Auch wenn ein bestehendes Gebäude einen weiteren Eingang erhält
F bezug | Voraussichtlicher Bezug (Monat, Jahr) | Monat und Jahr, in dem das Gebäude voraussichtlich bezogen wird
H 4. Anlagen
C lageplan | Lageplan im Maßstab 1:1000 mit eingezeichnetem Hauseingang | Ohne Lageplan kann die Hausnummer nicht zugeteilt werden
F ort_datum | Ort, Datum | 
F unterschrift | Unterschrift | Unterschreiben Sie den ausgedruckten Antrag oder senden Sie ihn über das Bürgerservice-Portal

H Hinweise
- Die Hausnummer teilt die Stadt zu. Stellen Sie den Antrag, sobald die Baugenehmigung vorliegt, spätestens vier Wochen vor dem Bezug.
- Für die Zuteilung berechnet die Stadt eine Gebühr von 30 Euro je Hausnummer.
- Das Hausnummernschild beschaffen Sie selbst. Die Ziffern müssen mindestens 10 cm hoch und von der Straße aus gut lesbar sein.
- Bringen Sie das Schild bis zum Bezug neben dem Hauseingang oder an der Grundstückseinfahrt an.
- Die neue Anschrift teilen wir der Post, den Versorgern, der Feuerwehr und dem Vermessungsamt mit.
`

// lhGlasfaser are the slides of aktuelles/glasfaser-infoabend.odp: a
// slide's first line is its title, "- " an item of its outline, "  - " an
// item one level below, "N " a line of its speaker notes.
var lhGlasfaser = []string{
	`Glasfaser für Lärchenhain
Informationsabend am 25. November 2026, Stadthalle Lärchenhain
N Begrüßung durch den Ersten Bürgermeister Thomas Reißner.`,
	`Wer baut das Netz?
- Die Glasfaser Hohenfichten GmbH baut im Auftrag der Stadt ein Glasfasernetz bis in jedes Haus.
- Gefördert von Bund und Freistaat Bayern im Gigabitförderprogramm.
- Rund 2.400 Haushalte in der Kernstadt und in den Ortsteilen Oberau, Fichtenreuth und Hammermühle.
N Die Stadt bleibt Eigentümerin des Netzes und verpachtet es an den Betreiber.`,
	`Was kostet der Hausanschluss?
- Kostenlos, wenn Sie den Gestattungsvertrag bis 28. Februar 2027 unterschreiben.
- Danach kostet der Hausanschluss 890 Euro.
- Einen Internet-Tarif müssen Sie nicht abschließen.
  - Der Anschluss liegt dann bereit und kann später freigeschaltet werden.
N Häufigste Frage des Abends. Der Gestattungsvertrag liegt auch im Bürgerbüro aus.`,
	`Zeitplan
- Oberau, Fichtenreuth und Hammermühle: Tiefbau ab April 2027
- Kernstadt: Tiefbau ab September 2027
- Alle Hausanschlüsse fertig bis Ende 2028
N Die genauen Termine je Straße kündigt die Glasfaser Hohenfichten GmbH vier Wochen vorher mit einem Brief an.`,
	`Was müssen Eigentümer tun?
- Gestattungsvertrag unterschreiben und zurückschicken
- Beim Begehungstermin den Weg der Leitung ins Haus festlegen
- Platz für den Netzabschluss im Keller oder Hausanschlussraum vorsehen
  - Der Anschluss wird mit einer Spülbohrung verlegt, der Vorgarten bleibt weitgehend unberührt.`,
	`Beratung
- Glasfaser-Sprechstunde im Rathaus, Zimmer 0.11: dienstags 16 bis 18 Uhr im Januar und Februar 2027
- Hotline 09877 4021-777
- www.laerchenhain.example/glasfaser
N Die Folien stehen ab 26. November auf der Website.`,
}
