// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/musterstadt/lotse/channels/desk"
)

// runUser manages service-desk accounts in the data dir's store:
// add, passwd, disable, enable, role and list. Passwords are read from
// stdin (one line), never from the command line.
func runUser(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	const usage = "usage: lotse user add NAME [--role agent|admin] | passwd NAME | disable NAME | enable NAME | role NAME agent|admin | list   (passwords are read from stdin)"
	if len(args) == 0 {
		return errors.New(usage)
	}
	action, rest := args[0], args[1:]
	var role string
	cfg, fs, err := parseConfig("user "+action, rest, getenv, stderr, func(fs *flag.FlagSet, c *Config) {
		fs.StringVar(&role, "role", desk.RoleAgent, "role of a new account: agent or admin")
	})
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	names := fs.Args()
	need := func(n int) error {
		if len(names) != n {
			return errors.New(usage)
		}
		return nil
	}
	const actor = "cli"
	switch action {
	case "list":
		users, err := st.ListUsers(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "NAME\tROLLE\tSTATUS")
		for _, u := range users {
			state := "aktiv"
			if u.Disabled {
				state = "gesperrt"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\n", u.Username, u.Role, state)
		}
		return tw.Flush()
	case "add", "passwd":
		if err := need(1); err != nil {
			return err
		}
		pw, err := readPassword(stdin, stdout)
		if err != nil {
			return err
		}
		if action == "add" {
			if _, err := desk.AddUser(ctx, st, actor, names[0], pw, role); err != nil {
				return fmt.Errorf("user add: %w", err)
			}
			fmt.Fprintf(stdout, "Konto %s (%s) angelegt.\n", names[0], role)
			return nil
		}
		if err := desk.SetPassword(ctx, st, actor, names[0], pw); err != nil {
			return fmt.Errorf("user passwd: %w", err)
		}
		fmt.Fprintf(stdout, "Passwort von %s geändert.\n", names[0])
		return nil
	case "disable", "enable":
		if err := need(1); err != nil {
			return err
		}
		if err := desk.DisableUser(ctx, st, actor, names[0], action == "disable"); err != nil {
			return fmt.Errorf("user %s: %w", action, err)
		}
		fmt.Fprintf(stdout, "Konto %s %s.\n", names[0], map[string]string{"disable": "gesperrt", "enable": "entsperrt"}[action])
		return nil
	case "role":
		if err := need(2); err != nil {
			return err
		}
		if err := desk.SetRole(ctx, st, actor, names[0], names[1]); err != nil {
			return fmt.Errorf("user role: %w", err)
		}
		fmt.Fprintf(stdout, "Rolle von %s ist jetzt %s.\n", names[0], names[1])
		return nil
	}
	return errors.New(usage)
}

// readPassword reads one line from r; on a terminal it prompts first.
func readPassword(r io.Reader, prompt io.Writer) (string, error) {
	if r == nil {
		return "", errors.New("no password on stdin")
	}
	if isTerminal(r) {
		fmt.Fprint(prompt, "Passwort (mindestens 12 Zeichen): ")
	}
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	pw := strings.TrimRight(line, "\r\n")
	if pw == "" {
		return "", errors.New("no password on stdin")
	}
	return pw, desk.CheckPassword(pw)
}

// runExportReviews writes the answers agents reviewed in the desk as eval
// cases (`lotse eval export-reviews --out reviews.yaml`).
func runExportReviews(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var out string
	cfg, _, err := parseConfig("eval export-reviews", args, getenv, stderr, func(fs *flag.FlagSet, c *Config) {
		fs.StringVar(&out, "out", "", "write the cases to this file instead of stdout")
	})
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	w := stdout
	if out != "" {
		f, err := os.Create(out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	return desk.ExportReviews(ctx, st, w)
}
