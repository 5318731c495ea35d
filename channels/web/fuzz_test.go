// SPDX-License-Identifier: EUPL-1.2

package web

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzMaxChars is a small message limit, so that the fuzzer reaches it.
const fuzzMaxChars = 40

// knownCodes are the error codes a decoder may return.
var knownCodes = map[string]bool{
	"invalid_json": true, "invalid_utf8": true, "empty_message": true, "invalid_lang": true,
	"too_long": true, "unknown_type": true, "invalid_feedback": true, "session_expired": true,
}

// checkDecodeError fails unless err is one of the decoders' *Error values.
func checkDecodeError(t *testing.T, err error) {
	t.Helper()
	e, ok := err.(*Error)
	if !ok {
		t.Fatalf("error %T %v is not an *Error", err, err)
	}
	if !knownCodes[e.Code] || e.Message == "" || e.Status < 400 || e.Status > 499 {
		t.Fatalf("unexpected error %+v", e)
	}
}

// checkText fails unless text is what validateText may return.
func checkText(t *testing.T, text, lang string) {
	t.Helper()
	if text == "" || text != strings.TrimSpace(text) || !utf8.ValidString(text) || utf8.RuneCountInString(text) > fuzzMaxChars {
		t.Fatalf("invalid text %q accepted", text)
	}
	checkLang(t, lang)
}

func checkLang(t *testing.T, lang string) {
	t.Helper()
	if lang != "" && !langTag.MatchString(lang) {
		t.Fatalf("invalid lang %q accepted", lang)
	}
}

// FuzzDecodeClientMessage feeds arbitrary frames to the WebSocket decoder:
// it must never panic and return either a valid typed message or an
// *Error, and a decoded message must survive a round trip through its wire
// form.
func FuzzDecodeClientMessage(f *testing.F) {
	for _, seed := range []string{
		`{"type":"message","text":"Was kostet ein Reisepass?","lang":"de","simple":true}`,
		`{"type":"message","text":"  \u00a0Hallo\t "}`,
		`{"type":"message","text":"` + strings.Repeat("ä", fuzzMaxChars+1) + `"}`,
		`{"type":"message","text":"x","lang":"pt-BR"}`,
		`{"type":"message","text":"x","lang":"../../etc"}`,
		`{"type":"message","text":"\ud800"}`,
		`{"type":"request_human","lang":"en","simple":false}`,
		`{"type":"feedback","answer_id":"abc","rating":"down","comment":"falsch"}`,
		`{"type":"feedback","answer_id":"abc","rating":"meh"}`,
		`{"type":"typing"}`,
		`{"type":"resume","session":"K3X","last_seq":41}`,
		`{"type":"resume","session":"K3X","last_seq":-1}`,
		`{"type":"resume","last_seq":1e400}`,
		`{"TYPE":"message","TEXT":"Groß und klein"}`,
		`{"type":"message","type":"typing"}`,
		`{"type":"sudo"}`,
		`{"type":`,
		`[]`,
		`null`,
		"{\"type\":\"message\",\"text\":\"\xff\"}",
		``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := decodeClientMessage(data, fuzzMaxChars)
		if (m == nil) == (err == nil) {
			t.Fatalf("message %#v and error %v", m, err)
		}
		if err != nil {
			checkDecodeError(t, err)
			return
		}
		var wire map[string]any
		switch m := m.(type) {
		case chatMsg:
			checkText(t, m.Text, m.Lang)
			wire = map[string]any{"type": "message", "text": m.Text, "lang": m.Lang, "simple": m.Simple}
		case humanMsg:
			checkLang(t, m.Lang)
			wire = map[string]any{"type": "request_human", "lang": m.Lang, "simple": m.Simple}
		case feedbackMsg:
			if m.Rating != "up" && m.Rating != "down" || utf8.RuneCountInString(m.Comment) > fuzzMaxChars {
				t.Fatalf("invalid feedback accepted: %+v", m)
			}
			wire = map[string]any{"type": "feedback", "answer_id": m.AnswerID, "rating": m.Rating, "comment": m.Comment}
		case typingMsg:
			wire = map[string]any{"type": "typing"}
		case resumeMsg:
			if m.LastSeq < 0 {
				t.Fatalf("negative last_seq accepted: %+v", m)
			}
			wire = map[string]any{"type": "resume", "session": m.Session, "last_seq": m.LastSeq}
		default:
			t.Fatalf("unknown message type %T", m)
		}
		b, err := json.Marshal(wire)
		if err != nil {
			t.Fatal(err)
		}
		again, err := decodeClientMessage(b, fuzzMaxChars)
		if err != nil || !sameMessage(again, m) {
			t.Fatalf("round trip of %s: %#v, %v; want %#v", b, again, err, m)
		}
	})
}

func sameMessage(a, b clientMessage) bool {
	ca, ok1 := a.(chatMsg)
	cb, ok2 := b.(chatMsg)
	if ok1 && ok2 {
		return ca.Text == cb.Text && ca.Lang == cb.Lang && sameBool(ca.Simple, cb.Simple)
	}
	ha, ok1 := a.(humanMsg)
	hb, ok2 := b.(humanMsg)
	if ok1 && ok2 {
		return ha.Lang == hb.Lang && sameBool(ha.Simple, hb.Simple)
	}
	return a == b
}

func sameBool(a, b *bool) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}

// FuzzChatRequest feeds arbitrary bodies to the REST decoder: it must
// never panic and return either a valid request or an *Error.
func FuzzChatRequest(f *testing.F) {
	for _, seed := range []string{
		`{"message":"Was kostet ein Reisepass?","lang":"de","simple":true}`,
		`{"session_id":"K3X","message":"Und für Kinder?"}`,
		`{"message":" \n\t "}`,
		`{"message":"` + strings.Repeat("ß", fuzzMaxChars+1) + `"}`,
		`{"message":"a","lang":"<script>"}`,
		`{"message":42}`,
		`{"message":"a"} {"message":"b"}`,
		`{"message":"a"}   `,
		`{"message":"a"}}`,
		`{"message":"a"}]`,
		`{"message":"a","extra":{"deep":[1,2,3]}}`,
		`{"message":"\u0000"}`,
		`"hallo"`,
		"{\"message\":\"gr\xfc\xdf\"}",
		``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		req, err := decodeChatRequest(body, fuzzMaxChars)
		if err != nil {
			checkDecodeError(t, err)
			if req != (chatRequest{}) {
				t.Fatalf("error %v with request %+v", err, req)
			}
			return
		}
		checkText(t, req.Message, req.Lang)
		// The accepted body is one JSON object.
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(body, &obj); err != nil {
			t.Fatalf("accepted a body that is not one object: %q (%v)", body, err)
		}
	})
}
