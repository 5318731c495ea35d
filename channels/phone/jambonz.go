// SPDX-License-Identifier: EUPL-1.2

package phone

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// JambonzTolerance is how far a Jambonz-Signature timestamp may be from
// the server's clock. A captured request can be replayed only within this
// window, and within it the replay cache answers it without processing
// (see replay.go).
const JambonzTolerance = 5 * time.Minute

// jambonzHook is the part of a Jambonz webhook body the dialog reads.
type jambonzHook struct {
	CallSid string `json:"call_sid"`
	From    string `json:"from"`
	Speech  *struct {
		Alternatives []struct {
			Transcript string   `json:"transcript"`
			Confidence *float64 `json:"confidence"`
		} `json:"alternatives"`
	} `json:"speech"`
	Digits string `json:"digits"`
	Reason string `json:"reason"`
}

// handleJambonz serves Jambonz's webhooks: a JSON body, checked against
// Jambonz-Signature, answered with a JSON array of verbs.
func (s *Server) handleJambonz(start bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes))
		if err != nil {
			status := http.StatusBadRequest
			if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
				status = http.StatusRequestEntityTooLarge
			}
			http.Error(w, http.StatusText(status), status)
			return
		}
		if !VerifyJambonz(s.cfg.JambonzSecret, r.Header.Get("Jambonz-Signature"), body, s.cfg.Now()) {
			s.cfg.Logger.Warn("phone: jambonz signature rejected", "path", r.URL.Path, "remote", r.RemoteAddr)
			http.Error(w, http.StatusText(http.StatusForbidden), http.StatusForbidden)
			return
		}
		if r.URL.Query().Get("pending") != "" {
			// A poll for an answer still being prepared: Jambonz repeats
			// it with the same body, often within the same second of its
			// signature timestamp, and it only reads the call's state (it
			// never asks the assistant again), so it is not cached.
			s.jambonzTurn(r, body, start).write(w)
			return
		}
		key := replayKeyOf("jambonz", r.URL.Path, jambonzTimestamp(r.Header.Get("Jambonz-Signature")), string(body))
		neutral := reply{ctype: "application/json", body: []byte("[]")}
		if s.replay.serve(w, r, key, neutral, func() reply { return s.jambonzTurn(r, body, start) }) {
			s.cfg.Logger.Warn("phone: replayed jambonz webhook answered without processing", "path", r.URL.Path, "remote", r.RemoteAddr)
		}
	}
}

// jambonzTurn runs one verified Jambonz webhook through the dialog.
func (s *Server) jambonzTurn(r *http.Request, body []byte, start bool) reply {
	bad := func(msg string) reply {
		return reply{status: http.StatusBadRequest, ctype: "text/plain; charset=utf-8", body: []byte(msg + "\n")}
	}
	var h jambonzHook
	if err := json.Unmarshal(body, &h); err != nil {
		return bad("invalid JSON body")
	}
	in := Input{
		CallID:     h.CallSid,
		From:       cleanFrom(h.From),
		Digits:     cleanDigits(h.Digits),
		Confidence: -1,
		Pending:    r.URL.Query().Get("pending"),
		TurnPath:   JambonzTurnPath,
	}
	if !validCallID(in.CallID) {
		return bad("missing or invalid call_sid")
	}
	if h.Speech != nil && len(h.Speech.Alternatives) > 0 {
		alt := h.Speech.Alternatives[0]
		in.Speech = alt.Transcript
		if c := alt.Confidence; c != nil && *c >= 0 && *c <= 1 {
			in.Confidence = *c
		}
	}
	var acts []Action
	if start {
		acts = s.dialog.Start(r.Context(), in)
	} else {
		acts = s.dialog.Turn(r.Context(), in)
	}
	out, err := json.Marshal(renderJambonz(acts, s.cfg.SSML))
	if err != nil {
		s.cfg.Logger.Error("phone: render jambonz", "err", err)
		return reply{status: http.StatusInternalServerError, ctype: "text/plain; charset=utf-8", body: []byte(http.StatusText(http.StatusInternalServerError) + "\n")}
	}
	return reply{ctype: "application/json", body: out}
}

// jambonzTimestamp returns the t= part of a Jambonz-Signature header; the
// signature binds the body to it, so timestamp and body identify a
// request whatever else an attacker adds to the header.
// It takes the last t= part, as VerifyJambonz does.
func jambonzTimestamp(header string) string {
	ts := ""
	for _, part := range strings.Split(header, ",") {
		if k, v, ok := strings.Cut(strings.TrimSpace(part), "="); ok && k == "t" {
			ts = v
		}
	}
	return ts
}

// SignJambonz returns a Jambonz-Signature header value for body at time
// t: "t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>".
func SignJambonz(secret string, body []byte, t time.Time) string {
	ts := strconv.FormatInt(t.Unix(), 10)
	return "t=" + ts + ",v1=" + jambonzMAC(secret, ts, body)
}

func jambonzMAC(secret, ts string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(ts))
	m.Write([]byte("."))
	m.Write(body)
	return hex.EncodeToString(m.Sum(nil))
}

// VerifyJambonz checks a Jambonz-Signature header against body: one of its
// v1 signatures must match and its timestamp must be within
// JambonzTolerance of now.
func VerifyJambonz(secret, header string, body []byte, now time.Time) bool {
	if secret == "" || header == "" {
		return false
	}
	var ts string
	var sigs []string
	for _, part := range strings.Split(header, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			continue
		}
		switch k {
		case "t":
			ts = v
		case "v1":
			sigs = append(sigs, v)
		}
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || len(sigs) == 0 {
		return false
	}
	if d := now.Sub(time.Unix(sec, 0)); d > JambonzTolerance || d < -JambonzTolerance {
		return false
	}
	want := []byte(jambonzMAC(secret, ts, body))
	for _, s := range sigs {
		if hmac.Equal(want, []byte(s)) {
			return true
		}
	}
	return false
}

// jambonzVerb is one element of a Jambonz webhook response.
type jambonzVerb struct {
	Verb        string          `json:"verb"`
	Text        string          `json:"text,omitempty"`
	Synthesizer *jambonzSpeech  `json:"synthesizer,omitempty"`
	Input       []string        `json:"input,omitempty"`
	ActionHook  string          `json:"actionHook,omitempty"`
	Timeout     int             `json:"timeout,omitempty"`
	NumDigits   int             `json:"numDigits,omitempty"`
	Recognizer  *jambonzSpeech  `json:"recognizer,omitempty"`
	Say         *jambonzSay     `json:"say,omitempty"`
	Target      []jambonzTarget `json:"target,omitempty"`
	ConfirmHook string          `json:"confirmHook,omitempty"`
	Bridge      bool            `json:"answerOnBridge,omitempty"`
	Length      int             `json:"length,omitempty"`
}

type jambonzSpeech struct {
	Vendor   string   `json:"vendor"`
	Language string   `json:"language"`
	Hints    []string `json:"hints,omitempty"`
}

type jambonzSay struct {
	Text        string         `json:"text"`
	Synthesizer *jambonzSpeech `json:"synthesizer,omitempty"`
}

type jambonzTarget struct {
	Type    string            `json:"type"`
	Number  string            `json:"number,omitempty"`
	SipURI  string            `json:"sipUri,omitempty"`
	Headers map[string]string `json:"headers,omitempty"`
}

// jambonzText renders the text of a say: with ssml and list pauses in it
// a <speak> document with <break> between the pieces, else plain text.
func jambonzText(text string, ssml bool) string {
	text = cleanText(text)
	if !ssml || !strings.Contains(text, ListPause) {
		return SpokenText(text)
	}
	esc := strings.NewReplacer("&", "&amp;", `"`, "&quot;", "'", "&apos;")
	return "<speak>" + strings.Join(strings.Split(esc.Replace(text), ListPause), `<break time="`+listBreak+`"/>`) + "</speak>"
}

// renderJambonz renders actions as Jambonz verbs; ssml as in
// Config.SSML. Prompts of a gather in another language than the gather's
// are said before it.
func renderJambonz(acts []Action, ssml bool) []jambonzVerb {
	out := make([]jambonzVerb, 0, len(acts))
	sayVerb := func(a Say) jambonzVerb {
		return jambonzVerb{Verb: "say", Text: jambonzText(a.Text, ssml), Synthesizer: &jambonzSpeech{Vendor: "default", Language: gatewayLang(a.Lang)}}
	}
	for _, a := range acts {
		switch a := a.(type) {
		case Say:
			out = append(out, sayVerb(a))
		case Gather:
			var same []string
			for _, p := range a.Prompt {
				if p.Lang == a.Lang {
					same = append(same, p.Text)
					continue
				}
				if len(same) > 0 {
					// keep the order: flush what came before as a say verb
					out = append(out, sayVerb(Say{Text: strings.Join(same, " "), Lang: a.Lang}))
					same = nil
				}
				out = append(out, sayVerb(p))
			}
			g := jambonzVerb{
				Verb:       "gather",
				Input:      []string{"speech", "digits"},
				ActionHook: a.ActionPath,
				Timeout:    seconds(a.Timeout),
				NumDigits:  1,
				Recognizer: &jambonzSpeech{Vendor: "default", Language: gatewayLang(a.Lang), Hints: HintList(a.Hints)},
			}
			if len(same) > 0 {
				g.Say = &jambonzSay{Text: jambonzText(strings.Join(same, " "), ssml), Synthesizer: &jambonzSpeech{Vendor: "default", Language: gatewayLang(a.Lang)}}
			}
			out = append(out, g)
		case Dial:
			out = append(out, jambonzDial(a))
		case Hangup:
			out = append(out, jambonzVerb{Verb: "hangup"})
		case Redirect:
			out = append(out, jambonzVerb{Verb: "redirect", ActionHook: a.Path})
		case Pause:
			out = append(out, jambonzVerb{Verb: "pause", Length: seconds(a.Length)})
		}
	}
	return out
}
