// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
)

// fakeClock is a manual clock; the fake asker advances it.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// scripted is one scripted reply of fakeAsker.
type scripted struct {
	answer  assistant.Answer
	err     error
	latency time.Duration
}

// fakeAsker answers from a script keyed by message text and records the
// conversations it saw.
type fakeAsker struct {
	clock  *fakeClock
	script map[string]scripted

	mu    sync.Mutex
	convs map[string]*assistant.Conversation // by conversation ID
	seen  map[string][]int                   // message text → len(conv.Entries) when asked
}

var _ Asker = (*fakeAsker)(nil)

func (f *fakeAsker) Ask(ctx context.Context, conv *assistant.Conversation, msg assistant.Message) (assistant.Answer, error) {
	s, ok := f.script[msg.Text]
	if !ok {
		return assistant.Answer{}, fmt.Errorf("fake: no script for %q", msg.Text)
	}
	if f.clock != nil {
		f.clock.advance(s.latency)
	}
	f.mu.Lock()
	if f.convs == nil {
		f.convs, f.seen = map[string]*assistant.Conversation{}, map[string][]int{}
	}
	if prev, ok := f.convs[conv.ID]; ok && prev != conv {
		f.mu.Unlock()
		return assistant.Answer{}, errors.New("fake: conversation ID reused by another conversation")
	}
	f.convs[conv.ID] = conv
	f.seen[msg.Text] = append(f.seen[msg.Text], len(conv.Entries))
	f.mu.Unlock()
	conv.Entries = append(conv.Entries, assistant.Entry{Role: assistant.RoleUser, Text: msg.Text},
		assistant.Entry{Role: assistant.RoleAssistant, Text: s.answer.Text})
	return s.answer, s.err
}

func src(ids ...string) []assistant.Source {
	var s []assistant.Source
	for _, id := range ids {
		s = append(s, assistant.Source{ID: id, Title: id})
	}
	return s
}

// metricsCases is the hand-computed example: see the comments per case.
func metricsCases() ([]Case, map[string]scripted) {
	cases := []Case{
		// hit@1, cited, 1 of 2 facts, intent right.
		{ID: "c1", Question: "q1", Lang: "de", Expect: Expect{Sources: []string{"leistungen/reisepass"}, Facts: []string{"70,00 Euro", "4 bis 6 Wochen"}, Intent: assistant.IntentServiceInfo}},
		// rank 3, cited, fact found, intent wrong.
		{ID: "c2", Question: "q2", Lang: "de", Expect: Expect{Sources: []string{"kinderreisepass"}, Facts: []string{"13,00 Euro"}, Intent: assistant.IntentServiceInfo}},
		// rank 6: cited but outside the top 5.
		{ID: "c3", Question: "q3", Lang: "en", Expect: Expect{Sources: []string{"leistungen/*"}}},
		// rank 1 but not cited; expected handoff offered.
		{ID: "c4", Question: "q4", Expect: Expect{Sources: []string{"leistungen/wohngeld"}, Escalate: ptr(true)}},
		// employee with history; expected handoff missing; intent right.
		{ID: "c5", Question: "q5", Audience: knowledge.Employee, History: []string{"h5"}, Expect: Expect{Intent: assistant.IntentITIncident, Escalate: ptr(true)}},
		// unexpected handoff and a leak.
		{ID: "c6", Question: "q6", Expect: Expect{Escalate: ptr(false), ForbidSources: []string{"intern/**"}}},
		// Ask fails: a miss for sources and facts.
		{ID: "c7", Question: "q7", Expect: Expect{Sources: []string{"a"}, Facts: []string{"x"}}},
		// passes.
		{ID: "c8", Question: "q8", Lang: "de", Expect: Expect{Intent: assistant.IntentSmalltalk}},
	}
	ms := time.Millisecond
	script := map[string]scripted{
		"q1": {latency: 100 * ms, answer: assistant.Answer{
			Text: "Ein Reisepass kostet ab 24 Jahren 70,00\u00a0Euro.", Intent: assistant.IntentServiceInfo,
			Retrieved: []string{"leistungen/reisepass", "leistungen/personalausweis"}, Sources: src("leistungen/reisepass")}},
		"q2": {latency: 200 * ms, answer: assistant.Answer{
			Text: "Der Kinderreisepass kostet 13,00 euro.", Intent: assistant.IntentHuman,
			Retrieved: []string{"a", "b", "leistungen/kinderreisepass", "c"}, Sources: src("leistungen/kinderreisepass")}},
		"q3": {latency: 300 * ms, answer: assistant.Answer{
			Text:      "Fundsachen …",
			Retrieved: []string{"x1", "x2", "x3", "x4", "x5", "leistungen/fundsachen"}, Sources: src("leistungen/fundsachen")}},
		"q4": {latency: 400 * ms, answer: assistant.Answer{
			Text: "Wohngeld …", Retrieved: []string{"leistungen/wohngeld"}, HandoffOffered: true}},
		"h5": {latency: 50 * ms, answer: assistant.Answer{Text: "Hallo!", Intent: assistant.IntentSmalltalk}},
		"q5": {latency: 500 * ms, answer: assistant.Answer{Text: "Bitte starten Sie neu.", Intent: assistant.IntentITIncident}},
		"q6": {latency: 600 * ms, answer: assistant.Answer{
			Text: "VPN …", Retrieved: []string{"intern/it/vpn", "hinweise/x"}, Sources: src("intern/it/vpn"),
			Handoff: &assistant.Handoff{Reason: "requested"}}},
		"q7": {latency: 700 * ms, err: errors.New("model down")},
		"q8": {latency: 800 * ms, answer: assistant.Answer{Text: "Gern!", Intent: assistant.IntentSmalltalk}},
	}
	return cases, script
}

// approx compares floats with a tolerance.
var approx = cmp.Comparer(func(a, b float64) bool { return math.Abs(a-b) < 1e-9 })

func TestRunMetrics(t *testing.T) {
	cases, script := metricsCases()
	clock := &fakeClock{now: time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)}
	asker := &fakeAsker{clock: clock, script: script}
	rep, err := Run(context.Background(), cases, asker, RunOptions{Concurrency: 1, Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	ms := time.Millisecond
	want := Metrics{
		Cases:        8,
		Passed:       1,
		Hit1:         Rate{1, 5},
		Hit5:         Rate{2, 5},
		MRR10:        Rate{1 + 1.0/3 + 1.0/6 + 1, 5},
		Citation:     Rate{3, 5},
		Facts:        Rate{2, 4},
		Intent:       Rate{3, 4},
		EscPrecision: Rate{1, 2},
		EscRecall:    Rate{1, 2},
		Leaks:        1,
		Turns:        9,
		LatencyP50:   400 * ms,
		LatencyP95:   800 * ms,
	}
	if diff := cmp.Diff(want, rep.Metrics, approx); diff != "" {
		t.Errorf("metrics mismatch (-want +got):\n%s", diff)
	}
	if got := rep.MRR10.Value(); math.Abs(got-0.5) > 1e-9 {
		t.Errorf("MRR@10 = %v, want 0.5", got)
	}

	failed := map[string][]string{}
	for _, r := range rep.Results {
		failed[r.Case.ID] = r.Failed
	}
	wantFailed := map[string][]string{
		"c1": {CheckFacts},
		"c2": {CheckIntent},
		"c3": {CheckSource},
		"c4": {CheckSource},
		"c5": {CheckEscalate},
		"c6": {CheckEscalate, CheckLeak},
		"c7": {CheckError},
		"c8": nil,
	}
	if diff := cmp.Diff(wantFailed, failed); diff != "" {
		t.Errorf("failed checks mismatch (-want +got):\n%s", diff)
	}
	r6 := rep.Results[5]
	if diff := cmp.Diff([]string{"intern/it/vpn"}, r6.Leaked); diff != "" {
		t.Errorf("leaked mismatch (-want +got):\n%s", diff)
	}
	if r := rep.Results[6]; r.Err != "question: model down" {
		t.Errorf("c7 error = %q", r.Err)
	}

	// Per audience: the employee group holds c5 only.
	emp := rep.ByAudience["employee"]
	if emp.Cases != 1 || emp.Intent != (Rate{1, 1}) || emp.EscRecall != (Rate{0, 1}) || emp.Turns != 2 {
		t.Errorf("employee metrics = %+v", emp)
	}
	if got := rep.ByAudience["citizen"].Cases; got != 7 {
		t.Errorf("citizen cases = %d, want 7", got)
	}
	if got := rep.ByIntent["service_info"]; got.Cases != 2 || got.Intent != (Rate{1, 2}) || got.Hit5 != (Rate{2, 2}) {
		t.Errorf("service_info metrics = %+v", got)
	}
	if got := rep.ByIntent["-"].Cases; got != 4 {
		t.Errorf("cases without intent = %d, want 4", got)
	}
	if got := rep.ByLang["en"]; got.Cases != 1 || got.MRR10.Value() != 1.0/6 {
		t.Errorf("en metrics = %+v", got)
	}
	if got := rep.ByLang["de"].Cases; got != 3 {
		t.Errorf("de cases = %d, want 3", got)
	}
}

func TestRunConversations(t *testing.T) {
	cases, script := metricsCases()
	asker := &fakeAsker{script: script}
	rep, err := Run(context.Background(), cases, asker, RunOptions{Concurrency: 4})
	if err != nil {
		t.Fatal(err)
	}
	// Concurrency does not change the metrics (latency aside).
	if rep.Hit5 != (Rate{2, 5}) || rep.Facts != (Rate{2, 4}) || rep.Leaks != 1 || rep.Turns != 9 {
		t.Errorf("metrics with concurrency 4 = %+v", rep.Metrics)
	}
	for i, r := range rep.Results {
		if r.Case.ID != cases[i].ID {
			t.Errorf("result %d is case %s, want %s (order)", i, r.Case.ID, cases[i].ID)
		}
	}
	if len(asker.convs) != len(cases) {
		t.Errorf("saw %d conversations, want one per case (%d)", len(asker.convs), len(cases))
	}
	for id, c := range asker.convs {
		if c.Channel != "eval" {
			t.Errorf("%s: channel %q, want eval", id, c.Channel)
		}
	}
	emp := asker.convs["eval-c5"]
	if emp == nil || emp.Audience != knowledge.Employee || emp.UserID != EmployeeUserID {
		t.Fatalf("employee conversation = %+v", emp)
	}
	if cit := asker.convs["eval-c1"]; cit.Audience != knowledge.Citizen || cit.UserID != "" {
		t.Errorf("citizen conversation = %+v", cit)
	}
	// The history turn went first through the same conversation.
	if diff := cmp.Diff(map[string][]int{"h5": {0}, "q5": {2}}, map[string][]int{"h5": asker.seen["h5"], "q5": asker.seen["q5"]}); diff != "" {
		t.Errorf("turn order mismatch (-want +got):\n%s", diff)
	}
	if asker.seen["q1"][0] != 0 {
		t.Errorf("q1 asked in a conversation with %d entries, want a fresh one", asker.seen["q1"][0])
	}
}

func TestRunHistoryError(t *testing.T) {
	cases := []Case{{ID: "h", Question: "q", History: []string{"missing"}, Expect: Expect{Facts: []string{"a", "b"}}}}
	rep, err := Run(context.Background(), cases, &fakeAsker{script: map[string]scripted{"q": {}}}, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r := rep.Results[0]
	if r.Err == "" || r.Failed[0] != CheckError || r.Err[:14] != "history turn 1" {
		t.Errorf("result = %+v, want a history turn error", r)
	}
	if rep.Facts != (Rate{0, 2}) {
		t.Errorf("facts = %+v, want 0 of 2", rep.Facts)
	}
}

func TestRunCancelled(t *testing.T) {
	cases, script := metricsCases()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, cases, &fakeAsker{script: script}, RunOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Run with a cancelled context: err = %v, want context.Canceled", err)
	}
}

func TestPercentile(t *testing.T) {
	d := func(ns ...int) []time.Duration {
		var out []time.Duration
		for _, n := range ns {
			out = append(out, time.Duration(n))
		}
		return out
	}
	tests := []struct {
		in   []time.Duration
		p    int
		want time.Duration
	}{
		{nil, 50, 0},
		{d(7), 95, 7},
		{d(3, 1, 2), 50, 2},
		{d(1, 2, 3, 4), 50, 2},
		{d(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20), 95, 19},
	}
	for _, tt := range tests {
		if got := percentile(tt.in, tt.p); got != tt.want {
			t.Errorf("percentile(%v, %d) = %v, want %v", tt.in, tt.p, got, tt.want)
		}
	}
}

func TestCheck(t *testing.T) {
	cases, script := metricsCases()
	rep, err := Run(context.Background(), cases, &fakeAsker{script: script}, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		t    Thresholds
		want []string
	}{
		{"leak only", Thresholds{}, []string{"leaks: 1 case(s) retrieved or cited a forbidden document or said forbidden text: [c6]"}},
		{"all", Thresholds{MinHit5: 0.5, MinFacts: 0.5, MinIntent: 0.8}, []string{
			"hit@5: 0.400 below minimum 0.50",
			"intent accuracy: 0.750 below minimum 0.80",
			"leaks: 1 case(s) retrieved or cited a forbidden document or said forbidden text: [c6]",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, rep.Check(tt.t)); diff != "" {
				t.Errorf("Check mismatch (-want +got):\n%s", diff)
			}
		})
	}
	empty := NewReport(nil)
	if got := empty.Check(Thresholds{MinHit5: 0.9}); len(got) != 1 || got[0] != "hit@5: not measured (no case expects it), minimum 0.90" {
		t.Errorf("Check on an empty report = %q", got)
	}
	if got := empty.Check(Thresholds{}); got != nil {
		t.Errorf("Check without thresholds = %q, want none", got)
	}
}

// TestRunTicketCheck checks expect.ticket against the final turn only: a
// ticket opened in an earlier turn does not count, a handoff without a
// ticket key is no ticket, and ticket: false fails when one was opened.
func TestRunTicketCheck(t *testing.T) {
	opened := assistant.Answer{Text: "Ticket INC-1 angelegt.", Intent: assistant.IntentITIncident,
		Handoff: &assistant.Handoff{Reason: "incident", Ticket: "INC-1"}}
	script := map[string]scripted{
		"drucker geht nicht": {answer: assistant.Answer{Text: "Seit wann?", Intent: assistant.IntentITIncident}},
		"seit heute früh":    {answer: assistant.Answer{Text: "Soll ich das Ticket so anlegen?", Intent: assistant.IntentITIncident}},
		"ja":                 {answer: opened},
		"ja bitte":           {answer: opened},
		"danke":              {answer: assistant.Answer{Text: "Gern!", Intent: assistant.IntentSmalltalk}},
		"ruf mich an":        {answer: assistant.Answer{Text: "Ich gebe weiter.", HandoffOffered: true, Handoff: &assistant.Handoff{Reason: "requested"}}},
	}
	cases := []Case{
		{ID: "opened", History: []string{"drucker geht nicht", "seit heute früh"}, Question: "ja", Expect: Expect{Ticket: ptr(true)}},
		{ID: "not-yet", History: []string{"drucker geht nicht"}, Question: "seit heute früh", Expect: Expect{Ticket: ptr(true)}},
		{ID: "earlier-turn", History: []string{"ja"}, Question: "danke", Expect: Expect{Ticket: ptr(true)}},
		{ID: "no-key", Question: "ruf mich an", Expect: Expect{Ticket: ptr(true)}},
		{ID: "unwanted", Question: "ja bitte", Expect: Expect{Ticket: ptr(false)}},
		{ID: "none-wanted", Question: "danke", Expect: Expect{Ticket: ptr(false)}},
		{ID: "unchecked", Question: "ja", Expect: Expect{}},
	}
	rep, err := Run(context.Background(), cases, &fakeAsker{script: script}, RunOptions{Concurrency: 1})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, r := range rep.Results {
		got[r.Case.ID] = r.Failed
	}
	want := map[string][]string{
		"opened":       nil,
		"not-yet":      {CheckTicket},
		"earlier-turn": {CheckTicket},
		"no-key":       {CheckTicket},
		"unwanted":     {CheckTicket},
		"none-wanted":  nil,
		"unchecked":    nil,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("failed checks mismatch (-want +got):\n%s", diff)
	}
	if r := rep.Results[0]; r.Ticket != "INC-1" {
		t.Errorf("opened: Ticket = %q, want INC-1", r.Ticket)
	}
	var buf bytes.Buffer
	if err := rep.Write(&buf, "text"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "FAIL not-yet [ticket]: ticket –, want opened true") {
		t.Errorf("text report does not explain the ticket check:\n%s", buf.String())
	}
}
