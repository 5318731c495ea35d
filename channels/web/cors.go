// SPDX-License-Identifier: EUPL-1.2

package web

import "net/http"

// corsMaxAge is how long (seconds) a browser may cache a preflight answer.
const corsMaxAge = "600"

// corsOrigin returns the request's Origin when it is exactly one of
// AllowedOrigins, else "".
func (s *Server) corsOrigin(r *http.Request) string {
	o := r.Header.Get("Origin")
	if o == "" || !s.origins[o] {
		return ""
	}
	return o
}

// cors adds the CORS answer headers to the citizen REST API: every answer
// varies by Origin, and only an origin of the allowlist (exact match; a
// browser sends it in the normalized form the list is kept in) may read
// it. No credentials are allowed: the API uses none.
func (s *Server) cors(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Add("Vary", "Origin")
		if o := s.corsOrigin(r); o != "" {
			h.Set("Access-Control-Allow-Origin", o)
			h.Set("Access-Control-Expose-Headers", "Retry-After")
		}
		next.ServeHTTP(w, r)
	})
}

// preflight answers a CORS preflight of the citizen REST API: 204 with the
// allowed method and header for an origin of the allowlist that asks for
// POST; a JSON 403 without any CORS header for every other origin (the
// browser then blocks the request). Without Origin it is a plain OPTIONS
// request and gets 204 with Allow.
func (s *Server) preflight(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers")
	if r.Header.Get("Origin") == "" {
		h.Set("Allow", "OPTIONS, POST")
		w.WriteHeader(http.StatusNoContent)
		return
	}
	o := s.corsOrigin(r)
	if o == "" {
		writeError(w, r, s.log, errForbiddenOrigin)
		return
	}
	if m := r.Header.Get("Access-Control-Request-Method"); m != http.MethodPost {
		writeError(w, r, s.log, errMethodNotAllowed)
		return
	}
	h.Set("Access-Control-Allow-Origin", o)
	h.Set("Access-Control-Allow-Methods", "POST")
	h.Set("Access-Control-Allow-Headers", "Content-Type")
	h.Set("Access-Control-Max-Age", corsMaxAge)
	w.WriteHeader(http.StatusNoContent)
}
