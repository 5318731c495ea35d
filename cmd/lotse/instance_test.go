// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Every instance owns its data directory (SQLite file, index, caches).
// These tests run the real binary, as an operator would start it twice.

// waitExit waits for cmd to end. The bound only keeps a broken build
// from hanging the test run; the tests assert what the process said and
// how it ended, not how fast.
func waitExit(t *testing.T, cmd *exec.Cmd, what string) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(90 * time.Second):
		_ = cmd.Process.Kill()
		<-done
		t.Fatalf("%s: still running after 90 s", what)
		return nil
	}
}

// TestSecondServeOnSameDataDirFailsNamingHolder starts a server, then a
// second one on the same data directory (and so the same SQLite file and
// index). The second must end by itself with an error that names the
// first by process ID and host, instead of waiting on a lock; the first
// keeps serving.
func TestSecondServeOnSameDataDirFailsNamingHolder(t *testing.T) {
	data := t.TempDir()
	first := lotseCommand(t, "serve", "--addr", "127.0.0.1:0", "--data", data)
	first.Env = append(first.Env, "LOTSE_WATCH=false")
	stdout, err := first.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { first.Process.Kill(); first.Wait() })
	base := readServerURL(t, stdout)

	second := lotseCommand(t, "serve", "--addr", "127.0.0.1:0", "--data", data)
	second.Env = append(second.Env, "LOTSE_WATCH=false")
	var out bytes.Buffer
	second.Stdout, second.Stderr = &out, &out
	if err := second.Start(); err != nil {
		t.Fatal(err)
	}
	err = waitExit(t, second, "second serve on the same data directory")
	if err == nil {
		t.Fatalf("second serve exited 0; output:\n%s", out.String())
	}
	for _, want := range []string{"is held by pid " + strconv.Itoa(first.Process.Pid), "on host ", data} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("second serve's error does not say %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "hört auf") {
		t.Errorf("second serve listened:\n%s", out.String())
	}
	resp, err := http.Get(base + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("first server after the second's attempt: /readyz %d", resp.StatusCode)
	}
}

// stallingEmbeddings answers the embedder's start-up probe and then holds
// every request until the client gives up: an index build that is in
// progress for as long as the test wants. building is closed when the
// first held request arrives.
func stallingEmbeddings(t *testing.T) (url string, building <-chan struct{}) {
	t.Helper()
	started := make(chan struct{})
	release := make(chan struct{})
	var once sync.Once
	var probed sync.Once
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		first := false
		probed.Do(func() { first = true })
		if !first {
			once.Do(func() { close(started) })
			select {
			case <-r.Context().Done():
			case <-release:
			}
			return
		}
		var req struct {
			Model string `json:"model"`
		}
		json.NewDecoder(r.Body).Decode(&req)
		v := make([]float32, 8)
		v[0] = 1
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{
			"object": "list", "model": req.Model,
			"data": []map[string]any{{"object": "embedding", "index": 0, "embedding": v}},
		})
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) }) // runs first: frees held handlers
	return srv.URL + "/v1", started
}

// TestServeStopsOnSIGTERMDuringIndexBuild sends SIGTERM while the index is
// being built (the embedder holds the build) and expects the server to
// stop cleanly without ever serving.
func TestServeStopsOnSIGTERMDuringIndexBuild(t *testing.T) {
	url, building := stallingEmbeddings(t)
	cmd := lotseCommand(t, "serve", "--addr", "127.0.0.1:0", "--data", t.TempDir())
	cmd.Env = append(cmd.Env, "LOTSE_WATCH=false", "LOTSE_EMBED_BASE_URL="+url, "LOTSE_EMBED_MODEL=stall")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	select {
	case <-building:
	case <-time.After(90 * time.Second):
		t.Fatalf("the index build never asked for embeddings; output:\n%s", out.String())
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := waitExit(t, cmd, "serve after SIGTERM during the index build"); err != nil {
		t.Fatalf("exit after SIGTERM: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "stopped during start-up") {
		t.Errorf("no word of stopping during start-up:\n%s", out.String())
	}
	if strings.Contains(out.String(), "hört auf") {
		t.Errorf("the server started serving after SIGTERM:\n%s", out.String())
	}
}
