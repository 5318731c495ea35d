// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"bufio"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/musterstadt/lotse/ticketing/pgtest"
)

// TestMain lets tests re-run this binary as the real `lotse` command: with
// LOTSE_TEST_MAIN set, the arguments after "--" go to main.
func TestMain(m *testing.M) {
	if os.Getenv("LOTSE_TEST_MAIN") == "1" {
		for i, a := range os.Args {
			if a == "--" {
				os.Args = append([]string{"lotse"}, os.Args[i+1:]...)
				break
			}
		}
		main()
		os.Exit(0)
	}
	pgtest.Main(m) // runs the tests, then stops a PostgreSQL cluster if one was started
}

// lotseCommand returns the test binary set up to behave as `lotse args...`
// with an environment that holds nothing of ours.
func lotseCommand(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^$", "--"}, args...)...)
	cmd.Env = []string{"LOTSE_TEST_MAIN=1", "PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}
	cmd.Dir = t.TempDir()
	return cmd
}

func TestServeStartsReadyAndStopsOnSIGTERM(t *testing.T) {
	cmd := lotseCommand(t, "serve", "--addr", "127.0.0.1:0")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()

	addr := make(chan string, 1)
	go func() {
		re := regexp.MustCompile(`http://\S+`)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := re.FindString(sc.Text()); m != "" {
				addr <- m
				return
			}
		}
	}()
	var base string
	select {
	case base = <-addr:
	case <-time.After(30 * time.Second):
		t.Fatal("server did not print its address")
	}
	resp, err := http.Get(base + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("/readyz = %d", resp.StatusCode)
	}
	t.Logf("ready after %v (empty environment, empty data dir)", time.Since(start))

	// A request in flight when SIGTERM arrives is still answered.
	done := make(chan int, 1)
	go func() {
		resp, err := http.Post(base+"/api/v1/chat", "application/json", strings.NewReader(`{"message":"Was kostet ein Reisepass?"}`))
		if err != nil {
			done <- -1
			return
		}
		resp.Body.Close()
		done <- resp.StatusCode
	}()
	time.Sleep(20 * time.Millisecond)
	stopAt := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	waitErr := make(chan error, 1)
	go func() { waitErr <- cmd.Wait() }()
	select {
	case err := <-waitErr:
		if err != nil {
			t.Fatalf("exit after SIGTERM: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("did not exit within 10 s of SIGTERM")
	}
	t.Logf("exited %v after SIGTERM", time.Since(stopAt))
	if code := <-done; code != http.StatusOK && code != -1 {
		t.Errorf("in-flight request got %d", code)
	}
}
