// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"os"
	"strings"
	"sync"
	"time"
)

// OutboxConfig configures an Outbox. Store is required.
type OutboxConfig struct {
	Store     *Store
	Deliverer Deliverer // nil: "deliver" rows are left alone
	Notifier  *Notifier // nil: "notify" rows are left alone
	Mailer    Mailer    // nil: "mail" rows are left alone
	Logger    *slog.Logger
	Now       func() time.Time // nil means time.Now
	// Workers is the size of the fixed worker pool; default 2.
	Workers int
	// PollInterval is the longest the poller sleeps between looks at the
	// table (it wakes earlier for the next due row or a Kick); default 30s.
	PollInterval time.Duration
	// BaseBackoff is the delay after the first failure; it doubles per
	// attempt, with jitter, up to MaxBackoff. Defaults 2s and 5m.
	BaseBackoff, MaxBackoff time.Duration
	// NotifyMaxAge is how long a P1 notification is retried before it is
	// given up (a late page is worse than none); default 1h. Deliveries are
	// never given up.
	NotifyMaxAge time.Duration
	// Instance names this process in the claims it writes (outbox
	// claimed_by); default host name, process ID and a random suffix.
	Instance string
	// Lease is how long a claimed row stays with this instance; on
	// PostgreSQL another instance takes it over after that (this one
	// crashed or hangs). One attempt is cut off after Lease. Default 5m.
	Lease time.Duration
}

// Outbox delivers the side effects of committed tickets: it polls the
// outbox table for due rows and hands them to a fixed pool of workers,
// which call the Deliverer (or the Notifier for P1 webhooks).
//
// Guarantees: a row is deleted from the pending set only after the
// Deliverer returned an external key and that key was committed; until
// then it is retried, across restarts and crashes, with exponential
// backoff and jitter capped at MaxBackoff, or after exactly the duration of
// a *RetryAfterError. Within one process a row is never handled by two
// workers at once. Together with the idempotency that Deliverer promises
// per ticket key, every ticket reaches the external system exactly once.
type Outbox struct {
	cfg     OutboxConfig
	actions []string

	jobs chan OutboxEntry
	wake chan struct{}
	quit chan struct{}

	ctx    context.Context // cancelled by Shutdown; aborts in-flight calls
	cancel context.CancelFunc

	startOnce, stopOnce sync.Once
	wg                  sync.WaitGroup

	mu       sync.Mutex
	inflight map[int64]bool
}

// NewOutbox builds an Outbox; Start runs it.
func NewOutbox(cfg OutboxConfig) *Outbox {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 2
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = 30 * time.Second
	}
	if cfg.BaseBackoff <= 0 {
		cfg.BaseBackoff = 2 * time.Second
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = 5 * time.Minute
	}
	if cfg.NotifyMaxAge <= 0 {
		cfg.NotifyMaxAge = time.Hour
	}
	if cfg.Lease <= 0 {
		cfg.Lease = 5 * time.Minute
	}
	if cfg.Instance == "" {
		cfg.Instance = instanceName()
	}
	o := &Outbox{
		cfg:      cfg,
		jobs:     make(chan OutboxEntry),
		wake:     make(chan struct{}, 1),
		quit:     make(chan struct{}),
		inflight: map[int64]bool{},
	}
	if cfg.Deliverer != nil {
		o.actions = append(o.actions, actionDeliver)
	}
	if cfg.Notifier != nil {
		o.actions = append(o.actions, actionNotify)
	}
	if cfg.Mailer != nil {
		o.actions = append(o.actions, actionMail)
	}
	o.ctx, o.cancel = context.WithCancel(context.Background())
	return o
}

// Start launches the poller and the workers. Calling it again, or after
// Shutdown, does nothing.
func (o *Outbox) Start() {
	o.startOnce.Do(func() {
		select {
		case <-o.quit:
			return
		default:
		}
		if len(o.actions) == 0 {
			return // nothing to deliver to
		}
		o.wg.Add(1 + o.cfg.Workers)
		go o.poll()
		for range o.cfg.Workers {
			go o.work()
		}
	})
}

// Shutdown stops the poller and the workers, cancels in-flight calls and
// waits for all goroutines. Rows that were in flight stay pending. It is
// idempotent and never blocks on a full queue.
func (o *Outbox) Shutdown() {
	o.stopOnce.Do(func() {
		close(o.quit)
		o.cancel()
	})
	o.wg.Wait()
}

// Kick wakes the poller, e.g. right after a ticket was committed. It never
// blocks.
func (o *Outbox) Kick() {
	select {
	case o.wake <- struct{}{}:
	default:
	}
}

// Push hands an entry to a worker. It returns false, without blocking,
// once Shutdown has begun.
func (o *Outbox) Push(e OutboxEntry) bool {
	select {
	case <-o.quit:
		return false
	case o.jobs <- e:
		return true
	}
}

func (o *Outbox) poll() {
	defer o.wg.Done()
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-o.quit:
			return
		case <-o.wake:
		case <-timer.C:
		}
		wait, ok := o.dispatch()
		if !ok {
			return
		}
		timer.Reset(wait)
	}
}

// dispatch pushes all due rows that are not in flight and returns how long
// to sleep until the next due row (at most PollInterval). ok is false when
// the Outbox is shutting down.
func (o *Outbox) dispatch() (wait time.Duration, ok bool) {
	ctx := o.ctx
	now := o.cfg.Now()
	due, err := o.cfg.Store.claimOutbox(ctx, now, o.actions, 100, o.cfg.Instance, now.Add(o.cfg.Lease))
	if err != nil {
		if ctx.Err() != nil {
			return 0, false
		}
		o.cfg.Logger.Error("outbox: claim due rows", "err", err)
		return o.cfg.PollInterval, true
	}
	for i, e := range due {
		if !o.claim(e.ID) {
			continue
		}
		if !o.Push(e) {
			o.release(e.ID)
			// Shutting down: hand the rows not started back at once.
			for _, r := range due[i:] {
				_ = o.cfg.Store.releaseOutbox(context.WithoutCancel(ctx), r.ID, o.cfg.Instance)
			}
			return 0, false
		}
	}
	next, found, err := o.cfg.Store.nextOutboxDue(ctx, o.actions, o.inflightIDs())
	if err != nil {
		if ctx.Err() != nil {
			return 0, false
		}
		o.cfg.Logger.Error("outbox: read next due row", "err", err)
		return o.cfg.PollInterval, true
	}
	wait = o.cfg.PollInterval
	if found {
		wait = min(wait, max(next.Sub(o.cfg.Now()), 0))
	}
	return wait, true
}

func (o *Outbox) claim(id int64) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.inflight[id] {
		return false
	}
	o.inflight[id] = true
	return true
}

func (o *Outbox) release(id int64) {
	o.mu.Lock()
	delete(o.inflight, id)
	o.mu.Unlock()
}

func (o *Outbox) inflightIDs() []int64 {
	o.mu.Lock()
	defer o.mu.Unlock()
	ids := make([]int64, 0, len(o.inflight))
	for id := range o.inflight {
		ids = append(ids, id)
	}
	return ids
}

func (o *Outbox) work() {
	defer o.wg.Done()
	for {
		select {
		case <-o.quit:
			return
		case e := <-o.jobs:
			o.handle(o.ctx, e)
			o.release(e.ID)
			o.Kick()
		}
	}
}

// handle performs one attempt for e and records its outcome.
func (o *Outbox) handle(ctx context.Context, e OutboxEntry) {
	// The row may have waited for a free worker since it was claimed: renew
	// the lease for this attempt, and leave the row alone if another
	// instance took it over meanwhile.
	if ok, err := o.cfg.Store.renewOutbox(ctx, e.ID, o.cfg.Instance, o.cfg.Now().Add(o.cfg.Lease)); err != nil || !ok {
		if err != nil && ctx.Err() == nil {
			o.cfg.Logger.Error("outbox: renew claim", "ticket", e.TicketKey, "err", err)
		}
		return
	}
	// The poller may have read e before another worker finished it; with
	// the claim held, the committed state is authoritative.
	cur, err := o.cfg.Store.outboxEntry(ctx, e.ID)
	if err != nil || !cur.DeliveredAt.IsZero() || cur.Failed || cur.NextAttemptAt.After(o.cfg.Now()) {
		return
	}
	e = cur
	log := o.cfg.Logger.With("ticket", e.TicketKey, "action", e.Action, "attempt", e.Attempts+1)
	// The attempt ends before the lease does, so that no other instance
	// takes the row over while this one still works on it.
	actx, cancel := context.WithTimeout(ctx, o.cfg.Lease)
	defer cancel()
	t, err := o.cfg.Store.ticketByID(actx, e.TicketID)
	if err != nil {
		if ctx.Err() == nil {
			log.Error("outbox: load ticket", "err", err)
		}
		return // stays due; retried on the next poll
	}
	var extKey string
	switch e.Action {
	case actionDeliver:
		extKey, err = o.cfg.Deliverer.Deliver(actx, t)
		if err == nil && extKey == "" {
			err = errors.New("deliverer returned an empty external key")
		}
	case actionNotify:
		err = o.cfg.Notifier.Notify(actx, t)
	case actionMail:
		var m Mail
		m, err = o.cfg.Store.mailByID(actx, e.Ref)
		switch {
		case errors.Is(err, ErrNotFound):
			err = nil // erased with the person's data: nothing to send
		case err == nil:
			err = o.cfg.Mailer.Send(actx, m)
		}
	default:
		err = fmt.Errorf("unknown outbox action %q", e.Action)
	}
	if ctx.Err() != nil {
		// Shutting down: the attempt was aborted, not failed. The row stays
		// due and is retried after the next start, or at once by another
		// instance.
		_ = o.cfg.Store.releaseOutbox(context.WithoutCancel(ctx), e.ID, o.cfg.Instance)
		return
	}
	now := o.cfg.Now()
	if err == nil {
		// Record with a fresh context: the external side has the ticket now.
		if err := o.cfg.Store.outboxDone(context.WithoutCancel(ctx), e, extKey, now); err != nil {
			log.Error("outbox: record delivery", "external_key", extKey, "err", err)
			return
		}
		log.Info("outbox: done", "external_key", extKey)
		return
	}
	delay := o.backoff(e.Attempts + 1)
	if ra, ok := errors.AsType[*RetryAfterError](err); ok && ra.After > 0 {
		delay = ra.After
	}
	giveUp := e.Action == actionNotify && now.Sub(e.CreatedAt) >= o.cfg.NotifyMaxAge
	msg := truncate(oneLine(err.Error()), 500)
	if rerr := o.cfg.Store.outboxRetry(ctx, e.ID, msg, now.Add(delay), giveUp); rerr != nil {
		log.Error("outbox: reschedule", "err", rerr)
		return
	}
	if giveUp {
		log.Error("outbox: giving up notification", "err", err)
		return
	}
	log.Warn("outbox: attempt failed", "err", err, "retry_in", delay)
}

// instanceName names this process for outbox claims: host, process ID and
// a random suffix (a restarted process on the same host is another owner).
func instanceName() string {
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "lotse"
	}
	return fmt.Sprintf("%s-%d-%04x", host, os.Getpid(), rand.N(1<<16))
}

// backoff returns the delay after the n-th failed attempt: BaseBackoff
// doubled per attempt, with "equal jitter" (a random value between half and
// all of it), capped at MaxBackoff.
func (o *Outbox) backoff(n int) time.Duration {
	d := o.cfg.BaseBackoff
	for i := 1; i < n && d < o.cfg.MaxBackoff; i++ {
		d *= 2
	}
	d = min(d, o.cfg.MaxBackoff)
	half := d / 2
	return half + rand.N(d-half+1)
}

// placeholders returns "?, ?, ?" for n arguments.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}
