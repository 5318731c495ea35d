// SPDX-License-Identifier: EUPL-1.2

package evals

// The texts of the Weidenfels corpus's PDF, DOCX and PPTX files (see
// weidenfels_test.go). Stadt Weidenfels is fictional; the texts were
// written for this corpus. The bylaw keeps what an export from a town's
// law collection has: §§ with Absätze, enumerations "1." and "a)", and a
// fee table with an age bracket and an income bracket as columns.

// wfMusikschule is ortsrecht/musikschule-gebuehrensatzung.pdf.
const wfMusikschule = `
Satzung über die Erhebung von Gebühren für die Städtische Musikschule Weidenfels (Musikschulgebührensatzung)

vom 9. Juli 2026

Aufgrund der Gemeindeordnung und des Kommunalabgabengesetzes des Landes hat der Stadtrat der Stadt Weidenfels in seiner Sitzung am 9. Juli 2026 folgende Satzung beschlossen:

§ 1 Gebührenpflicht

(1) Für die Teilnahme am Unterricht der Städtischen Musikschule Weidenfels und für die Überlassung von Leihinstrumenten werden Gebühren nach dieser Satzung erhoben.

(2) Die Gebühren sind Jahresgebühren. Sie werden in zwölf gleichen Monatsbeträgen erhoben, auch in den Monaten mit Schulferien.

§ 2 Gebührenschuldner

(1) Gebührenschuldner ist, wer die Anmeldung unterschreibt. Für Minderjährige sind die Sorgeberechtigten Gebührenschuldner.

(2) Mehrere Gebührenschuldner haften als Gesamtschuldner.

§ 3 Unterrichtsgebühren

(1) Die monatliche Gebühr beträgt

Unterrichtsform                                  bis 18 Jahre     ab 18 Jahre
Einzelunterricht 30 Minuten                      62,00 Euro       84,00 Euro
Einzelunterricht 45 Minuten                      89,00 Euro       121,00 Euro
Partnerunterricht (2 Personen) 45 Minuten        48,00 Euro       66,00 Euro
Gruppenunterricht (3 bis 5 Personen) 45 Minuten  36,00 Euro       49,00 Euro
Musikalische Früherziehung 45 Minuten            29,00 Euro       –
Ensemble, Orchester, Chor                        12,00 Euro       12,00 Euro

(2) Maßgeblich ist das Alter zu Beginn des Schuljahres am 1. August. Studierende und Auszubildende bis zum vollendeten 27. Lebensjahr zahlen auf Nachweis die Gebühr für Personen bis 18 Jahre.

(3) Wer an der Musikschule Einzel-, Partner- oder Gruppenunterricht erhält, nimmt an einem Ensemble, Orchester oder Chor ohne zusätzliche Gebühr teil.

(4) Bei der ersten Anmeldung wird eine einmalige Anmeldegebühr von 15,00 Euro erhoben.

§ 4 Ermäßigungen

(1) Auf Antrag werden die Unterrichtsgebühren nach § 3 Absatz 1 ermäßigt

1. um 20 Prozent für das zweite und jedes weitere Kind einer Familie, das gleichzeitig Unterricht erhält,

2. um 20 Prozent für das zweite und jedes weitere Fach derselben Person,

3. nach dem Einkommen der Familie nach Absatz 2.

(2) Die Ermäßigung nach dem Einkommen beträgt

Jahreseinkommen der Familie                      Ermäßigung
bis 28.000 Euro                                  50 Prozent
28.001 Euro bis 40.000 Euro                      30 Prozent
40.001 Euro bis 52.000 Euro                      15 Prozent
über 52.000 Euro                                 keine

Für jedes weitere unterhaltsberechtigte Kind nach dem ersten erhöhen sich die Einkommensgrenzen um jeweils 5.000 Euro.

(3) Inhaberinnen und Inhaber des Weidenfels-Passes erhalten eine Ermäßigung von 50 Prozent ohne weiteren Einkommensnachweis.

(4) Ermäßigungen nach Absatz 1 Nummer 1 oder 2 und nach Absatz 1 Nummer 3 werden nebeneinander gewährt; zusammen betragen sie höchstens 60 Prozent. Die Ermäßigung gilt ab dem Monat nach Eingang des vollständigen Antrags.

§ 5 Leihinstrumente

(1) Die Musikschule kann Schülerinnen und Schülern bis 18 Jahre Instrumente für höchstens zwei Jahre leihen.

(2) Die Leihgebühr beträgt monatlich

a) für Blockflöten, Ukulelen und Glockenspiele 5,00 Euro,
b) für Streich- und Blasinstrumente 15,00 Euro,
c) für Harfen, Celli ab 3/4-Größe und Tuben 25,00 Euro.

(3) Schäden über den gewöhnlichen Gebrauch hinaus tragen die Gebührenschuldner.

§ 6 Anmeldung, Kündigung

(1) Das Unterrichtsverhältnis beginnt mit der Zusage eines Platzes und gilt auf unbestimmte Zeit.

(2) Es kann nur zum 31. Januar oder zum 31. Juli gekündigt werden. Die Kündigung muss der Musikschule spätestens sechs Wochen vorher schriftlich vorliegen.

(3) Bei einem Umzug aus Weidenfels, bei längerer Krankheit von mehr als zwei Monaten oder bei einem Wechsel des Schulorts kann zum Ende eines jeden Monats gekündigt werden.

§ 7 Unterrichtsausfall

(1) Fällt Unterricht aus Gründen aus, die die Musikschule zu vertreten hat, wird er nachgeholt. Ist das nicht möglich, wird ab der dritten ausgefallenen Stunde im Schuljahr die Gebühr anteilig erstattet.

(2) Versäumt die Schülerin oder der Schüler den Unterricht, besteht kein Anspruch auf Nachholung oder Erstattung.

§ 8 Fälligkeit

Die Monatsbeträge werden am 15. eines jeden Monats durch Lastschrift eingezogen.

§ 9 Inkrafttreten

Diese Satzung tritt am 1. August 2026 in Kraft. Gleichzeitig tritt die Musikschulgebührensatzung vom 14. Juni 2019 außer Kraft.

Weidenfels, den 13. Juli 2026

Dr. Martina Aigner
Oberbürgermeisterin
`

// wfDienstreise is intranet/anweisungen/dienstreise-abrechnen.docx.
const wfDienstreise = `
T Dienstanweisung Nr. 2/2026 – Dienstreisen beantragen und abrechnen

Geltungsbereich: alle Beschäftigten der Stadtverwaltung Weidenfels einschließlich der Eigenbetriebe. Stand: 1. März 2026. Herausgegeben vom Fachbereich 2 – Personal und Finanzen.

# 1. Genehmigung vor der Reise

Jede Dienstreise muss vor Antritt genehmigt werden. Den Antrag stellen Sie im Personalportal „WeidenPers“ unter Anträge › Dienstreise. Die Genehmigung erteilt die Fachbereichsleitung; Reisen ins Ausland genehmigt der Oberbürgermeister.

- Anträge für Reisen im Inland spätestens fünf Arbeitstage vorher stellen.
- Anträge für Auslandsreisen spätestens vier Wochen vorher stellen.
- Fortbildungen: die Anmeldebestätigung des Veranstalters anhängen.

# 2. Verkehrsmittel

Vorrang haben öffentliche Verkehrsmittel. Bahnfahrten werden in der 2. Klasse erstattet; bei Fahrten von mehr als zwei Stunden Dauer auch die 1. Klasse, wenn der Mehrpreis 30 Euro nicht übersteigt. Für Fahrten im Stadtgebiet stehen die Dienstfahrräder und zwei E-Autos im Fahrzeugpool an der Tiefgarage des Rathauses zur Verfügung; Buchung im Outlook-Kalender „Fahrzeugpool“.

# 3. Erstattung

| Leistung | Erstattung |
| Privater Pkw mit anerkanntem dienstlichen Interesse | 0,35 Euro je Kilometer |
| Privater Pkw ohne anerkanntes dienstliches Interesse | 0,20 Euro je Kilometer, höchstens 130 Euro je Reise |
| Fahrrad oder Pedelec | 0,10 Euro je Kilometer |
| Tagegeld bei mehr als 8 Stunden Abwesenheit | 14 Euro |
| Tagegeld bei 24 Stunden Abwesenheit | 28 Euro |
| Übernachtung ohne Beleg | 20 Euro |

Wird eine Mahlzeit gestellt, wird das Tagegeld gekürzt: für ein Frühstück um 20 Prozent, für ein Mittag- oder Abendessen um je 40 Prozent des vollen Tagegeldes.

# 4. Abrechnung nach der Reise

- Die Reisekostenabrechnung reichen Sie im Personalportal innerhalb von sechs Monaten nach Ende der Reise ein; danach verfällt der Anspruch.
- Originalbelege laden Sie als Foto oder PDF hoch; Papierbelege bewahren Sie bis zur Erstattung auf.
- Die Erstattung wird mit der übernächsten Gehaltszahlung überwiesen.

# 5. Fragen

Fragen zur Reisekostenabrechnung beantwortet die Reisekostenstelle im Sachgebiet 2.3, Durchwahl 212 und 213, reisekosten@weidenfels.example.
`

// wfPhishing is the slides of intranet/schulungen/phishing-erkennen.pptx:
// one slide per paragraph, the first line its title.
var wfPhishing = []string{
	"Phishing erkennen und melden\nPflichtschulung Informationssicherheit 2026\nIT-Service und Informationssicherheitsbeauftragter der Stadt Weidenfels",
	"Woran erkenne ich eine Phishing-Mail?\nAbsender passt nicht zum Inhalt, etwa eine Bank mit einer fremden Domain\nDruck und Eile: „Ihr Postfach wird in 24 Stunden gelöscht“\nLinks, deren Ziel beim Überfahren mit der Maus auf eine andere Adresse zeigt\nunerwartete Anhänge, besonders .zip, .iso oder Office-Dateien mit Makros\nExterne E-Mails tragen im Betreff den Hinweis [EXTERN]",
	"Was tue ich mit einer verdächtigen Mail?\nNicht auf Links klicken, keine Anhänge öffnen, nicht antworten\nIn Outlook auf die Schaltfläche „Phishing melden“ im Menüband klicken\nDie Mail wird dann an den IT-Service weitergeleitet und aus Ihrem Postfach entfernt",
	"Ich habe schon geklickt – was nun?\nNetzwerkkabel ziehen oder WLAN ausschalten, das Gerät aber nicht herunterfahren\nSofort den IT-Service anrufen: Durchwahl 4700, außerhalb der Servicezeiten die Bereitschaft unter 0151 2046 8813\nKennwort von einem anderen Gerät aus ändern, wenn Sie es eingegeben haben\nKeine Angst vor Ärger: Wer sich schnell meldet, hilft am meisten",
	"Meldepflicht\nJeder Verdacht auf einen Sicherheitsvorfall ist nach der Dienstanweisung Informationssicherheit unverzüglich zu melden\nAnsprechpartner ist der Informationssicherheitsbeauftragte Jonas Pfeiffer, Durchwahl 4710, isb@weidenfels.example",
	"Test und Nachweis\nIm Anschluss an die Schulung beantworten Sie zehn Fragen im Lernportal\nAb acht richtigen Antworten gilt die Pflichtschulung als bestanden\nDie Bestätigung wird automatisch an das Personalportal übermittelt",
}
