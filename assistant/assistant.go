// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"context"
	"errors"
	"fmt"
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
	// ITCatalog is the IT service catalog the incident intake consults. Nil
	// means Tickets' own; with Tickets set, one of the two must implement
	// it.
	ITCatalog ITCatalog
	// Location is the time zone in which times are shown to users (an
	// outage's expected end); nil means time.Local.
	Location *time.Location
	// Prompts are the parsed templates; nil means prompts.Default().
	Prompts *prompts.Set
	// FirstTokenTimeout bounds the wait for the model's first token; 0 means 8s.
	FirstTokenTimeout time.Duration
	// Metrics receives counters; nil means none.
	Metrics Metrics
	Logger  *slog.Logger // nil means slog.Default()
	Now     func() time.Time
	// HumanContact tells users how to reach a person when no ticket can be
	// opened, e.g. "Telefon 0123 456-100". Empty means a generic sentence.
	HumanContact string
	// Organization is the town or authority that runs the assistant, as
	// the disclosure names it: "Sie schreiben mit Lotse, dem
	// KI-Assistenten der <Organization>", so a name that takes "der"
	// (Stadt, Gemeinde, Verwaltung, …). Empty means DefaultOrganization.
	Organization string
	// OrganizationEN is the English name for "… the AI assistant of the
	// <OrganizationEN>". Empty means Organization if that is set, else
	// DefaultOrganizationEN.
	OrganizationEN string
	// SummaryTimeout bounds the model call that summarises an escalation
	// for the service desk; 0 means DefaultSummaryTimeout. On timeout the
	// extractive summary is used.
	SummaryTimeout time.Duration
	// ServiceHours is the service desk's calendar; the handoff tells the
	// person the expected wait during the hours and the next opening
	// outside them. Nil means no times are named.
	ServiceHours *ServiceHours
	// ChatWait is the expected wait for an agent in the web chat during
	// service hours; 0 means DefaultChatWait.
	ChatWait time.Duration
	// EmailReplies says that the desk can answer by e-mail (SMTP is
	// configured); only then is a reply by e-mail offered.
	EmailReplies bool
	// ContactRetentionDays is how long a contact given at a handoff is
	// kept, as the consent sentence states it; 0 means
	// DefaultContactRetentionDays.
	ContactRetentionDays int
	// PrivacyURL is the city's privacy notice (Art. 13 DSGVO), linked from
	// the consent sentence; empty means DefaultPrivacyURL.
	PrivacyURL string
	// Weights are the weights of the features by which the answer's
	// document is chosen; nil means DefaultWeights (fitted by
	// `lotse eval tune`).
	Weights Weights
}

// Metrics receives the assistant's counters. It is declared here so that
// assistant does not import a metrics library; cmd/lotse adapts Prometheus.
type Metrics interface {
	// Answered counts a final answer by intent and mode.
	Answered(intent Intent, mode string)
	// CitationReplaced counts an LLM answer replaced by the offline answer
	// because its citations did not check out.
	CitationReplaced(reason string)
	// ClaimRefused counts a sentence of a model answer (or summary) that
	// was not shown because a claim of this kind failed the check:
	// amount, number, date, duration, hours, phone, email, url, office,
	// address, document, polarity, language, citation or promise.
	ClaimRefused(kind string)
	// Handoff counts an offered or started handoff by reason.
	Handoff(reason string)
	// ModelCall records an LLM call's latency in seconds and whether it failed.
	ModelCall(seconds float64, err error)
	// Retrieval records retrieval latency in seconds.
	Retrieval(seconds float64)
}

// Assistant runs conversation turns. It is safe for concurrent use by
// several conversations; one Conversation must not be used by two turns at
// the same time.
type Assistant struct {
	cfg     Config
	lex     *lexicon
	texts   orgTexts
	weights Weights
	docs    *docCache
	cleaned cleanMemo
	// intake runs the IT incident dialog; nil without Tickets.
	intake incidentIntake
	// orgWords are the words of the organisation's name, which name no
	// document of its own knowledge base.
	orgWords map[string]bool
}

// incidentIntake advances an IT incident intake by one message; it is an
// interface so that tests can script the dialog's replies.
type incidentIntake interface {
	step(ctx context.Context, st incidentStep) (incidentReply, error)
}

// DefaultFirstTokenTimeout is used when Config.FirstTokenTimeout is zero.
const DefaultFirstTokenTimeout = 8 * time.Second

// DefaultSummaryTimeout is used when Config.SummaryTimeout is zero.
const DefaultSummaryTimeout = 4 * time.Second

// New validates cfg, fills in defaults and returns an Assistant.
func New(cfg Config) (*Assistant, error) {
	if cfg.Retriever == nil {
		return nil, errors.New("assistant: retriever required")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.FirstTokenTimeout <= 0 {
		cfg.FirstTokenTimeout = DefaultFirstTokenTimeout
	}
	if cfg.SummaryTimeout <= 0 {
		cfg.SummaryTimeout = DefaultSummaryTimeout
	}
	if cfg.Prompts == nil {
		cfg.Prompts = prompts.Default()
	}
	texts, err := newOrgTexts(cfg.Organization, cfg.OrganizationEN)
	if err != nil {
		return nil, fmt.Errorf("assistant: %w", err)
	}
	texts.makePrinters()
	lex, err := loadLexicon()
	if err != nil {
		return nil, fmt.Errorf("assistant: %w", err)
	}
	if cfg.Location == nil {
		cfg.Location = time.Local
	}
	w := cfg.Weights
	if w == nil {
		if w, err = DefaultWeights(); err != nil {
			return nil, err
		}
	}
	a := &Assistant{cfg: cfg, lex: lex, texts: texts, weights: w, docs: newDocCache(), orgWords: nameWords(texts.org)}
	if cfg.Tickets != nil {
		if cfg.ITCatalog == nil {
			c, ok := cfg.Tickets.(ITCatalog)
			if !ok {
				return nil, errors.New("assistant: tickets without an IT catalog")
			}
			cfg.ITCatalog = c
			a.cfg.ITCatalog = c
		}
		a.intake = newIncidentDialog(cfg.Tickets, cfg.ITCatalog, cfg.Now, cfg.Location)
	}
	return a, nil
}
