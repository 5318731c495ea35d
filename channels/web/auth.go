// SPDX-License-Identifier: EUPL-1.2

package web

import (
	"context"
	"net/http"
	"strings"
	"unicode"
	"unicode/utf8"
)

// employeeKey is the context key of the authenticated employee's user name.
type employeeKey struct{}

// employeeFrom returns the authenticated employee of the request, or "" for
// a citizen.
func employeeFrom(ctx context.Context) string {
	u, _ := ctx.Value(employeeKey{}).(string)
	return u
}

// employeeOnly lets a request through only when it comes from a trusted
// reverse proxy that names the employee in EmployeeHeader; everything else
// is 401. The header of any other peer is ignored, so nobody can claim to
// be an employee by sending it.
func (s *Server) employeeOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user, ok := s.employee(r)
		if !ok {
			if wantsPage(r) {
				// A person in a browser gets a page that explains the
				// sign-in; the API and the socket keep their JSON error.
				s.renderPageStatus(w, r, http.StatusUnauthorized, "intern-signin.html", pageData{})
				return
			}
			writeError(w, r, s.log, errUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), employeeKey{}, user)))
	})
}

// wantsPage reports whether r asks for the intranet page in a browser:
// GET /intern with HTML accepted.
func wantsPage(r *http.Request) bool {
	return r.Method == http.MethodGet && (r.URL.Path == "/intern" || r.URL.Path == "/intern/") &&
		strings.Contains(r.Header.Get("Accept"), "text/html")
}

func (s *Server) employee(r *http.Request) (string, bool) {
	if !s.trustedPeer(r.RemoteAddr) {
		return "", false
	}
	values := r.Header.Values(s.cfg.EmployeeHeader)
	if len(values) != 1 {
		return "", false
	}
	user := strings.TrimSpace(values[0])
	if user == "" || len(user) > 128 || !utf8.ValidString(user) || strings.ContainsFunc(user, unicode.IsControl) {
		return "", false
	}
	return user, true
}

func (s *Server) trustedPeer(remoteAddr string) bool {
	a, ok := parseAddr(remoteAddr)
	return ok && s.trusted(a)
}
