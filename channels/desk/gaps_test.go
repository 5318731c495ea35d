// SPDX-License-Identifier: EUPL-1.2

package desk

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/musterstadt/lotse/assistant"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"Wie beantrage ich einen Anwohnerparkausweis?", "Anwohnerparkausweis beantragen – wie geht das?", true},
		{"Wo kann ich meinen Hund anmelden?", "Hund anmelden wo?", true},
		{"Was kostet die Hundesteuer?", "Wann hat das Bürgerbüro geöffnet?", false},
		{"Anträge für Wohngeld", "Antrag Wohngeld", true},
	}
	for _, tt := range tests {
		t.Run(tt.a, func(t *testing.T) {
			j := jaccard(normalize(tt.a), normalize(tt.b))
			if (j >= 0.5) != tt.same {
				t.Errorf("jaccard(%v, %v) = %.2f, same=%v", normalize(tt.a), normalize(tt.b), j, tt.same)
			}
		})
	}
}

func TestGroupGaps(t *testing.T) {
	d := func(h int) time.Time { return time.Date(2026, 11, 20, h, 0, 0, 0, time.UTC) }
	qs := []gapQuestion{
		{"Wie beantrage ich einen Anwohnerparkausweis?", d(1), gapNoSource},
		{"Was kostet die Hundesteuer?", d(2), gapNoSource},
		{"Anwohnerparkausweis beantragen – wie geht das?", d(3), gapThumbsDown},
		{"Wie beantrage ich einen Anwohnerparkausweis?", d(4), gapNoSource},
		{"!!!", d(5), gapNoSource}, // no tokens: dropped
	}
	got := groupGaps(qs)
	want := []gapGroup{
		{Question: "Wie beantrage ich einen Anwohnerparkausweis?", Count: 3, LastSeen: d(4), NoSource: 2, ThumbDown: 1,
			Variants: []string{"Anwohnerparkausweis beantragen – wie geht das?"}},
		{Question: "Was kostet die Hundesteuer?", Count: 1, LastSeen: d(2), NoSource: 1},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(gapGroup{}), cmp.FilterPath(func(p cmp.Path) bool {
		n := p.Last().String()
		return n == ".tokens" || n == ".wordings"
	}, cmp.Ignore())); diff != "" {
		t.Errorf("groupGaps (-want +got):\n%s", diff)
	}
}

func TestGapsPageAndCSV(t *testing.T) {
	e := mustEnv(t, nil)
	ctx := context.Background()
	now := e.clock.Now()
	save := func(id string, entries ...assistant.Entry) {
		t.Helper()
		if err := e.conv.Save(ctx, &assistant.Conversation{ID: id, Channel: "web", Audience: "citizen", Entries: entries, CreatedAt: now, UpdatedAt: now}); err != nil {
			t.Fatal(err)
		}
	}
	save("g1",
		assistant.Entry{Role: assistant.RoleUser, Text: "Wie beantrage ich einen Anwohnerparkausweis?"},
		assistant.Entry{Role: assistant.RoleAssistant, Text: "Dazu habe ich nichts gefunden.", Intent: assistant.IntentServiceInfo, At: now},
		assistant.Entry{Role: assistant.RoleUser, Text: "Was kostet ein Reisepass?"},
		assistant.Entry{Role: assistant.RoleAssistant, Text: "70 Euro.", Intent: assistant.IntentServiceInfo, Sources: []assistant.Source{{ID: "leistungen/reisepass"}}},
		assistant.Entry{Role: assistant.RoleUser, Text: "Danke!"},
		assistant.Entry{Role: assistant.RoleAssistant, Text: "Gern.", Intent: assistant.IntentSmalltalk},
	)
	save("g2",
		assistant.Entry{Role: assistant.RoleUser, Text: "=Anwohnerparkausweis beantragen, wie?"},
		assistant.Entry{Role: assistant.RoleAssistant, Text: "Leider weiß ich das nicht.", Intent: assistant.IntentOutOfScope, At: now.Add(time.Hour)},
	)
	if err := e.srv.RecordFeedback(ctx, Feedback{ConversationID: "g3", Question: "Wann hat das Bürgerbüro geöffnet?", Answer: "Montags."}); err != nil {
		t.Fatal(err)
	}
	c := e.client()
	c.login("anna", testPassword)
	_, body := c.get("/desk/gaps")
	for _, want := range []string{"Wie beantrage ich einen Anwohnerparkausweis?", "Wann hat das Bürgerbüro geöffnet?"} {
		if !strings.Contains(body, want) {
			t.Errorf("gaps page lacks %q", want)
		}
	}
	if strings.Contains(body, "Was kostet ein Reisepass?") || strings.Contains(body, "Danke!") {
		t.Error("answered questions or smalltalk listed as gaps")
	}

	resp, err := c.http.Get(e.http.URL + "/desk/gaps.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("csv: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	rows, err := csv.NewReader(bufio.NewReader(resp.Body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"Frage", "Anzahl", "Zuletzt", "Ohne Quelle", "Negativ bewertet", "Andere Formulierungen"},
		{"Wie beantrage ich einen Anwohnerparkausweis?", "2", "2026-11-26T10:00:00Z", "2", "0", "'=Anwohnerparkausweis beantragen, wie?"},
		{"Wann hat das Bürgerbüro geöffnet?", "1", "2026-11-26T09:00:00Z", "0", "1", ""},
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("CSV (-want +got):\n%s", diff)
	}
}

func TestCSVCellDefusesFormulas(t *testing.T) {
	var buf bytes.Buffer
	writeGapsCSV(&buf, []gapGroup{{Question: "+1 Frage", Count: 1}})
	if !strings.Contains(buf.String(), "'+1 Frage") {
		t.Errorf("formula not defused: %s", buf.String())
	}
}
