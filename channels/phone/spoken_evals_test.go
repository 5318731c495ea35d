// SPDX-License-Identifier: EUPL-1.2

package phone

import (
	"context"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/evals"
	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/knowledge/musterstadt"
)

// TestSpokenEvalAnswers asks the bundled eval questions of citizens (the
// Musterstadt and natural Musterstadt sets) the
// real offline assistant over the bundled knowledge base and renders each
// answer as the phone speaks it: no piece holds a bracket or the word
// "Abschnitt", and every list of at most five items is one piece, read
// whole with its count.
func TestSpokenEvalAnswers(t *testing.T) {
	if testing.Short() {
		t.Skip("opens the bundled knowledge base")
	}
	ctx := context.Background()
	cases, err := evals.LoadCases("../../evals/cases/musterstadt", "../../evals/cases/natural/musterstadt")
	if err != nil {
		t.Fatal(err)
	}
	kb, err := knowledge.Open(ctx, knowledge.Config{Roots: []knowledge.Root{{Name: "musterstadt", FS: musterstadt.FS()}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { kb.Close() })
	a, err := assistant.New(assistant.Config{Retriever: kb, Logger: discard()})
	if err != nil {
		t.Fatal(err)
	}
	var answers, pieces, lists, listItems, emails, bracketed, longLists int
	for _, c := range cases {
		if c.Audience == knowledge.Employee {
			continue
		}
		conv := &assistant.Conversation{ID: "eval-" + c.ID, Audience: knowledge.Citizen, Channel: "phone"}
		var ans assistant.Answer
		for _, q := range append(append([]string(nil), c.History...), c.Question) {
			if ans, err = a.Ask(ctx, conv, assistant.Message{Text: q}); err != nil {
				t.Fatalf("%s: %v", c.ID, err)
			}
		}
		answers++
		lang := "de"
		if ans.Lang == "en" {
			lang = "en"
		}
		if strings.Contains(ans.Text, "@") {
			emails++
		}
		if strings.ContainsAny(ans.Text, "()[]") || strings.Contains(ans.Text, "Abschnitt") {
			bracketed++ // written with brackets or "Abschnitt": the renderer had work
		}
		written := listLengths(ans.Text)
		parts := Parts(ans.Text, SpeechOptions{Lang: lang})
		pieces += len(parts)
		for _, p := range parts {
			if strings.ContainsAny(p, "()[]{}<>") || strings.Contains(strings.ToLower(p), "abschnitt") {
				t.Errorf("%s: spoken %q\nfrom %q", c.ID, p, ans.Text)
			}
		}
		for _, n := range written {
			if n < 2 || n > maxListPiece {
				continue
			}
			lists++
			listItems += n
			if n > 3 {
				longLists++ // three sentences a part used to cut these
			}
			whole := false
			for _, p := range parts {
				if strings.Count(p, ListPause) >= n && strings.Contains(p, countItems(n, lang == "en")) && strings.Contains(p, ordinal(n, lang == "en")+":") {
					whole = true
				}
			}
			if !whole {
				t.Errorf("%s: the list of %d items is not one piece: %q", c.ID, n, parts)
			}
		}
	}
	t.Logf("%d answers spoken in %d pieces; %d written with brackets or \"Abschnitt\", none spoken so; %d lists of 2–5 items (%d items, %d of them with 4 or 5) each read whole; %d answers with an e-mail address",
		answers, pieces, bracketed, lists, listItems, longLists, emails)
	if answers < 100 || lists == 0 {
		t.Errorf("only %d answers and %d lists: the eval cases did not load as expected", answers, lists)
	}
}

// listLengths returns the lengths of the runs of list lines in text.
func listLengths(text string) []int {
	var out []int
	n := 0
	for _, line := range strings.Split(text, "\n") {
		if reBullet.MatchString(strings.TrimSpace(line)) {
			n++
			continue
		}
		if n > 0 {
			out = append(out, n)
		}
		n = 0
	}
	if n > 0 {
		out = append(out, n)
	}
	return out
}
