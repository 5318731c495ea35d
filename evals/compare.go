// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Comparison holds one report per value of a setting, e.g. retrieval =
// lexical, dense, hybrid.
type Comparison struct {
	Key     string
	Values  []string
	Reports []Report // Reports[i] belongs to Values[i]
}

// Compare runs the cases once per value of the setting key. For each value
// it builds an Asker with the setting {key: value}, runs the cases with
// default options and releases the Asker before the next value is built.
func Compare(ctx context.Context, cases []Case, key string, values []string, build Builder) (Comparison, error) {
	if key == "" {
		return Comparison{}, errors.New("evals: compare: empty setting key")
	}
	if len(values) == 0 {
		return Comparison{}, fmt.Errorf("evals: compare %s: no values", key)
	}
	cmp := Comparison{Key: key, Values: values}
	for _, v := range values {
		rep, err := runSetting(ctx, cases, map[string]string{key: v}, build, RunOptions{})
		if err != nil {
			return Comparison{}, fmt.Errorf("evals: compare %s=%s: %w", key, v, err)
		}
		cmp.Reports = append(cmp.Reports, rep)
	}
	return cmp, nil
}

// runSetting builds an Asker for setting, runs the cases and releases it.
func runSetting(ctx context.Context, cases []Case, setting map[string]string, build Builder, opts RunOptions) (Report, error) {
	asker, release, err := build(ctx, setting)
	if err != nil {
		return Report{}, fmt.Errorf("building the assistant: %w", err)
	}
	if release != nil {
		defer release()
	}
	return Run(ctx, cases, asker, opts)
}

// compareRow is one metric across the compared values.
type compareRow struct {
	name string
	get  func(Metrics) string
	json func(Metrics) any
}

var compareRows = []compareRow{
	{"cases", func(m Metrics) string { return fmt.Sprint(m.Cases) }, func(m Metrics) any { return m.Cases }},
	{"passed", func(m Metrics) string { return fmt.Sprint(m.Passed) }, func(m Metrics) any { return m.Passed }},
	{"hit@1", func(m Metrics) string { return fmtRate(m.Hit1) }, func(m Metrics) any { return rateJSON(m.Hit1) }},
	{"hit@5", func(m Metrics) string { return fmtRate(m.Hit5) }, func(m Metrics) any { return rateJSON(m.Hit5) }},
	{"MRR@10", func(m Metrics) string { return fmtRate(m.MRR10) }, func(m Metrics) any { return rateJSON(m.MRR10) }},
	{"citation accuracy", func(m Metrics) string { return fmtRate(m.Citation) }, func(m Metrics) any { return rateJSON(m.Citation) }},
	{"fact recall", func(m Metrics) string { return fmtRate(m.Facts) }, func(m Metrics) any { return rateJSON(m.Facts) }},
	{"intent accuracy", func(m Metrics) string { return fmtRate(m.Intent) }, func(m Metrics) any { return rateJSON(m.Intent) }},
	{"escalation precision", func(m Metrics) string { return fmtRate(m.EscPrecision) }, func(m Metrics) any { return rateJSON(m.EscPrecision) }},
	{"escalation recall", func(m Metrics) string { return fmtRate(m.EscRecall) }, func(m Metrics) any { return rateJSON(m.EscRecall) }},
	{"leaks", func(m Metrics) string { return fmt.Sprint(m.Leaks) }, func(m Metrics) any { return m.Leaks }},
	{"latency p50", func(m Metrics) string { return fmtMs(m.LatencyP50) }, func(m Metrics) any { return ms(m.LatencyP50) }},
	{"latency p95", func(m Metrics) string { return fmtMs(m.LatencyP95) }, func(m Metrics) any { return ms(m.LatencyP95) }},
}

// Write writes one side-by-side table, rows = metrics and columns = values,
// in format "text", "markdown" or "json". The JSON form is an object with
// "key", "values" and "metrics" (metric name → value → number).
func (c Comparison) Write(w io.Writer, format string) error {
	f, err := checkFormat(format)
	if err != nil {
		return err
	}
	switch f {
	case FormatJSON:
		out := struct {
			Key     string                    `json:"key"`
			Values  []string                  `json:"values"`
			Metrics map[string]map[string]any `json:"metrics"`
		}{Key: c.Key, Values: c.Values, Metrics: map[string]map[string]any{}}
		for _, row := range compareRows {
			name := strings.ReplaceAll(strings.ToLower(row.name), " ", "_")
			name = strings.ReplaceAll(name, "@", "")
			cols := map[string]any{}
			for i, v := range c.Values {
				cols[v] = row.json(c.Reports[i].Metrics)
			}
			out.Metrics[name] = cols
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		err = enc.Encode(out)
	case FormatMarkdown:
		var b strings.Builder
		fmt.Fprintf(&b, "# Lotse eval comparison: %s\n\n", mdCell(c.Key))
		fmt.Fprintf(&b, "The same cases, run once per value of the setting %q.\n\n", c.Key)
		b.WriteString("| Metric |")
		for _, v := range c.Values {
			fmt.Fprintf(&b, " %s=%s |", mdCell(c.Key), mdCell(v))
		}
		b.WriteString("\n|---|" + strings.Repeat("---|", len(c.Values)) + "\n")
		for _, row := range compareRows {
			fmt.Fprintf(&b, "| %s |", row.name)
			for i := range c.Values {
				fmt.Fprintf(&b, " %s |", row.get(c.Reports[i].Metrics))
			}
			b.WriteString("\n")
		}
		_, err = io.WriteString(w, b.String())
	default:
		tw := newTab(w)
		fmt.Fprintf(tw, "%s", c.Key)
		for _, v := range c.Values {
			fmt.Fprintf(tw, "\t%s", v)
		}
		fmt.Fprintln(tw)
		for _, row := range compareRows {
			fmt.Fprint(tw, row.name)
			for i := range c.Values {
				fmt.Fprintf(tw, "\t%s", row.get(c.Reports[i].Metrics))
			}
			fmt.Fprintln(tw)
		}
		err = tw.Flush()
	}
	if err != nil {
		return fmt.Errorf("evals: writing %s comparison: %w", f, err)
	}
	return nil
}

// Check returns the violations of t for every compared value, each
// prefixed with "key=value: ".
func (c Comparison) Check(t Thresholds) []string {
	var v []string
	for i, r := range c.Reports {
		for _, msg := range r.Check(t) {
			v = append(v, fmt.Sprintf("%s=%s: %s", c.Key, c.Values[i], msg))
		}
	}
	return v
}
