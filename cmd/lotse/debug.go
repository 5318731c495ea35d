// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"errors"
	"expvar"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"time"
)

// debugServer serves net/http/pprof and expvar on a listener of its own,
// bound to a loopback address (Config.Validate rejects anything else), so
// that the server can be profiled under load without exposing profiles,
// command line or memory statistics on the public port.
type debugServer struct {
	ln   net.Listener
	http *http.Server
}

// debugMux routes the profiling endpoints. It is a mux of its own:
// net/http/pprof and expvar also register on http.DefaultServeMux, which
// Lotse never serves.
func debugMux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	mux.Handle("/debug/vars", expvar.Handler())
	return mux
}

// startDebug binds addr and serves the debug endpoints in the background;
// a serving error is sent to failed.
func startDebug(addr string, log *slog.Logger, failed chan<- error) (*debugServer, error) {
	if err := checkLoopback(addr); err != nil {
		return nil, fmt.Errorf("debug addr %q: %w", addr, err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("debug listen %s: %w", addr, err)
	}
	d := &debugServer{ln: ln, http: &http.Server{
		Handler:           debugMux(),
		ReadHeaderTimeout: 10 * time.Second,
		// No WriteTimeout: CPU profiles and traces stream for as many
		// seconds as asked (?seconds=30).
		IdleTimeout:    120 * time.Second,
		MaxHeaderBytes: 64 << 10,
		ErrorLog:       slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}}
	go func() {
		if err := d.http.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			select {
			case failed <- fmt.Errorf("debug listener: %w", err):
			default:
			}
		}
	}()
	log.Info("debug listener (pprof, expvar)", "addr", ln.Addr().String())
	return d, nil
}

// URL is the base URL of the debug listener.
func (d *debugServer) URL() string { return localURL(d.ln.Addr()) }
