// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// A YAML data file (a static site's _data/*.yml, a CMS's export) is read
// like a JSON record (parseRecordJSON): a title key ("titel", "title",
// "name") the title, a lead key ("einleitung", "description") the lead,
// lists of questions and answers a section per question, grouped under
// the name of the list's owner; comments, tags and ids are left out. The
// root's own knowledge.yaml is configuration and never reaches here.

// Bounds of a YAML data file: its bytes, the values it may expand to
// (aliases counted each time they are used) and its depth.
const (
	maxYAMLBytes = 4 << 20
	maxYAMLNodes = 200_000
	maxYAMLDepth = 32
)

var errYAMLTooLarge = errors.New("YAML zu groß oder zu tief verschachtelt")

// parseYAMLData reads a YAML data file as a record or a list of records.
func parseYAMLData(data []byte) ([]parsedDoc, error) {
	if len(data) > maxYAMLBytes {
		return nil, fileErrorf(nil, "YAML größer als %d Bytes", maxYAMLBytes)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, fileErrorf(nil, "Binärdatei, kein YAML")
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fileErrorf(err, "YAML fehlerhaft")
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, fileErrorf(errNoText, "YAML")
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode && top.Kind != yaml.SequenceNode {
		return nil, fileErrorf(nil, "YAML ist kein Datensatz")
	}
	var buf bytes.Buffer
	budget := maxYAMLNodes
	if err := yamlJSON(&buf, top, 0, &budget); err != nil {
		return nil, fileErrorf(err, "YAML")
	}
	docs, err := parseRecordJSON(buf.Bytes(), top.Kind == yaml.SequenceNode)
	if err != nil {
		return nil, fileErrorf(err, "YAML fehlerhaft")
	}
	return docs, nil
}

// yamlJSON writes n as JSON, keys in the order written: scalars tagged
// as numbers or booleans as such, null as null, everything else
// (timestamps included) as a string; an alias as the value it names.
func yamlJSON(b *bytes.Buffer, n *yaml.Node, depth int, budget *int) error {
	if *budget--; *budget < 0 || depth > maxYAMLDepth {
		return errYAMLTooLarge
	}
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil {
			b.WriteString("null")
			return nil
		}
		return yamlJSON(b, n.Alias, depth+1, budget)
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			b.WriteString("null")
			return nil
		}
		return yamlJSON(b, n.Content[0], depth+1, budget)
	case yaml.SequenceNode:
		b.WriteByte('[')
		for i, c := range n.Content {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := yamlJSON(b, c, depth+1, budget); err != nil {
				return err
			}
		}
		b.WriteByte(']')
		return nil
	case yaml.MappingNode:
		b.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				b.WriteByte(',')
			}
			k := n.Content[i]
			for k.Kind == yaml.AliasNode && k.Alias != nil {
				k = k.Alias
			}
			key, _ := json.Marshal(k.Value)
			b.Write(key)
			b.WriteByte(':')
			if err := yamlJSON(b, n.Content[i+1], depth+1, budget); err != nil {
				return err
			}
		}
		b.WriteByte('}')
		return nil
	}
	switch n.ShortTag() {
	case "!!null":
		b.WriteString("null")
	case "!!bool":
		if v, err := strconv.ParseBool(n.Value); err == nil {
			b.WriteString(strconv.FormatBool(v))
		} else {
			b.WriteString("null")
		}
	case "!!int", "!!float":
		if f, err := strconv.ParseFloat(n.Value, 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			b.WriteString(strconv.FormatFloat(f, 'g', -1, 64))
		} else {
			s, _ := json.Marshal(n.Value)
			b.Write(s)
		}
	default:
		s, _ := json.Marshal(softBreaks(n.Value))
		b.Write(s)
	}
	return nil
}

// yamlItemRE matches a line that starts an item of a Markdown list.
var yamlItemRE = regexp.MustCompile(`^\s*(?:[-*+]|\d{1,3}[.)])\s`)

// softBreaks joins the lines of a block of text wrapped for the editor,
// as a site renders its data through Markdown: a line break inside a
// paragraph is a space; a blank line, and a line that starts a list
// item, part.
func softBreaks(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	var b strings.Builder
	for i, l := range lines {
		l = strings.TrimRight(l, " \t")
		if i > 0 {
			prev := strings.TrimSpace(lines[i-1])
			if prev == "" || strings.TrimSpace(l) == "" || yamlItemRE.MatchString(l) {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
				l = strings.TrimLeft(l, " \t")
			}
		}
		b.WriteString(l)
	}
	return b.String()
}
