// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/musterstadt/lotse/knowledge"
	"gopkg.in/yaml.v3"
)

// evalCase is what the tests of this package read of an eval case.
type evalCase struct {
	ID       string             `yaml:"id"`
	Question string             `yaml:"question"`
	History  []string           `yaml:"history"`
	Audience knowledge.Audience `yaml:"audience"`
	Lang     string             `yaml:"lang"`
}

// readEvalCases returns the cases of every YAML file in the eval case
// folder dir (relative to this package), failing the test for an
// unreadable file and for a folder without cases.
func readEvalCases(t *testing.T, dir string) []evalCase {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	var out []evalCase
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var set struct {
			Cases []evalCase `yaml:"cases"`
		}
		if err := yaml.Unmarshal(data, &set); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out = append(out, set.Cases...)
	}
	if len(out) == 0 {
		t.Fatalf("no cases in %s", dir)
	}
	return out
}
