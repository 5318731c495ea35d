// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/ticketing"
)

func TestConversationStoreRedactsWhenConfigured(t *testing.T) {
	ctx := context.Background()
	st, err := ticketing.Open(ctx, filepath.Join(t.TempDir(), "lotse.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	const iban = "DE89 3704 0044 0532 0130 00"
	conv := &assistant.Conversation{ID: "c1", Audience: knowledge.Citizen, Channel: "web", CreatedAt: time.Now(), UpdatedAt: time.Now(),
		Entries: []assistant.Entry{
			{Role: assistant.RoleUser, Text: "Meine IBAN ist " + iban + ", Mail erika@example.org"},
			{Role: assistant.RoleAssistant, Text: "Danke."},
		}}
	for _, tt := range []struct {
		redact bool
		want   string
	}{{false, iban}, {true, "[IBAN]"}} {
		cs := newConversationStore(st, tt.redact)
		if err := cs.Save(ctx, conv); err != nil {
			t.Fatal(err)
		}
		got, err := cs.Load(ctx, "c1")
		if err != nil {
			t.Fatal(err)
		}
		if text := got.Entries[0].Text; !strings.Contains(text, tt.want) {
			t.Errorf("redact=%v: stored %q, want it to contain %q", tt.redact, text, tt.want)
		}
		if tt.redact && strings.Contains(got.Entries[0].Text, "erika@example.org") {
			t.Errorf("redacted transcript keeps the e-mail: %q", got.Entries[0].Text)
		}
	}
	if !strings.Contains(conv.Entries[0].Text, iban) {
		t.Error("Save changed the caller's conversation")
	}
}
