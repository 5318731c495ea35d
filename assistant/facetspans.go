// SPDX-License-Identifier: EUPL-1.2

package assistant

import "slices"

// facetIndex indexes the patterns of all facet sections ("facet_kosten",
// …, in facetOrder) by their anchor words at once: a message's words are
// looked up once for all facets instead of once per facet section.
type facetIndex struct {
	secs   []string    // the section of each facet of facetOrder
	ps     [][]pattern // the patterns of each section
	byWord map[string][]int32
	free   []int32
	// leads are the leads of each section's patterns (by ps), freeLead
	// the lead of each pattern of free.
	leads    [][]lead
	freeLead []lead
	// anchorBits has wordBit set for every anchor word of any section.
	anchorBits [4]uint64
}

// facetRef packs a facet's position in facetOrder and a pattern's position
// in its section, so that sorting refs sorts by facet, then by lexicon
// order.
func facetRef(fi, i int) int32 { return int32(fi<<16 | i) }

// newFacetIndex builds the index from the sections' own anchor indexes.
func newFacetIndex(anchors map[string]anchorIndex) facetIndex {
	x := facetIndex{byWord: map[string][]int32{}}
	for fi, f := range facetOrder {
		sec := "facet_" + string(f)
		a := anchors[sec]
		x.secs = append(x.secs, sec)
		x.ps = append(x.ps, a.ps)
		x.leads = append(x.leads, a.leads)
		for k, i := range a.free {
			x.free = append(x.free, facetRef(fi, i))
			x.freeLead = append(x.freeLead, a.freeLead[k])
		}
		for w, is := range a.byWord {
			for _, i := range is {
				x.byWord[w] = append(x.byWord[w], facetRef(fi, i))
			}
		}
		for k := range x.anchorBits {
			x.anchorBits[k] |= a.anchorBits[k]
		}
	}
	return x
}

// facetSpans calls each for every span of words that a pattern of a facet
// section matches: facet by facet in facetOrder, and within one facet in
// the order lx.spans gives them for that section (fi is the facet's
// position in facetOrder). The spans of words a turn's lexicon keeps
// (lexicon.words) are looked for once a turn.
func (lx *lexicon) facetSpans(words []string, each func(fi int, sp [2]int)) {
	if m := lx.memo; m != nil {
		if i := m.kept(words); i >= 0 {
			if !m.facetsRead[i] {
				lx.scanFacetSpans(words, func(fi int, sp [2]int) {
					m.facets[i] = append(m.facets[i], facetSpan{fi, sp})
				})
				m.facetsRead[i] = true
			}
			for _, f := range m.facets[i] {
				each(f.fi, f.sp)
			}
			return
		}
	}
	lx.scanFacetSpans(words, each)
}

// scanFacetSpans is facetSpans without the memo.
func (lx *lexicon) scanFacetSpans(words []string, each func(fi int, sp [2]int)) {
	x := &lx.facets
	// The patterns anchored on the message's words, sorted; the free ones
	// are sorted already, and no pattern is both.
	var buf [128]int32
	hits := buf[:0]
	for _, w := range words {
		i, b := wordBit(w)
		if x.anchorBits[i]&b != 0 {
			hits = append(hits, x.byWord[w]...)
		}
	}
	slices.Sort(hits)
	hits = slices.Compact(hits) // a repeated word adds its patterns again
	// A free pattern whose lead begins none of the words matches
	// nowhere: it is passed over.
	begun := leadsOf(words)
	free, freeLead := x.free, x.freeLead
	for len(free) > 0 || len(hits) > 0 {
		var c int32
		if len(hits) == 0 || len(free) > 0 && free[0] < hits[0] {
			c, free = free[0], free[1:]
			lead := freeLead[0]
			freeLead = freeLead[1:]
			if !begun.mayLead(lead) {
				continue
			}
		} else {
			c, hits = hits[0], hits[1:]
		}
		fi := int(c >> 16)
		p, lead := x.ps[fi][c&0xffff], x.leads[fi][c&0xffff]
		for start := 0; start < len(words); start++ {
			if !lead.begins(words[start]) {
				continue
			}
			if end, ok := p.matchAt(words, start); ok {
				each(fi, [2]int{start, end})
			}
		}
	}
}
