// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/channels/desk"
	"github.com/musterstadt/lotse/channels/web"
	"github.com/musterstadt/lotse/ticketing"
)

// conversationStore keeps assistant conversations in the ticketing SQLite
// store, as an opaque JSON document plus the columns retention needs. With
// redact set, personal data in user and agent messages is replaced by typed
// placeholders before anything is written (LOTSE_REDACT_TRANSCRIPTS); the
// user then sees the redacted text when a conversation is resumed.
type conversationStore struct {
	st     *ticketing.Store
	redact bool
}

var _ assistant.ConversationStore = conversationStore{}

// storeError marks an error of a database that cannot be reached as
// assistant.ErrUnavailable, so that channels answer with a clear "try
// again" rather than an internal error.
func storeError(err error) error {
	if err != nil && ticketing.IsUnavailable(err) {
		return fmt.Errorf("%w: %w", assistant.ErrUnavailable, err)
	}
	return err
}

func (c conversationStore) Load(ctx context.Context, id string) (*assistant.Conversation, error) {
	rec, err := c.st.LoadConversation(ctx, id)
	if errors.Is(err, ticketing.ErrNotFound) {
		return nil, assistant.ErrNotFound
	}
	if err != nil {
		return nil, storeError(err)
	}
	var conv assistant.Conversation
	if err := json.Unmarshal(rec.Data, &conv); err != nil {
		return nil, fmt.Errorf("conversation %s: decode: %w", id, err)
	}
	return &conv, nil
}

func (c conversationStore) Save(ctx context.Context, conv *assistant.Conversation) error {
	if c.redact {
		red := *conv
		red.Entries = make([]assistant.Entry, len(conv.Entries))
		for i, e := range conv.Entries {
			if e.Role == assistant.RoleUser || e.Role == assistant.RoleAgent {
				e.Text = assistant.Redact(e.Text)
			}
			red.Entries[i] = e
		}
		conv = &red
	}
	data, err := json.Marshal(conv)
	if err != nil {
		return fmt.Errorf("conversation %s: encode: %w", conv.ID, err)
	}
	return storeError(c.st.SaveConversation(ctx, ticketing.ConversationRecord{
		ID:        conv.ID,
		Audience:  string(conv.Audience),
		Channel:   conv.Channel,
		UserID:    conv.UserID,
		Data:      data,
		CreatedAt: conv.CreatedAt,
		UpdatedAt: conv.UpdatedAt,
	}))
}

// tickets is the assistant's view of the ticket service; it counts the
// tickets opened through it.
func tickets(svc *ticketing.Service, m *metrics) ticketing.AssistantTickets {
	return svc.ForAssistant(func(t ticketing.Ticket) {
		if m != nil {
			m.tickets.WithLabelValues(t.Kind, t.Priority).Inc()
		}
	})
}

// webMetrics adapts the registry to the web channel's gauge.
type webMetrics struct{ m *metrics }

func (w webMetrics) ConnOpened() { w.m.wsConnections.Inc() }
func (w webMetrics) ConnClosed() { w.m.wsConnections.Dec() }

// phoneMetrics adapts the registry to the phone channel's gauge.
type phoneMetrics struct{ m *metrics }

func (p phoneMetrics) ActiveCalls(n int) { p.m.activeCalls.Set(float64(n)) }

// feedbackSink forwards the web widget's thumbs-down ratings to the desk's
// knowledge-gap report; thumbs-up only count in the log. It reads the desk
// from the app when a rating arrives, because the web channel is built
// before the desk.
type feedbackSink struct{ a *app }

var _ web.FeedbackSink = feedbackSink{}

func (f feedbackSink) Record(ctx context.Context, fb web.Feedback) error {
	if fb.Rating != "down" {
		return nil
	}
	if f.a.desk == nil {
		return nil
	}
	return f.a.desk.RecordFeedback(ctx, desk.Feedback{
		ConversationID: fb.ConversationID,
		Question:       fb.Question,
		Answer:         fb.Answer,
		Comment:        fb.Comment,
		Audience:       string(fb.Audience),
		At:             fb.At,
	})
}
