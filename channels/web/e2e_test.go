// SPDX-License-Identifier: EUPL-1.2

package web

import (
	"context"
	"iter"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/google/go-cmp/cmp"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/channels/internal/browsertest"
)

// The browser test drives the real widget in headless Chromium against a
// scripted assistant. It is skipped when Chromium or axe-core is missing,
// unless LOTSE_E2E=1 (CI), where that is a failure. Install its one npm
// dependency with: npm ci --prefix channels/web/e2e

const e2eAnswer = "Ein Reisepass kostet 70 Euro. Sie beantragen ihn persönlich im Bürgerbüro."

// xssPayload ends up in answers and sources; if any of it ran, window.__xss
// would be set.
const xssPayload = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`

// e2eChatter streams word by word with a small delay, so that the browser
// sees a real stream.
type e2eChatter struct{}

func (e2eChatter) Turn(ctx context.Context, conv *assistant.Conversation, msg assistant.Message) iter.Seq2[assistant.Chunk, error] {
	return func(yield func(assistant.Chunk, error) bool) {
		if conv.AgentHeld { // as the assistant does: a notice, no answer
			conv.Entries = append(conv.Entries, assistant.Entry{Role: assistant.RoleUser, Text: msg.Text})
			if yield(assistant.Chunk{Kind: assistant.ChunkNotice, Text: e2eHeldNotice}, nil) {
				yield(assistant.Chunk{Kind: assistant.ChunkAnswer, Answer: &assistant.Answer{}}, nil)
			}
			return
		}
		ans := &assistant.Answer{
			Text:    e2eAnswer,
			Intent:  assistant.IntentServiceInfo,
			Sources: []assistant.Source{{ID: "leistungen/reisepass", Title: "Reisepass beantragen", URL: "https://www.musterstadt.example/leistungen/reisepass"}},
		}
		switch {
		case msg.Text == humanRequest:
			ans = &assistant.Answer{
				Text:           "Gern verbinde ich Sie mit dem Bürgerservice.",
				Intent:         assistant.IntentHuman,
				HandoffOffered: true,
				Handoff:        &assistant.Handoff{Reason: "requested", Ticket: "LOT-42"},
			}
		case strings.Contains(msg.Text, "ausführlich"):
			ans = &assistant.Answer{
				Text:   assistant.Disclosure("de") + "\n\n" + e2eLongAnswer,
				Intent: assistant.IntentServiceInfo,
				Sources: []assistant.Source{
					{ID: "leistungen/reisepass", Title: "Reisepass beantragen", URL: "https://www.musterstadt.example/leistungen/reisepass"},
					{ID: "leistungen/personalausweis", Title: "Personalausweis beantragen", URL: "https://www.musterstadt.example/leistungen/personalausweis"},
				},
			}
		case strings.Contains(msg.Text, "XSS"):
			ans = &assistant.Answer{
				Text:   "Vorsicht: " + xssPayload,
				Intent: assistant.IntentServiceInfo,
				Sources: []assistant.Source{
					{ID: "a", Title: `<img src=x onerror="window.__xss=3">`, URL: "javascript:window.__xss=4"},
					{ID: "b", Title: "<script>window.__xss=5</script>", URL: `https://www.musterstadt.example/x"><script>window.__xss=6</script>`},
				},
			}
		}
		conv.Entries = append(conv.Entries, assistant.Entry{Role: assistant.RoleUser, Text: msg.Text})
		sep := " " // word by word; long answers paragraph by paragraph
		if len(ans.Text) > 500 {
			sep = "\n\n"
		}
		for i, w := range strings.SplitAfter(ans.Text, sep) {
			if i > 0 {
				select {
				case <-time.After(40 * time.Millisecond):
				case <-ctx.Done():
					yield(assistant.Chunk{}, ctx.Err())
					return
				}
			}
			if !yield(assistant.Chunk{Kind: assistant.ChunkToken, Text: w}, nil) {
				return
			}
		}
		conv.Entries = append(conv.Entries, assistant.Entry{Role: assistant.RoleAssistant, Text: ans.Text})
		yield(assistant.Chunk{Kind: assistant.ChunkAnswer, Answer: ans}, nil)
	}
}

// root returns the widget's shadow root expression.
const root = `document.querySelector('lotse-chat').shadowRoot`

func TestBrowserWidget(t *testing.T) {
	browser := browsertest.Require(t)
	env := mustServe(t, func(c *Config) { c.Chat = e2eChatter{} })
	ctx := browser.NewContext(t, 90*time.Second)

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
	waitJS := func(step, expr string) {
		t.Helper()
		_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(10*time.Second), chromedp.WithPollingInterval(20*time.Millisecond)))
		must(step, err)
	}

	must("navigate", chromedp.Do(ctx, chromedp.Navigate(env.http.URL+"/")))
	waitJS("launcher visible", root+` && !`+root+`.querySelector('.launcher').hidden`)

	// Keyboard only: Tab to the launcher, Enter opens, focus moves in.
	for i := 0; ; i++ {
		must("tab", chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)))
		if eval(`document.activeElement && document.activeElement.tagName === 'LOTSE-CHAT' && `+root+`.activeElement === `+root+`.querySelector('.launcher')`) == true {
			break
		}
		if i == 10 {
			t.Fatal("Tab never reached the launcher")
		}
	}
	must("enter", chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)))
	waitJS("panel open, focus in input", `!`+root+`.querySelector('.panel').hidden && `+root+`.activeElement && `+root+`.activeElement.id === 'lotse-input'`)
	if eval(root+`.querySelector('.launcher').getAttribute('aria-expanded')`) != "true" {
		t.Error("launcher aria-expanded is not true")
	}
	waitJS("AI disclosure", root+`.querySelector('.disclosure').textContent === `+browsertest.JSString(assistant.Disclosure("de")))

	// Ask; the answer streams outside the live region, then lands in it.
	must("type", chromedp.Do(ctx, chromedp.KeyEvent("Was kostet ein Reisepass?"), chromedp.KeyEvent(kb.Enter)))
	waitJS("streaming", `(() => { const s = `+root+`.querySelector('.streaming'); return !s.hidden && s.getAttribute('aria-hidden') === 'true' && s.textContent.length > 0 && !s.closest('[aria-live]'); })()`)
	if got := eval(root + `.querySelector('[role=log]').textContent.includes('70 Euro')`); got != false {
		t.Error("the live region held the answer while it was still streaming")
	}
	waitJS("answer in live region", `(() => { const m = `+root+`.querySelectorAll('[role=log][aria-live=polite] .msg.bot .text'); return m.length === 1 && m[0].textContent === `+browsertest.JSString(e2eAnswer)+`; })()`)
	waitJS("stream box emptied", root+`.querySelector('.streaming').hidden`)
	if got := eval(root + `.querySelector('.msg.user .text').textContent`); got != "Was kostet ein Reisepass?" {
		t.Errorf("user message %v", got)
	}
	if got := eval(root + `.querySelector('.msg.bot .sources a').href`); got != "https://www.musterstadt.example/leistungen/reisepass" {
		t.Errorf("source link %v", got)
	}

	// Accessibility of the open widget with an answer in it.
	for _, v := range browser.Axe(t, ctx).Violations {
		t.Errorf("axe: %s", v)
	}

	// XSS in a streamed answer and its sources stays text.
	must("focus input", chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](root+`.querySelector('#lotse-input').focus()`)))
	must("type xss", chromedp.Do(ctx, chromedp.KeyEvent("XSS bitte "+xssPayload), chromedp.KeyEvent(kb.Enter)))
	waitJS("xss answer", root+`.querySelectorAll('[role=log] .msg.bot').length === 2`)
	checks := map[string]string{
		"no script ran":          `window.__xss === undefined`,
		"no injected elements":   root + `.querySelectorAll('img, script, iframe').length === 0 && document.querySelectorAll('img, script:not([src])').length === 0`,
		"answer is literal text": `[...` + root + `.querySelectorAll('[role=log] .msg.bot .text')].pop().textContent === ` + browsertest.JSString("Vorsicht: "+xssPayload),
		"user text is literal":   `[...` + root + `.querySelectorAll('[role=log] .msg.user .text')].pop().textContent === ` + browsertest.JSString("XSS bitte "+xssPayload),
		"javascript: not linked": `[...` + root + `.querySelectorAll('a')].every(a => a.protocol === 'https:' || a.protocol === 'http:')`,
		"source titles literal":  `[...` + root + `.querySelectorAll('.sources li')].some(li => li.textContent.startsWith('<img src=x'))`,
	}
	for name, expr := range checks {
		if eval(expr) != true {
			t.Errorf("XSS check failed: %s", name)
		}
	}

	// The always visible human button goes through the assistant.
	must("human", chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](root+`.querySelector('.human').focus()`), chromedp.KeyEvent(kb.Enter)))
	waitJS("handoff notice", root+`.querySelector('[role=log]').textContent.includes('Vorgangsnummer: LOT-42')`)

	// The network drops; while the widget is offline a desk agent writes.
	// The widget reconnects by itself, resumes, and shows the message once,
	// with nothing shown twice.
	must("drop socket", chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector('lotse-chat').ws.close()`)))
	waitJS("offline", `document.querySelector('lotse-chat').ws === null`)
	must("agent message", env.srv.AgentMessage(ctx, env.store.only(t).ID, "Frau Schmidt", "Guten Tag, hier ist der Bürgerservice."))
	waitJS("agent message after resume", root+`.querySelectorAll('[role=log] .msg.agent').length === 1`)
	if got := eval(root + `.querySelectorAll('[role=log] .msg.bot').length + '/' + ` + root + `.querySelectorAll('[role=log] .msg.user').length`); got != "3/3" {
		t.Errorf("after resume: bot/user messages %v, want 3/3", got)
	}

	// Screenshot of the open widget.
	browsertest.Screenshot(t, ctx, "widget-desktop")

	// Escape closes and gives focus back to the launcher.
	must("focus input", chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](root+`.querySelector('#lotse-input').focus()`)))
	must("escape", chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)))
	waitJS("closed, focus on launcher", root+`.querySelector('.panel').hidden && `+root+`.activeElement === `+root+`.querySelector('.launcher')`)

	// 320 px wide: the reopened panel fits, nothing scrolls sideways, and the
	// conversation comes back after the reload (resume from seq 0).
	// With reduced motion asked for, the panel appears without animation.
	_, err := chromedp.Run(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}},
		})
		return err
	}))
	must("reduced motion", err)
	must("narrow", chromedp.Do(ctx, chromedp.EmulateViewport(320, 640), chromedp.Navigate(env.http.URL+"/")))
	waitJS("launcher visible", root+` && !`+root+`.querySelector('.launcher').hidden`)
	must("open", chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](root+`.querySelector('.launcher').click()`)))
	waitJS("transcript restored", root+`.querySelectorAll('[role=log] .msg.bot').length === 3`)
	if eval(`(() => { const r = `+root+`.querySelector('.panel').getBoundingClientRect(); return r.left >= 0 && r.right <= 320 && document.documentElement.scrollWidth <= 320; })()`) != true {
		t.Error("panel does not fit 320 px")
	}
	if got := eval(`getComputedStyle(` + root + `.querySelector('.panel')).animationName`); got != "none" {
		t.Errorf("animation %v despite prefers-reduced-motion", got)
	}
	browsertest.Screenshot(t, ctx, "widget-320px")

	// 200 % zoom of a 1280×900 window is a 640×450 CSS-pixel viewport:
	// every control stays reachable inside the panel and nothing overflows
	// sideways.
	must("zoom", chromedp.Do(ctx, chromedp.EmulateViewport(640, 450, chromedp.EmulateScale(2))))
	if eval(`(() => { const p = `+root+`.querySelector('.panel'); const r = p.getBoundingClientRect(); return r.top >= 0 && r.left >= 0 && r.right <= 640 && p.scrollWidth <= p.clientWidth && document.documentElement.scrollWidth <= 640; })()`) != true {
		t.Error("panel does not fit at 200 % zoom")
	}
	browsertest.Screenshot(t, ctx, "widget-zoom200")

	// Over the session's rate limit (burst 5, the test clock stands
	// still): a refused message is not lost. Its text goes back into the
	// input, and the note in the live region says so.
	must("normal view", chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)))
	for i, text := range []string{"Frage vier", "Frage fünf", "Frage sechs"} {
		must("focus input", chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](root+`.querySelector('#lotse-input').focus()`)))
		must("type", chromedp.Do(ctx, chromedp.KeyEvent(text), chromedp.KeyEvent(kb.Enter)))
		if i < 2 {
			waitJS("answer "+text, root+`.querySelectorAll('[role=log] .msg.bot').length === `+strconv.Itoa(4+i))
		}
	}
	const (
		input = root + `.querySelector('#lotse-input')`
		notes = root + `.querySelectorAll('[role=log] .note.error')`
		kept  = "Ihr Text steht wieder im Eingabefeld."
	)
	lastNote := func() any { return eval(`[...` + notes + `].pop().textContent`) }
	waitJS("rate limit note", notes+`.length === 1`)
	if got, ok := lastNote().(string); !ok || !strings.Contains(got, "senden Sie Ihre Nachricht dann erneut") || !strings.HasSuffix(got, kept) {
		t.Errorf("refusal note %q, want the server's words and %q", got, kept)
	}
	if got := eval(input + `.value`); got != "Frage sechs" {
		t.Errorf("input after the refusal: %q, want the refused text", got)
	}

	// Sent again too early, the refusal arrives only once the person has
	// begun a new message (the test holds the widget's events back until
	// then): both texts stay, the refused one first, and the caret stays at
	// the end of the new one.
	const widget = `document.querySelector('lotse-chat')`
	must("hold events", chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`(() => { const w = `+widget+`; w.late = []; w.handle = m => { w.late.push(m); }; })()`)))
	must("send again", chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](input+`.focus()`), chromedp.KeyEvent(kb.Enter)))
	waitJS("sent, input empty", input+`.value === ''`)
	must("type more", chromedp.Do(ctx, chromedp.KeyEvent("Und noch etwas")))
	waitJS("refusal arrived", widget+`.late.length === 1 && `+widget+`.late[0].code === 'rate_limited'`)
	must("release events", chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`(() => { const w = `+widget+`; delete w.handle; w.late.forEach(m => w.handle(m)); })()`)))
	if got := eval(input + `.value`); got != "Frage sechs\nUnd noch etwas" {
		t.Errorf("input after the late refusal: %q, want the refused text before the new one", got)
	}
	if got := eval(input + `.selectionStart === ` + input + `.value.length`); got != true {
		t.Error("the caret left the end of the newly typed text")
	}
	if got := eval(notes + `.length`); got != float64(2) {
		t.Errorf("%v refusal notes, want 2", got)
	} else if got, _ := lastNote().(string); !strings.HasSuffix(got, kept) {
		t.Errorf("second refusal note %q does not say the text is back", got)
	}

	// A refused request for a person gives no message back: the ones sent
	// before were answered.
	must("clear input", chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](input+`.value = ''`)))
	must("human again", chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](root+`.querySelector('.human').click()`)))
	waitJS("human refused", notes+`.length === 3`)
	if got := eval(input + `.value`); got != "" {
		t.Errorf("input after a refused request for a person: %q, want it empty", got)
	}
	if got, _ := lastNote().(string); strings.Contains(got, kept) {
		t.Errorf("refused request for a person noted %q", got)
	}
	if got := eval(root + `.querySelectorAll('[role=log] .msg.user').length`); got != float64(5) {
		t.Errorf("user messages after the refusals: %v, want 5", got)
	}

	if got := browsertest.CSPViolations(t, ctx); got != "" {
		t.Errorf("CSP violations: %v", got)
	}
}

// TestBrowserWidgetLanguages switches the widget's own texts with the
// language select: German by default, then English and Arabic (right to
// left, checked by axe-core too); the choice survives a reload, and a tab
// whose browser prefers Turkish starts in Turkish.
func TestBrowserWidgetLanguages(t *testing.T) {
	browser := browsertest.Require(t)
	env := mustServe(t, func(c *Config) { c.Chat = e2eChatter{} })
	ctx := browser.NewContext(t, 90*time.Second)

	eval := func(ctx context.Context, expr string) any {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[any](expr))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return v
	}
	waitJS := func(ctx context.Context, step, expr string) {
		t.Helper()
		_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(10*time.Second), chromedp.WithPollingInterval(20*time.Millisecond)))
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	// labels reads what the tests compare: the panel's lang and dir and a
	// few of the widget's own texts.
	const labels = `(() => { const r = ` + root + `; const q = s => r.querySelector(s); return {
		lang: q('.panel').getAttribute('lang'), dir: q('.panel').getAttribute('dir'),
		launcherLang: q('.launcher').getAttribute('lang'), direction: getComputedStyle(q('.panel')).direction,
		launcher: q('.launcher').textContent, title: q('#lotse-title').textContent,
		close: q('.close').getAttribute('aria-label'), langLabel: q('label[for=lotse-lang]').textContent,
		simple: q('label.check').textContent.trim(), placeholder: q('#lotse-input').placeholder,
		send: q('.send').textContent, human: q('.human').textContent,
		who: [...r.querySelectorAll('[role=log] .who')].map(w => w.textContent).join('/'),
		rate: [...r.querySelectorAll('[role=log] .rate')].map(b => b.textContent).join('/'),
		sources: q('.sources .label').textContent, log: q('[role=log]').getAttribute('aria-label'),
	}; })()`
	type widgetLabels struct {
		Lang, Dir, LauncherLang, Direction string
		Launcher, Title, Close, LangLabel  string
		Simple, Placeholder, Send, Human   string
		Who, Rate, Sources, Log            string
	}
	read := func(ctx context.Context) widgetLabels {
		t.Helper()
		got, err := chromedp.Run(ctx, chromedp.Evaluate[widgetLabels](labels))
		if err != nil {
			t.Fatalf("reading labels: %v", err)
		}
		return got
	}
	choose := func(lang string) {
		t.Helper()
		eval(ctx, `(() => { const s = `+root+`.querySelector('#lotse-lang'); s.value = `+browsertest.JSString(lang)+`; s.dispatchEvent(new Event('change')); })()`)
	}
	ask := func(text string, bots int) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](root+`.querySelector('#lotse-input').focus()`), chromedp.KeyEvent(text), chromedp.KeyEvent(kb.Enter)); err != nil {
			t.Fatalf("asking %q: %v", text, err)
		}
		waitJS(ctx, "answer to "+text, root+`.querySelectorAll('[role=log] .msg.bot').length === `+strconv.Itoa(bots))
	}

	if err := chromedp.Do(ctx, chromedp.Navigate(env.http.URL+"/")); err != nil {
		t.Fatal(err)
	}
	waitJS(ctx, "launcher visible", root+` && !`+root+`.querySelector('.launcher').hidden`)
	eval(ctx, root+`.querySelector('.launcher').click()`)
	waitJS(ctx, "AI disclosure", root+`.querySelector('.disclosure').textContent === `+browsertest.JSString(assistant.Disclosure("de")))
	ask("Was kostet ein Reisepass?", 1)

	want := widgetLabels{
		Lang: "de", Dir: "ltr", LauncherLang: "de", Direction: "ltr",
		Launcher: "Chat: Fragen an die Stadt", Title: "Digitaler Assistent", Close: "Chat schließen", LangLabel: "Sprache",
		Simple: "Einfache Sprache", Placeholder: "Ihre Frage …", Send: "Senden", Human: "Mit einem Menschen sprechen",
		Who: "Sie/Assistent", Rate: "Hilfreich/Nicht hilfreich", Sources: "Quellen:", Log: "Nachrichten",
	}
	if diff := cmp.Diff(want, read(ctx)); diff != "" {
		t.Errorf("German labels (-want +got):\n%s", diff)
	}

	// English relabels everything, the messages already shown included.
	choose("en")
	want = widgetLabels{
		Lang: "en", Dir: "ltr", LauncherLang: "en", Direction: "ltr",
		Launcher: "Chat: questions for the city", Title: "Digital assistant", Close: "Close chat", LangLabel: "Language",
		Simple: "Plain language", Placeholder: "Your question …", Send: "Send", Human: "Talk to a person",
		Who: "You/Assistant", Rate: "Helpful/Not helpful", Sources: "Sources:", Log: "Messages",
	}
	if diff := cmp.Diff(want, read(ctx)); diff != "" {
		t.Errorf("English labels (-want +got):\n%s", diff)
	}
	if got := eval(ctx, root+`.querySelector('.disclosure').textContent`); got != "Note: you are chatting with an AI assistant." {
		t.Errorf("English disclosure %q", got)
	}
	// A third message while two answers are pending is refused as busy;
	// the refusal is shown in English, not in the server's German.
	eval(ctx, `(() => { const w = document.querySelector('lotse-chat'); for (const q of ['one', 'two', 'three']) w.sendJSON({type: 'message', text: q, lang: 'en'}); })()`)
	waitJS(ctx, "busy note in English", root+`.querySelector('[role=log] .note.error') && `+root+`.querySelector('[role=log] .note.error').textContent === 'Please wait until the previous answer is complete.'`)
	waitJS(ctx, "both answers", root+`.querySelectorAll('[role=log] .msg.bot').length === 3`)
	// A status text follows the language too.
	eval(ctx, root+`.querySelector('#lotse-input').value = ''; `+root+`.querySelector('.send').click()`)
	if got := eval(ctx, root+`.querySelector('.status').textContent`); got != "Please enter a message." {
		t.Errorf("English status %q", got)
	}

	// Arabic: right to left, Arabic labels on old and new messages.
	choose("ar")
	if got := eval(ctx, root+`.querySelector('.status').textContent`); got != "يرجى كتابة رسالة." {
		t.Errorf("Arabic status %q", got)
	}
	ask("كم يكلف جواز السفر؟", 4)
	got := read(ctx)
	for _, c := range []struct{ name, got, want string }{
		{"lang", got.Lang, "ar"},
		{"dir", got.Dir, "rtl"},
		{"computed direction", got.Direction, "rtl"},
		{"launcher lang", got.LauncherLang, "ar"},
		{"send", got.Send, "إرسال"},
		{"human", got.Human, "التحدث مع شخص"},
		{"language label", got.LangLabel, "اللغة"},
		{"close", got.Close, "إغلاق الدردشة"},
	} {
		if c.got != c.want {
			t.Errorf("Arabic %s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if !strings.HasSuffix(got.Rate, "مفيد/غير مفيد") || strings.Contains(got.Rate, "Helpful") {
		t.Errorf("Arabic rating buttons %q", got.Rate)
	}
	// Checked before axe-core, whose injected script adds inline styles.
	if got := browsertest.CSPViolations(t, ctx); got != "" {
		t.Errorf("CSP violations: %v", got)
	}
	browsertest.Screenshot(t, ctx, "widget-arabic")
	for _, v := range browser.Axe(t, ctx).Violations {
		t.Errorf("axe (Arabic): %s", v)
	}

	// The choice is kept for the tab: after a reload the widget is Arabic.
	if err := chromedp.Do(ctx, chromedp.Navigate(env.http.URL+"/")); err != nil {
		t.Fatal(err)
	}
	waitJS(ctx, "launcher after reload", root+` && !`+root+`.querySelector('.launcher').hidden`)
	if got := eval(ctx, `(() => { const r = `+root+`; return r.querySelector('.panel').getAttribute('dir') + ' ' + r.querySelector('#lotse-lang').value + ' ' + r.querySelector('.launcher').textContent; })()`); got != "rtl ar دردشة: أسئلة إلى المدينة" {
		t.Errorf("after reload: %q", got)
	}

	// A new tab (no saved choice) on this German page starts in German,
	// whatever the browser prefers: the page's language comes first
	// (e2e_lang_test.go covers pages in other languages and without one).
	for _, c := range []struct{ accept, want string }{
		{"tr-TR,tr,en", "de Chat: Fragen an die Stadt"},
		{"fr-FR,fr", "de Chat: Fragen an die Stadt"},
	} {
		tab, cancel := chromedp.NewContext(ctx)
		defer cancel()
		ua := eval(tab, `navigator.userAgent`).(string)
		_, err := chromedp.Run(tab, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{UserAgent: ua, AcceptLanguage: c.accept})
			return err
		}))
		if err != nil {
			t.Fatalf("accept-language %s: %v", c.accept, err)
		}
		if err := chromedp.Do(tab, chromedp.Navigate(env.http.URL+"/")); err != nil {
			t.Fatal(err)
		}
		waitJS(tab, "launcher in new tab", root+` && !`+root+`.querySelector('.launcher').hidden`)
		if got := eval(tab, `(() => { const r = `+root+`; return r.querySelector('.panel').getAttribute('lang') + ' ' + r.querySelector('.launcher').textContent; })()`); got != c.want {
			t.Errorf("browser preferring %s: %q, want %q", c.accept, got, c.want)
		}
	}
}
