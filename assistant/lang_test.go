// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"context"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/knowledge"
)

func TestDetectLang(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, hint, prev, want string
	}{
		{"Was kostet ein Reisepass?", "", "", "de"},
		{"Reisepass Kosten", "", "", "de"},
		{"pass kosten", "", "", "de"},
		{"Mitarbeiter", "", "", "de"},
		{"How much does a passport cost?", "", "", "en"},
		{"I need a new ID card", "", "", "en"},
		{"Pasaport başvurusu için nereye gitmeliyim?", "", "", "tr"},
		{"kimlik kartı ücreti ne kadar", "", "", "tr"},
		// "ç" is Turkish, "ü" both Turkish and German.
		{"Pasaportum süresi doldu, on gün sonra uçuyorum. Ekspres pasaport alabilir miyim?", "", "", "tr"},
		{"Ile kosztuje paszport dla osoby powyżej 24 lat?", "", "", "pl"},
		{"Gdzie mogę zarejestrować samochód?", "", "", "pl"},
		// Czech shares Polish short words but writes letters Polish does
		// not: not answered in Polish.
		{"Jak dlouho po pohřbu smím na hřbitově postavit náhrobek?", "", "", "de"},
		{"Kolik stojí řidičský průkaz na úřadě?", "", "en", "en"},
		{"Де мені зареєструвати місце проживання?", "", "", "uk"},
		{"Скільки коштує вивіз сміття?", "", "", "uk"},
		{"Сколько стоит обмен водительского удостоверения?", "", "", "ru"},
		{"Где находится загс?", "", "", "ru"},
		{"كم تكلفة بطاقة الهوية الشخصية؟", "", "", "ar"},
		{"İkinci köpek için köpek vergisi ne kadar?", "", "", "tr"},
		{"Wie viel kostet die Gebühr für Größe?", "", "", "de"},
		{"Reisepass?", "", "en", "en"},          // no signal: keep the conversation's language
		{"ok", "", "tr", "tr"},                  // no signal
		{"Was kostet das?", "", "en", "de"},     // clear German
		{"anything", "en-GB", "de", "en"},       // the hint wins
		{"Was kostet das?", "xx", "", "de"},     // invalid hint ignored
		{"Wie lange dauert das?", "", "", "de"}, // short German stays German
	}
	for _, tt := range tests {
		if got := lx.detectLang(tt.text, tt.hint, tt.prev); got != tt.want {
			t.Errorf("detectLang(%q, hint %q, prev %q) = %q, want %q", tt.text, tt.hint, tt.prev, got, tt.want)
		}
	}
}

func TestNonGermanAnswersInTheirLanguage(t *testing.T) {
	a := mustAssistant(t, nil)
	for q, want := range map[string][]string{
		"Pasaport ücreti ne kadar?": {"Orijinal metin (Almanca):", "- Ücret: 70,00\u00a0€", "70,00 Euro"},
		"Ile kosztuje paszport?":    {"Tekst oryginalny (po niemiecku):", "- Opłaty: 70,00\u00a0€", "70,00 Euro"},
	} {
		c := newConv("citizen")
		ans := mustAsk(t, a, c, q)
		if ans.Lang == "de" || c.Lang == "de" {
			t.Errorf("%q answered as German", q)
		}
		for _, w := range want {
			if !strings.Contains(ans.Text, w) {
				t.Errorf("%q: answer lacks %q:\n%s", q, w, ans.Text)
			}
		}
	}
}

func TestGermanTerms(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, want string }{
		{"İkinci köpek için köpek vergisi ne kadar?", "Hund Hundesteuer"},
		{"Ile kosztuje paszport?", "Reisepass Kosten"},
		{"Сколько стоит обмен водительского удостоверения?", "Führerschein umtauschen Kosten"},
		{"How much does a passport cost?", "Reisepass Kosten"},
		{"Was kostet ein Reisepass?", ""},
	}
	for _, tt := range tests {
		got := lx.germanTerms(tt.text)
		for _, w := range strings.Fields(tt.want) {
			if !strings.Contains(got, w) {
				t.Errorf("germanTerms(%q) = %q, want it to contain %q", tt.text, got, w)
			}
		}
		if tt.want == "" && got != "" {
			t.Errorf("germanTerms(%q) = %q, want none", tt.text, got)
		}
	}
	if _, err := parseLexicon(lexiconText + "\n[translate]\nno arrow here\n"); err == nil {
		t.Error("translate entry without =>: want error")
	}
}

// orderedRetriever returns its documents' first sections as passages in
// the order given, whatever is asked.
type orderedRetriever struct{ docs []knowledge.Document }

func (o orderedRetriever) Search(_ context.Context, q knowledge.Query) ([]knowledge.Passage, error) {
	var out []knowledge.Passage
	for i, d := range o.docs {
		s := d.Sections[0]
		out = append(out, knowledge.Passage{DocID: d.ID, Title: d.Title, Section: s.Heading, Facet: s.Facet, Text: s.Text, Kind: d.Kind, Audience: d.Audience, Score: 1 / float64(1+i)})
	}
	return out, nil
}

func (o orderedRetriever) Document(id string, _ knowledge.Audience) (knowledge.Document, bool) {
	for _, d := range o.docs {
		if d.ID == id {
			return d, true
		}
	}
	return knowledge.Document{}, false
}

// A question in another language is answered from retrieval's first
// document, unless a lower one's section for the facet asked holds the
// question's own words (a German term the asker used) and states the
// value: "how much is the Jolle in the summer per week" and its fee.
func TestOtherLanguageTakesTheFacetEvidence(t *testing.T) {
	docs := []knowledge.Document{
		{ID: "a", Title: "Standesamt", Kind: knowledge.KindService, Sections: []knowledge.Section{
			{Heading: "Standesamt › Kosten", Facet: knowledge.FacetKosten, Text: "Die Beurkundung ist gebührenfrei."}}},
		{ID: "b", Title: "Segelkurs", Kind: knowledge.KindService, Sections: []knowledge.Section{
			{Heading: "Segelkurs › Was ist das?", Text: "Auf dem Stausee lernen Kinder segeln."},
			{Heading: "Segelkurs › Kosten", Facet: knowledge.FacetKosten, Text: "Die Jolle für den Kurs kostet 65,00 Euro je Woche."}}},
	}
	a := mustAssistant(t, func(c *Config) { c.Retriever = orderedRetriever{docs: docs} })
	ans := mustAsk(t, a, newConv(knowledge.Citizen), "my son is in third grade, how much is the Jolle in the summer per week?")
	if len(ans.Sources) == 0 || ans.Sources[0].ID != "b" || !strings.Contains(ans.Text, "65,00") {
		t.Errorf("sources %+v, text %q: want the sailing course's fee", ans.Sources, ans.Text)
	}
}
