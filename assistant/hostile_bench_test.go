// SPDX-License-Identifier: EUPL-1.2

package assistant_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/assistant"
)

// hostileMessages are an ordinary question, for comparison, and messages
// of 4,000 characters (assistant.MaxMessageRunes allows no more) built to
// make a turn expensive: one long word (issue 20: "ä"×4000 cost seconds in
// spelling correction), many distinct unknown words, compound-looking
// words, words near synonyms, digits everywhere for the redaction
// patterns, and name and address cues.
func hostileMessages() map[string]string {
	const n = 4000
	fill := func(word func(i int) string) string {
		var rs []rune
		for i := 0; len(rs) < n; i++ {
			rs = append(rs, []rune(word(i)+" ")...)
		}
		return string(rs[:n])
	}
	return map[string]string{
		"ordinary":      "Was kostet ein Reisepass?",
		"one-word-ae":   strings.Repeat("ä", n),
		"unknown-words": fill(func(i int) string { return fmt.Sprintf("qzx%07dabcdefghij", i) }),
		"compounds":     fill(func(i int) string { return "personalausweisverlustanzeige"[:8+i%22] + "gebühr" }),
		"near-synonyms": fill(func(i int) string { return "Fürerschien Persönalausweis" }),
		"digits":        fill(func(i int) string { return fmt.Sprintf("+49 (30) %d DE%02d 3704 0044", i, i%100) }),
		"cues":          fill(func(i int) string { return "Frau Müller Herr Schmidt ich bin Anna Hauptstraße 5" }),
		"pattern-gaps":  fill(func(i int) string { return "ich möchte bitte gern einen Termin" }),
	}
}

// BenchmarkHostileMessage measures whole offline turns over the bundled
// base for each hostile message; acceptance for issue 20 is at most 20 ms
// for the worst.
//
//	go test -run '^$' -bench HostileMessage -benchtime 10x ./assistant/
func BenchmarkHostileMessage(b *testing.B) {
	kb := mustBase(b)
	defer kb.Close()
	a := mustBaseAssistant(b, kb)
	for name, msg := range hostileMessages() {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				conv := &assistant.Conversation{ID: "bench", Audience: "citizen"}
				if _, err := a.Ask(context.Background(), conv, assistant.Message{Text: msg}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
