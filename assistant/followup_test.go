// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"strings"
	"testing"

	"github.com/musterstadt/lotse/knowledge"
)

func TestFollowUps(t *testing.T) {
	tests := []struct {
		name      string
		history   []string
		question  string
		wantDoc   string // first source
		wantText  []string
		wantFocus string
	}{
		{
			name: "cost of the service asked before", history: []string{"Ich brauche einen neuen Reisepass"},
			question: "Und was kostet das?", wantDoc: "leistungen/reisepass", wantText: []string{"70,00 Euro"},
		},
		{
			name: "pronoun and facet", history: []string{"Ich brauche einen neuen Reisepass"},
			question: "wie lange dauert das", wantDoc: "leistungen/reisepass", wantText: []string{"4 bis 6 Wochen"},
		},
		{
			name: "a long message about the person asked about", history: []string{"Meine Mutter braucht einen neuen Reisepass"},
			question: "sie ist ab februar drei monate bei ihrer schwester in kanada und kommt erst im mai zurück, vorher hat sie keine zeit dafür, wie lange dauert das bei ihnen",
			wantDoc:  "leistungen/reisepass", wantText: []string{"4 bis 6 Wochen"},
		},
		{
			name: "a fact added by the way", history: []string{"Ich brauche einen neuen Reisepass"},
			question: "achso ich bin übrigens erst 19, brauch ich dann noch was extra", wantDoc: "leistungen/reisepass",
		},
		{
			name: "where", history: []string{"Was kostet ein Personalausweis?"},
			question: "und wo?", wantDoc: "leistungen/personalausweis", wantText: []string{"Marktplatz 1"},
		},
		{
			name: "qualifier leads to the related service, facet carried over", history: []string{"Was kostet ein Reisepass?"},
			question: "und für Kinder?", wantDoc: "leistungen/kinderreisepass", wantText: []string{"13,00 Euro"},
			wantFocus: "leistungen/kinderreisepass",
		},
		{
			name: "an age the related service rules out stays with the focus", history: []string{"Was kostet ein Reisepass?"},
			question: "ich bin 17", wantDoc: "leistungen/reisepass", wantText: []string{"37,50 Euro"},
		},
		{
			name: "topic switch keeps the facet", history: []string{"Was kostet ein Reisepass?"},
			question: "Und ein Personalausweis?", wantDoc: "leistungen/personalausweis", wantText: []string{"37,00 Euro"},
		},
		{
			name: "bare facet", history: []string{"Ich will meinen Hund anmelden"},
			question: "Kosten?", wantDoc: "leistungen/hundesteuer", wantText: []string{"96,00 Euro"},
		},
		{
			name: "new topic with a pronoun is not a follow-up", history: []string{"Was kostet ein Reisepass?"},
			question: "Was kostet das Anwohnerparken?", wantDoc: "leistungen/anwohnerparken", wantText: []string{"120,00 Euro"},
		},
		{
			name: "a causal adverb refers back wherever it stands", history: []string{"Ich ziehe nächsten Monat innerhalb von Musterstadt um"},
			question: "muss meine vermieterin mir deswegen irgendwas unterschreiben", wantDoc: "leistungen/wohnsitz-anmelden",
		},
		{
			name: "english follow-up", history: []string{"I need a new passport"},
			question: "How much is it?", wantDoc: "leistungen/reisepass", wantText: []string{"70,00 Euro", "Original text (German):"},
		},
	}
	a := mustAssistant(t, nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newConv(knowledge.Citizen)
			for _, h := range tt.history {
				mustAsk(t, a, c, h)
			}
			ans := mustAsk(t, a, c, tt.question)
			if len(ans.Sources) == 0 || ans.Sources[0].ID != tt.wantDoc {
				t.Fatalf("sources = %v, want %s first; answer:\n%s", ans.Sources, tt.wantDoc, ans.Text)
			}
			for _, s := range tt.wantText {
				if !strings.Contains(ans.Text, s) {
					t.Errorf("answer lacks %q:\n%s", s, ans.Text)
				}
			}
			if ans.Retrieved[0] != tt.wantDoc {
				t.Errorf("retrieved = %v, want %s first", ans.Retrieved, tt.wantDoc)
			}
			if want := tt.wantFocus; want != "" && c.Focus != want {
				t.Errorf("focus = %q, want %q", c.Focus, want)
			}
			if ans.Intent != IntentServiceInfo {
				t.Errorf("intent = %s", ans.Intent)
			}
		})
	}
}

func TestFollowUpSearchesWithFocusTitle(t *testing.T) {
	fr := mustFakeRetriever(t)
	a := mustAssistant(t, func(c *Config) { c.Retriever = fr })
	c := newConv(knowledge.Citizen)
	mustAsk(t, a, c, "Ich brauche einen neuen Reisepass")
	mustAsk(t, a, c, "Und was kostet das?")
	last := fr.queries[len(fr.queries)-1]
	if !strings.Contains(last.Text, "Reisepass beantragen") || last.Facet != knowledge.FacetKosten || last.K != retrieveK || last.Audience != knowledge.Citizen {
		t.Errorf("follow-up query = %+v", last)
	}
}

func TestLanguagePersists(t *testing.T) {
	a := mustAssistant(t, nil)
	c := newConv(knowledge.Citizen)
	mustAsk(t, a, c, "How much does a passport cost?")
	if c.Lang != "en" {
		t.Fatalf("lang = %q, want en", c.Lang)
	}
	ans := mustAsk(t, a, c, "Reisepass?")
	if ans.Lang != "en" || c.Lang != "en" {
		t.Errorf("a message without language signal switched the language to %q", ans.Lang)
	}
	hint, err := a.Ask(t.Context(), c, Message{Text: "Kosten", Lang: "de-DE"})
	if err != nil {
		t.Fatal(err)
	}
	if hint.Lang != "de" || c.Lang != "de" {
		t.Errorf("client hint ignored: %q", hint.Lang)
	}
}

func TestStates(t *testing.T) {
	a := mustAssistant(t, nil)
	for text, want := range map[string]bool{
		"ich wohn eigentlich in lyon und bin vier monate hier": true,
		"er ist 7":                           true,
		"muss ich mich da anmelden":          false,
		"wie lange gilt der":                 false,
		"ich wohne in lyon.":                 true,
		"ich wohne in lyon?":                 false,
		"ich brauche einen neuen pass":       false,
		"kann man das online machen":         false,
		"bitte rufen sie mich an":            false,
		"my daughter is 7":                   true,
		"is it possible to do that online":   false,
		"das auto steht beim nachbarn":       true,
		"ob ich das auch online machen kann": false,
		"reicht da ein antrag für beide":     false,
		"gibt es das auch für kinder":        false,
	} {
		if got := a.states(text, words(text)); got != want {
			t.Errorf("states(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestFollowUpKeepsFocus checks follow-ups that stay with the page the
// conversation is about. Only the follow-up's own words lead away from
// the focus: "und wenn wir beide gleich viel verdienen" after "wir
// heiraten, welche Steuerklasse …" stays with the tax card, although
// "heiraten" names the marriage certificate, which shares "Deutschland"
// and "Dokumente" with the tax card's title. A title word every
// candidate's title shares ("…: Verfahren und Dokumente") makes no other
// document related to the focus: "Sitz" in the follow-up then hides in
// "Wohnsitz" and led away from the trade's page (session 20).
func TestFollowUpKeepsFocus(t *testing.T) {
	for _, tt := range []struct {
		name            string
		docs            []knowledge.Document
		first, followUp string
		focus, inAnswer string
	}{
		{
			name: "previous words",
			docs: []knowledge.Document{
				overviewDoc("steuerkarte", "Steuerkarte in Deutschland: Verfahren, Dokumente", "Die Steuerklasse III gilt für Verheiratete, bei denen einer wesentlich mehr verdient. Die Steuerklasse IV gilt, wenn beide etwa gleich viel verdienen."),
				overviewDoc("heiratsurkunde", "Heiratsurkunde in Deutschland: Leitfaden und Dokumente", "Die Heiratsurkunde stellt das Standesamt nach der Eheschließung aus."),
			},
			first:    "wir heiraten im juni, welche steuerklasse ist die richtige wenn einer von uns fast alles verdient",
			followUp: "und wenn wir beide ungefähr gleich viel verdienen",
			focus:    "steuerkarte",
			inAnswer: "Steuerklasse IV",
		},
		{
			name: "title words all share",
			docs: []knowledge.Document{
				overviewDoc("gewerbe", "Gewerbe ummelden in Deutschland: Verfahren und Dokumente", "Wer den Sitz des Betriebs an einen neuen Standort verlegt, meldet das Gewerbe um. Als Nachweis dient die Bestätigung des eingetragenen Firmensitzes."),
				overviewDoc("wohnsitz", "Wohnsitz anmelden in Deutschland: Verfahren und Dokumente", "Wer umzieht, meldet den neuen Wohnsitz an. Als Nachweis dient die Bestätigung des Vermieters."),
				overviewDoc("pass", "Reisepass beantragen in Deutschland: Verfahren und Dokumente", "Den Reisepass beantragen Sie persönlich."),
				overviewDoc("hund", "Hundesteuer in Deutschland: Verfahren und Dokumente", "Wer einen Hund hält, zahlt Hundesteuer."),
			},
			first:    "Wie melde ich mein Gewerbe um?",
			followUp: "Es geht um unsere Firma, deren Sitz verlegt wird. Womit belege ich dem Amt den neuen Standort?",
			focus:    "gewerbe",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := mustAssistant(t, func(c *Config) { c.Retriever = &fakeRetriever{docs: tt.docs} })
			c := newConv(knowledge.Citizen)
			mustAsk(t, a, c, tt.first)
			if c.Focus != tt.focus {
				t.Fatalf("focus = %q after the first question, want %s", c.Focus, tt.focus)
			}
			ans := mustAsk(t, a, c, tt.followUp)
			if len(ans.Sources) == 0 || ans.Sources[0].ID != tt.focus || !strings.Contains(ans.Text, tt.inAnswer) {
				t.Errorf("sources %v, want %s's page with %q:\n%s", ans.Sources, tt.focus, tt.inAnswer, ans.Text)
			}
		})
	}
}

// overviewDoc is a citizen's service page of one overview section.
func overviewDoc(id, title, text string) knowledge.Document {
	return knowledge.Document{ID: id, Title: title, URL: "https://www.example.test/" + id, Audience: knowledge.Citizen, Kind: knowledge.KindService, Lang: "de",
		Sections: []knowledge.Section{{Heading: title, Facet: knowledge.FacetOverview, Text: text}}}
}
