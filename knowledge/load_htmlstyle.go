// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// What an element's inline style says about its text, as HTML mails and
// page builders set it: bold without <b>, hidden without the hidden
// attribute.

// inlineStyle returns the declarations of n's style attribute, property
// names and values in lower case, "!important" dropped.
func inlineStyle(n *html.Node) map[string]string {
	v := attr(n, "style")
	if v == "" {
		return nil
	}
	decl := map[string]string{}
	for _, d := range strings.Split(v, ";") {
		k, val, ok := strings.Cut(d, ":")
		if !ok {
			continue
		}
		val = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.ToLower(val)), "!important"))
		decl[strings.TrimSpace(strings.ToLower(k))] = val
	}
	return decl
}

// styleBold reports whether n's inline style sets its text bold
// ("font-weight:bold", "bolder" or a weight of 600 and more).
func styleBold(n *html.Node) bool {
	w, ok := inlineStyle(n)["font-weight"]
	if !ok {
		return false
	}
	if w == "bold" || w == "bolder" {
		return true
	}
	num, err := strconv.Atoi(w)
	return err == nil && num >= 600
}

// hiddenStyle reports whether n's inline style hides it for good: an
// Outlook-only hide ("mso-hide:all"), or not displayed, invisible or
// transparent and shrunk to nothing (a height, width, font size or line
// height of 0 or 1px, or no opacity) — the preheader a mail shows in
// the inbox's preview only. An element merely not displayed
// ("display:none") may be a panel a script shows, and stays.
func hiddenStyle(n *html.Node) bool {
	d := inlineStyle(n)
	if d == nil {
		return false
	}
	if d["mso-hide"] == "all" {
		return true
	}
	if d["display"] != "none" && d["visibility"] != "hidden" && d["opacity"] != "0" {
		return false
	}
	tiny := func(v string) bool {
		v = strings.TrimSuffix(strings.TrimSuffix(v, "px"), "pt")
		f, err := strconv.ParseFloat(v, 64)
		return err == nil && f <= 1
	}
	for _, k := range []string{"max-height", "height", "max-width", "width", "font-size", "line-height"} {
		if v, ok := d[k]; ok && tiny(v) {
			return true
		}
	}
	return d["opacity"] == "0" && (d["display"] == "none" || d["visibility"] == "hidden")
}

// mailChromeRE matches the line of a mail that offers to show it in a
// browser ("Wird dieser Newsletter nicht richtig angezeigt? Im Browser
// ansehen", "Webversion", "View this email in your browser").
var mailChromeRE = regexp.MustCompile(`(?i)\b(?:im\s+(?:web)?browser\s+(?:ansehen|anzeigen|öffnen|lesen)|(?:online|web)-?version\b|view\s+(?:this\s+(?:e-?mail|newsletter|message)\s+)?(?:it\s+)?(?:in\s+(?:your|a|the)\s+browser|online|as\s+a\s+web\s*page))`)

// maxMailChrome is the longest line mailChromeRE may drop.
const maxMailChrome = 160

// mailChrome reports whether line s, which holds a link, is a mail's
// offer to show it in a browser (mailChromeRE).
func mailChrome(s string) bool {
	return utf8.RuneCountInString(s) <= maxMailChrome && mailChromeRE.MatchString(s)
}
