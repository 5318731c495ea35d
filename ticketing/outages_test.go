// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func testLinkOutage(t *testing.T, open opener) {
	ctx := context.Background()
	svc, _ := mustService(t, Config{Store: open(t)})
	vpn, err := svc.CreateOutage(ctx, Outage{Service: "vpn", Title: "VPN gestört"}, "anna")
	if err != nil {
		t.Fatal(err)
	}
	mail, err := svc.CreateOutage(ctx, Outage{Service: "email", Title: "E-Mail langsam"}, "anna")
	if err != nil {
		t.Fatal(err)
	}
	ended, err := svc.CreateOutage(ctx, Outage{Service: "vpn", Title: "VPN gestern"}, "anna")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.CloseOutage(ctx, ended.ID, "anna"); err != nil {
		t.Fatal(err)
	}
	// c1 was counted by the intake already (the report dialog linked it).
	if _, err := svc.linkAffected(ctx, vpn.ID, "c1", "", 0); err != nil {
		t.Fatal(err)
	}
	t1 := mustEscalate(t, svc, Escalation{ConversationID: "c1", Summary: "VPN geht nicht"})
	t2 := mustEscalate(t, svc, Escalation{ConversationID: "c2", Summary: "VPN bricht ab"})
	t3 := Ticket{Kind: KindIncident, Priority: P3, Summary: "Kein VPN", Service: "vpn", ReporterID: "u3"}
	if err := svc.create(ctx, &t3); err != nil {
		t.Fatal(err)
	}
	t4 := mustEscalate(t, svc, Escalation{ConversationID: "c1", Summary: "Immer noch kein VPN"})

	steps := []struct {
		name         string
		ticket       int64
		outage       int64
		wantErr      error
		wantMsg      string
		wantAffected int // of the VPN outage afterwards
		wantTickets  int
	}{
		{"reporter counted by the intake", t1.ID, vpn.ID, nil, "", 1, 1},
		{"same link again changes nothing", t1.ID, vpn.ID, nil, "", 1, 1},
		{"new reporter", t2.ID, vpn.ID, nil, "", 2, 2},
		{"reporter without conversation", t3.ID, vpn.ID, nil, "", 3, 3},
		{"second ticket of a counted reporter", t4.ID, vpn.ID, nil, "", 3, 4},
		{"unknown outage", t2.ID, 999, ErrInvalid, StateOutageUnknown + " (outage 999)", 3, 4},
		{"closed outage", t2.ID, ended.ID, ErrInvalid, StateOutageClosed, 3, 4},
		{"linked to another active outage", t2.ID, mail.ID, ErrConflict, StateLinkedActive, 3, 4},
		{"unknown ticket", 4242, vpn.ID, ErrNotFound, "", 3, 4},
	}
	for _, st := range steps {
		got, err := svc.LinkOutage(ctx, st.ticket, st.outage, "bob")
		switch {
		case st.wantErr == nil && err != nil:
			t.Errorf("%s: %v", st.name, err)
		case st.wantErr == nil && got.OutageID != st.outage:
			t.Errorf("%s: ticket outage %d, want %d", st.name, got.OutageID, st.outage)
		case st.wantErr != nil && !errors.Is(err, st.wantErr):
			t.Errorf("%s: %v, want %v", st.name, err, st.wantErr)
		case st.wantErr != nil && !strings.Contains(err.Error(), st.wantMsg):
			t.Errorf("%s: %v, want message %q", st.name, err, st.wantMsg)
		}
		o, err := svc.GetOutage(ctx, vpn.ID)
		if err != nil {
			t.Fatal(err)
		}
		if o.Affected != st.wantAffected || o.Tickets != st.wantTickets {
			t.Errorf("%s: outage affected %d, tickets %d; want %d, %d", st.name, o.Affected, o.Tickets, st.wantAffected, st.wantTickets)
		}
	}
	var reporters []string
	rows, err := svc.store.db.QueryContext(ctx, `SELECT reporter FROM outage_affected WHERE outage_id = ? ORDER BY reporter`, vpn.ID)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var r string
		rows.Scan(&r)
		reporters = append(reporters, r)
	}
	rows.Close()
	if strings.Join(reporters, ",") != "c1,c2,user:u3" {
		t.Errorf("affected reporters %v, want c1, c2, user:u3", reporters)
	}
	// A desk update of other fields keeps the link.
	if got, err := svc.Update(ctx, t2.ID, Patch{Priority: ptr(P2)}, "bob"); err != nil || got.OutageID != vpn.ID {
		t.Errorf("after Update: outage %d, %v; want %d", got.OutageID, err, vpn.ID)
	}
	// Once its outage is closed, a ticket may be linked to a new one; the
	// closed outage keeps its count.
	if _, err := svc.CloseOutage(ctx, vpn.ID, "anna"); err != nil {
		t.Fatal(err)
	}
	if got, err := svc.LinkOutage(ctx, t2.ID, mail.ID, "bob"); err != nil || got.OutageID != mail.ID {
		t.Errorf("relink after close: outage %d, %v; want %d", got.OutageID, err, mail.ID)
	}
	if o, _ := svc.GetOutage(ctx, vpn.ID); o.Affected != 3 || o.Tickets != 3 {
		t.Errorf("closed outage: affected %d, tickets %d; want 3, 3", o.Affected, o.Tickets)
	}
	list, err := svc.ListOutages(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range list {
		if o.ID == mail.ID && (o.Tickets != 1 || o.Affected != 1) {
			t.Errorf("listed mail outage: affected %d, tickets %d; want 1, 1", o.Affected, o.Tickets)
		}
	}

	audit := auditOf(t, svc.store, "ticket.link_outage")
	want := []string{t1.Key, t2.Key, t3.Key, t4.Key, t2.Key}
	if len(audit) != len(want) {
		t.Fatalf("link audit %+v, want %d entries", audit, len(want))
	}
	for i, a := range audit {
		if a.Who != "bob" || a.Target != want[i] || !strings.Contains(a.Detail, "outage:") {
			t.Errorf("audit[%d] = %+v, want bob %s", i, a, want[i])
		}
	}
	if !strings.Contains(audit[0].Detail, "schon als betroffen") || !strings.Contains(audit[1].Detail, "neu als betroffen") {
		t.Errorf("audit details do not say whether the reporter was counted: %q, %q", audit[0].Detail, audit[1].Detail)
	}
}
