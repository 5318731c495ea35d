// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Placeholders for names, addresses and IBAN-shaped numbers that fail
// their checksum (see Redact).
const (
	placeholderName    = "[NAME]"
	placeholderAddress = "[ADRESSE]"
)

// --- names ---

// nameWordExpr is one word of a name: capitalised, optionally
// hyphenated ("Müller-Lüdenscheidt"), or an abbreviated first name ("H.").
const nameWordExpr = `[A-ZÄÖÜ][a-zäöüßéèáàç'’]+(?:-[A-ZÄÖÜ][a-zäöüßéèáàç'’]+)?`

// nameCueRE finds a phrase that introduces a person's name and the up to
// three name words after it. Cue words are matched without case; the name
// words must be capitalised. The cues: "mein Name ist", "ich heiße",
// "Name:", "my name is", "Herr", "Frau" (with an optional "Dr."/"Prof."),
// and — handled more carefully by redactNames — "ich bin", "I am".
var nameCueRE = regexp.MustCompile(`((?i:\bmein name ist|\bmein name lautet|\bich heiße|\bich heisse|\bname:|\bmy name is|\bich bin|\bi am|\bi'm|\bherrn?|\bfrau|\bhr\.|\bfr\.)[ ]+(?:(?:Dr|Prof)\.[ ]*)?)(` +
	nameWordExpr + `(?:[ ]+(?:(?:von|van|de|zu|der|den|ter)[ ]+)?` + nameWordExpr + `){0,2})`)

// nameCueParts are parts of nameCueRE's cues, lower-case: every match of
// a cue contains one of them.
var nameCueParts = []string{"name", "ich hei", "ich bin", "i am", "i'm", "herr", "frau", "hr.", "fr."}

// hasNameCue reports whether s may contain a cue of nameCueRE, so that
// most messages skip the regexp. The regexp matches the cues without
// case, by Unicode's simple folding; lower-casing maps every rune those
// letters fold with onto the letter but the long s, replaced here.
func hasNameCue(s string) bool {
	l := strings.ToLower(s)
	if strings.Contains(l, "ſ") {
		l = strings.ReplaceAll(l, "ſ", "s")
	}
	for _, p := range nameCueParts {
		if strings.Contains(l, p) {
			return true
		}
	}
	return false
}

// notNameWords are capitalised words that follow the cues in ordinary
// sentences: pronouns ("ich heiße Sie willkommen"), and what people say
// they are ("ich bin Rentner", "ich bin Deutsche"). General German, no town's
// vocabulary.
var notNameWords = map[string]bool{
	"sie": true, "ihnen": true, "ihr": true, "ihre": true, "ihren": true, "ihrem": true, "euch": true, "du": true,
	"dich": true, "dir": true, "er": true, "es": true, "wir": true, "man": true, "der": true, "die": true, "das": true,
	"den": true, "dem": true, "ein": true, "eine": true, "einer": true, "kein": true, "keine": true, "nicht": true,
	"auch": true, "hier": true, "dr": true, "prof": true, "neu": true, "not": true, "a": true, "an": true, "the": true, "sorry": true,
	"bürger": true, "bürgerin": true, "rentner": true, "rentnerin": true, "student": true, "studentin": true,
	"schüler": true, "schülerin": true, "mieter": true, "mieterin": true, "vermieter": true, "vermieterin": true,
	"eigentümer": true, "eigentümerin": true, "mitarbeiter": true, "mitarbeiterin": true, "deutsche": true,
	"deutscher": true, "ausländer": true, "ausländerin": true, "vater": true, "mutter": true, "elternteil": true,
	"empfänger": true, "empfängerin": true, "antragsteller": true, "antragstellerin": true, "inhaber": true,
	"inhaberin": true, "selbstständig": true, "selbständig": true, "arbeitslos": true, "schwanger": true,
	"gewerbetreibende": true, "gewerbetreibender": true, "alleinerziehend": true, "alleinerziehende": true,
	"bürgermeister": true, "bürgermeisterin": true, "kollege": true, "kollegin": true, "kunde": true, "kundin": true,
}

// notNameSuffixes end German nouns of things and offices, never names:
// "Frau Bürgermeisterin" stays a title, "ich bin Wohngeld Empfänger" and
// "Frau Meldebescheinigung" (a misheard phone input) are no names.
var notNameSuffixes = []string{
	"ung", "heit", "keit", "schaft", "tion", "amt", "ämter", "antrag", "ausweis", "pass", "geld", "steuer",
	"schein", "karte", "bescheid", "termin", "zentrum", "büro", "stelle", "behörde", "gebühr", "urkunde",
	"erlaubnis", "verwaltung", "schule", "gericht", "kasse", "versicherung", "leistung", "zulage",
}

// roleEndings end words that say what someone is ("Lehrer", "Studentin",
// "Pianist"). After "ich bin" a single such word is taken for a role, not
// a name; with "mein Name ist" or "Herr"/"Frau" it is a name ("Herr
// Fischer").
var roleEndings = []string{"er", "erin", "in", "ent", "entin", "ist", "istin", "ling", "e"}

func notName(w string) bool {
	lw := strings.ToLower(w)
	if notNameWords[lw] {
		return true
	}
	for _, suf := range notNameSuffixes {
		if lw == suf || (strings.HasSuffix(lw, suf) && len(lw) >= len(suf)+3) {
			return true
		}
	}
	return false
}

func hasRoleEnding(w string) bool {
	lw := strings.ToLower(w)
	for _, e := range roleEndings {
		if strings.HasSuffix(lw, e) {
			return true
		}
	}
	return false
}

// redactNames replaces the name after a cue by [NAME] and keeps the cue:
// "Mein Name ist [NAME]", "Frau [NAME] hat angerufen". Name words are taken
// up to the first word that is no name (notName); after "ich bin" / "I am"
// a single word counts only if it has no role ending, so "ich bin
// umgezogen", "ich bin Rentnerin" and "ich bin Lehrer" stay.
func redactNames(s string) string {
	if !hasNameCue(s) {
		return s
	}
	return scanReplace(s, nameCueRE, func(s string, loc []int) (int, string, bool) {
		cue := strings.ToLower(strings.TrimSpace(s[loc[2]:loc[3]]))
		words := strings.Fields(s[loc[4]:loc[5]])
		// Take name words up to the first that is no name; particles
		// ("von") count only between two name words.
		n, end := 0, loc[4]
		pos := loc[4]
		for _, w := range words {
			i := strings.Index(s[pos:], w) + pos
			pos = i + len(w)
			if isNameParticle(w) {
				continue
			}
			if notName(w) {
				break
			}
			n++
			end = pos
		}
		if n == 0 {
			return 0, "", false
		}
		if end < len(s) {
			if r, _ := utf8.DecodeRuneInString(s[end:]); isWordRune(r) {
				return 0, "", false
			}
		}
		if strings.HasPrefix(cue, "ich bin") || strings.HasPrefix(cue, "i am") || strings.HasPrefix(cue, "i'm") {
			first := words[0]
			if n == 1 && hasRoleEnding(first) {
				return 0, "", false
			}
			// "Ich bin Anna." but not "Ich bin Rentner und …" (handled
			// above) nor "Ich bin Zuhause" (no capital letter needed in
			// a name cue, but a lower-case rest of sentence after one
			// word is fine).
		}
		return end, s[loc[0]:loc[4]] + placeholderName, true
	})
}

func isNameParticle(w string) bool {
	switch w {
	case "von", "van", "de", "zu", "der", "den", "ter":
		return true
	}
	return false
}

// --- street addresses ---

// redactStreetRE finds a street name and a house number ("Hauptstraße 5",
// "Lindenweg 12a", "Berliner Str. 7-9", "Am Bahnhofsplatz 3"), optionally
// followed by ", 12345 Ort". Street names are recognised by the endings
// German streets have.
var redactStreetRE = regexp.MustCompile(`(?:[A-ZÄÖÜ][a-zäöüß]+(?:er)?[ ]+(?:Straße|Strasse|Str\.|Allee|Platz|Weg|Ring|Damm|Gasse|Chaussee|Ufer)` +
	`|[A-ZÄÖÜ][a-zäöüß\-]*(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|pfad|steig|stieg))` +
	`[ ]?[1-9][0-9]{0,3}[ ]?[a-hA-H]?(?:[ ]?[-–/][ ]?[1-9][0-9]{0,3}[a-hA-H]?)?` +
	`(?:,?[ ]+[0-9]{5}[ ]+[A-ZÄÖÜ][a-zäöüß]+(?:[ \-][A-ZÄÖÜ][a-zäöüß]+)?)?`)

// notStreetPrefixes start words that end in "platz" but name a place in a
// row, not a street ("Parkplatz 3", "Arbeitsplatz 2"). General German.
var notStreetPrefixes = []string{"park", "stell", "arbeits", "spiel", "sitz", "steh", "liege", "camping", "abstell", "tabellen", "sport", "halte", "warte", "kita", "krippen", "kindergarten", "studien", "ausbildungs", "schul", "pflege"}

func redactAddresses(s string) string {
	return scanReplace(s, redactStreetRE, func(s string, loc []int) (int, string, bool) {
		start, end := loc[0], loc[1]
		if !standsAlone(s, start, end) || continuesAsNumber(s[end:]) {
			return 0, "", false
		}
		first := strings.ToLower(strings.Fields(s[start:end])[0])
		for _, p := range notStreetPrefixes {
			if strings.HasPrefix(first, p) && strings.HasSuffix(first, "platz") {
				return 0, "", false
			}
		}
		return end, placeholderAddress, true
	})
}

// --- IBANs that fail their checksum ---

// ibanShapeRE finds what is written like an IBAN: a country code, two
// check digits and groups of four, or a run of digits. The match may run
// into the next word; redactIBANShapes tries its prefixes.
var ibanShapeRE = regexp.MustCompile(`(?i)[a-z]{2}[0-9]{2}(?:(?:[ ]?[0-9a-z]{4})+(?:[ ]?[0-9]{1,3})?|[0-9]{8,30})`)

// ibanContextRE finds words that announce a bank account.
var ibanContextRE = regexp.MustCompile(`(?i)(iban|konto|bankverbindung|überweis|lastschrift|bank account|account number)`)

// redactIBANShapes replaces IBAN-shaped numbers whose checksum fails — a
// typo or half an IBAN is still a person's bank account — when they have
// their country's full length, are written in groups of four, or the text
// speaks of an account. Valid IBANs are redacted before, by redactIBANs.
func redactIBANShapes(s string) string {
	context := lazyMatch(ibanContextRE, s)
	return scanReplace(s, ibanShapeRE, func(s string, loc []int) (int, string, bool) {
		start := loc[0]
		if start > 0 {
			if r, _ := utf8.DecodeLastRuneInString(s[:start]); isWordRune(r) {
				return 0, "", false
			}
		}
		for e := loc[1]; e >= start+12; e-- {
			if s[e-1] == ' ' || !standsAlone(s, start, e) {
				continue
			}
			if ibanShaped(s[start:e], context) {
				return e, placeholderIBAN, true
			}
		}
		return 0, "", false
	})
}

// ibanShaped reports whether c (country code, check digits, the rest) is
// to be taken for a bank account.
func ibanShaped(c string, context func() bool) bool {
	cc := strings.ToUpper(c[:2])
	want, known := ibanLengths[cc]
	if !known {
		return false
	}
	rest := c[4:]
	compact := strings.ReplaceAll(rest, " ", "")
	if len(compact) < 8 || 4+len(compact) > want {
		return false
	}
	nDigits := 0
	for _, r := range compact {
		if unicode.IsDigit(r) {
			nDigits++
		}
	}
	// German IBANs are all digits; others mix in a few letters
	// ("GB82 WEST …"); words do not look like that.
	if (cc == "DE" && nDigits != len(compact)) || 2*nDigits < len(compact) {
		return false
	}
	grouped := strings.Count(rest, " ") >= 2
	return 4+len(compact) == want || grouped || context()
}
