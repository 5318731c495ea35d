// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestICSRecurrence checks that an event's recurrence is written out in
// German: the day with its ordinal, the interval, the end by date or
// count, the excepted dates, and a moved instance with the date it
// replaces.
func TestICSRecurrence(t *testing.T) {
	cal := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Sprechzeiten\r\n" +
		"BEGIN:VEVENT\r\nSUMMARY:Seniorenberatung\r\nRRULE:FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261218T120000Z\r\n" +
		"EXDATE;TZID=Europe/Berlin:20260529T100000\r\nEXDATE;TZID=Europe/Berlin:20260828T100000\r\n" +
		"DTSTART;TZID=Europe/Berlin:20260130T100000\r\nDTEND;TZID=Europe/Berlin:20260130T120000\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nSUMMARY:Ortsbeirat\r\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=6\r\n" +
		"DTSTART:20260105T190000\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nSUMMARY:Seniorenberatung (verlegt)\r\nRECURRENCE-ID;TZID=Europe/Berlin:20260227T100000\r\n" +
		"DTSTART;TZID=Europe/Berlin:20260306T100000\r\nDTEND;TZID=Europe/Berlin:20260306T120000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	pd, err := parseICS([]byte(cal))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, s := range pd.sections {
		got[s.Heading] = s.Text
	}
	for h, want := range map[string]string{
		"Seniorenberatung":           "jeden letzten Freitag im Monat bis 18. Dezember 2026; entfällt am 29. Mai 2026 und 28. August 2026",
		"Ortsbeirat":                 "alle zwei Wochen am Montag und Mittwoch, 6 Termine",
		"Seniorenberatung (verlegt)": "(verlegt, statt am Freitag, 27. Februar 2026)",
	} {
		if !strings.Contains(got[h], want) {
			t.Errorf("%s: %q lacks %q", h, got[h], want)
		}
	}
}
