// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

const (
	// maxPDFWidgets bounds the form fields of a page that are read.
	maxPDFWidgets = 500
	// maxFieldParents bounds the parents of a widget looked at for its
	// field's tooltip and value.
	maxFieldParents = 8
	// maxFieldText bounds a tooltip or a value read (runes).
	maxFieldText = 500
)

// fieldKey returns the value of key of a form field's widget, or of the
// nearest field above it that has one (a field's /TU and /V may stand on
// the field and its widgets be its kids).
func fieldKey(w pdf.Value, key string) pdf.Value {
	for range maxFieldParents {
		if v := w.Key(key); !v.IsNull() {
			return v
		}
		w = w.Key("Parent")
		if w.IsNull() {
			break
		}
	}
	return pdf.Value{}
}

// widgetText returns what a form field's widget adds to the text: its
// filled-in value (a text, or a check box's or choice's state other than
// "Off") and its tooltip (/TU), the hint a form shows where the pointer
// rests on the field, "value (tooltip)"; "" for neither.
func widgetText(w pdf.Value) string {
	clip := func(s string) string {
		s = strings.Join(strings.Fields(s), " ")
		if utf8.RuneCountInString(s) > maxFieldText {
			s = string([]rune(s)[:maxFieldText])
		}
		return s
	}
	tip := clip(fieldKey(w, "TU").Text())
	var value string
	switch v := fieldKey(w, "V"); v.Kind() {
	case pdf.String:
		value = clip(v.Text())
	case pdf.Name:
		if n := v.Name(); n != "Off" {
			value = clip(n)
		}
	}
	switch {
	case value != "" && tip != "":
		return value + " (" + tip + ")"
	case value != "":
		return value
	}
	return tip
}

// formFieldObjects puts the text of the page's form fields (widgetText)
// on the line of their labels: each widget annotation's text becomes an
// object on the baseline of the nearest text within the widget's height
// (the label printed beside the box, left of a text field or right of a
// check box), after that label, so that the line reads "Label | hint"
// and a label is no line alone (which might be taken for a heading).
// Widgets without such a label or text are left out. Bounded by
// maxPDFWidgets.
func formFieldObjects(p pdf.Page, objs []*pdfObject) []*pdfObject {
	annots := p.V.Key("Annots")
	if annots.Kind() != pdf.Array || len(objs) == 0 {
		return objs
	}
	after := map[int][]*pdfObject{}
	for i := 0; i < annots.Len() && i < maxPDFWidgets; i++ {
		w := annots.Index(i)
		if w.Key("Subtype").Name() != "Widget" {
			continue
		}
		r := w.Key("Rect")
		if r.Len() != 4 {
			continue
		}
		x1, y1, x2, y2 := r.Index(0).Float64(), r.Index(1).Float64(), r.Index(2).Float64(), r.Index(3).Float64()
		x1, x2 = min(x1, x2), max(x1, x2)
		y1, y2 = min(y1, y2), max(y1, y2)
		text := widgetText(w)
		if text == "" {
			continue
		}
		best, dist := -1, math.Inf(1)
		for k, o := range objs {
			if o.y < y1-1 || o.y > y2+1 || strings.TrimSpace(o.text.String()) == "" {
				continue
			}
			end := o.x + float64(utf8.RuneCountInString(o.text.String()))*o.size*0.5
			d := math.Max(0, math.Max(x1-end, o.x-x2))
			if d < dist {
				best, dist = k, d
			}
		}
		if best < 0 {
			continue
		}
		label := objs[best]
		end := label.x + float64(utf8.RuneCountInString(label.text.String()))*label.size*0.5
		// Far enough after the label that the line parts them as cells.
		f := &pdfObject{x: math.Max(x1, end+math.Max(2*label.size, 0.2*(end-label.x))), y: label.y, size: label.size}
		f.text.WriteString(text)
		for _, c := range text {
			if unicode.IsLetter(c) {
				f.letters++
			}
		}
		after[best] = append(after[best], f)
	}
	if len(after) == 0 {
		return objs
	}
	out := make([]*pdfObject, 0, len(objs)+len(after))
	for k, o := range objs {
		out = append(out, o)
		out = append(out, after[k]...)
	}
	return out
}
