// SPDX-License-Identifier: EUPL-1.2

// Package openai embeds text with any server that speaks the OpenAI
// embeddings API (/v1/embeddings): OpenAI itself, Azure-compatible gateways,
// Ollama, LocalAI, vLLM and the like.
//
// It caches every vector by a hash of model and text, in memory and, when a
// cache directory is set, in an append-only file there, so that reindexing
// unchanged text costs no request. It is the only part of package knowledge
// that imports go-openai; it is not a chat client.
package openai

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/musterstadt/lotse/knowledge"
)

// Config configures an Embedder.
type Config struct {
	// BaseURL of the API including the version, e.g.
	// "https://api.openai.com/v1" or "http://localhost:11434/v1". Required.
	BaseURL string
	// Model is the embedding model, e.g. "text-embedding-3-small". Required.
	Model string
	// APIKey is sent as bearer token; may be empty for local servers.
	APIKey string
	// Dimensions asks models that support it for shorter vectors; 0 keeps
	// the model's default.
	Dimensions int
	// CacheDir, when set, holds the persistent embeddings cache (usually a
	// folder below the data directory). "" caches in memory only.
	CacheDir string
	// HTTPClient is used for requests; nil means http.DefaultClient. Set no
	// client timeout: the caller's context bounds each request.
	HTTPClient *http.Client
}

// Embedder embeds text through an OpenAI-compatible API. It is safe for
// concurrent use.
type Embedder struct {
	client *goopenai.Client
	cfg    Config

	mu    sync.Mutex
	cache map[string][]float32
	file  *os.File // append-only cache file, nil without CacheDir
}

// cacheLine is one line of the cache file.
type cacheLine struct {
	Key    string    `json:"k"`
	Vector []float32 `json:"v"`
}

// New validates cfg, loads the persistent cache if there is one and
// returns an Embedder. It makes no request.
func New(cfg Config) (*Embedder, error) {
	if cfg.BaseURL == "" {
		return nil, errors.New("openai: base URL required")
	}
	if cfg.Model == "" {
		return nil, errors.New("openai: embedding model required")
	}
	oc := goopenai.DefaultConfig(cfg.APIKey)
	oc.BaseURL = strings.TrimSuffix(cfg.BaseURL, "/")
	if cfg.HTTPClient != nil {
		oc.HTTPClient = cfg.HTTPClient
	}
	e := &Embedder{client: goopenai.NewClientWithConfig(oc), cfg: cfg, cache: map[string][]float32{}}
	if cfg.CacheDir != "" {
		if err := e.openCache(); err != nil {
			return nil, err
		}
	}
	return e, nil
}

var unsafeChars = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// openCache reads the cache file for this model and opens it for appending.
// A line that cannot be decoded (a write cut short by a crash) is ignored.
func (e *Embedder) openCache() error {
	if err := os.MkdirAll(e.cfg.CacheDir, 0o755); err != nil {
		return fmt.Errorf("openai: creating cache dir: %w", err)
	}
	name := filepath.Join(e.cfg.CacheDir, "embeddings-"+unsafeChars.ReplaceAllString(e.cfg.Model, "_")+".jsonl")
	f, err := os.OpenFile(name, os.O_CREATE|os.O_RDWR|os.O_APPEND, 0o644)
	if err != nil {
		return fmt.Errorf("openai: opening embeddings cache: %w", err)
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() {
		var l cacheLine
		if json.Unmarshal(sc.Bytes(), &l) == nil && l.Key != "" && len(l.Vector) > 0 {
			e.cache[l.Key] = l.Vector
		}
	}
	if err := sc.Err(); err != nil {
		f.Close()
		return fmt.Errorf("openai: reading embeddings cache: %w", err)
	}
	e.file = f
	return nil
}

// key identifies a text for one model and dimension setting.
func (e *Embedder) key(text string) string {
	h := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d\x00%s", e.cfg.Model, e.cfg.Dimensions, text)))
	return hex.EncodeToString(h[:])
}

// Embed returns the vector for text, from the cache when it has been
// embedded before. It has the signature of knowledge.EmbedFunc. Errors of
// the API are returned wrapped and are not cached.
func (e *Embedder) Embed(ctx context.Context, text string) ([]float32, error) {
	k := e.key(text)
	e.mu.Lock()
	v, ok := e.cache[k]
	e.mu.Unlock()
	if ok {
		return v, nil
	}
	resp, err := e.client.CreateEmbeddings(ctx, goopenai.EmbeddingRequest{
		Input:      []string{text},
		Model:      goopenai.EmbeddingModel(e.cfg.Model),
		Dimensions: e.cfg.Dimensions,
	})
	if err != nil {
		return nil, fmt.Errorf("openai: embedding with %s: %w", e.cfg.Model, err)
	}
	if len(resp.Data) == 0 || len(resp.Data[0].Embedding) == 0 {
		return nil, fmt.Errorf("openai: embedding with %s: empty response", e.cfg.Model)
	}
	v = resp.Data[0].Embedding
	e.mu.Lock()
	defer e.mu.Unlock()
	e.cache[k] = v
	if e.file != nil {
		b, err := json.Marshal(cacheLine{Key: k, Vector: v})
		if err == nil {
			_, err = e.file.Write(append(b, '\n'))
		}
		if err != nil {
			return nil, fmt.Errorf("openai: writing embeddings cache: %w", err)
		}
	}
	return v, nil
}

// Func returns Embed as a knowledge.EmbedFunc.
func (e *Embedder) Func() knowledge.EmbedFunc { return e.Embed }

// Cached returns the number of vectors in the cache.
func (e *Embedder) Cached() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.cache)
}

// Close closes the cache file. The Embedder must not be used afterwards.
func (e *Embedder) Close() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.file == nil {
		return nil
	}
	err := e.file.Close()
	e.file = nil
	if err != nil {
		return fmt.Errorf("openai: closing embeddings cache: %w", err)
	}
	return nil
}
