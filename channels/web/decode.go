// SPDX-License-Identifier: EUPL-1.2

package web

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"unicode/utf8"
)

// clientMessage is one decoded and validated WebSocket frame from a client:
// chatMsg, humanMsg, feedbackMsg, typingMsg or resumeMsg.
type clientMessage interface{ isClientMessage() }

// chatMsg is a "message": Text is trimmed, non-empty and within the limit.
type chatMsg struct {
	Text   string
	Lang   string // empty or a language tag
	Simple *bool
}

// humanMsg is a "request_human".
type humanMsg struct {
	Lang   string
	Simple *bool
}

// feedbackMsg is a "feedback"; Rating is "up" or "down".
type feedbackMsg struct {
	AnswerID string
	Rating   string
	Comment  string
}

// typingMsg is a "typing".
type typingMsg struct{}

// resumeMsg is a "resume"; LastSeq is not negative.
type resumeMsg struct {
	Session string
	LastSeq int64
}

func (chatMsg) isClientMessage()     {}
func (humanMsg) isClientMessage()    {}
func (feedbackMsg) isClientMessage() {}
func (typingMsg) isClientMessage()   {}
func (resumeMsg) isClientMessage()   {}

// inbound is the wire shape of every client→server WebSocket frame; Type
// says which fields count. See PROTOCOL.md.
type inbound struct {
	Type     string `json:"type"`
	Text     string `json:"text"`
	Lang     string `json:"lang"`
	Simple   *bool  `json:"simple"`
	AnswerID string `json:"answer_id"`
	Rating   string `json:"rating"`
	Comment  string `json:"comment"`
	Session  string `json:"session"`
	LastSeq  int64  `json:"last_seq"`
}

// decodeClientMessage decodes and validates one WebSocket text frame.
// maxChars bounds message texts and feedback comments. Every error is an
// *Error whose code tells the client what was wrong.
func decodeClientMessage(data []byte, maxChars int) (clientMessage, error) {
	if !utf8.Valid(data) {
		return nil, errInvalidUTF8
	}
	var in inbound
	if err := json.Unmarshal(data, &in); err != nil {
		return nil, errInvalidJSON
	}
	switch in.Type {
	case "message":
		text, err := validateText(in.Text, in.Lang, maxChars)
		if err != nil {
			return nil, err
		}
		return chatMsg{Text: text, Lang: in.Lang, Simple: in.Simple}, nil
	case "request_human":
		if in.Lang != "" && !langTag.MatchString(in.Lang) {
			return nil, errInvalidLang
		}
		return humanMsg{Lang: in.Lang, Simple: in.Simple}, nil
	case "feedback":
		if (in.Rating != "up" && in.Rating != "down") || utf8.RuneCountInString(in.Comment) > maxChars {
			return nil, errInvalidFeedback
		}
		return feedbackMsg{AnswerID: in.AnswerID, Rating: in.Rating, Comment: in.Comment}, nil
	case "typing":
		return typingMsg{}, nil
	case "resume":
		if in.LastSeq < 0 {
			return nil, errSessionExpired
		}
		return resumeMsg{Session: in.Session, LastSeq: in.LastSeq}, nil
	}
	return nil, errUnknownType
}

// chatRequest is the body of POST /api/v1/chat.
type chatRequest struct {
	SessionID string `json:"session_id"`
	Message   string `json:"message"`
	Lang      string `json:"lang"`
	Simple    *bool  `json:"simple"`
}

// decodeChatRequest decodes and validates a REST chat body: one JSON
// object, UTF-8, with a message that is not empty (after trimming, which
// the result has) and within maxChars, and an optional language tag.
// Every error is an *Error.
func decodeChatRequest(body []byte, maxChars int) (chatRequest, error) {
	var req chatRequest
	if !utf8.Valid(body) {
		return chatRequest{}, errInvalidUTF8
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(&req); err != nil {
		return chatRequest{}, errInvalidJSON
	}
	// Nothing but white space may follow (More would let "}" or "]" pass).
	if _, err := dec.Token(); err != io.EOF {
		return chatRequest{}, errInvalidJSON
	}
	text, err := validateText(req.Message, req.Lang, maxChars)
	if err != nil {
		return chatRequest{}, err
	}
	req.Message = text
	return req, nil
}

// validateText checks a message's text and language hint and returns the
// trimmed text. Every error is an *Error.
func validateText(text, lang string, maxChars int) (string, error) {
	if !utf8.ValidString(text) || !utf8.ValidString(lang) {
		return "", errInvalidUTF8
	}
	text = strings.TrimSpace(text)
	if text == "" {
		return "", errEmptyMessage
	}
	if utf8.RuneCountInString(text) > maxChars {
		return "", errTooLong
	}
	if lang != "" && !langTag.MatchString(lang) {
		return "", errInvalidLang
	}
	return text, nil
}
