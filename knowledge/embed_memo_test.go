// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/knowledge/german"
)

// embedIntoEachStem is embedInto as it was before stemMemo: every word
// stemmed where it stands.
func (e *offlineEmbedder) embedIntoEachStem(v []float32, text string) []float32 {
	v = v[:e.dim]
	for _, w := range german.Words(text) {
		if german.StopWord(w) {
			continue
		}
		e.add(v, fnv64(fnvOffset^'w', german.Stem(w)), offlineWordWeight)
		buf := []byte("^" + w + "$")
		for i := 0; i+3 <= len(buf); i++ {
			e.add(v, fnv64(fnvOffset, string(buf[i:i+3])), offlineTrigramWeight)
		}
	}
	n := normalize(v)
	if dot(n, n) == 0 {
		n[0] = 1
	}
	return n
}

// TestEmbedStemMemoMatchesEachStem checks that the offline embedder,
// which stems a word repeated in a text once, gives bit for bit the
// vector of stemming every word, on queries with repeated rule words,
// texts whose words share memo slots, and random texts.
func TestEmbedStemMemoMatchesEachStem(t *testing.T) {
	texts := []string{
		"",
		"Und wie lange dauert das?",
		"hat Bürgeramt Bürgerbüro Bürgeramt Bürgerservice Einwohnermeldeamt buergerbuero einwohnermeldeamt meldebehoerde buergerbuero einwohnermeldeamt meldeamt buergerservice sprechzeiten servicezeiten buergeramt einwohnermeldeamt meldebehoerde",
		"Welche für den Personalausweis? papiere personalausweisdokument perso ausweis id karte identitaetskarte personalausweiss",
		"ab ba ab ba abc cba acb bca ab", // short words that share slots
		"Ärger ärger AERGER Straße strasse STRASSE İstanbul istanbul 😀 😀",
	}
	vocab := strings.Fields("reisepass personalausweis anmeldung ummeldung gewerbe gebühr kosten unterlagen bürgeramt öffnungszeiten wohnung umzug führerschein kfz zulassung hund steuer müll abholung termin online formular antrag frist der die das und für mit eine einen pass pässe ausweise anmelden abgemeldet zu über ö ä ü ß x y zz")
	rng := rand.New(rand.NewPCG(5, 6))
	for range 2000 {
		n := rng.IntN(120)
		ws := make([]string, n)
		for i := range ws {
			w := vocab[rng.IntN(len(vocab))]
			if rng.IntN(5) == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			}
			ws[i] = w
		}
		texts = append(texts, strings.Join(ws, " "))
	}
	e := newOfflineEmbedder(256)
	for i, text := range texts {
		got := e.embedInto(make([]float32, e.dim), text)
		want := e.embedIntoEachStem(make([]float32, e.dim), text)
		for d := range want {
			if math.Float32bits(got[d]) != math.Float32bits(want[d]) {
				t.Fatalf("text %d %q: dimension %d is %v, want %v", i, text, d, got[d], want[d])
			}
		}
	}
}
