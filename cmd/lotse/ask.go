// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
)

// runAsk answers one question without a server, from the same engine.
func runAsk(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var audience, lang string
	var offline bool
	cfg, fs, err := parseConfig("ask", args, getenv, stderr, func(fs *flag.FlagSet, c *Config) {
		fs.StringVar(&audience, "audience", "citizen", "who asks: citizen or employee")
		fs.StringVar(&lang, "lang", "", "language of the question (default: detected)")
		fs.BoolVar(&offline, "offline", false, "ignore a configured LLM")
	})
	if err != nil {
		return err
	}
	question := strings.TrimSpace(strings.Join(fs.Args(), " "))
	if question == "" {
		return errors.New(`ask: missing question, e.g. lotse ask "Was kostet ein Reisepass?"`)
	}
	aud, ok := knowledge.ParseAudience(audience)
	if !ok || aud == knowledge.All {
		return fmt.Errorf("ask: audience %q: want citizen or employee", audience)
	}
	log := newLogger(stderr, cfg.LogLevel)
	kb, err := openKnowledge(ctx, cfg, log, knowledgeOptions{})
	if err != nil {
		return err
	}
	defer kb.Close()
	a, err := newAssistant(cfg, log, kb.Base, assistantOptions{offline: offline})
	if err != nil {
		return err
	}
	conv := &assistant.Conversation{ID: "ask", Audience: aud, Channel: "cli", CreatedAt: time.Now()}
	if aud == knowledge.Employee {
		conv.UserID = "cli"
	}
	ans, err := a.Ask(ctx, conv, assistant.Message{Text: question, Lang: lang})
	if err != nil {
		return fmt.Errorf("ask: %w", err)
	}
	printAnswer(stdout, ans)
	return nil
}

func printAnswer(w io.Writer, ans assistant.Answer) {
	fmt.Fprintln(w, ans.Text)
	if len(ans.Sources) > 0 {
		fmt.Fprintln(w, "\nQuellen:")
		for i, s := range ans.Sources {
			fmt.Fprintf(w, "  [%d] %s (%s)", i+1, s.Title, s.ID)
			if s.URL != "" {
				fmt.Fprintf(w, " %s", s.URL)
			}
			fmt.Fprintln(w)
		}
	}
	fmt.Fprintf(w, "\nIntent: %s · Modus: %s · Konfidenz: %.2f", ans.Intent, ans.Mode, ans.Confidence)
	if ans.HandoffOffered {
		fmt.Fprint(w, " · Übergabe an einen Menschen angeboten")
	}
	fmt.Fprintln(w)
}
