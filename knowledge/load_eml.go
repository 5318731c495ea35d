// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
)

// Bounds of a mail file (parseEML): the MIME parts it may have in all,
// how deep multiparts may nest (parts beyond are not read), and the
// bytes its text parts may decode to together.
const (
	maxMailParts     = 200
	maxMailDepth     = 8
	maxMailTextBytes = 16 << 20
)

// parseEML reads a mail saved as a file (.eml, RFC 5322 with MIME, as
// Outlook, Thunderbird and webmail save it). Its subject, decoded from
// RFC 2047 words ("=?utf-8?q?…?="), is the title, without the prefixes
// of answers and forwards; its date the document's; its header no text.
// The text is the body's text/plain part (of a multipart/alternative the
// plain alternative, else the HTML one reduced to its text; the inline
// parts of a multipart/mixed in order; attachments, pictures and
// attached mails left out), decoded from quoted-printable or base64 and
// from its charset; then it is read as a mail saved as text is (quoted
// lines and the quoted original dropped, the signature a section of its
// own).
func parseEML(data []byte) (parsedDoc, error) {
	if bytes.HasPrefix(data, []byte("From ")) {
		// An mbox's separator line above the header.
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			data = data[i+1:]
		}
	}
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		return parsedDoc{}, fileErrorf(err, "keine E-Mail")
	}
	h := textproto.MIMEHeader(msg.Header)
	if h.Get("From") == "" && h.Get("Subject") == "" && h.Get("Date") == "" {
		return parsedDoc{}, fileErrorf(nil, "keine E-Mail (weder From noch Subject noch Date)")
	}
	r := &mailReader{}
	text, err := r.entity(h, msg.Body, 0)
	if err != nil {
		return parsedDoc{}, err
	}
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	body, sig := mailBody(strings.Split(text, "\n"))
	if strings.TrimSpace(body) == "" && sig == "" {
		return parsedDoc{}, errNoText
	}
	pd := mailDoc(mailSubject(decodeMailHeader(h.Get("Subject"))), body, sig)
	if d, err := msg.Header.Date(); err == nil {
		pd.updated = d
	}
	return pd, nil
}

// mailWords decodes the RFC 2047 words of a header in any charset the
// WHATWG Encoding standard names.
var mailWords = mime.WordDecoder{CharsetReader: func(label string, r io.Reader) (io.Reader, error) {
	e, _ := charset.Lookup(label)
	if e == nil {
		return nil, fileErrorf(nil, "Zeichensatz %q unbekannt", label)
	}
	if _, name := charset.Lookup(label); strings.HasPrefix(name, "iso-8859-") {
		b, err := io.ReadAll(io.LimitReader(r, maxMailTextBytes))
		if err != nil {
			return nil, err
		}
		return strings.NewReader(isoLatinText(b, e)), nil
	}
	return e.NewDecoder().Reader(r), nil
}}

// isoLatinText decodes b from the single-byte ISO 8859 charset e, its
// bytes 0x80–0x9F (control codes nobody types) as Windows-1252's
// characters, as browsers and mail clients read them: Outlook labels
// text with an en dash (0x96) or quotes (0x84, 0x93) ISO-8859-15.
func isoLatinText(b []byte, e encoding.Encoding) string {
	var table [256]rune
	dec := e.NewDecoder()
	for c := range 256 {
		switch out, err := dec.Bytes([]byte{byte(c)}); {
		case c >= 0x80 && c < 0xA0 && cp1252[c-0x80] != 0:
			table[c] = cp1252[c-0x80]
		case err == nil && utf8.Valid(out) && utf8.RuneCount(out) == 1:
			table[c], _ = utf8.DecodeRune(out)
		default:
			table[c] = utf8.RuneError
		}
	}
	var out strings.Builder
	out.Grow(len(b))
	for _, c := range b {
		out.WriteRune(table[c])
	}
	return out.String()
}

// decodeMailHeader decodes a header's encoded words; a header it cannot
// decode stays as written.
func decodeMailHeader(s string) string {
	if d, err := mailWords.DecodeHeader(s); err == nil {
		return d
	}
	return s
}

// mailReader reads a mail's MIME parts, counting them and the bytes of
// their text.
type mailReader struct{ parts, text int }

// entity returns the text of a MIME entity with header h: a text part
// decoded, a multipart by its parts, anything else none.
func (r *mailReader) entity(h textproto.MIMEHeader, body io.Reader, depth int) (string, error) {
	if r.parts++; r.parts > maxMailParts {
		return "", fileErrorf(nil, "E-Mail mit mehr als %d Teilen", maxMailParts)
	}
	if d, _, err := mime.ParseMediaType(h.Get("Content-Disposition")); err == nil && d == "attachment" {
		return "", nil
	}
	typ, params, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil {
		typ, params = "text/plain", nil // RFC 2045's default
	}
	switch {
	case strings.HasPrefix(typ, "multipart/"):
		if depth >= maxMailDepth {
			return "", nil
		}
		return r.multipart(typ, params["boundary"], body, depth)
	case typ == "text/plain", typ == "text/html":
		left := maxMailTextBytes - r.text
		b, err := io.ReadAll(io.LimitReader(transferDecoder(h.Get("Content-Transfer-Encoding"), body), int64(left)+1))
		if err != nil {
			return "", fileErrorf(err, "E-Mail-Teil %s nicht lesbar", typ)
		}
		if r.text += len(b); len(b) > left {
			return "", fileErrorf(nil, "E-Mail mit mehr als %d Bytes Text", maxMailTextBytes)
		}
		s := mailCharset(b, params["charset"])
		if typ == "text/html" {
			s = htmlDocumentText(s)
		}
		return strings.TrimSpace(s), nil
	}
	return "", nil // pictures, attachments, attached mails
}

// multipart returns the text of a multipart's parts: of alternatives the
// plain text one, else the first with text; of any other multipart the
// texts of its parts in order.
func (r *mailReader) multipart(typ, boundary string, body io.Reader, depth int) (string, error) {
	if boundary == "" {
		return "", fileErrorf(nil, "E-Mail: %s ohne boundary", typ)
	}
	mr := multipart.NewReader(body, boundary)
	var texts []string
	plain := -1
	for {
		p, err := mr.NextRawPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if len(texts) > 0 {
				break // a cut last part: the parts before it stand
			}
			return "", fileErrorf(err, "E-Mail: %s nicht lesbar", typ)
		}
		t, err := r.entity(p.Header, p, depth+1)
		if err != nil {
			return "", err
		}
		if t == "" {
			continue
		}
		if ct, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type")); plain < 0 && (ct == "text/plain" || p.Header.Get("Content-Type") == "") {
			plain = len(texts)
		}
		texts = append(texts, t)
	}
	if len(texts) == 0 {
		return "", nil
	}
	if typ == "multipart/alternative" {
		if plain >= 0 {
			return texts[plain], nil
		}
		return texts[0], nil
	}
	return strings.Join(texts, "\n\n"), nil
}

// transferDecoder undoes a part's Content-Transfer-Encoding.
func transferDecoder(enc string, r io.Reader) io.Reader {
	switch strings.ToLower(strings.TrimSpace(enc)) {
	case "quoted-printable":
		return quotedprintable.NewReader(r)
	case "base64":
		return base64.NewDecoder(base64.StdEncoding, r)
	}
	return r // 7bit, 8bit, binary
}

// mailCharset decodes a part's text from its charset (WHATWG labels): a
// text declared UTF-8 or ASCII, or nothing, stays as it is when it is
// valid UTF-8 and is read as Windows-1252 otherwise, as text files are.
func mailCharset(b []byte, label string) string {
	if e, name := charset.Lookup(label); e != nil && name != "utf-8" && name != "windows-1252" && name != "replacement" {
		if strings.HasPrefix(name, "iso-8859-") {
			return isoLatinText(b, e)
		}
		if out, err := e.NewDecoder().Bytes(b); err == nil {
			return string(out)
		}
	}
	if !utf8.Valid(b) {
		b = windows1252ToUTF8(b)
	}
	return string(b)
}

// htmlDocumentText reduces an HTML document (a mail's HTML part) to the
// text of its body, one block per line, as htmlToText reduces a
// fragment: its head, styles and scripts are no text.
func htmlDocumentText(s string) string {
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return ""
	}
	body := findFirst(root, func(n *html.Node) bool { return n.DataAtom == atom.Body })
	if body == nil {
		return ""
	}
	expandRowspans(body)
	w := &htmlWalker{}
	w.walk(body, false)
	w.flush()
	return w.plainText()
}
