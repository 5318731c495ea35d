package assistant

import (
	"regexp"
	"slices"
	"strings"

	"github.com/musterstadt/lotse/knowledge"
)

// checkCitations verifies an LLM answer against the passages it was given:
// it must cite at least one passage as [n], every [n] must be one of the
// passages, and every number, amount, date and time in the text (outside
// the markers) must occur in the cited passages, as must every URL and
// e-mail address. It returns the cited
// passage indexes (0-based, in order of first citation) or the reason for
// rejecting the answer.
func checkCitations(text string, ps []knowledge.Passage) (cited []int, reason string) {
	for _, m := range citationRE.FindAllStringSubmatch(text, -1) {
		for _, n := range parseCitation(m[1]) {
			if n < 1 || n > len(ps) {
				return nil, reasonUnknownCitation
			}
			if !slices.Contains(cited, n-1) {
				cited = append(cited, n-1)
			}
		}
	}
	if len(cited) == 0 {
		return nil, reasonNoCitation
	}
	have := map[string]bool{}
	for _, i := range cited {
		p := ps[i]
		for _, s := range []string{p.Title, p.Section, p.Text} {
			for _, f := range extractFacts(s, true) {
				have[f] = true
			}
		}
	}
	body := citationRE.ReplaceAllString(text, " ")
	// Links and addresses are facts too: an invented URL could send a
	// citizen to a phishing page.
	var sources strings.Builder
	for _, i := range cited {
		sources.WriteString(strings.ToLower(ps[i].URL + "\n" + ps[i].Text + "\n"))
	}
	for _, loc := range answerLinkRE.FindAllString(body, -1) {
		link := strings.ToLower(strings.TrimRight(loc, ".,;:!?)»“\"'"))
		if !strings.Contains(sources.String(), strings.TrimSuffix(link, "/")) {
			return nil, reasonUnsupportedFact
		}
	}
	body = answerLinkRE.ReplaceAllString(body, " ")
	for _, f := range extractFacts(body, false) {
		if !have[f] {
			return nil, reasonUnsupportedFact
		}
	}
	return cited, ""
}

// answerLinkRE finds URLs, bare web addresses and e-mail addresses.
var answerLinkRE = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>\[\]]+|[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+`)
