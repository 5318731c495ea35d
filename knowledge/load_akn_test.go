// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
)

// TestAkomaNtoso checks that a bylaw in Akoma Ntoso XML (any prefix) is
// read as a law: its docTitle and shortTitle the title, each article a
// section "§ n Heading", each paragraph led by its number, a list's
// points with their numbers, an attachment headed by its preface with
// its table; metadata, eIds and GUIDs left out.
func TestAkomaNtoso(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<x:akomaNtoso xmlns:x="http://example.org/akn">
 <x:act name="satzung">
  <x:meta eId="meta-1" GUID="11111111-2222"><x:identification><x:FRBRWork><x:FRBRthis value="eli/beispiel/2026/hund"/><x:FRBRdate date="2026-05-01" name="ausfertigung"/></x:FRBRWork></x:identification></x:meta>
  <x:preface><x:longTitle><x:p><x:docTitle>Satzung über die Hundesteuer</x:docTitle> <x:shortTitle>(Hundesteuersatzung)</x:shortTitle></x:p></x:longTitle>
   <x:block name="datum"><x:date date="2026-05-01">Vom 1. Mai 2026</x:date></x:block></x:preface>
  <x:body>
   <x:article eId="para-1" GUID="aaaa-1"><x:num><x:marker name="1"/>§ 1</x:num><x:heading>Steuersatz</x:heading>
    <x:paragraph eId="para-1_abs-1"><x:num>(1)</x:num><x:content><x:p>Die Steuer beträgt für den ersten Hund 90 Euro im Jahr.</x:p></x:content></x:paragraph>
    <x:paragraph eId="para-1_abs-2"><x:num>(2)</x:num><x:list><x:intro><x:p>Steuerfrei sind</x:p></x:intro>
     <x:point><x:num>1.</x:num><x:content><x:p>Blindenführhunde,</x:p></x:content></x:point>
     <x:point><x:num>2.</x:num><x:content><x:p>Rettungshunde mit Prüfung.</x:p></x:content></x:point></x:list></x:paragraph>
   </x:article>
  </x:body>
  <x:attachments><x:attachment><x:doc name="anlage"><x:preface><x:p>Anlage – Sätze für weitere Hunde</x:p></x:preface>
   <x:mainBody><x:table><x:tr><x:th><x:p>Hund</x:p></x:th><x:th><x:p>Betrag</x:p></x:th></x:tr><x:tr><x:td><x:p>zweiter</x:p></x:td><x:td><x:p>120 Euro</x:p></x:td></x:tr></x:table></x:mainBody></x:doc></x:attachment></x:attachments>
 </x:act>
</x:akomaNtoso>`
	ds, format, err := parseFile("rss", []byte(doc), nil)
	if err != nil || len(ds) != 1 || format != "xml" {
		t.Fatalf("parsed %d documents as %q, error %v", len(ds), format, err)
	}
	pd := ds[0]
	if pd.title != "Satzung über die Hundesteuer (Hundesteuersatzung)" {
		t.Errorf("title %q", pd.title)
	}
	got := map[string]string{}
	for _, s := range pd.sections {
		got[s.Heading] += s.Text
	}
	want := "(1) Die Steuer beträgt für den ersten Hund 90 Euro im Jahr.\n(2) Steuerfrei sind\n- 1. Blindenführhunde,\n- 2. Rettungshunde mit Prüfung."
	if got["§ 1 Steuersatz"] != want {
		t.Errorf("§ 1 reads %q, want %q (all: %q)", got["§ 1 Steuersatz"], want, got)
	}
	if a := got["Anlage – Sätze für weitere Hunde"]; !strings.Contains(a, "zweiter") || !strings.Contains(a, "120 Euro") {
		t.Errorf("attachment reads %q (all: %q)", a, got)
	}
	var all strings.Builder
	for h, s := range got {
		all.WriteString(h + "\n" + s + "\n")
	}
	for _, left := range []string{"eli/", "aaaa", "11111111", "2026-05-01", "para-1"} {
		if strings.Contains(all.String(), left) {
			t.Errorf("%q is read as text: %q", left, got)
		}
	}
	if !strings.Contains(all.String(), "Vom 1. Mai 2026") {
		t.Errorf("the date line is lost: %q", got)
	}
}
