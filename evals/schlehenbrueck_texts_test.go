// SPDX-License-Identifier: EUPL-1.2

package evals

// The texts of the Schlehenbrück corpus's generated files (see
// schlehenbrueck_test.go). Stadt Schlehenbrück is fictional; the texts
// were written for this corpus. The town order is a Word document whose §
// headings are bold body paragraphs, not heading styles (see corpusDOCX's
// "B " lines); the firewood price list is a CSV file as Excel saves it
// ("CSV (Trennzeichen-getrennt)": Windows-1252, semicolons, a "sep=;"
// line, quoted cells with line breaks, see schlehenbrueckCSV); the service
// instruction on pool cars is a page of the old intranet in ISO-8859-1
// with layout tables and <font> tags (see schlehenbrueckIntranetHTM).

// sbStadtordnung is ortsrecht/stadtordnung.docx in corpusDOCX's notation:
// "T " the title, "B " a bold paragraph (here every § heading), "N " a
// numbered list item, anything else body text.
const sbStadtordnung = `
T Ordnungsbehördliche Verordnung über die Aufrechterhaltung der öffentlichen Sicherheit und Ordnung in der Stadt Schlehenbrück (Stadtordnung)
Vom 17. Juni 2025
Aufgrund der §§ 27 und 44 des Thüringer Gesetzes über die Aufgaben und Befugnisse der Ordnungsbehörden (Ordnungsbehördengesetz – OBG) erlässt die Stadt Schlehenbrück als Ordnungsbehörde folgende Verordnung:
B § 1 Geltungsbereich
Diese Verordnung gilt für das gesamte Gebiet der Stadt Schlehenbrück mit den Ortsteilen Kleinwispel, Hohenrain und Oberschlehen.
B § 2 Begriffsbestimmungen
(1) Öffentliche Straßen im Sinne dieser Verordnung sind alle dem öffentlichen Verkehr gewidmeten Straßen, Wege und Plätze einschließlich Gehwegen, Treppen, Brücken und Unterführungen.
(2) Öffentliche Anlagen sind allgemein zugängliche Grün- und Parkanlagen, Spielplätze, das Wispelufer, der Anger und der Stadtpark, unabhängig von den Eigentumsverhältnissen.
B § 3 Schutz vor Lärm
(1) Sonn- und Feiertage sind ganztägig Ruhezeit. Werktags gilt die Nachtruhe von 22 bis 6 Uhr und die Mittagsruhe von 13 bis 15 Uhr.
(2) Während der Ruhezeiten ist es verboten, Rasenmäher, Laubbläser, Heckenscheren, Kreissägen und andere lärmende Geräte im Freien zu betreiben sowie Teppiche und Matratzen auszuklopfen.
(3) Die Vorschriften der Geräte- und Maschinenlärmschutzverordnung bleiben unberührt. Land- und forstwirtschaftliche Arbeiten sowie Arbeiten der Stadt und ihrer Beauftragten sind ausgenommen.
B § 4 Tiere
(1) In öffentlichen Anlagen und auf dem Markt sind Hunde an der Leine zu führen. Auf Spielplätzen und Liegewiesen sind Hunde nicht erlaubt.
(2) Wer einen Hund führt, hat dessen Kot unverzüglich zu beseitigen.
(3) Es ist verboten, Tauben auf öffentlichen Straßen und in öffentlichen Anlagen zu füttern. Ebenso ist es verboten, Futter so auszulegen, dass Tauben, Ratten oder wild lebende Tiere angelockt werden. Die Fütterung von Wasservögeln am Wispelufer ist nur an der ausgeschilderten Futterstelle am Mühlenwehr erlaubt.
B § 5 Grillen und offenes Feuer
(1) In öffentlichen Anlagen darf nur auf den ausgewiesenen Grillplätzen am Wispelufer und im Stadtpark gegrillt werden. Einweggrills dürfen nicht auf Rasen oder Holzbänken abgestellt werden.
(2) Die Asche ist in die dafür aufgestellten Behälter zu geben.
(3) Brauchtumsfeuer bedürfen der Anzeige beim Ordnungsamt mindestens zwei Wochen vorher.
B § 6 Plakatierung
(1) Plakate, Anschläge und Werbezettel dürfen in öffentlichen Straßen und Anlagen nur an den dafür bestimmten Plakattafeln und Litfaßsäulen angebracht werden.
(2) Für Veranstaltungen von Vereinen, Kirchen und gemeinnützigen Einrichtungen im Stadtgebiet kann das Ordnungsamt auf Antrag das Anbringen von bis zu 20 Plakaten an Laternenmasten erlauben. Die Plakate dürfen frühestens drei Wochen vor der Veranstaltung angebracht werden und sind spätestens drei Tage nach der Veranstaltung zu entfernen.
(3) Für Wahlwerbung gelten die Richtlinien der Stadt über Wahlsichtwerbung.
B § 7 Hausnummern
Jedes bebaute Grundstück ist vom Eigentümer mit der von der Stadt zugeteilten Hausnummer zu versehen. Die Hausnummer muss von der Straße aus gut lesbar sein; ist der Hauseingang nicht an der Straßenseite, ist die Nummer zusätzlich an der Grundstückszufahrt anzubringen.
B § 8 Ausnahmen
Das Ordnungsamt kann in begründeten Einzelfällen Ausnahmen von den Verboten dieser Verordnung zulassen, wenn öffentliche Interessen nicht entgegenstehen.
B § 9 Ordnungswidrigkeiten
(1) Ordnungswidrig im Sinne von § 50 OBG handelt, wer vorsätzlich oder fahrlässig
N entgegen § 3 Abs. 2 während der Ruhezeiten lärmende Geräte betreibt,
N entgegen § 4 Abs. 1 einen Hund nicht an der Leine führt oder auf einen Spielplatz mitnimmt,
N entgegen § 4 Abs. 2 Hundekot nicht beseitigt,
N entgegen § 4 Abs. 3 Tauben füttert oder Futter auslegt,
N entgegen § 5 außerhalb der Grillplätze grillt,
N entgegen § 6 Plakate ohne Erlaubnis anbringt oder nicht rechtzeitig entfernt.
(2) Die Ordnungswidrigkeit kann mit einer Geldbuße bis zu 1.000 Euro geahndet werden.
B § 10 Inkrafttreten
Diese Verordnung tritt am Tag nach ihrer Bekanntmachung in Kraft. Gleichzeitig tritt die Stadtordnung vom 4. März 2009 außer Kraft.
Schlehenbrück, den 17. Juni 2025
Goldammer, Bürgermeister
`

// sbBrennholz is the firewood price list stadtwald/brennholz-preise-2027.csv:
// one line a row, cells parted by "|", "\n" inside a cell a line break in
// the quoted cell; schlehenbrueckCSV writes it as Excel does.
const sbBrennholz = `
Holzart|Sortiment|Einheit|Preis 2027 (inkl. 7 % MwSt.)|Bemerkung
Buche|Brennholz lang, an der Waldstraße (4 m)|Raummeter|82,00 €|Mindestabnahme 5 rm; Abfuhr innerhalb von 4 Wochen nach Zuschlag
Buche|Flächenlos für Selbstwerber|Raummeter|38,00 €|Nur mit Nachweis Motorsägenlehrgang (Modul A);\nAufarbeitung bis 31. März 2027
Eiche|Brennholz lang, an der Waldstraße (4 m)|Raummeter|76,00 €|
Eiche|Flächenlos für Selbstwerber|Raummeter|34,00 €|wie Buche
Fichte|Brennholz lang, an der Waldstraße (4 m)|Raummeter|52,00 €|Käferholz, trocken
Fichte|Flächenlos für Selbstwerber|Raummeter|24,00 €|wie Buche
Mischholz|Reisig und Kronenholz zum Selbstaufarbeiten|Los (ca. 3 rm)|45,00 €|pauschal je Los
Alle|Anfahrt Holzrückung auf Wunsch|pauschal|65,00 €|nur für Polterholz
|||| 
Bestellung: Forstrevier Schlehenbrück, Revierleiterin Katrin Heinze, Telefon 036690 412-580||||
Hinweis: Holzbestellungen nimmt das Forstrevier vom 1. Oktober bis 15. Dezember entgegen. Die Lose werden im Januar zugeteilt.||||
`

// sbDienstfahrzeuge is the service instruction on pool cars,
// intern/dienstanweisungen/dienstfahrzeuge.htm: "T " the title, "B " a
// bold line (the old intranet's headings), "- " a list item, anything else
// a paragraph; schlehenbrueckIntranetHTM writes it in ISO-8859-1.
const sbDienstfahrzeuge = `
T Dienstanweisung Nr. 7/2024: Nutzung der Dienstfahrzeuge
Gültig ab 1. Juli 2024 · Hauptamt, Sachgebiet Organisation · Az. 10-07-2024
B 1. Geltungsbereich
Diese Dienstanweisung gilt für alle Beschäftigten der Stadtverwaltung Schlehenbrück, die die Fahrzeuge des Fahrzeugpools nutzen (zwei VW ID.3 und ein VW Caddy). Für die Fahrzeuge des Bauhofs und der Feuerwehr gelten eigene Regelungen.
B 2. Reservierung
Poolfahrzeuge werden über den Outlook-Ressourcenkalender „Poolfahrzeuge“ reserviert, spätestens am Vortag bis 12 Uhr. Dienstreisen mit Übernachtung haben Vorrang vor Tagesfahrten. Wer ein reserviertes Fahrzeug nicht braucht, storniert die Reservierung sofort.
B 3. Schlüssel
Die Schlüssel liegen während der Dienstzeit in der Poststelle (Rathaus, Raum 003). Für Fahrten am Wochenende oder vor 7 Uhr holen Sie den Schlüssel am letzten Arbeitstag vorher in der Poststelle ab oder nutzen den Schlüsseltresor am Hintereingang des Rathauses; den Code erhalten Sie mit der Reservierungsbestätigung.
B 4. Fahrtenbuch
Für jede Fahrt ist das Fahrtenbuch im Handschuhfach vollständig auszufüllen, auch bei kurzen Fahrten innerhalb der Stadt: Datum, Fahrerin oder Fahrer, Ziel und Zweck der Fahrt, Kilometerstand bei Abfahrt und Ankunft. Das Fahrtenbuch ist ein Nachweis gegenüber dem Finanzamt; fehlende Einträge können zur Versteuerung als private Nutzung führen.
B 5. Laden und Tanken
- Die ID.3 werden nach der Rückkehr an den Ladesäulen im Rathaushof angeschlossen, wenn der Akkustand unter 50 Prozent liegt.
- Unterwegs laden Sie mit der Ladekarte im Fahrzeugschein-Etui. Private Ladekarten dürfen nicht verwendet werden.
- Der Caddy wird mit der Tankkarte betankt, sobald der Tank nur noch ein Viertel voll ist.
B 6. Schäden und Unfälle
Schäden, Warnleuchten und Unfälle melden Sie noch am selben Tag dem Sachgebiet Organisation (Durchwahl -130) und tragen sie in das Schadensblatt im Fahrtenbuch ein. Nach einem Unfall ist immer die Polizei zu rufen, auch bei kleinen Schäden.
B 7. Private Nutzung
Die private Nutzung der Dienstfahrzeuge ist nicht gestattet. Das gilt auch für Umwege auf dem Heimweg. Die Mitnahme von Personen, die nicht zur Stadtverwaltung gehören, ist nur aus dienstlichen Gründen erlaubt.
Schlehenbrück, 12. Juni 2024 – gez. Goldammer, Bürgermeister
`
