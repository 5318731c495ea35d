// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/musterstadt/lotse/assistant"
)

// Example is one case's choice of document for fitting the choice
// weights: the candidates with their features and which of them the case
// expects.
type Example struct {
	ID    string
	Cands []assistant.ChoiceCandidate
	Right []bool
}

// Examples turns run results into fitting examples: cases with expected
// sources whose final answer was chosen by the scoring function among
// candidates of which at least one is right. Cases where no candidate is
// right say nothing about the weights (retrieval missed) and are left out.
func Examples(results []Result) []Example {
	var out []Example
	for _, r := range results {
		if len(r.Case.Expect.Sources) == 0 || len(r.Choice) < 2 {
			continue
		}
		ex := Example{ID: r.Case.ID, Cands: r.Choice, Right: make([]bool, len(r.Choice))}
		any := false
		for i, c := range r.Choice {
			for _, s := range r.Case.Expect.Sources {
				if MatchSource(s, c.DocID) {
					ex.Right[i] = true
					any = true
				}
			}
		}
		if any && slices.Contains(ex.Right, false) {
			out = append(out, ex)
		}
	}
	return out
}

// pick returns the candidate the assistant would choose with weights w:
// the best-scored relevant one, ties to the earlier; -1 when none is
// relevant.
func pick(ex Example, w assistant.Weights) int {
	best, bestScore := -1, math.Inf(-1)
	for i, c := range ex.Cands {
		if !c.Relevant {
			continue
		}
		if s := c.Score(w); s > bestScore {
			best, bestScore = i, s
		}
	}
	return best
}

// Accuracy is the share of examples where weights w choose a right
// document.
func Accuracy(exs []Example, w assistant.Weights) float64 {
	if len(exs) == 0 {
		return 0
	}
	n := 0
	for _, ex := range exs {
		if i := pick(ex, w); i >= 0 && ex.Right[i] {
			n++
		}
	}
	return float64(n) / float64(len(exs))
}

// margin is the mean over examples of the soft margin between the best
// right candidate and the best wrong one; it breaks ties between weights
// of equal accuracy in favour of clearer decisions.
func margin(exs []Example, w assistant.Weights) float64 {
	sum := 0.0
	for _, ex := range exs {
		right, wrong := math.Inf(-1), math.Inf(-1)
		for i, c := range ex.Cands {
			if !c.Relevant {
				continue
			}
			s := c.Score(w)
			if ex.Right[i] {
				right = math.Max(right, s)
			} else {
				wrong = math.Max(wrong, s)
			}
		}
		if math.IsInf(right, -1) || math.IsInf(wrong, -1) {
			continue
		}
		sum += math.Tanh(right - wrong)
	}
	return sum / math.Max(1, float64(len(exs)))
}

// fitGrid are the values a weight may take. A small grid keeps the fit
// deterministic and the weights readable.
var fitGrid = []float64{-2, -1, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4}

// Fit fits the choice weights to the examples by coordinate ascent over a
// fixed grid, starting from start: each pass tries every grid value for
// every feature and keeps the one with the best accuracy (mean margin
// breaks ties). Moving a weight away from start costs half an example's
// worth of accuracy per unit, so that a weight changes only when several
// examples gain: a fit that follows single cases does not carry over to
// another corpus. It stops after a pass without improvement, or after
// maxPasses.
func Fit(exs []Example, start assistant.Weights) assistant.Weights {
	const maxPasses = 6
	w := assistant.Weights{}
	for _, n := range assistant.FeatureNames {
		w[n] = start[n]
	}
	type objective struct{ acc, margin float64 }
	cost := 0.5 / math.Max(1, float64(len(exs)))
	eval := func(w assistant.Weights) objective {
		dist := 0.0
		for _, n := range assistant.FeatureNames {
			dist += math.Abs(w[n] - start[n])
		}
		return objective{Accuracy(exs, w) - cost*dist, margin(exs, w)}
	}
	better := func(a, b objective) bool {
		if a.acc != b.acc {
			return a.acc > b.acc
		}
		return a.margin > b.margin+1e-9
	}
	cur := eval(w)
	for range maxPasses {
		improved := false
		for _, n := range assistant.FeatureNames {
			keep := w[n]
			bestV, bestObj := keep, cur
			for _, v := range fitGrid {
				if v == keep {
					continue
				}
				w[n] = v
				if o := eval(w); better(o, bestObj) {
					bestV, bestObj = v, o
				}
			}
			w[n] = bestV
			if bestV != keep {
				cur = bestObj
				improved = true
			}
		}
		if !improved {
			break
		}
	}
	return w
}

// FormatWeightsTable writes weights as a Markdown table row per feature.
func FormatWeightsTable(ws ...assistant.Weights) string {
	s := "| feature |"
	for i := range ws {
		s += fmt.Sprintf(" w%d |", i+1)
	}
	s += "\n|---|"
	for range ws {
		s += "---|"
	}
	s += "\n"
	for _, n := range assistant.FeatureNames {
		s += "| " + n + " |"
		for _, w := range ws {
			s += fmt.Sprintf(" %g |", w[n])
		}
		s += "\n"
	}
	return s
}

// Misses describes the examples where weights w choose a wrong document:
// the chosen and the best right candidate with their features, for
// finding the features a corpus lacks.
func Misses(exs []Example, w assistant.Weights) string {
	var b strings.Builder
	for _, ex := range exs {
		i := pick(ex, w)
		if i >= 0 && ex.Right[i] {
			continue
		}
		right := -1
		for j, c := range ex.Cands {
			if ex.Right[j] && (right < 0 || c.Score(w) > ex.Cands[right].Score(w)) {
				right = j
			}
		}
		fmt.Fprintf(&b, "%s\n", ex.ID)
		show := func(tag string, k int) {
			if k < 0 {
				fmt.Fprintf(&b, "  %s: none\n", tag)
				return
			}
			c := ex.Cands[k]
			fmt.Fprintf(&b, "  %s: %s relevant=%v score=%.2f", tag, c.DocID, c.Relevant, c.Score(w))
			for f, n := range assistant.FeatureNames {
				if c.Features[f] != 0 {
					fmt.Fprintf(&b, " %s=%.2f", n, c.Features[f])
				}
			}
			b.WriteString("\n")
		}
		show("chosen", i)
		show("right ", right)
	}
	return b.String()
}
