// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"context"
	"encoding/gob"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// copyFixture copies testdata/stadt into a temporary directory and returns
// it as a root.
func copyFixture(tb testing.TB) (Root, string) {
	tb.Helper()
	dst := tb.TempDir()
	src := filepath.Join("testdata", "stadt")
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		tb.Fatal(err)
	}
	return Root{Name: "stadt", FS: os.DirFS(dst)}, dst
}

func writeFile(tb testing.TB, name, text string) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// countingEmbedder wraps the offline embedder and counts calls.
func countingEmbedder(n *atomic.Int64) EmbedFunc {
	e := NewOfflineEmbedder(offlineDim)
	return func(ctx context.Context, text string) ([]float32, error) {
		n.Add(1)
		return e(ctx, text)
	}
}

func openClose(tb testing.TB, cfg Config) IndexReport {
	tb.Helper()
	b, err := Open(context.Background(), cfg)
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	r := b.Report()
	if err := b.Close(); err != nil {
		tb.Fatalf("Close: %v", err)
	}
	return r
}

func TestPersistLoadsUnchangedIndex(t *testing.T) {
	root, _ := copyFixture(t)
	data := t.TempDir()
	var calls atomic.Int64
	cfg := Config{Roots: []Root{root}, DataDir: data, Embed: countingEmbedder(&calls)}

	initial := openClose(t, cfg)
	if initial.LoadedFromDisk {
		t.Fatal("first Open claims to have loaded from disk")
	}
	built := calls.Load()

	calls.Store(0)
	b := mustOpen(t, cfg)
	second := b.Report()
	if !second.LoadedFromDisk {
		t.Fatal("second Open rebuilt an unchanged index")
	}
	if calls.Load() != 1 { // the probe only
		t.Errorf("loading embedded %d texts, want 1 (probe); building embedded %d", calls.Load(), built)
	}
	if second.Chunks != initial.Chunks || second.Documents != initial.Documents || len(second.Skipped) != len(initial.Skipped) {
		t.Errorf("reports differ: %+v vs %+v", initial, second)
	}
	if diff := cmp.Diff(initial.Files, second.Files); diff != "" {
		t.Errorf("files per format differ:\n%s", diff)
	}
	ps := mustSearch(t, b, Query{Text: "Was kostet ein Reisepass", Facet: FacetKosten})
	if len(ps) == 0 || ps[0].DocID != "leistungen/reisepass" || ps[0].Facet != FacetKosten {
		t.Errorf("search after load = %+v", first(ps))
	}
	for _, p := range mustSearch(t, b, Query{Text: "VPN Zebrafink", K: 50}) {
		if !p.Audience.VisibleTo(Citizen) {
			t.Errorf("loaded index leaks %s to citizens", p.DocID)
		}
	}
	// The loaded vector collections embed text with our embedder, never
	// with chromem's default.
	for _, col := range b.cur.Load().dense.parts {
		before := calls.Load()
		if _, err := col.Query(context.Background(), "Reisepass", 1, nil, nil); err != nil {
			t.Errorf("text query on loaded collection %q: %v", col.Name, err)
		}
		if calls.Load() != before+1 {
			t.Errorf("loaded collection %q did not embed with our embedder", col.Name)
		}
	}
	// Loaded and freshly built vectors rank alike.
	fresh := mustOpen(t, Config{Roots: []Root{root}, Embed: NewOfflineEmbedder(offlineDim), Mode: ModeDense})
	b.cfg.Mode = ModeDense
	for _, q := range []string{"Reisepass Kosten", "Hundesteuer", "VPN", "Sperrmüll abholen"} {
		for _, aud := range []Audience{Citizen, Employee} {
			want := mustSearch(t, fresh, Query{Text: q, Audience: aud, K: 10})
			if diff := cmp.Diff(want, mustSearch(t, b, Query{Text: q, Audience: aud, K: 10})); diff != "" {
				t.Errorf("%s %q: loaded index differs from a fresh build (-built +loaded):\n%s", aud, q, diff)
			}
		}
	}
}

func TestPersistRebuildsWhenStale(t *testing.T) {
	root, dir := copyFixture(t)
	data := t.TempDir()
	cfg := Config{Roots: []Root{root}, DataDir: data}
	openClose(t, cfg)

	t.Run("source changed", func(t *testing.T) {
		writeFile(t, filepath.Join(dir, "leistungen", "neu.md"), "# Baumfällung\n\nEine Baumfällgenehmigung beantragen Sie beim Umweltamt.")
		r := openClose(t, cfg)
		if r.LoadedFromDisk {
			t.Error("added file did not trigger a rebuild")
		}
		if r2 := openClose(t, cfg); !r2.LoadedFromDisk {
			t.Error("second open after rebuild did not load from disk")
		}
	})
	t.Run("embedder changed", func(t *testing.T) {
		cfg := cfg
		cfg.Embed = NewOfflineEmbedder(64)
		if r := openClose(t, cfg); r.LoadedFromDisk {
			t.Error("changed embedder did not trigger a rebuild")
		}
	})
	t.Run("corrupt vectors", func(t *testing.T) {
		openClose(t, cfg) // back to the default embedder
		cur, err := os.ReadFile(filepath.Join(data, knowledgeDir, currentFile))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(data, knowledgeDir, strings.TrimSpace(string(cur)), vectorsFile), "kaputt")
		b := mustOpen(t, cfg)
		if b.Report().LoadedFromDisk {
			t.Error("corrupt vectors were loaded")
		}
		if ps := mustSearch(t, b, Query{Text: "Baumfällung"}); len(ps) == 0 || ps[0].DocID != "leistungen/neu" {
			t.Errorf("rebuilt index lacks the new document: %v", ids(ps))
		}
	})
	t.Run("corrupt snapshot", func(t *testing.T) {
		openClose(t, cfg) // back to the default embedder
		cur, err := os.ReadFile(filepath.Join(data, knowledgeDir, currentFile))
		if err != nil {
			t.Fatal(err)
		}
		snap := filepath.Join(data, knowledgeDir, strings.TrimSpace(string(cur)), snapshotFile)
		writeFile(t, snap, "kaputt")
		b := mustOpen(t, cfg)
		if b.Report().LoadedFromDisk {
			t.Error("corrupt snapshot was loaded")
		}
		if ps := mustSearch(t, b, Query{Text: "Baumfällung"}); len(ps) == 0 || ps[0].DocID != "leistungen/neu" {
			t.Errorf("rebuilt index lacks the new document: %v", ids(ps))
		}
	})
}

func TestPersistSurvivesInterruptedBuild(t *testing.T) {
	root, _ := copyFixture(t)
	data := t.TempDir()
	cfg := Config{Roots: []Root{root}, DataDir: data}
	openClose(t, cfg)
	// What a crash mid-indexing leaves behind: a half-written generation and
	// a temp file for CURRENT that was never renamed.
	base := filepath.Join(data, knowledgeDir)
	writeFile(t, filepath.Join(base, "gen-halb-1", snapshotFile), "halb")
	writeFile(t, filepath.Join(base, ".CURRENT-123"), "gen-halb-1\n")
	b := mustOpen(t, cfg)
	if !b.Report().LoadedFromDisk {
		t.Error("the last good index was not loaded")
	}
	if ps := mustSearch(t, b, Query{Text: "Reisepass"}); len(ps) == 0 {
		t.Error("no results from the last good index")
	}
	// A build that fails (here: the context ends) leaves CURRENT alone.
	before, _ := os.ReadFile(filepath.Join(base, currentFile))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := b.Reindex(ctx); err == nil {
		t.Fatal("Reindex with a cancelled context succeeded")
	}
	after, _ := os.ReadFile(filepath.Join(base, currentFile))
	if string(before) != string(after) {
		t.Errorf("CURRENT changed from %q to %q by a failed build", before, after)
	}
	if ps := mustSearch(t, b, Query{Text: "Reisepass"}); len(ps) == 0 {
		t.Error("search broken after a failed reindex")
	}
}

func TestReindexReusesEmbeddings(t *testing.T) {
	root, dir := copyFixture(t)
	var calls atomic.Int64
	b := mustOpen(t, Config{Roots: []Root{root}, Embed: countingEmbedder(&calls)})
	total := b.Report().Chunks
	writeFile(t, filepath.Join(dir, "leistungen", "verwarnungsgeld.md"),
		"---\ntitle: Verwarnungsgeld bezahlen\n---\n# Verwarnungsgeld bezahlen\n\nSie können das Verwarnungsgeld jetzt auch online bezahlen.\n\n## Fristen\n\nBezahlen Sie innerhalb einer Woche, sonst folgt ein Bußgeldverfahren.\n")
	calls.Store(0)
	if err := b.Reindex(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("reindex after changing one chunk embedded %d texts of %d chunks, want 1", n, total)
	}
	ps := mustSearch(t, b, Query{Text: "Verwarnungsgeld online bezahlen"})
	if len(ps) == 0 || !strings.Contains(ps[0].Text, "jetzt auch online") {
		t.Errorf("changed text not found: %+v", first(ps))
	}
}

func TestWatchPicksUpChanges(t *testing.T) {
	root, dir := copyFixture(t)
	b := mustOpen(t, Config{Roots: []Root{root}, DataDir: t.TempDir(), Watch: true, pollInterval: 50 * time.Millisecond,
		Logger: slog.New(slog.NewTextHandler(testWriter{t}, nil))})

	// Searches run all the time while the index is swapped.
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var searchErrs atomic.Int64
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				ps, err := b.Search(context.Background(), Query{Text: "Reisepass Kosten"})
				if err != nil || len(ps) == 0 {
					searchErrs.Add(1)
				}
			}
		}()
	}
	defer func() {
		close(stop)
		wg.Wait()
		if n := searchErrs.Load(); n > 0 {
			t.Errorf("%d searches failed or came back empty during reindexing", n)
		}
	}()

	waitFor := func(what string, cond func() bool) {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for !cond() {
			if time.Now().After(deadline) {
				t.Fatalf("not picked up within 5 s: %s", what)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	found := func(q, id string) func() bool {
		return func() bool {
			ps := mustSearch(t, b, Query{Text: q})
			return len(ps) > 0 && ps[0].DocID == id
		}
	}

	neu := filepath.Join(dir, "leistungen", "baumfaellung.md")
	writeFile(t, neu, "# Baumfällung\n\nEine Baumfällgenehmigung beantragen Sie beim Umweltamt.")
	waitFor("added file", found("Baumfällgenehmigung Umweltamt", "leistungen/baumfaellung"))

	writeFile(t, neu, "# Baumfällung\n\nDie Baumfällgenehmigung erteilt jetzt das Grünflächenamt.")
	waitFor("changed file", found("Grünflächenamt", "leistungen/baumfaellung"))

	if err := os.Remove(neu); err != nil {
		t.Fatal(err)
	}
	waitFor("deleted file", func() bool {
		_, ok := b.Document("leistungen/baumfaellung", Citizen)
		return !ok && len(mustSearch(t, b, Query{Text: "Grünflächenamt"})) == 0
	})
	if !strings.Contains(strings.Join(ids(mustSearch(t, b, Query{Text: "Reisepass"})), " "), "leistungen/reisepass") {
		t.Error("unchanged documents lost")
	}
}

func TestSearchAfterClose(t *testing.T) {
	b, err := Open(context.Background(), Config{Roots: []Root{fixtureRoot()}, Watch: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := b.Search(context.Background(), Query{Text: "Reisepass"}); err == nil {
		t.Error("Search after Close succeeded")
	}
	if _, ok := b.Document("leistungen/reisepass", Citizen); ok {
		t.Error("Document after Close succeeded")
	}
}

func TestReportWriteTable(t *testing.T) {
	b := mustOpen(t, Config{Roots: []Root{fixtureRoot()}})
	var sb strings.Builder
	if err := b.Report().WriteTable(&sb); err != nil {
		t.Fatal(err)
	}
	out := sb.String()
	if !strings.Contains(strings.Join(strings.Fields(out), " "), "Übersprungen 14") {
		t.Errorf("table lacks the number of skipped files:\n%s", out)
	}
	for _, want := range []string{"neu aufgebaut", "Dokumente", "Abschnitte (Chunks)", "md", "pdf", "docx", "pptx", "json", "rss", "html", "txt",
		"stadt/kaputt/verschluesselt.pdf", "PDF ist verschlüsselt"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
}

// testWriter sends log output to t.Log.
type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

func TestWatchKeepsIndexOnBrokenConfig(t *testing.T) {
	root, dir := copyFixture(t)
	b := mustOpen(t, Config{Roots: []Root{root}, Watch: true, pollInterval: 30 * time.Millisecond})
	writeFile(t, filepath.Join(dir, "knowledge.yaml"), "defaults: [kaputt")
	time.Sleep(300 * time.Millisecond)
	if ps := mustSearch(t, b, Query{Text: "Reisepass"}); len(ps) == 0 || ps[0].DocID != "leistungen/reisepass" {
		t.Errorf("index lost after a broken knowledge.yaml: %v", ids(ps))
	}
	// Repairing the file is picked up.
	writeFile(t, filepath.Join(dir, "knowledge.yaml"), "defaults: {audience: citizen}\n")
	deadline := time.Now().Add(5 * time.Second)
	for {
		// Without the folder rules, intern/ is no longer employee-only.
		if _, ok := b.Document("intern/it/vpn-zugang", Citizen); ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("repaired knowledge.yaml not picked up within 5 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestOldSnapshotFormatIsRebuilt writes the snapshot of a generation in
// the layouts of formats 8 (one message, document frequencies as a map)
// and 9 (one message with the chunks, frequencies as two slices) and
// checks that the next start rebuilds the index instead of misreading it,
// that the rebuilt index answers as the first one did and that the
// rebuilt generation, in the present format, loads.
func TestOldSnapshotFormatIsRebuilt(t *testing.T) {
	root, _ := copyFixture(t)
	data := t.TempDir()
	cfg := Config{Roots: []Root{root}, DataDir: data}
	b := mustOpen(t, cfg)
	q := Query{Text: "Was kostet ein Reisepass?", Audience: Citizen, K: 5}
	want := mustSearch(t, b, q)
	if len(want) == 0 {
		t.Fatal("the fixture answers nothing")
	}
	vocabSize := len(b.cur.Load().vocab.df)
	b.Close()

	cur, err := os.ReadFile(filepath.Join(data, knowledgeDir, currentFile))
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(data, knowledgeDir, strings.TrimSpace(string(cur)), snapshotFile)
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	dec := gob.NewDecoder(f)
	hdr, err := readSnapshotHeader(dec)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := readSnapshotBody(dec, hdr)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	type snapshotV8 struct {
		Version  int
		Hashes   map[string]string
		Probe    []float32
		Docs     []Document
		Chunks   []chunk
		DF       map[string]int
		Synonyms [][]string
		Report   IndexReport
	}
	type snapshotV9 struct {
		Version  int
		Hashes   map[string]string
		Probe    []float32
		Docs     []Document
		Chunks   []chunk
		Terms    []string
		DF       []int
		Synonyms [][]string
		Report   IndexReport
	}
	v9 := snapshotV9{Version: 9, Hashes: snap.Hashes, Probe: snap.Probe, Docs: snap.Docs, Chunks: snap.Chunks,
		Synonyms: snap.Synonyms, Report: snap.Report}
	for term, n := range snap.DF {
		v9.Terms, v9.DF = append(v9.Terms, term), append(v9.DF, n)
	}
	olds := map[string]any{
		"8": &snapshotV8{Version: 8, Hashes: snap.Hashes, Probe: snap.Probe, Docs: snap.Docs, Chunks: snap.Chunks,
			DF: snap.DF, Synonyms: snap.Synonyms, Report: snap.Report},
		"9": &v9,
	}
	for _, format := range []string{"8", "9"} {
		t.Run("format "+format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := gob.NewEncoder(&buf).Encode(olds[format]); err != nil {
				t.Fatal(err)
			}
			cur, err := os.ReadFile(filepath.Join(data, knowledgeDir, currentFile))
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Join(data, knowledgeDir, strings.TrimSpace(string(cur)), snapshotFile)
			if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			rebuildsAndLoads(t, cfg, q, want, vocabSize, format)
		})
	}
}

// rebuildsAndLoads opens cfg, whose snapshot has an old format, and
// expects a rebuild that answers q with want, and a load on the next
// start.
func rebuildsAndLoads(t *testing.T, cfg Config, q Query, want []Passage, vocabSize int, format string) {
	t.Helper()
	b := mustOpen(t, cfg)
	if b.Report().LoadedFromDisk {
		t.Fatalf("a snapshot of format %s was loaded instead of rebuilt", format)
	}
	if got := len(b.cur.Load().vocab.df); got != vocabSize {
		t.Errorf("rebuilt vocabulary has %d terms, want %d", got, vocabSize)
	}
	if diff := cmp.Diff(want, mustSearch(t, b, q)); diff != "" {
		t.Errorf("rebuilt index answers differently (-before +after):\n%s", diff)
	}
	b.Close()

	// The rebuilt generation is written in the present format and loads.
	b = mustOpen(t, cfg)
	if !b.Report().LoadedFromDisk {
		t.Error("the rebuilt generation was not loaded on the next start")
	}
	if got := len(b.cur.Load().vocab.df); got != vocabSize {
		t.Errorf("loaded vocabulary has %d terms, want %d", got, vocabSize)
	}
	if diff := cmp.Diff(want, mustSearch(t, b, q)); diff != "" {
		t.Errorf("loaded index answers differently (-before +after):\n%s", diff)
	}
	b.Close()
}

// TestEnterLoaded checks how the manifest takes the loader's hashes: a
// file read with other bytes than the walk hashed, or created after the
// walk, is entered as read; a file the walk did not read keeps its entry.
func TestEnterLoaded(t *testing.T) {
	old, read, other := hashBytes([]byte("v1")), hashBytes([]byte("v2")), hashBytes([]byte("x"))
	walked := map[string]string{
		"r/changed.md":   old,
		"r/same.md":      other,
		"r/big.pdf":      "too-large:70000000@1",
		"r/link.md":      "link-refused",
		"r/flaky.md":     "unreadable",
		"r/excluded.txt": other,
	}
	loaded := map[string]string{
		"r/changed.md": read,
		"r/same.md":    other,
		"r/big.pdf":    read,
		"r/flaky.md":   read,
		"r/new.md":     read,
	}
	enterLoaded(walked, loaded)
	want := map[string]string{
		"r/changed.md":   read,
		"r/same.md":      other,
		"r/big.pdf":      "too-large:70000000@1",
		"r/link.md":      "link-refused",
		"r/flaky.md":     read,
		"r/excluded.txt": other,
		"r/new.md":       read,
	}
	if diff := cmp.Diff(want, walked); diff != "" {
		t.Errorf("manifest (-want +got):\n%s", diff)
	}
}
