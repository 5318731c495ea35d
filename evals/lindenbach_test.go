// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/knowledge"
)

// loadLindenbach loads the Lindenbach knowledge root with the knowledge
// package's loaders, as lotse does.
func loadLindenbach(t *testing.T) []knowledge.Document {
	t.Helper()
	root := knowledge.Root{Name: "lindenbach", FS: os.DirFS(lindenbachRoot)}
	docs, skipped, err := knowledge.LoadRoots(context.Background(), []knowledge.Root{root}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range skipped {
		t.Errorf("skipped %s: %s", s.Source, s.Reason)
	}
	return docs
}

// docText is everything of a document a fact may stand in: title, section
// headings and texts.
func docText(d knowledge.Document) string {
	var b strings.Builder
	b.WriteString(d.Title)
	for _, s := range d.Sections {
		b.WriteString("\n" + s.Heading + "\n" + s.Text)
	}
	return b.String()
}

func TestLindenbachCorpusLoads(t *testing.T) {
	docs := loadLindenbach(t)
	if len(docs) != 31 {
		t.Errorf("%d documents, want 31", len(docs))
	}
	kinds := map[knowledge.Kind]int{}
	formats := map[string]int{}
	byID := map[string]knowledge.Document{}
	for _, d := range docs {
		kinds[d.Kind]++
		formats[d.Format]++
		byID[d.ID] = d
		if d.Lang != "de" {
			t.Errorf("%s: language %q, want de", d.ID, d.Lang)
		}
		if d.Label == "" {
			t.Errorf("%s: no label from knowledge.yaml", d.ID)
		}
		if strings.Contains(docText(d), "Startseite") || strings.Contains(docText(d), "Impressum") {
			t.Errorf("%s: site navigation or footer was indexed", d.ID)
		}
		want := knowledge.Citizen
		switch {
		case strings.HasPrefix(d.ID, "intranet/"):
			want = knowledge.Employee
		case strings.HasPrefix(d.ID, "aktuelles/"):
			want = knowledge.All
		}
		if d.Audience != want {
			t.Errorf("%s: audience %q, want %q", d.ID, d.Audience, want)
		}
	}
	wantKinds := map[knowledge.Kind]int{
		knowledge.KindService: 22, knowledge.KindNotice: 4, knowledge.KindLaw: 2,
		knowledge.KindInstruction: 2, knowledge.KindArticle: 1,
	}
	for k, n := range wantKinds {
		if kinds[k] != n {
			t.Errorf("%d documents of kind %s, want %d (all kinds: %v)", kinds[k], k, n, kinds)
		}
	}
	wantFormats := map[string]int{"html": 9, "md": 13, "txt": 5, "pdf": 2, "docx": 2}
	for f, n := range wantFormats {
		if formats[f] != n {
			t.Errorf("%d documents in format %s, want %d (all formats: %v)", formats[f], f, n, formats)
		}
	}
	// The binary formats' text arrives: a sentence from the last page of
	// each PDF and from the end of each DOCX, and their titles.
	for id, want := range map[string][]string{
		"ortsrecht/hundesteuersatzung":                      {"Hundesteuersatzung der Stadt Lindenbach", "für den zweiten Hund 120,00 Euro", "Diese Satzung tritt am 1. Januar 2022 in Kraft."},
		"ortsrecht/friedhofssatzung":                        {"Friedhofssatzung der Stadt Lindenbach", "Hunde sind an der kurzen Leine zu führen", "§ 18 Inkrafttreten"},
		"intranet/dienstanweisungen/vpn-zugang-beantragen":  {"Fernzugriff (VPN) für mobiles Arbeiten", "innerhalb von fünf Arbeitstagen", "Geben Sie die Fehlermeldung von LinConnect an."},
		"intranet/dienstanweisungen/druckerstoerung-melden": {"Störungen an Druckern und Multifunktionsgeräten melden", "MFG-2-07", "nach 24 Stunden automatisch gelöscht"},
	} {
		d, ok := byID[id]
		if !ok {
			t.Errorf("%s not loaded", id)
			continue
		}
		for _, w := range want {
			if !ContainsFact(docText(d), w) {
				t.Errorf("%s: %q not extracted", id, w)
			}
		}
	}
	if d := byID["ortsrecht/hundesteuersatzung"]; len(d.Sections) < 2 {
		t.Errorf("hundesteuersatzung: %d sections, want one per page (at least 2)", len(d.Sections))
	}
	org := knowledge.Organization([]knowledge.Root{{Name: "lindenbach", FS: os.DirFS(lindenbachRoot)}})
	if org != "Stadt Lindenbach" {
		t.Errorf("organization %q, want Stadt Lindenbach", org)
	}
}
