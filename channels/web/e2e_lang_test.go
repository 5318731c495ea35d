// SPDX-License-Identifier: EUPL-1.2

package web

import (
	"context"
	"iter"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/go-chi/chi/v5"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/channels/internal/browsertest"
)

// langChatter answers in the language it detects by script (Cyrillic is
// Ukrainian here) unless the message carries a hint, and records the
// hints it got.
type langChatter struct {
	mu    sync.Mutex
	hints []string
}

func (c *langChatter) Turn(ctx context.Context, conv *assistant.Conversation, msg assistant.Message) iter.Seq2[assistant.Chunk, error] {
	return func(yield func(assistant.Chunk, error) bool) {
		c.mu.Lock()
		c.hints = append(c.hints, msg.Lang)
		c.mu.Unlock()
		lang := msg.Lang
		if lang == "" {
			lang = "de"
			if strings.IndexFunc(msg.Text, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) >= 0 {
				lang = "uk"
			}
		}
		ans := &assistant.Answer{Text: "Antwort (" + lang + ")", Intent: assistant.IntentServiceInfo, Lang: lang}
		conv.Entries = append(conv.Entries, assistant.Entry{Role: assistant.RoleUser, Text: msg.Text}, assistant.Entry{Role: assistant.RoleAssistant, Text: ans.Text})
		yield(assistant.Chunk{Kind: assistant.ChunkAnswer, Answer: ans}, nil)
	}
}

// TestBrowserWidgetPageLanguage: the widget's language comes from the page
// (lang attribute or data-lotse-lang) before the browser's; without either
// it follows the language detected in the first message, and only a
// language chosen in the panel is sent as a hint. axe-core finds nothing
// in any of the seven languages.
func TestBrowserWidgetPageLanguage(t *testing.T) {
	browser := browsertest.Require(t)
	chat := &langChatter{}
	srv, err := New(Config{Chat: chat, Store: newMemStore(), TrustedProxies: loopback(), WriteTimeout: 2 * time.Second, PingInterval: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	r := chi.NewRouter()
	srv.Routes(r)
	page := func(htmlLang, scriptAttr string) http.HandlerFunc {
		return func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte("<!doctype html><html" + htmlLang + "><head><meta charset=\"utf-8\"><title>Test</title></head><body><main><h1>Test</h1></main>" +
				"<script src=\"/widget.js\"" + scriptAttr + " defer></script></body></html>"))
		}
	}
	r.Get("/page/tr", page(` lang="tr"`, ""))
	r.Get("/page/none", page("", ""))
	r.Get("/page/attr", page(` lang="de"`, ` data-lotse-lang="pl"`))
	hs := httptest.NewServer(r)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		hs.Close()
	})

	ctx := browser.NewContext(t, 120*time.Second)
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
	// An English browser in a fresh tab for every page.
	open := func(path string) context.Context {
		t.Helper()
		tab, cancel := chromedp.NewContext(ctx)
		t.Cleanup(cancel)
		ua := eval(tab, `navigator.userAgent`).(string)
		if _, err := chromedp.Run(tab, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{UserAgent: ua, AcceptLanguage: "en-GB,en"})
			return err
		})); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(tab, chromedp.Navigate(hs.URL+path)); err != nil {
			t.Fatal(err)
		}
		waitJS(tab, "launcher on "+path, root+` && !`+root+`.querySelector('.launcher').hidden`)
		return tab
	}
	state := func(tab context.Context) string {
		return eval(tab, `(() => { const r = `+root+`; return r.querySelector('.panel').getAttribute('lang') + ' ' + r.querySelector('#lotse-lang').value + ' ' + r.querySelector('.launcher').textContent; })()`).(string)
	}

	for _, c := range []struct{ path, want string }{
		{"/", "de de Chat: Fragen an die Stadt"},             // German page, English browser
		{"/page/tr", "tr tr Sohbet: Şehre sorular"},          // lang="tr"
		{"/page/attr", "pl pl Czat: pytania do miasta"},      // data-lotse-lang wins over lang
		{"/page/none", "en en Chat: questions for the city"}, // no page language: the browser's
	} {
		if got := state(open(c.path)); got != c.want {
			t.Errorf("%s in an English browser: %q, want %q", c.path, got, c.want)
		}
	}

	// No page language: the first message's detected language wins over
	// the browser's, and no hint is sent until the person chooses.
	tab := open("/page/none")
	eval(tab, root+`.querySelector('.launcher').click()`)
	if err := chromedp.Do(tab, chromedp.Evaluate[chromedp.Void](root+`.querySelector('#lotse-input').focus()`), chromedp.KeyEvent("Скільки коштує паспорт?"), chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	waitJS(tab, "answer", root+`.querySelectorAll('[role=log] .msg.bot').length === 1`)
	waitJS(tab, "widget in Ukrainian", root+`.querySelector('.panel').getAttribute('lang') === 'uk'`)
	chat.mu.Lock()
	hints := strings.Join(chat.hints, ",")
	chat.mu.Unlock()
	if hints != "" {
		t.Errorf("hints sent before a choice: %q, want none", hints)
	}

	// axe-core in every language, on the Turkish page with the panel open.
	tab = open("/page/tr")
	eval(tab, root+`.querySelector('.launcher').click()`)
	for _, l := range []string{"tr", "de", "en", "pl", "uk", "ru", "ar"} {
		eval(tab, `(() => { const s = `+root+`.querySelector('#lotse-lang'); s.value = `+browsertest.JSString(l)+`; s.dispatchEvent(new Event('change')); })()`)
		for _, v := range browser.Axe(t, tab).Violations {
			t.Errorf("axe (%s): %s", l, v)
		}
	}
}
