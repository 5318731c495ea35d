// SPDX-License-Identifier: EUPL-1.2

package phone

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/knowledge/musterstadt"
	"github.com/musterstadt/lotse/ticketing"
)

// TestEveryWayToAPerson drives every way a caller can ask for a person —
// key 0, "Mitarbeiter", "einen Menschen bitte", at the first prompt or
// after a question, consenting to a callback or not, with and without a
// desk number — through the real assistant and a real ticket store. Each
// path must commit exactly one ticket and either dial the desk or tell the
// caller the ticket key.
func TestEveryWayToAPerson(t *testing.T) {
	if testing.Short() {
		t.Skip("opens the bundled knowledge base")
	}
	kb, err := knowledge.Open(context.Background(), knowledge.Config{Roots: []knowledge.Root{{Name: "musterstadt", FS: musterstadt.FS()}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { kb.Close() })

	type step struct{ speech, key string }
	ask := func(s string) step { return step{speech: s} }
	press := func(k string) step { return step{key: k} }
	ways := map[string][]step{
		"key 0 first":                {press("0")},
		"Mitarbeiter first":          {ask("Mitarbeiter")},
		"einen Menschen bitte first": {ask("einen Menschen bitte")},
		"key 0 later":                {ask("Was kostet ein Reisepass?"), press("0")},
		"Mitarbeiter later":          {ask("Was kostet ein Reisepass?"), ask("Mitarbeiter")},
		"einen Menschen bitte later": {ask("Was kostet ein Reisepass?"), ask("einen Menschen bitte")},
	}
	for name, steps := range ways {
		for _, consent := range []string{"ja", "nein"} {
			for _, desk := range []string{testDesk, ""} {
				t.Run(name+"/"+consent+"/desk="+desk, func(t *testing.T) {
					store, err := ticketing.Open(context.Background(), filepath.Join(t.TempDir(), "lotse.db"))
					if err != nil {
						t.Fatal(err)
					}
					t.Cleanup(func() { store.Close() })
					svc, err := ticketing.New(ticketing.Config{Store: store})
					if err != nil {
						t.Fatal(err)
					}
					a, err := assistant.New(assistant.Config{Retriever: kb, Tickets: svc.ForAssistant(nil), Logger: discard()})
					if err != nil {
						t.Fatal(err)
					}
					e := newEnv(t, func(c *Config) { c.Asker, c.Transferer, c.DeskPhone = a, a, desk })
					c := e.twilioCall("CAway")
					c.start()
					var vs []verb
					for _, s := range steps {
						if s.key != "" {
							vs = c.press(s.key)
						} else {
							vs = c.say(s.speech)
						}
					}
					if !strings.Contains(spoken(vs), "Rufnummer") {
						t.Fatalf("no consent question after %v: %s", steps, spoken(vs))
					}
					vs = c.say(consent)
					tickets, err := svc.List(context.Background(), ticketing.Filter{})
					if err != nil {
						t.Fatal(err)
					}
					if len(tickets) != 1 {
						t.Fatalf("%d tickets, want 1; heard: %s", len(tickets), spoken(vs))
					}
					tk := tickets[0]
					heard := spoken(vs)
					last := names(vs)[len(vs)-1]
					switch {
					case desk != "" && last != "Dial":
						t.Errorf("desk not dialled: %v %s", names(vs), heard)
					case desk == "" && !strings.Contains(heard, SpellKey(tk.Key)):
						t.Errorf("ticket key %s not told: %s", tk.Key, heard)
					}
					if consent == "ja" && !strings.Contains(heard, SpellNumber(testFrom)) {
						t.Errorf("stored number not read back digit by digit: %s", heard)
					}
					if strings.Contains(heard, "erneut an") {
						t.Errorf("caller told to call again: %s", heard)
					}
					if tk.Channel != "phone" || tk.Summary == "" {
						t.Errorf("ticket channel %q summary %q", tk.Channel, tk.Summary)
					}
					wantContact := ""
					if consent == "ja" {
						wantContact = testFrom
					}
					if tk.Contact != wantContact {
						t.Errorf("contact %q, want %q", tk.Contact, wantContact)
					}
				})
			}
		}
	}
}
