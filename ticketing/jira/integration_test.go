// SPDX-License-Identifier: EUPL-1.2

package jira_test

import (
	"errors"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/musterstadt/lotse/ticketing"
	"github.com/musterstadt/lotse/ticketing/jira"
)

// TestRealJira delivers one test ticket to a real Jira. It is opt-in
// (make integration) and needs the same variables as lotse serve:
// LOTSE_JIRA_URL, LOTSE_JIRA_TOKEN or LOTSE_JIRA_EMAIL and
// LOTSE_JIRA_API_TOKEN, and LOTSE_JIRA_SERVICE_DESK_ID with
// LOTSE_JIRA_REQUEST_TYPE_ID or LOTSE_JIRA_PROJECT. It leaves the created
// issue behind (labelled "lotse-integrationstest") for a human to close.
func TestRealJira(t *testing.T) {
	if os.Getenv("LOTSE_INTEGRATION") == "" || os.Getenv("LOTSE_JIRA_URL") == "" {
		t.Skip("set LOTSE_INTEGRATION=1 and LOTSE_JIRA_* to test against a real Jira")
	}
	c, err := jira.New(jira.Config{
		BaseURL:       os.Getenv("LOTSE_JIRA_URL"),
		Token:         os.Getenv("LOTSE_JIRA_TOKEN"),
		Email:         os.Getenv("LOTSE_JIRA_EMAIL"),
		APIToken:      os.Getenv("LOTSE_JIRA_API_TOKEN"),
		ServiceDeskID: os.Getenv("LOTSE_JIRA_SERVICE_DESK_ID"),
		RequestTypeID: os.Getenv("LOTSE_JIRA_REQUEST_TYPE_ID"),
		ProjectKey:    os.Getenv("LOTSE_JIRA_PROJECT"),
		IssueType:     os.Getenv("LOTSE_JIRA_ISSUE_TYPE"),
		Labels:        []string{"lotse-integrationstest"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Check(t.Context()); err != nil {
		t.Fatalf("Check: %v", err)
	}
	tk := sampleTicket(fmt.Sprintf("ITEST-%d", time.Now().Unix()))
	tk.Summary = "Lotse-Integrationstest, bitte schließen"
	key, err := c.Deliver(t.Context(), tk)
	if err != nil {
		t.Fatalf("Deliver: %v", err)
	}
	t.Logf("created %s for %s", key, tk.Key)

	st, err := c.ExternalStatus(t.Context(), key)
	if err != nil {
		t.Fatalf("ExternalStatus: %v", err)
	}
	if st.Status == "" || st.Updated.IsZero() {
		t.Errorf("status %+v: want a mapped status and a time", st)
	}
	for _, cm := range st.Comments {
		t.Errorf("unexpected public comment %+v (the transcript must not be reported)", cm)
	}

	// Jira indexes new issues asynchronously (Cloud: seconds); give the
	// index time, then a second delivery must find the issue.
	time.Sleep(15 * time.Second)
	again, err := c.Deliver(t.Context(), tk)
	if err != nil {
		t.Fatalf("second Deliver: %v", err)
	}
	if again != key {
		t.Errorf("second Deliver created %s, want %s again", again, key)
	}
	if _, err := c.ExternalStatus(t.Context(), "NOPE-999999"); err == nil {
		t.Error("ExternalStatus of a missing issue succeeded")
	} else if !errors.Is(err, ticketing.ErrNotFound) && !errors.Is(err, jira.ErrPermanent) {
		t.Errorf("missing issue: %v, want ErrNotFound or ErrPermanent", err)
	}
}
