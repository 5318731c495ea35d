// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/musterstadt/lotse/assistant"
)

// This file is ticketing's side of the IT incident intake. The dialog
// itself (slot filling, known-outage questions, confirmation) is the
// assistant's; ticketing answers from the catalog, computes the priority
// and keeps tickets and outages. *Service implements assistant.ITCatalog
// and, through cmd/lotse, assistant.Tickets.

var (
	_ assistant.ITCatalog       = (*Service)(nil)
	_ assistant.Tickets         = AssistantTickets{}
	_ assistant.ContactAttacher = AssistantTickets{}
)

// AssistantTickets is the assistant's view of a Service: assistant.Tickets
// and assistant.ITCatalog. It returns ticket keys where the Service returns
// tickets.
type AssistantTickets struct {
	*Service
	onTicket func(Ticket)
}

// ForAssistant returns the Service as the assistant uses it. onTicket, when
// not nil, is called with every ticket opened through it (cmd/lotse counts
// them).
func (s *Service) ForAssistant(onTicket func(Ticket)) AssistantTickets {
	return AssistantTickets{Service: s, onTicket: onTicket}
}

// Escalate commits an escalation ticket (see Service.Escalate) and returns
// its key.
func (a AssistantTickets) Escalate(ctx context.Context, e assistant.Escalation) (string, error) {
	t, err := a.Service.Escalate(ctx, e)
	if err != nil {
		return "", err
	}
	a.opened(t)
	return t.Key, nil
}

// OpenIncident commits an incident ticket (see Service.OpenIncident) and
// returns its key.
func (a AssistantTickets) OpenIncident(ctx context.Context, in assistant.Incident) (string, error) {
	t, err := a.Service.OpenIncident(ctx, in)
	if err != nil {
		return "", err
	}
	a.opened(t)
	return t.Key, nil
}

// Status returns the status of the ticket if r reported it (see
// Service.Status), with assistant.ErrNotFound for an unknown key or a
// ticket of somebody else.
func (a AssistantTickets) Status(ctx context.Context, key string, r assistant.Requester) (assistant.TicketStatus, error) {
	st, err := a.Service.Status(ctx, key, r)
	if errors.Is(err, ErrNotFound) {
		return assistant.TicketStatus{}, assistant.ErrNotFound
	}
	return st, err
}

// AttachContact sets the contact of the ticket if r reported it (see
// Service.AttachContact), with assistant.ErrNotFound for an unknown key or
// a ticket of somebody else.
func (a AssistantTickets) AttachContact(ctx context.Context, key, contact string, r assistant.Requester) error {
	err := a.Service.AttachContact(ctx, key, contact, r)
	if errors.Is(err, ErrNotFound) {
		return assistant.ErrNotFound
	}
	return err
}

func (a AssistantTickets) opened(t Ticket) {
	if a.onTicket != nil {
		a.onTicket(t)
	}
}

// MatchService returns the ID of the catalog service the text talks about
// (see Catalog.Match).
func (s *Service) MatchService(text string) (string, bool) {
	svc, ok := s.catalog.Match(text)
	return svc.ID, ok
}

// AsksWhere reports whether the intake asks where the incident is: for a
// catalog service marked onsite, not for software, remote services or a
// service the catalog does not know.
func (s *Service) AsksWhere(id string) bool {
	svc, ok := s.catalog.Service(id)
	return ok && svc.OnSite
}

// ServiceName returns the display name of the catalog service in lang, or
// "" for an unknown ID.
func (s *Service) ServiceName(id, lang string) string {
	if svc, ok := s.catalog.Service(id); ok {
		return svc.DisplayName(lang)
	}
	return ""
}

// IncidentPriority returns the priority of an incident with the slots: the
// ITIL matrix over the impact of others_affected and the urgency of
// can_work and the service's criticality.
func (s *Service) IncidentPriority(slots map[string]string) string {
	_, _, p := s.triage(slots)
	return p
}

// triage computes impact, urgency and priority from the slots.
func (s *Service) triage(slots map[string]string) (impact, urgency int, priority string) {
	svc, _ := s.catalog.Service(slots[assistant.SlotService])
	impact = Impact(slots[assistant.SlotOthersAffected])
	urgency = Urgency(slots[assistant.SlotCanWork], svc.Critical)
	return impact, urgency, Priority(impact, urgency)
}

// OpenIncident commits the incident ticket of a finished intake, together
// with its outbox rows, and returns it. The priority is computed here from
// the slots; summary and description are the assistant's. Only slots with
// a Slot* name are stored.
func (s *Service) OpenIncident(ctx context.Context, in assistant.Incident) (Ticket, error) {
	slots := map[string]string{}
	for _, k := range []string{assistant.SlotService, assistant.SlotSymptom, assistant.SlotSince,
		assistant.SlotLocation, assistant.SlotOthersAffected, assistant.SlotCanWork} {
		if v := in.Slots[k]; v != "" {
			slots[k] = v
		}
	}
	impact, urgency, p := s.triage(slots)
	t := Ticket{
		Kind:           KindIncident,
		Priority:       p,
		Status:         StatusNew,
		Audience:       "employee",
		Channel:        in.Channel,
		Lang:           in.Lang,
		Summary:        truncate(oneLine(in.Summary), 200),
		Description:    in.Description,
		Transcript:     in.Transcript,
		Slots:          slots,
		Service:        slots[assistant.SlotService],
		Impact:         impact,
		Urgency:        urgency,
		ReporterID:     in.UserID,
		ConversationID: in.ConversationID,
		Intent:         "it_incident",
		Confidence:     1,
	}
	if err := s.create(ctx, &t); err != nil {
		return Ticket{}, err
	}
	return t, nil
}

// ActiveOutage returns the newest active outage of the catalog service as
// the assistant shows it (public message, never the internal title).
func (s *Service) ActiveOutage(ctx context.Context, service string) (assistant.Outage, bool, error) {
	o, found, err := s.activeOutageFor(ctx, service, nil)
	if err != nil || !found {
		return assistant.Outage{}, false, err
	}
	return publicOutage(o), true, nil
}

// JoinOutage counts the requester as affected by the outage: the
// conversation, else the user ("user:<id>"); each reporter once. An
// unknown outage ID is ErrNotFound.
func (s *Service) JoinOutage(ctx context.Context, outageID string, r assistant.Requester) (assistant.Outage, error) {
	id, err := strconv.ParseInt(outageID, 10, 64)
	if err != nil {
		return assistant.Outage{}, fmt.Errorf("ticketing: join outage %q: %w", outageID, ErrNotFound)
	}
	reporter := r.ConversationID
	if reporter == "" {
		reporter = "user:" + r.UserID
	}
	o, err := s.linkAffected(ctx, id, reporter, r.UserID, 0)
	if err != nil {
		return assistant.Outage{}, err
	}
	return publicOutage(o), nil
}

func publicOutage(o Outage) assistant.Outage {
	return assistant.Outage{
		ID:       strconv.FormatInt(o.ID, 10),
		Service:  o.Service,
		Message:  o.PublicMessage,
		ETA:      o.ETA,
		Affected: o.Affected,
	}
}
