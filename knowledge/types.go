// SPDX-License-Identifier: EUPL-1.2

// Package knowledge turns a town's documents into passages that answer questions.
//
// It owns loading files (Markdown, text, HTML, PDF, DOCX, PPTX, JSON service
// descriptions, RSS/Atom), structure-aware chunking with German facet
// recognition, German text analysis, the lexical and vector indexes, rank
// fusion, persistence under the data directory and live reindexing.
//
// The audience rule lives here and nowhere else: Search never returns an
// employee passage for a citizen query, whatever the query text says.
//
// knowledge must not import assistant, channels, ticketing or any LLM client;
// adapters for remote embedders live in sub-packages.
package knowledge

import (
	"time"
)

// Audience says who may read a document, or who is asking.
type Audience string

// The audiences. A document marked All is visible to citizens and employees;
// a requester is always Citizen or Employee.
const (
	Citizen  Audience = "citizen"
	Employee Audience = "employee"
	All      Audience = "all"
)

// ParseAudience validates s. The empty string is not an audience.
func ParseAudience(s string) (Audience, bool) {
	switch a := Audience(s); a {
	case Citizen, Employee, All:
		return a, true
	}
	return "", false
}

// VisibleTo reports whether a document with audience d may be shown to a
// requester with audience r. Employees see everything; citizens see only
// citizen and all documents. An unknown document audience is visible to
// employees only (fail closed).
func (d Audience) VisibleTo(r Audience) bool {
	switch r {
	case Employee:
		return true
	case Citizen:
		return d == Citizen || d == All
	}
	return false
}

// Kind is the sort of document.
type Kind string

// The kinds of documents.
const (
	KindService Kind = "service" // a Leistungsbeschreibung
	KindArticle Kind = "article" // an IT knowledge article or other how-to
	KindNotice  Kind = "notice"  // a dated notice: closure, outage, news item
	// KindLaw is a statute, ordinance or bylaw (Gesetz, Verordnung,
	// Satzung), quoted by its paragraphs (§).
	KindLaw Kind = "law"
	// KindInstruction is an internal instruction (Dienstanweisung) for
	// employees.
	KindInstruction Kind = "instruction"
)

// Facet is the part of a service description a passage belongs to.
type Facet string

// The facets of a service description. FacetNone means the chunk has no
// recognised facet (an intro, an article body).
const (
	FacetNone            Facet = ""
	FacetOverview        Facet = "ueberblick"      // Beschreibung, intro
	FacetZustaendigkeit  Facet = "zustaendigkeit"  // zuständige Stelle, Adresse, Öffnungszeiten
	FacetVoraussetzungen Facet = "voraussetzungen" // Voraussetzungen
	FacetUnterlagen      Facet = "unterlagen"      // benötigte/erforderliche Unterlagen
	FacetKosten          Facet = "kosten"          // Kosten, Gebühren
	FacetDauer           Facet = "dauer"           // Bearbeitungszeit, Dauer
	FacetFristen         Facet = "fristen"         // Fristen
	FacetTermin          Facet = "termin"          // Termin nötig?
	FacetOnline          Facet = "online"          // Online-Dienst
	FacetAblauf          Facet = "ablauf"          // Verfahren, Ablauf, Schritte
	FacetRechtsgrundlage Facet = "rechtsgrundlage" // Rechtsgrundlage
	FacetFAQ             Facet = "faq"             // Fragen & Antworten
)

// Passage is one retrievable chunk of a document together with the metadata
// every channel needs to cite it.
type Passage struct {
	DocID    string    // path below the knowledge root, no extension, "/"-separated
	Title    string    // document title
	Section  string    // heading path, joined with " › "
	Facet    Facet     // facet of the section, FacetNone if unknown
	Text     string    // the chunk text, verbatim from the source
	URL      string    // public or intranet URL of the document, may be empty
	Audience Audience  // who may read it
	Kind     Kind      // service, article or notice
	Lang     string    // ISO 639-1 language of the text
	Updated  time.Time // last modification of the source
	Score    float64   // retrieval score; larger is better, only comparable within one result list
}

// Query is one retrieval request.
type Query struct {
	Text     string   // the user's words (already redacted)
	Context  string   // words of the asker's situation (a life event's services); they count less than Text's
	Audience Audience // who asks; Citizen or Employee. Anything else is treated as Citizen.
	Facet    Facet    // facet the question asks for; boosts, never filters
	Lang     string   // language of the question, may be empty
	K        int      // number of passages wanted; 0 means 5
}

// Document is a loaded source file with its sections in reading order.
type Document struct {
	ID       string
	Title    string
	URL      string
	Audience Audience
	Kind     Kind
	Lang     string
	Updated  time.Time
	Synonyms []string // alternative names users say ("Perso", "Pass")
	// Names are the document's names in other languages, by ISO 639-1
	// code ({"en": ["Passport"], "tr": ["Pasaport"]}): searched like
	// synonyms, and answers in that language name the document by the
	// first of them beside its German title.
	Names map[string][]string
	// Label names the document's kind in answers as its knowledge root
	// says it ("Leistungsbeschreibung der Stadt Musterstadt"); empty means
	// the kind's general name.
	Label    string
	Sections []Section // in reading order; the first may be an untitled intro
	Source   string    // root name and path of the file, for logs and `lotse index`
	Format   string    // loader that produced it: md, txt, html, pdf, docx, odt, odp, pptx, xlsx, ods, json, csv, rss, xml, ics, rtf, eml
}

// Section is one headed part of a document.
type Section struct {
	Heading string // heading path joined with " › ", e.g. "Reisepass › Kosten"
	Facet   Facet
	Text    string
}
