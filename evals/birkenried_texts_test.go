// SPDX-License-Identifier: EUPL-1.2

package evals

// The texts of the Birkenried corpus's PDF and DOCX files (see
// birkenried_test.go). Stadt Birkenried is fictional; the texts were
// written for this corpus. The leaflets are single pages as a word
// processor exports them, with bullet lists and a small table whose
// columns the PDF keeps only as spaces; the bylaw has §§ and a fee
// schedule in an Anlage; the instruction numbers its paragraphs with
// Word's list numbering ("N "), so the numbers are not in the text.

// brMerkblattFeuer is merkblaetter/merkblatt-brauchtumsfeuer.pdf.
const brMerkblattFeuer = `
# Merkblatt: Oster- und Johannisfeuer (Brauchtumsfeuer)

Brauchtumsfeuer sind Feuer, die ein Verein, eine Kirchengemeinde oder eine andere Gemeinschaft aus Anlass eines überlieferten Festes öffentlich abbrennt. Das Verbrennen von Gartenabfällen im eigenen Garten ist kein Brauchtumsfeuer und in Birkenried nicht erlaubt.

# Wann und wo anmelden?

• Melden Sie das Feuer spätestens zwei Wochen vorher schriftlich beim Ordnungsamt an (Formular „Anzeige eines Brauchtumsfeuers“).
• Die Anmeldung ist gebührenfrei.
• Geben Sie eine verantwortliche volljährige Person mit Handynummer an, die während des ganzen Feuers vor Ort ist.
• Das Ordnungsamt informiert die Feuerwehr und die Leitstelle.

# Was darf verbrannt werden?

• nur trockenes, unbehandeltes Holz sowie Baum- und Strauchschnitt
• nicht erlaubt: Möbel, lackiertes oder beschichtetes Holz, Paletten, Reifen, Laub, Grasschnitt und Abfälle jeder Art
• kein Brandbeschleuniger wie Benzin oder Altöl

# Worauf müssen Sie achten?

• Abstand zu Gebäuden mindestens 50 Meter, zu Wald mindestens 100 Meter, zu öffentlichen Straßen mindestens 25 Meter
• Der Haufen darf höchstens 4 Meter hoch sein.
• Schichten Sie das Brennmaterial frühestens eine Woche vor dem Feuer auf und setzen Sie es am Tag des Feuers um, damit Igel, Vögel und andere Tiere nicht verbrennen.
• Bei starkem Wind (ab Windstärke 4) oder Waldbrandwarnstufe 4 darf nicht angezündet werden.
• Das Feuer muss bis zum vollständigen Erlöschen der Glut beaufsichtigt werden; halten Sie Wasser oder einen Feuerlöscher bereit.

Stadt Birkenried, Ordnungsamt, Marktplatz 1, 79877 Birkenried, Telefon 07654 88-330, ordnungsamt@birkenried.example. Stand: Februar 2026
`

// brMerkblattHund is merkblaetter/merkblatt-hundesteuer.pdf.
const brMerkblattHund = `
# Merkblatt Hundesteuer

Wer in Birkenried einen Hund hält, der älter als drei Monate ist, muss ihn bei der Stadt zur Hundesteuer anmelden. Grundlage ist die Hundesteuersatzung der Stadt Birkenried.

# Anmelden und abmelden

• Melden Sie den Hund innerhalb eines Monats nach der Anschaffung oder nach dem Zuzug bei der Stadtkasse an.
• Sie bekommen eine Steuermarke. Der Hund muss sie außerhalb der Wohnung sichtbar tragen. Eine Ersatzmarke kostet 5,00 Euro.
• Geben Sie den Hund ab, stirbt er oder ziehen Sie weg, melden Sie ihn innerhalb eines Monats ab.

# Wie hoch ist die Steuer?

Steuersatz im Jahr
Erster Hund        120,00 Euro
Jeder weitere Hund        240,00 Euro
Kampfhund (je Hund)        720,00 Euro
Zwinger (bis zu fünf Hunde)        360,00 Euro

# Wann ist die Steuer fällig?

Die Hundesteuer wird mit dem Jahresbescheid festgesetzt und ist jeweils zum 1. Juli für das ganze Jahr fällig. Beginnt die Hundehaltung im Laufe des Jahres, zahlen Sie nur für die vollen Monate.

# Befreiung und Ermäßigung

• steuerfrei sind Blindenführhunde, Assistenzhunde und geprüfte Rettungshunde
• die Steuer halbiert sich für Hunde, die aus einem Tierheim übernommen wurden, im Jahr der Übernahme und im Jahr darauf
• Wer Bürgergeld, Sozialhilfe oder Wohngeld bezieht, kann eine Ermäßigung um die Hälfte für den ersten Hund beantragen.

Stadt Birkenried, Stadtkasse – Steuern und Abgaben, Marktplatz 1, Telefon 07654 88-240, steuern@birkenried.example. Stand: Januar 2026
`

// brFriedhofssatzung is ortsrecht/friedhofssatzung.pdf.
const brFriedhofssatzung = `
# Satzung über das Friedhofs- und Bestattungswesen der Stadt Birkenried (Friedhofssatzung)

vom 21. Oktober 2025

Aufgrund von § 4 der Gemeindeordnung für Baden-Württemberg und der §§ 2, 8 und 13 des Kommunalabgabengesetzes hat der Gemeinderat der Stadt Birkenried am 21. Oktober 2025 folgende Satzung beschlossen:

§ 1 Geltungsbereich

Diese Satzung gilt für die städtischen Friedhöfe in Birkenried, Oberried und Hinterbirken. Die Friedhöfe werden von der Friedhofsverwaltung der Stadt verwaltet.

§ 2 Öffnungszeiten

(1) Die Friedhöfe sind von März bis Oktober von 7:00 bis 20:00 Uhr und von November bis Februar von 8:00 bis 17:00 Uhr geöffnet.

(2) Hunde dürfen auf die Friedhöfe nur an der kurzen Leine mitgenommen werden.

§ 3 Gewerbliche Arbeiten

Steinmetze, Gärtnereien und Bestattungsunternehmen dürfen auf den Friedhöfen nur an Werktagen zwischen 7:00 und 18:00 Uhr arbeiten. Sie brauchen eine Zulassung der Friedhofsverwaltung.

§ 4 Ruhezeiten

(1) Die Ruhezeit beträgt für Verstorbene ab dem vollendeten 10. Lebensjahr 20 Jahre, für Verstorbene bis zum vollendeten 10. Lebensjahr 12 Jahre.

(2) Die Ruhezeit für Aschen beträgt 15 Jahre.

§ 5 Grabarten

(1) Auf den Friedhöfen gibt es Reihengräber, Wahlgräber, Urnenreihengräber, Urnenwahlgräber und Baumgräber.

(2) Reihengräber und Urnenreihengräber werden der Reihe nach für die Dauer der Ruhezeit vergeben; das Nutzungsrecht kann nicht verlängert werden.

(3) An Wahlgräbern und Urnenwahlgräbern wird ein Nutzungsrecht von 25 Jahren verliehen. Es kann auf Antrag verlängert werden.

(4) Baumgräber sind Urnengräber am Fuß eines Baumes im Baumgrabfeld Oberried. Grabschmuck und Grabmale sind dort nicht zulässig; der Name wird auf einer Tafel am Baum angebracht.

§ 6 Grabmale

(1) Die Errichtung und jede Änderung eines Grabmals bedarf der vorherigen Zustimmung der Friedhofsverwaltung. Der Antrag ist mit einer Zeichnung im Maßstab 1:10 einzureichen.

(2) Grabmale auf Erdgräbern dürfen frühestens sechs Monate nach der Bestattung errichtet werden.

§ 7 Herrichtung und Pflege der Grabstätten

(1) Grabstätten müssen innerhalb von sechs Monaten nach der Bestattung oder nach dem Erwerb des Nutzungsrechts hergerichtet werden.

(2) Wird eine Grabstätte nicht gepflegt, fordert die Friedhofsverwaltung den Nutzungsberechtigten schriftlich auf, sie innerhalb von drei Monaten in Ordnung zu bringen.

§ 8 Gebühren

Für die Benutzung der Friedhöfe und ihrer Einrichtungen werden Gebühren nach dem Gebührenverzeichnis (Anlage) erhoben. Gebührenschuldner ist, wer die Leistung beantragt hat. Die Gebühren werden mit der Bekanntgabe des Bescheids fällig.

§ 9 Inkrafttreten

Diese Satzung tritt am 1. Januar 2026 in Kraft. Gleichzeitig tritt die Friedhofssatzung vom 12. März 2014 außer Kraft.

Birkenried, den 22. Oktober 2025

Christoph Mayerhofer, Bürgermeister

# Anlage zur Friedhofssatzung: Gebührenverzeichnis

Nr. Leistung Gebühr
1 Reihengrab für Verstorbene ab 10 Jahren (20 Jahre) 1.240,00 Euro
2 Reihengrab für Verstorbene unter 10 Jahren (12 Jahre) 420,00 Euro
3 Wahlgrab, je Grabstelle (25 Jahre) 2.150,00 Euro
4 Urnenreihengrab (15 Jahre) 780,00 Euro
5 Urnenwahlgrab (25 Jahre) 1.320,00 Euro
6 Baumgrab im Baumgrabfeld Oberried (15 Jahre) 1.450,00 Euro
7 Verlängerung des Nutzungsrechts an einem Wahlgrab, je Jahr 86,00 Euro
8 Benutzung der Aussegnungshalle 210,00 Euro
9 Zustimmung zur Errichtung eines Grabmals 65,00 Euro
`

// brDienstreisen is intranet/dienstanweisungen/dienstreisen.docx.
const brDienstreisen = `
T Dienstanweisung über Dienstreisen und Dienstgänge
Dienstanweisung Nr. 2/2026 der Stadtverwaltung Birkenried, gültig ab 1. März 2026
# Geltungsbereich
N Diese Dienstanweisung gilt für alle Beschäftigten der Stadtverwaltung Birkenried einschließlich der Eigenbetriebe.
N Dienstreisen sind Reisen zur Erledigung von Dienstgeschäften außerhalb von Birkenried. Dienstgänge sind Gänge oder Fahrten innerhalb von Birkenried.
# Genehmigung
N Dienstreisen müssen vorher von der oder dem Vorgesetzten genehmigt werden. Stellen Sie den Dienstreiseantrag im Personalportal mindestens eine Woche vor Reisebeginn.
N Dienstgänge brauchen keine Genehmigung; tragen Sie sie in den Outlook-Kalender ein.
N Für Fortbildungen gilt der Antrag auf Teilnahme zugleich als Dienstreiseantrag.
# Verkehrsmittel
N Vorrang haben öffentliche Verkehrsmittel und die Dienstfahrzeuge. Die Dienstwagen buchen Sie im Outlook über die Ressource „Dienstwagen-Pool“.
N Bahnfahrten werden in der 2. Klasse erstattet. Die 1. Klasse wird nur erstattet, wenn die Fahrt länger als zwei Stunden dauert und die Amtsleitung sie vorher genehmigt hat.
N Wer mit dem eigenen Fahrzeug fährt, erhält eine Wegstreckenentschädigung nach der folgenden Tabelle:
| Fahrzeug | Wegstreckenentschädigung |
| Privat-Pkw, wenn kein Dienstwagen frei war | 0,35 Euro je Kilometer |
| Privat-Pkw aus persönlichen Gründen | 0,25 Euro je Kilometer |
| Fahrrad oder Pedelec | 0,25 Euro je Kilometer |
| Mitnahme einer weiteren dienstreisenden Person | 0,02 Euro je Kilometer |
N Park- und Mautgebühren werden gegen Beleg erstattet. Schäden am privaten Fahrzeug ersetzt die Stadt nur nach der Sachschadensrichtlinie.
# Tagegeld und Übernachtung
N Bei einer Abwesenheit von mehr als 8 Stunden erhalten Sie ein Tagegeld von 14 Euro, bei 24 Stunden 28 Euro. Werden Mahlzeiten gestellt, wird das Tagegeld gekürzt.
N Übernachtungskosten werden bis 90 Euro je Nacht ohne Nachweis der Notwendigkeit erstattet; höhere Kosten nur, wenn die Amtsleitung sie vorher genehmigt hat.
# Abrechnung
N Rechnen Sie die Dienstreise im Personalportal ab und laden Sie die Belege hoch. Der Anspruch erlischt, wenn die Abrechnung nicht innerhalb von sechs Monaten nach Ende der Dienstreise beantragt wird.
N Fragen zur Abrechnung beantwortet das Personalamt, Reisekostenstelle, Frau Okafor, Telefon 88-125.
`
