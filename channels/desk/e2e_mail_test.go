// SPDX-License-Identifier: EUPL-1.2

package desk

import (
	"context"
	"io"
	"mime/quotedprintable"
	"net"
	"net/http/httptest"
	"net/mail"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	gosmtp "github.com/emersion/go-smtp"
	"github.com/go-chi/chi/v5"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/channels/internal/browsertest"
	"github.com/musterstadt/lotse/channels/web"
	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/knowledge/musterstadt"
	"github.com/musterstadt/lotse/ticketing"
	"github.com/musterstadt/lotse/ticketing/smtp"
)

// mailbox is an in-process SMTP server that keeps the decoded mails.
type mailbox struct {
	mu    sync.Mutex
	mails []string
}

func (m *mailbox) NewSession(*gosmtp.Conn) (gosmtp.Session, error) { return mailboxSession{m}, nil }
func (m *mailbox) got() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]string(nil), m.mails...)
}

type mailboxSession struct{ m *mailbox }

func (mailboxSession) Reset()                                 {}
func (mailboxSession) Logout() error                          { return nil }
func (mailboxSession) Mail(string, *gosmtp.MailOptions) error { return nil }
func (mailboxSession) Rcpt(string, *gosmtp.RcptOptions) error { return nil }
func (s mailboxSession) Data(r io.Reader) error {
	msg, err := mail.ReadMessage(r)
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
	s.m.mu.Lock()
	s.m.mails = append(s.m.mails, string(b))
	s.m.mu.Unlock()
	return nil
}

type silentLog struct{}

func (silentLog) Printf(string, ...any) {}
func (silentLog) Println(...any)        {}

// TestBrowserHandoffByMail is the end-to-end path in a browser with
// the real assistant and a real SMTP server in-process: the citizen asks
// for a person in the widget and gives an e-mail address; the agent
// replies in the desk; exactly one mail arrives with key, reply and status
// link; the status page shows the reply and takes the citizen's answer,
// which appears on the ticket; resolving sends exactly one more mail.
func TestBrowserHandoffByMail(t *testing.T) {
	browser := browsertest.Require(t)
	box := &mailbox{}
	ss := gosmtp.NewServer(box)
	ss.Domain, ss.ErrorLog = "localhost", silentLog{}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = ss.Serve(ln) }()
	t.Cleanup(func() { ss.Close() })
	mailer, err := smtp.New("smtp://"+ln.Addr().String()+"?starttls=none", "service@musterstadt.example")
	if err != nil {
		t.Fatal(err)
	}

	var base string // the test server's URL, known after it starts
	e := mustEnvWith(t, func(c *ticketing.Config) {
		c.Now, c.Mailer, c.StatusURL = time.Now, mailer, "http://status.invalid/status"
		c.Outbox = ticketing.OutboxConfig{PollInterval: 50 * time.Millisecond, BaseBackoff: 20 * time.Millisecond}
	}, func(c *Config) { c.Now = time.Now; c.PollInterval = 200 * time.Millisecond })
	e.svc.Start()
	t.Cleanup(e.svc.Shutdown)
	kbase, err := knowledge.Open(context.Background(), knowledge.Config{Roots: []knowledge.Root{{Name: "musterstadt", FS: musterstadt.FS()}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { kbase.Close() })
	a, err := assistant.New(assistant.Config{Retriever: kbase, Tickets: e.svc.ForAssistant(nil), EmailReplies: true})
	if err != nil {
		t.Fatal(err)
	}
	webSrv, err := web.New(web.Config{Chat: a, Store: e.conv})
	if err != nil {
		t.Fatal(err)
	}
	deskSrv, err := New(Config{Tickets: e.svc, Store: e.st, Conversations: e.conv, Live: webSrv, PollInterval: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	r := chi.NewRouter()
	webSrv.Routes(r)
	deskSrv.Routes(r)
	srv := httptest.NewServer(r)
	base = srv.URL
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		deskSrv.Shutdown(ctx)
		webSrv.Shutdown(ctx)
		srv.Close()
	})
	drained := func() bool { es, err := e.svc.PendingOutbox(context.Background()); return err == nil && len(es) == 0 }

	actx := browser.NewContext(t, 120*time.Second)
	agent := tab{t, browser, actx}
	cctx, cancelCitizen := chromedp.NewContext(actx)
	defer cancelCitizen()
	citizen := tab{t, browser, cctx}

	// The citizen asks for a person and gives an address.
	citizen.must("widget page", chromedp.Do(cctx, chromedp.Navigate(base+"/")))
	const root = `document.querySelector('lotse-chat').shadowRoot`
	citizen.wait("launcher", root+` && !`+root+`.querySelector('.launcher').hidden`)
	citizen.eval(root + `.querySelector('.launcher').click()`)
	citizen.wait("input", `!`+root+`.querySelector('.panel').hidden`)
	citizen.eval(root + `.querySelector('#lotse-input').focus()`)
	citizen.must("ask for a person", chromedp.Do(cctx, chromedp.KeyEvent("Ich möchte mit einem Menschen sprechen"), chromedp.KeyEvent(kb.Enter)))
	citizen.wait("offer with consent sentence", root+`.querySelector('[role=log]').textContent.includes('Art. 13 DSGVO') && `+root+`.querySelector('[role=log]').textContent.includes('E-Mail-Adresse')`)
	citizen.eval(root + `.querySelector('#lotse-input').focus()`)
	citizen.must("give the address", chromedp.Do(cctx, chromedp.KeyEvent("max.muster@example.org"), chromedp.KeyEvent(kb.Enter)))
	citizen.wait("address confirmed", root+`.querySelector('[role=log]').textContent.includes('per E-Mail an max.muster@example.org')`)
	tickets, err := e.svc.List(context.Background(), ticketing.Filter{OpenOnly: true})
	if err != nil || len(tickets) != 1 || tickets[0].Contact != "max.muster@example.org" {
		t.Fatalf("tickets %+v, %v", tickets, err)
	}
	key := tickets[0].Key

	// The agent replies in the desk.
	agent.must("login page", chromedp.Do(actx, chromedp.Navigate(base+"/desk/login")))
	agent.must("credentials", chromedp.Do(actx, chromedp.SendKeys("#username", "anna"), chromedp.SendKeys("#password", testPassword), chromedp.KeyEvent(kb.Enter)))
	agent.wait("queue", `location.pathname === '/desk/'`)
	agent.must("case", chromedp.Do(actx, chromedp.Navigate(base+"/desk/tickets/"+key)))
	agent.wait("reply form", `!!document.getElementById('reply')`)
	const reply = "Der Reisepass kostet 70 Euro; Sie können ihn ab Montag abholen."
	agent.must("type reply", chromedp.Do(actx, chromedp.SendKeys("#reply", reply)))
	agent.eval(`document.querySelector('form[action$="/reply"] button').click()`)
	agent.wait("reply sent", `location.search.includes('ok=reply')`)
	waitTrue(t, "the reply mail", func() bool { return len(box.got()) >= 1 && drained() })
	mails := box.got()
	if len(mails) != 1 || !strings.Contains(mails[0], key) || !strings.Contains(mails[0], reply) {
		t.Fatalf("%d mails; first:\n%v", len(mails), mails)
	}
	token := regexp.MustCompile(`http://status\.invalid/status/([A-Za-z0-9_-]+)`).FindStringSubmatch(mails[0])
	if token == nil {
		t.Fatalf("no status link in:\n%s", mails[0])
	}

	// The status page shows the reply and takes the citizen's answer.
	citizen.must("status page", chromedp.Do(cctx, chromedp.Navigate(base+"/status/"+token[1])))
	citizen.wait("reply on the status page", `document.body.textContent.includes(`+browsertest.JSString(reply)+`) && document.getElementById('status').textContent === 'in Bearbeitung'`)
	citizen.axe("status page")
	citizen.must("answer", chromedp.Do(cctx, chromedp.SendKeys("#message", "Danke, ich komme am Dienstag."), chromedp.Click("#send")))
	citizen.wait("answer sent", `location.search.includes('ok=1')`)
	agent.must("case again", chromedp.Do(actx, chromedp.Navigate(base+"/desk/tickets/"+key)))
	agent.wait("answer on the ticket", `document.body.textContent.includes('Danke, ich komme am Dienstag.')`)

	// Resolving sends one more mail.
	agent.must("resolution", chromedp.Do(actx, chromedp.SendKeys("#resolution", "Reisepass abgeholt.")))
	agent.eval(`document.querySelector('form[action$="/resolve"] button').click()`)
	agent.wait("resolved", `location.search.includes('ok=resolve')`)
	waitTrue(t, "the resolution mail", func() bool { return len(box.got()) >= 2 && drained() })
	if mails = box.got(); len(mails) != 2 || !strings.Contains(mails[1], "Reisepass abgeholt.") {
		t.Fatalf("%d mails; last:\n%s", len(mails), mails[len(mails)-1])
	}
}

func waitTrue(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
