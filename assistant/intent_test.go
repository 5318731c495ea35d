// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"slices"
	"testing"

	"github.com/musterstadt/lotse/knowledge"
)

// TestIntents runs each utterance as the first turn of a fresh
// conversation over the fake base and checks the recognised intent.
func TestIntents(t *testing.T) {
	cit, emp := knowledge.Citizen, knowledge.Employee
	tests := []struct {
		text string
		aud  knowledge.Audience
		want Intent
	}{
		// Questions about services, German, written and phone style.
		{"Was kostet ein Reisepass?", cit, IntentServiceInfo},
		{"was kostet n perso", cit, IntentServiceInfo},
		{"pass kosten", cit, IntentServiceInfo},
		{"brauche ich einen persönlichen termin für den reisepass", cit, IntentServiceInfo},
		{"Welche Unterlagen brauche ich für den Personalausweis?", cit, IntentServiceInfo},
		{"wo kann ich mich ummelden", cit, IntentServiceInfo},
		{"Wie lange dauert ein Reisepass?", cit, IntentServiceInfo},
		{"sperrmüll online anmelden", cit, IntentServiceInfo},
		{"hundesteuer wie viel im jahr", cit, IntentServiceInfo},
		{"brauche ich einen termin für den reisepass", cit, IntentServiceInfo},
		{"im rathaus reagieren die kartenleser an den multifunktionsgeräten nicht mehr", emp, IntentITIncident},
		// How the office's consultation is arranged is asked of its page;
		// a consultation with a member of staff named asks for a person.
		{"meine mutter will sich vor dem antrag persönlich beraten lassen, geht das zu den öffnungszeiten oder braucht man einen termin", cit, IntentServiceInfo},
		{"ich möchte mich persönlich beraten lassen", cit, IntentHuman},
		{"wir möchten das lieber persönlich mit jemandem vom standesamt besprechen. wie bekommen wir dafür einen termin?", cit, IntentServiceInfo},
		{"kann ich einen termin für eine persönliche beratung mit einem mitarbeiter bekommen", cit, IntentHuman},
		{"Ich brauche einen neuen Reisepass.", cit, IntentServiceInfo},
		{"wie werd ich mein altes sofa los", cit, IntentServiceInfo},
		{"anwohnerparken preis", cit, IntentServiceInfo},
		{"Kann ich den Pass per Post bekommen?", cit, IntentServiceInfo},
		{"Ich möchte meinen Hund anmelden", cit, IntentServiceInfo},
		{"umzug innerhalb der stadt was muss ich tun", cit, IntentServiceInfo},
		{"Hallo, was kostet ein Reisepass?", cit, IntentServiceInfo},
		{"die online terminbuchung funktioniert nicht", cit, IntentServiceInfo},
		{"mein antrag von märz ist noch nicht bearbeitet", cit, IntentServiceInfo},
		{"wo bleibt mein reisepass", cit, IntentServiceInfo},
		{"kosten für einen pass für eine person", cit, IntentServiceInfo},
		// Other languages.
		{"How much does a passport cost?", cit, IntentServiceInfo},
		{"where do i register my dog", cit, IntentServiceInfo},
		{"Pasaport ücreti ne kadar?", cit, IntentServiceInfo},
		{"Ile kosztuje paszport?", cit, IntentServiceInfo},
		// Employees asking how to do something.
		{"Wie setze ich mein Passwort zurück?", emp, IntentServiceInfo},
		{"wie richte ich vpn ein", emp, IntentServiceInfo},
		// What the employee may do about a failure, asked in a sentence
		// of its own, and a rule the employee thinks met, ask what the
		// articles say; a request to the office to act reports.
		{"Zuhause ist mein WLAN seit gestern kaputt. Kann ich mich mit dem VPN auch über den Hotspot vom Diensthandy verbinden?", emp, IntentServiceInfo},
		{"passwort ist abgelaufen, das neue mit großbuchstabe, zahl und sonderzeichen wird trotzdem abgelehnt. mit sonderzeichen muss das doch reichen, ist das portal kaputt?", emp, IntentServiceInfo},
		{"Mein Drucker druckt seit heute früh nicht mehr. Könnt ihr den reparieren?", emp, IntentITIncident},
		{"hab aus versehen eine datei im teamordner gelöscht, ist die jetzt weg?", emp, IntentServiceInfo},
		{"mein headset geht nicht mehr, ich soll es tauschen lassen. reicht es wenn ich nur das headset mitbringe", emp, IntentServiceInfo},
		{"Mein Konto ist gesperrt. Wie lange dauert die Sperre?", emp, IntentServiceInfo},
		{"passwort vergessen was tun", emp, IntentServiceInfo},
		{"Wie verbinde ich mich im Homeoffice mit MusterVPN?", emp, IntentServiceInfo},
		// Whether something exists, or whether the asker broke it, asks
		// how things are, though it tells of a problem.
		{"nach dem job ist alles weg. gibts da irgendwo nen papierkorb oder ein backup", emp, IntentServiceInfo},
		{"mit meinem dienstkonto komm ich in outlook nicht rein, kommt jedes mal ein fehler. was mach ich falsch", emp, IntentServiceInfo},
		{"das vpn hängt seit gestern beim verbinden, ist bei euch was kaputt oder soll ich es neu einrichten", emp, IntentServiceInfo},
		{"die kollegen kommen nicht mehr ins vpn seit ich was umgestellt hab. hab ich was kaputt gemacht?", emp, IntentServiceInfo},
		{"Ein Bürger fragt: Was kostet ein Reisepass?", emp, IntentServiceInfo},
		// Employees reporting outages.
		{"Outlook geht seit heute morgen nicht", emp, IntentITIncident},
		{"vpn funktioniert nicht", emp, IntentITIncident},
		{"der drucker ist kaputt", emp, IntentITIncident},
		{"seit heute früh kommt keine bestätigung mehr aufs diensthandy, wenn wir uns ins vpn einwählen", emp, IntentITIncident},
		{"my laptop won't connect to the wifi in the town hall anymore", emp, IntentITIncident},
		{"Outlook keeps crashing since this morning", emp, IntentITIncident},
		// A device that does not boot, said the way people speak ("nich").
		{"mein laptop fährt nich mehr hoch bleibt beim logo hängen", emp, IntentITIncident},
		{"der rechner bootet nicht", emp, IntentITIncident},
		{"der kopierer zieht kein papier mehr ein, das display bleibt einfach dunkel", emp, IntentITIncident},
		{"mein headset rauscht und knackt seit gestern", emp, IntentITIncident},
		{"ich komm nicht ins fachverfahren, da kommt immer ein fehler", emp, IntentITIncident},
		{"mein bildschirm flackert die ganze zeit", emp, IntentITIncident},
		{"der drucker druckt nur leere seiten", emp, IntentITIncident},
		{"das telefon hat kein freizeichen", emp, IntentITIncident},
		{"ich kann keine mails verschicken", emp, IntentITIncident},
		{"excel friert ständig ein", emp, IntentITIncident},
		{"mein zweiter monitor wird nicht erkannt", emp, IntentITIncident},
		{"im verwaltungsgebäude ist seit heute morgen das dienst-wlan weg", emp, IntentITIncident},
		{"neustart hat nichts gebracht, der scanner taucht nicht auf", emp, IntentITIncident},
		{"die leute am telefon hören mich nicht, was kann ich probieren", emp, IntentServiceInfo},
		{"ich komm nicht mehr auf die skripte freigabe", emp, IntentITIncident},
		{"seit halb zehn kommt an keinem schalter mehr jemand mit der dienstkarte rein", emp, IntentITIncident},
		{"das fachverfahren lädt bei der ganzen abteilung nicht mehr", emp, IntentITIncident},
		{"mein mailprogramm schickt seit heute früh keine mails mehr raus", emp, IntentITIncident},
		{"ok dann mach bitte ein ticket", emp, IntentITIncident},
		{"can you open a ticket for this", emp, IntentITIncident},
		{"Störung im Netzwerk im 2. OG", emp, IntentITIncident},
		{"fehlermeldung beim starten von meldewerk", emp, IntentITIncident},
		{"das fachverfahren ist ausgefallen", emp, IntentITIncident},
		{"email is down", emp, IntentITIncident},
		{"my laptop is not working", emp, IntentITIncident},
		{"kein internet im rathaus seit 20 minuten", emp, IntentITIncident},
		{"Mein Laptop startet nicht mehr, nur schwarzer Bildschirm.", emp, IntentITIncident},
		{"VPN bricht seit gestern alle paar Minuten ab.", emp, IntentITIncident},
		{"Das Gruppenlaufwerk G: ist seit 10 Uhr weg.", emp, IntentITIncident},
		{"Im ganzen Standesamt funktionieren die Telefone nicht.", emp, IntentITIncident},
		{"Ich habe auf einen Link in einer Phishing-Mail geklickt!", emp, IntentITIncident},
		{"outlook stürzt ständig ab", emp, IntentITIncident},
		{"drucker druckt nicht", emp, IntentITIncident},
		// A report that asks how to do something, or what to do first,
		// asks for the how-to.
		{"ich versuch seit ner stunde das vpn einzurichten und es klappt nicht", emp, IntentServiceInfo},
		{"mein passwort geht nicht mehr, was mach ich jetzt als erstes", emp, IntentServiceInfo},
		// Where supplies come from, and whether to call someone, asked
		// with the report (session 20).
		{"der drucker im zimmer druckt nur noch streifen. ruf ich da bei der IT an oder wie kommt da neuer toner her", emp, IntentServiceInfo},
		// Ticket status.
		{"Wie ist der Stand von INC-1234?", cit, IntentTicketStatus},
		{"Status von REQ-2048 bitte", emp, IntentTicketStatus},
		{"stand von lot 12", cit, IntentTicketStatus},
		{"Ticket 4711 status", cit, IntentTicketStatus},
		{"was ist mit meinem ticket LOT-12", cit, IntentTicketStatus},
		{"INC-1234", emp, IntentTicketStatus},
		{"wie ist der stand meines tickets", cit, IntentTicketStatus},
		{"any news on my ticket INC-99?", emp, IntentTicketStatus},
		{"Gibt es schon was Neues zu meinem Ticket INC-0815?", emp, IntentTicketStatus},
		// Asking for a human.
		{"Ich möchte mit einem Menschen sprechen.", cit, IntentHuman},
		{"mitarbeiter", cit, IntentHuman},
		{"kann mich da mal wer vom einwohneramt zurückrufen? ich hab nächste woche keine zeit zum schreiben", cit, IntentHuman},
		{"könnt ihr mich morgen früh kurz anrufen wegen meinem antrag", cit, IntentHuman},
		{"Wohngeld vor 9 Wochen beantragt, immer noch kein Bescheid. könnt ihr mal nachschauen was da los ist??", cit, IntentHuman},
		{"können wir das am telefon klären, schreiben liegt mir nicht", cit, IntentHuman},
		{"ich hab mich durch alle seiten geklickt und finde meinen fall nirgends, das kann mir nur jemand sagen der sich mit sowas auskennt", cit, IntentHuman},
		{"ich würde das lieber telefonisch besprechen", cit, IntentHuman},
		{"kann ich bitte mit herrn berger vom bauamt direkt sprechen", cit, IntentHuman},
		{"das mit der erbschaft würde ich gern einmal mit jemandem vom amt durchsprechen", cit, IntentHuman},
		{"lieber gehe ich das mit jemandem in ruhe durch als hier zu tippen", cit, IntentHuman},
		{"wär gut, wenn das mal jemand mit mir durchgeht, der den bescheid vor sich hat", cit, IntentHuman},
		{"ich glaub, es wär gut, wenn sich das mal jemand anschaut, der meine akte sieht", cit, IntentHuman},
		{"anmeldung, steuer, kita, auto... wär schön wenn mal ein mensch von euch mit mir drüberschaut was ich alles machen muss", cit, IntentHuman},
		{"kann das mal jemand von ihnen mit mir durchgehen, ich blick bei den ganzen ämtern nicht durch", cit, IntentHuman},
		{"ich möchte bitte mit herrn meier vom bauamt sprechen", cit, IntentHuman},
		// "Is there someone who …", by phone.
		{"gibts da jemand, der das mit ihr am telefon in ruhe durchgeht", cit, IntentHuman},
		{"gibt es jemanden, der mich zurückruft", cit, IntentHuman},
		{"bibliotheksausweis gesperrt, rückrufbitte", cit, IntentHuman},
		// A call back asked of the office; another way to be reached.
		{"kan nich gut tipen. bite rufen sie mich heute nach 15 uhr an", cit, IntentHuman},
		{"Could someone from the office contact me by email instead?", cit, IntentHuman},
		{"ist da jemand, der mir weiterhelfen kann", cit, IntentHuman},
		{"kann ich einen Termin bei einem Sachbearbeiter bekommen", cit, IntentHuman},
		{"können Sie mich mit der Zuständigen verbinden", cit, IntentHuman},
		{"holen Sie bitte einen Kollegen dazu", cit, IntentHuman},
		{"kann mir ein Mitarbeiter eine Mail schreiben", cit, IntentHuman},
		// The asker complains; others' complaints are no request.
		{"bitte leiten sie meine anfrage an einen kollegen weiter", cit, IntentHuman},
		{"bir yetkiliyle görüşmek istiyorum", cit, IntentHuman},
		{"соедините меня, пожалуйста, с сотрудником", cit, IntentHuman},
		{"chcę porozmawiać z pracownikiem urzędu", cit, IntentHuman},
		{"какой телефон лучше купить", cit, IntentOutOfScope},
		{"ما هو أفضل مطعم في المدينة", cit, IntentOutOfScope},
		{"mit dir komm ich nicht weiter, ich brauch nen menschen", cit, IntentHuman},
		{"Ich möchte mich über die Behandlung im Bürgerbüro beschweren.", cit, IntentHuman},
		{"ich habe eine Beschwerde", cit, IntentHuman},
		{"wie stelle ich in outlook eine abwesenheitsnotiz ein, damit sich die leute nicht beschweren", emp, IntentServiceInfo},
		{"Ich hätte gerne ein Beratungsgespräch", cit, IntentHuman},
		{"das ist zu kompliziert für den Chat", cit, IntentHuman},
		{"Mit wem kann ich darüber reden?", cit, IntentHuman},
		{"Gibt es einen Ansprechpartner für mein Problem?", cit, IntentHuman},
		{"Ich hätte gern, dass sich jemand bei mir meldet", cit, IntentHuman},
		{"ich will mit der zuständigen stelle telefonieren", cit, IntentHuman},
		{"meine frau und ich sprechen wenig deutsch, gibt es das formular auf englisch", cit, IntentServiceInfo},
		{"kann ich das statt hier zu schreiben auch am schalter klären", cit, IntentHuman},
		{"welches handy ist im moment am besten", cit, IntentOutOfScope},
		{"ich hab seit drei tagen kopfschmerzen, was soll ich nehmen", cit, IntentOutOfScope},
		{"welches handy würden sie mir empfehlen, iphone oder samsung", cit, IntentOutOfScope},
		{"mein nachbar hat mir 500 euro geliehen und will sie jetzt doppelt zurück, darf der das", cit, IntentOutOfScope},
		{"mein schwager hat von mir geld für sein motorrad bekommen und zahlt es seit monaten nicht zurück, kann ich ihn anzeigen", cit, IntentOutOfScope},
		{"welcher fernseher ist am besten bis 500 euro", cit, IntentOutOfScope},
		{"welches e-bike ist gerade das beste für unter 2000 euro", cit, IntentOutOfScope},
		{"will mir privat einen neuen drucker fürs arbeitszimmer kaufen, bis 200 euro. was könnt ihr empfehlen?", cit, IntentOutOfScope},
		{"mein zug hatte gestern über zwei stunden verspätung, krieg ich was vom ticketpreis zurück", cit, IntentOutOfScope},
		{"welchen kinderwagen würdest du empfehlen, den von hauck oder den von joie?", cit, IntentOutOfScope},
		{"wo kann ich einen neuen fernseher am günstigsten kaufen", cit, IntentOutOfScope},
		{"my train was delayed by three hours, can i get money back", cit, IntentOutOfScope},
		{"Welcher Weg ist am besten, um den Pass zu beantragen?", cit, IntentServiceInfo},
		{"Mitarbeiter bitte", cit, IntentHuman},
		{"Kann ich bitte mit einer Mitarbeiterin oder einem Mitarbeiter reden?", cit, IntentHuman},
		{"Verbinden Sie mich mit einer echten Person!", cit, IntentHuman},
		{"ich will keinen bot ich will einen sachbearbeiter", cit, IntentHuman},
		{"I want to talk to a human, please.", cit, IntentHuman},
		{"agent", cit, IntentHuman},
		{"Bitte rufen Sie mich zurück, ich brauche eine persönliche Beratung.", cit, IntentHuman},
		{"Ich verstehe das alles nicht. Kann mir jemand persönlich helfen?", cit, IntentHuman},
		{"Ich möchte mich über die Behandlung im Bürgerbüro beschweren.", cit, IntentHuman},
		{"insan ile konuşmak istiyorum", cit, IntentHuman},
		{"chcę rozmawiać z człowiekiem", cit, IntentHuman},
		{"хочу поговорить с оператором", cit, IntentHuman},
		{"Ich brauche jemanden vom IT-Servicedesk, der sich das persönlich ansieht.", emp, IntentHuman},
		{"können sie mich bitte zurückrufen", cit, IntentHuman},
		{"ich will das nicht mit einem bot klären", cit, IntentHuman},
		{"ich hätte das lieber mit einem echten sachbearbeiter geklärt", cit, IntentHuman},
		{"gibt es eine telefonnummer wo ich jemanden erreiche", cit, IntentHuman},
		{"bitte leiten sie das an die zuständige stelle weiter", cit, IntentHuman},
		{"kann die zuständige person mich per email kontaktieren", cit, IntentHuman},
		{"mein anliegen ist kompliziert, das kann ich hier nicht erklären", cit, IntentHuman},
		{"ich hätte gern einen termin mit jemandem vom sozialamt", cit, IntentHuman},
		{"kann uns jemand zurückrufen wegen dem antrag", cit, IntentHuman},
		// Smalltalk.
		{"Hallo", cit, IntentSmalltalk},
		{"Guten Morgen!", cit, IntentSmalltalk},
		{"Danke, das hat mir geholfen!", cit, IntentSmalltalk},
		{"ah okay, ja, gut, danke", cit, IntentSmalltalk},
		{"ok danke hab termin gebucht", cit, IntentSmalltalk},
		{"danke, hab den antrag abgeschickt, wie lange dauert das jetzt", cit, IntentServiceInfo},
		{"Wer bist du eigentlich?", cit, IntentSmalltalk},
		{"Tschüss, schönen Tag noch", cit, IntentSmalltalk},
		{"thanks", cit, IntentSmalltalk},
		{"hello", cit, IntentSmalltalk},
		{"merhaba", cit, IntentSmalltalk},
		{"bist du ein bot", cit, IntentSmalltalk},
		{"ok danke", cit, IntentSmalltalk},
		// Out of scope.
		{"Wie wird das Wetter morgen in Musterstadt?", cit, IntentOutOfScope},
		{"Wer hat gestern das Bundesligaspiel gewonnen?", cit, IntentOutOfScope},
		{"Hast du ein gutes Rezept für Apfelkuchen?", cit, IntentOutOfScope},
		{"Welche Aktie soll ich jetzt kaufen?", cit, IntentOutOfScope},
		{"Schreib mir ein Gedicht über den Herbst.", cit, IntentOutOfScope},
		{"What is the best movie of 2025?", cit, IntentOutOfScope},
		{"erzähl mir einen witz", cit, IntentOutOfScope},
		{"wohin soll ich im sommer in den urlaub fahren", cit, IntentOutOfScope},
		{"Wie viel Unterhalt muss ich nach meiner Scheidung zahlen?", cit, IntentOutOfScope},
		{"who won the football game yesterday", cit, IntentOutOfScope},
		{"wer wird dieses jahr deutscher meister", cit, IntentOutOfScope},
		{"Welche Partei soll ich bei der Landtagswahl wählen?", cit, IntentOutOfScope},
		{"Schreib mir ein Python-Skript, das Webseiten herunterlädt.", cit, IntentOutOfScope},
		// Abuse.
		{"du bist ein idiot", cit, IntentAbuse},
		{"halt die fresse", cit, IntentAbuse},
		{"scheiss bot", cit, IntentAbuse},
		{"you are stupid", cit, IntentAbuse},
		{"arschloch", cit, IntentAbuse},
		{"du dummer bot, was kostet ein pass", cit, IntentAbuse},
	}
	if len(tests) < 90 {
		t.Fatalf("only %d utterances", len(tests))
	}
	a := mustAssistant(t, nil)
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			ans := mustAsk(t, a, newConv(tt.aud), tt.text)
			if ans.Intent != tt.want {
				t.Errorf("intent = %s, want %s; answer: %s", ans.Intent, tt.want, body(ans))
			}
		})
	}
}

// A report that asks for a quantity ("wie viel Platz hab ich") asks
// what the articles state, not for an incident intake; an application of
// "ours" that lies unanswered is the asker's own case.
func TestReportAskingAQuantity(t *testing.T) {
	a := mustAssistant(t, nil)
	s := a.lex.signals("mein postfach ist voll und ich kann nix mehr senden. wie viel platz hab ich da eigentlich")
	if in, ok := s.ruleIntent(knowledge.Employee); ok && in == IntentITIncident {
		t.Errorf("ruleIntent = %s, want the question answered", in)
	}
	s = a.lex.signals("senden geht nicht, was muss ich beim postausgangsserver einstellen")
	if in, ok := s.ruleIntent(knowledge.Employee); ok && in == IntentITIncident {
		t.Errorf("ruleIntent(settings asked) = %s, want the question answered", in)
	}
	if !a.lex.signals("unser antrag liegt seit fünf wochen bei euch und nix passiert, kann da mal jemand reinschauen").caseSpecific {
		t.Error("an application of ours lying unanswered is not the asker's own case")
	}
	for _, m := range []string{
		"hab vor drei wochen den pass beantragt und noch nix gehört",
		"bei meiner Ummeldung wurde mein Name falsch geschrieben",
		"mein neuer Ausweis ist immer noch nicht da obwohl die sms kam",
		"die stadt hat mir eine mahnung geschickt, aber ich hab doch längst bezahlt",
		"ich habe widerspruch eingelegt und seit zwei monaten keine antwort",
		"hab meine sperrmüllanmeldung abgeschickt aber keine bestätigung bekommen",
		"seit märz warte ich auf die bearbeitung meiner baugenehmigung",
		"ich hab einen bescheid über die hundesteuer bekommen obwohl mein hund schon tot ist",
	} {
		if !a.lex.signals(m).caseSpecific {
			t.Errorf("%q is not the asker's own case", m)
		}
	}
	if a.lex.signals("wann ist das verbucht, nicht dass da noch ne mahnung kommt").caseSpecific {
		t.Error("a reminder feared is taken for the asker's own case")
	}
	if a.lex.signals("steht auf dem ausweis die adresse").caseSpecific {
		t.Error("a question what a document shows is taken for the asker's own case")
	}
	if a.lex.signals("hab im mai wohngeld beantragt und noch nichts gehört, wie lange dauert das normalerweise").caseSpecific {
		t.Error("a question what is usual is taken for the asker's own case")
	}
}

// The pointer to an article without an address shows no empty "()".
func TestSelfHelpPointerWithoutAddress(t *testing.T) {
	f := "Vielleicht hilft Ihnen diese Anleitung: „%[1]s“ (%[2]s)"
	if got := selfHelpPointer(f, "E-Mail", ""); got != "Vielleicht hilft Ihnen diese Anleitung: „E-Mail“" {
		t.Errorf("got %q", got)
	}
	if got := selfHelpPointer(f, "E-Mail", "https://intranet.example/mail"); got != "Vielleicht hilft Ihnen diese Anleitung: „E-Mail“ (https://intranet.example/mail)" {
		t.Errorf("got %q", got)
	}
}

// TestOwnCaseSignals checks the signs of the asker's own case: still
// waiting, where it stands, already through; a letter that never came
// with a general question is no such sign.
func TestOwnCaseSignals(t *testing.T) {
	a := mustAssistant(t, nil)
	for text, want := range map[string]bool{
		"ich warte jetzt seit sechs wochen auf meinen neuen ausweis, ist der schon da": true,
		"hab im oktober wohngeld beantragt und bis heute keine antwort":                true,
		"wie ist der stand bei meiner baugenehmigung":                                  true,
		"ist meine ummeldung schon durch":                                              true,
		"I applied for a residence permit two months ago and heard nothing":            true,
		"die wahlbenachrichtigung kam nie an, kann ich trotzdem wählen":                false,
		"wie lange dauert es normalerweise bis der ausweis da ist":                     false,
	} {
		if got := a.lex.signals(text).caseSpecific; got != want {
			t.Errorf("signals(%q).caseSpecific = %v, want %v", text, got, want)
		}
	}
	if !a.lex.signals("kann ich mit ihrem vorgesetzten sprechen").human {
		t.Error("a superior asked for is no request for a person")
	}
}

// TestSpokenSignals checks signals of spoken and everyday German: a
// speaker correcting themselves is not frustrated, jokes others make are
// no request for a joke, and "welcher … ist besser" asks for a
// recommendation.
func TestSpokenSignals(t *testing.T) {
	a := mustAssistant(t, nil)
	if a.lex.signals("hat der recyclinghof am samstag, äh quatsch, am freitag offen").frustration {
		t.Error("a self-correction is taken for frustration")
	}
	if !a.lex.signals("so ein quatsch, das hilft mir nicht").frustration {
		t.Error("frustration not seen")
	}
	if a.lex.signals("halt, stimmt nicht, er war verheiratet mit meiner mutter. was ändert das?").frustration {
		t.Error("the asker taking back what they said is taken for frustration")
	}
	if !a.lex.signals("das stimmt nicht, die antwort ist falsch").frustration {
		t.Error("an answer called wrong is not seen as frustration")
	}
	if a.lex.signals("seit der schule machen alle witze über meinen nachnamen, was muss ich einreichen").outOfScope {
		t.Error("jokes about the asker's name are taken for a request for a joke")
	}
	if !a.lex.signals("erzähl mir einen witz").outOfScope {
		t.Error("a joke asked for is not out of scope")
	}
	if !a.lex.signals("welcher router ist besser, fritzbox oder telekom").outOfScope {
		t.Error("a product comparison is not out of scope")
	}
	if sit := a.lex.situationOf("ich geh mit unserer kleinen ins rathaus wegen nem pass", words("ich geh mit unserer kleinen ins rathaus wegen nem pass")); !sit.child {
		t.Error("\"unsere Kleine\" is no child")
	}
	if q := understandAs(a, knowledge.Citizen, "wir wollten unten am see übernachten"); slices.Contains(q.terms.content, "unt") || slices.Contains(q.terms.content, "unten") {
		t.Errorf("\"unten\" is a content word: %v", q.terms.content)
	}
	if !a.lex.signals("am see zelten, ist das überhaupt erlaubt").admin {
		t.Error("whether something is allowed is no question about rules")
	}
}

// What an employee may do about a problem, asked after telling it, is a
// how-to, and so is asking whether one must open a ticket; asking for one
// is an incident.
func TestHowToAfterAProblemIsNoIncident(t *testing.T) {
	lx := mustAssistant(t, nil).lex
	for text, want := range map[string]bool{
		"Am Kopierer im Erdgeschoss hängt ein Blatt fest, er druckt nicht mehr. Auf der Klappe steht Heiß. Kann ich da einfach reingreifen?": false,
		"Fehler 0x80004005 beim Speichern der Listen, eilt aber nicht. Reicht eine Mail an euch oder muss ich ein Ticket anlegen?":           false,
		"der scanner im bürgerbüro geht nicht mehr, bitte leg ein ticket an":                                                                 true,
	} {
		got, ok := lx.signals(text).ruleIntent(knowledge.Employee)
		if incident := ok && got == IntentITIncident; incident != want {
			t.Errorf("%q: rule intent %q (%v), want an incident: %v", text, got, ok, want)
		}
	}
}

// The asker's own file told in the story, and a question of its own
// matter after it, asks what the sources say; asked in the question
// itself, or with nothing of its own asked, it is the asker's file.
func TestCaseSpecificOnlyInTheStory(t *testing.T) {
	a := mustAssistant(t, nil)
	for text, want := range map[string]bool{
		"Mein Antrag auf Elterngeld liegt seit sechs Wochen beim Amt. Welche Unterlagen braucht man für den Kinderzuschlag?": false,
		"Ich habe schon eine Mahnung bekommen. Kann man die Hundesteuer auch vierteljährlich zahlen?":                        false,
		"Mein Antrag auf Elterngeld liegt seit sechs Wochen beim Amt. Wie weit ist mein Antrag?":                             true,
		"Mein Antrag liegt seit sechs Wochen beim Amt. Können Sie da mal nachschauen?":                                       true,
		"Mein Antrag liegt seit sechs Wochen beim Amt und nichts passiert.":                                                  true,
		"Ich habe mich vor drei Wochen arbeitslos gemeldet und noch keine Bestätigung bekommen. Ist das normal?":             false,
	} {
		if got := a.lex.signals(text).caseSpecific; got != want {
			t.Errorf("signals(%q).caseSpecific = %v, want %v", text, got, want)
		}
	}
}
