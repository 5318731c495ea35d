// SPDX-License-Identifier: EUPL-1.2

package evals

// The texts of the Ginsterfeld corpus's generated files (see
// ginsterfeld_test.go). Stadt Ginsterfeld is fictional; the texts were
// written for this corpus. The leaflet on dyke and foreshore is a Word
// document in review: tracked insertions and deletions, a comment and
// footnotes (see ginsterfeldReviewDOCX); the opening hours are an Excel
// workbook whose times and dates are number cells formatted as times and
// dates (see ginsterfeldHoursXLSX); the welcome brochure for new residents
// is an EPUB 3 book (see ginsterfeldEPUB).

// gfDeich is merkblaetter/deich-und-vorland.docx: "T " the title, "H " a
// heading, "P " a paragraph, "FN n " a footnote, "CM n author | text" a
// comment. Inside a paragraph "{+…+}" is a tracked insertion, "{-…-}" a
// tracked deletion, "[^n]" a footnote reference and "[c:n]…[/c]" the text
// a comment is anchored to.
const gfDeich = `
T Merkblatt: Unterwegs auf Deich und Vorland
P Stadt Ginsterfeld · Ordnungsamt · in Abstimmung mit dem Deich- und Hauptsielverband Geestmarsch · Stand {-März 2025-}{+November 2026+}
H Warum gibt es Regeln?
P Der Landesschutzdeich schützt Ginsterfeld und die Köge vor Sturmfluten. Seine Grasnarbe hält nur, wenn sie dicht und unbeschädigt bleibt. Deshalb gelten auf Deich und Vorland besondere Regeln.[^1]
H Spazierengehen und Radfahren
P Spazierengehen ist auf dem Deich erlaubt, [c:1]Radfahren nur auf dem asphaltierten Deichverteidigungsweg am Binnenfuß, nicht auf der Deichkrone.[/c] Die Deichtore sind nach dem Durchgehen wieder zu schließen.
H Hunde
P Auf dem Deich und im Vorland müssen Hunde {-vom 1. April bis zum 15. Juli-}{+ganzjährig+} an der kurzen Leine geführt werden, weil dort Schafe weiden und Bodenbrüter nisten. Frei laufen dürfen Hunde nur am ausgeschilderten Hundestrand Osterkoog. Hundekot ist mitzunehmen; Beutelspender stehen an allen Deichübergängen.
H Schafe
P Von {-Mai-}{+Mitte April+} bis Oktober weiden auf dem Deich Schafe. Füttern Sie sie nicht und halten Sie Abstand zu den Lämmern. Ein Schaf, das auf dem Rücken liegt, kann nicht allein aufstehen: Rufen Sie die Schäferei an, Telefon 0171 5520 914.
H Was ist verboten?
P Verboten sind insbesondere: auf dem Deich zu zelten, zu grillen oder Feuer zu machen, mit Kraftfahrzeugen zu fahren, Drachen mit Metallleinen steigen zu lassen und die Grasnarbe zu beschädigen, etwa durch Rodeln{+ oder Abkürzungspfade quer zum Deich+}.[^2]
H Sturmflut
P Bei Sturmflutwarnung ist das Betreten des Deichs und des Vorlands verboten. Folgen Sie den Anweisungen der Deichwache.
FN 1 Rechtsgrundlage sind das Landeswassergesetz Schleswig-Holstein und die Deichordnung des Deich- und Hauptsielverbands Geestmarsch.
FN 2 Verstöße sind Ordnungswidrigkeiten und können mit einer Geldbuße bis zu 5.000 Euro geahndet werden.
CM 1 Lüders, Hauke | Radfahren auf der Krone: Der Verband will das 2027 vielleicht ganz freigeben – bitte vor dem Druck noch einmal nachfragen.
`

// gfHours is the first sheet of einrichtungen/oeffnungszeiten-2027.xlsx,
// one line a row, cells parted by "|": a cell "=h:mm" is a time stored as
// a fraction of a day and shown as a time, any other cell a shared string.
const gfHours = `
Einrichtung|Wochentag|geöffnet von|bis|Hinweis
Bürgerbüro|Montag|=8:00|=12:00|
Bürgerbüro|Dienstag|=8:00|=12:00|
Bürgerbüro|Dienstag|=14:00|=18:00|
Bürgerbüro|Mittwoch|=8:00|=12:00|
Bürgerbüro|Donnerstag|=8:00|=12:00|
Bürgerbüro|Donnerstag|=14:00|=17:30|
Bürgerbüro|Freitag|=8:00|=12:00|
Bürgerbüro|Samstag|=9:00|=12:00|nur am ersten Samstag im Monat, nur Ausweise und Meldebescheinigungen
Stadtbücherei|Dienstag|=10:00|=18:00|
Stadtbücherei|Mittwoch|=10:00|=13:00|
Stadtbücherei|Donnerstag|=14:00|=19:00|
Stadtbücherei|Freitag|=10:00|=18:00|
Stadtbücherei|Samstag|=10:00|=13:00|Rückgabe rund um die Uhr über die Klappe am Eingang
Recyclinghof|Mittwoch|=14:00|=18:00|April bis Oktober bis 19:00
Recyclinghof|Freitag|=13:00|=17:00|
Recyclinghof|Samstag|=9:00|=14:00|
Tourist-Info|Montag bis Freitag|=9:00|=17:00|November bis März nur bis 16:00
Tourist-Info|Samstag|=10:00|=14:00|nur April bis Oktober
Hafenmeisterei|täglich|=8:00|=10:00|April bis Oktober, abends zusätzlich 17:00 bis 19:00
`

// gfClosures is the second sheet of the workbook ("Schließtage"): a cell
// "=dd.mm.yyyy" is a date stored as a serial day number and shown as a
// date.
const gfClosures = `
Datum|bis|Einrichtung|Grund
=02.01.2027|=02.01.2027|Bürgerbüro|kein Samstagsdienst nach Neujahr
=15.03.2027|=19.03.2027|Stadtbücherei|Inventur
=26.03.2027|=26.03.2027|alle Einrichtungen|Karfreitag
=07.05.2027|=07.05.2027|Bürgerbüro, Stadtbücherei|Brückentag nach Christi Himmelfahrt
=27.12.2027|=31.12.2027|Stadtbücherei|Betriebsferien zwischen den Jahren
`

// gfNeubuerger is broschueren/neubuergerbroschuere-2027.epub: "# " opens
// a chapter (one XHTML file each) with its title, "## " a heading, "- " a
// list item, "> " a boxed note (an <aside>), any other line a paragraph.
const gfNeubuerger = `
# Moin und willkommen!
Schön, dass Sie jetzt in Ginsterfeld wohnen. Unsere kleine Stadt zwischen Geest und Marsch hat rund 9.400 Einwohnerinnen und Einwohner, einen Sielhafen, drei Ortsteile und viel Wind. Diese Broschüre sammelt, was Sie in den ersten Wochen wissen müssen.
> Ihr Begrüßungspaket: Wer sich neu anmeldet, bekommt im Bürgerbüro ein Begrüßungspaket mit Stadtplan, Abfallkalender und einem Gutschein für einen Eintritt ins Meerwasser-Freibad.
Ihre Bürgermeisterin Frauke Hansen-Tiedje
# Anmelden, ummelden, abmelden
## Anmelden
Nach dem Einzug melden Sie sich innerhalb von zwei Wochen im Bürgerbüro an. Bringen Sie Ihren Personalausweis oder Reisepass und die Wohnungsgeberbestätigung Ihres Vermieters mit. Die Anmeldung ist gebührenfrei.
## Termin
Termine buchen Sie online unter www.ginsterfeld.example/termin oder telefonisch unter 04847 6209-0.
## Auto und Parken
Ihr Auto melden Sie bei der Zulassungsstelle des Kreises Geestmarsch in Heidewall um; in Ginsterfeld selbst gibt es keine Zulassungsstelle.
# Abfall und Wertstoffe
## Tonnen
Restmüll, Bioabfall und Altpapier holt der Abfallwirtschaftsbetrieb des Kreises ab. Ihre Tonnen bestellen Sie dort; der Vermieter hat meist schon welche.
- Restmüll: alle zwei Wochen
- Bioabfall: alle zwei Wochen, von Juni bis August wöchentlich
- Altpapier: alle vier Wochen
## Gelbe Säcke
Gelbe Säcke gibt es kostenlos im Bürgerbüro und in der Tourist-Info am Markt. Sie werden alle zwei Wochen abgeholt; stellen Sie sie erst am Abend vor der Abfuhr an die Straße, wegen des Windes gut verknotet.
## Recyclinghof
Sperrige Gartenabfälle, Schnittgut von Knicks, Elektrogeräte und Bauschutt in kleinen Mengen nimmt der Recyclinghof am Klärwerksweg an.
# Kultur, Sport und Freizeit
## Stadtbücherei
Die Stadtbücherei im Alten Amtsgericht leiht Bücher, Zeitschriften, Spiele und Tonies aus. Für Neubürgerinnen und Neubürger ist der Bibliotheksausweis im ersten Jahr kostenlos; danach kostet er 12 Euro im Jahr, für Kinder und Jugendliche nichts.
## Vereine
Vom Ringreiterverein bis zum Shanty-Chor: Das Vereinsverzeichnis finden Sie auf www.ginsterfeld.example/vereine. Viele Vereine bieten ein kostenloses Probetraining an.
## Meerwasser-Freibad
Das Freibad am Deich hat von Mitte Mai bis Anfang September geöffnet. Das Wasser kommt aus dem Priel und wird gefiltert und beheizt.
# Wichtige Nummern
- Bürgerbüro: 04847 6209-0
- Hafenmeisterei: 04847 6209-180
- Stadtentwässerung (auch Kleinkläranlagen): 04847 6209-470
- Störung Straßenbeleuchtung: 04847 6209-460
- Notruf Feuerwehr und Rettungsdienst: 112
`
