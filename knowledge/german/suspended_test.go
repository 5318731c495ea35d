// SPDX-License-Identifier: EUPL-1.2

package german

import (
	"reflect"
	"testing"
)

func TestSuspendedPairs(t *testing.T) {
	for in, want := range map[string][][2]string{
		"An Sonn- und Feiertagen sind die Tätigkeiten verboten.": {{"sonn", "feiertagen"}},
		"die An- oder Abmeldung und die Haupt- und Nebenwohnung": {{"an", "abmeldung"}, {"haupt", "nebenwohnung"}},
		"Ordens- bzw. Künstlernamen":                             {{"ordens", "kuenstlernamen"}},
		"Kfz- Zulassung":                                         nil,
		"ein Bindestrich - und sonst nichts":                     nil,
		"Bahn- und":                                              nil,
	} {
		if got := SuspendedPairs(in); !reflect.DeepEqual(got, want) {
			t.Errorf("SuspendedPairs(%q) = %v, want %v", in, got, want)
		}
	}
}
