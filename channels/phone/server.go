// SPDX-License-Identifier: EUPL-1.2

// Package phone is Lotse on a phone line: the same assistant as the web
// chat, reached through Twilio or a self-hosted Jambonz. It renders
// answers for speech (no Markdown or URLs, amounts, dates and ticket keys
// as they are spoken), asks the caller again on silence, understands
// keys (0 a human, 1 repeat, 9 English/German), speaks long answers in
// parts ("Möchten Sie mehr wissen?") and transfers to the service desk
// with a ticket that carries the transcript.
//
// It is not the assistant: every question goes through an Asker (in
// production *assistant.Assistant) exactly as the web chat's do, and the
// audience of a call is always citizen. Each gateway webhook is
// authenticated by its signature (X-Twilio-Signature, Jambonz-Signature)
// before anything else happens.
//
// The dialog (Dialog) is gateway-neutral and returns Actions; twilio.go
// and jambonz.go render them as TwiML and Jambonz verbs. Package
// channels/phone/callsim plays the gateway for `lotse call` and for load
// tests.
package phone

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode"

	"github.com/go-chi/chi/v5"
	"github.com/twilio/twilio-go/client"

	"github.com/musterstadt/lotse/assistant"
)

// The webhook paths. Configure the gateway's incoming-call webhook with
// PublicURL + the incoming path; the turn paths are set by the dialog.
const (
	TwilioIncomingPath  = "/voice/twilio/incoming"
	TwilioTurnPath      = "/voice/twilio/turn"
	JambonzIncomingPath = "/voice/jambonz/incoming"
	JambonzTurnPath     = "/voice/jambonz/turn"
	// The whisper paths serve what the agent hears on answering a
	// transfer, before the caller is connected (see transfer.go).
	TwilioWhisperPath  = "/voice/twilio/whisper"
	JambonzWhisperPath = "/voice/jambonz/whisper"
)

// Defaults of Config's optional fields.
const (
	DefaultAnswerBudget  = 3 * time.Second
	DefaultMaxTurn       = 20 * time.Second
	DefaultCallTTL       = time.Hour
	DefaultGatherTimeout = 6 * time.Second
	DefaultMaxBodyBytes  = 64 << 10
)

// Config holds the dependencies and settings of the phone channel. Asker
// and Store are required, and at least one of TwilioAuthToken and
// JambonzSecret; every other field may be left zero.
type Config struct {
	// Asker answers the caller's questions; in production an
	// *assistant.Assistant.
	Asker Asker
	// Store keeps call transcripts like chats: ID "call-<gateway call
	// ID>", Channel "phone", audience citizen.
	Store assistant.ConversationStore
	// Transferer opens the ticket before a transfer; in production the
	// *assistant.Assistant. Nil means calls are transferred without a
	// ticket.
	Transferer Transferer
	// Hints returns the knowledge base's service names for speech
	// recognition; nil means only the dialog's own words.
	Hints func() []string

	// PublicURL is the URL under which the gateway reaches this server's
	// root, e.g. "https://lotse.musterstadt.de". Twilio signs requests
	// with it. Required.
	PublicURL string
	// TwilioAuthToken switches on the Twilio adapter; its requests are
	// checked against X-Twilio-Signature.
	TwilioAuthToken string
	// JambonzSecret switches on the Jambonz adapter; its requests are
	// checked against Jambonz-Signature.
	JambonzSecret string
	// DeskPhone is the number a transfer dials. Empty means the caller
	// hears the ticket key and the call ends.
	DeskPhone string
	// LinkText replaces URLs in spoken answers; empty means "auf der
	// Internetseite der Stadt".
	LinkText string
	// SSML lets the gateways pause with SSML <break> after a list's count
	// and between its items: on Twilio as <s> and <break> inside <Say>
	// (needs an Amazon Polly or Google voice as the account's default
	// text-to-speech voice), on Jambonz as a <speak> document in the say
	// text (needs a vendor that reads SSML). Without it the pauses are
	// spaces, which every engine reads.
	SSML bool
	// Organization names the town in the German greeting ("… dem
	// KI-Assistenten der <Organization>"); empty means
	// assistant.DefaultOrganization.
	Organization string
	// OrganizationEN names it in the English greeting ("… of the
	// <OrganizationEN>"); empty means Organization if set, else
	// assistant.DefaultOrganizationEN.
	OrganizationEN string

	// AnswerBudget is how long a webhook waits for the assistant before the
	// caller hears a filler and the gateway is redirected; default 3 s.
	AnswerBudget time.Duration
	// MaxTurn bounds one assistant answer; default 20 s.
	MaxTurn time.Duration
	// CallTTL is how long the state of a silent call is kept; default 1 h.
	CallTTL time.Duration
	// GatherTimeout is how long the gateway waits for the caller to start
	// speaking; default 6 s.
	GatherTimeout time.Duration
	// MaxBodyBytes bounds a webhook body; default 64 KiB.
	MaxBodyBytes int64

	// Logger; nil means slog.Default().
	Logger *slog.Logger
	// Now is the clock of call expiry and Jambonz signature timestamps;
	// nil means time.Now.
	Now func() time.Time
	// Metrics may be nil.
	Metrics Metrics
}

func (c *Config) defaults() {
	if c.AnswerBudget <= 0 {
		c.AnswerBudget = DefaultAnswerBudget
	}
	if c.MaxTurn <= 0 {
		c.MaxTurn = DefaultMaxTurn
	}
	if c.CallTTL <= 0 {
		c.CallTTL = DefaultCallTTL
	}
	if c.GatherTimeout <= 0 {
		c.GatherTimeout = DefaultGatherTimeout
	}
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.Now == nil {
		c.Now = time.Now
	}
}

// ErrNoGateway is returned by New when neither gateway secret is set: an
// adapter without a secret would accept forged calls, so it is not
// started.
var ErrNoGateway = errors.New("phone: no gateway configured (set a Twilio auth token or a Jambonz secret)")

// Server serves the gateways' webhooks.
type Server struct {
	cfg    Config
	dialog *Dialog
	public string // PublicURL without trailing slash
	twilio *client.RequestValidator
	replay *replayCache // signed requests seen, see replay.go
	hints  hintMemo     // the cleaned hints of Twilio gathers
}

// New validates cfg and returns a Server.
func New(cfg Config) (*Server, error) {
	if cfg.TwilioAuthToken == "" && cfg.JambonzSecret == "" {
		return nil, ErrNoGateway
	}
	u, err := url.Parse(cfg.PublicURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" {
		return nil, fmt.Errorf("phone: public URL %q: want an http(s) URL without query", cfg.PublicURL)
	}
	d, err := NewDialog(cfg)
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: d.cfg, dialog: d, public: strings.TrimRight(cfg.PublicURL, "/"), replay: newReplayCache(d.cfg.Now, ReplayTTL)}
	if cfg.TwilioAuthToken != "" {
		v := client.NewRequestValidator(cfg.TwilioAuthToken)
		s.twilio = &v
	}
	return s, nil
}

// Routes mounts the webhooks of every configured gateway:
//
//	POST /voice/twilio/incoming   POST /voice/twilio/turn    (Twilio, form posts → TwiML)
//	POST /voice/jambonz/incoming  POST /voice/jambonz/turn   (Jambonz, JSON → JSON verbs)
func (s *Server) Routes(r chi.Router) {
	if s.twilio != nil {
		r.Post(TwilioIncomingPath, s.handleTwilio(true))
		r.Post(TwilioTurnPath, s.handleTwilio(false))
		r.Post(TwilioWhisperPath, s.handleTwilioWhisper)
	}
	if s.cfg.JambonzSecret != "" {
		r.Post(JambonzIncomingPath, s.handleJambonz(true))
		r.Post(JambonzTurnPath, s.handleJambonz(false))
		r.Post(JambonzWhisperPath, s.handleJambonzWhisper)
	}
}

// Handler returns the webhooks on a router of their own.
func (s *Server) Handler() http.Handler {
	r := chi.NewRouter()
	s.Routes(r)
	return r
}

// Dialog returns the server's dialog.
func (s *Server) Dialog() *Dialog { return s.dialog }

// Shutdown waits for answers still running in the background (see
// Dialog.Shutdown). Stop the HTTP server first.
func (s *Server) Shutdown(ctx context.Context) error {
	return s.dialog.Shutdown(ctx)
}

// validCallID accepts the gateways' call IDs (Twilio "CA…", Jambonz
// UUIDs) and nothing that could confuse a log or a conversation ID.
func validCallID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, r := range id {
		if !(r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_')) {
			return false
		}
	}
	return true
}

// cleanDigits keeps the keys of a phone pad.
func cleanDigits(s string) string {
	s = strings.Map(func(r rune) rune {
		if (r >= '0' && r <= '9') || r == '*' || r == '#' {
			return r
		}
		return -1
	}, s)
	if len(s) > 16 {
		s = s[:16]
	}
	return s
}

// cleanFrom keeps a caller number printable and short.
func cleanFrom(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsPrint(r) && r != '<' && r != '>' && r != '&' {
			return r
		}
		return -1
	}, s)
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40])
	}
	return strings.TrimSpace(s)
}

// cleanText makes text safe to speak in any gateway: valid UTF-8, no
// control characters, no angle brackets (SSML would read them as tags).
func cleanText(s string) string {
	s = strings.ToValidUTF8(s, "")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '<' || r == '>':
			return ' '
		case r == '\t' || r == '\n':
			return ' '
		case unicode.IsControl(r), r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
			return -1
		}
		return r
	}, s)
}

// gatewayLang maps the dialog's language to the BCP-47 tag that selects
// the voice and the speech recognition of the gateway.
func gatewayLang(lang string) string {
	switch lang {
	case "en":
		return "en-GB"
	case "tr":
		return "tr-TR"
	case "ar":
		return "ar-AE"
	case "uk":
		return "uk-UA"
	case "ru":
		return "ru-RU"
	case "pl":
		return "pl-PL"
	}
	return "de-DE"
}

// seconds renders d as whole seconds, at least 1.
func seconds(d time.Duration) int {
	return max(1, int((d+time.Second/2)/time.Second))
}
