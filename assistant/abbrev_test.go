// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"context"
	"testing"

	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/knowledge/musterstadt"
)

// A word cut short with a dot is read in full, as the sources spell it;
// a sentence's end, a web address, a date, a birth name and a message
// written all in lower case keep their dots.
func TestUnabbreviate(t *testing.T) {
	kb, err := knowledge.Open(context.Background(), knowledge.Config{Roots: []knowledge.Root{{Name: "musterstadt", FS: musterstadt.FS()}}})
	if err != nil {
		t.Fatal(err)
	}
	a := mustAssistant(t, func(c *Config) { c.Retriever = kb })
	for in, want := range map[string]string{
		"Anm. neue Whg welche Unterl.?":             "anmelden neue Whg welche unterlagen?",
		"Meldebesch. kosten":                        "meldebescheinigung kosten",
		"Gebühr f. Perso, Vollm. nötig?":            "Gebühr f. Perso, vollmacht nötig?",
		"rosa FS tauschen Öffnungsz. nachmittags":   "rosa FS tauschen oeffnungszeiten nachmittags",
		"Ich brauche einen Termin beim Bürgeramt.":  "Ich brauche einen Termin beim Bürgeramt.",
		"siehe www.musterstadt.de. danke":           "siehe www.musterstadt.de. danke",
		"am 3.5. um 10 Uhr":                         "am 3.5. um 10 Uhr",
		"Frau Meier, geb. Müller, fragt":            "Frau Meier, geb. Müller, fragt",
		"papier ist auch alle. ruf ich da an":       "papier ist auch alle. ruf ich da an",
		"Papier ist auch alle. ruf ich da an":       "Papier ist auch alle. ruf ich da an",
		"die kosten für die anm. und die unterl.?":  "die kosten für die anm. und die unterlagen?",
		"Wo ist das Bürgeramt. Öffnungsz. Samstag?": "Wo ist das Bürgeramt. Öffnungsz. Samstag?",
		"Kann ich am Do. um 16:30 noch kommen?":     "Kann ich am Donnerstag um 16:30 noch kommen?",
		"Termin Sa. 10 Uhr möglich?":                "Termin Samstag 10 Uhr möglich?",
		"Fr. Meier hat gesagt, ich soll anrufen":    "Fr. Meier hat gesagt, ich soll anrufen",
		"Das ist so. Mehr weiß ich nicht":           "Das ist so. Mehr weiß ich nicht",
	} {
		if got := a.unabbreviate(in); got != want {
			t.Errorf("unabbreviate(%q) = %q, want %q", in, got, want)
		}
	}
}
