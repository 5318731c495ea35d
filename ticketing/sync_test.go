// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"context"
	"errors"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// fakeJira delivers and reports a scripted external status.
type fakeJira struct {
	*fakeDeliverer
	mu     sync.Mutex
	status map[string]ExternalStatus
	reads  int
}

func (f *fakeJira) ExternalStatus(ctx context.Context, key string) (ExternalStatus, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reads++
	st, ok := f.status[key]
	if !ok {
		return ExternalStatus{}, ErrNotFound
	}
	return st, nil
}

func (f *fakeJira) set(key string, st ExternalStatus) {
	f.mu.Lock()
	f.status[key] = st
	f.mu.Unlock()
}

var _ StatusReader = (*fakeJira)(nil)

func TestSyncerReadsStatusAndComments(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx := context.Background()
		fj := &fakeJira{fakeDeliverer: newFakeDeliverer(nil), status: map[string]ExternalStatus{}}
		svc, err := New(Config{Store: mustOpen(t), Deliverer: fj, SyncInterval: time.Minute})
		if err != nil {
			t.Fatal(err)
		}
		svc.Start()
		defer svc.Shutdown()
		tk := mustEscalate(t, svc, Escalation{ConversationID: "c1", Summary: "Frage zum Wohngeld"})
		other := mustEscalate(t, svc, Escalation{ConversationID: "c2", Summary: "Andere Frage"})
		synctest.Wait()
		tk, _ = svc.Get(ctx, tk.ID)
		if tk.ExternalKey == "" {
			t.Fatal("not delivered")
		}
		c1 := time.Now().Add(-time.Minute)
		fj.set(tk.ExternalKey, ExternalStatus{Status: StatusInProgress, Comments: []ExternalComment{
			{Author: "Sachbearbeitung", Body: "Wir rufen Sie morgen an.", Created: c1},
		}})
		time.Sleep(61 * time.Second)
		synctest.Wait()

		st, err := svc.Status(ctx, tk.Key, Requester{ConversationID: "c1"})
		if err != nil || st.Status != StatusInProgress {
			t.Errorf("status after sync = %+v, %v; want in_progress", st, err)
		}
		notes, _ := svc.Notes(ctx, tk.ID)
		if len(notes) != 1 || notes[0].Author != "extern:Sachbearbeitung" || notes[0].Internal {
			t.Errorf("notes = %+v", notes)
		}
		// A second round adds only new comments and resolves.
		fj.set(tk.ExternalKey, ExternalStatus{Status: StatusResolved, Comments: []ExternalComment{
			{Author: "Sachbearbeitung", Body: "Wir rufen Sie morgen an.", Created: c1},
			{Author: "Sachbearbeitung", Body: "Erledigt.", Created: time.Now()},
		}})
		time.Sleep(time.Minute)
		synctest.Wait()
		notes, _ = svc.Notes(ctx, tk.ID)
		if len(notes) != 2 {
			t.Errorf("notes after second round = %d, want 2", len(notes))
		}
		got, _ := svc.Get(ctx, tk.ID)
		if got.Status != StatusResolved || got.ResolvedAt.IsZero() {
			t.Errorf("ticket = %s resolved at %v", got.Status, got.ResolvedAt)
		}
		// Resolved tickets are no longer read; unknown external tickets are skipped.
		fj.mu.Lock()
		fj.reads = 0
		fj.mu.Unlock()
		n, err := svc.syncer.SyncOnce(ctx)
		if err != nil || n != 0 {
			t.Errorf("SyncOnce = %d, %v; want 0 changes", n, err)
		}
		fj.mu.Lock()
		if fj.reads != 1 { // only the other ticket, which Jira does not know
			t.Errorf("reads = %d, want 1", fj.reads)
		}
		fj.mu.Unlock()
		if o, _ := svc.Get(ctx, other.ID); o.Status != StatusNew {
			t.Errorf("other ticket changed: %s", o.Status)
		}
	})
}

func TestSyncerShutdownIdempotent(t *testing.T) {
	s := NewSyncer(SyncerConfig{Store: mustOpen(t), Reader: &fakeJira{status: map[string]ExternalStatus{}}})
	s.Start()
	s.Shutdown()
	s.Shutdown()
	if _, err := s.SyncOnce(context.Background()); err != nil && !errors.Is(err, context.Canceled) {
		t.Errorf("SyncOnce after shutdown: %v", err)
	}
}
