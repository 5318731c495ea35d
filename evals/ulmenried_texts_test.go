// SPDX-License-Identifier: EUPL-1.2

package evals

// The texts of the Ulmenried corpus's PDF and DOCX files (see
// ulmenried_test.go). Stadt Ulmenried is fictional; the texts were
// written for this corpus. The bylaws keep what a PDF export of a town
// gazette has: lines broken by hand, some words hyphenated at a line's
// end, and fee tables as columns separated by spaces.

// ulAbfallgebuehren is bekanntmachungen/satzungen/abfallgebuehrensatzung.pdf.
const ulAbfallgebuehren = `
Satzung über die Erhebung von Gebühren für die öffentliche Abfallentsorgung der Stadt Ulmenried (Abfallgebührensatzung)

vom 24. November 2026

Aufgrund der Gemeindeordnung, des Kommunalabgabengesetzes und des Kreislaufwirtschaftsgesetzes des Landes in Verbindung mit der Abfallwirtschaftssatzung der Stadt Ulmenried hat der Gemeinderat am 24. November 2026 folgende Satzung beschlossen:

§ 1 Erhebungsgrundsatz

(1) Die Stadt Ulmenried erhebt für die Benutzung ihrer öffentlichen Einrichtung Abfallent-
sorgung Benutzungsgebühren nach dieser Satzung. Die Abfallentsorgung wird als Eigenbetrieb
Abfallwirtschaft Ulmenried (EAU) geführt.

(2) Mit den Gebühren werden insbesondere die Kosten für das Einsammeln, Befördern, Verwer-
ten und Beseitigen von Restmüll, Bioabfall, Sperrmüll, Grünschnitt und schadstoffhaltigen
Abfällen sowie für den Betrieb des Wertstoffhofs gedeckt.

§ 2 Gebührenschuldner

(1) Gebührenschuldner ist, wer zu Beginn des Veranlagungszeitraums Eigentümerin oder Ei-
gentümer des angeschlossenen Grundstücks ist. Erbbauberechtigte treten an die Stelle der
Eigentümerinnen und Eigentümer.

(2) Mehrere Gebührenschuldner haften als Gesamtschuldner. Wohnungseigentümerinnen und
Wohnungseigentümer können verlangen, dass die Gebühr gegenüber der Verwaltung der Gemein-
schaft festgesetzt wird.

(3) Die Gebührenschuldner dürfen die Gebühren im Rahmen der Betriebskosten auf die Miete-
rinnen und Mieter umlegen.

§ 3 Gebührenmaßstab

(1) Die Gebühr für Restmüll und Bioabfall bemisst sich nach Zahl und Volumen der auf dem
Grundstück aufgestellten Abfallbehälter bei einer Leerung alle 14 Tage.

(2) Je Wohneinheit ist ein Restmüllvolumen von mindestens 60 Litern vorzuhalten. Für Ge-
werbebetriebe gilt ein Mindestvolumen von 120 Litern je Betrieb.

§ 4 Gebührensätze für Restmüll und Bioabfall

(1) Die Jahresgebühr beträgt für jeden Abfallbehälter

Behältervolumen          Restmüll          Bioabfall
60 Liter                  118,80 Euro       –
80 Liter                  151,20 Euro       48,00 Euro
120 Liter                 216,00 Euro       66,00 Euro
240 Liter                 421,20 Euro       120,00 Euro
1.100 Liter               1.886,40 Euro     –

(2) Für die wöchentliche Leerung eines Restmüllcontainers mit 1.100 Litern beträgt die Jahresgebühr 3.772,80 Euro.

(3) Restmüllsäcke der Stadt Ulmenried für zusätzlichen Restmüll werden zum Preis von 6,50 Euro je Sack mit 70 Litern abgegeben; darin ist die Gebühr für die Entsorgung enthalten.

(4) Für den Austausch eines Abfallbehälters gegen einen Behälter anderer Größe wird eine Gebühr von 25,00 Euro je Behälter erhoben. Der erste Austausch innerhalb von sechs Monaten nach der Anmeldung des Grundstücks ist gebührenfrei.

§ 5 Sperrmüll und Grünschnitt

(1) Jeder Haushalt kann im Kalenderjahr zweimal eine Abholung von Sperrmüll mit bis zu drei Kubikmetern je Abholung ohne besondere Gebühr anmelden. Für jede weitere Abholung werden 45,00 Euro erhoben.

(2) Die Abholung von Elektrogroßgeräten ist gebührenfrei.

(3) Grünschnitt kann in haushaltsüblichen Mengen gebührenfrei am Wertstoffhof abgegeben werden. Für Mengen über einen Kubikmeter je Anlieferung werden 12,00 Euro je angefangenen Kubikmeter erhoben.

(4) Für eine Expressabholung von Sperrmüll innerhalb von drei Werktagen werden zusätzlich 60,00 Euro erhoben.

§ 6 Ermäßigungen und Befreiungen

(1) Auf Antrag werden von der Biotonne befreit:
1. Grundstücke, deren Eigentümerinnen oder Eigentümer nachweisen, dass sämtliche Küchen- und Gartenabfälle auf dem Grundstück ordnungsgemäß kompostiert werden,
2. Grundstücke, auf denen ausschließlich Gewerbe betrieben wird und kein Bioabfall anfällt.

(2) Haushalte erhalten auf Antrag jährlich 30 Windelsäcke ohne besondere Gebühr, wenn
a) ein Kind im Haushalt lebt, das das dritte Lebensjahr noch nicht vollendet hat, oder
b) eine Person im Haushalt lebt, die wegen Inkontinenz auf Windeln angewiesen ist.

(3) Für Grundstücke, auf denen nur ein Haushalt mit einer einzigen Person lebt, die das 75. Lebensjahr vollendet hat, wird die Gebühr für einen Restmüllbehälter mit 60 Litern auf Antrag um 20 Prozent ermäßigt.

§ 7 Entstehung der Gebührenpflicht, Veranlagungszeitraum

(1) Die Gebührenpflicht entsteht mit dem Ersten des Monats, der auf die Bereitstellung der
Abfallbehälter folgt. Sie endet mit dem Ablauf des Monats, in dem die Behälter abgezogen
werden.

(2) Veranlagungszeitraum ist das Kalenderjahr. Änderungen des Behältervolumens, die bis zum 15. eines Monats beim Eigenbetrieb eingehen, werden zum Ersten des folgenden Monats berücksichtigt.

§ 8 Festsetzung und Fälligkeit

(1) Die Gebühr wird durch Bescheid festgesetzt. Sie wird zu je einem Viertel am 15. Februar,
15. Mai, 15. August und 15. November fällig. Auf Antrag kann die Jahresgebühr in einem Be-
trag zum 1. Juli entrichtet werden.

(2) Gebühren für Sperrmüll nach § 5 werden mit der Anmeldung fällig.

§ 9 Inkrafttreten

Diese Satzung tritt am 1. Januar 2027 in Kraft. Gleichzeitig tritt die Abfallgebührensatzung vom 28. November 2023 außer Kraft.

Ulmenried, den 25. November 2026

Katrin Vollmer
Oberbürgermeisterin
`

// ulElternbeitraege is bekanntmachungen/satzungen/elternbeitragssatzung.pdf.
const ulElternbeitraege = `
Satzung über die Erhebung von Elternbeiträgen für die Benutzung der Kindertageseinrichtungen der Stadt Ulmenried (Elternbeitragssatzung)

vom 21. April 2026

Aufgrund der Gemeindeordnung, des Kommunalabgabengesetzes und des Kindertagesbetreuungsgesetzes des Landes in Verbindung mit § 90 des Achten Buches Sozialgesetzbuch hat der Gemeinderat der Stadt Ulmenried am 21. April 2026 folgende Satzung beschlossen:

§ 1 Geltungsbereich

(1) Diese Satzung gilt für die Kindertageseinrichtungen in Trägerschaft der Stadt Ulmen-
ried. Für Einrichtungen freier und kirchlicher Träger gilt sie, soweit der Träger sie durch
Vertrag mit der Stadt übernommen hat.

(2) Für die Kindertagespflege gilt die Satzung über die Kostenbeteiligung in der Kinder-
tagespflege.

§ 2 Beitragspflichtige

(1) Beitragspflichtig sind die Eltern oder die Personen, die an Stelle der Eltern mit dem
Kind zusammenleben. Mehrere Beitragspflichtige haften als Gesamtschuldner.

(2) Die Beitragspflicht beginnt mit dem Monat, in dem das Kind aufgenommen wird, und endet mit dem Ablauf des Monats, in dem der Betreuungsvertrag endet. Die Beiträge sind für zwölf Monate im Jahr zu zahlen, auch während der Schließzeiten der Einrichtung.

§ 3 Höhe des Elternbeitrags

(1) Der monatliche Elternbeitrag richtet sich nach dem Jahreseinkommen der Beitragspflich-
tigen und nach dem vereinbarten wöchentlichen Betreuungsumfang. Er beträgt für Kinder vom
vollendeten dritten Lebensjahr bis zum Schuleintritt:

Jahreseinkommen                  bis 25 Std.    bis 35 Std.    bis 45 Std.
bis 25.000 Euro                  0 Euro         0 Euro         0 Euro
bis 37.500 Euro                  48 Euro        67 Euro        86 Euro
bis 50.000 Euro                  96 Euro        134 Euro       172 Euro
bis 62.500 Euro                  150 Euro       210 Euro       270 Euro
bis 75.000 Euro                  205 Euro       287 Euro       369 Euro
über 75.000 Euro                 260 Euro       364 Euro       468 Euro

(2) Für Kinder, die das dritte Lebensjahr noch nicht vollendet haben, erhöhen sich die Beträge nach Absatz 1 um 40 Prozent.

(3) Das letzte Kindergartenjahr vor dem Schuleintritt ist beitragsfrei. Das Verpflegungs-
entgelt nach § 5 bleibt davon unberührt.

§ 4 Geschwisterermäßigung

(1) Besuchen mehrere Kinder einer Familie gleichzeitig eine Kindertageseinrichtung oder die
Kindertagespflege im Stadtgebiet, so ermäßigt sich der Beitrag
1. für das zweite Kind um 50 Prozent,
2. für das dritte und jedes weitere Kind um 100 Prozent.

(2) Als erstes Kind gilt das älteste Kind, für das ein Beitrag zu zahlen ist. Kinder im bei-
tragsfreien letzten Kindergartenjahr werden bei der Zählung mitgezählt.

§ 5 Verpflegungsentgelt

(1) Für Kinder, die in der Einrichtung ein Mittagessen erhalten, wird neben dem Elternbei-
trag ein Verpflegungsentgelt von monatlich 74,00 Euro erhoben. Bei einer Betreuung an weni-
ger als fünf Tagen in der Woche ermäßigt es sich auf 15,00 Euro je wöchentlichem Betreuungstag.

(2) Kinder, deren Familien Leistungen für Bildung und Teilhabe erhalten, zahlen kein Ver-
pflegungsentgelt; die Kosten werden direkt mit dem zuständigen Leistungsträger abgerechnet.

§ 6 Einkommen

(1) Maßgebend ist die Summe der positiven Einkünfte der Beitragspflichtigen im Sinne des
Einkommensteuergesetzes im vorletzten Kalenderjahr vor dem Beitragsjahr. Kindergeld und
Elterngeld bis zu einem Betrag von 300 Euro monatlich bleiben außer Betracht.

(2) Das Einkommen ist innerhalb von vier Wochen nach Aufnahme des Kindes mit dem Einkommen-
steuerbescheid oder anderen geeigneten Unterlagen nachzuweisen. Wird kein Nachweis vorge-
legt, ist der höchste Beitrag zu zahlen.

(3) Sinkt das Einkommen im laufenden Jahr voraussichtlich um mehr als 15 Prozent, wird der Beitrag auf Antrag ab dem folgenden Monat neu festgesetzt.

§ 7 Fälligkeit

Der Elternbeitrag und das Verpflegungsentgelt werden durch Bescheid festgesetzt und sind jeweils zum 5. eines Monats für den laufenden Monat fällig. Sie sollen im Lastschriftverfahren gezahlt werden.

§ 8 Inkrafttreten

Diese Satzung tritt am 1. September 2026 in Kraft. Gleichzeitig tritt die Elternbeitragssatzung vom 14. Mai 2019 außer Kraft.

Ulmenried, den 23. April 2026

Katrin Vollmer
Oberbürgermeisterin
`

// ulITStoerung is mitarbeiternetz/anweisungen/it-stoerung-melden.docx.
const ulITStoerung = `
T Dienstanweisung Nr. 3/2026: Melden von IT-Störungen
Herausgeber: Fachbereich 1 – Zentrale Dienste, Abteilung IT und Digitalisierung
Gültig ab: 1. Juni 2026
Gilt für: alle Beschäftigten der Stadtverwaltung Ulmenried einschließlich Eigenbetriebe, Schulsekretariate und Kitas
# 1. Zweck
Diese Dienstanweisung regelt, wie Störungen an Arbeitsplatzrechnern, Druckern, Telefonen, Fachverfahren und Netzwerk gemeldet werden, damit die IT-Abteilung sie schnell und in der richtigen Reihenfolge bearbeiten kann.
# 2. So melden Sie eine Störung
1. Prüfen Sie zuerst, ob nur Ihr Gerät betroffen ist: Fragen Sie eine Kollegin oder einen Kollegen im Nachbarbüro und starten Sie Ihren Rechner einmal neu.
2. Melden Sie die Störung im IT-Serviceportal UlmHelp (Symbol „UlmHelp“ auf dem Desktop oder helpdesk.intern.ulmenried.example). Wählen Sie die passende Kategorie und beschreiben Sie, was nicht geht, seit wann und wie viele Personen betroffen sind.
3. Geht gar nichts mehr, weil Rechner, Netz oder UlmHelp selbst nicht erreichbar sind, rufen Sie die IT-Hotline an: Durchwahl 4444 (von außen 07644 555-4444).
4. Notieren Sie sich die Ticketnummer, die Sie per E-Mail oder von der Hotline erhalten. Bei Rückfragen nennen Sie immer diese Nummer.
5. Schalten Sie betroffene Geräte nicht ab und ziehen Sie keine Kabel, solange die IT-Abteilung nichts anderes sagt.
# 3. Dringlichkeit
| Priorität | Beispiel | Reaktionszeit |
| 1 – kritisch | ein ganzes Gebäude oder ein Fachverfahren für alle ohne Funktion, Ausfall des Telefonsystems | 30 Minuten |
| 2 – hoch | mehrere Arbeitsplätze eines Bereichs ohne Funktion, Kassenautomat im BürgerService-Center defekt | 2 Stunden |
| 3 – normal | ein einzelner Arbeitsplatz oder Drucker gestört | 1 Arbeitstag |
| 4 – niedrig | Wünsche, neue Software, Änderungen an Berechtigungen | 5 Arbeitstage |
Die Reaktionszeit gilt innerhalb der Servicezeiten der IT-Abteilung: Montag bis Donnerstag 7:00 bis 16:30 Uhr, Freitag 7:00 bis 13:00 Uhr.
# 4. Störungen außerhalb der Servicezeiten
Für Störungen der Priorität 1 außerhalb der Servicezeiten ist eine Rufbereitschaft eingerichtet. Sie ist nur über die Leitstelle der Feuerwehr zu erreichen, Telefon 07644 555-112. Die Rufbereitschaft darf nur von Führungskräften, dem Standesamt (Sterbefälle) und dem Ordnungsdienst angefordert werden.
# 5. Sicherheitsvorfälle
Verdächtige E-Mails, ein gestohlenes Dienstgerät oder eine Virenwarnung sind keine normale Störung. Melden Sie sie sofort telefonisch an die Hotline (Durchwahl 4444) und zusätzlich an den Informationssicherheitsbeauftragten (isb@ulmenried.example). Öffnen Sie keine Anhänge und leiten Sie verdächtige E-Mails nicht weiter.
`

// ulKrankmeldung is mitarbeiternetz/anweisungen/krankmeldung-ablauf.docx.
const ulKrankmeldung = `
T Arbeitsanweisung des Personalamts: Arbeitsunfähigkeit melden
Herausgeber: Fachbereich 1 – Zentrale Dienste, Personal und Organisation
Stand: 1. Februar 2026
Gilt für: alle Tarifbeschäftigten und Beamtinnen und Beamten der Stadt Ulmenried; für Auszubildende gilt zusätzlich die Ausbildungsordnung
# 1. Wenn Sie krank werden
1. Informieren Sie Ihre Vorgesetzte oder Ihren Vorgesetzten am ersten Tag der Erkrankung bis spätestens 9:00 Uhr telefonisch oder per E-Mail. Ist niemand erreichbar, informieren Sie das Sekretariat Ihres Fachbereichs.
2. Sagen Sie, wie lange Sie voraussichtlich fehlen. Den Grund der Erkrankung müssen Sie nicht nennen.
3. Tragen Sie die Abwesenheit nicht selbst im Zeiterfassungssystem ein; das übernimmt das Sekretariat.
4. Dauert die Arbeitsunfähigkeit länger als drei Kalendertage, lassen Sie sich spätestens am vierten Tag ärztlich krankschreiben. Die Arztpraxis meldet die Arbeitsunfähigkeit elektronisch an die Krankenkasse (eAU); einen gelben Schein müssen Sie nicht mehr einreichen.
5. Geben Sie dem Personalamt Bescheid, sobald Sie krankgeschrieben sind, damit es die eAU bei der Krankenkasse abrufen kann: Formular „Meldung Arbeitsunfähigkeit“ im Mitarbeiternetz oder E-Mail an personal@ulmenried.example.
# 2. Besondere Fälle
| Situation | Was ist zu tun | Frist |
| Ihr Kind ist krank | Kinderkrankentage bei der Krankenkasse beantragen; die ärztliche Bescheinigung für das Kind geben Sie im Personalamt ab | am ersten Tag melden, Bescheinigung innerhalb einer Woche |
| Privat versichert (Beamtinnen und Beamte) | Papierbescheinigung der Ärztin oder des Arztes an das Personalamt schicken | ab dem vierten Tag |
| Erkrankung im Urlaub | Sofort melden und ärztliche Bescheinigung vorlegen; die Krankheitstage werden nicht auf den Urlaub angerechnet | ab dem ersten Krankheitstag |
| Arbeitsunfall oder Wegeunfall | Unfallanzeige beim Personalamt, Durchgangsärztin oder Durchgangsarzt aufsuchen | innerhalb von drei Tagen |
# 3. Länger krank
Sind Sie innerhalb von zwölf Monaten länger als sechs Wochen arbeitsunfähig, bietet Ihnen das Personalamt ein betriebliches Eingliederungsmanagement (BEM) an. Die Teilnahme ist freiwillig. Ansprechpartnerin ist die BEM-Beauftragte im Personalamt, Zimmer 3.08, Durchwahl 138.
# 4. Fragen
Fragen zur Krankmeldung beantwortet das Personalamt, Sachgebiet Personalservice, Rathaus, 3. Obergeschoss, Durchwahl 131 bis 136.
`
