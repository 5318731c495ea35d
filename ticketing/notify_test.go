package ticketing

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestP1NotificationGoesThroughOutbox(t *testing.T) {
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

	svc, err := New(Config{Store: mustOpen(t), NotifyURL: srv.URL, HTTPClient: srv.Client(),
		Outbox: OutboxConfig{BaseBackoff: 10 * time.Millisecond, PollInterval: 10 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	svc.Start()
	defer svc.Shutdown()
	ctx := context.Background()
	// A P3 escalation sends nothing; a P1 incident is posted.
	mustEscalate(t, svc, Escalation{Summary: "Frage", Contact: "0170 555"})
	r := converse(t, svc, "c1", "emp", "", []string{"Outlook startet nicht seit 9 Uhr, Raum 1.05, die ganze Abteilung, keiner kann arbeiten", "ja"})
	if r.Priority != P1 || !strings.Contains(r.Text, "Bereitschaft") {
		t.Fatalf("reply = %+v, want P1 with on-call notice", r)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		if depth, _, _ := svc.OutboxStats(ctx); depth == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("notification not delivered")
		}
		time.Sleep(5 * time.Millisecond)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(bodies) != 2 {
		t.Fatalf("webhook got %d posts, want 2 (one failure, one success)", len(bodies))
	}
	b := bodies[1]
	if b["key"] != r.TicketKey || b["priority"] != "P1" || b["service"] != "email" || !strings.HasPrefix(b["text"].(string), "P1 "+r.TicketKey) {
		t.Errorf("payload = %v", b)
	}
	for _, k := range []string{"transcript", "contact", "slots"} {
		if _, ok := b[k]; ok {
			t.Errorf("payload carries %s", k)
		}
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
