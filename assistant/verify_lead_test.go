// SPDX-License-Identifier: EUPL-1.2

package assistant_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
)

// TestVerifierAcceptsLeadFactsInEveryLanguage cross-checks the two
// places that write and read facts in the asker's language: the offline
// answer's lead facts ("- Стоимость: 70,00 € · 37,50 €", "- Randevu
// gerekli: evet", durations, dates, phone numbers, links), rendered by
// lead.go, are sentences a model could write; as a model's answer citing
// the document, the verifier must accept every one, and refuse it with
// one figure changed or a yes/no fact reversed (where the source's text,
// not only a heading, states it). The questions are the 24 of
// evals/cases/languages in six languages.
func TestVerifierAcceptsLeadFactsInEveryLanguage(t *testing.T) {
	kb := mustBase(t)
	a := mustBaseAssistant(t, kb)
	digitRE := regexp.MustCompile(`\d`)
	var answers, sentences, alarms, planted, caught, flipped, flipCaught int
	for _, lang := range []string{"en", "tr", "ar", "uk", "ru", "pl"} {
		raw, err := os.ReadFile(filepath.Join("..", "evals", "cases", "languages", lang+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		var set struct {
			Cases []struct {
				ID       string `yaml:"id"`
				Question string `yaml:"question"`
			} `yaml:"cases"`
		}
		if err := yaml.Unmarshal(raw, &set); err != nil {
			t.Fatal(err)
		}
		marker := langExpects[lang].marker
		for _, c := range set.Cases {
			ans, err := a.Ask(t.Context(), &assistant.Conversation{ID: c.ID, Audience: knowledge.Citizen, Channel: "eval"}, assistant.Message{Text: c.Question, Lang: lang})
			if err != nil {
				t.Fatal(err)
			}
			head, _, ok := strings.Cut(ans.Text, marker)
			if !ok || len(ans.Sources) == 0 {
				continue
			}
			doc, ok := kb.Document(ans.Sources[0].ID, knowledge.Citizen)
			if !ok {
				t.Fatalf("%s: source %s not found", c.ID, ans.Sources[0].ID)
			}
			var text strings.Builder
			for _, s := range doc.Sections {
				// As retrieval hands passages over: with their headings.
				text.WriteString(s.Heading + "\n" + s.Text + "\n\n")
			}
			ps := []knowledge.Passage{{DocID: doc.ID, Title: doc.Title, Text: text.String(), URL: doc.URL, Lang: "de"}}
			var lines []string
			for _, l := range strings.Split(head, "\n") {
				if l = strings.TrimSpace(l); strings.HasPrefix(l, "- ") {
					lines = append(lines, strings.TrimPrefix(l, "- ")+" [1].")
				}
			}
			if len(lines) == 0 {
				continue
			}
			answers++
			sentences += len(lines)
			if v := a.VerifyAnswer(strings.Join(lines, " "), ps, lang); len(v.Refused) > 0 {
				alarms++
				t.Errorf("%s: lead facts refused as a model's answer: %+v", c.ID, v.Refused)
			}
			ex := langExpects[lang]
			for _, l := range lines {
				// A yes/no fact said the other way round.
				var wrong string
				switch {
				case strings.HasSuffix(l, ": "+ex.yes+" [1]."):
					wrong = strings.TrimSuffix(l, ex.yes+" [1].") + ex.no + " [1]."
				case strings.HasSuffix(l, ": "+ex.no+" [1]."):
					wrong = strings.TrimSuffix(l, ex.no+" [1].") + ex.yes + " [1]."
				default:
					continue
				}
				if assistant.BothWays(text.String(), l) {
					// The source says it both ways ("Sperren Sie die
					// Online-Ausweisfunktion …" and "… ist nicht online
					// möglich"): a bare "online: yes" cannot be decided.
					t.Logf("%s: the source states %q both ways; not counted", c.ID, l)
					continue
				}
				flipped++
				if v := a.VerifyAnswer(wrong, ps, lang); len(v.Refused) == 0 {
					// Only where the source's text says it (not just a
					// heading such as "Online-Dienst") can it be checked.
					t.Logf("%s: a yes/no fact said the other way round passed: %q (was %q)", c.ID, wrong, l)
				} else {
					flipCaught++
				}
			}
			for i, l := range lines {
				loc := digitRE.FindStringIndex(l)
				if loc == nil {
					continue
				}
				d, _ := strconv.Atoi(l[loc[0]:loc[1]])
				wrong := l[:loc[0]] + strconv.Itoa((d+1)%10) + l[loc[1]:]
				planted++
				if v := a.VerifyAnswer(wrong, ps, lang); len(v.Refused) == 0 {
					t.Errorf("%s: a changed figure passed: %q (was %q)", c.ID, wrong, lines[i])
				} else {
					caught++
				}
				break
			}
		}
	}
	t.Logf("%d answers, %d lead-fact sentences: %d refused; %d with a changed figure: %d refused; %d yes/no facts reversed: %d refused",
		answers, sentences, alarms, planted, caught, flipped, flipCaught)
	if flipped == 0 || float64(flipCaught) < 0.9*float64(flipped) {
		t.Errorf("%d of %d reversed yes/no facts refused, want at least 90 %%", flipCaught, flipped)
	}
	if answers < 100 {
		t.Errorf("only %d answers with lead facts", answers)
	}
}
