// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"testing"

	"github.com/musterstadt/lotse/knowledge"
)

// "lassen" in a title ("Bordstein absenken lassen") only makes its verb
// causative: it is none of the page's names, so a follow-up that lets
// music play ("… Musik laufen lassen") names no kerb.
func TestLassenNamesNoTitle(t *testing.T) {
	a := mustAssistant(t, nil)
	info := a.info(knowledge.Document{ID: "t/bordstein", Title: "Bordstein absenken lassen (Grundstückszufahrt)", Sections: []knowledge.Section{{Text: "Für eine Zufahrt senkt der Bauhof den Bordstein ab."}}})
	var lassen, kerb bool
	for _, n := range info.names {
		lassen = lassen || len(n) == 1 && n[0] == stem("lassen")
		kerb = kerb || len(n) == 1 && n[0] == stem("bordstein")
	}
	if lassen || !kerb {
		t.Errorf("names %v: want the kerb as a name of its own, not lassen", info.names)
	}
}
