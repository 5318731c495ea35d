// SPDX-License-Identifier: EUPL-1.2

package phone

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
)

// Asker answers one message of a conversation. It is declared here, by
// its consumer, so that the dialog can be tested with a scripted fake;
// *assistant.Assistant implements it. Ask appends the user's and the
// assistant's entries to conv; the caller saves conv. It returns
// assistant.ErrEmptyMessage or assistant.ErrTooLong for bad input (conv
// unchanged) and ctx's error when ctx ends.
type Asker interface {
	Ask(ctx context.Context, conv *assistant.Conversation, msg assistant.Message) (assistant.Answer, error)
}

// Transferer hands a call over to a human: it opens the handoff ticket
// with the call's transcript and returns its key. It is declared here, by
// its consumer; *assistant.Assistant implements it, so a call is handed
// over through the assistant like every chat. A returned key names a
// ticket that is committed: the channel dials the desk only after Transfer
// returned.
type Transferer interface {
	Transfer(ctx context.Context, conv *assistant.Conversation, h assistant.Handover) (key string, err error)
}

// Metrics receives the channel's gauge. It is declared here so that phone
// does not import a metrics library; cmd/lotse adapts Prometheus.
type Metrics interface {
	// ActiveCalls reports the number of calls with live state.
	ActiveCalls(n int)
}

// Action is one gateway-neutral instruction of the dialog; each gateway
// adapter renders a list of them (TwiML verbs, Jambonz verbs). The
// implementations are Say, Gather, Dial, Hangup, Redirect and Pause.
type Action interface{ action() }

// Say speaks Text in Lang ("de" or "en").
type Say struct {
	Text string
	Lang string
}

// Gather speaks Prompt and listens for speech or one key press, then
// posts the result to ActionPath. Silence also posts (with no input).
type Gather struct {
	Prompt     []Say
	Hints      []string // speech recognition hints
	Lang       string   // recognition language, "de" or "en"
	Timeout    time.Duration
	ActionPath string // path of the turn webhook, with query
}

// Dial transfers the call to Number. Ticket (the key, may be empty) and
// CallID let the gateway adapter tell the agent what the call is about
// before it is connected (see transfer.go).
type Dial struct {
	Number string
	Ticket string
	CallID string
}

// Hangup ends the call.
type Hangup struct{}

// Redirect makes the gateway fetch the next actions from Path (a path of
// this server, with query).
type Redirect struct{ Path string }

// Pause keeps the line quiet for Length.
type Pause struct{ Length time.Duration }

func (Say) action()      {}
func (Gather) action()   {}
func (Dial) action()     {}
func (Hangup) action()   {}
func (Redirect) action() {}
func (Pause) action()    {}

// Input is one webhook of a call, as both gateways deliver it.
type Input struct {
	CallID     string  // the gateway's call ID
	From       string  // the caller's number, may be empty
	Speech     string  // recognized speech, empty for silence
	Confidence float64 // recognition confidence 0..1; negative when the gateway gave none
	Digits     string  // keys pressed
	Pending    string  // ID of a pending answer from a Redirect
	TurnPath   string  // the adapter's turn webhook path ("/voice/twilio/turn")
}

// MinConfidence is the recognition confidence below which the dialog asks
// the caller to repeat.
const MinConfidence = 0.4

// stage is what the dialog asked the caller last.
type stage int

const (
	stageListen  stage = iota // a question
	stageMore                 // "Möchten Sie mehr wissen?"
	stageAnother              // "Haben Sie noch eine Frage?"
	stageOffer                // whether they want a human
	stageConsent              // whether the number may be stored
)

// call is the live state of one phone call.
type call struct {
	mu         sync.Mutex // serializes the webhooks of the call
	id         string
	from       string
	lang       string
	started    bool
	stage      stage
	misses     int    // consecutive turns without usable input
	rest       []Say  // sentences of the current answer not yet spoken
	lastPrompt []Say  // the last answer part with its question (DTMF 1)
	offer      bool   // the current answer offers a human
	reason     string // handoff reason
	pending    *pending
	delivered  string   // ID of the last pending answer delivered
	deliverAct []Action // and what was delivered, for a repeated redirect
	seen       time.Time
}

// pending is an answer that runs on after its webhook returned a filler.
type pending struct {
	id    string
	done  chan struct{}
	ans   assistant.Answer
	err   error
	polls int
}

// Dialog is the voice dialog shared by the Twilio and Jambonz adapters:
// greeting, turns on speech and keys, reprompts, "more?", transfer with
// context and goodbye. It keeps per-call state in memory keyed by the
// gateway's call ID and stores transcripts in the ConversationStore. It
// is safe for concurrent use; webhooks of one call are serialized.
type Dialog struct {
	cfg    Config
	base   context.Context // parent of background answers
	cancel context.CancelFunc

	mu     sync.Mutex
	calls  map[string]*call
	swept  time.Time
	closed bool
	wg     sync.WaitGroup

	hintsMu sync.Mutex
	hintsAt time.Time
	hintsOf []string // cached result of hints, shared read-only
}

// NewDialog returns the dialog for cfg; only the dialog's fields of cfg
// are used (see Config). Asker and Store are required.
func NewDialog(cfg Config) (*Dialog, error) {
	if cfg.Asker == nil {
		return nil, errors.New("phone: asker required")
	}
	if cfg.Store == nil {
		return nil, errors.New("phone: conversation store required")
	}
	cfg.defaults()
	base, cancel := context.WithCancel(context.Background())
	return &Dialog{cfg: cfg, base: base, cancel: cancel, calls: map[string]*call{}}, nil
}

// ConversationID is the ID under which a call's transcript is stored.
func ConversationID(callID string) string { return "call-" + callID }

// Start answers an incoming call with the greeting: the AI disclosure and
// the options. A repeated start of the same call gets the same greeting.
func (d *Dialog) Start(ctx context.Context, in Input) []Action {
	c := d.lookup(in.CallID, in.From)
	c.mu.Lock()
	defer c.mu.Unlock()
	t := textsFor(c.lang)
	if !c.started {
		c.started = true
		d.record(ctx, c, assistant.RoleAssistant, greeting(&d.cfg, c.lang)+" "+t.HowCanIHelp)
	}
	c.stage = stageListen
	c.misses = 0
	prompt := append([]Say{{Text: greeting(&d.cfg, c.lang), Lang: c.lang}}, offers(c.lang)...)
	return []Action{d.gather(c, in.TurnPath, append(prompt, Say{Text: t.HowCanIHelp, Lang: c.lang})...)}
}

// Turn handles one webhook after the greeting: speech, keys, silence or
// the pick-up of a pending answer.
func (d *Dialog) Turn(ctx context.Context, in Input) []Action {
	c := d.lookup(in.CallID, in.From)
	c.mu.Lock()
	acts := d.turn(ctx, c, in)
	c.mu.Unlock()
	if ends(acts) {
		d.forget(c.id)
	}
	return acts
}

func (d *Dialog) turn(ctx context.Context, c *call, in Input) []Action {
	t := textsFor(c.lang)
	if c.pending != nil {
		return d.await(ctx, c, in.TurnPath)
	}
	if in.Pending != "" {
		if in.Pending == c.delivered {
			return c.deliverAct
		}
		// The answer was lost (restart, expired state): ask again.
		c.stage = stageListen
		return []Action{d.gather(c, in.TurnPath, Say{Text: t.Lost, Lang: c.lang})}
	}
	speech := strings.TrimSpace(in.Speech)
	sure := in.Confidence < 0 || in.Confidence >= MinConfidence
	if c.stage == stageConsent {
		yes := in.Digits == "" && sure && is(normalize(speech), yesWords)
		return d.transfer(ctx, c, yes)
	}
	switch {
	case in.Digits != "":
		c.misses = 0
		if in.Digits[:1] == "0" {
			d.record(ctx, c, assistant.RoleSystem, "Anrufer hat Taste 0 gedrückt (Mitarbeiter gewünscht)")
		}
		return d.key(c, in)
	case speech == "":
		return d.miss(c, in.TurnPath, t.NotHeard)
	case !sure:
		return d.miss(c, in.TurnPath, t.NotSure)
	}
	c.misses = 0
	n := normalize(speech)
	switch c.stage {
	case stageMore:
		if is(n, yesWords) {
			return d.nextPart(c, in.TurnPath)
		}
		if is(n, noWords) {
			return d.goodbye(c)
		}
	case stageAnother:
		if is(n, yesWords) {
			c.stage = stageListen
			return []Action{d.gather(c, in.TurnPath, Say{Text: t.AskQuestion, Lang: c.lang})}
		}
		if is(n, noWords) {
			return d.goodbye(c)
		}
	case stageOffer:
		if is(n, yesWords) {
			return d.askConsent(c, in.TurnPath, c.reason)
		}
		if is(n, noWords) {
			c.stage = stageListen
			return []Action{d.gather(c, in.TurnPath, Say{Text: t.HowCanIHelp, Lang: c.lang})}
		}
	}
	if isBye(n) {
		return d.goodbye(c)
	}
	if l := spokenLang(n); l != "" {
		return d.switchLang(c, in.TurnPath, l)
	}
	if isHumanRequest(n) {
		// The assistant does not see this turn: keep it in the transcript
		// so that the ticket shows what the caller said.
		d.record(ctx, c, assistant.RoleUser, speech)
		return d.askConsent(c, in.TurnPath, "requested")
	}
	return d.startAsk(ctx, c, in.TurnPath, speech)
}

// switchLang continues the call in lang: prompts, voice and recognition.
func (d *Dialog) switchLang(c *call, turnPath, lang string) []Action {
	c.lang = lang
	c.stage = stageListen
	c.rest, c.lastPrompt = nil, nil
	return []Action{d.gather(c, turnPath, Say{Text: textsFor(c.lang).Switched, Lang: c.lang})}
}

// key handles DTMF: 0 a human, 1 repeat, 2–6, 8 and 9 a language (9
// English, in English German).
func (d *Dialog) key(c *call, in Input) []Action {
	t := textsFor(c.lang)
	switch in.Digits[:1] {
	case "0":
		return d.askConsent(c, in.TurnPath, "requested")
	case "1":
		if len(c.lastPrompt) == 0 {
			c.stage = stageListen
			return []Action{d.gather(c, in.TurnPath, Say{Text: t.Nothing, Lang: c.lang})}
		}
		return []Action{d.gather(c, in.TurnPath, c.lastPrompt...)}
	}
	if l := keyLang(in.Digits[:1], c.lang); l != "" {
		return d.switchLang(c, in.TurnPath, l)
	}
	return []Action{d.gather(c, in.TurnPath, Say{Text: t.NoKey, Lang: c.lang})}
}

// miss handles silence and unsure recognition: the first time the caller
// is asked again, the second time a human is offered, the third time the
// call ends.
func (d *Dialog) miss(c *call, turnPath, why string) []Action {
	t := textsFor(c.lang)
	c.misses++
	switch c.misses {
	case 1:
		q := t.AskQuestion
		if why == t.NotSure {
			q = t.Repeat
		}
		switch c.stage {
		case stageMore:
			q = t.More
		case stageAnother:
			q = t.Another
		case stageOffer:
			q = t.OfferHuman
			why = ""
		}
		return []Action{d.gather(c, turnPath, say(c.lang, why, q)...)}
	case 2:
		c.stage = stageOffer
		c.reason = "no_input"
		return []Action{d.gather(c, turnPath, Say{Text: t.OfferHuman, Lang: c.lang})}
	}
	return []Action{Say{Text: t.GoneSilent, Lang: c.lang}, Hangup{}}
}

// say returns the non-empty texts as Says in lang.
func say(lang string, texts ...string) []Say {
	var out []Say
	for _, s := range texts {
		if s != "" {
			out = append(out, Say{Text: s, Lang: lang})
		}
	}
	return out
}

func (d *Dialog) goodbye(c *call) []Action {
	return []Action{Say{Text: textsFor(c.lang).Goodbye, Lang: c.lang}, Hangup{}}
}

func (d *Dialog) askConsent(c *call, turnPath, reason string) []Action {
	c.stage = stageConsent
	if reason == "" {
		reason = "requested"
	}
	c.reason = reason
	g := d.gather(c, turnPath, Say{Text: textsFor(c.lang).Consent, Lang: c.lang})
	g.Hints = append([]string{"ja", "nein", "yes", "no"}, g.Hints...)
	return []Action{g}
}

// gather listens after saying prompt.
func (d *Dialog) gather(c *call, turnPath string, prompt ...Say) Gather {
	return Gather{
		Prompt:     prompt,
		Hints:      d.hints(),
		Lang:       c.lang,
		Timeout:    d.cfg.GatherTimeout,
		ActionPath: turnPath,
	}
}

// baseHints are the words of the dialog itself.
var baseHints = []string{"Mitarbeiter", "Mitarbeiterin", "ja", "nein", "mehr", "tschüss", "auf Wiederhören"}

// hintsTTL is how long the knowledge base's hints are cached.
const hintsTTL = time.Minute

// hints returns the recognition hints, asking Config.Hints at most once a
// minute. The result is shared: callers must not modify it.
func (d *Dialog) hints() []string {
	d.hintsMu.Lock()
	defer d.hintsMu.Unlock()
	now := d.cfg.Now()
	if d.hintsOf != nil && now.Sub(d.hintsAt) < hintsTTL && now.Sub(d.hintsAt) >= 0 {
		return d.hintsOf
	}
	h := baseHints
	if d.cfg.Hints != nil {
		h = append(append([]string(nil), baseHints...), d.cfg.Hints()...)
	}
	d.hintsOf, d.hintsAt = HintList(h), now
	return d.hintsOf
}

// startAsk runs the assistant in the background and waits for its answer
// at most AnswerBudget; a slower answer is picked up by a Redirect.
func (d *Dialog) startAsk(ctx context.Context, c *call, turnPath, text string) []Action {
	p := &pending{id: newID(), done: make(chan struct{})}
	d.mu.Lock()
	if d.closed {
		d.mu.Unlock()
		p.err = errors.New("phone: shutting down")
		close(p.done)
	} else {
		d.wg.Add(1)
		d.mu.Unlock()
		convID, lang := ConversationID(c.id), c.lang
		go func() {
			defer d.wg.Done()
			defer close(p.done)
			actx, cancel := context.WithTimeout(d.base, d.cfg.MaxTurn)
			defer cancel()
			p.ans, p.err = d.ask(actx, convID, lang, text)
		}()
	}
	c.pending = p
	return d.await(ctx, c, turnPath)
}

// ask runs one assistant turn on the stored conversation and saves it
// before the answer is spoken; a failed save fails the turn.
func (d *Dialog) ask(ctx context.Context, convID, lang, text string) (assistant.Answer, error) {
	conv, err := d.load(ctx, convID, lang)
	if err != nil {
		return assistant.Answer{}, err
	}
	conv.Lang = lang
	before := len(conv.Entries)
	ans, err := d.cfg.Asker.Ask(ctx, conv, assistant.Message{Text: text, Lang: lang})
	if len(conv.Entries) != before {
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		if serr := d.cfg.Store.Save(sctx, conv); serr != nil {
			d.cfg.Logger.Error("phone: save conversation", "conversation", convID, "err", serr)
			if err == nil {
				// What the caller said is not stored: they are not
				// answered as if it were, but offered a person.
				err = fmt.Errorf("phone: save conversation %s: %w", convID, serr)
			}
		}
		cancel()
	}
	return ans, err
}

// load returns the stored conversation or a new one.
func (d *Dialog) load(ctx context.Context, id, lang string) (*assistant.Conversation, error) {
	conv, err := d.cfg.Store.Load(ctx, id)
	if errors.Is(err, assistant.ErrNotFound) {
		now := d.cfg.Now()
		return &assistant.Conversation{ID: id, Audience: knowledge.Citizen, Channel: "phone", Lang: lang, CreatedAt: now, UpdatedAt: now}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("phone: load conversation %s: %w", id, err)
	}
	return conv, nil
}

// record appends an entry of the dialog itself (greeting, transfer note)
// to the stored transcript. A failure is logged; the call goes on.
func (d *Dialog) record(ctx context.Context, c *call, role assistant.Role, text string) {
	id := ConversationID(c.id)
	conv, err := d.load(ctx, id, c.lang)
	if err == nil {
		conv.Entries = append(conv.Entries, assistant.Entry{Role: role, Text: text, At: d.cfg.Now()})
		conv.UpdatedAt = d.cfg.Now()
		err = d.cfg.Store.Save(ctx, conv)
	}
	if err != nil {
		d.cfg.Logger.Error("phone: record transcript", "conversation", id, "err", err)
	}
}

// await waits for the pending answer at most AnswerBudget. When it is not
// ready, the caller hears a short filler and the gateway comes back with
// a Redirect.
func (d *Dialog) await(ctx context.Context, c *call, turnPath string) []Action {
	p := c.pending
	timer := time.NewTimer(d.cfg.AnswerBudget)
	defer timer.Stop()
	select {
	case <-p.done:
		c.pending = nil
		acts := d.answer(c, turnPath, p.ans, p.err)
		c.delivered, c.deliverAct = p.id, acts
		return acts
	case <-timer.C:
	case <-ctx.Done():
	}
	p.polls++
	t := textsFor(c.lang)
	filler := t.Filler
	if p.polls > 1 {
		filler = t.StillWorking
	}
	return []Action{Say{Text: filler, Lang: c.lang}, Redirect{Path: turnPath + "?pending=" + p.id}}
}

// answer turns the assistant's answer into actions.
func (d *Dialog) answer(c *call, turnPath string, ans assistant.Answer, err error) []Action {
	t := textsFor(c.lang)
	switch {
	case errors.Is(err, assistant.ErrEmptyMessage):
		return d.miss(c, turnPath, t.NotHeard)
	case errors.Is(err, assistant.ErrTooLong):
		c.stage = stageListen
		return []Action{d.gather(c, turnPath, Say{Text: t.TooLong, Lang: c.lang})}
	case err != nil:
		d.cfg.Logger.Error("phone: answer failed", "call", c.id, "err", err)
		c.stage, c.reason = stageOffer, "error"
		return []Action{d.gather(c, turnPath, Say{Text: t.Failed, Lang: c.lang})}
	}
	if knownLang(ans.Lang) {
		c.lang = ans.Lang
	}
	sentences := d.spoken(c.lang, ans.Text)
	if ans.Handoff != nil && ans.Handoff.Ticket != "" {
		// The assistant opened a ticket itself: say so and connect.
		c.reason = ans.Handoff.Reason
		if !strings.Contains(ans.Text, ans.Handoff.Ticket) {
			sentences = nil
		}
		return d.connect(c, ans.Handoff.Ticket, sentences)
	}
	if ans.Intent == assistant.IntentHuman {
		reason := "requested"
		if ans.Handoff != nil && ans.Handoff.Reason != "" {
			reason = ans.Handoff.Reason
		}
		return d.askConsent(c, turnPath, reason)
	}
	c.offer = ans.HandoffOffered
	c.reason = ""
	if ans.Handoff != nil {
		c.reason = ans.Handoff.Reason
	}
	c.rest = sentences
	if len(sentences) == 0 {
		c.stage = stageListen
		return []Action{d.gather(c, turnPath, Say{Text: t.HowCanIHelp, Lang: c.lang})}
	}
	return d.nextPart(c, turnPath)
}

// spoken turns an answer into the pieces to say (Parts): in the call's language,
// and a German quote inside another language announced in German ("Auf
// Deutsch steht dort:") and said with a German voice.
func (d *Dialog) spoken(lang, text string) []Say {
	var out []Say
	t := textsFor(lang)
	for _, p := range assistant.Parts(withoutCitations(text), lang) {
		o := SpeechOptions{Lang: p.Lang, LinkText: d.cfg.LinkText}
		if p.Quote {
			out = append(out, Say{Text: quoteAnnouncement, Lang: "de"})
		} else {
			// The lead facts' separator is a pause.
			p.Text = strings.ReplaceAll(p.Text, " · ", ", ")
			if len(t.Spoken) > 0 {
				p.Text = strings.NewReplacer(t.Spoken...).Replace(p.Text)
			}
			p.Text = prepareSpeech(p.Text, t)
			if t.Link != "" {
				o.LinkText = t.Link
			}
		}
		for _, s := range Parts(p.Text, o) {
			if !p.Quote {
				s = localizeList(s, t)
			}
			out = append(out, Say{Text: s, Lang: p.Lang})
		}
	}
	return out
}

// sentencesPerPart is how many pieces of Parts (sentences, or a whole
// list of up to five items) the caller hears before "Möchten Sie mehr
// wissen?".
const sentencesPerPart = 3

// nextPart speaks the next sentences of the current answer.
func (d *Dialog) nextPart(c *call, turnPath string) []Action {
	t := textsFor(c.lang)
	n := min(sentencesPerPart, len(c.rest))
	prompt := slices.Clone(c.rest[:n])
	c.rest = c.rest[n:]
	switch {
	case len(c.rest) > 0:
		c.stage = stageMore
		prompt = append(prompt, Say{Text: t.More, Lang: c.lang})
	case c.offer:
		c.stage = stageOffer
	default:
		c.stage = stageAnother
		prompt = append(prompt, Say{Text: t.Another, Lang: c.lang})
	}
	c.lastPrompt = prompt
	return []Action{d.gather(c, turnPath, prompt...)}
}

// transfer opens the ticket with the call's context and then connects the
// caller. The caller's number goes into the ticket only with consent.
func (d *Dialog) transfer(ctx context.Context, c *call, consent bool) []Action {
	var key string
	var before []Say
	if d.cfg.Transferer != nil {
		id := ConversationID(c.id)
		conv, err := d.load(ctx, id, c.lang)
		if err == nil {
			h := assistant.Handover{Reason: c.reason, Lang: c.lang}
			if consent && c.from != "" {
				h.Contact = c.from
			}
			key, err = d.cfg.Transferer.Transfer(ctx, conv, h)
		}
		if err != nil {
			d.cfg.Logger.Error("phone: transfer call", "call", c.id, "err", err)
			key = ""
		} else {
			note := "Anruf an das Service-Team übergeben, Vorgang " + key
			t := textsFor(c.lang)
			said := fmt.Sprintf(t.TicketIs, SpellKey(key))
			if consent && c.from != "" {
				note += " (Rückrufnummer gespeichert)"
				// Read the stored number back so that the caller can
				// check it.
				said += " " + fmt.Sprintf(t.CallbackAt, spellNumberIn(c.from, t))
			}
			before = say(c.lang, said)
			d.record(ctx, c, assistant.RoleSystem, note)
		}
	}
	return d.connect(c, key, before)
}

// connect tells the caller the ticket key (unless before already says it)
// and dials the desk; without a desk number the call ends.
func (d *Dialog) connect(c *call, key string, before []Say) []Action {
	t := textsFor(c.lang)
	var texts []string
	if key != "" && len(before) == 0 {
		texts = append(texts, fmt.Sprintf(t.TicketIs, SpellKey(key)))
	}
	switch {
	case d.cfg.DeskPhone != "":
		texts = append(texts, t.Connecting)
	case key != "":
		texts = append(texts, t.NoDesk)
	default:
		texts = append(texts, t.NoDeskNoCall)
	}
	var acts []Action
	for _, s := range before {
		acts = append(acts, s)
	}
	for _, s := range say(c.lang, texts...) {
		acts = append(acts, s)
	}
	if d.cfg.DeskPhone != "" {
		return append(acts, Dial{Number: d.cfg.DeskPhone, Ticket: key, CallID: c.id})
	}
	return append(acts, Hangup{})
}

// SpellKey spells a ticket key for speech: letters and digits one by one,
// the parts between dashes separated by commas, long digit runs in groups
// of three ("LOT-42" → "L O T, 4 2").
func SpellKey(key string) string {
	var parts []string
	for _, p := range strings.FieldsFunc(key, func(r rune) bool { return r == '-' || r == ' ' || r == '_' || r == '/' }) {
		if isDigits(p) && len(p) > 4 {
			for len(p) > 0 {
				n := min(3, len(p))
				parts = append(parts, spaced(p[:n]))
				p = p[n:]
			}
			continue
		}
		parts = append(parts, strings.Join(strings.Split(p, ""), " "))
	}
	return strings.Join(parts, ", ")
}

// SpellNumber spells a phone number for speech digit by digit, in groups
// of three, with "plus" for a leading "+" ("+49 176 1234" → "plus, 4 9 1,
// 7 6 1, 2 3 4").
func SpellNumber(number string) string {
	var digits []byte
	plus := strings.HasPrefix(strings.TrimSpace(number), "+")
	for i := 0; i < len(number); i++ {
		if number[i] >= '0' && number[i] <= '9' {
			digits = append(digits, number[i])
		}
	}
	var parts []string
	if plus {
		parts = append(parts, "plus")
	}
	for len(digits) > 0 {
		n := min(3, len(digits))
		parts = append(parts, spaced(string(digits[:n])))
		digits = digits[n:]
	}
	return strings.Join(parts, ", ")
}

// ends reports whether acts end the dialog (hang-up or transfer).
func ends(acts []Action) bool {
	for _, a := range acts {
		switch a.(type) {
		case Hangup, Dial:
			return true
		}
	}
	return false
}

// lookup returns the state of a call, creating it for an unknown ID (a new
// call, or one whose state expired: its transcript is still stored).
func (d *Dialog) lookup(id, from string) *call {
	now := d.cfg.Now()
	d.mu.Lock()
	defer d.mu.Unlock()
	if now.Sub(d.swept) >= d.cfg.CallTTL/4 {
		d.swept = now
		for k, c := range d.calls {
			if c.mu.TryLock() {
				if c.pending == nil && now.Sub(c.seen) > d.cfg.CallTTL {
					delete(d.calls, k)
				}
				c.mu.Unlock()
			}
		}
	}
	c, ok := d.calls[id]
	if !ok {
		c = &call{id: id, lang: "de"}
		d.calls[id] = c
	}
	if from != "" {
		c.from = from
	}
	c.seen = now
	d.report()
	return c
}

// forget drops the state of an ended call.
func (d *Dialog) forget(id string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	delete(d.calls, id)
	d.report()
}

// report updates the gauge; d.mu is held.
func (d *Dialog) report() {
	if d.cfg.Metrics != nil {
		d.cfg.Metrics.ActiveCalls(len(d.calls))
	}
}

// ActiveCalls returns the number of calls with live state.
func (d *Dialog) ActiveCalls() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.calls)
}

// Shutdown stops taking new questions and waits until every answer that
// is still running has finished, or until ctx ends; then the remaining
// answers are cancelled and ctx's error is returned. It is safe to call
// more than once.
func (d *Dialog) Shutdown(ctx context.Context) error {
	d.mu.Lock()
	d.closed = true
	d.mu.Unlock()
	done := make(chan struct{})
	go func() {
		d.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		d.cancel()
		return nil
	case <-ctx.Done():
		d.cancel()
		<-done
		return fmt.Errorf("phone: shutdown: %w", ctx.Err())
	}
}

func newID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
