// SPDX-License-Identifier: EUPL-1.2

package assistant

import "testing"

func TestExtractSlots(t *testing.T) {
	x := newSlotExtractor()
	tests := []struct {
		text string
		want extracted
	}{
		{"seit 8 Uhr", extracted{since: "seit 8 Uhr"}},
		{"Seit heute Morgen geht nichts", extracted{since: "Seit heute Morgen", symptom: true}},
		{"seit ca. 7:30 Uhr", extracted{since: "seit ca. 7:30 Uhr"}},
		{"seit zwei Tagen", extracted{since: "seit zwei Tagen"}},
		{"seit elf uhr", extracted{since: "seit elf uhr"}},
		{"ab halb neun Uhr", extracted{since: "ab halb neun Uhr"}},
		{"hängt seit halb neun", extracted{since: "seit halb neun", symptom: true}},
		{"bei mir und bei der Kollegin am Nachbarplatz", extracted{othersAffected: AffectedSome}},
		{"bei beiden Kolleginnen im Standesamt", extracted{othersAffected: AffectedSome}},
		{"ab viertel nach 8 geht nichts", extracted{since: "ab viertel nach 8", symptom: true}},
		{"seit dreiviertel zehn", extracted{since: "seit dreiviertel zehn"}},
		{"alle in der Schillerstraße 12", extracted{location: "Schillerstraße 12", othersAffected: AffectedAll}},
		{"betrifft alle plätze im zweiten stock", extracted{location: "zweiten stock", othersAffected: AffectedAll}},
		{"seit Montag früh", extracted{since: "seit Montag früh"}},
		{"gerade eben", extracted{since: "gerade eben"}},
		{"vor 10 Minuten", extracted{since: "vor 10 Minuten"}},
		{"since yesterday", extracted{since: "since yesterday"}},
		{"two hours ago", extracted{since: "two hours ago"}},
		{"Raum 2.14", extracted{location: "Raum 2.14"}},
		{"ich sitze in Zimmer 114a", extracted{location: "Zimmer 114a"}},
		{"im Homeoffice", extracted{location: "Homeoffice"}},
		{"von zu Hause", extracted{location: "Homeoffice"}},
		{"im Rathaus, 3. OG", extracted{location: "im Rathaus, 3. OG"}},
		{"die ganze Abteilung", extracted{othersAffected: AffectedAll}},
		{"alle Kollegen im Flur", extracted{othersAffected: AffectedAll}},
		{"niemand im Haus kann drucken", extracted{othersAffected: AffectedAll}},
		{"überall", extracted{othersAffected: AffectedAll}},
		// How others work says nothing of the asker; how the asker and
		// others work does.
		{"die kollegen vor ort können normal arbeiten", extracted{}},
		{"im homeoffice, die kollegen im rathaus können arbeiten", extracted{location: "Homeoffice"}},
		{"ich und die kollegen können nicht arbeiten", extracted{othersAffected: AffectedSome, canWork: CanWorkNo, symptom: true}},
		{"wir sind sieben leute, keiner kommt rein", extracted{othersAffected: AffectedSome, canWork: CanWorkNo}},
		{"betroffen ist das ganze bauamt, niemand kommt an seine ausdrucke", extracted{othersAffected: AffectedAll, canWork: CanWorkNo}},
		{"mehrere Kollegen", extracted{othersAffected: AffectedSome}},
		// The others go elsewhere to print: they are affected, and the
		// asker manages somehow.
		{"die andern auf dem flur drucken jetzt woanders, geht also irgendwie", extracted{othersAffected: AffectedSome, canWork: CanWorkPartly}},
		{"bei den kolleginnen im flur auch, nicht nur bei mir", extracted{othersAffected: AffectedSome}},
		{"bei den Kollegen geht es auch nicht", extracted{othersAffected: AffectedSome, symptom: true}},
		{"nur ich", extracted{othersAffected: AffectedNo}},
		{"bei den Kollegen geht es", extracted{othersAffected: AffectedNo}},
		{"sonst niemand", extracted{othersAffected: AffectedNo}},
		{"ich kann gar nicht arbeiten", extracted{canWork: CanWorkNo, symptom: true}},
		{"alle sechs schalter", extracted{othersAffected: AffectedAll}},
		{"wir können seit 8 Uhr nicht arbeiten", extracted{since: "seit 8 Uhr", canWork: CanWorkNo, symptom: true}},
		{"nur eingeschränkt", extracted{canWork: CanWorkPartly}},
		{"wir können erstmal kopieren", extracted{canWork: CanWorkPartly}},
		{"ich kann aber weiterarbeiten", extracted{canWork: CanWorkYes}},
		{"nicht dringend", extracted{canWork: CanWorkYes}},
		{"I cannot work", extracted{canWork: CanWorkNo, symptom: true}},
		{"whole department", extracted{othersAffected: AffectedAll}},
		{"betrifft den ganzen zweiten Stock, bestimmt zwanzig Leute", extracted{location: "zweiten Stock", othersAffected: AffectedAll}},
		{"zwanzig Kollegen", extracted{othersAffected: AffectedAll}},
		{"vier Kollegen", extracted{othersAffected: AffectedSome}},
		{"mit Kabel geht es an den Plätzen", extracted{canWork: CanWorkPartly}},
		{"im Verwaltungsgebäude Schillerstraße", extracted{location: "im Verwaltungsgebäude Schillerstraße"}},
		{"Hallo", extracted{}},
		// A unit by the head of its name; working "half" is partly, "halb
		// acht" a time.
		{"die ganze zulassungsstelle", extracted{othersAffected: AffectedAll}},
		{"im ganzen Standesamt", extracted{othersAffected: AffectedAll}},
		{"naja mails gehen ja, also halb", extracted{canWork: CanWorkPartly}},
		{"geht zum teil", extracted{canWork: CanWorkPartly}},
		{"seit halb acht ungefähr", extracted{since: "seit halb acht"}},
		{"nur meiner glaub ich", extracted{othersAffected: AffectedNo}},
		{"nicht wirklich, ich brauch die anhänge", extracted{canWork: CanWorkNo}},
		{"nö, ohne vpn geht nix", extracted{canWork: CanWorkNo}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := x.extract(tt.text); got != tt.want {
				t.Errorf("extract(%q) = %+v, want %+v", tt.text, got, tt.want)
			}
		})
	}
}

// Sending the report off as it stands asks for the ticket now.
// "kp", "keinen Plan" and "weiß nich" say the asker does not know.
func TestDunnoColloquial(t *testing.T) {
	x := newSlotExtractor()
	for text, want := range map[string]bool{"kp ehrlich gesagt": true, "keinen plan": true, "weiß nich": true, "k. a.": true, "kopierer": false, "planung": false} {
		if got := x.dunno.MatchString(text); got != want {
			t.Errorf("dunno(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestFileNowSendOff(t *testing.T) {
	x := newSlotExtractor()
	for text, want := range map[string]bool{
		"passt so, schick raus": true, "ab damit": true, "bitte abschicken": true,
		"schick mir das formular": false, "seit halb acht": false,
		"Ja, bitte nehmen Sie das auf.": true, "nimm das bitte auf": true, "leiten Sie es bitte weiter": true,
		"wir nehmen alles im büro auf": false,
	} {
		if got := x.fileNow.MatchString(text); got != want {
			t.Errorf("fileNow(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestAnswer(t *testing.T) {
	x := newSlotExtractor()
	for text, want := range map[string]int{
		"ja": 1, "Ja, bitte": 1, "genau.": 1, "yes": 1, "ok": 1,
		"nein": -1, "Nö": -1, "nein, Raum 3.12": -1, "no": -1,
		"Raum 3.12": 0, "jein": 0, "nicht sicher": 0, "Nordflügel": 0, "Japan": 0,
	} {
		if got := x.answer(text); got != want {
			t.Errorf("answer(%q) = %d, want %d", text, got, want)
		}
	}
}
