// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
	"time"
)

// Hugo's TOML front matter is read like YAML front matter (title, dates;
// its tables are settings, no text); heading attributes ("{#id}") are no
// part of a heading; a footnote's note stands in brackets where its
// marker stood, a marker in a heading is dropped, a note too long for
// the text stays as a line of its own; fenced code keeps its brackets.
func TestParseMarkdownTOMLFrontMatterAndFootnotes(t *testing.T) {
	long := strings.Repeat("Eine lange Anmerkung zur Quelle. ", 12)
	src := `+++
title = "Beispielbad am See"
date = 2025-04-01T08:00:00+02:00
lastmod = 2026-06-15
draft = false
tags = ["Bad", "See"]

[params]
  bild = "/img/bad.jpg"

[[menu.main]]
  weight = 10
+++

Das Bad liegt am Nordufer.[^lage]

## Öffnungszeiten {#zeiten}

Täglich von 9 bis 19 Uhr.[^wetter] Bei Gewitter schließt es.[^fehlt]

## Eintritt[^quelle] {#eintritt .tabelle}

Erwachsene zahlen 4 Euro.

` + "```" + `
a[^lage]
` + "```" + `

[^lage]: Erreichbar mit dem Bus 7.
[^wetter]: Nur bei gutem Wetter.
[^quelle]: ` + long + `
`
	pd, err := parseMarkdown([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if pd.title != "Beispielbad am See" {
		t.Errorf("title %q", pd.title)
	}
	if want := time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC); !pd.updated.Equal(want) {
		t.Errorf("updated %v, want %v", pd.updated, want)
	}
	got := map[string]string{}
	for _, s := range pd.sections {
		got[s.Heading] = strings.TrimSpace(s.Text)
	}
	for h, want := range map[string]string{
		"":               "Das Bad liegt am Nordufer. (Erreichbar mit dem Bus 7.)",
		"Öffnungszeiten": "Täglich von 9 bis 19 Uhr. (Nur bei gutem Wetter.) Bei Gewitter schließt es.",
		"Eintritt":       "Erwachsene zahlen 4 Euro.\n\n```\na[^lage]\n```\n\n" + strings.TrimSpace(long),
	} {
		if got[h] != want {
			t.Errorf("section %q holds %q, want %q (all: %q)", h, got[h], want, got)
		}
	}
	all := strings.Join(func() []string {
		var v []string
		for h, s := range got {
			v = append(v, h, s)
		}
		return v
	}(), "\n")
	for _, no := range []string{"+++", "weight", "bild =", "{#", "[^wetter]", "[^fehlt]", "[^quelle]"} {
		if strings.Contains(all, no) {
			t.Errorf("%q is in the text: %q", no, got)
		}
	}
}

// Broken or oversized TOML front matter skips the file with a reason.
func TestParseMarkdownTOMLFrontMatterErrors(t *testing.T) {
	for src, reason := range map[string]string{
		"+++\ntitle = \"offen\n+++\nText.\n":                             "Front Matter fehlerhaft",
		"+++\ntitle = \"ohne Ende\"\nText.\n":                            "Front Matter nicht abgeschlossen",
		"+++\n" + strings.Repeat("# Kommentar\n", 7000) + "+++\nText.\n": "Front Matter zu lang",
	} {
		_, err := parseMarkdown([]byte(src))
		if err == nil || !strings.Contains(err.Error(), reason) {
			t.Errorf("%.40q: error %v, want %q", src, err, reason)
		}
	}
}
