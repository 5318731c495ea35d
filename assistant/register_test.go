// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"testing"

	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/knowledge/german"
)

// registerCase is a question in everyday German, the word of it that the
// lexicon's [alternative] register leads on, and a sentence in the words
// of a statute or a guide that the word must meet.
type registerCase struct{ asked, word, unit string }

// checkRegister fails for every case whose word does not meet its unit.
func checkRegister(t *testing.T, cases []registerCase) {
	t.Helper()
	a := mustAssistant(t, nil)
	for _, tt := range cases {
		q := a.understand(&turn{conv: newConv(knowledge.Citizen), red: tt.asked, query: tt.asked, sig: a.lex.signals(tt.asked), lang: "de"})
		unit := map[string]bool{}
		for _, w := range words(tt.unit) {
			unit[stem(german.DropZuInfix(w))] = true
		}
		s := stem(words(tt.word)[0])
		if unit[s] {
			t.Fatalf("unit %q already has %q: the case tests nothing", tt.unit, tt.word)
		}
		if !q.terms.hit(unit, s) {
			t.Errorf("%q in %q does not meet %q (alternatives %v)", tt.word, tt.asked, tt.unit, q.terms.alts)
		}
	}
}

// Parents, step-parents and spouses as people name them meet the
// "Elternteil", the "Stiefeltern" and the "Ehegatte" of the rules;
// delivering a child meets the "Geburt".
func TestRegisterFamilyAndBirth(t *testing.T) {
	checkRegister(t, []registerCase{
		{"kann meine mama das für mich abholen", "mama", "Ein Elternteil kann die Unterlagen in Empfang nehmen."},
		{"mein stiefvater will mich adoptieren", "stiefvater", "Stiefeltern können das Kind des Ehegatten annehmen."},
		{"muss mein ehemann auch unterschreiben", "ehemann", "Der Ehegatte hat die Erklärung ebenfalls abzugeben."},
		{"darf ich das meinem mann mitgeben", "meinem", "Die Aushändigung an den Ehegatten ist zulässig."},
		{"ich habe letzte woche entbunden", "entbunden", "Die Geburt ist binnen einer Woche anzuzeigen."},
		{"ich bin schwanger und ziehe bald um", "schwanger", "Eine werdende Mutter kann die Erklärung schon vorher abgeben."},
	})
}

// Writing, paying and data in everyday words meet the words of rules: a
// mail is an electronic submission, a copy an "Abschrift", paying back a
// "Rückforderung", withdrawing money "verfügen", passing data on an
// "Übermittlung".
func TestRegisterWritingMoneyData(t *testing.T) {
	checkRegister(t, []registerCase{
		{"kann ich euch das auch mailen", "mailen", "Der Antrag kann elektronisch gestellt werden."},
		{"geht es auch wenn ich es faxen", "faxen", "Eine Übermittlung per Telefax genügt."},
		{"reicht eine kopie vom zeugnis", "kopie", "Eine beglaubigte Abschrift ist beizufügen."},
		{"wo muss ich unterschreiben", "unterschreiben", "Der Antrag ist eigenhändig zu unterzeichnen."},
		{"muss ich das geld zurückzahlen", "zurueckzahlen", "Zu Unrecht gezahlte Beträge unterliegen der Rückforderung."},
		{"ich habe danach noch geld abgehoben", "abgehoben", "Erstattungspflichtig ist, wer über den Betrag verfügungsberechtigt ist."},
		{"gibt es das für studenten billiger", "billiger", "Für Studierende gilt eine Ermäßigung von 50 Prozent."},
		{"dürfen die meine adresse weitergeben", "weitergeben", "Die Übermittlung an Parteien ist zulässig."},
		{"mein vermieter fragt bei euch nach wer hier wohnt", "vermieter", "Eine Auskunft an Dritte wird nur auf Antrag erteilt."},
		{"ich will keine werbung von parteien", "werbung", "Gegen die Übermittlung kann Widerspruch eingelegt werden."},
	})
}

// Where one lives and what the post brings, in everyday words, meet the
// words of rules: a second flat is a "Nebenwohnung", a torn envelope one
// "unbefugt geöffnet", the postman the "Zustellung".
func TestRegisterResidenceAndPost(t *testing.T) {
	checkRegister(t, []registerCase{
		{"ich hab noch eine zweitwohnung am see", "zweitwohnung", "Für eine Nebenwohnung gilt dieselbe Frist."},
		{"ich wohne in einer wg", "wg", "Bei einer Wohngemeinschaft bestätigt der Hauptmieter den Einzug."},
		{"der umschlag war aufgerissen als er ankam", "aufgerissen", "Wurde die Sendung unbefugt geöffnet, ist das Dokument zu melden."},
		{"der postbote hat es einfach in den flur gelegt", "postbote", "Die Zustellung gilt mit der Einlegung als bewirkt."},
		{"kann ich meine post nachschicken lassen", "nachschicken", "Eine Nachsendung ist bis zu zwölf Monaten möglich."},
	})
}

// Keeping, fetching, sending, showing, telling, losing and breaking, in
// everyday words, meet the words of guides and rules: a number plate
// that stays on is "behalten", fetching an "Aushändigung", sending in
// "postalisch übersandt", showing "vorlegen", telling "mitteilen", a lost
// pass "abhandengekommen", a broken card "beschädigt".
func TestRegisterKeepSendLose(t *testing.T) {
	checkRegister(t, []registerCase{
		{"darf das kennzeichen dranbleiben", "dranbleiben", "Sie können Ihr bisheriges Kennzeichen behalten."},
		{"wo kann ich den ausweis abholen", "abholen", "Die Aushändigung erfolgt persönlich."},
		{"kann ich das auch einschicken", "einschicken", "Der Antrag kann postalisch übersandt werden."},
		{"muss ich den ausweis zeigen", "zeigen", "Der Ausweis ist vorzulegen."},
		{"wem muss ich bescheid geben", "bescheid", "Die Änderung ist der Behörde mitzuteilen."},
		{"ich habe meinen pass verloren", "verloren", "Ist der Pass abhandengekommen, ist dies anzuzeigen."},
		{"meine karte ist kaputt", "kaputt", "Eine beschädigte Karte wird ersetzt."},
	})
}

// Making up for something, having a document made, calling something
// off and driving too fast, in everyday words, meet the words of rules:
// "nachträglich", "beantragen", "Widerruf", "Geschwindigkeitsüberschreitung".
func TestRegisterTimeAndRevoke(t *testing.T) {
	checkRegister(t, []registerCase{
		{"kann ich die anmeldung nachholen", "nachholen", "Die Anmeldung kann nachträglich erfolgen."},
		{"wo kann ich einen pass machen lassen", "machen", "Der Pass ist persönlich zu beantragen."},
		{"kann ich das rückgängig machen", "rueckgaengig", "Ein Widerruf ist innerhalb eines Monats möglich."},
		{"ich wurde geblitzt", "geblitzt", "Bei einer Geschwindigkeitsüberschreitung droht ein Bußgeld."},
	})
}

// Everyday nouns meet the nouns of rules: a "Bude" is a "Wohnung", the
// boss the "Arbeitgeber", a surname the "Familienname", a stamp a
// "Beglaubigung", noise a "Ruhestörung", a towed car an "Umsetzung".
func TestRegisterEverydayNouns(t *testing.T) {
	checkRegister(t, []registerCase{
		{"ich hab eine neue bude", "bude", "Die Wohnung ist binnen zwei Wochen anzumelden."},
		{"mein chef will das sehen", "chef", "Der Arbeitgeber kann die Vorlage verlangen."},
		{"ich will meinen nachnamen ändern", "nachnamen", "Der Familienname kann durch Erklärung geändert werden."},
		{"brauche ich einen stempel drauf", "stempel", "Eine Beglaubigung der Abschrift ist erforderlich."},
		{"der lärm nachts nervt", "laerm", "Eine Ruhestörung kann gemeldet werden."},
		{"mein auto wurde abgeschleppt", "abgeschleppt", "Die Kosten der Umsetzung trägt der Halter."},
	})
}
