// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"reflect"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/knowledge"
)

func TestLeadFactsRendered(t *testing.T) {
	o, err := newOrgTexts("", "")
	if err != nil {
		t.Fatal(err)
	}
	text := "Die Gebühr beträgt 37,00 Euro, für Kinder 1.037,50 €. Die Bearbeitung dauert drei bis vier Wochen, " +
		"ein Express-Pass 3 Werktage. Antragstellende ab 24 Jahren zahlen mehr, Personen über 65 Jahre nichts. Fällig am 1. Juli 2026 oder am 15.08.2026.\n" +
		"Telefon: 0123 456-100\nÖffnungszeiten: Montag bis Freitag 8:00 bis 12:30 Uhr, Mittwoch geschlossen\n" +
		"Ein Termin ist erforderlich. Nicht online verfügbar. https://service.example.test/termine"
	tests := map[string][]string{
		"en": {"Fees: €37.00 · €1,037.50", "Time: 3–4 weeks · 3 working days", "Dates: 2026-07-01 · 2026-08-15",
			"Opening hours: Monday–Friday 8:00–12:30; Wednesday closed", "Phone: 0123 456-100",
			"Appointment needed: yes", "Possible online: no", "Web: https://service.example.test/termine"},
		"de": {"Kosten: 37,00\u00a0€ · 1.037,50\u00a0€", "Dauer: 3 bis 4 Wochen · 3 Werktage", "Datum: 01.07.2026 · 15.08.2026"},
		"tr": {"Ücret: 37,00\u00a0€ · 1.037,50\u00a0€", "Süre: 3–4 hafta · 3 iş günü", "Randevu gerekli: evet", "Çevrim içi mümkün: hayır", "Pazartesi–Cuma 8:00–12:30; Çarşamba kapalı"},
		"ru": {"Стоимость: 37,00\u00a0€ · 1\u00a0037,50\u00a0€", "Срок: 3–4 недели · 3 рабочих дня", "Нужна запись: да"},
		"uk": {"Вартість: 37,00\u00a0€", "Строк: 3–4 тижні · 3 робочі дні"},
		"pl": {"Opłaty: 37,00\u00a0€", "Czas: 3–4 tygodnie · 3 dni robocze"},
		"ar": {"الرسوم: 37.00\u00a0€ · 1,037.50\u00a0€", "المدة: 3–4 أسابيع · 3 أيام عمل", "يلزم موعد: نعم"},
	}
	for lang, want := range tests {
		got := strings.Join(leadLines(o.msgs(lang), nil, []quote{{text: text}}, ""), "\n")
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: lead lacks %q:\n%s", lang, w, got)
			}
		}
		if strings.Contains(got, "24 ") || strings.Contains(got, "65 ") {
			t.Errorf("%s: an age was read as a duration:\n%s", lang, got)
		}
	}
	// Plural categories: one, few, many.
	p := unitPrinter("ru")
	for n, want := range map[int]string{1: "1 неделя", 2: "2 недели", 5: "5 недель", 21: "21 неделя"} {
		if got := formatDuration(p, "ru", leadDuration{from: n, unit: "woche"}); got != want {
			t.Errorf("ru %d weeks = %q, want %q", n, got, want)
		}
	}
	if got := formatDuration(unitPrinter("en"), "en", leadDuration{from: 1, unit: "monat"}); got != "1 month" {
		t.Errorf("en 1 month = %q", got)
	}
}

// Every offline language sets every sentence.
func TestMessagesComplete(t *testing.T) {
	o, err := newOrgTexts("", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range offlineLangs {
		m := o.msgs(lang)
		if m.lang != lang {
			t.Fatalf("msgs(%q) is %q", lang, m.lang)
		}
		for name, v := range messageFields(*m) {
			if v == "" && !(lang == "de" && name == "SourceGerman") {
				t.Errorf("%s.%s is empty", lang, name)
			}
		}
		for i, d := range m.Weekdays {
			if d == "" {
				t.Errorf("%s weekday %d is empty", lang, i)
			}
		}
	}
}

// messageFields returns the exported string fields of m by name.
func messageFields(m messages) map[string]string {
	out := map[string]string{}
	v := reflect.ValueOf(m)
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if f.IsExported() && f.Type.Kind() == reflect.String {
			out[f.Name] = v.Field(i).String()
		}
	}
	return out
}

func TestPartsSplitsTheGermanQuote(t *testing.T) {
	a := mustAssistant(t, nil)
	ans := mustAsk(t, a, newConv("citizen"), "Pasaport ne kadar tutuyor?")
	ps := Parts(ans.Text, ans.Lang)
	if len(ps) != 3 || ps[0].Lang != "tr" || ps[1].Lang != "de" || !ps[1].Quote || ps[2].Lang != "tr" {
		t.Fatalf("parts = %+v", ps)
	}
	if !strings.HasSuffix(ps[0].Text, "Orijinal metin (Almanca):") || !strings.Contains(ps[1].Text, "70,00 Euro") ||
		strings.Contains(ps[1].Text, "randevu") || !strings.Contains(ps[2].Text, "Ayrıntılar:") {
		t.Errorf("parts = %+v", ps)
	}
	if de := Parts("Zu „Reisepass“ steht: 70,00 Euro", "de"); len(de) != 1 || de[0].Lang != "de" {
		t.Errorf("German parts = %+v", de)
	}
}

// A document's name in the asker's language (names: in front matter)
// stands beside its German title in the frame.
func TestFrameNamesDocumentInAskersLanguage(t *testing.T) {
	fr := &fakeRetriever{docs: []knowledge.Document{{
		ID: "a/sondernutzung", Title: "Sondernutzungserlaubnis beantragen", Kind: knowledge.KindService, Audience: knowledge.Citizen,
		Synonyms: []string{"Street use permit"}, Names: map[string][]string{"en": {"Street use permit"}},
		Sections: []knowledge.Section{{Heading: "Sondernutzungserlaubnis beantragen › Kosten", Facet: knowledge.FacetKosten, Text: "Die Erlaubnis kostet 25,00 Euro je Tag."}},
	}}}
	a := mustAssistant(t, func(c *Config) { c.Retriever = fr })
	ans := mustAsk(t, a, newConv(knowledge.Citizen), "How much does a street use permit cost?")
	if !strings.Contains(ans.Text, "For “Street use permit (Sondernutzungserlaubnis beantragen)”") || !strings.Contains(ans.Text, "- Fees: €25.00") {
		t.Errorf("answer:\n%s", ans.Text)
	}
	de := mustAsk(t, a, newConv(knowledge.Citizen), "Was kostet die Sondernutzungserlaubnis?")
	if strings.Contains(de.Text, "Street use permit") {
		t.Errorf("German answer names the English name:\n%s", de.Text)
	}
}
