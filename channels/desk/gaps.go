// SPDX-License-Identifier: EUPL-1.2

package desk

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge/german"
	"github.com/musterstadt/lotse/ticketing"
)

// gapGroup origins.
const (
	gapNoSource   = "no_source"   // answered without a source
	gapThumbsDown = "thumbs_down" // the user rated the answer down
)

// gapQuestion is one question the assistant could not answer well.
type gapQuestion struct {
	Text   string
	At     time.Time
	Origin string
}

// gapGroup is a group of similar questions.
type gapGroup struct {
	Question  string    // the most frequent wording (first seen on a tie)
	Count     int       // questions in the group
	LastSeen  time.Time // the newest of them
	Variants  []string  // up to five other wordings
	NoSource  int       // answered without a source
	ThumbDown int       // rated down
	tokens    map[string]bool
	wordings  map[string]int
}

// gapIntents are the intents where a missing source means the knowledge
// base lacks something; smalltalk, handoffs or incident intake need none.
var gapIntents = []assistant.Intent{assistant.IntentServiceInfo, assistant.IntentOutOfScope, ""}

// collectGaps reads recent conversations and thumbs-down feedback.
func (s *Server) collectGaps(ctx context.Context) ([]gapQuestion, error) {
	var out []gapQuestion
	seen := 0
	for seen < s.cfg.MaxGapConversations {
		recs, err := s.cfg.Store.ListConversations(ctx, ticketing.ConversationFilter{Limit: 500, Offset: seen})
		if err != nil {
			return nil, fmt.Errorf("desk: list conversations: %w", err)
		}
		for _, rec := range recs {
			conv, err := s.cfg.Conversations.Load(ctx, rec.ID)
			if errors.Is(err, assistant.ErrNotFound) {
				continue
			}
			if err != nil {
				return nil, fmt.Errorf("desk: load conversation %s: %w", rec.ID, err)
			}
			out = append(out, unanswered(conv)...)
		}
		seen += len(recs)
		if len(recs) < 500 {
			break
		}
	}
	err := eachAudit(ctx, s.cfg.Store, ticketing.AuditFilter{Who: feedbackWho}, func(e ticketing.AuditEntry) {
		if e.Action != feedbackAction {
			return
		}
		var f Feedback
		if json.Unmarshal([]byte(e.Detail), &f) == nil && strings.TrimSpace(f.Question) != "" {
			out = append(out, gapQuestion{Text: f.Question, At: e.At, Origin: gapThumbsDown})
		}
	})
	return out, err
}

// unanswered returns the user questions whose answer cited no source.
func unanswered(c *assistant.Conversation) []gapQuestion {
	var out []gapQuestion
	for i, e := range c.Entries {
		if e.Role != assistant.RoleAssistant || len(e.Sources) > 0 || !slices.Contains(gapIntents, e.Intent) {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if c.Entries[j].Role == assistant.RoleUser {
				at := e.At
				if at.IsZero() {
					at = c.UpdatedAt
				}
				out = append(out, gapQuestion{Text: c.Entries[j].Text, At: at, Origin: gapNoSource})
				break
			}
			if c.Entries[j].Role == assistant.RoleAssistant {
				break
			}
		}
	}
	return out
}

// groupGaps merges questions whose normalised token sets have a Jaccard
// similarity of at least 0.5 with a group's first question. Groups come
// out by count, then by last seen, newest first.
func groupGaps(qs []gapQuestion) []gapGroup {
	var groups []*gapGroup
	for _, q := range qs {
		toks := normalize(q.Text)
		if len(toks) == 0 {
			continue
		}
		var g *gapGroup
		for _, cand := range groups {
			if jaccard(cand.tokens, toks) >= 0.5 {
				g = cand
				break
			}
		}
		if g == nil {
			g = &gapGroup{tokens: toks, wordings: map[string]int{}}
			groups = append(groups, g)
		}
		g.Count++
		text := strings.Join(strings.Fields(q.Text), " ")
		if g.wordings[text] == 0 {
			g.Variants = append(g.Variants, text)
		}
		g.wordings[text]++
		if q.At.After(g.LastSeen) {
			g.LastSeen = q.At
		}
		switch q.Origin {
		case gapNoSource:
			g.NoSource++
		case gapThumbsDown:
			g.ThumbDown++
		}
	}
	out := make([]gapGroup, 0, len(groups))
	for _, g := range groups {
		best := g.Variants[0]
		for _, v := range g.Variants {
			if g.wordings[v] > g.wordings[best] {
				best = v
			}
		}
		g.Question = best
		var rest []string
		for _, v := range g.Variants {
			if v != best && len(rest) < 5 {
				rest = append(rest, v)
			}
		}
		g.Variants = rest
		out = append(out, *g)
	}
	slices.SortStableFunc(out, func(a, b gapGroup) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return b.LastSeen.Compare(a.LastSeen)
	})
	return out
}

func jaccard(a, b map[string]bool) float64 {
	inter := 0
	for t := range a {
		if b[t] {
			inter++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// normalize folds text, drops punctuation and stop words, and light-stems
// each word (package german); the result is a set.
func normalize(text string) map[string]bool {
	out := map[string]bool{}
	for _, w := range german.Words(text) {
		if german.StopWord(w) || len([]rune(w)) < 2 {
			continue
		}
		out[german.LightStem(w)] = true
	}
	return out
}

func (s *Server) gaps(ctx context.Context) ([]gapGroup, error) {
	qs, err := s.collectGaps(ctx)
	if err != nil {
		return nil, err
	}
	return groupGaps(qs), nil
}

func (s *Server) handleGaps(w http.ResponseWriter, r *http.Request) {
	g, err := s.gaps(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "gaps", "Wissenslücken", g)
}

// csvCell defuses spreadsheet formulas in user text.
func csvCell(v string) string {
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		return "'" + v
	}
	return v
}

func (s *Server) handleGapsCSV(w http.ResponseWriter, r *http.Request) {
	g, err := s.gaps(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="wissensluecken.csv"`)
	writeGapsCSV(w, g)
}

func writeGapsCSV(w io.Writer, gaps []gapGroup) {
	cw := csv.NewWriter(w)
	cw.Write([]string{"Frage", "Anzahl", "Zuletzt", "Ohne Quelle", "Negativ bewertet", "Andere Formulierungen"})
	for _, g := range gaps {
		var variants []string
		for _, v := range g.Variants {
			variants = append(variants, csvCell(v))
		}
		cw.Write([]string{csvCell(g.Question), strconv.Itoa(g.Count), g.LastSeen.UTC().Format(time.RFC3339),
			strconv.Itoa(g.NoSource), strconv.Itoa(g.ThumbDown), strings.Join(variants, " | ")})
	}
	cw.Flush()
}

const (
	feedbackWho    = "feedback"
	feedbackAction = "feedback.down"
)

// Feedback is a user's thumbs-down on an answer, as the web channel
// reports it (cmd/lotse adapts web.FeedbackSink to RecordFeedback).
type Feedback struct {
	ConversationID string    `json:"conversation"`
	Question       string    `json:"question"`
	Answer         string    `json:"answer"`
	Comment        string    `json:"comment,omitempty"`
	Audience       string    `json:"audience,omitempty"`
	At             time.Time `json:"-"`
}

// RecordFeedback keeps a thumbs-down for the knowledge-gap report (in the
// audit log, actor "feedback", action "feedback.down"). Texts are cut to
// 2000 characters each. Thumbs-up ratings are not needed there: callers
// pass only "down" ratings.
func (s *Server) RecordFeedback(ctx context.Context, f Feedback) error {
	f.Question, f.Answer, f.Comment = cut(f.Question, 2000), cut(f.Answer, 2000), cut(f.Comment, 2000)
	b, err := json.Marshal(f)
	if err != nil {
		return fmt.Errorf("desk: encode feedback: %w", err)
	}
	at := f.At
	if at.IsZero() {
		at = s.cfg.Now()
	}
	if err := s.cfg.Store.Audit(ctx, ticketing.AuditEntry{Who: feedbackWho, Action: feedbackAction, Target: convTarget(f.ConversationID), Detail: string(b), At: at}); err != nil {
		return fmt.Errorf("desk: record feedback: %w", err)
	}
	return nil
}

func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}
