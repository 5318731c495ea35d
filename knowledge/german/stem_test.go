// SPDX-License-Identifier: EUPL-1.2

package german

import (
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStemASCIIMatchesSnowball compares the ASCII stemmer with the
// generated Snowball stemmer on every word of the shared real corpus (when
// present) and on random words built to reach every rule: vowels around u
// and y, and the suffixes of all three steps stacked in any order.
func TestStemASCIIMatchesSnowball(t *testing.T) {
	check := func(w string) {
		t.Helper()
		got, ok := stemASCII(w)
		if !ok {
			return
		}
		if want := snowballStem(w); got != want {
			t.Fatalf("stemASCII(%q) = %q, Snowball %q", w, got, want)
		}
	}
	compared := 0
	root := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(root); err == nil {
		seen := map[string]bool{}
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			for _, w := range Words(string(data)) {
				if !seen[w] {
					seen[w] = true
					check(w)
					check(Masculine(w))
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		compared += len(seen)
	} else {
		t.Logf("no shared corpus at %s: random words only", root)
	}

	r := rand.New(rand.NewPCG(1, 2))
	const letters = "aeiouyuyaeiouybdfghklmnrstcjpqvwxz0"
	suffixes := strings.Fields("e em en ern er s es est st end ung ig ik isch lich heit keit niss nis ig lich er en b d r t us ys")
	for range 400_000 {
		var b strings.Builder
		for range 1 + r.IntN(9) {
			b.WriteByte(letters[r.IntN(len(letters))])
		}
		for range r.IntN(4) {
			b.WriteString(suffixes[r.IntN(len(suffixes))])
		}
		check(b.String())
		compared++
	}
	for _, w := range []string{"", "a", "ab", "abc", "aua", "auue", "bauung", "kenntnisse", "ereignissen", "feststellen", "gluecklichkeit", "ewigkeit", "entwickelnd", "nachweislich", "zustaendigkeit"} {
		check(w)
	}
	t.Logf("%d words compared", compared)
}

func BenchmarkStem(b *testing.B) {
	words := Words("Personalausweis beantragen Zulassungsstelle Bearbeitungsdauer Öffnungszeiten Bescheinigungen Genehmigung Einwohnermeldeamt freundlichkeit")
	b.Run("ascii", func(b *testing.B) {
		for b.Loop() {
			for _, w := range words {
				Stem(w)
			}
		}
	})
	b.Run("snowball", func(b *testing.B) {
		for b.Loop() {
			for _, w := range words {
				snowballStem(Masculine(w))
			}
		}
	})
}
