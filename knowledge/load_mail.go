// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// mailHeaderRE matches a line of a mail's header as a mail program saves
// it as text, in German or English: "Von: …", "Betreff: …", "Subject: …".
var mailHeaderRE = regexp.MustCompile(`^(?i)(from|von|to|an|cc|bcc|date|datum|gesendet|sent|subject|betreff|reply-to|antwort an|importance|wichtigkeit|priorität|priority|message-id|mime-version|content-type|content-transfer-encoding|x-[a-z0-9-]+|anlagen|attachments):\s*(.*)$`)

// mailReplyPrefixRE matches the prefixes a subject gets when a mail is
// answered or forwarded ("AW: ", "WG: ", "Re: ", "Fwd: ") and a mailing
// list's tag ("[Info] ").
var mailReplyPrefixRE = regexp.MustCompile(`^(?i)(?:(?:re|aw|wg|fw|fwd|antw)\s*:\s*|\[[^\]]{1,40}\]\s*)+`)

// mailOriginalRE matches the line above a quoted original that mail
// programs write instead of "> " lines.
var mailOriginalRE = regexp.MustCompile(`^(?i)-{2,}\s*(?:ursprüngliche nachricht|original-nachricht|original message|weitergeleitete nachricht|forwarded message)\s*-{2,}$`)

// mailText reads a mail saved as plain text: a header of at least two
// known lines at the top, one of them the subject and one the sender,
// up to the first blank line. It returns the subject (without "AW:",
// "WG:" or a list's "[tag]") as the title, the body without its header,
// quoted lines ("> …") and a quoted original, and the signature (after
// the "-- " line) apart; ok is false for any other text.
func mailText(text string) (title, body, signature string, ok bool) {
	lines := strings.Split(text, "\n")
	n, from := 0, false
	for n < len(lines) {
		l := strings.TrimRight(lines[n], " \t")
		if l == "" {
			break
		}
		if n > 0 && (l[0] == ' ' || l[0] == '\t') {
			// A folded header line goes on.
			if strings.EqualFold(mailHeaderKey(lines[n-1]), "subject") {
				title += " " + strings.TrimSpace(l)
			}
			n++
			continue
		}
		m := mailHeaderRE.FindStringSubmatch(l)
		if m == nil {
			return "", "", "", false
		}
		switch strings.ToLower(m[1]) {
		case "subject", "betreff":
			title = strings.TrimSpace(m[2])
		case "from", "von":
			from = true
		}
		n++
	}
	if n < 2 || !from || title == "" {
		return "", "", "", false
	}
	title = mailSubject(title)
	if title == "" || utf8.RuneCountInString(title) > 200 {
		return "", "", "", false
	}
	body, signature = mailBody(lines[n:])
	return title, body, signature, true
}

// mailSubject is a mail's subject as its title: on one line, without
// the prefixes of answers and forwards ("AW:", "WG:") and a list's
// "[tag]".
func mailSubject(s string) string {
	return strings.TrimSpace(mailReplyPrefixRE.ReplaceAllString(strings.Join(strings.Fields(s), " "), ""))
}

// mailBody reads the lines of a mail's body: quoted lines ("> …") and
// the quoted original below a line such as "-----Ursprüngliche
// Nachricht-----" are dropped, the signature (after the "-- " line) is
// returned apart.
func mailBody(lines []string) (body, signature string) {
	var bodyLines, sigLines []string
	inSig := false
	for _, l := range lines {
		t := strings.TrimRight(l, " \t")
		switch {
		case mailOriginalRE.MatchString(strings.TrimSpace(t)):
			// What follows is the mail answered or forwarded.
			return strings.Join(bodyLines, "\n"), strings.TrimSpace(strings.Join(sigLines, "\n"))
		case strings.HasPrefix(strings.TrimLeft(t, " "), ">"):
			continue
		case l == "-- " || l == "--" && !inSig:
			inSig = true
			continue
		}
		if inSig {
			sigLines = append(sigLines, t)
		} else {
			bodyLines = append(bodyLines, t)
		}
	}
	return strings.Join(bodyLines, "\n"), strings.TrimSpace(strings.Join(sigLines, "\n"))
}

// mailDoc is the document of a mail: its subject names it, its body is
// read as a plain text, its signature is the sender's contact.
func mailDoc(title, body, signature string) parsedDoc {
	pd := parsedDoc{title: title, sections: textSections(body)}
	if signature != "" {
		pd.sections = append(pd.sections, Section{Heading: "Kontakt", Text: signature})
	}
	return pd
}

// mailHeaderKey returns the header a line of a mail's header names,
// folded to its English name for the subject ("Betreff" → "subject").
func mailHeaderKey(l string) string {
	m := mailHeaderRE.FindStringSubmatch(strings.TrimRight(l, " \t"))
	if m == nil {
		return ""
	}
	switch k := strings.ToLower(m[1]); k {
	case "betreff":
		return "subject"
	default:
		return k
	}
}
