// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"fmt"
	"io"
	"strings"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
)

// The verifier eval measures the check that every sentence of a model
// answer is supported by the passages it cites. From each case whose
// expected source is in the knowledge base it builds the answer a faithful
// model could give (a paraphrase of the passages that hold the case's
// facts) and, from that, answers with exactly one planted error. It
// reports how many planted errors the verifier catches per kind and how
// many correct paraphrases it refuses. The corpus grows with the cases.

// The kinds of planted answers. KindCorrect is a faithful paraphrase.
const (
	KindCorrect         = "correct"
	KindSwappedAmount   = "swapped_amount"
	KindAmountInWords   = "amount_in_words"
	KindWrongDuration   = "wrong_duration"
	KindNegatedFact     = "negated_fact"
	KindWrongOffice     = "wrong_office"
	KindInventedDoc     = "invented_document"
	KindWrongLink       = "wrong_link"
	KindWrongLanguage   = "wrong_language"
	maxPlantedSentences = 3
)

// ErrorKinds lists the planted error kinds in report order.
var ErrorKinds = []string{
	KindSwappedAmount, KindAmountInWords, KindWrongDuration, KindNegatedFact,
	KindWrongOffice, KindInventedDoc, KindWrongLink, KindWrongLanguage,
}

// PlantedAnswer is one model answer of the verifier eval.
type PlantedAnswer struct {
	Case     string
	Kind     string // KindCorrect or one of ErrorKinds
	Text     string // the answer with [n] markers
	Passages []knowledge.Passage
	Lang     string
	Planted  string // the wrong sentence, for the report of misses
}

// Documents is what the generator reads from a knowledge base;
// *knowledge.Base implements it.
type Documents interface {
	Documents(aud knowledge.Audience) []knowledge.Document
	Document(id string, aud knowledge.Audience) (knowledge.Document, bool)
}

// AnswerVerifier checks a model answer; *assistant.Assistant implements it.
type AnswerVerifier interface {
	VerifyAnswer(text string, ps []knowledge.Passage, lang string) assistant.Verification
}

// VerifierSuite is a knowledge base with the cases written for it.
type VerifierSuite struct {
	Name  string
	Docs  Documents
	Cases []Case
}

// VerifierKind is the outcome for one kind of planted answer.
type VerifierKind struct {
	Kind    string  `json:"kind"`
	Answers int     `json:"answers"`
	Flagged int     `json:"flagged"` // answers with at least one refused sentence
	Rate    float64 `json:"rate"`    // Flagged / Answers: detection, or false alarms for KindCorrect
}

// VerifierReport is the result of the verifier eval.
type VerifierReport struct {
	Answers     int                 `json:"answers"`
	Detection   float64             `json:"detection"`    // over all planted errors
	FalseAlarms float64             `json:"false_alarms"` // over correct paraphrases
	Kinds       []VerifierKind      `json:"kinds"`        // correct first, then ErrorKinds
	Misses      []PlantedAnswer     `json:"-"`            // planted errors not caught
	Alarms      []PlantedAnswer     `json:"-"`            // correct answers refused
	AlarmWhy    []assistant.Refusal `json:"-"`
}

// MeasureVerifier runs every answer through v.
func MeasureVerifier(answers []PlantedAnswer, v AnswerVerifier) VerifierReport {
	byKind := map[string]*VerifierKind{}
	order := append([]string{KindCorrect}, ErrorKinds...)
	for _, k := range order {
		byKind[k] = &VerifierKind{Kind: k}
	}
	rep := VerifierReport{Answers: len(answers)}
	var planted, caught int
	for _, a := range answers {
		vr := v.VerifyAnswer(a.Text, a.Passages, a.Lang)
		flagged := len(vr.Refused) > 0 || vr.Replaced != ""
		k := byKind[a.Kind]
		k.Answers++
		if flagged {
			k.Flagged++
		}
		switch {
		case a.Kind == KindCorrect && flagged:
			rep.Alarms = append(rep.Alarms, a)
			if len(vr.Refused) > 0 {
				rep.AlarmWhy = append(rep.AlarmWhy, vr.Refused[0])
			} else {
				rep.AlarmWhy = append(rep.AlarmWhy, assistant.Refusal{Kind: vr.Replaced})
			}
		case a.Kind != KindCorrect:
			planted++
			if flagged {
				caught++
			} else {
				rep.Misses = append(rep.Misses, a)
			}
		}
	}
	for _, k := range order {
		kv := byKind[k]
		if kv.Answers > 0 {
			kv.Rate = float64(kv.Flagged) / float64(kv.Answers)
		}
		rep.Kinds = append(rep.Kinds, *kv)
	}
	if planted > 0 {
		rep.Detection = float64(caught) / float64(planted)
	}
	rep.FalseAlarms = byKind[KindCorrect].Rate
	return rep
}

// WriteMarkdown writes the report as the README table.
func (r VerifierReport) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "| Answers | Kind | Refused | Rate |\n|---:|---|---:|---:|\n")
	for _, k := range r.Kinds {
		label := "detection"
		if k.Kind == KindCorrect {
			label = "false alarms"
		}
		fmt.Fprintf(&b, "| %d | %s (%s) | %d | %.3f |\n", k.Answers, k.Kind, label, k.Flagged, k.Rate)
	}
	fmt.Fprintf(&b, "| %d | **all planted errors** (detection) | | **%.3f** |\n", r.Answers-r.Kinds[0].Answers, r.Detection)
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteDetails lists misses and false alarms, for tuning.
func (r VerifierReport) WriteDetails(w io.Writer) error {
	var b strings.Builder
	for _, m := range r.Misses {
		fmt.Fprintf(&b, "MISS %s %s: %q\n", m.Kind, m.Case, m.Planted)
	}
	for i, a := range r.Alarms {
		why := r.AlarmWhy[i]
		fmt.Fprintf(&b, "FALSE ALARM %s (%s %q): %q\n", a.Case, why.Kind, why.Claim, why.Sentence)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
