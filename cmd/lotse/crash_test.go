// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/musterstadt/lotse/ticketing/jira"
	"github.com/musterstadt/lotse/ticketing/jira/fakejira"
)

// Crash safety: a SIGKILL in the middle of the work must not cost what was
// already done. The tests run the real binary (see lotseCommand) and kill
// it with SIGKILL, which no handler can intercept.

// crashRoot writes a knowledge root of n small Markdown services plus the
// service "Testpass" whose fee is fee, and returns its directory.
func crashRoot(t *testing.T, n int, fee string) string {
	t.Helper()
	dir := t.TempDir()
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(dir, "knowledge.yaml"), []byte("defaults: {audience: citizen, lang: de}\nfolders:\n  - match: \"leistungen/**\"\n    kind: service\n"), 0o644))
	for i := range n {
		sub := filepath.Join(dir, "leistungen", fmt.Sprintf("g%02d", i%50))
		must(os.MkdirAll(sub, 0o755))
		body := fmt.Sprintf("---\ntitle: Bescheinigung Nummer %d\n---\n# Bescheinigung Nummer %d\n\nDie Bescheinigung %d stellt das Amt %d aus.\n\n## Kosten\n\n- %d,00 Euro\n\n## Unterlagen\n\n- Antrag %d, Ausweis\n",
			i, i, i, i%37, i%90+5, i)
		must(os.WriteFile(filepath.Join(sub, fmt.Sprintf("b%05d.md", i)), []byte(body), 0o644))
	}
	writeTestpass(t, dir, fee)
	return dir
}

func writeTestpass(t *testing.T, dir, fee string) {
	t.Helper()
	body := "---\ntitle: Testpass beantragen\nsynonyms: [Testpass]\n---\n# Testpass beantragen\n\nDen Testpass gibt es im Bürgerbüro.\n\n## Kosten\n\n- Testpass: " + fee + " Euro\n"
	if err := os.WriteFile(filepath.Join(dir, "leistungen", "testpass.md"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func currentGeneration(t *testing.T, data string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(data, "index", "knowledge", "CURRENT"))
	if err != nil {
		t.Fatalf("no index generation: %v", err)
	}
	return strings.TrimSpace(string(b))
}

func runLotse(t *testing.T, args ...string) string {
	t.Helper()
	cmd := lotseCommand(t, args...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("lotse %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// TestIndexSurvivesSIGKILL kills `lotse index` while it rebuilds a changed
// root. The last good index generation must stay intact (the next start
// loads it from disk when the files are as they were), and a start with
// the changed files rebuilds and answers from them.
func TestIndexSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes a few thousand files several times; skipped with -short")
	}
	root := crashRoot(t, 3000, "42,00")
	data := t.TempDir()

	start := time.Now()
	out := runLotse(t, "index", "--knowledge", root, "--data", data)
	full := time.Since(start)
	if !strings.Contains(out, "neu aufgebaut") {
		t.Fatalf("first index not built:\n%s", out)
	}
	good := currentGeneration(t, data)
	t.Logf("full index of 3001 files: %v (generation %s)", full.Round(time.Millisecond), good)

	// Change files, start a rebuild and kill it half-way; retry with other
	// delays if it finished or had not started.
	writeTestpass(t, root, "43,00")
	killed := false
	for _, frac := range []float64{0.5, 0.3, 0.7, 0.15, 0.85} {
		cmd := lotseCommand(t, "index", "--knowledge", root, "--data", data)
		var buf bytes.Buffer
		cmd.Stdout, cmd.Stderr = &buf, &buf
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(frac * float64(full))
		time.Sleep(delay)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		status, _ := cmd.ProcessState.Sys().(syscall.WaitStatus)
		if err == nil || !status.Signaled() {
			// It finished before the kill: the new generation is the good
			// one now. Change the file again and retry sooner.
			good = currentGeneration(t, data)
			writeTestpass(t, root, "43,00")
			t.Logf("rebuild finished before SIGKILL after %v; retrying", delay)
			continue
		}
		if got := currentGeneration(t, data); got != good {
			// The kill came after the new generation was committed: the
			// swap of CURRENT is the last step of a build, and a process
			// killed while it exits has finished. What must never
			// happen, a CURRENT that names a generation not fully
			// written, is what the start below would find.
			// Build the files as they were again, so that the checks
			// below still find the last good generation, and retry.
			t.Logf("SIGKILL after %v came after the commit (CURRENT %s); retrying", delay, got)
			writeTestpass(t, root, "42,00")
			runLotse(t, "index", "--knowledge", root, "--data", data)
			good = currentGeneration(t, data)
			writeTestpass(t, root, "43,00")
			continue
		}
		entries, _ := os.ReadDir(filepath.Join(data, "index", "knowledge"))
		var stray []string
		for _, e := range entries {
			if e.IsDir() && e.Name() != good {
				stray = append(stray, e.Name())
			}
		}
		t.Logf("SIGKILL after %v (%.0f%% of a full build); CURRENT still %s; unfinished generations: %v", delay, frac*100, good, stray)
		killed = true
		break
	}
	if !killed {
		t.Fatal("could not kill the rebuild in the middle")
	}

	// The last good index is intact: with the files as they were, the next
	// start loads it from disk.
	writeTestpass(t, root, "42,00")
	out = runLotse(t, "index", "--knowledge", root, "--data", data)
	if !strings.Contains(out, "von der Platte geladen") {
		t.Errorf("after the crash the last good index was not reused:\n%s", out)
	}

	// With the changed files, a server start rebuilds and answers from them.
	writeTestpass(t, root, "43,00")
	srv := mustStartServer(t, func(c *Config) {
		c.Knowledge = []string{root}
		c.DataDir = data
	})
	if rep := srv.app.kb.Report(); rep.LoadedFromDisk || rep.Documents != 3001 {
		t.Errorf("server index: from disk %v, %d documents; want a rebuild of 3001", rep.LoadedFromDisk, rep.Documents)
	}
	code, cr, raw := postChat(t, srv.URL(), `{"message":"Was kostet der Testpass?"}`)
	if code != http.StatusOK || !strings.Contains(cr.Answer.Text, "43,00 Euro") {
		t.Errorf("answer after the crash: %d %s", code, raw)
	}
}

// TestEscalationDeliveredOnceAfterSIGKILL escalates through a server that
// delivers to a fake Jira. Jira creates the issue but the answer is lost,
// and the server is killed before it can retry. After the restart the
// outbox finishes the delivery: exactly one Jira issue carries the ticket's
// marker.
func TestEscalationDeliveredOnceAfterSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the server twice; skipped with -short")
	}
	fj := fakejira.New(fakejira.Options{Token: "tok"})
	t.Cleanup(fj.Close)
	fj.Inject(fakejira.OpCreate, fakejira.Fault{DropAfter: true})
	data := t.TempDir()
	env := []string{"LOTSE_JIRA_URL=" + fj.URL(), "LOTSE_JIRA_TOKEN=tok", "LOTSE_JIRA_PROJECT=ITSD", "LOTSE_WATCH=false"}

	serve := func() (*exec.Cmd, string) {
		cmd := lotseCommand(t, "serve", "--addr", "127.0.0.1:0", "--data", data)
		cmd.Env = append(cmd.Env, env...)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		return cmd, readServerURL(t, stdout)
	}

	cmd, base := serve()
	code, _, raw := postChat(t, base, `{"message":"Ich möchte mit einem Menschen sprechen"}`)
	if code != http.StatusOK {
		t.Fatalf("escalation: %d %s", code, raw)
	}
	var resp struct {
		Answer struct{ Ticket string } `json:"answer"`
	}
	if err := json.Unmarshal(raw, &resp); err != nil || !strings.HasPrefix(resp.Answer.Ticket, "LOT-") {
		t.Fatalf("no ticket in %s (%v)", raw, err)
	}
	marker := jira.MarkerLabel(resp.Answer.Ticket)

	// Kill the server once Jira has created the issue and dropped the
	// answer, before the outbox retries.
	deadline := time.Now().Add(10 * time.Second)
	for fj.PendingFaults(fakejira.OpCreate) > 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	_ = cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if n := fj.Creations(marker); n != 1 {
		t.Fatalf("before the restart Jira has %d issues for %s, want the one whose answer was lost", n, marker)
	}

	// Restart: the outbox finds the issue instead of creating another and
	// adds the transcript.
	_, _ = serve()
	deadline = time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if is := fj.IssuesWithLabel(marker); len(is) == 1 && len(is[0].Comments) > 0 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	is := fj.IssuesWithLabel(marker)
	if len(is) != 1 || len(is[0].Comments) != 1 || fj.Creations(marker) != 1 {
		var comments int
		if len(is) > 0 {
			comments = len(is[0].Comments)
		}
		t.Fatalf("after restart: %d issues, %d creations, %d comments for %s; want exactly one issue with one transcript", len(is), fj.Creations(marker), comments, marker)
	}
	t.Logf("%s delivered once as %s after SIGKILL and restart", resp.Answer.Ticket, is[0].Key)
}
