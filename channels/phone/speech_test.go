// SPDX-License-Identifier: EUPL-1.2

package phone

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSpeakable(t *testing.T) {
	tests := []struct {
		name string
		in   string
		opts SpeechOptions
		want string
	}{
		{"amount whole", "Der Reisepass kostet 37,00 Euro.", SpeechOptions{}, "Der Reisepass kostet 37 Euro."},
		{"amount cents", "Die Gebühr beträgt 37,50 Euro.", SpeechOptions{}, "Die Gebühr beträgt 37 Euro 50."},
		{"amount euro sign", "Gebühr: 22,80 €", SpeechOptions{}, "Gebühr: 22 Euro 80."},
		{"amount prefix sign", "Gebühr: € 8,00", SpeechOptions{}, "Gebühr: 8 Euro."},
		{"amount thousands", "Kaution 1.250,00 EUR", SpeechOptions{}, "Kaution 1250 Euro."},
		{"amount cents only", "Pro Seite 0,50 Euro.", SpeechOptions{}, "Pro Seite 50 Cent."},
		{"amount dash", "Gebühr 10,- Euro", SpeechOptions{}, "Gebühr 10 Euro."},
		{"plain number kept", "Es gibt 37 Standorte und 2,5 Stellen.", SpeechOptions{}, "Es gibt 37 Standorte und 2,5 Stellen."},
		{"date short", "Geschlossen am 14.06.", SpeechOptions{}, "Geschlossen am 14. Juni."},
		{"date full", "Ab dem 14.06.2026 gilt das.", SpeechOptions{}, "Ab dem 14. Juni 2026 gilt das."},
		{"date unpadded with year", "Seit 1.7.2026 neu.", SpeechOptions{}, "Seit 1. Juli 2026 neu."},
		{"date english", "Closed on 24.12.2026.", SpeechOptions{Lang: "en"}, "Closed on 24 December 2026."},
		{"date iso", "Stand: 2026-03-05", SpeechOptions{}, "Stand: 5. März 2026."},
		{"section number kept", "Siehe Abschnitt 3.2. unten.", SpeechOptions{}, "Siehe Teil 3.2. unten."},
		{"cited section", "Zu „Reisepass beantragen“ steht in der Leistungsbeschreibung der Stadt (Abschnitt Kosten):", SpeechOptions{}, "Zu Reisepass beantragen steht in der Leistungsbeschreibung der Stadt zum Thema Kosten."},
		{"cited section english", "For “Passport”, the city's service description says (section “Costs”):", SpeechOptions{Lang: "en"}, "For Passport, the city's service description says about Costs."},
		{"in section", "Sie können einen Termin vereinbaren – wie, steht im Abschnitt „Termin“.", SpeechOptions{}, "Sie können einen Termin vereinbaren – wie, steht unter Termin."},
		{"aside in brackets", "ausgefülltes Anmeldeformular (online oder im Steueramt)", SpeechOptions{}, "ausgefülltes Anmeldeformular, online oder im Steueramt."},
		{"aside mid sentence", "Der Antrag (Vordruck A) kostet nichts.", SpeechOptions{}, "Der Antrag, Vordruck A, kostet nichts."},
		{"nested and square brackets", "Unterlagen [Pass (gültig)] mitbringen.", SpeechOptions{}, "Unterlagen, Pass, gültig, mitbringen."},
		{"impossible date kept", "Version 40.13.", SpeechOptions{}, "Version 40.13."},
		{"time", "Geöffnet ab 8:30 Uhr.", SpeechOptions{}, "Geöffnet ab 8 Uhr 30."},
		{"time full hour", "Bis 12:00 Uhr.", SpeechOptions{}, "Bis 12 Uhr."},
		{"time range", "Mo–Fr 8:30–12:00 Uhr", SpeechOptions{}, "Montag bis Freitag 8 Uhr 30 bis 12 Uhr."},
		{"time english kept", "Open 8:30 to 12:00.", SpeechOptions{Lang: "en"}, "Open 8:30 to 12:00."},
		{"ticket", "Ihre Vorgangsnummer: LOT-42.", SpeechOptions{}, "Ihre Vorgangsnummer: L O T, 4 2."},
		{"ticket long", "Nummer INC-1234", SpeechOptions{}, "Nummer I N C, 1 2 3 4."},
		{"ticket very long", "Nummer SD-1234567", SpeechOptions{}, "Nummer S D, 1 2 3, 4 5 6, 7."},
		{"phone", "Telefon 0123 456-100.", SpeechOptions{}, "Telefon 01 23, 4 56, 1 00."},
		{"phone international", "Rufen Sie +49 30 1234567 an.", SpeechOptions{}, "Rufen Sie plus 4 9, 30, 1 23 45 67 an."},
		{"phone area in parens", "Tel. (0301) 23456", SpeechOptions{}, "Tel. 03 01, 2 34 56."},
		{"url", "Online erledigen: https://www.musterstadt.example/leistungen/reisepass", SpeechOptions{}, "Online erledigen: auf der Internetseite der Stadt."},
		{"url www mid sentence", "Mehr unter www.musterstadt.example/a?b=1, dort steht alles.", SpeechOptions{}, "Mehr auf der Internetseite der Stadt, dort steht alles."},
		{"url configured", "Link: https://x.example/y", SpeechOptions{LinkText: "Den Link schicken wir Ihnen gern per SMS"}, "Link: Den Link schicken wir Ihnen gern per SMS."},
		{"url english", "See https://x.example/y.", SpeechOptions{Lang: "en"}, "See on the city's website."},
		{"url after hier", "Einen Termin vereinbaren Sie hier: https://termine.musterstadt.example", SpeechOptions{}, "Einen Termin vereinbaren Sie auf der Internetseite der Stadt."},
		{"email", "E-Mail: buergerbuero@musterstadt.example", SpeechOptions{}, "E-Mail: buergerbuero, ät-Zeichen, musterstadt Punkt example."},
		{"email dash", "Schreiben Sie an buerger-service@musterstadt.example.", SpeechOptions{}, "Schreiben Sie an buerger Bindestrich service, ät-Zeichen, musterstadt Punkt example."},
		{"email english", "Write to a.b@x.example.", SpeechOptions{Lang: "en"}, "Write to a dot b, at, x dot example."},
		{"markdown link", "Siehe [Formular](https://x.example/f).", SpeechOptions{}, "Siehe Formular."},
		{"markdown emphasis", "## Kosten\n**Wichtig:** bitte _nicht_ vergessen", SpeechOptions{}, "Kosten. Wichtig: bitte nicht vergessen."},
		{"bullets", "Unterlagen:\n- Personalausweis\n* Foto\n1. Antrag", SpeechOptions{}, "Unterlagen. Personalausweis. Foto. Antrag."},
		{"table", "| Leistung | Kosten |\n|---|---|\n| Pass | 37,00 Euro |", SpeechOptions{}, "Leistung, Kosten. Pass, 37 Euro."},
		{"quotes and markup", "Sagen Sie „Mitarbeiter“ <speak>&", SpeechOptions{}, "Sagen Sie Mitarbeiter speak und."},
		{"chat wording", "Wenn Sie lieber mit einem Menschen sprechen möchten, schreiben Sie „Mitarbeiter“.", SpeechOptions{}, "Wenn Sie lieber mit einem Menschen sprechen möchten, sagen Sie Mitarbeiter."},
		{"only markup", "---\n***\n> ", SpeechOptions{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Speakable(tt.in, tt.opts); got != tt.want {
				t.Errorf("Speakable(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"split", "Eins. Zwei! Drei? Vier", []string{"Eins.", "Zwei!", "Drei?", "Vier."}},
		{"ordinal date", "Am 14.06. ist zu. Danach offen.", []string{"Am 14. Juni ist zu.", "Danach offen."}},
		{"abbreviations", "Bringen Sie z. B. den Ausweis mit, bzw. den Pass. Fertig.", []string{"Bringen Sie z. B. den Ausweis mit, bzw. den Pass.", "Fertig."}},
		{"number ends sentence", "Ihre Nummer: LOT-42. Eine Mitarbeiterin meldet sich.", []string{"Ihre Nummer: L O T, 4 2.", "Eine Mitarbeiterin meldet sich."}},
		{"paragraphs", "Zu „Reisepass“ steht:\n\nDie Gebühr beträgt 37,00 Euro", []string{"Zu Reisepass steht.", "Die Gebühr beträgt 37 Euro."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Sentences(tt.in, SpeechOptions{})); diff != "" {
				t.Errorf("Sentences(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestSentencesHaveNoMarkup(t *testing.T) {
	in := "<Say>hi</Say> & <speak><break time='3s'/></speak> ]]> <![CDATA[x]]> <?xml?>"
	for _, s := range Sentences(in, SpeechOptions{}) {
		if strings.ContainsAny(s, "<>&") {
			t.Errorf("sentence %q contains markup characters", s)
		}
	}
}

func TestHints(t *testing.T) {
	long := strings.Repeat("Wort ", 30)
	tests := []struct {
		name string
		in   []string
		want string
	}{
		{"dedupe and trim", []string{" Reisepass ", "reisepass", "Personalausweis beantragen", ""}, "Reisepass, Personalausweis beantragen"},
		{"commas and punctuation", []string{"Wohnsitz an-, ab- oder ummelden", "Kfz: Zulassung"}, "Wohnsitz an- ab- oder ummelden, Kfz Zulassung"},
		{"long cut at word", []string{long}, strings.TrimSpace(strings.Repeat("Wort ", 20))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Hints(tt.in); got != tt.want {
				t.Errorf("Hints = %q, want %q", got, tt.want)
			}
		})
	}
	t.Run("at most 500", func(t *testing.T) {
		var many []string
		for i := range 700 {
			many = append(many, "Leistung "+strings.Repeat("x", i%50)+string(rune('a'+i%26))+string(rune('a'+i/26)))
		}
		got := HintList(many)
		if len(got) != maxHints {
			t.Fatalf("len = %d, want %d", len(got), maxHints)
		}
		for _, h := range got {
			if len([]rune(h)) > maxHintRunes {
				t.Errorf("hint %q longer than %d", h, maxHintRunes)
			}
		}
	})
}

func TestParts(t *testing.T) {
	P := ListPause
	tests := []struct {
		name string
		in   string
		opts SpeechOptions
		want []string
	}{
		{"four items read whole with count", "Zu „Reisepass beantragen“ steht in der Leistungsbeschreibung der Stadt (Abschnitt Kosten):\n\n- ab 24 Jahren: 70,00 Euro\n- unter 24 Jahren: 37,50 Euro\n- Express: 32,00 Euro\n- vorläufiger Reisepass: 26,00 Euro\n\nEinen Termin vereinbaren Sie hier: https://x.example/termine", SpeechOptions{}, []string{
			"Zu Reisepass beantragen steht in der Leistungsbeschreibung der Stadt zum Thema Kosten." + P + "Es gibt vier Punkte." + P + "Erstens: ab 24 Jahren: 70 Euro." + P + "Zweitens: unter 24 Jahren: 37 Euro 50." + P + "Drittens: Express: 32 Euro." + P + "Viertens: vorläufiger Reisepass: 26 Euro.",
			"Einen Termin vereinbaren Sie auf der Internetseite der Stadt.",
		}},
		{"lead without colon stays apart", "Das gilt.\n1. Antrag\n2. Foto", SpeechOptions{}, []string{"Das gilt.", "Es gibt zwei Punkte." + P + "Erstens: Antrag." + P + "Zweitens: Foto."}},
		{"one item", "Kosten:\n- 10 Euro", SpeechOptions{}, []string{"Kosten." + P + "10 Euro."}},
		{"seven items in two pieces", "- a\n- b\n- c\n- d\n- e\n- f\n- g", SpeechOptions{}, []string{
			"Es gibt sieben Punkte." + P + "Erstens: a." + P + "Zweitens: b." + P + "Drittens: c." + P + "Viertens: d." + P + "Fünftens: e.",
			"Sechstens: f." + P + "Siebtens: g.",
		}},
		{"english", "Costs:\n- first dog: 96 Euro\n- second dog: 144 Euro", SpeechOptions{Lang: "en"}, []string{"Costs." + P + "There are two points." + P + "First: first dog: 96 Euro." + P + "Second: second dog: 144 Euro."}},
		{"sentences", "Eins. Zwei!", SpeechOptions{}, []string{"Eins.", "Zwei!"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Parts(tt.in, tt.opts)); diff != "" {
				t.Errorf("Parts(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
	if got := SpokenText("a." + P + "b."); got != "a. b." {
		t.Errorf("SpokenText %q", got)
	}
}

// TestEmailWithEspeak reads a spoken e-mail address with espeak-ng (when
// installed) and checks its phonemes: the @ as "ät-Zeichen", not "at" as
// in "Atlas", and the dot as "Punkt".
func TestEmailWithEspeak(t *testing.T) {
	espeak, err := exec.LookPath("espeak-ng")
	if err != nil {
		t.Skip("espeak-ng not installed")
	}
	text := Speakable("Schreiben Sie an buergerbuero@musterstadt.example.", SpeechOptions{})
	out, err := exec.Command(espeak, "-q", "-x", "-v", "de", text).Output()
	if err != nil {
		t.Fatalf("espeak-ng: %v", err)
	}
	ph := string(out)
	t.Logf("%q → %s", text, ph)
	if !strings.Contains(ph, "'E:tts'aIC@n") || strings.Contains(ph, "'A:t") || !strings.Contains(ph, "p'UNkt") {
		t.Errorf("espeak-ng reads %q as %s", text, ph)
	}
}
