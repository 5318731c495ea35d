// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The placeholders Redact puts in place of personal data. They contain no
// digits and match none of the patterns, so redacting twice changes nothing.
const (
	placeholderEmail     = "[E-MAIL]"
	placeholderPhone     = "[TELEFON]"
	placeholderIBAN      = "[IBAN]"
	placeholderTaxID     = "[STEUER-ID]"
	placeholderIDCard    = "[AUSWEISNR]"
	placeholderPlate     = "[KENNZEICHEN]"
	placeholderBirthDate = "[GEBURTSDATUM]"
)

// Redact replaces personal data in s by typed placeholders before the text
// reaches a model or a log: e-mail addresses ([E-MAIL]), phone numbers
// ([TELEFON], also "+49 (30) 1234 567"), IBANs with a valid mod-97 checksum
// and IBAN-shaped numbers that fail it — typos, halves — when written in
// groups, at full length or near a word like "IBAN" ([IBAN]), German tax
// IDs with a valid check digit ([STEUER-ID]), serial numbers of German ID
// cards and passports ([AUSWEISNR]), German licence plates ([KENNZEICHEN]),
// dates of birth ([GEBURTSDATUM]), street addresses with a house number and
// an optional postcode and town ([ADRESSE]), and names after "mein Name
// ist", "ich heiße", "ich bin", "Herr", "Frau" and the like ([NAME]; the cue
// stays, see redactNames for what is not taken for a name).
//
// Redact errs on the side of the citizen: a number that looks like a phone
// number is removed even if it is something else, but numbers whose checksum
// fails are not tax IDs and stay. Redact is idempotent:
// Redact(Redact(s)) == Redact(s).
func Redact(s string) string {
	// Each pass removes at least one character that is not part of a
	// placeholder, and placeholders never match, so this terminates; a
	// second pass is only needed when a replacement exposed a new match.
	for range 8 {
		r := redactOnce(s)
		if r == s {
			return r
		}
		s = r
	}
	return s
}

func redactOnce(s string) string {
	// Everything but e-mail addresses and names contains a digit.
	if strings.IndexFunc(s, unicode.IsDigit) < 0 {
		if strings.Contains(s, "@") {
			s = redactEmails(s)
		}
		return redactNames(s)
	}
	s = redactIBANs(s)
	s = redactIBANShapes(s)
	s = redactEmails(s)
	s = redactTaxIDs(s)
	s = redactBirthDates(s)
	s = redactPlates(s)
	s = redactIDCards(s)
	s = redactPhones(s)
	s = redactAddresses(s)
	s = redactNames(s)
	return s
}

// scanReplace replaces matches of re in s. For each leftmost match, repl
// decides: it returns the end of the text to replace (which may be shorter
// than the match) and the replacement, or ok=false, in which case the scan
// resumes one rune after the match's start, so that a failed candidate
// never hides a real one inside it.
func scanReplace(s string, re *regexp.Regexp, repl func(s string, loc []int) (end int, r string, ok bool)) string {
	var b strings.Builder
	last, i := 0, 0
	for i < len(s) {
		loc := re.FindStringSubmatchIndex(s[i:])
		if loc == nil {
			break
		}
		for k := range loc {
			if loc[k] >= 0 {
				loc[k] += i
			}
		}
		end, r, ok := repl(s, loc)
		if !ok || end <= loc[0] {
			_, size := utf8.DecodeRuneInString(s[loc[0]:])
			i = loc[0] + size
			continue
		}
		b.WriteString(s[last:loc[0]])
		b.WriteString(r)
		last, i = end, end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// replaceMatches replaces every match of re that stands alone (the rune
// before and after it is not a letter or digit; Go's \b knows only ASCII)
// and for which repl returns ok. m holds the match and its groups.
func replaceMatches(s string, re *regexp.Regexp, repl func(m []string) (string, bool)) string {
	return scanReplace(s, re, func(s string, loc []int) (int, string, bool) {
		if !standsAlone(s, loc[0], loc[1]) {
			return 0, "", false
		}
		m := make([]string, len(loc)/2)
		for k := range m {
			if loc[2*k] >= 0 {
				m[k] = s[loc[2*k]:loc[2*k+1]]
			}
		}
		r, ok := repl(m)
		return loc[1], r, ok
	})
}

// replaceMatchesAt is replaceMatches whose repl also sees up to 40 bytes
// of text before the match.
func replaceMatchesAt(s string, re *regexp.Regexp, repl func(m []string, before string) (string, bool)) string {
	return scanReplace(s, re, func(s string, loc []int) (int, string, bool) {
		if !standsAlone(s, loc[0], loc[1]) {
			return 0, "", false
		}
		m := make([]string, len(loc)/2)
		for k := range m {
			if loc[2*k] >= 0 {
				m[k] = s[loc[2*k]:loc[2*k+1]]
			}
		}
		r, ok := repl(m, s[max(0, loc[0]-40):loc[0]])
		return loc[1], r, ok
	})
}

// lazyMatch returns a function that reports whether re matches s,
// evaluating it at most once and only when asked.
func lazyMatch(re *regexp.Regexp, s string) func() bool {
	done, matched := false, false
	return func() bool {
		if !done {
			done, matched = true, re.MatchString(s)
		}
		return matched
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func standsAlone(s string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:start])
		if isWordRune(r) {
			return false
		}
	}
	if end < len(s) {
		r, _ := utf8.DecodeRuneInString(s[end:])
		if isWordRune(r) {
			return false
		}
	}
	return true
}

// --- e-mail ---

var emailRE = regexp.MustCompile(`[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}`)

func redactEmails(s string) string {
	if !strings.Contains(s, "@") {
		return s
	}
	return emailRE.ReplaceAllString(s, placeholderEmail)
}

// --- IBAN ---

// ibanCandidateRE finds a country code, check digits and up to 30 more
// alphanumerics, optionally grouped by single spaces. The candidate may be
// longer than the IBAN (a word after it); redactIBANs tries prefixes.
var ibanCandidateRE = regexp.MustCompile(`(?i)[a-z]{2}[0-9]{2}(?: ?[a-z0-9]){11,30}`)

// ibanLengths holds the IBAN length of the countries we check exactly;
// other countries accept any length from 15 to 34.
var ibanLengths = map[string]int{
	"AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24,
	"DE": 22, "DK": 18, "EE": 20, "ES": 24, "FI": 18, "FR": 27, "GB": 22,
	"GR": 27, "HR": 21, "HU": 28, "IE": 22, "IS": 26, "IT": 27, "LI": 21,
	"LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18, "NO": 15,
	"PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27,
	"TR": 26, "UA": 29,
}

func redactIBANs(s string) string {
	return scanReplace(s, ibanCandidateRE, func(s string, loc []int) (int, string, bool) {
		start := loc[0]
		if start > 0 {
			if r, _ := utf8.DecodeLastRuneInString(s[:start]); isWordRune(r) {
				return 0, "", false
			}
		}
		// The candidate may run into the next word ("… 00 BIC"): take the
		// longest prefix that is a valid IBAN and stands alone.
		for e := loc[1]; e > start; e-- {
			if s[e-1] == ' ' || !standsAlone(s, start, e) {
				continue
			}
			if validIBAN(s[start:e]) {
				return e, placeholderIBAN, true
			}
		}
		return 0, "", false
	})
}

// validIBAN reports whether s (spaces allowed, any case) is an IBAN with a
// valid ISO 7064 mod-97 checksum and, for countries we know, the right
// length.
func validIBAN(s string) bool {
	compact := strings.ToUpper(strings.ReplaceAll(s, " ", ""))
	if len(compact) < 15 || len(compact) > 34 {
		return false
	}
	for i := 0; i < len(compact); i++ {
		c := compact[i]
		switch {
		case i < 2 && (c < 'A' || c > 'Z'):
			return false
		case i >= 2 && i < 4 && (c < '0' || c > '9'):
			return false
		case (c < 'A' || c > 'Z') && (c < '0' || c > '9'):
			return false
		}
	}
	if n, ok := ibanLengths[compact[:2]]; ok && n != len(compact) {
		return false
	}
	rearranged := compact[4:] + compact[:4]
	rem := 0
	for i := 0; i < len(rearranged); i++ {
		c := rearranged[i]
		if c >= '0' && c <= '9' {
			rem = (rem*10 + int(c-'0')) % 97
			continue
		}
		v := int(c-'A') + 10
		rem = (rem*100 + v) % 97
	}
	return rem == 1
}

// --- tax ID ---

// taxIDRE finds 11 digits, optionally grouped by single spaces
// ("12 345 678 901").
var taxIDRE = regexp.MustCompile(`[1-9](?: ?[0-9]){10}`)

func redactTaxIDs(s string) string {
	return replaceMatches(s, taxIDRE, func(m []string) (string, bool) {
		if !validTaxID(m[0]) {
			return "", false
		}
		return placeholderTaxID, true
	})
}

// validTaxID reports whether s (spaces allowed) is a German tax
// identification number (Steuer-IdNr): 11 digits, the first not 0; in the
// first ten digits exactly one digit occurs twice or three times (three
// times not in three adjacent positions), and the last digit is the ISO
// 7064 MOD 11,10 check digit of the first ten.
func validTaxID(s string) bool {
	d := strings.ReplaceAll(s, " ", "")
	if len(d) != 11 || d[0] == '0' {
		return false
	}
	var counts [10]int
	for i := range 11 {
		if d[i] < '0' || d[i] > '9' {
			return false
		}
		if i < 10 {
			counts[d[i]-'0']++
		}
	}
	repeated := -1
	for digit, n := range counts {
		switch {
		case n <= 1:
		case n <= 3 && repeated < 0:
			repeated = digit
		default:
			return false
		}
	}
	if repeated < 0 {
		return false
	}
	if counts[repeated] == 3 {
		r := byte('0' + repeated)
		for i := 0; i+2 < 10; i++ {
			if d[i] == r && d[i+1] == r && d[i+2] == r {
				return false
			}
		}
	}
	return taxIDCheckDigit(d[:10]) == int(d[10]-'0')
}

// taxIDCheckDigit computes the ISO 7064 MOD 11,10 check digit.
func taxIDCheckDigit(digits string) int {
	product := 10
	for i := 0; i < len(digits); i++ {
		sum := (int(digits[i]-'0') + product) % 10
		if sum == 0 {
			sum = 10
		}
		product = (sum * 2) % 11
	}
	check := 11 - product
	if check == 10 {
		check = 0
	}
	return check
}

// --- dates of birth ---

const monthNames = `jan(?:uar|uary)?|feb(?:ruar|ruary)?|mär(?:z)?|maerz|mar(?:ch)?|apr(?:il)?|mai|may|jun(?:i|e)?|jul(?:i|y)?|aug(?:ust)?|sep(?:t|tember)?|okt(?:ober)?|oct(?:ober)?|nov(?:ember)?|dez(?:ember)?|dec(?:ember)?`

// dateExpr matches the date formats people write after "geboren".
const dateExpr = `(?:[0-9]{1,2}\.[ ]?[0-9]{1,2}\.[ ]?(?:[0-9]{4}|[0-9]{2})` + // 12.03.1985, 1.3.85
	`|[0-9]{1,2}/[0-9]{1,2}/(?:[0-9]{4}|[0-9]{2})` + // 12/03/1985
	`|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}` + // 1985-03-12
	`|[0-9]{1,2}\.?[ ]?(?:` + monthNames + `)\.?[ ]?[0-9]{4}` + // 12. März 1985
	`|(?:` + monthNames + `)\.?[ ]?[0-9]{1,2}(?:st|nd|rd|th)?,?[ ]?[0-9]{4})` // March 12, 1985

var birthDateKeywordRE = regexp.MustCompile(`(?i)(\b(?:geboren|geb\.|geburtsdatum|geburtstag|born|date of birth|birth date|birthday|dob)(?:[ ]*(?:am|on|:|den|the|ist|is|-))*[ ]*)(` + dateExpr + `)`)

// fullDateRE matches dd.mm.yyyy (two-digit day and month); redactBirthDates removes those before 2015
// even without a keyword: they are far more often birthdays than anything
// else a citizen types.
var fullDateRE = regexp.MustCompile(`([0-9]{2})\.([0-9]{2})\.([0-9]{4})`)

// notBirthDateRE finds the words that put a date in a document's context
// rather than a person's: "vom 28.12.2013", "Ausfertigungsdatum: …",
// "Stand: …", "gültig bis …".
var notBirthDateRE = regexp.MustCompile(`(?i)(?:\b(?:vom|von|bis|ab|seit|zum|stand|fassung|i\.d\.f\.)|[a-zäöü]datum:?)\s*$`)

func redactBirthDates(s string) string {
	s = birthDateKeywordRE.ReplaceAllString(s, "${1}"+placeholderBirthDate)
	return replaceMatchesAt(s, fullDateRE, func(m []string, before string) (string, bool) {
		if notBirthDateRE.MatchString(before) {
			return "", false
		}
		day, _ := strconv.Atoi(m[1])
		month, _ := strconv.Atoi(m[2])
		year, _ := strconv.Atoi(m[3])
		if day < 1 || day > 31 || month < 1 || month > 12 || year >= 2015 {
			return "", false
		}
		return placeholderBirthDate, true
	})
}

// --- licence plates ---

// plateRE matches a German licence plate: district code (1-3 letters),
// hyphen or space, 1-2 letters, optional space, 1-4 digits not starting
// with 0, optional E (electric) or H (historic).
var plateRE = regexp.MustCompile(`([A-ZÄÖÜ]{1,3})([- ])([A-Z]{1,2}) ?([1-9][0-9]{0,3})([EH]?)`)

// plateContextRE finds a word that announces a licence plate.
var plateContextRE = regexp.MustCompile(`(?i)(kennzeichen|nummernschild|\bkfz|\bauto\b|\bautos\b|fahrzeug|\bwagen\b|\bpkw|\blkw|parkausweis|parkschein|licen[cs]e plate|number plate|\bcar\b)`)

// plateDistrictList holds common district codes; with a space instead of a
// hyphen ("B AB 123"), a plate is recognised only with one of these codes,
// an E/H suffix or a context word, so that "HP LJ 4000" stays a printer.
const plateDistrictList = "A B C D E F G H K L M N P R S T V W " +
	"AA AC AN AB BA BB BI BN BO BS BT CB CE CO DA DD DE DN DO DU EF EM EN ER ES " +
	"FD FL FR FÜ GE GI GÖ GT HA HB HD HE HF HG HH HL HM HN HO HR IN KA KE KI KL " +
	"KN KO KR KS LA LB LD LG LU MA MD MG MH MI MK MN MR MS MZ NB NE NW OB OD OF OG " +
	"OH OL OS PA PB PF PI PM RA RE RH RO RS RT RV SB SG SI SN ST SU TS TÜ UL UN " +
	"WE WI WN WT WÜ ZW BAD BOR BOT COE DAH DÜW EBE ERH FFB GAP GER GÜT HAM HER " +
	"HSK LDS LEV LOS NEA NOH OHZ REK ROW SAW SLF STA VIE WAF WES WOB"

func isPlateDistrict(code string) bool {
	for f := range strings.FieldsSeq(plateDistrictList) {
		if f == code {
			return true
		}
	}
	return false
}

func redactPlates(s string) string {
	context := lazyMatch(plateContextRE, s)
	return scanReplace(s, plateRE, func(s string, loc []int) (int, string, bool) {
		start, end := loc[0], loc[1]
		// "CC BY-SA 4.0" is a licence, not a plate: the digits may not go
		// on as a decimal number.
		if !standsAlone(s, start, end) || continuesAsNumber(s[end:]) {
			return 0, "", false
		}
		district, sep, suffix := s[loc[2]:loc[3]], s[loc[4]:loc[5]], s[loc[10]:loc[11]]
		if district == "DIN" && sep == " " && end-start == len("DIN A4") {
			// A paper size ("DIN A6"), not a plate.
			return 0, "", false
		}
		if sep == "-" || suffix != "" || isPlateDistrict(district) || context() {
			return end, placeholderPlate, true
		}
		return 0, "", false
	})
}

// continuesAsNumber reports whether rest starts with a decimal separator
// and a digit (".0", ",5").
func continuesAsNumber(rest string) bool {
	return len(rest) >= 2 && (rest[0] == '.' || rest[0] == ',') && rest[1] >= '0' && rest[1] <= '9'
}

// --- ID card and passport serial numbers ---

// idCardRE matches 9 characters of the alphabet of German ID card and
// passport serial numbers (digits and the consonants CFGHJKLMNPRTVWXYZ),
// optionally followed by the check digit.
var idCardRE = regexp.MustCompile(`(?i)[CFGHJKLMNPRTVWXYZ0-9]{9}[0-9]?`)

var idCardContextRE = regexp.MustCompile(`(?i)(ausweis|reisepass|passnummer|pass-nr|pass nr|seriennummer|dokumentennummer|passport|id card|id-card|identity card|document number)`)

func redactIDCards(s string) string {
	context := lazyMatch(idCardContextRE, s)
	return replaceMatches(s, idCardRE, func(m []string) (string, bool) {
		t := strings.ToUpper(m[0])
		startsWithLetter := t[0] >= 'A'
		hasDigit := strings.IndexFunc(t[1:], unicode.IsDigit) >= 0
		switch {
		case len(t) == 10:
			// Serial and check digit. Serials since 2010 start with a
			// letter; older ones are digits and count only after a word
			// like "Ausweis".
			if (startsWithLetter || context()) && idCheckDigit(t[:9]) == int(t[9]-'0') {
				return placeholderIDCard, true
			}
		case startsWithLetter && hasDigit:
			return placeholderIDCard, true
		case !startsWithLetter && strings.IndexFunc(t, unicode.IsLetter) < 0 && context():
			return placeholderIDCard, true
		}
		return "", false
	})
}

// idCheckDigit is the ICAO 9303 check digit: weights 7, 3, 1; letters
// count A=10 … Z=35.
func idCheckDigit(s string) int {
	weights := [3]int{7, 3, 1}
	sum := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		v := 0
		switch {
		case c >= '0' && c <= '9':
			v = int(c - '0')
		case c >= 'A' && c <= 'Z':
			v = int(c-'A') + 10
		}
		sum += v * weights[i%3]
	}
	return sum % 10
}

// --- phone numbers ---

// phoneRE matches a number that starts like a phone number (+CC, 00CC,
// (0…) or 0…) and continues with digits separated by single spaces,
// slashes, dashes or "(0)".
// An area code in brackets after the country code is allowed too
// ("+49 (30) 1234 567", "+44 (20) 7946 0958").
var phoneRE = regexp.MustCompile(`(?:\+[0-9]{1,3}(?:[ ]?\([0-9]{1,5}\))?|00[1-9][0-9]{0,2}|\(0[0-9]{1,5}\)|0[0-9]{1,5})(?:(?:[ ]?[/\-][ ]?|[ ]|[ ]?\(0\)[ ]?)?[0-9]){4,14}`)

// slashDateRE matches a date like 01/01/2011, which phoneRE would take.
var slashDateRE = regexp.MustCompile(`^[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}$`)

func redactPhones(s string) string {
	return scanReplace(s, phoneRE, func(s string, loc []int) (int, string, bool) {
		start, end := loc[0], loc[1]
		if start > 0 {
			// A leading "-", "_", "/" or decimal separator belongs to a key
			// like "INC-0001234" or to a number, not to a phone number.
			r, _ := utf8.DecodeLastRuneInString(s[:start])
			if isWordRune(r) || strings.ContainsRune("-_/.,", r) {
				return 0, "", false
			}
		}
		if end < len(s) {
			if r, _ := utf8.DecodeRuneInString(s[end:]); isWordRune(r) {
				return 0, "", false
			}
		}
		digits := 0
		for _, r := range s[start:end] {
			if r >= '0' && r <= '9' {
				digits++
			}
		}
		if digits < 7 || slashDateRE.MatchString(s[start:end]) || continuesAsNumber(s[end:]) {
			return 0, "", false
		}
		return end, placeholderPhone, true
	})
}
