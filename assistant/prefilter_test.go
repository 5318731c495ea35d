// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"fmt"
	"io/fs"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/musterstadt/lotse/knowledge/musterstadt"
)

// prefilterTexts are texts that the shortcuts of readFacts and
// navigation must not misjudge: every file of the bundled base whole and
// paragraph by paragraph, and invented lines at the edges of the
// expressions (units after other blanks, upper case, an "ſ" that folds to
// "s", weekdays that hold "tag", dates without a year).
func prefilterTexts(t *testing.T) []string {
	t.Helper()
	texts := []string{
		"",
		"Die Bearbeitung dauert 3\tWerktage.",
		"Die Bearbeitung dauert 3\nWOCHEN, der Express einen Arbeitstag.",
		"Geöffnet Montag und Dienstag, am Samstag geschlossen.",
		"ÖFFNUNGSZEITEN: Mo. 8-12 Uhr\nSPRECHZEIT: Di. 14:00 bis 16:00",
		"Termin nicht nötig, ohne vorherigen TERMIN möglich.",
		"Die Gebühr: 12,50 EUR; ermäßigt EUR 6,-; Kinder 3 €.",
		"Am 1. Mai 2026 und am 03.10.2026 geschlossen; 5.  Juni 2026.",
		"Rufen Sie die HOTLINE 0123 45678 an, Tel. 0987/654321.",
		"Das geht nicht ONLINE, nur perſönlich; ausſchließlich perſönlich.",
		"Beantragen Sie den Ausweis bitte online über das Portal.",
		"Die Frist beträgt zwei Wochen (https://example.test/frist).",
		"- [Seite eins](/a)\n- [Seite zwei](/b)\n",
		"* Formular (https://example.test/f)\n* Merkblatt (/m)",
		"Kinder unter 12 Jahren, ab 24 Jahren zahlen 10 Euro; 18 Jahre alt.",
		"Die Dauer: 4 ſtunden, 2 minuten.",
	}
	err := fs.WalkDir(musterstadt.FS(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(musterstadt.FS(), path)
		if err != nil {
			return err
		}
		texts = append(texts, string(b))
		texts = append(texts, strings.Split(string(b), "\n\n")...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return texts
}

// TestLeadPrefiltersChangeNothing reads the lead facts of every text with
// and without the shortcuts that skip expressions which cannot match.
func TestLeadPrefiltersChangeNothing(t *testing.T) {
	for _, text := range prefilterTexts(t) {
		if got, want := readFactsFiltered(text, true), readFactsFiltered(text, false); !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\nfiltered %+v\nall      %+v", text, got, want)
		}
	}
}

// TestNavigationWithoutParenthesis checks navigation's shortcut against
// its line expressions.
func TestNavigationWithoutParenthesis(t *testing.T) {
	for _, text := range prefilterTexts(t) {
		if strings.Contains(text, "(") {
			continue
		}
		for _, l := range strings.Split(text, "\n") {
			if linkOnlyRE.MatchString(l) || mdLinkOnlyRE.MatchString(l) {
				t.Errorf("%q is a link line without a parenthesis", l)
			}
		}
	}
}

// TestStemSetMemoAsScan checks that a memoised stem set answers match as
// the plain scan does, from several goroutines at once (run with -race),
// and that its memo stays within its bound.
func TestStemSetMemoAsScan(t *testing.T) {
	members := map[string]bool{}
	for i := range 3 * minMemoSet {
		members[fmt.Sprintf("wortstamm%02d", i)] = true
	}
	members["anwohnerparkausweis"] = true
	members["gewerbeanmeldung"] = true
	plain := newStemSet(members)
	memo := newStemSet(members).memoised()
	if memo.memo == nil {
		t.Fatal("a large set has no memo")
	}
	if small := newStemSet(map[string]bool{"eins": true}).memoised(); small.memo != nil {
		t.Error("a small set has a memo")
	}
	var words []string
	for i := range 4 * maxSetMemo {
		words = append(words, fmt.Sprintf("frage%03d", i))
	}
	words = append(words, "wortstamm07", "wortstam07", "bewohnerparkausweis", "gewerbeanmeldnug", "anmeldung", "kurz")
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 2 {
				for _, w := range words {
					if got, want := memo.match(w), plain.match(w); got != want {
						t.Errorf("match(%q) = %v with the memo, %v without", w, got, want)
					}
				}
			}
		})
	}
	wg.Wait()
	if n := len(memo.memo.m); n > maxSetMemo {
		t.Errorf("memo holds %d words, want ≤ %d", n, maxSetMemo)
	}
}

// TestAfterSpaceAndDigitDot checks the two scans readFacts asks before
// its duration and date expressions.
func TestAfterSpaceAndDigitDot(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{{"3 tage", true}, {"montag", false}, {"am\ttag", true}, {"tag", false}, {"x\rwoche", true}, {"arbeitstag", false}} {
		if got := afterSpace(c.s, "tag", "woche"); got != c.want {
			t.Errorf("afterSpace(%q) = %v, want %v", c.s, got, c.want)
		}
	}
	for _, c := range []struct {
		s    string
		want bool
	}{{"1. Mai", true}, {"Mai.", false}, {"", false}, {"12.03.", true}, {".5", false}} {
		if got := digitDot(c.s); got != c.want {
			t.Errorf("digitDot(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}
