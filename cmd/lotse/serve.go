// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/musterstadt/lotse/channels/web"
	"github.com/musterstadt/lotse/knowledge"
)

// runServe starts the server and blocks until ctx is cancelled (SIGINT or
// SIGTERM), then drains in-flight requests and stops.
func runServe(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, _, err := parseConfig("serve", args, getenv, stderr, func(fs *flag.FlagSet, c *Config) {
		fs.StringVar(&c.Addr, "addr", c.Addr, "listen address (env LOTSE_ADDR)")
		fs.StringVar(&c.DebugAddr, "debug-addr", c.DebugAddr, "loopback address serving pprof and expvar, off when empty (env LOTSE_DEBUG_ADDR)")
		fs.BoolVar(&c.Watch, "watch", c.Watch, "reindex changed knowledge files (env LOTSE_WATCH)")
	})
	if err != nil {
		return err
	}
	log := newLogger(stderr, cfg.LogLevel)
	srv, err := startServer(ctx, cfg, log)
	if err != nil {
		if ctx.Err() != nil {
			// SIGTERM or SIGINT during the start (typically while the
			// index is built): a stop, not a failure.
			log.Info("stopped during start-up", "reason", err.Error())
			return nil
		}
		return err
	}
	fmt.Fprintf(stdout, "Lotse hört auf %s (Daten: %s)\n", srv.URL(), cfg.DataDir)
	select {
	case <-ctx.Done():
	case err := <-srv.failed:
		_ = srv.Shutdown(context.Background())
		return err
	}
	sctx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownGracePeriod)
	defer cancel()
	return srv.Shutdown(sctx)
}

// server is a running Lotse. Tests start it on 127.0.0.1:0 and use URL.
type server struct {
	ln      net.Listener
	http    *http.Server
	debug   *debugServer // nil unless cfg.DebugAddr is set
	app     *app
	log     *slog.Logger
	ready   atomic.Bool
	failed  chan error
	stopped atomic.Bool
	dbDown  atomic.Bool        // the last readiness check found the database unreachable
	lock    *knowledge.DirLock // of the data directory, held until Shutdown
}

// readyzDBTimeout bounds the database check of /readyz.
const readyzDBTimeout = 2 * time.Second

// checkDatabase pings the store for /readyz and logs when the database
// becomes unreachable and when it is back (not at every probe).
func (s *server) checkDatabase(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, readyzDBTimeout)
	defer cancel()
	err := s.app.store.Ping(ctx)
	switch {
	case err != nil && !s.dbDown.Swap(true):
		s.log.Error("database unreachable; /readyz answers 503 until it is back", "backend", s.app.store.Backend(), "err", err)
	case err == nil && s.dbDown.Swap(false):
		s.log.Info("database reachable again", "backend", s.app.store.Backend())
	}
	return err
}

// startServer builds the application, binds cfg.Addr and serves in the
// background. It returns when the server accepts connections.
func startServer(ctx context.Context, cfg Config, log *slog.Logger) (*server, error) {
	if err := os.MkdirAll(cfg.DataDir, 0o750); err != nil {
		return nil, fmt.Errorf("data dir: %w", err)
	}
	if abs, err := filepath.Abs(cfg.DataDir); err == nil {
		cfg.DataDir = abs
	}
	// One server per data directory: its SQLite file, index and caches
	// are this instance's own. A second server on the same directory
	// fails within seconds, naming the process that holds it.
	lock, err := knowledge.LockDir(ctx, cfg.DataDir)
	if err != nil {
		return nil, fmt.Errorf("data dir: %w", err)
	}
	s := &server{log: log, failed: make(chan error, 1), lock: lock}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		lock.Unlock()
		return nil, fmt.Errorf("listen %s: %w", cfg.Addr, err)
	}
	s.ln = ln
	// The debug listener starts first, so that building the index (the
	// heaviest part of a start) can be profiled too.
	if cfg.DebugAddr != "" {
		if s.debug, err = startDebug(cfg.DebugAddr, log, s.failed); err != nil {
			ln.Close()
			lock.Unlock()
			return nil, err
		}
	}
	a, err := buildApp(ctx, cfg, log, localURL(ln.Addr()))
	if err != nil {
		ln.Close()
		if s.debug != nil {
			s.debug.http.Close()
		}
		lock.Unlock()
		return nil, err
	}
	s.app = a

	r := chi.NewRouter()
	r.Use(middleware.RequestID, requestLogger(log), a.metrics.middleware, recoverJSON(log), web.SecurityHeaders(cfg.FrameAncestors))
	r.Get("/healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	r.Get("/readyz", func(w http.ResponseWriter, r *http.Request) {
		if !s.ready.Load() {
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "starting"})
			return
		}
		// The database answers within a short time, or the instance is
		// not ready: a load balancer sends chats elsewhere until the
		// connection pool has reconnected by itself. The details (host,
		// error) go to the log, not to the probe's client.
		if err := s.checkDatabase(r.Context()); err != nil {
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable",
				"database": a.store.Backend(), "reason": "database unreachable"})
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"status": "ready", "database": a.store.Backend()})
	})
	r.Method(http.MethodGet, "/metrics", a.metrics.Handler())
	a.routes(r)

	s.http = &http.Server{
		Handler:           r,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	go func() {
		if err := s.http.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.failed <- err
		}
	}()
	a.start()
	s.ready.Store(true)
	log.Info("serving", "addr", ln.Addr().String(), "llm", cfg.LLM.Enabled(), "jira", cfg.Jira.Enabled())
	return s, nil
}

// URL is the base URL of the server.
func (s *server) URL() string { return localURL(s.ln.Addr()) }

// localURL is the URL a client on this machine uses for a listener: an
// unspecified host (":8080") becomes localhost.
func localURL(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return "http://" + addr.String()
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port)
}

// Shutdown stops accepting, drains in-flight requests, chats and calls, stops
// the workers and closes the store, in that order. It is idempotent.
func (s *server) Shutdown(ctx context.Context) error {
	if s.stopped.Swap(true) {
		return nil
	}
	s.ready.Store(false)
	errs := []error{s.http.Shutdown(ctx)}
	if s.debug != nil {
		errs = append(errs, s.debug.http.Shutdown(ctx))
	}
	errs = append(errs, s.app.shutdown(ctx))
	errs = append(errs, s.lock.Unlock())
	return errors.Join(errs...)
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

// recoverJSON turns a panic into a logged 500 with a citizen-safe message.
func recoverJSON(log *slog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			defer func() {
				if v := recover(); v != nil {
					if v == http.ErrAbortHandler {
						panic(v)
					}
					log.Error("panic", "path", r.URL.Path, "panic", fmt.Sprint(v), "request_id", middleware.GetReqID(r.Context()))
					writeJSON(w, http.StatusInternalServerError, map[string]any{"error": map[string]string{
						"code": "internal", "message": "Es ist ein interner Fehler aufgetreten. Bitte versuchen Sie es später erneut.",
					}})
				}
			}()
			next.ServeHTTP(w, r)
		})
	}
}

// requestLogger logs one line per request with its ID; query strings are
// left out because they may carry personal data.
func requestLogger(log *slog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			rec := &statusRecorder{ResponseWriter: w, code: http.StatusOK}
			next.ServeHTTP(rec, r)
			// The arguments are not even built unless debug logging is on.
			if log.Enabled(r.Context(), slog.LevelDebug) {
				log.Debug("request", "method", r.Method, "path", r.URL.Path, "status", rec.code,
					"ms", time.Since(start).Milliseconds(), "request_id", middleware.GetReqID(r.Context()))
			}
		})
	}
}
