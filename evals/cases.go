// SPDX-License-Identifier: EUPL-1.2

// Package evals measures the quality of Lotse's answers: it loads eval cases
// (questions with expected sources, facts, intents and escalations) from
// YAML files, runs them through the same Ask entry point the channels use,
// computes retrieval and answer metrics, writes reports for people and
// machines, compares settings side by side and checks the CI gate.
//
// evals is not a test framework for the assistant's internals and has no
// private path into retrieval: every case is one fresh conversation through
// Asker.Ask. Wiring a real assistant (knowledge roots, model, settings) is
// the caller's job, done through a Builder; cmd/lotse parses the flags of
// `lotse eval` and calls Execute.
package evals

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
)

// Case is one eval question with what a good answer must show.
type Case struct {
	// ID names the case; it is unique over all loaded files.
	ID string `yaml:"id"`
	// Question is the user's last turn, the one whose answer is checked.
	Question string `yaml:"question"`
	// Audience is who asks: knowledge.Citizen (the default when empty) or
	// knowledge.Employee. Employee cases run as an authenticated employee.
	Audience knowledge.Audience `yaml:"audience,omitempty"`
	// Lang is the language of the question (ISO 639-1). It labels the case
	// for per-language metrics and is not sent to the assistant as a hint.
	Lang string `yaml:"lang,omitempty"`
	// Simple asks in Einfache Sprache (the conversation's Simple flag).
	Simple bool `yaml:"simple,omitempty"`
	// History holds earlier user turns, oldest first; they are sent through
	// the same conversation before Question.
	History []string `yaml:"history,omitempty"`
	// Expect is what the answer to Question must satisfy.
	Expect Expect `yaml:"expect,omitempty"`

	// File and Line locate the case in its source file for error messages
	// and reports; they are empty for cases built in code.
	File string `yaml:"-"`
	Line int    `yaml:"-"`
}

// Expect lists the checks of a case. Every field is optional; an empty
// Expect only measures latency and leaks nothing.
type Expect struct {
	// Sources are document IDs, last path elements or globs (see
	// MatchSource). At least one must be among the first five retrieved
	// documents and cited by the answer.
	Sources []string `yaml:"sources,omitempty" json:"sources,omitempty"`
	// Facts are short strings that must each appear in the answer text
	// (see ContainsFact).
	Facts []string `yaml:"facts,omitempty" json:"facts,omitempty"`
	// Intent is the intent the assistant must recognise, empty for no check.
	Intent assistant.Intent `yaml:"intent,omitempty" json:"intent,omitempty"`
	// Escalate, when set, says whether the answer must offer or start a
	// handoff to a human (true) or must not (false).
	Escalate *bool `yaml:"escalate,omitempty" json:"escalate,omitempty"`
	// Ticket, when set, says whether the answer to Question must open a
	// ticket (true: its handoff carries a ticket key, e.g. the last turn
	// of an IT incident intake) or must not (false).
	Ticket *bool `yaml:"ticket,omitempty" json:"ticket,omitempty"`
	// ForbidSources are globs of document IDs that must never be retrieved
	// or cited for this case; a match is a leak and fails the run.
	ForbidSources []string `yaml:"forbid_sources,omitempty" json:"forbid_sources,omitempty"`
	// MustNotContain are strings that must not appear in the answer: its
	// text, or the titles, URLs and snippets of its sources. Matching
	// ignores case and treats every run of white space as one blank (see
	// ContainsForbidden); nothing else is forgiven. A match is a leak, like
	// a forbidden source, and fails the run whatever the thresholds. A
	// string may not be empty, shorter than four characters, or occur in
	// the case's own question or history (an echo would fail the case).
	MustNotContain []string `yaml:"must_not_contain,omitempty" json:"must_not_contain,omitempty"`
}

// audience returns the effective audience of c.
func (c Case) audience() knowledge.Audience {
	if c.Audience == "" {
		return knowledge.Citizen
	}
	return c.Audience
}

// where returns "file:line" for messages, or the ID for cases built in code.
func (c Case) where() string {
	if c.File == "" {
		return "case " + strconv.Quote(c.ID)
	}
	return fmt.Sprintf("%s:%d", c.File, c.Line)
}

// caseFile is the top level of a case file.
type caseFile struct {
	Cases []Case `yaml:"cases"`
}

// validIntents are the intents a case may expect.
var validIntents = []assistant.Intent{
	assistant.IntentServiceInfo,
	assistant.IntentITIncident,
	assistant.IntentTicketStatus,
	assistant.IntentHuman,
	assistant.IntentSmalltalk,
	assistant.IntentOutOfScope,
	assistant.IntentAbuse,
}

var langRE = regexp.MustCompile(`^[a-z]{2}$`)

// LoadCases reads eval cases from files and directories. A directory
// contributes all of its *.yaml and *.yml files (not its subdirectories),
// in lexical order; files are read in the order given. Decoding is strict:
// unknown fields, unparsable YAML, a missing id or question, duplicate ids,
// an unknown audience, intent or language code and malformed globs are
// errors that name the file and line. All errors found are reported
// together.
func LoadCases(paths ...string) ([]Case, error) {
	if len(paths) == 0 {
		return nil, errors.New("evals: no case files given")
	}
	var files []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("evals: case file: %w", err)
		}
		if !fi.IsDir() {
			files = append(files, p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			return nil, fmt.Errorf("evals: reading case directory: %w", err)
		}
		n := 0
		for _, e := range entries {
			ext := strings.ToLower(filepath.Ext(e.Name()))
			if e.Type().IsRegular() && (ext == ".yaml" || ext == ".yml") {
				files = append(files, filepath.Join(p, e.Name()))
				n++
			}
		}
		if n == 0 {
			return nil, fmt.Errorf("evals: %s: directory holds no *.yaml or *.yml case files", p)
		}
	}

	var (
		all  []Case
		errs []error
		seen = map[string]Case{}
	)
	for _, f := range files {
		cases, err := loadFile(f)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, c := range cases {
			if c.ID == "" {
				continue // reported by loadFile
			}
			if first, dup := seen[c.ID]; dup {
				errs = append(errs, fmt.Errorf("%s: duplicate id %q (first at %s)", c.where(), c.ID, first.where()))
				continue
			}
			seen[c.ID] = c
			all = append(all, c)
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("evals: bad cases:\n%w", errors.Join(errs...))
	}
	return all, nil
}

// yamlLineRE finds yaml.v3's "line N: " inside its error messages.
var yamlLineRE = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// fieldNotFoundRE rewrites yaml.v3's message for an unknown field.
var fieldNotFoundRE = regexp.MustCompile(`^field (\S+) not found in type \S+$`)

// loadFile decodes and validates one case file. Case-level problems are all
// collected; an error is returned when there is any.
func loadFile(name string) ([]Case, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("evals: case file: %w", err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var cf caseFile
	if err := dec.Decode(&cf); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s:1: empty file, want a top-level \"cases:\" list", name)
		}
		return nil, yamlError(name, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s:%d: more than one YAML document; put all cases under one \"cases:\" list", name, extra.Line)
	}

	// Decode again into nodes for the line of every case.
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, yamlError(name, err)
	}
	nodes := caseNodes(&root)
	if cf.Cases == nil {
		return nil, fmt.Errorf("%s:1: no \"cases:\" list", name)
	}
	var errs []error
	for i := range cf.Cases {
		c := &cf.Cases[i]
		c.File = name
		var node *yaml.Node
		if i < len(nodes) {
			node = nodes[i]
			c.Line = node.Line
		}
		errs = append(errs, validate(*c, node)...)
	}
	if len(errs) > 0 {
		return cf.Cases, errors.Join(errs...)
	}
	return cf.Cases, nil
}

// yamlError rewrites yaml.v3 errors as "file:line: message" lines.
func yamlError(name string, err error) error {
	var msgs []string
	if te, ok := errors.AsType[*yaml.TypeError](err); ok {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	var out []error
	for _, m := range msgs {
		sm := yamlLineRE.FindStringSubmatch(m)
		if sm == nil {
			out = append(out, fmt.Errorf("%s: %s", name, strings.TrimPrefix(m, "yaml: ")))
			continue
		}
		msg := sm[2]
		if fm := fieldNotFoundRE.FindStringSubmatch(msg); fm != nil {
			msg = fmt.Sprintf("unknown field %q", fm[1])
		}
		out = append(out, fmt.Errorf("%s:%s: %s", name, sm[1], msg))
	}
	return errors.Join(out...)
}

// caseNodes returns the node of each item of the top-level cases list.
func caseNodes(root *yaml.Node) []*yaml.Node {
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 {
		return nil
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value != "cases" {
			continue
		}
		return m.Content[i+1].Content
	}
	return nil
}

// fieldLine returns the line of the value at keys below node (e.g.
// "expect", "intent"), or the line of node when there is none.
func fieldLine(node *yaml.Node, keys ...string) int {
	if node == nil {
		return 0
	}
	line := node.Line
	for _, k := range keys {
		if node.Kind != yaml.MappingNode {
			return line
		}
		var next *yaml.Node
		for i := 0; i+1 < len(node.Content); i += 2 {
			if node.Content[i].Value == k {
				next = node.Content[i+1]
			}
		}
		if next == nil {
			return line
		}
		node, line = next, next.Line
	}
	return line
}

// validate checks the values of one decoded case; node, when not nil, is
// its YAML node, for the line numbers of fields.
func validate(c Case, node *yaml.Node) []error {
	var errs []error
	at := func(keys ...string) Case {
		if l := fieldLine(node, keys...); l > 0 {
			c.Line = l
		}
		return c
	}
	badAt := func(where Case, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", where.where(), fmt.Sprintf(format, args...)))
	}
	bad := func(format string, args ...any) { badAt(c, format, args...) }
	if strings.TrimSpace(c.ID) == "" {
		bad("missing id")
	} else if strings.ContainsAny(c.ID, " \t\n") {
		bad("id %q contains whitespace", c.ID)
	}
	if strings.TrimSpace(c.Question) == "" {
		bad("case %q: missing question", c.ID)
	}
	switch c.Audience {
	case "", knowledge.Citizen, knowledge.Employee:
	default:
		badAt(at("audience"), "case %q: audience %q, want citizen or employee", c.ID, c.Audience)
	}
	if c.Lang != "" && !langRE.MatchString(c.Lang) {
		badAt(at("lang"), "case %q: lang %q, want a two-letter code such as de or en", c.ID, c.Lang)
	}
	for i, h := range c.History {
		if strings.TrimSpace(h) == "" {
			badAt(at("history"), "case %q: history turn %d is empty", c.ID, i+1)
		}
	}
	if c.Expect.Intent != "" && !slices.Contains(validIntents, c.Expect.Intent) {
		badAt(at("expect", "intent"), "case %q: intent %q, want one of %s", c.ID, c.Expect.Intent, intentList())
	}
	for _, f := range c.Expect.Facts {
		if strings.TrimSpace(f) == "" {
			badAt(at("expect", "facts"), "case %q: empty fact", c.ID)
		}
	}
	for _, s := range c.Expect.Sources {
		if err := checkGlob(s); err != nil {
			badAt(at("expect", "sources"), "case %q: source %q: %v", c.ID, s, err)
		}
	}
	for _, s := range c.Expect.ForbidSources {
		if err := checkGlob(s); err != nil {
			badAt(at("expect", "forbid_sources"), "case %q: forbid_sources %q: %v", c.ID, s, err)
		}
	}
	said := strings.Join(append(slices.Clone(c.History), c.Question), "\n")
	for _, s := range c.Expect.MustNotContain {
		switch {
		case len([]rune(strings.TrimSpace(s))) < 4:
			badAt(at("expect", "must_not_contain"), "case %q: must_not_contain %q: want at least four characters", c.ID, s)
		case ContainsForbidden(said, s):
			badAt(at("expect", "must_not_contain"), "case %q: must_not_contain %q occurs in the case's own question or history", c.ID, s)
		}
	}
	return errs
}

func intentList() string {
	var s []string
	for _, i := range validIntents {
		s = append(s, string(i))
	}
	return strings.Join(s, ", ")
}

// checkGlob reports an empty or malformed source pattern.
func checkGlob(p string) error {
	if strings.TrimSpace(p) == "" {
		return errors.New("empty pattern")
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == "**" {
			continue
		}
		if _, err := path.Match(seg, ""); err != nil {
			return fmt.Errorf("malformed glob: %w", err)
		}
	}
	return nil
}

// WriteCases writes cases in the format LoadCases reads, e.g. to turn
// reviewed conversations into new eval cases. File and Line are not written.
func WriteCases(w io.Writer, cases []Case) error {
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(caseFile{Cases: cases}); err != nil {
		return fmt.Errorf("evals: writing cases: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("evals: writing cases: %w", err)
	}
	return nil
}
