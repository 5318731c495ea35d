// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/prompts"
)

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

// generate lets the model answer from the passages and streams the answer
// to yield as ChunkToken chunks, one verified sentence at a time: each
// sentence is checked against the passages it cites (see answerStream and
// verifier.check) before it is yielded, and a sentence that fails is
// dropped (or replaced by the cited passage's own sentence about the same
// thing) and recorded in Answer.Verification.
//
// When too little survives (no sentence, or more refused than kept), when
// the answer cites nothing, and when the model fails, is slower than
// FirstTokenTimeout before a token (or between two tokens) or the channel
// stops listening, generate returns in.Fallback with Mode "fallback" (and
// the Verification that led to it). If sentences were already streamed,
// it first yields a ChunkNotice telling the channel that the final answer
// replaces them.
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
	// The verifier and the original text see the passages as the model
	// does.
	ps = slices.Clone(ps)
	for i, p := range ps {
		ps[i].Text = truncateLLM(p.Text, maxLLMPassageRunes)
		data.Passages = append(data.Passages, prompts.Passage{
			Title: p.Title, Section: p.Section, Text: ps[i].Text,
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
	// Nothing unverified reaches the channel: the stream is cut into
	// sentences and each is verified before it is yielded.
	sv := newAnswerStream(newVerifier(a.lex, ps, in.Lang), func(piece string) bool {
		return yield(Chunk{Kind: ChunkToken, Text: piece})
	})
	text, stopped, err := a.streamModel(ctx, req, guard, sv.write)
	if !stopped && err == nil {
		stopped = !sv.close()
	}
	if stopped {
		return fallback
	}
	streamed := sv.out.Len() > 0
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
		fallback.Verification = &Verification{Replaced: reasonPromptLeak}
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
	out, sources, vr := sv.result()
	if m := a.cfg.Metrics; m != nil {
		for _, r := range vr.Refused {
			m.ClaimRefused(r.Kind)
		}
	}
	if vr.Replaced != "" {
		if m := a.cfg.Metrics; m != nil {
			m.CitationReplaced(vr.Replaced)
		}
		a.llmLogger().Info("assistant: model answer replaced", "reason", vr.Replaced, "refused", len(vr.Refused),
			"answer", Redact(truncateLLM(text, 300)))
		notice()
		fallback.Verification = &vr
		return fallback
	}
	ans := Answer{
		Text:           out,
		Sources:        sources,
		Retrieved:      in.Fallback.Retrieved,
		Intent:         in.Fallback.Intent,
		Confidence:     in.Fallback.Confidence,
		Lang:           in.Lang,
		Mode:           modeLLM,
		HandoffOffered: in.Fallback.HandoffOffered,
		Handoff:        in.Fallback.Handoff,
		// The German text behind the answer, as the model read it.
		Original: sv.originals(),
	}
	if len(vr.Refused) > 0 {
		a.llmLogger().Info("assistant: model sentences refused", "refused", len(vr.Refused), "kind", vr.Refused[0].Kind)
		ans.Verification = &vr
	}
	return ans
}

// streamModel runs one streaming call with the first-token timeout and
// forwards tokens to feed. stopped reports that feed returned false. A
// token that completes a run of the system prompt (see promptGuard) is not
// forwarded: the stream ends with errPromptLeak.
func (a *Assistant) streamModel(ctx context.Context, req ModelRequest, guard promptGuard, feed func(string) bool) (text string, stopped bool, err error) {
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
		// The clock does not run while the channel writes; it then
		// bounds the pause until the next token, so that a stalled stream
		// cannot hold the conversation.
		timer.Stop()
		if !feed(tok) {
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
	return b.String(), stopped, err
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
