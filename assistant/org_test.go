// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"reflect"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/knowledge"
)

func TestOrganizationInTexts(t *testing.T) {
	tests := []struct {
		name           string
		org, orgEN     string
		wantDE, wantEN string
	}{
		{"defaults", "", "", "der Stadt Musterstadt", "of the City of Musterstadt"},
		{"german name only", "Gemeinde Beispielheim", "", "der Gemeinde Beispielheim", "of the Gemeinde Beispielheim"},
		{"both names", "Hansestadt Beispielburg", "Hanseatic City of Beispielburg", "der Hansestadt Beispielburg", "of the Hanseatic City of Beispielburg"},
		{"english name only", "", "Town of Example", "der Stadt Musterstadt", "of the Town of Example"},
		{"spaces trimmed", "  Stadt Am See ", "", "der Stadt Am See.", "of the Stadt Am See."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustAssistant(t, func(c *Config) { c.Organization, c.OrganizationEN = tt.org, tt.orgEN })
			if got := a.Disclosure("de"); !strings.Contains(got, "KI-Assistenten "+tt.wantDE) {
				t.Errorf("Disclosure(de) = %q, want %q", got, tt.wantDE)
			}
			if got := a.Disclosure("en-GB"); !strings.Contains(got, "AI assistant "+tt.wantEN) {
				t.Errorf("Disclosure(en) = %q, want %q", got, tt.wantEN)
			}
			conv := newConv(knowledge.Citizen)
			first := mustAsk(t, a, conv, "Hallo")
			if !strings.HasPrefix(first.Text, a.Disclosure("de")+"\n\n") {
				t.Errorf("first answer = %q, want it to open with the organisation's disclosure", first.Text)
			}
			who := mustAsk(t, a, conv, "Wer bist du?")
			if !strings.Contains(who.Text, "KI-Assistent "+tt.wantDE) {
				t.Errorf("who answer = %q, want %q", who.Text, tt.wantDE)
			}
			for _, s := range []string{first.Text, who.Text, a.Disclosure("en")} {
				if strings.Contains(s, orgPlaceholder) {
					t.Errorf("placeholder left in %q", s)
				}
			}
		})
	}
}

func TestOrganizationPackageDisclosureIsDefault(t *testing.T) {
	a := mustAssistant(t, nil)
	for _, lang := range []string{"de", "en", "", "tr"} {
		if got, want := Disclosure(lang), a.Disclosure(lang); got != want {
			t.Errorf("Disclosure(%q) = %q, want the default assistant's %q", lang, got, want)
		}
	}
	if !strings.Contains(Disclosure("de"), "der "+DefaultOrganization+".") {
		t.Errorf("Disclosure(de) = %q", Disclosure("de"))
	}
}

func TestOrganizationRejected(t *testing.T) {
	tests := []struct{ name, org, orgEN, want string }{
		{"line break", "Stadt\nMusterstadt", "", "line break"},
		{"control", "Stadt \x1b[31mRot", "", "control"},
		{"too long", strings.Repeat("Stadt ", 30), "", "longer than"},
		{"placeholder", "", "City {org}", "{org}"},
		{"invalid utf-8", "Stadt \xff", "", "UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(Config{Retriever: mustFakeRetriever(t), Organization: tt.org, OrganizationEN: tt.orgEN})
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "organization") {
				t.Errorf("New: err = %v, want it to mention organization and %q", err, tt.want)
			}
		})
	}
}

// Only the sentences withOrg fills in may hold the placeholder; after it
// no sentence does.
func TestOrganizationPlaceholderOnlyWhereFilled(t *testing.T) {
	o, err := newOrgTexts("Gemeinde X", "Municipality of X")
	if err != nil {
		t.Fatal(err)
	}
	for lang, pair := range map[string][2]messages{"de": {messagesDE, o.de}, "en": {messagesEN, o.en}} {
		raw, filled := reflect.ValueOf(pair[0]), reflect.ValueOf(pair[1])
		for i := range raw.NumField() {
			name := raw.Type().Field(i).Name
			has := strings.Contains(raw.Field(i).String(), orgPlaceholder)
			if want := name == "Disclosure" || name == "Who"; has != want {
				t.Errorf("%s.%s: placeholder %v, want %v", lang, name, has, want)
			}
			if strings.Contains(filled.Field(i).String(), orgPlaceholder) {
				t.Errorf("%s.%s keeps the placeholder after filling", lang, name)
			}
		}
	}
}
