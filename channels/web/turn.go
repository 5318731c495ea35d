// SPDX-License-Identifier: EUPL-1.2

package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/musterstadt/lotse/assistant"
)

// humanRequest is the text a "request_human" message sends through the
// assistant, so that its handoff policy decides what happens.
const humanRequest = "Ich möchte mit einem Menschen sprechen"

var langTag = regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?$`)

// validateMessage checks a message's text and language hint against the
// configured limit and returns the trimmed text.
func (s *Server) validateMessage(text, lang string) (string, error) {
	return validateText(text, lang, s.cfg.MaxMessageChars)
}

// conversationFullNotice starts the session that follows a full one.
const conversationFullNotice = "Dieses Gespräch ist sehr lang geworden. Damit es übersichtlich bleibt, beginnt hier ein neues Gespräch; Ihre Nachricht wurde übernommen."

// turn runs msg in sess like runTurn. When sess's conversation has reached
// MaxConversationEntries, it first moves the session's sockets to a new
// session (see rotate) and runs msg there. It returns the session that ran
// the turn and whether that is a new one.
func (s *Server) turn(ctx context.Context, sess *session, msg assistant.Message, simple *bool) (*session, bool, *assistant.Answer, error) {
	ans, err := s.runTurn(ctx, sess, msg, simple)
	if !errors.Is(err, errConversationFull) {
		return sess, false, ans, err
	}
	next, err := s.rotate(sess)
	if err != nil {
		return sess, false, nil, s.turnFailed(ctx, sess, err)
	}
	ans, err = s.runTurn(ctx, next, msg, simple)
	if errors.Is(err, errConversationFull) { // only with a limit below one turn
		err = s.turnFailed(ctx, next, err)
	}
	return next, true, ans, err
}

// rotate ends a session whose conversation is full: it creates the
// session's successor (once; later calls return the same one), whose first
// event is a notice saying why, and moves every socket attached to old over
// to it with a "resumed" event, exactly as if the client had resumed the
// new session. A client that later resumes old is led to the successor as
// well (see resume). The stored conversation of old is kept unchanged.
func (s *Server) rotate(old *session) (*session, error) {
	var fresh *session
	if s.cfg.Sessions != nil {
		// Every instance derives the same successor; the conversation lock
		// (held by the caller's turn) lets only one create it.
		tok := successorToken(old.token)
		if found, ok := s.hub.lookup(tok, old.audience, old.userID); ok {
			old.mu.Lock()
			if old.successor == nil {
				old.successor = found
			}
			old.mu.Unlock()
		} else {
			fresh = s.hub.createWithToken(tok, old.audience, old.userID)
			s.hub.markRotated(old)
		}
	} else {
		fresh = s.hub.create(old.audience, old.userID)
	}
	old.mu.Lock()
	next := old.successor
	if next == nil {
		old.successor = fresh
		next = fresh
	}
	conns := make([]*conn, 0, len(old.conns))
	for c := range old.conns {
		conns = append(conns, c)
	}
	old.mu.Unlock()
	if next == fresh {
		fresh.touch(s.cfg.Now())
		fresh.publish(&event{Type: "notice", Text: conversationFullNotice}, s.hub.ringSize, s.cfg.Now())
		s.log.Info("web: conversation full, new session started", "conversation", old.convID, "next", fresh.convID)
	} else if fresh != nil {
		s.hub.discardUnused(fresh)
	}
	if _, ok := s.hub.lookup(next.token, next.audience, next.userID); !ok {
		return nil, errSessionExpired // the successor itself has expired
	}
	for _, c := range conns {
		s.moveConn(c, old, next)
	}
	return next, nil
}

// moveConn moves c from session from to session to, if it is still
// attached to from, and replays to's events to it after a "resumed".
func (s *Server) moveConn(c *conn, from, to *session) {
	if !c.swapSession(from, to) {
		return
	}
	now := s.cfg.Now()
	from.detach(c, now)
	var zero int64
	data, _ := json.Marshal(&event{Type: "resumed", Session: to.token, Text: s.cfg.Disclosure(c.lang), LastSeq: &zero})
	to.attach(c, 0, data, now)
}

// runTurn runs one turn of sess's conversation: it loads the conversation,
// streams the Chatter's output to the session's sockets (tokens live,
// everything else numbered and buffered for resume), saves the
// conversation (before the answer is published or returned; a failed save
// fails the turn) and returns the final answer. REST and WebSocket share it
// (through turn). When the conversation already holds
// MaxConversationEntries entries it does nothing and returns
// errConversationFull.
func (s *Server) runTurn(ctx context.Context, sess *session, msg assistant.Message, simple *bool) (*assistant.Answer, error) {
	sess.touch(s.cfg.Now())
	unlock := s.hub.lockConv(sess.convID)
	defer unlock()

	conv, err := s.loadConversation(ctx, sess)
	if err == nil && len(conv.Entries) >= s.cfg.MaxConversationEntries {
		return nil, errConversationFull // the caller moves on to a new session
	}
	// Echo the user's message as a numbered event, so that every socket of
	// the session (and one that resumes later) shows the whole dialog.
	sess.publish(&event{Type: "user_message", Text: msg.Text}, s.hub.ringSize, s.cfg.Now())
	if err != nil {
		return nil, s.turnFailed(ctx, sess, err)
	}
	if simple != nil {
		conv.Simple = *simple
	}
	if msg.Lang != "" {
		conv.Lang = msg.Lang
	}

	answerID := newToken()[:12]
	// The AI disclosure that opens a first answer is already shown by the
	// client (welcome.text); the socket gets the answer without it.
	disclosure := s.cfg.Disclosure(msg.Lang) + "\n\n"
	var final *assistant.Answer
	err = func() (err error) {
		defer func() {
			if v := recover(); v != nil {
				err = fmt.Errorf("web: chatter panicked: %v", v)
			}
		}()
		for ch, err := range s.cfg.Chat.Turn(ctx, conv, msg) {
			if err != nil {
				return err
			}
			switch ch.Kind {
			case assistant.ChunkToken:
				if ch.Text != disclosure {
					sess.broadcast(&event{Type: "token", Text: ch.Text, AnswerID: answerID})
				}
			case assistant.ChunkNotice:
				sess.publish(&event{Type: "notice", Text: ch.Text}, s.hub.ringSize, s.cfg.Now())
			case assistant.ChunkAnswer:
				final = ch.Answer
			}
		}
		if final == nil {
			return errors.New("web: turn ended without an answer")
		}
		return nil
	}()
	if err != nil {
		return nil, s.turnFailed(ctx, sess, err)
	}

	conv.UpdatedAt = s.cfg.Now()
	// The user's message is stored before any answer goes out: when the
	// store fails, the user gets an error ("try again") instead of an
	// answer to a message that would be lost.
	if err := s.cfg.Store.Save(ctx, conv); err != nil {
		return nil, s.turnFailed(ctx, sess, fmt.Errorf("web: saving conversation %s: %w", conv.ID, err))
	}
	sess.remember(recordOf(answerID, msg.Text, final))
	// While an agent holds the conversation the assistant says nothing:
	// no answer event then (the notice said why).
	if strings.TrimSpace(final.Text) != "" || len(final.Sources) > 0 {
		ev := newAnswerEvent(answerID, final)
		ev.Text = strings.TrimPrefix(ev.Text, s.cfg.Disclosure(final.Lang)+"\n\n")
		sess.publish(ev, s.hub.ringSize, s.cfg.Now())
	}
	if h := final.Handoff; h != nil {
		text := "Ihr Anliegen wurde an einen Menschen weitergegeben."
		if h.Ticket != "" {
			text = "Ihr Anliegen wurde an einen Menschen weitergegeben. Ihre Vorgangsnummer: " + h.Ticket
		}
		sess.publish(&event{Type: "handoff", State: "requested", Ticket: h.Ticket, Text: text}, s.hub.ringSize, s.cfg.Now())
	}
	return final, nil
}

// turnFailed logs err once, tells the session's sockets (numbered, so a
// reconnecting client learns it too) and returns the *Error for REST.
func (s *Server) turnFailed(ctx context.Context, sess *session, err error) error {
	e, internal := appError(err)
	if internal {
		s.log.ErrorContext(ctx, "web: turn failed", "conversation", sess.convID, "err", err)
	}
	sess.publish(errorEvent(e), s.hub.ringSize, s.cfg.Now())
	return e
}

// loadConversation loads sess's conversation or starts it (without asking
// the store when the session's conversation is certainly not stored yet).
func (s *Server) loadConversation(ctx context.Context, sess *session) (*assistant.Conversation, error) {
	var conv *assistant.Conversation
	err := assistant.ErrNotFound
	if !sess.takeUnstored() {
		conv, err = s.cfg.Store.Load(ctx, sess.convID)
	}
	switch {
	case errors.Is(err, assistant.ErrNotFound):
		now := s.cfg.Now()
		return &assistant.Conversation{
			ID:        sess.convID,
			Audience:  sess.audience,
			Channel:   "web",
			UserID:    sess.userID,
			CreatedAt: now,
			UpdatedAt: now,
		}, nil
	case err != nil:
		return nil, fmt.Errorf("web: loading conversation %s: %w", sess.convID, err)
	}
	// The audience was fixed when the session was created; a stored
	// conversation can never widen it.
	if conv.Audience != sess.audience {
		return nil, fmt.Errorf("web: conversation %s has audience %q, session %q", conv.ID, conv.Audience, sess.audience)
	}
	return conv, nil
}

// AgentMessage appends a desk agent's message to the stored conversation
// convID and sends it, numbered and buffered, to the conversation's live
// sockets. It returns an error wrapping assistant.ErrNotFound when the
// conversation is not stored, and an *Error for an empty or too long text.
func (s *Server) AgentMessage(ctx context.Context, convID, from, text string) error {
	text, err := s.validateMessage(text, "")
	if err != nil {
		return err
	}
	unlock := s.hub.lockConv(convID)
	defer unlock()
	conv, err := s.cfg.Store.Load(ctx, convID)
	if err != nil {
		return fmt.Errorf("web: agent message to %s: %w", convID, err)
	}
	now := s.cfg.Now()
	conv.Entries = append(conv.Entries, assistant.Entry{Role: assistant.RoleAgent, Text: text, At: now})
	conv.UpdatedAt = now
	if err := s.cfg.Store.Save(ctx, conv); err != nil {
		return fmt.Errorf("web: agent message to %s: %w", convID, err)
	}
	s.publishConv(convID, &event{Type: "agent_message", Text: text, From: from}, now)
	return nil
}

// AgentTyping tells the live sockets of conversation convID that the desk
// agent from is typing a reply (an "agent_typing" event, not numbered and
// not stored: it only matters now). It does nothing when nobody is
// connected.
func (s *Server) AgentTyping(convID, from string) {
	if s.cfg.Notifier != nil && s.cfg.Sessions != nil {
		// Whichever instance holds the sockets shows it (this one too,
		// through its own note).
		ctx, cancel := context.WithTimeout(s.baseCtx, sharedTimeout)
		defer cancel()
		if err := s.cfg.Notifier.Notify(ctx, Note{Kind: NoteTyping, ConversationID: convID, From: from}); err != nil {
			s.log.Warn("web: notifying other instances", "conversation", convID, "err", err)
		}
		return
	}
	if sess, ok := s.hub.conversation(convID); ok {
		sess.broadcast(&event{Type: "agent_typing", From: from})
	}
}

// SetAgentHeld marks the stored conversation convID as held by a desk agent
// (the assistant stays silent) or released, and tells its live sockets with
// a "handoff" event (agent_joined or agent_left). Errors as AgentMessage.
func (s *Server) SetAgentHeld(ctx context.Context, convID string, held bool, agentName string) error {
	unlock := s.hub.lockConv(convID)
	defer unlock()
	conv, err := s.cfg.Store.Load(ctx, convID)
	if err != nil {
		return fmt.Errorf("web: set agent held %s: %w", convID, err)
	}
	now := s.cfg.Now()
	conv.AgentHeld = held
	conv.UpdatedAt = now
	state, text := "agent_left", "Das Gespräch wird wieder vom digitalen Assistenten geführt."
	if held {
		state, text = "agent_joined", "Eine Mitarbeiterin oder ein Mitarbeiter des Service-Teams hat das Gespräch übernommen."
		if agentName != "" {
			text = agentName + " vom Service-Team hat das Gespräch übernommen."
		}
	}
	conv.Entries = append(conv.Entries, assistant.Entry{Role: assistant.RoleSystem, Text: text, At: now})
	if err := s.cfg.Store.Save(ctx, conv); err != nil {
		return fmt.Errorf("web: set agent held %s: %w", convID, err)
	}
	s.publishConv(convID, &event{Type: "handoff", State: state, From: agentName, Text: text}, now)
	return nil
}

// publishConv publishes ev to conversation convID: through the shared
// store to whichever instance holds its sockets, or to the live session
// here, if any.
func (s *Server) publishConv(convID string, ev seqEvent, now time.Time) {
	if s.cfg.Sessions != nil {
		s.publishShared(convID, ev, now)
		return
	}
	if sess, ok := s.hub.conversation(convID); ok {
		sess.publish(ev, s.hub.ringSize, now)
	}
}
