// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Facts in answers written in Turkish, Arabic, Ukrainian, Russian and
// Polish, checked against German sources: figures in the notations of
// those languages ("€37.00", "37,00 євро", "٣٧٫٠٠ يورو", "1 070,00 zł"),
// duration units, month and weekday names, number words before a unit,
// and the language of a sentence. All of it is general vocabulary of the
// languages, none of it names a service.

// intlLangs are the answer languages whose vocabulary lives here.
var intlLangs = map[string]bool{"tr": true, "ar": true, "uk": true, "ru": true, "pl": true}

// foldAll folds every word of a table as wordTokens folds a token.
func foldAll[V any](in map[string]V) map[string]V {
	out := make(map[string]V, len(in))
	for w, v := range in {
		out[fold(w)] = v
	}
	return out
}

// durationUnitsIntl maps the folded forms of time units to a unit name.
// Arabic dual forms ("أسبوعين", two weeks) are in dualUnits.
var durationUnitsIntl = foldAll(map[string]string{
	// Turkish
	"gün": "day", "günü": "day", "günde": "day", "günlük": "day", "güne": "day", "günü içinde": "day",
	"hafta": "week", "haftada": "week", "haftayı": "week", "haftası": "week", "haftaya": "week", "haftalık": "week",
	"ay": "month", "ayda": "month", "ayı": "month", "aylık": "month",
	"yıl": "year", "yılda": "year", "yıllık": "year", "sene": "year", "saat": "hour", "saatte": "hour",
	"dakika": "minute", "dakikada": "minute",
	// Arabic
	"يوم": "day", "أيام": "day", "ايام": "day", "أسبوع": "week", "اسبوع": "week", "أسابيع": "week", "اسابيع": "week",
	"شهر": "month", "أشهر": "month", "اشهر": "month", "شهور": "month", "سنة": "year", "سنوات": "year", "عام": "year",
	"أعوام": "year", "اعوام": "year", "ساعة": "hour", "ساعات": "hour", "دقيقة": "minute", "دقائق": "minute",
	// Ukrainian
	"день": "day", "дні": "day", "днів": "day", "дня": "day", "днях": "day",
	"тиждень": "week", "тижні": "week", "тижнів": "week", "тижня": "week", "тижнях": "week",
	"місяць": "month", "місяці": "month", "місяців": "month", "місяця": "month", "місяцях": "month",
	"рік": "year", "роки": "year", "років": "year", "року": "year",
	"година": "hour", "години": "hour", "годин": "hour", "хвилина": "minute", "хвилини": "minute", "хвилин": "minute",
	// Russian
	"дней": "day", "дни": "day",
	"неделя": "week", "недели": "week", "недель": "week", "неделю": "week", "неделях": "week",
	"месяц": "month", "месяца": "month", "месяцев": "month", "месяцы": "month", "месяцах": "month",
	"год": "year", "года": "year", "лет": "year", "годы": "year",
	"час": "hour", "часа": "hour", "часов": "hour", "минута": "minute", "минуты": "minute", "минут": "minute",
	// Polish
	"dzień": "day", "dni": "day", "dniach": "day", "dnia": "day",
	"tydzień": "week", "tygodnie": "week", "tygodni": "week", "tygodniach": "week", "tygodnia": "week",
	"miesiąc": "month", "miesiące": "month", "miesięcy": "month", "miesiącach": "month", "miesiąca": "month",
	"rok": "year", "lata": "year", "lat": "year", "latach": "year", "roku": "year",
	"godzina": "hour", "godziny": "hour", "godzin": "hour", "minuta": "minute", "minuty": "minute", "minut": "minute",
})

// dualUnits are Arabic dual forms: the unit twice, without a figure.
var dualUnits = map[string]string{
	"يومين": "day", "يومان": "day", "أسبوعين": "week", "اسبوعين": "week", "أسبوعان": "week", "شهرين": "month",
	"شهران": "month", "سنتين": "year", "عامين": "year", "ساعتين": "hour",
}

// workdayWords turn a following unit of days into working days
// ("3 робочі дні", "3 iş günü", "3 dni robocze", "٣ أيام عمل").
var workdayWords = foldAll(map[string]bool{
	"business": true, "working": true, "iş": true, "робочих": true, "робочі": true, "робочий": true,
	"рабочих": true, "рабочие": true, "рабочий": true, "roboczych": true, "robocze": true, "roboczy": true,
	"عمل": true,
})

// rangeWordsIntl join the numbers of a range ("від 4 до 6", "4 ile 6").
var rangeWordsIntl = foldAll(map[string]bool{
	"до": true, "или": true, "и": true, "або": true, "чи": true, "і": true, "й": true,
	"do": true, "lub": true, "albo": true, "i": true, "ile": true, "veya": true, "ila": true, "ya": true,
	"إلى": true, "الى": true, "أو": true, "او": true, "و": true,
})

// numberWordsIntl are number words up to twelve and the round tens, in
// the forms that stand before a unit ("три недели", "пяти тижнів",
// "dwa tygodnie", "üç hafta", "ثلاثة أسابيع"). A figure in words is
// checked like one in digits.
var numberWordsIntl = foldAll(map[string]int{
	// Turkish
	"bir": 1, "iki": 2, "üç": 3, "dört": 4, "beş": 5, "altı": 6, "yedi": 7, "sekiz": 8, "dokuz": 9, "on": 10,
	"yirmi": 20, "otuz": 30, "kırk": 40, "elli": 50, "altmış": 60, "yetmiş": 70, "seksen": 80, "doksan": 90, "yüz": 100,
	// Arabic
	"واحد": 1, "اثنان": 2, "اثنين": 2, "ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "اربعة": 4, "أربع": 4, "خمسة": 5, "خمس": 5,
	"ستة": 6, "ست": 6, "سبعة": 7, "سبع": 7, "ثمانية": 8, "ثماني": 8, "تسعة": 9, "تسع": 9, "عشرة": 10, "عشر": 10,
	"عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40, "خمسون": 50, "خمسين": 50,
	"ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70, "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90, "مئة": 100, "مائة": 100,
	// Ukrainian
	"один": 1, "одна": 1, "одного": 1, "два": 2, "дві": 2, "двох": 2, "три": 3, "трьох": 3, "чотири": 4, "чотирьох": 4,
	"ять": 5, "яти": 5, "шість": 6, "шести": 6, "сім": 7, "семи": 7, "вісім": 8, "восьми": 8, "десять": 10, "десяти": 10,
	"одинадцять": 11, "дванадцять": 12, "двадцять": 20, "тридцять": 30, "сорок": 40, "ятдесят": 50, "шістдесят": 60,
	"сімдесят": 70, "вісімдесят": 80, "сто": 100,
	// Russian
	"одну": 1, "две": 2, "двух": 2, "трёх": 3, "трех": 3, "четыре": 4, "четырёх": 4, "четырех": 4, "пять": 5, "пяти": 5,
	"шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "девяти": 9, "одиннадцать": 11, "двенадцать": 12,
	"двадцать": 20, "тридцать": 30, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80, "девяносто": 90,
	// Polish
	"jeden": 1, "jedna": 1, "jednego": 1, "dwa": 2, "dwie": 2, "dwóch": 2, "trzy": 3, "trzech": 3, "cztery": 4, "czterech": 4,
	"pięć": 5, "pięciu": 5, "sześć": 6, "sześciu": 6, "siedem": 7, "siedmiu": 7, "osiem": 8, "ośmiu": 8, "dziewięć": 9,
	"dziesięć": 10, "dziesięciu": 10, "jedenaście": 11, "dwanaście": 12, "dwadzieścia": 20, "trzydzieści": 30,
	"czterdzieści": 40, "pięćdziesiąt": 50, "sześćdziesiąt": 60, "siedemdziesiąt": 70, "osiemdziesiąt": 80, "sto": 100,
})

// monthsIntl maps folded month names (nominative and the genitive used in
// dates) to their number.
var monthsIntl = foldAll(map[string]int{
	// Turkish
	"ocak": 1, "şubat": 2, "mart": 3, "nisan": 4, "mayıs": 5, "haziran": 6, "temmuz": 7, "ağustos": 8, "eylül": 9,
	"ekim": 10, "kasım": 11, "aralık": 12,
	// Arabic (both the international and the Levantine names)
	"يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "مايو": 5, "يونيو": 6, "يوليو": 7, "أغسطس": 8, "اغسطس": 8,
	"سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
	"كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7, "آب": 8, "أيلول": 9,
	"تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
	// Ukrainian
	"січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6, "липня": 7, "серпня": 8, "вересня": 9,
	"жовтня": 10, "листопада": 11, "грудня": 12, "січень": 1, "лютий": 2, "березень": 3, "квітень": 4, "травень": 5,
	"червень": 6, "липень": 7, "серпень": 8, "вересень": 9, "жовтень": 10, "листопад": 11, "грудень": 12,
	// Russian
	"января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7, "августа": 8, "сентября": 9,
	"октября": 10, "ноября": 11, "декабря": 12, "январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6,
	"июль": 7, "август": 8, "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
	// Polish
	"stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6, "lipca": 7, "sierpnia": 8,
	"września": 9, "października": 10, "listopada": 11, "grudnia": 12, "styczeń": 1, "luty": 2, "marzec": 3,
	"kwiecień": 4, "czerwiec": 6, "lipiec": 7, "sierpień": 8, "wrzesień": 9, "październik": 10, "grudzień": 12,
})

// weekdaysIntl maps folded weekday names to 1 (Monday) .. 7. Ukrainian
// "п’ятниця" is folded into two words; its second part stands for it.
var weekdaysIntl = foldAll(map[string]int{
	// Turkish
	"pazartesi": 1, "salı": 2, "çarşamba": 3, "perşembe": 4, "cuma": 5, "cumartesi": 6, "pazar": 7,
	// Arabic, with and without the article
	"الاثنين": 1, "الإثنين": 1, "الثلاثاء": 2, "الأربعاء": 3, "الاربعاء": 3, "الخميس": 4, "الجمعة": 5, "السبت": 6, "الأحد": 7, "الاحد": 7,
	// Ukrainian
	"понеділок": 1, "понеділка": 1, "понеділках": 1, "вівторок": 2, "вівторка": 2, "середа": 3, "середу": 3, "четвер": 4,
	"четверга": 4, "ятниця": 5, "ятницю": 5, "ятниці": 5, "субота": 6, "суботу": 6, "неділя": 7, "неділю": 7,
	// Russian
	"понедельник": 1, "понедельникам": 1, "вторник": 2, "вторникам": 2, "среда": 3, "среду": 3, "средам": 3,
	"четверг": 4, "четвергам": 4, "пятница": 5, "пятницу": 5, "пятницам": 5, "суббота": 6, "субботу": 6,
	"воскресенье": 7,
	// Polish
	"poniedziałek": 1, "poniedziałki": 1, "wtorek": 2, "wtorki": 2, "środa": 3, "środę": 3, "środy": 3,
	"czwartek": 4, "czwartki": 4, "piątek": 5, "piątki": 5, "sobota": 6, "sobotę": 6, "niedziela": 7, "niedzielę": 7,
})

// currencyWordsIntl are the words for euro after a figure.
var currencyWordsIntl = []string{"евро", "євро", "avro", "يورو", "euro"}

// localFigures rewrites the figures of an answer in lang into the
// notation the checks read, keeping their value: Arabic-Indic digits and
// separators become ASCII ones, digit groups set off by spaces are
// joined ("1 070,00"), English thousands separators go ("1,070.00"), and
// times written with a dot in a range become times ("8.00–12.30").
func localFigures(s, lang string) string {
	if strings.IndexFunc(s, isArabicIndic) >= 0 {
		s = strings.Map(func(r rune) rune {
			switch {
			case r >= '٠' && r <= '٩':
				return '0' + (r - '٠')
			case r >= '۰' && r <= '۹':
				return '0' + (r - '۰')
			case r == '٫':
				return ','
			case r == '٬':
				return '.'
			}
			return r
		}, s)
	}
	if !strings.ContainsAny(s, "0123456789") {
		return s
	}
	s = spacedGroupsRE.ReplaceAllStringFunc(s, func(m string) string {
		groups := strings.FieldsFunc(m, func(r rune) bool { return unicode.IsSpace(r) || r == '\u202f' })
		if m[0] == '+' || m[0] == '0' || len(groups[0]) > 3 {
			return m // a phone number, or no thousands
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return m
			}
		}
		return strings.Join(groups, "")
	})
	s = englishThousandsRE.ReplaceAllStringFunc(s, func(m string) string {
		if lang != "en" && !strings.Contains(m, ".") {
			return m // "1,070" is 1.07 in German notation
		}
		return strings.ReplaceAll(m, ",", "")
	})
	return dottedTimesRE.ReplaceAllString(s, "$1:$2$3$4:$5")
}

func isArabicIndic(r rune) bool {
	return (r >= '٠' && r <= '٩') || (r >= '۰' && r <= '۹')
}

var (
	// spacedGroupsRE finds runs of digit groups set off by a space, a
	// no-break or a narrow no-break space; "1 070" and "12 500" are
	// joined, phone numbers ("0123 456 789", "+49 211 …") are not.
	spacedGroupsRE = regexp.MustCompile(`\+?\d+(?:[ \x{00a0}\x{202f}\x{2009}]\d+)+`)
	// englishThousandsRE finds "1,070" and "1,070.00".
	englishThousandsRE = regexp.MustCompile(`\b\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?\b`)
	// dottedTimesRE finds "8.00–12.30" and "08.00 - 12.30".
	dottedTimesRE = regexp.MustCompile(`\b([01]?\d|2[0-4])\.([0-5]\d)(\s*[–-]\s*)([01]?\d|2[0-4])[.:]([0-5]\d)\b`)
)

// unitOf returns the duration unit of a folded word: German and English,
// and with intl the five other languages.
func unitOf(w string, intl bool) (string, bool) {
	if u, ok := durationUnits[w]; ok {
		return u, true
	}
	if !intl {
		return "", false
	}
	u, ok := durationUnitsIntl[w]
	return u, ok
}

// currencyWordAfter reports a euro word at the start of after (lower
// case), as a whole word: "евро", not "европейских".
func currencyWordAfter(after string) bool {
	for _, w := range currencyWordsIntl {
		if rest, ok := strings.CutPrefix(after, w); ok {
			r, _ := utf8.DecodeRuneInString(rest)
			if !unicode.IsLetter(r) {
				return true
			}
		}
	}
	return false
}

// intlDates returns date keys for "14 червня 2026", "14 Haziran 2026",
// "14 يونيو 2026": a day, a month name, an optional year.
func intlDates(s string) []fact {
	toks := wordTokens(s)
	var out []fact
	for i := 0; i+1 < len(toks); i++ {
		d, err := strconv.Atoi(toks[i].text)
		if err != nil || d < 1 || d > 31 {
			continue
		}
		mo, ok := monthsIntl[toks[i+1].folded]
		end := toks[i+1].end
		if !ok && i+2 < len(toks) {
			// Two-word Arabic month names ("تشرين الأول").
			mo, ok = monthsIntl[toks[i+1].folded+" "+toks[i+2].folded]
			if ok {
				end = toks[i+2].end
				i++
			}
		}
		if !ok {
			continue
		}
		f := fact{key: dayMonthKey(d, mo), start: toks[i].start, end: end}
		if i+2 < len(toks) {
			if y, err := strconv.Atoi(toks[i+2].text); err == nil && len(toks[i+2].text) == 4 {
				f.key, f.end = dateKey(d, mo, y), toks[i+2].end
			}
		}
		out = append(out, f)
	}
	return out
}

// intlWeekdays returns the weekdays named in s in the five languages.
func intlWeekdays(s string) []fact {
	var out []fact
	for _, t := range wordTokens(s) {
		w := t.folded
		d, ok := weekdaysIntl[w]
		if !ok && strings.HasPrefix(t.text, "و") {
			d, ok = weekdaysIntl[fold(strings.TrimPrefix(t.text, "و"))] // "والخميس"
		}
		if ok {
			out = append(out, fact{key: "wd:" + strconv.Itoa(d), start: t.start, end: t.end})
		}
	}
	return out
}

// unfiguredAmounts returns the euro words of s that follow no figure in
// digits: an amount in words ("yetmiş beş avro") cannot be compared with
// the source and is not shown.
func unfiguredAmounts(s string) []fact {
	toks := wordTokens(s)
	var out []fact
	for i, t := range toks {
		if !currencyWordAfter(strings.ToLower(t.text)) || (t.folded == "euro" && i > 0 && toks[i-1].folded == "") {
			continue
		}
		if i > 0 && unicode.IsDigit(rune(toks[i-1].text[0])) {
			continue
		}
		start := t.start
		if i > 0 {
			start = toks[i-1].start
		}
		out = append(out, fact{key: "eur", start: start, end: t.end})
	}
	return out
}

// scriptOf reports the letters of s in the Latin, Cyrillic and Arabic
// scripts.
func scriptOf(s string) (latin, cyrillic, arabic int) {
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic++
		case unicode.Is(unicode.Arabic, r):
			arabic++
		}
	}
	return latin, cyrillic, arabic
}

// wrongScript reports a sentence of an Arabic, Ukrainian or Russian
// answer that is written in another language: mostly Latin letters with
// at least three German or English function words, or, between Ukrainian
// and Russian, clearly more signs of the other one.
func (v *verifier) wrongScript(body string, ws []string) bool {
	latin, cyrillic, arabic := scriptOf(body)
	own := arabic
	if v.lang != "ar" {
		own = cyrillic
	}
	if latin > 2*own {
		n := v.lex.countIn("stop_de", ws) + v.lex.countIn("stop_en", ws)
		return n >= 3
	}
	if v.lang == "ar" || cyrillic < latin {
		return false
	}
	lower := strings.ToLower(body)
	uk := v.lex.countIn("stop_uk", ws) + 2*strings.Count(lower, "ї") + 2*strings.Count(lower, "є") + strings.Count(lower, "і")
	ru := v.lex.countIn("stop_ru", ws) + 2*(strings.Count(lower, "ы")+strings.Count(lower, "э")+strings.Count(lower, "ъ")+strings.Count(lower, "ё"))
	if v.lang == "uk" {
		return ru >= 3 && ru >= 3*max(uk, 1)
	}
	return uk >= 3 && uk >= 3*max(ru, 1)
}

// Yes/no facts (claims_polarity.go) in the five languages: the words of
// the topics, negators, predicates and conjunctions, folded.

// topicOfIntl returns the yes/no topic of a folded word in Turkish,
// Arabic, Ukrainian, Russian or Polish, and whether the word itself
// negates it ("randevusuz", "ücretsiz", "безкоштовно").
func topicOfIntl(w string) (topic, bool) {
	switch {
	case strings.HasPrefix(w, "randevu") || strings.Contains(w, "موعد") || strings.Contains(w, "مواعيد") ||
		strings.HasPrefix(w, "запис") || strings.HasPrefix(w, "wizyt") || strings.HasPrefix(w, "umowieni"):
		return topicAppointment, strings.HasPrefix(w, "randevusuz")
	case onlineWordsIntl[w] || strings.HasSuffix(w, "الإنترنت") || strings.HasSuffix(w, "الانترنت"):
		return topicOnline, false
	case w == "sahsen" || w == "bizzat" || strings.Contains(w, "شخصي") || w == "особисто" || w == "лично" || w == "osobiscie":
		return topicInPerson, false
	case strings.HasPrefix(w, "ucret") || strings.Contains(w, "رسوم") || strings.HasPrefix(w, "مجان") ||
		w == "плата" || w == "оплата" || strings.HasPrefix(w, "безкоштовн") || strings.HasPrefix(w, "бесплатн") ||
		strings.HasPrefix(w, "oplat") || strings.HasPrefix(w, "bezplatn"):
		return topicFee, strings.HasPrefix(w, "ucretsiz") || strings.HasPrefix(w, "مجان") ||
			strings.HasPrefix(w, "безкоштовн") || strings.HasPrefix(w, "бесплатн") || strings.HasPrefix(w, "bezplatn")
	}
	return 0, false
}

var onlineWordsIntl = foldAll(map[string]bool{
	"internetten": true, "internetden": true, "çevrim": true, "онлайн": true, "інтернет": true, "інтернету": true,
	"интернет": true, "интернету": true, "internetu": true, "internetowo": true,
})

var negatorsIntl = foldAll(map[string]bool{
	"değil": true, "değildir": true, "yok": true, "olmadan": true, "hiç": true,
	"لا": true, "ليس": true, "ليست": true, "غير": true, "لن": true, "لم": true, "بدون": true, "دون": true,
	"не": true, "ні": true, "немає": true, "без": true, "нет": true, "нельзя": true,
	"nie": true, "bez": true, "brak": true,
})

var predicatesIntl = foldAll(map[string]bool{
	"gerekli": true, "gereklidir": true, "gerekir": true, "gerekiyor": true, "zorunlu": true, "zorunludur": true,
	"mümkün": true, "mümkündür": true,
	"مطلوب": true, "ضروري": true, "يلزم": true, "ممكن": true, "يمكن": true, "يمكنك": true, "إلزامي": true,
	"потрібен": true, "потрібно": true, "потрібна": true, "необхідно": true, "необхідний": true, "можна": true,
	"нужна": true, "нужно": true, "нужен": true, "необходимо": true, "необходима": true, "обязательно": true, "можно": true, "возможно": true,
	"wymagana": true, "wymagany": true, "wymagane": true, "konieczna": true, "konieczne": true, "potrzebna": true,
	"potrzebny": true, "można": true, "możliwe": true, "obowiązkowa": true,
})

var clauseJoinersIntl = foldAll(map[string]bool{
	"ve": true, "veya": true, "ama": true, "fakat": true, "ancak": true,
	"أو": true, "لكن": true, "و": true,
	"і": true, "та": true, "але": true, "або": true, "и": true, "но": true, "или": true,
	"oraz": true, "ale": true, "lub": true, "i": true,
})

// isNegator reports a folded word that negates a clause, in German,
// English or the five languages; Turkish negates in the verb ("gerekmez",
// "yapılamaz", "gerekmiyor").
func isNegator(w string) bool {
	if negators[w] || negatorsIntl[w] {
		return true
	}
	for _, suf := range []string{"mez", "maz", "mezsiniz", "mazsiniz"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+3 {
			return true
		}
	}
	for _, inf := range []string{"miyor", "muyor", "muyor", "mueyor"} {
		if strings.Contains(w, inf) && len(w) > len(inf)+2 {
			return true
		}
	}
	return false
}

func isPredicate(w string) bool { return predicates[w] || predicatesIntl[w] }
