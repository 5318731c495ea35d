// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/evals"
	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/knowledge/musterstadt"
)

// runEvalVerifier measures the claim verifier of LLM answers: it plants
// errors into faithful answers built from the case sets over the bundled
// base and, when present, the shared corpus, and writes detection and
// false-alarm rates per error kind as a Markdown table. Exit status: 0
// ok, 1 a target missed, 2 bad input.
func runEvalVerifier(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval verifier", flag.ContinueOnError)
	fs.SetOutput(stderr)
	casesDir := fs.String("cases", "evals/cases", "directory of the case sets (musterstadt/, shared/ and natural/)")
	shared := fs.String("shared", "../shared/corpus", "shared corpus directory; skipped when absent")
	minDetect := fs.Float64("min-detection", 0.95, "fail below this overall detection rate")
	minKind := fs.Float64("min-kind", 0.90, "fail below this detection rate for any error kind")
	maxAlarm := fs.Float64("max-false-alarms", 0.05, "fail above this false-alarm rate on correct answers")
	details := fs.Bool("details", false, "list every miss and false alarm after the table")
	if err := fs.Parse(args); err != nil {
		return exitError{code: evals.ExitBadInput, err: err}
	}
	log := slog.New(slog.DiscardHandler)
	type suiteSpec struct {
		name  string
		roots []knowledge.Root
		cases []string
	}
	specs := []suiteSpec{{"musterstadt", []knowledge.Root{{Name: "musterstadt", FS: musterstadt.FS()}},
		[]string{filepath.Join(*casesDir, "musterstadt"), filepath.Join(*casesDir, "natural", "musterstadt")}}}
	if st, err := os.Stat(filepath.Join(*shared, "services-de")); err == nil && st.IsDir() {
		specs = append(specs, suiteSpec{"shared corpus", []knowledge.Root{
			{Name: "services-de", FS: os.DirFS(filepath.Join(*shared, "services-de"))},
			{Name: "it-kb", FS: os.DirFS(filepath.Join(*shared, "it-kb"))},
			{Name: "laws-de", FS: os.DirFS(filepath.Join(*shared, "laws-de"))},
		}, []string{filepath.Join(*casesDir, "shared"), filepath.Join(*casesDir, "natural", "shared")}})
	} else {
		fmt.Fprintf(stderr, "eval verifier: shared corpus not found at %s, measuring the bundled base only\n", *shared)
	}
	var suites []evals.VerifierSuite
	var a *assistant.Assistant
	for _, s := range specs {
		var paths []string
		for _, p := range s.cases {
			if _, err := os.Stat(p); err == nil {
				paths = append(paths, p)
			}
		}
		if len(paths) == 0 {
			return exitError{code: evals.ExitBadInput, err: fmt.Errorf("%s: no case set under %s", s.name, *casesDir)}
		}
		cases, err := evals.LoadCases(paths...)
		if err != nil {
			return exitError{code: evals.ExitBadInput, err: err}
		}
		kb, err := knowledge.Open(ctx, knowledge.Config{Roots: s.roots, Mode: knowledge.ModeLexical, Logger: log})
		if err != nil {
			return exitError{code: evals.ExitBadInput, err: fmt.Errorf("%s: %w", s.name, err)}
		}
		defer kb.Close()
		if a == nil {
			if a, err = assistant.New(assistant.Config{Retriever: kb, Logger: log}); err != nil {
				return err
			}
		}
		suites = append(suites, evals.VerifierSuite{Name: s.name, Docs: kb, Cases: cases})
	}
	answers := evals.PlantAnswers(suites)
	rep := evals.MeasureVerifier(answers, a)
	if err := rep.WriteMarkdown(stdout); err != nil {
		return err
	}
	if *details {
		if err := rep.WriteDetails(stdout); err != nil {
			return err
		}
	}
	var missed []error
	if rep.Detection < *minDetect {
		missed = append(missed, fmt.Errorf("detection %.3f below %.2f", rep.Detection, *minDetect))
	}
	for _, k := range rep.Kinds {
		if k.Kind != evals.KindCorrect && k.Answers > 0 && k.Rate < *minKind {
			missed = append(missed, fmt.Errorf("%s detection %.3f below %.2f", k.Kind, k.Rate, *minKind))
		}
	}
	if rep.FalseAlarms > *maxAlarm {
		missed = append(missed, fmt.Errorf("false alarms %.3f above %.2f", rep.FalseAlarms, *maxAlarm))
	}
	if len(missed) > 0 {
		return exitError{code: evals.ExitFailed, err: errors.Join(missed...)}
	}
	return nil
}
