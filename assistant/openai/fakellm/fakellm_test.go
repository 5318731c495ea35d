// SPDX-License-Identifier: EUPL-1.2

package fakellm

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

func post(t *testing.T, url, body string) *http.Response {
	t.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

const streamReq = `{"model":"m","stream":true,"messages":[{"role":"user","content":"Hallo <b>"}]}`

func TestStreamWireFormat(t *testing.T) {
	s := New()
	defer s.Close()
	s.ReplyWith(Reply{Text: "Guten Tag"})
	resp := post(t, s.URL+"/chat/completions", streamReq)
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Errorf("Content-Type = %q", ct)
	}
	var contents []string
	var sawDone, sawStop bool
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			continue
		}
		data, ok := strings.CutPrefix(line, "data: ")
		if !ok {
			t.Fatalf("line without data prefix: %q", line)
		}
		if data == "[DONE]" {
			sawDone = true
			continue
		}
		var c struct {
			Object  string `json:"object"`
			Choices []struct {
				Index        int               `json:"index"`
				Delta        map[string]string `json:"delta"`
				FinishReason *string           `json:"finish_reason"`
			} `json:"choices"`
		}
		if err := json.Unmarshal([]byte(data), &c); err != nil {
			t.Fatalf("chunk %q: %v", data, err)
		}
		if c.Object != "chat.completion.chunk" || len(c.Choices) != 1 {
			t.Fatalf("chunk %q", data)
		}
		if c.Choices[0].FinishReason != nil && *c.Choices[0].FinishReason == "stop" {
			sawStop = true
		}
		if txt := c.Choices[0].Delta["content"]; txt != "" {
			contents = append(contents, txt)
		}
	}
	if strings.Join(contents, "|") != "Guten |Tag" || !sawDone || !sawStop {
		t.Errorf("contents %q done %v stop %v", contents, sawDone, sawStop)
	}
	reqs := s.Requests()
	if len(reqs) != 1 || reqs[0].Text() != "Hallo <b>\n" || !reqs[0].Stream {
		t.Errorf("recorded %+v", reqs)
	}
}

func TestToolCallWireFormat(t *testing.T) {
	s := New()
	defer s.Close()
	s.ReplyWith(Reply{ToolCall: &ToolCall{Name: "classify_intent", Arguments: `{"intent":"human"}`}})
	resp := post(t, s.URL+"/chat/completions", `{"model":"m","messages":[{"role":"user","content":"x"}],"tools":[{"type":"function","function":{"name":"classify_intent","parameters":{"type":"object"}}}],"tool_choice":"required"}`)
	var got struct {
		Object  string `json:"object"`
		Choices []struct {
			Message struct {
				ToolCalls []struct {
					ID       string `json:"id"`
					Type     string `json:"type"`
					Function struct {
						Name      string `json:"name"`
						Arguments string `json:"arguments"`
					} `json:"function"`
				} `json:"tool_calls"`
			} `json:"message"`
			FinishReason string `json:"finish_reason"`
		} `json:"choices"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil {
		t.Fatal(err)
	}
	tc := got.Choices[0].Message.ToolCalls[0]
	if got.Object != "chat.completion" || got.Choices[0].FinishReason != "tool_calls" || tc.ID != "call_1" ||
		tc.Type != "function" || tc.Function.Name != "classify_intent" || tc.Function.Arguments != `{"intent":"human"}` {
		t.Errorf("response %+v", got)
	}
	r := s.Requests()[0]
	if len(r.Tools) != 1 || r.Tools[0].Name != "classify_intent" || string(r.ToolChoice) != `"required"` {
		t.Errorf("recorded tools %+v choice %s", r.Tools, r.ToolChoice)
	}
}

func TestErrorsAndScript(t *testing.T) {
	s := New()
	defer s.Close()
	s.SetReply(func(r Request) Reply {
		if strings.Contains(r.Text(), "busy") {
			return Reply{Status: 429, RetryAfter: "3"}
		}
		return Reply{Status: 500}
	})
	resp := post(t, s.URL+"/chat/completions", `{"model":"m","messages":[{"role":"user","content":"busy"}]}`)
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 429 || resp.Header.Get("Retry-After") != "3" || !strings.Contains(string(body), `"code":"rate_limit_exceeded"`) {
		t.Errorf("429: %d %q %s", resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
	resp = post(t, s.URL+"/chat/completions", `{"model":"m","messages":[{"role":"user","content":"x"}]}`)
	body, _ = io.ReadAll(resp.Body)
	if resp.StatusCode != 500 || !strings.Contains(string(body), `"type":"server_error"`) {
		t.Errorf("500: %d %s", resp.StatusCode, body)
	}
	resp = post(t, s.URL+"/chat/completions", `{"model":"m"}`)
	if resp.StatusCode != 400 {
		t.Errorf("request without messages: %d", resp.StatusCode)
	}
	resp = post(t, s.URL+"/embeddings", `{}`)
	if resp.StatusCode != 404 {
		t.Errorf("unknown path: %d", resp.StatusCode)
	}
}

func TestFirstChunkDelay(t *testing.T) {
	// Headers come before the delay: with a delay far longer than any
	// scheduling hiccup, post must return long before it ends.
	s := New()
	defer s.Close()
	s.SetFirstChunkDelay(10 * time.Second)
	start := time.Now()
	resp := post(t, s.URL+"/chat/completions", streamReq)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("headers took %v, want them before the 10 s delay", d)
	}
	resp.Body.Close()

	// The stream itself ends no earlier than the delay.
	s2 := New()
	defer s2.Close()
	s2.SetFirstChunkDelay(150 * time.Millisecond)
	start = time.Now()
	resp = post(t, s2.URL+"/chat/completions", streamReq)
	io.ReadAll(resp.Body)
	if d := time.Since(start); d < 150*time.Millisecond {
		t.Errorf("stream done after %v, want at least the delay", d)
	}
}

func TestSplitWords(t *testing.T) {
	for _, s := range []string{"", "a", "a b", "Der Pass kostet 70,00 Euro [1]. ", "  zwei"} {
		if got := strings.Join(SplitWords(s), ""); got != s {
			t.Errorf("SplitWords(%q) joins to %q", s, got)
		}
	}
}

func TestQuoteFirstPassage(t *testing.T) {
	prompt := "Quellen:\n<passages>\n<passage id=\"1\" title=\"Reisepass\" section=\"Kosten\">\n- Ab 24 Jahren: 70,00 Euro\n- Unter 24: 37,50 Euro\n</passage>\n<passage id=\"2\" title=\"X\">\nzwei\n</passage>\n</passages>"
	r := Request{Stream: true, Messages: []Message{{Role: "system", Content: "Regeln"}, {Role: "user", Content: prompt}}}
	if got := r.Passages(); len(got) != 2 || got[0] != "- Ab 24 Jahren: 70,00 Euro\n- Unter 24: 37,50 Euro" || got[1] != "zwei" {
		t.Errorf("Passages = %q", got)
	}
	if got := QuoteFirstPassage(r); got.Text != "Ab 24 Jahren: 70,00 Euro [1]" {
		t.Errorf("reply %q", got.Text)
	}
	r.Tools = []Tool{{Name: "classify_intent"}}
	if got := QuoteFirstPassage(r); got.Status != 503 {
		t.Errorf("tool call status %d", got.Status)
	}
	if got := QuoteFirstPassage(Request{Messages: []Message{{Content: "nichts"}}}); strings.Contains(got.Text, "[1]") {
		t.Errorf("cited without passages: %q", got.Text)
	}
}
