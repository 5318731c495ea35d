// SPDX-License-Identifier: EUPL-1.2

package assistant_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
)

// TestFrameNamesTheKindOfDocument checks that an answer announces its
// source by the document's kind, or by the label its knowledge root gives
// it, and never calls a statute or a citizen page an IT knowledge base.
func TestFrameNamesTheKindOfDocument(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de}\n" +
			"folders:\n  - match: \"satzungen/**\"\n    kind: law\n    label: Satzung der Gemeinde\n" +
			"  - match: \"presse/**\"\n    kind: notice\n    label: Amtsblatt der Gemeinde\n")},
		"gesetze/bspg.md": {Data: []byte("% Beispielgesetz (BspG)\n\n# § 1 – Geltungsbereich\n\nDas Gesetz gilt für Beispiele.\n\n" +
			"# § 2 – Gültigkeitsdauer\n\nEine Beispielurkunde ist zehn Jahre gültig.\n\n# § 3 – Gebühren\n\nDie Urkunde kostet 5 Euro.\n")},
		"satzungen/baumschutz.md": {Data: []byte("# Baumschutzsatzung\n\nWer einen geschützten Baum fällen will, braucht eine Fällgenehmigung.\n")},
		"presse/marktfest.md":     {Data: []byte("# Marktfest am Samstag\n\nDas Marktfest beginnt am Samstag um 10 Uhr auf dem Marktplatz.\n")},
		"info/spielplaetze.md":    {Data: []byte("# Spielplätze\n\nDie Spielplätze sind von 8 bis 20 Uhr geöffnet.\n")},
	}
	kb, err := knowledge.Open(context.Background(), knowledge.Config{Roots: []knowledge.Root{{Name: "t", FS: root}}})
	if err != nil {
		t.Fatal(err)
	}
	a := mustBaseAssistant(t, kb)
	tests := []struct{ q, frame string }{
		{"Wie lange ist die Beispielurkunde gültig?", "steht in der Rechtsvorschrift"},
		{"Darf ich einen Baum fällen?", "steht in der Satzung der Gemeinde"},
		// A label whose noun does not take "in der" follows the kind.
		{"Wann beginnt das Marktfest?", "steht in der Bekanntmachung aus „Amtsblatt der Gemeinde“"},
		{"Wann sind die Spielplätze geöffnet?", "steht in der Veröffentlichung"},
	}
	for _, tt := range tests {
		ans, err := a.Ask(context.Background(), &assistant.Conversation{ID: "k", Audience: knowledge.Citizen}, assistant.Message{Text: tt.q})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(ans.Text, tt.frame) || strings.Contains(ans.Text, "IT-Wissensdatenbank") {
			t.Errorf("%q: want %q in\n%s", tt.q, tt.frame, ans.Text)
		}
	}
}

// TestDatedNotice checks that a question naming a day is answered by the
// notice about that day, even when the notice shares none of the
// question's other words, and that a condition for the asker's age is
// quoted with the facet asked.
func TestDatedNotice(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de}\nfolders:\n  - match: \"aktuell/**\"\n    kind: notice\n")},
		"dienste/meldeamt.md": {Data: []byte("---\ntitle: Wohnsitz anmelden\n---\n# Wohnsitz anmelden\n\nSie melden Ihren Wohnsitz im Meldeamt an.\n\n" +
			"## Zuständige Stelle\n\n- Meldeamt Beispielheim, Hauptstraße 1\n- Öffnungszeiten: Montag bis Freitag 8:00 bis 12:00 Uhr\n\n" +
			"## Termin\n\nEin Termin ist erforderlich.\n")},
		"dienste/schwimmbad.md": {Data: []byte("---\ntitle: Schwimmkarte kaufen\n---\n# Schwimmkarte kaufen\n\nMit der Schwimmkarte baden Sie im Hallenbad.\n\n" +
			"## Voraussetzungen\n\n- Kinder unter 10 Jahren schwimmen nur mit einer erwachsenen Begleitperson.\n\n" +
			"## Kosten\n\n- Erwachsene: 4,00 Euro\n- Kinder bis 17 Jahre: 2,00 Euro\n")},
		"aktuell/betriebsausflug.md": {Data: []byte("# Verwaltung am 9. März geschlossen\n\nWegen des Betriebsausflugs bleiben alle Dienststellen am Montag, 9. März, zu. Vereinbarte Termine werden verlegt.\n")},
	}
	a := mustMapAssistant(t, root)
	ans := askCitizen(t, a, "hat das meldeamt am 9. märz offen, ich hab da eigentlich nen termin zum anmelden")
	if !slices.ContainsFunc(ans.Sources, func(s assistant.Source) bool { return s.ID == "aktuell/betriebsausflug" }) || !strings.Contains(ans.Text, "Betriebsausflug") {
		t.Errorf("sources = %v, want the notice of the day quoted\n%s", ans.Sources, ans.Text)
	}
	ans = askCitizen(t, a, "meine tochter ist 8, was kostet die schwimmkarte für sie")
	for _, want := range []string{"2,00 Euro", "Begleitperson"} {
		if !strings.Contains(ans.Text, want) {
			t.Errorf("answer lacks %q:\n%s", want, ans.Text)
		}
	}
}

// TestRelatedPageFAQ checks that an entry of a related page's questions
// and answers that asks the asker's very question is quoted too.
func TestRelatedPageFAQ(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de}\n")},
		"dienste/abmelden.md": {Data: []byte("---\ntitle: Wohnsitz abmelden\n---\n# Wohnsitz abmelden\n\nWer ins Ausland zieht, meldet sich beim Meldeamt ab.\n\n" +
			"## Kosten\n\nDie Abmeldung ist gebührenfrei.\n\n## Fristen\n\nMelden Sie sich innerhalb von zwei Wochen nach dem Auszug ab.\n")},
		"dienste/anmelden.md": {Data: []byte("---\ntitle: Wohnsitz anmelden\n---\n# Wohnsitz anmelden\n\nNach einem Umzug melden Sie sich beim Meldeamt an.\n\n" +
			"## Kosten\n\nDie Anmeldung ist gebührenfrei.\n\n## Fragen und Antworten\n\n**Muss ich mich am alten Wohnort abmelden?** Nein, die Anmeldung meldet Sie dort von selbst ab.\n")},
	}
	ans := askCitizen(t, mustMapAssistant(t, root), "muss ich mich am alten wohnort eigentlich abmelden wenn ich umziehe")
	if !strings.Contains(ans.Text, "von selbst ab") {
		t.Errorf("answer lacks the related page's entry:\n%s", ans.Text)
	}
}

// TestFacetPage checks that a page titled with what is asked ("Kontakt")
// becomes a candidate when none of the documents retrieved has a section
// for it; the choice then weighs it like any other.
func TestFacetPage(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml":   {Data: []byte("defaults: {audience: citizen, lang: de}\n")},
		"hilfe/kontakt.md": {Data: []byte("# Kontakt\n\n## Servicebüro\n\n- Telefon: 01234 5678\n- erreichbar Montag bis Freitag 9 bis 15 Uhr\n")},
	}
	for i := range 10 {
		// Pages that speak of the Servicebüro far more often than the
		// contact page does.
		root[fmt.Sprintf("hilfe/antrag-%d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("# Sondergenehmigung Nummer %d beantragen\n\n"+
			"Das Servicebüro nimmt Anträge der Art %d entgegen. Schreiben Sie dem Servicebüro, was Sie vorhaben; das Servicebüro antwortet schriftlich.\n", i, i))}
	}
	ans := askCitizen(t, mustMapAssistant(t, root), "wann kann ich das servicebüro anrufen")
	if !slices.ContainsFunc(ans.Choice, func(c assistant.ChoiceCandidate) bool { return c.DocID == "hilfe/kontakt" }) {
		t.Errorf("the contact page is no candidate: %v", ans.Choice)
	}
}

// TestPastedAddressIsNoAnswer checks that an address the asker pastes
// ("smb://…") says what they use: the table row that repeats it is not
// the answer to why it fails from home, the sentence about where the
// share can be reached is.
func TestPastedAddressIsNoAnswer(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: employee, lang: de}\n")},
		"it/freigaben.md": {Data: []byte("# Netzwerkfreigaben\n\n## Technische Angaben\n\n| Freigabe | Pfad |\n|---|---|\n" +
			"| Vorlagen | smb://fs01.intern.example/vorlagen |\n| Archiv | smb://fs02.intern.example/archiv |\n\n" +
			"## Unter Linux einbinden\n\nDu kannst die Freigaben nur im internen Netz erreichen. Von außerhalb verbinde dich zuerst über das VPN.\n\n" +
			"1. Öffne den Dateimanager.\n2. Gib den Pfad der Freigabe ein.\n")},
	}
	// Long enough that it is not quoted whole.
	var more strings.Builder
	for i := range 12 {
		fmt.Fprintf(&more, "\n## Hinweis %d\n\nDie Freigabe Nummer %d ist für die Ablage von Dokumenten der Abteilung %d gedacht. Bitte lege dort keine privaten Dateien ab und lösche alte Entwürfe regelmäßig, damit der Speicherplatz für alle reicht.\n", i, i, i)
	}
	root["it/freigaben.md"].Data = append(root["it/freigaben.md"].Data, more.String()...)
	a := mustMapAssistant(t, root)
	ans, err := a.Ask(context.Background(), &assistant.Conversation{ID: "c", Audience: knowledge.Employee},
		assistant.Message{Text: "zuhause krieg ich keine verbindung zu smb://fs01.intern.example/vorlagen, im büro ging das"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Text, "nur im internen Netz") || strings.Contains(ans.Text, "| Vorlagen |") {
		t.Errorf("answer lacks where the share can be reached, or repeats the asker's address:\n%s", ans.Text)
	}
}

// TestRenewalPage checks that a renewal ("läuft aus, kann ich ihn
// verlängern") is answered from the renewal's page rather than the first
// issue's, which shares its words, and that "wie läuft das ab" is no
// expiry.
func TestRenewalPage(t *testing.T) {
	page := func(title, body string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("# " + title + "\n\n" + body + "\n\n## Kosten\n\nDie Gebühr beträgt 30 Euro.\n\n## Online\n\nDen Antrag stellen Sie online im Serviceportal.\n")}
	}
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de}\n")},
		"leistungen/parkausweis-erstmalig.md": page("Parkausweis – erstmalige Ausstellung",
			"Anwohnende der Altstadt erhalten einen Parkausweis für ihre Zone. Er gilt ein Jahr; danach können Sie ihn verlängern. Für die Altstadt gilt Zone A."),
		"leistungen/parkausweis-verlaengerung.md": page("Parkausweis – Verlängerung",
			"Vor Ablauf können Sie Ihren Parkausweis um ein Jahr verlängern."),
	}
	a := mustMapAssistant(t, root)
	ans := askCitizen(t, a, "mein parkausweis für die altstadt läuft ende des monats aus, kann ich den einfach im internet verlängern")
	if len(ans.Sources) == 0 || ans.Sources[0].ID != "leistungen/parkausweis-verlaengerung" {
		t.Errorf("renewal answered from %v, want the renewal's page:\n%s", ans.Sources, ans.Text)
	}
	ans = askCitizen(t, a, "ich will zum ersten mal einen parkausweis für die altstadt, wie läuft das ab")
	if len(ans.Sources) == 0 || ans.Sources[0].ID != "leistungen/parkausweis-erstmalig" {
		t.Errorf("first issue answered from %v, want the first issue's page:\n%s\n%+v", ans.Sources, ans.Text, ans.Choice)
	}
}

// TestTitleNamedInsideAnotherWord checks that a title word the question
// holds only inside another word ("Zulassungsstelle" for "Fahrzeug
// zulassen") names the document less than the asker's own verb
// ("abmelden" for "Fahrzeug abmelden").
func TestTitleNamedInsideAnotherWord(t *testing.T) {
	a := mustBaseAssistant(t, mustBase(t))
	ans := askCitizen(t, a, "möchte mein altes auto abmelden, schaffe es aber unter der woche nicht zur zulassungsstelle. perso mit pin hab ich und den fahrzeugschein mit dem rubbelfeld auch. was brauch ich noch damit es übers internet geht")
	if len(ans.Sources) == 0 || ans.Sources[0].ID != "leistungen/fahrzeug-abmelden" {
		t.Errorf("answered from %v, want Fahrzeug abmelden:\n%s", ans.Sources, ans.Text)
	}
}

// TestCafeIsAGaststaette checks that a café someone opens meets the
// Gaststätte of trade law, and that the question after smalltalk asks
// what else it takes.
func TestCafeIsAGaststaette(t *testing.T) {
	ans := askCitizen(t, mustBaseAssistant(t, mustBase(t)), "na, auch schon im vorweihnachtsstress? wir eröffnen im frühjahr ein kleines café. kurze frage: reicht die gewerbeanmeldung oder brauch ich noch was")
	if !strings.Contains(ans.Text, "zusätzlich eine Erlaubnis") {
		t.Errorf("answer lacks the extra permit:\n%s", ans.Text)
	}
}

// TestHowTheAskerLearns checks that "wie erfahren wir, ob …" is answered
// by the sentence that says how the outcome reaches the asker.
func TestHowTheAskerLearns(t *testing.T) {
	a := mustBaseAssistant(t, mustBase(t))
	// Also in a learner's word order: "wann ich bekomme antwort".
	for _, q := range []string{"unsere tochter ist im kita-portal angemeldet. wie erfahren wir ob sie einen platz bekommt", "ich habe kita platz im internet angemeldet, wann ich bekomme antwort ja oder nein"} {
		ans := askCitizen(t, a, q)
		if !strings.Contains(ans.Text, "Absage per E-Mail") {
			t.Errorf("%q: answer lacks how the outcome is sent:\n%s", q, ans.Text)
		}
	}
}

// TestEverydayNamesOfLevies checks that "Kurtaxe" meets the "Kurabgabe" of
// a bylaw, and that the duty question is answered by who is exempt.
func TestEverydayNamesOfLevies(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen, lang: de}\n")},
		"ortsrecht/kurabgabe.md": {Data: []byte("# Satzung über die Erhebung einer Kurabgabe\n\n## § 3 Höhe der Kurabgabe\n\n(1) Die Kurabgabe beträgt je Person und Tag 3,00 Euro.\n\n" +
			"## § 4 Befreiungen\n\n(1) Von der Kurabgabe befreit sind\n\n1. Kinder bis zum vollendeten 16. Lebensjahr,\n2. Verwandte ersten Grades, die unentgeltlich bei Einwohnern wohnen.\n\n" +
			"## § 5 Fälligkeit\n\n(1) Die Kurabgabe ist bei der Ankunft fällig. Sie wird von den Vermietern erhoben und abgeführt.\n")},
	}
	ans := askCitizen(t, mustMapAssistant(t, root), "meine eltern kommen zwei wochen zu besuch und schlafen bei uns im gästezimmer, müssen die die kurtaxe zahlen")
	if !strings.Contains(ans.Text, "Verwandte ersten Grades") {
		t.Errorf("answer lacks who is exempt:\n%s", ans.Text)
	}
}

// TestAmountReceivedIsNoFee checks that "wie viel Wohngeld bekomme ich"
// is not answered with the application's fee, nor with another page's
// fees: the answer says the source names no amount.
func TestAmountReceivedIsNoFee(t *testing.T) {
	ans := askCitizen(t, mustBaseAssistant(t, mustBase(t)), "wie viel wohngeld bekomme ich")
	if !strings.Contains(ans.Text, "Höhe der Leistung") || strings.Contains(ans.Text, "Kosten“") || strings.Contains(ans.Text, "37,00 Euro") {
		t.Errorf("answer:\n%s", ans.Text)
	}
	if len(ans.Sources) != 1 || ans.Sources[0].ID != "leistungen/wohngeld" {
		t.Errorf("sources = %v", ans.Sources)
	}
}

// TestWhetherTheOfficeTellsOthers checks that "muss ich dem Finanzamt noch
// extra Bescheid sagen" is answered by whom the office informs itself.
func TestWhetherTheOfficeTellsOthers(t *testing.T) {
	ans := askCitizen(t, mustBaseAssistant(t, mustBase(t)), "ich mache mich mit einem kleinen gartenbetrieb selbstständig und melde das gewerbe bei ihnen an, das ist klar, aber muss ich dem finanzamt noch extra bescheid sagen")
	if !strings.Contains(ans.Text, "informiert unter anderem das Finanzamt") {
		t.Errorf("answer lacks whom the office informs:\n%s", ans.Text)
	}
}
