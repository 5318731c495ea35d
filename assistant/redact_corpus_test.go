// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/knowledge/musterstadt"
)

// unexpectedPlaceholderRE finds placeholders other than phone, e-mail and
// address, which public service texts legitimately contain (the offices'
// own).
var unexpectedPlaceholderRE = regexp.MustCompile(`\[(IBAN|STEUER-ID|AUSWEISNR|KENNZEICHEN|GEBURTSDATUM|NAME)\]`)

// TestRedactKeepsOrdinaryText runs Redact over real service descriptions
// and IT articles: apart from phone numbers and e-mail addresses, nothing
// in them is personal data, so nothing else may be replaced.
func TestRedactKeepsOrdinaryText(t *testing.T) {
	check := func(t *testing.T, fsys fs.FS) int {
		t.Helper()
		lines := 0
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
				return err
			}
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			for _, line := range strings.Split(string(b), "\n") {
				lines++
				if got := Redact(line); unexpectedPlaceholderRE.MatchString(got) {
					t.Errorf("%s:\n  in  %q\n  out %q", p, line, got)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return lines
	}
	t.Run("musterstadt", func(t *testing.T) {
		if n := check(t, musterstadt.FS()); n < 100 {
			t.Errorf("only %d lines checked", n)
		}
	})
	t.Run("shared corpus", func(t *testing.T) {
		const dir = "/work/shared/corpus"
		if _, err := os.Stat(dir); err != nil {
			t.Skip("shared corpus not present")
		}
		check(t, os.DirFS(dir))
	})
}
