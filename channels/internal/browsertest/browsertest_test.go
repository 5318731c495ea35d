// SPDX-License-Identifier: EUPL-1.2

package browsertest

import (
	"os"
	"path/filepath"
	"testing"
)

func TestChromiumPath(t *testing.T) {
	sh := filepath.Join(t.TempDir(), "chromium")
	if err := os.WriteFile(sh, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	notExec := filepath.Join(t.TempDir(), "chromium")
	if err := os.WriteFile(notExec, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := chromiumPath(sh)
	if err != nil || got != sh {
		t.Errorf("chromiumPath(%q) = %q, %v; want it back", sh, got, err)
	}
	for _, env := range []string{"/nonexistent", notExec} {
		if got, err := chromiumPath(env); err == nil {
			t.Errorf("chromiumPath(%q) = %q, want an error", env, got)
		}
	}
}

func TestRequireSkipsWithoutChromium(t *testing.T) {
	t.Setenv("LOTSE_E2E", "")
	t.Setenv("LOTSE_CHROMIUM", "/nonexistent")
	var skipped bool
	t.Run("missing", func(t *testing.T) {
		defer func() { skipped = t.Skipped() }()
		Require(t)
		t.Error("Require returned without a browser")
	})
	if !skipped {
		t.Error("Require did not skip the test")
	}
}

func TestModuleRoot(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "channels", "web")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{root, deep} {
		if got, err := moduleRoot(dir); err != nil || got != root {
			t.Errorf("moduleRoot(%q) = %q, %v; want %q", dir, got, err, root)
		}
	}
	if got, err := moduleRoot(string(filepath.Separator)); err == nil {
		t.Errorf("moduleRoot(/) = %q, want an error", got)
	}
}

func TestViolationString(t *testing.T) {
	v := Violation{ID: "color-contrast", Help: "Elements must meet minimum color contrast", Nodes: []string{`["a"] <a>: low`, `["b"] <b>: low`}}
	want := `color-contrast (Elements must meet minimum color contrast): ["a"] <a>: low; ["b"] <b>: low`
	if got := v.String(); got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func TestJSString(t *testing.T) {
	for in, want := range map[string]string{
		`plain`:          `"plain"`,
		`a "quote" </x>`: `"a \"quote\" \u003c/x\u003e"`,
		"Zeile\nzwei":    `"Zeile\nzwei"`,
	} {
		if got := JSString(in); got != want {
			t.Errorf("JSString(%q) = %s, want %s", in, got, want)
		}
	}
}
