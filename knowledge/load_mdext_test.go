// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
	"time"
)

// Markdown as static site generators write it: Hugo front matter with
// date and lastmod, setext headings, a shortcode, an MkDocs admonition.
func TestParseMarkdownGeneratorExtensions(t *testing.T) {
	src := `---
title: "Grüngut abgeben"
date: 2025-01-10T09:00:00+01:00
lastmod: 2026-02-03T10:00:00+01:00
draft: false
---

Grüngut nimmt der Wertstoffhof an.

Was kostet das?
---------------

Bis ein Kubikmeter ist die Abgabe frei.

{{< box titel="Tipp" >}}
Äste bitte bündeln.
{{< /box >}}

Öffnungszeiten
==============

!!! note "Im Winter"
    Samstags geschlossen.

Mittwoch 14 bis 18 Uhr.

` + "```" + `
Code
----
` + "```" + `
`
	pd, err := parseMarkdown([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 2, 3, 10, 0, 0, 0, time.FixedZone("", 3600)); !pd.updated.Equal(want) {
		t.Errorf("updated %v, want lastmod %v", pd.updated, want)
	}
	var heads []string
	var all strings.Builder
	for _, s := range pd.sections {
		heads = append(heads, s.Heading)
		all.WriteString(s.Text + "\n")
	}
	if got := strings.Join(heads, "|"); got != "|Was kostet das?|Öffnungszeiten" {
		t.Errorf("headings %q", got)
	}
	text := all.String()
	for _, not := range []string{"{{", "}}", "!!!", "note", "====", "Was kostet das?\n---"} {
		if strings.Contains(text, not) {
			t.Errorf("%q in the text:\n%s", not, text)
		}
	}
	for _, want := range []string{"Äste bitte bündeln.", "Im Winter\nSamstags geschlossen.", "Code\n----"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q missing:\n%s", want, text)
		}
	}

	// Only date: it dates the page; a date no layout reads is ignored.
	for src, want := range map[string]string{
		"---\ntitle: A\ndate: 2024-05-06\n---\nText\n":                      "2024-05-06",
		"---\ntitle: A\ndate: irgendwann\n---\nText\n":                      "0001-01-01",
		"---\ntitle: A\nupdated: 2023-01-02\ndate: 2024-05-06\n---\nText\n": "2023-01-02",
	} {
		pd, err := parseMarkdown([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if got := pd.updated.Format(time.DateOnly); got != want {
			t.Errorf("%q: updated %s, want %s", src, got, want)
		}
	}
}

// TestMarkdownTOCMarkers checks that the markers wikis and generators
// put where a table of contents is to be rendered are dropped from the
// text, whichever syntax, and that text naming a "[TOC]" inside a
// sentence or in fenced code stays.
func TestMarkdownTOCMarkers(t *testing.T) {
	src := "# Beispielseite\n\n[[_TOC_]]\n\n## Erstens\n\n[TOC]\n{{toc}}\n{{< toc >}}\n  [[toc]]  \nDer Marker [TOC] steht hier im Satz.\n\n```\n[[_TOC_]]\n```\n"
	pd, err := parseMarkdown([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	text := ""
	for _, s := range pd.sections {
		text += s.Text + "\n"
	}
	if n := strings.Count(strings.ToLower(text), "toc"); n != 2 || !strings.Contains(text, "Der Marker [TOC] steht hier im Satz.") || !strings.Contains(text, "```\n[[_TOC_]]\n```") {
		t.Errorf("markers left or text lost (%d):\n%s", n, text)
	}
}
