package loadtest

import (
	"context"
	"encoding/json"
	"iter"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/channels/web"
)

// slowChatter answers every message after a short pause.
type slowChatter struct{}

func (slowChatter) Turn(ctx context.Context, conv *assistant.Conversation, msg assistant.Message) iter.Seq2[assistant.Chunk, error] {
	return func(yield func(assistant.Chunk, error) bool) {
		select {
		case <-time.After(5 * time.Millisecond):
		case <-ctx.Done():
			yield(assistant.Chunk{}, ctx.Err())
			return
		}
		if !yield(assistant.Chunk{Kind: assistant.ChunkToken, Text: "Antwort"}, nil) {
			return
		}
		yield(assistant.Chunk{Kind: assistant.ChunkAnswer, Answer: &assistant.Answer{Text: "Antwort auf: " + msg.Text}}, nil)
	}
}

type memStore struct {
	mu sync.Mutex
	m  map[string][]byte
}

func (s *memStore) Load(_ context.Context, id string) (*assistant.Conversation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.m[id]
	if !ok {
		return nil, assistant.ErrNotFound
	}
	var c assistant.Conversation
	return &c, json.Unmarshal(b, &c)
}

func (s *memStore) Save(_ context.Context, c *assistant.Conversation) error {
	b, err := json.Marshal(c)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[c.ID] = b
	return err
}

func TestRunSmall(t *testing.T) {
	srv, err := web.New(web.Config{Chat: slowChatter{}, Store: &memStore{m: map[string][]byte{}}})
	if err != nil {
		t.Fatal(err)
	}
	r := chi.NewRouter()
	srv.Routes(r)
	hs := httptest.NewServer(r)
	defer hs.Close()
	defer srv.Shutdown(context.Background())

	start := time.Now()
	res, err := Run(context.Background(), Options{URL: hs.URL + "/ws", Connected: 20, Active: 5, Duration: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	t.Logf("20 connected, 5 active, 2 s: %d answers, %d errors, p50 %v, p95 %v, p99 %v", res.Answers, res.Errors, res.P50, res.P95, res.P99)
	if res.Connected != 20 || res.Errors != 0 || res.Answers < 50 {
		t.Errorf("result %+v", res)
	}
	if !(res.P50 > 0 && res.P50 <= res.P95 && res.P95 <= res.P99 && res.P99 < time.Second) {
		t.Errorf("percentiles %v %v %v", res.P50, res.P95, res.P99)
	}
	if took > 4*time.Second {
		t.Errorf("run took %v, want about 2 s", took)
	}
}

func TestRunRefusesBadOptions(t *testing.T) {
	tests := []struct {
		name string
		o    Options
		want string
	}{
		{"private address", Options{URL: "ws://10.0.0.1/ws", Connected: 1, Duration: time.Second}, "loopback"},
		{"public host", Options{URL: "https://lotse.musterstadt.example/ws", Connected: 1, Duration: time.Second}, "loopback"},
		{"bad scheme", Options{URL: "ftp://127.0.0.1/ws", Connected: 1, Duration: time.Second}, "scheme"},
		{"too many", Options{URL: "ws://127.0.0.1/ws", Connected: MaxConnected + 1, Duration: time.Second}, "Connected"},
		{"no sessions", Options{URL: "ws://127.0.0.1/ws", Duration: time.Second}, "Connected"},
		{"active > connected", Options{URL: "ws://127.0.0.1/ws", Connected: 2, Active: 3, Duration: time.Second}, "Active"},
		{"too long", Options{URL: "ws://127.0.0.1/ws", Connected: 1, Duration: time.Hour}, "Duration"},
		{"no duration", Options{URL: "ws://127.0.0.1/ws", Connected: 1}, "Duration"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Run(context.Background(), tt.o)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err %v, want mention of %q", err, tt.want)
			}
		})
	}
	for _, host := range []string{"127.0.0.1", "127.8.9.10", "::1", "localhost", "::ffff:127.0.0.1"} {
		if !isLoopback(host) {
			t.Errorf("%s not loopback", host)
		}
	}
}

func TestRunCountsRefusedConnections(t *testing.T) {
	// A listener that was closed: every handshake fails.
	hs := httptest.NewServer(nil)
	url := hs.URL
	hs.Close()
	res, err := Run(context.Background(), Options{URL: url + "/ws", Connected: 3, Active: 1, Duration: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if res.Errors != 3 || res.Connected != 0 || res.Answers != 0 {
		t.Errorf("result %+v", res)
	}
}

func TestPercentile(t *testing.T) {
	var d []time.Duration
	for i := 1; i <= 100; i++ {
		d = append(d, time.Duration(i)*time.Millisecond)
	}
	if percentile(d, 50) != 50*time.Millisecond || percentile(d, 95) != 95*time.Millisecond || percentile(d, 99) != 99*time.Millisecond {
		t.Errorf("percentiles %v %v %v", percentile(d, 50), percentile(d, 95), percentile(d, 99))
	}
	if percentile(nil, 50) != 0 || percentile(d[:1], 99) != time.Millisecond {
		t.Error("edge cases")
	}
}
