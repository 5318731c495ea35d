// SPDX-License-Identifier: EUPL-1.2

package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/musterstadt/lotse/assistant"
)

// Error is the channel's one error type: an HTTP status, a machine code and a
// message that may be shown to a citizen. Every error that leaves the web
// channel, as a JSON body or as a WebSocket "error" event, is one of these;
// anything else is reported as "internal" and its details go to the log only.
type Error struct {
	Status  int    // HTTP status for REST answers
	Code    string // stable machine code, e.g. "too_long"
	Message string // German, safe to show to anybody
	// RetryAfter, when positive, tells the client when to try again (the
	// Retry-After header of REST answers, retry_after of WebSocket errors).
	RetryAfter time.Duration
}

func (e *Error) Error() string { return "web: " + e.Code + ": " + e.Message }

// The errors of the web channel. Codes are part of the public protocol
// (see PROTOCOL.md); messages may change.
var (
	errInvalidJSON      = newError(http.StatusBadRequest, "invalid_json", "Die Anfrage ist kein gültiges JSON.")
	errInvalidUTF8      = newError(http.StatusBadRequest, "invalid_utf8", "Die Nachricht enthält ungültige Zeichen (kein UTF-8).")
	errEmptyMessage     = newError(http.StatusBadRequest, "empty_message", "Bitte geben Sie eine Nachricht ein.")
	errInvalidLang      = newError(http.StatusBadRequest, "invalid_lang", "Die Sprachangabe ist ungültig.")
	errUnknownType      = newError(http.StatusBadRequest, "unknown_type", "Diese Art von Nachricht wird nicht unterstützt.")
	errInvalidFeedback  = newError(http.StatusBadRequest, "invalid_feedback", "Die Bewertung ist ungültig.")
	errUnknownAnswer    = newError(http.StatusNotFound, "unknown_answer", "Diese Antwort ist nicht (mehr) bekannt.")
	errSessionExpired   = newError(http.StatusNotFound, "session_expired", "Die Sitzung ist abgelaufen. Ein neues Gespräch wurde begonnen.")
	errTooLong          = newError(http.StatusRequestEntityTooLarge, "too_long", "Die Nachricht ist zu lang (höchstens 4.000 Zeichen).")
	errBodyTooLarge     = newError(http.StatusRequestEntityTooLarge, "too_large", "Die Anfrage ist zu groß.")
	errBusy             = newError(http.StatusTooManyRequests, "busy", "Bitte warten Sie, bis die vorige Antwort fertig ist.")
	errUnauthorized     = newError(http.StatusUnauthorized, "unauthorized", "Bitte melden Sie sich über das Intranet an.")
	errForbiddenOrigin  = newError(http.StatusForbidden, "forbidden_origin", "Diese Seite darf den Chat nicht verwenden.")
	errNotFound         = newError(http.StatusNotFound, "not_found", "Diese Adresse gibt es nicht.")
	errMethodNotAllowed = newError(http.StatusMethodNotAllowed, "method_not_allowed", "Diese Methode ist hier nicht erlaubt.")
	errUnavailable      = newError(http.StatusServiceUnavailable, "unavailable", "Der Dienst wird gerade neu gestartet. Bitte versuchen Sie es gleich noch einmal.")
	errStoreUnavailable = &Error{Status: http.StatusServiceUnavailable, Code: "unavailable", Message: "Der Chat ist gerade nicht erreichbar. Ihre Nachricht wurde nicht gespeichert; bitte senden Sie sie in einer Minute erneut.", RetryAfter: 30 * time.Second}
	errTimeout          = newError(http.StatusGatewayTimeout, "timeout", "Die Antwort hat zu lange gedauert. Bitte versuchen Sie es erneut.")
	errTooManyConns     = newError(http.StatusTooManyRequests, "too_many_connections", "Von Ihrem Anschluss sind zu viele Chat-Fenster gleichzeitig geöffnet. Bitte schließen Sie einige davon.")
	// errConversationFull never reaches a client: the turn moves to a new
	// session instead (see Server.rotate).
	errConversationFull = newError(http.StatusConflict, "conversation_full", "Dieses Gespräch ist zu lang geworden.")
	errInternal         = newError(http.StatusInternalServerError, "internal", "Es ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut.")
)

func newError(status int, code, message string) *Error {
	return &Error{Status: status, Code: code, Message: message}
}

// rateLimited is the error for a message over a rate limit; retry is how
// long until one more message is allowed.
func rateLimited(retry time.Duration) *Error {
	e := newError(http.StatusTooManyRequests, "rate_limited", fmt.Sprintf("Sie haben sehr viele Nachrichten geschickt. Bitte warten Sie %d Sekunden und senden Sie Ihre Nachricht dann erneut.", retrySeconds(retry)))
	e.RetryAfter = retry
	return e
}

// retrySeconds rounds d up to whole seconds, at least 1.
func retrySeconds(d time.Duration) int {
	return max(1, int(math.Ceil(d.Seconds())))
}

// errorBody is the JSON shape of every REST error.
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// appError maps any error to an *Error. Errors that are not *Error become
// errInternal (or errTimeout for deadlines); the caller logs them.
func appError(err error) (e *Error, internal bool) {
	if e, ok := errors.AsType[*Error](err); ok {
		return e, false
	}
	switch {
	case errors.Is(err, assistant.ErrEmptyMessage):
		return errEmptyMessage, false
	case errors.Is(err, assistant.ErrTooLong):
		return errTooLong, false
	case errors.Is(err, context.DeadlineExceeded):
		return errTimeout, true
	case errors.Is(err, assistant.ErrUnavailable):
		// The database is gone for now: the message was not taken, the
		// client sends it again.
		return errStoreUnavailable, true
	}
	return errInternal, true
}

// writeError is the one function that turns an error into an HTTP answer.
// Internal errors are logged here, once; the client sees only the safe
// message.
func writeError(w http.ResponseWriter, r *http.Request, log *slog.Logger, err error) {
	e, internal := appError(err)
	if internal {
		log.ErrorContext(r.Context(), "web: request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	if e.RetryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(retrySeconds(e.RetryAfter)))
	}
	writeJSON(w, e.Status, errorBody{Error: errorDetail{Code: e.Code, Message: e.Message}})
}

// writeJSON encodes v as the JSON answer with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		// Only our own types are encoded here; this cannot happen with them.
		status = http.StatusInternalServerError
		b = []byte(`{"error":{"code":"internal","message":"Es ist ein Fehler aufgetreten."}}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}
