// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

func httpGet(tb testing.TB, url string) (int, string) {
	tb.Helper()
	resp, err := http.Get(url)
	if err != nil {
		tb.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatalf("GET %s: reading body: %v", url, err)
	}
	return resp.StatusCode, string(b)
}

// TestDebugListenerServesPprofAndExpvar starts the real server with
// LOTSE_DEBUG_ADDR on a free loopback port and checks that profiles and
// expvar are served there and nowhere on the public port.
func TestDebugListenerServesPprofAndExpvar(t *testing.T) {
	srv := mustStartServer(t, func(c *Config) { c.DebugAddr = "127.0.0.1:0" })
	if srv.debug == nil {
		t.Fatal("LOTSE_DEBUG_ADDR set, but no debug listener started")
	}
	dbg := srv.debug.URL()
	if !strings.HasPrefix(dbg, "http://127.0.0.1:") || dbg == srv.URL() {
		t.Fatalf("debug listener at %s, public at %s: want a separate loopback port", dbg, srv.URL())
	}

	code, body := httpGet(t, dbg+"/debug/vars")
	if code != http.StatusOK {
		t.Fatalf("/debug/vars: status %d", code)
	}
	var vars map[string]json.RawMessage
	if err := json.Unmarshal([]byte(body), &vars); err != nil {
		t.Fatalf("/debug/vars is not JSON: %v", err)
	}
	var mem struct{ HeapAlloc, NumGC uint64 }
	if err := json.Unmarshal(vars["memstats"], &mem); err != nil || mem.HeapAlloc == 0 {
		t.Errorf("/debug/vars memstats = %s (err %v), want heap statistics", vars["memstats"], err)
	}

	code, body = httpGet(t, dbg+"/debug/pprof/")
	if code != http.StatusOK || !strings.Contains(body, "goroutine") || !strings.Contains(body, "heap") {
		t.Errorf("/debug/pprof/: status %d, want the profile index", code)
	}
	code, body = httpGet(t, dbg+"/debug/pprof/goroutine?debug=1")
	if code != http.StatusOK || !strings.Contains(body, "goroutine profile:") {
		t.Errorf("/debug/pprof/goroutine: status %d, body %.80q", code, body)
	}
	// A short CPU profile is a gzipped protobuf.
	code, body = httpGet(t, dbg+"/debug/pprof/profile?seconds=1")
	if code != http.StatusOK || !strings.HasPrefix(body, "\x1f\x8b") {
		t.Errorf("/debug/pprof/profile: status %d, want a gzipped profile", code)
	}

	for _, p := range []string{"/debug/pprof/", "/debug/vars"} {
		if code, _ := httpGet(t, srv.URL()+p); code == http.StatusOK {
			t.Errorf("public port serves %s", p)
		}
	}
}

func TestDebugListenerOffByDefault(t *testing.T) {
	if DefaultConfig().DebugAddr != "" {
		t.Fatal("the debug listener must be off by default")
	}
	srv := mustStartServer(t, nil)
	if srv.debug != nil {
		t.Error("debug listener started without LOTSE_DEBUG_ADDR")
	}
}

func TestDebugAddrMustBeLoopback(t *testing.T) {
	for addr, ok := range map[string]bool{
		"127.0.0.1:6060":    true,
		"localhost:6060":    true,
		"[::1]:6060":        true,
		"127.0.0.1:0":       true,
		":6060":             false, // every interface
		"0.0.0.0:6060":      false,
		"[::]:6060":         false,
		"192.0.2.1:6060":    false,
		"example.org:80":    false,
		"127.0.0.1":         false,
		"localhost:http":    false,
		"127.0.0.1:9999999": false,
	} {
		c, _, err := parseConfig("serve", nil, envFrom(map[string]string{"LOTSE_DEBUG_ADDR": addr}), io.Discard, nil)
		if ok && (err != nil || c.DebugAddr != addr) {
			t.Errorf("LOTSE_DEBUG_ADDR=%s: config %q, error %v; want accepted", addr, c.DebugAddr, err)
		}
		if !ok && (err == nil || !strings.Contains(err.Error(), "LOTSE_DEBUG_ADDR")) {
			t.Errorf("LOTSE_DEBUG_ADDR=%s: error %v, want one naming LOTSE_DEBUG_ADDR", addr, err)
		}
	}
}
