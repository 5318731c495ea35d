// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"testing"
	"time"
)

// TestCSVRowsAsSections checks that an open-data export of opening hours
// (byte order mark, ";", CRLF, quoted cells holding the separator, one
// column per weekday) gives a section per row, headed by the row's name,
// with a "Header: value" line per filled cell.
func TestCSVRowsAsSections(t *testing.T) {
	data := []byte("\ufeffStelle;Anschrift;Montag;Dienstag;Mittwoch;Donnerstag;Hinweis\r\n" +
		"Beispielamt;Am Beispiel 1;8:00-12:00;;geschlossen;\"8:00-12:00, 15:00-19:00\";\"nur mit Termin; Abholung ohne\"\r\n" +
		"Musterbad;Badweg 2;geschlossen;6:00-20:00;6:00-20:00;6:00-20:00;\r\n" +
		";;;;;;\r\n")
	pd, err := parseCSV(data)
	if err != nil {
		t.Fatal(err)
	}
	if pd.title != "" {
		t.Errorf("title %q, want none (the file name's)", pd.title)
	}
	if len(pd.sections) != 2 {
		t.Fatalf("sections %+v, want 2", pd.sections)
	}
	s := pd.sections[0]
	if s.Heading != "Beispielamt" {
		t.Errorf("heading %q", s.Heading)
	}
	for _, want := range []string{"Anschrift: Am Beispiel 1", "Donnerstag: 8:00-12:00, 15:00-19:00", "Hinweis: nur mit Termin; Abholung ohne"} {
		if !strings.Contains(s.Text, want) {
			t.Errorf("row text %q lacks %q", s.Text, want)
		}
	}
	if strings.Contains(s.Text, "Dienstag") || strings.Contains(s.Text, "\ufeff") {
		t.Errorf("empty cell or byte order mark kept: %q", s.Text)
	}
	doc, err := pd.document(&rootConfig{}, "einrichtungen/zeiten.csv", "einrichtungen/zeiten", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Zeiten" || doc.Sections[1].Heading != "Zeiten › Musterbad" {
		t.Errorf("document %q, sections %+v", doc.Title, doc.Sections)
	}
}

// TestCSVTitleLineAndSeparators checks that a spreadsheet saved as CSV
// with "," and a title line above its header takes the title from that
// line, that a table without a header keeps its rows as lines of cells,
// and that the bounds hold.
func TestCSVTitleLineAndSeparators(t *testing.T) {
	pd, err := parseCSV([]byte("Beispielgebühren 2027,,\nStand: 1. Januar 2027,,\nLeistung,Gebühr,Ermäßigt\nBeispielausweis,\"12,50 Euro\",\"6,00 Euro\"\nZweitschrift,\"5,00 Euro\",\n"))
	if err != nil {
		t.Fatal(err)
	}
	if pd.title != "Beispielgebühren 2027" || len(pd.sections) != 3 || pd.sections[0].Text != "Stand: 1. Januar 2027" {
		t.Fatalf("title %q, sections %+v", pd.title, pd.sections)
	}
	if s := pd.sections[1]; s.Heading != "Beispielausweis" || s.Text != "Gebühr: 12,50 Euro\nErmäßigt: 6,00 Euro" {
		t.Errorf("row %+v", s)
	}
	pd, err = parseCSV([]byte("Beispielamt\t8:00\t12:00\nMusterbad\t6:00\t20:00\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pd.sections) != 1 || pd.sections[0].Text != "Beispielamt | 8:00 | 12:00\nMusterbad | 6:00 | 20:00" {
		t.Errorf("table without a header: %+v", pd.sections)
	}
	if _, err := parseCSV([]byte(strings.Repeat("a;", maxCSVFields+1) + "\n")); err == nil {
		t.Error("a row of too many columns was read")
	}
	if _, err := parseCSV([]byte(strings.Repeat("x;y\n", maxCSVRows+1))); err == nil {
		t.Error("a file of too many rows was read")
	}
	if _, err := parseCSV([]byte("a;b\x00;c\n")); err == nil {
		t.Error("binary data was read as CSV")
	}
}

// TestCSVRowNames checks that a row is headed by the column that names
// rows, not by an earlier column of a few repeated values (a weekday),
// and that rows of the same name are told apart by the first column
// whose values differ in every row (a date).
func TestCSVRowNames(t *testing.T) {
	pd, err := parseCSV([]byte("Datum;Tag;Kurs;Ort\n01.03.2027;Mo;Töpfern;Halle\n02.03.2027;Di;Malen;Saal\n08.03.2027;Mo;Töpfern;Halle\n09.03.2027;Di;Singen;Saal\n;;Einzeltermin nach Wunsch;\n"))
	if err != nil {
		t.Fatal(err)
	}
	var heads []string
	for _, s := range pd.sections {
		heads = append(heads, s.Heading)
	}
	want := []string{"Töpfern – 01.03.2027", "Malen – 02.03.2027", "Töpfern – 08.03.2027", "Singen – 09.03.2027", "Einzeltermin nach Wunsch"}
	if strings.Join(heads, "\n") != strings.Join(want, "\n") {
		t.Errorf("headings %q, want %q", heads, want)
	}
	if !strings.Contains(pd.sections[0].Text, "Tag: Mo") || !strings.Contains(pd.sections[0].Text, "Kurs: Töpfern") || !strings.Contains(pd.sections[0].Text, "Datum: 01.03.2027") {
		t.Errorf("first row: %q", pd.sections[0].Text)
	}
	// Names that do not repeat need no key.
	pd, err = parseCSV([]byte("Nr;Amt;Zimmer\n1;Bauamt;12\n2;Kasse;3\n"))
	if err != nil || pd.sections[0].Heading != "Bauamt" || pd.sections[1].Heading != "Kasse" {
		t.Errorf("unique names: %q, %v", pd.sections, err)
	}
}
