// SPDX-License-Identifier: EUPL-1.2

package assistant_test

import (
	"strings"
	"testing"
	"unicode"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
)

// langExpect is what an answer in one language must show: the mark before
// the German quote, the labels of the lead facts, and the script of the
// words outside the quote.
type langExpect struct {
	marker                string // before the German quote
	cost, online, yes, no string // lead fact labels and values
	script                *unicode.RangeTable
	costPasspt, costDog   string // the first fee, formatted for the language
}

var langExpects = map[string]langExpect{
	"de": {marker: "steht in der", script: unicode.Latin},
	"en": {marker: "Original text (German):", cost: "Fees", online: "Possible online", yes: "yes", no: "no", script: unicode.Latin, costPasspt: "€70.00", costDog: "€96.00"},
	"tr": {marker: "Orijinal metin (Almanca):", cost: "Ücret", online: "Çevrim içi mümkün", yes: "evet", no: "hayır", script: unicode.Latin, costPasspt: "70,00\u00a0€", costDog: "96,00\u00a0€"},
	"ar": {marker: "النص الأصلي (بالألمانية):", cost: "الرسوم", online: "ممكن عبر الإنترنت", yes: "نعم", no: "لا", script: unicode.Arabic, costPasspt: "70.00\u00a0€", costDog: "96.00\u00a0€"},
	"uk": {marker: "Оригінальний текст (німецькою):", cost: "Вартість", online: "Можна онлайн", yes: "так", no: "ні", script: unicode.Cyrillic, costPasspt: "70,00\u00a0€", costDog: "96,00\u00a0€"},
	"ru": {marker: "Оригинальный текст (на немецком):", cost: "Стоимость", online: "Можно онлайн", yes: "да", no: "нет", script: unicode.Cyrillic, costPasspt: "70,00\u00a0€", costDog: "96,00\u00a0€"},
	"pl": {marker: "Tekst oryginalny (po niemiecku):", cost: "Opłaty", online: "Możliwe online", yes: "tak", no: "nie", script: unicode.Latin, costPasspt: "70,00\u00a0€", costDog: "96,00\u00a0€"},
}

// languageQuestions are the same nine questions in seven languages: the
// costs, the documents and the online option of three services.
var languageQuestions = []struct {
	doc, facet string
	q          map[string]string
}{
	{"leistungen/reisepass", "cost", map[string]string{
		"de": "Was kostet ein Reisepass?", "en": "How much does a passport cost?", "tr": "Pasaport ne kadar tutuyor?",
		"ar": "كم تكلفة جواز السفر؟", "uk": "Скільки коштує закордонний паспорт?", "ru": "Сколько стоит загранпаспорт?", "pl": "Ile kosztuje paszport?"}},
	{"leistungen/reisepass", "docs", map[string]string{
		"de": "Welche Unterlagen brauche ich für einen Reisepass?", "en": "Which documents do I need for a passport?", "tr": "Pasaport için hangi belgeler gerekli?",
		"ar": "ما المستندات المطلوبة لجواز السفر؟", "uk": "Які документи потрібні для закордонного паспорта?", "ru": "Какие документы нужны для загранпаспорта?", "pl": "Jakie dokumenty są potrzebne do paszportu?"}},
	{"leistungen/reisepass", "online", map[string]string{
		"de": "Kann ich den Reisepass online beantragen?", "en": "Can I apply for a passport online?", "tr": "Pasaport başvurusunu internetten yapabilir miyim?",
		"ar": "هل يمكنني طلب جواز السفر عبر الإنترنت؟", "uk": "Чи можна подати заяву на закордонний паспорт онлайн?", "ru": "Можно ли подать заявление на загранпаспорт онлайн?", "pl": "Czy mogę złożyć wniosek o paszport przez internet?"}},
	{"leistungen/hundesteuer", "cost", map[string]string{
		"de": "Wie hoch ist die Hundesteuer?", "en": "How much is the dog tax?", "tr": "Köpek vergisi ne kadar?",
		"ar": "كم تبلغ ضريبة الكلاب؟", "uk": "Скільки становить податок на собаку?", "ru": "Сколько составляет налог на собаку?", "pl": "Ile wynosi podatek od psa?"}},
	{"leistungen/hundesteuer", "docs", map[string]string{
		"de": "Welche Unterlagen brauche ich für die Hundesteuer?", "en": "What documents do I need for the dog tax?", "tr": "Köpek vergisi için hangi belgeler gerekli?",
		"ar": "ما المستندات المطلوبة لضريبة الكلاب؟", "uk": "Які документи потрібні для податку на собаку?", "ru": "Какие документы нужны для налога на собаку?", "pl": "Jakie dokumenty są potrzebne do podatku od psa?"}},
	{"leistungen/hundesteuer", "online", map[string]string{
		"de": "Kann ich meinen Hund online anmelden?", "en": "Can I register my dog online?", "tr": "Köpeğimi internetten kaydettirebilir miyim?",
		"ar": "هل يمكنني تسجيل كلبي عبر الإنترنت؟", "uk": "Чи можна зареєструвати собаку онлайн?", "ru": "Можно ли зарегистрировать собаку онлайн?", "pl": "Czy mogę zarejestrować psa online?"}},
	{"leistungen/wohnsitz-anmelden", "cost", map[string]string{
		"de": "Was kostet die Anmeldung der Wohnung?", "en": "How much does it cost to register my address?", "tr": "İkamet kaydı ne kadar tutuyor?",
		"ar": "كم تكلفة تسجيل السكن؟", "uk": "Скільки коштує реєстрація місця проживання?", "ru": "Сколько стоит регистрация по месту жительства?", "pl": "Ile kosztuje zameldowanie?"}},
	{"leistungen/wohnsitz-anmelden", "docs", map[string]string{
		"de": "Welche Unterlagen brauche ich für die Anmeldung der Wohnung?", "en": "Which documents do I need to register my address?", "tr": "İkamet kaydı için hangi belgeler gerekli?",
		"ar": "ما المستندات المطلوبة لتسجيل السكن؟", "uk": "Які документи потрібні для реєстрації місця проживання?", "ru": "Какие документы нужны для регистрации по месту жительства?", "pl": "Jakie dokumenty są potrzebne do zameldowania?"}},
	{"leistungen/wohnsitz-anmelden", "online", map[string]string{
		"de": "Kann ich mich online ummelden?", "en": "Can I register my new address online?", "tr": "İkamet kaydını internetten yapabilir miyim?",
		"ar": "هل يمكنني تسجيل السكن عبر الإنترنت؟", "uk": "Чи можна зареєструвати місце проживання онлайн?", "ru": "Можно ли зарегистрироваться по месту жительства онлайн?", "pl": "Czy mogę się zameldować przez internet?"}},
}

// TestAnswersInSevenLanguages asks about the costs, the documents and the
// online option of three services in each language: the answer cites the
// right service, speaks the asker's language outside the quote (frame,
// lead facts, labels), and marks the quote as German.
func TestAnswersInSevenLanguages(t *testing.T) {
	a := mustBaseAssistant(t, mustBase(t))
	for _, tt := range languageQuestions {
		for lang, q := range tt.q {
			t.Run(lang+"/"+tt.doc+"/"+tt.facet, func(t *testing.T) {
				ex := langExpects[lang]
				conv := &assistant.Conversation{ID: "c", Audience: knowledge.Citizen, Channel: "web"}
				ans, err := a.Ask(t.Context(), conv, assistant.Message{Text: q})
				if err != nil {
					t.Fatal(err)
				}
				if ans.Lang != lang {
					t.Errorf("language %q, want %q", ans.Lang, lang)
				}
				if len(ans.Sources) == 0 || ans.Sources[0].ID != tt.doc {
					t.Fatalf("sources %v, want %s first:\n%s", ans.Sources, tt.doc, ans.Text)
				}
				want := []string{ex.marker}
				frame, quote, _ := strings.Cut(ans.Text, ex.marker)
				if lang != "de" {
					switch tt.facet {
					case "cost":
						first := ex.costPasspt
						if tt.doc == "leistungen/hundesteuer" {
							first = ex.costDog
						}
						if tt.doc == "leistungen/wohnsitz-anmelden" {
							first = ""
						}
						want = append(want, "- "+ex.cost+": "+first)
					case "online":
						v := ex.yes
						if tt.doc == "leistungen/reisepass" {
							v = ex.no
						}
						want = append(want, "- "+ex.online+": "+v)
					}
					if !hasScript(frame, ex.script) {
						t.Errorf("frame %q not in the script of %s", frame, lang)
					}
				}
				for _, w := range want {
					if !strings.Contains(ans.Text, w) {
						t.Errorf("answer lacks %q:\n%s", w, ans.Text)
					}
				}
				// The quote stays German.
				if !strings.ContainsAny(quote, "äöüß") && !strings.Contains(quote, "Euro") && !strings.Contains(quote, "online") {
					t.Errorf("quote does not look German: %q", quote)
				}
			})
		}
	}
}

// hasScript reports whether most letters of s, outside titles in quotes
// and URLs, are of script.
func hasScript(s string, script *unicode.RangeTable) bool {
	in, all := 0, 0
	quoted := false
	for _, r := range s {
		switch r {
		case '„', '“', '”', '«', '»', '"':
			quoted = !quoted
			continue
		}
		if quoted || !unicode.IsLetter(r) {
			continue
		}
		all++
		if unicode.Is(script, r) {
			in++
		}
	}
	return all > 0 && float64(in) >= 0.6*float64(all)
}
