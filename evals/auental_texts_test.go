// SPDX-License-Identifier: EUPL-1.2

package evals

// The texts of the Auental corpus's PDF and DOCX files (see
// auental_fixtures_test.go). Gemeinde Auental is fictional; the texts were
// written for this corpus.

// auGebuehrensatzung is satzungen/benutzungsgebuehrensatzung.pdf.
const auGebuehrensatzung = `
Satzung über die Erhebung von Gebühren für die Benutzung öffentlicher Einrichtungen der Gemeinde Auental (Benutzungsgebührensatzung)

vom 20. Oktober 2025

Aufgrund von § 4 der Gemeindeordnung und der §§ 2 und 13 des Kommunalabgabengesetzes hat der Gemeinderat der Gemeinde Auental am 20. Oktober 2025 folgende Satzung beschlossen:

§ 1 Gebührenpflicht

(1) Für die Benutzung der in § 4 genannten öffentlichen Einrichtungen der Gemeinde Auental werden Gebühren nach dieser Satzung erhoben.

(2) Die Gebühren für die Gemeindebücherei, das Auenbad und die Ferienbetreuung werden in gesonderten Entgeltordnungen festgesetzt.

§ 2 Gebührenschuldner

(1) Gebührenschuldner ist, wer die Einrichtung benutzt oder in wessen Auftrag sie benutzt wird.

(2) Mehrere Gebührenschuldner haften als Gesamtschuldner.

§ 3 Entstehung und Fälligkeit

(1) Die Gebührenschuld entsteht mit der Zusage der Benutzung.

(2) Die Gebühr wird zwei Wochen nach Bekanntgabe des Gebührenbescheids fällig. Die Miete für die Grillhütte ist vor der Übergabe des Schlüssels zu zahlen.

§ 4 Gebührenhöhe

(1) Die Gebühr für die Grillhütte am Auensee beträgt je Tag
1. für Einwohnerinnen und Einwohner 90,00 Euro,
2. für Auswärtige 160,00 Euro,
3. für Vereine, Schulen und Kindergärten mit Sitz in Auental 40,00 Euro.

(2) Das Standgeld auf dem Wochenmarkt beträgt je laufendem Meter Frontlänge und Markttag 1,80 Euro, mindestens jedoch 5,40 Euro. Für den Stromanschluss wird eine Pauschale von 3,00 Euro je Markttag erhoben.

(3) Für die Benutzung der Gemeindehalle Mühlhofen beträgt die Gebühr je Veranstaltungstag 250,00 Euro, für Vereine mit Sitz in Auental 80,00 Euro. Für Trauerfeiern wird keine Gebühr erhoben.

(4) Für die Benutzung des Häckselplatzes gilt: Bis zu einem Kubikmeter Grüngut je Anlieferung ist gebührenfrei, für jeden weiteren angefangenen Kubikmeter werden 5,00 Euro erhoben.

§ 5 Kaution

(1) Für die Grillhütte und die Gemeindehalle ist vor der Benutzung eine Kaution von 200,00 Euro zu hinterlegen.

(2) Die Kaution wird nach der Abnahme erstattet, soweit keine Schäden oder Reinigungskosten entstanden sind.

§ 6 Ermäßigung und Erlass

(1) Für Veranstaltungen mit ausschließlich gemeinnützigem Zweck kann die Gebühr auf Antrag um bis zu 50 Prozent ermäßigt werden.

(2) Im Übrigen gelten für Stundung und Erlass die Vorschriften der Abgabenordnung.

§ 7 Inkrafttreten

Diese Satzung tritt am 1. Januar 2026 in Kraft. Gleichzeitig tritt die Gebührensatzung für öffentliche Einrichtungen vom 12. März 2018 außer Kraft.

Auental, den 21. Oktober 2025

Tobias Wendling
Bürgermeister
`

// auZeiterfassung is mitarbeiterportal/dienstanweisungen/zeiterfassung-korrekturen.docx.
const auZeiterfassung = `
T Dienstanweisung 2/2026: Arbeitszeiterfassung mit ZeitAu und Korrekturbuchungen
Herausgeber: Hauptamt, Personal und Organisation
Gültig ab: 1. April 2026
Gilt für: alle Beschäftigten der Gemeindeverwaltung und des Bauhofs; nicht für Lehrkräfte und Beschäftigte der Kindergärten
# 1. Erfassung
Die Arbeitszeit wird mit dem Zeiterfassungssystem ZeitAu erfasst: am Terminal im Eingang des Rathauses und des Bauhofs mit dem Dienstausweis oder am Arbeitsplatz über die Kachel „ZeitAu“ im Mitarbeiterportal. Im Homeoffice buchen Sie ausschließlich über das Mitarbeiterportal.
- Kommen und Gehen werden jeden Tag gebucht.
- Pausen von mehr als 30 Minuten buchen Sie als Pause; bis zu 30 Minuten zieht ZeitAu bei mehr als sechs Stunden Arbeitszeit automatisch ab.
- Dienstgänge außerhalb des Hauses buchen Sie nicht als Gehen, sondern als „Dienstgang“.
# 2. Rahmenzeit und Kernzeit
Die Rahmenzeit ist Montag bis Freitag von 6:30 bis 19:00 Uhr. Kernzeit ist Montag bis Donnerstag von 9:00 bis 15:00 Uhr und Freitag von 9:00 bis 12:00 Uhr. Arbeitszeit außerhalb der Rahmenzeit wird nur angerechnet, wenn sie vorher angeordnet wurde.
# 3. Vergessene oder falsche Buchungen
Eine vergessene oder falsche Buchung korrigieren Sie selbst mit einem Korrekturantrag in ZeitAu (Menü „Anträge“ > „Buchung nachtragen“). Der Antrag geht an Ihre Vorgesetzte oder Ihren Vorgesetzten zur Genehmigung.
- Korrekturanträge sind bis zum fünften Arbeitstag des Folgemonats zu stellen. Danach kann nur noch das Personalamt korrigieren, und nur mit schriftlicher Begründung.
- Mehr als drei Korrekturanträge im Monat werden dem Personalamt automatisch angezeigt.
- Buchungen auf Papierzetteln werden nicht mehr angenommen.
# 4. Gleitzeitkonto
| Kontostand | Folge |
| bis 40 Plusstunden | wird ohne Weiteres in den nächsten Monat übertragen |
| mehr als 40 Plusstunden | Stunden über 40 verfallen am Monatsende, wenn kein Abbauplan vereinbart ist |
| bis 10 Minusstunden | zulässig |
| mehr als 10 Minusstunden | Gespräch mit der Vorgesetzten oder dem Vorgesetzten |
Ganze Gleittage können bis zu zwölfmal im Jahr genommen werden; sie werden wie Urlaub in ZeitAu beantragt.
# 5. Störungen
Funktioniert ein Terminal nicht oder wird Ihr Dienstausweis nicht erkannt, buchen Sie über das Mitarbeiterportal und melden die Störung im AuenDesk (Kategorie „ZeitAu und Dienstausweis“). Fragen zur Auswertung beantwortet das Personalamt, Zimmer 2.11, Durchwahl 211.
`
