// SPDX-License-Identifier: EUPL-1.2

package phone

import (
	"regexp"
	"strings"
	"testing"
)

// TestSpeechGuardsAgreeWithExpressions checks the byte scans that decide
// whether speakLine runs an expression: wherever the expression matches,
// the scan must say so (a scan may say yes where the expression then finds
// nothing), and collapseSpaces must equal replacing \s+ by one blank.
func TestSpeechGuardsAgreeWithExpressions(t *testing.T) {
	lines := []string{
		"", " ", "a", "Kosten: 37,50 Euro .", "8 - 12 Uhr", "8–12", "8 – 12", "Mo - Fr", "1-2", "a-1", "1 -x",
		"Tel. 0123 456-100", "Termin\tvereinbaren\n\nbitte", "Punkt ,und ;so !", "x  y", " x ", "\x0c\r",
		"Abschnitt (Kosten)", "steht dort ( Abschnitt Kosten ).", "(a) (\tAbschnitt X)", "(Abschnitt)", "WWW.example.de", "siehe wWw.x.de", "ab 3,- EUR", "3 eUr", "€ 5",
	}
	reSpace := regexp.MustCompile(`\s+`)
	reWWW := regexp.MustCompile(`(?i)www\.`)
	for _, l := range lines {
		if reRange.MatchString(l) && !mayBeRange(l) {
			t.Errorf("mayBeRange(%q) = false, but reRange matches", l)
		}
		if reSpacePct.MatchString(l) && !spaceBeforePunct(l) {
			t.Errorf("spaceBeforePunct(%q) = false, but reSpacePct matches", l)
		}
		if reWWW.MatchString(l) != hasFoldASCII(l, "www.") {
			t.Errorf("hasFoldASCII(%q, www.) = %v", l, hasFoldASCII(l, "www."))
		}
		if got, want := collapseSpaces(l), reSpace.ReplaceAllString(l, " "); got != want {
			t.Errorf("collapseSpaces(%q) = %q, want %q", l, got, want)
		}
		if reSectionDE.MatchString(l) && !parenBefore(l, "Abschnitt") {
			t.Errorf("parenBefore(%q) = false, but reSectionDE matches", l)
		}
		if reBullet.MatchString(l) && !bulletStart(l) {
			t.Errorf("bulletStart(%q) = false, but reBullet matches", l)
		}
	}
	for _, l := range []string{"8 - 12", "8–12", "3-4"} {
		if !mayBeRange(l) {
			t.Errorf("mayBeRange(%q) = false", l)
		}
	}
	pairs := markupPairs(" und ")
	for i := 0; i < len(pairs); i += 2 {
		if !strings.ContainsAny(pairs[i], markupChars) {
			t.Errorf("markupChars lacks a character of %q", pairs[i])
		}
	}
	if spaceBeforePunct("a, b. c") || mayBeRange("Mo-Fr") || hasDigit("abc") {
		t.Error("a scan said yes where nothing can match")
	}
}
