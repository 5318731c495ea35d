// SPDX-License-Identifier: EUPL-1.2

package phone

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/twilio/twilio-go/twiml"

	"github.com/musterstadt/lotse/assistant"
)

// A transfer reaches the agent with its context: before the caller is
// connected, the agent hears a whisper ("Anruf über Lotse, Vorgang L O T,
// 4 2. Gefragt wurde: …"), and the ticket key travels with the call.
//
//   - Twilio, desk number: <Dial><Number url="…/voice/twilio/whisper?…">,
//     whose TwiML Twilio plays to the callee after they answer and before
//     the parties are connected.
//   - Twilio, desk as a Voice SDK client ("client:NAME"): <Dial><Client>
//     with <Identity> and the <Parameter>s ticket, conversation and
//     summary, which the agent's app receives with the call.
//   - Jambonz: dial with confirmHook "/voice/jambonz/whisper?…" (an
//     application run on the callee's leg before the bridge) and the SIP
//     headers X-Lotse-Ticket and X-Lotse-Conversation on the target; a
//     desk given as "sip:…" is dialled as a sip target.
//
// The whisper URLs carry only the call ID and the ticket key; the summary
// is read from the stored transcript when the agent answers, so no text
// of the caller travels in a URL. The whisper requests are signed by the
// gateway like every webhook.

// maxSummaryRunes bounds the one-line summary of a transfer.
const maxSummaryRunes = 160

// reTicketKey is the shape of a ticket key in a whisper URL.
var reTicketKey = regexp.MustCompile(`^[A-Z][A-Z0-9]{0,9}-[0-9]{1,10}$`)

// summary returns a one-line summary of the call callID for the agent: the
// caller's last questions (at most two, personal data redacted), at most
// maxSummaryRunes long; "" when nothing was asked or the transcript cannot
// be read.
func (s *Server) summary(ctx context.Context, callID string) string {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	conv, err := s.cfg.Store.Load(ctx, ConversationID(callID))
	if err != nil {
		if !errors.Is(err, assistant.ErrNotFound) {
			s.cfg.Logger.Warn("phone: transfer summary", "call", callID, "err", err)
		}
		return ""
	}
	var asked []string
	for _, e := range conv.Entries {
		if e.Role == assistant.RoleUser {
			if q := strings.Join(strings.Fields(assistant.Redact(e.Text)), " "); q != "" {
				asked = append(asked, q)
			}
		}
	}
	if len(asked) > 2 {
		asked = asked[len(asked)-2:]
	}
	return cutRunes(strings.Join(asked, " – "), maxSummaryRunes)
}

// cutRunes cuts s to at most n runes, at a word boundary, with "…".
func cutRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	s = string([]rune(s)[:n-1])
	if i := strings.LastIndexByte(s, ' '); i > n/2 {
		s = s[:i]
	}
	return s + " …"
}

// whisperText is what the agent hears before the caller is connected.
func whisperText(key, summary string) string {
	text := whisperNoTicket
	if key != "" {
		text = fmt.Sprintf(whisperTicket, SpellKey(key))
	}
	if summary != "" {
		text += " " + whisperAsked + " " + Speakable(summary, SpeechOptions{})
	}
	return cleanText(text)
}

// whisperQuery is the query of a whisper URL for d.
func whisperQuery(d Dial) string {
	q := url.Values{"call": {d.CallID}}
	if d.Ticket != "" {
		q.Set("ticket", d.Ticket)
	}
	return q.Encode()
}

// whisperParams reads and checks the query of a whisper request.
func whisperParams(q url.Values) (callID, key string, ok bool) {
	callID, key = q.Get("call"), q.Get("ticket")
	if !validCallID(callID) || (key != "" && !reTicketKey.MatchString(key)) {
		return "", "", false
	}
	return callID, key, true
}

// twilioDial renders a Dial: a Number with the whisper URL, or a Client
// with the call's context as parameters.
func (s *Server) twilioDial(ctx context.Context, d Dial) twiml.Element {
	dial := &twiml.VoiceDial{AnswerOnBridge: "true"}
	target := cleanText(d.Number)
	if identity, ok := strings.CutPrefix(target, "client:"); ok {
		params := []twiml.Element{&twiml.VoiceIdentity{ClientIdentity: identity}}
		add := func(name, value string) {
			if value != "" {
				params = append(params, &twiml.VoiceParameter{Name: name, Value: value})
			}
		}
		add("ticket", d.Ticket)
		if d.CallID != "" {
			add("conversation", ConversationID(d.CallID))
			add("summary", cleanText(s.summary(ctx, d.CallID)))
		}
		dial.InnerElements = []twiml.Element{&twiml.VoiceClient{InnerElements: params}}
		return dial
	}
	n := &twiml.VoiceNumber{PhoneNumber: target}
	if d.CallID != "" {
		n.Url = s.public + TwilioWhisperPath + "?" + whisperQuery(d)
		n.Method = http.MethodPost
	}
	dial.InnerElements = []twiml.Element{n}
	return dial
}

// jambonzDial renders a Dial: a phone (or sip) target carrying the ticket
// in SIP headers, and the whisper as confirmHook.
func jambonzDial(d Dial) jambonzVerb {
	t := jambonzTarget{Type: "phone", Number: cleanText(d.Number)}
	if strings.HasPrefix(t.Number, "sip:") {
		t = jambonzTarget{Type: "sip", SipURI: t.Number}
	}
	v := jambonzVerb{Verb: "dial", Bridge: true}
	if d.CallID != "" {
		t.Headers = map[string]string{"X-Lotse-Conversation": ConversationID(d.CallID)}
		if d.Ticket != "" {
			t.Headers["X-Lotse-Ticket"] = d.Ticket
		}
		v.ConfirmHook = JambonzWhisperPath + "?" + whisperQuery(d)
	}
	v.Target = []jambonzTarget{t}
	return v
}

// handleTwilioWhisper serves the TwiML the agent hears after answering a
// transfer (the url of <Number>); signed like every Twilio webhook.
func (s *Server) handleTwilioWhisper(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes)
	if err := r.ParseForm(); err != nil {
		http.Error(w, http.StatusText(http.StatusBadRequest), http.StatusBadRequest)
		return
	}
	if !s.twilioSigned(r) {
		s.cfg.Logger.Warn("phone: twilio signature rejected", "path", r.URL.Path, "remote", r.RemoteAddr)
		http.Error(w, http.StatusText(http.StatusForbidden), http.StatusForbidden)
		return
	}
	callID, key, ok := whisperParams(r.URL.Query())
	if !ok {
		http.Error(w, "missing or invalid call or ticket", http.StatusBadRequest)
		return
	}
	body, err := twiml.Voice([]twiml.Element{&twiml.VoiceSay{Message: whisperText(key, s.summary(r.Context(), callID)), Language: gatewayLang("de")}})
	if err != nil {
		s.cfg.Logger.Error("phone: render whisper", "err", err)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	_, _ = w.Write([]byte(body))
}

// handleJambonzWhisper serves the verbs of the dial's confirmHook: what
// the agent hears before the bridge; signed like every Jambonz webhook.
func (s *Server) handleJambonzWhisper(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes))
	if err != nil {
		http.Error(w, http.StatusText(http.StatusBadRequest), http.StatusBadRequest)
		return
	}
	if !VerifyJambonz(s.cfg.JambonzSecret, r.Header.Get("Jambonz-Signature"), body, s.cfg.Now()) {
		s.cfg.Logger.Warn("phone: jambonz signature rejected", "path", r.URL.Path, "remote", r.RemoteAddr)
		http.Error(w, http.StatusText(http.StatusForbidden), http.StatusForbidden)
		return
	}
	callID, key, ok := whisperParams(r.URL.Query())
	if !ok {
		http.Error(w, "missing or invalid call or ticket", http.StatusBadRequest)
		return
	}
	out, _ := json.Marshal(renderJambonz([]Action{Say{Text: whisperText(key, s.summary(r.Context(), callID)), Lang: "de"}}, false))
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(out)
}
