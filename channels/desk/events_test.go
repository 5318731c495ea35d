// SPDX-License-Identifier: EUPL-1.2

package desk

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"
)

// readEvents parses an SSE stream into "tickets" changes.
func readEvents(t *testing.T, resp *http.Response) <-chan change {
	t.Helper()
	ch := make(chan change, 16)
	go func() {
		defer close(ch)
		sc := bufio.NewScanner(resp.Body)
		var event string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				event = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: ") && event == "tickets":
				var c change
				if err := json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &c); err != nil {
					t.Errorf("bad event data %q: %v", line, err)
				}
				ch <- c
			case line == "":
				event = ""
			}
		}
	}()
	return ch
}

func TestEventsAnnounceNewTickets(t *testing.T) {
	e := mustEnv(t, nil)
	c := e.client()
	c.login("anna", testPassword)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, e.http.URL+"/desk/events", nil)
	resp, err := c.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("events: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	events := readEvents(t, resp)
	first := <-events // the poller's first look, for the page to compare
	if first.Version == "" || len(first.New) != 0 {
		t.Fatalf("first event %+v", first)
	}
	tk := e.escalate("c-sse", passportChat)
	select {
	case got := <-events:
		if got.Version == first.Version || len(got.New) != 1 || got.New[0] != tk.Key {
			t.Errorf("event %+v, want new %s", got, tk.Key)
		}
	case <-ctx.Done():
		t.Fatal("no event for the new ticket")
	}
	// The page's partial refresh shows it.
	_, body := c.get("/desk/?partial=1")
	if !strings.Contains(body, tk.Key) || strings.Contains(body, "<html") {
		t.Errorf("partial queue: %.200s", body)
	}
	// Shutdown ends the stream.
	e.srv.Shutdown(context.Background())
	for range events {
	}
}

// An http.Server WriteTimeout shorter than the gaps between events does
// not cut the stream.
func TestEventsOutliveWriteTimeout(t *testing.T) {
	e := mustEnv(t, nil)
	ts := httptest.NewUnstartedServer(e.router)
	ts.Config.WriteTimeout = time.Second
	ts.Start()
	defer ts.Close()
	e.http = ts
	c := e.client()
	c.login("anna", testPassword)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, ts.URL+"/desk/events", nil)
	resp, err := c.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := readEvents(t, resp)
	<-events
	time.Sleep(2500 * time.Millisecond) // well past the WriteTimeout
	tk := e.escalate("c-slow", passportChat)
	// The escalation may reach the stream as more than one change (the
	// conversation saved, then the ticket opened); the stream must still
	// be open and announce the ticket as new.
	for {
		select {
		case got, ok := <-events:
			if !ok {
				t.Fatal("stream closed")
			}
			if len(got.New) == 0 {
				continue
			}
			if len(got.New) != 1 || got.New[0] != tk.Key {
				t.Errorf("event %+v, want the new ticket %s", got, tk.Key)
			}
			return
		case <-ctx.Done():
			t.Fatal("stream cut")
		}
	}
}

func TestEventsNeedLogin(t *testing.T) {
	e := mustEnv(t, nil)
	resp, err := http.Get(e.http.URL + "/desk/events")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("events without login: %d, want 401", resp.StatusCode)
	}
}

func TestHubStopsPollingWithoutListeners(t *testing.T) {
	polls := make(chan struct{}, 100)
	h := newHub(func(context.Context) (snapshot, error) {
		polls <- struct{}{}
		return snapshot{version: "v"}, nil
	}, 5*time.Millisecond, nil)
	ch, ok := h.subscribe()
	if !ok {
		t.Fatal("subscribe failed")
	}
	<-polls
	h.unsubscribe(ch)
	deadline := time.Now().Add(5 * time.Second)
	for {
		h.mu.Lock()
		running := h.running
		h.mu.Unlock()
		if !running {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("poller still running without listeners")
		}
		time.Sleep(5 * time.Millisecond)
	}
	for len(polls) > 0 {
		<-polls
	}
	time.Sleep(30 * time.Millisecond)
	if len(polls) != 0 {
		t.Errorf("%d polls without listeners", len(polls))
	}
	h.shutdown()
	if _, ok := h.subscribe(); ok {
		t.Error("subscribe after shutdown")
	}
}

// A slow reader gets only the latest change, but a ticket an unread change
// announced as new is still announced.
func TestUnreadNewTicketsSurviveTheNextChange(t *testing.T) {
	h := &hub{subs: map[chan change]struct{}{}}
	ch := make(chan change, 1)
	h.subs[ch] = struct{}{}
	h.publish(snapshot{version: "1", keys: map[string]bool{"A": true}}, true)
	<-ch
	h.publish(snapshot{version: "2", keys: map[string]bool{"A": true, "B": true}}, false)
	h.publish(snapshot{version: "3", keys: map[string]bool{"A": true, "B": true}}, false)
	got := <-ch
	if got.Version != "3" || !slices.Equal(got.New, []string{"B"}) {
		t.Errorf("change = %+v, want version 3 announcing B", got)
	}
}
