// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"errors"
	"time"
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
	"tr": "Yanıt, doğrulanmış bir yanıtla değiştirildi.",
	"ar": "تم استبدال الإجابة بإجابة تم التحقق منها.",
	"uk": "Відповідь замінено перевіреною відповіддю.",
	"ru": "Ответ заменён проверенным ответом.",
	"pl": "Odpowiedź została zastąpiona sprawdzoną odpowiedzią.",
}

// errModelSilent is the cause of cancelling a model call that sent no
// token within FirstTokenTimeout.
var errModelSilent = errors.New("assistant: model sent no token in time")

// errAnswerTooLong ends a stream that exceeds maxAnswerBytes.
var errAnswerTooLong = errors.New("assistant: model answer too long")

// errPromptLeak ends a stream that starts repeating the system prompt.
var errPromptLeak = errors.New("assistant: model answer repeats the system prompt")
