// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"slices"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/knowledge"
)

// "lassen" in a title ("Gehwegkante absenken lassen") only makes its verb
// causative: it is none of the page's names, so a follow-up that lets
// music play ("… Musik laufen lassen") names no kerb.
func TestLassenNamesNoTitle(t *testing.T) {
	a := mustAssistant(t, nil)
	info := a.info(knowledge.Document{ID: "t/bordstein", Title: "Gehwegkante absenken lassen (Einfahrt)", Sections: []knowledge.Section{{Text: "Für eine Einfahrt senkt der Bauhof die Gehwegkante ab."}}})
	var lassen, kerb bool
	for _, n := range info.names {
		lassen = lassen || len(n) == 1 && n[0] == stem("lassen")
		kerb = kerb || len(n) == 1 && n[0] == stem("gehwegkante")
	}
	if lassen || !kerb {
		t.Errorf("names %v: want the kerb as a name of its own, not lassen", info.names)
	}
}

// An asker of 81 is one of the "ältere Menschen" a page speaks of ("Ältere
// und gehbehinderte Menschen können sich Sandsäcke bringen lassen"); one
// of 30 is not.
func TestSeniorSituationWords(t *testing.T) {
	older := stem(words("Ältere")[0])
	if got := (situation{age: 81}).words(); !slices.Contains(got, older) {
		t.Errorf("words of an 81-year-old = %v, want %q", got, older)
	}
	if got := (situation{age: 30}).words(); slices.Contains(got, older) {
		t.Errorf("words of a 30-year-old = %v, want no %q", got, older)
	}
}

// Arriving and leaving in everyday words ("nach der Ankunft", "wir
// fahren sonntag wieder") meet the visitor's tax's "An- und Abreisetag";
// "wie komme ich an einen Parkausweis" is no arrival.
func TestArrivalAndDepartureWords(t *testing.T) {
	a := mustAssistant(t, nil)
	q := understandAs(a, knowledge.Citizen, "wir kommen freitag abend an und fahren sonntag wieder, zahlen wir für drei tage")
	if !strings.Contains(q.text, "Abreise") {
		t.Errorf("search text %q lacks Abreise", q.text)
	}
	if q := understandAs(a, knowledge.Citizen, "wann müssen wir nach der ankunft die kurtaxe zahlen"); !strings.Contains(q.text, "Anreise") {
		t.Errorf("search text %q lacks Anreise", q.text)
	}
	if q := understandAs(a, knowledge.Citizen, "wie komme ich an einen parkausweis"); strings.Contains(q.text, "Anreise") {
		t.Errorf("search text %q has an arrival", q.text)
	}
}

// Someone else fetching the asker's own document is a proxy ("kann meine
// Frau meinen Perso abholen", "abholen lassen"); two people who each need
// their own is not.
func TestProxyFetchesTheAskersDocument(t *testing.T) {
	a := mustAssistant(t, nil)
	for _, tt := range []struct {
		text  string
		proxy bool
	}{
		{"kann meine frau meinen perso abholen", true},
		{"kann ich den reisepass abholen lassen", true},
		{"darf mein sohn meinen antrag für mich abgeben", true},
		{"mein mann und ich brauchen neue pässe, was kostet das", false},
		{"kann ich den pass selbst abholen", false},
	} {
		if got := understandAs(a, knowledge.Citizen, tt.text).sit.proxy; got != tt.proxy {
			t.Errorf("%q: proxy = %v, want %v", tt.text, got, tt.proxy)
		}
	}
}

// Time that has passed ("jetzt sind zwei Wochen rum", "drei Tage her") is
// the asker's story: neither the unit nor the word for passing is a word
// the answer must hold.
func TestElapsedTimeIsStory(t *testing.T) {
	lx := mustLexicon(t)
	for _, text := range []string{"jetzt sind zwei wochen rum, wo melde ich das", "ist schon drei tage her", "jetzt sind zwei monate vorbei"} {
		for _, s := range lx.terms(text).content {
			if s == stem("wochen") || s == stem("tage") || s == stem("monate") || s == stem("rum") || s == stem("vorbei") {
				t.Errorf("%q: content holds %q", text, s)
			}
		}
	}
}

// "am Wahlsonntag" is the sources' "am Wahltag": a compound whose head is
// a weekday counts as the one with "Tag".
func TestWeekdayCompoundMeetsDay(t *testing.T) {
	lx := mustLexicon(t)
	q := lx.terms("ab wann muss ich am wahlsonntag morgens da sein")
	tokens := newStemSet(map[string]bool{stem("wahltag"): true})
	if !q.hitIn(tokens, stem("wahlsonntag")) {
		t.Errorf("wahlsonntag does not meet Wahltag: alts %v", q.alts)
	}
}

// A death said gently is a death ("Oma ist gestern zuhause
// eingeschlafen", "von uns gegangen"); falling asleep oneself is not.
func TestGentleWordsForDeath(t *testing.T) {
	lx := mustLexicon(t)
	for text, want := range map[string]bool{
		"oma ist gestern zuhause eingeschlafen, wie schnell muss ich zum standesamt":            true,
		"mein vater ist letzte nacht friedlich eingeschlafen":                                   true,
		"unser opa ist von uns gegangen, was ist jetzt zu tun":                                  true,
		"mein vater ist heute nacht im pflege heim eingeschlafen, bis wann muss ich das melden": true,
		"ich bin beim warten im bürgerbüro eingeschlafen":                                       false,
	} {
		ev, _ := lx.lifeEvents(words(text))
		if got := strings.Contains(ev, "Sterbefall"); got != want {
			t.Errorf("%q: events %q, want a death: %v", text, ev, want)
		}
	}
}

// A flat's notice is no dismissal: "die Wohnung steht leer, bis die
// Kündigung durch ist" leads to no unemployment benefit; a dismissal
// received does.
func TestTenancyNoticeIsNoDismissal(t *testing.T) {
	lx := mustLexicon(t)
	if ev, _ := lx.lifeEvents(words("sie zieht ins pflegeheim und die wohnung steht dann leer, bis die kündigung durch ist")); strings.Contains(ev, "Arbeitslosengeld") {
		t.Errorf("a flat's notice: events %q", ev)
	}
	if ev, _ := lx.lifeEvents(words("ich habe heute die kündigung bekommen, was muss ich jetzt tun")); !strings.Contains(ev, "Arbeitslosengeld") {
		t.Errorf("a dismissal: events %q", ev)
	}
}
