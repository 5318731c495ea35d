// SPDX-License-Identifier: EUPL-1.2

package jira_test

import (
	"context"
	"fmt"

	"github.com/musterstadt/lotse/ticketing"
	"github.com/musterstadt/lotse/ticketing/jira"
	"github.com/musterstadt/lotse/ticketing/jira/fakejira"
)

// A Client is built once at startup, checked, and handed to the ticketing
// service as its Deliverer; the outbox then calls Deliver.
func ExampleClient_Deliver() {
	fake := fakejira.New(fakejira.Options{Token: "pat"})
	defer fake.Close()

	c, err := jira.New(jira.Config{
		BaseURL:       fake.URL(),
		Token:         "pat",
		ServiceDeskID: "1",
		RequestTypeID: "10",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx := context.Background()
	if err := c.Check(ctx); err != nil {
		fmt.Println(err)
		return
	}
	t := ticketing.Ticket{Key: "LOT-42", Kind: ticketing.KindIncident, Priority: ticketing.P2, Summary: "VPN geht nicht"}
	key, err := c.Deliver(ctx, t)
	fmt.Println(key, err)
	again, err := c.Deliver(ctx, t) // a retry finds the same issue
	fmt.Println(again, err)
	fmt.Println(fake.IssuesWithLabel(jira.MarkerLabel("LOT-42"))[0].Labels)
	// Output:
	// ITSD-1 <nil>
	// ITSD-1 <nil>
	// [lotse-lot-42 lotse incident]
}
