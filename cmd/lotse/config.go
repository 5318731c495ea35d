// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/netip"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/ticketing"
	"github.com/musterstadt/lotse/ticketing/smtp"
)

// Config is everything `lotse` can be told. It is filled from flags and
// LOTSE_* environment variables in this package only and handed down as
// plain values. The zero value is not valid; start from DefaultConfig.
type Config struct {
	Addr      string   // listen address of `serve`
	DataDir   string   // SQLite file, index and caches live here
	Knowledge []string // knowledge root directories; empty means the bundled Musterstadt base
	Retrieval string   // hybrid | lexical | dense
	Watch     bool     // pick up changed knowledge files while serving
	LogLevel  string   // debug | info | warn | error
	DebugAddr string   // loopback address for pprof and expvar; empty: off

	// DatabaseURL (postgres://…) puts the store on PostgreSQL, shared by
	// several instances; empty means the SQLite file in DataDir. Secret
	// (it holds the password): never logged.
	DatabaseURL string

	LLM        LLMConfig
	Embeddings EmbedConfig
	PromptsDir string // overrides for prompts/*.tmpl, by file name

	// Organization names the town in the AI disclosure and the phone
	// greeting ("… der Stadt Musterstadt"); empty means the default.
	Organization   string
	OrganizationEN string // English name; empty means Organization or the default

	Jira JiraConfig

	PublicURL           string // public base URL as the phone gateway sees it
	TwilioAuthToken     string
	JambonzSecret       string
	DeskPhone           string // number the phone channel transfers to
	PhoneSSML           bool   // phone: SSML pauses in spoken lists
	AllowedOrigins      []string
	FrameAncestors      []string
	TrustedProxies      []netip.Prefix
	EmployeeHeader      string
	DeskSSOHeader       string // optional: desk user name from a trusted proxy
	P1Webhook           string
	SMTPURL             string // smtp://user:pass@host:587 or smtps://…; empty: no replies by e-mail
	SMTPFrom            string // sender address of replies by e-mail
	RetentionDays       int
	ServiceHours        string        // desk opening hours, "Mo-Do 08:00-16:00; Fr 08:00-12:30"; empty: no times named
	ServiceState        string        // Land whose public holidays close the desk besides the nationwide ones ("NW")
	ChatWait            time.Duration // expected wait for an agent in the chat during service hours
	PrivacyURL          string        // the city's privacy notice (Art. 13 DSGVO), linked at contact capture
	RedactTranscripts   bool          // store user messages with personal data replaced by placeholders
	RateIPPerMinute     float64       // per client address; negative switches the limit off; 0 = channel default
	RateSessionPerMin   float64       // per chat session; negative switches it off; 0 = channel default
	MaxConnsPerIP       int           // WebSocket connections per client address; negative: no cap; 0 = default
	Instances           int           // instances behind the load balancer that share the rate limits and caps
	OutboxLease         time.Duration // how long an instance's claim on an outbox row holds (PostgreSQL); 0 = default 5m
	ShutdownGracePeriod time.Duration
}

// LLMConfig selects an OpenAI-compatible chat model. An empty BaseURL and
// Model means offline mode.
type LLMConfig struct {
	BaseURL           string
	Model             string
	APIKey            string
	AzureAPIVersion   string
	FirstTokenTimeout time.Duration
}

// Enabled reports whether an LLM is configured.
func (c LLMConfig) Enabled() bool { return c.Model != "" }

// EmbedConfig selects an OpenAI-compatible embeddings endpoint. Empty Model
// means the built-in offline embedder.
type EmbedConfig struct {
	BaseURL string
	Model   string
	APIKey  string
}

// JiraConfig switches on delivery to Jira Service Management.
type JiraConfig struct {
	URL           string
	Token         string // personal access token (Data Center)
	Email         string // Cloud: e-mail + API token
	APIToken      string
	ServiceDeskID string
	RequestTypeID string
	Project       string
	IssueType     string
}

// Enabled reports whether Jira is configured.
func (c JiraConfig) Enabled() bool { return c.URL != "" }

// DefaultConfig is the configuration of a fresh machine: no network, the
// bundled knowledge, state under ./lotse-data.
func DefaultConfig() Config {
	return Config{
		Addr:                ":8080",
		DataDir:             "./lotse-data",
		Retrieval:           "hybrid",
		Watch:               true,
		LogLevel:            "info",
		LLM:                 LLMConfig{FirstTokenTimeout: 8 * time.Second},
		EmployeeHeader:      "X-Remote-User",
		RetentionDays:       30,
		ShutdownGracePeriod: 10 * time.Second,
		Instances:           1,
	}
}

// Validate reports every problem of c at once.
func (c Config) Validate() error {
	var errs []error
	if c.Addr == "" {
		errs = append(errs, errors.New("addr must not be empty"))
	}
	if c.DataDir == "" {
		errs = append(errs, errors.New("data dir must not be empty"))
	}
	if c.DatabaseURL != "" {
		if err := ticketing.CheckPostgresURL(c.DatabaseURL); err != nil {
			errs = append(errs, fmt.Errorf("LOTSE_DATABASE_URL: %w", err))
		}
	}
	if c.OutboxLease < 0 || c.OutboxLease > 0 && c.OutboxLease < time.Second {
		errs = append(errs, fmt.Errorf("LOTSE_OUTBOX_LEASE %v: want at least 1s", c.OutboxLease))
	}
	if c.Instances < 1 || c.Instances > 64 {
		errs = append(errs, fmt.Errorf("LOTSE_INSTANCES %d: want 1 to 64", c.Instances))
	}
	if c.DebugAddr != "" {
		if err := checkLoopback(c.DebugAddr); err != nil {
			errs = append(errs, fmt.Errorf("LOTSE_DEBUG_ADDR %q: %w", c.DebugAddr, err))
		}
	}
	switch c.Retrieval {
	case "hybrid", "lexical", "dense":
	default:
		errs = append(errs, fmt.Errorf("retrieval %q: want hybrid, lexical or dense", c.Retrieval))
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		errs = append(errs, fmt.Errorf("log level %q: want debug, info, warn or error", c.LogLevel))
	}
	if c.LLM.Model == "" && c.LLM.BaseURL != "" {
		errs = append(errs, errors.New("LOTSE_LLM_BASE_URL is set but LOTSE_LLM_MODEL is empty"))
	}
	if c.LLM.FirstTokenTimeout <= 0 {
		errs = append(errs, errors.New("llm first-token timeout must be positive"))
	}
	if c.Embeddings.Model == "" && c.Embeddings.BaseURL != "" {
		errs = append(errs, errors.New("LOTSE_EMBED_BASE_URL is set but LOTSE_EMBED_MODEL is empty"))
	}
	for _, u := range []struct{ name, v string }{
		{"LOTSE_LLM_BASE_URL", c.LLM.BaseURL},
		{"LOTSE_EMBED_BASE_URL", c.Embeddings.BaseURL},
		{"LOTSE_JIRA_URL", c.Jira.URL},
		{"LOTSE_PUBLIC_URL", c.PublicURL},
		{"LOTSE_P1_WEBHOOK", c.P1Webhook},
	} {
		if u.v == "" {
			continue
		}
		p, err := url.Parse(u.v)
		if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
			errs = append(errs, fmt.Errorf("%s %q: want an http(s) URL", u.name, u.v))
		}
	}
	if c.Jira.Enabled() {
		if c.Jira.Token == "" && (c.Jira.Email == "" || c.Jira.APIToken == "") {
			errs = append(errs, errors.New("jira: set LOTSE_JIRA_TOKEN or LOTSE_JIRA_EMAIL and LOTSE_JIRA_API_TOKEN"))
		}
		if c.Jira.Project == "" && (c.Jira.ServiceDeskID == "" || c.Jira.RequestTypeID == "") {
			errs = append(errs, errors.New("jira: set LOTSE_JIRA_PROJECT or LOTSE_JIRA_SERVICE_DESK_ID and LOTSE_JIRA_REQUEST_TYPE_ID"))
		}
	}
	if (c.TwilioAuthToken != "" || c.JambonzSecret != "") && c.PublicURL == "" {
		errs = append(errs, errors.New("phone: LOTSE_PUBLIC_URL is required when a gateway secret is set"))
	}
	if c.ServiceHours != "" || c.ServiceState != "" {
		if _, err := assistant.ParseServiceHours(c.ServiceHours, c.ServiceState, nil); err != nil {
			errs = append(errs, err)
		}
	}
	if c.SMTPURL != "" || c.SMTPFrom != "" {
		if c.SMTPURL == "" || c.SMTPFrom == "" {
			errs = append(errs, errors.New("LOTSE_SMTP_URL and LOTSE_SMTP_FROM must be set together"))
		} else if _, err := smtp.New(c.SMTPURL, c.SMTPFrom); err != nil {
			errs = append(errs, err)
		}
	}
	if c.ChatWait < 0 {
		errs = append(errs, errors.New("chat wait must not be negative"))
	}
	if c.RetentionDays < 1 {
		errs = append(errs, errors.New("retention days must be at least 1"))
	}
	for _, o := range []struct{ name, v string }{
		{"LOTSE_ORGANIZATION", c.Organization},
		{"LOTSE_ORGANIZATION_EN", c.OrganizationEN},
	} {
		if strings.ContainsFunc(o.v, unicode.IsControl) || utf8.RuneCountInString(o.v) > 120 {
			errs = append(errs, fmt.Errorf("%s %q: want one line of at most 120 characters", o.name, o.v))
		}
	}
	if c.EmployeeHeader == "" {
		errs = append(errs, errors.New("employee header must not be empty"))
	}
	return errors.Join(errs...)
}

// checkLoopback accepts host:port addresses whose host is localhost or a
// loopback IP: the debug listener exposes profiles and memory statistics
// and must never be reachable from another machine.
func checkLoopback(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("want host:port: %w", err)
	}
	if _, err := strconv.ParseUint(port, 10, 16); err != nil {
		return fmt.Errorf("port %q: want a number up to 65535", port)
	}
	if host == "localhost" {
		return nil
	}
	ip, err := netip.ParseAddr(host)
	if err != nil || !ip.IsLoopback() {
		return errors.New("want a loopback host (localhost, 127.0.0.1 or [::1])")
	}
	return nil
}

// envSpec binds one environment variable to one field. Secrets may also be
// read from a file named by NAME_FILE.
type envSpec struct {
	name   string
	secret bool
	set    func(*Config, string) error
}

func str(p func(*Config) *string) func(*Config, string) error {
	return func(c *Config, v string) error { *p(c) = v; return nil }
}

func list(p func(*Config) *[]string) func(*Config, string) error {
	return func(c *Config, v string) error { *p(c) = splitList(v); return nil }
}

func envSpecs() []envSpec {
	return []envSpec{
		{name: "LOTSE_ADDR", set: str(func(c *Config) *string { return &c.Addr })},
		{name: "LOTSE_DATA_DIR", set: str(func(c *Config) *string { return &c.DataDir })},
		{name: "LOTSE_DATABASE_URL", secret: true, set: str(func(c *Config) *string { return &c.DatabaseURL })},
		{name: "LOTSE_KNOWLEDGE", set: list(func(c *Config) *[]string { return &c.Knowledge })},
		{name: "LOTSE_RETRIEVAL", set: str(func(c *Config) *string { return &c.Retrieval })},
		{name: "LOTSE_WATCH", set: func(c *Config, v string) error {
			b, err := strconv.ParseBool(v)
			c.Watch = b
			return err
		}},
		{name: "LOTSE_DEBUG_ADDR", set: str(func(c *Config) *string { return &c.DebugAddr })},
		{name: "LOTSE_LOG_LEVEL", set: str(func(c *Config) *string { return &c.LogLevel })},
		{name: "LOTSE_LLM_BASE_URL", set: str(func(c *Config) *string { return &c.LLM.BaseURL })},
		{name: "LOTSE_LLM_MODEL", set: str(func(c *Config) *string { return &c.LLM.Model })},
		{name: "LOTSE_LLM_API_KEY", secret: true, set: str(func(c *Config) *string { return &c.LLM.APIKey })},
		{name: "LOTSE_LLM_AZURE_API_VERSION", set: str(func(c *Config) *string { return &c.LLM.AzureAPIVersion })},
		{name: "LOTSE_LLM_TIMEOUT", set: func(c *Config, v string) error {
			d, err := time.ParseDuration(v)
			c.LLM.FirstTokenTimeout = d
			return err
		}},
		{name: "LOTSE_EMBED_BASE_URL", set: str(func(c *Config) *string { return &c.Embeddings.BaseURL })},
		{name: "LOTSE_EMBED_MODEL", set: str(func(c *Config) *string { return &c.Embeddings.Model })},
		{name: "LOTSE_EMBED_API_KEY", secret: true, set: str(func(c *Config) *string { return &c.Embeddings.APIKey })},
		{name: "LOTSE_PROMPTS_DIR", set: str(func(c *Config) *string { return &c.PromptsDir })},
		{name: "LOTSE_ORGANIZATION", set: str(func(c *Config) *string { return &c.Organization })},
		{name: "LOTSE_ORGANIZATION_EN", set: str(func(c *Config) *string { return &c.OrganizationEN })},
		{name: "LOTSE_JIRA_URL", set: str(func(c *Config) *string { return &c.Jira.URL })},
		{name: "LOTSE_JIRA_TOKEN", secret: true, set: str(func(c *Config) *string { return &c.Jira.Token })},
		{name: "LOTSE_JIRA_EMAIL", set: str(func(c *Config) *string { return &c.Jira.Email })},
		{name: "LOTSE_JIRA_API_TOKEN", secret: true, set: str(func(c *Config) *string { return &c.Jira.APIToken })},
		{name: "LOTSE_JIRA_SERVICE_DESK_ID", set: str(func(c *Config) *string { return &c.Jira.ServiceDeskID })},
		{name: "LOTSE_JIRA_REQUEST_TYPE_ID", set: str(func(c *Config) *string { return &c.Jira.RequestTypeID })},
		{name: "LOTSE_JIRA_PROJECT", set: str(func(c *Config) *string { return &c.Jira.Project })},
		{name: "LOTSE_JIRA_ISSUE_TYPE", set: str(func(c *Config) *string { return &c.Jira.IssueType })},
		{name: "LOTSE_PUBLIC_URL", set: str(func(c *Config) *string { return &c.PublicURL })},
		{name: "LOTSE_TWILIO_AUTH_TOKEN", secret: true, set: str(func(c *Config) *string { return &c.TwilioAuthToken })},
		{name: "LOTSE_JAMBONZ_SECRET", secret: true, set: str(func(c *Config) *string { return &c.JambonzSecret })},
		{name: "LOTSE_DESK_PHONE", set: str(func(c *Config) *string { return &c.DeskPhone })},
		{name: "LOTSE_PHONE_SSML", set: func(c *Config, v string) error {
			b, err := strconv.ParseBool(v)
			c.PhoneSSML = b
			return err
		}},
		{name: "LOTSE_ALLOWED_ORIGINS", set: list(func(c *Config) *[]string { return &c.AllowedOrigins })},
		{name: "LOTSE_FRAME_ANCESTORS", set: list(func(c *Config) *[]string { return &c.FrameAncestors })},
		{name: "LOTSE_TRUSTED_PROXIES", set: func(c *Config, v string) error {
			ps, err := parsePrefixes(splitList(v))
			c.TrustedProxies = ps
			return err
		}},
		{name: "LOTSE_EMPLOYEE_HEADER", set: str(func(c *Config) *string { return &c.EmployeeHeader })},
		{name: "LOTSE_DESK_SSO_HEADER", set: str(func(c *Config) *string { return &c.DeskSSOHeader })},
		{name: "LOTSE_P1_WEBHOOK", set: str(func(c *Config) *string { return &c.P1Webhook })},
		{name: "LOTSE_SMTP_URL", secret: true, set: str(func(c *Config) *string { return &c.SMTPURL })},
		{name: "LOTSE_SMTP_FROM", set: str(func(c *Config) *string { return &c.SMTPFrom })},
		{name: "LOTSE_RATE_IP_PER_MINUTE", set: func(c *Config, v string) error {
			f, err := strconv.ParseFloat(v, 64)
			c.RateIPPerMinute = f
			return err
		}},
		{name: "LOTSE_RATE_SESSION_PER_MINUTE", set: func(c *Config, v string) error {
			f, err := strconv.ParseFloat(v, 64)
			c.RateSessionPerMin = f
			return err
		}},
		{name: "LOTSE_MAX_CONNS_PER_IP", set: func(c *Config, v string) error {
			n, err := strconv.Atoi(v)
			c.MaxConnsPerIP = n
			return err
		}},
		{name: "LOTSE_OUTBOX_LEASE", set: func(c *Config, v string) error {
			d, err := time.ParseDuration(v)
			c.OutboxLease = d
			return err
		}},
		{name: "LOTSE_INSTANCES", set: func(c *Config, v string) error {
			n, err := strconv.Atoi(v)
			c.Instances = n
			return err
		}},
		{name: "LOTSE_REDACT_TRANSCRIPTS", set: func(c *Config, v string) error {
			b, err := strconv.ParseBool(v)
			c.RedactTranscripts = b
			return err
		}},
		{name: "LOTSE_RETENTION_DAYS", set: func(c *Config, v string) error {
			n, err := strconv.Atoi(v)
			c.RetentionDays = n
			return err
		}},
		{name: "LOTSE_SERVICE_HOURS", set: func(c *Config, v string) error { c.ServiceHours = v; return nil }},
		{name: "LOTSE_SERVICE_STATE", set: func(c *Config, v string) error { c.ServiceState = v; return nil }},
		{name: "LOTSE_CHAT_WAIT", set: func(c *Config, v string) error {
			d, err := time.ParseDuration(v)
			c.ChatWait = d
			return err
		}},
		{name: "LOTSE_PRIVACY_URL", set: func(c *Config, v string) error { c.PrivacyURL = v; return nil }},
	}
}

// loadEnv applies LOTSE_* variables to c. A secret may come from the file
// named by NAME_FILE; its trailing newline is dropped.
func loadEnv(c *Config, getenv func(string) string) error {
	var errs []error
	for _, s := range envSpecs() {
		v := getenv(s.name)
		if s.secret && v == "" {
			if f := getenv(s.name + "_FILE"); f != "" {
				b, err := os.ReadFile(f)
				if err != nil {
					errs = append(errs, fmt.Errorf("%s_FILE: %w", s.name, err))
					continue
				}
				v = strings.TrimRight(string(b), "\r\n")
			}
		}
		if v == "" {
			continue
		}
		if err := s.set(c, v); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", s.name, err))
		}
	}
	return errors.Join(errs...)
}

// commonFlags registers the flags shared by the subcommands that build the
// assistant. Flags override the environment.
func commonFlags(fs *flag.FlagSet, c *Config) {
	fs.StringVar(&c.DataDir, "data", c.DataDir, "data directory (env LOTSE_DATA_DIR)")
	fs.Func("knowledge", "knowledge root directory, repeatable; \"bundled\" is the example base (env LOTSE_KNOWLEDGE, comma-separated; default: bundled)", func(v string) error {
		c.Knowledge = append(c.Knowledge, v)
		return nil
	})
	fs.StringVar(&c.Retrieval, "retrieval", c.Retrieval, "retrieval mode: hybrid, lexical or dense (env LOTSE_RETRIEVAL)")
	fs.StringVar(&c.LogLevel, "log-level", c.LogLevel, "debug, info, warn or error (env LOTSE_LOG_LEVEL)")
}

// parseConfig builds the configuration of one subcommand: defaults, then
// environment, then flags (registered by extra), then validation.
func parseConfig(name string, args []string, getenv func(string) string, stderr io.Writer, extra func(*flag.FlagSet, *Config)) (Config, *flag.FlagSet, error) {
	c := DefaultConfig()
	if err := loadEnv(&c, getenv); err != nil {
		return c, nil, err
	}
	envKnowledge := c.Knowledge
	c.Knowledge = nil
	fs := flag.NewFlagSet("lotse "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	commonFlags(fs, &c)
	if extra != nil {
		extra(fs, &c)
	}
	positional, err := parseInterspersed(fs, args)
	if err != nil {
		return c, fs, err
	}
	// Leave the positional arguments where callers expect them: fs.Args().
	if err := fs.Parse(append([]string{"--"}, positional...)); err != nil {
		return c, fs, err
	}
	if len(c.Knowledge) == 0 {
		c.Knowledge = envKnowledge
	}
	return c, fs, c.Validate()
}

func splitList(v string) []string {
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func parsePrefixes(vs []string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, v := range vs {
		if !strings.Contains(v, "/") {
			a, err := netip.ParseAddr(v)
			if err != nil {
				return nil, fmt.Errorf("trusted proxy %q: %w", v, err)
			}
			out = append(out, netip.PrefixFrom(a, a.BitLen()))
			continue
		}
		p, err := netip.ParsePrefix(v)
		if err != nil {
			return nil, fmt.Errorf("trusted proxy %q: %w", v, err)
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

// parseInterspersed parses flags that may stand between positional
// arguments ("user add erika --role admin") and returns the positional ones.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if len(args) > 0 && len(rest) < len(args) && args[len(args)-len(rest)-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}
