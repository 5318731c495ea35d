// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The disclosure widgets of script-driven pages: a button that shows a
// panel (an accordion's question and its answer, a panel kept in a
// <template> until a click renders it) and tabs, whose labels name the
// panes below them.

// boundAttr returns the value of attribute key of n and whether n has it,
// also as a script framework binds it: ":aria-expanded",
// "x-bind:aria-expanded" (Alpine.js), "v-bind:aria-expanded" (Vue),
// "[attr.aria-expanded]" (Angular). A bound value is an expression, not
// the attribute's value.
func boundAttr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		switch a.Key {
		case key:
			return a.Val, true
		case ":" + key, "x-bind:" + key, "v-bind:" + key, "[attr." + key + "]", "[" + key + "]":
			return "", true
		}
	}
	return "", false
}

// disclosureButton reports whether n is a button that shows or hides a
// panel: it says so by aria-expanded or aria-controls, literal or bound
// by a framework.
func disclosureButton(n *html.Node) bool {
	if n.Type != html.ElementNode || n.DataAtom != atom.Button && !strings.EqualFold(attr(n, "role"), "button") {
		return false
	}
	_, expanded := boundAttr(n, "aria-expanded")
	_, controls := boundAttr(n, "aria-controls")
	return expanded || controls
}

// repeatedTemplate reports whether n is a <template> a framework renders
// once per item of its data ("x-for", "v-for", "*ngFor"): placeholders,
// no text of its own.
func repeatedTemplate(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "x-for" || a.Key == "v-for" || a.Key == "*ngfor" || strings.HasPrefix(a.Key, "v-slot") || a.Key == "slot" {
			return true
		}
	}
	return false
}

// disclosurePanel returns the panel button btn shows and the question
// that heads it, or nil: btn stands outside a heading element (whose
// text heads its panel by itself), its label is short with letters, and
// its panel is the element its aria-controls names among the elements
// after it, or else the element right after it — a <template>, whose
// inert markup the page renders on a click, unless it repeats data.
func disclosurePanel(btn *html.Node) (*html.Node, string) {
	if !disclosureButton(btn) {
		return nil, ""
	}
	for p := btn.Parent; p != nil; p = p.Parent {
		if headingLevel(p.DataAtom) > 0 {
			return nil, ""
		}
	}
	h := strings.TrimSpace(collapseSpace(textOfAll(btn)))
	if countLetters(h) < 2 || len(strings.Fields(h)) > maxSummaryWords {
		return nil, ""
	}
	var next *html.Node
	for c := btn.NextSibling; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return nil, ""
		}
		if c.Type == html.ElementNode {
			next = c
			break
		}
	}
	if id, _ := boundAttr(btn, "aria-controls"); strings.TrimSpace(id) != "" {
		for c := next; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && attr(c, "id") == strings.TrimSpace(id) {
				return c, h
			}
		}
	}
	if next == nil || next.DataAtom == atom.Template && repeatedTemplate(next) || disclosureButton(next) ||
		headingLevel(next.DataAtom) > 0 || next.DataAtom != atom.Template && !hasAttr(next, "hidden") && !hasAttr(next, "x-show") && !hasAttr(next, "v-show") && !hasAttr(next, "x-collapse") {
		return nil, ""
	}
	return next, h
}

// walkPanel reads a panel's content as a section headed h, one level
// below the heading it stands under, and returns to that heading after
// it. The panel is read though the page hides it until a click: a
// <template>'s content, a hidden element's.
func (w *htmlWalker) walkPanel(panel *html.Node, h string, pre bool) {
	w.endLine()
	depth, lvl := len(w.levels), 2
	if depth > 0 {
		lvl = w.levels[depth-1] + 1
	}
	w.openSection(lvl, h)
	for c := panel.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, pre)
	}
	w.endLine()
	w.flush()
	w.levels, w.stack = w.levels[:depth], w.stack[:depth]
	w.heading = strings.Join(w.stack, " › ")
}

// tab is a label of a tab list: the tab's id, the id of the panel it
// controls and its text.
type tab struct{ id, controls, label string }

// readTabList returns the tabs (role "tab") of a tab list.
func readTabList(n *html.Node) []tab {
	var tabs []tab
	var rec func(*html.Node)
	rec = func(m *html.Node) {
		if m.Type == html.ElementNode && strings.EqualFold(attr(m, "role"), "tab") {
			controls, _ := boundAttr(m, "aria-controls")
			tabs = append(tabs, tab{
				id: attr(m, "id"), controls: strings.TrimSpace(controls),
				label: strings.TrimSpace(collapseSpace(textOfAll(m))),
			})
			return
		}
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return tabs
}

// tabLabel returns the label of the tab that shows panel (role
// "tabpanel"): the tab its aria-labelledby names, the tab whose
// aria-controls names it, or else the tab at its place in the order of
// the panels; "" when none is known or the label cannot head a section.
func (w *htmlWalker) tabLabel(panel *html.Node, index int) string {
	id := attr(panel, "id")
	label := ""
	for _, ref := range strings.Fields(attr(panel, "aria-labelledby")) {
		for _, t := range w.tabs {
			if t.id == ref {
				label = t.label
			}
		}
		if label == "" {
			if m := w.byID(ref); m != nil {
				label = strings.TrimSpace(collapseSpace(textOfAll(m)))
			}
		}
	}
	if label == "" && id != "" {
		for _, t := range w.tabs {
			if t.controls == id {
				label = t.label
			}
		}
	}
	if label == "" && index < len(w.tabs) {
		label = w.tabs[index].label
	}
	if countLetters(label) < 2 || len(strings.Fields(label)) > maxSummaryWords {
		return ""
	}
	return label
}
