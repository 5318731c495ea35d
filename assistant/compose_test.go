// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/musterstadt/lotse/knowledge"
)

func TestFacetAnswerQuotesSectionVerbatim(t *testing.T) {
	a := mustAssistant(t, nil)
	c := newConv(knowledge.Citizen)
	mustAsk(t, a, c, "Hallo") // take the disclosure out of the way
	ans := mustAsk(t, a, c, "Was kostet ein Reisepass?")
	want := "Zu „Reisepass beantragen“ steht in der Leistungsbeschreibung (Abschnitt Kosten):\n\n" +
		"- Antragstellende ab 24 Jahren: 70,00 Euro\n- Antragstellende unter 24 Jahren: 37,50 Euro\n\n" +
		"Einen Termin vereinbaren Sie hier: https://service.example.test/termine\n\n" +
		"Mehr dazu: https://www.example.test/leistungen/reisepass\n\n" +
		"Wenn Sie lieber mit einem Menschen sprechen möchten, schreiben Sie „Mitarbeiter“."
	if diff := cmp.Diff(want, ans.Text); diff != "" {
		t.Errorf("answer (-want +got):\n%s", diff)
	}
	wantSrc := []Source{{
		ID: "leistungen/reisepass", Title: "Reisepass beantragen", URL: "https://www.example.test/leistungen/reisepass",
		Snippet: "- Antragstellende ab 24 Jahren: 70,00 Euro\n- Antragstellende unter 24 Jahren: 37,50 Euro",
	}}
	if diff := cmp.Diff(wantSrc, ans.Sources); diff != "" {
		t.Errorf("sources (-want +got):\n%s", diff)
	}
	if len(ans.Retrieved) == 0 || ans.Retrieved[0] != "leistungen/reisepass" {
		t.Errorf("retrieved = %v", ans.Retrieved)
	}
	if ans.HandoffOffered || ans.Confidence < lowConfidence || ans.Confidence > 1 {
		t.Errorf("handoff %v confidence %v", ans.HandoffOffered, ans.Confidence)
	}
}

func TestAnswers(t *testing.T) {
	tests := []struct {
		name      string
		aud       knowledge.Audience
		simple    bool
		question  string
		contains  []string
		excludes  []string
		wantIntnt Intent
	}{
		{
			name: "overview without facet", question: "Ich brauche einen neuen Reisepass",
			contains: []string{"Einen Reisepass brauchen Sie", "Kosten:\n- Antragstellende ab 24 Jahren: 70,00 Euro", "Benötigte Unterlagen:\n- bisheriger Reisepass"},
		},
		{
			name: "facet without a section of its name", question: "Was kostet ein Führungszeugnis?",
			contains: []string{"(Abschnitt Erforderliche Dokumente):", "Die Gebühr (derzeit 13 Euro)."},
		},
		{
			name: "duration found in the procedure", question: "Wie lange dauert ein Führungszeugnis?",
			contains: []string{"Nach etwa zwei Wochen kommt es per Post."},
		},
		{
			name: "markdown removed from quotes", question: "Kann ich den Pass per Post bekommen?",
			contains: []string{"Kann ich den Pass per Post bekommen? Nein, Sie holen ihn persönlich ab."},
			excludes: []string{"**"},
		},
		{
			name: "online service link", question: "Was kostet Sperrmüll?",
			contains: []string{"35,00 Euro", "Online erledigen: https://service.example.test/sperrmuell"},
		},
		{
			name: "termin without link", question: "Wie lange habe ich Zeit für die Anmeldung nach dem Umzug?",
			contains: []string{"innerhalb von 2 Wochen", "Sie können einen Termin vereinbaren – wie, steht im Abschnitt „Termin“."},
		},
		{
			name: "two facets", question: "Was kostet der Reisepass und was muss ich mitbringen?",
			contains: []string{"Kosten:\n- Antragstellende", "Benötigte Unterlagen:\n- bisheriger Reisepass"},
		},
		{
			name: "simple language is facet only", simple: true, question: "Was kostet ein Reisepass?",
			contains: []string{"Das kostet:\nAntragstellende ab 24 Jahren: 70,00 Euro.\n", plainQuoteMark, "Reisepass beantragen – Kosten:\n- Antragstellende ab 24 Jahren: 70,00 Euro"},
			excludes: []string{"Unterlagen", "schreiben Sie „Mitarbeiter“."},
		},
		{
			name: "employee article quoted whole", aud: knowledge.Employee, question: "Wie richte ich MusterVPN ein?",
			contains: []string{"IT-Wissensdatenbank", "Server: vpn.example.test", "Mit MusterVPN arbeiten Sie"},
		},
		{
			name: "citizen never sees employee articles", question: "Wie richte ich MusterVPN ein?",
			excludes: []string{"vpn.example.test", "MusterVPN arbeiten"},
		},
		{
			name: "nothing found offers a human", question: "Wie beantrage ich eine Baugenehmigung für einen Carport?",
			contains: []string{"nichts Passendes gefunden", "Soll ich Ihr Anliegen"},
		},
		{
			name: "english frame with German source note", question: "How much does a passport cost?",
			contains: []string{"For “Reisepass beantragen”, the service description says (section “Kosten”):", "70,00 Euro", "- Fees: €70.00", "Original text (German):"},
		},
	}
	a := mustAssistant(t, nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			aud := tt.aud
			if aud == "" {
				aud = knowledge.Citizen
			}
			c := newConv(aud)
			c.Simple = tt.simple
			ans := mustAsk(t, a, c, tt.question)
			for _, s := range tt.contains {
				if !strings.Contains(ans.Text, s) {
					t.Errorf("answer lacks %q:\n%s", s, ans.Text)
				}
			}
			for _, s := range tt.excludes {
				if strings.Contains(body(ans), s) {
					t.Errorf("answer contains %q:\n%s", s, ans.Text)
				}
			}
		})
	}
}

func TestNothingFoundOffersHuman(t *testing.T) {
	a := mustAssistant(t, nil)
	ans := mustAsk(t, a, newConv(knowledge.Citizen), "Wie beantrage ich eine Baugenehmigung für einen Carport?")
	if !ans.HandoffOffered || ans.Handoff == nil || ans.Handoff.Reason != "low_confidence" || len(ans.Sources) != 0 {
		t.Errorf("answer = %+v", ans)
	}
}

// TestNoFactOutsideSources checks the central promise of the offline
// composer: every number in an answer (amounts, times, counts, years)
// occurs in the text of a cited document.
func TestNoFactOutsideSources(t *testing.T) {
	fr := mustFakeRetriever(t)
	a := mustAssistant(t, func(c *Config) { c.Retriever = fr })
	questions := []string{
		"Was kostet ein Reisepass?", "Ich brauche einen neuen Reisepass", "Wo ist das Bürgerbüro?",
		"Wie lange dauert ein Reisepass?", "Was kostet Sperrmüll?", "hundesteuer wie viel im jahr",
		"Was kostet der Reisepass und was muss ich mitbringen?", "How much does a passport cost?",
		"Kinderpass Kosten", "Welche Unterlagen brauche ich für den Personalausweis?",
	}
	number := regexp.MustCompile(`\d+(?:[.,:]\d+)*`)
	for _, q := range questions {
		for _, aud := range []knowledge.Audience{knowledge.Citizen, knowledge.Employee} {
			ans := mustAsk(t, a, newConv(aud), q)
			var src strings.Builder
			for _, s := range ans.Sources {
				d, ok := fr.Document(s.ID, aud)
				if !ok {
					t.Fatalf("%q cites %s, which %s may not see", q, s.ID, aud)
				}
				for _, sec := range d.Sections {
					src.WriteString(sec.Text + "\n")
				}
			}
			for _, n := range number.FindAllString(ans.Text, -1) {
				// A lead fact writes "70,00" the English way.
				swapped := strings.NewReplacer(".", ",", ",", ".").Replace(n)
				if !strings.Contains(src.String(), n) && !strings.Contains(src.String(), swapped) {
					t.Errorf("%q: %q is in the answer but in no cited source:\n%s", q, n, ans.Text)
				}
			}
		}
	}
}

func TestClarifiesBetweenTwoServices(t *testing.T) {
	// Two services that match the question equally well and that the
	// question does not name.
	fr := &fakeRetriever{docs: []knowledge.Document{
		{ID: "a/gelb", Title: "Gelbe Tonne bestellen", Kind: knowledge.KindService, Audience: knowledge.Citizen,
			Sections: []knowledge.Section{{Heading: "Gelbe Tonne bestellen › Kosten", Facet: knowledge.FacetKosten, Text: "Die Tonne für Verpackungen kostet 10,00 Euro."}}},
		{ID: "a/blau", Title: "Blaue Tonne bestellen", Kind: knowledge.KindService, Audience: knowledge.Citizen,
			Sections: []knowledge.Section{{Heading: "Blaue Tonne bestellen › Kosten", Facet: knowledge.FacetKosten, Text: "Die Tonne für Papier kostet 12,00 Euro."}}},
	}}
	a := mustAssistant(t, func(c *Config) { c.Retriever = fr })
	ans := mustAsk(t, a, newConv(knowledge.Citizen), "Was kostet eine Tonne?")
	if !strings.Contains(ans.Text, "Meinen Sie „Gelbe Tonne bestellen“ oder „Blaue Tonne bestellen“?") {
		t.Errorf("no clarifying question: %s", ans.Text)
	}
	if len(ans.Sources) != 2 || ans.HandoffOffered {
		t.Errorf("sources %v, handoff %v: want both services and no handoff", ans.Sources, ans.HandoffOffered)
	}
	named := mustAsk(t, a, newConv(knowledge.Citizen), "Was kostet die blaue Tonne?")
	if !strings.Contains(named.Text, "12,00 Euro") {
		t.Errorf("named service not answered: %s", named.Text)
	}
}

// TestTruncateRunes checks the cut without a []rune against the cut
// through one, for ASCII, umlauts, emoji and invalid UTF-8.
func TestTruncateRunes(t *testing.T) {
	viaRunes := func(s string, n int) string {
		r := []rune(s)
		if len(r) <= n {
			return s
		}
		return string(r[:n])
	}
	for _, s := range []string{"", "abc", "Bürgerbüro", "Straße 🏠 12 €", "ab\xffcd\xfe", strings.Repeat("ä", 300)} {
		for _, n := range []int{0, 1, 2, 3, 5, 10, 200, 400} {
			if got, want := truncateRunes(s, n), viaRunes(s, n); got != want {
				t.Errorf("truncateRunes(%q, %d) = %q, want %q", s, n, got, want)
			}
		}
	}
}

// A reply to the clarifying question that asks on without choosing goes on
// with the first of the two services offered; one that names the other
// moves to it.
func TestAfterClarifyingAFollowUpGoesOn(t *testing.T) {
	fr := &fakeRetriever{docs: []knowledge.Document{
		{ID: "a/gelb", Title: "Gelbe Tonne bestellen", Kind: knowledge.KindService, Audience: knowledge.Citizen,
			Sections: []knowledge.Section{
				{Heading: "Gelbe Tonne bestellen › Kosten", Facet: knowledge.FacetKosten, Text: "Die Tonne für Verpackungen kostet 10,00 Euro."},
				{Heading: "Gelbe Tonne bestellen › Bearbeitungsdauer", Facet: knowledge.FacetDauer, Text: "Die Tonne wird innerhalb von 5 Werktagen geliefert."}}},
		{ID: "a/blau", Title: "Blaue Tonne bestellen", Kind: knowledge.KindService, Audience: knowledge.Citizen,
			Sections: []knowledge.Section{
				{Heading: "Blaue Tonne bestellen › Kosten", Facet: knowledge.FacetKosten, Text: "Die Tonne für Papier kostet 12,00 Euro."},
				{Heading: "Blaue Tonne bestellen › Bearbeitungsdauer", Facet: knowledge.FacetDauer, Text: "Die Tonne wird innerhalb von 9 Werktagen geliefert."}}},
	}}
	a := mustAssistant(t, func(c *Config) { c.Retriever = fr })
	conv := newConv(knowledge.Citizen)
	first := mustAsk(t, a, conv, "Was kostet eine Tonne?")
	if !strings.Contains(first.Text, "Meinen Sie") {
		t.Fatalf("no clarifying question: %s", first.Text)
	}
	then := mustAsk(t, a, conv, "und wie lange dauert das?")
	if len(then.Sources) == 0 || then.Sources[0].ID != first.Sources[0].ID {
		t.Errorf("after the clarifying question the follow-up cites %v, want %s:\n%s", then.Sources, first.Sources[0].ID, then.Text)
	}
	other := "a/blau"
	if first.Sources[0].ID == other {
		other = "a/gelb"
	}
	conv = newConv(knowledge.Citizen)
	mustAsk(t, a, conv, "Was kostet eine Tonne?")
	word := map[string]string{"a/blau": "blaue", "a/gelb": "gelbe"}[other]
	if named := mustAsk(t, a, conv, "die "+word+" bitte"); len(named.Sources) == 0 || named.Sources[0].ID != other {
		t.Errorf("naming the other service cites %v, want %s:\n%s", named.Sources, other, named.Text)
	}
}
