// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"errors"
	"strings"
	"testing"
)

// crlf writes a mail's lines as a mail file has them.
func crlf(lines ...string) []byte {
	return []byte(strings.Join(lines, "\r\n") + "\r\n")
}

// emlText joins a parsed mail's sections as "heading: text" lines.
func emlText(pd parsedDoc) string {
	var b strings.Builder
	for _, s := range pd.sections {
		b.WriteString(s.Heading + ": " + s.Text + "\n")
	}
	return b.String()
}

// TestEMLMultipart checks that a mail file is named by its subject
// (RFC 2047 words decoded and joined, "AW:" dropped), dated by its
// header, and read by the plain text alternative, decoded from
// quoted-printable UTF-8 (soft line breaks joined); its header, the HTML
// alternative, attachments and pictures are no text, its quoted lines
// and original are dropped and its signature is its contact, as for a
// mail saved as text.
func TestEMLMultipart(t *testing.T) {
	data := crlf(
		"Received: from mx.beispiel.example by mx2.beispiel.example; Mon, 4 Jan 2027 09:00:00 +0000",
		"From: =?utf-8?q?Beispielamt_M=C3=BChlental?= <amt@beispiel.example>",
		"To: Alle <alle@beispiel.example>",
		"Subject: AW: =?utf-8?q?Neue_Musterausweise:_Ausgabe_ab_?=",
		" =?utf-8?q?M=C3=A4rz?=",
		"Date: Mon, 4 Jan 2027 10:15:00 +0100",
		"MIME-Version: 1.0",
		`Content-Type: multipart/mixed; boundary="aussen"`,
		"",
		"This is a multi-part message in MIME format.",
		"--aussen",
		`Content-Type: multipart/alternative; boundary="innen"`,
		"",
		"--innen",
		`Content-Type: text/plain; charset="utf-8"`,
		"Content-Transfer-Encoding: quoted-printable",
		"",
		"Hallo zusammen,",
		"",
		"die neuen Musterausweise gibt es ab 1. M=C3=A4rz im B=C3=BCrgerb=C3=BCro, =",
		"Zimmer 7.",
		"",
		"> Gilt der alte noch?",
		"",
		"-- ",
		"Beispielamt, Telefon 0999 12-3",
		"",
		"-----Urspr=C3=BCngliche Nachricht-----",
		"Von: Erika Muster",
		"Alte Frage.",
		"--innen",
		`Content-Type: text/html; charset="utf-8"`,
		"",
		"<html><body><p>HTML-Fassung</p></body></html>",
		"--innen--",
		"--aussen",
		`Content-Type: text/plain; charset="utf-8"; name="notiz.txt"`,
		`Content-Disposition: attachment; filename="notiz.txt"`,
		"",
		"Anhang als Text",
		"--aussen",
		"Content-Type: image/png",
		"Content-Transfer-Encoding: base64",
		"",
		"iVBORw0KGgo=",
		"--aussen--",
	)
	pd, err := parseEML(data)
	if err != nil {
		t.Fatal(err)
	}
	if pd.title != "Neue Musterausweise: Ausgabe ab März" {
		t.Errorf("title %q", pd.title)
	}
	if pd.updated.IsZero() || pd.updated.Day() != 4 {
		t.Errorf("date %v", pd.updated)
	}
	got := emlText(pd)
	for _, want := range []string{"die neuen Musterausweise gibt es ab 1. März im Bürgerbüro, Zimmer 7.", "Kontakt: Beispielamt, Telefon 0999 12-3"} {
		if !strings.Contains(got, want) {
			t.Errorf("text %q lacks %q", got, want)
		}
	}
	for _, not := range []string{"From", "amt@beispiel", "Received", "Gilt der alte", "Alte Frage", "HTML-Fassung", "Anhang als Text", "iVBOR", "=C3", "innen"} {
		if strings.Contains(got, not) {
			t.Errorf("text %q holds %q", got, not)
		}
	}
	// Through the loader: the extension is known.
	if f, ok := formatOf(".eml"); !ok || f != "eml" {
		t.Errorf("formatOf(.eml) = %q, %v", f, ok)
	}
	if docs, _, err := parseFile("eml", data, newBudget(Limits{}, nil)); err != nil || len(docs) != 1 {
		t.Errorf("parseFile: %d documents, %v", len(docs), err)
	}
}

// TestEMLHTMLAndCharsets checks that a mail with only an HTML part is
// read by the HTML's text (its head and styles no text), decoded from
// base64 and its charset, and that a subject and a single plain part in
// a legacy charset are decoded from it.
func TestEMLHTMLAndCharsets(t *testing.T) {
	pd, err := parseEML(crlf(
		"From: amt@beispiel.example",
		"Subject: =?iso-8859-15?q?Geb=FChr_5_=A4?=",
		`Content-Type: multipart/alternative; boundary="b"`,
		"",
		"--b",
		`Content-Type: text/html; charset=iso-8859-15`,
		"Content-Transfer-Encoding: base64",
		"",
		// <html><head><style>p{color:red}</style><title>T</title></head><body><h2>Gebühren</h2><p>Die Karte kostet 5 €.</p></body></html> in ISO-8859-15
		"PGh0bWw+PGhlYWQ+PHN0eWxlPnB7Y29sb3I6cmVkfTwvc3R5bGU+PHRpdGxlPlQ8L3RpdGxlPjwv",
		"aGVhZD48Ym9keT48aDI+R2Vi/GhyZW48L2gyPjxwPkRpZSBLYXJ0ZSBrb3N0ZXQgNSCkLjwvcD48",
		"L2JvZHk+PC9odG1sPg==",
		"--b--",
	))
	if err != nil {
		t.Fatal(err)
	}
	if pd.title != "Gebühr 5 €" {
		t.Errorf("title %q", pd.title)
	}
	if got := emlText(pd); !strings.Contains(got, "Gebühren\nDie Karte kostet 5 €.") || strings.Contains(got, "color") {
		t.Errorf("text %q", got)
	}
	pd, err = parseEML(crlf(
		"From: amt@beispiel.example",
		"Subject: Sprechstunde",
		"Content-Type: text/plain; charset=iso-8859-1",
		"Content-Transfer-Encoding: 8bit",
		"",
		"Die Sprechstunde f\xe4llt aus.",
	))
	if err != nil || !strings.Contains(emlText(pd), "Die Sprechstunde fällt aus.") {
		t.Errorf("latin-1 part: %q, %v", emlText(pd), err)
	}
}

// TestEMLBounds checks that a mail with too many parts is refused, that
// parts nested too deep are not read, and that files that are no mail
// or whose multipart has no boundary say so, without a crash.
func TestEMLBounds(t *testing.T) {
	var many []string
	many = append(many, "From: a@beispiel.example", "Subject: Viele Teile", `Content-Type: multipart/mixed; boundary="x"`, "")
	for range maxMailParts + 1 {
		many = append(many, "--x", "Content-Type: text/plain", "", "Teil")
	}
	many = append(many, "--x--")
	if _, err := parseEML(crlf(many...)); err == nil || !strings.Contains(err.Error(), "Teilen") {
		t.Errorf("too many parts: %v", err)
	}
	deep := []string{"From: a@beispiel.example", "Subject: Tief", `Content-Type: multipart/mixed; boundary="b0"`, ""}
	for i := 1; i <= maxMailDepth+1; i++ {
		deep = append(deep, "--b"+string(rune('0'+i-1)), `Content-Type: multipart/mixed; boundary="b`+string(rune('0'+i))+`"`, "")
	}
	deep = append(deep, "--b"+string(rune('0'+maxMailDepth+1)), "Content-Type: text/plain", "", "Ganz unten")
	for i := maxMailDepth + 1; i >= 0; i-- {
		deep = append(deep, "--b"+string(rune('0'+i))+"--")
	}
	if _, err := parseEML(crlf(deep...)); !errors.Is(err, errNoText) {
		t.Errorf("too deep: %v", err)
	}
	for name, data := range map[string][]byte{
		"no mail":     []byte("Dies ist kein Mailkopf\nsondern Text.\n"),
		"no header":   crlf("X-Unbekannt: 1", "", "Text"),
		"no boundary": crlf("From: a@beispiel.example", "Subject: Ohne", "Content-Type: multipart/mixed", "", "Text"),
	} {
		if _, err := parseEML(data); err == nil {
			t.Errorf("%s: read", name)
		}
	}
}
