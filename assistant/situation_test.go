// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"strings"
	"testing"
)

// TestProxyFor reads an asker acting for another person from "für" with
// a person and from that person's thing in the genitive, and not from
// asking for someone, a dative or a thing.
func TestProxyFor(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want bool
	}{
		{"Darf ich das Auto für meine Tochter zulassen?", true},
		{"kann ich das für meinen kumpel abholen", true},
		{"ich will für unsere kleine Nichte einen Pass beantragen", true},
		{"can I pick it up for my mother", true},
		{"Der Pass meiner Tochter liegt zur Abholung bereit. Kann ich ihn abholen?", true},
		{"das handy meines kollegen ist im fundbüro", true},
		// Asking for someone is not acting for them.
		{"ich frage für meinen Schwiegervater, der wenig Deutsch spricht", false},
		// A dative, not a genitive: the asker goes with the person.
		{"ich komme mit meiner Tochter zum Termin", false},
		{"ich habe meiner Mutter gesagt, dass sie kommen muss", false},
		// "für" a thing, not a person.
		{"was kostet ein Ausweis für meinen Hund", false},
		{"brauche ich einen Termin für meine Anmeldung", false},
	}
	for _, tt := range tests {
		if got := lx.proxyFor(words(tt.text)); got != tt.want {
			t.Errorf("proxyFor(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestLifeEventVerbFirst reads a life event with the verb before its
// object, as a German main clause puts it, and a separable verb split
// around it: "ich eröffne einen Salon", "wir geben den Kiosk auf".
func TestLifeEventVerbFirst(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, want string }{
		{"ich eröffne bald einen eigenen salon", "Gewerbe anmelden"},
		{"wir machen ein kleines café auf", "Gewerbe anmelden"},
		{"wir geben den kiosk zum jahresende auf", "Gewerbe abmelden"},
		{"wer holt meinen alten kühlschrank ab", "Sperrmüll"},
		{"wir verkaufen beim straßenfest bier", "Ausschank"},
		{"darf ich den baum im garten fällen", "Fällgenehmigung"},
	}
	for _, tt := range tests {
		if ev, _ := lx.lifeEvents(words(tt.text)); !strings.Contains(ev, tt.want) {
			t.Errorf("lifeEvents(%q) = %q, want %q in it", tt.text, ev, tt.want)
		}
	}
}

// TestAsksMayI reads a question whether the asker may or gets something
// from its opening verb and the asker right after it.
func TestAsksMayI(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want bool
	}{
		{"Das Auto ist auf meinen Vater zugelassen. Krieg ich trotzdem einen Ausweis?", true},
		{"ja also kann ich mich schon vor dem Einzug anmelden?", true},
		{"Dürfen wir die Schilder selbst aufstellen?", true},
		{"can i get a parking permit for a company car?", true},
		{"kann ich für das auto von meinem freund einen ausweis kriegen ich fahr es jeden tag", true},
		// The asker first, or no asker after the verb.
		{"Ich kann am Montag nicht kommen.", false},
		{"Kann das jemand anderes erledigen?", false},
		{"Was kostet ein Ausweis?", false},
	}
	for _, tt := range tests {
		if got := asksMayI(lx, tt.text); got != tt.want {
			t.Errorf("asksMayI(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestInPersonIsNoPersonAsked reads English "in person" as a way of
// coming, not as a person asked for.
func TestInPersonIsNoPersonAsked(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]bool{
		"I won't manage to go to the Bürgerbüro in person. I'd like to deregister by letter, what do I need?": false,
		"I would like to talk to a person, please":                                                            true,
		"can I speak to a person in person?":                                                                  true,
	} {
		if got := lx.signals(text).human; got != want {
			t.Errorf("signals(%q).human = %v, want %v", text, got, want)
		}
	}
}
