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
	formatVersion = 106 // bump when loading, analysis or the snapshot layout change
)

// The snapshot is the gob-encoded part of a generation: a stream of
// messages, none of them large, so that it can be written while the
// rest of the build runs and no message has to be held whole. gob builds
// each message in a buffer it grows by a quarter at a time; the one
// message of format 9 made it copy and clear a 100k-chunk index's
// snapshot about five times over.
//
//	snapshotHeader
//	NumDocs documents, in messages of []Document of up to snapshotPart
//	NumTerms terms, in messages of snapshotTerms of up to snapshotPart
//	snapshotTail
//
// The chunks are not stored: loading cuts the documents again
// (chunkDocument is part of the format; NumChunks checks the count, and
// the vectors name each chunk's document).
type snapshotHeader struct {
	Version   int
	Hashes    map[string]string // source → sha256 of every file below the roots
	Probe     []float32         // the embedder's vector for probeText
	Synonyms  [][]string
	NumDocs   int
	NumChunks int
	NumTerms  int
}

// snapshotTerms is one part of the vocabulary's document frequencies as
// two parallel slices: gob writes and reads a large map an entry at a
// time by reflection, ten times slower than slices.
type snapshotTerms struct {
	Terms []string
	DF    []int
}

// snapshotTail ends a snapshot; the report is known only when the build
// is done.
type snapshotTail struct {
	Report IndexReport
}

// snapshotPart is the most documents or terms per snapshot message.
const snapshotPart = 4096

// snapshotWriter writes a generation's snapshot in the background:
// everything but the report as soon as it is started, the report when
// finish hands it over.
type snapshotWriter struct {
	report chan IndexReport // closed without a report to abort
	done   chan error
}

// startSnapshot starts writing the snapshot of docs, the vocabulary df
// (neither may change any more) and the rest of hdr into dir.
func startSnapshot(dir string, hdr snapshotHeader, docs []Document, df map[string]int) *snapshotWriter {
	sw := &snapshotWriter{report: make(chan IndexReport, 1), done: make(chan error, 1)}
	hdr.Version, hdr.NumDocs, hdr.NumTerms = formatVersion, len(docs), len(df)
	go func() {
		sw.done <- writeFileAtomic(filepath.Join(dir, snapshotFile), func(w *bufio.Writer) error {
			enc := gob.NewEncoder(w)
			if err := enc.Encode(&hdr); err != nil {
				return err
			}
			for lo := 0; lo < len(docs); lo += snapshotPart {
				if err := enc.Encode(docs[lo:min(lo+snapshotPart, len(docs))]); err != nil {
					return err
				}
			}
			part := snapshotTerms{Terms: make([]string, 0, snapshotPart), DF: make([]int, 0, snapshotPart)}
			left := len(df)
			for t, n := range df {
				part.Terms, part.DF = append(part.Terms, t), append(part.DF, n)
				if left--; len(part.Terms) == snapshotPart || left == 0 {
					if err := enc.Encode(&part); err != nil {
						return err
					}
					part.Terms, part.DF = part.Terms[:0], part.DF[:0]
				}
			}
			r, ok := <-sw.report
			if !ok {
				return errors.New("build abandoned")
			}
			return enc.Encode(&snapshotTail{Report: r})
		})
	}()
	return sw
}

// finish hands over the report and waits until the snapshot is written
// and synced.
func (sw *snapshotWriter) finish(r IndexReport) error {
	sw.report <- r
	close(sw.report)
	return <-sw.done
}

// abort stops the writer and waits for it; the snapshot is not written.
func (sw *snapshotWriter) abort() {
	close(sw.report)
	<-sw.done
}

// snapshot is a snapshot as read back.
type snapshot struct {
	snapshotHeader
	Docs   []Document
	Chunks []chunk
	DF     map[string]int
	Report IndexReport
}

// readSnapshotHeader reads the header and checks the format.
func readSnapshotHeader(dec *gob.Decoder) (snapshotHeader, error) {
	var hdr snapshotHeader
	if err := dec.Decode(&hdr); err != nil {
		return hdr, fmt.Errorf("reading snapshot: %w", err)
	}
	if hdr.Version != formatVersion {
		return hdr, fmt.Errorf("%w: format %d, want %d", errStale, hdr.Version, formatVersion)
	}
	if hdr.NumDocs < 0 || hdr.NumChunks < 0 || hdr.NumTerms < 0 {
		return hdr, errors.New("reading snapshot: negative counts")
	}
	return hdr, nil
}

// readSnapshotBody reads what follows hdr and cuts the documents into
// chunks.
func readSnapshotBody(dec *gob.Decoder, hdr snapshotHeader) (*snapshot, error) {
	snap := &snapshot{snapshotHeader: hdr, Docs: make([]Document, 0, min(hdr.NumDocs, 1<<20))}
	for len(snap.Docs) < hdr.NumDocs {
		var part []Document
		if err := dec.Decode(&part); err != nil {
			return nil, fmt.Errorf("reading snapshot documents: %w", err)
		}
		if len(part) == 0 || len(snap.Docs)+len(part) > hdr.NumDocs {
			return nil, fmt.Errorf("reading snapshot: %d documents after %d of %d", len(part), len(snap.Docs), hdr.NumDocs)
		}
		snap.Docs = append(snap.Docs, part...)
	}
	snap.DF = make(map[string]int, min(hdr.NumTerms, 1<<22))
	for read := 0; read < hdr.NumTerms; {
		var part snapshotTerms
		if err := dec.Decode(&part); err != nil {
			return nil, fmt.Errorf("reading snapshot terms: %w", err)
		}
		if len(part.Terms) != len(part.DF) || len(part.Terms) == 0 || read+len(part.Terms) > hdr.NumTerms {
			return nil, fmt.Errorf("reading snapshot: %d terms with %d frequencies after %d of %d", len(part.Terms), len(part.DF), read, hdr.NumTerms)
		}
		for i, t := range part.Terms {
			snap.DF[t] = part.DF[i]
		}
		read += len(part.Terms)
	}
	var tail snapshotTail
	if err := dec.Decode(&tail); err != nil {
		return nil, fmt.Errorf("reading snapshot report: %w", err)
	}
	snap.Report = tail.Report
	snap.Chunks = chunkAll(snap.Docs)
	if len(snap.Chunks) != hdr.NumChunks {
		return nil, fmt.Errorf("%w: %d chunks, the snapshot had %d", errStale, len(snap.Chunks), hdr.NumChunks)
	}
	return snap, nil
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

// persist completes ix's generation directory, whose lexical index and
// vectors the build wrote and whose snapshot it is writing: it hands the
// snapshot its report, waits until it is synced and then points CURRENT
// at the generation.
func (b *Base) persist(ix *index) error {
	sw := ix.snapshot
	ix.snapshot = nil
	if err := sw.finish(ix.report); err != nil {
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
	dec := gob.NewDecoder(bufio.NewReaderSize(f, 1<<20))
	defer f.Close()
	hdr, err := readSnapshotHeader(dec)
	if err != nil {
		return nil, err
	}
	hashes, err := hashRoots(ctx, b.cfg.Roots)
	if err != nil {
		return nil, err
	}
	if !maps.Equal(hashes, hdr.Hashes) {
		return nil, fmt.Errorf("%w: sources changed", errStale)
	}
	if len(hdr.Probe) != len(b.probe) || dot(hdr.Probe, b.probe) < 0.999 {
		return nil, fmt.Errorf("%w: embedder changed", errStale)
	}
	snap, err := readSnapshotBody(dec, hdr)
	if err != nil {
		return nil, err
	}
	// The directory lock keeps other processes out; should bleve's own
	// file lock be held all the same, fail instead of waiting for it.
	lex, err := bleve.OpenUsing(filepath.Join(dir, lexDir), map[string]any{"bolt_timeout": "2s"})
	if err != nil {
		return nil, fmt.Errorf("opening lexical index: %w", err)
	}
	ix := &index{
		docs: snap.Docs, chunks: snap.Chunks, vocab: vocab{df: snap.DF},
		hashes: snap.Hashes, report: snap.Report, dir: dir, lex: lex,
		rules: newRuleSet(snap.Synonyms),
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

// enterLoaded enters into the manifest walked, made by hashRoots, the
// hashes of the files as the loader read them (loaded), which may have
// changed since they were walked or been created after. A file the walk
// could not hash (too large to be read, a refused link) keeps the walk's
// entry: the next start's walk enters it the same way.
func enterLoaded(walked, loaded map[string]string) {
	for src, h := range loaded {
		if w, ok := walked[src]; ok && !isHash(w) && w != "unreadable" {
			continue
		}
		walked[src] = h
	}
}

// isHash reports whether a manifest entry is a file's hash (hashBytes),
// not a stand-in for a file that was not read.
func isHash(e string) bool {
	if len(e) != 64 {
		return false
	}
	for i := 0; i < len(e); i++ {
		if c := e[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
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
