// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestRST checks that a reStructuredText page is read: the overlined
// title, sections by underline, the field list under the title dropped,
// contents and targets dropped, substitutions applied, a warning led by
// "Warnung:", roles and literals as their text, a numbered list's
// continuation lines joined, a list-table as rows.
func TestRST(t *testing.T) {
	// ´ stands for the backtick, which a raw string cannot hold.
	page := `.. _drucker:

##########################
Drucken im Rathaus
##########################

:Autor: Beispielteam
:Stand: 01.02.2026

.. contents:: Inhalt
   :local:

Alle Drucker hängen am |DS|.

.. |DS| replace:: zentralen Druckserver

Druckauftrag abholen
********************

.. warning::

   Aufträge werden nach 24 Stunden
   gelöscht.

1. Karte an den Leser halten, Taste :kbd:´+´ drücken oder
   :menuselection:´Drucken --> Freigeben´ wählen.
2. Siehe :doc:´Hilfe zum Scannen <scan-hilfe>´ und ´´PIN´´.

.. list-table:: Standorte
   :header-rows: 1

   * - Etage
     - Gerät
   * - EG
     - Farbdrucker
       im Flur
`
	pd, err := parseRST([]byte(strings.ReplaceAll(page, "´", "`")))
	if err != nil {
		t.Fatal(err)
	}
	if pd.title != "Drucken im Rathaus" {
		t.Errorf("title %q", pd.title)
	}
	got := map[string]string{}
	var all strings.Builder
	for _, s := range pd.sections {
		got[s.Heading] += strings.TrimSpace(s.Text)
		all.WriteString(s.Heading + "\n" + s.Text + "\n")
	}
	if !strings.Contains(all.String(), "Alle Drucker hängen am zentralen Druckserver.") {
		t.Errorf("substitution not applied: %q", all.String())
	}
	body := got["Druckauftrag abholen"]
	for _, want := range []string{
		"Warnung: Aufträge werden nach 24 Stunden gelöscht.",
		"1. Karte an den Leser halten, Taste + drücken oder Drucken → Freigeben wählen.",
		"2. Siehe Hilfe zum Scannen und PIN.",
		"| EG | Farbdrucker im Flur |",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("section lacks %q: %q", want, body)
		}
	}
	for _, left := range []string{"Beispielteam", "01.02.2026", "contents", "_drucker", "replace::", "``", ":kbd:", "scan-hilfe"} {
		if strings.Contains(all.String(), left) {
			t.Errorf("%q is read as text: %q", left, all.String())
		}
	}
}
