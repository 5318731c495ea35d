// SPDX-License-Identifier: EUPL-1.2

package desk

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/musterstadt/lotse/ticketing"
)

// option is one choice of a filter select.
type option struct{ Value, Label string }

// filterField is one filter of the queue with its choices.
type filterField struct {
	Name, Label string
	Value       string
	Options     []option
	Error       string
}

var (
	statusOptions = []option{{"", "alle offenen"}, {"all", "alle"}, {ticketing.StatusNew, "neu"}, {ticketing.StatusOpen, "offen"},
		{ticketing.StatusInProgress, "in Bearbeitung"}, {ticketing.StatusWaiting, "wartet"}, {ticketing.StatusResolved, "gelöst"}, {ticketing.StatusClosed, "geschlossen"}}
	priorityOptions = []option{{"", "alle"}, {"P1", "P1 – kritisch"}, {"P2", "P2 – hoch"}, {"P3", "P3 – mittel"}, {"P4", "P4 – niedrig"}}
	kindOptions     = []option{{"", "alle"}, {ticketing.KindEscalation, "Übergabe"}, {ticketing.KindIncident, "IT-Störung"}}
	channelOptions  = []option{{"", "alle"}, {"web", "Web-Chat"}, {"phone", "Telefon"}, {"api", "API"}}
	audienceOptions = []option{{"", "alle"}, {"citizen", "Bürgerinnen und Bürger"}, {"employee", "Beschäftigte"}}
	langOptions     = []option{{"", "alle"}, {"de", "Deutsch"}, {"en", "Englisch"}, {"tr", "Türkisch"}, {"ar", "Arabisch"}, {"uk", "Ukrainisch"}, {"ru", "Russisch"}}
	ageOptions      = []option{{"", "beliebig"}, {"1h", "älter als 1 Stunde"}, {"4h", "älter als 4 Stunden"}, {"8h", "älter als 8 Stunden"}, {"24h", "älter als 1 Tag"}, {"72h", "älter als 3 Tage"}}
)

// queueRow is one ticket in the queue with its SLA clock.
type queueRow struct {
	T           ticketing.Ticket
	Age         time.Duration
	Due         time.Time
	Remaining   time.Duration // negative when breached
	Breached    bool
	Warn        bool // less than a quarter of the SLA left
	UnclaimedP1 bool
}

type queuePage struct {
	Search      string // the search text ("q"), empty for none
	Filters     []filterField
	Query       string // the filter query, for the live refresh
	Version     string // the ticket fingerprint the page shows
	Rows        []queueRow
	Total       int
	UnclaimedP1 []ticketing.Ticket
	Truncated   bool
}

const queueLimit = 200

func validOption(opts []option, v string) bool {
	return slices.ContainsFunc(opts, func(o option) bool { return o.Value == v })
}

// parseQueueFilter turns the query into a ticketing filter; unknown values
// are reported on their field and not applied.
func parseQueueFilter(q url.Values) (ticketing.Filter, []filterField) {
	fields := []filterField{
		{Name: "status", Label: "Status", Options: statusOptions},
		{Name: "priority", Label: "Priorität", Options: priorityOptions},
		{Name: "kind", Label: "Art", Options: kindOptions},
		{Name: "channel", Label: "Kanal", Options: channelOptions},
		{Name: "audience", Label: "Zielgruppe", Options: audienceOptions},
		{Name: "lang", Label: "Sprache", Options: langOptions},
		{Name: "age", Label: "Alter", Options: ageOptions},
	}
	f := ticketing.Filter{Limit: queueLimit}
	for i := range fields {
		fl := &fields[i]
		v := q.Get(fl.Name)
		if !validOption(fl.Options, v) {
			fl.Error = "Unbekannter Wert „" + v + "“; der Filter wurde nicht angewendet."
			v = ""
		}
		fl.Value = v
		switch fl.Name {
		case "status":
			switch v {
			case "":
				f.OpenOnly = true
			case "all":
			default:
				f.Status = v
			}
		case "priority":
			f.Priority = v
		case "kind":
			f.Kind = v
		case "channel":
			f.Channel = v
		case "audience":
			f.Audience = v
		case "lang":
			f.Lang = v
		case "age":
			if v != "" {
				f.OlderThan, _ = time.ParseDuration(v)
			}
		}
	}
	return f, fields
}

// sla computes the SLA clock of t at now.
func (s *Server) slaRow(t ticketing.Ticket, now time.Time) queueRow {
	row := queueRow{T: t, Age: now.Sub(t.CreatedAt)}
	limit, ok := s.cfg.SLA[t.Priority]
	if !ok {
		return row
	}
	row.Due = t.CreatedAt.Add(limit)
	end := now
	if !t.Open() && !t.ResolvedAt.IsZero() {
		end = t.ResolvedAt
	}
	row.Remaining = row.Due.Sub(end)
	row.Breached = row.Remaining < 0
	row.Warn = !row.Breached && row.Remaining < limit/4 && t.Open()
	row.UnclaimedP1 = t.Priority == ticketing.P1 && t.Assignee == "" && t.Open()
	return row
}

func (s *Server) queueData(r *http.Request) (queuePage, error) {
	ctx := r.Context()
	f, fields := parseQueueFilter(r.URL.Query())
	search := searchText(r)
	if search != "" {
		f.Text = search
		if r.URL.Query().Get("status") == "" {
			f.OpenOnly = false // a search looks at every ticket unless filtered
		}
	}
	tickets, err := s.cfg.Tickets.List(ctx, f)
	if err != nil {
		return queuePage{}, err
	}
	total, err := s.cfg.Tickets.Count(ctx, f)
	if err != nil {
		return queuePage{}, err
	}
	p1, err := s.cfg.Tickets.List(ctx, ticketing.Filter{OpenOnly: true, Priority: ticketing.P1, Limit: 500})
	if err != nil {
		return queuePage{}, err
	}
	snap, err := s.fingerprint(ctx)
	if err != nil {
		return queuePage{}, err
	}
	now := s.cfg.Now()
	qp := queuePage{Search: search, Filters: fields, Total: total, Truncated: total > len(tickets), Version: snap.version}
	q := url.Values{}
	for _, fl := range fields {
		if fl.Value != "" {
			q.Set(fl.Name, fl.Value)
		}
	}
	if search != "" {
		q.Set("q", search)
	}
	qp.Query = q.Encode()
	for _, t := range p1 {
		if t.Assignee == "" {
			qp.UnclaimedP1 = append(qp.UnclaimedP1, t)
		}
	}
	for _, t := range tickets {
		qp.Rows = append(qp.Rows, s.slaRow(t, now))
	}
	// The service sorts by priority, then age; unclaimed P1s go first.
	slices.SortStableFunc(qp.Rows, func(a, b queueRow) int {
		switch {
		case a.UnclaimedP1 == b.UnclaimedP1:
			return 0
		case a.UnclaimedP1:
			return -1
		}
		return 1
	})
	return qp, nil
}

// searchText returns the queue's search text, bounded.
func searchText(r *http.Request) string {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if rs := []rune(q); len(rs) > ticketing.MaxSearchRunes {
		q = string(rs[:ticketing.MaxSearchRunes])
	}
	return q
}

func (s *Server) handleQueue(w http.ResponseWriter, r *http.Request) {
	// A search for a ticket key opens the ticket.
	if q := searchText(r); q != "" && r.URL.Query().Get("partial") == "" {
		t, err := s.cfg.Tickets.GetByKey(r.Context(), q)
		switch {
		case err == nil:
			http.Redirect(w, r, "/desk/tickets/"+url.PathEscape(t.Key), http.StatusSeeOther)
			return
		case !errors.Is(err, ticketing.ErrNotFound):
			s.serverError(w, r, err)
			return
		}
	}
	qp, err := s.queueData(r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := page{Title: "Warteschlange", Nav: "queue", User: principalFrom(r.Context()), Notice: notice(r), Data: qp}
	if r.URL.Query().Get("partial") != "" {
		s.renderPartial(w, r, "queue", "queue-live", p)
		return
	}
	s.renderPage(w, r, http.StatusOK, "queue", p)
}
