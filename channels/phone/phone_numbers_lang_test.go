// SPDX-License-Identifier: EUPL-1.2

package phone

import (
	"strings"
	"testing"
)

// TestPhoneNumbersSpokenInEveryLanguage: a phone number in an answer is
// read block by block in all seven languages: in German and English in
// pairs of digits, in Turkish, Arabic, Ukrainian, Russian and Polish digit
// by digit with the language's word for "+", and said with the call's
// voice. The caller's own number is read back the same way.
func TestPhoneNumbersSpokenInEveryLanguage(t *testing.T) {
	tests := []struct {
		lang, label string
		local, intl string // how "0123 456-100" and "+49 211 8990" are said
		callback    string // how "+49 170 1234567" is read back
	}{
		{"de", "Telefon", "01 23, 4 56, 1 00", "plus 4 9, 2 11, 89 90", "plus, 4 9 1, 7 0 1, 2 3 4, 5 6 7"},
		{"en", "Phone", "01 23, 4 56, 1 00", "plus 4 9, 2 11, 89 90", "plus, 4 9 1, 7 0 1, 2 3 4, 5 6 7"},
		{"tr", "Telefon", "0 1 2 3, 4 5 6, 1 0 0", "artı 4 9, 2 1 1, 8 9 9 0", "artı, 4 9 1, 7 0 1, 2 3 4, 5 6 7"},
		{"ar", "الهاتف", "0 1 2 3, 4 5 6, 1 0 0", "زائد 4 9, 2 1 1, 8 9 9 0", "زائد, 4 9 1, 7 0 1, 2 3 4, 5 6 7"},
		{"uk", "Телефон", "0 1 2 3, 4 5 6, 1 0 0", "плюс 4 9, 2 1 1, 8 9 9 0", "плюс, 4 9 1, 7 0 1, 2 3 4, 5 6 7"},
		{"ru", "Телефон", "0 1 2 3, 4 5 6, 1 0 0", "плюс 4 9, 2 1 1, 8 9 9 0", "плюс, 4 9 1, 7 0 1, 2 3 4, 5 6 7"},
		{"pl", "Telefon", "0 1 2 3, 4 5 6, 1 0 0", "plus 4 9, 2 1 1, 8 9 9 0", "plus, 4 9 1, 7 0 1, 2 3 4, 5 6 7"},
	}
	d := &Dialog{}
	for _, tt := range tests {
		says := d.spoken(tt.lang, "- "+tt.label+": 0123 456-100 · +49 211 8990")
		var all []string
		for _, s := range says {
			if s.Lang != tt.lang {
				t.Errorf("%s: %q said with the %s voice", tt.lang, s.Text, s.Lang)
			}
			all = append(all, s.Text)
		}
		spoken := strings.Join(all, " ")
		for _, want := range []string{tt.label, tt.local, tt.intl} {
			if !strings.Contains(spoken, want) {
				t.Errorf("%s: %q lacks %q", tt.lang, spoken, want)
			}
		}
		if strings.ContainsAny(spoken, "+-") {
			t.Errorf("%s: %q still holds written signs", tt.lang, spoken)
		}
		if got := spellNumberIn("+49 170 1234567", textsFor(tt.lang)); got != tt.callback {
			t.Errorf("%s: caller's number read back as %q, want %q", tt.lang, got, tt.callback)
		}
	}
	// Numbers with fewer than six digits are no phone numbers.
	if got := speakPhones("Zimmer 0123", textsFor("tr")); got != "Zimmer 0123" {
		t.Errorf("short number rewritten: %q", got)
	}
}

// TestModelAnswerSpokenWithoutMarkers: a model's answer cites its sources
// as [1]; the caller hears the sentences without them, in every language.
func TestModelAnswerSpokenWithoutMarkers(t *testing.T) {
	d := &Dialog{}
	for lang, text := range map[string]string{
		"de": "Der Reisepass kostet 70,00 Euro [1]. Ein Termin ist erforderlich [1, 2].",
		"tr": "Pasaport 70,00 € tutar [1]. Randevu gereklidir [2].",
		"ar": "تبلغ تكلفة جواز السفر 70,00 يورو [1].",
		"ru": "Загранпаспорт стоит 70,00 € [1]. Нужна запись на приём [1-2].",
	} {
		for _, s := range d.spoken(lang, text) {
			if strings.ContainsAny(s.Text, "[]") || strings.Contains(s.Text, ", 1.") || strings.Contains(s.Text, ", 2.") || strings.HasSuffix(s.Text, " 1.") {
				t.Errorf("%s: %q speaks a source marker", lang, s.Text)
			}
		}
	}
}

// TestSpokenFiguresInEveryLanguage: in a Turkish, Arabic, Ukrainian,
// Russian or Polish call, the answer's own sentences (not the German
// quote) say dates, times, ranges, lists and e-mail addresses in words of
// that language; no German word of the renderer is left ("Uhr", "bis",
// "Erstens", "Punkte", "Dezember", "ät-Zeichen").
func TestSpokenFiguresInEveryLanguage(t *testing.T) {
	text := "- Tarih: 2026-12-24 · 14.06.2026\n- Süre: 4–6 · 3\n- Saat: 8:00–12:30\n- E-posta: buergerbuero@musterstadt.example\n- Telefon: 0123 456-100"
	tests := map[string][]string{
		"tr": {"24 Aralık 2026", "14 Haziran 2026", "4 ila 6", "8 ila 12 30", "5 madde var.", "Birinci: ", "Beşinci: ", "buergerbuero, et işareti, musterstadt nokta example", "0 1 2 3, 4 5 6, 1 0 0"},
		"ar": {"24 ديسمبر 2026", "14 يونيو 2026", "4 إلى 6", "8 إلى 12 30", "عدد النقاط: 5.", "أولًا: ", "buergerbuero, آت, musterstadt نقطة example"},
		"uk": {"24 грудня 2026", "14 червня 2026", "4 до 6", "8 до 12 30", "Кількість пунктів: 5.", "Перше: ", "buergerbuero, собачка, musterstadt крапка example"},
		"ru": {"24 декабря 2026", "14 июня 2026", "4 до 6", "8 до 12 30", "Количество пунктов: 5.", "Первое: ", "buergerbuero, собака, musterstadt точка example"},
		"pl": {"24 grudnia 2026", "14 czerwca 2026", "4 do 6", "8 do 12 30", "Liczba punktów: 5.", "Po pierwsze: ", "buergerbuero, małpa, musterstadt kropka example"},
	}
	d := &Dialog{}
	for lang, wants := range tests {
		var all []string
		for _, s := range d.spoken(lang, text) {
			all = append(all, SpokenText(s.Text))
		}
		spoken := strings.Join(all, " ")
		for _, want := range wants {
			if !strings.Contains(spoken, want) {
				t.Errorf("%s: %q lacks %q", lang, spoken, want)
			}
		}
		for _, german := range []string{"Uhr", " bis ", "Erstens", "Punkte", "Dezember", "Juni", "ät-Zeichen", " Punkt "} {
			if strings.Contains(spoken, german) {
				t.Errorf("%s: %q says the German %q", lang, spoken, german)
			}
		}
	}
	// German and English calls keep the renderer's own words.
	var de []string
	for _, s := range d.spoken("de", "- Datum: 14.06.2026\n- Zeit: 8:00–12:30 Uhr") {
		de = append(de, SpokenText(s.Text))
	}
	if got := strings.Join(de, " "); !strings.Contains(got, "14. Juni 2026") || !strings.Contains(got, "8 Uhr") {
		t.Errorf("German call: %q", got)
	}
}
