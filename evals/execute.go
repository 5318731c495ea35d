// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Options are everything `lotse eval` needs; cmd/lotse fills them from
// flags.
type Options struct {
	// Cases are case files or directories (see LoadCases). Required.
	Cases []string
	// Format of the report: "text" (default when empty), "markdown" or "json".
	Format string
	// Out is the file the report is written to; empty means stdout. The
	// file is written only after the run finished.
	Out string
	// Thresholds are the minimum rates; zero fields are not checked. Leaks
	// always fail the run.
	Thresholds Thresholds
	// CompareKey, when set, runs the cases once per CompareValues entry
	// with the setting {CompareKey: value} and writes one side-by-side
	// table instead of a report. The thresholds apply to every value.
	CompareKey    string
	CompareValues []string
	// Concurrency is the number of cases run at the same time; 0 means 2.
	// Comparisons use the default.
	Concurrency int
	// Simple runs the cases in Einfache Sprache.
	Simple bool
	// Turns, when set, is a file every turn of every case is written to,
	// one JSON object a line, in case order (Turn); not with CompareKey.
	Turns string
	// Parts, when set, are further case sets, each run through its own
	// assistant (another knowledge base), whose results are reported and
	// gated together with those of Cases as one set: the natural questions
	// over the bundled base and over the shared corpus are one set of
	// natural questions. Not with CompareKey.
	Parts []Part
	// Perturb, when set, rewrites the German questions of every case set
	// the way people type them and leaves out the others (Perturb).
	Perturb string
}

// Part is a case set with the builder of the assistant it runs through.
type Part struct {
	Cases []string
	Build Builder
}

// Exit codes of Execute.
const (
	ExitOK       = 0 // the run met every threshold and leaked nothing
	ExitFailed   = 1 // a threshold was missed or a document leaked
	ExitBadInput = 2 // bad options or cases, or the assistant could not be built
)

// Execute runs `lotse eval`: it loads the cases, runs them through the
// Asker that build makes for the default setting (or compares settings),
// writes the report to stdout or opts.Out, and checks the thresholds.
//
// It returns ExitOK with a nil error; ExitFailed with an error listing the
// violations (the report is still written); or ExitBadInput with an error
// saying what is wrong with the input (nothing is run then, or the run
// could not start). The caller prints the error to stderr.
func Execute(ctx context.Context, opts Options, build Builder, stdout io.Writer) (exitCode int, err error) {
	format, err := checkFormat(opts.Format)
	if err != nil {
		return ExitBadInput, err
	}
	if build == nil {
		return ExitBadInput, errors.New("evals: no builder")
	}
	if opts.CompareKey == "" && len(opts.CompareValues) > 0 {
		return ExitBadInput, errors.New("evals: compare values given without a setting key")
	}
	if opts.CompareKey != "" && len(opts.CompareValues) == 0 {
		return ExitBadInput, fmt.Errorf("evals: compare %s: no values given", opts.CompareKey)
	}
	for _, v := range []float64{opts.Thresholds.MinHit5, opts.Thresholds.MinFacts, opts.Thresholds.MinIntent, opts.Thresholds.MinEscPrecision, opts.Thresholds.MinEscRecall} {
		if v < 0 || v > 1 {
			return ExitBadInput, fmt.Errorf("evals: threshold %v outside 0..1", v)
		}
	}
	cases, err := LoadCases(opts.Cases...)
	if err != nil {
		return ExitBadInput, err
	}
	if cases, err = Perturb(cases, opts.Perturb); err != nil {
		return ExitBadInput, err
	}
	if len(opts.Parts) > 0 && opts.CompareKey != "" {
		return ExitBadInput, errors.New("evals: parts cannot be compared")
	}
	if opts.Turns != "" && opts.CompareKey != "" {
		return ExitBadInput, errors.New("evals: turns cannot be written for a comparison")
	}
	partCases := make([][]Case, len(opts.Parts))
	for i, p := range opts.Parts {
		if p.Build == nil {
			return ExitBadInput, fmt.Errorf("evals: part %d: no builder", i+1)
		}
		if partCases[i], err = LoadCases(p.Cases...); err != nil {
			return ExitBadInput, err
		}
		if partCases[i], err = Perturb(partCases[i], opts.Perturb); err != nil {
			return ExitBadInput, err
		}
	}

	var (
		buf        bytes.Buffer
		violations []string
	)
	if opts.CompareKey != "" {
		cmp, err := Compare(ctx, cases, opts.CompareKey, opts.CompareValues, build)
		if err != nil {
			return exitFor(ctx), err
		}
		if err := cmp.Write(&buf, format); err != nil {
			return ExitBadInput, err
		}
		violations = cmp.Check(opts.Thresholds)
	} else {
		ro := RunOptions{Concurrency: opts.Concurrency, Simple: opts.Simple, KeepTurns: opts.Turns != ""}
		rep, err := runSetting(ctx, cases, map[string]string{}, build, ro)
		if err != nil {
			return exitFor(ctx), fmt.Errorf("evals: %w", err)
		}
		if len(opts.Parts) > 0 {
			results := rep.Results
			for i, p := range opts.Parts {
				pr, err := runSetting(ctx, partCases[i], map[string]string{}, p.Build, ro)
				if err != nil {
					return exitFor(ctx), fmt.Errorf("evals: part %d: %w", i+1, err)
				}
				results = append(results, pr.Results...)
			}
			rep = NewReport(results)
		}
		rep.Thresholds = opts.Thresholds
		if opts.Turns != "" {
			if err := writeTurns(opts.Turns, rep.Results); err != nil {
				return ExitBadInput, err
			}
		}
		if err := rep.Write(&buf, format); err != nil {
			return ExitBadInput, err
		}
		violations = rep.Check(opts.Thresholds)
	}

	if opts.Out == "" {
		if _, err := stdout.Write(buf.Bytes()); err != nil {
			return ExitBadInput, fmt.Errorf("evals: writing report: %w", err)
		}
	} else if err := os.WriteFile(opts.Out, buf.Bytes(), 0o644); err != nil {
		return ExitBadInput, fmt.Errorf("evals: writing report: %w", err)
	}
	if len(violations) > 0 {
		return ExitFailed, fmt.Errorf("evals: gate failed:\n  %s", strings.Join(violations, "\n  "))
	}
	return ExitOK, nil
}

// exitFor is the exit code when a run could not finish: a cancelled
// context is a failed run, anything else (a builder error) bad input.
func exitFor(ctx context.Context) int {
	if ctx.Err() != nil {
		return ExitFailed
	}
	return ExitBadInput
}

// writeTurns writes every turn of results to file, one JSON object a line.
func writeTurns(file string, results []Result) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for _, r := range results {
		for _, t := range r.Turns {
			if err := enc.Encode(t); err != nil {
				return fmt.Errorf("evals: turns: %w", err)
			}
		}
	}
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("evals: writing turns: %w", err)
	}
	return nil
}
