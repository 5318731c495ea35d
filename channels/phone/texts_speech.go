// SPDX-License-Identifier: EUPL-1.2

package phone

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// speechWords are the words with which a call in Turkish, Arabic,
// Ukrainian, Russian or Polish reads what an answer writes in figures and
// signs; the renderer in speech.go knows German and English only.
// prepareSpeech uses them before it, localizeList after it.
type speechWords struct {
	Months   [12]string // in the form a date uses ("24 грудня 2026")
	To       string     // a range "4–6", "8:00–12:30"
	Count    string     // a list's count, %d the number of items
	Ordinals [11]string // "Erstens" … "Zehntens" in the language; [0] unused
	Point    string     // an item after the tenth: Point + " 11"
	At, Dot  string     // e-mail addresses
	Dash     string
	Under    string
}

var speechTR = speechWords{
	Months:   [12]string{"Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"},
	To:       "ila",
	Count:    "%d madde var.",
	Ordinals: [11]string{"", "Birinci", "İkinci", "Üçüncü", "Dördüncü", "Beşinci", "Altıncı", "Yedinci", "Sekizinci", "Dokuzuncu", "Onuncu"},
	Point:    "Madde",
	At:       "et işareti", Dot: "nokta", Dash: "tire", Under: "alt çizgi",
}

var speechAR = speechWords{
	Months:   [12]string{"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"},
	To:       "إلى",
	Count:    "عدد النقاط: %d.",
	Ordinals: [11]string{"", "أولًا", "ثانيًا", "ثالثًا", "رابعًا", "خامسًا", "سادسًا", "سابعًا", "ثامنًا", "تاسعًا", "عاشرًا"},
	Point:    "النقطة",
	At:       "آت", Dot: "نقطة", Dash: "شرطة", Under: "شرطة سفلية",
}

var speechUK = speechWords{
	Months:   [12]string{"січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"},
	To:       "до",
	Count:    "Кількість пунктів: %d.",
	Ordinals: [11]string{"", "Перше", "Друге", "Третє", "Четверте", "П’яте", "Шосте", "Сьоме", "Восьме", "Дев’яте", "Десяте"},
	Point:    "Пункт",
	At:       "собачка", Dot: "крапка", Dash: "дефіс", Under: "нижнє підкреслення",
}

var speechRU = speechWords{
	Months:   [12]string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"},
	To:       "до",
	Count:    "Количество пунктов: %d.",
	Ordinals: [11]string{"", "Первое", "Второе", "Третье", "Четвёртое", "Пятое", "Шестое", "Седьмое", "Восьмое", "Девятое", "Десятое"},
	Point:    "Пункт",
	At:       "собака", Dot: "точка", Dash: "дефис", Under: "нижнее подчёркивание",
}

var speechPL = speechWords{
	Months:   [12]string{"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"},
	To:       "do",
	Count:    "Liczba punktów: %d.",
	Ordinals: [11]string{"", "Po pierwsze", "Po drugie", "Po trzecie", "Po czwarte", "Po piąte", "Po szóste", "Po siódme", "Po ósme", "Po dziewiąte", "Po dziesiąte"},
	Point:    "Punkt",
	At:       "małpa", Dot: "kropka", Dash: "myślnik", Under: "podkreślnik",
}

// reDateSpeech finds "24.12.2026", "24.12." and ISO dates.
var (
	reDMYSpeech = regexp.MustCompile(`\b(\d{1,2})\.\s?(\d{1,2})\.(\d{4}\b)?`)
	reISOSpeech = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
)

// prepareSpeech writes the figures and signs of text in words of the
// call's language t before the renderer reads it: dates with the month's
// name ("24 Aralık 2026"), times as hour and minutes ("8 30"), ranges with
// the language's word ("4 ila 6"), phone numbers digit by digit, e-mail
// addresses spelled. Text in German or English is left to the renderer.
func prepareSpeech(text string, t *texts) string {
	w := t.Speech
	if w == nil {
		return text
	}
	date := func(d, m int, year string) (string, bool) {
		if d < 1 || d > 31 || m < 1 || m > 12 {
			return "", false
		}
		s := strconv.Itoa(d) + " " + w.Months[m-1]
		if year != "" {
			s += " " + year
		}
		return s, true
	}
	text = reISOSpeech.ReplaceAllStringFunc(text, func(s string) string {
		p := reISOSpeech.FindStringSubmatch(s)
		m, _ := strconv.Atoi(p[2])
		d, _ := strconv.Atoi(p[3])
		if out, ok := date(d, m, p[1]); ok {
			return out
		}
		return s
	})
	text = reDMYSpeech.ReplaceAllStringFunc(text, func(s string) string {
		p := reDMYSpeech.FindStringSubmatch(s)
		if p[3] == "" && len(p[2]) != 2 {
			return s // "3.2." numbers a section
		}
		d, _ := strconv.Atoi(p[1])
		m, _ := strconv.Atoi(p[2])
		if out, ok := date(d, m, p[3]); ok {
			return out
		}
		return s
	})
	text = reTime.ReplaceAllStringFunc(text, func(s string) string {
		p := reTime.FindStringSubmatch(s)
		h, _ := strconv.Atoi(p[1])
		mi, _ := strconv.Atoi(p[2])
		switch {
		case h > 24 || mi > 59:
			return s
		case mi == 0:
			return strconv.Itoa(h)
		}
		return strconv.Itoa(h) + " " + strconv.Itoa(mi)
	})
	text = speakPhones(text, t)
	text = reRange.ReplaceAllString(text, "$1 "+w.To+" $2")
	return reEmail.ReplaceAllStringFunc(text, func(m string) string {
		words := strings.NewReplacer(".", " "+w.Dot+" ", "-", " "+w.Dash+" ", "_", " "+w.Under+" ")
		local, domain, _ := strings.Cut(m, "@")
		return words.Replace(local) + ", " + w.At + ", " + words.Replace(domain)
	})
}

// localizeList replaces the German words the renderer gives a spoken list
// ("Es gibt vier Punkte.", "Erstens:") by those of the call's language.
func localizeList(s string, t *texts) string {
	w := t.Speech
	if w == nil || !strings.Contains(s, ListPause) && !strings.Contains(s, ": ") {
		return s
	}
	for n := len(countWordsDE) - 1; n >= 2; n-- {
		s = strings.ReplaceAll(s, "Es gibt "+countWordsDE[n]+" Punkte.", fmt.Sprintf(w.Count, n))
	}
	s = reCountDigits.ReplaceAllStringFunc(s, func(m string) string {
		n, _ := strconv.Atoi(reCountDigits.FindStringSubmatch(m)[1])
		return fmt.Sprintf(w.Count, n)
	})
	for k := len(ordinalsDE) - 1; k >= 1; k-- {
		s = strings.ReplaceAll(s, ordinalsDE[k]+": ", w.Ordinals[k]+": ")
	}
	return rePointN.ReplaceAllString(s, w.Point+" $1: ")
}

var (
	reCountDigits = regexp.MustCompile(`Es gibt (\d+) Punkte\.`)
	rePointN      = regexp.MustCompile(`\bPunkt (\d+): `)
)
