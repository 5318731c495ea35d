// SPDX-License-Identifier: EUPL-1.2

// Package fakellm is an in-process fake of an OpenAI-compatible chat
// completions server for tests. It speaks the real wire format (JSON
// requests, server-sent events for streams, tool calls, error bodies), so
// that the assistant/openai adapter and everything above it can be tested
// end to end without network.
//
// Replies are scripted by a function of the request; the server can delay
// the first chunk, fail with any status (429 with Retry-After, 500),
// abort a stream half-way, and it records every request so that tests can
// assert what a model would have seen (no raw personal data, no broken
// fences).
//
// fakellm is test support: it is not a model and imports only the
// standard library. It lives outside internal/ so that evals and red-team
// tests can use it too.
package fakellm

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"
)

// Message is one chat message of a recorded request.
type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// Tool is a function offered in a recorded request.
type Tool struct {
	Name        string
	Description string
	Parameters  json.RawMessage
}

// Request is one recorded chat completions request.
type Request struct {
	Path   string     // URL path, e.g. /v1/chat/completions
	Query  url.Values // e.g. api-version for Azure
	Header http.Header
	Body   []byte // raw JSON body

	Model       string
	Stream      bool
	Messages    []Message
	Tools       []Tool
	ToolChoice  json.RawMessage // raw tool_choice, nil if absent
	MaxTokens   int             // max_tokens or max_completion_tokens
	Temperature *float64        // nil if absent
}

// Text returns the contents of all messages, separated by newlines: what
// the model would read. Use it to assert that text did or did not reach
// the model (the raw Body has JSON escapes such as \u003c).
func (r Request) Text() string {
	var b strings.Builder
	for _, m := range r.Messages {
		b.WriteString(m.Content)
		b.WriteByte('\n')
	}
	return b.String()
}

// ToolCall is a tool call the fake returns.
type ToolCall struct {
	Name      string
	Arguments string // JSON object as a string, as on the wire
}

// Reply scripts the server's answer to one request.
type Reply struct {
	// Status is the HTTP status; 0 means 200. For a status >= 400 the
	// server sends an OpenAI error body with ErrorMessage (or RawBody).
	Status       int
	RetryAfter   string // Retry-After header, e.g. "2"
	ErrorMessage string
	RawBody      string // sent as is instead of a JSON error body (a proxy's HTML page)

	// Text is the assistant message. Streamed, it is split into chunks at
	// word boundaries unless Chunks is set.
	Text   string
	Chunks []string

	// ToolCall, if set, is returned as the message's tool call (non-stream
	// requests only).
	ToolCall *ToolCall

	// FirstChunkDelay is the wait before the first chunk (streams: after
	// the headers were sent) or before the response (non-stream). It
	// overrides the server's SetFirstChunkDelay when not zero.
	FirstChunkDelay time.Duration
	// ChunkDelay is the wait between chunks.
	ChunkDelay time.Duration
	// AbortAfter > 0 drops the connection after that many content chunks,
	// without [DONE].
	AbortAfter int
}

// Server is a fake OpenAI-compatible server. The zero value is not usable;
// call New.
type Server struct {
	// URL is the base URL for OpenAI-style clients, ending in /v1.
	URL string
	// Root is the server's root URL, for Azure-style clients, which append
	// /openai/deployments/{name}/chat/completions.
	Root string

	srv      *httptest.Server
	canceled chan struct{}

	mu         sync.Mutex
	reply      func(Request) Reply
	firstDelay time.Duration
	requests   []Request
	seq        int
}

// New starts a fake server. It answers every request with "OK" until
// SetReply is called. Close it when done.
func New() *Server {
	s := &Server{
		canceled: make(chan struct{}, 64),
		reply:    func(Request) Reply { return Reply{Text: "OK"} },
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/chat/completions", s.handleChat)
	mux.HandleFunc("POST /openai/deployments/{deployment}/chat/completions", s.handleChat)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "Unknown request URL: "+r.Method+" "+r.URL.Path, "invalid_request_error", "unknown_url")
	})
	s.srv = httptest.NewServer(mux)
	s.Root = s.srv.URL
	s.URL = s.srv.URL + "/v1"
	return s
}

// Close shuts the server down, aborting open streams.
func (s *Server) Close() {
	s.srv.CloseClientConnections()
	s.srv.Close()
}

// SetReply sets the function that scripts every following reply. It is
// called on the server's goroutine; it must not call t.Fatal.
func (s *Server) SetReply(f func(Request) Reply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reply = f
}

// ReplyWith answers every following request with r.
func (s *Server) ReplyWith(r Reply) { s.SetReply(func(Request) Reply { return r }) }

// SetFirstChunkDelay sets the default wait before the first chunk.
func (s *Server) SetFirstChunkDelay(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.firstDelay = d
}

// Requests returns the requests received so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Canceled receives a value each time a client went away (cancelled its
// context or closed the connection) before the reply was complete.
func (s *Server) Canceled() <-chan struct{} { return s.canceled }

// wireRequest is the subset of the chat completions request we decode.
type wireRequest struct {
	Model               string          `json:"model"`
	Stream              bool            `json:"stream"`
	Messages            []Message       `json:"messages"`
	Tools               []wireTool      `json:"tools"`
	ToolChoice          json.RawMessage `json:"tool_choice"`
	MaxTokens           int             `json:"max_tokens"`
	MaxCompletionTokens int             `json:"max_completion_tokens"`
	Temperature         *float64        `json:"temperature"`
}

type wireTool struct {
	Type     string `json:"type"`
	Function struct {
		Name        string          `json:"name"`
		Description string          `json:"description"`
		Parameters  json.RawMessage `json:"parameters"`
	} `json:"function"`
}

func (s *Server) handleChat(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeError(w, http.StatusBadRequest, "cannot read body", "invalid_request_error", "")
		return
	}
	var wr wireRequest
	if err := json.Unmarshal(body, &wr); err != nil {
		writeError(w, http.StatusBadRequest, "invalid JSON: "+err.Error(), "invalid_request_error", "")
		return
	}
	req := Request{
		Path:        r.URL.Path,
		Query:       r.URL.Query(),
		Header:      r.Header.Clone(),
		Body:        body,
		Model:       wr.Model,
		Stream:      wr.Stream,
		Messages:    wr.Messages,
		ToolChoice:  wr.ToolChoice,
		MaxTokens:   max(wr.MaxTokens, wr.MaxCompletionTokens),
		Temperature: wr.Temperature,
	}
	for _, t := range wr.Tools {
		req.Tools = append(req.Tools, Tool{Name: t.Function.Name, Description: t.Function.Description, Parameters: t.Function.Parameters})
	}
	if wr.Model == "" || len(wr.Messages) == 0 {
		s.record(req)
		writeError(w, http.StatusBadRequest, "model and messages are required", "invalid_request_error", "")
		return
	}

	s.mu.Lock()
	s.requests = append(s.requests, req)
	s.seq++
	id := fmt.Sprintf("chatcmpl-fake-%d", s.seq)
	script, firstDelay := s.reply, s.firstDelay
	s.mu.Unlock()
	reply := script(req)
	if reply.FirstChunkDelay == 0 {
		reply.FirstChunkDelay = firstDelay
	}

	if reply.Status >= 400 {
		if !s.wait(r, reply.FirstChunkDelay) {
			return
		}
		if reply.RetryAfter != "" {
			w.Header().Set("Retry-After", reply.RetryAfter)
		}
		if reply.RawBody != "" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(reply.Status)
			io.WriteString(w, reply.RawBody)
			return
		}
		msg, typ, code := reply.ErrorMessage, "server_error", ""
		if reply.Status == http.StatusTooManyRequests {
			typ, code = "requests", "rate_limit_exceeded"
			if msg == "" {
				msg = "Rate limit reached for requests. Please try again later."
			}
		}
		if msg == "" {
			msg = "The server had an error while processing your request."
		}
		writeError(w, reply.Status, msg, typ, code)
		return
	}
	if wr.Stream {
		s.stream(w, r, id, wr.Model, reply)
		return
	}
	if !s.wait(r, reply.FirstChunkDelay) {
		return
	}
	s.complete(w, id, wr.Model, reply)
}

func (s *Server) record(req Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, req)
}

// wait sleeps for d unless the client goes away first; it reports whether
// to go on.
func (s *Server) wait(r *http.Request, d time.Duration) bool {
	if d <= 0 {
		return r.Context().Err() == nil || s.gone()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return s.gone()
	}
}

// gone notes a client that went away and returns false.
func (s *Server) gone() bool {
	select {
	case s.canceled <- struct{}{}:
	default:
	}
	return false
}

type wireChunk struct {
	ID      string            `json:"id"`
	Object  string            `json:"object"`
	Created int64             `json:"created"`
	Model   string            `json:"model"`
	Choices []wireChunkChoice `json:"choices"`
}

type wireChunkChoice struct {
	Index        int               `json:"index"`
	Delta        map[string]string `json:"delta"`
	FinishReason *string           `json:"finish_reason"`
}

func (s *Server) stream(w http.ResponseWriter, r *http.Request, id, model string, reply Reply) {
	flusher, _ := w.(http.Flusher)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	if flusher != nil {
		flusher.Flush()
	}
	if !s.wait(r, reply.FirstChunkDelay) {
		return
	}
	chunks := reply.Chunks
	if chunks == nil {
		chunks = SplitWords(reply.Text)
	}
	created := time.Now().Unix()
	send := func(delta map[string]string, finish *string) bool {
		b, _ := json.Marshal(wireChunk{ID: id, Object: "chat.completion.chunk", Created: created, Model: model,
			Choices: []wireChunkChoice{{Index: 0, Delta: delta, FinishReason: finish}}})
		if _, err := fmt.Fprintf(w, "data: %s\n\n", b); err != nil {
			return s.gone()
		}
		if flusher != nil {
			flusher.Flush()
		}
		return true
	}
	if !send(map[string]string{"role": "assistant", "content": ""}, nil) {
		return
	}
	for i, c := range chunks {
		if reply.AbortAfter > 0 && i >= reply.AbortAfter {
			// Drop the connection without a proper end of stream.
			panic(http.ErrAbortHandler)
		}
		if i > 0 && !s.wait(r, reply.ChunkDelay) {
			return
		}
		if r.Context().Err() != nil {
			s.gone()
			return
		}
		if !send(map[string]string{"content": c}, nil) {
			return
		}
	}
	stop := "stop"
	if !send(map[string]string{}, &stop) {
		return
	}
	fmt.Fprint(w, "data: [DONE]\n\n")
	if flusher != nil {
		flusher.Flush()
	}
}

type wireCompletion struct {
	ID      string               `json:"id"`
	Object  string               `json:"object"`
	Created int64                `json:"created"`
	Model   string               `json:"model"`
	Choices []wireCompletionItem `json:"choices"`
	Usage   map[string]int       `json:"usage"`
}

type wireCompletionItem struct {
	Index        int         `json:"index"`
	Message      wireMessage `json:"message"`
	FinishReason string      `json:"finish_reason"`
}

type wireMessage struct {
	Role      string         `json:"role"`
	Content   *string        `json:"content"`
	ToolCalls []wireToolCall `json:"tool_calls,omitempty"`
}

type wireToolCall struct {
	ID       string `json:"id"`
	Type     string `json:"type"`
	Function struct {
		Name      string `json:"name"`
		Arguments string `json:"arguments"`
	} `json:"function"`
}

func (s *Server) complete(w http.ResponseWriter, id, model string, reply Reply) {
	item := wireCompletionItem{Message: wireMessage{Role: "assistant"}, FinishReason: "stop"}
	if reply.ToolCall != nil {
		var tc wireToolCall
		tc.ID, tc.Type = "call_1", "function"
		tc.Function.Name, tc.Function.Arguments = reply.ToolCall.Name, reply.ToolCall.Arguments
		item.Message.ToolCalls = []wireToolCall{tc}
		item.FinishReason = "tool_calls"
	} else {
		text := reply.Text
		if reply.Chunks != nil {
			text = strings.Join(reply.Chunks, "")
		}
		item.Message.Content = &text
	}
	resp := wireCompletion{ID: id, Object: "chat.completion", Created: time.Now().Unix(), Model: model,
		Choices: []wireCompletionItem{item},
		Usage:   map[string]int{"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(resp)
}

func writeError(w http.ResponseWriter, status int, msg, typ, code string) {
	body := map[string]any{"error": map[string]any{"message": msg, "type": typ, "param": nil, "code": nil}}
	if code != "" {
		body["error"].(map[string]any)["code"] = code
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(body)
}

// SplitWords splits s into chunks of one word plus the space after it, the
// way streaming models deliver tokens. Concatenated, the chunks are s.
func SplitWords(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, ' ')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

// passageRE finds a fenced passage in a prompt rendered by package prompts.
var passageRE = regexp.MustCompile(`(?s)<passage id="(\d+)"[^>]*>\n?(.*?)\n?</passage>`)

// Passages returns the texts of the fenced passages in the request's
// messages, in prompt order (passage [1] first).
func (r Request) Passages() []string {
	var out []string
	for _, m := range passageRE.FindAllStringSubmatch(r.Text(), -1) {
		out = append(out, m[2])
	}
	return out
}

// QuoteFirstPassage is a script for SetReply that behaves like a careful
// model: it streams the first line of passage [1] followed by " [1]", and
// answers tool calls with HTTP 503, so that the caller falls back to its
// own classification. Without passages it streams a sentence without a
// citation. Evals use it to exercise the LLM path without a model.
func QuoteFirstPassage(r Request) Reply {
	if len(r.Tools) > 0 {
		return Reply{Status: http.StatusServiceUnavailable, ErrorMessage: "fakellm: no tool calls in QuoteFirstPassage"}
	}
	ps := r.Passages()
	if len(ps) == 0 {
		return Reply{Text: "Dazu habe ich keine Informationen."}
	}
	line, _, _ := strings.Cut(strings.TrimSpace(ps[0]), "\n")
	line = strings.TrimSpace(strings.TrimLeft(line, "-*• "))
	return Reply{Text: line + " [1]"}
}
