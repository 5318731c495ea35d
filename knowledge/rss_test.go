// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BenchmarkStartRSS measures the resident memory of a process after a
// fresh build of the synthetic 100k-chunk corpus (which persists it) and
// of another process after a start from that persisted index, each in a
// child process of its own, and their ratio; and the build's indexing
// throughput. Run it with
//
//	go test -run '^$' -bench StartRSS -benchtime 1x ./knowledge/
func BenchmarkStartRSS(b *testing.B) {
	dir := b.TempDir()
	var fresh, loaded rssReport
	for b.Loop() {
		os.RemoveAll(dir)
		fresh = runRSSChild(b, dir, 100_000)
		loaded = runRSSChild(b, dir, 100_000)
	}
	if fresh.fromDisk || !loaded.fromDisk {
		b.Fatalf("fresh start loaded from disk: %v; second start: %v", fresh.fromDisk, loaded.fromDisk)
	}
	b.ReportMetric(fresh.rssMiB, "fresh-RSS-MiB")
	b.ReportMetric(loaded.rssMiB, "persisted-RSS-MiB")
	b.ReportMetric(fresh.rssMiB/loaded.rssMiB, "fresh/persisted")
	b.ReportMetric(float64(fresh.chunks)/fresh.took.Seconds(), "build-chunks/s")
	b.ReportMetric(loaded.took.Seconds(), "load-s")
}

type rssReport struct {
	rssMiB   float64
	chunks   int
	took     time.Duration
	fromDisk bool
}

// runRSSChild runs TestRSSChild in a new process and parses its report.
func runRSSChild(tb testing.TB, dir string, chunks int) rssReport {
	tb.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestRSSChild$", "-test.v")
	cmd.Env = append(os.Environ(), "LOTSE_RSS_CHILD_DIR="+dir, "LOTSE_RSS_CHILD_CHUNKS="+strconv.Itoa(chunks))
	out, err := cmd.CombinedOutput()
	if err != nil {
		tb.Fatalf("child: %v\n%s", err, out)
	}
	var r rssReport
	for _, line := range strings.Split(string(out), "\n") {
		if _, err := fmt.Sscanf(strings.TrimSpace(line), "rss-report %f %d %d %t", &r.rssMiB, &r.chunks, &r.took, &r.fromDisk); err == nil {
			return r
		}
	}
	tb.Fatalf("child printed no report:\n%s", out)
	return r
}

// TestRSSChild is the child of BenchmarkStartRSS; without its environment
// it does nothing.
func TestRSSChild(t *testing.T) {
	dir := os.Getenv("LOTSE_RSS_CHILD_DIR")
	if dir == "" {
		t.Skip("child process of BenchmarkStartRSS")
	}
	n, _ := strconv.Atoi(os.Getenv("LOTSE_RSS_CHILD_CHUNKS"))
	root, _ := synthCorpus(n)
	runtime.GC()
	base := processRSS(t)
	start := time.Now()
	b, err := Open(context.Background(), Config{Roots: []Root{root}, DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	// Settle as a serving process would within seconds: one GC cycle.
	runtime.GC()
	rss := processRSS(t) - base
	r := b.Report()
	fmt.Printf("rss-report %.1f %d %d %t\n", rss, r.Chunks, took, r.LoadedFromDisk)
	b.Close()
}

// processRSS returns this process's resident set in MiB.
func processRSS(tb testing.TB) float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		tb.Skipf("no /proc: %v", err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if v, ok := strings.CutPrefix(s.Text(), "VmRSS:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			return kb / 1024
		}
	}
	tb.Skip("no VmRSS in /proc/self/status")
	return 0
}
