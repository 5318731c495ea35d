// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestRTFLetter checks that a letter saved by WordPad (RTF with a font
// and a colour table, an ignorable destination, \'xx escapes in
// Windows-1252, a \u character with its fallback, bold lines, a tab and
// a trailing NUL byte) is read as its text: the line set in the largest
// font its title, the bold questions its headings, no control word left.
func TestRTFLetter(t *testing.T) {
	rtf := `{\rtf1\ansi\ansicpg1252\deff0\nouicompat\deflang1031{\fonttbl{\f0\fnil\fcharset0 Calibri;}}
{\colortbl ;\red0\green0\blue0;}
{\*\generator Riched20 10.0.19041}\viewkind4\uc1 
\pard\sa200\f0\fs22\lang7 \b Beispielamt \'b7 Die Leitung\b0\par
\pard\sa200\f0\fs22 \tab Beispielstadt, 3. M\'e4rz 2027\par
\pard\sa200\f0\fs22 \b\fs28 Musterpr\'fcfung f\'fcr Ehrenamtliche\b0\fs22\par
\pard\sa200\f0\fs22 Sehr geehrte Damen und Herren, das Beispielamt sucht Pr\'fcferinnen und Pr\'fcfer f\'fcr die Musterpr\'fcfung \'84Stufe\~2\'93.\par
\pard\sa200\f0\fs22 \b Was bekommen Sie?\b0\par
\pard\sa200\f0\fs22 Eine Entsch\'e4digung von 9 \'80 je Stunde und \u8222?Dank\u8220?.\par
}` + "\x00"
	pd, err := parseRTF([]byte(rtf))
	if err != nil {
		t.Fatal(err)
	}
	if pd.title != "Musterprüfung für Ehrenamtliche" {
		t.Errorf("title %q, want the line in the largest font", pd.title)
	}
	var all strings.Builder
	got := map[string]string{}
	for _, s := range normalizeSections(pd.title, pd.sections) {
		s.Heading = strings.TrimPrefix(s.Heading, pd.title+" › ")
		got[s.Heading] = s.Text
		all.WriteString(s.Heading + "\n" + s.Text + "\n")
	}
	if got["Was bekommen Sie?"] != "Eine Entschädigung von 9 € je Stunde und „Dank“." {
		t.Errorf("section %q holds %q (all: %q)", "Was bekommen Sie?", got["Was bekommen Sie?"], got)
	}
	for _, want := range []string{"Beispielamt · Die Leitung", "Beispielstadt, 3. März 2027", "„Stufe 2“"} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("%q is lost: %s", want, all.String())
		}
	}
	for _, left := range []string{`\`, "{", "Calibri", "Riched", "?Dank", "\x00"} {
		if strings.Contains(all.String(), left) {
			t.Errorf("%q is in the text: %s", left, all.String())
		}
	}
	if _, err := parseRTF([]byte("Kein RTF")); err == nil {
		t.Error("plain text is read as RTF")
	}
}
