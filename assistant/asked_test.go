// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/knowledge"
)

// A story told around the question may fill every place of the ranking
// with pages of its own words; the page the asking sentence names is
// then searched for with that sentence alone, and answers.
func TestAskingSentenceFindsThePageTheStoryCrowdsOut(t *testing.T) {
	var docs []knowledge.Document
	for i := range retrieveK + 2 {
		docs = append(docs, knowledge.Document{
			ID: fmt.Sprintf("s/dienst%d", i), Title: fmt.Sprintf("Schichtdienst Nummer %d", i), Kind: knowledge.KindService, Audience: knowledge.Citizen,
			Sections: []knowledge.Section{{Heading: "Allgemeines", Text: "Im Krankenhaus arbeiten viele abends im Schichtdienst nach Dienstschluss anderer Leute."}},
		})
	}
	docs = append(docs, knowledge.Document{
		ID: "s/ausweis", Title: "Personalausweis beantragen", Kind: knowledge.KindService, Audience: knowledge.Citizen,
		Sections: []knowledge.Section{{Heading: "Kosten", Facet: knowledge.FacetKosten, Text: "Der Personalausweis kostet 37,00 Euro; ein Termin außerhalb der Öffnungszeiten kostet 13,00 Euro mehr."}},
	})
	a := mustAssistant(t, func(c *Config) { c.Retriever = &fakeRetriever{docs: docs} })
	ans := mustAsk(t, a, newConv(knowledge.Citizen), "Meine Mama arbeitet im Krankenhaus Schicht, abends nach Dienstschluss. Wird der neue Personalausweis dann teurer?")
	if len(ans.Sources) == 0 || ans.Sources[0].ID != "s/ausweis" || !strings.Contains(ans.Text, "13,00 Euro") {
		t.Errorf("sources %v, answer %q: want the ID card's page and its surcharge", ans.Sources, ans.Text)
	}
}

// A person who must register themselves ("muss sich anmelden", "müssen
// wir uns anmelden") or who moves in with the asker registers a
// residence; a login that fails is no move.
func TestRegisteringOneselfIsAResidence(t *testing.T) {
	a := mustAssistant(t, nil)
	for _, text := range []string{
		"meine schwiegermutter kommt aus vietnam und muss sich ja anmelden, darf ich da mit",
		"müssen wir uns dann alle anmelden",
		"unsere enkelin zieht nächste woche zu uns",
	} {
		if ev, _ := a.lex.lifeEvents(words(text)); !strings.Contains(ev, "Wohnsitz") {
			t.Errorf("lifeEvents(%q) = %q, want the residence", text, ev)
		}
	}
	for _, text := range []string{"ich kann mich seit heute nicht mehr anmelden", "wie melde ich meinen hund an"} {
		if ev, _ := a.lex.lifeEvents(words(text)); strings.Contains(ev, "Wohnsitz") {
			t.Errorf("lifeEvents(%q) = %q, want no residence", text, ev)
		}
	}
}

// A speaker's pause ends a phrase: a pronoun right after "ähm" points
// back as one right after a comma does.
func TestPauseEndsAPhrase(t *testing.T) {
	a := mustAssistant(t, nil)
	for text, want := range map[string]bool{
		"ach so und ich fang ja nächsten monat als azubi bei ner firma an ähm macht das dann vielleicht mein chef für mich": true,
		"ach so und ich fang ja nächsten monat als azubi bei ner firma an, macht das dann vielleicht mein chef für mich":    true,
		"ich fang ja nächsten monat als azubi bei einer firma in der stadt an wo ich dann alles selbst mache":               false,
	} {
		if got := a.pointsBack(text); got != want {
			t.Errorf("pointsBack(%q) = %v, want %v", text, got, want)
		}
	}
}

// Whether someone must approve a plan asks about a step of the office,
// not for a person now; asking someone to call back still does.
func TestSomeoneRequiredIsNoPersonWanted(t *testing.T) {
	a := mustAssistant(t, nil)
	checkSignal(t, a, "human", func(s signals) bool { return s.human }, map[string]bool{
		"wir wollen hinten am haus einen wintergarten dranmachen, muss das jemand absegnen": false,
		"wir wollen eine garage bauen, muss das jemand genehmigen":                          false,
		"ich will, dass mich jemand zurückruft":                                             true,
		"ich möchte bitte mit jemandem sprechen":                                            true,
	})
}

// A name changed, said with the verb, is the life event of a change of
// name; a divorce alone asks nothing of the kind ("Wie viel Unterhalt
// muss ich nach meiner Scheidung zahlen?" stays out of scope).
func TestNameChangedWithTheVerb(t *testing.T) {
	a := mustAssistant(t, nil)
	for text, want := range map[string]bool{
		"ich hab meinen namen nach der scheidung geändert, was muss ich machen": true,
		"ich hab nach der hochzeit meinen nachnamen geändert":                   true,
		"wie viel unterhalt muss ich nach meiner scheidung zahlen":              false,
	} {
		ev, _ := a.lex.lifeEvents(words(text))
		if got := strings.Contains(ev, "Namensänderung"); got != want {
			t.Errorf("lifeEvents(%q) = %q, want a change of name: %v", text, ev, want)
		}
	}
}

// The particles of "bereithalten", "durchkommen", "weitergehen" end a
// clause as "ab" does: the page's "Halten Sie das Aktenzeichen bereit"
// answers "was muss ich vorher bereithalten".
func TestMoreSeparableParticles(t *testing.T) {
	a := mustAssistant(t, nil)
	for text, want := range map[string]string{
		"halten sie das aktenzeichen bereit":                             "bereithalten",
		"ich komme am telefon nicht durch":                               "durchkommen",
		"wie geht es nach dem antrag weiter":                             "weitergehen",
		"ich bin bereit":                                                 "",
		"moin kurze frage ich geb meine zweitwohnung in musterstadt auf": "aufgeben",
		"unser altes sofa muss weg":                                      "",
	} {
		if got := separableVerb(a.lex, words(text)); got != want {
			t.Errorf("separableVerb(%q) = %q, want %q", text, got, want)
		}
	}
}

// What to do first asks for the procedure's steps.
func TestWhatFirstAsksTheProcedure(t *testing.T) {
	a := mustAssistant(t, nil)
	wantFacet(t, a, knowledge.FacetAblauf, "the procedure",
		"Was muss ich zuerst machen, bevor ich mich bewerbe?",
		"was muss ich als erstes tun wenn ich ein gebrauchtes auto kaufe",
		"was kommt zuerst, die wohnung oder das auto",
	)
}

// Whether one is too late asks the deadline, in German and in the other
// languages the residents write.
func TestTooLateAsksTheDeadline(t *testing.T) {
	a := mustAssistant(t, nil)
	wantFacet(t, a, knowledge.FacetFristen, "the deadline",
		"I moved in around the middle of last month, am I already too late to register my address?",
		"bin ich jetzt schon zu spät mit der anmeldung",
		"Переехала месяц назад, не слишком поздно регистрироваться?",
	)
}

// Acting for another person is said in every language ("замість неї",
// "w imieniu mamy", "on behalf of my father"); "работает" is an office
// open only when asked when, not a husband who works.
func TestTranslatedOnBehalfAndOpen(t *testing.T) {
	a := mustAssistant(t, nil)
	for text, want := range map[string]string{
		"А для моєї бабусі — я можу подати заяву замість неї?":            "Vollmacht",
		"Czy mogę złożyć wniosek w imieniu mamy?":                         "Vollmacht",
		"Can I apply on behalf of my father?":                             "Vollmacht",
		"Когда работает Bürgerbüro в четверг?":                            "Öffnungszeiten",
		"Муж работает, дети в школе — могу я одна зарегистрировать всех?": "-Öffnungszeiten",
	} {
		got := a.lex.germanTerms(text)
		if not, ok := strings.CutPrefix(want, "-"); ok {
			if strings.Contains(got, not) {
				t.Errorf("germanTerms(%q) = %q, want no %s", text, got, not)
			}
		} else if !strings.Contains(got, want) {
			t.Errorf("germanTerms(%q) = %q, want %s", text, got, want)
		}
	}
}

// A neighbour's hedge is a matter between neighbours; the town's pickup
// of hedge cuttings is not.
func TestNeighboursHedgeIsOutOfScope(t *testing.T) {
	a := mustAssistant(t, nil)
	checkSignal(t, a, "outOfScope", func(s signals) bool { return s.outOfScope }, map[string]bool{
		"der nachbar lässt seine hecke seit jahren wuchern, darf ich die einfach selber zurückschneiden?": true,
		"Muss der Nachbar die Hecke auf eine bestimmte Höhe schneiden?":                                   true,
		"wann holt die stadt den heckenschnitt ab":                                                        false,
	})
}

// Damage another person did to the asker's things is a matter between
// them and their insurers; a car that is broken is the town's matter when
// it is to be taken off the road.
func TestDamageByOthersIsOutOfScope(t *testing.T) {
	a := mustAssistant(t, nil)
	checkSignal(t, a, "outOfScope", func(s signals) bool { return s.outOfScope }, map[string]bool{
		"jemand hat beim ausparken mein auto beschädigt und ist weggefahren, wer zahlt mir das": true,
		"wer zahlt den schadensersatz wenn der lieferwagen meinen zaun umgefahren hat":          true,
		"mein auto ist kaputt und kommt weg, wie melde ich es ab":                               false,
		// Money sent to a wrong account is the bank's matter; a fee of
		// the town paid to a wrong account is the town's.
		"hab 300 euro an eine falsche iban überwiesen, die bank hilft nicht": true,
		"ich habe die hundesteuer auf das falsche konto überwiesen, was nun": false,
		// A flatmate's share of a private bill.
		"mein mitbewohner zahlt seinen anteil für strom nicht, wie kriege ich ihn dazu das geld rauszurücken": true,
		"wir sind drei in der wg, muss jeder rundfunkbeitrag zahlen":                                          false,
	})
}

// A firm or school to be recommended is the asker's choice of a private
// business; a counselling service of the town named in the question is
// the town's.
func TestRecommendationOfAFirmIsOutOfScope(t *testing.T) {
	a := mustAssistant(t, nil)
	checkSignal(t, a, "outOfScope", func(s signals) bool { return s.outOfScope }, map[string]bool{
		"können sie uns eine fahrschule in der stadt empfehlen, bei der wenige durchfallen": true,
		"can you recommend a good moving company":                                           true,
		"können sie mir sagen, wo ich den antrag für wohngeld bekomme":                      false,
	})
}

// Faulty work of a firm and one's own liability are private matters; the
// town's building permit is not.
func TestPrivateDisputesAreOutOfScope(t *testing.T) {
	a := mustAssistant(t, nil)
	checkSignal(t, a, "outOfScope", func(s signals) bool { return s.outOfScope }, map[string]bool{
		"der maler hat pfusch gemacht und will nicht nachbessern, was kann ich tun":          true,
		"ich bin vorstand im sportverein, muss ich persönlich haften wenn der verein pleite": true,
		"brauche ich für den wintergarten eine baugenehmigung":                               false,
		// A flat on the market, a bank's loan, a car wash; a housing
		// entitlement and a fee paid by card are the town's.
		"ich suche eine wohnung zur miete":                                 true,
		"wie bekomme ich einen kredit bei der bank":                        true,
		"wo kann ich mein auto waschen":                                    true,
		"ich suche eine wohnung und brauche einen wohnberechtigungsschein": false,
		"kann ich die gebühr mit kreditkarte zahlen":                       false,
		// … and in English: a deposit, a bank, a doctor.
		"my landlord won't return my deposit":                      true,
		"which bank is best for foreigners":                        true,
		"is there a good doctor who speaks english":                true,
		"I need a registration certificate to open a bank account": false,
	})
}

// An employee's IT words in the residents' languages lead to the
// articles' German and English words.
func TestITWordsInOtherLanguages(t *testing.T) {
	a := mustAssistant(t, nil)
	for text, want := range map[string]string{
		"لا أستطيع تسجيل الدخول، حسابي مقفل": "login",
		"şifremi unuttum": "Passwort",
		"мой аккаунт заблокирован": "locked",
		"nie mogę się zalogować":   "einloggen",
	} {
		if got := a.lex.germanTerms(text); !strings.Contains(got, want) {
			t.Errorf("germanTerms(%q) = %q, want %s", text, got, want)
		}
	}
}

// A business trip is a journey, not a trade to register.
func TestBusinessTripIsAJourney(t *testing.T) {
	a := mustAssistant(t, nil)
	if got := a.lex.germanTerms("I'm on a business trip during the election"); strings.Contains(got, "Gewerbe") {
		t.Errorf("germanTerms(business trip) = %q, want no trade", got)
	}
	if got := a.lex.germanTerms("I want to register my new business"); !strings.Contains(got, "Gewerbe") {
		t.Errorf("germanTerms(new business) = %q, want the trade", got)
	}
}

// Asking where to click or which button to press is a how-to, even with a
// problem told around it.
func TestWhereToClickIsAHowTo(t *testing.T) {
	a := mustAssistant(t, nil)
	checkSignal(t, a, "howto", func(s signals) bool { return s.howto }, map[string]bool{
		"ich kann nicht öffnen Fachverfahren. Ich weiß, ich muss VPN machen, aber wo ich klicke für starten?": true,
		"bin grad im webmail, do gibts kaan knopp für melden":                                                 true,
		"where do i click to report it":                                                                       true,
	})
}

// "zeigt" in what a screen shows asks no ticket's status; "zeig mir mein
// Ticket" does.
func TestShowsIsNoTicketStatus(t *testing.T) {
	a := mustAssistant(t, nil)
	for text, want := range map[string]bool{
		`Jetzt zeigt ihr Handy: "Error: Access code expired. Please request a new code." Wie lange gilt so ein Code?`: false,
		"zeig mir bitte den stand von meinem ticket":                                                                  true,
	} {
		s := a.lex.signals(text)
		if got := s.ticketWord && s.status; got != want {
			t.Errorf("signals(%q): ticket status %v, want %v", text, got, want)
		}
	}
}

// More ways of wanting a person or a reply: passing the matter to
// colleagues, refusing a machine, nobody there, a call or mail back.
func TestMoreWaysToWantAPerson(t *testing.T) {
	a := mustAssistant(t, nil)
	for text, callback := range map[string]bool{
		"Können Sie das bitte an die Kollegen weitergeben?":                      false,
		"Mit einer Maschine rede ich nicht":                                      false,
		"ihr versteht mich nicht, gibt es da niemanden":                          false,
		"can a real person help me":                                              false,
		"Bitte melden Sie sich bei mir":                                          true,
		"schreiben sie mir bitte per email zurück":                               true,
		"ich komme mit dem chat nicht klar, meine tochter soll angerufen werden": true,
	} {
		s := a.lex.signals(text)
		if !s.human && !s.callback || s.callback != callback {
			t.Errorf("signals(%q): human %v, callback %v; want a person (callback %v)", text, s.human, s.callback, callback)
		}
	}
}

// Parcels, online shops, banks, insurances to choose and private helpers
// are no service of the town.
func TestConsumerMattersAreOutOfScope(t *testing.T) {
	a := mustAssistant(t, nil)
	checkSignal(t, a, "outOfScope", func(s signals) bool { return s.outOfScope }, map[string]bool{
		"mein paket ist nicht angekommen, an wen wende ich mich": true,
		"der onlineshop schickt mein geld nicht zurück":          true,
		"wie beantrage ich eine kreditkarte":                     true,
		"welche bank hat die besten zinsen":                      true,
		"welche versicherung ist gut für mein auto":              true,
		"suche einen babysitter für samstag":                     true,
		"kann ich im bürgerbüro mit kreditkarte zahlen":          false,
	})
}

// A span in the genitive ("innerhalb weniger Wochen", "binnen einiger
// Tage") states a time as "in wenigen Wochen" does.
func TestGenitiveSpanIsATime(t *testing.T) {
	a := mustAssistant(t, nil)
	for _, text := range []string{"Sie erhalten innerhalb weniger Wochen eine Entscheidung.", "binnen einiger Tage", "innerhalb mehrerer Monate"} {
		if !a.lex.match("value_span", words(text)) {
			t.Errorf("value_span(%q) = false, want a time span", text)
		}
	}
}

// Bringing a thing oneself is said in the residents' languages ("сам
// відвезти", "kendim götürebilir miyim", "bring it myself").
func TestBringItMyself(t *testing.T) {
	a := mustAssistant(t, nil)
	wantTerms(t, a, map[string]string{
		"Чи можу я сам відвезти старі меблі (Sperrmüll), без попередньої реєстрації вивезення?": "selbst bringen",
		"Eski mobilyaları kendim götürebilir miyim?": "selbst bringen",
		"Can I bring the sofa myself?":               "selbst bringen",
	})
}

// What the employee can do about a problem themselves is a how-to.
func TestSelfHelpIsAHowTo(t *testing.T) {
	a := mustAssistant(t, nil)
	checkSignal(t, a, "howto", func(s signals) bool { return s.howto }, map[string]bool{
		"seit dem update startet outlook nicht mehr, was kann ich selbst tun": true,
		"kann ich das selber beheben oder muss das die it machen":             true,
		// How to get something, whom to turn to, what differs from where
		// it works: the articles answer.
		"neue kollegin hat keinen login, wie kriegt die nen account":                         true,
		"komm von hier aus nicht mehr an die daten ran, daheim gings. an wen wend ich mich?": true,
		"the vm won't boot after the update, what's the way to get at my files":              true,
		"outlook startet seit heute nicht mehr":                                              false,
		"wo muss ich hin wenn mein laptop kaputt ist":                                        true,
		"muss ich das melden wenn der drucker papierstau hat":                                true,
		"kann ich outlook auch auf dem handy nutzen, bei mir geht das nicht":                 true,
	})
	checkSignal(t, a, "why", func(s signals) bool { return s.why }, map[string]bool{
		"the container keeps crashing on the cluster, same image runs fine on my laptop. what's different there?": true,
	})
}

// One's own tax return, a garage, a job search, the way to the airport,
// a dog sitter and the time of day are no service of the town.
func TestMoreOutOfScope(t *testing.T) {
	a := mustAssistant(t, nil)
	checkSignal(t, a, "outOfScope", func(s signals) bool { return s.outOfScope }, map[string]bool{
		"kannst du mir bei meiner steuererklärung helfen":      true,
		"mein auto macht komische geräusche, welche werkstatt": true,
		"ich suche arbeit als koch":                            true,
		"wie komme ich am schnellsten zum flughafen":           true,
		"wo kann ich meinen hund tagsüber abgeben":             true,
		"wie spät ist es":                                      true,
	})
}

// Waiting for one's own document or a reply is the asker's own case.
func TestWaitingIsOnesOwnCase(t *testing.T) {
	a := mustAssistant(t, nil)
	checkSignal(t, a, "caseSpecific", func(s signals) bool { return s.caseSpecific }, map[string]bool{
		"wann kommt endlich mein neuer ausweis, hab vor 6 wochen beantragt":              true,
		"ich hab vor zwei wochen eine mail ans bürgerbüro geschrieben und keine antwort": true,
		"wann kommt die sperrmüllabfuhr in der altstadt":                                 false,
	})
}

// Waiting for one's own document and wanting a person, in the residents'
// languages.
func TestOwnCaseAndPersonInOtherLanguages(t *testing.T) {
	a := mustAssistant(t, nil)
	for _, text := range []string{"Где мой паспорт? Я подала заявление два месяца назад", "Коли буде готовий мій паспорт? Чекаю вже два місяці"} {
		if !a.lex.signals(text).caseSpecific {
			t.Errorf("signals(%q).caseSpecific = false, want the asker's own case", text)
		}
	}
	if !a.lex.signals("Bir insanla konuşmak istiyorum").human {
		t.Error("signals(Turkish: I want to talk to a person).human = false")
	}
}

// A guide titled in English is not named by its generic words: "a foreign
// tax ID" names no "Foreign Driver's License Conversion Guide", whose
// block would follow the answer.
func TestEnglishTitleWordsNameNothingAlone(t *testing.T) {
	docs := []knowledge.Document{
		{ID: "g/tin", Title: "Ausländische Steueridentifikationsnummer (TIN) beantragen", Kind: knowledge.KindService, Audience: knowledge.Citizen,
			Sections: []knowledge.Section{{Heading: "Wer braucht es?", Text: "Eine TIN brauchen Einzelpersonen und Unternehmen, die im Ausland steuerpflichtig sind, etwa freiberufliche Softwareentwickler."}}},
		{ID: "g/license", Title: "Foreign Driver's License Conversion Guide: USA & Germany", Kind: knowledge.KindService, Audience: knowledge.Citizen,
			Sections: []knowledge.Section{{Heading: "Was ist das?", Text: "Der Service umfasst die Umwandlung eines ausländischen Führerscheins."}}},
	}
	a := mustAssistant(t, func(c *Config) { c.Retriever = &fakeRetriever{docs: docs} })
	ans := mustAsk(t, a, newConv(knowledge.Citizen), "ich arbeite als freelance software developer für einen client in den USA — brauche ich so eine foreign tax ID, diese TIN, oder ist das nur für companies?")
	if len(ans.Sources) == 0 || ans.Sources[0].ID != "g/tin" {
		t.Fatalf("sources %v, want the TIN page", ans.Sources)
	}
	for _, s := range ans.Sources {
		if s.ID == "g/license" {
			t.Errorf("sources %v: the driver's licence guide is named by no word of the question", ans.Sources)
		}
	}
}

// checkSignal checks one of the lexicon's signals (get, named name) for
// each text against its want.
func checkSignal(t *testing.T, a *Assistant, name string, get func(signals) bool, texts map[string]bool) {
	t.Helper()
	for text, want := range texts {
		if got := get(a.lex.signals(text)); got != want {
			t.Errorf("signals(%q).%s = %v, want %v", text, name, got, want)
		}
	}
}

// wantFacet checks that detectFacets finds f (described as what) in every
// text.
func wantFacet(t *testing.T, a *Assistant, f knowledge.Facet, what string, texts ...string) {
	t.Helper()
	for _, text := range texts {
		if fs := a.lex.detectFacets(text); !slices.Contains(fs, f) {
			t.Errorf("detectFacets(%q) = %v, want %s", text, fs, what)
		}
	}
}

// wantTerms checks that germanTerms of every text holds its German word.
func wantTerms(t *testing.T, a *Assistant, texts map[string]string) {
	t.Helper()
	for text, want := range texts {
		if got := a.lex.germanTerms(text); !strings.Contains(got, want) {
			t.Errorf("germanTerms(%q) = %q, want %s", text, got, want)
		}
	}
}

// Spoken German puts an adverbial after the particle ("ich melde mein
// Motorrad ab für den Winter"): the particle before its preposition still
// ends the separable verb's clause.
func TestParticleBeforeTrailingAdverbial(t *testing.T) {
	a := mustAssistant(t, nil)
	for text, want := range map[string]string{
		"ich melde mein motorrad ab für den winter":   "abmelden",
		"wir melden uns an zum ersten märz":           "anmelden",
		"ich hole den pass ab bis freitag":            "abholen",
		"ich bin ab für den rest der woche im urlaub": "",
	} {
		if got := separableVerb(a.lex, words(text)); got != want {
			t.Errorf("separableVerb(%q) = %q, want %q", text, got, want)
		}
	}
}

// A thing one carries that is gone is lost, not an outage; a service that
// is gone is one.
func TestMislaidIsNoOutage(t *testing.T) {
	a := mustAssistant(t, nil)
	checkSignal(t, a, "incident", func(s signals) bool { return s.incident }, map[string]bool{
		"Hallo, mein Firmenhandy ist weg, ich glaub es liegt noch im Bus von heute früh. Was passiert jetzt damit?": false,
		"mein dienstlaptop ist weg":                   false,
		"seit heute morgen ist das wlan weg":          true,
		"meine mails sind weg":                        true,
		"das netzlaufwerk ist seit gestern abend weg": true,
	})
}

// A step that fails or leaves the asker outside is an outage; how a
// step goes is not.
func TestFailedStepIsAnOutage(t *testing.T) {
	a := mustAssistant(t, nil)
	checkSignal(t, a, "incident", func(s signals) bool { return s.incident }, map[string]bool{
		"Beim Verbinden mit dem VPN erscheint jedes Mal die Meldung Anmeldung fehlgeschlagen": true,
		"die synchronisierung schlägt seit gestern fehl":                                      true,
		"So komme ich an nichts heran.":                                                       true,
		"wie verbinde ich mich mit dem vpn":                                                   false,
	})
}

// Having one's own device repaired cheaply, or whether a repair is worth
// it, is out of scope even where a page's word ("Handy") is said; opening
// a phone shop is not.
func TestPrivateRepairIsOutOfScope(t *testing.T) {
	a := mustAssistant(t, nil)
	checkSignal(t, a, "strongOOS", func(s signals) bool { return s.strongOOS }, map[string]bool{
		"mir is mein eigenes handy runtergefallen, wisst ihr wo man das hier günstig reparieren lassen kann": true,
		"Lohnt sich ein Akkutausch, oder sollte ich lieber ein neues Gerät kaufen?":                          true,
		"ich will mit meinem cousin einen handyladen aufmachen, worauf muss ich achten":                      false,
		"mein diensthandy ist runtergefallen, das display ist kaputt":                                        false,
	})
}

// A short name is what a facet's word is of when it opens the compound
// ("Visumtermin", "Visumskosten"), not any word it opens ("Visumfrei"
// names nothing here, "Hundert" no Hund).
func TestShortNameBeforeFacetHead(t *testing.T) {
	for text, want := range map[string]bool{
		"visumtermin morgen":    true,
		"die visumskosten":      true,
		"visumantrag abgelehnt": true,
		"hundert euro":          false,
		"visumfreie einreise":   false,
	} {
		stems := map[string]bool{}
		for _, w := range words(text) {
			stems[stem(w)] = true
		}
		st := newStemSet(stems)
		if got := holdsName(st, "visum") || holdsName(st, "hund"); got != want {
			t.Errorf("holdsName(%q, visum|hund) = %v, want %v", text, got, want)
		}
	}
}

// "Konsequenz?" alone asks what follows.
func TestConsequenceSingular(t *testing.T) {
	a := mustAssistant(t, nil)
	if !a.lex.match("ask_consequence", words("visumtermin morgen, ein dokument fehlt noch. konsequenz?")) {
		t.Error("\"konsequenz\" does not ask the consequence")
	}
}

// A word of four letters at the end of a compound's first part does not
// make the compound ("zeit … gesetz" names no "Elternzeitgesetz"); a
// longer one still does ("Bauamt … Genehmigung" names "Baugenehmigung").
func TestShortWordInsideFirstPart(t *testing.T) {
	for _, tc := range []struct {
		name  string
		stems []string
		want  bool
	}{
		{"elternzeitgesetz", []string{"zeit", "gesetz", "frist"}, false},
		{"baugenehmig", []string{"bauamt", "genehmig"}, true},
	} {
		st := map[string]bool{}
		for _, s := range tc.stems {
			st[s] = true
		}
		if got := splitsInto(tc.name, newStemSet(st)); got != tc.want {
			t.Errorf("splitsInto(%q, %v) = %v, want %v", tc.name, tc.stems, got, tc.want)
		}
	}
}

// Being explained something by someone in person, a call back in the
// residents' languages, and a real person preferred in Turkish want a
// person.
func TestPersonWantedInMoreWords(t *testing.T) {
	a := mustAssistant(t, nil)
	checkSignal(t, a, "human or callback", func(s signals) bool { return s.human || s.callback }, map[string]bool{
		"bauantrag online – versteh ich nicht, bin 81. kann mir das wer persönlich erklären?": true,
		"Может ли кто-нибудь из Bürgeramt мне перезвонить? Лучше после 17:00.":                true,
		"Servicedesk'ten gerçek bir kişiyle konuşmayı tercih ederim, bu mümkün mü?":           true,
		"wer muss persönlich erscheinen":                                false,
		"können Sie mir erklären, was die Wohnungsgeberbestätigung ist": false,
	})
}

// Vaccinations, ticks, balcony plants, savings products, pay TV and a
// party's hall are no matter of the town hall.
func TestMoreOutOfScopeMatters(t *testing.T) {
	a := mustAssistant(t, nil)
	checkSignal(t, a, "outOfScope", func(s signals) bool { return s.outOfScope }, map[string]bool{
		"welche impfungen brauchen die kinder für thailand":                true,
		"У нашей собаки нашли клеща, нужно ли идти к ветеринару?":          true,
		"meine tomaten auf dem balkon haben braune flecken":                true,
		"lieber ein ETF-Sparplan oder ein Sparkonto für die Tochter":       true,
		"brauch ich für die bundesliga sky oder dazn":                      true,
		"was kostet die anmeldung der eheschließung und welche unterlagen": false,
	})
}

// Asking to be contacted wants a person even where a consultation and an
// appointment are spoken of; asking how a consultation is arranged does
// not.
func TestContactAskedBesideConsultation(t *testing.T) {
	a := mustAssistant(t, nil)
	checkSignal(t, a, "human", func(s signals) bool { return s.human }, map[string]bool{
		"Im Online-Kalender ist kein Termin frei. Ich würde das gern direkt mit jemandem aus dem Bürgerbüro besprechen – kann sich bitte jemand bei mir melden?": true,
		"Sie möchte sich persönlich beraten lassen. Geht das zu den normalen Öffnungszeiten, oder braucht man einen Termin?":                                     false,
	})
}

// A person to explain, a chat the asker cannot cope with, a real
// consultation: each asks for a person.
func TestPersonAskedForIndirectly(t *testing.T) {
	a := mustAssistant(t, nil)
	checkSignal(t, a, "human", func(s signals) bool { return s.human }, map[string]bool{
		"Ich verstehe das nicht, können Sie mir jemanden geben, der mir das erklärt?": true,
		"Ich komme mit dem Chat nicht klar.":                                          true,
		"das bringt mir alles nichts, ich brauche eine richtige beratung":             true,
		"Wie lange dauert die Beratung beim Wohngeld?":                                false,
		// A person wished for, and an asker with nobody to help.
		"ich hätte gern einen echten ansprechpartner":                true,
		"ich hab niemanden der mir hilft und weiß nicht mehr weiter": true,
		"ich hätte gern einen termin für den reisepass":              false,
		"ich verstehe das alles nicht, was kostet ein reisepass":     false,
	})
}

// "Kein Mensch meldet sich" tells that nobody answers; it asks for a
// person only with another word that does.
func TestNobodyAsksForNobody(t *testing.T) {
	a := mustAssistant(t, nil)
	checkSignal(t, a, "human", func(s signals) bool { return s.human }, map[string]bool{
		"unser bauantrag liegt seit 4 monaten beim bauamt und kein mensch meldet sich. kann man den stand irgendwie abfragen, telefonisch oder so?": false,
		"kein mensch meldet sich, ich will jetzt mit einem mitarbeiter sprechen":                                                                    true,
		"seit wochen meldet sich kein mensch, kann mich bitte jemand zurückrufen":                                                                   true,
	})
}

// A country in a guide's title names no guide alone ("… Conversion
// Guide: USA & Germany" is not named by "in den USA arbeiten").
func TestCountryInTitleNamesNothing(t *testing.T) {
	a := mustAssistant(t, nil)
	_, names := a.lex.docTerms(knowledge.Document{ID: "g/x", Title: "Foreign Driver's License Conversion Guide: USA & Germany"})
	for _, n := range names {
		if len(n) == 1 && n[0] == stem("usa") {
			t.Errorf("names %v: the country alone is a name", names)
		}
	}
}

// A device that no longer takes or knows what it always took, and a
// display that says the card is unknown, report an outage.
func TestNoLongerTakesIsAnOutage(t *testing.T) {
	a := mustAssistant(t, nil)
	checkSignal(t, a, "incident", func(s signals) bool { return s.incident }, map[string]bool{
		"im rathaus 2. og nimmt seit heute früh kein drucker mehr die dienstkarte, am display steht nur karte unbekannt": true,
		"der laptop erkennt meinen stick nicht mehr": true,
		"wie viele karten nimmt das lesegerät":       false,
	})
}

// Puppies, elections and helping at them, parking only for residents and
// a car registered, in the residents' languages, name the German
// service.
func TestMoreResidentsWords(t *testing.T) {
	a := mustAssistant(t, nil)
	wantTerms(t, a, map[string]string{
		"wzięliśmy szczeniaka ze schroniska, czy musimy go zgłosić do podatku od psów": "Hundesteuer",
		"хотела бы помочь на выборах, поработать на избирательном участке":             "Wahlhelfer",
		"sadece oturanların park edebildiği yerler için kart almak istiyorum":          "Bewohnerparkausweis",
		"hal momken a3mel ترخيص للعربية":                                               "Zulassung",
	})
}

// "Call me" in Russian, Ukrainian, Polish and Turkish asks for a call
// back.
func TestCallMeInResidentsLanguages(t *testing.T) {
	a := mustAssistant(t, nil)
	checkSignal(t, a, "callback", func(s signals) bool { return s.callback }, map[string]bool{
		"Чи може хтось перевірити, що з моєю заявою, і зателефонувати мені?": true,
		"Пожалуйста, позвоните мне после обеда.":                             true,
		"Proszę zadzwonić do mnie jutro.": true,
		"Lütfen beni arayın.":             true,
		"Ich rufe morgen an.":             false,
	})
}

// An income tax refund's expenses, a tenancy's service-charge bill and a
// cinema's programme are out of scope.
func TestTaxRentCinemaOutOfScope(t *testing.T) {
	a := mustAssistant(t, nil)
	checkSignal(t, a, "outOfScope", func(s signals) bool { return s.outOfScope }, map[string]bool{
		"ich hab zweitausenddreihundert euro werbungskosten, wie viel steuer krieg ich zurück": true,
		"Unser Vermieter verlangt 900 Euro Nebenkostennachzahlung":                             true,
		"kinoprog. sa abend musterstadt":                                                       true,
		"zählen die nebenkosten beim wohngeld mit":                                             false,
	})
}

// Married already, in the residents' languages, is "geheiratet" (the
// certificate and a new name), not the wedding's registration.
func TestMarriedAlreadyTranslated(t *testing.T) {
	a := mustAssistant(t, nil)
	for _, text := range []string{
		"w sierpniu wzięłam ślub w Polsce i przyjęłam nazwisko męża",
		"Ми з чоловіком одружилися в Києві у 2021 році",
		"Geçen ay evlendim ve soyadım değişti",
		"we got married last month",
	} {
		got := a.lex.germanTerms(text)
		if !strings.Contains(got, "geheiratet") || strings.Contains(got, "Eheschließung") {
			t.Errorf("germanTerms(%q) = %q, want geheiratet and no Eheschließung", text, got)
		}
	}
}

// Going in person to an office of any name asks how it is handed in.
func TestInPersonToAnyOffice(t *testing.T) {
	a := mustAssistant(t, nil)
	wantFacet(t, a, knowledge.FacetOnline, "online",
		"muss ich wirklich persönlich zum bürgerbüro für die meldebescheinigung",
		"muss ich dafür persönlich ins rathaus",
	)
}

// The asker's own restaurant, or one they work in, is a business the
// city's rules are for; a restaurant to go to stays out of scope.
func TestOwnRestaurantIsNoOuting(t *testing.T) {
	a := mustAssistant(t, nil)
	checkSignal(t, a, "outOfScope", func(s signals) bool { return s.outOfScope }, map[string]bool{
		"ich habe restaurant. mein koch wohnt über dem restaurant, wie viele tage hat er für die anmeldung":    false,
		"bin kellner in nem kleinen restaurant und mein chef will mir keinen festen lohn zahlen, darf der das": false,
		"kannst du mir ein gutes restaurant am marktplatz empfehlen":                                           true,
		"can you recommend a nice restaurant near the market square":                                           true,
	})
}

// Private matters by topic — health, shopping, money, entertainment,
// food, weather, travel, relationships, private disputes, devices — are
// out of scope in general words; the service words that share a topic
// with them are not.
func TestPrivateMattersByTopicAreOutOfScope(t *testing.T) {
	a := mustAssistant(t, nil)
	checkSignal(t, a, "outOfScope", func(s signals) bool { return s.outOfScope }, map[string]bool{
		"hab seit tagen rückenschmerzen, kennt wer nen guten orthopäden":                   true,
		"lohnt es sich jetzt noch ne waschmaschine zu kaufen oder bis black friday warten": true,
		"tagesgeld oder lieber in gold investieren?":                                       true,
		"wann läuft heute tatort":                                                          true,
		"was koche ich heute abend, hab nur spaghetti und zutaten für salat":               true,
		"wird es am samstag regnen":                                                        true,
		"wohin im herbst in den urlaub, lieber pauschalreise oder airbnb":                  true,
		"meine freundin ist fremdgegangen, soll ich schluss machen":                        true,
		"mein vermieter reagiert nicht wegen dem schimmel im bad":                          true,
		"die umzugsfirma hat für morgen abgesagt, kennt ihr eine andere":                   true,
		"какой врач лечит спину":                                                           true,
		"darf die umzugsfirma das halteverbot für uns beantragen":                          false,
		"brauche ich für den internationalen führerschein ein foto":                        false,
		"muss ich den gartenwasserzähler vom installateur einbauen lassen":                 false,
		"ich schließe meine yoga-praxis, wie melde ich das gewerbe ab":                     false,
		"ابني في الصف الثالث. كم تكلفة رعاية الأطفال خلال العطلة الصيفية":                  false,
	})
}

// A flight, a hotel or a translation told of as the asker's situation
// leaves the question in scope; one to be booked, compared, paid back or
// made for the asker is a private matter.
func TestTravelAndTranslationAsSituation(t *testing.T) {
	a := mustAssistant(t, nil)
	checkSignal(t, a, "outOfScope", func(s signals) bool { return s.outOfScope }, map[string]bool{
		"unser flug geht am sonntag und mein reisepass ist weg, was kostet ein vorläufiger":  false,
		"wir übernachten im hotel, muss ich mich dann trotzdem ummelden":                     false,
		"die übersetzungen der geburtsurkunde sind fertig, wann können wir die ehe anmelden": false,
		"wo finde ich einen günstigen flug nach mallorca":                                    true,
		"wie krieg ich mein geld von der airline zurück, der flug war zu spät":               true,
		"können sie mir diesen brief ins türkische übersetzen":                               true,
		"was kostet eine übersetzung beim übersetzungsbüro":                                  true,
	})
}
