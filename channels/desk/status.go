// SPDX-License-Identifier: EUPL-1.2

package desk

import (
	"errors"
	"html/template"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"

	"github.com/musterstadt/lotse/ticketing"
)

// The status page is the person's view of their ticket, reached by the
// unguessable link in every mail (/status/{token}): key, status in words,
// the public replies, and a form to answer. It shows nothing else about
// the ticket and nothing about other tickets; an unknown or expired token
// is 404. The token itself authorises the answer, so the form needs no
// session.

// statusTexts are the status page's words in one language.
type statusTexts struct {
	Title, StatusLabel, Replies, NoReplies, Answer, Message, Send, You, Team, Sent, Empty, TooLong string
	status                                                                                         map[string]string
}

var statusDE = statusTexts{
	Title: "Ihr Anliegen", StatusLabel: "Stand", Replies: "Antworten des Service-Teams", NoReplies: "Noch keine Antwort.",
	Answer: "Antworten", Message: "Ihre Nachricht an das Service-Team", Send: "Senden", You: "Sie", Team: "Service-Team",
	Sent: "Ihre Nachricht ist beim Service-Team angekommen.", Empty: "Bitte schreiben Sie eine Nachricht.",
	TooLong: "Die Nachricht ist zu lang (höchstens 4000 Zeichen).",
	status: map[string]string{ticketing.StatusNew: "eingegangen, noch nicht bearbeitet", ticketing.StatusOpen: "offen",
		ticketing.StatusInProgress: "in Bearbeitung", ticketing.StatusWaiting: "wartet auf Ihre Rückmeldung",
		ticketing.StatusResolved: "erledigt", ticketing.StatusClosed: "abgeschlossen"},
}

var statusEN = statusTexts{
	Title: "Your request", StatusLabel: "Status", Replies: "Replies from the service team", NoReplies: "No reply yet.",
	Answer: "Reply", Message: "Your message to the service team", Send: "Send", You: "You", Team: "Service team",
	Sent: "Your message has reached the service team.", Empty: "Please write a message.",
	TooLong: "The message is too long (at most 4000 characters).",
	status: map[string]string{ticketing.StatusNew: "received, not yet handled", ticketing.StatusOpen: "open",
		ticketing.StatusInProgress: "being handled", ticketing.StatusWaiting: "waiting for your reply",
		ticketing.StatusResolved: "resolved", ticketing.StatusClosed: "closed"},
}

type statusPage struct {
	T       statusTexts
	View    ticketing.StatusView
	Status  string
	Token   string
	Citizen string
	Notice  string
	Error   string
	Date    func(time.Time) string
}

func parseStatusPage() (*template.Template, error) {
	return template.ParseFS(templateFS, "templates/status.html", "templates/status_lookup.html")
}

func (s *Server) statusRoutes(r chi.Router) {
	r.Use(securityHeaders, s.limitBody)
	r.Get("/", s.handleStatusLookupForm)
	r.Post("/", s.handleStatusLookup)
	r.Get("/{token}", s.handleStatus)
	r.Post("/{token}", s.handleStatusMessage)
}

// lookupPage is the form that finds a status page by key and e-mail.
type lookupPage struct{ Key, Email, Error string }

const lookupFailed = "Zu dieser Vorgangsnummer und E-Mail-Adresse finden wir keine Anfrage. Bitte prüfen Sie beide Angaben."

func (s *Server) handleStatusLookupForm(w http.ResponseWriter, r *http.Request) {
	s.renderLookup(w, r, http.StatusOK, lookupPage{})
}

// handleStatusLookup opens the status page of the ticket with the key and
// the e-mail address it was given. Wrong combinations get one neutral
// answer and count against the client address like failed logins.
func (s *Server) handleStatusLookup(w http.ResponseWriter, r *http.Request) {
	p := lookupPage{Key: strings.TrimSpace(r.PostFormValue("key")), Email: strings.TrimSpace(r.PostFormValue("email"))}
	if ok, _ := s.login.allow(s.clientAddr(r)); !ok {
		p.Error = "Zu viele Versuche. Bitte warten Sie eine Minute."
		s.renderLookup(w, r, http.StatusTooManyRequests, p)
		return
	}
	token, err := s.cfg.Tickets.StatusTokenFor(r.Context(), p.Key, p.Email)
	switch {
	case errors.Is(err, ticketing.ErrNotFound):
		p.Error = lookupFailed
		s.renderLookup(w, r, http.StatusOK, p)
		return
	case err != nil:
		s.serverError(w, r, err)
		return
	}
	http.Redirect(w, r, "/status/"+token, http.StatusSeeOther)
}

func (s *Server) renderLookup(w http.ResponseWriter, r *http.Request, code int, p lookupPage) {
	var b strings.Builder
	if err := s.statusTmpl.ExecuteTemplate(&b, "status_lookup.html", p); err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	_, _ = w.Write([]byte(b.String()))
}

func (s *Server) handleStatus(w http.ResponseWriter, r *http.Request) {
	s.renderStatus(w, r, http.StatusOK, r.URL.Query().Get("ok") != "", "")
}

func (s *Server) handleStatusMessage(w http.ResponseWriter, r *http.Request) {
	token := chi.URLParam(r, "token")
	text := strings.TrimSpace(r.PostFormValue("message"))
	v, err := s.cfg.Tickets.StatusByToken(r.Context(), token)
	if err != nil {
		s.statusError(w, r, err)
		return
	}
	t := textsForStatus(v.Lang)
	switch {
	case text == "":
		s.renderStatus(w, r, http.StatusBadRequest, false, t.Empty)
		return
	case utf8.RuneCountInString(text) > maxText:
		s.renderStatus(w, r, http.StatusBadRequest, false, t.TooLong)
		return
	}
	if err := s.cfg.Tickets.AddStatusMessage(r.Context(), token, text); err != nil {
		s.statusError(w, r, err)
		return
	}
	http.Redirect(w, r, "/status/"+token+"?ok=1", http.StatusSeeOther)
}

func textsForStatus(lang string) statusTexts {
	if lang != "" && lang != "de" {
		return statusEN
	}
	return statusDE
}

func (s *Server) renderStatus(w http.ResponseWriter, r *http.Request, code int, sent bool, msg string) {
	token := chi.URLParam(r, "token")
	v, err := s.cfg.Tickets.StatusByToken(r.Context(), token)
	if err != nil {
		s.statusError(w, r, err)
		return
	}
	t := textsForStatus(v.Lang)
	status := t.status[v.Status]
	if status == "" {
		status = v.Status
	}
	loc := displayZone()
	p := statusPage{T: t, View: v, Status: status, Token: token, Citizen: ticketing.CitizenAuthor, Error: msg,
		Date: func(at time.Time) string { return at.In(loc).Format("02.01.2006 15:04") }}
	if sent {
		p.Notice = t.Sent
	}
	var b strings.Builder
	if err := s.statusTmpl.ExecuteTemplate(&b, "status.html", p); err != nil {
		s.log.Error("desk: status page", "err", err)
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	_, _ = w.Write([]byte(b.String()))
}

func (s *Server) statusError(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, ticketing.ErrNotFound) {
		http.Error(w, "Diese Seite gibt es nicht (mehr). / This page does not exist (any more).", http.StatusNotFound)
		return
	}
	s.serverError(w, r, err)
}
