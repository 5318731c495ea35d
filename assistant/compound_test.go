// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"slices"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/knowledge"
)

// A title's compound is named by its parts said apart, by a verb for its
// noun in "-ung", and by a compound of its first part.
func TestSplitsInto(t *testing.T) {
	a := mustAssistant(t, nil)
	tests := []struct {
		title, question string
		want            bool
	}{
		{"Gewerbeanmeldung", "wie kann ich mein gewerbe anmelden", true},
		{"Namensänderungserklärung", "ich möchte meinen nachnamen ändern lassen", true},
		{"Namensänderung", "kann ich meinen vornamen ändern", true},
		{"Namensänderung", "ich möchte meine adresse ändern", false},
		{"Gewerbeanmeldung", "wie kann ich meinen hund anmelden", false},
		{"Baugenehmigung", "muss der antrag für die genehmigung noch auf papier ins bauamt", true},
		{"Baugenehmigung", "wie lange dauert die genehmigung meines urlaubs", false},
		// A prefix is no first part: "ver|sich|erung" after "verheiratet".
		{"Versicherungsnummer", "wir sind nicht verheiratet, müssen wir das jeder für sich beantragen", false},
	}
	for _, tt := range tests {
		s := stem(words(tt.title)[0])
		if got := splitsInto(s, newStemSet(a.lex.terms(tt.question).stems)); got != tt.want {
			t.Errorf("splitsInto(%q, %q) = %v, want %v", s, tt.question, got, tt.want)
		}
	}
}

// A statute's long paragraph is read sentence by sentence; a short one
// and an enumeration joined to its opening stay whole.
func TestSentencesOfLongParagraphs(t *testing.T) {
	long := "(1) Die Erlaubnis gilt für zwölf Monate. Sie kann auf Antrag um bis zu sechs Monate verlängert werden, wenn die Voraussetzungen weiter vorliegen und die Behörde keine Bedenken hat. Über den Antrag entscheidet die zuständige Behörde innerhalb eines Monats nach Eingang der vollständigen Unterlagen."
	short := "(2) Die Gebühr beträgt 20 Euro."
	enum := "(3) Keine Erlaubnis braucht, wer\n1. nur gelegentlich tätig ist oder\n2. bei einer Behörde arbeitet."
	got := sentencesOfLongParagraphs([]string{long, short, enum})
	if len(got) != 5 || got[0] != "(1) Die Erlaubnis gilt für zwölf Monate." || got[3] != short || got[4] != enum {
		t.Errorf("sentencesOfLongParagraphs = %q", got)
	}
}

// A bylaw is named by the matter its title's compound starts with, unless
// a service among the candidates is named after the same matter.
func TestLawsNamedByMatter(t *testing.T) {
	a := mustAssistant(t, nil)
	law := knowledge.Document{ID: "law", Title: "Friedhofssatzung", Kind: knowledge.KindLaw}
	trade := knowledge.Document{ID: "trade", Title: "Gewerbeordnung", Kind: knowledge.KindLaw}
	svc := knowledge.Document{ID: "svc", Title: "Gewerbe abmelden", Kind: knowledge.KindService}
	r := retrieval{}
	for _, d := range []knowledge.Document{law, trade, svc} {
		info := a.info(d)
		r.cands = append(r.cands, candidate{doc: d, info: info, nameSets: info.names, tokens: info.tokens})
	}
	q := a.lex.terms("darf ich meinen hund auf den friedhof mitnehmen und mein gewerbe abmelden")
	r.score(q, a.lex.genericStems)
	if r.cands[0].named == 0 {
		t.Error("the Friedhofssatzung is not named by \"Friedhof\"")
	}
	if r.cands[1].named != 0 {
		t.Error("the Gewerbeordnung is named although a service is named after the same matter")
	}
}

// A part of a hyphenated title ("Platz" of "Hort-Platz") names the
// document as a word of its own, not as the head of the asker's compound
// ("am Marktplatz"); a short title word that is no such part does
// ("Studentenvisum" names "Visum") (session 20).
func TestHyphenPartIsNoCompoundHead(t *testing.T) {
	a := mustAssistant(t, nil)
	hort := knowledge.Document{ID: "hort", Title: "Hort-Platz vergeben", Kind: knowledge.KindService}
	visa := knowledge.Document{ID: "visa", Title: "Visum ausstellen", Kind: knowledge.KindService}
	r := retrieval{}
	for _, d := range []knowledge.Document{hort, visa} {
		info := a.info(d)
		r.cands = append(r.cands, candidate{doc: d, info: info, nameSets: info.names, tokens: info.tokens})
	}
	r.score(a.lex.terms("ich komme morgen am marktplatz vorbei, meine nichte hat ein studentenvisum"), a.lex.genericStems)
	if r.cands[0].named != 0 {
		t.Error("\"Marktplatz\" names Hort-Platz")
	}
	if r.cands[1].named == 0 {
		t.Error("\"Studentenvisum\" does not name Visum")
	}
	r.score(a.lex.terms("gibt es noch einen platz im hort"), a.lex.genericStems)
	if r.cands[0].named == 0 {
		t.Error("\"Platz\" as a word of its own does not name Hort-Platz")
	}
}

func TestQualifiesPrevious(t *testing.T) {
	for u, want := range map[string]bool{
		"Eine Bedürftigkeit im Sinne von Satz 1 liegt nicht schon dann vor, wenn Leistungen bezogen werden.": true,
		"Dies gilt nicht, wenn der Antrag verspätet gestellt wird.":                                          true,
		"Abweichend von Satz 1 beträgt die Frist zwei Wochen.":                                               true,
		"Satz 2 gilt entsprechend für Lebenspartner.":                                                        true,
		"Die Gebühr beträgt 30 Euro.":                                                                        false,
		"Dies ist der Fall bei Kindern.":                                                                     false,
	} {
		if got := qualifiesPrevious(u); got != want {
			t.Errorf("qualifiesPrevious(%q) = %v, want %v", u, got, want)
		}
	}
}

func TestClausesKeepOrdinals(t *testing.T) {
	got := clauses("Sagt ein Beschicker bis zum 1. Oktober ab, wird die Hälfte erstattet. Danach nicht")
	want := []string{"Sagt ein Beschicker bis zum 1. Oktober ab", " wird die Hälfte erstattet", " Danach nicht"}
	if !slices.Equal(got, want) {
		t.Errorf("clauses = %q, want %q", got, want)
	}
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	// The clause keeps its particle, so the unit says "absagen".
	if v := separableVerb(lx, words(got[0])); stem(v) != stem("absagen") {
		t.Errorf("separableVerb(%q) = %q, want absagen", got[0], v)
	}
}

// A strong verb said ("unterschreiben") meets the noun made from it in a
// source ("Unterschrift"), and the other way round.
func TestStrongVerbMeetsItsNoun(t *testing.T) {
	a := mustAssistant(t, nil)
	unit := func(text string) stemSet {
		m := map[string]bool{}
		for _, w := range words(text) {
			m[stem(w)] = true
		}
		return newStemSet(m)
	}
	tests := []struct {
		question, sentence string
		want               bool
	}{
		{"kann ich das blatt zuhause unterschreiben", "Eine Unterschrift leisten Sie vor Ort.", true},
		{"brauche ich eine unterschrift", "Beide Eltern müssen den Antrag unterschreiben.", true},
		{"darf mein sohn teilnehmen", "Die Teilnahme ist kostenlos.", true},
		{"kann ich die akte einsehen", "Sie haben ein Recht auf Einsicht.", true},
		{"ist das vorgesehen", "Vorsicht bei Glatteis.", false},
	}
	for _, tt := range tests {
		q := a.lex.terms(tt.question)
		u := unit(tt.sentence)
		got := false
		for _, s := range q.content {
			if q.hitIn(u, s) {
				got = true
			}
		}
		if got != tt.want {
			t.Errorf("%q in %q: %v, want %v", tt.question, tt.sentence, got, tt.want)
		}
	}
}

// A compound of the asker's that no candidate holds counts by its head
// where few candidates hold that ("Kaninchenzuchtverein" and
// "Vereinen"); a short modifier or a head many hold does not.
func TestCompoundHeadOfUnknownWord(t *testing.T) {
	toks := map[string]bool{"verein": true, "eingang": true}
	for s, want := range map[string]bool{
		"kaninchenzuchtverein": true,
		"posteingang":          false, // "post" is too short a part
		"verein":               false,
	} {
		if got := holdsHead(toks, s); got != want {
			t.Errorf("holdsHead(%q) = %v, want %v", s, got, want)
		}
	}
	a := mustAssistant(t, nil)
	bylaw := knowledge.Document{ID: "bylaw", Title: "Stadtordnung", Kind: knowledge.KindLaw,
		Sections: []knowledge.Section{{Heading: "§ 6 Plakate", Text: "Für Veranstaltungen von Vereinen dürfen Plakate frühestens drei Wochen vorher hängen."}}}
	other := knowledge.Document{ID: "other", Title: "Sperrmüll anmelden", Kind: knowledge.KindService,
		Sections: []knowledge.Section{{Heading: "Sperrmüll", Text: "Sperrmüll holen wir zweimal im Jahr kostenlos ab."}}}
	r := retrieval{}
	for _, d := range []knowledge.Document{bylaw, other} {
		info := a.info(d)
		r.cands = append(r.cands, candidate{doc: d, info: info, nameSets: info.names, tokens: info.tokens})
	}
	r.score(a.lex.terms("unser kaninchenzuchtverein macht eine ausstellung"), a.lex.genericStems)
	if r.cands[0].coverage <= r.cands[1].coverage {
		t.Errorf("coverage = %.2f, %.2f; want the bylaw that speaks of clubs ahead", r.cands[0].coverage, r.cands[1].coverage)
	}
}

// A compound whose last part people say another way has the sources'
// word there as its alternative ("Dienstwagen", "Dienstfahrzeug"), not a
// rule's more specific word ("Anwohnerparkausweis" is no
// Personalausweis), and the alternative names no document.
func TestCompoundHeadSaidAnotherWay(t *testing.T) {
	a := mustAssistant(t, nil)
	q := a.lex.terms("wie buche ich einen dienstwagen")
	if !slices.Contains(q.alts[stem("dienstwagen")], stem("dienstfahrzeug")) {
		t.Errorf("alts = %v, want dienstfahrzeug for dienstwagen", q.alts)
	}
	q = a.lex.terms("was kostet ein anwohnerparkausweis")
	for s, alts := range q.alts {
		for _, alt := range alts {
			if strings.Contains(alt, "personalausweis") {
				t.Errorf("alts[%s] holds %s", s, alt)
			}
		}
	}
	if q.stems[stem("dienstfahrzeug")] {
		t.Error("an alternative of a compound's part is among the naming stems")
	}
	// Such a compound is a word, not a typo of one a letter off.
	q = a.lex.terms("wie buche ich einen dienstwagen")
	s := stem("dienstwagen")
	if q.hit(map[string]bool{"dienstag": true}, s) || !q.hit(map[string]bool{"dienstfahrzeug": true}, s) {
		t.Error("dienstwagen meets Dienstag, or misses Dienstfahrzeug")
	}
}

// A page is named by the one specific word of its file name, whatever its
// title calls the thing; a file name's short or generic words name nothing
// alone.
func TestFileNameSpecificWordNames(t *testing.T) {
	a := mustAssistant(t, nil)
	has := func(names [][]string, name ...string) bool {
		return slices.ContainsFunc(names, func(n []string) bool { return slices.Equal(n, name) })
	}
	_, names := a.lex.docTerms(knowledge.Document{ID: "s/sozialversicherungsausweis_beantragen", Title: "Sozialversicherungskarte: Beantragung und Details",
		Sections: []knowledge.Section{{Text: "Die Sozialversicherungskarte: Beantragung und Details."}}})
	if !has(names, stem("sozialversicherungsausweis")) {
		t.Errorf("names %v lack the file name's word", names)
	}
	_, names = a.lex.docTerms(knowledge.Document{ID: "s/abmeldung_eines_fahrzeugs", Title: "Außerbetriebsetzung: Ablauf",
		Sections: []knowledge.Section{{Text: "Der Ablauf der Außerbetriebsetzung eines Fahrzeugs."}}})
	if has(names, stem("fahrzeug")) {
		t.Errorf("names %v: a short word of a file name names the page alone", names)
	}
}

// A guide title's words for what it covers ("Zahlung", "Anbieter",
// "Prozess", "Anforderungen") name nothing alone: a waiter's "zahlen"
// names no broadcasting fee.
func TestGuideTitleCoverageWordsNameNothing(t *testing.T) {
	a := mustAssistant(t, nil)
	_, names := a.lex.docTerms(knowledge.Document{ID: "s/rundfunkbeitrag_anmelden", Title: "Rundfunkbeitrag in Deutschland: Anmeldung, Zahlung und Anbieter",
		Sections: []knowledge.Section{{Text: "Der Rundfunkbeitrag: Anmeldung, Zahlung und Anbieter."}}})
	for _, n := range names {
		if len(n) == 1 && (n[0] == stem("zahlung") || n[0] == stem("anbieter")) {
			t.Errorf("names %v: %q names the page alone", names, n[0])
		}
	}
	if !slices.ContainsFunc(names, func(n []string) bool { return slices.Equal(n, []string{stem("rundfunkbeitrag")}) }) {
		t.Errorf("names %v lack the service's word", names)
	}
}
