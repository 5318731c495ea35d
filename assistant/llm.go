// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/prompts"
)

// The modes of an answer produced by generate.
const (
	modeLLM      = "llm"
	modeFallback = "fallback"
)

// The reasons for replacing an LLM answer, as passed to
// Metrics.CitationReplaced.
const (
	reasonNoCitation      = "no_citation"
	reasonUnknownCitation = "unknown_citation"
	reasonUnsupportedFact = "unsupported_fact"
	reasonPromptLeak      = "prompt_leak"
)

// Limits of what goes to the model and what comes back.
const (
	maxLLMPassages     = 8
	maxLLMPassageRunes = 2500
	maxLLMHistory      = 6 // earlier entries sent as context
	maxLLMHistoryRunes = 500
	maxLLMQuestion     = 2000
	maxAnswerTokens    = 600
	maxAnswerBytes     = 8000
	maxSnippetRunes    = 240
	classifyTimeout    = 3 * time.Second
)

// noticeReplaced tells the channel to discard the streamed tokens: the
// final answer replaces them.
var noticeReplaced = map[string]string{
	"de": "Die Antwort wurde durch eine geprüfte Antwort ersetzt.",
	"en": "The answer was replaced by a verified answer.",
}

// errModelSilent is the cause of cancelling a model call that sent no
// token within FirstTokenTimeout.
var errModelSilent = errors.New("assistant: model sent no token in time")

// errAnswerTooLong ends a stream that exceeds maxAnswerBytes.
var errAnswerTooLong = errors.New("assistant: model answer too long")

// errPromptLeak ends a stream that starts repeating the system prompt.
var errPromptLeak = errors.New("assistant: model answer repeats the system prompt")

// generateInput is what generate needs for one LLM answer.
type generateInput struct {
	Conv     *Conversation // for the history; may be nil
	Question string        // the user's message; generate redacts it again
	Lang     string
	Simple   bool
	Passages []knowledge.Passage // numbered [1]..[n] in this order
	// Fallback is the offline answer, returned whenever the model fails or
	// its answer does not check out.
	Fallback Answer
}

// generate lets the model answer from the passages and streams its tokens
// to yield as ChunkToken chunks.
//
// The answer is used only if it passes the citation check (see
// checkCitations); otherwise, and when the model fails, is slower than
// FirstTokenTimeout before a token (or between two tokens) or the channel
// stops listening, generate returns in.Fallback with Mode "fallback". If
// tokens were already streamed, it first yields a ChunkNotice telling the
// channel that the final answer replaces them.
//
// A successful answer keeps the model's [n] markers, renumbered so that
// [k] refers to Sources[k-1]; Sources holds the cited documents only, in
// order of first citation. Intent, Confidence, Retrieved, HandoffOffered
// and Handoff are copied from in.Fallback.
//
// The question and the history are redacted before they reach the model.
func (a *Assistant) generate(ctx context.Context, in generateInput, yield func(Chunk) bool) Answer {
	fallback := in.Fallback
	fallback.Mode = modeFallback
	if a.cfg.Model == nil || len(in.Passages) == 0 {
		return fallback
	}
	ps := in.Passages
	if len(ps) > maxLLMPassages {
		ps = ps[:maxLLMPassages]
	}
	question := truncateLLM(Redact(in.Question), maxLLMQuestion)
	data := prompts.AnswerData{
		Organization:   a.texts.org,
		OrganizationEN: a.texts.orgEN,
		Lang:           in.Lang,
		Simple:         in.Simple,
		Question:       question,
		History:        llmHistory(in.Conv, question),
	}
	for _, p := range ps {
		data.Passages = append(data.Passages, prompts.Passage{
			Title: p.Title, Section: p.Section, Text: truncateLLM(p.Text, maxLLMPassageRunes),
		})
	}
	system, user, err := a.llmPrompts().Answer(data)
	if err != nil {
		a.llmLogger().Error("assistant: render answer prompt", "err", err)
		return fallback
	}
	req := ModelRequest{
		Messages:  []ModelMessage{{Role: "system", Content: system}, {Role: "user", Content: user}},
		MaxTokens: maxAnswerTokens,
	}

	// An obedient model asked for its instructions repeats them, cited
	// as the rules demand; no figure check catches that.
	guard := newPromptGuard(system, user)
	text, streamed, stopped, err := a.streamModel(ctx, req, guard, yield)
	if stopped {
		return fallback
	}
	notice := func() {
		if streamed {
			yield(Chunk{Kind: ChunkNotice, Text: llmNotice(in.Lang)})
		}
	}
	if errors.Is(err, errPromptLeak) || (err == nil && guard.leaks(text)) {
		if m := a.cfg.Metrics; m != nil {
			m.CitationReplaced(reasonPromptLeak)
		}
		a.llmLogger().Warn("assistant: model answer replaced", "reason", reasonPromptLeak)
		notice()
		return fallback
	}
	if err != nil {
		level := slog.LevelWarn
		if ctx.Err() != nil {
			level = slog.LevelInfo // the caller went away
		}
		a.llmLogger().Log(ctx, level, "assistant: model answer failed, answering offline", "err", err, "streamed", streamed)
		notice()
		return fallback
	}
	cited, reason := checkCitations(text, ps)
	if reason != "" {
		if m := a.cfg.Metrics; m != nil {
			m.CitationReplaced(reason)
		}
		a.llmLogger().Info("assistant: model answer replaced", "reason", reason, "answer", Redact(truncateLLM(text, 300)))
		notice()
		return fallback
	}
	out, sources := renumberCitations(text, ps, cited)
	return Answer{
		Text:           out,
		Sources:        sources,
		Retrieved:      in.Fallback.Retrieved,
		Intent:         in.Fallback.Intent,
		Confidence:     in.Fallback.Confidence,
		Lang:           in.Lang,
		Mode:           modeLLM,
		HandoffOffered: in.Fallback.HandoffOffered,
		Handoff:        in.Fallback.Handoff,
	}
}

// streamModel runs one streaming call with the first-token timeout and
// forwards tokens to yield. stopped reports that yield returned false. A
// token that completes a run of the system prompt (see promptGuard) is not
// forwarded: the stream ends with errPromptLeak.
func (a *Assistant) streamModel(ctx context.Context, req ModelRequest, guard promptGuard, yield func(Chunk) bool) (text string, streamed, stopped bool, err error) {
	timeout := a.cfg.FirstTokenTimeout
	if timeout <= 0 {
		timeout = DefaultFirstTokenTimeout
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	timer := time.AfterFunc(timeout, func() { cancel(errModelSilent) })
	defer timer.Stop()

	start := time.Now()
	var b strings.Builder
	for tok, serr := range a.cfg.Model.Stream(ctx, req) {
		if serr != nil {
			err = serr
			break
		}
		if tok == "" {
			continue
		}
		b.WriteString(tok)
		if b.Len() > maxAnswerBytes {
			err = errAnswerTooLong
			break
		}
		if guard.leaks(tail(b.String(), len(tok)+200)) {
			err = errPromptLeak
			break
		}
		streamed = true
		// The clock does not run while the channel writes the token; it
		// then bounds the pause until the next token, so that a stalled
		// stream cannot hold the conversation.
		timer.Stop()
		if !yield(Chunk{Kind: ChunkToken, Text: tok}) {
			stopped = true
			break
		}
		timer.Reset(timeout)
	}
	if err == nil && !stopped && ctx.Err() != nil {
		err = context.Cause(ctx)
	}
	if err != nil && errors.Is(context.Cause(ctx), errModelSilent) && !errors.Is(err, errModelSilent) {
		err = fmt.Errorf("%w: %w", errModelSilent, err)
	}
	if m := a.cfg.Metrics; m != nil {
		merr := err
		if errors.Is(err, errPromptLeak) {
			merr = nil // the model answered; the answer is refused
		}
		m.ModelCall(time.Since(start).Seconds(), merr)
	}
	return b.String(), streamed, stopped, err
}

// promptWordRun is the length of a run of words of the system prompt that
// counts as disclosing it: long enough not to match ordinary phrases, short
// enough to catch a single rule.
const promptWordRun = 6

// promptGuard holds the runs of promptWordRun words of a system prompt,
// lower case, without punctuation and citation markers.
type promptGuard map[string]bool

// newPromptGuard returns the runs of system that the texts in allowed (the
// user message with passages, question and history) do not contain: what
// a user or a document wrote is no secret.
func newPromptGuard(system string, allowed ...string) promptGuard {
	g := promptGuard{}
	forRuns(system, func(run string) bool { g[run] = true; return true })
	for _, s := range allowed {
		forRuns(s, func(run string) bool { delete(g, run); return true })
	}
	return g
}

// leaks reports whether text contains a run of the prompt.
func (g promptGuard) leaks(text string) bool {
	if len(g) == 0 {
		return false
	}
	found := false
	forRuns(text, func(run string) bool { found = g[run]; return !found })
	return found
}

// forRuns calls f with every run of promptWordRun words of s until f
// returns false.
func forRuns(s string, f func(run string) bool) {
	s = citationRE.ReplaceAllString(strings.ToLower(s), " ")
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i := 0; i+promptWordRun <= len(words); i++ {
		if !f(strings.Join(words[i:i+promptWordRun], " ")) {
			return
		}
	}
}

// tail returns about the last n bytes of s, starting at a rune.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// llmHistory returns the earlier entries of c as prompt turns, redacted and
// shortened. The current question, if Turn already appended it, is left
// out.
func llmHistory(c *Conversation, question string) []prompts.Turn {
	if c == nil {
		return nil
	}
	entries := c.Entries
	if n := len(entries); n > 0 && entries[n-1].Role == RoleUser && Redact(entries[n-1].Text) == question {
		entries = entries[:n-1]
	}
	var out []prompts.Turn
	for _, e := range entries {
		var role string
		switch e.Role {
		case RoleUser:
			role = "user"
		case RoleAssistant:
			role = "assistant"
		case RoleAgent:
			role = "agent"
		default:
			continue
		}
		out = append(out, prompts.Turn{Role: role, Text: truncateLLM(Redact(e.Text), maxLLMHistoryRunes)})
	}
	if len(out) > maxLLMHistory {
		out = out[len(out)-maxLLMHistory:]
	}
	return out
}

// classifyIntents are the intents the model may choose, in schema order.
var classifyIntents = []Intent{
	IntentServiceInfo, IntentITIncident, IntentTicketStatus, IntentHuman,
	IntentSmalltalk, IntentOutOfScope, IntentAbuse,
}

// classifyTool is the tool the model calls to classify a message.
func classifyTool() Tool {
	schema := map[string]any{
		"type": "object",
		"properties": map[string]any{
			"intent": map[string]any{
				"type":        "string",
				"enum":        classifyIntents,
				"description": "Die Absicht der Nachricht.",
			},
		},
		"required":             []string{"intent"},
		"additionalProperties": false,
	}
	b, _ := json.Marshal(schema) // a map of strings cannot fail
	return Tool{
		Name:        "classify_intent",
		Description: "Ordnet die Nachricht genau einer Absicht zu.",
		Parameters:  b,
	}
}

// classifyLLM asks the model for the intent of text with one tool call,
// bounded by classifyTimeout. It returns false on any failure, and for an
// answer that is not one of the intents, so that the caller falls back to
// its rules.
func (a *Assistant) classifyLLM(ctx context.Context, text string, lang string) (Intent, bool) {
	if a.cfg.Model == nil {
		return "", false
	}
	system, user, err := a.llmPrompts().Classify(prompts.ClassifyData{
		Organization: a.texts.org, OrganizationEN: a.texts.orgEN, Lang: lang, Text: truncateLLM(Redact(text), maxLLMQuestion),
	})
	if err != nil {
		a.llmLogger().Error("assistant: render classify prompt", "err", err)
		return "", false
	}
	ctx, cancel := context.WithTimeout(ctx, classifyTimeout)
	defer cancel()
	tool := classifyTool()
	start := time.Now()
	call, err := a.cfg.Model.Call(ctx, ModelRequest{
		Messages:  []ModelMessage{{Role: "system", Content: system}, {Role: "user", Content: user}},
		MaxTokens: 50,
	}, []Tool{tool})
	if err == nil && call.Name != tool.Name {
		err = fmt.Errorf("assistant: classify: model called %q", call.Name)
	}
	var args struct {
		Intent Intent `json:"intent"`
	}
	if err == nil {
		if jerr := json.Unmarshal(call.Arguments, &args); jerr != nil {
			err = fmt.Errorf("assistant: classify: arguments: %w", jerr)
		} else if !slices.Contains(classifyIntents, args.Intent) {
			err = fmt.Errorf("assistant: classify: unknown intent %q", args.Intent)
		}
	}
	if m := a.cfg.Metrics; m != nil {
		m.ModelCall(time.Since(start).Seconds(), err)
	}
	if err != nil {
		a.llmLogger().Info("assistant: model classification failed, using rules", "err", err)
		return "", false
	}
	return args.Intent, true
}

func (a *Assistant) llmPrompts() *prompts.Set {
	if a.cfg.Prompts != nil {
		return a.cfg.Prompts
	}
	return prompts.Default()
}

func (a *Assistant) llmLogger() *slog.Logger {
	if a.cfg.Logger != nil {
		return a.cfg.Logger
	}
	return slog.Default()
}

func llmNotice(lang string) string {
	if n, ok := noticeReplaced[lang]; ok {
		return n
	}
	return noticeReplaced["en"]
}

func truncateLLM(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + " …"
}

// --- citation check ---

// citationRE matches [1], [1, 2], [1; 3] and [1-3].
var citationRE = regexp.MustCompile(`\[\s*(\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*)\s*\]`)

// parseCitation returns the numbers of one marker's inside ("1, 3-4").
func parseCitation(inner string) []int {
	var out []int
	for part := range strings.FieldsFuncSeq(inner, func(r rune) bool { return r == ',' || r == ';' }) {
		part = strings.TrimSpace(part)
		lo, hi, isRange := strings.Cut(strings.ReplaceAll(part, "–", "-"), "-")
		a, _ := strconv.Atoi(strings.TrimSpace(lo))
		b := a
		if isRange {
			b, _ = strconv.Atoi(strings.TrimSpace(hi))
		}
		if b < a || b-a > 20 {
			b = a
		}
		for n := a; n <= b; n++ {
			out = append(out, n)
		}
	}
	return out
}

// checkCitations verifies an LLM answer against the passages it was given:
// it must cite at least one passage as [n], every [n] must be one of the
// passages, and every number, amount, date and time in the text (outside
// the markers) must occur in the cited passages, as must every URL and
// e-mail address. It returns the cited
// passage indexes (0-based, in order of first citation) or the reason for
// rejecting the answer.
func checkCitations(text string, ps []knowledge.Passage) (cited []int, reason string) {
	for _, m := range citationRE.FindAllStringSubmatch(text, -1) {
		for _, n := range parseCitation(m[1]) {
			if n < 1 || n > len(ps) {
				return nil, reasonUnknownCitation
			}
			if !slices.Contains(cited, n-1) {
				cited = append(cited, n-1)
			}
		}
	}
	if len(cited) == 0 {
		return nil, reasonNoCitation
	}
	have := map[string]bool{}
	for _, i := range cited {
		p := ps[i]
		for _, s := range []string{p.Title, p.Section, p.Text} {
			for _, f := range extractFacts(s, true) {
				have[f] = true
			}
		}
	}
	body := citationRE.ReplaceAllString(text, " ")
	// Links and addresses are facts too: an invented URL could send a
	// citizen to a phishing page.
	var sources strings.Builder
	for _, i := range cited {
		sources.WriteString(strings.ToLower(ps[i].URL + "\n" + ps[i].Text + "\n"))
	}
	for _, loc := range answerLinkRE.FindAllString(body, -1) {
		link := strings.ToLower(strings.TrimRight(loc, ".,;:!?)»“\"'"))
		if !strings.Contains(sources.String(), strings.TrimSuffix(link, "/")) {
			return nil, reasonUnsupportedFact
		}
	}
	body = answerLinkRE.ReplaceAllString(body, " ")
	for _, f := range extractFacts(body, false) {
		if !have[f] {
			return nil, reasonUnsupportedFact
		}
	}
	return cited, ""
}

// answerLinkRE finds URLs, bare web addresses and e-mail addresses.
var answerLinkRE = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>\[\]]+|[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+`)

// numberRE finds ISO dates and digit groups joined by . , or : ("70,00",
// "14.06.2026", "8:30", "1.000,50").
var numberRE = regexp.MustCompile(`\d{4}-\d{1,2}-\d{1,2}|\d+(?:[.,:]\d+)*`)

// enumerationRE finds list numbers at the start of a line ("1. ", "2) "),
// which are layout, not facts.
var enumerationRE = regexp.MustCompile(`(?m)^[ \t]*\d{1,2}[.)][ \t]`)

// extractFacts returns canonical keys for the numbers in s, so that
// "70,00", "70.00" and "70" compare equal, as do "8:00 Uhr" and "8 Uhr",
// or "14.06.2026" and "2026-06-14". For a source (source=true) it also
// returns the parts a faithful answer may quote separately: day, month and
// year of a date, the hour of a full hour.
func extractFacts(s string, source bool) []string {
	skip := map[int]bool{}
	if !source {
		for _, loc := range enumerationRE.FindAllStringIndex(s, -1) {
			for i := loc[0]; i < loc[1]; i++ {
				skip[i] = true
			}
		}
	}
	var keys []string
	add := func(k ...string) { keys = append(keys, k...) }
	num := func(v float64) string { return "n:" + strconv.FormatFloat(v, 'f', -1, 64) }
	for _, loc := range numberRE.FindAllStringIndex(s, -1) {
		if skip[loc[0]] {
			continue
		}
		tok := s[loc[0]:loc[1]]
		rest := strings.TrimLeft(s[loc[1]:], " \u00a0")
		uhr := strings.HasPrefix(rest, "Uhr") || strings.HasPrefix(rest, "o'clock")
		dotAfter := strings.HasPrefix(s[loc[1]:], ".") && !strings.HasPrefix(s[loc[1]:], ".\n") && loc[1]+1 < len(s)

		// ISO date.
		if y, m, d, ok := isoDate(tok); ok {
			add(dateKey(d, m, y))
			if source {
				add(num(float64(d)), num(float64(m)), num(float64(y)))
			}
			continue
		}
		groups := strings.FieldsFunc(tok, func(r rune) bool { return r == '.' || r == ',' || r == ':' })
		seps := strings.Map(func(r rune) rune {
			if r == '.' || r == ',' || r == ':' {
				return r
			}
			return -1
		}, tok)

		switch {
		// Date d.m.yyyy or d.m.yy.
		case seps == ".." && len(groups[0]) <= 2 && len(groups[1]) <= 2 && (len(groups[2]) == 4 || len(groups[2]) == 2):
			d, _ := strconv.Atoi(groups[0])
			m, _ := strconv.Atoi(groups[1])
			y, _ := strconv.Atoi(groups[2])
			if y < 100 {
				y += 2000
			}
			add(dateKey(d, m, y))
			if source {
				add(num(float64(d)), num(float64(m)), num(float64(y)), dayMonthKey(d, m))
			}
			continue
		// Time h:mm, or h.mm before "Uhr".
		case (seps == ":" || (seps == "." && uhr)) && len(groups[0]) <= 2 && len(groups[1]) == 2:
			h, _ := strconv.Atoi(groups[0])
			mi, _ := strconv.Atoi(groups[1])
			if h <= 24 && mi < 60 {
				add(timeKey(h, mi))
				if source && mi == 0 {
					add(num(float64(h)))
				}
				continue
			}
		// Day and month without year: "14.06." (answers only; sources
		// add it with their dates).
		case seps == "." && dotAfter && len(groups[0]) <= 2 && len(groups[1]) <= 2 && !uhr:
			d, _ := strconv.Atoi(groups[0])
			m, _ := strconv.Atoi(groups[1])
			if d >= 1 && d <= 31 && m >= 1 && m <= 12 {
				k := dayMonthKey(d, m)
				add(k)
				if source {
					add(num(float64(d)), num(float64(m)))
				}
				continue
			}
		}
		if v, ok := parseAmount(tok, seps, groups); ok {
			add(num(v))
			if source && uhr && v == float64(int(v)) && v <= 24 {
				add(timeKey(int(v), 0))
			}
			continue
		}
		// Anything else ("1:1000", "10:30:00"): every group on its own.
		for _, g := range groups {
			v, _ := strconv.ParseFloat(g, 64)
			add(num(v))
		}
	}
	return keys
}

func dateKey(d, m, y int) string  { return fmt.Sprintf("d:%d.%d.%d", d, m, y) }
func dayMonthKey(d, m int) string { return fmt.Sprintf("dm:%d.%d", d, m) }
func timeKey(h, mi int) string    { return fmt.Sprintf("t:%d:%02d", h, mi) }

func isoDate(tok string) (y, m, d int, ok bool) {
	parts := strings.Split(tok, "-")
	if len(parts) != 3 {
		return 0, 0, 0, false
	}
	y, _ = strconv.Atoi(parts[0])
	m, _ = strconv.Atoi(parts[1])
	d, _ = strconv.Atoi(parts[2])
	return y, m, d, true
}

// parseAmount reads a number in German notation (1.000,50) or with a
// decimal point (70.00, 37.5). A single dot followed by exactly three
// digits is a thousands separator, as German writes it.
func parseAmount(tok, seps string, groups []string) (float64, bool) {
	if strings.Contains(seps, ":") {
		return 0, false
	}
	switch {
	case seps == "":
	case strings.Count(seps, ",") == 1 && strings.HasSuffix(seps, ","):
		// German: dots group thousands, the comma is the decimal mark.
		for _, g := range groups[1 : len(groups)-1] {
			if len(g) != 3 {
				return 0, false
			}
		}
		tok = strings.ReplaceAll(tok, ".", "")
		tok = strings.Replace(tok, ",", ".", 1)
	case !strings.Contains(seps, ","):
		if len(seps) == 1 && len(groups[1]) != 3 {
			break // decimal point: 70.00, 37.5
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, false
			}
		}
		tok = strings.ReplaceAll(tok, ".", "")
	default:
		return 0, false
	}
	v, err := strconv.ParseFloat(tok, 64)
	return v, err == nil
}

// renumberCitations rewrites the markers of text so that [k] refers to the
// k-th source, merges passages of the same document into one source, and
// returns the cleaned text with the sources in order of first citation.
func renumberCitations(text string, ps []knowledge.Passage, cited []int) (string, []Source) {
	var sources []Source
	number := map[int]int{}   // passage index -> 1-based source number
	byDoc := map[string]int{} // document key -> 1-based source number
	for _, i := range cited {
		p := ps[i]
		key := p.DocID
		if key == "" {
			key = p.Title + "\x00" + p.URL
		}
		n, ok := byDoc[key]
		if !ok {
			sources = append(sources, Source{ID: p.DocID, Title: p.Title, URL: p.URL, Snippet: snippet(p.Text)})
			n = len(sources)
			byDoc[key] = n
		}
		number[i] = n
	}
	out := citationRE.ReplaceAllStringFunc(text, func(m string) string {
		inner := citationRE.FindStringSubmatch(m)[1]
		var ns []int
		for _, n := range parseCitation(inner) {
			if k, ok := number[n-1]; ok && !slices.Contains(ns, k) {
				ns = append(ns, k)
			}
		}
		slices.Sort(ns)
		parts := make([]string, len(ns))
		for i, n := range ns {
			parts[i] = strconv.Itoa(n)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	})
	return plainText(out), sources
}

func snippet(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return truncateLLM(s, maxSnippetRunes)
}

// The Markdown a model adds despite the prompt: links, bold and italic
// markers, headings and "* " bullets.
var (
	linkRE     = regexp.MustCompile(`\[([^\[\]\n]+)\]\((https?://[^\s)]+)\)`)
	emphasisRE = regexp.MustCompile(`\*\*|__`)
	headingRE  = regexp.MustCompile(`(?m)^[ \t]*#{1,6}[ \t]+`)
	bulletRE   = regexp.MustCompile(`(?m)^([ \t]*)\*[ \t]+`)
)

// plainText removes Markdown emphasis and headings, writes links as
// "label (url)" and turns "* " bullets into "- ", since Answer.Text is
// plain text.
func plainText(s string) string {
	s = linkRE.ReplaceAllString(s, "$1 ($2)")
	s = emphasisRE.ReplaceAllString(s, "")
	s = headingRE.ReplaceAllString(s, "")
	s = bulletRE.ReplaceAllString(s, "$1- ")
	return strings.TrimSpace(s)
}
