// SPDX-License-Identifier: EUPL-1.2

package desk

import (
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"

	"github.com/musterstadt/lotse/ticketing"
)

// The JSON API under /desk/api/v1 does what the console's forms do, for
// scripts and tools of the service desk. It is authenticated exactly like
// the console (session cookie or trusted-proxy SSO header, the account
// re-read on every request), state-changing requests need the session's
// CSRF token in X-CSRF-Token, and every change goes through
// ticketing.Service with the logged-in user as actor.

// maxAPIBody bounds JSON request bodies.
const maxAPIBody = 16 << 10

// apiError is an error with its HTTP status, a machine code and a German
// message that may be shown to the desk user.
type apiError struct {
	Status int
	Code   string
	Msg    string
}

func (e *apiError) Error() string { return e.Code + ": " + e.Msg }

func badRequest(format string, args ...any) *apiError {
	return &apiError{http.StatusBadRequest, "bad_request", fmt.Sprintf(format, args...)}
}

var (
	errAPIUnauthorized = &apiError{http.StatusUnauthorized, "unauthorized", "Bitte melden Sie sich an."}
	errAPICSRF         = &apiError{http.StatusForbidden, "csrf", "Das CSRF-Token fehlt oder ist falsch (Header X-CSRF-Token; siehe GET /desk/api/v1/session)."}
	errAPIAdmin        = &apiError{http.StatusForbidden, "forbidden", "Diese Aktion ist Administratorinnen und Administratoren vorbehalten."}
	errAPINotFound     = &apiError{http.StatusNotFound, "not_found", "Nicht gefunden."}
	errAPIMethod       = &apiError{http.StatusMethodNotAllowed, "method_not_allowed", "Diese Methode ist hier nicht erlaubt."}
)

// apiHandler is a handler of the API; a returned error is answered by
// writeAPIError.
type apiHandler func(w http.ResponseWriter, r *http.Request) error

func (s *Server) api(h apiHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.writeAPIError(w, r, err)
		}
	}
}

// apiRoutes mounts the API; all its routes are listed on Server.Routes.
func (s *Server) apiRoutes(r chi.Router) {
	r.NotFound(s.api(func(http.ResponseWriter, *http.Request) error { return errAPINotFound }))
	r.MethodNotAllowed(s.api(func(http.ResponseWriter, *http.Request) error { return errAPIMethod }))
	r.Use(s.apiSession, s.apiCSRF)
	r.Get("/session", s.api(s.apiGetSession))
	r.Get("/tickets", s.api(s.apiListTickets))
	r.Get("/tickets/{id}", s.api(s.apiGetTicket))
	r.Patch("/tickets/{id}", s.api(s.apiPatchTicket))
	r.Post("/tickets/{id}/notes", s.api(s.apiAddNote))
	r.Get("/outages", s.api(s.apiListOutages))
	r.Post("/outages", s.api(s.apiCreateOutage))
	r.Patch("/outages/{id}", s.api(s.apiPatchOutage))
	r.With(s.apiAdmin).Post("/outages/{id}/close", s.api(s.apiCloseOutage))
}

// apiSession is requireSession for the API: the same session cookie or
// trusted-proxy SSO header (which starts a session, as in the console),
// the account re-read on every request, but a JSON 401 instead of a
// redirect to the login page.
func (s *Server) apiSession(next http.Handler) http.Handler {
	return s.withSession(next,
		func(w http.ResponseWriter, r *http.Request) { s.writeAPIError(w, r, errAPIUnauthorized) },
		s.writeAPIError)
}

// apiCSRF requires the session's token in X-CSRF-Token on every request
// that is not GET, HEAD or OPTIONS (no form field: the API takes JSON).
func (s *Server) apiCSRF(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			next.ServeHTTP(w, r)
			return
		}
		p := principalFrom(r.Context())
		if p.CSRF == "" || subtle.ConstantTimeCompare([]byte(r.Header.Get(csrfHeader)), []byte(p.CSRF)) != 1 {
			s.writeAPIError(w, r, errAPICSRF)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// apiAdmin answers 403 to anybody who is not an admin.
func (s *Server) apiAdmin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !principalFrom(r.Context()).IsAdmin() {
			s.writeAPIError(w, r, errAPIAdmin)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// writeAPIError answers err as {"error":{"code","message"}}: API errors
// and known service errors with their message, everything else as a
// logged 500 without details.
func (s *Server) writeAPIError(w http.ResponseWriter, r *http.Request, err error) {
	ae, ok := errors.AsType[*apiError](err)
	if !ok {
		status, msg, known := userMessage(err)
		switch {
		case !known:
			s.log.Error("desk: api request failed", "method", r.Method, "path", r.URL.Path, "err", err)
			ae = &apiError{http.StatusInternalServerError, "internal", "Es ist ein interner Fehler aufgetreten. Bitte versuchen Sie es später erneut."}
		case status == http.StatusNotFound:
			ae = errAPINotFound
		case status == http.StatusConflict:
			ae = &apiError{status, "conflict", msg}
		default:
			ae = &apiError{status, "bad_request", msg}
		}
	}
	type body struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	}
	writeJSON(w, ae.Status, map[string]body{"error": {ae.Code, ae.Msg}})
}

// writeJSON answers v with status. It returns nil so that handlers can end
// with it: the values are plain data that always encode, and a failed
// write means the client is gone, with nobody left to answer.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
	return nil
}

// decodeJSON reads one JSON object of at most maxAPIBody bytes into v;
// unknown fields, trailing data and other media types are bad input.
func decodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		return &apiError{http.StatusUnsupportedMediaType, "unsupported_media_type", "Bitte senden Sie JSON (Content-Type: application/json)."}
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxAPIBody))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		if _, extra := dec.Token(); extra != io.EOF {
			return badRequest("Nach dem JSON-Objekt folgen weitere Daten.")
		}
		return nil
	}
	if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
		return &apiError{http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("Die Anfrage ist zu groß (höchstens %d KiB).", maxAPIBody>>10)}
	}
	if te, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
		return badRequest("Feld %q: falscher Typ (%s erwartet).", te.Field, germanType(te.Type.Kind().String()))
	}
	if f, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return badRequest("Unbekanntes Feld %s.", f)
	}
	if errors.Is(err, io.EOF) {
		return badRequest("Der Anfragetext ist leer; ein JSON-Objekt wird erwartet.")
	}
	return badRequest("Ungültiges JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
}

func germanType(kind string) string {
	switch kind {
	case "string", "ptr":
		return "Text"
	case "bool":
		return "true oder false"
	case "int", "int64":
		return "Zahl"
	}
	return kind
}

// apiSessionInfo is who is logged in, with the CSRF token that
// state-changing requests need.
type apiSessionInfo struct {
	User      string `json:"user"`
	Role      string `json:"role"`
	CSRFToken string `json:"csrf_token"`
}

func (s *Server) apiGetSession(w http.ResponseWriter, r *http.Request) error {
	p := principalFrom(r.Context())
	return writeJSON(w, http.StatusOK, apiSessionInfo{User: p.Name, Role: p.Role, CSRFToken: p.CSRF})
}

// apiTicketList is the answer of GET /tickets: one page of tickets
// (without transcript and sources) and the number of all matches.
type apiTicketList struct {
	Tickets []ticketing.Ticket `json:"tickets"`
	Total   int                `json:"total"`
}

// apiFilter parses the query of GET /tickets. Unlike the queue, which
// ignores a bad filter, an unknown value is a 400.
func apiFilter(r *http.Request) (ticketing.Filter, error) {
	q := r.URL.Query()
	for k := range q {
		switch k {
		case "status", "priority", "kind", "channel", "audience", "lang", "older_than", "limit", "offset":
		default:
			return ticketing.Filter{}, badRequest("Unbekannter Parameter %q.", k)
		}
	}
	f := ticketing.Filter{Limit: 50}
	checks := []struct {
		name string
		opts []option
		dst  *string
	}{
		{"priority", priorityOptions, &f.Priority}, {"kind", kindOptions, &f.Kind}, {"channel", channelOptions, &f.Channel},
		{"audience", audienceOptions, &f.Audience}, {"lang", langOptions, &f.Lang},
	}
	for _, c := range checks {
		v := q.Get(c.name)
		if !validOption(c.opts, v) {
			return ticketing.Filter{}, badRequest("%s: unbekannter Wert %q (erlaubt: %s).", c.name, v, optionValues(c.opts))
		}
		*c.dst = v
	}
	switch v := q.Get("status"); {
	case v == "":
		f.OpenOnly = true
	case v == "all":
	case validOption(statusOptions, v):
		f.Status = v
	default:
		return ticketing.Filter{}, badRequest("status: unbekannter Wert %q (erlaubt: %s).", v, optionValues(statusOptions))
	}
	if v := q.Get("older_than"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return ticketing.Filter{}, badRequest("older_than: eine positive Dauer wie 4h oder 90m wird erwartet, nicht %q.", v)
		}
		f.OlderThan = d
	}
	var err error
	if f.Limit, err = intParam(q.Get("limit"), "limit", 50, 1, 500); err != nil {
		return ticketing.Filter{}, err
	}
	if f.Offset, err = intParam(q.Get("offset"), "offset", 0, 0, 1<<31-1); err != nil {
		return ticketing.Filter{}, err
	}
	return f, nil
}

func optionValues(opts []option) string {
	var vs []string
	for _, o := range opts {
		if o.Value != "" {
			vs = append(vs, o.Value)
		}
	}
	return strings.Join(vs, ", ")
}

func intParam(v, name string, def, lo, hi int) (int, error) {
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, badRequest("%s: eine ganze Zahl von %d bis %d wird erwartet, nicht %q.", name, lo, hi, v)
	}
	return n, nil
}

func (s *Server) apiListTickets(w http.ResponseWriter, r *http.Request) error {
	f, err := apiFilter(r)
	if err != nil {
		return err
	}
	tickets, err := s.cfg.Tickets.List(r.Context(), f)
	if err != nil {
		return err
	}
	total, err := s.cfg.Tickets.Count(r.Context(), f)
	if err != nil {
		return err
	}
	for i := range tickets {
		tickets[i].Transcript, tickets[i].Sources = nil, nil
	}
	if tickets == nil {
		tickets = []ticketing.Ticket{}
	}
	return writeJSON(w, http.StatusOK, apiTicketList{Tickets: tickets, Total: total})
}

// apiTicket is a ticket with its notes.
type apiTicket struct {
	ticketing.Ticket
	Notes []ticketing.Note `json:"notes"`
}

func (s *Server) apiTicketWithNotes(r *http.Request, t ticketing.Ticket) (apiTicket, error) {
	notes, err := s.cfg.Tickets.Notes(r.Context(), t.ID)
	if err != nil {
		return apiTicket{}, err
	}
	if notes == nil {
		notes = []ticketing.Note{}
	}
	return apiTicket{Ticket: t, Notes: notes}, nil
}

func (s *Server) apiGetTicket(w http.ResponseWriter, r *http.Request) error {
	id, err := s.ticketID(r)
	if err != nil {
		return err
	}
	t, err := s.cfg.Tickets.Get(r.Context(), id)
	if err != nil {
		return err
	}
	return s.writeTicket(w, r, t)
}

// apiTicketPatch is the body of PATCH /tickets/{id}; absent fields stay
// unchanged, an empty assignee unassigns.
type apiTicketPatch struct {
	Status     *string `json:"status"`
	Priority   *string `json:"priority"`
	Assignee   *string `json:"assignee"`
	Resolution *string `json:"resolution"`
}

func (s *Server) apiPatchTicket(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := s.ticketID(r)
	if err != nil {
		return err
	}
	var in apiTicketPatch
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if in.Status == nil && in.Priority == nil && in.Assignee == nil && in.Resolution == nil {
		return badRequest("Nichts zu ändern: status, priority, assignee oder resolution angeben.")
	}
	t, err := s.cfg.Tickets.Get(ctx, id)
	if err != nil {
		return err
	}
	if in.Status != nil && (*in.Status == "all" || !validOption(statusOptions[1:], *in.Status)) {
		return badRequest("status: unbekannter Wert %q (erlaubt: %s).", *in.Status, optionValues(statusOptions[2:]))
	}
	if in.Priority != nil && (*in.Priority == "" || !validOption(priorityOptions, *in.Priority)) {
		return badRequest("priority: unbekannter Wert %q (erlaubt: P1, P2, P3, P4).", *in.Priority)
	}
	if in.Assignee != nil {
		who := strings.ToLower(strings.TrimSpace(*in.Assignee))
		if who != "" {
			u, err := s.cfg.Store.GetUserByName(ctx, who)
			if errors.Is(err, ticketing.ErrNotFound) || err == nil && u.Disabled {
				return badRequest("assignee: das Konto %q gibt es nicht oder es ist gesperrt.", who)
			}
			if err != nil {
				return err
			}
		}
		in.Assignee = &who
	}
	if in.Resolution != nil {
		v := strings.TrimSpace(*in.Resolution)
		if utf8.RuneCountInString(v) > maxText {
			return badRequest("resolution: der Text ist zu lang (höchstens %d Zeichen).", maxText)
		}
		in.Resolution = &v
	}
	if in.Status != nil && *in.Status == ticketing.StatusResolved && t.Status != ticketing.StatusResolved {
		if (in.Resolution == nil && t.Resolution == "") || (in.Resolution != nil && *in.Resolution == "") {
			return badRequest("resolution: beim Lösen bitte die Lösung angeben.")
		}
	}
	t, err = s.cfg.Tickets.Update(ctx, id, ticketing.Patch{Status: in.Status, Priority: in.Priority, Assignee: in.Assignee, Resolution: in.Resolution},
		principalFrom(ctx).Name) // audited there
	if err != nil {
		return err
	}
	return s.writeTicket(w, r, t)
}

// apiNoteInput is the body of POST /tickets/{id}/notes; internal must be
// given so that a note never becomes visible to the reporter by default.
type apiNoteInput struct {
	Text     string `json:"text"`
	Internal *bool  `json:"internal"`
}

func (s *Server) apiAddNote(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := s.ticketID(r)
	if err != nil {
		return err
	}
	var in apiNoteInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	text := strings.TrimSpace(in.Text)
	switch {
	case text == "":
		return badRequest("text: bitte geben Sie eine Notiz ein.")
	case utf8.RuneCountInString(text) > maxText:
		return badRequest("text: der Text ist zu lang (höchstens %d Zeichen).", maxText)
	case in.Internal == nil:
		return badRequest("internal: bitte angeben, ob die Notiz intern ist (true) oder für die anfragende Person sichtbar (false).")
	}
	n, err := s.cfg.Tickets.AddNote(ctx, ticketing.Note{TicketID: id, Author: principalFrom(ctx).Name, Text: text, Internal: *in.Internal}) // audited there
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, n)
}

// apiOutageList is the answer of GET /outages.
type apiOutageList struct {
	Outages []ticketing.Outage `json:"outages"`
}

func (s *Server) apiListOutages(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	for k := range q {
		if k != "limit" && k != "active" {
			return badRequest("Unbekannter Parameter %q.", k)
		}
	}
	limit, err := intParam(q.Get("limit"), "limit", 100, 1, 500)
	if err != nil {
		return err
	}
	var list []ticketing.Outage
	switch q.Get("active") {
	case "":
		list, err = s.cfg.Tickets.ListOutages(r.Context(), limit)
	case "true":
		list, err = s.cfg.Tickets.ActiveOutages(r.Context())
		if len(list) > limit {
			list = list[:limit]
		}
	default:
		return badRequest("active: nur true ist erlaubt, nicht %q.", q.Get("active"))
	}
	if err != nil {
		return err
	}
	if list == nil {
		list = []ticketing.Outage{}
	}
	return writeJSON(w, http.StatusOK, apiOutageList{Outages: list})
}

// apiOutageInput is the body of POST /outages and PATCH /outages/{id}.
// On PATCH absent fields stay unchanged and an empty eta clears it. eta is
// RFC 3339, e.g. "2026-11-26T16:30:00+01:00".
type apiOutageInput struct {
	Service       *string `json:"service"`
	Title         *string `json:"title"`
	PublicMessage *string `json:"public_message"`
	ETA           *string `json:"eta"`
}

// apply validates in and writes its fields to o.
func (s *Server) applyOutageInput(in apiOutageInput, o *ticketing.Outage) error {
	if in.Service != nil {
		if _, ok := s.cfg.Tickets.Catalog().Service(*in.Service); !ok {
			return badRequest("service: unbekannter IT-Dienst %q.", *in.Service)
		}
		o.Service = *in.Service
	}
	if in.Title != nil {
		o.Title = strings.TrimSpace(*in.Title)
	}
	switch {
	case o.Title == "":
		return badRequest("title: bitte geben Sie einen Titel ein.")
	case utf8.RuneCountInString(o.Title) > 200:
		return badRequest("title: der Titel darf höchstens 200 Zeichen lang sein.")
	}
	if in.PublicMessage != nil {
		o.PublicMessage = strings.TrimSpace(*in.PublicMessage)
		if utf8.RuneCountInString(o.PublicMessage) > 2000 {
			return badRequest("public_message: die Meldung darf höchstens 2000 Zeichen lang sein.")
		}
	}
	if in.ETA != nil {
		o.ETA = time.Time{}
		if v := strings.TrimSpace(*in.ETA); v != "" {
			eta, err := time.Parse(time.RFC3339, v)
			if err != nil {
				return badRequest("eta: Datum und Uhrzeit nach RFC 3339 erwartet, z. B. 2026-11-26T16:30:00+01:00, nicht %q.", v)
			}
			o.ETA = eta
		}
	}
	return nil
}

func (s *Server) apiCreateOutage(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	var in apiOutageInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if in.Service == nil {
		return badRequest("service: bitte geben Sie den IT-Dienst an.")
	}
	var o ticketing.Outage
	if err := s.applyOutageInput(in, &o); err != nil {
		return err
	}
	o, err := s.cfg.Tickets.CreateOutage(ctx, o, principalFrom(ctx).Name) // audited there
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, o)
}

func (s *Server) apiPatchOutage(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := outageID(r)
	if err != nil {
		return err
	}
	var in apiOutageInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if in == (apiOutageInput{}) {
		return badRequest("Nichts zu ändern: service, title, public_message oder eta angeben.")
	}
	o, err := s.cfg.Tickets.GetOutage(ctx, id)
	if err != nil {
		return err
	}
	if !o.Active {
		return &apiError{http.StatusConflict, "conflict", fmt.Sprintf("Die Störung #%d ist beendet und kann nicht mehr geändert werden.", id)}
	}
	if err := s.applyOutageInput(in, &o); err != nil {
		return err
	}
	if o, err = s.cfg.Tickets.UpdateOutage(ctx, o, principalFrom(ctx).Name); err != nil { // audited there
		return err
	}
	return writeJSON(w, http.StatusOK, o)
}

func (s *Server) apiCloseOutage(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := outageID(r)
	if err != nil {
		return err
	}
	o, err := s.cfg.Tickets.CloseOutage(ctx, id, principalFrom(ctx).Name) // audited there; closing a closed one is a no-op
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, o)
}

// writeTicket answers with t and its notes.
func (s *Server) writeTicket(w http.ResponseWriter, r *http.Request, t ticketing.Ticket) error {
	v, err := s.apiTicketWithNotes(r, t)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, v)
}
