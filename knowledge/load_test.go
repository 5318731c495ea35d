// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"archive/zip"
	"bytes"
	"context"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
)

func fixtureRoot() Root { return Root{Name: "stadt", FS: os.DirFS(filepath.Join("testdata", "stadt"))} }

// mustLoad loads roots and fails the test on error.
func mustLoad(tb testing.TB, roots ...Root) ([]Document, []Skipped) {
	tb.Helper()
	docs, skipped, err := LoadRoots(context.Background(), roots, nil)
	if err != nil {
		tb.Fatalf("LoadRoots: %v", err)
	}
	return docs, skipped
}

func docByID(tb testing.TB, docs []Document, id string) Document {
	tb.Helper()
	for _, d := range docs {
		if d.ID == id {
			return d
		}
	}
	tb.Fatalf("document %q not loaded", id)
	return Document{}
}

// outline is a document reduced to what the loader tests compare.
type outline struct {
	Format, Title, URL string
	Audience           Audience
	Kind               Kind
	Sections           []string // "heading [facet]"
}

func outlineOf(d Document) outline {
	o := outline{Format: d.Format, Title: d.Title, URL: d.URL, Audience: d.Audience, Kind: d.Kind}
	for _, s := range d.Sections {
		o.Sections = append(o.Sections, s.Heading+" ["+string(s.Facet)+"]")
	}
	return o
}

func TestLoadRootsFormats(t *testing.T) {
	docs, _ := mustLoad(t, fixtureRoot())
	tests := []struct {
		id   string
		want outline
	}{
		{"leistungen/reisepass", outline{
			Format: "md", Title: "Reisepass beantragen", URL: "https://www.teststadt.example/leistungen/reisepass",
			Audience: Citizen, Kind: KindService,
			Sections: []string{
				"Reisepass beantragen [ueberblick]",
				"Reisepass beantragen › Zuständige Stelle [zustaendigkeit]",
				"Reisepass beantragen › Benötigte Unterlagen [unterlagen]",
				"Reisepass beantragen › Kosten [kosten]",
				"Reisepass beantragen › Bearbeitungsdauer [dauer]",
				"Reisepass beantragen › Termin [termin]",
			}}},
		{"leistungen/fahrerlaubnis", outline{
			Format: "html", Title: "Fahrerlaubnis beantragen", URL: "https://www.teststadt.example/leistungen/fahrerlaubnis",
			Audience: Citizen, Kind: KindService,
			Sections: []string{
				"Fahrerlaubnis beantragen [ueberblick]",
				"Fahrerlaubnis beantragen › Voraussetzungen [voraussetzungen]",
				"Fahrerlaubnis beantragen › Kosten [kosten]",
				"Fahrerlaubnis beantragen › Kosten › Internationaler Führerschein [kosten]",
			}}},
		{"leistungen/hundesteuer", outline{
			Format: "pdf", Title: "Hundesteuer", URL: "https://www.teststadt.example/leistungen/hundesteuer",
			Audience: Citizen, Kind: KindService,
			Sections: []string{
				"Hundesteuer › Seite 1 []",
				"Hundesteuer › Seite 2 › Kosten [kosten]",
				"Hundesteuer › Seite 2 › Fristen [fristen]",
			}}},
		{"leistungen/gewerbe-anmelden", outline{
			Format: "docx", Title: "Gewerbe anmelden", URL: "https://www.teststadt.example/leistungen/gewerbe-anmelden",
			Audience: Citizen, Kind: KindService,
			Sections: []string{
				"Gewerbe anmelden [ueberblick]",
				"Gewerbe anmelden › Benötigte Unterlagen [unterlagen]",
				"Gewerbe anmelden › Gebühren [kosten]",
				"Gewerbe anmelden › Gebühren › Ermäßigung [kosten]",
			}}},
		{"intern/it/schulung-drucker", outline{
			Format: "pptx", Title: "Druckerschulung", URL: "https://intranet.teststadt.example/it/schulung-drucker",
			Audience: Employee, Kind: KindArticle,
			Sections: []string{
				"Druckerschulung › Papierstau beheben []",
				"Druckerschulung › Netzwerkdrucker verbinden []",
				"Druckerschulung › Toner wechseln []",
			}}},
		{"leistungen/fundbuero", outline{
			Format: "txt", Title: "Fundbüro", URL: "https://www.teststadt.example/leistungen/fundbuero",
			Audience: Citizen, Kind: KindService,
			Sections: []string{
				"Fundbüro [ueberblick]",
				"Fundbüro › Öffnungszeiten [zustaendigkeit]",
				"Fundbüro › Kosten [kosten]",
			}}},
		{"leistungen/sperrmuell", outline{
			Format: "json", Title: "Sperrmüll abholen lassen", URL: "https://www.teststadt.example/sperrmuell",
			Audience: Citizen, Kind: KindService,
			Sections: []string{
				"Sperrmüll abholen lassen [ueberblick]",
				"Sperrmüll abholen lassen › Zuständige Stelle [zustaendigkeit]",
				"Sperrmüll abholen lassen › Benötigte Unterlagen [unterlagen]",
				"Sperrmüll abholen lassen › Kosten [kosten]",
				"Sperrmüll abholen lassen › Termin [termin]",
				"Sperrmüll abholen lassen › Online-Dienst [online]",
			}}},
		{"hinweise/aktuelles/buergerbuero-am-freitag-geschlossen", outline{
			Format: "rss", Title: "Bürgerbüro am Freitag geschlossen", URL: "https://www.teststadt.example/aktuell/buergerbuero-geschlossen",
			Audience: All, Kind: KindNotice,
			Sections: []string{"Bürgerbüro am Freitag geschlossen [ueberblick]"}}},
		{"hinweise/it-status/wartung-serviceportal", outline{
			Format: "rss", Title: "Wartung Serviceportal", URL: "https://www.teststadt.example/status/wartung",
			Audience: All, Kind: KindNotice,
			Sections: []string{"Wartung Serviceportal [ueberblick]"}}},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			got := outlineOf(docByID(t, docs, tt.id))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("outline mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadRootsText(t *testing.T) {
	docs, _ := mustLoad(t, fixtureRoot())
	tests := []struct {
		id, section string
		contains    []string
		excludes    []string
	}{
		{"leistungen/fahrerlaubnis", "Fahrerlaubnis beantragen", []string{"Fahrerlaubnis (Führerschein) beantragen Sie bei der Fahrerlaubnisbehörde."},
			[]string{"Navigation", "Startseite", "tracking", "Werbung", "Impressum", "color"}},
		{"leistungen/fahrerlaubnis", "Fahrerlaubnis beantragen › Voraussetzungen", []string{"- Mindestalter 18 Jahre\n- Sehtest"}, nil},
		{"leistungen/hundesteuer", "Hundesteuer › Seite 2 › Kosten", []string{"Für den ersten Hund 96 Euro im Jahr"}, []string{"Fristen"}},
		{"leistungen/gewerbe-anmelden", "Gewerbe anmelden › Benötigte Unterlagen", []string{"Personalausweis oder Reisepass\nbei Handwerksbetrieben"}, nil},
		{"intern/it/schulung-drucker", "Druckerschulung › Papierstau beheben", []string{"Klappe A öffnen\nPapier vorsichtig herausziehen"}, nil},
		{"hinweise/aktuelles/buergerbuero-am-freitag-geschlossen", "Bürgerbüro am Freitag geschlossen", []string{"bleibt das Bürgerbüro am Freitag geschlossen."}, []string{"<p>", "<b>"}},
		{"leistungen/sperrmuell", "Sperrmüll abholen lassen › Benötigte Unterlagen", []string{"- Liste der Gegenstände"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.id+"/"+tt.section, func(t *testing.T) {
			d := docByID(t, docs, tt.id)
			var text string
			for _, s := range d.Sections {
				if s.Heading == tt.section {
					text = s.Text
				}
			}
			if text == "" {
				t.Fatalf("section %q missing", tt.section)
			}
			for _, c := range tt.contains {
				if !strings.Contains(text, c) {
					t.Errorf("text %q lacks %q", text, c)
				}
			}
			for _, c := range tt.excludes {
				if strings.Contains(text, c) {
					t.Errorf("text %q contains %q", text, c)
				}
			}
		})
	}
}

func TestLoadRootsMetadata(t *testing.T) {
	docs, _ := mustLoad(t, fixtureRoot())
	d := docByID(t, docs, "leistungen/reisepass")
	if want := time.Date(2026, 10, 12, 0, 0, 0, 0, time.UTC); !d.Updated.Equal(want) {
		t.Errorf("Updated = %v, want %v", d.Updated, want)
	}
	if diff := cmp.Diff([]string{"Pass", "Expresspass"}, d.Synonyms); diff != "" {
		t.Errorf("Synonyms (-want +got):\n%s", diff)
	}
	if d.Source != "stadt/leistungen/reisepass.md" || d.Lang != "de" {
		t.Errorf("Source, Lang = %q, %q", d.Source, d.Lang)
	}
	n := docByID(t, docs, "hinweise/aktuelles/buergerbuero-am-freitag-geschlossen")
	if want := time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC); !n.Updated.Equal(want) {
		t.Errorf("notice Updated = %v, want %v", n.Updated, want)
	}
	for i := 1; i < len(docs); i++ {
		if docs[i-1].ID >= docs[i].ID {
			t.Errorf("documents not sorted by ID: %q before %q", docs[i-1].ID, docs[i].ID)
		}
	}
}

func TestLoadRootsSkipsBrokenFiles(t *testing.T) {
	_, skipped := mustLoad(t, fixtureRoot())
	want := map[string]string{
		"stadt/kaputt/LICENSE.txt":         "ausgeschlossen",
		"stadt/kaputt/bild.png":            "unbekanntes Format .png",
		"stadt/kaputt/kaputt.docx":         "kein gültiges Office-Dokument",
		"stadt/kaputt/kaputt.html":         "Binärdatei",
		"stadt/kaputt/kaputt.json":         "JSON fehlerhaft",
		"stadt/kaputt/kaputt.md":           "Front Matter nicht abgeschlossen",
		"stadt/kaputt/kaputt.pdf":          "PDF beschädigt",
		"stadt/kaputt/kaputt.pptx":         "keine Folien",
		"stadt/kaputt/kaputt.rss":          "RSS beschädigt",
		"stadt/kaputt/kaputt.txt":          "Binärdatei",
		"stadt/kaputt/keinfeed.xml":        "kein RSS- oder Atom-Feed",
		"stadt/kaputt/leer.md":             "leere Datei",
		"stadt/kaputt/verschluesselt.docx": "verschlüsselt",
		"stadt/kaputt/verschluesselt.pdf":  "verschlüsselt",
	}
	got := map[string]string{}
	for _, s := range skipped {
		got[s.Source] = s.Reason
	}
	if len(got) != len(want) {
		t.Errorf("skipped %d files, want %d: %v", len(got), len(want), got)
	}
	for src, reason := range want {
		if !strings.Contains(got[src], reason) {
			t.Errorf("%s: reason %q, want it to contain %q", src, got[src], reason)
		}
	}
}

func TestLoadRootsEdgeCases(t *testing.T) {
	tests := []struct {
		name        string
		files       fstest.MapFS
		wantIDs     []string
		wantSkipped int
		wantErr     bool
	}{
		{"bad knowledge.yaml", fstest.MapFS{"knowledge.yaml": {Data: []byte("defaults: [")}}, nil, 0, true},
		{"bad audience in knowledge.yaml", fstest.MapFS{"knowledge.yaml": {Data: []byte("defaults: {audience: alle}")}}, nil, 0, true},
		{"bad audience in front matter", fstest.MapFS{
			"a.md": {Data: []byte("---\naudience: jeder\n---\nText")},
			"b.md": {Data: []byte("Text b")},
		}, []string{"b"}, 1, false},
		{"duplicate ID", fstest.MapFS{
			"a.md":  {Data: []byte("Text a")},
			"a.txt": {Data: []byte("Text b")},
		}, []string{"a"}, 1, false},
		{"hidden files ignored", fstest.MapFS{
			".git/config": {Data: []byte("x")},
			".notiz.md":   {Data: []byte("x")},
			"a.md":        {Data: []byte("Text a")},
		}, []string{"a"}, 0, false},
		{"front matter only", fstest.MapFS{"a.md": {Data: []byte("---\ntitle: Leer\n---\n")}}, nil, 1, false},
		{"JSON array", fstest.MapFS{"l.json": {Data: []byte(`[{"id":"a","title":"A","kosten":"1 Euro"},{"id":"b","title":"B","fristen":"keine"}]`)}}, []string{"l/a", "l/b"}, 0, false},
		{"JSON without title", fstest.MapFS{"l.json": {Data: []byte(`{"kosten":"1 Euro"}`)}}, nil, 1, false},
		{"latin-1 text", fstest.MapFS{"a.txt": {Data: []byte("Geb\xfchren\nKosten:\n5 Euro")}}, []string{"a"}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, skipped, err := LoadRoots(context.Background(), []Root{{Name: "r", FS: tt.files}}, nil)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			var ids []string
			for _, d := range docs {
				ids = append(ids, d.ID)
			}
			if diff := cmp.Diff(tt.wantIDs, ids); diff != "" {
				t.Errorf("IDs (-want +got):\n%s", diff)
			}
			if len(skipped) != tt.wantSkipped {
				t.Errorf("skipped = %v, want %d", skipped, tt.wantSkipped)
			}
		})
	}
}

func TestLatin1TextIsConverted(t *testing.T) {
	docs, _ := mustLoad(t, Root{Name: "r", FS: fstest.MapFS{"a.txt": {Data: []byte("Geb\xfchrenordnung\nKosten:\n5 Euro")}}})
	if docs[0].Title != "Gebührenordnung" {
		t.Errorf("Title = %q, want Gebührenordnung", docs[0].Title)
	}
}

func TestGlobMatch(t *testing.T) {
	tests := []struct {
		glob, name string
		want       bool
	}{
		{"intern/**", "intern/it/vpn.md", true},
		{"intern/**", "intern", true},
		{"intern/**", "internet/a.md", false},
		{"**/LICENSE*", "LICENSE", true},
		{"**/LICENSE*", "a/b/LICENSE-CC.md", true},
		{"**/*.pdf", "a/b.pdf", true},
		{"leistungen/*.md", "leistungen/a/b.md", false},
		{"a/**/c.md", "a/c.md", true},
		{"a/**/c.md", "a/x/y/c.md", true},
		{"synonyms.txt", "synonyms.txt", true},
	}
	for _, tt := range tests {
		if got := globMatch(tt.glob, tt.name); got != tt.want {
			t.Errorf("globMatch(%q, %q) = %v, want %v", tt.glob, tt.name, got, tt.want)
		}
	}
}

func TestRootConfigMeta(t *testing.T) {
	rc := rootConfig{
		Defaults: folderMeta{Audience: "citizen", Lang: "de"},
		Folders: []folderRule{
			{Match: "intern/**", folderMeta: folderMeta{Audience: "employee", Kind: "article", BaseURL: "https://intranet.example/it/"}},
			{Match: "intern/oeffentlich/**", folderMeta: folderMeta{Audience: "all"}},
			{Match: "docs/**", folderMeta: folderMeta{Lang: "en", BaseURL: "https://docs.example"}},
		},
	}
	tests := []struct {
		rel  string
		want fileMeta
	}{
		{"a.md", fileMeta{Audience: Citizen, Kind: KindArticle, Lang: "de"}},
		{"intern/it/vpn.md", fileMeta{Audience: Employee, Kind: KindArticle, Lang: "de", URL: "https://intranet.example/it/vpn"}},
		{"intern/oeffentlich/x.md", fileMeta{Audience: All, Kind: KindArticle, Lang: "de", URL: "https://intranet.example/it/oeffentlich/x"}},
		{"docs/accounts/new.md", fileMeta{Audience: Citizen, Kind: KindArticle, Lang: "en", URL: "https://docs.example/accounts/new"}},
	}
	for _, tt := range tests {
		id := strings.TrimSuffix(tt.rel, ".md")
		if diff := cmp.Diff(tt.want, rc.meta(tt.rel, id)); diff != "" {
			t.Errorf("meta(%q) (-want +got):\n%s", tt.rel, diff)
		}
	}
}

func TestFrontMatterOverrides(t *testing.T) {
	files := fstest.MapFS{
		"knowledge.yaml":  {Data: []byte("folders:\n  - match: \"intern/**\"\n    audience: employee\n    base_url: https://intra.example/\n")},
		"intern/offen.md": {Data: []byte("---\ntitle: Offen\naudience: all\nkind: notice\nurl: https://www.example/offen\nlang: en\n---\nText")},
	}
	docs, _ := mustLoad(t, Root{Name: "r", FS: files})
	d := docByID(t, docs, "intern/offen")
	got := []string{string(d.Audience), string(d.Kind), d.URL, d.Lang}
	if diff := cmp.Diff([]string{"all", "notice", "https://www.example/offen", "en"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestLabelLines(t *testing.T) {
	tests := []struct {
		line string
		want Facet
		ok   bool
	}{
		{"Kosten:", FacetKosten, true},
		{"  Benötigte Unterlagen  ", FacetUnterlagen, true},
		{"**Gebühren:**", FacetKosten, true},
		{"Erforderliche Dokumente", FacetUnterlagen, true},
		{"Bearbeitungszeit:", FacetDauer, true},
		{"Onlinedienst", FacetOnline, true},
		{"Fragen & Antworten", FacetFAQ, true},
		{"Kosten: 30 Euro", FacetNone, false},
		{"Die Kosten trägt die Stadt.", FacetNone, false},
		// An item of an enumeration in a statute.
		{"6. Anschrift,", FacetNone, false},
		{"c) Gebühren;", FacetNone, false},
	}
	for _, tt := range tests {
		got, ok := labelLine(tt.line)
		if got != tt.want || ok != tt.ok {
			t.Errorf("labelLine(%q) = %q, %v; want %q, %v", tt.line, got, ok, tt.want, tt.ok)
		}
	}
}

func TestHeadingFacet(t *testing.T) {
	tests := map[string]Facet{
		"Zuständige Stelle":        FacetZustaendigkeit,
		"Zuständigkeit":            FacetZustaendigkeit,
		"Öffnungszeiten":           FacetZustaendigkeit,
		"Voraussetzungen":          FacetVoraussetzungen,
		"Erforderliche Unterlagen": FacetUnterlagen,
		"Benötigte Dokumente":      FacetUnterlagen,
		"Gebührenrahmen":           FacetKosten,
		"Kosten und Gebühren":      FacetKosten,
		"Bearbeitungsdauer":        FacetDauer,
		"Dauer":                    FacetDauer,
		"Fristen":                  FacetFristen,
		"Online-Dienst":            FacetOnline,
		"Termin":                   FacetTermin,
		"Rechtsgrundlage":          FacetRechtsgrundlage,
		"Verfahrensablauf":         FacetAblauf,
		"Ablauf":                   FacetAblauf,
		"FAQ":                      FacetFAQ,
		"Fragen und Antworten":     FacetFAQ,
		"Was ist es?":              FacetOverview,
		"Beschreibung":             FacetOverview,
		"2. Kosten":                FacetKosten,
		"Kosten › Ermäßigung":      FacetKosten,
		"§ 5 – Gültigkeitsdauer":   FacetFristen,
		"Art. 3: Gebühren":         FacetKosten,
		"§ 12a Fristen":            FacetFristen,
		"§ 8 – Örtliche Zuständigkeit; Tätigwerden bei örtlicher Unzuständigkeit": FacetZustaendigkeit,
		"Welche Gebühren fallen an?":    FacetKosten,
		"Was muss ich mitbringen?":      FacetUnterlagen,
		"An wen wende ich mich?":        FacetZustaendigkeit,
		"Wie lange dauert es?":          FacetDauer,
		"Bis wann?":                     FacetFristen,
		"Kosten und Dauer":              FacetKosten,
		"Verlust des Personalausweises": FacetNone,
		"Kostenlose Parkplätze":         FacetNone,
	}
	for h, want := range tests {
		if got := headingFacet(h); got != want {
			t.Errorf("headingFacet(%q) = %q, want %q", h, got, want)
		}
	}
}

func TestDetectFacet(t *testing.T) {
	tests := map[string]Facet{
		"Was kostet ein Reisepass?":                          FacetKosten,
		"Wie hoch ist die Gebühr?":                           FacetKosten,
		"How much is a passport?":                            FacetKosten,
		"What is the fee for an ID card?":                    FacetKosten,
		"Welche Unterlagen brauche ich?":                     FacetUnterlagen,
		"Was muss ich mitbringen?":                           FacetUnterlagen,
		"Which documents do I need?":                         FacetUnterlagen,
		"What should I bring to the appointment?":            FacetUnterlagen,
		"wie bring ich meine Pflanzen durch den Urlaub":      FacetNone,
		"Wie lange dauert ein Reisepass?":                    FacetDauer,
		"How long does it take?":                             FacetDauer,
		"Wo ist das Bürgerbüro?":                             FacetZustaendigkeit,
		"Öffnungszeiten Bürgerbüro":                          FacetZustaendigkeit,
		"What are the opening hours?":                        FacetZustaendigkeit,
		"Brauche ich einen Termin?":                          FacetTermin,
		"Can I book an appointment?":                         FacetTermin,
		"Kann ich das online beantragen?":                    FacetOnline,
		"Welche Voraussetzungen gibt es?":                    FacetVoraussetzungen,
		"What are the requirements?":                         FacetVoraussetzungen,
		"Reisepass":                                          FacetNone,
		"Wo kann ich den Pass beantragen und was kostet er?": FacetKosten,
	}
	for q, want := range tests {
		if got := DetectFacet(q); got != want {
			t.Errorf("DetectFacet(%q) = %q, want %q", q, got, want)
		}
	}
}

func TestSplitText(t *testing.T) {
	para := strings.Repeat("Wort ", 60) // 300 characters
	text := strings.Join([]string{para, para, para, para}, "\n\n")
	got := splitText(text, 800)
	if len(got) != 2 {
		t.Fatalf("got %d chunks, want 2", len(got))
	}
	for _, c := range got {
		if len([]rune(c)) > 800 {
			t.Errorf("chunk of %d characters exceeds 800", len([]rune(c)))
		}
		for _, p := range strings.Split(c, "\n\n") {
			if p != strings.TrimSpace(para) {
				t.Errorf("paragraph split inside: %q", p)
			}
		}
	}
	long := strings.Repeat("Satz mit Inhalt. ", 200)
	for _, c := range splitText(long, 800) {
		if n := len([]rune(c)); n > 800 || n == 0 {
			t.Errorf("sentence-split chunk has %d characters", n)
		}
	}
	if got := splitText("  ", 800); got != nil {
		t.Errorf("blank text gave %q", got)
	}
}

func TestLoadLatin1HTMLAndFeed(t *testing.T) {
	files := fstest.MapFS{
		"alt.html": {Data: []byte("<html><body><main><h1>Geb\xfchren</h1><p>Die Geb\xfchr betr\xe4gt 5 Euro.</p></main></body></html>")},
		"alt.rss":  {Data: []byte("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><item><title>Stra\xdfensperrung</title><description>Die Hauptstra\xdfe ist gesperrt.</description></item></channel></rss>")},
	}
	docs, skipped := mustLoad(t, Root{Name: "r", FS: files})
	if len(skipped) != 0 {
		t.Fatalf("skipped: %v", skipped)
	}
	h := docByID(t, docs, "alt")
	if h.Title != "Gebühren" || !strings.Contains(h.Sections[0].Text, "Gebühr beträgt") {
		t.Errorf("HTML = %q / %q", h.Title, h.Sections[0].Text)
	}
	f := docByID(t, docs, "alt/strassensperrung")
	if f.Title != "Straßensperrung" || f.Sections[0].Text != "Die Hauptstraße ist gesperrt." {
		t.Errorf("feed = %q / %q", f.Title, f.Sections[0].Text)
	}
}

func TestLoadRootsLogsSkips(t *testing.T) {
	var buf strings.Builder
	logger := slog.New(slog.NewTextHandler(&buf, nil))
	_, skipped, err := LoadRoots(context.Background(), []Root{fixtureRoot()}, logger)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(buf.String(), "level=WARN msg=\"knowledge: skipping file\""); got != len(skipped) {
		t.Errorf("%d warnings logged for %d skipped files:\n%s", got, len(skipped), buf.String())
	}
	if !strings.Contains(buf.String(), "reason=\"PDF ist verschlüsselt\"") {
		t.Errorf("log lacks the reason:\n%s", buf.String())
	}
}

// An accordion's question is the label of the button that opens it; other
// buttons (consent, search) are controls, not text.
func TestHTMLAccordionQuestionIsKept(t *testing.T) {
	pd, err := parseHTML([]byte(`<html><body><main><h1>Beispielbox mieten</h1>
<h2>Häufige Fragen</h2>
<h3 class="akkordeon"><button type="button" aria-expanded="false">Darf ich Helme in der Box lagern?</button></h3>
<div><p>Ja, Helme und Taschen dürfen Sie lagern.</p></div>
<button type="button" data-consent="alle">Alle akzeptieren</button>
</main></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	var headings, texts []string
	for _, s := range pd.sections {
		headings = append(headings, s.Heading)
		texts = append(texts, s.Text)
	}
	all := strings.Join(headings, "|") + "\n" + strings.Join(texts, "|")
	if !strings.Contains(all, "Darf ich Helme in der Box lagern?") {
		t.Errorf("the accordion's question is lost: %q", all)
	}
	if strings.Contains(all, "Alle akzeptieren") {
		t.Errorf("a consent button's label is text: %q", all)
	}
}

// A modern CMS page: the article's own <header> holds its <h1>, which is
// the title (not the <title> with the site's name); each entry of a
// <details> accordion is a section headed by its <summary>, below the
// heading it stands under; the text after the accordion is the outer
// heading's again.
func TestHTMLDetailsSummaryOpenSections(t *testing.T) {
	pd, err := parseHTML([]byte(`<html><head><title>Beispielschein | Stadt Musterort</title></head><body>
<header class="site-header"><nav><a href="/">Start</a></nav></header>
<main><article><header class="page-head"><p class="kicker">Amt</p><h1>Beispielschein</h1><p class="lead">Den Schein brauchen Sie für Beispiele.</p></header>
<h2>Fragen</h2>
<details><summary>Wie lange gilt der Schein?</summary><div><p>Der Schein gilt drei Jahre.</p></div></details>
<details open><summary>Kann jemand anderes ihn abholen?</summary><p>Ja, mit einer Vollmacht.</p></details>
<p>Weitere Fragen beantwortet das Amt.</p>
</article></main></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	if pd.title != "Beispielschein" {
		t.Errorf("title %q, want the <h1>", pd.title)
	}
	got := map[string]string{}
	for _, s := range pd.sections {
		got[s.Heading] += s.Text
	}
	for h, text := range map[string]string{
		"":                                    "Den Schein brauchen Sie für Beispiele.", // the intro, titled later
		"Fragen › Wie lange gilt der Schein?": "Der Schein gilt drei Jahre.",
		"Fragen › Kann jemand anderes ihn abholen?": "Ja, mit einer Vollmacht.",
		"Fragen": "Weitere Fragen beantwortet das Amt.",
	} {
		if !strings.Contains(got[h], text) {
			t.Errorf("section %q holds %q, want %q (all: %q)", h, got[h], text, got)
		}
	}
	if strings.Contains(got["Fragen"], "drei Jahre") || strings.Contains(got["Fragen"], "Wie lange") {
		t.Errorf("an entry ran into the outer section: %q", got["Fragen"])
	}
}

// A Word table is read as a Markdown table, a row per line: its cells,
// styled as headings or not, open no section.
func TestDOCXTableRows(t *testing.T) {
	const ns = wordNS
	p := styledParagraph
	tc := func(s string) string { return `<w:tc>` + p("", s) + `</w:tc>` }
	doc := `<w:document ` + ns + `><w:body>` + p("Title", "Krankmeldung") + p("Heading1", "Besondere Fälle") +
		`<w:tbl><w:tr>` + tc("Situation") + `<w:tc>` + p("Heading2", "Frist") + `</w:tc></w:tr>` +
		`<w:tr>` + tc("Kind krank") + tc("am ersten Tag") + `</w:tr></w:tbl>` +
		p("", "Danach gilt das Übliche.") + `</w:body></w:document>`
	pd, err := parseDOCX(wordDocument(t, doc), newBudget(Limits{}, nil))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range pd.sections {
		got = append(got, "## "+s.Heading+"\n"+s.Text)
	}
	want := []string{"## \n", "## Besondere Fälle\n| Situation | Frist |\n| --- | --- |\n| Kind krank | am ersten Tag |\nDanach gilt das Übliche."}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sections (-want +got):\n%s", diff)
	}
}

// A PDF's lines broken inside a sentence are joined, hyphenated words
// whole again, and its running heads and feet dropped; table rows and
// items stay lines of their own.
func TestPDFTextJoinsWrappedLines(t *testing.T) {
	pages := []Section{
		{Heading: "Seite 1", Text: "(1) Der monatliche Beitrag richtet sich nach dem Einkommen der Beitragspflich-\ntigen und nach dem vereinbarten wöchentlichen Betreuungsumfang der Kinder.\nEinkommen bis 25 Std.\nbis 25.000 Euro 0 Euro\n1. für das zweite Kind um 50 Prozent,\nAmtsblatt der Stadt Nr. 4/2026 – Seite 1 von 2"},
		{Heading: "Seite 2", Text: "(2) Tonnen können Sie an-\nund abmelden.\nAmtsblatt der Stadt Nr. 4/2026 – Seite 2 von 2"},
	}
	dropRunningLines(pages)
	for i := range pages {
		pages[i].Text = joinWrappedLines(pages[i].Text)
	}
	if got := joinWrappedLines("\nEin Satz\n\n"); got != "\nEin Satz\n\n" {
		t.Errorf("empty lines: %q", got)
	}
	want := []string{
		"(1) Der monatliche Beitrag richtet sich nach dem Einkommen der Beitragspflichtigen und nach dem vereinbarten wöchentlichen Betreuungsumfang der Kinder.\nEinkommen bis 25 Std.\nbis 25.000 Euro 0 Euro\n1. für das zweite Kind um 50 Prozent,",
		"(2) Tonnen können Sie an- und abmelden.",
	}
	for i, w := range want {
		if pages[i].Text != w {
			t.Errorf("page %d:\n%q\nwant\n%q", i+1, pages[i].Text, w)
		}
	}
}

// wordDocument zips doc as the word/document.xml of a minimal Word file.
func wordDocument(t *testing.T, doc string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte(doc)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A page laid out with tables has its menus in cells and lines of
// links, not in <nav>: a cell that is mostly links, a row of links
// separated by "|" or ">" and a line of links alone are navigation; a
// link inside a sentence and a contact cell stay.
func TestHTMLLinkDenseNavigation(t *testing.T) {
	pd, err := parseHTML([]byte(`<html><head><title>Musterort - Fischen</title></head><body>
<table><tr><td class="oben"><a href="/">Start</a> | <a href="/a/">Amt</a> | <a href="/b/">Bauen</a> | <a href="/c/">Kultur</a></td></tr></table>
<table><tr>
<td width="150"><b>Themen</b><br><a href="/x/">Angelkarte</a><br><a href="/y/">Bootsverleih</a><br><a href="/z/">Badestellen</a></td>
<td><font size="1">Pfad: <a href="/">Start</a> &gt; <a href="/a/">Amt</a> &gt; <a href="/a/b/">Freizeit</a> &gt; Fischen</font><br>
Die Angelkarte gibt es im <a href="/amt/">Bürgeramt</a> für 12 Euro im Jahr.<br>
<a href="#top">nach oben</a> | <a href="javascript:history.back()">zurück</a></td>
<td><b>Kontakt</b><br>Bürgeramt, Telefon 0123 45-6</td>
<td><a href="javascript:print()">Seite drucken</a><br><a href="mailto:?">Seite empfehlen</a></td>
</tr></table>
<table><tr><td>© Musterort | Hauptstraße 1 | <a class="fuss" href="/i/">Impressum</a> | <a class="fuss" href="/d/">Datenschutz</a> | <a class="fuss" href="/k/">Kontakt</a></td></tr></table>
</body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, s := range pd.sections {
		all = append(all, s.Heading, s.Text)
	}
	text := strings.Join(all, "\n")
	for _, s := range []string{"Bauen", "Themen", "Bootsverleih", "Pfad", "nach oben", "Seite drucken", "Hauptstraße"} {
		if strings.Contains(text, s) {
			t.Errorf("navigation %q is in the text:\n%s", s, text)
		}
	}
	for _, s := range []string{"Die Angelkarte gibt es im Bürgeramt für 12 Euro im Jahr.", "Telefon 0123 45-6"} {
		if !strings.Contains(text, s) {
			t.Errorf("%q is lost:\n%s", s, text)
		}
	}
}

// A page without heading elements sets its subheadings as bold lines: a
// short bold line standing alone opens a section, under a bold cell of
// its own ("Kontakt") in a box; a bold word inside a sentence, a bold
// list item, a bold number and the bold head row of a table do not, and
// a bold line heads only the rest of its layout cell.
func TestHTMLBoldLinesOpenSections(t *testing.T) {
	pd, err := parseHTML([]byte(`<html><body><table><tr>
<td valign="top">
<b>Angelkarte</b><br>
Die Karte kostet <b>12 Euro</b> im Jahr.<br><br>
<span class="zt"><b>Wo gibt es die Karte?</b></span><br>
Im Bürgeramt.<br>
<table><tr><td><b>Art</b></td><td><b>Preis</b></td></tr><tr><td>Tageskarte</td><td>3 Euro</td></tr></table>
<table><tr><td><b>1.</b></td><td>Antrag ausfüllen.</td></tr></table>
<ul><li><b>Wichtig</b></li></ul>
</td>
<td valign="top"><table>
<tr><td><b>Kontakt</b></td></tr>
<tr><td><b>Bürgeramt</b><br>Telefon 0123 45-6</td></tr>
</table></td>
</tr></table></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, s := range pd.sections {
		if s.Text != "" {
			got[s.Heading] += s.Text
		}
	}
	want := map[string][]string{
		"Angelkarte":            {"Die Karte kostet 12 Euro im Jahr."},
		"Wo gibt es die Karte?": {"Im Bürgeramt.", "Art Preis", "Tageskarte 3 Euro", "1. Antrag ausfüllen.", "- Wichtig"},
		"Kontakt › Bürgeramt":   {"Telefon 0123 45-6"},
	}
	for h, texts := range want {
		for _, s := range texts {
			if !strings.Contains(got[h], s) {
				t.Errorf("section %q does not hold %q: %q", h, s, got)
			}
		}
	}
	if len(got) != len(want) {
		t.Errorf("sections %q, want %d", got, len(want))
	}
}

// A page without <h1> whose first line, in bold, is the part of its
// <title> beside the site's name has that line as its title; a bold
// first line the <title> does not hold, or holds only inside a word,
// heads a section and the <title> stays.
func TestHTMLBoldTitleLine(t *testing.T) {
	for _, tc := range []struct{ title, line, want string }{
		{"Gemeinde Musterort - Angelkarte – Preise", "Angelkarte – Preise", "Angelkarte – Preise"},
		{"Angelkarte | Gemeinde Musterort", "Angelkarte", "Angelkarte"},
		{"Portal :: Freizeit :: Angelkarte", "Angelkarte", "Angelkarte"},
		{"Gemeinde Musterort - Angelkarten", "Angelkarte", "Gemeinde Musterort - Angelkarten"},
		{"Gemeinde Musterort", "Angelkarte", "Gemeinde Musterort"},
	} {
		pd, err := parseHTML([]byte(`<html><head><title>` + tc.title + `</title></head><body><table><tr><td>
<font size="4"><b>` + tc.line + `</b></font><br><br>
Die Karte kostet 12 Euro im Jahr.<br><br>
<b>Ausgabe</b><br>
Im Bürgeramt.</td></tr></table></body></html>`))
		if err != nil {
			t.Fatal(err)
		}
		if pd.title != tc.want {
			t.Errorf("<title> %q, line %q: title %q, want %q", tc.title, tc.line, pd.title, tc.want)
		}
		if pd.title == tc.line && (pd.sections[0].Heading != "" || !strings.Contains(pd.sections[0].Text, "12 Euro")) {
			t.Errorf("<title> %q: the text under the title line is in %q", tc.title, pd.sections[0].Heading)
		}
	}
}

// wordFiles zips the parts of a Word file, in the order of their names.
func wordFiles(t *testing.T, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range slices.Sorted(maps.Keys(parts)) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[name])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A Word file's title is its title paragraph (style Title, or the only
// Heading 1 standing first), not the short title of its properties; the
// properties' title stands when the text has none.
func TestDOCXTitleParagraph(t *testing.T) {
	const ns = wordNS
	p := styledParagraph
	core := `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>AW 7 Angeln</dc:title></cp:coreProperties>`
	for _, tc := range []struct {
		name, body, title string
		heads             []string
	}{
		{"title style", p("Heading1", "Zweck") + p("", "Text.") + p("Title", "Anweisung über das Angeln am Stadtsee"), "Anweisung über das Angeln am Stadtsee", []string{"Zweck"}},
		{"only Heading 1 first", p("Heading1", "Angelkarte beantragen") + p("", "Text.") + p("Heading2", "Kosten") + p("", "12 Euro."), "Angelkarte beantragen", []string{"", "Kosten"}},
		{"Heading 1 of several", p("Heading1", "Zweck") + p("", "Text.") + p("Heading1", "Kosten") + p("", "12 Euro."), "AW 7 Angeln", []string{"Zweck", "Kosten"}},
		{"Heading 1 after text", p("", "Vorwort.") + p("Heading1", "Zweck") + p("", "Text."), "AW 7 Angeln", []string{"", "Zweck"}},
	} {
		pd, err := parseDOCX(wordFiles(t, map[string]string{
			"word/document.xml": `<w:document ` + ns + `><w:body>` + tc.body + `</w:body></w:document>`,
			"docProps/core.xml": core,
		}), newBudget(Limits{}, nil))
		if err != nil {
			t.Fatal(err)
		}
		var heads []string
		for _, s := range pd.sections {
			if s.Text != "" {
				heads = append(heads, s.Heading)
			}
		}
		if pd.title != tc.title || !slices.Equal(heads, tc.heads) {
			t.Errorf("%s: title %q, sections %q; want %q, %q", tc.name, pd.title, heads, tc.title, tc.heads)
		}
	}
}

// Word's automatic numbers and bullets (word/numbering.xml) are kept:
// steps read "1.", "2.", a second level "a)", a restarted list starts
// again, a bullet is "-", and a heading style that carries a list
// numbers its headings.
func TestDOCXNumbering(t *testing.T) {
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	p := func(style, numID, ilvl, s string) string {
		ppr := ""
		if style != "" {
			ppr += `<w:pStyle w:val="` + style + `"/>`
		}
		if numID != "" {
			ppr += `<w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + numID + `"/></w:numPr>`
		}
		return `<w:p><w:pPr>` + ppr + `</w:pPr><w:r><w:t>` + s + `</w:t></w:r></w:p>`
	}
	doc := `<w:document ` + ns + `><w:body>` + p("Title", "", "", "Angeln am Stadtsee") +
		p("Kapitel", "", "", "Karte holen") +
		p("", "1", "0", "Antrag ausfüllen.") + p("", "1", "1", "online") + p("", "1", "1", "auf Papier") + p("", "1", "0", "Gebühr zahlen.") +
		p("", "3", "0", "Bürgeramt") +
		p("Kapitel", "", "", "Karte verlängern") +
		p("", "2", "0", "Alte Karte mitbringen.") + p("", "", "", "Kein Listenpunkt.") +
		`</w:body></w:document>`
	numbering := `<w:numbering ` + ns + `>` +
		`<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>` +
		`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
		`<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` +
		`<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>` +
		`<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num></w:numbering>`
	styles := `<w:styles ` + ns + `><w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Kapitel"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style></w:styles>`
	pd, err := parseDOCX(wordFiles(t, map[string]string{"word/document.xml": doc, "word/numbering.xml": numbering, "word/styles.xml": styles}), newBudget(Limits{}, nil))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range pd.sections {
		if s.Text != "" {
			got = append(got, "## "+s.Heading+"\n"+s.Text)
		}
	}
	want := []string{
		"## I. Karte holen\n1. Antrag ausfüllen.\na) online\nb) auf Papier\n2. Gebühr zahlen.\n- Bürgeramt",
		"## II. Karte verlängern\n1. Alte Karte mitbringen.\nKein Listenpunkt.",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sections (-want +got):\n%s", diff)
	}
}

// wordNS is the namespace declaration of WordprocessingML for test
// documents.
const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// styledParagraph is a Word paragraph with text s, in paragraph style
// style when it is not empty.
func styledParagraph(style, s string) string {
	ppr := ""
	if style != "" {
		ppr = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return `<w:p>` + ppr + `<w:r><w:t>` + s + `</w:t></w:r></w:p>`
}
