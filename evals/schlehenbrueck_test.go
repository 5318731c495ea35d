// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"flag"
	"fmt"
	"html"
	"io"
	"mime/quotedprintable"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/musterstadt/lotse/knowledge"
)

// The DOCX, CSV and HTM files of the fifteenth fictional town's knowledge
// root (evals/corpora/schlehenbrueck, see
// evals/cases/schlehenbrueck/README.md) are written from the texts in
// schlehenbrueck_texts_test.go. After changing a text, rewrite the files
// with
//
//	go test ./evals -run TestSchlehenbrueckBinaries -update-schlehenbrueck
//
// and commit both. Without the flag the test fails when a committed file
// differs from what its text produces.
var updateSchlehenbrueck = flag.Bool("update-schlehenbrueck", false, "rewrite the DOCX, CSV and HTM files of evals/corpora/schlehenbrueck from their texts")

// schlehenbrueckRoot is the Schlehenbrück knowledge root, relative to this
// package.
const schlehenbrueckRoot = "corpora/schlehenbrueck"

// schlehenbrueckCaseDirs are the case folders over the Schlehenbrück root:
// the iteration half and the held-out half.
func schlehenbrueckCaseDirs() []string {
	return []string{"schlehenbrueck", "schlehenbrueck-heldout"}
}

// schlehenbrueckGaps are the files of the root no loader reads, with the
// kind their folder gives them (none since the loaders read web
// archives, YAML data files, flat OpenDocument files, Open311 lists and
// MediaWiki exports). Each skipped one is logged and replaced by a
// stand-in holding its text. Any other skipped file fails the test, and
// so does a gap that is read.
func schlehenbrueckGaps() map[string]knowledge.Kind {
	return map[string]knowledge.Kind{}
}

// schlehenbrueckLost are the files the loaders read but whose content
// they lose or garble, each with a string its content holds: the loaded
// document is logged and replaced by a stand-in of the same ID holding the
// content's text. A file listed here whose loaded text holds the string
// fails the test, so that the list shrinks with the loaders.
func schlehenbrueckLost() map[string]string {
	return map[string]string{}
}

// schlehenbrueckChrome are the documents whose site navigation or footer
// the loaders still index, with why (logged, not failed).
func schlehenbrueckChrome() map[string]string {
	return map[string]string{}
}

func schlehenbrueckBinaries() []corpusBinary {
	return []corpusBinary{
		{"ortsrecht/stadtordnung.docx", func() ([]byte, error) {
			return corpusDOCX("Stadtordnung Schlehenbrück", "Ordnungsamt", "2025-06-18T07:40:00Z", sbStadtordnung)
		}},
		{"stadtwald/brennholz-preise-2027.csv", func() ([]byte, error) {
			return schlehenbrueckCSV(sbBrennholz)
		}},
		{"intern/dienstanweisungen/dienstfahrzeuge.htm", func() ([]byte, error) {
			return schlehenbrueckIntranetHTM(sbDienstfahrzeuge)
		}},
	}
}

func TestSchlehenbrueckBinaries(t *testing.T) {
	checkCorpusBinaries(t, schlehenbrueckRoot, schlehenbrueckBinaries(), *updateSchlehenbrueck, "update-schlehenbrueck")
}

// sbLegacy encodes s in a single-byte code page: the Latin-1 range as is,
// Windows-1252's extra characters (€, „, “, –, …) when cp1252 is set, and
// any other rune as ref(r) (an HTML character reference, or "?" as Excel
// writes it).
func sbLegacy(s string, cp1252 bool, ref func(rune) string) []byte {
	var b []byte
	for _, r := range s {
		switch {
		case r < 0x80 || r >= 0xA0 && r < 0x100:
			b = append(b, byte(r))
		case cp1252 && winAnsi[r] != 0:
			b = append(b, winAnsi[r])
		default:
			b = append(b, ref(r)...)
		}
	}
	return b
}

// schlehenbrueckCSV writes rows (see sbBrennholz) as Excel's "CSV
// (Trennzeichen-getrennt)" on a German Windows does: a "sep=;" line first,
// cells parted by semicolons, a cell with a semicolon, quote or line break
// quoted, CRLF line ends, Windows-1252.
func schlehenbrueckCSV(rows string) ([]byte, error) {
	var out strings.Builder
	out.WriteString("sep=;\r\n")
	for _, r := range strings.Split(strings.Trim(rows, "\n"), "\n") {
		cells := strings.Split(r, "|")
		for i, c := range cells {
			c = strings.ReplaceAll(c, `\n`, "\n")
			if strings.ContainsAny(c, ";\"\n") {
				c = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
			}
			cells[i] = c
		}
		out.WriteString(strings.Join(cells, ";") + "\r\n")
	}
	return sbLegacy(out.String(), true, func(rune) string { return "?" }), nil
}

// schlehenbrueckIntranetHTM writes text (see sbDienstfahrzeuge) as a page
// of the old intranet: HTML 3.2 in ISO-8859-1 (characters outside it as
// numeric references), a layout table with the menu in its left cell, the
// text in <font> tags, headings as <b> lines, paragraphs parted by <br><br>
// and list items as "&middot;" lines.
func schlehenbrueckIntranetHTM(text string) ([]byte, error) {
	esc := html.EscapeString
	var body strings.Builder
	for _, l := range strings.Split(strings.TrimSpace(text), "\n") {
		switch {
		case strings.HasPrefix(l, "T "):
			body.WriteString(`<font size="4" color="#5B2A5E"><b>` + esc(l[2:]) + "</b></font><br><br>\n")
		case strings.HasPrefix(l, "B "):
			body.WriteString("<br><b>" + esc(l[2:]) + "</b><br>\n")
		case strings.HasPrefix(l, "- "):
			body.WriteString("&nbsp;&nbsp;&middot; " + esc(l[2:]) + "<br>\n")
		default:
			body.WriteString(esc(l) + "<br><br>\n")
		}
	}
	page := `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<title>Intranet Stadtverwaltung - Dienstanweisungen</title>
<meta name="GENERATOR" content="Microsoft FrontPage 6.0">
</head>
<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0" marginwidth="0" marginheight="0">
<table width="780" border="0" cellpadding="0" cellspacing="0">
<tr><td colspan="2" bgcolor="#5B2A5E"><img src="../img/kopf_intranet.gif" width="780" height="60" alt="Intranet"></td></tr>
<tr>
<td width="160" valign="top" bgcolor="#E8E0D0"><font face="Verdana" size="1">
<a href="../index.htm">Intranet-Start</a><br>
<a href="index.htm">Dienstanweisungen</a><br>
<a href="../telefon/index.htm">Telefonliste</a><br>
<a href="../speiseplan.htm">Speiseplan Kantine</a><br>
<a href="../formulare/index.htm">Formulare</a><br>
</font></td>
<td width="620" valign="top"><font face="Verdana, Arial" size="2">
` + body.String() + `</font></td>
</tr>
<tr><td colspan="2" align="center"><font face="Verdana" size="1" color="#808080">Hauptamt &middot; letzte &Auml;nderung 12.06.2024 &middot; <a href="mailto:organisation@schlehenbrueck.example">Webmaster</a></font></td></tr>
</table>
</body>
</html>
`
	return sbLegacy(strings.ReplaceAll(page, "\n", "\r\n"), false, func(r rune) string { return fmt.Sprintf("&#%d;", r) }), nil
}

// loadSchlehenbrueck loads the Schlehenbrück root as lotse does; a skipped
// file fails the test unless it is one of schlehenbrueckGaps, which is
// replaced by its stand-in, and a document of schlehenbrueckLost is
// replaced by its stand-in.
func loadSchlehenbrueck(t *testing.T) []knowledge.Document {
	t.Helper()
	return loadTown(t, "schlehenbrueck", schlehenbrueckRoot, townGaps{gaps: schlehenbrueckGaps(), lost: schlehenbrueckLost(), standIns: one(schlehenbrueckStandIn)})
}

// schlehenbrueckStandIn is a document holding the text of a gap file or a
// lost page: the web archive's HTML part decoded from quoted-printable,
// the e-mail's plain text part decoded from ISO-8859-15, the CSV's and
// the intranet page's texts, the Word bylaw's text, an HTML page's text
// without its head and frame (an iframe's srcdoc and hidden tab panels
// included), an XML file's text without tags (the flat ODT's soft page
// breaks and spaces joined), JSON's string values, the RTF's text, and
// YAML, Markdown and text as written.
func schlehenbrueckStandIn(t *testing.T, rel string, kind knowledge.Kind) knowledge.Document {
	t.Helper()
	aud := knowledge.Citizen
	switch {
	case strings.HasPrefix(rel, "intern/"):
		aud = knowledge.Employee
	case strings.HasPrefix(rel, "aktuelles/"), strings.HasPrefix(rel, "bekanntmachungen/"):
		aud = knowledge.All
	}
	id := strings.TrimSuffix(rel, path.Ext(rel))
	var text string
	switch path.Ext(rel) {
	case ".docx":
		text = sbMarks(sbStadtordnung)
	case ".csv":
		text = strings.NewReplacer("|", " | ", `\n`, "\n").Replace(strings.TrimSpace(sbBrennholz))
	case ".htm":
		text = sbMarks(sbDienstfahrzeuge)
	default:
		b, err := os.ReadFile(path.Join(schlehenbrueckRoot, rel))
		if err != nil {
			t.Fatal(err)
		}
		src := string(b)
		switch path.Ext(rel) {
		case ".mht", ".eml":
			text = sbMIMEText(t, rel, src)
		case ".html":
			var extra []string
			for _, m := range regexp.MustCompile(`srcdoc="([^"]*)"`).FindAllStringSubmatch(src, -1) {
				extra = append(extra, gfStrip(html.UnescapeString(m[1])))
			}
			src = regexp.MustCompile(`(?s)<head>.*?</head>|<(header|nav|footer)[\s>].*?</(header|nav|footer)>|srcdoc="[^"]*"`).ReplaceAllString(src, "")
			if i := strings.Index(src, "<h1"); i >= 0 {
				src = src[i:]
			}
			text = gfStrip(src) + "\n" + strings.Join(extra, "\n")
		case ".fodt", ".xml":
			src = regexp.MustCompile(`(?s)<office:meta>.*?</office:meta>|<office:styles>.*?</office:styles>|<office:automatic-styles>.*?</office:automatic-styles>|<siteinfo>.*?</siteinfo>`).ReplaceAllString(src, "")
			src = strings.NewReplacer("<text:soft-page-break/>", "", "<text:s/>", " ").Replace(src)
			text = html.UnescapeString(gfStrip(src))
		default:
			text = src
		}
	}
	return knowledge.Document{
		ID: id, Title: path.Base(id), Kind: kind, Audience: aud, Lang: "de", Label: "stand-in",
		Source: "schlehenbrueck/" + rel, Format: strings.TrimPrefix(path.Ext(rel), "."),
		Sections: []knowledge.Section{{Heading: path.Base(id), Text: text}},
	}
}

// sbMarks is a generated file's text without the line marks of its
// notation ("T ", "B ", "N ", "- ").
func sbMarks(s string) string {
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		for _, p := range []string{"T ", "B ", "N ", "- "} {
			l = strings.TrimPrefix(l, p)
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}

// sbMIMEText is the text of a MIME file's first text part (HTML stripped),
// decoded from quoted-printable and, for ISO-8859-1/-15, to UTF-8.
func sbMIMEText(t *testing.T, rel, src string) string {
	t.Helper()
	m := regexp.MustCompile(`(?is)Content-Type: text/(plain|html); charset="?([\w-]+)"?\r?\nContent-Transfer-Encoding: quoted-printable\r?\n(?:[^\r\n]+\r?\n)*\r?\n(.*?)\r?\n--`).FindStringSubmatch(src)
	if m == nil {
		t.Fatalf("%s: no quoted-printable text part", rel)
	}
	raw, err := readAllQP(m[3])
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	s := raw
	if cs := strings.ToLower(m[2]); strings.HasPrefix(cs, "iso-8859") {
		var b strings.Builder
		for i := 0; i < len(raw); i++ {
			c := rune(raw[i])
			if cs == "iso-8859-15" && c == 0xA4 {
				c = '€'
			}
			b.WriteRune(c)
		}
		s = b.String()
	}
	if !utf8.ValidString(s) {
		t.Fatalf("%s: text part is not UTF-8 after decoding", rel)
	}
	if m[1] == "html" {
		s = regexp.MustCompile(`(?s)<head>.*?</head>`).ReplaceAllString(s, "")
		if i := strings.Index(s, "<h1"); i >= 0 {
			s = s[i:]
		}
		if i := strings.Index(s, `<td class="fuss"`); i >= 0 {
			s = s[:i]
		}
		s = gfStrip(s)
	}
	return s
}

// readAllQP decodes quoted-printable text.
func readAllQP(s string) (string, error) {
	b, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(s)))
	return string(b), err
}

func TestSchlehenbrueckCorpusLoads(t *testing.T) {
	docs := loadSchlehenbrueck(t)
	checkShape(t, corpusShape{
		name: "schlehenbrueck", dir: schlehenbrueckRoot, organization: "Stadt Schlehenbrück",
		documents: 16,
		kinds: map[knowledge.Kind]int{
			knowledge.KindService: 10, knowledge.KindNotice: 2, knowledge.KindLaw: 1,
			knowledge.KindInstruction: 1, knowledge.KindArticle: 2,
		},
		audiences: map[string]knowledge.Audience{
			"intern/": knowledge.Employee, "aktuelles/": knowledge.All, "bekanntmachungen/": knowledge.All,
		},
		// The iframe's srcdoc, the hidden tab panels, the bold § lines, the
		// CSV, the e-mail's ISO-8859-15 body and the ISO-8859-1 page arrive.
		extracted: map[string][]string{
			"buergerservice/schiedsstelle":             {"25 Euro", "persönlich erscheinen"},
			"buergerservice/obstbaeume-gelbes-band":    {"30 Euro im Jahr"},
			"ortsrecht/stadtordnung":                   {"13 bis 15 Uhr", "1.000 Euro"},
			"stadtwald/brennholz-preise-2027":          {"38,00 €"},
			"aktuelles/2026-11-20-pm-schlehenmarkt":    {"16 bis 22 Uhr", "3 €"},
			"intern/dienstanweisungen/dienstfahrzeuge": {"Schlüsseltresor"},
		},
		chrome: schlehenbrueckChrome(),
	}, docs)
	// What the loaders make of these layouts, logged for the README.
	logLoaded(t, docs, []string{"srcdoc", "&lt;", "display:none", "c0", "google.com/url", "Kommentar K. Vogt", "sep=;", "\u00a4", "\ufffd", "=C3", "=E4", "service_code", "FeatureCollection", "OBJECTID", "GlobalID", "coordinates", "\\'", "\\par", "Riched20", "[!info]", "[!warning]", "%%", "[[", "Startseite", "Intranet-Start", "Speiseplan", "Impressum", "direkt zum Inhalt", "Seite 2 von 2", "Fahrpreise"})
}

// TestSchlehenbrueckCasesMatchCorpus checks the Schlehenbrück cases
// against the corpus they run on (see checkCorpusCases and
// evals/cases/schlehenbrueck/README.md).
// Each half: the 20 first-round cases, the 10 of the second round (IDs
// with "-r2-") and the 6 of the third (IDs with "-r3-"), alike in mix,
// so both halves keep the same one.
func TestSchlehenbrueckCasesMatchCorpus(t *testing.T) {
	checkCorpusCases(t, loadSchlehenbrueck(t), schlehenbrueckCaseDirs(), caseMix{
		cases: 36, employees: 4, langs: 5, escalations: 2, scope: 2, laws: 4, notices: 3, followups: 5,
	})
}
