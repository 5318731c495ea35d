// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/musterstadt/lotse/knowledge"
)

func TestCleanSummary(t *testing.T) {
	long := strings.Repeat("Anliegen zum Reisepass ", 40)
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Die Person fragt nach dem Reisepass.", "Die Person fragt nach dem Reisepass."},
		{"markdown and lines", "## Zusammenfassung\n**Anliegen:** Reisepass\n* offen: Termin", "Zusammenfassung Anliegen: Reisepass - offen: Termin"},
		{"personal data the model wrote", "Rückruf an erika@example.org oder 0171 2345678.", "Rückruf an [E-MAIL] oder [TELEFON]."},
		{"blank", " \n\t ", ""},
		{"long", long, strings.TrimSpace(long[:strings.LastIndex(long[:maxSummaryRunes-1], " ")]) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cleanSummary(tt.in)
			if got != tt.want {
				t.Errorf("cleanSummary(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if n := utf8.RuneCountInString(got); n > maxSummaryRunes {
				t.Errorf("%d runes, want at most %d", n, maxSummaryRunes)
			}
		})
	}
}

func TestSummaryTurns(t *testing.T) {
	var entries []Entry
	for i := range maxSummaryTurns + 5 {
		role := RoleUser
		if i%2 == 1 {
			role = RoleAssistant
		}
		entries = append(entries, Entry{Role: role, Text: strings.Repeat("x", maxLLMHistoryRunes+50)})
	}
	entries = append(entries, Entry{Role: RoleSystem, Text: "intern"}, Entry{Role: RoleAgent, Text: "Hier ist Frau Schmidt."})
	got := summaryTurns(entries)
	if len(got) != maxSummaryTurns {
		t.Fatalf("%d turns, want %d", len(got), maxSummaryTurns)
	}
	if last := got[len(got)-1]; last.Role != "agent" || last.Text != "Hier ist Frau Schmidt." {
		t.Errorf("last turn = %+v, want the agent's entry (system entries left out)", last)
	}
	if n := utf8.RuneCountInString(got[0].Text); n > maxLLMHistoryRunes+2 {
		t.Errorf("first turn has %d runes, want it shortened", n)
	}
}

// Without a model the packet carries the extractive summary and nothing
// calls a model.
func TestEscalationSummaryOffline(t *testing.T) {
	tk := &fakeTickets{}
	a := mustAssistant(t, func(c *Config) { c.Tickets = tk })
	c := newConv(knowledge.Citizen)
	mustAsk(t, a, c, "Was kostet ein Reisepass? Mail erika@example.org")
	ans := mustAsk(t, a, c, "Mitarbeiter")
	if len(tk.escalations) != 1 {
		t.Fatalf("%d escalations", len(tk.escalations))
	}
	want := "Was kostet ein Reisepass? Mail [E-MAIL]"
	if got := tk.escalations[0].Summary; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
	if ans.Handoff == nil || ans.Handoff.Summary != want {
		t.Errorf("handoff = %+v", ans.Handoff)
	}
}

func TestCheckSummary(t *testing.T) {
	e := Escalation{
		Transcript: []Entry{
			{Role: RoleUser, Text: "Mein Ausweis ist weg, ich brauche bis Freitag einen neuen."},
			{Role: RoleAssistant, Text: "Ein vorläufiger Personalausweis kostet 10,00 Euro. Telefon: 0123 456-100."},
		},
		Sources: []Source{{Title: "Personalausweis beantragen", URL: "https://www.musterstadt.example/leistungen/personalausweis"}},
	}
	tests := []struct {
		name, in, want, kind string
	}{
		{"supported", "Die Person hat ihren Ausweis verloren. Ein vorläufiger Ausweis kostet 10,00 Euro.", "Die Person hat ihren Ausweis verloren. Ein vorläufiger Ausweis kostet 10,00 Euro.", ""},
		{"invented amount", "Die Person hat ihren Ausweis verloren. Die Gebühr beträgt 25,00 Euro.", "Die Person hat ihren Ausweis verloren.", "amount"},
		{"invented phone", "Rückruf unter 0171 2345678 gewünscht. Die Person hat ihren Ausweis verloren.", "Die Person hat ihren Ausweis verloren.", "phone"},
		{"invented link", "Antrag unter https://ausweis-schnell.example.com. Die Person hat ihren Ausweis verloren.", "Die Person hat ihren Ausweis verloren.", "url"},
		{"invented promise", "Wir werden den Ausweis bis Freitag zusenden. Die Person hat ihren Ausweis verloren.", "Die Person hat ihren Ausweis verloren.", "promise"},
		{"invented call back", "Ein Mitarbeiter ruft die Person morgen zurück. Die Person hat ihren Ausweis verloren.", "Die Person hat ihren Ausweis verloren.", "promise"},
		{"wish is no promise", "Die Person möchte einen neuen Ausweis bis Freitag.", "Die Person möchte einen neuen Ausweis bis Freitag.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, refused := checkSummary(tt.in, e)
			if got != tt.want {
				t.Errorf("summary %q, want %q", got, tt.want)
			}
			switch {
			case tt.kind == "" && len(refused) > 0:
				t.Errorf("refused %+v", refused)
			case tt.kind != "" && (len(refused) != 1 || refused[0].Kind != tt.kind):
				t.Errorf("refused %+v, want one %s", refused, tt.kind)
			}
		})
	}
}

func TestCheckSummaryKeepsPromisesTheDeskMade(t *testing.T) {
	e := Escalation{Transcript: []Entry{
		{Role: RoleUser, Text: "Wann bekomme ich Bescheid?"},
		{Role: RoleAgent, Text: "Wir melden uns morgen bei Ihnen."},
	}}
	in := "Der Service-Desk meldet sich morgen bei der Person."
	if got, refused := checkSummary(in, e); got != in || len(refused) > 0 {
		t.Errorf("summary %q refused %+v", got, refused)
	}
}
