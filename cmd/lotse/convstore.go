// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"bytes"
	clist "container/list"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"sync"
	"time"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/ticketing"
)

// conversationStore keeps assistant conversations in the ticketing store,
// as one JSON document per conversation plus the columns retention needs.
// With redact set, personal data in user and agent messages is replaced by
// typed placeholders before anything is written (LOTSE_REDACT_TRANSCRIPTS);
// the user then sees the redacted text when a conversation is resumed.
//
// Conversations in progress stay in memory between turns (a bounded cache,
// least recently used out first): Load then asks the database only for the
// conversation's revision and hands out a copy of the one in memory when
// the revision is the one it saved or loaded, so that a turn does not read
// and decode the whole document again. Every save still writes the whole
// document in one statement before the answer goes out (nothing a user
// sends is lost), but encodes only the entries added since the last save.
// A revision changed by anybody else (another instance on PostgreSQL,
// `lotse privacy erase`, retention) makes the next Load read the database.
type conversationStore struct {
	st     *ticketing.Store
	redact bool

	// bufs lends Save a buffer to encode a turn's entries in.
	bufs sync.Pool // of *bytes.Buffer

	mu    sync.Mutex
	live  map[string]*clist.Element // of *liveConv
	lru   clist.List                // front: most recently used
	now   func() time.Time
	bytes int // documents held (their size as stored)
}

// Bounds of the conversations kept in memory: their number, and the size
// of their documents as stored (each is held decoded and, after a save,
// its entries' JSON as well: about twice that in memory).
const (
	maxLiveConversations = 4096
	maxLiveBytes         = 64 << 20
	// liveIdle is how long a conversation nobody loads or saves stays in
	// memory: a conversation in progress is used every few minutes, and
	// one erased by another process (`lotse privacy erase`) is not kept
	// here for long.
	liveIdle = 30 * time.Minute
)

// maxLentBuffer is the largest buffer Save keeps for the next turn: a
// turn's entries are a few KB.
const maxLentBuffer = 64 << 10

// liveConv is a conversation as stored at revision rev: conv is what Load
// returns a copy of (redacted when the store redacts), entries the JSON of
// its entries, comma-separated, as written (nil when it was read from the
// database), size the size of its document.
type liveConv struct {
	id      string
	rev     int64
	conv    *assistant.Conversation
	entries []byte
	size    int
	used    time.Time // guarded by conversationStore.mu
}

var _ assistant.ConversationStore = (*conversationStore)(nil)

func newConversationStore(st *ticketing.Store, redact bool) *conversationStore {
	return &conversationStore{st: st, redact: redact, live: map[string]*clist.Element{}, now: time.Now}
}

func (c *conversationStore) Load(ctx context.Context, id string) (*assistant.Conversation, error) {
	if lc := c.get(id); lc != nil {
		rev, err := c.st.ConversationRev(ctx, id)
		switch {
		case errors.Is(err, ticketing.ErrNotFound):
			c.drop(id)
			return nil, assistant.ErrNotFound
		case err != nil:
			return nil, storeError(err)
		case rev == lc.rev:
			return cloneConversation(lc.conv), nil
		}
		c.drop(id)
	}
	rec, err := c.st.LoadConversation(ctx, id)
	if errors.Is(err, ticketing.ErrNotFound) {
		return nil, assistant.ErrNotFound
	}
	if err != nil {
		return nil, storeError(err)
	}
	var conv assistant.Conversation
	if err := json.Unmarshal(rec.Data, &conv); err != nil {
		return nil, fmt.Errorf("conversation %s: decode: %w", id, err)
	}
	out := cloneConversation(&conv)
	// The entries' JSON is not known here; the next save writes them all.
	c.put(&liveConv{id: id, rev: rec.Rev, conv: &conv, size: len(rec.Data)})
	return out, nil
}

func (c *conversationStore) Save(ctx context.Context, conv *assistant.Conversation) error {
	if conv == nil || conv.ID == "" {
		return errors.New("conversation store: save: empty ID")
	}
	// A turn appends entries: when the entries in memory are the first of
	// conv's, only the rest is encoded; otherwise all of them.
	var prev []byte
	kept := 0
	var held int64 // the stored revision conv continues, 0 for none known
	if lc := c.get(conv.ID); lc != nil && c.isPrefix(lc.conv.Entries, conv.Entries) {
		prev, kept = lc.entries, len(lc.conv.Entries)
		if kept > 0 && prev == nil {
			kept = 0 // loaded, not yet encoded
		}
		if lc.conv.Audience == conv.Audience && lc.conv.Channel == conv.Channel && lc.conv.UserID == conv.UserID {
			held = lc.rev
		}
	}
	stored := *conv
	stored.Slots = maps.Clone(conv.Slots)
	stored.Entries = make([]assistant.Entry, len(conv.Entries))
	copy(stored.Entries, conv.Entries)
	// The JSON of the entries added since, comma-separated, in a lent
	// buffer: encodeConversation copies it into the document.
	add, _ := c.bufs.Get().(*bytes.Buffer)
	if add == nil {
		add = new(bytes.Buffer)
	}
	defer func() {
		if add.Cap() <= maxLentBuffer {
			add.Reset()
			c.bufs.Put(add)
		}
	}()
	enc := json.NewEncoder(add) // what json.Marshal writes, and a newline
	for i := kept; i < len(stored.Entries); i++ {
		e := &stored.Entries[i]
		if c.redact && (e.Role == assistant.RoleUser || e.Role == assistant.RoleAgent) {
			e.Text = assistant.Redact(e.Text)
		}
		if e.Sources != nil {
			e.Sources = append([]assistant.Source(nil), e.Sources...)
		}
		if add.Len() > 0 {
			add.WriteByte(',')
		}
		if err := enc.Encode(e); err != nil {
			return fmt.Errorf("conversation %s: encode: %w", conv.ID, err)
		}
		add.Truncate(add.Len() - 1) // the newline
	}
	data, entries, err := encodeConversation(&stored, prev, add.Bytes())
	if err != nil {
		return fmt.Errorf("conversation %s: encode: %w", conv.ID, err)
	}
	rev, err := c.write(ctx, conv, held, data)
	if err != nil {
		c.drop(conv.ID)
		return storeError(err)
	}
	// What Load would decode from data: no monotonic clock readings.
	stored.CreatedAt, stored.UpdatedAt = stored.CreatedAt.Round(0), stored.UpdatedAt.Round(0)
	for i := kept; i < len(stored.Entries); i++ {
		stored.Entries[i].At = stored.Entries[i].At.Round(0)
	}
	c.put(&liveConv{id: conv.ID, rev: rev, conv: &stored, entries: entries, size: len(data)})
	return nil
}

// write stores data as conv's document. When the row is known at
// revision held with the same audience, channel and user,
// only the document and the update time are written (fewer index pages);
// otherwise, or when somebody else saved it since, the whole row.
func (c *conversationStore) write(ctx context.Context, conv *assistant.Conversation, held int64, data []byte) (int64, error) {
	if held != 0 {
		rev, err := c.st.UpdateConversation(ctx, conv.ID, held, data, conv.UpdatedAt)
		if !errors.Is(err, ticketing.ErrConflict) {
			return rev, err
		}
	}
	return c.st.SaveConversationRev(ctx, ticketing.ConversationRecord{
		ID:        conv.ID,
		Audience:  string(conv.Audience),
		Channel:   conv.Channel,
		UserID:    conv.UserID,
		Data:      data,
		CreatedAt: conv.CreatedAt,
		UpdatedAt: conv.UpdatedAt,
	})
}

// isPrefix reports whether the entries held are the first entries of
// next, as Load handed them out (and Save redacted them). The strings are
// shared with the copy handed out, so the comparison is cheap.
func (c *conversationStore) isPrefix(held, next []assistant.Entry) bool {
	if len(held) > len(next) {
		return false
	}
	for i := range held {
		a, b := &held[i], &next[i]
		if a.Role != b.Role || a.Text != b.Text || a.Intent != b.Intent || !a.At.Equal(b.At) ||
			len(a.Sources) != len(b.Sources) || a.Verification != b.Verification {
			return false
		}
	}
	return true
}

// entriesNull is how the document of a conversation without entries
// names them; encodeConversation puts the entries' JSON in its place. The
// first match is the key: a quote inside a string value is escaped.
var entriesNull = []byte(`"entries":null`)

// encodeConversation returns conv as JSON with the entries' JSON (prev,
// then add, each comma-separated) as its "entries" array: the same
// document json.Marshal(conv) gives. entries is the part of the document
// that holds the entries' JSON, for the next save to continue from.
func encodeConversation(conv *assistant.Conversation, prev, add []byte) (doc, entries []byte, err error) {
	h := *conv
	h.Entries = nil
	head, err := json.Marshal(&h)
	if err != nil {
		return nil, nil, err
	}
	i := bytes.Index(head, entriesNull)
	if i < 0 {
		return nil, nil, errors.New(`no "entries" in the encoded conversation`)
	}
	doc = make([]byte, 0, len(head)+len(prev)+len(add)+3)
	doc = append(doc, head[:i]...)
	doc = append(doc, `"entries":[`...)
	start := len(doc)
	doc = append(doc, prev...)
	if len(prev) > 0 && len(add) > 0 {
		doc = append(doc, ',')
	}
	doc = append(doc, add...)
	end := len(doc)
	doc = append(doc, ']')
	doc = append(doc, head[i+len(entriesNull):]...)
	return doc, doc[start:end:end], nil
}

// get returns the conversation held for id and marks it used, or nil.
func (c *conversationStore) get(id string) *liveConv {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.now()
	c.expireLocked(now)
	el, ok := c.live[id]
	if !ok {
		return nil
	}
	lc := el.Value.(*liveConv)
	lc.used = now
	c.lru.MoveToFront(el)
	return lc
}

// put holds lc in place of what was held for its ID, and lets the least
// recently used conversations go beyond the bounds.
func (c *conversationStore) put(lc *liveConv) {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.now()
	c.expireLocked(now)
	c.removeLocked(lc.id)
	if lc.size > maxLiveBytes/16 {
		return // a huge conversation is read from the database
	}
	lc.used = now
	c.live[lc.id] = c.lru.PushFront(lc)
	c.bytes += lc.size
	for c.lru.Len() > maxLiveConversations || c.bytes > maxLiveBytes {
		c.removeLocked(c.lru.Back().Value.(*liveConv).id)
	}
}

// expireLocked lets go of the conversations unused for liveIdle; the
// least recently used are at the back.
func (c *conversationStore) expireLocked(now time.Time) {
	for el := c.lru.Back(); el != nil; el = c.lru.Back() {
		lc := el.Value.(*liveConv)
		if now.Sub(lc.used) < liveIdle {
			return
		}
		c.removeLocked(lc.id)
	}
}

// drop forgets the conversation held for id.
func (c *conversationStore) drop(id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.removeLocked(id)
}

func (c *conversationStore) removeLocked(id string) {
	if el, ok := c.live[id]; ok {
		c.bytes -= el.Value.(*liveConv).size
		c.lru.Remove(el)
		delete(c.live, id)
	}
}

// cloneConversation copies c deeply enough that the copy can be changed
// (entries appended, slots set) without touching c.
func cloneConversation(c *assistant.Conversation) *assistant.Conversation {
	out := *c
	if c.Entries != nil {
		out.Entries = make([]assistant.Entry, len(c.Entries), len(c.Entries)+2)
		copy(out.Entries, c.Entries)
		for i := range out.Entries {
			if s := out.Entries[i].Sources; s != nil {
				out.Entries[i].Sources = append([]assistant.Source(nil), s...)
			}
		}
	}
	out.Slots = maps.Clone(c.Slots)
	return &out
}
