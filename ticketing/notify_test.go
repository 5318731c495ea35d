// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/musterstadt/lotse/assistant"
)

func testP1NotificationGoesThroughOutbox(t *testing.T, open opener) {
	var mu sync.Mutex
	var bodies []map[string]any
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" {
			t.Errorf("request %s %s", r.Method, r.Header.Get("Content-Type"))
		}
		var m map[string]any
		if err := json.NewDecoder(r.Body).Decode(&m); err != nil {
			t.Errorf("decode: %v", err)
		}
		mu.Lock()
		defer mu.Unlock()
		bodies = append(bodies, m)
		if len(bodies) == 1 {
			http.Error(w, "try later", http.StatusBadGateway)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()

	svc, err := New(Config{Store: open(t), NotifyURL: srv.URL, HTTPClient: srv.Client(),
		Outbox: OutboxConfig{BaseBackoff: 10 * time.Millisecond, PollInterval: 10 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	svc.Start()
	defer svc.Shutdown()
	ctx := context.Background()
	posts := func() []map[string]any {
		mu.Lock()
		defer mu.Unlock()
		return append([]map[string]any(nil), bodies...)
	}
	waitDelivered := func() {
		t.Helper()
		for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(5 * time.Millisecond) {
			if depth, _, _ := svc.OutboxStats(ctx); depth == 0 {
				return
			}
			if time.Now().After(deadline) {
				t.Fatal("notification not delivered within 5s")
			}
		}
	}
	// A P3 escalation sends nothing; a P1 incident is posted.
	esc := mustEscalate(t, svc, Escalation{Summary: "Frage", Contact: "0170 555"})
	r, err := svc.OpenIncident(ctx, assistant.Incident{ConversationID: "c1", UserID: "emp", Summary: "E-Mail: Outlook startet nicht",
		Slots: map[string]string{assistant.SlotService: "email", assistant.SlotSymptom: "Outlook startet nicht", assistant.SlotSince: "seit 9 Uhr",
			assistant.SlotLocation: "Raum 1.05", assistant.SlotOthersAffected: assistant.AffectedAll, assistant.SlotCanWork: assistant.CanWorkNo}})
	if err != nil || r.Priority != P1 {
		t.Fatalf("incident = %+v, %v; want P1", r, err)
	}
	waitDelivered()
	got := posts()
	if len(got) != 2 {
		t.Fatalf("webhook got %d posts, want 2 (one failure, one success)", len(got))
	}
	b := got[1]
	if b["key"] != r.Key || b["priority"] != "P1" || b["service"] != "email" || !strings.HasPrefix(b["text"].(string), "P1 "+r.Key) {
		t.Errorf("payload = %v", b)
	}
	for _, k := range []string{"transcript", "contact", "slots"} {
		if _, ok := b[k]; ok {
			t.Errorf("payload carries %s", k)
		}
	}
	// The desk raising a ticket to P1 pages too.
	if _, err := svc.Update(ctx, esc.ID, Patch{Priority: ptr(P1)}, "anna"); err != nil {
		t.Fatal(err)
	}
	waitDelivered()
	if got := posts(); len(got) != 3 || got[2]["key"] != esc.Key {
		t.Errorf("after raising %s to P1: %d posts, want 3 with the last for it", esc.Key, len(got))
	}
}

func TestNotifierRetryAfter(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "120")
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	defer srv.Close()
	n := &Notifier{URL: srv.URL, Client: srv.Client()}
	err := n.Notify(context.Background(), Ticket{Key: "LOT-1", Priority: P1})
	ra, ok := errors.AsType[*RetryAfterError](err)
	if !ok || ra.After != 2*time.Minute {
		t.Errorf("Notify = %v, want RetryAfterError of 2m", err)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"30", 30 * time.Second, true},
		{"0", 0, true},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second, true},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0, true},
		{"", 0, false},
		{"soon", 0, false},
		{"-5", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseRetryAfter(tt.in, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseRetryAfter(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestNotificationGivenUpAfterMaxAge(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		posts := 0
		client := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
			mu.Lock()
			posts++
			mu.Unlock()
			return &http.Response{StatusCode: http.StatusInternalServerError, Status: "500 Internal Server Error",
				Body: io.NopCloser(strings.NewReader("down")), Header: http.Header{}, Request: r}, nil
		})}
		svc, err := New(Config{Store: mustOpen(t), NotifyURL: "http://hooks.invalid/p1", HTTPClient: client})
		if err != nil {
			t.Fatal(err)
		}
		svc.Start()
		defer svc.Shutdown()
		tk := Ticket{Kind: KindIncident, Priority: P1, Summary: "Telefonie: alles tot"}
		if err := svc.create(context.Background(), &tk); err != nil {
			t.Fatal(err)
		}
		time.Sleep(3 * time.Hour)
		synctest.Wait()
		rows := outboxRows(t, svc.store)
		if len(rows) != 1 || !rows[0].Failed || !rows[0].DeliveredAt.IsZero() {
			t.Fatalf("row = %+v, want given up", rows)
		}
		if age := rows[0].Age(time.Now()); age != 3*time.Hour {
			t.Errorf("Age = %v, want 3h", age)
		}
		mu.Lock()
		n := posts
		mu.Unlock()
		// Backoff capped at 5 min over one hour: roughly 20–30 attempts, then none.
		if n < 10 || n > 40 || rows[0].Attempts != n {
			t.Errorf("%d posts, %d attempts recorded", n, rows[0].Attempts)
		}
		if depth, _, _ := svc.OutboxStats(context.Background()); depth != 0 {
			t.Errorf("given-up row still counted: depth %d", depth)
		}
	})
}

func TestRetryAfterErrorUnwraps(t *testing.T) {
	inner := errors.New("503")
	err := fmt.Errorf("jira: %w", &RetryAfterError{After: time.Second, Err: inner})
	if !errors.Is(err, inner) || !strings.Contains(err.Error(), "retry after 1s") {
		t.Errorf("err = %v", err)
	}
}
