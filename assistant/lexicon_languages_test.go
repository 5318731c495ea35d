// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"strings"
	"testing"
)

// TestGermanTermsGeneralServices checks that the general vocabulary of
// federal and state services, as residents type it in their languages
// (often without diacritics), leads to the German words the sources use.
func TestGermanTermsGeneralServices(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, want, wantNot string
	}{
		{"How do I apply for a settlement permit?", "Niederlassungserlaubnis", ""},
		// Renewing, converting, the driving test, as the other languages
		// have them.
		{"passport expires soon, i want to renew it now", "Verlängerung", ""},
		{"or can mine just be converted?", "umschreiben", ""},
		{"do i have to do the driving test again", "Fahrprüfung", ""},
		// "International" in Turkish, as the other languages have it.
		{"uluslararası sabıka kaydı lazım", "international", ""},
		{"can we cycle on the dyke", "Deich", ""},
		// The months, for dated notices and deadlines.
		{"mąż ma urlop od 22 grudnia", "Dezember", ""},
		{"мы переезжаем в начале марта", "März", ""},
		{"переїжджаємо 20 серпня", "August", ""},
		{"aralıkta taşınıyoruz", "Dezember", ""},
		{"we move in early december", "Dezember", ""},
		{"czerwony samochód", "Auto", "Juni"},
		// Bulky waste in a Polish compound.
		{"czy jest odbiór wielkogabarytowych odpadów", "Sperrmüll", ""},
		// Outdoors: trees, fruit, pavements.
		{"можно ли собирать яблоки под деревом на тротуаре", "Obst", ""},
		{"ağaç kesmek için izin gerekiyor mu", "Baum", ""},
		// A vehicle taken along and an infant that must come in person.
		{"czy mogę wziąć hulajnogę elektryczną na prom", "E-Scooter", ""},
		{"можно ли взять велосипед на паром", "Fahrrad", ""},
		{"чи треба брати немовля з собою", "Säugling", ""},
		{"bebeğimi de götürmem gerekiyor mu", "Säugling", ""},
		// A child counted by its order, for fees that fall for siblings.
		{"скільки ми платимо в садочку за третю дитину", "drittes Kind", ""},
		{"ile płacimy za trzecie dziecko w przedszkolu", "drittes Kind", ""},
		{"what do we pay for our third child at the nursery", "drittes Kind", ""},
		{"Where do I get my tax ID?", "Steueridentifikationsnummer", ""},
		{"How much is the dog tax?", "Hundesteuer", "Steuer-ID"},
		{"How much is a fishing permit for a week?", "Angelschein", ""},
		{"Which paper do I need from my landlord?", "Wohnungsgeberbestätigung", ""},
		{"Oturma iznimi nasil uzatirim?", "Verlängerung Aufenthaltserlaubnis", ""},
		{"Isimi kaybettim, issizlik parasi nasil alirim?", "Arbeitslosengeld", ""},
		{"vergi kimlik numarami nereden alirim", "Steueridentifikationsnummer", "Personalausweis"},
		{"Jak uzyskac numer ubezpieczenia spolecznego?", "Sozialversicherungsnummer", ""},
		{"Potrzebuje tymczasowych tablic rejestracyjnych", "Kurzzeitkennzeichen", ""},
		{"Jak zamknąć działalność?", "Gewerbeabmeldung", "Gewerbeanmeldung"},
		{"Как получить пособие по безработице?", "Arbeitslosengeld", ""},
		{"Мне нужно свидетельство о браке", "Eheurkunde", ""},
		{"Як закрити свій бізнес?", "Gewerbeabmeldung", "Gewerbe anmelden"},
		{"Мені потрібна віза", "Visum", ""},
		{"Мені потрібен візит", "", ""},
		{"كيف أقدم طلب التجنس؟", "Einbürgerung", ""},
		{"كيف أحصل على رقم الضمان الاجتماعي؟", "Sozialversicherungsnummer", ""},
		{"أحتاج شهادة حسن سلوك", "Führungszeugnis", ""},
		// Moving abroad is a departure, not a move within Germany.
		{"Я переїжджаю за кордон, як виписатися?", "ins Ausland Wohnsitz abmelden", "Umzug"},
		{"Przeprowadzam sie za granice", "ins Ausland Wohnsitz abmelden", "ummelden"},
		{"Yurt dışına taşınıyorum", "ins Ausland Wohnsitz abmelden", "Umzug"},
		{"Как оплатить радиовещательный взнос?", "Rundfunkbeitrag", ""},
		// Civil protection.
		{"Що означає, коли сирена виє?", "Sirene", ""},
		{"Where can I get sandbags before the flood?", "Sandsäcke", ""},
		{"Gdzie dostanę worki z piaskiem przed powodzią?", "Sandsäcke", ""},
		// What residents ask about any service, in every language: free
		// of charge, the papers to bring, without an appointment, open on
		// Sunday, the deadline and being late, who may, the first step.
		{"Is the ID card free of charge for children?", "kostenlos", ""},
		{"Can I just walk in without an appointment at the town hall?", "ohne Termin Rathaus", ""},
		{"Kimlik kartı ücretsiz mi?", "kostenlos", ""},
		{"Randevusuz gidebilir miyim? Pazar günü açık mı?", "ohne Termin Sonntag", ""},
		{"Co zabrać na zameldowanie?", "Unterlagen", ""},
		{"Do kiedy muszę się zameldować? Co jeśli się spóźnię?", "bis wann zu spät", ""},
		{"Сколько стоит загранпаспорт и есть ли бесплатно для детей?", "kostenlos", ""},
		{"Можно ли без записи прийти в бюргерамт?", "ohne Termin Bürgeramt", ""},
		{"Де отримати кіндергельд і хто має право?", "Kindergeld Anspruch", ""},
		{"هل يمكن الذهاب بدون موعد؟ هل البلدية مفتوحة يوم الأحد؟", "ohne Termin Sonntag Rathaus", ""},
		{"ضاعت هويتي، أين أبلغ؟", "verloren Personalausweis", ""},
		{"ما هي الأوراق المطلوبة للانملدونغ؟", "Unterlagen Anmeldung", ""},
		// A paper that has expired is the asker's situation, not a
		// question how long it is valid; a photo mentioned is no question
		// what to bring; paying a tax asks nothing about its amount; an
		// IT word is no citizen's paper.
		{"Паспорт недавно истёк, как быстро можно получить новый?", "abgelaufen", "Gültigkeit"},
		{"fotoğraf çok eski, yenisini alabilir miyim?", "", ""},
		{"the mfa app keeps saying the code is expired", "", ""},
		{"هل يجب أن نسجّله الآن لدفع الضريبة؟", "Steuer", "Kosten"},
		{"my user id does not work", "", ""},
		// Selling or handing over a car, and a cancelled appointment.
		{"Aracımı devretmek istiyorum", "Halterwechsel", ""},
		{"Хочу продать машину, что делать с номерами?", "Auto verkauft", ""},
		{"أريد إلغاء موعد في البلدية", "Termin absagen", "abmelden"},
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
		if tt.wantNot != "" && strings.Contains(got, tt.wantNot) {
			t.Errorf("germanTerms(%q) = %q, want it without %q", tt.text, got, tt.wantNot)
		}
	}
}

// TestLifeSituationsInOtherLanguages checks that a life situation told in
// another language reaches the German life events: the services it leads
// to are context, while a service the question names stays named.
func TestLifeSituationsInOtherLanguages(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, wantEvent string }{
		{"We just had a baby, what do we need to do?", "Geburtsurkunde"},
		{"Urodzilo nam sie dziecko", "Geburtsurkunde"},
		{"У нас родился ребенок", "Geburtsurkunde"},
		{"I bought a used car", "Halterwechsel"},
		{"Kupilem uzywany samochod", "Halterwechsel"},
		{"Я купил подержанную машину", "Halterwechsel"},
		{"Я купив вживаний автомобіль", "Halterwechsel"},
		{"I am moving abroad", "Wegzug"},
		{"Мы переезжаем, нужна зона запрета парковки", "Umzug"},
	}
	for _, tt := range tests {
		de := lx.germanTerms(tt.text)
		ev, _ := lx.lifeEvents(words(tt.text + " " + de))
		if !strings.Contains(ev, tt.wantEvent) {
			t.Errorf("%q: German %q gives life events %q, want %q", tt.text, de, ev, tt.wantEvent)
		}
	}
	// The service named stays among the German words.
	if de := lx.germanTerms("We had a baby, how do I get child benefit?"); !strings.Contains(de, "Kindergeld") {
		t.Errorf("germanTerms = %q, want Kindergeld", de)
	}
}

// TestDetectLangWithoutDiacritics checks that a short Polish or Turkish
// question typed without diacritics is not taken for German, so that its
// words are translated.
func TestDetectLangWithoutDiacritics(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]string{
		"Chce zmienic nazwisko po rozwodzie":   "pl",
		"Gdzie dostane akt urodzenia?":         "pl",
		"Vergi numarasini nereden alabilirim?": "tr",
		"Ehliyetimi degistirmek istiyorum":     "tr",
		"Ich möchte meinen Nachnamen ändern":   "de",
		"Wo bekomme ich eine Geburtsurkunde?":  "de",
	} {
		if got := lx.detectLang(text, "", ""); got != want {
			t.Errorf("detectLang(%q) = %q, want %q", text, got, want)
		}
	}
}

// Moving with one's business is a change of the business registration,
// not of the home address.
func TestMovingABusiness(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"ich zieh mit meiner fahrradwerkstatt von bochum nach dortmund",
		"wir ziehen mit dem laden in die innenstadt",
		"unsere kfz-werkstatt zieht um, was müssen wir melden",
	} {
		if ev, _ := lx.lifeEvents(words(text)); !strings.Contains(ev, "Gewerbe ummelden") {
			t.Errorf("%q gives life events %q, want Gewerbe ummelden", text, ev)
		}
	}
}

// What a question in another language names as an exception ("oprócz
// dowodu osobistego", "apart from their passports", "kimlik kartı
// dışında") is what the asker has besides, not what they ask about: its
// German words are not added.
func TestGermanTermsLeaveOutExceptions(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for text, c := range map[string]struct{ want, not string }{
		"chcę wyrobić nowy paszport. czy oprócz dowodu osobistego muszę przynieść coś jeszcze": {"Reisepass", "Personalausweis"},
		"i need a new passport. apart from my id card, what do i have to bring":                {"Reisepass", "Personalausweis"},
		"нужен новый паспорт. что нужно кроме удостоверения личности":                          {"Reisepass", "Personalausweis"},
		"yeni pasaport için kimlik kartı dışında ne getirmeliyim":                              {"Reisepass", "Personalausweis"},
	} {
		de := lx.germanTerms(text)
		if !strings.Contains(de, c.want) || strings.Contains(de, c.not) {
			t.Errorf("germanTerms(%q) = %q, want %s and not %s", text, de, c.want, c.not)
		}
	}
	// The only term a message has stays, whatever stands before it.
	if de := lx.germanTerms("besides my id card, do i need anything"); !strings.Contains(de, "Personalausweis") {
		t.Errorf("germanTerms(besides my id card …) = %q, want Personalausweis", de)
	}
}

// A German compound the asker writes into a question in another language
// ("(Gewerbeummeldung)") names the matter more closely than the
// translation of their own description of it ("new address" → "Ummeldung
// Wohnsitz"): that translation is not added.
func TestGermanTermsYieldToTheAskersCompound(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	text := "نقلت محلي إلى عنوان جديد (Gewerbeummeldung). ما هي الأوراق التي أحتاجها؟"
	if de := lx.germanTerms(text); strings.Contains(de, "Wohnsitz") {
		t.Errorf("germanTerms(%q) = %q, want no Wohnsitz", text, de)
	}
	text = "نقلت إلى عنوان جديد. ما هي الأوراق التي أحتاجها؟"
	if de := lx.germanTerms(text); !strings.Contains(de, "Ummeldung") {
		t.Errorf("germanTerms(%q) = %q, want Ummeldung", text, de)
	}
}

// A form, filling it in and its pages are general words of every
// procedure, in every language: "надо заполнять анкету … много страниц"
// asks what the German sources call "das Formular ausfüllen … eine Seite".
func TestGermanTermsForms(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string][]string{
		"надо заполнять анкету, там много страниц?":   {"Formular", "ausfüllen", "Seiten"},
		"мені треба заповнити бланк":                  {"Formular", "ausfüllen"},
		"czy muszę wypełnić formularz, ile ma stron":  {"Formular", "ausfüllen", "Seiten"},
		"formu doldurmam gerekiyor mu, kaç sayfa":     {"Formular", "ausfüllen", "Seiten"},
		"do i have to fill in a form, how many pages": {"Formular", "ausfüllen", "Seiten"},
		"هل يجب ملء استمارة؟":                         {"Formular", "ausfüllen"},
	} {
		de := lx.germanTerms(text)
		for _, w := range want {
			if !strings.Contains(de, w) {
				t.Errorf("germanTerms(%q) = %q, want %s", text, de, w)
			}
		}
	}
}

// "I moved" is a situation: its translation is the German situation word,
// whose life event then adds the registration as the event's words (not
// the asker's); swapping a licence is the exchange of a driving licence.
func TestEnglishMoveAndLicenceSwap(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	de := lx.germanTerms("i moved from san diego last month, can i just swap my california licence for a german one")
	if strings.Contains(de, "Wohnsitz") || !strings.Contains(de, "umgezogen") || !strings.Contains(de, "Führerschein umtauschen") {
		t.Errorf("germanTerms = %q, want umgezogen and Führerschein umtauschen, no Wohnsitz", de)
	}
	if ev, _ := lx.lifeEvents(words(de)); !strings.Contains(ev, "Wohnsitz") {
		t.Errorf("lifeEvents(%q) = %q, want the registration", de, ev)
	}
}

// "getting married" is a situation like the German "heiraten": its
// translation is the German verb, whose life event adds the marriage's
// services as the event's words, so a paper the asker names ("a birth
// certificate … for the wedding") stays the topic.
func TestEnglishMarriageIsTheSituation(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	de := lx.germanTerms("we're getting married next summer, the wedding is in portugal")
	if strings.Contains(de, "Eheschließung") || !strings.Contains(de, "heiraten") {
		t.Errorf("germanTerms = %q, want heiraten and no Eheschließung", de)
	}
	if ev, _ := lx.lifeEvents(words(de)); !strings.Contains(ev, "Eheschließung") {
		t.Errorf("lifeEvents(%q) = %q, want Eheschließung", de, ev)
	}
}
