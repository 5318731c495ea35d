// SPDX-License-Identifier: EUPL-1.2

package desk

import (
	"context"
	"iter"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/go-chi/chi/v5"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/channels/internal/browsertest"
	"github.com/musterstadt/lotse/channels/web"
	"github.com/musterstadt/lotse/ticketing"
)

// The browser test runs the desk and the real web channel in one server:
// an agent logs in, sees a citizen's escalation arrive live, takes the chat
// over, writes into the citizen's widget (a second tab), hands back, and
// the bot answers again. axe-core checks the queue and case pages. It is
// skipped when Chromium or axe-core is missing, unless LOTSE_E2E=1 (CI),
// where that is a failure. axe-core comes from the web channel's e2e
// folder: npm ci --prefix channels/web/e2e

const (
	e2eHuman  = "Ich möchte mit einem Menschen sprechen"
	e2eAnswer = "Ein Reisepass kostet 70 Euro."
	e2eReply  = "Guten Tag, hier ist Anna vom Bürgerservice. Wie kann ich helfen?"
)

// e2eChatter answers like the assistant does for these two questions: a
// request for a human opens an escalation, anything else gets a sourced
// answer; while an agent holds the chat it stays silent.
type e2eChatter struct{ svc *ticketing.Service }

func (c e2eChatter) Turn(ctx context.Context, conv *assistant.Conversation, msg assistant.Message) iter.Seq2[assistant.Chunk, error] {
	return func(yield func(assistant.Chunk, error) bool) {
		now := time.Now()
		conv.Entries = append(conv.Entries, assistant.Entry{Role: assistant.RoleUser, Text: msg.Text, At: now})
		if conv.AgentHeld {
			if yield(assistant.Chunk{Kind: assistant.ChunkNotice, Text: "Eine Mitarbeiterin / ein Mitarbeiter betreut dieses Gespräch."}, nil) {
				yield(assistant.Chunk{Kind: assistant.ChunkAnswer, Answer: &assistant.Answer{Lang: "de", Mode: "agent"}}, nil)
			}
			return
		}
		ans := &assistant.Answer{Text: e2eAnswer, Intent: assistant.IntentServiceInfo, Lang: "de", Confidence: 0.9,
			Sources: []assistant.Source{{ID: "leistungen/reisepass", Title: "Reisepass beantragen", URL: "https://www.musterstadt.example/leistungen/reisepass"}}}
		if strings.Contains(msg.Text, "Menschen") {
			t, err := c.svc.Escalate(ctx, ticketing.Escalation{ConversationID: conv.ID, Channel: "web", Audience: conv.Audience, Lang: "de",
				Intent: "human", Reason: "requested", Summary: "Bürgerin möchte eine Person sprechen",
				Transcript: []ticketing.Message{{Role: "user", Text: msg.Text, At: now}}})
			if err != nil {
				yield(assistant.Chunk{}, err)
				return
			}
			ans = &assistant.Answer{Text: "Gern verbinde ich Sie mit dem Bürgerservice.", Intent: assistant.IntentHuman, Lang: "de",
				HandoffOffered: true, Handoff: &assistant.Handoff{Reason: "requested", Ticket: t.Key}}
		}
		conv.Entries = append(conv.Entries, assistant.Entry{Role: assistant.RoleAssistant, Text: ans.Text, Intent: ans.Intent, Sources: ans.Sources, At: now})
		yield(assistant.Chunk{Kind: assistant.ChunkAnswer, Answer: ans}, nil)
	}
}

// tab wraps one browser tab with test helpers.
type tab struct {
	t       *testing.T
	browser browsertest.Browser
	ctx     context.Context
}

func (b tab) must(step string, err error) {
	b.t.Helper()
	if err != nil {
		b.t.Fatalf("%s: %v", step, err)
	}
}

func (b tab) eval(expr string) any {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[any](expr))
	b.must(expr, err)
	return v
}

// wait polls expr until it is true; errors while a page loads are retried.
func (b tab) wait(step, expr string) {
	b.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		v, err := chromedp.Run(b.ctx, chromedp.Evaluate[any](expr))
		if err == nil && v == true {
			return
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("waiting for %s: last value %v, err %v", step, v, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// axe checks the open page with axe-core: no violations, and enough rules
// applied that the check means something.
func (b tab) axe(what string) {
	b.t.Helper()
	res := b.browser.Axe(b.t, b.ctx)
	if res.Passes < 10 {
		b.t.Errorf("axe on %s checked only %d rules", what, res.Passes)
	}
	b.t.Logf("axe on %s: %d rules passed, %d violations", what, res.Passes, len(res.Violations))
	for _, v := range res.Violations {
		b.t.Errorf("axe on %s: %s", what, v)
	}
}

func TestBrowserDeskTakeover(t *testing.T) {
	browser := browsertest.Require(t)

	// One server: the web channel at /, the desk at /desk, one store.
	// Jira is configured but the outbox is not started, so the ticket's
	// delivery stays pending and the case page offers "Erneut senden".
	e := mustEnvWith(t, func(c *ticketing.Config) { c.Deliverer = &fakeJira{} },
		func(c *Config) { c.Now = time.Now; c.PollInterval = 200 * time.Millisecond })
	webSrv, err := web.New(web.Config{Chat: e2eChatter{svc: e.svc}, Store: e.conv})
	if err != nil {
		t.Fatal(err)
	}
	desk, err := New(Config{Tickets: e.svc, Store: e.st, Conversations: e.conv, Live: webSrv, PollInterval: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	r := chi.NewRouter()
	webSrv.Routes(r)
	desk.Routes(r)
	srv := httptest.NewServer(r)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		desk.Shutdown(ctx)
		webSrv.Shutdown(ctx)
		srv.Close()
	})

	actx := browser.NewContext(t, 120*time.Second) // records CSP violations
	agent := tab{t, browser, actx}
	cctx, cancelCitizen := chromedp.NewContext(actx) // a second tab for the citizen
	defer cancelCitizen()
	citizen := tab{t, browser, cctx}

	// The agent logs in and watches the queue.
	agent.must("login page", chromedp.Do(actx, chromedp.Navigate(srv.URL+"/desk/login")))
	agent.axe("login page")
	agent.must("credentials", chromedp.Do(actx,
		chromedp.SendKeys("#username", "anna"),
		chromedp.SendKeys("#password", testPassword),
		chromedp.KeyEvent(kb.Enter)))
	agent.wait("queue after login", `location.pathname === '/desk/' && document.documentElement.dataset.sse === 'open'`)
	agent.axe("empty queue")

	// The citizen asks for a human in the widget.
	citizen.must("widget page", chromedp.Do(cctx, chromedp.Navigate(srv.URL+"/")))
	const root = `document.querySelector('lotse-chat').shadowRoot`
	citizen.wait("launcher", root+` && !`+root+`.querySelector('.launcher').hidden`)
	citizen.eval(root + `.querySelector('.launcher').click()`)
	citizen.wait("input", `!`+root+`.querySelector('.panel').hidden`)
	citizen.eval(root + `.querySelector('#lotse-input').focus()`)
	citizen.must("ask for a human", chromedp.Do(cctx, chromedp.KeyEvent(e2eHuman), chromedp.KeyEvent(kb.Enter)))
	citizen.wait("handoff answer", root+`.querySelector('[role=log]').textContent.includes('Gern verbinde ich Sie')`)

	// The escalation appears in the queue without a reload.
	tickets, err := e.svc.List(context.Background(), ticketing.Filter{OpenOnly: true})
	if err != nil || len(tickets) != 1 {
		t.Fatalf("tickets %v, %v", tickets, err)
	}
	key := tickets[0].Key
	agent.wait("live row", `!!document.querySelector('#queue-live tr[data-key=`+browsertest.JSString(key)+`]') && document.getElementById('live-status').textContent.includes(`+browsertest.JSString(key)+`)`)
	agent.axe("queue with a ticket")

	// The agent opens the case and takes over.
	agent.eval(`document.querySelector('#queue-live tr[data-key=` + browsertest.JSString(key) + `] a').click()`)
	agent.wait("case page", `location.pathname.startsWith('/desk/tickets/') && !!document.getElementById('takeover')`)
	agent.axe("case page")
	casePath, _ := agent.eval(`location.pathname`).(string)
	agent.eval(`document.getElementById('takeover').click()`)
	agent.wait("held", `location.search.includes('ok=takeover') && !!document.getElementById('release')`)
	// Taking over assigned the ticket and set it in progress; the URL
	// names the ticket by its key.
	agent.wait("assigned, in Bearbeitung", `document.querySelector('.facts').textContent.includes('in Bearbeitung') && document.querySelector('.facts').textContent.includes('anna')`)
	if !strings.HasSuffix(casePath, "/"+key) {
		t.Errorf("case URL %q does not name the key %s", casePath, key)
	}
	citizen.wait("agent joined", root+`.querySelector('[role=log]').textContent.includes('anna vom Service-Team hat das Gespräch übernommen')`)

	// While the agent types, the widget says so; the reply appears at once
	// and the typing note goes.
	agent.must("type reply", chromedp.Do(actx, chromedp.SendKeys("#reply", e2eReply)))
	citizen.wait("agent typing", root+`.querySelector('.typing').textContent === 'anna (Service-Team) schreibt …'`)
	agent.eval(`document.querySelector('form[action$="/reply"] button').click()`)
	agent.wait("reply sent", `location.search.includes('ok=reply')`)
	citizen.wait("agent message", `[...`+root+`.querySelectorAll('.msg.agent .text')].some(p => p.textContent === `+browsertest.JSString(e2eReply)+`)`)
	citizen.wait("typing note gone", root+`.querySelector('.typing').textContent === ''`)

	// While held, the bot stays silent.
	bots := citizen.eval(root + `.querySelectorAll('[role=log] .msg.bot').length`)
	citizen.eval(root + `.querySelector('#lotse-input').focus()`)
	citizen.must("ask while held", chromedp.Do(cctx, chromedp.KeyEvent("Danke, wie lange dauert es?"), chromedp.KeyEvent(kb.Enter)))
	citizen.wait("held notice", root+`.querySelector('[role=log]').textContent.includes('betreut dieses Gespräch')`)
	if got := citizen.eval(root + `.querySelectorAll('[role=log] .msg.bot').length`); got != bots {
		t.Errorf("assistant bubbles while held: %v, had %v", got, bots)
	}
	if got := citizen.eval(`[...` + root + `.querySelectorAll('[role=log] .msg.user')].pop().querySelector('.sent').textContent`); got != "Gesendet" {
		t.Errorf("message while held shows %v, want Gesendet", got)
	}
	// The agent sees the citizen's message arrive without a reload.
	agent.wait("citizen's message in the case", `document.getElementById('transcript').textContent.includes('Danke, wie lange dauert es?') && document.getElementById('transcript').textContent.includes(`+browsertest.JSString(e2eReply)+`) && document.getElementById('transcript-status').textContent.includes('Neue Nachricht')`)

	// Hand back: the bot answers again.
	agent.eval(`document.getElementById('release').click()`)
	agent.wait("released", `location.search.includes('ok=release') && !!document.getElementById('takeover')`)
	citizen.wait("agent left", root+`.querySelector('[role=log]').textContent.includes('wieder vom digitalen Assistenten')`)
	citizen.eval(root + `.querySelector('#lotse-input').focus()`)
	citizen.must("ask the bot", chromedp.Do(cctx, chromedp.KeyEvent("Was kostet ein Reisepass?"), chromedp.KeyEvent(kb.Enter)))
	citizen.wait("bot answers again", `[...`+root+`.querySelectorAll('.msg.bot .text')].some(p => p.textContent === `+browsertest.JSString(e2eAnswer)+`)`)

	// Push to Jira and link to a known outage from the case page.
	if _, err := e.svc.CreateOutage(context.Background(), ticketing.Outage{Service: "vpn", Title: "VPN gestört"}, "test"); err != nil {
		t.Fatal(err)
	}
	// Search by key from the queue opens the ticket.
	agent.must("queue for search", chromedp.Do(actx, chromedp.Navigate(srv.URL+"/desk/")))
	agent.wait("search box", `!!document.getElementById('q')`)
	agent.must("search by key", chromedp.Do(actx, chromedp.SendKeys("#q", strings.ToLower(key)), chromedp.KeyEvent(kb.Enter)))
	agent.wait("found by key", `location.pathname === `+browsertest.JSString("/desk/tickets/"+key))
	agent.must("case page again", chromedp.Do(actx, chromedp.Navigate(srv.URL+casePath)))
	agent.wait("push button", `document.getElementById('push-jira')?.textContent === 'Erneut senden'`)
	agent.eval(`document.getElementById('push-jira').click()`)
	agent.wait("pushed", `location.search.includes('ok=push-jira') && document.querySelector('.notice').textContent.includes('an Jira gesendet')`)
	agent.eval(`document.querySelector('form[action$="/link-outage"] button').click()`)
	agent.wait("linked", `location.search.includes('ok=link-outage') && !!document.getElementById('linked-outage')`)
	agent.axe("case page with Jira and a linked outage")
	for _, a := range []string{"ticket.push_jira", "ticket.link_outage"} {
		if !e.auditHas("anna", a, key) {
			t.Errorf("no audit entry %s", a)
		}
	}

	// No internal code is shown as text on the queue or the case page.
	for _, p := range []string{"/desk/?status=all", casePath} {
		agent.must(p, chromedp.Do(actx, chromedp.Navigate(srv.URL+p)))
		agent.wait(p, `document.readyState === 'complete'`)
		text, _ := agent.eval(`document.body.innerText`).(string)
		if m := wordCode.FindAllString(text, -1); len(m) > 0 {
			t.Errorf("%s shows internal codes %v", p, m)
		}
	}

	// The other pages, for an agent and for an admin.
	browsertest.Screenshot(t, actx, "desk-case")
	for _, p := range []string{"/desk/gaps", "/desk/outages"} {
		agent.must(p, chromedp.Do(actx, chromedp.Navigate(srv.URL+p)))
		agent.wait(p, `document.readyState === 'complete' && location.pathname === `+browsertest.JSString(p))
		agent.axe(p)
		if got := browsertest.CSPViolations(t, actx); got != "" {
			t.Errorf("CSP violations on the desk: %v", got)
		}
	}
	agent.eval(`document.querySelector('form.logout button').click()`)
	agent.wait("logged out", `location.pathname === '/desk/login' && !!document.getElementById('username')`)
	agent.must("admin login", chromedp.Do(actx,
		chromedp.SendKeys("#username", "admin"),
		chromedp.SendKeys("#password", testPassword),
		chromedp.KeyEvent(kb.Enter)))
	agent.wait("admin queue", `location.pathname === '/desk/' && !!document.querySelector('a[href="/desk/users"]')`)
	for _, p := range []string{"/desk/users", "/desk/audit"} {
		agent.must(p, chromedp.Do(actx, chromedp.Navigate(srv.URL+p)))
		agent.wait(p, `document.readyState === 'complete' && location.pathname === `+browsertest.JSString(p))
		agent.axe(p)
	}
	if got := browsertest.CSPViolations(t, actx); got != "" {
		t.Errorf("CSP violations on the desk: %v", got)
	}
	for _, a := range []string{"chat.takeover", "ticket.reply", "chat.release"} {
		if !e.auditHas("anna", a, key) {
			t.Errorf("no audit entry %s", a)
		}
	}
}
