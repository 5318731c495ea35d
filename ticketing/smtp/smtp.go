// SPDX-License-Identifier: EUPL-1.2

// Package smtp sends ticketing's mails over SMTP with
// github.com/wneessen/go-mail. It is the only package that imports it.
package smtp

import (
	"context"
	"errors"
	"fmt"
	"net/mail"
	"net/url"
	"strconv"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"

	"github.com/musterstadt/lotse/ticketing"
)

// Mailer sends mails through one SMTP server. It is safe for concurrent
// use: every Send opens its own connection.
type Mailer struct {
	host    string
	opts    []gomail.Option
	from    string
	domain  string
	timeout time.Duration
}

var _ ticketing.Mailer = (*Mailer)(nil)

// New returns a Mailer for rawURL and the sender address from.
//
// rawURL is smtp://[user:pass@]host[:port] (STARTTLS required, port 587 by
// default) or smtps://[user:pass@]host[:port] (TLS from the start, port
// 465). For a relay inside the city's network without TLS, add
// ?starttls=opportunistic (use it when offered) or ?starttls=none.
// Credentials are sent only over TLS unless starttls=none was chosen.
func New(rawURL, from string) (*Mailer, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("smtp: url: %w", err)
	}
	addr, err := mail.ParseAddress(from)
	if err != nil {
		return nil, fmt.Errorf("smtp: from address %q: %w", from, err)
	}
	host := u.Hostname()
	if host == "" {
		return nil, errors.New("smtp: url has no host")
	}
	m := &Mailer{host: host, from: addr.String(), timeout: 30 * time.Second}
	if at := strings.LastIndexByte(addr.Address, '@'); at >= 0 {
		m.domain = addr.Address[at+1:]
	}
	port := 587
	switch u.Scheme {
	case "smtp":
		policy := gomail.TLSMandatory
		switch u.Query().Get("starttls") {
		case "", "required":
		case "opportunistic":
			policy = gomail.TLSOpportunistic
		case "none":
			policy = gomail.NoTLS
		default:
			return nil, fmt.Errorf("smtp: starttls=%q: want required, opportunistic or none", u.Query().Get("starttls"))
		}
		m.opts = append(m.opts, gomail.WithTLSPolicy(policy))
	case "smtps":
		port = 465
		m.opts = append(m.opts, gomail.WithSSL())
	default:
		return nil, fmt.Errorf("smtp: scheme %q: want smtp or smtps", u.Scheme)
	}
	if p := u.Port(); p != "" {
		if port, err = strconv.Atoi(p); err != nil || port <= 0 || port > 65535 {
			return nil, fmt.Errorf("smtp: port %q", p)
		}
	}
	m.opts = append(m.opts, gomail.WithPort(port), gomail.WithTimeout(m.timeout))
	if u.User != nil && u.User.Username() != "" {
		pw, _ := u.User.Password()
		m.opts = append(m.opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(u.User.Username()), gomail.WithPassword(pw))
	}
	return m, nil
}

// Send sends one mail; it returns nil only when the server accepted it.
// The Message-ID is derived from the mail's stored ID, so that a resend of
// the same mail carries the same Message-ID.
func (m *Mailer) Send(ctx context.Context, tm ticketing.Mail) error {
	msg := gomail.NewMsg()
	if err := msg.From(m.from); err != nil {
		return fmt.Errorf("smtp: from: %w", err)
	}
	if err := msg.To(tm.To); err != nil {
		return fmt.Errorf("smtp: recipient of %s: %w", tm.TicketKey, err)
	}
	msg.Subject(tm.Subject)
	msg.SetBodyString(gomail.TypeTextPlain, tm.Body)
	msg.SetMessageIDWithValue(tm.MessageID + "@" + m.domain)
	msg.SetDateWithValue(tm.CreatedAt)
	msg.SetGenHeader(gomail.Header("Auto-Submitted"), "auto-replied")
	c, err := gomail.NewClient(m.host, m.opts...)
	if err != nil {
		return fmt.Errorf("smtp: client: %w", err)
	}
	if err := c.DialAndSendWithContext(ctx, msg); err != nil {
		return fmt.Errorf("smtp: send mail for %s: %w", tm.TicketKey, err)
	}
	return nil
}
