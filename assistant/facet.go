// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/musterstadt/lotse/knowledge"
)

// facetOrder lists the facets a question can ask for, in the order their
// lexicon sections are checked; the first match is the primary facet when
// knowledge.DetectFacet finds none.
var facetOrder = []knowledge.Facet{
	knowledge.FacetRechtsgrundlage,
	knowledge.FacetKosten,
	knowledge.FacetTermin,
	knowledge.FacetOnline,
	knowledge.FacetFristen,
	knowledge.FacetDauer,
	knowledge.FacetUnterlagen,
	knowledge.FacetVoraussetzungen,
	knowledge.FacetZustaendigkeit,
	knowledge.FacetAblauf,
}

// maxFacets bounds how many sections one answer quotes for a question that
// asks several things at once ("Was kostet das und was muss ich mitbringen?").
const maxFacets = 3

// detectFacets returns the facets text asks for, primary first. The primary
// facet comes from knowledge.DetectFacet, the retrieval layer's own
// detector, so that retrieval boosting and quoting agree; the lexicon adds
// further facets of multi-part questions.
func (lx *lexicon) detectFacets(text string) []knowledge.Facet {
	out := lx.detectFacetsOnce(text)
	if len(out) >= maxFacets || !strings.Contains(text, "und") {
		return out
	}
	ws := lx.words(text)
	for i := 0; i+2 < len(ws); i++ {
		if !questionWord(ws[i]) || ws[i+1] != "und" {
			continue
		}
		// "Wann und auf welchem Weg erfahren wir, ob …", "wann und wo
		// kann ich ihn abholen": the first question word asks of the
		// verb that follows the second one's phrase. The phrase is one
		// to maxCoordinatedWords words long.
		for k := 1; k <= maxCoordinatedWords && i+2+k < len(ws); k++ {
			alt := strings.Join(slices.Concat(ws[:i+1], ws[i+2+k:]), " ")
			for _, f := range lx.detectFacetsOnce(alt) {
				if len(out) < maxFacets && !containsFacet(out, f) {
					out = append(out, f)
				}
			}
		}
	}
	return out
}

// maxCoordinatedWords is the longest phrase of a second question word
// ("auf welchem Weg") that detectFacets looks past.
const maxCoordinatedWords = 3

// detectFacetsOnce is detectFacets for the words as they stand.
func (lx *lexicon) detectFacetsOnce(text string) []knowledge.Facet {
	if t, ok := withoutRelativeWo(lx, text); ok {
		// "eine Mail, wo ich mein Passwort eingeben soll" asks no where.
		text = t
	}
	ws := lx.words(text)
	// "der gilt als Listenhund" says what something counts as, not how
	// long it is valid.
	for _, sp := range lx.spans("counts_as", ws) {
		ws = slices.Concat(ws[:sp[0]], ws[sp[1]:])
		break
	}
	if own := lx.spans("own_matter", ws); len(own) > 0 {
		// "meine neue Adresse auf den Ausweis": the asker's address is
		// the matter, no question where an office is.
		ws = withoutSpans(ws, own)
		text = strings.Join(ws, " ")
	}
	ws = withoutCallPreamble(ws)
	ws, howItRuns := lx.withoutHowItRuns(ws)
	if howItRuns {
		text = strings.Join(ws, " ")
	}
	if lx.match("permission", ws) && !lx.match("obligation", ws) && (slices.Contains(ws, "mitnehmen") || slices.Contains(ws, "mitbringen")) {
		// "Darf ich meinen Hund mitnehmen?" asks whether it is allowed,
		// not what to bring.
		ws = slices.DeleteFunc(slices.Clone(ws), func(w string) bool { return w == "mitnehmen" || w == "mitbringen" })
		text = strings.Join(ws, " ")
	}
	var out []knowledge.Facet
	if f := knowledge.DetectFacet(text); f != knowledge.FacetNone && f != knowledge.FacetOverview && f != knowledge.FacetFAQ {
		out = append(out, f)
	}
	spans := make(map[knowledge.Facet][][2]int, len(facetOrder))
	lx.facetSpans(ws, func(fi int, sp [2]int) {
		f := facetOrder[fi]
		spans[f] = append(spans[f], sp)
	})
	out = slices.DeleteFunc(out, func(f knowledge.Facet) bool { return subsumed(spans, f) })
	for _, f := range facetOrder {
		if len(out) >= maxFacets {
			break
		}
		if spans[f] == nil || containsFacet(out, f) || subsumed(spans, f) {
			continue
		}
		out = append(out, f)
	}
	if containsFacet(out, knowledge.FacetDauer) && !lx.match("validity", ws) && lx.match("length", ws) {
		// "How long does a new password have to be?" asks for a
		// requirement of the thing, not how long something takes.
		for i, f := range out {
			if f == knowledge.FacetDauer {
				out[i] = knowledge.FacetVoraussetzungen
			}
		}
		out = slices.Compact(out)
	}
	if containsFacet(out, knowledge.FacetKosten) && lx.match("size_limit", ws) && !lx.match("cost_word", ws) {
		// "Wie hoch darf der Grabstein sein?" asks for a limit the rules
		// set, not what it costs.
		for i, f := range out {
			if f == knowledge.FacetKosten {
				out[i] = knowledge.FacetVoraussetzungen
			}
		}
		out = slices.Compact(out)
	}
	if containsFacet(out, knowledge.FacetDauer) && lx.match("validity", ws) {
		// "Wie lange ist der Pass gültig?" asks how long it is valid, not
		// how long it takes.
		var keep []knowledge.Facet
		for _, f := range out {
			if f != knowledge.FacetDauer {
				keep = append(keep, f)
			}
		}
		if !containsFacet(keep, knowledge.FacetFristen) {
			keep = append([]knowledge.Facet{knowledge.FacetFristen}, keep...)
		}
		out = keep
	}
	if containsFacet(out, knowledge.FacetFristen) && lx.match("clock_time", ws) {
		// "bis wann abends", "bis wie viel Uhr": a time of day, when a
		// place is open or something allowed, not a deadline.
		out = slices.DeleteFunc(out, func(f knowledge.Facet) bool { return f == knowledge.FacetFristen })
		if !containsFacet(out, knowledge.FacetZustaendigkeit) {
			out = append(out, knowledge.FacetZustaendigkeit)
		}
	}
	if containsFacet(out, knowledge.FacetUnterlagen) && lx.match("permission", ws) && !lx.match("ask_documents", ws) {
		// "Darf ich auf dem Foto mein Kopftuch anbehalten?" asks whether
		// it is allowed; the photo is the matter, not what to bring.
		out = slices.DeleteFunc(out, func(f knowledge.Facet) bool { return f == knowledge.FacetUnterlagen })
		if !containsFacet(out, knowledge.FacetVoraussetzungen) {
			out = append(out, knowledge.FacetVoraussetzungen)
		}
	}
	if containsFacet(out, knowledge.FacetUnterlagen) && lx.match("documents_requested", ws) && !lx.match("bring_documents", ws) {
		// "Kann ich die Unterlagen zum Wählen per Post schon bei Ihnen
		// anfordern?": the papers are what is asked for, not what to
		// bring.
		out = slices.DeleteFunc(out, func(f knowledge.Facet) bool { return f == knowledge.FacetUnterlagen })
	}
	if howItRuns && !containsFacet(out, knowledge.FacetAblauf) {
		out = append([]knowledge.Facet{knowledge.FacetAblauf}, out...)
	}
	if lx.match("still_pay", ws) {
		// "muss ich noch zahlen" asks when the duty ends.
		out = slices.DeleteFunc(out, func(f knowledge.Facet) bool { return f == knowledge.FacetKosten })
	}
	if lx.match("opening", ws) {
		// "Bis wann hat das Bürgerbüro am Donnerstag offen?" asks the
		// opening hours, not a deadline.
		out = slices.DeleteFunc(out, func(f knowledge.Facet) bool { return f == knowledge.FacetFristen || f == knowledge.FacetZustaendigkeit })
		out = append([]knowledge.Facet{knowledge.FacetZustaendigkeit}, out...)
	}
	return out
}

// subsumed reports whether every cue of facet f lies inside a longer cue
// of another facet: "how long do I have" asks for the deadline, and the
// "how long" in it for no processing time.
func subsumed(spans map[knowledge.Facet][][2]int, f knowledge.Facet) bool {
	own := spans[f]
	if len(own) == 0 {
		return false
	}
	for _, sp := range own {
		inside := false
		for g, others := range spans {
			if g == f {
				continue
			}
			for _, o := range others {
				if o[0] <= sp[0] && sp[1] <= o[1] && o[1]-o[0] > sp[1]-sp[0] {
					inside = true
				}
			}
		}
		if !inside {
			return false
		}
	}
	return true
}

// askingPart returns the sentences of text that ask, when it also has
// sentences that state: in "Mein Reisepass läuft bald ab. Was brauche ich,
// um ihn zu erneuern?" the first sentence is the asker's situation, not a
// question about the validity. Text without a question mark is returned
// whole (people often write none).
func askingPart(text string) string {
	if !strings.Contains(text, "?") {
		return askingClause(text)
	}
	var ask []string
	start := 0
	for i, r := range text {
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		if r == '.' && (i+1 < len(text) && text[i+1] != ' ' && text[i+1] != '\n' || abbreviation(text[start:i])) {
			continue // "z.B. der", "1.5", "ca. 3"
		}
		if r == '?' {
			ask = append(ask, strings.TrimSpace(text[start:i+1]))
		}
		start = i + 1
	}
	if len(ask) == 0 {
		return text
	}
	// A last question written without its mark ("…, geht Lastschrift?
	// und was passiert, wenn man nicht zahlt") asks too.
	if tail := strings.TrimSpace(text[start:]); tail != "" {
		if _, after, ok := strings.Cut(tail, ":"); ok && strings.Contains(strings.ToLower(tail[:len(tail)-len(after)]), "frage") {
			// "kurze Frage noch: reicht da …" asks what follows.
			tail = strings.TrimSpace(after)
		}
		ws := strings.Fields(strings.ToLower(tail))
		if len(ws) > 1 && (questionWord(ws[0]) || (ws[0] == "und" || ws[0] == "and" || ws[0] == "aber") && questionWord(ws[1]) || verbFirstQuestion(ws)) {
			ask = append(ask, tail)
		}
	}
	return strings.Join(ask, " ")
}

// askingClause returns text from the clause on that opens with a question
// word, when an earlier clause states the asker's situation: people often
// write no question mark ("wir ziehen am Samstag um, wie krieg ich ein
// Halteverbot"). Text without such a clause is returned whole.
func askingClause(text string) string {
	for i := 0; i < len(text); i++ {
		if text[i] != ',' && text[i] != '.' && text[i] != ';' {
			continue
		}
		rest := strings.TrimLeft(text[i+1:], " ")
		w, _, _ := strings.Cut(rest, " ")
		if questionWord(strings.ToLower(w)) && strings.Contains(rest, " ") {
			return rest
		}
	}
	return text
}

// questionWord reports whether w opens a W-question.
func questionWord(w string) bool {
	switch w {
	case "wie", "was", "wo", "wann", "warum", "wieso", "weshalb", "wer", "wen", "wem", "woher", "wohin", "welche", "welcher", "welches", "welchen",
		"how", "what", "where", "when", "why", "which", "who":
		return true
	}
	return false
}

// verbFirstQuestion reports whether the lower-case words ws open a
// yes/no question with the verb first ("reicht da die normale …", "kann
// ich …", "gibt es …"): verbs that hardly open a statement with the
// subject left out, as "hab meinen Pass verloren" does.
func verbFirstQuestion(ws []string) bool {
	if len(ws) < 3 {
		return false
	}
	switch ws[0] {
	case "kann", "kannst", "können", "könnte", "muss", "musst", "müssen", "darf", "darfst", "dürfen", "soll", "sollte", "reicht", "genügt", "gibt", "gibts", "geht", "klappt":
		return true
	case "brauch", "brauche", "brauchen":
		return ws[1] == "ich" || ws[1] == "wir" || ws[1] == "man"
	}
	return false
}

// abbreviation reports whether s ends in an abbreviation ("z. B", "ca",
// "bzw") or a single letter, so that the full stop after it ends no
// sentence.
func abbreviation(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	last := strings.ToLower(strings.Trim(f[len(f)-1], "."))
	if utf8.RuneCountInString(last) == 1 {
		return true
	}
	switch last {
	case "z.b", "bzw", "ca", "vgl", "nr", "abs", "ggf", "evtl", "etc", "usw", "inkl", "d.h", "dr", "st", "str", "art",
		"max", "min", "mind", "e.g", "i.e", "approx",
		// Chat: "eig." (eigentlich), "dt." (deutsch), "od." (oder).
		"eig", "eigtl", "bzgl", "dt", "od", "vllt", "tel", "std", "ggfs":
		return true
	}
	return false
}

func containsFacet(fs []knowledge.Facet, f knowledge.Facet) bool {
	for _, x := range fs {
		if x == f {
			return true
		}
	}
	return false
}

// withoutRelativeWo returns text without the "wo" that spoken German uses
// as a relative pronoun ("die Mail, wo ich mein Passwort eingeben soll",
// "ab September, wo die Miete gestiegen ist"), as folded words, and
// whether it found one. A "wo" asks where when it opens the sentence or
// follows a word that leads into a question ("und wo", "wissen Sie
// wo", "weiß nicht wo"), when a verb follows it ("… Ausweis wo muss
// ich hin") or when it follows a place ("das Amt, wo man …").
func withoutRelativeWo(lx *lexicon, text string) (string, bool) {
	found := false
	var out []string
	for _, sent := range strings.FieldsFunc(text, func(r rune) bool { return r == '.' || r == '?' || r == '!' }) {
		ws := lx.words(sent)
		for i, w := range ws {
			if w == "wo" && i > 0 && i+1 < len(ws) && !woAsks[ws[i-1]] && relativeSubject(ws[i+1]) {
				found = true
				continue
			}
			out = append(out, w)
		}
	}
	if !found {
		return text, false
	}
	return strings.Join(out, " "), true
}

// woAsks are the words after which "wo" asks: words that lead into a
// question, verbs of knowing and telling, and places.
var woAsks = map[string]bool{
	"und": true, "oder": true, "aber": true, "also": true, "dann": true, "aeh": true, "aehm": true, "hm": true,
	"bitte": true, "hallo": true, "hi": true, "moin": true, "ja": true, "ok": true, "okay": true, "so": true,
	"nun": true, "jetzt": true, "noch": true, "denn": true, "eigentlich": true, "genau": true, "ueberhaupt": true,
	"weiss": true, "weisst": true, "wisst": true, "wissen": true, "sagen": true, "sag": true, "sagt": true,
	"frage": true, "fragen": true, "fragt": true, "erklaeren": true, "zeigen": true, "nicht": true, "mir": true,
	"uns": true, "jemand": true, "finde": true, "finden": true, "herausfinden": true, "nachschauen": true,
	"amt": true, "stelle": true, "buero": true, "ort": true, "schalter": true, "behoerde": true, "rathaus": true,
	"gebaeude": true, "raum": true, "zimmer": true, "adresse": true, "hin": true,
}

// relativeSubject reports whether w opens the subject of a clause whose
// verb stands at its end: a pronoun, an article or a possessive.
func relativeSubject(w string) bool {
	switch w {
	case "ich", "du", "er", "sie", "es", "wir", "ihr", "man", "der", "die", "das", "den", "dem", "des",
		"ein", "eine", "einen", "einem", "einer", "jemand":
		return true
	}
	for _, p := range []string{"mein", "dein", "sein", "ihr", "unser", "euer", "kein"} {
		if strings.HasPrefix(w, p) && len(w) <= len(p)+2 {
			return true
		}
	}
	return false
}

// withoutSpans returns ws without the words the spans cover (spans may
// overlap and come in any order).
func withoutSpans(ws []string, spans [][2]int) []string {
	drop := make([]bool, len(ws))
	for _, sp := range spans {
		for i := sp[0]; i < sp[1]; i++ {
			drop[i] = true
		}
	}
	out := make([]string, 0, len(ws))
	for i, w := range ws {
		if !drop[i] {
			out = append(out, w)
		}
	}
	return out
}

// withoutStatedAmounts returns ws without the currency word of an amount
// the text states ("5 Euro", "zwanzig Euro"), or ws itself when it states
// none.
func withoutStatedAmounts(ws []string) []string {
	var out []string
	for i, w := range ws {
		if (w == "euro" || w == "eur") && i > 0 && (isDigits(ws[i-1]) || numberWord(ws[i-1])) {
			if out == nil {
				out = slices.Clone(ws[:i])
			}
			continue
		}
		if out != nil {
			out = append(out, w)
		}
	}
	if out == nil {
		return ws
	}
	return out
}

// withoutCallPreamble removes the opening of a phone call ("ich rufe an
// wegen …", "ich ruf an weil …"): it says how the asker reaches us, not
// that they ask how to reach us.
func withoutCallPreamble(ws []string) []string {
	for i := 0; i+2 < len(ws); i++ {
		if strings.HasPrefix(ws[i], "ruf") && ws[i+1] == "an" {
			switch ws[i+2] {
			case "wegen", "weil", "bezueglich", "da", "aus", "fuer", "im", "und":
				return slices.Concat(ws[:i], ws[i+2:])
			}
		}
	}
	return ws
}

// questionSentences returns the sentences of text that ask (ending in a
// question mark, or opening with a question word or a verb that asks
// first) when text also tells something in sentences that do not, and
// the asking sentences name a facet or a matter themselves; otherwise
// text.
func (lx *lexicon) questionSentences(text string) string {
	if !strings.ContainsAny(text, ".?!;\n") {
		return text
	}
	sents := messageSentences(text)
	if len(sents) < 2 {
		// One sentence asks or tells; the other list stays empty.
		return text
	}
	var asking, telling []string
	for _, sent := range sents {
		ws := lx.words(sent)
		if len(ws) == 0 {
			continue
		}
		if lx.asks(sent, ws) {
			asking = append(asking, sent)
		} else {
			telling = append(telling, sent)
		}
	}
	if len(asking) == 0 || len(telling) == 0 {
		return text
	}
	q := strings.Join(asking, " ")
	if qw := lx.words(q); len(lx.detectFacets(q)) == 0 && lx.matterWords(qw) < minAskedMatter {
		// "Könnt ihr mir da helfen?" leaves the matter to the story.
		return text
	}
	return q
}

// yesNoParts returns the parts of text that ask a question of their own
// without naming a facet, when another part asks a facet: "kann ich mich
// auch schriftlich abmelden, wenn wir schon weg sind?" next to "und wie
// lange hab ich nach dem Auszug Zeit dafür". The facet's section answers
// the second; only a sentence about the first's own words answers it. A
// sentence is cut into parts where a comma and "und" or "oder" open a
// clause that asks again ("Kann ich vorher direkt im Amt wählen, und wo
// ist das?"). Nil when no part asks a facet or every asking part does.
//
// read is a text whose facets the caller has read already (detectFacets
// and wantedValues), and readAsks whether it asks one: a part equal to it
// (a message of one question) is not read again.
func (lx *lexicon) yesNoParts(text, read string, readAsks bool) []string {
	var plain []string
	faceted := false
	asking := 0
sentences:
	for _, sent := range messageSentences(text) {
		for _, part := range clauseQuestions(lx, sent) {
			ws := lx.words(part)
			if len(ws) == 0 || !lx.asks(part, ws) {
				continue
			}
			if asking++; asking > maxAskingParts {
				// (A flood of questions is read no further.)
				break sentences
			}
			if part == read && readAsks || part != read && lx.asksFacetOrValue(part) {
				faceted = true
				continue
			}
			plain = append(plain, part)
		}
	}
	if !faceted {
		return nil
	}
	return plain
}

// maxAskingParts bounds the asking parts of one message yesNoParts reads.
const maxAskingParts = 8

// asksFacetOrValue reports whether text asks a facet or a kind of value.
func (lx *lexicon) asksFacetOrValue(text string) bool {
	return len(lx.detectFacets(text)) > 0 || lx.wantedValues(text) != 0
}

// clauseQuestions cuts sent where a comma is followed by "und" or "oder"
// and a clause that asks on its own; otherwise it returns sent whole.
func clauseQuestions(lx *lexicon, sent string) []string {
	var out []string
	rest := sent
	for {
		i := strings.Index(rest, ",")
		cut := false
		for i >= 0 {
			after := strings.TrimSpace(rest[i+1:])
			ws := lx.words(after)
			if len(ws) > 1 && (ws[0] == "und" || ws[0] == "oder") && lx.asks(after, ws) {
				cut = true
				break
			}
			j := strings.Index(rest[i+1:], ",")
			if j < 0 {
				i = -1
				break
			}
			i += 1 + j
		}
		if !cut {
			return append(out, rest)
		}
		out = append(out, rest[:i])
		rest = strings.TrimSpace(rest[i+1:])
	}
}

// asks reports whether the sentence sent (words ws) asks: it ends in a
// question mark or opens, after fillers, with a question word or a verb
// that asks first ("muss die dafür ein Gewerbe anmelden").
func (lx *lexicon) asks(sent string, ws []string) bool {
	if strings.HasSuffix(strings.TrimSpace(sent), "?") {
		return true
	}
	for _, w := range ws {
		if sentenceOpeners[w] || lx.has("smalltalk_filler", w) {
			continue
		}
		if conditionOpeners[w] {
			// "wenn ich die im Bürgerbüro machen lass, dauert das dann
			// Tage": the clause after the condition asks or tells.
			if _, main, ok := strings.Cut(sent, ","); ok {
				return lx.asks(main, words(main))
			}
			return false
		}
		return questionWord(w) || lx.has("asking_first", w)
	}
	return false
}

// conditionOpeners open a clause of condition or time that comes before
// the main clause ("wenn ich …, dauert das …").
var conditionOpeners = map[string]bool{"wenn": true, "falls": true, "sobald": true, "sofern": true, "nachdem": true, "bevor": true}

// sentenceOpeners may come before the word that opens a question.
var sentenceOpeners = map[string]bool{"und": true, "aber": true, "also": true, "oder": true, "nur": true, "jetzt": true, "dann": true}

// minAskedMatter is how many words of a matter an asking sentence must
// hold, when it names no facet, to be read without the story around it.
const minAskedMatter = 2

// matterWords counts the words of ws that say what a message is about:
// four letters or more, and no stop word, filler or question word.
func (lx *lexicon) matterWords(ws []string) int {
	n := 0
	for _, w := range ws {
		if len(w) >= 4 && !lx.has("stop_de", w) && !lx.has("noise", w) && !lx.has("smalltalk_filler", w) && !lx.has("asking", w) && !lx.has("asking_first", w) {
			n++
		}
	}
	return n
}

// messageSentences splits a message after its sentence ends (".", "?",
// "!", ";" or a line break; a full stop only before a space or the end,
// so that "1.800" and "z.B." stay whole). Unlike splitSentences, for the
// sources' prose, it does not wait for a capital: chat is lower case.
func messageSentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '.' && i+1 < len(text) && text[i+1] == ' ' && (abbreviation(text[start:i+1]) || ordinalBefore(text[start:i], text[i+2:])) {
			// "Hab keinen dt. Perso", "im 3. OG": no sentence ends.
			continue
		}
		if c == '?' || c == '!' || c == ';' || c == '\n' || c == '.' && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n') {
			if s := strings.TrimSpace(text[start : i+1]); s != "" {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// afterNumberOpeners are words a new sentence of a message opens with after
// a number ("Ich bin 17. Was brauche ich?"); after a number and another
// word the number is an ordinal ("im 3. OG", "am 17. März").
var afterNumberOpeners = map[string]bool{
	"ich": true, "wir": true, "du": true, "sie": true, "er": true, "es": true, "das": true, "die": true, "der": true, "man": true,
	"was": true, "wie": true, "wo": true, "wann": true, "warum": true, "wer": true, "welche": true, "welcher": true, "welches": true,
	"kann": true, "muss": true, "soll": true, "darf": true, "ist": true, "sind": true, "hab": true, "habe": true, "haben": true,
	"geht": true, "gibt": true, "bitte": true, "danke": true, "und": true, "aber": true, "also": true, "ja": true, "nein": true,
	"mein": true, "meine": true, "unser": true, "unsere": true, "brauche": true, "brauch": true, "lg": true,
}

// ordinalBefore reports whether the text before a stop ends in a number of
// one or two digits that the word after it shows to be an ordinal.
func ordinalBefore(before, after string) bool {
	f := strings.Fields(before)
	if len(f) == 0 || len(f[len(f)-1]) > 2 || !isDigits(f[len(f)-1]) {
		return false
	}
	next := strings.Fields(after)
	if len(next) == 0 {
		return false
	}
	ws := words(next[0])
	return len(ws) == 1 && !afterNumberOpeners[ws[0]] && !isDigits(ws[0])
}
