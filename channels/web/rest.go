// SPDX-License-Identifier: EUPL-1.2

package web

import (
	"context"
	"errors"
	"io"
	"net/http"
	"time"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
)

// chatResponse is the answer of POST /api/v1/chat.
type chatResponse struct {
	SessionID string     `json:"session_id"`
	Answer    restAnswer `json:"answer"`
	// Notice, when set, is shown before the answer: the conversation was
	// full and SessionID names a new one.
	Notice string `json:"notice,omitempty"`
}

type restAnswer struct {
	Text           string       `json:"text"`
	Sources        []restSource `json:"sources"`
	Intent         string       `json:"intent"`
	HandoffOffered bool         `json:"handoff_offered"`
	Ticket         string       `json:"ticket,omitempty"`
	// Original: see answerEvent.
	Original []wireOriginal `json:"original,omitempty"`
}

type restSource struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	URL     string `json:"url"`
	Snippet string `json:"snippet"`
}

// handleChat serves the REST chat for one audience: limit → decode →
// validate → limit → turn → encode. Every request counts against the
// client address's rate limit before its body is read; the session's limit
// applies once the session is known.
func (s *Server) handleChat(aud knowledge.Audience) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.isClosing() {
			writeError(w, r, s.log, errUnavailable)
			return
		}
		if ok, retry := s.lim.allow(s.clientKey(r), ""); !ok {
			s.refuse(w, r, retry)
			return
		}
		req, err := s.decodeChat(w, r)
		if err != nil {
			writeError(w, r, s.log, err)
			return
		}
		userID := employeeFrom(r.Context())
		sess, ok := s.hub.lookup(req.SessionID, aud, userID)
		if req.SessionID == "" || !ok {
			sess = s.hub.create(aud, userID)
			// Nobody else knows the new session until its token is
			// answered: its first turn need not look for a stored
			// conversation.
			sess.mu.Lock()
			sess.unstored = true
			sess.mu.Unlock()
		}
		if ok, retry := s.lim.allow("", sess.token); !ok {
			s.refuse(w, r, retry)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.TurnTimeout)
		defer cancel()
		sess, rotated, ans, err := s.turn(ctx, sess, assistant.Message{Text: req.Message, Lang: req.Lang}, req.Simple)
		if err != nil {
			writeError(w, r, s.log, err)
			return
		}
		resp := chatResponse{SessionID: sess.token, Answer: toRESTAnswer(ans)}
		if rotated {
			resp.Notice = conversationFullNotice
		}
		writeJSON(w, http.StatusOK, resp)
	}
}

// refuse answers a request over a rate limit with 429 and Retry-After,
// after delayRefusal.
func (s *Server) refuse(w http.ResponseWriter, r *http.Request, retry time.Duration) {
	s.delayRefusal(r.Context(), retry)
	writeError(w, r, s.log, rateLimited(retry))
}

// decodeChat reads at most MaxBodyBytes and decodes them with
// decodeChatRequest.
func (s *Server) decodeChat(w http.ResponseWriter, r *http.Request) (chatRequest, error) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes))
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			return chatRequest{}, errBodyTooLarge
		}
		return chatRequest{}, errInvalidJSON
	}
	return decodeChatRequest(body, s.cfg.MaxMessageChars)
}

func toRESTAnswer(a *assistant.Answer) restAnswer {
	out := restAnswer{
		Text:           a.Text,
		Sources:        make([]restSource, 0, len(a.Sources)),
		Intent:         string(a.Intent),
		HandoffOffered: a.HandoffOffered || a.Handoff != nil,
		Original:       wireOriginals(a.Original),
	}
	if a.Handoff != nil {
		out.Ticket = a.Handoff.Ticket
	}
	for _, src := range a.Sources {
		out.Sources = append(out.Sources, restSource{ID: src.ID, Title: src.Title, URL: src.URL, Snippet: src.Snippet})
	}
	return out
}
