// SPDX-License-Identifier: EUPL-1.2

package phone

import (
	"context"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/knowledge/musterstadt"
)

// says flattens vs (and the Says inside a Gather) with their languages.
func says(vs []verb) []verb {
	var out []verb
	for _, v := range vs {
		switch v.Name {
		case "Say":
			out = append(out, v)
		case "Gather":
			out = append(out, says(v.Children)...)
		}
	}
	return out
}

// gatherLang returns the recognition language of the last Gather in vs.
func gatherLang(vs []verb) string {
	lang := ""
	for _, v := range vs {
		if v.Name == "Gather" {
			lang = v.Attr["language"]
		}
	}
	return lang
}

// TestCallsInOtherLanguages: an English and a Turkish call over the
// bundled base with the offline assistant. Each chooses its language (a
// key, or the language's name said), then hears prompts and the answer in
// its language with that voice and is listened to in it; the German quote
// is announced in German ("Auf Deutsch steht dort:") and said with a
// German voice.
func TestCallsInOtherLanguages(t *testing.T) {
	if testing.Short() {
		t.Skip("opens the bundled knowledge base")
	}
	kb, err := knowledge.Open(context.Background(), knowledge.Config{Roots: []knowledge.Root{{Name: "musterstadt", FS: musterstadt.FS()}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { kb.Close() })
	a, err := assistant.New(assistant.Config{Retriever: kb, Logger: discard()})
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, func(c *Config) { c.Asker = a })
	tests := []struct {
		name, choose, by   string // by: "key" or "speech"
		gw                 string
		switched, question string
		prompt             string // a prompt of the dialog in the language
	}{
		{"English by key", "9", "key", "en-GB", "I will speak English now", "How much does a passport cost?", "Would you like to know more?"},
		{"Turkish by key", "2", "key", "tr-TR", "Artık Türkçe konuşuyorum", "Pasaport ne kadar tutuyor?", "Daha fazlasını duymak ister misiniz?"},
		{"Turkish by name", "Türkçe", "speech", "tr-TR", "Artık Türkçe konuşuyorum", "Pasaport ne kadar tutuyor?", "Daha fazlasını duymak ister misiniz?"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := e.twilioCall("CAlang" + string(rune('a'+i)))
			greet := c.start()
			heard := says(greet)
			langs := map[string]bool{}
			for _, s := range heard {
				langs[s.Attr["language"]] = true
			}
			for _, l := range []string{"de-DE", "en-GB", "tr-TR", "ar-AE", "uk-UA", "ru-RU", "pl-PL"} {
				if !langs[l] {
					t.Errorf("greeting offers no %s: %s", l, spoken(greet))
				}
			}
			var vs []verb
			if tt.by == "key" {
				vs = c.press(tt.choose)
			} else {
				vs = c.say(tt.choose)
			}
			if !strings.Contains(spoken(vs), tt.switched) || gatherLang(vs) != tt.gw {
				t.Fatalf("after %q: recognition %q, heard %s", tt.choose, gatherLang(vs), spoken(vs))
			}
			// The whole answer, part by part.
			var all []verb
			vs = c.say(tt.question)
			for range 6 {
				all = append(all, says(vs)...)
				if gatherLang(vs) != tt.gw {
					t.Errorf("recognition in %q, want %q", gatherLang(vs), tt.gw)
				}
				if !strings.Contains(spoken(vs), tt.prompt) {
					break
				}
				vs = c.say(map[string]string{"en-GB": "yes", "tr-TR": "evet"}[tt.gw])
			}
			announced, quoted := -1, false
			for j, s := range all {
				switch {
				case s.Text == quoteAnnouncement:
					announced = j
					if s.Attr["language"] != "de-DE" {
						t.Errorf("announcement in %s", s.Attr["language"])
					}
				case announced >= 0 && strings.Contains(s.Text, "Euro") && s.Attr["language"] == "de-DE":
					quoted = true
				case announced < 0 && s.Attr["language"] != tt.gw:
					t.Errorf("before the quote, %q is said in %s, want %s", s.Text, s.Attr["language"], tt.gw)
				}
			}
			if announced < 0 || !quoted {
				t.Errorf("German quote not announced or not in a German voice:\n%v", all)
			}
			if last := all[len(all)-1]; last.Attr["language"] != tt.gw {
				t.Errorf("last prompt %q in %s, want %s", last.Text, last.Attr["language"], tt.gw)
			}
		})
	}
}

// TestJambonzTurkishCall: on Jambonz a Turkish call's prompts are
// synthesized and recognized in Turkish, and the German quote with a German
// synthesizer.
func TestJambonzTurkishCall(t *testing.T) {
	if testing.Short() {
		t.Skip("opens the bundled knowledge base")
	}
	kb, err := knowledge.Open(context.Background(), knowledge.Config{Roots: []knowledge.Root{{Name: "musterstadt", FS: musterstadt.FS()}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { kb.Close() })
	a, err := assistant.New(assistant.Config{Retriever: kb, Logger: discard()})
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, func(c *Config) { c.Asker = a })
	c := e.jambonzCall("jz-tr")
	c.start()
	c.press("2")
	synth := map[string][]string{} // language → texts said
	recog := ""
	vs := c.say("Pasaport ne kadar tutuyor?")
	// Identical signed webhooks are answered from the replay cache, so
	// every "yes" is worded differently.
	yes := []string{"evet", "evet danke", "ja", "yes", "ja danke", "evet thanks"}
	for i := range 6 {
		more := false
		for _, v := range vs {
			if v["verb"] == "say" {
				l := v["synthesizer"].(map[string]any)["language"].(string)
				synth[l] = append(synth[l], v["text"].(string))
			}
			if v["verb"] == "gather" {
				recog = v["recognizer"].(map[string]any)["language"].(string)
				if s, ok := v["say"].(map[string]any); ok {
					l := s["synthesizer"].(map[string]any)["language"].(string)
					synth[l] = append(synth[l], s["text"].(string))
					more = more || strings.Contains(s["text"].(string), "Daha fazlasını")
				}
			}
		}
		if !more {
			break
		}
		vs = c.say(yes[i])
	}
	if recog != "tr-TR" {
		t.Errorf("recognizer %q, want tr-TR", recog)
	}
	de := strings.Join(synth["de-DE"], " ")
	if !strings.Contains(de, quoteAnnouncement) || !strings.Contains(de, "Euro") {
		t.Errorf("German synthesizer said %q", de)
	}
	if tr := strings.Join(synth["tr-TR"], " "); !strings.Contains(tr, "Ücret") || !strings.Contains(tr, "Başka bir sorunuz var mı?") {
		t.Errorf("Turkish synthesizer said %q", tr)
	}
}
