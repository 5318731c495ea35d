// SPDX-License-Identifier: EUPL-1.2

package phone

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
)

const (
	testToken  = "twilio-test-token"
	testSecret = "jambonz-test-secret"
	testDesk   = "+4930111222333"
	testFrom   = "+4917612345678"
)

// fakeAsker answers like the assistant: it appends the user's and the
// assistant's entries and returns a scripted answer.
type fakeAsker struct {
	mu      sync.Mutex
	answer  func(text string) assistant.Answer
	block   chan struct{} // when set, Ask waits for it (or ctx)
	delay   func() time.Duration
	asked   []string
	started chan string // when set, receives each question
}

var _ Asker = (*fakeAsker)(nil)

func (f *fakeAsker) Ask(ctx context.Context, conv *assistant.Conversation, msg assistant.Message) (assistant.Answer, error) {
	if strings.TrimSpace(msg.Text) == "" {
		return assistant.Answer{}, assistant.ErrEmptyMessage
	}
	if len([]rune(msg.Text)) > assistant.MaxMessageRunes {
		return assistant.Answer{}, assistant.ErrTooLong
	}
	f.mu.Lock()
	f.asked = append(f.asked, msg.Text)
	block, delay, started := f.block, f.delay, f.started
	f.mu.Unlock()
	if started != nil {
		started <- msg.Text
	}
	if block != nil {
		select {
		case <-block:
		case <-ctx.Done():
			return assistant.Answer{}, ctx.Err()
		}
	}
	if delay != nil {
		select {
		case <-time.After(delay()):
		case <-ctx.Done():
			return assistant.Answer{}, ctx.Err()
		}
	}
	conv.Entries = append(conv.Entries, assistant.Entry{Role: assistant.RoleUser, Text: msg.Text, At: time.Now()})
	ans := scripted(msg.Text)
	if f.answer != nil {
		ans = f.answer(msg.Text)
	}
	if ans.Lang == "" {
		ans.Lang = msg.Lang
	}
	conv.Entries = append(conv.Entries, assistant.Entry{Role: assistant.RoleAssistant, Text: ans.Text, Intent: ans.Intent, Sources: ans.Sources, At: time.Now()})
	return ans, nil
}

func (f *fakeAsker) questions() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.asked...)
}

var reisepass = assistant.Source{ID: "leistungen/reisepass", Title: "Reisepass", URL: "https://www.musterstadt.example/leistungen/reisepass"}

// scripted is the default answer of fakeAsker.
func scripted(q string) assistant.Answer {
	switch {
	case strings.Contains(q, "Reisepass"):
		return assistant.Answer{
			Text: "Zu „Reisepass“ steht in der Leistungsbeschreibung der Stadt (Abschnitt Kosten):\n\n" +
				"- Der Reisepass kostet 37,00 Euro.\n- Für Personen unter 24 Jahren 22,80 Euro.\n" +
				"- Ein Express-Pass kostet zusätzlich 32,00 Euro.\n- Die Bearbeitung dauert etwa vier Wochen.\n\n" +
				"Bringen Sie ein biometrisches Foto mit. Den Pass holen Sie persönlich ab.\n\n" +
				"Online erledigen: https://www.musterstadt.example/leistungen/reisepass",
			Sources: []assistant.Source{reisepass}, Intent: assistant.IntentServiceInfo, Confidence: 0.9, Lang: "de",
		}
	case strings.Contains(q, "Öffnungszeiten"):
		return assistant.Answer{Text: "Das Bürgeramt ist Mo–Fr 8:30–12:00 Uhr geöffnet.", Intent: assistant.IntentServiceInfo, Lang: "de"}
	case strings.Contains(q, "passport"):
		return assistant.Answer{Text: "A passport costs 37,00 Euro.", Intent: assistant.IntentServiceInfo, Lang: "en", Sources: []assistant.Source{reisepass}}
	}
	return assistant.Answer{
		Text:           "Dazu habe ich in den Informationen der Stadt nichts Passendes gefunden. Soll ich Ihr Anliegen an eine Mitarbeiterin oder einen Mitarbeiter weitergeben? Antworten Sie mit „ja“ oder schreiben Sie „Mitarbeiter“.",
		Intent:         assistant.IntentServiceInfo,
		HandoffOffered: true,
		Handoff:        &assistant.Handoff{Reason: "low_confidence"},
		Lang:           "de",
	}
}

// fakeEscalator is the ticketing behind the test's assistant: it records
// escalations and returns LOT-<n>. Calls reach it through
// (*assistant.Assistant).Transfer.
type fakeEscalator struct {
	mu   sync.Mutex
	got  []assistant.Escalation
	err  error
	next int
}

var (
	_ assistant.Tickets   = (*fakeEscalator)(nil)
	_ assistant.ITCatalog = (*fakeEscalator)(nil)
)

func (f *fakeEscalator) OpenIncident(context.Context, assistant.Incident) (string, error) {
	return "", errors.New("fakeEscalator: no incidents on the phone")
}

func (f *fakeEscalator) ActiveOutage(context.Context, string) (assistant.Outage, bool, error) {
	return assistant.Outage{}, false, nil
}

func (f *fakeEscalator) JoinOutage(context.Context, string, assistant.Requester) (assistant.Outage, error) {
	return assistant.Outage{}, assistant.ErrNotFound
}

func (f *fakeEscalator) Status(context.Context, string, assistant.Requester) (assistant.TicketStatus, error) {
	return assistant.TicketStatus{}, assistant.ErrNotFound
}

func (f *fakeEscalator) MatchService(string) (string, bool)        { return "", false }
func (f *fakeEscalator) ServiceName(string, string) string         { return "" }
func (f *fakeEscalator) IncidentPriority(map[string]string) string { return "P4" }

// noRetriever finds nothing; the transferring assistant needs no knowledge.
type noRetriever struct{}

func (noRetriever) Search(context.Context, knowledge.Query) ([]knowledge.Passage, error) {
	return nil, nil
}
func (noRetriever) Document(string, knowledge.Audience) (knowledge.Document, bool) {
	return knowledge.Document{}, false
}

// mustTransferer is an assistant that hands calls over to esc.
func mustTransferer(tb testing.TB, esc assistant.Tickets) *assistant.Assistant {
	tb.Helper()
	a, err := assistant.New(assistant.Config{Retriever: noRetriever{}, Tickets: esc, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

func (f *fakeEscalator) Escalate(ctx context.Context, e assistant.Escalation) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return "", f.err
	}
	f.got = append(f.got, e)
	f.next++
	return "LOT-" + strconv.Itoa(41+f.next), nil
}

func (f *fakeEscalator) escalations() []assistant.Escalation {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]assistant.Escalation(nil), f.got...)
}

// gauge records the last ActiveCalls value.
type gauge struct {
	mu sync.Mutex
	n  int
}

func (g *gauge) ActiveCalls(n int) {
	g.mu.Lock()
	g.n = n
	g.mu.Unlock()
}

func (g *gauge) value() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.n
}

// testEnv is a running phone server with fakes.
type testEnv struct {
	t     testing.TB
	srv   *Server
	http  *httptest.Server
	asker *fakeAsker
	esc   *fakeEscalator
	store assistant.ConversationStore
}

// newEnv starts a server with both gateways; edit changes the config
// before New.
func newEnv(t testing.TB, edit func(*Config)) *testEnv {
	t.Helper()
	e := &testEnv{t: t, asker: &fakeAsker{}, esc: &fakeEscalator{}, store: assistant.NewMemoryStore()}
	mux := http.NewServeMux()
	e.http = httptest.NewServer(mux)
	t.Cleanup(e.http.Close)
	cfg := Config{
		Asker: e.asker, Store: e.store, Transferer: mustTransferer(t, e.esc),
		Hints:     func() []string { return []string{"Reisepass", "Personalausweis", "Wohnsitz anmelden"} },
		PublicURL: e.http.URL, TwilioAuthToken: testToken, JambonzSecret: testSecret, DeskPhone: testDesk,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	if edit != nil {
		edit(&cfg)
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	e.srv = srv
	mux.Handle("/", srv.Handler())
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	})
	return e
}

// twilioSignature computes X-Twilio-Signature the way Twilio documents it:
// base64(HMAC-SHA1(token, URL + sorted key+value pairs)).
func twilioSignature(token, u string, params url.Values) string {
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(u)
	for _, k := range keys {
		for _, v := range params[k] {
			b.WriteString(k + v)
		}
	}
	m := hmac.New(sha1.New, []byte(token))
	m.Write([]byte(b.String()))
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// postTwilio posts a signed form to path (with query) and returns status
// and body.
func (e *testEnv) postTwilio(path string, params url.Values) (int, string) {
	e.t.Helper()
	return e.postTwilioSigned(path, params, twilioSignature(testToken, e.http.URL+path, params))
}

func (e *testEnv) postTwilioSigned(path string, params url.Values, sig string) (int, string) {
	e.t.Helper()
	req, err := http.NewRequest(http.MethodPost, e.http.URL+path, strings.NewReader(params.Encode()))
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if sig != "" {
		req.Header.Set("X-Twilio-Signature", sig)
	}
	return do(e.t, req)
}

func do(t testing.TB, req *http.Request) (int, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// twilioCall drives one Twilio call through the test server.
type twilioCall struct {
	e     *testEnv
	sid   string
	from  string
	nonce string // of the last callback URL the server handed out, as Twilio would post it
}

func (e *testEnv) twilioCall(sid string) *twilioCall {
	return &twilioCall{e: e, sid: sid, from: testFrom}
}

func (c *twilioCall) params(extra ...string) url.Values {
	v := url.Values{"CallSid": {c.sid}, "From": {c.from}, "To": {"+4930999"}, "AccountSid": {"ACtest"}, "CallStatus": {"in-progress"}}
	for i := 0; i+1 < len(extra); i += 2 {
		v.Set(extra[i], extra[i+1])
	}
	return v
}

// start posts the incoming-call webhook.
func (c *twilioCall) start() []verb {
	c.e.t.Helper()
	return c.post(TwilioIncomingPath, c.params())
}

// say posts recognized speech with high confidence.
func (c *twilioCall) say(text string) []verb {
	c.e.t.Helper()
	return c.post(TwilioTurnPath, c.params("SpeechResult", text, "Confidence", "0.92"))
}

// press posts DTMF digits.
func (c *twilioCall) press(d string) []verb {
	c.e.t.Helper()
	return c.post(TwilioTurnPath, c.params("Digits", d))
}

// silence posts a gather without input.
func (c *twilioCall) silence() []verb {
	c.e.t.Helper()
	return c.post(TwilioTurnPath, c.params())
}

func (c *twilioCall) post(path string, params url.Values) []verb {
	c.e.t.Helper()
	if c.nonce != "" && path != TwilioIncomingPath {
		path = withParam(path, nonceParam, c.nonce)
	}
	status, body := c.e.postTwilio(path, params)
	if status != http.StatusOK {
		c.e.t.Fatalf("POST %s: status %d: %s", path, status, body)
	}
	vs := mustTwiML(c.e.t, body)
	for _, v := range vs {
		u := v.Attr["action"]
		if v.Name == "Redirect" {
			u = v.Text
		}
		if p, err := url.Parse(u); err == nil && p.Query().Get(nonceParam) != "" {
			c.nonce = p.Query().Get(nonceParam)
		}
	}
	return vs
}

// verb is one parsed TwiML element.
type verb struct {
	Name     string
	Attr     map[string]string
	Text     string
	Children []verb
}

// knownVerbs are the TwiML verbs the channel may emit, and where.
var knownVerbs = map[string]bool{"Say": true, "Gather": true, "Dial": true, "Hangup": true, "Redirect": true, "Pause": true}

// nested lists the elements allowed inside a parent other than Response:
// Say in Gather, the SSML the channel writes in Say, the nouns of Dial.
var nested = map[string]map[string]bool{
	"Gather": {"Say": true},
	"Say":    {"s": true, "break": true},
	"Dial":   {"Number": true, "Client": true},
	"Client": {"Identity": true, "Parameter": true},
}

// mustTwiML parses a TwiML document and checks that its root is Response,
// that it holds only known verbs and that a Gather holds only Say.
func mustTwiML(t testing.TB, body string) []verb {
	t.Helper()
	vs, err := parseTwiML(body)
	if err != nil {
		t.Fatalf("invalid TwiML: %v\n%s", err, body)
	}
	return vs
}

func parseTwiML(body string) ([]verb, error) {
	dec := xml.NewDecoder(strings.NewReader(body))
	var stack []*verb
	var root *verb
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			v := &verb{Name: tok.Name.Local, Attr: map[string]string{}}
			for _, a := range tok.Attr {
				v.Attr[a.Name.Local] = a.Value
			}
			switch len(stack) {
			case 0:
				if root != nil || v.Name != "Response" {
					return nil, errors.New("root element is not a single <Response>: " + v.Name)
				}
				root = v
			case 1:
				if !knownVerbs[v.Name] {
					return nil, errors.New("unknown verb <" + v.Name + ">")
				}
			case 2, 3:
				if parent := stack[len(stack)-1]; !nested[parent.Name][v.Name] {
					return nil, errors.New("<" + v.Name + "> nested in <" + parent.Name + ">")
				}
			default:
				return nil, errors.New("nesting too deep at <" + v.Name + ">")
			}
			stack = append(stack, v)
		case xml.EndElement:
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if len(stack) > 0 {
				parent := stack[len(stack)-1]
				parent.Children = append(parent.Children, *v)
			}
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].Text += string(tok)
			}
		}
	}
	if root == nil {
		return nil, errors.New("no <Response>")
	}
	for _, v := range root.Children {
		if nested[v.Name] == nil && len(v.Children) > 0 {
			return nil, errors.New("<" + v.Name + "> has children")
		}
	}
	return root.Children, nil
}

// spoken returns everything said in vs, in order.
func spoken(vs []verb) string {
	var parts []string
	for _, v := range vs {
		switch v.Name {
		case "Say":
			parts = append(parts, v.Text)
			for _, s := range v.Children { // SSML
				if s.Text != "" {
					parts = append(parts, s.Text)
				}
			}
		case "Gather":
			parts = append(parts, spoken(v.Children))
		}
	}
	return strings.Join(parts, " ")
}

// names returns the verb names of vs.
func names(vs []verb) []string {
	var out []string
	for _, v := range vs {
		out = append(out, v.Name)
	}
	return out
}

// jambonzCall drives one Jambonz call.
type jambonzCall struct {
	e   *testEnv
	sid string
}

func (e *testEnv) jambonzCall(sid string) *jambonzCall {
	return &jambonzCall{e: e, sid: sid}
}

func (c *jambonzCall) body(extra map[string]any) []byte {
	m := map[string]any{"call_sid": c.sid, "from": testFrom, "to": "+4930999", "direction": "inbound"}
	for k, v := range extra {
		m[k] = v
	}
	b, err := json.Marshal(m)
	if err != nil {
		c.e.t.Fatal(err)
	}
	return b
}

func (e *testEnv) postJambonz(path string, body []byte, sig string) (int, string) {
	e.t.Helper()
	req, err := http.NewRequest(http.MethodPost, e.http.URL+path, bytes.NewReader(body))
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if sig != "" {
		req.Header.Set("Jambonz-Signature", sig)
	}
	return do(e.t, req)
}

func (c *jambonzCall) post(path string, extra map[string]any) []map[string]any {
	c.e.t.Helper()
	b := c.body(extra)
	status, body := c.e.postJambonz(path, b, SignJambonz(testSecret, b, time.Now()))
	if status != http.StatusOK {
		c.e.t.Fatalf("POST %s: status %d: %s", path, status, body)
	}
	return mustJambonz(c.e.t, body)
}

func (c *jambonzCall) start() []map[string]any {
	c.e.t.Helper()
	return c.post(JambonzIncomingPath, nil)
}

func (c *jambonzCall) say(text string) []map[string]any {
	c.e.t.Helper()
	return c.post(JambonzTurnPath, map[string]any{"reason": "speechDetected",
		"speech": map[string]any{"is_final": true, "alternatives": []map[string]any{{"transcript": text, "confidence": 0.9}}}})
}

func (c *jambonzCall) press(d string) []map[string]any {
	c.e.t.Helper()
	return c.post(JambonzTurnPath, map[string]any{"reason": "dtmfDetected", "digits": d})
}

var jambonzVerbs = map[string]bool{"say": true, "gather": true, "dial": true, "hangup": true, "redirect": true, "pause": true}

// mustJambonz parses a Jambonz response: a JSON array of objects with
// known verbs.
func mustJambonz(t testing.TB, body string) []map[string]any {
	t.Helper()
	vs, err := parseJambonz(body)
	if err != nil {
		t.Fatalf("invalid Jambonz response: %v\n%s", err, body)
	}
	return vs
}

func parseJambonz(body string) ([]map[string]any, error) {
	var vs []map[string]any
	if err := json.Unmarshal([]byte(body), &vs); err != nil {
		return nil, err
	}
	if vs == nil {
		return nil, errors.New("not an array")
	}
	for _, v := range vs {
		name, _ := v["verb"].(string)
		if !jambonzVerbs[name] {
			return nil, errors.New("unknown verb " + name)
		}
		switch name {
		case "say":
			if s, _ := v["text"].(string); s == "" || strings.ContainsAny(s, "<>") {
				return nil, errors.New("say without plain text")
			}
		case "gather":
			if h, _ := v["actionHook"].(string); h == "" {
				return nil, errors.New("gather without actionHook")
			}
		case "redirect":
			if h, _ := v["actionHook"].(string); h == "" {
				return nil, errors.New("redirect without actionHook")
			}
		case "dial":
			if ts, _ := v["target"].([]any); len(ts) == 0 {
				return nil, errors.New("dial without target")
			}
		}
	}
	return vs, nil
}

// jambonzSpoken returns everything said in vs.
func jambonzSpoken(vs []map[string]any) string {
	var parts []string
	for _, v := range vs {
		switch v["verb"] {
		case "say":
			parts = append(parts, v["text"].(string))
		case "gather":
			if s, ok := v["say"].(map[string]any); ok {
				parts = append(parts, s["text"].(string))
			}
		}
	}
	return strings.Join(parts, " ")
}

func jambonzNames(vs []map[string]any) []string {
	var out []string
	for _, v := range vs {
		out = append(out, v["verb"].(string))
	}
	return out
}

func discard() *slog.Logger { return slog.New(slog.DiscardHandler) }
