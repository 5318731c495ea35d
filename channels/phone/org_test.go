// SPDX-License-Identifier: EUPL-1.2

package phone

import (
	"context"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/assistant"
)

func TestGreetingNamesOrganization(t *testing.T) {
	tests := []struct {
		name           string
		org, orgEN     string
		wantDE, wantEN string
	}{
		{"defaults", "", "", "der Stadt Musterstadt.", "of the City of Musterstadt."},
		{"german only", "Gemeinde Beispielheim", "", "der Gemeinde Beispielheim.", "of the Gemeinde Beispielheim."},
		{"both", "Hansestadt Beispielburg", "Hanseatic City of Beispielburg", "der Hansestadt Beispielburg.", "of the Hanseatic City of Beispielburg."},
		{"english only", "", "Town of Example", "der Stadt Musterstadt.", "of the Town of Example."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := Config{Organization: tt.org, OrganizationEN: tt.orgEN}
			if got := greeting(&cfg, "de"); !strings.Contains(got, "KI-Assistenten "+tt.wantDE) || strings.Contains(got, "{org}") {
				t.Errorf("German greeting %q, want %q", got, tt.wantDE)
			}
			if got := greeting(&cfg, "en"); !strings.Contains(got, "AI assistant "+tt.wantEN) || strings.Contains(got, "{org}") {
				t.Errorf("English greeting %q, want %q", got, tt.wantEN)
			}
		})
	}
}

// The caller hears the configured name, and the transcript records it.
func TestGreetingOrganizationOverTwilio(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.Organization = "Gemeinde Beispielheim" })
	c := e.twilioCall("CAorg")
	got := spoken(c.start())
	if !strings.Contains(got, "dem KI-Assistenten der Gemeinde Beispielheim.") || strings.Contains(got, "Musterstadt") {
		t.Errorf("greeting %q, want the configured organisation", got)
	}
	conv, err := e.store.Load(context.Background(), ConversationID("CAorg"))
	if err != nil {
		t.Fatal(err)
	}
	if len(conv.Entries) == 0 || conv.Entries[0].Role != assistant.RoleAssistant || !strings.Contains(conv.Entries[0].Text, "Gemeinde Beispielheim") {
		t.Errorf("transcript %+v, want the greeting with the organisation first", conv.Entries)
	}
}
