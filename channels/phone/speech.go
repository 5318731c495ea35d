// SPDX-License-Identifier: EUPL-1.2

package phone

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// SpeechOptions control how written text is turned into speakable text.
type SpeechOptions struct {
	// Lang is "de" (default) or "en"; it selects month names and the words
	// for ranges and links.
	Lang string
	// LinkText replaces every URL, e.g. "Den Link schicken wir Ihnen gern
	// per SMS". Empty means "auf der Internetseite der Stadt" (German) or
	// "on the city's website" (English).
	LinkText string
}

// Sentences turns an answer written for a screen into sentences a
// text-to-speech engine can read: no Markdown, no URLs, amounts, dates,
// times, ticket and phone numbers written the way they are spoken. The
// result holds no markup characters ('<', '>', '&'), so that neither a
// TwiML nor an SSML interpreter can take any of it for a tag.
func Sentences(text string, o SpeechOptions) []string {
	en := o.Lang == "en"
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line = speakLine(line, en, o.LinkText)
		if line == "" {
			continue
		}
		out = append(out, splitSentences(line)...)
	}
	return out
}

// ListPause marks a short pause between the pieces of a spoken list (after
// the count and between the items). Gateways with SSML render it as
// <break>, the others as a space (see SpokenText).
const ListPause = "\u2028"

// Parts returns what is spoken of text in pieces that are said without a
// question in between: one sentence each, except that a list is one piece
// together with the line that leads into it ("Kosten:"), its count and all
// its items: "Kosten. Es gibt vier Punkte. Erstens, … Zweitens, …". A list
// of more than five items continues in pieces of five. Pieces hold ListPause
// between the parts of a list and no markup characters.
func Parts(text string, o SpeechOptions) []string {
	en := o.Lang == "en"
	var out []string
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	leadOpen := false // the last piece came from a line ending in ':'
	for i := 0; i < len(lines); i++ {
		if !isBullet(lines[i]) {
			line := speakLine(lines[i], en, o.LinkText)
			if line == "" {
				continue
			}
			out = append(out, splitSentences(line)...)
			leadOpen = strings.HasSuffix(strings.TrimSpace(lines[i]), ":")
			continue
		}
		var items []string
		for ; i < len(lines) && isBullet(lines[i]); i++ {
			if item := speakLine(lines[i], en, o.LinkText); item != "" {
				items = append(items, item)
			}
		}
		i-- // the loop's i++ moves on to the line after the list
		if len(items) == 0 {
			continue
		}
		var lead string
		if leadOpen && len(out) > 0 {
			lead, out = out[len(out)-1]+ListPause, out[:len(out)-1]
		}
		leadOpen = false
		if len(items) == 1 {
			out = append(out, lead+items[0])
			continue
		}
		piece := lead + countItems(len(items), en)
		for k, item := range items {
			if k > 0 && k%maxListPiece == 0 {
				out = append(out, piece)
				piece = ""
			}
			if piece != "" {
				piece += ListPause
			}
			piece += ordinal(k+1, en) + ": " + item
		}
		out = append(out, piece)
	}
	return out
}

// maxListPiece is how many list items are said in one piece.
const maxListPiece = 5

var (
	countWordsDE = [...]string{"", "einen", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"}
	countWordsEN = [...]string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}
	ordinalsDE   = [...]string{"", "Erstens", "Zweitens", "Drittens", "Viertens", "Fünftens", "Sechstens", "Siebtens", "Achtens", "Neuntens", "Zehntens"}
	ordinalsEN   = [...]string{"", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth"}
)

// countItems announces a list of n items: "Es gibt vier Punkte."
func countItems(n int, en bool) string {
	num := strconv.Itoa(n)
	if en {
		if n < len(countWordsEN) {
			num = countWordsEN[n]
		}
		return "There are " + num + " points."
	}
	if n < len(countWordsDE) {
		num = countWordsDE[n]
	}
	return "Es gibt " + num + " Punkte."
}

// ordinal names item n of a list: "Erstens", …, "Zehntens", then
// "Punkt 11".
func ordinal(n int, en bool) string {
	switch {
	case en && n < len(ordinalsEN):
		return ordinalsEN[n]
	case en:
		return "Point " + strconv.Itoa(n)
	case n < len(ordinalsDE):
		return ordinalsDE[n]
	}
	return "Punkt " + strconv.Itoa(n)
}

// SpokenText returns text of a Say for a gateway without SSML: every
// ListPause becomes a space.
func SpokenText(text string) string { return strings.ReplaceAll(text, ListPause, " ") }

// Speakable is Sentences joined by spaces.
func Speakable(text string, o SpeechOptions) string {
	return strings.Join(Sentences(text, o), " ")
}

var (
	reHeading  = regexp.MustCompile(`^#{1,6}\s*`)
	reQuote    = regexp.MustCompile(`^(?:>\s*)+`)
	reBullet   = regexp.MustCompile(`^(?:[-*+•·–]|\d{1,2}[.)])\s+`)
	reTableSep = regexp.MustCompile(`^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$`)
	reLink     = regexp.MustCompile(`\[([^\]]*)\]\(([^)\s]*)\)`)
	reURL      = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>"]*[^\s<>".,;:!?)\]]`)
	reEmail    = regexp.MustCompile(`\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b`)
	reHereLink = regexp.MustCompile(`(?i)\b(?:(?:hier|here|unter)\s*:?|at\s*:)\s*\x00`)
	reTicket   = regexp.MustCompile(`\b([A-Z]{2,6})-(\d{1,10})\b`)
	rePhone    = regexp.MustCompile(`(?:\+\d{1,3}|\(0\d{1,5}\)|\b0\d{1,5})(?:(?:[ /-]|\s?-\s?)\(?\d+\)?)*`)
	reAmount   = regexp.MustCompile(`(?i)(?:(€|EUR)\s?)?\b(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{2}|-{1,2}))?(?:\s?(€|Euro\b|EUR\b))?`)
	reDate     = regexp.MustCompile(`\b(\d{1,2})\.\s?(\d{1,2})\.(\d{4}|\d{2}\b)?`)
	reISODate  = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	reTime     = regexp.MustCompile(`\b(\d{1,2}):(\d{2})\b(\s?Uhr\b)?`)
	reRange    = regexp.MustCompile(`(\d)\s?[–-]\s?(\d)`)
	reWeekdays = regexp.MustCompile(`\b(Mo|Di|Mi|Do|Fr|Sa|So)\.?\s?[–-]\s?(Mo|Di|Mi|Do|Fr|Sa|So)\b\.?`)
	reEmph     = regexp.MustCompile(`(^|[\s(])_([^_\s][^_]*)_`)
	reSpacePct = regexp.MustCompile(`\s+([.,;:!?])`)
	// A section named in brackets, as the assistant cites it: "(Abschnitt
	// Kosten)", "(section “Costs”)".
	reSectionDE = regexp.MustCompile(`\s*\(\s*Abschnitt\s+([^()]+?)\s*\)`)
	reSectionEN = regexp.MustCompile(`(?i)\s*\(\s*section\s+([^()]+?)\s*\)`)
	reInSection = regexp.MustCompile(`\b(?:im|in dem)\s+Abschnitt\s+`)
	reAbschnitt = regexp.MustCompile(`\bAbschnitt(e|en|s)?\b`)
	reParen     = regexp.MustCompile(`\s*[(\[]([^()\[\]]*)[)\]]`)
	reCommaPct  = regexp.MustCompile(`,(\s*[.,;:!?])`)
)

// phoneWords adapt the assistant's chat wording to a phone call.
var phoneWords = strings.NewReplacer(
	"schreiben Sie einfach", "sagen Sie einfach",
	"schreiben Sie", "sagen Sie",
	"Sie schreiben mit", "Sie sprechen mit",
	"just write", "just say",
	"or write", "or say",
	"write “agent”", "say “agent”",
)

var weekdaysDE = map[string]string{
	"Mo": "Montag", "Di": "Dienstag", "Mi": "Mittwoch", "Do": "Donnerstag",
	"Fr": "Freitag", "Sa": "Samstag", "So": "Sonntag",
}

var monthsDE = [...]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}
var monthsEN = [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// isBullet reports whether line, trimmed, starts a list item. The byte
// check spares the regular expression for most lines.
func isBullet(line string) bool {
	line = strings.TrimSpace(line)
	return bulletStart(line) && reBullet.MatchString(line)
}

// bulletStart reports whether s starts with a byte that can begin a list
// marker (reBullet): a dash, star, plus, digit or a multi-byte bullet.
func bulletStart(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	return c == '-' || c == '*' || c == '+' || (c >= '0' && c <= '9') || c >= utf8.RuneSelf
}

// hasDigit reports whether s holds an ASCII digit; every number pattern
// below needs one.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// hasFoldASCII reports whether s contains sub (lower-case ASCII) in any
// case.
func hasFoldASCII(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// Replacers of speakLine, built once: the Markdown and quote characters a
// voice must not read, with "&" said in the answer's language.
var (
	markupWordsDE = newMarkupReplacer(" und ")
	markupWordsEN = newMarkupReplacer(" and ")
	bracketChars  = strings.NewReplacer("(", "", ")", "", "[", "", "]", "", "{", "", "}", "")
	emailWordsDE  = strings.NewReplacer(".", " Punkt ", "-", " Bindestrich ", "_", " Unterstrich ")
	emailWordsEN  = strings.NewReplacer(".", " dot ", "-", " dash ", "_", " underscore ")
)

// markupChars holds a character of every string newMarkupReplacer
// replaces: a line without any is left as it is.
const markupChars = "*_#`~<>&\"„“”«»‚‘\u00a0"

func newMarkupReplacer(and string) *strings.Replacer {
	return strings.NewReplacer(markupPairs(and)...)
}

// markupPairs are the old/new pairs of newMarkupReplacer.
func markupPairs(and string) []string {
	return []string{
		"**", "", "__", "", "*", "", "#", "", "`", "", "~~", "",
		"<", " ", ">", " ", "&", and,
		"„", "", "“", "", "”", "", "\"", "", "«", "", "»", "", "‚", "", "‘", "",
		"\u00a0", " ",
	}
}

// speakLine renders one line of written text; it returns "" for a line
// with nothing to say. Each regular expression runs only when the line
// holds a character it needs (checked with a byte scan), so a plain
// sentence costs a few scans instead of twenty matches.
func speakLine(line string, en bool, linkText string) string {
	line = strings.TrimSpace(line)
	if line == "" || strings.Contains(line, "--") && reTableSep.MatchString(line) {
		return ""
	}
	if line[0] == '#' {
		line = reHeading.ReplaceAllString(line, "")
	}
	if strings.HasPrefix(line, ">") {
		line = reQuote.ReplaceAllString(line, "")
	}
	if bulletStart(line) {
		line = reBullet.ReplaceAllString(line, "")
	}
	if strings.HasPrefix(line, "|") || strings.HasSuffix(line, "|") {
		var cells []string
		for _, c := range strings.Split(strings.Trim(line, "|"), "|") {
			if c = strings.TrimSpace(c); c != "" {
				cells = append(cells, c)
			}
		}
		line = strings.Join(cells, ", ")
	} else {
		line = strings.ReplaceAll(line, "|", ",")
	}
	if strings.Contains(line, "](") {
		line = reLink.ReplaceAllString(line, "$1")
	}
	if strings.IndexByte(line, '_') >= 0 {
		line = reEmph.ReplaceAllString(line, "$1$2")
	}
	if strings.Contains(line, "schreib") || strings.Contains(line, "write") {
		line = phoneWords.Replace(line)
	}

	if linkText == "" {
		linkText = "auf der Internetseite der Stadt"
		if en {
			linkText = "on the city's website"
		}
	}
	if strings.IndexByte(line, '@') >= 0 {
		line = reEmail.ReplaceAllStringFunc(line, func(m string) string { return speakEmail(m, en) })
	}
	// "Buchen Sie hier: <URL>" → "Buchen Sie auf der Internetseite der Stadt".
	if strings.Contains(line, "://") || hasFoldASCII(line, "www.") {
		line = reURL.ReplaceAllLiteralString(line, "\x00")
	}
	if strings.IndexByte(line, 0) >= 0 {
		line = reHereLink.ReplaceAllLiteralString(line, "\x00")
		line = strings.ReplaceAll(line, "\x00", linkText)
	}
	if hasDigit(line) {
		if strings.IndexByte(line, '-') >= 0 {
			line = reTicket.ReplaceAllStringFunc(line, spellTicket)
		}
		if strings.ContainsAny(line, "0+") {
			line = rePhone.ReplaceAllStringFunc(line, speakPhone)
		}
	}
	if strings.IndexByte(line, ':') >= 0 && hasDigit(line) {
		line = reTime.ReplaceAllStringFunc(line, func(m string) string { return speakTime(m, en) })
	}
	if strings.IndexByte(line, '-') >= 0 && hasDigit(line) {
		line = reISODate.ReplaceAllString(line, "$3.$2.$1")
	}
	if strings.IndexByte(line, '.') >= 0 && hasDigit(line) {
		line = reDate.ReplaceAllStringFunc(line, func(m string) string { return speakDate(m, en) })
	}
	// speakAmount changes only a number with a currency.
	if hasDigit(line) && (strings.Contains(line, "€") || hasFoldASCII(line, "eur")) {
		line = reAmount.ReplaceAllStringFunc(line, speakAmount)
	}
	if !en && (strings.IndexByte(line, '-') >= 0 || strings.Contains(line, "–")) {
		line = reWeekdays.ReplaceAllStringFunc(line, func(m string) string {
			p := reWeekdays.FindStringSubmatch(m)
			return weekdaysDE[p[1]] + " bis " + weekdaysDE[p[2]]
		})
	}
	to := " bis "
	if en {
		to = " to "
	}
	if mayBeRange(line) {
		line = reRange.ReplaceAllString(line, "$1"+to+"$2")
	}
	line = speakBrackets(line, en)

	switch {
	case !strings.ContainsAny(line, markupChars):
	case en:
		line = markupWordsEN.Replace(line)
	default:
		line = markupWordsDE.Replace(line)
	}
	line = strings.TrimSpace(collapseSpaces(line))
	if spaceBeforePunct(line) {
		line = reSpacePct.ReplaceAllString(line, "$1")
	}
	line = strings.TrimLeft(line, ",;:–- ")
	if line == "" || !hasLetterOrDigit(line) {
		return ""
	}
	switch last, _ := utf8.DecodeLastRuneInString(line); last {
	case '.', '!', '?', '…':
	case ':', ',', ';':
		line = line[:len(line)-1] + "."
	default:
		line += "."
	}
	return line
}

// speakBrackets says what a reader sees in brackets without them: a cited
// section becomes "zum Thema Kosten" ("about Costs"), "im Abschnitt X"
// becomes "unter X", the word "Abschnitt" becomes "Teil", and any other
// bracketed aside is set off by commas.
func speakBrackets(line string, en bool) string {
	switch {
	case en:
		if strings.IndexByte(line, '(') >= 0 {
			line = reSectionEN.ReplaceAllString(line, " about $1")
		}
	case strings.Contains(line, "Abschnitt"):
		if parenBefore(line, "Abschnitt") {
			line = reSectionDE.ReplaceAllString(line, " zum Thema $1")
		}
		if strings.Contains(line, "Abschnitt") {
			line = reInSection.ReplaceAllString(line, "unter ")
		}
		if strings.Contains(line, "Abschnitt") {
			line = reAbschnitt.ReplaceAllString(line, "Teil$1")
		}
	}
	for range 4 { // nested brackets, innermost first
		if !strings.ContainsAny(line, "([") {
			break
		}
		next := reParen.ReplaceAllString(line, ", $1,")
		if next == line {
			break
		}
		line = next
	}
	line = bracketChars.Replace(line)
	for {
		if strings.IndexByte(line, ',') < 0 {
			return strings.TrimSuffix(strings.TrimSpace(line), ",")
		}
		next := reCommaPct.ReplaceAllString(line, "$1")
		if next == line {
			return strings.TrimSuffix(strings.TrimSpace(line), ",")
		}
		line = next
	}
}

// mayBeRange reports whether s may hold a range of numbers (reRange): a
// dash with a digit at most two bytes before and after it.
func mayBeRange(s string) bool {
	for i := 0; i < len(s); i++ {
		n := 0
		switch {
		case s[i] == '-':
			n = 1
		case strings.HasPrefix(s[i:], "–"):
			n = len("–")
		default:
			continue
		}
		if hasDigit(s[max(0, i-2):i]) && hasDigit(s[i+n:min(len(s), i+n+2)]) {
			return true
		}
	}
	return false
}

// parenBefore reports whether word follows an opening bracket, with white
// space between them or not, somewhere in s (reSectionDE).
func parenBefore(s, word string) bool {
	for i := strings.IndexByte(s, '('); i >= 0; {
		j := i + 1
		for j < len(s) && isSpaceByte(s[j]) {
			j++
		}
		if strings.HasPrefix(s[j:], word) {
			return true
		}
		k := strings.IndexByte(s[i+1:], '(')
		if k < 0 {
			return false
		}
		i += 1 + k
	}
	return false
}

// spaceBeforePunct reports whether s has white space right before a
// punctuation mark (reSpacePct).
func spaceBeforePunct(s string) bool {
	for i := 1; i < len(s); i++ {
		if strings.IndexByte(".,;:!?", s[i]) >= 0 && isSpaceByte(s[i-1]) {
			return true
		}
	}
	return false
}

// collapseSpaces replaces every run of white space (as `\s` matches it:
// tab, newline, form feed, carriage return, blank) with one blank.
func collapseSpaces(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if isSpaceByte(s[i]) && (s[i] != ' ' || i+1 < len(s) && isSpaceByte(s[i+1])) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if !isSpaceByte(s[i]) {
			b.WriteByte(s[i])
			continue
		}
		b.WriteByte(' ')
		for i+1 < len(s) && isSpaceByte(s[i+1]) {
			i++
		}
	}
	return b.String()
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func hasLetterOrDigit(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// speakEmail reads an e-mail address so that it can be written down:
// "buergerbuero@musterstadt.example" → "buergerbuero, ät-Zeichen,
// musterstadt Punkt example" ("…, at, musterstadt dot example"), with
// dashes and underscores named. "ät" is written as it is said: German
// voices read "at" as in "Atlas".
func speakEmail(m string, en bool) string {
	words, at := emailWordsDE, ", ät-Zeichen, "
	if en {
		words, at = emailWordsEN, ", at, "
	}
	local, domain, _ := strings.Cut(m, "@")
	return words.Replace(local) + at + words.Replace(domain)
}

// spellTicket spells "LOT-42" as "L O T, 4 2": letters one by one, then
// the digits one by one in groups of at most four.
func spellTicket(m string) string {
	p := reTicket.FindStringSubmatch(m)
	parts := []string{spaced(p[1])}
	digits := p[2]
	if len(digits) <= 4 {
		parts = append(parts, spaced(digits))
	} else {
		for len(digits) > 0 {
			n := min(3, len(digits))
			parts = append(parts, spaced(digits[:n]))
			digits = digits[n:]
		}
	}
	return strings.Join(parts, ", ")
}

func spaced(s string) string {
	return strings.Join(strings.Split(s, ""), " ")
}

// speakPhone reads a phone number block by block, each block in pairs of
// digits ("0123 456-100" → "01 23, 4 56, 1 00"). A match with fewer than
// six digits is not a phone number and stays as it is.
func speakPhone(m string) string {
	n := 0
	for _, r := range m {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	if n < 6 {
		return m
	}
	plus := strings.HasPrefix(m, "+")
	blocks := strings.FieldsFunc(m, func(r rune) bool { return r < '0' || r > '9' })
	var out []string
	for i, b := range blocks {
		if i == 0 && plus {
			out = append(out, "plus "+spaced(b))
			continue
		}
		out = append(out, pairs(b))
	}
	return strings.Join(out, ", ")
}

// pairs groups digits in pairs from the right: "456" → "4 56".
func pairs(d string) string {
	var g []string
	if len(d)%2 == 1 {
		g = append(g, d[:1])
		d = d[1:]
	}
	for ; len(d) > 0; d = d[2:] {
		g = append(g, d[:2])
	}
	return strings.Join(g, " ")
}

// speakAmount turns "37,00 Euro" into "37 Euro", "37,50 €" into "37 Euro 50"
// and "0,50 Euro" into "50 Cent". Numbers without a currency stay as they
// are.
func speakAmount(m string) string {
	p := reAmount.FindStringSubmatch(m)
	if p[1] == "" && p[4] == "" {
		return m
	}
	euros := strings.ReplaceAll(p[2], ".", "")
	cents := p[3]
	if strings.HasPrefix(cents, "-") {
		cents = ""
	}
	c, _ := strconv.Atoi(cents)
	e, _ := strconv.Atoi(euros)
	switch {
	case c == 0:
		return strconv.Itoa(e) + " Euro"
	case e == 0:
		return strconv.Itoa(c) + " Cent"
	}
	return strconv.Itoa(e) + " Euro " + strconv.Itoa(c)
}

// speakDate turns "14.06." into "14. Juni" and "14.06.2026" into
// "14. Juni 2026" ("14 June 2026" in English). A day.month pair without a
// year needs a two-digit month ("14.06."), so that numbered sections
// ("3.2.") are left alone; an impossible date stays as it is.
func speakDate(m string, en bool) string {
	p := reDate.FindStringSubmatch(m)
	d, _ := strconv.Atoi(p[1])
	mo, _ := strconv.Atoi(p[2])
	if d < 1 || d > 31 || mo < 1 || mo > 12 || (p[3] == "" && len(p[2]) != 2) {
		return m
	}
	year := p[3]
	if len(year) == 2 {
		year = "20" + year
	}
	var s string
	if en {
		s = strconv.Itoa(d) + " " + monthsEN[mo-1]
	} else {
		s = strconv.Itoa(d) + ". " + monthsDE[mo-1]
	}
	if year != "" {
		s += " " + year
	}
	return s
}

// speakTime turns "8:30 Uhr" into "8 Uhr 30" and "12:00" into "12 Uhr".
// English times stay as they are; TTS engines read "8:30" well.
func speakTime(m string, en bool) string {
	if en {
		return m
	}
	p := reTime.FindStringSubmatch(m)
	h, _ := strconv.Atoi(p[1])
	mi, _ := strconv.Atoi(p[2])
	if h > 24 || mi > 59 {
		return m
	}
	if mi == 0 {
		return strconv.Itoa(h) + " Uhr"
	}
	return strconv.Itoa(h) + " Uhr " + strconv.Itoa(mi)
}

// abbreviations end with a dot that does not end a sentence.
var abbreviations = map[string]bool{
	"z.": true, "b.": true, "bzw.": true, "ca.": true, "nr.": true, "str.": true,
	"usw.": true, "dr.": true, "tel.": true, "vgl.": true, "ggf.": true, "inkl.": true,
	"evtl.": true, "u.": true, "a.": true, "d.": true, "h.": true, "max.": true,
	"min.": true, "mo.": true, "di.": true, "mi.": true, "do.": true, "fr.": true,
	"sa.": true, "so.": true, "e.g.": true, "i.e.": true, "etc.": true, "abs.": true,
	"s.": true, "zzgl.": true, "allg.": true, "geb.": true, "mr.": true, "mrs.": true,
}

// splitSentences splits one line after '.', '!' or '?' followed by a
// space, except after ordinal numbers ("14. Juni") and abbreviations.
func splitSentences(line string) []string {
	var out []string
	words := strings.Fields(line)
	start := 0
	for i, w := range words {
		last, _ := utf8.DecodeLastRuneInString(w)
		if i == len(words)-1 || (last != '.' && last != '!' && last != '?' && last != '…') {
			continue
		}
		if last == '.' {
			core := strings.TrimLeft(w, "(„\"")
			if r, _ := utf8.DecodeRuneInString(core); abbreviations[strings.ToLower(core)] || (utf8.RuneCountInString(core) == 2 && unicode.IsLetter(r)) {
				continue
			}
			if isDigits(strings.TrimSuffix(core, ".")) && ordinalContext(words[i+1]) {
				continue
			}
		}
		out = append(out, strings.Join(words[start:i+1], " "))
		start = i + 1
	}
	if start < len(words) {
		out = append(out, strings.Join(words[start:], " "))
	}
	return out
}

// ordinalContext reports whether next, the word after "14.", makes the
// number an ordinal: a month name or a word that does not start a sentence.
func ordinalContext(next string) bool {
	for i := range monthsDE {
		if next == monthsDE[i] || next == monthsEN[i] {
			return true
		}
	}
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(r) || unicode.IsDigit(r)
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Twilio's limits for <Gather hints>: at most 500 entries of at most 100
// characters each.
const (
	maxHints     = 500
	maxHintRunes = 100
)

// HintList cleans speech-recognition hints: commas and punctuation are
// dropped, spaces collapsed, entries cut to 100 characters at a word
// boundary, empty entries and duplicates (ignoring case) removed, and the
// list cut to 500 entries.
func HintList(titles []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range titles {
		t = strings.Map(func(r rune) rune {
			switch {
			case unicode.IsLetter(r), unicode.IsDigit(r), r == '-', r == '\'':
				return r
			}
			return ' '
		}, t)
		t = strings.Join(strings.Fields(t), " ")
		for utf8.RuneCountInString(t) > maxHintRunes {
			i := strings.LastIndexByte(t, ' ')
			if i <= 0 {
				t = string([]rune(t)[:maxHintRunes])
				break
			}
			t = t[:i]
		}
		k := strings.ToLower(t)
		if t == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, t)
		if len(out) == maxHints {
			break
		}
	}
	return out
}

// hintMemo remembers the last hint list a renderer cleaned. A dialog hands
// every gather the same list for a minute (Dialog.hints), so a renderer
// cleans and joins it once instead of on every webhook.
type hintMemo struct {
	mu     sync.Mutex
	src    []string // a copy of the list last given
	joined string   // Hints(src)
}

// hints returns Hints(h).
func (m *hintMemo) hints(h []string) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.src != nil && slices.Equal(m.src, h) {
		return m.joined
	}
	m.src, m.joined = slices.Clone(h), Hints(h)
	if m.src == nil {
		m.src = []string{}
	}
	return m.joined
}

// Hints returns HintList(titles) as Twilio's comma-separated hints value.
func Hints(titles []string) string {
	return strings.Join(HintList(titles), ", ")
}
