// SPDX-License-Identifier: EUPL-1.2

package assistant_test

// The LLM path in the seven answer languages, end to end: Assistant.Turn
// over the bundled base with the real assistant/openai adapter talking
// HTTP (server-sent events, tool calls) to the fakellm server, which
// answers in the asker's language with the figures in that language's
// notation.

import (
	"strconv"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/assistant/openai"
	"github.com/musterstadt/lotse/assistant/openai/fakellm"
	"github.com/musterstadt/lotse/knowledge"
)

// translatedAnswers is what a model answers to "what does a passport
// cost" in each language, with %s for the passage number it cites. The
// figures are written as the language writes them: "€70.00", "70,00 €",
// Arabic-Indic digits ("٧٠٫٠٠ يورو"), "70,00 євро".
var translatedAnswers = map[string]struct {
	text         string
	wrong        [2]string // replace wrong[0] by wrong[1] for a wrong figure
	instructions string    // how the system prompt names the language
}{
	"de": {"Ab 24 Jahren kostet der Reisepass 70,00 €, unter 24 Jahren 37,50 € [%s].", [2]string{"70,00", "80,00"}, "Antworte in dieser Sprache: Deutsch"},
	"en": {"A passport costs €70.00 for applicants aged 24 and over and €37.50 for younger applicants [%s].", [2]string{"70.00", "80.00"}, "Answer entirely in English"},
	"tr": {"Pasaport, 24 yaş ve üzeri başvuru sahipleri için 70,00 €, 24 yaşından küçükler için 37,50 € tutar [%s].", [2]string{"70,00", "80,00"}, "Answer entirely in Turkish"},
	"ar": {"تبلغ تكلفة جواز السفر ٧٠٫٠٠ يورو لمن بلغوا 24 عامًا فأكثر، و٣٧٫٥٠ يورو لمن هم دون 24 عامًا [%s].", [2]string{"٧٠٫٠٠", "٨٠٫٠٠"}, "Answer entirely in Arabic"},
	"uk": {"Закордонний паспорт коштує 70,00 євро для заявників від 24 років і 37,50 євро для тих, кому менше 24 років [%s].", [2]string{"70,00", "80,00"}, "Answer entirely in Ukrainian"},
	"ru": {"Загранпаспорт стоит 70,00 € для заявителей от 24 лет и 37,50 € для тех, кто младше 24 лет [%s].", [2]string{"70,00", "80,00"}, "Answer entirely in Russian"},
	"pl": {"Paszport kosztuje 70,00 euro dla wnioskodawców od 24 lat i 37,50 euro dla osób poniżej 24 lat [%s].", [2]string{"70,00", "80,00"}, "Answer entirely in Polish"},
}

// costPassage returns the number of the passage that states the fee.
func costPassage(r fakellm.Request) string {
	for i, p := range r.Passages() {
		if strings.Contains(p, "70,00 Euro") && strings.Contains(p, "37,50 Euro") {
			return strconv.Itoa(i + 1)
		}
	}
	return "1"
}

// TestLLMAnswersInSevenLanguages: for each language, a model that answers
// in that language reaches the asker in it, with the German passages it
// rests on carried for the "Originaltext"; the same answer with a wrong
// figure is refused by the verifier and the offline answer, framed in
// the asker's language, takes its place.
func TestLLMAnswersInSevenLanguages(t *testing.T) {
	kb := mustBase(t)
	for lang, ta := range translatedAnswers {
		q := languageQuestions[0].q[lang] // what a passport costs
		for _, wrong := range []bool{false, true} {
			name := lang + "/faithful"
			if wrong {
				name = lang + "/wrong-figure"
			}
			t.Run(name, func(t *testing.T) {
				fake := fakellm.New()
				t.Cleanup(fake.Close)
				var system string
				fake.SetReply(func(r fakellm.Request) fakellm.Reply {
					if len(r.Tools) > 0 {
						return fakellm.Reply{ToolCall: &fakellm.ToolCall{Name: "classify_intent", Arguments: `{"intent":"service_info"}`}}
					}
					system = r.Messages[0].Content
					text := strings.Replace(ta.text, "%s", costPassage(r), 1)
					if wrong {
						text = strings.Replace(text, ta.wrong[0], ta.wrong[1], 1)
					}
					return fakellm.Reply{Text: text}
				})
				m, err := openai.New(openai.Config{BaseURL: fake.URL, Model: "test-model"})
				if err != nil {
					t.Fatal(err)
				}
				a, err := assistant.New(assistant.Config{Retriever: kb, Model: m, Logger: discardLogger()})
				if err != nil {
					t.Fatal(err)
				}
				conv := &assistant.Conversation{ID: "l", Audience: knowledge.Citizen, Channel: "web"}
				var final *assistant.Answer
				var notices []string
				for c, err := range a.Turn(t.Context(), conv, assistant.Message{Text: q}) {
					if err != nil {
						t.Fatal(err)
					}
					switch c.Kind {
					case assistant.ChunkAnswer:
						final = c.Answer
					case assistant.ChunkNotice:
						notices = append(notices, c.Text)
					}
				}
				if final == nil {
					t.Fatal("no answer")
				}
				if !strings.Contains(system, ta.instructions) {
					t.Errorf("the prompt does not ask for %s (%q):\n%s", lang, ta.instructions, system)
				}
				if final.Lang != lang {
					t.Errorf("answer language %q, want %q", final.Lang, lang)
				}
				if len(final.Sources) == 0 || final.Sources[0].ID != "leistungen/reisepass" {
					t.Fatalf("sources %v", final.Sources)
				}
				if !wrong {
					want := strings.Replace(ta.text, "%s", "1", 1)
					if final.Mode != "llm" || !strings.Contains(final.Text, want) {
						t.Fatalf("mode %q, text %q\nwant the model's answer %q (verification %+v)", final.Mode, final.Text, want, final.Verification)
					}
					if ex := langExpects[lang]; lang != "de" && !hasScript(final.Text, ex.script) {
						t.Errorf("answer %q is not in the script of %s", final.Text, lang)
					}
					if len(final.Original) == 0 {
						t.Fatal("no original text for the toggle")
					}
					o := final.Original[0]
					if o.Source != 1 || !strings.Contains(o.Text, "70,00 Euro") || !strings.Contains(o.Section, "Reisepass") || o.Lang != "de" {
						t.Errorf("original %+v, want the German fee passage of source 1", o)
					}
					return
				}
				// The wrong figure never reaches the asker: the offline
				// answer in the asker's language replaces the model's.
				if final.Mode != "fallback" || strings.Contains(final.Text, ta.wrong[1]) || !strings.Contains(final.Text, "70,00 Euro") {
					t.Fatalf("mode %q, text %q: want the offline answer without %q", final.Mode, final.Text, ta.wrong[1])
				}
				if v := final.Verification; v == nil || v.Replaced != "unsupported_fact" || len(v.Refused) == 0 || v.Refused[0].Kind != "amount" {
					t.Errorf("verification %+v, want the amount refused", final.Verification)
				}
				if !strings.Contains(final.Text, langExpects[lang].marker) {
					t.Errorf("offline answer lacks the %s frame %q:\n%s", lang, langExpects[lang].marker, final.Text)
				}
				if len(final.Original) != 0 {
					t.Errorf("the offline answer quotes the source itself; original %+v", final.Original)
				}
				for _, n := range notices {
					if lang != "de" && lang != "en" && !hasScript(n, langExpects[lang].script) {
						t.Errorf("notice %q not in %s", n, lang)
					}
				}
			})
		}
	}
}
