// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"io"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func envFrom(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestParseConfigDefaults(t *testing.T) {
	c, _, err := parseConfig("serve", nil, envFrom(nil), io.Discard, nil)
	if err != nil {
		t.Fatalf("parseConfig: %v", err)
	}
	if diff := cmp.Diff(DefaultConfig(), c); diff != "" {
		t.Errorf("empty environment should give the defaults (-want +got):\n%s", diff)
	}
	if c.LLM.Enabled() || c.Jira.Enabled() {
		t.Error("a fresh machine must be offline")
	}
}

func TestParseConfigEnvAndFlags(t *testing.T) {
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "key")
	if err := os.WriteFile(keyFile, []byte("s3cret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{
		"LOTSE_ADDR":             "127.0.0.1:9000",
		"LOTSE_DATA_DIR":         "/env/data",
		"LOTSE_KNOWLEDGE":        "a, b",
		"LOTSE_LLM_BASE_URL":     "http://127.0.0.1:11434/v1",
		"LOTSE_LLM_MODEL":        "llama3",
		"LOTSE_LLM_API_KEY_FILE": keyFile,
		"LOTSE_LLM_TIMEOUT":      "3s",
		"LOTSE_TRUSTED_PROXIES":  "10.0.0.0/8, 127.0.0.1",
		"LOTSE_RETENTION_DAYS":   "7",
		"LOTSE_ORGANIZATION":     "Gemeinde Beispielheim",
		"LOTSE_ORGANIZATION_EN":  "Municipality of Beispielheim",
	}
	c, _, err := parseConfig("serve", []string{"--data", "/flag/data", "--knowledge", "x"}, envFrom(env), io.Discard, nil)
	if err != nil {
		t.Fatalf("parseConfig: %v", err)
	}
	want := DefaultConfig()
	want.Addr = "127.0.0.1:9000"
	want.DataDir = "/flag/data"
	want.Knowledge = []string{"x"}
	want.LLM = LLMConfig{BaseURL: "http://127.0.0.1:11434/v1", Model: "llama3", APIKey: "s3cret", FirstTokenTimeout: 3 * time.Second}
	want.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("127.0.0.1/32")}
	want.RetentionDays = 7
	want.Organization, want.OrganizationEN = "Gemeinde Beispielheim", "Municipality of Beispielheim"
	if diff := cmp.Diff(want, c, cmp.Comparer(func(a, b netip.Prefix) bool { return a == b })); diff != "" {
		t.Errorf("config (-want +got):\n%s", diff)
	}
}

func TestParseConfigEnvKnowledgeUsedWithoutFlag(t *testing.T) {
	c, _, err := parseConfig("ask", nil, envFrom(map[string]string{"LOTSE_KNOWLEDGE": "a,b"}), io.Discard, nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"a", "b"}, c.Knowledge); diff != "" {
		t.Errorf("knowledge (-want +got):\n%s", diff)
	}
}

func TestParseConfigErrors(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"bad retrieval", map[string]string{"LOTSE_RETRIEVAL": "magic"}, nil, "retrieval"},
		{"base url without model", map[string]string{"LOTSE_LLM_BASE_URL": "http://x/v1"}, nil, "LOTSE_LLM_MODEL"},
		{"bad url", map[string]string{"LOTSE_LLM_MODEL": "m", "LOTSE_LLM_BASE_URL": "ftp://x"}, nil, "http(s) URL"},
		{"jira without auth", map[string]string{"LOTSE_JIRA_URL": "https://jira.example", "LOTSE_JIRA_PROJECT": "IT"}, nil, "LOTSE_JIRA_TOKEN"},
		{"jira without target", map[string]string{"LOTSE_JIRA_URL": "https://jira.example", "LOTSE_JIRA_TOKEN": "t"}, nil, "LOTSE_JIRA_PROJECT"},
		{"twilio without public url", map[string]string{"LOTSE_TWILIO_AUTH_TOKEN": "t"}, nil, "LOTSE_PUBLIC_URL"},
		{"bad duration", map[string]string{"LOTSE_LLM_TIMEOUT": "soon"}, nil, "LOTSE_LLM_TIMEOUT"},
		{"bad proxy", map[string]string{"LOTSE_TRUSTED_PROXIES": "not-an-ip"}, nil, "trusted proxy"},
		{"missing secret file", map[string]string{"LOTSE_JIRA_TOKEN_FILE": "/does/not/exist"}, nil, "LOTSE_JIRA_TOKEN_FILE"},
		{"unknown flag", nil, []string{"--nope"}, "nope"},
		{"retention", map[string]string{"LOTSE_RETENTION_DAYS": "0"}, nil, "retention"},
		{"organization with line break", map[string]string{"LOTSE_ORGANIZATION": "Stadt\nMusterstadt"}, nil, "LOTSE_ORGANIZATION"},
		{"organization too long", map[string]string{"LOTSE_ORGANIZATION_EN": strings.Repeat("x", 121)}, nil, "LOTSE_ORGANIZATION_EN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := parseConfig("serve", tt.args, envFrom(tt.env), io.Discard, nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}
