// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// Facts written in words: numbers ("zehn", "twenty-one"), durations ("drei
// Wochen", "21 Tage"), dates with month names ("14. Juni 2026") and
// weekdays. The vocabulary is general German and English.

// wordToken is a word or a digit group of a text with its place.
type wordToken struct {
	text       string // as written
	folded     string // fold(text)
	start, end int
}

// wordTokenRE finds words, digit groups (with their separators) and
// dashes, the pieces the word-level claim finders look at.
var wordTokenRE = regexp.MustCompile(`[\p{L}]+|\d+(?:[.,:]\d+)*|[-–]`)

func wordTokens(s string) []wordToken {
	var out []wordToken
	for _, loc := range wordTokenRE.FindAllStringIndex(s, -1) {
		t := s[loc[0]:loc[1]]
		out = append(out, wordToken{text: t, folded: fold(t), start: loc[0], end: loc[1]})
	}
	return out
}

// Number words below twenty, the tens and the multipliers, folded.
var (
	unitWords = map[string]int{
		"null": 0, "eins": 1, "zwei": 2, "zwo": 2, "drei": 3, "vier": 4, "fuenf": 5, "sechs": 6,
		"sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwoelf": 12, "dreizehn": 13,
		"vierzehn": 14, "fuenfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
		// The genitive of statutes: "innerhalb dreier Tage", "binnen
		// zweier Wochen".
		"zweier": 2, "dreier": 3,
		"zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
		"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
		"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	}
	tensWords = map[string]int{
		"zwanzig": 20, "dreissig": 30, "vierzig": 40, "fuenfzig": 50, "sechzig": 60, "siebzig": 70,
		"achtzig": 80, "neunzig": 90,
		"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
		"eighty": 80, "ninety": 90,
	}
	// articleOne are the words for "one" that are mostly articles; they
	// count as a number only before a unit ("ein Jahr").
	articleOne = map[string]bool{
		"ein": true, "eine": true, "einen": true, "einem": true, "einer": true, "eines": true,
		"one": true, "a": true, "an": true,
	}
)

// germanNumber reads a folded German number word up to 999 999
// ("einundzwanzig", "zweihundertfuenfzig", "dreitausend").
func germanNumber(w string) (int, bool) {
	if w == "" {
		return 0, false
	}
	if i := strings.Index(w, "tausend"); i >= 0 {
		hi := 1
		if i > 0 {
			v, ok := germanBelow1000(w[:i])
			if !ok {
				return 0, false
			}
			hi = v
		}
		lo := 0
		if rest := w[i+len("tausend"):]; rest != "" {
			v, ok := germanBelow1000(rest)
			if !ok {
				return 0, false
			}
			lo = v
		}
		return hi*1000 + lo, true
	}
	return germanBelow1000(w)
}

func germanBelow1000(w string) (int, bool) {
	total := 0
	if i := strings.Index(w, "hundert"); i >= 0 {
		h := 1
		if i > 0 {
			v, ok := germanUnit(w[:i])
			if !ok || v > 9 {
				return 0, false
			}
			h = v
		}
		total = h * 100
		w = w[i+len("hundert"):]
		if w == "" {
			return total, true
		}
		w = strings.TrimPrefix(w, "und")
	}
	if v, ok := germanUnit(w); ok {
		return total + v, true
	}
	if v, ok := tensWords[w]; ok {
		return total + v, true
	}
	if u, t, ok := strings.Cut(w, "und"); ok {
		uv, ok1 := germanUnit(u)
		tv, ok2 := tensWords[t]
		if ok1 && ok2 && uv > 0 && uv < 10 {
			return total + tv + uv, true
		}
	}
	return 0, false
}

func germanUnit(w string) (int, bool) {
	if w == "ein" {
		return 1, true
	}
	v, ok := unitWords[w]
	return v, ok
}

// isEnglishTens reports "twenty" … "ninety".
func isEnglishTens(w string) bool {
	switch w {
	case "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety":
		return true
	}
	return false
}

// spelledNumber is a number written in words at toks[i:end].
type spelledNumber struct {
	value      int
	start, end int // token indexes
	article    bool
}

// numberWordAt reads a number word at toks[i]: German compounds, English
// "twenty one" (folded from "twenty-one"), "hundred" and "thousand".
func numberWordAt(toks []wordToken, i int) (spelledNumber, bool) {
	w := toks[i].folded
	if articleOne[w] {
		return spelledNumber{value: 1, start: i, end: i + 1, article: true}, true
	}
	englishNext := i+1 < len(toks) && (toks[i+1].folded == "hundred" || toks[i+1].folded == "thousand")
	if !isEnglishTens(w) && !englishNext {
		// German writes a number as one word; English tens continue
		// ("twenty one", "twenty-one").
		if v, ok := germanNumber(w); ok {
			return spelledNumber{value: v, start: i, end: i + 1}, true
		}
	}
	v, ok := tensWords[w]
	if !ok {
		v, ok = unitWords[w]
	}
	if !ok {
		return spelledNumber{}, false
	}
	end := i + 1
	if v >= 20 && v%10 == 0 && end < len(toks) {
		next := end
		if toks[next].folded == "" && next+1 < len(toks) { // "twenty-one"
			next++
		}
		if u, ok := unitWords[toks[next].folded]; ok && u > 0 && u < 10 {
			v += u
			end = next + 1
		} else if toks[next].folded == "one" {
			v++
			end = next + 1
		}
	}
	if end < len(toks) && (toks[end].folded == "hundred" || toks[end].folded == "thousand") {
		if toks[end].folded == "hundred" {
			v *= 100
		} else {
			v *= 1000
		}
		end++
	}
	return spelledNumber{value: v, start: i, end: end}, true
}

// durationUnits maps folded unit words to a unit name.
var durationUnits = map[string]string{
	"tag": "day", "tage": "day", "tagen": "day", "tages": "day", "tags": "day",
	"kalendertag": "day", "kalendertage": "day", "kalendertagen": "day",
	"werktag": "workday", "werktage": "workday", "werktagen": "workday",
	"arbeitstag": "workday", "arbeitstage": "workday", "arbeitstagen": "workday",
	"woche": "week", "wochen": "week",
	"monat": "month", "monate": "month", "monaten": "month", "monats": "month",
	"jahr": "year", "jahre": "year", "jahren": "year", "jahres": "year",
	"stunde": "hour", "stunden": "hour",
	"minute": "minute", "minuten": "minute",
	"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
	"year": "year", "years": "year", "hour": "hour", "hours": "hour", "minutes": "minute",
	"workday": "workday", "workdays": "workday",
}

// rangeWords join the numbers of a range ("4 bis 6 Wochen").
var rangeWords = map[string]bool{"bis": true, "oder": true, "und": true, "to": true, "or": true, "and": true, "": true}

// englishWorkday reports "business days" and "working days".
func englishWorkday(toks []wordToken, i int) bool {
	w := toks[i].folded
	return (w == "business" || w == "working") && i+1 < len(toks) && (toks[i+1].folded == "day" || toks[i+1].folded == "days")
}

// duration is a number with a time unit.
type duration struct {
	value      float64
	unit       string
	start, end int // byte offsets in the text
}

func (d duration) keys() []string {
	v := strconv.FormatFloat(d.value, 'f', -1, 64)
	out := []string{"dur:" + d.unit + ":" + v}
	switch d.unit {
	case "week":
		out = append(out, "dur:day:"+strconv.FormatFloat(d.value*7, 'f', -1, 64))
	case "day":
		if w := d.value / 7; w == float64(int(w)) && w > 0 {
			out = append(out, "dur:week:"+strconv.FormatFloat(w, 'f', -1, 64))
		}
	case "year":
		out = append(out, "dur:month:"+strconv.FormatFloat(d.value*12, 'f', -1, 64))
	case "month":
		if y := d.value / 12; y == float64(int(y)) && y > 0 {
			out = append(out, "dur:year:"+strconv.FormatFloat(y, 'f', -1, 64))
		}
	}
	return out
}

// tokenNumber reads the number at toks[i], in digits or words; with
// intl also in the number words of the five other answer languages.
func tokenNumber(toks []wordToken, i int, intl bool) (value float64, end int, article, ok bool) {
	t := toks[i]
	if t.text != "" && unicode.IsDigit(rune(t.text[0])) {
		groups := strings.FieldsFunc(t.text, func(r rune) bool { return r == '.' || r == ',' || r == ':' })
		seps := strings.Map(func(r rune) rune {
			if r == '.' || r == ',' || r == ':' {
				return r
			}
			return -1
		}, t.text)
		v, ok := parseAmount(t.text, seps, groups)
		return v, i + 1, false, ok
	}
	if n, ok := numberWordAt(toks, i); ok {
		return float64(n.value), n.end, n.article, true
	}
	if intl {
		if v, ok := numberWordsIntl[toks[i].folded]; ok {
			return float64(v), i + 1, false, true
		}
	}
	return 0, 0, false, false
}

// findDurations returns the durations of s. A range carries the unit of
// its last number: "4 bis 6 Wochen" is 4 weeks and 6 weeks.
func findDurations(s string) []duration { return findDurationsIn(s, false) }

// findDurationsIn is findDurations for an answer; with intl it also reads
// the units, number words, range words and working days of Turkish,
// Arabic, Ukrainian, Russian and Polish (claims_intl.go).
func findDurationsIn(s string, intl bool) []duration {
	toks := wordTokens(s)
	var out []duration
	isRange := func(w string) bool { return rangeWords[w] || (intl && rangeWordsIntl[w]) }
	for i := 0; i < len(toks); {
		if intl {
			if u, ok := dualUnits[toks[i].text]; ok {
				out = append(out, duration{value: 2, unit: u, start: toks[i].start, end: toks[i].end})
				i++
				continue
			}
		}
		v, end, _, ok := tokenNumber(toks, i, intl)
		if !ok {
			i++
			continue
		}
		// Collect a range: number (bis|-|oder) number ...
		vals := []float64{v}
		starts := []int{toks[i].start}
		ends := []int{toks[end-1].end}
		j := end
		for j+1 < len(toks) && isRange(toks[j].folded) {
			v2, e2, art, ok := tokenNumber(toks, j+1, intl)
			if !ok || art {
				break
			}
			vals = append(vals, v2)
			starts = append(starts, toks[j+1].start)
			ends = append(ends, toks[e2-1].end)
			j = e2
		}
		unit := ""
		uend := 0
		if j < len(toks) {
			if englishWorkday(toks, j) {
				unit, uend = "workday", toks[j+1].end
			} else if u, ok := unitOf(toks[j].folded, intl); ok {
				unit, uend = u, toks[j].end
			} else if intl && workdayWords[toks[j].folded] && j+1 < len(toks) {
				// "3 робочі дні", "3 iş günü"
				if u, _ := unitOf(toks[j+1].folded, true); u == "day" {
					unit, uend = "workday", toks[j+1].end
				}
			}
			if intl && unit == "day" && j+1 < len(toks) && workdayWords[toks[j+1].folded] {
				unit, uend = "workday", toks[j+1].end // "3 dni robocze", "3 أيام عمل"
			}
		}
		if unit == "" {
			i = end
			continue
		}
		for k := range vals {
			e := ends[k]
			if k == len(vals)-1 {
				e = uend
			}
			out = append(out, duration{value: vals[k], unit: unit, start: starts[k], end: e})
		}
		i = j + 1
	}
	return out
}

// spelledNumbers returns the numbers written in words in s that are not
// part of a duration, without articles.
func spelledNumbers(s string) []fact {
	toks := wordTokens(s)
	var out []fact
	for i := 0; i < len(toks); {
		n, ok := numberWordAt(toks, i)
		if !ok || toks[i].text == "" || unicode.IsDigit(rune(toks[i].text[0])) {
			i++
			continue
		}
		if !n.article {
			out = append(out, fact{key: num(float64(n.value)), start: toks[n.start].start, end: toks[n.end-1].end})
		}
		i = n.end
	}
	return out
}

// months maps folded month names (German and English, with common
// abbreviations) to their number.
var months = map[string]int{
	"januar": 1, "jaenner": 1, "februar": 2, "maerz": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
	"august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
	"january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "october": 10, "december": 12,
	"jan": 1, "feb": 2, "mrz": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"okt": 10, "oct": 10, "nov": 11, "dez": 12, "dec": 12,
}

// dayMonthRE finds "14. Juni 2026" and "1. Jan."; monthDayRE finds
// "June 14, 2026".
var (
	dayMonthRE = regexp.MustCompile(`\b(\d{1,2})\.?\s+(\p{L}+)\b\.?(?:\s+(\d{4}))?`)
	monthDayRE = regexp.MustCompile(`\b(\p{L}+)\s+(\d{1,2})(?:st|nd|rd|th)?\b,?(?:\s+(\d{4}))?`)
)

// monthDates returns date keys for dates written with a month name.
func monthDates(s string, source bool) []fact {
	var out []fact
	ms := dayMonthRE.FindAllStringSubmatchIndex(s, -1)
	for _, m := range monthDayRE.FindAllStringSubmatchIndex(s, -1) {
		// Swap month and day into the order of dayMonthRE.
		ms = append(ms, []int{m[0], m[1], m[4], m[5], m[2], m[3], m[6], m[7]})
	}
	for _, m := range ms {
		get := func(k int) string {
			if m[2*k] < 0 {
				return ""
			}
			return s[m[2*k]:m[2*k+1]]
		}
		day, month, year := get(1), get(2), get(3)
		mo, ok := months[fold(month)]
		d, _ := strconv.Atoi(day)
		if !ok || d < 1 || d > 31 {
			continue
		}
		f := fact{start: m[0], end: m[1]}
		if year != "" {
			y, _ := strconv.Atoi(year)
			f.key = dateKey(d, mo, y)
			out = append(out, f)
			if source {
				out = append(out, fact{key: dayMonthKey(d, mo), start: m[0], end: m[1]})
			}
			continue
		}
		f.key = dayMonthKey(d, mo)
		out = append(out, f)
	}
	return out
}

// weekdays maps folded weekday names and abbreviations to 1 (Monday) .. 7.
var weekdays = map[string]int{
	"montag": 1, "dienstag": 2, "mittwoch": 3, "donnerstag": 4, "freitag": 5, "samstag": 6, "sonnabend": 6, "sonntag": 7,
	"montags": 1, "dienstags": 2, "mittwochs": 3, "donnerstags": 4, "freitags": 5, "samstags": 6, "sonntags": 7,
	"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
	"mondays": 1, "tuesdays": 2, "wednesdays": 3, "thursdays": 4, "fridays": 5, "saturdays": 6, "sundays": 7,
}

// weekdayAbbrev are abbreviations that count only in a source, where
// "Mo–Fr" is common; in an answer "Mo" or "Sa" is too ambiguous to check.
var weekdayAbbrev = map[string]int{"mo": 1, "di": 2, "mi": 3, "do": 4, "fr": 5, "sa": 6, "so": 7}

// weekdayMentions returns the weekdays of s with their places. For a
// source, ranges ("Montag bis Freitag", "Mo–Fr") mention every day between.
func weekdayMentions(s string, source bool) []fact {
	toks := wordTokens(s)
	var out []fact
	day := func(i int) (int, bool) {
		if d, ok := weekdays[toks[i].folded]; ok {
			return d, true
		}
		if source {
			d, ok := weekdayAbbrev[toks[i].folded]
			return d, ok
		}
		return 0, false
	}
	for i := range toks {
		d, ok := day(i)
		if !ok {
			continue
		}
		out = append(out, fact{key: "wd:" + strconv.Itoa(d), start: toks[i].start, end: toks[i].end})
		if source && i+2 < len(toks) && (toks[i+1].folded == "bis" || toks[i+1].folded == "" || toks[i+1].folded == "to") {
			if e, ok := day(i + 2); ok && e > d {
				for k := d + 1; k < e; k++ {
					out = append(out, fact{key: "wd:" + strconv.Itoa(k), start: toks[i].start, end: toks[i+2].end})
				}
			}
		}
	}
	return out
}
