// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/knowledge/musterstadt"
)

// offlineBuilder returns a Builder of the real offline assistant (no LLM,
// no ticketing) over roots, the way `lotse eval` wires it. The setting key
// "retrieval" selects the search mode (hybrid, lexical or dense); the
// default is hybrid.
func offlineBuilder(roots []knowledge.Root) Builder {
	return func(ctx context.Context, setting map[string]string) (Asker, func(), error) {
		mode, err := knowledge.ParseMode(setting["retrieval"])
		if err != nil {
			return nil, nil, err
		}
		base, err := knowledge.Open(ctx, knowledge.Config{Roots: roots, Mode: mode})
		if err != nil {
			return nil, nil, err
		}
		a, err := assistant.New(assistant.Config{Retriever: base, Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			base.Close()
			return nil, nil, err
		}
		return a, func() { base.Close() }, nil
	}
}

var _ Asker = (*assistant.Assistant)(nil)

// runGate builds the assistant, runs cases and logs the report.
func runGate(t *testing.T, cases []Case, build Builder) Report {
	t.Helper()
	ctx := context.Background()
	asker, release, err := build(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	rep, err := Run(ctx, cases, asker, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if testing.Verbose() {
		if err := rep.Write(os.Stdout, FormatText); err != nil {
			t.Fatal(err)
		}
	}
	if out := os.Getenv("LOTSE_EVAL_REPORT"); out != "" {
		f, err := os.Create(out)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rep.Thresholds = GateThresholds()
		if err := rep.Write(f, FormatMarkdown); err != nil {
			t.Fatal(err)
		}
	}
	return rep
}

// TestBundledGate is the CI gate: the offline assistant over the bundled
// Musterstadt base must reach hit@5 ≥ 0.95, fact recall ≥ 0.95, intent
// accuracy ≥ 0.85 and leak nothing. Set LOTSE_EVAL_REPORT=file.md to keep
// the report.
func TestBundledGate(t *testing.T) {
	cases, err := LoadCases(filepath.Join("cases", "musterstadt"))
	if err != nil {
		t.Fatal(err)
	}
	rep := runGate(t, cases, offlineBuilder([]knowledge.Root{{Name: "musterstadt", FS: musterstadt.FS()}}))
	for _, v := range rep.Check(GateThresholds()) {
		t.Error(v)
	}
	t.Logf("cases %d passed %d hit@1 %s hit@5 %s mrr@10 %s citation %s facts %s intent %s esc P %s R %s leaks %d p50 %s p95 %s",
		rep.Cases, rep.Passed, fmtRate(rep.Hit1), fmtRate(rep.Hit5), fmtRate(rep.MRR10), fmtRate(rep.Citation),
		fmtRate(rep.Facts), fmtRate(rep.Intent), fmtRate(rep.EscPrecision), fmtRate(rep.EscRecall), rep.Leaks,
		fmtMs(rep.LatencyP50), fmtMs(rep.LatencyP95))
}

// TestSharedCorpus runs the shared-corpus cases over the public corpus
// (skipped when it is absent). It fails on any leak; the quality figures
// are logged, not gated, because the corpus is not written for Lotse.
func TestSharedCorpus(t *testing.T) {
	corpus := sharedCorpus(t)
	cases, err := LoadCases(filepath.Join("cases", "shared"))
	if err != nil {
		t.Fatal(err)
	}
	roots := []knowledge.Root{
		{Name: "services-de", FS: os.DirFS(filepath.Join(corpus, "services-de"))},
		{Name: "it-kb", FS: os.DirFS(filepath.Join(corpus, "it-kb"))},
	}
	rep := runGate(t, cases, offlineBuilder(roots))
	for _, v := range rep.Check(Thresholds{}) {
		t.Error(v)
	}
	t.Logf("cases %d passed %d hit@1 %s hit@5 %s mrr@10 %s citation %s facts %s intent %s esc P %s R %s leaks %d p50 %s p95 %s",
		rep.Cases, rep.Passed, fmtRate(rep.Hit1), fmtRate(rep.Hit5), fmtRate(rep.MRR10), fmtRate(rep.Citation),
		fmtRate(rep.Facts), fmtRate(rep.Intent), fmtRate(rep.EscPrecision), fmtRate(rep.EscRecall), rep.Leaks,
		fmtMs(rep.LatencyP50), fmtMs(rep.LatencyP95))
}
