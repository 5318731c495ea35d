// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/knowledge/musterstadt"
	"github.com/musterstadt/lotse/ticketing"
)

// bundledRoot is the name that selects the bundled example base among
// other roots ("--knowledge bundled --knowledge /srv/wissen").
const bundledRoot = "bundled"

// knowledgeRoots turns the configured directories into roots; none means the
// bundled Musterstadt example base.
func knowledgeRoots(dirs []string) ([]knowledge.Root, error) {
	if len(dirs) == 0 {
		dirs = []string{bundledRoot}
	}
	roots := make([]knowledge.Root, 0, len(dirs))
	for _, d := range dirs {
		if d == bundledRoot {
			roots = append(roots, knowledge.Root{Name: "musterstadt", FS: musterstadt.FS()})
			continue
		}
		st, err := os.Stat(d)
		if err != nil {
			return nil, fmt.Errorf("knowledge root: %w", err)
		}
		if !st.IsDir() {
			return nil, fmt.Errorf("knowledge root %s: not a directory", d)
		}
		abs, err := filepath.Abs(d)
		if err != nil {
			return nil, fmt.Errorf("knowledge root %s: %w", d, err)
		}
		roots = append(roots, knowledge.Root{Name: abs, FS: os.DirFS(abs)})
	}
	return roots, nil
}

// knowledgeOptions says how to open the knowledge base.
type knowledgeOptions struct {
	persist bool // keep the index under the data dir
	watch   bool
	mode    string // overrides cfg.Retrieval when set
}

// knowledgeBase is an open knowledge base together with the resources it
// uses (the embeddings cache of a remote embedder); Close releases both.
type knowledgeBase struct {
	*knowledge.Base
	closeEmbedder func() error
}

// Close closes the base and then its embedder.
func (k *knowledgeBase) Close() error {
	err := k.Base.Close()
	if k.closeEmbedder != nil {
		err = errors.Join(err, k.closeEmbedder())
	}
	return err
}

func openKnowledge(ctx context.Context, cfg Config, log *slog.Logger, opt knowledgeOptions) (*knowledgeBase, error) {
	roots, err := knowledgeRoots(cfg.Knowledge)
	if err != nil {
		return nil, err
	}
	kc := knowledge.Config{
		Roots:  roots,
		Mode:   knowledge.Mode(cfg.Retrieval),
		Watch:  opt.watch,
		Logger: log,
	}
	if opt.mode != "" {
		kc.Mode = knowledge.Mode(opt.mode)
	}
	if opt.persist {
		kc.DataDir = filepath.Join(cfg.DataDir, "index")
	}
	kb := &knowledgeBase{}
	if cfg.Embeddings.Model != "" {
		embed, closeEmbedder, err := newEmbedder(cfg)
		if err != nil {
			return nil, err
		}
		kc.Embed, kb.closeEmbedder = embed, closeEmbedder
	}
	base, err := knowledge.Open(ctx, kc)
	if err != nil {
		if kb.closeEmbedder != nil {
			_ = kb.closeEmbedder()
		}
		return nil, err
	}
	kb.Base = base
	return kb, nil
}

// assistantOptions are the per-command choices on top of Config.
type assistantOptions struct {
	tickets assistant.Tickets
	metrics assistant.Metrics
	offline bool              // ignore a configured LLM
	weights assistant.Weights // choice weights; nil means the built-in ones
	// emailReplies: the desk can reply by e-mail (SMTP configured).
	emailReplies bool
	// now is the assistant's clock; nil means time.Now (evals pin it).
	now func() time.Time
}

// neutralOrganization names an administration that is not named anywhere,
// in German (after "der") and English (after "the").
const (
	neutralOrganization   = "Verwaltung"
	neutralOrganizationEN = "administration"
)

// organizationNames returns the German and English names of the
// administration the assistant and the phone channel speak for:
// LOTSE_ORGANIZATION when set, else the `organization:` of the first
// knowledge root that names one; a knowledge base other than the bundled
// example that names no organisation gets a neutral name, so that another
// town's assistant never introduces itself as Musterstadt's. "" leaves
// the assistant's defaults (the bundled example's names).
func organizationNames(cfg Config) (de, en string) {
	if cfg.Organization != "" {
		return cfg.Organization, cfg.OrganizationEN
	}
	roots, err := knowledgeRoots(cfg.Knowledge)
	if err != nil {
		return "", cfg.OrganizationEN
	}
	if o := knowledge.Organization(roots); o != "" {
		return o, cfg.OrganizationEN
	}
	for _, d := range cfg.Knowledge {
		if d != bundledRoot {
			en := cfg.OrganizationEN
			if en == "" {
				en = neutralOrganizationEN
			}
			return neutralOrganization, en
		}
	}
	return "", cfg.OrganizationEN
}

func newAssistant(cfg Config, log *slog.Logger, kb *knowledge.Base, opt assistantOptions) (*assistant.Assistant, error) {
	orgDE, orgEN := organizationNames(cfg)
	ac := assistant.Config{
		Retriever:         kb,
		Tickets:           opt.tickets,
		Metrics:           opt.metrics,
		FirstTokenTimeout: cfg.LLM.FirstTokenTimeout,
		Organization:      orgDE,
		OrganizationEN:    orgEN,
		Logger:            log,
		Weights:           opt.weights,
		ChatWait:          cfg.ChatWait,
		EmailReplies:      opt.emailReplies,
		PrivacyURL:        cfg.PrivacyURL,
		// A contact is deleted with the ticket's transcript (privacy erase)
		// or the conversation, whichever the retention reaches first.
		ContactRetentionDays: cfg.RetentionDays,
		Now:                  opt.now,
	}
	if cfg.ServiceHours != "" {
		h, err := assistant.ParseServiceHours(cfg.ServiceHours, cfg.ServiceState, deskZone())
		if err != nil {
			return nil, err
		}
		ac.ServiceHours = h
	}
	set, err := loadPrompts(cfg.PromptsDir)
	if err != nil {
		return nil, err
	}
	ac.Prompts = set
	if cfg.LLM.Enabled() && !opt.offline {
		m, err := newChatModel(cfg)
		if err != nil {
			return nil, err
		}
		ac.Model = m
	}
	return assistant.New(ac)
}

// deskZone is the time zone of the service hours: German time, or the
// local zone on a system without tzdata.
func deskZone() *time.Location {
	if loc, err := time.LoadLocation("Europe/Berlin"); err == nil {
		return loc
	}
	return time.Local
}

// closers runs cleanup functions in reverse order and joins their errors.
type closers []func() error

func (c *closers) add(f func() error) { *c = append(*c, f) }

func (c closers) close() error {
	var errs []error
	for i := len(c) - 1; i >= 0; i-- {
		errs = append(errs, c[i]())
	}
	return errors.Join(errs...)
}

// openStore opens the store: PostgreSQL when cfg.DatabaseURL is set (the
// shared database of several instances), else the SQLite file under the
// data dir (created if needed).
func openStore(ctx context.Context, cfg Config) (*ticketing.Store, error) {
	if cfg.DatabaseURL != "" {
		st, err := ticketing.OpenPostgres(ctx, cfg.DatabaseURL)
		if err != nil {
			return nil, fmt.Errorf("database %s: %w", ticketing.RedactURL(cfg.DatabaseURL), err)
		}
		return st, nil
	}
	if err := os.MkdirAll(cfg.DataDir, 0o750); err != nil {
		return nil, fmt.Errorf("data dir: %w", err)
	}
	return ticketing.Open(ctx, filepath.Join(cfg.DataDir, "lotse.db"))
}
