// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// scanSamples are messages with the shapes the scanners must split as the
// regular expressions they replace: marks at either end, runs of marks,
// blanks of every kind, identifiers next to umlauts, digits and
// underscores, invalid UTF-8.
var scanSamples = []string{
	"", ".", "?!", "Hallo", "Hallo.", "Hallo. Wie geht es?", "..Hallo", "Hallo!!! Wie?!  Gut.\n\tDanke\r\f",
	"Guten Tag. . Ich habe eine Frage?", "a.b.c", "Version 1.2.3 geht nicht", "  führt   zu  . ",
	"Fehler ERR_CERT_DATE_INVALID im Browser", "QOSGrpCpuLimit erreicht", "1abcdefg abcdef_1 _abcdef",
	"Größenangabe Straße", "abcdeä abcdef", "x\xffabcdefgh\xfe.", "Müllabfuhr?Öffnungszeiten!", "a1b2c3d4 A_____ Zzzzzz",
	"eins. zwei. drei. vier. fünf. sechs. sieben. acht. neun. zehn.",
}

func TestSentencesMatchRegexp(t *testing.T) {
	re := regexp.MustCompile(`[^.!?]+(?:[.!?]+\s*|$)`)
	check := func(s string, n int) {
		t.Helper()
		if got, want := sentences(s, n), re.FindAllString(s, n); !slices.Equal(got, want) {
			t.Fatalf("sentences(%q, %d) = %q, regexp finds %q", s, n, got, want)
		}
	}
	for _, s := range scanSamples {
		for _, n := range []int{1, 2, 3, 41} {
			check(s, n)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		check(randomText(r), 1+r.IntN(6))
	}
}

func TestAppendIdentsMatchesRegexp(t *testing.T) {
	re := regexp.MustCompile(`\b[A-Za-z][A-Za-z0-9_]{5,}\b`)
	check := func(s string, n int) {
		t.Helper()
		if got, want := appendIdents(nil, s, n), re.FindAllString(s, n); !slices.Equal(got, want) {
			t.Fatalf("appendIdents(%q, %d) = %q, regexp finds %q", s, n, got, want)
		}
	}
	for _, s := range scanSamples {
		for _, n := range []int{1, 2, 8} {
			check(s, n)
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		check(randomText(r), 1+r.IntN(8))
	}
}

// randomText is up to 40 pieces drawn from letters, digits, marks, blanks
// of every kind, underscores, umlauts and invalid bytes.
func randomText(r *rand.Rand) string {
	pieces := []string{"a", "Z", "q", "7", "_", ".", "!", "?", " ", "\t", "\n", "\r", "\f", "\v", "ä", "ß", "É", "\xff", "-", ",", "abcdef", "Fehler", "x_1"}
	var b []byte
	for range r.IntN(40) {
		b = append(b, pieces[r.IntN(len(pieces))]...)
	}
	return string(b)
}

// The early answers of stripFrames (mayClose, mayEndFrame) never say no
// where the full check says yes: over messages made of the frame
// sections' own patterns (a prefix or a compound's head filled in, gaps
// filled with other words), with other words between and after them.
func TestFrameShortcutsAgreeWithFullCheck(t *testing.T) {
	a := mustAssistant(t, nil)
	var ps []pattern
	for _, sec := range []string{"frame", "smalltalk_greet", "smalltalk_thanks", "smalltalk_bye", "smalltalk_filler", "noise"} {
		ps = append(ps, a.lex.sections[sec]...)
	}
	if len(ps) == 0 {
		t.Fatal("no frame patterns")
	}
	others := []string{"bitte", "sehr", "drucker", "antrag", "und", "lg", "ja", "x"}
	r := rand.New(rand.NewPCG(5, 6))
	instance := func(p pattern) []string {
		var out []string
		for _, w := range p {
			switch {
			case w == "~":
				for range r.IntN(3) {
					out = append(out, others[r.IntN(len(others))])
				}
			case strings.HasSuffix(w, "*"):
				out = append(out, strings.TrimSuffix(w, "*")+[]string{"", "en", "s"}[r.IntN(3)])
			case strings.HasPrefix(w, "*"):
				out = append(out, []string{"", "vor", "haupt"}[r.IntN(3)]+strings.TrimPrefix(w, "*"))
			default:
				out = append(out, w)
			}
		}
		return out
	}
	framed, closing := 0, 0
	for range 20000 {
		var ws []string
		for range 1 + r.IntN(3) {
			if r.IntN(4) == 0 {
				ws = append(ws, others[r.IntN(len(others))])
			}
			ws = append(ws, instance(ps[r.IntN(len(ps))])...)
		}
		if len(ws) == 0 {
			continue
		}
		if a.allFrame(ws) {
			framed++
			if !a.mayEndFrame(ws[len(ws)-1]) {
				t.Fatalf("%q: all frame, but mayEndFrame says no", ws)
			}
		}
		fields := append([]string{"frage"}, ws...)
		n := min(maxClosingWords, len(fields)-1)
		for k := n; k >= 1; k-- {
			if a.closingOnly(strings.Join(fields[len(fields)-k:], " ")) {
				closing++
				if !a.mayClose(fields[len(fields)-n:]) {
					t.Fatalf("%q: ends in closing words, but mayClose says no", fields)
				}
				break
			}
		}
	}
	if framed < 100 || closing < 100 {
		t.Fatalf("too few positive cases: %d framed, %d closing", framed, closing)
	}
}
