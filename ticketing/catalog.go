// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	_ "embed"
	"fmt"
	"os"
	"strings"

	"github.com/musterstadt/lotse/knowledge/german"
	"gopkg.in/yaml.v3"
)

//go:embed catalog.yaml
var defaultCatalogYAML []byte

// ITService is one entry of the IT service catalog.
type ITService struct {
	ID       string `yaml:"id"`       // stable identifier, stored in tickets and outages
	Name     string `yaml:"name"`     // German display name
	NameEN   string `yaml:"name_en"`  // English display name
	Critical bool   `yaml:"critical"` // raises the urgency by one step
	// OnSite marks equipment someone may have to see at the desk (a
	// printer, a PC, a phone): the intake asks where it stands. For
	// software and remote services it does not.
	OnSite   bool     `yaml:"onsite"`
	Synonyms []string `yaml:"synonyms"` // words that name the service; "x*" matches prefixes
}

// DisplayName returns the service name in lang ("en" or German).
func (s ITService) DisplayName(lang string) string {
	if lang == "en" && s.NameEN != "" {
		return s.NameEN
	}
	return s.Name
}

// Catalog is the IT service catalog used by the incident intake.
type Catalog struct {
	Services []ITService `yaml:"services"`
}

// DefaultCatalog returns the embedded catalog of Musterstadt.
func DefaultCatalog() *Catalog {
	c, err := ParseCatalog(defaultCatalogYAML)
	if err != nil {
		// The embedded file is tested; this cannot happen in a built binary.
		panic("ticketing: embedded catalog: " + err.Error())
	}
	return c
}

// LoadCatalog reads a catalog YAML file that replaces the default one.
func LoadCatalog(path string) (*Catalog, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("ticketing: read catalog: %w", err)
	}
	c, err := ParseCatalog(b)
	if err != nil {
		return nil, fmt.Errorf("ticketing: catalog %s: %w", path, err)
	}
	return c, nil
}

// ParseCatalog parses and validates catalog YAML: every service needs a
// unique ID, a name and at least one synonym.
func ParseCatalog(b []byte) (*Catalog, error) {
	var c Catalog
	if err := yaml.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("parse catalog: %w", err)
	}
	if len(c.Services) == 0 {
		return nil, fmt.Errorf("parse catalog: %w: no services", ErrInvalid)
	}
	seen := map[string]bool{}
	for i, s := range c.Services {
		if s.ID == "" || s.Name == "" || len(s.Synonyms) == 0 {
			return nil, fmt.Errorf("parse catalog: %w: service %d needs id, name and synonyms", ErrInvalid, i+1)
		}
		if seen[s.ID] {
			return nil, fmt.Errorf("parse catalog: %w: duplicate service id %q", ErrInvalid, s.ID)
		}
		seen[s.ID] = true
	}
	return &c, nil
}

// Service returns the catalog entry with the ID.
func (c *Catalog) Service(id string) (ITService, bool) {
	for _, s := range c.Services {
		if s.ID == id {
			return s, true
		}
	}
	return ITService{}, false
}

// Match finds the service a text talks about: the one with the most
// synonym hits; on a tie the one listed first.
func (c *Catalog) Match(text string) (ITService, bool) {
	norm := normalize(text)
	best, bestHits := -1, 0
	for i, s := range c.Services {
		hits := 0
		for _, syn := range s.Synonyms {
			if containsTerm(norm, syn) {
				hits++
			}
		}
		if hits > bestHits {
			best, bestHits = i, hits
		}
	}
	if best < 0 {
		return ITService{}, false
	}
	return c.Services[best], true
}

// normalize folds s into its words (package german) joined by single
// spaces, with a space at both ends, so that whole words can be found with
// strings.Contains(" word ").
func normalize(s string) string {
	n := german.Normalize(s)
	if n == "" {
		return " "
	}
	return " " + n + " "
}

// containsTerm reports whether the normalized text contains term as whole
// words, or as a word prefix when term ends in "*".
func containsTerm(norm, term string) bool {
	prefix := strings.HasSuffix(term, "*")
	t := strings.TrimSpace(normalize(strings.TrimSuffix(term, "*")))
	if t == "" {
		return false
	}
	if prefix {
		return strings.Contains(norm, " "+t)
	}
	return strings.Contains(norm, " "+t+" ")
}
