// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/assistant/openai/fakellm"
)

// TestServeWithLLM switches on an OpenAI-compatible model through
// LOTSE_LLM_*: answers come from the model (streamed over SSE by the fake)
// with verified citations, and `lotse eval --compare answer=extractive,llm`
// runs both modes.
func TestServeWithLLM(t *testing.T) {
	fake := fakellm.New()
	defer fake.Close()
	fake.SetReply(fakellm.QuoteFirstPassage)
	srv := mustStartServer(t, func(c *Config) {
		c.LLM.BaseURL = fake.URL
		c.LLM.Model = "fake-model"
	})
	code, cr, raw := postChat(t, srv.URL(), `{"message":"Was kostet ein Reisepass?"}`)
	if code != 200 {
		t.Fatalf("status %d: %s", code, raw)
	}
	if !strings.Contains(cr.Answer.Text, "[1]") || len(cr.Answer.Sources) == 0 || cr.Answer.Sources[0].ID != "leistungen/reisepass" {
		t.Errorf("expected a cited model answer about the Reisepass, got %s", raw)
	}
	if len(fake.Requests()) == 0 {
		t.Error("the model was never asked")
	}
}

// TestServeWithLLMInTurkish: a question in Turkish, a model that answers
// in Turkish with the fee written as Turkish writes it: the REST answer is
// the model's Turkish sentence, and it carries the German passage it
// rests on for the "Originaltext".
func TestServeWithLLMInTurkish(t *testing.T) {
	fake := fakellm.New()
	defer fake.Close()
	fake.SetReply(func(r fakellm.Request) fakellm.Reply {
		if len(r.Tools) > 0 {
			return fakellm.Reply{Status: 503}
		}
		for i, p := range r.Passages() {
			if strings.Contains(p, "70,00 Euro") {
				return fakellm.Reply{Text: "Pasaport, 24 yaş ve üzeri başvuru sahipleri için 70,00 € tutar [" + strconv.Itoa(i+1) + "]."}
			}
		}
		return fakellm.Reply{Text: "Bilmiyorum."}
	})
	srv := mustStartServer(t, func(c *Config) {
		c.LLM.BaseURL = fake.URL
		c.LLM.Model = "fake-model"
	})
	code, cr, raw := postChat(t, srv.URL(), `{"message":"Pasaport ne kadar tutuyor?"}`)
	if code != 200 {
		t.Fatalf("status %d: %s", code, raw)
	}
	if !strings.Contains(cr.Answer.Text, "70,00 € tutar [1]") {
		t.Errorf("want the Turkish model answer, got %s", raw)
	}
	var body struct {
		Answer struct {
			Original []struct {
				Source int    `json:"source"`
				Text   string `json:"text"`
				Lang   string `json:"lang"`
			} `json:"original"`
		} `json:"answer"`
	}
	if err := json.Unmarshal(raw, &body); err != nil {
		t.Fatal(err)
	}
	if o := body.Answer.Original; len(o) == 0 || o[0].Source != 1 || o[0].Lang != "de" || !strings.Contains(o[0].Text, "70,00 Euro") {
		t.Errorf("original %+v, want the German fee passage", o)
	}
}

func TestEvalCompareAnswerModes(t *testing.T) {
	fake := fakellm.New()
	defer fake.Close()
	fake.SetReply(fakellm.QuoteFirstPassage)
	env := envFrom(map[string]string{"LOTSE_LLM_BASE_URL": fake.URL, "LOTSE_LLM_MODEL": "fake-model"})
	var out, errb bytes.Buffer
	err := run(context.Background(), []string{"eval", "--cases", filepath.Join("..", "..", "evals", "cases", "musterstadt", "followups.yaml"),
		"--compare", "answer=extractive,llm", "--format", "markdown"}, env, nil, &out, &errb)
	if err != nil {
		var ex exitError
		if !errors.As(err, &ex) || ex.code != 1 {
			t.Fatalf("eval: %v\n%s", err, errb.String())
		}
	}
	for _, want := range []string{"answer=extractive", "answer=llm", "hit@5"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("comparison lacks %q:\n%s", want, out.String())
		}
	}
	if len(fake.Requests()) == 0 {
		t.Error("the llm setting never asked the model")
	}
}
