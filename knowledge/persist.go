// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bufio"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
)

// On-disk layout below Config.DataDir:
//
//	knowledge/CURRENT             name of the live generation, replaced by rename
//	knowledge/gen-<n>/index.gob   documents, chunks, vocabulary, manifest
//	knowledge/gen-<n>/vectors.gob the chunk vectors, a chromem-go export
//	knowledge/gen-<n>/lex/        the bleve (scorch) index
//
// A generation is complete before CURRENT names it, so a crash while
// indexing leaves the last good generation in place; stray generations are
// removed at the next build.
const (
	knowledgeDir  = "knowledge"
	currentFile   = "CURRENT"
	snapshotFile  = "index.gob"
	vectorsFile   = "vectors.gob"
	lexDir        = "lex"
	formatVersion = 9 // bump when analysis or the snapshot layout change
)

// snapshot is the gob-encoded part of a generation.
type snapshot struct {
	Version int
	Hashes  map[string]string // source → sha256 of every file below the roots
	Probe   []float32         // the embedder's vector for probeText
	Docs    []Document
	Chunks  []chunk
	// The vocabulary's document frequencies as two parallel slices: gob
	// writes and reads a large map an entry at a time by reflection, ten
	// times slower than slices.
	Terms    []string
	DF       []int
	Synonyms [][]string
	Report   IndexReport
}

// newGeneration creates an empty generation directory and removes
// generations that CURRENT does not name (left over from a crash).
func newGeneration(dataDir string) (string, error) {
	base := filepath.Join(dataDir, knowledgeDir)
	if err := os.MkdirAll(base, 0o755); err != nil {
		return "", fmt.Errorf("knowledge: creating data dir: %w", err)
	}
	cur, _ := os.ReadFile(filepath.Join(base, currentFile))
	entries, _ := os.ReadDir(base)
	for _, e := range entries {
		if !e.IsDir() && strings.HasPrefix(e.Name(), "."+currentFile+"-") {
			if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > time.Minute {
				os.Remove(filepath.Join(base, e.Name())) // temp file of a crashed switch
			}
			continue
		}
		if e.IsDir() && strings.HasPrefix(e.Name(), "gen-") && e.Name() != strings.TrimSpace(string(cur)) {
			// A generation still open by a running search is not removed
			// here: Reindex removes the old one itself after closing it.
			if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > time.Minute {
				os.RemoveAll(filepath.Join(base, e.Name()))
			}
		}
	}
	dir, err := os.MkdirTemp(base, "gen-"+strconv.FormatInt(time.Now().UnixNano(), 36)+"-")
	if err != nil {
		return "", fmt.Errorf("knowledge: creating index generation: %w", err)
	}
	return dir, nil
}

// persist writes the vectors and the snapshot of ix into its generation
// directory, each synced (the two at once: each is one core's work), and
// then points CURRENT at it.
func (b *Base) persist(ix *index) error {
	vectors := make(chan error, 1)
	go func() {
		vectors <- writeFileAtomic(filepath.Join(ix.dir, vectorsFile), func(w *bufio.Writer) error {
			return ix.dense.export(w)
		})
	}()
	snap := snapshot{
		Version: formatVersion, Hashes: ix.hashes, Probe: b.probe, Docs: ix.docs, Chunks: ix.chunks,
		Terms: make([]string, 0, len(ix.vocab.df)), DF: make([]int, 0, len(ix.vocab.df)),
		Synonyms: ix.rules.groups, Report: ix.report,
	}
	for t, n := range ix.vocab.df {
		snap.Terms = append(snap.Terms, t)
		snap.DF = append(snap.DF, n)
	}
	err := writeFileAtomic(filepath.Join(ix.dir, snapshotFile), func(w *bufio.Writer) error {
		return gob.NewEncoder(w).Encode(&snap)
	})
	if verr := <-vectors; verr != nil {
		return fmt.Errorf("knowledge: writing vectors: %w", verr)
	}
	if err != nil {
		return fmt.Errorf("knowledge: writing index snapshot: %w", err)
	}
	base := filepath.Dir(ix.dir)
	if err := writeFileAtomic(filepath.Join(base, currentFile), func(w *bufio.Writer) error {
		_, err := w.WriteString(filepath.Base(ix.dir) + "\n")
		return err
	}); err != nil {
		return fmt.Errorf("knowledge: switching to new index: %w", err)
	}
	return nil
}

// writeFileAtomic writes a temp file next to name, syncs it and renames it
// over name.
func writeFileAtomic(name string, write func(*bufio.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+"-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	w := bufio.NewWriterSize(f, 1<<20)
	if err := write(w); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), name)
}

// errStale says why a persisted index was not used.
var errStale = errors.New("persisted index is stale")

// loadPersisted opens the generation CURRENT names if its sources, format
// and embedder match the present ones.
func (b *Base) loadPersisted(ctx context.Context) (*index, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	start := time.Now()
	base := filepath.Join(b.cfg.DataDir, knowledgeDir)
	name, err := os.ReadFile(filepath.Join(base, currentFile))
	if err != nil {
		return nil, fmt.Errorf("no persisted index: %w", err)
	}
	dir := filepath.Join(base, strings.TrimSpace(string(name)))
	f, err := os.Open(filepath.Join(dir, snapshotFile))
	if err != nil {
		return nil, fmt.Errorf("opening snapshot: %w", err)
	}
	var snap snapshot
	err = gob.NewDecoder(bufio.NewReaderSize(f, 1<<20)).Decode(&snap)
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("reading snapshot: %w", err)
	}
	if snap.Version != formatVersion {
		return nil, fmt.Errorf("%w: format %d, want %d", errStale, snap.Version, formatVersion)
	}
	if len(snap.Terms) != len(snap.DF) {
		return nil, fmt.Errorf("reading snapshot: %d terms but %d frequencies", len(snap.Terms), len(snap.DF))
	}
	hashes, err := hashRoots(ctx, b.cfg.Roots)
	if err != nil {
		return nil, err
	}
	if !maps.Equal(hashes, snap.Hashes) {
		return nil, fmt.Errorf("%w: sources changed", errStale)
	}
	if len(snap.Probe) != len(b.probe) || dot(snap.Probe, b.probe) < 0.999 {
		return nil, fmt.Errorf("%w: embedder changed", errStale)
	}
	// The directory lock keeps other processes out; should bleve's own
	// file lock be held all the same, fail instead of waiting for it.
	lex, err := bleve.OpenUsing(filepath.Join(dir, lexDir), map[string]any{"bolt_timeout": "2s"})
	if err != nil {
		return nil, fmt.Errorf("opening lexical index: %w", err)
	}
	ix := &index{
		docs: snap.Docs, chunks: snap.Chunks, vocab: vocab{df: make(map[string]int, len(snap.Terms))},
		hashes: snap.Hashes, report: snap.Report, dir: dir, lex: lex,
		rules: newRuleSet(snap.Synonyms),
	}
	for i, t := range snap.Terms {
		ix.vocab.df[t] = snap.DF[i]
	}
	ix.docByID = make(map[string]int, len(ix.docs))
	ix.byDoc = make([][]int, len(ix.docs))
	for i := range ix.docs {
		ix.docByID[ix.docs[i].ID] = i
	}
	for c := range ix.chunks {
		d := ix.chunks[c].Doc
		ix.byDoc[d] = append(ix.byDoc[d], c)
	}
	vf, err := os.Open(filepath.Join(dir, vectorsFile))
	if err != nil {
		lex.Close()
		return nil, fmt.Errorf("opening vectors: %w", err)
	}
	ix.dense, err = loadDenseIndex(ctx, vf, len(ix.chunks), ix.chunkMeta, b.embed)
	vf.Close()
	if err != nil {
		lex.Close()
		return nil, err
	}
	ix.embeds = ix.dense.embeds
	ix.report.LoadedFromDisk = true
	ix.report.Duration = time.Since(start)
	return ix, nil
}

// hashRoots hashes every regular, non-hidden file below the roots. It is
// the manifest that decides whether a persisted index is still current.
func hashRoots(ctx context.Context, roots []Root) (map[string]string, error) {
	out := map[string]string{}
	for _, r := range roots {
		err := fs.WalkDir(r.FS, ".", func(p string, d fs.DirEntry, err error) error {
			if cerr := ctx.Err(); cerr != nil {
				return cerr
			}
			if err != nil {
				if p == "." {
					return err
				}
				return nil
			}
			if p != "." && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			real, info, ok := fileInRoot(r.FS, p, d)
			if !ok {
				if d.Type()&fs.ModeSymlink != 0 {
					out[r.Name+"/"+p] = "link-refused"
				}
				return nil
			}
			// A file too large to be indexed is not read to be hashed
			// either; its size and time stand for it.
			if info.Size() > maxFileSize {
				out[r.Name+"/"+p] = "too-large:" + strconv.FormatInt(info.Size(), 10) + "@" + strconv.FormatInt(info.ModTime().UnixNano(), 10)
				return nil
			}
			data, err := readLimited(r.FS, real, maxFileSize)
			if err != nil {
				out[r.Name+"/"+p] = "unreadable"
				return nil
			}
			out[r.Name+"/"+p] = hashBytes(data)
			return nil
		})
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, fmt.Errorf("knowledge: hashing root %q: %w", r.Name, err)
		}
	}
	return out, nil
}

// statRoots returns size and modification time of every file below the
// roots; the watcher compares successive results.
func statRoots(roots []Root) map[string]string {
	out := map[string]string{}
	for _, r := range roots {
		fs.WalkDir(r.FS, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			_, info, ok := fileInRoot(r.FS, p, d)
			if !ok {
				return nil
			}
			out[r.Name+"/"+p] = strconv.FormatInt(info.Size(), 10) + "@" + strconv.FormatInt(info.ModTime().UnixNano(), 10)
			return nil
		})
	}
	return out
}

// fileInRoot returns the regular file that the walked entry p names: p
// itself, or for a symbolic link its target if that stays inside the root.
func fileInRoot(fsys fs.FS, p string, d fs.DirEntry) (string, fs.FileInfo, bool) {
	real := p
	if d.Type()&fs.ModeSymlink != 0 {
		r, err := resolveInRoot(fsys, p)
		if err != nil {
			return "", nil, false
		}
		real = r
	} else if !d.Type().IsRegular() {
		return "", nil, false
	}
	info, err := fs.Stat(fsys, real)
	if err != nil || !info.Mode().IsRegular() {
		return "", nil, false
	}
	return real, info, true
}
