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

func (c conversationStore) Load(ctx context.Context, id string) (*assistant.Conversation, error) {
	rec, err := c.st.LoadConversation(ctx, id)
	if errors.Is(err, ticketing.ErrNotFound) {
		return nil, assistant.ErrNotFound
	}
	if err != nil {
		return nil, err
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
	return c.st.SaveConversation(ctx, ticketing.ConversationRecord{
		ID:        conv.ID,
		Audience:  string(conv.Audience),
		Channel:   conv.Channel,
		UserID:    conv.UserID,
		Data:      data,
		CreatedAt: conv.CreatedAt,
		UpdatedAt: conv.UpdatedAt,
	})
}

// tickets adapts ticketing.Service to assistant.Tickets. The two packages
// mirror each other's types field by field; this is the only place that
// knows both.
type tickets struct {
	svc *ticketing.Service
	m   *metrics
}

var _ assistant.Tickets = tickets{}

func (t tickets) Escalate(ctx context.Context, e assistant.Escalation) (string, error) {
	tk, err := t.svc.Escalate(ctx, ticketing.Escalation{
		ConversationID: e.ConversationID,
		Channel:        e.Channel,
		Audience:       string(e.Audience),
		UserID:         e.UserID,
		Lang:           e.Lang,
		Intent:         string(e.Intent),
		Reason:         e.Reason,
		Summary:        e.Summary,
		Transcript:     transcript(e.Transcript),
		Sources:        sources(e.Sources),
		Confidence:     e.Confidence,
		Contact:        e.Contact,
	})
	if err != nil {
		return "", err
	}
	if t.m != nil {
		t.m.tickets.WithLabelValues(tk.Kind, tk.Priority).Inc()
	}
	return tk.Key, nil
}

func (t tickets) Incident(ctx context.Context, s assistant.IncidentStep) (assistant.IncidentReply, error) {
	r, err := t.svc.Incident(ctx, ticketing.IncidentStep{
		ConversationID: s.ConversationID,
		UserID:         s.UserID,
		Lang:           s.Lang,
		Slots:          s.Slots,
		Text:           s.Text,
		Transcript:     transcript(s.Transcript),
	})
	if err != nil {
		return assistant.IncidentReply{}, err
	}
	if r.TicketKey != "" && t.m != nil {
		t.m.tickets.WithLabelValues("incident", r.Priority).Inc()
	}
	return assistant.IncidentReply{
		Slots:     r.Slots,
		Text:      r.Text,
		Done:      r.Done,
		TicketKey: r.TicketKey,
		OutageID:  r.OutageID,
		Priority:  r.Priority,
	}, nil
}

func (t tickets) Status(ctx context.Context, key string, r assistant.Requester) (assistant.TicketStatus, error) {
	st, err := t.svc.Status(ctx, key, ticketing.Requester{ConversationID: r.ConversationID, UserID: r.UserID})
	if errors.Is(err, ticketing.ErrNotFound) {
		return assistant.TicketStatus{}, assistant.ErrNotFound
	}
	if err != nil {
		return assistant.TicketStatus{}, err
	}
	return assistant.TicketStatus{Key: st.Key, Status: st.Status, Summary: st.Summary, Updated: st.Updated}, nil
}

func transcript(es []assistant.Entry) []ticketing.Message {
	out := make([]ticketing.Message, 0, len(es))
	for _, e := range es {
		out = append(out, ticketing.Message{Role: string(e.Role), Text: e.Text, At: e.At})
	}
	return out
}

func sources(ss []assistant.Source) []ticketing.Source {
	out := make([]ticketing.Source, 0, len(ss))
	for _, s := range ss {
		out = append(out, ticketing.Source{ID: s.ID, Title: s.Title, URL: s.URL})
	}
	return out
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
