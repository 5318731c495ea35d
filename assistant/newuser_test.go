// SPDX-License-Identifier: EUPL-1.2

package assistant_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
)

// TestNewUserQuestions asks the questions that a new user's trial of the
// bundled base got wrong before the answer engine was rebuilt; each must
// be answered right in one turn.
func TestNewUserQuestions(t *testing.T) {
	kb := mustBase(t)
	a := mustBaseAssistant(t, kb)
	tests := []struct {
		q      string
		docs   []string // one of them cited; empty: no source wanted
		facts  []string
		absent []string
		intent assistant.Intent
	}{
		{q: "Ich habe meinen Personalausweis verloren", docs: []string{"leistungen/personalausweis-verlust"}, facts: []string{"melden Sie das sofort"}},
		// Office hours stand in many service descriptions; any of them
		// answers, a clarifying question or "nothing found" does not.
		{q: "Wann hat das Bürgeramt geöffnet?", facts: []string{"Öffnungszeiten:", "Mittwoch geschlossen"}, absent: []string{"Meinen Sie", "nichts Passendes"}},
		{q: "Hat das Rathaus am Samstag auf?", facts: []string{"Öffnungszeiten:"}, absent: []string{"Meinen Sie", "nichts Passendes"}},
		{q: "Wer hat gestern das Bundesligaspiel gewonnen?", intent: assistant.IntentOutOfScope, absent: []string{"Meinen Sie"}},
		{q: "Wie ist das Fußballspiel Deutschland gegen Polen ausgegangen?", intent: assistant.IntentOutOfScope, absent: []string{"Meinen Sie"}},
		// Tickets for a club's match, as a recognizer writes it: "Karte"
		// names the ID card's page, the match is still out of scope.
		{q: "gibts bei ihnen noch karten fürs heim spiel am samstag", intent: assistant.IntentOutOfScope},
		{q: "Wie beantrage ich Wohngeld?", docs: []string{"leistungen/wohngeld"}, facts: []string{"https://service.musterstadt.example/wohngeld", "Einkommensnachweise"}},
		{q: "Ich bin umgezogen", docs: []string{"leistungen/wohnsitz-anmelden"}, facts: []string{"2 Wochen"}},
		// The dog's death is about the dog tax, and the answer is not the
		// whole registration page.
		{q: "Mein Hund ist gestorben, was muss ich tun?", docs: []string{"leistungen/hundesteuer"}, facts: []string{"abmelden"}, absent: []string{"Rechtsgrundlage", "Hundesteuersatzung"}},
		{q: "Was kostet die Eheschließung und welche Unterlagen brauchen wir?", docs: []string{"leistungen/eheschliessung-anmelden"}, facts: []string{"50,00 Euro", "Geburtenregister"}},
		// A parent asks for a son: the fee line for his age is stated
		// first, and not as if it were the asker's own.
		{q: "Mein Sohn wird 16, was kostet der Personalausweis?", docs: []string{"leistungen/personalausweis"}, facts: []string{"In Ihrem Fall gilt: Antragstellende unter 24 Jahren: 22,80 Euro"}, absent: []string{"Für Sie gilt"}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			conv := &assistant.Conversation{ID: "t", Audience: knowledge.Citizen, Channel: "test"}
			ans, err := a.Ask(context.Background(), conv, assistant.Message{Text: tt.q})
			if err != nil {
				t.Fatal(err)
			}
			if len(tt.docs) > 0 && (len(ans.Sources) == 0 || !contains(tt.docs, ans.Sources[0].ID)) {
				t.Errorf("cited %v, want one of %v\n%s", sourceIDs(ans), tt.docs, ans.Text)
			}
			for _, f := range tt.facts {
				if !strings.Contains(ans.Text, f) {
					t.Errorf("answer lacks %q:\n%s", f, ans.Text)
				}
			}
			for _, f := range tt.absent {
				if strings.Contains(ans.Text, f) {
					t.Errorf("answer contains %q:\n%s", f, ans.Text)
				}
			}
			want := tt.intent
			if want == "" {
				want = assistant.IntentServiceInfo
			}
			if ans.Intent != want {
				t.Errorf("intent %q, want %q", ans.Intent, want)
			}
		})
	}
}

// TestSecondTrialQuestions asks questions of a second trial of the
// bundled base, written before they were run: the thing the asker's own
// words name beats the life event around it, a business is opened by
// what it is, an individual case goes to a person, and English names a
// certificate in plain words.
func TestSecondTrialQuestions(t *testing.T) {
	a := mustBaseAssistant(t, mustBase(t))
	tests := []struct {
		q        string
		doc      string
		fact     string
		handoff  bool
		employee bool
	}{
		{q: "ich möchte ein café eröffnen", doc: "leistungen/gewerbeanmeldung", fact: "Gewerbe"},
		{q: "wir wollen ein restaurant eröffnen", doc: "leistungen/gewerbeanmeldung", fact: "Gewerbe"},
		{q: "ich bin neu hergezogen und hab ein auto mit altem kennzeichen, muss ich das ändern", doc: "leistungen/fahrzeug-umschreiben", fact: "Zuzug"},
		{q: "können sie mir sagen ob mein wohngeldantrag schon bearbeitet wurde", doc: "leistungen/wohngeld", handoff: true},
		{q: "hi, where do i get a certificate that i live here", doc: "leistungen/meldebescheinigung"},
		{q: "wo kann ich meinen müll abgeben", doc: "leistungen/sperrmuell", fact: "Wertstoffhof"},
		{q: "wie erreiche ich die it", doc: "intern/it/it-servicedesk-kontakt", fact: "4711", employee: true},
		{q: "ich hab eine komische mail bekommen wo ich mein passwort eingeben soll", doc: "intern/it/phishing-melden", fact: "Phishing melden", employee: true},
	}
	for _, tt := range tests {
		conv := &assistant.Conversation{ID: "t2", Audience: knowledge.Citizen, Channel: "test"}
		if tt.employee {
			conv.Audience = knowledge.Employee
		}
		ans, err := a.Ask(context.Background(), conv, assistant.Message{Text: tt.q})
		if err != nil {
			t.Fatal(err)
		}
		if len(ans.Sources) == 0 || ans.Sources[0].ID != tt.doc {
			t.Errorf("%q: cited %v, want %s\n%s", tt.q, sourceIDs(ans), tt.doc, ans.Text)
		}
		if !strings.Contains(ans.Text, tt.fact) {
			t.Errorf("%q: answer lacks %q:\n%s", tt.q, tt.fact, ans.Text)
		}
		if ans.HandoffOffered != tt.handoff {
			t.Errorf("%q: human offered %v, want %v", tt.q, ans.HandoffOffered, tt.handoff)
		}
	}
}

// TestTwoServicesInOneMessage asks two things whose answers stand in two
// documents: each part is answered from its own, with both sources.
func TestTwoServicesInOneMessage(t *testing.T) {
	a := mustBaseAssistant(t, mustBase(t))
	ans, err := a.Ask(context.Background(), &assistant.Conversation{ID: "two", Audience: knowledge.Citizen}, assistant.Message{
		Text: "wir ziehen nach kanada, bis wann muss ich mich abmelden und was kostet es, das auto online abzumelden"})
	if err != nil {
		t.Fatal(err)
	}
	ids := sourceIDs(ans)
	if !contains(ids, "leistungen/wohnsitz-abmelden") || !contains(ids, "leistungen/fahrzeug-abmelden") {
		t.Errorf("sources %v, want both the registration and the vehicle\n%s", ids, ans.Text)
	}
	for _, f := range []string{"2 Wochen", "6,90 Euro"} {
		if !strings.Contains(ans.Text, f) {
			t.Errorf("answer lacks %q:\n%s", f, ans.Text)
		}
	}
	// One service asked twice over is one block.
	ans, err = a.Ask(context.Background(), &assistant.Conversation{ID: "one", Audience: knowledge.Citizen}, assistant.Message{Text: "Was kostet die Eheschließung und welche Unterlagen brauchen wir?"})
	if err != nil {
		t.Fatal(err)
	}
	if len(ans.Sources) != 1 {
		t.Errorf("sources %v, want the marriage only", sourceIDs(ans))
	}
}

// TestFollowUpAsksAboutIt: "wie lange dauert das, bis …" asks about the
// service of the previous answer, whatever other page holds its words.
func TestFollowUpAsksAboutIt(t *testing.T) {
	a := mustBaseAssistant(t, mustBase(t))
	conv := &assistant.Conversation{ID: "fu", Audience: knowledge.Citizen}
	if _, err := a.Ask(context.Background(), conv, assistant.Message{Text: "wie beantrage ich wohngeld"}); err != nil {
		t.Fatal(err)
	}
	ans, err := a.Ask(context.Background(), conv, assistant.Message{Text: "wie lange dauert das bis ich geld bekomme"})
	if err != nil {
		t.Fatal(err)
	}
	if len(ans.Sources) == 0 || ans.Sources[0].ID != "leistungen/wohngeld" || !strings.Contains(ans.Text, "6 bis 8 Wochen") {
		t.Errorf("cited %v, want the housing benefit's processing time:\n%s", sourceIDs(ans), ans.Text)
	}
}

// TestAnswersNeverQuoteHeaderLines asks about a knowledge root whose
// documents carry the header lines document systems put above a text;
// no answer may quote them, whatever is asked.
func TestAnswersNeverQuoteHeaderLines(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: service}\n")},
		"a/sondernutzung.md": {Data: []byte("---\ntitle: Sondernutzung von Straßen beantragen\n---\n" +
			"Aktenzeichen: 66.2-SN\nFormularnummer: F-4711\nStand: 01.02.2026\n\n" +
			"Wer eine Straße oder einen Gehweg mehr als üblich nutzt, etwa für ein Gerüst oder einen Container, braucht eine Sondernutzungserlaubnis.\n\n" +
			"## Kosten\n\nDie Gebühr beträgt 25,00 Euro je Woche.\n\n" +
			"## Unterlagen\n\n- Lageplan\n- Zeitraum der Nutzung\n")},
		"a/marktstand.md": {Data: []byte("---\ntitle: Marktstand auf dem Wochenmarkt anmelden\n---\n" +
			"Leistungsschlüssel: 99123012345000 · Aktenzeichen: 51.7-VF · Formular-Nr.: VF 3 · Zuständige Organisationseinheit: Fachbereich 4 – Ordnung, Marktverwaltung · Stand: 02.02.2026\n\n" +
			"Herausgeber: Fachbereich 4 · Zielgruppe: Händler · Stand: 01.03.2026\n\n" +
			"Wer auf dem Wochenmarkt einen Stand betreiben will, meldet ihn an. Die Standgebühr beträgt 12,00 Euro je Markttag.\n")},
		"a/plakate.md": {Data: []byte("---\ntitle: Plakatierung genehmigen lassen\n---\n" +
			"Az.: 32.1-PL\nVersion: 3\n\n" +
			"Plakate im öffentlichen Raum sind genehmigungspflichtig. Die Genehmigung kostet 30,00 Euro.\n")},
	}
	kb, err := knowledge.Open(context.Background(), knowledge.Config{Roots: []knowledge.Root{{Name: "test", FS: root}}})
	if err != nil {
		t.Fatal(err)
	}
	a := mustBaseAssistant(t, kb)
	for _, q := range []string{
		"Ich will einen Container vor dem Haus abstellen",
		"was kostet ein gerüst auf dem gehweg",
		"welche unterlagen brauche ich für die sondernutzung",
		"darf ich plakate aufhängen",
		"ich will auf dem wochenmarkt einen stand aufmachen, was kostet das",
		"Sondernutzung",
	} {
		ans, err := a.Ask(context.Background(), &assistant.Conversation{ID: "h", Audience: knowledge.Citizen}, assistant.Message{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range []string{"Aktenzeichen", "66.2-SN", "F-4711", "Stand:", "Az.", "Version:", "Leistungsschlüssel", "VF 3", "Herausgeber:", "Zielgruppe:"} {
			if strings.Contains(ans.Text, h) {
				t.Errorf("%q: answer quotes the header line %q:\n%s", q, h, ans.Text)
			}
		}
		if len(ans.Sources) == 0 {
			t.Errorf("%q: no source:\n%s", q, ans.Text)
		}
	}
}

// TestPortalLayoutAnswers asks about a service described in the layout
// of the federal catalogue's portals (header lines, headings as
// questions, a "Was sollte ich noch wissen?" section): an age told
// without a facet finds the age rule in prose, and a section that says
// nothing ("Keine.") is not quoted unasked.
func TestPortalLayoutAnswers(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: service}\n")},
		"seeplakette.md": {Data: []byte("# Seeplakette beantragen\n\nAktenzeichen: 67.3-SP\nFormularnummer: SP-02\n\n" +
			"## Leistungsbeschreibung\n\nWer auf dem Stadtsee Boot fahren möchte, braucht eine Seeplakette. Voraussetzung ist ein Bootskurs der Wasserwacht.\n\n" +
			"## Voraussetzungen\n\n- Sie haben den Bootskurs bestanden (ab 14 Jahren möglich).\n- Sie wohnen in der Stadt.\n\n" +
			"## Welche Gebühren fallen an?\n\n| Geltungsdauer | Gebühr |\n|---|---|\n| 1 Jahr | 15 Euro |\n| 3 Jahre | 35 Euro |\n\n" +
			"## Welche Fristen muss ich beachten?\n\nKeine.\n\n" +
			"## Was sollte ich noch wissen?\n\nKinder unter 14 Jahren können eine Jugendplakette erhalten. Sie kostet 4 Euro.\n")},
	}
	kb, err := knowledge.Open(context.Background(), knowledge.Config{Roots: []knowledge.Root{{Name: "test", FS: root}}})
	if err != nil {
		t.Fatal(err)
	}
	a := mustBaseAssistant(t, kb)
	ans, err := a.Ask(context.Background(), &assistant.Conversation{ID: "p", Audience: knowledge.Citizen}, assistant.Message{Text: "mein sohn ist 10 und will boot fahren, geht das"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Text, "Jugendplakette") {
		t.Errorf("the age rule for a 10-year-old is missing:\n%s", ans.Text)
	}
	for _, bad := range []string{"Keine.", "Aktenzeichen", "SP-02"} {
		if strings.Contains(ans.Text, bad) {
			t.Errorf("answer quotes %q:\n%s", bad, ans.Text)
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func sourceIDs(a assistant.Answer) []string {
	var out []string
	for _, s := range a.Sources {
		out = append(out, s.ID)
	}
	return out
}

// "Wo krieg ich die her?" about a document without an office section is
// answered by what says where it comes from (the procedure, the documents
// needed), not by sentences that only share the question's words.
func TestWhereWithoutOfficeSection(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: service}\n")},
		"a/bestaetigung.md": {Data: []byte("---\ntitle: Bestätigung für den Arbeitgeber\n---\n" +
			"## Was ist es?\n\nMit der Bestätigung weisen Sie Ihrem Arbeitgeber nach, dass Sie schwanger sind.\n\n" +
			"## Erforderliche Dokumente\n\n1. Ärztliches Attest zur Bestätigung der Schwangerschaft.\n\n" +
			"## Weitere Einzelheiten\n\n- Ihr Arbeitgeber darf Sie wegen der Schwangerschaft nicht benachteiligen.\n")},
	}
	ans := askRoot(t, root, "ich bin schwanger und mein chef will so eine bestätigung haben, wo krieg ich die her")
	if !strings.Contains(ans.Text, "Ärztliches Attest") {
		t.Errorf("answer lacks where the confirmation comes from:\n%s", ans.Text)
	}
}

// A statute's answer quotes the paragraph that answers, not other
// paragraphs that share a word of the asker's story ("mein Vater").
func TestStatuteAnswerLeavesStoryWords(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: law}\n")},
		"g/gesetz.md": {Data: []byte("---\ntitle: Gesetz über Beispiele\n---\n" +
			"# § 5 – Anzeige\n\nDer Tod eines Menschen ist dem Standesamt spätestens am dritten auf den Tod folgenden Werktag anzuzeigen.\n\n" +
			"# § 9 – Vaterschaft\n\nDie Erklärung über die Vaterschaft ist öffentlich zu beurkunden.\n")},
	}
	ans := askRoot(t, root, "Mein Vater ist heute gestorben. Bis wann muss das dem Standesamt gemeldet werden?")
	if !strings.Contains(ans.Text, "dritten auf den Tod folgenden Werktag") || strings.Contains(ans.Text, "Vaterschaft ist") {
		t.Errorf("answer should quote § 5 only:\n%s", ans.Text)
	}
}

// In a statute, a paragraph's title counts for its sentences, and a count
// in the asker's story ("vor zwei Jahren") names nothing.
func TestStatuteParagraphTitleCounts(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: law}\n")},
		"g/register.md": {Data: []byte("---\ntitle: Gesetz über ein Register\n---\n" +
			"# § 12 – Inhalt des Führungszeugnisses\n\n(1) Nicht aufgenommen werden\n\n1. Verwarnungen,\n\n2. Geldstrafen von nicht mehr als neunzig Tagessätzen,\n\n3. Jugendstrafen.\n\n" +
			"# § 13 – Erweiterte Auskunft\n\nEin erweitertes Führungszeugnis wird Personen erteilt, die seit zwei Jahren in der Jugendarbeit tätig sind.\n")},
	}
	ans := askRoot(t, root, "ich hab vor zwei jahren 40 tagessätze bekommen, steht das in meinem führungszeugnis")
	if !strings.Contains(ans.Text, "neunzig Tagessätzen") {
		t.Errorf("answer lacks the paragraph on day fines:\n%s", ans.Text)
	}
	// The item comes with the sentence that opens its list.
	if !strings.Contains(ans.Text, "Nicht aufgenommen werden") {
		t.Errorf("answer quotes the item without its lead-in:\n%s", ans.Text)
	}
}

// askRoot asks q, as a citizen in a new conversation, of an assistant over
// the single knowledge root root.
func askRoot(t *testing.T, root fstest.MapFS, q string) assistant.Answer {
	t.Helper()
	return askRootAs(t, root, knowledge.Citizen, q)
}

// askRootAs is askRoot for the audience aud.
func askRootAs(t *testing.T, root fstest.MapFS, aud knowledge.Audience, q string) assistant.Answer {
	t.Helper()
	kb, err := knowledge.Open(context.Background(), knowledge.Config{Roots: []knowledge.Root{{Name: "test", FS: root}}})
	if err != nil {
		t.Fatal(err)
	}
	a := mustBaseAssistant(t, kb)
	ans, err := a.Ask(context.Background(), &assistant.Conversation{ID: "r", Audience: aud}, assistant.Message{Text: q})
	if err != nil {
		t.Fatal(err)
	}
	return ans
}

// "Wie viel … bekommt man" asks for an amount; a statute's paragraph
// titled like a facet ("Auszahlung") answers it only when it states one.
func TestStatuteAmountQuestion(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: law}\n")},
		"g/geld.md": {Data: []byte("---\ntitle: Gesetz über ein Beispielgeld\n---\n" +
			"# § 1 – Auszahlung\n\nBeispielgeld wird im Laufe des Monats gezahlt, für den man es bekommt.\n\n" +
			"# § 2 – Höhe des Beispielgeldes\n\n(1) Beispielgeld wird mindestens in Höhe von 300 Euro gezahlt.\n")},
	}
	ans := askRoot(t, root, "wie viel beispielgeld bekommt man so ungefähr")
	if !strings.Contains(ans.Text, "300 Euro") {
		t.Errorf("answer lacks the amount:\n%s", ans.Text)
	}
}

// A lost thing that turned up again: the page's sentence on what to do
// then comes first, whatever facet the question asks, and a loss alone
// does not bring it.
func TestFoundAgainQuotesWhatToDo(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: service}\n")},
		"s/ausweis-verlust.md": {Data: []byte("---\ntitle: Verlust eines Bibliotheksausweises melden\n---\n" +
			"Melden Sie den Verlust Ihres Bibliotheksausweises an der Theke.\n\n" +
			"## Voraussetzungen\n\n- Sie sind Mitglied der Bücherei.\n\n" +
			"## Kosten\n\nEin Ersatzausweis kostet 5,00 Euro.\n\n" +
			"## Hinweise\n\nDer alte Ausweis wird sofort gesperrt. Finden Sie den alten Ausweis wieder, werfen Sie ihn in den Rückgabekasten; er bleibt ungültig.\n")},
	}
	for _, q := range []string{
		"hab meinen bibliotheksausweis als verloren gemeldet und jetzt lag der doch im rucksack, darf ich den wieder benutzen",
		"mein bibliotheksausweis ist wieder aufgetaucht was mach ich jetzt",
	} {
		ans := askRoot(t, root, q)
		if !strings.Contains(ans.Text, "er bleibt ungültig") {
			t.Errorf("%q: answer lacks what to do with the found card:\n%s", q, ans.Text)
		}
		if i, j := strings.Index(ans.Text, "bleibt ungültig"), strings.Index(ans.Text, "Mitglied der Bücherei"); j >= 0 && i > j {
			t.Errorf("%q: the found card's sentence should come first:\n%s", q, ans.Text)
		}
	}
	ans := askRoot(t, root, "was kostet es wenn ich meinen bibliotheksausweis verloren habe")
	if strings.Contains(ans.Text, "bleibt ungültig") {
		t.Errorf("a loss alone quotes the found-again sentence:\n%s", ans.Text)
	}
}

// A message that asks nothing after a question adds facts to it: "ich
// wohne eigentlich in einer anderen Gemeinde …" after "Was kostet der
// Angelschein?" is answered from the fishing licence, with its fee for
// guests. A statement that names another service starts a new topic.
func TestStatementAddsFactsToQuestion(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: service}\n")},
		"s/angelschein.md": {Data: []byte("---\ntitle: Angelschein beantragen\n---\nMit dem Angelschein dürfen Sie an den Seen der Gemeinde angeln.\n\n" +
			"## Kosten\n\n- Jahresschein für Einwohnerinnen und Einwohner: 30,00 Euro\n- Jahresschein für Gäste aus anderen Gemeinden: 45,00 Euro\n")},
		"s/bootsliegeplatz.md": {Data: []byte("---\ntitle: Bootsliegeplatz mieten\n---\nIm Sommer vermietet die Gemeinde Liegeplätze am Seeufer, auch an Gäste aus einer anderen Gemeinde, die nur zwei Monate hier wohnen.\n\n" +
			"## Kosten\n\n- Saison: 120,00 Euro\n")},
	}
	a := mustMapAssistant(t, root)
	ask := func(conv *assistant.Conversation, text string) assistant.Answer {
		t.Helper()
		ans, err := a.Ask(context.Background(), conv, assistant.Message{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		return ans
	}
	conv := &assistant.Conversation{ID: "s", Audience: knowledge.Citizen}
	ask(conv, "Was kostet der Angelschein?")
	ans := ask(conv, "ich wohne eigentlich in einer anderen gemeinde und bin nur im sommer zwei monate hier zu gast")
	if len(ans.Sources) == 0 || ans.Sources[0].ID != "s/angelschein" || !strings.Contains(ans.Text, "45,00 Euro") {
		t.Errorf("statement after a question: want the licence's fee for guests:\n%s", ans.Text)
	}
	conv = &assistant.Conversation{ID: "t", Audience: knowledge.Citizen}
	ask(conv, "Was kostet der Angelschein?")
	ans = ask(conv, "ich hätte im sommer gern einen bootsliegeplatz am seeufer")
	if len(ans.Sources) == 0 || ans.Sources[0].ID != "s/bootsliegeplatz" {
		t.Errorf("statement naming another service: want the mooring:\n%s", ans.Text)
	}
}

// A statute's sentence that runs through an enumeration ("Wer …, muss ihn
// / 1. … / 2. … / vor Beginn … beantragen.") is one sentence: its items
// count the words of its opening and its end, and are quoted with both.
func TestStatuteSentenceAroundItsItems(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: law}\n")},
		"g/urlaub.md": {Data: []byte("---\ntitle: Gesetz über den Beispielurlaub\n---\n" +
			"# § 4 – Anmeldung\n\n(1) Wer Beispielurlaub nehmen will, muss ihn\n\n1. für die ersten drei Jahre spätestens sieben Wochen und\n\n2. für die Zeit danach spätestens 13 Wochen\n\n" +
			"vor Beginn schriftlich beim Dienstherrn beantragen. Der Dienstherr bestätigt den Antrag.\n\n" +
			"# § 5 – Ablehnung\n\nDer Dienstherr kann einen dritten Abschnitt innerhalb von acht Wochen nach Zugang des Antrags ablehnen.\n")},
	}
	ans := askRoot(t, root, "wie früh muss ich den beispielurlaub beim dienstherrn beantragen")
	for _, want := range []string{"spätestens sieben Wochen", "Wer Beispielurlaub nehmen will", "vor Beginn schriftlich beim Dienstherrn beantragen."} {
		if !strings.Contains(ans.Text, want) {
			t.Errorf("answer lacks %q:\n%s", want, ans.Text)
		}
	}
}

// A description that leaves the asked rule out is followed by the
// statute's passage that states it.
func TestStatuteStatesTheRuleTheDescriptionLeavesOut(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de}\nfolders:\n  - match: \"l/**\"\n    kind: service\n  - match: \"g/**\"\n    kind: law\n")},
		"l/ausweis.md": {Data: []byte("---\ntitle: Beispielausweis beantragen\n---\n" +
			"# Kosten\n\nDer Beispielausweis kostet 10 Euro.\n\n# Unterlagen\n\nEin aktuelles Foto.\n")},
		"g/gesetz.md": {Data: []byte("---\ntitle: Gesetz über Beispielausweise\n---\n" +
			"# § 3 – Antrag\n\n(1) Wer das 16. Lebensjahr vollendet hat, kann den Beispielausweis ohne Zustimmung der Eltern beantragen.\n\n" +
			"# § 4 – Gebühren\n\nDie Gebühren regelt die Gebührenordnung.\n")},
	}
	ans := askRoot(t, root, "was kostet der beispielausweis für meine tochter und braucht sie dafür die zustimmung der eltern")
	if len(ans.Sources) < 2 || ans.Sources[0].ID != "l/ausweis" || ans.Sources[1].ID != "g/gesetz" {
		t.Fatalf("sources = %v, want the description, then the statute:\n%s", ans.Sources, ans.Text)
	}
	if !strings.Contains(ans.Text, "ohne Zustimmung der Eltern") {
		t.Errorf("answer lacks the statute's rule:\n%s", ans.Text)
	}
	// A question the description answers brings no statute.
	if ans := askRoot(t, root, "was kostet der beispielausweis"); len(ans.Sources) != 1 {
		t.Errorf("sources = %v, want the description alone:\n%s", ans.Sources, ans.Text)
	}
}

// The statute's passage that follows a description is the one that
// speaks of the facet asked ("darf ich …" asks who may), before one that
// only shares the question's words.
func TestStatuteRuleOfTheFacetAsked(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de}\nfolders:\n  - match: \"l/**\"\n    kind: service\n  - match: \"g/**\"\n    kind: law\n")},
		"l/zuschuss.md": {Data: []byte("---\ntitle: Beispielzuschuss beantragen\n---\n" +
			"Den Beispielzuschuss zur Wohnung bekommen Familien und Menschen in Rente mit kleinem Einkommen.\n\n" +
			"# Kosten\n\nDer Antrag ist gebührenfrei.\n\n# Unterlagen\n\nDer Mietvertrag und der Rentenbescheid.\n")},
		"g/gesetz.md": {Data: []byte("---\ntitle: Gesetz über den Beispielzuschuss\n---\n" +
			"# § 3 – Berechtigung\n\n(1) Berechtigt ist, wer zur Miete wohnt.\n\n(2) Berechtigt ist auch, wer Eigentum an der selbst genutzten Wohnung hat und dafür Raten zahlt.\n\n" +
			"# § 9 – Datenabgleich\n\n(1) Die Behörde gleicht Angaben über Eigentum, Raten und Renten mit der Rentenkasse ab.\n")},
	}
	ans := askRoot(t, root, "die wohnung ist unser eigentum, die raten laufen noch und mein mann ist in rente. darf ich den beispielzuschuss trotzdem beantragen")
	if len(ans.Sources) < 2 || ans.Sources[1].ID != "g/gesetz" || !strings.Contains(ans.Text, "wer Eigentum an der selbst genutzten Wohnung hat") || strings.Contains(ans.Text, "Rentenkasse") {
		t.Errorf("want the description, then the statute's rule on who may:\n%s", ans.Text)
	}
}

// A description that names a thing but states no value for the facet
// asked leaves the value to the statute, whose sentence follows.
func TestStatuteStatesTheValueTheDescriptionLeavesOut(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de}\nfolders:\n  - match: \"l/**\"\n    kind: service\n  - match: \"g/**\"\n    kind: law\n")},
		"l/schein.md": {Data: []byte("---\ntitle: Segelschein beantragen\n---\n" +
			"# Unterlagen\n\n- ein Sehtest\n- ein Lichtbild\n\n# Ablauf\n\nSie legen die Unterlagen beim Wasseramt vor.\n")},
		"g/verordnung.md": {Data: []byte("---\ntitle: Verordnung über die Zulassung zum Wassersport\n---\n" +
			"# § 5 – Sehtest\n\n(1) Die Bescheinigung über den Sehtest darf bei Antragstellung nicht älter als zwei Jahre sein.\n\n" +
			"# § 6 – Prüfung\n\n(1) Die Prüfung wird vor dem Wasseramt abgelegt.\n")},
	}
	ans := askRoot(t, root, "segelschein: mein sehtest ist von vor drei jahren, wie lange gilt der")
	if len(ans.Sources) < 2 || ans.Sources[0].ID != "l/schein" || ans.Sources[1].ID != "g/verordnung" {
		t.Fatalf("sources = %v, want the description, then the statute:\n%s", ans.Sources, ans.Text)
	}
	if !strings.Contains(ans.Text, "nicht älter als zwei Jahre") {
		t.Errorf("answer lacks the statute's period:\n%s", ans.Text)
	}
	// A question that asks for no value brings no statute.
	if ans := askRoot(t, root, "welche unterlagen brauche ich für den segelschein"); len(ans.Sources) != 1 {
		t.Errorf("sources = %v, want the description alone:\n%s", ans.Sources, ans.Text)
	}
}

// A description that states a value of the kind asked for one thing the
// question names ("der Kurs dauert einen Tag") but none for another (the
// Sehtest) still leaves the other's value to the statute.
func TestStatuteStatesTheValueOfTheOtherThingAsked(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de}\nfolders:\n  - match: \"l/**\"\n    kind: service\n  - match: \"g/**\"\n    kind: law\n")},
		"l/schein.md": {Data: []byte("---\ntitle: Segelschein beantragen\n---\n" +
			"# Ablauf\n\n1. Besuchen Sie einen Sicherheitskurs. Der Kurs dauert einen Tag.\n2. Machen Sie einen Sehtest beim Optiker.\n\n" +
			"# Unterlagen\n\n- ein Lichtbild\n")},
		"g/verordnung.md": {Data: []byte("---\ntitle: Segelschein-Verordnung\n---\n" +
			"# § 5 – Sehtest\n\n(1) Die Bescheinigung über den Sehtest darf bei Antragstellung nicht älter als zwei Jahre sein.\n\n" +
			"# § 6 – Gebühren\n\n(1) Die Gebühr wird bis zum 15. April eines Jahres fällig.\n")},
	}
	ans := askRoot(t, root, "segelschein: wie lang geht der kurs, und mein sehtest ist von vor drei jahren, gilt der noch")
	if len(ans.Sources) < 2 || ans.Sources[1].ID != "g/verordnung" || !strings.Contains(ans.Text, "nicht älter als zwei Jahre") {
		t.Fatalf("sources = %v, want the description, then the statute's period of the Sehtest:\n%s", ans.Sources, ans.Text)
	}
	if !strings.Contains(ans.Text, "Der Kurs dauert einen Tag") {
		t.Errorf("answer lacks the description's length of the course:\n%s", ans.Text)
	}
}

// In a hurry, what is issued provisionally or fast is quoted.
func TestUrgentQuotesWhatIsIssuedFast(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: service}\n")},
		"l/ausweis.md": {Data: []byte("---\ntitle: Beispielausweis beantragen\n---\n" +
			"Den Beispielausweis beantragen Sie im Bürgerbüro.\n\n" +
			"# Voraussetzungen\n\n- Sie wohnen in der Stadt.\n- Sie kommen persönlich.\n\n" +
			"# Unterlagen\n\n- ein aktuelles Foto\n- der bisherige Ausweis\n\n" +
			"# Bearbeitungsdauer\n\nDer reguläre Ausweis ist nach 4 Wochen fertig. Ein vorläufiger Ausweis wird sofort ausgestellt.\n")},
	}
	ans := askRoot(t, root, "ich fliege übermorgen und brauche einen beispielausweis, was kann ich machen")
	if !strings.Contains(ans.Text, "Ein vorläufiger Ausweis wird sofort ausgestellt") {
		t.Errorf("answer lacks what is issued at once:\n%s", ans.Text)
	}
}

// A document that states no amount answers "was kostet" with the sentence
// that speaks of the cost, not with one that only names the service.
func TestCostWithoutAmountQuotesWhatTheDocumentSays(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: service}\n")},
		"l/erlaubnis.md": {Data: []byte("---\ntitle: Beispielerlaubnis in der Stadt beantragen und erhalten\n---\n" +
			"# Was ist das?\n\nEine Beispielerlaubnis braucht, wer ein Beispielhaus baut oder ändert.\n\n" +
			"# Verfahren\n\n1. Reichen Sie die Pläne beim Bauamt ein.\n2. Zahlen Sie die Gebühren beim Bauamt. Die Kosten richten sich nach der Größe des Vorhabens.\n3. Warten Sie auf den Bescheid.\n")},
	}
	ans := askRoot(t, root, "was kostet eine beispielerlaubnis ungefähr")
	if !strings.Contains(ans.Text, "Die Kosten richten sich nach der Größe") {
		t.Errorf("answer lacks the sentence on the cost:\n%s", ans.Text)
	}
}

// A long message that goes on about the conversation's topic and that
// nothing answers is no out-of-scope question: the answer says nothing
// was found and offers a person.
func TestLongFollowUpNothingFoundIsInScope(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: service}\n")},
		"l/geld.md": {Data: []byte("---\ntitle: Beispielgeld beantragen\n---\n" +
			"Beispielgeld bekommen Familien mit kleinem Einkommen.\n\n# Kosten\n\nDer Antrag ist gebührenfrei.\n")},
	}
	kb, err := knowledge.Open(context.Background(), knowledge.Config{Roots: []knowledge.Root{{Name: "test", FS: root}}})
	if err != nil {
		t.Fatal(err)
	}
	a := mustBaseAssistant(t, kb)
	conv := &assistant.Conversation{ID: "f", Audience: knowledge.Citizen}
	for i, q := range []string{
		"wer bekommt beispielgeld",
		"mein bruder hat mit seiner karte danach noch das geld abgehoben, das nach seinem geburtstag kam, und jetzt fragt die bank nach, muss am ende er das zurückzahlen?",
	} {
		ans, err := a.Ask(context.Background(), conv, assistant.Message{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		if i == 1 && (ans.Intent == assistant.IntentOutOfScope || !ans.HandoffOffered) {
			t.Errorf("intent %s, handoff offered %v, want in scope with a person offered:\n%s", ans.Intent, ans.HandoffOffered, ans.Text)
		}
	}
}

// A request that names nothing yet is asked what it is about, not given a
// guess; the same words after a service ask about that service.
func TestVagueRequestIsAskedWhatFor(t *testing.T) {
	a := mustBaseAssistant(t, mustBase(t))
	for _, q := range []string{"ich möchte einen Antrag stellen", "ich habe eine frage", "ich brauche ein formular"} {
		ans := askCitizen(t, a, q)
		if len(ans.Sources) > 0 || !strings.Contains(ans.Text, "Worum geht es genau?") {
			t.Errorf("%q: want the question what it is about, got %v:\n%s", q, ans.Sources, ans.Text)
		}
	}
	conv := &assistant.Conversation{ID: "v", Audience: knowledge.Citizen}
	for _, q := range []string{"Was kostet ein Reisepass?", "und das formular?"} {
		ans, err := a.Ask(context.Background(), conv, assistant.Message{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(ans.Text, "Worum geht es genau?") {
			t.Errorf("%q after a service is asked what it is about:\n%s", q, ans.Text)
		}
	}
}

// A fee ordinance answers a fee question with the paragraph about what is
// asked, and an item of a list comes with the sentence that opens it.
func TestFeeOrdinanceQuotesTheParagraphAsked(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: law}\n")},
		"g/gebuehren.md": {Data: []byte("---\ntitle: Gebührenordnung für Beispielausweise\n---\n" +
			"# § 1 – Gebühren für Beispielausweise\n\n(1) Für einen Beispielausweis sind folgende Gebühren zu erheben:\n\n" +
			"1. 20 Euro für Personen, die noch nicht 18 Jahre alt sind,\n\n2. 40 Euro in allen anderen Fällen.\n\n" +
			"(2) Die Gebühr nach Absatz 1 ist anzuheben\n\n1. um 9 Euro bei Versand an die Wohnung,\n\n2. um 5 Euro für ein Foto der Behörde.\n\n" +
			"# § 2 – Gebühren für Berechtigungskarten\n\n(1) Für eine Berechtigungskarte ist eine Gebühr von 70 Euro zu erheben.\n\n" +
			"# § 3 – Gebühren für Bescheinigungen\n\n(1) Für eine Bescheinigung ist eine Gebühr von 12 Euro zu erheben.\n")},
	}
	ans := askRoot(t, root, "ich bin 16, was kostet der beispielausweis und was kommt beim versand an die wohnung dazu")
	for _, want := range []string{"20 Euro", "Die Gebühr nach Absatz 1 ist anzuheben", "um 9 Euro"} {
		if !strings.Contains(ans.Text, want) {
			t.Errorf("answer lacks %q:\n%s", want, ans.Text)
		}
	}
	for _, not := range []string{"70 Euro", "12 Euro"} {
		if strings.Contains(ans.Text, not) {
			t.Errorf("answer quotes another paragraph's fee %q:\n%s", not, ans.Text)
		}
	}
}

// A page that names no amount says so before what it does say; a page
// with the amount does not.
func TestCostNotStatedIsSaid(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: service}\n")},
		"l/urkunde.md": {Data: []byte("---\ntitle: Beispielurkunde beantragen\n---\n" +
			"# Was ist das?\n\nDie Beispielurkunde bestätigt eine Beispieltatsache.\n\n" +
			"# Unterlagen\n\n- Personalausweis\n- Antrag\n")},
		"l/ausweis.md": {Data: []byte("---\ntitle: Beispielausweis beantragen\n---\n" +
			"# Kosten\n\nDer Beispielausweis kostet 12,00 Euro.\n")},
	}
	ans := askRoot(t, root, "was kostet eine beispielurkunde")
	if !strings.Contains(ans.Text, "Zu „Kosten“ nennt die Quelle keine genaue Angabe.") {
		t.Errorf("answer does not say that no amount is stated:\n%s", ans.Text)
	}
	if ans := askRoot(t, root, "was kostet ein beispielausweis"); strings.Contains(ans.Text, "keine genaue Angabe") || !strings.Contains(ans.Text, "12,00 Euro") {
		t.Errorf("answer with the amount:\n%s", ans.Text)
	}
}

// A page that leaves the amounts to a bylaw it names is followed by the
// bylaw's passage with the amount.
func TestReferencedBylawStatesTheAmount(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de}\nfolders:\n  - match: \"l/**\"\n    kind: service\n  - match: \"s/**\"\n    kind: law\n")},
		"l/boot.md": {Data: []byte("---\ntitle: Bootsliegeplatz mieten\n---\n" +
			"# Was kostet das?\n\nDie Miete richtet sich nach der Länge des Boots. Alle Beträge stehen in der Liegeplatzsatzung.\n\n" +
			"# Wie beantrage ich das?\n\nFüllen Sie den Antrag aus und senden Sie ihn an den Hafen.\n")},
		"s/liegeplatz.md": {Data: []byte("---\ntitle: Liegeplatzsatzung der Stadt\n---\n" +
			"# § 1 Geltung\n\nDiese Satzung gilt für die Liegeplätze im Hafen.\n\n" +
			"# § 2 Gebühren\n\nDie Gebühr für einen Liegeplatz beträgt je Jahr 80 Euro für Boote bis 6 Meter und 140 Euro für längere Boote.\n")},
	}
	ans := askRoot(t, root, "was kostet die miete für einen bootsliegeplatz und wie beantrage ich den")
	if len(ans.Sources) < 2 || ans.Sources[0].ID != "l/boot" || ans.Sources[1].ID != "s/liegeplatz" || !strings.Contains(ans.Text, "80 Euro") {
		t.Errorf("sources %v, want the page, then the bylaw with the amount:\n%s", ans.Sources, ans.Text)
	}
}

// An amount the asker states is compared with the amounts of the page's
// rules, not answered with its fee table; a cost question still is.
func TestStatedAmountIsNoCostQuestion(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: service}\n")},
		"l/fund.md": {Data: []byte("---\ntitle: Beispielfunde abgeben\n---\n" +
			"# Ich habe etwas gefunden. Was muss ich tun?\n\nGeben Sie den Beispielfund im Amt ab. Beispielfunde mit einem Wert von weniger als 10 Euro müssen Sie nicht abgeben.\n\n" +
			"# Welche Gebühren fallen an?\n\n- Rückgabe bis 100 Euro Wert: 5,00 Euro\n- Rückgabe über 100 Euro Wert: 12,00 Euro\n")},
	}
	ans := askRoot(t, root, "hab einen beispielfund gefunden, da sind nur 5 euro drin, muss ich den echt abgeben")
	if !strings.Contains(ans.Text, "weniger als 10 Euro müssen Sie nicht abgeben") {
		t.Errorf("answer lacks the rule for small finds:\n%s", ans.Text)
	}
	if ans := askRoot(t, root, "was kostet die rückgabe eines beispielfunds"); !strings.Contains(ans.Text, "12,00 Euro") {
		t.Errorf("a cost question lacks the fee table:\n%s", ans.Text)
	}
}

// A question when something new begins, which the service page answers
// with no date, is followed by the notice's sentence that states it.
func TestNoticeAnnouncesWhenItBegins(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de}\nfolders:\n  - match: \"l/**\"\n    kind: service\n  - match: \"p/**\"\n    kind: notice\n")},
		"l/marke.md": {Data: []byte("---\ntitle: Beispielmarke tauschen\n---\n" +
			"# Wie tausche ich eine Beispielmarke?\n\nSie tauschen die Beispielmarke im Amt. Bringen Sie die alte Beispielmarke mit.\n\n" +
			"# Online\n\nEin Online-Dienst ist in Vorbereitung.\n")},
		"p/portal.md": {Data: []byte("---\ntitle: Neues Serviceportal der Stadt\n---\n" +
			"Der Rat hat das neue Serviceportal beschlossen.\n\nAb Montag, 4. Januar 2027, können Sie Beispielmarken online tauschen und Termine buchen.\n")},
	}
	ans := askRoot(t, root, "hab gehört man kann die beispielmarke bald online tauschen, ab wann geht das")
	if !strings.Contains(ans.Text, "4. Januar 2027") {
		t.Errorf("answer lacks the date the notice announces:\n%s", ans.Text)
	}
}

// "Darf ich …?" is answered by the sentence that says what is allowed or
// not ("nicht gestattet", "zulässig").
func TestPermissionQuestionQuotesWhatIsAllowed(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: law}\n")},
		"s/platz.md": {Data: []byte("---\ntitle: Beispielplatzordnung\n---\n" +
			"# § 2 Benutzung\n\n(1) Der Beispielplatz steht allen Besucherinnen und Besuchern von 8 bis 20 Uhr offen.\n\n" +
			"(2) Auf dem Beispielplatz ist das Mitbringen von Hunden nicht gestattet; Assistenzhunde sind ausgenommen.\n")},
	}
	ans := askRoot(t, root, "darf ich meinen hund mitbringen wenn ich den beispielplatz besuche")
	if !strings.Contains(ans.Text, "nicht gestattet") {
		t.Errorf("answer lacks what is not allowed:\n%s", ans.Text)
	}
}

// A question about a month to come ("ab Januar") is followed by the
// notice that announces what holds from then, with the list its sentence
// opens.
func TestNoticeForTheMonthAsked(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de}\nfolders:\n  - match: \"l/**\"\n    kind: service\n  - match: \"p/**\"\n    kind: notice\n")},
		"l/hof.md": {Data: []byte("---\ntitle: Beispielhof\n---\n" +
			"Am Beispielhof nehmen wir Grünschnitt an.\n\n# Öffnungszeiten\n\n- Dienstag: 9 bis 18 Uhr\n- Samstag: 9 bis 13 Uhr\n")},
		"p/hof-neu.md": {Data: []byte("---\ntitle: Beispielhof mit neuen Öffnungszeiten\n---\n" +
			"Beispielstadt, 3. Dezember 2026. Der Beispielhof bekommt neue Öffnungszeiten.\n\nAb Dienstag, 5. Januar 2027, gilt:\n\n- Dienstag: 7 bis 18 Uhr\n- Samstag: 8 bis 14 Uhr\n")},
	}
	ans := askRoot(t, root, "hat der beispielhof ab januar samstags länger auf")
	if !strings.Contains(ans.Text, "Samstag: 8 bis 14 Uhr") {
		t.Errorf("answer lacks what the notice announces for January:\n%s", ans.Text)
	}
}

// "Was passiert, wenn …" is answered by the sentence that states the
// sanction, wherever the page puts it, also when it is the last of two
// questions and written without its question mark.
func TestConsequenceQuestion(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: service}\n")},
		"l/beitrag.md": {Data: []byte("---\ntitle: Beispielbeitrag\n---\n" +
			"# Was ist das?\n\nDer Beispielbeitrag wird von jedem Haushalt gezahlt.\n\n" +
			"# Zahlung\n\nSie zahlen per Lastschrift oder Überweisung.\n\n" +
			"# Weitere Details\n\nWenn mehrere Personen in einem Haushalt leben, wird der Beitrag nur einmal gezahlt und unter allen geteilt, ganz gleich wie viele Geräte es gibt. " +
			"Wenn Sie umziehen, melden Sie Ihre neue Adresse selbst auf der Website des Beitragsservice und geben dabei Ihre Beitragsnummer an. " +
			"Wer den Beispielbeitrag nicht zahlt, begeht eine Ordnungswidrigkeit und muss mit einem Säumniszuschlag rechnen.\n")},
	}
	ans := askRoot(t, root, "wie kann man den beispielbeitrag bezahlen, geht lastschrift? und was passiert wenn man einfach nicht zahlt")
	if !strings.Contains(ans.Text, "Ordnungswidrigkeit") {
		t.Errorf("answer lacks the sanction:\n%s", ans.Text)
	}
}

// An article with a section per operating system answers from the one the
// asker names ("vom MacBook aus"), and "wo finde ich die Datei" is
// answered where the article says where a file is.
func TestArticlePlatformAndWhereAFileIs(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: employee, lang: de, kind: article}\n")},
		"it/beispielvpn.md": {Data: []byte("---\ntitle: BeispielVPN\n---\n" +
			"## VPN unter Windows einrichten\n\n1. Installieren Sie den Beispielclient aus dem Softwarecenter.\n2. Starten Sie den Client.\n\n" +
			"## VPN unter macOS einrichten\n\n1. Installieren Sie den Client mit `brew install beispielclient`.\n2. Öffnen Sie die Verbindung.\n\n" +
			"## Zertifikat\n\nDer Client fragt beim ersten Start nach einem Zertifikat.\nDas Zertifikat wird unter `/etc/beispiel/ca.crt` gefunden.\n")},
	}
	ans := askRootAs(t, root, knowledge.Employee, "ich will vom macbook aus ins beispielvpn, was muss ich dafür installieren")
	if !strings.Contains(ans.Text, "brew install beispielclient") || strings.Contains(ans.Text, "Softwarecenter") {
		t.Errorf("answer is not the macOS section:\n%s", ans.Text)
	}
	ans = askRootAs(t, root, knowledge.Employee, "der beispielclient will ein zertifikat, wo finde ich die datei")
	if !strings.Contains(ans.Text, "/etc/beispiel/ca.crt") {
		t.Errorf("answer lacks where the file is:\n%s", ans.Text)
	}
}

// A step of a troubleshooting list is quoted with the other steps (the
// asker may have tried the first already); a life event names a statute
// by its paragraph titles ("§ 4 Ruhezeiten" for how long an urn stays in
// its grave).
func TestTroubleshootingStepsAndParagraphTitles(t *testing.T) {
	it := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: employee, lang: de, kind: article}\n")},
		"it/beispielheadset.md": {Data: []byte("---\ntitle: Beispielheadset – Störungen\n---\n" +
			"## Ich werde nicht gehört\n\n1. Ist das Beispielheadset eingesteckt?\n2. Steht der Stummschalter auf aus?\n3. Wählen Sie das Beispielheadset in den Einstellungen aus.\n")},
	}
	ans := askRootAs(t, it, knowledge.Employee, "die leute hören mich nicht, beispielheadset ist eingesteckt, was kann ich noch probieren")
	if !strings.Contains(ans.Text, "Stummschalter") {
		t.Errorf("answer lacks the other steps:\n%s", ans.Text)
	}
	law := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: law}\n")},
		"s/friedhof.md": {Data: []byte("---\ntitle: Beispielfriedhofssatzung\n---\n" +
			"# § 1 Geltungsbereich\n\nDiese Satzung gilt für die Friedhöfe der Beispielstadt.\n\n" +
			"# § 4 Ruhezeiten\n\n(1) Die Ruhezeit beträgt 20 Jahre.\n(2) Die Ruhezeit für Aschen beträgt 15 Jahre.\n")},
	}
	ans = askRoot(t, law, "wie lange bleibt eine urne eigentlich im grab")
	if !strings.Contains(ans.Text, "15 Jahre") {
		t.Errorf("answer lacks the rest period:\n%s", ans.Text)
	}
}

// A holiday names the notice that the office is closed that day, but a
// trip over that holiday asks nothing of the town.
func TestHolidayAloneNamesNoService(t *testing.T) {
	kb := mustBase(t)
	a := mustBaseAssistant(t, kb)
	for q, want := range map[string]assistant.Intent{
		"wir wollen über silvester ein paar tage an die ostsee, wo ist es da schön": assistant.IntentOutOfScope,
		"hat das bürgerbüro an silvester geöffnet":                                  assistant.IntentServiceInfo,
	} {
		conv := &assistant.Conversation{ID: "t", Audience: knowledge.Citizen, Channel: "test"}
		ans, err := a.Ask(context.Background(), conv, assistant.Message{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		if ans.Intent != want {
			t.Errorf("%q: intent %s, want %s:\n%s", q, ans.Intent, want, ans.Text)
		}
	}
}

// A service any town offers, asked where the knowledge has no page for it,
// is in scope: nothing found and a person offered, not "out of scope".
func TestUsualServiceWithoutPageIsInScope(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: service}\n")},
		"l/hund.md":      {Data: []byte("---\ntitle: Hundesteuer\n---\nWer einen Hund hält, zahlt Hundesteuer.\n\n# Kosten\n\n96 Euro im Jahr.\n")},
	}
	for _, q := range []string{"was kostet eine beglaubigung bei euch", "wir wollen ein sommerfest veranstalten, was brauchen wir"} {
		if ans := askRoot(t, root, q); ans.Intent == assistant.IntentOutOfScope {
			t.Errorf("%q: out of scope, want nothing found and a person offered:\n%s", q, ans.Text)
		}
	}
}

// Which party to vote for is out of scope even though it names the
// postal vote's page: the administration is bound to be neutral.
func TestVotingAdviceIsOutOfScope(t *testing.T) {
	kb := mustBase(t)
	a := mustBaseAssistant(t, kb)
	conv := &assistant.Conversation{ID: "t", Audience: knowledge.Citizen, Channel: "test"}
	ans, err := a.Ask(context.Background(), conv, assistant.Message{Text: "welche partei soll ich bei der bundestagswahl per briefwahl wählen"})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Intent != assistant.IntentOutOfScope {
		t.Errorf("intent %s, want out of scope:\n%s", ans.Intent, ans.Text)
	}
}

// Of two notices that name the day asked, the one the question names
// follows the answer, not the first retrieved: "ins Rathaus am 15.
// Januar" gets the town hall's closing day, not a call whose deadline is
// that day.
func TestDatedNoticeTheQuestionNames(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml":    {Data: []byte("defaults: {audience: citizen, lang: de}\nfolders:\n  - match: \"l/**\"\n    kind: service\n  - match: \"n/**\"\n    kind: notice\n")},
		"l/ummelden.md":     {Data: []byte("---\ntitle: Ummeldung im Rathaus\n---\nSie melden Ihren Wohnsitz im Bürgerbüro im Rathaus um.\n\n# Öffnungszeiten\n\nMontag bis Freitag 8 bis 16 Uhr.\n")},
		"n/schoeffen.md":    {Data: []byte("---\ntitle: Schöffen gesucht\n---\nBewerbungen für das Schöffenamt nehmen wir bis zum 15. Januar 2027 nachmittags entgegen; wer dafür erst eine Ummeldung braucht, geht ins Bürgerbüro.\n")},
		"n/schliesstage.md": {Data: []byte("---\ntitle: Schließtage Rathaus\n---\nWegen der Personalversammlung ist das Rathaus am Freitag, 15. Januar 2027, ab 11:00 Uhr geschlossen.\n")},
	}
	ans := askRoot(t, root, "ich wollte am 15. januar nachmittags ins rathaus wegen einer ummeldung, geht das")
	if !strings.Contains(ans.Text, "ab 11:00 Uhr geschlossen") {
		t.Errorf("answer lacks the town hall's closing day:\n%s", ans.Text)
	}
}

// A long follow-up that first qualifies the previous answer ("bin aber
// grad auf Montage …") and then asks about it with a pronoun ("kann ich
// das von hier aus bezahlen") stays with the topic, and paying from
// wherever one is asks for the online service.
func TestLongFollowUpQualifiesThenRefers(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: service}\n")},
		"s/strafzettel.md": {Data: []byte("---\ntitle: Strafzettel bezahlen\n---\nFür Falschparken erhalten Sie einen Strafzettel der Stadtwache.\n\n" +
			"## Fristen\n\nZahlen Sie innerhalb von 2 Wochen.\n\n" +
			"## Kosten\n\n- Parken ohne Parkschein: 20,00 Euro\n\n" +
			"## Online-Dienst\n\nStrafzettel im Bürgerportal bezahlen: https://portal.example/strafzettel\n")},
		"s/hundemarke.md": {Data: []byte("---\ntitle: Hundemarke bestellen\n---\nJeder Hund braucht eine Marke.\n\n## Kosten\n\n- Marke: 5,00 Euro\n")},
	}
	a := mustMapAssistant(t, root)
	conv := &assistant.Conversation{ID: "s", Audience: knowledge.Citizen}
	for _, text := range []string{
		"hab n strafzettel gekriegt, parkschein war abgelaufen, bis wann muss ich das zahlen",
		"bin aber grad auf montage in kiel und komm vor übernächster woche nicht heim, kann ich das irgendwie von hier aus bezahlen",
	} {
		ans, err := a.Ask(context.Background(), conv, assistant.Message{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		if len(ans.Sources) == 0 || ans.Sources[0].ID != "s/strafzettel" {
			t.Fatalf("%q: want the parking ticket:\n%s", text, ans.Text)
		}
		if strings.HasPrefix(text, "bin aber") && !strings.Contains(ans.Text, "portal.example/strafzettel") {
			t.Errorf("paying from afar: want the online service:\n%s", ans.Text)
		}
	}
}

// Whoever wants a paper of the asker ("der Hort will ne
// Wohnsitzbescheinigung von uns sehen") is where it goes, not what is
// asked: the paper's page answers, not the requester's.
func TestRequesterNamesNoPage(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: service}\n")},
		"s/hortplatz.md": {Data: []byte("---\ntitle: Hort-Platz beantragen\nsynonyms: [Hort, Schulhort]\n---\nDen Platz im Hort für Schulkinder beantragen Sie beim Hortbüro. Der Hort betreut Kinder nach der Schule; der Hort will dafür Unterlagen von Ihnen sehen.\n\n" +
			"## Zuständige Stelle\n\nHortbüro, Am Anger 2. Wo Sie den Hort finden: Der Hort ist montags bis freitags offen.\n")},
		"s/wohnsitzbescheinigung.md": {Data: []byte("---\ntitle: Wohnsitzbescheinigung beantragen\n---\nDie Wohnsitzbescheinigung bestätigt Ihre Adresse.\n\n" +
			"## Zuständige Stelle\n\nEinwohnerbüro, Rathausplatz 1.\n")},
	}
	for _, q := range []string{
		"der hort will ne wohnsitzbescheinigung von uns sehen wo krieg ich die",
		"der hort verlangt eine wohnsitzbescheinigung, wo bekomme ich die",
	} {
		ans := askRoot(t, root, q)
		if len(ans.Sources) == 0 || ans.Sources[0].ID != "s/wohnsitzbescheinigung" || !strings.Contains(ans.Text, "Rathausplatz 1") {
			t.Errorf("%q: want the certificate's office:\n%s", q, ans.Text)
		}
	}
	if ans := askRoot(t, root, "wo ist das hortbüro"); len(ans.Sources) == 0 || ans.Sources[0].ID != "s/hortplatz" {
		t.Errorf("the after-school care asked itself: want its page:\n%s", ans.Text)
	}
}

// A message whose asking part holds an out-of-scope matter and names no
// page is out of scope, whatever page the story before it names: a move
// told before a question on income tax, a defect before paying less rent.
func TestOutOfScopeAskAfterAStory(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml":    {Data: []byte("defaults: {audience: citizen, lang: de, kind: service}\n")},
		"s/ummelden.md":     {Data: []byte("---\ntitle: Wohnung ummelden\nsynonyms: [Umzug, umziehen, umgezogen]\n---\nWer umzieht, meldet die neue Wohnung innerhalb von 2 Wochen an.\n\n## Kosten\n\nDie Ummeldung ist gebührenfrei.\n")},
		"s/mietzuschuss.md": {Data: []byte("---\ntitle: Mietzuschuss beantragen\n---\nDer Mietzuschuss hilft bei der Miete.\n\n## Voraussetzungen\n\nSie zahlen Miete für eine Wohnung in der Stadt.\n")},
		"s/umbau.md":        {Data: []byte("---\ntitle: Fahrzeugumbau eintragen\n---\nEine mit dem Knie betätigte Bremse oder ein Treppenlift im Bus wird eingetragen.\n")},
	}
	for _, tt := range []struct {
		q    string
		want assistant.Intent
	}{
		{"bin letztes jahr umgezogen und fahr jetzt 40 km zur arbeit, wie viel cent pro kilometer krieg ich da in der steuererklärung", assistant.IntentOutOfScope},
		{"seit dezember geht bei uns die heizung nicht. kann ich deswegen weniger miete überweisen, steht ja so nicht im mietvertrag", assistant.IntentOutOfScope},
		{"bin letztes jahr umgezogen, was kostet das ummelden", assistant.IntentServiceInfo},
		{"hab seit ner woche so ein stechen im knie wenn ich treppen steig. meniskus? was meint ihr", assistant.IntentOutOfScope},
	} {
		if ans := askRoot(t, root, tt.q); ans.Intent != tt.want {
			t.Errorf("%q: intent %s, want %s:\n%s", tt.q, ans.Intent, tt.want, ans.Text)
		}
	}
}

// A German page under a title in another language ("Foreign Driver's
// License Conversion Guide") is named by the distinctive words of its
// file name, as a German title would name it.
func TestForeignTitleNamedByFileName(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: service}\n")},
		"s/fuehrerschein-beantragen.md": {Data: []byte("---\ntitle: Führerschein beantragen\n---\nDen ersten Führerschein beantragen Sie bei der Führerscheinstelle.\n\n" +
			"## Unterlagen\n\n- Sehtest\n- Erste-Hilfe-Kurs\n")},
		"s/umtausch_eines_auslaendischen_fuehrerscheins.md": {Data: []byte("---\ntitle: 'Foreign Licence Swap Guide'\n---\nEin ausländischer Führerschein kann in einen deutschen getauscht werden.\n\n" +
			"## Unterlagen\n\n- Übersetzung durch einen anerkannten Übersetzer\n")},
	}
	ans := askRoot(t, root, "mein führerschein ist aus thailand, reicht für den umtausch die übersetzung von nem freund")
	if len(ans.Sources) == 0 || ans.Sources[0].ID != "s/umtausch_eines_auslaendischen_fuehrerscheins" {
		t.Errorf("want the swap guide:\n%s", ans.Text)
	}
}

// "Ab welchem Alter …" is answered from a statute's § titled with the age
// ("§ 4 – Mindestalter"), not from the § its facet's title names
// ("§ 3 – Voraussetzungen").
func TestAgeAskedFromTheAgeParagraph(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: law}\n")},
		"g/angeln.md": {Data: []byte("---\ntitle: Gesetz über den Beispielfischfang\n---\n" +
			"# § 3 – Voraussetzungen\n\nDer Fischereischein wird erteilt, wenn die Fischerprüfung bestanden ist und keine Versagungsgründe vorliegen.\n\n" +
			"# § 4 – Mindestalter\n\nDen Fischereischein erhält, wer das 14. Lebensjahr vollendet hat; den Jugendfischereischein ab 10 Jahren.\n\n" +
			"# § 5 – Gebühren\n\nDer Fischereischein kostet 20 Euro.\n")},
	}
	ans := askRoot(t, root, "ab welchem alter darf mein sohn den fischereischein machen")
	if !strings.Contains(ans.Text, "14. Lebensjahr") {
		t.Errorf("want the age paragraph:\n%s", ans.Text)
	}
}

// A word that is a page's one-word name as it stands ("Kinderreisepass")
// names that page, not also the page whose name it holds ("Reisepass").
func TestExactNameDoesNotNameItsPart(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: service}\n")},
		"s/angelschein.md": {Data: []byte("---\ntitle: Angelschein beantragen\n---\nMit dem Angelschein dürfen Sie an allen Seen angeln. Wer in den Urlaub fährt, braucht ihn am See.\n\n" +
			"## Bearbeitungsdauer\n\nDer Angelschein wird nach 3 Wochen zugeschickt.\n\n## Termin\n\nEin Termin ist erforderlich.\n")},
		"s/jugendangelschein.md": {Data: []byte("---\ntitle: Jugendangelschein beantragen\n---\nDer Jugendangelschein ist für Kinder bis 14 Jahre.\n\n" +
			"## Bearbeitungsdauer\n\nDer Jugendangelschein wird sofort während des Termins ausgestellt.\n")},
	}
	ans := askRoot(t, root, "der jugendangelschein unserer tochter ist abgelaufen und am samstag fahren wir in den urlaub an den see. haben wir den neuen rechtzeitig in der hand?")
	if len(ans.Sources) == 0 || ans.Sources[0].ID != "s/jugendangelschein" || !strings.Contains(ans.Text, "sofort während des Termins") {
		t.Errorf("want the youth licence at once:\n%s", ans.Text)
	}
}

// What a paper the asker names is needed for ("ein Führungszeugnis für die
// Jugendarbeit im Sportverein") is no evidence for a page the question
// does not name, however often that page says those words.
func TestPurposeNoEvidenceForUnnamedPage(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml":        {Data: []byte("defaults: {audience: citizen, lang: de, kind: service}\n")},
		"s/fuehrungszeugnis.md": {Data: []byte("---\ntitle: Führungszeugnis beantragen\n---\nDas Führungszeugnis beantragen Sie im Bürgerbüro.\n\n## Kosten\n\n13 Euro.\n")},
		"s/vereinsregister.md":  {Data: []byte("---\ntitle: Vereinsregister\n---\nJeder Sportverein und jeder Verein der Jugendarbeit wird eingetragen. Die Jugendarbeit im Sportverein meldet der Vorstand; ein Sportverein für Jugendarbeit braucht eine Satzung.\n")},
	}
	ans := askRoot(t, root, "ich brauch ein führungszeugnis für die jugendarbeit im sportverein")
	if len(ans.Sources) == 0 || ans.Sources[0].ID != "s/fuehrungszeugnis" {
		t.Errorf("want the certificate of conduct:\n%s", ans.Text)
	}
}

// A follow-up that points back ("was kostet das beim zweiten Mal", "muss
// ich da vorher noch was ausfüllen") stays with the topic when another
// service is named only aside ("nach dem Umzug", "außer meinem Ausweis");
// a message that asks about the other service itself ("ich brauche eher
// die Ummeldung, was kostet die") moves to it.
func TestFollowUpNamesAnotherOnlyAside(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: service}\n")},
		"s/grobmuell.md": {Data: []byte("---\ntitle: Grobmüllabfuhr bestellen\nsynonyms: [Grobmüll, Möbelabholung]\n---\nAlte Möbel holt der Bauhof ab, wenn Sie die Abfuhr bestellen.\n\n" +
			"## Kosten\n\n- erste Abfuhr im Jahr: kostenlos\n- jede weitere Abfuhr: 42,00 Euro\n\n" +
			"## Ablauf\n\nFüllen Sie vorher das Bestellblatt aus und legen Sie es am Termin vor.\n")},
		"s/ummeldung.md": {Data: []byte("---\ntitle: Ummeldung nach Umzug\nsynonyms: [Umzug, Ummeldung, Adresse ändern]\n---\nNach einem Umzug melden Sie die neue Adresse im Einwohnerbüro.\n\n" +
			"## Kosten\n\n- Ummeldung: 9,00 Euro\n\n" +
			"## Unterlagen\n\n- Ausweis\n- Bestätigung des Vermieters\n")},
	}
	a := mustMapAssistant(t, root)
	for _, tt := range []struct {
		dialog []string
		want   string // the last answer's first source
		text   string // a line it quotes
	}{
		{[]string{"wie bestelle ich die grobmüllabfuhr", "die erste abfuhr hatten wir schon im märz nach dem umzug. was kostet das dann beim zweiten mal"}, "s/grobmuell", "42,00 Euro"},
		{[]string{"wie bestelle ich die grobmüllabfuhr", "ja also äh wir haben dafür jetzt nen termin am montag, ähm, außer meinem ausweis, muss ich da vorher noch irgendwas ausfüllen"}, "s/grobmuell", "Bestellblatt"},
		{[]string{"wie bestelle ich die grobmüllabfuhr", "ich brauche aber eher erstmal die ummeldung, was kostet die"}, "s/ummeldung", "9,00 Euro"},
	} {
		ans := askDialog(t, a, tt.dialog...)
		if len(ans.Sources) == 0 || ans.Sources[0].ID != tt.want || !strings.Contains(ans.Text, tt.text) {
			t.Errorf("%q: want %s with %q:\n%s", tt.dialog[1], tt.want, tt.text, ans.Text)
		}
	}
}

// A citizen's home internet is the provider's matter, out of scope; the
// same words from an employee report an outage.
func TestHomeInternetIsOutOfScopeForCitizens(t *testing.T) {
	a := mustBaseAssistant(t, mustBase(t))
	for _, q := range []string{"mein internet geht seit freitag nicht mehr, der router blinkt rot. können sie einen techniker schicken", "ich habe seit drei tagen kein internet und kein festnetz, wo kann ich das melden"} {
		if ans := askCitizen(t, a, q); ans.Intent != assistant.IntentOutOfScope {
			t.Errorf("citizen %q: intent %v, want out of scope:\n%s", q, ans.Intent, ans.Text)
		}
	}
	ans, err := a.Ask(context.Background(), &assistant.Conversation{ID: "e", Audience: knowledge.Employee}, assistant.Message{Text: "im zweiten stock kein internet, der router blinkt rot"})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Intent == assistant.IntentOutOfScope {
		t.Errorf("employee: an outage taken for out of scope:\n%s", ans.Text)
	}
}

// Whether one must come in person or may do it some other way asks how
// it is handed in: the step that says "per Post" answers, not the step
// that only names the office.
func TestInPersonOrOtherwise(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: service}\n")},
		"g/aufgabe.md": {Data: []byte("---\ntitle: Geschäftsaufgabe melden\n---\n" +
			"Wer sein Geschäft aufgibt, meldet das Gewerbe ab.\n\n## Verfahren\n\n" +
			"1. Laden Sie das Formular von der Website Ihrer Stadt herunter. Es wird beim Ordnungsamt eingereicht.\n" +
			"2. Tragen Sie Ihre Daten und die Ihres Betriebs ein.\n" +
			"3. Senden Sie das ausgefüllte Formular per Post oder geben Sie es im Ordnungsamt ab.\n\n" +
			"## Kosten\n\nDie Abmeldung ist kostenlos.\n")},
	}
	for _, q := range []string{
		"ich mach meinen laden ende märz zu und muss das abmelden, muss ich da persönlich zum amt oder kann ich das auch irgendwie anders machen",
		"muss ich für die gewerbeabmeldung persönlich erscheinen",
	} {
		ans := askRoot(t, root, q)
		if !strings.Contains(ans.Text, "per Post") {
			t.Errorf("%q: answer lacks the step sent by post:\n%s", q, ans.Text)
		}
	}
}

// Forgetting to do something asks what follows: the sentence with the
// fine answers, not the whole page.
func TestForgettingAsksTheConsequence(t *testing.T) {
	ans := askCitizen(t, mustBaseAssistant(t, mustBase(t)), "was wenn ich vergesse mich umzumelden")
	if !strings.Contains(ans.Text, "Verwarnungsgeld") || strings.Contains(ans.Text, "Wohnungsgeberbestätigung") {
		t.Errorf("want the fine alone, got:\n%s", ans.Text)
	}
}

// A question for which office is responsible ("which registry office do
// I contact", "welches Standesamt", "who issues it") is answered by the
// sentence that names the office, not only by the office's address and
// hours.
func TestWhichOfficeQuotesTheResponsibleOne(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: service}\n")},
		"a/urkunde.md": {Data: []byte("---\ntitle: Geburtsurkunde beantragen\n---\n" +
			"# Geburtsurkunde beantragen\n\nEine Geburtsurkunde stellt das Standesamt aus, in dessen Bezirk die Geburt beurkundet wurde. Für Geburten in Beispielheim ist das Standesamt Beispielheim zuständig.\n\n" +
			"## Zuständige Stelle\n\n- Standesamt Beispielheim, Hauptstraße 3\n- Telefon: 0123 456-700\n- Öffnungszeiten: Montag bis Freitag 9:00 bis 12:00 Uhr\n\n" +
			"## Kosten\n\n- Geburtsurkunde: 12,00 Euro\n")},
	}
	for _, q := range []string{
		"I was born in Beispielheim but have lived in Dublin for years. Which registry office do I contact for my birth certificate, the one near my last address or the one in Beispielheim?",
		"welches standesamt ist für meine geburtsurkunde zuständig, ich wohne jetzt in hamburg",
	} {
		ans := askRoot(t, root, q)
		if !strings.Contains(ans.Text, "Für Geburten in Beispielheim ist das Standesamt Beispielheim zuständig") {
			t.Errorf("%q: answer lacks the sentence naming the responsible office:\n%s", q, ans.Text)
		}
	}
}

// Whether a thing may be had at two places ("kann ich bei beiden …
// stellen") is answered by the sentence about several, wherever the page
// puts it.
func TestSeveralAtOnceQuotesTheSentenceAboutSeveral(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: service}\n")},
		"a/auftrag.md": {Data: []byte("---\ntitle: Sparerauftrag einreichen\n---\n" +
			"## Was ist das?\n\nMit dem Sparerauftrag bleiben Zinsen bis zu einem Freibetrag steuerfrei.\n\n" +
			"## Vorgehensweise\n\n1. Fordern Sie bei Ihrer Bank das Formular für den Sparerauftrag an.\n2. Füllen Sie das Formular aus und senden Sie es an die Bank.\n\n" +
			"## Weitere Details\n\n- Der Sparerauftrag gilt für ein Kalenderjahr.\n- Die Summe aller Aufträge darf den Freibetrag nicht überschreiten, wenn Sie mehrere bei verschiedenen Banken einreichen.\n")},
	}
	ans := askRoot(t, root, "hab ein konto und ein depot bei einer anderen bank, kann ich bei beiden einen sparerauftrag stellen")
	if !strings.Contains(ans.Text, "wenn Sie mehrere bei verschiedenen Banken einreichen") {
		t.Errorf("answer lacks the sentence about several orders:\n%s", ans.Text)
	}
}

// Whether there is an exception to a duty ("gibt's da ne Ausnahme") is
// answered by the sentence on who may be exempted, before the facet's
// paragraph the question's other words point to.
func TestExceptionQuotesWhoIsExempt(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: law}\n")},
		"g/gesetz.md": {Data: []byte("---\ntitle: Gesetz über Mitgliedskarten\n---\n" +
			"# § 1 – Kartenpflicht\n\n(1) Jedes Mitglied muss eine gültige Mitgliedskarte besitzen.\n\n(3) Die Kartenstelle kann Personen von der Kartenpflicht befreien, die dauerhaft in einem Pflegeheim untergebracht sind.\n\n" +
			"# § 6 – Gültigkeitsdauer\n\n(1) Mitgliedskarten werden für eine Gültigkeitsdauer von zehn Jahren ausgestellt.\n")},
	}
	ans := askRoot(t, root, "mein vater ist im pflegeheim und seine mitgliedskarte ist abgelaufen. muss der überhaupt noch eine gültige haben oder gibt's da ne ausnahme?")
	if !strings.Contains(ans.Text, "von der Kartenpflicht befreien") {
		t.Errorf("answer lacks who may be exempted:\n%s", ans.Text)
	}
}

// An asker lost in the whole matter, with nothing asked that a page
// answers, is offered a person, not told the matter is out of scope; a
// question beside it is answered, with the offer.
func TestLostAskerIsOfferedAPerson(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de, kind: service}\n")},
		"l/pass.md": {Data: []byte("---\ntitle: Reisepass beantragen\n---\n" +
			"Den Reisepass beantragen Sie im Bürgerbüro.\n\n# Kosten\n\n- ab 24 Jahren: 70,00 Euro\n")},
	}
	kb, err := knowledge.Open(context.Background(), knowledge.Config{Roots: []knowledge.Root{{Name: "test", FS: root}}})
	if err != nil {
		t.Fatal(err)
	}
	a := mustBaseAssistant(t, kb)
	for q, want := range map[string]string{
		"ich verstehe das alles nicht, meine tochter sagt ich soll hier fragen, ich bin 84": "",
		"ich verstehe das alles nicht, was kostet ein reisepass?":                           "70,00 Euro",
	} {
		ans, err := a.Ask(context.Background(), &assistant.Conversation{ID: "l", Audience: knowledge.Citizen}, assistant.Message{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		if ans.Intent == assistant.IntentOutOfScope || !ans.HandoffOffered || !strings.Contains(ans.Text, want) {
			t.Errorf("%q: intent %s, handoff offered %v, want %q with a person offered:\n%s", q, ans.Intent, ans.HandoffOffered, want, ans.Text)
		}
	}
}

// TestActingForSomeone asks as a stand-in for another person: what the
// page says of a power of attorney answers first, and asking for someone
// is not acting for them.
func TestActingForSomeone(t *testing.T) {
	a := mustBaseAssistant(t, mustBase(t))
	tests := []struct {
		q, doc, first, absent string
	}{
		{q: "Pass meiner Tochter liegt zur Abholung bereit, sie arbeitet gerade in Singapur. Kann ich ihn abholen?", doc: "leistungen/reisepass", first: "mit Vollmacht"},
		{q: "Erstes Auto meiner Tochter, sie ist die ganze Woche in der Berufsschule. Darf ich es für sie zulassen?", doc: "leistungen/fahrzeug-zulassen", first: "Ausweis der bevollmächtigten Person"},
		{q: "mein vater liegt im krankenhaus, kann ich für ihn eine meldebescheinigung holen", doc: "leistungen/meldebescheinigung", first: "Vollmacht"},
		// Unable to come: what the page says of coming in person.
		{q: "Ich bin nicht mehr gut zu Fuß. Geht der Führerschein-Umtausch auch, ohne vorbeizukommen?", doc: "leistungen/fuehrerschein-umtauschen", first: "kommen Sie persönlich"},
		// Asking for a father-in-law: what he needs comes first, not who
		// must come.
		{q: "ich frage für meinen Schwiegervater: bekommt er den internationalen Führerschein mit seinem alten grauen Lappen?", doc: "leistungen/internationaler-fuehrerschein", absent: "Sie kommen persönlich"},
	}
	for _, tt := range tests {
		conv := &assistant.Conversation{ID: "proxy", Audience: knowledge.Citizen, Channel: "test"}
		ans, err := a.Ask(context.Background(), conv, assistant.Message{Text: tt.q})
		if err != nil {
			t.Fatal(err)
		}
		if len(ans.Sources) == 0 || ans.Sources[0].ID != tt.doc {
			t.Errorf("%q: cited %v, want %s\n%s", tt.q, sourceIDs(ans), tt.doc, ans.Text)
			continue
		}
		if tt.first != "" {
			// The line stands before any other section of the answer.
			i := strings.Index(ans.Text, tt.first)
			if i < 0 || strings.Contains(ans.Text[:i], "\n\n"+"Benötigte Unterlagen") || strings.Contains(ans.Text[:i], "Kosten:") {
				t.Errorf("%q: %q not first:\n%s", tt.q, tt.first, ans.Text)
			}
		}
		if tt.absent != "" && strings.Contains(ans.Text, tt.absent) {
			t.Errorf("%q: answer holds %q:\n%s", tt.q, tt.absent, ans.Text)
		}
	}
}

// TestCraftTrade opens a business of the crafts regulation in the words
// of the trade, verb first or last: the register of crafts is named.
func TestCraftTrade(t *testing.T) {
	a := mustBaseAssistant(t, mustBase(t))
	for _, q := range []string{
		"Ich bin Friseurmeisterin und eröffne einen eigenen Salon. Brauche ich noch etwas extra?",
		"mein mann ist elektriker und will sich selbstständig machen, was muss er anmelden",
	} {
		conv := &assistant.Conversation{ID: "craft", Audience: knowledge.Citizen, Channel: "test"}
		ans, err := a.Ask(context.Background(), conv, assistant.Message{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(ans.Sources) == 0 || ans.Sources[0].ID != "leistungen/gewerbeanmeldung" {
			t.Errorf("%q: cited %v, want leistungen/gewerbeanmeldung\n%s", q, sourceIDs(ans), ans.Text)
			continue
		}
		if !strings.Contains(ans.Text, "Handwerksrolle") {
			t.Errorf("%q: answer lacks the register of crafts:\n%s", q, ans.Text)
		}
	}
}

// TestSituationEssentials asks without naming a facet in a situation
// that tells which of the page's sections matters most: whether the asker
// may gets the conditions, an asker in a hurry the processing time.
func TestSituationEssentials(t *testing.T) {
	a := mustBaseAssistant(t, mustBase(t))
	for _, tt := range []struct{ q, doc, fact string }{
		{q: "ich fahr eigentlich immer das auto von meinem onkel, das ist aber auf ihn zugelassen. krieg ich trotzdem einen bewohnerparkausweis für das auto?", doc: "leistungen/bewohnerparkausweis", fact: "dauerhaft zur Nutzung überlassen"},
		{q: "mein reisepass ist abgelaufen und ich fliege übermorgen", doc: "leistungen/reisepass", fact: "vorläufiger Reisepass wird sofort ausgestellt"},
	} {
		conv := &assistant.Conversation{ID: "essentials", Audience: knowledge.Citizen, Channel: "test"}
		ans, err := a.Ask(context.Background(), conv, assistant.Message{Text: tt.q})
		if err != nil {
			t.Fatal(err)
		}
		if len(ans.Sources) == 0 || ans.Sources[0].ID != tt.doc {
			t.Errorf("%q: cited %v, want %s\n%s", tt.q, sourceIDs(ans), tt.doc, ans.Text)
			continue
		}
		if !strings.Contains(ans.Text, tt.fact) {
			t.Errorf("%q: answer lacks %q:\n%s", tt.q, tt.fact, ans.Text)
		}
	}
}
