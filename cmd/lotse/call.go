// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/musterstadt/lotse/channels/phone/callsim"
)

// simulator holds the credentials of the phone simulator mode, shared by
// `serve` and `call` through the data dir.
type simulator struct {
	Secret    string `json:"secret"`
	PublicURL string `json:"public_url"`
}

const simulatorFile = "phone-simulator.json"

// simulatorCredentials reads the simulator secret from dataDir or creates
// it, and records publicURL as the URL the server signs against.
func simulatorCredentials(dataDir, publicURL string) (simulator, error) {
	path := filepath.Join(dataDir, simulatorFile)
	var sim simulator
	b, err := os.ReadFile(path)
	switch {
	case err == nil:
		if err := json.Unmarshal(b, &sim); err != nil || sim.Secret == "" {
			return simulator{}, fmt.Errorf("phone simulator: %s is damaged; delete it to create a new one", path)
		}
	case errors.Is(err, fs.ErrNotExist):
		var raw [24]byte
		if _, err := rand.Read(raw[:]); err != nil {
			return simulator{}, err
		}
		sim.Secret = hex.EncodeToString(raw[:])
	default:
		return simulator{}, fmt.Errorf("phone simulator: %w", err)
	}
	sim.PublicURL = publicURL
	b, err = json.Marshal(sim)
	if err != nil {
		return simulator{}, err
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		return simulator{}, fmt.Errorf("phone simulator: %w", err)
	}
	return sim, nil
}

// runCall simulates a phone call against a running server's voice webhooks,
// exactly as a gateway would. With no gateway configured it uses the
// simulator credentials the server left in the data dir.
func runCall(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	var o callsim.Options
	cfg, _, err := parseConfig("call", args, getenv, stderr, func(fs *flag.FlagSet, c *Config) {
		fs.StringVar(&o.BaseURL, "url", "", "base URL of the running server (default: the simulator's, else http://localhost:8080)")
		fs.StringVar(&o.Gateway, "gateway", "twilio", "gateway to play: twilio or jambonz")
		fs.StringVar(&o.From, "from", "", "caller number (default +4930123456789)")
		fs.BoolVar(&o.Speak, "speak", false, "read the prompts aloud with espeak-ng")
	})
	if err != nil {
		return err
	}
	call, err := callOptions(cfg, o.BaseURL, o.Gateway)
	if err != nil {
		return fmt.Errorf("call: %w", err)
	}
	call.From, call.Speak = o.From, o.Speak
	o = call
	o.Echo = !isTerminal(stdin)
	fmt.Fprintln(stdout, "Simulierter Anruf. Tippen Sie, was Sie sagen; #0 drückt die 0; eine leere Zeile ist Stille; Strg-D legt auf.")
	return callsim.Run(ctx, o, stdin, stdout)
}

// isTerminal reports whether r is an interactive terminal; piped input is
// echoed so that a scripted call reads like a transcript.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// callOptions fills the gateway credentials of a simulated call: the
// configured secret, or the simulator credentials `serve` left in the data
// dir.
func callOptions(cfg Config, baseURL, gateway string) (callsim.Options, error) {
	o := callsim.Options{BaseURL: baseURL, Gateway: gateway, AuthToken: cfg.TwilioAuthToken, Secret: cfg.JambonzSecret, PublicURL: cfg.PublicURL}
	if o.AuthToken == "" && o.Secret == "" {
		b, err := os.ReadFile(filepath.Join(cfg.DataDir, simulatorFile))
		if err != nil {
			return o, fmt.Errorf("no gateway secret configured and no simulator credentials in %s (start `lotse serve` with the same --data first): %w", cfg.DataDir, err)
		}
		var sim simulator
		if err := json.Unmarshal(b, &sim); err != nil {
			return o, fmt.Errorf("%s: %w", simulatorFile, err)
		}
		if o.Gateway != "" && o.Gateway != "twilio" {
			return o, errors.New("the simulator mode speaks the Twilio protocol; configure LOTSE_JAMBONZ_SECRET for jambonz")
		}
		o.AuthToken, o.PublicURL = sim.Secret, sim.PublicURL
		if o.BaseURL == "" {
			o.BaseURL = sim.PublicURL
		}
	}
	if o.BaseURL == "" {
		o.BaseURL = "http://localhost:8080"
	}
	return o, nil
}
