// SPDX-License-Identifier: EUPL-1.2

// Package german holds the general German (and a little English) language
// handling that every part of Lotse shares: folding, word splitting,
// stemming, stop words and yes/no answers. It imports nothing from the
// module, so the knowledge base, the assistant and the channels can all use
// it; vocabulary of one town belongs in that town's knowledge, not here.
package german

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	snowball "github.com/blevesearch/snowballstem/german"
)

// foldRune returns the folded spelling of a lower-case rune, or "" when the
// rune stays as it is. Umlauts and ß get their two-letter spellings, so that
// "Gebühr", "Gebuehr" and "GEBÜHR" agree; the Turkish and Polish letters
// that German speakers type without diacritics lose them.
func foldRune(r rune) string {
	switch r {
	case 'ä':
		return "ae"
	case 'ö':
		return "oe"
	case 'ü':
		return "ue"
	case 'ß', 'ẞ':
		return "ss"
	case 'ı':
		return "i"
	case 'ş':
		return "s"
	case 'ğ':
		return "g"
	case 'ç':
		return "c"
	case 'ą':
		return "a"
	case 'ę':
		return "e"
	case 'ł':
		return "l"
	case 'ń':
		return "n"
	case 'ó':
		return "o"
	case 'ś':
		return "s"
	case 'ź', 'ż':
		return "z"
	case 'é', 'è', 'ê', 'ë':
		// Loanwords keep their accents or lose them ("Café", "Cafe").
		return "e"
	case 'á', 'à', 'â':
		return "a"
	case 'í', 'ì', 'î', 'ï':
		return "i"
	case 'ò', 'ô':
		return "o"
	case 'ú', 'ù', 'û':
		return "u"
	case 'ñ':
		return "n"
	}
	return ""
}

// Fold lower-cases s and folds umlauts and ß to their two-letter spellings
// (ä→ae, ö→oe, ü→ue, ß→ss), a few Turkish and Polish letters and the
// accents of loanwords ("Café", "Crêpe") to their bases. Everything else, punctuation included, is kept.
func Fold(s string) string {
	if ascii, lower := asciiCase(s); ascii {
		// ASCII folds to itself lower-cased: no umlaut, no ß.
		if lower {
			return s
		}
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		// ASCII bytes, most of German text, are lower-cased as bytes, a
		// run of those that are no capitals at once; other runes are
		// decoded (invalid bytes as U+FFFD, as range does).
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				b.WriteByte(c + 'a' - 'A')
				i++
				continue
			}
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf && (s[j] < 'A' || s[j] > 'Z') {
				j++
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		r = unicode.ToLower(r)
		if r == '\u0307' {
			continue // the dot of a lower-cased Turkish İ
		}
		if f := foldRune(r); f != "" {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// asciiCase reports whether s is all ASCII and, if so, whether it has no
// upper-case letter.
func asciiCase(s string) (ascii, lower bool) {
	lower = true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return false, false
		}
		if 'A' <= c && c <= 'Z' {
			lower = false
		}
	}
	return true, lower
}

// isWordRune reports whether r belongs to a word: letters, digits and
// combining marks.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Words folds s and splits it into words of letters and digits; everything
// else separates words, so "Kfz-Zulassung" becomes "kfz" and "zulassung".
func Words(s string) []string {
	f := Fold(s)
	return appendFolded(make([]string, 0, len(f)/6+1), f)
}

// AppendWords appends the words of s, as Words returns them, to dst.
func AppendWords(dst []string, s string) []string {
	return appendFolded(dst, Fold(s))
}

// appendFolded appends the words of the folded text f to dst: what
// strings.FieldsFunc(f, !isWordRune) returns, without a call per rune and
// a second pass.
func appendFolded(dst []string, f string) []string {
	start := -1
	for i := 0; i < len(f); {
		c, size := f[i], 1
		var word bool
		if c < utf8.RuneSelf {
			word = asciiWord[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(f[i:])
			word = isWordRune(r)
		}
		if word {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			dst = append(dst, f[start:i])
			start = -1
		}
		i += size
	}
	if start >= 0 {
		dst = append(dst, f[start:])
	}
	return dst
}

// asciiWord says which ASCII bytes isWordRune accepts: letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

// Normalize is the matching form of a sentence: its words joined by single
// blanks, with "§" spelled out as "paragraph", so that "Wie läuft's?!" and
// "wie laeuft s" compare equal.
func Normalize(s string) string {
	return strings.Join(NormalWords(s), " ")
}

// NormalWords returns the words of Normalize(s): strings.Fields of it,
// without joining them and splitting again (no word holds a blank).
func NormalWords(s string) []string {
	if strings.ContainsRune(s, '§') {
		s = strings.ReplaceAll(s, "§", " paragraph ")
	}
	return Words(s)
}

// Stem returns the Snowball German stem of a folded word. Because the input
// is folded, the stemmer sees "ae" instead of "ä", which it handles as plain
// letters; callers that stem both sides of a comparison with Stem agree.
// Words of up to three letters and numbers are returned unchanged.
func Stem(w string) string {
	if len(w) <= 3 || isNumber(w) {
		return w
	}
	w = Masculine(w)
	if s, ok := stemASCII(w); ok {
		return s
	}
	return snowballStem(w)
}

// snowballStem runs the Snowball German stemmer on w.
func snowballStem(w string) string {
	env := snowballstem.NewEnv(w)
	snowball.Stem(env)
	return env.Current()
}

// stemASCII is the Snowball German stemmer (the algorithm of the
// generated snowballstem/german, step for step) for words of lower-case
// ASCII letters and digits, the words almost all German text folds to. It
// works on positions instead of an editable copy and does not allocate:
// on such words Snowball only ever marks a u or y between vowels as a
// consonant and removes suffixes, so the stem is a prefix of w. ok is
// false for other words (and words over 64 bytes), which the generated
// stemmer handles; TestStemASCIIMatchesSnowball compares the two.
func stemASCII(w string) (stem string, ok bool) {
	n := len(w)
	if n > 64 {
		return "", false
	}
	for i := 0; i < n; i++ {
		if c := w[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return "", false
		}
	}
	// Prelude: a u or y between vowels counts as a consonant.
	var cons uint64
	vowel := func(i int) bool {
		switch w[i] {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			return cons&(1<<i) == 0
		}
		return false
	}
	for i := 0; i+2 < n; i++ {
		if (w[i+1] == 'u' || w[i+1] == 'y') && vowel(i) && vowel(i+2) {
			cons |= 1 << (i + 1)
		}
	}
	// Regions: R1 starts after the first consonant that follows a vowel,
	// but not before the fourth letter; R2 likewise within R1.
	p1, p2 := n, n
	if n >= 3 {
		next := func(from int, v bool) int { // index after the first letter at or after from that is (not) a vowel, -1 if none
			for i := from; i < n; i++ {
				if vowel(i) == v {
					return i + 1
				}
			}
			return -1
		}
		if c := next(0, true); c >= 0 {
			if c = next(c, false); c >= 0 {
				p1 = max(c, 3)
				if c = next(c, true); c >= 0 {
					if c = next(c, false); c >= 0 {
						p2 = c
					}
				}
			}
		}
	}
	sEnding := func(i int) bool { // b d f g h k l m n r t
		if i < 0 {
			return false
		}
		switch w[i] {
		case 'b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'r', 't':
			return true
		}
		return false
	}
	ends := func(m int, suf string) bool { return m >= len(suf) && w[m-len(suf):m] == suf }

	// Step 1.
	m := n
	switch {
	case ends(m, "ern"):
		if m-3 >= p1 {
			m -= 3
		}
	case ends(m, "em"), ends(m, "er"):
		if m-2 >= p1 {
			m -= 2
		}
	case ends(m, "en"), ends(m, "es"), ends(m, "e"):
		k := 1
		if !ends(m, "e") {
			k = 2
		}
		if m-k >= p1 {
			m -= k
			if ends(m, "niss") {
				m--
			}
		}
	case ends(m, "s"):
		if m-1 >= p1 && sEnding(m-2) {
			m--
		}
	}
	// Step 2.
	switch {
	case ends(m, "est"):
		if m-3 >= p1 {
			m -= 3
		}
	case ends(m, "st"):
		if b := m - 2; b >= p1 && b >= 4 && sEnding(b-1) && w[b-1] != 'r' {
			m = b
		}
	case ends(m, "en"), ends(m, "er"):
		if m-2 >= p1 {
			m -= 2
		}
	}
	// Step 3.
	switch {
	case ends(m, "end"), ends(m, "ung"):
		if b := m - 3; b >= p2 {
			m = b
			if ends(m, "ig") && (m-3 < 0 || w[m-3] != 'e') && m-2 >= p2 {
				m -= 2
			}
		}
	case ends(m, "ig"), ends(m, "ik"), ends(m, "isch"):
		k := 2
		if ends(m, "isch") {
			k = 4
		}
		if b := m - k; b >= p2 && (b < 1 || w[b-1] != 'e') {
			m = b
		}
	case ends(m, "lich"), ends(m, "heit"):
		if b := m - 4; b >= p2 {
			m = b
			if (ends(m, "er") || ends(m, "en")) && m-2 >= p1 {
				m -= 2
			}
		}
	case ends(m, "keit"):
		if b := m - 4; b >= p2 {
			m = b
			if ends(m, "ig") && m-2 >= p2 {
				m -= 2
			} else if ends(m, "lich") && m-4 >= p2 {
				m -= 4
			}
		}
	}
	return w[:m], true
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// feminineEndings are the endings of German feminine person nouns
// ("Architektin", "Antragstellerinnen", "Ärztin") with what the masculine
// form ends in instead; checked longest first.
var feminineEndings = []struct{ fem, masc string }{
	{"erinnen", "er"}, {"entinnen", "ent"}, {"antinnen", "ant"}, {"istinnen", "ist"},
	{"ektinnen", "ekt"}, {"eurinnen", "eur"}, {"orinnen", "or"}, {"andinnen", "and"},
	{"atinnen", "at"}, {"oginnen", "oge"}, {"aerztinnen", "aerzt"}, {"aeltinnen", "aelt"},
	{"erin", "er"}, {"entin", "ent"}, {"antin", "ant"}, {"istin", "ist"},
	{"ektin", "ekt"}, {"eurin", "eur"}, {"orin", "or"}, {"andin", "and"},
	{"atin", "at"}, {"ogin", "oge"}, {"aerztin", "aerzt"}, {"aeltin", "aelt"},
}

// Masculine turns the feminine form of a folded German person noun into
// the masculine one, which the sources mostly use: "architektin" →
// "architekt", "lehrerinnen" → "lehrer", "aerztin" → "aerzt" (LightStem
// then meets "arzt"). Words of fewer than seven letters ("login",
// "termin") and other words are returned unchanged.
func Masculine(w string) string {
	if len(w) < 7 || !strings.Contains(w, "in") {
		return w
	}
	for _, e := range feminineEndings {
		if rest, ok := strings.CutSuffix(w, e.fem); ok && len(rest)+len(e.masc) >= 4 {
			return rest + e.masc
		}
	}
	return w
}

// lightEndings are the German (and English plural) endings LightStem
// removes, longest first.
var lightEndings = []string{"ungen", "ung", "ern", "en", "er", "es", "e", "s"}

// LightStem removes one common inflection ending from a folded word and
// spells the folded umlauts as plain vowels, keeping at least four letters:
// "reisepasses", "reisepaesse" and "reisepass" meet, "persoenlich" and
// "perso" do not. It is a crude stemmer for matching names and whole words,
// where Snowball conflates too much.
func LightStem(w string) string {
	if rest, ok := strings.CutSuffix(w, "s"); ok && len(rest) >= 2 && !strings.ContainsAny(rest, "aeiouy") {
		// The plural of an abbreviation: "pdfs", "pcs", "vms".
		return rest
	}
	w = Masculine(w)
	if hasUmlautPair(w) {
		w = dropUmlautE(w)
	}
	for _, suf := range lightEndings {
		if !strings.HasSuffix(w, suf) || len([]rune(w))-len(suf) < 4 {
			continue
		}
		if suf == "s" && (strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "is") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "as")) {
			// Not an inflection: "ausweis", "reisepass", "bus".
			return w
		}
		return strings.TrimSuffix(w, suf)
	}
	return w
}

// dropUmlautE replaces every "ae", "oe" and "ue" of w by its vowel, as
// replacing all "ae", then all "oe", then all "ue" does (no replacement
// makes a pair for a later one), in one copy instead of three.
func dropUmlautE(w string) string {
	var b strings.Builder
	b.Grow(len(w))
	for i := 0; i < len(w); i++ {
		c := w[i]
		b.WriteByte(c)
		if (c == 'a' || c == 'o' || c == 'u') && i+1 < len(w) && w[i+1] == 'e' {
			i++
		}
	}
	return b.String()
}

// hasUmlautPair reports whether w holds "ae", "oe" or "ue"; most words
// hold none, and need no replacing.
func hasUmlautPair(w string) bool {
	for i := 1; i < len(w); i++ {
		if w[i] == 'e' {
			if p := w[i-1]; p == 'a' || p == 'o' || p == 'u' {
				return true
			}
		}
	}
	return false
}

// separablePrefixes are the particles of German separable verbs, which put
// "ge" between themselves and the verb in the participle ("zurückgezahlt").
var separablePrefixes = []string{"zurueck", "zusammen", "heraus", "herein", "ab", "an", "auf", "aus", "bei", "ein", "fest", "frei", "her", "hin", "los", "mit", "nach", "um", "vor", "weg", "zu"}

// separableByFirst and inseparableByFirst are separablePrefixes and
// inseparablePrefixes by their first byte, in the lists' order: only the
// prefixes that begin with a word's first byte can begin it, and a word
// is tried against those few.
var (
	separableByFirst   = prefixesByFirst(separablePrefixes)
	inseparableByFirst = prefixesByFirst(inseparablePrefixes)
)

// prefixesByFirst lists the prefixes ps by their first byte, each list in
// the order of ps.
func prefixesByFirst(ps []string) *[256][]string {
	var t [256][]string
	for _, p := range ps {
		t[p[0]] = append(t[p[0]], p)
	}
	return &t
}

// DropParticiple turns a participle of a folded word into a form of the
// verb that meets its infinitive: a weak participle into the verb's stem
// ("gezahlt" → "zahl", "zurueckgezahlt" → "zurueckzahl", "umgemeldet" →
// "ummeld"), a strong or mixed one into the infinitive ("umgezogen" →
// "umziehen", "verloren" → "verlieren", "mitgebracht" → "mitbringen").
// Other words are returned unchanged.
func DropParticiple(w string) string {
	if inf := strongParticiple(w); inf != "" {
		return inf
	}
	if len(w) < 7 || !strings.HasSuffix(w, "t") || !strings.Contains(w, "ge") || nounEnd(w) {
		return w
	}
	trim := func(rest string) string {
		rest = strings.TrimSuffix(rest, "t")
		if strings.HasSuffix(rest, "e") && len(rest) > 4 {
			rest = strings.TrimSuffix(rest, "e") // "gemeldet" → "meld"
		}
		return rest
	}
	for _, p := range separableByFirst[w[0]] {
		if rest, ok := cutPrefixes(w, p, "ge"); ok && len(rest) >= 4 {
			return p + trim(rest)
		}
	}
	if rest, ok := strings.CutPrefix(w, "ge"); ok && len(rest) >= 5 {
		if inherentGe(w) {
			// "genehmigt" of "genehmigen": the "ge" is the verb's own.
			return trim(w)
		}
		return trim(rest)
	}
	return w
}

// inherentGeVerbs are stems of verbs whose "ge" belongs to the verb and
// takes no second one in the participle ("genehmigen" → "genehmigt",
// "gestatten" → "gestattet").
var inherentGeVerbs = []string{"genehmig", "gestatt", "gewaehr", "gestalt", "gehoer", "gehorch", "gewoehn", "gefaehrd", "gebrauch"}

// inherentGe reports whether w begins with the stem of a verb of
// inherentGeVerbs.
func inherentGe(w string) bool {
	for _, v := range inherentGeVerbs {
		if strings.HasPrefix(w, v) {
			return true
		}
	}
	return false
}

// nounEnds are endings of nouns that begin with "ge" and end in "t" like
// a weak participle ("Gewerbegebiet", "Gesundheitsamt", "Gericht",
// "Geschäft", "Gelegenheit"); no participle ends in them.
var nounEnds = []string{"heit", "keit", "schaft", "amt", "iet", "ort", "rat", "raet", "stadt", "recht", "icht", "schaeft", "dienst", "markt"}

// nounEnd reports whether w ends like a noun of nounEnds.
func nounEnd(w string) bool {
	for _, e := range nounEnds {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// inseparablePrefixes are the prefixes that stay on a verb and take no "ge"
// in its participle ("verloren", "bestanden", "unterschrieben").
var inseparablePrefixes = []string{"be", "emp", "ent", "er", "hinter", "miss", "ueber", "unter", "ver", "wider", "zer"}

// strongParticiple returns the infinitive of w when w is the participle of
// a common strong or mixed verb, with "ge" ("gestorben"), a separable
// particle and "ge" ("umgezogen", "nachgewiesen") or an inseparable prefix
// ("verloren", "entzogen"); otherwise "". Their vowels change, so no rule
// of endings finds the verb.
func strongParticiple(w string) string {
	if len(w) < 7 || !strings.HasSuffix(w, "en") && !strings.HasSuffix(w, "t") {
		return ""
	}
	if rest, ok := strings.CutPrefix(w, "ge"); ok {
		if inf := strongInfinitive(rest); inf != "" {
			return inf
		}
	}
	if strings.Contains(w[1:], "ge") {
		for _, p := range separableByFirst[w[0]] {
			if rest, ok := cutPrefixes(w, p, "ge"); ok {
				if inf := strongInfinitive(rest); inf != "" {
					return p + inf
				}
			}
		}
	}
	for _, p := range inseparableByFirst[w[0]] {
		if rest, ok := strings.CutPrefix(w, p); ok {
			if inf := strongInfinitive(rest); inf != "" {
				return p + inf
			}
		}
	}
	return ""
}

// strongInfinitive returns the infinitive of a strong or mixed verb's
// participle without its prefixes ("zogen" → "ziehen"), or "". Verbs whose
// participle reads as another word's form ("bekannt", "vergessen",
// "Gefahren", "Betrieben", "abgelaufen" beside "Ablauf") are left out.
func strongInfinitive(core string) string {
	switch core {
	case "zogen":
		return "ziehen"
	case "storben":
		return "sterben"
	case "schrieben":
		return "schreiben"
	case "geben", "lassen", "tragen", "fallen", "halten", "lesen", "sehen", "kommen", "rufen",
		"schlagen", "fangen":
		return core
	case "funden":
		return "finden"
	case "stohlen":
		return "stehlen"
	case "nommen":
		return "nehmen"
	case "loren":
		return "lieren"
	case "gangen":
		return "gehen"
	case "sprochen":
		return "sprechen"
	case "troffen":
		return "treffen"
	case "holfen":
		return "helfen"
	case "schlossen":
		return "schliessen"
	case "blieben":
		return "bleiben"
	case "standen":
		return "stehen"
	case "stiegen":
		return "steigen"
	case "schoben":
		return "schieben"
	case "worben":
		return "werben"
	case "boten":
		return "bieten"
	case "brochen":
		return "brechen"
	case "worfen":
		return "werfen"
	case "wiesen":
		return "weisen"
	case "hoben":
		return "heben"
	case "bracht":
		return "bringen"
	case "nannt":
		return "nennen"
	case "griffen":
		return "greifen"
	case "schienen":
		return "scheinen"
	case "liehen":
		return "leihen"
	case "bunden":
		return "binden"
	}
	return ""
}

// FeminineSingular reports whether the noun w (a word as written, a
// compound's last part deciding) is feminine and singular by its ending,
// so that "in der …" fits before it: "Satzung", "Pressemitteilung",
// "IT-Hilfe", "Bekanntmachung"; not "Amtsblatt", "Ortsrecht",
// "Dienstleistungen".
func FeminineSingular(w string) bool {
	w = strings.ToLower(strings.TrimRight(w, ".,:;!?"))
	if i := strings.LastIndexAny(w, "-–"); i >= 0 {
		w = w[i+len("-"):]
	}
	for _, end := range []string{"ung", "ion", "heit", "keit", "schaft", "tät", "ik", "ie", "hilfe", "seite", "bank", "faq", "vorschrift", "liste", "sammlung", "übersicht", "uebersicht", "auskunft", "nachricht", "info"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// DropZuInfix turns the zu-infinitive of a separable verb into the
// infinitive so that it meets the other forms: "abzumelden" → "abmelden",
// "anzuzeigen" → "anzeigen", "zuzulassen" → "zulassen". The rest of the
// word must be at least four letters ("zuhause" stays) and begin as a
// German word can: in "Umzugswagen" and "vorzugsweise" the "zu" belongs to
// the noun ("gswagen" is no verb).
func DropZuInfix(w string) string {
	if !strings.Contains(w, "zu") {
		return w // most words: no prefix is worth trying
	}
	for _, p := range separableByFirst[w[0]] {
		rest, ok := cutPrefixes(w, p, "zu")
		if ok && utf8.RuneCountInString(rest) >= 4 && isLetters(rest) && germanOnset(rest) {
			return p + rest
		}
	}
	return w
}

// germanOnset reports whether w begins as a German word may: with a
// vowel, or with a consonant cluster German words begin with.
func germanOnset(w string) bool {
	i := strings.IndexFunc(w, func(r rune) bool { return strings.ContainsRune("aeiouyäöü", r) })
	if i <= 1 {
		return i >= 0
	}
	switch w[:i] {
	case "bl", "br", "ch", "dr", "fl", "fr", "gl", "gn", "gr", "kl", "kn", "kr", "pf", "ph", "pl", "pr", "qu",
		"sch", "schl", "schm", "schn", "schr", "schw", "sk", "sl", "sm", "sn", "sp", "spr", "spl", "st", "str", "sz",
		"th", "tr", "ts", "tsch", "tz", "wr", "zw", "pfl", "pfr":
		return true
	}
	return false
}

// cutPrefixes is strings.CutPrefix(w, p+q) without building p+q: these
// run for every word of every question.
func cutPrefixes(w, p, q string) (string, bool) {
	if rest, ok := strings.CutPrefix(w, p); ok && strings.HasPrefix(rest, q) {
		return rest[len(q):], true
	}
	return w, false
}

func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
