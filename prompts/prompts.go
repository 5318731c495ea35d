// SPDX-License-Identifier: EUPL-1.2

// Package prompts holds the LLM prompt templates as embedded *.tmpl files,
// parses them once and renders them with typed data, escaping user and
// retrieved text and fencing it in tags.
//
// Each template file defines two templates, "system" and "user", which
// become the system and the user message of a chat request. A file named
// NAME.LANG.tmpl (answer.en.tmpl) overrides NAME.tmpl for that language
// (NAME.en.tmpl also serves the languages other than German that have no
// file of their own), and Load can replace any file by one of the same name from a directory,
// so that a town can adapt the wording without rebuilding.
//
// prompts does not talk to models, does not redact personal data (the
// caller does that first) and imports only the standard library.
package prompts

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"text/template"
	"unicode/utf8"
)

//go:embed *.tmpl
var embedded embed.FS

// The base names of the templates every Set has.
const (
	nameAnswer       = "answer"
	nameAnswerSimple = "answer_simple"
	nameClassify     = "classify"
	nameSummary      = "summary"
)

var requiredNames = []string{nameAnswer, nameAnswerSimple, nameClassify, nameSummary}

// The organisation the prompts name when the data leaves it empty. German
// templates put the name after "der" (genitive), English ones after "the".
const (
	DefaultOrganization   = "Stadt Musterstadt"
	DefaultOrganizationEN = "City of Musterstadt"
)

// Set is a parsed collection of prompt templates. It is safe for
// concurrent use.
type Set struct {
	// tmpls maps a file's base name without ".tmpl" ("answer",
	// "answer.en") to its parsed templates.
	tmpls map[string]*template.Template
}

// Default returns the embedded templates. It panics only if they do not
// parse, which a test rules out.
func Default() *Set {
	s, err := Load("")
	if err != nil {
		panic(err)
	}
	return s
}

// Load parses the embedded templates and then, if overrideDir is not
// empty, every *.tmpl file in overrideDir, which replaces the embedded file
// of the same name or adds a translation. It renders every template once
// with sample data, so that a broken template fails at startup and not in
// a conversation.
func Load(overrideDir string) (*Set, error) {
	s := &Set{tmpls: map[string]*template.Template{}}
	if err := s.addFS(embedded, "."); err != nil {
		return nil, fmt.Errorf("prompts: embedded templates: %w", err)
	}
	if overrideDir != "" {
		if err := s.addFS(os.DirFS(overrideDir), "."); err != nil {
			return nil, fmt.Errorf("prompts: templates in %s: %w", overrideDir, err)
		}
	}
	for _, name := range requiredNames {
		if _, ok := s.tmpls[name]; !ok {
			return nil, fmt.Errorf("prompts: template %s.tmpl missing", name)
		}
	}
	if err := s.check(); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Set) addFS(fsys fs.FS, dir string) error {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".tmpl") {
			continue
		}
		b, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return err
		}
		name := strings.TrimSuffix(e.Name(), ".tmpl")
		t, err := template.New(name).Option("missingkey=error").Parse(string(b))
		if err != nil {
			return fmt.Errorf("%s: %w", e.Name(), err)
		}
		for _, part := range []string{"system", "user"} {
			if t.Lookup(part) == nil {
				return fmt.Errorf("%s: no {{define %q}}", e.Name(), part)
			}
		}
		s.tmpls[name] = t
	}
	return nil
}

// check renders every template with sample data.
func (s *Set) check() error {
	for _, name := range s.names() {
		base, _, _ := strings.Cut(name, ".")
		var data any
		switch base {
		case nameAnswer, nameAnswerSimple:
			data = answerView(sampleAnswerData())
		case nameClassify:
			data = classifyView(ClassifyData{Text: "Hallo", Lang: "de"})
		case nameSummary:
			data = summaryView(sampleSummaryData())
		default:
			// Extra files may hold anything; they are not rendered by us.
			continue
		}
		if _, _, err := render(s.tmpls[name], data); err != nil {
			return fmt.Errorf("prompts: %s.tmpl: %w", name, err)
		}
	}
	return nil
}

func (s *Set) names() []string {
	var names []string
	for n := range s.tmpls {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// lookup returns the template name.lang if present; for a language other
// than German without its own file name.en, whose rules are written for
// answers in any language and name it ({{.LanguageEN}}); else name.
func (s *Set) lookup(name, lang string) *template.Template {
	if lang != "" {
		if t, ok := s.tmpls[name+"."+lang]; ok {
			return t
		}
		if t, ok := s.tmpls[name+".en"]; ok && lang != "de" {
			return t
		}
	}
	return s.tmpls[name]
}

func render(t *template.Template, data any) (system, user string, err error) {
	if t == nil {
		return "", "", errNoTemplate
	}
	var sys, usr bytes.Buffer
	if err := t.ExecuteTemplate(&sys, "system", data); err != nil {
		return "", "", err
	}
	if err := t.ExecuteTemplate(&usr, "user", data); err != nil {
		return "", "", err
	}
	return strings.TrimSpace(sys.String()), strings.TrimSpace(usr.String()), nil
}

// Passage is one retrieved passage as the model sees it. All fields are
// raw text; the render functions escape them.
type Passage struct {
	Title   string
	Section string
	Text    string
}

// Turn is one earlier message of the conversation. Role is "user",
// "assistant" or "agent".
type Turn struct {
	Role string
	Text string
}

// AnswerData is the input of the answer prompt. Question and History must
// already be redacted.
type AnswerData struct {
	// Organization is the town or authority the assistant serves, e.g.
	// "Stadt Musterstadt"; empty means DefaultOrganization.
	Organization string
	// OrganizationEN is its English name for English templates; empty
	// means Organization if set, else DefaultOrganizationEN.
	OrganizationEN string
	Lang           string // ISO 639-1 code of the answer language; empty means "de"
	Simple         bool   // answer in Einfache Sprache (answer_simple.tmpl)
	Question       string
	// Passages are numbered from 1 in this order; the model cites [n].
	Passages []Passage
	History  []Turn // oldest first
}

// ClassifyData is the input of the intent classification prompt. Text
// must already be redacted.
type ClassifyData struct {
	Organization   string // as in AnswerData
	OrganizationEN string // as in AnswerData
	Lang           string
	Text           string
}

// SummaryData is the input of the escalation summary for the service desk.
// Transcript must already be redacted.
type SummaryData struct {
	Organization string // as in AnswerData; the summary prompt is German
	Lang         string // language the citizen wrote in; the summary is German
	Reason       string // why a human is needed, e.g. "requested"
	Intent       string
	Transcript   []Turn
	Sources      []string // titles of the documents the assistant cited
}

// Answer renders the answer prompt: the system message with the rules
// and the user message with the fenced history, passages and question.
func (s *Set) Answer(d AnswerData) (system, user string, err error) {
	name := nameAnswer
	if d.Simple {
		name = nameAnswerSimple
	}
	system, user, err = render(s.lookup(name, normLang(d.Lang)), answerView(d))
	if err != nil {
		return "", "", fmt.Errorf("prompts: render %s: %w", name, err)
	}
	return system, user, nil
}

// Classify renders the intent classification prompt.
func (s *Set) Classify(d ClassifyData) (system, user string, err error) {
	system, user, err = render(s.lookup(nameClassify, normLang(d.Lang)), classifyView(d))
	if err != nil {
		return "", "", fmt.Errorf("prompts: render %s: %w", nameClassify, err)
	}
	return system, user, nil
}

// Summary renders the prompt that summarises a conversation for the
// service desk. The desk works in German, so translations of summary.tmpl
// are not looked up.
func (s *Set) Summary(d SummaryData) (system, user string, err error) {
	system, user, err = render(s.tmpls[nameSummary], summaryView(d))
	if err != nil {
		return "", "", fmt.Errorf("prompts: render %s: %w", nameSummary, err)
	}
	return system, user, nil
}

// Escape neutralises text before it is placed inside a fence tag: angle
// brackets become ‹ and ›, so no content can close a fence or open a new
// one, and control characters other than newline and tab are dropped.
// Invalid UTF-8 is replaced.
func Escape(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '<':
			return '‹'
		case r == '>':
			return '›'
		case r == '\n' || r == '\t':
			return r
		case r < 0x20 || r == 0x7f:
			return -1
		}
		return r
	}, s)
}

// escapeAttr escapes s for a tag attribute: Escape, plus no double quotes
// and no line breaks.
func escapeAttr(s string) string {
	s = Escape(s)
	s = strings.ReplaceAll(s, `"`, "'")
	s = strings.ReplaceAll(s, "\n", " ")
	return strings.ReplaceAll(s, "\t", " ")
}

// The views are what templates see: every text field is already escaped,
// so a template cannot forget to escape.

type passageView struct {
	N       int
	Title   string // attribute-escaped
	Section string // attribute-escaped
	Text    string
}

type turnView struct {
	Role string
	Text string
}

type answerViewData struct {
	orgView
	Lang       string
	Language   string // German name of the answer language
	LanguageEN string // English name
	Simple     bool
	Question   string
	Passages   []passageView
	History    []turnView
}

func answerView(d AnswerData) answerViewData {
	lang := normLang(d.Lang)
	v := answerViewData{
		orgView:    newOrgView(d.Organization, d.OrganizationEN),
		Lang:       lang,
		Language:   languageName(lang, false),
		LanguageEN: languageName(lang, true),
		Simple:     d.Simple,
		Question:   Escape(d.Question),
		History:    turnViews(d.History),
	}
	for i, p := range d.Passages {
		v.Passages = append(v.Passages, passageView{
			N:       i + 1,
			Title:   escapeAttr(p.Title),
			Section: escapeAttr(p.Section),
			Text:    Escape(p.Text),
		})
	}
	return v
}

type classifyViewData struct {
	orgView
	Lang     string
	Language string
	Text     string
}

func classifyView(d ClassifyData) classifyViewData {
	lang := normLang(d.Lang)
	return classifyViewData{orgView: newOrgView(d.Organization, d.OrganizationEN), Lang: lang, Language: languageName(lang, false), Text: Escape(d.Text)}
}

type summaryViewData struct {
	orgView
	Lang       string
	Language   string
	Reason     string
	Intent     string
	Transcript []turnView
	Sources    []string
}

func summaryView(d SummaryData) summaryViewData {
	lang := normLang(d.Lang)
	v := summaryViewData{
		orgView:    newOrgView(d.Organization, ""),
		Lang:       lang,
		Language:   languageName(lang, false),
		Reason:     escapeAttr(d.Reason),
		Intent:     escapeAttr(d.Intent),
		Transcript: turnViews(d.Transcript),
	}
	for _, s := range d.Sources {
		v.Sources = append(v.Sources, escapeAttr(s))
	}
	return v
}

// orgView holds the organisation's names as templates see them:
// defaults filled in, attribute-escaped (one line, no angle brackets).
type orgView struct {
	Organization   string
	OrganizationEN string
}

func newOrgView(org, orgEN string) orgView {
	org, orgEN = OrganizationNames(org, orgEN)
	return orgView{Organization: escapeAttr(org), OrganizationEN: escapeAttr(orgEN)}
}

// OrganizationNames returns the organisation's German and English names as
// the prompts use them: trimmed, with defaults for empty ones. An empty
// org becomes DefaultOrganization; an empty orgEN becomes org if that was
// set, else DefaultOrganizationEN. It does not escape them.
func OrganizationNames(org, orgEN string) (string, string) {
	org, orgEN = strings.TrimSpace(org), strings.TrimSpace(orgEN)
	switch {
	case orgEN != "":
	case org != "":
		orgEN = org
	default:
		orgEN = DefaultOrganizationEN
	}
	if org == "" {
		org = DefaultOrganization
	}
	return org, orgEN
}

func turnViews(ts []Turn) []turnView {
	var out []turnView
	for _, t := range ts {
		role := t.Role
		switch role {
		case "user", "assistant", "agent":
		default:
			role = "user"
		}
		out = append(out, turnView{Role: role, Text: Escape(t.Text)})
	}
	return out
}

// normLang reduces "de-DE" or "EN" to a lower-case two-letter code;
// anything unusable becomes "de".
func normLang(lang string) string {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	if utf8.RuneCountInString(lang) < 2 || len(lang) > 3 || strings.IndexFunc(lang, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
		return "de"
	}
	return lang
}

// languages maps ISO 639-1 codes to the German and English name.
var languages = map[string][2]string{
	"de": {"Deutsch", "German"},
	"en": {"Englisch", "English"},
	"tr": {"Türkisch", "Turkish"},
	"ar": {"Arabisch", "Arabic"},
	"uk": {"Ukrainisch", "Ukrainian"},
	"ru": {"Russisch", "Russian"},
	"pl": {"Polnisch", "Polish"},
	"ro": {"Rumänisch", "Romanian"},
	"bg": {"Bulgarisch", "Bulgarian"},
	"hr": {"Kroatisch", "Croatian"},
	"sr": {"Serbisch", "Serbian"},
	"sq": {"Albanisch", "Albanian"},
	"el": {"Griechisch", "Greek"},
	"it": {"Italienisch", "Italian"},
	"fr": {"Französisch", "French"},
	"es": {"Spanisch", "Spanish"},
	"pt": {"Portugiesisch", "Portuguese"},
	"nl": {"Niederländisch", "Dutch"},
	"fa": {"Persisch", "Persian"},
	"ku": {"Kurdisch", "Kurdish"},
	"vi": {"Vietnamesisch", "Vietnamese"},
	"zh": {"Chinesisch", "Chinese"},
}

func languageName(lang string, english bool) string {
	names, ok := languages[lang]
	switch {
	case ok && english:
		return names[1]
	case ok:
		return names[0]
	case english:
		return "the language of the question (" + lang + ")"
	}
	return "der Sprache der Frage (" + lang + ")"
}

func sampleAnswerData() AnswerData {
	return AnswerData{
		Lang:     "de",
		Question: "Was kostet ein Reisepass?",
		Passages: []Passage{{Title: "Reisepass beantragen", Section: "Reisepass › Kosten", Text: "70,00 Euro"}},
		History:  []Turn{{Role: "user", Text: "Hallo"}, {Role: "assistant", Text: "Guten Tag!"}},
	}
}

func sampleSummaryData() SummaryData {
	return SummaryData{
		Lang:       "de",
		Reason:     "requested",
		Intent:     "human",
		Transcript: []Turn{{Role: "user", Text: "Ich möchte mit einem Menschen sprechen."}},
		Sources:    []string{"Reisepass beantragen"},
	}
}

// errNoTemplate is returned by a Set that was not made by Load.
var errNoTemplate = errors.New("prompts: set not loaded")
