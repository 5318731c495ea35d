// SPDX-License-Identifier: EUPL-1.2

package musterstadt_test

import (
	"bytes"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"

	"github.com/musterstadt/lotse/knowledge/musterstadt"
)

// requiredHeadings are the sections every service description must have,
// in this order.
var requiredHeadings = []string{
	"Zuständige Stelle",
	"Voraussetzungen",
	"Benötigte Unterlagen",
	"Kosten",
	"Bearbeitungsdauer",
	"Termin",
	"Online-Dienst",
	"Rechtsgrundlage",
}

type frontMatter struct {
	Title    string   `yaml:"title"`
	Synonyms []string `yaml:"synonyms"`
	Updated  string   `yaml:"updated"`
	Date     string   `yaml:"date"`
	URL      string   `yaml:"url"`
}

type doc struct {
	path  string
	front frontMatter
	body  string
}

// mustReadDocs parses every Markdown file below dir of the bundled root.
func mustReadDocs(t *testing.T, dir string) []doc {
	t.Helper()
	root := musterstadt.FS()
	var docs []doc
	err := fs.WalkDir(root, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || path.Ext(p) != ".md" {
			return nil
		}
		b, err := fs.ReadFile(root, p)
		if err != nil {
			return err
		}
		docs = append(docs, mustParse(t, p, b))
		return nil
	})
	if err != nil {
		t.Fatalf("walk %s: %v", dir, err)
	}
	return docs
}

func mustParse(t *testing.T, p string, b []byte) doc {
	t.Helper()
	const sep = "---\n"
	if !bytes.HasPrefix(b, []byte(sep)) {
		t.Fatalf("%s: no front matter", p)
	}
	rest := b[len(sep):]
	end := bytes.Index(rest, []byte("\n"+sep))
	if end < 0 {
		t.Fatalf("%s: front matter not closed", p)
	}
	var fm frontMatter
	dec := yaml.NewDecoder(bytes.NewReader(rest[:end+1]))
	dec.KnownFields(true)
	if err := dec.Decode(&fm); err != nil {
		t.Fatalf("%s: front matter: %v", p, err)
	}
	return doc{path: p, front: fm, body: string(rest[end+1+len(sep):])}
}

// sections returns the level-2 headings in order and the text under each.
func sections(body string) ([]string, map[string]string) {
	var order []string
	text := map[string]string{}
	cur := ""
	for line := range strings.Lines(body) {
		if h, ok := strings.CutPrefix(line, "## "); ok {
			cur = strings.TrimSpace(h)
			order = append(order, cur)
			continue
		}
		if cur != "" {
			text[cur] += line
		}
	}
	return order, text
}

var (
	updatedRE = regexp.MustCompile(`^2026-\d\d-\d\d$`)
	feeRE     = regexp.MustCompile(`\d+,\d\d Euro`)
	// euroRE finds every mention of Euro together with what precedes it.
	euroRE = regexp.MustCompile(`(\S+ )?(\b(Euro|EUR)\b|€)`)
)

func TestCounts(t *testing.T) {
	for _, tc := range []struct {
		dir string
		min int
	}{
		{"leistungen", 25},
		{"intern/it", 15},
		{"hinweise", 3},
	} {
		if got := len(mustReadDocs(t, tc.dir)); got < tc.min {
			t.Errorf("%s: %d documents, want at least %d", tc.dir, got, tc.min)
		}
	}
}

func TestServiceDescriptions(t *testing.T) {
	for _, d := range mustReadDocs(t, "leistungen") {
		t.Run(d.path, func(t *testing.T) {
			if d.front.Title == "" {
				t.Error("front matter: no title")
			}
			if len(d.front.Synonyms) == 0 {
				t.Error("front matter: no synonyms")
			}
			if !updatedRE.MatchString(d.front.Updated) {
				t.Errorf("front matter: updated = %q, want 2026-MM-DD", d.front.Updated)
			}
			if !strings.HasPrefix(d.body, "# "+d.front.Title+"\n") {
				t.Errorf("body does not start with %q", "# "+d.front.Title)
			}
			order, text := sections(d.body)
			var got []string
			for _, h := range order {
				if slices.Contains(requiredHeadings, h) {
					got = append(got, h)
				}
			}
			if diff := cmp.Diff(requiredHeadings, got); diff != "" {
				t.Errorf("required headings (-want +got):\n%s", diff)
			}
			if !feeRE.MatchString(text["Kosten"]) {
				t.Errorf("Kosten has no amount like 37,00 Euro: %q", text["Kosten"])
			}
			if n := len(strings.Fields(d.body)); n < 150 || n > 450 {
				t.Errorf("body has %d words, want 150..450", n)
			}
		})
	}
}

// TestFees checks that every amount in every document is written the same
// way ("37,00 Euro"), so answers quote them identically.
func TestFees(t *testing.T) {
	for _, dir := range []string{"leistungen", "hinweise", "intern"} {
		for _, d := range mustReadDocs(t, dir) {
			for _, m := range euroRE.FindAllString(d.body, -1) {
				if !feeRE.MatchString(m) {
					t.Errorf("%s: amount %q, want the form 37,00 Euro", d.path, m)
				}
			}
		}
	}
}

func TestArticlesAndNotices(t *testing.T) {
	for _, d := range mustReadDocs(t, "intern/it") {
		if d.front.Title == "" || len(d.front.Synonyms) == 0 || !updatedRE.MatchString(d.front.Updated) {
			t.Errorf("%s: front matter incomplete: %+v", d.path, d.front)
		}
		order, _ := sections(d.body)
		for _, h := range []string{"Problem", "Lösung", "Wenn das nicht hilft"} {
			if !slices.Contains(order, h) {
				t.Errorf("%s: no section %q", d.path, h)
			}
		}
		if !strings.Contains(d.body, "4711") {
			t.Errorf("%s: does not name the IT-Servicedesk (4711)", d.path)
		}
	}
	for _, d := range mustReadDocs(t, "hinweise") {
		if d.front.Title == "" || !updatedRE.MatchString(d.front.Date) {
			t.Errorf("%s: front matter needs title and date: %+v", d.path, d.front)
		}
	}
}

// TestFixedFacts checks that facts repeated across documents are identical
// wherever an office is named.
func TestFixedFacts(t *testing.T) {
	offices := map[string]string{
		"Marktplatz 1, 12345 Musterstadt":         "Öffnungszeiten: Montag, Dienstag und Freitag 8:00 bis 12:30 Uhr, Donnerstag 8:00 bis 18:00 Uhr, Mittwoch geschlossen",
		"Standesamt Musterstadt, Rathausstraße 5": "Öffnungszeiten: Montag bis Freitag 8:30 bis 12:00 Uhr, Donnerstag zusätzlich 14:00 bis 17:00 Uhr",
		"Industriestraße 20":                      "Öffnungszeiten: Montag bis Freitag 7:30 bis 12:00 Uhr, Donnerstag zusätzlich 14:00 bis 17:30 Uhr",
	}
	for _, d := range mustReadDocs(t, "leistungen") {
		_, text := sections(d.body)
		stelle := text["Zuständige Stelle"]
		for office, hours := range offices {
			if strings.Contains(stelle, office) && !strings.Contains(stelle, hours) {
				t.Errorf("%s: %s without %q", d.path, office, hours)
			}
		}
	}
}

func TestKnowledgeYAML(t *testing.T) {
	b, err := fs.ReadFile(musterstadt.FS(), "knowledge.yaml")
	if err != nil {
		t.Fatal(err)
	}
	type rule struct {
		Match    string `yaml:"match"`
		Audience string `yaml:"audience"`
		Kind     string `yaml:"kind"`
		BaseURL  string `yaml:"base_url"`
		Label    string `yaml:"label"`
	}
	var got struct {
		Organization string            `yaml:"organization"`
		Defaults     map[string]string `yaml:"defaults"`
		Exclude      []string          `yaml:"exclude"`
		Folders      []rule            `yaml:"folders"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("knowledge.yaml: %v", err)
	}
	want := []rule{
		{Match: "leistungen/**", Kind: "service", BaseURL: "https://www.musterstadt.example/leistungen/", Label: "Leistungsbeschreibung der Stadt"},
		{Match: "intern/**", Audience: "employee", Kind: "article", BaseURL: "https://intranet.musterstadt.example/it/", Label: "IT-Wissensdatenbank"},
		{Match: "hinweise/**", Audience: "all", Kind: "notice", Label: "Bekanntmachung der Stadt"},
	}
	if diff := cmp.Diff(want, got.Folders); diff != "" {
		t.Errorf("folders (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]string{"audience": "citizen", "lang": "de"}, got.Defaults); diff != "" {
		t.Errorf("defaults (-want +got):\n%s", diff)
	}
	if !slices.Contains(got.Exclude, "synonyms.txt") {
		t.Error("synonyms.txt must be excluded from the documents")
	}
}

func TestSynonyms(t *testing.T) {
	b, err := fs.ReadFile(musterstadt.FS(), "synonyms.txt")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	groups := 0
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		groups++
		terms := strings.Split(line, ",")
		if len(terms) < 2 {
			t.Errorf("line %d: group with one term: %q", i+1, line)
		}
		for _, term := range terms {
			term = strings.ToLower(strings.TrimSpace(term))
			if term == "" {
				t.Errorf("line %d: empty term", i+1)
			}
			if prev, ok := seen[term]; ok {
				t.Errorf("line %d: %q already in line %d", i+1, term, prev)
			}
			seen[term] = i + 1
		}
	}
	if groups < 35 {
		t.Errorf("%d synonym groups, want at least 35", groups)
	}
}
