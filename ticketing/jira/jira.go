// SPDX-License-Identifier: EUPL-1.2

// Package jira delivers Lotse tickets to Jira Service Management (or a plain
// Jira project) and reads their status back.
//
// Client implements ticketing.Deliverer and ticketing.StatusReader on top of
// github.com/andygrunwald/go-jira; this is the only package that imports it.
// It is not a general Jira client: it creates one issue per local ticket,
// adds the conversation transcript as a comment, and reads status and
// public comments. It keeps no state of its own; idempotency comes from a
// marker label ("lotse-lot-42") that is searched before every creation.
//
// Package jira does not retry: the ticketing outbox owns retries and
// backoff. Errors tell it how long to wait (*ticketing.RetryAfterError) and
// whether a retry can help at all (ErrPermanent).
package jira

import (
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"net/http"
	"net/url"
	"strings"
	"time"

	gojira "github.com/andygrunwald/go-jira"

	"github.com/musterstadt/lotse/ticketing"
)

// Compile-time checks that Client fulfils the ticketing contracts.
var (
	_ ticketing.Deliverer    = (*Client)(nil)
	_ ticketing.StatusReader = (*Client)(nil)
)

// Defaults used by New for empty Config fields.
const (
	DefaultIssueType   = "Task"
	DefaultHTTPTimeout = 30 * time.Second
	// DefaultMaxRetryAfter caps the wait a Retry-After header may ask for.
	DefaultMaxRetryAfter = 15 * time.Minute
	// DefaultIndexDelay is how long a retry waits after a creation whose
	// answer was lost; see Config.IndexDelay.
	DefaultIndexDelay = 10 * time.Second
)

// DefaultPriorityMap maps Lotse priorities to the names of Jira's default
// priority scheme.
func DefaultPriorityMap() map[string]string {
	return map[string]string{
		ticketing.P1: "Highest",
		ticketing.P2: "High",
		ticketing.P3: "Medium",
		ticketing.P4: "Low",
	}
}

// Config configures a Client. BaseURL, exactly one authentication method
// and one delivery target are required; everything else has a default.
type Config struct {
	// BaseURL is the Jira root, e.g. "https://jira.musterstadt.example" or
	// "https://musterstadt.atlassian.net". It must not contain credentials.
	BaseURL string

	// Token is a personal access token (Jira Data Center / Server), sent as
	// "Authorization: Bearer <Token>".
	Token string
	// Email and APIToken authenticate against Jira Cloud with HTTP basic
	// auth. Setting them also selects the Cloud search endpoint
	// (/rest/api/2/search/jql); with Token the client uses /rest/api/2/search.
	Email, APIToken string

	// ServiceDeskID and RequestTypeID select delivery as a Jira Service
	// Management customer request (POST /rest/servicedeskapi/request). The
	// request type must offer the fields summary, description, priority and
	// labels. IncidentRequestTypeID, if set, is used for tickets of kind
	// incident instead of RequestTypeID.
	ServiceDeskID, RequestTypeID, IncidentRequestTypeID string

	// ProjectKey selects delivery as a plain Jira issue (POST
	// /rest/api/2/issue) when ServiceDeskID is empty. It also narrows the
	// idempotency search to that project when set together with a service
	// desk.
	ProjectKey string
	// IssueType is the issue type name for plain issues; default "Task".
	// IncidentIssueType is used for incidents; default IssueType.
	IssueType, IncidentIssueType string

	// PriorityMap maps P1..P4 to Jira priority names; default
	// DefaultPriorityMap. A ticket whose priority has no entry is created
	// without a priority (Jira's default applies).
	PriorityMap map[string]string
	// StatusMap maps Jira status names (case-insensitive) to local statuses
	// (ticketing.StatusOpen, ...). It overrides the built-in mapping, which
	// uses the status category and a few well-known names.
	StatusMap map[string]string
	// Labels are added to every created issue, next to "lotse", the marker
	// label, the ticket kind and the IT service.
	Labels []string

	// HTTPClient sends the requests; its Transport gets the authentication
	// added. Nil means a client with DefaultHTTPTimeout. Deadlines should
	// still come from the ctx of each call.
	HTTPClient *http.Client
	// MaxRetryAfter caps the wait a Retry-After header may request; default
	// DefaultMaxRetryAfter.
	MaxRetryAfter time.Duration
	// IndexDelay is the wait Deliver asks for (as a RetryAfterError) when
	// the connection failed during a create, so the issue may exist: Jira
	// indexes new issues asynchronously, and a search that comes too early
	// would miss it and create a duplicate. Default DefaultIndexDelay; a
	// negative value disables the wait.
	IndexDelay time.Duration
	// Location is the time zone of timestamps in the transcript comment;
	// nil means UTC.
	Location *time.Location
	// Now returns the current time (for Retry-After dates); nil means
	// time.Now.
	Now func() time.Time
	// Logger receives debug logs about searches and creations; nil
	// discards them.
	Logger *slog.Logger
}

// Client delivers tickets to Jira. It is safe for concurrent use.
type Client struct {
	jc        *gojira.Client
	cfg       Config
	cloud     bool
	secrets   []string // strings that must never appear in an error
	log       *slog.Logger
	now       func() time.Time
	loc       *time.Location
	statusMap map[string]string
}

// New validates cfg and returns a Client. It does not contact Jira.
func New(cfg Config) (*Client, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	if cfg.IssueType == "" {
		cfg.IssueType = DefaultIssueType
	}
	if cfg.IncidentIssueType == "" {
		cfg.IncidentIssueType = cfg.IssueType
	}
	if cfg.IncidentRequestTypeID == "" {
		cfg.IncidentRequestTypeID = cfg.RequestTypeID
	}
	if cfg.PriorityMap == nil {
		cfg.PriorityMap = DefaultPriorityMap()
	} else {
		cfg.PriorityMap = maps.Clone(cfg.PriorityMap)
	}
	if cfg.MaxRetryAfter <= 0 {
		cfg.MaxRetryAfter = DefaultMaxRetryAfter
	}
	if cfg.IndexDelay == 0 {
		cfg.IndexDelay = DefaultIndexDelay
	}
	cfg.Labels = append([]string(nil), cfg.Labels...)

	c := &Client{
		cfg:       cfg,
		cloud:     cfg.Token == "",
		log:       cfg.Logger,
		now:       cfg.Now,
		loc:       cfg.Location,
		statusMap: make(map[string]string, len(cfg.StatusMap)),
	}
	for name, status := range cfg.StatusMap {
		c.statusMap[strings.ToLower(strings.TrimSpace(name))] = status
	}
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	if c.now == nil {
		c.now = time.Now
	}
	if c.loc == nil {
		c.loc = time.UTC
	}

	base := cfg.HTTPClient
	if base == nil {
		base = &http.Client{Timeout: DefaultHTTPTimeout}
	}
	hc := *base // keep Timeout, Jar and CheckRedirect; wrap the transport
	if cfg.Token != "" {
		hc.Transport = &gojira.PATAuthTransport{Token: cfg.Token, Transport: base.Transport}
		c.secrets = []string{cfg.Token}
	} else {
		hc.Transport = &gojira.BasicAuthTransport{Username: cfg.Email, Password: cfg.APIToken, Transport: base.Transport}
		c.secrets = []string{cfg.APIToken, basicCredential(cfg.Email, cfg.APIToken)}
	}
	jc, err := gojira.NewClient(&hc, cfg.BaseURL)
	if err != nil {
		return nil, fmt.Errorf("jira: base URL %q: %w", cfg.BaseURL, err)
	}
	c.jc = jc
	return c, nil
}

// validate reports every problem of cfg at once.
func (cfg Config) validate() error {
	var errs []error
	if cfg.BaseURL == "" {
		errs = append(errs, errors.New("jira: base URL required"))
	} else if u, err := url.Parse(cfg.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		errs = append(errs, fmt.Errorf("jira: base URL %q must be an absolute http(s) URL", cfg.BaseURL))
	} else if u.User != nil {
		errs = append(errs, errors.New("jira: base URL must not contain credentials; use Token or Email and APIToken"))
	}

	pat := cfg.Token != ""
	basic := cfg.Email != "" || cfg.APIToken != ""
	switch {
	case pat && basic:
		errs = append(errs, errors.New("jira: set either Token (personal access token) or Email and APIToken (Jira Cloud), not both"))
	case !pat && !basic:
		errs = append(errs, errors.New("jira: authentication required: Token (personal access token) or Email and APIToken (Jira Cloud)"))
	case basic && (cfg.Email == "" || cfg.APIToken == ""):
		errs = append(errs, errors.New("jira: Jira Cloud authentication needs both Email and APIToken"))
	}

	switch {
	case cfg.ServiceDeskID != "" && cfg.RequestTypeID == "":
		errs = append(errs, errors.New("jira: ServiceDeskID needs RequestTypeID"))
	case cfg.ServiceDeskID == "" && (cfg.RequestTypeID != "" || cfg.IncidentRequestTypeID != ""):
		errs = append(errs, errors.New("jira: RequestTypeID needs ServiceDeskID"))
	case cfg.ServiceDeskID == "" && cfg.ProjectKey == "":
		errs = append(errs, errors.New("jira: delivery target required: ServiceDeskID and RequestTypeID, or ProjectKey"))
	}
	for name, status := range cfg.StatusMap {
		if !localStatus(status) {
			errs = append(errs, fmt.Errorf("jira: status map: Jira status %q maps to unknown local status %q", name, status))
		}
	}
	for _, l := range cfg.Labels {
		if l == "" || strings.ContainsFunc(l, isSpace) {
			errs = append(errs, fmt.Errorf("jira: label %q must be non-empty and without spaces", l))
		}
	}
	return errors.Join(errs...)
}

func localStatus(s string) bool {
	switch s {
	case ticketing.StatusNew, ticketing.StatusOpen, ticketing.StatusInProgress,
		ticketing.StatusWaiting, ticketing.StatusResolved, ticketing.StatusClosed:
		return true
	}
	return false
}
