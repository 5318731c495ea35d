// SPDX-License-Identifier: EUPL-1.2

// Package browsertest holds what the browser end-to-end tests of the
// channels share: finding Chromium, the rule to skip or fail when the
// browser or axe-core is missing, starting a headless browser with
// recorded CSP violations, running axe-core and writing screenshots.
//
// It is an ordinary package only so that the tests of several packages can
// import it; only tests use it, and it must not be imported by the service.
// It uses the standard library and chromedp.
//
// The tests run when Chromium and axe-core are installed and are skipped
// otherwise, unless LOTSE_E2E=1 (CI), where a missing one is a failure.
// LOTSE_CHROMIUM names the browser if it is not in a usual place,
// LOTSE_E2E_OUT the folder for screenshots (default: a test's temporary
// folder). axe-core comes from the web channel's npm folder:
//
//	npm ci --prefix channels/web/e2e
package browsertest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// axePath is where axe-core lies, relative to the module's root.
var axePath = filepath.Join("channels", "web", "e2e", "node_modules", "axe-core", "axe.min.js")

// axeMissing is what the skip or failure names when axe-core is missing.
const axeMissing = "axe-core (npm ci --prefix channels/web/e2e)"

// Browser is what Require found: the Chromium to start and the axe-core
// script to inject.
type Browser struct {
	// Chromium is the path of the browser executable.
	Chromium string
	axe      string
}

// Require returns the installed Chromium and axe-core, or ends the test:
// it is skipped in -short mode and when either is missing, unless
// LOTSE_E2E=1, where a missing one fails it.
func Require(t *testing.T) Browser {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	chromium, err := chromiumPath(os.Getenv("LOTSE_CHROMIUM"))
	require(t, err == nil, "chromium", err)
	axe, err := readAxe()
	require(t, err == nil, axeMissing, err)
	return Browser{Chromium: chromium, axe: string(axe)}
}

// require skips (or, under LOTSE_E2E=1, fails) the test when ok is false.
func require(t *testing.T, ok bool, what string, err error) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv("LOTSE_E2E") == "1" {
		t.Fatalf("%s missing, but LOTSE_E2E=1: %v", what, err)
	}
	t.Skipf("%s not installed (%v); set LOTSE_E2E=1 in CI", what, err)
}

// chromiumPath returns the browser to start: env (LOTSE_CHROMIUM) if set,
// else the first Chromium found in a usual place or on PATH. It is an
// error if env names no executable or none is found.
func chromiumPath(env string) (string, error) {
	if env != "" {
		p, err := exec.LookPath(env)
		if err != nil {
			return "", fmt.Errorf("LOTSE_CHROMIUM: %w", err)
		}
		return p, nil
	}
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("no chromium in /usr/bin or on PATH")
}

// readAxe reads axe-core from the module's root.
func readAxe() ([]byte, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	root, err := moduleRoot(wd)
	if err != nil {
		return nil, err
	}
	return os.ReadFile(filepath.Join(root, axePath))
}

// moduleRoot returns the folder at or above dir (a test's package folder)
// that holds go.mod.
func moduleRoot(dir string) (string, error) {
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// cspRecorder collects the page's CSP violations in window.__csp.
const cspRecorder = `window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`

// NewContext starts a fresh headless Chromium (German, 1280×900, its own
// profile, no background traffic) and returns the context of its first
// tab, which ends after timeout. The tab records CSP violations from its
// first page on; see CSPViolations. The browser is closed when the test
// ends.
func (b Browser) NewContext(t *testing.T, timeout time.Duration) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(b.Chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("lang", "de-DE"),
		chromedp.Flag("accept-lang", "de-DE,de"),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	bctx, cancelBrowser := chromedp.NewContext(allocCtx, chromedp.WithLogf(t.Logf))
	t.Cleanup(cancelBrowser)
	if err := chromedp.Do(bctx); err != nil { // start the browser without a deadline
		t.Fatalf("starting chromium: %v", err)
	}
	ctx, cancel := context.WithTimeout(bctx, timeout)
	t.Cleanup(cancel)
	_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspRecorder})
	if err != nil {
		t.Fatalf("recording CSP violations: %v", err)
	}
	return ctx
}

// CSPViolations returns the CSP violations of the page open in ctx, a tab
// from NewContext, joined by ", ": empty when there were none.
func CSPViolations(t *testing.T, ctx context.Context) string {
	t.Helper()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`window.__csp.join(', ')`))
	if err != nil {
		t.Fatalf("reading CSP violations: %v", err)
	}
	return got
}

// AxeResult is what axe-core found on a page for the WCAG 2.1 A and AA
// rules.
type AxeResult struct {
	// Passes counts the rules that applied and passed.
	Passes int
	// Violations are the rules that failed.
	Violations []Violation
}

// Violation is one failed axe-core rule.
type Violation struct {
	ID   string
	Help string
	// Nodes name each offending element: its selector, its HTML and what
	// is wrong with it.
	Nodes []string
}

// String describes the violation for a test failure.
func (v Violation) String() string {
	return fmt.Sprintf("%s (%s): %s", v.ID, v.Help, strings.Join(v.Nodes, "; "))
}

// axeRun runs the WCAG 2.1 A and AA rules on the whole document.
const axeRun = `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}).then(r => ({passes: r.passes.length, violations: r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => JSON.stringify(n.target) + ' ' + n.html + ': ' + n.failureSummary)}))}))`

// Axe injects axe-core into the page open in ctx and checks it against
// WCAG 2.1 A and AA. It fails the test if axe-core cannot run; judging the
// result is the caller's.
func (b Browser) Axe(t *testing.T, ctx context.Context) AxeResult {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](b.axe)); err != nil {
		t.Fatalf("injecting axe-core: %v", err)
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](axeRun, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe.run: %v", err)
	}
	var res AxeResult
	if err := json.Unmarshal(raw, &res); err != nil {
		t.Fatalf("axe-core result: %v", err)
	}
	return res
}

// Screenshot saves what the tab in ctx shows as NAME.png in
// $LOTSE_E2E_OUT, or in a temporary folder of the test, and returns the
// file's path.
func Screenshot(t *testing.T, ctx context.Context, name string) string {
	t.Helper()
	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	dir := os.Getenv("LOTSE_E2E_OUT")
	if dir == "" {
		dir = t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, shot, 0o644); err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	t.Logf("screenshot: %s", path)
	return path
}

// JSString quotes s as a JavaScript string literal.
func JSString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
