// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestCallAgainstServe plays a phone call with `lotse call` against `lotse
// serve` in simulator mode: no gateway account, signatures still checked.
func TestCallAgainstServe(t *testing.T) {
	dataDir := t.TempDir()
	srv := mustStartServer(t, func(c *Config) { c.DataDir = dataDir })
	var out, errb bytes.Buffer
	in := strings.NewReader("Was kostet ein Reisepass?\nnein\n")
	if err := run(context.Background(), []string{"call", "--data", dataDir, "--url", srv.URL()}, envFrom(nil), in, &out, &errb); err != nil {
		t.Fatalf("call: %v\n%s\n%s", err, out.String(), errb.String())
	}
	heard := out.String()
	for _, want := range []string{"KI", "70 Euro"} {
		if !strings.Contains(heard, want) {
			t.Errorf("caller did not hear %q:\n%s", want, heard)
		}
	}
	if strings.Contains(heard, "https://") {
		t.Errorf("a URL was read out:\n%s", heard)
	}

	// A wrong secret is refused by the signature check.
	var out2 bytes.Buffer
	env := envFrom(map[string]string{"LOTSE_TWILIO_AUTH_TOKEN": "wrong", "LOTSE_PUBLIC_URL": srv.URL()})
	err := run(context.Background(), []string{"call", "--data", dataDir, "--url", srv.URL()}, env, strings.NewReader("Hallo\n"), &out2, &errb)
	if err == nil && !strings.Contains(out2.String(), "403") {
		t.Errorf("a call with a wrong token was accepted:\n%s", out2.String())
	}
}

func TestBenchPhoneAgainstServe(t *testing.T) {
	dataDir := t.TempDir()
	srv := mustStartServer(t, func(c *Config) { c.DataDir = dataDir })
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"bench", "phone", "--data", dataDir, "--url", srv.URL(), "--calls", "5"}, envFrom(nil), nil, &out, &errb); err != nil {
		t.Fatalf("bench phone: %v\n%s", err, errb.String())
	}
	if !strings.Contains(out.String(), "calls               5 (0 failed)") || !strings.Contains(out.String(), "p95") {
		t.Errorf("bench output:\n%s", out.String())
	}
}
