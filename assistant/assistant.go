package assistant

import (
	"log/slog"
	"time"

	"github.com/musterstadt/lotse/prompts"
)

// Config holds the dependencies of an Assistant. Retriever is required;
// everything else may be nil or zero.
type Config struct {
	Retriever Retriever
	// Model, when set, switches on LLM answers and classification. Nil means
	// offline, extractive answers only.
	Model Model
	// Tickets, when set, receives escalations and IT incident reports. Nil
	// means handoffs are offered but no ticket is opened.
	Tickets Tickets
	// Prompts are the parsed templates; nil means prompts.Default().
	Prompts *prompts.Set
	// FirstTokenTimeout bounds the wait for the model's first token; 0 means 8s.
	FirstTokenTimeout time.Duration
	// Metrics receives counters; nil means none.
	Metrics Metrics
	Logger  *slog.Logger // nil means slog.Default()
	Now     func() time.Time
}

// Metrics receives the assistant's counters. It is declared here so that
// assistant does not import a metrics library; cmd/lotse adapts Prometheus.
type Metrics interface {
	// Answered counts a final answer by intent and mode.
	Answered(intent Intent, mode string)
	// CitationReplaced counts an LLM answer replaced by the offline answer
	// because its citations did not check out.
	CitationReplaced(reason string)
	// Handoff counts an offered or started handoff by reason.
	Handoff(reason string)
	// ModelCall records an LLM call's latency in seconds and whether it failed.
	ModelCall(seconds float64, err error)
	// Retrieval records retrieval latency in seconds.
	Retrieval(seconds float64)
}
