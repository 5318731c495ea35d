// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"regexp"
	"strings"
)

// Polarity of yes/no facts. A clause that speaks of one of the topics
// below (an appointment, doing it online, coming in person, a fee, a
// deadline) is affirmative or negated; negation is counted with general
// German and English negators, so that "kein Termin" and "ohne Termin" are
// negated and "nicht ohne Termin" is not. An answer clause contradicts its
// sources when the source clauses that speak of the same topics most like
// it all have the other polarity.

// topic is a bit set of the yes/no facts a clause speaks of.
type topic uint8

const (
	topicAppointment topic = 1 << iota
	topicOnline
	topicInPerson
	topicFee
	topicDeadline
)

// topicOf returns the topic a folded word speaks of and whether the word
// itself negates it ("kostenlos", "gebuehrenfrei", "free").
func topicOf(w string) (t topic, negates bool) {
	switch {
	case strings.Contains(w, "termin") || w == "appointment" || w == "appointments":
		t = topicAppointment
	case strings.Contains(w, "online") || w == "internet":
		t = topicOnline
	case strings.HasPrefix(w, "persoenlich") || w == "personally" || w == "vorsprache":
		t = topicInPerson
	case strings.Contains(w, "gebuehr") || w == "kosten" || w == "kostet" || strings.HasPrefix(w, "kostenlos") ||
		strings.HasPrefix(w, "kostenfrei") || strings.HasPrefix(w, "kostenpflicht") || strings.HasPrefix(w, "entgelt") ||
		strings.HasPrefix(w, "unentgeltlich") || w == "fee" || w == "fees" || w == "free" || w == "charge" || w == "cost" || w == "costs":
		t = topicFee
		negates = strings.HasPrefix(w, "kostenlos") || strings.Contains(w, "frei") || strings.HasPrefix(w, "unentgeltlich") || w == "free"
	case strings.Contains(w, "frist") || w == "deadline" || w == "deadlines" || w == "spaetestens":
		t = topicDeadline
		negates = strings.HasSuffix(w, "los") // fristlos
	default:
		return topicOfIntl(w)
	}
	return t, negates
}

// negators are folded words that negate a clause.
var negators = map[string]bool{
	"nicht": true, "kein": true, "keine": true, "keinen": true, "keinem": true, "keiner": true, "keines": true,
	"nie": true, "niemals": true, "nichts": true, "ohne": true, "weder": true, "nein": true,
	"unnoetig": true, "entfaellt": true, "entfallen": true, "ausgeschlossen": true, "unmoeglich": true, "nirgends": true,
	"not": true, "no": true, "never": true, "without": true, "none": true, "nothing": true, "cannot": true,
	"unnecessary": true, "impossible": true, "neither": true, "nor": true,
}

// contractions are the first halves of English "n't" forms as fold splits
// them ("don t").
var contractions = map[string]bool{
	"don": true, "doesn": true, "didn": true, "isn": true, "aren": true, "wasn": true, "weren": true,
	"can": true, "couldn": true, "won": true, "wouldn": true, "shouldn": true, "mustn": true, "needn": true,
	"haven": true, "hasn": true,
}

// predicates are folded words that state a yes/no fact without naming its
// topic; a clause made of them takes the topic of the clause before
// ("Ein Termin: nicht erforderlich").
var predicates = map[string]bool{
	"erforderlich": true, "noetig": true, "notwendig": true, "moeglich": true, "verpflichtend": true,
	"pflicht": true, "vorgeschrieben": true, "erlaubt": true, "zulaessig": true, "verfuegbar": true,
	"erreichbar": true, "geoeffnet": true, "offen": true, "reachable": true, "open": true,
	"required": true, "necessary": true, "possible": true, "needed": true, "mandatory": true, "available": true,
}

// articles may stand with a topic word in a bare mention ("Der Termin").
var articles = map[string]bool{"der": true, "die": true, "das": true, "ein": true, "eine": true, "the": true, "a": true, "an": true}

// clauseBreakRE splits a sentence into clauses at punctuation: commas
// (also the Arabic "،") and colons, but not inside figures ("70,00",
// "8:30").
var clauseBreakRE = regexp.MustCompile(`[;()–—]|[,:،](?:\s|$)|\s-\s`)

// clauseJoiners split clauses at conjunctions.
var clauseJoiners = map[string]bool{
	"und": true, "oder": true, "aber": true, "sondern": true, "jedoch": true, "doch": true, "sowie": true,
	"and": true, "or": true, "but": true, "whereas": true, "while": true,
}

// polClause is one clause with its yes/no topics.
type polClause struct {
	text   string
	topics topic
	neg    bool
	stems  map[string]bool // content words, for choosing comparable clauses
	bare   bool            // only names its topic ("Termin"), states nothing
	// decided: the clause has a negator or a predicate of its own;
	// inherited: it took its topics from the clause before.
	decided, inherited bool
	context            map[string]bool // content words of the whole sentence
}

// polarityClauses returns the clauses of s that speak of a topic. Questions
// are left out: "Kann ich den Pass per Post bekommen?" states nothing.
func polarityClauses(s string) []polClause {
	var out []polClause
	for _, sent := range answerSentences(s) {
		if strings.HasSuffix(strings.TrimSpace(citationRE.ReplaceAllString(sent, "")), "?") {
			continue
		}
		// The sentence's content words rank comparable clauses when
		// the clauses' own words do not tell them apart.
		context := map[string]bool{}
		for _, w := range words(sent) {
			if t, _ := topicOf(w); t == 0 && len(w) >= 4 && !isNegator(w) && !isPredicate(w) {
				context[stem(w)] = true
			}
		}
		var prev topic
		open := -1 // a clause of this sentence without negator or predicate yet
		first := len(out)
		for _, part := range clauseBreakRE.Split(sent, -1) {
			ws := words(part)
			start := 0
			for i := 0; i <= len(ws); i++ {
				if i < len(ws) && !clauseJoiners[ws[i]] && !clauseJoinersIntl[ws[i]] {
					continue
				}
				if yes, ok := yesNoAnswer(ws[start:i]); ok && len(out) > first {
					// "Online möglich: nein", "Randevu gerekli: evet":
					// the answer word decides the clause before.
					out[len(out)-1].neg = !yes
					out[len(out)-1].decided = true
					open = -1
					start = i + 1
					continue
				}
				c, ok := polarityOf(ws[start:i], prev)
				c.context = context
				switch {
				case ok && c.bare:
					prev = c.topics // "Termin: nicht erforderlich"
				case ok && c.inherited && open >= 0:
					// "Die Online-Terminvergabe ist am Samstag, von 6 bis
					// 14 Uhr nicht erreichbar": the predicate completes
					// the open clause.
					out[open].neg = c.neg
					out[open].text += ", " + strings.TrimSpace(part)
					open = -1
				case ok:
					c.text = strings.TrimSpace(part)
					out = append(out, c)
					prev = c.topics
					open = -1
					if !c.decided {
						open = len(out) - 1
					}
				}
				start = i + 1
			}
		}
	}
	return out
}

// yesNoAnswer reports a clause that is only a yes or a no, in any of the
// seven languages ("nein", "evet", "нет", "نعم").
func yesNoAnswer(ws []string) (yes, ok bool) {
	if len(ws) != 1 {
		return false, false
	}
	switch ws[0] {
	case "ja", "yes", "evet", "نعم", "так", "да", "tak":
		return true, true
	case "nein", "no", "hayir", "لا", "ні", "нет", "nie":
		return false, true
	}
	return false, false
}

// polarityOf reads one clause. A clause without a topic word takes prev
// when it has a negator or a predicate.
func polarityOf(ws []string, prev topic) (polClause, bool) {
	c := polClause{stems: map[string]bool{}}
	negs := 0
	pred := false
	for i, w := range ws {
		t, n := topicOf(w)
		c.topics |= t
		if n {
			negs++
		}
		switch {
		case isNegator(w):
			negs++
		case w == "t" && i > 0 && contractions[ws[i-1]]:
			negs++
		case isPredicate(w):
			pred = true
		case t == 0 && len(w) >= 4:
			c.stems[stem(w)] = true
		}
	}
	if c.topics == 0 {
		if prev == 0 || (negs == 0 && !pred) {
			return c, false
		}
		c.topics = prev
		c.inherited = true
	}
	c.neg = negs%2 == 1
	c.decided = negs > 0 || pred
	if negs == 0 && !pred {
		other := 0
		for _, w := range ws {
			if t, _ := topicOf(w); t == 0 && !articles[w] {
				other++
			}
		}
		c.bare = other == 0
	}
	return c, true
}

// contradiction returns the first clause of the answer whose polarity the
// source clauses contradict, or "".
func contradiction(answer string, src []polClause) string {
	for _, c := range polarityClauses(answer) {
		best, same, other := -1, false, false
		for _, s := range src {
			if s.topics&c.topics == 0 {
				continue
			}
			score := 0
			if s.topics == c.topics {
				score = 1000
			} else if s.topics&c.topics == c.topics {
				score = 500
			}
			for st := range c.stems {
				if s.stems[st] {
					score += 10
				}
			}
			for st := range c.context {
				if s.context[st] {
					score++
				}
			}
			if score > best {
				best, same, other = score, false, false
			}
			if score == best {
				if s.neg == c.neg {
					same = true
				} else {
					other = true
				}
			}
		}
		if other && !same {
			return c.text
		}
	}
	return ""
}
