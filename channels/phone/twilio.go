// SPDX-License-Identifier: EUPL-1.2

package phone

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/twilio/twilio-go/twiml"
)

// handleTwilio serves Twilio's voice webhooks: a form post, checked
// against X-Twilio-Signature, answered with TwiML.
func (s *Server) handleTwilio(start bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes)
		if err := r.ParseForm(); err != nil {
			status := http.StatusBadRequest
			if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
				status = http.StatusRequestEntityTooLarge
			}
			http.Error(w, http.StatusText(status), status)
			return
		}
		if !s.twilioSigned(r) {
			s.cfg.Logger.Warn("phone: twilio signature rejected", "path", r.URL.Path, "remote", r.RemoteAddr)
			http.Error(w, http.StatusText(http.StatusForbidden), http.StatusForbidden)
			return
		}
		key := replayKeyOf("twilio", r.URL.Path, r.Header.Get("X-Twilio-Signature"))
		neutral := reply{ctype: "text/xml; charset=utf-8", body: []byte(`<?xml version="1.0" encoding="UTF-8"?><Response></Response>`)}
		if s.replay.serve(w, r, key, neutral, func() reply { return s.twilioTurn(r, start) }) {
			s.cfg.Logger.Warn("phone: replayed twilio webhook answered without processing", "path", r.URL.Path, "remote", r.RemoteAddr)
		}
	}
}

// twilioTurn runs one verified Twilio webhook through the dialog.
func (s *Server) twilioTurn(r *http.Request, start bool) reply {
	in, ok := twilioInput(r.PostForm, r.URL.Query())
	if !ok {
		return reply{status: http.StatusBadRequest, ctype: "text/plain; charset=utf-8", body: []byte("missing or invalid CallSid\n")}
	}
	var acts []Action
	if start {
		acts = s.dialog.Start(r.Context(), in)
	} else {
		acts = s.dialog.Turn(r.Context(), in)
	}
	acts = stampNonce(acts)
	body, err := s.renderTwiML(r.Context(), acts)
	if err != nil {
		s.cfg.Logger.Error("phone: render twiml", "err", err)
		return reply{status: http.StatusInternalServerError, ctype: "text/plain; charset=utf-8", body: []byte(http.StatusText(http.StatusInternalServerError) + "\n")}
	}
	return reply{ctype: "text/xml; charset=utf-8", body: []byte(body)}
}

// twilioSigned checks X-Twilio-Signature: HMAC-SHA1 with the auth token
// over the public URL of the request and the sorted POST parameters.
func (s *Server) twilioSigned(r *http.Request) bool {
	sig := r.Header.Get("X-Twilio-Signature")
	if sig == "" {
		return false
	}
	params := make(map[string]string, len(r.PostForm))
	for k, v := range r.PostForm {
		if len(v) != 1 {
			// Twilio never repeats a parameter; the validator would sign
			// only the first value and let the others through unchecked.
			return false
		}
		params[k] = v[0]
	}
	return s.twilio.Validate(s.public+r.URL.RequestURI(), params, sig)
}

// twilioInput reads a Twilio webhook's parameters.
func twilioInput(form, query url.Values) (Input, bool) {
	in := Input{
		CallID:     form.Get("CallSid"),
		From:       cleanFrom(form.Get("From")),
		Speech:     form.Get("SpeechResult"),
		Digits:     cleanDigits(form.Get("Digits")),
		Confidence: -1,
		Pending:    query.Get("pending"),
		TurnPath:   TwilioTurnPath,
	}
	if !validCallID(in.CallID) {
		return Input{}, false
	}
	if c, err := strconv.ParseFloat(form.Get("Confidence"), 64); err == nil && c >= 0 && c <= 1 {
		in.Confidence = c
	}
	return in, true
}

// renderTwiML renders actions as a TwiML <Response>. twilio-go's twiml
// package writes through etree, which escapes text and attributes; text
// is also cleaned of control characters and angle brackets.
func (s *Server) renderTwiML(ctx context.Context, acts []Action) (string, error) {
	verbs := make([]twiml.Element, 0, len(acts))
	for _, a := range acts {
		switch a := a.(type) {
		case Say:
			verbs = append(verbs, twilioSay(a, s.cfg.SSML))
		case Gather:
			var inner []twiml.Element
			for _, p := range a.Prompt {
				inner = append(inner, twilioSay(p, s.cfg.SSML))
			}
			verbs = append(verbs, &twiml.VoiceGather{
				Input:               "speech dtmf",
				Action:              s.public + a.ActionPath,
				Method:              http.MethodPost,
				Language:            gatewayLang(a.Lang),
				Hints:               s.hints.hints(a.Hints),
				SpeechTimeout:       "auto",
				Timeout:             strconv.Itoa(seconds(a.Timeout)),
				NumDigits:           "1",
				ActionOnEmptyResult: "true",
				InnerElements:       inner,
			})
		case Dial:
			verbs = append(verbs, s.twilioDial(ctx, a))
		case Hangup:
			verbs = append(verbs, &twiml.VoiceHangup{})
		case Redirect:
			verbs = append(verbs, &twiml.VoiceRedirect{Url: s.public + a.Path, Method: http.MethodPost})
		case Pause:
			verbs = append(verbs, &twiml.VoicePause{Length: strconv.Itoa(seconds(a.Length))})
		}
	}
	return twiml.Voice(verbs)
}

// twilioSay renders a Say. With ssml, a text with list pauses becomes
// SSML inside <Say>: each piece an <s>, a <break> between them (pieces,
// not text around elements, as twilio-go writes no text after a child).
func twilioSay(a Say, ssml bool) *twiml.VoiceSay {
	if !ssml || !strings.Contains(a.Text, ListPause) {
		return &twiml.VoiceSay{Message: cleanText(SpokenText(a.Text)), Language: gatewayLang(a.Lang)}
	}
	var inner []twiml.Element
	for i, piece := range strings.Split(a.Text, ListPause) {
		if i > 0 {
			inner = append(inner, ssmlElement{name: "break", attrs: map[string]string{"time": listBreak}})
		}
		inner = append(inner, ssmlElement{name: "s", text: cleanText(piece)})
	}
	return &twiml.VoiceSay{Language: gatewayLang(a.Lang), InnerElements: inner}
}

// listBreak is the pause between the pieces of a spoken list.
const listBreak = "400ms"

// ssmlElement is an SSML element inside <Say>, named as Twilio documents
// it (twilio-go's own SSML types are written in CamelCase, e.g. <Break>).
type ssmlElement struct {
	name, text string
	attrs      map[string]string
}

func (e ssmlElement) GetName() string                                 { return e.name }
func (e ssmlElement) GetText() string                                 { return e.text }
func (e ssmlElement) GetAttr() (map[string]string, map[string]string) { return e.attrs, nil }
func (e ssmlElement) GetInnerElements() []twiml.Element               { return nil }
