// SPDX-License-Identifier: EUPL-1.2

package desk

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/ticketing"
)

// pageNames are the templates that are rendered inside layout.html.
var pageNames = []string{"login", "error", "queue", "ticket", "gaps", "outages", "users", "audit"}

// berlin is the desk's display zone; the fixed fallback keeps pages
// readable on systems without tzdata.
func displayZone() *time.Location {
	if loc, err := time.LoadLocation("Europe/Berlin"); err == nil {
		return loc
	}
	return time.FixedZone("MEZ", 3600)
}

func parsePages() (map[string]*template.Template, error) {
	loc := displayZone()
	funcs := template.FuncMap{
		"datetime": func(t time.Time) string {
			if t.IsZero() {
				return "–"
			}
			return t.In(loc).Format("02.01.2006 15:04")
		},
		"isotime": func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
		"inputtime": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.In(loc).Format("2006-01-02T15:04")
		},
		"duration":     humanDuration,
		"statusName":   statusName,
		"kindName":     kindName,
		"roleName":     roleName,
		"audienceName": audienceName,
		"channelName":  channelName,
		"intentName":   intentName,
		"reasonName":   reasonName,
		"langName":     langName,
		"auditAction":  auditAction,
		"outboxName":   outboxName,
		"contains":     strings.Contains,
		"auditDetail":  auditDetail,
		"entryRole":    func(r assistant.Role) string { return roleLabel(r) },
		"percent":      func(f float64) string { return fmt.Sprintf("%.0f %%", f*100) },
		"add":          func(a, b int) int { return a + b },
		"dict":         func() map[string]string { return map[string]string{} },
		"outageFields": func(prefix string, services []option, service, title, message, eta string, errs map[string]string) map[string]any {
			return map[string]any{"P": prefix, "Services": services, "Service": service, "Title": title, "Message": message, "ETA": eta, "Errors": errs}
		},
	}
	pages := make(map[string]*template.Template, len(pageNames))
	for _, name := range pageNames {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("desk: parse template %s: %w", name, err)
		}
		pages[name] = t
	}
	return pages, nil
}

// page is what layout.html gets.
type page struct {
	Title  string
	Nav    string // the active navigation entry
	User   principal
	Notice string // confirmation of the last action
	Data   any
}

// render executes a page into a buffer first, so that a template error
// gives a clean 500 instead of half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name, title string, data any) {
	s.renderPage(w, r, status, name, page{Title: title, Nav: name, User: principalFrom(r.Context()), Notice: notice(r), Data: data})
}

func (s *Server) renderPage(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	var buf bytes.Buffer
	if err := s.pages[name].Execute(&buf, p); err != nil {
		s.log.Error("desk: render page", "page", name, "err", err)
		http.Error(w, "Interner Fehler beim Anzeigen der Seite.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// renderPartial executes one named template of a page without the layout.
func (s *Server) renderPartial(w http.ResponseWriter, r *http.Request, name, block string, p page) {
	var buf bytes.Buffer
	if err := s.pages[name].ExecuteTemplate(&buf, block, p); err != nil {
		s.log.Error("desk: render partial", "page", name, "err", err)
		http.Error(w, "Interner Fehler beim Anzeigen der Seite.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(buf.Bytes())
}

// renderError shows msg (German, safe) on the error page.
func (s *Server) renderError(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.render(w, r, status, "error", "Fehler", msg)
}

// serverError logs err and shows a generic message.
func (s *Server) serverError(w http.ResponseWriter, r *http.Request, err error) {
	s.log.Error("desk: request failed", "path", r.URL.Path, "err", err)
	s.renderError(w, r, http.StatusInternalServerError, "Es ist ein interner Fehler aufgetreten. Bitte versuchen Sie es später erneut.")
}

// stateMessage says in German why the state of a ticket or an outage
// forbids an action.
func stateMessage(e *ticketing.StateError) (status int, msg string, ok bool) {
	switch e.Code {
	case ticketing.StateOutageUnknown:
		return http.StatusBadRequest, fmt.Sprintf("Ungültige Eingabe: Die Störung #%d gibt es nicht.", e.Outage), true
	case ticketing.StateOutageClosed:
		return http.StatusBadRequest, fmt.Sprintf("Ungültige Eingabe: Die Störung #%d ist beendet.", e.Outage), true
	case ticketing.StateLinkedActive:
		return http.StatusConflict, fmt.Sprintf("Der Vorgang ist schon mit der aktiven Störung #%d verknüpft.", e.Outage), true
	case ticketing.StateInExternal:
		return http.StatusConflict, fmt.Sprintf("Der Vorgang ist schon in Jira als %s angelegt.", e.ExternalKey), true
	}
	if errors.Is(e, ticketing.ErrConflict) {
		return http.StatusConflict, "Der Vorgang lässt das gerade nicht zu.", true
	}
	return http.StatusBadRequest, "Ungültige Eingabe.", true
}

// sentence ends a message from an error string (which by Go convention
// has no final punctuation) with a period.
func sentence(m string) string {
	if m == "" || strings.ContainsAny(m[len(m)-1:], ".!?") {
		return m
	}
	return m + "."
}

// userMessage maps an error of ticketing or of this package to an HTTP
// status and a message that may be shown; ok is false for internal errors,
// whose details belong in the log only.
func userMessage(err error) (status int, msg string, ok bool) {
	if se, isState := errors.AsType[*ticketing.StateError](err); isState {
		return stateMessage(se)
	}
	switch {
	case errors.Is(err, ErrBadInput):
		return http.StatusBadRequest, strings.TrimPrefix(err.Error(), ErrBadInput.Error()+": "), true
	case errors.Is(err, ticketing.ErrInvalid):
		m := err.Error()
		if i := strings.LastIndex(m, ticketing.ErrInvalid.Error()+": "); i >= 0 {
			m = m[i+len(ticketing.ErrInvalid.Error())+2:]
		}
		return http.StatusBadRequest, "Ungültige Eingabe: " + sentence(m), true
	case errors.Is(err, ticketing.ErrNotFound):
		return http.StatusNotFound, "Nicht gefunden.", true
	case errors.Is(err, ticketing.ErrConflict):
		// A conflict with the state of an item carries its German message
		// after the prefix; a taken unique value (username) has none.
		m := err.Error()
		if i := strings.LastIndex(m, ticketing.ErrConflict.Error()+": "); i >= 0 {
			return http.StatusConflict, sentence(m[i+len(ticketing.ErrConflict.Error())+2:]), true
		}
		return http.StatusConflict, "Dieser Name ist bereits vergeben.", true
	case errors.Is(err, ticketing.ErrNoExternal):
		return http.StatusBadRequest, "Es ist kein externes Ticketsystem (Jira) angebunden.", true
	}
	return http.StatusInternalServerError, "", false
}

// fail answers an error: known ones with their message, the rest as 500.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	if status, msg, ok := userMessage(err); ok {
		s.renderError(w, r, status, msg)
		return
	}
	s.serverError(w, r, err)
}

// notices are the confirmations shown after a redirect (?ok=...).
var notices = map[string]string{
	"claim":          "Sie haben den Vorgang übernommen.",
	"assign":         "Die Zuweisung wurde geändert.",
	"reply":          "Die Antwort wurde gesendet.",
	"note":           "Die Notiz wurde gespeichert.",
	"priority":       "Die Priorität wurde geändert.",
	"link-outage":    "Der Vorgang wurde mit der Störung verknüpft.",
	"push-jira":      "Der Vorgang wird jetzt an Jira gesendet. Den Stand sehen Sie im Überblick.",
	"major-incident": "Die Großstörung wurde angelegt.",
	"resolve":        "Der Vorgang wurde gelöst.",
	"reopen":         "Der Vorgang wurde wieder geöffnet.",
	"takeover":       "Sie führen das Gespräch jetzt selbst. Lotse schweigt.",
	"release":        "Das Gespräch ist zurück bei Lotse.",
	"review":         "Die Bewertung wurde gespeichert.",
	"outage-create":  "Die Störung wurde angelegt.",
	"outage-update":  "Die Störung wurde aktualisiert.",
	"outage-close":   "Die Störung wurde beendet.",
	"user-create":    "Das Konto wurde angelegt.",
	"user-password":  "Das Passwort wurde geändert.",
	"user-disable":   "Das Konto wurde gesperrt.",
	"user-enable":    "Das Konto wurde entsperrt.",
	"user-role":      "Die Rolle wurde geändert.",
}

func notice(r *http.Request) string { return notices[r.URL.Query().Get("ok")] }

func humanDuration(d time.Duration) string {
	neg := d < 0
	if neg {
		d = -d
	}
	d = d.Round(time.Minute)
	days := d / (24 * time.Hour)
	h := (d % (24 * time.Hour)) / time.Hour
	m := (d % time.Hour) / time.Minute
	var s string
	switch {
	case days > 0:
		s = fmt.Sprintf("%d T %d Std", days, h)
	case h > 0:
		s = fmt.Sprintf("%d Std %d Min", h, m)
	default:
		s = fmt.Sprintf("%d Min", m)
	}
	return s
}

func statusName(s string) string {
	switch s {
	case ticketing.StatusNew:
		return "neu"
	case ticketing.StatusOpen:
		return "offen"
	case ticketing.StatusInProgress:
		return "in Bearbeitung"
	case ticketing.StatusWaiting:
		return "wartet"
	case ticketing.StatusResolved:
		return "gelöst"
	case ticketing.StatusClosed:
		return "geschlossen"
	}
	return s
}

func kindName(k string) string {
	switch k {
	case ticketing.KindEscalation:
		return "Übergabe"
	case ticketing.KindIncident:
		return "IT-Störung"
	}
	return k
}

func roleName(r string) string {
	switch r {
	case RoleAdmin:
		return "Administration"
	case RoleAgent:
		return "Service-Desk"
	}
	return r
}

// audienceName, channelName, intentName, reasonName, langName and
// slotName show the codes of a ticket in German; an unknown code is shown
// as it is.
func audienceName(a string) string {
	switch a {
	case "citizen":
		return "Bürgerin/Bürger"
	case "employee":
		return "Beschäftigte"
	case "":
		return "–"
	}
	return a
}

func channelName(c string) string {
	switch c {
	case "web":
		return "Web-Chat"
	case "phone":
		return "Telefon"
	case "api":
		return "Schnittstelle (REST)"
	case "eval":
		return "Testlauf"
	case "email":
		return "E-Mail"
	case "":
		return "unbekannt"
	}
	return c
}

func intentName(i string) string {
	switch i {
	case "service_info":
		return "Frage zu einer Leistung"
	case "it_incident":
		return "IT-Störung"
	case "ticket_status":
		return "Frage nach dem Stand"
	case "human":
		return "Wunsch nach einem Menschen"
	case "smalltalk":
		return "Begrüßung/Dank"
	case "out_of_scope":
		return "außerhalb des Auftrags"
	case "abuse":
		return "beleidigend"
	}
	return i
}

func reasonName(r string) string { return ticketing.ReasonLabel(r) }

func langName(l string) string {
	if l == "" {
		return "–"
	}
	return assistant.LanguageName(l)
}

// slotName names a ticket's slot; slotValue shows its value, in words
// where the value is a code.
func slotName(k string) string {
	switch k {
	case "reason":
		return "Grund der Übergabe"
	case "service":
		return "IT-Dienst"
	case "symptom":
		return "Beschreibung"
	case "since":
		return "seit"
	case "location":
		return "Ort"
	case assistant.SlotOthersAffected:
		return "Weitere Betroffene"
	case assistant.SlotCanWork:
		return "Arbeiten möglich"
	}
	return k
}

func slotValue(k, v string) string {
	switch k {
	case "reason":
		return reasonName(v)
	case assistant.SlotOthersAffected:
		switch v {
		case assistant.AffectedNo:
			return "nur die meldende Person"
		case assistant.AffectedSome:
			return "mehrere Personen"
		case assistant.AffectedAll:
			return "alle (Abteilung, Gebäude)"
		}
	case assistant.SlotCanWork:
		switch v {
		case assistant.CanWorkNo:
			return "nein"
		case assistant.CanWorkPartly:
			return "eingeschränkt"
		case assistant.CanWorkYes:
			return "ja (mit Umweg)"
		}
	}
	if v == "unknown" {
		return "unbekannt"
	}
	return v
}

// auditActions name the audit log's actions in German.
var auditActions = map[string]string{
	"chat.takeover": "Gespräch übernommen", "chat.release": "Gespräch an Lotse zurückgegeben",
	"outage.create": "Störung angelegt", "outage.update": "Störung geändert", "outage.close": "Störung beendet",
	"review.mark": "Antwort bewertet", "ticket.contact": "Kontakt hinterlegt", "ticket.create": "Vorgang angelegt",
	"ticket.link_outage": "mit Störung verknüpft", "ticket.major_incident": "als Großstörung angelegt",
	"ticket.note": "Notiz", "ticket.push_jira": "an Jira gesendet", "ticket.reply": "Antwort",
	"ticket.update": "Vorgang geändert", "user.create": "Konto angelegt", "user.disable": "Konto gesperrt",
	"user.enable": "Konto entsperrt", "user.login": "Anmeldung", "user.login_failed": "Anmeldung fehlgeschlagen",
	"user.login_throttled": "Anmeldung gebremst", "user.logout": "Abmeldung", "user.password": "Passwort geändert",
	"user.role": "Rolle geändert", "privacy.erase": "Daten gelöscht (Art. 17)",
}

func auditAction(a string) string {
	if n, ok := auditActions[a]; ok {
		return n
	}
	return a
}

// auditWordRE finds the codes an audit detail may hold.
var auditWordRE = regexp.MustCompile(`\b(new|open|in_progress|waiting|resolved|closed|escalation|incident|web|phone|api|status|priority|assignee|resolution|public|internal|email|via|with reply|live chat|conversation)\b`)

// auditDetail shows an audit detail with its codes in German.
func auditDetail(d string) string {
	return auditWordRE.ReplaceAllStringFunc(d, func(w string) string {
		switch w {
		case "escalation", "incident":
			return kindName(w)
		case "web", "phone", "api":
			return channelName(w)
		case "status":
			return "Status"
		case "priority":
			return "Priorität"
		case "assignee":
			return "Bearbeitung"
		case "resolution":
			return "Lösung"
		case "public":
			return "öffentlich"
		case "internal":
			return "intern"
		case "email":
			return "E-Mail"
		case "via":
			return "über"
		case "with reply":
			return "mit Antwort"
		case "live chat":
			return "Live-Chat"
		case "conversation":
			return "Gespräch"
		}
		return statusName(w)
	})
}

// outboxName names an outbox action.
func outboxName(a string) string {
	switch a {
	case "deliver":
		return "an Jira"
	case "notify":
		return "P1-Benachrichtigung"
	case "mail":
		return "E-Mail an die Person"
	}
	return a
}
