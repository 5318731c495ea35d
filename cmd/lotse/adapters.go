// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"context"
	"fmt"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/channels/desk"
	"github.com/musterstadt/lotse/channels/web"
	"github.com/musterstadt/lotse/ticketing"
)

// storeError marks an error of a database that cannot be reached as
// assistant.ErrUnavailable, so that channels answer with a clear "try
// again" rather than an internal error.
func storeError(err error) error {
	if err != nil && ticketing.IsUnavailable(err) {
		return fmt.Errorf("%w: %w", assistant.ErrUnavailable, err)
	}
	return err
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
