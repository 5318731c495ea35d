// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"context"
	"testing"
	"testing/fstest"
)

// TestStatuteLayout loads a statute in the pandoc layout of the federal
// law collection: the title block names the document, paragraphs (§) make
// it a law whatever folder it lies in, and a folder rule's explicit kind
// and label win.
func TestStatuteLayout(t *testing.T) {
	law := "% Gesetz über das Beispielwesen  (BspG)\n% Ausfertigungsdatum: 01.02.2003\n \n" +
		"# § 1 – Geltungsbereich\n\nDieses Gesetz gilt für Beispiele.\n\n" +
		"# § 2 – Gültigkeitsdauer\n\nEin Beispiel ist zehn Jahre gültig.\n\n" +
		"# § 3 – Gebühren\n\nDie Gebühr beträgt 5 Euro.\n"
	root := fstest.MapFS{
		"knowledge.yaml": {Data: []byte("organization: Gemeinde Beispielheim\n" +
			"defaults: {audience: citizen, lang: de}\n" +
			"folders:\n  - match: \"satzungen/**\"\n    kind: law\n    label: Satzung der Gemeinde\n" +
			"  - match: \"intern/**\"\n    kind: instruction\n    audience: employee\n")},
		"gesetze/bspg.md":       {Data: []byte(law)},
		"satzungen/hunde.md":    {Data: []byte("# Hundesteuersatzung\n\nDie Steuer beträgt 50 Euro im Jahr.\n")},
		"intern/dienstreise.md": {Data: []byte("# Dienstreisen\n\nDienstreisen beantragen Sie vorher.\n")},
		"artikel/info.md":       {Data: []byte("# Info\n\nEin Text ohne Paragraphen.\n")},
		"satzung.txt":           {Data: []byte("Satzung über Märkte\n\n§ 1 Geltungsbereich\nDiese Satzung gilt für Wochenmärkte.\n§ 2 Marktzeiten\nDer Markt ist samstags.\n§ 3 Gebühren\nDie Gebühr beträgt 2 Euro je Meter.\n")},
		"dienst/pass.md":        {Data: []byte("# Pass beantragen\n\nSo beantragen Sie einen Pass.\n\n## Rechtsgrundlage\n\n§ 1 PassG\n§ 4 PassG\n§ 6 PassG\n")},
	}
	l, err := loadRoots(context.Background(), []Root{{Name: "t", FS: root}}, nil, loadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]Document{}
	for _, d := range l.docs {
		byID[d.ID] = d
	}
	g := byID["gesetze/bspg"]
	if g.Title != "Gesetz über das Beispielwesen (BspG)" || g.Kind != KindLaw {
		t.Errorf("statute: title %q, kind %q", g.Title, g.Kind)
	}
	facets := map[string]Facet{}
	for _, s := range g.Sections {
		facets[s.Heading] = s.Facet
	}
	if facets["Gesetz über das Beispielwesen (BspG) › § 2 – Gültigkeitsdauer"] != FacetFristen {
		t.Errorf("paragraph facets: %v", facets)
	}
	for _, s := range g.Sections {
		if s.Heading == "" || s.Text == "% Ausfertigungsdatum: 01.02.2003" {
			t.Errorf("title block left in the text: %+v", s)
		}
	}
	if s := byID["satzungen/hunde"]; s.Kind != KindLaw || s.Label != "Satzung der Gemeinde" {
		t.Errorf("bylaw: kind %q, label %q", s.Kind, s.Label)
	}
	if d := byID["intern/dienstreise"]; d.Kind != KindInstruction || d.Audience != Employee {
		t.Errorf("instruction: kind %q, audience %q", d.Kind, d.Audience)
	}
	if d := byID["artikel/info"]; d.Kind != KindArticle {
		t.Errorf("article without paragraphs: kind %q", d.Kind)
	}
	if d := byID["satzung"]; d.Kind != KindLaw {
		t.Errorf("bylaw in plain text: kind %q", d.Kind)
	}
	if d := byID["dienst/pass"]; d.Kind == KindLaw {
		t.Errorf("a page with a legal basis is no statute")
	}
	if got := Organization([]Root{{Name: "t", FS: root}}); got != "Gemeinde Beispielheim" {
		t.Errorf("Organization = %q", got)
	}
	if got := Organization([]Root{{Name: "none", FS: fstest.MapFS{}}}); got != "" {
		t.Errorf("Organization without knowledge.yaml = %q", got)
	}
}
