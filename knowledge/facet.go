// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/musterstadt/lotse/knowledge/german"
)

// facetLabels maps the folded (lower case, umlauts as ae/oe/ue, ß as ss)
// section names used in German service descriptions and help articles to
// their facet. A heading is recognised when it equals a label or starts with
// one followed by a word boundary ("Kosten und Gebühren").
var facetLabels = []struct {
	label string
	facet Facet
}{
	{"zustaendige stelle", FacetZustaendigkeit},
	{"zustaendige stellen", FacetZustaendigkeit},
	{"zustaendigkeit", FacetZustaendigkeit},
	{"oeffnungszeiten", FacetZustaendigkeit},
	{"ansprechpartner", FacetZustaendigkeit},
	{"ansprechpartnerin", FacetZustaendigkeit},
	{"ansprechpunkt", FacetZustaendigkeit},
	{"ansprechstelle", FacetZustaendigkeit},
	{"kontakt", FacetZustaendigkeit},
	{"adresse", FacetZustaendigkeit},
	{"anschrift", FacetZustaendigkeit},
	{"wo erhalte ich", FacetZustaendigkeit},
	{"voraussetzungen", FacetVoraussetzungen},
	{"voraussetzung", FacetVoraussetzungen},
	{"wer kann", FacetVoraussetzungen},
	{"benoetigte unterlagen", FacetUnterlagen},
	{"erforderliche unterlagen", FacetUnterlagen},
	{"notwendige unterlagen", FacetUnterlagen},
	{"unterlagen", FacetUnterlagen},
	{"benoetigte dokumente", FacetUnterlagen},
	{"erforderliche dokumente", FacetUnterlagen},
	{"dokumente", FacetUnterlagen},
	{"erforderliche nachweise", FacetUnterlagen},
	{"nachweise", FacetUnterlagen},
	{"was muss ich mitbringen", FacetUnterlagen},
	{"kosten", FacetKosten},
	{"gebuehren", FacetKosten},
	{"gebuehrenrahmen", FacetKosten},
	{"gebuehr", FacetKosten},
	{"preise", FacetKosten},
	{"was kostet", FacetKosten},
	{"bearbeitungszeit", FacetDauer},
	{"bearbeitungsdauer", FacetDauer},
	{"dauer", FacetDauer},
	{"wartezeit", FacetDauer},
	{"wie lange dauert", FacetDauer},
	{"fristen", FacetFristen},
	{"frist", FacetFristen},
	{"bis wann", FacetFristen}, // a heading asked as the question it answers: "Bis wann?"
	{"gueltigkeitsdauer", FacetFristen},
	{"gueltigkeit", FacetFristen},
	{"geltungsdauer", FacetFristen},
	{"online-dienst", FacetOnline},
	{"online-dienste", FacetOnline},
	{"onlinedienst", FacetOnline},
	{"online beantragen", FacetOnline},
	{"online-antrag", FacetOnline},
	{"onlineantrag", FacetOnline},
	{"online", FacetOnline},
	{"onlineverfahren", FacetOnline},
	{"online-verfahren", FacetOnline},
	{"online-antragstellung", FacetOnline},
	// The catalogue's "Formulare": where to get the application, on
	// paper or online.
	{"formulare", FacetOnline},
	{"formular", FacetOnline},
	{"vordrucke", FacetOnline},
	{"terminvereinbarung", FacetTermin},
	{"termin", FacetTermin},
	{"termine", FacetTermin},
	{"rechtsgrundlage", FacetRechtsgrundlage},
	{"rechtsgrundlagen", FacetRechtsgrundlage},
	{"verfahren", FacetAblauf},
	{"verfahrensablauf", FacetAblauf},
	{"ablauf", FacetAblauf},
	// Headings written as the asker's question ("Was ist zu tun?",
	// "Wer darf anliefern?", "Was brauche ich?").
	{"was ist zu tun", FacetAblauf},
	{"was muss ich tun", FacetAblauf},
	{"wie gehe ich vor", FacetAblauf},
	{"so geht es", FacetAblauf},
	{"so gehts", FacetAblauf},
	{"wer darf", FacetVoraussetzungen},
	{"wer kann", FacetVoraussetzungen},
	{"was brauche ich", FacetUnterlagen},
	{"wie hoch ist", FacetKosten},
	{"wie hoch sind", FacetKosten},
	{"schritte", FacetAblauf},
	{"so funktioniert es", FacetAblauf},
	{"vorgehen", FacetAblauf},
	{"vorgehensweise", FacetAblauf},
	{"loesung", FacetAblauf},
	// How to apply, as instructions and catalogues head it.
	{"beantragung", FacetAblauf},
	{"antragsverfahren", FacetAblauf},
	{"so beantragen sie", FacetAblauf},
	{"fragen & antworten", FacetFAQ},
	{"fragen und antworten", FacetFAQ},
	{"haeufige fragen", FacetFAQ},
	{"haeufig gestellte fragen", FacetFAQ},
	{"faq", FacetFAQ},
	// English headings of help articles and guides.
	{"contact", FacetZustaendigkeit},
	{"contact us", FacetZustaendigkeit},
	{"contacts", FacetZustaendigkeit},
	{"opening hours", FacetZustaendigkeit},
	{"office hours", FacetZustaendigkeit},
	{"address", FacetZustaendigkeit},
	{"where to go", FacetZustaendigkeit},
	{"requirements", FacetVoraussetzungen},
	{"prerequisites", FacetVoraussetzungen},
	{"eligibility", FacetVoraussetzungen},
	{"who can apply", FacetVoraussetzungen},
	{"required documents", FacetUnterlagen},
	{"documents", FacetUnterlagen},
	{"what to bring", FacetUnterlagen},
	{"costs", FacetKosten},
	{"cost", FacetKosten},
	{"fees", FacetKosten},
	{"fee", FacetKosten},
	{"prices", FacetKosten},
	{"pricing", FacetKosten},
	{"processing time", FacetDauer},
	{"duration", FacetDauer},
	{"validity", FacetFristen},
	{"deadlines", FacetFristen},
	{"deadline", FacetFristen},
	{"appointment", FacetTermin},
	{"appointments", FacetTermin},
	{"online service", FacetOnline},
	{"procedure", FacetAblauf},
	{"steps", FacetAblauf},
	{"how to apply", FacetAblauf},
	{"legal basis", FacetRechtsgrundlage},
	{"frequently asked questions", FacetFAQ},
	{"overview", FacetOverview},
	{"beschreibung", FacetOverview},
	{"leistungsbeschreibung", FacetOverview},
	{"was ist es", FacetOverview},
	{"was ist das", FacetOverview},
	{"allgemeine informationen", FacetOverview},
	{"ueberblick", FacetOverview},
	{"kurzbeschreibung", FacetOverview},
	{"kurztext", FacetOverview},
	{"volltext", FacetOverview},
	{"leistungsdetails", FacetOverview},
}

// headingFacet returns the facet a section heading path names, FacetNone if
// it names none. The innermost heading that names a facet wins, so
// "Kosten › Ermäßigung" is still about costs.
func headingFacet(heading string) Facet {
	parts := strings.Split(heading, "›")
	for i := len(parts) - 1; i >= 0; i-- {
		if f := labelFacet(parts[i]); f != FacetNone {
			return f
		}
	}
	return FacetNone
}

// FacetLabels returns the section names that label facet f in German and
// English ("Kontakt", "Öffnungszeiten", "Contact" …), folded; a search for
// them finds a document whose page is about f.
func FacetLabels(f Facet) []string {
	var out []string
	for _, l := range facetLabels {
		if l.facet == f {
			out = append(out, l.label)
		}
	}
	return out
}

// titleFacet returns the facet a document title names when it is
// nothing but the facet's name ("Kontakt", "Öffnungszeiten"); a title
// that goes on ("Kosten der Unterkunft") names a service.
func titleFacet(title string) Facet {
	h := normLabel(title)
	for _, l := range facetLabels {
		if h == l.label {
			return l.facet
		}
	}
	return FacetNone
}

// labelFacet returns the facet one heading names.
func labelFacet(heading string) Facet {
	h := normLabel(heading)
	if h == "" {
		return FacetNone
	}
	for _, l := range facetLabels {
		if h == l.label {
			return l.facet
		}
	}
	for _, l := range facetLabels {
		if strings.HasPrefix(h, l.label) {
			rest := h[len(l.label):]
			if r := []rune(rest); len(r) > 0 && !unicode.IsLetter(r[0]) && r[0] != '-' {
				return l.facet
			}
		}
	}
	// Headings written as questions or phrases ("Welche Gebühren fallen
	// an?", "Was muss ich mitbringen?", "An wen wende ich mich?"): a word
	// that names a facet decides, when exactly one facet is named.
	ws := strings.Fields(h)
	if len(ws) > maxHeadingWords {
		return FacetNone
	}
	found := FacetNone
	for _, w := range ws {
		// "Örtliche Zuständigkeit; Tätigwerden bei …": a word's
		// punctuation is not part of it.
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
		if f, ok := headingWords[w]; ok {
			if found != FacetNone && found != f {
				return FacetNone
			}
			found = f
		}
	}
	return found
}

// maxHeadingWords is the longest heading whose words are searched for a
// facet; a longer one is a sentence, not a heading.
const maxHeadingWords = 8

// headingWords are the words (folded) by which a heading in any wording
// names a facet.
var headingWords = map[string]Facet{
	"kosten": FacetKosten, "gebuehr": FacetKosten, "gebuehren": FacetKosten, "preis": FacetKosten, "preise": FacetKosten,
	"gebuehrenverzeichnis": FacetKosten, "gebuehrentarif": FacetKosten, "kostenverzeichnis": FacetKosten,
	"entgeltverzeichnis": FacetKosten, "preisliste": FacetKosten, "preisverzeichnis": FacetKosten,
	"entgelt": FacetKosten, "entgelte": FacetKosten, "kostet": FacetKosten, "ermaessigung": FacetKosten, "steuersatz": FacetKosten,
	"faellig": FacetFristen, "faelligkeit": FacetFristen,
	"unterlagen": FacetUnterlagen, "dokumente": FacetUnterlagen, "nachweise": FacetUnterlagen, "mitbringen": FacetUnterlagen,
	"mitzubringen": FacetUnterlagen, "mitnehmen": FacetUnterlagen,
	"dauer": FacetDauer, "dauert": FacetDauer, "bearbeitungszeit": FacetDauer, "bearbeitungsdauer": FacetDauer, "wartezeit": FacetDauer,
	"frist": FacetFristen, "fristen": FacetFristen, "gueltigkeit": FacetFristen, "gueltigkeitsdauer": FacetFristen,
	"zustaendig": FacetZustaendigkeit, "zustaendigkeit": FacetZustaendigkeit, "ansprechpartner": FacetZustaendigkeit,
	"ansprechpartnerin": FacetZustaendigkeit, "kontakt": FacetZustaendigkeit, "oeffnungszeiten": FacetZustaendigkeit,
	"sprechzeiten": FacetZustaendigkeit, "sprechstunde": FacetZustaendigkeit, "sprechstunden": FacetZustaendigkeit, "ansprechpunkt": FacetZustaendigkeit, "anschrift": FacetZustaendigkeit, "wende": FacetZustaendigkeit, "wenden": FacetZustaendigkeit,
	"termin": FacetTermin, "termine": FacetTermin, "terminvereinbarung": FacetTermin,
	"voraussetzung": FacetVoraussetzungen, "voraussetzungen": FacetVoraussetzungen, "berechtigt": FacetVoraussetzungen,
	"ablauf": FacetAblauf, "verfahren": FacetAblauf, "verfahrensablauf": FacetAblauf, "vorgehen": FacetAblauf, "schritte": FacetAblauf,
	"rechtsgrundlage": FacetRechtsgrundlage, "rechtsgrundlagen": FacetRechtsgrundlage,
	"online": FacetOnline, "onlineverfahren": FacetOnline,
	// English headings ("Password requirements", "Processing fees").
	"requirements": FacetVoraussetzungen, "prerequisites": FacetVoraussetzungen, "eligibility": FacetVoraussetzungen,
	"fees": FacetKosten, "costs": FacetKosten, "pricing": FacetKosten,
	"documents": FacetUnterlagen, "deadline": FacetFristen, "deadlines": FacetFristen,
	"appointment": FacetTermin, "appointments": FacetTermin,
}

// labelLine reports whether line is a facet name standing alone on its line,
// such as "Kosten:" or "Benötigte Unterlagen", and returns the facet. Longer
// lines and lines with content after the colon are not labels.
func labelLine(line string) (Facet, bool) {
	s := strings.TrimSpace(line)
	if strings.HasSuffix(s, ",") || strings.HasSuffix(s, ";") {
		// An item of an enumeration ("6. Anschrift," among a statute's
		// list of data) continues the text; it heads nothing.
		return FacetNone, false
	}
	s = strings.Trim(s, "*_#")
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), ":"))
	if s == "" || len(s) > 40 || strings.Contains(s, ":") {
		return FacetNone, false
	}
	h := normLabel(s)
	for _, l := range facetLabels {
		if h == l.label {
			return l.facet, true
		}
	}
	return FacetNone, false
}

// paragraphRE matches the number of a statute's paragraph or article at
// the start of a heading.
var paragraphRE = regexp.MustCompile(`^(?:§+|Art\.|Artikel)\s*\d+\s*[a-z]?\s*[-–—:.]?\s*`)

// normLabel folds a heading for comparison with facetLabels: lower case,
// umlauts folded, surrounding punctuation and numbering removed, inner
// whitespace collapsed.
func normLabel(s string) string {
	// "§ 6 – Gültigkeitsdauer", "Art. 3: Gebühren": the paragraph number
	// is not the label.
	s = paragraphRE.ReplaceAllString(strings.TrimSpace(s), "")
	s = german.Fold(s)
	s = strings.TrimLeftFunc(s, func(r rune) bool { return unicode.IsDigit(r) || r == '.' || r == ' ' || r == ')' })
	s = strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsPunct(r) && r != '&' || unicode.IsSpace(r) })
	return strings.Join(strings.Fields(s), " ")
}

// questionCues maps words and phrases of German and English questions to the
// facet they ask for. Keys are folded and matched as whole words or word
// sequences; the first cue found in the question wins, longer cues first.
var questionCues = []struct {
	cue   string
	facet Facet
}{
	{"was kostet", FacetKosten},
	{"wie teuer", FacetKosten},
	{"how much time", FacetDauer},
	{"how much", FacetKosten},
	{"wie lange", FacetDauer},
	{"how long", FacetDauer},
	{"opening hours", FacetZustaendigkeit},
	{"office hours", FacetZustaendigkeit},
	{"wann geoeffnet", FacetZustaendigkeit},
	{"wann offen", FacetZustaendigkeit},
	{"wer ist zustaendig", FacetZustaendigkeit},
	{"wie erreiche", FacetZustaendigkeit},
	{"wie erreichen", FacetZustaendigkeit},
	{"erreiche ich", FacetZustaendigkeit},
	{"an wen", FacetZustaendigkeit},
	{"how can i reach", FacetZustaendigkeit},
	{"how do i reach", FacetZustaendigkeit},
	{"how can i contact", FacetZustaendigkeit},
	{"how do i contact", FacetZustaendigkeit},
	{"phone number", FacetZustaendigkeit},
	{"when can i call", FacetZustaendigkeit},
	{"telefonnummer", FacetZustaendigkeit},
	{"kontakt", FacetZustaendigkeit},
	{"contact", FacetZustaendigkeit},
	{"mitbringen", FacetUnterlagen},
	{"mitnehmen", FacetUnterlagen},
	{"unterlagen", FacetUnterlagen},
	{"dokumente", FacetUnterlagen},
	{"nachweise", FacetUnterlagen},
	{"documents", FacetUnterlagen},
	{"paperwork", FacetUnterlagen},
	// English "bring" only in its phrases: German "wie bring ich …" is
	// any bringing.
	{"what should i bring", FacetUnterlagen},
	{"do i need to bring", FacetUnterlagen},
	{"bring with me", FacetUnterlagen},
	{"kosten", FacetKosten},
	{"kostet", FacetKosten},
	{"gebuehr", FacetKosten},
	{"gebuehren", FacetKosten},
	{"preis", FacetKosten},
	{"teuer", FacetKosten},
	{"cost", FacetKosten},
	{"costs", FacetKosten},
	{"fee", FacetKosten},
	{"fees", FacetKosten},
	{"price", FacetKosten},
	{"dauer", FacetDauer},
	{"dauert", FacetDauer},
	{"bearbeitungszeit", FacetDauer},
	{"bearbeitungsdauer", FacetDauer},
	{"wartezeit", FacetDauer},
	{"termin", FacetTermin},
	{"termine", FacetTermin},
	{"terminvereinbarung", FacetTermin},
	{"appointment", FacetTermin},
	{"online", FacetOnline},
	{"internet", FacetOnline},
	{"voraussetzung", FacetVoraussetzungen},
	{"voraussetzungen", FacetVoraussetzungen},
	{"requirements", FacetVoraussetzungen},
	{"requirement", FacetVoraussetzungen},
	{"eligible", FacetVoraussetzungen},
	{"frist", FacetFristen},
	{"fristen", FacetFristen},
	{"deadline", FacetFristen},
	{"oeffnungszeiten", FacetZustaendigkeit},
	{"geoeffnet", FacetZustaendigkeit},
	{"adresse", FacetZustaendigkeit},
	{"anschrift", FacetZustaendigkeit},
	{"zustaendig", FacetZustaendigkeit},
	{"address", FacetZustaendigkeit},
	{"where", FacetZustaendigkeit},
	{"wo", FacetZustaendigkeit},
	{"wohin", FacetZustaendigkeit},
	{"rechtsgrundlage", FacetRechtsgrundlage},
	{"gesetz", FacetRechtsgrundlage},
}

// DetectFacet guesses the facet a German or English question asks for from
// its question words: "Was kostet …", "Gebühr", "fee" give FacetKosten;
// "Unterlagen", "mitbringen", "documents" give FacetUnterlagen; "wie lange",
// "Dauer", "how long" give FacetDauer; "wo", "Öffnungszeiten", "Adresse",
// "opening hours" give FacetZustaendigkeit; "Termin", "appointment" give
// FacetTermin; "online" gives FacetOnline; "Voraussetzung", "requirements"
// give FacetVoraussetzungen. It returns FacetNone when no cue is present.
// Cues that span several words are preferred to single words.
func DetectFacet(text string) Facet {
	words := strings.FieldsFunc(german.Fold(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	joined := " " + strings.Join(words, " ") + " "
	for _, i := range phraseCues {
		if strings.Contains(joined, paddedCues[i]) {
			return questionCues[i].facet
		}
	}
	// A cue of one word is in the text when it is one of its words: the
	// first such cue of questionCues is the one with the least index.
	first := -1
	for _, w := range words {
		if i, ok := wordCues[w]; ok && (first < 0 || i < first) {
			first = i
		}
	}
	if first >= 0 {
		return questionCues[first].facet
	}
	return FacetNone
}

// paddedCues are the cues of questionCues with a blank on either side, as
// DetectFacet looks for them.
var paddedCues = func() []string {
	out := make([]string, len(questionCues))
	for i, c := range questionCues {
		out[i] = " " + c.cue + " "
	}
	return out
}()

// phraseCues are the indices of the cues of questionCues with several
// words, in order; wordCues is the index of the first cue of each single
// word.
var phraseCues, wordCues = func() ([]int, map[string]int) {
	var phrases []int
	words := map[string]int{}
	for i, c := range questionCues {
		if strings.Contains(c.cue, " ") {
			phrases = append(phrases, i)
		} else if _, ok := words[c.cue]; !ok {
			words[c.cue] = i
		}
	}
	return phrases, words
}()

// withoutFacetCues removes the words that only say which facet a question
// asks for ("Was kostet …", "Unterlagen", "how long") and leaves its topic.
// It returns text unchanged when nothing would remain.
func withoutFacetCues(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	var buf [32]byte
	for w := range strings.FieldsSeq(text) {
		if !isFacetCue(buf[:0], w) {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
	}
	if b.Len() == 0 {
		return text
	}
	return b.String()
}

// isFacetCue reports whether the field w, folded and trimmed of what is
// neither letter nor digit, is one of facetCueWords. An ASCII word is
// lower-cased and trimmed in buf, without a string.
func isFacetCue(buf []byte, w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return facetCueWords[strings.TrimFunc(german.Fold(w), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })]
		}
	}
	lo, hi := 0, len(w)
	for lo < hi && !isASCIIAlnum(w[lo]) {
		lo++
	}
	for hi > lo && !isASCIIAlnum(w[hi-1]) {
		hi--
	}
	for i := lo; i < hi; i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return facetCueWords[string(buf)]
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// facetCueWords are the words of questionCues and facetLabels.
var facetCueWords = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range questionCues {
		for _, w := range strings.Fields(c.cue) {
			m[w] = true
		}
	}
	for _, l := range facetLabels {
		for _, w := range strings.Fields(l.label) {
			m[strings.Trim(w, "&-")] = true
		}
	}
	return m
}()
