// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/musterstadt/lotse/knowledge/german"
)

// Root is one knowledge root: a tree of files with an optional
// knowledge.yaml and synonyms.txt at its top.
//
// A root is closed: no file outside it is read through it. Symbolic links
// (when FS can read them, as os.DirFS can) are resolved inside the root and
// followed only while they stay in it; a link with an absolute target, one
// that climbs above the root, or any link in an FS that cannot read links
// is skipped with its reason. Links to directories are not descended into.
type Root struct {
	Name string // shown in logs and reports, e.g. "musterstadt" or the directory path
	FS   fs.FS  // the files; use os.DirFS for a directory
}

// Skipped is a file that was not indexed, and why.
type Skipped struct {
	Source string // root name and path
	Reason string // German-neutral technical reason, e.g. "PDF ist verschlüsselt"
}

// maxFileSize is the largest file that is read; larger files are skipped.
const maxFileSize = 64 << 20

// loaded is the result of reading all roots.
type loaded struct {
	opt      loadOptions
	unpacked atomic.Int64 // bytes decompressed by all archives of this run

	docs     []Document
	skipped  []Skipped
	synonyms [][]string        // groups from every root's synonyms.txt
	hashes   map[string]string // source → sha256 of every file read, incl. config
	formats  map[string]int    // files loaded per format
}

// LoadRoots reads every file below the roots and returns the documents in
// ID order together with the files that were skipped. Corrupt, empty,
// encrypted and unknown files are skipped with a reason and logged at level
// warn; they never abort loading. An error is returned only for a root whose
// knowledge.yaml is malformed or that cannot be walked at all, or when ctx
// ends.
func LoadRoots(ctx context.Context, roots []Root, logger *slog.Logger) ([]Document, []Skipped, error) {
	l, err := loadRoots(ctx, roots, logger, loadOptions{})
	if err != nil {
		return nil, nil, err
	}
	return l.docs, l.skipped, nil
}

// loadOptions are the limits of a loading run and, for a Base, the files
// whose parser was abandoned before.
type loadOptions struct {
	limits Limits
	stuck  *stuckFiles
	// parse replaces parseFile in tests.
	parse func(format string, data []byte, b *budget) ([]parsedDoc, string, error)
}

func loadRoots(ctx context.Context, roots []Root, logger *slog.Logger, opt loadOptions) (*loaded, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	opt.limits = opt.limits.withDefaults()
	if opt.parse == nil {
		opt.parse = parseFile
	}
	l := &loaded{opt: opt, hashes: map[string]string{}, formats: map[string]int{}}
	seen := map[string]string{} // doc ID → source
	for _, root := range roots {
		if root.FS == nil {
			return nil, fmt.Errorf("knowledge: root %q has no file system", root.Name)
		}
		rc, cfg, found, err := readRootConfigBytes(root.FS)
		if err != nil {
			return nil, fmt.Errorf("knowledge: root %q: %w", root.Name, err)
		}
		if found {
			l.hashes[root.Name+"/"+configFile] = hashBytes(cfg)
		}
		if b, err := fs.ReadFile(root.FS, synonymsFile); err == nil {
			l.hashes[root.Name+"/"+synonymsFile] = hashBytes(b)
			l.synonyms = append(l.synonyms, parseSynonyms(string(b))...)
		}
		err = fs.WalkDir(root.FS, ".", func(p string, d fs.DirEntry, err error) error {
			if ctxErr := ctx.Err(); ctxErr != nil {
				return ctxErr
			}
			src := root.Name + "/" + p
			if err != nil {
				if p == "." {
					return err
				}
				l.skip(logger, src, "nicht lesbar: "+err.Error())
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if p == "." {
				return nil
			}
			if strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if p == configFile || p == synonymsFile {
				return nil
			}
			if rc.excluded(p) {
				l.skip(logger, src, "ausgeschlossen durch knowledge.yaml")
				return nil
			}
			l.loadFile(ctx, root, &rc, p, d, seen, logger)
			return nil
		})
		if err == nil {
			err = ctx.Err() // a parser waited on when ctx ended
		}
		if err != nil {
			return nil, fmt.Errorf("knowledge: walking root %q: %w", root.Name, err)
		}
		for _, k := range rc.unusedNames() {
			l.skip(logger, root.Name+"/"+configFile, "names: kein Dokument "+k)
		}
	}
	slices.SortFunc(l.docs, func(a, b Document) int { return strings.Compare(a.ID, b.ID) })
	titleSynonyms(l.docs, l.synonyms)
	return l, nil
}

// titleSynonyms gives a document without synonyms of its own whose title
// names a term of a synonym group (synonyms.txt) the group's terms as
// synonyms: where a town's editors wrote "Ehrenamtskarte,
// Ehrenamtsausweis, Engagementkarte", the page titled "Ehrenamtskarte –
// Verlängerung" is also named by "Ehrenamtsausweis", as front-matter
// synonyms would name it.
func titleSynonyms(docs []Document, groups [][]string) {
	if len(groups) == 0 {
		return
	}
	for i := range docs {
		d := &docs[i]
		if len(d.Synonyms) > 0 {
			// The editors named this document themselves.
			continue
		}
		words := map[string]bool{}
		for _, w := range german.Words(d.Title) {
			words[w] = true
			// "Obdachlosenunterkünfte" in the title is the group's
			// "Obdachlosenunterkunft": inflection aside.
			words[german.LightStem(w)] = true
			if m := legalTextMatter(w); m != "" {
				// "Stellplatzsatzung" is about the Stellplatz: a group
				// that names it names the bylaw.
				words[m] = true
			}
		}
		have := map[string]bool{} // folded terms already added
		for _, g := range groups {
			if !slices.ContainsFunc(g, func(t string) bool { return namesTitle(t, words) }) {
				continue
			}
			for _, t := range g {
				if f := german.Fold(t); !have[f] {
					have[f] = true
					d.Synonyms = append(d.Synonyms, t)
				}
			}
		}
	}
}

// legalTextMatter returns the matter of a folded title word that is a
// kind of legal text named after it ("stellplatz" of
// "stellplatzsatzung", "friedhof" of "friedhofssatzung"), or "".
func legalTextMatter(w string) string {
	for _, head := range []string{"satzung", "verordnung", "ordnung", "gesetz", "richtlinie", "dienstanweisung", "regelung"} {
		m, ok := strings.CutSuffix(w, head)
		if !ok || len(m) < 4 {
			continue
		}
		if strings.HasSuffix(m, "s") && len(m) > 4 && !strings.HasSuffix(m, "ss") {
			// The linking "s" of "Friedhof|s|satzung".
			m = m[:len(m)-1]
		}
		return m
	}
	return ""
}

// namesTitle reports whether term, one word or several, stands in a
// title whose folded words are words.
func namesTitle(term string, words map[string]bool) bool {
	ws := german.Words(term)
	if len(ws) == 0 {
		return false
	}
	for _, w := range ws {
		if !words[w] && !words[german.LightStem(w)] {
			return false
		}
	}
	return true
}

func (l *loaded) skip(logger *slog.Logger, src, reason string) {
	logger.Warn("knowledge: skipping file", "source", src, "reason", reason)
	l.skipped = append(l.skipped, Skipped{Source: src, Reason: reason})
}

// loadFile reads one file and appends its documents or a skip entry.
func (l *loaded) loadFile(ctx context.Context, root Root, rc *rootConfig, p string, d fs.DirEntry, seen map[string]string, logger *slog.Logger) {
	src := root.Name + "/" + p
	ext := strings.ToLower(path.Ext(p))
	format, ok := formatOf(ext)
	if !ok {
		reason := "unbekanntes Format"
		if ext != "" {
			reason += " " + ext
		}
		l.skip(logger, src, reason)
		return
	}
	real := p
	if d.Type()&fs.ModeSymlink != 0 {
		r, err := resolveInRoot(root.FS, p)
		if err != nil {
			l.skip(logger, src, "nicht gelesen: "+err.Error())
			return
		}
		real = r
	}
	info, err := fs.Stat(root.FS, real)
	if err != nil {
		l.skip(logger, src, "nicht lesbar: "+err.Error())
		return
	}
	if !info.Mode().IsRegular() {
		l.skip(logger, src, "keine gewöhnliche Datei")
		return
	}
	max := l.opt.limits.MaxFileBytes
	if info.Size() > max {
		l.skip(logger, src, fmt.Sprintf("zu groß (%d Bytes, höchstens %d)", info.Size(), max))
		return
	}
	data, err := readLimited(root.FS, real, max)
	if err != nil {
		l.skip(logger, src, "nicht lesbar: "+err.Error())
		return
	}
	hash := hashBytes(data)
	l.hashes[src] = hash
	if len(bytes.TrimSpace(data)) == 0 {
		l.skip(logger, src, "leere Datei")
		return
	}
	if reason, stuck := l.opt.stuck.reason(hash); stuck {
		l.skip(logger, src, reason)
		return
	}
	if (format == "pdf" || format == "docx" || format == "pptx" || format == "odt" || format == "odp" || format == "xlsx" || format == "ods" || format == "epub") && l.opt.stuck.full() {
		l.skip(logger, src, fmt.Sprintf("nicht gelesen: %d abgebrochene Parser laufen noch (Neustart des Dienstes beendet sie)", maxStuckParsers))
		return
	}
	b := newBudget(l.opt.limits, &l.unpacked)
	res := parseBounded(ctx, l.opt.limits.FileTimeout, l.opt.stuck, func() parseResult {
		docs, f, err := l.opt.parse(format, data, b)
		return parseResult{docs, f, err}
	})
	if errors.Is(res.err, errParseTimeout) {
		l.opt.stuck.add(hash, res.err.Error())
	}
	if res.err != nil {
		l.skip(logger, src, res.err.Error())
		return
	}
	parts, format := res.docs, res.format
	id := strings.TrimSuffix(p, path.Ext(p))
	n := 0
	for _, pd := range parts {
		docID := id
		if pd.subID != "" {
			docID = id + "/" + pd.subID
		}
		doc, err := pd.document(rc, p, docID, info.ModTime())
		if err != nil {
			l.skip(logger, src, err.Error())
			continue
		}
		doc.Source, doc.Format = src, format
		if prev, dup := seen[doc.ID]; dup {
			l.skip(logger, src, fmt.Sprintf("Dokument-ID %q schon vergeben durch %s", doc.ID, prev))
			continue
		}
		seen[doc.ID] = src
		l.docs = append(l.docs, doc)
		n++
	}
	if n == 0 && len(parts) == 0 {
		l.skip(logger, src, "kein Text gefunden")
		return
	}
	if n > 0 {
		l.formats[format]++
	}
}

// readLimited reads the file p of fsys, failing when it holds more than
// max bytes (it may have grown since it was stat'ed).
func readLimited(fsys fs.FS, p string, max int64) ([]byte, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("mehr als %d Bytes", max)
	}
	return data, nil
}

func hashBytes(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// formatOf maps a file extension to a loader name.
func formatOf(ext string) (string, bool) {
	switch ext {
	case ".md", ".markdown":
		return "md", true
	case ".txt", ".text":
		return "txt", true
	case ".html", ".htm":
		return "html", true
	case ".pdf":
		return "pdf", true
	case ".docx":
		return "docx", true
	case ".pptx":
		return "pptx", true
	case ".odt":
		return "odt", true
	case ".odp":
		return "odp", true
	case ".xlsx":
		return "xlsx", true
	case ".ods":
		return "ods", true
	case ".eml":
		return "eml", true
	case ".json":
		return "json", true
	case ".csv", ".tsv":
		return "csv", true
	case ".rss", ".atom", ".xml":
		return "rss", true
	case ".ics", ".ical":
		return "ics", true
	case ".rtf":
		return "rtf", true
	case ".adoc", ".asciidoc":
		return "adoc", true
	case ".epub":
		return "epub", true
	case ".mdx":
		return "mdx", true
	case ".aspx":
		return "aspx", true
	case ".rst", ".rest":
		return "rst", true
	case ".vcf", ".vcard":
		return "vcf", true
	case ".yml", ".yaml":
		return "yaml", true
	case ".mht", ".mhtml":
		return "mht", true
	case ".fodt", ".fods", ".fodp":
		return "fodt", true
	}
	return "", false
}

// parseFile runs the loader for format. It returns the documents found and
// the format that produced them.
// fileError says why a file cannot be indexed. Its text is German because
// it goes verbatim into the index report for the people who maintain the
// knowledge ("Front Matter fehlerhaft: …"); the cause, when there is one,
// is wrapped.
type fileError struct {
	reason string
	cause  error
}

func (e *fileError) Error() string {
	if e.cause != nil {
		return e.reason + ": " + e.cause.Error()
	}
	return e.reason
}

func (e *fileError) Unwrap() error { return e.cause }

// fileErrorf returns a fileError with the formatted reason and cause (nil
// for none).
func fileErrorf(cause error, format string, args ...any) error {
	return &fileError{reason: fmt.Sprintf(format, args...), cause: cause}
}

func parseFile(format string, data []byte, b *budget) (docs []parsedDoc, _ string, err error) {
	defer func() {
		// The PDF and XML decoders are fed untrusted bytes; a panic in one
		// of them must cost one file, not the index.
		if r := recover(); r != nil {
			docs, err = nil, fileErrorf(nil, "Datei beschädigt (%v)", r)
		}
	}()
	if textFormats[format] {
		// A text saved as UTF-16 ("Unicode") or with a byte order mark
		// is decoded before any loader looks for binary bytes.
		data = unicodeText(data)
	}
	switch format {
	case "md":
		d, err := parseMarkdown(data)
		return single(d, err), format, err
	case "txt":
		d, err := parseText(pdfCopyText(layoutColumns(data)))
		return single(d, err), format, err
	case "html":
		d, err := parseHTML(data)
		return single(d, err), format, err
	case "pdf":
		d, err := parsePDF(data, b)
		return single(d, err), format, err
	case "docx":
		d, err := parseDOCX(data, b)
		return single(d, err), format, err
	case "pptx":
		d, err := parsePPTX(data, b)
		return single(d, err), format, err
	case "odt":
		d, err := parseODT(data, b)
		return single(d, err), format, err
	case "odp":
		d, err := parseODP(data, b)
		return single(d, err), format, err
	case "xlsx":
		d, err := parseXLSX(data, b)
		return single(d, err), format, err
	case "ods":
		d, err := parseODS(data, b)
		return single(d, err), format, err
	case "eml":
		d, err := parseEML(data)
		return single(d, err), format, err
	case "csv":
		d, err := parseCSV(data)
		return single(d, err), format, err
	case "ics":
		d, err := parseICS(data)
		return single(d, err), format, err
	case "rtf":
		d, err := parseRTF(data)
		return single(d, err), format, err
	case "adoc":
		d, err := parseAsciiDoc(data)
		return single(d, err), format, err
	case "vcf":
		d, err := parseVCF(data)
		return single(d, err), format, err
	case "rst":
		d, err := parseRST(data)
		return single(d, err), format, err
	case "aspx":
		d, err := parseASPX(data)
		return single(d, err), format, err
	case "mdx":
		d, err := parseMDX(data)
		return single(d, err), format, err
	case "epub":
		d, err := parseEPUB(data, b)
		return single(d, err), format, err
	case "json":
		ds, err := parseServiceJSON(data)
		return ds, format, err
	case "yaml":
		ds, err := parseYAMLData(data)
		return ds, format, err
	case "mht":
		d, err := parseMHT(data)
		return single(d, err), format, err
	case "fodt":
		d, err := parseFlatODF(data)
		return single(d, err), format, err
	case "rss":
		ds, err := parseFeed(data)
		if errors.Is(err, errNotFeed) && mediaWikiRoot(data) {
			// A wiki's export: a document per page.
			ds, err := parseMediaWiki(data)
			return ds, "xml", err
		}
		if errors.Is(err, errNotFeed) && akomaNtosoRoot(data) {
			d, err := parseAkomaNtoso(data)
			return single(d, err), "xml", err
		}
		if errors.Is(err, errNotFeed) {
			// Any other XML document: the record it describes.
			ds, err = parseXMLRecords(data)
			return ds, "xml", err
		}
		return ds, format, err
	}
	return nil, format, fmt.Errorf("unbekanntes Format %s", format)
}

func single(d parsedDoc, err error) []parsedDoc {
	if err != nil {
		return nil
	}
	return []parsedDoc{d}
}

// parsedDoc is what a loader extracts from a file before the root's
// metadata is applied.
type parsedDoc struct {
	subID    string // for files holding several documents (feeds, JSON arrays)
	title    string
	sections []Section // headings relative to the document, without the title
	url      string
	audience string
	kind     string
	lang     string
	synonyms []string
	names    map[string][]string
	updated  time.Time
}

var errNoText = errors.New("kein Text gefunden")

// document applies the root's metadata and the loader's overrides and
// normalises the sections: label lines become sections, headings get the
// title as their first element, facets are tagged, empty sections vanish.
func (pd parsedDoc) document(rc *rootConfig, rel, id string, modTime time.Time) (Document, error) {
	m := rc.meta(rel, id)
	doc := Document{
		ID:       id,
		Title:    strings.TrimSpace(pd.title),
		URL:      m.URL,
		Audience: m.Audience,
		Kind:     m.Kind,
		Lang:     m.Lang,
		Updated:  modTime,
		Synonyms: pd.synonyms,
		Label:    m.Label,
	}
	if pd.url != "" {
		doc.URL = pd.url
	}
	if pd.audience != "" {
		a, ok := ParseAudience(pd.audience)
		if !ok {
			return Document{}, fmt.Errorf("ungültige audience %q im Dokument", pd.audience)
		}
		doc.Audience = a
	}
	if pd.kind != "" {
		k, ok := parseKind(pd.kind)
		if !ok {
			return Document{}, fmt.Errorf("ungültiges kind %q im Dokument", pd.kind)
		}
		doc.Kind = k
	}
	if pd.lang != "" {
		doc.Lang = pd.lang
	}
	merged := pd.names
	if extra := rc.namesFor(rel, id); len(extra) > 0 {
		// knowledge.yaml's names come after the front matter's.
		merged = mergeNames(pd.names, extra)
	}
	names, err := checkNames(merged)
	if err != nil {
		return Document{}, err
	}
	doc.Names = names
	for _, l := range slices.Sorted(maps.Keys(names)) {
		// Names in other languages are found like synonyms.
		doc.Synonyms = append(slices.Clip(doc.Synonyms), names[l]...)
	}
	if !pd.updated.IsZero() {
		doc.Updated = pd.updated
	}
	if doc.Title == "" {
		doc.Title = titleFromPath(id)
	}
	// Decoders of binary formats may pass bytes through; the index and
	// every channel want valid UTF-8.
	doc.Title = strings.ToValidUTF8(doc.Title, "\uFFFD")
	for i, s := range doc.Synonyms {
		doc.Synonyms[i] = strings.ToValidUTF8(s, "\uFFFD")
	}
	for i := range pd.sections {
		pd.sections[i].Heading = strings.ToValidUTF8(pd.sections[i].Heading, "\uFFFD")
		pd.sections[i].Text = strings.ToValidUTF8(pd.sections[i].Text, "\uFFFD")
	}
	doc.Sections = normalizeSections(doc.Title, pd.sections)
	if len(doc.Sections) == 0 {
		return Document{}, errNoText
	}
	if pd.kind == "" && !m.KindSet && lawLayout(doc.Sections) {
		// A text organised in paragraphs ("§ 5 Gültigkeitsdauer") is a
		// statute whatever folder it lies in, unless a rule says so.
		doc.Kind = KindLaw
	}
	return doc, nil
}

// titleFromPath makes a title from the last element of an ID:
// "leistungen/hunde_steuer" gives "Hunde steuer".
func titleFromPath(id string) string {
	t := strings.NewReplacer("_", " ", "-", " ").Replace(path.Base(id))
	if t == "" {
		return id
	}
	r := []rune(t)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// normalizeSections splits sections at label lines ("Kosten:" alone on a
// line), prefixes every heading with the title, tags facets and drops
// sections without text.
func normalizeSections(title string, in []Section) []Section {
	var out []Section
	// A page titled with a facet's name alone ("Kontakt", "Gebühren",
	// "Contact") is that facet's page: its sections are about it unless
	// their own headings say otherwise.
	pageFacet := titleFacet(title)
	for _, s := range in {
		for _, sub := range splitLabelLines(s) {
			sub.Text = strings.TrimSpace(sub.Text)
			if sub.Text == "" {
				continue
			}
			if sub.Facet == FacetNone {
				sub.Facet = headingFacet(sub.Heading)
			}
			if sub.Facet == FacetNone {
				sub.Facet = pageFacet
			}
			if sub.Facet == FacetNone && sub.Heading == "" {
				sub.Facet = FacetOverview
			}
			switch {
			case sub.Heading == "":
				sub.Heading = title
			case sub.Heading != title && !strings.HasPrefix(sub.Heading, title+" › "):
				sub.Heading = title + " › " + sub.Heading
			}
			out = append(out, sub)
		}
	}
	return out
}

// splitLabelLines cuts a section wherever a line consists of a facet name
// alone and more text follows it.
func splitLabelLines(s Section) []Section {
	lines := strings.Split(s.Text, "\n")
	cur := Section{Heading: s.Heading, Facet: s.Facet}
	var out []Section
	var buf []string
	for i, line := range lines {
		f, ok := labelLine(line)
		if !ok {
			f, ok = questionHeading(lines, i)
		}
		if ok && hasTextAfter(lines[i+1:]) {
			cur.Text = strings.Join(buf, "\n")
			out = append(out, cur)
			label := strings.TrimSpace(strings.TrimSuffix(strings.Trim(strings.TrimSpace(line), "*_#"), ":"))
			h := label
			if s.Heading != "" {
				h = s.Heading + " › " + label
			}
			cur, buf = Section{Heading: h, Facet: f}, nil
			continue
		}
		buf = append(buf, line)
	}
	cur.Text = strings.Join(buf, "\n")
	return append(out, cur)
}

// questionHeading reports whether lines[i] is a heading written as a
// question or phrase on a line of its own ("Welche Gebühren fallen an?",
// "An wen muss ich mich wenden?"), as plain-text pages set them, and
// returns the facet it names. Such a line follows a blank line, is short,
// starts with a capital, ends with "?" or ":" (or, of at most five words,
// without a digit, with no punctuation at all), is no list item, and its
// words name a facet, or it is a question between blank lines.
func questionHeading(lines []string, i int) (Facet, bool) {
	t := strings.TrimSpace(lines[i])
	if t == "" || i > 0 && strings.TrimSpace(lines[i-1]) != "" || utf8.RuneCountInString(t) > 70 || listLineRE.MatchString(t) {
		return FacetNone, false
	}
	if r, _ := utf8.DecodeRuneInString(t); !unicode.IsUpper(r) {
		// A heading starts with a capital; "a) eine Anschrift oder:"
		// is an item of a statute's enumeration.
		return FacetNone, false
	}
	n := len(strings.Fields(t))
	switch last := t[len(t)-1]; {
	case last == '?' || last == ':':
		if n > maxHeadingWords {
			return FacetNone, false
		}
	case n > 5 || strings.ContainsAny(t, "0123456789.,;!"):
		return FacetNone, false
	}
	f := labelFacet(t)
	if f == FacetNone && strings.HasSuffix(t, "?") && (i+1 == len(lines) || strings.TrimSpace(lines[i+1]) == "") {
		// "Was sollte ich noch wissen?" between blank lines heads a
		// section too, one of no facet.
		return FacetNone, true
	}
	return f, f != FacetNone
}

// listLineRE matches the start of a list item.
var listLineRE = regexp.MustCompile(`^(?:[-*•–]\s|\d{1,3}[.)]\s|[a-z]{1,3}[.)]\s|\(\d{1,3}[a-z]?\)\s)`)

func hasTextAfter(lines []string) bool {
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			_, isLabel := labelLine(l)
			return !isLabel
		}
	}
	return false
}

// parseSynonyms reads synonyms.txt: one group of equivalent terms per line,
// separated by commas; blank lines and lines starting with # are ignored.
func parseSynonyms(s string) [][]string {
	var groups [][]string
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var g []string
		for _, t := range strings.Split(line, ",") {
			if t = strings.TrimSpace(t); t != "" {
				g = append(g, t)
			}
		}
		if len(g) > 1 {
			groups = append(groups, g)
		}
	}
	return groups
}

// lawLayout reports whether most headed sections are paragraphs of a
// statute (their last heading element starts with "§" or "Art."), or, for
// a text without headings such as a bylaw from a PDF, whether at least
// three of its lines open a paragraph ("§ 3 Gebühren").
func lawLayout(secs []Section) bool {
	lines := 0
	for _, s := range secs {
		if s.Facet == FacetRechtsgrundlage {
			// A service's legal basis lists paragraphs; it is no statute.
			continue
		}
		h := s.Heading
		if i := strings.LastIndex(h, "›"); i >= 0 {
			h = h[i+len("›"):]
		}
		for _, l := range append(strings.Split(s.Text, "\n"), h) {
			if paragraphLineRE.MatchString(l) {
				lines++
			}
		}
	}
	if lines >= 3 {
		return true
	}
	n, law := 0, 0
	for _, s := range secs {
		h := s.Heading
		if i := strings.LastIndex(h, "›"); i >= 0 {
			h = h[i+len("›"):]
		}
		h = strings.TrimSpace(h)
		if h == "" {
			continue
		}
		n++
		if strings.HasPrefix(h, "§") || strings.HasPrefix(h, "Art. ") || strings.HasPrefix(h, "Artikel ") {
			law++
		}
	}
	return n >= 3 && law*2 > n
}

// paragraphLineRE matches a line that opens a statute's paragraph.
var paragraphLineRE = regexp.MustCompile(`^\s*§\s*\d+[a-z]?\b`)

// Bounds of a document's names in other languages.
const (
	maxNameLangs = 12
	maxNamesLang = 8
	maxNameRunes = 120
)

var nameLangRE = regexp.MustCompile(`^[a-z]{2}$`)

// mergeNames returns the names of a and then those of b that a does not
// have, per language.
func mergeNames(a, b map[string][]string) map[string][]string {
	out := make(map[string][]string, len(a)+len(b))
	for l, ns := range a {
		out[l] = slices.Clone(ns)
	}
	for l, ns := range b {
		for _, n := range ns {
			if !slices.ContainsFunc(out[l], func(m string) bool { return strings.EqualFold(strings.TrimSpace(m), n) }) {
				out[l] = append(out[l], n)
			}
		}
	}
	return out
}

// checkNames validates the names of a document in other languages: keys
// are ISO 639-1 codes, names are one line of at most maxNameRunes, and
// there are at most maxNameLangs languages of at most maxNamesLang names.
// Empty names are dropped.
func checkNames(in map[string][]string) (map[string][]string, error) {
	if len(in) == 0 {
		return nil, nil
	}
	if len(in) > maxNameLangs {
		return nil, fmt.Errorf("names: %d Sprachen, höchstens %d", len(in), maxNameLangs)
	}
	out := map[string][]string{}
	for l, ns := range in {
		if !nameLangRE.MatchString(l) {
			return nil, fmt.Errorf("names: %q ist kein Sprachcode wie en oder tr", l)
		}
		if len(ns) > maxNamesLang {
			return nil, fmt.Errorf("names.%s: %d Namen, höchstens %d", l, len(ns), maxNamesLang)
		}
		for _, n := range ns {
			n = strings.TrimSpace(strings.ToValidUTF8(n, "\uFFFD"))
			switch {
			case n == "":
				continue
			case utf8.RuneCountInString(n) > maxNameRunes || strings.ContainsAny(n, "\n\r"):
				return nil, fmt.Errorf("names.%s: %q ist zu lang oder mehrzeilig", l, n)
			}
			out[l] = append(out[l], n)
		}
	}
	return out, nil
}

// paragraphHeadingRE matches the heading line of a statute's or bylaw's
// paragraph as it stands in extracted text: "§ 3 Öffnungszeiten",
// "§ 12a Gebühren", "Art. 4 Inkrafttreten"; no full stop, no colon, so
// that a sentence starting with a reference ("§ 4 gilt entsprechend.")
// is none.
var paragraphHeadingRE = regexp.MustCompile(`^(?:§|Art\.|Artikel)\s*\d+\s*[a-z]?\s+\p{Lu}[^.;:]{0,80}$`)

// appendixHeadingRE matches the heading of a statute's appendix as it
// stands in extracted text: "Anlage", "Anlage 2", "Anlage zu § 3",
// "Anlage zur Gebührensatzung: Gebührenverzeichnis"; no full stop.
var appendixHeadingRE = regexp.MustCompile(`^Anlage(?:\s+\d+[a-z]?)?(?:\s+(?:zu|zur|zum)\s[^.;:]{1,80})?(?:\s*[:–-]\s*\p{Lu}[^.;:]{0,80})?$`)

// paragraphSections re-cuts the sections of a text without markup (a PDF's
// pages) at its paragraph headings when it has at least two: a bylaw is
// read § by §, not page by page. The text before the first paragraph is
// a section of its own.
func paragraphSections(in []Section) []Section {
	var lines []string
	for _, s := range in {
		lines = append(lines, strings.Split(s.Text, "\n")...)
	}
	n := 0
	for _, l := range lines {
		if paragraphHeadingRE.MatchString(strings.TrimSpace(l)) {
			n++
		}
	}
	if n < 2 {
		return in
	}
	var out []Section
	var cur Section
	var buf []string
	flush := func() {
		cur.Text = strings.TrimSpace(strings.Join(buf, "\n"))
		if cur.Text != "" {
			out = append(out, cur)
		}
	}
	for _, l := range lines {
		if t := strings.TrimSpace(l); paragraphHeadingRE.MatchString(t) || appendixHeadingRE.MatchString(t) {
			// An appendix (a fee schedule) is a section of its own, not
			// the end of the last §.
			flush()
			cur, buf = Section{Heading: t}, nil
			continue
		}
		buf = append(buf, l)
	}
	flush()
	return out
}
