// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"io"
	"mime/quotedprintable"
	"strings"
	"unicode/utf8"
)

// maxVCards bounds the cards read from one file.
const maxVCards = 5000

// vcardProperty is a content line of a vCard: its name, its parameters
// (upper-cased, "TYPE=WORK" or a 2.1 bare "WORK") and its value.
type vcardProperty struct {
	name   string
	params []string
	value  string
}

// parseVCF reads a file of vCards (2.1, 3.0, 4.0): a section per card
// headed by its FN (with its TITLE and ORG), its phone numbers, e-mail
// addresses, postal addresses and web addresses labelled lines
// ("Telefon: …", a tel: URI as its number), its NOTE as text; folded
// lines unfolded, 2.1's quoted-printable values decoded (soft line
// breaks joined), escaped commas, semicolons and line breaks unescaped;
// UID, REV, PHOTO, PRODID and the like left out. The first card's
// organisation (or name) is the title when the file holds one card,
// else "Kontakte".
func parseVCF(data []byte) (parsedDoc, error) {
	if !utf8.Valid(data) {
		data = windows1252ToUTF8(data)
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	var raw []string
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimRight(l, "\r") // stray carriage returns
		switch {
		case len(raw) > 0 && (strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t")):
			raw[len(raw)-1] += l[1:] // folded (3.0, 4.0)
		case len(raw) > 0 && strings.HasSuffix(raw[len(raw)-1], "=") && strings.Contains(strings.ToUpper(raw[len(raw)-1]), "QUOTED-PRINTABLE"):
			raw[len(raw)-1] += "\n" + l // a soft line break of quoted-printable
		default:
			raw = append(raw, l)
		}
	}
	var cards [][]vcardProperty
	var cur []vcardProperty
	in := false
	for _, l := range raw {
		head, value, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		parts := strings.Split(head, ";")
		name := strings.ToUpper(strings.TrimSpace(parts[0]))
		if i := strings.LastIndexByte(name, '.'); i >= 0 {
			name = name[i+1:] // a group ("item1.TEL")
		}
		params := make([]string, 0, len(parts)-1)
		for _, p := range parts[1:] {
			params = append(params, strings.ToUpper(strings.TrimSpace(p)))
		}
		switch {
		case name == "BEGIN" && strings.EqualFold(strings.TrimSpace(value), "VCARD"):
			in, cur = true, nil
			continue
		case name == "END" && strings.EqualFold(strings.TrimSpace(value), "VCARD"):
			if in && len(cards) < maxVCards {
				cards = append(cards, cur)
			}
			in = false
			continue
		}
		if !in {
			continue
		}
		if hasParam(params, "ENCODING=QUOTED-PRINTABLE") || hasParam(params, "QUOTED-PRINTABLE") {
			value = strings.ReplaceAll(value, "=\n", "")
			if b, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(value))); err == nil {
				value = string(b)
			}
			if !utf8.ValidString(value) {
				value = string(windows1252ToUTF8([]byte(value)))
			}
		}
		cur = append(cur, vcardProperty{name, params, value})
	}
	if len(cards) == 0 {
		return parsedDoc{}, fileErrorf(nil, "keine vCard gefunden")
	}
	var pd parsedDoc
	for _, c := range cards {
		var fn, title, org string
		var lines []string
		for _, p := range c {
			switch p.name {
			case "FN":
				fn = vcardText(p.value)
			case "TITLE", "ROLE":
				if title == "" {
					title = vcardText(p.value)
				}
			case "ORG":
				var parts []string
				for _, f := range vcardFields(p.value) {
					if f != "" {
						parts = append(parts, f)
					}
				}
				org = strings.Join(parts, ", ")
			}
		}
		if fn == "" {
			for _, p := range c {
				if p.name == "N" {
					f := vcardFields(p.value)
					if len(f) > 1 {
						fn = strings.TrimSpace(f[1] + " " + f[0])
					} else if len(f) == 1 {
						fn = f[0]
					}
				}
			}
		}
		for _, p := range c {
			label := ""
			switch p.name {
			case "TEL":
				label = "Telefon"
				if hasParam(p.params, "CELL") || paramHas(p.params, "CELL") {
					label = "Mobil"
				} else if hasParam(p.params, "FAX") || paramHas(p.params, "FAX") {
					label = "Fax"
				}
				v := strings.TrimSpace(p.value)
				if n, ok := strings.CutPrefix(strings.ToLower(v), "tel:"); ok {
					v = strings.ReplaceAll(n, "-", " ")
				}
				lines = append(lines, label+": "+v)
			case "EMAIL":
				lines = append(lines, "E-Mail: "+strings.TrimPrefix(strings.TrimSpace(p.value), "mailto:"))
			case "ADR":
				f := vcardFields(p.value)
				// PO box; extended; street; locality; region; code; country
				get := func(i int) string {
					if i < len(f) {
						return f[i]
					}
					return ""
				}
				var parts []string
				for _, s := range []string{get(1), get(2), strings.TrimSpace(get(5) + " " + get(3)), get(4)} {
					if s != "" {
						parts = append(parts, s)
					}
				}
				if len(parts) > 0 {
					lines = append(lines, "Adresse: "+strings.Join(parts, ", "))
				}
			case "URL":
				lines = append(lines, "Web: "+strings.TrimSpace(p.value))
			case "NOTE":
				lines = append(lines, vcardText(p.value))
			}
		}
		head := fn
		if title != "" {
			head += ", " + title
		}
		if org != "" && org != fn {
			head += " (" + org + ")"
		}
		if head == "" {
			continue
		}
		pd.sections = append(pd.sections, Section{Heading: head, Text: strings.Join(lines, "\n")})
	}
	pd.title = "Kontakte"
	if len(pd.sections) == 1 {
		pd.title = pd.sections[0].Heading
	}
	if len(pd.sections) == 0 {
		return pd, errNoText
	}
	return pd, nil
}

// vcardText unescapes a vCard text value ("\," "\;" "\n" "\\").
func vcardText(s string) string {
	r := strings.NewReplacer(`\,`, ",", `\;`, ";", `\n`, "\n", `\N`, "\n", `\\`, `\`)
	return strings.TrimSpace(r.Replace(s))
}

// vcardFields splits a structured value at its unescaped semicolons,
// empty fields kept at their places, trailing ones dropped.
func vcardFields(s string) []string {
	var out []string
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s):
			b.WriteByte(s[i])
			b.WriteByte(s[i+1])
			i++
		case s[i] == ';':
			out = append(out, vcardText(b.String()))
			b.Reset()
		default:
			b.WriteByte(s[i])
		}
	}
	out = append(out, vcardText(b.String()))
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// hasParam reports whether params holds p.
func hasParam(params []string, p string) bool {
	for _, x := range params {
		if x == p {
			return true
		}
	}
	return false
}

// paramHas reports whether a TYPE parameter lists t ("TYPE=work,cell").
func paramHas(params []string, t string) bool {
	for _, x := range params {
		if v, ok := strings.CutPrefix(x, "TYPE="); ok {
			for _, y := range strings.Split(strings.Trim(v, `"`), ",") {
				if y == t {
					return true
				}
			}
		}
	}
	return false
}
