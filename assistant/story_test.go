// SPDX-License-Identifier: EUPL-1.2

package assistant_test

import (
	"testing"
	"testing/fstest"

	"github.com/musterstadt/lotse/assistant"
)

// A long message tells a story around its question. A person reached
// (or not) on the phone before, and anger about it, belong to the story:
// the question is answered, and no person is offered on top of the
// disclosure's. A request for a person in the message's own sentences is
// still one.
func TestStoryAroundQuestion(t *testing.T) {
	a := mustBaseAssistant(t, mustBase(t))
	for _, tt := range []struct {
		name, text string
		intent     assistant.Intent
		offered    bool
	}{
		{"a person not reached, told", "Hallo,\n\nich versuche seit Dienstag, beim Ordnungsamt jemanden ans Telefon zu bekommen – immer besetzt. Wir ziehen Ende Januar um und brauchen eine Halteverbotszone. Muss ich für den Antrag persönlich mit Termin kommen?\n\nGruß\nMurat",
			assistant.IntentServiceInfo, false},
		{"anger about the story", "Hallo,\n\nich bin wirklich frustriert. Mein Reisepass läuft im März ab, und mir hat am Telefon jemand gesagt, dass ich im falschen Amt war. Niemand erklärt einem das vorher! Was kostet jetzt ein neuer Pass?\n\nGruß\nNina",
			assistant.IntentServiceInfo, false},
		{"a person asked for", "Sehr geehrte Damen und Herren,\n\nmeine Frau ist im August verstorben, und ich bin mit den Formularen überfordert. Ich möchte bitte mit einem Menschen sprechen. Gibt es jemanden, der mich zurückrufen kann?\n\nHochachtungsvoll\nHeinrich Vogt",
			assistant.IntentHuman, true},
	} {
		ans := askCitizen(t, a, tt.text)
		if ans.Intent != tt.intent || ans.HandoffOffered != tt.offered {
			t.Errorf("%s: intent %s, offered %t; want %s, %t\n%s", tt.name, ans.Intent, ans.HandoffOffered, tt.intent, tt.offered, ans.Text)
		}
	}
}

// A message that says it adds to the previous one ("Noch eine Ergänzung")
// continues its topic, however long the story it tells and whatever other
// page the story's words lead to.
func TestAddendumContinuesTopic(t *testing.T) {
	a := mustBaseAssistant(t, mustBase(t))
	ans := askDialog(t, a,
		"Ich habe gestern einen gebrauchten Golf von privat gekauft. Wie melde ich den auf mich um?",
		"Noch eine Ergänzung, das ist bei mir kompliziert: Ich arbeite im Schichtdienst bei der Feuerwehr, mal nachts, mal am Wochenende. "+
			"Die Papiere vom Verkäufer und die Versicherungsbestätigung habe ich schon, das Auto hat noch die alten Kennzeichen vom Vorbesitzer "+
			"und steht bei meinen Eltern in der Garage, weil ich selbst keinen Stellplatz habe. Kann ich einfach morgens nach dem Dienst vorbeikommen, oder brauche ich vorher einen Termin?")
	if len(ans.Sources) == 0 || ans.Sources[0].ID != "leistungen/fahrzeug-umschreiben" {
		t.Errorf("sources %v, want leistungen/fahrzeug-umschreiben first:\n%s", ans.Sources, ans.Text)
	}
}

// A guide's title says how it explains ("Abmeldung richtig durchführen"):
// "die richtige" in a question names no such guide.
func TestTitleFluffNamesNothing(t *testing.T) {
	a := mustMapAssistant(t, fstest.MapFS{
		"knowledge.yaml":            {Data: []byte("defaults: {audience: citizen, lang: de, kind: service}\n")},
		"g/steuerkarte.md":          mdPage("Lohnsteuerkarte: was, wer, Verfahren", "Verheiratete wählen ihre Steuerklasse gemeinsam beim Finanzamt. Verdient einer viel mehr als der andere, passt oft die Kombination III und V."),
		"g/geschaeftsaufloesung.md": mdPage("Geschäftsauflösung: Abmeldung richtig durchführen", "Wenn Sie Ihr Geschäft aufgeben, melden Sie das Gewerbe beim Gewerbeamt ab. Die Abmeldung ist kostenlos."),
	})
	ans := askCitizen(t, a, "wir heiraten im juni, welche steuerklasse ist die richtige wenn einer von uns fast alles verdient")
	for _, s := range ans.Sources {
		if s.ID == "g/geschaeftsaufloesung" {
			t.Errorf("the guide is cited for \"die richtige\": %v\n%s", ans.Sources, ans.Text)
		}
	}
	if len(ans.Sources) == 0 || ans.Sources[0].ID != "g/steuerkarte" {
		t.Errorf("sources %v, want g/steuerkarte first\n%s", ans.Sources, ans.Text)
	}
}
