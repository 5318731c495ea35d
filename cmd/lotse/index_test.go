// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIndexReportsFormatsAndSkips runs `lotse index` over the bundled base
// and a directory with a broken file; the report lists both.
func TestIndexReportsFormatsAndSkips(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"leistungen/sondernutzung.md": "---\ntitle: Sondernutzung\n---\n# Sondernutzung\n\n## Kosten\n\n15,00 Euro pro Tag.\n",
		"kaputt.pdf":                  "%PDF-1.4 this is not a pdf",
		"notiz.xyz":                   "unknown format",
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errb bytes.Buffer
	err := run(context.Background(), []string{"index", "--data", t.TempDir(), "--knowledge", "bundled", "--knowledge", dir},
		envFrom(nil), nil, &out, &errb)
	if err != nil {
		t.Fatalf("index: %v\n%s", err, errb.String())
	}
	report := out.String()
	for _, want := range []string{"md", "kaputt.pdf", "notiz.xyz"} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
	if strings.Count(report, "\n") < 5 {
		t.Errorf("report too short:\n%s", report)
	}
}

func TestIndexSharedCorpus(t *testing.T) {
	corpus := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("shared corpus not found at %s", corpus)
	}
	var out, errb bytes.Buffer
	err := run(context.Background(), []string{"index", "--data", t.TempDir(), "--knowledge", "bundled",
		"--knowledge", filepath.Join(corpus, "services-de"), "--knowledge", filepath.Join(corpus, "it-kb")},
		envFrom(nil), nil, &out, &errb)
	if err != nil {
		t.Fatalf("index: %v\n%s", err, errb.String())
	}
	if !strings.Contains(out.String(), "LICENSE") {
		t.Errorf("the licence files should be listed as skipped:\n%s", out.String())
	}
	t.Logf("\n%s", out.String())
}
