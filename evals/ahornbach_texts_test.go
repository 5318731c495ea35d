// SPDX-License-Identifier: EUPL-1.2

package evals

// The texts of the Ahornbach corpus's PDF and ODT files (see
// ahornbach_test.go). Stadt Ahornbach is fictional; the texts were
// written for this corpus. The bylaw is printed in the town's gazette in
// two columns (see ahornbachPDF); the service instruction is a
// LibreOffice Writer document whose headings are numbered in the text,
// with a bulleted list and a table (see ahornbachODT: "# " and "## "
// lines are headings, "- " lines list items, "| … |" lines table rows).

// ahZweitwohnungsteuer is ortsrecht/zweitwohnungsteuersatzung.pdf.
const ahZweitwohnungsteuer = `
# Satzung über die Erhebung einer Zweitwohnungsteuer in der Stadt Ahornbach (Zweitwohnungsteuersatzung)

vom 12. November 2026

Aufgrund der §§ 5, 19, 20 und 51 der Hessischen Gemeindeordnung und der §§ 1, 2 und 7 des Gesetzes über kommunale Abgaben hat die Stadtverordnetenversammlung der Stadt Ahornbach in ihrer Sitzung am 10. November 2026 folgende Satzung beschlossen:

§ 1 Allgemeines

Die Stadt Ahornbach erhebt eine Zweitwohnungsteuer als örtliche Aufwandsteuer.

§ 2 Steuergegenstand

(1) Gegenstand der Steuer ist das Innehaben einer Zweitwohnung im Stadtgebiet.

(2) Zweitwohnung ist jede Wohnung, die jemand neben seiner Hauptwohnung für seinen persönlichen Lebensbedarf oder den seiner Familienangehörigen innehat. Als Wohnung gelten auch Wohnwagen und Wohnmobile, die länger als drei Monate auf demselben Grundstück im Stadtgebiet abgestellt sind.

§ 3 Ausnahmen

(1) Nicht als Zweitwohnung gelten Wohnungen in Pflegeheimen und Einrichtungen der Eingliederungshilfe, Wohnungen in Frauenhäusern sowie Wohnungen, die aus therapeutischen Gründen oder zur Erziehung in einer Einrichtung der Jugendhilfe bewohnt werden.

(2) Nicht als Zweitwohnung gilt ferner die aus beruflichen Gründen gehaltene Wohnung einer verheirateten oder in eingetragener Lebenspartnerschaft lebenden Person, deren eheliche oder partnerschaftliche Wohnung sich außerhalb des Stadtgebiets befindet.

(3) Von der Steuer befreit sind Studierende und Auszubildende bis zur Vollendung des 27. Lebensjahres, deren Nebenwohnung in Ahornbach ihrer Ausbildung dient.

§ 4 Steuerpflichtige

Steuerpflichtig ist, wer im Stadtgebiet eine Zweitwohnung innehat. Haben mehrere Personen gemeinsam eine Zweitwohnung inne, so sind sie Gesamtschuldner.

§ 5 Bemessungsgrundlage

(1) Die Steuer bemisst sich nach der jährlichen Nettokaltmiete. Nettokaltmiete ist das Entgelt für die Nutzung der Wohnung ohne Betriebskosten und Heizkosten.

(2) Für Wohnungen, die der Eigentümer selbst nutzt oder unentgeltlich überlassen bekommt, gilt die ortsübliche Nettokaltmiete für vergleichbare Wohnungen.

§ 6 Steuersatz

Die Steuer beträgt 12 vom Hundert der Bemessungsgrundlage.

§ 7 Entstehung und Fälligkeit

(1) Die Steuer wird als Jahressteuer erhoben. Sie entsteht am 1. Januar des Kalenderjahres; beginnt das Innehaben erst im Laufe des Jahres, entsteht sie mit dem ersten Tag des folgenden Monats.

(2) Die Steuer wird durch Bescheid festgesetzt und ist zu je einem Viertel am 15. Februar, 15. Mai, 15. August und 15. November fällig.

§ 8 Anzeigepflicht

(1) Wer eine Zweitwohnung in Besitz nimmt oder aufgibt, hat dies der Stadt innerhalb eines Monats anzuzeigen. Die Anmeldung einer Nebenwohnung im Melderegister gilt als Anzeige.

(2) Die Steuerpflichtigen haben der Stadt die für die Höhe der Steuer maßgeblichen Verhältnisse auf einem Vordruck zu erklären und auf Verlangen nachzuweisen, insbesondere durch den Mietvertrag.

§ 9 Ordnungswidrigkeiten

Ordnungswidrig handelt, wer vorsätzlich oder leichtfertig seiner Anzeigepflicht nach § 8 nicht nachkommt. Die Ordnungswidrigkeit kann mit einer Geldbuße bis zu 10.000 Euro geahndet werden.

§ 10 Inkrafttreten

Diese Satzung tritt am 1. Januar 2027 in Kraft.

Ahornbach, den 12. November 2026

Der Magistrat der Stadt Ahornbach

Katrin Weyland, Bürgermeisterin
`

// ahDienstfahrzeuge is intern/dienstanweisungen/dienstfahrzeuge.odt.
const ahDienstfahrzeuge = `
# Dienstanweisung Nr. 5/2026 über die Nutzung der Dienstfahrzeuge

Der Magistrat der Stadt Ahornbach erlässt für die Beschäftigten der Stadtverwaltung folgende Dienstanweisung.

## 1 Geltungsbereich

Diese Dienstanweisung gilt für die Fahrzeuge des Fahrzeugpools der Stadtverwaltung. Die Fahrzeuge des Bauhofs und der Feuerwehr sind ausgenommen.

| Kennzeichen | Fahrzeug | Standort |
| OW-AH 101 | VW ID.3 (Elektro) | Hof Rathaus |
| OW-AH 102 | VW ID.3 (Elektro) | Hof Rathaus |
| OW-AH 110 | Ford Transit Custom (9 Sitze) | Bürgerhaus Nord |

## 2 Buchung

Dienstfahrzeuge werden im Outlook-Ressourcenkalender „Fahrzeugpool Rathaus“ gebucht, spätestens am Vortag bis 12:00 Uhr. Tragen Sie in die Buchung das Ziel und den Zweck der Fahrt ein. Fahrten über mehrere Tage und Fahrten ins Ausland genehmigt die Fachbereichsleitung vorab.

Die Schlüssel und die Fahrzeugpapiere erhalten Sie gegen Unterschrift an der Pforte im Rathaus; dort werden sie nach der Fahrt bis 17:00 Uhr zurückgegeben. Außerhalb dieser Zeit gehört der Schlüssel in den Schlüsseltresor neben dem Haupteingang.

## 3 Führerscheinkontrolle

Wer ein Dienstfahrzeug fahren will, legt den Führerschein zweimal im Jahr, im Januar und im Juli, dem Hauptamt vor. Ohne gültige Kontrolle gibt die Pforte keinen Schlüssel aus.

## 4 Fahrtenbuch

Jede Fahrt wird im Fahrtenbuch des Fahrzeugs eingetragen:

- Datum und Name der Fahrerin oder des Fahrers
- Ziel und Zweck der Fahrt
- Kilometerstand zu Beginn und am Ende der Fahrt

## 5 Laden und Tanken

Die Elektrofahrzeuge werden nach der Rückkehr an die Wallbox im Hof des Rathauses angeschlossen, wenn der Ladestand unter 50 Prozent liegt. Unterwegs laden Sie mit der Ladekarte im Handschuhfach; der Transporter wird mit der Tankkarte getankt. Private Fahrten sind nicht erlaubt.

## 6 Unfälle und Schäden

Nach einem Unfall ist immer die Polizei zu rufen, auch bei kleinen Schäden und wenn niemand verletzt ist. Füllen Sie den Unfallbericht aus, der im Handschuhfach liegt. Jeder Unfall und jeder Schaden ist noch am selben Tag der Fuhrparkverwaltung im Hauptamt (Durchwahl -145) zu melden.

## 7 Private Fahrzeuge

Ein privates Fahrzeug darf für Dienstfahrten nur benutzt werden, wenn kein Poolfahrzeug frei ist und die Fachbereichsleitung zugestimmt hat. Die Wegstreckenentschädigung richtet sich nach dem Hessischen Reisekostengesetz.

## 8 Inkrafttreten

Diese Dienstanweisung tritt am 1. Dezember 2026 in Kraft.

Ahornbach, den 16. November 2026

Katrin Weyland, Bürgermeisterin
`
