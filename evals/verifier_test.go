// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/knowledge/musterstadt"
)

func TestPlantAnswers(t *testing.T) {
	kb, err := knowledge.Open(context.Background(), knowledge.Config{
		Roots: []knowledge.Root{{Name: "musterstadt", FS: musterstadt.FS()}}, Mode: knowledge.ModeLexical, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer kb.Close()
	cases, err := LoadCases("cases/musterstadt")
	if err != nil {
		t.Fatal(err)
	}
	answers := PlantAnswers([]VerifierSuite{{Name: "musterstadt", Docs: kb, Cases: cases}})
	kinds := map[string]int{}
	for _, a := range answers {
		kinds[a.Kind]++
		if !strings.Contains(a.Text, "[1]") || len(a.Passages) == 0 {
			t.Fatalf("answer without citation or passages: %+v", a)
		}
		if a.Kind != KindCorrect && a.Planted == "" {
			t.Errorf("%s %s: no planted sentence", a.Case, a.Kind)
		}
	}
	for _, k := range append([]string{KindCorrect}, ErrorKinds...) {
		if kinds[k] < 20 {
			t.Errorf("%d answers of kind %s, want at least 20", kinds[k], k)
		}
	}
	// Planting changes the answer; generation is deterministic.
	again := PlantAnswers([]VerifierSuite{{Name: "musterstadt", Docs: kb, Cases: cases}})
	if len(again) != len(answers) || again[len(again)-1].Text != answers[len(answers)-1].Text {
		t.Error("PlantAnswers is not deterministic")
	}

	a, err := assistant.New(assistant.Config{Retriever: kb, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	rep := MeasureVerifier(answers, a)
	if rep.Answers != len(answers) || rep.Detection < 0.95 || rep.FalseAlarms > 0.05 {
		var b strings.Builder
		_ = rep.WriteMarkdown(&b)
		_ = rep.WriteDetails(&b)
		t.Errorf("verifier below target:\n%s", b.String())
	}
	for _, k := range rep.Kinds {
		if k.Kind != KindCorrect && k.Rate < 0.90 {
			t.Errorf("%s detection %.3f below 0.90", k.Kind, k.Rate)
		}
	}
}

func TestGermanWords(t *testing.T) {
	for n, want := range map[int]string{2: "zwei", 10: "zehn", 17: "siebzehn", 20: "zwanzig", 21: "einundzwanzig", 99: "neunundneunzig"} {
		if got := germanWords(n); got != want {
			t.Errorf("germanWords(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestNegate(t *testing.T) {
	for in, want := range map[string]string{
		"Ein Termin ist erforderlich": "Ein Termin ist nicht erforderlich",
		"Kein Termin nötig":           "Ein Termin nötig",
		"Nicht online verfügbar":      "Online verfügbar",
		"Die Anmeldung ist kostenlos": "Die Anmeldung ist kostenpflichtig",
		"Sie kommen ohne Termin":      "Sie kommen mit Termin",
	} {
		if got, ok := negate(in); !ok || got != want {
			t.Errorf("negate(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
}
