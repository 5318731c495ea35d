// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/knowledge/german"
)

// MaxMessageRunes is the longest message Turn accepts.
const MaxMessageRunes = 4000

// Errors Turn returns for bad input. Channels map them to their own
// output (HTTP 400 and 413); the conversation is not changed.
var (
	ErrEmptyMessage = errors.New("assistant: empty message")
	ErrTooLong      = fmt.Errorf("assistant: message longer than %d characters", MaxMessageRunes)
)

// Answer modes besides those of the LLM path.
const (
	modeExtractive = "extractive"
	modeAgent      = "agent"
)

// Slot keys the assistant owns in Conversation.Slots. All other keys belong
// to ticketing's incident intake and are passed to it untouched.
const (
	slotIntake         = "intake"          // "active" while an incident intake runs
	slotHandoffOffer   = "handoff_offer"   // reason of a handoff offered last turn
	slotHandoffPending = "handoff_pending" // reason of an escalation that failed
)

func ownSlot(k string) bool {
	return k == slotIntake || k == slotHandoffOffer || k == slotHandoffPending || k == slotContactFor
}

// turn is the state of one Turn call.
type turn struct {
	conv   *Conversation
	raw    string // the text as the user sent it
	red    string // the same text with personal data redacted, as the engine reads it
	desk   string // red before a letter's signature and what the asker sets aside are cut (withoutSignature, german.DropDenied): for people and models
	query  string // red, plus German key terms for a question in another language
	lang   string
	m      *messages
	sig    signals  // signals(red); understand reuses its words
	lex    *lexicon // the lexicon the turn reads through, with its memo (lexicon.reading); nil: the Assistant's
	first  bool     // no assistant answer yet in this conversation
	emit   func(Chunk) bool
	prefix []string // sentences to put before the answer (retried handoff)
	conf   float64
}

// Turn answers one user message. It streams typed chunks; the last chunk
// is always a ChunkAnswer whose Answer.Text is authoritative (ChunkToken
// pieces are only a preview and occur when a model streams). A bad message
// ends the stream with ErrEmptyMessage or ErrTooLong and changes nothing;
// a cancelled ctx ends it with ctx's error, after the user's entry has been
// recorded.
//
// Turn appends the user's entry (text as sent) and, unless an agent holds
// the conversation, the assistant's entry to conv.Entries, and updates
// conv.Lang, conv.Focus, conv.Unhelpful, conv.Slots and conv.UpdatedAt.
// The caller saves conv afterwards.
func (a *Assistant) Turn(ctx context.Context, conv *Conversation, msg Message) iter.Seq2[Chunk, error] {
	return func(yield func(Chunk, error) bool) {
		open := true
		emit := func(c Chunk) bool {
			if open {
				open = yield(c, nil)
			}
			return open
		}
		ans, err := a.run(ctx, conv, msg, emit)
		if !open {
			return
		}
		if err != nil {
			yield(Chunk{}, err)
			return
		}
		yield(Chunk{Kind: ChunkAnswer, Answer: &ans}, nil)
	}
}

// Ask runs Turn to the end and returns its answer; it is the entry point
// for REST, evals and the phone channel.
func (a *Assistant) Ask(ctx context.Context, conv *Conversation, msg Message) (Answer, error) {
	for c, err := range a.Turn(ctx, conv, msg) {
		if err != nil {
			return Answer{}, err
		}
		if c.Kind == ChunkAnswer && c.Answer != nil {
			return *c.Answer, nil
		}
	}
	return Answer{}, errors.New("assistant: turn ended without an answer")
}

// run is one turn, in order: validate, redact, language, agent hold,
// pending handoff, classify, route, disclose, record.
func (a *Assistant) run(ctx context.Context, conv *Conversation, msg Message, emit func(Chunk) bool) (Answer, error) {
	if conv == nil {
		return Answer{}, errors.New("assistant: nil conversation")
	}
	if strings.TrimSpace(msg.Text) == "" {
		return Answer{}, ErrEmptyMessage
	}
	if utf8.RuneCountInString(msg.Text) > MaxMessageRunes {
		return Answer{}, ErrTooLong
	}
	if err := ctx.Err(); err != nil {
		return Answer{}, err
	}
	now := a.cfg.Now()
	if conv.CreatedAt.IsZero() {
		conv.CreatedAt = now
	}
	text := msg.Text
	if prev, ok := unfinished(conv, text, now); ok {
		// The previous message stopped mid-sentence: this one goes on.
		text = prev + " " + text
	}
	// A dictated message spells its punctuation out ("… abgegeben Punkt
	// wie lange dauert das Fragezeichen"): the marks tell its sentences and
	// its question apart.
	red := Redact(german.Undictate(stripMarkup(text)))
	lx := a.lex.reading()
	lang := lx.detectLang(red, msg.Lang, conv.Lang)
	conv.Lang = lang
	desk := red
	if lang == "de" {
		spelled := a.spellBack(a.joinParts(red))
		desk = a.stripFrames(lx, spelled)
		// "Anm. neue Whg welche Unterl.?", "am Do. um 16:30": the words
		// cut short are read in full (before the frame is set aside: the
		// dot of "Do." ends no sentence); the desk reads them as typed.
		full := a.unabbreviate(spelled)
		red = desk
		if full != spelled {
			red = a.stripFrames(lx, full)
		}
		if unsigned := a.withoutSignature(full); unsigned != full {
			// A letter's signature is no part of the request; the desk
			// still reads it (the name to reply to).
			red = a.stripFrames(lx, unsigned)
		}
		// "nicht abmelden, sondern ummelden": what the asker sets aside
		// names nothing they ask about; the desk still reads it.
		red = german.DropDenied(red)
	}
	t := &turn{conv: conv, raw: msg.Text, red: red, desk: desk, query: red, lang: lang, m: a.texts.msgsFor(lang, conv.Simple), sig: lx.signals(red), lex: lx, emit: emit}
	if lang != "de" {
		// The sources are German; key terms of the question are added in
		// German so that retrieval and name matching find them.
		if de := lx.germanTerms(red); de != "" {
			t.query = red + " " + de
		}
	}
	if t.sig.citizenOOS && conv.Audience == knowledge.Citizen {
		// A citizen's home internet is the provider's; an employee's
		// is an outage for the IT desk.
		t.sig.outOfScope = true
	}
	t.first = true
	for _, e := range conv.Entries {
		if e.Role == RoleAssistant {
			t.first = false
			break
		}
	}
	if t.first && t.sig.replyFrustration {
		// "kam grad schon wieder die Meldung" tells of the asker's
		// trouble; only after an answer does it say the answer failed.
		t.sig.frustration = false
	}
	userEntry := Entry{Role: RoleUser, Text: msg.Text, At: now}
	defer func() { conv.UpdatedAt = a.cfg.Now() }()

	if conv.AgentHeld {
		conv.Entries = append(conv.Entries, userEntry)
		emit(Chunk{Kind: ChunkNotice, Text: t.m.AgentHeld})
		return Answer{Mode: modeAgent, Lang: lang}, nil
	}

	ans, err := a.route(ctx, t)
	conv.Entries = append(conv.Entries, userEntry)
	if err != nil {
		a.cfg.Logger.Warn("assistant: turn failed", "conversation", conv.ID, "err", err)
		return Answer{}, err
	}
	ans.Lang = lang
	if ans.Mode == "" {
		ans.Mode = modeExtractive
	}
	if len(t.prefix) > 0 {
		ans.Text = strings.Join(append(t.prefix, ans.Text), "\n\n")
	}
	if t.first {
		ans.Text = t.m.Disclosure + "\n\n" + ans.Text
	}
	a.rememberOffer(t, ans)
	conv.Entries = append(conv.Entries, Entry{
		Role: RoleAssistant, Text: ans.Text, Intent: ans.Intent, Sources: ans.Sources, At: a.cfg.Now(),
		Verification: ans.Verification,
	})
	if a.cfg.Metrics != nil {
		a.cfg.Metrics.Answered(ans.Intent, ans.Mode)
		if ans.HandoffOffered && ans.Handoff != nil {
			a.cfg.Metrics.Handoff(ans.Handoff.Reason)
		}
	}
	// The arguments are boxed only for a logger that writes them: a turn
	// logged at a level below the logger's would allocate a dozen values
	// for nothing.
	if a.cfg.Logger.Enabled(ctx, slog.LevelInfo) {
		a.cfg.Logger.Info("assistant: turn",
			"conversation", conv.ID, "channel", conv.Channel, "intent", ans.Intent, "mode", ans.Mode,
			"lang", lang, "confidence", ans.Confidence, "retrieved", ans.Retrieved, "handoff", ans.HandoffOffered)
	}
	if a.cfg.Logger.Enabled(ctx, slog.LevelDebug) {
		a.cfg.Logger.Debug("assistant: question", "conversation", conv.ID, "text", red)
	}
	return ans, nil
}

var (
	scriptRE = regexp.MustCompile(`(?is)<(script|style)\b.*?(</(script|style)\s*>|$)`)
	tagRE    = regexp.MustCompile(`(?s)<[a-zA-Z!/][^<>]*>`)
)

// stripMarkup removes HTML tags, scripts and styles from a message before
// it is analysed: "<img src=x onerror=…> Wo ist das Bürgerbüro?" is a
// question about the Bürgerbüro. The stored entry keeps what was sent;
// escaping is the channels' job.
func stripMarkup(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	s = scriptRE.ReplaceAllString(s, " ")
	s = tagRE.ReplaceAllString(s, " ")
	if strings.TrimSpace(s) == "" {
		return "…"
	}
	return strings.Join(strings.Fields(s), " ")
}

// rememberOffer notes an open handoff offer so that a plain "ja" next turn
// accepts it.
func (a *Assistant) rememberOffer(t *turn, ans Answer) {
	if ans.HandoffOffered && ans.Handoff != nil && ans.Handoff.Ticket == "" && a.cfg.Tickets != nil && ans.Intent != IntentHuman {
		setSlot(t.conv, slotHandoffOffer, ans.Handoff.Reason)
		return
	}
	deleteSlot(t.conv, slotHandoffOffer)
}

// route decides what kind of turn this is and runs it.
func (a *Assistant) route(ctx context.Context, t *turn) (Answer, error) {
	conv := t.conv
	if reason := conv.Slots[slotHandoffPending]; reason != "" && a.cfg.Tickets != nil {
		if err := a.retryEscalation(ctx, t, reason); err != nil {
			return Answer{}, err
		}
	}

	if conv.Slots[slotContactFor] != "" {
		// A contact given after the handoff belongs to its ticket; it is
		// not a new question.
		if ans, ok, err := a.takeContact(ctx, t); err != nil || ok {
			return ans, err
		}
	}

	offered := conv.Slots[slotHandoffOffer]
	if offered != "" && t.sig.affirm {
		return a.handoff(ctx, t, IntentHuman, offered)
	}

	intent, ok := Intent(""), false
	if a.cfg.Model != nil {
		intent, ok = a.classifyLLM(ctx, t.desk, t.lang)
		if err := ctx.Err(); err != nil {
			return Answer{}, err
		}
	}
	if !ok {
		intent, ok = t.sig.ruleIntent(conv.Audience)
	}
	if !ok {
		intent = IntentServiceInfo
	}

	if conv.Slots[slotIntake] != "" && intent != IntentHuman && intent != IntentTicketStatus {
		return a.incident(ctx, t)
	}
	switch intent {
	case IntentAbuse:
		return a.fixed(t, IntentAbuse, t.m.Abuse), nil
	case IntentSmalltalk:
		return a.smalltalk(t), nil
	case IntentHuman:
		return a.handoff(ctx, t, IntentHuman, "requested")
	case IntentTicketStatus:
		return a.ticketStatus(ctx, t)
	case IntentITIncident:
		return a.incident(ctx, t)
	case IntentOutOfScope:
		return a.fixed(t, IntentOutOfScope, t.m.OutOfScope), nil
	}
	return a.serve(ctx, t, intent)
}

// fixed is an answer made of one fixed sentence.
func (a *Assistant) fixed(t *turn, intent Intent, text string) Answer {
	return Answer{Text: text, Intent: intent, Confidence: 1}
}

func (a *Assistant) smalltalk(t *turn) Answer {
	text := t.m.Ack
	switch t.sig.smalltalk {
	case "greet":
		text = t.m.Greet
	case "thanks":
		text = t.m.Thanks
	case "bye":
		text = t.m.Bye
	case "who":
		text = t.m.Who
	}
	return a.fixed(t, IntentSmalltalk, text)
}

func setSlot(c *Conversation, k, v string) {
	if c.Slots == nil {
		c.Slots = map[string]string{}
	}
	c.Slots[k] = v
}

func deleteSlot(c *Conversation, k string) {
	delete(c.Slots, k)
	if len(c.Slots) == 0 {
		c.Slots = nil
	}
}

// isCtxErr reports whether err comes from a cancelled or expired context.
func isCtxErr(ctx context.Context, err error) bool {
	return ctx.Err() != nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// retrievedIDs returns the document IDs of a retrieval in rank order.
func retrievedIDs(r retrieval) []string { return append([]string(nil), r.docIDs...) }

// audience returns the conversation's audience; anything but Employee is
// treated as Citizen.
func audience(c *Conversation) knowledge.Audience {
	if c.Audience == knowledge.Employee {
		return knowledge.Employee
	}
	return knowledge.Citizen
}
