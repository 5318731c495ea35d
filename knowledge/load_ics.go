// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// maxICSEvents bounds the events read from one calendar file.
const maxICSEvents = 2000

// icsWeekdays and icsMonths are the German names of days and months a
// calendar's dates are written with.
var (
	icsWeekdays = [...]string{"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"}
	icsMonths   = [...]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}
)

// parseICS reads an iCalendar file (.ics, as Outlook and other calendars
// export them: CRLF, lines folded at 75 octets, escaped commas and
// semicolons, a VTIMEZONE block) as a notice: its name (X-WR-CALNAME) is
// the title, each VEVENT a section headed by its SUMMARY, whose text is
// the event's days and times as a German date line ("Datum: Donnerstag,
// 24. Dezember 2026 (ganztägig)", "Datum: 28. Dezember 2026 bis 30.
// Dezember 2026 (Montag bis Mittwoch, ganztägig)"), its DESCRIPTION and
// its LOCATION. Time zones, alarms and other components are left out;
// at most maxICSEvents events are read.
func parseICS(data []byte) (parsedDoc, error) {
	var pd parsedDoc
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		data = windows1252ToUTF8(data)
	}
	text := strings.ReplaceAll(strings.ReplaceAll(string(data), "\r\n", "\n"), "\r", "\n")
	// Unfold: a line starting with a blank or a tab goes on the one
	// before, without that blank.
	text = strings.NewReplacer("\n ", "", "\n\t", "").Replace(text)
	if !strings.HasPrefix(strings.TrimSpace(text), "BEGIN:VCALENDAR") {
		return pd, fileErrorf(nil, "kein iCalendar (BEGIN:VCALENDAR fehlt)")
	}
	pd.kind = string(KindNotice)
	var stack []string
	var ev map[string]icsProp
	events := 0
	for _, line := range strings.Split(text, "\n") {
		name, params, value, ok := icsLine(line)
		if !ok {
			continue
		}
		switch name {
		case "BEGIN":
			stack = append(stack, strings.ToUpper(value))
			if len(stack) >= 2 && stack[len(stack)-1] == "VEVENT" {
				ev = map[string]icsProp{}
			}
			continue
		case "END":
			if len(stack) > 0 && stack[len(stack)-1] == "VEVENT" && ev != nil {
				if events < maxICSEvents {
					if s, ok := icsSection(ev); ok {
						pd.sections = append(pd.sections, s)
						events++
					}
				}
				ev = nil
			}
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			continue
		}
		switch {
		case len(stack) == 1 && name == "X-WR-CALNAME":
			pd.title = icsText(value)
		case len(stack) >= 2 && stack[len(stack)-1] == "VEVENT" && ev != nil:
			if prev, seen := ev[name]; !seen {
				ev[name] = icsProp{params: params, value: value}
			} else if name == "EXDATE" && len(prev.value) < 4096 {
				// Excepted dates stand on lines of their own.
				ev[name] = icsProp{params: prev.params, value: prev.value + "," + value}
			}
		}
	}
	if len(pd.sections) == 0 {
		return pd, errNoText
	}
	return pd, nil
}

// icsProp is a property of an event: its parameters and its value.
type icsProp struct{ params, value string }

// icsLine splits an unfolded content line into its name (upper case),
// its parameters and its value; the colon inside a quoted parameter
// value does not end the name.
func icsLine(line string) (name, params, value string, ok bool) {
	quoted := false
	for i, r := range line {
		switch r {
		case '"':
			quoted = !quoted
		case ':':
			if quoted {
				continue
			}
			head := line[:i]
			name, params, _ = strings.Cut(head, ";")
			return strings.ToUpper(strings.TrimSpace(name)), params, line[i+1:], name != ""
		}
	}
	return "", "", "", false
}

// icsText unescapes a TEXT value: "\," "\;" "\\" and "\n" as a line
// break.
func icsText(v string) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] == '\\' && i+1 < len(v) {
			i++
			switch v[i] {
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				b.WriteByte(v[i])
			}
			continue
		}
		b.WriteByte(v[i])
	}
	return strings.TrimSpace(b.String())
}

// icsSection makes a section of an event: headed by its summary, its
// date line, description and location its text.
func icsSection(ev map[string]icsProp) (Section, bool) {
	h := icsText(ev["SUMMARY"].value)
	var lines []string
	if d := icsDates(ev); d != "" {
		lines = append(lines, "Datum: "+d)
	}
	if t := icsText(ev["DESCRIPTION"].value); t != "" {
		lines = append(lines, t)
	}
	if t := icsText(ev["LOCATION"].value); t != "" {
		lines = append(lines, "Ort: "+t)
	}
	if h == "" && len(lines) == 0 {
		return Section{}, false
	}
	if h == "" {
		h = "Termin"
	}
	return Section{Heading: h, Text: strings.Join(lines, "\n")}, true
}

// icsTime reads a DATE or DATE-TIME value; allDay is true for a date.
// A time is kept as written (in its TZID's zone, or UTC with "Z").
func icsTime(p icsProp) (t time.Time, allDay, utc bool, ok bool) {
	v := strings.TrimSpace(p.value)
	if len(v) == 8 {
		t, err := time.Parse("20060102", v)
		return t, true, false, err == nil
	}
	utc = strings.HasSuffix(v, "Z")
	t, err := time.Parse("20060102T150405", strings.TrimSuffix(v, "Z"))
	return t, false, utc, err == nil
}

// icsDates writes an event's start and end as a German date line: the
// end of a day-long event is the day after its last (RFC 5545).
func icsDates(ev map[string]icsProp) string {
	start, allDay, utc, ok := icsTime(ev["DTSTART"])
	if !ok {
		return ""
	}
	end, _, _, hasEnd := icsTime(ev["DTEND"])
	zone := " Uhr"
	if utc {
		zone = " Uhr (UTC)"
	}
	day := func(t time.Time) string {
		return fmt.Sprintf("%d. %s %d", t.Day(), icsMonths[t.Month()-1], t.Year())
	}
	var s string
	switch {
	case allDay:
		last := start
		if hasEnd && end.After(start) {
			last = end.AddDate(0, 0, -1)
		}
		if last.After(start) {
			s = fmt.Sprintf("%s bis %s (%s bis %s, ganztägig)", day(start), day(last), icsWeekdays[start.Weekday()], icsWeekdays[last.Weekday()])
		} else {
			s = fmt.Sprintf("%s, %s (ganztägig)", icsWeekdays[start.Weekday()], day(start))
		}
	case hasEnd && end.After(start) && end.YearDay() == start.YearDay() && end.Year() == start.Year():
		s = fmt.Sprintf("%s, %s, %s bis %s%s", icsWeekdays[start.Weekday()], day(start), start.Format("15:04"), end.Format("15:04"), zone)
	case hasEnd && end.After(start):
		s = fmt.Sprintf("%s, %s%s bis %s, %s%s", day(start), start.Format("15:04"), zone, day(end), end.Format("15:04"), zone)
	default:
		s = fmt.Sprintf("%s, %s, %s%s", icsWeekdays[start.Weekday()], day(start), start.Format("15:04"), zone)
	}
	if rule := ev["RRULE"].value; rule != "" {
		if r := icsRecurrence(rule, ev["EXDATE"].value); r != "" {
			s += ", " + r
		}
	}
	if id, _, _, ok := icsTime(ev["RECURRENCE-ID"]); ok && !id.Equal(start) {
		s += fmt.Sprintf(" (verlegt, statt am %s, %s)", icsWeekdays[id.Weekday()], icsDay(id))
	}
	return s
}
