// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

func TestUserCommandsAndDeskLogin(t *testing.T) {
	dataDir := t.TempDir()
	user := func(stdin string, args ...string) (string, error) {
		var out, errb bytes.Buffer
		err := run(context.Background(), append(append([]string{"user"}, args...), "--data", dataDir), envFrom(nil),
			strings.NewReader(stdin), &out, &errb)
		return out.String() + errb.String(), err
	}
	if _, err := user("kurz\n", "add", "erika"); err == nil {
		t.Error("a short password was accepted")
	}
	if out, err := user("ein-langes-passwort-123\n", "add", "erika", "--role", "admin"); err != nil {
		t.Fatalf("add: %v %s", err, out)
	}
	if _, err := user("ein-langes-passwort-123\n", "add", "erika"); err == nil {
		t.Error("a duplicate user was accepted")
	}
	out, err := user("", "list")
	if err != nil || !strings.Contains(out, "erika") || !strings.Contains(out, "admin") {
		t.Fatalf("list: %v\n%s", err, out)
	}

	srv := mustStartServer(t, func(c *Config) { c.DataDir = dataDir })
	login := func(pw string) int {
		jar, _ := cookiejar.New(nil)
		c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := c.Get(srv.URL() + "/desk/login")
		if err != nil {
			t.Fatal(err)
		}
		page, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		m := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindSubmatch(page)
		if m == nil {
			t.Fatalf("no CSRF token on the login page:\n%s", page)
		}
		resp, err = c.PostForm(srv.URL()+"/desk/login", url.Values{"username": {"erika"}, "password": {pw}, "csrf": {string(m[1])}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := login("ein-langes-passwort-123"); code != http.StatusSeeOther && code != http.StatusFound {
		t.Errorf("login with the right password: %d", code)
	}
	if _, err := user("", "disable", "erika"); err != nil {
		t.Fatal(err)
	}
	if code := login("ein-langes-passwort-123"); code == http.StatusSeeOther || code == http.StatusFound {
		t.Errorf("a disabled account could log in (%d)", code)
	}
}
