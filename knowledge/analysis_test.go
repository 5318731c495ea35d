// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"context"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/musterstadt/lotse/knowledge/german"
)

func TestAnalyze(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Gebühren", analyze("Gebuehren")},
		{"GEBÜHREN", analyze("gebühren")},
		{"Straße", []string{"strass"}},
		{"Was kostet der Reisepass?", []string{"kostet", "reisepass"}},
		{"Kfz-Zulassung", []string{"kfz", "zulass"}},
		{"Fahrzeug zulassen", []string{"fahrzeug", "zulass"}},
		{"the passport of my child", []string{"passport", "child"}},
		{"§ 5 Abs. 2", []string{"abs"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, analyze(tt.in)); diff != "" {
			t.Errorf("analyze(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func testVocab(words ...string) *vocab {
	v := &vocab{df: map[string]int{}}
	for _, w := range words {
		for _, t := range analyze(w) {
			v.df[t]++
		}
	}
	return v
}

func TestDecompound(t *testing.T) {
	v := testVocab("Personalausweis", "Verlust", "Zulassung", "Stelle", "Kfz", "Hund", "Steuer", "Reise", "Pass", "Antrag")
	st := newStemmer()
	tests := []struct {
		word string
		want []string
	}{
		{"personalausweisverlust", []string{"personalausweis", "verlust"}},
		{"kfzzulassungsstelle", []string{"kfz", "zulass", "stell"}},
		{"hundesteuer", []string{"hund", "steu"}},
		{"reisepassantrag", []string{"reisepass", "antrag"}}, // head splits again only when unknown
		{"verlust", nil},
		{"unbekanntwort", nil},
	}
	v.df["reisepass"] = 1
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, v.decompound(tt.word, st)); diff != "" {
			t.Errorf("decompound(%q) (-want +got):\n%s", tt.word, diff)
		}
	}
}

func TestCorrect(t *testing.T) {
	v := testVocab("Reisepass", "Personalausweis", "Hundesteuer", "Fahrerlaubnis", "Kosten")
	v.df["reisepass"] = 5
	tests := map[string]string{
		"reisepas":        "reisepass", // deletion
		"reisepasss":      "reisepass", // insertion
		"reisepss":        "reisepass",
		"persnalausweis":  "personalausweis",
		"personalasuweis": "personalausweis", // transposition
		"hundesteur":      german.Stem("hundesteuer"),
		"reisepass":       "", // known: nothing to correct
		"kost":            "", // too short
		"xylophonbau":     "",
	}
	for in, want := range tests {
		if got := v.correct(in); got != want {
			t.Errorf("correct(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEditDistance1(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"fuehrerschein", "fuerschein", false},
		{"fuehrerschein", "fuehrerschien", true},
		{"fuehrerschein", "fuhrerschein", true},
		{"abc", "abc", false},
		{"abc", "abcd", true},
		{"abc", "xbc", true},
		{"abc", "bca", false},
	}
	for _, tt := range tests {
		if got := editDistance1(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance1(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestRulesMatchWholeWords(t *testing.T) {
	ix := &index{vocab: vocab{df: map[string]int{"personalausweis": 1, "perso": 1, "reisepass": 1}}, rules: newRuleSet(nil)}
	terms, _ := ix.queryTerms("Perso")
	if terms["personalausweis"] == 0 {
		t.Errorf("Perso did not expand to Personalausweis: %v", terms)
	}
	terms, _ = ix.queryTerms("persönlich")
	if terms["personalausweis"] != 0 {
		t.Errorf("persönlich expanded to Personalausweis: %v", terms)
	}
	terms, _ = ix.queryTerms("passport")
	if terms["reisepass"] == 0 {
		t.Errorf("passport not translated: %v", terms)
	}
}

func TestOfflineEmbedder(t *testing.T) {
	ctx := context.Background()
	e := NewOfflineEmbedder(128)
	a, err := e(ctx, "Verlust des Personalausweises")
	if err != nil {
		t.Fatal(err)
	}
	a2, _ := e(ctx, "Verlust des Personalausweises")
	if diff := cmp.Diff(a, a2); diff != "" {
		t.Errorf("not deterministic:\n%s", diff)
	}
	if len(a) != 128 {
		t.Errorf("dimension %d, want 128", len(a))
	}
	if n := dot(a, a); n < 0.999 || n > 1.001 {
		t.Errorf("norm² = %v, want 1", n)
	}
	b, _ := e(ctx, "Personalausweisverlust")
	c, _ := e(ctx, "Hundesteuer bezahlen")
	if dot(a, b) <= dot(a, c) {
		t.Errorf("compound less similar (%v) than unrelated text (%v)", dot(a, b), dot(a, c))
	}
	empty, _ := e(ctx, "")
	if dot(empty, empty) < 0.999 {
		t.Errorf("empty text gave a zero vector")
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := e(cancelled, "x"); err == nil {
		t.Error("embedder ignored a cancelled context")
	}
}

func TestCompoundWithRulePart(t *testing.T) {
	// The index knows "kita" and "platz" but not "kindergarten"; a rule
	// maps Kindergarten to Kita.
	ix := &index{
		vocab: vocab{df: map[string]int{"kita": 3, "platz": 5}},
		rules: newRuleSet([][]string{{"Kita", "Kindergarten"}}),
	}
	terms, _ := ix.queryTerms("Kindergartenplatz")
	if terms["kita"] == 0 || terms["platz"] == 0 {
		t.Errorf("Kindergartenplatz gave %v, want kita and platz", terms)
	}
}

// A compound that is itself a rule's key, none of whose synonyms the index
// has, is still split into the parts the index knows: the town's synonyms
// name "Glascontainer" and "Altglas", its sources only "Glas" and
// "Containern".
func TestRuleKeyCompoundStillSplits(t *testing.T) {
	ix := &index{
		vocab: vocab{df: map[string]int{"glas": 3, "contain": 5}},
		rules: newRuleSet([][]string{{"Glascontainer", "Altglas", "Flaschencontainer"}}),
	}
	terms, _ := ix.queryTerms("Glascontainer")
	if terms["glas"] == 0 || terms["contain"] == 0 {
		t.Errorf("Glascontainer gave %v, want glas and contain", terms)
	}
}

// A compound the index lacks whose last part a rule replaces meets the
// compound the sources write: "Dienstwagen" the "Dienstfahrzeuge".
func TestCompoundWithRuleHead(t *testing.T) {
	ix := &index{
		vocab: vocab{df: map[string]int{"dienstfahrzeug": 3, "buch": 5}},
		rules: newRuleSet([][]string{{"Fahrzeug", "Wagen"}}),
	}
	if terms, _ := ix.queryTerms("wie buche ich einen dienstwagen"); terms["dienstfahrzeug"] == 0 {
		t.Errorf("dienstwagen gave %v, want dienstfahrzeug", terms)
	}
}

// Word forms the stemmer leaves apart meet the form the index knows: a
// participle its verb, a zu-infinitive its infinitive, an abbreviation's
// plural its singular.
func TestQueryWordFormsMeetTheIndex(t *testing.T) {
	ix := &index{vocab: vocab{df: map[string]int{"abmeld": 3, "pdf": 2, "anmeld": 4}}, rules: newRuleSet(nil)}
	for q, want := range map[string]string{"abgemeldet": "abmeld", "abzumelden": "abmeld", "PDFs": "pdf", "angemeldet": "anmeld"} {
		if terms, _ := ix.queryTerms(q); terms[want] == 0 {
			t.Errorf("queryTerms(%q) = %v, want %q", q, terms, want)
		}
	}
}

// TestGermanWordsMeetEnglishArticles: a German question finds an IT
// article written in English by the English words for what it asks
// (germanGlossary); an index without those words searches as before, and
// the translations never reach the dense query.
func TestGermanWordsMeetEnglishArticles(t *testing.T) {
	st := newStemmer()
	en := &index{vocab: vocab{df: map[string]int{st.stem("deleted"): 1, st.stem("files"): 1, st.stem("restore"): 1, st.stem("key"): 1}}, rules: newRuleSet(nil)}
	terms, extra := en.queryTerms("gelöschte Dateien wiederherstellen, mein Schlüssel")
	for _, w := range []string{"deleted", "files", "restore", "key"} {
		if terms[st.stem(w)] == 0 {
			t.Errorf("%q not among the terms: %v", w, terms)
		}
	}
	if slices.ContainsFunc(extra, func(w string) bool { return w == "files" || w == "key" }) {
		t.Errorf("a translation joined the dense query: %v", extra)
	}
	de := &index{vocab: vocab{df: map[string]int{st.stem("dateien"): 1, st.stem("schluessel"): 1}}, rules: newRuleSet(nil)}
	terms, _ = de.queryTerms("gelöschte Dateien wiederherstellen, mein Schlüssel")
	for _, w := range []string{"files", "restore", "key", "deleted"} {
		if terms[st.stem(w)] != 0 {
			t.Errorf("%q searched in an index without it: %v", w, terms)
		}
	}
}

// TestGermanQuestionFindsEnglishArticle: over a root of English articles,
// the German question finds the article that answers it first.
func TestGermanQuestionFindsEnglishArticle(t *testing.T) {
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("defaults: {audience: employee, lang: en, kind: article}\n")},
		"restore.md":     {Data: []byte("# Restoring deleted files\n\nDeleted files stay in the snapshot directory for seven days. Copy them back from there to restore them.\n")},
		"password.md":    {Data: []byte("# Changing your password\n\nA new password needs at least twelve characters. Change it in the self-service portal.\n")},
		"members.md":     {Data: []byte("# Adding members to a project\n\nThe project manager invites new members by their email address.\n")},
		"quota.md":       {Data: []byte("# Disk quota exceeded\n\nWhen the home directory is full, remove old data or ask for more storage.\n")},
	}
	kb := mustOpen(t, Config{Roots: []Root{{Name: "t", FS: root}}})
	for q, want := range map[string]string{
		"wie kann ich gelöschte dateien wiederherstellen":        "restore",
		"mein home verzeichnis ist voll, speicherplatz zu wenig": "quota",
		"wie füge ich kollegen zu meinem projekt hinzu":          "members",
	} {
		ps, err := kb.Search(context.Background(), Query{Text: q, Audience: Employee, Lang: "de"})
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) == 0 || ps[0].DocID != want {
			var got []string
			for _, p := range ps {
				got = append(got, p.DocID)
			}
			t.Errorf("%q found %v, want %s first", q, got, want)
		}
	}
}

// TestLongCompoundRetyped: a long compound a letter off a word of the
// index is that word, though it splits into known parts ("Rundfunkbetrag"
// is the Rundfunkbeitrag); its parts still count.
func TestLongCompoundRetyped(t *testing.T) {
	st := newStemmer()
	ix := &index{vocab: vocab{df: map[string]int{st.stem("rundfunkbeitrag"): 3, st.stem("rundfunk"): 5, st.stem("betrag"): 9}}, rules: newRuleSet(nil)}
	terms, _ := ix.queryTerms("Rundfunkbetrag anmelden")
	if terms[st.stem("rundfunkbeitrag")] == 0 || terms[st.stem("betrag")] == 0 {
		t.Errorf("terms = %v; want rundfunkbeitrag and the parts", terms)
	}
	// A short compound of known parts stays those parts.
	ix = &index{vocab: vocab{df: map[string]int{st.stem("hundekot"): 3, st.stem("hund"): 5, st.stem("bot"): 9}}, rules: newRuleSet(nil)}
	terms, _ = ix.queryTerms("Hundebot")
	if terms[st.stem("hundekot")] != 0 {
		t.Errorf("terms = %v; a short compound was retyped", terms)
	}
}

// TestEnglishMoveIsTheSituation: "moved" is the asker's situation, not the
// registration it may lead to: the glossary gives "Umzug" alone, so "I
// moved from San Diego … swap my licence" searches the licence, not the
// registration of an address the question never asks about.
func TestEnglishMoveIsTheSituation(t *testing.T) {
	st := newStemmer()
	ix := &index{vocab: vocab{df: map[string]int{st.stem("umzug"): 1, st.stem("wohnsitz"): 1, st.stem("anmelden"): 1}}, rules: newRuleSet(nil)}
	terms, _ := ix.queryTerms("I moved from San Diego last month")
	if terms[st.stem("umzug")] == 0 {
		t.Errorf("Umzug not among the terms: %v", terms)
	}
	for _, w := range []string{"wohnsitz", "anmelden"} {
		if terms[st.stem(w)] != 0 {
			t.Errorf("%q among the terms of a move: %v", w, terms)
		}
	}
}

// A prefix completes to the most frequent longer stem that starts with
// it, never to itself or to a stem that does not start with it.
func TestVocabComplete(t *testing.T) {
	v := &vocab{df: map[string]int{"unter": 20, "unterlag": 5, "unterlass": 9, "untergang": 30, "anmeld": 4}}
	for p, want := range map[string]string{"unterl": "unterlass", "unter": "untergang", "anm": "anmeld", "anmeld": "", "zzz": "", "unterlag": ""} {
		if got := v.complete(p); got != want {
			t.Errorf("complete(%q) = %q, want %q", p, got, want)
		}
	}
}
