// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/whitespace"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bleveapi "github.com/blevesearch/bleve_index_api"
	"github.com/musterstadt/lotse/knowledge/german"
)

// Field names of the lexical index. Text fields hold terms that went
// through analyze (and decompounding) already and are split on blanks only,
// so index and query analysis cannot drift apart.
const (
	fieldBody  = "body"  // title, heading path and text of the chunk
	fieldTitle = "title" // document title, front-matter synonyms and the file name's words
	fieldVis   = "vis"   // audiences that may read the chunk: "citizen employee" or "employee"

	preAnalyzed = "lotse_pre"
)

// index is one immutable generation of the knowledge base: documents,
// chunks, the lexical and the vector index. Base swaps whole indexes.
type index struct {
	docs    []Document
	docByID map[string]int
	chunks  []chunk
	byDoc   [][]int // chunk indexes per document, in reading order
	vocab   vocab
	rules   *ruleSet
	embeds  [][]float32 // per chunk
	hashes  map[string]string
	report  IndexReport
	dir     string // generation directory on disk, "" in memory

	lex      bleve.Index
	lexScore lexScorer // scores lexical queries from bleve's postings
	// fusionPool holds *fusionScratch, sized for this generation.
	fusionPool sync.Pool
	dense      *denseIndex
	// snapshot is being written while a build on disk ends; persist
	// finishes it.
	snapshot *snapshotWriter

	// mu guards closed: searches hold it for reading so that a swapped-out
	// index is closed only after its last search ended.
	mu     sync.RWMutex
	closed bool
}

func (ix *index) close() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.closed {
		return nil
	}
	ix.closed = true
	if ix.lex != nil {
		return ix.lex.Close()
	}
	return nil
}

// newMapping builds the bleve mapping: BM25 scoring, pre-analysed text
// fields, nothing stored.
func newMapping() (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	im.ScoringModel = bleveapi.BM25Scoring
	if err := im.AddCustomAnalyzer(preAnalyzed, map[string]any{
		"type":      custom.Name,
		"tokenizer": whitespace.Name,
	}); err != nil {
		return nil, err
	}
	text := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = preAnalyzed
		f.Store = false
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt(fieldBody, text())
	dm.AddFieldMappingsAt(fieldTitle, text())
	dm.AddFieldMappingsAt(fieldVis, text())
	im.DefaultMapping = dm
	im.DefaultAnalyzer = preAnalyzed
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false
	return im, nil
}

// buildInput is everything needed to build an index.
type buildInput struct {
	docs     []Document
	skipped  []Skipped
	synonyms [][]string
	hashes   map[string]string
	formats  map[string]int
	embed    EmbedFunc
	reuse    map[string][]float32 // embeddings by text hash from the previous generation
	// gen is the generation directory the index is written to, "" in
	// memory; probe is the embedder's vector for probeText, for the
	// snapshot.
	gen   string
	probe []float32
}

// embedText is what the embedder sees for a chunk: its heading path
// without the generic facet headings, then its text. "Reisepass beantragen
// › Benötigte Unterlagen" is embedded as "Reisepass beantragen": every
// service has a "Benötigte Unterlagen" section, and the facet is matched by
// the facet boost, so the vector should say what the chunk is about.
func embedText(c *chunk) string {
	parts := strings.Split(c.Section, " › ")
	kept := parts[:1]
	for _, p := range parts[1:] {
		if labelFacet(p) == FacetNone {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, " › ") + "\n" + c.Text
}

func textHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:16])
}

// buildIndex chunks the documents, analyses them, embeds every chunk
// (reusing embeddings of unchanged text) and builds both indexes.
func buildIndex(ctx context.Context, in buildInput) (*index, error) {
	start := time.Now()
	// Chunks are numbered in document ID order, so that ranking ties broken
	// by chunk index are broken by DocID, then reading order.
	slices.SortStableFunc(in.docs, func(a, b Document) int { return strings.Compare(a.ID, b.ID) })
	ix := &index{docs: in.docs, docByID: make(map[string]int, len(in.docs)), hashes: in.hashes}
	for i := range ix.docs {
		ix.docByID[ix.docs[i].ID] = i
	}
	ix.chunks = chunkAll(ix.docs)
	ix.byDoc = make([][]int, len(ix.docs))
	for c := range ix.chunks {
		d := ix.chunks[c].Doc
		ix.byDoc[d] = append(ix.byDoc[d], c)
	}
	ix.rules = newRuleSet(in.synonyms)

	st := newStemmer()
	bodies, err := analyzeChunks(ctx, ix.chunks, &ix.vocab)
	if err != nil {
		return nil, err
	}
	// On disk, the snapshot is written from here on while the rest is
	// built: the documents and the vocabulary do not change any more.
	lexPath := ""
	if in.gen != "" {
		lexPath = filepath.Join(in.gen, lexDir)
		ix.snapshot = startSnapshot(in.gen, snapshotHeader{
			Hashes: in.hashes, Probe: in.probe, Synonyms: ix.rules.groups, NumChunks: len(ix.chunks),
		}, ix.docs, ix.vocab.df)
	}
	// The chunks are embedded, stored in the vector store and, on disk,
	// written while the lexical index is built: the two need nothing from
	// each other, and an embedder that calls a service mostly waits.
	ix.embeds = make([][]float32, len(ix.chunks))
	ectx, cancelEmbed := context.WithCancel(ctx)
	embedded := make(chan error, 1)
	go func() { embedded <- ix.buildVectors(ectx, in) }()
	ix.lex, err = buildLexical(ctx, lexPath, ix, bodies, st)
	if err != nil {
		cancelEmbed()
		<-embedded
		ix.abortSnapshot()
		return nil, err
	}
	err = <-embedded
	cancelEmbed()
	if err != nil {
		ix.lex.Close()
		ix.abortSnapshot()
		return nil, err
	}
	ix.report = IndexReport{
		Files:     in.formats,
		Documents: len(ix.docs),
		Chunks:    len(ix.chunks),
		Skipped:   in.skipped,
		Duration:  time.Since(start),
		BuiltAt:   time.Now().UTC(),
	}
	return ix, nil
}

// buildLexical builds the bleve index of the chunks from their analysed
// terms, at path or in memory if path is "". It drops each batch's terms
// from bodies once bleve has them.
//
// Batches of lexBatchSize chunks are built on as many workers as there are
// processors: bleve builds one segment per batch, in the goroutine that
// hands it the batch, so one worker would leave the other cores idle. On
// disk, a batch does not wait until its segment is synced (unsafe_batch);
// bleve's persister writes the segments behind the workers, and the build
// waits for every batch's persisted callback before it returns, so the
// index is on disk when the generation is switched to.
//
// The segments are the same as when one worker built the batches in turn
// and waited for each to be synced: the batches hold the same chunks, the
// persister writes each batch's segment as it is (it would merge the
// segments of batches it finds unsynced together), and the merge policy is
// bleve's default as before. This matters for scores: bleve's BM25
// estimates the average field length from the segments' dictionaries.
func buildLexical(ctx context.Context, path string, ix *index, bodies [][]string, st *stemmer) (bleve.Index, error) {
	im, err := newMapping()
	if err != nil {
		return nil, fmt.Errorf("knowledge: index mapping: %w", err)
	}
	var cfg map[string]any
	if path != "" {
		cfg = map[string]any{
			"unsafe_batch": true,
			// bleve's persister merges the segments it finds unsynced
			// together unless "memory pressure" is above this threshold;
			// at 0 it writes every batch's segment as it is.
			"scorchPersisterOptions": map[string]any{"MemoryPressurePauseThreshold": 0},
		}
	}
	lex, err := bleve.NewUsing(path, im, scorch.Name, scorch.Name, cfg)
	if err != nil {
		return nil, fmt.Errorf("knowledge: creating lexical index: %w", err)
	}
	titles := make([][]string, len(ix.docs))
	for i := range ix.docs {
		d := &ix.docs[i]
		titles[i] = st.analyze(titleText(*d))
	}
	visCitizen, visEmployee := []string{"citizen", "employee"}, []string{"employee"}

	batches := (len(ix.chunks) + lexBatchSize - 1) / lexBatchSize
	persisted := make(chan error, batches)
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), 8, batches) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				lo := int(next.Add(1)-1) * lexBatchSize
				if lo >= len(ix.chunks) {
					return
				}
				b := lex.NewBatch()
				for i := lo; i < min(lo+lexBatchSize, len(ix.chunks)); i++ {
					c := &ix.chunks[i]
					vis := visEmployee
					if ix.docs[c.Doc].Audience.VisibleTo(Citizen) {
						vis = visCitizen
					}
					if err := b.IndexAdvanced(lexDocument(strconv.Itoa(i), bodies[i], titles[c.Doc], vis)); err != nil {
						cancel(fmt.Errorf("knowledge: indexing chunk: %w", err))
						return
					}
				}
				if path != "" {
					b.SetPersistedCallback(func(err error) { persisted <- err })
				}
				if err := lex.Batch(b); err != nil {
					cancel(fmt.Errorf("knowledge: indexing batch: %w", err))
					return
				}
				// The batch's segment holds the terms now: dropping them
				// leaves the collector less to scan for the rest of the
				// build.
				clear(bodies[lo:min(lo+lexBatchSize, len(bodies))])
			}
		}()
	}
	wg.Wait()
	if path != "" && context.Cause(ctx) == nil {
		if err := waitPersisted(ctx, lex, persisted, batches); err != nil {
			cancel(err)
		}
	}
	if err := context.Cause(ctx); err != nil {
		lex.Close()
		return nil, err
	}
	return lex, nil
}

// lexBatchSize is the number of chunks per bleve batch (and segment).
// Bigger batches cost less CPU in all but leave a fresh process larger
// (BenchmarkStartRSS).
const lexBatchSize = 2000

// waitPersisted waits until n batches reported that they are on disk. A
// batch whose segment cannot be written is retried by bleve's persister
// and never reports, so the wait also ends when the persister counts an
// error.
func waitPersisted(ctx context.Context, lex bleve.Index, persisted <-chan error, n int) error {
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for n > 0 {
		select {
		case err := <-persisted:
			if err != nil {
				return fmt.Errorf("knowledge: writing lexical index: %w", err)
			}
			n--
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
			if persistErrors(lex) > 0 {
				return errors.New("knowledge: writing lexical index failed")
			}
		}
	}
	return nil
}

// persistErrors returns how often bleve's persister failed to write a
// snapshot of lex.
func persistErrors(lex bleve.Index) uint64 {
	st, _ := lex.StatsMap()["index"].(map[string]any)
	n, _ := st["TotPersistLoopErr"].(uint64)
	return n
}

func contains(ts []string, t string) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// embedAll embeds every chunk on a few workers, reusing vectors of text
// that was embedded before.
func (ix *index) embedAll(ctx context.Context, embed EmbedFunc, reuse map[string][]float32) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	workers := min(runtime.GOMAXPROCS(0), 8)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				c := &ix.chunks[i]
				text := embedText(c)
				if len(reuse) > 0 {
					if v, ok := reuse[textHash(text)]; ok {
						ix.embeds[i] = v
						continue
					}
				}
				v, err := embed(ctx, text)
				if err == nil && len(v) == 0 {
					err = errors.New("empty embedding")
				}
				if err != nil {
					cancel(fmt.Errorf("knowledge: embedding %s: %w", ix.docs[c.Doc].ID, err))
					continue
				}
				ix.embeds[i] = normalize(v)
			}
		}()
	}
	for i := range ix.chunks {
		select {
		case jobs <- i:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
	}
	close(jobs)
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return err
	}
	if len(ix.embeds) > 0 {
		dim := len(ix.embeds[0])
		for i, v := range ix.embeds {
			if len(v) != dim {
				return fmt.Errorf("knowledge: embedding of %s has %d dimensions, want %d", ix.docs[ix.chunks[i].Doc].ID, len(v), dim)
			}
		}
	}
	return nil
}

// embeddingsByHash returns the index's embeddings keyed by text hash, for
// reuse by the next generation.
func (ix *index) embeddingsByHash() map[string][]float32 {
	m := make(map[string][]float32, len(ix.chunks))
	for i := range ix.chunks {
		c := &ix.chunks[i]
		m[textHash(embedText(c))] = ix.embeds[i]
	}
	return m
}

// chunkMeta returns the document ID of chunk c and whether citizens may
// read it.
func (ix *index) chunkMeta(c int) (string, bool) {
	d := &ix.docs[ix.chunks[c].Doc]
	return d.ID, d.Audience.VisibleTo(Citizen)
}

// buildVectors embeds every chunk, stores the vectors in the vector store
// and, for a build on disk, writes them into the generation (synced).
func (ix *index) buildVectors(ctx context.Context, in buildInput) error {
	if err := ix.embedAll(ctx, in.embed, in.reuse); err != nil {
		return err
	}
	d, err := newDenseIndex(ctx, ix.embeds, ix.chunkMeta, in.embed)
	if err != nil {
		return err
	}
	ix.dense = d
	if in.gen == "" {
		return nil
	}
	if err := writeFileAtomic(filepath.Join(in.gen, vectorsFile), func(w *bufio.Writer) error { return d.export(w) }); err != nil {
		return fmt.Errorf("knowledge: writing vectors: %w", err)
	}
	return nil
}

// abortSnapshot stops writing the snapshot of a build that failed.
func (ix *index) abortSnapshot() {
	if ix.snapshot != nil {
		ix.snapshot.abort()
		ix.snapshot = nil
	}
}

// chunkAll cuts every document into chunks, numbered in document order.
func chunkAll(docs []Document) []chunk {
	titles := make(map[string]bool, len(docs))
	for _, d := range docs {
		titles[linkKey(d.Title)] = true
	}
	var chunks []chunk
	for i := range docs {
		chunks = append(chunks, chunkDocument(i, &docs[i], titles)...)
	}
	return chunks
}

// titleText is what the title field indexes of d: its title, its synonyms
// and the words of its file name that these do not already hold (a file
// named after the title would count twice).
func titleText(d Document) string {
	text := d.Title + " " + strings.Join(d.Synonyms, " ")
	folded := " " + strings.Join(german.Words(text), " ") + " "
	var extra []string
	for _, w := range strings.Fields(SlugWords(d.ID)) {
		if !strings.Contains(folded, " "+german.Fold(w)+" ") {
			extra = append(extra, w)
		}
	}
	return text + " " + strings.Join(extra, " ")
}
