// SPDX-License-Identifier: EUPL-1.2

package phone

import (
	"context"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/knowledge/musterstadt"
)

// TestWithRealAssistant calls the phone channel with the offline assistant
// over the bundled Musterstadt knowledge base and checks properties of
// what the caller hears: facts in speech form, no URLs or Markdown, the
// disclosure only once, and the transfer.
func TestWithRealAssistant(t *testing.T) {
	if testing.Short() {
		t.Skip("opens the bundled knowledge base")
	}
	kb, err := knowledge.Open(context.Background(), knowledge.Config{Roots: []knowledge.Root{{Name: "musterstadt", FS: musterstadt.FS()}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { kb.Close() })
	a, err := assistant.New(assistant.Config{Retriever: kb, Logger: discard()})
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, func(c *Config) {
		c.Asker = a
		c.Hints = func() []string {
			var titles []string
			for _, d := range kb.Documents(knowledge.Citizen) {
				titles = append(titles, d.Title)
			}
			return titles
		}
	})
	c := e.twilioCall("CAreal")
	greet := c.start()
	if !strings.Contains(greet[0].Attr["hints"], "Reisepass") {
		t.Errorf("hints from the knowledge base missing: %q", greet[0].Attr["hints"])
	}
	heard := spoken(c.say("Was kostet ein Reisepass?"))
	t.Logf("heard: %s", heard)
	if !strings.Contains(heard, "Euro") {
		t.Errorf("no amount in the answer: %s", heard)
	}
	for _, bad := range []string{"http", "www.", "**", "##", "Hinweis: Sie schreiben", "€", ",00"} {
		if strings.Contains(heard, bad) {
			t.Errorf("answer contains %q: %s", bad, heard)
		}
	}
	c.press("0")
	vs := c.say("ja")
	if names(vs)[len(vs)-1] != "Dial" {
		t.Fatalf("transfer: %v", names(vs))
	}
	escs := e.esc.escalations()
	if len(escs) != 1 || len(escs[0].Sources) == 0 || escs[0].Sources[0].ID != "leistungen/reisepass" {
		t.Errorf("escalation sources: %+v", escs)
	}
}
