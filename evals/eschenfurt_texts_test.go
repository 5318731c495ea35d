// SPDX-License-Identifier: EUPL-1.2

package evals

// The texts of the Eschenfurt corpus's generated files (see
// eschenfurt_test.go). Stadt Eschenfurt is fictional; the texts were
// written for this corpus. The cemetery page is an old CMS page saved in
// ISO-8859-15 (its charset only in <meta http-equiv>); the call for
// election helpers is a plain-text file saved by Notepad as "Unicode"
// (UTF-16 little endian with a byte order mark, CRLF); the service
// instruction on cash desks is a Word document saved as a web page
// (filtered HTML in Windows-1252, list numbers in conditional comments);
// the bylaw is a scanned gazette page with an OCR text layer (see
// eschenfurtOCRPDF: the lines as printed, hyphenated where the printer
// broke them, "H " the gazette's running head, "P " a page break); the
// fee list is a LibreOffice spreadsheet (see eschenfurtODS); the IT
// department's mail is an Outlook message saved as .eml (see
// eschenfurtEML).

// efGrabmal is friedhof/grabmal-genehmigung.html, written in ISO-8859-15
// (€ and Š as their bytes; the quotes and dashes that code lacks as
// entities, as the old CMS wrote them).
const efGrabmal = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="de" lang="de">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15" />
<meta http-equiv="Content-Language" content="de" />
<meta name="author" content="Stadt Eschenfurt" />
<meta name="keywords" content="Friedhof, Grabmal, Grabstein, Steinmetz, Genehmigung, Liegeplatte, Grabeinfassung" />
<title>Stadt Eschenfurt - Friedhofsverwaltung - Grabmale</title>
<link rel="stylesheet" type="text/css" href="/css/layout.css" media="screen" />
<link rel="stylesheet" type="text/css" href="/css/druck.css" media="print" />
<script type="text/javascript" src="/js/schriftgroesse.js"></script>
</head>
<body>
<div id="seite">
  <div id="kopf">
    <a href="/index.php"><img src="/bilder/kopf_eschenfurt.jpg" width="960" height="140" alt="Stadt Eschenfurt an der Lohe" /></a>
    <div id="schrift">Schriftgr&ouml;&szlig;e: <a href="javascript:schrift(-1)">A-</a> <a href="javascript:schrift(0)">A</a> <a href="javascript:schrift(1)">A+</a></div>
  </div>
  <div id="navigation">
    <ul>
      <li><a href="/index.php?id=1">Startseite</a></li>
      <li><a href="/index.php?id=12">Rathaus</a></li>
      <li><a href="/index.php?id=31">B&uuml;rgerservice</a>
        <ul>
          <li><a href="/index.php?id=44">B&uuml;rgerb&uuml;ro</a></li>
          <li><a href="/index.php?id=47">Standesamt</a></li>
          <li class="aktiv"><a href="/index.php?id=52">Friedhofsverwaltung</a></li>
          <li><a href="/index.php?id=58">Ordnungsamt</a></li>
        </ul>
      </li>
      <li><a href="/index.php?id=70">Kultur &amp; Freizeit</a></li>
      <li><a href="/index.php?id=88">Wirtschaft</a></li>
    </ul>
  </div>
  <div id="inhalt">
    <div id="pfad">Sie sind hier: <a href="/index.php?id=1">Startseite</a> &raquo; <a href="/index.php?id=31">Bürgerservice</a> &raquo; <a href="/index.php?id=52">Friedhofsverwaltung</a> &raquo; Grabmale</div>

    <h1>Grabmale und Grabeinfassungen &ndash; Genehmigung</h1>

    <p>Wer auf einem städtischen Friedhof (Friedhof an der Lohwitzer Straße, Waldfriedhof Lohwitz) ein Grabmal, eine Grabeinfassung oder eine Liegeplatte aufstellen oder ein vorhandenes Grabmal verändern möchte, braucht dafür vorher die schriftliche Genehmigung der Friedhofsverwaltung. Das gilt auch für eine neue Inschrift.</p>

    <h3>Wer stellt den Antrag?</h3>
    <p>In der Regel stellt der Steinmetzbetrieb den Antrag im Auftrag der oder des Nutzungsberechtigten. Der Antrag muss von der nutzungsberechtigten Person unterschrieben sein. Steinmetzbetriebe brauchen für die Arbeit auf unseren Friedhöfen keine Zulassung; Betriebe aus dem EU-Ausland, zum Beispiel Kamenictví Šimek s.r.o. aus Chomutov, zeigen ihre Tätigkeit einmal im Jahr bei der Friedhofsverwaltung an.</p>

    <h3>Fristen</h3>
    <p>Stellen Sie den Antrag mindestens vier Wochen vor dem geplanten Aufstellen. Ohne Genehmigung aufgestellte Grabmale kann die Friedhofsverwaltung auf Kosten der Nutzungsberechtigten entfernen lassen.</p>
    <p>Auf einem Erdgrab darf ein Grabmal frühestens sechs Monate nach der Bestattung aufgestellt werden, weil sich der Boden erst setzen muss. Bei Urnengräbern gibt es diese Wartezeit nicht.</p>

    <h3>Unterlagen</h3>
    <ul>
      <li>der Antrag auf Genehmigung eines Grabmals (Formular der Friedhofsverwaltung)</li>
      <li>eine Zeichnung im Maßstab 1:10 mit Vorder- und Seitenansicht, mit Maßen, Material, Bearbeitung, Schrift und Ornamenten</li>
      <li>der Nachweis der Standsicherheit (Fundament und Verdübelung nach der Technischen Anleitung zur Standsicherheit von Grabmalanlagen)</li>
      <li>bei Natursteinen aus Asien, Afrika oder Lateinamerika ein Nachweis, dass der Stein ohne ausbeuterische Kinderarbeit hergestellt wurde</li>
    </ul>

    <h3>Gebühren</h3>
    <table class="tabelle" summary="Gebühren für die Genehmigung von Grabmalen">
      <tr><th>Genehmigung</th><th>Gebühr</th></tr>
      <tr><td>Grabmal auf einem Reihengrab</td><td>45,00 €</td></tr>
      <tr><td>Grabmal auf einem Wahlgrab oder Familiengrab</td><td>65,00 €</td></tr>
      <tr><td>Liegeplatte oder Grabmal auf einem Urnengrab</td><td>30,00 €</td></tr>
      <tr><td>Grabeinfassung</td><td>25,00 €</td></tr>
      <tr><td>Änderung, zum Beispiel Nachtrag einer Inschrift</td><td>15,00 €</td></tr>
    </table>
    <p>Die Gebühr wird mit der Genehmigung festgesetzt und ist innerhalb von 14 Tagen zu zahlen. Grundlage ist die Friedhofsgebührensatzung der Stadt Eschenfurt.</p>

    <h3>Standsicherheit</h3>
    <p>Jedes Frühjahr prüft die Friedhofsverwaltung alle Grabmale mit einer Druckprobe. Ein Grabmal, das nicht mehr sicher steht, bekommt einen gelben Aufkleber. Die Nutzungsberechtigten müssen es dann innerhalb von vier Wochen von einem Steinmetz befestigen lassen; bei akuter Gefahr legen wir es um.</p>

    <h3>Bestattungsfristen</h3>
    <p>Eine Erdbestattung ist frühestens 48 Stunden nach dem Tod und spätestens am achten Tag danach zulässig. Eine Urne muss innerhalb eines Monats nach der Einäscherung beigesetzt werden. Über Ausnahmen entscheidet das Ordnungsamt.</p>

    <div class="kontakt">
      <h3>Kontakt</h3>
      <p>Friedhofsverwaltung der Stadt Eschenfurt<br />
      Lohwitzer Straße 30, 09899 Eschenfurt<br />
      Telefon 03799 4410-180, Fax 03799 4410-189<br />
      friedhof@eschenfurt.example</p>
      <p>Sprechzeiten: Dienstag 9:00&ndash;12:00 Uhr, Donnerstag 9:00&ndash;12:00 und 13:30&ndash;17:00 Uhr</p>
    </div>

    <p class="stand">Letzte Änderung: 14.03.2024 &middot; <a href="/index.php?id=52&amp;druck=1">Druckversion</a> &middot; <a href="#seite">nach oben</a></p>
  </div>
  <div id="fuss">&copy; Stadt Eschenfurt &middot; <a href="/index.php?id=5">Impressum</a> &middot; <a href="/index.php?id=6">Datenschutz</a></div>
</div>
</body>
</html>
`

// efWahlhelfer is bekanntmachungen/2026-12-07-wahlhelfer-buergermeisterwahl.txt,
// saved as UTF-16 little endian with a byte order mark and CRLF.
const efWahlhelfer = `Stadt Eschenfurt
Der Bürgermeister – Gemeindewahlbehörde

Öffentliche Bekanntmachung

Wahlhelferinnen und Wahlhelfer für die Bürgermeisterwahl am 6. Juni 2027 gesucht

Eschenfurt, 7. Dezember 2026

Am Sonntag, 6. Juni 2027, wählen die Eschenfurterinnen und Eschenfurter ihre Bürgermeisterin oder ihren Bürgermeister. Erhält niemand mehr als die Hälfte der gültigen Stimmen, findet am Sonntag, 27. Juni 2027, ein zweiter Wahlgang statt. Für die 14 Wahlbezirke und 3 Briefwahlbezirke sucht die Stadt rund 170 Wahlhelferinnen und Wahlhelfer.

Wer kann mitmachen?
Alle, die bei der Bürgermeisterwahl in Eschenfurt wahlberechtigt sind: Deutsche und Staatsangehörige eines anderen Mitgliedstaates der Europäischen Union, die am Wahltag mindestens 18 Jahre alt sind und seit mindestens drei Monaten in Eschenfurt wohnen. Wer selbst kandidiert oder eine Vertrauensperson für einen Wahlvorschlag ist, kann nicht Mitglied eines Wahlvorstandes sein.

Was sind die Aufgaben?
Die Wahlvorstände sorgen am Wahltag ab 7:30 Uhr dafür, dass die Wahl ordnungsgemäß abläuft: Sie prüfen die Wahlberechtigung, geben die Stimmzettel aus und zählen ab 18:00 Uhr die Stimmen aus. Bis 18:00 Uhr können Sie sich die Zeit in zwei Schichten teilen; bei der Auszählung sind alle dabei. Die Briefwahlvorstände beginnen um 15:00 Uhr im Rathaus.

Erfrischungsgeld
Für ihren Einsatz erhalten Beisitzerinnen und Beisitzer ein Erfrischungsgeld von 40 Euro, Wahlvorsteherinnen und Wahlvorsteher und ihre Stellvertretungen 50 Euro je Wahltag. Das Erfrischungsgeld ist steuerfrei und wird am Wahlabend bar ausgezahlt.

Schulung
Die Wahlvorsteherinnen und Wahlvorsteher und ihre Stellvertretungen werden am Dienstag, 25. Mai 2027, um 17:00 Uhr im Ratssaal des Rathauses geschult. Beisitzerinnen und Beisitzer erhalten ein Merkblatt mit der Berufung.

Wie melde ich mich?
Melden Sie sich bitte bis zum 31. März 2027 beim Wahlamt der Stadt Eschenfurt: online unter www.eschenfurt.example/wahlhelfer, per E-Mail an wahlen@eschenfurt.example oder telefonisch unter 03799 4410-150. Sagen Sie uns, ob Sie in einem bestimmten Wahlbezirk helfen möchten und ob Sie auch beim zweiten Wahlgang Zeit haben.

Die Stadt speichert Ihre Angaben nur, um Sie in einen Wahlvorstand zu berufen, auch für künftige Wahlen. Sie können dem jederzeit beim Wahlamt widersprechen.

Im Auftrag
Kerstin Vogel
Gemeindewahlleiterin
`

// efBarkasse is intern/dienstanweisungen/barkasse.htm, a Word document
// saved as a filtered web page in Windows-1252.
const efBarkasse = `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<link rel=File-List href="barkasse-Dateien/filelist.xml">
<title>DA Barkasse</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>Kämmerei - Stadtkasse</o:Author>
  <o:LastAuthor>Oehme, Sabine</o:LastAuthor>
  <o:Revision>7</o:Revision>
  <o:TotalTime>94</o:TotalTime>
  <o:Created>2026-10-19T07:52:00Z</o:Created>
  <o:LastSaved>2026-11-24T13:08:00Z</o:LastSaved>
  <o:Pages>2</o:Pages>
  <o:Words>712</o:Words>
  <o:Company>Stadtverwaltung Eschenfurt</o:Company>
  <o:Version>16.00</o:Version>
 </o:DocumentProperties>
</xml><![endif]--><!--[if gte mso 9]><xml>
 <w:WordDocument>
  <w:Zoom>110</w:Zoom>
  <w:TrackMoves>false</w:TrackMoves>
  <w:HyphenationZone>21</w:HyphenationZone>
  <w:ValidateAgainstSchemas/>
  <w:BrowserLevel>MicrosoftInternetExplorer4</w:BrowserLevel>
 </w:WordDocument>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
	{font-family:Arial;
	panose-1:2 11 6 4 2 2 2 2 2 4;}
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{margin-top:0cm;
	margin-right:0cm;
	margin-bottom:6.0pt;
	margin-left:0cm;
	font-size:11.0pt;
	font-family:"Arial",sans-serif;}
h1
	{mso-style-link:"Überschrift 1 Zchn";
	margin-top:12.0pt;
	margin-right:0cm;
	margin-bottom:6.0pt;
	margin-left:21.3pt;
	text-indent:-21.3pt;
	mso-list:l0 level1 lfo1;
	font-size:13.0pt;
	font-family:"Arial",sans-serif;}
p.MsoTitle, li.MsoTitle, div.MsoTitle
	{margin-bottom:12.0pt;
	font-size:16.0pt;
	font-family:"Arial",sans-serif;
	font-weight:bold;}
p.MsoHeader
	{margin:0cm;
	font-size:9.0pt;
	font-family:"Arial",sans-serif;
	color:#595959;}
 /* List Definitions */
 @list l0
	{mso-list-id:1538814203;
	mso-list-template-ids:-1832640124;}
 @list l0:level1
	{mso-level-text:"%1\.";
	mso-level-tab-stop:none;
	mso-level-number-position:left;
	margin-left:21.3pt;
	text-indent:-21.3pt;}
-->
</style>
</head>

<body lang=DE style='tab-interval:35.4pt;word-wrap:break-word'>

<div class=WordSection1>

<p class=MsoHeader><span lang=DE>Stadtverwaltung Eschenfurt · Der Bürgermeister · Dienstanweisung Nr. 4/2026<o:p></o:p></span></p>

<p class=MsoNormal><span lang=DE><o:p>&nbsp;</o:p></span></p>

<p class=MsoTitle><span lang=DE>Dienstanweisung über die Barkassen und den Zahlungsverkehr an den Schaltern<o:p></o:p></span></p>

<p class=MsoNormal><span lang=DE>Gültig ab 1. Dezember 2026. Sie ersetzt die Dienstanweisung Nr. 2/2019. Verantwortlich: Kämmerei – Stadtkasse.<o:p></o:p></span></p>

<h1><a name="_Toc184021771"></a><![if !supportLists]><span lang=DE style='mso-fareast-font-family:Arial'><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=DE>Geltungsbereich<o:p></o:p></span></h1>

<p class=MsoNormal><span lang=DE>Diese Dienstanweisung gilt für alle Stellen der Stadtverwaltung, die Geld von Bürgerinnen und Bürgern annehmen: das Bürgerbüro, das Standesamt, die Friedhofsverwaltung, die Bußgeldstelle des Ordnungsamts und die Stadtbibliothek. Wer an einer Schalterkasse arbeitet, bestätigt einmal im Jahr schriftlich, dass er diese Dienstanweisung kennt.<o:p></o:p></span></p>

<h1><a name="_Toc184021772"></a><![if !supportLists]><span lang=DE style='mso-fareast-font-family:Arial'><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=DE>Zahlungsarten<o:p></o:p></span></h1>

<p class=MsoNormal><span lang=DE>Bitten Sie die Kundinnen und Kunden zuerst um Kartenzahlung. Am Terminal werden girocard, Kreditkarten und kontaktlose Zahlungen mit dem Smartphone angenommen, ohne Mindestbetrag. Barzahlung bleibt möglich. Beträge über 1.000 Euro nehmen Sie bar nur nach Rücksprache mit der Stadtkasse an. Schecks werden nicht angenommen.<o:p></o:p></span></p>

<h1><a name="_Toc184021773"></a><![if !supportLists]><span lang=DE style='mso-fareast-font-family:Arial'><span style='mso-list:Ignore'>3.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=DE>Wechselgeld und Höchstbestand<o:p></o:p></span></h1>

<p class=MsoNormal><span lang=DE>Jede Schalterkasse erhält von der Stadtkasse ein Wechselgeld von 150 Euro. Der Bestand einer Schalterkasse darf 500 Euro nicht übersteigen. Was darüber liegt, bringen Sie sofort in den Tresor der Stadtkasse, Zimmer 015 („Abschöpfung“); eine zweite Person zählt mit und unterschreibt den Abschöpfungsbeleg.<o:p></o:p></span></p>

<h1><a name="_Toc184021774"></a><![if !supportLists]><span lang=DE style='mso-fareast-font-family:Arial'><span style='mso-list:Ignore'>4.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=DE>Tagesabschluss<o:p></o:p></span></h1>

<p class=MsoNormal><span lang=DE>Am Ende jedes Öffnungstages zählen Sie den Kassenbestand im Vier-Augen-Prinzip mit einer Kollegin oder einem Kollegen. Drucken Sie das Kassenprotokoll im Kassenmodul aus; beide unterschreiben es. Das Wechselgeld bleibt in der verschlossenen Kassette, alles andere geht mit dem Protokoll in den Tresor.<o:p></o:p></span></p>

<p class=MsoNormal><span lang=DE>Kassendifferenzen bis 5 Euro tragen Sie im Kassenprotokoll ein. Differenzen über 5 Euro melden Sie noch am selben Tag der Stadtkasse (Durchwahl -250). Fehlbeträge werden nicht aus eigener Tasche ausgeglichen und Überschüsse nicht in die Kaffeekasse gelegt.<o:p></o:p></span></p>

<h1><a name="_Toc184021775"></a><![if !supportLists]><span lang=DE style='mso-fareast-font-family:Arial'><span style='mso-list:Ignore'>5.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=DE>Verdacht auf Falschgeld<o:p></o:p></span></h1>

<p class=MsoNormal><span lang=DE>Prüfen Sie Scheine ab 50 Euro mit dem Prüfgerät. Eine verdächtige Banknote geben Sie nicht an die Kundin oder den Kunden zurück. Behalten Sie sie ein und stellen Sie eine Empfangsbescheinigung mit Name und Anschrift aus (Vordruck im Kassenordner). Die Stadtkasse gibt die Banknote an die Polizei weiter. Bleiben Sie freundlich: Wer Falschgeld bezahlt, weiß es meistens nicht.<o:p></o:p></span></p>

<h1><a name="_Toc184021776"></a><![if !supportLists]><span lang=DE style='mso-fareast-font-family:Arial'><span style='mso-list:Ignore'>6.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=DE>Schlüssel und Zuständigkeiten<o:p></o:p></span></h1>

<p class=MsoNormal><span lang=DE>Der Kassenschlüssel bleibt nie über Nacht im Schalter. Den Tresorschlüssel haben nur die Kassenverantwortlichen:<o:p></o:p></span></p>

<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0
 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;
 mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=189 valign=top style='width:5.0cm;border:solid windowtext 1.0pt;background:#D9E2F3;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><b><span lang=DE>Kasse<o:p></o:p></span></b></p>
  </td>
  <td width=189 valign=top style='width:5.0cm;border:solid windowtext 1.0pt;border-left:none;background:#D9E2F3;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><b><span lang=DE>Kassenverantwortliche<o:p></o:p></span></b></p>
  </td>
  <td width=189 valign=top style='width:5.0cm;border:solid windowtext 1.0pt;border-left:none;background:#D9E2F3;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><b><span lang=DE>Vertretung<o:p></o:p></span></b></p>
  </td>
 </tr>
 <tr style='mso-yfti-irow:1'>
  <td width=189 valign=top style='width:5.0cm;border:solid windowtext 1.0pt;border-top:none;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><span lang=DE>Bürgerbüro (Schalter 1 bis 4)<o:p></o:p></span></p>
  </td>
  <td width=189 valign=top style='width:5.0cm;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><span lang=DE>Anja Lorenz<o:p></o:p></span></p>
  </td>
  <td width=189 valign=top style='width:5.0cm;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><span lang=DE>René Fiedler<o:p></o:p></span></p>
  </td>
 </tr>
 <tr style='mso-yfti-irow:2'>
  <td width=189 valign=top style='width:5.0cm;border:solid windowtext 1.0pt;border-top:none;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><span lang=DE>Standesamt und Friedhofsverwaltung<o:p></o:p></span></p>
  </td>
  <td width=189 valign=top style='width:5.0cm;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><span lang=DE>Doreen Hahn<o:p></o:p></span></p>
  </td>
  <td width=189 valign=top style='width:5.0cm;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><span lang=DE>Anja Lorenz<o:p></o:p></span></p>
  </td>
 </tr>
 <tr style='mso-yfti-irow:3;mso-yfti-lastrow:yes'>
  <td width=189 valign=top style='width:5.0cm;border:solid windowtext 1.0pt;border-top:none;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><span lang=DE>Bußgeldstelle und Stadtbibliothek<o:p></o:p></span></p>
  </td>
  <td width=189 valign=top style='width:5.0cm;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><span lang=DE>Sabine Oehme<o:p></o:p></span></p>
  </td>
  <td width=189 valign=top style='width:5.0cm;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><span lang=DE>Doreen Hahn<o:p></o:p></span></p>
  </td>
 </tr>
</table>

<p class=MsoNormal><span lang=DE><o:p>&nbsp;</o:p></span></p>

<p class=MsoNormal><span lang=DE>Eschenfurt, 24. November 2026<o:p></o:p></span></p>

<p class=MsoNormal><span lang=DE>Jens Ruprecht<br>
Bürgermeister<o:p></o:p></span></p>

</div>

</body>

</html>
`

// efStrassenausbau is ortsrecht/strassenausbaubeitragssatzung.pdf: pages
// 7 to 9 of the town's gazette of 22 March 2019, scanned and OCRed, its
// lines as printed ("H " the running head of each page, "P " a new page
// with its number), words hyphenated where the printer broke them, and
// the few misreadings the OCR left ("Satzunq", "Ablösunq").
const efStrassenausbau = `
P 7
H Eschenfurter Stadtanzeiger · Amtsblatt der Stadt Eschenfurt · Nr. 6/2019 · 22. März 2019
Die nächste Sitzung des Ortschaftsrates Lohwitz findet am 2. April 2019 um 19:00 Uhr im
Dorfgemeinschaftshaus statt. Die Tagesordnung hängt im Schaukasten am Dorfplatz aus.

Satzung der Stadt Eschenfurt über die Erhebung von
Straßenausbaubeiträgen (Straßenausbaubeitragssatzung)
vom 14. März 2019

Auf Grund von § 4 der Gemeindeordnung für den Freistaat Sachsen und der §§ 2, 26
und 27 des Sächsischen Kommunalabgabengesetzes, jeweils in der geltenden Fassung, hat
der Stadtrat der Stadt Eschenfurt in seiner Sitzung am 28. Februar 2019 folgende Satzunq
beschlossen:

§ 1 Erhebung von Straßenausbaubeiträgen
(1) Zur Deckung des Aufwandes für die Erweiterung, die Erneuerung und die Verbesse-
rung von öffentlichen Straßen, Wegen und Plätzen (Verkehrsanlagen) erhebt die Stadt
Eschenfurt Straßenausbaubeiträge von den Grundstückseigentümern, denen die Mög-
lichkeit der Inanspruchnahme der ausgebauten Verkehrsanlage besondere Vorteile bietet.
(2) Für Anlagen, für die Erschließungsbeiträge nach dem Baugesetzbuch erhoben wer-
den, gilt diese Satzung nicht.

§ 2 Beitragsfähiger Aufwand
(1) Beitragsfähig ist der Aufwand für
1. den Erwerb der für den Ausbau benötigten Grundflächen,
2. die Freilegung der Flächen,
3. die Fahrbahn mit Unterbau und Decke,
4. die Gehwege und Radwege,
5. die Beleuchtung und die Oberflächenentwässerung,
6. Parkflächen und Grünanlagen, soweit sie Bestandteil der Verkehrsanlage sind.
(2) Nicht beitragsfähig sind die Kosten der laufenden Unterhaltung und der Instandset-
zung.
(3) Zuwendungen Dritter mindern den beitragsfähigen Aufwand, soweit der Zuwen-
dungsgeber nichts anderes bestimmt.

§ 3 Anteil der Beitragspflichtigen
(1) Die Beitragspflichtigen tragen vom beitragsfähigen Aufwand
1. bei Anliegerstraßen 75 Prozent,
2. bei Haupterschließungsstraßen 50 Prozent,
3. bei Hauptverkehrsstraßen 25 Prozent,
4. bei Fußgängerzonen und verkehrsberuhigten Bereichen 60 Prozent.
(2) Anliegerstraßen sind Straßen, die überwiegend der Erschließung der angrenzenden
oder der durch private Zuwege mit ihnen verbundenen Grundstücke dienen. Haupter-
schließungsstraßen dienen daneben dem Verkehr innerhalb von Baugebieten, Haupt-
verkehrsstraßen überwiegend dem durchgehenden innerörtlichen oder überörtlichen
Verkehr.
(3) Den übrigen Aufwand trägt die Stadt.
P 8
H Eschenfurter Stadtanzeiger · Amtsblatt der Stadt Eschenfurt · Nr. 6/2019 · 22. März 2019
§ 4 Verteilung des umlagefähigen Aufwandes
(1) Der Anteil der Beitragspflichtigen wird auf die Grundstücke im Abrechnungsgebiet
nach ihrer Fläche, vervielfacht mit einem Nutzungsfaktor, verteilt (gewichtete Grund-
stücksfläche).
(2) Der Nutzungsfaktor beträgt bei einer Bebaubarkeit mit
1. einem Vollgeschoss 1,0,
2. zwei Vollgeschossen 1,25,
3. drei Vollgeschossen 1,5,
4. jedem weiteren Vollgeschoss zusätzlich 0,25.
(3) Für Grundstücke, die überwiegend gewerblich genutzt werden, erhöht sich der Nut-
zungsfaktor um 50 Prozent.
(4) Für Grundstücke im Außenbereich, die landwirtschaftlich genutzt werden, beträgt der
Nutzungsfaktor 0,1.

§ 5 Beitragspflichtige
(1) Beitragspflichtig ist, wer im Zeitpunkt der Bekanntgabe des Beitragsbescheides Ei-
gentümer des Grundstücks ist. Ist das Grundstück mit einem Erbbaurecht belastet, so ist
der Erbbauberechtigte beitragspflichtig.
(2) Mehrere Beitragspflichtige haften als Gesamtschuldner. Bei Wohnungs- und Teilei-
gentum ist jeder Eigentümer nur entsprechend seinem Miteigentumsanteil beitragspflichtig.

§ 6 Entstehung der Beitragsschuld
Die Beitragsschuld entsteht mit der Beendigung der Ausbaumaßnahme. Die Maßnahme ist
beendet, wenn die Bauarbeiten abgenommen sind und die letzte Unternehmerrechnung
bei der Stadt eingegangen ist.

§ 7 Vorausleistungen
Sobald mit der Ausführung der Maßnahme begonnen worden ist, kann die Stadt Voraus-
leistungen bis zur Höhe des voraussichtlichen Beitrages erheben. Die Vorausleistung wird
mit dem endgültigen Beitrag verrechnet.

§ 8 Fälligkeit
Der Beitrag wird einen Monat nach Bekanntgabe des Beitragsbescheides fällig. Dasselbe
gilt für Vorausleistungen.

§ 9 Stundung und Verrentung
(1) Auf Antrag kann die Stadt den Beitrag stunden, wenn seine sofortige Zahlung für den
Beitragspflichtigen eine erhebliche Härte bedeuten würde.
(2) Auf Antrag kann der Beitrag in eine Schuld umgewandelt werden, die in höchstens
zehn Jahresraten zu entrichten ist (Verrentung). Der jeweilige Restbetrag ist jährlich mit
zwei Prozent über dem Basiszinssatz zu verzinsen.
(3) Der Antrag auf Verrentung ist vor Eintritt der Fälligkeit zu stellen.
P 9
H Eschenfurter Stadtanzeiger · Amtsblatt der Stadt Eschenfurt · Nr. 6/2019 · 22. März 2019
§ 10 Ablösunq
Vor dem Entstehen der Beitragsschuld kann der Beitrag durch Vertrag abgelöst werden.
Der Ablösebetrag richtet sich nach der Höhe des voraussichtlich entstehenden Beitrages.

§ 11 Inkrafttreten
Diese Satzung tritt am Tag nach ihrer öffentlichen Bekanntmachung in Kraft. Gleichzeitig
tritt die Straßenausbaubeitragssatzung der Stadt Eschenfurt vom 7. Juli 2003 außer Kraft.

Eschenfurt, den 14. März 2019

Dr. Gudrun Kessler
Bürgermeisterin                                                              (Siegel)

Hinweis nach § 4 Absatz 4 der Gemeindeordnung für den Freistaat Sachsen
Eine Verletzung von Verfahrens- oder Formvorschriften beim Zustandekommen dieser Sat-
zung gilt ein Jahr nach ihrer Bekanntmachung als unbeachtlich, es sei denn, die Verlet-
zung ist innerhalb dieses Jahres gegenüber der Stadt unter Bezeichnung des Sachverhalts
schriftlich geltend gemacht worden. Das gilt nicht, wenn die Ausfertigung fehlt oder feh-
lerhaft ist, wenn Vorschriften über die Öffentlichkeit der Sitzung verletzt wurden oder
wenn der Bürgermeister dem Beschluss widersprochen hat.
`

// efFreisitze is gebuehren/sondernutzung-freisitze-2027.ods: two sheets,
// each introduced by "= name"; in a sheet the first line is a title row
// (merged over the columns when it starts with "# "), "| a | b |" a row
// of cells; an amount "28,00 €" is a currency cell, as LibreOffice stores
// it (its value in office:value, its display in the cell's paragraph).
const efFreisitze = `
= Gebühren 2027
# Sondernutzungsgebühren der Stadt Eschenfurt ab 1. Januar 2027 (Anlage zur Sondernutzungssatzung)
| Nr. | Art der Sondernutzung | Bemessung | Zone I | Zone II | Zone III | Hinweis |
| 1 | Freisitz (Außengastronomie) in der Sommersaison vom 1. April bis 31. Oktober | je m² und Saison | 28,00 € | 18,00 € | 10,00 € | |
| 2 | Freisitz außerhalb der Sommersaison | je m² und Monat | 2,50 € | 1,80 € | 1,00 € | Heizpilze sind nicht zulässig |
| 3 | Warenauslage vor dem Geschäft | je m² und Monat | 6,00 € | 4,00 € | 2,00 € | höchstens 1,00 m tief |
| 4 | Kundenstopper (Werbeaufsteller) | je Stück und Jahr | 60,00 € | 40,00 € | 25,00 € | höchstens einer je Geschäft |
| 5 | Fahrradständer vor einem Geschäft | je Stück | gebührenfrei | gebührenfrei | gebührenfrei | Erlaubnis trotzdem nötig |
| 6 | Gerüst, Container, Baustelleneinrichtung | je m² und Woche | 1,20 € | 0,90 € | 0,60 € | mindestens 20,00 € je Erlaubnis |
| 7 | Verkaufsstand (Imbiss, Blumen, Obst) | je Tag | 25,00 € | 15,00 € | 10,00 € | |
| 8 | Plakatständer für Veranstaltungen | je Stück und Woche | 3,00 € | 3,00 € | 3,00 € | Parteien im Wahlkampf gebührenfrei |
| 9 | Verwaltungsgebühr für die Erlaubnis | je Bescheid | 25,00 € | 25,00 € | 25,00 € | zusätzlich zur Sondernutzungsgebühr |
| Beschluss des Stadtrates vom 29. Oktober 2026 (SR 112/2026) |
= Tarifzonen
# Tarifzonen für Sondernutzungen
| Zone | Straßen und Plätze |
| Zone I | Markt, Obere Marktstraße, Untere Marktstraße, Kirchgasse, Fährgasse |
| Zone II | Bahnhofstraße, Gerbergasse, Uferstraße, Am Mühlgraben, Lohwitzer Straße bis zur Lohebrücke |
| Zone III | alle übrigen Straßen und Plätze im Stadtgebiet und in den Ortsteilen |
`

// efDiensthandys is the text part of
// intern/it-hilfe/2026-11-30-neue-diensthandys.eml; its HTML part is
// built from the same paragraphs (see eschenfurtEML: "- " a list item,
// "N " a numbered step).
const efDiensthandys = `Liebe Kolleginnen und Kollegen,

die Diensthandys der Verwaltung werden getauscht. Die alten Geräte bekommen keine Sicherheitsupdates mehr und dürfen ab dem 1. Januar 2027 nicht mehr mit dem dienstlichen Postfach verbunden werden.

So läuft der Tausch:

N Buchen Sie im Intranet unter „IT-Service > Termine“ einen Termin zur Ausgabe im Raum 012. Die Ausgabe dauert etwa 20 Minuten.
N Bringen Sie Ihr altes Handy mit Ladekabel mit. Die SIM-Karte bleibt im alten Gerät; das neue Handy hat eine eSIM mit Ihrer bisherigen Rufnummer.
N Melden Sie das neue Handy bei der Ausgabe mit Ihrer Windows-Kennung in der App „Unternehmensportal“ an. Outlook, Teams und der Kalender werden dann von selbst eingerichtet.
N Legen Sie eine Geräte-PIN mit mindestens sechs Ziffern fest. Fingerabdruck und Gesichtserkennung dürfen Sie zusätzlich nutzen.

Alle alten Geräte müssen bis zum 18. Dezember 2026 bei der IT zurückgegeben sein. Wer bis dahin keinen Termin hatte, wird von uns angeschrieben.

Gut zu wissen:

- Kontakte aus Outlook sind auf dem neuen Handy sofort da. Kontakte, die nur auf dem alten Handy gespeichert sind, übertragen wir bei der Ausgabe.
- WhatsApp und andere private Messenger dürfen auf dem Diensthandy nicht installiert werden; dienstlich chatten Sie mit Teams.
- Bei Verlust oder Diebstahl rufen Sie sofort die IT-Hotline an (Durchwahl -444, außerhalb der Dienstzeit die Rufbereitschaft unter 03799 4410-999), damit wir das Gerät sperren und aus der Ferne löschen.

Mit freundlichen Grüßen

Marko Schubert
IT-Service – Team Arbeitsplatz
Stadtverwaltung Eschenfurt
Markt 1, 09899 Eschenfurt
Telefon 03799 4410-441
`
