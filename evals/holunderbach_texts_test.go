// SPDX-License-Identifier: EUPL-1.2

package evals

// The texts of the Holunderbach corpus's generated files (see
// holunderbach_test.go). Stadt Holunderbach is fictional; the texts were
// written for this corpus. The two PDFs are set as a word processor
// exports them when the author marks headings only by a bold, larger
// font, without numbers (see holunderbachPDF: "# " the title, "## " a
// heading); the notice on winter help is a plain-text file saved in
// Windows-1252; the call for lay judges is a letter saved by WordPad as
// RTF (see holunderbachRTF: "# " a bold, larger line, "B " a bold line,
// "T " a line with tab stops, its tabs written as "\t"); the fee list is
// an Excel workbook (see holunderbachXLSX: one row per line, cells
// separated by "|", an amount in the fourth column a number).

// hbFeuerwerk is merkblaetter/feuerwerk-laerm.pdf.
const hbFeuerwerk = `
# Merkblatt: Feuerwerk, Silvester und Ruhezeiten

Stadt Holunderbach – Ordnungsamt

Viele Menschen freuen sich auf das Feuerwerk zum Jahreswechsel, andere fürchten den Lärm, ihre Tiere oder einen Brand in der Altstadt. Dieses Merkblatt fasst zusammen, was in Holunderbach gilt.

## Wann darf ich Feuerwerk abbrennen?

Feuerwerk der Kategorie F2 (Raketen, Batterien, Böller) dürfen Erwachsene nur am 31. Dezember und am 1. Januar abbrennen. Verkauft wird es nur vom 29. bis 31. Dezember. Kleinfeuerwerk der Kategorie F1, etwa Wunderkerzen und Knallerbsen, ist das ganze Jahr erlaubt.

## Wo ist Feuerwerk verboten?

In der Altstadt innerhalb des Wallrings ist das Abbrennen von Feuerwerk der Kategorie F2 auch an Silvester verboten, zum Schutz der Fachwerkhäuser. Das Verbot gilt ebenso in unmittelbarer Nähe von Kirchen, Krankenhäusern, Kinder- und Altenheimen.

Auf dem Marktplatz zeigt die Stadt um Mitternacht ein Feuerwerk; dort dürfen Sie selbst nichts zünden.

## Feuerwerk zu anderen Anlässen

Wer außerhalb von Silvester Feuerwerk der Kategorie F2 zünden will, etwa zu einer Hochzeit oder einem Jubiläum, braucht eine Ausnahmegenehmigung des Ordnungsamts. Stellen Sie den Antrag mindestens zwei Wochen vorher. Die Gebühr steht im Gebührenverzeichnis der Stadt.

Ein Höhenfeuerwerk durch einen Pyrotechniker zeigt dieser selbst beim Ordnungsamt an.

## Ruhezeiten im Alltag

Nachtruhe gilt täglich von 22:00 bis 6:00 Uhr. Rasenmäher, Heckenscheren und andere laute Gartengeräte dürfen werktags von 7:00 bis 20:00 Uhr benutzt werden, Laubbläser und Laubsauger nur werktags von 9:00 bis 13:00 Uhr und von 15:00 bis 17:00 Uhr. An Sonn- und Feiertagen gilt ganztägig Ruhe für alle Gartengeräte.

## Partys und Feiern

Auch bei einer Feier gilt ab 22:00 Uhr Zimmerlautstärke. Eine Ausnahme für ein Straßenfest oder ein Vereinsfest im Freien beantragen Sie beim Ordnungsamt, spätestens vier Wochen vorher.

## Lärm melden

Bei nächtlicher Ruhestörung, die gerade stattfindet, rufen Sie die Polizei unter 110. Wiederkehrenden Lärm aus der Nachbarschaft melden Sie dem Ordnungsamt, Telefon 05432 907-330, oder über den Mängelmelder auf www.holunderbach.example.

## Bußgelder

Wer gegen die Ruhezeiten verstößt oder verbotenes Feuerwerk zündet, handelt ordnungswidrig. Das Ordnungsamt kann ein Bußgeld von bis zu 5.000 Euro verhängen, bei Feuerwerk in der Altstadt bis zu 50.000 Euro.
`

// hbHausrecht is intern/dienstanweisungen/hausrecht-bedrohung.pdf.
const hbHausrecht = `
# Dienstanweisung über das Hausrecht und das Verhalten bei Bedrohungen

Stadtverwaltung Holunderbach – Hauptamt – DA 7/2026, gültig ab 1. Dezember 2026

Diese Dienstanweisung gilt für alle Beschäftigten mit Publikumsverkehr im Rathaus, im Bürgerbüro, im Bauhof und in den Außenstellen. Sie soll Sie schützen: Niemand muss Beleidigungen, Drohungen oder Gewalt hinnehmen.

## Hausrecht

Das Hausrecht im Rathaus übt die Bürgermeisterin aus. Im Alltag haben es die Fachbereichsleitungen und jede Beschäftigte und jeder Beschäftigte in den eigenen Diensträumen. Sie dürfen eine Person auffordern, Ihr Büro oder den Wartebereich zu verlassen, wenn sie Sie bedroht, beleidigt oder den Dienstbetrieb erheblich stört.

Ein Hausverbot für länger als einen Tag spricht nur die Fachbereichsleitung schriftlich aus.

## Stiller Alarm

Jeder Arbeitsplatz mit Publikumsverkehr ist an den PC-Notruf angeschlossen. Sie lösen ihn mit der Tastenkombination Strg + Umschalt + F12 aus, auch wenn eine andere Anwendung geöffnet ist. Der Alarm erscheint bei den Kolleginnen und Kollegen der Nachbarbüros und an der Pforte mit Ihrem Namen und Ihrer Zimmernummer; sie kommen zu zweit zu Ihnen.

Im Bürgerbüro gibt es zusätzlich unter jedem Schaltertisch einen roten Notrufknopf.

## Verhalten in der Situation

Bleiben Sie ruhig, sprechen Sie langsam und nennen Sie die Person beim Namen. Halten Sie Abstand und achten Sie darauf, dass der Weg zur Tür frei bleibt. Verlassen Sie den Raum, wenn Sie sich bedroht fühlen; Akten und Kasse sind dann nicht wichtig.

Bei Gewalt oder einer Waffe rufen Sie sofort die Polizei unter 110.

## Nach einem Vorfall

Jeder Vorfall mit Beleidigung, Drohung oder Gewalt wird innerhalb von drei Arbeitstagen mit dem Formular „Meldung eines Übergriffs“ im Intranet gemeldet. Die Meldung geht an die Fachbereichsleitung, die Fachkraft für Arbeitssicherheit und den Personalrat.

Sie dürfen sich nach einem Vorfall für den Rest des Tages vom Publikumsverkehr freistellen lassen. Das Betriebliche Gesundheitsmanagement vermittelt eine Beratung, auch anonym, Durchwahl -177.

## Schulungen

Alle Beschäftigten mit Publikumsverkehr nehmen alle zwei Jahre an einer Deeskalationsschulung teil. Die Termine stehen im Fortbildungsprogramm.
`

// hbKaeltehilfe is bekanntmachungen/2026-12-01-kaeltehilfe.txt, saved in
// Windows-1252 with CRLF line ends.
const hbKaeltehilfe = `Stadt Holunderbach – Bekanntmachung

Kältehilfe im Winter 2026/2027

Holunderbach, 1. Dezember 2026

Niemand soll in Holunderbach im Winter draußen schlafen müssen. Die Stadt, die Kirchengemeinde St. Marien und der Verein „Offene Tür e. V.“ bieten deshalb auch in diesem Winter eine Kältehilfe an.

Wärmestube
Vom 1. Dezember 2026 bis zum 31. März 2027 ist die Wärmestube im Gemeindehaus St. Marien, Kirchplatz 3, täglich von 18:00 bis 8:00 Uhr geöffnet. Es gibt ein warmes Abendessen, ein Frühstück, Duschen und einen Schlafplatz. Eine Anmeldung ist nicht nötig, und niemand muss seinen Namen nennen. Hunde dürfen mit – sie schlafen in der Vorhalle.

Das Essen ist kostenlos; wer mag, gibt einen freiwilligen Beitrag von 1 € in die Kasse.

Kältebus
Bei Temperaturen unter 0 Grad fährt der Kältebus freitags und samstags von 20:00 bis 24:00 Uhr durch die Stadt. Die Helferinnen und Helfer bringen heißen Tee, Schlafsäcke und auf Wunsch eine Fahrt zur Wärmestube.

Kältetelefon
Sehen Sie einen Menschen, der in der Kälte Hilfe braucht? Rufen Sie das Kältetelefon an: 05432 907-444, täglich von 18:00 bis 23:00 Uhr. Ist jemand nicht ansprechbar oder in Lebensgefahr, wählen Sie sofort 112.

Spenden
Gut erhaltene Schlafsäcke, Isomatten, warme Socken und Mützen nimmt die Kleiderkammer im Gemeindehaus montags und mittwochs von 10:00 bis 12:00 Uhr entgegen. Geldspenden bitte an die Stadtkasse, Stichwort „Kältehilfe 2026“.

Für Menschen, die ihre Wohnung verloren haben oder zu verlieren drohen, bietet das Ordnungsamt eine Beratung an, Rathaus Zimmer 208, Telefon 05432 907-335.

Heike Tamm
Bürgermeisterin
`

// hbSchoeffenwahl is bekanntmachungen/2026-11-25-schoeffenwahl.rtf.
const hbSchoeffenwahl = `
B Stadt Holunderbach · Die Bürgermeisterin
Markt 1 · 31999 Holunderbach

T \tHolunderbach, 25. November 2026
T \tAz.: 10.2-024/2026

# Öffentliche Bekanntmachung: Schöffinnen und Schöffen gesucht

Sehr geehrte Damen und Herren,

am Amtsgericht Holunderbach sind mehrere Schöffinnen und Schöffen aus dem Amt geschieden. Für den Rest der Amtszeit bis zum 31. Dezember 2028 wählt der Wahlausschuss beim Amtsgericht Ersatzschöffen. Die Stadt Holunderbach stellt dafür eine Vorschlagsliste auf und bittet Sie, sich zu bewerben.

B Wer kann sich bewerben?

Bewerben können sich Deutsche, die in Holunderbach wohnen und bei Beginn der Amtszeit mindestens 25 und höchstens 69 Jahre alt sind. Sie sollten gesund sein und ausreichend Deutsch sprechen. Nicht berufen werden sollen Personen, die in einem Insolvenzverfahren stehen oder zu einer Freiheitsstrafe von mehr als sechs Monaten verurteilt wurden; Richter, Polizeibeamte und Rechtsanwälte sind ausgeschlossen.

B Was erwartet Sie?

Schöffinnen und Schöffen entscheiden in Strafsachen gleichberechtigt mit den Berufsrichtern, an höchstens zwölf Sitzungstagen im Jahr. Der Arbeitgeber muss Sie dafür freistellen. Sie erhalten eine Entschädigung von 7 € je Stunde, dazu den Ersatz Ihres Verdienstausfalls und der Fahrtkosten.

B Wie bewerbe ich mich?

Schicken Sie den Bewerbungsbogen bis zum 15. Januar 2027 an die Stadt Holunderbach, Hauptamt, Markt 1, oder per E-Mail an wahlen@holunderbach.example. Den Bogen erhalten Sie im Bürgerbüro und auf www.holunderbach.example/schoeffen.

Der Rat beschließt die Vorschlagsliste im Februar 2027. Sie liegt danach eine Woche im Rathaus, Zimmer 201, zur Einsicht aus; gegen die Liste kann jede und jeder innerhalb einer Woche nach dem Ende der Auslegung Einspruch erheben.

Für Fragen steht Ihnen im Hauptamt Herr Malte Gerdes zur Verfügung, Telefon 05432 907-120.

Mit freundlichen Grüßen

Heike Tamm
Bürgermeisterin
`

// hbGebuehren is gebuehren/gebuehrenverzeichnis-2027.xlsx: its title
// row, its header row and one row per fee; an amount in the fourth column
// is a number cell shown with two decimals.
const hbGebuehren = `
Gebührenverzeichnis der Stadt Holunderbach – gültig ab 1. Januar 2027
Nr. | Bereich | Leistung | Gebühr in Euro | Bemerkung
1 | Friedhof | Reihengrab für Erdbestattung, Nutzungsrecht 20 Jahre | 1150 | 
2 | Friedhof | Urnenreihengrab, Nutzungsrecht 20 Jahre | 690 | 
3 | Friedhof | Urnengemeinschaftsgrab unter Bäumen (Baumbestattung) | 980 | einschließlich Namensplatte
4 | Friedhof | Wahlgrab, Verlängerung des Nutzungsrechts je Jahr | 48 | 
5 | Friedhof | Benutzung der Trauerhalle je Trauerfeier | 210 | 
6 | Ordnung | Ausnahmegenehmigung für Feuerwerk der Kategorie F2 außerhalb von Silvester | 75 | je Anlass
7 | Ordnung | Ausnahme von den Ruhezeiten für Feste im Freien | 40,00 bis 250,00 | nach Größe der Veranstaltung
8 | Umwelt | Genehmigung zum Fällen eines Baumes | 30 | je Baum, höchstens 150,00 Euro je Antrag
9 | Straßen | Container oder Gerüst auf dem Gehweg, je Tag | 12 | mindestens 36,00 Euro
10 | Bürgerbüro | Wohnberechtigungsschein | 10 | 
11 | Standesamt | Anmeldung der Eheschließung | 45 | mit Auslandsbezug 70,00 Euro
12 | Musikschule | Einzelunterricht 30 Minuten, monatlich | 68 | Geschwisterermäßigung 20 % ab dem zweiten Kind
13 | Musikschule | Gruppenunterricht (3 bis 4 Personen) 45 Minuten, monatlich | 39 | 
14 | Musikschule | Leihinstrument, monatlich | 12 | höchstens zwei Jahre
15 | Hunde | Ersatz für eine verlorene Hundesteuermarke | 5 | 
`
