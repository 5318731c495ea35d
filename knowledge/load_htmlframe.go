// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

const (
	// maxSrcdoc bounds the document of one <iframe srcdoc> that is read.
	maxSrcdoc = 1 << 20
	// maxSrcdocFrames bounds the frames of a page read this way, and
	// maxSrcdocDepth how deep frames in frames are read.
	maxSrcdocFrames = 20
	maxSrcdocDepth  = 2
)

// inlineSrcdoc puts the document of every <iframe srcdoc="…"> in the
// place of its frame, as a browser shows it: a page that embeds a
// widget's whole document in the attribute (entity-escaped HTML) shows
// the widget's text where the frame stands. The document's body is read
// like the page's own markup (its headings open sections, its scripts,
// styles and <base> are dropped by the walker's rules). Only the srcdoc
// is read, never a frame's src; a frame whose document is larger than
// maxSrcdoc, frames past maxSrcdocFrames and frames nested deeper than
// maxSrcdocDepth stay dropped like any other frame.
func inlineSrcdoc(root *html.Node, depth int) {
	if depth >= maxSrcdocDepth {
		return
	}
	var frames []*html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		if len(frames) >= maxSrcdocFrames {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Iframe && hasAttr(n, "srcdoc") {
			frames = append(frames, n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(root)
	for _, f := range frames {
		doc := attr(f, "srcdoc")
		if strings.TrimSpace(doc) == "" || len(doc) > maxSrcdoc || f.Parent == nil {
			continue
		}
		sub, err := html.Parse(strings.NewReader(doc))
		if err != nil {
			continue
		}
		body := findFirst(sub, func(n *html.Node) bool { return n.DataAtom == atom.Body })
		if body == nil {
			continue
		}
		inlineSrcdoc(body, depth+1)
		div := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
		for c := body.FirstChild; c != nil; {
			next := c.NextSibling
			body.RemoveChild(c)
			if c.Type != html.ElementNode || c.DataAtom != atom.Base {
				div.AppendChild(c)
			}
			c = next
		}
		f.Parent.InsertBefore(div, f)
		f.Parent.RemoveChild(f)
	}
}
