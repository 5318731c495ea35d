// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"strings"
	"testing"
)

func TestPerturb(t *testing.T) {
	cases := []Case{
		{ID: "a", Question: "Wie lange ist der Führerschein gültig?", History: []string{"Grüß Gott!"}},
		{ID: "b", Question: "How much is a passport?", Lang: "en"},
	}
	got, err := Perturb(cases, "umlauts")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Question != "Wie lange ist der Fuhrerschein gultig?" || got[0].History[0] != "Gruss Gott!" {
		t.Errorf("umlauts: %+v", got)
	}
	if cases[0].History[0] != "Grüß Gott!" {
		t.Error("the original cases were changed")
	}
	got, _ = Perturb(cases, "lower")
	if got[0].Question != "wie lange ist der führerschein gültig" {
		t.Errorf("lower: %q", got[0].Question)
	}
	got, _ = Perturb(cases, "typos")
	again, _ := Perturb(cases, "typos")
	q := got[0].Question
	if q == cases[0].Question || q != again[0].Question || len(q) != len(cases[0].Question) || !strings.HasPrefix(q, "Wie lange ist der ") {
		t.Errorf("typos: %q (again %q)", q, again[0].Question)
	}
	got, _ = Perturb(cases, "all")
	if q := got[0].Question; strings.ContainsAny(q, "?ü") || q == strings.ToLower("wie lange ist der fuhrerschein gultig") {
		t.Errorf("all: %q", q)
	}
	got, _ = Perturb(cases, "polite")
	// The first message is framed: here the history's.
	if got[0].Question != cases[0].Question || !strings.Contains(got[0].History[0], "Grüß Gott!") || len(got[0].History[0]) <= len(cases[0].History[0])+10 {
		t.Errorf("polite: %q, history %q", got[0].Question, got[0].History)
	}
	if _, err := Perturb(cases, "shout"); err == nil {
		t.Error("unknown perturbation: want an error")
	}
}
