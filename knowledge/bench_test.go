// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Benchmarks over synthetic German-like corpora. Run the search benchmarks
// with
//
//	go test -run '^$' -bench 'Search|DenseQuery' -benchtime 200x ./knowledge/
//
// and the ones that build or load whole indexes with few iterations:
//
//	go test -run '^$' -bench 'Index|ColdStart|OpenMusterstadt' -benchtime 3x ./knowledge/
//
// Each corpus document has a title, an intro and five facet sections of
// about 300 characters, so a corpus of n chunks has n/6 documents. Words are
// built from German syllables plus real administrative words, so that
// stemming, decompounding and the stop-word list see realistic input.

var (
	syllables  = strings.Fields("ge bau amt stadt schaft ung heit keit an mel de be trag ver lust zu las sen fahr zeug per so nal aus weis rei se pass steu er hund ab fall wohn sitz kin der gar ten burg berg bach feld dorf markt platz weg hof land kreis ord nung recht frist ko sten ur kun de")
	realWords  = strings.Fields("Antrag Bürgerbüro Gebühr Unterlagen Personalausweis Reisepass Wohnsitz Anmeldung Fahrzeug Zulassung Termin Öffnungszeiten Nachweis Bescheinigung Formular Verwaltung Behörde Frist Einwohner Meldebehörde Urkunde Standesamt Steuer Verlust Genehmigung")
	fillWords  = strings.Fields("der die das und mit für bei nach von ist sind wird werden Sie Ihre einen eine im am zum zur")
	facetNames = []string{"Zuständige Stelle", "Benötigte Unterlagen", "Kosten", "Bearbeitungsdauer", "Termin"}
)

func synthWord(r *rand.Rand) string {
	if r.IntN(6) == 0 {
		return realWords[r.IntN(len(realWords))]
	}
	n := 2 + r.IntN(3)
	var b strings.Builder
	for range n {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	w := b.String()
	if r.IntN(3) == 0 {
		w = strings.ToUpper(w[:1]) + w[1:]
	}
	return w
}

func synthParagraph(r *rand.Rand, words int) string {
	var b strings.Builder
	for i := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		if r.IntN(3) == 0 {
			b.WriteString(fillWords[r.IntN(len(fillWords))])
		} else {
			b.WriteString(synthWord(r))
		}
		if r.IntN(12) == 0 {
			b.WriteByte('.')
		}
	}
	return b.String() + "."
}

// synthCorpus returns a knowledge root of about n chunks; every tenth
// document is for employees only.
func synthCorpus(n int) (Root, []string) {
	r := rand.New(rand.NewPCG(uint64(n), 42))
	files := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen}\nfolders:\n  - match: \"intern/**\"\n    audience: employee\n")},
	}
	var titles []string
	docs := n / (len(facetNames) + 1)
	for d := range docs {
		title := synthWord(r) + " " + synthWord(r)
		titles = append(titles, title)
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %s\n---\n%s\n", title, synthParagraph(r, 40))
		for _, f := range facetNames {
			fmt.Fprintf(&b, "\n## %s\n\n%s\n", f, synthParagraph(r, 40))
		}
		dir := "leistungen"
		if d%10 == 9 {
			dir = "intern"
		}
		files[fmt.Sprintf("%s/%03d/dok-%d.md", dir, d%1000, d)] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return Root{Name: fmt.Sprintf("synth-%d", n), FS: files}, titles
}

// synthQueries makes questions from document titles, with typos, facet
// words and noise, like a citizen would type them.
func synthQueries(titles []string, n int) []Query {
	r := rand.New(rand.NewPCG(7, 7))
	qs := make([]Query, n)
	for i := range qs {
		t := titles[r.IntN(len(titles))]
		words := strings.Fields(t)
		switch i % 4 {
		case 0:
			qs[i] = Query{Text: "Was kostet " + t + "?", Facet: FacetKosten}
		case 1:
			w := []byte(words[0])
			if len(w) > 5 {
				w[2], w[3] = w[3], w[2] // one transposition
			}
			qs[i] = Query{Text: string(w) + " " + words[1] + " beantragen"}
		case 2:
			qs[i] = Query{Text: "Welche Unterlagen brauche ich für " + words[1], Facet: FacetUnterlagen}
		default:
			qs[i] = Query{Text: strings.Join(words, "") + " " + synthWord(r)}
		}
		qs[i].Audience = Citizen
	}
	return qs
}

var benchBases sync.Map // size → *benchBase

type benchBase struct {
	b      *Base
	titles []string
	bytes  float64 // heap per chunk after Open
}

func openBenchBase(tb testing.TB, n int) *benchBase {
	tb.Helper()
	if v, ok := benchBases.Load(n); ok {
		return v.(*benchBase)
	}
	root, titles := synthCorpus(n)
	before := heapInUse()
	b, err := Open(context.Background(), Config{Roots: []Root{root}})
	if err != nil {
		tb.Fatal(err)
	}
	after := heapInUse()
	bb := &benchBase{b: b, titles: titles, bytes: float64(after-before) / float64(b.Report().Chunks)}
	benchBases.Store(n, bb)
	return bb
}

func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkSearch measures whole searches; the vectors are queried with the
// flat scan, as in production. mode=bleve-alone is the baseline of the
// lexical path: the question's stems as one bleve disjunction over body
// and title with the audience filter, without Lotse's query analysis
// (decompounding, typo correction, synonyms), tie handling or fusion.
func BenchmarkSearch(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprintf("chunks=%d/mode=bleve-alone", n), func(b *testing.B) {
			bb := openBenchBase(b, n)
			ix := bb.b.cur.Load()
			qs := synthQueries(bb.titles, 512)
			lat := make([]time.Duration, 0, b.N)
			ctx := context.Background()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				start := time.Now()
				if _, err := ix.lex.SearchInContext(ctx, bleveAloneRequest(qs[i%len(qs)].Text)); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(start))
			}
			b.StopTimer()
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
		})
		for _, mode := range []Mode{ModeHybrid, ModeLexical, ModeDense} {
			b.Run(fmt.Sprintf("chunks=%d/mode=%s", n, mode), func(b *testing.B) {
				bb := openBenchBase(b, n)
				bb.b.cfg.Mode = mode
				defer func() { bb.b.cfg.Mode = ModeHybrid }()
				qs := synthQueries(bb.titles, 512)
				lat := make([]time.Duration, 0, b.N)
				ctx := context.Background()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					start := time.Now()
					if _, err := bb.b.Search(ctx, qs[i%len(qs)]); err != nil {
						b.Fatal(err)
					}
					lat = append(lat, time.Since(start))
				}
				b.StopTimer()
				slices.Sort(lat)
				b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
				b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
				b.ReportMetric(float64(bb.b.Report().Chunks), "chunks")
				b.ReportMetric(bb.bytes, "heap-B/chunk")
				ls := &bb.b.cur.Load().lexScore
				ls.mu.RLock()
				b.ReportMetric(float64(ls.cached), "cached-postings")
				ls.mu.RUnlock()
			})
		}
	}
}

// bleveAloneRequest is the plain bleve query of BenchmarkSearch's
// baseline for a citizen question.
func bleveAloneRequest(text string) *bleve.SearchRequest {
	var should []query.Query
	for _, t := range analyze(text) {
		bq := bleve.NewTermQuery(t)
		bq.SetField(fieldBody)
		tq := bleve.NewTermQuery(t)
		tq.SetField(fieldTitle)
		tq.SetBoost(titleBoost)
		should = append(should, bq, tq)
	}
	bq := bleve.NewBooleanQuery()
	bq.AddMust(bleve.NewDisjunctionQuery(should...))
	vq := bleve.NewTermQuery(string(Citizen))
	vq.SetField(fieldVis)
	bq.AddFilter(vq)
	return bleve.NewSearchRequestOptions(bq, minCandidates, 0, false)
}

// randomUnitVectors returns rows random unit vectors of dim dimensions.
func randomUnitVectors(rows, dim int) [][]float32 {
	r := rand.New(rand.NewPCG(1, 2))
	embeds := make([][]float32, rows)
	for i := range embeds {
		v := make([]float32, dim)
		for j := range v {
			v[j] = float32(r.NormFloat64())
		}
		embeds[i] = normalize(v)
	}
	return embeds
}

// BenchmarkDenseQuery measures the vector query alone against the
// memory-bandwidth bound, at 1k, 10k and 100k rows of the offline
// embedder's dimension, fetching what a search fetches (minCandidates), on
// both paths: the flat scan (production) and chromem-go's own query. Run it
// with
//
//	go test -run '^$' -bench DenseQuery -benchtime 40x ./knowledge/
//
// Each iteration is one round of a memcpy of as many bytes as the query
// reads (on as many goroutines as the scan uses) and then the query; the
// medians over the rounds give bound-ns, query-ns and x-bound, their
// ratio, so that machine load hits both alike. bytes/query counts the rows
// scanned. Before timing, the flat scan's results are checked against
// chromem's query: the same chunks with the same scores.
func BenchmarkDenseQuery(b *testing.B) {
	meta := func(c int) (string, bool) { return fmt.Sprintf("dok/%06d", c), true }
	for _, rows := range []int{1_000, 10_000, 100_000} {
		embeds := randomUnitVectors(rows, offlineDim)
		d := mustDense(b, embeds, meta, panicEmbedder, false)
		queries := randomUnitVectors(64, offlineDim)
		ctx := context.Background()
		for _, q := range queries[:4] {
			d.viaChromem = true
			want, err := d.search(ctx, q, true, minCandidates)
			if err != nil {
				b.Fatal(err)
			}
			d.viaChromem = false
			if got := d.flat.search(q, true, minCandidates); !slices.Equal(got, want) {
				b.Fatalf("rows=%d: flat scan and chromem differ:\n%v\n%v", rows, got, want)
			}
		}
		full := rows * offlineDim * 4
		src, dst := make([]byte, full), make([]byte, full)
		for _, path := range []string{"flat", "chromem"} {
			// Both read every vector; chromem on one goroutine per core.
			scanned, workers := full, runtime.GOMAXPROCS(0)
			if path == "flat" {
				if workers = 1; rows > parallelRows {
					workers = min(runtime.GOMAXPROCS(0), 8)
				}
			}
			b.Run(fmt.Sprintf("rows=%d/vectors=%s", rows, path), func(b *testing.B) {
				d.viaChromem = path == "chromem"
				defer func() { d.viaChromem = false }()
				var copies, queriesT []time.Duration
				i := 0
				for b.Loop() {
					start := time.Now()
					parallelCopy(dst[:scanned], src[:scanned], workers)
					copies = append(copies, time.Since(start))
					start = time.Now()
					if _, err := d.search(ctx, queries[i%len(queries)], true, minCandidates); err != nil {
						b.Fatal(err)
					}
					queriesT = append(queriesT, time.Since(start))
					i++
				}
				bound, took := median(copies), median(queriesT)
				b.ReportMetric(float64(scanned), "bytes/query")
				b.ReportMetric(float64(bound.Nanoseconds()), "bound-ns")
				b.ReportMetric(float64(took.Nanoseconds()), "query-ns")
				b.ReportMetric(float64(took)/float64(bound), "x-bound")
			})
		}
	}
}

// parallelCopy copies src to dst on workers goroutines, in equal parts.
func parallelCopy(dst, src []byte, workers int) {
	if workers <= 1 {
		copy(dst, src)
		return
	}
	var wg sync.WaitGroup
	per := (len(src) + workers - 1) / workers
	for lo := 0; lo < len(src); lo += per {
		hi := min(lo+per, len(src))
		wg.Add(1)
		go func() {
			defer wg.Done()
			copy(dst[lo:hi], src[lo:hi])
		}()
	}
	wg.Wait()
}

func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

// BenchmarkIndex measures fresh builds of the synthetic corpus, in memory
// and persisted to a data directory (each build into an empty one), in
// chunks per second.
func BenchmarkIndex(b *testing.B) {
	for _, n := range []int{10_000} {
		for _, persisted := range []bool{false, true} {
			name := fmt.Sprintf("chunks=%d/memory", n)
			if persisted {
				name = fmt.Sprintf("chunks=%d/disk", n)
			}
			b.Run(name, func(b *testing.B) {
				root, _ := synthCorpus(n)
				var chunks int
				var total time.Duration
				for i := 0; i < b.N; i++ {
					cfg := Config{Roots: []Root{root}}
					if persisted {
						cfg.DataDir = b.TempDir()
					}
					start := time.Now()
					base, err := Open(context.Background(), cfg)
					if err != nil {
						b.Fatal(err)
					}
					total += time.Since(start)
					chunks = base.Report().Chunks
					base.Close()
				}
				b.ReportMetric(float64(chunks*b.N)/total.Seconds(), "chunks/s")
			})
		}
	}
}

// BenchmarkIndexReplica measures a fresh build on disk of the shared
// corpus (service guides, IT articles, statutes) replicated to about 100k
// chunks, each copy with a different fifth of its words left out (as in
// TestRecall100k): a real vocabulary with its repetitions, where the
// synthetic corpus has a vocabulary of mostly unique words. Run it with
//
//	go test -run '^$' -bench IndexReplica -benchtime 1x ./knowledge/
//
// It skips without ../shared/corpus.
func BenchmarkIndexReplica(b *testing.B) {
	root := replicaCorpus(b, 100_000)
	var chunks int
	var total time.Duration
	for i := 0; i < b.N; i++ {
		start := time.Now()
		base, err := Open(context.Background(), Config{Roots: []Root{root}, DataDir: b.TempDir()})
		if err != nil {
			b.Fatal(err)
		}
		total += time.Since(start)
		chunks = base.Report().Chunks
		base.Close()
	}
	b.ReportMetric(float64(chunks), "chunks")
	b.ReportMetric(float64(chunks*b.N)/total.Seconds(), "chunks/s")
}

// replicaCorpus writes the shared corpus's documents as Markdown, first as
// they are and then in copies with a different fifth of the words of every
// section left out, until about n chunks; every tenth copy of a document
// is for employees only.
func replicaCorpus(tb testing.TB, n int) Root {
	tb.Helper()
	roots := []Root{corpusRoot(tb, "services-de"), corpusRoot(tb, "it-kb"), corpusRoot(tb, "laws-de")}
	l, err := loadRoots(context.Background(), roots, nil, loadOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	files := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: citizen}\nfolders:\n  - match: \"intern/**\"\n    audience: employee\n")},
	}
	chunks := 0
	for k := 0; chunks < n; k++ {
		for i := range l.docs {
			if chunks >= n {
				break
			}
			d := &l.docs[i]
			var sb strings.Builder
			fmt.Fprintf(&sb, "---\ntitle: %q\n---\n", d.Title)
			doc := Document{}
			for _, sec := range d.Sections {
				text := sec.Text
				if k > 0 {
					text = dropWords(text, uint64(k))
				}
				heading := sec.Heading
				if j := strings.LastIndex(heading, " › "); j >= 0 {
					heading = heading[j+len(" › "):]
				}
				if heading != "" {
					fmt.Fprintf(&sb, "\n## %s\n\n", heading)
				}
				fmt.Fprintf(&sb, "%s\n", text)
				doc.Sections = append(doc.Sections, Section{Heading: sec.Heading, Text: text})
			}
			dir := "leistungen"
			if (i+k)%10 == 9 {
				dir = "intern"
			}
			name := fmt.Sprintf("%s/k%03d/%s.md", dir, k, strings.ReplaceAll(d.ID, "/", "_"))
			files[name] = &fstest.MapFile{Data: []byte(sb.String())}
			chunks += len(chunkDocument(0, &doc, nil))
		}
	}
	return Root{Name: "replica", FS: files}
}

func BenchmarkColdStart(b *testing.B) {
	root, _ := synthCorpus(10_000)
	data := b.TempDir()
	cfg := Config{Roots: []Root{root}, DataDir: data}
	base, err := Open(context.Background(), cfg) // build and persist once
	if err != nil {
		b.Fatal(err)
	}
	chunks := base.Report().Chunks
	base.Close()
	b.ResetTimer()
	var total time.Duration
	for i := 0; i < b.N; i++ {
		start := time.Now()
		base, err := Open(context.Background(), cfg)
		if err != nil {
			b.Fatal(err)
		}
		total += time.Since(start)
		if !base.Report().LoadedFromDisk {
			b.Fatal("cold start rebuilt the index instead of loading it")
		}
		base.Close()
	}
	b.ReportMetric(total.Seconds()*1000/float64(b.N), "ms/open")
	b.ReportMetric(float64(chunks), "chunks")
}

// TestSynthCorpus keeps the benchmark corpus honest: it loads, has the
// intended size and its queries find their documents.
func TestSynthCorpus(t *testing.T) {
	root, titles := synthCorpus(600)
	b := mustOpen(t, Config{Roots: []Root{root}})
	if c := b.Report().Chunks; c < 550 || c > 650 {
		t.Errorf("corpus of 600 chunks has %d", c)
	}
	hits := 0
	qs := synthQueries(titles, 40)
	for _, q := range qs {
		if ps := mustSearch(t, b, q); len(ps) > 0 {
			hits++
		}
	}
	if hits < len(qs)*9/10 {
		t.Errorf("only %d of %d synthetic queries found anything", hits, len(qs))
	}
}

// BenchmarkVectors measures the vector scan alone at 100k rows of the
// offline embedder's dimension.
func BenchmarkVectors(b *testing.B) {
	const rows = 100_000
	vs := testNewVectors(randomUnitVectors(rows, offlineDim), func(i int) bool { return i%10 != 9 })
	q := vs.data[4711*offlineDim : 4712*offlineDim]
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if got := vs.search(q, i%2 == 0, 50); len(got) != 50 {
			b.Fatalf("got %d rows", len(got))
		}
	}
}

// typoWords are misspellings of the synthetic corpus's real words and one
// word that is near nothing.
var typoWords = []string{"personalausweiss", "reisepas", "anmeldunng", "gebuhr", "unterlagne", "zulasung", "xyzqwerty"}

// BenchmarkTypoCorrection measures correcting unknown words against the
// vocabulary of a 1k-chunk corpus, the first time (nearest) and again
// (correct, memoised).
func BenchmarkTypoCorrection(b *testing.B) {
	ix := openBenchBase(b, 1000).b.cur.Load()
	for name, f := range map[string]func(string) string{"first": ix.vocab.nearest, "again": ix.vocab.correct} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, w := range typoWords {
					f(w)
				}
			}
		})
	}
}

// TestTypoCorrectionAllocations keeps correction from building a string
// per candidate (about 54 per letter): at most the buffer and the winner.
func TestTypoCorrectionAllocations(t *testing.T) {
	v := &vocab{df: map[string]int{"personalausweis": 3, "reisepass": 2, "gebuehr": 1}}
	for w, want := range map[string]string{"personalausweiss": "personalausweis", "reisepas": "reisepass", "gebuhr": "gebuehr", "xyzqwerty": ""} {
		if got := v.correct(w); got != want {
			t.Errorf("correct(%q) = %q, want %q", w, got, want)
		}
		if n := testing.AllocsPerRun(20, func() { v.nearest(w) }); n > 2 {
			t.Errorf("nearest(%q) allocates %v times, want at most 2", w, n)
		}
		if n := testing.AllocsPerRun(20, func() { v.correct(w) }); n > 0 {
			t.Errorf("correct(%q) a second time allocates %v times, want none (memoised)", w, n)
		}
	}
}
