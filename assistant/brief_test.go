// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"strings"
	"testing"

	"github.com/musterstadt/lotse/knowledge"
)

func TestBriefIsReadable(t *testing.T) {
	tk := &fakeTickets{}
	a := mustAssistant(t, func(c *Config) { c.Tickets = tk })
	c := newConv(knowledge.Citizen)
	mustAsk(t, a, c, "Was kostet ein Reisepass? Meine Mail ist max.mustermann@example.org")
	mustAsk(t, a, c, "Ich möchte mit einem Menschen sprechen")
	if len(tk.escalations) != 1 {
		t.Fatalf("%d escalations", len(tk.escalations))
	}
	b := tk.escalations[0].Brief
	t.Logf("brief:\n%s", b)
	for _, want := range []string{
		"Leistung: ", "(leistungen/reisepass)",
		"Anliegen: Die Person fragt nach den Kosten zu „",
		"Lotse hat bereits geantwortet mit: „",
		"Grund der Übergabe: auf Wunsch der Person",
		"Sprache: Deutsch",
		"Kontakt: im Web-Chat",
	} {
		if !strings.Contains(b, want) {
			t.Errorf("brief lacks %q", want)
		}
	}
	for _, bad := range []string{"example.org", "requested", "|", "service_info"} {
		if strings.Contains(b, bad) {
			t.Errorf("brief contains %q", bad)
		}
	}
}

func TestBriefWithoutQuestion(t *testing.T) {
	tk := &fakeTickets{}
	a := mustAssistant(t, func(c *Config) { c.Tickets = tk })
	c := newConv(knowledge.Citizen)
	mustAsk(t, a, c, "Mitarbeiter")
	if len(tk.escalations) != 1 {
		t.Fatalf("%d escalations", len(tk.escalations))
	}
	e := tk.escalations[0]
	if e.Summary != summaryNoQuestion || !strings.Contains(e.Brief, "Anliegen: "+summaryNoQuestion) {
		t.Errorf("summary %q brief %q", e.Summary, e.Brief)
	}
}

// The incident intake learns the conversation's channel, so that incident
// tickets record it like escalations.
func TestIncidentStepCarriesChannel(t *testing.T) {
	tk := &fakeTickets{replies: []incidentReply{{Text: "Seit wann besteht das Problem?", Slots: map[string]string{"service": "drucker"}}}}
	a := mustAssistant(t, func(c *Config) { c.Tickets = tk })
	c := newConv(knowledge.Employee)
	c.Channel = "phone"
	mustAsk(t, a, c, "Mein Drucker druckt nicht, bitte eine Störung melden")
	if len(tk.steps) != 1 || tk.steps[0].Channel != "phone" {
		t.Fatalf("incident steps %+v, want one with channel phone", tk.steps)
	}
}
