// SPDX-License-Identifier: EUPL-1.2

package phone

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/assistant"
)

// saveFailStore loads like the memory store but cannot save.
type saveFailStore struct{ assistant.ConversationStore }

func (saveFailStore) Save(context.Context, *assistant.Conversation) error {
	return errors.New("database gone")
}

// What a caller says is stored before the answer is spoken: when the
// store cannot save the turn, the caller is not answered as if it had
// been, but told that something went wrong and offered a person.
func TestCallerIsNotAnsweredWhenTheTurnIsNotStored(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.Store = saveFailStore{assistant.NewMemoryStore()} })
	c := e.twilioCall("CAnosave1")
	c.start()
	text := spoken(c.say("Was kostet ein Reisepass?"))
	if !strings.Contains(text, "etwas schiefgegangen") || strings.Contains(text, "37 Euro") {
		t.Errorf("turn whose save failed was answered: %s", text)
	}
}
