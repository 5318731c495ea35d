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
	"time"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/evals"
	"github.com/musterstadt/lotse/ticketing"
)

// runEval runs eval cases through the real assistant. Without --knowledge
// it uses the bundled base. Exit status: 0 ok, 1 a threshold missed or a
// leak, 2 bad input.
func runEval(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "verifier" {
		return runEvalVerifier(ctx, args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "export-reviews" {
		return runExportReviews(ctx, args[1:], getenv, stdout, stderr)
	}
	if len(args) > 0 && args[0] == "tune" {
		return runEvalTune(ctx, args[1:], getenv, stdout, stderr)
	}
	var opts evals.Options
	var compare, nowFlag string
	var parts []string
	cfg, _, err := parseConfig("eval", args, getenv, stderr, func(fs *flag.FlagSet, c *Config) {
		fs.StringVar(&nowFlag, "now", evalReferenceTime, `the assistant's clock ("morgen", "am Samstag", which notices are current): a time (RFC 3339) or a day (2006-01-02, 10:00 German time); "wall" for the real clock`)
		fs.Func("cases", "case file or directory, repeatable (required)", func(v string) error {
			opts.Cases = append(opts.Cases, v)
			return nil
		})
		fs.StringVar(&opts.Format, "format", "text", "report format: text, markdown or json")
		fs.StringVar(&opts.Out, "out", "", "write the report to this file instead of stdout")
		fs.Float64Var(&opts.Thresholds.MinHit5, "min-hit5", 0, "fail below this hit@5 (0..1)")
		fs.Float64Var(&opts.Thresholds.MinFacts, "min-facts", 0, "fail below this fact recall (0..1)")
		fs.Float64Var(&opts.Thresholds.MinIntent, "min-intent", 0, "fail below this intent accuracy (0..1)")
		fs.Float64Var(&opts.Thresholds.MinEscPrecision, "min-esc-precision", 0, "fail below this escalation precision (0..1)")
		fs.Float64Var(&opts.Thresholds.MinEscRecall, "min-esc-recall", 0, "fail below this escalation recall (0..1)")
		fs.StringVar(&compare, "compare", "", "compare settings side by side, e.g. retrieval=lexical,dense,hybrid or answer=extractive,llm")
		fs.IntVar(&opts.Concurrency, "concurrency", 2, "cases run at the same time")
		fs.BoolVar(&opts.Simple, "simple", false, "ask every case in Einfache Sprache (plain German)")
		fs.StringVar(&opts.Perturb, "perturb", "", "rewrite the German questions the way people type them: "+strings.Join(evals.Perturbations, ", ")+" (other languages are left out)")
		fs.StringVar(&opts.Turns, "turns", "", "write every turn's answer (text, sources, retrieved IDs, intent, confidence, choice features) to this file, one JSON object a line, to compare two versions")
		fs.Func("part", "further cases reported and gated together with --cases, over their own knowledge roots: CASES or CASES=ROOT,ROOT (repeatable)", func(v string) error {
			parts = append(parts, v)
			return nil
		})
	})
	if err != nil {
		return exitError{code: evals.ExitBadInput, err: err}
	}
	now, err := evalClock(nowFlag)
	if err != nil {
		return exitError{code: evals.ExitBadInput, err: err}
	}
	if compare != "" {
		key, values, ok := strings.Cut(compare, "=")
		if !ok || key == "" || values == "" {
			return exitError{code: evals.ExitBadInput, err: fmt.Errorf("--compare %q: want KEY=V1,V2", compare)}
		}
		opts.CompareKey, opts.CompareValues = key, splitList(values)
	}
	log := newLogger(stderr, "error")
	for _, p := range parts {
		cases, roots, _ := strings.Cut(p, "=")
		if strings.TrimSpace(cases) == "" {
			return exitError{code: evals.ExitBadInput, err: fmt.Errorf("--part %q: want CASES or CASES=ROOT,ROOT", p)}
		}
		c := cfg
		if roots != "" {
			c.Knowledge = splitList(roots)
		}
		opts.Parts = append(opts.Parts, evals.Part{Cases: []string{cases}, Build: evalBuilder(c, log, now)})
	}
	code, err := evals.Execute(ctx, opts, evalBuilder(cfg, log, now), stdout)
	if code == evals.ExitOK {
		return nil
	}
	return exitError{code: code, err: err}
}

// evalBuilder makes an assistant per setting, wired like `serve` (a fresh
// ticket store in a temporary directory, so escalations and incident intake
// run for real) but without a server. Settings: retrieval=hybrid|lexical|dense,
// answer=extractive|llm (llm needs LOTSE_LLM_*).
func evalBuilder(cfg Config, log *slog.Logger, now func() time.Time) evals.Builder {
	return evalBuilderWith(cfg, log, nil, now)
}

// evalReferenceTime is the eval's clock unless --now says otherwise: the
// cases speak of "morgen", "am Samstag" and of notices dated around
// it, so an eval gives the same answers whatever day it runs.
const evalReferenceTime = "2026-12-05T10:00:00+01:00"

// evalClock parses --now: a time in RFC 3339, a day (10:00 German time)
// or "wall" for the real clock (nil).
func evalClock(v string) (func() time.Time, error) {
	if v == "wall" {
		return nil, nil
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		d, derr := time.ParseInLocation("2006-01-02", v, deskZone())
		if derr != nil {
			return nil, fmt.Errorf("--now %q: want a time (RFC 3339), a day (2006-01-02) or \"wall\"", v)
		}
		t = d.Add(10 * time.Hour)
	}
	return func() time.Time { return t }, nil
}

// evalBuilderWith is evalBuilder with the given choice weights (nil: the
// built-in ones).
func evalBuilderWith(cfg Config, log *slog.Logger, weights assistant.Weights, now func() time.Time) evals.Builder {
	return func(ctx context.Context, setting map[string]string) (evals.Asker, func(), error) {
		for k := range setting {
			if k != "retrieval" && k != "answer" {
				return nil, nil, fmt.Errorf("unknown setting %q: want retrieval or answer", k)
			}
		}
		c := cfg
		if v := setting["retrieval"]; v != "" {
			c.Retrieval = v
		}
		offline := true
		switch setting["answer"] {
		case "", "extractive":
			offline = !c.LLM.Enabled() || setting["answer"] == "extractive"
		case "llm":
			if !c.LLM.Enabled() {
				return nil, nil, errors.New("answer=llm needs LOTSE_LLM_MODEL (and LOTSE_LLM_BASE_URL)")
			}
			offline = false
		default:
			return nil, nil, fmt.Errorf("answer=%q: want extractive or llm", setting["answer"])
		}
		if err := c.Validate(); err != nil {
			return nil, nil, err
		}
		var cl closers
		release := func() { _ = cl.close() }
		kb, err := openKnowledge(ctx, c, log, knowledgeOptions{})
		if err != nil {
			return nil, nil, err
		}
		cl.add(kb.Close)
		dir, err := os.MkdirTemp("", "lotse-eval-")
		if err != nil {
			release()
			return nil, nil, err
		}
		cl.add(func() error { return os.RemoveAll(dir) })
		st, err := ticketing.Open(ctx, dir+"/eval.db")
		if err != nil {
			release()
			return nil, nil, err
		}
		cl.add(st.Close)
		svc, err := ticketing.New(ticketing.Config{Store: st, Logger: log})
		if err != nil {
			release()
			return nil, nil, err
		}
		a, err := newAssistant(c, log, kb.Base, assistantOptions{tickets: tickets(svc, nil), offline: offline, weights: weights, now: now})
		if err != nil {
			release()
			return nil, nil, err
		}
		return a, release, nil
	}
}
