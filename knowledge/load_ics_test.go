// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestICSEvents checks that an iCalendar file as a calendar program
// exports it (CRLF, folded lines, escaped commas, a VTIMEZONE block, an
// alarm inside an event) is a notice titled by the calendar's name, an
// event a section headed by its summary with a German date line (a
// day-long event's end is the day after its last), its description
// and its location.
func TestICSEvents(t *testing.T) {
	ics := strings.Join([]string{
		"BEGIN:VCALENDAR",
		"VERSION:2.0",
		"PRODID:-//Beispiel//Kalender//DE",
		"X-WR-CALNAME:Schließtage Beispielamt",
		"BEGIN:VTIMEZONE",
		"TZID:Europe/Berlin",
		"BEGIN:STANDARD",
		"DTSTART:16011028T030000",
		"TZOFFSETTO:+0100",
		"END:STANDARD",
		"END:VTIMEZONE",
		"BEGIN:VEVENT",
		"UID:1@beispiel.example",
		"DTSTART;VALUE=DATE:20270302",
		"DTEND;VALUE=DATE:20270305",
		"SUMMARY:Umzug: Beispielamt geschlossen",
		"DESCRIPTION:Das Beispielamt zieht um\\, Anträge nimmt in dieser Zeit das Mus",
		" teramt an.\\nBitte rufen Sie vorher an.",
		"LOCATION:Musterweg 1\\, 99999 Beispielstadt",
		"BEGIN:VALARM",
		"DESCRIPTION:Erinnerung",
		"END:VALARM",
		"END:VEVENT",
		"BEGIN:VEVENT",
		"DTSTART;TZID=\"Europe/Berlin\":20270316T130000",
		"DTEND;TZID=\"Europe/Berlin\":20270316T150000",
		"SUMMARY:Betriebsausflug",
		"END:VEVENT",
		"BEGIN:VEVENT",
		"DTSTART;VALUE=DATE:20270401",
		"SUMMARY:Ostertag",
		"END:VEVENT",
		"END:VCALENDAR",
		"",
	}, "\r\n")
	pd, err := parseICS([]byte(ics))
	if err != nil {
		t.Fatal(err)
	}
	if pd.title != "Schließtage Beispielamt" || pd.kind != string(KindNotice) {
		t.Errorf("title %q, kind %q", pd.title, pd.kind)
	}
	want := []Section{
		{Heading: "Umzug: Beispielamt geschlossen", Text: "Datum: 2. März 2027 bis 4. März 2027 (Dienstag bis Donnerstag, ganztägig)\n" +
			"Das Beispielamt zieht um, Anträge nimmt in dieser Zeit das Musteramt an.\nBitte rufen Sie vorher an.\nOrt: Musterweg 1, 99999 Beispielstadt"},
		{Heading: "Betriebsausflug", Text: "Datum: Dienstag, 16. März 2027, 13:00 bis 15:00 Uhr"},
		{Heading: "Ostertag", Text: "Datum: Donnerstag, 1. April 2027 (ganztägig)"},
	}
	if len(pd.sections) != len(want) {
		t.Fatalf("sections %q, want %q", pd.sections, want)
	}
	for i, s := range pd.sections {
		if s.Heading != want[i].Heading || s.Text != want[i].Text {
			t.Errorf("section %d: %q / %q, want %q / %q", i, s.Heading, s.Text, want[i].Heading, want[i].Text)
		}
	}
	if _, err := parseICS([]byte("BEGIN:VCARD\r\nFN:Erika\r\nEND:VCARD\r\n")); err == nil {
		t.Error("a vCard is read as a calendar")
	}
}
