// SPDX-License-Identifier: EUPL-1.2

package assistant

import "testing"

// Words a speech recognizer or a typist parted are joined where the
// sources know the compound; articles, pronouns and question words are
// never a compound's part, and a join nobody knows is left alone.
func TestJoinParts(t *testing.T) {
	k := listKnower{fakeRetriever: mustFakeRetriever(t), words: map[string]bool{
		"standesamt": true, "krankenkasse": true, "immatrikulationsbescheinigung": true,
		"einschreiben": true, "ausserdem": true, "personen": true, "wieder": true,
		"antragstellen": true, "zurueckrufen": true,
	}}
	a := mustAssistant(t, func(c *Config) { c.Retriever = k })
	for in, want := range map[string]string{
		"bis wann muss man das beim standes amt melden":              "bis wann muss man das beim standesamt melden",
		"die Kranken Kasse will was sehen":                           "die Krankenkasse will was sehen",
		"die wollen so eine im matrikulations bescheinigung von ihr": "die wollen so eine immatrikulationsbescheinigung von ihr",
		"hab ein schreiben vom amt bekommen":                         "hab ein schreiben vom amt bekommen",
		"was muss sie außer dem foto mitbringen":                     "was muss sie außer dem foto mitbringen",
		"brauch ich für den perso nen termin":                        "brauch ich für den perso nen termin",
		"wie der ausweis aussieht":                                   "wie der ausweis aussieht",
		"kranken\nkasse, standes-amt":                                "kranken\nkasse, standes-amt",
		"ich hab eine frage zum blumen topf":                         "ich hab eine frage zum blumen topf",
	} {
		if got := a.joinParts(in); got != want {
			t.Errorf("joinParts(%q) = %q, want %q", in, got, want)
		}
	}
}
