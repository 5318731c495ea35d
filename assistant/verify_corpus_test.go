// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/knowledge/musterstadt"
)

// Answers as a careful model writes them about documents of the bundled
// base, written by hand rather than generated: free word order, other
// words, figures rounded the way people say them, several facts and two
// markers in one sentence. {Facet} stands for the marker of the section
// with that facet. None may be refused. The wrong ones below must be.
var faithfulAnswers = map[string][]string{
	"leistungen/reisepass": {
		"Ein Reisepass kostet für Personen ab 24 Jahren 70 Euro, für Jüngere 37,50 Euro {kosten}.",
		"Wenn es schnell gehen muss, gibt es den Express-Reisepass gegen einen Zuschlag von 32 Euro; er liegt nach etwa drei Werktagen vor {kosten}{dauer}.",
		"Sie müssen den Pass persönlich beantragen, weil Fingerabdrücke genommen werden {voraussetzungen}.",
		"Online beantragen können Sie den Reisepass leider nicht, nur den Termin können Sie online buchen {online}.",
		"Bringen Sie Ihren bisherigen Pass oder Personalausweis und ein aktuelles biometrisches Passfoto mit {unterlagen}.",
		"Wenn Sie zum ersten Mal einen Pass beantragen, brauchen Sie außerdem Ihre Geburtsurkunde {unterlagen}.",
		"Das Bürgerbüro am Marktplatz 1 hat montags, dienstags und freitags von 8 bis 12:30 Uhr geöffnet, donnerstags bis 18 Uhr {zustaendigkeit}.",
		"Mittwochs ist das Bürgerbüro geschlossen {zustaendigkeit}.",
		"Ein regulärer Reisepass ist nach vier bis sechs Wochen abholbereit {dauer}.",
		"Einen Termin brauchen Sie; Sie buchen ihn unter https://service.musterstadt.example/termine oder telefonisch unter 0123 456-100 {termin}.",
		"Ohne Termin geht es nicht {termin}.",
		"Ab 24 Jahren gilt der Pass zehn Jahre, davor sechs Jahre {fristen}.",
		"Manche Länder verlangen, dass der Pass bei der Einreise noch mindestens sechs Monate gültig ist {fristen}.",
		"Rechtsgrundlage ist § 6 des Passgesetzes {rechtsgrundlage}.",
		"Für Reisen in viele Länder außerhalb der Europäischen Union brauchen Sie einen Reisepass {ueberblick}.",
		"Beantragen können Sie ihn im Bürgerbüro Musterstadt {ueberblick}.",
	},
	"leistungen/wohnsitz-anmelden": {
		"Die Anmeldung ist kostenlos {kosten}.",
		"Die Anmeldung kostet nichts, wer sich aber zu spät anmeldet, riskiert ein Verwarnungsgeld ab 10 Euro {kosten}.",
		"Sie müssen sich innerhalb von zwei Wochen nach dem Einzug anmelden {fristen}.",
		"Sie haben dafür 14 Tage Zeit {fristen}.",
		"Für die Anmeldung brauchen Sie einen Termin {termin}.",
		"Mit der Online-Ausweisfunktion können Sie sich auch online ummelden: https://service.musterstadt.example/ummeldung {online}.",
		"Mitbringen müssen Sie Ihren Personalausweis oder Reisepass und die Wohnungsgeberbestätigung Ihres Vermieters {unterlagen}.",
		"Die Meldebestätigung bekommen Sie sofort {dauer}.",
		"Eine Person kann mit Vollmacht die ganze Familie anmelden {voraussetzungen}.",
		"Schreiben Sie bei Fragen an buergerbuero@musterstadt.example {zustaendigkeit}.",
	},
	"leistungen/hundesteuer": {
		"Für den ersten Hund zahlen Sie 96 Euro im Jahr, für jeden weiteren 144 Euro {kosten}.",
		"Einen Termin brauchen Sie nicht {termin}.",
		"Sie können Ihren Hund auch online anmelden: https://service.musterstadt.example/hundesteuer {online}.",
		"Zuständig ist das Steueramt Musterstadt in der Rathausstraße 5 {zustaendigkeit}.",
		"Das Steueramt ist Montag bis Freitag von 8 bis 12 Uhr geöffnet {zustaendigkeit}.",
		"Melden Sie den Hund innerhalb von zwei Wochen nach der Aufnahme an {fristen}.",
		"Die Steuer ist jedes Jahr am 1. Juli fällig {fristen}.",
		"Den Steuerbescheid und die Hundesteuermarke bekommen Sie innerhalb von 14 Tagen per Post {dauer}.",
		"Eine verlorene Steuermarke wird für fünf Euro ersetzt {kosten}.",
	},
}

// faithfulEnglish are answers to English questions about the German
// sources.
var faithfulEnglish = []string{
	"A passport costs 70 euros if you are 24 or older, and 37.50 euros if you are younger {kosten}.",
	"You need an appointment; book it at https://service.musterstadt.example/termine {termin}.",
	"You cannot apply online, only in person {online}.",
	"A regular passport takes four to six weeks {dauer}.",
	"The Bürgerbüro is closed on Wednesdays {zustaendigkeit}.",
	"Please bring a current biometric passport photo (\"biometrisches Passfoto\") {unterlagen}.",
}

var wrongEnglish = []struct{ text, kind string }{
	{"You don't need an appointment {termin}.", "polarity"},
	{"A passport costs fifty euros {kosten}.", "amount"},
	{"It takes two to three weeks {dauer}.", "duration"},
	{"Ein regulärer Reisepass ist nach etwa vier bis sechs Wochen bei uns abholbereit {dauer}.", "language"},
}

var wrongAnswers = map[string][]struct{ text, kind string }{
	"leistungen/reisepass": {
		{"Ein Reisepass kostet ab 24 Jahren 60 Euro {kosten}.", "amount"},
		{"Ein regulärer Reisepass ist nach zwei bis drei Wochen fertig {dauer}.", "duration"},
		{"Ein Express-Reisepass liegt nach etwa 4 bis 6 Wochen vor {dauer}.", "duration"},
		{"Ab 24 Jahren kostet der Pass 37,50 Euro {kosten}.", "amount"},
		{"Den Reisepass können Sie online beantragen {online}.", "polarity"},
		{"Einen Termin brauchen Sie nicht {termin}.", "polarity"},
		{"Bringen Sie auch eine Meldebescheinigung mit {unterlagen}.", "document"},
		{"Das Bürgerbüro hat auch samstags geöffnet {zustaendigkeit}.", "hours"},
		{"Den Pass beantragen Sie beim Standesamt {zustaendigkeit}.", "office"},
		{"Den Pass beantragen Sie im Bürgerservice Musterstadt {zustaendigkeit}.", "office"},
		{"Den Pass beantragen Sie im Kundencenter Nordstadt {zustaendigkeit}.", "office"},
		{"Termine gibt es unter https://termine.musterstadt-service.de {termin}.", "url"},
		{"Rufen Sie 0123 456-111 an {termin}.", "phone"},
	},
	"leistungen/hundesteuer": {
		{"Für den ersten Hund zahlen Sie 69 Euro im Jahr {kosten}.", "amount"},
		{"Für die Anmeldung brauchen Sie einen Termin {termin}.", "polarity"},
		{"Die Steuer ist jedes Jahr am 1. Juni fällig {fristen}.", "date"},
		{"Den Bescheid bekommen Sie innerhalb von zwei Monaten {dauer}.", "duration"},
		{"Zuständig ist das Ordnungsamt {zustaendigkeit}.", "office"},
		{"Das Steueramt finden Sie in der Hauptstraße 5 {zustaendigkeit}.", "address"},
	},
}

func TestVerifierOnHandWrittenAnswers(t *testing.T) {
	kb, err := knowledge.Open(context.Background(), knowledge.Config{
		Roots: []knowledge.Root{{Name: "musterstadt", FS: musterstadt.FS()}}, Mode: knowledge.ModeLexical})
	if err != nil {
		t.Fatal(err)
	}
	defer kb.Close()
	lx := mustLexicon(t)
	load := func(id string) ([]knowledge.Passage, func(string) string) {
		d, ok := kb.Document(id, knowledge.Citizen)
		if !ok {
			t.Fatalf("no document %s", id)
		}
		var ps []knowledge.Passage
		marker := map[string]string{}
		for _, s := range d.Sections {
			ps = append(ps, knowledge.Passage{DocID: d.ID, Title: d.Title, Section: s.Heading, Facet: s.Facet, Text: s.Text, URL: d.URL})
			if _, ok := marker[string(s.Facet)]; !ok {
				marker[string(s.Facet)] = " [" + strconv.Itoa(len(ps)) + "]"
			}
		}
		return ps, func(text string) string {
			return facetRE.ReplaceAllStringFunc(text, func(m string) string {
				k, ok := marker[strings.Trim(m, "{}")]
				if !ok {
					t.Fatalf("%s has no section %s", id, m)
				}
				return k
			})
		}
	}
	for id, answers := range faithfulAnswers {
		ps, mark := load(id)
		v := newVerifier(lx, ps, "de")
		for _, a := range answers {
			if _, _, vr := verifyText(v, mark(a)); len(vr.Refused) > 0 {
				t.Errorf("%s: faithful answer refused: %+v", id, vr.Refused[0])
			}
		}
	}
	ps, mark := load("leistungen/reisepass")
	en := newVerifier(lx, ps, "en")
	for _, a := range faithfulEnglish {
		if _, _, vr := verifyText(en, mark(a)); len(vr.Refused) > 0 {
			t.Errorf("faithful English answer refused: %+v", vr.Refused[0])
		}
	}
	for _, a := range wrongEnglish {
		_, _, vr := verifyText(en, mark(a.text))
		if len(vr.Refused) == 0 || vr.Refused[0].Kind != a.kind {
			t.Errorf("%q refused %+v, want %s", a.text, vr.Refused, a.kind)
		}
	}
	for id, answers := range wrongAnswers {
		ps, mark := load(id)
		v := newVerifier(lx, ps, "de")
		for _, a := range answers {
			_, _, vr := verifyText(v, mark(a.text))
			if len(vr.Refused) == 0 || vr.Refused[0].Kind != a.kind {
				t.Errorf("%s: %q refused %+v, want %s", id, a.text, vr.Refused, a.kind)
			}
		}
	}
}

var facetRE = regexp.MustCompile(`\{[a-z]+\}`)
