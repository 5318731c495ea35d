// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"bytes"
	"context"
	"io"
	"mime/quotedprintable"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/mail"
	"net/url"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	gosmtp "github.com/emersion/go-smtp"
)

// smtpRecorder is an in-process SMTP server that keeps what it receives.
type smtpRecorder struct {
	mu      sync.Mutex
	mails   []string // decoded bodies with subject
	down    bool     // refuse mail with 451, as a server that is down
	refused int
}

func (s *smtpRecorder) setDown(d bool) { s.mu.Lock(); s.down = d; s.mu.Unlock() }

func (s *smtpRecorder) refusals() int { s.mu.Lock(); defer s.mu.Unlock(); return s.refused }

func (s *smtpRecorder) NewSession(*gosmtp.Conn) (gosmtp.Session, error) { return &recSession{s}, nil }

func (s *smtpRecorder) got() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.mails...)
}

type recSession struct{ s *smtpRecorder }

func (r *recSession) Reset()        {}
func (r *recSession) Logout() error { return nil }
func (r *recSession) Mail(string, *gosmtp.MailOptions) error {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	if r.s.down {
		r.s.refused++
		return &gosmtp.SMTPError{Code: 451, EnhancedCode: gosmtp.EnhancedCode{4, 3, 0}, Message: "try again later"}
	}
	return nil
}
func (r *recSession) Rcpt(string, *gosmtp.RcptOptions) error { return nil }
func (r *recSession) Data(in io.Reader) error {
	msg, err := mail.ReadMessage(in)
	if err != nil {
		return err
	}
	var body io.Reader = msg.Body
	if strings.EqualFold(msg.Header.Get("Content-Transfer-Encoding"), "quoted-printable") {
		body = quotedprintable.NewReader(msg.Body)
	}
	b, err := io.ReadAll(body)
	if err != nil {
		return err
	}
	r.s.mu.Lock()
	r.s.mails = append(r.s.mails, msg.Header.Get("Subject")+"\n"+string(b))
	r.s.mu.Unlock()
	return nil
}

type quietLog struct{}

func (quietLog) Printf(string, ...any) {}
func (quietLog) Println(...any)        {}

// TestHandoffByMailEndToEnd: a citizen escalates in the REST chat, gives an
// e-mail address, an agent replies in the desk, the SMTP server receives
// exactly one mail with key, reply and status link, the status page shows
// the reply, the citizen's answer there lands on the ticket, and resolving
// sends exactly one resolution mail.
func TestHandoffByMailEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the real server")
	}
	rec, ln := startSMTP(t)
	dataDir := t.TempDir()
	addDeskUser(t, dataDir)
	srv := mustStartServer(t, func(c *Config) {
		c.DataDir = dataDir
		c.SMTPURL = "smtp://" + ln.Addr().String() + "?starttls=none"
		c.SMTPFrom = "Stadt Musterstadt <service@musterstadt.example>"
		c.PublicURL = "https://lotse.example"
	})
	base := srv.URL()

	// The citizen asks, asks for a person and gives an address.
	_, first, _ := postChat(t, base, `{"message":"Was kostet ein Reisepass?"}`)
	_, handoff, raw := postChat(t, base, `{"session_id":`+jsonString(first.SessionID)+`,"message":"Ich möchte mit einem Mitarbeiter sprechen"}`)
	key := regexp.MustCompile(`LOT-\d+`).FindString(handoff.Answer.Text)
	if key == "" || !strings.Contains(handoff.Answer.Text, "E-Mail-Adresse") || !strings.Contains(handoff.Answer.Text, "Art. 13 DSGVO") {
		t.Fatalf("handoff answer: %s", raw)
	}
	_, confirm, raw := postChat(t, base, `{"session_id":`+jsonString(first.SessionID)+`,"message":"Meine E-Mail ist max.muster@example.org"}`)
	if !strings.Contains(confirm.Answer.Text, "max.muster@example.org") || !strings.Contains(confirm.Answer.Text, key) {
		t.Fatalf("contact not confirmed: %s", raw)
	}

	// The agent replies in the desk.
	agent := deskLogin(t, base, "anna", "ein-langes-passwort-123")
	agent.post(t, "/desk/tickets/"+key+"/reply", url.Values{"reply": {"Der Reisepass kostet 70 Euro; Sie können ihn ab Montag abholen."}})
	waitUntil(t, "the reply mail", func() bool { return len(rec.got()) >= 1 })
	waitUntil(t, "the outbox to drain", drained(srv))
	mails := rec.got()
	if len(mails) != 1 {
		t.Fatalf("%d mails after one reply, want 1", len(mails))
	}
	link := regexp.MustCompile(`https://lotse\.example/status/([A-Za-z0-9_-]+)`).FindStringSubmatch(mails[0])
	if link == nil || !strings.Contains(mails[0], key) || !strings.Contains(mails[0], "ab Montag abholen") {
		t.Fatalf("reply mail:\n%s", mails[0])
	}

	// The status page shows the reply; the citizen answers there.
	resp, err := http.Get(base + "/status/" + link[1])
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(page), "ab Montag abholen") || !strings.Contains(string(page), "in Bearbeitung") {
		t.Fatalf("status page %d:\n%s", resp.StatusCode, page)
	}
	resp, err = http.PostForm(base+"/status/"+link[1], url.Values{"message": {"Danke, ich komme am Dienstag."}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if _, body := agent.get(t, "/desk/tickets/"+key); !strings.Contains(body, "Danke, ich komme am Dienstag.") {
		t.Errorf("the citizen's answer is not on the ticket")
	}

	// The desk resolves: one resolution mail.
	agent.post(t, "/desk/tickets/"+key+"/resolve", url.Values{"resolution": {"Reisepass abgeholt."}})
	waitUntil(t, "the resolution mail", func() bool { return len(rec.got()) >= 2 })
	waitUntil(t, "the outbox to drain", drained(srv))
	mails = rec.got()
	if len(mails) != 2 || !strings.Contains(mails[1], "Reisepass abgeholt.") || !strings.Contains(mails[1], key) {
		t.Fatalf("%d mails; last:\n%s", len(mails), mails[len(mails)-1])
	}
}

// drained reports whether the server's outbox has nothing pending.
func drained(srv *server) func() bool {
	return func() bool {
		es, err := srv.app.tickets.PendingOutbox(context.Background())
		return err == nil && len(es) == 0
	}
}

// startSMTP starts an in-process SMTP server that records what it gets.
func startSMTP(t *testing.T) (*smtpRecorder, net.Listener) {
	t.Helper()
	rec := &smtpRecorder{}
	ss := gosmtp.NewServer(rec)
	ss.Domain, ss.AllowInsecureAuth, ss.ErrorLog = "localhost", true, quietLog{}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = ss.Serve(ln) }()
	t.Cleanup(func() { ss.Close() })
	return rec, ln
}

// addDeskUser adds the desk account anna to the data dir.
func addDeskUser(t *testing.T, dataDir string) {
	t.Helper()
	var out bytes.Buffer
	if err := run(context.Background(), []string{"user", "add", "anna", "--data", dataDir}, envFrom(nil),
		strings.NewReader("ein-langes-passwort-123\n"), &out, &out); err != nil {
		t.Fatalf("user add: %v %s", err, out.String())
	}
}

// TestReplyMailOnceAfterSMTPDownAndSIGKILL: the SMTP server refuses mail,
// the desk replies (the mail is committed with the note), the server is
// killed after a failed attempt, the SMTP server comes back, and after the
// restart the mail arrives exactly once.
func TestReplyMailOnceAfterSMTPDownAndSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the server twice; skipped with -short")
	}
	rec, ln := startSMTP(t)
	rec.setDown(true)
	data := t.TempDir()
	addDeskUser(t, data)
	env := []string{"LOTSE_SMTP_URL=smtp://" + ln.Addr().String() + "?starttls=none", "LOTSE_SMTP_FROM=service@musterstadt.example",
		"LOTSE_PUBLIC_URL=https://lotse.example", "LOTSE_WATCH=false"}
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
	_, first, _ := postChat(t, base, `{"message":"Ich möchte mit einem Menschen sprechen"}`)
	key := regexp.MustCompile(`LOT-\d+`).FindString(first.Answer.Text)
	_, confirm, raw := postChat(t, base, `{"session_id":`+jsonString(first.SessionID)+`,"message":"max.muster@example.org"}`)
	if key == "" || !strings.Contains(confirm.Answer.Text, "max.muster@example.org") {
		t.Fatalf("no contact on %q: %s", key, raw)
	}
	agent := deskLogin(t, base, "anna", "ein-langes-passwort-123")
	agent.post(t, "/desk/tickets/"+key+"/reply", url.Values{"reply": {"Antwort trotz Störung."}})
	waitUntil(t, "a refused attempt", func() bool { return rec.refusals() > 0 })
	_ = cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if n := len(rec.got()); n != 0 {
		t.Fatalf("%d mails before the restart", n)
	}

	rec.setDown(false)
	_, base = serve()
	waitUntil(t, "the mail after the restart", func() bool { return len(rec.got()) >= 1 })
	agent = deskLogin(t, base, "anna", "ein-langes-passwort-123")
	waitUntil(t, "nothing pending on the ticket", func() bool {
		_, body := agent.get(t, "/desk/tickets/"+key)
		return !strings.Contains(body, "Übermittlung (mail)")
	})
	if got := rec.got(); len(got) != 1 || !strings.Contains(got[0], "Antwort trotz Störung.") {
		t.Fatalf("%d mails after the restart, want exactly the reply: %q", len(got), got)
	}
}

type deskClient struct {
	base string
	c    *http.Client
	csrf string
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func deskLogin(t *testing.T, base, user, pw string) *deskClient {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	d := &deskClient{base: base, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	d.get(t, "/desk/login")
	d.post(t, "/desk/login", url.Values{"username": {user}, "password": {pw}})
	d.get(t, "/desk/")
	return d
}

func (d *deskClient) get(t *testing.T, path string) (int, string) {
	t.Helper()
	resp, err := d.c.Get(d.base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if m := csrfField.FindSubmatch(b); m != nil {
		d.csrf = string(m[1])
	}
	return resp.StatusCode, string(b)
}

func (d *deskClient) post(t *testing.T, path string, form url.Values) {
	t.Helper()
	form.Set("csrf", d.csrf)
	resp, err := d.c.PostForm(d.base+path, form)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("POST %s: %d\n%s", path, resp.StatusCode, b)
	}
}

func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
