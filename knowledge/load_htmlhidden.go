// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"

	"golang.org/x/net/html"
)

// hiddenAttr reports whether n carries the hidden attribute in a state
// that keeps its content from readers: any but "until-found", whose
// content the browser shows when a search finds it or a click opens it
// (an accordion's closed panel), read like a closed <details>.
func hiddenAttr(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "hidden" {
			return !strings.EqualFold(strings.TrimSpace(a.Val), "until-found")
		}
	}
	return false
}

// visuallyHiddenTokens are the class names that hide an element from the
// eye and leave it to screen readers: a landmark's label ("Hauptmenü",
// "Fußzeile") that names the block, not a part of the page's text.
var visuallyHiddenTokens = map[string]bool{
	"aural": true, "sr-only": true, "visually-hidden": true, "visuallyhidden": true, "hiddenstructure": true,
	"screen-reader-text": true, "element-invisible": true, "u-visually-hidden": true, "a11y-hidden": true,
}

// visuallyHidden reports whether element n's class hides it from the eye.
func visuallyHidden(n *html.Node) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if visuallyHiddenTokens[strings.ToLower(c)] {
			return true
		}
	}
	return false
}

// hiddenLabelHeading reports whether heading n is a screen reader's
// label of a block that is no text of the page: visually hidden, and
// followed in its parent by nothing but links (a menu, a footer's
// links) or nothing at all.
func hiddenLabelHeading(n *html.Node) bool {
	if !visuallyHidden(n) || n.Parent == nil {
		return false
	}
	rest, linked := 0, 0
	for c := n.NextSibling; c != nil; c = c.NextSibling {
		rest += countLetters(textOfAll(c))
		linked += linkedLetters(c)
	}
	return rest == linked
}

// linkedLetters counts the letters inside links below n.
func linkedLetters(n *html.Node) int {
	if n.Type == html.ElementNode && n.Data == "a" {
		return countLetters(textOfAll(n))
	}
	k := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		k += linkedLetters(c)
	}
	return k
}
