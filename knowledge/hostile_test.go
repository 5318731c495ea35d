// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/musterstadt/lotse/knowledge/hostile"
)

// hostileRoot writes two ordinary documents and every hostile file into a
// new directory and returns it with the secret the outward link exposes.
func hostileRoot(t *testing.T) (dir, secret string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "wissen")
	secret = "GEHEIM-" + strings.Repeat("x", 8)
	if _, err := hostile.WriteRoot(dir, secret); err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("leistungen/hundesteuer.md", "# Hundesteuer\n\nDie Hundesteuer beträgt 90 Euro im Jahr.\n")
	write("leistungen/meldebescheinigung.md", "# Meldebescheinigung\n\nSie kostet 5 Euro.\n")
	return dir, secret
}

func skipReason(skipped []Skipped, suffix string) (string, bool) {
	for _, s := range skipped {
		if strings.HasSuffix(s.Source, suffix) {
			return s.Reason, true
		}
	}
	return "", false
}

// TestHostileFilesAreSkippedWithReasons reproduces findings 1, 2 and 5 of
// issue 20: a PDF whose page tree is a cycle, PPTX and DOCX archives that
// decompress to gigabytes while every entry stays below the per-entry
// limit, and a link to a file outside the root. Each is skipped with its
// reason; the ordinary documents load.
func TestHostileFilesAreSkippedWithReasons(t *testing.T) {
	dir, secret := hostileRoot(t)
	docs, skipped, err := LoadRoots(context.Background(), []Root{{Name: "w", FS: os.DirFS(dir)}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ file, reason string }{
		{hostile.CyclicPDFName, "zyklisch"},
		{hostile.BombPPTXName, "Zip-Bombe"},
		{hostile.BombDOCXName, "Zip-Bombe"},
		{hostile.BombPDFName, "PDF-Inhalt entpackt zu groß"},
		{hostile.LinkName, "aus der Wissensquelle hinaus"},
	} {
		r, ok := skipReason(skipped, c.file)
		if !ok {
			t.Errorf("%s not skipped", c.file)
			continue
		}
		if !strings.Contains(r, c.reason) {
			t.Errorf("%s skipped for %q, want a reason with %q", c.file, r, c.reason)
		}
		t.Logf("%s: %s", c.file, r)
	}
	ids := map[string]bool{}
	for _, d := range docs {
		ids[d.ID] = true
		for _, s := range d.Sections {
			if strings.Contains(s.Text, secret) {
				t.Errorf("document %s holds the secret from outside the root", d.ID)
			}
		}
	}
	for _, id := range []string{"leistungen/hundesteuer", "leistungen/meldebescheinigung", "leistungen/terminhinweis"} {
		if !ids[id] {
			t.Errorf("ordinary document %s not loaded (have %v)", id, ids)
		}
	}
}

func TestSymlinksStayInsideTheRoot(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "root")
	os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755)
	os.MkdirAll(filepath.Join(base, "out"), 0o755)
	os.WriteFile(filepath.Join(base, "out", "secret.md"), []byte("# Geheim\n\nGEHEIMNIS\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "a", "b", "echt.md"), []byte("# Echt\n\nInhalt innen.\n"), 0o644)
	links := map[string]string{
		"innen.md":      "a/b/echt.md",      // inside: followed
		"hoch.md":       "a/../a/b/echt.md", // inside with ..: followed
		"absolut.md":    filepath.Join(base, "out", "secret.md"),
		"relativ.md":    "../out/secret.md", // climbs out
		"a/tief.md":     "b/../../../out/secret.md",
		"a/ueberdir.md": "../outdir/secret.md", // through a link to a directory outside
		"outdir":        "../out",
		"kette1.md":     "kette2.md", // chain that ends outside
		"kette2.md":     "../out/secret.md",
		"schleife.md":   "schleife.md",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Skipf("symlinks not supported: %v", err)
		}
	}
	docs, skipped, err := LoadRoots(context.Background(), []Root{{Name: "r", FS: os.DirFS(dir)}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, d := range docs {
		ids[d.ID] = true
		for _, s := range d.Sections {
			if strings.Contains(s.Text, "GEHEIMNIS") {
				t.Errorf("%s read a file outside the root", d.ID)
			}
		}
	}
	for _, id := range []string{"a/b/echt", "innen", "hoch"} {
		if !ids[id] {
			t.Errorf("%s not loaded; skipped: %v", id, skipped)
		}
	}
	for _, name := range []string{"absolut.md", "relativ.md", "a/tief.md", "kette1.md", "kette2.md"} {
		r, ok := skipReason(skipped, "/"+name)
		if !ok || !strings.Contains(r, "aus der Wissensquelle hinaus") {
			t.Errorf("%s: skipped=%v reason %q", name, ok, r)
		}
	}
	for _, name := range []string{"a/ueberdir.md", "schleife.md"} {
		if _, ok := skipReason(skipped, "/"+name); !ok {
			t.Errorf("%s not skipped", name)
		}
	}
}

func TestZipBudgets(t *testing.T) {
	small, err := hostile.ZipBomb("docx", 1, 2<<20) // an honest 2 MiB document.xml
	if err != nil {
		t.Fatal(err)
	}
	t.Run("per file", func(t *testing.T) {
		b := newBudget(Limits{MaxUnpackedBytes: 1 << 20}, nil)
		if _, err := parseDOCX(small, b); !errors.Is(err, errUnpackLimit) {
			t.Fatalf("err = %v, want the unpack limit", err)
		}
	})
	t.Run("declared sizes that lie are still counted", func(t *testing.T) {
		// The budget reader stops at the limit even when an archive
		// declares less than it holds; archive/zip rejects the mismatch,
		// and the booked bytes never exceed the limit plus one buffer.
		b := newBudget(Limits{MaxUnpackedBytes: 1 << 20}, nil)
		_, err := b.readAll(strings.NewReader(strings.Repeat(" ", 3<<20)))
		if !errors.Is(err, errUnpackLimit) {
			t.Fatalf("err = %v", err)
		}
		if got := b.unpacked.Load(); got > 1<<20+32<<10 {
			t.Errorf("booked %d bytes past a 1 MiB limit", got)
		}
	})
	t.Run("in total", func(t *testing.T) {
		dir := t.TempDir()
		for _, n := range []string{"a.docx", "b.docx", "c.docx", "d.docx"} {
			os.WriteFile(filepath.Join(dir, n), small, 0o644)
		}
		l, err := loadRoots(context.Background(), []Root{{Name: "r", FS: os.DirFS(dir)}}, nil,
			loadOptions{limits: Limits{MaxTotalUnpacked: 5 << 20}})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, s := range l.skipped {
			if strings.Contains(s.Reason, "Gesamtbudget") {
				n++
			}
		}
		if n != 2 {
			t.Errorf("%d files skipped for the total budget, want 2: %v", n, l.skipped)
		}
	})
	t.Run("entries", func(t *testing.T) {
		many, err := hostile.ZipBomb("pptx", 30, 10)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := parsePPTX(many, newBudget(Limits{MaxEntries: 20}, nil)); err == nil || !strings.Contains(err.Error(), "zu vielen Einträgen") {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestPDFPageTreeBounds(t *testing.T) {
	if _, err := parsePDF(hostile.CyclicPDF(), newBudget(Limits{}, nil)); err == nil || !strings.Contains(err.Error(), "zyklisch") {
		t.Fatalf("cyclic PDF: err = %v", err)
	}
}

// TestStuckParserIsAbandoned: a parser that never returns costs its file,
// not the load; the next reindex of unchanged bytes does not start it again;
// an ended context ends the load at once.
func TestStuckParserIsAbandoned(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "haengt.pdf"), []byte("%PDF-1.4 haengt"), 0o644)
	os.WriteFile(filepath.Join(dir, "gut.md"), []byte("# Gut\n\nText.\n"), 0o644)
	block := make(chan struct{})
	defer close(block)
	var calls atomic.Int32
	opt := loadOptions{
		limits: Limits{FileTimeout: time.Second}, // long enough for the good file on a loaded machine
		stuck:  &stuckFiles{},
		parse: func(format string, data []byte, b *budget) ([]parsedDoc, string, error) {
			if format == "pdf" {
				calls.Add(1)
				<-block
			}
			return parseFile(format, data, b)
		},
	}
	root := []Root{{Name: "r", FS: os.DirFS(dir)}}
	for range 2 {
		l, err := loadRoots(context.Background(), root, nil, opt)
		if err != nil {
			t.Fatal(err)
		}
		if len(l.docs) != 1 || l.docs[0].ID != "gut" {
			t.Errorf("docs = %v", l.docs)
		}
		if r, ok := skipReason(l.skipped, "haengt.pdf"); !ok || !strings.Contains(r, "Zeitlimit") {
			t.Errorf("stuck file: skipped=%v reason %q", ok, r)
		}
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("stuck parser started %d times, want once", n)
	}

	ctx, cancel := context.WithCancel(context.Background())
	opt.stuck, opt.limits.FileTimeout = &stuckFiles{}, time.Hour
	go func() {
		for calls.Load() < 2 {
			time.Sleep(time.Millisecond)
		}
		cancel()
	}()
	if _, err := loadRoots(ctx, root, nil, opt); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

// TestPDFBombIsSkipped: a PDF whose one content stream inflates to 80 MiB
// is refused before the PDF library decompresses it.
func TestPDFBombIsSkipped(t *testing.T) {
	bomb, err := hostile.PDFBomb(80 << 20)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("PDF bomb: %d bytes on disk, 80 MiB inflated", len(bomb))
	_, err = parsePDF(bomb, newBudget(Limits{}, nil))
	if !errors.Is(err, errUnpackLimit) {
		t.Fatalf("err = %v, want the unpack limit", err)
	}
	small, err := hostile.PDFBomb(1 << 20)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parsePDF(small, newBudget(Limits{}, nil)); errors.Is(err, errUnpackLimit) {
		t.Errorf("a 1 MiB stream hit the limit: %v", err)
	}
}

// TestStuckParsersAreCapped: once maxStuckParsers abandoned parsers are
// still running, further PDFs are skipped unparsed; when the parsers
// return, the count goes back to zero and files are parsed again.
func TestStuckParsersAreCapped(t *testing.T) {
	dir := t.TempDir()
	for i := range maxStuckParsers + 2 {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("haengt%d.pdf", i)), []byte(fmt.Sprintf("%%PDF-1.4 %d", i)), 0o644)
	}
	block := make(chan struct{})
	var calls atomic.Int32
	stuck := &stuckFiles{}
	opt := loadOptions{
		limits: Limits{FileTimeout: 20 * time.Millisecond},
		stuck:  stuck,
		parse: func(format string, data []byte, b *budget) ([]parsedDoc, string, error) {
			calls.Add(1)
			<-block
			return nil, format, errors.New("kaputt")
		},
	}
	l, err := loadRoots(context.Background(), []Root{{Name: "r", FS: os.DirFS(dir)}}, nil, opt)
	if err != nil {
		t.Fatal(err)
	}
	if n := calls.Load(); n != maxStuckParsers {
		t.Errorf("%d parsers started, want %d", n, maxStuckParsers)
	}
	capped := 0
	for _, s := range l.skipped {
		if strings.Contains(s.Reason, "abgebrochene Parser laufen noch") {
			capped++
		}
	}
	if capped != 2 {
		t.Errorf("%d files skipped for the cap, want 2: %v", capped, l.skipped)
	}
	close(block)
	for stuck.full() {
		time.Sleep(time.Millisecond)
	}
	stuck.mu.Lock()
	running := stuck.running
	stuck.mu.Unlock()
	for running != 0 {
		time.Sleep(time.Millisecond)
		stuck.mu.Lock()
		running = stuck.running
		stuck.mu.Unlock()
	}
}

// TestWatchSurvivesHostileFiles: hostile files dropped into a watched root
// while it is served are skipped, and the reindex still brings a new
// document in and takes a deleted one out (finding 1 of issue 20: the live
// reindex was stuck for good).
func TestWatchSurvivesHostileFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "wissen")
	os.MkdirAll(filepath.Join(dir, "leistungen"), 0o755)
	alt := filepath.Join(dir, "leistungen", "altpapier.md")
	os.WriteFile(alt, []byte("# Altpapier\n\nDie Altpapiertonne wird alle vier Wochen geleert.\n"), 0o644)
	b := mustOpen(t, Config{Roots: []Root{{Name: "w", FS: os.DirFS(dir)}}, Watch: true, pollInterval: 50 * time.Millisecond})

	if _, err := hostile.WriteRoot(dir, "GEHEIM-WATCH"); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "leistungen", "sperrmuell.md"), []byte("# Sperrmüll\n\nSperrmüll holt der Bauhof auf Anmeldung ab.\n"), 0o644)
	os.Remove(alt)

	hostileSkipped := func() int {
		n := 0
		for _, s := range b.Report().Skipped {
			if strings.Contains(s.Source, "zyklisch.pdf") || strings.Contains(s.Source, "bombe") || strings.Contains(s.Source, "passwd.txt") {
				n++
			}
		}
		return n
	}
	// A reindex may walk one folder before a write and the next after
	// it; the watcher then reindexes again. Wait for the final state.
	deadline := time.Now().Add(20 * time.Second)
	for {
		_, hasNew := b.Document("leistungen/sperrmuell", Citizen)
		_, hasOld := b.Document("leistungen/altpapier", Citizen)
		n := hostileSkipped()
		if hasNew && !hasOld && n == 5 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("reindex did not reach the final state within 20 s (new %v, deleted still there %v, %d of 5 hostile files skipped): %v",
				hasNew, hasOld, n, b.Report().Skipped)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
