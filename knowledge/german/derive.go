// SPDX-License-Identifier: EUPL-1.2

package german

import "strings"

// verbNouns pairs the stems of strong verbs with the nouns German derives
// from them by changing the vowel or the ending ("schreiben" →
// "Schrift", "nehmen" → "Nahme"), which no rule of endings finds. A
// regular noun in "-ung" ("anmelden" → "Anmeldung") meets its verb by
// stemming and needs no entry.
var verbNouns = []struct{ verb, noun string }{
	{"schreib", "schrift"},
	{"zieh", "zug"},
	{"nehm", "nahme"},
	{"seh", "sicht"},
	{"tret", "tritt"},
	{"schliess", "schluss"},
	{"komm", "kunft"},
	{"leg", "lage"},
	{"geb", "gabe"},
	{"sprech", "spruch"},
	{"sprech", "sprache"},
	{"greif", "griff"},
	{"flieg", "flug"},
	{"fahr", "fahrt"},
	{"biet", "bot"},
	{"geh", "gang"},
	{"reiss", "riss"},
	{"brech", "bruch"},
	{"werf", "wurf"},
	{"find", "fund"},
	{"schieb", "schub"},
	{"fliess", "fluss"},
	{"steig", "stieg"},
}

// verbNounExceptions are verbs whose derived noun means something else:
// "vorsehen" is no "Vorsicht", "aussehen" no "Aussicht", "ausgehen"
// (davon ausgehen, das Papier geht aus) is mostly no "Ausgang"; and
// sources mostly mean another "Auszug" (aus dem Melderegister) and
// "Einzug" (der Lastschrift) than moving out and in.
var verbNounExceptions = map[string]bool{
	"vorseh": true, "ausseh": true, "abseh": true, "uberseh": true, "ueberseh": true,
	"auskomm": true, "ausgeh": true, "auszieh": true, "einzieh": true, "aufgeb": true, "versprech": true, "ansprech": true,
}

// nounPrefixes are the particles a derived noun may carry, and how the
// noun spells them: "zurückgeben" gives "Rückgabe".
var nounPrefixes = []spelling{
	{"zurueck", "rueck"}, {"zusammen", "zusammen"}, {"weiter", "weiter"}, {"wieder", "wieder"},
	{"nieder", "nieder"}, {"durch", "durch"}, {"ueber", "ueber"}, {"unter", "unter"},
	{"wider", "wider"}, {"teil", "teil"}, {"fest", "fest"}, {"frei", "frei"},
	{"nach", "nach"}, {"ab", "ab"}, {"an", "an"}, {"auf", "auf"}, {"aus", "aus"},
	{"bei", "bei"}, {"ein", "ein"}, {"mit", "mit"}, {"um", "um"}, {"vor", "vor"},
	{"zu", "zu"}, {"be", "be"}, {"ent", "ent"}, {"er", "er"}, {"ver", "ver"},
}

// spelling is a particle as a verb and as its noun spell it.
type spelling struct{ verb, noun string }

// nounPrefixesByVerb and nounPrefixesByNoun are nounPrefixes by the first
// byte of their verb's and their noun's spelling, in the list's order:
// a word is tried only against the particles that can begin it.
var (
	nounPrefixesByVerb = spellingsByFirst(func(p spelling) string { return p.verb })
	nounPrefixesByNoun = spellingsByFirst(func(p spelling) string { return p.noun })
)

// spellingsByFirst lists nounPrefixes by the first byte of the spelling
// of, each list in the order of nounPrefixes.
func spellingsByFirst(of func(spelling) string) *[256][]spelling {
	var t [256][]spelling
	for _, p := range nounPrefixes {
		b := of(p)[0]
		t[b] = append(t[b], p)
	}
	return &t
}

// verbEndings are the endings of a verb's infinitive and present tense.
var verbEndings = []string{"en", "e", "t", "st", "est", "et", ""}

// DerivedNoun returns the noun a prefixed strong verb names its act with
// ("unterschreiben" → "unterschrift", "teilnehmen" → "teilnahme",
// "zurückgeben" → "rueckgabe", "einsehen" → "einsicht"), for a folded
// word in the infinitive or the present tense; "" for other words. Only
// verbs with a prefix count: a bare "ziehen" is no "Zug".
func DerivedNoun(w string) string {
	if w == "" {
		return ""
	}
	for _, p := range nounPrefixesByVerb[w[0]] {
		rest, ok := strings.CutPrefix(w, p.verb)
		if !ok || len(rest) < 3 {
			continue
		}
		for _, vn := range verbNouns {
			tail, ok := strings.CutPrefix(rest, vn.verb)
			if !ok || !isVerbEnding(tail) || verbNounExceptions[p.verb+vn.verb] {
				continue
			}
			return p.noun + vn.noun
		}
	}
	return ""
}

// DerivingVerb is DerivedNoun the other way: the stem of the verb a noun
// derived from a prefixed strong verb comes from ("unterschrift" →
// "unterschreib", "teilnahme" → "teilnehm"), for a folded word; "" for
// other words.
func DerivingVerb(w string) string {
	if w == "" {
		return ""
	}
	for _, p := range nounPrefixesByNoun[w[0]] {
		rest, ok := strings.CutPrefix(w, p.noun)
		if !ok || len(rest) < 3 {
			continue
		}
		for _, vn := range verbNouns {
			tail, ok := strings.CutPrefix(rest, vn.noun)
			if !ok || (tail != "" && tail != "n" && tail != "en" && tail != "s" && tail != "es" && tail != "e") || verbNounExceptions[p.verb+vn.verb] {
				continue
			}
			return p.verb + vn.verb
		}
	}
	return ""
}

func isVerbEnding(s string) bool {
	for _, e := range verbEndings {
		if s == e {
			return true
		}
	}
	return false
}

// weekdays are the folded names of the days of the week.
var weekdays = []string{"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"}

// DayOfWeekdayCompound returns the compound with "tag" for a folded compound
// whose head is a weekday ("wahlsonntag" → "wahltag", "marktsamstag" →
// "markttag"): the day an event falls on is its day, whichever weekday
// it is. "" for other words, and for a weekday alone or with a mere
// prefix of day parts ("sonntags", "sonntagmorgen" keep their weekday).
func DayOfWeekdayCompound(w string) string {
	for _, d := range weekdays {
		i := strings.Index(w, d)
		if i < 3 || !strings.HasSuffix(w[i:], d) && !strings.HasSuffix(w[i:], d+"s") && !strings.HasSuffix(w[i:], d+"en") {
			continue
		}
		return w[:i] + "tag"
	}
	return ""
}
