// SPDX-License-Identifier: EUPL-1.2

// Package callsim plays a phone gateway against a running Lotse server:
// it posts the voice webhooks exactly as Twilio (signed form posts, TwiML
// back) or Jambonz (signed JSON, JSON verbs back) would, prints what the
// caller would hear and reads what the caller "says" from a reader. It
// backs `lotse call` and the phone channel's load test (Bench).
//
// It is not a phone: no audio is recorded or recognized; typed lines
// stand in for the speech recognizer's result. With Options.Speak the
// prompts are read aloud through espeak-ng when it is installed.
//
// It speaks only HTTP to the server, so it works against any deployment
// whose gateway secret it knows.
package callsim

import (
	"bufio"
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The gateways callsim can play.
const (
	Twilio  = "twilio"
	Jambonz = "jambonz"
)

// Options configure a simulated call.
type Options struct {
	// BaseURL is where the server listens, e.g. "http://localhost:8080".
	BaseURL string
	// PublicURL is the server's configured public URL, against which
	// Twilio signs; empty means BaseURL. Requests still go to BaseURL.
	PublicURL string
	// Gateway is Twilio (default) or Jambonz.
	Gateway string
	// AuthToken is the Twilio auth token (Gateway Twilio).
	AuthToken string
	// Secret is the Jambonz webhook secret (Gateway Jambonz).
	Secret string
	// From is the caller's number; default "+4930123456789".
	From string
	// CallID is the gateway call ID; default a random one.
	CallID string
	// Speak reads prompts aloud with espeak-ng when it is installed.
	Speak bool
	// Client sends the webhooks; nil means a client with a 30 s timeout.
	Client *http.Client
	// Now stamps Jambonz signatures; nil means time.Now.
	Now func() time.Time
	// MaxRequests bounds the webhooks of one call; default 500.
	MaxRequests int
	// Echo prints each line read from in after the "Sie: " prompt; set it
	// when in is a script rather than a terminal.
	Echo bool
}

// Run simulates one call: it posts the incoming-call webhook, prints what
// the caller hears to out and, whenever the server listens, reads one
// line from in as the caller's turn:
//
//	any text        recognized speech (confidence 0.9)
//	~text           speech recognized with low confidence (0.2)
//	#0, dtmf 0      keys pressed
//	empty line      silence
//
// It follows redirects and stops when the server hangs up or transfers
// the call, or when in ends (the caller hangs up).
func Run(ctx context.Context, o Options, in io.Reader, out io.Writer) error {
	return run(ctx, o, in, out, nil)
}

// turn is what the caller did in reply to a gather.
type turn struct {
	speech     string
	confidence float64
	digits     string
	timeout    bool // silence
}

// parseLine reads one typed line as a caller turn.
func parseLine(line string) turn {
	line = strings.TrimSpace(line)
	lower := strings.ToLower(line)
	switch {
	case line == "":
		return turn{timeout: true}
	case strings.HasPrefix(line, "#"):
		return turn{digits: strings.TrimSpace(line[1:])}
	case strings.HasPrefix(lower, "dtmf "):
		return turn{digits: strings.TrimSpace(line[5:])}
	case strings.HasPrefix(line, "~"):
		return turn{speech: strings.TrimSpace(line[1:]), confidence: 0.2}
	}
	return turn{speech: line, confidence: 0.9}
}

// String shows the turn as the caller's line of the transcript.
func (t turn) String() string {
	switch {
	case t.digits != "":
		return "[Taste " + t.digits + "]"
	case t.timeout:
		return "(Stille)"
	case t.confidence < 0.4:
		return t.speech + " (undeutlich)"
	}
	return t.speech
}

// said is one prompt the caller hears.
type said struct {
	text string
	lang string // BCP-47 as the gateway got it
}

// step is the parsed reply of one webhook.
type step struct {
	says     []said
	gather   string // where the gather posts, "" if none
	redirect string // where to go next, "" if none
	dial     string
	whisper  string // what the desk's phone fetches on answering, "" if none
	hangup   bool
}

// sim is one running call.
type sim struct {
	o       Options
	out     io.Writer
	observe func(time.Duration)
	speaker string // espeak-ng path, "" if none
}

func run(ctx context.Context, o Options, in io.Reader, out io.Writer, observe func(time.Duration)) error {
	if o.BaseURL == "" {
		return errors.New("callsim: base URL required")
	}
	o.BaseURL = strings.TrimRight(o.BaseURL, "/")
	if o.PublicURL == "" {
		o.PublicURL = o.BaseURL
	}
	o.PublicURL = strings.TrimRight(o.PublicURL, "/")
	switch o.Gateway {
	case "":
		o.Gateway = Twilio
	case Twilio, Jambonz:
	default:
		return fmt.Errorf("callsim: gateway %q: want twilio or jambonz", o.Gateway)
	}
	if o.Gateway == Twilio && o.AuthToken == "" {
		return errors.New("callsim: Twilio auth token required")
	}
	if o.Gateway == Jambonz && o.Secret == "" {
		return errors.New("callsim: Jambonz secret required")
	}
	if o.From == "" {
		o.From = "+4930123456789"
	}
	if o.CallID == "" {
		o.CallID = newCallID(o.Gateway)
	}
	if o.Client == nil {
		o.Client = &http.Client{Timeout: 30 * time.Second}
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.MaxRequests <= 0 {
		o.MaxRequests = 500
	}
	s := &sim{o: o, out: out, observe: observe}
	if o.Speak {
		if p, err := exec.LookPath("espeak-ng"); err == nil {
			s.speaker = p
		} else {
			fmt.Fprintln(out, "(espeak-ng ist nicht installiert – keine Sprachausgabe)")
		}
	}
	lines := bufio.NewScanner(in)
	lines.Buffer(make([]byte, 64<<10), 1<<20)

	target := "/voice/" + o.Gateway + "/incoming"
	var t *turn
	for range o.MaxRequests {
		st, err := s.post(ctx, target, t)
		if err != nil {
			return err
		}
		s.show(ctx, st)
		switch {
		case st.dial != "":
			fmt.Fprintf(out, "[Weiterleitung an %s]\n", st.dial)
			if st.whisper != "" {
				// Play the desk's side: what the agent hears on answering.
				w, err := s.post(ctx, st.whisper, nil)
				if err != nil {
					return err
				}
				for _, p := range w.says {
					fmt.Fprintf(out, "[Das Service-Team hört vorher: %s]\n", p.text)
				}
			}
			return nil
		case st.hangup:
			fmt.Fprintln(out, "[Lotse hat aufgelegt]")
			return nil
		case st.redirect != "":
			target, t = st.redirect, nil
		case st.gather != "":
			fmt.Fprint(out, "Sie: ")
			if !lines.Scan() {
				fmt.Fprintln(out, "\n[Sie haben aufgelegt]")
				return lines.Err()
			}
			next := parseLine(lines.Text())
			if o.Echo {
				fmt.Fprintln(out, next)
			}
			target, t = st.gather, &next
		default:
			// Nothing left to do: the gateway ends the call.
			fmt.Fprintln(out, "[Anruf beendet]")
			return nil
		}
	}
	return fmt.Errorf("callsim: call %s: more than %d webhooks", o.CallID, o.MaxRequests)
}

// show prints (and speaks) what the caller hears.
func (s *sim) show(ctx context.Context, st step) {
	for _, p := range st.says {
		prefix := "Lotse: "
		if !strings.HasPrefix(p.lang, "de") && p.lang != "" {
			prefix = "Lotse (" + p.lang + "): "
		}
		fmt.Fprintln(s.out, prefix+p.text)
		if s.speaker != "" {
			// espeak-ng's voice for the prompt's language ("tr-TR" → tr).
			voice, _, _ := strings.Cut(p.lang, "-")
			if voice == "" {
				voice = "de"
			}
			// Best effort: a broken speaker must not end the call.
			_ = exec.CommandContext(ctx, s.speaker, "-v", voice, p.text).Run()
		}
	}
}

// post sends one webhook to target (an absolute URL under PublicURL or
// a path) and parses the reply.
func (s *sim) post(ctx context.Context, target string, t *turn) (step, error) {
	signed, path, err := s.resolve(target)
	if err != nil {
		return step{}, err
	}
	var req *http.Request
	if s.o.Gateway == Twilio {
		form := s.twilioParams(t)
		req, err = http.NewRequestWithContext(ctx, http.MethodPost, s.o.BaseURL+path, strings.NewReader(form.Encode()))
		if err != nil {
			return step{}, fmt.Errorf("callsim: %w", err)
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Twilio-Signature", TwilioSignature(s.o.AuthToken, signed, form))
	} else {
		body, err := json.Marshal(s.jambonzBody(t))
		if err != nil {
			return step{}, fmt.Errorf("callsim: %w", err)
		}
		req, err = http.NewRequestWithContext(ctx, http.MethodPost, s.o.BaseURL+path, bytes.NewReader(body))
		if err != nil {
			return step{}, fmt.Errorf("callsim: %w", err)
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Jambonz-Signature", JambonzSignature(s.o.Secret, body, s.o.Now()))
	}
	start := time.Now()
	resp, err := s.o.Client.Do(req)
	if err != nil {
		return step{}, fmt.Errorf("callsim: POST %s: %w", path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if s.observe != nil {
		s.observe(time.Since(start))
	}
	if err != nil {
		return step{}, fmt.Errorf("callsim: POST %s: %w", path, err)
	}
	if resp.StatusCode != http.StatusOK {
		hint := ""
		if resp.StatusCode == http.StatusForbidden {
			hint = " (signature rejected: check the token/secret and the public URL)"
		}
		return step{}, fmt.Errorf("callsim: POST %s: status %d%s: %s", path, resp.StatusCode, hint, strings.TrimSpace(string(b)))
	}
	if s.o.Gateway == Twilio {
		st, err := parseTwiML(b)
		if err != nil {
			return step{}, fmt.Errorf("callsim: POST %s: invalid TwiML: %w", path, err)
		}
		return st, nil
	}
	st, err := parseJambonz(b)
	if err != nil {
		return step{}, fmt.Errorf("callsim: POST %s: invalid Jambonz verbs: %w", path, err)
	}
	return st, nil
}

// resolve returns the URL to sign (as the gateway knows it) and the path
// to request under BaseURL.
func (s *sim) resolve(target string) (signed, path string, err error) {
	if strings.HasPrefix(target, "/") {
		return s.o.PublicURL + target, target, nil
	}
	if !strings.HasPrefix(target, s.o.PublicURL+"/") {
		return "", "", fmt.Errorf("callsim: server sent the call to %q, outside its public URL %q", target, s.o.PublicURL)
	}
	return target, strings.TrimPrefix(target, s.o.PublicURL), nil
}

func (s *sim) twilioParams(t *turn) url.Values {
	v := url.Values{
		"CallSid": {s.o.CallID}, "AccountSid": {"ACsimulator"}, "From": {s.o.From}, "To": {"+4930000000"},
		"CallStatus": {"in-progress"}, "Direction": {"inbound"}, "ApiVersion": {"2010-04-01"},
	}
	switch {
	case t == nil:
	case t.digits != "":
		v.Set("Digits", t.digits)
	case t.speech != "":
		v.Set("SpeechResult", t.speech)
		v.Set("Confidence", strconv.FormatFloat(t.confidence, 'f', 2, 64))
	}
	return v
}

func (s *sim) jambonzBody(t *turn) map[string]any {
	m := map[string]any{
		"call_sid": s.o.CallID, "account_sid": "simulator", "from": s.o.From, "to": "+4930000000",
		"direction": "inbound", "call_status": "in-progress",
	}
	switch {
	case t == nil:
	case t.digits != "":
		m["reason"] = "dtmfDetected"
		m["digits"] = t.digits
	case t.speech != "":
		m["reason"] = "speechDetected"
		m["speech"] = map[string]any{"is_final": true, "alternatives": []map[string]any{{"transcript": t.speech, "confidence": t.confidence}}}
	default:
		m["reason"] = "timeout"
	}
	return m
}

// TwilioSignature computes X-Twilio-Signature as Twilio does: the
// base64 HMAC-SHA1, keyed with the auth token, of the full URL followed
// by each POST parameter's name and value, sorted by name.
func TwilioSignature(token, fullURL string, params url.Values) string {
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	m := hmac.New(sha1.New, []byte(token))
	m.Write([]byte(fullURL))
	for _, k := range keys {
		for _, v := range params[k] {
			m.Write([]byte(k))
			m.Write([]byte(v))
		}
	}
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// JambonzSignature computes a Jambonz-Signature header value:
// "t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>".
func JambonzSignature(secret string, body []byte, t time.Time) string {
	ts := strconv.FormatInt(t.Unix(), 10)
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(ts + "."))
	m.Write(body)
	return "t=" + ts + ",v1=" + hex.EncodeToString(m.Sum(nil))
}

// twimlNode is an element of a TwiML document with its children (a <Say>
// may hold SSML elements such as <s> and <break>).
type twimlNode struct {
	XMLName  xml.Name
	Attrs    []xml.Attr  `xml:",any,attr"`
	Text     string      `xml:",chardata"`
	Children []twimlNode `xml:",any"`
}

// text returns the node's text with that of its children, as spoken.
func (n twimlNode) text() string {
	parts := []string{strings.TrimSpace(n.Text)}
	for _, c := range n.Children {
		parts = append(parts, c.text())
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

// parseTwiML reads the verbs of a TwiML <Response> in order, up to the
// first verb that hands control elsewhere.
func parseTwiML(b []byte) (step, error) {
	var doc struct {
		XMLName xml.Name    `xml:"Response"`
		Verbs   []twimlNode `xml:",any"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		return step{}, err
	}
	attr := func(as []xml.Attr, name string) string {
		for _, a := range as {
			if a.Name.Local == name {
				return a.Value
			}
		}
		return ""
	}
	var st step
	for _, v := range doc.Verbs {
		switch v.XMLName.Local {
		case "Say":
			st.says = append(st.says, said{text: v.text(), lang: attr(v.Attrs, "language")})
		case "Gather":
			for _, c := range v.Children {
				if c.XMLName.Local == "Say" {
					st.says = append(st.says, said{text: c.text(), lang: attr(c.Attrs, "language")})
				}
			}
			st.gather = attr(v.Attrs, "action")
			if st.gather == "" {
				return step{}, errors.New("<Gather> without action")
			}
			return st, nil
		case "Redirect":
			st.redirect = strings.TrimSpace(v.Text)
			return st, nil
		case "Dial":
			st.dial = v.text() // the number, also inside <Number>
			for _, c := range v.Children {
				if c.XMLName.Local == "Number" {
					st.whisper = attr(c.Attrs, "url")
				}
			}
			return st, nil
		case "Hangup":
			st.hangup = true
			return st, nil
		case "Pause":
			st.says = append(st.says, said{text: "[Pause]"})
		default:
			return step{}, fmt.Errorf("unknown verb <%s>", v.XMLName.Local)
		}
	}
	return st, nil
}

// jambonzVerb is the part of a Jambonz verb callsim reads.
type jambonzVerb struct {
	Verb        string `json:"verb"`
	Text        string `json:"text"`
	ActionHook  string `json:"actionHook"`
	Synthesizer *struct {
		Language string `json:"language"`
	} `json:"synthesizer"`
	Say *struct {
		Text        string `json:"text"`
		Synthesizer *struct {
			Language string `json:"language"`
		} `json:"synthesizer"`
	} `json:"say"`
	Recognizer *struct {
		Language string `json:"language"`
	} `json:"recognizer"`
	Target []struct {
		Type   string `json:"type"`
		Number string `json:"number"`
		SipURI string `json:"sipUri"`
	} `json:"target"`
	ConfirmHook string `json:"confirmHook"`
}

// ssmlText returns what is spoken of a Jambonz say text, which may be
// SSML: the text without its tags and entities.
func ssmlText(s string) string {
	if !strings.HasPrefix(strings.TrimSpace(s), "<speak") {
		return s
	}
	var b strings.Builder
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		if cd, ok := tok.(xml.CharData); ok {
			b.Write(cd)
		}
		b.WriteByte(' ')
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// parseJambonz reads a Jambonz verb array like parseTwiML.
func parseJambonz(b []byte) (step, error) {
	var verbs []jambonzVerb
	if err := json.Unmarshal(b, &verbs); err != nil {
		return step{}, err
	}
	var st step
	for _, v := range verbs {
		switch v.Verb {
		case "say":
			lang := ""
			if v.Synthesizer != nil {
				lang = v.Synthesizer.Language
			}
			st.says = append(st.says, said{text: ssmlText(v.Text), lang: lang})
		case "gather":
			if v.Say != nil {
				lang := ""
				if v.Recognizer != nil {
					lang = v.Recognizer.Language
				}
				st.says = append(st.says, said{text: ssmlText(v.Say.Text), lang: lang})
			}
			if v.ActionHook == "" {
				return step{}, errors.New("gather without actionHook")
			}
			st.gather = v.ActionHook
			return st, nil
		case "redirect":
			st.redirect = v.ActionHook
			return st, nil
		case "dial":
			if len(v.Target) == 0 {
				return step{}, errors.New("dial without target")
			}
			st.dial = v.Target[0].Number + v.Target[0].SipURI
			st.whisper = v.ConfirmHook
			return st, nil
		case "hangup":
			st.hangup = true
			return st, nil
		case "pause":
			st.says = append(st.says, said{text: "[Pause]"})
		default:
			return step{}, fmt.Errorf("unknown verb %q", v.Verb)
		}
	}
	return st, nil
}

func newCallID(gateway string) string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	if gateway == Twilio {
		return "CA" + hex.EncodeToString(b[:])
	}
	h := hex.EncodeToString(b[:])
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}
