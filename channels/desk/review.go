// SPDX-License-Identifier: EUPL-1.2

package desk

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/evals"
	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/ticketing"
)

// Reviews live in the audit log (action "review.mark", target
// "conversation:<id>") with a JSON detail that carries everything an eval
// case needs, so that they survive the retention of conversations and need
// no schema change. The latest review of a turn wins.

const reviewAction = "review.mark"

// Review verdicts.
const (
	VerdictCorrect   = "correct"
	VerdictIncorrect = "incorrect"
)

// reviewRecord is the JSON detail of a review audit entry.
type reviewRecord struct {
	Conversation string    `json:"conversation"`
	Ticket       string    `json:"ticket,omitempty"`
	Turn         int       `json:"turn"` // index of the assistant entry in the conversation
	Verdict      string    `json:"verdict"`
	Comment      string    `json:"comment,omitempty"`
	Doc          string    `json:"doc,omitempty"` // the right source document ID
	Question     string    `json:"question"`
	History      []string  `json:"history,omitempty"` // earlier user turns, oldest first
	Answer       string    `json:"answer"`
	Sources      []string  `json:"sources,omitempty"` // cited document IDs
	Intent       string    `json:"intent,omitempty"`
	Audience     string    `json:"audience,omitempty"`
	Lang         string    `json:"lang,omitempty"`
	Reviewer     string    `json:"-"`
	At           time.Time `json:"-"`
}

func convTarget(id string) string { return "conversation:" + id }

// review stores a verdict on one answer of the ticket's conversation.
func (s *Server) review(ctx context.Context, r *http.Request, p principal, t ticketing.Ticket) error {
	conv, err := s.loadConversation(ctx, t)
	if err != nil {
		return err
	}
	if conv == nil {
		return &fieldError{"review", "Zu diesem Vorgang ist kein Gespräch mehr gespeichert."}
	}
	turn, err := strconv.Atoi(r.PostFormValue("turn"))
	if err != nil || turn < 0 || turn >= len(conv.Entries) || conv.Entries[turn].Role != assistant.RoleAssistant {
		return &fieldError{"review", "Diese Antwort gibt es im Gespräch nicht."}
	}
	field := func(name string) string { return name + "-" + strconv.Itoa(turn) }
	verdict := r.PostFormValue("verdict")
	if verdict != VerdictCorrect && verdict != VerdictIncorrect {
		return &fieldError{field("verdict"), "Bitte wählen Sie „richtig“ oder „falsch“."}
	}
	comment, err := textField(r, "comment", "", false)
	if err != nil {
		return &fieldError{field("comment"), err.(*fieldError).Msg}
	}
	doc := strings.Trim(strings.TrimSpace(r.PostFormValue("doc")), "/")
	if doc != "" && (len(doc) > 200 || !docIDRE.MatchString(doc) || slices.ContainsFunc(strings.Split(doc, "/"), func(seg string) bool { return seg == "." || seg == ".." })) {
		return &fieldError{field("doc"), "Bitte geben Sie eine Dokument-ID wie „leistungen/reisepass“ an (ohne Dateiendung)."}
	}
	e := conv.Entries[turn]
	rec := reviewRecord{Conversation: conv.ID, Ticket: t.Key, Turn: turn, Verdict: verdict, Comment: comment, Doc: doc,
		Answer: e.Text, Intent: string(e.Intent), Audience: string(conv.Audience), Lang: conv.Lang}
	for _, src := range e.Sources {
		rec.Sources = append(rec.Sources, src.ID)
	}
	for i := turn - 1; i >= 0; i-- {
		if conv.Entries[i].Role == assistant.RoleUser {
			rec.Question = conv.Entries[i].Text
			for _, h := range conv.Entries[:i] {
				if h.Role == assistant.RoleUser {
					rec.History = append(rec.History, h.Text)
				}
			}
			break
		}
	}
	b, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("desk: encode review: %w", err)
	}
	if err := s.cfg.Store.Audit(ctx, ticketing.AuditEntry{Who: p.Name, Action: reviewAction, Target: convTarget(conv.ID), Detail: string(b), At: s.cfg.Now()}); err != nil {
		return fmt.Errorf("desk: store review: %w", err)
	}
	return nil
}

// reviewsOf returns the latest review per turn of a conversation.
func (s *Server) reviewsOf(ctx context.Context, convID string) (map[int]reviewRecord, error) {
	out := map[int]reviewRecord{}
	err := eachAudit(ctx, s.cfg.Store, ticketing.AuditFilter{Target: convTarget(convID)}, func(e ticketing.AuditEntry) {
		if e.Action != reviewAction {
			return
		}
		var rec reviewRecord
		if json.Unmarshal([]byte(e.Detail), &rec) != nil {
			return
		}
		if _, seen := out[rec.Turn]; !seen { // newest first
			rec.Reviewer, rec.At = e.Who, e.At
			out[rec.Turn] = rec
		}
	})
	return out, err
}

// eachAudit calls fn for every audit entry matching f, newest first.
func eachAudit(ctx context.Context, st *ticketing.Store, f ticketing.AuditFilter, fn func(ticketing.AuditEntry)) error {
	f.Limit = 1000
	for {
		page, err := st.ListAudit(ctx, f)
		if err != nil {
			return fmt.Errorf("desk: list audit: %w", err)
		}
		for _, e := range page {
			fn(e)
		}
		if len(page) < f.Limit {
			return nil
		}
		f.Offset += len(page)
	}
}

var (
	globChars   = regexp.MustCompile(`[*?\[\]\\]`)
	caseIDClean = regexp.MustCompile(`[^A-Za-z0-9_.-]+`)
	langCode    = regexp.MustCompile(`^[a-z]{2}$`)
)

var knownIntents = []assistant.Intent{
	assistant.IntentServiceInfo, assistant.IntentITIncident, assistant.IntentTicketStatus, assistant.IntentHuman,
	assistant.IntentSmalltalk, assistant.IntentOutOfScope, assistant.IntentAbuse,
}

// ExportReviews writes every reviewed answer as an eval case, in the YAML
// that evals.LoadCases reads (for `lotse eval export-reviews`). The latest
// review of a turn wins. A case asks the reviewed question (with the
// earlier user turns as history) and expects:
//   - for a correct answer: its cited sources and its intent;
//   - for an incorrect answer with the right document named: that document;
//   - for an incorrect answer without one: a handoff to a human, since the
//     assistant should not have answered.
//
// Reviews without a user question are skipped; no reviews give an empty
// list.
func ExportReviews(ctx context.Context, st *ticketing.Store, w io.Writer) error {
	latest := map[string]reviewRecord{}
	err := eachAudit(ctx, st, ticketing.AuditFilter{}, func(e ticketing.AuditEntry) {
		if e.Action != reviewAction {
			return
		}
		var rec reviewRecord
		if json.Unmarshal([]byte(e.Detail), &rec) != nil {
			return
		}
		key := rec.Conversation + "\x00" + strconv.Itoa(rec.Turn)
		if _, seen := latest[key]; !seen {
			latest[key] = rec
		}
	})
	if err != nil {
		return err
	}
	var cases []evals.Case
	for _, rec := range latest {
		if c, ok := reviewCase(rec); ok {
			cases = append(cases, c)
		}
	}
	slices.SortFunc(cases, func(a, b evals.Case) int { return strings.Compare(a.ID, b.ID) })
	if err := evals.WriteCases(w, cases); err != nil {
		return fmt.Errorf("desk: export reviews: %w", err)
	}
	return nil
}

func reviewCase(rec reviewRecord) (evals.Case, bool) {
	if strings.TrimSpace(rec.Question) == "" {
		return evals.Case{}, false
	}
	id := caseIDClean.ReplaceAllString(rec.Conversation, "-")
	if len(id) > 40 {
		id = id[:40]
	}
	c := evals.Case{ID: fmt.Sprintf("review-%s-%d", id, rec.Turn), Question: rec.Question}
	for _, h := range rec.History {
		if strings.TrimSpace(h) != "" {
			c.History = append(c.History, h)
		}
	}
	switch knowledge.Audience(rec.Audience) {
	case knowledge.Citizen, knowledge.Employee:
		c.Audience = knowledge.Audience(rec.Audience)
	}
	if langCode.MatchString(rec.Lang) {
		c.Lang = rec.Lang
	}
	switch {
	case rec.Verdict == VerdictCorrect:
		for _, src := range rec.Sources {
			if src != "" && !globChars.MatchString(src) && !slices.Contains(c.Expect.Sources, src) {
				c.Expect.Sources = append(c.Expect.Sources, src)
			}
		}
		if slices.Contains(knownIntents, assistant.Intent(rec.Intent)) {
			c.Expect.Intent = assistant.Intent(rec.Intent)
		}
	case rec.Doc != "" && !globChars.MatchString(rec.Doc):
		c.Expect.Sources = []string{rec.Doc}
	default:
		yes := true
		c.Expect.Escalate = &yes
	}
	return c, true
}
