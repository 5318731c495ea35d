// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/musterstadt/lotse/knowledge"
)

func TestParseLexiconErrors(t *testing.T) {
	if _, err := parseLexicon("stray entry\n"); err == nil {
		t.Error("entry outside a section: want error")
	}
	if _, err := parseLexicon("[abuse]\nidiot\n"); err == nil {
		t.Error("missing sections: want error")
	}
	if _, err := loadLexicon(); err != nil {
		t.Errorf("embedded lexicon: %v", err)
	}
}

func TestPatternMatching(t *testing.T) {
	lx, err := parseLexicon(lexiconText + "\n[test]\ngeht ~ nicht\nstoerung*\nmit einem menschen\n*laden ~ aufmach*\n")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want bool
	}{
		{"Outlook geht nicht", true},
		{"outlook geht seit heute morgen nicht", true},
		{"geht es dir gut oder nicht so", false}, // gap longer than three words
		{"Störungsmeldung im Netz", true},
		{"Ich will mit einem Menschen reden", true},
		{"mit einem", false},
		// "*laden" is a compound's head.
		{"wir wollen einen Handyladen aufmachen", true},
		{"wir wollen einen Laden aufmachen", true},
		{"die Ladestation aufmachen", false},
	}
	for _, tt := range tests {
		if got := lx.match("test", words(tt.text)); got != tt.want {
			t.Errorf("match(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestFoldAndStem(t *testing.T) {
	if got, want := words("Wie läuft's? Größe: 10 GB!"), []string{"wie", "laeuft", "s", "groesse", "10", "gb"}; !cmp.Equal(got, want) {
		t.Errorf("words = %q, want %q", got, want)
	}
	for in, want := range map[string]string{
		"reisepass": "reisepass", "reisepasses": "reisepass", "reisepaesse": "reisepass",
		"personalausweis": "personalausweis", "personalausweises": "personalausweis",
		"kinder": "kind", "gebuehren": "gebuhr", "pass": "pass", "fuehrerscheins": "fuhrerschein",
	} {
		if got := stem(in); got != want {
			t.Errorf("stem(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTicketKey(t *testing.T) {
	for in, want := range map[string]string{
		"Stand von INC-1234?":       "INC-1234",
		"status lot-12 bitte":       "LOT-12",
		"stand von inc 77":          "INC-77",
		"Ticket 4711":               "4711",
		"Vorgangsnummer: 123456":    "123456",
		"Was kostet ein Reisepass?": "",
		"Aktenzeichen B-2026-0412":  "",
		"es kommt fehler VPN-809":   "",
		"Fehlercode: ERR-42":        "",
	} {
		if got := ticketKey(in); got != want {
			t.Errorf("ticketKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// A short noun meets its plural that doubles the last letter ("Bus",
// "Bussen").
func TestTokenMatchDoubledPlural(t *testing.T) {
	tokens := map[string]bool{stem(fold("bussen")): true}
	if !tokenMatch(tokens, stem("bus")) || !newStemSet(tokens).match(stem("bus")) {
		t.Errorf("bus does not meet %v", tokens)
	}
}

// A word people say for a thing brings the word town halls write for it:
// it names a title with that word and counts as it in the sources; a verb
// brings nothing ("geheiratet" is no application).
func TestColloquialTerms(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	q := lx.terms("darf das fitnessstudio eine kopie von meinem perso machen")
	if !slices.Contains(q.official[stem("perso")], stem("personalausweis")) || !slices.Contains(q.alts[stem("perso")], stem("personalausweis")) {
		t.Errorf("perso: official %v, alts %v; want personalausweis in both", q.official, q.alts)
	}
	// The official word names a title word, not a part of it.
	said := namingSet(q, newStemSet(q.stems))
	if !nameIn([]string{stem("personalausweis")}, said) || nameIn([]string{stem("personen")}, said) {
		t.Error("perso names the wrong title words")
	}
	if !q.hitIn(newStemSet(map[string]bool{stem("personalausweises"): true}), stem("perso")) {
		t.Error("perso does not count as Personalausweis in a source")
	}
	q = lx.terms("wir haben in daenemark geheiratet")
	if len(q.official) > 0 {
		t.Errorf("a verb brought official words: %v", q.official)
	}
}

// Where the retrieved sources use the everyday word themselves, its
// official word is taken back.
func TestDropKnownWords(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		doc  string
		keep bool
	}{
		{"Bringen Sie die alten Nummernschilder mit.", false},
		{"Bringen Sie die alten Kennzeichen mit.", true},
	} {
		q := lx.terms("kann ich mein nummernschild behalten")
		r := retrieval{cands: []candidate{{info: &docInfo{tokens: map[string]bool{}}}}}
		for _, w := range words(c.doc) {
			r.cands[0].info.tokens[stem(w)] = true
		}
		q.dropKnownWords(r)
		if got := q.stems[stem("kennzeichen")]; got != c.keep {
			t.Errorf("source %q: official word kept = %v, want %v", c.doc, got, c.keep)
		}
	}
}

// The words of a question are what it names: a paper whose age is asked
// is named ("wie alt darf das Passfoto sein"); a spoken "nee" and a time
// frame ("von letztem Jahr") are not.
func TestContentWords(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for asked, want := range map[string][]string{
		"wie alt darf das passfoto sein":                   {stem("passfoto")},
		"ich hab fotos von letztem jahr, nee, vom februar": {stem("februar")},
		"was brauche ich an fotos für den reisepass":       {stem("reisepass")},
	} {
		if got := lx.terms(asked).content; !slices.Equal(got, want) {
			t.Errorf("%q: content %v, want %v", asked, got, want)
		}
	}
}

// Replacing a part is said in several words: "ausgetauscht" in a question
// meets the leaflet's "Zählerwechsel" and "gewechselt".
func TestReplacingAlternatives(t *testing.T) {
	a := mustAssistant(t, nil)
	asked := "muss der zähler irgendwann ausgetauscht werden"
	q := a.understand(&turn{conv: newConv(knowledge.Citizen), red: asked, query: asked, sig: a.lex.signals(asked), lang: "de"}).terms
	src := newStemSet(map[string]bool{stem("zählerwechsel"): true})
	hit := false
	for _, s := range q.content {
		hit = hit || q.hitIn(src, s)
	}
	if !hit {
		t.Errorf("content %v, alts %v: nothing meets Zählerwechsel", q.content, q.alts)
	}
}

// A child born before the due date and the cost of sending are said in
// everyday words that meet the words of the rules: "Frühchen", "vor dem
// errechneten Termin" and "vor dem voraussichtlichen Tag der Entbindung";
// "Versandkosten" and "Portokosten".
func TestRuleWordsAlternatives(t *testing.T) {
	a := mustAssistant(t, nil)
	for asked, src := range map[string]string{
		"gibt es bei einem frühchen mehr elterngeld":              "entbindung",
		"sie kam drei wochen vor dem errechneten termin zur welt": "entbindung",
		"zahle ich die versandkosten für den bescheid extra":      "portokosten",
	} {
		q := a.understand(&turn{conv: newConv(knowledge.Citizen), red: asked, query: asked, sig: a.lex.signals(asked), lang: "de"}).terms
		set := newStemSet(map[string]bool{stem(src): true})
		if !slices.ContainsFunc(q.content, func(s string) bool { return q.hitIn(set, s) }) {
			t.Errorf("%q: content %v, alts %v: nothing meets %q", asked, q.content, q.alts, src)
		}
	}
}

// A word typed without its umlauts or with two letters swapped is spelled
// back when the lexicon or the sources know it so; a known word stays as
// typed.
func TestSpellBack(t *testing.T) {
	a := mustAssistant(t, nil)
	for in, want := range map[string]string{
		"wie lange ist der Ausweis gultig, ich brauch den fur die Reise": "wie lange ist der Ausweis gueltig, ich brauch den fuer die Reise",
		"Bitte um Ruckruf":       "Bitte um Rueckruf",
		"ist schon gut, danke":   "ist schon gut, danke",
		"Gebühr für den Ausweis": "Gebühr für den Ausweis",
		"ich habe meinen Ausweis velroren, hat das Amt am Donnesrtag offen": "ich habe meinen Ausweis verloren, hat das Amt am Donnerstag offen",
		"nachste woche am mtitwoch":                                         "naechste woche am mittwoch",
		// A long word two swapped letters would make start with a short
		// prefix of the lexicon ("rein*") stays as typed.
		"da hängen so viele erinnerungen dran": "da hängen so viele erinnerungen dran",
	} {
		if got := a.spellBack(in); got != want {
			t.Errorf("spellBack(%q) = %q, want %q", in, got, want)
		}
	}
}

// countingKnower knows no word and counts the questions.
type countingKnower struct {
	*fakeRetriever
	calls int
}

func (c *countingKnower) KnowsWord(string) bool { c.calls++; return false }

// A message of unknown words asks the sources a bounded number of times,
// whether its words are spelled back or joined.
func TestMessageRewritesAreBounded(t *testing.T) {
	for name, tc := range map[string]struct {
		rewrite func(*Assistant, string) string
		msg     string
		max     int
	}{
		"spellBack": {(*Assistant).spellBack, strings.Repeat("Qualmaxuropfotenbau ", 100), maxSpellLookups},
		"joinParts": {(*Assistant).joinParts, strings.Repeat("Qualm Axuro Pfoten ", 200), maxJoinLookups},
	} {
		k := &countingKnower{fakeRetriever: mustFakeRetriever(t)}
		a := mustAssistant(t, func(c *Config) { c.Retriever = k })
		if got := tc.rewrite(a, tc.msg); got != tc.msg {
			t.Errorf("%s: unknown words were changed: %q", name, got[:60])
		}
		if k.calls > tc.max {
			t.Errorf("%s: %d lookups, want at most %d", name, k.calls, tc.max)
		}
	}
}

// listKnower knows the words listed, as sources know them (a corpus with
// "Haustür" knows "tuerer" by its stem).
type listKnower struct {
	*fakeRetriever
	words map[string]bool
}

func (l listKnower) KnowsWord(w string) bool { return l.words[w] }

// A comparative no source writes is a word all the same, not a slip of
// typing for one they know ("teurer" is no "Türer").
func TestSpellBackKeepsComparatives(t *testing.T) {
	k := listKnower{fakeRetriever: mustFakeRetriever(t), words: map[string]bool{"tuerer": true}}
	a := mustAssistant(t, func(c *Config) { c.Retriever = k })
	const msg = "wird der neue Ausweis abends dann teurer"
	if got := a.spellBack(msg); got != msg {
		t.Errorf("spellBack(%q) = %q", msg, got)
	}
}

// A letter dropped from a doubled consonant is written back to the
// spelling the lexicon or the sources know.
func TestSpellBackRedoubles(t *testing.T) {
	k := listKnower{fakeRetriever: mustFakeRetriever(t), words: map[string]bool{"mutterschutz": true}}
	a := mustAssistant(t, func(c *Config) { c.Retriever = k })
	const msg, want = "geld im mutterschuz wer bekomt das", "geld im mutterschutz wer bekommt das"
	if got := a.spellBack(msg); got != want {
		t.Errorf("spellBack(%q) = %q, want %q", msg, got, want)
	}
}

// A word that is an entry's prefix itself ("flieg" of "flieg*") is a word
// the lexicon knows, as every longer word with that prefix is; it is not
// spelled into another one ("fliegg").
func TestKnowsTheWordOfAPrefix(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range lx.wild {
		if !lx.knows(p) || !lx.knows(p+"en") {
			t.Errorf("knows(%q) = %v, knows(%q) = %v; want both", p, lx.knows(p), p+"en", lx.knows(p+"en"))
		}
	}
	a := mustAssistant(t, nil)
	if got := a.spellBack("ich flieg übermorgen"); got != "ich flieg übermorgen" {
		t.Errorf("spellBack = %q, want it unchanged", got)
	}
}

// A rule for a word people say leads from that word's own forms, not
// from another word the stemmer cuts alike: "Roller" is a vehicle,
// "rollen" and "Rolle" are none.
func TestColloquialRuleOnlyForItsOwnWord(t *testing.T) {
	lx := mustLexicon(t)
	for text, want := range map[string]bool{
		"mein roller ist kaputt":      true,
		"mit zwei rollern":            true,
		"die blätter rollen sich ein": false,
		"welche rolle spielt das":     false,
	} {
		q := lx.terms(text)
		got := false
		for _, to := range q.official {
			if slices.Contains(to, stem("fahrzeug")) {
				got = true
			}
		}
		if got != want {
			t.Errorf("terms(%q) lead to a vehicle: %v, want %v (official %v)", text, got, want, q.official)
		}
	}
}
