// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// An AsciiDoc page is claimed by its extension and read as a reader sees
// it rendered: "= " the title, the header's author, revision and
// attributes dropped, "==" and "===" sections, ". " and "* " lists
// numbered and bulleted, admonitions with their German label, UI macros
// and cross references as their text, formatting marks removed, a
// listing block kept as written, a "|===" table as rows of cells.
func TestParseAsciiDoc(t *testing.T) {
	src := "= Beispielscanner einrichten\nTeam Technik <technik@example.org>\nv1.0, 01.02.2030\n:toc: left\n:produkt: Scanmax 9\n\n" +
		"Der {produkt} steht im *Flur*.\n\nIMPORTANT: Nie _nass_ reinigen.\n\n" +
		"[[treiber]]\n== Treiber\n\n. Öffnen Sie `Start`.\n. Drücken Sie kbd:[Strg+S] und btn:[OK].\n.. Wählen Sie menu:Datei[Scannen > Neu].\n* Punkt\n\n" +
		"=== Fehler\n\nSiehe <<treiber>>.\n\n[source,sh]\n----\nscan --alles *jetzt*\n----\n\n" +
		"[cols=\"1,2\",options=\"header\"]\n|===\n|Code |Abhilfe\n\n|E1\n|Klappe *öffnen*\n|===\n"
	pd, _, err := parseFile("adoc", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(pd) != 1 || pd[0].title != "Beispielscanner einrichten" {
		t.Fatalf("docs %+v", pd)
	}
	got := map[string]string{}
	for _, s := range pd[0].sections {
		got[s.Heading] = strings.TrimSpace(s.Text)
	}
	for h, want := range map[string]string{
		"":                 "Der Scanmax 9 steht im Flur.\n\nWichtig: Nie nass reinigen.",
		"Treiber":          "1. Öffnen Sie Start.\n2. Drücken Sie Strg+S und OK.\n  1. Wählen Sie Datei > Scannen > Neu.\n- Punkt",
		"Treiber › Fehler": "Siehe Treiber.\n\nscan --alles *jetzt*\n\nCode | Abhilfe\nE1 | Klappe öffnen",
	} {
		if got[h] != want {
			t.Errorf("section %q holds %q, want %q (all: %q)", h, got[h], want, got)
		}
	}
	if f, ok := formatOf(".adoc"); !ok || f != "adoc" {
		t.Errorf(".adoc not claimed")
	}
	if _, err := parseAsciiDoc([]byte("\xff\xfe\x00")); err == nil {
		t.Errorf("invalid UTF-8 read")
	}
}
