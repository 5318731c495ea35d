// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/musterstadt/lotse/ticketing/pgtest"
)

func TestDatabaseURLConfig(t *testing.T) {
	c, _, err := parseConfig("serve", nil, envFrom(map[string]string{"LOTSE_DATABASE_URL": "postgres://lotse:geheim@db.intern:5432/lotse?sslmode=require"}), io.Discard, nil)
	if err != nil {
		t.Fatalf("parseConfig: %v", err)
	}
	if c.DatabaseURL != "postgres://lotse:geheim@db.intern:5432/lotse?sslmode=require" {
		t.Errorf("DatabaseURL = %q", c.DatabaseURL)
	}
	for _, bad := range []string{
		"mysql://lotse:geheim@db/lotse",
		"postgres://lotse:geheim@/lotse",
		"postgres://lotse:geheim@db:notaport/lotse",
		"postgres://lotse:geheim@db/lotse?sslmode=sometimes",
	} {
		_, _, err := parseConfig("serve", nil, envFrom(map[string]string{"LOTSE_DATABASE_URL": bad}), io.Discard, nil)
		if err == nil {
			t.Errorf("%s accepted", bad)
			continue
		}
		if !strings.Contains(err.Error(), "LOTSE_DATABASE_URL") || strings.Contains(err.Error(), "geheim") {
			t.Errorf("%s: error %q should name the variable and never the password", bad, err)
		}
	}
}

// /readyz reports the database: 503 with a reason while PostgreSQL is
// down, 200 again once it is back, without a restart of the instance.
func TestReadyzFollowsTheDatabase(t *testing.T) {
	cluster := pgtest.NewCluster(t)
	// The throw-away cluster trusts local connections; the password is
	// there to check that it never reaches the log.
	url := strings.Replace(cluster.NewDB(t), "postgres://postgres@", "postgres://postgres:geheim@", 1)
	cfg := DefaultConfig()
	cfg.Addr, cfg.DataDir, cfg.Watch, cfg.DatabaseURL = "127.0.0.1:0", t.TempDir(), false, url
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	var logs syncBuffer
	srv, err := startServer(context.Background(), cfg, newLogger(&logs, "info"))
	if err != nil {
		t.Fatalf("startServer: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	})
	type ready struct {
		code int
		body map[string]string
	}
	get := func() ready {
		t.Helper()
		resp, err := http.Get(srv.URL() + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var b map[string]string
		if err := json.NewDecoder(resp.Body).Decode(&b); err != nil {
			t.Fatal(err)
		}
		return ready{resp.StatusCode, b}
	}
	waitFor := func(code int) ready {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for {
			r := get()
			if r.code == code || time.Now().After(deadline) {
				return r
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	if r := get(); r.code != http.StatusOK || r.body["database"] != "postgres" {
		t.Fatalf("/readyz with the database up = %d %v", r.code, r.body)
	}
	if err := cluster.Stop(); err != nil {
		t.Fatal(err)
	}
	r := waitFor(http.StatusServiceUnavailable)
	if r.code != http.StatusServiceUnavailable || r.body["reason"] != "database unreachable" || r.body["status"] != "unavailable" {
		t.Fatalf("/readyz with the database down = %d %v", r.code, r.body)
	}
	// A chat during the outage gets an error, not an answer that would be
	// lost.
	resp, err := http.Post(srv.URL()+"/api/v1/chat", "application/json", strings.NewReader(`{"message":"Was kostet ein Reisepass?"}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(body), `"code":"unavailable"`) || resp.Header.Get("Retry-After") == "" {
		t.Errorf("chat while the database is down = %d %s (Retry-After %q); want 503 unavailable with Retry-After", resp.StatusCode, body, resp.Header.Get("Retry-After"))
	}
	if err := cluster.Start(); err != nil {
		t.Fatal(err)
	}
	if r := waitFor(http.StatusOK); r.code != http.StatusOK {
		t.Fatalf("/readyz after the database came back = %d %v", r.code, r.body)
	}
	// The instance works again: a chat goes through and is stored.
	resp, err = http.Post(srv.URL()+"/api/v1/chat", "application/json", strings.NewReader(`{"message":"Was kostet ein Reisepass?"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("chat after recovery = %d", resp.StatusCode)
	}
	out := logs.String()
	if strings.Contains(out, "geheim") {
		t.Errorf("the log holds the database password:\n%s", out)
	}
	for _, want := range []string{"postgres:xxxxx@", "database unreachable", "database reachable again"} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}
}
