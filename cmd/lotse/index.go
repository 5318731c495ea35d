// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"context"
	"io"
)

// runIndex loads and indexes the knowledge roots and prints the report:
// files per format, chunks, skipped files with reasons and duration.
func runIndex(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, _, err := parseConfig("index", args, getenv, stderr, nil)
	if err != nil {
		return err
	}
	log := newLogger(stderr, cfg.LogLevel)
	kb, err := openKnowledge(ctx, cfg, log, knowledgeOptions{persist: true})
	if err != nil {
		return err
	}
	defer kb.Close()
	return kb.Report().WriteTable(stdout)
}
