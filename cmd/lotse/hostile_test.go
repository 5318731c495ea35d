// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/musterstadt/lotse/knowledge/hostile"
)

// writeHostileRoot makes a knowledge root with one ordinary service page
// and every hostile file of issue 20 (cyclic PDF, PPTX and DOCX bombs, a
// link to a secret outside the root).
func writeHostileRoot(t *testing.T) (dir, secret string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "wissen")
	secret = "GEHEIMNIS-AUSSERHALB-4711"
	if _, err := hostile.WriteRoot(dir, secret); err != nil {
		t.Fatal(err)
	}
	page := "# Sondernutzung\n\n## Kosten\n\nDie Sondernutzungserlaubnis kostet 15,00 Euro pro Tag.\n"
	if err := os.WriteFile(filepath.Join(dir, "leistungen", "sondernutzung.md"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, secret
}

func TestIndexSkipsHostileFiles(t *testing.T) {
	dir, _ := writeHostileRoot(t)
	var out, errb bytes.Buffer
	err := run(context.Background(), []string{"index", "--data", t.TempDir(), "--knowledge", dir}, envFrom(nil), nil, &out, &errb)
	if err != nil {
		t.Fatalf("index: %v\n%s", err, errb.String())
	}
	for _, want := range []string{
		hostile.CyclicPDFName, "zyklisch",
		hostile.BombPPTXName, hostile.BombDOCXName, "Zip-Bombe", hostile.BombPDFName,
		hostile.LinkName, "aus der Wissensquelle hinaus",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}

// TestServeWithHostileRoot: `lotse serve` over a root holding a cyclic PDF,
// zip bombs and an outward link becomes ready, answers from the ordinary
// page, never quotes the file outside the root, and stops on SIGTERM.
func TestServeWithHostileRoot(t *testing.T) {
	dir, secret := writeHostileRoot(t)
	cmd := lotseCommand(t, "serve", "--addr", "127.0.0.1:0", "--knowledge", dir, "--data", t.TempDir())
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	cmd.Stderr = &logs
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
				break
			}
		}
		io.Copy(io.Discard, stdout)
	}()
	var base string
	select {
	case base = <-addr:
	case <-time.After(60 * time.Second):
		t.Fatalf("server did not start; log:\n%s", logs.String())
	}
	resp, err := http.Get(base + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("/readyz = %d", resp.StatusCode)
	}
	t.Logf("ready after %v with a cyclic PDF, two zip bombs and an outward link in the root", time.Since(start))

	for _, q := range []string{"Was kostet die Sondernutzungserlaubnis?", "Was steht in passwd?"} {
		resp, err = http.Post(base+"/api/v1/chat", "application/json", strings.NewReader(`{"message":"`+q+`"}`))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		var cr struct {
			Answer struct {
				Text    string `json:"text"`
				Sources []struct {
					ID string `json:"id"`
				} `json:"sources"`
			} `json:"answer"`
		}
		if err := json.Unmarshal(body, &cr); err != nil {
			t.Fatalf("%s: %v\n%s", q, err, body)
		}
		if strings.Contains(string(body), secret) {
			t.Errorf("%s: the answer quotes the file outside the root: %s", q, body)
		}
		if strings.Contains(q, "Sondernutzung") && !strings.Contains(cr.Answer.Text, "15,00") {
			t.Errorf("%s: ordinary document not answerable: %s", q, body)
		}
	}
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
	case <-time.After(20 * time.Second):
		t.Fatal("did not exit after SIGTERM")
	}
	t.Logf("exited %v after SIGTERM", time.Since(stopAt))
	for _, want := range []string{hostile.CyclicPDFName, hostile.BombPPTXName, hostile.BombDOCXName, hostile.BombPDFName, hostile.LinkName} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log does not name skipped %s", want)
		}
	}
}
