// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/ticketing"
)

// BenchmarkConversationTurns loads and saves conversations of four turns
// as `lotse bench answer` does (a question, an answer of about 1 KB with
// two sources), one turn per iteration, on SQLite. cpu-ns/op is the
// process's CPU time per turn, which the machine's load moves less than
// the wall time.
func BenchmarkConversationTurns(b *testing.B) {
	ctx := context.Background()
	st, err := ticketing.Open(ctx, b.TempDir()+"/lotse.db")
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	cs := newConversationStore(st, false)
	answer := strings.Repeat("Der Reisepass kostet 70 Euro. ", 32)
	i := 0
	cpu0, _ := processCPU()
	for b.Loop() {
		id := "conv-" + strconv.Itoa(i/4)
		conv, err := cs.Load(ctx, id)
		if errors.Is(err, assistant.ErrNotFound) {
			conv = &assistant.Conversation{ID: id, Audience: knowledge.Citizen, Channel: "web", CreatedAt: time.Now(), UpdatedAt: time.Now()}
		} else if err != nil {
			b.Fatal(err)
		}
		now := time.Now()
		conv.Entries = append(conv.Entries,
			assistant.Entry{Role: assistant.RoleUser, Text: "Was kostet ein Reisepass?", At: now},
			assistant.Entry{Role: assistant.RoleAssistant, Text: answer, Intent: assistant.IntentServiceInfo, At: now, Sources: []assistant.Source{
				{ID: "leistungen/reisepass", Title: "Reisepass beantragen", URL: "https://www.musterstadt.example/leistungen/reisepass", Snippet: "Ein Reisepass kostet 70 Euro."},
				{ID: "leistungen/personalausweis", Title: "Personalausweis beantragen", URL: "https://www.musterstadt.example/leistungen/personalausweis", Snippet: "Ein Ausweis kostet 37 Euro."}}})
		conv.Focus = "leistungen/reisepass"
		conv.UpdatedAt = now
		if err := cs.Save(ctx, conv); err != nil {
			b.Fatal(err)
		}
		i++
	}
	if cpu1, ok := processCPU(); ok {
		b.ReportMetric(float64(cpu1-cpu0)/float64(b.N), "cpu-ns/op")
	}
}
