// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"testing"

	"github.com/musterstadt/lotse/assistant"
)

// feats builds a feature vector from name/value pairs.
func feats(kv map[string]float64) (f [len(assistant.FeatureNames)]float64) {
	for i, n := range assistant.FeatureNames {
		f[i] = kv[n]
	}
	return f
}

func TestFitLearnsAFeatureThatSeparates(t *testing.T) {
	// In every example the right document ranks second but holds the
	// question's words in its passage; the wrong one ranks first.
	var exs []Example
	for range 10 {
		exs = append(exs, Example{
			Cands: []assistant.ChoiceCandidate{
				{DocID: "wrong", Relevant: true, Features: feats(map[string]float64{"rank": 1, "passage": 0.2})},
				{DocID: "right", Relevant: true, Features: feats(map[string]float64{"rank": 0.5, "passage": 1})},
			},
			Right: []bool{false, true},
		})
	}
	start := assistant.Weights{}
	for _, n := range assistant.FeatureNames {
		start[n] = 0
	}
	start["rank"] = 1
	if got := Accuracy(exs, start); got != 0 {
		t.Fatalf("accuracy before fitting = %v, want 0", got)
	}
	w := Fit(exs, start)
	if got := Accuracy(exs, w); got != 1 {
		t.Errorf("accuracy after fitting = %v, want 1 (weights %v)", got, w)
	}
	// A feature that says nothing keeps its starting weight.
	if w["notice"] != 0 {
		t.Errorf("notice weight moved to %v", w["notice"])
	}
}

func TestExamplesKeepOnlyInformativeCases(t *testing.T) {
	cand := func(id string) assistant.ChoiceCandidate { return assistant.ChoiceCandidate{DocID: id, Relevant: true} }
	results := []Result{
		{Case: Case{ID: "ok", Expect: Expect{Sources: []string{"a/x"}}}, Choice: []assistant.ChoiceCandidate{cand("a/x"), cand("a/y")}},
		{Case: Case{ID: "none-right", Expect: Expect{Sources: []string{"a/z"}}}, Choice: []assistant.ChoiceCandidate{cand("a/x"), cand("a/y")}},
		{Case: Case{ID: "one-cand", Expect: Expect{Sources: []string{"a/x"}}}, Choice: []assistant.ChoiceCandidate{cand("a/x")}},
		{Case: Case{ID: "no-sources"}, Choice: []assistant.ChoiceCandidate{cand("a/x"), cand("a/y")}},
	}
	exs := Examples(results)
	if len(exs) != 1 || exs[0].ID != "ok" || !exs[0].Right[0] || exs[0].Right[1] {
		t.Errorf("examples = %+v", exs)
	}
}

func TestDefaultWeightsParse(t *testing.T) {
	w, err := assistant.DefaultWeights()
	if err != nil {
		t.Fatal(err)
	}
	b, err := assistant.FormatWeights(w, "round trip")
	if err != nil {
		t.Fatal(err)
	}
	w2, err := assistant.ParseWeights(b)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range assistant.FeatureNames {
		if w[n] != w2[n] {
			t.Errorf("%s: %v != %v", n, w[n], w2[n])
		}
	}
	for _, bad := range []string{`{"weights":{"rank":1}}`, `{"weights":{"nope":1}}`, `not json`} {
		if _, err := assistant.ParseWeights([]byte(bad)); err == nil {
			t.Errorf("ParseWeights(%s) accepted", bad)
		}
	}
}
