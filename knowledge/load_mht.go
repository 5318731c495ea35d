// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"net/textproto"
	"strings"
)

// A web archive (.mht, .mhtml), as browsers save "a page, complete, in
// one file", is a MIME message: a multipart/related whose parts are the
// page (text/html, mostly quoted-printable) and its stylesheets, images
// and frames, each named by its Content-Location. The page is its HTML
// part, decoded and read by the HTML rules; everything else is left out.

// maxMHTMLBytes bounds the bytes the page's part may decode to.
const maxMHTMLBytes = 32 << 20

// mhtPart is an HTML part of a web archive.
type mhtPart struct {
	location, id string
	html         string
}

// parseMHT reads a web archive's page: the text/html part named by the
// root's Content-Location (or the multipart's start parameter), else the
// first, decoded from its transfer encoding and charset.
func parseMHT(data []byte) (parsedDoc, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		return parsedDoc{}, fileErrorf(err, "kein Webarchiv (MHTML)")
	}
	h := textproto.MIMEHeader(msg.Header)
	typ, params, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil {
		return parsedDoc{}, fileErrorf(err, "Webarchiv ohne Content-Type")
	}
	var parts []mhtPart
	r := &mailReader{}
	if err := r.mhtEntity(typ, params, h, msg.Body, 0, &parts); err != nil {
		return parsedDoc{}, err
	}
	if len(parts) == 0 {
		return parsedDoc{}, fileErrorf(nil, "Webarchiv ohne HTML-Teil")
	}
	page := parts[0]
	want := strings.TrimSpace(h.Get("Content-Location"))
	start := strings.Trim(params["start"], "<> ")
	for _, p := range parts {
		if want != "" && p.location == want || start != "" && p.id == start {
			page = p
			break
		}
	}
	return parseHTML([]byte(page.html))
}

// mhtEntity collects the text/html parts of a web archive's entity.
func (r *mailReader) mhtEntity(typ string, params map[string]string, h textproto.MIMEHeader, body io.Reader, depth int, parts *[]mhtPart) error {
	if r.parts++; r.parts > maxMailParts {
		return fileErrorf(nil, "Webarchiv mit mehr als %d Teilen", maxMailParts)
	}
	switch {
	case strings.HasPrefix(typ, "multipart/"):
		if depth >= maxMailDepth || params["boundary"] == "" {
			return nil
		}
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextRawPart()
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				if len(*parts) > 0 {
					return nil // a cut last part: the page before it stands
				}
				return fileErrorf(err, "Webarchiv nicht lesbar")
			}
			t, ps, err := mime.ParseMediaType(p.Header.Get("Content-Type"))
			if err != nil {
				continue
			}
			if err := r.mhtEntity(t, ps, p.Header, p, depth+1, parts); err != nil {
				return err
			}
		}
	case typ == "text/html":
		left := maxMHTMLBytes - r.text
		b, err := io.ReadAll(io.LimitReader(transferDecoder(h.Get("Content-Transfer-Encoding"), body), int64(left)+1))
		if err != nil {
			return fileErrorf(err, "Webarchiv: HTML-Teil nicht lesbar")
		}
		if r.text += len(b); len(b) > left {
			return fileErrorf(nil, "Webarchiv mit mehr als %d Bytes HTML", maxMHTMLBytes)
		}
		s := string(b)
		if params["charset"] != "" {
			s = mailCharset(b, params["charset"])
		}
		*parts = append(*parts, mhtPart{
			location: strings.TrimSpace(h.Get("Content-Location")),
			id:       strings.Trim(h.Get("Content-ID"), "<> "),
			html:     s,
		})
	}
	return nil // stylesheets, images, scripts
}
