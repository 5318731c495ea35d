// SPDX-License-Identifier: EUPL-1.2

package web

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
	"golang.org/x/time/rate"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
)

// maxPendingTurns bounds the turns one session may have queued or running.
const maxPendingTurns = 2

// conn is one WebSocket connection. Its handler goroutine reads; one writer
// goroutine owns all data writes, fed by out. Anything may call send or
// close.
type conn struct {
	srv      *Server
	ws       *websocket.Conn
	audience knowledge.Audience
	userID   string
	lang     string // preferred language of the browser, for the disclosure
	addrKey  string // client address, for the rate limits
	// pace slows down reading from a client that sends more frames than
	// Config.FrameRate allows; nil when switched off.
	pace *rate.Limiter
	ctx  context.Context // ends with the connection

	out      chan []byte
	done     chan struct{} // closed by close()
	finished chan struct{} // closed when the connection is fully torn down
	once     sync.Once
	cancel   context.CancelFunc // ends ctx; called by close()
	code     int                // close code, set once by close()
	reason   string

	mu   sync.Mutex // guards sess
	sess *session
}

// send queues data for the writer. Droppable data (stream tokens) is
// skipped when the queue is full; numbered events that do not fit mean the
// client is too slow, and it is disconnected with 1013 so that it
// reconnects and resumes, rather than holding up anybody else.
func (c *conn) send(data []byte, essential bool) {
	select {
	case <-c.done:
		return
	default:
	}
	select {
	case c.out <- data:
	default:
		if essential {
			c.close(websocket.CloseTryAgainLater, "Verbindung zu langsam")
		}
	}
}

// close asks the writer to send a close frame with code and stop.
func (c *conn) close(code int, reason string) {
	c.once.Do(func() {
		c.code, c.reason = code, reason
		close(c.done)
		c.cancel()
	})
}

func (c *conn) session() *session {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.sess
}

func (c *conn) setSession(s *session) {
	c.mu.Lock()
	c.sess = s
	c.mu.Unlock()
}

// swapSession sets c's session to to if it is from.
func (c *conn) swapSession(from, to *session) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.sess != from {
		return false
	}
	c.sess = to
	return true
}

// writeLoop is the connection's only data writer.
func (c *conn) writeLoop() {
	cfg := &c.srv.cfg
	ticker := time.NewTicker(cfg.PingInterval)
	defer ticker.Stop()
	for {
		select {
		case data := <-c.out:
			c.ws.SetWriteDeadline(time.Now().Add(cfg.WriteTimeout))
			if err := c.ws.WriteMessage(websocket.TextMessage, data); err != nil {
				c.close(0, "")
				c.ws.Close() // unblocks the reader
				return
			}
		case <-ticker.C:
			if err := c.ws.WriteControl(websocket.PingMessage, nil, time.Now().Add(cfg.WriteTimeout)); err != nil {
				c.close(0, "")
				c.ws.Close()
				return
			}
		case <-c.done:
			c.finish()
			return
		}
	}
}

// finish flushes what is queued (unless the client is the problem), sends
// the close frame and gives the peer a moment to answer it.
func (c *conn) finish() {
	cfg := &c.srv.cfg
	if c.code == websocket.CloseGoingAway {
		deadline := time.Now().Add(cfg.WriteTimeout)
	flush:
		for {
			select {
			case data := <-c.out:
				c.ws.SetWriteDeadline(deadline)
				if c.ws.WriteMessage(websocket.TextMessage, data) != nil {
					break flush
				}
			default:
				break flush
			}
		}
	}
	if c.code != 0 {
		c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(c.code, c.reason), time.Now().Add(cfg.WriteTimeout))
	}
	// The reader ends on the peer's close reply or on this deadline.
	c.ws.SetReadDeadline(time.Now().Add(time.Second))
}

// handleWS upgrades to a WebSocket for one audience and runs the
// connection until it closes.
func (s *Server) handleWS(aud knowledge.Audience) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.isClosing() {
			writeError(w, r, s.log, errUnavailable)
			return
		}
		key := s.clientKey(r)
		if !s.acquireConn(key) {
			writeError(w, r, s.log, errTooManyConns)
			return
		}
		defer s.releaseConn(key)
		// The security headers set by the middleware go into the 101 answer.
		ws, err := s.upgrader.Upgrade(w, r, w.Header().Clone())
		if err != nil {
			return // Upgrade has answered the client already
		}
		limitReadBuffer(ws.NetConn())
		c := &conn{
			srv:      s,
			ws:       ws,
			audience: aud,
			userID:   employeeFrom(r.Context()),
			lang:     preferredLang(r.Header.Get("Accept-Language")),
			addrKey:  key,
			out:      make(chan []byte, s.cfg.SendBuffer),
			done:     make(chan struct{}),
			finished: make(chan struct{}),
		}
		c.ctx, c.cancel = context.WithCancel(s.baseCtx)
		defer c.cancel()
		if !s.cfg.FrameRate.off() {
			c.pace = rate.NewLimiter(s.cfg.FrameRate.limit(), s.cfg.FrameRate.Burst)
		}
		if !s.register(c) {
			ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseGoingAway, ""), time.Now().Add(time.Second))
			ws.Close()
			return
		}
		defer s.unregister(c)
		s.serveConn(r.Context(), c)
	}
}

// socketReadBuffer is the kernel receive buffer of a WebSocket. Without
// it, Linux lets the buffer grow to megabytes, which a client that floods
// (and is paced by Config.FrameRate) would fill at the server's expense.
const socketReadBuffer = 32 << 10

// limitReadBuffer sets the receive buffer of a TCP connection to
// socketReadBuffer; other connections are left alone.
func limitReadBuffer(nc net.Conn) {
	if tc, ok := nc.(*net.TCPConn); ok {
		tc.SetReadBuffer(socketReadBuffer)
	}
}

func (s *Server) register(c *conn) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		return false
	}
	s.conns[c] = struct{}{}
	if s.cfg.Metrics != nil {
		s.cfg.Metrics.ConnOpened()
	}
	return true
}

func (s *Server) unregister(c *conn) {
	s.mu.Lock()
	delete(s.conns, c)
	s.mu.Unlock()
	if s.cfg.Metrics != nil {
		s.cfg.Metrics.ConnClosed()
	}
}

// serveConn greets the client with a new session and reads its messages.
func (s *Server) serveConn(ctx context.Context, c *conn) {
	defer close(c.finished)
	writerDone := make(chan struct{})
	go func() { defer close(writerDone); c.writeLoop() }()

	sess := s.hub.create(c.audience, c.userID)
	c.setSession(sess)
	sess.attach(c, 0, nil, s.cfg.Now())
	sess.publish(&event{Type: "welcome", Session: sess.token, Text: s.cfg.Disclosure(c.lang)}, s.hub.ringSize, s.cfg.Now())

	c.ws.SetReadLimit(s.cfg.MaxFrameBytes)
	readWait := 2 * s.cfg.PingInterval
	c.ws.SetReadDeadline(time.Now().Add(readWait))
	// The close reply is sent by finish, once; gorilla's default handler
	// would send a second one.
	c.ws.SetCloseHandler(func(int, string) error { return nil })
	c.ws.SetPongHandler(func(string) error {
		return c.ws.SetReadDeadline(time.Now().Add(readWait))
	})
	for {
		typ, data, err := c.ws.ReadMessage()
		if err != nil {
			if errors.Is(err, websocket.ErrReadLimit) {
				// gorilla has sent close 1009; read what the peer still
				// sends so that closing does not reset the connection
				// before the close frame arrives.
				c.once.Do(func() { close(c.done); c.cancel() })
				nc := c.ws.NetConn()
				nc.SetReadDeadline(time.Now().Add(time.Second))
				io.Copy(io.Discard, io.LimitReader(nc, 1<<20))
			}
			break
		}
		if c.pace != nil {
			// Reading nothing for a while is TCP back-pressure on a client
			// that floods: it costs the server nothing.
			now := s.cfg.Now()
			if d := c.pace.ReserveN(now, 1).DelayFrom(now); d > 0 {
				s.sleep(c.ctx, d)
			}
		}
		c.ws.SetReadDeadline(time.Now().Add(readWait))
		if typ != websocket.TextMessage {
			c.sendError(errUnknownType)
			continue
		}
		s.handleFrame(ctx, c, data)
	}
	c.close(websocket.CloseNormalClosure, "")
	<-writerDone
	c.ws.Close()
	if sess := c.session(); sess != nil {
		sess.detach(c, s.cfg.Now())
	}
}

// sendError sends an error that concerns only this connection (bad input);
// it is not numbered or buffered.
func (c *conn) sendError(e *Error) {
	data, _ := json.Marshal(errorEvent(e))
	c.send(data, true)
}

func (s *Server) handleFrame(ctx context.Context, c *conn, data []byte) {
	m, err := decodeClientMessage(data, s.cfg.MaxMessageChars)
	if err != nil {
		e, _ := appError(err)
		c.sendError(e)
		return
	}
	sess := c.session()
	switch m := m.(type) {
	case chatMsg:
		if s.allowMessage(c, sess) {
			s.startTurn(c, sess, assistant.Message{Text: m.Text, Lang: m.Lang}, m.Simple)
		}
	case humanMsg:
		if s.allowMessage(c, sess) {
			s.startTurn(c, sess, assistant.Message{Text: humanRequest, Lang: m.Lang}, m.Simple)
		}
	case feedbackMsg:
		if s.allowMessage(c, sess) {
			s.handleFeedback(ctx, c, sess, m)
		}
	case typingMsg:
		sess.touch(s.cfg.Now())
	case resumeMsg:
		s.resume(c, sess, m)
	}
}

// allowMessage applies the address and session rate limits to a message,
// request_human or feedback frame. A refused frame is not processed; the
// client gets a rate_limited error with retry_after and should send it
// again then.
func (s *Server) allowMessage(c *conn, sess *session) bool {
	ok, retry := s.lim.allow(c.addrKey, sess.token)
	if !ok {
		c.sendError(rateLimited(retry))
	}
	return ok
}

// startTurn runs a turn in its own goroutine. The turn outlives the socket:
// its answer is buffered in the session for a client that resumes.
func (s *Server) startTurn(c *conn, sess *session, msg assistant.Message, simple *bool) {
	sess.mu.Lock()
	busy := sess.pending >= maxPendingTurns
	if !busy {
		sess.pending++
		sess.used = true
	}
	sess.mu.Unlock()
	if busy {
		c.sendError(errBusy)
		return
	}
	s.mu.Lock()
	closing := s.closing
	if !closing {
		s.turns.Add(1)
	}
	s.mu.Unlock()
	if closing {
		sess.mu.Lock()
		sess.pending--
		sess.mu.Unlock()
		c.sendError(errUnavailable)
		return
	}
	go func() {
		defer s.turns.Done()
		defer func() {
			sess.mu.Lock()
			sess.pending--
			sess.mu.Unlock()
		}()
		ctx, cancel := context.WithTimeout(s.baseCtx, s.cfg.TurnTimeout)
		defer cancel()
		s.turn(ctx, sess, msg, simple) // errors are published to the session
	}()
}

// resume moves c to the session named by the token and replays the events
// it missed. A token that is unknown, expired or of another audience or
// employee is refused; c keeps its current session then.
func (s *Server) resume(c *conn, cur *session, in resumeMsg) {
	target, ok := s.hub.lookup(in.Session, c.audience, c.userID)
	if !ok {
		c.sendError(errSessionExpired)
		return
	}
	last := in.LastSeq
	// A full conversation's session leads to the one that followed it.
	for hops := 0; hops < 8; hops++ {
		next := target.nextToken()
		if next == "" {
			break
		}
		if target, ok = s.hub.lookup(next, c.audience, c.userID); !ok {
			c.sendError(errSessionExpired)
			return
		}
		last = 0
	}
	now := s.cfg.Now()
	if target != cur {
		cur.detach(c, now)
		s.hub.discardUnused(cur)
		c.setSession(target)
	} else {
		cur.detach(c, now)
	}
	resumed, _ := json.Marshal(&event{Type: "resumed", Session: target.token, Text: s.cfg.Disclosure(c.lang), LastSeq: &last})
	target.attach(c, last, resumed, now)
}

func (s *Server) handleFeedback(ctx context.Context, c *conn, sess *session, in feedbackMsg) {
	rec, ok := sess.answer(in.AnswerID)
	if !ok {
		c.sendError(errUnknownAnswer)
		return
	}
	f := Feedback{
		ConversationID: sess.convID,
		AnswerID:       rec.id,
		Audience:       sess.audience,
		Rating:         in.Rating,
		Comment:        in.Comment,
		Question:       rec.question,
		Answer:         rec.text,
		Intent:         rec.intent,
		Sources:        rec.sources,
		At:             s.cfg.Now(),
	}
	if s.cfg.Feedback != nil {
		if err := s.cfg.Feedback.Record(ctx, f); err != nil {
			s.log.ErrorContext(ctx, "web: recording feedback", "conversation", f.ConversationID, "err", err)
		}
	} else {
		s.log.InfoContext(ctx, "web: feedback", "conversation", f.ConversationID, "answer", f.AnswerID, "rating", f.Rating)
	}
	sess.publish(&event{Type: "notice", Text: "Danke für Ihre Rückmeldung.", AnswerID: rec.id}, s.hub.ringSize, s.cfg.Now())
}

// preferredLang returns the primary language of the first entry of an
// Accept-Language header ("de-DE,de;q=0.9" → "de"), or "".
func preferredLang(header string) string {
	first, _, _ := strings.Cut(header, ",")
	first, _, _ = strings.Cut(first, ";")
	first, _, _ = strings.Cut(strings.TrimSpace(first), "-")
	if !langTag.MatchString(first) {
		return ""
	}
	return strings.ToLower(first)
}
