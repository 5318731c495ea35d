// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// rootConfig is the parsed knowledge.yaml of one root. Its format is the one
// described in DESIGN.md: defaults, exclude globs and ordered folder rules,
// where later rules win and a file's front matter overrides all of them.
type rootConfig struct {
	// Organization is the administration whose knowledge this is, as
	// answers name it ("Stadt Musterstadt"); optional.
	Organization string       `yaml:"organization"`
	Defaults     folderMeta   `yaml:"defaults"`
	Exclude      []string     `yaml:"exclude"`
	Folders      []folderRule `yaml:"folders"`
	// Names gives documents names in other languages, by the document's
	// path in the root (with or without its extension) and language
	// code, as front matter's names: does; both are merged.
	Names     map[string]map[string][]string `yaml:"names"`
	namesUsed map[string]bool                // names entries that found their document
}

// maxNamedDocs bounds the documents knowledge.yaml may name.
const maxNamedDocs = 10000

// namesFor returns the names knowledge.yaml gives the document with ID id
// from the file rel: under its ID, or under the file's path when the file
// holds this one document. It marks the entry as used.
func (rc *rootConfig) namesFor(rel, id string) map[string][]string {
	keys := []string{id}
	if id == strings.TrimSuffix(rel, path.Ext(rel)) {
		keys = append(keys, rel)
	}
	for _, k := range keys {
		if ns, ok := rc.Names[k]; ok {
			if rc.namesUsed == nil {
				rc.namesUsed = map[string]bool{}
			}
			rc.namesUsed[k] = true
			return ns
		}
	}
	return nil
}

// unusedNames returns the paths under names: that named no document, in
// order.
func (rc *rootConfig) unusedNames() []string {
	var out []string
	for k := range rc.Names {
		if !rc.namesUsed[k] {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// folderMeta is the metadata a rule or the defaults may set. Empty fields
// leave earlier values alone.
type folderMeta struct {
	Audience string `yaml:"audience"`
	Kind     string `yaml:"kind"`
	Lang     string `yaml:"lang"`
	BaseURL  string `yaml:"base_url"`
	// Label names the kind of these documents in answers.
	Label string `yaml:"label"`
}

type folderRule struct {
	Match      string `yaml:"match"`
	folderMeta `yaml:",inline"`
}

// fileMeta is the metadata resolved for one file from knowledge.yaml.
type fileMeta struct {
	Audience Audience
	Kind     Kind
	Lang     string
	URL      string // base_url plus the slug, "" without base_url
	Label    string
	KindSet  bool // a rule named the kind explicitly
}

// Files at the top of a root that configure it and are never documents.
const (
	configFile   = "knowledge.yaml"
	synonymsFile = "synonyms.txt"
)

// readRootConfig reads knowledge.yaml from fsys. A missing file yields the
// built-in defaults (audience citizen, language de); a malformed one is an error.
func readRootConfig(fsys fs.FS) (rootConfig, error) {
	rc, _, _, err := readRootConfigBytes(fsys)
	return rc, err
}

// readRootConfigBytes is readRootConfig that also returns the bytes it
// parsed and whether there were any (the file exists), so that the
// manifest can hash what was read.
func readRootConfigBytes(fsys fs.FS) (rootConfig, []byte, bool, error) {
	b, err := fs.ReadFile(fsys, configFile)
	rc, perr := parseRootConfig(b, err)
	return rc, b, err == nil, perr
}

// parseRootConfig parses the result of reading knowledge.yaml.
func parseRootConfig(b []byte, err error) (rootConfig, error) {
	var rc rootConfig
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return rc, fmt.Errorf("reading %s: %w", configFile, err)
	default:
		if err := yaml.Unmarshal(b, &rc); err != nil {
			return rc, fmt.Errorf("parsing %s: %w", configFile, err)
		}
	}
	if err := rc.validate(); err != nil {
		return rc, fmt.Errorf("%s: %w", configFile, err)
	}
	return rc, nil
}

func (rc *rootConfig) validate() error {
	check := func(where string, m folderMeta) error {
		if m.Audience != "" {
			if _, ok := ParseAudience(m.Audience); !ok {
				return fmt.Errorf("%s: audience %q is not citizen, employee or all", where, m.Audience)
			}
		}
		if m.Kind != "" {
			if _, ok := parseKind(m.Kind); !ok {
				return fmt.Errorf("%s: kind %q is not service, article, notice, law or instruction", where, m.Kind)
			}
		}
		return nil
	}
	if err := check("defaults", rc.Defaults); err != nil {
		return err
	}
	for i, r := range rc.Folders {
		if r.Match == "" {
			return fmt.Errorf("folders[%d]: match is empty", i)
		}
		if !validGlob(r.Match) {
			return fmt.Errorf("folders[%d]: bad glob %q", i, r.Match)
		}
		if err := check(fmt.Sprintf("folders[%d] (%s)", i, r.Match), r.folderMeta); err != nil {
			return err
		}
	}
	for _, g := range rc.Exclude {
		if !validGlob(g) {
			return fmt.Errorf("exclude: bad glob %q", g)
		}
	}
	if len(rc.Names) > maxNamedDocs {
		return fmt.Errorf("names: %d documents, at most %d", len(rc.Names), maxNamedDocs)
	}
	clean := make(map[string]map[string][]string, len(rc.Names))
	for doc, ns := range rc.Names {
		p := strings.TrimPrefix(strings.TrimSpace(doc), "./")
		if p == "" || path.IsAbs(p) || path.Clean(p) != p || strings.HasPrefix(p, "../") {
			return fmt.Errorf("names: %q is not a document's path in the root such as leistungen/reisepass", doc)
		}
		checked, err := checkNames(ns)
		if err != nil {
			return fmt.Errorf("names of %s: %w", p, err)
		}
		if _, dup := clean[p]; dup {
			return fmt.Errorf("names: %s is named twice", p)
		}
		clean[p] = checked
	}
	rc.Names = clean
	return nil
}

func parseKind(s string) (Kind, bool) {
	switch k := Kind(s); k {
	case KindService, KindArticle, KindNotice, KindLaw, KindInstruction:
		return k, true
	}
	return "", false
}

// excluded reports whether rel (slash-separated, relative to the root) matches
// an exclude glob.
func (rc *rootConfig) excluded(rel string) bool {
	for _, g := range rc.Exclude {
		if globMatch(g, rel) {
			return true
		}
	}
	return false
}

// meta resolves the metadata for the file rel whose document ID is id.
func (rc *rootConfig) meta(rel, id string) fileMeta {
	m := fileMeta{Audience: Citizen, Kind: KindArticle, Lang: "de"}
	apply := func(f folderMeta, match string) {
		if f.Audience != "" {
			m.Audience = Audience(f.Audience)
		}
		if f.Kind != "" {
			m.Kind = Kind(f.Kind)
			m.KindSet = m.Kind != KindArticle
		}
		if f.Label != "" {
			m.Label = f.Label
		}
		if f.Lang != "" {
			m.Lang = f.Lang
		}
		if f.BaseURL != "" {
			m.URL = joinURL(f.BaseURL, strings.TrimPrefix(id, staticPrefix(match)))
		}
	}
	apply(rc.Defaults, "")
	for _, r := range rc.Folders {
		if globMatch(r.Match, rel) {
			apply(r.folderMeta, r.Match)
		}
	}
	return m
}

// staticPrefix returns the leading directories of a glob that hold no
// wildcard, with a trailing slash: "leistungen/**" gives "leistungen/".
func staticPrefix(glob string) string {
	segs := strings.Split(glob, "/")
	var b strings.Builder
	for _, s := range segs[:len(segs)-1] {
		if strings.ContainsAny(s, "*?[") {
			break
		}
		b.WriteString(s + "/")
	}
	return b.String()
}

// joinURL appends slug to base. When the base's last path segment repeats
// the slug's first one ("…/it/" + "it/vpn"), the repetition is dropped so
// that folder names mirrored in the intranet's URL scheme do not double.
func joinURL(base, slug string) string {
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	last := path.Base(strings.TrimSuffix(base, "/"))
	if first, rest, ok := strings.Cut(slug, "/"); ok && first == last {
		slug = rest
	}
	return base + slug
}

// validGlob reports whether every segment of g is a valid path.Match pattern.
func validGlob(g string) bool {
	for _, s := range strings.Split(g, "/") {
		if s == "**" {
			continue
		}
		if _, err := path.Match(s, ""); err != nil {
			return false
		}
	}
	return true
}

// globMatch matches a slash-separated path against a glob in which "**"
// stands for zero or more whole segments and every other segment follows
// path.Match.
func globMatch(glob, name string) bool {
	return matchSegs(strings.Split(glob, "/"), strings.Split(name, "/"))
}

func matchSegs(g, n []string) bool {
	for len(g) > 0 {
		if g[0] == "**" {
			if len(g) == 1 {
				return true
			}
			for i := 0; i <= len(n); i++ {
				if matchSegs(g[1:], n[i:]) {
					return true
				}
			}
			return false
		}
		if len(n) == 0 {
			return false
		}
		if ok, _ := path.Match(g[0], n[0]); !ok {
			return false
		}
		g, n = g[1:], n[1:]
	}
	return len(n) == 0
}

// Organization returns the administration named by the first root whose
// knowledge.yaml sets `organization:`, or "" when none does. A root
// without a readable knowledge.yaml is passed over; a malformed one is
// reported when the roots are loaded.
func Organization(roots []Root) string {
	for _, r := range roots {
		if r.FS == nil {
			continue
		}
		rc, err := readRootConfig(r.FS)
		if err != nil {
			continue
		}
		if o := strings.TrimSpace(rc.Organization); o != "" {
			return o
		}
	}
	return ""
}
