// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"regexp"
	"strings"
	"unicode"
)

// Offices, places, addresses and documents named in an answer.

// Word heads of offices and of documents, as stem writes them. A word
// whose stem ends in one of them and is longer names an office
// ("Standesamt", "Zulassungsstelle") or a document ("Geburtsurkunde",
// "Meldebescheinigung"). These are general German.
var (
	officeHeads = []string{
		"amt", "amter", "buro", "stell", "behord", "zentrum", "verwalt", "referat", "abteil", "kass",
		"gericht", "ministerium", "agentur", "kammer", "anstalt", "dezernat", "rathaus", "polizei",
	}
	wholeOffices  = map[string]bool{"rathaus": true, "polizei": true, "landratsamt": true}
	documentHeads = []string{
		"ausweis", "pass", "urkund", "bescheinig", "nachweis", "foto", "bild", "bestatig", "zeugnis",
		"vollmacht", "erklar", "formular", "antrag", "bescheid", "kart", "schein", "vertrag", "zertifikat",
		"genehmig", "attest", "brief", "erlaubnis", "auszug", "beleg", "gutacht", "register",
	}
	// notNames are words with an office or document head that are
	// neither ("insgesamt").
	notNames = map[string]bool{"insgesamt": true, "gesamt": true, "samt": true, "beamt": true, "bild": true}
)

// nameKind returns claimOffice or claimDocument for a capitalized word
// that names one, with its normalized stem.
func nameKind(word string) (kind, st string) {
	if word == "" || !unicode.IsUpper([]rune(word)[0]) {
		return "", ""
	}
	f := fold(word)
	if strings.ContainsRune(f, ' ') {
		return "", ""
	}
	st = stem(f)
	if notNames[st] {
		return "", ""
	}
	for _, h := range officeHeads {
		if strings.HasSuffix(st, h) && (len(st) >= len(h)+3 || wholeOffices[st]) {
			return claimOffice, st
		}
	}
	for _, h := range documentHeads {
		if strings.HasSuffix(st, h) && len(st) >= len(h)+3 {
			return claimDocument, st
		}
	}
	return "", ""
}

// streetRE finds a street with its house number; postcodeRE a German
// postcode with its place.
var (
	streetRE   = regexp.MustCompile(`\b(\p{Lu}[\p{L}\-]*(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|steig|pfad|markt|hof))\s+\d{1,4}[a-z]?\b`)
	postcodeRE = regexp.MustCompile(`\b\d{5}\s+(\p{Lu}[\p{L}\-]+)`)
	wordRE     = regexp.MustCompile(`[\p{L}][\p{L}\-]*`)
)

// officeCueRE finds the name after words that introduce an office or a
// place: "zuständig ist: X", "wenden Sie sich an X", and a name of two
// capitalized words after "im", "beim", "vom", "zum" or "bei der"
// ("im Bürgerbüro Musterstadt").
var officeCueRE = regexp.MustCompile(`(?i:zuständig(?:e Stelle)?(?: ist| sind)?:?|wenden Sie sich an(?: das| die| den)?|responsible is|contact)\s+(\p{Lu}[\p{L}\-]+)|\b(?:im|beim|vom|bei der|bei dem|an das|an die)\s+(\p{Lu}[\p{L}\-]+)\s+(\p{Lu}[\p{L}\-]+)`)

// namePairRE finds two capitalized words in a row, as names of offices
// and places are written ("Bürgerbüro Musterstadt"); the first must be in
// the source when the second is.
var namePairRE = regexp.MustCompile(`(\p{Lu}[\p{L}\-]+)[ \x{00a0}]+(\p{Lu}[\p{L}\-]+)`)

// requirementRE finds sentences that say what one must bring or submit.
// German separable verbs ("Bringen Sie … mit", "Legen Sie … vor") count
// from the verb; "ohne X geht es nicht" and "vergessen Sie nicht X" name a
// requirement too.
var requirementRE = regexp.MustCompile(`(?i)\b(?:brauch\w*|benötig\w*|bring\w*|mitzubringen|vorleg\w*|vorzulegen|legen|einreich\w*|einzureichen|erforderlich\w*|notwendig\w*|nötig\w*|verlang\w*|vergess\w*|ohne|need\w*|require\w*|bring|provide|submit|without)\b`)

// pronouns are capitalized words that start no name.
var pronouns = map[string]bool{"sie": true, "ihr": true, "ihre": true, "ihren": true, "ihrem": true, "ihrer": true, "ihres": true, "ihnen": true}
