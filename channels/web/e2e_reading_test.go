// SPDX-License-Identifier: EUPL-1.2

package web

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/musterstadt/lotse/channels/internal/browsertest"
)

// e2eLongAnswer is a long answer in the Markdown subset the assistant
// writes, with a document's script payload that must stay text.
var e2eLongAnswer = "Zu „Reisepass beantragen“ steht in der Leistungsbeschreibung der Stadt:\n\n" +
	"**Kosten:**\n- Antragstellende ab 24 Jahren: 70,00 Euro\n- Antragstellende unter 24 Jahren: 37,50 Euro\n- Zuschlag für den Express-Reisepass: 32,00 Euro\n- vorläufiger Reisepass: 26,00 Euro\n\n" +
	"So gehen Sie vor:\n1. Termin buchen\n2. Unterlagen mitbringen\n3. Pass abholen\n\n" +
	strings.Repeat("Ein langer Absatz über Unterlagen, Fristen und Ausnahmen, der die Antwort über eine Bildschirmseite hinaus verlängert. ", 10) + "\n\n" +
	"Aus dem Dokument: <script>window.__xss=7</script><img src=x onerror=\"window.__xss=8\"> und [Formular](javascript:window.__xss=9).\n\n" +
	"Einen Termin vereinbaren Sie hier: https://service.musterstadt.example/termine. Das [Antragsformular](https://www.musterstadt.example/formulare/reisepass) gibt es auch online."

// e2eFirstLine is the first line of e2eLongAnswer as the widget shows it.
const e2eFirstLine = "Zu „Reisepass beantragen“ steht in der Leistungsbeschreibung der Stadt:"

// e2eHeldNotice is the notice the assistant sends for each message while
// an agent holds the conversation.
const e2eHeldNotice = "Eine Mitarbeiterin / ein Mitarbeiter betreut dieses Gespräch."

// speechStub replaces the browser's speech synthesis: what is spoken is
// recorded in window.__spoken, cancels are counted in window.__cancels.
const speechStub = `window.__spoken = []; window.__cancels = 0;
Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: {
	speak(u) { window.__spoken.push({text: u.text, lang: u.lang}); window.__utterance = u; },
	cancel() { window.__cancels++; },
}});`

// transcriptTight holds when the transcript scrolls no further than its
// last visible content (hidden texts must not stretch it).
const transcriptTight = `(() => { const t = ` + root + `.querySelector('.transcript');
	const end = Math.max(...[...t.children].map(c => c.offsetTop + c.offsetHeight));
	return t.scrollHeight <= end + 16 || 'scrolls ' + t.scrollHeight + ', content ends ' + end; })()`

// lastAnswer is the text element of the newest answer.
const lastAnswer = `[...` + root + `.querySelectorAll('[role=log] .msg.bot .text')].pop()`

// TestBrowserWidgetReading checks what a person sees of answers: a long
// answer in the Markdown subset is shown as paragraphs, lists and links
// (markup from a document stays text), starts with its first line in view,
// folds behind "Mehr anzeigen", names its sources as chips, carries the AI
// disclosure once and is read aloud; at 200 % and 400 % zoom and at 320 px
// the newest answer, the input and the human button stay on the screen;
// during a takeover the citizen's messages show as sent, the agent's typing
// shows, and no assistant bubble appears. axe-core finds nothing in each
// of these states, and each is saved as a screenshot.
func TestBrowserWidgetReading(t *testing.T) {
	browser := browsertest.Require(t)
	env := mustServe(t, func(c *Config) {
		c.Chat = e2eChatter{}
		c.SessionRate = RateLimit{PerMinute: -1}
	})
	ctx := browser.NewContext(t, 120*time.Second)

	must := func(step string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	eval := func(expr string) any {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[any](expr))
		must(expr, err)
		return v
	}
	check := func(name, expr string) {
		t.Helper()
		if got := eval(expr); got != true {
			t.Errorf("%s: %v", name, got)
		}
	}
	waitJS := func(step, expr string) {
		t.Helper()
		_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(10*time.Second), chromedp.WithPollingInterval(20*time.Millisecond)))
		must(step, err)
	}
	ask := func(text string) {
		t.Helper()
		n := eval(root + `.querySelectorAll('[role=log] .msg.user').length`).(float64)
		must("ask "+text, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](root+`.querySelector('#lotse-input').focus()`), chromedp.KeyEvent(text), chromedp.KeyEvent(kb.Enter)))
		waitJS("echo of "+text, root+`.querySelectorAll('[role=log] .msg.user').length > `+jsNum(n))
	}
	// state checks axe-core and saves a screenshot; CSP is checked first,
	// as axe-core's script adds inline styles.
	state := func(name string) {
		t.Helper()
		if got := browsertest.CSPViolations(t, ctx); got != "" {
			t.Errorf("%s: CSP violations: %v", name, got)
		}
		browsertest.Screenshot(t, ctx, name)
		for _, v := range browser.Axe(t, ctx).Violations {
			t.Errorf("axe (%s): %s", name, v)
		}
		eval(`window.__csp = []`) // forget axe-core's own styles
	}

	_, err := chromedp.Run(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: speechStub})
		return err
	}))
	must("speech stub", err)
	must("navigate", chromedp.Do(ctx, chromedp.Navigate(env.http.URL+"/")))
	waitJS("launcher visible", root+` && !`+root+`.querySelector('.launcher').hidden`)
	eval(root + `.querySelector('.launcher').click()`)
	waitJS("connected", `document.querySelector('lotse-chat').token !== null`)

	// A long answer.
	waitBots := func(n int) {
		t.Helper()
		waitJS("answers", root+`.querySelectorAll('[role=log] .msg.bot').length === `+jsNum(float64(n)))
	}
	ask("Bitte ausführlich: Reisepass?")
	waitBots(1)
	// Its first line is in view, inside the transcript.
	const firstLineInView = `(() => { const t = ` + root + `.querySelector('.transcript').getBoundingClientRect();
		const p = ` + lastAnswer + `.firstElementChild.getBoundingClientRect();
		return p.height > 0 && p.top >= t.top - 1 && p.top + 16 <= t.bottom && p.top >= 0 && p.top + 16 <= innerHeight; })()`
	check("first line of the long answer in view", firstLineInView)
	check("first line", lastAnswer+`.firstElementChild.textContent === `+browsertest.JSString(e2eFirstLine))
	// The disclosure is shown once, above the transcript, not in the answer.
	check("disclosure once", `(() => { const d = `+root+`.querySelector('.disclosure').textContent; return d.length > 20 && `+root+`.querySelector('.panel').textContent.split(d).length === 2; })()`)
	// Lists, bold, links.
	check("bullet list", lastAnswer+`.querySelectorAll('ul > li').length === 4 && `+lastAnswer+`.querySelector('ul > li').textContent === 'Antragstellende ab 24 Jahren: 70,00 Euro'`)
	check("numbered list", lastAnswer+`.querySelectorAll('ol > li').length === 3`)
	check("bold", lastAnswer+`.querySelector('strong').textContent === 'Kosten:'`)
	check("no Markdown marks shown", `!`+lastAnswer+`.textContent.includes('**') && !`+lastAnswer+`.textContent.includes('- Antrag')`)
	check("links", `JSON.stringify([...`+lastAnswer+`.querySelectorAll('a')].map(a => [a.href, a.target, a.relList.contains('noopener'), a.firstChild.textContent])) === `+
		browsertest.JSString(`[["https://service.musterstadt.example/termine","_blank",true,"service.musterstadt.example/termine"],["https://www.musterstadt.example/formulare/reisepass","_blank",true,"Antragsformular"]]`))
	check("long URLs wrap", `getComputedStyle(`+lastAnswer+`.querySelector('a')).overflowWrap === 'anywhere'`)
	// A document's markup stays text; a javascript: link is not linked.
	check("no script ran", `window.__xss === undefined`)
	check("no injected elements", root+`.querySelectorAll('img, script, iframe').length === 0`)
	check("payload as text", lastAnswer+`.textContent.includes('<script>window.__xss=7</script><img src=x onerror="window.__xss=8"> und [Formular](javascript:window.__xss=9).')`)
	// Sources as chips that open in a new tab.
	check("source chips", `JSON.stringify([...`+root+`.querySelectorAll('[role=log] .msg.bot .sources a')].map(a => [a.target, a.relList.contains('noopener'), getComputedStyle(a).display])) === '[["_blank",true,"inline-block"],["_blank",true,"inline-block"]]'`)
	// Beyond a screenful: folded, "Mehr anzeigen" unfolds and folds again.
	const more = `[...` + root + `.querySelectorAll('[role=log] .msg.bot .more')].pop()`
	check("folded", `(() => { const b = `+more+`; const x = `+lastAnswer+`; return !b.hidden && b.textContent === 'Mehr anzeigen' && b.getAttribute('aria-expanded') === 'false' && x.scrollHeight > x.clientHeight + 50; })()`)
	state("reading-long-answer")
	eval(more + `.click()`)
	check("unfolded", `(() => { const b = `+more+`; const x = `+lastAnswer+`; return b.textContent === 'Weniger anzeigen' && b.getAttribute('aria-expanded') === 'true' && x.scrollHeight <= x.clientHeight + 1; })()`)
	eval(more + `.click()`)
	check("folded again, first line in view", `(() => { const b = `+more+`; return b.getAttribute('aria-expanded') === 'false'; })() && `+firstLineInView)

	// A short answer is not folded.
	ask("Was kostet ein Reisepass?")
	waitBots(2)
	check("short answer not folded", more+`.hidden && !`+lastAnswer+`.classList.contains('clamp')`)

	// Read aloud: speechSynthesis gets the answer's text, without Markdown
	// marks, in the answer's language; the same button stops it.
	ask("Bitte ausführlich: Reisepass?")
	waitBots(3)
	const speak = `[...` + root + `.querySelectorAll('[role=log] .msg.bot .speak')].pop()`
	eval(speak + `.click()`)
	check("spoken once", `window.__spoken.length === 1`)
	check("spoken text", `(() => { const s = window.__spoken[0]; return s.text.startsWith(`+browsertest.JSString(e2eFirstLine)+`) && s.text.includes('Antragstellende ab 24 Jahren: 70,00 Euro') && !s.text.includes('**') && !s.text.includes('https://'); })()`)
	check("spoken language", `window.__spoken[0].lang === 'de'`)
	check("stop button", speak+`.textContent === 'Vorlesen beenden' && `+speak+`.getAttribute('aria-pressed') === 'true'`)
	state("reading-aloud")
	cancels := eval(`window.__cancels`).(float64)
	eval(speak + `.click()`)
	check("stopped", `window.__cancels > `+jsNum(cancels)+` && window.__spoken.length === 1 && `+speak+`.textContent === 'Vorlesen' && `+speak+`.getAttribute('aria-pressed') === 'false'`)
	// Reading to the end resets the button too.
	eval(speak + `.click()`)
	eval(`window.__utterance.dispatchEvent(new Event('end'))`)
	check("ended", speak+`.textContent === 'Vorlesen' && window.__spoken.length === 2`)

	// Zooming in keeps the newest answer's beginning in view.
	must("zoom in", chromedp.Do(ctx, chromedp.EmulateViewport(640, 450, chromedp.EmulateScale(2))))
	waitJS("first line in view after zooming in", firstLineInView)

	// Zoom and small screens: the newest answer's first line, the input and
	// the human button are on the screen, not covered, without scrolling
	// the page; nothing in the panel takes space unseen; nothing scrolls
	// sideways. A 1280×900 window at 200 % is 640×450 CSS pixels, at 400 %
	// 320×225.
	for _, v := range []struct {
		name   string
		w, h   int64
		scale  float64
		folded bool // the language tools fold behind a button
	}{
		{"reading-zoom200", 640, 450, 2, true},
		{"reading-zoom400", 320, 225, 4, true},
		{"reading-320px", 320, 640, 1, false},
	} {
		must(v.name, chromedp.Do(ctx, chromedp.EmulateViewport(v.w, v.h, chromedp.EmulateScale(v.scale))))
		n := int(eval(root + `.querySelectorAll('[role=log] .msg.bot').length`).(float64))
		ask("Bitte ausführlich: Reisepass?")
		waitBots(n + 1)
		seen := func(sel string) string {
			return `(() => { const e = ` + sel + `; const r = e.getBoundingClientRect(); if (r.width === 0 || r.height === 0 || r.top < 0 || r.left < 0 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5) return 'off screen ' + JSON.stringify(r);
				const hit = ` + root + `.elementFromPoint(r.left + Math.min(r.width / 2, 20), r.top + Math.min(r.height / 2, 10)); return hit === e || e.contains(hit) || 'covered by ' + (hit && hit.outerHTML.slice(0, 80)); })()`
		}
		check(v.name+": newest answer's first line", seen(lastAnswer+`.firstElementChild`))
		check(v.name+": first line in the transcript", firstLineInView)
		check(v.name+": input", seen(root+`.querySelector('#lotse-input')`))
		check(v.name+": human button", seen(root+`.querySelector('.human')`))
		check(v.name+": send button", seen(root+`.querySelector('.send')`))
		check(v.name+": panel fills the screen", `(() => { const r = `+root+`.querySelector('.panel').getBoundingClientRect(); return r.left === 0 && r.top === 0 && r.width === innerWidth && r.height === innerHeight; })()`)
		check(v.name+": nothing unseen takes space", `(() => { const p = `+root+`.querySelector('.panel'); return p.scrollHeight <= p.clientHeight + 1 && p.scrollWidth <= p.clientWidth + 1; })()`)
		check(v.name+": transcript: nothing unseen takes space", transcriptTight)
		check(v.name+": no sideways scrolling", `document.documentElement.scrollWidth <= innerWidth`)
		check(v.name+": transcript height", `(() => { const t = `+root+`.querySelector('.transcript').getBoundingClientRect(); return t.height >= innerHeight * 0.45 || JSON.stringify(t); })()`)
		if v.folded {
			const gear = root + `.querySelector('.gear')`
			check(v.name+": tools folded", `getComputedStyle(`+root+`.querySelector('.tools')).display === 'none' && `+gear+`.getAttribute('aria-expanded') === 'false'`)
			check(v.name+": tools button", seen(gear))
			eval(gear + `.click()`)
			check(v.name+": tools unfolded", seen(root+`.querySelector('#lotse-lang')`))
			eval(gear + `.click()`)
		} else {
			check(v.name+": tools shown", seen(root+`.querySelector('#lotse-lang')`))
		}
		state(v.name)
	}

	// Takeover: an agent holds the chat. The citizen's message shows as
	// sent, the assistant adds no bubble, the notice comes once, the
	// agent's typing shows until the message arrives.
	must("normal view", chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)))
	convID := env.store.only(t).ID
	bots := eval(root + `.querySelectorAll('[role=log] .msg.bot').length`).(float64)
	must("take over", env.srv.SetAgentHeld(ctx, convID, true, "Erika"))
	waitJS("takeover notice", root+`.querySelector('[role=log]').textContent.includes('Erika vom Service-Team hat das Gespräch übernommen.')`)
	ask("Hallo, ist da jemand?")
	waitJS("held notice", root+`.querySelector('[role=log]').textContent.includes(`+browsertest.JSString(e2eHeldNotice)+`)`)
	ask("Ich warte noch.")
	waitJS("second echo", `[...`+root+`.querySelectorAll('[role=log] .msg.user .text')].pop().textContent === 'Ich warte noch.'`)
	env.srv.AgentTyping(convID, "Erika")
	waitJS("typing shown", root+`.querySelector('.typing').textContent === 'Erika (Service-Team) schreibt …'`)
	check("typing visible", `(() => { const r = `+root+`.querySelector('.typing').getBoundingClientRect(); return r.height > 0 && r.bottom <= innerHeight; })()`)
	check("messages show as sent", `[...`+root+`.querySelectorAll('[role=log] .msg.user')].slice(-2).every(m => m.querySelector('.sent') && m.querySelector('.sent').textContent === 'Gesendet')`)
	check("no assistant bubble", root+`.querySelectorAll('[role=log] .msg.bot').length === `+jsNum(bots))
	check("no empty bubble", `[...`+root+`.querySelectorAll('[role=log] .msg')].every(m => m.querySelector('.text').textContent.trim() !== '')`)
	check("held notice once", `[...`+root+`.querySelectorAll('[role=log] .note')].filter(n => n.textContent === `+browsertest.JSString(e2eHeldNotice)+`).length === 1`)
	check("typing in the transcript's view", `(() => { const t = `+root+`.querySelector('.transcript').getBoundingClientRect(); const r = `+root+`.querySelector('.typing').getBoundingClientRect(); return r.top >= t.top && r.bottom <= t.bottom; })()`)
	check("transcript: nothing unseen takes space", transcriptTight)
	state("takeover-typing")
	must("agent message", env.srv.AgentMessage(ctx, convID, "Erika", "Guten Tag, ich schaue mir Ihr Anliegen an."))
	waitJS("agent message", root+`.querySelectorAll('[role=log] .msg.agent').length === 1`)
	check("typing gone", root+`.querySelector('.typing').textContent === '' && `+root+`.querySelector('.typing').getBoundingClientRect().height === 0`)
	state("takeover-message")
}

// jsNum writes n as a JavaScript number.
func jsNum(n float64) string { return strconv.FormatFloat(n, 'f', -1, 64) }

// TestBrowserInternSignIn: a browser that opens /intern without a sign-in
// from the intranet proxy sees a page that explains it (the answer is
// still 401), with no axe-core violations.
func TestBrowserInternSignIn(t *testing.T) {
	browser := browsertest.Require(t)
	env := mustServe(t, nil)
	ctx := browser.NewContext(t, 30*time.Second)
	if err := chromedp.Do(ctx, chromedp.Navigate(env.http.URL+"/intern")); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('h1').textContent + ' | ' + document.querySelector('a[href="/"]').textContent`))
	if err != nil {
		t.Fatal(err)
	}
	if got != "Anmeldung erforderlich | Startseite" {
		t.Errorf("sign-in page shows %q", got)
	}
	if got := browsertest.CSPViolations(t, ctx); got != "" {
		t.Errorf("CSP violations: %v", got)
	}
	browsertest.Screenshot(t, ctx, "intern-signin")
	for _, v := range browser.Axe(t, ctx).Violations {
		t.Errorf("axe: %s", v)
	}
}

// TestBrowserWidgetMarkdown runs the widget's renderer on edge cases and
// compares the DOM it builds, written as simplified HTML.
func TestBrowserWidgetMarkdown(t *testing.T) {
	browser := browsertest.Require(t)
	env := mustServe(t, func(c *Config) { c.Chat = e2eChatter{} })
	ctx := browser.NewContext(t, 30*time.Second)
	if err := chromedp.Do(ctx, chromedp.Navigate(env.http.URL+"/")); err != nil {
		t.Fatal(err)
	}
	_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](root+` && !`+root+`.querySelector('.launcher').hidden`, chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		t.Fatal(err)
	}
	// show renders text and writes the result: tags by name, links as
	// <a href>, text as it is (so "<" in text shows as "<", not "&lt;").
	const show = `(text) => { const d = document.createElement('div'); document.querySelector('lotse-chat').render(text, d);
		const w = n => n.nodeType === 3 ? n.textContent : n.classList && n.classList.contains('sr-only') ? '' :
			'<' + n.tagName.toLowerCase() + (n.tagName === 'A' ? ' ' + n.getAttribute('href') + ' ' + n.getAttribute('rel') + ' ' + n.getAttribute('target') : '') + (n.className ? '.' + n.className : '') + '>' + [...n.childNodes].map(w).join('') + '</' + n.tagName.toLowerCase() + '>';
		return [...d.childNodes].map(w).join(''); }`
	for _, c := range []struct{ in, want string }{
		{"Eins\nzwei\n\nDrei", "<p>Eins<br></br>zwei</p><p>Drei</p>"},
		{"Kosten:\n- a\n- b", "<p.lead>Kosten:</p><ul><li>a</li><li>b</li></ul>"},
		{"3. drei\n4. vier", `<ol><li>drei</li><li>vier</li></ol>`},
		{"**fett** und **auch fett**", "<p><strong>fett</strong> und <strong>auch fett</strong></p>"},
		{"Hier: https://a.example/x.", "<p>Hier: <a https://a.example/x noopener noreferrer _blank>a.example/x</a>.</p>"},
		{"(siehe https://a.example/b)", "<p>(siehe <a https://a.example/b noopener noreferrer _blank>a.example/b</a>)</p>"},
		{"https://a.example/wiki/X_(Y)", "<p><a https://a.example/wiki/X_(Y) noopener noreferrer _blank>a.example/wiki/X_(Y)</a></p>"},
		{"[Formular](https://a.example/f) und [böse](javascript:alert(1))", "<p><a https://a.example/f noopener noreferrer _blank>Formular</a> und [böse](javascript:alert(1))</p>"},
		{"[relativ](/x)", "<p>[relativ](/x)</p>"},
		{`<b>fett?</b> <a href="https://x.example">x</a>`, `<p><b>fett?</b> <a href="<a https://x.example/ noopener noreferrer _blank>x.example</a>">x</a></p>`},
		{"**[Link](https://a.example)**", "<p><strong><a https://a.example/ noopener noreferrer _blank>Link</a></strong></p>"},
		{"- **Kosten:** 10 Euro", "<ul><li><strong>Kosten:</strong> 10 Euro</li></ul>"},
	} {
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string]("("+show+")("+browsertest.JSString(c.in)+")"))
		if err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("render(%q)\n got %s\nwant %s", c.in, got, c.want)
		}
	}
	if got, _ := chromedp.Run(ctx, chromedp.Evaluate[any](`window.__xss`)); got != nil {
		t.Errorf("a script ran: %v", got)
	}
}
