// SPDX-License-Identifier: EUPL-1.2

package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed static templates
var assetFS embed.FS

// pages holds the parsed page templates and the embedded static assets with
// their ETags.
type pages struct {
	tmpl   *template.Template
	assets map[string]asset
}

type asset struct {
	body        []byte
	contentType string
	etag        string
}

func newPages() (*pages, error) {
	tmpl, err := template.ParseFS(assetFS, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("web: parsing page templates: %w", err)
	}
	p := &pages{tmpl: tmpl, assets: make(map[string]asset)}
	entries, err := fs.ReadDir(assetFS, "static")
	if err != nil {
		return nil, fmt.Errorf("web: reading assets: %w", err)
	}
	for _, e := range entries {
		b, err := fs.ReadFile(assetFS, "static/"+e.Name())
		if err != nil {
			return nil, fmt.Errorf("web: reading asset %s: %w", e.Name(), err)
		}
		sum := sha256.Sum256(b)
		ct := mime.TypeByExtension(path.Ext(e.Name()))
		switch path.Ext(e.Name()) {
		case ".js":
			ct = "text/javascript; charset=utf-8"
		case ".css":
			ct = "text/css; charset=utf-8"
		}
		p.assets[e.Name()] = asset{body: b, contentType: ct, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
	}
	return p, nil
}

// serveAsset serves an embedded file. The URLs are stable (the widget is
// embedded by third-party pages), so caching is short and revalidated by
// ETag.
func (s *Server) serveAsset(name string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		a, ok := s.pages.assets[name]
		if !ok {
			writeError(w, r, s.log, errNotFound)
			return
		}
		h := w.Header()
		h.Set("Content-Type", a.contentType)
		h.Set("Cache-Control", "public, max-age=300, must-revalidate")
		h.Set("ETag", a.etag)
		h.Set("X-Content-Type-Options", "nosniff")
		// The widget runs on the city's other sites; its stylesheet is
		// loaded from there into the shadow root.
		h.Set("Cross-Origin-Resource-Policy", "cross-origin")
		if match := r.Header.Get("If-None-Match"); match != "" && strings.Contains(match, a.etag) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(a.body))
	}
}

// pageData is what the page templates see.
type pageData struct {
	Employee string // intranet page only
}

func (s *Server) handleIndex(w http.ResponseWriter, r *http.Request) {
	s.renderPage(w, r, "index.html", pageData{})
}

func (s *Server) handleIntern(w http.ResponseWriter, r *http.Request) {
	s.renderPage(w, r, "intern.html", pageData{Employee: employeeFrom(r.Context())})
}

func (s *Server) renderPage(w http.ResponseWriter, r *http.Request, name string, data pageData) {
	s.renderPageStatus(w, r, http.StatusOK, name, data)
}

// renderPageStatus renders the page template name with the given status.
func (s *Server) renderPageStatus(w http.ResponseWriter, r *http.Request, status int, name string, data pageData) {
	var buf bytes.Buffer
	if err := s.pages.tmpl.ExecuteTemplate(&buf, name, data); err != nil {
		writeError(w, r, s.log, fmt.Errorf("web: rendering %s: %w", name, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// SecurityHeaders sets a strict Content-Security-Policy (no inline script or
// style; sockets to any ws:/wss: host), nosniff and a same-origin referrer
// policy. frameAncestors are origins allowed to frame the page besides
// itself. cmd/lotse may use it for other HTML pages too.
func SecurityHeaders(frameAncestors []string) func(http.Handler) http.Handler {
	ancestors := "'self'"
	for _, a := range frameAncestors {
		if n, err := normalizeOrigin(a); err == nil {
			ancestors += " " + n
		}
	}
	csp := "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; frame-ancestors " + ancestors
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			h := w.Header()
			h.Set("Content-Security-Policy", csp)
			h.Set("X-Content-Type-Options", "nosniff")
			h.Set("Referrer-Policy", "same-origin")
			next.ServeHTTP(w, r)
		})
	}
}
