// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Modal dialogs: a <dialog> (or an element of role "dialog") that a
// button of the page opens holds the details the button's card only
// announces ("Mehr erfahren"). Pages often place their dialogs at the end
// of the <body>, after the <main>, where the main text is not read; the
// dialog is read at its button instead, as part of the section that
// holds the button, like the panel of a disclosure button.

// maxDialogs bounds the dialogs of a page that are paired with buttons.
const maxDialogs = 200

// quotedIDRE matches a quoted name in a button's script ("dlg-1" in
// onclick="document.getElementById('dlg-1').showModal()").
var quotedIDRE = regexp.MustCompile(`['"]#?([\w:.-]{1,100})['"]`)

// pairDialogs finds the page's dialogs and the buttons in its main text
// (body) that open them: a button names its dialog's id by commandfor,
// aria-controls, popovertarget, a data-* attribute ("data-dialog-open",
// Bootstrap's "data-bs-target=\"#id\""), a link's "#id", or a quoted id
// in an onclick that shows a dialog. Buttons that only say they open a
// dialog (aria-haspopup="dialog") are paired with the dialogs no button
// names and no id could name, in their order, when there are as many of
// each. It returns the
// dialog of each button.
func pairDialogs(root, body *html.Node) map[*html.Node]*html.Node {
	ids := map[string]*html.Node{}
	var dialogs []*html.Node
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if len(dialogs) >= maxDialogs {
			return
		}
		if n.Type == html.ElementNode && dialogElement(n) {
			dialogs = append(dialogs, n)
			if id := strings.TrimSpace(attr(n, "id")); id != "" {
				if _, seen := ids[id]; !seen {
					ids[id] = n
				}
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(root)
	if len(dialogs) == 0 {
		return nil
	}
	pairs := map[*html.Node]*html.Node{}
	named := map[*html.Node]bool{}
	var loose []*html.Node // buttons that open a dialog they do not name
	var find func(*html.Node)
	find = func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		if dialogElement(n) {
			return
		}
		if opener(n) {
			if d := namedDialog(n, ids); d != nil {
				pairs[n] = d
				named[d] = true
			} else if strings.EqualFold(attr(n, "aria-haspopup"), "dialog") {
				loose = append(loose, n)
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(body)
	var unnamed []*html.Node
	for _, d := range dialogs {
		if !named[d] && strings.TrimSpace(attr(d, "id")) == "" {
			unnamed = append(unnamed, d)
		}
	}
	if len(loose) > 0 && len(loose) == len(unnamed) {
		for i, b := range loose {
			pairs[b] = unnamed[i]
		}
	}
	return pairs
}

// dialogElement reports whether n is a dialog: a <dialog> or an element
// of role "dialog" or "alertdialog".
func dialogElement(n *html.Node) bool {
	if n.Data == "dialog" {
		return true
	}
	r := strings.ToLower(strings.TrimSpace(attr(n, "role")))
	return r == "dialog" || r == "alertdialog"
}

// opener reports whether n is a control that may open a dialog: a
// button, an element of role "button", or a link.
func opener(n *html.Node) bool {
	return n.DataAtom == atom.Button || n.DataAtom == atom.A || strings.EqualFold(attr(n, "role"), "button")
}

// namedDialog returns the dialog whose id control n names, or nil.
func namedDialog(n *html.Node, ids map[string]*html.Node) *html.Node {
	lookup := func(v string) *html.Node {
		v = strings.TrimPrefix(strings.TrimSpace(v), "#")
		if v == "" {
			return nil
		}
		return ids[v]
	}
	for _, a := range n.Attr {
		switch {
		case a.Key == "commandfor" || a.Key == "aria-controls" || a.Key == "popovertarget" || strings.HasPrefix(a.Key, "data-"):
			if d := lookup(a.Val); d != nil {
				return d
			}
		case a.Key == "href" && n.DataAtom == atom.A && strings.HasPrefix(strings.TrimSpace(a.Val), "#"):
			if d := lookup(a.Val); d != nil {
				return d
			}
		case a.Key == "onclick" && strings.Contains(strings.ToLower(a.Val), "show"):
			for _, m := range quotedIDRE.FindAllStringSubmatch(a.Val, 10) {
				if d := lookup(m[1]); d != nil {
					return d
				}
			}
		}
	}
	return nil
}

// dialogTitle returns the element that titles dialog d: the one its
// aria-labelledby names inside it, or else its first heading; nil when
// it has none.
func dialogTitle(d *html.Node) *html.Node {
	if ref := strings.Fields(attr(d, "aria-labelledby")); len(ref) > 0 {
		if t := findFirst(d, func(m *html.Node) bool { return m.Type == html.ElementNode && attr(m, "id") == ref[0] }); t != nil {
			return t
		}
	}
	return findFirst(d, func(m *html.Node) bool { return headingLevel(m.DataAtom) > 0 })
}

// walkDialog reads dialog d at the button that opens it: its text
// continues the section that holds the button (the card the button
// belongs to), its title dropped as the card's own heading says what it
// is about; where no heading stands over the button, the title heads a
// section of its own. Its headings below the title open sections under
// the button's. After it, the walker returns to the button's section.
func (w *htmlWalker) walkDialog(d *html.Node, pre bool) {
	w.endLine()
	depth := len(w.levels)
	title := dialogTitle(d)
	if title != nil {
		if w.consumed == nil {
			w.consumed = map[*html.Node]bool{}
		}
		w.consumed[title] = true
		if h := strings.TrimSpace(collapseSpace(textOf(title))); w.heading == "" && h != "" {
			lvl := 2
			if depth > 0 {
				lvl = w.levels[depth-1] + 1
			}
			w.openSection(lvl, h)
		}
	}
	for c := d.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, pre)
	}
	w.endLine()
	if len(w.levels) != depth {
		w.flush()
		w.levels, w.stack = w.levels[:depth], w.stack[:depth]
		w.heading = strings.Join(w.stack, " › ")
	}
}
