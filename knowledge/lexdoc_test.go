// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/document"
	bleveapi "github.com/blevesearch/bleve_index_api"
)

// lexDoc is what the lexical index held for one chunk before chunks were
// handed to bleve pre-analysed: the terms joined by blanks, mapped by
// newMapping.
type lexDoc struct {
	Body  string `json:"body"`
	Title string `json:"title"`
	Vis   string `json:"vis"`
}

// analysedField is what bleve's segment builder reads of one field.
type analysedField struct {
	Name     string
	Options  bleveapi.FieldIndexingOptions
	Type     byte
	ArrayPos []uint64
	Length   int
	Plain    uint64
	Freqs    map[string]int
}

// analyseDoc runs bleve's analysis on doc as scorch does and returns what
// the segment builder would read, composite fields first.
func analyseDoc(doc *document.Document) []analysedField {
	doc.AddIDField()
	doc.VisitFields(func(f bleveapi.Field) {
		f.Analyze()
		if f.Name() != "_id" {
			doc.VisitComposite(func(cf bleveapi.CompositeField) {
				cf.Compose(f.Name(), f.AnalyzedLength(), f.AnalyzedTokenFrequencies())
			})
		}
	})
	var out []analysedField
	add := func(f bleveapi.Field) {
		freqs := map[string]int{}
		for k, tf := range f.AnalyzedTokenFrequencies() {
			if string(tf.Term) != k {
				panic("term and key differ")
			}
			freqs[k] = tf.Frequency()
		}
		out = append(out, analysedField{f.Name(), f.Options(), f.EncodedFieldType(), f.ArrayPositions(), f.AnalyzedLength(), f.NumPlainTextBytes(), freqs})
	}
	doc.VisitComposite(func(cf bleveapi.CompositeField) { add(cf) })
	doc.VisitFields(add)
	return out
}

// TestLexDocumentMatchesMapping checks that a pre-analysed chunk document
// is, field by field, what the mapping makes of the same terms joined by
// blanks: same fields, options, lengths, term frequencies and text size,
// so the lexical index and every BM25 score stay as they were.
func TestLexDocumentMatchesMapping(t *testing.T) {
	im, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	cases := [][3][]string{
		{{"reisepass", "beantrag", "reisepass", "kost"}, {"reisepass", "beantrag"}, {"citizen", "employee"}},
		{{}, {}, {"employee"}},
		{{"a"}, {"straß", "ä", "über"}, {"citizen", "employee"}},
		// Terms the analysis never makes, but the white-space tokenizer
		// would split or drop: they must come out as it would make them.
		{{"", "zwei wörter", "x\u00a0y", "tab\there", "\xff\xfe", "nach-ungültig"}, {" ", "  lead", "\ufffd", "weg"}, {"employee"}},
	}
	for i, c := range cases {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			want := document.NewDocument("7")
			if err := im.MapDocument(want, lexDoc{
				Body: strings.Join(c[0], " "), Title: strings.Join(c[1], " "), Vis: strings.Join(c[2], " "),
			}); err != nil {
				t.Fatal(err)
			}
			got := lexDocument("7", c[0], c[1], c[2])
			wf, gf := analyseDoc(want), analyseDoc(got)
			if len(wf) != len(gf) {
				t.Fatalf("%d fields, want %d", len(gf), len(wf))
			}
			for j := range wf {
				w, g := wf[j], gf[j]
				if w.Name != g.Name || w.Options != g.Options || w.Type != g.Type || !slices.Equal(w.ArrayPos, g.ArrayPos) ||
					w.Length != g.Length || w.Plain != g.Plain || !maps.Equal(w.Freqs, g.Freqs) {
					t.Errorf("field %d:\n got %+v\nwant %+v", j, g, w)
				}
			}
			if got.NumPlainTextBytes() != want.NumPlainTextBytes() || got.Indexed() != want.Indexed() || got.HasComposite() != want.HasComposite() {
				t.Errorf("document: plain %d indexed %v composite %v, want %d %v %v", got.NumPlainTextBytes(), got.Indexed(), got.HasComposite(),
					want.NumPlainTextBytes(), want.Indexed(), want.HasComposite())
			}
		})
	}
}
