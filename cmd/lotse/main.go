// SPDX-License-Identifier: EUPL-1.2

// Command lotse is the conversational assistant and helpdesk of a city
// administration: `lotse serve` runs the web chat, phone webhooks and the
// service-desk console; the other subcommands ask one question, build the
// index, run evals, simulate a phone call and manage users and privacy
// requests.
//
// This package reads flags and LOTSE_* environment variables and wires the
// packages together explicitly; nothing below it reads the environment.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := stopOnSignal()
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		var ex exitError
		if errors.As(err, &ex) {
			if ex.err != nil {
				fmt.Fprintln(os.Stderr, "lotse:", ex.err)
			}
			os.Exit(ex.code)
		}
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "lotse:", err)
		}
		os.Exit(2)
	}
}

// stopOnSignal returns a context that SIGINT or SIGTERM cancels: every
// command stops its work through it, a server after draining its
// requests. A second signal ends the process at once, whatever it is
// doing. stop restores the default handling.
func stopOnSignal() (context.Context, func()) {
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-sigs:
			cancel()
		case <-done:
			return
		}
		select {
		case sig := <-sigs:
			fmt.Fprintf(os.Stderr, "lotse: second %v, stopping now\n", sig)
			os.Exit(1)
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		close(done)
		cancel()
	}
}

// exitError carries an exit status other than 2 out of run.
type exitError struct {
	code int
	err  error
}

func (e exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

const usage = `usage: lotse <command> [flags]

commands:
  serve     run the web chat, phone webhooks and service-desk console
  ask       answer one question from the knowledge base and print the sources
  index     load the knowledge roots and print what was indexed and skipped
  eval      run eval cases and report answer quality ("eval verifier":
            measure the check of LLM answers; "eval export-reviews")
  call      simulate a phone call against a running server
  user      manage service-desk accounts (add, passwd, disable, list)
  privacy   export or erase a person's data (DSGVO Art. 15/17)
  bench     load-test a running server

Run "lotse <command> -h" for the flags of a command. Every flag has a
LOTSE_* environment variable; see README.md.
`

// run is the whole program; main only adds signals and the exit status.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errors.New("missing command")
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "serve":
		return runServe(ctx, rest, getenv, stdout, stderr)
	case "ask":
		return runAsk(ctx, rest, getenv, stdout, stderr)
	case "index":
		return runIndex(ctx, rest, getenv, stdout, stderr)
	case "eval":
		return runEval(ctx, rest, getenv, stdout, stderr)
	case "call":
		return runCall(ctx, rest, getenv, stdin, stdout, stderr)
	case "user":
		return runUser(ctx, rest, getenv, stdin, stdout, stderr)
	case "privacy":
		return runPrivacy(ctx, rest, getenv, stdout, stderr)
	case "bench":
		return runBench(ctx, rest, getenv, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", cmd)
}

func newLogger(w io.Writer, level string) *slog.Logger {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		l = slog.LevelInfo
	}
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: l}))
}
