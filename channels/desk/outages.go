// SPDX-License-Identifier: EUPL-1.2

package desk

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"

	"github.com/musterstadt/lotse/ticketing"
)

// outageForm is the typed input of the create/update form.
type outageForm struct {
	Service, Title, Message, ETA string
}

type outagesPage struct {
	Outages  []ticketing.Outage
	Services []option
	Form     outageForm // the create form's input after an error
	Edit     outageForm // an edit form's input after an error
	FormFor  int64      // which form the errors belong to (0: create)
	Errors   map[string]string
}

func (s *Server) outagesData(r *http.Request) (outagesPage, error) {
	list, err := s.cfg.Tickets.ListOutages(r.Context(), 100)
	if err != nil {
		return outagesPage{}, err
	}
	p := outagesPage{Outages: list}
	for _, svc := range s.cfg.Tickets.Catalog().Services {
		p.Services = append(p.Services, option{svc.ID, svc.Name})
	}
	return p, nil
}

func (s *Server) handleOutages(w http.ResponseWriter, r *http.Request) {
	p, err := s.outagesData(r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "outages", "Bekannte Störungen", p)
}

// parseOutage validates the form; errors are keyed by field name.
func (s *Server) parseOutage(r *http.Request) (ticketing.Outage, outageForm, map[string]string) {
	f := outageForm{
		Service: r.PostFormValue("service"),
		Title:   strings.TrimSpace(r.PostFormValue("title")),
		Message: strings.TrimSpace(r.PostFormValue("message")),
		ETA:     strings.TrimSpace(r.PostFormValue("eta")),
	}
	errs := map[string]string{}
	if _, ok := s.cfg.Tickets.Catalog().Service(f.Service); !ok {
		errs["service"] = "Bitte wählen Sie einen IT-Dienst aus der Liste."
	}
	if f.Title == "" {
		errs["title"] = "Bitte geben Sie einen Titel ein."
	} else if utf8.RuneCountInString(f.Title) > 200 {
		errs["title"] = "Der Titel darf höchstens 200 Zeichen lang sein."
	}
	if utf8.RuneCountInString(f.Message) > 2000 {
		errs["message"] = "Die Meldung darf höchstens 2000 Zeichen lang sein."
	}
	o := ticketing.Outage{Service: f.Service, Title: f.Title, PublicMessage: f.Message}
	if f.ETA != "" {
		eta, err := time.ParseInLocation("2006-01-02T15:04", f.ETA, displayZone())
		if err != nil {
			errs["eta"] = "Bitte geben Sie Datum und Uhrzeit an, z. B. 2026-11-26T16:30."
		} else {
			o.ETA = eta
		}
	}
	return o, f, errs
}

func (s *Server) outageFormError(w http.ResponseWriter, r *http.Request, id int64, f outageForm, errs map[string]string) {
	p, err := s.outagesData(r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if id == 0 {
		p.Form = f
	} else {
		p.Edit = f
	}
	p.FormFor, p.Errors = id, errs
	s.render(w, r, http.StatusBadRequest, "outages", "Bekannte Störungen: Eingabe prüfen", p)
}

func (s *Server) handleOutageCreate(w http.ResponseWriter, r *http.Request) {
	o, f, errs := s.parseOutage(r)
	if len(errs) > 0 {
		s.outageFormError(w, r, 0, f, errs)
		return
	}
	if _, err := s.cfg.Tickets.CreateOutage(r.Context(), o, principalFrom(r.Context()).Name); err != nil {
		if status, msg, ok := userMessage(err); ok && status == http.StatusBadRequest {
			s.outageFormError(w, r, 0, f, map[string]string{"title": msg})
			return
		}
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/desk/outages?ok=outage-create", http.StatusSeeOther)
}

func outageID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, ticketing.ErrNotFound
	}
	return id, nil
}

func (s *Server) handleOutageUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := outageID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	o, f, errs := s.parseOutage(r)
	if len(errs) > 0 {
		s.outageFormError(w, r, id, f, errs)
		return
	}
	o.ID = id
	if _, err := s.cfg.Tickets.UpdateOutage(r.Context(), o, principalFrom(r.Context()).Name); err != nil {
		if status, msg, ok := userMessage(err); ok && status == http.StatusBadRequest {
			s.outageFormError(w, r, id, f, map[string]string{"title": msg})
			return
		}
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/desk/outages?ok=outage-update", http.StatusSeeOther)
}

func (s *Server) handleOutageClose(w http.ResponseWriter, r *http.Request) {
	id, err := outageID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if _, err := s.cfg.Tickets.CloseOutage(r.Context(), id, principalFrom(r.Context()).Name); err != nil {
		if errors.Is(err, ticketing.ErrNotFound) {
			s.renderError(w, r, http.StatusNotFound, "Diese Störung gibt es nicht.")
			return
		}
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/desk/outages?ok=outage-close", http.StatusSeeOther)
}
