// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/musterstadt/lotse/knowledge"
)

// functionWords start no office name ("Für die Erteilung …").
var functionWords = map[string]bool{"Für": true, "Die": true, "Der": true, "Das": true, "Bei": true, "Im": true, "In": true,
	"Zur": true, "Zum": true, "Mit": true, "Von": true, "Nach": true, "Ab": true, "Wenn": true, "Sie": true, "Ihre": true}

// plantPools are the facts of all suites an error may be drawn from.
type plantPools struct {
	amounts []string // "32,00 Euro"
	offices []string // "Standesamt Musterstadt"
	docs    []string // "Geburtsurkunde"
}

var (
	amountRE   = regexp.MustCompile(`\d+(?:[.,]\d{2})?\s?(?:Euro|EUR|€)`)
	durationRE = regexp.MustCompile(`\b(\d{1,3})(\s*(?:bis|-|–)\s*\d{1,3})?\s+(Werktage[n]?|Arbeitstage[n]?|Tage[n]?|Wochen|Woche|Monate[n]?|Monat|Jahre[n]?|Jahr|Stunden|Stunde)\b`)
	urlRE      = regexp.MustCompile(`https?://[^\s)\]]+[^\s)\].,;:]`)
	capWordRE  = regexp.MustCompile(`\p{Lu}[\p{L}\-]{4,}`)

	monthNames = map[string]bool{"Januar": true, "Februar": true, "März": true, "April": true, "Mai": true, "Juni": true,
		"Juli": true, "August": true, "September": true, "Oktober": true, "November": true, "Dezember": true}
	listNumberRE    = regexp.MustCompile(`^\d+\.\s+`)
	sentenceBreakRE = regexp.MustCompile(`([.!?])\s+(\p{Lu}\p{L}*)`)
)

// PlantAnswers builds the answers of the verifier eval for every German and
// English case of the suites whose first matching expected source is found.
func PlantAnswers(suites []VerifierSuite) []PlantedAnswer {
	pools := collectPools(suites)
	var out []PlantedAnswer
	for _, s := range suites {
		all := allDocuments(s.Docs)
		for ci, c := range s.Cases {
			if c.Lang != "" && c.Lang != "de" && c.Lang != "en" {
				continue
			}
			doc, ok := caseDocument(c, all)
			if !ok || (doc.Lang != "" && doc.Lang != "de") {
				continue // a German answer cannot quote an English source
			}
			out = append(out, plantCase(c, ci, doc, all, pools)...)
		}
	}
	return out
}

func allDocuments(d Documents) []knowledge.Document {
	docs := d.Documents(knowledge.Employee)
	seen := map[string]bool{}
	for _, x := range docs {
		seen[x.ID] = true
	}
	for _, x := range d.Documents(knowledge.Citizen) {
		if !seen[x.ID] {
			docs = append(docs, x)
		}
	}
	slices.SortFunc(docs, func(a, b knowledge.Document) int { return strings.Compare(a.ID, b.ID) })
	return docs
}

// caseDocument returns the first document that an expected source of c
// names and that holds one of c's facts (or any, without facts).
func caseDocument(c Case, all []knowledge.Document) (knowledge.Document, bool) {
	for _, pat := range c.Expect.Sources {
		for _, d := range all {
			if !MatchSource(pat, d.ID) {
				continue
			}
			if len(c.Expect.Facts) == 0 || factSection(d, c.Expect.Facts) >= 0 {
				return d, true
			}
		}
	}
	return knowledge.Document{}, false
}

// factSection returns the index of the first section holding a fact.
func factSection(d knowledge.Document, facts []string) int {
	for i, s := range d.Sections {
		for _, f := range facts {
			if strings.Contains(strings.ToLower(s.Text), strings.ToLower(f)) {
				return i
			}
		}
	}
	return -1
}

func collectPools(suites []VerifierSuite) plantPools {
	var p plantPools
	seen := map[string]bool{}
	add := func(list *[]string, v string) {
		v = strings.TrimSpace(v)
		if v != "" && !seen[v] {
			seen[v] = true
			*list = append(*list, v)
		}
	}
	for _, s := range suites {
		for _, d := range allDocuments(s.Docs) {
			for _, sec := range d.Sections {
				for _, m := range amountRE.FindAllString(sec.Text, -1) {
					add(&p.amounts, m)
				}
				switch sec.Facet {
				case knowledge.FacetZustaendigkeit:
					line := strings.TrimPrefix(strings.TrimSpace(firstLineOf(sec.Text)), "- ")
					office, _, _ := strings.Cut(line, ",")
					first, _, _ := strings.Cut(office, " ")
					if len(strings.Fields(office)) <= 4 && capWordRE.MatchString(first) && !functionWords[first] {
						add(&p.offices, office)
					}
				case knowledge.FacetUnterlagen:
					// Short list items name documents ("Geburtsurkunde",
					// "ein aktuelles biometrisches Passfoto"); the longest
					// capitalized word is the document.
					for _, l := range strings.Split(sec.Text, "\n") {
						l = strings.TrimSpace(l)
						if !strings.HasPrefix(l, "- ") {
							continue
						}
						l = strings.TrimSpace(strings.TrimPrefix(l, "- "))
						if _, after, ok := strings.Cut(l, ": "); ok {
							l = after
						}
						l, _, _ = strings.Cut(l, "(")
						if len(strings.Fields(l)) > 4 {
							continue
						}
						longest := ""
						for _, w := range capWordRE.FindAllString(l, -1) {
							if len(w) > len(longest) {
								longest = w
							}
						}
						if len([]rune(longest)) >= 8 {
							add(&p.docs, longest)
						}
					}
				}
			}
		}
	}
	return p
}

func firstLineOf(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// passageOf makes the passage of one section of d.
func passageOf(d knowledge.Document, s knowledge.Section) knowledge.Passage {
	return knowledge.Passage{DocID: d.ID, Title: d.Title, Section: s.Heading, Facet: s.Facet, Text: s.Text,
		URL: d.URL, Audience: d.Audience, Kind: d.Kind, Lang: d.Lang}
}

// plantCase builds the correct answer of one case and its planted errors.
func plantCase(c Case, ci int, doc knowledge.Document, all []knowledge.Document, pools plantPools) []PlantedAnswer {
	main := factSection(doc, c.Expect.Facts)
	if main < 0 {
		main = 0
		for i, s := range doc.Sections {
			if strings.TrimSpace(s.Text) != "" {
				main = i
				break
			}
		}
	}
	second := -1
	for _, f := range []knowledge.Facet{knowledge.FacetTermin, knowledge.FacetOnline, knowledge.FacetZustaendigkeit, knowledge.FacetUnterlagen, knowledge.FacetKosten, knowledge.FacetOverview} {
		for i, s := range doc.Sections {
			if i != main && s.Facet == f && strings.TrimSpace(s.Text) != "" && second < 0 {
				second = i
			}
		}
	}
	ps := []knowledge.Passage{passageOf(doc, doc.Sections[main])}
	if second >= 0 {
		ps = append(ps, passageOf(doc, doc.Sections[second]))
	}
	// An uncited passage of another document, as retrieval brings them.
	if len(all) > 1 {
		other := all[(ci*7+3)%len(all)]
		if other.ID == doc.ID {
			other = all[(ci*7+4)%len(all)]
		}
		if len(other.Sections) > 0 {
			ps = append(ps, passageOf(other, other.Sections[0]))
		}
	}

	// The correct answer: the sentences holding the facts, paraphrased,
	// then one sentence of the second section.
	var sentences []string
	mainSents := sourceSentences(doc.Sections[main].Text)
	for _, s := range mainSents {
		if len(sentences) >= maxPlantedSentences-1 {
			break
		}
		if holdsFact(s, c.Expect.Facts) || len(c.Expect.Facts) == 0 {
			sentences = append(sentences, paraphrase(s, ci+len(sentences))+" [1]")
		}
	}
	if len(sentences) == 0 && len(mainSents) > 0 {
		sentences = append(sentences, paraphrase(mainSents[0], ci)+" [1]")
	}
	if second >= 0 {
		if ss := sourceSentences(doc.Sections[second].Text); len(ss) > 0 {
			sentences = append(sentences, paraphrase(ss[ci%len(ss)], ci+1)+" [2]")
		}
	}
	if len(sentences) == 0 {
		return nil
	}
	lang := "de"
	if c.Lang == "en" {
		lang = "en"
		german := sentences
		sentences = nil
		for _, s := range german {
			sentences = append(sentences, inEnglish(s))
		}
	}
	correct := joinAnswer(sentences)
	mk := func(kind, text, planted string) PlantedAnswer {
		return PlantedAnswer{Case: c.ID, Kind: kind, Text: text, Passages: ps, Lang: lang, Planted: planted}
	}
	out := []PlantedAnswer{mk(KindCorrect, correct, "")}
	cited := strings.ToLower(ps[0].Title + "\n" + ps[0].Text + "\n" + ps[0].URL)
	if len(ps) > 1 && second >= 0 {
		cited += "\n" + strings.ToLower(ps[1].Text)
	}
	if lang == "en" {
		// An English answer gets the errors a model makes in English.
		for _, kind := range []string{KindSwappedAmount, KindAmountInWords, KindWrongDuration, KindWrongLink, KindWrongLanguage} {
			if text, planted, ok := plantErrorEN(kind, sentences, german(doc, main), ci, cited, pools); ok {
				out = append(out, mk(kind, text, planted))
			}
		}
		return out
	}
	for _, kind := range ErrorKinds {
		if text, planted, ok := plantError(kind, sentences, ci, doc, ps, cited, pools); ok {
			out = append(out, mk(kind, text, planted))
		}
	}
	return out
}

// german returns a German sentence of section i of d that states
// something, for the wrong-language error of an English answer.
func german(d knowledge.Document, i int) string {
	for _, s := range sourceSentences(d.Sections[i].Text) {
		if len(strings.Fields(s)) >= 8 && !strings.Contains(s, "http") {
			return s
		}
	}
	return "Die Angaben dazu finden Sie in der Beschreibung der Stadt, die hier nicht übersetzt ist"
}

var englishUnits = strings.NewReplacer(" bis ", " to ", "Wochen", "weeks", "Woche", "week", "Werktagen", "working days",
	"Werktage", "working days", "Tagen", "days", "Tage", "days", "Monaten", "months", "Monate", "months", "Monat", "month",
	"Jahren", "years", "Jahre", "years", "Jahr", "year", "Stunden", "hours")

// inEnglish writes the facts of a German source sentence as an English
// model would: amounts and durations in an English frame, anything else
// as a quote of the German text (the sources are German). The marker is
// kept.
func inEnglish(s string) string {
	marker := ""
	if i := strings.LastIndex(s, " ["); i >= 0 {
		s, marker = s[:i], s[i:]
	}
	amounts := amountRE.FindAllString(s, -1)
	durs := durationRE.FindAllString(s, -1)
	switch {
	case len(amounts) > 0:
		return "According to the city, the fee is " + strings.Join(amounts, " or ") + marker
	case len(durs) > 0:
		return "It takes about " + englishUnits.Replace(durs[0]) + marker
	}
	return "The description of the city says: \"" + strings.TrimRight(s, ".") + "\"" + marker
}

// plantErrorEN plants an error into an English answer.
func plantErrorEN(kind string, sentences []string, germanSentence string, seed int, cited string, pools plantPools) (string, string, bool) {
	with := func(wrong string) (string, string, bool) {
		s := append(slices.Clone(sentences), wrong)
		return joinAnswer(s), wrong, true
	}
	englishNumbers := []string{"", "", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}
	switch kind {
	case KindSwappedAmount:
		if other, ok := firstNotCited(pools.amounts, seed*5, cited); ok {
			return with("The fee is " + other + " [1]")
		}
	case KindAmountInWords:
		for n := 2 + seed%11; n < len(englishNumbers); n++ {
			if !regexp.MustCompile(`\b` + strconv.Itoa(n) + `\b`).MatchString(cited) {
				return with("It costs " + englishNumbers[n] + " euros [1]")
			}
		}
	case KindWrongDuration:
		n := wordNumberNotIn(cited, seed+1)
		return with("Processing takes about " + strconv.Itoa(n) + " weeks [1]")
	case KindWrongLink:
		return with("You can apply at https://www.citizen-services-online.com/apply [1]")
	case KindWrongLanguage:
		return with(germanSentence + " [1]")
	}
	return "", "", false
}

func firstNotCited(list []string, from int, cited string) (string, bool) {
	for k := range list {
		v := list[(from+k)%len(list)]
		if !strings.Contains(cited, strings.ToLower(v)) {
			return v, true
		}
	}
	return "", false
}

func holdsFact(s string, facts []string) bool {
	for _, f := range facts {
		if strings.Contains(strings.ToLower(s), strings.ToLower(f)) {
			return true
		}
	}
	return false
}

// sourceSentences splits a section into sentences and list items, without
// list markers and Markdown emphasis.
func sourceSentences(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		line = strings.TrimLeft(line, "-*• ")
		line = listNumberRE.ReplaceAllString(line, "")
		line = strings.ReplaceAll(line, "**", "")
		if line == "" || strings.HasPrefix(line, "|") || strings.HasPrefix(line, "_(") {
			continue
		}
		split := sentenceBreakRE.ReplaceAllStringFunc(line, func(m string) string {
			g := sentenceBreakRE.FindStringSubmatch(m)
			if monthNames[g[2]] {
				return m // "bis 31. Januar"
			}
			return g[1] + "\x00" + g[2]
		})
		for _, s := range strings.Split(split, "\x00") {
			s = strings.TrimSpace(s)
			if len([]rune(s)) >= 12 && len([]rune(s)) <= 400 && !strings.HasSuffix(s, "?") {
				out = append(out, s)
			}
		}
	}
	return out
}

// Paraphrases a faithful model writes: other words for the same facts.
var (
	paraphrasePrefixes = []string{"", "Laut der Beschreibung gilt: ", "Kurz gesagt: ", "", "Dazu steht in den Angaben der Stadt: "}
	wordSwaps          = [][2]string{
		{"erforderlich", "notwendig"}, {"benötigen", "brauchen"}, {"beantragen", "stellen einen Antrag auf"},
		{"Sie müssen", "Sie sollten unbedingt"}, {"etwa", "ungefähr"}, {"bitte", ""},
	}
	smallNumbers = []string{"null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"}
	centsRE      = regexp.MustCompile(`(\d+),00 Euro`)
	smallDurRE   = regexp.MustCompile(`\b([2-9]|1[0-2]) (Wochen|Werktage[n]?|Tage[n]?|Monate[n]?|Jahre[n]?)\b`)
)

// paraphrase rewrites a source sentence as a model might, keeping its
// facts: another opening, a synonym, "70 €" or "EUR 70,00" for "70,00
// Euro", small numbers in words, "4–6" for "4 bis 6", weeks in days,
// "montags" for "Montag", a label turned into a sentence, and yes/no
// facts said the other way round ("Sie brauchen einen Termin" for "Ein
// Termin ist erforderlich", "Das geht nicht online" for "Nicht online
// verfügbar").
func paraphrase(s string, seed int) string {
	s = strings.TrimRight(strings.TrimSpace(s), ".")
	switch seed % 4 {
	case 0:
		s = centsRE.ReplaceAllString(s, "$1 €")
	case 1:
		s = smallDurRE.ReplaceAllStringFunc(s, func(m string) string {
			parts := smallDurRE.FindStringSubmatch(m)
			n, _ := strconv.Atoi(parts[1])
			return smallNumbers[n] + " " + parts[2]
		})
	case 2:
		s = amountCentsRE.ReplaceAllString(s, "EUR $1")
		s = rangeBisRE.ReplaceAllString(s, "$1–$2 $3")
	case 3:
		if strings.Contains(s, " bis ") {
			break // "3 bis 4 Wochen" stays a range of weeks
		}
		s = weeksRE.ReplaceAllStringFunc(s, func(m string) string {
			n, _ := strconv.Atoi(weeksRE.FindStringSubmatch(m)[1])
			return strconv.Itoa(7*n) + " Tage"
		})
		s = weekdayRE.ReplaceAllString(s, "${1}s")
	}
	if polar, ok := turnYesNo(s, seed); ok {
		return polar
	}
	if m := labelRE.FindStringSubmatch(s); m != nil && seed%2 == 1 {
		s = "Für " + lowerFirst(m[1]) + " gilt: " + m[2]
	}
	sw := wordSwaps[seed%len(wordSwaps)]
	if sw[1] != "" {
		s = strings.Replace(s, sw[0], sw[1], 1)
	}
	if p := paraphrasePrefixes[seed%len(paraphrasePrefixes)]; p != "" && s != "" {
		s = p + lowerFirst(s)
	}
	return s
}

var (
	amountCentsRE = regexp.MustCompile(`(\d+,\d{2}) Euro`)
	rangeBisRE    = regexp.MustCompile(`\b(\d{1,2}) bis (\d{1,2}) (Wochen|Tage[n]?|Werktage[n]?|Monate[n]?)`)
	weeksRE       = regexp.MustCompile(`\b([1-4]) Wochen\b`)
	weekdayRE     = regexp.MustCompile(`\b(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag)\b`)
	labelRE       = regexp.MustCompile(`^([^:]{3,50}): ([^:]+)$`)
	requiredRE    = regexp.MustCompile(`^(?:Ein|Eine) (\p{Lu}[\p{L}-]+) ist (?:erforderlich|notwendig|nötig)$`)
	notNeededRE   = regexp.MustCompile(`^(?:Kein|Keine) (\p{Lu}[\p{L}-]+) (?:nötig|erforderlich|notwendig)$`)
)

// turnYesNo says a short yes/no sentence another way with the same
// polarity.
func turnYesNo(s string, seed int) (string, bool) {
	if m := requiredRE.FindStringSubmatch(s); m != nil {
		if seed%2 == 0 {
			return "Sie brauchen dafür einen " + m[1], true
		}
		return "Ohne " + m[1] + " geht es nicht", true
	}
	if m := notNeededRE.FindStringSubmatch(s); m != nil {
		if seed%2 == 0 {
			return "Sie brauchen keinen " + m[1], true
		}
		return "Sie können ohne " + m[1] + " kommen", true
	}
	if strings.HasPrefix(s, "Nicht online verfügbar") {
		return "Das geht leider nicht online" + strings.TrimPrefix(s, "Nicht online verfügbar"), true
	}
	return "", false
}

// lowerFirst lower-cases the first letter unless the first word is a noun
// (German capitalises nouns; a function word such as "Sie", "Der" is
// lowered).
func lowerFirst(s string) string {
	first, _, _ := strings.Cut(s, " ")
	switch first {
	case "Der", "Die", "Das", "Ein", "Eine", "Einen", "Bei", "Mit", "Für", "Im", "In", "Am", "Ab", "Nach", "Wenn", "Nicht", "Nur":
		return strings.ToLower(s[:1]) + s[1:]
	}
	return s
}

func joinAnswer(sentences []string) string {
	out := make([]string, len(sentences))
	for i, s := range sentences {
		s = strings.TrimSpace(s)
		if r, size := utf8.DecodeRuneInString(s); unicode.IsLower(r) {
			s = string(unicode.ToUpper(r)) + s[size:] // a sentence starts upper case
		}
		// The marker goes before the full stop: "… 70 € [1]."
		out[i] = s + "."
	}
	return strings.Join(out, " ")
}

// plantError makes the answer with one error of kind, or false when the
// case offers nothing to plant it on.
func plantError(kind string, sentences []string, seed int, doc knowledge.Document, ps []knowledge.Passage, cited string, pools plantPools) (string, string, bool) {
	with := func(i int, wrong string) (string, string, bool) {
		s := slices.Clone(sentences)
		if i < 0 {
			s = append(s, wrong)
		} else {
			s[i] = wrong
		}
		return joinAnswer(s), wrong, true
	}
	notCited := func(list []string, from int) (string, bool) {
		for k := range list {
			v := list[(from+k)%len(list)]
			if !strings.Contains(cited, strings.ToLower(v)) && !strings.Contains(cited, strings.ToLower(strings.Fields(v)[0])) {
				return v, true
			}
		}
		return "", false
	}
	switch kind {
	case KindSwappedAmount:
		// The hard swap first: another amount of the same passage, as a
		// model mixes up the fees of two groups.
		siblings := amountRE.FindAllString(ps[0].Text, -1)
		for i, s := range sentences {
			loc := amountRE.FindStringIndex(s)
			if loc == nil {
				continue
			}
			own := normAmount(s[loc[0]:loc[1]])
			for k := range siblings {
				sib := siblings[(seed+k)%len(siblings)]
				if normAmount(sib) != own {
					return with(i, s[:loc[0]]+sib+s[loc[1]:])
				}
			}
		}
		other, ok := notCited(pools.amounts, seed*5)
		if !ok {
			return "", "", false
		}
		for i, s := range sentences {
			if loc := amountRE.FindStringIndex(s); loc != nil {
				return with(i, s[:loc[0]]+other+s[loc[1]:])
			}
		}
		return with(-1, "Die Gebühr beträgt "+other+" [1]")
	case KindAmountInWords:
		n := wordNumberNotIn(cited, seed)
		words := germanWords(n)
		for i, s := range sentences {
			if loc := amountRE.FindStringIndex(s); loc != nil {
				return with(i, s[:loc[0]]+words+" Euro"+s[loc[1]:])
			}
		}
		return with(-1, "Das kostet "+words+" Euro [1]")
	case KindWrongDuration:
		// The hard one first: another duration of the same passage.
		siblings := durationRE.FindAllString(ps[0].Text, -1)
		for i, s := range sentences {
			loc := durationRE.FindStringIndex(s)
			if loc == nil {
				continue
			}
			for k := range siblings {
				sib := siblings[(seed+k)%len(siblings)]
				if !sameFigures(sib, s[loc[0]:loc[1]]) && seed%2 == 0 {
					return with(i, s[:loc[0]]+sib+s[loc[1]:])
				}
			}
		}
		for i, s := range sentences {
			if m := durationRE.FindStringSubmatchIndex(s); m != nil {
				n, _ := strconv.Atoi(s[m[2]:m[3]])
				unit := s[m[6]:m[7]]
				if seed%2 == 0 {
					// Another unit: weeks become months.
					return with(i, s[:m[6]]+otherUnit(unit)+s[m[7]:])
				}
				return with(i, s[:m[2]]+strconv.Itoa(n+wordNumberStep(cited, n))+s[m[3]:])
			}
		}
		n := wordNumberNotIn(cited, seed+1)
		return with(-1, "Die Bearbeitung dauert etwa "+strconv.Itoa(n)+" Wochen [1]")
	case KindNegatedFact:
		for j, p := range ps[:min(2, len(ps))] {
			for _, s := range sourceSentences(p.Text) {
				if !yesNoSentence(s) {
					continue
				}
				if seed%2 == 1 && unanimous(p.Text, s) {
					// The model says the opposite in its own words.
					if c, ok := contradict(s); ok {
						return with(-1, c+" ["+strconv.Itoa(j+1)+"]")
					}
				}
				if neg, ok := negate(strings.TrimRight(s, ".")); ok {
					return with(-1, neg+" ["+strconv.Itoa(j+1)+"]")
				}
			}
		}
		return "", "", false
	case KindWrongOffice:
		other, ok := notCited(pools.offices, seed*3)
		if !ok {
			return "", "", false
		}
		for i, s := range sentences {
			for _, o := range pools.offices {
				if strings.Contains(s, o) {
					return with(i, strings.Replace(s, o, other, 1))
				}
			}
		}
		frames := []string{"Zuständig ist: %s [1]", "Den Antrag stellen Sie bei: %s [1]", "Wenden Sie sich an %s [1]",
			"Am besten gehen Sie direkt zu %s [1]", "Das erledigt %s für Sie [1]"}
		return with(-1, fmt.Sprintf(frames[seed%len(frames)], other))
	case KindInventedDoc:
		other, ok := notCited(pools.docs, seed*11)
		if !ok {
			return "", "", false
		}
		frames := []string{"Außerdem brauchen Sie %s [1]", "Bringen Sie bitte auch %s mit [1]", "Legen Sie zusätzlich %s vor [1]",
			"Vergessen Sie nicht: %s [1]", "Ohne %s geht es nicht [1]"}
		return with(-1, fmt.Sprintf(frames[seed%len(frames)], other))
	case KindWrongLink:
		for i, s := range sentences {
			if loc := urlRE.FindStringIndex(s); loc != nil {
				u := s[loc[0]:loc[1]]
				return with(i, s[:loc[0]]+wrongURL(u, seed)+s[loc[1]:])
			}
		}
		base := doc.URL
		if base == "" {
			base = "https://www.example.org/service"
		}
		return with(-1, "Das Formular finden Sie unter "+wrongURL(strings.TrimRight(base, "/"), seed)+" [1]")
	case KindWrongLanguage:
		s := sentences[0]
		facts := amountRE.FindAllString(s, -1)
		facts = append(facts, durationRE.FindAllString(s, -1)...)
		what := "the information on this page"
		if len(facts) > 0 {
			what = strings.Join(facts, " and ")
		}
		return with(0, "For this service the answer to your question is "+what+", as the city states on its website [1]")
	}
	return "", "", false
}

// sameFigures reports two durations with the same numbers and unit word
// stem ("4 bis 6 Wochen", "4–6 Wochen").
func sameFigures(a, b string) bool {
	key := func(s string) string {
		m := durationRE.FindStringSubmatch(s)
		if m == nil {
			return s
		}
		return m[1] + strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, m[2]) + m[3][:3]
	}
	return key(a) == key(b)
}

// normAmount is the figure of an amount: "70,00 Euro", "70 €" → "70".
func normAmount(a string) string {
	d := strings.TrimRight(strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r == ',' {
			return r
		}
		return -1
	}, a), ",")
	return strings.TrimSuffix(d, ",00")
}

func otherUnit(u string) string {
	switch {
	case strings.HasPrefix(u, "Woche"):
		return "Monate"
	case strings.HasPrefix(u, "Monat"):
		return "Jahre"
	case strings.HasPrefix(u, "Jahr"):
		return "Monate"
	case strings.HasPrefix(u, "Stunde"):
		return "Tage"
	}
	return "Wochen"
}

// wordNumberNotIn returns a number between 2 and 99 that the cited text
// does not contain.
func wordNumberNotIn(cited string, seed int) int {
	for k := range 98 {
		n := 2 + (seed*13+k)%98
		if !regexp.MustCompile(`\b` + strconv.Itoa(n) + `\b`).MatchString(cited) {
			return n
		}
	}
	return 97
}

func wordNumberStep(cited string, n int) int {
	for d := 1; d < 50; d++ {
		if !regexp.MustCompile(`\b` + strconv.Itoa(n+d) + `\b`).MatchString(cited) {
			return d
		}
	}
	return 50
}

// germanWords writes 2..99 in German words.
func germanWords(n int) string {
	units := []string{"", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"}
	teens := map[int]string{10: "zehn", 11: "elf", 12: "zwölf", 13: "dreizehn", 14: "vierzehn", 15: "fünfzehn",
		16: "sechzehn", 17: "siebzehn", 18: "achtzehn", 19: "neunzehn"}
	tens := []string{"", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"}
	switch {
	case n < 10:
		if n == 1 {
			return "eins"
		}
		return units[n]
	case n < 20:
		return teens[n]
	case n%10 == 0:
		return tens[n/10]
	}
	return units[n%10] + "und" + tens[n/10]
}

func wrongURL(u string, seed int) string {
	switch seed % 3 {
	case 0:
		return strings.TrimRight(u, "/") + "-online-antrag"
	case 1:
		if i := strings.Index(u, "://"); i >= 0 {
			rest := u[i+3:]
			host, path, _ := strings.Cut(rest, "/")
			return u[:i+3] + "service-" + strings.ReplaceAll(host, ".", "-") + ".com/" + path
		}
	}
	return "https://www.buergerservice-portal.de/antrag?id=" + strconv.Itoa(1000+seed)
}

// yesNoSentence reports a sentence that states a yes/no fact a citizen
// asks about. The words are the eval's, written for planting only.
func yesNoSentence(s string) bool {
	l := strings.ToLower(s)
	for _, w := range []string{"termin", "online", "persönlich", "gebühr", "kostenlos", "kostenfrei", "frist"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// unanimous reports whether every sentence of text that speaks of the
// topic of s (appointment, online, in person, fee) has the polarity of s,
// so that the opposite of s contradicts the whole passage.
func unanimous(text, s string) bool {
	topic := func(l string) string {
		for _, w := range []string{"termin", "online", "persönlich", "gebühr", "kosten"} {
			if strings.Contains(l, w) {
				return w
			}
		}
		return ""
	}
	negated := func(l string) bool {
		return regexp.MustCompile(`\b(nicht|kein\w*|ohne)\b|kostenlos|gebührenfrei|0,00`).MatchString(l)
	}
	l := strings.ToLower(s)
	t := topic(l)
	for _, other := range sourceSentences(text) {
		o := strings.ToLower(other)
		if topic(o) == t && negated(o) != negated(l) {
			return false
		}
	}
	return true
}

// contradict writes, in other words, the opposite of what a source
// sentence says about an appointment, doing it online, coming in person or
// a fee.
func contradict(s string) (string, bool) {
	l := strings.ToLower(s)
	negated := regexp.MustCompile(`\b(nicht|kein\w*|ohne)\b`).MatchString(l)
	free := strings.Contains(l, "kostenlos") || strings.Contains(l, "gebührenfrei") || strings.Contains(l, "0,00")
	switch {
	case strings.Contains(l, "termin") && !strings.Contains(l, "online"):
		if negated {
			return "Dafür brauchen Sie unbedingt vorher einen Termin", true
		}
		return "Einen Termin brauchen Sie dafür nicht, kommen Sie einfach vorbei", true
	case strings.Contains(l, "online") && !strings.Contains(l, "termin"):
		if negated {
			return "Das können Sie bequem online erledigen", true
		}
		return "Online geht das leider nicht", true
	case strings.Contains(l, "persönlich"):
		if negated {
			return "Sie müssen dafür persönlich vorbeikommen", true
		}
		return "Sie müssen nicht persönlich erscheinen", true
	case free:
		return "Dafür fällt eine Gebühr an", true
	case strings.Contains(l, "gebühr"):
		return "Das ist kostenlos", true
	}
	return "", false
}

// negate turns a sentence into its opposite the way a careless model
// does: it drops a negation or adds one.
func negate(s string) (string, bool) {
	type swap struct{ from, to string }
	for _, sw := range []swap{
		{"Nicht online", "Online"}, {" nicht ", " "}, {" keine ", " eine "}, {" keinen ", " einen "}, {" kein ", " ein "},
		{"Keine ", "Eine "}, {"Kein ", "Ein "}, {" ohne ", " mit "}, {"Ohne ", "Mit "},
		{"kostenlos", "kostenpflichtig"}, {"gebührenfrei", "gebührenpflichtig"}, {"kostenfrei", "kostenpflichtig"},
	} {
		if strings.Contains(s, sw.from) {
			return strings.Replace(s, sw.from, sw.to, 1), true
		}
	}
	for _, w := range []string{" erforderlich", " notwendig", " nötig", " möglich", " online", " persönlich", " verpflichtend"} {
		if i := strings.Index(s, w); i >= 0 {
			return s[:i] + " nicht" + s[i:], true
		}
	}
	for _, v := range []string{" ist ", " sind ", " wird ", " werden ", " muss ", " müssen ", " kann ", " können "} {
		if i := strings.Index(s, v); i >= 0 {
			return s[:i+len(v)] + "nicht " + s[i+len(v):], true
		}
	}
	return "", false
}
