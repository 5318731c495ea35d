package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"unicode/utf8"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
)

// chatRequest is the body of POST /api/v1/chat.
type chatRequest struct {
	SessionID string `json:"session_id"`
	Message   string `json:"message"`
	Lang      string `json:"lang"`
	Simple    *bool  `json:"simple"`
}

// chatResponse is the answer of POST /api/v1/chat.
type chatResponse struct {
	SessionID string     `json:"session_id"`
	Answer    restAnswer `json:"answer"`
}

type restAnswer struct {
	Text           string       `json:"text"`
	Sources        []restSource `json:"sources"`
	Intent         string       `json:"intent"`
	HandoffOffered bool         `json:"handoff_offered"`
	Ticket         string       `json:"ticket,omitempty"`
}

type restSource struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	URL     string `json:"url"`
	Snippet string `json:"snippet"`
}

// handleChat serves the REST chat for one audience: decode → validate →
// turn → encode.
func (s *Server) handleChat(aud knowledge.Audience) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.isClosing() {
			writeError(w, r, s.log, errUnavailable)
			return
		}
		req, err := s.decodeChat(w, r)
		if err != nil {
			writeError(w, r, s.log, err)
			return
		}
		text, err := s.validateMessage(req.Message, req.Lang)
		if err != nil {
			writeError(w, r, s.log, err)
			return
		}
		userID := employeeFrom(r.Context())
		sess, ok := s.hub.lookup(req.SessionID, aud, userID)
		if req.SessionID == "" || !ok {
			sess = s.hub.create(aud, userID)
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.TurnTimeout)
		defer cancel()
		ans, err := s.runTurn(ctx, sess, assistant.Message{Text: text, Lang: req.Lang}, req.Simple)
		if err != nil {
			writeError(w, r, s.log, err)
			return
		}
		writeJSON(w, http.StatusOK, chatResponse{SessionID: sess.token, Answer: toRESTAnswer(ans)})
	}
}

func (s *Server) decodeChat(w http.ResponseWriter, r *http.Request) (chatRequest, error) {
	var req chatRequest
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes))
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			return req, errBodyTooLarge
		}
		return req, errInvalidJSON
	}
	if !utf8.Valid(body) {
		return req, errInvalidUTF8
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(&req); err != nil {
		return req, errInvalidJSON
	}
	if dec.More() {
		return req, errInvalidJSON
	}
	return req, nil
}

func toRESTAnswer(a *assistant.Answer) restAnswer {
	out := restAnswer{
		Text:           a.Text,
		Sources:        make([]restSource, 0, len(a.Sources)),
		Intent:         string(a.Intent),
		HandoffOffered: a.HandoffOffered || a.Handoff != nil,
	}
	if a.Handoff != nil {
		out.Ticket = a.Handoff.Ticket
	}
	for _, src := range a.Sources {
		out.Sources = append(out.Sources, restSource{ID: src.ID, Title: src.Title, URL: src.URL, Snippet: src.Snippet})
	}
	return out
}
