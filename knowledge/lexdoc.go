// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis/tokenizer/whitespace"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/size"
	bleveapi "github.com/blevesearch/bleve_index_api"
)

// Chunks reach bleve already analysed: a chunk's terms are the output of
// our German analysis (and decompounding), and the lexical index's text
// fields are declared with an analyzer that only splits on white space
// (preAnalyzed). Handing bleve the chunk as a struct would make it map the
// struct by reflection, join the terms into one string and split it again,
// rune by rune. lexDocument builds the very document the mapping would
// build (TestLexDocumentMatchesMapping checks field by field), with fields
// that count the terms they were given: same terms, same lengths, same
// index, at a fraction of the cost.

// lexDocument returns the bleve document of chunk id with the given terms
// per field, as newMapping maps a struct of the three fields, each the
// terms joined by blanks.
func lexDocument(id string, body, title, vis []string) *document.Document {
	doc := document.NewDocument(id)
	doc.AddField(newTermsField(fieldBody, body))
	doc.AddField(newTermsField(fieldTitle, title))
	doc.AddField(newTermsField(fieldVis, vis))
	// The mapping adds the composite _all field to every document; every
	// field of ours is excluded from it, so it stays empty, but it exists.
	doc.AddField(document.NewCompositeFieldWithIndexingOptions("_all", true, []string{},
		[]string{"_id", fieldBody, fieldTitle, fieldVis}, bleveapi.IndexField|bleveapi.IncludeTermVectors))
	doc.SetIndexed()
	return doc
}

// termsField is a text field of pre-analysed terms: indexed, not stored,
// without term vectors or doc values, as newMapping's text fields are.
// Its Analyze counts the terms instead of tokenising text.
type termsField struct {
	name  string
	terms []string
	plain uint64 // bytes of the terms joined by blanks, as the text field's value would have
	freqs bleveapi.TokenFrequencies
	n     int
}

const termsFieldOptions = bleveapi.IndexField

func newTermsField(name string, terms []string) *termsField {
	f := &termsField{name: name, terms: terms}
	split := false
	for i, t := range terms {
		if i > 0 {
			f.plain++ // the blank that would join it to the one before
		}
		f.plain += uint64(len(t))
		if !plainTerm(t) {
			split = true
		}
	}
	if split {
		// A term the white-space tokenizer would not keep as it is: give
		// the field the tokens that tokenizer makes of the joined terms.
		f.terms = tokenizeJoined(terms)
	}
	return f
}

// plainTerm reports whether bleve's white-space tokenizer keeps t as one
// token: t is not empty and has no white space and no rune it stops at
// (it ends the text at the first invalid or replacement rune).
func plainTerm(t string) bool {
	if t == "" {
		return false
	}
	for _, r := range t {
		if r == utf8.RuneError || unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// tokenizeJoined joins terms by blanks and splits them with the tokenizer
// of preAnalyzed.
func tokenizeJoined(terms []string) []string {
	tok, err := whitespace.TokenizerConstructor(nil, nil)
	if err != nil {
		panic(err) // takes no configuration; cannot fail
	}
	var out []string
	for _, t := range tok.Tokenize([]byte(strings.Join(terms, " "))) {
		out = append(out, string(t.Term))
	}
	return out
}

func (f *termsField) Name() string                           { return f.name }
func (f *termsField) ArrayPositions() []uint64               { return nil }
func (f *termsField) Options() bleveapi.FieldIndexingOptions { return termsFieldOptions }
func (f *termsField) EncodedFieldType() byte                 { return 't' }
func (f *termsField) AnalyzedLength() int                    { return f.n }
func (f *termsField) NumPlainTextBytes() uint64              { return f.plain }

func (f *termsField) AnalyzedTokenFrequencies() bleveapi.TokenFrequencies { return f.freqs }

// Value is the text the field would have held; the index stores no text
// fields, so bleve never asks for it while indexing.
func (f *termsField) Value() []byte { return []byte(strings.Join(f.terms, " ")) }

// Analyze counts the terms. bleve calls it on its analysis workers. The
// counts of one field share one array and the terms' bytes one buffer:
// three allocations per field instead of two per distinct term.
func (f *termsField) Analyze() {
	f.n = len(f.terms)
	freqs := make(bleveapi.TokenFrequencies, len(f.terms))
	size := 0
	for _, t := range f.terms {
		size += len(t)
	}
	counts := make([]bleveapi.TokenFreq, 0, len(f.terms))
	buf := make([]byte, 0, size)
	for _, t := range f.terms {
		tf, ok := freqs[t]
		if !ok {
			start := len(buf)
			buf = append(buf, t...)
			counts = append(counts, bleveapi.TokenFreq{Term: buf[start:len(buf):len(buf)]})
			tf = &counts[len(counts)-1]
			freqs[t] = tf
		}
		tf.SetFrequency(tf.Frequency() + 1)
	}
	f.freqs = freqs
}

func (f *termsField) Size() int {
	s := size.SizeOfPtr*4 + len(f.name)
	for _, t := range f.terms {
		s += size.SizeOfString + len(t)
	}
	if f.freqs != nil {
		s += f.freqs.Size()
	}
	return s
}
