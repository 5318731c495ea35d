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
	"strings"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/evals"
)

// tuneSet is one side of a fit: case files and the knowledge roots they
// are written against.
type tuneSet struct {
	name      string
	cases     []string
	knowledge []string
}

// runEvalTune fits the weights of the document choice on one case set and
// reports them on another one, over a different corpus, in both
// directions:
//
//	lotse eval tune --a-cases evals/cases/musterstadt --a-cases evals/cases/natural/musterstadt \
//	  --b-cases evals/cases/shared --b-knowledge ../shared/corpus/services-de … --out assistant/choice_weights.json
//
// --out writes the weights fitted on both sets together, after the cross
// fits have shown how well fitting carries over to a corpus it has not
// seen (the built-in weights are made that way). Exit status 2 for bad
// input.
func runEvalTune(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	a := tuneSet{name: "A"}
	b := tuneSet{name: "B"}
	var out string
	var explain bool
	cfg, _, err := parseConfig("eval tune", args, getenv, stderr, func(fs *flag.FlagSet, c *Config) {
		multi := func(dst *[]string) func(string) error {
			return func(v string) error { *dst = append(*dst, v); return nil }
		}
		fs.Func("a-cases", "case file or directory of set A, repeatable (required)", multi(&a.cases))
		fs.Func("a-knowledge", "knowledge root of set A, repeatable (default: bundled)", multi(&a.knowledge))
		fs.Func("b-cases", "case file or directory of set B, repeatable (required)", multi(&b.cases))
		fs.Func("b-knowledge", "knowledge root of set B, repeatable (default: bundled)", multi(&b.knowledge))
		fs.StringVar(&a.name, "a-name", "A", "name of set A in the report")
		fs.StringVar(&b.name, "b-name", "B", "name of set B in the report")
		fs.StringVar(&out, "out", "", "write the weights fitted on sets A and B together to this file")
		fs.BoolVar(&explain, "explain", false, "list the cases whose document the built-in weights choose wrongly")
	})
	if err != nil {
		return exitError{code: evals.ExitBadInput, err: err}
	}
	if len(a.cases) == 0 || len(b.cases) == 0 {
		return exitError{code: evals.ExitBadInput, err: errors.New("eval tune: --a-cases and --b-cases are required")}
	}
	log := newLogger(stderr, "error")
	start, err := assistant.DefaultWeights()
	if err != nil {
		return err
	}

	type side struct {
		set      tuneSet
		cfg      Config
		cases    []evals.Case
		examples []evals.Example
		before   evals.Report
	}
	var sides [2]side
	for i, s := range []tuneSet{a, b} {
		c := cfg
		c.Knowledge = s.knowledge
		cases, err := evals.LoadCases(s.cases...)
		if err != nil {
			return exitError{code: evals.ExitBadInput, err: err}
		}
		rep, err := runWith(ctx, c, log, nil, cases)
		if err != nil {
			return err
		}
		sides[i] = side{set: s, cfg: c, cases: cases, examples: evals.Examples(rep.Results), before: rep}
	}

	if explain {
		for _, s := range sides {
			fmt.Fprintf(stdout, "Wrong choices on %s with the built-in weights:\n%s\n", s.set.name, evals.Misses(s.examples, start))
		}
	}
	fitted := [2]assistant.Weights{
		evals.Fit(sides[0].examples, start),
		evals.Fit(sides[1].examples, start),
	}
	fmt.Fprintf(stdout, "Choice weights fitted on one case set and measured on the other (offline, hybrid retrieval).\n\n")
	fmt.Fprintf(stdout, "| fitted on | measured on | examples (fit / measured) | choice accuracy on the fit set: built-in → fitted | on the other set: built-in → fitted | other set hit@5 / facts: built-in → fitted |\n|---|---|---|---|---|---|\n")
	for i := range 2 {
		fit, other := sides[i], sides[1-i]
		after, err := runWith(ctx, other.cfg, log, fitted[i], other.cases)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "| %s | %s | %d / %d | %.2f → %.2f | %.2f → %.2f | %.2f / %.2f → %.2f / %.2f |\n",
			fit.set.name, other.set.name, len(fit.examples), len(other.examples),
			evals.Accuracy(fit.examples, start), evals.Accuracy(fit.examples, fitted[i]),
			evals.Accuracy(other.examples, start), evals.Accuracy(other.examples, fitted[i]),
			other.before.Hit5.Value(), other.before.Facts.Value(), after.Hit5.Value(), after.Facts.Value())
	}
	fmt.Fprintf(stdout, "\nWeights (w1: built-in, w2: fitted on %s, w3: fitted on %s):\n\n%s", a.name, b.name,
		evals.FormatWeightsTable(start, fitted[0], fitted[1]))
	if out != "" {
		// The cross fits above validate the method; the weights shipped
		// use every example.
		all := append(append([]evals.Example(nil), sides[0].examples...), sides[1].examples...)
		w := evals.Fit(all, start)
		fmt.Fprintf(stdout, "\nFitted on both sets (%d examples): choice accuracy %.2f → %.2f.\n\n%s", len(all), evals.Accuracy(all, start), evals.Accuracy(all, w), evals.FormatWeightsTable(start, w))
		comment := fmt.Sprintf("fitted by `lotse eval tune` on %s and %s (%d examples); cases: %s, %s", a.name, b.name, len(all), strings.Join(a.cases, ", "), strings.Join(b.cases, ", "))
		data, err := assistant.FormatWeights(w, comment)
		if err != nil {
			return err
		}
		if err := os.WriteFile(out, data, 0o644); err != nil {
			return fmt.Errorf("eval tune: %w", err)
		}
		fmt.Fprintf(stdout, "\nwrote %s\n", out)
	}
	return nil
}

// runWith runs cases through an assistant built like `lotse eval` with
// the given weights.
func runWith(ctx context.Context, cfg Config, log *slog.Logger, w assistant.Weights, cases []evals.Case) (evals.Report, error) {
	// The fit reads the answers `lotse eval` gives: at its clock.
	now, err := evalClock(evalReferenceTime)
	if err != nil {
		return evals.Report{}, err
	}
	asker, release, err := evalBuilderWith(cfg, log, w, now)(ctx, nil)
	if err != nil {
		return evals.Report{}, err
	}
	if release != nil {
		defer release()
	}
	return evals.Run(ctx, cases, asker, evals.RunOptions{})
}
