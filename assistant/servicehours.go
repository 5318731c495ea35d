// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ServiceHours is the service desk's calendar: opening hours per weekday
// and the public holidays on which the desk is closed. Holidays are
// computed for every year (the nationwide German holidays, the Easter
// dates by the Gregorian computus, and those of the configured Land), not
// listed per year. The zero value is never open; see ParseServiceHours.
type ServiceHours struct {
	days  [7][]span // by time.Weekday
	state string    // Land code ("NW", "BY", …) or ""
	loc   *time.Location
}

// span is an opening interval in minutes after midnight, [from, to).
type span struct{ from, to int }

// maxSpecRunes bounds a service-hours specification.
const maxSpecRunes = 500

var weekdayCodes = map[string]time.Weekday{
	"mo": time.Monday, "di": time.Tuesday, "mi": time.Wednesday, "do": time.Thursday,
	"fr": time.Friday, "sa": time.Saturday, "so": time.Sunday,
}

// ParseServiceHours reads opening hours such as
// "Mo-Do 08:00-16:00; Fr 08:00-12:30" (German weekday abbreviations,
// ranges of days, several intervals per day separated by commas:
// "Mo 08:00-12:00,13:00-16:00"). state is the Land whose holidays apply
// besides the nationwide ones ("" for none); loc the desk's time zone
// (nil means time.Local).
func ParseServiceHours(spec, state string, loc *time.Location) (*ServiceHours, error) {
	if len([]rune(spec)) > maxSpecRunes {
		return nil, fmt.Errorf("assistant: service hours: longer than %d characters", maxSpecRunes)
	}
	if loc == nil {
		loc = time.Local
	}
	state = strings.ToUpper(strings.TrimSpace(state))
	if state != "" && !knownState(state) {
		return nil, fmt.Errorf("assistant: service hours: unknown Land %q (use BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH)", state)
	}
	h := &ServiceHours{state: state, loc: loc}
	found := false
	for _, part := range strings.Split(spec, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		days, times, ok := strings.Cut(part, " ")
		if !ok {
			return nil, fmt.Errorf("assistant: service hours: %q: want days and times, e.g. \"Mo-Fr 08:00-16:00\"", part)
		}
		wds, err := parseDays(days)
		if err != nil {
			return nil, fmt.Errorf("assistant: service hours: %q: %w", part, err)
		}
		for _, iv := range strings.Split(times, ",") {
			sp, err := parseSpan(strings.TrimSpace(iv))
			if err != nil {
				return nil, fmt.Errorf("assistant: service hours: %q: %w", part, err)
			}
			for _, wd := range wds {
				h.days[wd] = append(h.days[wd], sp)
			}
			found = true
		}
	}
	if !found {
		return nil, fmt.Errorf("assistant: service hours: no opening hours in %q", spec)
	}
	return h, nil
}

func parseDays(s string) ([]time.Weekday, error) {
	var out []time.Weekday
	for _, r := range strings.Split(strings.ToLower(s), ",") {
		from, to, isRange := strings.Cut(strings.TrimSpace(r), "-")
		a, ok := weekdayCodes[from]
		if !ok {
			return nil, fmt.Errorf("unknown weekday %q (Mo, Di, Mi, Do, Fr, Sa, So)", from)
		}
		b := a
		if isRange {
			if b, ok = weekdayCodes[to]; !ok {
				return nil, fmt.Errorf("unknown weekday %q (Mo, Di, Mi, Do, Fr, Sa, So)", to)
			}
		}
		for d := a; ; d = (d + 1) % 7 {
			out = append(out, d)
			if d == b {
				break
			}
		}
	}
	return out, nil
}

func parseSpan(s string) (span, error) {
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return span{}, fmt.Errorf("want a time range like 08:00-16:00, got %q", s)
	}
	from, err1 := parseClock(a)
	to, err2 := parseClock(b)
	if err1 != nil || err2 != nil || to <= from {
		return span{}, fmt.Errorf("bad time range %q", s)
	}
	return span{from, to}, nil
}

func parseClock(s string) (int, error) {
	h, m, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok {
		m = "0"
	}
	hh, err := strconv.Atoi(h)
	if err != nil || hh < 0 || hh > 24 {
		return 0, fmt.Errorf("bad hour %q", s)
	}
	mm, err := strconv.Atoi(m)
	if err != nil || mm < 0 || mm > 59 || hh*60+mm > 24*60 {
		return 0, fmt.Errorf("bad minute %q", s)
	}
	return hh*60 + mm, nil
}

// Open reports whether the desk is open at t.
func (h *ServiceHours) Open(t time.Time) bool {
	t = t.In(h.loc)
	if _, hol := h.Holiday(t); hol {
		return false
	}
	min := t.Hour()*60 + t.Minute()
	for _, sp := range h.days[t.Weekday()] {
		if min >= sp.from && min < sp.to {
			return true
		}
	}
	return false
}

// NextOpen returns the next time at or after t at which the desk opens
// (t itself when it is open), looking at most 60 days ahead; ok is false
// when there is none.
func (h *ServiceHours) NextOpen(t time.Time) (next time.Time, ok bool) {
	if h.Open(t) {
		return t, true
	}
	t = t.In(h.loc)
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, h.loc)
	for i := 0; i < 60; i++ {
		d := day.AddDate(0, 0, i)
		if _, hol := h.Holiday(d); hol {
			continue
		}
		for _, sp := range h.days[d.Weekday()] {
			at := d.Add(time.Duration(sp.from) * time.Minute)
			if !at.Before(t) {
				return at, true
			}
		}
	}
	return time.Time{}, false
}

// Holiday returns the name of the public holiday on t's date in the desk's
// time zone, if it is one.
func (h *ServiceHours) Holiday(t time.Time) (string, bool) {
	t = t.In(h.loc)
	for _, hd := range Holidays(t.Year(), h.state) {
		if hd.Month == t.Month() && hd.Day == t.Day() {
			return hd.Name, true
		}
	}
	return "", false
}

// Holiday is a public holiday of one year.
type Holiday struct {
	Name  string
	Month time.Month
	Day   int
}

var stateCodes = []string{"BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"}

func knownState(s string) bool {
	for _, c := range stateCodes {
		if c == s {
			return true
		}
	}
	return false
}

// Holidays returns the public holidays of year in Germany: the nationwide
// ones and, for state (a Land code, "" for none), that Land's own.
// Movable feasts are computed from Easter Sunday.
func Holidays(year int, state string) []Holiday {
	easter := easterSunday(year)
	rel := func(name string, days int) Holiday {
		d := easter.AddDate(0, 0, days)
		return Holiday{name, d.Month(), d.Day()}
	}
	out := []Holiday{
		{"Neujahr", time.January, 1},
		rel("Karfreitag", -2),
		rel("Ostermontag", 1),
		{"Tag der Arbeit", time.May, 1},
		rel("Christi Himmelfahrt", 39),
		rel("Pfingstmontag", 50),
		{"Tag der Deutschen Einheit", time.October, 3},
		{"1. Weihnachtstag", time.December, 25},
		{"2. Weihnachtstag", time.December, 26},
	}
	in := func(states ...string) bool {
		for _, s := range states {
			if s == state {
				return true
			}
		}
		return false
	}
	if in("BW", "BY", "ST") {
		out = append(out, Holiday{"Heilige Drei Könige", time.January, 6})
	}
	if in("BE", "MV") {
		out = append(out, Holiday{"Internationaler Frauentag", time.March, 8})
	}
	if in("BB") {
		out = append(out, rel("Ostersonntag", 0), rel("Pfingstsonntag", 49))
	}
	if in("BW", "BY", "HE", "NW", "RP", "SL") {
		out = append(out, rel("Fronleichnam", 60))
	}
	if in("SL") {
		out = append(out, Holiday{"Mariä Himmelfahrt", time.August, 15})
	}
	if in("TH") {
		out = append(out, Holiday{"Weltkindertag", time.September, 20})
	}
	if in("BB", "HB", "HH", "MV", "NI", "SN", "ST", "SH", "TH") {
		out = append(out, Holiday{"Reformationstag", time.October, 31})
	}
	if in("BW", "BY", "NW", "RP", "SL") {
		out = append(out, Holiday{"Allerheiligen", time.November, 1})
	}
	if in("SN") {
		// Buß- und Bettag: the Wednesday before 23 November.
		d := time.Date(year, time.November, 22, 0, 0, 0, 0, time.UTC)
		for d.Weekday() != time.Wednesday {
			d = d.AddDate(0, 0, -1)
		}
		out = append(out, Holiday{"Buß- und Bettag", d.Month(), d.Day()})
	}
	return out
}

// easterSunday returns Easter Sunday of year in the Gregorian calendar
// (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher").
func easterSunday(year int) time.Time {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}
