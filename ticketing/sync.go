// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"time"
)

// SyncerConfig configures a Syncer. Store and Reader are required.
type SyncerConfig struct {
	Store    *Store
	Reader   StatusReader
	Interval time.Duration // default 5 minutes
	Logger   *slog.Logger
	Now      func() time.Time
	Batch    int // tickets per round, default 200
}

// Syncer reads status and public comments of delivered tickets back from
// the external system, so that the reporter's status query and the desk
// see what the second-level team did there. External comments become
// public notes with the author "extern:<name>".
type Syncer struct {
	cfg      SyncerConfig
	quit     chan struct{}
	stopOnce sync.Once
	start    sync.Once
	wg       sync.WaitGroup
	ctx      context.Context
	cancel   context.CancelFunc
}

// NewSyncer builds a Syncer; Start runs it.
func NewSyncer(cfg SyncerConfig) *Syncer {
	if cfg.Interval <= 0 {
		cfg.Interval = 5 * time.Minute
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Batch <= 0 {
		cfg.Batch = 200
	}
	s := &Syncer{cfg: cfg, quit: make(chan struct{})}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	return s
}

// Start runs SyncOnce every Interval in one goroutine until Shutdown.
func (s *Syncer) Start() {
	s.start.Do(func() {
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			t := time.NewTicker(s.cfg.Interval)
			defer t.Stop()
			for {
				select {
				case <-s.quit:
					return
				case <-t.C:
					if _, err := s.SyncOnce(s.ctx); err != nil && s.ctx.Err() == nil {
						s.cfg.Logger.Error("sync: round failed", "err", err)
					}
				}
			}
		}()
	})
}

// Shutdown stops the Syncer and waits for it; it is idempotent.
func (s *Syncer) Shutdown() {
	s.stopOnce.Do(func() {
		close(s.quit)
		s.cancel()
	})
	s.wg.Wait()
}

// SyncOnce reads back every open ticket that has an external key and
// returns how many tickets changed. Errors for single tickets are logged
// and skipped; only a store failure ends the round with an error.
func (s *Syncer) SyncOnce(ctx context.Context) (int, error) {
	tickets, seen, err := s.cfg.Store.ticketsToSync(ctx, s.cfg.Batch)
	if err != nil {
		return 0, err
	}
	changed := 0
	for i, t := range tickets {
		if ctx.Err() != nil {
			return changed, ctx.Err()
		}
		ext, err := s.cfg.Reader.ExternalStatus(ctx, t.ExternalKey)
		if err != nil {
			if !errors.Is(err, ErrNotFound) {
				s.cfg.Logger.Warn("sync: read external status", "ticket", t.Key, "external_key", t.ExternalKey, "err", err)
			}
			continue
		}
		status := ""
		if validStatus(ext.Status) && ext.Status != t.Status {
			status = ext.Status
		}
		newest := seen[i]
		var notes []Note
		for _, c := range ext.Comments {
			if !c.Created.After(seen[i]) {
				continue
			}
			notes = append(notes, Note{TicketID: t.ID, Author: "extern:" + c.Author, Text: c.Body, At: c.Created})
			if c.Created.After(newest) {
				newest = c.Created
			}
		}
		if status == "" && len(notes) == 0 {
			continue
		}
		if err := s.cfg.Store.applyExternal(ctx, t, status, notes, newest, s.cfg.Now()); err != nil {
			return changed, err
		}
		changed++
	}
	return changed, nil
}
