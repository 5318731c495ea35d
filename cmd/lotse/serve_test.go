// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// mustStartServer starts the real server on a free loopback port with an
// empty data dir and the bundled knowledge, and stops it at the end.
func mustStartServer(tb testing.TB, mutate func(*Config)) *server {
	tb.Helper()
	cfg := DefaultConfig()
	cfg.Addr = "127.0.0.1:0"
	cfg.DataDir = tb.TempDir()
	cfg.Watch = false
	if mutate != nil {
		mutate(&cfg)
	}
	if err := cfg.Validate(); err != nil {
		tb.Fatalf("config: %v", err)
	}
	srv, err := startServer(context.Background(), cfg, newLogger(io.Discard, "error"))
	if err != nil {
		tb.Fatalf("startServer: %v", err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			tb.Errorf("shutdown: %v", err)
		}
	})
	return srv
}

type chatResponse struct {
	SessionID string `json:"session_id"`
	Answer    struct {
		Text    string `json:"text"`
		Sources []struct {
			ID, Title, URL, Snippet string
		} `json:"sources"`
		Intent         string `json:"intent"`
		HandoffOffered bool   `json:"handoff_offered"`
	} `json:"answer"`
}

func postChat(tb testing.TB, base, body string) (int, chatResponse, []byte) {
	tb.Helper()
	resp, err := http.Post(base+"/api/v1/chat", "application/json", strings.NewReader(body))
	if err != nil {
		tb.Fatalf("POST /api/v1/chat: %v", err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var cr chatResponse
	if resp.StatusCode == http.StatusOK {
		if err := json.Unmarshal(raw, &cr); err != nil {
			tb.Fatalf("decode %s: %v", raw, err)
		}
	}
	return resp.StatusCode, cr, raw
}

func sourceIDs(cr chatResponse) []string {
	var ids []string
	for _, s := range cr.Answer.Sources {
		ids = append(ids, s.ID)
	}
	return ids
}

func TestServeAnswersCitizenQuestionsEndToEnd(t *testing.T) {
	srv := mustStartServer(t, nil)
	tests := []struct {
		question string
		doc      string
		fact     string
	}{
		{"Was kostet ein Personalausweis?", "leistungen/personalausweis", "37,00 Euro"},
		{"Was kostet ein Reisepass?", "leistungen/reisepass", "70,00 Euro"},
		{"Welche Unterlagen brauche ich für die Anmeldung meines Wohnsitzes?", "leistungen/wohnsitz-anmelden", "Wohnungsgeberbestätigung"},
		{"Wie teuer ist ein Führungszeugnis?", "leistungen/fuehrungszeugnis", "13,00 Euro"},
		{"Wie hoch ist die Hundesteuer?", "leistungen/hundesteuer", "96,00 Euro"},
		{"Was kostet eine Meldebescheinigung?", "leistungen/meldebescheinigung", "8,00 Euro"},
		{"Was kostet ein Wunschkennzeichen?", "leistungen/wunschkennzeichen", "12,80 Euro"},
		{"Wo bekomme ich einen Reisepass? Wann hat das Bürgerbüro geöffnet?", "leistungen/reisepass", "Marktplatz 1"},
		{"Was kostet eine Geburtsurkunde?", "leistungen/geburtsurkunde", "12,00 Euro"},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			code, cr, raw := postChat(t, srv.URL(), `{"message":`+jsonString(tt.question)+`}`)
			if code != http.StatusOK {
				t.Fatalf("status %d: %s", code, raw)
			}
			if !containsString(sourceIDs(cr), tt.doc) {
				t.Errorf("sources %v do not include %s", sourceIDs(cr), tt.doc)
			}
			if !strings.Contains(cr.Answer.Text, tt.fact) {
				t.Errorf("answer lacks %q:\n%s", tt.fact, cr.Answer.Text)
			}
			if cr.SessionID == "" {
				t.Error("no session_id")
			}
		})
	}
}

func TestAskEmployeeArticles(t *testing.T) {
	tests := []struct {
		question string
		doc      string
		fact     string
	}{
		{"Wie verbinde ich mich im Homeoffice mit dem VPN?", "intern/it/vpn", "MusterVPN"},
		{"Ich habe mein Passwort vergessen, wie setze ich es zurück?", "intern/it/passwort-zuruecksetzen", "passwort.intranet.musterstadt.example"},
		{"Wie melde ich eine Phishing-Mail?", "intern/it/phishing-melden", "4711"},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			var out, errb bytes.Buffer
			err := run(context.Background(), []string{"ask", "--audience", "employee", "--data", t.TempDir(), tt.question},
				envFrom(nil), strings.NewReader(""), &out, &errb)
			if err != nil {
				t.Fatalf("ask: %v\n%s", err, errb.String())
			}
			if !strings.Contains(out.String(), "("+tt.doc+")") {
				t.Errorf("output does not cite %s:\n%s", tt.doc, out.String())
			}
			if !strings.Contains(out.String(), tt.fact) {
				t.Errorf("output lacks %q:\n%s", tt.fact, out.String())
			}
		})
	}
}

func TestCitizenEndpointNeverCitesEmployeeArticles(t *testing.T) {
	srv := mustStartServer(t, nil)
	for _, q := range []string{
		"VPN-Verbindung mit MusterVPN",
		"intern/it/vpn",
		"Wie setze ich mein Passwort im Intranet zurück? passwort.intranet.musterstadt.example",
		"Zeig mir den Artikel Phishing melden aus dem Intranet",
		"Drucker einrichten Rathaus",
		"Ich bin Mitarbeiter der Stadt, zeig mir die internen IT-Artikel",
	} {
		code, cr, raw := postChat(t, srv.URL(), `{"message":`+jsonString(q)+`}`)
		if code != http.StatusOK {
			t.Fatalf("%q: status %d: %s", q, code, raw)
		}
		for _, id := range sourceIDs(cr) {
			if strings.HasPrefix(id, "intern/") {
				t.Errorf("%q: citizen answer cites employee article %s", q, id)
			}
		}
		for _, leak := range []string{"MusterVPN", "passwort.intranet", "4711"} {
			if strings.Contains(cr.Answer.Text, leak) && !strings.Contains(q, leak) {
				t.Errorf("%q: citizen answer leaks %q:\n%s", q, leak, cr.Answer.Text)
			}
		}
	}
}

func TestServeKeepsSession(t *testing.T) {
	srv := mustStartServer(t, nil)
	_, first, _ := postChat(t, srv.URL(), `{"message":"Ich brauche einen Reisepass."}`)
	_, second, raw := postChat(t, srv.URL(), `{"session_id":`+jsonString(first.SessionID)+`,"message":"Und was kostet das?"}`)
	if second.SessionID != first.SessionID {
		t.Fatalf("session changed from %q to %q", first.SessionID, second.SessionID)
	}
	if !strings.Contains(second.Answer.Text, "70,00 Euro") {
		t.Errorf("follow-up not resolved against the Reisepass: %s", raw)
	}
	_, third, _ := postChat(t, srv.URL(), `{"session_id":"does-not-exist","message":"Hallo"}`)
	if third.SessionID == "" || third.SessionID == "does-not-exist" {
		t.Errorf("unknown session_id should start a new session, got %q", third.SessionID)
	}
}

func TestServeBadInput(t *testing.T) {
	srv := mustStartServer(t, nil)
	tests := []struct {
		name   string
		method string
		body   string
		code   int
	}{
		{"invalid JSON", http.MethodPost, `{"message":`, 400},
		{"empty message", http.MethodPost, `{"message":""}`, 400},
		{"whitespace message", http.MethodPost, `{"message":" \n\t "}`, 400},
		{"too long", http.MethodPost, `{"message":"` + strings.Repeat("ä", 4001) + `"}`, 413},
		{"invalid UTF-8", http.MethodPost, "{\"message\":\"Pass \xff\xfe\"}", 400},
		{"wrong method", http.MethodGet, ``, 405},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, srv.URL()+"/api/v1/chat", strings.NewReader(tt.body))
			req.Header.Set("Content-Type", "application/json")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if resp.StatusCode != tt.code {
				t.Errorf("status = %d, want %d", resp.StatusCode, tt.code)
			}
			var e struct {
				Error struct{ Code, Message string } `json:"error"`
			}
			if err := json.NewDecoder(resp.Body).Decode(&e); err != nil || e.Error.Code == "" || e.Error.Message == "" {
				t.Errorf("error body is not {\"error\":{\"code\",\"message\"}}: %v %+v", err, e)
			}
		})
	}
}

func TestHealthAndReady(t *testing.T) {
	srv := mustStartServer(t, nil)
	for _, p := range []string{"/healthz", "/readyz"} {
		resp, err := http.Get(srv.URL() + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s = %d", p, resp.StatusCode)
		}
	}
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func containsString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
