// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const crashEnv = "LOTSE_TICKETING_CRASH_DB"

// TestCrashChild is the child process of TestCrashAfterCommit: it commits
// an escalation, reports the key and waits to be killed. It does nothing in
// a normal test run.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("only runs as the child of TestCrashAfterCommit")
	}
	ctx := context.Background()
	store, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	// A deliverer that never answers: the outbox row must survive the kill.
	d := newFakeDeliverer(nil)
	d.block = true
	svc, err := New(Config{Store: store, Deliverer: d})
	if err != nil {
		t.Fatal(err)
	}
	svc.Start()
	tk, err := svc.Escalate(ctx, Escalation{ConversationID: "crash", Summary: "Bitte um Rückruf"})
	if err != nil {
		t.Fatal(err)
	}
	os.Stdout.WriteString("COMMITTED " + tk.Key + "\n")
	time.Sleep(time.Minute) // killed long before
	t.Fatal("not killed")
}

func TestCrashAfterCommit(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns a subprocess")
	}
	path := filepath.Join(t.TempDir(), "lotse.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.v")
	cmd.Env = append(os.Environ(), crashEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	key := ""
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if k, ok := strings.CutPrefix(sc.Text(), "COMMITTED "); ok {
			key = k
			break
		}
	}
	// SIGKILL: no deferred functions, no Close, no checkpoint.
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if key == "" {
		t.Fatal("child did not commit")
	}

	ctx := context.Background()
	store, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen after crash: %v", err)
	}
	defer store.Close()
	pending, err := store.ListOutbox(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(pending) != 1 || pending[0].TicketKey != key {
		t.Fatalf("pending outbox after crash = %+v, want one row for %s", pending, key)
	}
	d := newFakeDeliverer(nil)
	o := NewOutbox(OutboxConfig{Store: store, Deliverer: d, PollInterval: 10 * time.Millisecond})
	o.Start()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if depth, _, _ := store.OutboxStats(ctx, time.Now()); depth == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("not delivered within 10s")
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond) // ten more polls: nothing is sent twice
	o.Shutdown()
	calls, creates := d.snapshot()
	if len(calls) != 1 || creates != 1 {
		t.Errorf("after restart: %d calls, %d creates; want exactly 1", len(calls), creates)
	}
	tk, err := store.ticketByKey(ctx, key)
	if err != nil || tk.ExternalKey != "ITSD-101" || tk.Summary != "Bitte um Rückruf" {
		t.Errorf("ticket after restart = %+v, %v", tk, err)
	}
}
