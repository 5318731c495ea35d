// SPDX-License-Identifier: EUPL-1.2

package web

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/gorilla/websocket"
)

const (
	allowedOrigin = "https://www.musterstadt.example"
	framingOrigin = "https://portal.musterstadt.example"
)

// checkSecurityHeaders fails unless h carries the channel's security
// headers with the frame ancestors of mustServeHardened.
func checkSecurityHeaders(t *testing.T, what string, h http.Header) {
	t.Helper()
	csp := h.Get("Content-Security-Policy")
	if want := "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; frame-ancestors 'self' " + framingOrigin; csp != want {
		t.Errorf("%s: CSP %q, want %q", what, csp, want)
	}
	if strings.Contains(csp, "unsafe-") {
		t.Errorf("%s: CSP allows unsafe sources: %q", what, csp)
	}
	if got := h.Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("%s: X-Content-Type-Options %q", what, got)
	}
	if got := h.Get("Referrer-Policy"); got != "same-origin" {
		t.Errorf("%s: Referrer-Policy %q", what, got)
	}
}

func mustServeHardened(t *testing.T, opt func(*Config)) *testEnv {
	t.Helper()
	return mustServe(t, func(c *Config) {
		c.AllowedOrigins = []string{allowedOrigin}
		c.FrameAncestors = []string{framingOrigin}
		if opt != nil {
			opt(c)
		}
	})
}

// TestSecurityHeadersEveryRoute requests every route of the channel, with
// good and bad input, and checks each answer's security headers.
func TestSecurityHeadersEveryRoute(t *testing.T) {
	env := mustServeHardened(t, func(c *Config) { c.MaxConnsPerIP = 1 })
	employee := map[string]string{"X-Remote-User": "m.muster"}
	tests := []struct {
		name, method, path, body string
		hdr                      map[string]string
		status                   int
	}{
		{"demo page", "GET", "/", "", nil, 200},
		{"intranet page", "GET", "/intern", "", employee, 200},
		{"intranet page without login", "GET", "/intern", "", nil, 401},
		{"widget script", "GET", "/widget.js", "", nil, 200},
		{"widget style", "GET", "/widget.css", "", nil, 200},
		{"page style", "GET", "/static/page.css", "", nil, 200},
		{"asset revalidation", "GET", "/widget.js", "", map[string]string{"If-None-Match": "*"}, 304},
		{"chat", "POST", "/api/v1/chat", `{"message":"Hallo"}`, nil, 200},
		{"chat from allowed origin", "POST", "/api/v1/chat", `{"message":"Hallo"}`, map[string]string{"Origin": allowedOrigin}, 200},
		{"chat bad input", "POST", "/api/v1/chat", `{`, nil, 400},
		{"chat forbidden origin", "POST", "/api/v1/chat", `{"message":"Hallo"}`, map[string]string{"Origin": "https://evil.example"}, 403},
		{"preflight", "OPTIONS", "/api/v1/chat", "", map[string]string{"Origin": allowedOrigin, "Access-Control-Request-Method": "POST"}, 204},
		{"refused preflight", "OPTIONS", "/api/v1/chat", "", map[string]string{"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}, 403},
		{"intranet chat", "POST", "/intern/api/v1/chat", `{"message":"VPN"}`, employee, 200},
		{"intranet chat without login", "POST", "/intern/api/v1/chat", `{"message":"VPN"}`, nil, 401},
		{"unknown route", "GET", "/nope", "", nil, 404},
		{"unknown intranet route", "GET", "/intern/nope", "", employee, 404},
		{"wrong method", "DELETE", "/api/v1/chat", "", nil, 405},
		{"socket without upgrade", "GET", "/ws", "", nil, 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, env.http.URL+tt.path, strings.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range tt.hdr {
				req.Header.Set(k, v)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.status)
			}
			checkSecurityHeaders(t, tt.name, resp.Header)
		})
	}

	t.Run("WebSocket handshakes", func(t *testing.T) {
		ws, resp, err := websocket.DefaultDialer.Dial(wsURL(env, "/ws"), nil)
		if err != nil {
			t.Fatal(err)
		}
		defer ws.Close()
		checkSecurityHeaders(t, "101", resp.Header)
		// The second socket of the address is over MaxConnsPerIP.
		_, resp, err = websocket.DefaultDialer.Dial(wsURL(env, "/ws"), nil)
		if err == nil || resp.StatusCode != 429 {
			t.Fatalf("second socket: %v %v", err, resp)
		}
		checkSecurityHeaders(t, "429", resp.Header)
		_, resp, err = websocket.DefaultDialer.Dial(wsURL(env, "/intern/ws"), nil)
		if err == nil || resp.StatusCode != 401 {
			t.Fatalf("intranet socket: %v %v", err, resp)
		}
		checkSecurityHeaders(t, "401", resp.Header)
	})

	t.Run("panic", func(t *testing.T) {
		env := mustServeHardened(t, func(c *Config) { c.Store = panicStore{} })
		resp, _ := postRaw(t, env, "/api/v1/chat", `{"message":"Hallo"}`, nil)
		if resp.StatusCode != 500 {
			t.Errorf("status %d", resp.StatusCode)
		}
		checkSecurityHeaders(t, "500", resp.Header)
	})
}

func TestCORS(t *testing.T) {
	env := mustServeHardened(t, nil)
	tests := []struct {
		name, method, path, origin, reqMethod string
		status                                int
		allowOrigin                           string // "" means no CORS headers at all
	}{
		{"preflight of an allowed origin", "OPTIONS", "/api/v1/chat", allowedOrigin, "POST", 204, allowedOrigin},
		{"preflight of another origin", "OPTIONS", "/api/v1/chat", "https://evil.example", "POST", 403, ""},
		{"preflight of a look-alike origin", "OPTIONS", "/api/v1/chat", allowedOrigin + ".evil.example", "POST", 403, ""},
		{"preflight with other case is no exact match", "OPTIONS", "/api/v1/chat", "https://WWW.musterstadt.example", "POST", 403, ""},
		{"preflight of the null origin", "OPTIONS", "/api/v1/chat", "null", "POST", 403, ""},
		{"preflight for another method", "OPTIONS", "/api/v1/chat", allowedOrigin, "DELETE", 405, ""},
		{"plain OPTIONS", "OPTIONS", "/api/v1/chat", "", "", 204, ""},
		{"POST from an allowed origin", "POST", "/api/v1/chat", allowedOrigin, "", 200, allowedOrigin},
		{"POST from another origin", "POST", "/api/v1/chat", "https://evil.example", "", 403, ""},
		{"POST without origin", "POST", "/api/v1/chat", "", "", 200, ""},
		{"POST from the same origin needs no CORS", "POST", "/api/v1/chat", env.http.URL, "", 200, ""},
		{"intranet API is same-origin only", "POST", "/intern/api/v1/chat", allowedOrigin, "", 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, env.http.URL+tt.path, strings.NewReader(`{"message":"Hallo"}`))
			req.Header.Set("X-Remote-User", "m.muster")
			if tt.origin != "" {
				req.Header.Set("Origin", tt.origin)
			}
			if tt.reqMethod != "" {
				req.Header.Set("Access-Control-Request-Method", tt.reqMethod)
				req.Header.Set("Access-Control-Request-Headers", "content-type")
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d (%s)", resp.StatusCode, tt.status, body)
			}
			if resp.StatusCode >= 400 && !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
				t.Errorf("error is not JSON: %q", resp.Header.Get("Content-Type"))
			}
			if got := resp.Header.Get("Access-Control-Allow-Origin"); got != tt.allowOrigin {
				t.Errorf("Access-Control-Allow-Origin %q, want %q", got, tt.allowOrigin)
			}
			if tt.allowOrigin == "" {
				for k := range resp.Header {
					if strings.HasPrefix(k, "Access-Control-") {
						t.Errorf("CORS header %s on a refused request", k)
					}
				}
			}
			if tt.path == "/api/v1/chat" && !strings.Contains(strings.Join(resp.Header.Values("Vary"), ","), "Origin") {
				t.Errorf("Vary %q lacks Origin", resp.Header.Values("Vary"))
			}
			if tt.method == "OPTIONS" && tt.allowOrigin != "" {
				h := resp.Header
				if h.Get("Access-Control-Allow-Methods") != "POST" || h.Get("Access-Control-Allow-Headers") != "Content-Type" || h.Get("Access-Control-Max-Age") == "" || h.Get("Access-Control-Allow-Credentials") != "" {
					t.Errorf("preflight headers %v", h)
				}
			}
			if tt.method == "POST" && tt.allowOrigin != "" && resp.Header.Get("Access-Control-Expose-Headers") != "Retry-After" {
				t.Errorf("Retry-After is not exposed: %v", resp.Header)
			}
		})
	}
	if n := len(env.chat.calls); n != 4 {
		t.Errorf("chatter called %d times, want 4 (refused requests must not reach it)", n)
	}
}
