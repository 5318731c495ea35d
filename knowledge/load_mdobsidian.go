// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"regexp"
	"strings"
)

// Obsidian's Markdown adds to CommonMark what a vault of notes needs:
// callouts ("> [!info] Title" over a block quote), wikilinks ("[[Note]]",
// "[[Note|label]]", embeds "![[Bild.png]]"), comments between "%%" that
// only the editor shows, and tags ("#it/hardware") in the text. Read as
// plain Markdown, all of it is text; read as Obsidian shows it, a
// callout is a labelled note, a link its label, a comment and a tag
// nothing.

var (
	// obsidianCommentRE matches a comment, inline or over lines.
	obsidianCommentRE = regexp.MustCompile(`(?s)%%.*?%%`)
	// calloutRE matches a callout's first line: its type, fold marker and
	// title.
	calloutRE = regexp.MustCompile(`^\s*>\s*\[!([A-Za-z-]+)\][+-]?\s*(.*)$`)
	// wikiEmbedRE matches an embedded note or file.
	wikiEmbedRE = regexp.MustCompile(`!\[\[[^\[\]\n]*\]\]`)
	// wikiLinkRE matches a wikilink with its target and label.
	wikiLinkRE = regexp.MustCompile(`\[\[([^\[\]|\n]+)(?:\|([^\[\]\n]+))?\]\]`)
	// obsidianTagRE matches a tag: "#" after a blank or the line's start,
	// then a word that is not a number ("#it/hardware", "#personal").
	// A "#" after "(" is a Markdown link's anchor ("[Abschnitt](#teil)").
	obsidianTagRE = regexp.MustCompile(`(^|[\s,;])#[\p{L}\p{N}_/-]*[\p{L}_][\p{L}\p{N}_/-]*`)
)

// calloutLabels are the labels of callout types, by type.
var calloutLabels = map[string]string{
	"note": "Hinweis", "info": "Hinweis", "abstract": "Zusammenfassung", "summary": "Zusammenfassung", "tldr": "Zusammenfassung",
	"tip": "Tipp", "hint": "Tipp", "important": "Wichtig", "success": "Erledigt", "check": "Erledigt", "done": "Erledigt",
	"question": "Frage", "help": "Frage", "faq": "Frage", "warning": "Warnung", "caution": "Warnung", "attention": "Warnung",
	"danger": "Achtung", "error": "Achtung", "failure": "Achtung", "fail": "Achtung", "missing": "Achtung", "bug": "Fehler",
	"example": "Beispiel", "quote": "Zitat", "cite": "Zitat", "todo": "Zu erledigen",
}

// obsidianMarkdown rewrites Obsidian's additions as text: a callout's
// first line "> [!warning] Title" as "Warnung: Title" and its quoted
// lines as plain lines; "[[Note|label]]" as the label, "[[Note]]" and
// "[[Note#Part]]" as the note's name; embeds, "%% … %%" comments and
// tags dropped. Fenced code and inline code stay as they are.
func obsidianMarkdown(text string) string {
	if !strings.Contains(text, "[[") && !strings.Contains(text, "%%") && !strings.Contains(text, "[!") {
		// No wikilink, comment or callout: no note of a vault, and a
		// "#" is Markdown's ("#12", "[Teil](#teil)"), no tag.
		return text
	}
	if strings.Contains(text, "%%") {
		text = obsidianCommentRE.ReplaceAllString(text, "")
	}
	lines := strings.Split(text, "\n")
	inFence, inCallout := false, false
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			inFence = !inFence
			continue
		}
		if inFence {
			continue
		}
		if m := calloutRE.FindStringSubmatch(line); m != nil {
			label, ok := calloutLabels[strings.ToLower(m[1])]
			if !ok {
				label = "Hinweis"
			}
			line = label + ":"
			if t := strings.TrimSpace(m[2]); t != "" {
				line += " " + t
			}
			inCallout = true
		} else if inCallout && strings.HasPrefix(trimmed, ">") {
			line = strings.TrimSpace(strings.TrimPrefix(trimmed, ">"))
		} else {
			inCallout = false
		}
		lines[i] = obsidianInline(line)
	}
	return strings.Join(lines, "\n")
}

// obsidianInline rewrites a line's wikilinks and drops its embeds and
// tags, outside inline code.
func obsidianInline(line string) string {
	if !strings.Contains(line, "[[") && !strings.Contains(line, "#") {
		return line
	}
	parts := strings.Split(line, "`")
	tagged := false
	for i := 0; i < len(parts); i += 2 {
		p := wikiEmbedRE.ReplaceAllString(parts[i], "")
		p = wikiLinkRE.ReplaceAllStringFunc(p, func(m string) string {
			sm := wikiLinkRE.FindStringSubmatch(m)
			if l := strings.TrimSpace(sm[2]); l != "" {
				return l
			}
			target, _, _ := strings.Cut(sm[1], "#")
			if target = strings.TrimSpace(target); target == "" {
				return strings.TrimSpace(strings.TrimPrefix(sm[1], "#"))
			}
			return target
		})
		if !strings.HasPrefix(strings.TrimSpace(p), "#") || i > 0 || !atxLike(p) {
			if q := obsidianTagRE.ReplaceAllString(p, "$1"); q != p {
				p, tagged = q, true
			}
		}
		parts[i] = p
	}
	line = strings.Join(parts, "`")
	if tagged {
		// "Verwandt: A, B, #tag" leaves no separator behind.
		line = strings.TrimRight(line, " ,;")
		if strings.TrimSpace(line) == "" {
			return ""
		}
	}
	return line
}

// atxLike reports whether s starts as an ATX heading does ("# Title",
// "## Title"): a tag is no heading, a heading's "#" no tag.
func atxLike(s string) bool {
	t := strings.TrimLeft(s, " ")
	n := len(t) - len(strings.TrimLeft(t, "#"))
	return n >= 1 && n <= 6 && (len(t) == n || t[n] == ' ' || t[n] == '\t')
}
