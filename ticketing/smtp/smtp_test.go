// SPDX-License-Identifier: EUPL-1.2

package smtp

import (
	"context"
	"encoding/base64"
	"io"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	gosmtp "github.com/emersion/go-smtp"

	"github.com/musterstadt/lotse/ticketing"
)

// received is one mail the test server accepted.
type received struct {
	from string
	to   []string
	msg  *mail.Message
	body string
}

// server is an in-process SMTP server that records what it receives and
// can be switched to refuse mail (as a server that is down would).
type server struct {
	mu   sync.Mutex
	got  []received
	down bool
	addr string
}

func (s *server) NewSession(*gosmtp.Conn) (gosmtp.Session, error) { return &session{srv: s}, nil }

func (s *server) setDown(d bool) { s.mu.Lock(); s.down = d; s.mu.Unlock() }

func (s *server) mails() []received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]received(nil), s.got...)
}

type session struct {
	srv  *server
	from string
	to   []string
}

func (s *session) Reset()        { s.from, s.to = "", nil }
func (s *session) Logout() error { return nil }
func (s *session) Mail(from string, _ *gosmtp.MailOptions) error {
	s.srv.mu.Lock()
	down := s.srv.down
	s.srv.mu.Unlock()
	if down {
		return &gosmtp.SMTPError{Code: 451, EnhancedCode: gosmtp.EnhancedCode{4, 3, 0}, Message: "try again later"}
	}
	s.from = from
	return nil
}
func (s *session) Rcpt(to string, _ *gosmtp.RcptOptions) error { s.to = append(s.to, to); return nil }
func (s *session) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	msg, err := mail.ReadMessage(strings.NewReader(string(b)))
	if err != nil {
		return err
	}
	body, _ := io.ReadAll(msg.Body)
	s.srv.mu.Lock()
	s.srv.got = append(s.srv.got, received{from: s.from, to: s.to, msg: msg, body: string(body)})
	s.srv.mu.Unlock()
	return nil
}

func startServer(t *testing.T) *server {
	t.Helper()
	srv := &server{}
	s := gosmtp.NewServer(srv)
	s.Domain = "localhost"
	s.AllowInsecureAuth = true
	s.ErrorLog = nopLogger{}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv.addr = l.Addr().String()
	go func() { _ = s.Serve(l) }()
	t.Cleanup(func() { s.Close() })
	return srv
}

type nopLogger struct{}

func (nopLogger) Printf(string, ...any) {}
func (nopLogger) Println(...any)        {}

func mustMailer(t *testing.T, srv *server) *Mailer {
	t.Helper()
	m, err := New("smtp://"+srv.addr+"?starttls=none", "Lotse Musterstadt <lotse@musterstadt.example>")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestNewRejectsBadConfig(t *testing.T) {
	for _, tc := range []struct{ url, from string }{
		{"http://x", "a@b.example"}, {"smtp://", "a@b.example"}, {"smtp://h:99999", "a@b.example"},
		{"smtp://h?starttls=maybe", "a@b.example"}, {"smtp://h", "not an address"},
	} {
		if _, err := New(tc.url, tc.from); err == nil {
			t.Errorf("New(%q, %q) = nil error", tc.url, tc.from)
		}
	}
	if _, err := New("smtps://user:pw@mail.example", "a@b.example"); err != nil {
		t.Errorf("smtps: %v", err)
	}
}

func TestSendDelivers(t *testing.T) {
	srv := startServer(t)
	m := mustMailer(t, srv)
	err := m.Send(context.Background(), ticketing.Mail{TicketKey: "LOT-7", To: "max@example.org", Subject: "Ihr Anliegen LOT-7",
		Body: "Guten Tag,\n\nÄnderung übernommen.\n", MessageID: "lotse.lot-7.abc", CreatedAt: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	got := srv.mails()
	if len(got) != 1 {
		t.Fatalf("%d mails", len(got))
	}
	g := got[0]
	if g.from != "lotse@musterstadt.example" || len(g.to) != 1 || g.to[0] != "max@example.org" {
		t.Errorf("envelope %q → %v", g.from, g.to)
	}
	if id := g.msg.Header.Get("Message-Id"); id != "<lotse.lot-7.abc@musterstadt.example>" {
		t.Errorf("Message-ID %q", id)
	}
	dec := new(mime.WordDecoder)
	if subj, _ := dec.DecodeHeader(g.msg.Header.Get("Subject")); subj != "Ihr Anliegen LOT-7" {
		t.Errorf("subject %q", subj)
	}
	if !strings.Contains(decodeBody(t, g), "Änderung übernommen.") {
		t.Errorf("body %q", g.body)
	}
}

// TestRepliesByMailThroughTheOutbox runs the whole path: a ticket with an
// e-mail contact, a desk reply, the SMTP server down for a while, a
// resolution, and a restart between commit and send.
func TestRepliesByMailThroughTheOutbox(t *testing.T) {
	srv := startServer(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "lotse.db")
	store, err := ticketing.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	newService := func(st *ticketing.Store) *ticketing.Service {
		svc, err := ticketing.New(ticketing.Config{Store: st, Mailer: mustMailer(t, srv), StatusURL: "https://lotse.example/status/",
			Outbox: ticketing.OutboxConfig{PollInterval: 20 * time.Millisecond, BaseBackoff: 10 * time.Millisecond, MaxBackoff: 40 * time.Millisecond}})
		if err != nil {
			t.Fatal(err)
		}
		return svc
	}
	svc := newService(store)
	svc.Start()
	tk, err := svc.Escalate(ctx, ticketing.Escalation{ConversationID: "c1", Channel: "web", Lang: "de", Summary: "Frage zum Reisepass", Contact: "max@example.org"})
	if err != nil {
		t.Fatal(err)
	}

	// The server is down: the reply waits and is sent once it is back.
	srv.setDown(true)
	if _, err := svc.AddNote(ctx, ticketing.Note{TicketID: tk.ID, Author: "anna", Text: "Der Reisepass kostet 70 Euro."}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.AddNote(ctx, ticketing.Note{TicketID: tk.ID, Author: "anna", Text: "intern: erledigt?", Internal: true}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "a failed attempt", func() bool {
		es, _ := svc.PendingOutbox(ctx)
		return len(es) == 1 && es[0].Attempts > 0
	})
	srv.setDown(false)
	waitFor(t, "the reply mail", func() bool { return len(srv.mails()) >= 1 })
	waitFor(t, "the outbox to drain", func() bool { es, _ := svc.PendingOutbox(ctx); return len(es) == 0 })
	got := srv.mails()
	if len(got) != 1 {
		t.Fatalf("%d mails after the server came back, want exactly 1", len(got))
	}
	body := decodeBody(t, got[0])
	cur, _ := svc.Get(ctx, tk.ID)
	for _, want := range []string{tk.Key, "Der Reisepass kostet 70 Euro.", "https://lotse.example/status/"} {
		if !strings.Contains(body, want) {
			t.Errorf("reply mail lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "intern") {
		t.Errorf("internal note mailed")
	}
	token := body[strings.Index(body, "https://lotse.example/status/")+len("https://lotse.example/status/"):]
	token = strings.Fields(token)[0]
	view, err := svc.StatusByToken(ctx, token)
	if err != nil || view.Key != tk.Key || len(view.Replies) != 1 {
		t.Fatalf("status page of the mailed link: %+v, %v", view, err)
	}
	_ = cur

	// A crash after the commit and before the send: the next process
	// sends the mail, once.
	svc.Shutdown()
	cold := newService(store) // not started: nothing is sent
	if _, err := cold.Update(ctx, tk.ID, ticketing.Patch{Status: ptr(ticketing.StatusResolved), Resolution: ptr("Antrag abgeschlossen.")}, "anna"); err != nil {
		t.Fatal(err)
	}
	cold.Shutdown()
	store.Close()
	store2, err := ticketing.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store2.Close() })
	svc2 := newService(store2)
	svc2.Start()
	t.Cleanup(svc2.Shutdown)
	waitFor(t, "the resolution mail", func() bool { return len(srv.mails()) >= 2 })
	waitFor(t, "the outbox to drain", func() bool { es, _ := svc2.PendingOutbox(ctx); return len(es) == 0 })
	got = srv.mails()
	if len(got) != 2 {
		t.Fatalf("%d mails, want reply and resolution", len(got))
	}
	if b := decodeBody(t, got[1]); !strings.Contains(b, "ist erledigt") || !strings.Contains(b, "Antrag abgeschlossen.") || !strings.Contains(b, tk.Key) {
		t.Errorf("resolution mail:\n%s", b)
	}
}

func ptr[T any](v T) *T { return &v }

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// decodeBody returns the text body, decoding quoted-printable or base64.
func decodeBody(t *testing.T, r received) string {
	t.Helper()
	switch strings.ToLower(r.msg.Header.Get("Content-Transfer-Encoding")) {
	case "quoted-printable":
		b, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(r.body)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	case "base64":
		b, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(r.body), ""))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	return r.body
}
