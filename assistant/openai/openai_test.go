// SPDX-License-Identifier: EUPL-1.2

package openai

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	oai "github.com/sashabaranov/go-openai"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/assistant/openai/fakellm"
)

func mustModel(tb testing.TB, cfg Config) *Model {
	tb.Helper()
	m, err := New(cfg)
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	return m
}

func newFake(tb testing.TB) *fakellm.Server {
	tb.Helper()
	s := fakellm.New()
	tb.Cleanup(s.Close)
	return s
}

func collect(seq func(func(string, error) bool)) ([]string, error) {
	var toks []string
	var err error
	seq(func(s string, e error) bool {
		if e != nil {
			err = e
			return false
		}
		toks = append(toks, s)
		return true
	})
	return toks, err
}

var askPass = assistant.ModelRequest{
	Messages: []assistant.ModelMessage{
		{Role: "system", Content: "Antworte nur aus den Quellen."},
		{Role: "user", Content: "Was kostet ein Reisepass?"},
	},
	MaxTokens: 300,
}

func TestStreamTokensInOrder(t *testing.T) {
	fake := newFake(t)
	chunks := []string{"Der ", "Reisepass ", "kostet ", "70,00 Euro ", "[1]."}
	fake.ReplyWith(fakellm.Reply{Chunks: chunks})
	m := mustModel(t, Config{BaseURL: fake.URL, Model: "llama3.1", APIKey: "sk-test"})

	got, err := collect(m.Stream(context.Background(), askPass))
	if err != nil {
		t.Fatalf("Stream: %v", err)
	}
	if diff := cmp.Diff(chunks, got); diff != "" {
		t.Errorf("tokens (-want +got):\n%s", diff)
	}
	reqs := fake.Requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests, want 1", len(reqs))
	}
	r := reqs[0]
	if !r.Stream || r.Model != "llama3.1" || r.MaxTokens != 300 || r.Path != "/v1/chat/completions" {
		t.Errorf("request = stream %v model %q max %d path %q", r.Stream, r.Model, r.MaxTokens, r.Path)
	}
	if r.Temperature == nil || *r.Temperature > 1e-6 {
		t.Errorf("temperature = %v, want sent and ~0", r.Temperature)
	}
	if got := r.Header.Get("Authorization"); got != "Bearer sk-test" {
		t.Errorf("Authorization = %q", got)
	}
	want := []fakellm.Message{{Role: "system", Content: "Antworte nur aus den Quellen."}, {Role: "user", Content: "Was kostet ein Reisepass?"}}
	if diff := cmp.Diff(want, r.Messages); diff != "" {
		t.Errorf("messages (-want +got):\n%s", diff)
	}
}

func TestStreamNoKeyNoAuthHeader(t *testing.T) {
	fake := newFake(t)
	m := mustModel(t, Config{BaseURL: fake.URL + "/", Model: "qwen2.5"})
	if _, err := collect(m.Stream(context.Background(), askPass)); err != nil {
		t.Fatal(err)
	}
	if got := fake.Requests()[0].Header.Get("Authorization"); got != "" {
		t.Errorf("Authorization = %q, want none", got)
	}
}

func TestStreamStopsWhenConsumerStops(t *testing.T) {
	fake := newFake(t)
	fake.ReplyWith(fakellm.Reply{Text: "eins zwei drei vier", ChunkDelay: 20 * time.Millisecond})
	m := mustModel(t, Config{BaseURL: fake.URL, Model: "m"})
	var got []string
	for tok, err := range m.Stream(context.Background(), askPass) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, tok)
		break
	}
	if len(got) != 1 || got[0] != "eins " {
		t.Errorf("got %q", got)
	}
	select {
	case <-fake.Canceled():
	case <-time.After(5 * time.Second):
		t.Error("server did not see the stream closed")
	}
}

func TestStreamCancelAbortsRequest(t *testing.T) {
	fake := newFake(t)
	fake.ReplyWith(fakellm.Reply{Text: "zu spät", FirstChunkDelay: 10 * time.Second})
	m := mustModel(t, Config{BaseURL: fake.URL, Model: "m"})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	_, err := collect(m.Stream(ctx, askPass))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("cancel took %v", d)
	}
	select {
	case <-fake.Canceled():
	case <-time.After(5 * time.Second):
		t.Error("server did not see the request cancelled")
	}
}

func TestStreamCancelCause(t *testing.T) {
	fake := newFake(t)
	fake.ReplyWith(fakellm.Reply{Text: "zu spät", FirstChunkDelay: 10 * time.Second})
	m := mustModel(t, Config{BaseURL: fake.URL, Model: "m"})
	errSlow := errors.New("first token timeout")
	ctx, cancel := context.WithCancelCause(context.Background())
	time.AfterFunc(50*time.Millisecond, func() { cancel(errSlow) })
	_, err := collect(m.Stream(ctx, askPass))
	if !errors.Is(err, errSlow) {
		t.Fatalf("err = %v, want the cancel cause", err)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name      string
		reply     fakellm.Reply
		status    int
		temporary bool
		apiErr    bool // *oai.APIError (JSON body) rather than *oai.RequestError
	}{
		{"rate limit", fakellm.Reply{Status: 429, RetryAfter: "2"}, 429, true, true},
		{"server error", fakellm.Reply{Status: 500}, 500, true, true},
		{"bad gateway html", fakellm.Reply{Status: 502, RawBody: "<html>Bad Gateway</html>"}, 502, true, false},
		{"unauthorized", fakellm.Reply{Status: 401, ErrorMessage: "Incorrect API key provided"}, 401, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := newFake(t)
			fake.ReplyWith(tt.reply)
			m := mustModel(t, Config{BaseURL: fake.URL, Model: "m"})
			_, streamErr := collect(m.Stream(context.Background(), askPass))
			_, callErr := m.Call(context.Background(), askPass, []assistant.Tool{classifyTool})
			for _, err := range []error{streamErr, callErr} {
				httpErr, ok := errors.AsType[*HTTPError](err)
				if !ok {
					t.Fatalf("err = %v (%T), want *HTTPError", err, err)
				}
				if httpErr.StatusCode != tt.status || httpErr.Temporary() != tt.temporary {
					t.Errorf("status %d temporary %v, want %d %v", httpErr.StatusCode, httpErr.Temporary(), tt.status, tt.temporary)
				}
				if !strings.Contains(err.Error(), "HTTP "+strconv.Itoa(tt.status)) {
					t.Errorf("error text %q lacks the status", err)
				}
				_, isAPI := errors.AsType[*oai.APIError](err)
				_, isReq := errors.AsType[*oai.RequestError](err)
				if isAPI != tt.apiErr || isReq == tt.apiErr {
					t.Errorf("APIError %v RequestError %v, want APIError %v", isAPI, isReq, tt.apiErr)
				}
			}
		})
	}
}

func TestStreamAbortedMidway(t *testing.T) {
	fake := newFake(t)
	fake.ReplyWith(fakellm.Reply{Chunks: []string{"Der ", "Pass ", "kostet"}, AbortAfter: 2})
	m := mustModel(t, Config{BaseURL: fake.URL, Model: "m"})
	got, err := collect(m.Stream(context.Background(), askPass))
	if err == nil {
		t.Fatal("aborted stream ended without error")
	}
	if diff := cmp.Diff([]string{"Der ", "Pass "}, got); diff != "" {
		t.Errorf("tokens before abort (-want +got):\n%s", diff)
	}
}

var classifyTool = assistant.Tool{
	Name:        "classify_intent",
	Description: "Ordnet die Nachricht einer Absicht zu.",
	Parameters:  json.RawMessage(`{"type":"object","properties":{"intent":{"type":"string","enum":["human","smalltalk"]}},"required":["intent"]}`),
}

func TestCall(t *testing.T) {
	other := assistant.Tool{Name: "other", Parameters: json.RawMessage(`{"type":"object"}`)}
	tests := []struct {
		name    string
		reply   fakellm.Reply
		tools   []assistant.Tool
		want    assistant.ToolCall
		wantErr string
	}{
		{
			name:  "tool call",
			reply: fakellm.Reply{ToolCall: &fakellm.ToolCall{Name: "classify_intent", Arguments: `{"intent":"human"}`}},
			tools: []assistant.Tool{classifyTool},
			want:  assistant.ToolCall{Name: "classify_intent", Arguments: json.RawMessage(`{"intent":"human"}`)},
		},
		{
			name:    "unknown tool",
			reply:   fakellm.Reply{ToolCall: &fakellm.ToolCall{Name: "delete_all", Arguments: `{}`}},
			tools:   []assistant.Tool{classifyTool},
			wantErr: "unknown tool",
		},
		{
			name:    "arguments not json",
			reply:   fakellm.Reply{ToolCall: &fakellm.ToolCall{Name: "classify_intent", Arguments: `intent=human`}},
			tools:   []assistant.Tool{classifyTool},
			wantErr: "not a JSON object",
		},
		{
			name:  "bare arguments as text, single tool",
			reply: fakellm.Reply{Text: "```json\n{\"intent\":\"smalltalk\"}\n```"},
			tools: []assistant.Tool{classifyTool},
			want:  assistant.ToolCall{Name: "classify_intent", Arguments: json.RawMessage(`{"intent":"smalltalk"}`)},
		},
		{
			name:  "named call as text",
			reply: fakellm.Reply{Text: `{"name":"classify_intent","arguments":"{\"intent\":\"human\"}"}`},
			tools: []assistant.Tool{other, classifyTool},
			want:  assistant.ToolCall{Name: "classify_intent", Arguments: json.RawMessage(`{"intent":"human"}`)},
		},
		{
			name:    "bare arguments with two tools",
			reply:   fakellm.Reply{Text: `{"intent":"human"}`},
			tools:   []assistant.Tool{other, classifyTool},
			wantErr: "without a tool call",
		},
		{
			name:    "prose",
			reply:   fakellm.Reply{Text: "Das ist eine Bitte um einen Menschen."},
			tools:   []assistant.Tool{classifyTool},
			wantErr: "without a tool call",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := newFake(t)
			fake.ReplyWith(tt.reply)
			m := mustModel(t, Config{BaseURL: fake.URL, Model: "m"})
			got, err := m.Call(context.Background(), askPass, tt.tools)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Name != tt.want.Name || string(got.Arguments) != string(tt.want.Arguments) {
				t.Errorf("got %s %s, want %s %s", got.Name, got.Arguments, tt.want.Name, tt.want.Arguments)
			}
			r := fake.Requests()[0]
			if r.Stream {
				t.Error("tool call was streamed")
			}
			if string(r.ToolChoice) != `"required"` {
				t.Errorf("tool_choice = %s", r.ToolChoice)
			}
			var names []string
			for _, tool := range r.Tools {
				names = append(names, tool.Name)
			}
			var wantNames []string
			for _, tool := range tt.tools {
				wantNames = append(wantNames, tool.Name)
			}
			if diff := cmp.Diff(wantNames, names); diff != "" {
				t.Errorf("tools (-want +got):\n%s", diff)
			}
			if string(r.Tools[len(r.Tools)-1].Parameters) != string(tt.tools[len(tt.tools)-1].Parameters) {
				t.Errorf("parameters = %s", r.Tools[len(r.Tools)-1].Parameters)
			}
		})
	}
}

func TestCallNoTools(t *testing.T) {
	m := mustModel(t, Config{BaseURL: "http://127.0.0.1:1/v1", Model: "m"})
	if _, err := m.Call(context.Background(), askPass, nil); err == nil {
		t.Fatal("Call without tools succeeded")
	}
}

func TestCallCancel(t *testing.T) {
	fake := newFake(t)
	fake.ReplyWith(fakellm.Reply{ToolCall: &fakellm.ToolCall{Name: "classify_intent", Arguments: `{}`}, FirstChunkDelay: 10 * time.Second})
	m := mustModel(t, Config{BaseURL: fake.URL, Model: "m"})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := m.Call(ctx, askPass, []assistant.Tool{classifyTool})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want deadline exceeded", err)
	}
	select {
	case <-fake.Canceled():
	case <-time.After(5 * time.Second):
		t.Error("server did not see the request cancelled")
	}
}

func TestAzure(t *testing.T) {
	fake := newFake(t)
	fake.ReplyWith(fakellm.Reply{Text: "Hallo"})
	m := mustModel(t, Config{BaseURL: fake.Root, Model: "lotse-gpt-4o", APIKey: "azure-key", AzureAPIVersion: "2024-10-21"})
	got, err := collect(m.Stream(context.Background(), askPass))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, "") != "Hallo" {
		t.Errorf("got %q", got)
	}
	r := fake.Requests()[0]
	if r.Path != "/openai/deployments/lotse-gpt-4o/chat/completions" {
		t.Errorf("path = %q", r.Path)
	}
	if v := r.Query.Get("api-version"); v != "2024-10-21" {
		t.Errorf("api-version = %q", v)
	}
	if k := r.Header.Get("api-key"); k != "azure-key" {
		t.Errorf("api-key = %q", k)
	}
}

func TestReasoningModelRequest(t *testing.T) {
	fake := newFake(t)
	m := mustModel(t, Config{BaseURL: fake.URL, Model: "gpt-5-mini"})
	if _, err := collect(m.Stream(context.Background(), askPass)); err != nil {
		t.Fatal(err)
	}
	r := fake.Requests()[0]
	if r.Temperature != nil {
		t.Errorf("temperature sent to a reasoning model: %v", *r.Temperature)
	}
	if !strings.Contains(string(r.Body), `"max_completion_tokens":300`) || strings.Contains(string(r.Body), `"max_tokens"`) {
		t.Errorf("body = %s", r.Body)
	}
}

func TestNew(t *testing.T) {
	tests := []struct {
		name    string
		cfg     Config
		wantErr string
	}{
		{"openai default", Config{Model: "gpt-4o-mini", APIKey: "k"}, ""},
		{"ollama", Config{BaseURL: "http://localhost:11434/v1", Model: "llama3.1"}, ""},
		{"no model", Config{BaseURL: "http://localhost:11434/v1"}, "model required"},
		{"bad url", Config{BaseURL: "localhost:11434", Model: "m"}, "not an http(s) URL"},
		{"azure without url", Config{Model: "m", APIKey: "k", AzureAPIVersion: "2024-10-21"}, "base URL"},
		{"azure without key", Config{BaseURL: "https://x.openai.azure.com", Model: "m", AzureAPIVersion: "2024-10-21"}, "API key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.cfg)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
		})
	}
}
