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

// TestOrganizationFromKnowledgeYAML checks that the disclosure names the
// administration of the knowledge base in use: `organization:` of its
// knowledge.yaml, unless LOTSE_ORGANIZATION says otherwise.
func TestOrganizationFromKnowledgeYAML(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"knowledge.yaml":          "organization: Gemeinde Beispielheim\ndefaults: {audience: citizen, lang: de, kind: service}\n",
		"leistungen/hunde.md":     "# Hund anmelden\n\nDen Hund melden Sie im Rathaus an.\n\n## Kosten\n\nDie Steuer beträgt 50,00 Euro im Jahr.\n",
		"leistungen/muell.md":     "# Müllabfuhr\n\nDer Müll wird montags abgeholt.\n",
		"leistungen/parken.md":    "# Parkausweis\n\nDen Parkausweis beantragen Sie online.\n",
		"leistungen/fundbuero.md": "# Fundbüro\n\nFundsachen geben Sie im Rathaus ab.\n",
	}
	for name, text := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ask := func(env map[string]string) string {
		t.Helper()
		var out, errb bytes.Buffer
		err := run(context.Background(), []string{"ask", "--data", t.TempDir(), "--knowledge", root, "Was kostet die Hundesteuer?"}, envFrom(env), nil, &out, &errb)
		if err != nil {
			t.Fatalf("ask: %v\n%s", err, errb.String())
		}
		return out.String()
	}
	if got := ask(nil); !strings.Contains(got, "KI-Assistenten der Gemeinde Beispielheim") || strings.Contains(got, "Musterstadt") {
		t.Errorf("disclosure does not name the knowledge base's organisation:\n%s", got)
	}
	if got := ask(map[string]string{"LOTSE_ORGANIZATION": "Stadt Anderswo"}); !strings.Contains(got, "KI-Assistenten der Stadt Anderswo") {
		t.Errorf("LOTSE_ORGANIZATION does not win:\n%s", got)
	}
	// Without a name anywhere, another town's knowledge base gets a
	// neutral one, never the bundled example's.
	if err := os.WriteFile(filepath.Join(root, "knowledge.yaml"), []byte("defaults: {audience: citizen, lang: de, kind: service}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := ask(nil); !strings.Contains(got, "KI-Assistenten der Verwaltung") || strings.Contains(got, "Musterstadt") {
		t.Errorf("disclosure without an organisation:\n%s", got)
	}
}
