// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// maxICSExdates bounds the excepted dates written of one event.
const maxICSExdates = 100

var (
	icsDayCodes = map[string]time.Weekday{"SU": time.Sunday, "MO": time.Monday, "TU": time.Tuesday, "WE": time.Wednesday,
		"TH": time.Thursday, "FR": time.Friday, "SA": time.Saturday}
	icsOrdinals = map[int]string{1: "ersten", 2: "zweiten", 3: "dritten", 4: "vierten", 5: "fünften", -1: "letzten", -2: "vorletzten"}
	icsNumbers  = []string{"", "", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"}
	icsEvery    = map[string][2]string{"DAILY": {"täglich", "Tage"}, "WEEKLY": {"wöchentlich", "Wochen"},
		"MONTHLY": {"monatlich", "Monate"}, "YEARLY": {"jährlich", "Jahre"}}
	icsUnit = map[string]string{"WEEKLY": "in der Woche", "MONTHLY": "im Monat", "YEARLY": "im Jahr"}
)

// icsRecurrence writes an event's recurrence rule (RRULE) and its
// excepted dates (EXDATE) in German: the frequency with its interval
// ("alle drei Monate"), the days with their ordinals ("jeden ersten
// Dienstag im Monat", "am dritten Donnerstag"), days of the month and
// months, the end ("bis 7. Dezember 2027", "4 Termine") and the dates
// it is cancelled on ("entfällt am 6. Juli 2027 und 3. August 2027").
// An unknown frequency gives "".
func icsRecurrence(rule string, exdates string) string {
	parts := map[string]string{}
	for _, p := range strings.Split(rule, ";") {
		if k, v, ok := strings.Cut(p, "="); ok {
			parts[strings.ToUpper(strings.TrimSpace(k))] = strings.ToUpper(strings.TrimSpace(v))
		}
	}
	freq := parts["FREQ"]
	every, ok := icsEvery[freq]
	if !ok {
		return ""
	}
	interval, _ := strconv.Atoi(parts["INTERVAL"])
	s := every[0]
	if interval > 1 {
		n := strconv.Itoa(interval)
		if interval < len(icsNumbers) {
			n = icsNumbers[interval]
		}
		s = "alle " + n + " " + every[1]
	}
	var days []string
	for _, d := range strings.Split(parts["BYDAY"], ",") {
		d = strings.TrimSpace(d)
		if len(d) < 2 {
			continue
		}
		wd, ok := icsDayCodes[d[len(d)-2:]]
		if !ok {
			continue
		}
		name := icsWeekdays[wd]
		if n, err := strconv.Atoi(d[:len(d)-2]); err == nil && icsOrdinals[n] != "" {
			name = icsOrdinals[n] + " " + name
		}
		days = append(days, name)
	}
	if len(days) > 0 {
		list := joinGerman(days)
		switch {
		case interval <= 1 && freq != "DAILY":
			s = "jeden " + list
			if strings.ContainsAny(parts["BYDAY"], "0123456789") {
				s += " " + icsUnit[freq]
			}
		default:
			s += " am " + list
		}
	}
	if md := parts["BYMONTHDAY"]; md != "" {
		var ds []string
		for _, d := range strings.Split(md, ",") {
			if n, err := strconv.Atoi(strings.TrimSpace(d)); err == nil {
				if n == -1 {
					ds = append(ds, "letzten Tag")
				} else if n > 0 {
					ds = append(ds, strconv.Itoa(n)+".")
				}
			}
		}
		if len(ds) > 0 {
			s += " am " + joinGerman(ds) + " des Monats"
		}
	}
	if bm := parts["BYMONTH"]; bm != "" {
		var ms []string
		for _, m := range strings.Split(bm, ",") {
			if n, err := strconv.Atoi(strings.TrimSpace(m)); err == nil && n >= 1 && n <= 12 {
				ms = append(ms, icsMonths[n-1])
			}
		}
		if len(ms) > 0 {
			s += " im " + joinGerman(ms)
		}
	}
	if u := parts["UNTIL"]; u != "" {
		if t, _, _, ok := icsTime(icsProp{value: u}); ok {
			s += " bis " + icsDay(t)
		}
	} else if c, err := strconv.Atoi(parts["COUNT"]); err == nil && c > 0 {
		s += fmt.Sprintf(", %d Termine", c)
	}
	var ex []string
	for _, v := range strings.Split(exdates, ",") {
		if len(ex) >= maxICSExdates {
			break
		}
		if t, _, _, ok := icsTime(icsProp{value: v}); ok {
			ex = append(ex, icsDay(t))
		}
	}
	if len(ex) > 0 {
		s += "; entfällt am " + joinGerman(ex)
	}
	return s
}

// icsDay writes a date as "5. Januar 2027".
func icsDay(t time.Time) string {
	return fmt.Sprintf("%d. %s %d", t.Day(), icsMonths[t.Month()-1], t.Year())
}

// joinGerman joins items with commas and "und" before the last.
func joinGerman(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " und " + items[len(items)-1]
}
