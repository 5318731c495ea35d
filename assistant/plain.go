// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/message"

	"github.com/musterstadt/lotse/knowledge"
)

// Einfache Sprache (conv.Simple): short sentences with one statement
// each, the facts first, then the quote for reference. The sentences
// outside the quote follow the rules of Leichte/Einfache Sprache (DIN SPEC
// 33429, Netzwerk Leichte Sprache) that a machine can check, and
// plainRuleErrors checks them: at most maxPlainWords words a sentence,
// numbers as digits, no abbreviations, no subordinate clause after a
// comma. A line of the source that breaks a rule is not restated; it stays
// in the quote.

// maxPlainWords bounds a sentence outside the quote.
const maxPlainWords = 15

// plainAbbrevs are German abbreviations and what Einfache Sprache writes
// instead; plainText replaces them in restated source lines.
var plainAbbrevs = []struct{ abbr, full string }{
	{"z. B.", "zum Beispiel"}, {"z.B.", "zum Beispiel"}, {"u. a.", "unter anderem"}, {"u.a.", "unter anderem"},
	{"d. h.", "das heißt"}, {"d.h.", "das heißt"}, {"i. d. R.", "meistens"}, {"i.d.R.", "meistens"},
	{"ggf.", "wenn nötig"}, {"bzw.", "oder"}, {"inkl.", "mit"}, {"ca.", "ungefähr"}, {"Nr.", "Nummer"},
	{"Tel.", "Telefon"}, {"usw.", "und so weiter"}, {"evtl.", "vielleicht"}, {"max.", "höchstens"},
	{"mind.", "mindestens"}, {"zzgl.", "plus"}, {"Std.", "Stunden"}, {"Abs.", "Absatz"}, {"gem.", "nach"},
	{"bspw.", "zum Beispiel"}, {"etc.", "und so weiter"}, {"sog.", "so genannt"}, {"vgl.", "siehe"},
}

var (
	// plainAbbrevRE finds what is left of abbreviations: "z. B.", "u.a.",
	// and the listed ones.
	plainAbbrevRE = regexp.MustCompile(`(?i)(?:^|[\s(])(?:\p{L}\.\s?\p{L}\.|` + abbrevAlt() + `)`)
	// nestedRE: a comma followed by a subordinating conjunction or a
	// relative pronoun opens a nested clause.
	nestedRE = regexp.MustCompile(`(?i),\s*(?:dass|weil|wenn|ob|damit|obwohl|falls|nachdem|bevor|während|sodass|sofern|soweit|der|die|das|dem|den|deren|dessen|welche[rsmn]?|wo|wie|was)\b`)
	// numberWordRE finds numbers written as words.
	numberWordRE = regexp.MustCompile(`(?i)\b(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|vierzig|fünfzig|hundert|tausend)\b`)
	plainItemRE  = regexp.MustCompile(`^\s*(?:[-*•]|\d+[.)])\s+`)
	approxRE     = regexp.MustCompile(`(?i)\b(?:etwa|ca\.|circa|rund|ungefähr)\s+$`)
)

func abbrevAlt() string {
	var alts []string
	for _, a := range plainAbbrevs {
		alts = append(alts, regexp.QuoteMeta(a.abbr))
	}
	return strings.Join(alts, "|")
}

// plainNumbers are number words and their digits.
var plainNumbers = map[string]string{"zwei": "2", "drei": "3", "vier": "4", "fünf": "5", "sechs": "6", "sieben": "7",
	"acht": "8", "neun": "9", "zehn": "10", "elf": "11", "zwölf": "12", "zwanzig": "20", "dreißig": "30"}

// plainLine rewrites a source line for Einfache Sprache: abbreviations
// written out, numbers as digits, one line, a full stop at the end. It
// returns "" when the line still breaks a rule.
func plainLine(s string) string {
	s = strings.Join(strings.Fields(plainItemRE.ReplaceAllString(s, "")), " ")
	s = strings.TrimRight(s, " ;,")
	for _, a := range plainAbbrevs {
		s = strings.ReplaceAll(s, a.abbr, a.full)
	}
	s = numberWordRE.ReplaceAllStringFunc(s, func(w string) string {
		if d, ok := plainNumbers[strings.ToLower(w)]; ok {
			return d
		}
		return w
	})
	if s == "" {
		return ""
	}
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, ":") && !strings.HasSuffix(s, "?") && !strings.HasSuffix(s, "!") {
		s += "."
	}
	if len(plainRuleErrors(s)) > 0 {
		return ""
	}
	return s
}

// plainSentences splits text into sentences: at line breaks and after a
// full stop, question or exclamation mark or colon followed by a space.
// Decimal numbers ("70,00") and times ("8:00") stay whole.
func plainSentences(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		start := 0
		rs := []rune(line)
		for i, r := range rs {
			if strings.ContainsRune(".!?:", r) && (i+1 == len(rs) || rs[i+1] == ' ') {
				if s := strings.TrimSpace(string(rs[start : i+1])); s != "" {
					out = append(out, s)
				}
				start = i + 1
			}
		}
		if s := strings.TrimSpace(string(rs[start:])); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// plainRuleErrors lists the rules of Einfache Sprache that text, written
// outside a quote, breaks. URLs count as one word and are not checked for
// abbreviations.
func plainRuleErrors(text string) []string {
	var errs []string
	text = urlRE.ReplaceAllString(text, "URL")
	// Abbreviations hold full stops, so they are looked for before the
	// text is split into sentences.
	for _, line := range strings.Split(text, "\n") {
		if m := plainAbbrevRE.FindString(line); m != "" {
			errs = append(errs, fmt.Sprintf("abbreviation %q: %q", strings.TrimSpace(m), line))
		}
	}
	for _, s := range plainSentences(text) {
		if n := len(strings.Fields(s)); n > maxPlainWords {
			errs = append(errs, fmt.Sprintf("%d words: %q", n, s))
		}
		if nestedRE.MatchString(s) {
			errs = append(errs, fmt.Sprintf("nested clause: %q", s))
		}
		if m := numberWordRE.FindString(s); m != "" {
			errs = append(errs, fmt.Sprintf("number as word %q: %q", m, s))
		}
	}
	return errs
}

// plainQuoteMark separates the plain sentences from the quote.
const plainQuoteMark = "Hier ist der Text aus der Beschreibung:"

// composePlain writes an answer in Einfache Sprache: what it is about,
// the facts as short sentences (the line for the asker, costs, duration,
// documents, appointment, online service, phone, opening hours), then the
// quotes for reference. In another language than German the lead facts in
// that language stand before the German quote.
func composePlain(m *messages, c candidate, qs []quote, lead string) composed {
	d := c.doc
	var b strings.Builder
	if m.lang != "" && m.lang != "de" {
		b.WriteString(fmt.Sprintf(m.FrameOverview, m.kindName(d), shownTitle(d, m.lang)))
		if lines := leadLines(m, c.info, qs, lead); len(lines) > 0 {
			b.WriteString("\n" + strings.Join(lines, "\n"))
		}
		b.WriteString("\n\n" + m.SourceGerman)
		writeQuotes(&b, qs, true)
	} else {
		for _, s := range plainFacts(m, d, c.info, qs, lead) {
			b.WriteString(s)
			b.WriteString("\n")
		}
		if next := nextStep(m, d, c.info, qs); next != "" {
			b.WriteString(next + "\n")
		}
		b.WriteString("\n" + plainQuoteMark)
		for _, q := range qs {
			b.WriteString("\n\n")
			if q.label != "" {
				fmt.Fprintf(&b, "%s – %s:\n", d.Title, q.label)
			} else {
				fmt.Fprintf(&b, "%s:\n", d.Title)
			}
			b.WriteString(q.text)
		}
	}
	if u := sourceURL(c); u != "" && m.MoreAt != "" {
		b.WriteString("\n\n")
		b.WriteString(fmt.Sprintf(m.MoreAt, u))
	}
	return composed{text: b.String(), quotes: qs, sources: []Source{sourceOf(c, qs)}}
}

// plainFacts are the sentences before the quote of a German answer in
// Einfache Sprache; info is the memo of d, or nil.
func plainFacts(m *messages, d knowledge.Document, info *docInfo, qs []quote, lead string) []string {
	out := []string{"Es geht um: " + d.Title + "."}
	if s := plainLine(lead); s != "" {
		out = append(out, m.ForYou+" "+s)
	}
	byFacet := map[knowledge.Facet][]string{}
	for _, q := range qs {
		byFacet[q.facet] = append(byFacet[q.facet], q.text)
	}
	// Costs: one amount is one sentence; several are the lines of the fee
	// table that name them.
	if costs := strings.Join(byFacet[knowledge.FacetKosten], "\n"); costs != "" {
		f := info.readFacts(costs)
		var lines []string
		for _, l := range strings.Split(costs, "\n") {
			if amountRE.MatchString(l) {
				if s := plainLine(l); s != "" {
					lines = append(lines, s)
				}
			}
		}
		switch {
		case len(f.amounts) == 1 && len(lines) <= 1:
			out = append(out, "Das kostet "+germanAmount(m.printer(), f.amounts[0])+".")
		case len(lines) > 0:
			out = append(out, "Das kostet:")
			out = append(out, lines...)
		}
	}
	for _, f := range []knowledge.Facet{knowledge.FacetDauer, knowledge.FacetFristen} {
		text := strings.Join(byFacet[f], "\n")
		if f == knowledge.FacetFristen && len(byFacet[knowledge.FacetDauer]) > 0 {
			break
		}
		if loc := durRE.FindStringSubmatchIndex(text); loc != nil && f == knowledge.FacetDauer {
			dd := readFacts(text[loc[0]:loc[1]]).durations
			if len(dd) == 1 {
				approx := ""
				if approxRE.MatchString(text[:loc[0]]) {
					approx = "ungefähr "
				}
				out = append(out, "Das dauert "+approx+formatDuration(m.printer(), "de", dd[0])+".")
			}
		}
	}
	if docs := byFacet[knowledge.FacetUnterlagen]; len(docs) > 0 {
		var items []string
		for _, l := range strings.Split(strings.Join(docs, "\n"), "\n") {
			if plainItemRE.MatchString(l) {
				if s := plainLine(l); s != "" {
					items = append(items, s)
				}
			}
		}
		if len(items) > 0 {
			out = append(out, "Sie brauchen:")
			out = append(out, items...)
		}
	}
	f := quoteFacts(info, qs)
	switch f.termin {
	case 1:
		out = append(out, "Sie brauchen einen Termin.")
	case -1:
		out = append(out, "Sie brauchen keinen Termin.")
	}
	switch f.online {
	case 1:
		out = append(out, "Sie können das auch im Internet erledigen.")
	case -1:
		out = append(out, "Das geht nicht im Internet.")
	}
	for _, p := range f.phones {
		out = append(out, "Telefon: "+p+".")
	}
	for _, h := range f.hoursRaw {
		if gs := hoursGroups(m, h); len(gs) > 0 {
			out = append(out, "Öffnungszeiten:")
			for _, g := range gs {
				when := strings.ReplaceAll(g[1], "–", " bis ")
				if when != m.Closed {
					when += " Uhr"
				}
				if s := plainLine(strings.ReplaceAll(g[0], "–", " bis ") + ": " + when); s != "" {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// germanAmount writes an amount as "70,00 Euro" with p, a German
// printer.
func germanAmount(p *message.Printer, a amount) string {
	return strings.TrimSuffix(formatAmount(p, "de", a), "\u00a0€") + " Euro"
}

// simpleGerman returns the German sentences in Einfache Sprache: the ones
// an answer in simple mode shows, rewritten; the rest as in m.
func simpleGerman(m messages) messages {
	m.Disclosure = "Hinweis: Sie schreiben mit Lotse. Lotse ist ein Computer-Programm der {org}. Lotse ist kein Mensch. Sie möchten mit einem Menschen sprechen? Dann schreiben Sie: Mitarbeiter."
	m.Who = "Ich bin Lotse. Ich bin ein Computer-Programm der {org}. Ich beantworte Fragen zu den Angeboten der Stadt. Ich gebe Ihre Frage auch an einen Menschen weiter."
	m.NotFound = "Dazu habe ich leider nichts gefunden."
	m.OfferHuman = "Soll ein Mensch Ihnen helfen? Dann schreiben Sie: ja."
	m.Related = "Vielleicht hilft Ihnen eines davon:"
	m.Clarify = "Meinen Sie „%[1]s“? Oder meinen Sie „%[2]s“?"
	m.OutOfScope = "Dabei kann ich leider nicht helfen. Ich helfe bei Fragen zur Stadt-Verwaltung. Zum Beispiel: Was kostet etwas? Welche Papiere brauchen Sie?"
	m.Greet = "Hallo! Wie kann ich helfen? Fragen Sie mich zu den Angeboten der Stadt."
	m.AskWhat = "Gern helfe ich. Worum geht es? Schreiben Sie: Was brauchen Sie? Was haben Sie vor?"
	m.NotStated = "Zu „%s“ steht in der Quelle keine genaue Zahl."
	m.Thanks = "Gern! Kann ich noch etwas für Sie tun?"
	m.Ack = "Gut. Kann ich noch etwas für Sie tun?"
	m.HumanHint = "Sie möchten mit einem Menschen sprechen? Dann schreiben Sie: Mitarbeiter."
	m.Abuse = "Ich helfe Ihnen gern. Bitte bleiben Sie freundlich."
	m.Escalated = "Ein Mensch kümmert sich jetzt um Ihre Frage. Ihre Nummer ist: %s."
	m.EscalateLater = m.Escalated
	m.NoTickets = "Ich kann Ihre Frage leider nicht weitergeben."
	m.ContactNone = "Bitte rufen Sie die Stadt-Verwaltung an. Oder gehen Sie persönlich hin."
	m.EscalateFail = "Die Weitergabe hat gerade nicht geklappt. Ich versuche es gleich noch einmal. Ihre Nachrichten gehen nicht verloren."
	m.CaseSpecific = "Ihren eigenen Fall kenne ich nicht. Das weiß nur das Service-Team."
	m.NextOnline = "Im Internet erledigen: %s"
	m.NextTerminURL = "Einen Termin machen Sie hier: %s"
	m.NextTermin = "Sie können einen Termin machen. Das steht im Abschnitt „%s“."
	m.SearchError = "Ich kann gerade nicht suchen. Bitte versuchen Sie es später noch einmal."
	return m
}
