// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// numberRE finds ISO dates and digit groups joined by . , or : ("70,00",
// "14.06.2026", "8:30", "1.000,50").
var numberRE = regexp.MustCompile(`\d{4}-\d{1,2}-\d{1,2}|\d+(?:[.,:]\d+)*`)

// enumerationRE finds list numbers at the start of a line ("1. ", "2) "),
// which are layout, not facts.
var enumerationRE = regexp.MustCompile(`(?m)^[ \t]*\d{1,2}[.)][ \t]`)

// extractFacts returns canonical keys for the numbers in s, so that
// "70,00", "70.00" and "70" compare equal, as do "8:00 Uhr" and "8 Uhr",
// or "14.06.2026" and "2026-06-14". For a source (source=true) it also
// returns the parts a faithful answer may quote separately: day, month and
// year of a date, the hour of a full hour.
func extractFacts(s string, source bool) []string {
	var keys []string
	for _, f := range numberFacts(s, source) {
		keys = append(keys, f.key)
	}
	return keys
}

// fact is a canonical key found at s[start:end].
type fact struct {
	key        string
	start, end int
}

// numberFacts is extractFacts with the place of every key.
func numberFacts(s string, source bool) []fact {
	skip := map[int]bool{}
	if !source {
		for _, loc := range enumerationRE.FindAllStringIndex(s, -1) {
			for i := loc[0]; i < loc[1]; i++ {
				skip[i] = true
			}
		}
	}
	var keys []fact
	var loc []int
	add := func(k ...string) {
		for _, key := range k {
			keys = append(keys, fact{key, loc[0], loc[1]})
		}
	}
	for _, loc = range numberRE.FindAllStringIndex(s, -1) {
		if skip[loc[0]] {
			continue
		}
		tok := s[loc[0]:loc[1]]
		rest := strings.TrimLeft(s[loc[1]:], " \u00a0")
		uhr := strings.HasPrefix(rest, "Uhr") || strings.HasPrefix(rest, "o'clock")
		dotAfter := strings.HasPrefix(s[loc[1]:], ".") && !strings.HasPrefix(s[loc[1]:], ".\n") && loc[1]+1 < len(s)

		// ISO date.
		if y, m, d, ok := isoDate(tok); ok {
			add(dateKey(d, m, y))
			if source {
				add(num(float64(d)), num(float64(m)), num(float64(y)))
			}
			continue
		}
		groups := strings.FieldsFunc(tok, func(r rune) bool { return r == '.' || r == ',' || r == ':' })
		seps := strings.Map(func(r rune) rune {
			if r == '.' || r == ',' || r == ':' {
				return r
			}
			return -1
		}, tok)

		switch {
		// Date d.m.yyyy or d.m.yy.
		case seps == ".." && len(groups[0]) <= 2 && len(groups[1]) <= 2 && (len(groups[2]) == 4 || len(groups[2]) == 2):
			d, _ := strconv.Atoi(groups[0])
			m, _ := strconv.Atoi(groups[1])
			y, _ := strconv.Atoi(groups[2])
			if y < 100 {
				y += 2000
			}
			add(dateKey(d, m, y))
			if source {
				add(num(float64(d)), num(float64(m)), num(float64(y)), dayMonthKey(d, m))
			}
			continue
		// Time h:mm, or h.mm before "Uhr".
		case (seps == ":" || (seps == "." && uhr)) && len(groups[0]) <= 2 && len(groups[1]) == 2:
			h, _ := strconv.Atoi(groups[0])
			mi, _ := strconv.Atoi(groups[1])
			if h <= 24 && mi < 60 {
				add(timeKey(h, mi))
				if source && mi == 0 {
					add(num(float64(h)))
				}
				continue
			}
		// Day and month without year: "14.06." (answers only; sources
		// add it with their dates).
		case seps == "." && dotAfter && len(groups[0]) <= 2 && len(groups[1]) <= 2 && !uhr:
			d, _ := strconv.Atoi(groups[0])
			m, _ := strconv.Atoi(groups[1])
			if d >= 1 && d <= 31 && m >= 1 && m <= 12 {
				k := dayMonthKey(d, m)
				add(k)
				if source {
					add(num(float64(d)), num(float64(m)))
				}
				continue
			}
		}
		if v, ok := parseAmount(tok, seps, groups); ok {
			add(num(v))
			if source && uhr && v == float64(int(v)) && v <= 24 {
				add(timeKey(int(v), 0))
			}
			continue
		}
		// Anything else ("1:1000", "10:30:00"): every group on its own.
		for _, g := range groups {
			v, _ := strconv.ParseFloat(g, 64)
			add(num(v))
		}
	}
	return keys
}

func dateKey(d, m, y int) string  { return fmt.Sprintf("d:%d.%d.%d", d, m, y) }
func dayMonthKey(d, m int) string { return fmt.Sprintf("dm:%d.%d", d, m) }
func timeKey(h, mi int) string    { return fmt.Sprintf("t:%d:%02d", h, mi) }

func isoDate(tok string) (y, m, d int, ok bool) {
	parts := strings.Split(tok, "-")
	if len(parts) != 3 {
		return 0, 0, 0, false
	}
	y, _ = strconv.Atoi(parts[0])
	m, _ = strconv.Atoi(parts[1])
	d, _ = strconv.Atoi(parts[2])
	return y, m, d, true
}

// parseAmount reads a number in German notation (1.000,50) or with a
// decimal point (70.00, 37.5). A single dot followed by exactly three
// digits is a thousands separator, as German writes it.
func parseAmount(tok, seps string, groups []string) (float64, bool) {
	if strings.Contains(seps, ":") {
		return 0, false
	}
	switch {
	case seps == "":
	case strings.Count(seps, ",") == 1 && strings.HasSuffix(seps, ","):
		// German: dots group thousands, the comma is the decimal mark.
		for _, g := range groups[1 : len(groups)-1] {
			if len(g) != 3 {
				return 0, false
			}
		}
		tok = strings.ReplaceAll(tok, ".", "")
		tok = strings.Replace(tok, ",", ".", 1)
	case !strings.Contains(seps, ","):
		if len(seps) == 1 && len(groups[1]) != 3 {
			break // decimal point: 70.00, 37.5
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, false
			}
		}
		tok = strings.ReplaceAll(tok, ".", "")
	default:
		return 0, false
	}
	v, err := strconv.ParseFloat(tok, 64)
	return v, err == nil
}

func num(v float64) string { return "n:" + strconv.FormatFloat(v, 'f', -1, 64) }
