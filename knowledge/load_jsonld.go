// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"encoding/json"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Bounds of a page's schema.org data read by its types: the nodes
// collected from its JSON-LD islands and the lines of a section.
const (
	maxLDNodes = 500
	maxLDLines = 200
)

// ldMainTypes are the schema.org types whose name and description are
// the page's title and lead, in the order one is preferred as the title.
var ldMainTypes = []string{
	"GovernmentService", "Service", "HowTo", "Event", "Article", "NewsArticle", "Product",
	"Place", "CivicStructure", "LocalBusiness", "GovernmentOffice", "Organization",
	"GovernmentOrganization", "WebPage", "ItemPage", "AboutPage", "ContactPage",
}

// ldDays names schema.org's days of the week in German.
var ldDays = map[string]string{
	"Monday": "Montag", "Tuesday": "Dienstag", "Wednesday": "Mittwoch", "Thursday": "Donnerstag",
	"Friday": "Freitag", "Saturday": "Samstag", "Sunday": "Sonntag", "PublicHolidays": "Feiertage",
}

// jsonLDPage reads a page whose text stands only in schema.org JSON-LD
// (<script type="application/ld+json">, also an @graph or a list of
// objects) by the types it holds: the name of a service, a how-to, an
// event, a place or else the web page is the title, its description the
// lead; a service's offers a section "Kosten" of lines "name:
// description" (or price and currency), its provider and channels a
// section "Kontakt" (name, address, phone, e-mail, hours); each Question
// of a FAQPage a section headed by its name with its answer's text; a
// how-to's steps a numbered list. Breadcrumbs, @ids, URLs, identifiers
// and dates are left out.
func jsonLDPage(root *html.Node) (string, []Section) {
	var nodes []map[string]any
	var rec func(*html.Node)
	total := 0
	rec = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Script {
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
				data := n.FirstChild.Data
				if total+len(data) > maxIslandBytes {
					return
				}
				total += len(data)
				var v any
				if json.Unmarshal([]byte(data), &v) == nil {
					nodes = ldNodes(v, nodes, 0)
				}
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(root)
	var main map[string]any
	mainAt := -1
	for _, t := range ldMainTypes {
		for i, m := range nodes {
			if isType(m["@type"], t) && ldString(m["name"]) != "" {
				main, mainAt = m, i
				break
			}
		}
		if main != nil {
			break
		}
	}
	var title string
	var secs []Section
	add := func(h string, lines []string) {
		if len(lines) > maxLDLines {
			lines = lines[:maxLDLines]
		}
		if t := strings.TrimSpace(strings.Join(lines, "\n")); t != "" && len(secs) < maxIslandSections {
			secs = append(secs, Section{Heading: h, Text: t})
		}
	}
	if main != nil {
		title = ldString(main["name"])
		lead := []string{ldString(main["description"])}
		if st := ldString(main["serviceType"]); st != "" && st != title {
			lead = append(lead, st)
		}
		add("", lead)
		add("Ablauf", ldSteps(main["step"]))
		add("Termin", ldEvent(main))
		add("Kosten", ldOffers(main["offers"]))
		var contact []string
		for _, k := range []string{"provider", "organizer", "location", "availableChannel", "contactPoint"} {
			contact = append(contact, ldContact(main[k], 0)...)
		}
		if main["telephone"] != nil || main["email"] != nil || main["address"] != nil {
			contact = append(contact, ldContact(map[string]any{"telephone": main["telephone"], "email": main["email"], "address": main["address"], "openingHoursSpecification": main["openingHoursSpecification"]}, 0)...)
		}
		add("Kontakt", dedupLines(contact))
	}
	for i, m := range nodes {
		if i == mainAt {
			continue
		}
		if isType(m["@type"], "HowTo") {
			add(ldString(m["name"]), ldSteps(m["step"]))
		}
	}
	for _, qa := range faqEntries(ldList(nodes), 0) {
		if len(secs) >= maxFAQEntries {
			break
		}
		secs = append(secs, Section{Heading: qa[0], Facet: FacetFAQ, Text: qa[1]})
	}
	return title, secs
}

// ldList returns nodes as a JSON list.
func ldList(nodes []map[string]any) []any {
	out := make([]any, len(nodes))
	for i, m := range nodes {
		out[i] = m
	}
	return out
}

// ldNodes appends the typed top-level objects of a JSON-LD value: the
// value itself, the members of its @graph or of a list.
func ldNodes(v any, out []map[string]any, depth int) []map[string]any {
	if depth > 3 || len(out) >= maxLDNodes {
		return out
	}
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			out = ldNodes(e, out, depth+1)
		}
	case map[string]any:
		if v["@type"] != nil {
			out = append(out, v)
		}
		if g, ok := v["@graph"]; ok {
			out = ldNodes(g, out, depth+1)
		}
	}
	return out
}

// ldString returns a JSON-LD value's text: a string (HTML reduced to its
// text), or the first of a list; "" for anything else or a technical
// value (an address, an identifier).
func ldString(v any) string {
	switch v := v.(type) {
	case string:
		return islandString(v)
	case []any:
		for _, e := range v {
			if s := ldString(e); s != "" {
				return s
			}
		}
	}
	return ""
}

// ldOffers returns a line per offer: "name: description", else the
// price and its currency.
func ldOffers(v any) []string {
	var out []string
	for _, o := range ldObjects(v) {
		name, desc := ldString(o["name"]), ldString(o["description"])
		if desc == "" {
			desc = ldPrice(o)
		}
		switch {
		case name != "" && desc != "":
			out = append(out, "- "+name+": "+desc)
		case name+desc != "":
			out = append(out, "- "+name+desc)
		}
	}
	return out
}

// ldPrice renders an offer's price with its currency ("12,50 Euro").
func ldPrice(o map[string]any) string {
	var p string
	switch v := o["price"].(type) {
	case string:
		p = v
	case float64:
		p = fmt.Sprintf("%.2f", v)
	}
	if p == "" {
		return ""
	}
	p = strings.Replace(p, ".", ",", 1)
	switch c, _ := o["priceCurrency"].(string); c {
	case "EUR", "":
		return p + " Euro"
	default:
		return p + " " + c
	}
}

// ldObjects returns v as a list of objects (one object or a list).
func ldObjects(v any) []map[string]any {
	switch v := v.(type) {
	case map[string]any:
		return []map[string]any{v}
	case []any:
		var out []map[string]any
		for _, e := range v {
			if m, ok := e.(map[string]any); ok {
				out = append(out, m)
			}
			if len(out) >= maxLDLines {
				break
			}
		}
		return out
	}
	return nil
}

// ldContact returns the lines of a provider, channel, place or contact
// point: its name, address, phone, e-mail and hours.
func ldContact(v any, depth int) []string {
	if depth > 3 {
		return nil
	}
	var out []string
	for _, m := range ldObjects(v) {
		if n := ldString(m["name"]); n != "" {
			out = append(out, n)
		}
		if a := ldAddress(m["address"]); a != "" {
			out = append(out, "Adresse: "+a)
		}
		for _, k := range []string{"telephone", "faxNumber", "email"} {
			if s, ok := m[k].(string); ok && strings.TrimSpace(s) != "" {
				label := map[string]string{"telephone": "Telefon", "faxNumber": "Fax", "email": "E-Mail"}[k]
				out = append(out, label+": "+strings.TrimPrefix(strings.TrimSpace(s), "mailto:"))
			}
		}
		for _, k := range []string{"hoursAvailable", "openingHoursSpecification"} {
			out = append(out, ldHours(m[k])...)
		}
		if s, ok := m["openingHours"].(string); ok && s != "" {
			out = append(out, "Öffnungszeiten: "+s)
		}
		for _, k := range []string{"servicePhone", "serviceLocation", "contactPoint", "location"} {
			out = append(out, ldContact(m[k], depth+1)...)
		}
	}
	return out
}

// ldAddress renders a PostalAddress ("Straße 1, 12345 Ort") or a string.
func ldAddress(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case map[string]any:
		street := ldString(v["streetAddress"])
		town := strings.TrimSpace(ldString(v["postalCode"]) + " " + ldString(v["addressLocality"]))
		if pc, ok := v["postalCode"].(string); ok && ldString(v["postalCode"]) == "" {
			town = strings.TrimSpace(pc + " " + ldString(v["addressLocality"]))
		}
		var parts []string
		for _, p := range []string{street, town} {
			if p != "" {
				parts = append(parts, p)
			}
		}
		return strings.Join(parts, ", ")
	}
	return ""
}

// ldHours renders OpeningHoursSpecifications as lines "Montag, Dienstag:
// 07:30 bis 15:30 Uhr".
func ldHours(v any) []string {
	var out []string
	for _, m := range ldObjects(v) {
		var days []string
		for _, d := range ldStrings(m["dayOfWeek"]) {
			d = d[strings.LastIndexAny(d, "/#")+1:]
			if g, ok := ldDays[d]; ok {
				days = append(days, g)
			}
		}
		opens, _ := m["opens"].(string)
		closes, _ := m["closes"].(string)
		if opens == "" || closes == "" {
			continue
		}
		line := opens + " bis " + closes + " Uhr"
		if len(days) > 0 {
			line = strings.Join(days, ", ") + ": " + line
		}
		out = append(out, "Sprechzeiten: "+line)
	}
	return out
}

// ldStrings returns a string or a list's strings.
func ldStrings(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// ldSteps renders a how-to's steps (HowToStep or HowToSection with
// itemListElement, or strings) as a numbered list.
func ldSteps(v any) []string {
	var out []string
	for i, m := range ldObjects(v) {
		t := ldString(m["text"])
		if n := ldString(m["name"]); n != "" && n != t {
			if t != "" {
				t = n + ": " + t
			} else {
				t = n
			}
		}
		if t != "" {
			out = append(out, fmt.Sprintf("%d. %s", i+1, t))
		}
	}
	if out == nil {
		for i, s := range ldStrings(v) {
			if s = islandString(s); s != "" {
				out = append(out, fmt.Sprintf("%d. %s", i+1, s))
			}
		}
	}
	return out
}

// ldEvent returns an event's dates and place as lines.
func ldEvent(m map[string]any) []string {
	if !isType(m["@type"], "Event") {
		return nil
	}
	var out []string
	if s, _ := m["startDate"].(string); s != "" {
		line := "Beginn: " + strings.Replace(s, "T", " ", 1)
		if e, _ := m["endDate"].(string); e != "" {
			line += ", Ende: " + strings.Replace(e, "T", " ", 1)
		}
		out = append(out, line)
	}
	return out
}

// dedupLines drops repeated lines, keeping the first.
func dedupLines(lines []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, l := range lines {
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	return out
}
