// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"encoding/json"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"
)

// What static site generators add to Markdown besides YAML front matter:
// TOML front matter between "+++" lines (Hugo), heading attributes
// ("## Fahrzeiten {#fahrzeiten}") and footnotes ("[^1]").

// maxFrontMatter bounds the front matter read.
const maxFrontMatter = 64 << 10

// tomlFrontMatter reads TOML front matter into the fields YAML front
// matter has: its tables beyond them ([params], [[menu.main]]) are the
// generator's settings. Dates written as TOML dates are read as such.
func tomlFrontMatter(src string) (frontMatter, error) {
	var fm frontMatter
	if len(src) > maxFrontMatter {
		return fm, fileErrorf(nil, "Front Matter zu lang")
	}
	var m map[string]any
	if _, err := toml.Decode(src, &m); err != nil {
		return fm, err
	}
	// Through JSON, which YAML reads, into the same fields: a TOML date
	// becomes its RFC 3339 text, as parseDate reads it.
	b, err := json.Marshal(m)
	if err != nil {
		return fm, err
	}
	err = yaml.Unmarshal(b, &fm)
	return fm, err
}

// headingAttrRE matches the attributes Markdown extensions append to a
// heading ("{#fahrzeiten}", "{#id .klasse}", "{.unnumbered}").
var headingAttrRE = regexp.MustCompile(`\s+\{[#.][^{}]*\}\s*$`)

// footnoteDefRE matches a footnote's definition line ("[^bus]: Text").
var footnoteDefRE = regexp.MustCompile(`^\[\^([^\]\s]+)\]:\s*(.*)$`)

// footnoteRefRE matches a footnote's marker in the text ("…stündlich.[^bus]").
var footnoteRefRE = regexp.MustCompile(`\[\^([^\]\s]+)\]`)

// maxInlineFootnote is the longest footnote put in place of its marker.
const maxInlineFootnote = 300

// markdownFootnotes resolves footnotes: a marker in the text gives way
// to its note in brackets after the sentence that cites it ("…
// stündlich. (Fahrplan der Linie …)"); a marker in a heading, one
// without a definition and one whose note is too long to stand in the
// text are dropped. A definition leaves its place when its note went
// into the text, else it stays there as a line without its marker.
// Fenced code stays as it is.
func markdownFootnotes(text string) string {
	if !strings.Contains(text, "[^") {
		return text
	}
	lines := strings.Split(text, "\n")
	notes := map[string]string{}
	fence := fencedLines(lines)
	for i, l := range lines {
		if m := footnoteDefRE.FindStringSubmatch(l); m != nil && !fence[i] {
			notes[m[1]] = strings.TrimSpace(m[2])
		}
	}
	inlined := map[string]bool{}
	out := make([]string, 0, len(lines))
	for i, l := range lines {
		if fence[i] {
			out = append(out, l)
			continue
		}
		if footnoteDefRE.MatchString(l) {
			out = append(out, l) // settled below
			continue
		}
		heading := strings.HasPrefix(strings.TrimSpace(l), "#")
		l = footnoteRefRE.ReplaceAllStringFunc(l, func(ref string) string {
			id := footnoteRefRE.FindStringSubmatch(ref)[1]
			note := notes[id]
			if heading || note == "" || utf8.RuneCountInString(note) > maxInlineFootnote {
				return ""
			}
			inlined[id] = true
			return " (" + note + ")"
		})
		out = append(out, l)
	}
	kept := out[:0]
	for i, l := range out {
		if m := footnoteDefRE.FindStringSubmatch(l); m != nil && !fence[i] {
			if inlined[m[1]] || notes[m[1]] == "" {
				continue
			}
			l = notes[m[1]]
		}
		kept = append(kept, l)
	}
	return strings.Join(kept, "\n")
}

// fencedLines reports for each line whether it belongs to fenced code,
// its fences included.
func fencedLines(lines []string) []bool {
	fence := make([]bool, len(lines))
	in := false
	for i, l := range lines {
		t := strings.TrimSpace(l)
		open := strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")
		fence[i] = in || open
		if open {
			in = !in
		}
	}
	return fence
}
