// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// Offline mode (no LOTSE_LLM_*, LOTSE_EMBED_*, LOTSE_JIRA_* or webhook) must
// not open a single connection to another machine: not for answers, not
// for indexing, not for escalations or incident tickets. Two tests prove it:
// one in this process with every HTTP dial recorded, one with `lotse serve`
// and `lotse index` in a network namespace that has nothing but loopback.

// dialGuard replaces http.DefaultTransport and http.DefaultClient's
// transport for one test: it lets loopback connections through and refuses
// and records every other one.
type dialGuard struct {
	mu       sync.Mutex
	loopback int
	outbound []string
}

func installDialGuard(t *testing.T) *dialGuard {
	t.Helper()
	g := &dialGuard{}
	oldTransport, oldClient := http.DefaultTransport, http.DefaultClient.Transport
	http.DefaultTransport = &http.Transport{DialContext: g.dial, ForceAttemptHTTP2: false, MaxIdleConnsPerHost: 4}
	http.DefaultClient.Transport = http.DefaultTransport
	t.Cleanup(func() {
		http.DefaultTransport.(*http.Transport).CloseIdleConnections()
		http.DefaultTransport, http.DefaultClient.Transport = oldTransport, oldClient
	})
	return g
}

func (g *dialGuard) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	ip, perr := netip.ParseAddr(host)
	if host == "localhost" || (perr == nil && ip.IsLoopback()) {
		g.mu.Lock()
		g.loopback++
		g.mu.Unlock()
		var d net.Dialer
		return d.DialContext(ctx, network, addr)
	}
	g.mu.Lock()
	g.outbound = append(g.outbound, network+" "+addr)
	g.mu.Unlock()
	return nil, fmt.Errorf("offline test: outbound connection to %s refused", addr)
}

func (g *dialGuard) counts() (loopback int, outbound []string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.loopback, append([]string(nil), g.outbound...)
}

func TestOfflineMakesNoOutboundConnection(t *testing.T) {
	g := installDialGuard(t)
	srv := mustStartServer(t, func(c *Config) {
		c.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}
	})
	offlineConversation(t, srv.URL(), g.dial)

	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"index", "--data", t.TempDir()}, envFrom(nil), strings.NewReader(""), &out, &errb); err != nil {
		t.Fatalf("lotse index: %v\n%s", err, errb.String())
	}
	if !strings.Contains(out.String(), "md") {
		t.Errorf("index report lacks the Markdown files:\n%s", out.String())
	}

	loopback, outbound := g.counts()
	if loopback == 0 {
		t.Fatal("the guard saw no connection at all; it is not in the path")
	}
	if len(outbound) != 0 {
		t.Errorf("offline mode tried %d outbound connections: %v", len(outbound), outbound)
	}
	t.Logf("%d loopback connections, %d outbound", loopback, len(outbound))
}

// TestOfflineInNetworkNamespace runs `lotse serve` and `lotse index` as
// processes in a fresh network namespace with only loopback, drives the
// same conversation, and checks that nothing in the server log shows an
// attempt to reach another machine (every such attempt fails there at once
// with "network is unreachable").
func TestOfflineInNetworkNamespace(t *testing.T) {
	if os.Getenv("LOTSE_TEST_NETNS") == "1" {
		offlineInsideNamespace(t)
		return
	}
	if testing.Short() {
		t.Skip("starts processes in a network namespace; skipped with -short")
	}
	unshare, err := exec.LookPath("unshare")
	if err != nil {
		t.Skip("unshare not installed; the in-process guard test still runs")
	}
	if _, err := exec.LookPath("ip"); err != nil {
		t.Skip("ip (iproute2) not installed; cannot bring up loopback in the namespace")
	}
	if out, err := exec.Command(unshare, "-rn", "true").CombinedOutput(); err != nil {
		t.Skipf("unshare -rn not permitted here (%v: %s); the in-process guard test still runs", err, bytes.TrimSpace(out))
	}
	cmd := exec.Command(unshare, "-rn", "sh", "-c", `ip link set lo up && exec "$0" "$@"`,
		os.Args[0], "-test.run=^TestOfflineInNetworkNamespace$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), "LOTSE_TEST_NETNS=1")
	out, err := cmd.CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("--- PASS: TestOfflineInNetworkNamespace")) {
		t.Fatalf("in the namespace: %v\n%s", err, out)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if strings.Contains(l, "namespace:") {
			t.Log(strings.TrimSpace(l))
		}
	}
}

// unreachableRE finds log lines of a failed attempt to reach the network.
var unreachableRE = regexp.MustCompile(`(?i)network is unreachable|no such host|dial tcp|dial udp|connect: |lookup [a-z0-9.-]+`)

func offlineInsideNamespace(t *testing.T) {
	// The namespace really has no network.
	c, err := net.DialTimeout("tcp", "192.0.2.1:80", 2*time.Second)
	if err == nil {
		c.Close()
		t.Fatal("namespace reaches 192.0.2.1: not isolated")
	}
	if !errors.Is(err, syscall.ENETUNREACH) {
		t.Fatalf("dial 192.0.2.1: %v, want network unreachable", err)
	}

	data := t.TempDir()
	cmd := lotseCommand(t, "serve", "--addr", "127.0.0.1:0", "--data", data, "--log-level", "debug")
	cmd.Env = append(cmd.Env, "LOTSE_TRUSTED_PROXIES=127.0.0.1/32", "LOTSE_WATCH=false")
	var serverLog syncBuffer
	cmd.Stderr = &serverLog
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	base := readServerURL(t, stdout)

	offlineConversation(t, base, (&net.Dialer{}).DialContext)

	idx := lotseCommand(t, "index", "--data", t.TempDir(), "--log-level", "debug")
	idxOut, err := idx.CombinedOutput()
	if err != nil {
		t.Fatalf("lotse index in the namespace: %v\n%s", err, idxOut)
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("serve exit: %v", err)
	}
	var attempts []string
	for _, l := range strings.Split(serverLog.String()+"\n"+string(idxOut), "\n") {
		if unreachableRE.MatchString(l) {
			attempts = append(attempts, l)
		}
	}
	if len(attempts) > 0 {
		t.Errorf("%d log lines show attempts to reach the network:\n%s", len(attempts), strings.Join(attempts, "\n"))
	}
	t.Logf("namespace: conversation, escalation, incident and index answered with only loopback; %d log lines, %d outbound attempts",
		strings.Count(serverLog.String(), "\n"), len(attempts))
}

// readServerURL reads the "Lotse hört auf URL" line of `lotse serve`.
func readServerURL(t *testing.T, stdout io.Reader) string {
	t.Helper()
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
	select {
	case u := <-addr:
		return u
	case <-time.After(60 * time.Second):
		t.Fatal("server did not print its address")
		return ""
	}
}

// offlineConversation drives everything offline mode offers over loopback:
// REST and WebSocket chat, a follow-up, an escalation to a person and an
// employee's incident report through the intranet API.
func offlineConversation(t *testing.T, base string, dial func(ctx context.Context, network, addr string) (net.Conn, error)) {
	t.Helper()
	// REST, with a follow-up in the same session.
	first := offlinePost(t, base+"/api/v1/chat", "", map[string]any{"message": "Was kostet ein Reisepass?"})
	if !strings.Contains(first.Answer.Text, "70,00 Euro") {
		t.Errorf("REST answer lacks the fee: %q", first.Answer.Text)
	}
	follow := offlinePost(t, base+"/api/v1/chat", "", map[string]any{"session_id": first.SessionID, "message": "Und welche Unterlagen brauche ich?"})
	if follow.SessionID != first.SessionID || follow.Answer.Text == "" {
		t.Errorf("follow-up: session %q→%q, text %q", first.SessionID, follow.SessionID, follow.Answer.Text)
	}

	// WebSocket.
	d := websocket.Dialer{NetDialContext: dial, HandshakeTimeout: 10 * time.Second}
	ws, resp, err := d.Dial("ws"+strings.TrimPrefix(base, "http")+"/ws", nil)
	if err != nil {
		t.Fatalf("websocket: %v (%v)", err, resp)
	}
	defer ws.Close()
	if err := ws.WriteJSON(map[string]string{"type": "message", "text": "Wie hoch ist die Hundesteuer?"}); err != nil {
		t.Fatal(err)
	}
	ws.SetReadDeadline(time.Now().Add(30 * time.Second))
	for {
		var ev struct{ Type, Text string }
		if err := ws.ReadJSON(&ev); err != nil {
			t.Fatalf("websocket read: %v", err)
		}
		if ev.Type == "error" {
			t.Fatalf("websocket error event: %s", ev.Text)
		}
		if ev.Type == "answer" {
			if !strings.Contains(ev.Text, "96,00 Euro") {
				t.Errorf("websocket answer lacks the tax: %q", ev.Text)
			}
			break
		}
	}

	// Escalation to a person: a local ticket.
	esc := offlinePost(t, base+"/api/v1/chat", "", map[string]any{"message": "Ich möchte mit einem Mitarbeiter sprechen."})
	if !strings.HasPrefix(esc.Answer.Ticket, "LOT-") || !esc.Answer.HandoffOffered {
		t.Errorf("escalation opened no ticket: %+v", esc.Answer)
	}

	// An employee reports an outage through the intranet API.
	inc := offlinePost(t, base+"/intern/api/v1/chat", "max.muster", map[string]any{
		"message": "Outlook startet nicht seit 9 Uhr. Raum 1.05. Die ganze Abteilung hat das Problem, keiner kann arbeiten.",
	})
	if inc.Answer.Intent != "it_incident" {
		t.Errorf("incident report classified %q: %q", inc.Answer.Intent, inc.Answer.Text)
	}
	done := offlinePost(t, base+"/intern/api/v1/chat", "max.muster", map[string]any{"session_id": inc.SessionID, "message": "ja"})
	if !strings.HasPrefix(done.Answer.Ticket, "LOT-") {
		t.Errorf("confirmed incident opened no ticket: %+v", done.Answer)
	}
}

type offlineAnswer struct {
	SessionID string `json:"session_id"`
	Answer    struct {
		Text           string `json:"text"`
		Intent         string `json:"intent"`
		HandoffOffered bool   `json:"handoff_offered"`
		Ticket         string `json:"ticket"`
	} `json:"answer"`
}

func offlinePost(t *testing.T, url, employee string, body map[string]any) offlineAnswer {
	t.Helper()
	b, _ := json.Marshal(body)
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if employee != "" {
		req.Header.Set("X-Remote-User", employee)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("POST %s: %v", url, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("POST %s %s: %d %s", url, b, resp.StatusCode, raw)
	}
	var a offlineAnswer
	if err := json.Unmarshal(raw, &a); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
	return a
}

// syncBuffer is a bytes.Buffer safe for a process writing while the test
// reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
