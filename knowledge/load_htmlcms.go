// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// The marks content management systems and wikis leave in a page's main
// text that are no text of it: MediaWiki's edit links beside every
// heading ("[Bearbeiten]"), its site notice, its "Aus …" line under the
// title, its "Abgerufen von …" footer, its jump links and category box;
// Joomla's article info (author, category, published, hits) and the
// tags of its plugins that were not rendered ("{loadmoduleid 131}").

// cmsChromeClasses are the class names of such elements, cmsChromeIDs
// their ids.
var (
	cmsChromeClasses = map[string]bool{
		"mw-editsection": true, "printfooter": true, "mw-jump-link": true, "catlinks": true, "article-info": true,
	}
	cmsChromeIDs = map[string]bool{"siteNotice": true, "siteSub": true, "contentSub": true, "jump-to-nav": true, "catlinks": true}
)

// cmsChrome reports whether element n is one of them.
func cmsChrome(n *html.Node) bool {
	if cmsChromeIDs[attr(n, "id")] {
		return true
	}
	for _, c := range strings.Fields(attr(n, "class")) {
		if cmsChromeClasses[c] {
			return true
		}
	}
	return false
}

// pluginTagRE matches a Joomla plugin's tag left unrendered in the text
// ("{loadmoduleid 131}", "{loadposition banner}", "{loadmodule mod_x,Titel}").
var pluginTagRE = regexp.MustCompile(`\{load(?:moduleid|module|position)\b[^{}]{0,200}\}`)

// withoutPluginTags removes such tags from a text.
func withoutPluginTags(s string) string {
	if !strings.Contains(s, "{load") {
		return s
	}
	return pluginTagRE.ReplaceAllString(s, "")
}
