// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"context"
	"errors"
	"maps"
	"sync"
)

// memoryStore keeps conversations in memory. It serves tests, `lotse ask`
// and single-process demos; everything is lost on restart.
type memoryStore struct {
	mu    sync.Mutex
	convs map[string]*Conversation
}

// NewMemoryStore returns a ConversationStore that keeps conversations in
// memory. Load and Save copy deeply, so a caller never shares state with
// the store or with another caller.
func NewMemoryStore() ConversationStore {
	return &memoryStore{convs: map[string]*Conversation{}}
}

func (s *memoryStore) Load(ctx context.Context, id string) (*Conversation, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.convs[id]
	if !ok {
		return nil, ErrNotFound
	}
	return cloneConversation(c), nil
}

func (s *memoryStore) Save(ctx context.Context, c *Conversation) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if c == nil || c.ID == "" {
		return errors.New("assistant: save conversation: empty ID")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.convs[c.ID] = cloneConversation(c)
	return nil
}

// cloneConversation copies c and everything it refers to.
func cloneConversation(c *Conversation) *Conversation {
	out := *c
	if c.Entries != nil {
		out.Entries = make([]Entry, len(c.Entries))
		for i, e := range c.Entries {
			if e.Sources != nil {
				e.Sources = append([]Source(nil), e.Sources...)
			}
			out.Entries[i] = e
		}
	}
	if c.Slots != nil {
		out.Slots = maps.Clone(c.Slots)
	}
	return &out
}
