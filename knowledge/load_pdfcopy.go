// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"regexp"
	"strings"
)

// ligatures are Unicode's presentation forms of Latin ligatures (U+FB00–
// U+FB06) that text copied out of a PDF keeps, spelled out.
var ligatures = strings.NewReplacer(
	"\uFB00", "ff", "\uFB01", "fi", "\uFB02", "fl", "\uFB03", "ffi", "\uFB04", "ffl", "\uFB05", "st", "\uFB06", "st",
)

// softBreakRE matches a soft hyphen at a line's end with the break after
// it: a word the typesetter split over two lines.
var softBreakRE = regexp.MustCompile("\u00AD[ \t]*\r?\n[ \t]*")

// numbersRE matches the numbers of a line, which differ between the
// running heads of two pages.
var numbersRE = regexp.MustCompile(`\d+`)

// maxPDFCopyPages bounds the pages compared for running heads.
const maxPDFCopyPages = 2000

// pdfCopyText normalises a text copied out of a PDF so that its words
// match their plain spelling: ligatures as their letters, a word split
// by a soft hyphen over a line break joined (the rest of the next line
// follows it on its line), other soft hyphens dropped; when the text
// has pages (form feeds), a line standing among the first three of two
// or more pages that differs only in its numbers is a running head
// ("Amtsblatt … · Seite 3") and dropped, and the form feeds become line
// breaks. Text without these characters is returned as it is.
func pdfCopyText(data []byte) []byte {
	if !bytes.ContainsAny(data, "\f\u00AD\uFB00\uFB01\uFB02\uFB03\uFB04\uFB05\uFB06") {
		return data
	}
	s := ligatures.Replace(string(data))
	s = softBreakRE.ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, "\u00AD", "")
	if !strings.Contains(s, "\f") {
		return []byte(s)
	}
	pages := strings.Split(s, "\f")
	if len(pages) > maxPDFCopyPages {
		return []byte(strings.ReplaceAll(s, "\f", "\n"))
	}
	heads := func(p string) []string {
		var out []string
		for _, l := range strings.Split(p, "\n") {
			if t := strings.TrimSpace(l); t != "" {
				out = append(out, t)
				if len(out) == 3 {
					break
				}
			}
		}
		return out
	}
	count := map[string]int{}
	for _, p := range pages {
		seen := map[string]bool{}
		for _, l := range heads(p) {
			k := numbersRE.ReplaceAllString(l, "#")
			if !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	for i, p := range pages {
		top := map[string]bool{}
		for _, l := range heads(p) {
			top[l] = true
		}
		lines := strings.Split(p, "\n")
		kept := lines[:0]
		dropped := false
		for _, l := range lines {
			t := strings.TrimSpace(l)
			if top[t] && count[numbersRE.ReplaceAllString(t, "#")] >= 2 && len(numbersRE.FindAllString(t, -1)) > 0 {
				dropped = true
				continue
			}
			kept = append(kept, l)
		}
		if dropped {
			pages[i] = strings.TrimLeft(strings.Join(kept, "\n"), "\n")
		}
	}
	return []byte(strings.Join(pages, "\n"))
}
