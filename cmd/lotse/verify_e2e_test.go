// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/musterstadt/lotse/assistant/openai/fakellm"
)

// verifyScript answers like a model that gets one fact right and one
// yes/no fact wrong: the fee from the passage that states it, then "no
// appointment, online" citing the passage that says the opposite, then
// another correct fee. Each sentence cites the passage it is about.
func verifyScript(t *testing.T) func(fakellm.Request) fakellm.Reply {
	return func(r fakellm.Request) fakellm.Reply {
		if len(r.Tools) > 0 {
			return fakellm.Reply{Status: http.StatusServiceUnavailable, ErrorMessage: "no tools"}
		}
		fee, termin := 0, 0
		for i, p := range r.Passages() {
			if fee == 0 && strings.Contains(p, "70,00 Euro") {
				fee = i + 1
			}
			if termin == 0 && strings.Contains(p, "Termin ist erforderlich") {
				termin = i + 1
			}
		}
		if fee == 0 || termin == 0 {
			return fakellm.Reply{Text: "Dazu habe ich keine Informationen."}
		}
		f, m := strconv.Itoa(fee), strconv.Itoa(termin)
		return fakellm.Reply{Text: "Ab 24 Jahren kostet der Reisepass 70,00 Euro [" + f + "]. " +
			wrongSentence + " [" + m + "]. Unter 24 Jahren sind es 37,50 Euro [" + f + "]."}
	}
}

const wrongSentence = "Sie brauchen keinen Termin und können ihn online beantragen"

// TestServeNeverShowsUnverifiedSentences runs the real server against the
// fake OpenAI-compatible model: the sentence that contradicts its source
// appears in no WebSocket frame and no REST body, and the verified
// sentences stream one by one.
func TestServeNeverShowsUnverifiedSentences(t *testing.T) {
	fake := fakellm.New()
	defer fake.Close()
	fake.SetReply(verifyScript(t))
	srv := mustStartServer(t, func(c *Config) {
		c.LLM.BaseURL = fake.URL
		c.LLM.Model = "fake-model"
	})
	const question = "Was kostet ein Reisepass und brauche ich einen Termin?"

	code, cr, raw := postChat(t, srv.URL(), `{"message":"`+question+`"}`)
	if code != 200 {
		t.Fatalf("status %d: %s", code, raw)
	}
	if strings.Contains(string(raw), "keinen Termin") {
		t.Errorf("REST body carries the refused sentence: %s", raw)
	}
	if !strings.Contains(cr.Answer.Text, "70,00 Euro [1]") || !strings.Contains(cr.Answer.Text, "37,50 Euro [1]") {
		t.Errorf("REST answer lacks the verified sentences: %q", cr.Answer.Text)
	}

	ws, resp, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(srv.URL(), "http")+"/ws", nil)
	if err != nil {
		t.Fatalf("websocket: %v (%v)", err, resp)
	}
	defer ws.Close()
	if err := ws.WriteJSON(map[string]string{"type": "message", "text": question}); err != nil {
		t.Fatal(err)
	}
	ws.SetReadDeadline(time.Now().Add(30 * time.Second))
	var tokens []string
	var answer string
	for answer == "" {
		_, frame, err := ws.ReadMessage()
		if err != nil {
			t.Fatalf("websocket read: %v", err)
		}
		if strings.Contains(string(frame), "keinen Termin") {
			t.Errorf("WebSocket frame carries the refused sentence: %s", frame)
		}
		var ev struct{ Type, Text string }
		if err := json.Unmarshal(frame, &ev); err != nil {
			t.Fatalf("frame %s: %v", frame, err)
		}
		switch ev.Type {
		case "error":
			t.Fatalf("error event: %s", frame)
		case "token":
			tokens = append(tokens, ev.Text)
		case "answer":
			answer = ev.Text
		}
	}
	// Sentence by sentence: every token event after the disclosure is one
	// whole verified sentence.
	var sentences []string
	for _, tok := range tokens {
		if strings.Contains(tok, "Euro [") {
			sentences = append(sentences, strings.TrimSpace(tok))
		}
	}
	want := []string{"Ab 24 Jahren kostet der Reisepass 70,00 Euro [1].", "Unter 24 Jahren sind es 37,50 Euro [1]."}
	if strings.Join(sentences, "|") != strings.Join(want, "|") {
		t.Errorf("streamed sentences %q, want %q (all tokens %q)", sentences, want, tokens)
	}
	if !strings.Contains(answer, want[0]) || strings.Contains(answer, "keinen Termin") {
		t.Errorf("final answer %q", answer)
	}
	// Both turns refused the sentence for its polarity; /metrics counts it.
	mr, err := http.Get(srv.URL() + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer mr.Body.Close()
	body, _ := io.ReadAll(mr.Body)
	if want := `lotse_claims_refused_total{kind="polarity"} 2`; !strings.Contains(string(body), want) {
		t.Errorf("metrics lack %s", want)
	}
}

// TestEvalVerifier runs `lotse eval verifier` from the repository root
// over the bundled base (and the shared corpus when present): the README
// table with every kind, and exit 0 when the targets hold.
func TestEvalVerifier(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "shared", "corpus")
	if raceDetector {
		// The race detector makes the shared corpus's suite take
		// minutes; `make eval` measures it in full (without the
		// detector), and the bundled suite has every kind of planted
		// error.
		shared = t.TempDir()
	}
	var out, errb bytes.Buffer
	err := run(context.Background(), []string{"eval", "verifier", "--cases", filepath.Join("..", "..", "evals", "cases"),
		"--shared", shared}, envFrom(nil), nil, &out, &errb)
	if err != nil {
		t.Fatalf("eval verifier: %v\n%s\n%s", err, out.String(), errb.String())
	}
	for _, want := range []string{"correct (false alarms)", "swapped_amount", "amount_in_words", "wrong_duration", "negated_fact",
		"wrong_office", "invented_document", "wrong_link", "wrong_language", "all planted errors"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, out.String())
		}
	}
	var bad bytes.Buffer
	err = run(context.Background(), []string{"eval", "verifier", "--cases", t.TempDir()}, envFrom(nil), nil, &bad, &errb)
	var ex exitError
	if !errors.As(err, &ex) || ex.code != 2 {
		t.Errorf("missing case sets: err %v, want exit 2", err)
	}
}
