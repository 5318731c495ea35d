// SPDX-License-Identifier: EUPL-1.2

package openai

import (
	"context"
	"encoding/json"
	"hash/fnv"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/musterstadt/lotse/knowledge"
)

// fakeServer speaks the OpenAI /v1/embeddings wire format. Vectors are
// derived from the input text so that different texts differ.
type fakeServer struct {
	*httptest.Server
	requests atomic.Int64
	fail     atomic.Bool
}

func newFakeServer(t *testing.T) *fakeServer {
	t.Helper()
	fs := &fakeServer{}
	fs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fs.requests.Add(1)
		if r.Method != http.MethodPost || r.URL.Path != "/v1/embeddings" {
			t.Errorf("unexpected request %s %s", r.Method, r.URL.Path)
			http.NotFound(w, r)
			return
		}
		if got := r.Header.Get("Authorization"); got != "Bearer geheim" {
			t.Errorf("Authorization = %q", got)
		}
		var req struct {
			Input []string `json:"input"`
			Model string   `json:"model"`
		}
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			t.Errorf("decoding request: %v", err)
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		if req.Model != "test-embed" {
			t.Errorf("model = %q", req.Model)
		}
		if fs.fail.Load() {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusServiceUnavailable)
			w.Write([]byte(`{"error":{"message":"overloaded","type":"server_error","param":null,"code":null}}`))
			return
		}
		type item struct {
			Object    string    `json:"object"`
			Index     int       `json:"index"`
			Embedding []float32 `json:"embedding"`
		}
		resp := struct {
			Object string `json:"object"`
			Data   []item `json:"data"`
			Model  string `json:"model"`
			Usage  struct {
				PromptTokens int `json:"prompt_tokens"`
				TotalTokens  int `json:"total_tokens"`
			} `json:"usage"`
		}{Object: "list", Model: req.Model}
		for i, in := range req.Input {
			resp.Data = append(resp.Data, item{Object: "embedding", Index: i, Embedding: fakeVector(in)})
			resp.Usage.PromptTokens += len(strings.Fields(in))
		}
		resp.Usage.TotalTokens = resp.Usage.PromptTokens
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(resp)
	}))
	t.Cleanup(fs.Close)
	return fs
}

// fakeVector is a bag of hashed words, enough for retrieval tests.
func fakeVector(text string) []float32 {
	v := make([]float32, 32)
	for _, w := range strings.Fields(strings.ToLower(text)) {
		h := fnv.New32a()
		h.Write([]byte(strings.Trim(w, ".,:;?!")))
		v[h.Sum32()%32]++
	}
	v[0] += 0.01
	return v
}

func mustNew(t *testing.T, cfg Config) *Embedder {
	t.Helper()
	e, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

func TestNewValidates(t *testing.T) {
	for _, cfg := range []Config{{Model: "m"}, {BaseURL: "http://x/v1"}} {
		if _, err := New(cfg); err == nil {
			t.Errorf("New(%+v) succeeded", cfg)
		}
	}
}

func TestEmbedAndCache(t *testing.T) {
	srv := newFakeServer(t)
	dir := t.TempDir()
	cfg := Config{BaseURL: srv.URL + "/v1", Model: "test-embed", APIKey: "geheim", CacheDir: dir}
	e := mustNew(t, cfg)
	ctx := context.Background()

	v, err := e.Embed(ctx, "Reisepass beantragen")
	if err != nil {
		t.Fatal(err)
	}
	want := fakeVector("Reisepass beantragen")
	if len(v) != len(want) || v[0] != want[0] {
		t.Errorf("vector = %v, want %v", v, want)
	}
	if _, err := e.Embed(ctx, "Reisepass beantragen"); err != nil {
		t.Fatal(err)
	}
	if n := srv.requests.Load(); n != 1 {
		t.Errorf("%d requests for one text embedded twice, want 1", n)
	}
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}

	// A new embedder over the same cache dir needs no request.
	e2 := mustNew(t, cfg)
	if _, err := e2.Embed(ctx, "Reisepass beantragen"); err != nil {
		t.Fatal(err)
	}
	if n := srv.requests.Load(); n != 1 {
		t.Errorf("persisted cache not used: %d requests", n)
	}
	// Another model does not share the cache.
	other := mustNew(t, Config{BaseURL: srv.URL + "/v1", Model: "test-embed", APIKey: "geheim", CacheDir: dir, Dimensions: 16})
	if _, err := other.Embed(ctx, "Reisepass beantragen"); err != nil {
		t.Fatal(err)
	}
	if n := srv.requests.Load(); n != 2 {
		t.Errorf("different dimensions shared a cache entry: %d requests", n)
	}
}

func TestEmbedErrorsAreNotCached(t *testing.T) {
	srv := newFakeServer(t)
	e := mustNew(t, Config{BaseURL: srv.URL + "/v1", Model: "test-embed", APIKey: "geheim"})
	srv.fail.Store(true)
	_, err := e.Embed(context.Background(), "Hundesteuer")
	if err == nil || !strings.Contains(err.Error(), "openai: embedding with test-embed") {
		t.Fatalf("err = %v, want a wrapped API error", err)
	}
	srv.fail.Store(false)
	if _, err := e.Embed(context.Background(), "Hundesteuer"); err != nil {
		t.Errorf("after recovery: %v", err)
	}
	if e.Cached() != 1 {
		t.Errorf("cache holds %d vectors, want 1", e.Cached())
	}
}

func TestCorruptCacheLineIsIgnored(t *testing.T) {
	srv := newFakeServer(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "embeddings-test-embed.jsonl"), []byte("{\"k\":\"abc\",\"v\":[1,2]}\n{\"k\":\"halb"), 0o644); err != nil {
		t.Fatal(err)
	}
	e := mustNew(t, Config{BaseURL: srv.URL + "/v1", Model: "test-embed", APIKey: "geheim", CacheDir: dir})
	if e.Cached() != 1 {
		t.Errorf("Cached = %d, want 1", e.Cached())
	}
}

// TestKnowledgeReindexIsFree opens a knowledge base with this embedder,
// then reopens it without a data dir: every chunk comes from the cache.
func TestKnowledgeReindexIsFree(t *testing.T) {
	srv := newFakeServer(t)
	dir := t.TempDir()
	e := mustNew(t, Config{BaseURL: srv.URL + "/v1", Model: "test-embed", APIKey: "geheim", CacheDir: filepath.Join(dir, "embeddings")})
	root := knowledge.Root{Name: "stadt", FS: os.DirFS(filepath.Join("..", "testdata", "stadt"))}
	ctx := context.Background()
	b, err := knowledge.Open(ctx, knowledge.Config{Roots: []knowledge.Root{root}, Embed: e.Func(), Mode: knowledge.ModeDense})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	first := srv.requests.Load()
	if first < int64(b.Report().Chunks) {
		t.Errorf("%d requests for %d chunks", first, b.Report().Chunks)
	}
	ps, err := b.Search(ctx, knowledge.Query{Text: "Reisepass beantragen Bürgerbüro"})
	if err != nil || len(ps) == 0 {
		t.Fatalf("Search = %v, %v", ps, err)
	}
	if err := b.Reindex(ctx); err != nil {
		t.Fatal(err)
	}
	b2, err := knowledge.Open(ctx, knowledge.Config{Roots: []knowledge.Root{root}, Embed: e.Func()})
	if err != nil {
		t.Fatal(err)
	}
	defer b2.Close()
	// One request more: the query embedded by Search above.
	if n := srv.requests.Load(); n != first+1 {
		t.Errorf("rebuilding unchanged text made %d requests", n-first-1)
	}
}
