// SPDX-License-Identifier: EUPL-1.2

package phone

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/channels/phone/callsim"
)

// LoadOptions configure LoadTest.
type LoadOptions struct {
	// Gateway is callsim.Twilio (default) or callsim.Jambonz.
	Gateway string
	// Calls is the number of concurrent calls; default 50.
	Calls int
	// Questions are asked by every call; default callsim.DefaultBenchQuestions.
	Questions []string
	// Transferer receives transfers; nil means none.
	Transferer Transferer
	// Logger; nil means no logging.
	Logger *slog.Logger
}

// LoadTest measures the webhook response times of the phone channel with
// asker (e.g. the real *assistant.Assistant) under concurrent calls: it
// serves a phone Server on a loopback port with an in-memory transcript
// store and a random gateway secret, plays the calls with callsim.Bench
// and shuts everything down again. `lotse bench` uses it.
func LoadTest(ctx context.Context, asker Asker, o LoadOptions) (callsim.BenchResult, error) {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return callsim.BenchResult{}, fmt.Errorf("phone: load test: %w", err)
	}
	base := "http://" + ln.Addr().String()
	secret := randomSecret()
	srv, err := New(Config{
		Asker: asker, Store: assistant.NewMemoryStore(), Transferer: o.Transferer,
		PublicURL: base, TwilioAuthToken: secret, JambonzSecret: secret, Logger: o.Logger,
	})
	if err != nil {
		ln.Close()
		return callsim.BenchResult{}, err
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			o.Logger.Error("phone: load test server", "err", err)
		}
	}()
	res, berr := callsim.Bench(ctx, callsim.BenchOptions{
		Options:   callsim.Options{BaseURL: base, Gateway: o.Gateway, AuthToken: secret, Secret: secret},
		Calls:     o.Calls,
		Questions: o.Questions,
	})
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	err = errors.Join(hs.Shutdown(sctx), srv.Shutdown(sctx))
	if berr != nil {
		return res, fmt.Errorf("phone: load test: %w", berr)
	}
	if err != nil {
		return res, fmt.Errorf("phone: load test: %w", err)
	}
	return res, nil
}

func randomSecret() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
