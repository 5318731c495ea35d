// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"bytes"
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
)

// fakeEmbeddings speaks the OpenAI /v1/embeddings wire format with
// deterministic vectors (character trigram hashes) and counts requests.
func fakeEmbeddings(t *testing.T) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var calls atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/embeddings" || r.Method != http.MethodPost {
			http.NotFound(w, r)
			return
		}
		calls.Add(1)
		var req struct {
			Input json.RawMessage `json:"input"`
			Model string          `json:"model"`
		}
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			t.Errorf("embeddings request: %v", err)
			http.Error(w, "bad json", http.StatusBadRequest)
			return
		}
		var inputs []string
		if err := json.Unmarshal(req.Input, &inputs); err != nil {
			var one string
			if err := json.Unmarshal(req.Input, &one); err != nil {
				t.Errorf("embeddings input: %s", req.Input)
			}
			inputs = []string{one}
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
		}{Object: "list", Model: req.Model}
		for i, in := range inputs {
			v := make([]float32, 64)
			rs := []rune(strings.ToLower(in))
			for j := 0; j+3 <= len(rs); j++ {
				h := fnv.New32a()
				h.Write([]byte(string(rs[j : j+3])))
				v[h.Sum32()%64]++
			}
			resp.Data = append(resp.Data, item{Object: "embedding", Index: i, Embedding: v})
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(resp)
	}))
	t.Cleanup(srv.Close)
	return srv, &calls
}

// TestAskWithRemoteEmbeddings wires an OpenAI-compatible embeddings endpoint
// through LOTSE_EMBED_*: the answer still cites the right document, and a
// second run reuses the cache in the data dir.
func TestAskWithRemoteEmbeddings(t *testing.T) {
	srv, calls := fakeEmbeddings(t)
	dataDir := t.TempDir()
	env := envFrom(map[string]string{"LOTSE_EMBED_BASE_URL": srv.URL + "/v1", "LOTSE_EMBED_MODEL": "fake-embed", "LOTSE_RETRIEVAL": "dense"})
	ask := func() string {
		var out, errb bytes.Buffer
		if err := run(context.Background(), []string{"ask", "--data", dataDir, "Was kostet ein Reisepass?"}, env, nil, &out, &errb); err != nil {
			t.Fatalf("ask: %v\n%s", err, errb.String())
		}
		return out.String()
	}
	if out := ask(); !strings.Contains(out, "(leistungen/reisepass)") {
		t.Errorf("dense answer with remote embeddings does not cite the Reisepass:\n%s", out)
	}
	first := calls.Load()
	if first == 0 {
		t.Fatal("the embeddings endpoint was never called")
	}
	ask()
	if again := calls.Load() - first; again > 1 {
		t.Errorf("second run made %d embedding requests; unchanged text should come from the cache", again)
	}
	if _, err := os.Stat(filepath.Join(dataDir, "embeddings")); err != nil {
		t.Errorf("no embeddings cache under the data dir: %v", err)
	}
}
