// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"testing"

	"github.com/musterstadt/lotse/assistant"
)

func TestPriorityMatrix(t *testing.T) {
	want := [3][3]string{{P1, P2, P3}, {P2, P3, P4}, {P3, P4, P4}}
	for i := 1; i <= 3; i++ {
		for u := 1; u <= 3; u++ {
			if got := Priority(i, u); got != want[i-1][u-1] {
				t.Errorf("Priority(%d, %d) = %s, want %s", i, u, got, want[i-1][u-1])
			}
		}
	}
	if Priority(0, 9) != P3 {
		t.Errorf("out-of-range values are not clamped")
	}
	tests := []struct {
		canWork  string
		critical bool
		want     int
	}{
		{assistant.CanWorkNo, false, 1}, {assistant.CanWorkNo, true, 1},
		{assistant.CanWorkPartly, false, 2}, {assistant.CanWorkPartly, true, 1},
		{assistant.CanWorkYes, false, 3}, {assistant.CanWorkYes, true, 2},
		{"unknown", false, 2},
	}
	for _, tt := range tests {
		if got := Urgency(tt.canWork, tt.critical); got != tt.want {
			t.Errorf("Urgency(%s, %v) = %d, want %d", tt.canWork, tt.critical, got, tt.want)
		}
	}
	for v, want := range map[string]int{assistant.AffectedAll: 1, assistant.AffectedSome: 2, assistant.AffectedNo: 3, "unknown": 3} {
		if got := Impact(v); got != want {
			t.Errorf("Impact(%s) = %d, want %d", v, got, want)
		}
	}
}

func TestCatalog(t *testing.T) {
	c := DefaultCatalog()
	tests := map[string]string{
		"Outlook hängt":                                      "email",
		"mein Postfach ist voll":                             "email",
		"Der Drucker druckt nur leere Seiten":                "drucker",
		"Kein WLAN im Sitzungssaal":                          "wlan",
		"Das VPN verbindet nicht":                            "vpn",
		"Telefon klingelt nicht":                             "telefonie",
		"Fachverfahren startet nicht":                        "fachverfahren",
		"Netzlaufwerk H: fehlt":                              "netzlaufwerk",
		"Webex-Konferenz ohne Ton":                           "videokonferenz",
		"Passwort abgelaufen":                                "login",
		"Mein Laptop fährt nicht hoch":                       "arbeitsplatz",
		"Kennwort vergessen, kann mich nicht am PC anmelden": "login",
		"my e-mail does not sync":                            "email",
	}
	for text, want := range tests {
		got, ok := c.Match(text)
		if !ok || got.ID != want {
			t.Errorf("Match(%q) = %q, %v; want %q", text, got.ID, ok, want)
		}
	}
	if _, ok := c.Match("Wie beantrage ich Urlaub?"); ok {
		t.Error("Match found a service in an unrelated question")
	}
	if _, err := ParseCatalog([]byte("services: [{id: a, name: A}]")); err == nil {
		t.Error("ParseCatalog accepted a service without synonyms")
	}
	if _, err := ParseCatalog([]byte("services: [{id: a, name: A, synonyms: [x]}, {id: a, name: B, synonyms: [y]}]")); err == nil {
		t.Error("ParseCatalog accepted duplicate IDs")
	}
	c2, err := LoadCatalog("testdata/catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := c2.Match("Die Zeiterfassung bucht nicht"); !ok || got.ID != "zeiterfassung" || !got.Critical {
		t.Errorf("custom catalog Match = %+v, %v", got, ok)
	}
	if _, err := LoadCatalog("testdata/missing.yaml"); err == nil {
		t.Error("LoadCatalog of a missing file succeeded")
	}
}

// The intake asks where an incident is only for equipment at a desk.
func TestAsksWhere(t *testing.T) {
	s, _ := mustService(t, Config{})
	for id, want := range map[string]bool{
		"drucker": true, "arbeitsplatz": true, "telefonie": true, "wlan": true,
		"fachverfahren": false, "email": false, "vpn": false, "sonstiges": false, "": false,
	} {
		if got := s.AsksWhere(id); got != want {
			t.Errorf("AsksWhere(%q) = %v, want %v", id, got, want)
		}
	}
	c, err := ParseCatalog([]byte("services: [{id: beamer, name: Beamer, onsite: true, synonyms: [beamer]}]"))
	if err != nil {
		t.Fatal(err)
	}
	if svc, _ := c.Service("beamer"); !svc.OnSite {
		t.Error("ParseCatalog dropped onsite")
	}
}
