// SPDX-License-Identifier: EUPL-1.2

package jira_test

// Fault tests: the real ticketing outbox (SQLite store, Service.Escalate,
// outbox worker) delivering through the real jira.Client to the fake Jira,
// which misbehaves in scripted ways. In every case each ticket must reach
// Jira exactly once and none may be lost.

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/musterstadt/lotse/ticketing"
	"github.com/musterstadt/lotse/ticketing/jira"
	"github.com/musterstadt/lotse/ticketing/jira/fakejira"
)

// deliveryTimeout bounds every wait for the outbox; the outbox runs with
// millisecond backoffs, so only a bug takes this long.
const deliveryTimeout = 15 * time.Second

// outboxConfig makes the worker retry within milliseconds.
func outboxConfig() ticketing.OutboxConfig {
	return ticketing.OutboxConfig{
		Workers:      2,
		PollInterval: 20 * time.Millisecond,
		BaseBackoff:  5 * time.Millisecond,
		MaxBackoff:   40 * time.Millisecond,
	}
}

// harness is a Service with its store in dir, delivering to srv.
type harness struct {
	srv   *fakejira.Server
	store *ticketing.Store
	svc   *ticketing.Service
}

// startHarness opens (or reopens) the store in dir and starts a Service
// whose outbox delivers to srv.
func startHarness(tb testing.TB, dir string, srv *fakejira.Server) *harness {
	tb.Helper()
	store, err := ticketing.Open(tb.Context(), filepath.Join(dir, "lotse.db"))
	if err != nil {
		tb.Fatalf("open store: %v", err)
	}
	c := mustNew(tb, srv, serviceDeskConfig())
	svc, err := ticketing.New(ticketing.Config{
		Store:        store,
		Deliverer:    c,
		Outbox:       outboxConfig(),
		SyncInterval: time.Hour,
	})
	if err != nil {
		store.Close()
		tb.Fatalf("new service: %v", err)
	}
	svc.Start()
	tb.Cleanup(func() {
		svc.Shutdown()
		store.Close()
	})
	return &harness{srv: srv, store: store, svc: svc}
}

// escalation returns the handoff of conversation n.
func escalation(n int) ticketing.Escalation {
	at := time.Date(2026, 11, 26, 9, 0, n, 0, time.UTC)
	return ticketing.Escalation{
		ConversationID: fmt.Sprintf("conv-%d", n),
		Channel:        "web",
		Audience:       "citizen",
		Lang:           "de",
		Reason:         "requested",
		Summary:        fmt.Sprintf("Anliegen %d: Wohnsitz ummelden", n),
		Transcript: []ticketing.Message{
			{Role: "user", Text: fmt.Sprintf("Frage %d: Wie melde ich meinen Wohnsitz um?", n), At: at},
			{Role: "assistant", Text: "Ich leite Sie an das Bürgerbüro weiter.", At: at.Add(time.Second)},
		},
	}
}

// escalate commits n tickets and returns their keys.
func (h *harness) escalate(tb testing.TB, n int) []string {
	tb.Helper()
	var keys []string
	for i := range n {
		tk, err := h.svc.Escalate(tb.Context(), escalation(i))
		if err != nil {
			tb.Fatalf("escalate: %v", err)
		}
		keys = append(keys, tk.Key)
	}
	return keys
}

// waitDelivered waits until every ticket has an external key and returns
// them by ticket key.
func (h *harness) waitDelivered(tb testing.TB, keys []string) map[string]string {
	tb.Helper()
	deadline := time.Now().Add(deliveryTimeout)
	ext := map[string]string{}
	for len(ext) < len(keys) {
		for _, k := range keys {
			if _, ok := ext[k]; ok {
				continue
			}
			tk, err := h.svc.GetByKey(tb.Context(), k)
			if err != nil {
				tb.Fatalf("get %s: %v", k, err)
			}
			if tk.ExternalKey != "" {
				ext[k] = tk.ExternalKey
			}
		}
		if len(ext) == len(keys) {
			break
		}
		if time.Now().After(deadline) {
			rows, _ := h.store.ListOutbox(tb.Context())
			tb.Fatalf("only %d of %d tickets delivered after %s; outbox: %+v", len(ext), len(keys), deliveryTimeout, rows)
		}
		time.Sleep(10 * time.Millisecond)
	}
	return ext
}

// assertExactlyOnce checks that every ticket became exactly one Jira issue,
// the one recorded on the ticket, with the transcript exactly once, and
// that nothing is left in the outbox.
func (h *harness) assertExactlyOnce(tb testing.TB, ext map[string]string) {
	tb.Helper()
	for key, extKey := range ext {
		marker := jira.MarkerLabel(key)
		if n := h.srv.Creations(marker); n != 1 {
			tb.Errorf("%s: created %d times in Jira, want exactly once", key, n)
		}
		issues := h.srv.IssuesWithLabel(marker)
		if len(issues) != 1 || issues[0].Key != extKey {
			tb.Errorf("%s: Jira issues %v, want exactly %s", key, issueKeys(issues), extKey)
			continue
		}
		transcripts := 0
		for _, c := range issues[0].Comments {
			if strings.HasPrefix(c.Body, "*Gesprächsverlauf zu "+key+"*") {
				transcripts++
			}
		}
		if transcripts != 1 {
			tb.Errorf("%s: %d transcript comments, want 1", key, transcripts)
		}
	}
	if got, want := len(h.srv.Issues()), len(ext); got != want {
		tb.Errorf("Jira holds %d issues, want %d", got, want)
	}
	depth, _, err := h.svc.OutboxStats(tb.Context())
	if err != nil {
		tb.Fatal(err)
	}
	if depth != 0 {
		tb.Errorf("outbox depth %d after delivery, want 0", depth)
	}
}

func issueKeys(issues []fakejira.Issue) []string {
	var keys []string
	for _, is := range issues {
		keys = append(keys, is.Key)
	}
	return keys
}

// Jira answers 503 five times, then works: every ticket arrives once.
func TestOutboxJira503FiveTimes(t *testing.T) {
	srv := newFake(t)
	faults := make([]fakejira.Fault, 5)
	for i := range faults {
		faults[i] = fakejira.Fault{Status: 503}
	}
	srv.Inject(fakejira.OpAny, faults...)
	h := startHarness(t, t.TempDir(), srv)

	ext := h.waitDelivered(t, h.escalate(t, 3))
	h.assertExactlyOnce(t, ext)
	failed := 0
	for _, r := range srv.Requests() {
		if r.Status == 503 {
			failed++
		}
	}
	if failed != 5 {
		t.Errorf("%d answers were 503, want 5", failed)
	}
}

// Jira answers 429 with Retry-After: 2; the outbox waits that long before
// it tries again, although its own backoff is a few milliseconds.
func TestOutboxHonoursRetryAfter(t *testing.T) {
	srv := newFake(t)
	srv.Inject(fakejira.OpSearch, fakejira.Fault{Status: 429, RetryAfter: "2"})
	h := startHarness(t, t.TempDir(), srv)

	ext := h.waitDelivered(t, h.escalate(t, 1))
	h.assertExactlyOnce(t, ext)

	reqs := srv.Requests()
	if len(reqs) < 2 || reqs[0].Status != 429 {
		t.Fatalf("requests %+v, want a 429 first", reqs)
	}
	if gap := reqs[1].At.Sub(reqs[0].At); gap < 2*time.Second {
		t.Errorf("retried %s after the 429, want at least the 2s of Retry-After; requests %+v", gap, reqs)
	} else if gap > 5*time.Second {
		t.Errorf("retried only %s after the 429, want about 2s", gap)
	}
}

// The connection drops after Jira created the issue: the retry finds it by
// its label, records it, and creates nothing new.
func TestOutboxConnectionDropsAfterCreate(t *testing.T) {
	srv := newFake(t)
	srv.Inject(fakejira.OpCreate, fakejira.Fault{DropAfter: true}, fakejira.Fault{DropAfter: true})
	h := startHarness(t, t.TempDir(), srv)

	keys := h.escalate(t, 2)
	ext := h.waitDelivered(t, keys)
	h.assertExactlyOnce(t, ext)
	creates := 0
	for _, r := range srv.Requests() {
		if r.Op == fakejira.OpCreate {
			creates++
		}
	}
	if creates != 2 {
		t.Errorf("%d create requests, want 2 (the retries must find the issues)", creates)
	}
	// After a lost create answer the retry waits for Jira's search index:
	// the second search for a marker comes IndexDelay after the first.
	for _, key := range keys {
		var searches []time.Time
		for _, r := range srv.Requests() {
			if r.Op == fakejira.OpSearch && strings.Contains(r.Query, `"`+jira.MarkerLabel(key)+`"`) {
				searches = append(searches, r.At)
			}
		}
		if len(searches) != 2 {
			t.Errorf("%s: %d searches, want 2", key, len(searches))
		} else if gap := searches[1].Sub(searches[0]); gap < testIndexDelay {
			t.Errorf("%s: searched again %s after the lost create, want at least %s", key, gap, testIndexDelay)
		}
	}
}

// Jira is unreachable for a while, then comes back: nothing is delivered
// while it is down, everything exactly once afterwards.
func TestOutboxJiraDownThenUp(t *testing.T) {
	for _, mode := range []struct {
		name string
		down fakejira.Down
	}{{"connections dropped", fakejira.DownDrop}, {"503 without Retry-After", fakejira.Down503}} {
		t.Run(mode.name, func(t *testing.T) {
			srv := newFake(t)
			srv.SetDown(mode.down)
			h := startHarness(t, t.TempDir(), srv)
			keys := h.escalate(t, 4)

			// Let every ticket fail a few times.
			deadline := time.Now().Add(deliveryTimeout)
			for {
				rows, err := h.store.ListOutbox(t.Context())
				if err != nil {
					t.Fatal(err)
				}
				if len(rows) != len(keys) {
					t.Fatalf("outbox holds %d rows while Jira is down, want %d", len(rows), len(keys))
				}
				least := rows[0].Attempts
				for _, r := range rows {
					least = min(least, r.Attempts)
				}
				if least >= 3 {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("outbox did not retry while Jira was down: %+v", rows)
				}
				time.Sleep(10 * time.Millisecond)
			}
			if n := len(srv.Issues()); n != 0 {
				t.Fatalf("%d issues while Jira was down", n)
			}
			rows, _ := h.store.ListOutbox(t.Context())
			if rows[0].LastError == "" || strings.Contains(rows[0].LastError, testToken) {
				t.Errorf("last error %q: want a reason without the token", rows[0].LastError)
			}

			srv.SetDown(fakejira.Up)
			ext := h.waitDelivered(t, keys)
			h.assertExactlyOnce(t, ext)
		})
	}
}

// The syncer of package ticketing reads back what an agent did in Jira
// through Client.ExternalStatus; the transcript and internal comments
// stay out of the ticket's public notes.
func TestOutboxDeliveredTicketSyncsBack(t *testing.T) {
	srv := newFake(t)
	h := startHarness(t, t.TempDir(), srv)
	keys := h.escalate(t, 1)
	ext := h.waitDelivered(t, keys)
	issueKey := ext[keys[0]]
	if err := srv.AddComment(issueKey, "Petra Sachbearbeiterin", "Ihr Termin ist am Montag um 9 Uhr.", false); err != nil {
		t.Fatal(err)
	}
	if err := srv.AddComment(issueKey, "Petra Sachbearbeiterin", "intern: Akte angefordert", true); err != nil {
		t.Fatal(err)
	}
	if err := srv.SetStatus(issueKey, "Resolved", "done"); err != nil {
		t.Fatal(err)
	}

	c := mustNew(t, srv, serviceDeskConfig())
	syncer := ticketing.NewSyncer(ticketing.SyncerConfig{Store: h.store, Reader: c})
	changed, err := syncer.SyncOnce(t.Context())
	if err != nil || changed != 1 {
		t.Fatalf("SyncOnce = %d, %v; want 1 change", changed, err)
	}
	tk, err := h.svc.GetByKey(t.Context(), keys[0])
	if err != nil {
		t.Fatal(err)
	}
	if tk.Status != ticketing.StatusResolved {
		t.Errorf("status %q, want resolved", tk.Status)
	}
	notes, err := h.svc.Notes(t.Context(), tk.ID)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, n := range notes {
		texts = append(texts, n.Author+": "+n.Text)
	}
	want := "extern:Petra Sachbearbeiterin: Ihr Termin ist am Montag um 9 Uhr."
	if len(texts) != 1 || texts[0] != want {
		t.Errorf("notes %q, want only %q", texts, want)
	}
}

// Environment of the helper process of TestOutboxSurvivesSIGKILL.
const (
	helperEnv    = "LOTSE_JIRA_HELPER" // "commit" or "deliver"
	helperDirEnv = "LOTSE_JIRA_HELPER_DIR"
	helperURLEnv = "LOTSE_JIRA_HELPER_URL"
)

// TestHelperProcess is not a test: TestOutboxSurvivesSIGKILL runs the test
// binary with it as a child process that escalates, prints "committed
// <key>" and waits to be killed. In mode "deliver" its outbox runs and
// delivers to the parent's fake Jira; in mode "commit" it never starts.
func TestHelperProcess(t *testing.T) {
	mode := os.Getenv(helperEnv)
	if mode == "" {
		t.Skip("helper process for TestOutboxSurvivesSIGKILL")
	}
	ctx := context.Background()
	store, err := ticketing.Open(ctx, filepath.Join(os.Getenv(helperDirEnv), "lotse.db"))
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	cfg := serviceDeskConfig()
	cfg.BaseURL = os.Getenv(helperURLEnv)
	c, err := jira.New(cfg)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	svc, err := ticketing.New(ticketing.Config{Store: store, Deliverer: c, Outbox: outboxConfig(), SyncInterval: time.Hour})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	if mode == "deliver" {
		svc.Start()
	}
	tk, err := svc.Escalate(ctx, escalation(1))
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	fmt.Println("committed", tk.Key)
	time.Sleep(time.Minute) // the parent kills us long before
	os.Exit(3)
}

// The process is SIGKILLed right after the local commit, before or in the
// middle of the delivery. After a restart on the same data directory the
// outbox delivers the ticket, exactly once.
func TestOutboxSurvivesSIGKILL(t *testing.T) {
	tests := []struct {
		name string
		mode string
		// inJira: the issue exists in Jira when the process dies.
		inJira bool
	}{
		{"killed before delivery", "commit", false},
		{"killed after Jira created the issue", "deliver", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFake(t)
			if tt.inJira {
				// The transcript comment hangs, so the child dies after Jira
				// created the issue but before it could record the key.
				srv.Inject(fakejira.OpAddComment, fakejira.Fault{Hang: true})
			}
			dir := t.TempDir()
			cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
			cmd.Env = append(os.Environ(), helperEnv+"="+tt.mode, helperDirEnv+"="+dir, helperURLEnv+"="+srv.URL())
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			cmd.Stderr = os.Stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			killed := false
			defer func() {
				if !killed {
					_ = cmd.Process.Kill()
					_ = cmd.Wait()
				}
			}()

			lines := make(chan string)
			go func() {
				sc := bufio.NewScanner(stdout)
				for sc.Scan() {
					lines <- sc.Text()
				}
				close(lines)
			}()
			var key string
			select {
			case line := <-lines:
				var ok bool
				if key, ok = strings.CutPrefix(line, "committed "); !ok {
					t.Fatalf("helper said %q, want \"committed <key>\"", line)
				}
			case <-time.After(deliveryTimeout):
				t.Fatal("helper did not commit in time")
			}
			if tt.inJira {
				// Kill only once the issue exists and the helper hangs in
				// the transcript request.
				deadline := time.Now().Add(deliveryTimeout)
				for srv.Creations(jira.MarkerLabel(key)) == 0 || srv.PendingFaults(fakejira.OpAddComment) > 0 {
					if time.Now().After(deadline) {
						t.Fatal("the helper's outbox did not create the issue")
					}
					time.Sleep(5 * time.Millisecond)
				}
			}
			if err := cmd.Process.Kill(); err != nil { // SIGKILL on Unix
				t.Fatal(err)
			}
			killed = true
			_ = cmd.Wait()
			go func() {
				for range lines { // drain
				}
			}()
			if got := len(srv.Issues()); got != boolInt(tt.inJira) {
				t.Fatalf("%d issues in Jira at the kill, want %d", got, boolInt(tt.inJira))
			}

			h := startHarness(t, dir, srv)
			ext := h.waitDelivered(t, []string{key})
			h.assertExactlyOnce(t, ext)
		})
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
