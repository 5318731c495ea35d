// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/musterstadt/lotse/assistant"
	aiopenai "github.com/musterstadt/lotse/assistant/openai"
	"github.com/musterstadt/lotse/channels/desk"
	"github.com/musterstadt/lotse/channels/phone"
	"github.com/musterstadt/lotse/channels/web"
	"github.com/musterstadt/lotse/knowledge"
	kbopenai "github.com/musterstadt/lotse/knowledge/openai"
	"github.com/musterstadt/lotse/prompts"
	"github.com/musterstadt/lotse/ticketing"
	"github.com/musterstadt/lotse/ticketing/jira"
	"github.com/musterstadt/lotse/ticketing/smtp"
)

// app is everything `serve` runs, built in dependency order by buildApp.
type app struct {
	cfg     Config
	log     *slog.Logger
	metrics *metrics
	kb      *knowledgeBase
	store   *ticketing.Store
	tickets *ticketing.Service
	convs   assistant.ConversationStore
	asst    *assistant.Assistant
	web     *web.Server
	phone   *phone.Server
	desk    *desk.Server
	cleanup closers
	stopBG  context.CancelFunc
	bgDone  chan struct{}
}

// buildApp builds every part of `serve`; localURL is where this process
// listens, used as the phone simulator's public URL.
func buildApp(ctx context.Context, cfg Config, log *slog.Logger, localURL string) (_ *app, err error) {
	a := &app{cfg: cfg, log: log, metrics: newMetrics()}
	defer func() {
		if err != nil {
			_ = a.cleanup.close()
		}
	}()
	a.kb, err = openKnowledge(ctx, cfg, log, knowledgeOptions{persist: true, watch: cfg.Watch})
	if err != nil {
		return nil, fmt.Errorf("knowledge: %w", err)
	}
	a.cleanup.add(a.kb.Close)

	a.store, err = openStore(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if cfg.DatabaseURL != "" {
		log.Info("store", "backend", a.store.Backend(), "database", ticketing.RedactURL(cfg.DatabaseURL))
	}
	a.cleanup.add(a.store.Close)
	a.convs = newConversationStore(a.store, cfg.RedactTranscripts)
	shared, err := newSharedState(ctx, a.store, resumeEvents, log)
	if err != nil {
		return nil, err
	}
	if shared != nil {
		a.cleanup.add(shared.close)
	}

	tc := ticketing.Config{Store: a.store, NotifyURL: cfg.P1Webhook, Logger: log}
	tc.Outbox.Lease = cfg.OutboxLease
	if cfg.Jira.Enabled() {
		jc, err := jira.New(jira.Config{
			BaseURL:       cfg.Jira.URL,
			Token:         cfg.Jira.Token,
			Email:         cfg.Jira.Email,
			APIToken:      cfg.Jira.APIToken,
			ServiceDeskID: cfg.Jira.ServiceDeskID,
			RequestTypeID: cfg.Jira.RequestTypeID,
			ProjectKey:    cfg.Jira.Project,
			IssueType:     cfg.Jira.IssueType,
			Logger:        log,
		})
		if err != nil {
			return nil, fmt.Errorf("jira: %w", err)
		}
		// An unreachable Jira at start-up is logged, not fatal: tickets wait
		// in the outbox until it is back.
		cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		if err := jc.Check(cctx); err != nil {
			log.Warn("jira check failed; tickets will wait in the outbox", "err", err)
		}
		cancel()
		tc.Deliverer = jc
	}
	if cfg.SMTPURL != "" {
		m, err := smtp.New(cfg.SMTPURL, cfg.SMTPFrom)
		if err != nil {
			return nil, err
		}
		tc.Mailer = m
		tc.StatusTokenTTL = time.Duration(cfg.RetentionDays) * 24 * time.Hour
		if cfg.PublicURL != "" {
			tc.StatusURL = strings.TrimRight(cfg.PublicURL, "/") + "/status"
		}
	}
	a.tickets, err = ticketing.New(tc)
	if err != nil {
		return nil, err
	}
	a.metrics.watchOutbox(a.tickets.OutboxStats)

	a.asst, err = newAssistant(cfg, log, a.kb.Base, assistantOptions{
		tickets:      tickets(a.tickets, a.metrics),
		metrics:      assistantMetrics{m: a.metrics},
		emailReplies: cfg.SMTPURL != "",
	})
	if err != nil {
		return nil, err
	}

	a.web, err = web.New(web.Config{
		Chat:           a.asst,
		Store:          a.convs,
		Metrics:        webMetrics{m: a.metrics},
		Feedback:       feedbackSink{a: a},
		Disclosure:     a.asst.Disclosure,
		Logger:         log,
		AllowedOrigins: cfg.AllowedOrigins,
		TrustedProxies: cfg.TrustedProxies,
		EmployeeHeader: cfg.EmployeeHeader,
		FrameAncestors: cfg.FrameAncestors,
		IPRate:         rateLimit(cfg.RateIPPerMinute),
		SessionRate:    rateLimit(cfg.RateSessionPerMin),
		MaxConnsPerIP:  cfg.MaxConnsPerIP,
		Instances:      cfg.Instances,
		ResumeEvents:   resumeEvents,
		Sessions:       shared.webSessions(),
		Notifier:       shared.webNotifier(),
		Buckets:        shared.tokenBuckets(),
	})
	if err != nil {
		return nil, err
	}

	a.phone, err = newPhone(cfg, log, a, localURL)
	if err != nil {
		return nil, err
	}

	a.desk, err = desk.New(desk.Config{
		Tickets:        a.tickets,
		Store:          a.store,
		Conversations:  a.convs,
		Live:           a.web,
		Logger:         log,
		SecureCookies:  strings.HasPrefix(cfg.PublicURL, "https://"),
		TrustedProxies: cfg.TrustedProxies,
		SSOHeader:      cfg.DeskSSOHeader,
		Instances:      cfg.Instances,
		Logins:         shared.deskLogins(),
	})
	if err != nil {
		return nil, fmt.Errorf("desk: %w", err)
	}
	return a, nil
}

// newPhone builds the phone channel. Without a gateway secret it runs in
// simulator mode: a random Twilio token kept in the data dir lets
// `lotse call` on this machine talk to it, and nobody else.
func newPhone(cfg Config, log *slog.Logger, a *app, localURL string) (*phone.Server, error) {
	orgDE, orgEN := organizationNames(cfg)
	pc := phone.Config{
		Asker:           a.asst,
		Store:           a.convs,
		Transferer:      a.asst,
		Hints:           func() []string { return serviceTitles(a.kb.Base) },
		PublicURL:       cfg.PublicURL,
		TwilioAuthToken: cfg.TwilioAuthToken,
		JambonzSecret:   cfg.JambonzSecret,
		DeskPhone:       cfg.DeskPhone,
		SSML:            cfg.PhoneSSML,
		Organization:    orgDE,
		OrganizationEN:  orgEN,
		Logger:          log,
		Metrics:         phoneMetrics{m: a.metrics},
	}
	if cfg.TwilioAuthToken == "" && cfg.JambonzSecret == "" {
		sim, err := simulatorCredentials(cfg.DataDir, localURL)
		if err != nil {
			return nil, err
		}
		pc.TwilioAuthToken, pc.PublicURL = sim.Secret, sim.PublicURL
		log.Info("phone: simulator mode (no gateway configured); try `lotse call`")
	}
	p, err := phone.New(pc)
	if err != nil {
		return nil, fmt.Errorf("phone: %w", err)
	}
	return p, nil
}

// serviceTitles are the citizen-visible document titles, used as speech
// recognition hints.
func serviceTitles(kb *knowledge.Base) []string {
	var out []string
	for _, d := range kb.Documents(knowledge.Citizen) {
		if d.Kind == knowledge.KindService {
			out = append(out, d.Title)
		}
	}
	return out
}

// routes mounts every channel on r.
func (a *app) routes(r chi.Router) {
	a.web.Routes(r)
	a.phone.Routes(r)
	a.desk.Routes(r)
	r.NotFound(a.web.NotFound)
	r.MethodNotAllowed(a.web.MethodNotAllowed)
}

// start launches the background work: ticket delivery and the retention job.
func (a *app) start() {
	a.tickets.Start()
	ctx, cancel := context.WithCancel(context.Background())
	a.stopBG = cancel
	a.bgDone = make(chan struct{})
	go func() {
		defer close(a.bgDone)
		a.retentionLoop(ctx)
	}()
}

// retentionLoop deletes transcripts older than the retention period, except
// those linked to an open ticket, once at start and then every hour.
func (a *app) retentionLoop(ctx context.Context) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		cutoff := time.Now().AddDate(0, 0, -a.cfg.RetentionDays)
		n, err := a.store.DeleteConversationsBefore(ctx, cutoff)
		switch {
		case err != nil && !errors.Is(err, context.Canceled):
			a.log.Error("retention", "err", err)
		case n > 0:
			a.log.Info("retention: deleted conversations", "count", n, "before", cutoff)
		}
		n, err = a.store.ClearContactsResolvedBefore(ctx, cutoff)
		switch {
		case err != nil && !errors.Is(err, context.Canceled):
			a.log.Error("retention: contacts", "err", err)
		case n > 0:
			a.log.Info("retention: removed contacts of finished tickets", "count", n, "resolved before", cutoff)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// shutdown drains chats, stops the workers and closes the store, in that
// order; the HTTP server has stopped accepting before it is called.
func (a *app) shutdown(ctx context.Context) error {
	var errs []error
	errs = append(errs, a.web.Shutdown(ctx), a.phone.Shutdown(ctx), a.desk.Shutdown(ctx))
	if a.stopBG != nil {
		a.stopBG()
		<-a.bgDone
	}
	a.tickets.Shutdown()
	errs = append(errs, a.close())
	return errors.Join(errs...)
}

func (a *app) close() error { return a.cleanup.close() }

func loadPrompts(dir string) (*prompts.Set, error) {
	if dir == "" {
		return prompts.Default(), nil
	}
	s, err := prompts.Load(dir)
	if err != nil {
		return nil, fmt.Errorf("prompts: %w", err)
	}
	return s, nil
}

func newChatModel(cfg Config) (assistant.Model, error) {
	m, err := aiopenai.New(aiopenai.Config{
		BaseURL:         cfg.LLM.BaseURL,
		Model:           cfg.LLM.Model,
		APIKey:          cfg.LLM.APIKey,
		AzureAPIVersion: cfg.LLM.AzureAPIVersion,
		HTTPClient:      &http.Client{},
	})
	if err != nil {
		return nil, fmt.Errorf("llm: %w", err)
	}
	return m, nil
}

// newEmbedder builds the OpenAI-compatible embedder with its cache under
// the data dir; the returned function closes the cache.
func newEmbedder(cfg Config) (knowledge.EmbedFunc, func() error, error) {
	e, err := kbopenai.New(kbopenai.Config{
		BaseURL:  cfg.Embeddings.BaseURL,
		Model:    cfg.Embeddings.Model,
		APIKey:   cfg.Embeddings.APIKey,
		CacheDir: filepath.Join(cfg.DataDir, "embeddings"),
	})
	if err != nil {
		return nil, nil, fmt.Errorf("embeddings: %w", err)
	}
	return e.Func(), e.Close, nil
}

// rateLimit is a configured rate of chat messages per minute: 0 means the
// channel's default, a negative rate switches the limit off, and a
// positive one allows a burst of a third of a minute's worth, as the
// defaults do.
func rateLimit(perMinute float64) web.RateLimit {
	if perMinute <= 0 {
		return web.RateLimit{PerMinute: perMinute}
	}
	return web.RateLimit{PerMinute: perMinute, Burst: max(1, int(math.Ceil(perMinute/3)))}
}
