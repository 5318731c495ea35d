// SPDX-License-Identifier: EUPL-1.2

package assistant

import "testing"

// The noun made of an adjective with "-keit" or "-heit" meets the
// adjective; a short one keeps its ending ("Freiheit" is no "frei").
func TestStemAdjectiveNoun(t *testing.T) {
	for a, b := range map[string]string{"ungueltigkeit": "ungueltig", "zustaendigkeiten": "zustaendig", "krankheit": "krank"} {
		if stem(a) != stem(b) {
			t.Errorf("stem(%q) = %q, stem(%q) = %q", a, stem(a), b, stem(b))
		}
	}
	if stem("freiheit") == stem("frei") {
		t.Errorf("stem(freiheit) = stem(frei) = %q", stem("frei"))
	}
}
