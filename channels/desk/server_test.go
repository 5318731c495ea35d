// SPDX-License-Identifier: EUPL-1.2

package desk

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/musterstadt/lotse/ticketing"
)

func TestNewValidates(t *testing.T) {
	e := mustEnv(t, nil)
	base := Config{Tickets: e.svc, Store: e.st, Conversations: e.conv}
	tests := []struct {
		name string
		edit func(*Config)
	}{
		{"no tickets", func(c *Config) { c.Tickets = nil }},
		{"no store", func(c *Config) { c.Store = nil }},
		{"no conversations", func(c *Config) { c.Conversations = nil }},
		{"unknown SLA priority", func(c *Config) { c.SLA = map[string]time.Duration{"P9": time.Hour} }},
		{"negative SLA", func(c *Config) { c.SLA = map[string]time.Duration{"P1": -time.Hour} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := base
			tt.edit(&cfg)
			if _, err := New(cfg); err == nil {
				t.Error("New accepted a bad config")
			}
		})
	}
	s, err := New(Config{Tickets: e.svc, Store: e.st, Conversations: e.conv, SLA: map[string]time.Duration{ticketing.P1: 30 * time.Minute}})
	if err != nil {
		t.Fatal(err)
	}
	if s.cfg.SLA[ticketing.P1] != 30*time.Minute || s.cfg.SLA[ticketing.P3] != 8*time.Hour || s.cfg.SessionTTL != 8*time.Hour || s.cfg.LockoutThreshold != 5 {
		t.Errorf("defaults: %+v", s.cfg)
	}
	// Shutdown is idempotent.
	s.Shutdown(context.Background())
	s.Shutdown(context.Background())
}

func TestSecurityHeadersAndStatic(t *testing.T) {
	e := mustEnv(t, nil)
	for _, path := range []string{"/desk/login", "/desk/static/desk.css", "/desk/static/desk.js"} {
		resp, err := http.Get(e.http.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		h := resp.Header
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: %d", path, resp.StatusCode)
		}
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "style-src 'self'") || strings.Contains(csp, "unsafe") || !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("%s: headers %v", path, h)
		}
	}
	resp, err := http.Get(e.http.URL + "/desk/login")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	buf := make([]byte, 4096)
	n, _ := resp.Body.Read(buf)
	body := string(buf[:n])
	if !strings.Contains(body, `<html lang="de">`) || strings.Contains(body, "<script>") || strings.Contains(body, "style=") {
		t.Errorf("login page: lang missing or inline script/style:\n%s", body)
	}
}
