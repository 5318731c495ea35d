// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Cutting a model's stream into sentences, and the stream that passes on
// only verified sentences.

// abbreviations end with a dot that does not end a sentence (folded,
// without the dot).
var abbreviations = map[string]bool{
	"z": true, "b": true, "ca": true, "nr": true, "str": true, "bzw": true, "usw": true, "vgl": true,
	"ggf": true, "evtl": true, "inkl": true, "zzgl": true, "u": true, "a": true, "d": true, "h": true,
	"etc": true, "e": true, "g": true, "i": true, "dr": true, "st": true, "abs": true, "art": true,
	"tel": true, "mo": true, "di": true, "mi": true, "do": true, "fr": true, "sa": true, "so": true,
	"max": true, "min": true, "mind": true, "gem": true, "bspw": true, "sog": true, "vs": true, "jan": true,
	"feb": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "okt": true,
	"nov": true, "dez": true, "co": true, "kfz": true, "hr": true, "fa": true, "s": true, "ff": true,
}

// sentenceEnd returns the end of the first sentence of buf: after its
// terminal punctuation and any citation markers that follow it, or at a
// line break. Without final, a sentence whose end cannot be told yet (the
// next word has not arrived) is not complete.
func sentenceEnd(buf string, final bool) (int, bool) {
	for i := 0; i < len(buf); i++ {
		c := buf[i]
		if c == '\n' {
			if strings.TrimSpace(buf[:i]) == "" {
				continue // leading blank lines belong to the sentence
			}
			return i, true
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(buf) {
			r, size := utf8.DecodeRuneInString(buf[j:])
			if !strings.ContainsRune(")\"'»”“’…", r) {
				break
			}
			j += size
		}
		// Citation markers after the dot belong to this sentence.
		for {
			k := j
			for k < len(buf) && buf[k] == ' ' {
				k++
			}
			if k < len(buf) && buf[k] == '[' {
				loc := citationRE.FindStringIndex(buf[k:])
				if loc == nil || loc[0] != 0 {
					if !final && !strings.Contains(buf[k:], "]") && len(buf)-k < 16 {
						return 0, false // a marker may be arriving
					}
					break
				}
				j = k + loc[1]
				continue
			}
			break
		}
		if j == len(buf) {
			if final {
				return j, true
			}
			return 0, false
		}
		if r, _ := utf8.DecodeRuneInString(buf[j:]); !unicode.IsSpace(r) {
			continue // "3.5", "www.example.de", "z.B."
		}
		// The next word decides.
		k := j
		for k < len(buf) && (buf[k] == ' ' || buf[k] == '\t') {
			k++
		}
		if k == len(buf) {
			if final {
				return j, true
			}
			return 0, false
		}
		if buf[k] == '\n' || buf[k] == '\r' {
			return j, true
		}
		if c == '.' && !dotEndsSentence(buf[:i], buf[k:]) {
			continue
		}
		return j, true
	}
	if final && strings.TrimSpace(buf) != "" {
		return len(buf), true
	}
	return 0, false
}

// dotEndsSentence decides a dot between before and next (the text after
// the spaces).
func dotEndsSentence(before, next string) bool {
	r, _ := utf8.DecodeRuneInString(next)
	if unicode.IsLower(r) || unicode.IsDigit(r) {
		return false
	}
	// The word before the dot.
	k := len(before)
	for k > 0 {
		r, size := utf8.DecodeLastRuneInString(before[:k])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		k -= size
	}
	prev := before[k:]
	if prev == "" {
		return true
	}
	if abbreviations[fold(prev)] {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(prev); unicode.IsDigit(r) {
		// "1. Ab 24 Jahren …": a list number at the start of a line.
		line := before[:k]
		if i := strings.LastIndexByte(line, '\n'); i >= 0 {
			line = line[i+1:]
		}
		if strings.TrimSpace(line) == "" && len(prev) <= 2 {
			return false
		}
		// "am 14. Juni", "3. Werktag": an ordinal before a month or a
		// noun is no sentence end; a figure at the end of a sentence is
		// rare in an answer that cites.
		nw := wordRE.FindString(next)
		if _, ok := months[fold(nw)]; ok {
			return false
		}
	}
	return true
}

// answerSentences returns the sentences of a complete text as the verifier
// cuts them: citation markers stay with their sentence, a line is a
// sentence.
func answerSentences(s string) []string {
	var out []string
	for strings.TrimSpace(s) != "" {
		end, ok := sentenceEnd(s, true)
		if !ok || end == 0 {
			end = len(s)
		}
		if t := strings.TrimSpace(s[:end]); t != "" {
			out = append(out, t)
		}
		s = s[end:]
	}
	return out
}

// --- the streamed answer ---

// maxSentenceBytes bounds a sentence of a model answer; a longer run is
// checked in pieces.
const maxSentenceBytes = 2000

// answerStream receives the model's text token by token, cuts it into
// sentences, verifies each against the passages it cites and passes on
// only verified sentences, renumbered so that [k] is the k-th source.
//
// A sentence without a marker that states something is held until a
// sentence with a marker follows and is verified against the passages
// cited so far and that sentence's; at the end of the answer against all
// cited passages.
type answerStream struct {
	v    *verifier
	emit func(string) bool // a verified piece for the channel; false: stop

	buf      string
	lead     string // whitespace before the next sentence
	held     []heldSentence
	citedAll []int // passages cited by any sentence, in order
	shown    []int // passages cited by a sentence that was passed on, in order
	ren      renumberer
	out      strings.Builder
	kept     int
	refused  []Refusal
	unknown  bool            // a sentence cited a passage that was not given
	quoted   map[string]bool // source sentences put in place of refused ones
	// replacements wait for the next verified sentence.
	replacements []heldSentence
	stopped      bool
}

type heldSentence struct{ lead, text string }

func newAnswerStream(v *verifier, emit func(string) bool) *answerStream {
	return &answerStream{v: v, emit: emit, ren: newRenumberer(v.ps)}
}

// write adds a token; it returns false once the channel stopped listening.
func (s *answerStream) write(tok string) bool {
	s.buf += tok
	for !s.stopped {
		end, ok := sentenceEnd(s.buf, false)
		if !ok && len(s.buf) > maxSentenceBytes {
			// A run-on "sentence" is checked in pieces, so that the scan
			// stays linear.
			if end = strings.LastIndexAny(s.buf, " \n"); end <= 0 {
				end = len(s.buf)
			}
			ok = true
		}
		if !ok {
			break
		}
		piece := s.buf[:end]
		s.buf = s.buf[end:]
		s.sentence(piece)
	}
	return !s.stopped
}

// close verifies the rest of the text at the end of the answer.
func (s *answerStream) close() bool {
	for !s.stopped && strings.TrimSpace(s.buf) != "" {
		end, _ := sentenceEnd(s.buf, true)
		if end == 0 {
			end = len(s.buf)
		}
		piece := s.buf[:end]
		s.buf = s.buf[end:]
		s.sentence(piece)
	}
	s.buf = ""
	if len(s.held) > 0 && !s.stopped {
		s.release(s.citedAll)
	}
	if s.replaced() == "" {
		for _, r := range s.replacements {
			if !s.stopped {
				s.send(r.lead, r.text)
			}
		}
	}
	s.replacements = nil
	return !s.stopped
}

// sentence handles one complete sentence with its leading whitespace.
func (s *answerStream) sentence(piece string) {
	text := strings.TrimSpace(piece)
	lead := s.lead + piece[:len(piece)-len(strings.TrimLeft(piece, " \t\r\n"))]
	if text == "" {
		s.lead = lead
		return
	}
	s.lead = ""
	var cites []int
	for _, m := range citationRE.FindAllStringSubmatch(text, -1) {
		for _, n := range parseCitation(m[1]) {
			if n < 1 || n > len(s.v.ps) {
				s.unknown = true
				s.refuse(Refusal{Kind: claimCitation, Claim: m[0]}, text)
				return
			}
			if !slices.Contains(cites, n-1) {
				cites = append(cites, n-1)
			}
		}
	}
	body := citationRE.ReplaceAllString(text, " ")
	if len(cites) == 0 {
		if len(s.held) == 0 && !s.v.hasClaims(body) {
			if r := s.v.check(body, nil); len(r) > 0 { // the language
				s.refuse(r[0], text)
				return
			}
			s.send(lead, text)
			return
		}
		s.held = append(s.held, heldSentence{lead, text})
		return
	}
	for _, c := range cites {
		if !slices.Contains(s.citedAll, c) {
			s.citedAll = append(s.citedAll, c)
		}
	}
	if len(s.held) > 0 {
		s.release(s.citedAll)
	}
	if rs := s.v.check(body, s.v.index(cites)); len(rs) > 0 {
		s.refuse(rs[0], text)
		s.replace(lead, body, cites, rs[0].Kind)
		return
	}
	s.keep(lead, text)
}

// replace puts the source's own sentence in place of a refused one when
// one of the cited passages has a sentence clearly about the same thing
// (see bestQuote): the citizen reads what the source says instead of a gap.
// A wrong language or citation is not replaced.
func (s *answerStream) replace(lead, body string, cites []int, kind string) {
	if kind == claimLanguage || kind == claimCitation {
		return
	}
	quote, p, ok := s.v.bestQuote(body, cites)
	if !ok || s.quoted[quote] {
		return
	}
	if s.quoted == nil {
		s.quoted = map[string]bool{}
	}
	s.quoted[quote] = true
	s.refused[len(s.refused)-1].Replacement = quote
	if !strings.ContainsAny(quote[len(quote)-1:], ".!?") {
		quote += "."
	}
	// It goes out with the next verified sentence: an answer that is
	// replaced as a whole shows none of it.
	s.replacements = append(s.replacements, heldSentence{lead, quote + " [" + strconv.Itoa(p+1) + "]"})
}

// keep passes on a verified sentence, after the replacements waiting
// before it.
func (s *answerStream) keep(lead, text string) {
	s.kept++
	for _, r := range s.replacements {
		s.send(r.lead, r.text)
	}
	s.replacements = nil
	s.send(lead, text)
}

// release verifies the held sentences against the passages at idx.
func (s *answerStream) release(idx []int) {
	held := s.held
	s.held = nil
	for _, h := range held {
		if s.stopped {
			return
		}
		body := citationRE.ReplaceAllString(h.text, " ")
		if len(idx) == 0 {
			s.refuse(Refusal{Kind: claimCitation, Claim: "[ ]"}, h.text)
			continue
		}
		if rs := s.v.check(body, s.v.index(idx)); len(rs) > 0 {
			s.refuse(rs[0], h.text)
			s.replace(h.lead, body, idx, rs[0].Kind)
			continue
		}
		s.keep(h.lead, h.text)
	}
}

func (s *answerStream) refuse(r Refusal, sentence string) {
	r.Sentence = Redact(truncateLLM(sentence, 300))
	s.refused = append(s.refused, r)
}

// send passes a verified sentence on, renumbered and without Markdown.
func (s *answerStream) send(lead, text string) {
	for _, m := range citationRE.FindAllStringSubmatch(text, -1) {
		for _, n := range parseCitation(m[1]) {
			if n >= 1 && n <= len(s.v.ps) && !slices.Contains(s.shown, n-1) {
				s.shown = append(s.shown, n-1)
			}
		}
	}
	piece := s.ren.rewrite(lead + text)
	if s.out.Len() == 0 {
		piece = strings.TrimLeft(piece, " \t\r\n")
	}
	if piece == "" {
		return
	}
	s.out.WriteString(piece)
	if !s.emit(piece) {
		s.stopped = true
	}
}

// result returns the verified text, its sources and the verification; the
// answer is to be replaced when Replaced is set.
func (s *answerStream) result() (string, []Source, Verification) {
	vr := Verification{Refused: s.refused, Replaced: s.replaced()}
	return strings.TrimSpace(s.out.String()), s.ren.sources, vr
}

// originals returns the passages that the sentences passed on cite, each
// with its source number, for the "Originaltext" of the answer. Passages
// with the same text are given once.
func (s *answerStream) originals() []Original {
	var out []Original
	seen := map[string]bool{}
	for _, i := range s.shown {
		p := s.v.ps[i]
		text := strings.TrimSpace(p.Text)
		if text == "" || seen[text] {
			continue
		}
		seen[text] = true
		n, ok := s.ren.number[i]
		if !ok {
			continue
		}
		section := p.Section
		switch {
		case section == "":
			section = p.Title
		case p.Title != "" && !strings.HasPrefix(section, p.Title):
			section = p.Title + " › " + section
		}
		out = append(out, Original{Source: n, Section: section, Text: text, Lang: p.Lang})
	}
	return out
}

// replaced returns why the whole answer is to be replaced, or "": it
// cites nothing, or no sentence checked out, or more were refused than
// kept. Source sentences put in place of refused ones do not count as
// kept.
func (s *answerStream) replaced() string {
	switch {
	case len(s.citedAll) == 0 && !s.unknown:
		return reasonNoCitation
	case s.kept == 0 || len(s.refused) > s.kept:
		if s.unknown && len(s.refused) > 0 && s.refused[0].Kind == claimCitation {
			return reasonUnknownCitation
		}
		return reasonUnsupportedFact
	}
	return ""
}
