// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/musterstadt/lotse/knowledge"
)

func TestGermanNumberWords(t *testing.T) {
	for in, want := range map[string]int{
		"zehn": 10, "zwoelf": 12, "einundzwanzig": 21, "dreissig": 30, "siebenundneunzig": 97,
		"hundert": 100, "zweihundertfuenfzig": 250, "dreitausend": 3000, "eintausendzweihundert": 1200,
	} {
		if got, ok := germanNumber(in); !ok || got != want {
			t.Errorf("germanNumber(%q) = %d %v, want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"zehnte", "undzwanzig", "tausendfuss", "euro"} {
		if got, ok := germanNumber(in); ok {
			t.Errorf("germanNumber(%q) = %d, want no number", in, got)
		}
	}
}

func TestSpelledNumbers(t *testing.T) {
	got := map[string]bool{}
	for _, f := range spelledNumbers("Das kostet zehn Euro, twenty-one pounds und ein Foto.") {
		got[f.key] = true
	}
	if diff := cmp.Diff(map[string]bool{"n:10": true, "n:21": true}, got); diff != "" {
		t.Errorf("keys (-want +got):\n%s", diff)
	}
}

func TestFindDurations(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"nach 4 bis 6 Wochen", []string{"dur:week:4", "dur:week:6"}},
		{"etwa drei Wochen", []string{"dur:week:3"}},
		{"21 Tage", []string{"dur:day:21"}},
		{"innerhalb von 3 Werktagen", []string{"dur:workday:3"}},
		{"within two business days", []string{"dur:workday:2"}},
		{"gilt ein Jahr", []string{"dur:year:1"}},
		{"bescheinigt innerhalb dreier Tage", []string{"dur:day:3"}},
		{"4–6 Wochen", []string{"dur:week:4", "dur:week:6"}},
		{"70,00 Euro", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, d := range findDurations(tt.in) {
			got = append(got, d.keys()[0])
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("findDurations(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestSentenceEnd(t *testing.T) {
	tests := []struct {
		buf   string
		final bool
		want  string // the sentence; "" for not complete
	}{
		{"Das kostet 70,00 Euro [1]. Danach", false, "Das kostet 70,00 Euro [1]."},
		{"Das kostet 70,00 Euro. [1] Danach", false, "Das kostet 70,00 Euro. [1]"},
		{"Das kostet 70,00 Euro [1].", false, ""},  // the next word decides
		{"Das kostet 70,00 Euro [1]. ", false, ""}, // still open
		{"Das kostet 70,00 Euro. [", false, ""},    // a marker is arriving
		{"Das kostet 70,00 Euro [1].", true, "Das kostet 70,00 Euro [1]."},
		{"Am 14. Juni ist zu. Dann", false, "Am 14. Juni ist zu."},
		{"Das gilt z. B. für Kinder. Und", false, "Das gilt z. B. für Kinder."},
		{"Siehe www.example.de. Danach", false, "Siehe www.example.de."},
		{"1. Ab 24 Jahren: 70,00 Euro [1]\n2. Unter", false, "1. Ab 24 Jahren: 70,00 Euro [1]"},
		{"Ist das so? Ja", false, "Ist das so?"},
	}
	for _, tt := range tests {
		end, ok := sentenceEnd(tt.buf, tt.final)
		got := ""
		if ok {
			got = tt.buf[:end]
		}
		if got != tt.want {
			t.Errorf("sentenceEnd(%q, %v) = %q, want %q", tt.buf, tt.final, got, tt.want)
		}
	}
}

var verifyPassages = []knowledge.Passage{
	{DocID: "leistungen/personalausweis", Title: "Personalausweis beantragen", Section: "Kosten", URL: "https://www.musterstadt.example/leistungen/personalausweis",
		Text: "Personen ab 24 Jahren: 37,00 Euro. Die Herstellung dauert 3 bis 4 Wochen."},
	{DocID: "leistungen/personalausweis", Title: "Personalausweis beantragen", Section: "Termin",
		Text: "Ein Termin ist erforderlich. Nicht online verfügbar. Sie kommen persönlich ins Bürgerbüro Musterstadt, Marktplatz 1, 12345 Musterstadt. Öffnungszeiten: Montag bis Freitag 8:00 bis 12:30 Uhr, Mittwoch geschlossen. Telefon 0123 456-100."},
	{DocID: "leistungen/personalausweis", Title: "Personalausweis beantragen", Section: "Unterlagen",
		Text: "- ein aktuelles biometrisches Passfoto\n- bisheriger Personalausweis"},
	{DocID: "leistungen/hundesteuer", Title: "Hundesteuer", Section: "Termin", Text: "Kein Termin nötig. Die Anmeldung ist kostenlos."},
}

func TestVerifierClaims(t *testing.T) {
	tests := []struct {
		name, text string
		kind       string // "" for supported
	}{
		{"amount", "Er kostet 37,00 Euro [1].", ""},
		{"amount without cents", "Er kostet 37 € [1].", ""},
		{"amount in words", "Er kostet zehn Euro [1].", "amount"},
		{"number that is no amount in the source", "Er kostet 24 Euro [1].", "amount"},
		{"duration in words", "Das dauert drei bis vier Wochen [1].", ""},
		{"duration in days", "Das dauert 21 bis 28 Tage [1].", ""},
		{"wrong duration unit", "Das dauert 3 bis 4 Monate [1].", "duration"},
		{"wrong duration", "Das dauert zwei Wochen [1].", "duration"},
		{"hours", "Montags von 8 bis 12:30 Uhr [2].", ""},
		{"weekday in a range", "Dienstags ist geöffnet [2].", ""},
		{"wrong time", "Montags bis 13:00 Uhr [2].", "hours"},
		{"weekday not in the source", "Auch sonntags [2].", "hours"},
		{"phone", "Rufen Sie 0123 456-100 an [2].", ""},
		{"phone international", "Rufen Sie +49 123 456100 an [2].", ""},
		{"wrong phone", "Rufen Sie 0123 456-190 an [2].", "phone"},
		{"office", "Sie kommen ins Bürgerbüro [2].", ""},
		{"wrong office", "Sie kommen ins Standesamt [2].", "office"},
		{"wrong office name", "Zuständig ist die Stadtbibliothek Musterstadt [2].", "office"},
		{"address", "Das Bürgerbüro ist am Marktplatz 1 in 12345 Musterstadt [2].", ""},
		{"wrong street", "Das Bürgerbüro ist in der Hauptstraße 1 [2].", "address"},
		{"document", "Bringen Sie ein biometrisches Passfoto mit [3].", ""},
		{"invented document", "Bringen Sie Ihre Geburtsurkunde mit [3].", "document"},
		{"invented requirement", "Sie brauchen außerdem eine Meldebestätigung [3].", "document"},
		{"polarity kept", "Sie brauchen einen Termin [2].", ""},
		{"polarity double negation", "Ohne Termin geht es nicht [2].", ""},
		{"no appointment", "Sie brauchen keinen Termin [2].", "polarity"},
		{"online", "Sie können ihn online beantragen [2].", "polarity"},
		{"not online", "Online geht das leider nicht [2].", ""},
		{"fee-free", "Die Anmeldung kostet nichts [4].", ""},
		{"fee where free", "Für die Anmeldung fällt eine Gebühr an [4].", "polarity"},
		{"appointment where none needed", "Ein Termin ist erforderlich [4].", "polarity"},
		{"english negation", "You don't need an appointment [2].", "polarity"},
		{"url", "Mehr unter https://www.musterstadt.example/leistungen/personalausweis [1].", ""},
		{"wrong url", "Mehr unter https://www.musterstadt.example/leistungen/ausweis-online [1].", "url"},
		{"wrong language", "The identity card costs 37,00 Euro for people who are over the age of 24 [1].", "language"},
	}
	v := newVerifier(mustLexicon(t), verifyPassages, "de")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, vr := verifyText(v, tt.text)
			kind := ""
			if len(vr.Refused) > 0 {
				kind = vr.Refused[0].Kind
			}
			if kind != tt.kind {
				t.Errorf("%q: refused %+v, want kind %q", tt.text, vr.Refused, tt.kind)
			}
		})
	}
}

func mustLexicon(t *testing.T) *lexicon {
	t.Helper()
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	return lx
}

// TestAnswerStreamHoldsUncitedSentences: a sentence without a marker that
// states something waits for the next cited sentence and is checked
// against its passages; one that states nothing goes out at once.
func TestAnswerStreamHoldsUncitedSentences(t *testing.T) {
	v := newVerifier(mustLexicon(t), verifyPassages, "de")
	var pieces []string
	s := newAnswerStream(v, func(p string) bool { pieces = append(pieces, p); return true })
	for _, tok := range strings.SplitAfter("Gern helfe ich. Er kostet 37,00 Euro. Das dauert 3 bis 4 Wochen [1]. Er kostet 99,00 Euro. Mehr weiß ich nicht [1].", " ") {
		s.write(tok)
		if len(pieces) == 1 && strings.Contains(tok, "37,00") {
			// The first sentence went out before the second was complete.
			continue
		}
	}
	s.close()
	text, sources, vr := s.result()
	want := []string{"Gern helfe ich.", " Er kostet 37,00 Euro.", " Das dauert 3 bis 4 Wochen [1].", " Mehr weiß ich nicht [1]."}
	if diff := cmp.Diff(want, pieces); diff != "" {
		t.Errorf("pieces (-want +got):\n%s", diff)
	}
	if text != strings.Join(want, "") || len(sources) != 1 || vr.Replaced != "" {
		t.Errorf("text %q sources %v verification %+v", text, sources, vr)
	}
	if len(vr.Refused) != 1 || vr.Refused[0].Kind != "amount" || !strings.Contains(vr.Refused[0].Sentence, "99,00") {
		t.Errorf("refused %+v, want the 99,00 Euro sentence", vr.Refused)
	}
}

// TestAnswerStreamMarkerAcrossTokens: a marker split over tokens stays
// with its sentence and is renumbered.
func TestAnswerStreamMarkerAcrossTokens(t *testing.T) {
	v := newVerifier(nil, verifyPassages, "de")
	var pieces []string
	s := newAnswerStream(v, func(p string) bool { pieces = append(pieces, p); return true })
	for _, tok := range []string{"Ein Termin ist erforderlich", ". [", "2", "] ", "Er kostet 37,00 Euro [", "1]."} {
		s.write(tok)
	}
	s.close()
	// Both passages are of one document: one source.
	want := []string{"Ein Termin ist erforderlich. [1]", " Er kostet 37,00 Euro [1]."}
	if diff := cmp.Diff(want, pieces); diff != "" {
		t.Errorf("pieces (-want +got):\n%s", diff)
	}
}

func TestAnswerStreamReplacesWhenTooLittleSurvives(t *testing.T) {
	v := newVerifier(nil, verifyPassages, "de")
	_, _, vr := verifyText(v, "Er kostet 37,00 Euro [1]. Er kostet 50 Euro [1]. Er kostet 60 Euro [1].")
	if vr.Replaced != reasonUnsupportedFact || len(vr.Refused) != 2 {
		t.Errorf("verification %+v, want replaced with two refusals", vr)
	}
	_, _, vr = verifyText(v, "Er kostet 37,00 Euro [1]. Er kostet 50 Euro [1]. Ein Termin ist erforderlich [2].")
	if vr.Replaced != "" || len(vr.Refused) != 1 {
		t.Errorf("verification %+v, want kept with one refusal", vr)
	}
}

func TestNumberWordAt(t *testing.T) {
	for in, want := range map[string]int{"zweihundert Euro": 200, "zwanzig Euro": 20, "twenty-one days": 21, "thirty days": 30, "einundzwanzig Tage": 21, "five hundred": 500} {
		n, ok := numberWordAt(wordTokens(in), 0)
		if !ok || n.value != want {
			t.Errorf("numberWordAt(%q) = %d %v, want %d", in, n.value, ok, want)
		}
	}
}

func TestVerifierAmountBinding(t *testing.T) {
	ps := []knowledge.Passage{{Title: "Reisepass › Kosten", Text: "- Antragstellende ab 24 Jahren: 70,00 Euro\n- Antragstellende unter 24 Jahren: 37,50 Euro\n- Zuschlag für den Express-Reisepass: 32,00 Euro"}}
	v := newVerifier(nil, ps, "de")
	for text, want := range map[string]string{
		"Ab 24 Jahren kostet der Pass 70 Euro [1].":                      "",
		"Unter 24 Jahren sind es 37,50 Euro [1].":                        "",
		"Für Personen ab 24 Jahren 70 Euro, für Jüngere 37,50 Euro [1].": "",
		"Der Express-Zuschlag beträgt 32 Euro [1].":                      "",
		"Ab 24 Jahren kostet der Pass 37,50 Euro [1].":                   "amount",
		"Antragstellende unter 24 Jahren zahlen 70,00 Euro [1].":         "amount",
		"Der Zuschlag für den Express-Reisepass beträgt 37,50 Euro [1].": "amount",
	} {
		_, _, vr := verifyText(v, text)
		got := ""
		if len(vr.Refused) > 0 {
			got = vr.Refused[0].Kind
		}
		if got != want {
			t.Errorf("%q: refused %+v, want %q", text, vr.Refused, want)
		}
	}
}

func TestVerifierPhoneBinding(t *testing.T) {
	ps := []knowledge.Passage{{Title: "Wohngeld › Termin", Text: "Kein Termin nötig für die Abgabe. Für eine Beratung vereinbaren Sie einen Termin unter 0123 456-450. Fragen zum Bescheid: Telefon 0123 456-460."}}
	v := newVerifier(nil, ps, "de")
	for text, want := range map[string]string{
		"Einen Beratungstermin bekommen Sie unter 0123 456-450 [1].": "",
		"Für eine Beratung rufen Sie 0123 456-450 an [1].":           "",
		"Für eine Beratung rufen Sie 0123 456-460 an [1].":           "phone",
		"Fragen zum Bescheid beantwortet Ihnen 0123 456-460 [1].":    "",
		"Fragen zum Bescheid beantwortet Ihnen 0123 456-450 [1].":    "phone",
	} {
		_, _, vr := verifyText(v, text)
		got := ""
		if len(vr.Refused) > 0 {
			got = vr.Refused[0].Kind
		}
		if got != want {
			t.Errorf("%q: refused %+v, want %q", text, vr.Refused, want)
		}
	}
}

// TestAnswerStreamReplacesRefusedSentence: the source's own sentence takes
// the place of a refused one, once a sentence of the answer checked out.
func TestAnswerStreamReplacesRefusedSentence(t *testing.T) {
	v := newVerifier(mustLexicon(t), verifyPassages, "de")
	var pieces []string
	s := newAnswerStream(v, func(p string) bool { pieces = append(pieces, p); return true })
	s.write("Ab 24 Jahren kostet der Ausweis 60 Euro [1]. Ein Termin ist erforderlich [2]. Die Herstellung dauert drei bis vier Wochen [1].")
	s.close()
	want := []string{"Personen ab 24 Jahren: 37,00 Euro. [1]", " Ein Termin ist erforderlich [1].", " Die Herstellung dauert drei bis vier Wochen [1]."}
	if diff := cmp.Diff(want, pieces); diff != "" {
		t.Errorf("pieces (-want +got):\n%s", diff)
	}
	_, _, vr := s.result()
	if vr.Replaced != "" || len(vr.Refused) != 1 || vr.Refused[0].Replacement != "Personen ab 24 Jahren: 37,00 Euro." {
		t.Errorf("verification %+v", vr)
	}

	// Alone, the wrong sentence leaves nothing: the offline answer
	// replaces the model's, and the quote is never shown.
	pieces = nil
	s = newAnswerStream(v, func(p string) bool { pieces = append(pieces, p); return true })
	s.write("Ab 24 Jahren kostet der Ausweis 60 Euro [1].")
	s.close()
	if _, _, vr := s.result(); vr.Replaced == "" || len(pieces) != 0 {
		t.Errorf("pieces %q, verification %+v: want nothing shown and the answer replaced", pieces, vr)
	}
}

// FuzzAnswerStream: whatever the model sends and however it is cut into
// tokens, the stream does not panic, passes on whole UTF-8 text only, and
// passes on nothing it did not verify (the pieces are the final text).
func FuzzAnswerStream(f *testing.F) {
	f.Add("Er kostet 37,00 Euro [1]. Ein Termin ist erforderlich.\u00a0[2] Dann z.\u00a0B. so.", 3)
	f.Add("1. Ab 24 Jahren: 37,00 Euro [1]\n2. «Zitat.» [2] Und […] weiter", 1)
	f.Add("Sie brauchen keinen Termin [2]. Voilà. Ça va? [9]", 7)
	f.Fuzz(func(t *testing.T, text string, cut int) {
		if !utf8.ValidString(text) || len(text) > 4000 {
			return
		}
		v := newVerifier(nil, verifyPassages, "de")
		var out strings.Builder
		s := newAnswerStream(v, func(p string) bool {
			if !utf8.ValidString(p) {
				t.Fatalf("piece %q is not valid UTF-8", p)
			}
			out.WriteString(p)
			return true
		})
		step := 1 + (cut%7+7)%7
		rs := []rune(text)
		for i := 0; i < len(rs); i += step {
			s.write(string(rs[i:min(i+step, len(rs))]))
		}
		s.close()
		got, _, _ := s.result()
		if got != strings.TrimSpace(out.String()) {
			t.Fatalf("final text %q differs from what was streamed %q", got, out.String())
		}
	})
}
