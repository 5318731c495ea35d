// SPDX-License-Identifier: EUPL-1.2

package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"strings"
	"testing"
)

func get(t *testing.T, env *testEnv, path string, hdr http.Header) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, env.http.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

const wantCSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; frame-ancestors 'self'"

func TestPages(t *testing.T) {
	env := mustServe(t, nil)
	tests := []struct {
		name, path string
		hdr        http.Header
		want       []string
	}{
		{"citizen demo", "/", nil, []string{"Stadt Musterstadt", "erfundene Stadt", `<script src="/widget.js" data-lotse-url="/" defer></script>`}},
		{"intranet", "/intern", http.Header{"X-Remote-User": {"m.<b>muster</b>"}}, []string{"Angemeldet als m.&lt;b&gt;muster&lt;/b&gt;", `data-lotse-ws="/intern/ws"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := get(t, env, tt.path, tt.hdr)
			if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
				t.Fatalf("status %d, type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			if got := resp.Header.Get("Content-Security-Policy"); got != wantCSP {
				t.Errorf("CSP %q", got)
			}
			if resp.Header.Get("X-Content-Type-Options") != "nosniff" || resp.Header.Get("Referrer-Policy") != "same-origin" {
				t.Errorf("headers %v", resp.Header)
			}
			for _, bad := range []string{"style=", "<style", "onclick", "<script>"} {
				if strings.Contains(body, bad) {
					t.Errorf("page has inline %q, which the CSP forbids", bad)
				}
			}
		})
	}
	resp, body := get(t, env, "/intern", nil)
	if resp.StatusCode != 401 || !strings.Contains(body, `"unauthorized"`) {
		t.Errorf("/intern without header: %d %s", resp.StatusCode, body)
	}
	// A browser gets a page explaining the sign-in, still 401; the API
	// keeps its JSON error.
	resp, body = get(t, env, "/intern", http.Header{"Accept": {"text/html,application/xhtml+xml,*/*;q=0.8"}})
	if resp.StatusCode != 401 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") || !strings.Contains(body, "<h1>Anmeldung erforderlich</h1>") || !strings.Contains(body, "Single Sign-on") {
		t.Errorf("/intern in a browser without sign-in: %d %s %s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	if resp.Header.Get("Content-Security-Policy") == "" {
		t.Error("sign-in page without CSP")
	}
	for _, bad := range []string{"style=", "<style", "<script"} {
		if strings.Contains(body, bad) {
			t.Errorf("sign-in page has %q", bad)
		}
	}
	resp, body = get(t, env, "/intern/api/v1/chat", http.Header{"Accept": {"text/html"}})
	if resp.StatusCode != 401 || !strings.Contains(body, `"unauthorized"`) {
		t.Errorf("intranet API without sign-in: %d %s", resp.StatusCode, body)
	}
}

func TestSecurityHeadersFrameAncestors(t *testing.T) {
	h := SecurityHeaders([]string{"https://www.musterstadt.example", "not an origin"})(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	rec := &headerRecorder{h: http.Header{}}
	h.ServeHTTP(rec, &http.Request{})
	if got := rec.h.Get("Content-Security-Policy"); !strings.HasSuffix(got, "frame-ancestors 'self' https://www.musterstadt.example") {
		t.Errorf("CSP %q", got)
	}
}

type headerRecorder struct{ h http.Header }

func (r *headerRecorder) Header() http.Header         { return r.h }
func (r *headerRecorder) Write(b []byte) (int, error) { return len(b), nil }
func (r *headerRecorder) WriteHeader(int)             {}

func TestAssets(t *testing.T) {
	env := mustServe(t, nil)
	tests := []struct{ path, ctype string }{
		{"/widget.js", "text/javascript; charset=utf-8"},
		{"/widget.css", "text/css; charset=utf-8"},
		{"/static/page.css", "text/css; charset=utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, body := get(t, env, tt.path, nil)
			if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != tt.ctype || len(body) == 0 {
				t.Fatalf("status %d type %q len %d", resp.StatusCode, resp.Header.Get("Content-Type"), len(body))
			}
			etag := resp.Header.Get("ETag")
			if etag == "" || !strings.Contains(resp.Header.Get("Cache-Control"), "max-age=") || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("caching headers %v", resp.Header)
			}
			resp, _ = get(t, env, tt.path, http.Header{"If-None-Match": {etag}})
			if resp.StatusCode != http.StatusNotModified {
				t.Errorf("revalidation: %d", resp.StatusCode)
			}
		})
	}
}

// TestWidgetBudget keeps the widget small and free of the constructs the
// CSP or the XSS rules forbid.
func TestWidgetBudget(t *testing.T) {
	total := 0
	for _, name := range []string{"static/widget.js", "static/widget.css"} {
		b, err := assetFS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(b)
		zw.Close()
		t.Logf("%s: %d bytes, %d gzipped", name, len(b), buf.Len())
		total += buf.Len()
	}
	if total > 30<<10 {
		t.Errorf("widget is %d bytes gzipped, budget 30 KiB", total)
	}
	js, _ := assetFS.ReadFile("static/widget.js")
	for _, bad := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", ".style.", "setAttribute('style'", "cssText"} {
		if bytes.Contains(js, []byte(bad)) {
			t.Errorf("widget.js uses %q", bad)
		}
	}
}
