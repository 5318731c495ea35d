// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"bufio"
	"context"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/musterstadt/lotse/assistant"
)

// metrics holds every Prometheus collector of the process, registered on a
// registry of its own (no global default registry).
type metrics struct {
	reg *prometheus.Registry

	requests         *prometheus.CounterVec
	requestSeconds   *prometheus.HistogramVec
	answers          *prometheus.CounterVec
	citationReplaced *prometheus.CounterVec
	claimsRefused    *prometheus.CounterVec
	handoffs         *prometheus.CounterVec
	modelSeconds     prometheus.Histogram
	modelErrors      prometheus.Counter
	retrievalSeconds prometheus.Histogram
	tickets          *prometheus.CounterVec
	wsConnections    prometheus.Gauge
	activeCalls      prometheus.Gauge
}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lotse_http_requests_total", Help: "HTTP requests by route pattern, method and status code.",
		}, []string{"route", "method", "code"}),
		requestSeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "lotse_http_request_duration_seconds", Help: "HTTP request latency by route pattern.",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"route"}),
		answers: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lotse_answers_total", Help: "Final answers by intent and mode (extractive, llm, fallback, agent).",
		}, []string{"intent", "mode"}),
		citationReplaced: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lotse_citation_replacements_total", Help: "LLM answers replaced by the offline answer because the citation check failed, by reason.",
		}, []string{"reason"}),
		claimsRefused: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lotse_claims_refused_total", Help: "Sentences of model answers and desk summaries not shown because a claim failed verification, by claim kind.",
		}, []string{"kind"}),
		handoffs: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lotse_handoffs_total", Help: "Handoffs to a human offered or started, by reason.",
		}, []string{"reason"}),
		modelSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "lotse_llm_request_duration_seconds", Help: "Latency of LLM calls.",
			Buckets: []float64{.1, .25, .5, 1, 2, 4, 8, 16, 32},
		}),
		modelErrors: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "lotse_llm_errors_total", Help: "LLM calls that failed (timeout, rate limit, server error).",
		}),
		retrievalSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "lotse_retrieval_duration_seconds", Help: "Latency of knowledge retrieval.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25},
		}),
		tickets: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lotse_tickets_total", Help: "Tickets created by kind and priority.",
		}, []string{"kind", "priority"}),
		wsConnections: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "lotse_websocket_connections", Help: "Open WebSocket connections.",
		}),
		activeCalls: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "lotse_phone_active_calls", Help: "Phone calls with live state.",
		}),
	}
	m.reg.MustRegister(m.requests, m.requestSeconds, m.answers, m.citationReplaced, m.claimsRefused, m.handoffs,
		m.modelSeconds, m.modelErrors, m.retrievalSeconds, m.tickets, m.wsConnections, m.activeCalls,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves the registry in the Prometheus text format.
func (m *metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// middleware records requests by chi route pattern, so that IDs in paths do
// not explode the label space.
func (m *metrics) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, code: http.StatusOK}
		next.ServeHTTP(rec, r)
		route := "unmatched"
		if rc := chi.RouteContext(r.Context()); rc != nil && rc.RoutePattern() != "" {
			route = rc.RoutePattern()
		}
		m.requests.WithLabelValues(route, r.Method, strconv.Itoa(rec.code)).Inc()
		m.requestSeconds.WithLabelValues(route).Observe(time.Since(start).Seconds())
	})
}

// statusRecorder remembers the status code. It forwards Hijack and Flush
// through Unwrap (http.ResponseController), which WebSocket upgrades need.
type statusRecorder struct {
	http.ResponseWriter
	code        int
	wroteHeader bool
}

func (s *statusRecorder) WriteHeader(code int) {
	if !s.wroteHeader {
		s.code, s.wroteHeader = code, true
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// assistantMetrics adapts the registry to assistant.Metrics.
type assistantMetrics struct{ m *metrics }

var _ assistant.Metrics = assistantMetrics{}

func (a assistantMetrics) Answered(intent assistant.Intent, mode string) {
	a.m.answers.WithLabelValues(string(intent), mode).Inc()
}
func (a assistantMetrics) CitationReplaced(reason string) {
	a.m.citationReplaced.WithLabelValues(reason).Inc()
}
func (a assistantMetrics) ClaimRefused(kind string) {
	a.m.claimsRefused.WithLabelValues(kind).Inc()
}
func (a assistantMetrics) Handoff(reason string) { a.m.handoffs.WithLabelValues(reason).Inc() }
func (a assistantMetrics) ModelCall(seconds float64, err error) {
	a.m.modelSeconds.Observe(seconds)
	if err != nil {
		a.m.modelErrors.Inc()
	}
}
func (a assistantMetrics) Retrieval(seconds float64) { a.m.retrievalSeconds.Observe(seconds) }

// Hijack lets WebSocket upgrades through; gorilla/websocket asserts
// http.Hijacker on the writer directly.
func (s *statusRecorder) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	s.code, s.wroteHeader = http.StatusSwitchingProtocols, true
	return http.NewResponseController(s.ResponseWriter).Hijack()
}

// Flush lets streamed responses (SSE) through.
func (s *statusRecorder) Flush() {
	_ = http.NewResponseController(s.ResponseWriter).Flush()
}

// watchOutbox exposes the depth of the ticket outbox and the age of its
// oldest entry, read from the store once per scrape.
func (m *metrics) watchOutbox(stats func(ctx context.Context) (int, time.Duration, error)) {
	m.reg.MustRegister(outboxCollector{
		stats: stats,
		depth: prometheus.NewDesc("lotse_outbox_depth",
			"Tickets and notifications waiting for delivery (-1: store unreadable).", nil, nil),
		age: prometheus.NewDesc("lotse_outbox_oldest_age_seconds",
			"Age of the oldest undelivered outbox entry (0 when empty).", nil, nil),
	})
}

// outboxCollector reads both outbox figures with one store query.
type outboxCollector struct {
	stats      func(ctx context.Context) (int, time.Duration, error)
	depth, age *prometheus.Desc
}

func (c outboxCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.depth
	ch <- c.age
}

func (c outboxCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	depth, age := -1.0, -1.0
	if n, a, err := c.stats(ctx); err == nil {
		depth, age = float64(n), a.Seconds()
	}
	ch <- prometheus.MustNewConstMetric(c.depth, prometheus.GaugeValue, depth)
	ch <- prometheus.MustNewConstMetric(c.age, prometheus.GaugeValue, age)
}
