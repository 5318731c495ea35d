// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"strconv"
	"strings"
)

// maxRTFDepth bounds the nesting of an RTF file's groups.
const maxRTFDepth = 64

// rtfSkippedGroups are the destinations of an RTF file that hold no text
// of the document: tables of fonts, colours and styles, the document's
// properties, pictures, objects, headers and footers, a field's
// instruction (its result is read).
var rtfSkippedGroups = map[string]bool{
	"fonttbl": true, "colortbl": true, "stylesheet": true, "info": true, "pict": true, "object": true,
	"header": true, "headerl": true, "headerr": true, "headerf": true, "footer": true, "footerl": true,
	"footerr": true, "footerf": true, "listtable": true, "listoverridetable": true, "rsidtbl": true,
	"generator": true, "xmlnstbl": true, "themedata": true, "colorschememapping": true, "datastore": true,
	"latentstyles": true, "pgdsctbl": true, "fldinst": true, "filetbl": true, "revtbl": true, "bkmkstart": true,
	"bkmkend": true, "nonshppict": true, "shppict": true, "footnote": true, "annotation": true,
}

// rtfSymbols are the control words that stand for a character.
var rtfSymbols = map[string]string{
	"par": "\n\n", "line": "\n", "sect": "\n\n", "page": "\n\n", "tab": " ", "cell": " | ", "row": "\n",
	"bullet": "•", "emdash": "—", "endash": "–", "lquote": "‘", "rquote": "’", "ldblquote": "“", "rdblquote": "”",
	"emspace": " ", "enspace": " ", "qmspace": " ",
}

// parseRTF reads a Rich Text file (as WordPad and word processors save
// letters): control words and the groups of fonts, colours, styles,
// properties and pictures ("{\fonttbl …}", "{\*\generator …}") are
// dropped, "\'xx" is decoded as Windows-1252 and "\uN" as Unicode (its
// fallback characters skipped), "\par" ends a paragraph, a table's cells
// are parted by " | ". The text is then read by the plain-text loader's
// rules (title, letterhead, headings).
func parseRTF(data []byte) (parsedDoc, error) {
	data = bytes.TrimRight(data, "\x00 \r\n\t")
	if !bytes.HasPrefix(data, []byte(`{\rtf`)) {
		return parsedDoc{}, fileErrorf(nil, `kein RTF ({\rtf fehlt)`)
	}
	text := rtfText(data)
	if strings.TrimSpace(text) == "" {
		return parsedDoc{}, errNoText
	}
	return parseText([]byte(text))
}

// rtfText returns the text of an RTF document.
func rtfText(data []byte) string {
	type state struct {
		skip bool
		uc   int // fallback characters after \uN
		fs   int // font size in half points
	}
	var b strings.Builder
	var pending []byte // text and \'xx bytes in the ANSI code page, Windows-1252
	flushBytes := func() {
		if len(pending) > 0 {
			b.Write(windows1252ToUTF8(pending))
			pending = pending[:0]
		}
	}
	var paras []rtfPara
	para := rtfPara{}
	write := func(s string) { flushBytes(); b.WriteString(s) }
	stack := []state{{uc: 1, fs: 24}}
	cur := func() *state { return &stack[len(stack)-1] }
	skipFallback := 0
	groupStart := false // the last token opened a group: its first word may name a destination
	for i := 0; i < len(data); {
		c := data[i]
		switch c {
		case '{':
			if len(stack) < maxRTFDepth {
				stack = append(stack, *cur())
			}
			groupStart = true
			i++
			continue
		case '}':
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
			groupStart = false
			skipFallback = 0
			i++
			continue
		case '\r', '\n':
			i++
			continue
		case '\\':
			i++
			if i >= len(data) {
				continue
			}
			d := data[i]
			switch {
			case d == '\'':
				if i+2 < len(data) {
					if v, err := strconv.ParseUint(string(data[i+1:i+3]), 16, 8); err == nil {
						i += 3
						if skipFallback > 0 {
							skipFallback--
						} else if !cur().skip {
							pending = append(pending, byte(v))
						}
						groupStart = false
						continue
					}
				}
				i++
			case d == '*':
				cur().skip = true
				i++
			case d == '\\' || d == '{' || d == '}':
				if !cur().skip && skipFallback == 0 {
					pending = append(pending, d)
				} else if skipFallback > 0 {
					skipFallback--
				}
				i++
			case d == '~':
				if !cur().skip {
					write(" ")
				}
				i++
			case d == '_':
				if !cur().skip {
					write("-")
				}
				i++
			case d == '\r' || d == '\n':
				if !cur().skip {
					write("\n\n")
				}
				i++
			case isASCIILetter(d):
				j := i
				for j < len(data) && isASCIILetter(data[j]) {
					j++
				}
				word := string(data[i:j])
				k := j
				if k < len(data) && (data[k] == '-' || data[k] >= '0' && data[k] <= '9') {
					k++
					for k < len(data) && data[k] >= '0' && data[k] <= '9' {
						k++
					}
				}
				param, hasParam := 0, k > j
				if hasParam {
					param, _ = strconv.Atoi(string(data[j:k]))
				}
				if k < len(data) && data[k] == ' ' {
					k++ // the delimiter
				}
				i = k
				if groupStart && rtfSkippedGroups[word] {
					cur().skip = true
				}
				groupStart = false
				if cur().skip {
					continue
				}
				switch word {
				case "u":
					if hasParam {
						if param < 0 {
							param += 65536
						}
						write(string(rune(param)))
						skipFallback = cur().uc
					}
				case "uc":
					if hasParam {
						cur().uc = param
					}
				case "fs":
					if hasParam && param > 0 {
						cur().fs = param
					}
				case "plain":
					cur().fs = 24
				default:
					if s, ok := rtfSymbols[word]; ok {
						write(s)
						if strings.HasPrefix(s, "\n\n") {
							para.end = b.Len()
							paras = append(paras, para)
							para = rtfPara{start: b.Len()}
						}
					}
				}
			default:
				i++
			}
			continue
		}
		groupStart = false
		i++
		if skipFallback > 0 {
			skipFallback--
			continue
		}
		if !cur().skip && c != 0 {
			pending = append(pending, c)
			if c > ' ' {
				para.fs = max(para.fs, cur().fs)
			}
		}
	}
	flushBytes()
	para.end = b.Len()
	return rtfTitleFirst(b.String(), append(paras, para))
}

// rtfPara is a paragraph of an RTF text: its bytes in the text and the
// largest font size of its characters.
type rtfPara struct{ start, end, fs int }

// rtfTitleFirst moves the paragraph set in the largest font, larger than
// the text's longest paragraph and short enough to be a title, to the
// top, where the plain-text loader takes its title from: a letter's
// subject in bold 14 pt below its letterhead, address and date.
func rtfTitleFirst(text string, paras []rtfPara) string {
	body, title, n := -1, -1, 0
	for i, p := range paras {
		t := text[p.start:p.end]
		if l := countLetters(t); l > n {
			body, n = i, l
		}
		if countLetters(t) > 0 && (title < 0 || p.fs > paras[title].fs) {
			title = i
		}
	}
	if body < 0 || title <= 0 || paras[title].fs <= paras[body].fs {
		return text
	}
	t := strings.TrimSpace(text[paras[title].start:paras[title].end])
	if strings.Contains(t, "\n") || len(strings.Fields(t)) > 20 {
		return text
	}
	return t + "\n\n" + text[:paras[title].start] + text[paras[title].end:]
}
