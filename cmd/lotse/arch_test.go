// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestImportRules checks the dependency direction of DESIGN.md: channels →
// assistant → knowledge, ticketing behind the assistant's interfaces, one
// package per wrapped dependency.
func TestImportRules(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found; import rules not checked")
	}
	const mod = "github.com/musterstadt/lotse"
	deps := func(pkg string) []string {
		t.Helper()
		cmd := exec.Command(goBin, "list", "-deps", "./"+pkg)
		cmd.Dir = filepath.Join("..", "..")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list -deps ./%s: %v", pkg, err)
		}
		return strings.Fields(string(out))
	}
	never := map[string][]string{
		"knowledge/german": {mod},
		"knowledge":        {mod + "/assistant", mod + "/ticketing", mod + "/channels"},
		"assistant":        {mod + "/ticketing", mod + "/channels", "github.com/andygrunwald/go-jira", "github.com/sashabaranov/go-openai"},
		"channels/phone":   {mod + "/ticketing"},
		"channels/web":     {mod + "/ticketing"},
		"ticketing":        {mod + "/channels", "github.com/andygrunwald/go-jira", "github.com/sashabaranov/go-openai", "github.com/wneessen/go-mail"},
	}
	for pkg, banned := range never {
		for _, d := range deps(pkg) {
			if d == mod+"/"+pkg {
				continue
			}
			if slices.ContainsFunc(banned, func(b string) bool { return d == b || strings.HasPrefix(d, b+"/") }) {
				t.Errorf("%s depends on %s", pkg, d)
			}
		}
	}
}
