// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/musterstadt/lotse/knowledge/german"
)

// Mode selects the retrievers Search uses.
type Mode string

// The retrieval modes.
const (
	ModeHybrid  Mode = "hybrid"  // lexical and dense, fused by reciprocal rank (default)
	ModeLexical Mode = "lexical" // BM25 over German-analysed terms only
	ModeDense   Mode = "dense"   // embedding similarity only
)

// ParseMode validates s; the empty string means ModeHybrid.
func ParseMode(s string) (Mode, error) {
	switch m := Mode(s); m {
	case "":
		return ModeHybrid, nil
	case ModeHybrid, ModeLexical, ModeDense:
		return m, nil
	}
	return "", fmt.Errorf("knowledge: unknown retrieval mode %q (hybrid, lexical or dense)", s)
}

// offlineDim is the dimension of the offline embedder used when Config.Embed
// is nil.
const offlineDim = 256

// offlineDenseFloor is the least cosine similarity a chunk must reach with
// the offline embedder to enter the hybrid fusion on the strength of the
// dense retriever alone; below it the hashed features only share noise.
const offlineDenseFloor = 0.4

// offlineDenseWeight is the weight of the offline embedder's ranking in the
// fusion, relative to 1 for the lexical ranking. Hashed bags of words know
// no term weights, so a chunk headed "Benötigte Unterlagen" resembles every
// other such chunk; letting that ranking count half keeps it a tie-breaker
// and a net for typos instead of a rival to BM25.
const offlineDenseWeight = 0.5

// denseTuning adapts the fusion to the embedder's quality.
type denseTuning struct {
	floor  float64 // least similarity for a dense-only hit in hybrid mode
	weight float64 // weight of the dense ranking in the fusion
}

// Config configures Open. Only Roots is required.
type Config struct {
	// Roots are the knowledge roots, searched together. Document IDs must be
	// unique across roots; a later duplicate is skipped.
	Roots []Root
	// DataDir is where the index is persisted; "" keeps it in memory only.
	DataDir string
	// Embed embeds chunks and queries. nil means NewOfflineEmbedder(256).
	// Changing the embedder between runs is detected and forces a rebuild.
	Embed EmbedFunc
	// Mode is the retrieval mode; "" means ModeHybrid.
	Mode Mode
	// Watch makes the base poll its roots every second and swap in a new
	// index when files were added, changed or removed.
	Watch bool
	// Logger receives skipped files and reindex events; nil discards them.
	Logger *slog.Logger
	// Limits bound the time and memory one file may cost; zero fields
	// take their defaults.
	Limits Limits

	pollInterval time.Duration // tests shorten it
	lockWait     time.Duration // how long to wait for a held index lock; 0 means lockWait
}

// Base is an open knowledge base. It is safe for concurrent use; Search
// keeps working while a new index is built and swapped in.
type Base struct {
	cfg    Config
	logger *slog.Logger
	embed  EmbedFunc
	// offline is embed's state when embed is the offline embedder (no
	// Config.Embed), nil otherwise: a search embeds its query with it
	// into its own scratch.
	offline *offlineEmbedder
	dense   denseTuning
	probe   []float32
	cur     atomic.Pointer[index]
	stuck   stuckFiles // files whose parser was abandoned
	lock    *DirLock   // of the index directory, nil without DataDir

	rebuild   sync.Mutex // serialises reindexing
	stop      chan struct{}
	done      chan struct{}
	closeOnce sync.Once
}

// probeText is embedded at every start to recognise a changed embedder.
const probeText = "Lotse Sonde: Reisepass beantragen, Kosten und Unterlagen"

// Open loads the roots, builds or loads the index and, with cfg.Watch,
// starts watching the roots. It fails for a config without roots, an
// unknown mode, a malformed knowledge.yaml or an embedder that fails; files
// that cannot be read are skipped and listed in Report.
func Open(ctx context.Context, cfg Config) (*Base, error) {
	if len(cfg.Roots) == 0 {
		return nil, errors.New("knowledge: no knowledge roots configured")
	}
	mode, err := ParseMode(string(cfg.Mode))
	if err != nil {
		return nil, err
	}
	cfg.Mode = mode
	b := &Base{cfg: cfg, logger: cfg.Logger, embed: cfg.Embed, dense: denseTuning{weight: 1}}
	if b.logger == nil {
		b.logger = slog.New(slog.DiscardHandler)
	}
	if b.embed == nil {
		b.offline = newOfflineEmbedder(offlineDim)
		b.embed = func(ctx context.Context, text string) ([]float32, error) {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			return b.offline.embedInto(make([]float32, b.offline.dim), text), nil
		}
		b.dense = denseTuning{floor: offlineDenseFloor, weight: offlineDenseWeight}
	}
	if cfg.pollInterval <= 0 {
		b.cfg.pollInterval = time.Second
	}
	probe, err := b.embed(ctx, probeText)
	if err != nil {
		return nil, fmt.Errorf("knowledge: embedder does not work: %w", err)
	}
	b.probe = normalize(slices.Clone(probe))
	var sig map[string]string
	if cfg.Watch {
		// Taken before loading so that a change during the build is seen.
		sig = statRoots(cfg.Roots)
	}

	var ix *index
	if cfg.DataDir != "" {
		// One process per index directory: a second one fails here within
		// seconds, naming the holder, instead of waiting on bleve's files.
		wait := cfg.lockWait
		if wait <= 0 {
			wait = lockWait
		}
		if b.lock, err = lockDir(ctx, filepath.Join(cfg.DataDir, knowledgeDir), wait); err != nil {
			return nil, fmt.Errorf("knowledge: index: %w", err)
		}
		defer func() {
			if b.cur.Load() == nil {
				b.lock.Unlock()
			}
		}()
		ix, err = b.loadPersisted(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			b.logger.Info("knowledge: rebuilding index", "reason", err.Error())
			ix = nil
		}
	}
	if ix == nil {
		if ix, err = b.build(ctx, nil); err != nil {
			return nil, err
		}
	}
	b.cur.Store(ix)
	releaseGarbage()
	b.logger.Info("knowledge: index ready", "documents", ix.report.Documents, "chunks", ix.report.Chunks,
		"skipped", len(ix.report.Skipped), "from_disk", ix.report.LoadedFromDisk, "duration", ix.report.Duration)
	if cfg.Watch {
		b.stop, b.done = make(chan struct{}), make(chan struct{})
		go b.watch(sig)
	}
	return b, nil
}

// build loads the roots and builds a new index generation, persisted when
// a data directory is configured. reuse holds embeddings of the previous
// generation.
func (b *Base) build(ctx context.Context, reuse map[string][]float32) (*index, error) {
	start := time.Now()
	// The manifest is hashed while the roots are loaded (each is one
	// core's work), and every file the loader read is entered with the
	// hash of the very bytes it indexed: a file changed meanwhile makes the
	// manifest stale (a rebuild next time), never a stale index look fresh.
	var hashes map[string]string
	hashed := make(chan error, 1)
	if b.cfg.DataDir != "" { // the manifest matters only for persistence
		go func() {
			var err error
			hashes, err = hashRoots(ctx, b.cfg.Roots)
			hashed <- err
		}()
	} else {
		hashed <- nil
	}
	l, err := loadRoots(ctx, b.cfg.Roots, b.logger, loadOptions{limits: b.cfg.Limits, stuck: &b.stuck})
	if herr := <-hashed; err == nil {
		err = herr
	}
	if err != nil {
		return nil, err
	}
	if hashes != nil {
		enterLoaded(hashes, l.hashes)
	}
	in := buildInput{
		docs: l.docs, skipped: l.skipped, synonyms: l.synonyms, hashes: hashes,
		formats: l.formats, embed: b.embed, reuse: reuse, probe: b.probe,
	}
	var gen string
	if b.cfg.DataDir != "" {
		if gen, err = newGeneration(b.cfg.DataDir); err != nil {
			return nil, err
		}
		in.gen = gen
	}
	ix, err := buildIndex(ctx, in)
	if err != nil {
		if gen != "" {
			os.RemoveAll(gen)
		}
		return nil, err
	}
	ix.report.Duration = time.Since(start)
	if gen != "" {
		ix.dir = gen
		if err := b.persist(ix); err != nil {
			ix.close()
			os.RemoveAll(gen)
			return nil, err
		}
	}
	return ix, nil
}

// releaseGarbage collects and returns freed memory to the operating
// system. Building an index allocates several times what it keeps (texts,
// token lists, bleve's batches, the vectors before packing); without this
// the runtime keeps the peak's pages for minutes, and a freshly built
// process stays half again as large as one started from the persisted
// index (BenchmarkStartRSS). It collects twice: what sync.Pools hold
// (bleve keeps its segment builders' buffers in one) survives the first
// collection and is freed by the second, so the pages are returned with
// the rest (at 100k chunks, about 50 MiB that otherwise stayed resident).
func releaseGarbage() {
	runtime.GC()
	debug.FreeOSMemory()
}

// Reindex reloads all roots now and swaps in the new index. Searches keep
// using the old index until the new one is complete; on error the old
// index stays.
func (b *Base) Reindex(ctx context.Context) error {
	b.rebuild.Lock()
	defer b.rebuild.Unlock()
	old := b.cur.Load()
	if old == nil {
		return errors.New("knowledge: base is closed")
	}
	ix, err := b.build(ctx, old.embeddingsByHash())
	if err != nil {
		return err
	}
	if !b.cur.CompareAndSwap(old, ix) {
		ix.close()
		return errors.New("knowledge: base is closed")
	}
	if err := old.close(); err != nil {
		b.logger.Warn("knowledge: closing old index", "err", err)
	}
	if old.dir != "" && old.dir != ix.dir {
		os.RemoveAll(old.dir)
	}
	releaseGarbage()
	b.logger.Info("knowledge: index swapped", "documents", ix.report.Documents, "chunks", ix.report.Chunks, "duration", ix.report.Duration)
	return nil
}

// watch polls the roots and reindexes after a change.
func (b *Base) watch(last map[string]string) {
	defer close(b.done)
	t := time.NewTicker(b.cfg.pollInterval)
	defer t.Stop()
	for {
		select {
		case <-b.stop:
			return
		case <-t.C:
		}
		sig := statRoots(b.cfg.Roots)
		if maps.Equal(sig, last) {
			continue
		}
		// Let a burst of writes settle before reading the files.
		select {
		case <-b.stop:
			return
		case <-time.After(b.cfg.pollInterval / 2):
		}
		if sig = statRoots(b.cfg.Roots); maps.Equal(sig, last) {
			continue
		}
		ctx, cancel := context.WithCancel(context.Background())
		go func() {
			select {
			case <-b.stop:
				cancel()
			case <-ctx.Done():
			}
		}()
		err := b.Reindex(ctx)
		cancel()
		if err != nil {
			// Typically a broken knowledge.yaml: wait for the next change
			// rather than failing again every poll.
			b.logger.Error("knowledge: reindex after change failed; keeping the previous index", "err", err)
		}
		last = sig
	}
}

// Search returns up to q.K passages (5 if K is 0, at most 50) for the
// question, best first, at most one per document except that the chunk of
// the requested facet of the best document may come with it. Passages the
// requester's audience may not read are never returned: a query whose
// Audience is not Employee is treated as Citizen. An empty question yields
// no passages and no error.
func (b *Base) Search(ctx context.Context, q Query) ([]Passage, error) {
	if strings.TrimSpace(q.Text) == "" {
		return nil, nil
	}
	aud := Citizen
	if q.Audience == Employee {
		aud = Employee
	}
	k := q.K
	if k <= 0 {
		k = 5
	}
	k = min(k, maxK)
	for {
		ix := b.cur.Load()
		if ix == nil {
			return nil, errors.New("knowledge: base is closed")
		}
		ix.mu.RLock()
		if ix.closed {
			// Swapped out and closed between Load and RLock: take the new one.
			ix.mu.RUnlock()
			continue
		}
		res, err := ix.search(ctx, q, aud, k, b.cfg.Mode, b.embed, b.offline, b.dense)
		ix.mu.RUnlock()
		return res, err
	}
}

// KnowsWord reports whether the folded word w is a word of the indexed
// texts (any audience's), as the index stems it.
func (b *Base) KnowsWord(w string) bool {
	ix := b.cur.Load()
	if ix == nil {
		return false
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return !ix.closed && ix.vocab.has(german.Stem(w))
}

// CompleteWord returns the most frequent stem of the indexed texts (any
// audience's) that starts with the folded prefix p and is longer than
// it: what a word cut short for an abbreviation ("Unterl.") stands for.
// It returns "" when no stem does.
func (b *Base) CompleteWord(p string) string {
	return b.vocabWord(func(v *vocab) string { return v.complete(p) })
}

// vocabWord returns what f finds in the current index's vocabulary, read
// under the index's lock; "" when the base is closed.
func (b *Base) vocabWord(f func(v *vocab) string) string {
	ix := b.cur.Load()
	if ix == nil {
		return ""
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.closed {
		return ""
	}
	return f(&ix.vocab)
}

// CompoundHead returns the end of the folded word w from where its last
// part begins when the index vocabulary splits w into known parts: German
// puts what a compound is there ("ehevorbereitungskurs" → "kurs"). It
// returns "" for a word that is no compound of known parts.
func (b *Base) CompoundHead(w string) string {
	return b.vocabWord(func(v *vocab) string { return v.compoundHead(w) })
}

// Document returns the document with the given ID if aud may read it. aud
// other than Employee is treated as Citizen.
func (b *Base) Document(id string, aud Audience) (Document, bool) {
	d, ok := b.DocumentView(id, aud)
	if !ok {
		return Document{}, false
	}
	return cloneDoc(d), true
}

// DocumentView is Document without the copy: the document shares its
// slices and map with the index, so the caller must only read it. It
// spares an answer copying the sections of every candidate it weighs.
func (b *Base) DocumentView(id string, aud Audience) (Document, bool) {
	ix := b.cur.Load()
	if ix == nil {
		return Document{}, false
	}
	i, ok := ix.docByID[id]
	if !ok || !ix.docs[i].Audience.VisibleTo(requester(aud)) {
		return Document{}, false
	}
	return ix.docs[i], true
}

// Documents returns the documents aud may read, sorted by ID.
func (b *Base) Documents(aud Audience) []Document {
	ix := b.cur.Load()
	if ix == nil {
		return nil
	}
	r := requester(aud)
	var out []Document
	for _, d := range ix.docs {
		if d.Audience.VisibleTo(r) {
			out = append(out, cloneDoc(d))
		}
	}
	return out
}

// Report describes the current index.
func (b *Base) Report() IndexReport {
	ix := b.cur.Load()
	if ix == nil {
		return IndexReport{}
	}
	r := ix.report
	r.Files = maps.Clone(r.Files)
	r.Skipped = slices.Clone(r.Skipped)
	return r
}

// Close stops watching and releases the index. Searches after Close fail.
func (b *Base) Close() error {
	var err error
	b.closeOnce.Do(func() {
		if b.stop != nil {
			close(b.stop)
			<-b.done
		}
		b.rebuild.Lock()
		defer b.rebuild.Unlock()
		if ix := b.cur.Swap(nil); ix != nil {
			err = ix.close()
		}
		err = errors.Join(err, b.lock.Unlock())
	})
	return err
}

func requester(a Audience) Audience {
	if a == Employee {
		return Employee
	}
	return Citizen
}

func cloneDoc(d Document) Document {
	d.Synonyms = slices.Clone(d.Synonyms)
	d.Sections = slices.Clone(d.Sections)
	if d.Names != nil {
		names := make(map[string][]string, len(d.Names))
		for l, ns := range d.Names {
			names[l] = slices.Clone(ns)
		}
		d.Names = names
	}
	return d
}
