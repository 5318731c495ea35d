// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/musterstadt/lotse/knowledge/german"
)

func TestReadDates(t *testing.T) {
	tests := []struct {
		text string
		want []dayOfYear
	}{
		{"Am 24. und 31. Dezember 2026 ist die Verwaltung geschlossen.", []dayOfYear{1224, 1231}},
		{"Vom 28. bis 30. Dezember 2026 ist nur die Meldestelle geöffnet.", []dayOfYear{1228, 1229, 1230}},
		{"Die Sperre gilt vom 30.12. bis 2.1.", []dayOfYear{1230, 1231, 101, 102}},
		{"Ab Montag, 4. Januar 2027, gelten die üblichen Zeiten.", []dayOfYear{104}},
		{"Geschlossen am Donnerstag, 17.12.2026.", []dayOfYear{1217}},
		{"Termine am 17. sind abgesagt.", nil},                  // a day without its month
		{"Nach § 3. Absatz 2 gilt das auch für Kinder.", nil},   // no month
		{"Die Frist endet am 31. April.", nil},                  // no such day
		{"Kosten: 12,50 Euro, 3 Wochen Bearbeitungszeit.", nil}, // no date at all
		{"Am 2. Mai und am 5. Mai bleibt das Amt zu.", []dayOfYear{502, 505}},
		// English writes no full stop after the day, or the day after the month.
		{"is the office open on 24 December", []dayOfYear{1224}},
		{"closed on December 31 and January 2?", []dayOfYear{1231, 102}},
		{"we have 3 children and 12 pets", nil},
	}
	for _, tt := range tests {
		if got := readDates(german.Fold(tt.text)); !cmp.Equal(got, tt.want) {
			t.Errorf("readDates(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestAskedDates(t *testing.T) {
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		want []dayOfYear
	}{
		{"kann ich den an silvester abholen", []dayOfYear{1231}},
		{"hat das amt zwischen den jahren auf", []dayOfYear{1227, 1228, 1229, 1230}},
		{"hat das rathaus morgen offen", []dayOfYear{1205}},
		{"seit heute morgen druckt nichts", []dayOfYear{1204}}, // this morning, not tomorrow
		{"hat das bürgerbüro am 17. dezember offen", []dayOfYear{1217}},
		{"was kostet ein reisepass", nil},
	}
	for _, tt := range tests {
		got := askedDates(german.Fold(tt.text), words(tt.text), now)
		slices.Sort(got)
		if !cmp.Equal(got, tt.want) {
			t.Errorf("askedDates(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	if got := datePhrase([]dayOfYear{1217, 101}); got != "17. Dezember 1. Januar" {
		t.Errorf("datePhrase = %q", got)
	}
}

// A day of a month or a time of day is no age.
func TestDateIsNoAge(t *testing.T) {
	a := mustAssistant(t, nil)
	for text, want := range map[string]int{
		"hat das bürgerbüro am 17. dezember offen":   0,
		"ich komme am 16.12. vorbei":                 0,
		"geht es am 17 uhr noch":                     0,
		"ich bin 17 und brauche einen ausweis":       17,
		"ich bin 16. muss ich selbst unterschreiben": 16,
	} {
		if got := a.lex.situationOf(text, words(text)).age; got != want {
			t.Errorf("age of %q = %d, want %d", text, got, want)
		}
	}
}

// Every holiday's first word is listed, so that the holiday is looked up.
func TestHolidayStarts(t *testing.T) {
	for k := range holidays {
		if first := strings.Fields(k)[0]; !holidayStarts[first] {
			t.Errorf("holidayStarts lacks %q (of %q)", first, k)
		}
	}
}
