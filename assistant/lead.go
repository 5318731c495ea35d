// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
	"golang.org/x/text/number"

	"github.com/musterstadt/lotse/knowledge"
)

// Lead facts: what survives translation of a quoted German text — amounts,
// durations, dates, opening hours, phone numbers, links and whether an
// appointment is needed or the service is online — read from the quotes by
// general rules of German and written in the asker's language before the
// quote. Numbers and plurals are formatted by golang.org/x/text; the words
// for units are language data below.

// leadFact is one lead fact: a label of messages and its values in the asker's
// language.
type leadFact struct {
	label  string
	values []string
}

// leadFacts are the facts of quotes qs, in their order of kinds.
type leadFacts struct {
	amounts   []amount
	durations []leadDuration
	dates     []string // ISO 8601
	hoursRaw  []string
	phones    []string
	urls      []string
	termin    int // 1 needed, -1 not needed, 0 not said
	online    int // 1 possible, -1 not possible, 0 not said
}

type amount struct {
	value float64
	cents bool // written with a decimal part
}

type leadDuration struct {
	from, to int // to == 0 for a single number
	unit     string
}

var (
	amountRE = regexp.MustCompile(`(?i)(?:(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}|-{1,2}|–))?\s*(?:€|euro\b|eur\b))|(?:(?:€|eur\b)\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}|-{1,2}|–))?)`)
	// rateRE finds a rate ("12 vom Hundert", "3,5 Prozent", "2 %", "1,5 v. H.").
	rateRE = regexp.MustCompile(`(?i)\d+(?:,\d+)?\s*(?:%|prozent\b|vom\s+hundert\b|v\.\s?h\.|vom\s+tausend\b|promille\b)`)
	// durRE: "4 bis 6 Wochen", "drei bis vier Wochen", "3–5 Werktage",
	// "etwa 3 Werktagen", "einen Monat".
	durRE       = regexp.MustCompile(`(?i)\b(\d{1,3}|` + numWordAlt + `)(?:\s*(?:bis|-|–)\s*(\d{1,3}|` + numWordAlt + `))?\s+(werktag|arbeitstag|tag|woche|monat|jahr|stunde|minute)(?:e|en|n|s|es)?\b`)
	ageBeforeRE = regexp.MustCompile(`(?i)(?:^|[^\pL\d])(?:ab|unter|über|ueber|als|vollendeten|vollendetem|zum|im alter von|bis zum)\s+$`)
	ageAfterRE  = regexp.MustCompile(`^\s*(?:alt|und älter|oder älter|oder jünger)\b`)
	dateRE      = regexp.MustCompile(`\b(\d{1,2})\.\s?(\d{1,2})\.(\d{4})\b|\b(\d{1,2})\.\s?(` + monthAlt + `)\s+(\d{4})\b`)
	// dueDayRE finds a day of a month without its year ("am 15.
	// Februar"), as a statute names a yearly due date.
	dueDayRE    = regexp.MustCompile(`(?i)\b\d{1,2}\.\s?(?:` + monthAlt + `)\b`)
	leadPhoneRE = regexp.MustCompile(`(?i)(?:telefon\w*|tel\.|fon|rufnummer|hotline)\s*(?:unter|:)?\s*((?:\+\d{2,3}\s?(?:\(0\)\s?)?|0)\d{2,5}(?:[ /-]?\d{2,})+)`)
	hoursLineRE = regexp.MustCompile(`(?i)(?:öffnungszeit\w*|sprechzeit\w*|geöffnet)\s*:?\s*(.+)`)
	hoursTokRE  = regexp.MustCompile(`(?i)\b(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)s?\b|\b(mo|di|mi|do|fr|sa|so)\.|(\d{1,2}(?:[:.]\d{2})?)\s*(?:uhr\s*)?(?:bis|-|–)\s*(\d{1,2}(?:[:.]\d{2})?)\s*(?:uhr)?|\b(bis)\b|\b(geschlossen)\b`)

	terminNoRE  = regexp.MustCompile(`(?i)\bohne\s+(?:vorherigen\s+)?termin|\bkein(?:en)?\s+termin\b|\btermin\w*\s+(?:ist\s+)?nicht\s+(?:erforderlich|nötig|notwendig)`)
	terminYesRE = regexp.MustCompile(`(?i)\btermin\w*\s+(?:ist\s+)?(?:unbedingt\s+)?(?:erforderlich|notwendig|nötig|zwingend)|\bnur\s+(?:mit|nach)\s+(?:vorheriger\s+)?(?:termin|terminvereinbarung)|\b(?:benötigen|brauchen)\s+(?:sie\s+)?einen\s+termin`)
	onlineNoRE  = regexp.MustCompile(`(?i)\bnicht\s+online\b|\bkein\w*\s+online|\bonline\s+nicht\b|\bnur\s+persönlich\b|\bausschließlich\s+persönlich\b`)
	onlineYesRE = regexp.MustCompile(`(?i)\bonline\s+(?:beantragen|stellen|erledigen|möglich|verfügbar|einreichen|anmelden|abmelden|ummelden|melden|bestellen|zulassen|ausfüllen)|\bonline\s+(?:an|ab|um)-\s+und\s+\p{L}*melden|\bonline-(?:antrag|dienst|formular|service|verfahren)\w*|\b(?:beantragen|stellen|erledigen|einreichen|bestellen|melden)\s+sie\s+(?:\S+\s+){0,3}online\b`)
)

const numWordAlt = `ein|eine|einen|einem|einer|zwei|drei|vier|fünf|fuenf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwoelf`
const monthAlt = `Januar|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember`

var numWords = map[string]int{"ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4,
	"fünf": 5, "fuenf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwoelf": 12}

var germanMonths = map[string]int{"januar": 1, "februar": 2, "märz": 3, "maerz": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
	"august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12}

var weekdayIndex = map[string]int{"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonntag": 6,
	"mo": 0, "di": 1, "mi": 2, "do": 3, "fr": 4, "sa": 5, "so": 6}

// Bounds of the lead: a few values of each kind.
const (
	maxLeadValues = 6
	maxLeadURLs   = 2
)

func numberOf(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return numWords[strings.ToLower(s)]
}

// readFacts reads the lead facts of text, a German source text.
func readFacts(text string) leadFacts { return readFactsFiltered(text, true) }

// readFactsFiltered is readFacts; with filter, each expression runs only
// when text holds a word every match of it needs (the quoted sections of
// most answers name no fee, date or phone); the words are found in the
// lowered text, which is where a case-insensitive expression finds them,
// except for an "ſ". Without filter every expression runs (the tests
// compare the two).
func readFactsFiltered(text string, filter bool) leadFacts {
	var f leadFacts
	all := !filter
	lower, folds := strings.ToLower(text), strings.ContainsRune(text, 'ſ')
	needs := func(words ...string) bool { return all || mayHold(lower, folds, words...) }
	seenA := map[float64]bool{}
	for _, m := range findAllSubmatch(amountRE, text, all || strings.Contains(text, "€") || needs("eur")) {
		whole, frac := m[1], m[2]
		if whole == "" {
			whole, frac = m[3], m[4]
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(whole, ".", ""), 64)
		if err != nil {
			continue
		}
		a := amount{value: v}
		if n, err := strconv.Atoi(frac); err == nil {
			if len(frac) == 1 {
				n *= 10
			}
			a.value += float64(n) / 100
			a.cents = true
		}
		if !seenA[a.value] && len(f.amounts) < maxLeadValues {
			seenA[a.value] = true
			f.amounts = append(f.amounts, a)
		}
	}
	seenD := map[leadDuration]bool{}
	for _, loc := range findAllSubmatchIndex(durRE, text, all || folds || afterSpace(lower, "werktag", "arbeitstag", "tag", "woche", "monat", "jahr", "stunde", "minute")) {
		m := submatches(text, loc)
		if ageBeforeRE.MatchString(text[:loc[0]]) || ageAfterRE.MatchString(text[loc[1]:]) {
			// "ab 24 Jahren", "Kinder unter 12 Jahren", "18 Jahre alt"
			// are ages, not durations.
			continue
		}
		d := leadDuration{from: numberOf(m[1]), unit: strings.ToLower(m[3])}
		if m[2] != "" {
			d.to = numberOf(m[2])
		}
		if d.from == 0 || (d.to != 0 && d.to <= d.from) {
			continue
		}
		if !seenD[d] && len(f.durations) < maxLeadValues {
			seenD[d] = true
			f.durations = append(f.durations, d)
		}
	}
	seen := map[string]bool{}
	for _, m := range findAllSubmatch(dateRE, text, all || digitDot(text)) {
		var day, month, year int
		if m[1] != "" {
			day, month, year = numberOf(m[1]), numberOf(m[2]), numberOf(m[3])
		} else {
			day, month, year = numberOf(m[4]), germanMonths[strings.ToLower(m[5])], numberOf(m[6])
		}
		if day < 1 || day > 31 || month < 1 || month > 12 {
			continue
		}
		iso := fmt.Sprintf("%04d-%02d-%02d", year, month, day)
		if !seen[iso] && len(f.dates) < maxLeadValues {
			seen[iso] = true
			f.dates = append(f.dates, iso)
		}
	}
	for _, m := range findAllSubmatch(leadPhoneRE, text, needs("fon", "tel.", "rufnummer", "hotline")) {
		p := strings.TrimSpace(m[1])
		if !seen[p] && len(f.phones) < 2 {
			seen[p] = true
			f.phones = append(f.phones, p)
		}
	}
	for _, line := range linesIf(text, needs("öffnungszeit", "sprechzeit", "geöffnet")) {
		if m := hoursLineRE.FindStringSubmatch(line); m != nil && hoursTokRE.MatchString(m[1]) && len(f.hoursRaw) < 2 {
			f.hoursRaw = append(f.hoursRaw, m[1])
		}
	}
	for _, u := range findAllIf(urlRE, text, all || strings.Contains(text, "http")) {
		if !seen[u] && len(f.urls) < maxLeadURLs {
			seen[u] = true
			f.urls = append(f.urls, u)
		}
	}
	termin := needs("termin")
	no, yes := termin && terminNoRE.MatchString(text), termin && terminYesRE.MatchString(text)
	switch {
	case yes && !no:
		f.termin = 1
	case no && !yes:
		f.termin = -1
	}
	if needs("online", "persönlich") && onlineNoRE.MatchString(text) {
		f.online = -1
	} else if needs("online") && onlineYesRE.MatchString(text) {
		f.online = 1
	}
	return f
}

// mayHold reports whether lower, a text lowered by strings.ToLower, holds
// one of words, or folds is set: the text holds an "ſ", which a
// case-insensitive expression matches as "s" and lowering keeps.
func mayHold(lower string, folds bool, words ...string) bool {
	if folds {
		return true
	}
	for _, w := range words {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// findAllSubmatch is re.FindAllStringSubmatch(text, -1) when may holds,
// else nil: a text that lacks what every match needs is not scanned.
func findAllSubmatch(re *regexp.Regexp, text string, may bool) [][]string {
	if !may {
		return nil
	}
	return re.FindAllStringSubmatch(text, -1)
}

// findAllSubmatchIndex is findAllSubmatch for FindAllStringSubmatchIndex.
func findAllSubmatchIndex(re *regexp.Regexp, text string, may bool) [][]int {
	if !may {
		return nil
	}
	return re.FindAllStringSubmatchIndex(text, -1)
}

// findAllIf is findAllSubmatch for FindAllString.
func findAllIf(re *regexp.Regexp, text string, may bool) []string {
	if !may {
		return nil
	}
	return re.FindAllString(text, -1)
}

// linesIf returns the lines of text when may holds, else nil.
func linesIf(text string, may bool) []string {
	if !may {
		return nil
	}
	return strings.Split(text, "\n")
}

// afterSpace reports whether one of words stands right after a blank in
// s, as the unit of every match of durRE does ("3 Werktage": " werktag";
// "Montag" holds "tag", but not after a blank).
func afterSpace(s string, words ...string) bool {
	for _, w := range words {
		for from := 0; ; {
			i := strings.Index(s[from:], w)
			if i < 0 {
				break
			}
			if k := from + i; k > 0 && isSpaceByte(s[k-1]) {
				return true
			}
			from += i + 1
		}
	}
	return false
}

// isSpaceByte reports whether b is a blank as \s of package regexp has it.
func isSpaceByte(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r'
}

// digitDot reports whether a digit is followed by a full stop in s, as
// every date of dateRE begins.
func digitDot(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] == '.' && s[i-1] >= '0' && s[i-1] <= '9' {
			return true
		}
	}
	return false
}

// quoteFacts reads the lead facts of quotes qs: a quoted online-service
// section that links a service and does not deny it says the service is
// online. Durations in a fee table qualify a fee ("Expressabholung
// innerhalb von 3 Werktagen: 60,00 Euro"); alone they would mislead, so
// they are read from the other quotes only. d is the memo of the
// document qs were quoted from, or nil.
func quoteFacts(d *docInfo, qs []quote) leadFacts {
	f := d.readFacts(quotedText(qs))
	var timed []quote
	for _, q := range qs {
		if q.facet != knowledge.FacetKosten {
			timed = append(timed, q)
		}
	}
	if len(timed) < len(qs) {
		f.durations = d.readFacts(quotedText(timed)).durations
	}
	for _, q := range qs {
		if f.online == 0 && q.facet == knowledge.FacetOnline && urlRE.MatchString(q.text) {
			f.online = 1
		}
	}
	return f
}

// quotedText joins the texts of qs.
func quotedText(qs []quote) string {
	var b strings.Builder
	for _, q := range qs {
		b.WriteString(q.text)
		b.WriteString("\n")
	}
	return b.String()
}

// printerTag is the locale whose number format a language uses; Arabic
// answers keep the Latin digits of the German quote they stand beside.
func printerTag(lang string) language.Tag {
	if lang == "ar" {
		return language.MustParse("ar-u-nu-latn")
	}
	if t, err := language.Parse(lang); err == nil {
		return t
	}
	return language.German
}

// facts renders f in the language of m as labelled values.
func (f leadFacts) render(m *messages) []leadFact {
	lang := m.lang
	if lang == "" {
		lang = "de"
	}
	p := m.printer()
	var out []leadFact
	add := func(label string, vs []string) {
		if len(vs) > 0 {
			out = append(out, leadFact{label: label, values: vs})
		}
	}
	var vs []string
	for _, a := range f.amounts {
		vs = append(vs, formatAmount(p, lang, a))
	}
	add(m.FactCost, vs)
	vs = nil
	for _, d := range f.durations {
		vs = append(vs, formatDuration(p, lang, d))
	}
	add(m.FactTime, vs)
	vs = nil
	for _, d := range f.dates {
		vs = append(vs, formatDate(lang, d))
	}
	add(m.FactDate, vs)
	vs = nil
	for _, h := range f.hoursRaw {
		if r := formatHours(m, h); r != "" {
			vs = append(vs, r)
		}
	}
	add(m.FactHours, vs)
	add(m.FactPhone, f.phones)
	if f.termin != 0 {
		add(m.FactAppointment, []string{yesNo(m, f.termin > 0)})
	}
	if f.online != 0 {
		add(m.FactOnline, []string{yesNo(m, f.online > 0)})
	}
	add(m.FactLink, f.urls)
	return out
}

func yesNo(m *messages, yes bool) string {
	if yes {
		return m.Yes
	}
	return m.No
}

// formatAmount writes an amount in euros the way lang writes money:
// "€37.00" in English, "37,00 €" in German, Turkish, Polish, Russian and
// Ukrainian; the digits and separators come from x/text's number format.
func formatAmount(p *message.Printer, lang string, a amount) string {
	scale := 0
	if a.cents {
		scale = 2
	}
	n := p.Sprint(number.Decimal(a.value, number.Scale(scale)))
	if lang == "en" {
		return "€" + n
	}
	return n + "\u00a0€"
}

// formatDuration writes "3–4 weeks", "3 Werktage", "4 hafta"; the unit's
// plural form follows the larger number by the language's plural rules.
func formatDuration(p *message.Printer, lang string, d leadDuration) string {
	n := d.from
	num := strconv.Itoa(d.from)
	if d.to != 0 {
		n = d.to
		sep := "–"
		if lang == "de" {
			sep = " bis "
		}
		num += sep + strconv.Itoa(d.to)
	}
	return num + " " + p.Sprintf("unit."+d.unit, n)
}

// formatDate writes an ISO date as German "01.07.2026" or, in every other
// language, as the unambiguous ISO form "2026-07-01".
func formatDate(lang, iso string) string {
	if lang != "de" {
		return iso
	}
	return iso[8:10] + "." + iso[5:7] + "." + iso[0:4]
}

// formatHours renders a German opening-hours text ("Montag bis Freitag
// 8:00 bis 12:30 Uhr, Mittwoch geschlossen") with m's weekday names:
// "Monday–Friday 8:00–12:30; Wednesday closed". It returns "" when the
// text holds no weekday.
func formatHours(m *messages, s string) string {
	var parts []string
	for _, g := range hoursGroups(m, s) {
		parts = append(parts, g[0]+" "+g[1])
	}
	return strings.Join(parts, "; ")
}

// hoursGroups reads a German opening-hours text into pairs of days and
// times in m's words: {"Monday–Friday", "8:00–12:30"}, {"Wednesday",
// "closed"}.
func hoursGroups(m *messages, s string) [][2]string {
	type group struct {
		days   []string
		times  []string
		closed bool
	}
	var gs []group
	cur := group{}
	rangeNext := false
	flush := func() {
		if len(cur.days) > 0 && (len(cur.times) > 0 || cur.closed) {
			gs = append(gs, cur)
		}
		cur = group{}
	}
	for _, t := range hoursTokRE.FindAllStringSubmatch(s, -1) {
		day := strings.ToLower(t[1])
		if day == "" {
			day = strings.ToLower(t[2])
		}
		switch {
		case day != "":
			if len(cur.times) > 0 || cur.closed {
				flush()
			}
			name := m.Weekdays[weekdayIndex[day]]
			if rangeNext && len(cur.days) > 0 {
				cur.days[len(cur.days)-1] += "–" + name
			} else {
				cur.days = append(cur.days, name)
			}
			rangeNext = false
		case t[3] != "":
			cur.times = append(cur.times, clockTime(t[3])+"–"+clockTime(t[4]))
		case t[5] != "":
			rangeNext = len(cur.days) > 0 && len(cur.times) == 0
		case t[6] != "":
			cur.closed = true
		}
	}
	flush()
	var out [][2]string
	for _, g := range gs {
		when := strings.Join(g.times, ", ")
		if g.closed && when == "" {
			when = m.Closed
		}
		out = append(out, [2]string{strings.Join(g.days, ", "), when})
	}
	return out
}

// clockTime writes "8", "8.00" or "8:00" as "8:00".
func clockTime(s string) string {
	s = strings.ReplaceAll(s, ".", ":")
	if !strings.Contains(s, ":") {
		s += ":00"
	}
	return s
}

// unitNames are the names of time units in each language, by plural
// category of golang.org/x/text/feature/plural; unit keys are the German
// stems durRE matches.
var unitNames = map[string]map[string][]string{
	"de": {
		"werktag": {"one", "Werktag", "other", "Werktage"}, "arbeitstag": {"one", "Arbeitstag", "other", "Arbeitstage"},
		"tag": {"one", "Tag", "other", "Tage"}, "woche": {"one", "Woche", "other", "Wochen"}, "monat": {"one", "Monat", "other", "Monate"},
		"jahr": {"one", "Jahr", "other", "Jahre"}, "stunde": {"one", "Stunde", "other", "Stunden"}, "minute": {"one", "Minute", "other", "Minuten"},
	},
	"en": {
		"werktag": {"one", "working day", "other", "working days"}, "arbeitstag": {"one", "working day", "other", "working days"},
		"tag": {"one", "day", "other", "days"}, "woche": {"one", "week", "other", "weeks"}, "monat": {"one", "month", "other", "months"},
		"jahr": {"one", "year", "other", "years"}, "stunde": {"one", "hour", "other", "hours"}, "minute": {"one", "minute", "other", "minutes"},
	},
	"tr": {
		"werktag": {"other", "iş günü"}, "arbeitstag": {"other", "iş günü"}, "tag": {"other", "gün"}, "woche": {"other", "hafta"},
		"monat": {"other", "ay"}, "jahr": {"other", "yıl"}, "stunde": {"other", "saat"}, "minute": {"other", "dakika"},
	},
	"ar": {
		"werktag":    {"one", "يوم عمل", "two", "يوما عمل", "few", "أيام عمل", "many", "يوم عمل", "other", "يوم عمل"},
		"arbeitstag": {"one", "يوم عمل", "two", "يوما عمل", "few", "أيام عمل", "many", "يوم عمل", "other", "يوم عمل"},
		"tag":        {"one", "يوم", "two", "يومان", "few", "أيام", "many", "يومًا", "other", "يوم"},
		"woche":      {"one", "أسبوع", "two", "أسبوعان", "few", "أسابيع", "many", "أسبوعًا", "other", "أسبوع"},
		"monat":      {"one", "شهر", "two", "شهران", "few", "أشهر", "many", "شهرًا", "other", "شهر"},
		"jahr":       {"one", "سنة", "two", "سنتان", "few", "سنوات", "many", "سنة", "other", "سنة"},
		"stunde":     {"one", "ساعة", "two", "ساعتان", "few", "ساعات", "many", "ساعة", "other", "ساعة"},
		"minute":     {"one", "دقيقة", "two", "دقيقتان", "few", "دقائق", "many", "دقيقة", "other", "دقيقة"},
	},
	"uk": {
		"werktag":    {"one", "робочий день", "few", "робочі дні", "many", "робочих днів", "other", "робочого дня"},
		"arbeitstag": {"one", "робочий день", "few", "робочі дні", "many", "робочих днів", "other", "робочого дня"},
		"tag":        {"one", "день", "few", "дні", "many", "днів", "other", "дня"},
		"woche":      {"one", "тиждень", "few", "тижні", "many", "тижнів", "other", "тижня"},
		"monat":      {"one", "місяць", "few", "місяці", "many", "місяців", "other", "місяця"},
		"jahr":       {"one", "рік", "few", "роки", "many", "років", "other", "року"},
		"stunde":     {"one", "година", "few", "години", "many", "годин", "other", "години"},
		"minute":     {"one", "хвилина", "few", "хвилини", "many", "хвилин", "other", "хвилини"},
	},
	"ru": {
		"werktag":    {"one", "рабочий день", "few", "рабочих дня", "many", "рабочих дней", "other", "рабочего дня"},
		"arbeitstag": {"one", "рабочий день", "few", "рабочих дня", "many", "рабочих дней", "other", "рабочего дня"},
		"tag":        {"one", "день", "few", "дня", "many", "дней", "other", "дня"},
		"woche":      {"one", "неделя", "few", "недели", "many", "недель", "other", "недели"},
		"monat":      {"one", "месяц", "few", "месяца", "many", "месяцев", "other", "месяца"},
		"jahr":       {"one", "год", "few", "года", "many", "лет", "other", "года"},
		"stunde":     {"one", "час", "few", "часа", "many", "часов", "other", "часа"},
		"minute":     {"one", "минута", "few", "минуты", "many", "минут", "other", "минуты"},
	},
	"pl": {
		"werktag":    {"one", "dzień roboczy", "few", "dni robocze", "many", "dni roboczych", "other", "dnia roboczego"},
		"arbeitstag": {"one", "dzień roboczy", "few", "dni robocze", "many", "dni roboczych", "other", "dnia roboczego"},
		"tag":        {"one", "dzień", "few", "dni", "many", "dni", "other", "dnia"},
		"woche":      {"one", "tydzień", "few", "tygodnie", "many", "tygodni", "other", "tygodnia"},
		"monat":      {"one", "miesiąc", "few", "miesiące", "many", "miesięcy", "other", "miesiąca"},
		"jahr":       {"one", "rok", "few", "lata", "many", "lat", "other", "roku"},
		"stunde":     {"one", "godzina", "few", "godziny", "many", "godzin", "other", "godziny"},
		"minute":     {"one", "minuta", "few", "minuty", "many", "minut", "other", "minuty"},
	},
}

// unitPrinter returns a printer for lang whose catalog holds the unit
// names as plural messages ("unit.woche").
func unitPrinter(lang string) *message.Printer {
	tag := printerTag(lang)
	b := catalog.NewBuilder(catalog.Fallback(tag))
	words, ok := unitNames[lang]
	if !ok {
		words = unitNames["en"]
	}
	for unit, cases := range words {
		args := make([]any, len(cases))
		for i, c := range cases {
			args[i] = c
		}
		// The cases are fixed language data; a malformed one is caught
		// by the tests of every language.
		_ = b.Set(tag, "unit."+unit, plural.Selectf(1, "%d", args...))
	}
	return message.NewPrinter(tag, message.Catalog(b))
}

// leadLines renders the facts of qs as "- label: values" lines in the
// language of m, with the asker's own line (situation) first.
func leadLines(m *messages, d *docInfo, qs []quote, situation string) []string {
	f := quoteFacts(d, qs)
	var out []string
	if situation != "" {
		sf := readFacts(situation)
		p := m.printer() // its tag is m.lang's, the same for amounts
		var vs []string
		for _, a := range sf.amounts {
			vs = append(vs, formatAmount(p, m.lang, a))
		}
		if len(vs) > 0 {
			out = append(out, "- "+m.ForYou+" "+strings.Join(vs, ", "))
		}
	}
	for _, x := range f.render(m) {
		out = append(out, "- "+x.label+": "+strings.Join(x.values, " · "))
	}
	return out
}

// submatches returns the texts of the groups of a FindStringSubmatchIndex
// result.
func submatches(s string, loc []int) []string {
	out := make([]string, len(loc)/2)
	for i := range out {
		if loc[2*i] >= 0 {
			out[i] = s[loc[2*i]:loc[2*i+1]]
		}
	}
	return out
}
