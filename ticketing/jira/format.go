// SPDX-License-Identifier: EUPL-1.2

package jira

import (
	"cmp"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/musterstadt/lotse/ticketing"
)

// Jira limits: summaries hold 255 characters, text fields 32767. We stay
// below the latter to leave room for the frame around the text.
const (
	maxSummary     = 255
	maxText        = 30000
	maxMessageText = 4000
)

// MarkerLabel is the label that identifies the Jira issue of a local
// ticket: "lotse-" and the ticket key in lower case ("LOT-42" →
// "lotse-lot-42"). Deliver searches for it before it creates anything.
func MarkerLabel(ticketKey string) string {
	return "lotse-" + labelText(strings.ToLower(ticketKey))
}

// labelText makes s usable as a Jira label: no spaces, no characters that
// need quoting in JQL, at most 255 characters.
func labelText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r), r == '-', r == '_', r == '.':
			return r
		default:
			return '-'
		}
	}, strings.TrimSpace(s))
	return truncateRunes(s, 255, "")
}

// labels returns the labels of a new issue: the marker first, then
// "lotse", the kind, the IT service and the configured labels, without
// duplicates.
func (c *Client) labels(t ticketing.Ticket) []string {
	all := []string{MarkerLabel(t.Key), "lotse"}
	if t.Kind != "" {
		all = append(all, labelText(t.Kind))
	}
	if t.Service != "" {
		all = append(all, labelText(t.Service))
	}
	all = append(all, c.cfg.Labels...)
	var out []string
	for _, l := range all {
		if l != "" && !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// summary returns a single-line summary of at most 255 characters; Jira
// rejects line breaks and longer text. An empty summary gets a German
// fallback so that nothing is refused.
func summary(t ticketing.Ticket) string {
	s := strings.Join(strings.Fields(t.Summary), " ")
	if s == "" {
		kind := "Anfrage"
		if t.Kind == ticketing.KindIncident {
			kind = "IT-Störung"
		}
		s = fmt.Sprintf("%s %s aus Lotse", kind, t.Key)
	}
	return truncateRunes(s, maxSummary, "…")
}

// description renders the issue description in Jira wiki markup: the
// ticket's own description verbatim, then what the desk needs to know.
func (c *Client) description(t ticketing.Ticket) string {
	var b strings.Builder
	if d := strings.TrimSpace(t.Description); d != "" {
		b.WriteString(noformat(truncateRunes(d, maxText/2, "\n… (gekürzt)")))
		b.WriteString("\n\n")
	}
	field := func(name, value string) {
		if value != "" {
			fmt.Fprintf(&b, "*%s:* %s\n", name, escapeWiki(value))
		}
	}
	field("Lotse-Ticket", t.Key)
	field("Art", kindName(t.Kind))
	field("Priorität", t.Priority)
	field("Kanal", t.Channel)
	field("Sprache", t.Lang)
	field("Zielgruppe", audienceName(t.Audience))
	field("IT-Service", t.Service)
	if t.Impact > 0 || t.Urgency > 0 {
		field("Auswirkung / Dringlichkeit", fmt.Sprintf("%d / %d", t.Impact, t.Urgency))
	}
	field("Kontakt", t.Contact)
	field("Erkanntes Anliegen", t.Intent)
	if !t.CreatedAt.IsZero() {
		field("Erstellt", t.CreatedAt.In(c.loc).Format("02.01.2006 15:04:05 MST"))
	}
	if len(t.Slots) > 0 {
		b.WriteString("\n*Angaben:*\n")
		for _, k := range slices.Sorted(maps.Keys(t.Slots)) {
			fmt.Fprintf(&b, "* %s: %s\n", escapeWiki(k), escapeWiki(t.Slots[k]))
		}
	}
	if len(t.Sources) > 0 {
		b.WriteString("\n*Vom Assistenten genannte Quellen:*\n")
		for _, s := range t.Sources {
			fmt.Fprintf(&b, "* %s %s\n", escapeWiki(cmp.Or(s.Title, s.ID)), escapeWiki(s.URL))
		}
	}
	if len(t.Transcript) > 0 {
		b.WriteString("\nDer Gesprächsverlauf steht im ersten Kommentar.\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// transcriptPrefix starts every transcript comment; ExternalStatus uses it
// to leave the transcript out of the comments it reports, and Deliver to
// find out whether a retry still has to add it.
const transcriptPrefix = "*Gesprächsverlauf zu "

// transcriptHeader is the first line of the transcript comment of key.
func transcriptHeader(key string) string {
	return transcriptPrefix + escapeWiki(key) + "* (von Lotse übermittelt)"
}

// isTranscript reports whether a comment body is the transcript of key, or
// of any ticket when key is empty.
func isTranscript(body, key string) bool {
	body = strings.TrimSpace(body)
	if key == "" {
		return strings.HasPrefix(body, transcriptPrefix)
	}
	return strings.HasPrefix(body, transcriptHeader(key))
}

// transcript renders the conversation as one readable comment: a header,
// then each message with time and speaker, all inside a {noformat} block so
// that nothing a caller typed is interpreted as markup. When the result
// would be too long for Jira, messages after the first are left out from
// the oldest on and the comment says how many.
func (c *Client) transcript(t ticketing.Ticket) string {
	msgs := make([]string, len(t.Transcript))
	for i, m := range t.Transcript {
		at := "--"
		if !m.At.IsZero() {
			at = m.At.In(c.loc).Format("02.01.2006 15:04:05 MST")
		}
		text := truncateRunes(strings.TrimSpace(m.Text), maxMessageText, " … (gekürzt)")
		text = strings.ReplaceAll(text, "\n", "\n  ")
		msgs[i] = fmt.Sprintf("[%s] %s:\n  %s\n", at, roleName(string(m.Role), t.Audience), text)
	}
	render := func(omitted int) string {
		var b strings.Builder
		b.WriteString(transcriptHeader(t.Key))
		b.WriteString("\n{noformat}\n")
		for i, m := range msgs {
			if i > 0 && i <= omitted {
				if i == 1 {
					fmt.Fprintf(&b, "… %d Nachrichten ausgelassen (zu lang für Jira) …\n", omitted)
				}
				continue
			}
			b.WriteString(neutralizeNoformat(m))
		}
		b.WriteString("{noformat}")
		return b.String()
	}
	out := render(0)
	for omitted := 1; utf8.RuneCountInString(out) > maxText && omitted < len(msgs); omitted++ {
		out = render(omitted)
	}
	return out
}

func roleName(role, audience string) string {
	switch role {
	case "user":
		switch audience {
		case "citizen":
			return "Bürger/in"
		case "employee":
			return "Mitarbeiter/in"
		}
		return "Anfragende Person"
	case "assistant":
		return "Lotse (Assistent)"
	case "agent":
		return "Servicedesk"
	case "system":
		return "System"
	case "":
		return "Unbekannt"
	}
	return role
}

func kindName(kind string) string {
	switch kind {
	case ticketing.KindEscalation:
		return "Weiterleitung an den Servicedesk"
	case ticketing.KindIncident:
		return "IT-Störung"
	}
	return kind
}

func audienceName(a string) string {
	switch a {
	case "citizen":
		return "Bürger/innen"
	case "employee":
		return "Mitarbeitende"
	}
	return a
}

// noformat puts text into a {noformat} block, where Jira shows it
// verbatim.
func noformat(s string) string {
	return "{noformat}\n" + neutralizeNoformat(s) + "\n{noformat}"
}

var noformatTag = regexp.MustCompile(`(?i)\{noformat`)

// neutralizeNoformat keeps text from closing a {noformat} block early.
func neutralizeNoformat(s string) string {
	return noformatTag.ReplaceAllStringFunc(s, func(m string) string { return "{ " + m[1:] })
}

// escapeWiki escapes the characters that start links, macros, images,
// tables and emphasis in Jira wiki markup.
func escapeWiki(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '{', '}', '[', ']', '|', '!', '*', '_', '^', '~', '+', '?', '#':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// truncateRunes cuts s to at most n runes including the suffix.
func truncateRunes(s string, n int, suffix string) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	keep := n - utf8.RuneCountInString(suffix)
	i := 0
	for pos := range s {
		if i == keep {
			return s[:pos] + suffix
		}
		i++
	}
	return s
}

func isSpace(r rune) bool { return unicode.IsSpace(r) }

func sortedKeys(m map[string]string) []string {
	return slices.Sorted(maps.Keys(m))
}
