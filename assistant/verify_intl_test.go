// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"testing"

	"github.com/musterstadt/lotse/knowledge"
)

// intlPassages are German passages of a service description, numbered
// [1]..[4] as a model sees them.
var intlPassages = []knowledge.Passage{
	{Title: "Reisepass beantragen", Section: "Reisepass beantragen › Kosten", Text: "- Antragstellende ab 24 Jahren: 70,00 Euro\n- Antragstellende unter 24 Jahren: 37,50 Euro\n- Zuschlag für den Express-Reisepass: 32,00 Euro\n- vorläufiger Reisepass: 26,00 Euro", URL: "https://www.musterstadt.example/leistungen/reisepass"},
	{Title: "Reisepass beantragen", Section: "Reisepass beantragen › Bearbeitungsdauer", Text: "Ein regulärer Reisepass ist nach etwa 4 bis 6 Wochen abholbereit. Ein Express-Reisepass liegt nach etwa 3 Werktagen vor. Der Antrag gilt ab dem 14.06.2026."},
	{Title: "Reisepass beantragen", Section: "Reisepass beantragen › Zuständige Stelle", Text: "- Bürgerbüro Musterstadt, Marktplatz 1, 12345 Musterstadt\n- Telefon: 0123 456-100, E-Mail: buergerbuero@musterstadt.example\n- Öffnungszeiten: Montag, Dienstag und Freitag 8:00 bis 12:30 Uhr, Donnerstag 8:00 bis 18:00 Uhr, Mittwoch geschlossen"},
	{Title: "Reisepass beantragen", Section: "Reisepass beantragen › Termin", Text: "Ein Termin ist erforderlich. Termine buchen Sie online unter https://service.musterstadt.example/termine oder telefonisch unter 0123 456-100. Die Gebühr für Sonderfälle beträgt 1.070,00 Euro."},
	{Title: "Reisepass beantragen", Section: "Reisepass beantragen › Online-Dienst", Text: "Nicht online verfügbar. Die Beantragung ist nur persönlich möglich; den Termin können Sie online buchen."},
}

// TestVerifierInOtherLanguages checks sentences of answers in Turkish,
// Arabic, Ukrainian, Russian, Polish and English against German passages:
// faithful translations with the figures in the language's notation pass,
// a wrong figure, unit, date, weekday, link or language is refused.
func TestVerifierInOtherLanguages(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang, sentence, kind string // kind "" for a faithful sentence
	}{
		{"en", "A passport costs €70.00 for applicants aged 24 and over [1].", ""},
		{"en", "In special cases the fee is €1,070.00 [4].", ""},
		{"en", "A passport costs €80.00 for applicants aged 24 and over [1].", claimAmount},
		{"en", "It is ready after about 7 weeks [2].", claimDuration},

		{"tr", "24 yaş ve üzeri başvuru sahipleri için pasaport 70,00 € tutar [1].", ""},
		{"tr", "Pasaport yaklaşık 4-6 hafta sonra hazır olur [2].", ""},
		{"tr", "Ekspres pasaport yaklaşık 3 iş günü içinde hazır olur [2].", ""},
		{"tr", "Bürgerbüro pazartesi, salı ve cuma günleri 08.00-12.30 arası açıktır [3].", ""},
		{"tr", "Başvuru 14 Haziran 2026 tarihinden itibaren geçerlidir [2].", ""},
		{"tr", "Randevuyu https://service.musterstadt.example/termine adresinden alabilirsiniz [4].", ""},
		{"tr", "Pasaport 80 avro tutar [1].", claimAmount},
		{"tr", "Pasaport yetmiş beş avro tutar [1].", claimAmount},
		{"tr", "Pasaport yaklaşık 8-9 hafta sonra hazır olur [2].", claimDuration},
		{"tr", "Bürgerbüro cumartesi günü açıktır [3].", claimHours},
		{"tr", "Başvuru 15 Temmuz 2026 tarihinden itibaren geçerlidir [2].", claimDate},
		{"tr", "Randevuyu https://termin.example.com adresinden alabilirsiniz [4].", claimURL},

		{"ar", "تبلغ تكلفة جواز السفر ٧٠٫٠٠ يورو لمن بلغوا 24 عامًا فأكثر [1].", ""},
		{"ar", "يكون الجواز جاهزًا بعد حوالي 4 إلى 6 أسابيع [2].", ""},
		{"ar", "يكون جواز السفر السريع جاهزًا بعد حوالي 3 أيام عمل [2].", ""},
		{"ar", "يفتح المكتب أيام الاثنين والثلاثاء والجمعة من 8:00 إلى 12:30 [3].", ""},
		{"ar", "تبلغ تكلفة جواز السفر ٨٠٫٠٠ يورو [1].", claimAmount},
		{"ar", "يكون الجواز جاهزًا بعد أسبوعين [2].", claimDuration},
		{"ar", "يكون الجواز جاهزًا بعد ٧ أسابيع [2].", claimDuration},
		{"ar", "يفتح المكتب يوم السبت [3].", claimHours},
		{"ar", "Der Reisepass kostet für alle Personen 70 Euro [1].", claimLanguage},

		{"uk", "Закордонний паспорт коштує 70,00 євро для заявників від 24 років [1].", ""},
		{"uk", "Паспорт буде готовий приблизно через 4–6 тижнів [2].", ""},
		{"uk", "Експрес-паспорт готовий приблизно за 3 робочі дні [2].", ""},
		{"uk", "Бюро працює в понеділок, вівторок і п’ятницю з 8:00 до 12:30 [3].", ""},
		{"uk", "Заява діє з 14 червня 2026 року [2].", ""},
		{"uk", "Паспорт коштує 80,00 євро [1].", claimAmount},
		{"uk", "Паспорт коштує сімдесят п’ять євро [1].", claimAmount},
		{"uk", "Паспорт буде готовий через три тижні [2].", claimDuration},
		{"uk", "Паспорт стоит 70 евро для всех заявителей, которым больше 24 лет [1].", claimLanguage},

		{"ru", "Загранпаспорт стоит 70,00 € для заявителей от 24 лет [1].", ""},
		{"ru", "В особых случаях сбор составляет 1 070,00 евро [4].", ""},
		{"ru", "Экспресс-паспорт готов примерно через 3 рабочих дня [2].", ""},
		{"ru", "Бюро открыто в понедельник, вторник и пятницу с 8:00 до 12:30 [3].", ""},
		{"ru", "Позвоните по номеру 0123 456-100 [3].", ""},
		{"ru", "Паспорт будет готов через 4–6 месяцев [2].", claimDuration},
		{"ru", "Бюро открыто в субботу с 8:00 [3].", claimHours},
		{"ru", "Позвоните по номеру 0123 456-199 [3].", claimPhone},
		{"ru", "Заявление действует с 14 июля 2026 года [2].", claimDate},
		{"ru", "The passport costs 70 euros for all people [1].", claimLanguage},

		{"pl", "Paszport kosztuje 70,00 euro dla wnioskodawców od 24 lat [1].", ""},
		{"pl", "Paszport ekspresowy jest gotowy po około 3 dniach roboczych [2].", ""},
		{"pl", "Biuro jest czynne w poniedziałek, wtorek i piątek od 8:00 do 12:30 [3].", ""},
		{"pl", "Paszport kosztuje 80 euro [1].", claimAmount},
		{"pl", "Paszport jest potrzebny poza Unią Europejską [1].", ""},
		{"ru", "Паспорт нужен для поездок за пределы Европейского союза [1].", ""},
		{"ru", "Паспорт нужен для 27 европейских стран [1].", claimNumber},
		{"pl", "Paszport jest gotowy po 4–6 dniach [2].", claimDuration},
		{"pl", "Biuro jest czynne w sobotę [3].", claimHours},

		// German names in brackets, as the prompt asks for them.
		{"ru", "Обратитесь в бюро граждан (Bürgerbüro Musterstadt) по номеру 0123 456-100 [3].", ""},
		{"uk", "Заяву подають особисто в бюро громадян (Bürgerbüro) [3, 5].", ""},
		{"uk", "Заяву подають особисто в бюро громадян (Bürgerbüro) [5].", claimOffice}, // not in the passage cited
		{"ar", "يمكنك الاتصال بمكتب المواطنين (Bürgerbüro Musterstadt) على الرقم 0123 456-100 [3].", ""},
		{"tr", "Başvuru için nüfus kayıt örneği (Meldebescheinigung) gereklidir [1].", claimDocument},
		{"pl", "Wniosek składa się w urzędzie stanu cywilnego (Standesamt Musterstadt) [3].", claimOffice},
		// Yes/no facts: "Ein Termin ist erforderlich."
		{"tr", "Randevu gereklidir [4].", ""},
		{"tr", "Randevu gerekli değildir [4].", claimPolarity},
		{"tr", "Randevu almanız gerekmez [4].", claimPolarity},
		{"ar", "يلزم حجز موعد [4].", ""},
		{"ar", "لا يلزم حجز موعد [4].", claimPolarity},
		{"uk", "Потрібен запис на прийом [4].", ""},
		{"uk", "Запис на прийом не потрібен [4].", claimPolarity},
		{"ru", "Нужна запись на приём [4].", ""},
		{"ru", "Запись на приём не нужна [4].", claimPolarity},
		{"pl", "Wymagana jest wizyta [4].", ""},
		{"pl", "Wizyta nie jest wymagana [4].", claimPolarity},
		{"tr", "Randevu gerekli: evet [4].", ""},
		{"tr", "Randevu gerekli: hayır [4].", claimPolarity},
		// "Nicht online verfügbar."
		{"en", "Possible online: no [5].", ""},
		{"en", "Possible online: yes [5].", claimPolarity},
		{"ru", "Можно онлайн: нет [5].", ""},
		{"ru", "Можно онлайн: да [5].", claimPolarity},
		{"tr", "Başvuru internetten yapılamaz [5].", ""},
		{"tr", "Başvuru internetten yapılabilir [5].", claimPolarity},
		{"ru", "Подать заявление онлайн нельзя [5].", ""},
		{"ru", "Заявление можно подать онлайн [5].", claimPolarity},
		{"uk", "Подати заяву онлайн не можна [5].", ""},
		{"uk", "Заяву можна подати онлайн [5].", claimPolarity},
		{"pl", "Wniosku nie można złożyć przez internet [5].", ""},
		{"pl", "Wniosek można złożyć przez internet [5].", claimPolarity},
		{"ar", "لا يمكن تقديم الطلب عبر الإنترنت [5].", ""},
		{"ar", "يمكن تقديم الطلب عبر الإنترنت [5].", claimPolarity},
		{"ar", "لا يمكن تقديم الطلب عبر الإنترنت، ولكن يمكن حجز الموعد عبر الإنترنت [5].", ""},
	}
	for _, tt := range tests {
		_, _, vr := verifyText(newVerifier(lx, intlPassages, tt.lang), tt.sentence)
		switch {
		case tt.kind == "" && (vr.Replaced != "" || len(vr.Refused) > 0):
			t.Errorf("%s: faithful %q refused: %+v", tt.lang, tt.sentence, vr.Refused)
		case tt.kind != "" && (len(vr.Refused) == 0 || vr.Refused[0].Kind != tt.kind):
			t.Errorf("%s: %q refused as %+v, want %s", tt.lang, tt.sentence, vr.Refused, tt.kind)
		}
	}
}

func TestLocalFigures(t *testing.T) {
	for in, want := range map[string]string{
		"٧٠٫٠٠ يورو":        "70,00 يورو",
		"1 070,00 €":        "1070,00 €",
		"12\u00a0500 zł":    "12500 zł",
		"0123 456 789":      "0123 456 789", // a phone number
		"€1,070.00":         "€1070.00",
		"08.00-12.30":       "08:00-12:30",
		"ab 24 Jahren 1,5":  "ab 24 Jahren 1,5",
		"Tel. 030 123 4567": "Tel. 030 123 4567",
	} {
		if got := localFigures(in, "ru"); got != want {
			t.Errorf("localFigures(%q) = %q, want %q", in, got, want)
		}
	}
	if got := localFigures("costs €1,070", "en"); got != "costs €1070" {
		t.Errorf("english thousands: %q", got)
	}
	if got := localFigures("1,070 Euro", "de"); got != "1,070 Euro" {
		t.Errorf("german decimal comma changed: %q", got)
	}
}
