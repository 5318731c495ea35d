// SPDX-License-Identifier: EUPL-1.2

package desk

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/musterstadt/lotse/ticketing"
)

type usersPage struct {
	Users    []ticketing.User
	Username string // the create form's input after an error
	Role     string
	Errors   map[string]string
	Roles    []option
}

var roleOptions = []option{{RoleAgent, "Service-Desk"}, {RoleAdmin, "Administration"}}

func (s *Server) renderUsers(w http.ResponseWriter, r *http.Request, status int, p usersPage) {
	users, err := s.cfg.Store.ListUsers(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p.Users, p.Roles = users, roleOptions
	if p.Role == "" {
		p.Role = RoleAgent
	}
	s.render(w, r, status, "users", "Konten", p)
}

func (s *Server) handleUsers(w http.ResponseWriter, r *http.Request) {
	s.renderUsers(w, r, http.StatusOK, usersPage{})
}

// badInputField returns the form field a user-helper error belongs to.
func badInputField(err error) string {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "Passwort"):
		return "password"
	case strings.Contains(msg, "Rolle"):
		return "role"
	}
	return "username"
}

func (s *Server) handleUserCreate(w http.ResponseWriter, r *http.Request) {
	name := strings.ToLower(strings.TrimSpace(r.PostFormValue("username")))
	role := r.PostFormValue("role")
	_, err := AddUser(r.Context(), s.cfg.Store, principalFrom(r.Context()).Name, name, r.PostFormValue("password"), role)
	if err != nil {
		status, msg, ok := userMessage(err)
		if !ok {
			s.serverError(w, r, err)
			return
		}
		field := "username"
		if errors.Is(err, ErrBadInput) {
			field = badInputField(err)
		}
		s.renderUsers(w, r, status, usersPage{Username: name, Role: role, Errors: map[string]string{field: msg}})
		return
	}
	http.Redirect(w, r, "/desk/users?ok=user-create", http.StatusSeeOther)
}

func (s *Server) handleUserAction(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	me := principalFrom(ctx).Name
	name := chi.URLParam(r, "name")
	var err error
	switch action := chi.URLParam(r, "action"); action {
	case "disable", "enable":
		if name == me && action == "disable" {
			s.renderUsers(w, r, http.StatusBadRequest, usersPage{Errors: map[string]string{"row-" + name: "Sie können Ihr eigenes Konto nicht sperren."}})
			return
		}
		err = DisableUser(ctx, s.cfg.Store, me, name, action == "disable")
		if err == nil && action == "disable" {
			s.sess.dropUser(name)
		}
	case "password":
		err = SetPassword(ctx, s.cfg.Store, me, name, r.PostFormValue("password"))
	case "role":
		err = SetRole(ctx, s.cfg.Store, me, name, r.PostFormValue("role"))
	default:
		s.renderError(w, r, http.StatusNotFound, "Diese Aktion gibt es nicht.")
		return
	}
	if err != nil {
		status, msg, ok := userMessage(err)
		if !ok {
			s.serverError(w, r, err)
			return
		}
		s.renderUsers(w, r, status, usersPage{Errors: map[string]string{"row-" + name: msg}})
		return
	}
	http.Redirect(w, r, "/desk/users?ok=user-"+chi.URLParam(r, "action"), http.StatusSeeOther)
}

type auditPage struct {
	Entries []ticketing.AuditEntry
	Who     string
	Target  string
	Page    int
	Next    bool
}

func (s *Server) handleAudit(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	p := auditPage{Who: strings.TrimSpace(q.Get("who")), Target: strings.TrimSpace(q.Get("target"))}
	p.Page, _ = strconv.Atoi(q.Get("page"))
	p.Page = max(p.Page, 0)
	const per = 100
	entries, err := s.cfg.Store.ListAudit(r.Context(), ticketing.AuditFilter{Who: p.Who, Target: p.Target, Limit: per + 1, Offset: p.Page * per})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if len(entries) > per {
		entries, p.Next = entries[:per], true
	}
	p.Entries = entries
	s.render(w, r, http.StatusOK, "audit", "Protokoll", p)
}
