// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"testing"
	"time"
)

func TestUnfinished(t *testing.T) {
	now := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		prev string
		gap  time.Duration
		want bool
	}{
		{"ich habe einen Bußgeldbescheid bekommen und würde gern wissen bis wann ich", time.Minute, true},
		{"hallo, kurze frage wegen", time.Minute, true},
		{"moin kurze frage ich geb meine zweitwohnung auf, muss ich da", time.Minute, true},
		{"mein vater ist gestern gestorben und", time.Minute, true},
		// Finished: a stop, a question mark, an emoji; a separable
		// verb's particle; an article that stands for a noun.
		{"wie lange dauert das?", time.Minute, false},
		{"ich hab da mal ne frage zu 🙂", time.Minute, false},
		{"wie melde ich sperrmüll an", time.Minute, false},
		{"wo bekommen wir die", time.Minute, false},
		{"ist jemand da", time.Minute, false},
		// Too long ago to go on.
		{"hallo, kurze frage wegen", 20 * time.Minute, false},
	} {
		c := &Conversation{Entries: []Entry{
			{Role: RoleUser, Text: tt.prev, At: now.Add(-tt.gap)},
			{Role: RoleAssistant, Text: "…", At: now.Add(-tt.gap)},
		}}
		if _, got := unfinished(c, "und noch etwas dazu", now); got != tt.want {
			t.Errorf("unfinished(%q, %v) = %v, want %v", tt.prev, tt.gap, got, tt.want)
		}
	}
	// An incident's question waits for its own answer.
	c := &Conversation{Slots: map[string]string{slotIntake: "active"}, Entries: []Entry{
		{Role: RoleUser, Text: "bei mir geht seit heute früh das", At: now},
		{Role: RoleAssistant, Text: "Seit wann?", At: now},
	}}
	if _, ok := unfinished(c, "seit acht", now); ok {
		t.Error("an incident's answer was joined to the message before")
	}
}
