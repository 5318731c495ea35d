// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/musterstadt/lotse/knowledge"
)

func TestTransfer(t *testing.T) {
	tk := &fakeTickets{}
	a := mustAssistant(t, func(c *Config) { c.Tickets = tk })
	src := Source{ID: "leistungen/reisepass", Title: "Reisepass beantragen"}
	conv := &Conversation{ID: "call-1", Audience: knowledge.Citizen, Channel: "phone", Lang: "de", Entries: []Entry{
		{Role: RoleAssistant, Text: "Guten Tag.", Intent: IntentSmalltalk},
		{Role: RoleUser, Text: "Was kostet ein Reisepass? Meine Nummer ist 0171 2345678"},
		{Role: RoleAssistant, Text: "Ein Reisepass kostet 70 Euro.", Intent: IntentServiceInfo, Sources: []Source{src}},
		{Role: RoleUser, Text: "Ich möchte mit einem Menschen sprechen"},
		{Role: RoleAssistant, Text: "Gern verbinde ich Sie.", Intent: IntentHuman},
	}}
	before := len(conv.Entries)
	key, err := a.Transfer(context.Background(), conv, Handover{Contact: "+49 171 2345678"})
	if err != nil || key != "LOT-1" {
		t.Fatalf("Transfer = %q, %v", key, err)
	}
	if len(conv.Entries) != before {
		t.Errorf("Transfer changed the conversation")
	}
	e := tk.escalations[0]
	if e.ConversationID != "call-1" || e.Channel != "phone" || e.Audience != knowledge.Citizen || e.Lang != "de" {
		t.Errorf("packet header = %+v", e)
	}
	if e.Intent != IntentServiceInfo || e.Reason != "requested" || e.Contact != "+49 171 2345678" {
		t.Errorf("intent, reason, contact = %q, %q, %q", e.Intent, e.Reason, e.Contact)
	}
	if diff := cmp.Diff([]Source{src}, e.Sources); diff != "" {
		t.Errorf("sources (-want +got):\n%s", diff)
	}
	if len(e.Transcript) != before {
		t.Errorf("transcript has %d entries, want %d", len(e.Transcript), before)
	}
	for _, en := range e.Transcript {
		if strings.Contains(en.Text, "2345678") {
			t.Errorf("transcript not redacted: %q", en.Text)
		}
	}
	if !strings.Contains(e.Summary, "Reisepass") || strings.Contains(e.Summary, "2345678") || strings.Contains(e.Summary, "Menschen") {
		t.Errorf("summary = %q", e.Summary)
	}

	none := mustAssistant(t, nil)
	if _, err := none.Transfer(context.Background(), conv, Handover{}); !errors.Is(err, ErrNoTickets) {
		t.Errorf("without tickets: %v, want ErrNoTickets", err)
	}
}
