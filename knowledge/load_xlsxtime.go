// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"fmt"
	"math"
	"regexp"
	"strings"
)

// formatLiteralRE matches the parts of a number format code that are no
// placeholders: quoted text, escaped characters, and bracketed colours
// and conditions ("[Red]", "[<=100]"), not elapsed-time units ("[h]").
var formatLiteralRE = regexp.MustCompile(`"[^"]*"|\\.|\[(?:[^\]hms][^\]]*|[hms][^\]]*[^\]hms][^\]]*)\]`)

// xlsxTime writes a number whose format is a time of day ("hh:mm",
// "h:mm:ss", "h:mm AM/PM") as the clock reads it, "14:00" (seconds when
// the format shows them), and an elapsed time ("[h]:mm") as hours and
// minutes however many: a spreadsheet stores times as fractions of a
// day. ok is false for a code that is no time (a date, a date-time, a
// number).
func xlsxTime(f float64, code string) (string, bool) {
	c := strings.ToLower(code)
	if i := strings.IndexByte(c, ';'); i >= 0 {
		c = c[:i]
	}
	c = formatLiteralRE.ReplaceAllString(c, "")
	if !strings.Contains(c, "h") && !strings.Contains(c, "s") || strings.ContainsAny(c, "yd0#") || f < 0 || f > 1e6 {
		return "", false
	}
	elapsed := strings.Contains(c, "[h")
	secs := int64(math.Round(f * 86400))
	if !elapsed {
		secs %= 86400
	}
	h, m, s := secs/3600, secs/60%60, secs%60
	if !strings.Contains(c, "h") {
		// "mm:ss": minutes and seconds.
		return fmt.Sprintf("%02d:%02d", secs/60, s), true
	}
	if strings.Contains(c, "s") {
		return fmt.Sprintf("%02d:%02d:%02d", h, m, s), true
	}
	return fmt.Sprintf("%02d:%02d", h, m), true
}
