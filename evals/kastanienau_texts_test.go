// SPDX-License-Identifier: EUPL-1.2

package evals

// The texts of the Kastanienau corpus's DOCX and PDF files (see
// kastanienau_test.go). Stadt Kastanienau is fictional; the texts were
// written for this corpus. The service descriptions are kept the way a
// town's editors keep them in Word: some with the title and the section
// questions as bold paragraphs ("B "), some with the Word styles Heading 1
// and Heading 2 ("# ", "## "); each starts with a line naming the clerk
// and the file number, and fees stand in Word tables.

// ksBewohnerpark is leistungen/bewohnerparkausweis.docx.
const ksBewohnerpark = `
B Bewohnerparkausweis beantragen
Sachbearbeitung: Frau Schäfer-Ohm, Straßenverkehrsbehörde, Aktenzeichen 32.4-115/2026 – Stand 02.10.2026
In den Bewohnerparkgebieten A (Altstadt), B (Bahnhofsviertel) und C (Schlossberg) dürfen Bewohnerinnen und Bewohner mit einem gültigen Bewohnerparkausweis ohne Parkschein und ohne Höchstparkdauer parken. Der Ausweis gilt nur in dem Gebiet, das auf ihm eingetragen ist.
B Wer bekommt einen Ausweis?
- Sie sind mit Hauptwohnsitz in einem der Bewohnerparkgebiete gemeldet.
- Das Fahrzeug ist auf Sie zugelassen, oder Sie nutzen es nachweislich dauerhaft (Firmenwagen, Leasingfahrzeug, Fahrzeug eines Angehörigen).
- Je Person wird ein Ausweis ausgestellt, je Haushalt höchstens zwei.
- Fahrzeuge über 3,5 Tonnen zulässiges Gesamtgewicht und Wohnmobile erhalten keinen Ausweis.
B Was ist zu tun?
Beantragen Sie den Ausweis online im Serviceportal der Stadt Kastanienau oder persönlich im Bürgerbüro. Nach der Prüfung schicken wir Ihnen den Ausweis per Post. Wechseln Sie das Fahrzeug oder das Kennzeichen, beantragen Sie eine Änderung; der alte Ausweis wird ungültig und ist zurückzugeben.
B Welche Unterlagen brauche ich?
- Zulassungsbescheinigung Teil I (Fahrzeugschein)
- bei einem Fahrzeug, das nicht auf Sie zugelassen ist: eine Bestätigung des Halters oder des Arbeitgebers, dass Sie es dauerhaft nutzen
- Personalausweis oder Reisepass mit Meldebescheinigung
B Was kostet das?
| Leistung | Gebühr |
| Bewohnerparkausweis für 12 Monate | 120,00 Euro |
| Bewohnerparkausweis für 24 Monate | 220,00 Euro |
| Bewohnerparkausweis für 12 Monate mit Kastanienau-Pass | 40,00 Euro |
| Änderung des Kennzeichens | 12,50 Euro |
| Ersatz bei Verlust | 12,50 Euro |
Die Gebühr ist bei der Antragstellung fällig. Für Elektrofahrzeuge gibt es keine Ermäßigung.
B Wie lange dauert es?
Bei vollständigen Unterlagen erhalten Sie den Ausweis innerhalb von zehn Arbeitstagen per Post. Bis dahin dürfen Sie mit der Eingangsbestätigung Ihres Antrags hinter der Windschutzscheibe im beantragten Gebiet parken.
B Wer ist zuständig?
Bürgerbüro der Stadt Kastanienau, Kirchplatz 2, 77815 Kastanienau, Telefon 07843 96-115, buergerbuero@kastanienau.example. Fragen zur Abgrenzung der Gebiete beantwortet die Straßenverkehrsbehörde, Telefon 07843 96-320.
`

// ksHundesteuer is leistungen/hundesteuer-anmelden.docx.
const ksHundesteuer = `
# Hund anmelden (Hundesteuer)
Sachbearbeitung: Herr Okonkwo, Steueramt, Aktenzeichen 21.3-07/2026 – Stand 15.09.2026
Wer in Kastanienau einen Hund hält, der älter als drei Monate ist, muss ihn bei der Stadt anmelden und zahlt Hundesteuer. Sie erhalten eine Hundesteuermarke, die der Hund außerhalb der Wohnung sichtbar tragen muss.
## Was ist zu tun?
Melden Sie den Hund innerhalb von zwei Wochen nach der Anschaffung oder nach Ihrem Zuzug an, mit dem Formular „Anmeldung eines Hundes“ im Serviceportal oder formlos per Post an das Steueramt. Die Steuer wird jährlich am 1. Juli fällig; im ersten Jahr zahlen Sie anteilig ab dem Monat der Anschaffung.
## Was kostet das?
| Hund | Steuer im Jahr |
| erster Hund | 96,00 Euro |
| zweiter und jeder weitere Hund | 144,00 Euro |
| gefährlicher Hund nach der Polizeiverordnung | 600,00 Euro |
| Ersatzmarke bei Verlust | 5,00 Euro |
## Ermäßigungen und Befreiungen
- Blindenführhunde und Assistenzhunde sind von der Steuer befreit.
- Hunde, die Sie aus einem Tierheim übernehmen, sind im ersten Jahr nach der Übernahme steuerfrei. Legen Sie den Vertrag mit dem Tierheim bei.
- Für Hunde von Inhaberinnen und Inhabern des Kastanienau-Passes wird die Steuer auf die Hälfte ermäßigt.
## Welche Unterlagen brauche ich?
- Nachweis über die Herkunft des Hundes (Kaufvertrag, Abgabevertrag des Tierheims)
- bei gefährlichen Hunden: die Erlaubnis der Ortspolizeibehörde
## Hund abmelden
Geben Sie den Hund ab oder stirbt er, melden Sie ihn innerhalb von zwei Wochen ab und geben die Steuermarke zurück. Die Steuer endet mit dem Ende des Monats der Abmeldung.
## Wer ist zuständig?
Steueramt der Stadt Kastanienau, Rathaus, Kirchplatz 1, Zimmer 2.14, Telefon 07843 96-214, steueramt@kastanienau.example
`

// ksEhe is leistungen/eheschliessung-anmelden.docx.
const ksEhe = `
B Eheschließung anmelden
Sachbearbeitung: Frau Lindqvist, Standesamt, Aktenzeichen 34.1-EA/2026 – Stand 01.08.2026
Wenn Sie heiraten möchten, melden Sie die Eheschließung gemeinsam beim Standesamt an. Zuständig ist das Standesamt, in dessen Bezirk einer von Ihnen wohnt; heiraten können Sie danach in jedem Standesamt in Deutschland.
B Was ist zu tun?
Vereinbaren Sie einen Termin zur Anmeldung; er dauert etwa 45 Minuten. Kommen Sie möglichst beide persönlich. Die Anmeldung ist frühestens sechs Monate vor dem gewünschten Hochzeitstermin möglich. Den Trautermin können Sie bereits vorher reservieren, ab dem 1. Dezember für das ganze folgende Jahr.
B Welche Unterlagen brauche ich?
- gültiger Personalausweis oder Reisepass
- beglaubigter Ausdruck aus dem Geburtenregister, nicht älter als sechs Monate (erhalten Sie beim Standesamt Ihres Geburtsorts)
- bei einer früheren Ehe: Eheurkunde mit Vermerk der Scheidung oder das rechtskräftige Scheidungsurteil
- bei gemeinsamen Kindern: deren Geburtsurkunden
Wer im Ausland geboren ist oder nicht die deutsche Staatsangehörigkeit hat, braucht oft weitere Unterlagen. Bitte lassen Sie sich vor dem Termin beraten.
B Was kostet das?
| Leistung | Gebühr |
| Anmeldung der Eheschließung | 70,00 Euro |
| Anmeldung mit Auslandsbezug | 100,00 Euro |
| Trauung im Trauzimmer des Rathauses während der Dienstzeit | keine weitere Gebühr |
| Trauung samstags im Schlösschen am Kastanienhain | 250,00 Euro |
| Eheurkunde, je Exemplar | 12,00 Euro |
B Wie lange dauert es?
Liegen alle Unterlagen vor, prüft das Standesamt die Anmeldung in der Regel in einer Woche. Mit Auslandsbezug kann die Prüfung mehrere Monate dauern.
B Wer ist zuständig?
Standesamt der Stadt Kastanienau, Altes Rathaus, Marktgasse 3, Telefon 07843 96-340, standesamt@kastanienau.example
`

// ksFuehrungszeugnis is leistungen/fuehrungszeugnis.docx.
const ksFuehrungszeugnis = `
# Führungszeugnis beantragen
Sachbearbeitung: Herr Demir, Bürgerbüro, Aktenzeichen 32.1-FZ/2026 – Stand 20.10.2026
Ein Führungszeugnis ist ein Auszug aus dem Bundeszentralregister. Arbeitgeber verlangen es zum Beispiel für Tätigkeiten mit Kindern und Jugendlichen (erweitertes Führungszeugnis).
## Was ist zu tun?
Beantragen Sie das Führungszeugnis persönlich im Bürgerbüro oder online beim Bundesamt für Justiz mit der Online-Ausweisfunktion Ihres Personalausweises. Für ein erweitertes Führungszeugnis brauchen Sie eine schriftliche Aufforderung der Stelle, die es verlangt.
## Welche Unterlagen brauche ich?
- Personalausweis oder Reisepass
- für ein erweitertes Führungszeugnis: die Aufforderung des Arbeitgebers oder Vereins
- für die Gebührenbefreiung: die Bestätigung des Vereins über die ehrenamtliche Tätigkeit
## Was kostet das?
| Art | Gebühr |
| Führungszeugnis oder erweitertes Führungszeugnis | 13,00 Euro |
| Europäisches Führungszeugnis | 17,00 Euro |
Für eine ehrenamtliche Tätigkeit, etwa als Trainerin oder Betreuer in einem Verein, ist das Führungszeugnis gebührenfrei, wenn der Verein die Tätigkeit bestätigt.
## Wie lange dauert es?
Das Bundesamt für Justiz schickt das Führungszeugnis in der Regel nach zwei Wochen per Post an Ihre Anschrift oder direkt an die Behörde, die es verlangt hat. Das Bürgerbüro kann die Bearbeitung nicht beschleunigen.
## Wer ist zuständig?
Bürgerbüro der Stadt Kastanienau, Kirchplatz 2, Telefon 07843 96-115
`

// ksSperrmuell is leistungen/sperrmuell-abholung.docx.
const ksSperrmuell = `
B Sperrmüll abholen lassen
Sachbearbeitung: Frau Wendland, Eigenbetrieb Stadtreinigung, Aktenzeichen 70.2-SM/2026 – Stand 05.11.2026
Sperrmüll sind Möbel und andere Gegenstände aus dem Haushalt, die wegen ihrer Größe nicht in die Restmülltonne passen. Die Stadtreinigung holt ihn auf Abruf ab.
B Was ist zu tun?
Melden Sie die Abholung mindestens zwei Wochen vorher an: online über die Abfall-App „KastaMüll“, mit der Sperrmüllkarte aus dem Abfallkalender oder telefonisch. Sie erhalten den Abholtermin schriftlich. Stellen Sie den Sperrmüll am Abholtag bis 6:00 Uhr am Straßenrand bereit, so dass niemand behindert wird.
B Was wird abgeholt?
- Möbel, Matratzen, Teppiche, Fahrräder, Kinderwagen
- Elektrogroßgeräte wie Kühlschränke, Waschmaschinen und Herde, wenn Sie sie bei der Anmeldung angeben
B Was wird nicht mitgenommen?
- Bauschutt, Fenster, Türen und Sanitärkeramik
- Autoreifen und Autoteile
- Farben, Lacke und andere Schadstoffe (bitte zum Schadstoffmobil)
- Grünschnitt und Säcke mit Kleinteilen
B Was kostet das?
| Abholung | Gebühr |
| zwei Abholungen im Kalenderjahr bis je 3 Kubikmeter | kostenlos |
| jede weitere Abholung | 35,00 Euro |
| Expressabholung innerhalb von fünf Werktagen | 50,00 Euro |
| jeder weitere angefangene Kubikmeter | 20,00 Euro |
B Wer ist zuständig?
Eigenbetrieb Stadtreinigung Kastanienau, Am Bauhof 6, Telefon 07843 96-700, abfallberatung@kastanienau.example
`

// ksFischereischein is leistungen/fischereischein.docx.
const ksFischereischein = `
# Fischereischein beantragen
Sachbearbeitung: Herr Baumgartner, Ordnungsamt, Aktenzeichen 32.2-FI/2026 – Stand 11.03.2026
Wer in Kastanienau angeln möchte, braucht einen Fischereischein und zusätzlich eine Erlaubnis des Gewässerpächters (Angelkarte). Den Fischereischein stellt die Stadt aus; die Angelkarte für den Kastaniensee verkauft der Angelsportverein.
## Wer bekommt einen Fischereischein?
- Erwachsene und Jugendliche ab 14 Jahren, die die staatliche Fischerprüfung bestanden haben.
- Kinder von 10 bis 13 Jahren erhalten ohne Prüfung einen Jugendfischereischein. Sie dürfen nur in Begleitung eines volljährigen Inhabers eines Fischereischeins angeln.
## Welche Unterlagen brauche ich?
- Personalausweis oder Reisepass
- Zeugnis über die bestandene Fischerprüfung (nicht beim Jugendfischereischein)
- ein aktuelles Passfoto
## Was kostet das?
| Art | Gebühr |
| Fischereischein auf Lebenszeit | 45,00 Euro |
| Fischereischein für 5 Jahre | 30,00 Euro |
| Jugendfischereischein für 1 Jahr | 8,00 Euro |
Zu jedem Fischereischein kommt die Fischereiabgabe des Landes von 10,00 Euro für jedes Jahr der Gültigkeit, beim Schein auf Lebenszeit einmalig 60,00 Euro.
## Wie lange dauert es?
Der Fischereischein wird bei der Vorsprache sofort ausgestellt.
## Wer ist zuständig?
Ordnungsamt der Stadt Kastanienau, Rathaus, Kirchplatz 1, Zimmer 1.08, Telefon 07843 96-308
`

// ksReisepass is leistungen/reisepass-beantragen.docx.
const ksReisepass = `
B Reisepass beantragen
Sachbearbeitung: Frau Pereira, Bürgerbüro, Aktenzeichen 32.1-RP/2026 – Stand 03.11.2026
Für Reisen in viele Länder außerhalb der Europäischen Union brauchen Sie einen Reisepass. Seit dem 1. Januar 2024 werden keine Kinderreisepässe mehr ausgestellt; auch Kinder erhalten einen Reisepass.
B Was ist zu tun?
Vereinbaren Sie einen Termin im Bürgerbüro und kommen Sie persönlich. Kinder unter 16 Jahren kommen mit beiden Sorgeberechtigten oder mit einem und der schriftlichen Zustimmung des anderen. Den fertigen Pass holen Sie selbst ab oder lassen ihn mit Vollmacht abholen.
B Welche Unterlagen brauche ich?
- ein aktuelles biometrisches Passfoto (im Bürgerbüro kann es vor Ort digital aufgenommen werden)
- der bisherige Reisepass oder Personalausweis
- bei der ersten Ausstellung: Geburtsurkunde
B Was kostet das?
| Antragsteller | Gebühr |
| unter 24 Jahren | 37,50 Euro |
| ab 24 Jahren | 70,00 Euro |
| Zuschlag Expressverfahren | 32,00 Euro |
| vorläufiger Reisepass | 26,00 Euro |
| Reisepass mit 48 Seiten (Vielreisende), Zuschlag | 22,00 Euro |
B Wie lange dauert es?
Der Pass wird in der Bundesdruckerei hergestellt. Das dauert in der Regel drei bis vier Wochen. Im Expressverfahren liegt er innerhalb von drei Werktagen im Bürgerbüro zur Abholung bereit. Einen vorläufigen Reisepass erhalten Sie sofort, er gilt höchstens ein Jahr und wird nicht von allen Ländern anerkannt.
B Wer ist zuständig?
Bürgerbüro der Stadt Kastanienau, Kirchplatz 2, Telefon 07843 96-115, buergerbuero@kastanienau.example
`

// ksAmtsblatt is bekanntmachungen/amtsblatt-2026-49.pdf: one page of the
// town's gazette with two dated announcements.
const ksAmtsblatt = `
# Amtsblatt der Stadt Kastanienau

47. Jahrgang, Nummer 49, Donnerstag, 3. Dezember 2026

# Amtliche Bekanntmachungen

# Bürgerbüro am 11. Dezember 2026 geschlossen

Wegen der Umstellung des Einwohnermeldeverfahrens auf eine neue Software bleibt das Bürgerbüro im Rathaus am Freitag, 11. Dezember 2026, ganztägig geschlossen. An diesem Tag können keine Ausweise und Pässe beantragt oder abgeholt werden; auch An- und Ummeldungen sind nicht möglich. Gebuchte Termine werden auf den 14. bis 18. Dezember verlegt; die Betroffenen erhalten eine E-Mail.

In dringenden Fällen, etwa wenn für eine unaufschiebbare Reise ein vorläufiger Reisepass nötig ist, ist am 11. Dezember von 9:00 bis 12:00 Uhr ein Notdienst unter der Telefonnummer 07843 96-199 erreichbar. Am Samstag, 12. Dezember 2026, öffnet das Bürgerbüro zusätzlich von 9:00 bis 12:00 Uhr, nur mit Termin.

Kastanienau, den 1. Dezember 2026
Der Oberbürgermeister

# Geänderte Öffnungszeiten der Stadtbibliothek ab 4. Januar 2027

Die Stadtbibliothek im Kulturhaus Alte Weberei ändert ab Montag, 4. Januar 2027, ihre Öffnungszeiten. Sie ist dann geöffnet:

Dienstag bis Freitag: 10:00 bis 19:00 Uhr
Samstag: 10:00 bis 14:00 Uhr
Montag geschlossen

Bisher war die Bibliothek montags von 14:00 bis 18:00 Uhr und samstags bis 13:00 Uhr geöffnet. Die Rückgabebox am Eingang kann weiterhin jederzeit genutzt werden. Zwischen den Jahren, vom 24. Dezember 2026 bis 2. Januar 2027, bleibt die Bibliothek geschlossen.

Kastanienau, den 1. Dezember 2026
Der Oberbürgermeister

Herausgeber: Stadt Kastanienau, Kirchplatz 1, 77815 Kastanienau. Verantwortlich für den amtlichen Teil: Der Oberbürgermeister. Das Amtsblatt erscheint wöchentlich donnerstags und ist im Rathaus kostenlos erhältlich.
`

// ksGleitzeit is intranet/anweisungen/arbeitszeit-gleitzeit.pdf.
const ksGleitzeit = `
# Dienstanweisung Nr. 4/2026 über die gleitende Arbeitszeit

Stadtverwaltung Kastanienau, Hauptamt, Sachgebiet Personal. Gültig ab 1. Januar 2026 für alle Beschäftigten der Kernverwaltung. Beschäftigte im Schichtdienst, im Bauhof und in den Kindertagesstätten haben eigene Regelungen.

§ 1 Rahmenzeit und Kernzeit

(1) Die Rahmenzeit, in der gearbeitet werden darf, ist montags bis freitags von 6:30 bis 19:00 Uhr.

(2) Die Kernzeit, in der alle anwesend sind, ist montags bis donnerstags von 9:00 bis 15:00 Uhr und freitags von 9:00 bis 12:00 Uhr. Abwesenheit in der Kernzeit ist nur mit Gleitzeitausgleich oder Urlaub nach Absprache mit der Vorgesetzten oder dem Vorgesetzten möglich.

§ 2 Zeiterfassung

(1) Beginn und Ende der Arbeitszeit buchen Sie am Terminal mit dem Dienstausweis oder im Zeiterfassungsportal KastaZeit. Pausen müssen nicht gebucht werden: Bei mehr als sechs Stunden Arbeitszeit werden 30 Minuten, bei mehr als neun Stunden 45 Minuten automatisch abgezogen.

(2) Eine vergessene oder falsche Buchung korrigieren Sie mit einem Korrekturantrag in KastaZeit innerhalb von fünf Arbeitstagen. Die Vorgesetzten genehmigen ihn. Ältere Buchungen kann nur das Sachgebiet Personal korrigieren.

§ 3 Zeitkonto

(1) Am Monatsende dürfen höchstens 40 Stunden Guthaben und höchstens 20 Stunden Zeitschuld auf dem Zeitkonto stehen. Guthaben über 40 Stunden verfällt, außer die Mehrarbeit wurde angeordnet.

(2) Mit Guthaben können Sie ganze Tage freinehmen (Gleittage), höchstens zwei Gleittage im Monat. Gleittage beantragen Sie wie Urlaub in KastaZeit.

§ 4 Dienstgänge und Homeoffice

Dienstgänge werden nicht ausgebucht. Im Homeoffice buchen Sie im Portal KastaZeit mit der Buchungsart Mobiles Arbeiten.

§ 5 Inkrafttreten

Diese Dienstanweisung tritt am 1. Januar 2026 in Kraft. Fragen beantwortet das Sachgebiet Personal, Durchwahl 96-110, personal@kastanienau.example.

Kastanienau, den 10. Dezember 2025
Tobias Renninger, Oberbürgermeister
`
