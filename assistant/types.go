// SPDX-License-Identifier: EUPL-1.2

// Package assistant runs one conversation turn: it redacts personal data,
// classifies the intent, resolves follow-ups against earlier turns, retrieves
// passages, composes a grounded answer (extractive offline, or with an LLM
// whose citations are verified) and decides when a human should take over.
//
// It is shared by every channel (web chat, phone, desk takeover) and by the
// eval runner; none of them has a private path around Turn.
//
// assistant imports knowledge and prompts only. It talks to a chat model and
// to ticketing through small interfaces it declares itself (Model, Tickets);
// the adapters live in sub-packages and in cmd/lotse.
package assistant

import (
	"time"

	"github.com/musterstadt/lotse/knowledge"
)

// Intent is what the user wants from this turn.
type Intent string

// The intents. The string values are part of the eval case format and the
// public API.
const (
	IntentServiceInfo  Intent = "service_info"
	IntentITIncident   Intent = "it_incident"
	IntentTicketStatus Intent = "ticket_status"
	IntentHuman        Intent = "human"
	IntentSmalltalk    Intent = "smalltalk"
	IntentOutOfScope   Intent = "out_of_scope"
	IntentAbuse        Intent = "abuse"
)

// Source is a cited document as channels show it.
type Source struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	URL     string `json:"url"`
	Snippet string `json:"snippet,omitempty"`
}

// Answer is the final result of a turn.
type Answer struct {
	Text           string   // plain text, no Markdown or HTML
	Sources        []Source // cited documents, best first
	Retrieved      []string // document IDs retrieved for this turn, best first, the one answered from leading (evals, review)
	Intent         Intent
	Confidence     float64 // 0..1
	Lang           string  // language of Text
	Mode           string  // "extractive", "llm" or "fallback"
	HandoffOffered bool    // the answer offers a human
	Handoff        *Handoff
	// Choice lists the candidate documents with their choice features,
	// for `lotse eval tune`; empty when no document was chosen.
	Choice []ChoiceCandidate `json:"-"`
	// Original holds the passages of the German sources that a model's
	// answer rests on, in order of first citation, so that a channel can
	// show the original text beside a translated or rephrased answer
	// ("Originaltext"); empty for extractive answers, which quote the
	// sources themselves.
	Original []Original
	// Verification says which sentences of a model answer were refused
	// and whether the answer was replaced by the offline answer; nil when
	// no model answered.
	Verification *Verification
}

// Original is one passage of a source as the model read it.
type Original struct {
	// Source is the 1-based number of the source in Answer.Sources, as
	// the answer's [k] markers cite it.
	Source int `json:"source"`
	// Section is the passage's heading path ("Reisepass beantragen ›
	// Kosten"), or the document's title.
	Section string `json:"section,omitempty"`
	Text    string `json:"text"` // plain text, in the source's language
	Lang    string `json:"lang,omitempty"`
}

// Verification is the outcome of checking a model's text against its
// sources, sentence by sentence, before anyone sees it.
type Verification struct {
	// Replaced is the reason the whole model answer was replaced by the
	// offline answer ("unsupported_fact", "no_citation", …); empty when
	// the verified sentences were kept.
	Replaced string `json:"replaced,omitempty"`
	// Refused lists the sentences that were not shown, with the claim
	// that failed.
	Refused []Refusal `json:"refused,omitempty"`
}

// Refusal is one sentence of a model's text that failed a claim check.
type Refusal struct {
	// Kind is the claim kind: amount, number, date, duration, hours,
	// phone, email, url, office, address, document, polarity, language,
	// citation or promise.
	Kind string `json:"kind"`
	// Claim is the failing claim as written ("zehn Euro").
	Claim string `json:"claim"`
	// Sentence is the refused sentence, redacted.
	Sentence string `json:"sentence,omitempty"`
	// Replacement is the source's own sentence shown instead, if any.
	Replacement string `json:"replacement,omitempty"`
}

// Handoff is a request to bring in a human; when Ticket is set, a ticket was
// opened for it.
type Handoff struct {
	Reason  string // "requested", "low_confidence", "unhelpful", "frustration", "case_specific", "incident"
	Summary string
	Ticket  string // ticket key shown to the user, empty if none was opened
}

// ChunkKind tells which field of a Chunk is set.
type ChunkKind int

// The kinds of stream chunks.
const (
	ChunkToken  ChunkKind = iota + 1 // Text holds a piece of the answer text
	ChunkNotice                      // Text holds a notice (e.g. "an agent holds this chat")
	ChunkAnswer                      // Answer holds the final answer; always the last chunk
)

// Chunk is one element of a turn's output stream.
type Chunk struct {
	Kind   ChunkKind
	Text   string
	Answer *Answer
}

// Message is what the user sent.
type Message struct {
	Text string
	Lang string // optional language hint from the client
}

// Role says who wrote a conversation entry.
type Role string

// The roles of conversation entries.
const (
	RoleUser      Role = "user"
	RoleAssistant Role = "assistant"
	RoleAgent     Role = "agent" // a human from the service desk
	RoleSystem    Role = "system"
)

// Entry is one message in a conversation transcript.
type Entry struct {
	Role    Role      `json:"role"`
	Text    string    `json:"text"`              // as the user sent it / as shown
	Intent  Intent    `json:"intent,omitempty"`  // assistant entries
	Sources []Source  `json:"sources,omitempty"` // assistant entries
	At      time.Time `json:"at"`
	// Verification of a model answer (assistant entries): refused
	// sentences and why the answer was replaced, for the service desk.
	Verification *Verification `json:"verification,omitempty"`
}

// Conversation is the state of one chat or call. Channels load it from a
// ConversationStore, pass it to Turn, and save it afterwards. Turn appends
// the user's and the assistant's entries.
type Conversation struct {
	ID       string             `json:"id"`
	Audience knowledge.Audience `json:"audience"` // from authentication, never from the client
	Channel  string             `json:"channel"`  // "web", "phone", "api", "eval"
	UserID   string             `json:"user_id,omitempty"`
	Lang     string             `json:"lang,omitempty"` // persisted language of the conversation
	Simple   bool               `json:"simple,omitempty"`
	Entries  []Entry            `json:"entries"`
	// Focus is the document the conversation is about, for follow-ups.
	Focus string `json:"focus,omitempty"`
	// Unhelpful counts consecutive turns without a good answer.
	Unhelpful int `json:"unhelpful,omitempty"`
	// AgentHeld is true while a desk agent holds the conversation; the
	// assistant stays silent then.
	AgentHeld bool `json:"agent_held,omitempty"`
	// Slots hold the state of a multi-turn dialog (e.g. incident intake).
	Slots     map[string]string `json:"slots,omitempty"`
	CreatedAt time.Time         `json:"created_at"`
	UpdatedAt time.Time         `json:"updated_at"`
}
