// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"fmt"
	"strings"

	"github.com/musterstadt/lotse/knowledge"
)

// maxBriefQuoteRunes bounds the person's own words quoted in a brief.
const maxBriefQuoteRunes = 160

// brief is the readable offline summary of a handoff for the desk, in
// German (the desk's language), one fact a line: the service concerned,
// what the person wants in one sentence built from the intent and the
// facets they asked about, what Lotse already answered with its sources,
// why it was handed over, the language and the contact. entries are the
// conversation's (the current message, redacted, in current when not yet
// recorded).
func (a *Assistant) brief(entries []Entry, current string, e Escalation) string {
	var questions []string
	var facets []knowledge.Facet
	for _, en := range entries {
		if en.Role == RoleUser {
			questions = append(questions, Redact(en.Text))
		}
	}
	if current != "" {
		questions = append(questions, current)
	}
	var asked []string
	for _, q := range questions {
		sig := a.lex.signals(q)
		if sig.smalltalk != "" || sig.affirm || (sig.human && len(a.lex.terms(q).content) <= 2) {
			continue
		}
		asked = append(asked, q)
		for _, f := range a.lex.detectFacets(q) {
			if !containsFacet(facets, f) {
				facets = append(facets, f)
			}
		}
	}
	var lines []string
	service := ""
	if len(e.Sources) > 0 {
		s := e.Sources[len(e.Sources)-1]
		service = s.Title
		lines = append(lines, fmt.Sprintf("Leistung: %s (%s)", s.Title, s.ID))
	}
	lines = append(lines, "Anliegen: "+wantSentence(e.Intent, service, facets, asked))
	if len(e.Sources) > 0 {
		var titles []string
		for _, s := range e.Sources {
			t := "„" + s.Title + "“"
			if s.URL != "" {
				t += " (" + s.URL + ")"
			}
			titles = append(titles, t)
		}
		lines = append(lines, "Lotse hat bereits geantwortet mit: "+strings.Join(titles, ", "))
	} else {
		lines = append(lines, "Lotse hat noch nichts aus den Quellen beantwortet.")
	}
	if e.Reason != "" {
		lines = append(lines, "Grund der Übergabe: "+ReasonLabel(e.Reason))
	}
	lines = append(lines, "Sprache: "+languageName(e.Lang))
	switch {
	case e.Contact != "":
		lines = append(lines, "Kontakt: Rückruf erbeten, Nummer mit Einwilligung gespeichert")
	case e.Channel == "phone":
		lines = append(lines, "Kontakt: Anruf, keine Rückrufnummer gespeichert")
	case e.Channel == "web":
		lines = append(lines, "Kontakt: im Web-Chat; eine E-Mail-Adresse oder Rückrufnummer wird erfragt")
	default:
		lines = append(lines, "Kontakt: noch keiner angegeben")
	}
	return strings.Join(lines, "\n")
}

// wantSentence says in one sentence what the person wants.
func wantSentence(intent Intent, service string, facets []knowledge.Facet, asked []string) string {
	var labels []string
	for _, f := range facets {
		if l := facetLabel(f); l != "" {
			labels = append(labels, l)
		}
	}
	switch {
	case intent == IntentITIncident:
		return "Die Person meldet eine IT-Störung."
	case service != "" && len(labels) > 0:
		return fmt.Sprintf("Die Person fragt nach %s zu „%s“.", joinAnd(labels), service)
	case service != "":
		return fmt.Sprintf("Die Person hat eine Frage zu „%s“.", service)
	case len(asked) > 0:
		q := strings.Join(strings.Fields(asked[len(asked)-1]), " ")
		if r := []rune(q); len(r) > maxBriefQuoteRunes {
			q = string(r[:maxBriefQuoteRunes-1]) + "…"
		}
		return fmt.Sprintf("Die Person fragt: „%s“", q)
	}
	return summaryNoQuestion
}

func joinAnd(xs []string) string {
	if len(xs) <= 1 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " und " + xs[len(xs)-1]
}

// facetLabel names a facet for the desk.
func facetLabel(f knowledge.Facet) string {
	switch f {
	case knowledge.FacetKosten:
		return "den Kosten"
	case knowledge.FacetDauer:
		return "der Bearbeitungsdauer"
	case knowledge.FacetUnterlagen:
		return "den nötigen Unterlagen"
	case knowledge.FacetVoraussetzungen:
		return "den Voraussetzungen"
	case knowledge.FacetZustaendigkeit:
		return "der zuständigen Stelle"
	case knowledge.FacetTermin:
		return "einem Termin"
	case knowledge.FacetOnline:
		return "dem Online-Antrag"
	case knowledge.FacetFristen:
		return "den Fristen"
	case knowledge.FacetAblauf:
		return "dem Ablauf"
	case knowledge.FacetRechtsgrundlage:
		return "der Rechtsgrundlage"
	}
	return ""
}

// LanguageName names a language code in German ("tr" → "Türkisch") for
// the desk; an unknown code is returned as it is.
func LanguageName(lang string) string {
	switch lang {
	case "de":
		return "Deutsch"
	case "en":
		return "Englisch"
	case "tr":
		return "Türkisch"
	case "ar":
		return "Arabisch"
	case "uk":
		return "Ukrainisch"
	case "ru":
		return "Russisch"
	case "pl":
		return "Polnisch"
	case "fr":
		return "Französisch"
	case "es":
		return "Spanisch"
	case "it":
		return "Italienisch"
	case "fa":
		return "Persisch"
	}
	return lang
}

// languageName is LanguageName with "unbekannt" for no language.
func languageName(lang string) string {
	if lang == "" {
		return "unbekannt"
	}
	return LanguageName(lang)
}

// ReasonLabel says why a conversation was handed over, in German for the
// desk and an external system; an unknown reason is returned as it is.
func ReasonLabel(r string) string {
	switch r {
	case "requested":
		return "auf Wunsch der Person"
	case "low_confidence":
		return "Lotse fand keine passende Antwort"
	case "unhelpful":
		return "Antworten halfen nicht weiter"
	case "frustration":
		return "Person war unzufrieden"
	case "case_specific":
		return "Frage zum persönlichen Einzelfall"
	case "incident":
		return "IT-Störung"
	case "no_input":
		return "Person war am Telefon nicht zu verstehen"
	case "error":
		return "technischer Fehler bei Lotse"
	case "no_citation", "unknown_citation", "unsupported_fact", "prompt_leak":
		return "KI-Antwort nicht belegbar"
	}
	return r
}
