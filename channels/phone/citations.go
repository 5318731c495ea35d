// SPDX-License-Identifier: EUPL-1.2

package phone

import (
	"regexp"
	"strings"
)

// citationMarkRE finds the source markers of a model's answer ("[1]",
// "[1, 2]"), which a caller cannot follow: the sources are not read out.
var citationMarkRE = regexp.MustCompile(`[ \t]*\[\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*\]`)

// withoutCitations removes the source markers from an answer before it is
// spoken.
// A text without "[" (every offline answer) has none and is returned as
// it is, without running the expression.
func withoutCitations(text string) string {
	if strings.IndexByte(text, '[') < 0 {
		return text
	}
	return citationMarkRE.ReplaceAllString(text, "")
}
