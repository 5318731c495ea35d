// SPDX-License-Identifier: EUPL-1.2

package web

import "github.com/musterstadt/lotse/assistant"

// event is a server→client message other than an answer. Fields are left
// out when empty.
type event struct {
	Type     string `json:"type"`
	Session  string `json:"session,omitempty"`
	Text     string `json:"text,omitempty"`
	AnswerID string `json:"answer_id,omitempty"`
	From     string `json:"from,omitempty"`
	State    string `json:"state,omitempty"`
	Ticket   string `json:"ticket,omitempty"`
	Code     string `json:"code,omitempty"`
	Message  string `json:"message,omitempty"`
	LastSeq  *int64 `json:"last_seq,omitempty"`
	// RetryAfter is the number of seconds to wait (rate_limited errors).
	RetryAfter int   `json:"retry_after,omitempty"`
	Seq        int64 `json:"seq,omitempty"`
}

func (e *event) setSeq(n int64) { e.Seq = n }

// answerEvent is the final answer of a turn.
type answerEvent struct {
	Type           string     `json:"type"` // "answer"
	AnswerID       string     `json:"answer_id"`
	Text           string     `json:"text"`
	Sources        []wsSource `json:"sources"`
	Intent         string     `json:"intent"`
	HandoffOffered bool       `json:"handoff_offered"`
	Lang           string     `json:"lang,omitempty"` // language of Text
	// Original is the source text a model's answer rests on, for the
	// widget's "Originaltext" toggle; absent for extractive answers.
	Original []wireOriginal `json:"original,omitempty"`
	Seq      int64          `json:"seq"`
}

// wireOriginal is one passage of the original (German) source text.
type wireOriginal struct {
	Source  int    `json:"source"` // 1-based index into sources
	Section string `json:"section,omitempty"`
	Text    string `json:"text"`
	Lang    string `json:"lang,omitempty"`
}

func wireOriginals(os []assistant.Original) []wireOriginal {
	var out []wireOriginal
	for _, o := range os {
		out = append(out, wireOriginal{Source: o.Source, Section: o.Section, Text: o.Text, Lang: o.Lang})
	}
	return out
}

func (e *answerEvent) setSeq(n int64) { e.Seq = n }

type wsSource struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	URL   string `json:"url"`
}

func newAnswerEvent(id string, a *assistant.Answer) *answerEvent {
	ev := &answerEvent{
		Type:           "answer",
		AnswerID:       id,
		Text:           a.Text,
		Sources:        make([]wsSource, 0, len(a.Sources)),
		Intent:         string(a.Intent),
		HandoffOffered: a.HandoffOffered || a.Handoff != nil,
		Lang:           a.Lang,
		Original:       wireOriginals(a.Original),
	}
	for _, src := range a.Sources {
		ev.Sources = append(ev.Sources, wsSource{ID: src.ID, Title: src.Title, URL: src.URL})
	}
	return ev
}

func errorEvent(e *Error) *event {
	ev := &event{Type: "error", Code: e.Code, Message: e.Message}
	if e.RetryAfter > 0 {
		ev.RetryAfter = retrySeconds(e.RetryAfter)
	}
	return ev
}
