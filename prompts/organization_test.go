// SPDX-License-Identifier: EUPL-1.2

package prompts

import "testing"

func TestOrganizationNames(t *testing.T) {
	tests := []struct {
		org, orgEN         string
		wantOrg, wantOrgEN string
	}{
		{"", "", DefaultOrganization, DefaultOrganizationEN},
		{"Gemeinde Beispielheim", "", "Gemeinde Beispielheim", "Gemeinde Beispielheim"},
		{"", "Town of Example", DefaultOrganization, "Town of Example"},
		{" Hansestadt Beispielburg\t", " Hanseatic City of Beispielburg ", "Hansestadt Beispielburg", "Hanseatic City of Beispielburg"},
		{"   ", "  ", DefaultOrganization, DefaultOrganizationEN},
	}
	for _, tt := range tests {
		org, orgEN := OrganizationNames(tt.org, tt.orgEN)
		if org != tt.wantOrg || orgEN != tt.wantOrgEN {
			t.Errorf("OrganizationNames(%q, %q) = %q, %q; want %q, %q", tt.org, tt.orgEN, org, orgEN, tt.wantOrg, tt.wantOrgEN)
		}
	}
}
