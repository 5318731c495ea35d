// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Limits bound what one knowledge file, and one loading run, may cost. A
// file that exceeds a limit is skipped with the reason; loading goes on.
// The zero value of a field means its default.
type Limits struct {
	// FileTimeout is the time one file may take to parse (default 10 s).
	// A parser that overruns is abandoned: its result is discarded, the
	// file is skipped and, while its content is unchanged, not parsed
	// again by later reindexing.
	FileTimeout time.Duration
	// MaxFileBytes is the largest file read at all (default 64 MiB).
	MaxFileBytes int64
	// MaxUnpackedBytes is the most an archive (DOCX, PPTX) may decompress
	// to, counted over all its entries (default 64 MiB).
	MaxUnpackedBytes int64
	// MaxTotalUnpacked is the most all archives of one loading run may
	// decompress to together (default 1 GiB).
	MaxTotalUnpacked int64
	// MaxEntries is the most entries an archive may list (default 10,000).
	MaxEntries int
	// MaxPages is the most pages a PDF may have (default 5,000).
	MaxPages int
	// MaxDepth is the deepest a PDF page tree, or a page's chain of
	// parents, may be (default 64).
	MaxDepth int
}

func (l Limits) withDefaults() Limits {
	if l.FileTimeout <= 0 {
		l.FileTimeout = 10 * time.Second
	}
	if l.MaxFileBytes <= 0 {
		l.MaxFileBytes = maxFileSize
	}
	if l.MaxUnpackedBytes <= 0 {
		l.MaxUnpackedBytes = 64 << 20
	}
	if l.MaxTotalUnpacked <= 0 {
		l.MaxTotalUnpacked = 1 << 30
	}
	if l.MaxEntries <= 0 {
		l.MaxEntries = 10000
	}
	if l.MaxPages <= 0 {
		l.MaxPages = 5000
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = 64
	}
	return l
}

// budget is what one file may still spend. It is shared with a parser
// that may be abandoned, so its counters are atomic.
type budget struct {
	lim      Limits
	unpacked atomic.Int64  // bytes this file decompressed so far
	total    *atomic.Int64 // bytes all files of the run decompressed so far
}

func newBudget(lim Limits, total *atomic.Int64) *budget {
	if total == nil {
		total = new(atomic.Int64)
	}
	return &budget{lim: lim.withDefaults(), total: total}
}

var errUnpackLimit = errors.New("entpackt zu groß")

// spend books n decompressed bytes and fails once a limit is passed.
func (b *budget) spend(n int64) error {
	if b.unpacked.Add(n) > b.lim.MaxUnpackedBytes {
		return fmt.Errorf("%w (mehr als %d Bytes, Dekompressionsbombe?)", errUnpackLimit, b.lim.MaxUnpackedBytes)
	}
	if b.total.Add(n) > b.lim.MaxTotalUnpacked {
		return fmt.Errorf("%w (Gesamtbudget aller Archive von %d Bytes erschöpft)", errUnpackLimit, b.lim.MaxTotalUnpacked)
	}
	return nil
}

// readAll reads r to the end, booking every byte against the budget.
func (b *budget) readAll(r io.Reader) ([]byte, error) {
	var out []byte
	buf := make([]byte, 32<<10)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			if err := b.spend(int64(n)); err != nil {
				return nil, err
			}
			out = append(out, buf[:n]...)
		}
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// parseResult is what a parser hands back across its goroutine.
type parseResult struct {
	docs   []parsedDoc
	format string
	err    error
}

// errParseTimeout marks a parser that was abandoned.
var errParseTimeout error = &fileError{reason: "Zeitlimit beim Lesen überschritten"}

// parseBounded runs parse in its own goroutine and waits at most the
// file's time limit, or until ctx ends. A parser that overruns cannot be
// stopped in Go; it is abandoned and its result dropped, so a stuck parser
// costs one goroutine, never the indexer, the start-up or the shutdown.
// stuck, when not nil, counts the abandoned parsers still running.
func parseBounded(ctx context.Context, timeout time.Duration, stuck *stuckFiles, parse func() parseResult) parseResult {
	const (
		running = iota
		done
		abandoned
	)
	var (
		mu    sync.Mutex
		state = running
	)
	ch := make(chan parseResult, 1) // buffered: an abandoned parser never blocks
	go func() {
		r := parse()
		mu.Lock()
		if state == abandoned {
			stuck.finished()
		}
		state = done
		mu.Unlock()
		ch <- r
	}()
	t := time.NewTimer(timeout)
	defer t.Stop()
	abandon := func(err error) parseResult {
		mu.Lock()
		defer mu.Unlock()
		if state == done {
			return <-ch // it finished just now
		}
		state = abandoned
		stuck.started()
		return parseResult{err: err}
	}
	select {
	case r := <-ch:
		return r
	case <-t.C:
		return abandon(fmt.Errorf("%w (%s), Parser abgebrochen", errParseTimeout, timeout))
	case <-ctx.Done():
		return abandon(ctx.Err())
	}
}

// maxStuckParsers is how many abandoned parsers may still be running
// before files of the formats that can hang (PDF, DOCX, PPTX) are skipped
// without being parsed, so that a root full of different stuck files
// cannot take every CPU.
const maxStuckParsers = 4

// stuckFiles remembers the content hashes of files whose parser was
// abandoned, so that reindexing after an unrelated change does not start
// another stuck parser for the same bytes.
type stuckFiles struct {
	mu      sync.Mutex
	m       map[string]string // sha256 → reason
	running int               // abandoned parsers that have not returned
}

func (s *stuckFiles) started() {
	if s == nil {
		return
	}
	s.mu.Lock()
	s.running++
	s.mu.Unlock()
}

func (s *stuckFiles) finished() {
	if s == nil {
		return
	}
	s.mu.Lock()
	s.running--
	s.mu.Unlock()
}

// full reports whether maxStuckParsers abandoned parsers are still running.
func (s *stuckFiles) full() bool {
	if s == nil {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.running >= maxStuckParsers
}

func (s *stuckFiles) reason(hash string) (string, bool) {
	if s == nil {
		return "", false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.m[hash]
	return r, ok
}

func (s *stuckFiles) add(hash, reason string) {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[string]string{}
	}
	s.m[hash] = reason
}

// maxLinkHops bounds the symbolic links followed to resolve one path.
const maxLinkHops = 40

// errOutsideRoot is the reason for refusing a link that leaves its root.
var errOutsideRoot = errors.New("symbolischer Link zeigt aus der Wissensquelle hinaus")

// resolveInRoot resolves the symbolic links in p, a path of fsys, and
// returns the path they lead to inside fsys. A link with an absolute target
// or one that climbs above the root is refused, as is any link when fsys
// cannot read links. Knowledge roots are closed: no file outside a root is
// ever read through one of its links.
func resolveInRoot(fsys fs.FS, p string) (string, error) {
	rl, ok := fsys.(fs.ReadLinkFS)
	if !ok {
		return "", errors.New("symbolischer Link in einer Quelle, die Links nicht auflösen kann")
	}
	hops := 0
	// done holds the resolved prefix; rest the components still to walk.
	var done []string
	rest := strings.Split(p, "/")
	for len(rest) > 0 {
		name := rest[0]
		rest = rest[1:]
		if name == "" || name == "." {
			continue
		}
		if name == ".." {
			if len(done) == 0 {
				return "", errOutsideRoot
			}
			done = done[:len(done)-1]
			continue
		}
		cur := path.Join(append(done, name)...)
		info, err := rl.Lstat(cur)
		if err != nil {
			return "", err
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			done = append(done, name)
			continue
		}
		if hops++; hops > maxLinkHops {
			return "", errors.New("zu viele verkettete symbolische Links")
		}
		target, err := rl.ReadLink(cur)
		if err != nil {
			return "", err
		}
		if target == "" || path.IsAbs(target) || strings.HasPrefix(target, `\`) || (len(target) > 1 && target[1] == ':') {
			return "", errOutsideRoot
		}
		rest = append(strings.Split(target, "/"), rest...)
	}
	if len(done) == 0 {
		return ".", nil
	}
	return path.Join(done...), nil
}

// pdfStreamRE finds the start of a PDF stream's data.
var pdfStreamRE = regexp.MustCompile(`stream\r?\n`)

// checkPDFStreams inflates every Flate-compressed stream of a PDF once,
// booking the bytes against the budget, before the PDF library reads it:
// the library decompresses streams without a limit, so a small PDF whose
// streams inflate to gigabytes ("PDF bomb") would otherwise hold the
// indexer's memory. Streams that do not inflate are left to the library.
// It also bounds the text a PDF may yield by the same budget.
func checkPDFStreams(data []byte, b *budget) error {
	for _, loc := range pdfStreamRE.FindAllIndex(data, -1) {
		if loc[0] >= 3 && string(data[loc[0]-3:loc[0]]) == "end" {
			continue
		}
		// Images are not read for text; only their own size counts.
		if o := bytes.LastIndex(data[:loc[0]], []byte(" obj")); o >= 0 && bytes.Contains(data[o:loc[0]], []byte("/Image")) {
			continue
		}
		start := loc[1]
		end := bytes.Index(data[start:], []byte("endstream"))
		if end < 0 {
			end = len(data) - start
		}
		zr, err := zlib.NewReader(bytes.NewReader(data[start : start+end]))
		if err != nil {
			continue // not Flate, or damaged: the library decides
		}
		buf := make([]byte, 32<<10)
		for {
			n, err := zr.Read(buf)
			if n > 0 {
				if err := b.spend(int64(n)); err != nil {
					return fmt.Errorf("PDF-Inhalt %w", err)
				}
			}
			if err != nil {
				break
			}
		}
	}
	return nil
}
