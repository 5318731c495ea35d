// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/musterstadt/lotse/prompts"
)

// Limits of the model's escalation summary.
const (
	maxSummaryTurns  = 20  // latest transcript entries sent to the model
	maxSummaryTokens = 250 // about three German sentences with room to spare
)

// errEmptySummary is the cause of falling back when the model said nothing.
var errEmptySummary = errors.New("assistant: model summary is empty")

// escalationSummary returns the summary of an escalation packet for the
// service desk. With a model it is a German summary of the redacted
// transcript (prompts summary.tmpl), bounded by Config.SummaryTimeout and
// maxSummaryRunes; without a model, and whenever the model fails, is too
// slow or answers nothing, it is the extractive summary. The citizen never
// sees it.
func (a *Assistant) escalationSummary(ctx context.Context, extractive string, e Escalation) string {
	if a.cfg.Model == nil {
		return extractive
	}
	s, err := a.summarizeLLM(ctx, e)
	if err != nil {
		a.llmLogger().Info("assistant: model summary failed, using the extractive summary", "conversation", e.ConversationID, "err", err)
		return extractive
	}
	return s
}

// summarizeLLM asks the model for the desk summary of e. e.Transcript is
// already redacted; the answer is redacted again, flattened to one
// paragraph of plain text and cut to maxSummaryRunes.
func (a *Assistant) summarizeLLM(ctx context.Context, e Escalation) (string, error) {
	data := prompts.SummaryData{
		Organization: a.texts.org,
		Lang:         e.Lang,
		Reason:       e.Reason,
		Intent:       string(e.Intent),
		Transcript:   summaryTurns(e.Transcript),
	}
	for _, s := range e.Sources {
		if s.Title != "" {
			data.Sources = append(data.Sources, s.Title)
		}
	}
	system, user, err := a.llmPrompts().Summary(data)
	if err != nil {
		return "", fmt.Errorf("assistant: summary prompt: %w", err)
	}
	timeout := a.cfg.SummaryTimeout
	if timeout <= 0 {
		timeout = DefaultSummaryTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req := ModelRequest{
		Messages:  []ModelMessage{{Role: "system", Content: system}, {Role: "user", Content: user}},
		MaxTokens: maxSummaryTokens,
	}
	start := time.Now()
	var b strings.Builder
	for tok, serr := range a.cfg.Model.Stream(ctx, req) {
		if serr != nil {
			err = serr
			break
		}
		b.WriteString(tok)
		if b.Len() > maxAnswerBytes {
			break // enough to cut from; the rest is not needed
		}
	}
	if err == nil && ctx.Err() != nil {
		err = ctx.Err()
	}
	if m := a.cfg.Metrics; m != nil {
		m.ModelCall(time.Since(start).Seconds(), err)
	}
	if err != nil {
		return "", fmt.Errorf("assistant: summary: %w", err)
	}
	s := cleanSummary(b.String())
	if s == "" {
		return "", errEmptySummary
	}
	s, refused := checkSummary(s, e)
	if m := a.cfg.Metrics; m != nil {
		for _, r := range refused {
			m.ClaimRefused(r.Kind)
		}
	}
	if len(refused) > 0 {
		a.llmLogger().Info("assistant: summary sentences refused", "conversation", e.ConversationID, "refused", len(refused), "kind", refused[0].Kind)
	}
	if s == "" {
		return "", errSummaryUnsupported
	}
	return s, nil
}

// errSummaryUnsupported is the cause of falling back when no sentence of
// the model's summary checked out.
var errSummaryUnsupported = errors.New("assistant: model summary states what the conversation does not")

// summaryClaims are the claim kinds a desk summary is checked for: contact
// data, figures and dates must come from the conversation. Offices and
// documents may be named freely; the summary paraphrases.
var summaryClaims = map[string]bool{
	claimAmount: true, claimNumber: true, claimDate: true, claimDuration: true, claimHours: true,
	claimPhone: true, claimEmail: true, claimURL: true,
}

// promiseRE finds commitments in German and English: what the city will
// do for the person.
var promiseRE = regexp.MustCompile(`(?i)\b(?:wir (?:werden|melden|rufen|kümmern|erledigen|schicken|senden|erstatten|übernehmen)\w*|wird (?:Ihnen |ihm |ihr )?(?:zurückgerufen|erstattet|erledigt|zugesandt|zugeschickt)|garantier\w*|versprech\w*|versproch\w*|zugesagt\w*|zusicher\w*|(?:meldet|melden) sich|wird sich|ruft\b[^.]*\bzurück|we will|we'll|guarantee\w*|promise\w*|will (?:contact|call|get back)|will be (?:refunded|fixed|resolved|called back))`)

// checkSummary drops the sentences of a model's desk summary that state
// contact data, amounts or dates that neither the transcript nor the
// sources' titles contain, or a promise when neither the assistant nor
// the desk made one, and returns the rest.
func checkSummary(s string, e Escalation) (string, []Refusal) {
	var texts []string
	for _, en := range e.Transcript {
		texts = append(texts, en.Text)
	}
	for _, src := range e.Sources {
		texts = append(texts, src.Title, src.URL)
	}
	ix := newSourceIndex(texts, nil)
	// A promise may be repeated only if the assistant or the desk made
	// one in the conversation.
	promised := false
	for _, en := range e.Transcript {
		if (en.Role == RoleAssistant || en.Role == RoleAgent) && promiseRE.MatchString(en.Text) {
			promised = true
		}
	}
	v := newVerifier(nil, nil, "")
	var kept []string
	var refused []Refusal
	for _, sent := range answerSentences(s) {
		var fail *Refusal
		for _, r := range v.check(sent, ix) {
			if summaryClaims[r.Kind] {
				fail = &r
				break
			}
		}
		if p := promiseRE.FindString(sent); fail == nil && p != "" && !promised {
			fail = &Refusal{Kind: claimPromise, Claim: p}
		}
		if fail != nil {
			fail.Sentence = sent
			refused = append(refused, *fail)
			continue
		}
		kept = append(kept, sent)
	}
	return strings.Join(kept, " "), refused
}

// summaryTurns turns a redacted transcript into prompt turns: the latest
// maxSummaryTurns user, assistant and agent entries, each shortened.
func summaryTurns(entries []Entry) []prompts.Turn {
	var out []prompts.Turn
	for _, e := range entries {
		switch e.Role {
		case RoleUser, RoleAssistant, RoleAgent:
		default:
			continue
		}
		out = append(out, prompts.Turn{Role: string(e.Role), Text: truncateLLM(e.Text, maxLLMHistoryRunes)})
	}
	if len(out) > maxSummaryTurns {
		out = out[len(out)-maxSummaryTurns:]
	}
	return out
}

// cleanSummary makes a model's summary safe and short for a ticket:
// personal data the model may have reconstructed is redacted, Markdown is
// removed, whitespace is collapsed into one paragraph, and the text is cut
// to maxSummaryRunes at a word boundary.
func cleanSummary(s string) string {
	s = Redact(plainText(s))
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= maxSummaryRunes {
		return s
	}
	r := []rune(s)[:maxSummaryRunes-1]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}
