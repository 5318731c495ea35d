// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestMetricsEndpoint(t *testing.T) {
	srv := mustStartServer(t, nil)
	postChat(t, srv.URL(), `{"message":"Was kostet ein Reisepass?"}`)
	postChat(t, srv.URL(), `{"message":"Ich möchte mit einem Menschen sprechen"}`)
	resp, err := http.Get(srv.URL() + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	body := string(b)
	for _, want := range []string{
		`lotse_http_requests_total{code="200",method="POST",route="/api/v1/chat"} 2`,
		`lotse_answers_total{intent="service_info",mode="extractive"} 1`,
		`lotse_answers_total{intent="human",mode="extractive"} 1`,
		`lotse_handoffs_total{reason="requested"} 1`,
		`lotse_tickets_total{kind="escalation",priority="P3"} 1`,
		"lotse_retrieval_duration_seconds_count",
		"lotse_outbox_depth 0",
		"lotse_websocket_connections 0",
		"lotse_phone_active_calls",
		"process_resident_memory_bytes",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}
