// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"regexp"

	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/knowledge/german"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Days of the calendar a question asks about and a document speaks of:
// "hat das Bürgerbüro am 17. Dezember offen" is answered by the notice
// that the offices are closed on Thursday, 17 December, not by the
// service's regular opening hours. Years are ignored: notices speak of
// the coming days, and a question rarely names the year.

// dayOfYear is a day of the calendar as month*100 + day (1224 is 24
// December).
type dayOfYear int

func makeDay(month, day int) (dayOfYear, bool) {
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return 0, false
	}
	// A leap year admits 29 February; time.Date normalises 31 April to 1 May.
	t := time.Date(2024, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day {
		return 0, false
	}
	return dayOfYear(month*100 + day), true
}

func (d dayOfYear) time() time.Time {
	return time.Date(2024, time.Month(int(d)/100), int(d)%100, 0, 0, 0, 0, time.UTC)
}

// maxDateRange bounds the days one "vom … bis …" of a document adds.
const maxDateRange = 62

// holidays are days people name instead of their date; each stands for
// the days listed (folded spellings).
var holidays = map[string][]dayOfYear{
	"heiligabend":               {1224},
	"heiligen abend":            {1224},
	"christmas eve":             {1224},
	"silvester":                 {1231},
	"new years eve":             {1231},
	"neujahr":                   {101},
	"neujahrstag":               {101},
	"new years day":             {101},
	"weihnachten":               {1224, 1225, 1226},
	"weihnachtsfeiertag":        {1225, 1226},
	"christmas":                 {1225},
	"zwischen den jahren":       {1227, 1228, 1229, 1230},
	"tag der arbeit":            {501},
	"tag der deutschen einheit": {1003},
	"reformationstag":           {1031},
	"allerheiligen":             {1101},
}

// holidayStarts are the first words of the keys of holidays.
var holidayStarts = map[string]bool{"heiligabend": true, "heiligen": true, "christmas": true, "silvester": true, "new": true,
	"neujahr": true, "neujahrstag": true, "weihnachten": true, "weihnachtsfeiertag": true, "zwischen": true, "tag": true,
	"reformationstag": true, "allerheiligen": true}

// dateTokenRE splits folded text into what dates are read from: a numeric
// date ("17.12." or "17.12.2026"), a day number with its dot, a word, a
// dash.
var dateTokenRE = regexp.MustCompile(`\d{1,2}\.\d{1,2}\.(?:\d{2,4})?|\d{1,2}\.|\d+|[a-z]+|[–-]`)

// dateRangeWords join two days into all days between them; dateListWords join
// days that share the month named after the last ("24. und 31. Dezember").
var (
	dateRangeWords = map[string]bool{"bis": true, "zum": true, "–": true, "-": true, "to": true, "until": true, "through": true}
	dateListWords  = map[string]bool{"und": true, "oder": true, "sowie": true, "and": true, "or": true, "vom": true, "von": true, "ab": true, "from": true}
)

// readDates returns the days the folded text names, with the days between
// two dates joined by "bis". A day number without a month ("am 17.") is
// not a date.
func readDates(folded string) []dayOfYear {
	if !strings.ContainsAny(folded, "0123456789") {
		return nil
	}
	toks := dateTokenRE.FindAllString(folded, -1)
	var out []dayOfYear
	add := func(d dayOfYear) {
		if !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	fill := func(from, to dayOfYear) {
		a, b := from.time(), to.time()
		if b.Before(a) { // "28. Dezember bis 3. Januar"
			b = b.AddDate(1, 0, 0)
		}
		for n := 0; !a.After(b) && n < maxDateRange; n++ {
			d, _ := makeDay(int(a.Month()), a.Day())
			add(d)
			a = a.AddDate(0, 0, 1)
		}
	}
	// pending are day numbers waiting for their month; ranged[i] says
	// pending[i] ends a range begun by pending[i-1] (or by last).
	var pending []int
	var ranged []bool
	var last dayOfYear // the last full date, for "bis" after it
	inRange := false
	for i := 0; i < len(toks); i++ {
		tk := toks[i]
		switch {
		case strings.Count(tk, ".") >= 2:
			p := strings.Split(tk, ".")
			day, _ := strconv.Atoi(p[0])
			month, _ := strconv.Atoi(p[1])
			d, ok := makeDay(month, day)
			if !ok {
				pending, ranged, inRange = nil, nil, false
				continue
			}
			if inRange && last != 0 {
				fill(last, d)
			}
			add(d)
			last, pending, ranged, inRange = d, nil, nil, false
		case strings.HasSuffix(tk, "."), len(tk) <= 2 && isDigits(tk) && i+1 < len(toks) && months[toks[i+1]] > 0:
			// "24. Dezember", and without the full stop as English
			// writes it: "24 December".
			day, _ := strconv.Atoi(strings.TrimSuffix(tk, "."))
			pending = append(pending, day)
			ranged = append(ranged, inRange)
			inRange = false
		case months[tk] > 0 && len(pending) == 0 && i+1 < len(toks) && len(toks[i+1]) <= 2 && isDigits(toks[i+1]):
			// "December 24".
			day, _ := strconv.Atoi(toks[i+1])
			if d, ok := makeDay(months[tk], day); ok {
				if inRange && last != 0 {
					fill(last, d)
				}
				add(d)
				last, inRange = d, false
			}
			i++
		case months[tk] > 0 && len(pending) > 0:
			month := months[tk]
			var prev dayOfYear
			for k, day := range pending {
				d, ok := makeDay(month, day)
				if !ok {
					prev = 0
					continue
				}
				switch {
				case ranged[k] && prev != 0:
					fill(prev, d)
				case ranged[k] && k == 0 && last != 0:
					fill(last, d)
				}
				add(d)
				prev = d
			}
			last, pending, ranged, inRange = prev, nil, nil, false
		case dateRangeWords[tk]:
			inRange = true
		case dateListWords[tk]:
		default:
			if tk != "" && (tk[0] < '0' || tk[0] > '9') {
				// Any other word ends a list of days and a range.
				if len(pending) == 0 {
					last = 0
				}
				pending, ranged, inRange = nil, nil, false
			}
		}
	}
	return out
}

// askedDates returns the days a question names: dates, holidays, and
// "heute", "morgen", "übermorgen" counted from now.
func askedDates(folded string, ws []string, now time.Time) []dayOfYear {
	out := readDates(folded)
	add := func(d dayOfYear) {
		if !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	for i := range ws {
		for n := 4; n >= 1 && holidayStarts[ws[i]]; n-- {
			if i+n > len(ws) {
				continue
			}
			if ds, ok := holidays[strings.Join(ws[i:i+n], " ")]; ok {
				for _, d := range ds {
					add(d)
				}
			}
		}
		var ahead int
		switch ws[i] {
		case "heute", "today":
			ahead = 0
		case "morgen", "tomorrow":
			if i > 0 && (ws[i-1] == "heute" || ws[i-1] == "am" || ws[i-1] == "jeden") {
				continue // "heute morgen" is this morning, "am Morgen" any
			}
			ahead = 1
		case "uebermorgen":
			ahead = 2
		default:
			continue
		}
		if !now.IsZero() {
			t := now.AddDate(0, 0, ahead)
			d, _ := makeDay(int(t.Month()), t.Day())
			add(d)
		}
	}
	return out
}

// namesDay reports whether days holds one of asked.
func namesDay(days, asked []dayOfYear) bool {
	for _, d := range asked {
		if slices.Contains(days, d) {
			return true
		}
	}
	return false
}

// monthNamesDE are the German month names, for a search text.
var monthNamesDE = [13]string{"", "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}

// maxPhraseDays bounds the days datePhrase writes.
const maxPhraseDays = 4

// datePhrase writes days as a search text: "17. Dezember 24. Dezember".
func datePhrase(days []dayOfYear) string {
	var b strings.Builder
	for i, d := range days {
		if i == maxPhraseDays {
			break
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Itoa(int(d) % 100))
		b.WriteString(". ")
		b.WriteString(monthNamesDE[int(d)/100])
	}
	return b.String()
}

// datedNotice returns the candidate of sel that is a notice naming a day
// the question names, when the chosen candidate c names none of them and
// the notice shares a word with the question; -1 for none.
func datedNotice(q question, sel selection, c candidate) int {
	if len(q.dates) == 0 || sel.followUp || namesDay(c.info.daysOf(c.doc), q.dates) {
		return -1
	}
	best := -1
	for i, o := range sel.r.cands {
		if o.doc.ID == c.doc.ID || o.doc.Kind != knowledge.KindNotice || o.coverage <= 0 || !namesDay(o.info.daysOf(o.doc), q.dates) {
			continue
		}
		// Of two notices that name the day, the one the question names
		// ("Schließtage Rathaus" for "ins Rathaus am 15. Januar"), then
		// the one that holds more of its words: a call for lay judges
		// whose deadline is that day says nothing of the town hall.
		// (A day's name itself, "Silvester", names every notice of
		// that day alike.)
		if best < 0 {
			best = i
			continue
		}
		b := sel.r.cands[best]
		on, bn := o.named > 0 && !namedByDayOnly(o), b.named > 0 && !namedByDayOnly(b)
		if on && !bn || on == bn && o.coverage > b.coverage {
			best = i
		}
	}
	return best
}

// datedQuotes returns what notice c says about the days q names: the
// whole notice when it is short, otherwise the paragraphs and list items
// that name one of the days.
func (a *Assistant) datedQuotes(c candidate, q question) []quote {
	var qs []quote
	short := a.docRunes(c) <= maxAnswerRunes/2
	for _, s := range c.doc.Sections {
		text := a.clean(s.Text, true)
		if !short {
			var keep []string
			for _, u := range splitUnits(text) {
				if namesDay(readDates(german.Fold(u)), q.dates) {
					keep = append(keep, u)
				}
			}
			text = strings.Join(keep, "\n")
		}
		if strings.TrimSpace(text) != "" {
			qs = append(qs, quote{label: label(s.Heading), facet: s.Facet, text: text})
		}
	}
	return untitle(withinRunes(qs, maxAnswerRunes/2), c.doc.Title)
}
