// SPDX-License-Identifier: EUPL-1.2

package evals

import "testing"

func TestMatchSource(t *testing.T) {
	tests := []struct {
		pattern, id string
		want        bool
	}{
		{"leistungen/reisepass", "leistungen/reisepass", true},
		{"reisepass", "leistungen/reisepass", true},         // last path element
		{"reisepass", "leistungen/kinderreisepass", false},  // not a suffix match
		{"leistungen", "leistungen/reisepass", false},       // first element is not enough
		{"leistungen/*", "leistungen/reisepass", true},      // glob per segment
		{"leistungen/*", "leistungen/sub/reisepass", false}, // * stays within a segment
		{"leistungen/**", "leistungen/sub/reisepass", true}, // ** spans segments
		{"intern/**", "intern", true},                       // ** matches zero segments
		{"**/vpn", "open-ost/_hsr/vpn", true},               // leading **
		{"**/vpn", "vpn", true},                             // leading ** with zero segments
		{"csc-user-guide/**/new-*", "csc-user-guide/support/faq/new-password", true},
		{"csc-user-guide/**/new-*", "csc-user-guide/support/faq/old-password", false},
		{"open-ost/**", "csc-user-guide/accounts/index", false},
		{"*/reisepass", "leistungen/reisepass", true},
		{"leistungen/reise?ass", "leistungen/reisepass", true},
		{"leistungen/[r]eisepass", "leistungen/reisepass", true},
		{"leistungen/[", "leistungen/reisepass", false}, // malformed glob never matches
		{"**", "a/b/c", true},
		{"a/**/**/c", "a/c", true},
	}
	for _, tt := range tests {
		if got := MatchSource(tt.pattern, tt.id); got != tt.want {
			t.Errorf("MatchSource(%q, %q) = %t, want %t", tt.pattern, tt.id, got, tt.want)
		}
	}
}

func TestContainsFact(t *testing.T) {
	tests := []struct {
		text, fact string
		want       bool
	}{
		{"Der Pass kostet 70,00 Euro.", "70,00 Euro", true},
		{"Der Pass kostet 70,00 EURO.", "70,00 euro", true},      // case
		{"Der Pass kostet 70,00\u00a0Euro.", "70,00 Euro", true}, // no-break space
		{"Der Pass kostet 70,00 \n  Euro.", "70,00 Euro", true},  // white space runs
		{"Höchstens 1.000 Euro", "1000 Euro", true},              // thousands dot in text
		{"Höchstens 1000 Euro", "1.000 Euro", true},              // thousands dot in fact
		{"Höchstens 1 000 Euro", "1.000 Euro", true},             // thousands space
		{"up to 10,000 files", "10000 files", true},              // English thousands comma
		{"rund 1.000.000 Einwohner", "1000000", true},            // several groups
		{"Der Pass kostet 70,00 Euro.", "7000 Euro", false},      // a decimal comma stays
		{"Der Pass kostet 37,50 Euro.", "70,00 Euro", false},     // different amount
		{"Version 1.0001", "10001", false},                       // four digits are no group
		{"Bearbeitung 4 bis 6 Wochen", "4 bis 6 wochen", true},
		{"Bearbeitung 4 bis 6 Wochen", "", false}, // empty fact never matches
		{"Straße", "STRASSE", false},              // no transliteration
		{"Öffnungszeiten: MITTWOCH geschlossen", "mittwoch geschlossen", true},
	}
	for _, tt := range tests {
		if got := ContainsFact(tt.text, tt.fact); got != tt.want {
			t.Errorf("ContainsFact(%q, %q) = %t, want %t", tt.text, tt.fact, got, tt.want)
		}
	}
}
