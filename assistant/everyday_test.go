// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"testing"

	"github.com/musterstadt/lotse/knowledge"
)

// TestEverydayPersonAndOutage checks the everyday wordings of session 35
// (written from how people write, not from eval cases): a person asked
// for or a call back, an employee's outage in plain words, and the
// how-tos and rules that must stay what they are.
func TestEverydayPersonAndOutage(t *testing.T) {
	lx := mustAssistant(t, nil).lex
	cit, emp := knowledge.Citizen, knowledge.Employee
	for _, tc := range []struct {
		text string
		aud  knowledge.Audience
		want Intent // "" for none of the rule intents
	}{
		// A person, put through, a call back.
		{"stellen sie mich bitte durch", cit, IntentHuman},
		{"ich würde lieber mit einem menschen reden", cit, IntentHuman},
		{"ich möchte das nicht mit einem chatbot klären", cit, IntentHuman},
		{"verbinden sie mich mit dem bürgerbüro", cit, IntentHuman},
		{"rückruf bitte unter 0151 2345678", cit, IntentHuman},
		{"kontaktieren sie mich bitte per mail", cit, IntentHuman},
		{"ich komme mit dem formular nicht klar", cit, IntentHuman},
		{"kann mir das jemand ausfüllen", cit, IntentHuman},
		{"please put me through to a live agent", cit, IntentHuman},
		// Not a person wanted: connecting to the network, another who
		// may fetch a document, someone needed as a witness.
		{"wie kann ich mich mit dem vpn verbinden", emp, ""},
		{"kann jemand anderes den pass für mich abholen bitte", cit, ""},
		{"brauche ich jemanden als trauzeugen", cit, ""},
		// An employee's outage in plain words.
		{"der drucker streikt", emp, IntentITIncident},
		{"mein headset rührt sich nicht mehr", emp, IntentITIncident},
		{"der scanner tut nicht", emp, IntentITIncident},
		{"outlook ist schon wieder abgeschmiert", emp, IntentITIncident},
		{"citrix wirft mich dauernd raus", emp, IntentITIncident},
		{"das fachverfahren lässt mich nicht rein", emp, IntentITIncident},
		{"die dockingstation erkennt den zweiten monitor nicht", emp, IntentITIncident},
		{"der bildschirm ist schwarz", emp, IntentITIncident},
		{"bei uns im büro ist das netz total lahm", emp, IntentITIncident},
		{"ich hab probleme mit outlook", emp, IntentITIncident},
		{"vpn geht net", emp, IntentITIncident},
		// How-tos and reports of what to do stay how-tos.
		{"ich habe probleme mit outlook, wie richte ich die signatur ein", emp, ""},
		{"wo kann ich probleme mit dem drucker melden", emp, ""},
		{"mein diensthandy ist weg, ich glaub es liegt noch im bus", emp, ""},
	} {
		got, _ := lx.signals(tc.text).ruleIntent(tc.aud)
		if got != tc.want {
			t.Errorf("%q (%s): rule intent %q, want %q", tc.text, tc.aud, got, tc.want)
		}
	}
	for text, want := range map[string]bool{
		"was ist aus meinem antrag auf wohngeld geworden":                    true,
		"haben sie meine unterlagen bekommen":                                true,
		"ich habe vor sechs wochen den antrag eingereicht und nichts gehört": true,
		"mein grundsteuerbescheid ist falsch":                                true,
		"sie haben mir einen falschen bescheid geschickt":                    true,
		"wann meldet sich jemand bei mir":                                    true,
		"wie lege ich widerspruch ein":                                       false,
		"wie lange dauert ein reisepass normalerweise":                       false,
	} {
		if got := lx.signals(text).caseSpecific; got != want {
			t.Errorf("signals(%q).caseSpecific = %v, want %v", text, got, want)
		}
	}
	if s := lx.signals("ich blicke da überhaupt nicht durch"); !s.frustration {
		t.Error("an asker lost in the matter is not seen")
	}
	if s := lx.signals("reicht es, wenn ich eine kopie mitbringe"); s.frustration {
		t.Error("\"reicht es\" is taken for frustration")
	}
}
