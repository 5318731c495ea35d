// SPDX-License-Identifier: EUPL-1.2

package evals

// The texts of the Lindenbach corpus's PDF and DOCX files (see
// lindenbach_fixtures_test.go). Stadt Lindenbach is fictional; the texts
// were written for this corpus.

// lbHundesteuersatzung is ortsrecht/hundesteuersatzung.pdf.
const lbHundesteuersatzung = `
Satzung über die Erhebung der Hundesteuer in der Stadt Lindenbach (Hundesteuersatzung)

vom 14. Dezember 2021, zuletzt geändert durch Satzung vom 18. November 2025

Aufgrund der Gemeindeordnung und des Kommunalabgabengesetzes des Landes hat der Rat der Stadt Lindenbach in seiner Sitzung am 18. November 2025 folgende Satzung beschlossen:

§ 1 Steuergegenstand

(1) Gegenstand der Steuer ist das Halten von Hunden im Stadtgebiet durch natürliche Personen für persönliche Zwecke.

(2) Besteuert werden Hunde, die älter als drei Monate sind. Kann das Alter eines Hundes nicht nachgewiesen werden, gilt er als älter als drei Monate.

§ 2 Steuerpflichtige Personen, Haftung

(1) Steuerpflichtig ist die Halterin oder der Halter eines Hundes. Hundehalterin oder Hundehalter ist, wer einen Hund in den eigenen Haushalt oder Wirtschaftsbetrieb für persönliche Zwecke aufgenommen hat. Als Halterin oder Halter gilt auch, wer einen Hund länger als zwei Monate in Pflege oder Verwahrung hält oder auf Probe oder zum Anlernen hält.

(2) Alle in einem Haushalt gehaltenen Hunde gelten als von den Haushaltsmitgliedern gemeinsam gehalten. Halten mehrere Personen gemeinsam einen oder mehrere Hunde, so haften sie als Gesamtschuldner.

§ 3 Beginn und Ende der Steuerpflicht

(1) Die Steuerpflicht beginnt mit dem ersten Tag des Kalendermonats, der auf den Beginn der Hundehaltung folgt, frühestens mit dem ersten Tag des Kalendermonats, der auf den Monat folgt, in dem der Hund drei Monate alt geworden ist.

(2) Bei Zuzug einer Hundehalterin oder eines Hundehalters beginnt die Steuerpflicht mit dem ersten Tag des auf den Zuzug folgenden Kalendermonats.

(3) Die Steuerpflicht endet mit Ablauf des Kalendermonats, in dem die Hundehaltung beendet wird, der Hund abhandenkommt oder stirbt oder die Halterin oder der Halter aus dem Stadtgebiet wegzieht.

§ 4 Steuersatz

(1) Die Steuer beträgt im Kalenderjahr
1. für den ersten Hund 84,00 Euro,
2. für den zweiten Hund 120,00 Euro,
3. für jeden weiteren Hund 150,00 Euro.

(2) Abweichend von Absatz 1 beträgt die Steuer für jeden gefährlichen Hund im Sinne von § 5 im Kalenderjahr 600,00 Euro.

(3) Hunde, für die eine Steuerbefreiung nach § 6 gewährt wird, werden bei der Anzahl der Hunde nicht mitgerechnet. Hunde, für die eine Steuerermäßigung nach § 7 gewährt wird, gelten als erste Hunde.

§ 5 Gefährliche Hunde

(1) Gefährliche Hunde sind Hunde, die nach dem Landeshundegesetz als gefährlich gelten, und Hunde, deren Gefährlichkeit im Einzelfall durch die Ordnungsbehörde festgestellt worden ist.

(2) Als gefährlich gelten insbesondere Hunde der Rassen Pitbull-Terrier, American Staffordshire Terrier, Staffordshire Bullterrier und Bullterrier sowie Kreuzungen dieser Rassen untereinander oder mit anderen Hunden.

§ 6 Steuerbefreiungen

Auf Antrag ist Steuerbefreiung zu gewähren für das Halten von
1. Blindenführhunden sowie Assistenzhunden von Personen, deren Schwerbehindertenausweis die Merkzeichen B, aG, H oder Bl enthält, wenn der Hund zur Hilfe der schwerbehinderten Person unentbehrlich ist,
2. Rettungshunden, die eine Prüfung nach den Richtlinien einer anerkannten Rettungshundeorganisation bestanden haben und für den Katastrophenschutz zur Verfügung stehen,
3. Hunden, die aus dem Tierheim Lindenbach aufgenommen werden, für die Dauer von zwölf Monaten ab der Aufnahme; die Befreiung wird je Haushalt für einen Hund gewährt,
4. Hunden, die in Tierheimen oder ähnlichen Einrichtungen vorübergehend untergebracht sind.

§ 7 Steuerermäßigungen

(1) Die Steuer ist auf Antrag für einen Hund um 50 Prozent zu ermäßigen, wenn die Halterin oder der Halter Bürgergeld, Leistungen der Grundsicherung im Alter und bei Erwerbsminderung, Hilfe zum Lebensunterhalt oder Leistungen nach dem Asylbewerberleistungsgesetz bezieht.

(2) Die Steuer ist auf Antrag um 50 Prozent zu ermäßigen für Hunde, die zur Bewachung von bewohnten Gebäuden erforderlich sind, die von dem nächsten bewohnten Gebäude mehr als 400 Meter entfernt liegen.

(3) Für gefährliche Hunde im Sinne von § 5 wird keine Ermäßigung gewährt.

§ 8 Allgemeine Bestimmungen über Vergünstigungen

(1) Für die Gewährung einer Steuerbefreiung oder Steuerermäßigung sind die Verhältnisse bei Beginn des Kalenderjahres maßgebend, bei Beginn der Steuerpflicht im Laufe des Jahres die Verhältnisse zu diesem Zeitpunkt.

(2) Der Antrag auf Steuerbefreiung oder Steuerermäßigung ist innerhalb von zwei Wochen nach Eintritt der Voraussetzungen zu stellen. Wird der Antrag später gestellt, wird die Vergünstigung erst ab dem Kalendermonat gewährt, der auf die Antragstellung folgt.

§ 9 Festsetzung und Fälligkeit

(1) Die Steuer wird für ein Kalenderjahr oder, wenn die Steuerpflicht im Laufe des Kalenderjahres beginnt, für den Rest des Kalenderjahres durch Bescheid festgesetzt. Der Bescheid gilt auch für die folgenden Jahre, bis ein neuer Bescheid ergeht.

(2) Die Steuer wird am 15. Februar mit dem Jahresbetrag fällig. Auf Antrag kann sie in vierteljährlichen Teilbeträgen zum 15. Februar, 15. Mai, 15. August und 15. November entrichtet werden.

(3) Endet die Steuerpflicht im Laufe des Jahres, wird die zu viel gezahlte Steuer erstattet.

§ 10 Anzeigepflichten

(1) Wer einen über drei Monate alten Hund aufnimmt oder mit einem solchen Hund zuzieht, hat dies innerhalb von zwei Wochen nach der Aufnahme oder dem Zuzug bei der Stadt anzuzeigen.

(2) Wer einen Hund abschafft oder wessen Hund abhandengekommen oder gestorben ist, hat dies innerhalb von zwei Wochen anzuzeigen. Im Fall der Abgabe des Hundes sind Name und Anschrift der neuen Halterin oder des neuen Halters anzugeben.

(3) Fallen die Voraussetzungen für eine Steuerbefreiung oder Steuerermäßigung weg, so ist dies innerhalb von zwei Wochen anzuzeigen.

§ 11 Hundesteuermarken

(1) Für jeden angemeldeten Hund wird eine Hundesteuermarke ausgegeben, die Eigentum der Stadt bleibt. Die Marken gelten bis zur Abmeldung des Hundes.

(2) Die Halterin oder der Halter hat dafür zu sorgen, dass der Hund außerhalb der Wohnung oder des umfriedeten Grundbesitzes die gültige Hundesteuermarke sichtbar trägt.

(3) Bei Verlust der Hundesteuermarke wird eine Ersatzmarke gegen eine Gebühr von 5,00 Euro ausgegeben.

(4) Bei der Abmeldung des Hundes ist die Hundesteuermarke innerhalb von zwei Wochen an die Stadt zurückzugeben.

§ 12 Ordnungswidrigkeiten

Ordnungswidrig im Sinne des Kommunalabgabengesetzes handelt, wer vorsätzlich oder leichtfertig einen Hund nicht, nicht richtig oder nicht rechtzeitig an- oder abmeldet oder einen Hund ohne gültige Hundesteuermarke außerhalb der Wohnung oder des umfriedeten Grundbesitzes umherlaufen lässt. Die Ordnungswidrigkeit kann mit einer Geldbuße bis zu 10.000 Euro geahndet werden.

§ 13 Inkrafttreten

Diese Satzung tritt am 1. Januar 2022 in Kraft. Die Änderungen vom 18. November 2025 treten am 1. Januar 2026 in Kraft.

Lindenbach, den 19. November 2025

Dr. Katrin Albers
Bürgermeisterin
`

// lbFriedhofssatzung is ortsrecht/friedhofssatzung.pdf.
const lbFriedhofssatzung = `
Satzung über das Friedhofs- und Bestattungswesen der Stadt Lindenbach (Friedhofssatzung)

vom 26. März 2019, zuletzt geändert durch Satzung vom 14. März 2024

Aufgrund der Gemeindeordnung und des Bestattungsgesetzes des Landes hat der Rat der Stadt Lindenbach folgende Satzung beschlossen:

# I. Allgemeine Vorschriften

§ 1 Geltungsbereich

Diese Satzung gilt für die Friedhöfe der Stadt Lindenbach: den Hauptfriedhof an der Friedhofstraße und den Friedhof Oberlinden Am Kirchberg.

§ 2 Friedhofszweck

(1) Die Friedhöfe sind nicht rechtsfähige Anstalten der Stadt Lindenbach. Sie dienen der Bestattung aller Personen, die bei ihrem Tod Einwohnerinnen oder Einwohner der Stadt Lindenbach waren oder ein Recht auf Beisetzung in einer bestimmten Grabstätte besaßen.

(2) Die Bestattung anderer Personen bedarf der vorherigen Zustimmung der Friedhofsverwaltung.

# II. Ordnungsvorschriften

§ 3 Öffnungszeiten

(1) Die Friedhöfe sind für Besucherinnen und Besucher vom 1. April bis 30. September von 7:00 bis 21:00 Uhr und vom 1. Oktober bis 31. März von 8:00 bis 18:00 Uhr geöffnet.

(2) Die Friedhofsverwaltung kann das Betreten eines Friedhofs oder einzelner Teile aus besonderem Anlass, zum Beispiel bei Sturm oder Glätte, vorübergehend untersagen.

§ 4 Verhalten auf dem Friedhof

(1) Jede Person hat sich auf den Friedhöfen der Würde des Ortes entsprechend zu verhalten. Den Anordnungen des Friedhofspersonals ist Folge zu leisten.

(2) Auf den Friedhöfen ist insbesondere nicht gestattet,
1. die Wege mit Fahrzeugen aller Art zu befahren; ausgenommen sind Kinderwagen, Rollstühle, Rollatoren sowie Fahrzeuge der Friedhofsverwaltung und der zugelassenen Gewerbetreibenden; Fahrräder sind zu schieben,
2. Waren aller Art und gewerbliche Dienste anzubieten,
3. an Sonn- und Feiertagen und in der Nähe einer Bestattung Arbeiten auszuführen,
4. Trauerfeiern ohne Zustimmung der Angehörigen zu filmen oder zu fotografieren,
5. Abfälle außerhalb der dafür bestimmten Behälter abzulegen,
6. Hunde unangeleint mitzubringen; Hunde sind an der kurzen Leine zu führen, ihre Verunreinigungen sind sofort zu beseitigen; Assistenzhunde sind ausgenommen.

§ 5 Gewerbetreibende

(1) Steinmetze, Gärtnereien, Bestattungsunternehmen und andere Gewerbetreibende bedürfen für Tätigkeiten auf den Friedhöfen der vorherigen Zulassung durch die Friedhofsverwaltung.

(2) Gewerbliche Arbeiten dürfen nur werktags von 7:00 Uhr bis 17:00 Uhr, samstags bis 12:00 Uhr ausgeführt werden.

# III. Bestattungsvorschriften

§ 6 Anmeldung der Bestattung

(1) Jede Bestattung ist unverzüglich nach Eintritt des Todes bei der Friedhofsverwaltung anzumelden. Der Anmeldung ist die Bescheinigung des Standesamtes über die Beurkundung des Sterbefalls beizufügen.

(2) Bestattungen und Urnenbeisetzungen finden von Montag bis Freitag statt, samstags nur bis 12:00 Uhr gegen einen Zuschlag nach der Friedhofsgebührensatzung. An Sonn- und Feiertagen finden keine Bestattungen statt.

§ 7 Ruhezeit

(1) Die Ruhezeit für Erdbestattungen beträgt 25 Jahre, bei Verstorbenen bis zum vollendeten fünften Lebensjahr 15 Jahre.

(2) Die Ruhezeit für Aschen beträgt 20 Jahre.

§ 8 Umbettungen

(1) Die Ruhe der Toten darf grundsätzlich nicht gestört werden. Umbettungen von Leichen und Aschen bedürfen der vorherigen Genehmigung der Friedhofsverwaltung; sie wird nur aus wichtigem Grund erteilt.

(2) Umbettungen von Leichen finden in den Monaten Mai bis September nicht statt.

# IV. Grabstätten

§ 9 Arten der Grabstätten

(1) Die Grabstätten bleiben Eigentum der Stadt. An ihnen können nur Rechte nach dieser Satzung erworben werden.

(2) Es werden folgende Arten von Grabstätten unterschieden:
1. Reihengrabstätten für Erdbestattungen,
2. Wahlgrabstätten für Erdbestattungen,
3. Urnenreihengrabstätten,
4. Urnenwahlgrabstätten,
5. Urnengrabstätten in der Baumgrabanlage (Baumgräber),
6. Rasengrabstätten für Erd- und Urnenbestattungen.

(3) Ein Anspruch auf Erwerb eines Nutzungsrechts an einer bestimmten Grabstätte besteht nicht.

§ 10 Reihengrabstätten

(1) Reihengrabstätten werden der Reihe nach einzeln für die Dauer der Ruhezeit vergeben. Das Nutzungsrecht kann nicht verlängert werden.

(2) In jeder Reihengrabstätte wird nur eine Leiche bestattet.

(3) Das Abräumen von Reihengrabfeldern nach Ablauf der Ruhezeit wird drei Monate vorher öffentlich bekannt gemacht.

§ 11 Wahlgrabstätten

(1) Wahlgrabstätten sind Grabstätten, an denen auf Antrag ein Nutzungsrecht für die Dauer von 30 Jahren verliehen wird und deren Lage gemeinsam mit der Erwerberin oder dem Erwerber bestimmt wird.

(2) Das Nutzungsrecht kann auf Antrag um mindestens fünf und höchstens 30 Jahre verlängert werden. Wird in einer Wahlgrabstätte bestattet, deren Nutzungsrecht vor dem Ende der neuen Ruhezeit abläuft, ist das Nutzungsrecht mindestens bis zum Ende der Ruhezeit zu verlängern.

(3) Stirbt die oder der Nutzungsberechtigte, geht das Nutzungsrecht in folgender Reihenfolge über: auf die Ehegattin, den Ehegatten oder die eingetragene Lebenspartnerin oder den eingetragenen Lebenspartner, auf die Kinder, auf die Enkel, auf die Eltern, auf die Geschwister. Innerhalb derselben Gruppe geht die ältere Person der jüngeren vor.

(4) Auf das Nutzungsrecht kann nach Ablauf der Ruhezeit der zuletzt beigesetzten Person verzichtet werden.

§ 12 Urnengrabstätten

(1) In einer Urnenwahlgrabstätte können bis zu vier Urnen beigesetzt werden.

(2) In einer Wahlgrabstätte für Erdbestattungen können je Grabstelle zusätzlich bis zu zwei Urnen beigesetzt werden.

(3) Für Urnengrabstätten gelten im Übrigen die Vorschriften über Reihen- und Wahlgrabstätten entsprechend.

§ 13 Baumgräber und Rasengräber

(1) Baumgräber und Rasengräber werden von der Friedhofsverwaltung angelegt und gepflegt.

(2) Auf Baumgräbern und Rasengräbern dürfen Grabschmuck, Kerzen, Pflanzschalen und Gestecke nur am Tag der Beisetzung abgelegt werden; danach ist die zentrale Ablagestelle des Grabfeldes zu nutzen. Auf Rasengräbern ist nur eine ebenerdig liegende Grabplatte von höchstens 40 mal 30 Zentimetern zulässig.

# V. Gestaltung der Grabstätten

§ 14 Grabmale

(1) Die Errichtung und jede Veränderung von Grabmalen und sonstigen baulichen Anlagen bedarf der vorherigen Genehmigung der Friedhofsverwaltung. Dem Antrag ist eine Zeichnung im Maßstab 1:10 beizufügen.

(2) Grabmale dürfen folgende Höhen nicht überschreiten: auf Reihengrabstätten 1,20 Meter, auf Wahlgrabstätten 1,50 Meter, auf Urnengrabstätten 0,90 Meter.

(3) Es dürfen nur Grabmale aufgestellt werden, die nachweislich ohne ausbeuterische Kinderarbeit hergestellt worden sind.

(4) Grabmale dürfen frühestens sechs Monate nach einer Erdbestattung aufgestellt werden, weil sich der Boden setzen muss.

§ 15 Herrichtung und Pflege der Grabstätten

(1) Grabstätten sind innerhalb von sechs Monaten nach der Beisetzung oder dem Erwerb des Nutzungsrechts herzurichten und bis zum Ablauf des Nutzungsrechts dauernd instand zu halten.

(2) Die Verwendung von chemischen Pflanzenschutzmitteln und von Kunststoffen, insbesondere Steckschaum, in Kränzen und Gestecken ist nicht gestattet.

(3) Ist eine Grabstätte nicht hergerichtet oder wird sie vernachlässigt, fordert die Friedhofsverwaltung die Verantwortliche oder den Verantwortlichen schriftlich auf, die Grabstätte innerhalb einer angemessenen Frist in Ordnung zu bringen.

# VI. Schlussvorschriften

§ 16 Gebühren

Für die Benutzung der Friedhöfe und ihrer Einrichtungen sowie für Leistungen der Friedhofsverwaltung werden Gebühren nach der Friedhofsgebührensatzung erhoben.

§ 17 Ordnungswidrigkeiten

Ordnungswidrig handelt, wer vorsätzlich oder fahrlässig gegen § 4 Absatz 2, § 5 oder § 14 Absatz 1 verstößt. Die Ordnungswidrigkeit kann mit einer Geldbuße bis zu 5.000 Euro geahndet werden.

§ 18 Inkrafttreten

Diese Satzung tritt am Tag nach ihrer öffentlichen Bekanntmachung in Kraft.

Lindenbach, den 27. März 2019

Der Bürgermeister
`

// lbVPNAnweisung is intranet/dienstanweisungen/vpn-zugang-beantragen.docx.
const lbVPNAnweisung = `
T Dienstanweisung Nr. 3/2025: Fernzugriff (VPN) für mobiles Arbeiten – Beantragung und Nutzung
Herausgeber: Fachbereich 1, Abteilung IT und Digitalisierung
Gültig ab: 1. März 2025
Ersetzt: Dienstanweisung Nr. 4/2021
Aktenzeichen: 10.4-IT-DA
# 1. Geltungsbereich
Diese Dienstanweisung gilt für alle Beschäftigten der Stadtverwaltung Lindenbach, die auf der Grundlage der Dienstvereinbarung über mobiles Arbeiten außerhalb der Dienststelle arbeiten und dafür auf das Netz der Stadtverwaltung zugreifen. Sie gilt nicht für den Abfallwirtschaftsbetrieb, der eigene Regelungen hat.
# 2. Voraussetzungen
- Sie haben eine schriftliche Vereinbarung über mobiles Arbeiten mit Ihrer Fachbereichsleitung abgeschlossen.
- Sie arbeiten mit einem dienstlichen Notebook. Die Nutzung privater Endgeräte für den Fernzugriff ist nicht zulässig.
- Auf Ihrem Diensthandy ist die Authenticator-App eingerichtet. Wer kein Diensthandy hat, erhält einen Hardware-Token.
- Sie haben die Online-Schulung „Sicher mobil arbeiten“ im Lernportal abgeschlossen.
# 3. Beantragung
Der Zugang wird mit dem Formular IT-A 12 „Antrag auf Fernzugriff“ beantragt. Das Formular finden Sie im Intranet unter Service > Formulare > IT.
- Füllen Sie Teil A des Formulars aus (Name, Personalnummer, Organisationseinheit, Inventarnummer des Notebooks).
- Ihre unmittelbare Vorgesetzte oder Ihr unmittelbarer Vorgesetzter bestätigt in Teil B, dass mobiles Arbeiten vereinbart ist, und unterschreibt.
- Senden Sie das unterschriebene Formular als Scan an it-antraege@lindenbach.example oder per Hauspost an die Abteilung IT und Digitalisierung, Rathaus, Zimmer 0.21.
Die Abteilung IT und Digitalisierung richtet den Zugang innerhalb von fünf Arbeitstagen nach Eingang des vollständigen Antrags ein. Unvollständige Anträge werden zurückgeschickt.
# 4. Einrichtung
Nach der Freischaltung erhalten Sie eine E-Mail. Bringen Sie Ihr Notebook dann zu einem der Einrichtungstermine (dienstags und donnerstags 13:00 bis 15:00 Uhr, Rathaus, Zimmer 0.21). Dort wird der VPN-Client LinConnect installiert und mit Ihnen getestet. Der Termin dauert etwa 20 Minuten.
# 5. Nutzung und Sicherheit
- Melden Sie sich mit Ihrem Windows-Benutzernamen und Passwort an und bestätigen Sie die Anmeldung in der Authenticator-App.
- Die Verbindung wird nach 30 Minuten ohne Aktivität und spätestens nach zehn Stunden getrennt.
- Öffentliche WLAN-Netze dürfen nur zusammen mit dem VPN genutzt werden. Ausdrucke sind im mobilen Arbeiten nicht vorgesehen.
- Der Zugang gilt für zwei Jahre. Die Abteilung IT und Digitalisierung erinnert Sie vier Wochen vor Ablauf; für die Verlängerung genügt eine E-Mail Ihrer Vorgesetzten oder Ihres Vorgesetzten.
- Endet das mobile Arbeiten oder wechseln Sie die Organisationseinheit, ist der Zugang formlos abzumelden.
# 6. Störungen
Kann keine Verbindung aufgebaut werden, prüfen Sie zuerst die Internetverbindung und starten Sie das Notebook neu. Hilft das nicht, wenden Sie sich an die IT-Hotline (Durchwahl 333) oder erstellen Sie ein Ticket im IT-Serviceportal. Geben Sie die Fehlermeldung von LinConnect an.
`

// lbDruckerAnweisung is intranet/dienstanweisungen/druckerstoerung-melden.docx.
const lbDruckerAnweisung = `
T Arbeitsanweisung: Störungen an Druckern und Multifunktionsgeräten melden
Herausgeber: Fachbereich 1, Abteilung IT und Digitalisierung, in Abstimmung mit der Zentralen Beschaffung
Stand: 6. Mai 2026
Gilt für: alle Dienststellen im Rathaus, im Technischen Rathaus und im Haus der Familie
# 1. Zweck
Die Multifunktionsgeräte (Drucken, Kopieren, Scannen) der Stadtverwaltung sind geleast und werden vom Vertragspartner gewartet. Damit Störungen schnell behoben werden, laufen alle Meldungen über das IT-Serviceportal. Bitte rufen Sie den Vertragspartner nicht selbst an.
# 2. Was Sie selbst erledigen
- Papierstau: Folgen Sie der Anleitung auf dem Display des Geräts. Öffnen Sie nicht die Fixiereinheit (Aufkleber „Heiß“).
- Papier nachfüllen: Papier liegt in den Kopierräumen jeder Etage.
- Toner wechseln: Ersatztoner für die Multifunktionsgeräte liegt im Kopierraum jeder Etage. Wird der letzte Toner eingesetzt, bestellen Sie neuen Toner über die Materialanforderung bei der Zentralen Beschaffung (Rathaus, Raum 0.04). Für Toner wird kein Ticket angelegt.
- Der Arbeitsplatz-PC findet den Drucker nicht: Melden Sie sich einmal ab und wieder an. Die Druckerzuordnung wird bei der Anmeldung neu geladen.
# 3. Störung melden (Ticket)
Lässt sich die Störung so nicht beheben, legen Sie ein Ticket im IT-Serviceportal an: https://itservice.intranet.lindenbach.example, Kategorie „Drucken und Scannen“.
- Geben Sie die Gerätenummer an. Sie steht auf dem gelben Aufkleber vorne am Gerät (zum Beispiel MFG-2-07: Gebäude, Etage, laufende Nummer).
- Notieren Sie die Fehlermeldung oder den Fehlercode vom Display.
- Hängen Sie, wenn möglich, ein Foto des Displays an.
Die Abteilung IT und Digitalisierung prüft das Ticket und beauftragt bei Bedarf den Vertragspartner. Der Vertragspartner ist verpflichtet, innerhalb von acht Arbeitsstunden vor Ort zu sein.
# 4. Dringende Fälle
Fällt das einzige Gerät einer Etage aus oder ist ein Gerät mit Publikumsverkehr betroffen (Bürgerbüro, Standesamt, Kasse), rufen Sie nach dem Anlegen des Tickets zusätzlich die IT-Hotline an (Durchwahl 333).
| Fall | Priorität | Reaktion |
| einzelnes Gerät, weitere Geräte auf der Etage | normal | innerhalb eines Arbeitstages |
| einziges Gerät der Etage oder Publikumsbereich | hoch | innerhalb von vier Arbeitsstunden |
| Druck von Urkunden oder Ausweisdokumenten nicht möglich | kritisch | sofort |
# 5. Vertrauliche Ausdrucke
Vertrauliche Dokumente drucken Sie mit der Funktion „Sicherer Druck“ und geben den Druck am Gerät mit Ihrem Dienstausweis frei. Nicht abgeholte Druckaufträge werden nach 24 Stunden automatisch gelöscht.
`
