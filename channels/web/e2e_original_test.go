// SPDX-License-Identifier: EUPL-1.2

package web

import (
	"context"
	"iter"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/go-chi/chi/v5"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/channels/internal/browsertest"
)

// originalChatter answers like a model in Turkish, with the German
// passage the answer rests on.
type originalChatter struct{}

func (originalChatter) Turn(ctx context.Context, conv *assistant.Conversation, msg assistant.Message) iter.Seq2[assistant.Chunk, error] {
	return func(yield func(assistant.Chunk, error) bool) {
		ans := &assistant.Answer{
			Text:    "Pasaport, 24 yaş ve üzeri başvuru sahipleri için 70,00 € tutar [1].",
			Sources: []assistant.Source{{ID: "leistungen/reisepass", Title: "Reisepass beantragen", URL: "https://www.musterstadt.example/leistungen/reisepass"}},
			Intent:  assistant.IntentServiceInfo, Lang: "tr", Mode: "llm",
			Original: []assistant.Original{{Source: 1, Section: "Reisepass beantragen › Kosten", Lang: "de",
				Text: "- Antragstellende ab 24 Jahren: 70,00 Euro\n- Antragstellende unter 24 Jahren: 37,50 Euro"}},
		}
		conv.Entries = append(conv.Entries, assistant.Entry{Role: assistant.RoleUser, Text: msg.Text}, assistant.Entry{Role: assistant.RoleAssistant, Text: ans.Text})
		yield(assistant.Chunk{Kind: assistant.ChunkAnswer, Answer: ans}, nil)
	}
}

// TestBrowserOriginalTextToggle: a model's answer in Turkish carries the
// German source behind an "Originaltext" button. The button is a real
// button with aria-expanded and aria-controls, opens and closes with the
// keyboard (Enter, Space), shows the German text with lang="de" and
// dir="ltr" (also in the Arabic panel), is labelled in all seven
// languages, and axe-core finds nothing with the text open.
func TestBrowserOriginalTextToggle(t *testing.T) {
	browser := browsertest.Require(t)
	srv, err := New(Config{Chat: originalChatter{}, Store: newMemStore(), TrustedProxies: loopback(), WriteTimeout: 2 * time.Second, PingInterval: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	r := chi.NewRouter()
	srv.Routes(r)
	r.Get("/page/tr", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<!doctype html><html lang="tr"><head><meta charset="utf-8"><title>Test</title></head><body><main><h1>Test</h1></main>` +
			`<script src="/widget.js" defer></script></body></html>`))
	})
	hs := httptest.NewServer(r)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		hs.Close()
	})

	ctx := browser.NewContext(t, 120*time.Second)
	eval := func(expr string) any {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[any](expr))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return v
	}
	waitJS := func(step, expr string) {
		t.Helper()
		_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(10*time.Second), chromedp.WithPollingInterval(20*time.Millisecond)))
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(hs.URL+"/page/tr")); err != nil {
		t.Fatal(err)
	}
	waitJS("launcher", root+` && !`+root+`.querySelector('.launcher').hidden`)
	eval(root + `.querySelector('.launcher').click()`)
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](root+`.querySelector('#lotse-input').focus()`), chromedp.KeyEvent("Pasaport ne kadar?"), chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	waitJS("answer", root+`.querySelectorAll('[role=log] .msg.bot .orig-toggle').length === 1`)

	const btn = root + `.querySelector('.orig-toggle')`
	const region = root + `.getElementById(` + btn + `.getAttribute('aria-controls'))`
	state := func() string {
		return eval(`(() => { const b = ` + btn + `, r = ` + region + `; return b.tagName + ' ' + b.getAttribute('type') + ' ' + b.getAttribute('aria-expanded') + ' ' + (r && !r.hidden && r.offsetHeight > 0) + ' ' + b.textContent; })()`).(string)
	}
	if got, want := state(), "BUTTON button false false Orijinal metin (Almanca)"; got != want {
		t.Fatalf("closed toggle: %q, want %q", got, want)
	}
	// The keyboard opens it: focus, Enter.
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](btn+`.focus()`), chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	waitJS("opened by Enter", btn+`.getAttribute('aria-expanded') === 'true'`)
	if got, want := state(), "BUTTON button true true Orijinal metin (Almanca)"; got != want {
		t.Errorf("opened toggle: %q, want %q", got, want)
	}
	item := eval(`(() => { const i = ` + region + `.querySelector('.orig-item'); return i.getAttribute('lang') + ' ' + i.getAttribute('dir') + ' ' + i.textContent; })()`).(string)
	for _, want := range []string{"de ltr", "Reisepass beantragen › Kosten [1]", "Antragstellende ab 24 Jahren: 70,00 Euro"} {
		if !strings.Contains(item, want) {
			t.Errorf("original text %q lacks %q", item, want)
		}
	}
	for _, v := range browser.Axe(t, ctx).Violations {
		t.Errorf("axe (open): %s", v)
	}
	// Space closes it again.
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](btn+`.focus()`), chromedp.KeyEvent(" ")); err != nil {
		t.Fatal(err)
	}
	waitJS("closed by Space", btn+`.getAttribute('aria-expanded') === 'false' && `+region+`.hidden`)

	// Labelled in every language; the German text stays left to right in
	// the Arabic panel; axe finds nothing with the text open.
	eval(btn + `.click()`)
	for lang, label := range map[string]string{
		"de": "Originaltext", "en": "Original text (German)", "tr": "Orijinal metin (Almanca)", "ar": "النص الأصلي (بالألمانية)",
		"uk": "Оригінальний текст (німецькою)", "ru": "Оригинальный текст (на немецком)", "pl": "Tekst oryginalny (po niemiecku)",
	} {
		eval(`(() => { const s = ` + root + `.querySelector('#lotse-lang'); s.value = ` + browsertest.JSString(lang) + `; s.dispatchEvent(new Event('change')); })()`)
		if got := eval(btn + `.textContent`).(string); got != label {
			t.Errorf("%s label %q, want %q", lang, got, label)
		}
		if dir := eval(region + `.querySelector('.orig-item').getAttribute('dir')`).(string); dir != "ltr" {
			t.Errorf("%s: original text dir %q", lang, dir)
		}
		for _, v := range browser.Axe(t, ctx).Violations {
			t.Errorf("axe (%s): %s", lang, v)
		}
		if lang == "ar" {
			browsertest.Screenshot(t, ctx, "original-text-ar")
		}
	}
}
