// SPDX-License-Identifier: EUPL-1.2

package evals

// The texts of the Tannhausen corpus's PDF and DOCX files (see
// tannhausen_test.go). Stadt Tannhausen is fictional; the texts were
// written for this corpus. The bylaw is a PDF as a word processor exports
// it, with §§, Absätze and a fee schedule in an Anlage whose table has
// five columns, each cell its own text object at its column's position
// and long room names wrapped inside their cell ("| … |" rows, see
// tannhausenPDF); the instruction numbers its headings and paragraphs
// with Word's list numbering ("#N ", "N ", "NN " for a second level), so
// the numbers are not in the text.

// thHallengebuehren is ortsrecht/hallengebuehrensatzung.pdf.
const thHallengebuehren = `
# Satzung über die Erhebung von Gebühren für die Überlassung der Stadthalle und der Bürgerhäuser der Stadt Tannhausen (Hallengebührensatzung)

vom 24. Juni 2026

Aufgrund von § 4 der Gemeindeordnung für Baden-Württemberg und der §§ 2 und 13 des Kommunalabgabengesetzes hat der Gemeinderat der Stadt Tannhausen am 23. Juni 2026 folgende Satzung beschlossen:

§ 1 Geltungsbereich

(1) Die Stadt Tannhausen überlässt die Stadthalle (Am Festplatz 2), das Bürgerhaus Oberdorf (Lindenstraße 15) und das Bürgerhaus Riedheim (Dorfplatz 1) auf Antrag für Veranstaltungen. Für die Überlassung werden Gebühren nach dieser Satzung erhoben.

(2) Ein Anspruch auf Überlassung besteht nicht. Die Räume werden in der Reihenfolge der Anträge vergeben; städtische Veranstaltungen und Wahlen haben Vorrang.

§ 2 Gebührenschuldner

Gebührenschuldner ist, wer die Überlassung beantragt hat. Mehrere Gebührenschuldner haften als Gesamtschuldner.

§ 3 Höhe der Gebühr

(1) Die Gebühr wird je Veranstaltungstag nach dem Gebührenverzeichnis (Anlage) erhoben. Ein Veranstaltungstag reicht von 8:00 Uhr bis 8:00 Uhr des folgenden Tages; Auf- und Abbau am Vortag sind mit der halben Gebühr abgegolten.

(2) Das Gebührenverzeichnis unterscheidet drei Nutzergruppen: Gruppe A sind Vereine, Kirchengemeinden und gemeinnützige Einrichtungen mit Sitz in Tannhausen; Gruppe B sind Einwohnerinnen und Einwohner von Tannhausen für private Feiern; Gruppe C sind gewerbliche Nutzer und Nutzer von auswärts.

§ 4 Entstehung und Fälligkeit

Die Gebührenschuld entsteht mit der Zusage der Überlassung. Die Gebühr ist spätestens 14 Tage vor der Veranstaltung fällig.

§ 5 Sicherheitsleistung

(1) Vor der Überlassung ist eine Sicherheitsleistung (Kaution) zu hinterlegen. Sie beträgt für die Bürgerhäuser 300,00 Euro und für die Stadthalle 1.000,00 Euro.

(2) Die Kaution wird nach der Abnahme der Räume innerhalb von vier Wochen zurückgezahlt, soweit keine Schäden festgestellt werden. Vereine der Gruppe A sind von der Kaution befreit.

§ 6 Rücktritt

(1) Tritt der Gebührenschuldner mehr als acht Wochen vor der Veranstaltung zurück, wird keine Gebühr erhoben.

(2) Bei einem Rücktritt innerhalb von acht Wochen vor der Veranstaltung wird die Hälfte der Gebühr erhoben, bei einem Rücktritt innerhalb von zwei Wochen vor der Veranstaltung die volle Gebühr.

§ 7 Ermäßigungen

Für Veranstaltungen der Jugendarbeit und für Benefizveranstaltungen, deren Erlös vollständig einem gemeinnützigen Zweck zugutekommt, ermäßigt sich die Gebühr der Gruppe A um die Hälfte. Der Antrag ist mit dem Überlassungsantrag zu stellen.

§ 8 Inkrafttreten

Diese Satzung tritt am 1. September 2026 in Kraft. Gleichzeitig tritt die Satzung über die Benutzung der Stadthalle vom 14. Mai 2009 außer Kraft.

Tannhausen, den 24. Juni 2026

Dr. Matthias Reuter, Bürgermeister

# Anlage zur Hallengebührensatzung: Gebührenverzeichnis

Gebühren je Veranstaltungstag in Euro

| Nr. | Raum | Gruppe A | Gruppe B | Gruppe C |
| 1 | Stadthalle, großer Saal mit Bühne (bis 600 Personen) | 180,00 | 650,00 | 1.200,00 |
| 2 | Stadthalle, kleiner Saal (bis 120 Personen) | 60,00 | 220,00 | 390,00 |
| 3 | Bürgerhaus Oberdorf, Saal (bis 150 Personen) | 70,00 | 240,00 | 420,00 |
| 4 | Bürgerhaus Riedheim, Saal (bis 80 Personen) | 40,00 | 160,00 | 280,00 |
| 5 | Küche mit Geschirr, je Haus | 25,00 | 60,00 | 90,00 |
| 6 | Endreinigung, pauschal je Veranstaltung | 80,00 | 120,00 | 150,00 |

Die Gebühren enthalten Heizung, Strom, Wasser und die Grundreinigung. Die Nutzung der Bühnentechnik der Stadthalle wird nach Aufwand gesondert abgerechnet.
`

// thAbwesenheiten is intranet/dienstanweisungen/krankmeldung-urlaub.docx.
const thAbwesenheiten = `
T Dienstanweisung Nr. 3/2026 über Krankmeldung, Urlaub und Arbeitsbefreiung
Stand: 1. Juli 2026 – Hauptamt, Sachgebiet Personal
#N Geltungsbereich
N Diese Dienstanweisung gilt für alle Beschäftigten, Beamtinnen und Beamten sowie Auszubildenden der Stadtverwaltung Tannhausen einschließlich des Bauhofs und der Stadtbibliothek.
#N Krankmeldung
N Wer arbeitsunfähig erkrankt ist, meldet sich am ersten Tag der Erkrankung bis 9:00 Uhr bei der oder dem Vorgesetzten, telefonisch oder per E-Mail. Ist die oder der Vorgesetzte nicht erreichbar, informieren Sie das Vorzimmer Ihres Amtes.
N Teilen Sie mit, wie lange Sie voraussichtlich fehlen werden. Die Diagnose müssen Sie nicht nennen.
N Dauert die Arbeitsunfähigkeit länger als drei Kalendertage, lassen Sie sie spätestens am darauffolgenden Arbeitstag ärztlich feststellen. Das Personalamt ruft die Arbeitsunfähigkeitsbescheinigung elektronisch bei Ihrer Krankenkasse ab (eAU); einen Ausdruck müssen Sie nicht einreichen.
NN Privat Versicherte sowie Beamtinnen und Beamte reichen die Bescheinigung weiterhin auf Papier oder als Scan beim Personalamt ein.
NN Die Amtsleitung kann im Einzelfall verlangen, dass die Arbeitsunfähigkeit schon vom ersten Tag an ärztlich festgestellt wird.
N Erkranken Sie während des Urlaubs, werden die Tage, für die eine ärztliche Feststellung vorliegt, nicht auf den Urlaub angerechnet. Melden Sie die Erkrankung sofort.
N Ist Ihr Kind unter zwölf Jahren krank und müssen Sie es betreuen, melden Sie sich wie bei eigener Erkrankung. Für die Freistellung brauchen Sie vom ersten Tag an eine ärztliche Bescheinigung für das Kind.
#N Urlaub
N Urlaub beantragen Sie im Personalportal (Menü „Abwesenheiten“) mindestens zwei Wochen vor Beginn, Urlaub von mehr als drei Wochen am Stück mindestens zwei Monate vorher.
N Resturlaub aus dem Vorjahr muss bis zum 31. März genommen werden, sonst verfällt er. Konnte er wegen Krankheit nicht genommen werden, verfällt er erst 15 Monate nach dem Ende des Urlaubsjahres.
N Vor dem Urlaub richten Sie eine Abwesenheitsnotiz in Outlook ein und regeln Ihre Vertretung mit der oder dem Vorgesetzten.
#N Arbeitsbefreiung
N Arbeitsbefreiung unter Fortzahlung des Entgelts wird in folgenden Fällen gewährt:
| Anlass | Arbeitsbefreiung |
| Niederkunft der Ehefrau oder Lebenspartnerin | 1 Arbeitstag |
| Tod der Ehegattin oder des Ehegatten, eines Kindes oder eines Elternteils | 2 Arbeitstage |
| Umzug aus dienstlichem Grund an einen anderen Ort | 1 Arbeitstag |
| 25- und 40-jähriges Dienstjubiläum | 1 Arbeitstag |
N Arztbesuche sollen außerhalb der Kernarbeitszeit liegen. Ist das nicht möglich, gilt die notwendige Zeit als Arbeitszeit; legen Sie dafür eine Bescheinigung der Praxis vor.
Tannhausen, 30. Juni 2026
Dr. Matthias Reuter, Bürgermeister
`
