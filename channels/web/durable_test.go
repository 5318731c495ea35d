// SPDX-License-Identifier: EUPL-1.2

package web

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/musterstadt/lotse/assistant"
)

// saveFailStore loads like memStore but cannot save (the database went
// away during the turn).
type saveFailStore struct{ *memStore }

func (saveFailStore) Save(context.Context, *assistant.Conversation) error {
	return fmt.Errorf("%w: database gone", assistant.ErrUnavailable)
}

// A user's message is stored before the answer is sent: when the turn
// ends, the stored conversation holds the message and the answer; when the
// store cannot save it, the user gets "try again" instead of an answer to a
// message that would be lost.
func TestAnswerOnlyAfterTheMessageIsStored(t *testing.T) {
	env := mustServe(t, nil)
	status, body := post(t, env, "/api/v1/chat", `{"message":"Was kostet ein Reisepass?"}`, nil)
	if status != http.StatusOK {
		t.Fatalf("status %d, body %v", status, body)
	}
	saved := env.store.only(t)
	if len(saved.Entries) != 2 || saved.Entries[0].Role != assistant.RoleUser || saved.Entries[0].Text != "Was kostet ein Reisepass?" {
		t.Errorf("when the answer arrived the store held %+v; want the user's message first", saved.Entries)
	}

	failing := mustServe(t, func(c *Config) { c.Store = saveFailStore{newMemStore()} })
	status, body = post(t, failing, "/api/v1/chat", `{"message":"Was kostet ein Reisepass?"}`, nil)
	if status != http.StatusServiceUnavailable || errCode(body) != "unavailable" {
		t.Errorf("turn whose save failed: status %d, body %v; want 503 unavailable", status, body)
	}
	if _, ok := body["answer"]; ok {
		t.Errorf("an answer was sent for a message that was not stored: %v", body)
	}
}
